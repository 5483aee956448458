//! Text out of agreement files: plain text in UTF-8, UTF-16 (with a byte
//! order mark), Windows-1256 or Latin-1; HTML (the body, without scripts,
//! styles or navigation); DOCX; and the text layer of PDF, with Arabic put
//! back in reading order. Scans (images, and PDFs without a text layer)
//! are read by OCR in [`ocr`], when the server has Tesseract.
//!
//! [`extract`] never panics into its caller: files over [`Limits`] are
//! refused before they are read, and a parser panic becomes
//! [`ExtractError::Failed`]. Every error names the problem in words a
//! person uploading the file can act on.

mod docx;
mod html;
pub mod ocr;
mod pdf;
mod text;
pub mod worker;

use std::panic::{AssertUnwindSafe, catch_unwind};

/// The kinds of file understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
    Pdf,
    /// A PNG, JPEG or TIFF image: a scanned page, read only by OCR.
    Image,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "HTML",
            Format::Docx => "DOCX",
            Format::Pdf => "PDF",
            Format::Image => "image",
        }
    }
}

/// What was read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    pub text: String,
    pub format: Format,
    /// The character encoding of a text file (`UTF-8`, `windows-1256`...).
    pub encoding: Option<&'static str>,
    /// Set when the text was read by OCR: which pages, how well.
    pub ocr: Option<ocr::Ocr>,
}

/// Bounds on what one file may cost.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_bytes: usize,
    /// Largest text produced (a small file can inflate: zip bombs).
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 50 * 1024 * 1024,
            max_text_bytes: 20 * 1024 * 1024,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes; at most {max} are accepted")]
    TooLarge { size: usize, max: usize },
    #[error("the extracted text would exceed {max} bytes; the file may be a compression bomb")]
    TextTooLarge { max: usize },
    #[error("the file is not a {format} file it claims to be: {detail}")]
    Malformed {
        format: &'static str,
        detail: String,
    },
    #[error("the {0} file is encrypted or password-protected; upload an unprotected copy")]
    Encrypted(&'static str),
    #[error(
        "the {0} file has no text layer (a scan?); run OCR on it first, then upload the result"
    )]
    NoText(&'static str),
    /// A scan, and no OCR here.
    #[error(
        "the file is a scan (no text layer) and this server cannot read scans: OCR (Tesseract, with Poppler's pdftoppm for PDFs) is not installed; upload a file with a text layer, or ask the operator to install them"
    )]
    NoOcr,
    #[error("{0} files are not supported; upload PDF, DOCX, HTML or plain text")]
    Unsupported(&'static str),
    #[error("the file could not be read: {0}")]
    Failed(String),
    /// The worker process ran past the time limit and was stopped.
    #[error(
        "reading the file took more than {0} s; it may be damaged or made to exhaust the reader"
    )]
    TimedOut(u64),
    /// The worker process ended abnormally (a crash in a parser).
    #[error("the file reader stopped ({0}); the file may be damaged")]
    Crashed(String),
    /// The worker refused the file; `message` is its error, as is.
    #[error("{message}")]
    Refused { refusal: Refusal, message: String },
}

/// What kind of error a worker reported, for callers that answer
/// differently to each (too large, not supported, unreadable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    TooLarge,
    Unsupported,
    Unreadable,
    /// A scan with no text layer: OCR may read it.
    Scan,
}

impl ExtractError {
    pub fn refusal(&self) -> Refusal {
        match self {
            ExtractError::TooLarge { .. } | ExtractError::TextTooLarge { .. } => Refusal::TooLarge,
            ExtractError::Unsupported(_) => Refusal::Unsupported,
            ExtractError::NoText(_) => Refusal::Scan,
            ExtractError::Refused { refusal, .. } => *refusal,
            _ => Refusal::Unreadable,
        }
    }
}

/// Guesses the format from the first bytes (and the name, for text).
pub fn detect(bytes: &[u8], file_name: Option<&str>) -> Format {
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Format::Docx;
    }
    if is_image(bytes) {
        return Format::Image;
    }
    let name = file_name.unwrap_or("").to_ascii_lowercase();
    if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
        return Format::Html;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        return Format::Html;
    }
    Format::Text
}

/// Extracts the text of a file.
pub fn extract(
    bytes: &[u8],
    file_name: Option<&str>,
    limits: Limits,
) -> Result<Extracted, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    if bytes.len() > limits.max_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            max: limits.max_bytes,
        });
    }
    let format = detect(bytes, file_name);
    // Parsers of untrusted files can have bugs; one must not take the
    // server down.
    let result = catch_unwind(AssertUnwindSafe(|| match format {
        Format::Text => text::decode(bytes).map(|(text, enc)| (text, Some(enc))),
        Format::Html => text::decode(bytes).map(|(t, enc)| (html::text(&t), Some(enc))),
        Format::Docx => docx::text(bytes, limits).map(|t| (t, None)),
        Format::Pdf => pdf::text(bytes).map(|t| (t, None)),
        // Only OCR reads an image: see `extract_scan`.
        Format::Image => Ok((String::new(), None)),
    }))
    .map_err(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the parser failed".into());
        ExtractError::Failed(detail)
    })??;
    let (text, encoding) = result;
    if text.len() > limits.max_text_bytes {
        return Err(ExtractError::TextTooLarge {
            max: limits.max_text_bytes,
        });
    }
    if text.trim().is_empty() {
        return Err(ExtractError::NoText(format.name()));
    }
    Ok(Extracted {
        text,
        format,
        encoding,
        ocr: None,
    })
}

/// The media type of a PNG, JPEG or TIFF image, told by its first bytes.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Some("image/jpeg")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some("image/tiff")
    } else {
        None
    }
}

/// Whether the bytes are a PNG, JPEG or TIFF image.
pub fn is_image(bytes: &[u8]) -> bool {
    image_type(bytes).is_some()
}

/// Extracts a file as [`extract`] does and, when it is a scan (an image,
/// or a PDF without a text layer), reads it by OCR with `tools` in the
/// `languages` given (ISO codes; empty: every language the rubric has).
pub fn extract_scan(
    bytes: &[u8],
    file_name: Option<&str>,
    limits: Limits,
    tools: &ocr::Tools,
    languages: &[&str],
) -> Result<Extracted, ExtractError> {
    let format = match extract(bytes, file_name, limits) {
        Err(ExtractError::NoText(_)) => detect(bytes, file_name),
        done => return done,
    };
    if !matches!(format, Format::Pdf | Format::Image) {
        return Err(ExtractError::NoText(format.name()));
    }
    let (text, ocr) = tools.read(bytes, format, languages)?;
    if text.len() > limits.max_text_bytes {
        return Err(ExtractError::TextTooLarge {
            max: limits.max_text_bytes,
        });
    }
    Ok(Extracted {
        text,
        format,
        encoding: None,
        ocr: Some(ocr),
    })
}
