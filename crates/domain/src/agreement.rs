//! Labour migration agreements: bilateral agreements, MoUs, protocols,
//! skills mobility partnerships and the schemes that implement them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entity::{Entity, Facet, IndexEntry, Kind};
use crate::text::{Date, LocalText, Localized, Source, fold};
use crate::validation::{Check, Invalid};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgreementType {
    BilateralAgreement,
    Mou,
    ImplementingProtocol,
    SkillsMobilityPartnership,
    UnilateralScheme,
    MultilateralFramework,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    Draft,
    Signed,
    InForce,
    Suspended,
    Expired,
    Terminated,
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    Origin,
    Destination,
    Both,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SkillLevel {
    Low,
    Medium,
    High,
    Mixed,
}

/// A kind of work whose agreements the Guidance expects to say more: the
/// assessment adds the sector's expectations (the rubric's `[[sectors]]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectorNote {
    SeasonalWork,
    HealthWorkers,
    DomesticWorkers,
}

impl SectorNote {
    pub const ALL: [SectorNote; 3] = [
        SectorNote::SeasonalWork,
        SectorNote::HealthWorkers,
        SectorNote::DomesticWorkers,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectorNote::SeasonalWork => "seasonal_work",
            SectorNote::HealthWorkers => "health_workers",
            SectorNote::DomesticWorkers => "domestic_workers",
        }
    }

    pub fn parse(s: &str) -> Option<SectorNote> {
        SectorNote::ALL.into_iter().find(|n| n.as_str() == s)
    }
}

/// A country party to an agreement and the side it takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub country: String,
    pub role: PartyRole,
}

/// An annual quota or target number of workers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub number: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Title in the agreement's original language.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_language: Option<String>,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub titles: Localized,
    #[serde(rename = "type")]
    pub agreement_type: AgreementType,
    pub status: AgreementStatus,
    pub parties: Vec<Party>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_signed: Option<LocalText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occupations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill_level: Option<SkillLevel>,
    /// Seasonal work, health workers, domestic workers: the assessment
    /// adds what the Guidance expects of agreements for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sector_notes: Vec<SectorNote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotas: Vec<Quota>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implementing_agencies: Vec<LocalText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<u8>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub text_public: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub summary: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<LocalText>,
    /// Findings coded by hand from the text or a published description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coding: Option<crate::coding::Coding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

impl Agreement {
    /// The date the agreement is listed under: signature, else entry into
    /// force.
    pub fn date(&self) -> Option<Date> {
        self.signed_on.or(self.in_force_on)
    }
}

impl Entity for Agreement {
    const KIND: Kind = Kind::Agreements;
    crate::entity_fields!(Agreement);

    fn slug_source(&self) -> String {
        // English makes the most widely readable URLs; else the original.
        let title = self.titles.get(crate::Lang::En).unwrap_or(&self.title);
        match self.date() {
            Some(d) => format!("{title} {}", d.year()),
            None => title.to_string(),
        }
    }

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("id", self.id.as_deref());
        c.slug(self.slug.as_deref());
        c.required("title", &self.title);
        c.max_len("title", &self.title, 500);
        if let Some(l) = &self.title_language {
            c.languages("title_language", std::slice::from_ref(l));
        }
        if self.parties.len() < 2 {
            c.fail(
                "parties",
                format!(
                    "an agreement needs at least two parties; {} given",
                    self.parties.len()
                ),
            );
        }
        for (i, p) in self.parties.iter().enumerate() {
            c.country(&format!("parties[{i}].country"), &p.country);
            if self.parties[..i].iter().any(|q| q.country == p.country) {
                c.fail(
                    format!("parties[{i}].country"),
                    format!("`{}` is listed twice", p.country),
                );
            }
        }
        c.order(
            ("signed_on", self.signed_on),
            ("expires_on", self.expires_on),
        );
        c.order(
            ("in_force_on", self.in_force_on),
            ("expires_on", self.expires_on),
        );
        c.order(
            ("signed_on", self.signed_on),
            ("in_force_on", self.in_force_on),
        );
        c.languages("languages", &self.languages);
        c.sectors("sectors", &self.sectors);
        c.occupations("occupations", &self.occupations);
        for (i, q) in self.quotas.iter().enumerate() {
            if let Some(y) = q.year
                && !(1800..=2200).contains(&y)
            {
                c.fail(
                    format!("quotas[{i}].year"),
                    format!("{y} is not a plausible year"),
                );
            }
        }
        c.local_texts("implementing_agencies", &self.implementing_agencies);
        c.objectives("objectives", &self.objectives);
        c.sources("sources", &self.sources);
        if let Some(coding) = &self.coding {
            coding.check(&mut c);
        }
        c.finish()
    }

    fn index(&self) -> IndexEntry {
        let mut e = IndexEntry {
            title: self.title.clone(),
            title_text: fold(&titles_text(&self.title, &self.titles)),
            record_type: Some(enum_str(&self.agreement_type)),
            status: Some(enum_str(&self.status)),
            year: self.date().map(|d| d.year()),
            date: self.date().map(|d| d.to_string()),
            public: true,
            facets: Vec::new(),
        };
        e.countries(self.parties.iter().map(|p| &p.country));
        for p in &self.parties {
            if matches!(p.role, PartyRole::Origin | PartyRole::Both) {
                e.facet(Facet::Origin, &p.country);
            }
            if matches!(p.role, PartyRole::Destination | PartyRole::Both) {
                e.facet(Facet::Destination, &p.country);
            }
        }
        e.corridors();
        for o in &self.objectives {
            e.facet(Facet::Objective, o);
        }
        for s in &self.sectors {
            e.facet(Facet::Sector, s);
        }
        for o in &self.occupations {
            e.facet(Facet::Occupation, o);
        }
        for l in &self.languages {
            e.facet(Facet::Language, l);
        }
        e
    }
}

/// The original title and every translation, for title search.
pub(crate) fn titles_text(title: &str, titles: &Localized) -> String {
    let mut text = title.to_string();
    for t in titles.values() {
        text.push(' ');
        text.push_str(t);
    }
    text
}

/// The serde name of a unit enum variant (`in_force`).
pub(crate) fn enum_str<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("not a unit enum: {other:?}"),
    }
}
