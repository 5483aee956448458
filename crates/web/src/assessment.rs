//! `POST /api/v1/assess`: a file or text in, the assessment report out,
//! nothing stored.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passerelle_assess::{Assessor, Language, Report, Rubric, SectorFinding, Status, render};
use passerelle_domain::Invalid;
use passerelle_domain::assessment::Assessment;
use passerelle_extract::{ExtractError, Limits, Refusal, extract, worker};

use crate::AppState;
use crate::error::{ApiError, ApiResult, Code};

/// Largest file the endpoint reads.
pub const MAX_ASSESS_BYTES: usize = 20 * 1024 * 1024;
/// Extraction and assessment together may take this long; a file that
/// takes longer is refused (the work is abandoned on its thread).
const TIME_LIMIT: Duration = Duration::from_secs(20);

fn assessor() -> &'static Assessor {
    passerelle_hub::assessor()
}

/// The rubric the server assesses with.
pub fn rubric() -> &'static Rubric {
    assessor().rubric()
}

fn unreadable(e: ExtractError) -> ApiError {
    if let ExtractError::TimedOut(_) = e {
        return ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Code::TooSlow,
            "The file takes too long to read",
            e.to_string(),
        );
    }
    let (status, code) = match e.refusal() {
        Refusal::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, Code::PayloadTooLarge),
        Refusal::Unsupported => (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Code::UnsupportedMediaType,
        ),
        Refusal::Unreadable => (StatusCode::UNPROCESSABLE_ENTITY, Code::UnreadableFile),
    };
    ApiError::new(status, code, "The file cannot be read", e.to_string())
}

pub async fn assess(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> ApiResult<Response> {
    let mut lang = None;
    let mut format = "json".to_string();
    let mut file_name = None;
    let mut sectors = Vec::new();
    for (k, v) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let bad = |m: String| ApiError::bad_query(Invalid::one(k.to_string(), m));
        match k.as_ref() {
            "lang" if v == "auto" => lang = None,
            "lang" => {
                lang = Some(
                    Language::parse(&v)
                        .filter(|l| *l != Language::Other)
                        .ok_or_else(|| bad(format!("`{v}` is not auto, fr, en, es or ar")))?,
                )
            }
            "format" if ["json", "md", "html"].contains(&v.as_ref()) => format = v.to_string(),
            "format" => return Err(bad(format!("`{v}` is not json, md or html"))),
            "file_name" => file_name = Some(v.to_string()),
            "sector" => {
                rubric()
                    .sectors_named(&[&v])
                    .map_err(|e| bad(e.to_string()))?;
                sectors.push(v.to_string());
            }
            other => {
                return Err(bad(format!(
                    "unknown parameter `{other}`; known: lang, format, file_name, sector"
                )));
            }
        }
    }
    if file_name.is_none() {
        // A declared HTML body is read as HTML even without a name.
        let ct = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if ct.starts_with("text/html") {
            file_name = Some("upload.html".into());
        }
    }
    let (mut report, _) =
        assess_bytes(&state.file_reader, body, file_name, lang, MAX_ASSESS_BYTES).await?;
    let rubric = assessor().rubric();
    report
        .add_sectors(rubric, &sectors)
        .expect("sectors are checked with the query");
    Ok(match format.as_str() {
        "md" => (
            [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
            render::markdown(&report, rubric, report.language),
        )
            .into_response(),
        "html" => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            render::html(&report, rubric, report.language),
        )
            .into_response(),
        _ => axum::Json(report).into_response(),
    })
}

/// What the Guidance expects of agreements for the sectors an agreement's
/// `sector_notes` name, with the statuses in force in `assessment` (a
/// reviewer's decision counts). Notes the rubric lacks are skipped.
pub fn sector_findings(
    agreement: &serde_json::Value,
    assessment: &Assessment,
) -> Vec<SectorFinding> {
    let notes = agreement["sector_notes"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    notes
        .iter()
        .filter_map(|n| rubric().sector(n.as_str()?))
        .map(|sector| {
            SectorFinding::new(sector, |element| {
                assessment
                    .findings
                    .iter()
                    .find(|f| f.element == element)
                    .map_or(Status::Absent, |f| engine_status(f.status))
            })
        })
        .collect()
}

// The report-to-assessment mapping is the application layer's.
#[cfg(test)]
use passerelle_hub::stored_status;
pub use passerelle_hub::{engine_status, stored};

/// How the server reads uploaded files.
#[derive(Clone, Debug, Default)]
pub enum FileReader {
    /// In this process, with panics caught (tests, tools).
    #[default]
    InProcess,
    /// In a child process running this program with `extract-worker`
    /// arguments, killed at the time limit: a stack overflow or an endless
    /// loop in a parser then ends the child, not the server.
    Worker(Arc<std::path::PathBuf>),
}

/// Files read and assessed at once: one per core, so that many uploads at
/// once queue instead of taking every core and the memory of one reader
/// each; a request that cannot start within the time limit is told the
/// server is busy.
fn readers() -> Arc<tokio::sync::Semaphore> {
    static READERS: std::sync::OnceLock<Arc<tokio::sync::Semaphore>> = std::sync::OnceLock::new();
    READERS
        .get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            Arc::new(tokio::sync::Semaphore::new(cores))
        })
        .clone()
}

/// Extracts and assesses a file off the async threads, under the time
/// limit; gives the report and the text it read.
pub async fn assess_bytes(
    reader: &FileReader,
    bytes: Bytes,
    file_name: Option<String>,
    lang: Option<Language>,
    max_bytes: usize,
) -> Result<(Report, String), ApiError> {
    let Ok(Ok(permit)) = tokio::time::timeout(TIME_LIMIT, readers().acquire_owned()).await else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            Code::Busy,
            "The server is busy reading other files",
            format!(
                "every reader was busy for {} s; try again in a minute",
                TIME_LIMIT.as_secs()
            ),
        ));
    };
    let reader = reader.clone();
    // Set when the answer has gone: the assessment stops at its next look.
    let given_up = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop = Arc::clone(&given_up);
    let work = tokio::task::spawn_blocking(move || {
        // Held until the work ends, even when the request has given up.
        let _permit = permit;
        let limits = Limits {
            max_bytes,
            ..Limits::default()
        };
        let extracted = match reader {
            FileReader::InProcess => extract(&bytes, file_name.as_deref(), limits)?,
            FileReader::Worker(program) => {
                let max = max_bytes.to_string();
                // `--file-name=NAME` in one argument: a name that starts
                // with `-` stays a value, never an option.
                let name = file_name.as_deref().map(|n| format!("--file-name={n}"));
                let mut args = vec!["extract-worker", "--max-bytes", max.as_str()];
                args.extend(name.as_deref());
                worker::isolated(&program, &args, bytes.to_vec(), TIME_LIMIT)?
            }
        };
        let report = assessor()
            .assess_unless(&extracted.text, lang, &stop)
            .ok_or(ExtractError::TimedOut(TIME_LIMIT.as_secs()))?;
        Ok::<_, ExtractError>((report, extracted.text))
    });
    // The worker stops itself at TIME_LIMIT; this one is for the
    // assessment and for reading in process.
    match tokio::time::timeout(TIME_LIMIT + Duration::from_secs(2), work).await {
        Ok(Ok(Ok(done))) => Ok(done),
        Ok(Ok(Err(e))) => Err(unreadable(e)),
        Ok(Err(_)) => Err(unreadable(ExtractError::Failed(
            "the assessment failed".into(),
        ))),
        Err(_) => {
            given_up.store(true, std::sync::atomic::Ordering::Relaxed);
            Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                Code::TooSlow,
                "The file takes too long to read",
                format!(
                    "reading and assessing the file took more than {} s",
                    TIME_LIMIT.as_secs()
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use passerelle_domain::SectorNote;

    /// The engine's statuses and the stored ones are one list, in one order.
    #[test]
    fn engine_and_stored_statuses_agree() {
        use passerelle_assess::Status;
        use passerelle_domain::assessment::FindingStatus;
        let engine: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        let stored: Vec<&str> = FindingStatus::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(engine, stored);
        for s in Status::ALL {
            assert_eq!(super::engine_status(super::stored_status(s)), s);
            assert_eq!(super::stored_status(s).provides(), s.provides());
        }
    }

    /// An agreement's sector notes and the rubric's sectors are one list:
    /// a note without expectations would show nothing.
    #[test]
    fn every_sector_note_has_the_rubrics_expectations() {
        let rubric: Vec<&str> = super::rubric()
            .sectors
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let notes: Vec<&str> = SectorNote::ALL.iter().map(|n| n.as_str()).collect();
        assert_eq!(rubric, notes);
    }

    #[test]
    fn the_elements_a_coding_may_name_are_the_rubrics() {
        let rubric: Vec<&str> = super::rubric()
            .elements
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(rubric, passerelle_domain::coding::ELEMENTS);
    }
}
