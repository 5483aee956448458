//! The knowledge library: guidance, reports, tools, training material, legal
//! texts and datasets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::agreement::{enum_str, titles_text};
use crate::entity::{Entity, Facet, IndexEntry, Kind};
use crate::text::{Date, LocalText, Localized, Source, fold};
use crate::validation::{Check, Invalid};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceType {
    Guidance,
    Report,
    Tool,
    Training,
    LegalText,
    Dataset,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Global,
    Regional,
    National,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub titles: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<LocalText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<Date>,
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<LocalText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// SHA-256 of an attached file stored with the documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub summary: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

impl Entity for Resource {
    const KIND: Kind = Kind::Resources;
    crate::entity_fields!(Resource);

    fn slug_source(&self) -> String {
        let title = self.titles.get(crate::Lang::En).unwrap_or(&self.title);
        match self.published_on {
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
        c.languages("languages", &self.languages);
        c.countries("countries", &self.countries);
        c.regions("regions", &self.regions);
        c.objectives("objectives", &self.objectives);
        match (&self.url, &self.document) {
            (None, None) => c.fail("url", "a resource needs a url or an attached document"),
            (Some(u), _) => c.url("url", u),
            _ => {}
        }
        if let Some(d) = &self.document
            && (d.len() != 64
                || !d
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()))
        {
            c.fail(
                "document",
                "must be the lower-case hex SHA-256 of an uploaded file",
            );
        }
        c.sources("sources", &self.sources);
        c.finish()
    }

    fn index(&self) -> IndexEntry {
        let mut e = IndexEntry {
            title: self.title.clone(),
            title_text: fold(&titles_text(&self.title, &self.titles)),
            record_type: Some(enum_str(&self.resource_type)),
            status: None,
            year: self.published_on.map(|d| d.year()),
            date: self.published_on.map(|d| d.to_string()),
            public: true,
            facets: Vec::new(),
        };
        e.countries(&self.countries);
        for r in &self.regions {
            e.facet(Facet::Region, r);
        }
        for o in &self.objectives {
            e.facet(Facet::Objective, o);
        }
        for l in &self.languages {
            e.facet(Facet::Language, l);
        }
        e
    }
}
