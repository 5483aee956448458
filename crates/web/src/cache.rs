//! Answers computed once for every visitor: a GET without credentials
//! (no `Authorization`, no `Cookie`) whose answer is a whole `200` page or
//! JSON document without `Set-Cookie` is kept and served again while
//! nothing has changed. "Nothing has changed" is the store's newest audit
//! entry (every write, a reviewer's decision included, is audited in its
//! transaction), this node's search generation (the facets, counts and
//! maps a page shows) and the day (a commitment becomes overdue at
//! midnight): when any moves, the whole cache is dropped, so a page is
//! never older than what the lists and the API would say.
//!
//! Only the current state's answers are kept, at most [`MAX_ENTRIES`] of
//! at most [`MAX_BODY`] bytes each. Exports, documents and streaming
//! answers are never cached; signed-in users always get a fresh page.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use http_body::Body as _;

use crate::AppState;

/// Answers kept at once (the pages and lists people open most).
pub const MAX_ENTRIES: usize = 2_000;
/// The header on an answer served from the cache.
pub const HIT_HEADER: &str = "x-passerelle-cache";

/// The largest answer kept.
pub const MAX_BODY: usize = 1024 * 1024;

/// What the answers were computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Version {
    audit: i64,
    generation: u64,
    day: passerelle_domain::Date,
}

#[derive(Clone)]
struct Kept {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// The cache of one node.
pub struct PageCache {
    on: bool,
    inner: Mutex<(Option<Version>, HashMap<String, Kept>)>,
}

impl Default for PageCache {
    fn default() -> PageCache {
        PageCache {
            on: true,
            inner: Mutex::default(),
        }
    }
}

impl PageCache {
    /// A cache that keeps nothing (`page_cache = false`).
    pub fn disabled() -> PageCache {
        PageCache {
            on: false,
            ..PageCache::default()
        }
    }

    fn get(&self, version: Version, key: &str) -> Option<Kept> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        (inner.0 == Some(version))
            .then(|| inner.1.get(key).cloned())
            .flatten()
    }

    fn put(&self, version: Version, key: String, kept: Kept) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.0 != Some(version) {
            inner.1.clear();
            inner.0 = Some(version);
        }
        if inner.1.len() >= MAX_ENTRIES {
            // Full: start again rather than track use (the pages people
            // open most come back first).
            inner.1.clear();
        }
        inner.1.insert(key, kept);
    }
}

/// Whether a request may be answered from, and its answer kept in, the
/// cache: a plain GET from someone without credentials, for a page or an
/// API read that is the same for everyone.
fn cacheable(req: &Request) -> bool {
    let path = req.uri().path();
    req.method() == Method::GET
        && !req.headers().contains_key(header::AUTHORIZATION)
        && !req.headers().contains_key(header::COOKIE)
        && !path.starts_with("/api/v1/export")
        && !path.starts_with("/api/v1/documents")
        && !path.starts_with("/api/v1/audit")
        && !path.starts_with("/assets")
        && path != "/healthz"
}

pub async fn pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !state.page_cache.on || !cacheable(&req) {
        return next.run(req).await;
    }
    // A store that cannot say its version is not cached around: the page
    // itself will say what is wrong.
    let Ok(audit) = state.store.audit_head().await else {
        return next.run(req).await;
    };
    let version = Version {
        audit,
        generation: state.search.generation(),
        day: passerelle_domain::Date::today(),
    };
    let key = req.uri().to_string();
    if let Some(kept) = state.page_cache.get(version, &key) {
        let mut res = Response::new(Body::from(kept.body));
        *res.status_mut() = kept.status;
        *res.headers_mut() = kept.headers;
        // Says where the answer came from, for operators and tests.
        res.headers_mut()
            .insert(HIT_HEADER, header::HeaderValue::from_static("hit"));
        return res;
    }
    let res = next.run(req).await;
    let whole = res.body().size_hint().exact().map(|n| n as usize);
    if res.status() != StatusCode::OK
        || res.headers().contains_key(header::SET_COOKIE)
        || whole.is_none_or(|n| n > MAX_BODY)
    {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    state.page_cache.put(
        version,
        key,
        Kept {
            status: parts.status,
            headers: parts.headers.clone(),
            body: bytes.clone(),
        },
    );
    Response::from_parts(parts, Body::from(bytes))
}
