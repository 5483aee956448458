//! `passerelle search` and `passerelle reindex`, and the index a server
//! keeps current.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use passerelle_search::{Lang, SearchError, SearchIndex, SearchRequest, follow};
use passerelle_store::Store;

/// How often a node looks at the outbox for other nodes' writes (its own
/// writes wake it at once).
pub const FOLLOW_EVERY: Duration = Duration::from_millis(500);

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} records ({eta} left)")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message("indexing");
    bar
}

/// `passerelle reindex`: rebuilds this node's index from the store.
pub async fn reindex(store: &Store, dir: &Path) -> Result<()> {
    let index = SearchIndex::open(dir)?;
    let started = Instant::now();
    let bar = progress_bar();
    let n = index
        .rebuild(store, |done, total| {
            bar.set_length(total);
            bar.set_position(done);
        })
        .await
        .context("cannot build the search index")?;
    bar.finish_and_clear();
    index.catch_up(store).await?;
    eprintln!(
        "search index built: {n} records, {} index documents, in {:.1} s",
        index.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The index under `dir`, current with the store, built with a progress bar
/// when missing.
async fn open_current(store: &Store, dir: &Path) -> Result<SearchIndex, SearchError> {
    opened(store, dir, false).await
}

/// The index under `dir`, built with a progress bar when missing; caught
/// up too unless it is for a server, whose follower does that.
async fn opened(store: &Store, dir: &Path, for_server: bool) -> Result<SearchIndex, SearchError> {
    let bar = progress_bar();
    let progress = |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let index = if for_server {
        follow::open_for_server(dir, store, progress).await
    } else {
        follow::open_current(dir, store, progress).await
    };
    bar.finish_and_clear();
    index
}

/// [`open_current`], or read-only when a server on this machine holds the
/// index (the server keeps it current).
async fn current(store: &Store, dir: &Path) -> Result<SearchIndex> {
    match open_current(store, dir).await {
        Ok(index) => Ok(index),
        Err(SearchError::Locked(_)) => Ok(SearchIndex::open_read_only(dir)?),
        Err(e) => Err(e.into()),
    }
}

/// `passerelle search QUERY`.
pub async fn search(
    store: &Store,
    dir: &Path,
    query: &str,
    lang: Lang,
    limit: usize,
    json: bool,
) -> Result<()> {
    let index = current(store, dir).await?;
    let req = SearchRequest {
        lang,
        limit,
        facets: json,
        ..SearchRequest::text(query)
    };
    let results = index.search(&req)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(());
    }
    println!("{} hits", results.total);
    for hit in &results.hits {
        match &hit.clause {
            Some(c) => println!("\n{} — {} (agreement {})", hit.title, c.label, hit.id),
            None => println!("\n{} ({} {})", hit.title, noun(&hit.kind), hit.id),
        }
        if let Some(s) = &hit.snippet {
            println!("    {}", marked(&s.text, &s.highlights).replace('\n', " "));
        }
    }
    for s in &results.suggestions {
        println!("\nNothing found. Did you mean: {s}");
    }
    Ok(())
}

fn noun(kind: &str) -> &str {
    kind.strip_suffix('s').unwrap_or(kind)
}

/// The text with each highlight between « and ».
fn marked(text: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::with_capacity(text.len() + highlights.len() * 4);
    let mut at = 0;
    for [from, to] in highlights {
        out.push_str(&text[at..*from]);
        out.push('«');
        out.push_str(&text[*from..*to]);
        out.push('»');
        at = *to;
    }
    out.push_str(&text[at..]);
    out
}

/// The index a server uses, built before it starts listening when it is
/// missing, and the task that keeps it current, starting with what it
/// missed while the node was down (see `follow::open_for_server`).
pub async fn for_server(
    store: &Store,
    dir: &Path,
    nudge: Arc<tokio::sync::Notify>,
) -> Result<Arc<SearchIndex>> {
    let index = Arc::new(opened(store, dir, true).await?);
    tokio::spawn(follow::follow(
        Arc::clone(&index),
        store.clone(),
        FOLLOW_EVERY,
        nudge,
    ));
    Ok(index)
}

#[cfg(test)]
mod tests {
    #[test]
    fn highlights_are_marked() {
        assert_eq!(
            super::marked("les frais de recrutement", &[[4, 9], [13, 24]]),
            "les «frais» de «recrutement»"
        );
    }
}
