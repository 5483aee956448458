//! Accounts end to end: roles against the API's writes (the whole matrix),
//! sign-in with CSRF and throttling, sessions and tokens that stop at once
//! when revoked or when their user is disabled, on every node.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use passerelle_domain::Kind;
use passerelle_domain::account::{Permission, Role, allows};
use passerelle_store::NewUser;
use serde_json::json;

use crate::{TestApp, agreement, apps};

const PASSWORD: &str = "correct horse battery";

async fn user(t: &TestApp, email: &str, role: Role) -> String {
    let hash = passerelle_web::hash_password(PASSWORD);
    let new = NewUser {
        email,
        display_name: email,
        organisation: None,
        preferred_lang: None,
        role,
    };
    t.db.store.create_user("test", new, &hash).await.unwrap().id
}

/// A token for a new user of `role`, made as the account page makes one.
async fn token_for(t: &TestApp, role: Role) -> String {
    let id = user(t, &format!("{role}@example.org"), role).await;
    let secret = passerelle_web::new_token();
    t.db.store
        .create_token("test", &id, "script", &passerelle_web::token_hash(&secret))
        .await
        .unwrap();
    secret
}

#[tokio::test]
async fn each_role_may_do_exactly_what_its_row_allows() {
    for t in apps().await {
        // A published record and a draft practice to read and write.
        assert!(
            t.write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("base", "ES", "MA", 2020)
            )
            .await
            .status
            .is_success()
        );
        let draft = json!({"id": "draft", "title": "Draft practice", "type": "programme", "publication_status": "draft", "objectives": [5]});
        assert!(
            t.write(Method::POST, "/api/v1/practices", &draft)
                .await
                .status
                .is_success(),
            "draft"
        );
        let mut tokens: Vec<(Option<Role>, Option<String>)> = vec![(None, None)];
        for role in Role::ALL {
            tokens.push((Some(role), Some(token_for(&t, role).await)));
        }
        for (role, token) in &tokens {
            let tok = token.as_deref();
            let expect = |what: Permission| {
                if allows(*role, what) {
                    "allowed"
                } else if role.is_none() {
                    "unauthorized"
                } else {
                    "forbidden"
                }
            };
            let seen = |s: StatusCode| match s {
                StatusCode::UNAUTHORIZED => "unauthorized",
                StatusCode::FORBIDDEN => "forbidden",
                s if s.is_success() => "allowed",
                s => panic!("{role:?}: unexpected {s}"),
            };
            // Writes of every kind.
            let r = t
                .send(
                    Method::POST,
                    "/api/v1/agreements",
                    tok,
                    Some("application/json"),
                    serde_json::to_vec(&agreement(
                        &format!("new-{}", role.map(|r| r.as_str()).unwrap_or("public")),
                        "FR",
                        "TN",
                        2021,
                    ))
                    .unwrap(),
                )
                .await;
            assert_eq!(
                seen(r.status),
                expect(Permission::Write(Kind::Agreements)),
                "{role:?} create: {}",
                r.text()
            );
            let r = t
                .send(
                    Method::PUT,
                    "/api/v1/agreements/base",
                    tok,
                    Some("application/json"),
                    serde_json::to_vec(&agreement("base", "ES", "MA", 2020)).unwrap(),
                )
                .await;
            assert_eq!(
                seen(r.status),
                expect(Permission::Write(Kind::Agreements)),
                "{role:?} update"
            );
            // Texts, findings and the audit log.
            let r = t
                .send(
                    Method::POST,
                    "/api/v1/agreements/base/documents?file_name=t.txt",
                    tok,
                    Some("text/plain"),
                    b"Article 1. Les frais de recrutement sont a la charge de l'employeur."
                        .to_vec(),
                )
                .await;
            assert_eq!(
                seen(r.status),
                expect(Permission::AttachDocuments),
                "{role:?} attach: {}",
                r.text()
            );
            let r = t
                .send(Method::GET, "/api/v1/audit", tok, None, Vec::new())
                .await;
            assert_eq!(
                seen(r.status),
                expect(Permission::ReadAudit),
                "{role:?} audit"
            );
            // Drafts: only those who may read private records see one.
            let r = t
                .send(
                    Method::GET,
                    "/api/v1/practices/draft",
                    tok,
                    None,
                    Vec::new(),
                )
                .await;
            let sees = r.status == StatusCode::OK;
            assert_eq!(
                sees,
                allows(*role, Permission::ReadPrivate),
                "{role:?} reads a draft: {}",
                r.status
            );
        }
        // Reviewers decide on findings; contributors may not.
        for (role, token) in &tokens[1..] {
            let r = t
                .send(
                    Method::POST,
                    "/api/v1/agreements/base/assessment/findings/recruitment_costs",
                    token.as_deref(),
                    Some("application/json"),
                    serde_json::to_vec(&json!({"decision": "confirm"})).unwrap(),
                )
                .await;
            let ok = r.status.is_success();
            assert_eq!(
                ok,
                allows(*role, Permission::ReviewFindings),
                "{role:?} review: {} {}",
                r.status,
                r.text()
            );
        }
        // Deletion last.
        for (role, token) in &tokens {
            let r = t
                .send(
                    Method::DELETE,
                    "/api/v1/agreements/new-editor",
                    token.as_deref(),
                    None,
                    Vec::new(),
                )
                .await;
            if allows(*role, Permission::Write(Kind::Agreements)) {
                assert!(
                    r.status.is_success() || r.status == StatusCode::NOT_FOUND,
                    "{role:?} delete: {}",
                    r.status
                );
            } else {
                assert!(
                    matches!(r.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN),
                    "{role:?} delete: {}",
                    r.status
                );
            }
        }
        // The audit log names who wrote, by account and token.
        let audit = t
            .get_with_token("/api/v1/audit?kind=agreements")
            .await
            .json();
        let actors: Vec<&str> = audit
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["actor"].as_str())
            .collect();
        assert!(
            actors.contains(&"editor@example.org (token script)"),
            "{actors:?}"
        );
    }
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
    let page = t.get("/en/sign-in").await;
    let csrf = set_cookie(&page, "passerelle_csrf").expect("the form sets its CSRF cookie");
    assert!(page.text().contains(&format!("value=\"{csrf}\"")));
    let body = format!(
        "csrf={csrf}&email={}&password={}",
        urlencode(email),
        urlencode(password)
    );
    let r = t
        .call(form_request(
            "/en/sign-in",
            &format!("passerelle_csrf={csrf}"),
            &body,
        ))
        .await;
    (r.status, set_cookie(&r, "passerelle_session"))
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
        // The session writes through the API like a token of the same role.
        let r = t
            .call(
                Request::post("/api/v1/agreements")
                    .header(header::COOKIE, &cookie)
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
        let csrf = html
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
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
        // Enabled again, the token works; revoked, it stops everywhere.
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
        assert_eq!(r.status, StatusCode::CREATED);
        assert!(
            t.db.store
                .revoke_token("test", &id, &info.id)
                .await
                .unwrap()
        );
        let r = other
            .send(
                Method::POST,
                "/api/v1/agreements",
                Some(&secret),
                Some("application/json"),
                write("after-revoke"),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
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
        // Submitted, whatever status the contributor sent; not public yet.
        let r = post(contributor.clone(), "/api/v1/practices".into(), practice).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        assert_eq!(r.json()["publication_status"], "submitted");
        assert!(r.json()["submitted_by"].is_string());
        assert_eq!(
            t.get("/api/v1/practices/pdo").await.status,
            StatusCode::NOT_FOUND
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
        let r = decide(&reviewer, json!({"decision": "publish"})).await;
        assert_eq!(r.status, StatusCode::OK);
        let steps = r.json()["reviews"].as_array().unwrap().clone();
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0]["comment"], "Checking the sources");
        assert_eq!(steps[1]["by"], "reviewer@example.org (token script)");
        assert_eq!(
            t.get("/api/v1/practices/pdo").await.status,
            StatusCode::OK,
            "published: public"
        );
        // A published practice is no longer decided on.
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
        let body = json!({"id": "hotline", "title": "Migrant workers' hotline", "type": "tool", "objectives": [6]});
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
        let csrf = html
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
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
            "countries": ["NP"], "objectives": [6], "status": "yet_to_start"});
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
                let hash = passerelle_web::hash_password(PASSWORD);
                let new = NewUser {
                    email: &email,
                    display_name: &email,
                    organisation: org.as_deref(),
                    preferred_lang: None,
                    role: Role::Contributor,
                };
                let id = t.db.store.create_user("test", new, &hash).await.unwrap().id;
                let secret = passerelle_web::new_token();
                t.db.store
                    .create_token("test", &id, "s", &passerelle_web::token_hash(&secret))
                    .await
                    .unwrap();
                secret
            }
        };
        let owner = make("owner@labour.gov.np", Some("ministry of labour of nepal")).await;
        let stranger = make("someone@else.org", Some("Another organisation")).await;
        let update = serde_json::to_vec(
            &json!({"on": "2024-05-01", "status": "in_progress", "note": "First cohort trained"}),
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
    }
}
