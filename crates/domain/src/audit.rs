//! The audit log: one entry for every write, with the values before and
//! after.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entity::Kind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    Delete,
    Attach,
    Detach,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Attach => "attach",
            Action::Detach => "detach",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        [
            Action::Create,
            Action::Update,
            Action::Delete,
            Action::Attach,
            Action::Detach,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AuditEntry {
    pub seq: i64,
    /// RFC 3339, UTC.
    pub at: String,
    /// Who wrote: a user, a token name, `cli`, `import`, `demo`.
    pub actor: String,
    pub kind: Kind,
    pub record_id: String,
    pub action: Action,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}
