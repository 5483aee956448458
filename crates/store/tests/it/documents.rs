use passerelle_domain::Kind;
use passerelle_store::{NewDocument, testing};

fn doc<'a>(file_name: &'a str, language: Option<&'a str>, bytes: &'a [u8]) -> NewDocument<'a> {
    NewDocument {
        file_name,
        media_type: "text/plain",
        language,
        text: None,
        bytes,
        source_url: None,
    }
}

use crate::agreement;

#[tokio::test]
async fn documents_are_stored_once_per_content() {
    for t in testing::all().await {
        let s = &t.store;
        s.create("x", agreement("a", "FR", "MA", 1963))
            .await
            .unwrap();
        s.create("x", agreement("b", "ES", "MA", 2001))
            .await
            .unwrap();
        let bytes = "Article premier\nLes Parties...".as_bytes();
        let d1 = s
            .attach_document("x", "a", doc("a.txt", Some("fr"), bytes))
            .await
            .unwrap();
        let d2 = s
            .attach_document("x", "b", doc("b.txt", Some("fr"), bytes))
            .await
            .unwrap();
        assert_eq!(d1.sha256, d2.sha256);
        assert_eq!(d1.sha256.len(), 64);
        assert_ne!(d1.id, d2.id);
        assert_eq!(
            s.documents("a").await.unwrap(),
            vec![d1.clone()],
            "{}",
            t.backend
        );
        assert_eq!(s.blob(&d1.sha256).await.unwrap().as_deref(), Some(bytes));

        s.delete("x", Kind::Agreements, "a").await.unwrap();
        assert!(
            s.document(&d1.id).await.unwrap().is_none(),
            "documents go with their agreement"
        );
        assert!(
            s.blob(&d1.sha256).await.unwrap().is_some(),
            "still used by b"
        );
        s.detach_document("x", &d2.id).await.unwrap();
        assert!(
            s.blob(&d1.sha256).await.unwrap().is_none(),
            "unused bytes are dropped on {}",
            t.backend
        );
        assert!(
            s.attach_document("x", "nope", doc("n.txt", None, bytes))
                .await
                .is_err()
        );
    }
}
