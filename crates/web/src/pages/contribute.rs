//! Contributing a practice from the pages: a signed-in person writes it,
//! saves it as a draft or submits it for review, and revises or withdraws
//! it until reviewers take it up. The same rules as the API apply
//! ([`passerelle_domain::Practice::contribute`]); the form covers the
//! fields a contributor knows, and keeps the others of a stored version.

use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use passerelle_domain::account::Permission;
use passerelle_domain::entity::Entity;
use passerelle_domain::text::{Link, Source, fold};
use passerelle_domain::{FieldError, Invalid, Lang, Practice, reference};
use serde_json::{Value, json};

use super::account::{SessionForm, field, signed_in_may};
use super::render;
use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiError, ApiResult};

/// The practice types, in the order the form offers them.
const TYPES: [&str; 5] = ["programme", "policy", "legislation", "tool", "partnership"];

/// What the form shows: the practice so far and what is wrong with it.
struct Sheet<'a> {
    practice: &'a Value,
    errors: &'a [FieldError],
    /// The stored practice's id when revising one.
    id: Option<&'a str>,
}

async fn sheet_page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    p: &Principal,
    sheet: Sheet<'_>,
    status: StatusCode,
) -> ApiResult<Response> {
    let mut countries: Vec<(String, String)> = reference::countries()
        .iter()
        .map(|c| (c.alpha2.clone(), c.names.get(lang).to_string()))
        .collect();
    countries.sort_by_cached_key(|(_, name)| fold(name));
    let objectives: Vec<u8> = reference::objectives().iter().map(|o| o.number).collect();
    let principles: Vec<&str> = reference::principles().iter().map(|p| p.id.id()).collect();
    // Field names of errors, for marking the inputs (`sources[0].url` marks
    // the source input).
    let invalid: Vec<String> = sheet
        .errors
        .iter()
        .map(|e| {
            e.field
                .split(['[', '.'])
                .next()
                .unwrap_or(&e.field)
                .to_string()
        })
        .collect();
    let html = render(
        state,
        lang,
        uri,
        "contribute.html",
        minijinja::context! {
            section => "practices",
            r => super::view::val(sheet.practice),
            id => sheet.id,
            errors => super::view::val(sheet.errors),
            invalid => invalid,
            csrf => p.csrf.clone(),
            types => TYPES,
            countries => countries,
            objectives => objectives,
            principles => principles,
        },
    )?;
    Ok((status, html).into_response())
}

/// The form's fields laid over `base` (a stored version, or nothing).
fn from_form(f: &[(String, String)], lang: Lang, base: Option<&Practice>) -> Value {
    let mut v = base
        .map(|b| serde_json::to_value(b).expect("practices serialise"))
        .unwrap_or_else(|| json!({}));
    let text = |name: &str| field(f, name).trim().to_string();
    let all = |name: &str| -> Vec<String> {
        f.iter()
            .filter(|(k, val)| k == name && !val.trim().is_empty())
            .map(|(_, val)| val.trim().to_string())
            .collect()
    };
    let code = lang.code();
    v["title"] = json!(text("title"));
    v["titles"][code] = json!(text("title"));
    v["summary"][code] = json!(text("summary"));
    v["type"] = json!(text("type"));
    v["countries"] = json!(all("countries"));
    // A number that does not parse is kept as text, so validation names it.
    v["objectives"] = all("objectives")
        .iter()
        .map(|o| o.parse::<u64>().map(Value::from).unwrap_or(json!(o)))
        .collect();
    v["principles"] = json!(all("principles"));
    v["implementing_entities"] = json!(
        text("implementing_entities")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
    );
    v["start_on"] = match text("start_on") {
        d if d.is_empty() => Value::Null,
        d => json!(d),
    };
    // The first link and source are the form's; further ones stay.
    let first = |list: &Value, new: Option<Value>| -> Value {
        let mut rest: Vec<Value> = list.as_array().cloned().unwrap_or_default();
        if !rest.is_empty() {
            rest.remove(0);
        }
        new.into_iter().chain(rest).collect()
    };
    let link = Some(text("link_url"))
        .filter(|u| !u.is_empty())
        .map(|url| json!(Link { url, title: None }));
    v["links"] = first(&v["links"], link);
    let source = Some(text("source_url"))
        .filter(|u| !u.is_empty())
        .map(|url| {
            json!(Source {
                url,
                title: Some(text("source_title")).filter(|t| !t.is_empty()),
                accessed_on: None,
            })
        });
    v["sources"] = first(&v["sources"], source);
    v["publication_status"] = json!(if field(f, "action") == "draft" {
        "draft"
    } else {
        "submitted"
    });
    // Empty texts and nulls are left out, as the API would have them.
    if let Some(o) = v.as_object_mut() {
        o.retain(|_, x| !x.is_null());
        for key in ["titles", "summary"] {
            if let Some(m) = o.get_mut(key).and_then(Value::as_object_mut) {
                m.retain(|_, t| t.as_str().is_some_and(|t| !t.is_empty()));
            }
        }
    }
    v
}

/// Reads and checks the form into a practice, or the errors to show.
fn practice_of(v: &Value) -> Result<Practice, Vec<FieldError>> {
    let practice: Practice =
        passerelle_domain::entity::from_json(v.clone()).map_err(|e: Invalid| e.0)?;
    practice.validate().map_err(|e| e.0)?;
    Ok(practice)
}

/// The practice `id` if `p` contributed it and may still change it.
async fn own(state: &AppState, p: &Principal, id: &str) -> ApiResult<Practice> {
    state
        .hub
        .contribution(&p.caller(), id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no practice `{id}` of yours")))
}

pub async fn new(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let Ok(p) = signed_in_may(&state, &headers, None, Permission::Submit).await else {
        return Ok(Redirect::to(&format!("/{}/sign-in", lang.code())).into_response());
    };
    let empty = json!({"type": "programme"});
    let sheet = Sheet {
        practice: &empty,
        errors: &[],
        id: None,
    };
    sheet_page(&state, lang, &uri, &p, sheet, StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent.may(Permission::Submit)?;
    let v = from_form(&f, lang, None);
    save(&state, lang, &uri, &p, v, None).await
}

pub async fn edit(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let p = signed_in_may(&state, &headers, None, Permission::Submit).await?;
    let practice = own(&state, &p, &id).await?;
    let mut v = serde_json::to_value(&practice).expect("practices serialise");
    // The form shows the title and summary in the page's language.
    if let Some(t) = practice.titles.get(lang) {
        v["title"] = json!(t);
    }
    let sheet = Sheet {
        practice: &v,
        errors: &[],
        id: Some(&id),
    };
    sheet_page(&state, lang, &uri, &p, sheet, StatusCode::OK).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path(id): Path<String>,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent.may(Permission::Submit)?;
    let before = own(&state, &p, &id).await?;
    let v = from_form(&f, lang, Some(&before));
    save(&state, lang, &uri, &p, v, Some(before)).await
}

pub async fn withdraw(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Path(id): Path<String>,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: _f } = sent.may(Permission::Submit)?;
    let practice = own(&state, &p, &id).await?;
    let id = practice.id.unwrap_or(id);
    state
        .hub
        .delete(&p.caller(), passerelle_domain::Kind::Practices, &id)
        .await?;
    Ok(Redirect::to(&format!("/{}/account?saved=withdrawn", lang.code())).into_response())
}

/// Stores the form as a new or revised contribution, or shows it again
/// with what is wrong.
async fn save(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    p: &Principal,
    v: Value,
    before: Option<Practice>,
) -> ApiResult<Response> {
    let id = before.as_ref().and_then(|b| b.id.clone());
    let saved = match practice_of(&v) {
        Ok(practice) => state
            .hub
            .submit(&p.caller(), id.as_deref(), practice)
            .await
            .map(drop),
        Err(errors) => Err(passerelle_hub::HubError::Invalid(Invalid(errors))),
    };
    match saved {
        Ok(()) => {}
        Err(passerelle_hub::HubError::Invalid(Invalid(errors))) => {
            let sheet = Sheet {
                practice: &v,
                errors: &errors,
                id: id.as_deref(),
            };
            return sheet_page(state, lang, uri, p, sheet, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/{}/account?saved=contribution", lang.code())).into_response())
}
