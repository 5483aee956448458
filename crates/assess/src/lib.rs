//! The assessment engine: reads an agreement's text and reports, element by
//! element of the UN Network on Migration's Guidance on Bilateral Labour
//! Migration Agreements (2022), whether it is covered, where (clause and
//! words), and what is missing. No I/O.
//!
//! [`Assessor`] holds a compiled [`Rubric`]; [`Assessor::assess`] gives a
//! [`Report`]. Text is [`normalize`](normalize::normalize)d with a map back
//! to the original bytes, [`segment`](segment::segment)ed into clauses, and
//! scanned once per clause by the [`Matcher`](matcher::Matcher).

pub mod eval;
pub mod language;
pub mod matcher;
pub mod normalize;
pub mod render;
pub mod rubric;
pub mod segment;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use language::Language;
pub use matcher::{Matcher, Strength};
pub use rubric::{Rubric, RubricError};
pub use segment::Clause;

/// Whether an element is in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Covered,
    Partial,
    Absent,
}

/// Words of the text that made a finding, with the cue that fired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Evidence {
    /// The clause id.
    pub clause: String,
    /// Byte offsets into the assessed text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The rubric cue that fired.
    pub cue: String,
    pub strength: Strength,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ElementFinding {
    pub id: String,
    pub status: Status,
    /// 0 to 1: how sure the finding is.
    pub score: f64,
    pub evidence: Vec<Evidence>,
    /// Ids of the clauses that cover the element.
    #[serde(default)]
    pub clauses: Vec<String>,
    /// Clauses that do the opposite of what the element protects (the
    /// worker pays the fees, the employer keeps the passport).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<Evidence>,
}

/// The report on one text. Its JSON form is the contract tools rely on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Report {
    pub rubric: String,
    pub rubric_version: String,
    pub language: Language,
    pub clauses: Vec<Clause>,
    pub elements: Vec<ElementFinding>,
    /// Share of elements covered (partial counts half), 0 to 1.
    pub coverage: f64,
}

impl Report {
    pub fn element(&self, id: &str) -> Option<&ElementFinding> {
        self.elements.iter().find(|e| e.id == id)
    }
}

/// What one clause says about one element.
#[derive(Default)]
struct ClauseVerdict {
    strong: Vec<Evidence>,
    weak: Vec<Evidence>,
    adverse: Vec<Evidence>,
}

impl ClauseVerdict {
    /// Different weak cues on different words: overlapping cues ("national"
    /// inside "national workers") count once.
    fn distinct_weak(&self) -> usize {
        let mut spans: Vec<(usize, usize, &str)> = self
            .weak
            .iter()
            .map(|e| (e.start, e.end, e.cue.as_str()))
            .collect();
        // At one start the longest span first, so the words of a phrase
        // ("titre de séjour", then "titre*" and "séjour" inside it) count
        // once, not as two different cues.
        spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        let mut cues = BTreeSet::new();
        let mut last_end = 0;
        for (start, end, cue) in spans {
            if start >= last_end && cues.insert(cue) {
                last_end = end;
            }
        }
        cues.len()
    }

    /// Covers the element (no adverse words, a strong cue or two weak ones).
    fn covers(&self) -> bool {
        self.adverse.is_empty() && (!self.strong.is_empty() || self.distinct_weak() >= 2)
    }

    fn score(&self) -> f64 {
        if !self.adverse.is_empty() {
            0.0
        } else if !self.strong.is_empty() {
            1.0
        } else if self.distinct_weak() >= 2 {
            0.8
        } else if !self.weak.is_empty() {
            0.3
        } else {
            0.0
        }
    }
}

/// A rubric compiled for matching.
pub struct Assessor {
    rubric: Rubric,
    matcher: Matcher,
}

impl Assessor {
    pub fn new(rubric: Rubric) -> Assessor {
        let matcher = Matcher::new(&rubric);
        Assessor { rubric, matcher }
    }

    pub fn rubric(&self) -> &Rubric {
        &self.rubric
    }

    /// Assesses `text`; `language` is detected when not given.
    pub fn assess(&self, text: &str, language: Option<Language>) -> Report {
        let language = language.unwrap_or_else(|| language::detect(text));
        let clauses = segment::segment(text);
        let n = self.rubric.elements.len();
        let mut per_element: Vec<Vec<(usize, ClauseVerdict)>> =
            (0..n).map(|_| Vec::new()).collect();
        let mut normalized = normalize::Normalized::default();
        // One slot per element, emptied after each clause.
        let mut verdicts: Vec<Option<ClauseVerdict>> = (0..n).map(|_| None).collect();
        for (ci, clause) in clauses.iter().enumerate() {
            let original = &text[clause.start..clause.end];
            let lang = clause_language(original, language);
            normalize::normalize_into(original, &mut normalized);

            for hit in self.matcher.find(lang, &normalized.text) {
                let cue = self.matcher.cue(lang, hit.cue);
                let (s, e) = normalized.original_range(original, hit.start, hit.end);
                let (start, end) = (clause.start + s, clause.start + e);
                if in_institution_name(&normalized.text, hit.start, &text[start..end]) {
                    continue;
                }
                // A negated adverse phrase ("the worker shall not pay") is a
                // protection; other negated cues still show the topic.
                let (strength, cue_text) = match (hit.strength, hit.negated) {
                    (Strength::Adverse, true) => (Strength::Strong, format!("not: {}", cue.text)),
                    (s, _) => (s, cue.text.clone()),
                };
                let evidence = Evidence {
                    clause: clause.id.clone(),
                    start,
                    end,
                    text: text[start..end].to_string(),
                    cue: cue_text,
                    strength,
                };
                let v = verdicts[hit.element].get_or_insert_with(ClauseVerdict::default);
                match strength {
                    Strength::Strong => v.strong.push(evidence),
                    Strength::Weak => v.weak.push(evidence),
                    Strength::Adverse => v.adverse.push(evidence),
                }
            }
            for (e, slot) in verdicts.iter_mut().enumerate() {
                if let Some(v) = slot.take() {
                    per_element[e].push((ci, v));
                }
            }
        }
        let elements: Vec<ElementFinding> = self
            .rubric
            .elements
            .iter()
            .zip(per_element)
            .map(|(element, verdicts)| finding(&element.id, &clauses, verdicts))
            .collect();
        let coverage = elements
            .iter()
            .map(|e| match e.status {
                Status::Covered => 1.0,
                Status::Partial => 0.5,
                Status::Absent => 0.0,
            })
            .sum::<f64>()
            / elements.len().max(1) as f64;
        Report {
            rubric: self.rubric.id.clone(),
            rubric_version: self.rubric.version.clone(),
            language,
            clauses,
            elements,
            coverage,
        }
    }
}

/// Words that open the name of an institution, as normalised.
const INSTITUTIONS: &[&str] = &[
    "ministry",
    "ministries",
    "department",
    "ministere",
    "ministeres",
    "ministerio",
    "ministerios",
    "secretaria",
    "secretariat",
    "وزاره",
    "وزير",
];

/// Whether a cue stands inside an institution's name ("Ministry of Labour
/// and Social Security", "وزارة العمل والضمان الاجتماعي"): a name is not a
/// provision. In Latin scripts the matched words must be capitalised, as
/// names are.
fn in_institution_name(normalized: &str, start: usize, original: &str) -> bool {
    let capitalised = original.chars().next().is_some_and(|c| c.is_uppercase());
    let arabic = original.bytes().any(|b| (0xD8..=0xDB).contains(&b));
    if !capitalised && !arabic {
        return false;
    }
    normalized[..start]
        .split(' ')
        .rev()
        .skip(1)
        .take(5)
        .take_while(|w| *w != ".")
        .any(|w| {
            INSTITUTIONS
                .iter()
                .any(|i| w == *i || (arabic && w.ends_with(i)))
        })
}

/// The language to match a clause in: Arabic clauses of a bilingual text
/// use the Arabic cues, and Latin-script clauses of an Arabic text their own.
fn clause_language(clause: &str, document: Language) -> Language {
    // Counted on bytes: the Arabic block's letters start with 0xD8 to 0xDB
    // in UTF-8, so no character needs decoding.
    let arabic = clause.bytes().filter(|b| (0xD8..=0xDB).contains(b)).count();
    let latin = clause.bytes().filter(u8::is_ascii_alphabetic).count();
    match document {
        Language::Ar if latin > arabic * 2 && latin > 40 => match language::detect(clause) {
            Language::Other => Language::En,
            l => l,
        },
        Language::Ar => Language::Ar,
        _ if arabic > latin => Language::Ar,
        Language::Other => match language::detect(clause) {
            Language::Other => Language::En,
            l => l,
        },
        l => l,
    }
}

fn finding(id: &str, clauses: &[Clause], verdicts: Vec<(usize, ClauseVerdict)>) -> ElementFinding {
    // Each verdict's weight once (counting distinct weak cues sorts).
    let judged: Vec<(bool, f64)> = verdicts
        .iter()
        .map(|(_, v)| (v.covers(), v.score()))
        .collect();
    let covering_ids: Vec<String> = verdicts
        .iter()
        .zip(&judged)
        .filter(|(_, (covers, _))| *covers)
        .map(|((c, _), _)| clauses[*c].id.clone())
        .collect();
    let any_covering = !covering_ids.is_empty();
    let best = judged.iter().map(|(_, s)| *s).fold(0.0, f64::max);
    // The evidence moves out of the verdicts: a long text has a lot.
    let mut concerns: Vec<Evidence> = Vec::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    for ((_, v), (covers, _)) in verdicts.into_iter().zip(judged) {
        let adverse = !v.adverse.is_empty();
        concerns.extend(v.adverse);
        if any_covering {
            if covers {
                evidence.extend(v.strong);
                evidence.extend(v.weak);
            }
        } else if !adverse {
            evidence.extend(v.weak);
        }
    }
    let status = match (any_covering, concerns.is_empty(), best > 0.0) {
        (true, true, _) => Status::Covered,
        (true, false, _) => Status::Partial,
        (false, _, true) => Status::Partial,
        (false, _, false) => Status::Absent,
    };
    let score = if concerns.is_empty() {
        best
    } else {
        best / 2.0
    };
    evidence.sort_by_key(|e| (e.start, e.end));
    evidence.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    ElementFinding {
        id: id.to_string(),
        status,
        score,
        evidence,
        clauses: covering_ids,
        concerns,
    }
}
