use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

use crate::{TOKEN, agreement, apps};
use passerelle_domain::Kind;

#[tokio::test]
async fn crud_through_the_api() {
    for t in apps().await {
        let b = t.backend();
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("fr-ma", "FR", "MA", 1963),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{b}: {}", r.text());
        assert_eq!(r.headers["location"], "/api/v1/agreements/fr-ma");
        assert_eq!(r.json()["slug"], "labour-agreement-fr-ma-1963");

        let r = t
            .get("/api/v1/agreements/labour-agreement-fr-ma-1963")
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json()["parties"][1]["country"], "MA");

        let mut changed = agreement("fr-ma", "FR", "MA", 1963);
        changed["status"] = json!("terminated");
        let r = t
            .write(Method::PUT, "/api/v1/agreements/fr-ma", &changed)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.text());
        assert_eq!(r.json()["status"], "terminated");

        let r = t
            .send(
                Method::DELETE,
                "/api/v1/agreements/fr-ma",
                Some(TOKEN),
                None,
                vec![],
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
        assert_eq!(
            t.get("/api/v1/agreements/fr-ma").await.status,
            StatusCode::NOT_FOUND
        );

        let r = t
            .send(
                Method::GET,
                "/api/v1/audit?record_id=fr-ma",
                Some(TOKEN),
                None,
                vec![],
            )
            .await;
        let actions: Vec<String> = r
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(actions, ["create", "update", "delete"], "{b}");
    }
}

#[tokio::test]
async fn bad_writes_are_refused_with_problems_and_change_nothing() {
    for t in apps().await {
        let b = t.backend();
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("kept", "ES", "MA", 2001),
        )
        .await;

        let r = t
            .send(
                Method::POST,
                "/api/v1/agreements",
                None,
                Some("application/json"),
                agreement("x", "ES", "MA", 2001).to_string().into_bytes(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(r.content_type, "application/problem+json");
        assert_eq!(r.json()["code"], "unauthorized");
        let r = t
            .send(
                Method::POST,
                "/api/v1/agreements",
                Some("wrong"),
                Some("application/json"),
                b"{}".to_vec(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);

        let mut bad = agreement("bad", "ES", "ZZ", 2001);
        bad["expires_on"] = json!("1999-01-01");
        let r = t.write(Method::POST, "/api/v1/agreements", &bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        let p = r.json();
        assert_eq!(p["code"], "validation_failed");
        let fields: Vec<&str> = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["parties[1].country", "expires_on"], "{p}");
        // Each problem also has a stable code and its values, for programs
        // and translations.
        assert_eq!(p["errors"][0]["code"], "country");
        assert_eq!(p["errors"][0]["args"]["value"], "ZZ");
        assert_eq!(p["errors"][1]["code"], "before");
        assert_eq!(p["errors"][1]["args"]["other"], "signed_on");

        let mut typo = agreement("typo", "ES", "MA", 2001);
        typo["stauts"] = json!("signed");
        let r = t.write(Method::POST, "/api/v1/agreements", &typo).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.json()["detail"]
                .as_str()
                .unwrap()
                .contains("unknown field `stauts`"),
            "{}",
            r.text()
        );

        let mut wrong_type = agreement("wt", "ES", "MA", 2001);
        wrong_type["parties"][0]["role"] = json!("host");
        let r = t
            .write(Method::POST, "/api/v1/agreements", &wrong_type)
            .await;
        assert_eq!(r.json()["errors"][0]["field"], "parties[0].role");

        let r = t
            .send(
                Method::POST,
                "/api/v1/agreements",
                Some(TOKEN),
                Some("application/json"),
                b"{\"title\": ".to_vec(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(r.json()["code"], "malformed_json");

        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("kept", "ES", "MA", 2001),
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);

        let mut kept = agreement("kept", "ES", "MA", 2001);
        kept["parties"] = json!([]);
        let r = t.write(Method::PUT, "/api/v1/agreements/kept", &kept).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

        let list = t.get("/api/v1/agreements").await.json();
        assert_eq!(list["total"], 1, "{b}: nothing else was stored");
        assert_eq!(
            list["items"][0]["parties"].as_array().unwrap().len(),
            2,
            "the failed update changed nothing"
        );
        assert_eq!(t.get("/api/v1/nonsense").await.json()["code"], "not_found");
    }
}

#[tokio::test]
async fn lists_filter_paginate_and_reject_bad_parameters() {
    for t in apps().await {
        let b = t.backend();
        for (id, d, o, y) in [
            ("fr-ma", "FR", "MA", 1963),
            ("es-ma", "ES", "MA", 2001),
            ("es-sn", "ES", "SN", 2006),
            ("ca-mx", "CA", "MX", 1974),
            ("ca-jm", "CA", "JM", 1966),
        ] {
            let r = t
                .write(Method::POST, "/api/v1/agreements", &agreement(id, d, o, y))
                .await;
            assert_eq!(r.status, StatusCode::CREATED);
        }
        let ids = |v: serde_json::Value| -> Vec<String> {
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            ids(t.get("/api/v1/agreements?country=MA").await.json()),
            ["es-ma", "fr-ma"],
            "{b}"
        );
        assert_eq!(
            ids(t.get("/api/v1/agreements?corridor=MA-ES").await.json()),
            ["es-ma"]
        );
        assert_eq!(
            ids(t
                .get("/api/v1/agreements?region=029&sort=date")
                .await
                .json()),
            ["ca-jm"],
            "Caribbean"
        );
        assert_eq!(
            ids(t
                .get("/api/v1/agreements?year=1960..1970&sort=title")
                .await
                .json()),
            ["ca-jm", "fr-ma"]
        );
        assert_eq!(
            ids(t
                .get("/api/v1/agreements?q=MAIN-D%27OEUVRE%20es-sn")
                .await
                .json()),
            ["es-sn"]
        );
        let page = t.get("/api/v1/agreements?per_page=2&page=3").await.json();
        assert_eq!(
            (
                page["total"].as_u64(),
                page["items"].as_array().unwrap().len()
            ),
            (Some(5), 1)
        );

        let r = t
            .get("/api/v1/agreements?year=soon&sort=size&colour=red")
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let problem = r.json();
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["year", "sort", "colour"]);

        let csv = t
            .get("/api/v1/export/agreements?country=SN&format=csv")
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.content_type.starts_with("text/csv"));
        assert_eq!(
            csv.text().lines().count(),
            2,
            "header and one row: {}",
            csv.text()
        );
    }
}

#[tokio::test]
async fn commitments_record_status_history() {
    for t in apps().await {
        let c = json!({"id": "c1", "title": "Pledge", "description": "d".repeat(400), "kind": "process",
                       "modality": "individual", "countries": ["MA"], "objectives": [5]});
        assert_eq!(
            t.write(Method::POST, "/api/v1/commitments", &c)
                .await
                .status,
            StatusCode::CREATED
        );
        let r = t
            .write(
                Method::POST,
                "/api/v1/commitments/c1/status",
                &json!({"on": "2024-05-01", "status": "in_progress", "note": "first step",
                        "source": {"url": "https://example.org/progress-2024", "title": "Progress report 2024"}}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.json()["history"][0]["note"], "first step");
        let r = t
            .write(
                Method::POST,
                "/api/v1/commitments/c1/status",
                &json!({"on": "2024-13-01", "status": "done"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let short = json!({"title": "Short", "description": "too short", "kind": "process", "modality": "individual", "countries": ["MA"]});
        let r = t.write(Method::POST, "/api/v1/commitments", &short).await;
        assert!(
            r.json()["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("300 to 3000"),
            "{}",
            r.text()
        );
    }
}

#[tokio::test]
async fn drafts_are_hidden_from_the_public() {
    for t in apps().await {
        let p = json!({"id": "p1", "title": "Orientation", "type": "programme", "publication_status": "in_review"});
        assert_eq!(
            t.write(Method::POST, "/api/v1/practices", &p).await.status,
            StatusCode::CREATED
        );
        assert_eq!(
            t.get("/api/v1/practices/p1").await.status,
            StatusCode::NOT_FOUND,
            "{}",
            t.backend()
        );
        assert_eq!(t.get("/api/v1/practices").await.json()["total"], 0);
        let r = t
            .send(
                Method::GET,
                "/api/v1/practices/p1",
                Some(TOKEN),
                None,
                vec![],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
    }
}

/// One definition of a corridor (origin to another destination, a party in
/// both roles counting each way once) and of "between" (all parties), the
/// same in the list API, the search and the corridor page.
#[tokio::test]
async fn corridors_and_between_have_one_definition() {
    for t in apps().await {
        let b = t.backend();
        let mut both = agreement("ma-sa", "SA", "MA", 2010);
        both["parties"] = serde_json::json!([
            {"country": "MA", "role": "both"},
            {"country": "SA", "role": "destination"}
        ]);
        let mut reciprocal = agreement("fr-ma-r", "FR", "MA", 1987);
        reciprocal["parties"] = serde_json::json!([
            {"country": "MA", "role": "both"},
            {"country": "FR", "role": "both"}
        ]);
        let mut programme = agreement("thamm", "DE", "MA", 2019);
        programme["parties"] = serde_json::json!([
            {"country": "MA", "role": "origin"},
            {"country": "TN", "role": "origin"},
            {"country": "DE", "role": "destination"}
        ]);
        for a in [
            agreement("es-ma", "ES", "MA", 2001),
            agreement("es-sn", "ES", "SN", 2006),
            both,
            reciprocal,
            programme,
        ] {
            let r = t.write(Method::POST, "/api/v1/agreements", &a).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        }
        t.catch_up().await;
        let ids = |v: serde_json::Value| -> Vec<String> {
            let mut ids: Vec<String> = v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap().to_string())
                .collect();
            ids.sort();
            ids
        };
        // Morocco in both roles with Saudi Arabia is no corridor to Spain.
        assert_eq!(
            ids(t.get("/api/v1/agreements?corridor=MA-ES").await.json()),
            ["es-ma"],
            "{b}"
        );
        assert_eq!(
            ids(t.get("/api/v1/agreements?corridor=MA-SA").await.json()),
            ["ma-sa"],
            "{b}"
        );
        // Reciprocal: each way once.
        assert_eq!(
            ids(t.get("/api/v1/agreements?corridor=FR-MA").await.json()),
            ["fr-ma-r"]
        );
        assert_eq!(
            ids(t
                .get("/api/v1/agreements?corridor=MA-FR,FR-MA")
                .await
                .json()),
            ["fr-ma-r"]
        );
        // Co-origins are no corridor.
        assert_eq!(
            t.get("/api/v1/agreements?corridor=MA-TN").await.json()["total"],
            0
        );
        // Between: all the countries named are parties.
        assert_eq!(
            ids(t.get("/api/v1/agreements?between=MA,ES").await.json()),
            ["es-ma"]
        );
        assert_eq!(
            ids(t.get("/api/v1/agreements?between=MA,TN").await.json()),
            ["thamm"]
        );
        assert_eq!(
            ids(t.get("/api/v1/agreements?country=MA,ES").await.json()).len(),
            5,
            "country stays any of"
        );
        // Ticking countries with "all of them" is "between", in one step.
        assert_eq!(
            ids(t
                .get("/api/v1/agreements?country=MA&country=ES&match=all")
                .await
                .json()),
            ["es-ma"]
        );
        let list = t
            .get("/fr/agreements?country=MA&country=ES&match=all")
            .await
            .text();
        assert!(list.contains("name=\"match\" value=\"all\" checked"), "{b}");
        for bad in [
            "between=MA",
            "between=MA,ZZ",
            "between=MA,MA",
            "corridor=MA-MA",
        ] {
            let r = t.get(&format!("/api/v1/agreements?{bad}")).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{bad}: {}",
                r.text()
            );
        }
        // The search reads the same definitions.
        let search = t
            .get("/api/v1/search?kind=agreements&between=MA,ES")
            .await
            .json();
        assert_eq!(search["total"], 1, "{search}");
        let search = t.get("/api/v1/search?corridor=MA-ES").await.json();
        assert_eq!(search["total"], 1, "{search}");
        // The corridor page lists what the API lists, and a country with
        // itself is no corridor.
        let page = t.get("/fr/corridors/MA-ES").await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.text();
        let slug = |id: &str| {
            let t = &t;
            let id = id.to_string();
            async move {
                t.get(&format!("/api/v1/agreements/{id}")).await.json()["slug"]
                    .as_str()
                    .unwrap()
                    .to_string()
            }
        };
        let link = |s: String| format!("/fr/agreements/{s}\"");
        assert!(html.contains(&link(slug("es-ma").await)), "{b}");
        for other in ["ma-sa", "fr-ma-r", "thamm"] {
            assert!(!html.contains(&link(slug(other).await)), "{other} on MA-ES");
        }
        assert_eq!(
            t.get("/fr/corridors/MA-MA").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            t.get("/fr/corridors/MA-ZZ").await.status,
            StatusCode::NOT_FOUND
        );
        // Morocco's partners: Spain, Saudi Arabia, France (once, though
        // both ways) and Germany; not Tunisia, a co-origin.
        let country = t.get("/fr/countries/MA").await.text();
        assert!(country.contains("agreements?corridor=MA-FR,FR-MA"), "{b}");
        // The reciprocal agreement counts once, as its list does.
        let france = country
            .split("agreements?corridor=MA-FR,FR-MA")
            .nth(1)
            .unwrap();
        let france = &france[..france.find("</li>").unwrap()];
        assert!(france.contains("1\u{2069} accord"), "{france}");
        assert!(country.contains("agreements?between=MA,ES"), "{b}");
        assert!(!country.contains("corridor=MA-TN"), "{b}");
    }
}

/// Text holds no control characters (they break the Atom feeds and
/// PostgreSQL refuses NUL): a body with one is refused naming the field,
/// and an address with one answers 4xx, on both backends.
#[tokio::test]
async fn control_characters_are_refused_where_they_are() {
    for t in apps().await {
        let b = t.backend();
        let mut a = agreement("ctl", "ES", "MA", 2001);
        a["title"] = json!("Accord\u{0}de main-d'oeuvre");
        a["parties"][1]["note"] = json!("bell\u{7}");
        let r = t.write(Method::POST, "/api/v1/agreements", &a).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            r.text()
        );
        let fields: Vec<String> = r.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_string())
            .collect();
        assert!(fields.contains(&"title".to_string()), "{fields:?}");
        assert!(
            fields.contains(&"parties[1].note".to_string()),
            "{fields:?}"
        );
        assert_eq!(
            t.get("/api/v1/agreements/ctl").await.status,
            StatusCode::NOT_FOUND
        );
        // Line breaks and tabs are text.
        let mut ok = agreement("ctl-ok", "ES", "MA", 2001);
        ok["summary"] = json!({"en": "Line one\nline two\tand a tab"});
        let r = t.write(Method::POST, "/api/v1/agreements", &ok).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        for uri in [
            "/api/v1/agreements/%00",
            "/fr/agreements/%00",
            "/api/v1/documents/%00/content",
            "/api/v1/agreements?q=a%00b",
        ] {
            let r = t.get(uri).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{b} {uri}: {}", r.text());
        }
        let r = t.get_with_token("/api/v1/audit?record_id=%00").await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{b}: {}", r.text());
        assert!(t.get("/fr/agreements/%00").await.text().contains("<html"));
    }
}

/// Every error is a problem with a stable code, also those the framework
/// answers itself: a body over the limit, a method a route lacks, an
/// address that is not UTF-8.
#[tokio::test]
async fn every_error_is_a_problem() {
    for t in apps().await {
        let big = format!("{{\"title\": \"{}\"}}", "a".repeat(3 * 1024 * 1024));
        let r = t
            .call(
                Request::post("/api/v1/agreements")
                    .header(header::AUTHORIZATION, format!("Bearer {}", crate::TOKEN))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(big))
                    .unwrap(),
            )
            .await;
        for (r, status, code) in [
            (r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            (
                t.call(Request::put("/api/v1/audit").body(Body::empty()).unwrap())
                    .await,
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
            ),
            (
                t.get("/api/v1/agreements/%ff").await,
                StatusCode::BAD_REQUEST,
                "invalid_query",
            ),
        ] {
            assert_eq!(r.status, status, "{}", r.text());
            assert_eq!(
                r.headers[header::CONTENT_TYPE],
                "application/problem+json",
                "{status}"
            );
            assert_eq!(r.json()["code"], code, "{}", r.text());
        }
    }
}

/// A download of more records than a page holds streams every one of
/// them, once, as valid JSON and CSV.
#[tokio::test]
async fn downloads_stream_past_a_page() {
    for t in apps().await {
        let n = passerelle_store::MAX_PER_PAGE as usize + 23;
        let records: Vec<passerelle_domain::AnyRecord> = (0..n)
            .map(|i| {
                let a =
                    crate::agreement(&format!("bulk-{i:04}"), "ES", "MA", 2001 + (i % 20) as i32);
                passerelle_domain::AnyRecord::from_value(Kind::Agreements, a).unwrap()
            })
            .collect();
        t.db.store.import("test", records, |_| {}).await.unwrap();
        let json = t.get("/api/v1/export/agreements?format=json").await;
        assert_eq!(json.status, StatusCode::OK);
        let items = json.json();
        let ids: std::collections::BTreeSet<&str> = items
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), n, "every record once");
        let csv = t.get("/api/v1/export/agreements?format=csv").await;
        assert_eq!(csv.text().lines().count(), n + 1, "header and every row");
        let rows =
            passerelle_domain::interchange::read_csv(Some(Kind::Agreements), &csv.text()).unwrap();
        assert_eq!(rows.len(), n);
    }
}

/// The health check says whether this node's search index has taken in
/// every change in the store, and how far behind it is.
#[tokio::test]
async fn the_health_check_reports_catching_up() {
    for t in apps().await {
        t.catch_up().await;
        let h = t.get("/healthz").await;
        assert_eq!(h.status, StatusCode::OK);
        assert_eq!(h.json()["status"], "ok", "{}", t.backend());
        let r = t
            .write(
                Method::POST,
                "/api/v1/agreements",
                &agreement("h1", "ES", "MA", 2001),
            )
            .await;
        assert!(r.status.is_success());
        let h = t.get("/healthz").await.json();
        assert_eq!(h["status"], "catching_up", "{h}");
        assert!(h["behind"].as_i64().unwrap() >= 1, "{h}");
        t.catch_up().await;
        assert_eq!(t.get("/healthz").await.json()["status"], "ok");
    }
}

/// Spreadsheets people open: `/fr/agreements?country=MA` as XLSX (read
/// back with a spreadsheet library) and as CSV for spreadsheets, with
/// French headers and values, the Arabic title intact, only the
/// selection, and a refused language or format said so.
#[tokio::test]
async fn spreadsheets_open_in_the_readers_language() {
    use calamine::Reader;
    for t in apps().await {
        let mut ma = agreement("ma-qa", "QA", "MA", 1981);
        ma["title"] = serde_json::json!("اتفاقية بشأن تنظيم استخدام العمال المغاربة");
        ma["title_language"] = serde_json::json!("ar");
        ma["titles"] = serde_json::json!({});
        ma["sectors"] = serde_json::json!(["F"]);
        ma["sources"] =
            serde_json::json!([{"url": "https://example.org/bo", "title": "Bulletin officiel"}]);
        t.write(Method::POST, "/api/v1/agreements", &ma).await;
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("sn-es", "ES", "SN", 2006),
        )
        .await;

        let r = t
            .get("/api/v1/export/agreements?format=xlsx&lang=fr&country=MA")
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(
            r.content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(r.bytes.clone())).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(rows.len(), 2, "the selection only: {rows:?}");
        let (head, row) = (&rows[0], &rows[1]);
        let at = |name: &str| {
            head.iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{name} in {head:?}"))
        };
        assert_eq!(row[at("Identifiant")], "ma-qa");
        assert_eq!(
            row[at("Titre")],
            "اتفاقية بشأن تنظيم استخدام العمال المغاربة"
        );
        assert_eq!(row[at("Type")], "Accord bilatéral");
        assert_eq!(row[at("Parties")], "Qatar (Destination); Maroc (Origine)");
        assert_eq!(row[at("Secteurs")], "Construction");
        assert_eq!(
            row[at("Sources")],
            "Bulletin officiel — https://example.org/bo"
        );
        let slug = t.get("/api/v1/agreements/ma-qa").await.json()["slug"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            row[at("Page sur Passerelle")].ends_with(&format!("/fr/agreements/{slug}")),
            "{row:?}"
        );

        let csv = t
            .get("/api/v1/export/agreements?format=csv-excel&lang=fr&country=MA")
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        let text = csv.text();
        assert!(
            text.starts_with("\u{feff}Identifiant;Titre;Type;Statut;Parties;"),
            "{text}"
        );
        // A list holds the separator: quoted, as spreadsheets read it.
        assert!(
            text.contains(";\"Qatar (Destination); Maroc (Origine)\";"),
            "{text}"
        );
        assert!(text.contains("اتفاقية بشأن تنظيم استخدام العمال المغاربة"));
        assert_eq!(text.lines().count(), 2, "{text}");
        let en = t
            .get("/api/v1/export/agreements?format=csv-excel&lang=en")
            .await
            .text();
        assert!(
            en.starts_with("\u{feff}Identifier,Title,Type,Status,Parties,"),
            "{en}"
        );

        let bad = t.get("/api/v1/export/agreements?format=xlsx&lang=xx").await;
        assert_eq!(
            bad.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            bad.text()
        );
        assert!(bad.text().contains("lang"), "{}", bad.text());
        // Every list, in Arabic too.
        for kind in [
            "practices",
            "events",
            "commitments",
            "resources",
            "indicators",
        ] {
            for format in ["xlsx", "csv-excel"] {
                let r = t
                    .get(&format!("/api/v1/export/{kind}?format={format}&lang=ar"))
                    .await;
                assert_eq!(r.status, StatusCode::OK, "{kind} {format}: {}", r.text());
            }
        }
        let bad = t.get("/api/v1/export/agreements?format=ods").await;
        assert!(bad.text().contains("xlsx or csv-excel"), "{}", bad.text());
    }
}

/// The DCAT catalogue names one dataset per kind with its distributions,
/// licence, last change and the time it covers; a list's selection as a
/// data package is accepted by the Frictionless reference validator
/// (`frictionless`, which `.ci/run` installs; without it the test says so
/// and passes, except under CI).
#[tokio::test]
async fn the_catalogue_and_data_packages_are_what_harvesters_expect() {
    for t in apps().await {
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("fr-ma", "FR", "MA", 1963),
        )
        .await;
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("es-ma", "ES", "MA", 2001),
        )
        .await;
        let r = t.get("/api/v1/catalog").await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.content_type, "application/ld+json");
        let catalog = r.json();
        assert_eq!(catalog["@type"], "dcat:Catalog");
        let datasets = catalog["dcat:dataset"].as_array().unwrap();
        assert_eq!(datasets.len(), Kind::ALL.len());
        let agreements = datasets
            .iter()
            .find(|d| d["dct:identifier"] == "agreements")
            .unwrap();
        assert_eq!(agreements["passerelle:records"], 2);
        assert_eq!(
            agreements["dct:license"]["@id"],
            "https://creativecommons.org/licenses/by/4.0/"
        );
        assert_eq!(agreements["dct:temporal"]["dcat:startDate"], "1963-06-01");
        assert_eq!(agreements["dct:temporal"]["dcat:endDate"], "2001-06-01");
        assert!(
            agreements["dct:modified"]["@value"].is_string(),
            "{agreements}"
        );
        let formats: Vec<&str> = agreements["dcat:distribution"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["dcat:downloadURL"]["@id"].as_str().unwrap())
            .collect();
        assert_eq!(formats.len(), 5);
        // Every distribution answers.
        for url in &formats {
            let path = &url[url.find("/api/").unwrap()..];
            assert_eq!(t.get(path).await.status, StatusCode::OK, "{path}");
        }
        let titles = agreements["dct:title"].as_array().unwrap();
        assert!(
            titles
                .iter()
                .any(|x| x["@language"] == "fr" && x["@value"] == "Accords")
        );

        let r = t
            .get("/api/v1/export/agreements?format=datapackage&country=MA")
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.content_type, "application/zip");
        let dir = tempfile::tempdir().unwrap();
        zip::ZipArchive::new(std::io::Cursor::new(r.bytes.clone()))
            .unwrap()
            .extract(dir.path())
            .unwrap();
        let descriptor: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("datapackage.json")).unwrap())
                .unwrap();
        let schema = &descriptor["resources"][0]["schema"];
        assert_eq!(schema["primaryKey"], json!(["id"]));
        let status = schema["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "status")
            .unwrap();
        assert!(
            status["constraints"]["enum"]
                .as_array()
                .unwrap()
                .contains(&json!("in_force"))
        );
        let csv = std::fs::read_to_string(dir.path().join("agreements.csv")).unwrap();
        assert_eq!(csv.lines().count(), 3, "{csv}");
        match std::process::Command::new("frictionless")
            .args(["validate", "--json", "datapackage.json"])
            .current_dir(dir.path())
            .output()
        {
            Ok(out) => {
                let report: serde_json::Value = serde_json::from_slice(&out.stdout)
                    .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stdout)));
                assert_eq!(report["valid"], true, "{report:#}");
            }
            Err(_) => {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "CI needs the Frictionless validator (pip install frictionless)"
                );
                eprintln!("frictionless is not installed: the data package was not validated");
            }
        }
    }
}

/// "Cite this": an agreement as CSL-JSON, RIS and BibTeX that reference
/// managers' parsers read (rispy and bibtexparser, which `.ci/run`
/// installs; without them the test says so and passes, except under CI),
/// with its parties as authors, its date, address and version; the page
/// links them.
#[tokio::test]
async fn records_are_cited_in_three_formats() {
    for t in apps().await {
        let mut a = agreement("fr-ma", "FR", "MA", 1963);
        a["title"] = json!("Convention de main-d'œuvre {entre} la France & le Maroc");
        t.write(Method::POST, "/api/v1/agreements", &a).await;
        let csl = t.get("/api/v1/agreements/fr-ma/cite?format=csl").await;
        assert_eq!(csl.status, StatusCode::OK);
        let item = &csl.json()[0];
        assert_eq!(item["type"], "treaty");
        assert_eq!(item["author"][0]["literal"], "France");
        assert_eq!(item["author"][1]["literal"], "Morocco");
        assert_eq!(item["issued"]["date-parts"], json!([[1963, 6, 1]]));
        assert!(
            item["URL"].as_str().unwrap().contains("/en/agreements/"),
            "{item}"
        );
        assert_eq!(item["version"].as_str().unwrap().len(), 10, "{item}");
        let ris = t
            .get("/api/v1/agreements/fr-ma/cite?format=ris")
            .await
            .text();
        assert!(ris.starts_with("TY  - GOVDOC\r\n"), "{ris}");
        assert!(
            ris.contains("PY  - 1963\r\n") && ris.ends_with("ER  - \r\n"),
            "{ris}"
        );
        let bib = t
            .get("/api/v1/agreements/fr-ma/cite?format=bibtex")
            .await
            .text();
        assert!(bib.starts_with("@misc{fr_ma,"), "{bib}");
        assert!(bib.contains("\\{entre\\} la France \\& le Maroc"), "{bib}");
        let bad = t.get("/api/v1/agreements/fr-ma/cite?format=mla").await;
        assert_eq!(
            bad.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            bad.text()
        );
        assert_eq!(
            t.get("/api/v1/agreements/nope/cite").await.status,
            StatusCode::NOT_FOUND
        );
        let slug = t.get("/api/v1/agreements/fr-ma").await.json()["slug"]
            .as_str()
            .unwrap()
            .to_string();
        let page = t.get(&format!("/fr/agreements/{slug}")).await.text();
        assert!(page.contains("/api/v1/agreements/fr-ma/cite?format=bibtex"));

        // The reference managers' own parsers.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ris"), &ris).unwrap();
        std::fs::write(dir.path().join("a.bib"), &bib).unwrap();
        let script = "import sys, rispy, bibtexparser\n\
            r = rispy.load(open(sys.argv[1], encoding='utf-8'))[0]\n\
            assert r['type_of_reference'] == 'GOVDOC', r\n\
            assert r['authors'] == ['France', 'Morocco'], r\n\
            b = bibtexparser.parse_string(open(sys.argv[2], encoding='utf-8').read())\n\
            assert not b.failed_blocks, b.failed_blocks\n\
            e = b.entries[0]\n\
            assert e.key == 'fr_ma' and e['year'] == '1963', e\n\
            print('ok')\n";
        match std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(dir.path().join("a.ris"))
            .arg(dir.path().join("a.bib"))
            .output()
        {
            Ok(out) if out.status.success() => {
                assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
            }
            Ok(out) => {
                let said = String::from_utf8_lossy(&out.stderr);
                if said.contains("ModuleNotFoundError") {
                    assert!(
                        std::env::var_os("CI").is_none(),
                        "CI needs rispy and bibtexparser: {said}"
                    );
                    eprintln!("rispy or bibtexparser missing: the citations were not parsed");
                } else {
                    panic!("a reference manager's parser refused the citation: {said}");
                }
            }
            Err(e) => panic!("python3: {e}"),
        }
    }
}
