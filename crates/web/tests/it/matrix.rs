//! The whole matrix: every role (and the public) against every endpoint
//! that reads or writes records, in every state a record can be in. The
//! expected outcome of each cell comes from the one rule table,
//! [`allows`], plus the two ownership rules (a contributor's own practice
//! before review, their organisation's commitments); a failure prints
//! every cell that differs.

use axum::http::{Method, StatusCode};
use passerelle_domain::Kind;
use passerelle_domain::account::{Permission, Role, allows};
use serde_json::{Value, json};

use crate::{TestApp, agreement, apps};

/// Who asks: the public, each role, and a contributor who owns nothing.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Public,
    Role(Role),
    /// A contributor of another organisation, who owns none of the records.
    Stranger,
}

impl Who {
    const ALL: [Who; 6] = [
        Who::Public,
        Who::Role(Role::Admin),
        Who::Role(Role::Editor),
        Who::Role(Role::Reviewer),
        Who::Role(Role::Contributor),
        Who::Stranger,
    ];

    fn role(self) -> Option<Role> {
        match self {
            Who::Public => None,
            Who::Role(r) => Some(r),
            Who::Stranger => Some(Role::Contributor),
        }
    }

    /// The contributor who owns the fixtures' practices and belongs to the
    /// commitments' organisation.
    fn owner(self) -> bool {
        self == Who::Role(Role::Contributor)
    }

    fn name(self) -> &'static str {
        match self {
            Who::Public => "public",
            Who::Role(r) => r.as_str(),
            Who::Stranger => "stranger",
        }
    }

    fn may(self, what: Permission) -> bool {
        allows(self.role(), what)
    }
}

/// What a cell should answer.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Want {
    Ok,
    /// 401 for the public, 403 for a role that may not.
    Refused,
    /// 404: the record is not visible to them.
    Hidden,
    /// 422: allowed, but not in this state.
    WrongState,
}

fn seen(s: StatusCode) -> Option<Want> {
    match s {
        s if s.is_success() => Some(Want::Ok),
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Some(Want::Refused),
        StatusCode::NOT_FOUND => Some(Want::Hidden),
        StatusCode::UNPROCESSABLE_ENTITY => Some(Want::WrongState),
        _ => None,
    }
}

fn refused_or(ok: bool) -> Want {
    if ok { Want::Ok } else { Want::Refused }
}

const STATES: [&str; 5] = ["draft", "submitted", "in_review", "published", "rejected"];

/// A minimal valid record of each kind with `id`.
fn record(kind: Kind, id: &str) -> Value {
    match kind {
        Kind::Agreements => agreement(id, "ES", "MA", 2020),
        Kind::Practices => json!({"id": id, "title": format!("Practice {id}"), "type": "programme",
            "publication_status": "published", "objectives": [3]}),
        Kind::Events => {
            json!({"id": id, "title": format!("Event {id}"), "kind": "meeting", "start_on": "2024-01-01"})
        }
        Kind::Commitments => json!({"id": id, "title": format!("Commitment {id}"),
            "description": "A commitment to train labour inspectors in every region on the rights of migrant workers. ".repeat(4),
            "kind": "policy", "modality": "individual", "organisations": ["Ministry of Labour"]}),
        Kind::Resources => json!({"id": id, "title": format!("Resource {id}"), "type": "report",
            "url": "https://example.org/report"}),
        Kind::Indicators => {
            json!({"id": id, "indicator": "workers_admitted", "country": "ES", "year": 2020,
            "value": 100.0, "unit": "persons", "source": {"url": "https://example.org/figures"}})
        }
    }
}

struct Cell {
    what: String,
    want: Want,
    got: StatusCode,
}

async fn token(t: &TestApp, who: Who) -> Option<String> {
    let role = who.role()?;
    let email = format!("{}@matrix.example.org", who.name());
    // Only the owner belongs to the commitments' organisation.
    let organisation = if who.owner() {
        "Ministry of Labour"
    } else {
        "Another ministry"
    };
    let id = t.add_user(&email, role, Some(organisation), "!").await;
    Some(t.token_of(&id).await)
}

/// The audit entries after `seq` (the newest one when `None`).
async fn log_since(t: &TestApp, seq: Option<i64>) -> Vec<passerelle_domain::AuditEntry> {
    let q = passerelle_store::AuditQuery {
        after: seq,
        newest_first: seq.is_none(),
        limit: if seq.is_none() { 1 } else { 100 },
        ..Default::default()
    };
    t.db.store.audit_log(&q).await.unwrap()
}

#[tokio::test]
async fn every_role_against_every_endpoint_and_record_state() {
    for t in apps().await {
        let mut tokens = Vec::new();
        for who in Who::ALL {
            tokens.push((who, token(&t, who).await));
        }
        let owner_id =
            t.db.store
                .user_with_hash("contributor@matrix.example.org")
                .await
                .unwrap()
                .unwrap()
                .0
                .id;
        let mut cells: Vec<Cell> = Vec::new();
        let mut audit: Vec<String> = Vec::new();
        for (who, tok) in &tokens {
            let who = *who;
            let tok = tok.as_deref();
            let n = who.name();
            let mut call = async |method: Method, uri: String, body: Option<Value>, want: Want| {
                // JSON, or a string sent as a text file.
                let (ct, bytes) = match &body {
                    Some(Value::String(text)) => (Some("text/plain"), text.clone().into_bytes()),
                    Some(b) => (Some("application/json"), serde_json::to_vec(b).unwrap()),
                    None => (None, Vec::new()),
                };
                let before = log_since(&t, None).await;
                let head = before.last().map(|e| e.seq);
                let r = t.send(method.clone(), &uri, tok, ct, bytes).await;
                // Every write that succeeds leaves exactly one audit entry,
                // naming who wrote; reads and refusals leave none.
                let entries = log_since(&t, head).await;
                let write = method != Method::GET && r.status.is_success();
                let actor = match tok {
                    Some(_) => format!("{n}@matrix.example.org (token script)"),
                    None => "public".to_string(),
                };
                // An upload is two changes: the text attached, and the
                // machine assessment stored from it.
                let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
                let upload = uri.contains("/documents?");
                let logged = entries.iter().all(|e| e.actor == actor)
                    && match actions.as_slice() {
                        [] => !write,
                        [_] => write && !upload,
                        ["attach", "assess"] => write && upload,
                        _ => false,
                    };
                if !logged {
                    audit.push(format!(
                        "{n}: {method} {uri} → {}: {:?}",
                        r.status,
                        entries
                            .iter()
                            .map(|e| format!(
                                "{} {} {} by {}",
                                e.action.as_str(),
                                e.kind,
                                e.record_id,
                                e.actor
                            ))
                            .collect::<Vec<_>>()
                    ));
                }
                cells.push(Cell {
                    what: format!("{n}: {method} {uri}"),
                    want,
                    got: r.status,
                });
            };
            // Every kind: create, read, list, export, update, delete.
            for kind in Kind::ALL {
                let k = kind.as_str();
                let (fixture, fresh) = (format!("{k}-{n}"), format!("new-{k}-{n}"));
                assert!(
                    t.write(
                        Method::POST,
                        &format!("/api/v1/{k}"),
                        &record(kind, &fixture)
                    )
                    .await
                    .status
                    .is_success(),
                    "{fixture}"
                );
                let write = who.may(Permission::Write(kind));
                // Contributors create practices, as contributions.
                let create = write || (kind == Kind::Practices && who.may(Permission::Submit));
                call(
                    Method::POST,
                    format!("/api/v1/{k}"),
                    Some(record(kind, &fresh)),
                    refused_or(create),
                )
                .await;
                call(
                    Method::GET,
                    format!("/api/v1/{k}/{fixture}"),
                    None,
                    Want::Ok,
                )
                .await;
                call(Method::GET, format!("/api/v1/{k}"), None, Want::Ok).await;
                call(Method::GET, format!("/api/v1/export/{k}"), None, Want::Ok).await;
                // A real change: a PUT that changes nothing is not logged.
                let mut changed = record(kind, &fixture);
                if kind == Kind::Indicators {
                    changed["note"] = json!("Checked against the official gazette.");
                } else {
                    changed["title"] = json!(format!("Revised {fixture}"));
                }
                call(
                    Method::PUT,
                    format!("/api/v1/{k}/{fixture}"),
                    Some(changed),
                    refused_or(write),
                )
                .await;
                call(
                    Method::DELETE,
                    format!("/api/v1/{k}/{fixture}"),
                    None,
                    refused_or(write),
                )
                .await;
            }
            // Practices in each state, contributed by the owner.
            for state in STATES {
                let id = format!("p-{state}-{n}");
                let mut p = record(Kind::Practices, &id);
                p["publication_status"] = json!(state);
                p["submitted_by"] = json!(owner_id);
                assert!(
                    t.write(Method::POST, "/api/v1/practices", &p)
                        .await
                        .status
                        .is_success()
                );
                let published = state == "published";
                let open = matches!(state, "draft" | "submitted" | "rejected");
                let read = published || who.may(Permission::ReadPrivate) || who.owner();
                call(
                    Method::GET,
                    format!("/api/v1/practices/{id}"),
                    None,
                    if read { Want::Ok } else { Want::Hidden },
                )
                .await;
                // A review decision: only on submissions and practices in review.
                let decide = if !who.may(Permission::ReviewSubmissions) {
                    Want::Refused
                } else if matches!(state, "submitted" | "in_review") {
                    Want::Ok
                } else {
                    Want::WrongState
                };
                call(
                    Method::POST,
                    format!("/api/v1/practices/{id}/review"),
                    Some(json!({"decision": "reject", "comment": "Sources missing"})),
                    decide,
                )
                .await;
                // After the decision above the state may have moved on, so
                // the owner's revision is tried on a twin in the same state.
                let twin = format!("{id}-twin");
                let mut p2 = p.clone();
                p2["id"] = json!(twin);
                assert!(
                    t.write(Method::POST, "/api/v1/practices", &p2)
                        .await
                        .status
                        .is_success()
                );
                let revise = if who.may(Permission::Write(Kind::Practices)) {
                    Want::Ok
                } else if who.owner() {
                    if open { Want::Ok } else { Want::WrongState }
                } else {
                    Want::Refused
                };
                let mut body = p2.clone();
                body["title"] = json!("Revised");
                call(
                    Method::PUT,
                    format!("/api/v1/practices/{twin}"),
                    Some(body),
                    revise,
                )
                .await;
                call(
                    Method::DELETE,
                    format!("/api/v1/practices/{twin}"),
                    None,
                    revise,
                )
                .await;
            }
            // Commitments: status updates by whoever writes them, or by a
            // member of one of the commitment's organisations.
            let c = format!("c-status-{n}");
            assert!(
                t.write(
                    Method::POST,
                    "/api/v1/commitments",
                    &record(Kind::Commitments, &c)
                )
                .await
                .status
                .is_success()
            );
            let update = who.may(Permission::Write(Kind::Commitments)) || who.owner();
            call(
                Method::POST,
                format!("/api/v1/commitments/{c}/status"),
                Some(
                    json!({"on": "2024-06-01", "status": "in_progress", "note": "Training began", "source": {"url": "https://example.org/report"}}),
                ),
                refused_or(update),
            )
            .await;
            // An agreement whose text is not public, with a text and findings.
            let a = format!("a-private-{n}");
            let mut private = agreement(&a, "ES", "MA", 2021);
            private["text_public"] = json!(false);
            assert!(
                t.write(Method::POST, "/api/v1/agreements", &private)
                    .await
                    .status
                    .is_success()
            );
            let doc = t
                .send(
                    Method::POST,
                    &format!("/api/v1/agreements/{a}/documents?file_name=t.txt"),
                    Some(crate::TOKEN),
                    Some("text/plain"),
                    b"Article 1. Les frais de recrutement sont a la charge de l'employeur."
                        .to_vec(),
                )
                .await
                .json();
            let doc_id = doc["id"].as_str().unwrap().to_string();
            let private_ok = if who.may(Permission::ReadPrivate) {
                Want::Ok
            } else {
                Want::Refused
            };
            call(
                Method::GET,
                format!("/api/v1/documents/{doc_id}/content"),
                None,
                private_ok,
            )
            .await;
            call(
                Method::GET,
                format!("/api/v1/agreements/{a}/assessment"),
                None,
                Want::Ok,
            )
            .await;
            call(
                Method::POST,
                format!("/api/v1/agreements/{a}/assessment/findings/recruitment_costs"),
                Some(json!({"decision": "confirm"})),
                refused_or(who.may(Permission::ReviewFindings)),
            )
            .await;
            call(
                Method::POST,
                format!("/api/v1/agreements/{a}/documents?file_name=u.txt"),
                Some(json!("Article 2. Le contrat de travail est ecrit.")),
                refused_or(who.may(Permission::AttachDocuments)),
            )
            .await;
            call(
                Method::DELETE,
                format!("/api/v1/documents/{doc_id}"),
                None,
                refused_or(who.may(Permission::AttachDocuments)),
            )
            .await;
            // The audit log and the corrections queue.
            call(
                Method::GET,
                "/api/v1/audit".into(),
                None,
                refused_or(who.may(Permission::ReadAudit)),
            )
            .await;
            call(
                Method::GET,
                "/api/v1/corrections".into(),
                None,
                refused_or(who.may(Permission::DecideCorrections)),
            )
            .await;
            call(Method::POST, "/api/v1/corrections".into(),
                Some(json!({"kind": "agreements", "record_id": a, "proposal": "Signed in 2021.", "source_url": "https://example.org/bo"})), Want::Ok).await;
        }
        // The public list never shows what is not published.
        let public: Vec<String> = t.get("/api/v1/practices?per_page=200").await.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["publication_status"].as_str().unwrap_or("").to_string())
            .collect();
        assert!(
            !public.is_empty() && public.iter().all(|s| s == "published"),
            "{public:?}"
        );
        let wrong: Vec<String> = cells
            .iter()
            .filter(|c| seen(c.got) != Some(c.want))
            .map(|c| format!("{} → {} (wanted {:?})", c.what, c.got, c.want))
            .collect();
        assert!(
            audit.is_empty(),
            "{} requests did not leave one audit entry per write:\n{}",
            audit.len(),
            audit.join("\n")
        );
        assert!(
            wrong.is_empty(),
            "{} of {} cells differ on {}:\n{}",
            wrong.len(),
            cells.len(),
            t.backend(),
            wrong.join("\n")
        );
    }
}
