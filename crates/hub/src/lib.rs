//! The application layer: the use cases the API, the pages and the
//! command line share, over the store, the file reader and the assessment
//! engine, so that each is written once and an edge only translates
//! (HTTP, forms, arguments) to and from them. The search index follows
//! the store's outbox on its own (see `passerelle_search::follow`), so no
//! use case writes to it.
//!
//! Main types: [`Hub`] (the use cases), [`Caller`] (who asks; the use
//! cases decide what they may do) and [`HubError`] (one error type, which
//! the HTTP edge maps to problem codes). The mapping from the engine's
//! [`Report`] to a stored [`Assessment`] lives here ([`stored`]), as does
//! the one assessor every edge uses ([`assessor`]).
//!
//! Where each use case is: records, contributions, submissions' review,
//! commitment statuses and imports in `records.rs`; reading files,
//! attaching, assessing, reviewing and recomputing texts in `texts.rs`;
//! corrections in `corrections.rs`; signing in, one's own account, the
//! users an admin manages and the operator's token in `accounts.rs`, with
//! how secrets are made and hashed in `secrets.rs`.

use std::sync::OnceLock;

use passerelle_assess::{Assessor, Report, Rubric, Status};
use passerelle_domain::Invalid;
use passerelle_domain::account::{Permission, Role};
use passerelle_domain::assessment::{Assessment, Finding, FindingStatus, Provenance};
use passerelle_extract::ExtractError;
use passerelle_store::{Store, StoreError};

mod accounts;
mod caller;
mod corrections;
pub mod fetch;
mod records;
pub mod secrets;
mod texts;

pub use accounts::{AccountRefusal, OperatorToken, SESSION_HOURS, Session};
pub use caller::Caller;
pub use corrections::Proposer;
pub use texts::{Attached, FileReader, OCR_TIME_LIMIT, Read, TIME_LIMIT, Upload};

/// What can go wrong in a use case. Each variant is one kind of answer
/// the edges give (the API's problem codes): the edges add no reasons of
/// their own.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The request breaks a rule; each field is named.
    #[error("invalid: {0}")]
    Invalid(#[from] Invalid),
    /// What was asked for is not there (the message says what).
    #[error("{0}")]
    NotFound(String),
    /// The public asked for what needs an account.
    #[error("this needs signing in or a token")]
    Unauthenticated,
    /// A signed-in role asked for what it may not do.
    #[error("the {role} role may not do this ({needs:?})")]
    Forbidden { role: Role, needs: Permission },
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The file could not be read (too large, a scan, broken).
    #[error(transparent)]
    Unreadable(ExtractError),
    #[error("reading and assessing the file took more than {0} s")]
    TooSlow(u64),
    #[error("every reader was busy for {0} s; try again in a minute")]
    Busy(u64),
    #[error("at most {0} proposals an hour come from one sender; try again later")]
    TooManyProposals(i64),
    /// An address that was not, or could not be, fetched.
    #[error(transparent)]
    Fetch(#[from] fetch::FetchError),
    /// An account operation refused for a reason the person can act on.
    #[error("{}", .0.key())]
    Account(AccountRefusal),
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
    /// How files are read (a worker process on a server).
    pub reader: FileReader,
    /// What texts may be fetched from (see `fetch`).
    pub fetch_policy: fetch::FetchPolicy,
}

impl Hub {
    pub fn new(store: Store) -> Hub {
        Hub {
            store,
            reader: FileReader::InProcess,
            fetch_policy: fetch::FetchPolicy::default(),
        }
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
