//! Search side by side: Passerelle's index, SQLite FTS5 and PostgreSQL
//! full-text search on the same synthetic corpus (`passerelle demo
//! --synthetic`: agreements in four languages, each record and each clause
//! of its text one searchable unit) and the same queries in four languages,
//! one core each; then recall on the labelled UDHR queries.
//!
//!   cargo bench -p passerelle-search --bench compare
//!
//! BENCH_N records (default 100000); BENCH_PG a PostgreSQL server URL
//! without database (default postgres://postgres@127.0.0.1:5432; the
//! database passerelle_bench_search is created and dropped); BENCH_SKIP_PG=1
//! to leave PostgreSQL out. Prints Markdown tables for docs/benchmarks.md.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use passerelle_domain::synthetic::{self, Rng};
use passerelle_domain::{AnyRecord, Document, Lang};
use passerelle_search::{Entry, SearchIndex, SearchRequest, entry};
use sqlx::{Connection, Executor, PgConnection, Row, SqliteConnection};

/// A searchable unit as the other engines store it: the same text the
/// index gets for a record (titles, summaries) or a clause.
struct Unit {
    lang: Lang,
    title: String,
    body: String,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Class {
    Term,
    And,
    Or,
    Phrase,
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Term => "term",
            Class::And => "AND",
            Class::Or => "OR",
            Class::Phrase => "phrase",
        }
    }
}

struct Query {
    class: Class,
    lang: Lang,
    words: Vec<String>,
}

impl Query {
    fn passerelle(&self) -> String {
        match self.class {
            Class::Term | Class::And => self.words.join(" "),
            Class::Or => self.words.join(" OR "),
            Class::Phrase => format!("\"{}\"", self.words.join(" ")),
        }
    }
    fn fts5(&self) -> String {
        let quoted: Vec<String> = self.words.iter().map(|w| format!("\"{w}\"")).collect();
        match self.class {
            Class::Term | Class::And => quoted.join(" "),
            Class::Or => quoted.join(" OR "),
            Class::Phrase => format!("\"{}\"", self.words.join(" ")),
        }
    }
    fn websearch(&self) -> String {
        match self.class {
            Class::Term | Class::And => self.words.join(" "),
            Class::Or => self.words.join(" or "),
            Class::Phrase => format!("\"{}\"", self.words.join(" ")),
        }
    }
}

fn pg_config(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "french",
        Lang::En => "english",
        Lang::Es => "spanish",
        Lang::Ar => "arabic",
    }
}

fn corpus(n: u64) -> (Vec<Entry>, Vec<Unit>) {
    let mut entries = Vec::with_capacity(n as usize);
    let mut units = Vec::new();
    for i in 0..n {
        let s = synthetic::agreement(1, i);
        let mut agreement = s.agreement;
        agreement.text_public = true;
        let doc = Document {
            id: format!("doc-{i}"),
            agreement_id: agreement.id.clone().unwrap_or_default(),
            file_name: "text.txt".into(),
            media_type: "text/plain".into(),
            language: Some(s.language.code().into()),
            sha256: String::new(),
            size: s.body.len() as u64,
            text: Some(s.body),
            created_at: String::new(),
            source_url: None,
            ocr: None,
        };
        let e = entry::entry(&AnyRecord::Agreement(agreement), &[doc]).expect("indexable");
        units.push(Unit {
            lang: s.language,
            title: e
                .title_texts
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            body: e
                .bodies
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        });
        for c in &e.clauses {
            units.push(Unit {
                lang: c.lang.unwrap_or(s.language),
                title: String::new(),
                body: c.text.clone(),
            });
        }
        entries.push(e);
    }
    (entries, units)
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// 52 queries per language: words and runs of words taken from the
/// corpus, so every query has answers.
fn queries(units: &[Unit]) -> Vec<Query> {
    let mut rng = Rng::new(42);
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let sample: Vec<&Unit> = units
            .iter()
            .filter(|u| u.lang == lang)
            .take(20_000)
            .collect();
        let mut vocab: Vec<String> = sample
            .iter()
            .flat_map(|u| words(&format!("{} {}", u.title, u.body)))
            .collect();
        vocab.sort();
        vocab.dedup();
        let bodies: Vec<Vec<String>> = sample
            .iter()
            .filter(|u| !u.body.is_empty())
            .map(|u| {
                u.body
                    .split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .collect();
        let word = |rng: &mut Rng| vocab[rng.below(vocab.len())].clone();
        for class in [Class::Term, Class::And, Class::Or, Class::Phrase] {
            let count = match class {
                Class::Term | Class::And => 15,
                Class::Or => 10,
                Class::Phrase => 12,
            };
            for _ in 0..count {
                let words = match class {
                    Class::Term => vec![word(&mut rng)],
                    Class::Or => vec![word(&mut rng), word(&mut rng)],
                    Class::And => {
                        // Two words of one text, so the AND has answers.
                        let b = &bodies[rng.below(bodies.len())];
                        let pick = |rng: &mut Rng| loop {
                            let w = &b[rng.below(b.len())];
                            if w.chars().count() >= 4 {
                                return w.to_lowercase();
                            }
                        };
                        vec![pick(&mut rng), pick(&mut rng)]
                    }
                    Class::Phrase => {
                        let b = &bodies[rng.below(bodies.len())];
                        let len = 2 + rng.below(2);
                        let at = rng.below(b.len().saturating_sub(len).max(1));
                        b[at..(at + len).min(b.len())]
                            .iter()
                            .map(|w| w.to_lowercase())
                            .collect()
                    }
                };
                out.push(Query { class, lang, words });
            }
        }
    }
    out
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|d| {
            d.flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

/// Latency samples per query class.
#[derive(Default)]
struct Samples(BTreeMap<Class, Vec<Duration>>);

impl Samples {
    fn add(&mut self, class: Class, d: Duration) {
        self.0.entry(class).or_default().push(d);
    }
    fn stats(&self, class: Class) -> (f64, f64, f64) {
        let mut v = self.0[&class].clone();
        v.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let p = |q: f64| ms(v[((v.len() as f64 * q) as usize).min(v.len() - 1)]);
        let mean = v.iter().map(|d| ms(*d)).sum::<f64>() / v.len() as f64;
        (p(0.5), p(0.99), 1e3 / mean)
    }
}

/// Runs each query `runs` times after one warm-up run.
fn time<F: FnMut(&Query) -> usize>(queries: &[Query], runs: usize, mut run: F) -> (Samples, usize) {
    let mut samples = Samples::default();
    let mut empty = 0;
    for q in queries {
        if run(q) == 0 {
            empty += 1;
        }
        for _ in 0..runs {
            let t = Instant::now();
            std::hint::black_box(run(q));
            samples.add(q.class, t.elapsed());
        }
    }
    (samples, empty)
}

fn main() {
    let n: u64 = std::env::var("BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let pg_url =
        std::env::var("BENCH_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
    // BENCH_ONLY=passerelle measures Passerelle alone (while tuning it).
    let only_ours = std::env::var("BENCH_ONLY").is_ok_and(|v| v == "passerelle");
    let skip_pg = std::env::var("BENCH_SKIP_PG").is_ok() || only_ours;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    let t = Instant::now();
    let (entries, units) = corpus(n);
    let text_bytes: usize = units.iter().map(|u| u.title.len() + u.body.len()).sum();
    eprintln!(
        "corpus: {n} agreements, {} units, {} of text, generated in {:.1} s",
        units.len(),
        mb(text_bytes as u64),
        t.elapsed().as_secs_f64()
    );
    let mut queries = queries(&units);
    // BENCH_CLASS=term|and|or|phrase keeps one class (for profiling).
    if let Ok(class) = std::env::var("BENCH_CLASS") {
        queries.retain(|q| q.class.name().eq_ignore_ascii_case(&class));
    }
    // The same queries for the HTTP benchmark (bench/search.sh), one
    // URL-encoded query string per line.
    if let Ok(path) = std::env::var("BENCH_QUERIES_OUT") {
        let lines: Vec<String> = queries
            .iter()
            .map(|q| {
                let mut s = form_urlencoded::Serializer::new(String::new());
                s.append_pair("q", &q.passerelle());
                s.finish()
            })
            .collect();
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        eprintln!("queries written to {path}");
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut builds = Vec::new();
    let mut latency = Vec::new();

    // Passerelle: one indexing thread, like the other two.
    let dir = tmp.path().join("tantivy");
    let t = Instant::now();
    let index = SearchIndex::open_with_threads(&dir, 1).unwrap();
    for chunk in entries.chunks(5_000) {
        index.add(chunk).unwrap();
    }
    index.finish_rebuild(0).unwrap();
    builds.push(("Passerelle (tantivy)", t.elapsed(), dir_size(&dir)));
    drop(entries);
    let search = |q: &Query, count: bool, facets: bool| {
        let req = SearchRequest {
            limit: 10,
            count,
            facets,
            ..SearchRequest::text(&q.passerelle())
        };
        index.search(&req).unwrap().hits.len()
    };
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let (s, empty) = time(&queries, runs, |q| search(q, false, false));
    latency.push(("Passerelle, top 10", s, empty));
    if std::env::var("BENCH_SLOWEST").is_ok() {
        let mut each: Vec<(Duration, String)> = queries
            .iter()
            .map(|q| {
                let t = Instant::now();
                for _ in 0..5 {
                    search(q, false, false);
                }
                (t.elapsed() / 5, format!("{:?} {}", q.class, q.passerelle()))
            })
            .collect();
        each.sort();
        for (d, q) in each.iter().rev().take(15) {
            eprintln!("{:>8.3} ms  {q}", d.as_secs_f64() * 1e3);
        }
    }
    index.set_count_cache(false);
    let (s, empty) = time(&queries, 5, |q| search(q, true, true));
    latency.push(("Passerelle, top 10 + total + facets", s, empty));
    index.set_count_cache(true);

    if only_ours {
        report(n, &units, text_bytes, &queries, &builds, &latency);
        return;
    }
    // SQLite FTS5: the best tokenizer it ships (Porter is English-only).
    let path = tmp.path().join("fts5.db");
    let t = Instant::now();
    let fts_samples = rt.block_on(async {
        let mut c = SqliteConnection::connect(&format!("sqlite://{}?mode=rwc", path.display())).await.unwrap();
        c.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;").await.unwrap();
        c.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')").await.unwrap();
        let mut tx = c.begin().await.unwrap();
        for u in &units {
            sqlx::query("INSERT INTO docs (title, body) VALUES (?1, ?2)")
                .bind(&u.title)
                .bind(&u.body)
                .execute(&mut *tx)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        c.execute("INSERT INTO docs(docs) VALUES ('optimize')").await.unwrap();
        let built = t.elapsed();
        builds.push(("SQLite FTS5", built, std::fs::metadata(&path).unwrap().len()));
        let mut samples = Samples::default();
        let mut empty = 0;
        for q in &queries {
            let sql = "SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 3.0, 1.0) LIMIT 10";
            let m = q.fts5();
            let rows = sqlx::query(sql).bind(&m).fetch_all(&mut c).await.map(|r| r.len()).unwrap_or(0);
            if rows == 0 {
                empty += 1;
            }
            for _ in 0..3 {
                let t = Instant::now();
                let _ = sqlx::query(sql).bind(&m).fetch_all(&mut c).await;
                samples.add(q.class, t.elapsed());
            }
        }
        (samples, empty)
    });
    latency.push(("SQLite FTS5, top 10", fts_samples.0, fts_samples.1));

    // PostgreSQL: tsvector per row in the row's language, GIN index; each
    // query parsed in its own language (the best case: Passerelle is not
    // told the query's language).
    if !skip_pg {
        let pg = rt.block_on(async {
            let mut admin = PgConnection::connect(&format!("{pg_url}/postgres")).await.unwrap();
            admin.execute("DROP DATABASE IF EXISTS passerelle_bench_search").await.unwrap();
            admin.execute("CREATE DATABASE passerelle_bench_search").await.unwrap();
            let mut c = PgConnection::connect(&format!("{pg_url}/passerelle_bench_search")).await.unwrap();
            let t = Instant::now();
            c.execute("CREATE TABLE docs (id int PRIMARY KEY, lang regconfig NOT NULL, title text NOT NULL, body text NOT NULL,
                       tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector(lang, title), 'A') || setweight(to_tsvector(lang, body), 'B')) STORED)").await.unwrap();
            for (chunk_no, chunk) in units.chunks(5_000).enumerate() {
                let ids: Vec<i32> = (0..chunk.len()).map(|i| (chunk_no * 5_000 + i) as i32).collect();
                let langs: Vec<&str> = chunk.iter().map(|u| pg_config(u.lang)).collect();
                let titles: Vec<&str> = chunk.iter().map(|u| u.title.as_str()).collect();
                let bodies: Vec<&str> = chunk.iter().map(|u| u.body.as_str()).collect();
                sqlx::query("INSERT INTO docs (id, lang, title, body) SELECT * FROM UNNEST($1::int[], $2::regconfig[], $3::text[], $4::text[])")
                    .bind(ids).bind(langs).bind(titles).bind(bodies)
                    .execute(&mut c).await.unwrap();
            }
            c.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)").await.unwrap();
            c.execute("VACUUM ANALYZE docs").await.unwrap();
            let built = t.elapsed();
            let size: i64 = sqlx::query("SELECT pg_total_relation_size('docs')").fetch_one(&mut c).await.unwrap().get(0);
            let mut samples = Samples::default();
            let mut empty = 0;
            for q in &queries {
                let sql = "SELECT id FROM docs, websearch_to_tsquery($1::regconfig, $2) q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 10";
                let cfg = pg_config(q.lang);
                let text = q.websearch();
                if sqlx::query(sql).bind(cfg).bind(&text).fetch_all(&mut c).await.unwrap().is_empty() {
                    empty += 1;
                }
                for _ in 0..3 {
                    let t = Instant::now();
                    sqlx::query(sql).bind(cfg).bind(&text).fetch_all(&mut c).await.unwrap();
                    samples.add(q.class, t.elapsed());
                }
            }
            c.close().await.ok();
            admin.execute("DROP DATABASE IF EXISTS passerelle_bench_search").await.unwrap();
            (built, size as u64, samples, empty)
        });
        builds.push(("PostgreSQL tsvector + GIN", pg.0, pg.1));
        latency.push(("PostgreSQL, top 10", pg.2, pg.3));
    }

    report(n, &units, text_bytes, &queries, &builds, &latency);
    recall(&rt, &pg_url, skip_pg);
}

type Latency = (&'static str, Samples, usize);

fn report(
    n: u64,
    units: &[Unit],
    text_bytes: usize,
    queries: &[Query],
    builds: &[(&str, Duration, u64)],
    latency: &[Latency],
) {
    println!(
        "\n### Index build ({n} agreements, {} searchable units, {} of text; one thread)\n",
        units.len(),
        mb(text_bytes as u64)
    );
    println!("| engine | build | size |\n|---|---:|---:|");
    for (name, took, size) in builds {
        println!("| {name} | {:.1} s | {} |", took.as_secs_f64(), mb(*size));
    }
    println!(
        "\n### Query latency ({} queries: {} per language; one thread; ms)\n",
        queries.len(),
        queries.len() / 4
    );
    println!(
        "| engine | class | p50 | p99 | queries/s | queries with no hit |\n|---|---|---:|---:|---:|---:|"
    );
    let p50 = |s: &Samples, c: Class| s.stats(c).0;
    for (name, s, empty) in latency {
        for class in [Class::Term, Class::And, Class::Or, Class::Phrase] {
            let (a, b, qps) = s.stats(class);
            println!(
                "| {name} | {} | {a:.3} | {b:.3} | {qps:.0} | {empty} |",
                class.name()
            );
        }
    }
    println!("\n### Speed-up of Passerelle (top 10) at p50\n");
    println!("| class | vs SQLite FTS5 | vs PostgreSQL |\n|---|---:|---:|");
    let ours = &latency[0].1;
    let find = |prefix: &str| {
        latency
            .iter()
            .find(|(n, _, _)| n.starts_with(prefix))
            .map(|(_, s, _)| s)
    };
    for class in [Class::Term, Class::And, Class::Or, Class::Phrase] {
        let ratio = |other: Option<&Samples>| {
            other.map_or("—".to_string(), |o| {
                format!("{:.0}×", p50(o, class) / p50(ours, class))
            })
        };
        println!(
            "| {} | {} | {} |",
            class.name(),
            ratio(find("SQLite")),
            ratio(find("PostgreSQL"))
        );
    }
}

#[derive(serde::Deserialize)]
struct Labels {
    queries: Vec<Labelled>,
}

#[derive(serde::Deserialize)]
struct Labelled {
    lang: String,
    query: String,
    relevant: Vec<u32>,
}

#[derive(serde::Deserialize)]
struct Article {
    n: u32,
    text: String,
}

#[derive(serde::Deserialize)]
struct Udhr {
    articles: BTreeMap<String, Vec<Article>>,
}

/// Recall of each engine on the labelled UDHR queries, whose answers need
/// stemming or Arabic normalisation.
fn recall(rt: &tokio::runtime::Runtime, pg_url: &str, skip_pg: bool) {
    let udhr: Udhr = serde_json::from_str(include_str!("../tests/fixtures/udhr.json")).unwrap();
    let labels: Labels =
        serde_json::from_str(include_str!("../tests/fixtures/udhr-recall.json")).unwrap();
    // Article rows: (lang, article number, text).
    let rows: Vec<(Lang, u32, &str)> = Lang::ALL
        .into_iter()
        .flat_map(|l| {
            udhr.articles[l.code()]
                .iter()
                .map(move |a| (l, a.n, a.text.as_str()))
        })
        .collect();
    let index = SearchIndex::in_memory().unwrap();
    let entries: Vec<Entry> = rows
        .iter()
        .enumerate()
        .map(|(i, (lang, n, text))| Entry {
            key: format!("practices:{i}"),
            kind: "practices".into(),
            id: format!("{}-{n}", lang.code()),
            bodies: vec![(Some(*lang), text.to_string())],
            public: true,
            text_public: true,
            ..Entry::default()
        })
        .collect();
    index.apply(&entries, &[], 1).unwrap();
    let mut found: HashMap<&str, Vec<(String, Vec<u32>)>> = HashMap::new();
    let mut engines = vec!["Passerelle"];
    for q in &labels.queries {
        let r = index
            .search(&SearchRequest {
                limit: 100,
                facets: false,
                ..SearchRequest::text(&q.query)
            })
            .unwrap();
        let prefix = format!("{}-", q.lang);
        let got = r
            .hits
            .iter()
            .filter_map(|h| h.id.strip_prefix(&prefix)?.parse().ok())
            .collect();
        found
            .entry("Passerelle")
            .or_default()
            .push((q.query.clone(), got));
    }
    rt.block_on(async {
        let mut c = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        c.execute("CREATE VIRTUAL TABLE a USING fts5(lang UNINDEXED, n UNINDEXED, body, tokenize = 'porter unicode61 remove_diacritics 2')").await.unwrap();
        for (lang, n, text) in &rows {
            sqlx::query("INSERT INTO a VALUES (?1, ?2, ?3)").bind(lang.code()).bind(*n as i64).bind(*text).execute(&mut c).await.unwrap();
        }
        engines.push("SQLite FTS5");
        for q in &labels.queries {
            let got: Vec<u32> = sqlx::query("SELECT n FROM a WHERE a MATCH ?1 AND lang = ?2")
                .bind(format!("\"{}\"", q.query.replace('"', "")))
                .bind(&q.lang)
                .fetch_all(&mut c)
                .await
                .unwrap_or_default()
                .iter()
                .map(|r| r.get::<i64, _>(0) as u32)
                .collect();
            found.entry("SQLite FTS5").or_default().push((q.query.clone(), got));
        }
        if skip_pg {
            return;
        }
        let mut c = PgConnection::connect(&format!("{pg_url}/postgres")).await.unwrap();
        c.execute("CREATE TEMP TABLE a (lang text, n int, body text)").await.unwrap();
        for (lang, n, text) in &rows {
            sqlx::query("INSERT INTO a VALUES ($1, $2, $3)").bind(lang.code()).bind(*n as i32).bind(*text).execute(&mut c).await.unwrap();
        }
        engines.push("PostgreSQL");
        for q in &labels.queries {
            let cfg = pg_config(Lang::parse(&q.lang).unwrap());
            let got: Vec<u32> = sqlx::query("SELECT n FROM a WHERE lang = $1 AND to_tsvector($2::regconfig, body) @@ websearch_to_tsquery($2::regconfig, $3)")
                .bind(&q.lang)
                .bind(cfg)
                .bind(&q.query)
                .fetch_all(&mut c)
                .await
                .unwrap()
                .iter()
                .map(|r| r.get::<i32, _>(0) as u32)
                .collect();
            found.entry("PostgreSQL").or_default().push((q.query.clone(), got));
        }
    });
    println!(
        "\n### Recall on {} labelled UDHR queries (answers need stemming or Arabic normalisation)\n",
        labels.queries.len()
    );
    println!("| engine | fr | en | es | ar | all |\n|---|---:|---:|---:|---:|---:|");
    for engine in engines {
        let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (q, (_, got)) in labels.queries.iter().zip(&found[engine]) {
            let hit = q.relevant.iter().filter(|a| got.contains(a)).count();
            for key in [q.lang.as_str(), "all"] {
                let e = per.entry(key).or_default();
                e.0 += hit;
                e.1 += q.relevant.len();
            }
        }
        let r = |k: &str| per.get(k).map_or(0.0, |(h, t)| *h as f64 / *t as f64);
        println!(
            "| {engine} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
            r("fr"),
            r("en"),
            r("es"),
            r("ar"),
            r("all")
        );
    }
}
