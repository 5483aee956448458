//! "Assess a draft": a file or pasted text in, the scorecard out in the
//! page's language (or as a standalone HTML file to keep), nothing stored.

use axum::body::Bytes;
use axum::extract::{Extension, Multipart, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::Value;
use passerelle_assess::{Language, render as report_render};
use passerelle_domain::Lang;

use super::{render, scorecard};
use crate::AppState;
use crate::assessment::{MAX_ASSESS_BYTES, assess_bytes, rubric, stored};
use crate::error::{ApiError, ApiResult};

pub async fn form(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
) -> ApiResult<Html<String>> {
    page(&state, lang, &uri, Value::UNDEFINED, None, "", "auto")
}

fn page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    card: Value,
    error: Option<&str>,
    text: &str,
    chosen: &str,
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
            text => text,
            chosen => chosen,
        },
    )
}

/// What the form sent.
#[derive(Default)]
struct Draft {
    file: Option<(Option<String>, Bytes)>,
    text: String,
    lang: String,
    format: String,
}

async fn read_form(mut form: Multipart) -> Result<Draft, ApiError> {
    let mut d = Draft::default();
    let bad = |e: axum::extract::multipart::MultipartError| {
        ApiError::new(
            e.status(),
            "invalid_query",
            "The form could not be read",
            e.body_text(),
        )
    };
    while let Some(field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        match name.as_str() {
            "file" => {
                let file_name = field.file_name().map(str::to_string);
                let bytes = field.bytes().await.map_err(bad)?;
                if !bytes.is_empty() {
                    d.file = Some((file_name, bytes));
                }
            }
            "text" => d.text = field.text().await.map_err(bad)?,
            "lang" => d.lang = field.text().await.map_err(bad)?,
            "format" => d.format = field.text().await.map_err(bad)?,
            _ => {}
        }
    }
    Ok(d)
}

pub async fn assess(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    form: Multipart,
) -> ApiResult<Response> {
    let draft = read_form(form).await?;
    let text_lang = Language::parse(&draft.lang).filter(|l| *l != Language::Other);
    let chosen = text_lang.map(Language::code).unwrap_or("auto");
    let (bytes, file_name) = match draft.file {
        Some((name, bytes)) => (bytes, name),
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
                "",
                chosen,
            )?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
    };
    let (report, text) = match assess_bytes(
        &state.file_reader,
        bytes,
        file_name,
        text_lang,
        MAX_ASSESS_BYTES,
    )
    .await
    {
        Ok(done) => done,
        Err(e) => {
            let key = format!("error-{}", e.code);
            let html = page(
                &state,
                lang,
                &uri,
                Value::UNDEFINED,
                Some(&key),
                &draft.text,
                chosen,
            )?;
            return Ok((e.status, html).into_response());
        }
    };
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
    let card = scorecard::build(rubric(), &assessment, Some(&text), lang);
    Ok(page(
        &state,
        lang,
        &uri,
        super::view::val(&card),
        None,
        &draft.text,
        chosen,
    )?
    .into_response())
}
