//! The audit log as pages: the whole log for admins, filterable, and the
//! history of one record on its own page for those who may see drafts.
//! Each entry shows what changed: the fields whose values differ between
//! before and after.

use axum::extract::{Extension, RawQuery, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Html;
use passerelle_domain::account::{Permission, allows};
use passerelle_domain::audit::{Action, AuditEntry, is_subject};
use passerelle_domain::{Invalid, Kind, Lang};
use passerelle_store::AuditQuery;
use serde::Serialize;
use serde_json::Value;

use super::{filters::param, render};
use crate::AppState;
use crate::auth;
use crate::error::{ApiError, ApiResult};

/// Entries per page.
const PAGE: u32 = 50;
/// Longest value shown in a change.
const SHOWN: usize = 160;

#[derive(Serialize)]
pub struct EntryView {
    seq: i64,
    at: String,
    actor: String,
    kind: String,
    record_id: String,
    action: &'static str,
    /// `(field, before, after)` for each field that changed.
    changes: Vec<(String, String, String)>,
}

fn shown(v: Option<&Value>) -> String {
    let s = match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    };
    if s.chars().count() > SHOWN {
        format!("{}…", s.chars().take(SHOWN).collect::<String>())
    } else {
        s
    }
}

fn view(e: AuditEntry) -> EntryView {
    let empty = serde_json::Map::new();
    let before = e
        .before
        .as_ref()
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let after = e
        .after
        .as_ref()
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    let changes = keys
        .into_iter()
        // Stamps change with every write; they say nothing new.
        .filter(|k| !matches!(k.as_str(), "updated_at" | "created_at"))
        .filter(|k| before.get(*k) != after.get(*k))
        .map(|k| (k.clone(), shown(before.get(k)), shown(after.get(k))))
        .collect();
    EntryView {
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        kind: e.kind,
        record_id: e.record_id,
        action: e.action.as_str(),
        changes,
    }
}

/// The history of one record, newest first, for viewers who may see
/// drafts; none for the public.
pub async fn of_record(
    state: &AppState,
    headers: &HeaderMap,
    kind: Kind,
    id: &str,
) -> ApiResult<Option<Vec<EntryView>>> {
    let Ok(Some(p)) = auth::principal(state, headers).await else {
        return Ok(None);
    };
    if !allows(Some(p.role), Permission::ReadPrivate) {
        return Ok(None);
    }
    let q = AuditQuery {
        kind: Some(kind.as_str().into()),
        record_id: Some(id.to_string()),
        newest_first: true,
        limit: PAGE,
        ..AuditQuery::default()
    };
    Ok(Some(
        state
            .store
            .audit_log(&q)
            .await?
            .into_iter()
            .map(view)
            .collect(),
    ))
}

/// `/{lang}/audit`: the log for admins, newest first, filtered by what
/// it is about, which record, who, and paged back by sequence number.
pub async fn audit(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Html<String>> {
    auth::require(&state, &headers, Permission::ReadAudit).await?;
    let raw = raw.as_deref();
    let mut q = AuditQuery {
        newest_first: true,
        limit: PAGE,
        ..AuditQuery::default()
    };
    if let Some(k) = param(raw, "kind") {
        if !is_subject(&k) {
            return Err(ApiError::bad_query(Invalid::one(
                "kind",
                format!("`{k}` is not a kind of record, `users` or `tokens`"),
            )));
        }
        q.kind = Some(k);
    }
    q.record_id = param(raw, "record_id");
    q.actor = param(raw, "actor");
    if let Some(b) = param(raw, "before") {
        q.before = Some(b.parse().map_err(|_| {
            ApiError::bad_query(Invalid::one(
                "before",
                format!("`{b}` is not a sequence number"),
            ))
        })?);
    }
    let action = param(raw, "action");
    if let Some(a) = &action
        && Action::parse(a).is_none()
    {
        return Err(ApiError::bad_query(Invalid::one(
            "action",
            format!(
                "`{a}` is not an action: {}",
                Action::ALL.map(Action::as_str).join(", ")
            ),
        )));
    }
    let entries: Vec<EntryView> = state
        .store
        .audit_log(&q)
        .await?
        .into_iter()
        .filter(|e| action.as_deref().is_none_or(|a| e.action.as_str() == a))
        .map(view)
        .collect();
    let older = (entries.len() as u32 == PAGE)
        .then(|| entries.last().map(|e| e.seq))
        .flatten();
    let mut subjects: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    subjects.extend([
        passerelle_domain::audit::USERS,
        passerelle_domain::audit::TOKENS,
    ]);
    render(
        &state,
        lang,
        &uri,
        "audit.html",
        minijinja::context! {
            section => "account",
            entries => super::view::val(&entries),
            subjects => subjects,
            actions => Action::ALL.map(Action::as_str).to_vec(),
            kind => q.kind,
            record_id => q.record_id,
            actor => q.actor,
            action => action,
            older => older,
            page_query => format!("?{}", raw.unwrap_or("")),
        },
    )
}
