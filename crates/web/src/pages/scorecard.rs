//! The assessment as people read it: the Guidance's elements grouped by
//! area, each with its status and, for the ones found, the clauses with
//! the words that matched highlighted. One shape for a stored assessment
//! (agreement and compare pages) and a fresh report (assess a draft).

use std::collections::BTreeMap;

use passerelle_assess::{Rubric, SectorFinding};
use passerelle_domain::Lang;
use passerelle_domain::assessment::{Assessment, FindingStatus};
use serde::Serialize;
use serde_json::Value;

use super::view::mark;

/// Longest clause shown whole; a longer one is cut around its matches.
const CLAUSE_SHOWN: usize = 2400;

#[derive(Serialize)]
pub struct Scorecard {
    pub coverage: f64,
    pub language: String,
    pub clauses: usize,
    pub covered: usize,
    pub partial: usize,
    pub absent: usize,
    pub areas: Vec<AreaView>,
    /// Elements not found, for "what is missing".
    pub missing: Vec<ElementRef>,
    /// Elements only partly covered.
    pub weak: Vec<ElementRef>,
    /// What the Guidance expects of agreements for the agreement's sectors.
    pub sectors: Vec<SectorView>,
}

#[derive(Serialize)]
pub struct SectorView {
    pub title: String,
    pub note: String,
    pub source: String,
    pub coverage: f64,
    pub expects: Vec<ExpectationView>,
}

#[derive(Serialize)]
pub struct ExpectationView {
    pub id: String,
    pub title: String,
    pub status: &'static str,
    pub why: String,
}

#[derive(Serialize)]
pub struct ElementRef {
    pub id: String,
    pub title: String,
}

#[derive(Serialize)]
pub struct AreaView {
    pub title: String,
    pub elements: Vec<ElementView>,
}

#[derive(Serialize)]
pub struct ElementView {
    pub id: String,
    pub title: String,
    pub definition: String,
    pub status: &'static str,
    pub provenance: &'static str,
    pub note: Option<String>,
    pub evidence: Vec<ClauseView>,
    pub concerns: Vec<ClauseView>,
}

#[derive(Serialize)]
pub struct ClauseView {
    pub label: String,
    /// The clause (or its part around the matches), escaped, with the
    /// matched words in `<mark>`.
    pub html: String,
    pub cues: Vec<String>,
}

fn pick(titles: &BTreeMap<String, String>, lang: Lang) -> String {
    titles
        .get(lang.code())
        .or_else(|| titles.get("en"))
        .cloned()
        .unwrap_or_default()
}

pub fn status_code(s: FindingStatus) -> &'static str {
    match s {
        FindingStatus::Covered => "covered",
        FindingStatus::Partial => "partial",
        FindingStatus::Absent => "absent",
    }
}

/// Builds the scorecard of `assessment` in `lang`. `text` is the assessed
/// text when the reader may see it; without it only the scores show.
/// `sectors` are the expectations of the agreement's sector notes.
pub fn build(
    rubric: &Rubric,
    assessment: &Assessment,
    sectors: &[SectorFinding],
    text: Option<&str>,
    lang: Lang,
) -> Scorecard {
    let clauses: BTreeMap<&str, (&str, usize, usize)> = assessment
        .clauses
        .as_array()
        .map(|cs| {
            cs.iter()
                .filter_map(|c| {
                    Some((
                        c["id"].as_str()?,
                        (
                            c["label"].as_str().unwrap_or(""),
                            c["start"].as_u64()? as usize,
                            c["end"].as_u64()? as usize,
                        ),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut card = Scorecard {
        coverage: assessment.coverage,
        language: assessment.language.clone(),
        clauses: clauses.len(),
        covered: 0,
        partial: 0,
        absent: 0,
        areas: Vec::new(),
        missing: Vec::new(),
        weak: Vec::new(),
        sectors: sectors
            .iter()
            .filter_map(|f| Some((rubric.sector(&f.sector)?, f)))
            .map(|(sector, f)| SectorView {
                title: pick(&sector.title, lang),
                note: pick(&sector.note, lang),
                source: sector.source.clone(),
                coverage: f.coverage,
                expects: sector
                    .expects
                    .iter()
                    .zip(&f.expectations)
                    .map(|(x, found)| ExpectationView {
                        id: x.element.clone(),
                        title: rubric
                            .element(&x.element)
                            .map(|e| pick(&e.title, lang))
                            .unwrap_or_default(),
                        status: found.status.as_str(),
                        why: pick(&x.why, lang),
                    })
                    .collect(),
            })
            .collect(),
    };
    for area in &rubric.areas {
        let mut view = AreaView {
            title: pick(&area.title, lang),
            elements: Vec::new(),
        };
        for element in rubric.elements.iter().filter(|e| e.area == area.id) {
            let finding = assessment.findings.iter().find(|f| f.element == element.id);
            let status = finding.map(|f| f.status).unwrap_or(FindingStatus::Absent);
            let title = pick(&element.title, lang);
            match status {
                FindingStatus::Covered => card.covered += 1,
                FindingStatus::Partial => {
                    card.partial += 1;
                    card.weak.push(ElementRef {
                        id: element.id.clone(),
                        title: title.clone(),
                    });
                }
                FindingStatus::Absent => {
                    card.absent += 1;
                    card.missing.push(ElementRef {
                        id: element.id.clone(),
                        title: title.clone(),
                    });
                }
            }
            let evidence = finding.map(|f| &f.evidence).unwrap_or(&Value::Null);
            view.elements.push(ElementView {
                id: element.id.clone(),
                definition: pick(&element.definition, lang),
                title,
                status: status_code(status),
                provenance: finding
                    .map(|f| match f.provenance {
                        passerelle_domain::assessment::Provenance::Machine => "machine",
                        passerelle_domain::assessment::Provenance::Human => "human",
                        passerelle_domain::assessment::Provenance::MachineConfirmed => {
                            "machine_confirmed"
                        }
                    })
                    .unwrap_or("machine"),
                note: finding.and_then(|f| f.note.clone()),
                evidence: clause_views(&evidence["evidence"], &clauses, text),
                concerns: clause_views(&evidence["concerns"], &clauses, text),
            });
        }
        card.areas.push(view);
    }
    card
}

/// Byte spans matched in one clause, and the cues that matched them.
type Marks = (Vec<(usize, usize)>, Vec<String>);

/// Groups evidence spans by clause and marks them in the clause's text.
fn clause_views(
    evidence: &Value,
    clauses: &BTreeMap<&str, (&str, usize, usize)>,
    text: Option<&str>,
) -> Vec<ClauseView> {
    let Some(items) = evidence.as_array() else {
        return Vec::new();
    };
    let Some(text) = text else {
        return Vec::new();
    };
    // clause id → (spans, cues), in the order the clauses first appear.
    let mut order: Vec<&str> = Vec::new();
    let mut by_clause: BTreeMap<&str, Marks> = BTreeMap::new();
    for e in items {
        let (Some(c), Some(s), Some(t)) =
            (e["clause"].as_str(), e["start"].as_u64(), e["end"].as_u64())
        else {
            continue;
        };
        if !by_clause.contains_key(c) {
            order.push(c);
        }
        let entry = by_clause.entry(c).or_default();
        entry.0.push((s as usize, t as usize));
        if let Some(cue) = e["cue"].as_str()
            && !entry.1.iter().any(|x| x == cue)
        {
            entry.1.push(cue.to_string());
        }
    }
    order
        .into_iter()
        .filter_map(|c| {
            let (spans, cues) = by_clause.remove(c)?;
            let &(label, start, end) = clauses.get(c)?;
            Some(ClauseView {
                label: label.to_string(),
                html: marked_excerpt(text, start, end, &spans),
                cues,
            })
        })
        .collect()
}

/// `text[start..end]` escaped, spans in `<mark>`, cut to about
/// [`CLAUSE_SHOWN`] bytes around the first span when longer.
pub fn marked_excerpt(text: &str, start: usize, end: usize, spans: &[(usize, usize)]) -> String {
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    let spans: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(a, b)| a >= start && b <= end && a < b)
        .collect();
    let (mut from, mut to) = (start, end);
    if to - from > CLAUSE_SHOWN
        && let Some(&first) = spans.iter().map(|(a, _)| a).min()
    {
        from = first.saturating_sub(CLAUSE_SHOWN / 3).max(start);
        to = (from + CLAUSE_SHOWN).min(end);
    }
    let mut out = String::new();
    if from > start {
        out.push('…');
    }
    out.push_str(&mark(text, from, to, &spans));
    if to < end {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_marks_and_escapes() {
        let text = "Art. 1 <b>The employer</b> pays the fees.";
        let s = text.find("pays").unwrap();
        let html = marked_excerpt(text, 0, text.len(), &[(s, s + 4)]);
        assert_eq!(
            html,
            "Art. 1 &lt;b&gt;The employer&lt;/b&gt; <mark>pays</mark> the fees."
        );
    }

    #[test]
    fn long_clause_is_cut_around_the_match() {
        let text = format!("{}employer pays{}", "é".repeat(3000), "x".repeat(3000));
        let s = text.find("employer").unwrap();
        let html = marked_excerpt(&text, 0, text.len(), &[(s, s + 8)]);
        assert!(html.starts_with('…') && html.ends_with('…'));
        assert!(html.contains("<mark>employer</mark>"));
        assert!(html.len() < CLAUSE_SHOWN + 100);
    }
}
