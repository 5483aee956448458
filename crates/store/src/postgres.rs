//! PostgreSQL, for several stateless app nodes on one database.

type Db = sqlx::Postgres;
const BEGIN_WRITE: &str = "BEGIN";
/// One advisory lock serialises writers, so the outbox sequence is commit
/// order and a tailing node never skips a change that commits late.
const WRITE_LOCK: Option<&str> = Some("SELECT pg_advisory_xact_lock(7340301)");
/// VACUUM also marks pages all-visible, which lets counts read indexes only.
const OPTIMIZE: &[&str] = &["VACUUM (ANALYZE) records", "VACUUM (ANALYZE) facets"];

include!("ops.rs");
include!("record_ops.rs");
include!("document_ops.rs");
include!("log_ops.rs");
include!("assessment_ops.rs");
include!("account_ops.rs");
include!("correction_ops.rs");
