//! The demo data (real agreements, events, practices, commitments,
//! resources and figures, written by us from public sources: see `demo/`)
//! and the synthetic corpus for benchmarks.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use passerelle_domain::synthetic;
use passerelle_domain::{AnyRecord, Kind};
use passerelle_store::{NewDocument, Store};

use crate::transfer::{Format, import_rows, read_file};

/// The demo files, embedded so the binary needs nothing beside it.
pub const FILES: &[(&str, Kind, Format, &str)] = &[
    (
        "demo/agreements.json",
        Kind::Agreements,
        Format::Json,
        include_str!("../demo/agreements.json"),
    ),
    (
        "demo/practices.json",
        Kind::Practices,
        Format::Json,
        include_str!("../demo/practices.json"),
    ),
    (
        "demo/events.json",
        Kind::Events,
        Format::Json,
        include_str!("../demo/events.json"),
    ),
    (
        "demo/commitments.json",
        Kind::Commitments,
        Format::Json,
        include_str!("../demo/commitments.json"),
    ),
    (
        "demo/resources.json",
        Kind::Resources,
        Format::Json,
        include_str!("../demo/resources.json"),
    ),
    (
        "demo/indicators.csv",
        Kind::Indicators,
        Format::Csv,
        include_str!("../demo/indicators.csv"),
    ),
];

/// Loads the demo data in one transaction. Records already there with the
/// same content are left alone, so loading twice changes nothing.
pub async fn load(store: &Store) -> Result<()> {
    let mut rows = Vec::new();
    for (name, kind, format, text) in FILES {
        rows.extend(read_file(name, text, Some(*kind), Some(*format))?);
    }
    let summary = import_rows(store, "demo", "the demo data", rows).await?;
    eprintln!(
        "demo data: {} created, {} updated, {} unchanged",
        summary.created, summary.updated, summary.unchanged
    );
    Ok(())
}

/// Generates `n` synthetic agreements with their text bodies, in batches of
/// one transaction each.
pub async fn synthetic(store: &Store, n: u64, seed: u64) -> Result<()> {
    const BATCH: u64 = 1000;
    let bar = ProgressBar::new(n);
    bar.set_style(
        ProgressStyle::with_template("synthetic {bar:40} {pos}/{len} ({per_sec}, {eta})")
            .expect("valid template"),
    );
    let started = std::time::Instant::now();
    let mut start = 0;
    while start < n {
        let end = (start + BATCH).min(n);
        let items: Vec<synthetic::Synthetic> = (start..end)
            .map(|i| synthetic::agreement(seed, i))
            .collect();
        let records = items
            .iter()
            .map(|s| AnyRecord::Agreement(s.agreement.clone()))
            .collect();
        let summary = store
            .import("synthetic", records, |_| {})
            .await
            .map_err(|(_, e)| e)
            .context("storing synthetic agreements")?;
        let all_new = summary.created == items.len() as u64;
        let mut files = Vec::new();
        for s in &items {
            let id = s.agreement.id.clone().expect("synthetic records have ids");
            // Re-running with the same seed must not attach a body twice.
            if all_new || store.documents(&id).await?.is_empty() {
                let file = NewDocument {
                    file_name: "text.txt",
                    media_type: "text/plain",
                    language: Some(s.language.code()),
                    text: Some(s.body.clone()),
                    bytes: s.body.as_bytes(),
                };
                files.push((id, file));
            }
        }
        store.attach_documents("synthetic", files).await?;
        bar.set_position(end);
        start = end;
    }
    bar.finish_and_clear();
    store.optimize().await?;
    eprintln!(
        "{n} synthetic agreements (seed {seed}) stored in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
