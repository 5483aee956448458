//! Persistence for Passerelle behind one API, [`Store`], with two
//! implementations compiled from the same code: SQLite (the embedded
//! default) and PostgreSQL (several app nodes on one database).
//!
//! Every kind of record lives in one `records` table (the record as JSON
//! beside the columns lists filter and sort by) with its facet values in
//! `facets`. Every write runs in a transaction that also appends an
//! [`AuditEntry`](passerelle_domain::AuditEntry) and a search outbox row.
//! Document bytes are stored once per SHA-256. Migrations for each backend
//! are embedded and applied by [`Store::open`].

mod error;
mod postgres;
mod query;
mod sqlite;
#[cfg(feature = "test-support")]
pub mod testing;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use passerelle_domain::text::fold;
use passerelle_domain::{
    AnyRecord, AuditEntry, Commitment, Document, Entity, Invalid, Kind, StatusUpdate,
};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub use error::StoreError;
pub use query::{
    AuditQuery, DEFAULT_PER_PAGE, ImportSummary, ListQuery, MAX_PER_PAGE, OutboxEntry, Page, Sort,
};

/// Handle on the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    backend: Backend,
}

#[derive(Clone, Debug)]
enum Backend {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A file to attach to an agreement.
#[derive(Clone, Debug)]
pub struct NewDocument<'a> {
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub language: Option<&'a str>,
    /// Extracted text, when already known.
    pub text: Option<String>,
    pub bytes: &'a [u8],
    /// The address the file was fetched from, if it was.
    pub source_url: Option<&'a str>,
}

/// What a write may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Write {
    /// Insert; an existing id is a conflict.
    Create,
    /// Replace; a missing id is not found.
    Update,
    /// Insert or replace, keeping the timestamps given (imports, restores).
    Import,
}

pub(crate) struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
}

/// The setting that holds the projection version of the stored rows.
const PROJECTION_SETTING: &str = "projection_version";

/// Records re-projected per transaction.
pub const REPROJECT_BATCH: i64 = 500;

const SQLITE_MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "registry",
        sql: include_str!("../migrations/sqlite/0001_registry.sql"),
    },
    Migration {
        version: 2,
        name: "assessments",
        sql: include_str!("../migrations/sqlite/0002_assessments.sql"),
    },
    Migration {
        version: 3,
        name: "accounts",
        sql: include_str!("../migrations/sqlite/0003_accounts.sql"),
    },
    Migration {
        version: 4,
        name: "corrections",
        sql: include_str!("../migrations/sqlite/0004_corrections.sql"),
    },
    Migration {
        version: 5,
        name: "finding statuses",
        sql: include_str!("../migrations/sqlite/0005_finding_statuses.sql"),
    },
    Migration {
        version: 6,
        name: "corridors",
        sql: include_str!("../migrations/sqlite/0006_corridors.sql"),
    },
    Migration {
        version: 7,
        name: "document sources",
        sql: include_str!("../migrations/sqlite/0007_document_sources.sql"),
    },
    Migration {
        version: 8,
        name: "document OCR",
        sql: include_str!("../migrations/sqlite/0008_document_ocr.sql"),
    },
];

const POSTGRES_MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "registry",
        sql: include_str!("../migrations/postgres/0001_registry.sql"),
    },
    Migration {
        version: 2,
        name: "assessments",
        sql: include_str!("../migrations/postgres/0002_assessments.sql"),
    },
    Migration {
        version: 3,
        name: "accounts",
        sql: include_str!("../migrations/postgres/0003_accounts.sql"),
    },
    Migration {
        version: 4,
        name: "corrections",
        sql: include_str!("../migrations/postgres/0004_corrections.sql"),
    },
    Migration {
        version: 5,
        name: "finding statuses",
        sql: include_str!("../migrations/postgres/0005_finding_statuses.sql"),
    },
    Migration {
        version: 6,
        name: "corridors",
        sql: include_str!("../migrations/postgres/0006_corridors.sql"),
    },
    Migration {
        version: 7,
        name: "document sources",
        sql: include_str!("../migrations/postgres/0007_document_sources.sql"),
    },
    Migration {
        version: 8,
        name: "document OCR",
        sql: include_str!("../migrations/postgres/0008_document_ocr.sql"),
    },
];

/// How long a request waits for a PostgreSQL connection.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// A bound SQL argument of a dynamically built query.
#[derive(Clone, Debug)]
pub(crate) enum Arg {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    OptInt(Option<i64>),
    Bool(bool),
    Bytes(Vec<u8>),
    Float(f64),
}

/// Now, RFC 3339 in UTC with millisecond precision, as the store stamps
/// records.
pub fn now() -> String {
    rfc3339(std::time::SystemTime::now())
}

/// A time as the store writes timestamps (RFC 3339, UTC, milliseconds).
pub fn rfc3339(t: std::time::SystemTime) -> String {
    let t = time::OffsetDateTime::from(t);
    let t = t
        .replace_nanosecond(t.millisecond() as u32 * 1_000_000)
        .unwrap_or(t);
    t.format(&time::format_description::well_known::Rfc3339)
        .expect("UTC timestamps format")
}

macro_rules! dispatch {
    ($self:expr, $f:ident ( $($arg:expr),* )) => {
        match &$self.backend {
            Backend::Sqlite(p) => sqlite::$f(p, $($arg),*).await,
            Backend::Postgres(p) => postgres::$f(p, $($arg),*).await,
        }
    };
}

impl Store {
    /// Opens (creating and migrating when new) the database at `url`:
    /// `sqlite://PATH` or `postgres://...`.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let path = path.split('?').next().unwrap_or(path);
            Store::open_sqlite(Path::new(path)).await
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Store::open_postgres(url, None).await
        } else {
            Err(StoreError::UnsupportedUrl(url.to_string()))
        }
    }

    /// Opens the SQLite database file at `path`, creating it and its folder.
    pub async fn open_sqlite(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Database(sqlx::Error::Configuration(
                    format!("cannot create the data folder {}: {e}", dir.display()).into(),
                ))
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlite::migrate(&pool, SQLITE_MIGRATIONS).await?;
        let store = Store {
            backend: Backend::Sqlite(pool),
        };
        store.note_projection_if_empty().await?;
        Ok(store)
    }

    /// Connects to PostgreSQL; with `schema`, every table lives in that
    /// schema (which must exist), as the tests do to stay apart.
    pub async fn open_postgres(url: &str, schema: Option<&str>) -> Result<Store, StoreError> {
        // Statements are prepared once per connection; a generic plan made
        // while a table was empty (a fresh database being loaded) would scan
        // it for ever after, so every execution is planned for its values.
        let mut options =
            PgConnectOptions::from_str(url)?.options([("plan_cache_mode", "force_custom_plan")]);
        if let Some(schema) = schema {
            options = options.options([("search_path", schema)]);
        }
        let pool = PgPoolOptions::new()
            .max_connections(16)
            // A request waits this long for a connection, then is told the
            // database does not answer (`StoreError::Unavailable`, a 503):
            // during an outage nothing hangs, and the pool reconnects by
            // itself when the server is back.
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await?;
        postgres::migrate(&pool, POSTGRES_MIGRATIONS).await?;
        let store = Store {
            backend: Backend::Postgres(pool),
        };
        store.note_projection_if_empty().await?;
        Ok(store)
    }

    /// `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Writes a consistent copy of the whole database (records, texts and
    /// their files, accounts, the audit log) to a new SQLite file at
    /// `path`, while the hub keeps serving (SQLite's `VACUUM INTO`). A
    /// PostgreSQL database is backed up with its own tools.
    pub async fn backup_to(&self, path: &std::path::Path) -> Result<(), StoreError> {
        let Backend::Sqlite(pool) = &self.backend else {
            return Err(StoreError::Unsupported(
                "a PostgreSQL database is backed up with pg_dump (pg_dump -Fc DATABASE_URL > FILE) and restored with pg_restore".into(),
            ));
        };
        if path.exists() {
            return Err(StoreError::Conflict(format!(
                "{} exists already; a backup never overwrites a file",
                path.display()
            )));
        }
        let target = path.to_str().ok_or_else(|| {
            StoreError::Unsupported(format!("{} is not a UTF-8 path", path.display()))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(pool)
            .await?;
        Ok(())
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(p) => p.close().await,
            Backend::Postgres(p) => p.close().await,
        }
    }

    /// Stores a new record; its id (given, derived or generated) must be new.
    pub async fn create<E: Entity>(&self, actor: &str, record: E) -> Result<E, StoreError> {
        dispatch!(self, put_one(actor, record, Write::Create))
    }

    /// Replaces the record with id or slug `key`; timestamps are kept.
    pub async fn update<E: Entity>(
        &self,
        actor: &str,
        key: &str,
        record: E,
    ) -> Result<E, StoreError> {
        let replacement = record.clone();
        dispatch!(
            self,
            modify(actor, key, move |stored: &mut E| {
                if let (Some(given), Some(id)) = (replacement.id(), stored.id())
                    && given != id
                {
                    return Err(StoreError::Invalid(Invalid::one(
                        "id",
                        format!(
                            "`{given}` does not match the record being updated (`{id}`); the id cannot change"
                        ),
                    )));
                }
                let created = stored.timestamps().0.clone();
                *stored = replacement;
                *stored.timestamps().0 = created;
                Ok(())
            })
        )
    }

    /// Appends a status update to a commitment's history.
    pub async fn record_status(
        &self,
        actor: &str,
        key: &str,
        update: StatusUpdate,
    ) -> Result<Commitment, StoreError> {
        dispatch!(
            self,
            modify(actor, key, move |c: &mut Commitment| Ok(
                c.record_status(update)?
            ))
        )
    }

    pub async fn delete(&self, actor: &str, kind: Kind, key: &str) -> Result<(), StoreError> {
        let id = match self.get_json(kind, key, true).await? {
            Some(v) => v["id"].as_str().unwrap_or(key).to_string(),
            None => {
                return Err(StoreError::NotFound {
                    kind,
                    id: key.to_string(),
                });
            }
        };
        dispatch!(self, delete(actor, kind, &id))
    }

    /// Imports records in one transaction: all or nothing. Records whose
    /// content is unchanged are left alone, so a re-import changes nothing.
    /// On failure, the index of the record at fault (if any) is given.
    /// `progress` hears how many records are written so far.
    pub async fn import(
        &self,
        actor: &str,
        records: Vec<AnyRecord>,
        progress: impl FnMut(usize) + Send,
    ) -> Result<ImportSummary, (Option<usize>, StoreError)> {
        dispatch!(self, import(actor, records, progress))
    }

    pub async fn get_json(
        &self,
        kind: Kind,
        key: &str,
        include_private: bool,
    ) -> Result<Option<Value>, StoreError> {
        let data: Option<String> = dispatch!(self, get(kind, key, include_private))?;
        Ok(match data {
            Some(d) => Some(serde_json::from_str(&d)?),
            None => None,
        })
    }

    /// Records of `kind` by id, in the order of `ids`; ids not found (or
    /// not public, without `include_private`) are left out. For pages whose
    /// order and selection come from the search index.
    pub async fn get_many_json(
        &self,
        kind: Kind,
        ids: &[String],
        include_private: bool,
    ) -> Result<Vec<Value>, StoreError> {
        let rows: Vec<String> = dispatch!(self, get_many(kind, ids, include_private))?;
        let mut by_id: std::collections::HashMap<String, Value> = std::collections::HashMap::new();
        for row in rows {
            let v: Value = serde_json::from_str(&row)?;
            if let Some(id) = v["id"].as_str() {
                by_id.insert(id.to_string(), v);
            }
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    pub async fn get<E: Entity>(
        &self,
        key: &str,
        include_private: bool,
    ) -> Result<Option<E>, StoreError> {
        match self.get_json(E::KIND, key, include_private).await? {
            Some(v) => Ok(Some(serde_json::from_value(v)?)),
            None => Ok(None),
        }
    }

    pub async fn list_json(
        &self,
        kind: Kind,
        query: &ListQuery,
    ) -> Result<Page<Value>, StoreError> {
        query.check()?;
        let (total, rows) = dispatch!(self, list(kind, query))?;
        let items = rows
            .iter()
            .map(|r| serde_json::from_str(r))
            .collect::<Result<_, _>>()?;
        Ok(Page {
            kind,
            total,
            page: query.page,
            per_page: query.per_page,
            items,
        })
    }

    pub async fn list<E: Entity>(&self, query: &ListQuery) -> Result<Page<E>, StoreError> {
        let page = self.list_json(E::KIND, query).await?;
        let items = page
            .items
            .into_iter()
            .map(serde_json::from_value)
            .collect::<Result<_, _>>()?;
        Ok(Page {
            kind: page.kind,
            total: page.total,
            page: page.page,
            per_page: page.per_page,
            items,
        })
    }

    /// Every record of a kind, oldest first (for export).
    pub async fn all_json(&self, kind: Kind) -> Result<Vec<Value>, StoreError> {
        self.all_matching_json(kind, ListQuery::all()).await
    }

    /// Every record matching `query`'s filters, in its order, whatever its
    /// page (downloads of a selection).
    pub async fn all_matching_json(
        &self,
        kind: Kind,
        mut query: ListQuery,
    ) -> Result<Vec<Value>, StoreError> {
        query.page = 1;
        query.per_page = MAX_PER_PAGE;
        let mut out = Vec::new();
        loop {
            let page = self.list_json(kind, &query).await?;
            let done = page.items.len() < query.per_page as usize;
            out.extend(page.items);
            if done {
                return Ok(out);
            }
            query.page += 1;
        }
    }

    /// Stores the machine's assessment of a document (and the text it read),
    /// keeping reviewers' decisions from an earlier assessment.
    ///
    /// `text` is the text read, and how it was read when by OCR; it
    /// replaces the document's (a text read again from its own layer
    /// clears an earlier OCR note).
    pub async fn save_assessment(
        &self,
        actor: &str,
        assessment: passerelle_domain::assessment::Assessment,
        text: Option<(&str, Option<&passerelle_domain::document::Ocr>)>,
    ) -> Result<passerelle_domain::assessment::Assessment, StoreError> {
        dispatch!(self, save_assessment(actor, assessment, text))
    }

    /// Saves many assessments of texts their documents already hold, in one
    /// transaction (all or none), each as [`Store::save_assessment`] would.
    pub async fn save_assessments(
        &self,
        actor: &str,
        assessments: Vec<passerelle_domain::assessment::Assessment>,
    ) -> Result<Vec<passerelle_domain::assessment::Assessment>, StoreError> {
        dispatch!(self, save_assessments(actor, assessments))
    }

    /// The newest assessment of an agreement, by agreement id.
    pub async fn assessment(
        &self,
        agreement_id: &str,
    ) -> Result<Option<passerelle_domain::assessment::Assessment>, StoreError> {
        dispatch!(self, assessment(agreement_id))
    }

    /// A reviewer's decision on one finding.
    pub async fn review(
        &self,
        actor: &str,
        agreement_id: &str,
        element: &str,
        review: &passerelle_domain::assessment::Review,
    ) -> Result<passerelle_domain::assessment::Assessment, StoreError> {
        dispatch!(self, review(actor, agreement_id, element, review))
    }

    /// Updates the query planner's statistics; run after bulk loads.
    pub async fn optimize(&self) -> Result<(), StoreError> {
        dispatch!(self, optimize())
    }

    /// Number of public records of each kind.
    pub async fn counts(&self) -> Result<Vec<(Kind, u64)>, StoreError> {
        let rows: Vec<(String, i64)> = dispatch!(self, counts())?;
        Ok(Kind::ALL
            .into_iter()
            .map(|k| {
                (
                    k,
                    rows.iter()
                        .find(|(n, _)| n == k.as_str())
                        .map_or(0, |(_, c)| *c as u64),
                )
            })
            .collect())
    }

    /// Stores a file and attaches it to an agreement. The bytes are stored
    /// once however many documents share them.
    pub async fn attach_document(
        &self,
        actor: &str,
        agreement_key: &str,
        new: NewDocument<'_>,
    ) -> Result<Document, StoreError> {
        let agreement_id = match self.get_json(Kind::Agreements, agreement_key, true).await? {
            Some(v) => v["id"].as_str().unwrap_or(agreement_key).to_string(),
            None => {
                return Err(StoreError::NotFound {
                    kind: Kind::Agreements,
                    id: agreement_key.to_string(),
                });
            }
        };
        let mut docs = self
            .attach_documents(actor, vec![(agreement_id, new)])
            .await?;
        Ok(docs.remove(0))
    }

    /// Attaches several files, to agreements given by id, in one
    /// transaction (bulk loads).
    pub async fn attach_documents(
        &self,
        actor: &str,
        files: Vec<(String, NewDocument<'_>)>,
    ) -> Result<Vec<Document>, StoreError> {
        let docs: Vec<(Document, &[u8])> = files
            .into_iter()
            .map(|(agreement_id, new)| {
                let doc = Document {
                    id: uuid::Uuid::new_v4().to_string(),
                    agreement_id,
                    file_name: new.file_name.to_string(),
                    media_type: new.media_type.to_string(),
                    language: new.language.map(str::to_string),
                    sha256: hex::encode(Sha256::digest(new.bytes)),
                    size: new.bytes.len() as u64,
                    text: new.text,
                    source_url: new.source_url.map(str::to_string),
                    ocr: None,
                    created_at: now(),
                };
                (doc, new.bytes)
            })
            .collect();
        dispatch!(self, attach(actor, &docs))?;
        Ok(docs.into_iter().map(|(d, _)| d).collect())
    }

    pub async fn detach_document(&self, actor: &str, id: &str) -> Result<(), StoreError> {
        dispatch!(self, detach(actor, id))
    }

    pub async fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        dispatch!(self, document(id))
    }

    pub async fn documents(&self, agreement_id: &str) -> Result<Vec<Document>, StoreError> {
        dispatch!(self, documents(agreement_id))
    }

    /// The bytes stored under a SHA-256.
    pub async fn blob(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        dispatch!(self, blob(sha256))
    }

    pub async fn audit_log(&self, query: &AuditQuery) -> Result<Vec<AuditEntry>, StoreError> {
        dispatch!(self, audit_log(query))
    }

    /// Outbox entries after `seq`, oldest first.
    pub async fn outbox_since(&self, seq: i64, limit: u32) -> Result<Vec<OutboxEntry>, StoreError> {
        dispatch!(self, outbox_since(seq, limit))
    }

    /// The oldest outbox sequence number still kept: a search index that
    /// applied less than the one before it has missed pruned entries and
    /// must be rebuilt.
    pub async fn outbox_first(&self) -> Result<i64, StoreError> {
        dispatch!(self, outbox_first())
    }

    /// Deletes outbox entries written before `before` (RFC 3339), keeping
    /// the newest; returns how many went.
    pub async fn prune_outbox(&self, before: &str) -> Result<u64, StoreError> {
        dispatch!(self, prune_outbox(before))
    }

    /// The newest outbox sequence number; an index built from the records
    /// read after this call is current up to it.
    pub async fn outbox_head(&self) -> Result<i64, StoreError> {
        dispatch!(self, outbox_head())
    }

    /// Whether the columns and facets stored for the records were computed
    /// by an older projection than the code's
    /// ([`passerelle_domain::entity::PROJECTION_VERSION`]), or by a version
    /// of Passerelle that did not record it: then [`Store::reproject`]
    /// must run before lists and filters can be trusted.
    pub async fn projection_outdated(&self) -> Result<bool, StoreError> {
        let stored = self.setting(PROJECTION_SETTING).await?;
        Ok(stored
            .and_then(|v| v.parse::<u32>().ok())
            .is_none_or(|v| v < passerelle_domain::entity::PROJECTION_VERSION))
    }

    /// A database without records has nothing computed by an older
    /// projection: it is current from the start.
    async fn note_projection_if_empty(&self) -> Result<(), StoreError> {
        if self.setting(PROJECTION_SETTING).await?.is_none()
            && self.counts().await?.iter().all(|(_, n)| *n == 0)
        {
            self.set_setting(
                PROJECTION_SETTING,
                &passerelle_domain::entity::PROJECTION_VERSION.to_string(),
            )
            .await?;
        }
        Ok(())
    }

    /// Computes again every record's columns and facets from its stored
    /// JSON with the code's projection, in batches of [`REPROJECT_BATCH`]
    /// (each its own transaction, so a large database is not locked for
    /// long and an interrupted run resumes from the start harmlessly),
    /// then records the projection version. `progress(done, total)` after
    /// each batch. Records and their audit trail are unchanged: this is a
    /// derived view.
    pub async fn reproject(&self, mut progress: impl FnMut(u64, u64)) -> Result<u64, StoreError> {
        let total: u64 = self.counts().await?.iter().map(|(_, n)| n).sum();
        let mut done = 0;
        for kind in Kind::ALL {
            let mut after = String::new();
            loop {
                let (n, last) = dispatch!(self, reproject_batch(kind, &after, REPROJECT_BATCH))?;
                done += n;
                progress(done, total);
                match last {
                    Some(last) if n == REPROJECT_BATCH as u64 => after = last,
                    _ => break,
                }
            }
        }
        self.set_setting(
            PROJECTION_SETTING,
            &passerelle_domain::entity::PROJECTION_VERSION.to_string(),
        )
        .await?;
        Ok(done)
    }

    /// The newest audit entry's sequence number: it moves with every
    /// write (records, documents, assessments, reviews, accounts), so a
    /// cache of pages keys on it.
    pub async fn audit_head(&self) -> Result<i64, StoreError> {
        dispatch!(self, audit_head())
    }

    /// The documents, with their texts, of the agreements with these ids.
    pub async fn documents_of(
        &self,
        agreement_ids: &[String],
    ) -> Result<Vec<Document>, StoreError> {
        dispatch!(self, documents_of(agreement_ids))
    }

    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        dispatch!(self, setting(key))
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        dispatch!(self, set_setting(key, value))
    }

    /// This database's identity, made at first use: a search index made
    /// from another database (a copy, a move to PostgreSQL) can tell.
    pub async fn database_id(&self) -> Result<String, StoreError> {
        // Read first: followers ask twice a second, and an insert that does
        // nothing still takes SQLite's write lock.
        if let Some(id) = self.setting("database_id").await? {
            return Ok(id);
        }
        self.setting_or_insert("database_id", &uuid::Uuid::new_v4().to_string())
            .await
    }

    /// Stores `value` under `key` unless set; returns the stored value.
    pub async fn setting_or_insert(&self, key: &str, value: &str) -> Result<String, StoreError> {
        dispatch!(self, setting_or_insert(key, value))
    }
}

/// The WHERE clause of a list and its arguments (`$1` is the kind).
pub(crate) fn where_clause(kind: Kind, q: &ListQuery) -> (String, Vec<Arg>) {
    let mut args = vec![Arg::Text(kind.as_str().to_string())];
    let mut parts = vec!["r.kind = $1".to_string()];
    let push = |args: &mut Vec<Arg>, a: Arg| {
        args.push(a);
        format!("${}", args.len())
    };
    if !q.include_private {
        // An equality, so the (kind, public, sort key) indexes serve it.
        parts.push("r.public = TRUE".to_string());
    }
    let list = |args: &mut Vec<Arg>, values: &[String]| {
        values
            .iter()
            .map(|v| push(args, Arg::Text(v.clone())))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let each = q.all_of.iter().map(|(f, v)| (*f, std::slice::from_ref(v)));
    for (facet, values) in q.facets.iter().map(|(f, v)| (*f, v.as_slice())).chain(each) {
        if values.is_empty() {
            continue;
        }
        let f = list(&mut args, &[facet.as_str().to_string()]);
        let vs = list(&mut args, values);
        parts.push(format!(
            "r.id IN (SELECT f.record_id FROM facets f WHERE f.kind = $1 AND f.facet = {f} AND f.value IN ({vs}))"
        ));
    }
    if !q.types.is_empty() {
        parts.push(format!("r.record_type IN ({})", list(&mut args, &q.types)));
    }
    if !q.statuses.is_empty() {
        parts.push(format!("r.status IN ({})", list(&mut args, &q.statuses)));
    }
    if let Some(y) = q.year_from {
        args.push(Arg::Int(i64::from(y)));
        parts.push(format!("r.year >= ${}", args.len()));
    }
    if let Some(y) = q.year_to {
        args.push(Arg::Int(i64::from(y)));
        parts.push(format!("r.year <= ${}", args.len()));
    }
    if let Some(text) = &q.text {
        for word in fold(text).split_whitespace() {
            let escaped = word
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            args.push(Arg::Text(format!("%{escaped}%")));
            parts.push(format!("r.title_text LIKE ${} ESCAPE '\\'", args.len()));
        }
    }
    (parts.join(" AND "), args)
}

mod account;
pub use account::{NewUser, normalise_email};
