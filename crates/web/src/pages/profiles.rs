//! Country and corridor profiles: agreements as origin and destination,
//! partners on a map, agreements per year, and the practices and
//! commitments that involve the country.

use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::Uri;
use axum::response::Html;
use passerelle_domain::{Kind, Lang, reference};
use passerelle_search::SearchRequest;
use serde::Serialize;

use super::{charts, i18n, render};
use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::params::list_query;

/// Facet counts of the records of `kind` matching `filters`.
fn counts(
    state: &AppState,
    lang: Lang,
    kind: Kind,
    filters: &[(&str, &str)],
) -> ApiResult<std::collections::BTreeMap<String, Vec<passerelle_search::FacetCount>>> {
    let mut f: Vec<(String, String)> = vec![("kind".into(), kind.as_str().into())];
    f.extend(filters.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let req = SearchRequest {
        filters: f,
        limit: 1,
        count: false,
        facet_values: 400,
        lang,
        ..SearchRequest::default()
    };
    Ok(state.search.search(&req)?.facets)
}

async fn records(state: &AppState, kind: Kind, query: &str) -> ApiResult<Vec<serde_json::Value>> {
    let q = list_query(kind, Some(query), &[]).map_err(ApiError::bad_query)?;
    Ok(state.store.list_json(kind, &q).await?.items)
}

/// One indicator for one place over the years, with its sources.
#[derive(Serialize)]
struct Series {
    indicator: String,
    origin: Option<String>,
    destination: Option<String>,
    country: Option<String>,
    unit: String,
    points: Vec<(i64, f64)>,
    chart: String,
    sources: Vec<serde_json::Value>,
    notes: Vec<String>,
}

/// The figures that involve `country` (as the place, the origin or the
/// destination), one series per indicator and place, by year.
async fn figures(state: &AppState, lang: Lang, query: &str) -> ApiResult<Vec<Series>> {
    let rows = records(state, Kind::Indicators, query).await?;
    let mut out: Vec<Series> = Vec::new();
    for r in rows {
        let s = |k: &str| r[k].as_str().map(str::to_string);
        let key = (
            s("indicator").unwrap_or_default(),
            s("origin"),
            s("destination"),
            s("country"),
            s("unit").unwrap_or_default(),
        );
        let i = match out.iter().position(|x| {
            (&x.indicator, &x.origin, &x.destination, &x.country, &x.unit)
                == (&key.0, &key.1, &key.2, &key.3, &key.4)
        }) {
            Some(i) => i,
            None => {
                out.push(Series {
                    indicator: key.0,
                    origin: key.1,
                    destination: key.2,
                    country: key.3,
                    unit: key.4,
                    points: Vec::new(),
                    chart: String::new(),
                    sources: Vec::new(),
                    notes: Vec::new(),
                });
                out.len() - 1
            }
        };
        let series = &mut out[i];
        if let (Some(y), Some(v)) = (r["year"].as_i64(), r["value"].as_f64()) {
            series.points.push((y, v));
        }
        if !r["source"].is_null() && !series.sources.contains(&r["source"]) {
            series.sources.push(r["source"].clone());
        }
        if let Some(n) = r
            .get("note")
            .and_then(|n| serde_json::from_value::<passerelle_domain::LocalText>(n.clone()).ok())
        {
            let text = super::view::isolate_latin(lang, n.best(lang).0);
            series.notes.push(format!("{}: {text}", r["year"]));
        }
    }
    for series in &mut out {
        series.points.sort_by_key(|p| p.0);
        let bars: Vec<(i64, u64)> = series
            .points
            .iter()
            .map(|&(y, v)| (y, v.max(0.0).round() as u64))
            .collect();
        let label = format!(
            "{} ({})",
            super::view::indicator_label(lang, &series.indicator),
            super::view::unit_label(lang, &series.unit)
        );
        series.chart = charts::bars(&bars, &label, lang);
    }
    Ok(out)
}

#[derive(Serialize)]
struct CountryRow {
    code: String,
    name: String,
    agreements: u64,
    records: u64,
    /// The year a GCM Champion country joined (or was first named).
    champion: Option<u16>,
}

pub async fn countries(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> ApiResult<Html<String>> {
    // `?champion=1`: the GCM Champion countries only, with or without records.
    let champions_only = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .any(|(k, v)| k == "champion" && matches!(v.as_ref(), "1" | "true" | "yes"));
    let agreements = counts(&state, lang, Kind::Agreements, &[])?;
    let mut rows: Vec<CountryRow> = Vec::new();
    for kind in [
        Kind::Agreements,
        Kind::Practices,
        Kind::Events,
        Kind::Commitments,
        Kind::Resources,
    ] {
        let c = if kind == Kind::Agreements {
            agreements.clone()
        } else {
            counts(&state, lang, kind, &[])?
        };
        for fc in c.get("country").into_iter().flatten() {
            let Some(country) = reference::country(&fc.code) else {
                continue;
            };
            let row = match rows.iter_mut().position(|r| r.code == fc.code) {
                Some(i) => &mut rows[i],
                None => {
                    rows.push(CountryRow {
                        code: fc.code.clone(),
                        name: country.names.get(lang).to_string(),
                        agreements: 0,
                        records: 0,
                        champion: reference::champion(&fc.code).map(|c| c.since),
                    });
                    rows.last_mut().expect("just pushed")
                }
            };
            row.records += fc.count;
            if kind == Kind::Agreements {
                row.agreements = fc.count;
            }
        }
    }
    if champions_only {
        rows.retain(|r| r.champion.is_some());
        for c in reference::champions() {
            if !rows.iter().any(|r| r.code == c.country)
                && let Some(country) = reference::country(&c.country)
            {
                rows.push(CountryRow {
                    code: c.country.clone(),
                    name: country.names.get(lang).to_string(),
                    agreements: 0,
                    records: 0,
                    champion: Some(c.since),
                });
            }
        }
    }
    rows.sort_by(|a, b| {
        passerelle_domain::text::fold(&a.name).cmp(&passerelle_domain::text::fold(&b.name))
    });
    render(
        &state,
        lang,
        &uri,
        "countries.html",
        minijinja::context! {
            section => "countries",
            rows => super::view::val(&rows),
            champions_only => champions_only,
            champions => reference::champions().len(),
            champions_source => reference::CHAMPIONS_PAGE,
        },
    )
}

/// Agreements per year, as (year, count) sorted by year.
fn per_year(
    facets: &std::collections::BTreeMap<String, Vec<passerelle_search::FacetCount>>,
) -> Vec<(i64, u64)> {
    let mut years: Vec<(i64, u64)> = facets
        .get("year")
        .into_iter()
        .flatten()
        .filter_map(|c| Some((c.code.parse().ok()?, c.count)))
        .collect();
    years.sort();
    years
}

pub async fn country(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path(code): Path<String>,
) -> ApiResult<Html<String>> {
    let code = code.to_ascii_uppercase();
    let c = reference::country(&code)
        .ok_or_else(|| ApiError::not_found(format!("no country with code `{code}`")))?;
    let facets = counts(&state, lang, Kind::Agreements, &[("country", &code)])?;
    // Partners: countries this one has a corridor with, either way.
    let pairs = charts::pairs(&state, lang, Some(&code), 400)?;
    let partners: Vec<(String, u64)> = pairs
        .iter()
        .map(|(a, b, n)| (if *a == code { b.clone() } else { a.clone() }, *n))
        .collect();
    let years = per_year(&facets);
    let name = c.names.get(lang).to_string();
    let chart_label = i18n::tr(lang, "chart-per-year", &[]);
    let ctx = minijinja::context! {
        section => "countries",
        code => code.clone(),
        name => name,
        regions => c.regions().map(str::to_string).collect::<Vec<_>>(),
        champion => super::view::val(reference::champion(&code)),
        as_origin => super::view::val(records(&state, Kind::Agreements, &format!("origin={code}&per_page=100")).await?),
        as_destination => super::view::val(records(&state, Kind::Agreements, &format!("destination={code}&per_page=100")).await?),
        partners => super::view::val(&partners),
        map => charts::partners_map(&code, None, &pairs, lang),
        chart => charts::bars(&years, &chart_label, lang),
        years => super::view::val(&years),
        practices => super::view::val(records(&state, Kind::Practices, &format!("country={code}&per_page=20")).await?),
        commitments => super::view::val(records(&state, Kind::Commitments, &format!("country={code}&per_page=20")).await?),
        figures => super::view::val(figures(&state, lang, &format!("country={code}&per_page=500")).await?),
    };
    render(&state, lang, &uri, "country.html", ctx)
}

pub async fn corridor(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path(pair): Path<String>,
) -> ApiResult<Html<String>> {
    let pair = pair.to_ascii_uppercase();
    // A corridor runs from one country to another: what the lists, the
    // maps and the API call `corridor=MA-ES` (see `IndexEntry::corridors`).
    let (o, d) = pair
        .split_once('-')
        .filter(|(o, d)| {
            o != d && reference::country(o).is_some() && reference::country(d).is_some()
        })
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "`{pair}` is not a corridor: give two different country codes as MA-ES"
            ))
        })?;
    let this = format!("{o}-{d}");
    let facets = counts(&state, lang, Kind::Agreements, &[("corridor", &this)])?;
    let years = per_year(&facets);
    let chart_label = i18n::tr(lang, "chart-per-year", &[]);
    let name = |c: &str| {
        reference::country(c)
            .map(|c| c.names.get(lang).to_string())
            .unwrap_or_default()
    };
    let ctx = minijinja::context! {
        section => "countries",
        corridor => true,
        origin => o,
        destination => d,
        name => i18n::tr(lang, "corridor-title", &[("origin", name(o).into()), ("destination", name(d).into())]),
        agreements => super::view::val(records(&state, Kind::Agreements, &format!("corridor={this}&per_page=100")).await?),
        map => charts::partners_map(o, Some(d), &charts::pairs(&state, lang, Some(o), 400)?, lang),
        chart => charts::bars(&years, &chart_label, lang),
        years => super::view::val(&years),
        practices => super::view::val(records(&state, Kind::Practices, &format!("between={o},{d}&per_page=20")).await?),
        figures => super::view::val(figures(&state, lang, &format!("corridor={this}&per_page=500")).await?),
    };
    render(&state, lang, &uri, "country.html", ctx)
}
