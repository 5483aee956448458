//! Keeping the index current with the store: a full rebuild, and catching
//! up with the store's outbox, which every write appends to in commit order.
//! Each node runs [`follow`] and so sees every other node's writes.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use passerelle_domain::{AnyRecord, Document, Kind};
use passerelle_store::{ListQuery, Store};
use tokio::sync::Notify;

use crate::entry::{self, Entry};
use crate::{SearchError, SearchIndex};

/// Outbox entries applied per commit.
const BATCH: u32 = 500;
/// Records read and turned into entries at a time during a rebuild (the
/// store's largest page).
const CHUNK: usize = passerelle_store::MAX_PER_PAGE as usize;

/// The entry of one record as the store holds it now (`None`: deleted or
/// not searchable).
async fn load(store: &Store, kind: Kind, id: &str) -> Result<Option<Entry>, SearchError> {
    let Some(value) = store.get_json(kind, id, true).await? else {
        return Ok(None);
    };
    let record = AnyRecord::from_value(kind, value)
        .map_err(|e| passerelle_store::StoreError::Corrupt(format!("{kind} {id}: {e}")))?;
    let documents = if kind == Kind::Agreements {
        store.documents(id).await?
    } else {
        Vec::new()
    };
    Ok(entry::entry(&record, &documents))
}

impl SearchIndex {
    /// Rebuilds the index when following the outbox cannot make it
    /// right: it was made from another database, the entries it has not
    /// applied were pruned, or the database is older than the index. Cheap
    /// otherwise (three small queries), so a server does it before it
    /// listens and replays the outbox after.
    pub async fn rebuild_if_unfollowable(&self, store: &Store) -> Result<(), SearchError> {
        // Entries this index has not applied were pruned from the outbox
        // (the node was down longer than they are kept): only a rebuild
        // brings it back.
        let database = store.database_id().await?;
        self.set_database(&database);
        let first = store.outbox_first().await?;
        let applied = self.applied();
        if applied > 0 && self.made_from().as_deref() != Some(database.as_str()) {
            // Made from another database (or before indexes said which):
            // its sequence numbers mean nothing here.
            tracing::warn!("the search index was made from another database; rebuilding it");
            self.rebuild(store, |_, _| {}).await?;
        } else if first > applied + 1 {
            tracing::warn!(
                applied,
                first,
                "search index is behind the pruned outbox; rebuilding it"
            );
            self.rebuild(store, |_, _| {}).await?;
        } else if applied > 0 && store.outbox_head().await? < applied {
            // The database is older than the index: a backup was restored
            // (or another database put in its place). What the index holds
            // beyond it is not in the database.
            tracing::warn!(
                applied,
                "the database is older than the search index; rebuilding it"
            );
            self.rebuild(store, |_, _| {}).await?;
        }
        Ok(())
    }

    /// Applies the outbox entries written since the index was last current;
    /// returns how many were applied.
    pub async fn catch_up(&self, store: &Store) -> Result<usize, SearchError> {
        if !self.is_writable() {
            // Another process follows the outbox and commits; see its work.
            self.reader().reload()?;
            return Ok(0);
        }
        self.rebuild_if_unfollowable(store).await?;
        let mut done = 0;
        loop {
            let since = self.applied();
            let batch = store.outbox_since(since, BATCH).await?;
            let Some(last) = batch.last().map(|e| e.seq) else {
                return Ok(done);
            };
            // The latest state of each record is what counts, whatever the
            // number of writes in between.
            let mut keys: Vec<(Kind, String)> = Vec::new();
            for e in &batch {
                let k = (e.kind, e.record_id.clone());
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            let mut entries = Vec::new();
            let mut deleted = Vec::new();
            for (kind, id) in keys {
                match load(store, kind, &id).await? {
                    Some(e) => entries.push(e),
                    None => deleted.push(format!("{kind}:{id}")),
                }
            }
            self.apply(&entries, &deleted, last)?;
            done += batch.len();
        }
    }

    /// Rebuilds the index from every record and document in the store;
    /// `progress` is told the records done and the total.
    pub async fn rebuild(
        &self,
        store: &Store,
        mut progress: impl FnMut(u64, u64),
    ) -> Result<u64, SearchError> {
        // Writes after this point are in the outbox and will be caught up,
        // so nothing is missed; some may be applied twice, which is harmless.
        let head = store.outbox_head().await?;
        self.set_database(&store.database_id().await?);
        self.start_rebuild()?;
        let kinds = Kind::ALL.into_iter().filter(|k| *k != Kind::Indicators);
        let mut total = 0u64;
        for kind in kinds.clone() {
            let count = ListQuery {
                per_page: 1,
                ..ListQuery::all()
            };
            total += store.list_json(kind, &count).await?.total;
        }
        let mut done = 0u64;
        for kind in kinds {
            // A page at a time, so memory stays flat whatever the size of
            // the registry; agreements get their documents' texts in one
            // query per page, and are added with their clauses.
            let mut query = ListQuery {
                per_page: CHUNK as u32,
                ..ListQuery::all()
            };
            loop {
                let page = store.list_json(kind, &query).await?;
                let last = page.items.len() < CHUNK;
                let mut records = Vec::with_capacity(page.items.len());
                for value in page.items {
                    records.push(AnyRecord::from_value(kind, value).map_err(|e| {
                        passerelle_store::StoreError::Corrupt(format!(
                            "a stored {}: {e}",
                            kind.noun()
                        ))
                    })?);
                }
                let mut documents: HashMap<String, Vec<Document>> = HashMap::new();
                if kind == Kind::Agreements {
                    let ids: Vec<String> = records
                        .iter()
                        .filter_map(|r| r.id().map(String::from))
                        .collect();
                    for doc in store.documents_of(&ids).await? {
                        documents
                            .entry(doc.agreement_id.clone())
                            .or_default()
                            .push(doc);
                    }
                }
                let entries: Vec<Entry> = records
                    .iter()
                    .filter_map(|r| {
                        let docs = r.id().and_then(|id| documents.get(id));
                        entry::entry(r, docs.map_or(&[][..], Vec::as_slice))
                    })
                    .collect();
                self.add(&entries)?;
                done += records.len() as u64;
                progress(done, total.max(done));
                if last {
                    break;
                }
                query.page += 1;
            }
        }
        self.finish_rebuild(head)?;
        Ok(done)
    }
}

/// Opens the index under `dir`, rebuilds it if it is new (`progress` is
/// told the records done and the total), and catches it up with the store.
pub async fn open_current(
    dir: &std::path::Path,
    store: &Store,
    progress: impl FnMut(u64, u64),
) -> Result<SearchIndex, SearchError> {
    let index = open_for_server(dir, store, progress).await?;
    index.catch_up(store).await?;
    Ok(index)
}

/// The index under `dir` for a server: built when missing (nothing can be
/// served without it) and rebuilt when it cannot follow this database, but
/// not caught up: [`follow`] replays what it missed at once, in the
/// background, so a node restarted behind a busy writer answers (its health
/// check says `catching_up`) within moments instead of after the replay.
pub async fn open_for_server(
    dir: &std::path::Path,
    store: &Store,
    progress: impl FnMut(u64, u64),
) -> Result<SearchIndex, SearchError> {
    let index = SearchIndex::open(dir)?;
    if index.is_fresh() {
        let started = std::time::Instant::now();
        let n = index.rebuild(store, progress).await?;
        tracing::info!(records = n, took = ?started.elapsed(), "search index built");
    } else {
        index.rebuild_if_unfollowable(store).await?;
    }
    Ok(index)
}

/// How long outbox entries are kept: a node down for longer rebuilds its
/// index when it comes back.
pub const OUTBOX_KEPT: Duration = Duration::from_secs(7 * 24 * 3600);

/// How often a node prunes the outbox (every node may; it is idempotent).
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// Keeps `index` current: catches up every `every`, or at once when
/// `nudge` is notified (after a write on this node), and prunes outbox
/// entries older than [`OUTBOX_KEPT`] once an hour. Runs until the task is
/// dropped; errors are logged and retried at the next tick.
pub async fn follow(index: Arc<SearchIndex>, store: Store, every: Duration, nudge: Arc<Notify>) {
    let mut pruned = tokio::time::Instant::now();
    let mut first = true;
    loop {
        // The first catch-up at once: a node may start behind.
        if !std::mem::take(&mut first) {
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = nudge.notified() => {}
            }
        }
        if let Err(e) = index.catch_up(&store).await {
            tracing::warn!(error = %e, "search index catch-up failed; retrying");
        }
        if pruned.elapsed() >= PRUNE_EVERY {
            pruned = tokio::time::Instant::now();
            let before = std::time::SystemTime::now() - OUTBOX_KEPT;
            match store.prune_outbox(&passerelle_store::rfc3339(before)).await {
                Ok(n) if n > 0 => tracing::info!(entries = n, "search outbox pruned"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "search outbox pruning failed"),
            }
        }
    }
}
