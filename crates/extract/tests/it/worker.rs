//! The worker process: whatever it does, the caller gets an answer in time.

use std::path::Path;
use std::time::{Duration, Instant};

use passerelle_extract::ExtractError;
use passerelle_extract::worker::isolated;

#[test]
fn a_worker_that_hangs_is_killed_at_the_time_limit() {
    let started = Instant::now();
    let e = isolated(
        Path::new("sleep"),
        &["30"],
        b"x".to_vec(),
        Duration::from_millis(300),
    )
    .unwrap_err();
    assert_eq!(e, ExtractError::TimedOut(1));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_worker_that_crashes_is_reported_as_such() {
    let e = isolated(
        Path::new("sh"),
        &["-c", "kill -SEGV $$"],
        b"x".to_vec(),
        Duration::from_secs(10),
    )
    .unwrap_err();
    assert!(matches!(e, ExtractError::Crashed(_)), "{e:?}");
    assert!(e.to_string().contains("signal"), "{e}");
}

#[test]
fn a_worker_that_answers_nonsense_is_refused() {
    let e = isolated(
        Path::new("echo"),
        &["hello"],
        b"x".to_vec(),
        Duration::from_secs(10),
    )
    .unwrap_err();
    assert!(e.to_string().contains("makes no sense"), "{e}");
}

#[test]
fn a_worker_that_never_reads_its_input_does_not_block() {
    // 8 MB is more than a pipe holds: the writer must not wait for ever.
    let e = isolated(
        Path::new("sleep"),
        &["30"],
        vec![b'a'; 8 << 20],
        Duration::from_millis(300),
    )
    .unwrap_err();
    assert_eq!(e, ExtractError::TimedOut(1));
}
