//! Small value types shared by every record: dates, languages, localized
//! texts, sources and links.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, written `YYYY-MM-DD` everywhere (JSON, CSV, SQL).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    pub fn year(&self) -> i32 {
        self.0.year()
    }

    /// Today's date in UTC.
    pub fn today() -> Date {
        Date(time::OffsetDateTime::now_utc().date())
    }

    /// The day after.
    pub fn next_day(&self) -> Date {
        Date(self.0.next_day().unwrap_or(self.0))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("expected a date as YYYY-MM-DD, got `{s}`");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u16>().ok());
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => Date::from_ymd(y as i32, m as u8, d as u8)
                .ok_or_else(|| format!("`{s}` is not a real calendar date")),
            _ => Err(bad()),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "format": "date", "examples": ["2023-07-11"]})
    }
}

/// The four languages of the interface and of localized texts.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    Es,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Es, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A text given in some of the four interface languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<Lang, String>);

impl Localized {
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|v| v.trim().is_empty())
    }

    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.0
            .get(&lang)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// The text in `lang`, else English, else any language given.
    pub fn best(&self, lang: Lang) -> Option<&str> {
        self.get(lang)
            .or_else(|| self.get(Lang::En))
            .or_else(|| self.0.values().map(String::as_str).find(|s| !s.is_empty()))
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed_on: Option<Date>,
}

/// A name or short text written once, when it reads the same in every
/// language (a proper name: `"ANAPEC"`), or per language
/// (`{"en": "International Labour Organization", "fr": "Organisation
/// internationale du Travail"}`). Pages show the reader's language and mark
/// a text shown in another one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum LocalText {
    One(String),
    Many(Localized),
}

impl LocalText {
    /// Every wording, for search and for matching a name.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            LocalText::One(s) => vec![s.as_str()],
            LocalText::Many(m) => m.0.values().map(String::as_str).collect(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            LocalText::One(s) => s.trim().is_empty(),
            LocalText::Many(m) => m.is_empty(),
        }
    }

    /// The wording for `lang`, and the language it is in when that is
    /// another one (a fallback to mark).
    pub fn best(&self, lang: Lang) -> (&str, Option<Lang>) {
        match self {
            LocalText::One(s) => (s, None),
            LocalText::Many(m) => match m.get(lang) {
                Some(s) => (s, None),
                None => {
                    let other = m.get(Lang::En).map(|s| (s, Lang::En)).or_else(|| {
                        m.0.iter()
                            .find(|(_, v)| !v.trim().is_empty())
                            .map(|(l, v)| (v.as_str(), *l))
                    });
                    match other {
                        Some((s, l)) => (s, Some(l)),
                        None => ("", None),
                    }
                }
            },
        }
    }
}

impl From<&str> for LocalText {
    fn from(s: &str) -> LocalText {
        LocalText::One(s.to_string())
    }
}

/// A link to a page about the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Lower-case, accent-free, space-separated form of a text, used to match
/// free-text title filters the same way on SQLite and PostgreSQL.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold_char(c) {
            Some(s) => out.push_str(s),
            None if c.is_alphanumeric() => out.push(c),
            None => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    out.trim().to_string()
}

/// The folded form of one lower-case character, or `None` when it is kept
/// as is (or, if not alphanumeric, is a separator).
pub fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'š' | 'ś' | 'ş' => "s",
        'ž' | 'ź' | 'ż' => "z",
        'ğ' => "g",
        'ß' => "ss",
        // Arabic: alef and hamza forms unified, ta marbuta and alef maqsura
        // folded, so a title filter does not depend on how it was typed.
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        'ة' => "ه",
        'ى' => "ي",
        'ـ' => "",
        '\u{064B}'..='\u{065F}' | '\u{0670}' => "",
        '\'' | '’' => "",
        _ => return None,
    })
}

/// A URL slug: lower-case ASCII letters, digits and hyphens.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 80 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            "1963-06-01".parse::<Date>().unwrap().to_string(),
            "1963-06-01"
        );
        assert!("1963-6-1".parse::<Date>().is_err());
        assert!(
            "2023-02-30"
                .parse::<Date>()
                .unwrap_err()
                .contains("not a real")
        );
    }

    #[test]
    fn folding_removes_accents_and_arabic_variants() {
        assert_eq!(fold("Accord de Main-d'Œuvre"), "accord de main doeuvre");
        assert_eq!(fold("Artículo  Cuarto"), "articulo cuarto");
        assert_eq!(fold("اتفاقيّة إستقدام"), "اتفاقيه استقدام");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(
            slugify("France–Maroc : convention (1963)"),
            "france-maroc-convention-1963"
        );
        assert_eq!(slugify("اتفاقية"), "");
    }
}
