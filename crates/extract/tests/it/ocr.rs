//! Scans read by OCR (Tesseract and Poppler's pdftoppm, which `.ci/run`
//! installs). The fixtures are pages written for the tests, photographed
//! and saved with no text layer by `scripts/fixtures/scans.sh`.

use passerelle_extract::ocr::Tools;
use passerelle_extract::{ExtractError, Format, Limits, extract, extract_scan};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

/// A two-page scanned PDF: refused as a scan without OCR, read with it,
/// each page's start and confidence kept.
#[test]
fn a_scanned_pdf_is_read_page_by_page() {
    let pdf = fixture("french-scan.pdf");
    let err = extract(&pdf, None, Limits::default()).unwrap_err();
    assert!(matches!(err, ExtractError::NoText("PDF")), "{err}");

    let e = extract_scan(&pdf, None, Limits::default(), &Tools::default(), &["fr"]).unwrap();
    assert_eq!(e.format, Format::Pdf);
    let ocr = e.ocr.expect("read by OCR");
    assert_eq!(ocr.languages, "fra");
    assert_eq!(ocr.pages.len(), 2);
    assert_eq!((ocr.pages[0].number, ocr.pages[0].start), (1, 0));
    let second = &e.text[ocr.pages[1].start as usize..];
    assert!(second.starts_with("Article 3"), "{second:?}");
    assert!(
        e.text
            .contains("Aucun frais de recrutement n'est mis à la charge des travailleurs."),
        "{}",
        e.text
    );
    assert!(
        e.text.contains("Le travailleur conserve son passeport"),
        "{}",
        e.text
    );
    for page in &ocr.pages {
        assert!(page.confidence > 80.0, "{page:?}");
    }
}

/// An image is a scan: read in the language asked for, or in all four.
#[test]
fn an_image_is_read_in_its_language() {
    let png = fixture("arabic-scan.png");
    let err = extract(&png, Some("scan.png"), Limits::default()).unwrap_err();
    assert!(matches!(err, ExtractError::NoText("image")), "{err}");
    for wanted in [&["ar"][..], &[]] {
        let e = extract_scan(&png, None, Limits::default(), &Tools::default(), wanted).unwrap();
        assert_eq!(e.format, Format::Image);
        assert!(
            e.text.contains("لا يتحمل العامل أي رسوم استقدام"),
            "{}",
            e.text
        );
        assert!(e.text.contains("يحتفظ العامل بجواز سفره"), "{}", e.text);
        let ocr = e.ocr.unwrap();
        assert!(ocr.languages.contains("ara"), "{}", ocr.languages);
        assert_eq!(ocr.pages.len(), 1);
    }
}

/// A PDF with a text layer is read from it, never by OCR.
#[test]
fn a_text_layer_is_read_without_ocr() {
    let pdf = fixture("french-chromium.pdf");
    let e = extract_scan(&pdf, None, Limits::default(), &Tools::default(), &[]).unwrap();
    assert!(e.ocr.is_none());
    assert!(e.text.contains("Aucun frais de recrutement"));
}

/// Without Tesseract the answer says so, and what to do; texts with a
/// layer are read as before.
#[test]
fn without_ocr_a_scan_is_refused_in_words() {
    let none = Tools {
        tesseract: "/nonexistent/tesseract".into(),
        pdftoppm: "/nonexistent/pdftoppm".into(),
    };
    let err = extract_scan(
        &fixture("french-scan.pdf"),
        None,
        Limits::default(),
        &none,
        &[],
    )
    .unwrap_err();
    assert_eq!(err, ExtractError::NoOcr);
    assert!(err.to_string().contains("OCR (Tesseract"), "{err}");
    let e = extract_scan(
        &fixture("french-chromium.pdf"),
        None,
        Limits::default(),
        &none,
        &[],
    )
    .unwrap();
    assert!(e.text.contains("Aucun frais de recrutement"));
}
