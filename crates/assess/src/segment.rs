//! Clause segmentation: articles, sections and numbered paragraphs in the
//! four languages, falling back to paragraphs when a text has no headings.

use std::sync::Arc;

use crate::normalize::{Normalized, normalize_into};

use serde::{Deserialize, Serialize};

/// A clause of the text: byte offsets into the original (extracted) text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Clause {
    pub id: Arc<str>,
    /// The heading as written ("Article 3", "المادة الخامسة"), or
    /// "Preamble" / "Paragraph 4".
    pub label: String,
    pub start: usize,
    pub end: usize,
}

/// The label of the text before the first heading.
pub const PREAMBLE: &str = "Preamble";

const LATIN_HEADINGS: &[&str] = &[
    "article", "art", "articulo", "artigo", "section", "seccion", "chapter", "chapitre",
    "capitulo", "clause", "clausula", "annex", "annexe", "anexo", "part", "partie", "titre",
    "title", "titulo",
];

const LATIN_ORDINALS: &[&str] = &[
    "premier",
    "1er",
    "unique",
    "first",
    "primero",
    "segundo",
    "tercero",
    "cuarto",
    "quinto",
    "sexto",
    "septimo",
    "octavo",
    "noveno",
    "decimo",
    "undecimo",
    "duodecimo",
    "unico",
    "one",
    "two",
    "three",
];

const ARABIC_HEADINGS: &[&str] = &[
    "المادة",
    "مادة",
    "البند",
    "الفصل",
    "الباب",
    "الملحق",
    "المادّة",
];

/// The heading a line starts with, if it starts with one. `scratch` holds
/// a folded word.
fn heading(line: &str, scratch: &mut Normalized) -> Option<String> {
    // Most lines start with an ordinary ASCII word: ruled out on their
    // first byte, before any character is decoded.
    let lead = line.bytes().position(|b| !b.is_ascii_whitespace())?;
    let b0 = line.as_bytes()[lead];
    if b0.is_ascii() && !(b0.is_ascii_digit() || b0 == b'(' || b"ascptACSPT".contains(&b0)) {
        return None;
    }
    // Many still start with an ASCII word ("The", "Chaque", "Article"):
    // told from a heading word without folding it.
    let ascii_heading = if b0.is_ascii_alphabetic() {
        match ascii_heading_word(&line.as_bytes()[lead..]) {
            Some(false) => return None,
            known => known,
        }
    } else {
        None
    };
    let trimmed =
        line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{200F}' || c == '\u{200E}');
    if trimmed.is_empty() {
        return None;
    }
    let mut words = trimmed.split_whitespace();
    let first = words.next()?;
    let two_words = words.next().is_some();
    // Most lines start with an ordinary word: only a short first word or
    // one with a digit can be a heading, and in ASCII only one starting
    // like a heading word, so the rest skip normalising.
    let c0 = first.as_bytes()[0];
    if c0.is_ascii() && !(c0.is_ascii_digit() || c0 == b'(' || b"ascptACSPT".contains(&c0)) {
        return None;
    }
    // In Arabic, only an alef (with or without hamza) or a meem can open
    // المادة / مادة / البند / الفصل / الباب / الملحق.
    let first_char = first.chars().next()?;
    if ('\u{0600}'..='\u{06FF}').contains(&first_char)
        && !matches!(first_char, 'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'م')
    {
        return None;
    }
    if first.chars().count() > 12 && !first.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
        return None;
    }
    static ARABIC: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let arabic = ARABIC.get_or_init(|| {
        ARABIC_HEADINGS
            .iter()
            .map(|h| crate::normalize::normalize(h).into_text())
            .collect()
    });
    // A word that starts with a digit folds to no heading word.
    if c0.is_ascii_digit() {
        return numbered(first, two_words);
    }
    let latin = match ascii_heading {
        Some(known) => known,
        None => {
            let folded = fold(first, scratch);
            // Arabic: المادة الأولى / المادة 3 / المادة (3)
            if arabic.iter().any(|a| a == folded) && two_words {
                // Eleventh to nineteenth take two words: الحادية عشرة.
                let teen = trimmed.split_whitespace().nth(2).is_some_and(|w| {
                    w.trim_end_matches([':', '.', '-', '–', '—'])
                        .starts_with("عشر")
                });
                return Some(label_of(trimmed, if teen { 3 } else { 2 }));
            }
            LATIN_HEADINGS.contains(&folded)
        }
    };
    if latin && two_words {
        let second = fold(
            trimmed.split_whitespace().nth(1).unwrap_or_default(),
            scratch,
        );
        let numeric = second.chars().next().is_some_and(|c| c.is_ascii_digit())
            || is_roman(second)
            || LATIN_ORDINALS.contains(&second)
            || is_ordinal_word(second);
        if numeric {
            return Some(label_of(trimmed, 2));
        }
    }
    numbered(first, two_words)
}

/// A numbered paragraph's number, when `first`, a line's first word, is
/// one ("1.", "2)", "(3)", "4.1.") and text follows it.
fn numbered(first: &str, two_words: bool) -> Option<String> {
    let inner = first.trim_start_matches('(');
    let digits = inner
        .bytes()
        .take_while(|c| c.is_ascii_digit() || *c == b'.')
        .count();
    let number = inner.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && first.len() <= digits + 2
        && (first.ends_with('.') || first.ends_with(')'))
        && two_words;
    number.then(|| {
        first
            .trim_end_matches(['.', ')'])
            .trim_start_matches('(')
            .to_string()
    })
}

/// Whether `rest` starts with one of [`LATIN_HEADINGS`], when it starts
/// with a word of ASCII letters and digits, perhaps followed by
/// punctuation; `None` for any other start (a letter with an accent,
/// "Art.5"), which [`heading`] folds.
fn ascii_heading_word(rest: &[u8]) -> Option<bool> {
    let alnum = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let tail = &rest[alnum..];
    let end = tail
        .iter()
        .position(|b| b.is_ascii_whitespace() || !b.is_ascii())
        .unwrap_or(tail.len());
    let plain = tail.get(end).is_none_or(u8::is_ascii)
        && !tail[..end].iter().any(u8::is_ascii_alphanumeric);
    plain.then(|| {
        LATIN_HEADINGS
            .iter()
            .any(|h| h.as_bytes().eq_ignore_ascii_case(&rest[..alnum]))
    })
}

/// A word as normalisation folds it (into `scratch`); without normalising
/// for the common case of lower-case ASCII letters and digits, perhaps
/// followed by punctuation ("art.", "section:"), which normalise to their
/// letters.
fn fold<'w>(word: &'w str, scratch: &'w mut Normalized) -> &'w str {
    let alnum = word.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let rest = &word.as_bytes()[alnum..];
    if alnum > 0
        && rest
            .iter()
            .all(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
    {
        let letters = &word[..alnum];
        if !letters.bytes().any(|b| b.is_ascii_uppercase()) {
            return letters;
        }
    }
    normalize_into(word, scratch);
    scratch.text()
}

/// Spelled-out ordinals past the listed ones: Spanish "decimocuarto",
/// "vigésimo primero", French "deuxième", English "twenty-first".
fn is_ordinal_word(s: &str) -> bool {
    ["decimo", "vigesim", "trigesim", "cuadragesim"]
        .iter()
        .any(|p| s.starts_with(p))
        || (s.ends_with("ieme") && s.len() > 5)
        || [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth",
        ]
        .iter()
        .any(|w| s.ends_with(w))
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'))
}

/// The first `n` words of a heading line, without trailing punctuation.
fn label_of(line: &str, n: usize) -> String {
    // Words are mostly one space apart: then the label is a slice of the
    // line, copied once.
    let start = line.len() - line.trim_start().len();
    let mut end = start;
    let mut spaced = true;
    for (k, word) in line[start..].split_whitespace().take(n).enumerate() {
        let at = word.as_ptr() as usize - line.as_ptr() as usize;
        spaced &= k == 0 || (at == end + 1 && line.as_bytes()[end] == b' ');
        end = at + word.len();
    }
    if spaced {
        return line[start..end]
            .trim_end_matches([':', '.', '-', '–', '—'])
            .to_string();
    }
    let mut label = String::new();
    for word in line.split_whitespace().take(n) {
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(word);
    }
    let kept = label.trim_end_matches([':', '.', '-', '–', '—']).len();
    label.truncate(kept);
    label
}

/// The id of the `n`-th clause, `c{n}`, made without an intermediate
/// string: a long text has thousands.
fn clause_id(n: usize) -> Arc<str> {
    use std::io::Write;
    let mut buf = [0u8; 24];
    let mut at = &mut buf[..];
    write!(at, "c{n}").expect("an id fits in 24 bytes");
    let len = 24 - at.len();
    std::str::from_utf8(&buf[..len])
        .expect("an id is ASCII")
        .into()
}

/// Splits `text` into clauses.
pub fn segment(text: &str) -> Vec<Clause> {
    let mut starts: Vec<(usize, String, bool)> = Vec::new(); // (offset, label, numbered paragraph)
    let mut offset = 0;
    let mut scratch = Normalized::default();
    for line in text.split_inclusive('\n') {
        if let Some(label) = heading(line, &mut scratch) {
            let numbered = label.chars().next().is_some_and(|c| c.is_ascii_digit());
            starts.push((offset, label, numbered));
        }
        offset += line.len();
    }
    // Numbered paragraphs inside articles belong to their article.
    let has_articles = starts.iter().any(|(_, _, numbered)| !numbered);
    if has_articles {
        starts.retain(|(_, _, numbered)| !numbered);
    }
    let mut clauses = Vec::new();
    if starts.is_empty() {
        return paragraphs(text);
    }
    if !text[..starts[0].0].trim().is_empty() {
        clauses.push(Clause {
            id: "c0".into(),
            label: PREAMBLE.into(),
            start: 0,
            end: starts[0].0,
        });
    }
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|s| s.0)
        .chain([text.len()])
        .collect();
    for ((start, label, _), end) in starts.into_iter().zip(ends) {
        clauses.push(Clause {
            id: clause_id(clauses.len()),
            label,
            start,
            end,
        });
    }
    clauses.into_iter().map(trim).collect()
}

/// Without headings: paragraphs separated by blank lines.
fn paragraphs(text: &str) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let mut start = None;
    let mut offset = 0;
    let push = |clauses: &mut Vec<Clause>, s: usize, e: usize| {
        let n = clauses.len() + 1;
        clauses.push(trim(Clause {
            id: clause_id(n - 1),
            label: format!("Paragraph {n}"),
            start: s,
            end: e,
        }));
    };
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                push(&mut clauses, s, offset);
            }
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        push(&mut clauses, s, text.len());
    }
    clauses
}

fn trim(mut c: Clause) -> Clause {
    c.end = c.start.max(c.end);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        segment(text).into_iter().map(|c| c.label).collect()
    }

    #[test]
    fn headings_in_four_languages() {
        let fr = "Accord\nLes Parties...\nArticle premier\nObjet.\nArticle 2 : Recrutement\n1. Le recrutement...\n2. Les frais...\nART. 3\nFin";
        assert_eq!(
            labels(fr),
            ["Preamble", "Article premier", "Article 2", "ART. 3"]
        );
        let es = "Artículo primero\nObjeto\nArtículo cuarto\nSeguridad social\nArtículo decimocuarto\nFin\nArtículo vigésimo primero\nFin";
        assert_eq!(
            labels(es),
            [
                "Artículo primero",
                "Artículo cuarto",
                "Artículo decimocuarto",
                "Artículo vigésimo"
            ]
        );
        assert_eq!(
            labels("Article deuxième\nA\nArticle twenty-first\nB"),
            ["Article deuxième", "Article twenty-first"]
        );
        let ar = "اتفاقية\nالمادة الأولى\nنص\nالمادة الخامسة\nنص";
        assert_eq!(labels(ar), ["Preamble", "المادة الأولى", "المادة الخامسة"]);
        let en = "Section 1\nScope\nSection IV\nWages";
        assert_eq!(labels(en), ["Section 1", "Section IV"]);
        // A label is its words one space apart, without closing
        // punctuation, however the line spaced them; a word that only
        // starts like a heading word is none.
        let spaced = "  ARTICLE\t 3:\nText\nArticle 4 -\nText\nArticles 5 and 6\nPartie 2.\n";
        assert_eq!(labels(spaced), ["ARTICLE 3", "Article 4", "Partie 2"]);
    }

    #[test]
    fn numbered_paragraphs_and_fallback() {
        assert_eq!(labels("1. First.\n2) Second.\n(3) Third."), ["1", "2", "3"]);
        assert_eq!(
            labels("One paragraph.\n\nAnother one.\n"),
            ["Paragraph 1", "Paragraph 2"]
        );
    }

    #[test]
    fn clauses_cover_the_text() {
        let text = "Preamble\nArticle 1\nA.\nArticle 2\nB.";
        let c = segment(text);
        assert_eq!(c[0].start, 0);
        assert_eq!(c.last().unwrap().end, text.len());
        assert!(c.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn folding_a_first_word_agrees_with_normalising_it() {
        for word in [
            "Article",
            "ART.",
            "Section:",
            "12.",
            "(3)",
            "Art.5",
            "ARTÍCULO",
            "título",
            "المادة",
            "Chapitre-2",
            "annex",
            "x",
        ] {
            assert_eq!(
                fold(word, &mut Normalized::default()),
                crate::normalize::normalize(word).text(),
                "{word}"
            );
        }
    }
}
