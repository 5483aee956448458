//! Assessment throughput on a corpus of at least 10 MB in the four
//! languages, beside a plain scan of the same bytes (counting newlines) as
//! the physical floor, and the time for one agreement of about 30 pages.
//! See docs/benchmarks.md.
//!
//! cargo bench -p passerelle-assess --bench throughput

use std::path::Path;
use std::time::{Duration, Instant};

use passerelle_assess::normalize::normalize;
use passerelle_assess::{Assessor, Language, Rubric};

/// The labelled corpus texts of one language, repeated to `bytes`.
fn corpus(lang: &str, bytes: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut pieces = Vec::new();
    let mut docs: Vec<_> = std::fs::read_dir(root.join("documents").join(lang))
        .expect("corpus documents")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    docs.sort();
    for d in docs {
        pieces.push(std::fs::read_to_string(d).expect("document"));
    }
    let clauses: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("clauses").join(format!("{lang}.json")))
            .expect("clauses"),
    )
    .expect("JSON");
    for c in clauses.as_array().expect("array") {
        pieces.push(c["text"].as_str().expect("text").to_string());
    }
    let mut text = String::new();
    while text.len() < bytes {
        for p in &pieces {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    text
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed());
    }
    best
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn main() {
    let assessor = Assessor::new(Rubric::builtin());
    let langs = [
        ("fr", Language::Fr),
        ("en", Language::En),
        ("es", Language::Es),
        ("ar", Language::Ar),
    ];
    println!(
        "| language | MB | newlines (floor) MB/s | normalise MB/s | assess MB/s | assess / floor |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let (mut total_bytes, mut total_time) = (0usize, Duration::ZERO);
    for (code, lang) in langs {
        let text = corpus(code, 2_600_000);
        let floor = best_of(5, || text.bytes().filter(|&b| b == b'\n').count());
        let norm = best_of(5, || normalize(&text).as_bytes().len());
        let full = best_of(5, || assessor.assess(&text, Some(lang)).coverage);
        total_bytes += text.len();
        total_time += full;
        println!(
            "| {code} | {:.1} | {:.0} | {:.0} | {:.1} | {:.3} |",
            text.len() as f64 / 1e6,
            mb_per_s(text.len(), floor),
            mb_per_s(text.len(), norm),
            mb_per_s(text.len(), full),
            floor.as_secs_f64() / full.as_secs_f64()
        );
    }
    println!(
        "| all | {:.1} | | | {:.1} | |",
        total_bytes as f64 / 1e6,
        mb_per_s(total_bytes, total_time)
    );

    // One agreement of about 30 pages (3,000 characters a page).
    println!("\n| one agreement | KB | clauses | time ms |");
    println!("|---|---:|---:|---:|");
    for (code, lang) in langs {
        let text: String = corpus(code, 90_000).chars().take(90_000).collect();
        let report = assessor.assess(&text, Some(lang));
        let t = best_of(20, || assessor.assess(&text, Some(lang)).coverage);
        println!(
            "| {code} | {:.0} | {} | {:.2} |",
            text.len() as f64 / 1e3,
            report.clauses.len(),
            t.as_secs_f64() * 1e3
        );
    }

    // A text without line breaks is one clause: the time must grow with
    // its length, not with its square (1, 2 and 3 MB).
    println!("\n| one line, no line breaks | MB | time s |");
    println!("|---|---:|---:|");
    let unit = "Article 1. The employer shall bear recruitment fees. ";
    for mb in 1..=3 {
        let text = unit.repeat(mb * 1_000_000 / unit.len());
        let t = best_of(2, || assessor.assess(&text, Some(Language::En)).coverage);
        println!(
            "| en | {:.1} | {:.2} |",
            text.len() as f64 / 1e6,
            t.as_secs_f64()
        );
    }
}
