//! Sample draft agreements, one per language, written for the project
//! between two fictional states (Aurelia, destination; Borealis, origin).
//! Each mixes good provisions, gaps and three clauses that work against
//! workers, so a negotiator can try the engine in one click. What a careful
//! reader says of each (by element) is in `samples/expected.toml`: the
//! tests measure the engine against it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::Language;

const EXPECTED: &str = include_str!("../samples/expected.toml");

/// One sample draft.
#[derive(Clone, Debug)]
pub struct Sample {
    pub language: Language,
    /// A short title in the sample's language, for a menu.
    pub title: String,
    pub text: &'static str,
    pub expected: Expected,
}

/// What a careful human reader says of a sample, element by element.
#[derive(Clone, Debug, Deserialize)]
pub struct Expected {
    pub title: String,
    pub contrary: Vec<String>,
    pub covered: Vec<String>,
    pub absent: Vec<String>,
    pub mentioned: Vec<String>,
    /// The article of each clause that works against the worker.
    pub articles: BTreeMap<String, String>,
}

/// The four samples, French first.
pub fn samples() -> Vec<Sample> {
    let expected: BTreeMap<String, Expected> =
        toml::from_str(EXPECTED).expect("samples/expected.toml is valid");
    [
        (Language::Fr, include_str!("../samples/fr.txt")),
        (Language::En, include_str!("../samples/en.txt")),
        (Language::Es, include_str!("../samples/es.txt")),
        (Language::Ar, include_str!("../samples/ar.txt")),
    ]
    .into_iter()
    .map(|(language, text)| {
        let expected = expected[language.code()].clone();
        Sample {
            language,
            title: expected.title.clone(),
            text,
            expected,
        }
    })
    .collect()
}

/// The sample in `code` (`fr`, `en`, `es`, `ar`), if there is one.
pub fn sample(code: &str) -> Option<Sample> {
    samples().into_iter().find(|s| s.language.code() == code)
}
