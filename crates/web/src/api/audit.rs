//! The audit log, for those allowed to read it.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use passerelle_domain::Invalid;
use passerelle_store::AuditQuery;
use serde_json::{Value, json};

use crate::AppState;
use crate::auth::writer;
use crate::error::{ApiError, ApiResult};
use passerelle_domain::account::Permission;

pub(super) async fn audit(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Value>> {
    writer(&state, &headers, Permission::ReadAudit).await?;
    let mut q = AuditQuery {
        limit: 100,
        ..Default::default()
    };
    for (k, v) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let bad = |m: String| ApiError::bad_query(Invalid::one(k.to_string(), m));
        match k.as_ref() {
            "kind" if passerelle_domain::audit::is_subject(&v) => q.kind = Some(v.to_string()),
            "kind" => {
                return Err(bad(format!(
                    "`{v}` is not a kind of record, `users` or `tokens`"
                )));
            }
            "record_id" => q.record_id = Some(v.to_string()),
            "actor" => q.actor = Some(v.to_string()),
            "after" => {
                q.after = Some(
                    v.parse()
                        .map_err(|_| bad(format!("`{v}` is not a sequence number")))?,
                )
            }
            "limit" => {
                q.limit = v
                    .parse()
                    .map_err(|_| bad(format!("`{v}` is not a number (1 to 1000)")))?
            }
            other => {
                return Err(bad(format!(
                    "unknown parameter `{other}`; known: kind, record_id, actor, after, limit"
                )));
            }
        }
    }
    Ok(Json(json!(state.store.audit_log(&q).await?)))
}
