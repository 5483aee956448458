//! One description of each kind of record for the edges: the filters its
//! list offers, and the codes its `type` and `status` take with the prefix
//! of the messages that name them. The list parameters, the filter labels
//! and the list pages all read it, so that a kind's filters or codes are
//! changed in one place; the web suite checks that every code has words in
//! every language.

use crate::{Kind, agreement, commitment, event, practice, resource};

/// What the edges know of a kind of record.
pub struct Description {
    pub kind: Kind,
    /// The filters its list page shows beside the results, in order.
    pub filters: &'static [&'static str],
    /// Its `type` codes, if it has a fixed list.
    pub types: Option<Codes>,
    /// Its `status` codes, if it has any.
    pub statuses: Option<Codes>,
}

/// A list of codes and the message prefix that names each one
/// (`practice-type-` + `programme`).
pub struct Codes {
    pub labels: &'static str,
    /// The serde names of the enum's variants.
    pub values: fn() -> Vec<String>,
}

impl Description {
    /// The codes of `field` (`type` or `status`), if this kind has them.
    pub fn codes(&self, field: &str) -> Option<&Codes> {
        match field {
            "type" => self.types.as_ref(),
            "status" => self.statuses.as_ref(),
            _ => None,
        }
    }
}

/// Every kind's description, in the order of [`Kind::ALL`].
pub const DESCRIPTIONS: [Description; 6] = [
    Description {
        kind: Kind::Agreements,
        filters: &[
            "country",
            "corridor",
            "region",
            "type",
            "status",
            "objective",
            "sector",
        ],
        types: Some(Codes {
            labels: "type-",
            values: variants::<agreement::AgreementType>,
        }),
        statuses: Some(Codes {
            labels: "status-",
            values: variants::<agreement::AgreementStatus>,
        }),
    },
    Description {
        kind: Kind::Practices,
        filters: &["country", "region", "type", "objective", "principle"],
        types: Some(Codes {
            labels: "practice-type-",
            values: variants::<practice::PracticeType>,
        }),
        statuses: Some(Codes {
            labels: "publication-",
            values: variants::<practice::PublicationStatus>,
        }),
    },
    Description {
        kind: Kind::Events,
        filters: &["country", "type", "objective"],
        types: Some(Codes {
            labels: "event-kind-",
            values: variants::<event::EventKind>,
        }),
        statuses: None,
    },
    Description {
        kind: Kind::Commitments,
        filters: &["country", "status", "type", "objective", "principle"],
        types: Some(Codes {
            labels: "commitment-kind-",
            values: variants::<commitment::CommitmentKind>,
        }),
        statuses: Some(Codes {
            labels: "commitment-status-",
            values: variants::<commitment::CommitmentStatus>,
        }),
    },
    Description {
        kind: Kind::Resources,
        filters: &["country", "region", "type", "objective"],
        types: Some(Codes {
            labels: "resource-type-",
            values: variants::<resource::ResourceType>,
        }),
        statuses: None,
    },
    // An indicator's type is the indicator itself, named by its own data.
    Description {
        kind: Kind::Indicators,
        filters: &["country", "type"],
        types: None,
        statuses: None,
    },
];

/// The description of `kind`.
pub fn describe(kind: Kind) -> &'static Description {
    DESCRIPTIONS
        .iter()
        .find(|d| d.kind == kind)
        .expect("every kind is described")
}

/// The values of an enum, from its JSON schema (the serde names).
pub fn variants<T: schemars::JsonSchema>() -> Vec<String> {
    // A variant with a doc comment is its own `oneOf` entry (a `const`),
    // the others are gathered in one `enum`.
    let schema = schemars::schema_for!(T);
    let root = schema.as_value();
    let entries = std::iter::once(root).chain(root["oneOf"].as_array().into_iter().flatten());
    entries
        .flat_map(|e| {
            let listed = e["enum"].as_array().into_iter().flatten();
            listed.chain(e.get("const"))
        })
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_described_once_in_order() {
        let described: Vec<Kind> = DESCRIPTIONS.iter().map(|d| d.kind).collect();
        assert_eq!(described, Kind::ALL);
        for d in &DESCRIPTIONS {
            for field in ["type", "status"] {
                if let Some(c) = d.codes(field) {
                    assert!(!(c.values)().is_empty(), "{} {field}", d.kind);
                }
            }
        }
        assert!(variants::<commitment::CommitmentStatus>().contains(&"not_reported".to_string()));
    }
}
