//! The assessment as people read it: the Guidance's elements grouped by
//! area, each with its status and, for the ones found, the clauses with
//! the words that matched highlighted. One shape for a stored assessment
//! (agreement and compare pages) and a fresh report (assess a draft).

use std::collections::BTreeMap;

use passerelle_assess::anchor::unique_anchors;
use passerelle_assess::render::words as report_words;
use passerelle_assess::{Language, Rubric, SectorFinding};
use passerelle_domain::Lang;
use passerelle_domain::assessment::{Assessment, FindingStatus};
use passerelle_domain::coding::{Basis, Coding};
use serde::Serialize;
use serde_json::Value;

use super::view::mark;

/// Longest clause shown whole; a longer one is cut around its matches.
const CLAUSE_SHOWN: usize = 2400;

#[derive(Serialize, Default)]
pub struct Scorecard {
    pub coverage: f64,
    pub language: String,
    pub clauses: usize,
    pub covered: usize,
    pub partial: usize,
    pub mentioned: usize,
    pub contrary: usize,
    pub absent: usize,
    /// The clauses that work against the Guidance, first on the page: one
    /// entry per clause and concern, with what they work against and why.
    pub against: Vec<AgainstView>,
    /// Elements by status, in reading order: contrary, absent, mentioned
    /// (these three are what is missing), partial, covered.
    pub groups: Vec<GroupView>,
    /// Elements not provided for (contrary, absent or only mentioned).
    pub missing: Vec<ElementRef>,
    /// Elements only partly covered.
    pub weak: Vec<ElementRef>,
    /// What the Guidance expects of agreements for the agreement's sectors.
    pub sectors: Vec<SectorView>,
    /// Elements a hand coding does not settle (and no machine assessed).
    pub unassessed: usize,
    /// Elements with a status, of `elements` in the rubric.
    pub settled: usize,
    pub elements: usize,
    /// The hand coding behind some or all findings, if any.
    pub coding: Option<CodingView>,
    /// The agreement's text page, when the reader may read it: each clause
    /// quoted links to its article there (`#` and the clause's `anchor`).
    pub text_url: Option<String>,
    /// The text assessed was read by OCR from a scan, with this mean
    /// confidence (percent): the machine's findings rest on recognised
    /// characters.
    pub ocr: Option<u32>,
}

/// Who coded the findings by hand, when, and from which sources.
#[derive(Serialize)]
pub struct CodingView {
    pub coded_on: String,
    pub coder: Option<String>,
    /// No machine assessment: every status on the card is a coder's.
    pub only: bool,
    pub from_text: usize,
    pub from_description: usize,
    pub sources: Vec<SourceView>,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct SourceView {
    pub url: String,
    pub title: Option<String>,
}

/// A hand-coded finding as shown under its element.
#[derive(Serialize)]
pub struct CodedView {
    pub articles: Vec<String>,
    /// `text` or `description`.
    pub basis: &'static str,
    pub source: SourceView,
    pub note: String,
}

impl Scorecard {
    pub fn element(&self, id: &str) -> Option<&ElementView> {
        self.groups
            .iter()
            .flat_map(|g| &g.elements)
            .find(|e| e.id == id)
    }
}

#[derive(Serialize)]
pub struct GroupView {
    pub status: &'static str,
    pub elements: Vec<ElementView>,
}

#[derive(Serialize)]
pub struct AgainstView {
    pub label: String,
    /// The clause's anchor on the text page (`art_4`).
    pub anchor: String,
    /// The clause with the words that work against the Guidance marked
    /// (empty when the reader may not see the text).
    pub html: String,
    /// The concern's explanation in the page's language.
    pub why: String,
    pub elements: Vec<ElementRef>,
    /// The rubric cues, for the "why" disclosure.
    pub cues: Vec<String>,
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

#[derive(Clone, Serialize)]
pub struct ElementRef {
    pub id: String,
    pub title: String,
    /// In the box of clauses against the Guidance: the element's status in
    /// force when it is not `contrary` (a mixed element is `partial`, a
    /// coder may have settled it otherwise), so the reader sees that the
    /// clause is flagged without the element being counted as contrary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force: Option<&'static str>,
}

#[derive(Serialize)]
pub struct ElementView {
    pub id: String,
    pub title: String,
    pub area: String,
    pub definition: String,
    pub status: &'static str,
    pub provenance: &'static str,
    pub note: Option<String>,
    /// Both a provision and a clause that works against it.
    pub mixed: bool,
    pub evidence: Vec<ClauseView>,
    pub concerns: Vec<ClauseView>,
    pub coded: Option<CodedView>,
}

#[derive(Serialize)]
pub struct ClauseView {
    pub label: String,
    /// The clause's anchor on the text page (`art_4`).
    pub anchor: String,
    /// The clause (or its part around the matches), escaped, with the
    /// matched words in `<mark>`.
    pub html: String,
    pub cues: Vec<String>,
    /// For words that work against the Guidance: why, in plain words.
    pub why: Option<String>,
}

pub(super) fn pick(titles: &BTreeMap<String, String>, lang: Lang) -> String {
    titles
        .get(lang.code())
        .or_else(|| titles.get("en"))
        .cloned()
        .unwrap_or_default()
}

/// Clauses by id: (label in the page's language, start, end, anchor).
type ClauseIndex = BTreeMap<String, (String, usize, usize, String)>;

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
    let words = report_words(Language::parse(lang.code()).unwrap_or(Language::En));
    let listed: Vec<(&str, &str, usize, usize)> = assessment
        .clauses
        .as_array()
        .map(|cs| {
            cs.iter()
                .filter_map(|c| {
                    Some((
                        c["id"].as_str()?,
                        c["label"].as_str().unwrap_or(""),
                        c["start"].as_u64()? as usize,
                        c["end"].as_u64()? as usize,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let anchors = unique_anchors(listed.iter().map(|&(id, label, ..)| (label, id)));
    let clauses: ClauseIndex = listed
        .iter()
        .zip(anchors)
        .map(|(&(id, label, start, end), anchor)| {
            (id.to_string(), (words.label(label), start, end, anchor))
        })
        .collect();
    let mut card = Scorecard {
        coverage: assessment.coverage,
        language: assessment.language.clone(),
        clauses: clauses.len(),
        groups: FindingStatus::ALL
            .iter()
            .map(|s| GroupView {
                status: s.as_str(),
                elements: Vec::new(),
            })
            .collect(),
        settled: rubric.elements.len(),
        elements: rubric.elements.len(),
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
        ..Scorecard::default()
    };
    // (clause, start of the words, concern) → entry, in text order.
    let mut against: BTreeMap<(usize, String), AgainstView> = BTreeMap::new();
    for area in &rubric.areas {
        let area_title = pick(&area.title, lang);
        for element in rubric.elements.iter().filter(|e| e.area == area.id) {
            let finding = assessment.findings.iter().find(|f| f.element == element.id);
            let status = finding.map(|f| f.status).unwrap_or(FindingStatus::Absent);
            let title = pick(&element.title, lang);
            let r = ElementRef {
                id: element.id.clone(),
                title: title.clone(),
                in_force: None,
            };
            match status {
                FindingStatus::Covered => card.covered += 1,
                FindingStatus::Partial => {
                    card.partial += 1;
                    card.weak.push(r.clone());
                }
                FindingStatus::Mentioned => card.mentioned += 1,
                FindingStatus::Contrary => card.contrary += 1,
                FindingStatus::Absent => card.absent += 1,
            }
            if !status.provides() {
                card.missing.push(r.clone());
            }
            let evidence = finding.map(|f| &f.evidence).unwrap_or(&Value::Null);
            // A reviewer who set another status has the last word: the
            // machine's words against the element stay listed only while
            // the status in force does not say it provides for it fully.
            if status != FindingStatus::Covered {
                for (key, view) in
                    against_views(rubric, &evidence["concerns"], &clauses, text, lang)
                {
                    let entry = against.entry(key).or_insert(view);
                    if !entry.elements.iter().any(|e| e.id == r.id) {
                        entry.elements.push(r.clone());
                    }
                }
            }
            let view = ElementView {
                id: element.id.clone(),
                definition: pick(&element.definition, lang),
                title,
                area: area_title.clone(),
                status: status.as_str(),
                provenance: finding.map_or("machine", |f| f.provenance.as_str()),
                note: finding.and_then(|f| f.note.clone()),
                mixed: evidence["mixed"].as_bool().unwrap_or(false),
                evidence: clause_views(rubric, &evidence["evidence"], &clauses, text, lang),
                concerns: clause_views(rubric, &evidence["concerns"], &clauses, text, lang),
                coded: None,
            };
            if let Some(g) = card.groups.iter_mut().find(|g| g.status == status.as_str()) {
                g.elements.push(view);
            }
        }
    }
    card.against = against.into_values().collect();
    mark_in_force(&mut card);
    card
}

/// Tells, in the box of clauses against the Guidance, which of their
/// elements stand otherwise in force (see [`ElementRef::in_force`]).
fn mark_in_force(card: &mut Scorecard) {
    let status_of = |id: &str| {
        card.groups
            .iter()
            .find(|g| g.elements.iter().any(|e| e.id == id))
            .map(|g| g.status)
    };
    let statuses: Vec<Vec<Option<&'static str>>> = card
        .against
        .iter()
        .map(|a| {
            a.elements
                .iter()
                .map(|e| status_of(&e.id).filter(|s| *s != FindingStatus::Contrary.as_str()))
                .collect()
        })
        .collect();
    for (a, s) in card.against.iter_mut().zip(statuses) {
        for (e, status) in a.elements.iter_mut().zip(s) {
            e.in_force = status;
        }
    }
}

/// A card for an agreement the machine has not assessed: every element
/// waits in the `unassessed` group until a coding settles it.
fn unassessed(rubric: &Rubric, lang: Lang) -> Scorecard {
    let mut groups: Vec<GroupView> = FindingStatus::ALL
        .iter()
        .map(|s| GroupView {
            status: s.as_str(),
            elements: Vec::new(),
        })
        .collect();
    let mut waiting = Vec::new();
    for area in &rubric.areas {
        for element in rubric.elements.iter().filter(|e| e.area == area.id) {
            waiting.push(ElementView {
                id: element.id.clone(),
                title: pick(&element.title, lang),
                area: pick(&area.title, lang),
                definition: pick(&element.definition, lang),
                status: UNASSESSED,
                provenance: "machine",
                note: None,
                mixed: false,
                evidence: Vec::new(),
                concerns: Vec::new(),
                coded: None,
            });
        }
    }
    groups.push(GroupView {
        status: UNASSESSED,
        elements: waiting,
    });
    Scorecard {
        groups,
        elements: rubric.elements.len(),
        ..Scorecard::default()
    }
}

/// The status of an element nobody has assessed or coded.
pub const UNASSESSED: &str = "unassessed";

/// The findings in force: the machine's card (if any) with the hand-coded
/// findings over it, element by element, as human decisions. Counts,
/// "missing" and "partial" follow the statuses in force; coverage counts
/// the elements that have a status.
pub fn with_coding(
    rubric: &Rubric,
    card: Option<Scorecard>,
    coding: &Coding,
    lang: Lang,
) -> Scorecard {
    let only = card.is_none();
    let mut card = card.unwrap_or_else(|| unassessed(rubric, lang));
    let mut sources: Vec<SourceView> = Vec::new();
    for f in &coding.findings {
        let Some(mut view) = card.groups.iter_mut().find_map(|g| {
            let at = g.elements.iter().position(|e| e.id == f.element)?;
            Some(g.elements.remove(at))
        }) else {
            continue;
        };
        let source = SourceView {
            url: f.source.url.clone(),
            title: f.source.title.clone(),
        };
        if !sources.contains(&source) {
            sources.push(source.clone());
        }
        view.status = f.status.as_str();
        view.provenance = "human";
        view.coded = Some(CodedView {
            articles: f.articles.clone(),
            basis: match f.basis {
                Basis::Text => "text",
                Basis::Description => "description",
            },
            source,
            note: f.note.best(lang).unwrap_or_default().to_string(),
        });
        // The machine's words stay visible, but a coder's status is not
        // "mixed" unless the coder says so in the note.
        view.mixed = false;
        if let Some(g) = card.groups.iter_mut().find(|g| g.status == view.status) {
            g.elements.push(view);
        }
    }
    // Concerns the coder overruled no longer head the card.
    let covered: Vec<String> = card
        .groups
        .iter()
        .filter(|g| g.status == FindingStatus::Covered.as_str())
        .flat_map(|g| g.elements.iter().map(|e| e.id.clone()))
        .collect();
    for a in &mut card.against {
        a.elements.retain(|e| !covered.contains(&e.id));
    }
    card.against.retain(|a| !a.elements.is_empty());
    mark_in_force(&mut card);
    recount(rubric, &mut card);
    card.coding = Some(CodingView {
        coded_on: coding.coded_on.to_string(),
        coder: coding.coder.clone(),
        only,
        from_text: coding
            .findings
            .iter()
            .filter(|f| f.basis == Basis::Text)
            .count(),
        from_description: coding
            .findings
            .iter()
            .filter(|f| f.basis == Basis::Description)
            .count(),
        sources,
    });
    card
}

/// Counts, "missing", "partial" and coverage from the groups, in the
/// rubric's element order.
fn recount(rubric: &Rubric, card: &mut Scorecard) {
    let status_of = |id: &str| {
        card.groups
            .iter()
            .find(|g| g.elements.iter().any(|e| e.id == id))
            .map(|g| g.status)
    };
    let mut counts = [0usize; 6];
    let (mut missing, mut weak) = (Vec::new(), Vec::new());
    let mut credit = 0.0;
    for e in &rubric.elements {
        let Some(status) = status_of(&e.id) else {
            continue;
        };
        let r = || {
            card.groups
                .iter()
                .flat_map(|g| &g.elements)
                .find(|x| x.id == e.id)
                .map(|x| ElementRef {
                    id: x.id.clone(),
                    title: x.title.clone(),
                    in_force: None,
                })
        };
        match FindingStatus::parse(status) {
            Some(FindingStatus::Covered) => {
                counts[0] += 1;
                credit += 1.0;
            }
            Some(FindingStatus::Partial) => {
                counts[1] += 1;
                credit += 0.5;
                weak.extend(r());
            }
            Some(s) => {
                counts[match s {
                    FindingStatus::Mentioned => 2,
                    FindingStatus::Contrary => 3,
                    _ => 4,
                }] += 1;
                missing.extend(r());
            }
            None => counts[5] += 1,
        }
    }
    [
        card.covered,
        card.partial,
        card.mentioned,
        card.contrary,
        card.absent,
        card.unassessed,
    ] = counts;
    card.missing = missing;
    card.weak = weak;
    let assessed = counts[..5].iter().sum::<usize>();
    card.settled = assessed;
    card.coverage = if assessed == 0 {
        0.0
    } else {
        credit / assessed as f64
    };
}

/// The words of a stored finding's concerns as entries of "what works
/// against the Guidance", keyed by where they are and which concern.
fn against_views(
    rubric: &Rubric,
    concerns: &Value,
    clauses: &ClauseIndex,
    text: Option<&str>,
    lang: Lang,
) -> Vec<((usize, String), AgainstView)> {
    let Some(items) = concerns.as_array() else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|e| {
            let (c, s, t) = (
                e["clause"].as_str()?,
                e["start"].as_u64()? as usize,
                e["end"].as_u64()? as usize,
            );
            let (label, start, end, anchor) = clauses.get(c)?;
            let concern = e["concern"].as_str().unwrap_or("");
            let why = rubric
                .concern(concern)
                .map(|k| pick(&k.why, lang))
                .unwrap_or_default();
            let html = text
                .map(|text| marked_excerpt(text, *start, *end, &[(s, t)]))
                .unwrap_or_default();
            Some((
                (s, concern.to_string()),
                AgainstView {
                    label: label.clone(),
                    anchor: anchor.clone(),
                    html,
                    why,
                    elements: Vec::new(),
                    cues: e["cue"]
                        .as_str()
                        .map(|c| vec![c.to_string()])
                        .unwrap_or_default(),
                },
            ))
        })
        .collect()
}

/// Byte spans matched in one clause, and the cues that matched them.
type Marks = (Vec<(usize, usize)>, Vec<String>);

/// Groups evidence spans by clause and marks them in the clause's text.
fn clause_views(
    rubric: &Rubric,
    evidence: &Value,
    clauses: &ClauseIndex,
    text: Option<&str>,
    lang: Lang,
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
    let mut why: BTreeMap<&str, String> = BTreeMap::new();
    for e in items {
        let (Some(c), Some(s), Some(t)) =
            (e["clause"].as_str(), e["start"].as_u64(), e["end"].as_u64())
        else {
            continue;
        };
        if !by_clause.contains_key(c) {
            order.push(c);
        }
        if let Some(k) = e["concern"].as_str().and_then(|k| rubric.concern(k)) {
            why.entry(c).or_insert_with(|| pick(&k.why, lang));
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
            let (label, start, end, anchor) = clauses.get(c)?;
            Some(ClauseView {
                label: label.clone(),
                anchor: anchor.clone(),
                html: marked_excerpt(text, *start, *end, &spans),
                cues,
                why: why.remove(c),
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

    /// The box of clauses against the Guidance tells which of its elements
    /// stand otherwise (a mixed element is partial), so that the legend's
    /// count of contrary elements and the box never seem to disagree.
    #[test]
    fn flagged_elements_that_are_not_contrary_say_their_status() {
        let text = "Article 1\nAucun frais de recrutement ni coût connexe n'est mis à la charge des travailleurs ; l'employeur les prend en charge.\n\nArticle 2\nLe travailleur verse à l'agence de recrutement une commission équivalant à un mois de salaire.\n\nArticle 3\nL'employeur conserve le passeport du travailleur pendant toute la durée du contrat.\n";
        let report = passerelle_hub::assessor().assess(text, None);
        let assessment = crate::assessment::stored(&report, "a", "d", "now");
        let card = build(
            crate::assessment::rubric(),
            &assessment,
            &[],
            Some(text),
            Lang::Fr,
        );
        let flagged: Vec<(&str, Option<&str>)> = card
            .against
            .iter()
            .flat_map(|a| a.elements.iter().map(|e| (e.id.as_str(), e.in_force)))
            .collect();
        let status = |id: &str| {
            card.groups
                .iter()
                .find(|g| g.elements.iter().any(|e| e.id == id))
                .map(|g| g.status)
        };
        assert!(!flagged.is_empty());
        for (id, in_force) in flagged {
            match status(id) {
                Some("contrary") => assert_eq!(in_force, None, "{id}"),
                other => assert_eq!(in_force, other, "{id}"),
            }
        }
        // The fees are both provided for and worked against: flagged, partial.
        assert_eq!(status("recruitment_costs"), Some("partial"));
        assert!(card.against.iter().any(|a| {
            a.elements
                .iter()
                .any(|e| e.id == "recruitment_costs" && e.in_force == Some("partial"))
        }));
    }
}
