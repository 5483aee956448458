//! Reading scans: images (PNG, JPEG, TIFF) and PDFs without a text layer,
//! through Tesseract, with PDF pages drawn by Poppler's `pdftoppm`. Both
//! are separate programs (Debian's `tesseract-ocr` with its `ara`, `fra`,
//! `spa` and `eng` data, and `poppler-utils`), run as children of the
//! extraction worker: they inherit its memory cap, and the worker's time
//! limit ends them with it.
//!
//! The text keeps where each page starts ([`OcrPage::start`]) and how sure
//! Tesseract was of the page's words ([`OcrPage::confidence`]), so that a
//! reader can be told which pages were read this way and how well.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::{ExtractError, Format};

/// At most this many pages of a scan are read: a scanned agreement is
/// rarely longer, and each page costs seconds.
pub const MAX_PAGES: usize = 200;

/// Resolution pages are drawn at: Tesseract reads best at about 300 dots
/// per inch.
const DPI: &str = "300";

/// What reading a scan gave, besides its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Ocr {
    /// Tesseract's language codes used, joined by `+` (`fra+ara`).
    pub languages: String,
    pub pages: Vec<OcrPage>,
}

/// One page read by OCR.
#[derive(Clone, Debug, PartialEq)]
pub struct OcrPage {
    /// The page's number in the file, from 1.
    pub number: u32,
    /// Where its text starts in the extracted text, in bytes.
    pub start: u32,
    /// Tesseract's mean confidence in the page's words, 0 to 100 (0 when
    /// it found no word).
    pub confidence: f32,
}

/// The programs OCR runs, by path or by name on `PATH`.
#[derive(Clone, Debug)]
pub struct Tools {
    pub tesseract: PathBuf,
    pub pdftoppm: PathBuf,
}

impl Default for Tools {
    fn default() -> Tools {
        Tools {
            tesseract: "tesseract".into(),
            pdftoppm: "pdftoppm".into(),
        }
    }
}

/// Tesseract's codes for the rubric's languages, in the order tried when
/// nothing says which languages a text is in.
pub const LANGUAGES: [(&str, &str); 4] =
    [("ar", "ara"), ("fr", "fra"), ("es", "spa"), ("en", "eng")];

impl Tools {
    /// The languages Tesseract can read here, among the rubric's, as
    /// Tesseract codes; an error in words when Tesseract is missing.
    pub fn languages(&self) -> Result<Vec<&'static str>, ExtractError> {
        let out = Command::new(&self.tesseract)
            .arg("--list-langs")
            .stdin(Stdio::null())
            .output()
            .map_err(|_| ExtractError::NoOcr)?;
        if !out.status.success() {
            return Err(ExtractError::NoOcr);
        }
        let listed = String::from_utf8_lossy(&out.stdout);
        let have: Vec<&str> = listed.lines().map(str::trim).collect();
        let codes: Vec<&'static str> = LANGUAGES
            .iter()
            .map(|(_, t)| *t)
            .filter(|t| have.contains(t))
            .collect();
        if codes.is_empty() {
            return Err(ExtractError::NoOcr);
        }
        Ok(codes)
    }

    /// Reads a scan: an image, or every page of a PDF. `wanted` are the
    /// text's languages as ISO codes (`fr`, `ar`); empty or unknown, all
    /// the rubric's languages Tesseract has are used.
    pub fn read(
        &self,
        bytes: &[u8],
        format: Format,
        wanted: &[&str],
    ) -> Result<(String, Ocr), ExtractError> {
        let installed = self.languages()?;
        let mut codes: Vec<&str> = LANGUAGES
            .iter()
            .filter(|(iso, t)| wanted.contains(iso) && installed.contains(t))
            .map(|(_, t)| *t)
            .collect();
        if codes.is_empty() {
            codes = installed;
        }
        let languages = codes.join("+");
        let dir = Scratch::new()?;
        let images = match format {
            Format::Image => {
                let path = dir.path().join("page");
                std::fs::write(&path, bytes).map_err(failed)?;
                vec![path]
            }
            Format::Pdf => self.draw_pages(bytes, dir.path())?,
            _ => return Err(ExtractError::Unsupported(format.name())),
        };
        let mut text = String::new();
        let mut pages = Vec::with_capacity(images.len());
        for (i, image) in images.iter().enumerate() {
            let (page, confidence) = self.page(image, &languages)?;
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            pages.push(OcrPage {
                number: i as u32 + 1,
                start: text.len() as u32,
                confidence,
            });
            text.push_str(&page);
        }
        if text.trim().is_empty() {
            return Err(ExtractError::NoText(format.name()));
        }
        Ok((text, Ocr { languages, pages }))
    }

    /// Draws each page of a PDF as a grey PNG in `dir`, in page order.
    fn draw_pages(&self, pdf: &[u8], dir: &Path) -> Result<Vec<PathBuf>, ExtractError> {
        let input = dir.join("scan.pdf");
        std::fs::write(&input, pdf).map_err(failed)?;
        let out = Command::new(&self.pdftoppm)
            .args(["-r", DPI, "-gray", "-png", "-l"])
            .arg(MAX_PAGES.to_string())
            .arg(&input)
            .arg(dir.join("p"))
            .stdin(Stdio::null())
            .output()
            .map_err(|_| ExtractError::NoOcr)?;
        if !out.status.success() {
            return Err(ExtractError::Malformed {
                format: "PDF",
                detail: format!(
                    "its pages could not be drawn for OCR ({})",
                    String::from_utf8_lossy(&out.stderr).trim()
                ),
            });
        }
        // pdftoppm names pages p-1.png or p-01.png (as many digits as the
        // last page's number): sort by the number, not the name.
        let mut pages: Vec<(u32, PathBuf)> = std::fs::read_dir(dir)
            .map_err(failed)?
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let n = name
                    .strip_prefix("p-")?
                    .strip_suffix(".png")?
                    .parse()
                    .ok()?;
                Some((n, e.path()))
            })
            .collect();
        pages.sort();
        Ok(pages.into_iter().map(|(_, p)| p).collect())
    }

    /// Reads one page image: its text, lines and paragraphs as Tesseract
    /// found them, and its mean word confidence.
    fn page(&self, image: &Path, languages: &str) -> Result<(String, f32), ExtractError> {
        let out = Command::new(&self.tesseract)
            .arg(image)
            .arg("stdout")
            .args(["-l", languages, "tsv"])
            .stdin(Stdio::null())
            .output()
            .map_err(|_| ExtractError::NoOcr)?;
        if !out.status.success() {
            return Err(ExtractError::Malformed {
                format: "image",
                detail: format!(
                    "the OCR program could not read it ({})",
                    String::from_utf8_lossy(&out.stderr).trim()
                ),
            });
        }
        Ok(from_tsv(&String::from_utf8_lossy(&out.stdout)))
    }
}

/// Text and mean word confidence from Tesseract's TSV output: words
/// (level 5) joined by spaces, a line break between lines, a blank line
/// between paragraphs and blocks.
pub fn from_tsv(tsv: &str) -> (String, f32) {
    let mut text = String::new();
    let mut at: Option<(&str, &str, &str, &str)> = None;
    let (mut sum, mut words) = (0.0f64, 0u32);
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let word = cols[11].trim();
        if word.is_empty() {
            continue;
        }
        let here = (cols[1], cols[2], cols[3], cols[4]);
        match at {
            None => {}
            Some(p) if (p.0, p.1, p.2) != (here.0, here.1, here.2) => text.push_str("\n\n"),
            Some(p) if p.3 != here.3 => text.push('\n'),
            Some(_) => text.push(' '),
        }
        at = Some(here);
        text.push_str(word);
        if let Ok(c) = cols[10].parse::<f64>()
            && c >= 0.0
        {
            sum += c;
            words += 1;
        }
    }
    let confidence = if words == 0 {
        0.0
    } else {
        (sum / f64::from(words)) as f32
    };
    (text, confidence)
}

fn failed(e: std::io::Error) -> ExtractError {
    ExtractError::Failed(format!("a scratch file for OCR could not be written: {e}"))
}

/// A folder of its own under the system's temporary folder, removed when
/// dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch, ExtractError> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = std::env::temp_dir().join(format!(
            "passerelle-ocr-{}-{}-{nanos}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir(&path).map_err(failed)?;
        Ok(Scratch(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_gives_lines_paragraphs_and_the_mean_confidence() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n\
            5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tArticle\n\
            5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t80\tpremier\n\
            5\t1\t1\t2\t1\t1\t0\t0\t1\t1\t70\tAucun\n\
            5\t1\t1\t2\t2\t1\t0\t0\t1\t1\t-1\tfrais\n\
            5\t1\t1\t2\t2\t2\t0\t0\t1\t1\t60\t \n";
        let (text, confidence) = from_tsv(tsv);
        assert_eq!(text, "Article premier\n\nAucun\nfrais");
        assert!((confidence - 80.0).abs() < 0.01, "{confidence}");
        assert_eq!(from_tsv("header\n"), (String::new(), 0.0));
    }
}
