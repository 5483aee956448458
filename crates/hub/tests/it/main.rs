//! The application layer's suite: every test runs on SQLite, and on
//! PostgreSQL too when PASSERELLE_TEST_DATABASE_URL is set.

use passerelle_domain::account::{Permission, Role};
use passerelle_domain::assessment::{Decision as Decision2, FindingStatus, Provenance, Review};
use passerelle_domain::correction::{CorrectionStatus, Proposal};
use passerelle_domain::practice::Decision;
use passerelle_domain::{
    Agreement, AnyRecord, Commitment, Kind, Practice, PublicationStatus, StatusUpdate,
};
use passerelle_hub::{Caller, Hub, HubError, Proposer, Upload};
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
                        source_url: None,
                    },
                )
            })
            .collect();
        let docs = store.attach_documents("test", files).await.unwrap();
        let hub = Hub::new(store.clone());
        let saved = hub
            .assess_stored_texts(&Caller::system("test"), docs.clone())
            .await
            .unwrap();
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
            decision: Decision2::Reject,
            status: Some(FindingStatus::Partial),
            note: Some("Only the fees of the agency are covered.".into()),
        };
        store
            .review("reviewer", "a", "recruitment_costs", &review)
            .await
            .unwrap();
        hub.assess_stored_texts(&Caller::system("test"), docs)
            .await
            .unwrap();
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

fn person(role: Role, user: &str, organisation: Option<&str>) -> Caller {
    Caller {
        actor: format!("{user}@example.org"),
        role: Some(role),
        user_id: Some(user.to_string()),
        organisation: organisation.map(str::to_string),
    }
}

fn practice(id: &str, status: Option<&str>) -> Practice {
    let mut v = json!({"id": id, "title": "Pre-departure orientation", "type": "programme",
        "objectives": [3], "countries": ["PH"]});
    if let Some(s) = status {
        v["publication_status"] = json!(s);
    }
    serde_json::from_value(v).expect("fixture is valid")
}

/// What each role may write is decided here, not at the edges: the public
/// is asked to sign in, a contributor may not write an agreement, and what
/// a contributor sends as a practice is stored as their submission, never
/// published, whatever status it claims.
#[tokio::test]
async fn the_use_cases_decide_who_may_write_what() {
    for t in testing::all().await {
        let hub = Hub::new(t.store.clone());
        let editor = person(Role::Editor, "ed", None);
        let contributor = person(Role::Contributor, "co", None);

        let refused = hub
            .create(&Caller::public(), agreement("a"), false)
            .await
            .unwrap_err();
        assert!(matches!(refused, HubError::Unauthenticated), "{refused:?}");
        let refused = hub
            .create(&contributor, agreement("a"), false)
            .await
            .unwrap_err();
        assert!(
            matches!(
                refused,
                HubError::Forbidden {
                    role: Role::Contributor,
                    needs: Permission::Write(Kind::Agreements)
                }
            ),
            "{refused:?}"
        );
        assert!(
            t.store
                .get_json(Kind::Agreements, "a", true)
                .await
                .unwrap()
                .is_none()
        );
        hub.create(&editor, agreement("a"), false).await.unwrap();

        // A contribution that says "published" is a submission.
        let sent = AnyRecord::Practice(practice("pdo", Some("published")));
        let stored = hub.create(&contributor, sent, true).await.unwrap();
        let AnyRecord::Practice(p) = stored else {
            panic!("a practice")
        };
        assert_eq!(p.publication_status, PublicationStatus::Submitted);
        assert_eq!(p.submitted_by.as_deref(), Some("co"));
        // Without a status, it is submitted too; with "draft", a draft.
        let AnyRecord::Practice(d) = hub
            .create(
                &contributor,
                AnyRecord::Practice(practice("d", Some("draft"))),
                true,
            )
            .await
            .unwrap()
        else {
            panic!("a practice")
        };
        assert_eq!(d.publication_status, PublicationStatus::Draft);

        // Someone else's contribution is not theirs to change or delete.
        let other = person(Role::Contributor, "other", None);
        let e = hub
            .update(
                &other,
                "pdo",
                AnyRecord::Practice(practice("pdo", None)),
                false,
            )
            .await
            .unwrap_err();
        assert!(matches!(e, HubError::Forbidden { .. }), "{e:?}");
        let e = hub
            .delete(&other, Kind::Practices, "pdo")
            .await
            .unwrap_err();
        assert!(matches!(e, HubError::Forbidden { .. }), "{e:?}");
        let e = hub
            .submit(&other, Some("pdo"), practice("pdo", None))
            .await
            .unwrap_err();
        assert!(matches!(e, HubError::Store(_)), "not found for them: {e:?}");

        // Once a reviewer takes it up, the contributor may not change it.
        let reviewer = person(Role::Reviewer, "rev", None);
        assert!(matches!(
            hub.decide_submission(&contributor, "pdo", Decision::StartReview, None)
                .await
                .unwrap_err(),
            HubError::Forbidden { .. }
        ));
        let p = hub
            .decide_submission(&reviewer, "pdo", Decision::StartReview, None)
            .await
            .unwrap();
        assert_eq!(p.publication_status, PublicationStatus::InReview);
        let e = hub
            .update(
                &contributor,
                "pdo",
                AnyRecord::Practice(practice("pdo", None)),
                false,
            )
            .await
            .unwrap_err();
        assert!(matches!(e, HubError::Invalid(_)), "{e:?}");
        // Their draft they may still withdraw.
        hub.delete(&contributor, Kind::Practices, "d")
            .await
            .unwrap();
        assert!(
            t.store
                .get_json(Kind::Practices, "d", true)
                .await
                .unwrap()
                .is_none()
        );
    }
}

/// An import is all or nothing, and refused whole to a role that may not
/// write one of its kinds.
#[tokio::test]
async fn an_import_needs_the_right_to_write_every_kind_in_it() {
    for t in testing::all().await {
        let hub = Hub::new(t.store.clone());
        let records = vec![
            agreement("a"),
            AnyRecord::Practice(practice("pdo", Some("published"))),
        ];
        let reviewer = person(Role::Reviewer, "rev", None);
        let (at, e) = hub
            .import(&reviewer, records.clone(), |_| {})
            .await
            .unwrap_err();
        assert_eq!(at, Some(0));
        assert!(matches!(e, HubError::Forbidden { .. }), "{e:?}");
        assert_eq!(
            t.store
                .counts()
                .await
                .unwrap()
                .iter()
                .map(|c| c.1)
                .sum::<u64>(),
            0
        );
        let summary = hub
            .import(&Caller::system("cli"), records, |_| {})
            .await
            .unwrap();
        assert_eq!(summary.created, 2);
    }
}

/// A commitment's status is posted by whoever may write commitments or by
/// someone signed in for one of its organisations, names compared without
/// case or accents.
#[tokio::test]
async fn a_commitments_own_organisation_posts_its_status() {
    for t in testing::all().await {
        let hub = Hub::new(t.store.clone());
        let commitment: Commitment = serde_json::from_value(json!({"id": "pledge",
            "title": "Train labour attachés",
            "description": "x".repeat(320),
            "kind": "human_resources", "modality": "individual",
            "organisations": ["Ministère du Travail"], "countries": ["MA"], "objectives": [6]}))
        .unwrap();
        hub.create(
            &Caller::system("t"),
            AnyRecord::Commitment(commitment),
            false,
        )
        .await
        .unwrap();
        let update: StatusUpdate = serde_json::from_value(json!({"on": "2024-05-01",
            "status": "in_progress", "source": {"url": "https://example.org/report"}}))
        .unwrap();
        let stranger = person(Role::Contributor, "s", Some("Another ministry"));
        let e = hub
            .record_status(&stranger, "pledge", update.clone())
            .await
            .unwrap_err();
        assert!(matches!(e, HubError::Forbidden { .. }), "{e:?}");
        let owner = person(Role::Contributor, "o", Some("ministere du travail"));
        let c = hub.record_status(&owner, "pledge", update).await.unwrap();
        assert_eq!(c.history.len(), 1);
    }
}

/// Attaching a text stores it and its assessment; a file whose bytes are
/// not its type is refused before anything is stored; recomputing keeps a
/// reviewer's decision.
#[tokio::test]
async fn attaching_a_text_assesses_it_and_recomputing_keeps_decisions() {
    for t in testing::all().await {
        let hub = Hub::new(t.store.clone());
        let editor = person(Role::Editor, "ed", None);
        hub.create(&editor, agreement("a"), false).await.unwrap();
        let upload = |bytes: &'static [u8], media_type: &'static str| Upload {
            file_name: "accord.txt",
            media_type,
            language: Some("fr"),
            bytes: bytes.into(),
            source_url: None,
        };
        let e = hub
            .attach(&editor, "a", upload(b"not a pdf", "application/pdf"))
            .await
            .err()
            .unwrap();
        assert!(matches!(e, HubError::Invalid(_)), "{e:?}");
        assert!(t.store.documents("a").await.unwrap().is_empty());
        let contributor = person(Role::Contributor, "co", None);
        assert!(matches!(
            hub.attach(&contributor, "a", upload(FEES.as_bytes(), "text/plain"))
                .await
                .err()
                .unwrap(),
            HubError::Forbidden { .. }
        ));

        let attached = hub
            .attach(&editor, "a", upload(FEES.as_bytes(), "text/plain"))
            .await
            .unwrap();
        let a = attached.assessment.expect("a text file is assessed");
        let fees = |a: &passerelle_domain::assessment::Assessment| {
            a.findings
                .iter()
                .find(|f| f.element == "recruitment_costs")
                .unwrap()
                .clone()
        };
        assert_eq!(fees(&a).status, FindingStatus::Covered);

        let review = Review {
            decision: Decision2::Reject,
            status: Some(FindingStatus::Partial),
            note: Some("Only the agency's fees.".into()),
        };
        assert!(matches!(
            hub.review(&contributor, "a", "recruitment_costs", &review)
                .await
                .unwrap_err(),
            HubError::Forbidden { .. }
        ));
        hub.review(&editor, "a", "recruitment_costs", &review)
            .await
            .unwrap();
        let again = hub.recompute(&editor, "a").await.unwrap();
        assert_eq!(fees(&again).status, FindingStatus::Partial);
        assert_eq!(fees(&again).provenance, Provenance::Human);

        hub.detach(&editor, &attached.document.id).await.unwrap();
        let e = hub.recompute(&editor, "a").await.unwrap_err();
        assert!(matches!(e, HubError::NotFound(_)), "{e:?}");
    }
}

/// Proposals are open to the public, throttled per address, and decided
/// by editors only.
#[tokio::test]
async fn corrections_are_proposed_by_anyone_and_decided_by_editors() {
    for t in testing::all().await {
        let hub = Hub::new(t.store.clone());
        hub.create(&Caller::system("t"), agreement("a"), false)
            .await
            .unwrap();
        let proposal: Proposal = serde_json::from_value(json!({"kind": "agreements",
            "record_id": "a", "proposal": "The agreement was signed in 2002, not 2001.",
            "source_url": "https://example.org/gazette"}))
        .unwrap();
        let from = Proposer::new(&Caller::public(), Some("192.0.2.7".parse().unwrap()));
        let mut last = None;
        for _ in 0..10 {
            last = Some(hub.propose(&from, proposal.clone()).await.unwrap());
        }
        let e = hub.propose(&from, proposal.clone()).await.unwrap_err();
        assert!(matches!(e, HubError::TooManyProposals(10)), "{e:?}");
        let c = last.unwrap();
        let reviewer = person(Role::Reviewer, "rev", None);
        assert!(matches!(
            hub.decide_correction(&reviewer, &c.id, "accept", None)
                .await
                .unwrap_err(),
            HubError::Forbidden { .. }
        ));
        let editor = person(Role::Editor, "ed", None);
        let e = hub
            .decide_correction(&editor, &c.id, "maybe", None)
            .await
            .unwrap_err();
        assert!(matches!(e, HubError::Invalid(_)), "{e:?}");
        let decided = hub
            .decide_correction(&editor, &c.id, "accept", Some(" fixed "))
            .await
            .unwrap();
        assert_eq!(decided.note.as_deref(), Some("fixed"));
        assert_eq!(
            hub.corrections(&editor, Some(CorrectionStatus::Open))
                .await
                .unwrap()
                .len(),
            9
        );
    }
}

/// Accounts are use cases too: an admin adds users (not twice), may not
/// disable themselves or change their own role; sign-in failures are
/// counted per account and address, and a disabled user cannot sign in.
#[tokio::test]
async fn accounts_are_managed_and_signed_in_through_the_hub() {
    use passerelle_hub::AccountRefusal;
    for t in testing::all().await {
        let hub = Hub::new(t.store.clone());
        let new = |email: &'static str, role| passerelle_store::NewUser {
            email,
            display_name: "Someone",
            organisation: None,
            preferred_lang: None,
            role,
        };
        let system = Caller::system("cli");
        let admin_user = hub
            .add_user(
                &system,
                new("admin@example.org", Role::Admin),
                "long enough password".into(),
            )
            .await
            .unwrap();
        let admin = Caller {
            actor: admin_user.email.clone(),
            role: Some(Role::Admin),
            user_id: Some(admin_user.id.clone()),
            organisation: None,
        };
        let refusal = |e: HubError| match e {
            HubError::Account(r) => r,
            other => panic!("expected a refusal, got {other:?}"),
        };
        let short = hub
            .add_user(
                &admin,
                new("c@example.org", Role::Contributor),
                "short".into(),
            )
            .await
            .unwrap_err();
        assert_eq!(refusal(short), AccountRefusal::PasswordTooShort);
        let c = hub
            .add_user(
                &admin,
                new("c@example.org", Role::Contributor),
                "another long password".into(),
            )
            .await
            .unwrap();
        let again = hub
            .add_user(
                &admin,
                new("C@example.org", Role::Contributor),
                "another long password".into(),
            )
            .await
            .unwrap_err();
        assert_eq!(refusal(again), AccountRefusal::UserExists);
        let contributor = person(Role::Contributor, &c.id, None);
        assert!(matches!(
            hub.set_disabled(&contributor, &admin_user.id, true)
                .await
                .unwrap_err(),
            HubError::Forbidden { .. }
        ));
        let e = hub
            .set_disabled(&admin, &admin_user.id, true)
            .await
            .unwrap_err();
        assert_eq!(refusal(e), AccountRefusal::NotSelf);
        let e = hub
            .set_role_and_organisation(&admin, &admin_user.id, Role::Editor, None)
            .await
            .unwrap_err();
        assert_eq!(refusal(e), AccountRefusal::NotSelfRole);

        // Five failures from one address lock that pair, not the account
        // from elsewhere.
        let here: std::net::IpAddr = "192.0.2.1".parse().unwrap();
        let there: std::net::IpAddr = "198.51.100.9".parse().unwrap();
        for _ in 0..5 {
            let e = hub
                .sign_in("c@example.org", "wrong password!".into(), Some(here))
                .await
                .err()
                .unwrap();
            assert_eq!(refusal(e), AccountRefusal::SignInFailed);
        }
        let e = hub
            .sign_in("c@example.org", "another long password".into(), Some(here))
            .await
            .err()
            .unwrap();
        assert_eq!(refusal(e), AccountRefusal::SignInThrottled);
        let session = hub
            .sign_in(
                "C@example.org ",
                "another long password".into(),
                Some(there),
            )
            .await
            .unwrap();
        assert_eq!(session.user.id, c.id);
        let (user, _) = t
            .store
            .session(&passerelle_hub::secrets::token_hash(&session.secret))
            .await
            .unwrap()
            .expect("the session is stored under its hash");
        assert_eq!(user.id, c.id);

        // Disabled, the right password no longer opens a session.
        hub.set_disabled(&admin, &c.id, true).await.unwrap();
        let e = hub
            .sign_in("c@example.org", "another long password".into(), Some(there))
            .await
            .err()
            .unwrap();
        assert_eq!(refusal(e), AccountRefusal::SignInFailed);
    }
}

/// A small HTTP server for the fetch tests: answers by path, counts the
/// connections it gets.
async fn server() -> (
    std::net::SocketAddr,
    std::sync::Arc<std::sync::atomic::AtomicUsize>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = hits.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = listener.accept().await else {
                return;
            };
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let n = s.read(&mut buf).await.unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]).to_string();
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
                    "/bo/accord.txt" => (
                        "200 OK",
                        "Content-Type: text/plain; charset=utf-8\r\n".into(),
                        FEES.as_bytes().to_vec(),
                    ),
                    "/moved" => (
                        "301 Moved Permanently",
                        "Location: /bo/accord.txt\r\n".into(),
                        Vec::new(),
                    ),
                    "/loop" => ("302 Found", "Location: /loop\r\n".into(), Vec::new()),
                    "/big" => (
                        "200 OK",
                        "Content-Type: text/plain\r\n".into(),
                        vec![b'a'; 4096],
                    ),
                    "/image" => (
                        "200 OK",
                        // A GIF: images are read by OCR only as PNG, JPEG or TIFF.
                        "Content-Type: image/gif\r\n".into(),
                        b"GIF89a....".to_vec(),
                    ),
                    p if p.starts_with("/to/") => (
                        "302 Found",
                        format!("Location: {}\r\n", &p[4..]),
                        Vec::new(),
                    ),
                    _ => ("404 Not Found", String::new(), Vec::new()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = s.write_all(head.as_bytes()).await;
                let _ = s.write_all(&body).await;
            });
        }
    });
    (addr, hits)
}

/// Attaching from an address fetches the text, stores it with its source
/// and assesses it; addresses that are not public are refused before any
/// connection, also when a redirect leads there; redirects, size and type
/// are bounded.
#[tokio::test]
async fn texts_are_fetched_from_public_addresses_only() {
    use passerelle_hub::fetch::{FetchError, FetchPolicy};
    let (ok, _) = server().await;
    let (inside, inside_hits) = server().await;
    for t in testing::all().await {
        let mut hub = Hub::new(t.store.clone());
        // The test's own server stands for a public one; the other local
        // server stays what it is: loopback.
        hub.fetch_policy = FetchPolicy {
            allowed: vec![ok],
            max_bytes: 1024,
            ..FetchPolicy::default()
        };
        let editor = person(Role::Editor, "ed", None);
        hub.create(&editor, agreement("a"), false).await.unwrap();

        let attached = hub
            .attach_from(&editor, "a", &format!("http://{ok}/moved"), Some("fr"))
            .await
            .unwrap();
        let doc = &attached.document;
        assert_eq!(
            doc.source_url.as_deref(),
            Some(format!("http://{ok}/bo/accord.txt").as_str())
        );
        assert_eq!(doc.file_name, "accord.txt");
        assert_eq!(doc.media_type, "text/plain");
        let stored = t.store.document(&doc.id).await.unwrap().unwrap();
        assert_eq!(stored.source_url, doc.source_url, "{}", t.backend);
        assert!(attached.assessment.unwrap().coverage > 0.0);

        let refused = |e: HubError| match e {
            HubError::Fetch(f) => f,
            other => panic!("expected a fetch error, got {other:?}"),
        };
        for url in [
            format!("http://{inside}/bo/accord.txt"),
            format!("http://localhost:{}/bo/accord.txt", inside.port()),
            "http://169.254.169.254/latest/meta-data/".to_string(),
            "http://10.0.0.1/".to_string(),
            "http://[::1]/".to_string(),
            "http://[::ffff:127.0.0.1]/".to_string(),
            // A public server's redirect to an internal one.
            format!("http://{ok}/to/http://{inside}/bo/accord.txt"),
        ] {
            let e = refused(
                hub.attach_from(&editor, "a", &url, None)
                    .await
                    .err()
                    .unwrap(),
            );
            assert!(matches!(e, FetchError::NotPublic { .. }), "{url}: {e}");
        }
        assert_eq!(inside_hits.load(std::sync::atomic::Ordering::SeqCst), 0);
        for url in [
            "file:///etc/passwd",
            "ftp://example.org/a.pdf",
            "http://user:pw@example.org/",
        ] {
            let e = refused(
                hub.attach_from(&editor, "a", url, None)
                    .await
                    .err()
                    .unwrap(),
            );
            assert!(matches!(e, FetchError::BadAddress(_)), "{url}: {e}");
        }
        let e = refused(
            hub.attach_from(&editor, "a", &format!("http://{ok}/loop"), None)
                .await
                .err()
                .unwrap(),
        );
        assert!(matches!(e, FetchError::TooManyRedirects), "{e}");
        let e = refused(
            hub.attach_from(&editor, "a", &format!("http://{ok}/big"), None)
                .await
                .err()
                .unwrap(),
        );
        assert!(matches!(e, FetchError::TooLarge(1024)), "{e}");
        let e = refused(
            hub.attach_from(&editor, "a", &format!("http://{ok}/image"), None)
                .await
                .err()
                .unwrap(),
        );
        assert!(matches!(e, FetchError::Unsupported(_)), "{e}");
        let e = refused(
            hub.attach_from(&editor, "a", &format!("http://{ok}/gone"), None)
                .await
                .err()
                .unwrap(),
        );
        assert!(matches!(e, FetchError::Status(404)), "{e}");
        // One text stored in all: nothing half-written by the refusals.
        assert_eq!(t.store.documents("a").await.unwrap().len(), 1);
        // Who may not attach texts fetches nothing.
        let contributor = person(Role::Contributor, "co", None);
        assert!(matches!(
            hub.attach_from(
                &contributor,
                "a",
                &format!("http://{ok}/bo/accord.txt"),
                None
            )
            .await
            .err()
            .unwrap(),
            HubError::Forbidden { .. }
        ));
    }
}

/// An Arabic PDF stored in visual order is assessed as its text is: the
/// same findings for every element.
#[tokio::test]
async fn an_arabic_pdf_in_visual_order_is_assessed_as_its_text() {
    let pdf = include_bytes!("../../../extract/tests/fixtures/arabic-visual.pdf");
    let text = include_str!("../../../extract/tests/fixtures/arabic-visual.txt");
    let t = testing::sqlite().await;
    let hub = Hub::new(t.store.clone());
    let editor = person(Role::Editor, "ed", None);
    let mut statuses = Vec::new();
    for (id, bytes, media_type, name) in [
        ("pdf", &pdf[..], "application/pdf", "accord.pdf"),
        ("txt", text.as_bytes(), "text/plain", "accord.txt"),
    ] {
        hub.create(&editor, agreement(id), false).await.unwrap();
        let attached = hub
            .attach(
                &editor,
                id,
                Upload {
                    file_name: name,
                    media_type,
                    language: Some("ar"),
                    bytes: bytes::Bytes::copy_from_slice(bytes),
                    source_url: None,
                },
            )
            .await
            .unwrap();
        let a = attached.assessment.expect("assessed");
        let found: Vec<(String, FindingStatus)> = a
            .findings
            .iter()
            .map(|f| (f.element.clone(), f.status))
            .collect();
        statuses.push(found);
    }
    assert_eq!(statuses[0], statuses[1]);
    let covered = statuses[0]
        .iter()
        .filter(|(_, s)| *s == FindingStatus::Covered)
        .count();
    assert!(covered >= 3, "{:?}", statuses[0]);
}

/// A scanned PDF is read by OCR when attached: the document keeps which
/// pages were read and how well, its findings are the machine's (for a
/// reviewer), and recomputing reuses the text read instead of reading the
/// scan again. On both backends.
#[tokio::test]
async fn a_scan_is_read_by_ocr_and_says_so() {
    let pdf = include_bytes!("../../../extract/tests/fixtures/french-scan.pdf");
    for t in testing::all().await {
        let hub = Hub::new(t.store.clone());
        let editor = person(Role::Editor, "ed", None);
        hub.create(&editor, agreement("scan"), false).await.unwrap();
        let attached = hub
            .attach(
                &editor,
                "scan",
                Upload {
                    file_name: "accord-scanne.pdf",
                    media_type: "application/pdf",
                    language: Some("fr"),
                    bytes: bytes::Bytes::copy_from_slice(pdf),
                    source_url: None,
                },
            )
            .await
            .unwrap();
        let ocr = attached.document.ocr.clone().expect("read by OCR");
        assert_eq!(ocr.languages, "fra");
        assert_eq!(ocr.pages.len(), 2);
        assert!(ocr.confidence() > 80.0, "{ocr:?}");
        let text = attached
            .document
            .text
            .clone()
            .expect("the text read is kept");
        assert!(text[ocr.pages[1].start as usize..].starts_with("Article 3"));
        let a = attached.assessment.expect("assessed");
        let finding = |a: &passerelle_domain::assessment::Assessment, id: &str| {
            a.findings.iter().find(|f| f.element == id).unwrap().clone()
        };
        let fees = finding(&a, "recruitment_costs");
        assert_eq!(fees.status, FindingStatus::Covered);
        assert_eq!(fees.provenance, Provenance::Machine);
        assert_eq!(
            finding(&a, "identity_documents").status,
            FindingStatus::Covered
        );
        // Stored and read back as it was written, and kept by a recompute.
        let stored = async || {
            let doc = t.store.document(&attached.document.id).await.unwrap();
            doc.unwrap().ocr
        };
        assert_eq!(stored().await.as_ref(), Some(&ocr));
        let again = hub.recompute(&editor, "scan").await.unwrap();
        assert_eq!(
            finding(&again, "recruitment_costs").status,
            FindingStatus::Covered
        );
        assert_eq!(
            stored().await,
            Some(ocr),
            "the OCR note survives a recompute"
        );

        // No language given with the text: the agreement's languages say
        // which to read; with none either, all four are tried.
        for (id, languages, read_in) in [
            ("scan-fr", json!(["fr"]), "fra"),
            ("scan-any", json!([]), "ara+fra+spa+eng"),
        ] {
            let AnyRecord::Agreement(mut a) = agreement(id) else {
                unreachable!()
            };
            a.languages = serde_json::from_value(languages).unwrap();
            hub.create(&editor, AnyRecord::Agreement(a), false)
                .await
                .unwrap();
            let attached = hub
                .attach(
                    &editor,
                    id,
                    Upload {
                        file_name: "scan.pdf",
                        media_type: "application/pdf",
                        language: None,
                        bytes: bytes::Bytes::copy_from_slice(pdf),
                        source_url: None,
                    },
                )
                .await
                .unwrap();
            assert_eq!(attached.document.ocr.unwrap().languages, read_in, "{id}");
        }
    }
}
