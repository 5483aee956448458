//! Proposing a correction to a published record (anyone, with a source)
//! and, for editors, deciding on the open ones. The public form uses the
//! double-submit CSRF cookie of the sign-in form; editors' forms use their
//! session's token.

use axum::body::Bytes;
use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::account::Permission;
use passerelle_domain::correction::{CorrectionStatus, Proposal};
use passerelle_domain::{Kind, Lang};

use super::account::{
    CSRF_COOKIE, SessionForm, csrf_refused, field, form, set_cookie, signed_in_may,
};
use super::filters::param;
use super::render;
use crate::AppState;
use crate::auth::{self, cookie, random_hex, same};
use crate::error::{ApiError, ApiResult};

/// Where the proposal form stands.
enum Outcome {
    Form,
    Sent,
    /// What is wrong, and what was sent (shown again in the form).
    Invalid(String, Proposal),
}

async fn proposal_page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    (kind, id): (&str, &str),
    outcome: Outcome,
) -> ApiResult<Response> {
    let (done, error, sent, status) = match outcome {
        Outcome::Form => (false, None, None, StatusCode::OK),
        Outcome::Sent => (true, None, None, StatusCode::CREATED),
        Outcome::Invalid(e, p) => (false, Some(e), Some(p), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let k: Kind = kind
        .parse()
        .map_err(|_| ApiError::not_found(format!("no kind of record `{kind}`")))?;
    let record = state
        .store
        .get_json(k, id, false)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no published {} `{id}`", k.noun())))?;
    let csrf = random_hex();
    let html = render(
        state,
        lang,
        uri,
        "correction.html",
        minijinja::context! {
            section => kind,
            kind => kind,
            r => super::view::val(&record),
            csrf => csrf.clone(),
            done => done,
            error => error,
            sent => super::view::val(&sent),
        },
    )?;
    let mut res = (status, html).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(state, CSRF_COOKIE, &csrf, Some(3600)),
    );
    Ok(res)
}

pub async fn new(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> ApiResult<Response> {
    let kind = param(raw.as_deref(), "kind").unwrap_or_default();
    let id = param(raw.as_deref(), "id").unwrap_or_default();
    proposal_page(&state, lang, &uri, (&kind, &id), Outcome::Form).await
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
    connect: Option<Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    body: Bytes,
) -> ApiResult<Response> {
    let f = form(&body);
    let sent = cookie(&headers, CSRF_COOKIE).unwrap_or("");
    if sent.is_empty() || !same(field(&f, "csrf").as_bytes(), sent.as_bytes()) {
        return Err(csrf_refused());
    }
    let (kind, id) = (
        field(&f, "kind").to_string(),
        field(&f, "record_id").to_string(),
    );
    let opt = |name: &str| Some(field(&f, name).to_string()).filter(|s| !s.trim().is_empty());
    let proposal = Proposal {
        kind: kind.clone(),
        record_id: id.clone(),
        field: opt("field"),
        proposal: field(&f, "proposal").to_string(),
        source_url: field(&f, "source_url").to_string(),
        contact: opt("contact"),
    };
    // A bad token proposes as the public: the form is open to anyone.
    let who = auth::caller(&state, &headers)
        .await
        .unwrap_or_else(|_| passerelle_hub::Caller::public());
    let proposer = passerelle_hub::Proposer::new(
        &who,
        crate::proxies::of_request(&state, &headers, connect.map(|c| c.0.0)),
    );
    let sent = proposal.clone();
    let proposed = state
        .hub
        .propose(&proposer, proposal)
        .await
        .map_err(ApiError::from);
    match proposed {
        Ok(_) => proposal_page(&state, lang, &uri, (&kind, &id), Outcome::Sent).await,
        Err(e) if e.code == "validation_failed" => {
            let msg = e
                .errors
                .iter()
                .map(|x| format!("{}: {}", x.field, super::view::field_error_text(lang, x)))
                .collect::<Vec<_>>()
                .join("; ");
            proposal_page(
                &state,
                lang,
                &uri,
                (&kind, &id),
                Outcome::Invalid(msg, sent),
            )
            .await
        }
        Err(e) => Err(e),
    }
}

async fn queue(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    p: &auth::Principal,
    message: Option<&str>,
    status: StatusCode,
) -> ApiResult<Response> {
    let open = state
        .hub
        .corrections(&p.caller(), Some(CorrectionStatus::Open))
        .await?;
    let html = render(
        state,
        lang,
        uri,
        "corrections.html",
        minijinja::context! {
            section => "account",
            items => super::view::val(&open),
            csrf => p.csrf.clone(),
            message => message,
        },
    )?;
    Ok((status, html).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let p = signed_in_may(&state, &headers, None, Permission::DecideCorrections).await?;
    queue(&state, lang, &uri, &p, None, StatusCode::OK).await
}

pub async fn decide(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path(id): Path<String>,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent.may(Permission::DecideCorrections)?;
    let note = Some(field(&f, "note")).filter(|n| !n.trim().is_empty());
    state
        .hub
        .decide_correction(&p.caller(), &id, field(&f, "decision"), note)
        .await?;
    queue(
        &state,
        lang,
        &uri,
        &p,
        Some("correction-decided"),
        StatusCode::OK,
    )
    .await
}
