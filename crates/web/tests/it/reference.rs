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
    let page = t.get("/api").await.text();
    assert!(page.contains("/assets/vendor/rapidoc/rapidoc-min.js"));
    assert!(!page.contains("https://"), "no CDN");
    let js = t.get("/assets/vendor/rapidoc/rapidoc-min.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.bytes.len() > 100_000);
    let home = t.get("/").await;
    assert!(
        home.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
}
