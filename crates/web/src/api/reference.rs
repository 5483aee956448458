//! Reference data: countries, regions, GCM objectives and principles,
//! SDGs, sectors, occupations, and the registry's counts.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use passerelle_domain::{Invalid, reference};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::{ApiError, ApiResult};

pub(super) async fn stats(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let counts = state.store.counts().await?;
    let map: serde_json::Map<String, Value> = counts
        .into_iter()
        .map(|(k, n)| (k.as_str().to_string(), json!(n)))
        .collect();
    Ok(Json(
        json!({ "records": map, "backend": state.store.backend_name() }),
    ))
}

pub(super) async fn countries(RawQuery(raw): RawQuery) -> ApiResult<Json<Value>> {
    let mut region = None;
    for (k, v) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "region" if reference::region(&v).is_some() => region = Some(v.to_string()),
            "region" => {
                return Err(ApiError::bad_query(Invalid::one(
                    "region",
                    format!("`{v}` is not a UN M49 region code"),
                )));
            }
            other => {
                return Err(ApiError::bad_query(Invalid::one(
                    other,
                    "unknown parameter; known: region",
                )));
            }
        }
    }
    let list: Vec<&reference::Country> = match &region {
        Some(r) => reference::countries_in_region(r).collect(),
        None => reference::countries().iter().collect(),
    };
    Ok(Json(json!(list)))
}

pub(super) async fn country(Path(code): Path<String>) -> ApiResult<Json<Value>> {
    let c = reference::country(&code.to_ascii_uppercase()).ok_or_else(|| {
        ApiError::not_found(format!("no country with ISO 3166-1 alpha-2 code `{code}`"))
    })?;
    let regions: Vec<&reference::Region> = c.regions().filter_map(reference::region).collect();
    let mut value = json!(c);
    value["regions"] = json!(regions);
    Ok(Json(value))
}

pub(super) async fn objective(Path(number): Path<String>) -> ApiResult<Json<Value>> {
    number
        .parse::<u8>()
        .ok()
        .and_then(reference::objective)
        .map(|o| Json(json!(o)))
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "no GCM objective `{number}`: objectives are numbered 1 to 23"
            ))
        })
}
