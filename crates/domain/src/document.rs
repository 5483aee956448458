//! Files attached to agreements (full texts, annexes), stored in the
//! database and deduplicated by SHA-256.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Metadata of a stored file; the bytes live in the store's blob table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    pub id: String,
    pub agreement_id: String,
    pub file_name: String,
    pub media_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub sha256: String,
    pub size: u64,
    /// Extracted text, filled when the document is assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub created_at: String,
    /// The address the file was fetched from (an official gazette's
    /// permanent link), `created_at` being when; none for an upload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// Media types accepted for agreement texts.
pub const MEDIA_TYPES: &[&str] = &[
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text/html",
    "text/plain",
];

/// The media type of a `Content-Type` value, without its parameters and
/// in lower case (`text/plain; charset=utf-8` → `text/plain`).
pub fn media_type_of(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Largest document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 50 * 1024 * 1024;
