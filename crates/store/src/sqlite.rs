//! The embedded default: SQLite in a data folder.

type Db = sqlx::Sqlite;
/// An immediate transaction takes the write lock at once, so two writers
/// never deadlock upgrading read locks.
const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";
const WRITE_LOCK: Option<&str> = None;
const OPTIMIZE: &[&str] = &["ANALYZE"];

include!("ops.rs");
include!("record_ops.rs");
include!("document_ops.rs");
include!("log_ops.rs");
include!("assessment_ops.rs");
include!("account_ops.rs");
include!("correction_ops.rs");
