use std::io::Write;

use passerelle_extract::{ExtractError, Format, Limits, extract};

const ARABIC: &str = "المادة الأولى\nيتمتع العمال بالضمان الاجتماعي.";
const FRENCH: &str = "Article premier\nLes frais de recrutement sont à la charge de l'employeur.";

#[test]
fn text_in_every_encoding() {
    let utf8 = extract(FRENCH.as_bytes(), None, Limits::default()).unwrap();
    assert_eq!((utf8.text.as_str(), utf8.encoding), (FRENCH, Some("UTF-8")));

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(ARABIC.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        extract(&utf16, None, Limits::default()).unwrap().text,
        ARABIC
    );

    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(ARABIC);
    let e = extract(&cp1256, None, Limits::default()).unwrap();
    assert_eq!(
        (e.text.as_str(), e.encoding),
        (ARABIC, Some("windows-1256"))
    );

    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(FRENCH);
    let e = extract(&latin1, None, Limits::default()).unwrap();
    assert_eq!((e.text.as_str(), e.encoding), (FRENCH, Some("ISO-8859-1")));
}

#[test]
fn html_keeps_the_body_only() {
    let page = r#"<!DOCTYPE html><html><head><title>T</title><style>p{}</style><script>var x = "Article 9";</script></head>
      <body><nav><a href="/">Accueil</a> | <a href="/x">Traités</a></nav>
      <main><h1>Accord</h1><p>Article premier<br>Les frais de recrutement sont &agrave; la charge de l&#39;employeur &amp; non du travailleur.</p>
      <p>Article 2</p></main><footer>© Ministère</footer></body></html>"#;
    let e = extract(page.as_bytes(), Some("accord.html"), Limits::default()).unwrap();
    assert_eq!(e.format, Format::Html);
    assert_eq!(
        e.text,
        "Accord\nArticle premier\nLes frais de recrutement sont à la charge de l'employeur & non du travailleur.\nArticle 2"
    );
}

fn docx(document_xml: &str) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(document_xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

#[test]
fn docx_paragraphs_in_order() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
      <w:p><w:r><w:t>Artículo primero</w:t></w:r></w:p>
      <w:p><w:r><w:t xml:space="preserve">Los gastos de viaje </w:t></w:r><w:r><w:t>correrán por cuenta del empleador &amp; no del trabajador.</w:t></w:r></w:p>
      <w:p><w:r><w:t>المادة الثانية</w:t></w:r></w:p></w:body></w:document>"#;
    let e = extract(&docx(xml), Some("acuerdo.docx"), Limits::default()).unwrap();
    assert_eq!(e.format, Format::Docx);
    let lines: Vec<&str> = e
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "Artículo primero",
            "Los gastos de viaje correrán por cuenta del empleador & no del trabajador.",
            "المادة الثانية"
        ]
    );
}

#[test]
fn bad_files_get_clear_errors() {
    assert_eq!(
        extract(b"", None, Limits::default()),
        Err(ExtractError::Empty)
    );
    let small = Limits {
        max_bytes: 10,
        ..Limits::default()
    };
    assert_eq!(
        extract(&[b'a'; 11], None, small),
        Err(ExtractError::TooLarge { size: 11, max: 10 })
    );
    let err = extract(b"PK\x03\x04garbage", Some("x.docx"), Limits::default()).unwrap_err();
    assert!(
        err.to_string().contains("not a readable zip archive"),
        "{err}"
    );
    let err = extract(&docx("<w:document><w:body><w:p>"), None, Limits::default()).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Malformed { .. } | ExtractError::NoText(_)
        ),
        "{err}"
    );
    let err = extract(b"\x00\x01\x02\x03binary\x00", None, Limits::default()).unwrap_err();
    assert!(err.to_string().contains("binary"), "{err}");
    assert_eq!(
        extract(b"   \n  ", None, Limits::default()),
        Err(ExtractError::NoText("text"))
    );
    // A small archive that inflates past the text limit is refused.
    let big = format!(
        "<w:document><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
        "a".repeat(100_000)
    );
    let tight = Limits {
        max_text_bytes: 1000,
        ..Limits::default()
    };
    assert!(matches!(
        extract(&docx(&big), None, tight),
        Err(ExtractError::TextTooLarge { .. })
    ));
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

#[test]
fn pdf_text_layers_in_reading_order() {
    let fr = std::fs::read(format!("{FIXTURES}/french-chromium.pdf")).unwrap();
    let e = extract(&fr, None, Limits::default()).unwrap();
    assert_eq!(e.format, Format::Pdf);
    assert!(
        e.text
            .contains("Aucun frais de recrutement n'est mis à la charge des travailleurs."),
        "{}",
        e.text
    );

    // Shaped Arabic printed by Chromium: visual order, presentation forms
    // and broken glyph runs come back as the words of the source page.
    let ar = std::fs::read(format!("{FIXTURES}/arabic-chromium.pdf")).unwrap();
    let e = extract(&ar, None, Limits::default()).unwrap();
    let lines: Vec<&str> = e
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines[0], "المادة الأولى", "{lines:?}");
    assert_eq!(lines[2], "المادة الثانية", "{lines:?}");
    assert!(
        lines[3].starts_with("يستفيد العمال من الضمان الاجتماعي"),
        "{lines:?}"
    );
    assert!(
        !e.text
            .chars()
            .any(|c| ('\u{FB50}'..='\u{FEFF}').contains(&c)),
        "no presentation forms left"
    );
}

/// A PDF whose text layer stores plain Arabic letters in visual order (as
/// some producers write right-to-left text: no shaped forms to go by),
/// made by `scripts/fixtures/arabic_visual_pdf.py` from the text beside
/// it, comes back in reading order, numbers and punctuation in place.
#[test]
fn arabic_stored_in_visual_order_reads_in_logical_order() {
    let pdf = std::fs::read(format!("{FIXTURES}/arabic-visual.pdf")).unwrap();
    let source = std::fs::read_to_string(format!("{FIXTURES}/arabic-visual.txt")).unwrap();
    let e = extract(&pdf, None, Limits::default()).unwrap();
    let got: Vec<&str> = e
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let want: Vec<&str> = source.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(got, want);
}

#[test]
fn bad_pdfs_get_clear_errors() {
    let err = extract(b"%PDF-1.7\nnot really a pdf", None, Limits::default()).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Malformed { .. } | ExtractError::Failed(_)
        ),
        "{err}"
    );
    let err = extract(
        b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer << /Encrypt 5 0 R >>",
        None,
        Limits::default(),
    )
    .unwrap_err();
    assert_eq!(err, ExtractError::Encrypted("PDF"));
}

/// The same mixed Arabic and French text (`arabic-french.txt`, written for
/// the tests) printed by two more producers (`scripts/fixtures/producers.py`),
/// as it reads today. A PDF library with text shaping (fpdf2 with
/// HarfBuzz) maps the lam-alef ligature to its letters in drawing order;
/// two alefs in a row and a lone "ال" are mended, a reversed ligature that
/// opens a word ("إلنعاش" for "لإنعاش") is not. An office suite
/// (LibreOffice) draws a right-to-left line's runs left to right, each in
/// reading order; they are put back, except where the text layer puts a
/// line and the next heading on one line, which only the glyphs' positions
/// could tell apart.
#[test]
fn mixed_arabic_and_french_from_several_producers() {
    let source = std::fs::read_to_string(format!("{FIXTURES}/arabic-french.txt")).unwrap();
    let want: Vec<&str> = source.lines().collect();
    let read = |name: &str| {
        let pdf = std::fs::read(format!("{FIXTURES}/{name}")).unwrap();
        let e = extract(&pdf, None, Limits::default()).unwrap();
        e.text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect::<Vec<String>>()
    };
    let fpdf = read("arabic-french-fpdf.pdf");
    assert_eq!(fpdf.len(), want.len(), "{fpdf:?}");
    for (got, want) in fpdf.iter().zip(&want) {
        assert_eq!(got, &want.replace("لإنعاش", "إلنعاش"));
    }
    let office = read("arabic-french-libreoffice.pdf");
    // Every line but the second and the heading drawn with it.
    for (i, line) in want.iter().enumerate() {
        if i == 1 || i == 2 {
            continue;
        }
        assert!(office.contains(&line.to_string()), "{line} in {office:?}");
    }
    assert_eq!(office.len(), want.len() - 1, "{office:?}");
}
