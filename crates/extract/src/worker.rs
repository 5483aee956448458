//! Extraction in a child process, so that what no `catch_unwind` can stop
//! (a stack overflow, an abort, an endless loop in a parser of untrusted
//! files) ends the child, not the server.
//!
//! The parent runs a worker program (the `passerelle` binary's hidden
//! `extract-worker` command, which calls [`serve`]) with the file on its
//! standard input, and reads the answer from its standard output: a first
//! line `ok FORMAT ENCODING [ocr=LANGS;PAGE@START:CONFIDENCE,...]`
//! followed by the text, or `err` followed by the message. The child is
//! killed when the time limit passes. A worker asked to read scans
//! (`--ocr`) runs the OCR programs as its own children, under its memory
//! cap.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::ocr::{Ocr, OcrPage, Tools};
use crate::{ExtractError, Extracted, Format, Limits, Refusal, extract, extract_scan};

/// The most memory a worker may take (address space, as `ulimit -v`): a
/// compressed stream that inflates to hundreds of megabytes would
/// otherwise take the machine's memory. A file that needs more is refused
/// as too large to read.
pub const MAX_MEMORY: u64 = 1536 << 20;

/// Caps this process's address space at `bytes` (the worker calls it on
/// itself before reading anything). Unix only; elsewhere it does nothing.
pub fn limit_memory(bytes: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        let limit = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        // SAFETY: setrlimit reads the struct we pass and changes only this
        // process's limit.
        if unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    #[cfg(not(unix))]
    let _ = bytes;
    Ok(())
}

/// The worker's side: reads the file from `input`, writes the answer to
/// `output`. With `ocr` (the programs, and the text's languages as ISO
/// codes), a scan is read by OCR; without, it is refused as one.
pub fn serve(
    mut input: impl Read,
    mut output: impl Write,
    file_name: Option<&str>,
    limits: Limits,
    ocr: Option<(&Tools, &[&str])>,
) -> io::Result<()> {
    let mut bytes = Vec::new();
    // One byte over the limit is enough to refuse the file.
    input
        .by_ref()
        .take(limits.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)?;
    let extracted = match ocr {
        Some((tools, languages)) => extract_scan(&bytes, file_name, limits, tools, languages),
        None => extract(&bytes, file_name, limits),
    };
    match extracted {
        Ok(e) => {
            write!(
                output,
                "ok {} {}",
                format_code(e.format),
                e.encoding.unwrap_or("-")
            )?;
            if let Some(ocr) = &e.ocr {
                let pages: Vec<String> = ocr
                    .pages
                    .iter()
                    .map(|p| format!("{}@{}:{:.1}", p.number, p.start, p.confidence))
                    .collect();
                write!(output, " ocr={};{}", ocr.languages, pages.join(","))?;
            }
            writeln!(output)?;
            output.write_all(e.text.as_bytes())?;
        }
        Err(e) => {
            let kind = match e.refusal() {
                Refusal::TooLarge => "too_large",
                Refusal::Unsupported => "unsupported",
                Refusal::Unreadable => "unreadable",
                Refusal::Scan => "scan",
            };
            writeln!(output, "err {kind}")?;
            write!(output, "{e}")?;
        }
    }
    output.flush()
}

fn format_code(f: Format) -> &'static str {
    match f {
        Format::Text => "text",
        Format::Html => "html",
        Format::Docx => "docx",
        Format::Pdf => "pdf",
        Format::Image => "image",
    }
}

fn parse_format(code: &str) -> Option<Format> {
    Some(match code {
        "text" => Format::Text,
        "html" => Format::Html,
        "docx" => Format::Docx,
        "pdf" => Format::Pdf,
        "image" => Format::Image,
        _ => return None,
    })
}

/// Encodings the text decoder reports, so the answer can name them with a
/// `'static` string.
const ENCODINGS: &[&str] = &[
    "UTF-8",
    "UTF-16LE",
    "UTF-16BE",
    "windows-1256",
    "ISO-8859-1",
];

/// Extracts `bytes` by running `program args...` as a worker, killing it
/// after `time_limit`.
pub fn isolated(
    program: &Path,
    args: &[&str],
    bytes: Vec<u8>,
    time_limit: Duration,
) -> Result<Extracted, ExtractError> {
    let failed = |what: &str, e: io::Error| ExtractError::Failed(format!("{what}: {e}"));
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed("the file reader could not be started", e))?;
    let mut stdin = child.stdin.take().expect("piped");
    let mut stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    // The first lines of what the worker says when it fails (a failed
    // allocation under the memory cap), read on their own thread.
    let complaints = std::thread::spawn(move || {
        let mut said = Vec::new();
        let _ = stderr.take(4096).read_to_end(&mut said);
        String::from_utf8_lossy(&said).into_owned()
    });
    // Writing and reading on their own threads: a child that stops reading
    // (or never writes) must not block us past the time limit.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&bytes);
    });
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= time_limit => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = writer.join();
                // The reader thread ends when the pipe closes; not waited
                // for, in case something else still holds the pipe open.
                drop(reader);
                return Err(ExtractError::TimedOut(time_limit.as_secs().max(1)));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(failed("the file reader could not be watched", e)),
        }
    };
    let _ = writer.join();
    let out = reader
        .join()
        .map_err(|_| ExtractError::Failed("the file reader's output was lost".into()))?
        .map_err(|e| failed("the file reader's output could not be read", e))?;
    if !status.success() {
        let said = complaints.join().unwrap_or_default();
        if said.contains("memory allocation") {
            return Err(ExtractError::Refused {
                refusal: Refusal::TooLarge,
                message: format!(
                    "reading this file needs more than the {} MiB of memory a reader may use (a compressed stream that inflates to a very large size?)",
                    MAX_MEMORY >> 20
                ),
            });
        }
        return Err(ExtractError::Crashed(status.to_string()));
    }
    parse_answer(out)
}

fn parse_answer(out: Vec<u8>) -> Result<Extracted, ExtractError> {
    let bad = || ExtractError::Failed("the file reader gave an answer that makes no sense".into());
    let newline = out.iter().position(|b| *b == b'\n').ok_or_else(bad)?;
    let head = std::str::from_utf8(&out[..newline]).map_err(|_| bad())?;
    let body = String::from_utf8(out[newline + 1..].to_vec()).map_err(|_| bad())?;
    let mut words = head.split(' ');
    match words.next() {
        Some("ok") => {
            let format = words.next().and_then(parse_format).ok_or_else(bad)?;
            let encoding = match words.next() {
                Some("-") | None => None,
                Some(e) => Some(
                    ENCODINGS
                        .iter()
                        .copied()
                        .find(|k| *k == e)
                        .or_else(|| {
                            encoding_rs::Encoding::for_label(e.as_bytes()).map(|x| x.name())
                        })
                        .ok_or_else(bad)?,
                ),
            };
            let ocr = match words.next() {
                Some(said) => Some(parse_ocr(said).ok_or_else(bad)?),
                None => None,
            };
            Ok(Extracted {
                text: body,
                format,
                encoding,
                ocr,
            })
        }
        Some("err") => {
            let refusal = match words.next() {
                Some("too_large") => Refusal::TooLarge,
                Some("unsupported") => Refusal::Unsupported,
                Some("scan") => Refusal::Scan,
                _ => Refusal::Unreadable,
            };
            Err(ExtractError::Refused {
                refusal,
                message: body,
            })
        }
        _ => Err(bad()),
    }
}

/// `ocr=LANGS;PAGE@START:CONFIDENCE,...` back to what it says.
fn parse_ocr(said: &str) -> Option<Ocr> {
    let (languages, pages) = said.strip_prefix("ocr=")?.split_once(';')?;
    let pages = pages
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (number, rest) = p.split_once('@')?;
            let (start, confidence) = rest.split_once(':')?;
            Some(OcrPage {
                number: number.parse().ok()?,
                start: start.parse().ok()?,
                confidence: confidence.parse().ok()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Ocr {
        languages: languages.to_string(),
        pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip() {
        let mut out = Vec::new();
        serve(
            &b"Article premier"[..],
            &mut out,
            Some("a.txt"),
            Limits::default(),
            None,
        )
        .unwrap();
        let e = parse_answer(out).unwrap();
        assert_eq!(e.text, "Article premier");
        assert_eq!(e.format, Format::Text);
        let mut out = Vec::new();
        serve(&b""[..], &mut out, None, Limits::default(), None).unwrap();
        let e = parse_answer(out).unwrap_err();
        assert_eq!(e.to_string(), "the file is empty");
        assert_eq!(e.refusal(), Refusal::Unreadable);
        let mut out = Vec::new();
        let small = Limits {
            max_bytes: 3,
            ..Limits::default()
        };
        serve(&b"too long"[..], &mut out, None, small, None).unwrap();
        assert_eq!(parse_answer(out).unwrap_err().refusal(), Refusal::TooLarge);
        let said = parse_ocr("ocr=fra+ara;1@0:91.5,2@120:88.0").unwrap();
        assert_eq!(said.languages, "fra+ara");
        assert_eq!(
            said.pages,
            vec![
                OcrPage {
                    number: 1,
                    start: 0,
                    confidence: 91.5
                },
                OcrPage {
                    number: 2,
                    start: 120,
                    confidence: 88.0
                }
            ]
        );
        assert!(parse_ocr("ocr=fra;x@0:1").is_none());
    }
}
