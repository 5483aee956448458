//! `POST /api/v1/assess`: a file or text in, the assessment report out,
//! nothing stored.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use passerelle_assess::{Assessor, Language, Rubric, SectorFinding, Status, render};
use passerelle_domain::Invalid;
use passerelle_domain::assessment::Assessment;

use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// Largest file the endpoint reads.
pub const MAX_ASSESS_BYTES: usize = 20 * 1024 * 1024;
fn assessor() -> &'static Assessor {
    passerelle_hub::assessor()
}

/// The rubric the server assesses with.
pub fn rubric() -> &'static Rubric {
    assessor().rubric()
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
    let mut report = state
        .hub
        .assess_file(body, file_name, lang, MAX_ASSESS_BYTES)
        .await?
        .report;
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
