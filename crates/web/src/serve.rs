//! Serving the router on a TCP listener with limits on slow clients: a
//! client that does not send its request headers within
//! [`Timeouts::headers`], or lets its request body stall for
//! [`Timeouts::body_idle`] (or take longer than [`Timeouts::body_total`]
//! in all), is cut off, so that connections trickling bytes cannot hold the
//! server's sockets and tasks for ever (the "slowloris" attack). A body cut
//! off is answered `408` with the problem code `too_slow`.
//!
//! [`serve`] is what `passerelle serve` runs; [`body_deadline`] is the
//! layer that times bodies, part of [`crate::router`] so that tests see it.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::time::{Instant, Sleep};
use tower::ServiceExt;

use crate::error::{ApiError, Code};

/// How long a client may take over the parts of a request.
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    /// From the connection (or the end of the previous answer) to the end
    /// of the request's headers.
    pub headers: Duration,
    /// The longest pause between two pieces of a request body.
    pub body_idle: Duration,
    /// The longest a whole body may take (the largest upload, 50 MB, at
    /// about 1 Mbit/s takes under seven minutes).
    pub body_total: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            headers: Duration::from_secs(15),
            body_idle: Duration::from_secs(30),
            body_total: Duration::from_secs(600),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets the
/// requests under way finish (for at most 10 seconds). Each request
/// carries its peer's address (`ConnectInfo<SocketAddr>`).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    timeouts: Timeouts,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let app = app.layer(axum::Extension(timeouts));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(timeouts.headers)
        .keep_alive(true);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                // Out of file descriptors or a connection reset before it
                // was taken: wait a little rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = app
            .clone()
            .map_request(move |mut req: Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(peer));
                req
            });
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that hangs up or times out ends its connection;
            // there is nobody to tell.
            let _ = connection.await;
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(10)) => {}
    }
    Ok(())
}

/// Times the request body (see [`Timeouts`]): a body that stalls or drags
/// is ended with an error, and the answer becomes a `408` problem whatever
/// the handler made of the failed read. Without a [`Timeouts`] extension
/// (a router used without [`serve`]), the defaults apply.
pub async fn body_deadline(req: Request, next: Next) -> Response {
    let timeouts = req
        .extensions()
        .get::<Timeouts>()
        .copied()
        .unwrap_or_default();
    let expired = Arc::new(AtomicBool::new(false));
    let (parts, body) = req.into_parts();
    let body = Body::new(Deadline {
        inner: body,
        idle: Box::pin(tokio::time::sleep(timeouts.body_idle)),
        idle_for: timeouts.body_idle,
        total: Box::pin(tokio::time::sleep(timeouts.body_total)),
        expired: Arc::clone(&expired),
    });
    let res = next.run(Request::from_parts(parts, body)).await;
    if !expired.load(Ordering::Relaxed) {
        return res;
    }
    let mut res = ApiError::new(
        StatusCode::REQUEST_TIMEOUT,
        Code::TooSlow,
        "The request body came too slowly",
        format!(
            "the body paused for more than {} s or took more than {} s in all; send it again",
            timeouts.body_idle.as_secs(),
            timeouts.body_total.as_secs()
        ),
    )
    .into_response();
    // The rest of the body may still be on its way: do not wait for it.
    res.headers_mut().insert(
        header::CONNECTION,
        header::HeaderValue::from_static("close"),
    );
    res
}

/// A body that fails once it pauses for `idle_for` or outlives `total`.
struct Deadline {
    inner: Body,
    idle: Pin<Box<Sleep>>,
    idle_for: Duration,
    total: Pin<Box<Sleep>>,
    expired: Arc<AtomicBool>,
}

/// The error a timed-out body ends with.
#[derive(Debug, thiserror::Error)]
#[error("the request body came too slowly")]
struct BodyTooSlow;

impl http_body::Body for Deadline {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            if frame.is_some() {
                this.idle.as_mut().reset(Instant::now() + this.idle_for);
            }
            return Poll::Ready(frame.map(|f| f.map_err(Into::into)));
        }
        if this.total.as_mut().poll(cx).is_ready() || this.idle.as_mut().poll(cx).is_ready() {
            this.expired.store(true, Ordering::Relaxed);
            return Poll::Ready(Some(Err(Box::new(BodyTooSlow))));
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
