//! The home page, search, and the hub's practices, events, commitments and
//! resources: filtered lists and detail pages.

use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::Uri;
use axum::response::Html;
use passerelle_domain::{Kind, Lang};
use passerelle_store::{ListQuery, Sort};

use super::filters::{self, api_query};
use super::{charts, i18n, render};
use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::params::list_query;

async fn latest(state: &AppState, kind: Kind, n: u32) -> ApiResult<Vec<serde_json::Value>> {
    let q = ListQuery {
        per_page: n,
        sort: Sort::DateDesc,
        ..ListQuery::default()
    };
    Ok(state.store.list_json(kind, &q).await?.items)
}

pub async fn home(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
) -> ApiResult<Html<String>> {
    let counts: Vec<serde_json::Value> = state
        .store
        .counts()
        .await?
        .into_iter()
        .filter(|(k, _)| *k != Kind::Indicators)
        .map(|(k, n)| serde_json::json!({"kind": k.as_str(), "count": n}))
        .collect();
    let agreements = latest(&state, Kind::Agreements, 8).await?;
    let events = latest(&state, Kind::Events, 5).await?;
    let map = charts::corridor_map(&state, lang)?;
    render(
        &state,
        lang,
        &uri,
        "home.html",
        minijinja::context! {
            section => "home",
            counts => super::view::val(&counts),
            agreements => super::view::val(&agreements),
            events => super::view::val(&events),
            map => map,
        },
    )
}

/// Hub pages that answer a query naming something of the search
/// vocabulary (`passerelle_search::forgive::VOCABULARY`): its key, the
/// page's path after the language, and the message naming the page.
const SHORTCUTS: &[(&str, &str, &str)] = &[
    ("champions", "/countries?champion=1", "champions-all"),
    ("gcm", "/gcm", "nav-gcm"),
    ("blma", "/agreements", "nav-agreements"),
];

/// Facets of the search page.
const SEARCH_DIMS: &[&str] = &["kind", "country", "type", "status", "objective", "year"];

pub async fn search(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> ApiResult<Html<String>> {
    let query = api_query(raw.as_deref());
    let mut req = crate::search::search_request(Some(&query)).map_err(ApiError::bad_query)?;
    req.lang = lang;
    req.facet_values = filters::ALL_FACET_VALUES;
    let q = req.q.clone();
    let searched = !q.trim().is_empty() || !req.filters.is_empty();
    let results = if searched {
        Some(state.search.search(&req)?)
    } else {
        None
    };
    let facets = results
        .as_ref()
        .map(|r| filters::dimensions(&r.facets, &query, Kind::Agreements, lang, SEARCH_DIMS))
        .unwrap_or_default();
    // "pays champions" is a page, not a record: say where it is.
    let shortcuts: Vec<(String, String)> = passerelle_search::forgive::named(&q)
        .into_iter()
        .filter_map(|key| SHORTCUTS.iter().find(|s| s.0 == key))
        .map(|(_, path, label)| {
            (
                format!("/{}{path}", lang.code()),
                i18n::tr(lang, label, &[]),
            )
        })
        .collect();
    let (total, hits, suggestions, partial) = match results {
        Some(r) => (r.total, r.hits, r.suggestions, r.partial),
        None => (0, Vec::new(), Vec::new(), None),
    };
    // The clauses of one agreement that matched are shown under its first
    // hit on the page, so that one long text does not fill the page.
    let mut groups: Vec<(passerelle_search::Hit, Vec<passerelle_search::Hit>)> = Vec::new();
    for h in hits {
        let agreement = matches!(h.kind.as_str(), "agreements" | "clauses");
        match groups.iter_mut().find(|(g, _)| {
            agreement && g.id == h.id && matches!(g.kind.as_str(), "agreements" | "clauses")
        }) {
            Some((_, more)) => more.push(h),
            None => groups.push((h, Vec::new())),
        }
    }
    let pages = total.div_ceil(req.limit.max(1)).clamp(1, 500);
    render(
        &state,
        lang,
        &uri,
        "search.html",
        minijinja::context! {
            section => "search",
            q => q,
            searched => searched,
            total => total,
            groups => super::view::val(&groups),
            suggestions => suggestions,
            partial => super::view::val(partial),
            shortcuts => shortcuts,
            facets => super::view::val(&facets),
            page => req.offset / req.limit.max(1) + 1,
            pages => pages,
            page_query => format!("?{}", raw.unwrap_or_default()),
        },
    )
}

/// Facets beside each hub list.
fn dims(kind: Kind) -> &'static [&'static str] {
    passerelle_domain::kinds::describe(kind).filters
}

async fn records(
    state: AppState,
    lang: Lang,
    uri: Uri,
    raw: Option<String>,
    kind: Kind,
) -> ApiResult<Html<String>> {
    let query = api_query(raw.as_deref());
    let q = list_query(kind, Some(&query), &[]).map_err(ApiError::bad_query)?;
    let page = state.store.list_json(kind, &q).await?;
    let facets = if kind == Kind::Indicators {
        // Figures are not in the search index; there are few enough to
        // count from the store.
        let rows = state.store.all_matching_json(kind, q.clone()).await?;
        filters::count_rows(&rows, &query, kind, lang)
    } else {
        filters::facets(&state, lang, kind, &query, dims(kind))?
    };
    // The commitments dashboard counts every status, whatever is ticked.
    let (dashboard, overdue_count) = if kind == Kind::Commitments {
        let all = filters::facets(&state, lang, kind, "", &["status"])?;
        // Overdue depends on today, so it is counted from the records, not
        // from an index filled when they were written.
        let every = list_query(kind, Some(""), &[]).map_err(ApiError::bad_query)?;
        let today = passerelle_domain::Date::today();
        let overdue = state
            .store
            .all_matching_json(kind, every)
            .await?
            .into_iter()
            .filter_map(|r| serde_json::from_value::<passerelle_domain::Commitment>(r).ok())
            .filter(|c| c.is_overdue(today))
            .count();
        (all.into_iter().next().map(|d| d.values), overdue)
    } else {
        (None, 0)
    };
    let pages = page.total.div_ceil(u64::from(page.per_page.max(1))).max(1);
    let raw = raw.unwrap_or_default();
    render(
        &state,
        lang,
        &uri,
        "records.html",
        minijinja::context! {
            section => kind.as_str(),
            kind => kind.as_str(),
            // Where the list lives: figures are the Data page.
            list_path => if kind == Kind::Indicators { "data" } else { kind.as_str() },
            items => super::view::val(&page.items),
            total => page.total,
            page => page.page,
            pages => pages,
            facets => super::view::val(&facets),
            dashboard => super::view::val(&dashboard),
            overdue_count => overdue_count,
            year_from => filters::param(Some(&raw), "year_from"),
            year_to => filters::param(Some(&raw), "year_to"),
            page_query => format!("?{raw}"),
            export_query => query,
        },
    )
}

async fn record(
    state: AppState,
    lang: Lang,
    uri: Uri,
    headers: axum::http::HeaderMap,
    key: String,
    kind: Kind,
) -> ApiResult<Html<String>> {
    let r = state
        .store
        .get_json(kind, &key, false)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(format!("no {} with id or slug `{key}`", kind.noun()))
        })?;
    // Records this one points to, with their titles, for links.
    let mut linked = serde_json::Map::new();
    for (field, target) in [
        ("practices", Kind::Practices),
        ("agreements", Kind::Agreements),
    ] {
        let mut items = Vec::new();
        for id in r[field]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
        {
            if let Some(x) = state.store.get_json(target, id, false).await? {
                items.push(x);
            }
        }
        linked.insert(field.into(), items.into());
    }
    if let Some(event) = r["event"].as_str()
        && let Some(x) = state.store.get_json(Kind::Events, event, false).await?
    {
        linked.insert("event".into(), x);
    }
    render(
        &state,
        lang,
        &uri,
        "record.html",
        minijinja::context! {
            section => kind.as_str(),
            kind => kind.as_str(),
            jsonld => super::jsonld::describe(kind, &r, &super::agreements::page_url(&state, &headers, lang, kind, &r), lang),
            citation => super::jsonld::citation(&r, lang),
            history => super::view::val(super::history::of_record(&state, &headers, kind, r["id"].as_str().unwrap_or_default()).await?),
            r => super::view::val(&r),
            linked => super::view::val(&linked),
        },
    )
}

macro_rules! kind_pages {
    ($list:ident, $show:ident, $kind:expr) => {
        pub async fn $list(
            State(state): State<AppState>,
            Extension(lang): Extension<Lang>,
            uri: Uri,
            RawQuery(raw): RawQuery,
        ) -> ApiResult<Html<String>> {
            records(state, lang, uri, raw, $kind).await
        }

        pub async fn $show(
            State(state): State<AppState>,
            Extension(lang): Extension<Lang>,
            uri: Uri,
            headers: axum::http::HeaderMap,
            Path(key): Path<String>,
        ) -> ApiResult<Html<String>> {
            record(state, lang, uri, headers, key, $kind).await
        }
    };
}

kind_pages!(practices, practice, Kind::Practices);
kind_pages!(events, event, Kind::Events);
kind_pages!(commitments, commitment, Kind::Commitments);
kind_pages!(resources, resource, Kind::Resources);

/// Figures (indicators), listed with their sources; a figure's page is
/// its country's or corridor's profile.
pub async fn data(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> ApiResult<Html<String>> {
    records(state, lang, uri, raw, Kind::Indicators).await
}
