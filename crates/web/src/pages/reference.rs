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

/// How many records are tagged with each value of each facet, over the
/// whole hub: `count(dim, code)`.
fn tag_counts(state: &AppState, lang: Lang) -> ApiResult<impl Fn(&str, &str) -> u64> {
    let req = SearchRequest {
        limit: 1,
        count: false,
        facet_values: 40,
        lang,
        ..SearchRequest::default()
    };
    let facets = state.search.search(&req)?.facets;
    Ok(move |dim: &str, code: &str| {
        facets
            .get(dim)
            .and_then(|v| v.iter().find(|c| c.code == code))
            .map(|c| c.count)
            .unwrap_or(0)
    })
}

pub async fn gcm(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
) -> ApiResult<Html<String>> {
    let count = tag_counts(&state, lang)?;
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

/// The SDG targets a labour-migration hub answers to first, in the order
/// the page shows them; the words are in the locales (`sdg-target-…`).
const TARGETS: [(u8, &str); 4] = [(10, "10.7"), (8, "8.8"), (8, "8.7"), (10, "10.c")];

/// The 2030 Agenda: the migration-related targets first, then every goal
/// with what the hub tags with it.
pub async fn sdgs(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
) -> ApiResult<Html<String>> {
    let tagged = tag_counts(&state, lang)?;
    let count = |goal: u8| tagged("sdg", &goal.to_string());
    let goal_name = |goal: u8| {
        reference::sdgs()
            .iter()
            .find(|g| g.number == goal)
            .map(|g| g.name.get(lang).to_string())
            .unwrap_or_default()
    };
    let targets: Vec<serde_json::Value> = TARGETS
        .iter()
        .map(|(goal, target)| {
            serde_json::json!({"goal": goal, "target": target, "key": target.replace('.', "-"),
                "goal_name": goal_name(*goal), "count": count(*goal)})
        })
        .collect();
    let goals: Vec<serde_json::Value> = reference::sdgs()
        .iter()
        .map(|g| serde_json::json!({"number": g.number, "name": g.name.get(lang), "count": count(g.number)}))
        .collect();
    render(
        &state,
        lang,
        &uri,
        "sdgs.html",
        minijinja::context! {
            section => "gcm",
            targets => super::view::val(&targets),
            goals => super::view::val(&goals),
        },
    )
}

/// "Who we are", "our work", "take action": the host's text if it wrote
/// one, else the hub's own.
pub async fn page(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    axum::extract::Path(page): axum::extract::Path<String>,
) -> ApiResult<Html<String>> {
    if !super::site::PAGES.contains(&page.as_str()) {
        return Err(crate::error::ApiError::not_found(format!(
            "no page `{page}`"
        )));
    }
    let own = state.site.page(&page, lang);
    render(
        &state,
        lang,
        &uri,
        "page.html",
        minijinja::context! { section => "about", page => page, paragraphs => own },
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
