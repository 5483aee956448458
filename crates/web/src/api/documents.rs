//! The texts attached to agreements: upload (read and assessed on the way
//! in), metadata, the file, the text read from it, removal.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::entity::from_json;
use passerelle_domain::{Invalid, Kind};
use passerelle_hub::Upload;
use serde_json::{Value, json};

use super::text_public;
use crate::AppState;
use crate::auth::privileged;
use crate::error::{ApiError, ApiResult};

pub(super) async fn list_documents(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    let (id, agreement, privileged) = super::visible_agreement(&state, &headers, &key).await?;
    // The public learns that a text that is not public exists, and when it
    // came: not its name, size or fingerprint, which can say what it is.
    let open = privileged || text_public(&agreement);
    let docs: Vec<Value> = state
        .store
        .documents(&id)
        .await?
        .into_iter()
        .map(|mut d| {
            d.text = None;
            if open {
                json!(d)
            } else {
                json!({"id": d.id, "agreement_id": d.agreement_id, "media_type": d.media_type,
                    "language": d.language, "created_at": d.created_at, "text_public": false})
            }
        })
        .collect();
    Ok(Json(json!(docs)))
}

pub(super) async fn upload_document(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path(key): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> ApiResult<Response> {
    let mut file_name = None;
    let mut language = None;
    for (k, v) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "file_name" => file_name = Some(v.to_string()),
            "language" => language = Some(v.to_string()),
            other => {
                return Err(ApiError::bad_query(Invalid::one(
                    other,
                    "unknown parameter; known: file_name, language",
                )));
            }
        }
    }
    let file_name = file_name
        .filter(|f| !f.trim().is_empty() && f.len() <= 255 && !f.contains(['/', '\\']))
        .ok_or_else(|| {
            ApiError::bad_query(Invalid::one(
                "file_name",
                "give the file's name (no folders), e.g. ?file_name=accord.pdf",
            ))
        })?;
    if let Some(l) = &language
        && !passerelle_domain::validation::is_language(l)
    {
        return Err(ApiError::bad_query(Invalid::one(
            "language",
            format!("`{l}` is not an ISO 639-1 language code (e.g. fr, ar)"),
        )));
    }
    if file_name.starts_with('-') {
        return Err(ApiError::bad_query(Invalid::one(
            "file_name",
            "a file's name does not start with `-`",
        )));
    }
    let media_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(passerelle_domain::document::media_type_of)
        .unwrap_or_default();
    let attached = state
        .hub
        .attach(
            &caller,
            &key,
            Upload {
                file_name: &file_name,
                media_type: &media_type,
                language: language.as_deref(),
                bytes: body,
                source_url: None,
            },
        )
        .await?;
    Ok(created(attached))
}

/// A text fetched from an address the editor gives.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FetchRequest {
    /// The text's official address (http or https; a PDF, DOCX, HTML page
    /// or plain text), e.g. a gazette's permanent link.
    pub url: String,
    /// ISO 639-1 code of the text's language, if known.
    #[serde(default)]
    pub language: Option<String>,
}

pub(super) async fn fetch_document(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path(key): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let asked: FetchRequest = from_json(value)?;
    if let Some(l) = &asked.language
        && !passerelle_domain::validation::is_language(l)
    {
        return Err(ApiError::invalid(Invalid::one(
            "language",
            format!("`{l}` is not an ISO 639-1 language code (e.g. fr, ar)"),
        )));
    }
    let attached = state
        .hub
        .attach_from(&caller, &key, &asked.url, asked.language.as_deref())
        .await?;
    Ok(created(attached))
}

/// 201 with the stored document and its assessment's coverage, or why
/// there is none (the text is kept either way: a scan, a file that takes
/// too long to read).
fn created(attached: passerelle_hub::Attached) -> Response {
    let location = format!("/api/v1/documents/{}", attached.document.id);
    let mut answer = json!(attached.document);
    match attached.assessment {
        Ok(saved) => {
            answer["assessment"] = json!({"coverage": saved.coverage, "language": saved.language,
                "url": format!("/api/v1/agreements/{}/assessment", saved.agreement_id)});
        }
        Err(e) => answer["assessment_error"] = json!(ApiError::from(e).detail),
    }
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(answer),
    )
        .into_response()
}

/// A document, if the caller may see the agreement it belongs to.
pub(super) async fn visible_document(
    state: &AppState,
    headers: &HeaderMap,
    id: &str,
) -> ApiResult<passerelle_domain::Document> {
    let missing = || ApiError::not_found(format!("no document `{id}`"));
    let doc = state.store.document(id).await?.ok_or_else(missing)?;
    let privileged = privileged(state, headers).await;
    let agreement = state
        .store
        .get_json(Kind::Agreements, &doc.agreement_id, privileged)
        .await?
        .ok_or_else(missing)?;
    if !privileged && !text_public(&agreement) {
        return Err(ApiError::text_not_public(&doc.agreement_id));
    }
    Ok(doc)
}

pub(super) async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(visible_document(&state, &headers, &id).await?)))
}

/// The text read from a document (what the assessment quotes), as UTF-8
/// plain text; a document not read yet has none.
pub(super) async fn document_text(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let doc = visible_document(&state, &headers, &id).await?;
    let text = doc.text.ok_or_else(|| {
        ApiError::not_found(format!(
            "document `{id}` has no text read from it yet; its file is at /api/v1/documents/{id}/content"
        ))
    })?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response())
}

pub(super) async fn document_content(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let doc = visible_document(&state, &headers, &id).await?;
    let bytes =
        state.store.blob(&doc.sha256).await?.ok_or_else(|| {
            ApiError::not_found(format!("the content of document `{id}` is missing"))
        })?;
    let safe_name: String = doc
        .file_name
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, doc.media_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{safe_name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub(super) async fn delete_document(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    state.hub.detach(&caller, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
