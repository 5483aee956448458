//! The Passerelle domain: what the registry holds and what counts as valid.
//!
//! This crate owns the record types ([`Agreement`], [`Practice`], [`Event`],
//! [`Commitment`], [`Resource`], [`Indicator`]), the attached [`Document`]
//! metadata and [`AuditEntry`], their validation ([`Invalid`] names every bad
//! field), the reference data (countries with UN M49 regions, GCM objectives
//! and guiding principles, SDGs, ISIC sections, ISCO groups: see
//! [`reference`]), the CSV/JSON interchange format ([`interchange`]) and the
//! deterministic synthetic corpus ([`synthetic`]). It does no I/O.

pub mod account;
pub mod agreement;
pub mod assessment;
pub mod audit;
pub mod coding;
pub mod commitment;
pub mod correction;
pub mod document;
pub mod entity;
pub mod event;
pub mod indicator;
pub mod interchange;
pub mod kinds;
pub mod practice;
pub mod reference;
pub mod resource;
pub mod synthetic;
pub mod text;
pub mod validation;

pub use agreement::{
    Agreement, AgreementStatus, AgreementType, Party, PartyRole, Quota, SectorNote, SkillLevel,
};
pub use audit::{Action, AuditEntry};
pub use commitment::{Commitment, CommitmentKind, CommitmentStatus, Modality, StatusUpdate};
pub use document::Document;
pub use entity::{AnyRecord, Entity, Facet, IndexEntry, Kind, Reference};
pub use event::{Audience, Event, EventFormat, EventKind};
pub use indicator::Indicator;
pub use practice::{Practice, PracticeType, PublicationStatus};
pub use reference::Principle;
pub use resource::{Resource, ResourceType, Scope};
pub use text::{Date, Lang, Link, LocalText, Localized, Source};
pub use validation::{FieldError, Invalid};
