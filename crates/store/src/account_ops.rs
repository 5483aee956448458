// Accounts, sessions, API tokens and failed sign-ins, for both backends
// (included by `sqlite.rs` and `postgres.rs`, like `ops.rs`).

use crate::account::UserChange;
use passerelle_domain::account::{Role, TokenInfo, User};
use passerelle_domain::audit::{TOKENS, USERS};

const USER_COLUMNS: &str = "u.id, u.email, u.display_name, u.organisation, u.preferred_lang, u.role, u.disabled, u.created_at, u.updated_at";

fn user_from(row: &<Db as sqlx::Database>::Row) -> Result<User, StoreError> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        display_name: row.try_get("display_name")?,
        organisation: row.try_get("organisation")?,
        preferred_lang: row.try_get("preferred_lang")?,
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("user role `{role}`")))?,
        disabled: row.try_get("disabled")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

pub(crate) async fn create_user(
    pool: &Pool<Db>,
    actor: &str,
    user: &User,
    password_hash: &str,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let inserted = sqlx::query(
            "INSERT INTO users (id, email, display_name, organisation, preferred_lang, role, password_hash, disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&user.id)
        .bind(&user.email)
        .bind(&user.display_name)
        .bind(&user.organisation)
        .bind(&user.preferred_lang)
        .bind(user.role.as_str())
        .bind(password_hash)
        .bind(user.disabled)
        .bind(&user.created_at)
        .bind(&user.updated_at)
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {}
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(StoreError::Conflict(format!(
                    "a user with e-mail `{}` exists",
                    user.email
                )));
            }
            Err(e) => return Err(e.into()),
        }
        let after = serde_json::to_value(user)?;
        account_audit(&mut tx, actor, USERS, &user.id, Action::Create, None, Some(&after)).await
    }
    .await;
    finish(tx, result).await
}

/// One audit entry for a change to an account, in its transaction.
async fn account_audit(
    tx: &mut Tx,
    actor: &str,
    subject: &str,
    id: &str,
    action: Action,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<(), StoreError> {
    let row = audit_row(actor, subject, id, action, before, after, &now());
    insert_rows(tx, AUDIT_INSERT, "", 7, &[row]).await
}

async fn user_in(tx: &mut Tx, id: &str) -> Result<Option<User>, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
    sqlx::query(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| user_from(&r))
        .transpose()
}

pub(crate) async fn user_with_hash(
    pool: &Pool<Db>,
    email: &str,
) -> Result<Option<(User, String)>, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1");
    match sqlx::query(AssertSqlSafe(sql))
        .bind(email)
        .fetch_optional(pool)
        .await?
    {
        Some(row) => Ok(Some((user_from(&row)?, row.try_get("password_hash")?))),
        None => Ok(None),
    }
}

pub(crate) async fn user(pool: &Pool<Db>, id: &str) -> Result<Option<User>, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
    sqlx::query(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .map(|r| user_from(&r))
        .transpose()
}

pub(crate) async fn users(pool: &Pool<Db>) -> Result<Vec<User>, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.email");
    sqlx::query(AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?
        .iter()
        .map(user_from)
        .collect()
}

/// Changes a user's password hash, role or state, with its audit entry;
/// disabling one or changing the password ends their sessions in the
/// same transaction.
pub(crate) async fn update_user(
    pool: &Pool<Db>,
    actor: &str,
    id: &str,
    change: &UserChange<'_>,
) -> Result<(), StoreError> {
    let UserChange {
        password_hash,
        role,
        disabled,
        ..
    } = *change;
    let mut tx = begin(pool).await?;
    let result = async {
        let before = user_in(&mut tx, id)
            .await?
            .ok_or_else(|| StoreError::Conflict(format!("no user `{id}`")))?;
        sqlx::query(
            "UPDATE users SET password_hash = COALESCE($2, password_hash), role = COALESCE($3, role), disabled = COALESCE($4, disabled), updated_at = $5, display_name = COALESCE($6, display_name), preferred_lang = CASE WHEN $7 THEN $8 ELSE preferred_lang END, organisation = CASE WHEN $9 THEN $10 ELSE organisation END WHERE id = $1",
        )
        .bind(id)
        .bind(password_hash)
        .bind(role.map(Role::as_str))
        .bind(disabled)
        .bind(now())
        .bind(change.display_name)
        .bind(change.preferred_lang.is_some())
        .bind(change.preferred_lang.flatten())
        .bind(change.organisation.is_some())
        .bind(change.organisation.flatten())
        .execute(&mut *tx)
        .await?;
        if disabled == Some(true) || password_hash.is_some() {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        // A disabled user's tokens are revoked, not only refused: enabling
        // the user again gives them none back.
        if disabled == Some(true) {
            let at = now();
            let live: Vec<String> = sqlx::query_scalar(
                "SELECT id FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY id",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            for token in live {
                sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1")
                    .bind(&token)
                    .bind(&at)
                    .execute(&mut *tx)
                    .await?;
                let after = serde_json::json!({"user_id": id, "revoked_at": at});
                account_audit(&mut tx, actor, TOKENS, &token, Action::Revoke, None, Some(&after))
                    .await?;
            }
        }
        let after = user_in(&mut tx, id).await?.expect("updated in this transaction");
        let action = match disabled {
            Some(true) if !before.disabled => Action::Disable,
            Some(false) if before.disabled => Action::Enable,
            _ => Action::Update,
        };
        // The hash is never logged; a new password shows as a flag.
        let mut after_json = serde_json::to_value(&after)?;
        if password_hash.is_some() {
            after_json["password_changed"] = Value::Bool(true);
        }
        account_audit(
            &mut tx,
            actor,
            USERS,
            id,
            action,
            Some(&serde_json::to_value(&before)?),
            Some(&after_json),
        )
        .await
    }
    .await;
    finish(tx, result).await
}

pub(crate) async fn create_session(
    pool: &Pool<Db>,
    id_hash: &str,
    user_id: &str,
    csrf: &str,
    expires_at: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id_hash)
        .bind(user_id)
        .bind(csrf)
        .bind(now())
        .bind(expires_at)
        .execute(pool)
        .await?;
    Ok(())
}

/// The user of a live session and its CSRF token; none when the session
/// has expired, was ended, or its user is disabled.
pub(crate) async fn session(
    pool: &Pool<Db>,
    id_hash: &str,
    now: &str,
) -> Result<Option<(User, String)>, StoreError> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.expires_at > $2 AND NOT u.disabled"
    );
    match sqlx::query(AssertSqlSafe(sql))
        .bind(id_hash)
        .bind(now)
        .fetch_optional(pool)
        .await?
    {
        Some(row) => Ok(Some((user_from(&row)?, row.try_get("csrf")?))),
        None => Ok(None),
    }
}

pub(crate) async fn end_sessions(
    pool: &Pool<Db>,
    id_hash: Option<&str>,
    user_id: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1 OR user_id = $2")
        .bind(id_hash)
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub(crate) async fn create_token(
    pool: &Pool<Db>,
    actor: &str,
    user_id: &str,
    info: &TokenInfo,
    token_hash: &str,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let inserted = sqlx::query("INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(&info.id)
            .bind(user_id)
            .bind(&info.name)
            .bind(token_hash)
            .bind(&info.created_at)
            .execute(&mut *tx)
            .await;
        match inserted {
            Ok(_) => {}
            // Two nodes registering the configured token at one start.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(StoreError::Conflict("this token is registered already".into()));
            }
            Err(e) => return Err(e.into()),
        }
        let mut after = serde_json::to_value(info)?;
        after["user_id"] = Value::String(user_id.to_string());
        account_audit(&mut tx, actor, TOKENS, &info.id, Action::Create, None, Some(&after)).await
    }
    .await;
    finish(tx, result).await
}

/// The user a live token belongs to, and the token's name.
pub(crate) async fn token_user(
    pool: &Pool<Db>,
    token_hash: &str,
) -> Result<Option<(User, String)>, StoreError> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, t.name FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled"
    );
    match sqlx::query(AssertSqlSafe(sql))
        .bind(token_hash)
        .fetch_optional(pool)
        .await?
    {
        Some(row) => Ok(Some((user_from(&row)?, row.try_get("name")?))),
        None => Ok(None),
    }
}

pub(crate) async fn token_revoked(
    pool: &Pool<Db>,
    token_hash: &str,
) -> Result<Option<bool>, StoreError> {
    let row: Option<Option<String>> =
        sqlx::query_scalar("SELECT revoked_at FROM api_tokens WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|r| r.is_some()))
}

pub(crate) async fn tokens_of(
    pool: &Pool<Db>,
    user_id: &str,
) -> Result<Vec<TokenInfo>, StoreError> {
    let rows = sqlx::query("SELECT id, name, created_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id")
        .bind(user_id)
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(TokenInfo {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                created_at: r.try_get("created_at")?,
                revoked_at: r.try_get("revoked_at")?,
            })
        })
        .collect()
}

/// Revokes one of a user's tokens, with its audit entry; false when it is
/// not theirs or is already revoked.
pub(crate) async fn revoke_token(
    pool: &Pool<Db>,
    actor: &str,
    user_id: &str,
    token_id: &str,
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let result = async {
        let at = now();
        let n = sqlx::query("UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL")
            .bind(token_id)
            .bind(user_id)
            .bind(&at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n > 0 {
            let after = serde_json::json!({"user_id": user_id, "revoked_at": at});
            account_audit(&mut tx, actor, TOKENS, token_id, Action::Revoke, None, Some(&after)).await?;
        }
        Ok(n > 0)
    }
    .await;
    finish(tx, result).await
}

/// Attempts older than this are forgotten: every window is shorter.
const ATTEMPTS_KEPT: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Notes one attempt under each key (failed sign-ins, proposals), and
/// forgets those too old to count, so the table holds a day at most.
pub(crate) async fn record_attempt(pool: &Pool<Db>, keys: &[String]) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM login_failures WHERE at < $1")
        .bind(crate::rfc3339(std::time::SystemTime::now() - ATTEMPTS_KEPT))
        .execute(pool)
        .await?;
    for key in keys {
        sqlx::query("INSERT INTO login_failures (key, at) VALUES ($1, $2)")
            .bind(key)
            .bind(now())
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// Attempts under `key` since `since` (RFC 3339).
pub(crate) async fn attempts(pool: &Pool<Db>, key: &str, since: &str) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at > $2")
            .bind(key)
            .bind(since)
            .fetch_one(pool)
            .await?,
    )
}

pub(crate) async fn forget_attempts(pool: &Pool<Db>, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM login_failures WHERE key = $1")
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}
