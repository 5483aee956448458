//! The agreements: the filtered list, one agreement with its assessment
//! scorecard, and agreements side by side.

use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::Uri;
use axum::response::Html;
use passerelle_domain::{Kind, Lang};
use passerelle_search::Sort as SearchSort;
use passerelle_store::{ListQuery, Sort};
use serde::Serialize;

use super::filters::{self, api_query};
use super::{render, scorecard};
use crate::AppState;
use crate::assessment::rubric;
use crate::error::{ApiError, ApiResult};
use crate::params::list_query;
use passerelle_domain::assessment::FindingStatus;

/// The facets beside the agreements list.
fn dims() -> &'static [&'static str] {
    passerelle_domain::kinds::describe(Kind::Agreements).filters
}

pub async fn list(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> ApiResult<Html<String>> {
    let query = api_query(raw.as_deref());
    let q = list_query(Kind::Agreements, Some(&query), &[]).map_err(ApiError::bad_query)?;
    let (items, total, facets) = match q.sort {
        // In date or title order the search index selects, orders, counts
        // and facets in one pass (its facet postings make broad filters
        // cheap); the store only reads the page's records by id.
        Sort::DateDesc | Sort::DateAsc | Sort::TitleAsc | Sort::TitleDesc
            if q.text.is_none() && q.per_page <= 100 =>
        {
            let mut req = filters::search_for(Kind::Agreements, &query, lang)?;
            req.sort = match q.sort {
                Sort::DateAsc => SearchSort::Oldest,
                Sort::TitleAsc => SearchSort::Title,
                Sort::TitleDesc => SearchSort::TitleDesc,
                _ => SearchSort::Newest,
            };
            req.offset = (q.page as usize - 1) * q.per_page as usize;
            req.limit = q.per_page as usize;
            let results = state.search.search(&req)?;
            let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
            let items = state
                .store
                .get_many_json(Kind::Agreements, &ids, false)
                .await?;
            let facets =
                filters::dimensions(&results.facets, &query, Kind::Agreements, lang, dims());
            (items, results.total as u64, facets)
        }
        // Title words and the orders by update are the store's.
        _ => {
            let page = state.store.list_json(Kind::Agreements, &q).await?;
            let facets = filters::facets(&state, lang, Kind::Agreements, &query, dims())?;
            (page.items, page.total, facets)
        }
    };
    let pages = total.div_ceil(u64::from(q.per_page.max(1))).max(1);
    let raw = raw.unwrap_or_default();
    render(
        &state,
        lang,
        &uri,
        "agreements.html",
        minijinja::context! {
            section => "agreements",
            items => super::view::val(&items),
            total => total,
            page => q.page,
            pages => pages,
            facets => super::view::val(&facets),
            sort => filters::param(Some(&raw), "sort").unwrap_or_else(|| "-date".into()),
            year_from => filters::param(Some(&raw), "year_from"),
            year_to => filters::param(Some(&raw), "year_to"),
            page_query => format!("?{raw}"),
            export_query => query,
        },
    )
}

/// An agreement as the public sees it, or 404.
pub(super) async fn agreement(state: &AppState, key: &str) -> ApiResult<serde_json::Value> {
    state
        .store
        .get_json(Kind::Agreements, key, false)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no agreement with id or slug `{key}`")))
}

/// The scorecard of an agreement: its newest assessment (clauses quoted
/// only when its text is public) with any hand coding over it.
async fn card(
    state: &AppState,
    agreement: &serde_json::Value,
    lang: Lang,
) -> ApiResult<Option<scorecard::Scorecard>> {
    let machine = machine_card(state, agreement, lang).await?;
    let coding: Option<passerelle_domain::coding::Coding> = agreement
        .get("coding")
        .and_then(|c| serde_json::from_value(c.clone()).ok());
    Ok(match coding {
        Some(coding) => Some(scorecard::with_coding(rubric(), machine, &coding, lang)),
        None => machine,
    })
}

/// The scorecard of the machine's newest assessment alone.
async fn machine_card(
    state: &AppState,
    agreement: &serde_json::Value,
    lang: Lang,
) -> ApiResult<Option<scorecard::Scorecard>> {
    let id = agreement["id"].as_str().unwrap_or_default();
    let Some(assessment) = state.store.assessment(id).await? else {
        return Ok(None);
    };
    let document = state.store.document(&assessment.document_id).await?;
    let ocr = document
        .as_ref()
        .and_then(|d| d.ocr.as_ref())
        .map(|o| o.confidence().round() as u32);
    let text = if agreement["text_public"].as_bool().unwrap_or(false) {
        document.and_then(|d| d.text)
    } else {
        None
    };
    let sectors = crate::assessment::sector_findings(agreement, &assessment);
    let mut card = scorecard::build(rubric(), &assessment, &sectors, text.as_deref(), lang);
    card.ocr = ocr;
    if text.is_some() {
        let key = agreement["slug"].as_str().unwrap_or(id);
        card.text_url = Some(format!("/{}/agreements/{key}/text", lang.code()));
    }
    Ok(Some(card))
}

#[derive(Serialize)]
struct DocumentView {
    id: String,
    file_name: String,
    media_type: String,
    language: Option<String>,
    size: u64,
    /// Where it was fetched from, and when.
    source_url: Option<String>,
    created_at: String,
    /// Read by OCR from a scan: how many pages, how well.
    ocr: Option<OcrView>,
}

/// What a reader is told of a text read by OCR.
#[derive(Serialize)]
pub(super) struct OcrView {
    pages: usize,
    /// Mean confidence, percent.
    confidence: u32,
    /// Pages read with less confidence than [`DOUBTFUL_OCR`], to check
    /// against the scan ("3, 7").
    doubtful: String,
}

/// Below this mean confidence (percent) a page read by OCR is worth
/// checking against the scan.
pub(super) const DOUBTFUL_OCR: f64 = 80.0;

impl OcrView {
    pub(super) fn of(ocr: &passerelle_domain::document::Ocr) -> OcrView {
        OcrView {
            pages: ocr.pages.len(),
            confidence: ocr.confidence().round() as u32,
            doubtful: ocr
                .doubtful(DOUBTFUL_OCR)
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: axum::http::HeaderMap,
    Path(key): Path<String>,
) -> ApiResult<Html<String>> {
    let a = agreement(&state, &key).await?;
    let id = a["id"].as_str().unwrap_or_default().to_string();
    let history = super::history::of_record(&state, &headers, Kind::Agreements, &id).await?;
    let documents: Vec<DocumentView> = state
        .store
        .documents(&id)
        .await?
        .into_iter()
        .map(|d| DocumentView {
            id: d.id,
            file_name: d.file_name,
            media_type: d.media_type,
            language: d.language,
            size: d.size,
            source_url: d.source_url,
            created_at: d.created_at,
            ocr: d.ocr.as_ref().map(OcrView::of),
        })
        .collect();
    let card = card(&state, &a, lang).await?;
    let attach = super::draft::attach_csrf(&state, &headers).await;
    // A fetch that was refused: its message key and the address typed.
    let asked: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let fetch_error = asked
        .iter()
        .find(|(k, _)| k == "fetch")
        .map(|(_, v)| v.as_str())
        .filter(|k| passerelle_hub::fetch::FetchError::KEYS.contains(k))
        .map(|k| format!("fetch-{k}"));
    let fetch_url = asked
        .iter()
        .find(|(k, _)| k == "url")
        .map(|(_, v)| v.clone());
    render(
        &state,
        lang,
        &uri,
        "agreement.html",
        minijinja::context! {
            section => "agreements",
            jsonld => super::jsonld::describe(Kind::Agreements, &a, &page_url(&state, &headers, lang, Kind::Agreements, &a), lang),
            citation => super::jsonld::citation(&a, lang),
            attach => attach,
            fetch_error => fetch_error,
            fetch_url => fetch_url,
            a => super::view::val(&a),
            documents => super::view::val(&documents),
            card => super::view::val(&card),
            history => super::view::val(&history),
        },
    )
}

/// The absolute address of a record's page in `lang`.
pub(super) fn page_url(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    lang: Lang,
    kind: Kind,
    r: &serde_json::Value,
) -> String {
    let key = r["slug"].as_str().or(r["id"].as_str()).unwrap_or_default();
    format!(
        "{}/{}/{kind}/{key}",
        super::sitemap::public_base(state, headers),
        lang.code()
    )
}

/// Attaches a text from the agreement's page (editors and admins).
pub async fn attach_text(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: axum::http::HeaderMap,
    Path(key): Path<String>,
    form: axum::extract::Multipart,
) -> ApiResult<axum::response::Response> {
    let sent = super::draft::read_form(form).await?;
    let Some((name, declared, bytes)) = sent.file else {
        return Err(crate::error::ApiError::invalid(
            passerelle_domain::Invalid::one("file", "choose a file to attach"),
        ));
    };
    let file = (name.unwrap_or_else(|| "text".into()), declared, bytes);
    super::draft::attach_from_form(&state, lang, &headers, &key, &sent.csrf, file).await
}

/// Attaches a text fetched from its official address (editors and
/// admins); the agreement's page then shows it with its assessment.
pub async fn fetch_text(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Path(key): Path<String>,
    sent: super::account::SessionForm,
) -> ApiResult<axum::response::Response> {
    use axum::response::{IntoResponse, Redirect};
    let sent = sent.may(passerelle_domain::account::Permission::AttachDocuments)?;
    let url = super::account::field(&sent.fields, "url");
    let a = agreement(&state, &key).await?;
    let slug = a["slug"].as_str().unwrap_or(&key).to_string();
    let page = format!("/{}/agreements/{slug}", lang.code());
    match state
        .hub
        .attach_from(&sent.p.caller(), &key, url, None)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("{page}#assessment")).into_response()),
        // Back to the form, which says why in the page's language and
        // keeps the address typed.
        Err(passerelle_hub::HubError::Fetch(e)) => {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("fetch", e.key())
                .append_pair("url", url)
                .finish();
            Ok(Redirect::to(&format!("{page}?{query}#documents")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Most agreements side by side.
const MAX_COMPARED: usize = 4;

#[derive(Serialize)]
struct Compared {
    record: serde_json::Value,
    card: Option<scorecard::Scorecard>,
}

/// Finds an agreement by id, slug, or else words of its title.
async fn find(state: &AppState, key: &str) -> ApiResult<Option<serde_json::Value>> {
    if let Some(a) = state.store.get_json(Kind::Agreements, key, false).await? {
        return Ok(Some(a));
    }
    let q = ListQuery {
        text: Some(key.to_string()),
        per_page: 1,
        ..ListQuery::default()
    };
    Ok(state
        .store
        .list_json(Kind::Agreements, &q)
        .await?
        .items
        .into_iter()
        .next())
}

pub async fn compare(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> ApiResult<Html<String>> {
    let raw = raw.unwrap_or_default();
    let keys: Vec<String> = form_urlencoded::parse(raw.as_bytes())
        .filter(|(k, v)| k == "a" && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_string())
        .collect();
    let sample = form_urlencoded::parse(raw.as_bytes())
        .find(|(k, v)| k == "sample" && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_string());
    let draft = match sample {
        Some(code) => {
            let s = passerelle_assess::samples::sample(&code).ok_or_else(|| {
                ApiError::bad_query(passerelle_domain::Invalid::one(
                    "sample",
                    format!("`{code}` is not a sample: the samples are `fr`, `en`, `es` and `ar`"),
                ))
            })?;
            let card = super::draft::assess_draft(
                &state,
                lang,
                super::draft::sample_bytes(&s),
                Some(s.language),
            )
            .await
            .map_err(|e| format!("error-{}", e.code));
            Some(DraftColumn {
                title: s.title.clone(),
                sample: Some(code),
                card,
            })
        }
        None => None,
    };
    compare_page(&state, lang, &uri, keys, draft).await
}

/// Compare with a draft pasted or uploaded: assessed, shown beside the
/// agreements named, never stored.
pub async fn compare_draft(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    form: axum::extract::Multipart,
) -> ApiResult<Html<String>> {
    let d = super::draft::read_form(form).await?;
    let text_lang = passerelle_assess::Language::parse(d.lang())
        .filter(|l| *l != passerelle_assess::Language::Other);
    let upload = match d.file.clone() {
        Some((name, _, bytes)) if !bytes.is_empty() => Some((bytes, name)),
        _ if !d.text().trim().is_empty() => Some((
            axum::body::Bytes::from(d.text().to_string().into_bytes()),
            Some("draft.txt".to_string()),
        )),
        _ => None,
    };
    let draft = match upload {
        Some(upload) => Some(DraftColumn {
            title: String::new(),
            sample: None,
            card: super::draft::assess_draft(&state, lang, upload, text_lang)
                .await
                .map_err(|e| format!("error-{}", e.code)),
        }),
        None => Some(DraftColumn {
            title: String::new(),
            sample: None,
            card: Err("draft-empty".to_string()),
        }),
    };
    compare_page(&state, lang, &uri, d.agreements().to_vec(), draft).await
}

/// A draft beside the agreements: its title (empty for the reader's own),
/// the sample it is, and its scorecard or why there is none.
struct DraftColumn {
    title: String,
    sample: Option<String>,
    /// The scorecard, or the message key saying why there is none.
    card: Result<scorecard::Scorecard, String>,
}

async fn compare_page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    keys: Vec<String>,
    draft: Option<DraftColumn>,
) -> ApiResult<Html<String>> {
    let state = state.clone();
    let mut problem = None;
    let drafts = usize::from(draft.is_some());
    if keys.len() + drafts > MAX_COMPARED {
        problem = Some("compare-too-many");
    } else if keys.len() + drafts == 1 {
        problem = Some("compare-too-few");
    }
    let mut compared = Vec::new();
    let mut unknown = Vec::new();
    let mut draft_error = None;
    let mut sample = None;
    if let Some(d) = draft {
        sample = d.sample.clone();
        match d.card {
            Ok(card) => compared.push(Compared {
                record: serde_json::json!({"title": d.title, "draft": true, "sample": d.sample}),
                card: Some(card),
            }),
            Err(key) => draft_error = Some(key),
        }
    }
    for key in keys.iter().take(MAX_COMPARED - drafts) {
        match find(&state, key).await? {
            Some(record) => {
                let card = card(&state, &record, lang).await?;
                compared.push(Compared { record, card });
            }
            None => unknown.push(key.clone()),
        }
    }
    // One row per element: its status in each agreement; the rows read
    // as a report does, what works against the worker in any of them
    // first, then what one of them misses, then what is partial.
    let mut rows: Vec<(usize, serde_json::Value)> = rubric()
        .elements
        .iter()
        .map(|e| {
            let cells: Vec<serde_json::Value> = compared
                .iter()
                .map(|c| {
                    c.card
                        .as_ref()
                        .and_then(|card| card.element(&e.id))
                        .map(|x| {
                            serde_json::json!({"status": x.status, "evidence": x.evidence,
                                "concerns": x.concerns, "mixed": x.mixed, "coded": x.coded})
                        })
                        .unwrap_or(serde_json::Value::Null)
                })
                .collect();
            let title = e
                .title
                .get(lang.code())
                .or_else(|| e.title.get("en"))
                .cloned()
                .unwrap_or_default();
            let rank = cells
                .iter()
                .filter_map(|c| c["status"].as_str())
                .filter_map(|s| FindingStatus::ALL.iter().position(|x| x.as_str() == s))
                .min()
                .unwrap_or(FindingStatus::ALL.len());
            (
                rank,
                serde_json::json!({"id": e.id, "title": title, "cells": cells}),
            )
        })
        .collect();
    rows.sort_by_key(|(rank, _)| *rank);
    let rows: Vec<serde_json::Value> = rows.into_iter().map(|(_, row)| row).collect();
    render(
        &state,
        lang,
        uri,
        "compare.html",
        minijinja::context! {
            section => "compare",
            keys => keys,
            sample => sample,
            draft_error => draft_error,
            compared => super::view::val(&compared),
            rows => super::view::val(&rows),
            problem => problem,
            unknown => unknown,
        },
    )
}
