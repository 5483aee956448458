//! Precision, recall and F1 of the engine against a labelled set: clauses
//! labelled with the elements they provide for and those they work
//! against, and whole agreements labelled at document level.
//!
//! A set is a folder: `clauses/{lang}.json` and any other
//! `clauses-*/{lang}.json` (parts written at other times), and
//! `documents/{lang}/NAME.txt` with `NAME.labels.json` beside it.
//!
//! A finding is an element the engine says the text provides for: status
//! `covered` or `partial`. `mentioned` and `contrary` are not findings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Assessor, Language, Report, Status};

/// A clause and what a careful reader says it does.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledClause {
    pub id: String,
    pub text: String,
    /// Elements the clause provides for, fully or in part.
    pub elements: Vec<String>,
    /// Elements the clause works against.
    #[serde(default)]
    pub contrary: Vec<String>,
    /// Elements it names in passing (for information: not scored apart).
    #[serde(default)]
    pub mentioned: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A whole agreement and what it does.
#[derive(Clone, Debug)]
pub struct LabelledDocument {
    pub name: String,
    pub text: String,
    /// Elements it provides for, fully or in part.
    pub covered: BTreeSet<String>,
    /// Elements some article works against.
    pub contrary: BTreeSet<String>,
}

/// One language's part of a labelled set.
#[derive(Clone, Debug, Default)]
pub struct LabelledSet {
    pub clauses: Vec<LabelledClause>,
    pub documents: Vec<LabelledDocument>,
}

/// A labelled set that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum SetError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

fn read(path: &Path) -> Result<String, SetError> {
    std::fs::read_to_string(path).map_err(|source| SetError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn invalid(path: &Path, message: impl std::fmt::Display) -> SetError {
    SetError::Invalid {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

/// Reads the `lang` part of the set in `root`. Every element a label
/// names must be one of `elements`.
pub fn load(root: &Path, lang: Language, elements: &[&str]) -> Result<LabelledSet, SetError> {
    let mut set = LabelledSet::default();
    let entries = std::fs::read_dir(root).map_err(|source| SetError::Read {
        path: root.to_path_buf(),
        source,
    })?;
    let mut parts: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n == "clauses" || n.starts_with("clauses-"))
        })
        .map(|p| p.join(format!("{}.json", lang.code())))
        .filter(|p| p.exists())
        .collect();
    parts.sort();
    let mut ids = BTreeSet::new();
    for path in parts {
        let clauses: Vec<LabelledClause> =
            serde_json::from_str(&read(&path)?).map_err(|e| invalid(&path, e))?;
        for c in &clauses {
            if !ids.insert(c.id.clone()) {
                return Err(invalid(&path, format!("`{}` twice", c.id)));
            }
            if c.text.trim().is_empty() {
                return Err(invalid(&path, format!("`{}` is empty", c.id)));
            }
            let mut seen = BTreeSet::new();
            for e in c.elements.iter().chain(&c.contrary).chain(&c.mentioned) {
                if !elements.contains(&e.as_str()) {
                    return Err(invalid(&path, format!("`{}` names no element `{e}`", c.id)));
                }
                if !seen.insert(e) {
                    return Err(invalid(&path, format!("`{}` labels `{e}` twice", c.id)));
                }
            }
        }
        set.clauses.extend(clauses);
    }
    let dir = root.join("documents").join(lang.code());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(set);
    };
    let mut texts: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    for path in texts {
        let labels_path = path.with_extension("labels.json");
        let labels: serde_json::Value =
            serde_json::from_str(&read(&labels_path)?).map_err(|e| invalid(&labels_path, e))?;
        let list = |key: &str, required: bool| -> Result<BTreeSet<String>, SetError> {
            let Some(values) = labels.get(key) else {
                return if required {
                    Err(invalid(&labels_path, format!("no `{key}` list")))
                } else {
                    Ok(BTreeSet::new())
                };
            };
            let values = values
                .as_array()
                .ok_or_else(|| invalid(&labels_path, format!("`{key}` is not a list")))?;
            let mut out = BTreeSet::new();
            for v in values {
                let id = v
                    .as_str()
                    .ok_or_else(|| invalid(&labels_path, format!("`{key}` holds a non-string")))?;
                if !elements.contains(&id) {
                    return Err(invalid(&labels_path, format!("no element `{id}`")));
                }
                if !out.insert(id.to_string()) {
                    return Err(invalid(&labels_path, format!("`{id}` twice in `{key}`")));
                }
            }
            Ok(out)
        };
        let covered = list("covered", true)?;
        let contrary = list("contrary", false)?;
        let text = read(&path)?;
        if text.trim().is_empty() {
            return Err(invalid(&path, "empty"));
        }
        set.documents.push(LabelledDocument {
            name: path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            text,
            covered,
            contrary,
        });
    }
    Ok(set)
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

    pub fn merge(&mut self, other: Counts) {
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
    /// `false positive`, `false negative`, `credit on a contrary clause` or
    /// `contrary missed`.
    pub kind: &'static str,
    /// The status the engine gave.
    pub status: Status,
}

/// What a label says of an element, for the confusion table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Truth {
    /// The text provides for it.
    Provides,
    /// The text works against it.
    Contrary,
    /// Both (a document with a protective and a contrary article).
    Both,
    /// Named in passing (clause labels that say so).
    Mentioned,
    /// Nothing.
    None,
}

impl Truth {
    pub const ALL: [Truth; 5] = [
        Truth::Provides,
        Truth::Both,
        Truth::Contrary,
        Truth::Mentioned,
        Truth::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Truth::Provides => "provides",
            Truth::Contrary => "contrary",
            Truth::Both => "both",
            Truth::Mentioned => "mentioned",
            Truth::None => "none",
        }
    }
}

/// Scores of one language.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// Findings (covered or partial) on clauses.
    pub clauses: Counts,
    /// Findings (covered or partial) on whole agreements.
    pub documents: Counts,
    /// `covered` alone as the finding, clauses and documents together.
    pub covered_only: Counts,
    /// Labelled contrary elements against those the engine flags (status
    /// contrary, or a concern on a partial finding).
    pub contrary: Counts,
    /// Labelled contrary clauses whose element still got coverage credit.
    pub credit_on_contrary: u32,
    pub per_element: BTreeMap<String, Counts>,
    /// How many (label, status) pairs, clauses and documents together.
    pub confusion: BTreeMap<(Truth, Status), u32>,
    pub misses: Vec<Miss>,
}

impl Evaluation {
    /// Clause and document findings together.
    pub fn overall(&self) -> Counts {
        let mut c = self.clauses;
        c.merge(self.documents);
        c
    }

    fn score(
        &mut self,
        item: &str,
        report: &Report,
        provides: &BTreeSet<String>,
        contrary: &BTreeSet<String>,
        mentioned: &BTreeSet<String>,
        document: bool,
    ) {
        for f in &report.elements {
            let id = &f.id;
            let (x, against) = (provides.contains(id), contrary.contains(id));
            let p = f.status.provides();
            if document {
                self.documents.add(p, x);
            } else {
                self.clauses.add(p, x);
            }
            self.covered_only.add(f.status == Status::Covered, x);
            self.per_element.entry(id.clone()).or_default().add(p, x);
            let flagged = !f.concerns.is_empty();
            self.contrary.add(flagged, against);
            let truth = match (x, against) {
                (true, true) => Truth::Both,
                (true, false) => Truth::Provides,
                (false, true) => Truth::Contrary,
                (false, false) if mentioned.contains(id) => Truth::Mentioned,
                (false, false) => Truth::None,
            };
            *self.confusion.entry((truth, f.status)).or_default() += 1;
            let mut miss = |kind| {
                self.misses.push(Miss {
                    item: item.to_string(),
                    element: id.clone(),
                    kind,
                    status: f.status,
                })
            };
            if p && !x {
                miss("false positive");
            } else if x && !p {
                miss("false negative");
            }
            if against && !x && p {
                self.credit_on_contrary += 1;
                miss("credit on a contrary clause");
            }
            if against && !flagged {
                miss("contrary missed");
            }
        }
    }
}

/// Evaluates the engine on one language's part of a set.
pub fn evaluate(assessor: &Assessor, language: Language, set: &LabelledSet) -> Evaluation {
    let mut e = Evaluation::default();
    for c in &set.clauses {
        let report = assessor.assess(&c.text, Some(language));
        let set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<String>>();
        e.score(
            &c.id,
            &report,
            &set(&c.elements),
            &set(&c.contrary),
            &set(&c.mentioned),
            false,
        );
    }
    for d in &set.documents {
        let report = assessor.assess(&d.text, Some(language));
        e.score(
            &d.name,
            &report,
            &d.covered,
            &d.contrary,
            &BTreeSet::new(),
            true,
        );
    }
    e
}
