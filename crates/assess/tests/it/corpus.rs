//! The labelled sets: the tuning corpus keeps its F1 (at least 0.89 per
//! language, clauses and documents together; a finding is `covered` or
//! `partial` since `mentioned` and `contrary` exist: 0.90-0.92 in
//! December 2026, French lowest),
//! so that a cue change that trades it away fails here, not in a later
//! report. The held-out sets are measures to read, not bars to tune for;
//! what is checked on them is what must hold whatever the wording: sound
//! labels, and no credit for a clause that works against the worker.

use std::path::{Path, PathBuf};

use passerelle_assess::eval::{LabelledSet, evaluate, load};
use passerelle_assess::{Assessor, Language, Rubric};

const SETS: [&str; 4] = [
    "corpus",
    "heldout",
    "heldout-contrary",
    "heldout-contrary-2",
];

fn root(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(set)
}

fn set(name: &str, lang: Language) -> LabelledSet {
    let rubric = Rubric::builtin();
    let ids: Vec<&str> = rubric.elements.iter().map(|e| e.id.as_str()).collect();
    load(&root(name), lang, &ids).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_language_keeps_f1_of_at_least_0_89() {
    let assessor = Assessor::new(Rubric::builtin());
    for lang in Language::RUBRIC {
        let mut corpus = set("corpus", lang);
        // The first part, which the bar was set on; the part written to
        // tune `mentioned` and `contrary` (ids `xx-dNN`) has its own test.
        corpus.clauses.retain(|c| !c.id.contains("-d"));
        assert!(
            corpus.clauses.len() >= 60,
            "{}: {} clauses",
            lang.code(),
            corpus.clauses.len()
        );
        assert!(
            corpus.documents.len() >= 3,
            "{}: {} documents",
            lang.code(),
            corpus.documents.len()
        );
        let e = evaluate(&assessor, lang, &corpus);
        let overall = e.overall();
        assert!(
            overall.f1() >= 0.89,
            "{}: overall F1 {:.4} (clauses {:.4}, documents {:.4}); misses: {:?}",
            lang.code(),
            overall.f1(),
            e.clauses.f1(),
            e.documents.f1(),
            e.misses
        );
    }
}

/// The loader checks every label: ids known, none twice, texts not empty.
#[test]
fn every_label_of_every_set_names_an_element_once() {
    for name in SETS {
        for lang in Language::RUBRIC {
            let s = set(name, lang);
            assert!(!s.clauses.is_empty(), "{name} {}: no clauses", lang.code());
        }
    }
}

/// The tuning corpus's clauses that work against the worker (its
/// `clauses-contrary` part and the traps of the first part): nearly all
/// are flagged (73 of 74 in December 2026), and at most one per language
/// still lends coverage credit. The issue asks for all of them on every
/// set, held-out ones included, which the engine does not reach yet; these
/// bars hold what it reached so that a change that loses it fails here
/// (figures in docs/benchmarks.md).
#[test]
fn clauses_that_work_against_the_worker_are_flagged() {
    let assessor = Assessor::new(Rubric::builtin());
    for lang in Language::RUBRIC {
        let e = evaluate(&assessor, lang, &set("corpus", lang));
        let labelled = e.contrary.tp + e.contrary.fn_;
        assert!(
            labelled >= 15,
            "{}: {labelled} contrary labels",
            lang.code()
        );
        assert!(
            e.contrary.recall() >= 0.9,
            "{}: {} of {labelled} flagged; misses: {:?}",
            lang.code(),
            e.contrary.tp,
            e.misses
                .iter()
                .filter(|m| m.kind == "contrary missed")
                .collect::<Vec<_>>()
        );
        assert!(
            e.credit_on_contrary <= 1,
            "{}: {} clauses that work against an element still credit it: {:?}",
            lang.code(),
            e.credit_on_contrary,
            e.misses
                .iter()
                .filter(|m| m.kind == "credit on a contrary clause")
                .collect::<Vec<_>>()
        );
    }
}
