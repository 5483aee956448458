use passerelle_domain::{Invalid, Kind};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record (or the request) breaks a rule; each field is named.
    #[error("invalid: {0}")]
    Invalid(#[from] Invalid),
    #[error("no {} with id or slug `{id}`", kind.noun())]
    NotFound { kind: Kind, id: String },
    #[error("no document `{0}`")]
    DocumentNotFound(String),
    /// The write clashes with what is stored (an id or slug already used).
    #[error("conflict: {0}")]
    Conflict(String),
    /// Other records point to the one being deleted.
    #[error("{} `{id}` is referenced by {}", kind.noun(), by.join(", "))]
    Referenced {
        kind: Kind,
        id: String,
        by: Vec<String>,
    },
    #[error("unsupported database URL `{0}`: use sqlite://PATH or postgres://...")]
    UnsupportedUrl(String),
    #[error("migration {version} ({name}) failed: {source}")]
    Migration {
        version: i64,
        name: &'static str,
        source: sqlx::Error,
    },
    #[error(
        "the database schema is at version {found}, newer than this program knows ({known}); upgrade Passerelle"
    )]
    SchemaTooNew { found: i64, known: i64 },
    /// What this backend cannot do, and what to use instead.
    #[error("{0}")]
    Unsupported(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> StoreError {
        StoreError::Corrupt(e.to_string())
    }
}
