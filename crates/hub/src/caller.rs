//! Who asks for a use case, and what they may do.

use passerelle_domain::account::{Permission, Role, allows};

use crate::HubError;

/// The person or program behind a use case: the audit log's name for
/// them and what their account says. The edges say who it is (a token, a
/// session, the command line); the use cases decide what they may do.
#[derive(Clone, Debug)]
pub struct Caller {
    /// Who the audit log names.
    pub actor: String,
    /// `None` for the public.
    pub role: Option<Role>,
    /// The account's id, when signed in.
    pub user_id: Option<String>,
    /// The organisation the account speaks for, if any.
    pub organisation: Option<String>,
}

impl Caller {
    /// Someone not signed in.
    pub fn public() -> Caller {
        Caller {
            actor: "public".into(),
            role: None,
            user_id: None,
            organisation: None,
        }
    }

    /// The operator's own programs (the command line, the demo loader):
    /// whoever can run them holds the database, so they may do anything.
    pub fn system(actor: &str) -> Caller {
        Caller {
            actor: actor.to_string(),
            role: Some(Role::Admin),
            user_id: None,
            organisation: None,
        }
    }

    pub fn may(&self, what: Permission) -> bool {
        allows(self.role, what)
    }

    /// Refuses what the caller may not do: the public is asked to sign
    /// in, a signed-in role is told it may not.
    pub fn require(&self, what: Permission) -> Result<(), HubError> {
        if self.may(what) {
            return Ok(());
        }
        Err(self.refused(what))
    }

    /// Why `what` is refused to this caller.
    pub fn refused(&self, what: Permission) -> HubError {
        match self.role {
            None => HubError::Unauthenticated,
            Some(role) => HubError::Forbidden { role, needs: what },
        }
    }
}
