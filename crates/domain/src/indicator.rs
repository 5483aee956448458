//! Indicator observations: the yearly figures behind country and corridor
//! charts (workers admitted under a scheme, migrant stock, remittances...).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entity::{Entity, Facet, IndexEntry, Kind, Reference};
use crate::text::{Source, fold};
use crate::validation::{Check, Invalid, valid_id};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Derived from indicator, place, scheme and year when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Indicator code, e.g. `workers_admitted`, `migrant_stock`.
    pub indicator: String,
    /// The country the figure is about, or...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// ...the corridor, from origin...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// ...to destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// The agreement or scheme the figure is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    pub year: i32,
    pub value: f64,
    pub unit: String,
    pub source: Source,
    /// A note on the figure, once or per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<crate::text::LocalText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

impl Indicator {
    /// `MA` for a country, `MX-CA` for a corridor.
    pub fn place(&self) -> String {
        match (&self.country, &self.origin, &self.destination) {
            (Some(c), _, _) => c.clone(),
            (None, Some(o), Some(d)) => format!("{o}-{d}"),
            _ => String::new(),
        }
    }
}

impl Entity for Indicator {
    const KIND: Kind = Kind::Indicators;
    crate::entity_fields!(Indicator);

    fn slug_source(&self) -> String {
        self.natural_id().unwrap_or_else(|| self.indicator.clone())
    }

    fn natural_id(&self) -> Option<String> {
        let mut id = format!("{}.{}.{}", self.indicator, self.place(), self.year);
        if let Some(s) = &self.scheme {
            id = format!("{}.{s}.{}", self.indicator, self.year);
            if !self.place().is_empty() {
                id = format!("{}.{}.{s}.{}", self.indicator, self.place(), self.year);
            }
        }
        valid_id(&id).then_some(id)
    }

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("id", self.id.as_deref());
        c.slug(self.slug.as_deref());
        let code_ok = !self.indicator.is_empty()
            && self.indicator.len() <= 60
            && self
                .indicator
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !code_ok {
            c.fail("indicator", format!("`{}` is not an indicator code: use lower-case letters, digits and `_` (e.g. workers_admitted)", self.indicator));
        }
        match (&self.country, &self.origin, &self.destination) {
            (Some(country), None, None) => c.country("country", country),
            (None, Some(o), Some(d)) => {
                c.country("origin", o);
                c.country("destination", d);
                if o == d {
                    c.fail("destination", "a corridor needs two different countries");
                }
            }
            (None, None, None) => {
                c.fail("country", "give a country, or an origin and a destination")
            }
            (Some(_), _, _) => c.fail(
                "country",
                "give either a country or a corridor (origin and destination), not both",
            ),
            (None, Some(_), None) => c.fail("destination", "is required with origin"),
            (None, None, Some(_)) => c.fail("origin", "is required with destination"),
        }
        c.id("scheme", self.scheme.as_deref());
        if !(1800..=2200).contains(&self.year) {
            c.fail("year", format!("{} is not a plausible year", self.year));
        }
        if !self.value.is_finite() {
            c.fail("value", "must be a finite number");
        }
        c.required("unit", &self.unit);
        c.sources("source", std::slice::from_ref(&self.source));
        c.finish()
    }

    fn index(&self) -> IndexEntry {
        let mut e = IndexEntry {
            title: format!("{} {} {}", self.indicator, self.place(), self.year),
            title_text: fold(&format!(
                "{} {}",
                self.indicator,
                self.note
                    .as_ref()
                    .map(|n| n.texts().join(" "))
                    .unwrap_or_default()
            )),
            record_type: Some(self.indicator.clone()),
            status: None,
            year: Some(self.year),
            date: Some(format!("{:04}-01-01", self.year)),
            public: true,
            facets: Vec::new(),
        };
        let countries: Vec<String> = [&self.country, &self.origin, &self.destination]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        e.countries(&countries);
        if let Some(o) = &self.origin {
            e.facet(Facet::Origin, o);
        }
        if let Some(d) = &self.destination {
            e.facet(Facet::Destination, d);
        }
        e.corridors();
        for r in self.references() {
            e.reference(r.kind, &r.id);
        }
        e
    }

    fn references(&self) -> Vec<Reference> {
        self.scheme
            .iter()
            .map(|s| Reference {
                field: "scheme".into(),
                kind: Kind::Agreements,
                id: s.clone(),
            })
            .collect()
    }
}
