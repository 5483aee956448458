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
/// one transaction each, and assesses every text through the application
/// layer, so that a synthetic corpus has stored findings as a real one.
pub async fn synthetic(store: &Store, n: u64, seed: u64) -> Result<()> {
    const BATCH: u64 = 1000;
    let hub = passerelle_hub::Hub::new(store.clone());
    let caller = passerelle_hub::Caller::system("synthetic");
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
        let summary = hub
            .import(&caller, records, |_| {})
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
                    source_url: None,
                };
                files.push((id, file));
            }
        }
        hub.attach_texts(&caller, files)
            .await
            .context("assessing synthetic texts")?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use passerelle_domain::{Entity, Lang};

    fn records() -> Vec<(Kind, serde_json::Value)> {
        FILES
            .iter()
            .filter(|(_, _, format, _)| *format == Format::Json)
            .flat_map(|(_, kind, _, text)| {
                let rows: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
                rows.into_iter().map(|r| (*kind, r))
            })
            .collect()
    }

    #[test]
    fn every_demo_record_has_its_title_and_summary_in_the_four_languages() {
        let mut missing = Vec::new();
        for (kind, r) in records() {
            let original = r["title_language"].as_str().unwrap_or("en");
            for l in Lang::ALL {
                let code = l.code();
                let title = code == original
                    || r["titles"][code]
                        .as_str()
                        .is_some_and(|s| !s.trim().is_empty());
                let summary = r["summary"][code]
                    .as_str()
                    .is_some_and(|s| !s.trim().is_empty());
                if !title || !summary {
                    missing.push(format!(
                        "{kind} {} {code}: title {title}, summary {summary}",
                        r["id"]
                    ));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    #[test]
    fn real_agreements_are_coded_by_hand_from_sources_and_commitments_are_sourced() {
        let mut coded = 0;
        for (kind, r) in records() {
            let id = r["id"].as_str().unwrap_or_default().to_string();
            match kind {
                Kind::Agreements => {
                    let a: passerelle_domain::Agreement = serde_json::from_value(r).unwrap();
                    a.validate().unwrap_or_else(|e| panic!("{id}: {e:?}"));
                    if a.coding.as_ref().is_some_and(|c| c.findings.len() >= 10) {
                        coded += 1;
                    }
                }
                Kind::Commitments => {
                    let c: passerelle_domain::Commitment = serde_json::from_value(r).unwrap();
                    c.validate().unwrap_or_else(|e| panic!("{id}: {e:?}"));
                    assert!(
                        !c.sources.is_empty(),
                        "{id} names its pledgers without a source"
                    );
                }
                _ => {}
            }
        }
        assert!(
            coded >= 6,
            "{coded} agreements coded on ten elements or more"
        );
    }
}
