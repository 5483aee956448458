// The store's operations, written once and compiled for each backend: this
// file is `include!`d by `sqlite.rs` and `postgres.rs`, each of which
// defines `Db` (the sqlx database), `BEGIN_WRITE` and `WRITE_LOCK`. SQL uses
// `$n` placeholders and types that mean the same on SQLite and PostgreSQL.

use passerelle_domain::text::slugify;
use passerelle_domain::{
    Action, AnyRecord, AuditEntry, Document, Entity, FieldError, IndexEntry, Invalid, Kind,
    Reference,
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

struct Stored {
    data: String,
    slug: String,
    created_at: String,
}

async fn load(tx: &mut Tx, kind: Kind, id: &str) -> Result<Option<Stored>, StoreError> {
    let row = sqlx::query("SELECT data, slug, created_at FROM records WHERE kind = $1 AND id = $2")
        .bind(kind.as_str())
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(r) => Some(Stored {
            data: r.try_get("data")?,
            slug: r.try_get("slug")?,
            created_at: r.try_get("created_at")?,
        }),
        None => None,
    })
}

async fn slug_owner(tx: &mut Tx, kind: Kind, slug: &str) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM records WHERE kind = $1 AND slug = $2")
            .bind(kind.as_str())
            .bind(slug)
            .fetch_optional(&mut **tx)
            .await?,
    )
}

/// A free slug: the one asked for (which must be free), or one derived from
/// the title with a number added until it is free.
async fn choose_slug(
    tx: &mut Tx,
    kind: Kind,
    id: &str,
    asked: Option<&str>,
    keep: Option<&str>,
    source: &str,
) -> Result<String, StoreError> {
    if let Some(slug) = asked {
        return match slug_owner(tx, kind, slug).await? {
            Some(owner) if owner != id => Err(StoreError::Invalid(Invalid::one(
                "slug",
                format!("`{slug}` is already the slug of {} `{owner}`", kind.noun()),
            ))),
            _ => Ok(slug.to_string()),
        };
    }
    if let Some(slug) = keep {
        return Ok(slug.to_string());
    }
    let mut base = slugify(source);
    if base.is_empty() {
        base = slugify(id);
    }
    if base.is_empty() {
        base = kind.noun().replace(' ', "-");
    }
    let mut candidate = base.clone();
    let mut n = 2;
    loop {
        match slug_owner(tx, kind, &candidate).await? {
            Some(owner) if owner != id => {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            _ => return Ok(candidate),
        }
    }
}

/// Strips server-set fields so stored and incoming records compare by
/// content.
fn content(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("created_at");
        o.remove("updated_at");
    }
    v
}

/// Writes one record inside `tx`; returns the stored record and whether it
/// was created, updated or left unchanged.
pub(crate) async fn put<E: Entity>(
    tx: &mut Tx,
    actor: &str,
    mut record: E,
    mode: Write,
) -> Result<(E, Option<Action>), StoreError> {
    record.validate()?;
    let kind = E::KIND;
    let id = match record.id() {
        Some(id) => id.to_string(),
        None => record
            .natural_id()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
    };
    record.set_id(id.clone());
    let before = load(tx, kind, &id).await?;
    match (mode, &before) {
        (Write::Create, Some(_)) => {
            return Err(StoreError::Conflict(format!(
                "{} `{id}` already exists",
                kind.noun()
            )));
        }
        (Write::Update, None) => return Err(StoreError::NotFound { kind, id }),
        _ => {}
    }
    let before_value: Option<Value> = match &before {
        Some(b) => Some(serde_json::from_str(&b.data)?),
        None => None,
    };
    let asked_slug = record.slug().map(str::to_string);
    let slug = choose_slug(
        tx,
        kind,
        &id,
        asked_slug.as_deref(),
        before.as_ref().map(|b| b.slug.as_str()),
        &record.slug_source(),
    )
    .await?;
    record.set_slug(slug.clone());

    let stamp = now();
    let keep_stamps = mode == Write::Import;
    {
        let (created, updated) = record.timestamps();
        let created_before = before.as_ref().map(|b| b.created_at.clone());
        if !keep_stamps || created.is_none() {
            *created = created_before.or_else(|| Some(stamp.clone()));
        }
        if !keep_stamps || updated.is_none() {
            *updated = Some(stamp.clone());
        }
    }
    let after_value = serde_json::to_value(&record)?;
    if let Some(b) = &before_value
        && content(b.clone()) == content(after_value.clone())
    {
        let stored: E = serde_json::from_value(b.clone())?;
        return Ok((stored, None));
    }
    let index = record.index();
    save(tx, kind, &id, &slug, &index, &after_value).await?;
    let action = if before.is_some() {
        Action::Update
    } else {
        Action::Create
    };
    audit(
        tx,
        actor,
        kind,
        &id,
        action,
        before_value.as_ref(),
        Some(&after_value),
    )
    .await?;
    outbox(tx, kind, &id, "upsert").await?;
    Ok((record, Some(action)))
}

async fn save(
    tx: &mut Tx,
    kind: Kind,
    id: &str,
    slug: &str,
    index: &IndexEntry,
    data: &Value,
) -> Result<(), StoreError> {
    let created = data["created_at"].as_str().unwrap_or_default().to_string();
    let updated = data["updated_at"].as_str().unwrap_or_default().to_string();
    sqlx::query(
        "INSERT INTO records (kind, id, slug, title, title_text, record_type, status, year, sort_date, public, data, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (kind, id) DO UPDATE SET slug = excluded.slug, title = excluded.title,
           title_text = excluded.title_text, record_type = excluded.record_type, status = excluded.status,
           year = excluded.year, sort_date = excluded.sort_date, public = excluded.public,
           data = excluded.data, created_at = excluded.created_at, updated_at = excluded.updated_at",
    )
    .bind(kind.as_str())
    .bind(id)
    .bind(slug)
    .bind(&index.title)
    .bind(&index.title_text)
    .bind(index.record_type.as_deref())
    .bind(index.status.as_deref())
    .bind(index.year.map(i64::from))
    .bind(index.date.as_deref())
    .bind(index.public)
    .bind(data.to_string())
    .bind(created)
    .bind(updated)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM facets WHERE kind = $1 AND record_id = $2")
        .bind(kind.as_str())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for (facet, value) in &index.facets {
        sqlx::query("INSERT INTO facets (kind, facet, value, record_id) VALUES ($1, $2, $3, $4)")
            .bind(kind.as_str())
            .bind(facet.as_str())
            .bind(value)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn audit(
    tx: &mut Tx,
    actor: &str,
    kind: Kind,
    id: &str,
    action: Action,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, kind, record_id, action, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(now())
    .bind(actor)
    .bind(kind.as_str())
    .bind(id)
    .bind(action.as_str())
    .bind(before.map(Value::to_string))
    .bind(after.map(Value::to_string))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn outbox(tx: &mut Tx, kind: Kind, id: &str, op: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO search_outbox (kind, record_id, op, at) VALUES ($1, $2, $3, $4)")
        .bind(kind.as_str())
        .bind(id)
        .bind(op)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Checks that every record points only to records that exist, once all of
/// a batch is written (so a file may hold both ends of a reference).
pub(crate) async fn check_references(
    tx: &mut Tx,
    refs: &[(usize, Reference)],
) -> Result<Vec<(usize, FieldError)>, StoreError> {
    let mut missing = Vec::new();
    for (row, r) in refs {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT CAST(1 AS BIGINT) FROM records WHERE kind = $1 AND id = $2")
                .bind(r.kind.as_str())
                .bind(&r.id)
                .fetch_optional(&mut **tx)
                .await?;
        if found.is_none() {
            missing.push((
                *row,
                FieldError {
                    field: r.field.clone(),
                    message: format!("no {} with id `{}`", r.kind.noun(), r.id),
                },
            ));
        }
    }
    Ok(missing)
}

/// Reads a record, lets `change` modify it and writes it back, all in one
/// transaction so concurrent changes are not lost.
pub(crate) async fn modify<E: Entity>(
    pool: &Pool<Db>,
    actor: &str,
    key: &str,
    change: impl FnOnce(&mut E) -> Result<(), StoreError>,
) -> Result<E, StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let id: Option<String> = sqlx::query_scalar(
            "SELECT id FROM records WHERE kind = $1 AND (id = $2 OR slug = $2) ORDER BY (id = $2) DESC LIMIT 1",
        )
        .bind(E::KIND.as_str())
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else {
            return Err(StoreError::NotFound { kind: E::KIND, id: key.to_string() });
        };
        let stored = load(&mut tx, E::KIND, &id).await?.expect("row seen in this transaction");
        let mut record: E = serde_json::from_str(&stored.data)?;
        change(&mut record)?;
        record.set_id(id);
        let refs: Vec<(usize, Reference)> = record.references().into_iter().map(|r| (0, r)).collect();
        let (stored, _) = put(&mut tx, actor, record, Write::Update).await?;
        let missing = check_references(&mut tx, &refs).await?;
        if !missing.is_empty() {
            return Err(StoreError::Invalid(Invalid(missing.into_iter().map(|(_, e)| e).collect())));
        }
        Ok(stored)
    }
    .await;
    finish(tx, result).await
}

pub(crate) async fn put_one<E: Entity>(
    pool: &Pool<Db>,
    actor: &str,
    record: E,
    mode: Write,
) -> Result<E, StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let refs: Vec<(usize, Reference)> =
            record.references().into_iter().map(|r| (0, r)).collect();
        let (stored, _) = put(&mut tx, actor, record, mode).await?;
        let missing = check_references(&mut tx, &refs).await?;
        if !missing.is_empty() {
            return Err(StoreError::Invalid(Invalid(
                missing.into_iter().map(|(_, e)| e).collect(),
            )));
        }
        Ok(stored)
    }
    .await;
    finish(tx, result).await
}

/// Imports a batch in one transaction: all of it, or (on any error) none.
/// Errors carry the index of the record they are about.
pub(crate) async fn import(
    pool: &Pool<Db>,
    actor: &str,
    records: Vec<AnyRecord>,
    mut progress: impl FnMut(usize),
) -> Result<ImportSummary, (Option<usize>, StoreError)> {
    let mut tx = begin(pool).await.map_err(|e| (None, e))?;
    let mut at = None;
    let result = async {
        let mut summary = ImportSummary::default();
        let mut refs = Vec::new();
        for (i, record) in records.into_iter().enumerate() {
            at = Some(i);
            let action = passerelle_domain::with_record!(record, r => {
                refs.extend(r.references().into_iter().map(|x| (i, x)));
                put(&mut tx, actor, r, Write::Import).await.map(|(_, a)| a)
            })?;
            match action {
                Some(Action::Create) => summary.created += 1,
                Some(_) => summary.updated += 1,
                None => summary.unchanged += 1,
            }
            progress(i + 1);
        }
        at = None;
        let missing = check_references(&mut tx, &refs).await?;
        if let Some((row, _)) = missing.first() {
            at = Some(*row);
            let row = *row;
            let errors = missing
                .into_iter()
                .filter(|(r, _)| *r == row)
                .map(|(_, e)| e)
                .collect();
            return Err(StoreError::Invalid(Invalid(errors)));
        }
        Ok(summary)
    }
    .await;
    finish(tx, result).await.map_err(|e| (at, e))
}

pub(crate) async fn delete(
    pool: &Pool<Db>,
    actor: &str,
    kind: Kind,
    id: &str,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let Some(before) = load(&mut tx, kind, id).await? else {
            return Err(StoreError::NotFound { kind, id: id.to_string() });
        };
        let by: Vec<(String, String)> = sqlx::query_as(
            "SELECT kind, record_id FROM facets WHERE facet = 'ref' AND value = $1 ORDER BY kind, record_id",
        )
        .bind(format!("{kind}:{id}"))
        .fetch_all(&mut *tx)
        .await?;
        if !by.is_empty() {
            return Err(StoreError::Referenced {
                kind,
                id: id.to_string(),
                by: by.into_iter().map(|(k, i)| format!("{k}/{i}")).collect(),
            });
        }
        let docs: Vec<String> = sqlx::query_scalar("SELECT sha256 FROM documents WHERE agreement_id = $1 AND $2 = 'agreements'")
            .bind(id)
            .bind(kind.as_str())
            .fetch_all(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM records WHERE kind = $1 AND id = $2")
            .bind(kind.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for sha in docs {
            drop_unused_blob(&mut tx, &sha).await?;
        }
        let before: Value = serde_json::from_str(&before.data)?;
        audit(&mut tx, actor, kind, id, Action::Delete, Some(&before), None).await?;
        outbox(&mut tx, kind, id, "delete").await?;
        Ok(())
    }
    .await;
    finish(tx, result).await
}

async fn drop_unused_blob(tx: &mut Tx, sha: &str) -> Result<(), StoreError> {
    sqlx::query(
        "DELETE FROM blobs WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = $1)",
    )
    .bind(sha)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The stored JSON of a record, by id or slug.
pub(crate) async fn get(
    pool: &Pool<Db>,
    kind: Kind,
    key: &str,
    include_private: bool,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT data FROM records WHERE kind = $1 AND (id = $2 OR slug = $2) AND (public OR $3) ORDER BY (id = $2) DESC LIMIT 1",
    )
    .bind(kind.as_str())
    .bind(key)
    .bind(include_private)
    .fetch_optional(pool)
    .await?)
}

fn bind_all<'q>(
    mut q: sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments>,
    args: &'q [Arg],
) -> sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments> {
    for a in args {
        q = match a {
            Arg::Text(s) => q.bind(s.as_str()),
            Arg::Int(i) => q.bind(*i),
        };
    }
    q
}

/// One page of stored JSON records and the total that match.
pub(crate) async fn list(
    pool: &Pool<Db>,
    kind: Kind,
    query: &ListQuery,
) -> Result<(u64, Vec<String>), StoreError> {
    let (clause, mut args) = crate::where_clause(kind, query);
    let count_sql = format!("SELECT COUNT(*) FROM records r WHERE {clause}");
    let total: i64 = bind_all(sqlx::query(AssertSqlSafe(count_sql)), &args)
        .fetch_one(pool)
        .await?
        .try_get(0)?;
    let n = args.len();
    let page_sql = format!(
        "SELECT r.data FROM records r WHERE {clause} ORDER BY {} LIMIT ${} OFFSET ${}",
        query.sort.sql(),
        n + 1,
        n + 2
    );
    args.push(Arg::Int(i64::from(query.per_page)));
    args.push(Arg::Int(
        i64::from(query.page - 1) * i64::from(query.per_page),
    ));
    let rows = bind_all(sqlx::query(AssertSqlSafe(page_sql)), &args)
        .fetch_all(pool)
        .await?;
    let items = rows
        .into_iter()
        .map(|r| r.try_get::<String, _>(0))
        .collect::<Result<_, _>>()?;
    Ok((total as u64, items))
}

pub(crate) async fn counts(pool: &Pool<Db>) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT kind, COUNT(*) FROM records WHERE public GROUP BY kind")
            .fetch_all(pool)
            .await?,
    )
}

pub(crate) async fn attach(
    pool: &Pool<Db>,
    actor: &str,
    doc: &Document,
    bytes: &[u8],
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        if load(&mut tx, Kind::Agreements, &doc.agreement_id).await?.is_none() {
            return Err(StoreError::NotFound { kind: Kind::Agreements, id: doc.agreement_id.clone() });
        }
        sqlx::query("INSERT INTO blobs (sha256, size, bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING")
            .bind(&doc.sha256)
            .bind(doc.size as i64)
            .bind(bytes)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO documents (id, agreement_id, file_name, media_type, language, sha256, size, text, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&doc.id)
        .bind(&doc.agreement_id)
        .bind(&doc.file_name)
        .bind(&doc.media_type)
        .bind(doc.language.as_deref())
        .bind(&doc.sha256)
        .bind(doc.size as i64)
        .bind(doc.text.as_deref())
        .bind(&doc.created_at)
        .execute(&mut *tx)
        .await?;
        let after = serde_json::to_value(Document { text: None, ..doc.clone() })?;
        audit(&mut tx, actor, Kind::Agreements, &doc.agreement_id, Action::Attach, None, Some(&after)).await?;
        outbox(&mut tx, Kind::Agreements, &doc.agreement_id, "upsert").await?;
        Ok(())
    }
    .await;
    finish(tx, result).await
}

pub(crate) async fn detach(pool: &Pool<Db>, actor: &str, doc_id: &str) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let Some(doc) = document_in(&mut *tx, doc_id).await? else {
            return Err(StoreError::DocumentNotFound(doc_id.to_string()));
        };
        sqlx::query("DELETE FROM documents WHERE id = $1")
            .bind(doc_id)
            .execute(&mut *tx)
            .await?;
        drop_unused_blob(&mut tx, &doc.sha256).await?;
        let before = serde_json::to_value(Document {
            text: None,
            ..doc.clone()
        })?;
        audit(
            &mut tx,
            actor,
            Kind::Agreements,
            &doc.agreement_id,
            Action::Detach,
            Some(&before),
            None,
        )
        .await?;
        outbox(&mut tx, Kind::Agreements, &doc.agreement_id, "upsert").await?;
        Ok(())
    }
    .await;
    finish(tx, result).await
}

const DOCUMENT_COLUMNS: &str =
    "id, agreement_id, file_name, media_type, language, sha256, size, text, created_at";

fn document_from(row: &<Db as sqlx::Database>::Row) -> Result<Document, StoreError> {
    Ok(Document {
        id: row.try_get("id")?,
        agreement_id: row.try_get("agreement_id")?,
        file_name: row.try_get("file_name")?,
        media_type: row.try_get("media_type")?,
        language: row.try_get("language")?,
        sha256: row.try_get("sha256")?,
        size: row.try_get::<i64, _>("size")? as u64,
        text: row.try_get("text")?,
        created_at: row.try_get("created_at")?,
    })
}

async fn document_in<'e, E>(exec: E, id: &str) -> Result<Option<Document>, StoreError>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = $1");
    let row = sqlx::query(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(exec)
        .await?;
    row.as_ref().map(document_from).transpose()
}

pub(crate) async fn document(pool: &Pool<Db>, id: &str) -> Result<Option<Document>, StoreError> {
    document_in(pool, id).await
}

pub(crate) async fn documents(
    pool: &Pool<Db>,
    agreement_id: &str,
) -> Result<Vec<Document>, StoreError> {
    let sql = format!(
        "SELECT {DOCUMENT_COLUMNS} FROM documents WHERE agreement_id = $1 ORDER BY created_at, id"
    );
    let rows = sqlx::query(AssertSqlSafe(sql))
        .bind(agreement_id)
        .fetch_all(pool)
        .await?;
    rows.iter().map(document_from).collect()
}

pub(crate) async fn blob(pool: &Pool<Db>, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT bytes FROM blobs WHERE sha256 = $1")
            .bind(sha256)
            .fetch_optional(pool)
            .await?,
    )
}

pub(crate) async fn audit_log(
    pool: &Pool<Db>,
    q: &AuditQuery,
) -> Result<Vec<AuditEntry>, StoreError> {
    let mut clause = vec!["TRUE".to_string()];
    let mut args = Vec::new();
    let mut arg = |clause: &mut Vec<String>, sql: &str, a: Arg| {
        args.push(a);
        clause.push(sql.replace('?', &format!("${}", args.len())));
    };
    if let Some(k) = q.kind {
        arg(&mut clause, "kind = ?", Arg::Text(k.as_str().into()));
    }
    if let Some(id) = &q.record_id {
        arg(&mut clause, "record_id = ?", Arg::Text(id.clone()));
    }
    if let Some(a) = &q.actor {
        arg(&mut clause, "actor = ?", Arg::Text(a.clone()));
    }
    if let Some(after) = q.after {
        arg(&mut clause, "seq > ?", Arg::Int(after));
    }
    let sql = format!(
        "SELECT seq, at, actor, kind, record_id, action, before, after FROM audit_log WHERE {} ORDER BY seq LIMIT {}",
        clause.join(" AND "),
        q.limit.clamp(1, 1000)
    );
    let rows = bind_all(sqlx::query(AssertSqlSafe(sql)), &args)
        .fetch_all(pool)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let json = |s: Option<String>| -> Result<Option<Value>, StoreError> {
            Ok(match s {
                Some(s) => Some(serde_json::from_str(&s)?),
                None => None,
            })
        };
        let kind: String = r.try_get("kind")?;
        let action: String = r.try_get("action")?;
        out.push(AuditEntry {
            seq: r.try_get("seq")?,
            at: r.try_get("at")?,
            actor: r.try_get("actor")?,
            kind: kind.parse().map_err(StoreError::Corrupt)?,
            record_id: r.try_get("record_id")?,
            action: Action::parse(&action)
                .ok_or_else(|| StoreError::Corrupt(format!("audit action `{action}`")))?,
            before: json(r.try_get("before")?)?,
            after: json(r.try_get("after")?)?,
        });
    }
    Ok(out)
}

pub(crate) async fn outbox_since(
    pool: &Pool<Db>,
    after: i64,
    limit: u32,
) -> Result<Vec<OutboxEntry>, StoreError> {
    let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT seq, kind, record_id, op FROM search_outbox WHERE seq > $1 ORDER BY seq LIMIT $2",
    )
    .bind(after)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(seq, kind, record_id, op)| {
            Ok(OutboxEntry {
                seq,
                kind: kind.parse().map_err(StoreError::Corrupt)?,
                record_id,
                op,
            })
        })
        .collect()
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
