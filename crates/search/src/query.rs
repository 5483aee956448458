//! Queries: the syntax users type, how it becomes a tantivy query over every
//! language's fields, and the results (hits, snippets, facet counts,
//! suggestions).
//!
//! Syntax: words (all required), `"a phrase"`, `-word` or `-"phrase"` to
//! exclude, `a OR b` for alternatives, and field filters named as the
//! facets (`country:MA`, `type:mou`, `objective:6`, `-status:draft`) plus
//! `year:2001..2023` (also `2001..`, `..2023`, `2015`).
//!
//! Words also find their other forms and the hub's vocabulary its
//! equivalents (see [`crate::forgive`]); when no record holds every word,
//! [`SearchIndex::search`] gives those holding all but one and says so
//! ([`PartialMatch`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Bound;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::tokenizer::{TextAnalyzer, Token};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::count::RecordFacets;
use crate::rank::TopVisible;
use crate::snippet::{self, SNIPPET_BYTES, Snippet};
use crate::{FACETS, Lang, SearchError, SearchIndex, analyzer, forgive, slot_lang};

/// How hits are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
    /// By the record's own title, as the store's lists order it.
    Title,
    TitleDesc,
}

/// A search: the text the user typed and the filters chosen beside it.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    pub q: String,
    /// Facet filters `(dimension, code)`: codes of one dimension are
    /// alternatives, dimensions are all required.
    pub filters: Vec<(String, String)>,
    /// Facet filters that must all hold (`between=MA,ES`: both countries).
    pub required: Vec<(String, String)>,
    pub year_from: Option<i64>,
    pub year_to: Option<i64>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
    /// The language titles are shown in.
    pub lang: Lang,
    /// Whether drafts and unpublished records may be found.
    pub include_private: bool,
    /// Whether to count facets (a list page does; a quick lookup need not).
    pub facets: bool,
    /// Values listed per dimension, largest counts first (a map or a
    /// country index wants them all; a filter list the top
    /// [`FACET_VALUES`]).
    pub facet_values: usize,
    /// Whether to count every match for `total`; without it `total` only
    /// counts the hits up to this page, and ranking can skip whole blocks
    /// of documents that cannot enter the top hits.
    pub count: bool,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            q: String::new(),
            filters: Vec::new(),
            required: Vec::new(),
            year_from: None,
            year_to: None,
            sort: Sort::Relevance,
            offset: 0,
            limit: 20,
            lang: Lang::En,
            include_private: false,
            facets: true,
            facet_values: FACET_VALUES,
            count: true,
        }
    }
}

impl SearchRequest {
    pub fn text(q: &str) -> SearchRequest {
        SearchRequest {
            q: q.to_string(),
            ..SearchRequest::default()
        }
    }
}

/// One result.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Hit {
    /// `agreements`, `practices`, `events`, `commitments`, `resources`, or
    /// `clauses` (a clause of an agreement's text; `id` is the agreement's).
    pub kind: String,
    pub id: String,
    pub title: String,
    /// Byte ranges of matched words in `title`.
    pub title_highlights: Vec<[usize; 2]>,
    /// BM25 relevance (0 when sorted by date).
    pub score: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
    /// For a clause: its heading and the document it is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseRef>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ClauseRef {
    pub label: String,
    /// Where the clause is on the agreement's text page (`art_4`), from
    /// its heading; none when the heading names no article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    pub document_id: String,
    /// Byte offset of the clause in the document's extracted text.
    pub start: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FacetCount {
    pub code: String,
    pub count: u64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SearchResults {
    /// Hits in all (not only this page).
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Counts per dimension for the current query and filters, largest
    /// first (at most [`SearchRequest::facet_values`] per dimension); each record counts
    /// once, however many of its clauses match.
    pub facets: BTreeMap<String, Vec<FacetCount>>,
    /// Queries with likely typos corrected, when nothing matched.
    pub suggestions: Vec<String>,
    /// Set when no record holds every word of the query: the hits are
    /// then the records that hold most of them, and this says how many.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<PartialMatch>,
}

/// Hits that hold `at_least` of the query's `of` words (or phrases).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PartialMatch {
    pub at_least: usize,
    pub of: usize,
}

/// A word or phrase of the query.
#[derive(Clone, Debug, PartialEq)]
struct Part {
    text: String,
    phrase: bool,
}

/// The query text taken apart.
#[derive(Debug, Default, PartialEq)]
struct Parsed {
    /// Required groups; the parts of a group are alternatives (`a OR b`).
    groups: Vec<Vec<Part>>,
    excluded: Vec<Part>,
    filters: Vec<(String, String)>,
    excluded_filters: Vec<(String, String)>,
    years: Option<(Option<i64>, Option<i64>)>,
}

/// Splits the query text into raw tokens, keeping quoted phrases whole:
/// `(negated, text, quoted)`.
fn tokens(q: &str) -> Vec<(bool, String, bool)> {
    let mut out = Vec::new();
    let mut chars = q.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            chars.next();
            match chars.peek() {
                Some(n) if !n.is_whitespace() => negated = true,
                _ => continue,
            }
        }
        let mut text = String::new();
        let mut quoted = false;
        if chars.peek() == Some(&'"') {
            chars.next();
            quoted = true;
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                text.push(c);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                // `field:"a value"`
                if c == '"' && text.ends_with(':') {
                    chars.next();
                    for c in chars.by_ref() {
                        if c == '"' {
                            break;
                        }
                        text.push(c);
                    }
                    break;
                }
                text.push(c);
                chars.next();
            }
        }
        if !text.trim().is_empty() {
            out.push((negated, text, quoted));
        }
    }
    out
}

fn parse(q: &str) -> Result<Parsed, SearchError> {
    let mut p = Parsed::default();
    let mut or_next = false;
    for (negated, text, quoted) in tokens(q) {
        if !quoted && !negated && text == "OR" {
            or_next = !p.groups.is_empty();
            continue;
        }
        if !quoted && let Some((field, value)) = text.split_once(':') {
            let field = field.to_ascii_lowercase();
            if field == "year" {
                if negated {
                    return Err(SearchError::Query(format!(
                        "`-{text}`: a year range cannot be excluded; give the years to keep, as in year:2001..2023"
                    )));
                }
                p.years = Some(years(value)?);
                continue;
            }
            if FACETS.contains(&field.as_str()) {
                if value.is_empty() {
                    return Err(SearchError::Query(format!(
                        "`{text}`: the filter has no value; write it as {field}:CODE"
                    )));
                }
                let pair = (field.clone(), facet_code(&field, value));
                if negated {
                    p.excluded_filters.push(pair);
                } else {
                    p.filters.push(pair);
                }
                continue;
            }
        }
        let part = Part {
            text,
            phrase: quoted,
        };
        if negated {
            p.excluded.push(part);
        } else if or_next && let Some(last) = p.groups.last_mut() {
            last.push(part);
        } else {
            p.groups.push(vec![part]);
        }
        or_next = false;
    }
    Ok(p)
}

/// Codes are stored as the registry writes them: countries upper-case,
/// everything else lower-case.
pub fn facet_code(dim: &str, value: &str) -> String {
    match dim {
        "country" | "origin" | "destination" | "corridor" | "pair" | "region" | "sector" => {
            value.to_uppercase()
        }
        _ => value.to_lowercase(),
    }
}

fn years(value: &str) -> Result<(Option<i64>, Option<i64>), SearchError> {
    let year = |s: &str| -> Result<Option<i64>, SearchError> {
        if s.is_empty() {
            return Ok(None);
        }
        match s.parse::<i64>() {
            Ok(y) if (1000..=9999).contains(&y) => Ok(Some(y)),
            _ => Err(SearchError::Query(format!(
                "`year:{value}`: `{s}` is not a year; write year:2015, year:2001..2023, year:2001.. or year:..2023"
            ))),
        }
    };
    match value.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            if let (Some(a), Some(b)) = (a, b)
                && a > b
            {
                return Err(SearchError::Query(format!(
                    "`year:{value}`: the range starts after it ends"
                )));
            }
            Ok((a, b))
        }
        None => {
            let y = year(value)?;
            if y.is_none() {
                return Err(SearchError::Query(
                    "`year:` has no value; write year:2015 or year:2001..2023".into(),
                ));
            }
            Ok((y, y))
        }
    }
}

/// Values listed per facet dimension, largest counts first: enough to
/// choose from, without a thousand corridors in every response.
pub const FACET_VALUES: usize = 20;

/// Field weights: a word in a title counts three times one in the body.
const TITLE_BOOST: f32 = 3.0;
const NAMES_BOOST: f32 = 2.0;
const NEUTRAL_BODY_BOOST: f32 = 0.3;

/// Builds queries against one searcher and remembers, per field, the terms
/// that may be highlighted.
struct Builder<'a> {
    index: &'a SearchIndex,
    searcher: &'a Searcher,
    analyzers: Vec<TextAnalyzer>,
    wanted: HashMap<Field, HashSet<String>>,
}

impl Builder<'_> {
    /// The analyzer of a text field's slot (title, body or names).
    fn analyzer_slot(&self, field: Field) -> usize {
        let f = self.index.fields();
        (0..5)
            .find(|&s| f.title_text[s] == field || f.body[s] == field)
            .unwrap_or(4)
    }

    /// Text fields searched, with their weights and whether they hold
    /// positions: the language fields and names, or (`neutral`) the
    /// unstemmed copies of every title and body.
    fn text_fields(&self, neutral: bool) -> Vec<(Field, f32, bool)> {
        let f = self.index.fields();
        if neutral {
            return vec![
                (f.title_text[4], NAMES_BOOST, true),
                (f.body[4], NEUTRAL_BODY_BOOST, false),
            ];
        }
        let mut out = Vec::with_capacity(9);
        for s in 0..4 {
            out.push((f.title_text[s], TITLE_BOOST, true));
        }
        out.push((f.names, NAMES_BOOST, true));
        for s in 0..4 {
            out.push((f.body[s], 1.0, true));
        }
        out
    }

    fn is_neutral(&self, field: Field) -> bool {
        let f = self.index.fields();
        field == f.title_text[4] || field == f.body[4]
    }

    /// Whether a plain word is a stop word in one of the four languages
    /// (it then filters nothing, whatever the text's language).
    fn is_stop_word(&mut self, word: &str) -> bool {
        (0..4).any(|s| analyzer::terms(&mut self.analyzers[s], word).is_empty())
            && !analyzer::terms(&mut self.analyzers[4], word).is_empty()
    }

    /// A word or phrase under the analyzer of `slot`: its tokens, and for a
    /// single word the terms to look for: its stem and the stems of its
    /// other forms ([`forgive::variants`]: number, gender, spelling,
    /// Arabic proclitics).
    fn analyse(&mut self, part: &Part, slot: usize) -> (Vec<Token>, Vec<String>) {
        let tokens = analyzer::terms(&mut self.analyzers[slot], &part.text);
        let mut words = Vec::new();
        if let [only] = tokens.as_slice() {
            words.push(only.text.clone());
            let variants = if part.phrase {
                Vec::new()
            } else {
                forgive::variants(slot, &part.text)
            };
            for variant in variants {
                let v = analyzer::terms(&mut self.analyzers[slot], &variant);
                if let [t] = v.as_slice()
                    && !words.contains(&t.text)
                {
                    words.push(t.text.clone());
                }
            }
        }
        (tokens, words)
    }

    /// The queries for one word or phrase across every field, as a flat
    /// list of alternatives (empty when no field holds it): kept flat so
    /// that a union of terms stays a union of term scorers, which tantivy
    /// ranks with block-max pruning.
    fn part(&mut self, part: &Part) -> Result<Vec<Box<dyn Query>>, SearchError> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        // The neutral fields repeat every text unstemmed: searching them as
        // well would walk the same documents twice, so they are the
        // fallback for words no language field knows (a name, a word in a
        // text of another language).
        let fields = [self.text_fields(false), self.text_fields(true)];
        let mut by_slot: [Option<(Vec<Token>, Vec<String>)>; 5] = Default::default();
        for (field, boost, positions) in fields.into_iter().flatten() {
            if !alternatives.is_empty() && self.is_neutral(field) {
                break;
            }
            // Title and body fields of a language share its analysis.
            let slot = self.analyzer_slot(field);
            if by_slot[slot].is_none() {
                by_slot[slot] = Some(self.analyse(part, slot));
            }
            let (tokens, words) = by_slot[slot].as_ref().expect("analysed above");
            let Some(first) = tokens.first() else {
                continue;
            };
            if tokens.len() == 1 {
                for w in words {
                    let term = Term::from_field_text(field, w);
                    if self.searcher.doc_freq(&term)? > 0 {
                        self.wanted.entry(field).or_default().insert(w.clone());
                        let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
                        alternatives.push(Box::new(BoostQuery::new(Box::new(q), boost)));
                    }
                }
            } else {
                if !positions {
                    continue;
                }
                let first_position = first.position;
                let terms: Vec<(usize, Term)> = tokens
                    .iter()
                    .map(|t| {
                        (
                            t.position - first_position,
                            Term::from_field_text(field, &t.text),
                        )
                    })
                    .collect();
                let mut present = true;
                for (_, term) in &terms {
                    if self.searcher.doc_freq(term)? == 0 {
                        present = false;
                        break;
                    }
                }
                if !present {
                    continue;
                }
                let wanted = self.wanted.entry(field).or_default();
                wanted.extend(tokens.iter().map(|t| t.text.clone()));
                let q = PhraseQuery::new_with_offset(terms);
                alternatives.push(Box::new(BoostQuery::new(Box::new(q), boost)));
            }
        }
        Ok(alternatives)
    }
}

/// The query's groups with the hub's vocabulary ([`forgive::VOCABULARY`]):
/// a run of plain words, or a quoted phrase, that names something of it
/// becomes one group whose alternatives are all its names ("pays
/// champions" also finds "champion countries", "IMRF" the forum's name in
/// four languages).
fn with_vocabulary(groups: Vec<Vec<Part>>) -> Vec<Vec<Part>> {
    let as_part = |e: &str| Part {
        text: e.to_string(),
        phrase: e.contains(' '),
    };
    let mut out: Vec<Vec<Part>> = Vec::with_capacity(groups.len());
    let mut i = 0;
    while i < groups.len() {
        // The run of plain one-word groups from here.
        let plain = groups[i..]
            .iter()
            .take_while(|g| g.len() == 1 && !g[0].phrase)
            .count();
        if plain == 0 {
            let mut g = groups[i].clone();
            if let [only] = g.as_slice()
                && let Some(named) =
                    forgive::vocabulary_runs(std::slice::from_ref(&only.text)).pop()
            {
                g.extend(named.others.into_iter().map(as_part));
            }
            out.push(g);
            i += 1;
            continue;
        }
        let words: Vec<String> = groups[i..i + plain]
            .iter()
            .map(|g| g[0].text.clone())
            .collect();
        let mut at = 0;
        for forgive::Named {
            first,
            count: n,
            others,
            ..
        } in forgive::vocabulary_runs(&words)
        {
            out.extend(groups[i + at..i + first].iter().cloned());
            let mut g = vec![Part {
                text: words[first..first + n].join(" "),
                phrase: n > 1,
            }];
            g.extend(others.into_iter().map(as_part));
            out.push(g);
            at = first + n;
        }
        out.extend(groups[i + at..i + plain].iter().cloned());
        i += plain;
    }
    out
}

/// The neutral analyzer and the analyzer of `slot`, both mutable.
fn plain_and(
    analyzers: &mut [TextAnalyzer],
    slot: usize,
) -> (&mut TextAnalyzer, &mut TextAnalyzer) {
    let (low, high) = analyzers.split_at_mut(4);
    (&mut high[0], &mut low[slot])
}

fn facet_term(index: &SearchIndex, dim: &str, code: &str) -> Term {
    Term::from_facet(index.fields().facets, &Facet::from_path([dim, code]))
}

fn constant(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

impl SearchIndex {
    /// Runs a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, SearchError> {
        let (strict, words) = self.run(req, true, None)?;
        // Nothing holds every word: the records holding most of them,
        // said as such, rather than an empty page.
        if strict.total > 0 || words < 2 {
            return Ok(strict);
        }
        let at_least = words - 1;
        let (mut relaxed, _) = self.run(req, false, Some(at_least))?;
        if relaxed.total == 0 {
            return Ok(strict);
        }
        relaxed.suggestions = strict.suggestions;
        relaxed.partial = Some(PartialMatch {
            at_least,
            of: words,
        });
        Ok(relaxed)
    }

    /// One search, and how many words or phrases (groups, stop words
    /// aside) it looked for; with `at_least`, a hit needs only that many
    /// of them, not all.
    fn run(
        &self,
        req: &SearchRequest,
        suggest: bool,
        at_least: Option<usize>,
    ) -> Result<(SearchResults, usize), SearchError> {
        let mut parsed = parse(&req.q)?;
        parsed.groups = with_vocabulary(parsed.groups);
        let searcher = self.reader().searcher();
        let mut b = Builder {
            index: self,
            searcher: &searcher,
            analyzers: (0..5).map(|s| analyzer::analyzer(slot_lang(s))).collect(),
            wanted: HashMap::new(),
        };
        let f = *self.fields();
        // Required words (each a list of alternatives), then everything else.
        let mut groups: Vec<Vec<Box<dyn Query>>> = Vec::new();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut unmatched = false;
        let mut words = 0;
        // Stop words ("de", "the", "في") filter nothing and are dropped,
        // unless the query is nothing else.
        let stop: Vec<bool> = parsed
            .groups
            .iter()
            .map(|g| g.len() == 1 && !g[0].phrase && b.is_stop_word(&g[0].text))
            .collect();
        let only_stop_words = stop.iter().all(|s| *s);
        let mut looked_for = 0;
        for (group, is_stop) in parsed.groups.iter().zip(stop) {
            if is_stop && !only_stop_words {
                continue;
            }
            looked_for += 1;
            let mut alternatives = Vec::new();
            for part in group {
                words += 1;
                alternatives.extend(b.part(part)?);
            }
            if alternatives.is_empty() {
                // Under `at_least` a word found nowhere is one of those a
                // hit may lack; otherwise nothing can hold them all.
                if at_least.is_none() {
                    unmatched = true;
                }
                continue;
            }
            groups.push(alternatives);
        }
        for part in &parsed.excluded {
            // Exclusions are not highlighted.
            let saved = std::mem::take(&mut b.wanted);
            for q in b.part(part)? {
                clauses.push((Occur::MustNot, q));
            }
            b.wanted = saved;
        }
        let mut filters = parsed.filters.clone();
        filters.extend(
            req.filters
                .iter()
                .map(|(d, c)| (d.clone(), facet_code(d, c))),
        );
        let mut by_dim: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (dim, code) in &filters {
            if !FACETS.contains(&dim.as_str()) {
                return Err(SearchError::Query(format!(
                    "unknown filter `{dim}`: expected one of {}",
                    FACETS.join(", ")
                )));
            }
            by_dim.entry(dim).or_default().push(code);
        }
        for (dim, codes) in by_dim {
            let alternatives: Vec<(Occur, Box<dyn Query>)> = codes
                .into_iter()
                .map(|c| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        facet_term(self, dim, c),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push((
                Occur::Must,
                constant(Box::new(BooleanQuery::new(alternatives))),
            ));
        }
        for (dim, code) in &req.required {
            if !FACETS.contains(&dim.as_str()) {
                return Err(SearchError::Query(format!(
                    "unknown filter `{dim}`: expected one of {}",
                    FACETS.join(", ")
                )));
            }
            clauses.push((
                Occur::Must,
                constant(Box::new(TermQuery::new(
                    facet_term(self, dim, &facet_code(dim, code)),
                    IndexRecordOption::Basic,
                ))),
            ));
        }
        for (dim, code) in &parsed.excluded_filters {
            clauses.push((
                Occur::MustNot,
                Box::new(TermQuery::new(
                    facet_term(self, dim, code),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let (from, to) = match parsed.years {
            Some((a, b)) => (a.or(req.year_from), b.or(req.year_to)),
            None => (req.year_from, req.year_to),
        };
        if from.is_some() || to.is_some() {
            let bound = |y: Option<i64>| match y {
                Some(y) => Bound::Included(Term::from_field_i64(f.year, y)),
                None => Bound::Unbounded,
            };
            clauses.push((
                Occur::Must,
                constant(Box::new(RangeQuery::new(bound(from), bound(to)))),
            ));
        }
        let has_text = !groups.is_empty();
        let should = |alternatives: Vec<Box<dyn Query>>| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(
                alternatives
                    .into_iter()
                    .map(|q| (Occur::Should, q))
                    .collect(),
            ))
        };
        let query: Box<dyn Query> = if unmatched || (at_least.is_some() && groups.is_empty()) {
            Box::new(EmptyQuery)
        } else if let Some(m) = at_least {
            let any: Vec<(Occur, Box<dyn Query>)> = groups
                .into_iter()
                .map(|g| (Occur::Should, should(g)))
                .collect();
            clauses.push((
                Occur::Must,
                Box::new(BooleanQuery::with_minimum_required_clauses(any, m.max(1))),
            ));
            Box::new(BooleanQuery::new(clauses))
        } else if groups.len() == 1 && clauses.is_empty() {
            // One word (or one OR group) alone: a flat union of terms.
            should(groups.pop().expect("one group"))
        } else {
            for g in groups {
                clauses.push((Occur::Must, should(g)));
            }
            if !has_text {
                clauses.push((Occur::Must, Box::new(AllQuery)));
            }
            Box::new(BooleanQuery::new(clauses))
        };
        // Counting, facets and sorting by date see only what the caller
        // may see; ranking filters as it goes (see `rank`).
        let visible: Box<dyn Query> = if req.include_private {
            query.box_clone()
        } else {
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, query.box_clone()),
                (
                    Occur::MustNot,
                    Box::new(TermQuery::new(
                        Term::from_field_u64(f.public, 0),
                        IndexRecordOption::Basic,
                    )),
                ),
            ]))
        };
        let limit = req.limit.clamp(1, 100);
        let top = TopDocs::with_limit(limit).and_offset(req.offset);
        // Without words there is no relevance: newest first, unless an
        // order by date was asked for.
        let sort = match req.sort {
            Sort::Relevance if !has_text => Sort::Newest,
            s => s,
        };
        // The top hits first, alone, so ranking can skip blocks that cannot
        // make the page; then, if asked, one pass without scores for the
        // total and the facets.
        let docs: Vec<(f32, DocAddress)> = match sort {
            Sort::Relevance => searcher.search(
                &query,
                &TopVisible {
                    limit,
                    offset: req.offset,
                    include_private: req.include_private,
                },
            )?,
            Sort::Newest | Sort::Oldest => {
                let order = if sort == Sort::Newest {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let top = top.order_by_fast_field::<i64>("date", order);
                searcher
                    .search(&visible, &top)?
                    .into_iter()
                    .map(|(_, a)| (0.0, a))
                    .collect()
            }
            Sort::Title | Sort::TitleDesc => {
                let order = if sort == Sort::Title {
                    Order::Asc
                } else {
                    Order::Desc
                };
                let top = top.order_by_string_fast_field("sort_title", order);
                searcher
                    .search(&visible, &top)?
                    .into_iter()
                    .map(|(_, a)| (0.0, a))
                    .collect()
            }
        };
        let (total, counts) = if req.count || req.facets {
            // The next page of the same search, or the same search by
            // someone else, reuses the counts until the index changes.
            let key = format!("{visible:?}|{}|{}", req.count, req.facets);
            let generation = searcher.generation().generation_id();
            match self.cached_counts(generation, &key) {
                Some(hit) => hit,
                None => {
                    let counted = searcher.search(
                        &visible,
                        &(
                            req.count.then_some(Count),
                            req.facets.then_some(RecordFacets),
                        ),
                    )?;
                    self.cache_counts(generation, key, counted.clone());
                    counted
                }
            }
        } else {
            (None, None)
        };
        let total = total.unwrap_or(req.offset + docs.len());
        let mut hits = Vec::with_capacity(docs.len());
        for (score, addr) in docs {
            hits.push(self.hit(&searcher, &mut b, score, addr, req.lang)?);
        }
        let mut facet_counts: BTreeMap<String, Vec<FacetCount>> = BTreeMap::new();
        for ((dim, code), count) in counts.unwrap_or_default() {
            facet_counts
                .entry(dim)
                .or_default()
                .push(FacetCount { code, count });
        }
        for list in facet_counts.values_mut() {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
            list.truncate(req.facet_values);
        }
        let mut suggestions = Vec::new();
        if suggest && total == 0 && words > 0 {
            // Words come from every record's text, so a suggestion is only
            // given when it finds something this caller may see.
            // Typos are looked for in the words as typed, not in the
            // vocabulary's equivalents.
            for q in self.suggest(&searcher, &parse(&req.q)?)? {
                let check = SearchRequest {
                    q: q.clone(),
                    facets: false,
                    limit: 1,
                    offset: 0,
                    ..req.clone()
                };
                if self.run(&check, false, None)?.0.total > 0 {
                    suggestions.push(q);
                }
            }
        }
        Ok((
            SearchResults {
                total,
                hits,
                facets: facet_counts,
                suggestions,
                partial: None,
            },
            looked_for,
        ))
    }

    fn hit(
        &self,
        searcher: &Searcher,
        b: &mut Builder,
        score: f32,
        addr: DocAddress,
        lang: Lang,
    ) -> Result<Hit, SearchError> {
        let f = *self.fields();
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let kind = text(f.kind);
        let mut title = text(f.title);
        if let Some(titles) = doc.get_first(f.titles).and_then(|v| v.as_str())
            && let Ok(map) = serde_json::from_str::<BTreeMap<Lang, String>>(titles)
            && let Some(t) = map.get(&lang).filter(|t| !t.is_empty())
        {
            title = t.clone();
        }
        let mut title_highlights = Vec::new();
        for s in 0..5 {
            if let Some(wanted) = b.wanted.get(&f.title_text[s]) {
                title_highlights.extend(snippet::matches(&title, &mut b.analyzers[s], wanted));
            }
        }
        // The stored body with the most matched words gives the snippet.
        let mut best: Option<(usize, Snippet)> = None;
        for s in 0..4 {
            let empty = HashSet::new();
            let wanted = b.wanted.get(&f.body[s]).unwrap_or(&empty);
            for value in doc.get_all(f.body[s]).filter_map(|v| v.as_str()) {
                let mut m = if s < 3 {
                    let (plain, stemmer) = plain_and(&mut b.analyzers, s);
                    snippet::matches_stemmed(value, plain, stemmer, wanted)
                } else {
                    snippet::matches(value, &mut b.analyzers[s], wanted)
                };
                // Words found through the neutral field are marked too.
                if let Some(neutral) = b.wanted.get(&f.body[4]) {
                    m.extend(snippet::matches(value, &mut b.analyzers[4], neutral));
                }
                let m = snippet::merge(m);
                let n = m.len();
                if best.as_ref().is_none_or(|(bn, _)| n > *bn) {
                    best = Some((n, snippet::around(value, &m, SNIPPET_BYTES)));
                }
            }
        }
        let clause = if kind == "clauses" {
            let start = doc
                .get_first(f.offset)
                .and_then(|v| v.as_u64())
                .unwrap_or(0);
            if let Some((_, s)) = best.as_mut() {
                s.start += start as usize;
            }
            let label = text(f.clause);
            Some(ClauseRef {
                anchor: passerelle_assess::anchor::anchor(&label),
                label,
                document_id: text(f.document),
                start,
            })
        } else {
            None
        };
        Ok(Hit {
            kind,
            id: text(f.id),
            title,
            title_highlights: snippet::merge(title_highlights),
            score,
            snippet: best.map(|(_, s)| s),
            clause,
        })
    }

    /// For a query that found nothing: the same query with each unknown
    /// Latin-script word replaced by the closest indexed word.
    fn suggest(&self, searcher: &Searcher, parsed: &Parsed) -> Result<Vec<String>, SearchError> {
        let f = self.fields();
        let mut neutral = analyzer::analyzer(None);
        let mut changed = false;
        let mut words = Vec::new();
        for part in parsed.groups.iter().flatten() {
            let mut out = Vec::new();
            for token in analyzer::terms(&mut neutral, &part.text) {
                let word = token.text;
                let latin = word.chars().all(|c| c.is_ascii_alphanumeric());
                let known = [f.title_text[4], f.body[4], f.names].iter().try_fold(
                    false,
                    |found, field| -> Result<bool, SearchError> {
                        Ok(found || searcher.doc_freq(&Term::from_field_text(*field, &word))? > 0)
                    },
                )?;
                // Numbers are meant as typed: "2030" is never "2020".
                let number = word.chars().any(|c| c.is_ascii_digit());
                if known || !latin || number || word.len() < 3 {
                    out.push(word);
                    continue;
                }
                match self.closest(searcher, &word)? {
                    Some(w) => {
                        changed = true;
                        out.push(w);
                    }
                    None => out.push(word),
                }
            }
            let joined = out.join(" ");
            words.push(if part.phrase {
                format!("\"{joined}\"")
            } else {
                joined
            });
        }
        Ok(if changed {
            vec![words.join(" ")]
        } else {
            Vec::new()
        })
    }

    /// The most frequent indexed word within a small edit distance of
    /// `word` that starts with the same letter.
    fn closest(&self, searcher: &Searcher, word: &str) -> Result<Option<String>, SearchError> {
        let max = if word.len() <= 5 { 1 } else { 2 };
        let first = &word[..1];
        let next = ((first.as_bytes()[0]) + 1) as char;
        let mut best: Option<(usize, u32, String)> = None;
        let f = self.fields();
        for segment in searcher.segment_readers() {
            for field in [f.title_text[4], f.body[4], f.names] {
                let inverted = segment.inverted_index(field)?;
                let mut stream = inverted
                    .terms()
                    .range()
                    .ge(first.as_bytes())
                    .lt(next.to_string().as_bytes())
                    .into_stream()?;
                while stream.advance() {
                    let Ok(candidate) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if candidate.len().abs_diff(word.len()) > max {
                        continue;
                    }
                    // A word suggests a word, never one with digits.
                    if candidate.bytes().any(|b| b.is_ascii_digit()) {
                        continue;
                    }
                    let d = edit_distance(word, candidate);
                    if d == 0 || d > max {
                        continue;
                    }
                    let df = stream.value().doc_freq;
                    let better = match &best {
                        None => true,
                        Some((bd, bdf, _)) => d < *bd || (d == *bd && df > *bdf),
                    };
                    if better {
                        best = Some((d, df, candidate.to_string()));
                    }
                }
            }
        }
        Ok(best.map(|(_, _, w)| w))
    }
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(text: &str, phrase: bool) -> Part {
        Part {
            text: text.into(),
            phrase,
        }
    }

    #[test]
    fn the_syntax_parses() {
        let p = parse(r#"frais "sécurité sociale" -saisonnier a OR b country:ma -type:mou year:2001..2023 objective:6"#)
            .unwrap();
        assert_eq!(
            p.groups,
            vec![
                vec![part("frais", false)],
                vec![part("sécurité sociale", true)],
                vec![part("a", false), part("b", false)],
            ]
        );
        assert_eq!(p.excluded, vec![part("saisonnier", false)]);
        assert_eq!(
            p.filters,
            vec![
                ("country".into(), "MA".into()),
                ("objective".into(), "6".into())
            ]
        );
        assert_eq!(p.excluded_filters, vec![("type".into(), "mou".into())]);
        assert_eq!(p.years, Some((Some(2001), Some(2023))));
    }

    #[test]
    fn bad_filters_say_what_is_wrong() {
        for (q, needle) in [
            ("year:20x1", "`20x1` is not a year"),
            ("year:2023..2001", "starts after it ends"),
            ("country:", "has no value"),
            ("-year:2001", "cannot be excluded"),
        ] {
            let e = parse(q).unwrap_err().to_string();
            assert!(e.contains(needle), "{q}: {e}");
        }
        // A colon in an ordinary word is just text.
        assert_eq!(parse("http://x").unwrap().groups.len(), 1);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("recrutment", "recrutement"), 1);
        assert_eq!(edit_distance("pasport", "passport"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
