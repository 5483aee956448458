//! Good practices, as the Migration Network Hub collects them, tagged by GCM
//! objective, guiding principle and SDG.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::agreement::{enum_str, titles_text};
use crate::entity::{Entity, Facet, IndexEntry, Kind};
use crate::reference::{self, Principle};
use crate::text::{Date, Link, LocalText, Localized, Source, fold};
use crate::validation::{Check, Invalid};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PracticeType {
    Policy,
    Programme,
    Legislation,
    Tool,
    Partnership,
}

/// Where a contributed record stands in review. Only `published` is public.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PublicationStatus {
    #[default]
    Draft,
    Submitted,
    InReview,
    Published,
    Rejected,
}

/// One step of a contribution's review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewStep {
    /// RFC 3339.
    pub at: String,
    /// Who decided (as the audit log names them).
    pub by: String,
    pub status: PublicationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// What a reviewer decides on a submitted practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Take it into review (submitted → in review).
    StartReview,
    Publish,
    /// Reject, with a comment saying why.
    Reject,
}

impl Practice {
    /// Whether its contributor may still change or withdraw it: before
    /// review, or after a rejection (to revise and submit again).
    pub fn open_to_contributor(&self) -> Result<(), Invalid> {
        use PublicationStatus::*;
        match self.publication_status {
            Draft | Submitted | Rejected => Ok(()),
            InReview | Published => Err(Invalid::one(
                "publication_status",
                format!(
                    "the practice is {} and no longer changes but through its reviewers",
                    enum_str(&self.publication_status)
                ),
            )),
        }
    }

    /// Makes `self`, as a contributor sent it, their contribution: stored
    /// as a draft if they asked for one and as submitted otherwise, owned
    /// by `user`, with the reviews of `before` (their earlier version) and
    /// a step when it is submitted. A version that reviewers have taken
    /// up is no longer theirs to change.
    pub fn contribute(
        &mut self,
        before: Option<&Practice>,
        user: &str,
        by: &str,
        at: &str,
    ) -> Result<(), Invalid> {
        use PublicationStatus::*;
        if let Some(b) = before {
            b.open_to_contributor()?;
        }
        let to = if self.publication_status == Draft {
            Draft
        } else {
            Submitted
        };
        self.publication_status = to;
        self.submitted_by = Some(user.to_string());
        self.reviews = before.map(|b| b.reviews.clone()).unwrap_or_default();
        let was = before.map(|b| b.publication_status);
        if to == Submitted && was != Some(Submitted) {
            self.reviews.push(ReviewStep {
                at: at.to_string(),
                by: by.to_string(),
                status: Submitted,
                comment: None,
            });
        }
        Ok(())
    }

    /// Applies a reviewer's decision, or says why it cannot apply to the
    /// practice as it stands.
    pub fn decide(
        &mut self,
        decision: Decision,
        by: &str,
        comment: Option<&str>,
        at: &str,
    ) -> Result<(), Invalid> {
        use PublicationStatus::*;
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        let to = match (self.publication_status, decision) {
            (Submitted, Decision::StartReview) => InReview,
            (Submitted | InReview, Decision::Publish) => Published,
            (Submitted | InReview, Decision::Reject) if comment.is_some() => Rejected,
            (Submitted | InReview, Decision::Reject) => {
                return Err(Invalid::one("comment", "say why the practice is rejected"));
            }
            (from, d) => {
                return Err(Invalid::one(
                    "decision",
                    format!(
                        "a practice that is {} cannot be given `{}`: only submitted practices and practices in review are decided on",
                        enum_str(&from),
                        enum_str(&d)
                    ),
                ));
            }
        };
        self.publication_status = to;
        self.reviews.push(ReviewStep {
            at: at.to_string(),
            by: by.to_string(),
            status: to,
            comment: comment.map(str::to_string),
        });
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub titles: Localized,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub summary: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implementing_entities: Vec<LocalText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principles: Vec<Principle>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdgs: Vec<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_on: Option<Date>,
    #[serde(rename = "type")]
    pub practice_type: PracticeType,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// What the practice achieved, each with its source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Sourced>,
    /// What others can learn from it, each with its source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lessons: Vec<Sourced>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub publication_status: PublicationStatus,
    /// The user who submitted it, set by the server for contributions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_by: Option<String>,
    /// Reviewers' decisions with their comments, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<ReviewStep>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

impl Entity for Practice {
    const KIND: Kind = Kind::Practices;
    crate::entity_fields!(Practice);

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
        c.local_texts("implementing_entities", &self.implementing_entities);
        for (field, list) in [("results", &self.results), ("lessons", &self.lessons)] {
            for (i, r) in list.iter().enumerate() {
                if r.text.is_empty() {
                    c.fail(format!("{field}[{i}].text"), "must not be empty");
                }
                c.url(&format!("{field}[{i}].source.url"), &r.source.url);
            }
        }
        c.countries("countries", &self.countries);
        c.regions("regions", &self.regions);
        c.objectives("objectives", &self.objectives);
        c.sdgs("sdgs", &self.sdgs);
        for (i, p) in self.principles.iter().enumerate() {
            if self.principles[..i].contains(p) {
                c.fail(format!("principles[{i}]"), format!("`{p}` is listed twice"));
            }
        }
        c.order(("start_on", self.start_on), ("end_on", self.end_on));
        c.links("links", &self.links);
        c.sources("sources", &self.sources);
        c.finish()
    }

    fn index(&self) -> IndexEntry {
        let mut e = IndexEntry {
            title: self.title.clone(),
            title_text: fold(&titles_text(&self.title, &self.titles)),
            record_type: Some(enum_str(&self.practice_type)),
            status: Some(enum_str(&self.publication_status)),
            year: self.start_on.map(|d| d.year()),
            date: self.start_on.map(|d| d.to_string()),
            public: self.publication_status == PublicationStatus::Published,
            facets: Vec::new(),
        };
        e.countries(&self.countries);
        for r in &self.regions {
            e.facet(Facet::Region, r);
            // A practice filed under a sub-region also belongs to its region.
            let mut parent = reference::region(r).and_then(|r| r.parent.clone());
            while let Some(p) = parent {
                e.facet(Facet::Region, &p);
                parent = reference::region(&p).and_then(|r| r.parent.clone());
            }
        }
        for o in &self.objectives {
            e.facet(Facet::Objective, o);
        }
        for p in &self.principles {
            e.facet(Facet::Principle, p);
        }
        for s in &self.sdgs {
            e.facet(Facet::Sdg, s);
        }
        e
    }
}

/// A statement in four languages at most, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    pub text: Localized,
    pub source: Source,
}
