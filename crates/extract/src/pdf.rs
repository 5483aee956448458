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
        .map(logical_order)
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
/// letters. Lines without shaped Arabic are returned as they are.
pub fn logical_order(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let shaped = chars.iter().filter(|c| is_presentation_form(**c)).count();
    if shaped == 0 {
        return line.to_string();
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
        // Reverse the line, then put runs of left-to-right characters
        // (numbers, Latin words) back in their own order.
        let mut rev: Vec<char> = chars.iter().rev().map(|&c| mirror(c)).collect();
        let mut i = 0;
        while i < rev.len() {
            if rev[i].is_alphanumeric() && !is_rtl(rev[i]) {
                let start = i;
                while i < rev.len()
                    && !is_rtl(rev[i])
                    && (rev[i].is_alphanumeric() || ".,:/-%".contains(rev[i]))
                {
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
    letters
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
