//! The labelled corpus: the rubric keeps the F1 the assessment issue asks
//! for (at least 0.9 per language, clauses and documents together), so a
//! cue change that trades it away fails here, not in a later report. The
//! held-out set is only checked for sound labels: its scores are a
//! measure to read, not a bar to tune for.

use std::collections::BTreeSet;
use std::path::Path;

use passerelle_assess::eval::{LabelledClause, LabelledDocument, evaluate};
use passerelle_assess::{Assessor, Language, Rubric};

fn corpus(lang: Language) -> (Vec<LabelledClause>, Vec<LabelledDocument>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let clauses = serde_json::from_str(
        &std::fs::read_to_string(root.join("clauses").join(format!("{}.json", lang.code())))
            .expect("clauses"),
    )
    .expect("clauses are JSON");
    (clauses, documents(&root, lang))
}

/// The labelled documents of a set in `lang` (none when it has none).
fn documents(root: &Path, lang: Language) -> Vec<LabelledDocument> {
    let mut documents = Vec::new();
    let dir = root.join("documents").join(lang.code());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return documents;
    };
    let mut texts: Vec<_> = entries
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    for path in texts {
        let labels_path = path.with_extension("labels.json");
        let labels: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&labels_path).expect("labels"))
                .expect("labels are JSON");
        let listed: Vec<String> = labels["covered"]
            .as_array()
            .expect("`covered` is a list")
            .iter()
            .map(|v| v.as_str().expect("an element id").to_string())
            .collect();
        let covered: BTreeSet<String> = listed.iter().cloned().collect();
        assert_eq!(
            covered.len(),
            listed.len(),
            "{}: an element twice",
            labels_path.display()
        );
        documents.push(LabelledDocument {
            name: path.file_stem().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&path).expect("document"),
            covered,
        });
    }
    documents
}

#[test]
fn every_language_keeps_f1_of_at_least_0_9() {
    let assessor = Assessor::new(Rubric::builtin());
    for lang in Language::RUBRIC {
        let (clauses, documents) = corpus(lang);
        assert!(
            clauses.len() >= 60,
            "{}: {} clauses",
            lang.code(),
            clauses.len()
        );
        assert!(
            documents.len() >= 3,
            "{}: {} documents",
            lang.code(),
            documents.len()
        );
        let e = evaluate(&assessor, lang, &clauses, &documents);
        let overall = e.overall();
        assert!(
            overall.f1() >= 0.9,
            "{}: overall F1 {:.4} (clauses {:.4}, documents {:.4}); misses: {:?}",
            lang.code(),
            overall.f1(),
            e.clauses.f1(),
            e.documents.f1(),
            e.misses
        );
    }
}

#[test]
fn every_label_of_both_sets_names_an_element_once() {
    let rubric = Rubric::builtin();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for set in ["corpus", "heldout"] {
        for lang in Language::RUBRIC {
            let path = root
                .join(set)
                .join("clauses")
                .join(format!("{}.json", lang.code()));
            let clauses: Vec<LabelledClause> =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("clauses"))
                    .expect("clauses are JSON");
            let mut ids = BTreeSet::new();
            for c in &clauses {
                assert!(
                    ids.insert(c.id.clone()),
                    "{}: `{}` twice",
                    path.display(),
                    c.id
                );
                assert!(
                    !c.text.trim().is_empty(),
                    "{}: `{}` is empty",
                    path.display(),
                    c.id
                );
                for e in &c.elements {
                    assert!(
                        rubric.element(e).is_some(),
                        "{}: `{}` names no element `{e}`",
                        path.display(),
                        c.id
                    );
                }
            }
            for d in documents(&root.join(set), lang) {
                assert!(!d.text.trim().is_empty(), "{}: empty", d.name);
                for e in &d.covered {
                    assert!(
                        rubric.element(e).is_some(),
                        "{} ({set}): names no element `{e}`",
                        d.name
                    );
                }
            }
        }
    }
}
