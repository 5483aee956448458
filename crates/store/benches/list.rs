//! List and filter latency on a prepared database, SQLite and PostgreSQL
//! side by side. `bench/registry.sh` prepares both (100,000 synthetic
//! agreements) and runs this; see docs/benchmarks.md.
//!
//! BENCH_SQLITE: path of the SQLite database; BENCH_POSTGRES: URL of the
//! PostgreSQL database; BENCH_ITERATIONS: timed runs per query (300).

use std::time::{Duration, Instant};

use passerelle_domain::{Facet, Kind};
use passerelle_store::{ListQuery, Sort, Store};

fn queries() -> Vec<(&'static str, ListQuery)> {
    let q = ListQuery::default;
    vec![
        ("newest 50 (no filter)", q()),
        ("country=MA", q().with(Facet::Country, "MA")),
        (
            "corridor=MA-FR",
            q().with(Facet::Origin, "MA").with(Facet::Destination, "FR"),
        ),
        (
            "region=015&status=in_force",
            ListQuery {
                statuses: vec!["in_force".into()],
                ..q().with(Facet::Region, "015")
            },
        ),
        (
            "year=2000..2010&objective=6",
            ListQuery {
                year_from: Some(2000),
                year_to: Some(2010),
                ..q().with(Facet::Objective, "6")
            },
        ),
        (
            "type=mou&sector=A&sort=title",
            ListQuery {
                types: vec!["mou".into()],
                sort: Sort::TitleAsc,
                ..q().with(Facet::Sector, "A")
            },
        ),
        (
            "q=saisonniers (title words)",
            ListQuery {
                text: Some("saisonniers".into()),
                ..q()
            },
        ),
        ("page 200 of all", ListQuery { page: 200, ..q() }),
        (
            "per_page=500",
            ListQuery {
                per_page: 500,
                ..q()
            },
        ),
    ]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

async fn measure(store: &Store, query: &ListQuery, iterations: usize) -> (Duration, Duration, u64) {
    let mut total = 0;
    for _ in 0..10 {
        total = store
            .list_json(Kind::Agreements, query)
            .await
            .expect("list")
            .total;
    }
    let mut times = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let started = Instant::now();
        let page = store
            .list_json(Kind::Agreements, query)
            .await
            .expect("list");
        times.push(started.elapsed());
        std::hint::black_box(page);
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99), total)
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let sqlite = std::env::var("BENCH_SQLITE").ok();
    let postgres = std::env::var("BENCH_POSTGRES").ok();
    if sqlite.is_none() && postgres.is_none() {
        eprintln!(
            "set BENCH_SQLITE and/or BENCH_POSTGRES (bench/registry.sh does); nothing to measure"
        );
        return;
    }
    let iterations: usize = std::env::var("BENCH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    // One worker thread: the figures are per core, as the targets are.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let sqlite = match &sqlite {
            Some(p) => Some(Store::open_sqlite(std::path::Path::new(p)).await.expect("open SQLite")),
            None => None,
        };
        let postgres = match &postgres {
            Some(u) => Some(Store::open_postgres(u, None).await.expect("open PostgreSQL")),
            None => None,
        };
        println!("| query | matches | SQLite p50 ms | SQLite p99 ms | PostgreSQL p50 ms | PostgreSQL p99 ms | PG/SQLite p50 |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        for (name, q) in queries() {
            let s = match &sqlite {
                Some(store) => Some(measure(store, &q, iterations).await),
                None => None,
            };
            let p = match &postgres {
                Some(store) => Some(measure(store, &q, iterations).await),
                None => None,
            };
            let total = s.or(p).map(|r| r.2).unwrap_or(0);
            let cell = |r: Option<(Duration, Duration, u64)>, f: fn(&(Duration, Duration, u64)) -> Duration| {
                r.as_ref().map(|r| ms(f(r))).unwrap_or_else(|| "—".into())
            };
            let ratio = match (s, p) {
                (Some(s), Some(p)) => format!("{:.2}", p.0.as_secs_f64() / s.0.as_secs_f64()),
                _ => "—".into(),
            };
            println!(
                "| {name} | {total} | {} | {} | {} | {} | {ratio} |",
                cell(s, |r| r.0),
                cell(s, |r| r.1),
                cell(p, |r| r.0),
                cell(p, |r| r.1)
            );
        }
    });
}
