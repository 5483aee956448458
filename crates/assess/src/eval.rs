//! Precision, recall and F1 of the engine against a labelled corpus:
//! clauses labelled with the elements they cover, and whole agreements
//! labelled at document level.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{Assessor, Language, Status};

/// A clause and the elements a careful reader says it covers.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LabelledClause {
    pub id: String,
    pub text: String,
    pub elements: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A whole agreement and the elements it covers.
#[derive(Clone, Debug)]
pub struct LabelledDocument {
    pub name: String,
    pub text: String,
    pub covered: BTreeSet<String>,
}

/// Counts of true positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Counts {
    fn add(&mut self, predicted: bool, expected: bool) {
        match (predicted, expected) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn merge(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// A mistake, for the person tuning the rubric.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    pub item: String,
    pub element: String,
    /// `false positive` or `false negative`.
    pub kind: &'static str,
}

/// Scores of one language.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Evaluation {
    pub clauses: Counts,
    pub documents: Counts,
    pub per_element: BTreeMap<String, Counts>,
    pub misses: Vec<Miss>,
}

impl Evaluation {
    /// Clause and document counts together.
    pub fn overall(&self) -> Counts {
        let mut c = self.clauses;
        c.merge(self.documents);
        c
    }
}

fn score_item(
    e: &mut Evaluation,
    item: &str,
    element_ids: &[String],
    predicted: &BTreeSet<String>,
    expected: &BTreeSet<String>,
    document: bool,
) {
    for id in element_ids {
        let (p, x) = (predicted.contains(id), expected.contains(id));
        if document {
            e.documents.add(p, x);
        } else {
            e.clauses.add(p, x);
        }
        e.per_element.entry(id.clone()).or_default().add(p, x);
        if p != x {
            let kind = if p {
                "false positive"
            } else {
                "false negative"
            };
            e.misses.push(Miss {
                item: item.to_string(),
                element: id.clone(),
                kind,
            });
        }
    }
}

/// Evaluates the engine on one language's clauses and documents.
pub fn evaluate(
    assessor: &Assessor,
    language: Language,
    clauses: &[LabelledClause],
    documents: &[LabelledDocument],
) -> Evaluation {
    let ids: Vec<String> = assessor
        .rubric()
        .elements
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let mut e = Evaluation::default();
    for c in clauses {
        let report = assessor.assess(&c.text, Some(language));
        let predicted: BTreeSet<String> = report
            .elements
            .iter()
            .filter(|f| !f.clauses.is_empty())
            .map(|f| f.id.clone())
            .collect();
        let expected: BTreeSet<String> = c.elements.iter().cloned().collect();
        score_item(&mut e, &c.id, &ids, &predicted, &expected, false);
    }
    for d in documents {
        let report = assessor.assess(&d.text, Some(language));
        let predicted: BTreeSet<String> = report
            .elements
            .iter()
            .filter(|f| f.status == Status::Covered)
            .map(|f| f.id.clone())
            .collect();
        score_item(&mut e, &d.name, &ids, &predicted, &d.covered, true);
    }
    e
}
