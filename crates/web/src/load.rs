//! Shedding load: at most [`Gate`]'s number of requests are worked on at
//! once; a request that cannot start within the gate's wait is answered at
//! once with `503 busy` and `Retry-After`, instead of queueing without
//! bound behind work the machine cannot finish in time. Answers served
//! from the page cache never wait here (the cache layer is outside).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::AppState;
use crate::error::{ApiError, Code};

/// Requests worked on at once, per core: enough to keep the cores busy
/// while some requests wait on the database or a file reader.
pub const PER_CORE: usize = 16;

/// The longest a request waits for its turn.
pub const WAIT: Duration = Duration::from_secs(1);

/// The gate of one node.
pub struct Gate {
    permits: Arc<Semaphore>,
    wait: Duration,
}

impl Default for Gate {
    fn default() -> Gate {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Gate::new(PER_CORE * cores, WAIT)
    }
}

impl Gate {
    pub fn new(permits: usize, wait: Duration) -> Gate {
        Gate {
            permits: Arc::new(Semaphore::new(permits)),
            wait,
        }
    }

    /// Takes a place as a request would, until the permit is dropped
    /// (tests, and work outside requests that should count).
    pub async fn hold(&self) -> OwnedSemaphorePermit {
        Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .expect("the gate is never closed")
    }
}

pub async fn admit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let gate = &state.gate;
    match tokio::time::timeout(gate.wait, Arc::clone(&gate.permits).acquire_owned()).await {
        Ok(Ok(_permit)) => next.run(req).await,
        _ => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            Code::Busy,
            "The server is busy",
            format!(
                "more requests are being worked on than can be answered in time; none could start within {} ms",
                gate.wait.as_millis()
            ),
        )
        .into_response(),
    }
}
