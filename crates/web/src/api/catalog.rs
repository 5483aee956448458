//! Open data others can harvest: a DCAT 3 catalogue in JSON-LD
//! (`GET /api/v1/catalog`) naming one dataset per kind of record with its
//! distributions (the machine CSV and JSON, the spreadsheets, the data
//! package), licence, publisher, last change, time covered and size; and
//! each list's selection as a Frictionless Data Package
//! (`format=datapackage`): a zip of `datapackage.json`, whose Table Schema
//! is the interchange module's (`interchange::table_schema`), and the
//! machine CSV.

use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::interchange::table_schema;
use passerelle_domain::{Kind, Lang};
use passerelle_store::{ListQuery, Sort};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;

/// A text in the four languages, as JSON-LD language maps read it.
fn in_every_language(key: &str) -> Value {
    Value::Array(
        Lang::ALL
            .iter()
            .map(|&l| json!({"@language": l.code(), "@value": super::sheets::words(l, key)}))
            .collect(),
    )
}

/// The first records of the public list in `sort` order, and the count.
async fn first(state: &AppState, kind: Kind, sort: Sort, n: u32) -> ApiResult<(Vec<Value>, u64)> {
    let q = ListQuery {
        sort,
        per_page: n,
        ..ListQuery::default()
    };
    let page = state.store.list_json(kind, &q).await?;
    Ok((page.items, page.total))
}

/// The first date among `records` by which the list sorts them (the
/// store's sort date: signature, start, publication); undated records,
/// which sort apart, are passed over.
fn date_of(kind: Kind, records: &[Value]) -> Option<String> {
    records.iter().find_map(|r| {
        passerelle_domain::AnyRecord::from_value(kind, r.clone())
            .ok()?
            .index()
            .date
    })
}

pub(super) async fn catalog(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let base = crate::pages::sitemap::public_base(&state, &headers);
    let licence = state.site.data_licence().to_string();
    let publisher = {
        let names = |l: &passerelle_domain::text::Localized| {
            Lang::ALL
                .iter()
                .filter_map(|&lang| {
                    l.get(lang)
                        .filter(|s| !s.trim().is_empty())
                        .map(|s| json!({"@language": lang.code(), "@value": s}))
                })
                .collect::<Vec<_>>()
        };
        let mut n = names(&state.site.organisation);
        if n.is_empty() {
            n = names(&state.site.name);
        }
        if n.is_empty() {
            n.push(json!("Passerelle"));
        }
        json!({"@type": "foaf:Agent", "foaf:name": n})
    };
    let mut datasets = Vec::new();
    for kind in Kind::ALL {
        let (newest, count) = first(&state, kind, Sort::UpdatedDesc, 1).await?;
        let (earliest, _) = first(&state, kind, Sort::DateAsc, 100).await?;
        let (latest, _) = first(&state, kind, Sort::DateDesc, 100).await?;
        let export = format!("{base}/api/v1/export/{kind}");
        let distribution = |format: &str, media: &str, what: &str| {
            json!({
                "@type": "dcat:Distribution",
                "dct:title": what,
                "dcat:downloadURL": {"@id": format!("{export}?format={format}")},
                "dcat:mediaType": {"@id": format!("https://www.iana.org/assignments/media-types/{media}")},
                "dct:license": {"@id": licence},
            })
        };
        let mut dataset = json!({
            "@id": format!("{base}/api/v1/catalog#{kind}"),
            "@type": "dcat:Dataset",
            "dct:identifier": kind.as_str(),
            "dct:title": in_every_language(&super::sheets::list_title_key(kind)),
            "dct:description": in_every_language(&format!("{kind}-lead")),
            "dct:publisher": publisher,
            "dct:license": {"@id": licence},
            "dcat:landingPage": {"@id": format!("{base}/en/{kind}")},
            "dcat:distribution": [
                distribution("csv", "text/csv", "CSV, one column per field (re-importable)"),
                distribution("json", "application/json", "JSON records (re-importable)"),
                distribution("datapackage", "application/zip", "Frictionless Data Package (CSV with its Table Schema)"),
                distribution("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Spreadsheet, labelled in English (lang=fr, es or ar for others)"),
                distribution("csv-excel", "text/csv", "CSV for spreadsheets, labelled in English (lang=fr, es or ar for others)"),
            ],
            "passerelle:records": count,
        });
        if let Some(modified) = newest.first().and_then(|r| r["updated_at"].as_str()) {
            dataset["dct:modified"] = json!({"@value": modified, "@type": "xsd:dateTime"});
        }
        if let (Some(start), Some(end)) = (date_of(kind, &earliest), date_of(kind, &latest)) {
            dataset["dct:temporal"] = json!({
                "@type": "dct:PeriodOfTime",
                "dcat:startDate": start,
                "dcat:endDate": end,
            });
        }
        datasets.push(dataset);
    }
    let catalogue = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "passerelle": format!("{base}/api/v1/catalog#"),
        },
        "@id": format!("{base}/api/v1/catalog"),
        "@type": "dcat:Catalog",
        "dct:title": in_every_language("catalog-title"),
        "dct:description": in_every_language("home-lead"),
        "dct:publisher": publisher,
        "dct:license": {"@id": licence},
        "foaf:homepage": {"@id": format!("{base}/")},
        "dcat:dataset": datasets,
    });
    Ok((
        [(header::CONTENT_TYPE, "application/ld+json")],
        serde_json::to_string_pretty(&catalogue).expect("JSON values serialize"),
    )
        .into_response())
}

/// `datapackage.json` for a file of `kind`'s records (`{kind}.csv`).
pub(super) fn descriptor(kind: Kind, base: &str, licence: &str, title: &str) -> Value {
    json!({
        "name": format!("passerelle-{kind}"),
        "title": title,
        "homepage": format!("{base}/en/{kind}"),
        "licenses": [{"path": licence, "name": licence_name(licence)}],
        "resources": [{
            "name": kind.as_str(),
            "path": format!("{kind}.csv"),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": table_schema(kind),
        }],
    })
}

/// A licence's short name where the address is a known one.
fn licence_name(url: &str) -> &str {
    if url.contains("creativecommons.org/licenses/by/4.0") {
        "CC-BY-4.0"
    } else if url.contains("creativecommons.org/publicdomain/zero/1.0") {
        "CC0-1.0"
    } else if url.contains("opendatacommons.org/licenses/odbl") {
        "ODbL-1.0"
    } else {
        "other"
    }
}
