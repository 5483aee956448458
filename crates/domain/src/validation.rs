//! Field-level validation: every problem names the field it is about.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::reference;
use crate::text::{Date, Link, Source};

/// One problem with one field, e.g. `parties[1].country`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FieldError {
    pub field: String,
    /// In English, for people reading the API's answers.
    pub message: String,
    /// What kind of problem, stable for programs and translations
    /// (`required`, `too_long`, `url`, ...), with its values in `args`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl FieldError {
    /// A problem without a code.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
            code: None,
            args: BTreeMap::new(),
        }
    }
}

/// A record that failed validation, with every problem found.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Invalid(pub Vec<FieldError>);

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {}", e.field, e.message)?;
        }
        Ok(())
    }
}

impl Invalid {
    pub fn one(field: impl Into<String>, message: impl Into<String>) -> Invalid {
        Invalid(vec![FieldError::new(field, message)])
    }
}

/// Collects problems while a record is checked.
#[derive(Default)]
pub struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    pub fn new() -> Check {
        Check::default()
    }

    pub fn fail(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    /// A problem of a known kind, `code`, with the values its message uses.
    pub fn fail_as(
        &mut self,
        field: impl Into<String>,
        code: &str,
        args: &[(&str, String)],
        message: impl Into<String>,
    ) {
        let mut e = FieldError::new(field, message);
        e.code = Some(code.to_string());
        e.args = args
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        self.errors.push(e);
    }

    pub fn finish(self) -> Result<(), Invalid> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Invalid(self.errors))
        }
    }

    pub fn id(&mut self, field: &str, id: Option<&str>) {
        if let Some(id) = id
            && !valid_id(id)
        {
            self.fail(
                field,
                format!("`{id}` is not a valid id: use 1 to 100 letters, digits, `.`, `_` or `-`, starting with a letter or digit"),
            );
        }
    }

    pub fn slug(&mut self, slug: Option<&str>) {
        if let Some(s) = slug {
            let ok = !s.is_empty()
                && s.len() <= 100
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !s.starts_with('-')
                && !s.ends_with('-');
            if !ok {
                self.fail("slug", format!("`{s}` is not a valid slug: use lower-case letters, digits and single hyphens"));
            }
        }
    }

    pub fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail_as(field, "required", &[], "is required");
        }
    }

    pub fn max_len(&mut self, field: &str, value: &str, max: usize) {
        let n = value.chars().count();
        if n > max {
            self.fail_as(
                field,
                "too_long",
                &[("length", n.to_string()), ("max", max.to_string())],
                format!("is {n} characters long; at most {max} are allowed"),
            );
        }
    }

    pub fn country(&mut self, field: &str, code: &str) {
        if reference::country(code).is_none() {
            self.fail_as(
                field,
                "country",
                &[("value", code.to_string())],
                format!("`{code}` is not an ISO 3166-1 alpha-2 country code (e.g. MA, FR)"),
            );
        }
    }

    pub fn countries(&mut self, field: &str, codes: &[String]) {
        for (i, c) in codes.iter().enumerate() {
            self.country(&format!("{field}[{i}]"), c);
        }
        self.unique(field, codes);
    }

    pub fn regions(&mut self, field: &str, codes: &[String]) {
        for (i, c) in codes.iter().enumerate() {
            if reference::region(c).is_none() {
                self.fail(format!("{field}[{i}]"), format!("`{c}` is not a UN M49 region code (e.g. 002 for Africa, 015 for Northern Africa)"));
            }
        }
        self.unique(field, codes);
    }

    pub fn objectives(&mut self, field: &str, numbers: &[u8]) {
        for (i, n) in numbers.iter().enumerate() {
            if !(1..=23).contains(n) {
                self.fail_as(
                    format!("{field}[{i}]"),
                    "objective",
                    &[("value", n.to_string())],
                    format!("{n} is not a GCM objective: objectives are numbered 1 to 23"),
                );
            }
        }
        self.unique(field, numbers);
    }

    pub fn sdgs(&mut self, field: &str, numbers: &[u8]) {
        for (i, n) in numbers.iter().enumerate() {
            if !(1..=17).contains(n) {
                self.fail(
                    format!("{field}[{i}]"),
                    format!(
                        "{n} is not a Sustainable Development Goal: goals are numbered 1 to 17"
                    ),
                );
            }
        }
        self.unique(field, numbers);
    }

    pub fn sectors(&mut self, field: &str, codes: &[String]) {
        for (i, c) in codes.iter().enumerate() {
            if reference::sector(c).is_none() {
                self.fail(
                    format!("{field}[{i}]"),
                    format!("`{c}` is not an ISIC Rev.4 section (A to U)"),
                );
            }
        }
        self.unique(field, codes);
    }

    pub fn occupations(&mut self, field: &str, codes: &[String]) {
        for (i, c) in codes.iter().enumerate() {
            if reference::occupation(c).is_none() {
                self.fail(
                    format!("{field}[{i}]"),
                    format!("`{c}` is not an ISCO-08 major group (0 to 9)"),
                );
            }
        }
        self.unique(field, codes);
    }

    pub fn languages(&mut self, field: &str, codes: &[String]) {
        for (i, c) in codes.iter().enumerate() {
            if !is_language(c) {
                self.fail(
                    format!("{field}[{i}]"),
                    format!("`{c}` is not an ISO 639 language code (e.g. fr, ar)"),
                );
            }
        }
        self.unique(field, codes);
    }

    pub fn texts(&mut self, field: &str, values: &[String]) {
        for (i, v) in values.iter().enumerate() {
            if v.trim().is_empty() {
                self.fail_as(format!("{field}[{i}]"), "empty", &[], "must not be empty");
            }
        }
    }

    pub fn local_texts(&mut self, field: &str, values: &[crate::text::LocalText]) {
        for (i, v) in values.iter().enumerate() {
            if v.is_blank() {
                self.fail_as(format!("{field}[{i}]"), "empty", &[], "must not be empty");
            }
        }
    }

    pub fn url(&mut self, field: &str, url: &str) {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        match rest {
            Some(host) if !host.is_empty() && !url.chars().any(char::is_whitespace) => {}
            _ => self.fail_as(
                field,
                "url",
                &[("value", url.to_string())],
                format!("`{url}` is not an http(s) URL"),
            ),
        }
    }

    pub fn sources(&mut self, field: &str, sources: &[Source]) {
        for (i, s) in sources.iter().enumerate() {
            self.url(&format!("{field}[{i}].url"), &s.url);
        }
    }

    pub fn links(&mut self, field: &str, links: &[Link]) {
        for (i, s) in links.iter().enumerate() {
            self.url(&format!("{field}[{i}].url"), &s.url);
        }
    }

    /// `later` may not come before `earlier`.
    pub fn order(&mut self, earlier: (&str, Option<Date>), later: (&str, Option<Date>)) {
        if let ((a_name, Some(a)), (b_name, Some(b))) = (earlier, later)
            && b < a
        {
            self.fail_as(
                b_name,
                "before",
                &[
                    ("date", b.to_string()),
                    ("other", a_name.to_string()),
                    ("other_date", a.to_string()),
                ],
                format!("{b} is before {a_name} ({a})"),
            );
        }
    }

    fn unique<T: PartialEq + fmt::Display>(&mut self, field: &str, values: &[T]) {
        for (i, v) in values.iter().enumerate() {
            if values[..i].contains(v) {
                self.fail_as(
                    format!("{field}[{i}]"),
                    "twice",
                    &[("value", v.to_string())],
                    format!("`{v}` is listed twice"),
                );
            }
        }
    }
}

/// Stable ids: short, URL-safe, case-sensitive.
pub fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 100
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

/// The ISO 639-1 language codes (two letters, the 183 of the standard's
/// list): the languages a record or a text may declare.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Whether `code` is an ISO 639-1 language code (`fr`, `ar`).
pub fn is_language(code: &str) -> bool {
    ISO_639_1.binary_search(&code).is_ok()
}

#[cfg(test)]
mod language_tests {
    #[test]
    fn language_codes_are_the_standards() {
        assert!(
            super::ISO_639_1.windows(2).all(|w| w[0] < w[1]),
            "sorted for the search"
        );
        for ok in ["fr", "ar", "es", "en", "wo", "zu"] {
            assert!(super::is_language(ok), "{ok}");
        }
        for bad in ["zz", "xx", "FR", "fra", ""] {
            assert!(!super::is_language(bad), "{bad}");
        }
    }
}
