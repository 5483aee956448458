//! Writing records: editors write, contributors submit practices through
//! review, reviewers decide, organisations report on their commitments.

use passerelle_domain::account::{Permission, may_update_commitment};
use passerelle_domain::commitment::StatusUpdate;
use passerelle_domain::practice::{Decision, PublicationStatus};
use passerelle_domain::{AnyRecord, Commitment, Entity, Kind, Practice, with_record};
use passerelle_store::{ImportSummary, StoreError};

use crate::{Caller, Hub, HubError};

impl Hub {
    /// Stores a new record. Whoever may write its kind stores it as sent;
    /// someone who may only submit sends a practice, which is stored as
    /// their contribution: submitted (a draft if `says_status` and it says
    /// so), under their name, never published.
    pub async fn create(
        &self,
        caller: &Caller,
        mut record: AnyRecord,
        says_status: bool,
    ) -> Result<AnyRecord, HubError> {
        let kind = record.kind();
        if !caller.may(Permission::Write(kind)) {
            match &mut record {
                AnyRecord::Practice(practice) if caller.may(Permission::Submit) => {
                    submitted_unless_said(practice, says_status);
                    contribute(caller, practice, None)?;
                }
                _ => return Err(caller.refused(Permission::Write(kind))),
            }
        }
        Ok(with_record!(record, r => self.store.create(&caller.actor, r).await?.into_any()))
    }

    /// Replaces record `key`. A contributor may replace their own
    /// practice until reviewers take it up.
    pub async fn update(
        &self,
        caller: &Caller,
        key: &str,
        mut record: AnyRecord,
        says_status: bool,
    ) -> Result<AnyRecord, HubError> {
        let kind = record.kind();
        if !caller.may(Permission::Write(kind)) {
            let before = self.own_or_refused(caller, kind, key).await?;
            match &mut record {
                AnyRecord::Practice(practice) => {
                    submitted_unless_said(practice, says_status);
                    contribute(caller, practice, Some(&before))?;
                }
                _ => unreachable!("own_or_refused gives practices only"),
            }
        }
        Ok(with_record!(record, r => self.store.update(&caller.actor, key, r).await?.into_any()))
    }

    /// Deletes record `key`; a contributor withdraws their own practice
    /// before review.
    pub async fn delete(&self, caller: &Caller, kind: Kind, key: &str) -> Result<(), HubError> {
        if !caller.may(Permission::Write(kind)) {
            self.own_or_refused(caller, kind, key).await?;
        }
        Ok(self.store.delete(&caller.actor, kind, key).await?)
    }

    /// Imports records in one transaction (all or nothing), calling
    /// `progress` with how many are done; a record the store refuses is
    /// named by its position.
    pub async fn import(
        &self,
        caller: &Caller,
        records: Vec<AnyRecord>,
        progress: impl FnMut(usize) + Send,
    ) -> Result<ImportSummary, (Option<usize>, HubError)> {
        for (i, r) in records.iter().enumerate() {
            caller
                .require(Permission::Write(r.kind()))
                .map_err(|e| (Some(i), e))?;
        }
        self.store
            .import(&caller.actor, records, progress)
            .await
            .map_err(|(i, e)| (i, e.into()))
    }

    /// A contributor's practice, new (`key` none) or revised, as the
    /// contribution pages send it: its status (draft or submitted) is the
    /// form's, the rest is [`Practice::contribute`]'s. A practice that is
    /// not theirs is not found.
    pub async fn submit(
        &self,
        caller: &Caller,
        key: Option<&str>,
        mut practice: Practice,
    ) -> Result<Practice, HubError> {
        caller.require(Permission::Submit)?;
        let Some(key) = key else {
            contribute(caller, &mut practice, None)?;
            return Ok(self.store.create(&caller.actor, practice).await?);
        };
        let before = self.contribution(caller, key).await?.ok_or_else(|| {
            HubError::Store(StoreError::NotFound {
                kind: Kind::Practices,
                id: key.to_string(),
            })
        })?;
        contribute(caller, &mut practice, Some(&before))?;
        let id = before.id.as_deref().unwrap_or(key);
        Ok(self.store.update(&caller.actor, id, practice).await?)
    }

    /// The practice `key` if the caller contributed it (`None` otherwise),
    /// provided they may still change it (invalid once reviewers have
    /// taken it up).
    pub async fn contribution(
        &self,
        caller: &Caller,
        key: &str,
    ) -> Result<Option<Practice>, HubError> {
        let Some(user) = caller.user_id.as_deref() else {
            return Ok(None);
        };
        let Some(practice) = self
            .store
            .get::<Practice>(key, true)
            .await?
            .filter(|p| p.submitted_by.as_deref() == Some(user))
        else {
            return Ok(None);
        };
        practice.open_to_contributor()?;
        Ok(Some(practice))
    }

    /// The caller's own practice `key`, for one who may not write `kind`;
    /// refused otherwise.
    async fn own_or_refused(
        &self,
        caller: &Caller,
        kind: Kind,
        key: &str,
    ) -> Result<Practice, HubError> {
        let refused = || caller.refused(Permission::Write(kind));
        if kind != Kind::Practices || !caller.may(Permission::Submit) {
            return Err(refused());
        }
        self.contribution(caller, key).await?.ok_or_else(refused)
    }

    /// A reviewer's decision on a submitted practice, stored as one
    /// audited update.
    pub async fn decide_submission(
        &self,
        caller: &Caller,
        key: &str,
        decision: Decision,
        comment: Option<&str>,
    ) -> Result<Practice, HubError> {
        caller.require(Permission::ReviewSubmissions)?;
        let mut practice: Practice = self.store.get(key, true).await?.ok_or_else(|| {
            HubError::Store(StoreError::NotFound {
                kind: Kind::Practices,
                id: key.to_string(),
            })
        })?;
        practice.decide(decision, &caller.actor, comment, &passerelle_store::now())?;
        let id = practice.id.clone().unwrap_or_else(|| key.to_string());
        Ok(self.store.update(&caller.actor, &id, practice).await?)
    }

    /// A status update on commitment `key`, by whoever may write
    /// commitments or someone signed in for one of its organisations.
    pub async fn record_status(
        &self,
        caller: &Caller,
        key: &str,
        update: StatusUpdate,
    ) -> Result<Commitment, HubError> {
        let commitment: Commitment = self.store.get(key, true).await?.ok_or_else(|| {
            HubError::Store(StoreError::NotFound {
                kind: Kind::Commitments,
                id: key.to_string(),
            })
        })?;
        if !may_update_commitment(
            caller.role,
            caller.organisation.as_deref(),
            &commitment.organisations,
        ) {
            return Err(caller.refused(Permission::Write(Kind::Commitments)));
        }
        Ok(self.store.record_status(&caller.actor, key, update).await?)
    }
}

/// A contribution sent without a publication status is submitted, as the
/// README says: the field's default, a draft, is for the records editors
/// write.
fn submitted_unless_said(practice: &mut Practice, says_status: bool) {
    if !says_status {
        practice.publication_status = PublicationStatus::Submitted;
    }
}

fn contribute(
    caller: &Caller,
    practice: &mut Practice,
    before: Option<&Practice>,
) -> Result<(), HubError> {
    let user = caller
        .user_id
        .as_deref()
        .ok_or_else(|| caller.refused(Permission::Submit))?;
    practice.contribute(before, user, &caller.actor, &passerelle_store::now())?;
    Ok(())
}
