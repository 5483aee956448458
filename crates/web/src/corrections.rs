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
use passerelle_domain::account::Permission;
use passerelle_domain::correction::{Correction, CorrectionStatus, Proposal};
use passerelle_domain::entity::from_json;
use serde::Deserialize;
use serde_json::Value;

use crate::AppState;
use crate::auth::{principal, writer};
use crate::error::{ApiError, ApiResult, Code};

/// Proposals allowed in [`PROPOSAL_WINDOW_SECS`] from one address when
/// not signed in, and from one account when signed in.
const PROPOSALS_PER_ADDRESS: i64 = 10;
const PROPOSALS_PER_ACCOUNT: i64 = 30;
const PROPOSAL_WINDOW_SECS: u64 = 3600;

/// Who proposes: the audit log's name for them, and what throttles them.
pub struct Proposer {
    pub actor: String,
    /// `propose:user:…` when signed in, `propose:address:…` otherwise;
    /// none for the public without a known address (no shared key that one
    /// sender could exhaust for all).
    key: Option<(String, i64)>,
}

impl Proposer {
    pub fn new(who: Option<&crate::auth::Principal>, address: Option<std::net::IpAddr>) -> Self {
        match (who, address) {
            (Some(p), _) => Proposer {
                actor: p.actor.clone(),
                key: Some((format!("propose:user:{}", p.user.id), PROPOSALS_PER_ACCOUNT)),
            },
            (None, a) => Proposer {
                actor: "public".into(),
                key: a.map(|a| (format!("propose:address:{a}"), PROPOSALS_PER_ADDRESS)),
            },
        }
    }
}

/// Checks and stores a proposal for a published record; a proposer over
/// their hourly allowance waits (429), so the editors' queue cannot be
/// flooded from one place.
pub async fn propose(state: &AppState, who: &Proposer, p: Proposal) -> ApiResult<Correction> {
    let proposer = who.actor.as_str();
    if let Some((key, max)) = &who.key {
        let since = passerelle_store::rfc3339(
            std::time::SystemTime::now() - std::time::Duration::from_secs(PROPOSAL_WINDOW_SECS),
        );
        if state.store.attempts(key, &since).await? >= *max {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                Code::TooManyProposals,
                "Too many proposals",
                format!("at most {max} proposals an hour come from one sender; try again later"),
            ));
        }
    }
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
    if let Some((key, _)) = &who.key {
        state
            .store
            .record_attempt(std::slice::from_ref(key))
            .await?;
    }
    Ok(c)
}

pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: Bytes,
) -> ApiResult<Response> {
    let who = principal(&state, &headers).await?;
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let proposal: Proposal = from_json(value)?;
    let proposer = Proposer::new(
        who.as_ref(),
        crate::proxies::of_request(&state, &headers, connect.map(|c| c.0.0)),
    );
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
