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
