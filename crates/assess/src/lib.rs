//! The assessment engine: reads an agreement's text and reports, element by
//! element of the UN Network on Migration's Guidance on Bilateral Labour
//! Migration Agreements (2022), whether it is covered, where (clause and
//! words), and what is missing. No I/O.
//!
//! [`Assessor`] holds a compiled [`Rubric`]; [`Assessor::assess`] gives a
//! [`Report`]. Text is [`normalize`](normalize::normalize)d with a map back
//! to the original bytes, [`segment`](segment::segment)ed into clauses, and
//! scanned once per clause by the [`Matcher`](matcher::Matcher).

pub mod anchor;
pub mod eval;
pub mod language;
pub mod matcher;
pub mod normalize;
pub mod render;
pub mod rubric;
pub mod samples;
pub mod segment;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use language::Language;
pub use matcher::{Cue, Matcher, Role, Strength};
pub use rubric::{Rubric, RubricError};
pub use segment::Clause;

/// What the text does with an element. Only `covered` and `partial`
/// count as coverage; `mentioned` shows reviewers words that name the
/// element without providing for it; `contrary` is a clause that works
/// against it.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A provision that does what the Guidance asks.
    Covered,
    /// A provision that does part of it, or one undone by a contrary
    /// clause elsewhere in the text.
    Partial,
    /// Named in passing or by one generic word: never coverage.
    Mentioned,
    /// Only clauses that work against the element.
    Contrary,
    Absent,
}

impl Status {
    /// Every status, in the order a report reads them: what works against
    /// the worker first, then what is missing, then what is there.
    pub const ALL: [Status; 5] = [
        Status::Contrary,
        Status::Absent,
        Status::Mentioned,
        Status::Partial,
        Status::Covered,
    ];

    /// The status as the JSON names it (`covered`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Covered => "covered",
            Status::Partial => "partial",
            Status::Mentioned => "mentioned",
            Status::Contrary => "contrary",
            Status::Absent => "absent",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the status counts as the text providing for the element
    /// (covered or partial), as coverage, Compare and sector notes count.
    pub fn provides(self) -> bool {
        matches!(self, Status::Covered | Status::Partial)
    }

    /// Its share in coverage: covered 1, partial one half, others 0.
    pub fn weight(self) -> f64 {
        match self {
            Status::Covered => 1.0,
            Status::Partial => 0.5,
            _ => 0.0,
        }
    }
}

/// Words of the text that made a finding, with the cue that fired.
///
/// The evidence of a report shares one record of what it quotes: the
/// text, the clause ids and the cue texts. A piece of evidence indexes it,
/// so that making or dropping one raises or lowers one count, not one per
/// string: a long text has tens of thousands of them. It reads through
/// [`clause`](Evidence::clause), [`text`](Evidence::text) and
/// [`cue`](Evidence::cue), and serialises as the strings they give.
#[derive(Clone)]
pub struct Evidence {
    /// Byte offsets into the assessed text.
    pub start: usize,
    pub end: usize,
    pub strength: Strength,
    quotes: Arc<Quotes>,
    clause: u32,
    cue: u32,
    /// Into `quotes.concerns`, or [`NO_CONCERN`].
    concern: u32,
    /// The words in `quotes.text`.
    from: u32,
    to: u32,
}

/// What the evidence of a report quotes.
struct Quotes {
    text: Box<str>,
    clauses: Vec<Arc<str>>,
    cues: Arc<[Arc<str>]>,
    /// The rubric's concern ids.
    concerns: Arc<[Arc<str>]>,
}

const NO_CONCERN: u32 = u32::MAX;

impl Evidence {
    /// The id of the clause the words are in.
    pub fn clause(&self) -> &str {
        &self.quotes.clauses[self.clause as usize]
    }

    /// The words, as the assessed text has them.
    pub fn text(&self) -> &str {
        &self.quotes.text[self.from as usize..self.to as usize]
    }

    /// The rubric cue that fired (`not: <cue>` when a negation turned an
    /// adverse cue into a protection).
    pub fn cue(&self) -> &str {
        &self.quotes.cues[self.cue as usize]
    }

    /// For words that work against the worker, the id of the rubric's
    /// concern that explains them.
    pub fn concern(&self) -> Option<&str> {
        (self.concern != NO_CONCERN).then(|| &*self.quotes.concerns[self.concern as usize])
    }

    /// The form the JSON has, which the API and stored assessments use.
    fn form(&self) -> EvidenceForm<'_> {
        EvidenceForm {
            clause: self.clause().into(),
            start: self.start,
            end: self.end,
            text: self.text().into(),
            cue: self.cue().into(),
            strength: self.strength,
            concern: self.concern().map(Into::into),
        }
    }
}

// Evidence as its JSON reads; its doc is the schema's description.
/// Words of the text that made a finding, with the cue that fired.
#[derive(Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(rename = "Evidence")]
struct EvidenceForm<'e> {
    /// The clause id.
    #[serde(borrow)]
    clause: std::borrow::Cow<'e, str>,
    /// Byte offsets into the assessed text.
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: std::borrow::Cow<'e, str>,
    /// The rubric cue that fired.
    #[serde(borrow)]
    cue: std::borrow::Cow<'e, str>,
    strength: Strength,
    /// For words that work against the worker: the rubric's concern that
    /// explains them (`documents_retained`).
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    concern: Option<std::borrow::Cow<'e, str>>,
}

impl PartialEq for Evidence {
    fn eq(&self, other: &Evidence) -> bool {
        (self.start, self.end, self.strength) == (other.start, other.end, other.strength)
            && self.clause() == other.clause()
            && self.text() == other.text()
            && self.cue() == other.cue()
            && self.concern() == other.concern()
    }
}

impl Eq for Evidence {}

impl std::fmt::Debug for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evidence")
            .field("clause", &self.clause())
            .field("start", &self.start)
            .field("end", &self.end)
            .field("text", &self.text())
            .field("cue", &self.cue())
            .field("strength", &self.strength)
            .field("concern", &self.concern())
            .finish()
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.form().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Evidence, D::Error> {
        let form = EvidenceForm::deserialize(deserializer)?;
        let to = u32::try_from(form.text.len()).map_err(serde::de::Error::custom)?;
        let (concern, concerns): (u32, Arc<[Arc<str>]>) = match form.concern {
            Some(c) => (0, Arc::new([c.into()])),
            None => (NO_CONCERN, Arc::new([])),
        };
        Ok(Evidence {
            start: form.start,
            end: form.end,
            strength: form.strength,
            quotes: Arc::new(Quotes {
                text: form.text.into(),
                clauses: vec![form.clause.into()],
                cues: Arc::new([form.cue.into()]),
                concerns,
            }),
            clause: 0,
            cue: 0,
            concern,
            from: 0,
            to,
        })
    }
}

impl schemars::JsonSchema for Evidence {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        EvidenceForm::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        EvidenceForm::json_schema(generator)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ElementFinding {
    pub id: String,
    pub status: Status,
    /// 0 to 1: how sure the finding is.
    pub score: f64,
    pub evidence: Vec<Evidence>,
    /// Ids of the clauses that provide for the element.
    #[serde(default)]
    pub clauses: Vec<Arc<str>>,
    /// Words that work against the element (the worker pays the fees, the
    /// employer keeps the passport), each with the concern that explains
    /// it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<Evidence>,
    /// Both a clause that provides for the element and one that works
    /// against it: the status is `partial` and the report flags it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mixed: bool,
}

/// What agreements for a sector are expected to say, and whether the text
/// says it: the statuses of the elements the sector note names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SectorFinding {
    /// The sector note's id (`domestic_workers`).
    pub sector: String,
    pub expectations: Vec<SectorExpectation>,
    /// Share of the expectations met (partial counts half; mentioned and
    /// contrary count nothing), 0 to 1.
    pub coverage: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SectorExpectation {
    pub element: String,
    pub status: Status,
}

/// A sector note the rubric does not have.
#[derive(Debug, thiserror::Error)]
#[error("unknown sector `{id}`; the rubric has: {known}")]
pub struct UnknownSector {
    pub id: String,
    pub known: String,
}

impl SectorFinding {
    /// The expectations of `sector`, each with the status `status_of` gives
    /// its element (a report's, or a reviewed assessment's).
    pub fn new(sector: &rubric::Sector, status_of: impl Fn(&str) -> Status) -> SectorFinding {
        let expectations: Vec<SectorExpectation> = sector
            .expects
            .iter()
            .map(|x| SectorExpectation {
                element: x.element.clone(),
                status: status_of(&x.element),
            })
            .collect();
        let coverage = expectations.iter().map(|x| x.status.weight()).sum::<f64>()
            / expectations.len().max(1) as f64;
        SectorFinding {
            sector: sector.id.clone(),
            expectations,
            coverage,
        }
    }
}

/// The report on one text. Its JSON form is the contract tools rely on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Report {
    pub rubric: String,
    pub rubric_version: String,
    pub language: Language,
    pub clauses: Vec<Clause>,
    pub elements: Vec<ElementFinding>,
    /// Share of elements covered (partial counts half; mentioned and
    /// contrary count nothing), 0 to 1.
    pub coverage: f64,
    /// The expectations of the sector notes asked for, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<SectorFinding>,
}

impl Report {
    pub fn element(&self, id: &str) -> Option<&ElementFinding> {
        self.elements.iter().find(|e| e.id == id)
    }

    /// Adds the expectations of the sector notes `ids` of `rubric`, once
    /// each, in the order given.
    pub fn add_sectors<S: AsRef<str>>(
        &mut self,
        rubric: &Rubric,
        ids: &[S],
    ) -> Result<(), UnknownSector> {
        for sector in rubric.sectors_named(ids)? {
            if self.sectors.iter().any(|s| s.sector == sector.id) {
                continue;
            }
            let finding = SectorFinding::new(sector, |element| {
                self.element(element).map_or(Status::Absent, |f| f.status)
            });
            self.sectors.push(finding);
        }
        Ok(())
    }
}

/// Evidence before it is kept: most hits of a long text are dropped (the
/// element is covered elsewhere), so their strings are made only for those
/// kept, in [`Mark::evidence`].
///
/// Offsets are `u32` (texts are read up to tens of megabytes): a text has
/// tens of thousands of marks, and smaller ones are cheaper to move.
#[derive(Clone, Copy)]
struct Mark<'r> {
    clause: u32,
    start: u32,
    end: u32,
    cue: &'r Cue,
    /// An adverse cue under a negation ("the worker shall not pay"): a
    /// protection, shown as `not: <cue>`.
    reversed: bool,
    /// The words name the element without providing for it (in a sentence
    /// that works against the worker, inside another element's words, in
    /// a title that does not describe them): shown, never counted.
    passing: bool,
    strength: Strength,
}

impl Mark<'_> {
    fn evidence(&self, quotes: &Arc<Quotes>) -> Evidence {
        Evidence {
            start: self.start as usize,
            end: self.end as usize,
            strength: self.strength,
            quotes: quotes.clone(),
            clause: self.clause,
            cue: self.cue.quoted + u32::from(self.reversed),
            concern: match (self.strength, self.cue.concern) {
                (Strength::Adverse, Some(c)) => c,
                _ => NO_CONCERN,
            },
            from: self.start,
            to: self.end,
        }
    }

    /// Counts toward a finding: strong or weak, and not in passing.
    fn counts(&self) -> bool {
        !self.passing && self.strength != Strength::Adverse
    }

    fn works_against(&self) -> bool {
        self.strength == Strength::Adverse
    }
}

/// What one clause says about one element. Its marks are in the
/// element's [`Tally`]: strong ones, then weak, then adverse, then those
/// in passing, each in the order found.
struct Verdict {
    clause: u32,
    /// Its marks of each kind in its element's [`Tally::marks`].
    strong: Marks,
    weak: Marks,
    adverse: Marks,
    passing: Marks,
    /// A strong cue or two distinct weak ones, not in passing.
    covers: bool,
    score: f64,
}

/// A run of marks in a [`Tally`], `from..to`.
#[derive(Clone, Copy)]
struct Marks {
    from: u32,
    to: u32,
}

impl Marks {
    fn range(self) -> std::ops::Range<usize> {
        self.from as usize..self.to as usize
    }

    fn is_empty(self) -> bool {
        self.from == self.to
    }
}

/// Everything the clauses of a text say about one element. One flat list
/// of marks per element, not lists per clause: a long text has thousands
/// of clause verdicts.
#[derive(Default)]
struct Tally<'r> {
    verdicts: Vec<Verdict>,
    marks: Vec<Mark<'r>>,
}

impl<'r> Tally<'r> {
    /// Adds clause `clause`'s marks (in the order found).
    /// `aside`: the clause's title names another element, so this one is
    /// only mentioned in passing unless two different strong cues say it.
    fn add(&mut self, clause: u32, found: &[Mark<'r>], aside: bool) {
        // Each mark is of one kind: strong, weak, against, in passing. Its
        // kind as a number, so that one loop per kind copies the marks.
        let kind = |m: &Mark| -> u8 {
            match (m.works_against(), m.passing, m.strength) {
                (true, _, _) => 2,
                (false, true, _) => 3,
                (false, false, Strength::Strong) => 0,
                (false, false, _) => 1,
            }
        };
        let mut runs = [Marks { from: 0, to: 0 }; 4];
        for (k, run) in runs.iter_mut().enumerate() {
            let from = self.marks.len() as u32;
            for m in found {
                if kind(m) == k as u8 {
                    self.marks.push(*m);
                }
            }
            *run = Marks {
                from,
                to: self.marks.len() as u32,
            };
        }
        let [strong, weak, adverse, passing] = runs;
        let two_weak = two_distinct_weak(&self.marks[weak.range()]);
        let (covers, score) = if !adverse.is_empty() && strong.is_empty() {
            // A clause that works against the element and says nothing
            // strong for it: its weak words are the setting of the harm.
            (false, 0.2)
        } else if aside && !two_distinct_strong(&self.marks[strong.range()]) {
            (false, if strong.is_empty() { 0.2 } else { 0.3 })
        } else if !strong.is_empty() {
            (true, 1.0)
        } else if two_weak {
            (true, 0.8)
        } else if !weak.is_empty() || !passing.is_empty() {
            (false, 0.2)
        } else {
            (false, 0.0)
        };
        self.verdicts.push(Verdict {
            clause,
            strong,
            weak,
            adverse,
            passing,
            covers,
            score,
        });
    }
}

/// Words that shape what a sentence's other words lend.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shaping {
    /// "including", "shall specify": the items after it.
    Listing,
    /// "desiring": its aim, to the next comma.
    Intent,
    /// "may consider the possibility of": the rest of the sentence.
    Hedge,
    /// "means", "on entend par": the terms and what they are said to
    /// mean, to the end of the definition list.
    Definition,
}

/// How far after a cost (in bytes) the thing it prices may stand: "the
/// cost of transporting the worker's remains home", "تكاليف تذكرة عودة".
const COST_REACH: u32 = 40;

/// Two different strong cues (a cue and its negated reversal count apart).
fn two_distinct_strong(strong: &[Mark]) -> bool {
    strong
        .iter()
        .any(|m| (m.cue.rank, m.reversed) != (strong[0].cue.rank, strong[0].reversed))
}

/// Two different weak cues on different words: overlapping cues
/// ("national" inside "national workers") count once.
fn two_distinct_weak(weak: &[Mark]) -> bool {
    // Cues are compared by the rank of their text, which orders them as
    // their texts do.
    if weak.len() < 2 || weak.iter().all(|m| m.cue.rank == weak[0].cue.rank) {
        return false;
    }
    // Most clauses have a handful: sort them on the stack.
    let mut stack = [(0u32, 0u32, 0u32); 8];
    let mut heap = Vec::new();
    let spans: &mut [(u32, u32, u32)] = if weak.len() <= stack.len() {
        for (slot, m) in stack.iter_mut().zip(weak) {
            *slot = (m.start, m.end, m.cue.rank);
        }
        &mut stack[..weak.len()]
    } else {
        heap.extend(weak.iter().map(|m| (m.start, m.end, m.cue.rank)));
        &mut heap
    };
    // At one start the longest span first, so the words of a phrase
    // ("titre de séjour", then "titre*" and "séjour" inside it) count
    // once, not as two different cues.
    spans.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut first: Option<u32> = None;
    let mut last_end = 0;
    for &(start, end, cue) in spans.iter() {
        if start < last_end {
            continue;
        }
        match first {
            None => first = Some(cue),
            Some(f) if f != cue => return true,
            Some(_) => continue,
        }
        last_end = end;
    }
    false
}

/// A rubric compiled for matching.
pub struct Assessor {
    rubric: Rubric,
    matcher: Matcher,
    concern_ids: Arc<[Arc<str>]>,
    /// For each concern, the indexes of the elements it works against.
    concern_elements: Vec<Vec<usize>>,
    /// The concerns' topic words, looked for in a stance's sentence.
    topics: Matcher,
    /// By element index, whether it frames others ([`rubric::Element::framing`]).
    framing: Vec<bool>,
    /// By element index, whether a definition can provide it
    /// ([`rubric::Element::defined`]).
    defined: Vec<bool>,
    /// The element whose words are costs ([`rubric::Element::costs`]), and
    /// by element index whether its costs are its own.
    costs: Option<usize>,
    own_costs: Vec<bool>,
}

impl Assessor {
    pub fn new(rubric: Rubric) -> Assessor {
        let matcher = Matcher::new(&rubric);
        let concern_ids = rubric
            .concerns
            .iter()
            .map(|c| c.id.as_str().into())
            .collect();
        let concern_elements = rubric
            .concerns
            .iter()
            .map(|c| {
                c.elements
                    .iter()
                    .filter_map(|id| rubric.elements.iter().position(|e| &e.id == id))
                    .collect()
            })
            .collect();
        let framing = rubric.elements.iter().map(|e| e.framing).collect();
        let defined = rubric.elements.iter().map(|e| e.defined).collect();
        let costs = rubric.elements.iter().position(|e| e.costs);
        let own_costs = rubric.elements.iter().map(|e| e.own_costs).collect();
        let topics = Matcher::topics(&rubric);
        Assessor {
            rubric,
            matcher,
            concern_ids,
            concern_elements,
            topics,
            framing,
            defined,
            costs,
            own_costs,
        }
    }

    pub fn rubric(&self) -> &Rubric {
        &self.rubric
    }

    /// Where the noun a term at `start` is the complement of ends: the
    /// words before the term are a genitive link ("of the", "du", "de
    /// la", "del") after that noun.
    fn genitive_head(
        &self,
        lang: Language,
        text: &str,
        from: usize,
        start: usize,
    ) -> Option<usize> {
        let links = self.rubric.genitives.get(lang.code())?;
        const ARTICLES: &[&str] = &[
            "the", "a", "an", "his", "her", "their", "its", "le", "la", "les", "l", "un", "une",
            "son", "sa", "ses", "leur", "leurs", "el", "los", "las", "lo", "su", "sus",
        ];
        // On bytes: links and articles are ASCII; any other byte of a
        // letter (UTF-8 continuation or lead) is part of a word.
        let bytes = &text.as_bytes()[from..start];
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let mut at = bytes.len();
        let mut linked = false;
        // At most three words back: article(s) and one link.
        for _ in 0..3 {
            let mut end = at;
            while end > 0 && !is_word(bytes[end - 1]) {
                end -= 1;
            }
            let mut begin = end;
            while begin > 0 && is_word(bytes[begin - 1]) {
                begin -= 1;
            }
            if begin == end {
                return None;
            }
            if linked {
                // The noun before the link ends here.
                return Some(from + end);
            }
            let word = &bytes[begin..end];
            if links
                .iter()
                .any(|l| l.as_bytes().eq_ignore_ascii_case(word))
            {
                linked = true;
            } else if !ARTICLES
                .iter()
                .any(|a| a.as_bytes().eq_ignore_ascii_case(word))
            {
                return None;
            }
            at = begin;
        }
        None
    }

    /// Assesses `text`; `language` is detected when not given. Texts are
    /// read up to 4 GiB (extraction stops far below).
    pub fn assess(&self, text: &str, language: Option<Language>) -> Report {
        self.assess_until(text, language, None)
            .expect("an assessment nobody stops ends")
    }

    /// Assesses `text` unless `stop` is set before it ends (looked at every
    /// few clauses): a server that has given up on a request sets it, so
    /// no assessment outlives its answer.
    pub fn assess_unless(
        &self,
        text: &str,
        language: Option<Language>,
        stop: &std::sync::atomic::AtomicBool,
    ) -> Option<Report> {
        self.assess_until(text, language, Some(stop))
    }

    fn assess_until(
        &self,
        text: &str,
        language: Option<Language>,
        stop: Option<&std::sync::atomic::AtomicBool>,
    ) -> Option<Report> {
        assert!(
            u32::try_from(text.len()).is_ok(),
            "a text to assess is under 4 GiB"
        );
        let language = language.unwrap_or_else(|| language::detect(text));
        let clauses = segment::segment(text);
        let n = self.rubric.elements.len();
        let mut tallies: Vec<Tally> = (0..n).map(|_| Tally::default()).collect();
        // The marks of one clause, by element, in the order found; and the
        // elements that have some.
        let mut pending: Vec<Vec<Mark>> = (0..n).map(|_| Vec::new()).collect();
        let mut touched: Vec<usize> = Vec::new();
        let mut titled: Vec<usize> = Vec::new();
        let mut against: Vec<(usize, usize)> = Vec::new();
        // The acts of concerns' frames in a clause: (concern, mark, words).
        let mut frames: Vec<(usize, Mark, (usize, usize))> = Vec::new();
        let mut topic_text = normalize::Normalized::default();
        let mut topic_scratch = matcher::Scratch::default();
        // Listings, intents and hedges of a clause: where they are.
        let mut shaping: Vec<(Shaping, usize, usize)> = Vec::new();
        // Spans whose words are named in passing: a listing's items, an
        // intent's aim.
        let mut listed: Vec<(usize, usize, Option<usize>, bool)> = Vec::new();
        // The clause's marks by start: (start, end, element, index).
        let mut order: Vec<(u32, u32, usize, usize)> = Vec::new();
        // Sentences held by a framing element: (start, end, element).
        let mut held: Vec<(usize, usize, usize)> = Vec::new();
        let mut normalized = normalize::Normalized::default();
        let mut scratch = matcher::Scratch::default();
        let mut breaks = Breaks::default();
        let document_title = document_title(text, &clauses);
        for (ci, clause) in clauses.iter().enumerate() {
            if ci % 32 == 0 && stop.is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed)) {
                return None;
            }
            breaks.reset();
            let original = &text[clause.start..clause.end];
            let lang = clause_language(original, language);
            normalize::normalize_into(original, &mut normalized);
            self.matcher.find_into(lang, &normalized, &mut scratch);
            let cues = self.matcher.cues(lang);
            for hit in &scratch.hits {
                let cue = &cues[hit.cue];
                let (s, e) = normalized.word_range(hit.words.0, hit.words.1);
                let (start, end) = (clause.start + s, clause.start + e);
                if in_institution_name(hit, &text[start..end]) {
                    continue;
                }
                // A negated adverse phrase ("the worker shall not pay") is a
                // protection; other negated cues still show the topic.
                // The negation may stand further back in the sentence than
                // the matcher looks ("il est interdit à l'employeur ou à
                // l'agence de confisquer le passeport").
                let negated = hit.negated
                    || (hit.strength == Strength::Adverse
                        && !cue.is_negative()
                        && hit.element < n
                        && forbidden(
                            &scratch,
                            &normalized,
                            &mut breaks,
                            text,
                            clause,
                            hit.words,
                            start,
                            end,
                        ));
                let (strength, reversed) = match (hit.strength, negated) {
                    (Strength::Adverse, true) => (Strength::Strong, true),
                    (s, _) => (s, false),
                };
                let mark = Mark {
                    clause: ci as u32,
                    start: start as u32,
                    end: end as u32,
                    cue,
                    reversed,
                    passing: false,
                    strength,
                };
                match Matcher::role(n, self.concern_ids.len(), hit.element) {
                    Role::Element(_) => {}
                    Role::Stance(concern) => {
                        // A negated act ("the employer shall not keep") is
                        // no concern.
                        if !hit.negated {
                            frames.push((concern, mark, hit.words));
                        }
                        continue;
                    }
                    Role::Listing => {
                        shaping.push((Shaping::Listing, start, end));
                        continue;
                    }
                    Role::Intent => {
                        shaping.push((Shaping::Intent, start, end));
                        continue;
                    }
                    Role::Hedge => {
                        shaping.push((Shaping::Hedge, start, end));
                        continue;
                    }
                    Role::Definition => {
                        shaping.push((Shaping::Definition, start, end));
                        continue;
                    }
                }
                if pending[hit.element].is_empty() {
                    touched.push(hit.element);
                }
                pending[hit.element].push(mark);
            }
            // A frame whose topic and act share a sentence works against
            // the elements its concern names.
            let mut topic_at: Option<usize> = None;
            for &(concern, stance, words) in frames.iter() {
                let (s, e) =
                    breaks.sentence(text, clause, stance.start as usize, stance.end as usize);
                // The sentence's topic words, found once for all its acts.
                if topic_at != Some(s) {
                    normalize::normalize_into(&text[s..e], &mut topic_text);
                    self.topics.find_into(lang, &topic_text, &mut topic_scratch);
                    topic_at = Some(s);
                }
                let Some(topic) = topic_scratch.hits.iter().find(|h| h.element == concern) else {
                    continue;
                };
                if !stance.cue.is_negative()
                    && forbidden(
                        &scratch,
                        &normalized,
                        &mut breaks,
                        text,
                        clause,
                        words,
                        stance.start as usize,
                        stance.end as usize,
                    )
                {
                    continue;
                }
                let (ts, te) = topic_text.word_range(topic.words.0, topic.words.1);
                let (ts, te) = ((s + ts) as u32, (s + te) as u32);
                for &element in &self.concern_elements[concern] {
                    let mark = Mark {
                        start: stance.start.min(ts),
                        end: stance.end.max(te),
                        ..stance
                    };
                    if pending[element].is_empty() {
                        touched.push(element);
                    }
                    if !pending[element]
                        .iter()
                        .any(|m| m.works_against() && m.start == mark.start && m.end == mark.end)
                    {
                        pending[element].push(mark);
                    }
                }
            }
            frames.clear();
            if touched.is_empty() {
                shaping.clear();
                continue;
            }
            // A listing's items, to the end of its sentence, name things
            // that the element before it (the head) includes or that a
            // document states; an intent's aim runs to the next comma.
            listed.clear();
            for &(kind, start, end) in &shaping {
                let (_, to) = breaks.sentence(text, clause, start, end);
                if kind == Shaping::Hedge {
                    listed.push((end, to, None, false));
                } else if kind == Shaping::Definition {
                    let (from, to) = definition_list(text, clause, &mut breaks, start, end);
                    listed.push((from, to, None, true));
                } else if kind == Shaping::Listing {
                    let (from, _) = breaks.sentence(text, clause, start, end);
                    let head = touched
                        .iter()
                        .copied()
                        .filter_map(|e| {
                            pending[e]
                                .iter()
                                .filter(|m| {
                                    m.counts()
                                        && from <= m.start as usize
                                        && (m.end as usize) <= start
                                })
                                .map(|m| m.start)
                                .max()
                                .map(|at| (at, e))
                        })
                        .max()
                        .map(|(_, e)| e);
                    listed.push((end, to, head, false));
                } else {
                    let stop = text[end..to].find([',', '،', ';']).map_or(to, |i| end + i);
                    listed.push((end, stop, None, false));
                }
            }
            shaping.clear();
            // What the clause is about decides what its words lend.
            // A sentence that works against the worker lends no credit.
            against.clear();
            for &e in &touched {
                for m in pending[e].iter().filter(|m| m.works_against()) {
                    let (s, e) = breaks.sentence(text, clause, m.start as usize, m.end as usize);
                    against.push((s, e));
                }
            }
            // The clause's marks by start, once: the rules below look at
            // a mark's neighbours, which stand within the longest mark.
            order.clear();
            for &e in &touched {
                for (k, m) in pending[e].iter().enumerate() {
                    if !m.works_against() {
                        order.push((m.start, m.end, e, k));
                    }
                }
            }
            order.sort_unstable();
            let reach = order.iter().map(|o| o.1 - o.0).max().unwrap_or(0);
            // Words inside another element's longer words are a part of
            // what those describe ("visa" in "frais de visa"); words of the
            // agreement's own title describe no clause.
            for i in 0..order.len() {
                let (ms, me, e, k) = order[i];
                let longer = |o: &(u32, u32, usize, usize)| {
                    o.2 != e && o.0 <= ms && me <= o.1 && o.1 - o.0 > me - ms
                };
                let inside = order[..i]
                    .iter()
                    .rev()
                    .take_while(|o| o.0 + reach >= ms)
                    .any(longer)
                    || order[i + 1..].iter().take_while(|o| o.0 == ms).any(longer);
                let (ms, me) = (ms as usize, me as usize);
                let passing = inside
                    || against.iter().any(|&(s, e)| s <= ms && me <= e)
                    || listed.iter().any(|&(s, to, head, definition)| {
                        head != Some(e) && !(definition && self.defined[e]) && s <= ms && me <= to
                    })
                    || document_title.is_some_and(|(s, e)| ci == 0 && s <= ms && me <= e);
                pending[e][k].passing |= passing;
            }
            // A term that only names a thing, as the complement of another
            // element's noun ("the cost of the work permit", "le coût de la
            // délivrance du titre de séjour"), names it in passing; so does
            // the complement of such a complement. As the complement of any
            // other noun it is topical: a weak cue.
            for i in 0..order.len() {
                let (start, _, e, k) = order[i];
                let m = pending[e][k];
                if m.reversed || m.cue.says() {
                    continue;
                }
                let Some(head_end) = self.genitive_head(lang, text, clause.start, start as usize)
                else {
                    continue;
                };
                let head = order[..i]
                    .iter()
                    .rev()
                    .take_while(|o| (o.0 + reach) as usize >= head_end)
                    .any(|&(_, end, he, hk)| {
                        end as usize == head_end && (he != e || pending[he][hk].passing)
                    });
                if head {
                    pending[e][k].passing = true;
                } else if m.strength == Strength::Strong {
                    // The complement of some other noun ("the issuance of
                    // the work permit"): topical, a weak cue.
                    pending[e][k].strength = Strength::Weak;
                }
            }
            // A sentence held by a framing element (a cost, a date, a
            // body: strong words, or two different weak ones) is about
            // that element: what else it names, it names in passing ("the
            // employer bears the cost of the work permit").
            held.clear();
            // Only when some other element has words to lend.
            let others = touched
                .iter()
                .any(|&e| !self.framing[e] && pending[e].iter().any(Mark::counts));
            for &e in touched.iter().filter(|&&e| others && self.framing[e]) {
                for m in pending[e].iter().filter(|m| m.counts()) {
                    let (s, to) = breaks.phrase(text, clause, m.start as usize, m.end as usize);
                    if held.iter().any(|&(hs, _, he)| hs == s && he == e) {
                        continue;
                    }
                    let inside =
                        |x: &&Mark| x.counts() && s <= x.start as usize && x.end as usize <= to;
                    let strong = pending[e]
                        .iter()
                        .filter(inside)
                        .any(|x| x.strength == Strength::Strong);
                    let two_weak = || {
                        let mut weak = pending[e]
                            .iter()
                            .filter(inside)
                            .filter(|x| x.strength == Strength::Weak);
                        weak.next().is_some_and(|first| {
                            weak.any(|x| {
                                x.cue.rank != first.cue.rank
                                    && (x.start >= first.end || x.end <= first.start)
                            })
                        })
                    };
                    if strong || two_weak() {
                        held.push((s, to, e));
                    }
                }
            }
            if !held.is_empty() {
                for &e in touched.iter().filter(|&&e| !self.framing[e]) {
                    for m in pending[e].iter_mut().filter(|m| m.counts()) {
                        let (ms, me) = (m.start as usize, m.end as usize);
                        if held.iter().any(|&(s, to, _)| s <= ms && me <= to) {
                            m.passing = true;
                        }
                    }
                }
            }
            // A cost belongs to what it prices. Named just after it ("the
            // cost of the return journey"), an element whose costs are its
            // own takes the cost: it is no recruitment cost. Otherwise a
            // phrase the cost holds strongly ("visa fees are borne by the
            // employer") names the other elements in passing.
            if let Some(c) = self.costs.filter(|&c| !pending[c].is_empty()) {
                for k in 0..pending[c].len() {
                    let m = pending[c][k];
                    if !m.counts() {
                        continue;
                    }
                    let (s, to) = breaks.phrase(text, clause, m.start as usize, m.end as usize);
                    // The owner's words say it (a strong cue, or two
                    // different weak ones), with no other word of the cost
                    // between or inside them: a ticket "aller et retour"
                    // is travel, a recruitment cost as well.
                    let between = |x: &Mark| {
                        pending[c].iter().any(|y| {
                            !y.works_against()
                                && y.start >= m.end
                                && y.start < x.end.max(x.start + 1)
                        })
                    };
                    let owned = touched.iter().any(|&o| {
                        let near = |x: &&Mark| {
                            x.counts()
                                && x.start >= m.end
                                && (x.start as usize) < to
                                && x.start.saturating_sub(m.end) <= COST_REACH
                                && !between(x)
                        };
                        self.own_costs[o]
                            && (pending[o]
                                .iter()
                                .filter(near)
                                .any(|x| x.strength == Strength::Strong)
                                || two_distinct_weak(
                                    &pending[o].iter().filter(near).copied().collect::<Vec<_>>(),
                                ))
                    });
                    if owned {
                        pending[c][k].passing = true;
                    } else if m.strength == Strength::Strong {
                        // What the cost prices follows its first word,
                        // close by ("the cost of the work permit"); a
                        // provision further on ("... and the receiving
                        // Party shall renew the residence permit") is not
                        // what it prices.
                        let first = pending[c]
                            .iter()
                            .filter(|y| y.counts() && s <= y.start as usize && y.end as usize <= to)
                            .map(|y| (y.start, y.end))
                            .min()
                            .unwrap_or((m.start, m.end));
                        for &o in touched
                            .iter()
                            .filter(|&&o| o != c && !self.framing[o] && !self.own_costs[o])
                        {
                            for x in pending[o].iter_mut().filter(|x| x.counts()) {
                                if first.0 <= x.start
                                    && x.start <= first.1.max(m.end) + COST_REACH
                                    && x.end as usize <= to
                                {
                                    x.passing = true;
                                }
                            }
                        }
                    }
                }
            }
            // Elements the clause's title names: the others are asides.
            // The title does not describe a body that only speaks of other
            // elements: its words are then in passing.
            let title = title_of(text, clause);
            titled.clear();
            if let Some((from, to)) = title {
                let in_title = |m: &Mark| from <= m.start as usize && m.end as usize <= to;
                titled.extend(
                    touched
                        .iter()
                        .copied()
                        .filter(|&e| pending[e].iter().any(|m| m.counts() && in_title(m))),
                );
                let body_of = |e: usize| pending[e].iter().any(|m| m.counts() && !in_title(m));
                // The body says something (of any element, even in
                // passing or against the worker): the title's words count
                // only for what the body also speaks of.
                let body_says = touched
                    .iter()
                    .any(|&e| pending[e].iter().any(|m| !in_title(m)));
                if body_says {
                    let undescribed: Vec<usize> =
                        titled.iter().copied().filter(|&e| !body_of(e)).collect();
                    for &e in &undescribed {
                        for m in pending[e].iter_mut().filter(|m| in_title(m)) {
                            m.passing = true;
                        }
                    }
                    // When the title describes none of the body, the body
                    // is no aside of it.
                    if undescribed.len() == titled.len() {
                        titled.clear();
                    }
                }
            }
            for e in touched.drain(..) {
                let aside = !titled.is_empty() && !titled.contains(&e);
                tallies[e].add(ci as u32, &pending[e], aside);
                pending[e].clear();
            }
        }
        // One record of what the findings quote.
        let quotes = Arc::new(Quotes {
            text: text.into(),
            clauses: clauses.iter().map(|c| c.id.clone()).collect(),
            cues: self.matcher.quoted().clone(),
            concerns: self.concern_ids.clone(),
        });
        let elements: Vec<ElementFinding> = self
            .rubric
            .elements
            .iter()
            .zip(tallies)
            .map(|(element, tally)| finding(&element.id, &quotes, &clauses, tally))
            .collect();
        let coverage =
            elements.iter().map(|e| e.status.weight()).sum::<f64>() / elements.len().max(1) as f64;
        Some(Report {
            rubric: self.rubric.id.clone(),
            rubric_version: self.rubric.version.clone(),
            language,
            clauses,
            elements,
            coverage,
            sectors: Vec::new(),
        })
    }
}

/// Where a clause's title is, in `text`: the words after its heading and a
/// dash, colon or dot, to the end of the sentence or the line, when they
/// are a title's few (3 to 80 characters): "Article 9 – Accommodation."
/// A headed article says what it is about; an element it names only in
/// its body is often a passing mention ("the employer bears the cost of
/// the visa and work permit" in an article on recruitment costs).
fn title_of(text: &str, clause: &Clause) -> Option<(usize, usize)> {
    let label = clause.label.as_str();
    if !label.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let body = &text[clause.start..clause.end];
    let after = body.trim_start().strip_prefix(label)?;
    let after = after
        .trim_start()
        .strip_prefix(['-', '–', '—', ':', '.'])?
        .trim_start();
    let len = after.find(['.', '\n']).unwrap_or(after.len());
    let from = clause.start + (body.len() - after.len());
    (3..=80)
        .contains(&after[..len].chars().count())
        .then_some((from, from + len))
}

/// Where a definition's terms and meanings are: the whole clause when the
/// word stands in its title ("Article 1 – Definitions"); otherwise from
/// the start of its sentence (the term defined comes first: "'agency'
/// means ...") to the end of the list that follows it, item lines being
/// those that open with a list mark ("a)", "-", "«").
fn definition_list(
    text: &str,
    clause: &Clause,
    breaks: &mut Breaks,
    start: usize,
    end: usize,
) -> (usize, usize) {
    if title_of(text, clause).is_some_and(|(s, e)| s <= start && end <= e) {
        return (clause.start, clause.end);
    }
    let (from, mut to) = breaks.sentence(text, clause, start, end);
    // The line the definition stands on ends where its sentence ends or
    // later; the items follow it, one a line.
    let mut at = text[to..clause.end]
        .find('\n')
        .map_or(clause.end, |i| to + i);
    to = to.max(at);
    while at < clause.end {
        let rest = &text[at + 1..clause.end];
        let line_end = rest.find('\n').map_or(clause.end, |i| at + 1 + i);
        let line = text[at + 1..line_end].trim();
        if !line.is_empty() && !opens_item(line) {
            break;
        }
        to = line_end;
        at = line_end;
    }
    (from, to)
}

/// Whether a line opens with a list mark: a dash or bullet, an opening
/// quote, or up to four letters or digits closed by ")" or "." ("a)",
/// "(iii)", "1.", "أ)").
fn opens_item(line: &str) -> bool {
    let line = line.trim_start_matches('(');
    if line.starts_with(['-', '–', '—', '•', '·', '*', '«', '"', '“', '„', '\'']) {
        return true;
    }
    let Some(i) = line.find([')', '.', '-']) else {
        return false;
    };
    let mark = &line[..i];
    (1..=4).contains(&mark.chars().count()) && mark.chars().all(char::is_alphanumeric)
}

/// Whether a cue stands inside an institution's name ("Ministry of Labour
/// and Social Security", "وزارة العمل والضمان الاجتماعي"): a name is not a
/// provision. In Latin scripts the matched words must be capitalised, as
/// names are.
fn in_institution_name(hit: &matcher::Hit, original: &str) -> bool {
    if !hit.after_institution && !hit.after_arabic_institution {
        return false;
    }
    let capitalised = original.chars().next().is_some_and(|c| c.is_uppercase());
    let arabic = original.bytes().any(|b| (0xD8..=0xDB).contains(&b));
    (capitalised || arabic) && (hit.after_institution || (arabic && hit.after_arabic_institution))
}

/// The language to match a clause in: Arabic clauses of a bilingual text
/// use the Arabic cues, and Latin-script clauses of an Arabic text their own.
fn clause_language(clause: &str, document: Language) -> Language {
    // Counted on bytes: the Arabic block's letters start with 0xD8 to 0xDB
    // in UTF-8, so no character needs decoding.
    // Branch-free, in chunks whose counts fit a byte, so that the compiler
    // counts 32 bytes at a time.
    let (mut arabic, mut latin) = (0usize, 0usize);
    for chunk in clause.as_bytes().chunks(255) {
        let (mut a, mut l) = (0u8, 0u8);
        for &b in chunk {
            a += u8::from(b.wrapping_sub(0xD8) < 4);
            l += u8::from((b | 0x20).wrapping_sub(b'a') < 26);
        }
        arabic += usize::from(a);
        latin += usize::from(l);
    }
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

fn finding(id: &str, quotes: &Arc<Quotes>, clauses: &[Clause], tally: Tally) -> ElementFinding {
    let Tally { verdicts, marks } = tally;
    let covering_ids: Vec<Arc<str>> = verdicts
        .iter()
        .filter(|v| v.covers)
        .map(|v| clauses[v.clause as usize].id.clone())
        .collect();
    let any_covering = !covering_ids.is_empty();
    let best = verdicts.iter().map(|v| v.score).fold(0.0, f64::max);
    let mut concerns: Vec<Evidence> = Vec::new();
    let mut kept: Vec<Mark> = Vec::new();
    for v in &verdicts {
        concerns.extend(marks[v.adverse.range()].iter().map(|m| m.evidence(quotes)));
        let from = kept.len();
        if !any_covering || v.covers {
            // Without a covering clause, the words that name the element
            // are shown as the reason it is mentioned.
            kept.extend(&marks[v.strong.range()]);
            kept.extend(&marks[v.weak.range()]);
            if !any_covering {
                kept.extend(&marks[v.passing.range()]);
            }
        }
        // In text order: clause by clause, as verdicts come, so each
        // clause's few marks are sorted alone (a mark lies inside its
        // clause, and clauses follow one another).
        kept[from..].sort_by_key(|e| (e.start, e.end));
    }
    let against = !concerns.is_empty();
    let status = match (any_covering, against) {
        (true, false) => Status::Covered,
        (true, true) => Status::Partial,
        (false, true) => Status::Contrary,
        (false, false) if best > 0.0 => Status::Mentioned,
        (false, false) => Status::Absent,
    };
    let score = match status {
        Status::Covered | Status::Mentioned => best,
        Status::Partial => best / 2.0,
        Status::Contrary | Status::Absent => 0.0,
    };
    kept.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    let evidence = kept.iter().map(|m| m.evidence(quotes)).collect();
    ElementFinding {
        id: id.to_string(),
        status,
        score,
        evidence,
        clauses: covering_ids,
        concerns,
        mixed: any_covering && against,
    }
}

/// Whether the act at words `words` of the clause matched last (at
/// `start..end` in `text`) is negated or forbidden: a negation or a
/// prohibition before it in its own phrase (a relative clause such as
/// "which shall not exceed" does not negate it) or in the first four
/// words of its sentence ("No fee may, directly or indirectly, be
/// charged"), or a prohibition after it in the sentence. The matcher has
/// flagged those words (Arabic ones with their clitics: "ولا", "ويحظر").
#[allow(clippy::too_many_arguments)]
fn forbidden(
    scratch: &matcher::Scratch,
    normalized: &normalize::Normalized,
    breaks: &mut Breaks,
    text: &str,
    clause: &Clause,
    words: (usize, usize),
    start: usize,
    end: usize,
) -> bool {
    use matcher::flag::{NEGATION, PROHIBITION};
    let (s, e) = breaks.sentence(text, clause, start, end);
    let (p, _) = breaks.phrase(text, clause, start, end);
    let at = |offset: usize| normalized.word_from(offset - clause.start);
    let (i, j) = words;
    let (ws, wp, we) = (at(s), at(p), at(e));
    scratch.flagged(wp..i, NEGATION | PROHIBITION)
        || scratch.flagged(ws..(ws + 4).min(i), NEGATION | PROHIBITION)
        || scratch.flagged(j + 1..we, PROHIBITION)
}

/// Where a clause's sentences and phrases end, found in one pass over the
/// clause the first time a rule asks (most clauses never need it): a
/// sentence ends at a full stop, semicolon, question or exclamation mark or
/// line break; a phrase at those and at commas (Arabic sentences often run
/// on through "، و").
#[derive(Default)]
struct Breaks {
    ready: bool,
    /// (where the mark is, where the text after it starts), in order.
    sentence: Vec<(u32, u32)>,
    phrase: Vec<(u32, u32)>,
}

impl Breaks {
    fn reset(&mut self) {
        self.ready = false;
    }

    fn fill(&mut self, text: &str, clause: &Clause) {
        if self.ready {
            return;
        }
        self.sentence.clear();
        self.phrase.clear();
        // On bytes, through a table: the marks are ASCII, or Arabic (0xD8
        // then 0x9B for "؛", 0x8C for "،"), and no other character holds
        // those bytes.
        const TABLE: [u8; 256] = {
            let mut t = [0u8; 256];
            t[b'.' as usize] = 1;
            t[b';' as usize] = 1;
            t[b'!' as usize] = 1;
            t[b'?' as usize] = 1;
            t[b'\n' as usize] = 1;
            t[b',' as usize] = 2;
            t[0xD8] = 3;
            t
        };
        let bytes = &text.as_bytes()[clause.start..clause.end];
        for (i, &b) in bytes.iter().enumerate() {
            let kind = TABLE[b as usize];
            if kind == 0 {
                continue;
            }
            let at = (clause.start + i) as u32;
            match (kind, bytes.get(i + 1)) {
                (1, _) | (3, Some(0x9B)) => {
                    let after = at + if kind == 1 { 1 } else { 2 };
                    self.sentence.push((at, after));
                    self.phrase.push((at, after));
                }
                (2, _) => self.phrase.push((at, at + 1)),
                (3, Some(0x8C)) => self.phrase.push((at, at + 2)),
                _ => {}
            }
        }
        self.ready = true;
    }

    fn around(breaks: &[(u32, u32)], clause: &Clause, start: usize, end: usize) -> (usize, usize) {
        let i = breaks.partition_point(|&(at, _)| (at as usize) < start);
        let from = if i == 0 {
            clause.start
        } else {
            breaks[i - 1].1 as usize
        };
        let j = breaks.partition_point(|&(at, _)| (at as usize) < end);
        let to = breaks.get(j).map_or(clause.end, |&(at, _)| at as usize);
        (from.min(start), to.max(end))
    }

    /// The sentence around `start..end` in `clause`.
    fn sentence(
        &mut self,
        text: &str,
        clause: &Clause,
        start: usize,
        end: usize,
    ) -> (usize, usize) {
        self.fill(text, clause);
        Breaks::around(&self.sentence, clause, start, end)
    }

    /// The phrase around `start..end` in `clause`.
    fn phrase(&mut self, text: &str, clause: &Clause, start: usize, end: usize) -> (usize, usize) {
        self.fill(text, clause);
        Breaks::around(&self.phrase, clause, start, end)
    }
}

/// Where the agreement's own title is: its first line, when the text has
/// clauses after it and the line reads as a title (at most 300 characters,
/// no closing punctuation). Its words name what the whole agreement is
/// about, not what one clause provides.
fn document_title(text: &str, clauses: &[Clause]) -> Option<(usize, usize)> {
    let first = clauses.first()?;
    if clauses.len() < 2 || first.label != segment::PREAMBLE {
        return None;
    }
    let body = &text[first.start..first.end];
    let lead = body.len() - body.trim_start().len();
    let line = body.trim_start().lines().next()?.trim_end();
    let closes = line.ends_with(['.', ';', ':', ',']);
    (!line.is_empty() && line.chars().count() <= 300 && !closes)
        .then(|| (first.start + lead, first.start + lead + line.len()))
}
