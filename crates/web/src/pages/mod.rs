//! Server-rendered pages and embedded assets. Everything the browser loads
//! comes from this binary: no CDN, works offline.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use passerelle_domain::{Kind, Lang, reference};
use passerelle_store::{ListQuery, Sort};
use serde_json::Value;

use crate::AppState;
use crate::error::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/api", get(api_reference))
        .route("/healthz", get(|| async { "ok" }))
        .route("/assets/{*path}", get(asset))
}

/// Files served under `/assets/`, embedded at build time.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "site.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/site.css"),
    ),
    (
        "api.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/api.css"),
    ),
    (
        "vendor/rapidoc/rapidoc-min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/rapidoc/rapidoc-min.js"),
    ),
    (
        "vendor/rapidoc/LICENSE.txt",
        "text/plain; charset=utf-8",
        include_bytes!("../assets/vendor/rapidoc/LICENSE.txt"),
    ),
    (
        "vendor/rapidoc/rapidoc-min.js.LICENSE.txt",
        "text/plain; charset=utf-8",
        include_bytes!("../assets/vendor/rapidoc/rapidoc-min.js.LICENSE.txt"),
    ),
];

async fn asset(Path(path): Path<String>) -> Response {
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

async fn api_reference() -> Html<&'static str> {
    Html(include_str!("../assets/api.html"))
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn parties(record: &Value) -> String {
    record["parties"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .filter_map(|p| p["country"].as_str())
                .map(|c| {
                    reference::country(c)
                        .map(|c| c.names.get(Lang::En).to_string())
                        .unwrap_or_else(|| c.to_string())
                })
                .collect::<Vec<_>>()
                .join(" – ")
        })
        .unwrap_or_default()
}

async fn latest(state: &AppState, kind: Kind, n: u32) -> Result<Vec<Value>, ApiError> {
    let q = ListQuery {
        per_page: n,
        sort: Sort::DateDesc,
        ..ListQuery::default()
    };
    Ok(state.store.list_json(kind, &q).await?.items)
}

async fn home(State(state): State<AppState>) -> Result<Html<String>, ApiError> {
    let counts = state.store.counts().await?;
    let agreements = latest(&state, Kind::Agreements, 10).await?;
    let events = latest(&state, Kind::Events, 5).await?;
    let mut html = String::from(
        "<!doctype html><html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Passerelle — labour migration agreements</title>\
         <link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>\
         <header class=\"site\"><a class=\"brand\" href=\"/\">Passerelle</a>\
         <nav><a href=\"/api\">API reference</a> · <a href=\"/api/v1/openapi.json\">OpenAPI</a></nav></header><main>\
         <h1>Labour migration agreements, practices and commitments</h1>\
         <p>A registry of bilateral labour migration agreements, memoranda of understanding and skills mobility \
         partnerships, with the practices, events and commitments through which countries implement the Global \
         Compact for Safe, Orderly and Regular Migration.</p>\
         <form class=\"search\" action=\"/api/v1/agreements\" method=\"get\" role=\"search\">\
         <label for=\"q\" class=\"muted\">Find agreements by title</label>\
         <input id=\"q\" name=\"q\" type=\"search\"><button type=\"submit\">Search</button></form>\
         <ul class=\"counts\">",
    );
    for (kind, n) in counts {
        html.push_str(&format!(
            "<li><a href=\"/api/v1/{kind}\"><strong>{n}</strong>{kind}</a></li>"
        ));
    }
    html.push_str("</ul><h2>Latest agreements</h2><table><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Parties</th><th scope=\"col\">Signed</th><th scope=\"col\">Status</th></tr></thead><tbody>");
    for a in &agreements {
        let title = a["titles"]["en"]
            .as_str()
            .or(a["title"].as_str())
            .unwrap_or_default();
        html.push_str(&format!(
            "<tr><td><a href=\"/api/v1/agreements/{}\"><bdi>{}</bdi></a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(a["slug"].as_str().unwrap_or_default()),
            escape(title),
            escape(&parties(a)),
            escape(a["signed_on"].as_str().unwrap_or("")),
            escape(&a["status"].as_str().unwrap_or("").replace('_', " ")),
        ));
    }
    html.push_str("</tbody></table><h2>Events</h2><ul>");
    for e in &events {
        html.push_str(&format!(
            "<li><a href=\"/api/v1/events/{}\"><bdi>{}</bdi></a> <span class=\"muted\">{}</span></li>",
            escape(e["slug"].as_str().unwrap_or_default()),
            escape(e["titles"]["en"].as_str().or(e["title"].as_str()).unwrap_or_default()),
            escape(e["start_on"].as_str().unwrap_or("")),
        ));
    }
    html.push_str("</ul></main></body></html>");
    Ok(Html(html))
}
