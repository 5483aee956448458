//! Recall on queries whose answers need stemming or normalisation
//! (fixtures/udhr-recall.json: the query word never appears as typed in at
//! least one relevant article).

use passerelle_search::Lang;
use serde::Deserialize;

use crate::{articles, search, udhr_index};

#[derive(Deserialize)]
struct Labels {
    queries: Vec<Labelled>,
}

#[derive(Deserialize)]
pub struct Labelled {
    pub lang: String,
    pub query: String,
    pub relevant: Vec<u32>,
}

pub fn labelled() -> Vec<Labelled> {
    let l: Labels =
        serde_json::from_str(include_str!("../fixtures/udhr-recall.json")).expect("labels parse");
    l.queries
}

#[test]
fn recall_is_high_in_every_language() {
    let index = udhr_index();
    let mut report = String::new();
    for lang in Lang::ALL {
        let (mut relevant, mut found) = (0usize, 0usize);
        for q in labelled().iter().filter(|q| q.lang == lang.code()) {
            let hits = articles(&search(&index, &q.query).hits, lang);
            let got = q.relevant.iter().filter(|a| hits.contains(a)).count();
            if got < q.relevant.len() {
                report.push_str(&format!(
                    "{} {:?}: missed {:?}\n",
                    q.lang,
                    q.query,
                    q.relevant
                        .iter()
                        .filter(|a| !hits.contains(a))
                        .collect::<Vec<_>>()
                ));
            }
            relevant += q.relevant.len();
            found += got;
        }
        let recall = found as f64 / relevant as f64;
        report.push_str(&format!("{}: recall {recall:.3}\n", lang.code()));
        assert!(
            recall >= 0.9,
            "{}: recall {recall:.3}\n{report}",
            lang.code()
        );
    }
    eprintln!("{report}");
}
