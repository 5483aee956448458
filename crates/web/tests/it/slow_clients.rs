//! Clients that send too slowly are cut off, over a real socket: headers
//! that never end, a connection that says nothing, a body that stalls.
//! A normal request on the same server is served, with its peer address.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::apps;

/// Limits short enough for a test.
const TIMEOUTS: passerelle_web::Timeouts = passerelle_web::Timeouts {
    headers: Duration::from_secs(1),
    body_idle: Duration::from_secs(1),
    body_total: Duration::from_secs(4),
};

/// Everything the server sends until it closes the connection, and how
/// long that took; gives up after 10 seconds.
async fn read_until_closed(stream: &mut TcpStream) -> (String, Duration) {
    let start = Instant::now();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => out.extend_from_slice(&buf[..n]),
            Err(_) => panic!(
                "still open after 10 s; received: {}",
                String::from_utf8_lossy(&out)
            ),
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), start.elapsed())
}

#[tokio::test]
async fn slow_clients_are_cut_off_and_others_served() {
    let t = apps().await.into_iter().next().expect("SQLite");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = t.app.clone();
    tokio::spawn(passerelle_web::serve(
        listener,
        app,
        TIMEOUTS,
        std::future::pending(),
    ));

    // A request in full is answered, and the sign-in form (which counts
    // failures per address) has the peer's address.
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /api/v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (answer, _) = read_until_closed(&mut s).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"POST /en/sign-in HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 38\r\n\r\nemail=a%40example.org&password=wrong12")
        .await
        .unwrap();
    let (answer, _) = read_until_closed(&mut s).await;
    assert!(!answer.starts_with("HTTP/1.1 500"), "{answer}");

    // Headers that never end.
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /api/v1/stats HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let (answer, took) = read_until_closed(&mut s).await;
    assert!(took < Duration::from_secs(4), "{took:?}: {answer}");

    // A connection that says nothing.
    let mut s = TcpStream::connect(addr).await.unwrap();
    let (_, took) = read_until_closed(&mut s).await;
    assert!(took < Duration::from_secs(4), "{took:?}");

    // A body that stalls after its first bytes: a 408 problem, then the
    // connection closes.
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nArticle 1. ")
        .await
        .unwrap();
    let (answer, took) = read_until_closed(&mut s).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"code\":\"too_slow\""), "{answer}");
    assert!(took < Duration::from_secs(4), "{took:?}");

    // A body that trickles a byte at a time, never pausing long: cut off
    // by the limit on the whole body.
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
        .await
        .unwrap();
    let start = Instant::now();
    let mut cut = false;
    while start.elapsed() < Duration::from_secs(9) {
        if s.write_all(b"a").await.is_err() {
            cut = true;
            break;
        }
        let mut buf = [0u8; 512];
        if let Ok(Ok(n)) = tokio::time::timeout(Duration::from_millis(300), s.read(&mut buf)).await
        {
            let head = String::from_utf8_lossy(&buf[..n]).into_owned();
            assert!(n == 0 || head.starts_with("HTTP/1.1 408"), "{head}");
            cut = true;
            break;
        }
    }
    assert!(cut, "a trickling body was still read after 9 s");
    assert!(
        start.elapsed() < Duration::from_secs(7),
        "{:?}",
        start.elapsed()
    );
}
