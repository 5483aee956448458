//! Which of the four languages a text is in: Arabic by script, the Latin
//! languages by their most frequent function words.

use serde::{Deserialize, Serialize};

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    En,
    Es,
    Ar,
    Other,
}

impl Language {
    pub const RUBRIC: [Language; 4] = [Language::Fr, Language::En, Language::Es, Language::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::Es => "es",
            Language::Ar => "ar",
            Language::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        [
            Language::Fr,
            Language::En,
            Language::Es,
            Language::Ar,
            Language::Other,
        ]
        .into_iter()
        .find(|l| l.code() == code)
    }
}

// Words frequent in one language and rare in the others (after folding).
const FR: &[&str] = &[
    "le", "les", "des", "du", "et", "est", "pour", "une", "dans", "sur", "aux", "ou", "qui", "au",
    "sont", "ces", "leur", "parties",
];
const EN: &[&str] = &[
    "the", "of", "and", "to", "in", "for", "is", "be", "shall", "by", "with", "or", "that",
    "which", "any", "this", "parties",
];
const ES: &[&str] = &[
    "el", "los", "las", "del", "y", "en", "por", "para", "que", "con", "una", "se", "al", "sus",
    "partes", "lo",
];

/// The language of a (raw or normalised) text.
pub fn detect(text: &str) -> Language {
    let mut arabic = 0usize;
    let mut latin = 0usize;
    for c in text.chars().take(200_000) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{FB50}'..='\u{FEFF}').contains(&c) {
            arabic += 1;
        } else if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)) {
            latin += 1;
        }
    }
    if arabic + latin == 0 {
        return Language::Other;
    }
    if arabic * 2 > latin {
        return Language::Ar;
    }
    // The first 400 kB are enough to tell (cut at a character boundary).
    let mut cut = text.len().min(400_000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let normalized = crate::normalize::normalize(&text[..cut]);
    let (mut fr, mut en, mut es, mut words) = (0, 0, 0, 0);
    for w in normalized.text().split(' ') {
        words += 1;
        fr += FR.contains(&w) as usize;
        en += EN.contains(&w) as usize;
        es += ES.contains(&w) as usize;
    }
    let best = fr.max(en).max(es);
    // Fewer than one function word in twelve: not one of our languages.
    if best == 0 || best * 12 < words.min(2000) {
        return Language::Other;
    }
    if best == fr {
        Language::Fr
    } else if best == en {
        Language::En
    } else {
        Language::Es
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_at_a_character_boundary() {
        // "é" straddles byte 400,000: the cut must step back, not panic.
        let text = format!(
            "{}é les travailleurs et les employeurs",
            "a".repeat(399_999)
        );
        assert!(!text.is_char_boundary(400_000));
        assert_eq!(detect(&text), Language::Other);
        let french = "Les travailleurs et les employeurs de la région. ".repeat(9000);
        assert_eq!(detect(&format!("{french}é")), Language::Fr);
    }

    #[test]
    fn detects_the_four_languages() {
        assert_eq!(
            detect(
                "Les Parties conviennent que les travailleurs sont recrutés par les services publics de l'emploi."
            ),
            Language::Fr
        );
        assert_eq!(
            detect(
                "The Parties shall ensure that workers are recruited through public employment services."
            ),
            Language::En
        );
        assert_eq!(
            detect(
                "Las Partes acuerdan que los trabajadores serán seleccionados por los servicios públicos de empleo."
            ),
            Language::Es
        );
        assert_eq!(
            detect("يتعاون الطرفان في تنظيم استقدام العمال عن طريق مصالح التشغيل العمومية."),
            Language::Ar
        );
        assert_eq!(
            detect("Die Vertragsparteien vereinbaren Folgendes über die Beschäftigung."),
            Language::Other
        );
        assert_eq!(detect("12345 --- !!!"), Language::Other);
    }
}
