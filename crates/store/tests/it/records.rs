use passerelle_domain::{Action, Agreement, Commitment, CommitmentStatus, Kind, StatusUpdate};
use passerelle_store::testing;
use passerelle_store::{AuditQuery, StoreError};
use serde_json::json;

use crate::agreement;

#[tokio::test]
async fn create_get_update_delete_leave_an_audit_trail() {
    for t in testing::all().await {
        let s = &t.store;
        let created = s
            .create("alice", agreement("fr-ma", "FR", "MA", 1963))
            .await
            .unwrap();
        assert_eq!(
            created.slug.as_deref(),
            Some("labour-agreement-fr-ma-1963"),
            "{}",
            t.backend
        );
        assert!(created.created_at.is_some());

        let by_slug: Agreement = s
            .get("labour-agreement-fr-ma-1963", false)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(by_slug, created, "{}", t.backend);

        let mut changed = created.clone();
        changed.status = passerelle_domain::AgreementStatus::Terminated;
        let updated = s.update("bob", "fr-ma", changed).await.unwrap();
        assert_eq!(updated.created_at, created.created_at, "created_at is kept");
        assert_eq!(
            updated.status,
            passerelle_domain::AgreementStatus::Terminated
        );

        s.delete("carol", Kind::Agreements, "fr-ma").await.unwrap();
        assert!(s.get::<Agreement>("fr-ma", true).await.unwrap().is_none());

        let log = s
            .audit_log(&AuditQuery {
                record_id: Some("fr-ma".into()),
                limit: 100,
                ..Default::default()
            })
            .await
            .unwrap();
        let actions: Vec<(Action, &str)> =
            log.iter().map(|e| (e.action, e.actor.as_str())).collect();
        assert_eq!(
            actions,
            [
                (Action::Create, "alice"),
                (Action::Update, "bob"),
                (Action::Delete, "carol")
            ],
            "{}",
            t.backend
        );
        assert_eq!(log[1].before.as_ref().unwrap()["status"], "in_force");
        assert_eq!(log[1].after.as_ref().unwrap()["status"], "terminated");
        assert!(log[2].after.is_none());

        let outbox = s.outbox_since(0, 100).await.unwrap();
        let ops: Vec<&str> = outbox.iter().map(|e| e.op.as_str()).collect();
        assert_eq!(ops, ["upsert", "upsert", "delete"], "{}", t.backend);
        assert!(outbox.windows(2).all(|w| w[0].seq < w[1].seq));
    }
}

#[tokio::test]
async fn invalid_and_conflicting_writes_change_nothing() {
    for t in testing::all().await {
        let s = &t.store;
        s.create("a", agreement("one", "ES", "MA", 2001))
            .await
            .unwrap();

        let dup = s
            .create("a", agreement("one", "ES", "SN", 2006))
            .await
            .unwrap_err();
        assert!(matches!(dup, StoreError::Conflict(_)), "{dup}");

        let mut bad = agreement("two", "ES", "MA", 2001);
        bad.parties.truncate(1);
        let err = s.create("a", bad).await.unwrap_err();
        match err {
            StoreError::Invalid(inv) => assert_eq!(inv.0[0].field, "parties"),
            other => panic!("{other}"),
        }

        let mut taken = agreement("three", "ES", "MA", 2001);
        taken.slug = Some("labour-agreement-one-2001".into());
        let err = s.create("a", taken).await.unwrap_err();
        assert!(err.to_string().contains("already the slug"), "{err}");

        let mut renamed = agreement("other-id", "ES", "MA", 2001);
        renamed.id = Some("other-id".into());
        let err = s.update("a", "one", renamed).await.unwrap_err();
        assert!(err.to_string().contains("cannot change"), "{err}");

        let page = s
            .list_json(Kind::Agreements, &passerelle_store::ListQuery::default())
            .await
            .unwrap();
        assert_eq!(page.total, 1, "{}", t.backend);
        let log = s
            .audit_log(&AuditQuery {
                limit: 100,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            log.len(),
            1,
            "only the first create is logged on {}",
            t.backend
        );
    }
}

#[tokio::test]
async fn derived_slugs_stay_unique() {
    for t in testing::all().await {
        let s = &t.store;
        let mut a = agreement("a", "FR", "MA", 1963);
        a.title = "Convention".into();
        a.titles = Default::default();
        let mut b = a.clone();
        b.id = Some("b".into());
        let a = s.create("x", a).await.unwrap();
        let b = s.create("x", b).await.unwrap();
        assert_eq!(a.slug.as_deref(), Some("convention-1963"));
        assert_eq!(
            b.slug.as_deref(),
            Some("convention-1963-2"),
            "{}",
            t.backend
        );
        // A title in a script the slug cannot spell gives no address made
        // of its year alone ("1981"): the id names the page.
        let mut c = agreement("ma-qa", "QA", "MA", 1981);
        c.title = "اتفاقية بشأن تنظيم استخدام العمال المغاربة".into();
        c.titles = Default::default();
        let c = s.create("x", c).await.unwrap();
        assert_eq!(c.slug.as_deref(), Some("ma-qa"), "{}", t.backend);
    }
}

#[tokio::test]
async fn references_must_exist_and_protect_their_target() {
    for t in testing::all().await {
        let s = &t.store;
        let event: passerelle_domain::Event = serde_json::from_value(json!({
            "id": "talk", "title": "GCM Talk", "kind": "peer_exchange", "start_on": "2023-07-11",
            "agreements": ["missing"]
        }))
        .unwrap();
        let err = s.create("x", event.clone()).await.unwrap_err();
        assert!(
            err.to_string()
                .contains("agreements[0]: no agreement with id `missing`"),
            "{err}"
        );
        assert!(
            s.get_json(Kind::Events, "talk", true)
                .await
                .unwrap()
                .is_none(),
            "nothing half-written"
        );

        s.create("x", agreement("missing", "FR", "MA", 1963))
            .await
            .unwrap();
        s.create("x", event).await.unwrap();
        let err = s
            .delete("x", Kind::Agreements, "missing")
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Referenced { .. }), "{err}");
    }
}

#[tokio::test]
async fn commitment_status_updates_append_history() {
    for t in testing::all().await {
        let s = &t.store;
        let c: Commitment = serde_json::from_value(json!({
            "id": "pledge", "title": "Pledge", "description": "x".repeat(300),
            "kind": "policy", "modality": "individual", "countries": ["MA"]
        }))
        .unwrap();
        s.create("x", c).await.unwrap();
        let day = |d: &str| d.parse().unwrap();
        s.record_status(
            "x",
            "pledge",
            StatusUpdate {
                on: day("2024-01-10"),
                status: CommitmentStatus::InProgress,
                note: Some("started".into()),
                source: Some(src()),
            },
        )
        .await
        .unwrap();
        let c = s
            .record_status(
                "x",
                "pledge",
                StatusUpdate {
                    on: day("2025-03-01"),
                    status: CommitmentStatus::Completed,
                    note: None,
                    source: Some(src()),
                },
            )
            .await
            .unwrap();
        assert_eq!(c.status, CommitmentStatus::Completed);
        assert_eq!(c.history.len(), 2, "{}", t.backend);
        let err = s
            .record_status(
                "x",
                "pledge",
                StatusUpdate {
                    on: day("2020-01-01"),
                    status: CommitmentStatus::Withdrawn,
                    note: None,
                    source: Some(src()),
                },
            )
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains("before the latest update"),
            "{err}"
        );
        let stored: Commitment = s.get("pledge", true).await.unwrap().unwrap();
        assert_eq!(stored.history.len(), 2);
        // A status nobody reported with a source is refused, and nothing
        // is appended.
        let err = s
            .record_status(
                "x",
                "pledge",
                StatusUpdate {
                    on: day("2025-04-01"),
                    status: CommitmentStatus::InProgress,
                    note: None,
                    source: None,
                },
            )
            .await
            .unwrap_err();
        assert!(err.to_string().contains("source"), "{err}");
        let stored: Commitment = s.get("pledge", true).await.unwrap().unwrap();
        assert_eq!(stored.history.len(), 2);
        assert_eq!(stored.status, CommitmentStatus::Completed);
    }
}

fn src() -> passerelle_domain::Source {
    serde_json::from_value(json!({"url": "https://example.org/progress-report"})).unwrap()
}

#[test]
fn a_commitment_without_a_sourced_status_is_not_reported_and_overdue_follows_the_target() {
    let mut c: Commitment = serde_json::from_value(json!({
        "id": "pledge", "title": "Pledge", "description": "x".repeat(300),
        "kind": "policy", "modality": "individual", "countries": ["MA"],
        "target_on": "2025-06-30"
    }))
    .unwrap();
    assert_eq!(c.status, CommitmentStatus::NotReported);
    let today = "2026-01-01".parse().unwrap();
    assert!(c.is_overdue(today), "past target, not reported");
    assert!(
        !c.is_overdue("2025-06-30".parse().unwrap()),
        "due today is not late"
    );
    // A status without history is refused: it would be a claim with no source.
    c.status = CommitmentStatus::InProgress;
    let err = passerelle_domain::Entity::validate(&c).unwrap_err();
    assert!(err.to_string().contains("status"), "{err}");
    c.status = CommitmentStatus::NotReported;
    c.record_status(StatusUpdate {
        on: "2025-07-01".parse().unwrap(),
        status: CommitmentStatus::Completed,
        note: None,
        source: Some(src()),
    })
    .unwrap();
    assert!(passerelle_domain::Entity::validate(&c).is_ok());
    assert!(!c.is_overdue(today), "completed is never overdue");
}

#[tokio::test]
async fn the_audit_log_cannot_be_rewritten() {
    for t in testing::all().await {
        t.store
            .create("x", agreement("a", "FR", "MA", 1963))
            .await
            .unwrap();
        // Nothing in the API changes the log, and the database refuses too.
        for sql in [
            "UPDATE audit_log SET actor = 'someone else'",
            "DELETE FROM audit_log",
        ] {
            let err = testing::execute_sql(&t.store, sql).await.unwrap_err();
            assert!(
                err.to_string().contains("the audit log cannot be changed"),
                "{} on {}: {err}",
                sql,
                t.backend
            );
        }
        let other = testing::another_node(&t).await;
        let log = other
            .audit_log(&AuditQuery {
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            log.len(),
            1,
            "a second node sees the same, unchanged log on {}",
            t.backend
        );
        assert_eq!(log[0].actor, "x");
    }
}
