// The audit log and the outbox the search index follows. Included by `sqlite.rs` and `postgres.rs` after `ops.rs`,
// whose imports and helpers it uses; see the head of `ops.rs`.

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
