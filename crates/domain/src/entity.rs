//! What every kind of record has in common, so that storage, import, export
//! and the API treat them uniformly.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::reference;
use crate::validation::{FieldError, Invalid};
use crate::{Agreement, Commitment, Event, Indicator, Practice, Resource};

/// The kinds of record, named as in the API paths (`/api/v1/agreements`).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Agreements,
    Practices,
    Events,
    Commitments,
    Resources,
    Indicators,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Agreements,
        Kind::Practices,
        Kind::Events,
        Kind::Commitments,
        Kind::Resources,
        Kind::Indicators,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Agreements => "agreements",
            Kind::Practices => "practices",
            Kind::Events => "events",
            Kind::Commitments => "commitments",
            Kind::Resources => "resources",
            Kind::Indicators => "indicators",
        }
    }

    /// Singular noun, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Agreements => "agreement",
            Kind::Practices => "practice",
            Kind::Events => "event",
            Kind::Commitments => "commitment",
            Kind::Resources => "resource",
            Kind::Indicators => "indicator observation",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        let s = s.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.noun() == s || (s == "indicator" && *k == Kind::Indicators))
            .ok_or_else(|| {
                format!("unknown kind `{s}`: expected one of agreements, practices, events, commitments, resources, indicators")
            })
    }
}

/// The facets a record is filed under, for filtering lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// Any country involved (party, pledger, participant, subject).
    Country,
    /// A country of origin (role origin or both).
    Origin,
    /// A country of destination (role destination or both).
    Destination,
    /// A corridor, `ORIGIN-DESTINATION`: every origin with every other
    /// destination, so a party in both roles counts each way once
    /// ([`IndexEntry::corridors`]).
    Corridor,
    /// Two countries with a corridor between them either way, `A-B` in
    /// alphabetical order: a partner's count counts each record once.
    Pair,
    /// An M49 region, sub-region or intermediate region.
    Region,
    Objective,
    Principle,
    Sdg,
    Sector,
    Occupation,
    Language,
    /// Another record this one points to, as `kind:id`.
    Ref,
}

impl Facet {
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Country => "country",
            Facet::Origin => "origin",
            Facet::Destination => "destination",
            Facet::Corridor => "corridor",
            Facet::Pair => "pair",
            Facet::Region => "region",
            Facet::Objective => "objective",
            Facet::Principle => "principle",
            Facet::Sdg => "sdg",
            Facet::Sector => "sector",
            Facet::Occupation => "occupation",
            Facet::Language => "language",
            Facet::Ref => "ref",
        }
    }
}

/// A pointer from one record to another, checked when the record is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub field: String,
    pub kind: Kind,
    pub id: String,
}

/// The version of what [`Entity::index`] computes for each kind (columns
/// and facets). The store keeps the version its rows were computed with
/// and computes them again for every record when this is newer: bump it
/// whenever a kind's `index` changes (a new facet, a new way to derive a
/// year), so that records written before are filtered like new ones.
pub const PROJECTION_VERSION: u32 = 1;

/// The columns a record is listed, filtered and sorted by.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexEntry {
    /// Display title.
    pub title: String,
    /// Folded text of every title, for the free-text title filter.
    pub title_text: String,
    pub record_type: Option<String>,
    pub status: Option<String>,
    /// The year the record is listed under (signature, start, publication).
    pub year: Option<i32>,
    /// Sort date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Whether the public may read it (drafts and unpublished submissions
    /// are not public).
    pub public: bool,
    pub facets: Vec<(Facet, String)>,
}

impl IndexEntry {
    pub fn facet(&mut self, facet: Facet, value: impl ToString) {
        let value = value.to_string();
        if !self.facets.iter().any(|(f, v)| *f == facet && *v == value) {
            self.facets.push((facet, value));
        }
    }

    /// Files the record under its corridors (and their pairs of
    /// countries), from the origins and
    /// destinations filed so far: each origin towards each other
    /// destination. This is the one definition of a corridor: the lists,
    /// the search index, the maps and the profiles all read it.
    pub fn corridors(&mut self) {
        let of = |facet: Facet| -> Vec<String> {
            self.facets
                .iter()
                .filter(|(f, _)| *f == facet)
                .map(|(_, v)| v.clone())
                .collect()
        };
        let (origins, destinations) = (of(Facet::Origin), of(Facet::Destination));
        for o in &origins {
            for d in destinations.iter().filter(|d| *d != o) {
                self.facet(Facet::Corridor, format!("{o}-{d}"));
                let (a, b) = if o < d { (o, d) } else { (d, o) };
                self.facet(Facet::Pair, format!("{a}-{b}"));
            }
        }
    }

    /// Files the record under the countries and under their regions.
    pub fn countries<'a>(&mut self, codes: impl IntoIterator<Item = &'a String>) {
        for code in codes {
            self.facet(Facet::Country, code);
            if let Some(c) = reference::country(code) {
                for r in c.regions() {
                    self.facet(Facet::Region, r);
                }
            }
        }
    }

    pub fn reference(&mut self, kind: Kind, id: &str) {
        self.facet(Facet::Ref, format!("{kind}:{id}"));
    }
}

/// A kind of record the registry stores.
pub trait Entity:
    Serialize + DeserializeOwned + JsonSchema + Clone + PartialEq + fmt::Debug + Send + Sync + 'static
{
    const KIND: Kind;

    fn id(&self) -> Option<&str>;
    fn set_id(&mut self, id: String);
    fn slug(&self) -> Option<&str>;
    fn set_slug(&mut self, slug: String);
    /// `(created_at, updated_at)`, RFC 3339, set by the store.
    fn timestamps(&mut self) -> (&mut Option<String>, &mut Option<String>);
    /// Text the slug is made from when none is given.
    fn slug_source(&self) -> String;
    /// An id derived from the record's content, for kinds whose natural key
    /// makes re-imports idempotent without an explicit id.
    fn natural_id(&self) -> Option<String> {
        None
    }
    fn validate(&self) -> Result<(), Invalid>;
    fn index(&self) -> IndexEntry;
    fn references(&self) -> Vec<Reference> {
        Vec::new()
    }
    fn into_any(self) -> AnyRecord;
    fn from_any(any: AnyRecord) -> Option<Self>;
}

/// Implements the id, slug and timestamp accessors of [`Entity`] for a
/// struct with `id`, `slug`, `created_at` and `updated_at` fields.
#[macro_export]
#[doc(hidden)]
macro_rules! entity_fields {
    ($variant:ident) => {
        fn into_any(self) -> $crate::AnyRecord {
            $crate::AnyRecord::$variant(self)
        }
        fn from_any(any: $crate::AnyRecord) -> Option<Self> {
            match any {
                $crate::AnyRecord::$variant(r) => Some(r),
                _ => None,
            }
        }
        fn id(&self) -> Option<&str> {
            self.id.as_deref()
        }
        fn set_id(&mut self, id: String) {
            self.id = Some(id);
        }
        fn slug(&self) -> Option<&str> {
            self.slug.as_deref()
        }
        fn set_slug(&mut self, slug: String) {
            self.slug = Some(slug);
        }
        fn timestamps(&mut self) -> (&mut Option<String>, &mut Option<String>) {
            (&mut self.created_at, &mut self.updated_at)
        }
    };
}

/// A record of any kind, as read from a mixed import file.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyRecord {
    Agreement(Agreement),
    Practice(Practice),
    Event(Event),
    Commitment(Commitment),
    Resource(Resource),
    Indicator(Indicator),
}

/// Runs `$body` with `$r` bound to the record inside an [`AnyRecord`].
#[macro_export]
macro_rules! with_record {
    ($any:expr, $r:ident => $body:expr) => {
        match $any {
            $crate::AnyRecord::Agreement($r) => $body,
            $crate::AnyRecord::Practice($r) => $body,
            $crate::AnyRecord::Event($r) => $body,
            $crate::AnyRecord::Commitment($r) => $body,
            $crate::AnyRecord::Resource($r) => $body,
            $crate::AnyRecord::Indicator($r) => $body,
        }
    };
}

impl AnyRecord {
    pub fn kind(&self) -> Kind {
        match self {
            AnyRecord::Agreement(_) => Kind::Agreements,
            AnyRecord::Practice(_) => Kind::Practices,
            AnyRecord::Event(_) => Kind::Events,
            AnyRecord::Commitment(_) => Kind::Commitments,
            AnyRecord::Resource(_) => Kind::Resources,
            AnyRecord::Indicator(_) => Kind::Indicators,
        }
    }

    /// Reads a record of `kind` from JSON, naming the path of a bad field.
    pub fn from_value(kind: Kind, value: serde_json::Value) -> Result<AnyRecord, Invalid> {
        let mut errors = Vec::new();
        forbidden_text(&value, "", &mut errors);
        if !errors.is_empty() {
            return Err(Invalid(errors));
        }
        Ok(match kind {
            Kind::Agreements => AnyRecord::Agreement(from_json(value)?),
            Kind::Practices => AnyRecord::Practice(from_json(value)?),
            Kind::Events => AnyRecord::Event(from_json(value)?),
            Kind::Commitments => AnyRecord::Commitment(from_json(value)?),
            Kind::Resources => AnyRecord::Resource(from_json(value)?),
            Kind::Indicators => AnyRecord::Indicator(from_json(value)?),
        })
    }

    pub fn to_value(&self) -> serde_json::Value {
        with_record!(self, r => serde_json::to_value(r).expect("records serialize"))
    }

    pub fn id(&self) -> Option<&str> {
        with_record!(self, r => r.id())
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        with_record!(self, r => r.validate())
    }

    pub fn set_id(&mut self, id: String) {
        with_record!(self, r => r.set_id(id))
    }

    pub fn slug(&self) -> Option<&str> {
        with_record!(self, r => r.slug())
    }

    pub fn set_slug(&mut self, slug: String) {
        with_record!(self, r => r.set_slug(slug))
    }

    pub fn slug_source(&self) -> String {
        with_record!(self, r => r.slug_source())
    }

    pub fn natural_id(&self) -> Option<String> {
        with_record!(self, r => r.natural_id())
    }

    pub fn timestamps(&mut self) -> (&mut Option<String>, &mut Option<String>) {
        with_record!(self, r => r.timestamps())
    }

    pub fn index(&self) -> IndexEntry {
        with_record!(self, r => r.index())
    }

    pub fn references(&self) -> Vec<Reference> {
        with_record!(self, r => r.references())
    }
}

/// Reads a value from JSON; a bad field is named by its path
/// (`parties[1].role`).
pub fn from_json<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Invalid> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            "body".to_string()
        } else {
            path
        };
        Invalid::one(field, e.into_inner().to_string())
    })
}

/// Whether no stored text may hold `c`: a control character other than tab
/// and line breaks, or a non-character (U+FFFE, U+FFFF). XML forbids them,
/// so feeds and exports would break, and PostgreSQL refuses NUL.
pub fn forbidden_character(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' | '\u{fffe}' | '\u{ffff}')
}

/// Every string of `value` (keys included) that holds a forbidden
/// character, as an error naming its field (`parties[1].country`).
fn forbidden_text(value: &serde_json::Value, path: &str, errors: &mut Vec<FieldError>) {
    use serde_json::Value;
    let check = |errors: &mut Vec<FieldError>, field: &str, text: &str| {
        if let Some(c) = text.chars().find(|&c| forbidden_character(c)) {
            let field = if field.is_empty() { "body" } else { field };
            errors.push(FieldError::new(
                field,
                format!(
                    "holds the control character U+{:04X}, which no text may hold",
                    c as u32
                ),
            ));
        }
    };
    match value {
        Value::String(s) => check(errors, path, s),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                forbidden_text(v, &format!("{path}[{i}]"), errors);
            }
        }
        Value::Object(fields) => {
            for (k, v) in fields {
                let field = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                check(errors, &field, k);
                forbidden_text(v, &field, errors);
            }
        }
        _ => {}
    }
}
