//! The index as a cache of the store: built from it, kept current from its
//! outbox, rebuilt when unreadable, and current on a second node.

use std::sync::Arc;
use std::time::{Duration, Instant};

use passerelle_domain::{Agreement, Kind, Practice};
use passerelle_search::{SearchIndex, SearchRequest, follow};
use passerelle_store::{NewDocument, Store, testing};
use serde_json::json;

fn agreement(id: &str, title: &str) -> Agreement {
    serde_json::from_value(json!({
        "id": id,
        "title": title,
        "title_language": "fr",
        "text_public": true,
        "type": "bilateral_agreement",
        "status": "in_force",
        "parties": [
            {"country": "FR", "role": "destination"},
            {"country": "MA", "role": "origin"}
        ],
        "signed_on": "1963-06-01",
        "objectives": [6],
        "sources": [{"url": "https://example.org/source"}]
    }))
    .unwrap()
}

fn practice(id: &str, summary: &str) -> Practice {
    serde_json::from_value(json!({
        "id": id,
        "title": "Guichet d'information",
        "summary": {"fr": summary},
        "countries": ["SN"],
        "objectives": [3],
        "type": "programme",
        "publication_status": "published"
    }))
    .unwrap()
}

const TEXT: &str = "Article premier\nLes deux Parties coopèrent.\n\nArticle 2\nLes frais de recrutement sont à la charge de l'employeur.\n";

async fn seed(store: &Store) {
    store
        .create("t", agreement("fr-ma", "Convention de main-d'œuvre"))
        .await
        .unwrap();
    store
        .attach_document(
            "t",
            "fr-ma",
            NewDocument {
                file_name: "texte.txt",
                media_type: "text/plain",
                language: Some("fr"),
                text: Some(TEXT.into()),
                bytes: TEXT.as_bytes(),
                source_url: None,
            },
        )
        .await
        .unwrap();
}

fn found(index: &SearchIndex, q: &str) -> Vec<(String, String)> {
    index
        .search(&SearchRequest::text(q))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.kind, h.id))
        .collect()
}

#[tokio::test]
async fn the_index_follows_every_write() {
    for t in testing::all().await {
        let store = &t.store;
        seed(store).await;
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        assert!(index.is_fresh());
        assert_eq!(index.rebuild(store, |_, _| {}).await.unwrap(), 1);
        let hits = index.search(&SearchRequest::text("recrutement")).unwrap();
        assert_eq!(hits.total, 1, "{}", t.backend);
        let clause = hits.hits[0].clause.as_ref().unwrap();
        assert_eq!(clause.label, "Article 2");
        // The snippet points into the document's text.
        let s = hits.hits[0].snippet.as_ref().unwrap();
        assert_eq!(&TEXT[s.start..s.start + s.text.len()], s.text);

        // Create, update, delete: each is visible after a catch-up.
        store
            .create(
                "t",
                practice("guichet", "Conseils aux travailleuses migrantes."),
            )
            .await
            .unwrap();
        assert!(found(&index, "travailleuse").is_empty());
        index.catch_up(store).await.unwrap();
        assert_eq!(
            found(&index, "travailleuse"),
            [("practices".into(), "guichet".into())]
        );
        store
            .update(
                "t",
                "guichet",
                practice("guichet", "Orientation avant le départ."),
            )
            .await
            .unwrap();
        index.catch_up(store).await.unwrap();
        assert!(found(&index, "travailleuse").is_empty(), "{}", t.backend);
        assert_eq!(found(&index, "orientation").len(), 1);
        store.delete("t", Kind::Practices, "guichet").await.unwrap();
        index.catch_up(store).await.unwrap();
        assert!(found(&index, "orientation").is_empty());

        // Reopened, the index is not rebuilt and knows where it stopped.
        let applied = index.applied();
        assert!(applied > 0);
        drop(index);
        let index = SearchIndex::open(dir.path()).unwrap();
        assert!(!index.is_fresh());
        assert_eq!(index.applied(), applied);
        assert_eq!(index.catch_up(store).await.unwrap(), 0);
        assert_eq!(found(&index, "recrutement").len(), 1);
    }
}

#[tokio::test]
async fn an_unreadable_index_is_rebuilt_at_start() {
    let t = testing::sqlite().await;
    seed(&t.store).await;
    let dir = tempfile::tempdir().unwrap();
    let index = follow::open_current(dir.path(), &t.store, |_, _| {})
        .await
        .unwrap();
    assert_eq!(found(&index, "recrutement").len(), 1);
    drop(index);
    let meta = dir
        .path()
        .join(format!("v{}", passerelle_search::SCHEMA_VERSION))
        .join("meta.json");
    std::fs::write(&meta, b"{ not json").unwrap();
    let index = follow::open_current(dir.path(), &t.store, |_, _| {})
        .await
        .unwrap();
    assert_eq!(found(&index, "recrutement").len(), 1);
    drop(index);
    // An index of another schema version is replaced too.
    let old = dir.path().join("v0");
    std::fs::create_dir_all(&old).unwrap();
    let index = follow::open_current(dir.path(), &t.store, |_, _| {})
        .await
        .unwrap();
    assert!(!old.exists());
    assert_eq!(found(&index, "recrutement").len(), 1);
}

#[tokio::test]
async fn a_second_index_on_the_same_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let _first = SearchIndex::open(dir.path()).unwrap();
    let e = SearchIndex::open(dir.path()).err().unwrap().to_string();
    assert!(e.contains("in use by another process"), "{e}");
}

/// Two nodes on one PostgreSQL database: a record written through node A
/// is found through node B, whose index follows the outbox.
#[tokio::test]
async fn a_write_on_one_node_is_found_on_another() {
    let Some(a) = testing::postgres().await else {
        eprintln!("skipped: {} is not set", testing::DATABASE_URL_VAR);
        return;
    };
    let b = testing::another_node(&a).await;
    let dir = tempfile::tempdir().unwrap();
    let index_b = Arc::new(
        follow::open_current(dir.path(), &b, |_, _| {})
            .await
            .unwrap(),
    );
    let nudge = Arc::new(tokio::sync::Notify::new());
    let follower = tokio::spawn(follow::follow(
        Arc::clone(&index_b),
        b.clone(),
        Duration::from_millis(250),
        nudge,
    ));
    let written = Instant::now();
    seed(&a.store).await;
    // The follower polls every 250 ms; allow generously more than the 2 s
    // promised so a loaded machine does not fail the test, and report the
    // time it took.
    loop {
        if found(&index_b, "recrutement").len() == 1 {
            break;
        }
        assert!(
            written.elapsed() < Duration::from_secs(10),
            "node B never saw the write"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    eprintln!("node B found node A's write after {:?}", written.elapsed());
    assert!(found(&index_b, "Convention").contains(&("agreements".into(), "fr-ma".into())));
    follower.abort();
}

#[tokio::test]
async fn a_rebuild_reads_the_store_page_by_page() {
    let t = testing::sqlite().await;
    // More than two of the store's pages.
    let records: Vec<passerelle_domain::AnyRecord> = (0..1_200)
        .map(|i| {
            passerelle_domain::AnyRecord::Practice(practice(
                &format!("p{i}"),
                &format!("Pratique numéro {i}"),
            ))
        })
        .collect();
    t.store.import("t", records, |_| {}).await.unwrap();
    let index = SearchIndex::in_memory().unwrap();
    let mut last = (0, 0);
    let n = index
        .rebuild(&t.store, |done, total| last = (done, total))
        .await
        .unwrap();
    assert_eq!(n, 1_200);
    assert_eq!(last, (1_200, 1_200));
    assert_eq!(index.len(), 1_200);
    let r = index
        .search(&SearchRequest::text("\"numéro 1199\""))
        .unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].id, "p1199");
}

/// A node that was away while the outbox was pruned rebuilds instead of
/// missing the writes it never saw.
#[tokio::test]
async fn an_index_behind_a_pruned_outbox_is_rebuilt() {
    for t in testing::all().await {
        let store = &t.store;
        seed(store).await;
        let index = SearchIndex::in_memory().unwrap();
        index.rebuild(store, |_, _| {}).await.unwrap();
        for i in 0..3 {
            store
                .create("t", practice(&format!("p{i}"), "Guichet unique"))
                .await
                .unwrap();
        }
        // Everything but the newest entry goes.
        let pruned = store.prune_outbox("9999-12-31T00:00:00Z").await.unwrap();
        assert!(pruned >= 3, "{}: {pruned}", t.backend);
        assert_eq!(
            store.outbox_first().await.unwrap(),
            store.outbox_head().await.unwrap()
        );
        index.catch_up(store).await.unwrap();
        assert_eq!(found(&index, "guichet").len(), 3, "{}", t.backend);
        // Pruning with an old cutoff removes nothing.
        assert_eq!(store.prune_outbox("2000-01-01T00:00:00Z").await.unwrap(), 0);
    }
}

/// A database older than the index (a backup put back) makes the index
/// rebuild, rather than keep records the database no longer has.
#[tokio::test]
async fn an_index_ahead_of_a_restored_database_is_rebuilt() {
    let now = testing::all().await;
    let restored = testing::all().await;
    for (t, older) in now.iter().zip(&restored) {
        seed(&t.store).await;
        let index = SearchIndex::in_memory().unwrap();
        index.rebuild(&t.store, |_, _| {}).await.unwrap();
        for i in 0..3 {
            t.store
                .create("t", practice(&format!("late{i}"), "Guichet unique"))
                .await
                .unwrap();
        }
        index.catch_up(&t.store).await.unwrap();
        assert_eq!(found(&index, "guichet").len(), 3, "{}", t.backend);
        // The same hub, its database replaced by one from before those
        // writes: their entries must not outlive them.
        seed(&older.store).await;
        assert!(older.store.outbox_head().await.unwrap() < index.applied());
        index.catch_up(&older.store).await.unwrap();
        assert!(found(&index, "guichet").is_empty(), "{}", t.backend);
    }
}

/// An index kept when the hub moves to another database (say from the
/// laptop's SQLite to PostgreSQL, with more writes already) is rebuilt:
/// its sequence numbers belong to the first database.
#[tokio::test]
async fn an_index_made_from_another_database_is_rebuilt() {
    let first = testing::all().await;
    let second = testing::all().await;
    for (a, b) in first.iter().zip(&second) {
        seed(&a.store).await;
        let index = SearchIndex::in_memory().unwrap();
        index.rebuild(&a.store, |_, _| {}).await.unwrap();
        assert_eq!(
            index.made_from(),
            Some(a.store.database_id().await.unwrap())
        );
        a.store
            .create("t", practice("only-in-a", "Guichet unique"))
            .await
            .unwrap();
        index.catch_up(&a.store).await.unwrap();
        assert_eq!(
            found(&index, "guichet"),
            [("practices".to_string(), "only-in-a".to_string())]
        );
        // The other database is ahead: catching up alone would keep the
        // first one's records and skip the other's early writes.
        seed(&b.store).await;
        for i in 0..5 {
            b.store
                .create("t", practice(&format!("in-b-{i}"), "Bureau d'accueil"))
                .await
                .unwrap();
        }
        assert!(b.store.outbox_head().await.unwrap() > index.applied());
        index.catch_up(&b.store).await.unwrap();
        let now: Vec<String> = found(&index, "guichet")
            .into_iter()
            .map(|(_, id)| id)
            .collect();
        assert_eq!(now.len(), 5, "{}: {now:?}", a.backend);
        assert!(!now.contains(&"only-in-a".to_string()), "{}", a.backend);
        assert_eq!(
            index.made_from(),
            Some(b.store.database_id().await.unwrap())
        );
        // Caught up again with nothing new, it stays as it is.
        let applied = index.applied();
        index.catch_up(&b.store).await.unwrap();
        assert_eq!(index.applied(), applied);
    }
}

/// A node restarted behind the database opens its index at once, without
/// replaying what it missed (its health check says it is catching up); its
/// follower replays it first thing, without waiting for its next tick or a
/// write.
#[tokio::test]
async fn a_restarted_node_opens_at_once_and_catches_up_in_the_background() {
    for t in testing::all().await {
        let store = &t.store;
        seed(store).await;
        let dir = tempfile::tempdir().unwrap();
        drop(
            follow::open_current(dir.path(), store, |_, _| {})
                .await
                .unwrap(),
        );
        // Written while the node was down.
        for i in 0..15 {
            store
                .create("t", practice(&format!("p{i}"), "Guichet unique"))
                .await
                .unwrap();
        }
        let head = store.outbox_head().await.unwrap();
        let index = Arc::new(
            follow::open_for_server(dir.path(), store, |_, _| {})
                .await
                .unwrap(),
        );
        assert!(
            index.applied() < head,
            "{}: replayed before serving",
            t.backend
        );
        assert!(found(&index, "guichet").is_empty());
        // A follower whose tick is far away still catches up at once.
        let follower = tokio::spawn(follow::follow(
            Arc::clone(&index),
            store.clone(),
            Duration::from_secs(3600),
            Arc::new(tokio::sync::Notify::new()),
        ));
        let started = Instant::now();
        while index.applied() < head {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{}: never caught up",
                t.backend
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(found(&index, "guichet").len(), 15, "{}", t.backend);
        follower.abort();
    }
}
