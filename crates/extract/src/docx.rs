//! The text of a Word (DOCX) document: its paragraphs, in order.

use std::io::Read;

use quick_xml::events::Event;

use crate::{ExtractError, Limits};

fn malformed(detail: impl Into<String>) -> ExtractError {
    ExtractError::Malformed {
        format: "DOCX",
        detail: detail.into(),
    }
}

pub fn text(bytes: &[u8], limits: Limits) -> Result<String, ExtractError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| malformed(format!("not a readable zip archive ({e})")))?;
    // Password-protected Office files are an encrypted package in an OLE
    // container, not a zip; a zip holding one is protected too.
    if archive.by_name("EncryptedPackage").is_ok() {
        return Err(ExtractError::Encrypted("DOCX"));
    }
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| malformed("it has no word/document.xml (is it a Word document?)"))?;
    if entry.encrypted() {
        return Err(ExtractError::Encrypted("DOCX"));
    }
    let mut xml = Vec::new();
    // Reading one byte past the limit tells an oversized part apart.
    entry
        .take(limits.max_text_bytes as u64 * 4 + 1)
        .read_to_end(&mut xml)
        .map_err(|e| malformed(format!("document.xml cannot be decompressed ({e})")))?;
    if xml.len() > limits.max_text_bytes * 4 {
        return Err(ExtractError::TextTooLarge {
            max: limits.max_text_bytes,
        });
    }
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut out = String::new();
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:t" => in_text = true,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:t" => in_text = false,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Ok(Event::Empty(e)) if matches!(e.name().as_ref(), b"w:tab") => out.push('\t'),
            Ok(Event::Empty(e)) if matches!(e.name().as_ref(), b"w:br" | b"w:cr") => out.push('\n'),
            Ok(Event::Text(t)) if in_text => {
                let s = t
                    .decode()
                    .map_err(|e| malformed(format!("bad text in document.xml ({e})")))?;
                out.push_str(
                    &quick_xml::escape::unescape(&s)
                        .map_err(|e| malformed(format!("bad character reference ({e})")))?,
                );
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let name = r.decode().map_err(|e| malformed(e.to_string()))?;
                let reference = format!("&{name};");
                let resolved = quick_xml::escape::unescape(&reference)
                    .map_err(|e| malformed(e.to_string()))?;
                out.push_str(&resolved);
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(malformed(format!(
                    "document.xml is not well-formed at byte {} ({e})",
                    reader.buffer_position()
                )));
            }
            _ => {}
        }
        if out.len() > limits.max_text_bytes {
            return Err(ExtractError::TextTooLarge {
                max: limits.max_text_bytes,
            });
        }
        buf.clear();
    }
    Ok(out)
}
