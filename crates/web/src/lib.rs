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
use passerelle_search::SearchIndex;
use passerelle_store::Store;
use tokio::sync::Notify;

pub use cache::PageCache;
pub use error::{ApiError, Problem};
pub use pages::Site;
pub use passerelle_hub::secrets::{
    MIN_PASSWORD, hash_password, new_token, token_hash, verify_password,
};
pub use passerelle_hub::{FileReader, Hub, OperatorToken};
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
