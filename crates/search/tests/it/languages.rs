//! Each language finds inflected forms, highlights the words that matched,
//! and counts facets for the current query.

use passerelle_search::{Lang, SearchRequest};

use crate::{articles, search, udhr, udhr_index};

/// Every highlight of every hit, as the text it marks.
fn highlighted(results: &passerelle_search::SearchResults) -> Vec<String> {
    let mut out = Vec::new();
    for h in &results.hits {
        if let Some(s) = &h.snippet {
            for r in &s.highlights {
                out.push(s.text[r[0]..r[1]].to_string());
            }
        }
    }
    out
}

/// The article texts in `lang`, to check offsets against.
fn document(lang: Lang) -> String {
    let mut text = String::new();
    for a in &udhr().articles[lang.code()] {
        text.push_str(&a.text);
        text.push_str("\n\n");
    }
    text
}

/// Every snippet's offsets point at the same words in the full text.
fn offsets_hold(results: &passerelle_search::SearchResults, lang: Lang) {
    let doc = document(lang);
    for h in results.hits.iter().filter(|h| h.id.ends_with(lang.code())) {
        let s = h.snippet.as_ref().expect("clause hits have snippets");
        assert_eq!(&doc[s.start..s.start + s.text.len()], s.text);
    }
}

#[test]
fn french_finds_inflections_and_unaccented_words() {
    let index = udhr_index();
    // Typed without its accent, "chômage" is in articles 23 and 25.
    let r = search(&index, "chomage");
    assert_eq!(articles(&r.hits, Lang::Fr), [23, 25]);
    // The plural finds the singular: "libertés" is in article 2, "liberté"
    // alone in article 3.
    let r = search(&index, "libertés");
    let found = articles(&r.hits, Lang::Fr);
    assert!(found.contains(&2) && found.contains(&3), "{found:?}");
    // Both words are in articles 22 and 25; the phrase only in 22.
    let r = search(&index, "securite sociale");
    assert_eq!(articles(&r.hits, Lang::Fr), [22, 25]);
    let words = highlighted(&r);
    assert!(words.iter().any(|w| w == "sécurité"), "{words:?}");
    assert!(words.iter().any(|w| w == "sociale"), "{words:?}");
    offsets_hold(&r, Lang::Fr);
    // Stop words do not filter: "la sécurité sociale" is "sécurité sociale".
    assert_eq!(search(&index, "la securite sociale").total, r.total);
    assert_eq!(search(&index, "securite sociale de la").total, r.total);
    // A phrase must be contiguous: "sociale" elsewhere does not count.
    let phrase = search(&index, "\"sécurité sociale\"");
    assert_eq!(articles(&phrase.hits, Lang::Fr), [22]);
    let loose = search(&index, "sociale");
    assert!(articles(&loose.hits, Lang::Fr).len() > 2);
}

#[test]
fn english_finds_plurals_and_excludes() {
    let index = udhr_index();
    // English stemming is broad: "nationalities" meets "nationality" (only
    // in article 15) and also "national".
    let r = search(&index, "nationalities");
    assert!(articles(&r.hits, Lang::En).contains(&15));
    assert!(highlighted(&r).iter().any(|w| w == "nationality"));
    offsets_hold(&r, Lang::En);
    let all = search(&index, "marriage");
    let without = search(&index, "marriage -spouses");
    assert!(articles(&all.hits, Lang::En).contains(&16));
    assert!(!articles(&without.hits, Lang::En).contains(&16));
    let either = search(&index, "torture OR slavery");
    assert_eq!(articles(&either.hits, Lang::En), [4, 5]);
}

#[test]
fn spanish_finds_inflections_and_folds_accents() {
    let index = udhr_index();
    let r = search(&index, "nino");
    let found = articles(&r.hits, Lang::Es);
    assert!(found.contains(&25), "{found:?}");
    let r = search(&index, "educacion");
    assert_eq!(articles(&r.hits, Lang::Es), [26]);
    assert!(highlighted(&r).iter().any(|w| w == "educación"));
    offsets_hold(&r, Lang::Es);
}

#[test]
fn arabic_normalises_hamza_diacritics_and_tatweel() {
    let index = udhr_index();
    // Written without hamza and with tatweel, the family still matches
    // "الأسرة" (article 16) and "أسرته" (article 12).
    for q in ["الاسرة", "الأســرة", "أُسْرَة"] {
        let r = search(&index, q);
        let found = articles(&r.hits, Lang::Ar);
        assert!(found.contains(&16) && found.contains(&12), "{q}: {found:?}");
        offsets_hold(&r, Lang::Ar);
    }
    let r = search(&index, "الاسرة");
    let words = highlighted(&r);
    for w in ["أسرته", "أسرة"] {
        assert!(words.iter().any(|h| h == w), "{w} in {words:?}");
    }
}

#[test]
fn facets_count_the_current_query() {
    let index = udhr_index();
    let r = search(&index, "droit");
    let fr = articles(&r.hits, Lang::Fr).len() as u64;
    assert!(fr > 10);
    let count = |dim: &str, code: &str| {
        r.facets[dim]
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.count)
    };
    // Only French clauses match "droit": facets count the one record they
    // belong to, the kind counts the hits.
    assert_eq!(count("country", "FR"), Some(1));
    assert_eq!(count("language", "fr"), Some(1));
    assert_eq!(count("year", "1948"), Some(1));
    assert_eq!(count("kind", "clauses"), Some(fr));
    assert_eq!(r.total as u64, fr);
    // Filtering by a facet narrows to it and the counts follow.
    let narrowed = index
        .search(&SearchRequest {
            filters: vec![("country".into(), "fr".into())],
            limit: 100,
            ..SearchRequest::text("droit")
        })
        .unwrap();
    assert_eq!(narrowed.total as u64, fr);
    assert_eq!(narrowed.facets["country"].len(), 1);
    // The same through the query syntax, and with a year range.
    assert_eq!(search(&index, "droit country:FR").total as u64, fr);
    assert_eq!(
        search(&index, "droit country:FR year:1940..1950").total as u64,
        fr
    );
    assert_eq!(search(&index, "droit country:FR year:2001..").total, 0);
}

#[test]
fn a_typo_gets_a_suggestion() {
    let index = udhr_index();
    let r = search(&index, "marriagge");
    assert_eq!(r.total, 0);
    assert_eq!(r.suggestions, ["marriage"]);
    let r = search(&index, "educacoin");
    assert_eq!(r.suggestions, ["educacion"]);
    // A number is kept as typed, and no word turns into a number.
    let r = search(&index, "marriagge 2031");
    assert!(
        r.suggestions.iter().all(|s| s.ends_with("2031")),
        "{:?}",
        r.suggestions
    );
    let r = search(&index, "1949");
    assert!(r.suggestions.is_empty(), "{:?}", r.suggestions);
}

#[test]
fn private_records_are_found_only_by_those_allowed() {
    let index = passerelle_search::SearchIndex::in_memory().unwrap();
    index.apply(&crate::udhr_entries(true), &[], 1).unwrap();
    let public = search(&index, "الاسرة");
    assert!(articles(&public.hits, Lang::Ar).is_empty());
    let private = index
        .search(&SearchRequest {
            include_private: true,
            limit: 100,
            ..SearchRequest::text("الاسرة")
        })
        .unwrap();
    assert!(!articles(&private.hits, Lang::Ar).is_empty());
}

#[test]
fn pages_follow_one_another() {
    let index = udhr_index();
    let page = |offset: usize, limit: usize| -> Vec<(String, String)> {
        index
            .search(&SearchRequest {
                offset,
                limit,
                facets: false,
                ..SearchRequest::text("droit OR right OR derecho")
            })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| (h.id, h.clause.map(|c| c.label).unwrap_or_default()))
            .collect()
    };
    let all = page(0, 30);
    assert_eq!(all.len(), 30);
    let mut paged = page(0, 10);
    paged.extend(page(10, 10));
    paged.extend(page(20, 10));
    assert_eq!(paged, all);
}
