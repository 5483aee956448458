//! Records of every kind: lists, downloads, one record, and the writes
//! (create, replace, delete, a commitment's status, a submission's review).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::entity::from_json;
use passerelle_domain::interchange::{csv_header_line, csv_rows};
use passerelle_domain::{AnyRecord, Invalid, Kind, Lang, StatusUpdate};
use serde_json::{Value, json};

use super::{kind, sheets};
use crate::AppState;
use crate::auth::privileged;
use crate::error::{ApiError, ApiResult, Code};
use crate::params::list_query;
use passerelle_domain::account::{Permission, allows};

pub(super) async fn list(
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

pub(super) async fn export(
    State(state): State<AppState>,
    Path(kind_name): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Response> {
    let kind = kind(&kind_name)?;
    let param = |name: &str| {
        form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.to_string())
    };
    let format = param("format").unwrap_or_else(|| "json".into());
    let lang = match param("lang") {
        None => Lang::En,
        Some(code) => Lang::parse(&code).ok_or_else(|| {
            ApiError::bad_query(Invalid::one(
                "lang",
                format!("`{code}` is not a language of the hub: use fr, en, es or ar"),
            ))
        })?,
    };
    let mut q =
        list_query(kind, raw.as_deref(), &["format", "lang"]).map_err(ApiError::bad_query)?;
    q.include_private = privileged(&state, &headers).await;
    let base = crate::pages::sitemap::public_base(&state, &headers);
    if let Some(sheet) = sheets::Sheet::parse(&format) {
        return spreadsheet(state, kind, q, sheet, lang, base).await;
    }
    if format == "datapackage" {
        return datapackage(state, kind, q, base).await;
    }
    let (content_type, ext) = match format.as_str() {
        "csv" => ("text/csv; charset=utf-8", "csv"),
        "json" => ("application/json", "json"),
        other => {
            return Err(ApiError::bad_query(Invalid::one(
                "format",
                format!(
                    "`{other}` is not an export format: use csv or json (machine-readable, for re-import), datapackage (the CSV with its Table Schema), xlsx or csv-excel (for spreadsheets, with lang)"
                ),
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
    Ok(download(
        content_type,
        &format!("passerelle-{kind}.{ext}"),
        axum::body::Body::from_stream(Chunks(rx)),
    ))
}

/// The pages of a list's selection after the first, read from the store
/// by a task and handed over a bounded channel to a writer off the async
/// threads; a store failure is the last thing sent, so that a writer never
/// takes a short download for a whole one.
fn record_pages(
    state: &AppState,
    kind: Kind,
    mut q: passerelle_store::ListQuery,
    first: Vec<Value>,
) -> std::sync::mpsc::Receiver<Result<Vec<Value>, String>> {
    let store = state.store.clone();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Vec<Value>, String>>(2);
    tokio::spawn(async move {
        let mut items = first;
        loop {
            let last = items.len() < q.per_page as usize;
            let sent = tx.clone();
            // A full channel waits off the async threads.
            let gone = tokio::task::spawn_blocking(move || sent.send(Ok(items)).is_err())
                .await
                .unwrap_or(true);
            if gone || last {
                return;
            }
            q.page += 1;
            match store.list_json(kind, &q).await {
                Ok(page) => items = page.items,
                Err(e) => {
                    tracing::error!(error = %e, "export stopped");
                    let sent = tx.clone();
                    let _ =
                        tokio::task::spawn_blocking(move || sent.send(Err(e.to_string()))).await;
                    return;
                }
            }
        }
    });
    rx
}

/// The first page of a download, read before answering so that a failure
/// is an error status, with the query set to read the rest page by page.
async fn first_page(
    state: &AppState,
    kind: Kind,
    q: &mut passerelle_store::ListQuery,
) -> ApiResult<Vec<Value>> {
    q.page = 1;
    q.per_page = passerelle_store::MAX_PER_PAGE;
    Ok(state.store.list_json(kind, q).await?.items)
}

/// A list's selection as a spreadsheet (see `sheets`), in `lang`: the CSV
/// streams, the workbook is written row by row in constant memory.
async fn spreadsheet(
    state: AppState,
    kind: Kind,
    mut q: passerelle_store::ListQuery,
    sheet: sheets::Sheet,
    lang: Lang,
    base: String,
) -> ApiResult<Response> {
    let first = first_page(&state, kind, &mut q).await?;
    let pages = record_pages(&state, kind, q, first);
    let header = sheets::header(kind, lang);
    let file = format!("passerelle-{kind}-{}", lang.code());
    match sheet {
        sheets::Sheet::CsvExcel => {
            let sep = sheets::separator(lang);
            let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(2);
            tokio::task::spawn_blocking(move || {
                // The byte order mark tells spreadsheet programs it is UTF-8.
                let head = format!("\u{feff}{}", sheets::csv_line(&header, sep));
                if tx.blocking_send(Ok(Bytes::from(head))).is_err() {
                    return;
                }
                for page in pages {
                    let chunk = match page {
                        Ok(records) => Ok(Bytes::from(
                            records
                                .iter()
                                .map(|r| sheets::csv_line(&sheets::row(kind, r, lang, &base), sep))
                                .collect::<String>(),
                        )),
                        // The transfer breaks: never a short file as a whole one.
                        Err(e) => Err(std::io::Error::other(e)),
                    };
                    if tx.blocking_send(chunk).is_err() {
                        return;
                    }
                }
            });
            Ok(download(
                "text/csv; charset=utf-8",
                &format!("{file}.csv"),
                axum::body::Body::from_stream(Chunks(rx)),
            ))
        }
        sheets::Sheet::Xlsx => {
            let title = plain_title(kind, lang);
            let rtl = lang == Lang::Ar;
            let book = tokio::task::spawn_blocking(move || {
                let failed = std::cell::RefCell::new(None);
                let rows = pages
                    .into_iter()
                    .map_while(|page| match page {
                        Ok(records) => Some(records),
                        Err(e) => {
                            *failed.borrow_mut() = Some(e);
                            None
                        }
                    })
                    .flatten()
                    .map(|r| sheets::row(kind, &r, lang, &base));
                let book = sheets::xlsx(&title, &header, rows, rtl).map_err(|e| e.to_string());
                match failed.into_inner() {
                    Some(e) => Err(e),
                    None => book,
                }
            })
            .await
            .map_err(|e| workbook_failed(e.to_string()))?
            .map_err(workbook_failed)?;
            Ok(download(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{file}.xlsx"),
                book.into(),
            ))
        }
    }
}

/// A list's selection as a Frictionless Data Package: a zip of
/// `datapackage.json` and the machine CSV, written off the async threads
/// (the zip holds the compressed file, not the records).
async fn datapackage(
    state: AppState,
    kind: Kind,
    mut q: passerelle_store::ListQuery,
    base: String,
) -> ApiResult<Response> {
    let first = first_page(&state, kind, &mut q).await?;
    let pages = record_pages(&state, kind, q, first);
    let descriptor = super::catalog::descriptor(
        kind,
        &base,
        state.site.data_licence(),
        &plain_title(kind, Lang::En),
    );
    let zip = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, String> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let io = |e: std::io::Error| e.to_string();
        zip.start_file("datapackage.json", opts)
            .map_err(|e| e.to_string())?;
        zip.write_all(
            serde_json::to_string_pretty(&descriptor)
                .expect("JSON values serialize")
                .as_bytes(),
        )
        .map_err(io)?;
        zip.start_file(format!("{kind}.csv"), opts)
            .map_err(|e| e.to_string())?;
        zip.write_all(csv_header_line(kind).as_bytes())
            .map_err(io)?;
        for page in pages {
            zip.write_all(csv_rows(kind, &page?).as_bytes())
                .map_err(io)?;
        }
        Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
    })
    .await
    .map_err(|e| workbook_failed(e.to_string()))?
    .map_err(workbook_failed)?;
    Ok(download(
        "application/zip",
        &format!("passerelle-{kind}-datapackage.zip"),
        zip.into(),
    ))
}

fn workbook_failed(detail: String) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        Code::Internal,
        "Internal error",
        format!("the file was not written: {detail}"),
    )
}

/// The sheet's name: the list's name in `lang`.
fn plain_title(kind: Kind, lang: Lang) -> String {
    sheets::words(lang, &sheets::list_title_key(kind))
}

/// A file to save: its type, the name it is saved under, its body.
fn download(content_type: &str, file_name: &str, body: axum::body::Body) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The pages of a download, as the response body reads them.
pub(super) struct Chunks(tokio::sync::mpsc::Receiver<Result<Bytes, std::io::Error>>);

impl futures_core::Stream for Chunks {
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

pub(super) async fn read(
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
pub(super) fn record_from(kind: Kind, headers: &HeaderMap, body: &[u8]) -> ApiResult<AnyRecord> {
    if let Some(ct) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    {
        let mime = passerelle_domain::document::media_type_of(ct);
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
pub(super) fn says_status(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body)
        .ok()
        .is_some_and(|v| v.get("publication_status").is_some())
}

pub(super) async fn create(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path(kind_name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let kind = kind(&kind_name)?;
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

pub(super) async fn update(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path((kind_name, key)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let kind = kind(&kind_name)?;
    let record = record_from(kind, &headers, &body)?;
    let stored = state
        .hub
        .update(&caller, &key, record, says_status(&body))
        .await?;
    Ok(Json(stored.to_value()))
}

pub(super) async fn remove(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path((kind_name, key)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let kind = kind(&kind_name)?;
    state.hub.delete(&caller, kind, &key).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub(super) async fn record_status(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path(key): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
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

pub(super) async fn review_submission(
    State(state): State<AppState>,
    crate::auth::SignedIn(caller): crate::auth::SignedIn,
    Path(key): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let value: Value = serde_json::from_slice(&body).map_err(ApiError::malformed_json)?;
    let review: SubmissionReview = from_json(value)?;
    let practice = state
        .hub
        .decide_submission(&caller, &key, review.decision, review.comment.as_deref())
        .await?;
    Ok(Json(json!(practice)))
}
