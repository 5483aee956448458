//! Text normalised for matching, with a map back to the original bytes.
//!
//! Compatibility forms are unfolded (NFKC: Arabic presentation forms from
//! PDFs, ligatures, full-width letters), case is folded, Latin accents are
//! removed, Arabic diacritics and tatweel are removed and the alef, ta
//! marbuta and alef maqsura variants are unified. Words come out separated
//! by one space; sentence ends become a `.` token, so a cue never spans two
//! sentences. Every normalised byte maps to the original byte it came from.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Normalised text and, for each of its bytes, the offset of the original
/// byte it came from (plus one entry for the end).
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    pub text: String,
    /// Original offset of the character each normalised byte came from.
    origin: Vec<u32>,
    /// Original offset just past that character.
    origin_end: Vec<u32>,
}

impl Normalized {
    /// The original byte range of a normalised byte range.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin[start] as usize;
        // The end maps to the end of the last original character used.
        let e = if end == 0 {
            s
        } else {
            self.origin_end[end - 1] as usize
        };
        (s, e.max(s))
    }
}

/// Whether `c` is a word character after normalisation.
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | '؟' | '؛' | '।' | '。' | '\u{06D4}'
    )
}

/// Folds one character (already compatibility-decomposed) into `out`.
fn fold(c: char, out: &mut String) {
    match c {
        // Arabic: harakat, superscript alef and tatweel carry no meaning for
        // matching.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ة' => out.push('ه'),
        'ى' => out.push('ي'),
        'ؤ' => out.push('و'),
        'ئ' => out.push('ي'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        'ı' => out.push('i'),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        c if is_combining_mark(c) => {}
        c => out.extend(c.to_lowercase()),
    }
}

/// Words that a dot abbreviates rather than ends a sentence after
/// ("Convention No. 29", "Art. 5", "núm. 97"), as normalised.
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "n", "nr", "num", "art", "arts", "para", "paras", "par", "p", "pp", "cf", "ibid",
    "op", "cit", "vol", "sect", "sec", "ch", "chap", "cap", "inc", "ltd", "co", "mr", "mrs", "ms",
    "dr", "st", "av", "m", "mme", "mm", "sr", "sra", "dn", "dna", "lic", "ing", "etc", "eg", "ie",
    "al",
];

/// Whether the `.` at byte `i` ends a sentence: not inside a number or an
/// abbreviation ("4.1", "U.N.", "No. 29").
fn dot_ends_sentence(original: &str, i: usize, last_word: &str) -> bool {
    let next = original[i + 1..].chars().next();
    if next.is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    let single_letter =
        last_word.chars().count() == 1 && last_word.chars().all(char::is_alphabetic);
    !(ABBREVIATIONS.contains(&last_word) || single_letter)
}

/// The last word of the normalised text so far.
fn last_word(text: &str) -> &str {
    text.rsplit(' ').next().unwrap_or("")
}

/// Builds the normalised text and its offset map.
struct Builder {
    text: String,
    origin: Vec<u32>,
    origin_end: Vec<u32>,
    /// Pending separator: 0 none, 1 space, 2 sentence end; and where.
    gap: u8,
    gap_at: usize,
}

impl Builder {
    /// A non-word character at `i`: a space or a sentence end is pending.
    fn separate(&mut self, sentence_end: bool, i: usize) {
        if sentence_end {
            self.gap = 2;
            self.gap_at = i;
        } else if self.gap == 0 {
            self.gap = 1;
            self.gap_at = i;
        }
    }

    /// A lower-case ASCII letter or digit from the original byte `i`: the
    /// common case, kept short.
    #[inline]
    fn push_ascii(&mut self, c: char, i: usize) {
        if self.gap > 0 {
            self.flush_gap();
        }
        self.text.push(c);
        self.origin.push(i as u32);
        self.origin_end.push(i as u32 + 1);
    }

    #[inline]
    fn flush_gap(&mut self) {
        if !self.text.is_empty() {
            let sep = if self.gap == 2 { " . " } else { " " };
            for b in sep.bytes() {
                self.text.push(b as char);
                self.origin.push(self.gap_at as u32);
                self.origin_end.push(self.gap_at as u32 + 1);
            }
        }
        self.gap = 0;
    }

    /// Word characters `folded`, from the original character at `i..end`.
    fn push(&mut self, folded: &str, i: usize, end: usize) {
        if self.gap > 0 {
            self.flush_gap();
        }
        for _ in 0..folded.len() {
            self.origin.push(i as u32);
            self.origin_end.push(end as u32);
        }
        self.text.push_str(folded);
    }
}

/// Normalises `original` for matching.
pub fn normalize(original: &str) -> Normalized {
    let mut out = Builder {
        text: String::with_capacity(original.len()),
        origin: Vec::with_capacity(original.len() + 1),
        origin_end: Vec::with_capacity(original.len() + 1),
        gap: 0,
        gap_at: 0,
    };
    let mut buf = String::new();
    for (i, c) in original.char_indices() {
        let end = i + c.len_utf8();
        // Fast paths: ASCII (most of a Latin-script text) and the Arabic
        // letters, which need no decomposition.
        if c.is_ascii_alphanumeric() {
            out.push_ascii(c.to_ascii_lowercase(), i);
            continue;
        }
        if c.is_ascii() {
            let ends = is_sentence_end(c)
                && (c != '.' || dot_ends_sentence(original, i, last_word(&out.text)));
            out.separate(ends, i);
            continue;
        }
        buf.clear();
        if ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0660}'..='\u{0669}').contains(&c) {
            // Arabic letters and digits fold to letters (or to nothing, for
            // tatweel): no decomposition, no word test needed.
            fold(c, &mut buf);
            if !buf.is_empty() {
                out.push(&buf, i, end);
            }
            continue;
        }
        decompose_compatible(c, |d| fold(d, &mut buf));
        if buf.is_empty() && !c.is_whitespace() && !is_sentence_end(c) {
            // Diacritics, tatweel and other marks that fold to nothing are
            // transparent: the word goes on.
            continue;
        }
        if !buf.is_empty() && buf.chars().all(is_word) {
            out.push(&buf, i, end);
        } else {
            out.separate(is_sentence_end(c), i);
        }
    }
    out.origin.push(original.len() as u32);
    out.origin_end.push(original.len() as u32);
    Normalized {
        text: out.text,
        origin: out.origin,
        origin_end: out.origin_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            normalize("Convention No. 29 and Art. 5. Next").text,
            "convention no 29 and art 5 . next"
        );
        assert_eq!(
            normalize("Section 4.1 of the U.N. text").text,
            "section 4 1 of the u n text"
        );
    }

    #[test]
    fn folds_and_maps_back() {
        let original = "L'employeur prend en charge les FRAIS de recrutement. Article 2";
        let n = normalize(original);
        assert_eq!(
            n.text,
            "l employeur prend en charge les frais de recrutement . article 2"
        );
        let at = n.text.find("frais").unwrap();
        let (s, e) = n.original_range(at, at + "frais de recrutement".len());
        assert_eq!(&original[s..e], "FRAIS de recrutement");
    }

    #[test]
    fn accents_and_ligatures() {
        assert_eq!(
            normalize("Sécurité sociale, œuvre, Artículo cuarto").text,
            "securite sociale oeuvre articulo cuarto"
        );
    }

    #[test]
    fn arabic_variants_and_presentation_forms() {
        // Diacritics, tatweel and hamza forms fold away.
        assert_eq!(
            normalize("الضَّمانُ الاجتمـــاعي لِلعُمّال").text,
            "الضمان الاجتماعي للعمال"
        );
        assert_eq!(normalize("إقامة").text, "اقامه");
        // Presentation forms (as some PDFs store Arabic) become letters.
        assert_eq!(
            normalize("\u{FEE3}\u{FEAE}\u{FEA4}\u{FE92}\u{FE8E}").text,
            normalize("مرحبا").text
        );
        let original = "المادة ١: الأجور";
        let n = normalize(original);
        let at = n.text.find("الاجور").unwrap();
        let (s, e) = n.original_range(at, n.text.len());
        assert_eq!(&original[s..e], "الأجور");
    }
}
