//! Signing in and out, one's own account (password, API tokens) and, for
//! admins, the users. Every form carries a CSRF token: the session's once
//! signed in, and before that a random value also set as a cookie
//! (double submit), so another site cannot post these forms.

use axum::body::Bytes;
use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use passerelle_domain::Lang;
use passerelle_domain::account::{Permission, Role, allows};
use passerelle_hub::{AccountRefusal, HubError, SESSION_HOURS};
use passerelle_store::NewUser;

use super::render;
use crate::AppState;
use crate::auth::{self, MIN_PASSWORD, Principal, SESSION_COOKIE, cookie, random_hex, same};
use crate::error::{ApiError, ApiResult, Code};

/// The pre-sign-in CSRF cookie.
pub(super) const CSRF_COOKIE: &str = "passerelle_csrf";

pub(super) fn form(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

pub(super) fn field<'f>(form: &'f [(String, String)], name: &str) -> &'f str {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

pub(super) fn csrf_refused() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        Code::Csrf,
        "The form has expired",
        "the form's security token is missing or wrong: reload the page and send it again",
    )
}

pub(super) fn set_cookie(
    state: &AppState,
    name: &str,
    value: &str,
    max_age: Option<u64>,
) -> HeaderValue {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let age = max_age
        .map(|a| format!("; Max-Age={a}"))
        .unwrap_or_default();
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{age}"
    ))
    .expect("cookie values are hex")
}

/// The signed-in principal and a form's CSRF token checked against the
/// session's; redirects the public to the sign-in page.
pub(super) async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
    form: Option<&[(String, String)]>,
) -> Result<Principal, ApiError> {
    let p = auth::principal(state, headers).await?;
    let Some(p) = p.filter(|p| p.session.is_some()) else {
        return Err(ApiError::unauthorized());
    };
    if let Some(form) = form {
        let sent = field(form, "csrf");
        let want = p.csrf.as_deref().unwrap_or("");
        if want.is_empty() || !same(sent.as_bytes(), want.as_bytes()) {
            return Err(csrf_refused());
        }
    }
    Ok(p)
}

/// A form posted by someone signed in with a session, its CSRF token
/// checked against the session's, as a handler's last parameter: who sent
/// it and its fields. The public is answered 401 (the pages lead them to
/// sign in), a missing or wrong token 403, before the handler runs.
pub(super) struct SessionForm {
    pub p: Principal,
    pub fields: Vec<(String, String)>,
}

impl SessionForm {
    /// The form, if its sender's role allows `what`.
    pub fn may(self, what: Permission) -> Result<SessionForm, ApiError> {
        if allows(Some(self.p.role), what) {
            Ok(self)
        } else {
            Err(auth::forbidden(self.p.role, what))
        }
    }
}

impl axum::extract::FromRequest<AppState> for SessionForm {
    type Rejection = ApiError;

    async fn from_request(
        req: axum::extract::Request,
        state: &AppState,
    ) -> Result<SessionForm, ApiError> {
        let headers = req.headers().clone();
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            ApiError::new(
                e.status(),
                Code::PayloadTooLarge,
                "The form could not be read",
                e.body_text(),
            )
        })?;
        let fields = form(&body);
        let p = signed_in(state, &headers, Some(&fields)).await?;
        Ok(SessionForm { p, fields })
    }
}

/// The signed-in principal (forms checked as [`signed_in`] does) if their
/// role allows `what`.
pub(super) async fn signed_in_may(
    state: &AppState,
    headers: &HeaderMap,
    form: Option<&[(String, String)]>,
    what: Permission,
) -> Result<Principal, ApiError> {
    let p = signed_in(state, headers, form).await?;
    if !allows(Some(p.role), what) {
        return Err(auth::forbidden(p.role, what));
    }
    Ok(p)
}

pub async fn sign_in_form(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
) -> ApiResult<Response> {
    sign_in_page(&state, lang, &uri, None, StatusCode::OK)
}

fn sign_in_page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    error: Option<&str>,
    status: StatusCode,
) -> ApiResult<Response> {
    let csrf = random_hex();
    let html = render(
        state,
        lang,
        uri,
        "sign_in.html",
        minijinja::context! { section => "account", csrf => csrf.clone(), error => error },
    )?;
    let mut res = (status, html).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(state, CSRF_COOKIE, &csrf, Some(3600)),
    );
    Ok(res)
}

pub async fn sign_in(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
    connect: Option<Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    body: Bytes,
) -> ApiResult<Response> {
    let f = form(&body);
    let cookie_csrf = cookie(&headers, CSRF_COOKIE).unwrap_or("");
    if cookie_csrf.is_empty() || !same(field(&f, "csrf").as_bytes(), cookie_csrf.as_bytes()) {
        return Err(csrf_refused());
    }
    let address = crate::proxies::of_request(&state, &headers, connect.map(|c| c.0.0));
    let password = field(&f, "password").to_string();
    let session = match state
        .hub
        .sign_in(field(&f, "email"), password, address)
        .await
    {
        Ok(session) => session,
        Err(HubError::Account(refusal)) => {
            let status = match refusal {
                AccountRefusal::SignInThrottled => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::UNAUTHORIZED,
            };
            return sign_in_page(&state, lang, &uri, Some(refusal.key()), status);
        }
        Err(e) => return Err(e.into()),
    };
    let (id, user) = (session.secret, session.user);
    // Their own language from now on, if they chose one.
    let home = user
        .preferred_lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(lang);
    let mut res = Redirect::to(&format!("/{}/account", home.code())).into_response();
    let h = res.headers_mut();
    h.append(
        header::SET_COOKIE,
        set_cookie(&state, SESSION_COOKIE, &id, Some(SESSION_HOURS * 3600)),
    );
    h.append(
        header::SET_COOKIE,
        set_cookie(&state, CSRF_COOKIE, "", Some(0)),
    );
    Ok(res)
}

pub async fn sign_out(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent;
    let everywhere = field(&f, "everywhere") == "1";
    state
        .hub
        .sign_out(&p.caller(), p.session.as_deref(), everywhere)
        .await?;
    let mut res = Redirect::to(&format!("/{}", lang.code())).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(&state, SESSION_COOKIE, "", Some(0)),
    );
    Ok(res)
}

async fn account_page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    p: &Principal,
    message: Option<&str>,
    new_token: Option<&str>,
    status: StatusCode,
) -> ApiResult<Response> {
    let user = &p.user;
    let tokens = state.store.tokens_of(&user.id).await?;
    // The practices this user submitted, with where each stands and the
    // reviewers' comments.
    let q = passerelle_store::ListQuery {
        include_private: true,
        per_page: 500,
        sort: passerelle_store::Sort::UpdatedDesc,
        ..passerelle_store::ListQuery::default()
    };
    let contributions: Vec<serde_json::Value> = state
        .store
        .list_json(passerelle_domain::Kind::Practices, &q)
        .await?
        .items
        .into_iter()
        .filter(|r| r["submitted_by"].as_str() == Some(user.id.as_str()))
        .collect();
    let html = render(
        state,
        lang,
        uri,
        "account.html",
        minijinja::context! {
            section => "account",
            user => super::view::val(user),
            csrf => p.csrf.clone(),
            tokens => super::view::val(&tokens),
            contributions => super::view::val(&contributions),
            message => message,
            new_token => new_token,
            admin => allows(Some(p.role), Permission::ManageUsers),
            reviewer => allows(Some(p.role), Permission::ReviewSubmissions),
            editor => allows(Some(p.role), Permission::DecideCorrections),
            min_password => MIN_PASSWORD,
        },
    )?;
    Ok((status, html).into_response())
}

/// The account page, or the sign-in form for the public.
pub async fn account(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
) -> ApiResult<Response> {
    match signed_in(&state, &headers, None).await {
        Ok(p) => {
            let saved = match uri.query() {
                Some("saved=profile") => Some("profile-saved"),
                Some("saved=contribution") => Some("contribute-saved"),
                Some("saved=withdrawn") => Some("contribute-withdrawn"),
                _ => None,
            };
            account_page(&state, lang, &uri, &p, saved, None, StatusCode::OK).await
        }
        Err(_) => Ok(Redirect::to(&format!("/{}/sign-in", lang.code())).into_response()),
    }
}

pub async fn change_password(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent;
    let (new, again) = (field(&f, "new"), field(&f, "again"));
    let changed = if new != again {
        Err(Some("password-mismatch"))
    } else {
        let current = field(&f, "current").to_string();
        match state
            .hub
            .change_password(&p.caller(), &p.user.email, current, new.to_string())
            .await
        {
            Ok(()) => Ok(()),
            Err(HubError::Account(refusal)) => Err(Some(refusal.key())),
            Err(e) => return Err(e.into()),
        }
    };
    if let Err(key) = changed {
        return account_page(
            &state,
            lang,
            &uri,
            &p,
            key,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    // A new password ends every session, this one too: sign in again.
    let mut res = Redirect::to(&format!("/{}/sign-in", lang.code())).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(&state, SESSION_COOKIE, "", Some(0)),
    );
    Ok(res)
}

/// The name shown and the language of one's pages.
pub async fn change_profile(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent;
    let preferred = Some(field(&f, "preferred_lang")).filter(|l| !l.is_empty());
    state
        .hub
        .change_profile(&p.caller(), field(&f, "display_name"), preferred)
        .await?;
    // Shown at once in the language just chosen.
    let to = preferred.and_then(Lang::parse).unwrap_or(lang);
    Ok(Redirect::to(&format!("/{}/account?saved=profile", to.code())).into_response())
}

pub async fn create_token(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent;
    let secret = state
        .hub
        .create_token(&p.caller(), field(&f, "name"))
        .await?;
    account_page(
        &state,
        lang,
        &uri,
        &p,
        Some("token-created"),
        Some(&secret),
        StatusCode::CREATED,
    )
    .await
}

pub async fn revoke_token(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path(id): Path<String>,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: _f } = sent;
    state.hub.revoke_token(&p.caller(), &id).await?;
    account_page(
        &state,
        lang,
        &uri,
        &p,
        Some("token-revoked"),
        None,
        StatusCode::OK,
    )
    .await
}

async fn users_page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    p: &Principal,
    message: Option<&str>,
    status: StatusCode,
) -> ApiResult<Response> {
    let users = state.store.users().await?;
    let html = render(
        state,
        lang,
        uri,
        "users.html",
        minijinja::context! {
            section => "account",
            users => super::view::val(&users),
            csrf => p.csrf.clone(),
            me => p.user.id.clone(),
            roles => Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            operator => passerelle_domain::account::OPERATOR_EMAIL,
            message => message,
            min_password => MIN_PASSWORD,
        },
    )?;
    Ok((status, html).into_response())
}

pub async fn users(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let p = signed_in_may(&state, &headers, None, Permission::ManageUsers).await?;
    users_page(&state, lang, &uri, &p, None, StatusCode::OK).await
}

pub async fn add_user(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent.may(Permission::ManageUsers)?;
    let role = Role::parse(field(&f, "role")).ok_or_else(|| {
        ApiError::invalid(passerelle_domain::Invalid::one(
            "role",
            "choose admin, editor, reviewer or contributor",
        ))
    })?;
    let password = field(&f, "password").to_string();
    let new = NewUser {
        email: field(&f, "email"),
        display_name: field(&f, "name"),
        organisation: Some(field(&f, "organisation")),
        // Their browser's language until they choose one: not the admin's.
        preferred_lang: None,
        role,
    };
    let (key, status) = match state.hub.add_user(&p.caller(), new, password).await {
        Ok(_) => ("user-added", StatusCode::CREATED),
        Err(HubError::Account(r @ AccountRefusal::UserExists)) => (r.key(), StatusCode::CONFLICT),
        Err(HubError::Account(r)) => (r.key(), StatusCode::UNPROCESSABLE_ENTITY),
        Err(e) => return Err(e.into()),
    };
    users_page(&state, lang, &uri, &p, Some(key), status).await
}

pub async fn set_user_state(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path((id, action)): Path<(String, String)>,
    sent: SessionForm,
) -> ApiResult<Response> {
    let SessionForm { p, fields: f } = sent.may(Permission::ManageUsers)?;
    let disabled = match action.as_str() {
        "disable" => true,
        "enable" => false,
        "edit" => return edit_user(&state, lang, &uri, &p, &id, &f).await,
        other => {
            return Err(ApiError::not_found(format!(
                "no action `{other}`: disable, enable or edit"
            )));
        }
    };
    let key = match state.hub.set_disabled(&p.caller(), &id, disabled).await {
        Ok(()) if disabled => "user-disabled",
        Ok(()) => "user-enabled",
        Err(HubError::Account(r)) => {
            return users_page(
                &state,
                lang,
                &uri,
                &p,
                Some(r.key()),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    users_page(&state, lang, &uri, &p, Some(key), StatusCode::OK).await
}

/// An admin changes a user's role and organisation; not their own role,
/// so that the last admin cannot lock everyone out by mistake.
async fn edit_user(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    p: &Principal,
    id: &str,
    f: &[(String, String)],
) -> ApiResult<Response> {
    let role = Role::parse(field(f, "role")).ok_or_else(|| {
        ApiError::invalid(passerelle_domain::Invalid::one(
            "role",
            format!(
                "`{}` is not a role: admin, editor, reviewer or contributor",
                field(f, "role")
            ),
        ))
    })?;
    let organisation = Some(field(f, "organisation"));
    let changed = state
        .hub
        .set_role_and_organisation(&p.caller(), id, role, organisation)
        .await;
    match changed {
        Ok(()) => users_page(state, lang, uri, p, Some("user-updated"), StatusCode::OK).await,
        Err(HubError::Account(r)) => {
            users_page(
                state,
                lang,
                uri,
                p,
                Some(r.key()),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The practices waiting for a decision, for reviewers.
async fn queue_page(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    p: &Principal,
    message: Option<&str>,
    status: StatusCode,
) -> ApiResult<Response> {
    let q = passerelle_store::ListQuery {
        statuses: vec!["submitted".into(), "in_review".into()],
        include_private: true,
        per_page: 200,
        sort: passerelle_store::Sort::UpdatedAsc,
        ..passerelle_store::ListQuery::default()
    };
    let mut items = state
        .store
        .list_json(passerelle_domain::Kind::Practices, &q)
        .await?
        .items;
    // Who submitted each, by name.
    for item in &mut items {
        if let Some(id) = item["submitted_by"].as_str().map(str::to_string)
            && let Some(u) = state.store.user(&id).await?
        {
            item["submitter"] = serde_json::json!(format!("{} <{}>", u.display_name, u.email));
        }
    }
    let html = render(
        state,
        lang,
        uri,
        "review.html",
        minijinja::context! {
            section => "account",
            items => super::view::val(&items),
            csrf => p.csrf.clone(),
            message => message,
        },
    )?;
    Ok((status, html).into_response())
}

pub async fn review_queue(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let p = signed_in_may(&state, &headers, None, Permission::ReviewSubmissions).await?;
    queue_page(&state, lang, &uri, &p, None, StatusCode::OK).await
}

pub async fn review_decide(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path(id): Path<String>,
    sent: SessionForm,
) -> ApiResult<Response> {
    use passerelle_domain::practice::Decision;
    let SessionForm { p, fields: f } = sent.may(Permission::ReviewSubmissions)?;
    let decision = match field(&f, "decision") {
        "start_review" => Decision::StartReview,
        "publish" => Decision::Publish,
        "reject" => Decision::Reject,
        other => {
            return Err(ApiError::invalid(passerelle_domain::Invalid::one(
                "decision",
                format!("`{other}` is not start_review, publish or reject"),
            )));
        }
    };
    let comment = Some(field(&f, "comment")).filter(|c| !c.trim().is_empty());
    let decided = state
        .hub
        .decide_submission(&p.caller(), &id, decision, comment)
        .await
        .map_err(ApiError::from);
    match decided {
        Ok(_) => queue_page(&state, lang, &uri, &p, Some("review-done"), StatusCode::OK).await,
        Err(e) if e.code == "validation_failed" => {
            let key = if e.errors.iter().any(|x| x.field == "comment") {
                "review-needs-comment"
            } else {
                "review-not-applicable"
            };
            queue_page(
                &state,
                lang,
                &uri,
                &p,
                Some(key),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}
