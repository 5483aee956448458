//! The filters of a list page: its query string read the way the API reads
//! it, and the facet counts beside it from the search index.

use passerelle_domain::{Kind, Lang};
use std::collections::BTreeMap;

use passerelle_search::{FacetCount, SearchRequest};
use serde::Serialize;

use super::i18n;
use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// A page's query string as the API reads it: empty form fields dropped
/// and the year fields (`year_from`, `year_to`) joined into `year=a..b`.
pub fn api_query(raw: Option<&str>) -> String {
    let mut from = None;
    let mut to = None;
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match k.as_ref() {
            "year_from" => from = Some(v.to_string()),
            "year_to" => to = Some(v.to_string()),
            _ => pairs.push((k.into_owned(), v.to_string())),
        }
    }
    match (from, to) {
        (Some(a), Some(b)) if a == b => pairs.push(("year".into(), a)),
        (Some(a), Some(b)) => pairs.push(("year".into(), format!("{a}..{b}"))),
        (Some(a), None) => pairs.push(("year".into(), format!("{a}.."))),
        (None, Some(b)) => pairs.push(("year".into(), format!("..{b}"))),
        (None, None) => {}
    }
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The value of `key` in a query string.
pub fn param(raw: Option<&str>, key: &str) -> Option<String> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .find(|(k, v)| k == key && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_string())
}

#[derive(Serialize)]
pub struct FacetDim {
    pub name: &'static str,
    pub values: Vec<FacetValue>,
}

#[derive(Serialize)]
pub struct FacetValue {
    pub code: String,
    pub label: String,
    pub count: u64,
    pub checked: bool,
}

/// The label of a facet value in `lang`.
pub fn label(dim: &str, code: &str, kind: Kind, lang: Lang) -> String {
    if (dim, kind) == ("type", Kind::Indicators) {
        return super::view::indicator_label(lang, code);
    }
    // The messages of a type or status, this kind's first: a search
    // mixes kinds, and a code is then labelled as whichever kind has it.
    let own = match dim {
        "type" | "status" => passerelle_domain::kinds::describe(kind)
            .codes(dim)
            .map_or("status-", |c| c.labels),
        "kind" => "kind-",
        _ => {
            return crate::search::label(dim, code, lang)
                .or_else(|| {
                    (dim == "principle").then(|| {
                        passerelle_domain::reference::principles()
                            .iter()
                            .find(|p| p.id.id() == code)
                            .map(|p| p.label.get(lang).to_string())
                            .unwrap_or_else(|| code.to_string())
                    })
                })
                .unwrap_or_else(|| code.to_string());
        }
    };
    let others = passerelle_domain::kinds::DESCRIPTIONS
        .iter()
        .filter_map(|d| d.codes(dim))
        .map(|c| c.labels);
    std::iter::once(own)
        .chain(others)
        .find_map(|prefix| i18n::try_tr(lang, &format!("{prefix}{code}")))
        // Never a message key on a page: the code in words at worst.
        .unwrap_or_else(|| code.replace('_', " "))
}

/// The search request for the records of `kind` that a list page's
/// filters select (title words, order and page aside).
pub fn search_for(kind: Kind, api_query: &str, lang: Lang) -> ApiResult<SearchRequest> {
    let filters = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(
            form_urlencoded::parse(api_query.as_bytes())
                .filter(|(k, _)| !matches!(k.as_ref(), "sort" | "page" | "per_page" | "q")),
        )
        .append_pair("kind", kind.as_str())
        .finish();
    let mut req = crate::search::search_request(Some(&filters)).map_err(ApiError::bad_query)?;
    req.lang = lang;
    // Every value, so that none is out of reach: the page shows the
    // largest first and the rest behind "all values".
    req.facet_values = ALL_FACET_VALUES;
    Ok(req)
}

/// Counts, for the records of `kind` that the page's filters select, the
/// values of each of `dims`; values chosen in the query are always listed
/// so that they can be unticked.
/// At most this many values of one dimension on a list page (more than
/// there are countries).
pub const ALL_FACET_VALUES: usize = 400;

pub fn facets(
    state: &AppState,
    lang: Lang,
    kind: Kind,
    api_query: &str,
    dims: &[&'static str],
) -> ApiResult<Vec<FacetDim>> {
    let mut req = search_for(kind, api_query, lang)?;
    req.limit = 1;
    req.count = false;
    let results = state.search.search(&req)?;
    Ok(dimensions(&results.facets, api_query, kind, lang, dims))
}

/// The `(parameter, value)` pairs a query string chooses, one per value
/// of comma-separated lists.
fn chosen(api_query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(api_query.as_bytes())
        .flat_map(|(k, v)| {
            v.split(',')
                .map(|x| (k.to_string(), x.trim().to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The facet lists of a page from the counts of a search.
pub fn dimensions(
    counts: &BTreeMap<String, Vec<FacetCount>>,
    api_query: &str,
    kind: Kind,
    lang: Lang,
    dims: &[&'static str],
) -> Vec<FacetDim> {
    let chosen = chosen(api_query);
    dims.iter()
        .map(|&dim| {
            let mut values: Vec<FacetValue> = counts
                .get(dim)
                .into_iter()
                .flatten()
                .map(|c| FacetValue {
                    checked: chosen.iter().any(|(k, v)| k == dim && *v == c.code),
                    label: label(dim, &c.code, kind, lang),
                    code: c.code.clone(),
                    count: c.count,
                })
                .collect();
            for (k, v) in &chosen {
                if k == dim && !values.iter().any(|x| x.code == *v) {
                    values.push(FacetValue {
                        code: v.clone(),
                        label: label(dim, v, kind, lang),
                        count: 0,
                        checked: true,
                    });
                }
            }
            FacetDim { name: dim, values }
        })
        .collect()
}

/// Facets counted from records in hand (for kinds the search index does
/// not hold): countries involved and the record's type.
pub fn count_rows(
    rows: &[serde_json::Value],
    api_query: &str,
    kind: Kind,
    lang: Lang,
) -> Vec<FacetDim> {
    let chosen = chosen(api_query);
    let mut dims: Vec<FacetDim> = Vec::new();
    for (dim, fields) in [
        ("country", &["country", "origin", "destination"][..]),
        ("type", &["indicator"][..]),
    ] {
        let mut counts: std::collections::BTreeMap<String, u64> = Default::default();
        for r in rows {
            let mut seen: Vec<&str> = Vec::new();
            for f in fields {
                if let Some(v) = r[*f].as_str()
                    && !seen.contains(&v)
                {
                    seen.push(v);
                    *counts.entry(v.to_string()).or_default() += 1;
                }
            }
        }
        let mut values: Vec<FacetValue> = counts
            .into_iter()
            .map(|(code, count)| FacetValue {
                checked: chosen.iter().any(|(k, v)| k == dim && *v == code),
                label: label(dim, &code, kind, lang),
                code,
                count,
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        dims.push(FacetDim { name: dim, values });
    }
    dims
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A search mixes kinds: a type or status of any kind is labelled in
    /// the page's language, never shown as a message key.
    #[test]
    fn every_kind_of_type_and_status_has_words() {
        for (dim, code) in [
            ("type", "guidance"),
            ("type", "peer_exchange"),
            ("type", "programme"),
            ("type", "bilateral_agreement"),
            ("status", "completed"),
            ("status", "published"),
            ("status", "in_force"),
        ] {
            for lang in Lang::ALL {
                let l = label(dim, code, Kind::Agreements, lang);
                // A message of the language, not the code in words.
                assert_ne!(l, code.replace('_', " "), "{dim} {code} in {}", lang.code());
                assert!(
                    !l.contains('-') && !l.contains('_'),
                    "{dim} {code} in {}: {l}",
                    lang.code()
                );
            }
        }
    }

    /// The kinds' descriptions and the pages agree: every filter a list
    /// page shows is a list parameter, and every type and status code
    /// has its own words in every language.
    #[test]
    fn every_described_filter_and_code_is_known_and_worded() {
        let params: Vec<&str> = crate::params::LIST_PARAMS.iter().map(|(n, _)| *n).collect();
        for d in &passerelle_domain::kinds::DESCRIPTIONS {
            for f in d.filters {
                assert!(
                    params.contains(f),
                    "{}: filter {f} is not a list parameter",
                    d.kind
                );
            }
            for field in ["type", "status"] {
                let Some(codes) = d.codes(field) else {
                    continue;
                };
                for code in (codes.values)() {
                    for lang in Lang::ALL {
                        let key = format!("{}{code}", codes.labels);
                        assert!(
                            i18n::try_tr(lang, &key).is_some(),
                            "{} {field} `{code}`: no `{key}` in {}",
                            d.kind,
                            lang.code()
                        );
                    }
                }
            }
        }
    }
}
