//! Who may write. Until accounts exist, writes need the admin token: a
//! random secret whose SHA-256 is kept in the database settings (so every
//! node accepts it) or given in the configuration.

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// The setting that holds the admin token's SHA-256.
pub const ADMIN_TOKEN_SETTING: &str = "admin_token_sha256";

/// SHA-256 of a token, hex. Tokens are 256-bit random secrets, so a fast
/// hash is enough: there is nothing to brute-force.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A fresh random token.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    format!("pas_{}", hex::encode(bytes))
}

/// Compares without leaking where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The actor name for the audit log, if the request carries the admin token.
pub fn writer(headers: &HeaderMap, admin_hash: &str) -> Result<String, ApiError> {
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(ApiError::unauthorized)?;
    if same(token_hash(token).as_bytes(), admin_hash.as_bytes()) {
        Ok("admin-token".to_string())
    } else {
        Err(ApiError::unauthorized())
    }
}
