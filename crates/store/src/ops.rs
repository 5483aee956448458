// The store's operations, written once and compiled for each backend: this
// file is `include!`d by `sqlite.rs` and `postgres.rs`, each of which
// defines `Db` (the sqlx database), `BEGIN_WRITE` and `WRITE_LOCK`. SQL uses
// `$n` placeholders and types that mean the same on SQLite and PostgreSQL.
//
// This file holds what the others share: the imports, transactions,
// migrations, bulk-insert helpers and settings. Beside it, included the same
// way: `record_ops.rs` (records), `document_ops.rs` (texts and blobs),
// `log_ops.rs` (audit log and outbox), `assessment_ops.rs` (assessments and
// findings), `account_ops.rs` (users, sessions, tokens, attempts) and
// `correction_ops.rs` (proposed corrections).

use std::collections::{HashMap, HashSet};

use passerelle_domain::assessment::{Assessment, Finding, FindingStatus, Provenance, Review};
use passerelle_domain::document::Ocr;
use passerelle_domain::text::slugify;
use passerelle_domain::{
    Action, AnyRecord, AuditEntry, Document, Entity, FieldError, Invalid, Kind, Reference,
};
use serde_json::Value;
use sqlx::{AssertSqlSafe, Pool, Row, Transaction};

use crate::query::{AuditQuery, ImportSummary, ListQuery, OutboxEntry};
use crate::{Arg, Migration, StoreError, Write, now};

type Tx = Transaction<'static, Db>;

/// Starts a write transaction. Writers are serialised (SQLite's immediate
/// lock, PostgreSQL's advisory lock) so that outbox order is commit order.
pub(crate) async fn begin(pool: &Pool<Db>) -> Result<Tx, StoreError> {
    let mut tx = pool.begin_with(BEGIN_WRITE).await?;
    if let Some(lock) = WRITE_LOCK {
        sqlx::query(lock).execute(&mut *tx).await?;
    }
    Ok(tx)
}

/// Commits on success; rolls back at once on failure, so a failed write
/// never leaves a connection idle in its transaction holding the write lock.
async fn finish<T>(tx: Tx, result: Result<T, StoreError>) -> Result<T, StoreError> {
    match result {
        Ok(value) => {
            tx.commit().await?;
            Ok(value)
        }
        Err(e) => {
            let _ = tx.rollback().await;
            Err(e)
        }
    }
}

pub(crate) async fn migrate(pool: &Pool<Db>, migrations: &[Migration]) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .execute(&mut *tx)
        .await?;
        let current: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM schema_migrations")
            .fetch_one(&mut *tx)
            .await?;
        let current = current.unwrap_or(0);
        let known = migrations.last().map(|m| m.version).unwrap_or(0);
        if current > known {
            return Err(StoreError::SchemaTooNew { found: current, known });
        }
        for m in migrations.iter().filter(|m| m.version > current) {
            let fail = |source| StoreError::Migration { version: m.version, name: m.name, source };
            sqlx::raw_sql(m.sql).execute(&mut *tx).await.map_err(fail)?;
            sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
                .bind(m.version)
                .bind(m.name)
                .bind(now())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        Ok(())
    }
    .await;
    finish(tx, result).await
}

/// Most bound parameters in one statement. SQLite allows 32,766 and
/// PostgreSQL 65,535, but statements that large are slow to prepare and
/// bind (on SQLite 7,500 rows of 4 took over a second where 15 chunks of
/// 500 rows took a fraction of it), so chunks stay small.
const MAX_PARAMS: usize = 2_000;

fn placeholders(rows: usize, width: usize, first: usize) -> String {
    (0..rows)
        .map(|r| {
            let cols: Vec<String> = (0..width)
                .map(|c| format!("${}", first + r * width + c))
                .collect();
            format!("({})", cols.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inserts many rows with as few statements as the parameter limit allows:
/// a bulk import costs a handful of round trips, not several per record.
async fn insert_rows(
    tx: &mut Tx,
    head: &str,
    tail: &str,
    width: usize,
    rows: &[Vec<Arg>],
) -> Result<(), StoreError> {
    for chunk in rows.chunks((MAX_PARAMS / width).max(1)) {
        let sql = format!(
            "{head} VALUES {} {tail}",
            placeholders(chunk.len(), width, 1)
        );
        let args: Vec<Arg> = chunk.iter().flatten().cloned().collect();
        bind_all(sqlx::query(AssertSqlSafe(sql)), &args)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Runs `sql` (with `{}` where a list of placeholders goes, after `$1` for
/// the kind) over `values` in chunks, collecting one text column pair.
async fn lookup_pairs(
    tx: &mut Tx,
    sql: &str,
    kind: Kind,
    values: &[String],
) -> Result<Vec<(String, String)>, StoreError> {
    let mut out = Vec::new();
    for chunk in values.chunks(MAX_PARAMS - 1) {
        let list: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = sql.replace("{}", &list.join(", "));
        let mut q = sqlx::query_as::<_, (String, String)>(AssertSqlSafe(sql)).bind(kind.as_str());
        for v in chunk {
            q = q.bind(v.as_str());
        }
        out.extend(q.fetch_all(&mut **tx).await?);
    }
    Ok(out)
}

fn bind_all<'q>(
    mut q: sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments>,
    args: &'q [Arg],
) -> sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments> {
    for a in args {
        q = match a {
            Arg::Text(s) => q.bind(s.as_str()),
            Arg::Int(i) => q.bind(*i),
            Arg::OptText(s) => q.bind(s.as_deref()),
            Arg::OptInt(i) => q.bind(*i),
            Arg::Bool(b) => q.bind(*b),
            Arg::Bytes(b) => q.bind(b.as_slice()),
            Arg::Float(f) => q.bind(*f),
        };
    }
    q
}

pub(crate) async fn setting(pool: &Pool<Db>, key: &str) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await?,
    )
}

/// Sets `key` unless it is already set; returns the value now stored, so
/// that concurrent first starts agree on one value.
pub(crate) async fn setting_or_insert(
    pool: &Pool<Db>,
    key: &str,
    value: &str,
) -> Result<String, StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(value)
        .execute(&mut *tx)
        .await?;
        let stored: String = sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_one(&mut *tx)
            .await?;
        Ok(stored)
    }
    .await;
    finish(tx, result).await
}

pub(crate) async fn set_setting(pool: &Pool<Db>, key: &str, value: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(pool)
        .await?;
    Ok(())
}

/// Refreshes the planner's statistics after a bulk load, so that the next
/// queries pick indexes suited to the new size of the tables.
pub(crate) async fn optimize(pool: &Pool<Db>) -> Result<(), StoreError> {
    for statement in OPTIMIZE {
        sqlx::query(*statement).execute(pool).await?;
    }
    Ok(())
}
