//! The application layer: the use cases the API, the pages and the
//! command line share, over the store and the assessment engine, so that
//! each is written once and an edge only translates (HTTP, forms,
//! arguments) to and from them.
//!
//! Main types: [`Hub`] (the use cases) and [`HubError`]. The mapping from
//! the engine's [`Report`] to a stored [`Assessment`] lives here
//! ([`stored`]), as does the one assessor every edge uses ([`assessor`]).
//!
//! Use cases here so far: storing the assessment of a document's text
//! ([`Hub::store_report`]) and assessing texts already stored, in bulk
//! ([`Hub::assess_stored_texts`], which `demo --synthetic` uses). Record
//! writes, reviews, submissions and corrections still go from the edges
//! to the store; they move here next.

use std::sync::OnceLock;

use passerelle_assess::{Assessor, Language, Report, Rubric, Status};
use passerelle_domain::Document;
use passerelle_domain::assessment::{Assessment, Finding, FindingStatus, Provenance};
use passerelle_store::{Store, StoreError};

/// What can go wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The engine's thread stopped (a panic); nothing was stored.
    #[error("the assessment stopped: {0}")]
    Engine(String),
}

/// The assessor every edge uses, with the built-in rubric.
pub fn assessor() -> &'static Assessor {
    static ASSESSOR: OnceLock<Assessor> = OnceLock::new();
    ASSESSOR.get_or_init(|| Assessor::new(Rubric::builtin()))
}

/// The use cases over one store.
#[derive(Clone)]
pub struct Hub {
    pub store: Store,
}

impl Hub {
    pub fn new(store: Store) -> Hub {
        Hub { store }
    }

    /// Stores the machine's `report` on `document` (whose text read is
    /// `text`) as its assessment; reviewers' decisions on an earlier one
    /// are kept (see `Store::save_assessment`).
    pub async fn store_report(
        &self,
        actor: &str,
        document: &Document,
        report: &Report,
        text: &str,
        now: &str,
    ) -> Result<Assessment, HubError> {
        let assessment = stored(report, &document.agreement_id, &document.id, now);
        Ok(self
            .store
            .save_assessment(actor, assessment, Some(text))
            .await?)
    }

    /// Assesses the texts of documents already stored (texts read before,
    /// or generated) and stores every assessment in one transaction,
    /// off the async threads. A document without a text is skipped.
    pub async fn assess_stored_texts(
        &self,
        actor: &str,
        documents: Vec<Document>,
    ) -> Result<Vec<Assessment>, HubError> {
        let now = passerelle_store::now();
        let assessments = tokio::task::spawn_blocking(move || {
            documents
                .into_iter()
                .filter_map(|doc| {
                    let text = doc.text.as_deref()?;
                    let language = doc.language.as_deref().and_then(Language::parse);
                    let report = assessor().assess(text, language);
                    Some(stored(&report, &doc.agreement_id, &doc.id, &now))
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| HubError::Engine(e.to_string()))?;
        Ok(self.store.save_assessments(actor, assessments).await?)
    }
}

/// The machine's report as a stored assessment of `document_id`.
pub fn stored(report: &Report, agreement_id: &str, document_id: &str, now: &str) -> Assessment {
    let findings = report
        .elements
        .iter()
        .map(|e| {
            let status = stored_status(e.status);
            Finding {
                element: e.id.clone(),
                status,
                score: e.score,
                provenance: Provenance::Machine,
                machine_status: status,
                evidence: serde_json::json!({"evidence": e.evidence, "clauses": e.clauses, "concerns": e.concerns, "mixed": e.mixed}),
                note: None,
                reviewer: None,
                decided_at: None,
            }
        })
        .collect();
    Assessment {
        id: assessment_id(document_id, &report.rubric),
        agreement_id: agreement_id.to_string(),
        document_id: document_id.to_string(),
        rubric: report.rubric.clone(),
        rubric_version: report.rubric_version.clone(),
        language: report.language.code().to_string(),
        coverage: report.coverage,
        clauses: serde_json::to_value(&report.clauses).expect("clauses serialize"),
        findings,
        created_at: now.to_string(),
        updated_at: now.to_string(),
    }
}

/// The stored status of an engine status: the two lists are one (a test
/// checks it), the domain keeping its own so that it needs no engine.
pub fn stored_status(s: Status) -> FindingStatus {
    FindingStatus::parse(s.as_str()).expect("the engine's and the store's statuses agree")
}

/// The engine status of a stored one.
pub fn engine_status(s: FindingStatus) -> Status {
    Status::parse(s.as_str()).expect("the engine's and the store's statuses agree")
}

/// A stable id for the assessment of a document with a rubric.
fn assessment_id(document_id: &str, rubric: &str) -> String {
    format!("{document_id}.{rubric}")
}
