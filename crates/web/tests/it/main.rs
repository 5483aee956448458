//! The API suite: every test runs against an app on SQLite, and on
//! PostgreSQL too when PASSERELLE_TEST_DATABASE_URL is set.

mod accounts;
mod browser;
mod cdp;
mod crawl;
mod documents;
mod matrix;
mod pages;
mod records;
mod reference;
mod search;
mod slow_clients;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use passerelle_store::testing::{self, TestStore};
use serde_json::Value;
use tower::ServiceExt;

pub const TOKEN: &str = "test-token";

/// An app over a fresh store, as a running node would build it.
pub struct TestApp {
    pub app: Router,
    /// Shared by the nodes of one test (see [`TestApp::another_node`]).
    pub db: std::sync::Arc<TestStore>,
    pub search: std::sync::Arc<passerelle_search::SearchIndex>,
}

/// One app per backend available.
pub async fn apps() -> Vec<TestApp> {
    let mut out = Vec::new();
    for db in testing::all().await {
        passerelle_web::Hub::new(db.store.clone())
            .operator_token(Some(TOKEN))
            .await
            .unwrap();
        let search = std::sync::Arc::new(passerelle_search::SearchIndex::in_memory().unwrap());
        let app = passerelle_web::router(passerelle_web::AppState::new(
            db.store.clone(),
            search.clone(),
        ));
        out.push(TestApp {
            app,
            db: std::sync::Arc::new(db),
            search,
        });
    }
    out
}

pub struct Reply {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: axum::http::HeaderMap,
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.bytes)))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

impl TestApp {
    pub fn backend(&self) -> &'static str {
        self.db.backend
    }

    pub async fn send(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        self.call(req.body(Body::from(body)).unwrap()).await
    }

    /// Sends any request, for headers the helpers above do not set.
    pub async fn call(&self, req: Request<Body>) -> Reply {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Reply {
            status,
            content_type,
            headers,
            bytes,
        }
    }

    /// Attaches a plain-text document to an agreement, with the token.
    pub async fn upload_text(&self, agreement: &str, query: &str, text: &str) -> Reply {
        self.send(
            Method::POST,
            &format!("/api/v1/agreements/{agreement}/documents?{query}"),
            Some(TOKEN),
            Some("text/plain; charset=utf-8"),
            text.as_bytes().to_vec(),
        )
        .await
    }

    /// Brings the search index up to date with the store, as the node's
    /// follower task does.
    pub async fn catch_up(&self) {
        self.search.catch_up(&self.db.store).await.unwrap();
    }

    /// A second app node over the same database, with its own index.
    pub async fn another_node(&self) -> TestApp {
        let store = testing::another_node(&self.db).await;
        let search = std::sync::Arc::new(passerelle_search::SearchIndex::in_memory().unwrap());
        let app = passerelle_web::router(passerelle_web::AppState::new(store, search.clone()));
        TestApp {
            app,
            db: self.db.clone(),
            search,
        }
    }

    /// A new user (named by their e-mail address); gives their id.
    /// `password_hash` "!" makes one who cannot sign in.
    pub async fn add_user(
        &self,
        email: &str,
        role: passerelle_domain::account::Role,
        organisation: Option<&str>,
        password_hash: &str,
    ) -> String {
        let new = passerelle_store::NewUser {
            email,
            display_name: email,
            organisation,
            preferred_lang: None,
            role,
        };
        self.db
            .store
            .create_user("test", new, password_hash)
            .await
            .unwrap()
            .id
    }

    /// A new API token of user `id`, as the account page makes one.
    pub async fn token_of(&self, id: &str) -> String {
        let secret = passerelle_web::new_token();
        self.db
            .store
            .create_token("test", id, "script", &passerelle_web::token_hash(&secret))
            .await
            .unwrap();
        secret
    }

    /// A session for a new user of `role`, as sign-in makes one: the
    /// cookie to send and the session's CSRF token for its forms.
    pub async fn session_of(&self, role: passerelle_domain::account::Role) -> (String, String) {
        let email = format!("{role}-{}@session.example.org", passerelle_web::new_token());
        let user = self.add_user(&email, role, None, "!").await;
        let (id, csrf) = (passerelle_web::new_token(), passerelle_web::new_token());
        self.db
            .store
            .create_session(
                &passerelle_web::token_hash(&id),
                &user,
                &csrf,
                "2999-01-01T00:00:00Z",
            )
            .await
            .unwrap();
        (format!("passerelle_session={id}"), csrf)
    }

    /// A GET with a session cookie (`passerelle_session=…`).
    pub async fn get_signed_in(&self, uri: &str, cookie: &str) -> Reply {
        self.call(
            Request::get(uri)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// A GET with the admin token.
    pub async fn get_with_token(&self, uri: &str) -> Reply {
        self.send(Method::GET, uri, Some(TOKEN), None, Vec::new())
            .await
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.send(Method::GET, uri, None, None, Vec::new()).await
    }

    pub async fn write(&self, method: Method, uri: &str, body: &Value) -> Reply {
        self.send(
            method,
            uri,
            Some(TOKEN),
            Some("application/json"),
            body.to_string().into_bytes(),
        )
        .await
    }
}

pub fn agreement(id: &str, dest: &str, origin: &str, year: i32) -> Value {
    serde_json::json!({
        "id": id,
        "title": format!("Accord de main-d'œuvre {id}"),
        "titles": {"en": format!("Labour agreement {id}")},
        "type": "bilateral_agreement",
        "status": "in_force",
        "parties": [{"country": dest, "role": "destination"}, {"country": origin, "role": "origin"}],
        "signed_on": format!("{year}-06-01"),
        "objectives": [5, 6],
        "text_public": true,
        "sources": [{"url": "https://example.org/source"}]
    })
}
