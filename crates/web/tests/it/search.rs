//! `GET /api/v1/search` over what was written through the API.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::{TOKEN, agreement, apps};

#[tokio::test]
async fn search_finds_clauses_with_highlights_and_labelled_facets() {
    for t in apps().await {
        let mut a = agreement("a", "FR", "MA", 1963);
        a["text_public"] = json!(true);
        t.write(Method::POST, "/api/v1/agreements", &a).await;
        t.write(
            Method::POST,
            "/api/v1/agreements",
            &agreement("b", "ES", "MA", 2001),
        )
        .await;
        let practice = json!({
            "id": "p", "title": "Guichet pour travailleurs saisonniers",
            "countries": ["SN"], "type": "programme", "publication_status": "submitted"
        });
        let r = t.write(Method::POST, "/api/v1/practices", &practice).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let text = "Article premier\nLes Parties coopèrent.\n\nArticle 2\nAucun frais de recrutement n'est mis à la charge des travailleurs.\n";
        let r = t
            .upload_text("a", "file_name=convention.txt&language=fr", text)
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        t.catch_up().await;

        let r = t.get("/api/v1/search?q=recrutements&lang=fr").await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", t.backend(), r.text());
        let page = r.json();
        assert_eq!(page["total"], 1, "{page}");
        let hit = &page["hits"][0];
        assert_eq!(hit["kind"], "clauses");
        assert_eq!(hit["id"], "a");
        assert_eq!(hit["clause"]["label"], "Article 2");
        let snippet = &hit["snippet"];
        let start = snippet["start"].as_u64().unwrap() as usize;
        let [from, to] = [0, 1].map(|i| snippet["highlights"][0][i].as_u64().unwrap() as usize);
        assert_eq!(&text[start + from..start + to], "recrutement");
        let country = page["facets"]["country"].as_array().unwrap();
        assert!(
            country.contains(&json!({"code": "FR", "count": 1, "label": "France"})),
            "{country:?}"
        );
        let corridor = &page["facets"]["corridor"][0];
        assert_eq!(corridor["code"], "MA-FR");
        assert_eq!(corridor["label"], "Maroc → France");
        let ar = t.get("/api/v1/search?q=travailleurs&lang=ar").await.json();
        assert_eq!(
            ar["facets"]["corridor"][0]["label"], "المغرب ← فرنسا",
            "the arrow points the way Arabic reads"
        );

        // Titles in the requested language.
        let r = t
            .get("/api/v1/search?q=agreement&lang=en&sort=oldest")
            .await
            .json();
        assert_eq!(r["total"], 2, "{r}");
        assert_eq!(r["hits"][0]["title"], "Labour agreement a");
        // A practice under review is found only with the token.
        let r = t.get("/api/v1/search?q=saisonniers").await.json();
        assert_eq!(r["total"], 0, "{r}");
        let r = t
            .send(
                Method::GET,
                "/api/v1/search?q=saisonniers",
                Some(TOKEN),
                None,
                Vec::new(),
            )
            .await
            .json();
        assert_eq!(r["total"], 1, "{r}");

        // Filters as parameters, and kinds.
        let r = t
            .get("/api/v1/search?q=recrutement&country=ES")
            .await
            .json();
        assert_eq!(r["total"], 0);
        let r = t
            .get("/api/v1/search?q=accord&kind=agreements&year=1960..1970")
            .await
            .json();
        assert_eq!(r["total"], 1, "{r}");
        // The clauses of a text that is not public are not found, and no
        // suggestion gives their words away.
        let r = t.get("/api/v1/search?q=cooperent").await.json();
        assert_eq!(r["total"], 1, "{r}");
        let mut a = agreement("a", "FR", "MA", 1963);
        a["text_public"] = json!(false);
        let r = t.write(Method::PUT, "/api/v1/agreements/a", &a).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        t.catch_up().await;
        let r = t.get("/api/v1/search?q=cooperent").await.json();
        assert_eq!(r["total"], 0, "{r}");
        let r = t.get("/api/v1/search?q=cooperant").await.json();
        assert_eq!(r["suggestions"], json!([]), "{r}");
        a["text_public"] = json!(true);
        t.write(Method::PUT, "/api/v1/agreements/a", &a).await;
        t.catch_up().await;

        // A typo gets a suggestion.
        let r = t.get("/api/v1/search?q=recrutemnt").await.json();
        assert_eq!(r["total"], 0);
        assert_eq!(r["suggestions"][0], "recrutement");
    }
}

#[tokio::test]
async fn bad_search_parameters_say_which_and_why() {
    let t = apps().await.remove(0);
    for (uri, field, needle) in [
        (
            "/api/v1/search?q=x&country=XX",
            "country",
            "not an ISO 3166-1",
        ),
        ("/api/v1/search?q=year:20x1", "q", "not a year"),
        ("/api/v1/search?q=x&sort=best", "sort", "not a sort"),
        ("/api/v1/search?q=x&per_page=1000", "per_page", "1 to 100"),
        ("/api/v1/search?q=x&kind=users", "kind", "not a kind"),
        (
            "/api/v1/search?q=x&colour=red",
            "colour",
            "unknown parameter",
        ),
    ] {
        let r = t.get(uri).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        let p = r.json();
        assert_eq!(p["code"], "invalid_query", "{uri}");
        assert_eq!(p["errors"][0]["field"], field, "{uri}: {p}");
        assert!(
            p["errors"][0]["message"].as_str().unwrap().contains(needle),
            "{uri}: {p}"
        );
    }
    let doc = t.get("/api/v1/openapi.json").await.json();
    assert!(doc["paths"]["/api/v1/search"]["get"]["parameters"].is_array());
}

/// When no record holds every word, the API and the page give the
/// records holding most of them and say so, in the page's language.
#[tokio::test]
async fn a_search_that_finds_most_of_its_words_says_so() {
    for t in apps().await {
        let practice = json!({
            "id": "p", "title": "Guichet pour travailleurs saisonniers",
            "countries": ["SN"], "type": "programme", "publication_status": "published"
        });
        let r = t.write(Method::POST, "/api/v1/practices", &practice).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        t.catch_up().await;
        let page = t
            .get("/api/v1/search?q=guichet%20saisonniers%20zanzibar")
            .await
            .json();
        assert_eq!(page["total"], 1, "{page}");
        assert_eq!(page["partial"], json!({"at_least": 2, "of": 3}));
        let all = t.get("/api/v1/search?q=guichet%20saisonniers").await.json();
        assert!(all.get("partial").is_none(), "{all}");
        for (lang, words) in [
            ("fr", "2\u{2069} sur \u{2068}3"),
            ("ar", "2\u{2069} من \u{2068}3"),
        ] {
            let html = t
                .get(&format!("/{lang}/search?q=guichet+saisonniers+zanzibar"))
                .await
                .text();
            assert!(html.contains("class=\"partial\""), "{lang}");
            assert!(html.contains(words), "{lang}: {html}");
        }
        // A name of the hub's vocabulary that is a page, not a record.
        let html = t.get("/fr/search?q=pays+champions").await.text();
        assert!(
            html.contains("&#x2f;fr&#x2f;countries?champion=1\">Tous les pays champions</a>"),
            "{html}"
        );
    }
}
