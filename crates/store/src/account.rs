//! Accounts in the store: users, sessions, API tokens, failed sign-ins.
//! Secrets are never stored: only hashes of passwords (argon2id, made by
//! the caller), of session ids and of tokens.

use passerelle_domain::account::{Role, TokenInfo, User};

use crate::{Backend, Store, StoreError, now, postgres, sqlite};

/// A user to create.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub organisation: Option<&'a str>,
    pub preferred_lang: Option<&'a str>,
    pub role: Role,
}

/// What to change of a user; `None` leaves a field as it is.
#[derive(Clone, Copy, Default)]
pub(crate) struct UserChange<'a> {
    pub password_hash: Option<&'a str>,
    pub role: Option<Role>,
    pub disabled: Option<bool>,
    pub display_name: Option<&'a str>,
    /// `Some(None)` clears the preferred language.
    pub preferred_lang: Option<Option<&'a str>>,
    /// `Some(None)` clears the organisation.
    pub organisation: Option<Option<&'a str>>,
}

/// E-mail addresses are compared trimmed and in lower case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn check_profile(
    c: &mut passerelle_domain::validation::Check,
    display_name: &str,
    preferred_lang: Option<&str>,
) {
    c.required("display_name", display_name);
    c.max_len("display_name", display_name, 200);
    if let Some(lang) = preferred_lang
        && passerelle_domain::text::Lang::parse(lang).is_none()
    {
        c.fail(
            "preferred_lang",
            format!("`{lang}` is not a language of the hub: fr, en, es or ar"),
        );
    }
}

impl Store {
    pub async fn create_user(
        &self,
        actor: &str,
        new: NewUser<'_>,
        password_hash: &str,
    ) -> Result<User, StoreError> {
        let email = normalise_email(new.email);
        let mut c = passerelle_domain::validation::Check::new();
        if !email.contains('@') || email.len() > 254 || email.contains(char::is_whitespace) {
            c.fail_as(
                "email",
                "email",
                &[("value", email.clone())],
                format!("`{email}` is not an e-mail address"),
            );
        }
        check_profile(&mut c, new.display_name, new.preferred_lang);
        c.finish()?;
        let at = now();
        let user = User {
            id: uuid::Uuid::new_v4().to_string(),
            email,
            display_name: new.display_name.trim().to_string(),
            organisation: new
                .organisation
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            preferred_lang: new.preferred_lang.map(str::to_string),
            role: new.role,
            disabled: false,
            created_at: at.clone(),
            updated_at: at,
        };
        dispatch!(self, create_user(actor, &user, password_hash))?;
        Ok(user)
    }

    /// A user and their password hash, by e-mail.
    pub async fn user_with_hash(&self, email: &str) -> Result<Option<(User, String)>, StoreError> {
        let email = normalise_email(email);
        dispatch!(self, user_with_hash(&email))
    }

    pub async fn user(&self, id: &str) -> Result<Option<User>, StoreError> {
        dispatch!(self, user(id))
    }

    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        dispatch!(self, users())
    }

    /// A new password hash; the user's sessions end.
    pub async fn set_password(
        &self,
        actor: &str,
        id: &str,
        password_hash: &str,
    ) -> Result<(), StoreError> {
        let change = UserChange {
            password_hash: Some(password_hash),
            ..UserChange::default()
        };
        dispatch!(self, update_user(actor, id, &change))
    }

    /// What an admin changes of a user: their role and their organisation
    /// (which decides the commitments they may update), as one audited
    /// change. The change applies from their next request.
    pub async fn set_role_and_organisation(
        &self,
        actor: &str,
        id: &str,
        role: Role,
        organisation: Option<&str>,
    ) -> Result<(), StoreError> {
        let organisation = organisation.map(str::trim).filter(|o| !o.is_empty());
        let mut c = passerelle_domain::validation::Check::new();
        c.max_len("organisation", organisation.unwrap_or(""), 200);
        c.finish()?;
        let change = UserChange {
            role: Some(role),
            organisation: Some(organisation),
            ..UserChange::default()
        };
        dispatch!(self, update_user(actor, id, &change))
    }

    /// What a user changes of themselves: the name shown and the language
    /// of their pages (`None`: the browser's).
    pub async fn set_profile(
        &self,
        actor: &str,
        id: &str,
        display_name: &str,
        preferred_lang: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut c = passerelle_domain::validation::Check::new();
        check_profile(&mut c, display_name, preferred_lang);
        c.finish()?;
        let change = UserChange {
            display_name: Some(display_name.trim()),
            preferred_lang: Some(preferred_lang),
            ..UserChange::default()
        };
        dispatch!(self, update_user(actor, id, &change))
    }

    /// Disabling ends the user's sessions at once, and their tokens stop
    /// working (every lookup checks the user), on every node.
    pub async fn set_disabled(
        &self,
        actor: &str,
        id: &str,
        disabled: bool,
    ) -> Result<(), StoreError> {
        let change = UserChange {
            disabled: Some(disabled),
            ..UserChange::default()
        };
        dispatch!(self, update_user(actor, id, &change))
    }

    pub async fn create_session(
        &self,
        id_hash: &str,
        user_id: &str,
        csrf: &str,
        expires_at: &str,
    ) -> Result<(), StoreError> {
        dispatch!(self, create_session(id_hash, user_id, csrf, expires_at))
    }

    /// The user of a live session, with the session's CSRF token.
    pub async fn session(&self, id_hash: &str) -> Result<Option<(User, String)>, StoreError> {
        dispatch!(self, session(id_hash, &now()))
    }

    pub async fn end_session(&self, id_hash: &str) -> Result<(), StoreError> {
        dispatch!(self, end_sessions(Some(id_hash), None))
    }

    /// Signs a user out everywhere.
    pub async fn end_sessions_of(&self, user_id: &str) -> Result<(), StoreError> {
        dispatch!(self, end_sessions(None, Some(user_id)))
    }

    pub async fn create_token(
        &self,
        actor: &str,
        user_id: &str,
        name: &str,
        token_hash: &str,
    ) -> Result<TokenInfo, StoreError> {
        let mut c = passerelle_domain::validation::Check::new();
        c.required("name", name);
        c.max_len("name", name, 100);
        c.finish()?;
        let info = TokenInfo {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.trim().to_string(),
            created_at: now(),
            revoked_at: None,
        };
        dispatch!(self, create_token(actor, user_id, &info, token_hash))?;
        Ok(info)
    }

    /// The user a live token belongs to, and the token's name.
    pub async fn token_user(&self, token_hash: &str) -> Result<Option<(User, String)>, StoreError> {
        dispatch!(self, token_user(token_hash))
    }

    /// Whether a token with this hash was ever made: `Some(revoked)`.
    pub async fn token_revoked(&self, token_hash: &str) -> Result<Option<bool>, StoreError> {
        dispatch!(self, token_revoked(token_hash))
    }

    pub async fn tokens_of(&self, user_id: &str) -> Result<Vec<TokenInfo>, StoreError> {
        dispatch!(self, tokens_of(user_id))
    }

    pub async fn revoke_token(
        &self,
        actor: &str,
        user_id: &str,
        token_id: &str,
    ) -> Result<bool, StoreError> {
        dispatch!(self, revoke_token(actor, user_id, token_id))
    }

    /// Throttling, shared by every node: notes one attempt under each key
    /// (`account:…`, `address:…` for sign-in; `propose:…` for corrections).
    /// Kept a day. The table is still called `login_failures`, its first use.
    pub async fn record_attempt(&self, keys: &[String]) -> Result<(), StoreError> {
        dispatch!(self, record_attempt(keys))
    }

    /// Attempts under `key` since `since` (RFC 3339).
    pub async fn attempts(&self, key: &str, since: &str) -> Result<i64, StoreError> {
        dispatch!(self, attempts(key, since))
    }

    pub async fn forget_attempts(&self, key: &str) -> Result<(), StoreError> {
        dispatch!(self, forget_attempts(key))
    }
}

impl Store {
    /// Stores a proposed correction (open), audited under its proposer.
    pub async fn propose_correction(
        &self,
        correction: &passerelle_domain::correction::Correction,
    ) -> Result<(), StoreError> {
        dispatch!(self, create_correction(correction))
    }

    /// Corrections in the order they came, of one status or all.
    pub async fn corrections(
        &self,
        status: Option<passerelle_domain::correction::CorrectionStatus>,
    ) -> Result<Vec<passerelle_domain::correction::Correction>, StoreError> {
        dispatch!(self, corrections(status))
    }

    /// Accepts or declines an open correction; a decided one is a conflict.
    pub async fn decide_correction(
        &self,
        actor: &str,
        id: &str,
        status: passerelle_domain::correction::CorrectionStatus,
        note: Option<&str>,
    ) -> Result<passerelle_domain::correction::Correction, StoreError> {
        dispatch!(self, decide_correction(actor, id, status, note))
    }
}
