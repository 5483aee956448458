//! Corrections over the API: anyone proposes one for a published record,
//! with a source (`POST /api/v1/corrections`); editors list them and
//! accept or decline them. The pages use the same two functions.

use axum::Json;
use axum::body::Bytes;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Extension, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use passerelle_domain::Invalid;
use passerelle_domain::correction::{Correction, CorrectionStatus, Proposal};
use passerelle_domain::entity::from_json;
use passerelle_hub::Proposer;
use serde::Deserialize;
use serde_json::Value;

use crate::AppState;
use crate::error::{ApiError, ApiResult};

pub async fn create(
    State(state): State<AppState>,
    crate::auth::Asker(who): crate::auth::Asker,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: Bytes,
) -> ApiResult<Response> {
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let proposal: Proposal = from_json(value)?;
    let proposer = Proposer::new(
        &who,
        crate::proxies::of_request(&state, &headers, connect.map(|c| c.0.0)),
    );
    let c = state.hub.propose(&proposer, proposal).await?;
    Ok((StatusCode::CREATED, Json(c)).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    crate::auth::SignedIn(who): crate::auth::SignedIn,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Vec<Correction>>> {
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
    Ok(Json(state.hub.corrections(&who, status).await?))
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

pub async fn decide(
    State(state): State<AppState>,
    crate::auth::SignedIn(who): crate::auth::SignedIn,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Correction>> {
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let d: CorrectionDecision = from_json(value)?;
    let decided = state
        .hub
        .decide_correction(&who, &id, &d.decision, d.note.as_deref())
        .await?;
    Ok(Json(decided))
}
