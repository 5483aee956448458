// Proposed corrections, for both backends (included by `sqlite.rs` and
// `postgres.rs`, like `ops.rs`).

use passerelle_domain::audit::CORRECTIONS;
use passerelle_domain::correction::{Correction, CorrectionStatus};

const CORRECTION_COLUMNS: &str = "id, kind, record_id, field, proposal, source_url, proposer, contact, status, decided_by, decided_at, note, created_at";

fn correction_from(row: &<Db as sqlx::Database>::Row) -> Result<Correction, StoreError> {
    let status: String = row.try_get("status")?;
    Ok(Correction {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        record_id: row.try_get("record_id")?,
        field: row.try_get("field")?,
        proposal: row.try_get("proposal")?,
        source_url: row.try_get("source_url")?,
        proposer: row.try_get("proposer")?,
        contact: row.try_get("contact")?,
        status: CorrectionStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("correction status `{status}`")))?,
        decided_by: row.try_get("decided_by")?,
        decided_at: row.try_get("decided_at")?,
        note: row.try_get("note")?,
        created_at: row.try_get("created_at")?,
    })
}

pub(crate) async fn create_correction(pool: &Pool<Db>, c: &Correction) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        sqlx::query("INSERT INTO corrections (id, kind, record_id, field, proposal, source_url, proposer, contact, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
            .bind(&c.id)
            .bind(&c.kind)
            .bind(&c.record_id)
            .bind(&c.field)
            .bind(&c.proposal)
            .bind(&c.source_url)
            .bind(&c.proposer)
            .bind(&c.contact)
            .bind(c.status.as_str())
            .bind(&c.created_at)
            .execute(&mut *tx)
            .await?;
        let after = serde_json::to_value(c)?;
        account_audit(&mut tx, &c.proposer, CORRECTIONS, &c.id, Action::Create, None, Some(&after)).await
    }
    .await;
    finish(tx, result).await
}

pub(crate) async fn corrections(
    pool: &Pool<Db>,
    status: Option<CorrectionStatus>,
) -> Result<Vec<Correction>, StoreError> {
    let sql = format!(
        "SELECT {CORRECTION_COLUMNS} FROM corrections WHERE ($1 IS NULL OR status = $1) ORDER BY created_at, id LIMIT 500"
    );
    sqlx::query(AssertSqlSafe(sql))
        .bind(status.map(CorrectionStatus::as_str))
        .fetch_all(pool)
        .await?
        .iter()
        .map(correction_from)
        .collect()
}

/// Accepts or declines an open correction, with its audit entry.
pub(crate) async fn decide_correction(
    pool: &Pool<Db>,
    actor: &str,
    id: &str,
    status: CorrectionStatus,
    note: Option<&str>,
) -> Result<Correction, StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let sql = format!("SELECT {CORRECTION_COLUMNS} FROM corrections WHERE id = $1");
        let before = match sqlx::query(AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *tx).await? {
            Some(row) => correction_from(&row)?,
            None => return Err(StoreError::Conflict(format!("no correction `{id}`"))),
        };
        if before.status != CorrectionStatus::Open {
            return Err(StoreError::Conflict(format!(
                "correction `{id}` was already {} by {}",
                before.status.as_str(),
                before.decided_by.as_deref().unwrap_or("someone")
            )));
        }
        let mut after = before.clone();
        after.status = status;
        after.decided_by = Some(actor.to_string());
        after.decided_at = Some(now());
        after.note = note.map(str::to_string);
        sqlx::query("UPDATE corrections SET status = $2, decided_by = $3, decided_at = $4, note = $5 WHERE id = $1")
            .bind(id)
            .bind(status.as_str())
            .bind(&after.decided_by)
            .bind(&after.decided_at)
            .bind(&after.note)
            .execute(&mut *tx)
            .await?;
        account_audit(
            &mut tx,
            actor,
            CORRECTIONS,
            id,
            Action::Update,
            Some(&serde_json::to_value(&before)?),
            Some(&serde_json::to_value(&after)?),
        )
        .await?;
        Ok(after)
    }
    .await;
    finish(tx, result).await
}
