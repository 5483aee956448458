//! Atom feeds (RFC 4287) of the newest agreements, practices and events,
//! titled in the language asked for (`?lang=fr`).

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::{Kind, Lang, Localized};
use passerelle_store::{ListQuery, Sort};

use super::filters::param;
use super::i18n;
use super::view::escape;
use crate::AppState;
use crate::error::{ApiError, ApiResult};

const ENTRIES: u32 = 50;

pub async fn feed(
    State(state): State<AppState>,
    Path(feed): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Response> {
    let kind = match feed.as_str() {
        "agreements.atom" => Kind::Agreements,
        "practices.atom" => Kind::Practices,
        "events.atom" => Kind::Events,
        _ => {
            return Err(ApiError::not_found(format!(
                "no feed `{feed}`: agreements.atom, practices.atom or events.atom"
            )));
        }
    };
    let lang = param(raw.as_deref(), "lang")
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En);
    // Links in a feed must be absolute.
    let base = super::sitemap::public_base(&state, &headers);
    let q = ListQuery {
        per_page: ENTRIES,
        sort: Sort::UpdatedDesc,
        ..ListQuery::default()
    };
    let items = state.store.list_json(kind, &q).await?.items;
    let title = format!(
        "Passerelle · {}",
        i18n::tr(lang, &format!("kind-{}", kind.as_str()), &[])
    );
    let updated = items
        .iter()
        .filter_map(|r| r["updated_at"].as_str())
        .max()
        .unwrap_or("1970-01-01T00:00:00Z");
    let code = lang.code();
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{code}\">\
         <title>{}</title><id>{base}/feeds/{feed}</id><updated>{updated}</updated>\
         <link rel=\"self\" href=\"{base}/feeds/{feed}?lang={code}\"/><link href=\"{base}/{code}/{}\"/>",
        escape(&title),
        kind.as_str()
    );
    for r in &items {
        let slug = r["slug"].as_str().unwrap_or_default();
        let titles: Localized = serde_json::from_value(r["titles"].clone()).unwrap_or_default();
        let name = titles
            .get(lang)
            .or_else(|| r["title"].as_str())
            .unwrap_or_default();
        let summary: Localized = serde_json::from_value(r["summary"].clone()).unwrap_or_default();
        xml.push_str(&format!(
            "<entry><title>{}</title><id>tag:passerelle,2026:{}/{}</id><updated>{}</updated><link href=\"{base}/{code}/{}/{}\"/>",
            escape(name),
            kind.as_str(),
            escape(r["id"].as_str().unwrap_or(slug)),
            r["updated_at"].as_str().unwrap_or(updated),
            kind.as_str(),
            escape(slug),
        ));
        if let Some(s) = summary.best(lang) {
            xml.push_str(&format!("<summary>{}</summary>", escape(s)));
        }
        xml.push_str("<author><name>Passerelle</name></author></entry>");
    }
    xml.push_str("</feed>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}
