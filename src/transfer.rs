//! `import` and `export`: files in, files out, through the store's
//! all-or-nothing import.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use passerelle_domain::Kind;
use passerelle_domain::interchange::{Row, read_csv, read_json, write_csv};
use passerelle_hub::Caller;
use passerelle_store::Store;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

/// Reads and checks a file; every bad record is reported with its line.
pub fn read_file(
    name: &str,
    text: &str,
    kind: Option<Kind>,
    format: Option<Format>,
) -> Result<Vec<Row>> {
    let format = format.unwrap_or_else(|| {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Format::Csv
        } else if lower.ends_with(".json") || text.trim_start().starts_with(['[', '{']) {
            Format::Json
        } else {
            Format::Csv
        }
    });
    let rows = match format {
        Format::Csv => read_csv(kind, text),
        Format::Json => read_json(kind, text),
    };
    rows.map_err(|errors| {
        let list: Vec<String> = errors.0.iter().map(|e| format!("  {name}: {e}")).collect();
        anyhow::anyhow!(
            "{} problem(s) in {name}; nothing was imported:\n{}",
            errors.0.len(),
            list.join("\n")
        )
    })
}

/// Imports rows in one transaction, reporting the line of a record the
/// database refuses.
pub async fn import_rows(
    store: &Store,
    actor: &str,
    name: &str,
    rows: Vec<Row>,
) -> Result<passerelle_store::ImportSummary> {
    let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
    let bar = ProgressBar::new(rows.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})").expect("valid template"),
    );
    bar.set_message(format!("importing {name}"));
    let records = rows.into_iter().map(|r| r.record).collect();
    let result = passerelle_hub::Hub::new(store.clone())
        .import(&Caller::system(actor), records, |n| {
            bar.set_position(n as u64)
        })
        .await;
    bar.finish_and_clear();
    match result {
        Ok(summary) => Ok(summary),
        Err((Some(i), e)) => bail!(
            "{name}: line {}: {e}\nnothing was imported",
            lines.get(i).copied().unwrap_or(0)
        ),
        Err((None, e)) => {
            Err(anyhow::Error::new(e).context(format!("importing {name}; nothing was imported")))
        }
    }
}

pub async fn import(
    store: &Store,
    file: &Path,
    kind: Option<Kind>,
    format: Option<Format>,
) -> Result<()> {
    let (name, text) = if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
        ("standard input".to_string(), text)
    } else {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{} is not UTF-8 text (first bad byte at offset {}); save it as UTF-8 and retry",
                file.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        (file.display().to_string(), text)
    };
    let rows = read_file(&name, &text, kind, format)?;
    let summary = import_rows(store, "import", &name, rows).await?;
    if summary.created + summary.updated > 1000 {
        store.optimize().await?;
    }
    println!(
        "{name}: {} created, {} updated, {} unchanged",
        summary.created, summary.updated, summary.unchanged
    );
    Ok(())
}

pub async fn export(
    store: &Store,
    kind: Kind,
    format: Format,
    output: Option<&Path>,
) -> Result<()> {
    let records = store.all_json(kind).await?;
    let text = match format {
        Format::Csv => write_csv(kind, &records),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&records)?;
            s.push('\n');
            s
        }
    };
    match output {
        Some(path) => {
            // Write beside the target and rename, so a failed export never
            // leaves a truncated file where a good one was.
            let tmp = path.with_extension("partial");
            std::fs::write(&tmp, &text)
                .with_context(|| format!("cannot write {}", tmp.display()))?;
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("{} {kind} written to {}", records.len(), path.display());
        }
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(())
}
