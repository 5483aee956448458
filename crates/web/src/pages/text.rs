//! An agreement's text to read: article by article, each under a stable
//! anchor (`#art_4`, see `passerelle_assess::anchor`), with what the
//! assessment found in it in the margin — the elements it provides for
//! and, in red, the words that work against the Guidance — in the text's
//! own language and direction, printable.

use std::collections::BTreeMap;

use axum::extract::{Extension, Path, State};
use axum::http::Uri;
use passerelle_assess::anchor::unique_anchors;
use passerelle_assess::render::words as report_words;
use passerelle_assess::{Language, segment};
use passerelle_domain::Lang;
use passerelle_domain::assessment::FindingStatus;
use serde::Serialize;
use serde_json::Value;

use super::render;
use super::view::{mark_classed, val};
use crate::AppState;
use crate::assessment::rubric;
use crate::error::{ApiError, ApiResult};

#[derive(Serialize)]
struct Article {
    anchor: String,
    label: String,
    /// The heading line as written ("Article 5 – Commission"), marked,
    /// when the clause starts with one; the label stands in otherwise.
    heading: Option<String>,
    /// The article's paragraphs, escaped, the words the findings rest on
    /// marked.
    paragraphs: Vec<String>,
    margin: Vec<Note>,
}

/// One element found in an article.
#[derive(Clone, Serialize, PartialEq)]
struct Note {
    element: String,
    title: String,
    /// The finding in force (a reviewer's decision counts).
    status: &'static str,
    /// These words work against the element.
    against: bool,
    /// Why, for words that work against it.
    why: Option<String>,
}

/// A clause of the text: id, label as written, byte range.
struct Span {
    id: String,
    label: String,
    start: usize,
    end: usize,
}

pub async fn show(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: axum::http::HeaderMap,
    Path(key): Path<String>,
) -> ApiResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let a = super::agreements::agreement(&state, &key).await?;
    let id = a["id"].as_str().unwrap_or(&key).to_string();
    let public = a["text_public"].as_bool().unwrap_or(false);
    if !public && !crate::auth::privileged(&state, &headers).await {
        return Err(ApiError::text_not_public(&key));
    }
    let assessment = state.store.assessment(&id).await?;
    let document = match &assessment {
        Some(x) => state.store.document(&x.document_id).await?,
        None => state
            .store
            .documents(&id)
            .await?
            .into_iter()
            .find(|d| d.text.is_some()),
    };
    let Some(document) = document.filter(|d| d.text.is_some()) else {
        // The agreement is there, its text is not (yet): say so, with the
        // way back, rather than "this page does not exist".
        let html = render(
            &state,
            lang,
            &uri,
            "text.html",
            minijinja::context! { section => "agreements", a => val(&a), document => (), articles => () },
        )?;
        return Ok((axum::http::StatusCode::NOT_FOUND, html).into_response());
    };
    let text = document.text.as_deref().unwrap_or_default();
    let spans: Vec<Span> = match assessment.as_ref().and_then(|x| x.clauses.as_array()) {
        Some(clauses) => clauses
            .iter()
            .filter_map(|c| {
                Some(Span {
                    id: c["id"].as_str()?.to_string(),
                    label: c["label"].as_str().unwrap_or("").to_string(),
                    start: c["start"].as_u64()? as usize,
                    end: c["end"].as_u64()? as usize,
                })
            })
            .collect(),
        None => segment::segment(text)
            .into_iter()
            .map(|c| Span {
                id: c.id.to_string(),
                label: c.label,
                start: c.start,
                end: c.end,
            })
            .collect(),
    };
    let anchors = unique_anchors(spans.iter().map(|s| (s.label.as_str(), s.id.as_str())));
    let (marks, notes) = match &assessment {
        Some(x) => found_in_clauses(&x.findings, lang),
        None => Default::default(),
    };
    let words = report_words(Language::parse(lang.code()).unwrap_or(Language::En));
    let articles: Vec<Article> = spans
        .iter()
        .zip(anchors)
        .map(|(s, anchor)| {
            let marks = marks.get(&s.id).map(Vec::as_slice).unwrap_or_default();
            let mut lines = paragraphs(text, s.start, s.end).peekable();
            let heading = lines
                .next_if(|&(from, to)| !s.label.is_empty() && text[from..to].starts_with(&s.label))
                .map(|(from, to)| mark_classed(text, from, to, marks));
            Article {
                anchor,
                label: words.label(&s.label),
                heading,
                paragraphs: lines
                    .map(|(from, to)| mark_classed(text, from, to, marks))
                    .collect(),
                margin: notes.get(&s.id).map(|n| n.to_vec()).unwrap_or_default(),
            }
        })
        .collect();
    render(
        &state,
        lang,
        &uri,
        "text.html",
        minijinja::context! {
            section => "agreements",
            a => val(&a),
            document => val(document_view(&document)),
            assessed => assessment.is_some(),
            articles => val(&articles),
        },
    )
    .map(IntoResponse::into_response)
}

fn document_view(d: &passerelle_domain::Document) -> Value {
    serde_json::json!({
        "id": d.id, "file_name": d.file_name, "language": d.language,
        "ocr": d.ocr.as_ref().map(super::agreements::OcrView::of),
    })
}

type Marks = BTreeMap<String, Vec<(usize, usize, Option<&'static str>)>>;
type Notes = BTreeMap<String, Vec<Note>>;

/// Per clause id, the spans the findings rest on (those that work against
/// an element classed `against`) and the elements found there, each once.
fn found_in_clauses(
    findings: &[passerelle_domain::assessment::Finding],
    lang: Lang,
) -> (Marks, Notes) {
    let rubric = rubric();
    let (mut marks, mut notes) = (Marks::new(), Notes::new());
    for f in findings {
        // A passing mention is not a finding: the scorecard lists it for
        // reviewers, the text does not mark it as if it were one.
        if matches!(f.status, FindingStatus::Mentioned | FindingStatus::Absent) {
            continue;
        }
        let Some(element) = rubric.elements.iter().find(|e| e.id == f.element) else {
            continue;
        };
        let title = super::scorecard::pick(&element.title, lang);
        // What a contrary finding rests on is its adverse words alone.
        let lists: &[(&str, bool)] = if f.status == FindingStatus::Contrary {
            &[("concerns", true)]
        } else {
            &[("evidence", false), ("concerns", true)]
        };
        for &(list, against) in lists {
            for e in f.evidence[list].as_array().into_iter().flatten() {
                let (Some(clause), Some(start), Some(end)) =
                    (e["clause"].as_str(), e["start"].as_u64(), e["end"].as_u64())
                else {
                    continue;
                };
                let class = against.then_some("against");
                marks.entry(clause.to_string()).or_default().push((
                    start as usize,
                    end as usize,
                    class,
                ));
                let why = against
                    .then(|| e["concern"].as_str())
                    .flatten()
                    .and_then(|c| rubric.concern(c))
                    .map(|c| super::scorecard::pick(&c.why, lang));
                let note = Note {
                    element: f.element.clone(),
                    title: title.clone(),
                    status: f.status.as_str(),
                    against,
                    why,
                };
                let here = notes.entry(clause.to_string()).or_default();
                if !here.contains(&note) {
                    here.push(note);
                }
            }
        }
    }
    // Words against the Guidance first, as on the scorecard; an element
    // they work against is not listed again for the same clause.
    for n in notes.values_mut() {
        let against: Vec<String> = n
            .iter()
            .filter(|x| x.against)
            .map(|x| x.element.clone())
            .collect();
        n.retain(|x| x.against || !against.contains(&x.element));
        n.sort_by_key(|n| !n.against);
    }
    (marks, notes)
}

/// The paragraphs of `text[start..end]`: its non-blank lines, as byte
/// ranges.
fn paragraphs(text: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let end = end.min(text.len());
    let start = start.min(end);
    let mut at = start;
    text[start..end].split('\n').filter_map(move |line| {
        let from = at;
        at += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lead = line.len() - line.trim_start().len();
        Some((from + lead, from + lead + trimmed.len()))
    })
}
