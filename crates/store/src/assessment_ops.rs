// Assessments and their findings: the machine's, kept against
// reviewers' decisions. Included by `sqlite.rs` and `postgres.rs` after `ops.rs`,
// whose imports and helpers it uses; see the head of `ops.rs`.

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
    text: Option<(&str, Option<&Ocr>)>,
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
    text: Option<(&str, Option<&Ocr>)>,
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
        if let Some((text, ocr)) = text {
            let ocr = ocr.map(|o| serde_json::to_string(o).expect("OCR notes serialize"));
            sqlx::query("UPDATE documents SET text = $1, ocr = $2 WHERE id = $3")
                .bind(text)
                .bind(ocr)
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
