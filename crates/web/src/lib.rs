//! The HTTP face of Passerelle: the JSON API under `/api/v1` (with its
//! OpenAPI document), the offline API reference, and the pages. Build the
//! router with [`router`] from an [`AppState`].
//!
//! Errors are RFC 9457 problem details with a stable `code` ([`ApiError`]).

mod api;
mod assessment;
mod auth;
mod cache;
mod corrections;
mod error;
pub mod load;
mod openapi;
mod pages;
mod params;
pub mod proxies;
mod search;
mod serve;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use passerelle_domain::account::{OPERATOR_EMAIL, Role, User};
use passerelle_search::SearchIndex;
use passerelle_store::{NewUser, Store, StoreError};
use tokio::sync::Notify;

pub use auth::{MIN_PASSWORD, hash_password, new_token, token_hash, verify_password};
pub use cache::PageCache;
pub use error::{ApiError, Problem};
pub use pages::Site;
pub use passerelle_hub::{FileReader, Hub};
pub use serve::{Timeouts, serve};

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    /// For reads; every write goes through `hub`.
    pub store: Store,
    /// The use cases (see `passerelle_hub`), over the same store.
    pub hub: Hub,
    /// This node's search index, kept current by a follower task.
    pub search: Arc<SearchIndex>,
    /// Wakes the follower after a write here, so this node's own writes
    /// are searchable at once rather than at its next poll.
    pub search_nudge: Arc<Notify>,
    /// Who runs this hub, for the pages.
    pub site: Arc<Site>,
    /// Whether session cookies carry `Secure` (off only for a hub served
    /// over plain HTTP beyond localhost).
    pub secure_cookies: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<Vec<proxies::Network>>,
    /// Answers kept for visitors without credentials (see `cache`).
    pub page_cache: Arc<cache::PageCache>,
    /// How many requests are worked on at once (see `load`).
    pub gate: Arc<load::Gate>,
}

impl AppState {
    pub fn new(store: Store, search: Arc<SearchIndex>) -> AppState {
        AppState {
            hub: Hub::new(store.clone()),
            store,
            search,
            search_nudge: Arc::new(Notify::new()),
            site: Arc::new(Site::default()),
            secure_cookies: true,
            trusted_proxies: Arc::new(Vec::new()),
            page_cache: Arc::default(),
            gate: Arc::default(),
        }
    }
}

/// The operator's API token after [`operator_token`].
#[derive(Debug, PartialEq, Eq)]
pub enum OperatorToken {
    /// The configured token works.
    Configured,
    /// The configured token was revoked (by `passerelle token` or on the
    /// users page): it stays revoked until the configuration names another.
    ConfiguredRevoked,
    /// A token made now, at first start, to be shown once.
    Fresh(String),
    /// The token made at an earlier start (or by another node) stands.
    Kept,
}

/// The hash of the token made at first start, so that nodes starting
/// together on a new database agree on one.
const FIRST_TOKEN_SETTING: &str = "admin_token_sha256";

/// Makes sure the operator's account and token exist: the configured
/// token, or else one made at first start. Either is an API token of the
/// built-in operator account ([`OPERATOR_EMAIL`]), so it is stored hashed,
/// audited under that account and revoked like any other.
pub async fn operator_token(
    store: &Store,
    configured: Option<&str>,
) -> Result<OperatorToken, StoreError> {
    let operator = operator(store).await?;
    if let Some(t) = configured.filter(|t| !t.is_empty()) {
        let revoked = register(store, &operator, "configured", &token_hash(t)).await?;
        return Ok(if revoked {
            OperatorToken::ConfiguredRevoked
        } else {
            OperatorToken::Configured
        });
    }
    let fresh = new_token();
    let fresh_hash = token_hash(&fresh);
    let stored = store
        .setting_or_insert(FIRST_TOKEN_SETTING, &fresh_hash)
        .await?;
    register(store, &operator, "first start", &stored).await?;
    Ok(if stored == fresh_hash {
        OperatorToken::Fresh(fresh)
    } else {
        OperatorToken::Kept
    })
}

/// The built-in operator account, made on first use.
pub async fn operator(store: &Store) -> Result<User, StoreError> {
    if let Some((user, _)) = store.user_with_hash(OPERATOR_EMAIL).await? {
        return Ok(user);
    }
    let new = NewUser {
        email: OPERATOR_EMAIL,
        display_name: "Operator (API token of the configuration)",
        organisation: None,
        preferred_lang: None,
        role: Role::Admin,
    };
    // Not a PHC string, so no password verifies against it.
    match store.create_user("system", new, "!").await {
        Err(StoreError::Conflict(_)) => store
            .user_with_hash(OPERATOR_EMAIL)
            .await?
            .map(|(user, _)| user)
            .ok_or_else(|| StoreError::Conflict("the operator account was removed".into())),
        other => other,
    }
}

/// Adds a token hash to the operator unless it was ever added; returns
/// whether it was revoked since.
async fn register(
    store: &Store,
    operator: &User,
    name: &str,
    hash: &str,
) -> Result<bool, StoreError> {
    match store.token_revoked(hash).await? {
        Some(revoked) => Ok(revoked),
        None => match store.create_token("system", &operator.id, name, hash).await {
            // Another node registered it at the same moment.
            Ok(_) | Err(StoreError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        },
    }
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(
            api::routes()
                .route_layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    auth::api_csrf,
                ))
                .route_layer(axum::middleware::from_fn(error::refuse_control_characters))
                .route_layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    load::admit,
                )),
        )
        .merge(pages::routes(&state))
        .fallback(api::unknown)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            nudge_search,
        ))
        .layer(axum::middleware::from_fn(serve::body_deadline))
        .layer(axum::middleware::map_response(error::problem_bodies))
        .layer(axum::middleware::map_response(security_headers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            cache::pages,
        ))
        .with_state(state)
}

/// The content security policy of every response but the API reference.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// After a successful write, tells the search follower to catch up now.
async fn nudge_search(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> axum::response::Response {
    let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let res = next.run(req).await;
    if write && res.status().is_success() {
        state.search_nudge.notify_one();
    }
    res
}

async fn security_headers(mut res: axum::response::Response) -> axum::response::Response {
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name, value: &'static str| {
        h.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "same-origin");
    // No script and no style is inline (the API reference sets its own,
    // looser policy: its viewer styles itself inline).
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    res
}
