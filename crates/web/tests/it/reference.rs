use axum::http::StatusCode;

use crate::apps;

#[tokio::test]
async fn reference_data_is_served() {
    let t = apps().await.remove(0);
    let ma = t.get("/api/v1/countries/MA").await.json();
    assert_eq!(ma["names"]["fr"], "Maroc");
    assert_eq!(ma["names"]["ar"], "المغرب");
    assert_eq!(ma["names"]["es"], "Marruecos");
    assert_eq!(ma["regions"][1]["names"]["en"], "Northern Africa");
    assert_eq!(
        t.get("/api/v1/countries/QQ").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.get("/api/v1/objectives")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        23
    );
    assert_eq!(
        t.get("/api/v1/objectives/5").await.json()["label"]["en"],
        "Regular pathways"
    );
    assert_eq!(
        t.get("/api/v1/principles")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        10
    );
    assert_eq!(
        t.get("/api/v1/sdgs").await.json().as_array().unwrap().len(),
        17
    );
    assert_eq!(
        t.get("/api/v1/sectors")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        21
    );
    assert_eq!(
        t.get("/api/v1/occupations")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        10
    );
    let north_africa = t.get("/api/v1/countries?region=015").await.json();
    assert!(
        north_africa
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["alpha2"] == "TN")
    );
}

#[tokio::test]
async fn openapi_and_reference_page_work_offline() {
    let t = apps().await.remove(0);
    let doc = t.get("/api/v1/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"]["/api/v1/agreements/{key}"]["put"].is_object());
    assert_eq!(doc["components"]["schemas"]["Agreement"]["type"], "object");
    let reference = t.get("/api").await;
    let csp = |r: &crate::Reply| {
        r.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string()
    };
    // Only the reference viewer may style inline; nothing runs inline.
    assert!(
        csp(&reference).contains("style-src 'self' 'unsafe-inline'"),
        "{}",
        csp(&reference)
    );
    assert!(csp(&reference).contains("script-src 'self';"));
    let page = reference.text();
    assert!(page.contains("/assets/vendor/rapidoc/rapidoc-min.js"));
    assert!(!page.contains("https://"), "no CDN");
    let js = t.get("/assets/vendor/rapidoc/rapidoc-min.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.bytes.len() > 100_000);
    for path in ["/", "/en", "/en/agreements", "/api/v1/agreements"] {
        let r = t.get(path).await;
        let policy = csp(&r);
        assert!(
            policy.contains("script-src 'self';") && policy.contains("style-src 'self';"),
            "{path}: {policy}"
        );
        assert!(!policy.contains("unsafe"), "{path}: {policy}");
        assert_eq!(r.headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(r.headers["x-content-type-options"], "nosniff", "{path}");
    }
}

#[tokio::test]
async fn assess_returns_a_report_and_stores_nothing() {
    use axum::http::Method;
    let t = apps().await.remove(0);
    let assess = |uri: &'static str, content_type: &'static str, body: Vec<u8>| {
        t.send(Method::POST, uri, None, Some(content_type), body)
    };
    let text = "Article premier\nAucun frais de recrutement n'est mis à la charge des travailleurs.\n\nArticle 2\nL'employeur ne peut retenir le passeport du travailleur.";
    let r = assess(
        "/api/v1/assess",
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let report = r.json();
    assert_eq!(report["rubric"], "blma-guidance-2022");
    assert_eq!(report["language"], "fr");
    let costs = report["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "recruitment_costs")
        .unwrap();
    assert_eq!(costs["status"], "covered", "{costs}");
    let ev = &costs["evidence"][0];
    let (s, e) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], ev["text"].as_str().unwrap());
    assert_eq!(
        t.get("/api/v1/stats").await.json()["records"]["agreements"],
        0
    );

    let html = assess(
        "/api/v1/assess?format=html&lang=fr",
        "text/plain",
        text.as_bytes().to_vec(),
    )
    .await;
    assert!(html.content_type.starts_with("text/html"));
    assert!(html.text().contains("lang=\"fr\""));

    let pdf = assess(
        "/api/v1/assess",
        "application/pdf",
        b"%PDF-1.7 ...".to_vec(),
    )
    .await;
    assert_eq!(
        pdf.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        pdf.text()
    );
    assert_eq!(pdf.json()["code"], "unreadable_file");
    let empty = assess("/api/v1/assess", "text/plain", Vec::new()).await;
    assert_eq!(empty.json()["code"], "unreadable_file");
    let bad = assess("/api/v1/assess?lang=de", "text/plain", b"x".to_vec()).await;
    assert_eq!(bad.json()["errors"][0]["field"], "lang");

    // A sector note adds its expectations, with the statuses just found.
    let r = assess(
        "/api/v1/assess?sector=domestic_workers",
        "text/plain",
        text.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let sectors = r.json()["sectors"].clone();
    assert_eq!(sectors[0]["sector"], "domestic_workers", "{sectors}");
    let expected = |id: &str| {
        sectors[0]["expectations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["element"] == id)
            .map(|x| x["status"].clone())
    };
    assert_eq!(expected("identity_documents").unwrap(), "covered");
    assert_eq!(expected("recruitment_costs").unwrap(), "covered");
    assert_eq!(expected("working_time_leave").unwrap(), "absent");
    assert_eq!(
        expected("final_clauses"),
        None,
        "not a domestic work expectation"
    );
    let bad = assess(
        "/api/v1/assess?sector=nurses",
        "text/plain",
        text.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = &bad.json()["errors"][0];
    assert_eq!(error["field"], "sector");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("health_workers"),
        "{error}"
    );
}
