//! An agreement's stored assessment: reading it, a reviewer's decision on
//! a finding, recomputing it with the current rubric.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use passerelle_domain::entity::from_json;
use serde_json::{Value, json};

use super::{text_public, visible_agreement};
use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// An assessment as the API gives it: with the expectations of the
/// agreement's sector notes, read from the findings in force.
pub(super) fn assessment_body(
    agreement: &Value,
    a: &passerelle_domain::assessment::Assessment,
) -> Value {
    let sectors = crate::assessment::sector_findings(agreement, a);
    let mut body = json!(a);
    if !sectors.is_empty() {
        body["sectors"] = json!(sectors);
    }
    body
}

pub(super) async fn assessment(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    let (id, agreement, privileged) = visible_agreement(&state, &headers, &key).await?;
    let mut a = state.store.assessment(&id).await?.ok_or_else(|| {
        ApiError::not_found(format!(
            "agreement `{key}` has no assessment yet: attach its text"
        ))
    })?;
    // The scorecard is public; the quoted clauses are the text, which may
    // not be.
    if !privileged && !text_public(&agreement) {
        for f in &mut a.findings {
            f.evidence = Value::Null;
        }
        a.clauses = Value::Null;
    }
    Ok(Json(assessment_body(&agreement, &a)))
}

pub(super) async fn review(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path((key, element)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let (id, agreement, _) = visible_agreement(&state, &headers, &key).await?;
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let decision: passerelle_domain::assessment::Review = from_json(value)?;
    let a = state.hub.review(&caller, &id, &element, &decision).await?;
    Ok(Json(assessment_body(&agreement, &a)))
}

/// Re-runs the machine on the assessed document with the current rubric;
/// reviewers' decisions are kept.
pub(super) async fn recompute(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    let (id, agreement, _) = visible_agreement(&state, &headers, &key).await?;
    let a = state.hub.recompute(&caller, &id).await?;
    Ok(Json(assessment_body(&agreement, &a)))
}
