//! `assess` and `eval`: the assessment engine on files, and its scores on
//! the labelled corpus.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use passerelle_assess::eval::{Counts, Truth, evaluate, load};
use passerelle_assess::render;
use passerelle_assess::{Assessor, Language, Rubric};
use passerelle_extract::{Limits, extract_scan};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Auto,
    Fr,
    En,
    Es,
    Ar,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
    Md,
    Html,
}

fn read_input(file: &Path) -> Result<(Vec<u8>, Option<String>)> {
    if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        Ok((bytes, None))
    } else {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        Ok((
            bytes,
            file.file_name().map(|n| n.to_string_lossy().into_owned()),
        ))
    }
}

/// The built-in rubric, or one read from a file (to try changes to it).
fn rubric(file: Option<&Path>) -> Result<Rubric> {
    match file {
        None => Ok(Rubric::builtin()),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Rubric::parse(&text).with_context(|| format!("invalid rubric {}", path.display()))
        }
    }
}

pub fn assess(
    file: &Path,
    lang: LangArg,
    format: ReportFormat,
    rubric_file: Option<&Path>,
    sectors: &[String],
) -> Result<()> {
    let assessor = Assessor::new(rubric(rubric_file)?);
    // Refused before the file is read.
    assessor.rubric().sectors_named(sectors)?;
    let (bytes, name) = read_input(file)?;
    let shown = name.clone().unwrap_or_else(|| "standard input".into());
    let language = match lang {
        LangArg::Auto => None,
        LangArg::Fr => Some(Language::Fr),
        LangArg::En => Some(Language::En),
        LangArg::Es => Some(Language::Es),
        LangArg::Ar => Some(Language::Ar),
    };
    // A scan is read by OCR, in the language given or in all four.
    let ocr_languages: Vec<&str> = language.map(|l| l.code()).into_iter().collect();
    let extracted = extract_scan(
        &bytes,
        name.as_deref(),
        Limits::default(),
        &passerelle_extract::ocr::Tools::default(),
        &ocr_languages,
    )
    .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    if let Some(ocr) = &extracted.ocr {
        let mean = ocr.pages.iter().map(|p| p.confidence).sum::<f32>() / ocr.pages.len() as f32;
        eprintln!(
            "{shown}: a scan, read by OCR ({}): {} page(s), mean confidence {mean:.0} %; check the findings against the scan",
            ocr.languages,
            ocr.pages.len()
        );
    }
    let mut report = assessor.assess(&extracted.text, language);
    report.add_sectors(assessor.rubric(), sectors)?;
    let out = match format {
        ReportFormat::Json => serde_json::to_string_pretty(&report)? + "\n",
        ReportFormat::Md => render::markdown(&report, assessor.rubric(), report.language),
        ReportFormat::Html => render::html(&report, assessor.rubric(), report.language),
    };
    emit(&out)
}

/// Appends a formatted line to a report being built.
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Writes to standard output; a reader that stops early (`| head`) is not
/// an error.
fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    match std::io::stdout().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Precision, recall and F1, or dashes when there was nothing to count.
fn cell(c: &Counts, items: usize) -> String {
    if items == 0 {
        return "— | — | —".into();
    }
    format!("{:.2} | {:.2} | {:.2}", c.precision(), c.recall(), c.f1())
}

pub fn eval(corpus: &Path, show_misses: bool, rubric_file: Option<&Path>) -> Result<()> {
    if !corpus.is_dir() {
        bail!(
            "no corpus at {}; give its folder with --corpus (crates/assess/corpus in the repository)",
            corpus.display()
        );
    }
    let assessor = Assessor::new(rubric(rubric_file)?);
    let mut results = Vec::new();
    for lang in Language::RUBRIC {
        let ids: Vec<&str> = assessor
            .rubric()
            .elements
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        let set = load(corpus, lang, &ids)?;
        let e = evaluate(&assessor, lang, &set);
        results.push((lang, set.clauses.len(), set.documents.len(), e));
    }
    let mut out = String::new();
    outln!(
        out,
        "Rubric {} (version {})\n",
        assessor.rubric().id,
        assessor.rubric().version
    );
    outln!(
        out,
        "A finding is an element given `covered` or `partial`; `mentioned` and `contrary` are not findings.\n"
    );
    outln!(
        out,
        "| language | clauses | documents | clause P | R | F1 | document P | R | F1 | overall P | R | F1 | covered alone F1 | contrary flagged | credit on contrary |"
    );
    outln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for (lang, nc, nd, e) in &results {
        let overall = e.overall();
        outln!(
            out,
            "| {} | {nc} | {nd} | {} | {} | {} | {:.2} | {}/{} | {} |",
            lang.code(),
            cell(&e.clauses, *nc),
            cell(&e.documents, *nd),
            cell(&overall, nc + nd),
            e.covered_only.f1(),
            e.contrary.tp,
            e.contrary.tp + e.contrary.fn_,
            e.credit_on_contrary
        );
    }
    outln!(
        out,
        "\nStatuses given (columns) against the labels (rows), clauses and documents of the four languages:\n"
    );
    let statuses = passerelle_assess::Status::ALL;
    outln!(
        out,
        "| label | {} |",
        statuses.map(|s| s.as_str()).join(" | ")
    );
    outln!(out, "|---|{}", "---:|".repeat(statuses.len()));
    for truth in Truth::ALL {
        let cells: Vec<String> = statuses
            .iter()
            .map(|&status| {
                results
                    .iter()
                    .map(|(_, _, _, e)| e.confusion.get(&(truth, status)).copied().unwrap_or(0))
                    .sum::<u32>()
                    .to_string()
            })
            .collect();
        outln!(out, "| {} | {} |", truth.as_str(), cells.join(" | "));
    }
    outln!(out, "\nF1 per element (clauses and documents):\n");
    outln!(out, "| element | fr | en | es | ar |");
    outln!(out, "|---|---:|---:|---:|---:|");
    for element in &assessor.rubric().elements {
        let cells: Vec<String> = results
            .iter()
            .map(|(_, _, _, e)| {
                e.per_element
                    .get(&element.id)
                    .map_or("—".into(), |c| format!("{:.2}", c.f1()))
            })
            .collect();
        outln!(out, "| {} | {} |", element.id, cells.join(" | "));
    }
    if show_misses {
        outln!(out, "\nMisses:\n");
        for (lang, _, _, e) in &results {
            for m in &e.misses {
                outln!(
                    out,
                    "{} {} {} {} ({})",
                    lang.code(),
                    m.item,
                    m.kind,
                    m.element,
                    m.status.as_str()
                );
            }
        }
    }
    emit(&out)
}
