//! "Assess a draft": a file or pasted text in, the scorecard out in the
//! page's language (or as a standalone HTML file to keep), nothing stored.
//! Those who may attach texts may instead name an agreement: the file is
//! then attached to it and assessed, as on the agreement's own page.

use axum::body::Bytes;
use axum::extract::{Extension, Multipart, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::Value;
use passerelle_assess::{Language, render as report_render, samples};
use passerelle_domain::Lang;
use passerelle_domain::account::Permission;

use super::account::signed_in_may;
use super::{render, scorecard};
use crate::AppState;
use crate::assessment::{MAX_ASSESS_BYTES, rubric, stored};
use crate::error::{ApiError, ApiResult};

pub async fn form(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Response> {
    let attach = attach_csrf(&state, &headers).await;
    // `?sample=fr`: one click assesses a sample draft.
    let sample = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "sample")
        .map(|(_, v)| v.into_owned());
    if let Some(code) = sample {
        let Some(sample) = samples::sample(&code) else {
            return Err(ApiError::bad_query(passerelle_domain::Invalid::one(
                "sample",
                format!("`{code}` is not a sample: the samples are `fr`, `en`, `es` and `ar`"),
            )));
        };
        let view = View {
            text: sample.text,
            chosen: sample.language.code(),
            attach: attach.as_deref(),
            sectors: &[],
            sample: Some(sample.language.code()),
        };
        let card = assess_draft(&state, lang, sample_bytes(&sample), Some(sample.language)).await?;
        return Ok(page(&state, lang, &uri, super::view::val(&card), None, view)?.into_response());
    }
    let view = View {
        text: "",
        chosen: "auto",
        attach: attach.as_deref(),
        sectors: &[],
        sample: None,
    };
    Ok(page(&state, lang, &uri, Value::UNDEFINED, None, view)?.into_response())
}

/// A sample draft as the upload it stands for.
pub(super) fn sample_bytes(sample: &samples::Sample) -> (Bytes, Option<String>) {
    (
        Bytes::from_static(sample.text.as_bytes()),
        Some(format!("sample-{}.txt", sample.language.code())),
    )
}

/// Assesses a draft (bytes and file name) into a scorecard in `lang`,
/// storing nothing.
pub(super) async fn assess_draft(
    state: &AppState,
    lang: Lang,
    (bytes, file_name): (Bytes, Option<String>),
    text_lang: Option<Language>,
) -> Result<scorecard::Scorecard, ApiError> {
    let passerelle_hub::Read { report, text, ocr } = state
        .hub
        .assess_file(bytes, file_name, text_lang, MAX_ASSESS_BYTES)
        .await?;
    let assessment = stored(&report, "", "", "");
    let mut card = scorecard::build(rubric(), &assessment, &report.sectors, Some(&text), lang);
    card.ocr = ocr.map(|o| o.confidence().round() as u32);
    Ok(card)
}

/// The session's CSRF token if the requester may attach texts.
pub(super) async fn attach_csrf(state: &AppState, headers: &HeaderMap) -> Option<String> {
    signed_in_may(state, headers, None, Permission::AttachDocuments)
        .await
        .ok()
        .and_then(|p| p.csrf)
}

/// What the form shows again: the pasted text, the language chosen, and
/// the CSRF token of those who may attach.
struct View<'a> {
    text: &'a str,
    chosen: &'a str,
    attach: Option<&'a str>,
    /// The sector notes ticked.
    sectors: &'a [String],
    /// The sample shown, if the text is one.
    sample: Option<&'a str>,
}

fn page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    card: Value,
    error: Option<&str>,
    view: View<'_>,
) -> ApiResult<Html<String>> {
    render(
        state,
        lang,
        uri,
        "draft.html",
        minijinja::context! {
            section => "assess",
            card => card,
            error => error,
            text => view.text,
            chosen => view.chosen,
            attach => view.attach,
            sample => view.sample,
            sectors => rubric()
                .sectors
                .iter()
                .map(|s| minijinja::context! {
                    id => &s.id,
                    title => s.title.get(lang.code()).or_else(|| s.title.get("en")),
                    checked => view.sectors.contains(&s.id),
                })
                .collect::<Vec<_>>(),
        },
    )
}

/// A file's media type from its name, else as the browser declared it.
pub(super) fn media_type_of(file_name: &str, declared: Option<&str>) -> String {
    let lower = file_name.to_ascii_lowercase();
    let by_name = match lower.rsplit_once('.').map(|(_, ext)| ext) {
        Some("pdf") => Some("application/pdf"),
        Some("docx") => {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        Some("html" | "htm") => Some("text/html"),
        Some("txt") => Some("text/plain"),
        _ => None,
    };
    by_name
        .or(declared)
        .unwrap_or("application/octet-stream")
        .to_string()
}

/// Attaches an uploaded file to agreement `key` for a signed-in person
/// allowed to, checking the form's CSRF token; then shows the agreement's
/// scorecard.
pub(super) async fn attach_from_form(
    state: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    key: &str,
    csrf: &str,
    file: (String, Option<String>, Bytes),
) -> ApiResult<Response> {
    let sent = [("csrf".to_string(), csrf.to_string())];
    let p = signed_in_may(state, headers, Some(&sent), Permission::AttachDocuments).await?;
    let caller = p.caller();
    let (file_name, declared, bytes) = file;
    // A browser may send a path; the API takes a bare name.
    let file_name: String = file_name
        .rsplit(['/', '\\'])
        .next()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("text")
        .chars()
        .take(255)
        .collect();
    let media_type = media_type_of(&file_name, declared.as_deref());
    // A text that cannot be assessed is kept: the agreement's page says
    // it has no assessment.
    let doc = state
        .hub
        .attach(
            &caller,
            key,
            passerelle_hub::Upload {
                file_name: &file_name,
                media_type: &media_type,
                language: None,
                bytes,
                source_url: None,
            },
        )
        .await?
        .document;
    let agreement = state
        .store
        .get_json(passerelle_domain::Kind::Agreements, &doc.agreement_id, true)
        .await?;
    let slug = agreement
        .as_ref()
        .and_then(|a| a["slug"].as_str())
        .unwrap_or(&doc.agreement_id);
    Ok(Redirect::to(&format!("/{}/agreements/{slug}#assessment", lang.code())).into_response())
}

/// What the form sent.
#[derive(Default)]
pub(super) struct Draft {
    /// The file's name, its declared type, and its bytes.
    pub file: Option<(Option<String>, Option<String>, Bytes)>,
    text: String,
    lang: String,
    format: String,
    /// The agreement to attach the file to, if any.
    agreement: String,
    pub csrf: String,
    /// Sector notes to add to the report (those the rubric has).
    sectors: Vec<String>,
    /// Agreements to compare the draft with (`a`, Compare only).
    agreements: Vec<String>,
}

impl Draft {
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    pub(super) fn lang(&self) -> &str {
        &self.lang
    }

    /// Agreements named beside a draft on Compare.
    pub(super) fn agreements(&self) -> &[String] {
        &self.agreements
    }
}

pub(super) async fn read_form(mut form: Multipart) -> Result<Draft, ApiError> {
    let mut d = Draft::default();
    let bad = |e: axum::extract::multipart::MultipartError| {
        let code = if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            crate::error::Code::PayloadTooLarge
        } else {
            crate::error::Code::ValidationFailed
        };
        ApiError::new(
            e.status(),
            code,
            "The form could not be read",
            e.body_text(),
        )
    };
    while let Some(field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        match name.as_str() {
            "file" => {
                let file_name = field.file_name().map(str::to_string);
                let declared = field.content_type().map(str::to_string);
                let bytes = field.bytes().await.map_err(bad)?;
                if !bytes.is_empty() {
                    d.file = Some((file_name, declared, bytes));
                }
            }
            "text" => d.text = field.text().await.map_err(bad)?,
            "lang" => d.lang = field.text().await.map_err(bad)?,
            "format" => d.format = field.text().await.map_err(bad)?,
            "agreement" => d.agreement = field.text().await.map_err(bad)?,
            "csrf" => d.csrf = field.text().await.map_err(bad)?,
            "a" => {
                let key = field.text().await.map_err(bad)?;
                if !key.trim().is_empty() {
                    d.agreements.push(key.trim().to_string());
                }
            }
            "sector" => {
                let id = field.text().await.map_err(bad)?;
                if rubric().sector(&id).is_some() && !d.sectors.contains(&id) {
                    d.sectors.push(id);
                }
            }
            _ => {}
        }
    }
    Ok(d)
}

pub async fn assess(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
    form: Multipart,
) -> ApiResult<Response> {
    let draft = read_form(form).await?;
    let text_lang = Language::parse(&draft.lang).filter(|l| *l != Language::Other);
    let chosen = text_lang.map(Language::code).unwrap_or("auto");
    let attach = attach_csrf(&state, &headers).await;
    let view = View {
        text: &draft.text,
        chosen,
        attach: attach.as_deref(),
        sectors: &draft.sectors,
        sample: None,
    };
    let key = draft.agreement.trim();
    if !key.is_empty() {
        let file = match draft.file.clone() {
            Some((name, declared, bytes)) => {
                (name.unwrap_or_else(|| "draft".into()), declared, bytes)
            }
            None => (
                "draft.txt".to_string(),
                Some("text/plain".to_string()),
                Bytes::from(draft.text.clone().into_bytes()),
            ),
        };
        if !file.2.iter().all(u8::is_ascii_whitespace) {
            return attach_from_form(&state, lang, &headers, key, &draft.csrf, file).await;
        }
    }
    let (bytes, file_name) = match draft.file {
        Some((name, _, bytes)) => (bytes, name),
        None if !draft.text.trim().is_empty() => (
            Bytes::from(draft.text.clone().into_bytes()),
            Some("draft.txt".to_string()),
        ),
        None => {
            let html = page(
                &state,
                lang,
                &uri,
                Value::UNDEFINED,
                Some("draft-empty"),
                View { text: "", ..view },
            )?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
    };
    let (mut report, text) = match state
        .hub
        .assess_file(bytes, file_name, text_lang, MAX_ASSESS_BYTES)
        .await
        .map_err(ApiError::from)
    {
        Ok(read) => (read.report, read.text),
        Err(e) => {
            let key = format!("error-{}", e.code);
            let html = page(&state, lang, &uri, Value::UNDEFINED, Some(&key), view)?;
            return Ok((e.status, html).into_response());
        }
    };
    report
        .add_sectors(rubric(), &draft.sectors)
        .expect("only the rubric's sectors are read from the form");
    if draft.format == "html" {
        let ui = Language::parse(lang.code()).unwrap_or(Language::En);
        return Ok((
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"passerelle-assessment.html\"",
                ),
            ],
            report_render::html(&report, rubric(), ui),
        )
            .into_response());
    }
    let assessment = stored(&report, "", "", "");
    let card = scorecard::build(rubric(), &assessment, &report.sectors, Some(&text), lang);
    Ok(page(&state, lang, &uri, super::view::val(&card), None, view)?.into_response())
}
