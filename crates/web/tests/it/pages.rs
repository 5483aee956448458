//! The pages without a browser: language choice, errors as pages in the
//! page's language, escaping of stored text, what a non-public text hides,
//! the draft assessment form and the feeds.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

use crate::{agreement, apps};

#[tokio::test]
async fn the_root_sends_the_browser_to_its_language() {
    for t in apps().await {
        for (accept, to) in [
            ("ar-MA,fr;q=0.8", "/ar"),
            ("de-DE, es;q=0.5", "/es"),
            ("de", "/en"),
        ] {
            let req = Request::get("/")
                .header(header::ACCEPT_LANGUAGE, accept)
                .body(Body::empty())
                .unwrap();
            let r = t.call(req).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            assert_eq!(r.headers[header::LOCATION], to, "{accept}");
            assert_eq!(r.headers[header::VARY], "accept-language, cookie");
        }
        let r = t.get("/fr/").await;
        assert_eq!(r.headers[header::LOCATION], "/fr");
    }
}

#[tokio::test]
async fn pages_carry_language_and_direction() {
    for t in apps().await {
        for (lang, dir, word) in [
            ("fr", "ltr", "Accords"),
            ("en", "ltr", "Agreements"),
            ("es", "ltr", "Acuerdos"),
            ("ar", "rtl", "الاتفاقات"),
        ] {
            let r = t.get(&format!("/{lang}/agreements")).await;
            assert_eq!(r.status, StatusCode::OK);
            let html = r.text();
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{lang}"
            );
            assert!(html.contains(&format!("<h1>{word}</h1>")), "{lang}: {word}");
            // The switcher offers the same page in the other languages.
            assert!(
                html.contains("<a href=\"/ar/agreements\" hreflang=\"ar\" lang=\"ar\""),
                "{}",
                &html[html.find("class=\"langs\"").unwrap()..][..600]
            );
        }
    }
}

#[tokio::test]
async fn errors_are_pages_in_the_pages_language() {
    for t in apps().await {
        let r = t.get("/fr/agreements/nowhere").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r.content_type.starts_with("text/html"));
        assert!(
            r.text().contains("Cette page n’existe pas") || r.text().contains("n'existe pas"),
            "{}",
            r.text()
        );
        // The server's English detail is behind a disclosure, marked English.
        assert!(
            r.text().contains("<summary>Détail technique (en anglais)</summary><p class=\"muted\" lang=\"en\" dir=\"ltr\">"),
            "{}",
            r.text()
        );
        let r = t.get("/en/agreements/nowhere").await;
        assert!(!r.text().contains("<details><summary>"), "{}", r.text());
        let r = t.get("/ar/no/such/page").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r.text().contains("dir=\"rtl\""));
        // A bad filter names the parameter and what is wrong with it.
        let r = t.get("/en/agreements?year_from=abc&type=treaty").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(
            html.contains("<code>year</code>") && html.contains("<code>type</code>"),
            "{}",
            &html[html.find("<main").unwrap()..]
        );
        // The API keeps answering in problem+json.
        let r = t.get("/api/v1/agreements/nowhere").await;
        assert!(r.content_type.starts_with("application/problem+json"));
    }
}

#[tokio::test]
async fn stored_markup_is_shown_as_text() {
    for t in apps().await {
        let mut a = agreement("xss", "ES", "MA", 2020);
        a["title"] = json!("<script>alert(1)</script> Accord");
        a["titles"] = json!({"en": "<img src=x onerror=alert(2)> Agreement"});
        a["notes"] = json!("</bdi><script>alert(3)</script>");
        assert!(
            t.write(Method::POST, "/api/v1/agreements", &a)
                .await
                .status
                .is_success()
        );
        t.catch_up().await;
        for url in [
            "/en/agreements",
            "/en/agreements/xss",
            "/fr/agreements/xss",
            "/en/search?q=agreement",
            "/en",
        ] {
            let html = t.get(url).await.text();
            assert!(
                !html.contains("<script>alert") && !html.contains("<img src=x"),
                "{url}"
            );
            assert!(
                html.contains("&lt;img src=x onerror=alert(2)&gt;") || url == "/fr/agreements/xss",
                "{url}"
            );
        }
    }
}

#[tokio::test]
async fn the_agreement_page_shows_the_scorecard_and_quotes_only_public_texts() {
    let text = "Article 1\nLes frais de recrutement sont à la charge de l'employeur; aucun frais n'est facturé au travailleur.\n\nArticle 2\nLe contrat de travail écrit est remis au travailleur avant son départ, dans une langue qu'il comprend.";
    for t in apps().await {
        for (id, public) in [("open", true), ("closed", false)] {
            let mut a = agreement(id, "BE", "MA", 2021);
            a["text_public"] = json!(public);
            assert!(
                t.write(Method::POST, "/api/v1/agreements", &a)
                    .await
                    .status
                    .is_success()
            );
            assert!(
                t.upload_text(id, "file_name=t.txt&language=fr", text)
                    .await
                    .status
                    .is_success()
            );
        }
        let open = t.get("/en/agreements/open").await.text();
        assert!(
            open.contains("id=\"el-recruitment_costs\" class=\"element st-covered\""),
            "{open}"
        );
        assert!(open.contains("<mark>"), "evidence is highlighted");
        assert!(
            open.contains("href=\"#el-"),
            "what is missing links to the elements"
        );
        let closed = t.get("/en/agreements/closed").await.text();
        assert!(closed.contains("id=\"el-recruitment_costs\" class=\"element st-covered\""));
        assert!(
            !closed.contains("<mark>") && !closed.contains("aucun frais"),
            "no quote of a text that is not public"
        );
        assert!(
            !closed.contains("/api/v1/documents/"),
            "no link to its files"
        );
        // Side by side, row by element.
        let cmp = t.get("/fr/compare?a=open&a=closed").await.text();
        assert_eq!(cmp.matches("<th scope=\"row\">").count(), 31);
        let one = t.get("/fr/compare?a=open").await.text();
        assert!(
            one.contains("role=\"alert\""),
            "one agreement alone is not a comparison"
        );
    }
}

fn multipart(fields: &[(&str, Option<&str>, &str)]) -> (String, Vec<u8>) {
    let boundary = "XpasserelleX";
    let mut body = String::new();
    for (name, file, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\""
        ));
        if let Some(f) = file {
            body.push_str(&format!("; filename=\"{f}\"\r\nContent-Type: text/plain"));
        }
        body.push_str(&format!("\r\n\r\n{value}\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

#[tokio::test]
async fn a_draft_is_assessed_and_nothing_is_stored() {
    let text = "Article 1. Recruitment fees and related costs shall not be charged to workers; the employer shall bear them.";
    for t in apps().await {
        let before = t.get("/api/v1/stats").await.text();
        let (ct, body) = multipart(&[
            ("text", None, text),
            ("lang", None, "auto"),
            ("format", None, "page"),
        ]);
        let r = t
            .send(Method::POST, "/es/assess", None, Some(&ct), body)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let html = r.text();
        assert!(html.contains("<html lang=\"es\""));
        assert!(
            html.contains("id=\"el-recruitment_costs\" class=\"element st-covered\""),
            "{html}"
        );
        assert!(!html.contains("class=\"sector\""), "no sector asked for");
        // A sector ticked: its expectations, and the box stays ticked.
        let (ct, body) = multipart(&[
            ("text", None, text),
            ("sector", None, "seasonal_work"),
            ("sector", None, "nurses"),
            ("format", None, "page"),
        ]);
        let r = t
            .send(Method::POST, "/en/assess", None, Some(&ct), body)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let html = r.text();
        assert!(
            html.contains("Expected of agreements for \u{2068}Seasonal work\u{2069}"),
            "{html}"
        );
        assert!(html.contains("value=\"seasonal_work\" checked"), "{html}");
        assert!(!html.contains("nurses"), "an unknown sector is ignored");
        // A file, downloaded as a standalone report.
        let (ct, body) = multipart(&[("file", Some("draft.txt"), text), ("format", None, "html")]);
        let r = t
            .send(Method::POST, "/fr/assess", None, Some(&ct), body)
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.headers[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert!(r.text().contains("<html"));
        // Nothing given: the form again, saying so.
        let (ct, body) = multipart(&[("text", None, "  "), ("format", None, "page")]);
        let r = t
            .send(Method::POST, "/en/assess", None, Some(&ct), body)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("id=\"draft-error\""));
        // A file that cannot be read: its problem, in the page.
        let (ct, body) = multipart(&[
            ("file", Some("draft.pdf"), "%PDF-1.4 broken"),
            ("format", None, "page"),
        ]);
        let r = t
            .send(Method::POST, "/en/assess", None, Some(&ct), body)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("The file cannot be read"), "{}", r.text());
        assert_eq!(
            t.get("/api/v1/stats").await.text(),
            before,
            "nothing stored"
        );
    }
}

#[tokio::test]
async fn editors_attach_texts_from_the_draft_and_agreement_pages() {
    use passerelle_domain::account::Role;
    let text = "Article 1. Recruitment fees and related costs shall not be charged to workers; the employer shall bear them.";
    for t in apps().await {
        assert!(
            t.write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("att", "ES", "MA", 2020)
            )
            .await
            .status
            .is_success()
        );
        let slug = t.get("/api/v1/agreements/att").await.json()["slug"]
            .as_str()
            .unwrap()
            .to_string();
        let (editor, csrf) = t.session_of(Role::Editor).await;
        let (reviewer, reviewer_csrf) = t.session_of(Role::Reviewer).await;
        // Only those who may attach see the field and the form.
        assert!(!t.get("/en/assess").await.text().contains("draft-agreement"));
        assert!(
            !t.get_signed_in("/en/assess", &reviewer)
                .await
                .text()
                .contains("draft-agreement")
        );
        assert!(
            t.get_signed_in("/en/assess", &editor)
                .await
                .text()
                .contains("id=\"draft-agreement\"")
        );
        let page = t
            .get_signed_in(&format!("/en/agreements/{slug}"), &editor)
            .await
            .text();
        assert!(
            page.contains(&format!("/en/agreements/{slug}/texts")),
            "{page}"
        );
        assert!(
            !t.get(&format!("/en/agreements/{slug}"))
                .await
                .text()
                .contains("/texts\"")
        );
        let post = |uri: String,
                    cookie: Option<String>,
                    fields: Vec<(&'static str, Option<&'static str>, String)>| {
            let borrowed: Vec<(&str, Option<&str>, &str)> = fields
                .iter()
                .map(|(n, f, v)| (*n, *f, v.as_str()))
                .collect();
            let (ct, body) = multipart(&borrowed);
            let mut req = axum::http::Request::post(uri).header(header::CONTENT_TYPE, ct);
            if let Some(c) = cookie {
                req = req.header(header::COOKIE, c);
            }
            let req = req.body(axum::body::Body::from(body)).unwrap();
            let t = &t;
            async move { t.call(req).await }
        };
        let draft = |csrf: &str| {
            vec![
                ("text", None, text.to_string()),
                ("agreement", None, "att".to_string()),
                ("csrf", None, csrf.to_string()),
                ("format", None, "page".to_string()),
            ]
        };
        // The public, a wrong token and a reviewer are refused; nothing kept.
        assert_eq!(
            post("/en/assess".into(), None, draft("")).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            post("/en/assess".into(), Some(editor.clone()), draft("wrong"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            post(
                "/en/assess".into(),
                Some(reviewer.clone()),
                draft(&reviewer_csrf)
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            t.get("/api/v1/agreements/att/documents").await.json(),
            json!([])
        );
        // The editor's draft is attached and assessed; the browser goes to
        // the agreement's scorecard.
        let r = post("/en/assess".into(), Some(editor.clone()), draft(&csrf)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert_eq!(
            r.headers["location"],
            format!("/en/agreements/{slug}#assessment")
        );
        let docs = t.get("/api/v1/agreements/att/documents").await.json();
        assert_eq!(docs.as_array().unwrap().len(), 1);
        assert_eq!(docs[0]["media_type"], "text/plain");
        let assessment = t.get("/api/v1/agreements/att/assessment").await.json();
        let costs = assessment["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["element"] == "recruitment_costs")
            .unwrap()
            .clone();
        assert_eq!(costs["status"], "covered", "{costs}");
        // From the agreement's page: an HTML file, typed by its name.
        let html_file = "<html><body><nav>Menu</nav><p>Article 2. The employer shall not retain the passports of workers.</p></body></html>".to_string();
        let r = post(
            format!("/fr/agreements/{slug}/texts"),
            Some(editor.clone()),
            vec![
                ("file", Some("textes/annexe.html"), html_file),
                ("csrf", None, csrf.clone()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        let docs = t.get("/api/v1/agreements/att/documents").await.json();
        assert_eq!(docs.as_array().unwrap().len(), 2);
        assert!(
            docs.as_array()
                .unwrap()
                .iter()
                .any(|d| d["media_type"] == "text/html" && d["file_name"] == "annexe.html"),
            "a bare name, typed by its extension: {docs}"
        );
        // A file whose bytes are not its type is refused, in the page's language.
        let r = post(
            format!("/fr/agreements/{slug}/texts"),
            Some(editor.clone()),
            vec![
                ("file", Some("faux.pdf"), "pas un PDF".to_string()),
                ("csrf", None, csrf.clone()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("<html lang=\"fr\""), "{}", r.text());
        assert_eq!(
            t.get("/api/v1/agreements/att/documents")
                .await
                .json()
                .as_array()
                .unwrap()
                .len(),
            2
        );
    }
}

#[tokio::test]
async fn feeds_list_the_newest_records() {
    for t in apps().await {
        let mut a = agreement("fresh", "ES", "MA", 2024);
        a["titles"]["fr"] = json!("Accord tout neuf");
        assert!(
            t.write(Method::POST, "/api/v1/agreements", &a)
                .await
                .status
                .is_success()
        );
        let r = t.get("/feeds/agreements.atom?lang=fr").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.content_type.starts_with("application/atom+xml"));
        let xml = r.text();
        assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"));
        assert!(xml.contains("<title>Accord tout neuf</title>"), "{xml}");
        assert!(xml.contains("/fr/agreements/"));
        assert_eq!(
            t.get("/feeds/nothing.atom").await.status,
            StatusCode::NOT_FOUND
        );
        // With a public address configured, links come from it, not from
        // the Host a request names.
        let mut site = passerelle_web::Site {
            public_url: Some("https://hub.example.org/".into()),
            ..passerelle_web::Site::default()
        };
        site.check_public_url().unwrap();
        let mut state = passerelle_web::AppState::new(t.db.store.clone(), t.search.clone());
        state.site = std::sync::Arc::new(site);
        let app = passerelle_web::router(state);
        let res = tower::ServiceExt::oneshot(
            app,
            Request::get("/feeds/agreements.atom?lang=fr")
                .header(header::HOST, "evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        let xml = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(
            xml.contains("https://hub.example.org/fr/agreements/"),
            "{xml}"
        );
        // Pages name their other-language versions with the same address.
        let mut state = passerelle_web::AppState::new(t.db.store.clone(), t.search.clone());
        let mut site = passerelle_web::Site {
            public_url: Some("https://hub.example.org/".into()),
            ..passerelle_web::Site::default()
        };
        site.check_public_url().unwrap();
        state.site = std::sync::Arc::new(site);
        let res = tower::ServiceExt::oneshot(
            passerelle_web::router(state),
            Request::get("/fr/agreements").body(Body::empty()).unwrap(),
        )
        .await
        .unwrap();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        let html = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(
            html.contains(
                "hreflang=\"ar\" href=\"https:&#x2f;&#x2f;hub.example.org/ar/agreements\""
            ),
            "{html}"
        );
        assert!(!xml.contains("evil.example"));
        for bad in [
            "ftp://hub",
            "https://hub.example.org/path",
            "hub.example.org",
        ] {
            let mut s = passerelle_web::Site {
                public_url: Some(bad.into()),
                ..passerelle_web::Site::default()
            };
            assert!(s.check_public_url().is_err(), "{bad}");
        }
    }
}

#[tokio::test]
async fn the_agreements_page_lists_what_the_api_lists() {
    for t in apps().await {
        for (id, dest, origin, year) in [
            ("a1", "ES", "MA", 2001),
            ("a2", "FR", "MA", 2010),
            ("a3", "FR", "TN", 2005),
            ("a4", "BE", "MA", 1990),
        ] {
            let r = t
                .write(
                    Method::POST,
                    "/api/v1/agreements",
                    &agreement(id, dest, origin, year),
                )
                .await;
            assert!(r.status.is_success());
        }
        t.catch_up().await;
        for query in [
            "country=MA",
            "country=MA&sort=date",
            "year=2000..2010",
            "country=FR&sort=title",
            "",
        ] {
            let api = t.get(&format!("/api/v1/agreements?{query}")).await.json();
            let want: Vec<&str> = api["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["slug"].as_str().unwrap())
                .collect();
            let html = t.get(&format!("/en/agreements?{query}")).await.text();
            let mut shown: Vec<(usize, &str)> = want
                .iter()
                .filter_map(|s| html.find(&format!("/en/agreements/{s}\"")).map(|i| (i, *s)))
                .collect();
            shown.sort();
            let shown: Vec<&str> = shown.into_iter().map(|(_, s)| s).collect();
            assert_eq!(shown, want, "{query}");
            let total = api["total"].as_u64().unwrap();
            assert!(
                // Fluent isolates the number (U+2068 … U+2069) for bidi.
                html.contains(&format!("\u{2068}{total}\u{2069} result")),
                "{query}: total {total}"
            );
            // Nothing else is listed.
            assert_eq!(
                html.matches("<td><a href=\"/en/agreements/").count(),
                want.len(),
                "{query}"
            );
        }
    }
}

#[tokio::test]
async fn search_shows_the_clauses_of_one_agreement_together() {
    let text = (1..=6)
        .map(|i| {
            format!("Article {i}\nLes travailleurs saisonniers reçoivent la clause numéro {i}.\n")
        })
        .collect::<Vec<_>>()
        .join("\n");
    for t in apps().await {
        let a = agreement("long", "ES", "MA", 2019);
        assert!(
            t.write(Method::POST, "/api/v1/agreements", &a)
                .await
                .status
                .is_success()
        );
        assert!(
            t.upload_text("long", "file_name=t.txt&language=fr", &text)
                .await
                .status
                .is_success()
        );
        t.catch_up().await;
        let html = t.get("/fr/search?q=saisonniers&kind=clauses").await.text();
        assert_eq!(html.matches("<li class=\"hit ").count(), 1, "{html}");
        assert_eq!(html.matches("<ul class=\"more-clauses\">").count(), 1);
        assert!(
            html.matches("<mark>saisonniers</mark>").count() >= 6,
            "every clause's snippet is shown"
        );
    }
}

#[tokio::test]
async fn unpublished_practices_reach_no_public_page_feed_or_search() {
    for t in apps().await {
        // One practice in each state that is not published, on Morocco and
        // objective 18, with a word found nowhere else.
        for state in ["draft", "submitted", "in_review", "rejected"] {
            let p = json!({"id": format!("hidden-{state}"), "title": format!("Zanzibarite {state}"),
                "summary": {"en": "Zanzibarite training scheme"}, "type": "programme",
                "publication_status": state, "countries": ["MA"], "objectives": [18]});
            assert!(
                t.write(Method::POST, "/api/v1/practices", &p)
                    .await
                    .status
                    .is_success()
            );
        }
        t.catch_up().await;
        for url in [
            "/en",
            "/en/practices",
            "/en/practices?country=MA&objective=18",
            "/en/search?q=zanzibarite",
            "/en/search?q=zanzibarite&kind=practices",
            "/en/countries/MA",
            "/en/gcm",
            "/feeds/practices.atom?lang=en",
            "/api/v1/practices?q=zanzibarite",
            "/api/v1/search?q=zanzibarite",
            "/api/v1/export/practices?format=csv",
        ] {
            let r = t.get(url).await;
            // Titles and ids, not the query a page repeats.
            let text = r.text();
            assert!(
                !text.contains("Zanzibarite ") && !text.contains("hidden-"),
                "{url} shows an unpublished practice: {text}"
            );
        }
        for state in ["draft", "submitted", "in_review", "rejected"] {
            assert_eq!(
                t.get(&format!("/api/v1/practices/hidden-{state}"))
                    .await
                    .status,
                StatusCode::NOT_FOUND
            );
            assert_eq!(
                t.get(&format!("/en/practices/hidden-{state}")).await.status,
                StatusCode::NOT_FOUND
            );
        }
        // Those who may read them find them.
        let r = t
            .get_with_token("/api/v1/search?q=zanzibarite")
            .await
            .json();
        assert_eq!(r["total"], 4, "{r}");
    }
}

#[tokio::test]
async fn stored_script_in_any_kind_never_reaches_a_page_as_markup() {
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    for t in apps().await {
        let records = [
            (
                "practices",
                json!({"id": "p-x", "title": evil, "titles": {"en": evil}, "summary": {"en": evil, "ar": evil}, "type": "tool", "publication_status": "published", "implementing_entities": [evil], "objectives": [3]}),
            ),
            (
                "events",
                json!({"id": "e-x", "title": evil, "kind": "meeting", "start_on": "2024-01-01", "place": evil, "organisations": [evil], "summary": {"en": evil}, "outcomes": {"en": evil}, "challenges": [{"en": evil}]}),
            ),
            (
                "commitments",
                json!({"id": "c-x", "title": evil, "description": evil.repeat(6), "kind": "policy", "modality": "individual", "organisations": [evil], "status": "in_progress", "history": [{"on": "2024-01-01", "status": "in_progress", "note": evil, "source": {"url": "https://example.org/report", "title": evil}}]}),
            ),
            (
                "resources",
                json!({"id": "r-x", "title": evil, "publisher": evil, "type": "report", "url": "https://example.org/report", "summary": {"en": evil}}),
            ),
        ];
        for (kind, record) in records {
            let r = t
                .write(Method::POST, &format!("/api/v1/{kind}"), &record)
                .await;
            assert!(r.status.is_success(), "{kind}: {}", r.text());
        }
        t.catch_up().await;
        for url in [
            "/en/practices/p-x",
            "/ar/events/e-x",
            "/en/commitments/c-x",
            "/fr/resources/r-x",
            "/en/practices",
            "/en/events",
            "/en/commitments",
            "/en/resources",
            "/en/search?q=alert",
            "/feeds/practices.atom",
            "/feeds/events.atom",
        ] {
            let html = t.get(url).await.text();
            assert!(
                !html.contains("<script>alert") && !html.contains("<img src=x"),
                "{url}"
            );
        }
    }
}

/// The Data page's filters and "clear all" stay on the Data page: the
/// figures have no page of their own at /indicators.
#[tokio::test]
async fn the_data_page_filters_on_itself() {
    for t in apps().await {
        for lang in ["fr", "ar"] {
            let page = t.get(&format!("/{lang}/data")).await;
            assert_eq!(page.status, StatusCode::OK);
            let html = page.text().replace("&#x2f;", "/");
            assert!(html.contains(&format!("action=\"/{lang}/data\"")), "{html}");
            assert!(!html.contains(&format!("/{lang}/indicators\"")), "{lang}");
            assert_eq!(
                t.get(&format!("/{lang}/indicators")).await.status,
                StatusCode::NOT_FOUND
            );
        }
    }
}

/// Column headings are words of the page's language, not a count with
/// its number cut out.
#[tokio::test]
async fn the_countries_table_has_plain_headings() {
    for t in apps().await {
        let html = t.get("/fr/countries").await.text();
        assert!(html.contains("<th scope=\"col\">Fiches</th>"), "{html}");
        assert!(!html.contains("fiche</th>"));
    }
}

/// Dates are written as each language writes them, not as ISO dates; the
/// machine-readable date stays in the `datetime` attribute.
#[tokio::test]
async fn dates_are_written_in_the_pages_language() {
    for t in apps().await {
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("dated", "ES", "MA", 2001),
        )
        .await;
        t.catch_up().await;
        for (lang, words) in [
            ("fr", "1er juin 2001"),
            ("en", "1 June 2001"),
            ("es", "1 de junio de 2001"),
            ("ar", "1 يونيو 2001"),
        ] {
            let html = t.get(&format!("/{lang}/agreements")).await.text();
            assert!(html.contains(words), "{lang}: {words}");
            assert!(html.contains("datetime=\"2001-06-01\""), "{lang}");
        }
    }
}

/// Every value of a filter can be chosen: the largest first, the others
/// behind "all values" (the lists showed the 20 largest and no more).
#[tokio::test]
async fn every_filter_value_can_be_chosen() {
    for t in apps().await {
        let countries = [
            "ES", "FR", "IT", "PT", "DE", "BE", "NL", "QA", "JO", "IQ", "LY", "SA", "AE", "KW",
            "OM", "BH", "EG", "TN", "SN", "ML", "NE", "CA",
        ];
        for (i, c) in countries.iter().enumerate() {
            let r = t
                .write(
                    Method::POST,
                    "/api/v1/agreements",
                    &agreement(&format!("v{i}"), c, "MA", 2000),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED);
        }
        t.catch_up().await;
        let html = t.get("/fr/agreements").await.text();
        for c in countries {
            assert!(
                html.contains(&format!("name=\"country\" value=\"{c}\"")),
                "{c} cannot be chosen"
            );
        }
        assert!(html.contains("Toutes les valeurs"), "{}", t.backend());
    }
}

/// A coding from published sources, as the demo's agreements carry.
fn coded(id: &str, destination: &str, origin: &str) -> serde_json::Value {
    let mut a = agreement(id, destination, origin, 2001);
    a["coding"] = json!({"coded_on": "2026-12-01", "findings": [
        {"element": "recruitment_costs", "status": "contrary", "articles": ["4"], "basis": "text",
         "source": {"url": "https://example.org/gazette", "title": "Official gazette"},
         "note": {"en": "The worker pays the agency one month's wage.", "fr": "Le travailleur paie à l'agence un mois de salaire."}},
        {"element": "joint_committee", "status": "partial", "basis": "description",
         "source": {"url": "https://example.org/press", "title": "Press report"},
         "note": {"en": "A joint commission follows the agreement."}}
    ]});
    a
}

#[tokio::test]
async fn hand_coded_findings_show_their_source_and_leave_the_rest_unassessed() {
    for t in apps().await {
        for (id, d) in [("coded-a", "ES"), ("coded-b", "PT")] {
            let r = t
                .write(Method::POST, "/api/v1/agreements", &coded(id, d, "MA"))
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        }
        let page = t.get("/fr/agreements/coded-a").await.text();
        assert!(page.contains("Codé à la main"), "{page}");
        assert!(
            page.contains("id=\"el-recruitment_costs\" class=\"element st-contrary\""),
            "the coder's status is in force"
        );
        assert!(page.contains("Article(s) \u{2068}4\u{2069}"), "{page}");
        assert!(page.contains("Le travailleur paie à l&#x27;agence un mois de salaire."));
        assert!(page.contains("href=\"https:&#x2f;&#x2f;example.org&#x2f;gazette\""));
        assert!(
            page.contains(
                "\u{2068}2\u{2069} éléments sur \u{2068}31\u{2069} établis par les sources"
            )
        );
        // Elements the sources do not settle are not called missing.
        assert!(
            page.contains("id=\"el-wages\" class=\"element st-unassessed\""),
            "{page}"
        );
        assert!(!page.contains("class=\"element st-absent\""));
        // Only partial findings: nothing missing among what the sources
        // settle, and the page does not claim every element is there.
        let mut partial = coded("coded-d", "IT", "MA");
        partial["coding"]["findings"]
            .as_array_mut()
            .unwrap()
            .remove(0);
        let r = t.write(Method::POST, "/api/v1/agreements", &partial).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let page_d = t.get("/fr/agreements/coded-d").await.text();
        assert!(!page_d.contains("Tous les éléments des Orientations"));
        assert!(page_d.contains("ne sont pas établis par elles"), "{page_d}");
        // The English note stands in where no French one was written.
        assert!(page.contains("A joint commission follows the agreement."));
        let cmp = t.get("/ar/compare?a=coded-a&a=coded-b").await.text();
        assert_eq!(cmp.matches("st st-contrary").count(), 2, "{cmp}");
        assert!(cmp.contains("\u{2068}2\u{2069} من أصل \u{2068}31\u{2069}"));
        // A coding naming an element the Guidance does not have is refused.
        let mut bad = coded("coded-c", "FR", "MA");
        bad["coding"]["findings"][0]["element"] = json!("recruitment_fees");
        let r = t.write(Method::POST, "/api/v1/agreements", &bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text().contains("coding.findings[0].element"),
            "{}",
            r.text()
        );
    }
}

#[tokio::test]
async fn a_sample_draft_is_one_click_away_and_compares_with_the_registry() {
    for t in apps().await {
        let r = t.get("/fr/assess?sample=fr").await;
        assert_eq!(r.status, StatusCode::OK);
        let html = r.text();
        assert!(
            html.contains("RÉPUBLIQUE D&#x27;AURÉLIE"),
            "the sample fills the form"
        );
        assert!(
            html.contains("id=\"el-recruitment_costs\" class=\"element st-contrary\""),
            "{html}"
        );
        assert!(html.contains("/fr/compare?sample=fr"));
        assert_eq!(
            t.get("/fr/assess?sample=de").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &coded("coded-a", "ES", "MA"),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        // A sample beside a registry agreement, in Arabic.
        let cmp = t.get("/ar/compare?sample=ar&a=coded-a").await.text();
        assert!(cmp.contains("مشروع غير محفوظ"), "{cmp}");
        assert!(cmp.contains("st st-contrary"));
        // The reader's own draft, posted: assessed and shown, never stored.
        let before = t.get("/api/v1/stats").await.text();
        let (ct, body) = multipart(&[
            (
                "text",
                None,
                "Article 4. Le travailleur verse à l'agence de placement une commission égale à un mois de salaire.",
            ),
            ("lang", None, "fr"),
            ("a", None, "coded-a"),
        ]);
        let r = t
            .send(Method::POST, "/fr/compare", None, Some(&ct), body)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let html = r.text();
        assert!(html.contains("Votre projet"), "{html}");
        assert_eq!(
            html.matches("st st-contrary").count(),
            2,
            "the draft's fee clause and the coded one"
        );
        assert_eq!(t.get("/api/v1/stats").await.text(), before);
        let (ct, body) = multipart(&[("text", None, "  "), ("a", None, "coded-a")]);
        let html = t
            .send(Method::POST, "/fr/compare", None, Some(&ct), body)
            .await
            .text();
        assert!(html.contains("role=\"alert\""), "an empty draft says so");
    }
}

#[tokio::test]
async fn what_the_seed_talks_about_has_a_page() {
    for t in apps().await {
        let event = json!({"id": "talk", "title": "GCM Talk", "kind": "peer_exchange", "start_on": "2023-07-11",
            "people": [{"name": "A. Speaker", "role": {"en": "Director", "fr": "Directeur"}, "organisation": "Ministry",
                        "part": {"fr": "Ouverture"}, "source": {"url": "https://example.org/press"}}],
            "press_contacts": [{"name": "Press office", "email": "press@example.org"}]});
        let r = t.write(Method::POST, "/api/v1/events", &event).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let page = t.get("/fr/events/talk").await.text();
        assert!(page.contains("Intervenants et organisateurs"));
        assert!(
            page.contains("A. Speaker</bdi></strong>, Directeur"),
            "{page}"
        );
        assert!(page.contains("mailto:press@example.org"));
        // A person without a source, or a contact that cannot be reached, is refused.
        let mut bad = event.clone();
        bad["id"] = json!("talk2");
        bad["people"][0].as_object_mut().unwrap().remove("source");
        assert_eq!(
            t.write(Method::POST, "/api/v1/events", &bad).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let mut bad = event.clone();
        bad["id"] = json!("talk3");
        bad["press_contacts"][0]["email"] = json!("+212 5 00 00 00");
        let r = t.write(Method::POST, "/api/v1/events", &bad).await;
        assert!(r.text().contains("press_contacts[0].email"), "{}", r.text());

        let practice = json!({"id": "pilot", "title": "Pilot", "type": "programme", "publication_status": "published",
            "end_on": "2021-04-30", "sdgs": [8, 10],
            "results": [{"text": {"en": "120 trained", "ar": "تكوين 120"}, "source": {"url": "https://example.org/r"}}],
            "lessons": [{"text": {"fr": "Prévoir plus de temps"}, "source": {"url": "https://example.org/l"}}]});
        let r = t.write(Method::POST, "/api/v1/practices", &practice).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let page = t.get("/ar/practices/pilot").await.text();
        assert!(
            page.contains("النتائج")
                && page.contains("تكوين 120")
                && page.contains("الدروس المستفادة")
        );
        assert!(page.contains("30 أبريل 2021"), "period end shown");

        t.catch_up().await;
        let sdgs = t.get("/fr/sdgs").await.text();
        assert!(sdgs.contains("id=\"target-10-7\""));
        assert!(
            sdgs.find("target-10-7") < sdgs.find("goal-1\""),
            "targets first"
        );
        assert!(
            sdgs.contains("/fr/search?sdg=10"),
            "goal 10 links to what is tagged"
        );

        let champions = t.get("/es/countries?champion=1").await.text();
        assert!(
            champions.contains("/es/countries/MA"),
            "Morocco is a champion, with or without records"
        );
        assert!(!champions.contains("/es/countries/FR\""));
        let morocco = t.get("/fr/countries/MA").await.text();
        assert!(morocco.contains("Pays champion du Pacte mondial depuis"));

        for p in ["who-we-are", "our-work", "take-action"] {
            let r = t.get(&format!("/ar/about/{p}")).await;
            assert_eq!(r.status, StatusCode::OK, "{p}");
        }
        assert_eq!(
            t.get("/fr/about/nothing").await.status,
            StatusCode::NOT_FOUND
        );
    }
}

/// A visitor's page is computed once and served again until something
/// changes: a write (even before the search index has taken it in), a
/// reviewer's decision, or the search index itself. Visitors with a
/// cookie or a token always get a fresh answer.
#[tokio::test]
async fn visitors_pages_are_kept_until_anything_changes() {
    for t in apps().await {
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("k1", "ES", "MA", 2001),
            )
            .await;
        assert!(r.status.is_success(), "{}", r.text());
        t.catch_up().await;
        let hit = |r: &crate::Reply| r.headers.get("x-passerelle-cache").is_some();
        let first = t.get("/fr/agreements").await;
        assert!(!hit(&first));
        assert!(!first.text().contains("k2"));
        let again = t.get("/fr/agreements").await;
        assert!(
            hit(&again),
            "{}: the second visit is served again",
            t.backend()
        );
        assert_eq!(first.bytes, again.bytes);
        // The API is kept the same way, for visitors only.
        t.get("/api/v1/agreements").await;
        assert!(hit(&t.get("/api/v1/agreements").await));
        assert!(!hit(&t.get_with_token("/api/v1/agreements").await));
        // A change of title shows at once, before the index catches up.
        let mut changed = agreement("k1", "ES", "MA", 2001);
        changed["title"] = json!("Accord renommé k1");
        let r = t
            .write(Method::PUT, "/api/v1/agreements/k1", &changed)
            .await;
        assert!(r.status.is_success(), "{}", r.text());
        let page = t.get("/fr/agreements/k1").await;
        assert!(!hit(&page));
        assert!(page.text().contains("Accord renommé k1"));
        // A new agreement reaches the list once the index has it.
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("k2", "FR", "MA", 2002),
        )
        .await;
        t.catch_up().await;
        let list = t.get("/fr/agreements").await;
        assert!(!hit(&list));
        assert!(list.text().contains("k2"), "{}", list.text());
        // Answers that set a cookie are never kept.
        t.get("/fr/sign-in").await;
        let form = t.get("/fr/sign-in").await;
        assert!(!hit(&form) && form.headers.contains_key("set-cookie"));
    }
}

/// When more requests are being worked on than the gate admits, a new one
/// is answered at once with `503 busy` and `Retry-After` (a page in its
/// language, a problem for the API), rather than queueing; an answer the
/// page cache holds is still served.
#[tokio::test]
async fn overload_is_shed_quickly_and_cached_pages_still_served() {
    let t = apps().await.into_iter().next().expect("SQLite");
    let mut state = passerelle_web::AppState::new(t.db.store.clone(), t.search.clone());
    state.gate = std::sync::Arc::new(passerelle_web::load::Gate::new(
        1,
        std::time::Duration::from_millis(50),
    ));
    let gate = state.gate.clone();
    let app = passerelle_web::router(state);
    let get = |uri: &'static str| {
        let app = app.clone();
        async move {
            use tower::ServiceExt;
            let res = app
                .oneshot(Request::get(uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = res.status();
            let headers = res.headers().clone();
            let body = http_body_util::BodyExt::collect(res.into_body())
                .await
                .unwrap()
                .to_bytes();
            (status, headers, String::from_utf8_lossy(&body).into_owned())
        }
    };
    // Cached while the server is free.
    assert_eq!(get("/fr/gcm").await.0, StatusCode::OK);
    let held = gate.hold().await;
    let started = std::time::Instant::now();
    let (status, headers, body) = get("/api/v1/agreements").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body.contains("\"code\":\"busy\""), "{body}");
    assert!(headers.contains_key(header::RETRY_AFTER));
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    let (status, headers, body) = get("/ar/agreements").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(body.contains("dir=\"rtl\""), "{body}");
    // The cached page does not wait for the gate.
    let (status, headers, _) = get("/fr/gcm").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.contains_key("x-passerelle-cache"));
    drop(held);
    assert_eq!(get("/api/v1/agreements").await.0, StatusCode::OK);
}

/// The text, article by article: each article under an anchor made from
/// its heading (the same however the text is read again), the words that
/// work against the worker marked and explained in the margin, Arabic
/// headings anchored alike; a text that is not public stays hidden, and an
/// agreement without a text says so.
#[tokio::test]
async fn the_text_reads_article_by_article_with_findings_in_the_margin() {
    const FR: &str = "Accord\n\nArticle premier – Objet\nLe présent accord organise l'emploi saisonnier.\n\nArticle 2 – Recrutement\nLe travailleur verse à l'agence de recrutement une commission équivalant à un mois de salaire.\n\nArticle 3 – Égalité de traitement\nLes travailleurs migrants bénéficient d'un traitement qui n'est pas moins favorable que celui des nationaux en matière de rémunération et de conditions de travail.\n";
    const AR: &str = "اتفاق\n\nالمادة الأولى: الهدف\nينظم هذا الاتفاق تشغيل العمال.\n\nالمادة الثانية: المساواة في المعاملة\nيتمتع العمال المهاجرون بمعاملة لا تقل رعاية عن المعاملة التي يتمتع بها العمال الوطنيون في الأجور وظروف العمل.\n";
    for t in apps().await {
        for (id, text, language) in [("txt-fr", FR, "fr"), ("txt-ar", AR, "ar")] {
            let r = t
                .write(
                    Method::POST,
                    "/api/v1/agreements",
                    &agreement(id, "ES", "MA", 2020),
                )
                .await;
            assert!(r.status.is_success(), "{}", r.text());
            let r = t
                .upload_text(id, &format!("file_name=text.txt&language={language}"), text)
                .await;
            assert!(r.status.is_success(), "{}", r.text());
        }
        let slug = |id: &str| id.to_string();
        let fr = t
            .get(&format!("/fr/agreements/{}/text", slug("txt-fr")))
            .await;
        assert_eq!(fr.status, StatusCode::OK, "{}", fr.text());
        let html = fr.text();
        for anchor in ["art_1", "art_2", "art_3"] {
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{anchor} in {html}"
            );
        }
        // Article 2 works against the worker: its words in red, the
        // reason beside them, and no credit for the fees element there.
        let art2 = &html[html.find("id=\"art_2\"").unwrap()..html.find("id=\"art_3\"").unwrap()];
        assert!(art2.contains("<mark class=\"against\">"), "{art2}");
        assert!(art2.contains("Va à l’encontre"), "{art2}");
        assert!(!art2.contains("st-covered"), "{art2}");
        let art3 = &html[html.find("id=\"art_3\"").unwrap()..];
        assert!(
            art3.contains("st-covered") && art3.contains("<mark>"),
            "{art3}"
        );
        // The text's language by its name in the page's language.
        assert!(
            html.contains("Langue du texte\u{a0}: \u{2068}français\u{2069}"),
            "{html}"
        );
        // The heading line is the article's heading, not repeated below.
        assert_eq!(html.matches("Article 2 – Recrutement").count(), 1, "{html}");
        // The agreement's page leads to it.
        let real = t.get("/api/v1/agreements/txt-fr").await.json()["slug"]
            .as_str()
            .unwrap()
            .to_string();
        let page = t.get(&format!("/fr/agreements/{real}")).await.text();
        assert!(
            page.contains(&format!("/fr/agreements/{real}/text")),
            "{page}"
        );
        // French puts a no-break space before a label's colon.
        assert!(page.contains("Corridor\u{a0}:"), "{page}");

        let ar = t
            .get(&format!("/ar/agreements/{}/text", slug("txt-ar")))
            .await;
        assert_eq!(ar.status, StatusCode::OK);
        let html = ar.text();
        assert!(html.contains("dir=\"rtl\""));
        assert!(
            html.contains("id=\"art_1\"") && html.contains("id=\"art_2\""),
            "{html}"
        );
        assert!(html.contains("lang=\"ar\""));

        // Not public: the public is refused, as for the file itself.
        let mut hidden = agreement("txt-hidden", "ES", "MA", 2021);
        hidden["text_public"] = json!(false);
        assert!(
            t.write(Method::POST, "/api/v1/agreements", &hidden)
                .await
                .status
                .is_success()
        );
        t.upload_text("txt-hidden", "file_name=text.txt", FR).await;
        let r = t
            .get(&format!("/fr/agreements/{}/text", slug("txt-hidden")))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // No text at all.
        assert!(
            t.write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("txt-none", "ES", "MA", 2022)
            )
            .await
            .status
            .is_success()
        );
        let r = t
            .get(&format!("/fr/agreements/{}/text", slug("txt-none")))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // It says the agreement has no text yet, and leads back to it.
        assert!(
            r.text().contains("Aucun texte de cet accord"),
            "{}",
            r.text()
        );
        assert!(r.text().contains("/fr/agreements/"));
    }
}

/// The draft page takes the files its hint promises (up to 20 MB; axum's
/// default would refuse anything past 2 MB), and a file past the limit is
/// answered in the page's language as too large, not as a bad filter.
#[tokio::test]
async fn the_draft_page_takes_files_as_large_as_it_says() {
    let t = &apps().await[0];
    let line = "Article 1. Recruitment fees and related costs shall not be charged to workers; the employer shall bear them.\n";
    let three_mb = line.repeat(3 * 1024 * 1024 / line.len());
    let (ct, body) = multipart(&[
        ("file", Some("draft.txt"), &three_mb),
        ("format", None, "page"),
    ]);
    let r = t
        .send(Method::POST, "/fr/assess", None, Some(&ct), body)
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        &r.text()[..r.text().len().min(2000)]
    );
    assert!(
        r.text()
            .contains("id=\"el-recruitment_costs\" class=\"element st-covered\"")
    );
    let too_big = line.repeat(22 * 1024 * 1024 / line.len());
    let (ct, body) = multipart(&[
        ("file", Some("draft.txt"), &too_big),
        ("format", None, "page"),
    ]);
    let r = t
        .send(Method::POST, "/fr/assess", None, Some(&ct), body)
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        r.text().contains("Le fichier est trop volumineux"),
        "{}",
        r.text()
    );
}

/// The sitemap lists every public page in the four languages, each with
/// its alternates, every one of them answering 200; drafts and the pages
/// behind an account are not in it, and robots.txt points to it.
#[tokio::test]
async fn the_sitemap_lists_every_public_page_in_four_languages() {
    for t in apps().await {
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("sm", "ES", "MA", 2020),
            )
            .await;
        assert!(r.status.is_success());
        let slug = r.json()["slug"].as_str().unwrap().to_string();
        let r = t
            .upload_text(
                "sm",
                "file_name=text.txt",
                "Article 1. Les Parties coopèrent.",
            )
            .await;
        assert!(r.status.is_success());
        let draft = json!({"id": "hidden", "title": "Unpublished practice", "type": "programme",
            "publication_status": "draft", "objectives": [3]});
        assert!(
            t.write(Method::POST, "/api/v1/practices", &draft)
                .await
                .status
                .is_success()
        );
        let r = t.get("/sitemap.xml").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.content_type.starts_with("application/xml"));
        let xml = r.text();
        let locs: Vec<&str> = xml
            .split("<loc>")
            .skip(1)
            .map(|s| &s[..s.find("</loc>").unwrap()])
            .collect();
        for lang in ["fr", "en", "es", "ar"] {
            let page = format!("/{lang}/agreements/{slug}");
            assert!(locs.iter().any(|l| l.ends_with(&page)), "{page}");
            assert!(xml.contains(&format!(
                "hreflang=\"{lang}\" href=\"http://localhost/{lang}/agreements/{slug}\""
            )));
            assert!(
                locs.iter()
                    .any(|l| l.ends_with(&format!("/{lang}/corridors/MA-ES")))
            );
        }
        assert!(
            !xml.contains("hidden") && !xml.contains("/account"),
            "{xml}"
        );
        // Every address answers (countries are many: one of them).
        for loc in locs
            .iter()
            .filter(|l| !l.contains("/countries/") || l.ends_with("/countries/MA"))
        {
            let path = loc.trim_start_matches("http://localhost");
            let path = if path.is_empty() { "/" } else { path };
            assert_eq!(t.get(path).await.status, StatusCode::OK, "{path}");
        }
        let robots = t.get("/robots.txt").await.text();
        assert!(
            robots.contains("Sitemap: http://localhost/sitemap.xml"),
            "{robots}"
        );
        assert!(robots.contains("Disallow: /ar/account"), "{robots}");
        assert_eq!(t.get("/sitemap/1.xml").await.status, StatusCode::NOT_FOUND);
    }
}

/// A record's page says what it is in schema.org JSON-LD (an agreement is
/// `Legislation` with its parties, dates and legal force, in the page's
/// language) and carries the `citation_*` tags reference managers read.
#[tokio::test]
async fn record_pages_describe_themselves_for_machines() {
    let t = &apps().await[0];
    let r = t
        .write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("ld", "ES", "MA", 2020),
        )
        .await;
    let slug = r.json()["slug"].as_str().unwrap().to_string();
    let html = t.get(&format!("/es/agreements/{slug}")).await.text();
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Legislation");
    assert_eq!(ld["@id"], format!("http://localhost/es/agreements/{slug}"));
    assert_eq!(ld["legislationDate"], "2020-06-01");
    assert_eq!(ld["legislationLegalForce"], "https://schema.org/InForce");
    let parties: Vec<&str> = ld["legislationPassedBy"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["identifier"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["ES", "MA"]);
    assert_eq!(ld["legislationPassedBy"][1]["name"], "Marruecos");
    assert_eq!(ld["sameAs"][0], "https://example.org/source");
    assert!(
        html.contains("<meta name=\"citation_publication_date\" content=\"2020&#x2f;06&#x2f;01\">"),
        "{html}"
    );
    // Other pages carry none.
    assert!(
        !t.get("/es/agreements")
            .await
            .text()
            .contains("application/ld+json")
    );
}

/// An address the hub will not fetch brings the editor back to the form,
/// which says why in the page's language and keeps what they typed.
#[tokio::test]
async fn a_refused_address_is_explained_on_the_form_in_the_pages_language() {
    use passerelle_domain::account::Role;
    let t = &apps().await[0];
    let r = t
        .write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("fx", "ES", "MA", 2020),
        )
        .await;
    let slug = r.json()["slug"].as_str().unwrap().to_string();
    let (editor, csrf) = t.session_of(Role::Editor).await;
    for (lang, words) in [
        ("fr", "seules les adresses publiques sont récupérées"),
        ("ar", "ولا تُجلب إلا العناوين العامة"),
    ] {
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("csrf", &csrf)
            .append_pair("url", "http://169.254.169.254/latest/meta-data/")
            .finish();
        let req = Request::post(format!("/{lang}/agreements/{slug}/texts/fetch"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, editor.clone())
            .body(Body::from(body))
            .unwrap();
        let r = t.call(req).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        let to = r.headers[header::LOCATION].to_str().unwrap().to_string();
        assert!(
            to.starts_with(&format!("/{lang}/agreements/{slug}?fetch=not-public&url=")),
            "{to}"
        );
        let page = t
            .get_signed_in(to.split('#').next().unwrap(), &editor)
            .await
            .text();
        assert!(page.contains(words), "{page}");
        assert!(
            page.contains(
                "value=\"http:&#x2f;&#x2f;169.254.169.254&#x2f;latest&#x2f;meta-data&#x2f;\""
            ),
            "{page}"
        );
        assert!(page.contains("aria-invalid=\"true\""));
    }
    // A key the hub never gives shows nothing.
    let page = t
        .get_signed_in(
            &format!("/fr/agreements/{slug}?fetch=error-internal"),
            &editor,
        )
        .await
        .text();
    assert!(!page.contains("role=\"alert\" id=\"attach-url-error\""));
    assert!(
        t.get("/api/v1/agreements/fx/documents")
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
}
