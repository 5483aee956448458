//! The search suite: analyzers and queries on the Universal Declaration of
//! Human Rights in four languages (fixtures/udhr.json, see
//! fixtures/UDHR-NOTICE.md), and the index kept current from the store on
//! SQLite and PostgreSQL.

mod follow;
mod forgiving;
mod languages;
mod recall;

use passerelle_search::{ClauseEntry, Entry, Hit, Lang, SearchIndex, SearchRequest};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Article {
    pub n: u32,
    pub text: String,
}

#[derive(Deserialize)]
pub struct Udhr {
    pub articles: std::collections::BTreeMap<String, Vec<Article>>,
}

pub fn udhr() -> Udhr {
    serde_json::from_str(include_str!("../fixtures/udhr.json")).expect("fixture parses")
}

/// The country each language's copy is filed under, so facets can be told
/// apart.
pub fn country(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "FR",
        Lang::En => "GB",
        Lang::Es => "ES",
        Lang::Ar => "MA",
    }
}

/// The declaration in each language as an agreement whose document's
/// clauses are the 30 articles; with `include_private_arabic`, the Arabic
/// text is not public.
pub fn udhr_entries(include_private_arabic: bool) -> Vec<Entry> {
    let u = udhr();
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let mut text = String::new();
        let mut clauses = Vec::new();
        for a in &u.articles[lang.code()] {
            let start = text.len();
            text.push_str(&a.text);
            text.push_str("\n\n");
            clauses.push(ClauseEntry {
                document_id: format!("doc-{}", lang.code()),
                label: a.n.to_string(),
                start,
                lang: Some(lang),
                text: a.text.clone(),
            });
        }
        let id = format!("udhr-{}", lang.code());
        out.push(Entry {
            key: format!("agreements:{id}"),
            kind: "agreements".into(),
            id,
            title: format!("UDHR ({})", lang.code()),
            title_texts: vec![(Some(lang), format!("UDHR ({})", lang.code()))],
            facets: vec![
                ("kind", "agreements".into()),
                ("country", country(lang).into()),
                ("year", "1948".into()),
                ("language", lang.code().into()),
            ],
            year: Some(1948),
            date: Some(19481210),
            public: true,
            text_public: lang != Lang::Ar || !include_private_arabic,
            clauses,
            ..Entry::default()
        });
    }
    out
}

pub fn udhr_index() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.apply(&udhr_entries(false), &[], 1).unwrap();
    index
}

/// Article numbers of the clause hits in `lang`'s copy.
pub fn articles(hits: &[Hit], lang: Lang) -> Vec<u32> {
    let id = format!("udhr-{}", lang.code());
    let mut out: Vec<u32> = hits
        .iter()
        .filter(|h| h.kind == "clauses" && h.id == id)
        .map(|h| h.clause.as_ref().unwrap().label.parse().unwrap())
        .collect();
    out.sort_unstable();
    out
}

pub fn search(index: &SearchIndex, q: &str) -> passerelle_search::SearchResults {
    index
        .search(&SearchRequest {
            limit: 100,
            ..SearchRequest::text(q)
        })
        .unwrap()
}
