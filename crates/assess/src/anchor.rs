//! Stable anchors for clauses: `art_4` for "Article 4", "Article
//! quatrième", "Artículo cuarto" or "المادة الرابعة", so that a link to an
//! article survives reading the text again (a clause's position id,
//! `c12`, does not: a page break read differently shifts it).

use crate::normalize::normalize;

/// The anchor of a clause from its label (the heading as written, or
/// "Preamble" / "Paragraph 4"): the kind of division and its number,
/// `art_4`, `art_4bis`, `annex_2`, `chap_3`, `para_4`, `preamble`; `None`
/// when the label says neither. Two clauses may share an anchor (the
/// articles of an annex numbered afresh): [`unique_anchors`] tells them
/// apart.
pub fn anchor(label: &str) -> Option<String> {
    let folded = normalize(label).into_text();
    let mut words = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-' | '(' | ')' | '–' | '—'))
        .filter(|w| !w.is_empty());
    let first = words.next()?;
    if let Some(n) = number(first) {
        // A numbered paragraph, "4." or "4.1".
        let rest: Vec<&str> = words.take_while(|w| number(w).is_some()).collect();
        let mut id = format!("p_{n}");
        for r in rest {
            id.push('_');
            id.push_str(&number(r).expect("kept numbers").to_string());
        }
        return Some(id);
    }
    let kind = division(first)?;
    if kind == "preamble" {
        return Some(kind.into());
    }
    let Some(second) = words.next() else {
        return Some(kind.into());
    };
    let (n, suffix) = match number(second) {
        Some(n) => (n, ""),
        None => {
            // "4bis", "4-bis", "12 ter".
            let digits: String = second.chars().take_while(char::is_ascii_digit).collect();
            match digits.parse::<u32>() {
                Ok(n) => (n, &second[digits.len()..]),
                Err(_) => (ordinal(second)?, ""),
            }
        }
    };
    let mut next = words.next();
    // Arabic eleventh to nineteenth: a unit, then عشرة.
    let n = if n < 10 && next.is_some_and(|w| w.starts_with("عشر")) {
        next = words.next();
        n + 10
    } else {
        n
    };
    let suffix = match (suffix, next) {
        ("", Some(s @ ("bis" | "ter" | "quater"))) => s,
        (s, _) if matches!(s, "bis" | "ter" | "quater") => s,
        _ => "",
    };
    Some(format!("{kind}_{n}{suffix}"))
}

/// Anchors for a text's clauses in order: each clause's [`anchor`], the
/// second and later clauses with the same one suffixed `-2`, `-3`; a
/// clause without one gets `fallback` (its position id).
pub fn unique_anchors<'a>(labels: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    labels
        .into_iter()
        .map(|(label, fallback)| {
            let base = anchor(label).unwrap_or_else(|| fallback.to_string());
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        })
        .collect()
}

/// The kind of division a heading word names, as folded.
fn division(word: &str) -> Option<&'static str> {
    Some(match word {
        "article" | "art" | "articulo" | "artigo" | "المادة" | "ماده" | "الماده" | "مادة" => {
            "art"
        }
        "annex" | "annexe" | "anexo" | "الملحق" | "ملحق" => "annex",
        "chapter" | "chapitre" | "capitulo" | "الفصل" | "الباب" => "chap",
        "section" | "seccion" => "sec",
        "part" | "partie" | "parte" => "part",
        "title" | "titre" | "titulo" => "title",
        "clause" | "clausula" | "البند" => "clause",
        "paragraph" | "paragraphe" | "parrafo" => "para",
        "preamble" | "preambule" | "preambulo" | "الديباجة" | "الديباجه" | "ديباجة" => {
            "preamble"
        }
        _ => return None,
    })
}

/// A number written in digits (Western or Arabic-Indic), or in Roman
/// numerals.
fn number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['e', 'r']).trim_end_matches("º");
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
        return word.parse().ok();
    }
    if !word.is_empty() && word.chars().all(|c| ('\u{0660}'..='\u{0669}').contains(&c)) {
        return word
            .chars()
            .try_fold(0u32, |n, c| Some(n * 10 + (c as u32 - 0x0660)));
    }
    roman(word)
}

fn roman(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 7 {
        return None;
    }
    let value = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = word.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, d) in digits.iter().enumerate() {
        match digits.get(k + 1) {
            Some(next) if next > d => total -= *d as i32,
            _ => total += *d as i32,
        }
    }
    u32::try_from(total).ok().filter(|n| *n > 0)
}

/// A spelled-out ordinal, first to twentieth, in French, English, Spanish
/// and Arabic (as folded: no accents, Arabic letters unified). The Arabic
/// eleventh to nineteenth are two words (الحادية عشرة): the unit here, the
/// ten added by [`anchor`].
fn ordinal(word: &str) -> Option<u32> {
    const WORDS: [&[&str]; 20] = [
        &[
            "premier",
            "premiere",
            "1er",
            "unique",
            "first",
            "one",
            "primero",
            "unico",
            "الاولي",
            "الاول",
            "الوحيده",
            "الحاديه",
            "الحادي",
        ],
        &["deuxieme", "second", "two", "segundo", "الثانيه", "الثاني"],
        &[
            "troisieme",
            "third",
            "three",
            "tercero",
            "الثالثه",
            "الثالث",
        ],
        &["quatrieme", "fourth", "cuarto", "الرابعه", "الرابع"],
        &["cinquieme", "fifth", "quinto", "الخامسه", "الخامس"],
        &["sixieme", "sixth", "sexto", "السادسه", "السادس"],
        &["septieme", "seventh", "septimo", "السابعه", "السابع"],
        &["huitieme", "eighth", "octavo", "الثامنه", "الثامن"],
        &["neuvieme", "ninth", "noveno", "التاسعه", "التاسع"],
        &["dixieme", "tenth", "decimo", "العاشره", "العاشر"],
        &["onzieme", "eleventh", "undecimo", "decimoprimero"],
        &["douzieme", "twelfth", "duodecimo", "decimosegundo"],
        &["treizieme", "thirteenth", "decimotercero", "decimotercio"],
        &["quatorzieme", "fourteenth", "decimocuarto"],
        &["quinzieme", "fifteenth", "decimoquinto"],
        &["seizieme", "sixteenth", "decimosexto"],
        &["seventeenth", "decimoseptimo"],
        &["eighteenth", "decimoctavo"],
        &["nineteenth", "decimonoveno"],
        &["vingtieme", "twentieth", "vigesimo"],
    ];
    WORDS
        .iter()
        .position(|ws| ws.contains(&word))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::{anchor, unique_anchors};

    #[test]
    fn headings_in_four_languages_give_one_anchor() {
        for (label, want) in [
            ("Article 4", "art_4"),
            ("ARTICLE 4", "art_4"),
            ("Art. 4", "art_4"),
            ("Article quatrième", "art_4"),
            ("Article premier", "art_1"),
            ("Article 1er", "art_1"),
            ("Artículo 4", "art_4"),
            ("Artículo cuarto", "art_4"),
            ("المادة 4", "art_4"),
            ("المادة ٤", "art_4"),
            ("المادة الرابعة", "art_4"),
            ("المادة الأولى", "art_1"),
            ("المادة الحادية عشرة", "art_11"),
            ("المادة الثانية عشرة", "art_12"),
            ("Artículo decimocuarto", "art_14"),
            ("Article 12 bis", "art_12bis"),
            ("Article 12bis", "art_12bis"),
            ("Chapitre IV", "chap_4"),
            ("Annex 2", "annex_2"),
            ("Preamble", "preamble"),
            ("Préambule", "preamble"),
            ("الديباجة", "preamble"),
            ("Paragraph 4", "para_4"),
            ("4.1", "p_4_1"),
            ("Considérant", ""),
        ] {
            assert_eq!(anchor(label).unwrap_or_default(), want, "{label}");
        }
    }

    #[test]
    fn repeated_anchors_are_told_apart_and_others_fall_back() {
        let got = unique_anchors([
            ("Preamble", "c0"),
            ("Article 1", "c1"),
            ("Annex", "c2"),
            ("Article 1", "c3"),
            ("Whereas", "c4"),
        ]);
        assert_eq!(got, ["preamble", "art_1", "annex", "art_1-2", "c4"]);
    }
}
