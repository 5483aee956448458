//! Search that forgives: other genders, numbers and spellings, the hub's
//! acronyms, and the records holding most of the words when none holds
//! them all.

use passerelle_search::{Entry, Lang, SearchIndex};

use crate::search;

/// A public practice with a title and one body, both in `lang`.
fn record(id: &str, lang: Lang, title: &str, body: &str) -> Entry {
    Entry {
        key: format!("practices:{id}"),
        kind: "practices".into(),
        id: id.into(),
        title: title.into(),
        title_texts: vec![(Some(lang), title.into())],
        bodies: vec![(Some(lang), body.into())],
        facets: vec![("kind", "practices".into())],
        public: true,
        text_public: true,
        ..Entry::default()
    }
}

fn index() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    let entries = vec![
        record(
            "labor",
            Lang::En,
            "Labor mobility scheme",
            "An organization of employers recruits in the partner country.",
        ),
        record(
            "saisonnieres",
            Lang::Fr,
            "Recrutement des travailleuses saisonnières",
            "Les employées agricoles sont recrutées sans frais par l'agence publique.",
        ),
        record(
            "domesticas",
            Lang::Es,
            "Empleadas domésticas",
            "Las trabajadoras del hogar tienen un contrato escrito.",
        ),
        record(
            "forum",
            Lang::Fr,
            "Engagement annoncé au Forum d'examen des migrations internationales",
            "Un engagement pris en mai 2022.",
        ),
        record(
            "champions",
            Lang::En,
            "The champion countries meet",
            "Countries that volunteered to lead the implementation of the compact.",
        ),
        record(
            "fair",
            Lang::Fr,
            "Recrutement équitable",
            "Un programme de recrutement équitable entre deux pays.",
        ),
    ];
    index.apply(&entries, &[], 1).unwrap();
    index
}

fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
    search(index, q).hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn other_genders_numbers_and_spellings_find_the_record() {
    let index = index();
    for (q, want) in [
        ("labour", "labor"),
        ("organisations", "labor"),
        ("travailleur saisonnier", "saisonnieres"),
        ("employé", "saisonnieres"),
        ("empleado doméstico", "domesticas"),
        ("trabajadores", "domesticas"),
    ] {
        let found = ids(&index, q);
        assert!(found.contains(&want.to_string()), "{q}: {found:?}");
        assert!(search(&index, q).partial.is_none(), "{q}: every word found");
    }
}

#[test]
fn the_hubs_acronyms_and_names_find_each_other() {
    let index = index();
    for (q, want) in [
        ("IMRF", "forum"),
        ("imrf 2022", "forum"),
        ("\"International Migration Review Forum\"", "forum"),
        ("pays champions", "champions"),
        ("países campeones", "champions"),
    ] {
        let found = ids(&index, q);
        assert!(found.contains(&want.to_string()), "{q}: {found:?}");
    }
    // An acronym alone finds nothing that does not name the thing.
    assert!(ids(&index, "IMRF").iter().all(|id| id == "forum"));
}

#[test]
fn when_no_record_holds_every_word_the_closest_are_shown_and_said_to_be() {
    let index = index();
    let r = search(&index, "recrutement équitable zanzibar");
    let found: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(found.first(), Some(&"fair"), "{found:?}");
    let partial = r.partial.expect("said to be partial");
    assert_eq!((partial.at_least, partial.of), (2, 3));
    assert_eq!(r.total, r.hits.len());
    // Every word found together: no partial answer, and the same hits as
    // before.
    let r = search(&index, "recrutement équitable");
    assert!(r.partial.is_none());
    assert_eq!(r.hits[0].id, "fair");
    // One word is one word: no relaxing to nothing.
    let r = search(&index, "zanzibar");
    assert_eq!(r.total, 0);
    assert!(r.partial.is_none());
    // A year is meant as typed: "2031" neither becomes "2022" nor is
    // dropped from a query of one word and a year.
    let r = search(&index, "engagement 2031");
    assert!(
        r.suggestions.iter().all(|s| s.contains("2031")),
        "{:?}",
        r.suggestions
    );
    assert_eq!(r.partial.map(|p| (p.at_least, p.of)), Some((1, 2)));
}
