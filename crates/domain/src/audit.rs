//! The audit log: one entry for every write, with the values before and
//! after.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entity::Kind;

/// The audit subject of changes to users (their record id is the user's).
pub const USERS: &str = "users";
/// The audit subject of API tokens (their record id is the token's).
pub const TOKENS: &str = "tokens";

/// The audit subject of proposed corrections.
pub const CORRECTIONS: &str = "corrections";

/// Whether `s` names something the audit log records: a kind of record,
/// users, tokens or corrections.
pub fn is_subject(s: &str) -> bool {
    s == USERS || s == TOKENS || s == CORRECTIONS || s.parse::<Kind>().is_ok()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    Delete,
    Attach,
    Detach,
    /// A document was assessed (or reassessed) by the machine.
    Assess,
    /// A reviewer decided on a finding.
    Review,
    /// An account was disabled (its sessions ended) or enabled again.
    Disable,
    Enable,
    /// An API token was revoked.
    Revoke,
}

impl Action {
    pub const ALL: [Action; 10] = [
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::Attach,
        Action::Detach,
        Action::Assess,
        Action::Review,
        Action::Disable,
        Action::Enable,
        Action::Revoke,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Attach => "attach",
            Action::Detach => "detach",
            Action::Assess => "assess",
            Action::Review => "review",
            Action::Disable => "disable",
            Action::Enable => "enable",
            Action::Revoke => "revoke",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AuditEntry {
    pub seq: i64,
    /// RFC 3339, UTC.
    pub at: String,
    /// Who wrote: a user, a token name, `cli`, `import`, `demo`.
    pub actor: String,
    /// A kind of record (`agreements`, …), or [`USERS`] or [`TOKENS`] for
    /// changes to accounts.
    pub kind: String,
    pub record_id: String,
    pub action: Action,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
    }
}
