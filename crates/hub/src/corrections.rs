//! Corrections: anyone proposes one for a published record, with a
//! source; editors accept or decline it.

use passerelle_domain::account::Permission;
use passerelle_domain::correction::{Correction, CorrectionStatus, Proposal};
use passerelle_domain::{Invalid, Kind};

use crate::{Caller, Hub, HubError};

/// Proposals allowed in [`PROPOSAL_WINDOW_SECS`] from one address when
/// not signed in, and from one account when signed in.
const PROPOSALS_PER_ADDRESS: i64 = 10;
const PROPOSALS_PER_ACCOUNT: i64 = 30;
const PROPOSAL_WINDOW_SECS: u64 = 3600;

/// Who proposes: the audit log's name for them, and what throttles them.
pub struct Proposer {
    pub actor: String,
    /// `propose:user:…` when signed in, `propose:address:…` otherwise;
    /// none for the public without a known address (no shared key that one
    /// sender could exhaust for all).
    key: Option<(String, i64)>,
}

impl Proposer {
    pub fn new(caller: &Caller, address: Option<std::net::IpAddr>) -> Proposer {
        match (&caller.user_id, address) {
            (Some(user), _) => Proposer {
                actor: caller.actor.clone(),
                key: Some((format!("propose:user:{user}"), PROPOSALS_PER_ACCOUNT)),
            },
            (None, a) => Proposer {
                actor: "public".into(),
                key: a.map(|a| (format!("propose:address:{a}"), PROPOSALS_PER_ADDRESS)),
            },
        }
    }
}

impl Hub {
    /// Checks and stores a proposal for a published record; a proposer
    /// over their hourly allowance waits, so the editors' queue cannot be
    /// flooded from one place.
    pub async fn propose(&self, who: &Proposer, p: Proposal) -> Result<Correction, HubError> {
        if let Some((key, max)) = &who.key {
            let since = passerelle_store::rfc3339(
                std::time::SystemTime::now() - std::time::Duration::from_secs(PROPOSAL_WINDOW_SECS),
            );
            if self.store.attempts(key, &since).await? >= *max {
                return Err(HubError::TooManyProposals(*max));
            }
        }
        let kind: Kind = p.check()?;
        let record = self
            .store
            .get_json(kind, p.record_id.trim(), false)
            .await?
            .ok_or_else(|| {
                HubError::NotFound(format!(
                    "no published {} with id or slug `{}`",
                    kind.noun(),
                    p.record_id
                ))
            })?;
        let clean = |s: Option<String>| s.map(|x| x.trim().to_string()).filter(|x| !x.is_empty());
        let c = Correction {
            id: uuid::Uuid::new_v4().to_string(),
            kind: kind.as_str().to_string(),
            record_id: record["id"].as_str().unwrap_or(&p.record_id).to_string(),
            field: clean(p.field),
            proposal: p.proposal.trim().to_string(),
            source_url: p.source_url.trim().to_string(),
            proposer: who.actor.clone(),
            contact: clean(p.contact),
            status: CorrectionStatus::Open,
            decided_by: None,
            decided_at: None,
            note: None,
            created_at: passerelle_store::now(),
        };
        self.store.propose_correction(&c).await?;
        if let Some((key, _)) = &who.key {
            self.store.record_attempt(std::slice::from_ref(key)).await?;
        }
        Ok(c)
    }

    /// The corrections proposed, all or with one status.
    pub async fn corrections(
        &self,
        caller: &Caller,
        status: Option<CorrectionStatus>,
    ) -> Result<Vec<Correction>, HubError> {
        caller.require(Permission::DecideCorrections)?;
        Ok(self.store.corrections(status).await?)
    }

    /// Accepts (`accept`, after editing the record) or declines
    /// (`decline`) an open correction.
    pub async fn decide_correction(
        &self,
        caller: &Caller,
        id: &str,
        decision: &str,
        note: Option<&str>,
    ) -> Result<Correction, HubError> {
        caller.require(Permission::DecideCorrections)?;
        let status = match decision {
            "accept" => CorrectionStatus::Accepted,
            "decline" => CorrectionStatus::Declined,
            other => {
                return Err(Invalid::one(
                    "decision",
                    format!("`{other}` is not accept or decline"),
                )
                .into());
            }
        };
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        Ok(self
            .store
            .decide_correction(&caller.actor, id, status, note)
            .await?)
    }
}
