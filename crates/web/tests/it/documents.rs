use axum::http::{Method, StatusCode};

use crate::{TOKEN, agreement, apps};

#[tokio::test]
async fn documents_upload_download_and_type_checks() {
    for t in apps().await {
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("a", "FR", "MA", 1963),
        )
        .await;
        let text =
            "Article premier\nAucun frais de recrutement n'est mis à la charge des travailleurs.\n";
        let r = t
            .send(
                Method::POST,
                "/api/v1/agreements/a/documents?file_name=convention.txt&language=fr",
                Some(TOKEN),
                Some("text/plain; charset=utf-8"),
                text.as_bytes().to_vec(),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{}: {}",
            t.backend(),
            r.text()
        );
        let doc = r.json();
        assert_eq!(doc["size"], text.len());
        let id = doc["id"].as_str().unwrap();
        let content = t.get(&format!("/api/v1/documents/{id}/content")).await;
        assert_eq!(content.bytes, text.as_bytes());
        // The text read from it, which the agreement page links to.
        let read = t.get(&format!("/api/v1/documents/{id}/text")).await;
        assert_eq!(read.status, StatusCode::OK, "{}", read.text());
        assert_eq!(read.content_type, "text/plain; charset=utf-8");
        assert!(
            read.text().contains("Aucun frais de recrutement"),
            "{}",
            read.text()
        );
        assert_eq!(
            t.get("/api/v1/agreements/a/documents")
                .await
                .json()
                .as_array()
                .unwrap()
                .len(),
            1
        );

        let fake_pdf = t
            .send(
                Method::POST,
                "/api/v1/agreements/a/documents?file_name=x.pdf",
                Some(TOKEN),
                Some("application/pdf"),
                b"hello".to_vec(),
            )
            .await;
        assert_eq!(fake_pdf.status, StatusCode::UNPROCESSABLE_ENTITY);
        let exe = t
            .send(
                Method::POST,
                "/api/v1/agreements/a/documents?file_name=x.exe",
                Some(TOKEN),
                Some("application/x-msdownload"),
                b"MZ".to_vec(),
            )
            .await;
        assert_eq!(exe.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(exe.json()["code"], "unsupported_media_type");
        let no_name = t
            .send(
                Method::POST,
                "/api/v1/agreements/a/documents",
                Some(TOKEN),
                Some("text/plain"),
                b"x".to_vec(),
            )
            .await;
        assert_eq!(no_name.json()["errors"][0]["field"], "file_name");
        let anon = t
            .send(
                Method::POST,
                "/api/v1/agreements/a/documents?file_name=y.txt",
                None,
                Some("text/plain"),
                b"x".to_vec(),
            )
            .await;
        assert_eq!(anon.status, StatusCode::UNAUTHORIZED);

        let r = t
            .send(
                Method::DELETE,
                &format!("/api/v1/documents/{id}"),
                Some(TOKEN),
                None,
                vec![],
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
        assert_eq!(
            t.get(&format!("/api/v1/documents/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn uploads_are_assessed_and_reviewers_decide() {
    use serde_json::json;
    for t in apps().await {
        let b = t.backend();
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("a", "FR", "MA", 1963),
        )
        .await;
        let text = "Article premier\nAucun frais de recrutement n'est mis à la charge des travailleurs.\n\nArticle 2\nLes travailleurs sont affiliés au régime de sécurité sociale du pays d'emploi.\n";
        let r = t.upload_text("a", "file_name=accord.txt", text).await;
        assert_eq!(r.status, StatusCode::CREATED, "{b}: {}", r.text());
        assert!(
            r.json()["assessment"]["coverage"]
                .as_f64()
                .is_some_and(|c| c > 0.0),
            "{}",
            r.text()
        );

        let got = t.get("/api/v1/agreements/a/assessment").await;
        assert_eq!(got.status, StatusCode::OK, "{}", got.text());
        let a = got.json();
        let finding = |a: &serde_json::Value, id: &str| {
            a["findings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["element"] == id)
                .unwrap()
                .clone()
        };
        assert_eq!(finding(&a, "recruitment_costs")["status"], "covered", "{b}");
        assert_eq!(finding(&a, "recruitment_costs")["provenance"], "machine");
        assert_eq!(finding(&a, "housing")["status"], "absent");

        let t = &t;
        let review = |el: &str, body: serde_json::Value| {
            let uri = format!("/api/v1/agreements/a/assessment/findings/{el}");
            async move { t.write(Method::POST, &uri, &body).await }
        };
        let r = review("recruitment_costs", json!({"decision": "confirm"})).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let r = review(
            "social_security",
            json!({"decision": "reject", "note": "only affiliation, no portability"}),
        )
        .await;
        assert_eq!(finding(&r.json(), "social_security")["status"], "absent");
        let r = review(
            "housing",
            json!({"decision": "add", "status": "partial", "note": "annex 2 mentions lodging"}),
        )
        .await;
        let a = r.json();
        assert_eq!(finding(&a, "housing")["provenance"], "human");
        assert_eq!(
            finding(&a, "housing")["reviewer"],
            "operator@passerelle.invalid (token configured)"
        );
        let r = review("housing", json!({"decision": "reject"})).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a rejection needs a note"
        );
        let r = t
            .send(
                Method::POST,
                "/api/v1/agreements/a/assessment/findings/housing",
                None,
                Some("application/json"),
                b"{\"decision\":\"confirm\"}".to_vec(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);

        // Recomputing (as after a rubric change) keeps every human decision.
        let r = t
            .send(
                Method::POST,
                "/api/v1/agreements/a/assessment/recompute",
                Some(TOKEN),
                None,
                vec![],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let a = r.json();
        assert_eq!(
            finding(&a, "recruitment_costs")["provenance"],
            "machine_confirmed",
            "{b}"
        );
        assert_eq!(finding(&a, "social_security")["status"], "absent");
        assert_eq!(finding(&a, "social_security")["machine_status"], "covered");
        assert_eq!(finding(&a, "housing")["status"], "partial");

        let log = t
            .send(
                Method::GET,
                "/api/v1/audit?record_id=a",
                Some(TOKEN),
                None,
                vec![],
            )
            .await;
        assert_eq!(log.status, StatusCode::OK, "{}", log.text());
        let log = log.json();
        let actions: Vec<&str> = log
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(
            actions,
            [
                "create", "attach", "assess", "review", "review", "review", "assess"
            ],
            "{b}"
        );
    }
}

/// An agreement's sector notes add what the Guidance expects of agreements
/// for the sector, with the statuses in force: a reviewer's decision moves
/// them. The agreement page shows them.
#[tokio::test]
async fn sector_notes_add_the_sectors_expectations() {
    use serde_json::json;
    for t in apps().await {
        let b = t.backend();
        let mut a = agreement("d", "SA", "PH", 2013);
        a["sector_notes"] = json!(["domestic_workers"]);
        let r = t.write(Method::POST, "/api/v1/agreements", &a).await;
        assert_eq!(r.status, StatusCode::CREATED, "{b}: {}", r.text());
        let text = "Article 1\nThe employer shall not keep the passport or identity documents of the worker.\n\nArticle 2\nWages are paid monthly by bank transfer.\n";
        let r = t.upload_text("d", "file_name=agreement.txt", text).await;
        assert_eq!(r.status, StatusCode::CREATED, "{b}: {}", r.text());

        let expected = |a: &serde_json::Value, id: &str| {
            a["sectors"][0]["expectations"]
                .as_array()
                .unwrap_or_else(|| panic!("{a}"))
                .iter()
                .find(|x| x["element"] == id)
                .unwrap()["status"]
                .clone()
        };
        let a = t.get("/api/v1/agreements/d/assessment").await.json();
        assert_eq!(a["sectors"][0]["sector"], "domestic_workers", "{b}");
        assert_eq!(expected(&a, "identity_documents"), "covered", "{b}");
        assert_eq!(expected(&a, "housing"), "absent", "{b}");
        let before = a["sectors"][0]["coverage"].as_f64().unwrap();

        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements/d/assessment/findings/housing",
                &json!({"decision": "add", "note": "annex on living conditions"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(
            expected(&r.json(), "housing"),
            "covered",
            "the decision's answer"
        );
        let a = t.get("/api/v1/agreements/d/assessment").await.json();
        assert_eq!(expected(&a, "housing"), "covered", "{b}");
        assert!(a["sectors"][0]["coverage"].as_f64().unwrap() > before);

        let page = t.get("/en/agreements/d").await;
        let html = page.text();
        assert!(
            html.contains("Expected of agreements for \u{2068}Domestic workers\u{2069}"),
            "{b}: {html}"
        );
        assert!(html.contains("<dt>Sector notes</dt><dd>Domestic workers</dd>"));
        let page = t.get("/fr/agreements/d").await.text();
        assert!(page.contains(
            "Attendu des accords pour\u{a0}: \u{2068}Travailleuses et travailleurs domestiques\u{2069}"
        ));

        // An agreement without sector notes has no such section.
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("e", "FR", "MA", 1963),
        )
        .await;
        t.upload_text("e", "file_name=agreement.txt", text).await;
        let a = t.get("/api/v1/agreements/e/assessment").await.json();
        assert!(a.get("sectors").is_none(), "{a}");

        // A note that is not one of the three is refused, naming the field.
        let mut bad = agreement("f", "FR", "MA", 1963);
        bad["sector_notes"] = json!(["nurses"]);
        let r = t.write(Method::POST, "/api/v1/agreements", &bad).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            r.text()
        );
        assert!(r.text().contains("nurses"), "{}", r.text());
    }
}

#[tokio::test]
async fn texts_that_are_not_public_need_the_token() {
    for t in apps().await {
        let mut a = agreement("secret", "FR", "MA", 2020);
        a["text_public"] = serde_json::json!(false);
        t.write(Method::POST, "/api/v1/agreements", &a).await;
        let text = "Article premier\nLes frais de recrutement sont à la charge de l'employeur.\n";
        let r = t
            .upload_text("secret", "file_name=t.txt&language=fr", text)
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let id = r.json()["id"].as_str().unwrap().to_string();
        for uri in [
            format!("/api/v1/documents/{id}"),
            format!("/api/v1/documents/{id}/content"),
            format!("/api/v1/documents/{id}/text"),
        ] {
            let r = t.get(&uri).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri}: {}", t.backend());
            assert_eq!(r.json()["code"], "text_not_public");
            let r = t
                .send(Method::GET, &uri, Some(TOKEN), None, Vec::new())
                .await;
            assert_eq!(r.status, StatusCode::OK, "{uri}");
        }
        // The list says a text exists, not its name, size or fingerprint.
        let listed = t.get("/api/v1/agreements/secret/documents").await.json();
        assert_eq!(listed[0]["id"], id.as_str());
        for hidden in ["file_name", "size", "sha256"] {
            assert!(listed[0][hidden].is_null(), "{hidden}: {listed}");
        }
        let listed = t
            .send(
                Method::GET,
                "/api/v1/agreements/secret/documents",
                Some(TOKEN),
                None,
                Vec::new(),
            )
            .await
            .json();
        assert_eq!(listed[0]["file_name"], "t.txt");
        // The scorecard is public, the quoted text is not.
        let public = t.get("/api/v1/agreements/secret/assessment").await.json();
        let costs = |a: &serde_json::Value| {
            a["findings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["element"] == "recruitment_costs")
                .unwrap()
                .clone()
        };
        assert_eq!(costs(&public)["status"], "covered", "{public}");
        assert!(costs(&public)["evidence"].is_null());
        assert!(public["clauses"].is_null());
        let full = t
            .send(
                Method::GET,
                "/api/v1/agreements/secret/assessment",
                Some(TOKEN),
                None,
                Vec::new(),
            )
            .await
            .json();
        assert!(
            costs(&full)["evidence"]["evidence"][0]["text"].is_string(),
            "{full}"
        );
    }
}

/// An upload's parameters are checked: a language the standard does not
/// have, and a file name that could pass for an option of the reader.
#[tokio::test]
async fn upload_parameters_are_checked() {
    for t in apps().await {
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("up", "ES", "MA", 2001),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        for (query, field) in [
            ("file_name=a.txt&language=zz", "language"),
            ("file_name=-rf.txt", "file_name"),
            ("file_name=a%2Fb.txt", "file_name"),
        ] {
            let r = t.upload_text("up", query, "Article 1. Texte.").await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{query}: {}",
                r.text()
            );
            assert_eq!(r.json()["errors"][0]["field"], field, "{query}");
        }
        let r = t
            .upload_text("up", "file_name=a.txt&language=wo", "Article 1. Texte.")
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    }
}

/// The agreement's page does not name a text that is not public, nor
/// give its size.
#[tokio::test]
async fn the_page_does_not_name_texts_that_are_not_public() {
    for t in apps().await {
        let mut a = agreement("hidden", "FR", "MA", 2020);
        a["text_public"] = serde_json::json!(false);
        t.write(Method::POST, "/api/v1/agreements", &a).await;
        let r = t
            .upload_text(
                "hidden",
                "file_name=projet-confidentiel.txt",
                "Article 1. Texte.",
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        let slug = t.get("/api/v1/agreements/hidden").await.json()["slug"]
            .as_str()
            .unwrap()
            .to_string();
        let html = t.get(&format!("/fr/agreements/{slug}")).await.text();
        assert!(!html.contains("projet-confidentiel"), "{}", t.backend());
        assert!(html.contains("Un texte, qui n’est pas public"));
    }
}

/// `POST /api/v1/agreements/{id}/documents/fetch`: a token is needed, the
/// body is checked, and an address that is not public is a 422 on `url`
/// (the server's default rule: only public addresses), with nothing
/// stored. Fetching itself is tested in the application layer's suite.
#[tokio::test]
async fn fetching_a_text_is_refused_for_internal_addresses() {
    for t in apps().await {
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("f", "ES", "MA", 2020),
            )
            .await;
        assert!(r.status.is_success());
        let path = "/api/v1/agreements/f/documents/fetch";
        let body = |v: serde_json::Value| v.to_string().into_bytes();
        let r = t
            .send(
                Method::POST,
                path,
                None,
                Some("application/json"),
                body(serde_json::json!({"url": "https://example.org/a.pdf"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        for (url, field) in [
            ("http://127.0.0.1:9/a.pdf", "url"),
            ("http://169.254.169.254/latest/meta-data/", "url"),
            ("http://localhost/a.pdf", "url"),
            ("file:///etc/passwd", "url"),
        ] {
            let r = t
                .write(Method::POST, path, &serde_json::json!({"url": url}))
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{url}: {}",
                r.text()
            );
            assert_eq!(r.json()["errors"][0]["field"], field, "{url}");
        }
        let r = t
            .write(
                Method::POST,
                path,
                &serde_json::json!({"url": "https://example.org/a.pdf", "language": "french"}),
            )
            .await;
        assert_eq!(r.json()["errors"][0]["field"], "language");
        let r = t
            .write(
                Method::POST,
                path,
                &serde_json::json!({"address": "https://example.org/a.pdf"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements/nowhere/documents/fetch",
                &serde_json::json!({"url": "http://127.0.0.1/"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(
            t.get("/api/v1/agreements/f/documents")
                .await
                .json()
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
}

/// A scanned PDF sent through the API is read by OCR: the document says
/// so, the agreement page and the text page tell the reader in their
/// language, and the machine's findings are labelled as resting on OCR.
#[tokio::test]
async fn a_scan_is_read_by_ocr_and_the_pages_say_so() {
    let pdf = include_bytes!("../../../extract/tests/fixtures/french-scan.pdf");
    for t in apps().await {
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("scan", "FR", "MA", 1963),
        )
        .await;
        let r = t
            .send(
                Method::POST,
                "/api/v1/agreements/scan/documents?file_name=convention-1963.pdf&language=fr",
                Some(TOKEN),
                Some("application/pdf"),
                pdf.to_vec(),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let doc = r.json();
        assert_eq!(doc["ocr"]["languages"], "fra", "{doc}");
        assert_eq!(doc["ocr"]["pages"].as_array().unwrap().len(), 2);
        let slug = t.get("/api/v1/agreements/scan").await.json()["slug"]
            .as_str()
            .unwrap()
            .to_string();
        // Without the marks that isolate each value in its direction.
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        let page = plain(t.get(&format!("/fr/agreements/{slug}")).await.text());
        assert!(
            page.contains(
                "Lu par OCR (reconnaissance de caractères) sur un document numérisé\u{a0}: 2 pages"
            ),
            "{page}"
        );
        assert!(page.contains("à partir d’un texte lu par OCR"), "{page}");
        let text = plain(t.get(&format!("/ar/agreements/{slug}/text")).await.text());
        assert!(
            text.contains("قُرئ هذا النص بالتعرّف الضوئي على الحروف"),
            "{text}"
        );
        // The articles of both pages, read back.
        assert!(text.contains("régime de sécurité sociale"), "{text}");
        assert!(text.contains("id=\"art_3\""), "{text}");
        // An image that is not what it says is refused before anything is read.
        let fake = t
            .send(
                Method::POST,
                "/api/v1/agreements/scan/documents?file_name=page.png",
                Some(TOKEN),
                Some("image/png"),
                b"not a png".to_vec(),
            )
            .await;
        assert_eq!(
            fake.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            fake.text()
        );
    }
}
