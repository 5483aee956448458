// Records: writing them (with their projection, audit and outbox
// entries), reading them, deleting them and re-projecting them. Included by `sqlite.rs` and `postgres.rs` after `ops.rs`,
// whose imports and helpers it uses; see the head of `ops.rs`.

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

/// A record's address: from its title (and year), else from its id. A
/// title in a script the slug cannot spell would leave only its year
/// ("1981"), which names no record: it needs a letter.
fn base_slug(p: &Pending) -> String {
    [slugify(&p.record.slug_source()), slugify(&p.id)]
        .into_iter()
        .find(|s| s.chars().any(|c| c.is_ascii_alphabetic()))
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
