//! The JSON API under `/api/v1`: the same records as the pages, for scripts
//! and other tools. Reads are public (published records only, unless the
//! request carries a token); writes need the token.
//!
//! The route table below is the API's index; the handlers are split by
//! resource (`records.rs`, `documents.rs`, `assessments.rs`,
//! `reference.rs`, `audit.rs`; corrections and search have their own
//! modules beside this one). Handlers parse the request, call a use case
//! of `passerelle_hub` for every write, and shape the answer.

use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use passerelle_domain::Kind;
use passerelle_domain::document::MAX_DOCUMENT_BYTES;
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::{AppState, openapi};

mod assessments;
mod audit;
mod catalog;
mod cite;
mod documents;
mod records;
mod reference;
mod sheets;

pub use documents::FetchRequest;
pub use records::SubmissionReview;

/// Largest JSON body accepted.
pub const MAX_JSON_BYTES: usize = 2 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi_document))
        .route("/api/v1/stats", get(reference::stats))
        .route("/api/v1/countries", get(reference::countries))
        .route("/api/v1/countries/{code}", get(reference::country))
        .route(
            "/api/v1/regions",
            get(|| async { Json(passerelle_domain::reference::regions()) }),
        )
        .route(
            "/api/v1/objectives",
            get(|| async { Json(passerelle_domain::reference::objectives()) }),
        )
        .route("/api/v1/objectives/{number}", get(reference::objective))
        .route(
            "/api/v1/principles",
            get(|| async { Json(passerelle_domain::reference::principles()) }),
        )
        .route(
            "/api/v1/sdgs",
            get(|| async { Json(passerelle_domain::reference::sdgs()) }),
        )
        .route(
            "/api/v1/sectors",
            get(|| async { Json(passerelle_domain::reference::sectors()) }),
        )
        .route(
            "/api/v1/occupations",
            get(|| async { Json(passerelle_domain::reference::occupations()) }),
        )
        .route("/api/v1/audit", get(audit::audit))
        .route("/api/v1/search", get(crate::search::search))
        .route(
            "/api/v1/assess",
            post(crate::assessment::assess)
                .layer(DefaultBodyLimit::max(crate::assessment::MAX_ASSESS_BYTES)),
        )
        .route("/api/v1/export/{kind}", get(records::export))
        .route("/api/v1/catalog", get(catalog::catalog))
        .route(
            "/api/v1/commitments/{id}/status",
            post(records::record_status),
        )
        .route(
            "/api/v1/practices/{id}/review",
            post(records::review_submission),
        )
        .route(
            "/api/v1/corrections",
            get(crate::corrections::list).post(crate::corrections::create),
        )
        .route(
            "/api/v1/corrections/{id}/decision",
            post(crate::corrections::decide),
        )
        .route(
            "/api/v1/agreements/{id}/documents",
            get(documents::list_documents)
                .post(documents::upload_document)
                .layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES)),
        )
        .route(
            "/api/v1/agreements/{id}/documents/fetch",
            post(documents::fetch_document),
        )
        .route(
            "/api/v1/agreements/{id}/assessment",
            get(assessments::assessment),
        )
        .route(
            "/api/v1/agreements/{id}/assessment/recompute",
            post(assessments::recompute),
        )
        .route(
            "/api/v1/agreements/{id}/assessment/findings/{element}",
            post(assessments::review),
        )
        .route(
            "/api/v1/documents/{id}",
            get(documents::document).delete(documents::delete_document),
        )
        .route(
            "/api/v1/documents/{id}/content",
            get(documents::document_content),
        )
        .route("/api/v1/documents/{id}/text", get(documents::document_text))
        .route("/api/v1/{kind}", get(records::list).post(records::create))
        .route("/api/v1/{kind}/{id}/cite", get(cite::cite))
        .route(
            "/api/v1/{kind}/{id}",
            get(records::read)
                .put(records::update)
                .delete(records::remove),
        )
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
}

/// Anything else: a problem for API paths, a plain page otherwise.
pub async fn unknown(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError::not_found(format!(
            "no API endpoint at {}; see /api/v1/openapi.json",
            uri.path()
        ))
        .into_response()
    } else {
        (StatusCode::NOT_FOUND, axum::response::Html("<!doctype html><html lang=\"en\"><title>Not found</title><p>Page not found. <a href=\"/\">Passerelle home</a></p></html>")).into_response()
    }
}

/// An agreement by id or slug as the caller may see it (drafts only for
/// those allowed): its id, its record, and whether the caller sees what
/// the public does not.
async fn visible_agreement(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    key: &str,
) -> ApiResult<(String, Value, bool)> {
    let privileged = crate::auth::privileged(state, headers).await;
    let agreement = state
        .store
        .get_json(Kind::Agreements, key, privileged)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no agreement with id or slug `{key}`")))?;
    let id = agreement["id"].as_str().unwrap_or(key).to_string();
    Ok((id, agreement, privileged))
}

fn kind(name: &str) -> ApiResult<Kind> {
    name.parse().map_err(ApiError::not_found)
}

async fn openapi_document() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        openapi::document(),
    )
        .into_response()
}

/// Whether an agreement's texts may be read by anyone.
fn text_public(agreement: &Value) -> bool {
    agreement["text_public"].as_bool().unwrap_or(false)
}
