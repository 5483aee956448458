// Documents (the texts attached to agreements) and their blobs. Included by `sqlite.rs` and `postgres.rs` after `ops.rs`,
// whose imports and helpers it uses; see the head of `ops.rs`.

async fn drop_unused_blob(tx: &mut Tx, sha: &str) -> Result<(), StoreError> {
    sqlx::query(
        "DELETE FROM blobs WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = $1)",
    )
    .bind(sha)
    .execute(&mut **tx)
    .await?;
    Ok(())
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
                Arg::OptText(doc.source_url.clone()),
            ]);
            let after = serde_json::to_value(Document { text: None, ..doc.clone() })?;
            audits.push(audit_row(actor, Kind::Agreements.as_str(), &doc.agreement_id, Action::Attach, None, Some(&after), &doc.created_at));
            outboxes.push(outbox_row(Kind::Agreements, &doc.agreement_id, "upsert", &doc.created_at));
        }
        insert_rows(&mut tx, "INSERT INTO blobs (sha256, size, bytes)", "ON CONFLICT (sha256) DO NOTHING", 3, &blobs).await?;
        insert_rows(
            &mut tx,
            "INSERT INTO documents (id, agreement_id, file_name, media_type, language, sha256, size, text, created_at, source_url)",
            "",
            10,
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
    "id, agreement_id, file_name, media_type, language, sha256, size, text, created_at, source_url, ocr";

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
        source_url: row.try_get("source_url")?,
        ocr: row
            .try_get::<Option<String>, _>("ocr")?
            .and_then(|o| serde_json::from_str(&o).ok()),
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
