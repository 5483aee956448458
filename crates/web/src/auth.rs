//! Who is asking, and whether they may. A request carries either an API
//! token (`Authorization: Bearer …`, a user's token; the operator's
//! configured token belongs to the built-in operator account) or a session cookie set at sign-in. Sessions and tokens
//! are looked up in the database on every request, so signing out,
//! revoking a token or disabling a user takes effect at once on every
//! node. What each role may do is [`passerelle_domain::account::allows`].

use axum::http::{HeaderMap, StatusCode, header};
use passerelle_domain::account::{Permission, Role, User, allows};
pub use passerelle_hub::secrets::{MIN_PASSWORD, random_hex, token_hash};

use crate::AppState;
use crate::error::{ApiError, Code};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "passerelle_session";

/// Compares without leaking where the first difference is.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Someone identified by a token or a session.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user: User,
    pub role: Role,
    /// Who the audit log names.
    pub actor: String,
    /// The session's CSRF token, when signed in with a cookie.
    pub csrf: Option<String>,
    /// The session id's hash, to end it at sign-out.
    pub session: Option<String>,
}

impl Principal {
    /// Who the use cases see.
    pub fn caller(&self) -> passerelle_hub::Caller {
        passerelle_hub::Caller {
            actor: self.actor.clone(),
            role: Some(self.role),
            user_id: Some(self.user.id.clone()),
            organisation: self.user.organisation.clone(),
        }
    }
}

/// Who sent the request, for a use case that decides itself what they
/// may do: someone signed in, or the public.
pub async fn caller(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<passerelle_hub::Caller, ApiError> {
    Ok(principal(state, headers)
        .await?
        .map_or_else(passerelle_hub::Caller::public, |p| p.caller()))
}

/// Someone signed in (401 for the public), for a write whose use case
/// decides what they may do.
async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<passerelle_hub::Caller, ApiError> {
    principal(state, headers)
        .await?
        .map(|p| p.caller())
        .ok_or_else(ApiError::unauthorized)
}

/// Someone signed in (a token or a session) as a handler's parameter, for
/// a write whose use case decides what they may do; the public is answered
/// 401 before the handler runs.
pub struct SignedIn(pub passerelle_hub::Caller);

impl axum::extract::FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<SignedIn, ApiError> {
        signed_in(state, &parts.headers).await.map(SignedIn)
    }
}

/// Whoever sent the request, as a handler's parameter: someone signed in,
/// or the public (a token that is not valid is refused, 401).
pub struct Asker(pub passerelle_hub::Caller);

impl axum::extract::FromRequestParts<AppState> for Asker {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Asker, ApiError> {
        caller(state, &parts.headers).await.map(Asker)
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

/// A cookie's value from the request.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Who sent the request: `Ok(None)` for the public. A token that is not
/// valid is refused rather than read as the public, so a script with a
/// revoked token learns so at once.
pub async fn principal(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Principal>, ApiError> {
    if let Some(token) = bearer(headers) {
        let hash = token_hash(token);
        return match state.store.token_user(&hash).await? {
            Some((user, name)) => Ok(Some(Principal {
                role: user.role,
                actor: format!("{} (token {name})", user.email),
                user,
                csrf: None,
                session: None,
            })),
            None => Err(ApiError::unauthorized()),
        };
    }
    if let Some(id) = cookie(headers, SESSION_COOKIE) {
        let hash = token_hash(id);
        if let Some((user, csrf)) = state.store.session(&hash).await? {
            return Ok(Some(Principal {
                role: user.role,
                actor: user.email.clone(),
                user,
                csrf: Some(csrf),
                session: Some(hash),
            }));
        }
    }
    Ok(None)
}

/// The principal if they may do `what`: 401 for the public, 403 for a
/// role that may not.
pub async fn require(
    state: &AppState,
    headers: &HeaderMap,
    what: Permission,
) -> Result<Principal, ApiError> {
    let p = principal(state, headers)
        .await?
        .ok_or_else(ApiError::unauthorized)?;
    if allows(Some(p.role), what) {
        Ok(p)
    } else {
        Err(forbidden(p.role, what))
    }
}

pub fn forbidden(role: Role, what: Permission) -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        Code::Forbidden,
        "Not allowed",
        format!("the {role} role may not do this ({what:?})"),
    )
}

/// The actor to record for a write that needs `what`.
pub async fn writer(
    state: &AppState,
    headers: &HeaderMap,
    what: Permission,
) -> Result<String, ApiError> {
    Ok(require(state, headers, what).await?.actor)
}

/// Whether the request may see what the public may not. A bad token
/// reads as the public here; writes refuse it.
pub async fn privileged(state: &AppState, headers: &HeaderMap) -> bool {
    matches!(principal(state, headers).await, Ok(Some(p)) if allows(Some(p.role), Permission::ReadPrivate))
}

/// API writes sent with a session cookie must carry the session's CSRF
/// token in the `X-CSRF-Token` header: a page of another site can make a
/// browser send the cookie, not the header. Requests with a bearer token
/// (scripts) and reads pass as they are.
pub async fn api_csrf(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::Method;
    use axum::response::IntoResponse;
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || bearer(req.headers()).is_some() {
        return next.run(req).await;
    }
    if let Some(id) = cookie(req.headers(), SESSION_COOKIE) {
        match state.store.session(&token_hash(id)).await {
            Ok(Some((_, csrf))) => {
                let sent = req
                    .headers()
                    .get("x-csrf-token")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !same(sent.as_bytes(), csrf.as_bytes()) {
                    return ApiError::new(
                        StatusCode::FORBIDDEN,
                        Code::Csrf,
                        "Cross-site request refused",
                        "an API write signed in with a session cookie needs the session's token in the X-CSRF-Token header; scripts use a bearer token",
                    )
                    .into_response();
                }
            }
            // Not a live session: the handler answers as for the public.
            Ok(None) => {}
            Err(e) => return ApiError::from(e).into_response(),
        }
    }
    next.run(req).await
}
