//! Extraction of real files: encodings, HTML pages, Word documents and bad
//! input.

mod files;
mod ocr;
mod worker;
