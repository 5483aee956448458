//! People who sign in, their roles, and what each role may do. The rules
//! live here, in [`allows`], and nowhere else: the API and the pages ask
//! it, and a test walks every role against every permission.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entity::Kind;

/// What a signed-in person may do, from most to least.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Users, settings, everything.
    Admin,
    /// Creates and edits agreements, events, commitments; publishes.
    Editor,
    /// Reviews submissions and assessment findings.
    Reviewer,
    /// Submits practices, proposes corrections, updates the commitments
    /// of their own organisation.
    Contributor,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Editor, Role::Reviewer, Role::Contributor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Reviewer => "reviewer",
            Role::Contributor => "contributor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person with an account (never with the password's hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct User {
    pub id: String,
    pub email: String,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_lang: Option<String>,
    pub role: Role,
    pub disabled: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// The built-in account that owns the operator's API token: the one set
/// as `admin_token` in the configuration, or made at first start. It is an
/// admin that cannot sign in (its password hash matches no password), so
/// the operator's token is an API token like any user's: hashed, shown in
/// the audit log under this address, revoked by `passerelle token` or by
/// disabling the account. `.invalid` is reserved (RFC 2606): no mail goes
/// there.
pub const OPERATOR_EMAIL: &str = "operator@passerelle.invalid";

/// An API token as its owner sees it later: never the secret again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TokenInfo {
    pub id: String,
    pub name: String,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

/// Something a request may want to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// See drafts, submissions and texts that are not public.
    ReadPrivate,
    /// Create, change or delete records of a kind (and import them).
    Write(Kind),
    /// Attach or remove the texts of agreements.
    AttachDocuments,
    /// Confirm, reject or add assessment findings.
    ReviewFindings,
    /// Read the audit log.
    ReadAudit,
    /// Add, change and disable users.
    ManageUsers,
    /// Hold API tokens of one's own.
    UseTokens,
    /// Submit a practice for review (it is stored as submitted, not
    /// published).
    Submit,
    /// Take submissions into review, publish or reject them.
    ReviewSubmissions,
    /// Accept or decline proposed corrections.
    DecideCorrections,
}

impl Permission {
    /// Every permission, for tests and documentation.
    pub fn all() -> Vec<Permission> {
        let mut all = vec![
            Permission::ReadPrivate,
            Permission::AttachDocuments,
            Permission::ReviewFindings,
            Permission::ReadAudit,
            Permission::ManageUsers,
            Permission::UseTokens,
            Permission::Submit,
            Permission::ReviewSubmissions,
            Permission::DecideCorrections,
        ];
        all.extend(Kind::ALL.iter().map(|k| Permission::Write(*k)));
        all
    }
}

/// Whether someone with `role` (`None`: the public, not signed in) may do
/// `what`. The public reads what is published and nothing else.
pub fn allows(role: Option<Role>, what: Permission) -> bool {
    let Some(role) = role else {
        return false;
    };
    match (role, what) {
        (Role::Admin, _) => true,
        (_, Permission::UseTokens) | (_, Permission::Submit) => true,
        (Role::Editor, Permission::ReadPrivate)
        | (Role::Editor, Permission::Write(_))
        | (Role::Editor, Permission::AttachDocuments)
        | (Role::Editor, Permission::ReviewFindings)
        | (Role::Editor, Permission::ReviewSubmissions)
        | (Role::Editor, Permission::DecideCorrections) => true,
        (Role::Reviewer, Permission::ReadPrivate)
        | (Role::Reviewer, Permission::ReviewFindings)
        | (Role::Reviewer, Permission::ReviewSubmissions) => true,
        // Contributors submit through the review workflow, not by writing
        // records directly.
        _ => false,
    }
}

/// Whether someone may post a status update to a commitment: whoever may
/// write commitments, or anyone signed in for one of the commitment's own
/// organisations (names compared without case or accents).
pub fn may_update_commitment(
    role: Option<Role>,
    organisation: Option<&str>,
    owners: &[crate::text::LocalText],
) -> bool {
    if allows(role, Permission::Write(Kind::Commitments)) {
        return true;
    }
    let Some(org) = organisation
        .map(crate::text::fold)
        .filter(|o| !o.is_empty())
    else {
        return false;
    };
    role.is_some()
        && owners
            .iter()
            .flat_map(|o| o.texts())
            .any(|o| crate::text::fold(o) == org)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commitment_owners_update_their_own_commitments() {
        // An owner named in several languages matches in any of them.
        let owners = vec![crate::text::LocalText::Many(
            serde_json::from_value(
                serde_json::json!({"fr": "Ministère du Travail", "ar": "وزارة الشغل"}),
            )
            .unwrap(),
        )];
        assert!(may_update_commitment(
            Some(Role::Contributor),
            Some("وزارة الشغل"),
            &owners
        ));
        let c = Some(Role::Contributor);
        assert!(may_update_commitment(
            c,
            Some("ministere du travail"),
            &owners
        ));
        assert!(!may_update_commitment(c, Some("Another ministry"), &owners));
        assert!(!may_update_commitment(c, None, &owners));
        assert!(!may_update_commitment(
            None,
            Some("Ministère du Travail"),
            &owners
        ));
        assert!(may_update_commitment(Some(Role::Editor), None, &owners));
    }

    #[test]
    fn the_public_may_do_nothing_but_read_what_is_published() {
        for p in Permission::all() {
            assert!(!allows(None, p), "{p:?}");
        }
    }

    #[test]
    fn roles_are_ordered_by_what_they_may_do() {
        // Whatever a role may do, every role above it may do too.
        for p in Permission::all() {
            for pair in Role::ALL.windows(2) {
                if allows(Some(pair[1]), p) {
                    assert!(
                        allows(Some(pair[0]), p),
                        "{:?} but not {:?}: {p:?}",
                        pair[1],
                        pair[0]
                    );
                }
            }
        }
        assert!(allows(Some(Role::Admin), Permission::ManageUsers));
        assert!(!allows(Some(Role::Editor), Permission::ManageUsers));
        assert!(!allows(Some(Role::Editor), Permission::ReadAudit));
        assert!(allows(Some(Role::Reviewer), Permission::ReviewFindings));
        assert!(!allows(
            Some(Role::Reviewer),
            Permission::Write(Kind::Agreements)
        ));
        assert!(!allows(Some(Role::Contributor), Permission::ReadPrivate));
        assert!(allows(Some(Role::Contributor), Permission::UseTokens));
        assert!(allows(Some(Role::Contributor), Permission::Submit));
        assert!(!allows(
            Some(Role::Contributor),
            Permission::ReviewSubmissions
        ));
        assert!(allows(Some(Role::Reviewer), Permission::ReviewSubmissions));
    }
}
