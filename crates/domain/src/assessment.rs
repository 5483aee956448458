//! Stored assessments: the machine's findings on an agreement's document,
//! element by element, and the reviewers' decisions on them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::validation::Invalid;

/// Who stands behind a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    Machine,
    Human,
    MachineConfirmed,
}

impl Provenance {
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Machine => "machine",
            Provenance::Human => "human",
            Provenance::MachineConfirmed => "machine_confirmed",
        }
    }

    pub fn parse(s: &str) -> Option<Provenance> {
        [
            Provenance::Machine,
            Provenance::Human,
            Provenance::MachineConfirmed,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// What the text does with an element, as the assessment engine's
/// statuses name it (the web crate checks that the two lists agree).
/// Only `covered` and `partial` count as coverage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    /// A provision that does what the Guidance asks.
    Covered,
    /// A provision that does part of it (or one a contrary clause undoes).
    Partial,
    /// Named in passing only: not coverage.
    Mentioned,
    /// Only clauses that work against the element.
    Contrary,
    Absent,
}

impl FindingStatus {
    /// In the order a report reads them: what works against the worker,
    /// what is missing, what is there.
    pub const ALL: [FindingStatus; 5] = [
        FindingStatus::Contrary,
        FindingStatus::Absent,
        FindingStatus::Mentioned,
        FindingStatus::Partial,
        FindingStatus::Covered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingStatus::Covered => "covered",
            FindingStatus::Partial => "partial",
            FindingStatus::Mentioned => "mentioned",
            FindingStatus::Contrary => "contrary",
            FindingStatus::Absent => "absent",
        }
    }

    pub fn parse(s: &str) -> Option<FindingStatus> {
        FindingStatus::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Covered or partial: the text provides for the element.
    pub fn provides(self) -> bool {
        matches!(self, FindingStatus::Covered | FindingStatus::Partial)
    }

    fn weight(self) -> f64 {
        match self {
            FindingStatus::Covered => 1.0,
            FindingStatus::Partial => 0.5,
            _ => 0.0,
        }
    }
}

/// One element's finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub element: String,
    /// The status in force: the machine's, or the reviewer's.
    pub status: FindingStatus,
    pub score: f64,
    pub provenance: Provenance,
    /// What the machine said, kept beside a human decision.
    pub machine_status: FindingStatus,
    /// The machine's evidence (clauses, spans, cues).
    pub evidence: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    pub id: String,
    pub agreement_id: String,
    pub document_id: String,
    pub rubric: String,
    pub rubric_version: String,
    pub language: String,
    /// Share of elements covered with the decisions in force (partial
    /// counts half; mentioned and contrary count nothing).
    pub coverage: f64,
    /// The document's clauses (ids, labels, offsets).
    pub clauses: serde_json::Value,
    pub findings: Vec<Finding>,
    pub created_at: String,
    pub updated_at: String,
}

impl Assessment {
    pub fn recompute_coverage(&mut self) {
        let n = self.findings.len().max(1) as f64;
        self.coverage = self.findings.iter().map(|f| f.status.weight()).sum::<f64>() / n;
    }
}

/// What a reviewer does with a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The machine is right.
    Confirm,
    /// The machine is wrong: the status becomes the one given (any
    /// status; by default absent for a covered or partial finding).
    Reject,
    /// The reviewer adds a finding the machine missed (the machine said
    /// absent or mentioned; status given, covered by default).
    Add,
}

/// A reviewer's decision on one element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub decision: Decision,
    #[serde(default)]
    pub status: Option<FindingStatus>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Review {
    /// Applies the decision to a finding.
    pub fn apply(&self, finding: &mut Finding, reviewer: &str, at: &str) -> Result<(), Invalid> {
        let note = self
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        match self.decision {
            Decision::Confirm => {
                if self.status.is_some_and(|s| s != finding.machine_status) {
                    return Err(Invalid::one(
                        "status",
                        "a confirmation keeps the machine's status; use reject to change it",
                    ));
                }
                finding.status = finding.machine_status;
                finding.provenance = Provenance::MachineConfirmed;
            }
            Decision::Reject => {
                let note =
                    note.ok_or_else(|| Invalid::one("note", "say why the finding is wrong"))?;
                let status = match (self.status, finding.machine_status) {
                    (Some(s), m) if s == m => {
                        return Err(Invalid::one(
                            "status",
                            "a rejection must change the status; use confirm to keep it",
                        ));
                    }
                    (Some(s), _) => s,
                    (None, m) if !m.provides() => {
                        return Err(Invalid::one(
                            "status",
                            "give the status the element really has (covered, partial, mentioned, contrary or absent)",
                        ));
                    }
                    (None, _) => FindingStatus::Absent,
                };
                finding.status = status;
                finding.provenance = Provenance::Human;
                finding.note = Some(note.to_string());
            }
            Decision::Add => {
                let note = note
                    .ok_or_else(|| Invalid::one("note", "say where the text covers the element"))?;
                if finding.machine_status.provides()
                    || finding.machine_status == FindingStatus::Contrary
                {
                    return Err(Invalid::one(
                        "decision",
                        "the machine already found this element; confirm or reject it",
                    ));
                }
                finding.status = self.status.unwrap_or(FindingStatus::Covered);
                if finding.status == FindingStatus::Absent {
                    return Err(Invalid::one(
                        "status",
                        "an added finding is covered, partial, mentioned or contrary",
                    ));
                }
                finding.provenance = Provenance::Human;
                finding.note = Some(note.to_string());
            }
        }
        if let Some(n) = note {
            finding.note = Some(n.to_string());
        }
        finding.reviewer = Some(reviewer.to_string());
        finding.decided_at = Some(at.to_string());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(machine: FindingStatus) -> Finding {
        Finding {
            element: "recruitment_costs".into(),
            status: machine,
            score: 0.0,
            provenance: Provenance::Machine,
            machine_status: machine,
            evidence: serde_json::Value::Null,
            note: None,
            reviewer: None,
            decided_at: None,
        }
    }

    fn review(decision: Decision, status: Option<FindingStatus>) -> Review {
        Review {
            decision,
            status,
            note: Some("Article 4: the worker pays the agency".into()),
        }
    }

    /// A reviewer may set any status, the new ones included, and only
    /// covered and partial count as coverage.
    #[test]
    fn reviewers_set_any_status() {
        for to in FindingStatus::ALL {
            let mut f = finding(FindingStatus::Covered);
            let r = review(Decision::Reject, Some(to));
            let applied = r.apply(&mut f, "rev@example.org", "2026-12-07");
            if to == FindingStatus::Covered {
                assert!(applied.is_err(), "a rejection must change the status");
            } else {
                applied.unwrap();
                assert_eq!(f.status, to);
                assert_eq!(f.machine_status, FindingStatus::Covered);
            }
        }
        // A mention the machine made can be confirmed as a provision.
        let mut f = finding(FindingStatus::Mentioned);
        review(Decision::Add, Some(FindingStatus::Partial))
            .apply(&mut f, "rev@example.org", "2026-12-07")
            .unwrap();
        assert_eq!(f.status, FindingStatus::Partial);
        // A contrary finding is rejected with the status it really has.
        let mut f = finding(FindingStatus::Contrary);
        assert!(
            review(Decision::Reject, None)
                .apply(&mut f, "rev@example.org", "2026-12-07")
                .is_err()
        );
        let mut a = Assessment {
            id: "a".into(),
            agreement_id: "x".into(),
            document_id: "d".into(),
            rubric: "r".into(),
            rubric_version: "3".into(),
            language: "fr".into(),
            coverage: 0.0,
            clauses: serde_json::Value::Null,
            findings: [
                FindingStatus::Covered,
                FindingStatus::Partial,
                FindingStatus::Mentioned,
                FindingStatus::Contrary,
            ]
            .map(finding)
            .to_vec(),
            created_at: String::new(),
            updated_at: String::new(),
        };
        a.recompute_coverage();
        assert_eq!(a.coverage, 1.5 / 4.0);
    }
}
