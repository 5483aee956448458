//! Commitments (pledges) made by countries and organisations, with a dated
//! history of status updates.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::agreement::{enum_str, titles_text};
use crate::entity::{Entity, Facet, IndexEntry, Kind, Reference};
use crate::reference::Principle;
use crate::text::{Date, LocalText, Localized, Source, fold};
use crate::validation::{Check, Invalid};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    Financial,
    HumanResources,
    Process,
    Policy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Individual,
    Common,
    Partnership,
    /// Matches another commitment, named in `matches`.
    Matching,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    /// Nobody has reported progress with a source: the hub does not guess.
    #[default]
    NotReported,
    YetToStart,
    InProgress,
    Completed,
    Withdrawn,
}

/// One dated entry of a commitment's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusUpdate {
    pub on: Date,
    pub status: CommitmentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the status was reported (a progress report, a review, an
    /// official statement). Required for every status but `not_reported`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

pub const DESCRIPTION_MIN: usize = 300;
pub const DESCRIPTION_MAX: usize = 3000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub titles: Localized,
    /// 300 to 3,000 characters.
    pub description: String,
    /// The description in the other interface languages, where written.
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub descriptions: Localized,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub summary: Localized,
    pub kind: CommitmentKind,
    pub modality: Modality,
    /// The commitment this one matches (modality `matching`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<LocalText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principles: Vec<Principle>,
    /// The event where it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_on: Option<Date>,
    #[serde(default)]
    pub status: CommitmentStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusUpdate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

impl Commitment {
    /// Appends a status update to the history and makes it current. Updates
    /// must not go back in time, so the history stays in date order.
    pub fn record_status(&mut self, update: StatusUpdate) -> Result<(), Invalid> {
        if update.status != CommitmentStatus::NotReported && update.source.is_none() {
            return Err(Invalid::one(
                "source",
                "is required: say where this status was reported (a progress report, a review, an official statement) so readers can check it",
            ));
        }
        // A status says what has happened: one dated in the future would
        // also block every real update until then (updates keep date order).
        // A day of margin allows for time zones.
        let tomorrow = crate::text::Date::today().next_day();
        if update.on > tomorrow {
            return Err(Invalid::one(
                "on",
                format!(
                    "{} is in the future; a status says what has happened",
                    update.on
                ),
            ));
        }
        if let Some(last) = self.history.last()
            && update.on < last.on
        {
            return Err(Invalid::one(
                "on",
                format!("{} is before the latest update ({})", update.on, last.on),
            ));
        }
        self.status = update.status;
        self.history.push(update);
        Ok(())
    }
}

impl Commitment {
    /// Past its target date and neither completed nor withdrawn on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        is_overdue(self.target_on, self.status, today)
    }
}

/// The one rule for "overdue", shared by the record, the API and the pages.
pub fn is_overdue(target_on: Option<Date>, status: CommitmentStatus, today: Date) -> bool {
    target_on.is_some_and(|t| t < today)
        && !matches!(
            status,
            CommitmentStatus::Completed | CommitmentStatus::Withdrawn
        )
}

impl Entity for Commitment {
    const KIND: Kind = Kind::Commitments;
    crate::entity_fields!(Commitment);

    fn slug_source(&self) -> String {
        self.titles
            .get(crate::Lang::En)
            .unwrap_or(&self.title)
            .to_string()
    }

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("id", self.id.as_deref());
        c.slug(self.slug.as_deref());
        c.required("title", &self.title);
        c.max_len("title", &self.title, 500);
        let n = self.description.trim().chars().count();
        if !(DESCRIPTION_MIN..=DESCRIPTION_MAX).contains(&n) {
            c.fail(
                "description",
                format!(
                    "must be {DESCRIPTION_MIN} to {DESCRIPTION_MAX} characters long; it is {n}"
                ),
            );
        }
        match (self.modality, &self.matches) {
            (Modality::Matching, None) => {
                c.fail("matches", "is required when modality is `matching`: give the id of the commitment this one matches")
            }
            (Modality::Matching, Some(m)) if Some(m.as_str()) == self.id.as_deref() => {
                c.fail("matches", "a commitment cannot match itself")
            }
            (Modality::Matching, Some(m)) => c.id("matches", Some(m)),
            (_, Some(_)) => c.fail("matches", "is only allowed when modality is `matching`"),
            (_, None) => {}
        }
        if self.countries.is_empty() && self.organisations.is_empty() {
            c.fail(
                "countries",
                "a commitment needs at least one pledging country or organisation",
            );
        }
        c.countries("countries", &self.countries);
        c.local_texts("organisations", &self.organisations);
        c.objectives("objectives", &self.objectives);
        c.id("event", self.event.as_deref());
        let tomorrow = crate::text::Date::today().next_day();
        for (i, h) in self.history.iter().enumerate() {
            if h.on > tomorrow {
                c.fail(
                    format!("history[{i}].on"),
                    "is in the future; a status says what has happened",
                );
            }
        }
        for (i, h) in self.history.iter().enumerate() {
            if h.status != CommitmentStatus::NotReported && h.source.is_none() {
                c.fail(
                    format!("history[{i}].source"),
                    "is required: say where this status was reported so readers can check it",
                );
            } else if let Some(src) = &h.source {
                c.url(&format!("history[{i}].source.url"), &src.url);
            }
        }
        if self.history.is_empty() && self.status != CommitmentStatus::NotReported {
            c.fail(
                "status",
                "needs a sourced entry in `history`; without one the status is `not_reported`",
            );
        }
        for i in 1..self.history.len() {
            if self.history[i].on < self.history[i - 1].on {
                c.fail(
                    format!("history[{i}].on"),
                    "status updates must be in date order, oldest first",
                );
            }
        }
        if let Some(last) = self.history.last()
            && last.status != self.status
        {
            c.fail(
                "status",
                "must equal the status of the latest history entry",
            );
        }
        c.sources("sources", &self.sources);
        c.finish()
    }

    fn index(&self) -> IndexEntry {
        let date = self.history.first().map(|h| h.on).or(self.target_on);
        let mut e = IndexEntry {
            title: self.title.clone(),
            title_text: fold(&titles_text(&self.title, &self.titles)),
            record_type: Some(enum_str(&self.kind)),
            status: Some(enum_str(&self.status)),
            year: date.map(|d| d.year()),
            date: date.map(|d| d.to_string()),
            public: true,
            facets: Vec::new(),
        };
        e.countries(&self.countries);
        for o in &self.objectives {
            e.facet(Facet::Objective, o);
        }
        for p in &self.principles {
            e.facet(Facet::Principle, p);
        }
        for r in self.references() {
            e.reference(r.kind, &r.id);
        }
        e
    }

    fn references(&self) -> Vec<Reference> {
        let mut refs = Vec::new();
        if let Some(m) = &self.matches {
            refs.push(Reference {
                field: "matches".into(),
                kind: Kind::Commitments,
                id: m.clone(),
            });
        }
        if let Some(ev) = &self.event {
            refs.push(Reference {
                field: "event".into(),
                kind: Kind::Events,
                id: ev.clone(),
            });
        }
        refs
    }
}
