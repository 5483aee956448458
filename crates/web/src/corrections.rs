//! Corrections over the API: anyone proposes one for a published record,
//! with a source (`POST /api/v1/corrections`); editors list them and
//! accept or decline them. The pages use the same two functions.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use passerelle_domain::Invalid;
use passerelle_domain::account::Permission;
use passerelle_domain::correction::{Correction, CorrectionStatus, Proposal};
use passerelle_domain::entity::from_json;
use serde::Deserialize;
use serde_json::Value;

use crate::AppState;
use crate::auth::{principal, writer};
use crate::error::{ApiError, ApiResult};

/// Checks and stores a proposal for a published record.
pub async fn propose(state: &AppState, proposer: &str, p: Proposal) -> ApiResult<Correction> {
    let kind = p.check()?;
    let record = state
        .store
        .get_json(kind, p.record_id.trim(), false)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "no published {} with id or slug `{}`",
                kind.noun(),
                p.record_id
            ))
        })?;
    let clean = |s: Option<String>| s.map(|x| x.trim().to_string()).filter(|x| !x.is_empty());
    let c = Correction {
        id: uuid::Uuid::new_v4().to_string(),
        kind: kind.as_str().to_string(),
        record_id: record["id"].as_str().unwrap_or(&p.record_id).to_string(),
        field: clean(p.field),
        proposal: p.proposal.trim().to_string(),
        source_url: p.source_url.trim().to_string(),
        proposer: proposer.to_string(),
        contact: clean(p.contact),
        status: CorrectionStatus::Open,
        decided_by: None,
        decided_at: None,
        note: None,
        created_at: passerelle_store::now(),
    };
    state.store.propose_correction(&c).await?;
    Ok(c)
}

pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let who = principal(&state, &headers).await?;
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let proposal: Proposal = from_json(value)?;
    let proposer = who.map(|p| p.actor).unwrap_or_else(|| "public".into());
    let c = propose(&state, &proposer, proposal).await?;
    Ok((StatusCode::CREATED, Json(c)).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Vec<Correction>>> {
    writer(&state, &headers, Permission::DecideCorrections).await?;
    let mut status = None;
    for (k, v) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "status" => {
                status = Some(CorrectionStatus::parse(&v).ok_or_else(|| {
                    ApiError::bad_query(Invalid::one(
                        "status",
                        format!("`{v}` is not open, accepted or declined"),
                    ))
                })?)
            }
            other => {
                return Err(ApiError::bad_query(Invalid::one(
                    other,
                    format!("unknown parameter `{other}`; known: status"),
                )));
            }
        }
    }
    Ok(Json(state.store.corrections(status).await?))
}

/// An editor's decision.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectionDecision {
    /// `accept` (after editing the record) or `decline`.
    pub decision: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// Accepts or declines an open correction.
pub async fn decide_on(
    state: &AppState,
    actor: &str,
    id: &str,
    decision: &str,
    note: Option<&str>,
) -> ApiResult<Correction> {
    let status = match decision {
        "accept" => CorrectionStatus::Accepted,
        "decline" => CorrectionStatus::Declined,
        other => {
            return Err(ApiError::invalid(Invalid::one(
                "decision",
                format!("`{other}` is not accept or decline"),
            )));
        }
    };
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    Ok(state
        .store
        .decide_correction(actor, id, status, note)
        .await?)
}

pub async fn decide(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Correction>> {
    let actor = writer(&state, &headers, Permission::DecideCorrections).await?;
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let d: CorrectionDecision = from_json(value)?;
    Ok(Json(
        decide_on(&state, &actor, &id, &d.decision, d.note.as_deref()).await?,
    ))
}
