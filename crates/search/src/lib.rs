//! Full-text search over the registry: a tantivy index that each node keeps
//! as a local, disposable cache of the store.
//!
//! [`SearchIndex`] owns the index: its schema ([`Fields`]), the analyzers
//! per language ([`analyzer`]), writing [`Entry`]s made from records and
//! their documents' clauses ([`entry`]), and answering a [`SearchRequest`]
//! ([`query`]) with the best visible hits ([`rank`]), highlighted snippets
//! ([`snippet`]) and facet counts per record ([`count`]). [`follow`] keeps
//! it current by tailing the store's outbox, and rebuilds it from the store
//! when it is missing, unreadable or of another schema version.

pub mod analyzer;
pub mod count;
pub mod entry;
pub mod follow;
pub mod forgive;
pub mod query;
pub mod rank;
pub mod snippet;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tantivy::indexer::UserOperation;
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use entry::{ClauseEntry, Entry};
pub use passerelle_domain::Lang;
pub use query::{FacetCount, Hit, PartialMatch, SearchRequest, SearchResults, Sort};
pub use snippet::Snippet;

/// Bumped whenever the schema or an analyzer changes: an index built for
/// another version is rebuilt at start (5: names in several languages and
/// commitments' translated descriptions are indexed).
pub const SCHEMA_VERSION: u32 = 5;

/// The facet dimensions, as named in queries (`country:MA`) and results.
pub const FACETS: &[&str] = &[
    "kind",
    "country",
    "origin",
    "destination",
    "corridor",
    "pair",
    "region",
    "type",
    "status",
    "year",
    "objective",
    "principle",
    "sdg",
    "sector",
    "occupation",
    "language",
];

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("reading the search index: {0}")]
    Read(#[from] std::io::Error),
    #[error(
        "the search index at {} is in use by another process; a running server keeps its own index current, so stop it before reindexing",
        .0.display()
    )]
    Locked(PathBuf),
    #[error("the search index was opened read-only: another process maintains it")]
    ReadOnly,
    #[error(transparent)]
    Store(#[from] passerelle_store::StoreError),
    /// The query text or a filter is malformed; the message says where.
    #[error("{0}")]
    Query(String),
}

/// The fields of the index. Text is indexed once per language with that
/// language's analyzer, and once with the neutral analyzer.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// `kind:id` of the record (its clauses carry their agreement's key).
    pub key: Field,
    /// A hash of `key` as a fast field, to count each record once.
    pub record: Field,
    /// The hit kind: a record kind, or `clauses`.
    pub kind: Field,
    pub id: Field,
    /// Display title, and the titles per language as JSON (stored only).
    pub title: Field,
    pub titles: Field,
    /// Title text per language (fr, en, es, ar), then neutral.
    pub title_text: [Field; 5],
    /// Body text per language, stored for snippets, then neutral.
    pub body: [Field; 5],
    pub names: Field,
    pub facets: Field,
    pub year: Field,
    pub date: Field,
    /// The record's own title, for listing in title order (records only).
    pub sort_title: Field,
    pub public: Field,
    pub clause: Field,
    pub document: Field,
    pub offset: Field,
}

/// Position of a language (or of the neutral analyzer) in the field arrays.
pub fn slot(lang: Option<Lang>) -> usize {
    match lang {
        Some(Lang::Fr) => 0,
        Some(Lang::En) => 1,
        Some(Lang::Es) => 2,
        Some(Lang::Ar) => 3,
        None => 4,
    }
}

/// The language of a slot (`None` for the neutral one).
pub fn slot_lang(slot: usize) -> Option<Lang> {
    Lang::ALL.get(slot).copied()
}

impl Fields {
    fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text = |lang: Option<Lang>, positions: bool, stored: bool| {
            let record = if positions {
                IndexRecordOption::WithFreqsAndPositions
            } else {
                IndexRecordOption::WithFreqs
            };
            let opts = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer::name(lang))
                    .set_index_option(record),
            );
            if stored { opts.set_stored() } else { opts }
        };
        let mut title_text = Vec::new();
        let mut body = Vec::new();
        for s in 0..5 {
            let lang = slot_lang(s);
            let suffix = lang.map(Lang::code).unwrap_or("neutral");
            title_text.push(b.add_text_field(&format!("title_{suffix}"), text(lang, true, false)));
            // The neutral body has no positions: phrases are matched in the
            // language fields, and the neutral one only has to find words.
            body.push(b.add_text_field(
                &format!("body_{suffix}"),
                text(lang, lang.is_some(), lang.is_some()),
            ));
        }
        let fields = Fields {
            key: b.add_text_field("key", STRING | STORED),
            record: b.add_u64_field("record", FAST),
            kind: b.add_text_field("kind", STRING | STORED),
            id: b.add_text_field("id", STORED),
            title: b.add_text_field("title", STORED),
            titles: b.add_text_field("titles", STORED),
            title_text: title_text.try_into().expect("five title fields"),
            body: body.try_into().expect("five body fields"),
            names: b.add_text_field("names", text(None, true, false)),
            facets: b.add_facet_field("facets", FacetOptions::default()),
            year: b.add_i64_field("year", INDEXED | FAST),
            date: b.add_i64_field("date", FAST),
            sort_title: b.add_text_field("sort_title", STRING | FAST),
            public: b.add_u64_field("public", INDEXED | FAST),
            clause: b.add_text_field("clause", STORED),
            document: b.add_text_field("document", STORED),
            offset: b.add_u64_field("offset", STORED),
        };
        (b.build(), fields)
    }
}

/// A node's search index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    /// `None` when opened to read an index another process maintains.
    writer: Option<Mutex<IndexWriter>>,
    fields: Fields,
    /// Where it lives on disk (`None`: in memory).
    path: Option<PathBuf>,
    /// Whether it was just created, and so must be filled from the store.
    fresh: bool,
    counts: Mutex<CountCache>,
    count_cache_on: std::sync::atomic::AtomicBool,
    /// The database the index is made from, stamped with every commit.
    database: Mutex<String>,
}

/// Totals and facet counts of recent searches, valid for one searcher
/// generation (any commit empties it).
#[derive(Default)]
struct CountCache {
    generation: u64,
    entries: std::collections::HashMap<String, CachedCounts>,
}

type CachedCounts = (Option<usize>, Option<count::Counts>);

/// Searches whose counts are remembered; beyond it the cache starts over.
const COUNT_CACHE_ENTRIES: usize = 1024;

/// Memory the writer may use before it flushes a segment.
const WRITER_BUDGET: usize = 96 * 1024 * 1024;

impl SearchIndex {
    /// An index in memory (tests, benchmarks, `assess`-style one-off use).
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = Fields::schema();
        SearchIndex::with_writer(Index::create_in_ram(schema), fields, None, true, Some(1))
    }

    /// Opens the index under `dir`, or creates an empty one (then
    /// [`SearchIndex::is_fresh`] says it must be filled) when it is missing,
    /// unreadable, or built for another [`SCHEMA_VERSION`].
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get().min(4))
            .unwrap_or(1);
        SearchIndex::open_with_threads(dir, threads)
    }

    /// [`SearchIndex::open`] with a given number of indexing threads.
    pub fn open_with_threads(dir: &Path, threads: usize) -> Result<SearchIndex, SearchError> {
        let io = |source| SearchError::Io {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let path = dir.join(format!("v{SCHEMA_VERSION}"));
        // Indexes of other versions are caches nobody will read again.
        for old in std::fs::read_dir(dir).map_err(io)?.flatten() {
            let name = old.file_name();
            if name.to_string_lossy().starts_with('v') && old.path() != path {
                let _ = std::fs::remove_dir_all(old.path());
            }
        }
        let (schema, fields) = Fields::schema();
        if path.join("meta.json").exists() {
            match Index::open_in_dir(&path).and_then(|index| {
                // A schema that differs (without a version bump) or metadata
                // that does not parse counts as corrupt.
                index.load_metas()?;
                if index.schema() != schema {
                    return Err(tantivy::TantivyError::SchemaError("schema differs".into()));
                }
                Ok(index)
            }) {
                Ok(index) => {
                    return SearchIndex::with_writer(
                        index,
                        fields,
                        Some(path),
                        false,
                        Some(threads),
                    );
                }
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "search index unreadable; rebuilding it");
                }
            }
        }
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).map_err(io)?;
        let index = Index::create_in_dir(&path, schema)?;
        SearchIndex::with_writer(index, fields, Some(path), true, Some(threads))
    }

    /// Opens for reading only the index under `dir` that another process
    /// (a running server) writes and keeps current.
    pub fn open_read_only(dir: &Path) -> Result<SearchIndex, SearchError> {
        let path = dir.join(format!("v{SCHEMA_VERSION}"));
        let (_, fields) = Fields::schema();
        let index = Index::open_in_dir(&path)?;
        SearchIndex::with_writer(index, fields, Some(path), false, None)
    }

    fn with_writer(
        index: Index,
        fields: Fields,
        path: Option<PathBuf>,
        fresh: bool,
        // Indexing threads; `None` opens the index read-only.
        threads: Option<usize>,
    ) -> Result<SearchIndex, SearchError> {
        for lang in [
            None,
            Some(Lang::Fr),
            Some(Lang::En),
            Some(Lang::Es),
            Some(Lang::Ar),
        ] {
            index
                .tokenizers()
                .register(analyzer::name(lang), analyzer::analyzer(lang));
        }
        let writer = if let Some(threads) = threads {
            let w = index
                .writer_with_num_threads(threads, WRITER_BUDGET)
                .map_err(|e| match (&path, e) {
                    (Some(p), tantivy::TantivyError::LockFailure(..)) => {
                        SearchError::Locked(p.clone())
                    }
                    (_, e) => SearchError::Index(e),
                })?;
            Some(Mutex::new(w))
        } else {
            None
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            writer,
            fields,
            path,
            fresh,
            counts: Mutex::default(),
            count_cache_on: std::sync::atomic::AtomicBool::new(true),
            database: Mutex::default(),
        })
    }

    /// Turns the cache of totals and facet counts on or off (benchmarks
    /// measure the cold path with it off).
    pub fn set_count_cache(&self, on: bool) {
        self.count_cache_on
            .store(on, std::sync::atomic::Ordering::Relaxed);
    }

    pub(crate) fn cached_counts(&self, generation: u64, key: &str) -> Option<CachedCounts> {
        if !self
            .count_cache_on
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return None;
        }
        let cache = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if cache.generation != generation {
            return None;
        }
        cache.entries.get(key).cloned()
    }

    pub(crate) fn cache_counts(&self, generation: u64, key: String, counts: CachedCounts) {
        let mut cache = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if cache.generation != generation || cache.entries.len() >= COUNT_CACHE_ENTRIES {
            cache.entries.clear();
            cache.generation = generation;
        }
        cache.entries.insert(key, counts);
    }

    /// The generation of what searches see: it changes whenever the index
    /// takes in a change (caches of pages key on it).
    pub fn generation(&self) -> u64 {
        self.reader().searcher().generation().generation_id()
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the index was created empty at open and must be rebuilt.
    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    pub(crate) fn reader(&self) -> &IndexReader {
        &self.reader
    }

    /// The last commit's stamp: `SEQ@DATABASE` (older indexes: `SEQ`).
    fn stamp(&self) -> (i64, Option<String>) {
        let payload = self
            .index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .unwrap_or_default();
        let (seq, database) = match payload.split_once('@') {
            Some((seq, db)) => (seq, Some(db.to_string())),
            None => (payload.as_str(), None),
        };
        (seq.parse().unwrap_or(0), database)
    }

    /// The last outbox sequence number the index has applied.
    pub fn applied(&self) -> i64 {
        self.stamp().0
    }

    /// The database the index was made from ([`passerelle_store::Store::database_id`]),
    /// if it says.
    pub fn made_from(&self) -> Option<String> {
        self.stamp().1
    }

    /// Sets the database that the next commits stamp.
    pub(crate) fn set_database(&self, id: &str) {
        *self.database.lock().unwrap_or_else(|p| p.into_inner()) = id.to_string();
    }

    /// The number of index documents (records and clauses).
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn writer(&self) -> Result<MutexGuard<'_, IndexWriter>, SearchError> {
        match &self.writer {
            Some(w) => Ok(w.lock().unwrap_or_else(|p| p.into_inner())),
            None => Err(SearchError::ReadOnly),
        }
    }

    /// Whether this process may write the index (it does not when another
    /// process holds it).
    pub fn is_writable(&self) -> bool {
        self.writer.is_some()
    }

    /// Replaces or removes records and commits, recording `seq` as applied:
    /// `entries` replace what the index had under their keys, `deleted`
    /// keys are removed.
    pub fn apply(
        &self,
        entries: &[Entry],
        deleted: &[String],
        seq: i64,
    ) -> Result<(), SearchError> {
        let mut writer = self.writer()?;
        for key in deleted {
            writer.delete_term(Term::from_field_text(self.fields.key, key));
        }
        for e in entries {
            writer.delete_term(Term::from_field_text(self.fields.key, &e.key));
            self.add_to(&writer, e)?;
        }
        self.commit(&mut writer, seq)
    }

    /// Empties the index (for a rebuild); nothing is visible until
    /// [`SearchIndex::finish_rebuild`].
    pub fn start_rebuild(&self) -> Result<(), SearchError> {
        self.writer()?.delete_all_documents()?;
        Ok(())
    }

    /// Adds entries during a rebuild, without committing.
    pub fn add(&self, entries: &[Entry]) -> Result<(), SearchError> {
        let writer = self.writer()?;
        for e in entries {
            self.add_to(&writer, e)?;
        }
        Ok(())
    }

    /// Commits a rebuild as current up to `seq`.
    pub fn finish_rebuild(&self, seq: i64) -> Result<(), SearchError> {
        let mut writer = self.writer()?;
        self.commit(&mut writer, seq)?;
        // Fewer, larger segments make every later query cheaper.
        // The writer's own merge policy may be merging some of them
        // already; then this merge is refused, which costs nothing.
        let ids = self.index.searchable_segment_ids()?;
        if ids.len() > 1 {
            match writer.merge(&ids).wait() {
                Ok(_) => self.reader.reload()?,
                Err(e) => tracing::debug!(error = %e, "final merge skipped"),
            }
        }
        Ok(())
    }

    fn commit(&self, writer: &mut IndexWriter, seq: i64) -> Result<(), SearchError> {
        let mut prepared = writer.prepare_commit()?;
        let database = self
            .database
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        prepared.set_payload(&format!("{seq}@{database}"));
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Adds a record and its clauses in one batch, which keeps them
    /// contiguous in one segment (facet counts rely on it, see [`count`]).
    fn add_to(&self, writer: &IndexWriter, e: &Entry) -> Result<(), SearchError> {
        let mut batch = Vec::with_capacity(1 + e.clauses.len());
        batch.push(UserOperation::Add(self.record_document(e)));
        for c in &e.clauses {
            batch.push(UserOperation::Add(self.clause_document(e, c)));
        }
        writer.run(batch)?;
        Ok(())
    }

    /// What a record and its clauses share: key, facets, dates, visibility.
    fn common(&self, e: &Entry, kind: &str, public: bool) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, &e.key);
        doc.add_u64(f.record, count::record_hash(&e.key));
        doc.add_text(f.kind, kind);
        doc.add_text(f.id, &e.id);
        doc.add_text(f.title, &e.title);
        if !e.titles.0.is_empty() {
            doc.add_text(
                f.titles,
                serde_json::to_string(&e.titles).expect("titles serialise"),
            );
        }
        for (dim, code) in &e.facets {
            let code = if *dim == "kind" { kind } else { code };
            doc.add_facet(f.facets, tantivy::schema::Facet::from_path([*dim, code]));
        }
        if let Some(y) = e.year {
            doc.add_i64(f.year, y);
        }
        if let Some(d) = e.date {
            doc.add_i64(f.date, d);
        }
        doc.add_u64(f.public, u64::from(public));
        doc
    }

    fn record_document(&self, e: &Entry) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = self.common(e, &e.kind, e.public);
        doc.add_text(f.sort_title, &e.title);
        for (lang, text) in &e.title_texts {
            if lang.is_some() {
                doc.add_text(f.title_text[slot(*lang)], text);
            }
            doc.add_text(f.title_text[4], text);
        }
        for (lang, text) in &e.bodies {
            // Text in no known language goes to the English field, which
            // stores it for snippets; the neutral field finds its words.
            let s = slot(lang.or(Some(Lang::En)));
            doc.add_text(f.body[s], text);
            doc.add_text(f.body[4], text);
        }
        for name in &e.names {
            doc.add_text(f.names, name);
        }
        doc
    }

    fn clause_document(&self, base: &Entry, c: &ClauseEntry) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = self.common(base, "clauses", base.public && base.text_public);
        doc.add_text(f.body[slot(c.lang.or(Some(Lang::En)))], &c.text);
        doc.add_text(f.body[4], &c.text);
        doc.add_text(f.clause, &c.label);
        doc.add_text(f.document, &c.document_id);
        doc.add_u64(f.offset, c.start as u64);
        doc
    }
}
