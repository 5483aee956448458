//! Text normalised for matching, with a map back to the original bytes.
//!
//! Compatibility forms are unfolded (NFKC: Arabic presentation forms from
//! PDFs, ligatures, full-width letters), case is folded, Latin accents are
//! removed, Arabic diacritics and tatweel are removed and the alef, ta
//! marbuta and alef maqsura variants are unified. Words come out separated
//! by one space; sentence ends become a `.` token, so a cue never spans two
//! sentences. Every normalised word maps back to the original bytes it came
//! from.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Normalised text and where each of its words came from.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// UTF-8: only whole characters are pushed. Kept as bytes because the
    /// matcher reads bytes, and checking every clause's text again cost
    /// more than it proves.
    bytes: Vec<u8>,
    /// The words, in order, `.` tokens included: the n-th word here is the
    /// n-th space-separated token of `text`. Matches start and end on word
    /// boundaries, so a map per word is enough: a map per byte cost four
    /// bytes written for every byte read.
    words: Vec<WordOrigin>,
}

#[derive(Clone, Copy, Debug)]
struct WordOrigin {
    /// Where the word starts in the normalised text.
    at: u32,
    /// The original bytes: from the first character that made it to the
    /// end of the last one.
    from: u32,
    to: u32,
}

impl Normalized {
    /// The normalised text.
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes).expect("normalised text is UTF-8")
    }

    /// The normalised text, owned.
    pub fn into_text(self) -> String {
        String::from_utf8(self.bytes).expect("normalised text is UTF-8")
    }

    /// The normalised text's bytes, which the matcher walks.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The original byte range of words `first` to `last` (token indices,
    /// as the matcher counts them).
    pub fn word_range(&self, first: usize, last: usize) -> (usize, usize) {
        let s = self.words[first].from as usize;
        (s, (self.words[last].to as usize).max(s))
    }

    /// The first word that starts at or after `offset` in the original.
    pub fn word_from(&self, offset: usize) -> usize {
        self.words.partition_point(|w| (w.from as usize) < offset)
    }

    /// How many words the text has, `.` tokens included.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Where word `k` is in the normalised text: words are separated by
    /// one space, so it ends a byte before the next starts.
    #[inline]
    pub fn word_span(&self, k: usize) -> (usize, usize) {
        let start = self.words[k].at as usize;
        let end = self
            .words
            .get(k + 1)
            .map_or(self.bytes.len(), |w| w.at as usize - 1);
        (start, end)
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

/// Builds the normalised text and its offset map.
struct Builder<'n> {
    text: Vec<u8>,
    words: &'n mut Vec<WordOrigin>,
    /// Pending separator: 0 none, 1 space, 2 sentence end; and where the
    /// sentence end was.
    gap: u8,
    gap_at: usize,
}

impl Builder<'_> {
    /// A non-word character at `i`: a space or a sentence end is pending.
    fn separate(&mut self, sentence_end: bool, i: usize) {
        if sentence_end {
            self.gap = 2;
            self.gap_at = i;
        } else if self.gap == 0 {
            self.gap = 1;
        }
    }

    /// ASCII letters and digits `bytes`, from the original bytes at `i..`:
    /// the common case, copied in one go.
    #[inline]
    fn push_ascii(&mut self, bytes: &[u8], i: usize) {
        self.open_word(i);
        // Setting bit 5 lowers an ASCII letter and leaves a digit as it is.
        self.text.extend(bytes.iter().map(|b| b | 0x20));
        self.close_at(i + bytes.len());
    }

    /// Flushes a pending separator; a word starts after one (and at the
    /// start), from the original character at `i`.
    #[inline(always)]
    fn open_word(&mut self, i: usize) {
        if self.gap > 0 || self.words.is_empty() {
            self.flush_gap();
            self.words.push(WordOrigin {
                at: self.text.len() as u32,
                from: i as u32,
                to: i as u32,
            });
        }
    }

    /// The current word's last original character ends at `end`.
    #[inline]
    fn close_at(&mut self, end: usize) {
        if let Some(w) = self.words.last_mut() {
            w.to = end as u32;
        }
    }

    #[inline]
    fn flush_gap(&mut self) {
        if !self.text.is_empty() {
            // Byte by byte: a call to copy one or three bytes costs more.
            if self.gap == 2 {
                self.text.extend([b' ', b'.', b' ']);
                // The `.` token is a word of its own, mapped to nothing.
                self.words.push(WordOrigin {
                    at: self.text.len() as u32 - 2,
                    from: self.gap_at as u32,
                    to: self.gap_at as u32,
                });
            } else {
                self.text.push(b' ');
            }
        }
        self.gap = 0;
    }

    /// Word characters `folded`, from the original character `c` at `i`.
    fn push(&mut self, folded: &str, c: char, i: usize) {
        self.push_bytes(folded.as_bytes(), i, c.len_utf8());
    }

    /// Word characters `folded` (whole UTF-8 characters), from the
    /// original character of `len` bytes at `i`.
    #[inline]
    fn push_bytes(&mut self, folded: &[u8], i: usize, len: usize) {
        self.open_word(i);
        for &b in folded {
            self.text.push(b);
        }
        self.close_at(i + len);
    }

    /// The last word of the normalised text so far.
    fn last_word(&self) -> &str {
        let from = self
            .text
            .iter()
            .rposition(|&b| b == b' ')
            .map_or(0, |p| p + 1);
        std::str::from_utf8(&self.text[from..]).unwrap_or("")
    }
}

/// What a non-ASCII character becomes.
#[derive(Clone, Debug, PartialEq)]
enum Class {
    /// Part of a word, as these folded characters.
    Word(Box<str>),
    /// Nothing, and the word goes on (diacritics, tatweel, marks).
    Transparent,
    /// A separator; `true` for a sentence end.
    Separator(bool),
}

/// How a non-ASCII character normalises: the one place the rules are
/// applied, for the table and for characters beyond it.
fn classify(c: char) -> Class {
    let mut buf = String::new();
    if ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0660}'..='\u{0669}').contains(&c) {
        // Arabic letters and digits fold to letters (or to nothing, for
        // tatweel): no decomposition, no word test needed.
        fold(c, &mut buf);
        return if buf.is_empty() {
            Class::Transparent
        } else {
            Class::Word(buf.into())
        };
    }
    decompose_compatible(c, |d| fold(d, &mut buf));
    if buf.is_empty() && !c.is_whitespace() && !is_sentence_end(c) {
        return Class::Transparent;
    }
    if !buf.is_empty() && buf.chars().all(is_word) {
        Class::Word(buf.into())
    } else {
        Class::Separator(is_sentence_end(c))
    }
}

/// Ranges of characters common in agreements, classified once: Latin
/// letters with accents, Greek, Cyrillic, Arabic (U+0080 to U+07FF),
/// typographic punctuation, and the ligatures and Arabic presentation
/// forms that PDFs hold.
const TABLED: [(u32, u32); 3] = [(0x80, 0x800), (0x2000, 0x2070), (0xFB00, 0xFF00)];

fn class_of(c: char) -> std::borrow::Cow<'static, Class> {
    static TABLE: std::sync::OnceLock<Vec<Vec<Class>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        TABLED
            .iter()
            .map(|&(from, to)| {
                (from..to)
                    .map(|u| char::from_u32(u).map_or(Class::Separator(false), classify))
                    .collect()
            })
            .collect()
    });
    let u = c as u32;
    for (k, &(from, to)) in TABLED.iter().enumerate() {
        if (from..to).contains(&u) {
            return std::borrow::Cow::Borrowed(&table[k][(u - from) as usize]);
        }
    }
    std::borrow::Cow::Owned(classify(c))
}

/// What a two-byte character (U+0080 to U+07FF: accented Latin, Greek,
/// Cyrillic, Arabic) becomes, flat, so that Arabic text, all of it two-byte
/// letters, skips decoding and the general table.
#[derive(Clone, Copy, Default)]
struct TwoByte {
    kind: u8,
    len: u8,
    folded: [u8; 4],
}

const WORD: u8 = 0;
const TRANSPARENT: u8 = 1;
const SPACE: u8 = 2;
const SENTENCE_END: u8 = 3;
/// Folds to more than four bytes: take the general path.
const LONG: u8 = 4;

fn two_byte(c: u32) -> &'static TwoByte {
    static TABLE: std::sync::OnceLock<Vec<TwoByte>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0x80..0x800)
            .map(|u| {
                let c = char::from_u32(u).expect("no surrogates below U+0800");
                match &*class_of(c) {
                    Class::Word(f) if f.len() <= 4 => {
                        let mut folded = [0; 4];
                        folded[..f.len()].copy_from_slice(f.as_bytes());
                        TwoByte {
                            kind: WORD,
                            len: f.len() as u8,
                            folded,
                        }
                    }
                    Class::Word(_) => TwoByte {
                        kind: LONG,
                        ..TwoByte::default()
                    },
                    Class::Transparent => TwoByte {
                        kind: TRANSPARENT,
                        ..TwoByte::default()
                    },
                    Class::Separator(end) => TwoByte {
                        kind: if *end { SENTENCE_END } else { SPACE },
                        ..TwoByte::default()
                    },
                }
            })
            .collect()
    });
    &table[(c - 0x80) as usize]
}

/// ASCII letters and digits, as a table: one load per byte instead of
/// three range tests.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// How many ASCII letters and digits `bytes` starts with. Eight bytes are
/// tested at a time, so that where a word ends is computed rather than
/// found by a loop that a branch predictor cannot guess the end of.
#[inline]
fn ascii_run(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bit 7 of each byte of `v` (each below 0x80) set where it is in
    // `lo..=hi`: adding never carries into the next byte.
    let within = |v: u64, lo: u8, hi: u8| {
        let at_least = v + ONES * u64::from(0x80 - lo);
        let above = v + ONES * u64::from(0x7F - hi);
        at_least & !above & HIGH
    };
    let mut run = 0;
    for chunk in bytes.chunks_exact(8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let v = x & LOW;
        // Setting bit 5 lowers letters; it takes nothing else into a..z.
        let alnum = (within(v | (ONES * 0x20), b'a', b'z') | within(v, b'0', b'9')) & !(x & HIGH);
        let other = !alnum & HIGH;
        if other != 0 {
            return run + other.trailing_zeros() as usize / 8;
        }
        run += 8;
    }
    run + bytes[run..]
        .iter()
        .position(|&x| !ALNUM[x as usize])
        .unwrap_or(bytes.len() - run)
}

/// Normalises `original` for matching.
pub fn normalize(original: &str) -> Normalized {
    let mut n = Normalized::default();
    normalize_into(original, &mut n);
    n
}

/// Normalises `original` into `out`, reusing its buffers.
pub fn normalize_into(original: &str, out: &mut Normalized) {
    let mut text = std::mem::take(&mut out.bytes);
    text.clear();
    text.reserve(original.len());
    out.words.clear();
    let mut b = Builder {
        text,
        words: &mut out.words,
        gap: 0,
        gap_at: 0,
    };
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if ALNUM[byte as usize] {
            let run = ascii_run(&bytes[i..]);
            b.push_ascii(&bytes[i..i + run], i);
            i += run;
            continue;
        }
        if byte.is_ascii() {
            let c = byte as char;
            let ends =
                is_sentence_end(c) && (c != '.' || dot_ends_sentence(original, i, b.last_word()));
            b.separate(ends, i);
            i += 1;
            continue;
        }
        if (0xC2..0xE0).contains(&byte) && i + 1 < bytes.len() {
            let t = two_byte((u32::from(byte & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F));
            match t.kind {
                WORD => {
                    // The whole run of two-byte letters (and marks between
                    // them) in one go: Arabic words are nothing else.
                    b.open_word(i);
                    let mut t = t;
                    let mut end = i;
                    loop {
                        if t.kind == WORD {
                            // Byte by byte: a copy of a length not known
                            // here is a call to `memcpy` per letter.
                            for &f in &t.folded[..t.len as usize] {
                                b.text.push(f);
                            }
                            end = i + 2;
                        }
                        i += 2;
                        if i + 1 >= bytes.len() || !(0xC2..0xE0).contains(&bytes[i]) {
                            break;
                        }
                        t = two_byte(
                            (u32::from(bytes[i] & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F),
                        );
                        if t.kind != WORD && t.kind != TRANSPARENT {
                            break;
                        }
                    }
                    b.close_at(end);
                    continue;
                }
                TRANSPARENT => {}
                SPACE => b.separate(false, i),
                SENTENCE_END => b.separate(true, i),
                _ => {
                    let c = original[i..].chars().next().expect("a character boundary");
                    if let Class::Word(folded) = &*class_of(c) {
                        b.push(folded, c, i);
                    }
                }
            }
            i += 2;
            continue;
        }
        let c = original[i..]
            .chars()
            .next()
            .expect("i is a character boundary");
        match &*class_of(c) {
            Class::Word(folded) => b.push(folded, c, i),
            Class::Transparent => {}
            Class::Separator(ends) => b.separate(*ends, i),
        }
        i += c.len_utf8();
    }
    out.bytes = b.text;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight bytes at a time agree with one at a time, for every byte at
    /// every place of a run, across chunk bounds and at the end.
    #[test]
    fn ascii_runs_are_counted_eight_bytes_at_a_time() {
        for len in [1usize, 7, 8, 9, 16, 21] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let expected = bytes
                        .iter()
                        .position(|x| !x.is_ascii_alphanumeric())
                        .unwrap_or(len);
                    assert_eq!(ascii_run(&bytes), expected, "{b:#x} at {at} of {len}");
                }
            }
        }
        assert_eq!(ascii_run(b"Z09zA "), 5);
        assert_eq!(ascii_run(b""), 0);
    }

    /// The original text of `phrase`, whole words found in `n`.
    fn original_of<'o>(n: &Normalized, original: &'o str, phrase: &str) -> &'o str {
        let at = n.text().find(phrase).expect("the phrase");
        let first = n.text()[..at].matches(' ').count();
        let last = first + phrase.matches(' ').count();
        let (s, e) = n.word_range(first, last);
        &original[s..e]
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            normalize("Convention No. 29 and Art. 5. Next").text(),
            "convention no 29 and art 5 . next"
        );
        assert_eq!(
            normalize("Section 4.1 of the U.N. text").text(),
            "section 4 1 of the u n text"
        );
    }

    #[test]
    fn word_spans_are_the_space_separated_tokens() {
        for text in ["L'employeur paie. Les frais", "a", "", "Art. 5. الأجور ، 3"] {
            let n = normalize(text);
            let spans: Vec<&str> = (0..n.word_count())
                .map(|k| {
                    let (s, e) = n.word_span(k);
                    &n.text()[s..e]
                })
                .collect();
            let tokens: Vec<&str> = n.text().split(' ').filter(|t| !t.is_empty()).collect();
            assert_eq!(spans, tokens, "{text}");
        }
    }

    #[test]
    fn folds_and_maps_back() {
        let original = "L'employeur prend en charge les FRAIS de recrutement. Article 2";
        let n = normalize(original);
        assert_eq!(
            n.text(),
            "l employeur prend en charge les frais de recrutement . article 2"
        );
        assert_eq!(
            original_of(&n, original, "frais de recrutement"),
            "FRAIS de recrutement"
        );
    }

    #[test]
    fn words_map_back_whole() {
        // A folded ligature and a trailing diacritic: the range ends with
        // the last character that made a letter.
        let original = "La main-d\u{2019}œuvre. الأجورُ";
        let n = normalize(original);
        assert_eq!(n.text(), "la main d oeuvre . الاجور");
        assert_eq!(original_of(&n, original, "oeuvre"), "œuvre");
        assert_eq!(
            original_of(&n, original, "main d oeuvre"),
            "main-d\u{2019}œuvre"
        );
        assert_eq!(original_of(&n, original, "الاجور"), "الأجور");
        // The `.` token is a word of its own, mapped to nothing, so the
        // indices stay those of the matcher.
        let (s, e) = n.word_range(4, 4);
        assert_eq!(s, e);
        assert_eq!(original_of(&n, original, "oeuvre . الاجور"), "œuvre. الأجور");
    }

    #[test]
    fn accents_and_ligatures() {
        assert_eq!(
            normalize("Sécurité sociale, œuvre, Artículo cuarto").text(),
            "securite sociale oeuvre articulo cuarto"
        );
    }

    #[test]
    fn arabic_variants_and_presentation_forms() {
        // Diacritics, tatweel and hamza forms fold away.
        assert_eq!(
            normalize("الضَّمانُ الاجتمـــاعي لِلعُمّال").text(),
            "الضمان الاجتماعي للعمال"
        );
        assert_eq!(normalize("إقامة").text(), "اقامه");
        // Presentation forms (as some PDFs store Arabic) become letters.
        assert_eq!(
            normalize("\u{FEE3}\u{FEAE}\u{FEA4}\u{FE92}\u{FE8E}").text(),
            normalize("مرحبا").text()
        );
        let original = "المادة ١: الأجور";
        let n = normalize(original);
        assert_eq!(original_of(&n, original, "الاجور"), "الأجور");
    }
}
