//! Plain text in the encodings agreements arrive in.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1256};

use crate::ExtractError;

/// Decodes text: a byte order mark decides; else UTF-8 if valid; else
/// Windows-1256 when the high bytes read as Arabic letters, else Latin-1
/// (as Windows-1252, its superset).
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), ExtractError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(ExtractError::Malformed {
                format: "text",
                detail: format!(
                    "it starts with a {} byte order mark but is not valid {}",
                    encoding.name(),
                    encoding.name()
                ),
            });
        }
        return Ok((text.into_owned(), encoding.name()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.contains('\0') {
            return Err(binary());
        }
        return Ok((text.to_string(), UTF_8.name()));
    }
    // UTF-16 without a byte order mark: every other byte zero in ASCII text.
    let zeros_odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let zeros_even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let half = bytes.len() / 2;
    if half > 8 && zeros_odd * 10 > half * 3 && zeros_even * 10 < half {
        return Ok((
            UTF_16LE.decode_without_bom_handling(bytes).0.into_owned(),
            UTF_16LE.name(),
        ));
    }
    if half > 8 && zeros_even * 10 > half * 3 && zeros_odd * 10 < half {
        return Ok((
            UTF_16BE.decode_without_bom_handling(bytes).0.into_owned(),
            UTF_16BE.name(),
        ));
    }
    if bytes.contains(&0) {
        return Err(binary());
    }
    let arabic = WINDOWS_1256.decode_without_bom_handling(bytes).0;
    let letters = arabic.chars().filter(|c| !c.is_ascii()).count();
    let arabic_letters = arabic
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count();
    if letters > 0 && arabic_letters * 10 >= letters * 7 {
        return Ok((arabic.into_owned(), WINDOWS_1256.name()));
    }
    Ok((
        WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        "ISO-8859-1",
    ))
}

fn binary() -> ExtractError {
    ExtractError::Malformed {
        format: "text",
        detail: "it contains binary data".into(),
    }
}
