//! The GCM reference (23 objectives, 10 guiding principles, each with what
//! the hub holds on it) and the hosting organisation's "about" page.

use axum::extract::{Extension, State};
use axum::http::Uri;
use axum::response::Html;
use passerelle_domain::{Lang, reference};
use passerelle_search::SearchRequest;

use super::render;
use crate::AppState;
use crate::error::ApiResult;

pub async fn gcm(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
) -> ApiResult<Html<String>> {
    let req = SearchRequest {
        limit: 1,
        count: false,
        facet_values: 40,
        lang,
        ..SearchRequest::default()
    };
    let facets = state.search.search(&req)?.facets;
    let count = |dim: &str, code: &str| {
        facets
            .get(dim)
            .and_then(|v| v.iter().find(|c| c.code == code))
            .map(|c| c.count)
            .unwrap_or(0)
    };
    let objectives: Vec<serde_json::Value> = reference::objectives()
        .iter()
        .map(|o| {
            serde_json::json!({
                "number": o.number,
                "title": o.title.get(lang),
                "label": o.label.get(lang),
                "count": count("objective", &o.number.to_string()),
            })
        })
        .collect();
    let principles: Vec<serde_json::Value> = reference::principles()
        .iter()
        .map(|p| {
            serde_json::json!({
                "id": p.id.id(),
                "number": p.number,
                "label": p.label.get(lang),
                "count": count("principle", p.id.id()),
            })
        })
        .collect();
    render(
        &state,
        lang,
        &uri,
        "gcm.html",
        minijinja::context! {
            section => "gcm",
            objectives => super::view::val(&objectives),
            principles => super::view::val(&principles),
        },
    )
}

pub async fn about(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
) -> ApiResult<Html<String>> {
    render(
        &state,
        lang,
        &uri,
        "about.html",
        minijinja::context! { section => "about" },
    )
}
