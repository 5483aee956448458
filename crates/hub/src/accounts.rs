//! Accounts: signing in (throttled) and out, one's own password, profile
//! and API tokens, the users an admin manages, and the built-in operator
//! account behind the configured token.

use std::net::IpAddr;
use std::time::{Duration, SystemTime};

use passerelle_domain::account::{OPERATOR_EMAIL, Permission, Role, User};
use passerelle_store::{NewUser, Store, StoreError};

use crate::secrets::{
    MIN_PASSWORD, dummy_hash, hash_password, new_token, random_hex, token_hash, verify_password,
};
use crate::{Caller, Hub, HubError};

/// How long a session lasts.
pub const SESSION_HOURS: u64 = 12;
/// Failed sign-ins allowed per account and per address in the window.
const MAX_PER_ACCOUNT: i64 = 5;
const MAX_PER_ADDRESS: i64 = 20;
/// Failed sign-ins for one account from every address together.
const MAX_PER_ACCOUNT_ANYWHERE: i64 = 50;
const WINDOW_SECS: u64 = 15 * 60;

/// The hash of the token made at first start, so that nodes starting
/// together on a new database agree on one.
const FIRST_TOKEN_SETTING: &str = "admin_token_sha256";

/// Why an account operation was refused, each with the message key the
/// pages show (`key`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountRefusal {
    /// Too many failed sign-ins lately, for this account or address.
    SignInThrottled,
    /// Unknown e-mail, wrong password or disabled account (not told apart).
    SignInFailed,
    PasswordTooShort,
    /// The current password given is not the account's.
    PasswordWrong,
    /// An account with that e-mail address exists.
    UserExists,
    /// An admin may not disable their own account.
    NotSelf,
    /// An admin may not change their own role.
    NotSelfRole,
}

impl AccountRefusal {
    pub fn key(self) -> &'static str {
        match self {
            AccountRefusal::SignInThrottled => "sign-in-throttled",
            AccountRefusal::SignInFailed => "sign-in-failed",
            AccountRefusal::PasswordTooShort => "password-too-short",
            AccountRefusal::PasswordWrong => "password-wrong",
            AccountRefusal::UserExists => "user-exists",
            AccountRefusal::NotSelf => "user-not-self",
            AccountRefusal::NotSelfRole => "user-not-self-role",
        }
    }
}

/// A session just opened: the secret for the cookie (only its hash is
/// stored) and who it is.
pub struct Session {
    pub secret: String,
    pub user: User,
}

/// The operator's API token after [`Hub::operator_token`].
#[derive(Debug, PartialEq, Eq)]
pub enum OperatorToken {
    /// The configured token works.
    Configured,
    /// The configured token was revoked (by `passerelle token` or on the
    /// users page): it stays revoked until the configuration names another.
    ConfiguredRevoked,
    /// A token made now, at first start, to be shown once.
    Fresh(String),
    /// The token made at an earlier start (or by another node) stands.
    Kept,
}

fn since(secs: u64) -> String {
    passerelle_store::rfc3339(SystemTime::now() - Duration::from_secs(secs))
}

async fn hashed(password: String) -> Result<String, HubError> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| HubError::Engine(e.to_string()))
}

fn no_user(id: &str) -> HubError {
    HubError::NotFound(format!("no user `{id}`"))
}

impl Hub {
    /// Opens a session for `email` and `password`. Failures are counted
    /// so that a stranger cannot lock a user out: per account *and*
    /// address (5: the user's own address stays open however often others
    /// fail on their e-mail), per account from anywhere (50: guessing
    /// spread over many addresses), and per address (20: one address
    /// trying many accounts) — but an address over its limit may still
    /// sign in to an account it has not failed on, so that many people
    /// behind one address (an office, a load balancer) are not locked out
    /// by one of them. Without the peer's address only the account counts.
    pub async fn sign_in(
        &self,
        email: &str,
        password: String,
        address: Option<IpAddr>,
    ) -> Result<Session, HubError> {
        let email = passerelle_store::normalise_email(email);
        let address = address.map(|ip| ip.to_string());
        let pair = match &address {
            Some(a) => format!("account:{email}@{a}"),
            None => format!("account:{email}"),
        };
        let mut keys = vec![pair.clone(), format!("account-any:{email}")];
        if let Some(a) = &address {
            keys.push(format!("address:{a}"));
        }
        let window = since(WINDOW_SECS);
        let pair_failures = self.store.attempts(&keys[0], &window).await?;
        let account_failures = self.store.attempts(&keys[1], &window).await?;
        let address_failures = match keys.get(2) {
            Some(k) => self.store.attempts(k, &window).await?,
            None => 0,
        };
        if pair_failures >= MAX_PER_ACCOUNT
            || account_failures >= MAX_PER_ACCOUNT_ANYWHERE
            || (address_failures >= MAX_PER_ADDRESS && pair_failures > 0)
        {
            return Err(HubError::Account(AccountRefusal::SignInThrottled));
        }
        let found = self.store.user_with_hash(&email).await?;
        // Verify even for an unknown e-mail, so timing does not tell which
        // addresses have accounts.
        let (user, hash) = match found {
            Some((u, h)) => (Some(u), Some(h)),
            None => (None, None),
        };
        let ok = tokio::task::spawn_blocking(move || match &hash {
            Some(h) => verify_password(&password, h),
            None => verify_password(&password, dummy_hash()),
        })
        .await
        .unwrap_or(false);
        let user = match user {
            Some(u) if ok && !u.disabled => u,
            _ => {
                self.store.record_attempt(&keys).await?;
                return Err(HubError::Account(AccountRefusal::SignInFailed));
            }
        };
        self.store.forget_attempts(&pair).await?;
        let secret = random_hex();
        let expires = passerelle_store::rfc3339(
            SystemTime::now() + Duration::from_secs(SESSION_HOURS * 3600),
        );
        self.store
            .create_session(&token_hash(&secret), &user.id, &random_hex(), &expires)
            .await?;
        Ok(Session { secret, user })
    }

    /// Ends the session whose id hashes to `session_hash`, or every
    /// session of the caller.
    pub async fn sign_out(
        &self,
        caller: &Caller,
        session_hash: Option<&str>,
        everywhere: bool,
    ) -> Result<(), HubError> {
        match (everywhere, &caller.user_id) {
            (true, Some(user)) => self.store.end_sessions_of(user).await?,
            _ => self.store.end_session(session_hash.unwrap_or("")).await?,
        }
        Ok(())
    }

    /// Changes the caller's own password after checking the current one;
    /// every session ends, so they sign in again.
    pub async fn change_password(
        &self,
        caller: &Caller,
        email: &str,
        current: String,
        new: String,
    ) -> Result<(), HubError> {
        let user = caller.user_id.as_deref().ok_or(HubError::Unauthenticated)?;
        if new.chars().count() < MIN_PASSWORD {
            return Err(HubError::Account(AccountRefusal::PasswordTooShort));
        }
        let (found, hash) = self
            .store
            .user_with_hash(email)
            .await?
            .filter(|(u, _)| u.id == user)
            .ok_or(HubError::Unauthenticated)?;
        let ok = tokio::task::spawn_blocking(move || verify_password(&current, &hash))
            .await
            .unwrap_or(false);
        if !ok {
            return Err(HubError::Account(AccountRefusal::PasswordWrong));
        }
        let hash = hashed(new).await?;
        Ok(self
            .store
            .set_password(&caller.actor, &found.id, &hash)
            .await?)
    }

    /// The caller's name shown and the language of their pages.
    pub async fn change_profile(
        &self,
        caller: &Caller,
        display_name: &str,
        preferred_lang: Option<&str>,
    ) -> Result<(), HubError> {
        let user = caller.user_id.as_deref().ok_or(HubError::Unauthenticated)?;
        Ok(self
            .store
            .set_profile(&caller.actor, user, display_name, preferred_lang)
            .await?)
    }

    /// A new API token for the caller, named `name`: the secret, shown
    /// once (only its hash is stored).
    pub async fn create_token(&self, caller: &Caller, name: &str) -> Result<String, HubError> {
        caller.require(Permission::UseTokens)?;
        let user = caller.user_id.as_deref().ok_or(HubError::Unauthenticated)?;
        let secret = new_token();
        self.store
            .create_token(&caller.actor, user, name, &token_hash(&secret))
            .await?;
        Ok(secret)
    }

    /// A new API token for user `user_id`, issued by someone who manages
    /// users (the command line's `token`): the secret, shown once.
    pub async fn issue_token(
        &self,
        caller: &Caller,
        user_id: &str,
        name: &str,
    ) -> Result<String, HubError> {
        caller.require(Permission::ManageUsers)?;
        let secret = new_token();
        self.store
            .create_token(&caller.actor, user_id, name, &token_hash(&secret))
            .await?;
        Ok(secret)
    }

    /// Revokes every live token of user `user_id`; gives how many.
    pub async fn revoke_tokens_of(
        &self,
        caller: &Caller,
        user_id: &str,
    ) -> Result<usize, HubError> {
        caller.require(Permission::ManageUsers)?;
        let mut revoked = 0;
        for t in self.store.tokens_of(user_id).await? {
            if t.revoked_at.is_none()
                && self
                    .store
                    .revoke_token(&caller.actor, user_id, &t.id)
                    .await?
            {
                revoked += 1;
            }
        }
        Ok(revoked)
    }

    /// Revokes one of the caller's own live tokens.
    pub async fn revoke_token(&self, caller: &Caller, id: &str) -> Result<(), HubError> {
        let user = caller.user_id.as_deref().ok_or(HubError::Unauthenticated)?;
        if self.store.revoke_token(&caller.actor, user, id).await? {
            Ok(())
        } else {
            Err(HubError::NotFound(format!("no live token `{id}` of yours")))
        }
    }

    /// Adds an account with a password (at least [`MIN_PASSWORD`]
    /// characters).
    pub async fn add_user(
        &self,
        caller: &Caller,
        new: NewUser<'_>,
        password: String,
    ) -> Result<User, HubError> {
        caller.require(Permission::ManageUsers)?;
        if password.chars().count() < MIN_PASSWORD {
            return Err(HubError::Account(AccountRefusal::PasswordTooShort));
        }
        let hash = hashed(password).await?;
        match self.store.create_user(&caller.actor, new, &hash).await {
            Err(StoreError::Conflict(_)) => Err(HubError::Account(AccountRefusal::UserExists)),
            other => Ok(other?),
        }
    }

    /// Sets a new password for user `id` (the command line's reset); they
    /// are signed out everywhere.
    pub async fn reset_password(
        &self,
        caller: &Caller,
        id: &str,
        password: String,
    ) -> Result<(), HubError> {
        caller.require(Permission::ManageUsers)?;
        if password.chars().count() < MIN_PASSWORD {
            return Err(HubError::Account(AccountRefusal::PasswordTooShort));
        }
        self.store.user(id).await?.ok_or_else(|| no_user(id))?;
        let hash = hashed(password).await?;
        Ok(self.store.set_password(&caller.actor, id, &hash).await?)
    }

    /// Disables (signing them out everywhere) or enables user `id`; not
    /// one's own account.
    pub async fn set_disabled(
        &self,
        caller: &Caller,
        id: &str,
        disabled: bool,
    ) -> Result<(), HubError> {
        caller.require(Permission::ManageUsers)?;
        if disabled && caller.user_id.as_deref() == Some(id) {
            return Err(HubError::Account(AccountRefusal::NotSelf));
        }
        self.store.user(id).await?.ok_or_else(|| no_user(id))?;
        Ok(self.store.set_disabled(&caller.actor, id, disabled).await?)
    }

    /// Changes user `id`'s role and organisation; an admin may not change
    /// their own role, so that the last admin cannot lock everyone out by
    /// mistake.
    pub async fn set_role_and_organisation(
        &self,
        caller: &Caller,
        id: &str,
        role: Role,
        organisation: Option<&str>,
    ) -> Result<(), HubError> {
        caller.require(Permission::ManageUsers)?;
        if caller.user_id.as_deref() == Some(id) && Some(role) != caller.role {
            return Err(HubError::Account(AccountRefusal::NotSelfRole));
        }
        self.store.user(id).await?.ok_or_else(|| no_user(id))?;
        Ok(self
            .store
            .set_role_and_organisation(&caller.actor, id, role, organisation)
            .await?)
    }

    /// Makes sure the operator's API token works: the configured one, or,
    /// without one, a token made at first start (shown once). Either is a
    /// token of the built-in operator account ([`OPERATOR_EMAIL`]), so it
    /// is stored hashed, audited under that account and revoked like any
    /// other.
    pub async fn operator_token(
        &self,
        configured: Option<&str>,
    ) -> Result<OperatorToken, HubError> {
        let operator = operator(&self.store).await?;
        if let Some(t) = configured.filter(|t| !t.is_empty()) {
            let revoked = register(&self.store, &operator, "configured", &token_hash(t)).await?;
            return Ok(if revoked {
                OperatorToken::ConfiguredRevoked
            } else {
                OperatorToken::Configured
            });
        }
        let fresh = new_token();
        let fresh_hash = token_hash(&fresh);
        let stored = self
            .store
            .setting_or_insert(FIRST_TOKEN_SETTING, &fresh_hash)
            .await?;
        register(&self.store, &operator, "first start", &stored).await?;
        Ok(if stored == fresh_hash {
            OperatorToken::Fresh(fresh)
        } else {
            OperatorToken::Kept
        })
    }

    /// The built-in operator account, made on first use.
    pub async fn operator(&self) -> Result<User, HubError> {
        Ok(operator(&self.store).await?)
    }
}

async fn operator(store: &Store) -> Result<User, StoreError> {
    if let Some((user, _)) = store.user_with_hash(OPERATOR_EMAIL).await? {
        return Ok(user);
    }
    let new = NewUser {
        email: OPERATOR_EMAIL,
        display_name: "Operator (API token of the configuration)",
        organisation: None,
        preferred_lang: None,
        role: Role::Admin,
    };
    // Not a PHC string, so no password verifies against it.
    match store.create_user("system", new, "!").await {
        Err(StoreError::Conflict(_)) => store
            .user_with_hash(OPERATOR_EMAIL)
            .await?
            .map(|(user, _)| user)
            .ok_or_else(|| StoreError::Conflict("the operator account was removed".into())),
        other => other,
    }
}

/// Adds a token hash to the operator unless it was ever added; returns
/// whether it was revoked since.
async fn register(
    store: &Store,
    operator: &User,
    name: &str,
    hash: &str,
) -> Result<bool, StoreError> {
    match store.token_revoked(hash).await? {
        Some(revoked) => Ok(revoked),
        None => match store.create_token("system", &operator.id, name, hash).await {
            // Another node registered it at the same moment.
            Ok(_) | Err(StoreError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        },
    }
}
