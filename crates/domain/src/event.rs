//! Events where practices are shared and commitments made: consultations,
//! peer exchanges such as the GCM Talks, meetings and trainings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::agreement::{enum_str, titles_text};
use crate::entity::{Entity, Facet, IndexEntry, Kind, Reference};
use crate::text::{Date, LocalText, Localized, Source, fold};
use crate::validation::{Check, Invalid};

/// Someone who spoke at or organised an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    /// Their title or function, by language.
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub role: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<LocalText>,
    /// What they did: a session, the opening, moderation.
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub part: Localized,
    /// What they said, in our words.
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub summary: Localized,
    /// Where it says they took part: a real person is never listed without one.
    pub source: Source,
}

/// Whom the press may contact about an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PressContact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Consultation,
    PeerExchange,
    Meeting,
    Training,
    Conference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventFormat {
    InPerson,
    Online,
    Hybrid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Open,
    MemberStates,
    Invitation,
    Internal,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub titles: Localized,
    pub kind: EventKind,
    pub start_on: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<LocalText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<EventFormat>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interpretation_languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<LocalText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<u8>,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub summary: Localized,
    /// Summary of outcomes.
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub outcomes: Localized,
    /// Challenges identified.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Localized>,
    /// Ids of practices presented.
    /// People who spoke at or organised the event, each with the source
    /// that names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub press_contacts: Vec<PressContact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practices: Vec<String>,
    /// Ids of agreements discussed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

impl Entity for Event {
    const KIND: Kind = Kind::Events;
    crate::entity_fields!(Event);

    fn slug_source(&self) -> String {
        let title = self.titles.get(crate::Lang::En).unwrap_or(&self.title);
        format!("{title} {}", self.start_on.year())
    }

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("id", self.id.as_deref());
        c.slug(self.slug.as_deref());
        c.required("title", &self.title);
        c.max_len("title", &self.title, 500);
        c.order(("start_on", Some(self.start_on)), ("end_on", self.end_on));
        c.languages("interpretation_languages", &self.interpretation_languages);
        c.countries("countries", &self.countries);
        c.local_texts("organisations", &self.organisations);
        for (i, p) in self.people.iter().enumerate() {
            c.required(&format!("people[{i}].name"), &p.name);
            c.url(&format!("people[{i}].source.url"), &p.source.url);
        }
        for (i, p) in self.press_contacts.iter().enumerate() {
            c.required(&format!("press_contacts[{i}].name"), &p.name);
            if p.email.is_none() && p.phone.is_none() {
                c.fail(
                    format!("press_contacts[{i}]"),
                    "give an email address or a phone number",
                );
            }
            if let Some(e) = &p.email
                && !is_email(e)
            {
                c.fail(
                    format!("press_contacts[{i}].email"),
                    format!("`{e}` is not an email address"),
                );
            }
        }
        c.objectives("objectives", &self.objectives);
        for (i, id) in self.practices.iter().enumerate() {
            c.id(&format!("practices[{i}]"), Some(id));
        }
        for (i, id) in self.agreements.iter().enumerate() {
            c.id(&format!("agreements[{i}]"), Some(id));
        }
        c.sources("sources", &self.sources);
        c.finish()
    }

    fn index(&self) -> IndexEntry {
        let mut e = IndexEntry {
            title: self.title.clone(),
            title_text: fold(&titles_text(&self.title, &self.titles)),
            record_type: Some(enum_str(&self.kind)),
            status: None,
            year: Some(self.start_on.year()),
            date: Some(self.start_on.to_string()),
            public: true,
            facets: Vec::new(),
        };
        e.countries(&self.countries);
        for o in &self.objectives {
            e.facet(Facet::Objective, o);
        }
        for l in &self.interpretation_languages {
            e.facet(Facet::Language, l);
        }
        for r in self.references() {
            e.reference(r.kind, &r.id);
        }
        e
    }

    fn references(&self) -> Vec<Reference> {
        let practices = self.practices.iter().enumerate().map(|(i, id)| Reference {
            field: format!("practices[{i}]"),
            kind: Kind::Practices,
            id: id.clone(),
        });
        let agreements = self.agreements.iter().enumerate().map(|(i, id)| Reference {
            field: format!("agreements[{i}]"),
            kind: Kind::Agreements,
            id: id.clone(),
        });
        practices.chain(agreements).collect()
    }
}

/// One `@` with something on each side and a dot in the domain: enough to
/// catch a phone number or a name typed in the wrong box.
fn is_email(s: &str) -> bool {
    match s.trim().split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}
