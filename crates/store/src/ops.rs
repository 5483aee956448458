// The store's operations, written once and compiled for each backend: this
// file is `include!`d by `sqlite.rs` and `postgres.rs`, each of which
// defines `Db` (the sqlx database), `BEGIN_WRITE` and `WRITE_LOCK`. SQL uses
// `$n` placeholders and types that mean the same on SQLite and PostgreSQL.

use std::collections::{HashMap, HashSet};

use passerelle_domain::assessment::{Assessment, Finding, FindingStatus, Provenance, Review};
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

/// Strips server-set fields so stored and incoming records compare by
/// content.
fn content(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("created_at");
        o.remove("updated_at");
    }
    v
}

/// Each record as stored and what happened to it (`None`: unchanged), or
/// the error with the index of the record at fault when there is one.
type BatchResult = Result<Vec<(AnyRecord, Option<Action>)>, (Option<usize>, StoreError)>;

/// A record being written and what is known of its stored version.
struct Pending {
    record: AnyRecord,
    kind: Kind,
    id: String,
    before: Option<Stored>,
}

/// Writes records inside `tx` with a few statements per batch; returns
/// each record as stored and what happened to it (`None`: unchanged).
/// On error, the index of the record at fault is given when there is one.
pub(crate) async fn put_many(
    tx: &mut Tx,
    actor: &str,
    records: Vec<AnyRecord>,
    mode: Write,
) -> BatchResult {
    let at = |i: usize| move |e: StoreError| (Some(i), e);
    let whole = |e: StoreError| (None, e);

    // Ids are assigned and checked unique by `write_batch`.
    let mut pending: Vec<Pending> = Vec::with_capacity(records.len());
    let mut seen: HashMap<(Kind, String), usize> = HashMap::new();
    for (i, record) in records.into_iter().enumerate() {
        record.validate().map_err(|e| (Some(i), e.into()))?;
        let kind = record.kind();
        let id = record.id().expect("write_batch assigns ids").to_string();
        seen.insert((kind, id.clone()), i);
        pending.push(Pending {
            record,
            kind,
            id,
            before: None,
        });
    }

    // What is stored already, a chunk of ids per query.
    for kind in Kind::ALL {
        let ids: Vec<String> = pending
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.id.clone())
            .collect();
        if ids.is_empty() {
            continue;
        }
        for chunk in ids.chunks(MAX_PARAMS - 1) {
            let list: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "SELECT id, data, slug, created_at FROM records WHERE kind = $1 AND id IN ({})",
                list.join(", ")
            );
            let mut q = sqlx::query(AssertSqlSafe(sql)).bind(kind.as_str());
            for id in chunk {
                q = q.bind(id.as_str());
            }
            for row in q.fetch_all(&mut **tx).await.map_err(|e| whole(e.into()))? {
                let id: String = row.try_get("id").map_err(|e| whole(e.into()))?;
                let i = seen[&(kind, id)];
                pending[i].before = Some(Stored {
                    data: row.try_get("data").map_err(|e| whole(e.into()))?,
                    slug: row.try_get("slug").map_err(|e| whole(e.into()))?,
                    created_at: row.try_get("created_at").map_err(|e| whole(e.into()))?,
                });
            }
        }
    }
    for (i, p) in pending.iter().enumerate() {
        match (mode, &p.before) {
            (Write::Create, Some(_)) => {
                return Err((
                    Some(i),
                    StoreError::Conflict(format!("{} `{}` already exists", p.kind.noun(), p.id)),
                ));
            }
            (Write::Update, None) => {
                return Err((
                    Some(i),
                    StoreError::NotFound {
                        kind: p.kind,
                        id: p.id.clone(),
                    },
                ));
            }
            _ => {}
        }
    }

    // Slugs: the one asked for must be free; a derived one gets a number
    // added until it is. Owners are looked up in bulk, then per clash.
    let wanted: Vec<String> = pending
        .iter()
        .map(|p| {
            p.record
                .slug()
                .map(str::to_string)
                .or_else(|| p.before.as_ref().map(|b| b.slug.clone()))
                .unwrap_or_else(|| base_slug(p))
        })
        .collect();
    let mut owners: HashMap<(Kind, String), String> = HashMap::new();
    for kind in Kind::ALL {
        let slugs: Vec<String> = pending
            .iter()
            .zip(&wanted)
            .filter(|(p, _)| p.kind == kind)
            .map(|(_, s)| s.clone())
            .collect();
        if slugs.is_empty() {
            continue;
        }
        let pairs = lookup_pairs(
            tx,
            "SELECT slug, id FROM records WHERE kind = $1 AND slug IN ({})",
            kind,
            &slugs,
        )
        .await
        .map_err(whole)?;
        owners.extend(pairs.into_iter().map(|(slug, id)| ((kind, slug), id)));
    }
    for (i, (p, slug)) in pending.iter_mut().zip(wanted).enumerate() {
        let free = |owners: &HashMap<(Kind, String), String>, s: &str| {
            owners
                .get(&(p.kind, s.to_string()))
                .is_none_or(|owner| *owner == p.id)
        };
        let chosen = if let Some(asked) = p.record.slug().map(str::to_string) {
            if !free(&owners, &asked) {
                let owner = &owners[&(p.kind, asked.clone())];
                return Err((
                    Some(i),
                    StoreError::Invalid(Invalid::one(
                        "slug",
                        format!(
                            "`{asked}` is already the slug of {} `{owner}`",
                            p.kind.noun()
                        ),
                    )),
                ));
            }
            asked
        } else if free(&owners, &slug) {
            slug
        } else {
            let mut n = 2;
            loop {
                let candidate = format!("{slug}-{n}");
                if free(&owners, &candidate) {
                    let stored: Option<String> =
                        sqlx::query_scalar("SELECT id FROM records WHERE kind = $1 AND slug = $2")
                            .bind(p.kind.as_str())
                            .bind(&candidate)
                            .fetch_optional(&mut **tx)
                            .await
                            .map_err(|e| at(i)(e.into()))?;
                    match stored {
                        Some(owner) if owner != p.id => {
                            owners.insert((p.kind, candidate), owner);
                        }
                        _ => break candidate,
                    }
                }
                n += 1;
            }
        };
        // A slug a record gives up stays taken until the batch is written;
        // claiming it here keeps two records of the batch from sharing one.
        owners.insert((p.kind, chosen.clone()), p.id.clone());
        p.record.set_slug(chosen);
    }

    // Timestamps, then what actually changed.
    let stamp = now();
    let keep_stamps = mode == Write::Import;
    let mut out = Vec::with_capacity(pending.len());
    let (mut record_rows, mut facet_rows, mut audit_rows, mut outbox_rows) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut replaced: HashMap<Kind, Vec<String>> = HashMap::new();
    for p in pending {
        let Pending {
            mut record,
            kind,
            id,
            before,
        } = p;
        {
            let (created, updated) = record.timestamps();
            if !keep_stamps || created.is_none() {
                *created = before
                    .as_ref()
                    .map(|b| b.created_at.clone())
                    .or_else(|| Some(stamp.clone()));
            }
            if !keep_stamps || updated.is_none() {
                *updated = Some(stamp.clone());
            }
        }
        let after = record.to_value();
        let before_value: Option<Value> = match &before {
            Some(b) => Some(serde_json::from_str(&b.data).map_err(|e| whole(e.into()))?),
            None => None,
        };
        if let Some(b) = &before_value
            && content(b.clone()) == content(after.clone())
        {
            let unchanged = AnyRecord::from_value(kind, b.clone())
                .map_err(|e| whole(StoreError::Corrupt(e.to_string())))?;
            out.push((unchanged, None));
            continue;
        }
        let index = record.index();
        let slug = record.slug().unwrap_or_default().to_string();
        record_rows.push(vec![
            Arg::Text(kind.as_str().into()),
            Arg::Text(id.clone()),
            Arg::Text(slug),
            Arg::Text(index.title.clone()),
            Arg::Text(index.title_text.clone()),
            Arg::OptText(index.record_type.clone()),
            Arg::OptText(index.status.clone()),
            Arg::OptInt(index.year.map(i64::from)),
            Arg::Text(index.date.clone().unwrap_or_default()),
            Arg::Bool(index.public),
            Arg::Text(after.to_string()),
            Arg::Text(after["created_at"].as_str().unwrap_or_default().to_string()),
            Arg::Text(after["updated_at"].as_str().unwrap_or_default().to_string()),
        ]);
        if before.is_some() {
            replaced.entry(kind).or_default().push(id.clone());
        }
        for (facet, value) in &index.facets {
            facet_rows.push(vec![
                Arg::Text(kind.as_str().into()),
                Arg::Text(facet.as_str().into()),
                Arg::Text(value.clone()),
                Arg::Text(id.clone()),
            ]);
        }
        let action = if before.is_some() {
            Action::Update
        } else {
            Action::Create
        };
        audit_rows.push(audit_row(
            actor,
            kind.as_str(),
            &id,
            action,
            before_value.as_ref(),
            Some(&after),
            &stamp,
        ));
        outbox_rows.push(outbox_row(kind, &id, "upsert", &stamp));
        out.push((record, Some(action)));
    }

    for (kind, ids) in replaced {
        delete_facets(tx, kind, &ids).await.map_err(whole)?;
    }
    insert_rows(
        tx,
        "INSERT INTO records (kind, id, slug, title, title_text, record_type, status, year, sort_date, public, data, created_at, updated_at)",
        "ON CONFLICT (kind, id) DO UPDATE SET slug = excluded.slug, title = excluded.title,
           title_text = excluded.title_text, record_type = excluded.record_type, status = excluded.status,
           year = excluded.year, sort_date = excluded.sort_date, public = excluded.public,
           data = excluded.data, created_at = excluded.created_at, updated_at = excluded.updated_at",
        13,
        &record_rows,
    )
    .await
    .map_err(whole)?;
    insert_rows(
        tx,
        "INSERT INTO facets (kind, facet, value, record_id)",
        "",
        4,
        &facet_rows,
    )
    .await
    .map_err(whole)?;
    insert_rows(tx, AUDIT_INSERT, "", 7, &audit_rows)
        .await
        .map_err(whole)?;
    insert_rows(tx, OUTBOX_INSERT, "", 4, &outbox_rows)
        .await
        .map_err(whole)?;
    Ok(out)
}

/// Deletes the facet rows of records of `kind`, a chunk of ids per query.
async fn delete_facets(tx: &mut Tx, kind: Kind, ids: &[String]) -> Result<(), StoreError> {
    for chunk in ids.chunks(MAX_PARAMS - 1) {
        let list: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "DELETE FROM facets WHERE kind = $1 AND record_id IN ({})",
            list.join(", ")
        );
        let mut q = sqlx::query(AssertSqlSafe(sql)).bind(kind.as_str());
        for id in chunk {
            q = q.bind(id.as_str());
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

fn base_slug(p: &Pending) -> String {
    [slugify(&p.record.slug_source()), slugify(&p.id)]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| p.kind.noun().replace(' ', "-"))
}

const AUDIT_INSERT: &str =
    "INSERT INTO audit_log (at, actor, kind, record_id, action, before, after)";
const OUTBOX_INSERT: &str = "INSERT INTO search_outbox (kind, record_id, op, at)";

fn audit_row(
    actor: &str,
    kind: &str,
    id: &str,
    action: Action,
    before: Option<&Value>,
    after: Option<&Value>,
    at: &str,
) -> Vec<Arg> {
    vec![
        Arg::Text(at.to_string()),
        Arg::Text(actor.to_string()),
        Arg::Text(kind.to_string()),
        Arg::Text(id.to_string()),
        Arg::Text(action.as_str().to_string()),
        Arg::OptText(before.map(Value::to_string)),
        Arg::OptText(after.map(Value::to_string)),
    ]
}

fn outbox_row(kind: Kind, id: &str, op: &str, at: &str) -> Vec<Arg> {
    vec![
        Arg::Text(kind.as_str().to_string()),
        Arg::Text(id.to_string()),
        Arg::Text(op.to_string()),
        Arg::Text(at.to_string()),
    ]
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
    let row = audit_row(actor, kind.as_str(), id, action, before, after, &now());
    insert_rows(tx, AUDIT_INSERT, "", 7, &[row]).await
}

async fn outbox(tx: &mut Tx, kind: Kind, id: &str, op: &str) -> Result<(), StoreError> {
    insert_rows(
        tx,
        OUTBOX_INSERT,
        "",
        4,
        &[outbox_row(kind, id, op, &now())],
    )
    .await
}

/// Checks that every record points only to records that exist, once all of
/// a batch is written (so a file may hold both ends of a reference).
pub(crate) async fn check_references(
    tx: &mut Tx,
    refs: &[(usize, Reference)],
) -> Result<Vec<(usize, FieldError)>, StoreError> {
    let mut found: HashSet<(Kind, String)> = HashSet::new();
    for kind in Kind::ALL {
        let ids: Vec<String> = refs
            .iter()
            .filter(|(_, r)| r.kind == kind)
            .map(|(_, r)| r.id.clone())
            .collect();
        if ids.is_empty() {
            continue;
        }
        let pairs = lookup_pairs(
            tx,
            "SELECT id, kind FROM records WHERE kind = $1 AND id IN ({})",
            kind,
            &ids,
        )
        .await?;
        found.extend(pairs.into_iter().map(|(id, _)| (kind, id)));
    }
    Ok(refs
        .iter()
        .filter(|(_, r)| !found.contains(&(r.kind, r.id.clone())))
        .map(|(row, r)| {
            (
                *row,
                FieldError::new(
                    r.field.clone(),
                    format!("no {} with id `{}`", r.kind.noun(), r.id),
                ),
            )
        })
        .collect())
}

/// Writes a batch and checks its references; the first failing record is
/// named by index.
async fn write_batch(
    tx: &mut Tx,
    actor: &str,
    mut records: Vec<AnyRecord>,
    mode: Write,
    progress: &mut (dyn FnMut(usize) + Send),
) -> BatchResult {
    /// Records per `put_many` call: big enough for few round trips, small
    /// enough for a progress bar to move.
    const CHUNK: usize = 1000;
    let mut seen: HashMap<(Kind, String), usize> = HashMap::new();
    for (i, record) in records.iter_mut().enumerate() {
        if record.id().is_none() {
            let id = record
                .natural_id()
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
            record.set_id(id);
        }
        let key = (record.kind(), record.id().unwrap_or_default().to_string());
        if let Some(first) = seen.insert(key.clone(), i) {
            let message = format!(
                "`{}` is also the id of record {} in this batch",
                key.1,
                first + 1
            );
            return Err((Some(i), StoreError::Invalid(Invalid::one("id", message))));
        }
    }
    let refs: Vec<(usize, Reference)> = records
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.references().into_iter().map(move |x| (i, x)))
        .collect();
    let mut written = Vec::with_capacity(records.len());
    let mut rest = records.into_iter();
    loop {
        let chunk: Vec<AnyRecord> = rest.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let offset = written.len();
        let done = put_many(tx, actor, chunk, mode)
            .await
            .map_err(|(i, e)| (i.map(|i| i + offset), e))?;
        written.extend(done);
        progress(written.len());
    }
    let missing = check_references(tx, &refs).await.map_err(|e| (None, e))?;
    if let Some((row, _)) = missing.first() {
        let row = *row;
        let errors = missing
            .into_iter()
            .filter(|(r, _)| *r == row)
            .map(|(_, e)| e)
            .collect();
        return Err((Some(row), StoreError::Invalid(Invalid(errors))));
    }
    Ok(written)
}

fn single<E: Entity>(result: BatchResult) -> Result<E, StoreError> {
    let (record, _) = result
        .map_err(|(_, e)| e)?
        .pop()
        .expect("one record in, one out");
    E::from_any(record).ok_or_else(|| StoreError::Corrupt("a record changed kind".into()))
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
        single(write_batch(&mut tx, actor, vec![record.into_any()], Write::Update, &mut |_| {}).await)
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
    let result =
        single(write_batch(&mut tx, actor, vec![record.into_any()], mode, &mut |_| {}).await);
    finish(tx, result).await
}

/// Imports a batch in one transaction: all of it, or (on any error) none.
/// Errors carry the index of the record they are about.
pub(crate) async fn import(
    pool: &Pool<Db>,
    actor: &str,
    records: Vec<AnyRecord>,
    mut progress: impl FnMut(usize) + Send,
) -> Result<ImportSummary, (Option<usize>, StoreError)> {
    let mut tx = begin(pool).await.map_err(|e| (None, e))?;
    match write_batch(&mut tx, actor, records, Write::Import, &mut progress).await {
        Ok(written) => {
            let mut summary = ImportSummary::default();
            for (_, action) in written {
                match action {
                    Some(Action::Create) => summary.created += 1,
                    Some(_) => summary.updated += 1,
                    None => summary.unchanged += 1,
                }
            }
            tx.commit().await.map_err(|e| (None, e.into()))?;
            Ok(summary)
        }
        Err(e) => {
            let _ = tx.rollback().await;
            Err(e)
        }
    }
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

/// The records of `kind` with these ids (in no particular order).
pub(crate) async fn get_many(
    pool: &Pool<Db>,
    kind: Kind,
    ids: &[String],
    include_private: bool,
) -> Result<Vec<String>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(MAX_PARAMS - 2) {
        let placeholders: Vec<String> = (3..chunk.len() + 3).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT data FROM records WHERE kind = $1 AND (public OR $2) AND id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query_scalar(AssertSqlSafe(sql))
            .bind(kind.as_str())
            .bind(include_private);
        for id in chunk {
            query = query.bind(id);
        }
        out.extend(query.fetch_all(pool).await?);
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
    // The page's ids are chosen first and only their records read: sorting
    // thousands of matches then carries keys, not whole records.
    let page_sql = format!(
        "SELECT r.data FROM records r WHERE r.kind = $1 AND r.id IN \
         (SELECT r.id FROM records r WHERE {clause} ORDER BY {order} LIMIT ${} OFFSET ${}) ORDER BY {order}",
        n + 1,
        n + 2,
        order = query.sort.sql(),
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
        sqlx::query_as("SELECT kind, COUNT(*) FROM records WHERE public = TRUE GROUP BY kind")
            .fetch_all(pool)
            .await?,
    )
}

pub(crate) async fn attach(
    pool: &Pool<Db>,
    actor: &str,
    docs: &[(Document, &[u8])],
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let ids: Vec<String> = docs.iter().map(|(d, _)| d.agreement_id.clone()).collect();
        let found: HashSet<String> =
            lookup_pairs(&mut tx, "SELECT id, kind FROM records WHERE kind = $1 AND id IN ({})", Kind::Agreements, &ids)
                .await?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
        if let Some(missing) = ids.iter().find(|id| !found.contains(*id)) {
            return Err(StoreError::NotFound { kind: Kind::Agreements, id: missing.clone() });
        }
        let mut blobs = Vec::new();
        let mut rows = Vec::new();
        let mut audits = Vec::new();
        let mut outboxes = Vec::new();
        let mut seen = HashSet::new();
        for (doc, bytes) in docs {
            if seen.insert(doc.sha256.clone()) {
                blobs.push(vec![Arg::Text(doc.sha256.clone()), Arg::Int(doc.size as i64), Arg::Bytes(bytes.to_vec())]);
            }
            rows.push(vec![
                Arg::Text(doc.id.clone()),
                Arg::Text(doc.agreement_id.clone()),
                Arg::Text(doc.file_name.clone()),
                Arg::Text(doc.media_type.clone()),
                Arg::OptText(doc.language.clone()),
                Arg::Text(doc.sha256.clone()),
                Arg::Int(doc.size as i64),
                Arg::OptText(doc.text.clone()),
                Arg::Text(doc.created_at.clone()),
            ]);
            let after = serde_json::to_value(Document { text: None, ..doc.clone() })?;
            audits.push(audit_row(actor, Kind::Agreements.as_str(), &doc.agreement_id, Action::Attach, None, Some(&after), &doc.created_at));
            outboxes.push(outbox_row(Kind::Agreements, &doc.agreement_id, "upsert", &doc.created_at));
        }
        insert_rows(&mut tx, "INSERT INTO blobs (sha256, size, bytes)", "ON CONFLICT (sha256) DO NOTHING", 3, &blobs).await?;
        insert_rows(
            &mut tx,
            "INSERT INTO documents (id, agreement_id, file_name, media_type, language, sha256, size, text, created_at)",
            "",
            9,
            &rows,
        )
        .await?;
        insert_rows(&mut tx, AUDIT_INSERT, "", 7, &audits).await?;
        insert_rows(&mut tx, OUTBOX_INSERT, "", 4, &outboxes).await?;
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

/// The documents of several agreements, with their texts, for rebuilding
/// the search index without one query per agreement.
pub(crate) async fn documents_of(
    pool: &Pool<Db>,
    agreement_ids: &[String],
) -> Result<Vec<Document>, StoreError> {
    let mut out = Vec::new();
    for chunk in agreement_ids.chunks(MAX_PARAMS) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {DOCUMENT_COLUMNS} FROM documents WHERE agreement_id IN ({}) ORDER BY created_at, id",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(id);
        }
        for row in query.fetch_all(pool).await? {
            out.push(document_from(&row)?);
        }
    }
    Ok(out)
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
    if let Some(k) = &q.kind {
        arg(&mut clause, "kind = ?", Arg::Text(k.clone()));
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
    if let Some(before) = q.before {
        arg(&mut clause, "seq < ?", Arg::Int(before));
    }
    let sql = format!(
        "SELECT seq, at, actor, kind, record_id, action, before, after FROM audit_log WHERE {} ORDER BY seq{} LIMIT {}",
        clause.join(" AND "),
        if q.newest_first { " DESC" } else { "" },
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
            kind,
            record_id: r.try_get("record_id")?,
            action: Action::parse(&action)
                .ok_or_else(|| StoreError::Corrupt(format!("audit action `{action}`")))?,
            before: json(r.try_get("before")?)?,
            after: json(r.try_get("after")?)?,
        });
    }
    Ok(out)
}

/// The oldest outbox sequence number still kept (0 when empty).
pub(crate) async fn outbox_first(pool: &Pool<Db>) -> Result<i64, StoreError> {
    let first: Option<i64> = sqlx::query_scalar("SELECT MIN(seq) FROM search_outbox")
        .fetch_one(pool)
        .await?;
    Ok(first.unwrap_or(0))
}

/// Deletes outbox entries written before `before` (RFC 3339), except the
/// newest, which keeps the sequence's position.
pub(crate) async fn prune_outbox(pool: &Pool<Db>, before: &str) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "DELETE FROM search_outbox WHERE at < $1 AND seq < (SELECT MAX(seq) FROM search_outbox)",
    )
    .bind(before)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// The newest outbox sequence number (0 when empty).
pub(crate) async fn outbox_head(pool: &Pool<Db>) -> Result<i64, StoreError> {
    let head: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM search_outbox")
        .fetch_one(pool)
        .await?;
    Ok(head.unwrap_or(0))
}

/// Computes again, for up to `limit` records of `kind` whose id comes
/// after `after`, the columns and facets the store lists and filters them
/// by, from their stored JSON and the code's `index()`; one transaction.
/// Gives how many were done and the last id.
pub(crate) async fn reproject_batch(
    pool: &Pool<Db>,
    kind: Kind,
    after: &str,
    limit: i64,
) -> Result<(u64, Option<String>), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let rows = sqlx::query(
            "SELECT id, data FROM records WHERE kind = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(kind.as_str())
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let mut ids: Vec<String> = Vec::with_capacity(rows.len());
        let mut facet_rows = Vec::new();
        for row in &rows {
            let id: String = row.try_get("id")?;
            let data: String = row.try_get("data")?;
            let record = AnyRecord::from_value(kind, serde_json::from_str(&data)?)
                .map_err(|e| StoreError::Corrupt(format!("{} `{id}`: {e}", kind.noun())))?;
            let index = record.index();
            sqlx::query(
                "UPDATE records SET title = $1, title_text = $2, record_type = $3, status = $4,
                   year = $5, sort_date = $6, public = $7 WHERE kind = $8 AND id = $9",
            )
            .bind(&index.title)
            .bind(&index.title_text)
            .bind(&index.record_type)
            .bind(&index.status)
            .bind(index.year.map(i64::from))
            .bind(index.date.clone().unwrap_or_default())
            .bind(index.public)
            .bind(kind.as_str())
            .bind(&id)
            .execute(&mut *tx)
            .await?;
            for (facet, value) in &index.facets {
                facet_rows.push(vec![
                    Arg::Text(kind.as_str().into()),
                    Arg::Text(facet.as_str().into()),
                    Arg::Text(value.clone()),
                    Arg::Text(id.clone()),
                ]);
            }
            ids.push(id);
        }
        delete_facets(&mut tx, kind, &ids).await?;
        insert_rows(
            &mut tx,
            "INSERT INTO facets (kind, facet, value, record_id)",
            "",
            4,
            &facet_rows,
        )
        .await?;
        Ok((ids.len() as u64, ids.pop()))
    }
    .await;
    finish(tx, result).await
}

/// The newest audit entry's sequence number (0 when empty): every write
/// that changes what a page shows is audited in its transaction.
pub(crate) async fn audit_head(pool: &Pool<Db>) -> Result<i64, StoreError> {
    let head: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log")
        .fetch_one(pool)
        .await?;
    Ok(head.unwrap_or(0))
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

/// Refreshes the planner's statistics after a bulk load, so that the next
/// queries pick indexes suited to the new size of the tables.
pub(crate) async fn optimize(pool: &Pool<Db>) -> Result<(), StoreError> {
    for statement in OPTIMIZE {
        sqlx::query(*statement).execute(pool).await?;
    }
    Ok(())
}

const FINDING_COLUMNS: &str =
    "element, status, score, provenance, machine_status, evidence, note, reviewer, decided_at";

/// The newest assessment of an agreement's documents, read in `tx`.
async fn load_assessment(
    tx: &mut Tx,
    agreement_id: &str,
) -> Result<Option<Assessment>, StoreError> {
    let row = sqlx::query(
        "SELECT id, agreement_id, document_id, rubric, rubric_version, language, coverage, clauses, created_at, updated_at
         FROM assessments WHERE agreement_id = $1 ORDER BY updated_at DESC, id LIMIT 1",
    )
    .bind(agreement_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let id: String = row.try_get("id")?;
    let sql =
        format!("SELECT {FINDING_COLUMNS} FROM findings WHERE assessment_id = $1 ORDER BY element");
    let mut findings = Vec::new();
    for f in sqlx::query(AssertSqlSafe(sql))
        .bind(&id)
        .fetch_all(&mut **tx)
        .await?
    {
        let status = |c: &str| -> Result<FindingStatus, StoreError> {
            let s: String = f.try_get(c)?;
            FindingStatus::parse(&s)
                .ok_or_else(|| StoreError::Corrupt(format!("finding status `{s}`")))
        };
        let provenance: String = f.try_get("provenance")?;
        let evidence: String = f.try_get("evidence")?;
        findings.push(Finding {
            element: f.try_get("element")?,
            status: status("status")?,
            score: f.try_get("score")?,
            provenance: Provenance::parse(&provenance)
                .ok_or_else(|| StoreError::Corrupt(format!("provenance `{provenance}`")))?,
            machine_status: status("machine_status")?,
            evidence: serde_json::from_str(&evidence)?,
            note: f.try_get("note")?,
            reviewer: f.try_get("reviewer")?,
            decided_at: f.try_get("decided_at")?,
        });
    }
    let clauses: String = row.try_get("clauses")?;
    Ok(Some(Assessment {
        id,
        agreement_id: row.try_get("agreement_id")?,
        document_id: row.try_get("document_id")?,
        rubric: row.try_get("rubric")?,
        rubric_version: row.try_get("rubric_version")?,
        language: row.try_get("language")?,
        coverage: row.try_get("coverage")?,
        clauses: serde_json::from_str(&clauses)?,
        findings,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    }))
}

async fn insert_findings(tx: &mut Tx, rows: &[Vec<Arg>]) -> Result<(), StoreError> {
    insert_rows(
        tx,
        "INSERT INTO findings (assessment_id, element, status, score, provenance, machine_status, evidence, note, reviewer, decided_at)",
        "",
        10,
        rows,
    )
    .await
}

fn finding_row(assessment_id: &str, f: &Finding) -> Vec<Arg> {
    vec![
        Arg::Text(assessment_id.to_string()),
        Arg::Text(f.element.clone()),
        Arg::Text(f.status.as_str().into()),
        Arg::Float(f.score),
        Arg::Text(f.provenance.as_str().into()),
        Arg::Text(f.machine_status.as_str().into()),
        Arg::Text(f.evidence.to_string()),
        Arg::OptText(f.note.clone()),
        Arg::OptText(f.reviewer.clone()),
        Arg::OptText(f.decided_at.clone()),
    ]
}

/// Stores the machine's assessment of a document. Against an earlier
/// assessment of the same document and rubric, human decisions are kept and
/// only machine findings are replaced.
pub(crate) async fn save_assessment(
    pool: &Pool<Db>,
    actor: &str,
    assessment: Assessment,
    text: Option<&str>,
) -> Result<Assessment, StoreError> {
    let mut tx = begin(pool).await?;
    let result = save_assessment_in(&mut tx, actor, assessment, text).await;
    finish(tx, result).await
}

/// Saves many assessments (of texts the documents already hold) in one
/// transaction: all or none.
pub(crate) async fn save_assessments(
    pool: &Pool<Db>,
    actor: &str,
    assessments: Vec<Assessment>,
) -> Result<Vec<Assessment>, StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let mut out = Vec::with_capacity(assessments.len());
        for a in assessments {
            out.push(save_assessment_in(&mut tx, actor, a, None).await?);
        }
        Ok(out)
    }
    .await;
    finish(tx, result).await
}

async fn save_assessment_in(
    tx: &mut Tx,
    actor: &str,
    mut assessment: Assessment,
    text: Option<&str>,
) -> Result<Assessment, StoreError> {
    {
        let earlier: Option<(String, String)> =
            sqlx::query_as("SELECT id, created_at FROM assessments WHERE document_id = $1 AND rubric = $2")
                .bind(&assessment.document_id)
                .bind(&assessment.rubric)
                .fetch_optional(&mut **tx)
                .await?;
        if let Some((id, created_at)) = &earlier {
            assessment.id = id.clone();
            assessment.created_at = created_at.clone();
            let sql = format!("SELECT {FINDING_COLUMNS} FROM findings WHERE assessment_id = $1 AND provenance <> 'machine'");
            let decided = sqlx::query(AssertSqlSafe(sql)).bind(id).fetch_all(&mut **tx).await?;
            for row in decided {
                let element: String = row.try_get("element")?;
                let Some(f) = assessment.findings.iter_mut().find(|f| f.element == element) else { continue };
                let status: String = row.try_get("status")?;
                let provenance: String = row.try_get("provenance")?;
                let old_machine: String = row.try_get("machine_status")?;
                f.status = FindingStatus::parse(&status).unwrap_or(f.status);
                // A confirmation was of what the machine said then; if the
                // machine now says otherwise, the reviewer's status stands
                // as a human decision.
                f.provenance = match Provenance::parse(&provenance) {
                    Some(Provenance::MachineConfirmed) if old_machine != f.machine_status.as_str() => Provenance::Human,
                    Some(p) => p,
                    None => Provenance::Human,
                };
                f.note = row.try_get("note")?;
                f.reviewer = row.try_get("reviewer")?;
                f.decided_at = row.try_get("decided_at")?;
            }
        }
        assessment.recompute_coverage();
        sqlx::query(
            "INSERT INTO assessments (id, agreement_id, document_id, rubric, rubric_version, language, coverage, clauses, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (id) DO UPDATE SET rubric_version = excluded.rubric_version, language = excluded.language,
               coverage = excluded.coverage, clauses = excluded.clauses, updated_at = excluded.updated_at",
        )
        .bind(&assessment.id)
        .bind(&assessment.agreement_id)
        .bind(&assessment.document_id)
        .bind(&assessment.rubric)
        .bind(&assessment.rubric_version)
        .bind(&assessment.language)
        .bind(assessment.coverage)
        .bind(assessment.clauses.to_string())
        .bind(&assessment.created_at)
        .bind(&assessment.updated_at)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM findings WHERE assessment_id = $1").bind(&assessment.id).execute(&mut **tx).await?;
        let rows: Vec<Vec<Arg>> = assessment.findings.iter().map(|f| finding_row(&assessment.id, f)).collect();
        insert_findings(tx, &rows).await?;
        if let Some(text) = text {
            sqlx::query("UPDATE documents SET text = $1 WHERE id = $2")
                .bind(text)
                .bind(&assessment.document_id)
                .execute(&mut **tx)
                .await?;
        }
        let summary = serde_json::json!({
            "document": assessment.document_id, "rubric": assessment.rubric,
            "rubric_version": assessment.rubric_version, "coverage": assessment.coverage,
        });
        audit(tx, actor, Kind::Agreements, &assessment.agreement_id, Action::Assess, None, Some(&summary)).await?;
        outbox(tx, Kind::Agreements, &assessment.agreement_id, "upsert").await?;
        Ok(assessment)
    }
}

pub(crate) async fn assessment(
    pool: &Pool<Db>,
    agreement_id: &str,
) -> Result<Option<Assessment>, StoreError> {
    let mut tx = pool.begin().await?;
    let found = load_assessment(&mut tx, agreement_id).await;
    let _ = tx.rollback().await;
    found
}

/// Applies a reviewer's decision to one finding of an agreement's newest
/// assessment.
pub(crate) async fn review(
    pool: &Pool<Db>,
    actor: &str,
    agreement_id: &str,
    element: &str,
    review: &Review,
) -> Result<Assessment, StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let Some(mut a) = load_assessment(&mut tx, agreement_id).await? else {
            return Err(StoreError::Conflict(format!(
                "agreement `{agreement_id}` has no assessment yet; attach its text first"
            )));
        };
        let at = now();
        let Some(f) = a.findings.iter_mut().find(|f| f.element == element) else {
            return Err(StoreError::Invalid(Invalid::one(
                "element",
                format!("`{element}` is not an element of rubric {}", a.rubric),
            )));
        };
        let before = serde_json::to_value(&*f)?;
        review.apply(f, actor, &at)?;
        let after = serde_json::to_value(&*f)?;
        let row = finding_row(&a.id, f);
        sqlx::query("DELETE FROM findings WHERE assessment_id = $1 AND element = $2")
            .bind(&a.id)
            .bind(element)
            .execute(&mut *tx)
            .await?;
        insert_findings(&mut tx, &[row]).await?;
        a.recompute_coverage();
        a.updated_at = at;
        sqlx::query("UPDATE assessments SET coverage = $1, updated_at = $2 WHERE id = $3")
            .bind(a.coverage)
            .bind(&a.updated_at)
            .bind(&a.id)
            .execute(&mut *tx)
            .await?;
        audit(
            &mut tx,
            actor,
            Kind::Agreements,
            agreement_id,
            Action::Review,
            Some(&before),
            Some(&after),
        )
        .await?;
        Ok(a)
    }
    .await;
    finish(tx, result).await
}
