//! The JSON API under `/api/v1`: the same records as the pages, for scripts
//! and other tools. Reads are public (published records only, unless the
//! request carries a token); writes need the token.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use passerelle_domain::document::MAX_DOCUMENT_BYTES;
use passerelle_domain::entity::from_json;
use passerelle_domain::interchange::{csv_header_line, csv_rows};
use passerelle_domain::{AnyRecord, Invalid, Kind, StatusUpdate, reference};
use passerelle_hub::Upload;
use passerelle_store::AuditQuery;
use serde_json::{Value, json};

use crate::auth::{privileged, writer};
use crate::error::{ApiError, ApiResult, Code};
use crate::params::list_query;
use crate::{AppState, openapi};
use passerelle_domain::account::{Permission, allows};

/// Largest JSON body accepted.
pub const MAX_JSON_BYTES: usize = 2 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi_document))
        .route("/api/v1/stats", get(stats))
        .route("/api/v1/countries", get(countries))
        .route("/api/v1/countries/{code}", get(country))
        .route(
            "/api/v1/regions",
            get(|| async { Json(reference::regions()) }),
        )
        .route(
            "/api/v1/objectives",
            get(|| async { Json(reference::objectives()) }),
        )
        .route("/api/v1/objectives/{number}", get(objective))
        .route(
            "/api/v1/principles",
            get(|| async { Json(reference::principles()) }),
        )
        .route("/api/v1/sdgs", get(|| async { Json(reference::sdgs()) }))
        .route(
            "/api/v1/sectors",
            get(|| async { Json(reference::sectors()) }),
        )
        .route(
            "/api/v1/occupations",
            get(|| async { Json(reference::occupations()) }),
        )
        .route("/api/v1/audit", get(audit))
        .route("/api/v1/search", get(crate::search::search))
        .route(
            "/api/v1/assess",
            post(crate::assessment::assess)
                .layer(DefaultBodyLimit::max(crate::assessment::MAX_ASSESS_BYTES)),
        )
        .route("/api/v1/export/{kind}", get(export))
        .route("/api/v1/commitments/{id}/status", post(record_status))
        .route("/api/v1/practices/{id}/review", post(review_submission))
        .route(
            "/api/v1/corrections",
            get(crate::corrections::list).post(crate::corrections::create),
        )
        .route(
            "/api/v1/corrections/{id}/decision",
            post(crate::corrections::decide),
        )
        .route(
            "/api/v1/agreements/{id}/documents",
            get(list_documents)
                .post(upload_document)
                .layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES)),
        )
        .route("/api/v1/agreements/{id}/assessment", get(assessment))
        .route(
            "/api/v1/agreements/{id}/assessment/recompute",
            post(recompute),
        )
        .route(
            "/api/v1/agreements/{id}/assessment/findings/{element}",
            post(review),
        )
        .route(
            "/api/v1/documents/{id}",
            get(document).delete(delete_document),
        )
        .route("/api/v1/documents/{id}/content", get(document_content))
        .route("/api/v1/documents/{id}/text", get(document_text))
        .route("/api/v1/{kind}", get(list).post(create))
        .route("/api/v1/{kind}/{id}", get(read).put(update).delete(remove))
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
}

/// Anything else: a problem for API paths, a plain page otherwise.
pub async fn unknown(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError::not_found(format!(
            "no API endpoint at {}; see /api/v1/openapi.json",
            uri.path()
        ))
        .into_response()
    } else {
        (StatusCode::NOT_FOUND, axum::response::Html("<!doctype html><html lang=\"en\"><title>Not found</title><p>Page not found. <a href=\"/\">Passerelle home</a></p></html>")).into_response()
    }
}

fn kind(name: &str) -> ApiResult<Kind> {
    name.parse().map_err(ApiError::not_found)
}

async fn openapi_document() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        openapi::document(),
    )
        .into_response()
}

async fn stats(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let counts = state.store.counts().await?;
    let map: serde_json::Map<String, Value> = counts
        .into_iter()
        .map(|(k, n)| (k.as_str().to_string(), json!(n)))
        .collect();
    Ok(Json(
        json!({ "records": map, "backend": state.store.backend_name() }),
    ))
}

async fn countries(RawQuery(raw): RawQuery) -> ApiResult<Json<Value>> {
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

async fn country(Path(code): Path<String>) -> ApiResult<Json<Value>> {
    let c = reference::country(&code.to_ascii_uppercase()).ok_or_else(|| {
        ApiError::not_found(format!("no country with ISO 3166-1 alpha-2 code `{code}`"))
    })?;
    let regions: Vec<&reference::Region> = c.regions().filter_map(reference::region).collect();
    let mut value = json!(c);
    value["regions"] = json!(regions);
    Ok(Json(value))
}

async fn objective(Path(number): Path<String>) -> ApiResult<Json<Value>> {
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

async fn list(
    State(state): State<AppState>,
    Path(kind_name): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Value>> {
    let kind = kind(&kind_name)?;
    let mut q = list_query(kind, raw.as_deref(), &[]).map_err(ApiError::bad_query)?;
    q.include_private = privileged(&state, &headers).await;
    let page = state.store.list_json(kind, &q).await?;
    Ok(Json(json!(page)))
}

async fn export(
    State(state): State<AppState>,
    Path(kind_name): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Response> {
    let kind = kind(&kind_name)?;
    let format = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.to_string())
        .unwrap_or_else(|| "json".into());
    let mut q = list_query(kind, raw.as_deref(), &["format"]).map_err(ApiError::bad_query)?;
    q.include_private = privileged(&state, &headers).await;
    let (content_type, ext) = match format.as_str() {
        "csv" => ("text/csv; charset=utf-8", "csv"),
        "json" => ("application/json", "json"),
        other => {
            return Err(ApiError::bad_query(Invalid::one(
                "format",
                format!("`{other}` is not an export format: use csv or json"),
            )));
        }
    };
    let csv = ext == "csv";
    // The first page is read before answering, so that a failure is an
    // error status; the rest streams a page at a time, so a download of
    // the whole registry holds one page in memory, not the registry.
    q.page = 1;
    q.per_page = passerelle_store::MAX_PER_PAGE;
    let first = state.store.list_json(kind, &q).await?;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(2);
    let store = state.store.clone();
    tokio::spawn(async move {
        let mut items = first.items;
        let mut n = 0usize;
        let head = if csv {
            csv_header_line(kind)
        } else {
            "[\n".to_string()
        };
        if tx.send(Ok(Bytes::from(head))).await.is_err() {
            return;
        }
        loop {
            let last = items.len() < q.per_page as usize;
            let chunk = if csv {
                csv_rows(kind, &items)
            } else {
                let mut s = String::new();
                for r in &items {
                    if n > 0 {
                        s.push_str(",\n");
                    }
                    s.push_str(&serde_json::to_string(r).expect("JSON values serialize"));
                    n += 1;
                }
                s
            };
            // The reader left: stop reading the store for nobody.
            if tx.send(Ok(Bytes::from(chunk))).await.is_err() {
                return;
            }
            if last {
                break;
            }
            q.page += 1;
            match store.list_json(kind, &q).await {
                Ok(page) => items = page.items,
                Err(e) => {
                    // Headers are sent: the download ends short, with an
                    // error the client sees as a broken transfer.
                    tracing::error!(error = %e, "export stopped");
                    let _ = tx.send(Err(std::io::Error::other(e.to_string()))).await;
                    return;
                }
            }
        }
        if !csv {
            let _ = tx.send(Ok(Bytes::from_static(b"\n]\n"))).await;
        }
    });
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"passerelle-{kind}.{ext}\""),
            ),
        ],
        axum::body::Body::from_stream(Chunks(rx)),
    )
        .into_response())
}

/// The pages of a download, as the response body reads them.
struct Chunks(tokio::sync::mpsc::Receiver<Result<Bytes, std::io::Error>>);

impl futures_core::Stream for Chunks {
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

async fn read(
    State(state): State<AppState>,
    Path((kind_name, key)): Path<(String, String)>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    let kind = kind(&kind_name)?;
    let who = crate::auth::principal(&state, &headers)
        .await
        .ok()
        .flatten();
    let private = who
        .as_ref()
        .is_some_and(|p| allows(Some(p.role), Permission::ReadPrivate));
    let mut found = state.store.get_json(kind, &key, private).await?;
    // A contributor also sees their own contributions, whatever their state.
    if found.is_none()
        && let Some(p) = &who
    {
        found = state
            .store
            .get_json(kind, &key, true)
            .await?
            .filter(|r| r["submitted_by"].as_str() == Some(p.user.id.as_str()));
    }
    found
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no {} with id or slug `{key}`", kind.noun())))
}

/// Reads a JSON body into a record of `kind`; a bad field is a 422 naming it.
fn record_from(kind: Kind, headers: &HeaderMap, body: &[u8]) -> ApiResult<AnyRecord> {
    if let Some(ct) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    {
        let mime = ct.split(';').next().unwrap_or("").trim();
        if mime != "application/json" && !mime.ends_with("+json") {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Code::UnsupportedMediaType,
                "Unsupported media type",
                format!("send the record as application/json, not {mime}"),
            ));
        }
    }
    let value: Value = serde_json::from_slice(body).map_err(ApiError::malformed_json)?;
    if !value.is_object() {
        return Err(ApiError::invalid(Invalid::one(
            "body",
            format!("a {} is a JSON object", kind.noun()),
        )));
    }
    let record = AnyRecord::from_value(kind, value)?;
    record.validate()?;
    Ok(record)
}

/// Whether a JSON body names a publication status (a contribution
/// without one is submitted; see `Hub::create`).
fn says_status(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body)
        .ok()
        .is_some_and(|v| v.get("publication_status").is_some())
}

async fn create(
    State(state): State<AppState>,
    Path(kind_name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let kind = kind(&kind_name)?;
    let caller = crate::auth::signed_in(&state, &headers).await?;
    let record = record_from(kind, &headers, &body)?;
    let stored = state
        .hub
        .create(&caller, record, says_status(&body))
        .await?;
    let location = format!("/api/v1/{kind}/{}", stored.id().unwrap_or_default());
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(stored.to_value()),
    )
        .into_response())
}

async fn update(
    State(state): State<AppState>,
    Path((kind_name, key)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let kind = kind(&kind_name)?;
    let caller = crate::auth::signed_in(&state, &headers).await?;
    let record = record_from(kind, &headers, &body)?;
    let stored = state
        .hub
        .update(&caller, &key, record, says_status(&body))
        .await?;
    Ok(Json(stored.to_value()))
}

async fn remove(
    State(state): State<AppState>,
    Path((kind_name, key)): Path<(String, String)>,
    headers: HeaderMap,
) -> ApiResult<StatusCode> {
    let kind = kind(&kind_name)?;
    let caller = crate::auth::signed_in(&state, &headers).await?;
    state.hub.delete(&caller, kind, &key).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn record_status(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let caller = crate::auth::signed_in(&state, &headers).await?;
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let update: StatusUpdate = from_json(value)?;
    Ok(Json(json!(
        state.hub.record_status(&caller, &key, update).await?
    )))
}

/// A reviewer's decision on a submitted practice.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionReview {
    pub decision: passerelle_domain::practice::Decision,
    #[serde(default)]
    pub comment: Option<String>,
}

async fn review_submission(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let caller = crate::auth::signed_in(&state, &headers).await?;
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let review: SubmissionReview = from_json(value)?;
    let practice = state
        .hub
        .decide_submission(&caller, &key, review.decision, review.comment.as_deref())
        .await?;
    Ok(Json(json!(practice)))
}

async fn audit(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Value>> {
    writer(&state, &headers, Permission::ReadAudit).await?;
    let mut q = AuditQuery {
        limit: 100,
        ..Default::default()
    };
    for (k, v) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let bad = |m: String| ApiError::bad_query(Invalid::one(k.to_string(), m));
        match k.as_ref() {
            "kind" if passerelle_domain::audit::is_subject(&v) => q.kind = Some(v.to_string()),
            "kind" => {
                return Err(bad(format!(
                    "`{v}` is not a kind of record, `users` or `tokens`"
                )));
            }
            "record_id" => q.record_id = Some(v.to_string()),
            "actor" => q.actor = Some(v.to_string()),
            "after" => {
                q.after = Some(
                    v.parse()
                        .map_err(|_| bad(format!("`{v}` is not a sequence number")))?,
                )
            }
            "limit" => {
                q.limit = v
                    .parse()
                    .map_err(|_| bad(format!("`{v}` is not a number (1 to 1000)")))?
            }
            other => {
                return Err(bad(format!(
                    "unknown parameter `{other}`; known: kind, record_id, actor, after, limit"
                )));
            }
        }
    }
    Ok(Json(json!(state.store.audit_log(&q).await?)))
}

async fn list_documents(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    let privileged = privileged(&state, &headers).await;
    let agreement = state
        .store
        .get_json(Kind::Agreements, &key, privileged)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no agreement with id or slug `{key}`")))?;
    let id = agreement["id"].as_str().unwrap_or_default();
    // The public learns that a text that is not public exists, and when it
    // came: not its name, size or fingerprint, which can say what it is.
    let open = privileged || text_public(&agreement);
    let docs: Vec<Value> = state
        .store
        .documents(id)
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

/// Checks that the bytes are what the media type says, so a mislabelled
/// upload is refused before it is stored.
async fn upload_document(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> ApiResult<Response> {
    let caller = crate::auth::signed_in(&state, &headers).await?;
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
        .map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
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
            },
        )
        .await?;
    let location = format!("/api/v1/documents/{}", attached.document.id);
    let mut answer = json!(attached.document);
    match attached.assessment {
        Ok(saved) => {
            answer["assessment"] = json!({"coverage": saved.coverage, "language": saved.language,
                "url": format!("/api/v1/agreements/{}/assessment", saved.agreement_id)});
        }
        // The text is kept; the answer says why it has no assessment (a
        // scan, a file that takes too long to read).
        Err(e) => answer["assessment_error"] = json!(ApiError::from(e).detail),
    }
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(answer),
    )
        .into_response())
}

/// The id of a visible agreement given by id or slug, and the agreement.
async fn agreement_id(
    state: &AppState,
    headers: &HeaderMap,
    key: &str,
) -> ApiResult<(String, Value)> {
    let agreement = state
        .store
        .get_json(Kind::Agreements, key, privileged(state, headers).await)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no agreement with id or slug `{key}`")))?;
    Ok((
        agreement["id"].as_str().unwrap_or(key).to_string(),
        agreement,
    ))
}

/// An assessment as the API gives it: with the expectations of the
/// agreement's sector notes, read from the findings in force.
fn assessment_body(agreement: &Value, a: &passerelle_domain::assessment::Assessment) -> Value {
    let sectors = crate::assessment::sector_findings(agreement, a);
    let mut body = json!(a);
    if !sectors.is_empty() {
        body["sectors"] = json!(sectors);
    }
    body
}

async fn assessment(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    let privileged = privileged(&state, &headers).await;
    let agreement = state
        .store
        .get_json(Kind::Agreements, &key, privileged)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no agreement with id or slug `{key}`")))?;
    let id = agreement["id"].as_str().unwrap_or(&key).to_string();
    let mut a = state.store.assessment(&id).await?.ok_or_else(|| {
        ApiError::not_found(format!(
            "agreement `{key}` has no assessment yet: attach its text"
        ))
    })?;
    // The scorecard is public; the quoted clauses are the text, which may
    // not be.
    if !privileged && !text_public(&agreement) {
        for f in &mut a.findings {
            f.evidence = Value::Null;
        }
        a.clauses = Value::Null;
    }
    Ok(Json(assessment_body(&agreement, &a)))
}

async fn review(
    State(state): State<AppState>,
    Path((key, element)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let caller = crate::auth::signed_in(&state, &headers).await?;
    let (id, agreement) = agreement_id(&state, &headers, &key).await?;
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let decision: passerelle_domain::assessment::Review = from_json(value)?;
    let a = state.hub.review(&caller, &id, &element, &decision).await?;
    Ok(Json(assessment_body(&agreement, &a)))
}

/// Re-runs the machine on the assessed document with the current rubric;
/// reviewers' decisions are kept.
async fn recompute(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    let caller = crate::auth::signed_in(&state, &headers).await?;
    let (id, agreement) = agreement_id(&state, &headers, &key).await?;
    let a = state.hub.recompute(&caller, &id).await?;
    Ok(Json(assessment_body(&agreement, &a)))
}

/// A document, if the caller may see the agreement it belongs to.
async fn visible_document(
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

/// Whether an agreement's texts may be read by anyone.
fn text_public(agreement: &Value) -> bool {
    agreement["text_public"].as_bool().unwrap_or(false)
}

async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(visible_document(&state, &headers, &id).await?)))
}

/// The text read from a document (what the assessment quotes), as UTF-8
/// plain text; a document not read yet has none.
async fn document_text(
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

async fn document_content(
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

async fn delete_document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<StatusCode> {
    let caller = crate::auth::signed_in(&state, &headers).await?;
    state.hub.detach(&caller, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
