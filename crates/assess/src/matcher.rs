//! Finding cues in normalised text: one Aho-Corasick pass over the first
//! word of every cue, each candidate then checked word by word.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

use crate::language::Language;
use crate::normalize::normalize;
use crate::rubric::Rubric;

/// How a cue bears on its element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// One is enough: the clause deals with the element.
    Strong,
    /// Topical: two different ones are needed.
    Weak,
    /// The clause does the opposite of what the element protects.
    Adverse,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Word {
    /// A word, or a word prefix when `stem` is true (`recruit*`).
    Literal { text: String, stem: bool },
    /// Up to [`GAP_WORDS`] other words in the same sentence.
    Gap,
}

const GAP_WORDS: usize = 4;

/// Prefixes written attached to Arabic words (after normalisation).
const ARABIC_CLITICS: &[&str] = &[
    "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "ول",
    "وبال",
];

/// A parsed cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    words: Vec<Word>,
    arabic: bool,
}

impl Pattern {
    /// Parses the cue syntax of `rubric/FORMAT.md`.
    pub fn parse(cue: &str) -> Result<Pattern, String> {
        let mut words = Vec::new();
        for raw in cue.split_whitespace() {
            if raw == "~" {
                if words.is_empty() || words.last() == Some(&Word::Gap) {
                    return Err("`~` must stand between two words".into());
                }
                words.push(Word::Gap);
                continue;
            }
            let stem = raw.ends_with('*');
            let body = raw.trim_end_matches('*');
            if body.contains('*') || body.contains('~') {
                return Err(format!(
                    "`{raw}`: `*` goes at the end of a word, `~` stands alone"
                ));
            }
            let text = normalize(body).text;
            if text.is_empty() || text.contains(' ') {
                // Apostrophes and hyphens split words: `d'origine` is two.
                for part in text.split(' ').filter(|p| !p.is_empty() && *p != ".") {
                    words.push(Word::Literal {
                        text: part.to_string(),
                        stem: false,
                    });
                }
                if let Some(Word::Literal { stem: s, .. }) = words.last_mut() {
                    *s = stem;
                }
                if text.is_empty() {
                    return Err(format!("`{raw}` has no letters"));
                }
                continue;
            }
            words.push(Word::Literal { text, stem });
        }
        match (words.first(), words.last()) {
            (Some(Word::Literal { .. }), Some(Word::Literal { .. })) => {}
            (None, _) => return Err("the cue is empty".into()),
            _ => return Err("`~` must stand between two words".into()),
        }
        let arabic = cue.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        Ok(Pattern { words, arabic })
    }

    fn first(&self) -> &str {
        match &self.words[0] {
            Word::Literal { text, .. } => text,
            Word::Gap => unreachable!("parse refuses a leading gap"),
        }
    }

    /// Matches at `pos` (where the first word's text was found); returns
    /// the end of the match.
    fn match_at(&self, text: &str, pos: usize) -> Option<usize> {
        let start = word_start(text, pos);
        if start != pos && !(self.arabic && ARABIC_CLITICS.contains(&&text[start..pos])) {
            return None;
        }
        let end = self.literal_end(text, pos, 0)?;
        self.rest(text, end, 1)
    }

    /// The end of literal `k` whose text starts exactly at `pos`.
    fn literal_end(&self, text: &str, pos: usize, k: usize) -> Option<usize> {
        let Word::Literal { text: w, stem } = &self.words[k] else {
            return None;
        };
        let (t, w) = (text.as_bytes(), w.as_bytes());
        // Most tries fail on the first byte: check it before comparing.
        if t.get(pos) != w.first() || !t[pos..].starts_with(w) {
            return None;
        }
        let end = pos + w.len();
        let word_end = next_space(t, end);
        if *stem || word_end == end {
            Some(if *stem { word_end } else { end })
        } else {
            None
        }
    }

    /// Literal `k` at the word starting at `pos`, allowing Arabic clitics.
    fn word_at(&self, text: &str, pos: usize, k: usize) -> Option<usize> {
        if let Some(e) = self.literal_end(text, pos, k) {
            return Some(e);
        }
        if self.arabic {
            for c in ARABIC_CLITICS {
                if text[pos..].starts_with(c)
                    && let Some(e) = self.literal_end(text, pos + c.len(), k)
                {
                    return Some(e);
                }
            }
        }
        None
    }

    /// Matches words `k..` after a match ending at `end`.
    fn rest(&self, text: &str, end: usize, k: usize) -> Option<usize> {
        if k == self.words.len() {
            return Some(end);
        }
        let gap = self.words[k] == Word::Gap;
        let k = if gap { k + 1 } else { k };
        let mut pos = end;
        for skipped in 0..=(if gap { GAP_WORDS } else { 0 }) {
            // Step over the separator to the next word; never across a
            // sentence end.
            let t = text.as_bytes();
            if t.get(pos) != Some(&b' ') {
                return None;
            }
            pos += 1;
            // A sentence end is a `.` word.
            if t.get(pos) == Some(&b'.') && matches!(t.get(pos + 1), None | Some(b' ')) {
                return None;
            }
            if let Some(e) = self.word_at(text, pos, k)
                && let Some(done) = self.rest(text, e, k + 1)
            {
                return Some(done);
            }
            if skipped == GAP_WORDS {
                break;
            }
            pos = next_space(text.as_bytes(), pos);
        }
        None
    }
}

/// The offset of the next space at or after `from`, or the end. Words are
/// short, so a plain loop beats a vectorised search here.
fn next_space(text: &[u8], from: usize) -> usize {
    text[from..]
        .iter()
        .position(|&b| b == b' ')
        .map_or(text.len(), |i| from + i)
}

fn word_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind(' ').map_or(0, |i| i + 1)
}

/// A cue found in a text (offsets into the normalised text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub element: usize,
    pub cue: usize,
    pub strength: Strength,
    pub start: usize,
    pub end: usize,
    /// A negation shortly before or inside the match.
    pub negated: bool,
}

/// A cue of the rubric, compiled.
#[derive(Clone, Debug)]
pub struct Cue {
    pub element: usize,
    pub strength: Strength,
    /// As written in the rubric, for evidence.
    pub text: String,
    pattern: Pattern,
    /// The cue's own words include a negation ("may not change employer"):
    /// then a negation in the match is the cue's, not a reversal of it.
    negative: bool,
}

struct LanguageMatcher {
    scanner: AhoCorasick,
    /// For each scanner pattern, the cues starting with it.
    cues_by_first: Vec<Vec<usize>>,
    /// For each scanner pattern, whether its cues are Arabic (and so may
    /// start after a clitic, inside a written word).
    arabic_first: Vec<bool>,
    cues: Vec<Cue>,
    negations: Vec<String>,
    /// Words that forbid what comes before them ("fees ... are prohibited").
    prohibitions: Vec<String>,
}

/// Every cue of a rubric, ready to scan texts in the four languages.
pub struct Matcher {
    languages: Vec<(Language, LanguageMatcher)>,
}

impl Matcher {
    pub fn new(rubric: &Rubric) -> Matcher {
        let mut languages = Vec::new();
        for lang in Language::RUBRIC {
            let mut cues = Vec::new();
            for (e, element) in rubric.elements.iter().enumerate() {
                let Some(c) = element.cues.get(lang.code()) else {
                    continue;
                };
                let all = c
                    .strong
                    .iter()
                    .map(|t| (Strength::Strong, t))
                    .chain(c.weak.iter().map(|t| (Strength::Weak, t)))
                    .chain(c.adverse.iter().map(|t| (Strength::Adverse, t)));
                for (strength, text) in all {
                    let pattern =
                        Pattern::parse(text).expect("rubric cues are checked when it is read");
                    cues.push(Cue {
                        element: e,
                        strength,
                        text: text.clone(),
                        pattern,
                        negative: false,
                    });
                }
            }
            let mut firsts: Vec<String> = Vec::new();
            let mut cues_by_first: Vec<Vec<usize>> = Vec::new();
            for (i, cue) in cues.iter().enumerate() {
                let first = cue.pattern.first().to_string();
                match firsts.iter().position(|f| *f == first) {
                    Some(p) => cues_by_first[p].push(i),
                    None => {
                        firsts.push(first);
                        cues_by_first.push(vec![i]);
                    }
                }
            }
            // A DFA costs memory once (a few MB for ~1,000 cue words) and
            // scans several times faster than the NFA.
            let scanner = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::Standard)
                .build(&firsts)
                .expect("cue words make a valid automaton");
            let negations: Vec<String> = rubric
                .negations
                .get(lang.code())
                .map(|n| n.iter().map(|w| normalize(w).text).collect())
                .unwrap_or_default();
            for cue in &mut cues {
                cue.negative =
                    cue.pattern.words.iter().any(
                        |w| matches!(w, Word::Literal { text, .. } if negations.contains(text)),
                    );
            }
            let prohibitions: Vec<String> = rubric
                .prohibitions
                .get(lang.code())
                .map(|n| {
                    n.iter()
                        .map(|w| normalize(w.trim_end_matches('*')).text)
                        .collect()
                })
                .unwrap_or_default();
            let arabic_first = cues_by_first
                .iter()
                .map(|group| group.iter().any(|&c| cues[c].pattern.arabic))
                .collect();
            languages.push((
                lang,
                LanguageMatcher {
                    scanner,
                    cues_by_first,
                    arabic_first,
                    cues,
                    negations,
                    prohibitions,
                },
            ));
        }
        Matcher { languages }
    }

    fn language(&self, lang: Language) -> Option<&LanguageMatcher> {
        self.languages
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, m)| m)
    }

    pub fn cue(&self, lang: Language, index: usize) -> &Cue {
        &self.language(lang).expect("a rubric language").cues[index]
    }

    /// Every cue of `lang` in `text` (normalised), in one scan.
    pub fn find(&self, lang: Language, text: &str) -> Vec<Hit> {
        let Some(m) = self.language(lang) else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        let bytes = text.as_bytes();
        for found in m.scanner.find_overlapping_iter(text) {
            let pos = found.start();
            let first = found.pattern().as_usize();
            // Most candidates are inside a longer word: only Arabic cues
            // may start there (after a clitic).
            if pos > 0 && bytes[pos - 1] != b' ' && !m.arabic_first[first] {
                continue;
            }
            for &c in &m.cues_by_first[first] {
                let cue = &m.cues[c];
                if let Some(end) = cue.pattern.match_at(text, pos) {
                    let start = word_start(text, pos);
                    hits.push(Hit {
                        element: cue.element,
                        cue: c,
                        strength: cue.strength,
                        start,
                        end,
                        negated: !cue.negative
                            && (negated(text, start, end, &m.negations)
                                || prohibited(text, end, &m.prohibitions)),
                    });
                }
            }
        }
        hits
    }
}

/// Whether a negation word stands within three words before the match, or
/// inside it, in the same sentence.
fn negated(text: &str, start: usize, end: usize, negations: &[String]) -> bool {
    let inside = text[start..end].split(' ');
    let before = text[..start]
        .split(' ')
        .rev()
        .skip(1)
        .take(3)
        .take_while(|w| *w != ".");
    inside
        .chain(before)
        .any(|w| negations.iter().any(|n| n == w))
}

/// Whether a prohibition word follows within five words in the same
/// sentence ("recruitment fees borne by workers are prohibited"). A
/// prohibition is written as a stem: `prohib` matches "prohibited".
fn prohibited(text: &str, end: usize, prohibitions: &[String]) -> bool {
    text[end..]
        .split(' ')
        .skip(1)
        .take(5)
        .take_while(|w| *w != ".")
        .any(|w| prohibitions.iter().any(|p| w.starts_with(p.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(cue: &str, text: &str) -> bool {
        let p = Pattern::parse(cue).unwrap();
        let t = normalize(text).text;
        let first = p.first().to_string();
        t.match_indices(first.as_str())
            .any(|(i, _)| p.match_at(&t, i).is_some())
    }

    #[test]
    fn stems_gaps_and_sentences() {
        assert!(matches(
            "recruitment fee*",
            "No recruitment fees shall be charged"
        ));
        assert!(!matches("recruitment fee", "recruitment feeds"));
        assert!(matches(
            "fee* ~ charged",
            "fees shall not be charged to workers"
        ));
        assert!(!matches(
            "fee* ~ charged",
            "fees shall not, under any circumstances whatsoever, be charged"
        ));
        assert!(!matches("fee* ~ charged", "the fees. It is charged"));
        assert!(matches(
            "frais de recrutement",
            "Les FRAIS DE RECRUTEMENT sont à la charge"
        ));
        assert!(matches("d origine", "pays d'origine"));
        assert!(!matches("cost*", "accost"));
    }

    #[test]
    fn arabic_clitics_and_forms() {
        assert!(matches("ضمان اجتماعي", "يستفيد العمال من الضمان الاجتماعي"));
        assert!(matches("ضمان اجتماعي", "وبالضمان الاجتماعي"));
        assert!(matches("جواز سفر", "لا يجوز الاحتفاظ بجواز السفر"));
        assert!(matches("اقامه", "تصريح الإقامة"));
        assert!(!matches("سفر", "سفراء"));
        assert!(matches("سفر*", "سفراء"));
    }

    #[test]
    fn bad_cues_are_refused() {
        assert!(Pattern::parse("~ fee").is_err());
        assert!(Pattern::parse("fee ~").is_err());
        assert!(Pattern::parse("re*cruit").is_err());
        assert!(Pattern::parse("  ").is_err());
    }
}
