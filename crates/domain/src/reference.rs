//! Reference data, generated once by `scripts/refdata` into `data/*.json`
//! and embedded here: countries (ISO 3166-1 with names in four languages and
//! UN M49 regions), regions, GCM objectives and guiding principles, SDGs,
//! ISIC Rev.4 sections and ISCO-08 major groups. See `data/NOTICE.md` for
//! sources and licences.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::text::Lang;

/// A name or title in some of the four languages, English always present.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Names(pub BTreeMap<Lang, String>);

impl Names {
    /// The name in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(&lang)
            .or_else(|| self.0.get(&Lang::En))
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Country {
    pub alpha2: String,
    pub alpha3: String,
    pub numeric: String,
    pub names: Names,
    pub region: Option<String>,
    pub sub_region: Option<String>,
    pub intermediate_region: Option<String>,
}

impl Country {
    /// The M49 areas the country belongs to, widest first.
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        [&self.region, &self.sub_region, &self.intermediate_region]
            .into_iter()
            .filter_map(|r| r.as_deref())
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Region {
    pub code: String,
    pub level: String,
    pub parent: Option<String>,
    pub names: Names,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Objective {
    pub number: u8,
    pub label: Names,
    pub title: Names,
}

/// The ten guiding principles of the GCM (paragraph 15).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Principle {
    PeopleCentred,
    InternationalCooperation,
    NationalSovereignty,
    RuleOfLaw,
    SustainableDevelopment,
    HumanRights,
    GenderResponsive,
    ChildSensitive,
    WholeOfGovernment,
    WholeOfSociety,
}

impl Principle {
    pub fn id(self) -> &'static str {
        match self {
            Principle::PeopleCentred => "people_centred",
            Principle::InternationalCooperation => "international_cooperation",
            Principle::NationalSovereignty => "national_sovereignty",
            Principle::RuleOfLaw => "rule_of_law",
            Principle::SustainableDevelopment => "sustainable_development",
            Principle::HumanRights => "human_rights",
            Principle::GenderResponsive => "gender_responsive",
            Principle::ChildSensitive => "child_sensitive",
            Principle::WholeOfGovernment => "whole_of_government",
            Principle::WholeOfSociety => "whole_of_society",
        }
    }
}

impl std::fmt::Display for Principle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct PrincipleInfo {
    pub id: Principle,
    pub number: u8,
    pub label: Names,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Sdg {
    pub number: u8,
    pub name: Names,
}

/// An ISIC section or ISCO major group.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Classification {
    pub code: String,
    pub title: Names,
}

/// A GCM Champion country: a State that volunteered with the UN Network
/// on Migration to lead by example in implementing the Compact.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Champion {
    pub country: String,
    /// The year it joined when `year_stated`, else the year of the
    /// earliest source that names it a champion.
    pub since: u16,
    pub year_stated: bool,
    pub source: crate::text::Source,
}

struct Tables {
    champions: Vec<Champion>,
    countries: Vec<Country>,
    by_alpha2: HashMap<String, usize>,
    regions: Vec<Region>,
    objectives: Vec<Objective>,
    principles: Vec<PrincipleInfo>,
    sdgs: Vec<Sdg>,
    sectors: Vec<Classification>,
    occupations: Vec<Classification>,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    // The files are committed and checked by the generator and by tests, so
    // a parse failure is a build defect, not a user error.
    serde_json::from_str(json).unwrap_or_else(|e| panic!("reference data {name} is corrupt: {e}"))
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let countries: Vec<Country> =
            parse("countries.json", include_str!("../data/countries.json"));
        let by_alpha2 = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.alpha2.clone(), i))
            .collect();
        Tables {
            champions: parse("champions.json", include_str!("../data/champions.json")),
            countries,
            by_alpha2,
            regions: parse("regions.json", include_str!("../data/regions.json")),
            objectives: parse("objectives.json", include_str!("../data/objectives.json")),
            principles: parse("principles.json", include_str!("../data/principles.json")),
            sdgs: parse("sdgs.json", include_str!("../data/sdgs.json")),
            sectors: parse("isic.json", include_str!("../data/isic.json")),
            occupations: parse("isco.json", include_str!("../data/isco.json")),
        }
    })
}

/// The UN Network on Migration's page on the Champion countries initiative.
pub const CHAMPIONS_PAGE: &str = "https://migrationnetwork.un.org/champion-countries";

pub fn champions() -> &'static [Champion] {
    &tables().champions
}

pub fn champion(alpha2: &str) -> Option<&'static Champion> {
    tables().champions.iter().find(|c| c.country == alpha2)
}

pub fn countries() -> &'static [Country] {
    &tables().countries
}

pub fn country(alpha2: &str) -> Option<&'static Country> {
    let t = tables();
    t.by_alpha2.get(alpha2).map(|&i| &t.countries[i])
}

pub fn regions() -> &'static [Region] {
    &tables().regions
}

pub fn region(code: &str) -> Option<&'static Region> {
    tables().regions.iter().find(|r| r.code == code)
}

/// Countries that belong to an M49 area at any level.
pub fn countries_in_region(code: &str) -> impl Iterator<Item = &'static Country> {
    let code = code.to_string();
    countries()
        .iter()
        .filter(move |c| c.regions().any(|r| r == code))
}

pub fn objectives() -> &'static [Objective] {
    &tables().objectives
}

pub fn objective(number: u8) -> Option<&'static Objective> {
    tables().objectives.iter().find(|o| o.number == number)
}

pub fn principles() -> &'static [PrincipleInfo] {
    &tables().principles
}

pub fn sdgs() -> &'static [Sdg] {
    &tables().sdgs
}

pub fn sectors() -> &'static [Classification] {
    &tables().sectors
}

pub fn sector(code: &str) -> Option<&'static Classification> {
    tables().sectors.iter().find(|c| c.code == code)
}

pub fn occupations() -> &'static [Classification] {
    &tables().occupations
}

pub fn occupation(code: &str) -> Option<&'static Classification> {
    tables().occupations.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_tables_are_complete() {
        assert!(countries().len() >= 249, "{} countries", countries().len());
        assert_eq!(objectives().len(), 23);
        assert_eq!(principles().len(), 10);
        assert_eq!(sdgs().len(), 17);
        assert_eq!(sectors().len(), 21);
        assert_eq!(occupations().len(), 10);
        for c in countries() {
            for lang in Lang::ALL {
                assert!(
                    c.names.0.contains_key(&lang),
                    "{} lacks a {lang:?} name",
                    c.alpha2
                );
            }
            for r in c.regions() {
                assert!(region(r).is_some(), "{} names unknown region {r}", c.alpha2);
            }
        }
    }

    #[test]
    fn morocco_is_in_northern_africa() {
        let ma = country("MA").unwrap();
        assert_eq!(ma.alpha3, "MAR");
        assert_eq!(ma.names.get(Lang::Fr), "Maroc");
        assert_eq!(ma.region.as_deref(), Some("002"));
        assert_eq!(ma.sub_region.as_deref(), Some("015"));
        assert!(countries_in_region("015").any(|c| c.alpha2 == "TN"));
    }

    #[test]
    fn principle_ids_match_the_data() {
        for p in principles() {
            let json = serde_json::to_value(p.id).unwrap();
            assert_eq!(json, p.id.id());
        }
    }
}
