//! Accounts end to end (the role matrix is in `matrix.rs`): sign-in with
//! CSRF and throttling, sessions and tokens that stop at once when revoked
//! or when their user is disabled, on every node; contributions, reviews,
//! commitment updates and corrections.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use passerelle_domain::Kind;
use passerelle_domain::account::Role;
use serde_json::json;

use crate::{TestApp, agreement, apps};

const PASSWORD: &str = "correct horse battery";

async fn user(t: &TestApp, email: &str, role: Role) -> String {
    let hash = passerelle_web::hash_password(PASSWORD);
    t.add_user(email, role, None, &hash).await
}

/// A token for a new user of `role`.
async fn token_for(t: &TestApp, role: Role) -> String {
    let id = user(t, &format!("{role}@example.org"), role).await;
    t.token_of(&id).await
}

fn form_request(uri: &str, cookies: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookies)
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// The value of cookie `name` set by a response.
fn set_cookie(r: &crate::Reply, name: &str) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.strip_prefix(&format!("{name}="))
                .map(|rest| rest.split(';').next().unwrap_or("").to_string())
        })
}

/// Signs in through the form; gives the session cookie.
async fn sign_in(t: &TestApp, email: &str, password: &str) -> (StatusCode, Option<String>) {
    sign_in_with(t, None, email, password).await
}

/// Signs in through the form from the peer `address`.
async fn sign_in_from(
    t: &TestApp,
    address: &str,
    email: &str,
    password: &str,
) -> (StatusCode, Option<String>) {
    sign_in_with(t, Some(address), email, password).await
}

async fn sign_in_with(
    t: &TestApp,
    address: Option<&str>,
    email: &str,
    password: &str,
) -> (StatusCode, Option<String>) {
    let page = t.get("/en/sign-in").await;
    let csrf = set_cookie(&page, "passerelle_csrf").expect("the form sets its CSRF cookie");
    assert!(page.text().contains(&format!("value=\"{csrf}\"")));
    let body = format!(
        "csrf={csrf}&email={}&password={}",
        urlencode(email),
        urlencode(password)
    );
    let mut req = form_request("/en/sign-in", &format!("passerelle_csrf={csrf}"), &body);
    if let Some(address) = address {
        let peer: std::net::SocketAddr = format!("{address}:40000").parse().unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(peer));
    }
    let r = t.call(req).await;
    (r.status, set_cookie(&r, "passerelle_session"))
}

/// The CSRF token in a page's forms.
fn form_csrf(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a form with a CSRF token")
        .to_string()
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn sign_in_sessions_and_csrf() {
    for t in apps().await {
        user(&t, "Editor@Example.org", Role::Editor).await;
        // A form without the CSRF token, or with another one, is refused.
        let r = t
            .call(form_request(
                "/en/sign-in",
                "",
                &format!(
                    "email=editor%40example.org&password={}",
                    urlencode(PASSWORD)
                ),
            ))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = t
            .call(form_request(
                "/en/sign-in",
                "passerelle_csrf=aaa",
                &format!(
                    "csrf=bbb&email=editor%40example.org&password={}",
                    urlencode(PASSWORD)
                ),
            ))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // The right password, in any case of e-mail address: a session.
        let (status, session) = sign_in(&t, " EDITOR@example.org", PASSWORD).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let session = session.expect("a session cookie");
        let cookie = format!("passerelle_session={session}");
        let page = t.get_signed_in("/fr/account", &cookie).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("editor@example.org"));
        // The session writes through the API like a token of the same
        // role, with its CSRF token in a header.
        let r = t
            .call(
                Request::post("/api/v1/agreements")
                    .header(header::COOKIE, &cookie)
                    .header("x-csrf-token", form_csrf(&page.text()))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(
                        serde_json::to_vec(&agreement("by-session", "ES", "MA", 2022)).unwrap(),
                    ))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        // Forms of a signed-in user need the session's CSRF token.
        let html = page.text();
        let csrf = form_csrf(&html);
        let r = t
            .call(form_request(
                "/en/account/tokens",
                &cookie,
                "name=script&csrf=wrong",
            ))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = t
            .call(form_request(
                "/en/account/tokens",
                &cookie,
                &format!("name=script&csrf={csrf}"),
            ))
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        let secret = r
            .text()
            .split("id=\"new-token\" type=\"text\" readonly value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        assert!(secret.starts_with("pas_"), "the token is shown once");
        assert!(
            !t.get_signed_in("/en/account", &cookie)
                .await
                .text()
                .contains(&secret),
            "and never again"
        );
        // Signing out ends the session.
        let r = t
            .call(form_request(
                "/en/sign-out",
                &cookie,
                &format!("csrf={csrf}"),
            ))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = t.get_signed_in("/en/account", &cookie).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "back to the sign-in page");
        // The token still works: signing out is not revoking.
        let r = t
            .send(
                Method::GET,
                "/api/v1/audit",
                Some(&secret),
                None,
                Vec::new(),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "an editor's token is an editor"
        );
    }
}

#[tokio::test]
async fn a_chosen_language_follows_the_user() {
    for t in apps().await {
        user(&t, "amal@example.org", Role::Contributor).await;
        let (_, session) = sign_in(&t, "amal@example.org", PASSWORD).await;
        let cookie = format!("passerelle_session={}", session.unwrap());
        let page = t.get_signed_in("/en/account", &cookie).await.text();
        let csrf = form_csrf(&page);
        // A language the hub does not have is refused, naming the field.
        let r = t
            .call(form_request(
                "/en/account/profile",
                &cookie,
                &format!("csrf={csrf}&display_name=Amal&preferred_lang=de"),
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("preferred_lang"), "{}", r.text());
        let r = t
            .call(form_request(
                "/en/account/profile",
                &cookie,
                &format!("csrf={csrf}&display_name=Amal+B.&preferred_lang=ar"),
            ))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.headers["location"], "/ar/account?saved=profile");
        let page = t
            .get_signed_in("/ar/account?saved=profile", &cookie)
            .await
            .text();
        assert!(page.contains("تم حفظ ملفك الشخصي"), "{page}");
        assert!(page.contains("Amal B."));
        // `/` and the next sign-in go to Arabic, whatever the browser says.
        let r = t
            .call(
                Request::get("/")
                    .header(header::COOKIE, &cookie)
                    .header(header::ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.headers["location"], "/ar");
        let page = t.get("/en/sign-in").await;
        let form = set_cookie(&page, "passerelle_csrf").unwrap();
        let r = t
            .call(form_request(
                "/en/sign-in",
                &format!("passerelle_csrf={form}"),
                &format!(
                    "csrf={form}&email=amal%40example.org&password={}",
                    urlencode(PASSWORD)
                ),
            ))
            .await;
        assert_eq!(r.headers["location"], "/ar/account");
        // Without a session, the browser's language.
        let r = t
            .call(
                Request::get("/")
                    .header(header::ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.headers["location"], "/fr");
        // Cleared, the browser's language again; the change is audited.
        let r = t
            .call(form_request(
                "/ar/account/profile",
                &cookie,
                &format!("csrf={csrf}&display_name=Amal+B.&preferred_lang="),
            ))
            .await;
        assert_eq!(r.headers["location"], "/ar/account?saved=profile");
        let me =
            t.db.store
                .user_with_hash("amal@example.org")
                .await
                .unwrap()
                .unwrap()
                .0;
        assert_eq!(me.preferred_lang, None);
        let q = passerelle_store::AuditQuery {
            kind: Some("users".into()),
            record_id: Some(me.id.clone()),
            limit: 10,
            ..Default::default()
        };
        let log = t.db.store.audit_log(&q).await.unwrap();
        assert_eq!(log.len(), 3, "created, then two profile changes");
        assert_eq!(log[1].actor, "amal@example.org");
    }
}

#[tokio::test]
async fn failed_sign_ins_are_throttled_per_account() {
    for t in apps().await {
        user(&t, "someone@example.org", Role::Reviewer).await;
        for _ in 0..5 {
            let (status, session) = sign_in(&t, "someone@example.org", "wrong password").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
            assert!(session.is_none());
        }
        // Now even the right password waits.
        let (status, session) = sign_in(&t, "someone@example.org", PASSWORD).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert!(session.is_none());
        // Another account from elsewhere is not held back.
        user(&t, "other@example.org", Role::Reviewer).await;
        assert_eq!(
            sign_in(&t, "other@example.org", PASSWORD).await.0,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn revoked_tokens_and_disabled_users_stop_at_once_on_every_node() {
    for t in apps().await {
        let id = user(&t, "writer@example.org", Role::Editor).await;
        let secret = passerelle_web::new_token();
        let info =
            t.db.store
                .create_token("test", &id, "ci", &passerelle_web::token_hash(&secret))
                .await
                .unwrap();
        let (_, session) = sign_in(&t, "writer@example.org", PASSWORD).await;
        let cookie = format!("passerelle_session={}", session.unwrap());
        // A second node over the same database.
        let other = t.another_node().await;
        let write = |n: &str| serde_json::to_vec(&agreement(n, "ES", "MA", 2023)).unwrap();
        for node in [&t, &other] {
            let r = node
                .send(
                    Method::POST,
                    "/api/v1/agreements",
                    Some(&secret),
                    Some("application/json"),
                    write(&format!("w-{}", node.backend())),
                )
                .await;
            assert!(
                r.status.is_success() || r.status == StatusCode::CONFLICT,
                "{}",
                r.status
            );
        }
        // Disabled on one node: refused on the other, token and session.
        t.db.store.set_disabled("test", &id, true).await.unwrap();
        let r = other
            .send(
                Method::POST,
                "/api/v1/agreements",
                Some(&secret),
                Some("application/json"),
                write("after-disable"),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        let r = other.get_signed_in("/en/account", &cookie).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Enabled again, the old token stays revoked (disabling revoked
        // it): the user makes a new one.
        t.db.store.set_disabled("test", &id, false).await.unwrap();
        let r = other
            .send(
                Method::POST,
                "/api/v1/agreements",
                Some(&secret),
                Some("application/json"),
                write("after-enable"),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(
            !t.db
                .store
                .revoke_token("test", &id, &info.id)
                .await
                .unwrap(),
            "already revoked"
        );
        let fresh = t.token_of(&id).await;
        let r = other
            .send(
                Method::POST,
                "/api/v1/agreements",
                Some(&fresh),
                Some("application/json"),
                write("after-enable"),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        // Each change to the account left one audit entry, without secrets.
        let log = |kind: &str, id: &str| {
            let q = passerelle_store::AuditQuery {
                kind: Some(kind.into()),
                record_id: Some(id.into()),
                limit: 100,
                ..Default::default()
            };
            let store = t.db.store.clone();
            async move { store.audit_log(&q).await.unwrap() }
        };
        let users = log("users", &id).await;
        let actions: Vec<&str> = users.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["create", "disable", "enable"]);
        assert!(users.iter().all(|e| e.actor == "test"));
        let text = serde_json::to_string(&users).unwrap();
        assert!(
            !text.contains("argon2") & !text.contains("password_hash"),
            "{text}"
        );
        let tokens = log("tokens", &info.id).await;
        let actions: Vec<&str> = tokens.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["create", "revoke"]);
        assert!(!serde_json::to_string(&tokens).unwrap().contains(&secret));
        // The disabled user's session did not come back with the account.
        let r = t.get_signed_in("/en/account", &cookie).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn the_operator_token_is_an_api_token_of_the_operator_account() {
    use passerelle_web::OperatorToken;
    for t in apps().await {
        let store = &t.db.store;
        let accepted = |token: String| {
            let t = &t;
            async move {
                t.send(Method::GET, "/api/v1/audit", Some(&token), None, Vec::new())
                    .await
                    .status
            }
        };
        // The configured token (registered by `apps()`) belongs to the
        // operator account, an admin that cannot sign in.
        assert_eq!(accepted(crate::TOKEN.into()).await, StatusCode::OK);
        let operator = passerelle_web::Hub::new(store.clone())
            .operator()
            .await
            .unwrap();
        assert_eq!(operator.role, Role::Admin);
        let tokens = store.tokens_of(&operator.id).await.unwrap();
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0].name, "configured");
        let (status, _) = sign_in(&t, passerelle_domain::account::OPERATOR_EMAIL, "!").await;
        assert_ne!(status, StatusCode::SEE_OTHER, "the operator cannot sign in");
        // Starting again registers nothing twice.
        assert_eq!(
            passerelle_web::Hub::new(store.clone())
                .operator_token(Some(crate::TOKEN))
                .await
                .unwrap(),
            OperatorToken::Configured
        );
        assert_eq!(store.tokens_of(&operator.id).await.unwrap().len(), 1);
        // A second node registering it at the same moment meets a conflict,
        // which the start-up path takes as done.
        assert!(matches!(
            store
                .create_token(
                    "test",
                    &operator.id,
                    "again",
                    &passerelle_web::token_hash(crate::TOKEN)
                )
                .await,
            Err(passerelle_store::StoreError::Conflict(_))
        ));
        // Without a configured token, the first start makes one, shown
        // once; the next start keeps it.
        let OperatorToken::Fresh(fresh) = passerelle_web::Hub::new(store.clone())
            .operator_token(None)
            .await
            .unwrap()
        else {
            panic!("a first start makes a token");
        };
        assert_eq!(
            passerelle_web::Hub::new(store.clone())
                .operator_token(None)
                .await
                .unwrap(),
            OperatorToken::Kept
        );
        assert_eq!(accepted(fresh.clone()).await, StatusCode::OK);
        // Revoked like any token, it stays revoked at the next start.
        for token in store.tokens_of(&operator.id).await.unwrap() {
            store
                .revoke_token("test", &operator.id, &token.id)
                .await
                .unwrap();
        }
        assert_eq!(
            passerelle_web::Hub::new(store.clone())
                .operator_token(Some(crate::TOKEN))
                .await
                .unwrap(),
            OperatorToken::ConfiguredRevoked
        );
        assert_eq!(
            passerelle_web::Hub::new(store.clone())
                .operator_token(None)
                .await
                .unwrap(),
            OperatorToken::Kept
        );
        assert_eq!(
            accepted(crate::TOKEN.into()).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(accepted(fresh).await, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn the_audit_log_and_record_history_are_for_those_allowed() {
    for t in apps().await {
        let admin = token_for(&t, Role::Admin).await;
        let editor = token_for(&t, Role::Editor).await;
        let r = t
            .send(
                Method::POST,
                "/api/v1/agreements",
                Some(&editor),
                Some("application/json"),
                serde_json::to_vec(&agreement("hist", "ES", "MA", 2020)).unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        let mut changed = agreement("hist", "ES", "MA", 2020);
        changed["status"] = json!("suspended");
        let r = t
            .send(
                Method::PUT,
                "/api/v1/agreements/hist",
                Some(&editor),
                Some("application/json"),
                serde_json::to_vec(&changed).unwrap(),
            )
            .await;
        assert!(r.status.is_success());
        // The log: admins only, newest first, with what changed.
        let page = t
            .send(
                Method::GET,
                "/en/audit?kind=agreements&record_id=hist",
                Some(&admin),
                None,
                Vec::new(),
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text());
        let text = page.text();
        let html = &text[text.find("<tbody>").expect("a table of entries")..];
        let changed_at = html.find(">Changed<").expect("the update is listed");
        let created_at = html.find(">Created<").expect("the creation is listed");
        assert!(changed_at < created_at, "newest first");
        assert!(
            html.contains("<del dir=\"auto\">in_force</del> <ins dir=\"auto\">suspended</ins>"),
            "the change is shown"
        );
        assert!(html.contains("editor@example.org (token script)"));
        assert_eq!(
            t.send(Method::GET, "/en/audit", Some(&editor), None, Vec::new())
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(t.get("/en/audit").await.status, StatusCode::UNAUTHORIZED);
        let bad = t
            .send(
                Method::GET,
                "/en/audit?kind=people",
                Some(&admin),
                None,
                Vec::new(),
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text().contains("<code>kind</code>"));
        // Users and tokens are in the log too.
        let users = t
            .send(
                Method::GET,
                "/fr/audit?kind=users",
                Some(&admin),
                None,
                Vec::new(),
            )
            .await
            .text();
        assert!(users.contains("Création"), "users' creation is logged");
        // The record's history is on its page for editors, not the public.
        let slug = t.get("/api/v1/agreements/hist").await.json()["slug"]
            .as_str()
            .unwrap()
            .to_string();
        let seen = t
            .send(
                Method::GET,
                &format!("/en/agreements/{slug}"),
                Some(&editor),
                None,
                Vec::new(),
            )
            .await
            .text();
        assert!(seen.contains("<section class=\"history\">") & seen.contains("suspended"));
        let public = t.get(&format!("/en/agreements/{slug}")).await.text();
        assert!(!public.contains("<section class=\"history\">"));
        assert!(!public.contains("editor@example.org"));
    }
}

#[tokio::test]
async fn contributions_are_reviewed_before_they_are_published() {
    for t in apps().await {
        let contributor = token_for(&t, Role::Contributor).await;
        let reviewer = token_for(&t, Role::Reviewer).await;
        let practice = json!({"id": "pdo", "title": "Pre-departure orientation", "type": "programme",
            "publication_status": "published", "objectives": [3], "countries": ["PH"]});
        let post = |tok: String, uri: String, body: serde_json::Value| {
            let t = &t;
            async move {
                t.send(
                    Method::POST,
                    &uri,
                    Some(&tok),
                    Some("application/json"),
                    serde_json::to_vec(&body).unwrap(),
                )
                .await
            }
        };
        let put = |tok: String, body: serde_json::Value| {
            let t = &t;
            async move {
                t.send(
                    Method::PUT,
                    "/api/v1/practices/pdo",
                    Some(&tok),
                    Some("application/json"),
                    serde_json::to_vec(&body).unwrap(),
                )
                .await
            }
        };
        // A draft first, kept as a draft; nobody but its author and those
        // who read private records sees it.
        let mut draft = practice.clone();
        draft["publication_status"] = json!("draft");
        let r = post(
            contributor.clone(),
            "/api/v1/practices".into(),
            draft.clone(),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        assert_eq!(r.json()["publication_status"], "draft");
        assert!(r.json()["reviews"].is_null(), "no step for a draft");
        // Revised by its author, not by another contributor.
        draft["title"] = json!("Pre-departure orientation seminars");
        let other = {
            let id = user(&t, "other@example.org", Role::Contributor).await;
            t.token_of(&id).await
        };
        assert_eq!(
            put(other.clone(), draft.clone()).await.status,
            StatusCode::FORBIDDEN
        );
        let r = put(contributor.clone(), draft.clone()).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.json()["title"], "Pre-departure orientation seminars");
        // Submitted, whatever status the contributor sent; not public yet.
        let r = put(contributor.clone(), practice.clone()).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.json()["publication_status"], "submitted");
        assert!(r.json()["submitted_by"].is_string());
        assert_eq!(r.json()["reviews"][0]["status"], "submitted");
        assert_eq!(
            t.get("/api/v1/practices/pdo").await.status,
            StatusCode::NOT_FOUND
        );
        // A second submission of one's own may be withdrawn before review.
        let mut second = practice.clone();
        second["id"] = json!("second");
        let r = post(contributor.clone(), "/api/v1/practices".into(), second).await;
        assert_eq!(r.json()["publication_status"], "submitted");
        let withdraw = |tok: String| {
            let t = &t;
            async move {
                t.send(
                    Method::DELETE,
                    "/api/v1/practices/second",
                    Some(&tok),
                    None,
                    Vec::new(),
                )
                .await
            }
        };
        assert_eq!(withdraw(other).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            withdraw(contributor.clone()).await.status,
            StatusCode::NO_CONTENT
        );
        // Contributors do not decide; reviewers do, in order, with reasons.
        let decide = |tok: &str, body: serde_json::Value| {
            post(tok.to_string(), "/api/v1/practices/pdo/review".into(), body)
        };
        assert_eq!(
            decide(&contributor, json!({"decision": "publish"}))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let r = decide(&reviewer, json!({"decision": "reject"})).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("comment"));
        let r = decide(
            &reviewer,
            json!({"decision": "start_review", "comment": "Checking the sources"}),
        )
        .await;
        assert_eq!(r.json()["publication_status"], "in_review");
        // Taken into review, it is no longer its author's to change.
        let r = put(contributor.clone(), practice.clone()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
        assert!(r.text().contains("in_review"), "{}", r.text());
        let r = decide(&reviewer, json!({"decision": "publish"})).await;
        assert_eq!(r.status, StatusCode::OK);
        let steps = r.json()["reviews"].as_array().unwrap().clone();
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[0]["by"], "contributor@example.org (token script)");
        assert_eq!(steps[1]["comment"], "Checking the sources");
        assert_eq!(steps[2]["by"], "reviewer@example.org (token script)");
        assert_eq!(
            t.get("/api/v1/practices/pdo").await.status,
            StatusCode::OK,
            "published: public"
        );
        // A published practice is no longer decided on, nor withdrawn.
        let r = t
            .send(
                Method::DELETE,
                "/api/v1/practices/pdo",
                Some(&contributor),
                None,
                Vec::new(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            decide(&reviewer, json!({"decision": "reject", "comment": "late"}))
                .await
                .status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let bad = decide(&reviewer, json!({"decision": "approve"})).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Each decision is one audited update by the reviewer.
        let audit = t
            .get_with_token("/api/v1/audit?kind=practices&record_id=pdo")
            .await
            .json();
        let by: Vec<(&str, &str)> = audit
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["action"].as_str().unwrap(), e["actor"].as_str().unwrap()))
            .collect();
        assert_eq!(
            by,
            [
                ("create", "contributor@example.org (token script)"),
                ("update", "contributor@example.org (token script)"),
                ("update", "contributor@example.org (token script)"),
                ("update", "reviewer@example.org (token script)"),
                ("update", "reviewer@example.org (token script)")
            ]
        );
    }
}

#[tokio::test]
async fn the_review_queue_page_decides_with_the_session() {
    for t in apps().await {
        let contributor = token_for(&t, Role::Contributor).await;
        let body = json!({"id": "hotline", "title": "Migrant workers' hotline", "type": "tool", "objectives": [6], "publication_status": "submitted"});
        let r = t
            .send(
                Method::POST,
                "/api/v1/practices",
                Some(&contributor),
                Some("application/json"),
                serde_json::to_vec(&body).unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        user(&t, "rev@example.org", Role::Reviewer).await;
        let (_, session) = sign_in(&t, "rev@example.org", PASSWORD).await;
        let cookie = format!("passerelle_session={}", session.unwrap());
        let page = t.get_signed_in("/fr/review", &cookie).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.text();
        assert!(html.contains("Migrant workers&#x27; hotline"), "{html}");
        assert!(
            html.contains("contributor@example.org"),
            "the submitter is named"
        );
        let csrf = form_csrf(&html);
        let r = t
            .call(form_request(
                "/fr/review/hotline",
                &cookie,
                &format!("csrf={csrf}&decision=reject&comment="),
            ))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a rejection needs a reason"
        );
        let r = t
            .call(form_request(
                "/fr/review/hotline",
                &cookie,
                "csrf=forged&decision=publish",
            ))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = t
            .call(form_request(
                "/fr/review/hotline",
                &cookie,
                &format!("csrf={csrf}&decision=publish&comment=Merci"),
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text().contains("role=\"status\""));
        assert_eq!(
            t.get("/api/v1/practices/hotline").await.json()["publication_status"],
            "published"
        );
        // The contributor sees where their contribution stands, with the
        // reviewer's comment, on their account page.
        let (_, mine) = sign_in(&t, "contributor@example.org", PASSWORD).await;
        let account = t
            .get_signed_in(
                "/en/account",
                &format!("passerelle_session={}", mine.unwrap()),
            )
            .await
            .text();
        assert!(
            account.contains("Your contributions") & account.contains("Merci"),
            "{account}"
        );
        // Contributors have no queue.
        user(&t, "c2@example.org", Role::Contributor).await;
        let (_, s2) = sign_in(&t, "c2@example.org", PASSWORD).await;
        let r = t
            .get_signed_in("/en/review", &format!("passerelle_session={}", s2.unwrap()))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn commitment_owners_post_status_updates_others_may_not() {
    for t in apps().await {
        let commitment = json!({"id": "pledge", "title": "Train 500 labour attachés", "description": "Training programme for labour attachés posted in countries of destination, covering the protection of migrant workers, complaint mechanisms, labour inspection, contract verification and the repatriation of workers in distress; delivered with the national training institute over three years and followed up by the ministry and workers' organisations.",
            "kind": "human_resources", "modality": "individual", "organisations": ["Ministry of Labour of Nepal"],
            "countries": ["NP"], "objectives": [6]});
        assert!(
            t.write(Method::POST, "/api/v1/commitments", &commitment)
                .await
                .status
                .is_success()
        );
        let make = |email: &str, org: Option<&str>| {
            let t = &t;
            let (email, org) = (email.to_string(), org.map(str::to_string));
            async move {
                let id = t
                    .add_user(&email, Role::Contributor, org.as_deref(), "!")
                    .await;
                t.token_of(&id).await
            }
        };
        let owner = make("owner@labour.gov.np", Some("ministry of labour of nepal")).await;
        let stranger = make("someone@else.org", Some("Another organisation")).await;
        let update = serde_json::to_vec(
            &json!({"on": "2024-05-01", "status": "in_progress", "source": {"url": "https://example.org/progress-report"}, "note": "First cohort trained"}),
        )
        .unwrap();
        let r = t
            .send(
                Method::POST,
                "/api/v1/commitments/pledge/status",
                Some(&stranger),
                Some("application/json"),
                update.clone(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = t
            .send(
                Method::POST,
                "/api/v1/commitments/pledge/status",
                None,
                Some("application/json"),
                update.clone(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        let r = t
            .send(
                Method::POST,
                "/api/v1/commitments/pledge/status",
                Some(&owner),
                Some("application/json"),
                update,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.json()["status"], "in_progress");
        assert_eq!(r.json()["history"].as_array().unwrap().len(), 1);
        // A status dated in the future is refused: it would block every
        // real update until then.
        let r = t
            .send(
                Method::POST,
                "/api/v1/commitments/pledge/status",
                Some(&owner),
                Some("application/json"),
                serde_json::to_vec(&json!({"on": "9999-01-01", "status": "completed", "source": {"url": "https://example.org/progress-report"}})).unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
        assert_eq!(r.json()["errors"][0]["field"], "on");
        // The owner may update the status, not rewrite the commitment.
        let r = t
            .send(
                Method::PUT,
                "/api/v1/commitments/pledge",
                Some(&owner),
                Some("application/json"),
                serde_json::to_vec(&commitment).unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn anyone_proposes_corrections_editors_decide() {
    for t in apps().await {
        assert!(
            t.write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("fixme", "ES", "MA", 2007)
            )
            .await
            .status
            .is_success()
        );
        let editor = token_for(&t, Role::Editor).await;
        let reviewer = token_for(&t, Role::Reviewer).await;
        // The public proposes, with a source; a bad one says what is wrong.
        let body = |v: serde_json::Value| serde_json::to_vec(&v).unwrap();
        let good = json!({"kind": "agreements", "record_id": "fixme", "field": "signature date",
            "proposal": "Signed on 25 July 2001, not 2007.", "source_url": "https://example.org/bo-2001"});
        let r = t
            .send(
                Method::POST,
                "/api/v1/corrections",
                None,
                Some("application/json"),
                body(good.clone()),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let id = r.json()["id"].as_str().unwrap().to_string();
        assert_eq!(r.json()["proposer"], "public");
        let mut bad = good.clone();
        bad["source_url"] = json!("javascript:alert(1)");
        bad["kind"] = json!("indicators");
        let r = t
            .send(
                Method::POST,
                "/api/v1/corrections",
                None,
                Some("application/json"),
                body(bad),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<String> = r.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(fields, ["kind", "source_url"]);
        let mut missing = good.clone();
        missing["record_id"] = json!("no-such-agreement");
        assert_eq!(
            t.send(
                Method::POST,
                "/api/v1/corrections",
                None,
                Some("application/json"),
                body(missing)
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        // Editors list and decide; reviewers and the public may not.
        assert_eq!(
            t.send(
                Method::GET,
                "/api/v1/corrections?status=open",
                Some(&reviewer),
                None,
                Vec::new()
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            t.get("/api/v1/corrections").await.status,
            StatusCode::UNAUTHORIZED
        );
        let open = t
            .send(
                Method::GET,
                "/api/v1/corrections?status=open",
                Some(&editor),
                None,
                Vec::new(),
            )
            .await
            .json();
        assert_eq!(open.as_array().unwrap().len(), 1);
        let decision_uri = format!("/api/v1/corrections/{id}/decision");
        let decide = |d: serde_json::Value| {
            t.send(
                Method::POST,
                &decision_uri,
                Some(&editor),
                Some("application/json"),
                body(d),
            )
        };
        assert_eq!(
            decide(json!({"decision": "maybe"})).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let r =
            decide(json!({"decision": "accept", "note": "Fixed from the Bulletin officiel"})).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json()["status"], "accepted");
        assert_eq!(r.json()["decided_by"], "editor@example.org (token script)");
        // Decided once: a second decision is a conflict, nothing changes.
        assert_eq!(
            decide(json!({"decision": "decline"})).await.status,
            StatusCode::CONFLICT
        );
        // Both steps are in the audit log.
        let log = t
            .get_with_token(&format!("/api/v1/audit?kind=corrections&record_id={id}"))
            .await
            .json();
        let steps: Vec<(&str, &str)> = log
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["action"].as_str().unwrap(), e["actor"].as_str().unwrap()))
            .collect();
        assert_eq!(
            steps,
            [
                ("create", "public"),
                ("update", "editor@example.org (token script)")
            ]
        );
        // The page form: CSRF from its cookie, then thanks.
        let slug = t.get("/api/v1/agreements/fixme").await.json()["slug"]
            .as_str()
            .unwrap()
            .to_string();
        let agreement_page = t.get(&format!("/fr/agreements/{slug}")).await.text();
        assert!(agreement_page.contains("/fr/corrections/new?kind=agreements&amp;id=fixme"));
        let form = t.get("/fr/corrections/new?kind=agreements&id=fixme").await;
        assert_eq!(form.status, StatusCode::OK);
        let csrf = set_cookie(&form, "passerelle_csrf").unwrap();
        let fields = format!(
            "csrf={csrf}&kind=agreements&record_id=fixme&proposal=Mauvaise+date&source_url=https%3A%2F%2Fexample.org"
        );
        let r = t
            .call(form_request("/fr/corrections/new", "", &fields))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "no cookie, no form");
        let r = t
            .call(form_request(
                "/fr/corrections/new",
                &format!("passerelle_csrf={csrf}"),
                &fields,
            ))
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        assert!(r.text().contains("role=\"status\""));
        let r = t
            .call(form_request(
                "/fr/corrections/new",
                &format!("passerelle_csrf={csrf}"),
                &fields.replace("https%3A%2F%2Fexample.org", "ftp%3A%2F%2Fx"),
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("source_url"));
        // What was typed comes back, to be corrected rather than retyped.
        assert!(
            r.text().contains(">Mauvaise date</textarea>"),
            "{}",
            r.text()
        );
        assert!(
            r.text().contains(r#"value="ftp:&#x2f;&#x2f;x""#),
            "{}",
            r.text()
        );
    }
}

#[tokio::test]
async fn proposals_from_one_sender_are_limited() {
    use axum::extract::ConnectInfo;
    for t in apps().await {
        assert!(
            t.write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("busy", "ES", "MA", 2007)
            )
            .await
            .status
            .is_success()
        );
        let propose = |from: &str, n: usize| {
            let mut req = Request::post("/api/v1/corrections")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(
                    json!({"kind": "agreements", "record_id": "busy",
                        "proposal": format!("Correction number {n}"), "source_url": "https://example.org/gazette"})
                    .to_string(),
                ))
                .unwrap();
            let addr: std::net::SocketAddr = format!("{from}:40000").parse().unwrap();
            req.extensions_mut().insert(ConnectInfo(addr));
            t.call(req)
        };
        for n in 0..10 {
            let r = propose("203.0.113.7", n).await;
            assert_eq!(r.status, StatusCode::CREATED, "{n}: {}", r.text());
        }
        // The eleventh within the hour waits, and says why; nothing stored.
        let r = propose("203.0.113.7", 10).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(r.json()["code"], "too_many_proposals");
        // Another address is not held up by the first.
        assert_eq!(
            propose("198.51.100.2", 11).await.status,
            StatusCode::CREATED
        );
        let open =
            t.db.store
                .corrections(Some(passerelle_domain::correction::CorrectionStatus::Open))
                .await
                .unwrap();
        assert_eq!(open.len(), 11);
        // The page form says so in the reader's language.
        let page = t.get("/fr/corrections/new?kind=agreements&id=busy").await;
        let csrf = set_cookie(&page, "passerelle_csrf").unwrap();
        let mut req = form_request(
            "/fr/corrections/new",
            &format!("passerelle_csrf={csrf}"),
            &format!(
                "csrf={csrf}&kind=agreements&record_id=busy&proposal=Again&source_url=https%3A%2F%2Fexample.org"
            ),
        );
        req.extensions_mut().insert(ConnectInfo(
            "203.0.113.7:40001".parse::<std::net::SocketAddr>().unwrap(),
        ));
        let r = t.call(req).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(r.text().contains("dernière heure"), "{}", r.text());
    }
}

#[tokio::test]
async fn contributors_write_revise_and_submit_practices_in_the_pages() {
    for t in apps().await {
        // The public is sent to sign in.
        let r = t.get("/fr/contribute").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.headers["location"], "/fr/sign-in");
        let me = user(&t, "nadia@example.org", Role::Contributor).await;
        let (_, session) = sign_in(&t, "nadia@example.org", PASSWORD).await;
        let cookie = format!("passerelle_session={}", session.unwrap());
        let page = t.get_signed_in("/fr/contribute", &cookie).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.text();
        assert!(html.contains("Proposer une pratique"));
        assert!(html.contains(">Maroc</option>"), "countries in French");
        let csrf = form_csrf(&html);
        let post = |uri: &str, body: String| {
            let req = form_request(uri, &cookie, &body);
            let t = &t;
            async move { t.call(req).await }
        };
        // A wrong CSRF token is refused; nothing is stored.
        let r = post("/fr/contribute", "csrf=nope&title=X&type=tool".into()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // Without a title and with a bad source: the form again, filled in,
        // naming what is wrong.
        let r = post(
            "/fr/contribute",
            format!("csrf={csrf}&title=&summary=Cours+de+langue&type=programme&countries=MA&countries=ES&objectives=3&source_url=ftp%3A%2F%2Fx&action=draft"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(html.contains("<code>title</code>"), "{html}");
        assert!(html.contains("sources[0].url"), "{html}");
        // Said in the page's language.
        assert!(html.contains("ce champ est obligatoire"), "{html}");
        assert!(html.contains("une adresse web commençant par"), "{html}");
        assert!(html.contains("Cours de langue"), "kept what was typed");
        assert!(html.contains(r#"<option value="ES" selected>"#));
        assert!(
            html.contains(r#"id="p-title" name="title""#)
                && html.contains(r#"aria-invalid="true""#)
        );
        // Saved as a draft: theirs, not public, not in the review queue.
        let r = post(
            "/fr/contribute",
            format!("csrf={csrf}&title=Cours+de+langue+avant+le+d%C3%A9part&summary=Cours+de+langue&type=programme&countries=MA&objectives=3&objectives=18&principles=gender_responsive&principles=whole_of_society&implementing_entities=ANAPEC%0D%0AOFII&start_on=2023-09-01&source_url=https%3A%2F%2Fexample.org%2Fcours&action=draft"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert_eq!(r.headers["location"], "/fr/account?saved=contribution");
        let q = passerelle_store::ListQuery {
            include_private: true,
            ..Default::default()
        };
        let mine: Vec<serde_json::Value> =
            t.db.store
                .list_json(Kind::Practices, &q)
                .await
                .unwrap()
                .items
                .into_iter()
                .filter(|p| p["submitted_by"] == me.as_str())
                .collect();
        assert_eq!(mine.len(), 1);
        let p = &mine[0];
        assert_eq!(p["publication_status"], "draft");
        assert_eq!(p["titles"]["fr"], "Cours de langue avant le départ");
        assert_eq!(p["implementing_entities"], json!(["ANAPEC", "OFII"]));
        assert_eq!(p["objectives"], json!([3, 18]));
        assert_eq!(
            p["principles"],
            json!(["gender_responsive", "whole_of_society"])
        );
        assert_eq!(p["sources"][0]["url"], "https://example.org/cours");
        let id = p["id"].as_str().unwrap().to_string();
        let account = t
            .get_signed_in("/fr/account?saved=contribution", &cookie)
            .await
            .text();
        assert!(
            account.contains(&format!("/fr/contribute/{id}")),
            "{account}"
        );
        assert!(account.contains("Votre pratique est enregistrée"));
        assert_eq!(
            t.get(&format!("/api/v1/practices/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        // Revised and submitted from its page.
        let edit = t
            .get_signed_in(&format!("/fr/contribute/{id}"), &cookie)
            .await;
        assert_eq!(edit.status, StatusCode::OK);
        assert!(edit.text().contains("Cours de langue avant le départ"));
        assert!(edit.text().contains(r#"value="18" checked"#));
        assert!(edit.text().contains(r#"value="gender_responsive" checked"#));
        let r = post(
            &format!("/fr/contribute/{id}"),
            format!("csrf={csrf}&title=Cours+de+langue+avant+le+d%C3%A9part&summary=Cours+de+langue+et+de+culture&type=programme&countries=MA&objectives=3&source_url=https%3A%2F%2Fexample.org%2Fcours&action=submit"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        let stored = t
            .get_with_token(&format!("/api/v1/practices/{id}"))
            .await
            .json();
        assert_eq!(stored["publication_status"], "submitted");
        assert_eq!(stored["summary"]["fr"], "Cours de langue et de culture");
        assert_eq!(stored["reviews"][0]["by"], "nadia@example.org");
        // Another contributor cannot open it; once in review, neither can she.
        user(&t, "other@example.org", Role::Contributor).await;
        let (_, other) = sign_in(&t, "other@example.org", PASSWORD).await;
        let other = format!("passerelle_session={}", other.unwrap());
        assert_eq!(
            t.get_signed_in(&format!("/fr/contribute/{id}"), &other)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let reviewer = token_for(&t, Role::Reviewer).await;
        let r = t
            .send(
                Method::POST,
                &format!("/api/v1/practices/{id}/review"),
                Some(&reviewer),
                Some("application/json"),
                serde_json::to_vec(&json!({"decision": "start_review"})).unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let r = t
            .get_signed_in(&format!("/fr/contribute/{id}"), &cookie)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = post(
            &format!("/fr/contribute/{id}/withdraw"),
            format!("csrf={csrf}"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        // A second one, withdrawn before review.
        let r = post(
            "/fr/contribute",
            format!("csrf={csrf}&title=Autre&type=tool&action=submit"),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let all =
            t.db.store
                .list_json(Kind::Practices, &q)
                .await
                .unwrap()
                .items;
        let second = all.iter().find(|p| p["title"] == "Autre").unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let r = post(
            &format!("/fr/contribute/{second}/withdraw"),
            format!("csrf={csrf}"),
        )
        .await;
        assert_eq!(r.headers["location"], "/fr/account?saved=withdrawn");
        assert_eq!(
            t.get_with_token(&format!("/api/v1/practices/{second}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn admins_change_roles_and_organisations_not_their_own_role() {
    for t in apps().await {
        let (admin, csrf) = t.session_of(Role::Admin).await;
        let (editor, editor_csrf) = t.session_of(Role::Editor).await;
        let id = user(&t, "karim@example.org", Role::Contributor).await;
        let secret = t.token_of(&id).await;
        let write = |tok: String| {
            let t = &t;
            async move {
                t.send(
                    Method::POST,
                    "/api/v1/agreements",
                    Some(&tok),
                    Some("application/json"),
                    serde_json::to_vec(&agreement("by-karim", "ES", "MA", 2024)).unwrap(),
                )
                .await
                .status
            }
        };
        assert_eq!(write(secret.clone()).await, StatusCode::FORBIDDEN);
        // The users page says what the operator account is.
        // Adding a user: a bad address is said in French; a good one makes
        // a user who reads the pages in their own browser's language.
        let add = |body: String| {
            let req = form_request("/fr/users", &admin, &body);
            let t = &t;
            async move { t.call(req).await }
        };
        let r = add(format!(
            "csrf={csrf}&email=not-an-address&name=Nadia&role=contributor&password=correct+horse+battery"
        ))
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("adresse électronique"), "{}", r.text());
        let r = add(format!(
            "csrf={csrf}&email=nadia%40example.org&name=Nadia&role=contributor&password=correct+horse+battery"
        ))
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let nadia =
            t.db.store
                .user_with_hash("nadia@example.org")
                .await
                .unwrap()
                .unwrap()
                .0;
        assert_eq!(nadia.preferred_lang, None);
        let users = t.get_signed_in("/fr/users", &admin).await.text();
        assert!(users.contains("operator@passerelle.invalid"));
        assert!(users.contains("Détient le jeton"), "{users}");
        let edit = |cookie: &str, body: String| {
            let req = form_request(&format!("/fr/users/{id}/edit"), cookie, &body);
            let t = &t;
            async move { t.call(req).await }
        };
        // Only admins, with the session's token.
        assert_eq!(
            edit(&editor, format!("csrf={editor_csrf}&role=editor"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            edit(&admin, "csrf=wrong&role=editor".into()).await.status,
            StatusCode::FORBIDDEN
        );
        let r = edit(&admin, format!("csrf={csrf}&role=chief")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("chief"));
        // Made an editor of the ministry: their token writes at once.
        let r = edit(
            &admin,
            format!("csrf={csrf}&role=editor&organisation=Minist%C3%A8re+du+Travail"),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert!(r.text().contains("utilisateur est modifié"), "{}", r.text());
        let karim = t.db.store.user(&id).await.unwrap().unwrap();
        assert_eq!(karim.role, Role::Editor);
        assert_eq!(karim.organisation.as_deref(), Some("Ministère du Travail"));
        assert_eq!(write(secret).await, StatusCode::CREATED);
        // An admin does not change their own role.
        let me =
            t.db.store
                .users()
                .await
                .unwrap()
                .into_iter()
                .find(|u| u.role == Role::Admin && u.email.contains("session"))
                .unwrap();
        let req = form_request(
            &format!("/fr/users/{}/edit", me.id),
            &admin,
            &format!("csrf={csrf}&role=reviewer"),
        );
        let r = t.call(req).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            t.db.store.user(&me.id).await.unwrap().unwrap().role,
            Role::Admin
        );
        // One audited change, with before and after.
        let q = passerelle_store::AuditQuery {
            kind: Some("users".into()),
            record_id: Some(id.clone()),
            limit: 10,
            ..Default::default()
        };
        let log = t.db.store.audit_log(&q).await.unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[1].before.as_ref().unwrap()["role"], "contributor");
        assert_eq!(log[1].after.as_ref().unwrap()["role"], "editor");
    }
}

/// A page of another site can make a browser send the session cookie,
/// not a header: API writes with a cookie need the session's CSRF token in
/// `X-CSRF-Token` (issue: cookie-authenticated API writes were accepted
/// with any origin and content type).
#[tokio::test]
async fn api_writes_with_a_cookie_need_the_csrf_header() {
    for t in apps().await {
        let (cookie, csrf) = t.session_of(Role::Editor).await;
        let post = |token: Option<&str>, id: &str| {
            let mut r = Request::post("/api/v1/agreements")
                .header(header::COOKIE, cookie.as_str())
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::ORIGIN, "https://evil.example");
            if let Some(token) = token {
                r = r.header("x-csrf-token", token);
            }
            r.body(Body::from(agreement(id, "ES", "MA", 2001).to_string()))
                .unwrap()
        };
        for (token, id) in [(None, "no-token"), (Some("wrong"), "wrong-token")] {
            let r = t.call(post(token, id)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
            assert_eq!(r.json()["code"], "csrf");
            assert_eq!(
                t.get(&format!("/api/v1/agreements/{id}")).await.status,
                StatusCode::NOT_FOUND,
                "nothing stored"
            );
        }
        let r = t.call(post(Some(&csrf), "with-token")).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        // A file upload from a cookie alone is refused too.
        let r = t
            .call(
                Request::post("/api/v1/agreements/with-token/documents?file_name=a.txt")
                    .header(header::COOKIE, cookie.as_str())
                    .header(header::CONTENT_TYPE, "text/plain")
                    .body(Body::from("Article 1. Text."))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
        // Reads need nothing, and scripts keep their bearer token.
        assert_eq!(
            t.get_signed_in("/api/v1/agreements", &cookie).await.status,
            StatusCode::OK
        );
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("bearer", "ES", "MA", 2002),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
}

/// A stranger cannot lock a user out: failures on made-up e-mails from the
/// user's own address (a shared office or load balancer) and failures on
/// the user's e-mail from another address leave the user's sign-in open;
/// an address that fails on many accounts is held back on those.
#[tokio::test]
async fn strangers_cannot_lock_a_user_out() {
    for t in apps().await {
        user(&t, "editor@lock.example.org", Role::Editor).await;
        // 20 failures on made-up e-mails from the shared address.
        for i in 0..20 {
            let (status, _) =
                sign_in_from(&t, "10.0.0.1", &format!("nobody{i}@example.org"), "guess").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        // The same address tries a 21st made-up account after failing on it.
        let (status, _) = sign_in_from(&t, "10.0.0.1", "nobody0@example.org", "guess").await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        // Six failures on the editor's e-mail from elsewhere.
        for _ in 0..6 {
            sign_in_from(&t, "192.0.2.9", "editor@lock.example.org", "guess").await;
        }
        let (status, _) = sign_in_from(&t, "192.0.2.9", "editor@lock.example.org", PASSWORD).await;
        assert_eq!(
            status,
            StatusCode::TOO_MANY_REQUESTS,
            "the guesser's address waits"
        );
        // The editor, from the shared address, signs in.
        let (status, session) =
            sign_in_from(&t, "10.0.0.1", "editor@lock.example.org", PASSWORD).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(session.is_some());
    }
}

/// A contribution sent without a publication status is submitted for
/// review, as documented (it was stored as a draft, and so never reached
/// the reviewers).
#[tokio::test]
async fn a_contribution_without_a_status_is_submitted() {
    for t in apps().await {
        let contributor = token_for(&t, Role::Contributor).await;
        let practice = json!({"id": "plain", "title": "Language courses", "type": "programme",
            "objectives": [3], "countries": ["MA"]});
        let r = t
            .send(
                Method::POST,
                "/api/v1/practices",
                Some(&contributor),
                Some("application/json"),
                serde_json::to_vec(&practice).unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        assert_eq!(r.json()["publication_status"], "submitted");
    }
}
