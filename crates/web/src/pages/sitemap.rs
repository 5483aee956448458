//! `/sitemap.xml` and `/robots.txt`: every public page, in the four
//! languages, each with its other-language versions (`hreflang`), so a
//! search engine finds the registry and shows each reader their language.
//! Pages behind an account are not listed, and robots are asked to leave
//! them and the API's downloads alone.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::{AnyRecord, Facet, Kind, Lang, reference};
use passerelle_store::{ListQuery, MAX_PER_PAGE};

use super::view::escape;
use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// Pages listed in one sitemap file: four addresses each, well under the
/// protocol's 50,000.
const PAGES_PER_FILE: usize = 10_000;

/// The pages every hub has, without the language prefix.
const FIXED: &[&str] = &[
    "",
    "/agreements",
    "/search",
    "/assess",
    "/compare",
    "/practices",
    "/events",
    "/commitments",
    "/resources",
    "/data",
    "/countries",
    "/gcm",
    "/sdgs",
    "/about",
];

/// Kinds whose records have pages of their own.
const WITH_PAGES: [Kind; 5] = [
    Kind::Agreements,
    Kind::Practices,
    Kind::Events,
    Kind::Commitments,
    Kind::Resources,
];

/// The address links and sitemaps start with: the configured public one,
/// or, without one (a hub on a laptop), the Host the reader used, which is
/// then the address it can reach.
pub fn public_base(state: &AppState, headers: &HeaderMap) -> String {
    match &state.site.public_url {
        Some(url) => url.clone(),
        None => {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .filter(|h| {
                    h.chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
                })
                .unwrap_or("localhost");
            format!("http://{host}")
        }
    }
}

/// Every public page's path, without the language prefix: the fixed
/// pages, each published record, the text of each agreement whose text is
/// public and read, each country and each corridor that has an agreement.
async fn pages(state: &AppState) -> ApiResult<Vec<String>> {
    let mut paths: Vec<String> = FIXED.iter().map(|p| p.to_string()).collect();
    paths.extend(super::site::PAGES.iter().map(|p| format!("/about/{p}")));
    let mut corridors = std::collections::BTreeSet::new();
    // Agreements whose text is public: (id, key in addresses).
    let mut public_texts: Vec<(String, String)> = Vec::new();
    for kind in WITH_PAGES {
        let mut page = 1;
        loop {
            let q = ListQuery {
                per_page: MAX_PER_PAGE,
                page,
                ..ListQuery::default()
            };
            let found = state.store.list_json(kind, &q).await?;
            for r in &found.items {
                let Some(key) = r["slug"].as_str().or(r["id"].as_str()) else {
                    continue;
                };
                paths.push(format!("/{kind}/{key}"));
                if kind == Kind::Agreements && r["text_public"].as_bool() == Some(true) {
                    public_texts
                        .push((r["id"].as_str().unwrap_or(key).to_string(), key.to_string()));
                }
                if kind == Kind::Agreements
                    && let Ok(record) = AnyRecord::from_value(kind, r.clone())
                {
                    corridors.extend(
                        record
                            .index()
                            .facets
                            .into_iter()
                            .filter(|(f, _)| *f == Facet::Corridor)
                            .map(|(_, v)| v),
                    );
                }
            }
            if found.items.len() < MAX_PER_PAGE as usize {
                break;
            }
            page += 1;
        }
    }
    // Their text pages, where a text has been read.
    for chunk in public_texts.chunks(500) {
        let ids: Vec<String> = chunk.iter().map(|(id, _)| id.clone()).collect();
        let read: std::collections::HashSet<String> = state
            .store
            .documents_of(&ids)
            .await?
            .into_iter()
            .filter(|d| d.text.is_some())
            .map(|d| d.agreement_id)
            .collect();
        paths.extend(
            chunk
                .iter()
                .filter(|(id, _)| read.contains(id))
                .map(|(_, key)| format!("/agreements/{key}/text")),
        );
    }
    paths.extend(corridors.into_iter().map(|c| format!("/corridors/{c}")));
    paths.extend(
        reference::countries()
            .iter()
            .map(|c| format!("/countries/{}", c.alpha2)),
    );
    Ok(paths)
}

fn xml(body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The pages as `<url>` entries: each page once per language, each entry
/// naming its versions in the others.
fn urlset(base: &str, paths: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in paths {
        let path = escape(path);
        for lang in Lang::ALL {
            out.push_str(&format!("<url><loc>{base}/{}{path}</loc>", lang.code()));
            for other in Lang::ALL {
                let code = other.code();
                out.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{base}/{code}{path}\"/>"
                ));
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// `/sitemap.xml`: the pages themselves, or, past [`PAGES_PER_FILE`]
/// pages, an index of `/sitemap/{n}.xml` files.
pub async fn sitemap(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    let base = escape(&public_base(&state, &headers));
    let paths = pages(&state).await?;
    if paths.len() <= PAGES_PER_FILE {
        return Ok(xml(urlset(&base, &paths)));
    }
    let files = paths.len().div_ceil(PAGES_PER_FILE);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=files {
        out.push_str(&format!(
            "<sitemap><loc>{base}/sitemap/{n}.xml</loc></sitemap>\n"
        ));
    }
    out.push_str("</sitemapindex>\n");
    Ok(xml(out))
}

/// `/sitemap/{n}.xml`: the `n`-th file of a large hub's sitemap.
pub async fn sitemap_part(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> ApiResult<Response> {
    let missing = || ApiError::not_found(format!("no sitemap file `{file}`"));
    let n: usize = file
        .strip_suffix(".xml")
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 1)
        .ok_or_else(missing)?;
    let paths = pages(&state).await?;
    let chunk = paths
        .chunks(PAGES_PER_FILE)
        .nth(n - 1)
        .filter(|_| paths.len() > PAGES_PER_FILE)
        .ok_or_else(missing)?;
    let base = escape(&public_base(&state, &headers));
    Ok(xml(urlset(&base, chunk)))
}

/// `/robots.txt`: everything public may be crawled but the pages behind
/// an account, the forms that post, and the API's bulk downloads; the
/// sitemap's address.
pub async fn robots(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let base = public_base(&state, &headers);
    let mut out = String::from("User-agent: *\n");
    for lang in Lang::ALL {
        let code = lang.code();
        for private in [
            "account",
            "users",
            "audit",
            "review",
            "contribute",
            "corrections",
            "sign-in",
            "sign-out",
        ] {
            out.push_str(&format!("Disallow: /{code}/{private}\n"));
        }
    }
    out.push_str("Disallow: /api/v1/export/\nDisallow: /api/v1/assess\n");
    out.push_str(&format!("\nSitemap: {base}/sitemap.xml\n"));
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], out).into_response()
}
