//! Text analysis: how a text becomes index terms, one analyzer per language
//! plus a language-neutral one.
//!
//! Every analyzer starts with the same [`WordTokenizer`]: words are runs of
//! letters, digits and combining marks (so an Arabic word with harakat stays
//! one word), apostrophes split French elisions ("l'emploi"), and each word
//! is lower-cased and folded: Latin accents removed, Arabic diacritics and
//! tatweel dropped, alef/hamza forms, alef maqsura and ta marbuta unified
//! (the same folding as the registry's title filter, `domain::text`). Stop
//! words of the analyzer's language are skipped but keep their position, so
//! a phrase that contains one still matches. The Latin-script analyzers
//! then stem with Snowball; Arabic gets our light stemmer ([`arabic_stem`]),
//! because Snowball's Arabic stemmer treats the definite article and the
//! conjunction inconsistently (it left "والاسرة" and "الحرية" unstemmed
//! while stemming "الاسرة" and "حرية").

use passerelle_domain::text::fold_char;
use tantivy::tokenizer::{
    Language as StemLanguage, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream,
    Tokenizer,
};

use crate::Lang;

/// Longest term indexed, in bytes; longer "words" are noise (hashes, URLs).
const MAX_TERM_BYTES: usize = 60;

/// The name an analyzer is registered under in the index.
pub fn name(lang: Option<Lang>) -> &'static str {
    match lang {
        Some(Lang::Fr) => "passerelle_fr",
        Some(Lang::En) => "passerelle_en",
        Some(Lang::Es) => "passerelle_es",
        Some(Lang::Ar) => "passerelle_ar",
        None => "passerelle_neutral",
    }
}

/// The analyzer for a language, or the neutral one (`None`).
pub fn analyzer(lang: Option<Lang>) -> TextAnalyzer {
    let (stop, stem) = match lang {
        Some(Lang::Fr) => (FR_STOP, StemLanguage::French),
        Some(Lang::En) => (EN_STOP, StemLanguage::English),
        Some(Lang::Es) => (ES_STOP, StemLanguage::Spanish),
        Some(Lang::Ar) => {
            return TextAnalyzer::builder(WordTokenizer {
                stop: AR_STOP,
                arabic: true,
            })
            .filter(RemoveLongFilter::limit(MAX_TERM_BYTES))
            .build();
        }
        None => {
            return TextAnalyzer::builder(WordTokenizer {
                stop: &[],
                arabic: false,
            })
            .filter(RemoveLongFilter::limit(MAX_TERM_BYTES))
            .build();
        }
    };
    TextAnalyzer::builder(WordTokenizer {
        stop,
        arabic: false,
    })
    .filter(RemoveLongFilter::limit(MAX_TERM_BYTES))
    .filter(Stemmer::new(stem))
    .build()
}

/// The terms `text` gives under an analyzer, with their byte offsets.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

/// Splits text into folded words; see the module documentation.
#[derive(Clone)]
pub struct WordTokenizer {
    /// Folded stop words, sorted.
    stop: &'static [&'static str],
    /// Whether Arabic words are stemmed.
    arabic: bool,
}

pub struct WordStream<'a> {
    text: &'a str,
    at: usize,
    position: usize,
    stop: &'static [&'static str],
    arabic: bool,
    token: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        WordStream {
            text,
            at: 0,
            position: 0,
            stop: self.stop,
            arabic: self.arabic,
            token: Token::default(),
        }
    }
}

/// Letters, digits and the marks that belong inside a word.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // The letters of the four languages answer without the general Unicode
    // tables (a third of tokenising time went to them).
    match c {
        '\u{00C0}'..='\u{024F}' => c != '×' && c != '÷',
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}')
}

impl WordStream<'_> {
    /// Reads the next word into `self.token`; false at the end of the text.
    fn next_word(&mut self) -> bool {
        let rest = &self.text[self.at..];
        let Some(start) = rest.find(is_word_char) else {
            self.at = self.text.len();
            return false;
        };
        let start = self.at + start;
        let len = self.text[start..]
            .find(|c: char| !is_word_char(c))
            .unwrap_or(self.text.len() - start);
        let end = start + len;
        self.at = end;
        let word = &self.text[start..end];
        let text = &mut self.token.text;
        text.clear();
        if word.is_ascii() {
            text.push_str(word);
            text.make_ascii_lowercase();
        } else {
            for c in word.chars().flat_map(char::to_lowercase) {
                match fold_char(c) {
                    Some(s) => text.push_str(s),
                    // Combining accents (decomposed input) fold away.
                    None if is_mark(c) => {}
                    None => text.push(c),
                }
            }
        }
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = self.position;
        self.token.position_length = 1;
        self.position += 1;
        true
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if !self.next_word() {
                return false;
            }
            let t = self.token.text.as_str();
            if !t.is_empty() && self.stop.binary_search(&t).is_err() {
                if self.arabic && !t.is_ascii() {
                    arabic_stem(&mut self.token.text);
                }
                return true;
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// A light Arabic stemmer in the manner of Larkey, Ballesteros and
/// Connell's "light10" (SIGIR 2002) on folded text: the conjunction و and
/// the definite article with its proclitics go, then plural, dual,
/// adjectival and pronoun suffixes, twice; a ta marbuta written ت before a
/// pronoun ("أسرته") is restored first so the word meets its bare form.
/// Broken plurals are out of reach of any light stemmer.
pub fn arabic_stem(word: &mut String) {
    const ARTICLES: &[&str] = &["وال", "بال", "كال", "فال", "لل", "ال"];
    const SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
    let chars = |s: &str| s.chars().count();
    if word.starts_with('و') && chars(word) >= 4 {
        word.drain(..'و'.len_utf8());
    }
    if let Some(a) = ARTICLES.iter().find(|a| word.starts_with(*a))
        && chars(word) - chars(a) >= 2
    {
        word.drain(..a.len());
    }
    for _ in 0..2 {
        for suffix in SUFFIXES {
            if word.ends_with(suffix) && chars(word) - chars(suffix) >= 2 {
                word.truncate(word.len() - suffix.len());
                let pronoun = matches!(*suffix, "ه" | "ها");
                if pronoun && word.ends_with('ت') && !word.ends_with("ات") && chars(word) >= 3 {
                    word.truncate(word.len() - 'ت'.len_utf8());
                    word.push('ه');
                }
            }
        }
    }
}

// Stop words, folded and sorted (a test checks both). Our own short lists of
// the function words that carry no meaning in a query; words such as "not"
// or "sans" are kept because they change what a clause says.
const FR_STOP: &[&str] = &[
    "a", "au", "aux", "c", "ce", "ces", "d", "dans", "de", "des", "du", "elle", "en", "est", "et",
    "il", "j", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "n", "ou", "par", "pour", "qu",
    "que", "qui", "s", "sa", "se", "ses", "son", "sur", "t", "un", "une", "y",
];
const EN_STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
    "its", "of", "on", "or", "s", "such", "that", "the", "their", "these", "this", "to", "was",
    "which", "with",
];
const ES_STOP: &[&str] = &[
    "a", "al", "como", "con", "de", "del", "e", "el", "en", "es", "la", "las", "lo", "los", "o",
    "para", "por", "que", "se", "su", "sus", "un", "una", "y",
];
// Folded: alef forms are plain alef, alef maqsura is ya.
const AR_STOP: &[&str] = &[
    "التي",
    "الذي",
    "الذين",
    "الي",
    "ان",
    "او",
    "اي",
    "ذلك",
    "علي",
    "عن",
    "في",
    "قد",
    "كل",
    "كما",
    "لا",
    "ما",
    "من",
    "هذا",
    "هذه",
    "هو",
    "هي",
    "و",
    "ولا",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lang: Option<Lang>, text: &str) -> Vec<String> {
        terms(&mut analyzer(lang), text)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn stop_lists_are_folded_and_sorted() {
        for list in [FR_STOP, EN_STOP, ES_STOP, AR_STOP] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            for w in list {
                assert_eq!(texts(None, w), vec![w.to_string()], "{w}");
            }
        }
    }

    #[test]
    fn words_keep_offsets_into_the_original() {
        let text = "Les frais de recrutement, à l'employeur.";
        let tokens = terms(&mut analyzer(Some(Lang::Fr)), text);
        let words: Vec<&str> = tokens
            .iter()
            .map(|t| &text[t.offset_from..t.offset_to])
            .collect();
        assert_eq!(words, ["frais", "recrutement", "employeur"]);
        // Stop words keep their positions, so phrases stay exact.
        assert_eq!(tokens[1].position, 3);
    }

    #[test]
    fn inflections_meet_on_one_stem() {
        assert_eq!(
            texts(Some(Lang::Fr), "travailleur"),
            texts(Some(Lang::Fr), "travailleurs")
        );
        assert_eq!(
            texts(Some(Lang::Fr), "securite"),
            texts(Some(Lang::Fr), "Sécurité")
        );
        assert_eq!(
            texts(Some(Lang::En), "passport"),
            texts(Some(Lang::En), "passports")
        );
        assert_eq!(
            texts(Some(Lang::Es), "trabajador"),
            texts(Some(Lang::Es), "trabajadores")
        );
        assert_eq!(
            texts(Some(Lang::Es), "migracion"),
            texts(Some(Lang::Es), "migraciones")
        );
    }

    #[test]
    fn arabic_is_normalised_before_stemming() {
        // Diacritics and tatweel go, hamza forms of alef meet, and the
        // definite article, conjunction and suffixes are stemmed away.
        let plain = texts(Some(Lang::Ar), "اسرة");
        for w in ["أُسْرَة", "الأســرة", "والأسرة", "للأسرة", "أسرته"]
        {
            assert_eq!(texts(Some(Lang::Ar), w), plain, "{w}");
        }
        let free = texts(Some(Lang::Ar), "حرية");
        for w in ["الحرية", "الحريات", "وحرياته", "بالحرية"] {
            assert_eq!(texts(Some(Lang::Ar), w), free, "{w}");
        }
        // A word with harakat is still one word.
        assert_eq!(texts(None, "العُمّال").len(), 1);
    }
}
