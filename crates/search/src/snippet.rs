//! Highlighted snippets: the passage of a stored text where the query's
//! terms are densest, with byte offsets of each match, so a page can mark
//! the words and jump to them in the full text.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::Serialize;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// Longest snippet, in bytes (about two lines of text).
pub const SNIPPET_BYTES: usize = 240;

/// A passage of a text with the query's matches marked.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Snippet {
    pub text: String,
    /// Byte offset of `text` in the text it was taken from: for a clause,
    /// the document's extracted text; for a record, the field.
    pub start: usize,
    /// Byte ranges of the matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// Byte ranges of the words of `text` whose terms under `analyzer` are in
/// `wanted`.
pub fn matches(
    text: &str,
    analyzer: &mut TextAnalyzer,
    wanted: &HashSet<String>,
) -> Vec<[usize; 2]> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        if wanted.contains(&t.text) {
            out.push([t.offset_from, t.offset_to]);
        }
    }
    out
}

/// [`matches`] for a stemming analyzer, faster: words are folded by
/// `plain` (the neutral analyzer), and only those that begin like one of
/// the wanted stems are stemmed by `stemmer`. Snowball stems of French,
/// English and Spanish words keep the word's first letters, so nothing is
/// missed; stemming every word of every snippet was a third of a query's
/// time.
pub fn matches_stemmed(
    text: &str,
    plain: &mut TextAnalyzer,
    stemmer: &mut TextAnalyzer,
    wanted: &HashSet<String>,
) -> Vec<[usize; 2]> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let prefix = |w: &str| -> String { w.chars().take(3).collect() };
    let prefixes: HashSet<String> = wanted.iter().map(|w| prefix(w)).collect();
    let mut out = Vec::new();
    let mut stream = plain.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        // A stem shorter than three letters is its own prefix.
        let mut ends = t.text.char_indices().map(|(i, _)| i).skip(1);
        let candidate = (1..=3).any(|_| {
            let end = ends.next().unwrap_or(t.text.len());
            prefixes.contains(&t.text[..end])
        });
        if !candidate {
            continue;
        }
        let word = &text[t.offset_from..t.offset_to];
        let mut stemmed = stemmer.token_stream(word);
        if stemmed.advance() && wanted.contains(&stemmed.token().text) {
            out.push([t.offset_from, t.offset_to]);
        }
    }
    out
}

/// Merges the ranges of several analyzers into sorted, disjoint ranges.
pub fn merge(mut ranges: Vec<[usize; 2]>) -> Vec<[usize; 2]> {
    ranges.sort_unstable();
    let mut out: Vec<[usize; 2]> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
            _ => out.push(r),
        }
    }
    out
}

/// The snippet of `text` around its densest run of `matches` (sorted byte
/// ranges); the opening of the text when there are none.
pub fn around(text: &str, matches: &[[usize; 2]], max: usize) -> Snippet {
    if text.len() <= max {
        return Snippet {
            text: text.to_string(),
            start: 0,
            highlights: matches.to_vec(),
        };
    }
    // The window that starts at a match and holds the most matches.
    let mut best = (0usize, 0usize);
    for (i, m) in matches.iter().enumerate() {
        let n = matches[i..]
            .iter()
            .take_while(|n| n[1] <= m[0] + max)
            .count();
        if n > best.1 {
            best = (i, n);
        }
    }
    let mut start = match matches.get(best.0) {
        // Some words of context before the first match.
        Some(m) => m[0].saturating_sub(max / 5),
        None => 0,
    };
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    // Start at a word, unless that would skip the first match.
    let first_match = matches.get(best.0).map_or(usize::MAX, |m| m[0]);
    if start > 0
        && let Some((space, c)) = text[start..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
        && start + space < first_match
    {
        start += space + c.len_utf8();
    }
    let mut end = (start + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len()
        && let Some(space) = text[start..end].rfind(char::is_whitespace)
        && space > max / 2
    {
        end = start + space;
    }
    Snippet {
        text: text[start..end].to_string(),
        start,
        highlights: matches
            .iter()
            .filter(|m| m[0] >= start && m[1] <= end)
            .map(|m| [m[0] - start, m[1] - start])
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer;

    #[test]
    fn the_window_holds_the_densest_matches() {
        let text = format!(
            "{} frais de recrutement à la charge de l'employeur, recrutement gratuit. {}",
            "préambule ".repeat(40),
            "fin ".repeat(80)
        );
        let mut fr = analyzer::analyzer(Some(passerelle_domain::Lang::Fr));
        let wanted: HashSet<String> = analyzer::terms(&mut fr, "recrutement")
            .into_iter()
            .map(|t| t.text)
            .collect();
        let m = matches(&text, &mut fr, &wanted);
        assert_eq!(m.len(), 2);
        let fast = matches_stemmed(&text, &mut analyzer::analyzer(None), &mut fr, &wanted);
        assert_eq!(fast, m);
        let s = around(&text, &m, SNIPPET_BYTES);
        assert_eq!(s.highlights.len(), 2);
        for h in &s.highlights {
            assert_eq!(&s.text[h[0]..h[1]], "recrutement");
            // Offsets point into the original text.
            assert_eq!(&text[s.start + h[0]..s.start + h[1]], "recrutement");
        }
        assert!(s.text.len() <= SNIPPET_BYTES);
        assert!(!s.text.starts_with(' '));
    }

    #[test]
    fn ranges_merge() {
        assert_eq!(
            merge(vec![[5, 9], [0, 3], [5, 9], [8, 12]]),
            vec![[0, 3], [5, 12]]
        );
    }
}
