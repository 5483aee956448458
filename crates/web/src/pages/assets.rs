//! Files served under `/assets/`, embedded at build time, and the offline
//! API reference page.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::AppState;

const CSS: &str = "text/css; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

const ASSETS: &[(&str, &str, &[u8])] = &[
    ("site.css", CSS, include_bytes!("../../assets/site.css")),
    ("site.js", JS, include_bytes!("../../assets/site.js")),
    ("api.css", CSS, include_bytes!("../../assets/api.css")),
    (
        "vendor/htmx/htmx.min.js",
        JS,
        include_bytes!("../../assets/vendor/htmx/htmx.min.js"),
    ),
    (
        "vendor/htmx/LICENSE.txt",
        TEXT,
        include_bytes!("../../assets/vendor/htmx/LICENSE.txt"),
    ),
    (
        "vendor/rapidoc/rapidoc-min.js",
        JS,
        include_bytes!("../../assets/vendor/rapidoc/rapidoc-min.js"),
    ),
    (
        "vendor/rapidoc/LICENSE.txt",
        TEXT,
        include_bytes!("../../assets/vendor/rapidoc/LICENSE.txt"),
    ),
    (
        "vendor/rapidoc/rapidoc-min.js.LICENSE.txt",
        TEXT,
        include_bytes!("../../assets/vendor/rapidoc/rapidoc-min.js.LICENSE.txt"),
    ),
];

pub async fn asset(State(state): State<AppState>, Path(path): Path<String>) -> Response {
    if path == "site-logo"
        && let Some((bytes, mime)) = &state.site.logo
    {
        return ([(header::CONTENT_TYPE, *mime)], bytes.clone()).into_response();
    }
    match ASSETS.iter().find(|(name, _, _)| *name == path) {
        Some((_, mime, bytes)) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}

/// The API reference. Its viewer (RapiDoc) sets styles inline, so this
/// page alone allows inline styles; scripts stay `'self'` only.
pub async fn api_reference() -> Response {
    let csp = crate::CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    (
        [(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&csp).expect("the policy is ASCII"),
        )],
        Html(include_str!("../../assets/api.html")),
    )
        .into_response()
}
