//! The text layer of a PDF. Arabic comes out of many PDFs as shaped glyphs
//! (presentation forms) in visual order, with spaces inside words where the
//! glyph runs break; [`logical_order`] puts such lines back in reading
//! order with ordinary letters.

use unicode_normalization::UnicodeNormalization;

use crate::ExtractError;

pub fn text(bytes: &[u8]) -> Result<String, ExtractError> {
    // The encryption dictionary is named in the trailer; text cannot be read
    // without the password, and the parser's own error would not say so.
    if bytes.windows(8).any(|w| w == b"/Encrypt") {
        return Err(ExtractError::Encrypted("PDF"));
    }
    let raw = pdf_extract::extract_text_from_mem(bytes).map_err(|e| ExtractError::Malformed {
        format: "PDF",
        detail: e.to_string(),
    })?;
    Ok(raw
        .lines()
        .map(|line| mend_lam_alef(&logical_order(line)))
        .collect::<Vec<_>>()
        .join("\n"))
}

fn is_presentation_form(c: char) -> bool {
    ('\u{FB50}'..='\u{FDFF}').contains(&c) || ('\u{FE70}'..='\u{FEFF}').contains(&c)
}

/// Whether a presentation form joins the letter after it in reading order
/// (an initial or medial form). In the FE8x-FEFx block each letter that
/// joins on both sides has four forms: isolated, final, initial, medial.
fn joins_next(c: char) -> bool {
    const FOUR_FORMS: &[u32] = &[
        0xFE89, 0xFE8F, 0xFE95, 0xFE99, 0xFE9D, 0xFEA1, 0xFEA5, 0xFEB1, 0xFEB5, 0xFEB9, 0xFEBD,
        0xFEC1, 0xFEC5, 0xFEC9, 0xFECD, 0xFED1, 0xFED5, 0xFED9, 0xFEDD, 0xFEE1, 0xFEE5, 0xFEE9,
        0xFEF1,
    ];
    let c = c as u32;
    FOUR_FORMS
        .iter()
        .any(|&first| c >= first + 2 && c <= first + 3)
}

/// Whether a presentation form joins the letter before it in reading order
/// (a final or medial form).
fn joins_previous(c: char) -> bool {
    const TWO_FORMS: &[u32] = &[
        0xFE81, 0xFE83, 0xFE85, 0xFE87, 0xFE8D, 0xFE93, 0xFEA9, 0xFEAB, 0xFEAD, 0xFEAF, 0xFEED,
        0xFEEF, 0xFEF5, 0xFEF7, 0xFEF9, 0xFEFB,
    ];
    const FOUR_FORMS: &[u32] = &[
        0xFE89, 0xFE8F, 0xFE95, 0xFE99, 0xFE9D, 0xFEA1, 0xFEA5, 0xFEB1, 0xFEB5, 0xFEB9, 0xFEBD,
        0xFEC1, 0xFEC5, 0xFEC9, 0xFECD, 0xFED1, 0xFED5, 0xFED9, 0xFEDD, 0xFEE1, 0xFEE5, 0xFEE9,
        0xFEF1,
    ];
    let c = c as u32;
    TWO_FORMS.iter().any(|&first| c == first + 1)
        || FOUR_FORMS
            .iter()
            .any(|&first| c == first + 1 || c == first + 3)
}

/// The line reversed, with runs of left-to-right characters (numbers,
/// Latin words) put back in their own order and brackets mirrored.
fn reversed(chars: &[char]) -> Vec<char> {
    let mut rev: Vec<char> = chars.iter().rev().map(|&c| mirror(c)).collect();
    let mut i = 0;
    while i < rev.len() {
        if rev[i].is_alphanumeric() && !is_rtl(rev[i]) {
            let start = i;
            // Punctuation and spaces belong to the run only inside it
            // ("2023-24", "12.5", "Code du travail"): a full stop after a
            // number ends the sentence.
            let inside = |k: usize| {
                " .,:/-%".contains(rev[k])
                    && rev
                        .get(k + 1)
                        .is_some_and(|n| n.is_alphanumeric() && !is_rtl(*n))
            };
            while i < rev.len() && !is_rtl(rev[i]) && (rev[i].is_alphanumeric() || inside(i)) {
                i += 1;
            }
            rev[start..i].reverse();
            for c in &mut rev[start..i] {
                *c = mirror(*c);
            }
        } else {
            i += 1;
        }
    }
    rev
}

/// Whether a line of unshaped Arabic letters is stored in visual order.
/// In reading order the article ال opens words and ة, ى close them; in a
/// line stored backwards they stand at the other ends (لا closing a word, ة
/// opening one). A line is turned only when the backward signs outnumber
/// the forward ones by at least two, so a line with too little Arabic to
/// tell is left as it is.
fn reads_backwards(line: &str) -> bool {
    let (mut forward, mut backward) = (0, 0);
    for word in line
        .split(|c: char| !is_rtl(c))
        .filter(|w| w.chars().count() > 2)
    {
        if word.starts_with("ال") {
            forward += 1;
        }
        if word.ends_with('ة') || word.ends_with('ى') {
            forward += 1;
        }
        if word.ends_with("لا") {
            backward += 1;
        }
        if word.starts_with('ة') || word.starts_with('ى') {
            backward += 1;
        }
    }
    backward >= forward + 2
}

fn is_ltr(c: char) -> bool {
    c.is_alphanumeric() && !is_rtl(c)
}

/// Whether a right-to-left line is stored as its directional runs in the
/// order they are drawn, left to right, each run in reading order (as
/// office suites write it): a Latin letter or a digit is then followed
/// directly by an Arabic letter ("ANAPECتتولى", "12يستفيد"), which reading
/// order never does, and the line is mostly Arabic.
fn runs_in_visual_order(chars: &[char]) -> bool {
    let arabic = chars.iter().filter(|c| is_rtl(**c)).count();
    let latin = chars.iter().filter(|c| is_ltr(**c)).count();
    arabic > latin
        && chars
            .windows(2)
            .any(|w| is_ltr(w[0]) && is_rtl(w[1]) && w[1].is_alphabetic())
}

/// The line's runs in reading order: left-to-right runs (a number, Latin
/// words with the spaces and punctuation inside them) and the right-to-left
/// text between them, taken in the reverse order.
fn runs_turned(chars: &[char]) -> String {
    let mut runs: Vec<&[char]> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        if is_ltr(chars[i]) {
            // To the last left-to-right character before any Arabic.
            let mut end = i + 1;
            let mut k = i + 1;
            while k < chars.len() && !is_rtl(chars[k]) {
                if is_ltr(chars[k]) {
                    end = k + 1;
                }
                k += 1;
            }
            i = end;
        } else {
            while i < chars.len() && !is_ltr(chars[i]) {
                i += 1;
            }
        }
        runs.push(&chars[start..i]);
    }
    let turned: String = runs.iter().rev().flat_map(|r| r.iter()).collect();
    turned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Mends the lam-alef ligature written as alef then lam (some producers
/// map the ligature's glyph to its letters in drawing order): two alefs in
/// a row ("األولى" for "الأولى") and a word "ال" alone (for "لا") never
/// occur in Arabic. Where the reversed ligature opens a word ("إلنعاش"
/// for "لإنعاش") it cannot be told from real words ("إلى", "إلزام") and is
/// left.
pub fn mend_lam_alef(line: &str) -> String {
    const ALEFS: [char; 4] = ['ا', 'أ', 'إ', 'آ'];
    if !line.chars().any(|c| ALEFS.contains(&c)) {
        return line.to_string();
    }
    let mut chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i + 2 < chars.len() {
        if chars[i] == 'ا' && ALEFS.contains(&chars[i + 1]) && chars[i + 2] == 'ل' {
            chars.swap(i + 1, i + 2);
            i += 3;
        } else {
            i += 1;
        }
    }
    let mended: String = chars.into_iter().collect();
    mended
        .split(' ')
        .map(|w| match w {
            "ال" => "لا",
            "وال" => "ولا",
            "فال" => "فلا",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_rtl(c: char) -> bool {
    ('\u{0590}'..='\u{08FF}').contains(&c) || is_presentation_form(c)
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '«' => '»',
        '»' => '«',
        '<' => '>',
        '>' => '<',
        c => c,
    }
}

/// A line of PDF text in reading order, with presentation forms replaced by
/// letters. Lines without Arabic are returned as they are.
pub fn logical_order(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let shaped = chars.iter().filter(|c| is_presentation_form(**c)).count();
    if shaped == 0 {
        // Plain letters, which many producers also store in visual order
        // ("ةيبرغملا ةكلمملا"): told by where the letters that only end or
        // only begin a word stand.
        let ordered = if reads_backwards(line) {
            reversed(&chars)
        } else {
            chars
        };
        // Turned or not, its runs may still stand in drawing order.
        return if runs_in_visual_order(&ordered) {
            runs_turned(&ordered)
        } else {
            ordered.into_iter().collect()
        };
    }
    // In reading order a letter that joins the next one is followed by a
    // letter that joins its previous one; in visual order it is preceded by
    // one. Count both.
    let (mut visual, mut logical) = (0, 0);
    for w in chars.windows(2) {
        if joins_next(w[0]) && joins_previous(w[1]) {
            logical += 1;
        }
        if joins_previous(w[0]) && joins_next(w[1]) {
            visual += 1;
        }
    }
    let ordered: Vec<char> = if visual > logical {
        reversed(&chars)
    } else {
        chars
    };
    // A space right after a letter that joins the next is where the
    // generator broke a glyph run, not a word. Where the generator also
    // writes word gaps as runs of spaces (Chromium, Skia), any single space
    // between two Arabic letters is such a break.
    let wide_gaps = line.contains("  ");
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < ordered.len() {
        let c = ordered[i];
        let between_arabic =
            i > 0 && is_rtl(ordered[i - 1]) && ordered.get(i + 1).is_some_and(|n| is_rtl(*n));
        let single =
            i > 0 && ordered[i - 1] != ' ' && ordered.get(i + 1).is_some_and(|n| *n != ' ');
        if c == ' ' && between_arabic && (joins_next(ordered[i - 1]) || (wide_gaps && single)) {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    // NFKC turns the presentation forms (and lam-alef ligatures) back into
    // letters, hamza composed.
    let letters: String = out.nfkc().collect();
    let letters: Vec<char> = letters.chars().collect();
    // Shaped runs in reading order, drawn in visual order (office suites).
    if runs_in_visual_order(&letters) {
        return runs_turned(&letters);
    }
    let letters: String = letters.into_iter().collect();
    letters
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::logical_order;

    /// How a right-to-left line is laid out on the page, left to right:
    /// the characters reversed, runs of digits and Latin letters (with the
    /// punctuation inside them) kept in their order. Written apart from
    /// the code under test, as the fixture generator is.
    fn displayed(line: &str) -> String {
        let rev: Vec<char> = line.chars().rev().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < rev.len() {
            if rev[i].is_ascii_alphanumeric() {
                let mut j = i;
                while j < rev.len()
                    && (rev[j].is_ascii_alphanumeric()
                        || (" .,:/-%".contains(rev[j])
                            && rev.get(j + 1).is_some_and(char::is_ascii_alphanumeric)))
                {
                    j += 1;
                }
                out.extend(rev[i..j].iter().rev());
                i = j;
            } else {
                out.push(match rev[i] {
                    '(' => ')',
                    ')' => '(',
                    c => c,
                });
                i += 1;
            }
        }
        out
    }

    #[test]
    fn runs_drawn_left_to_right_come_back_in_reading_order() {
        use super::{mend_lam_alef, runs_in_visual_order, runs_turned};
        let turn = |line: &str| {
            let chars: Vec<char> = line.chars().collect();
            assert!(runs_in_visual_order(&chars), "{line}");
            runs_turned(&chars)
        };
        assert_eq!(
            turn(" انتقاء العمال المرشحين.ANAPECتتولى الوكالة الوطنية التشغيل "),
            "تتولى الوكالة الوطنية التشغيل ANAPEC انتقاء العمال المرشحين."
        );
        assert_eq!(turn("2المادة "), "المادة 2");
        assert_eq!(
            turn(".65.99 من القانون رقم 12يستفيد العمال وفق المادة  "),
            "يستفيد العمال وفق المادة 12 من القانون رقم 65.99."
        );
        // Reading order is left alone: spaces around the Latin words, and
        // "و4" (and 4) is Arabic then a digit.
        for line in [
            "تتولى الوكالة ANAPEC انتقاء العمال.",
            "وفق المادتين 3 و4 من القانون.",
            "Les travailleurs (العمال) sont affiliés.",
        ] {
            let chars: Vec<char> = line.chars().collect();
            assert!(!runs_in_visual_order(&chars), "{line}");
        }
        assert_eq!(mend_lam_alef("المادة األولى"), "المادة الأولى");
        assert_eq!(mend_lam_alef("الضمان االجتماعي"), "الضمان الاجتماعي");
        assert_eq!(
            mend_lam_alef("ال يتحمل العامل وال يجوز"),
            "لا يتحمل العامل ولا يجوز"
        );
        assert_eq!(mend_lam_alef("إلى الدولة"), "إلى الدولة");
    }

    #[test]
    fn a_backward_line_is_turned() {
        assert_eq!(logical_order("ةيبرغملا ةكلمملا"), "المملكة المغربية");
        let line = "في 12 مايو 2023 بين المملكة المغربية والجمهورية الفرنسية";
        assert_eq!(logical_order(&displayed(line)), line);
        // A French name inside an Arabic line keeps its words in order.
        let mixed = "يطبق Code du travail على العمال المهاجرين منذ 1 يناير 2024 وفقا للمادة 5";
        assert_eq!(
            displayed(mixed)
                .split(' ')
                .filter(|w| w.is_ascii())
                .collect::<Vec<_>>(),
            ["5", "2024", "1", "Code", "du", "travail"]
        );
        assert_eq!(logical_order(&displayed(mixed)), mixed);
        // Latin and French stay as they are.
        assert_eq!(
            logical_order("Article 4 – Recrutement"),
            "Article 4 – Recrutement"
        );
    }

    /// Over the Arabic agreements of the assessment corpus: no line in
    /// reading order is turned, and the lines with enough Arabic to tell
    /// come back from their displayed order.
    #[test]
    fn corpus_lines_keep_or_regain_their_order() {
        let docs = [
            include_str!("../../assess/corpus/documents/ar/egypt_jordan_mou_manpower.txt"),
            include_str!("../../assess/corpus/documents/ar/kuwait_comoros_domestic_workers.txt"),
            include_str!("../../assess/corpus/documents/ar/tunisia_germany_skills_partnership.txt"),
        ];
        let (mut long, mut restored) = (0, 0);
        for line in docs.iter().flat_map(|d| d.lines()).map(str::trim) {
            assert_eq!(logical_order(line), line, "turned wrongly: {line}");
            let words = line.split_whitespace().count();
            if words >= 6 {
                long += 1;
                if logical_order(&displayed(line)) == line {
                    restored += 1;
                }
            }
        }
        assert!(long > 50, "{long}");
        // Most long lines carry the signs; report the share.
        eprintln!("restored {restored} of {long} lines of six words or more");
        assert!(restored * 100 >= long * 90, "{restored} of {long}");
    }
}
