//! Reading list filters from the query string. Every value is checked, and
//! a bad one is reported with the parameter's name.

use passerelle_domain::{Facet, FieldError, Invalid, Kind, reference};
use passerelle_store::{DEFAULT_PER_PAGE, ListQuery, Sort};

/// Parameters a list accepts, for error messages and the OpenAPI document.
pub const LIST_PARAMS: &[(&str, &str)] = &[
    (
        "country",
        "ISO 3166-1 alpha-2 code of a country involved; repeat or comma-separate for any of several",
    ),
    ("origin", "country of origin (alpha-2)"),
    ("destination", "country of destination (alpha-2)"),
    (
        "corridor",
        "origin and destination as `MA-ES` (Morocco to Spain); repeat or comma-separate for any of several",
    ),
    (
        "match",
        "`all` with `country`: records whose countries include every one named (as `between`); `any` (default): any of them",
    ),
    (
        "between",
        "two to four countries that are all parties, e.g. `MA,ES` (agreements between Morocco and Spain)",
    ),
    (
        "region",
        "UN M49 region code, e.g. 002 (Africa), 015 (Northern Africa), 150 (Europe)",
    ),
    (
        "type",
        "record type, e.g. `mou`, `bilateral_agreement` (agreements), `programme` (practices)",
    ),
    (
        "status",
        "status, e.g. `in_force` (agreements), `in_progress` (commitments)",
    ),
    (
        "year",
        "a year (`2001`) or a range (`1963..2001`, `2001..`, `..1990`)",
    ),
    ("objective", "GCM objective number, 1 to 23"),
    ("principle", "GCM guiding principle id, e.g. `human_rights`"),
    ("sdg", "Sustainable Development Goal number, 1 to 17"),
    ("sector", "ISIC Rev.4 section letter, A to U"),
    ("occupation", "ISCO-08 major group digit, 0 to 9"),
    ("language", "ISO 639-1 language code of the text"),
    (
        "q",
        "words that must all appear in a title (any language; accents and case ignored)",
    ),
    (
        "sort",
        "`-date` (newest first, default), `date`, `title`, `-title`, `updated`, `-updated`",
    ),
    ("page", "page number, from 1"),
    ("per_page", "records per page, 1 to 500 (default 50)"),
];

/// The codes a `type` or `status` filter may take for records of `kind`,
/// or of any kind (`None`, for search, which spans them all).
fn codes(kind: Option<Kind>, field: &str) -> Vec<String> {
    let mut out: Vec<String> = passerelle_domain::kinds::DESCRIPTIONS
        .iter()
        .filter(|d| kind.is_none_or(|k| k == d.kind))
        .filter_map(|d| d.codes(field))
        .flat_map(|c| (c.values)())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Parses a list query string into a [`ListQuery`].
pub fn list_query(kind: Kind, raw: Option<&str>, extra: &[&str]) -> Result<ListQuery, Invalid> {
    parse(Some(kind), raw, extra)
}

/// The filters of a search, which may name the types and statuses of any
/// kind of record.
pub fn search_filters(raw: Option<&str>) -> Result<ListQuery, Invalid> {
    parse(None, raw, &[])
}

fn parse(kind: Option<Kind>, raw: Option<&str>, extra: &[&str]) -> Result<ListQuery, Invalid> {
    let mut q = ListQuery::default();
    let mut errors = Vec::new();
    let mut match_all = false;
    macro_rules! fail {
        ($field:expr, $message:expr $(,)?) => {
            errors.push(FieldError::new($field, $message))
        };
    }
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let key = key.as_ref();
        let values: Vec<String> = value
            .split(',')
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        macro_rules! facet {
            ($facet:expr, $check:expr) => {{
                let check: &dyn Fn(&str) -> Option<String> = &$check;
                for v in &values {
                    match check(v) {
                        Some(message) => fail!(key, message),
                        None => q = std::mem::take(&mut q).with($facet, v.clone()),
                    }
                }
            }};
        }
        match key {
            "country" => facet!(Facet::Country, country),
            "origin" => facet!(Facet::Origin, country),
            "destination" => facet!(Facet::Destination, country),
            "corridor" => {
                for v in &values {
                    let parts: Vec<&str> = v
                        .split(['-', '>', ':', '→'])
                        .filter(|p| !p.is_empty())
                        .collect();
                    match parts[..] {
                        [o, d] if o.eq_ignore_ascii_case(d) => fail!(
                            key,
                            format!(
                                "`{v}` is not a corridor: origin and destination are one country"
                            )
                        ),
                        [o, d] if country(o).is_none() && country(d).is_none() => {
                            q = std::mem::take(&mut q).with(
                                Facet::Corridor,
                                format!("{}-{}", o.to_ascii_uppercase(), d.to_ascii_uppercase()),
                            );
                        }
                        _ => fail!(
                            key,
                            format!(
                                "`{v}` is not a corridor: write ORIGIN-DESTINATION, e.g. MA-ES"
                            )
                        ),
                    }
                }
            }
            "match" => match value.as_ref() {
                "all" => match_all = true,
                "any" | "" => {}
                other => fail!(key, format!("`{other}` is not a match: any or all")),
            },
            "between" => {
                let mut codes: Vec<String> = Vec::new();
                for v in &values {
                    match country(v) {
                        Some(message) => fail!(key, message),
                        None if codes.iter().any(|c| c.eq_ignore_ascii_case(v)) => {
                            fail!(key, format!("`{v}` is named twice"))
                        }
                        None => codes.push(v.to_ascii_uppercase()),
                    }
                }
                if !(2..=4).contains(&values.len()) {
                    fail!(
                        key,
                        "give two to four countries that are all parties, e.g. between=MA,ES"
                            .to_string()
                    );
                }
                for c in codes {
                    q = std::mem::take(&mut q).all_of(Facet::Country, c);
                }
            }
            "region" => facet!(Facet::Region, |v: &str| {
                reference::region(v)
                    .is_none()
                    .then(|| format!("`{v}` is not a UN M49 region code (e.g. 002, 015, 150)"))
            }),
            "objective" => facet!(Facet::Objective, |v: &str| {
                (!matches!(v.parse::<u8>(), Ok(1..=23)))
                    .then(|| format!("`{v}` is not a GCM objective (1 to 23)"))
            }),
            "sdg" => facet!(Facet::Sdg, |v: &str| {
                (!matches!(v.parse::<u8>(), Ok(1..=17)))
                    .then(|| format!("`{v}` is not an SDG (1 to 17)"))
            }),
            "principle" => facet!(Facet::Principle, |v: &str| {
                reference::principles()
                    .iter()
                    .all(|p| p.id.id() != v)
                    .then(|| format!("`{v}` is not a guiding principle id (e.g. human_rights)"))
            }),
            "sector" => facet!(Facet::Sector, |v: &str| {
                reference::sector(v)
                    .is_none()
                    .then(|| format!("`{v}` is not an ISIC Rev.4 section (A to U)"))
            }),
            "occupation" => facet!(Facet::Occupation, |v: &str| {
                reference::occupation(v)
                    .is_none()
                    .then(|| format!("`{v}` is not an ISCO-08 major group (0 to 9)"))
            }),
            "language" => facet!(Facet::Language, |v: &str| {
                (!(2..=3).contains(&v.len()) || !v.bytes().all(|b| b.is_ascii_lowercase()))
                    .then(|| format!("`{v}` is not a language code"))
            }),
            "type" | "status" => {
                let known = codes(kind, key);
                for v in values {
                    if !known.is_empty() && !known.contains(&v) {
                        let whose = kind
                            .map(|k| format!(" of {}", k.as_str()))
                            .unwrap_or_default();
                        fail!(
                            key,
                            format!("`{v}` is not a {key}{whose}: {}", known.join(", "))
                        );
                    } else if key == "type" {
                        q.types.push(v);
                    } else {
                        q.statuses.push(v);
                    }
                }
            }
            "year" => match year_range(&value) {
                Ok((from, to)) => {
                    q.year_from = from;
                    q.year_to = to;
                }
                Err(m) => fail!(key, m),
            },
            "year_from" | "year_to" => match value.parse::<i32>() {
                Ok(y) if key == "year_from" => q.year_from = Some(y),
                Ok(y) => q.year_to = Some(y),
                Err(_) => fail!(key, format!("`{value}` is not a year")),
            },
            "q" => {
                let text = value.trim();
                if !text.is_empty() {
                    q.text = Some(text.to_string());
                }
            }
            "sort" => match Sort::parse(&value) {
                Ok(s) => q.sort = s,
                Err(e) => errors.extend(e.0),
            },
            "page" => match value.parse::<u32>() {
                Ok(p) if p >= 1 => q.page = p,
                _ => fail!(key, format!("`{value}` is not a page number (1, 2, ...)")),
            },
            "per_page" => match value.parse::<u32>() {
                Ok(n) => q.per_page = n,
                Err(_) => fail!(
                    key,
                    format!("`{value}` is not a number (1 to 500, default {DEFAULT_PER_PAGE})")
                ),
            },
            other if extra.contains(&other) => {}
            other => fail!(
                other,
                format!(
                    "unknown parameter `{other}`{}; known: {}",
                    kind.map(|k| format!(" for {k}")).unwrap_or_default(),
                    LIST_PARAMS
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
    }
    // Every country ticked, not any of them: "between" those countries.
    if match_all && let Some(i) = q.facets.iter().position(|(f, _)| *f == Facet::Country) {
        let (_, values) = q.facets.remove(i);
        for v in values {
            q = std::mem::take(&mut q).all_of(Facet::Country, v);
        }
    }
    if let Err(e) = q.check() {
        errors.extend(e.0);
    }
    if errors.is_empty() {
        Ok(q)
    } else {
        Err(Invalid(errors))
    }
}

fn country(code: &str) -> Option<String> {
    reference::country(code)
        .is_none()
        .then(|| format!("`{code}` is not an ISO 3166-1 alpha-2 country code (e.g. MA)"))
}

fn year_range(v: &str) -> Result<(Option<i32>, Option<i32>), String> {
    let bad =
        || format!("`{v}` is not a year or a range of years (2001, 1963..2001, 2001.., ..1990)");
    let year = |s: &str| -> Result<Option<i32>, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            s.trim().parse().map(Some).map_err(|_| bad())
        }
    };
    match v.split_once("..") {
        Some((a, b)) => Ok((year(a)?, year(b)?)),
        None => {
            let y = year(v)?.ok_or_else(bad)?;
            Ok((Some(y), Some(y)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every status and type a record can have can be filtered on, also
    /// those whose variant carries a doc comment (schemars lists them
    /// apart, as `oneOf` constants).
    #[test]
    fn every_variant_is_a_filter_value() {
        use passerelle_domain::commitment::CommitmentStatus;
        let statuses = codes(Some(Kind::Commitments), "status");
        for s in [
            CommitmentStatus::NotReported,
            CommitmentStatus::YetToStart,
            CommitmentStatus::InProgress,
            CommitmentStatus::Completed,
            CommitmentStatus::Withdrawn,
        ] {
            let code = serde_json::to_value(s).unwrap();
            assert!(
                statuses.iter().any(|c| code == *c),
                "{code} missing from {statuses:?}"
            );
        }
        assert_eq!(statuses.len(), 5, "{statuses:?}");
    }

    #[test]
    fn filters_parse_and_bad_values_are_named() {
        let q = list_query(
            Kind::Agreements,
            Some("country=MA,FR&corridor=MA-ES&year=1963..2001&objective=5&sort=title"),
            &[],
        )
        .unwrap();
        assert_eq!(q.year_from, Some(1963));
        assert_eq!(q.year_to, Some(2001));
        assert_eq!(q.sort, Sort::TitleAsc);
        assert_eq!(
            q.facets[0],
            (Facet::Country, vec!["MA".to_string(), "FR".to_string()])
        );
        let err = list_query(
            Kind::Agreements,
            Some("country=XX&objective=24&per_page=900&colour=red"),
            &[],
        )
        .unwrap_err();
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["country", "objective", "colour", "per_page"]);
    }
}
