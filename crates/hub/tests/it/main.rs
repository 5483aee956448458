//! The application layer's suite: every test runs on SQLite, and on
//! PostgreSQL too when PASSERELLE_TEST_DATABASE_URL is set.

use passerelle_domain::assessment::{Decision, FindingStatus, Provenance, Review};
use passerelle_domain::{Agreement, AnyRecord};
use passerelle_hub::Hub;
use passerelle_store::{NewDocument, testing};
use serde_json::json;

fn agreement(id: &str) -> AnyRecord {
    let a: Agreement = serde_json::from_value(json!({
        "id": id,
        "title": format!("Accord de main-d'œuvre {id}"),
        "type": "bilateral_agreement",
        "status": "in_force",
        "parties": [
            {"country": "FR", "role": "destination"},
            {"country": "MA", "role": "origin"}
        ],
        "signed_on": "2001-06-01",
        "sources": [{"url": "https://example.org/source"}]
    }))
    .expect("fixture is valid");
    AnyRecord::Agreement(a)
}

const FEES: &str = "Article premier\nAucun frais de recrutement n'est mis à la charge des travailleurs ; l'employeur les prend en charge.\n";
const SILENT: &str = "Article premier\nLes Parties se consultent chaque année.\n";

/// Texts already stored are assessed in bulk and their assessments kept,
/// one per document; a text assessed again keeps its reviewer's decision.
#[tokio::test]
async fn stored_texts_are_assessed_in_bulk_and_decisions_survive() {
    for t in testing::all().await {
        let store = t.store.clone();
        store
            .import("test", vec![agreement("a"), agreement("b")], |_| {})
            .await
            .map_err(|(_, e)| e)
            .unwrap();
        let files = [("a", FEES), ("b", SILENT)]
            .into_iter()
            .map(|(id, text)| {
                (
                    id.to_string(),
                    NewDocument {
                        file_name: "text.txt",
                        media_type: "text/plain",
                        language: Some("fr"),
                        text: Some(text.to_string()),
                        bytes: text.as_bytes(),
                    },
                )
            })
            .collect();
        let docs = store.attach_documents("test", files).await.unwrap();
        let hub = Hub::new(store.clone());
        let saved = hub.assess_stored_texts("test", docs.clone()).await.unwrap();
        assert_eq!(saved.len(), 2, "{}", t.backend);
        let a = store.assessment("a").await.unwrap().expect("a is assessed");
        let fees = a
            .findings
            .iter()
            .find(|f| f.element == "recruitment_costs")
            .unwrap();
        assert_eq!(fees.status, FindingStatus::Covered, "{}", t.backend);
        let b = store.assessment("b").await.unwrap().expect("b is assessed");
        assert!(b.coverage < a.coverage);

        // A reviewer's decision stands when the text is assessed again.
        let review = Review {
            decision: Decision::Reject,
            status: Some(FindingStatus::Partial),
            note: Some("Only the fees of the agency are covered.".into()),
        };
        store
            .review("reviewer", "a", "recruitment_costs", &review)
            .await
            .unwrap();
        hub.assess_stored_texts("test", docs).await.unwrap();
        let a = store.assessment("a").await.unwrap().unwrap();
        let fees = a
            .findings
            .iter()
            .find(|f| f.element == "recruitment_costs")
            .unwrap();
        assert_eq!(fees.status, FindingStatus::Partial);
        assert_eq!(fees.provenance, Provenance::Human);
        assert_eq!(fees.machine_status, FindingStatus::Covered);
    }
}
