use passerelle_domain::Kind;
use passerelle_domain::interchange::{read_csv, read_json, write_csv};
use passerelle_store::testing;
use passerelle_store::{AuditQuery, ImportSummary};

use crate::agreement;

#[tokio::test]
async fn an_import_is_all_or_nothing_and_idempotent() {
    for t in testing::all().await {
        let s = &t.store;
        s.create("x", agreement("kept", "FR", "MA", 1963))
            .await
            .unwrap();
        let before = s.all_json(Kind::Agreements).await.unwrap();

        // The second record points to an event that does not exist: the
        // whole batch is refused and the first record is not written.
        let text = r#"[
          {"id": "new", "title": "New", "type": "mou", "status": "signed",
           "parties": [{"country": "ES", "role": "destination"}, {"country": "SN", "role": "origin"}]},
          {"id": "c", "title": "Pledge", "description": "PLACEHOLDER", "kind": "policy",
           "modality": "individual", "countries": ["SN"], "event": "no-such-event"}
        ]"#
        .replace("PLACEHOLDER", &"d".repeat(320));
        let rows = read_json(None, &text).unwrap();
        let records = rows.into_iter().map(|r| r.record).collect();
        let (at, err) = s.import("import", records, |_| {}).await.unwrap_err();
        assert_eq!(at, Some(1), "{}", t.backend);
        assert!(
            err.to_string().contains("no event with id `no-such-event`"),
            "{err}"
        );
        assert_eq!(
            s.all_json(Kind::Agreements).await.unwrap(),
            before,
            "unchanged on {}",
            t.backend
        );

        // Export then import gives identical data, and changes nothing.
        let csv = write_csv(Kind::Agreements, &before);
        let rows = read_csv(None, &csv).unwrap();
        let summary = s
            .import(
                "import",
                rows.into_iter().map(|r| r.record).collect(),
                |_| {},
            )
            .await
            .unwrap();
        assert_eq!(
            summary,
            ImportSummary {
                created: 0,
                updated: 0,
                unchanged: 1
            }
        );
        assert_eq!(s.all_json(Kind::Agreements).await.unwrap(), before);
        let log = s
            .audit_log(&AuditQuery {
                limit: 100,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(log.len(), 1, "a re-import writes nothing on {}", t.backend);

        // Into a fresh database, the export reproduces the records exactly,
        // timestamps included.
        let fresh = testing::sqlite().await;
        let rows = read_csv(None, &csv).unwrap();
        fresh
            .store
            .import(
                "import",
                rows.into_iter().map(|r| r.record).collect(),
                |_| {},
            )
            .await
            .unwrap();
        assert_eq!(
            fresh.store.all_json(Kind::Agreements).await.unwrap(),
            before
        );
    }
}

#[tokio::test]
async fn a_batch_keeps_ids_and_slugs_unique() {
    use passerelle_domain::AnyRecord;
    for t in testing::all().await {
        let s = &t.store;
        let mut a = agreement("a", "FR", "MA", 1963);
        a.titles = Default::default();
        a.title = "Convention".into();
        let mut b = a.clone();
        b.id = Some("b".into());
        let mut c = a.clone();
        c.id = Some("c".into());
        s.create("x", c).await.unwrap();
        let summary = s
            .import(
                "import",
                vec![AnyRecord::Agreement(a.clone()), AnyRecord::Agreement(b)],
                |_| {},
            )
            .await
            .unwrap();
        assert_eq!(summary.created, 2);
        let slugs: Vec<String> = s
            .all_json(Kind::Agreements)
            .await
            .unwrap()
            .iter()
            .map(|v| v["slug"].as_str().unwrap().to_string())
            .collect();
        let mut sorted = slugs.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["convention-1963", "convention-1963-2", "convention-1963-3"],
            "{}",
            t.backend
        );

        let (at, err) = s
            .import(
                "import",
                vec![
                    AnyRecord::Agreement(agreement("d", "ES", "MA", 2001)),
                    AnyRecord::Agreement(agreement("d", "ES", "SN", 2006)),
                ],
                |_| {},
            )
            .await
            .unwrap_err();
        assert_eq!(at, Some(1));
        assert!(err.to_string().contains("also the id of record 1"), "{err}");
        assert!(
            s.get_json(Kind::Agreements, "d", true)
                .await
                .unwrap()
                .is_none()
        );
    }
}
