//! `GET /api/v1/search`: full-text search over records and agreement
//! clauses, with the list filters as facets and their counts labelled in
//! the requested language.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use passerelle_domain::{FieldError, Invalid, Lang, reference};
use passerelle_search::{FacetCount, Hit, SearchRequest, Sort};
use schemars::JsonSchema;
use serde::Serialize;

use crate::AppState;
use crate::auth::privileged;
use crate::error::{ApiError, ApiResult};
use crate::params::search_filters;

/// Parameters of a search besides the list filters.
pub const SEARCH_PARAMS: &[(&str, &str)] = &[
    (
        "q",
        "words (all required), \"a phrase\", -excluded, a OR b, and filters such as country:MA type:mou objective:6 year:2001..2023",
    ),
    (
        "kind",
        "agreements, clauses, practices, events, commitments or resources; comma-separate for several",
    ),
    (
        "sort",
        "`relevance` (default), `newest`, `oldest`, `title` or `-title`",
    ),
    (
        "lang",
        "language of titles and facet labels: fr, en (default), es or ar",
    ),
    ("facets", "`false` to skip facet counts"),
    ("page", "page number, from 1"),
    ("per_page", "hits per page, 1 to 100 (default 20)"),
];

/// What a hit can be.
const HIT_KINDS: &[&str] = &[
    "agreements",
    "clauses",
    "practices",
    "events",
    "commitments",
    "resources",
];

/// A facet value with its count and, where the code names something in
/// the reference data, its name in the requested language.
#[derive(Serialize, JsonSchema)]
pub struct LabelledCount {
    pub code: String,
    pub count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

#[derive(Serialize, JsonSchema)]
pub struct SearchPage {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    pub facets: BTreeMap<String, Vec<LabelledCount>>,
    pub suggestions: Vec<String>,
    /// Present when no record holds every word: the hits hold at least
    /// `at_least` of the query's `of` words or phrases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<passerelle_search::PartialMatch>,
}

pub(crate) fn label(dim: &str, code: &str, lang: Lang) -> Option<String> {
    let country = |c: &str| reference::country(c).map(|c| c.names.get(lang).to_string());
    match dim {
        "country" | "origin" | "destination" => country(code),
        "corridor" => {
            let (o, d) = code.split_once('-')?;
            // The corridor's words are the page's: the arrow points the
            // way the language reads (← in Arabic).
            // A label is plain text: no bidi isolation marks around names.
            let title = crate::pages::i18n::tr(
                lang,
                "corridor-title",
                &[
                    ("origin", country(o)?.into()),
                    ("destination", country(d)?.into()),
                ],
            );
            Some(title.replace(['\u{2068}', '\u{2069}'], ""))
        }
        "region" => reference::region(code).map(|r| r.names.get(lang).to_string()),
        "objective" => code
            .parse()
            .ok()
            .and_then(reference::objective)
            .map(|o| o.label.get(lang).to_string()),
        "sector" => reference::sector(code).map(|s| s.title.get(lang).to_string()),
        "occupation" => reference::occupation(code).map(|s| s.title.get(lang).to_string()),
        _ => None,
    }
}

/// Reads the query string: the search's own parameters here, the filters
/// with the same checks (and messages) as the lists.
pub fn search_request(raw: Option<&str>) -> Result<SearchRequest, Invalid> {
    let own: Vec<&str> = SEARCH_PARAMS.iter().map(|(n, _)| *n).collect();
    let mut req = SearchRequest::default();
    let mut page = 1usize;
    let mut errors = Vec::new();
    let mut fail = |field: &str, message: String| errors.push(FieldError::new(field, message));
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let value = value.trim();
        match key.as_ref() {
            "q" => req.q = value.to_string(),
            "kind" => {
                for k in value.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                    if HIT_KINDS.contains(&k) {
                        req.filters.push(("kind".into(), k.into()));
                    } else {
                        fail(
                            "kind",
                            format!("`{k}` is not a kind of hit: {}", HIT_KINDS.join(", ")),
                        );
                    }
                }
            }
            "sort" => match value {
                "relevance" | "" => req.sort = Sort::Relevance,
                "newest" => req.sort = Sort::Newest,
                "oldest" => req.sort = Sort::Oldest,
                "title" => req.sort = Sort::Title,
                "-title" => req.sort = Sort::TitleDesc,
                _ => fail(
                    "sort",
                    format!("`{value}` is not a sort: relevance, newest, oldest, title or -title"),
                ),
            },
            "lang" => match Lang::parse(value) {
                Some(l) => req.lang = l,
                None => fail(
                    "lang",
                    format!("`{value}` is not a language: fr, en, es or ar"),
                ),
            },
            "facets" => match value {
                "true" | "1" | "" => req.facets = true,
                "false" | "0" => req.facets = false,
                _ => fail("facets", format!("`{value}` is not true or false")),
            },
            "page" => match value.parse::<usize>() {
                Ok(p) if (1..=500).contains(&p) => page = p,
                _ => fail("page", format!("`{value}` is not a page number (1 to 500)")),
            },
            "per_page" => match value.parse::<usize>() {
                Ok(n) if (1..=100).contains(&n) => req.limit = n,
                _ => fail(
                    "per_page",
                    format!("`{value}` is not a number from 1 to 100"),
                ),
            },
            _ => {}
        }
    }
    // Everything else is a list filter, checked as the lists check it.
    let filters: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(
            form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .filter(|(k, _)| !own.contains(&k.as_ref())),
        )
        .finish();
    match search_filters(Some(&filters)) {
        Ok(list) => {
            for (facet, values) in list.facets {
                for v in values {
                    req.filters.push((facet.as_str().to_string(), v));
                }
            }
            for (facet, v) in list.all_of {
                req.required.push((facet.as_str().to_string(), v));
            }
            for t in list.types {
                req.filters.push(("type".into(), t));
            }
            for s in list.statuses {
                req.filters.push(("status".into(), s));
            }
            req.year_from = list.year_from.map(i64::from);
            req.year_to = list.year_to.map(i64::from);
        }
        Err(e) => errors.extend(e.0),
    }
    if !errors.is_empty() {
        return Err(Invalid(errors));
    }
    req.offset = (page - 1) * req.limit;
    Ok(req)
}

pub async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<SearchPage>> {
    let mut req = search_request(raw.as_deref()).map_err(ApiError::bad_query)?;
    req.include_private = privileged(&state, &headers).await;
    let results = state.search.search(&req)?;
    let facets = results
        .facets
        .into_iter()
        .map(|(dim, counts)| {
            let labelled = counts
                .into_iter()
                .map(|FacetCount { code, count }| LabelledCount {
                    label: label(&dim, &code, req.lang),
                    code,
                    count,
                })
                .collect();
            (dim, labelled)
        })
        .collect();
    Ok(Json(SearchPage {
        total: results.total,
        page: req.offset / req.limit + 1,
        per_page: req.limit,
        hits: results.hits,
        facets,
        suggestions: results.suggestions,
        partial: results.partial,
    }))
}
