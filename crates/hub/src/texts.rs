//! Texts: reading a file and assessing it (a draft, nothing stored), and
//! an agreement's texts (attach, assess and store, review, recompute,
//! remove).

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use passerelle_assess::{Language, Report};
use passerelle_domain::Document;
use passerelle_domain::Invalid;
use passerelle_domain::account::Permission;
use passerelle_domain::assessment::{Assessment, Review};
use passerelle_domain::document::{MAX_DOCUMENT_BYTES, MEDIA_TYPES, Ocr, OcrPage};
use passerelle_extract::{ExtractError, Limits, Refusal, extract, extract_scan, worker};
use passerelle_store::NewDocument;

use crate::{Caller, Hub, HubError, assessor, stored};

/// Reading and assessing one file may take this long; a file that takes
/// longer is refused (the work is abandoned on its thread).
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Reading a scan by OCR and assessing it may take this long: a page takes
/// one to three seconds on one core of a small server.
pub const OCR_TIME_LIMIT: Duration = Duration::from_secs(300);

/// A file read and assessed: the report, the text, and how the text was
/// read when by OCR.
pub struct Read {
    pub report: Report,
    pub text: String,
    pub ocr: Option<Ocr>,
}

/// The extractor's OCR note as the registry keeps it.
fn ocr_note(ocr: passerelle_extract::ocr::Ocr) -> Ocr {
    Ocr {
        languages: ocr.languages,
        pages: ocr
            .pages
            .into_iter()
            .map(|p| OcrPage {
                number: p.number,
                start: p.start,
                // One decimal is all a reader is told, and f32's own
                // digits would show in JSON as 96.0999984741211.
                confidence: (f64::from(p.confidence) * 10.0).round() / 10.0,
            })
            .collect(),
    }
}

/// How uploaded files are read.
#[derive(Clone, Debug, Default)]
pub enum FileReader {
    /// In this process, with panics caught (tests, tools).
    #[default]
    InProcess,
    /// In a child process running this program with `extract-worker`
    /// arguments, killed at the time limit: a stack overflow or an endless
    /// loop in a parser then ends the child, not the server.
    Worker(Arc<std::path::PathBuf>),
}

/// A file to read: its bytes, the name it came with (which says its
/// format when the bytes do not) and the language, if known.
pub struct Upload<'a> {
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub language: Option<&'a str>,
    pub bytes: Bytes,
    /// Where it was fetched from, when it was (see `Hub::attach_from`).
    pub source_url: Option<&'a str>,
}

/// An attached text and what became of its assessment: stored, or why
/// there is none (a scan, a file that takes too long to read); the text
/// is kept either way.
pub struct Attached {
    pub document: Document,
    pub assessment: Result<Assessment, HubError>,
}

/// Files read and assessed at once: one per core, so that many uploads at
/// once queue instead of taking every core and the memory of one reader
/// each; a request that cannot start within the time limit is told the
/// server is busy.
fn readers() -> Arc<tokio::sync::Semaphore> {
    static READERS: std::sync::OnceLock<Arc<tokio::sync::Semaphore>> = std::sync::OnceLock::new();
    READERS
        .get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            Arc::new(tokio::sync::Semaphore::new(cores))
        })
        .clone()
}

impl Hub {
    /// Reads a file and assesses its text off the async threads, under
    /// the time limit, storing nothing. A scan (an image, or a PDF without
    /// a text layer) is read by OCR in `lang`, or in every language the
    /// rubric has, under [`OCR_TIME_LIMIT`].
    pub async fn assess_file(
        &self,
        bytes: Bytes,
        file_name: Option<String>,
        lang: Option<Language>,
        max_bytes: usize,
    ) -> Result<Read, HubError> {
        let ocr_languages = lang.map(|l| vec![l.code().to_string()]).unwrap_or_default();
        self.read_and_assess(bytes, file_name, lang, ocr_languages, max_bytes)
            .await
    }

    /// [`Hub::assess_file`], with the languages OCR reads a scan in (ISO
    /// codes) given apart from the assessment's language.
    async fn read_and_assess(
        &self,
        bytes: Bytes,
        file_name: Option<String>,
        lang: Option<Language>,
        ocr_languages: Vec<String>,
        max_bytes: usize,
    ) -> Result<Read, HubError> {
        let Ok(Ok(permit)) = tokio::time::timeout(TIME_LIMIT, readers().acquire_owned()).await
        else {
            return Err(HubError::Busy(TIME_LIMIT.as_secs()));
        };
        let permit = Arc::new(permit);
        let limits = Limits {
            max_bytes,
            ..Limits::default()
        };
        let first = self
            .read_pass(
                Arc::clone(&permit),
                bytes.clone(),
                file_name.clone(),
                lang,
                limits,
                None,
            )
            .await;
        match first {
            Err(HubError::Unreadable(e)) if e.refusal() == Refusal::Scan => {
                self.read_pass(permit, bytes, file_name, lang, limits, Some(ocr_languages))
                    .await
            }
            done => done,
        }
    }

    /// One reading of a file and the assessment of its text, under the
    /// time limit of its kind: [`TIME_LIMIT`], or [`OCR_TIME_LIMIT`] when
    /// `ocr` (the languages to read a scan in) is given.
    async fn read_pass(
        &self,
        permit: Arc<tokio::sync::OwnedSemaphorePermit>,
        bytes: Bytes,
        file_name: Option<String>,
        lang: Option<Language>,
        limits: Limits,
        ocr: Option<Vec<String>>,
    ) -> Result<Read, HubError> {
        let reader = self.reader.clone();
        let limit = if ocr.is_some() {
            OCR_TIME_LIMIT
        } else {
            TIME_LIMIT
        };
        // Set when the answer has gone: the assessment stops at its next look.
        let given_up = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = Arc::clone(&given_up);
        let work = tokio::task::spawn_blocking(move || {
            // Held until the work ends, even when the request has given up.
            let _permit = permit;
            let languages: Vec<&str> = ocr.iter().flatten().map(String::as_str).collect();
            let extracted = match reader {
                FileReader::InProcess => match &ocr {
                    Some(_) => extract_scan(
                        &bytes,
                        file_name.as_deref(),
                        limits,
                        &passerelle_extract::ocr::Tools::default(),
                        &languages,
                    )?,
                    None => extract(&bytes, file_name.as_deref(), limits)?,
                },
                FileReader::Worker(program) => {
                    let max = limits.max_bytes.to_string();
                    // `--file-name=NAME` in one argument: a name that starts
                    // with `-` stays a value, never an option.
                    let name = file_name.as_deref().map(|n| format!("--file-name={n}"));
                    let ocr_arg = ocr
                        .as_ref()
                        .map(|_| format!("--ocr={}", languages.join(",")));
                    let mut args = vec!["extract-worker", "--max-bytes", max.as_str()];
                    args.extend(name.as_deref());
                    args.extend(ocr_arg.as_deref());
                    worker::isolated(&program, &args, bytes.to_vec(), limit)?
                }
            };
            let report = assessor()
                .assess_unless(&extracted.text, lang, &stop)
                .ok_or(ExtractError::TimedOut(limit.as_secs()))?;
            Ok::<_, ExtractError>(Read {
                report,
                text: extracted.text,
                ocr: extracted.ocr.map(ocr_note),
            })
        });
        // The worker stops itself at its limit; this one is for the
        // assessment and for reading in process.
        match tokio::time::timeout(limit + Duration::from_secs(2), work).await {
            Ok(Ok(Ok(done))) => Ok(done),
            Ok(Ok(Err(e))) => Err(HubError::Unreadable(e)),
            Ok(Err(_)) => Err(HubError::Unreadable(ExtractError::Failed(
                "the assessment failed".into(),
            ))),
            Err(_) => {
                given_up.store(true, std::sync::atomic::Ordering::Relaxed);
                Err(HubError::TooSlow(limit.as_secs()))
            }
        }
    }

    /// Attaches a file to agreement `key` after checking its type against
    /// its bytes, then reads, assesses and stores its assessment.
    pub async fn attach(
        &self,
        caller: &Caller,
        key: &str,
        upload: Upload<'_>,
    ) -> Result<Attached, HubError> {
        caller.require(Permission::AttachDocuments)?;
        let Upload {
            file_name,
            media_type,
            language,
            bytes,
            source_url,
        } = upload;
        if !MEDIA_TYPES.contains(&media_type) {
            return Err(HubError::UnsupportedMediaType(format!(
                "`{media_type}` is not accepted; send one of: {}",
                MEDIA_TYPES.join(", ")
            )));
        }
        if bytes.is_empty() {
            return Err(Invalid::one("body", "the file is empty").into());
        }
        check_content(media_type, &bytes).map_err(|m| Invalid::one("body", m))?;
        // Plain UTF-8 text is its own extracted text; other formats are
        // read below.
        let text = (media_type == "text/plain")
            .then(|| std::str::from_utf8(&bytes).ok().map(str::to_string))
            .flatten();
        let document = self
            .store
            .attach_document(
                &caller.actor,
                key,
                NewDocument {
                    file_name,
                    media_type,
                    language,
                    text,
                    bytes: &bytes,
                    source_url,
                },
            )
            .await?;
        // A scan is read in the language the text was given, else in the
        // agreement's languages, else in all the rubric's.
        let ocr_languages = match &document.language {
            Some(l) => vec![l.clone()],
            None => self
                .store
                .get_json(passerelle_domain::Kind::Agreements, key, true)
                .await?
                .and_then(|a| {
                    a["languages"].as_array().map(|ls| {
                        ls.iter()
                            .filter_map(|l| l.as_str().map(str::to_string))
                            .collect()
                    })
                })
                .unwrap_or_default(),
        };
        let assessment = match self
            .read_and_assess(
                bytes,
                Some(document.file_name.clone()),
                None,
                ocr_languages,
                MAX_DOCUMENT_BYTES,
            )
            .await
        {
            Ok(read) => {
                self.store_report(&caller.actor, &document, &read, &passerelle_store::now())
                    .await
            }
            Err(e) => Err(e),
        };
        // The document as it now stands (its text and OCR note, when read).
        let document = match self.store.document(&document.id).await {
            Ok(Some(now)) => now,
            _ => document,
        };
        Ok(Attached {
            document,
            assessment,
        })
    }

    /// Fetches a text from its official address (a gazette's permanent
    /// link: a PDF or an HTML page) under the fetch policy, then attaches
    /// it as an upload would be, with the address it came from.
    pub async fn attach_from(
        &self,
        caller: &Caller,
        key: &str,
        url: &str,
        language: Option<&str>,
    ) -> Result<Attached, HubError> {
        caller.require(Permission::AttachDocuments)?;
        // The agreement first: nothing is fetched for one that is not there.
        if self
            .store
            .get_json(passerelle_domain::Kind::Agreements, key, true)
            .await?
            .is_none()
        {
            return Err(HubError::Store(passerelle_store::StoreError::NotFound {
                kind: passerelle_domain::Kind::Agreements,
                id: key.to_string(),
            }));
        }
        let fetched = crate::fetch::fetch(url, &self.fetch_policy).await?;
        self.attach(
            caller,
            key,
            Upload {
                file_name: &fetched.file_name,
                media_type: &fetched.media_type,
                language,
                bytes: fetched.bytes,
                source_url: Some(&fetched.url),
            },
        )
        .await
    }

    /// Removes a text (its assessment goes with it).
    pub async fn detach(&self, caller: &Caller, document_id: &str) -> Result<(), HubError> {
        caller.require(Permission::AttachDocuments)?;
        Ok(self
            .store
            .detach_document(&caller.actor, document_id)
            .await?)
    }

    /// A reviewer's decision on one element of agreement `agreement_id`'s
    /// assessment.
    pub async fn review(
        &self,
        caller: &Caller,
        agreement_id: &str,
        element: &str,
        review: &Review,
    ) -> Result<Assessment, HubError> {
        caller.require(Permission::ReviewFindings)?;
        Ok(self
            .store
            .review(&caller.actor, agreement_id, element, review)
            .await?)
    }

    /// Reads and assesses again the document agreement `agreement_id`'s
    /// assessment rests on, with the current rubric; reviewers' decisions
    /// are kept.
    pub async fn recompute(
        &self,
        caller: &Caller,
        agreement_id: &str,
    ) -> Result<Assessment, HubError> {
        caller.require(Permission::ReviewFindings)?;
        let current = self.store.assessment(agreement_id).await?.ok_or_else(|| {
            HubError::NotFound(format!(
                "agreement `{agreement_id}` has no assessment to recompute"
            ))
        })?;
        let doc = self
            .store
            .document(&current.document_id)
            .await?
            .ok_or_else(|| HubError::NotFound("the assessed document is gone".into()))?;
        let bytes =
            self.store.blob(&doc.sha256).await?.ok_or_else(|| {
                HubError::NotFound("the assessed document's content is gone".into())
            })?;
        // A scan's text is not read again (OCR takes minutes and gives the
        // same words): the rubric is applied to the text kept.
        let read = match (&doc.ocr, &doc.text) {
            (Some(ocr), Some(text)) => {
                let (text, ocr) = (text.clone(), ocr.clone());
                let report = tokio::task::spawn_blocking(move || {
                    let report = assessor().assess(&text, None);
                    (report, text)
                })
                .await
                .map_err(|_| {
                    HubError::Unreadable(ExtractError::Failed("the assessment failed".into()))
                })?;
                Read {
                    report: report.0,
                    text: report.1,
                    ocr: Some(ocr),
                }
            }
            _ => {
                self.read_and_assess(
                    bytes.into(),
                    Some(doc.file_name.clone()),
                    None,
                    doc.language.iter().cloned().collect(),
                    MAX_DOCUMENT_BYTES,
                )
                .await?
            }
        };
        self.store_report(&caller.actor, &doc, &read, &passerelle_store::now())
            .await
    }

    /// Stores the machine's report on `document` as its assessment, with
    /// the text read and how it was read; reviewers' decisions on an
    /// earlier one are kept (see `Store::save_assessment`).
    pub async fn store_report(
        &self,
        actor: &str,
        document: &Document,
        read: &Read,
        now: &str,
    ) -> Result<Assessment, HubError> {
        let assessment = stored(&read.report, &document.agreement_id, &document.id, now);
        Ok(self
            .store
            .save_assessment(actor, assessment, Some((&read.text, read.ocr.as_ref())))
            .await?)
    }

    /// Attaches texts to agreements in one transaction and assesses them
    /// all (see [`Hub::assess_stored_texts`]): how a generated corpus gets
    /// its texts and findings as a real one would.
    pub async fn attach_texts(
        &self,
        caller: &Caller,
        files: Vec<(String, NewDocument<'_>)>,
    ) -> Result<Vec<Assessment>, HubError> {
        caller.require(Permission::AttachDocuments)?;
        let docs = self.store.attach_documents(&caller.actor, files).await?;
        self.assess_stored_texts(caller, docs).await
    }

    /// Assesses the texts of documents already stored (texts read before,
    /// or generated) and stores every assessment in one transaction,
    /// off the async threads. A document without a text is skipped.
    pub async fn assess_stored_texts(
        &self,
        caller: &Caller,
        documents: Vec<Document>,
    ) -> Result<Vec<Assessment>, HubError> {
        caller.require(Permission::ReviewFindings)?;
        let now = passerelle_store::now();
        let assessments = tokio::task::spawn_blocking(move || {
            documents
                .into_iter()
                .filter_map(|doc| {
                    let text = doc.text.as_deref()?;
                    let language = doc.language.as_deref().and_then(Language::parse);
                    let report = assessor().assess(text, language);
                    Some(stored(&report, &doc.agreement_id, &doc.id, &now))
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| HubError::Engine(e.to_string()))?;
        Ok(self
            .store
            .save_assessments(&caller.actor, assessments)
            .await?)
    }
}

/// Whether a file's bytes are what its media type says (a PDF starts
/// `%PDF-`, a DOCX is a zip, text has no NUL unless UTF-16).
fn check_content(media_type: &str, bytes: &[u8]) -> Result<(), String> {
    let ok = match media_type {
        "application/pdf" => bytes.starts_with(b"%PDF-"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            bytes.starts_with(b"PK\x03\x04")
        }
        "image/png" | "image/jpeg" | "image/tiff" => {
            passerelle_extract::image_type(bytes) == Some(media_type)
        }
        _ => {
            !bytes.contains(&0)
                || bytes.starts_with(&[0xFF, 0xFE])
                || bytes.starts_with(&[0xFE, 0xFF])
        }
    };
    if ok {
        Ok(())
    } else {
        Err(format!("the file's content is not {media_type}"))
    }
}
