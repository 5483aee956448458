//! What a record gives to the index: its titles and texts with their
//! languages, the names it should be found by, its facet codes, and the
//! clauses of its documents.

use passerelle_assess::{language, segment};
use passerelle_domain::{AnyRecord, Document, Facet, Kind, Lang, LocalText, Localized, reference};

/// One record, ready to index.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// `kind:id`, the key its index documents are deleted by.
    pub key: String,
    pub kind: String,
    pub id: String,
    /// The display title and the title in each language it is given in.
    pub title: String,
    pub titles: Localized,
    /// Title texts with their languages (`None`: unknown or other).
    pub title_texts: Vec<(Option<Lang>, String)>,
    /// Summaries, descriptions, outcomes: what the record says.
    pub bodies: Vec<(Option<Lang>, String)>,
    /// Country names in the four languages, organisations, places: words a
    /// record is found by whatever the language of the query.
    pub names: Vec<String>,
    /// Facet `(dimension, code)` pairs; see [`crate::FACETS`].
    pub facets: Vec<(&'static str, String)>,
    pub year: Option<i64>,
    /// `YYYYMMDD`, for sorting by date.
    pub date: Option<i64>,
    pub public: bool,
    /// Whether the public may read the texts (an agreement's `text_public`);
    /// clauses of a text that is not public are found only by those allowed.
    pub text_public: bool,
    pub clauses: Vec<ClauseEntry>,
}

/// One clause of a document attached to an agreement.
#[derive(Clone, Debug)]
pub struct ClauseEntry {
    pub document_id: String,
    pub label: String,
    /// Byte offset of the clause in the document's text.
    pub start: usize,
    pub lang: Option<Lang>,
    pub text: String,
}

/// The language of an untagged text, among the four.
pub fn detect(text: &str) -> Option<Lang> {
    Lang::parse(language::detect(text).code())
}

/// The index entry of a record and its documents; `None` for kinds that are
/// not searched as text (indicator observations are figures).
pub fn entry(record: &AnyRecord, documents: &[Document]) -> Option<Entry> {
    let kind = record.kind();
    if kind == Kind::Indicators {
        return None;
    }
    let id = record.id()?.to_string();
    let index = record.index();
    let mut e = Entry {
        key: format!("{kind}:{id}"),
        kind: kind.as_str().to_string(),
        id,
        title: index.title.clone(),
        year: index.year.map(i64::from),
        date: index.date.as_deref().and_then(date_number),
        public: index.public,
        text_public: match record {
            AnyRecord::Agreement(a) => a.text_public,
            _ => true,
        },
        ..Entry::default()
    };
    e.facets.push(("kind", kind.as_str().to_string()));
    if let Some(t) = &index.record_type {
        e.facets.push(("type", t.clone()));
    }
    if let Some(s) = &index.status {
        e.facets.push(("status", s.clone()));
    }
    if let Some(y) = index.year {
        e.facets.push(("year", y.to_string()));
    }
    for (facet, value) in &index.facets {
        match facet {
            // Links between records are not facets.
            Facet::Ref => continue,
            Facet::Country => {
                if let Some(c) = reference::country(value) {
                    e.names.extend(c.names.0.values().cloned());
                }
            }
            _ => {}
        }
        e.facets.push((facet.as_str(), value.clone()));
    }
    texts(record, &mut e);
    if let AnyRecord::Agreement(_) = record {
        for doc in documents {
            e.clauses.extend(clauses(doc));
        }
    }
    Some(e)
}

fn date_number(date: &str) -> Option<i64> {
    date.get(..10)?.replace('-', "").parse().ok()
}

fn localized(e: &mut Entry, texts: &Localized, title: bool) {
    for (lang, text) in &texts.0 {
        if text.trim().is_empty() {
            continue;
        }
        let target = if title {
            &mut e.title_texts
        } else {
            &mut e.bodies
        };
        target.push((Some(*lang), text.clone()));
    }
    if title {
        e.titles = texts.clone();
    }
}

fn untagged(e: &mut Entry, text: &str) {
    if !text.trim().is_empty() {
        e.bodies.push((detect(text), text.to_string()));
    }
}

fn texts(record: &AnyRecord, e: &mut Entry) {
    let title = e.title.clone();
    let title_lang = match record {
        AnyRecord::Agreement(a) => a.title_language.as_deref().and_then(Lang::parse),
        _ => None,
    }
    .or_else(|| detect(&title));
    e.title_texts.push((title_lang, title));
    match record {
        AnyRecord::Agreement(a) => {
            localized(e, &a.titles, true);
            localized(e, &a.summary, false);
            for n in a.notes.iter().flat_map(LocalText::texts) {
                untagged(e, n);
            }
            e.names.extend(
                a.implementing_agencies
                    .iter()
                    .flat_map(LocalText::texts)
                    .map(str::to_string),
            );
            e.names.extend(
                a.place_signed
                    .iter()
                    .flat_map(LocalText::texts)
                    .map(str::to_string),
            );
        }
        AnyRecord::Practice(p) => {
            localized(e, &p.titles, true);
            localized(e, &p.summary, false);
            e.names.extend(
                p.implementing_entities
                    .iter()
                    .flat_map(LocalText::texts)
                    .map(str::to_string),
            );
        }
        AnyRecord::Event(v) => {
            localized(e, &v.titles, true);
            localized(e, &v.summary, false);
            localized(e, &v.outcomes, false);
            for c in &v.challenges {
                localized(e, c, false);
            }
            e.names.extend(
                v.organisations
                    .iter()
                    .flat_map(LocalText::texts)
                    .map(str::to_string),
            );
            e.names.extend(
                v.place
                    .iter()
                    .flat_map(LocalText::texts)
                    .map(str::to_string),
            );
        }
        AnyRecord::Commitment(c) => {
            localized(e, &c.titles, true);
            untagged(e, &c.description);
            localized(e, &c.descriptions, false);
            localized(e, &c.summary, false);
            for h in &c.history {
                untagged(e, h.note.as_deref().unwrap_or_default());
            }
            e.names.extend(
                c.organisations
                    .iter()
                    .flat_map(LocalText::texts)
                    .map(str::to_string),
            );
        }
        AnyRecord::Resource(r) => {
            localized(e, &r.titles, true);
            localized(e, &r.summary, false);
            e.names.extend(
                r.publisher
                    .iter()
                    .flat_map(LocalText::texts)
                    .map(str::to_string),
            );
        }
        AnyRecord::Indicator(_) => {}
    }
}

/// Splits a document's text into clauses; each clause is indexed on its own
/// so that a hit can name the article and point into the text.
pub fn clauses(doc: &Document) -> Vec<ClauseEntry> {
    let Some(text) = doc.text.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Vec::new();
    };
    let doc_lang = doc.language.as_deref().and_then(Lang::parse);
    segment::segment(text)
        .into_iter()
        .filter(|c| !text[c.start..c.end].trim().is_empty())
        .map(|c| {
            let body = &text[c.start..c.end];
            ClauseEntry {
                document_id: doc.id.clone(),
                label: c.label,
                start: c.start,
                lang: doc_lang.or_else(|| detect(body)),
                text: body.to_string(),
            }
        })
        .collect()
}
