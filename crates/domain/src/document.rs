//! Files attached to agreements (full texts, annexes), stored in the
//! database and deduplicated by SHA-256.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Metadata of a stored file; the bytes live in the store's blob table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// Set when the text was read by OCR from a scan: machine findings on
    /// it rest on recognised characters and want a reviewer's eye.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<Ocr>,
}

/// How a scan's text was read: by OCR, in which languages, page by page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Ocr {
    /// The OCR program's language codes, joined by `+` (`fra+ara`).
    pub languages: String,
    pub pages: Vec<OcrPage>,
}

/// One page read by OCR.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OcrPage {
    /// The page's number in the file, from 1.
    pub number: u32,
    /// Where the page's text starts in the document's text, in bytes.
    pub start: u32,
    /// The OCR program's mean confidence in the page's words, 0 to 100,
    /// to one decimal.
    pub confidence: f64,
}

impl Ocr {
    /// The mean of the pages' confidences, 0 to 100.
    pub fn confidence(&self) -> f64 {
        if self.pages.is_empty() {
            return 0.0;
        }
        self.pages.iter().map(|p| p.confidence).sum::<f64>() / self.pages.len() as f64
    }

    /// Pages read with a confidence under `threshold`, by number: those
    /// a reader should check against the scan.
    pub fn doubtful(&self, threshold: f64) -> Vec<u32> {
        self.pages
            .iter()
            .filter(|p| p.confidence < threshold)
            .map(|p| p.number)
            .collect()
    }
}

/// Media types accepted for agreement texts.
pub const MEDIA_TYPES: &[&str] = &[
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text/html",
    "text/plain",
    // Scans, read by OCR.
    "image/png",
    "image/jpeg",
    "image/tiff",
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

#[cfg(test)]
mod tests {
    use super::{Ocr, OcrPage};

    #[test]
    fn an_ocr_note_gives_its_mean_and_the_pages_to_check() {
        let page = |number, confidence| OcrPage {
            number,
            start: 0,
            confidence,
        };
        let ocr = Ocr {
            languages: "fra".into(),
            pages: vec![page(1, 95.0), page(2, 61.5), page(3, 90.5)],
        };
        assert!((ocr.confidence() - 82.333).abs() < 0.01);
        assert_eq!(ocr.doubtful(80.0), vec![2]);
        let none = Ocr {
            languages: "fra".into(),
            pages: vec![],
        };
        assert_eq!(none.confidence(), 0.0);
        assert!(none.doubtful(80.0).is_empty());
    }
}
