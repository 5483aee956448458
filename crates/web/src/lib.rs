//! The HTTP face of Passerelle: the JSON API under `/api/v1` (with its
//! OpenAPI document), the offline API reference, and the pages. Build the
//! router with [`router`] from an [`AppState`].
//!
//! Errors are RFC 9457 problem details with a stable `code` ([`ApiError`]).

mod api;
mod assessment;
mod auth;
mod corrections;
mod error;
mod openapi;
mod pages;
mod params;
mod search;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use passerelle_search::SearchIndex;
use passerelle_store::{Store, StoreError};
use tokio::sync::Notify;

pub use assessment::FileReader;
pub use auth::{
    ADMIN_TOKEN_SETTING, MIN_PASSWORD, hash_password, new_token, token_hash, verify_password,
};
pub use error::{ApiError, Problem};
pub use pages::Site;

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// SHA-256 (hex) of the token that may write.
    pub admin_token_hash: Arc<str>,
    /// This node's search index, kept current by a follower task.
    pub search: Arc<SearchIndex>,
    /// Wakes the follower after a write here, so this node's own writes
    /// are searchable at once rather than at its next poll.
    pub search_nudge: Arc<Notify>,
    /// How uploaded files are read (a worker process on a server).
    pub file_reader: FileReader,
    /// Who runs this hub, for the pages.
    pub site: Arc<Site>,
    /// Whether session cookies carry `Secure` (off only for a hub served
    /// over plain HTTP beyond localhost).
    pub secure_cookies: bool,
}

impl AppState {
    pub fn new(store: Store, admin_token_hash: &str, search: Arc<SearchIndex>) -> AppState {
        AppState {
            store,
            admin_token_hash: admin_token_hash.into(),
            search,
            search_nudge: Arc::new(Notify::new()),
            file_reader: FileReader::InProcess,
            site: Arc::new(Site::default()),
            secure_cookies: true,
        }
    }
}

/// Makes sure an admin token exists. With `configured`, that token is used;
/// otherwise the one stored in the database; otherwise a new one is made
/// and returned (to be shown once), its hash stored for every node.
pub async fn admin_token(
    store: &Store,
    configured: Option<&str>,
) -> Result<(String, Option<String>), StoreError> {
    if let Some(t) = configured.filter(|t| !t.is_empty()) {
        return Ok((token_hash(t), None));
    }
    let fresh = new_token();
    let fresh_hash = token_hash(&fresh);
    let stored = store
        .setting_or_insert(ADMIN_TOKEN_SETTING, &fresh_hash)
        .await?;
    let shown = (stored == fresh_hash).then_some(fresh);
    Ok((stored, shown))
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(pages::routes(&state))
        .fallback(api::unknown)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            nudge_search,
        ))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

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
    // The API reference viewer styles itself inline; no script is inline.
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    res
}
