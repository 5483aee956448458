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
    /// The database does not answer (down, restarting, out of
    /// connections): the request may be tried again shortly.
    #[error("the database does not answer: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        // SQLSTATE classes 08 (connection exception) and 57P (operator
        // intervention: shutdown, cannot connect now) say the server is
        // away, not that the request is wrong.
        let away = match &e {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::WorkerCrashed => true,
            sqlx::Error::Database(d) => d
                .code()
                .is_some_and(|c| c.starts_with("08") || c.starts_with("57P")),
            _ => false,
        };
        if away {
            StoreError::Unavailable(e.to_string())
        } else {
            StoreError::Database(e)
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> StoreError {
        StoreError::Corrupt(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::StoreError;

    #[test]
    fn a_database_that_does_not_answer_is_told_apart() {
        for away in [
            sqlx::Error::PoolTimedOut,
            sqlx::Error::PoolClosed,
            sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::ConnectionRefused)),
        ] {
            assert!(
                matches!(StoreError::from(away), StoreError::Unavailable(_)),
                "unavailable"
            );
        }
        assert!(matches!(
            StoreError::from(sqlx::Error::RowNotFound),
            StoreError::Database(_)
        ));
    }
}
