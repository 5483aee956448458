//! Findings coded by hand from an agreement's official text or from a
//! published description of it, when the registry holds no text to assess.
//!
//! A coding records facts (a status per element, the article numbers, the
//! source, a note in the coder's own words), never the text itself. It is
//! part of the agreement record, so it is versioned, audited, exported and
//! imported with it; the scorecard and Compare read it as human findings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::FindingStatus;
use crate::text::{Date, Localized, Source};
use crate::validation::Check;

/// The elements of the UN Network on Migration's Guidance on Bilateral
/// Labour Migration Agreements (2022) a coding may name. The rubric in the
/// assess crate is the source; the web crate's tests check the two agree.
pub const ELEMENTS: [&str; 31] = [
    "international_standards",
    "equal_treatment",
    "recruitment_costs",
    "recruitment_process",
    "information_orientation",
    "employment_contract",
    "wages",
    "working_time_leave",
    "migration_status",
    "employer_change",
    "identity_documents",
    "occupational_safety_health",
    "housing",
    "social_security",
    "freedom_of_association",
    "complaints_justice",
    "forced_labour_trafficking",
    "irregular_migration",
    "gender_responsive",
    "family_children",
    "skills_recognition",
    "remittances_savings",
    "return_reintegration",
    "competent_authorities",
    "joint_committee",
    "monitoring_evaluation",
    "social_dialogue",
    "dispute_settlement",
    "final_clauses",
    "publication",
    "data_protection",
];

/// What a coded finding rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The coder read the provision in the agreement's text.
    Text,
    /// A published description of the agreement's content (an official
    /// announcement, an ILO or IOM review, a press report of the signing).
    Description,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodedFinding {
    pub element: String,
    pub status: FindingStatus,
    /// Article numbers where the text settles it; none for a description.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    pub basis: Basis,
    pub source: Source,
    /// What the agreement does on this element, in the coder's words.
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub note: Localized,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coding {
    pub coded_on: Date,
    /// Who coded it (a person or a team), if they want to be named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coder: Option<String>,
    pub findings: Vec<CodedFinding>,
}

impl Coding {
    pub(crate) fn check(&self, c: &mut Check) {
        let tomorrow = Date::today().next_day();
        if self.coded_on > tomorrow {
            c.fail("coding.coded_on", "is in the future");
        }
        if self.findings.is_empty() {
            c.fail(
                "coding.findings",
                "a coding needs at least one finding; leave the coding out instead",
            );
        }
        for (i, f) in self.findings.iter().enumerate() {
            let at = |field: &str| format!("coding.findings[{i}].{field}");
            if !ELEMENTS.contains(&f.element.as_str()) {
                c.fail(
                    at("element"),
                    format!(
                        "`{}` is not an element of the 2022 Guidance; use one of: {}",
                        f.element,
                        ELEMENTS.join(", ")
                    ),
                );
            } else if self.findings[..i].iter().any(|g| g.element == f.element) {
                c.fail(at("element"), format!("`{}` is coded twice", f.element));
            }
            match f.basis {
                Basis::Description if !f.articles.is_empty() => c.fail(
                    at("articles"),
                    "a finding resting on a description cites no article: the coder did not read one",
                ),
                _ => {}
            }
            if f.basis == Basis::Description && f.status == FindingStatus::Absent {
                c.fail(
                    at("status"),
                    "a description cannot show that an element is absent: only a full reading of the text can; leave the element out",
                );
            }
            for (j, a) in f.articles.iter().enumerate() {
                if a.trim().is_empty() || a.chars().count() > 40 {
                    c.fail(
                        format!("coding.findings[{i}].articles[{j}]"),
                        "give an article number such as `8` or `8.2`",
                    );
                }
            }
            c.url(&at("source.url"), &f.source.url);
            if f.note.is_empty() {
                c.fail(
                    at("note"),
                    "say in your own words what the agreement does on this element",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Agreement, Entity};

    fn with_coding(coding: serde_json::Value) -> Agreement {
        serde_json::from_value(serde_json::json!({
            "title": "Agreement", "type": "bilateral_agreement", "status": "in_force",
            "parties": [{"country": "FR", "role": "destination"}, {"country": "MA", "role": "origin"}],
            "coding": coding
        }))
        .unwrap()
    }

    fn errors(a: &Agreement) -> String {
        a.validate()
            .map(|_| String::new())
            .unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn a_coding_says_where_each_finding_comes_from() {
        let ok = with_coding(serde_json::json!({"coded_on": "2026-12-07", "findings": [
            {"element": "recruitment_costs", "status": "contrary", "articles": ["4"], "basis": "text",
             "source": {"url": "https://example.org/gazette"}, "note": {"en": "The worker pays the agency."}},
            {"element": "joint_committee", "status": "partial", "basis": "description",
             "source": {"url": "https://example.org/press"}, "note": {"fr": "Une commission mixte suit l'accord."}}
        ]}));
        assert_eq!(errors(&ok), "");
        let bad = with_coding(serde_json::json!({"coded_on": "2026-12-07", "findings": [
            {"element": "recruitment_fees", "status": "covered", "basis": "text", "articles": ["1"],
             "source": {"url": "https://example.org/a"}, "note": {"en": "x"}},
            {"element": "wages", "status": "absent", "basis": "description",
             "source": {"url": "https://example.org/a"}, "note": {"en": "x"}},
            {"element": "housing", "status": "partial", "basis": "description", "articles": ["7"],
             "source": {"url": "not a url"}},
        ]}));
        let e = errors(&bad);
        for field in [
            "coding.findings[0].element",
            "coding.findings[1].status",
            "coding.findings[2].articles",
            "coding.findings[2].source.url",
            "coding.findings[2].note",
        ] {
            assert!(e.contains(field), "{field} not in {e}");
        }
    }
}
