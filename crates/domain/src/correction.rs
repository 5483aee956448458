//! Corrections: anyone may propose a change to a published record, with a
//! source; an editor accepts it (and edits the record) or declines it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entity::Kind;
use crate::validation::{Check, Invalid};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionStatus {
    Open,
    Accepted,
    Declined,
}

impl CorrectionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionStatus::Open => "open",
            CorrectionStatus::Accepted => "accepted",
            CorrectionStatus::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<CorrectionStatus> {
        [Self::Open, Self::Accepted, Self::Declined]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// What a reader sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// `agreements`, `practices`, `events`, `commitments` or `resources`.
    pub kind: String,
    /// The record's id or slug.
    pub record_id: String,
    /// Which part is wrong (free text: "signature date", "parties").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What it should say, and why.
    pub proposal: String,
    /// Where the right information can be checked (http or https).
    pub source_url: String,
    /// How to reach the proposer, if they wish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

impl Proposal {
    /// The kind of record it is about, once checked.
    pub fn check(&self) -> Result<Kind, Invalid> {
        let mut c = Check::new();
        let kind = self
            .kind
            .parse::<Kind>()
            .ok()
            .filter(|k| *k != Kind::Indicators);
        if kind.is_none() {
            c.fail("kind", format!("`{}` is not a kind of record that takes corrections: agreements, practices, events, commitments or resources", self.kind));
        }
        c.required("record_id", &self.record_id);
        c.required("proposal", &self.proposal);
        c.max_len("proposal", &self.proposal, 5000);
        if let Some(f) = &self.field {
            c.max_len("field", f, 200);
        }
        if let Some(x) = &self.contact {
            c.max_len("contact", x, 200);
        }
        c.url("source_url", &self.source_url);
        c.finish()?;
        Ok(kind.expect("checked above"))
    }
}

/// A stored correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Correction {
    pub id: String,
    pub kind: String,
    pub record_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub proposal: String,
    pub source_url: String,
    /// Who proposed it: an account, or `public`.
    pub proposer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    pub status: CorrectionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub created_at: String,
}
