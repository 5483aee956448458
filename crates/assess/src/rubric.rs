//! The rubric: elements of the Guidance with their titles, definitions and
//! cues per language, read from a versioned TOML file.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::language::Language;

/// The built-in rubric, `blma-guidance-2022`.
pub const BLMA_2022: &str = include_str!("../rubric/blma-guidance-2022.toml");

/// Text in the four rubric languages.
pub type Titles = BTreeMap<String, String>;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub id: String,
    pub version: String,
    pub title: Titles,
    pub source: String,
    #[serde(default)]
    pub negations: BTreeMap<String, Vec<String>>,
    /// Stems of words that forbid what precedes them, by language.
    #[serde(default)]
    pub prohibitions: BTreeMap<String, Vec<String>>,
    /// Words after which a sentence lists what its subject includes or a
    /// document states ("including", "shall specify"), by language (cue
    /// syntax): the items name other elements in passing.
    #[serde(default)]
    pub listings: BTreeMap<String, Vec<String>>,
    /// Words that open a statement of intent ("desiring", "convaincus"),
    /// by language (cue syntax): what follows, to the next comma, is an
    /// aim, not a provision.
    #[serde(default)]
    pub intents: BTreeMap<String, Vec<String>>,
    /// Prepositions that make a noun the complement of the one before it
    /// ("of", "de", "del"), by language: a short strong cue after one
    /// names a thing another element is about, so it counts as weak.
    #[serde(default)]
    pub genitives: BTreeMap<String, Vec<String>>,
    /// Words that hold a commitment back ("may consider the possibility
    /// of", "étudieront l'opportunité de"), by language (cue syntax): what
    /// follows, to the end of the sentence, is not yet a provision.
    #[serde(default)]
    pub hedges: BTreeMap<String, Vec<String>>,
    /// Words that open a definition ("means", "on entend par", "se
    /// entenderá por", "يقصد ب"), by language (cue syntax): the terms a
    /// definition list explains are named, not provided for.
    #[serde(default)]
    pub definitions: BTreeMap<String, Vec<String>>,
    pub areas: Vec<Area>,
    pub elements: Vec<Element>,
    /// Kinds of work whose agreements are expected to say more (seasonal
    /// work, health workers, domestic workers). They add to a report; they
    /// do not change its findings.
    #[serde(default)]
    pub sectors: Vec<Sector>,
    /// What clauses that work against the worker do, each with why it
    /// matters and the elements it works against. Their cues are the
    /// elements' adverse cues: [`Rubric::parse`] places them there.
    #[serde(default)]
    pub concerns: Vec<Concern>,
}

/// A way a clause works against the worker (the worker pays the agency,
/// the employer keeps the passport), explained for the reader.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    pub id: String,
    /// The elements such a clause works against: it makes them `contrary`.
    pub elements: Vec<String>,
    /// Why it matters, in plain words, in the four rubric languages.
    pub why: Titles,
    /// The standards the explanation rests on.
    pub source: String,
    /// Adverse cues by language code: phrases that say it.
    #[serde(default)]
    pub cues: BTreeMap<String, Vec<String>>,
    /// A frame, by language code: words naming what is at stake (the
    /// passport, the fees) and words of the act that works against the
    /// worker (the employer keeps, the worker repays). Both in one
    /// sentence, in any order, the act not negated, say it too.
    #[serde(default)]
    pub topic: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub stance: BTreeMap<String, Vec<String>>,
}

/// A sector note: what agreements for a kind of work are expected to say,
/// element by element, beyond the general elements.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: String,
    pub title: Titles,
    /// Why the sector needs more, for the reader of a report.
    pub note: Titles,
    /// The instruments the expectations rest on.
    pub source: String,
    pub expects: Vec<Expectation>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// An element id.
    pub element: String,
    /// What an agreement for the sector should say on it.
    pub why: Titles,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: Titles,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: String,
    pub area: String,
    pub title: Titles,
    pub definition: Titles,
    /// Its provisions are about other things: who pays for them (costs),
    /// when they apply (final clauses), who runs, watches or publishes
    /// them. A sentence it holds names other elements in passing.
    #[serde(default)]
    pub framing: bool,
    /// A definition can provide it: defining "competent authority" as
    /// the Ministry of Labour designates that authority, where defining
    /// "recruitment agency" provides no recruitment procedure.
    #[serde(default)]
    pub defined: bool,
    /// Its words are costs, and a cost belongs to what it prices: "visa
    /// fees borne by the employer" are recruitment costs (the visa is
    /// named in passing), while "the cost of the return journey" is
    /// about an element with `own_costs`.
    #[serde(default)]
    pub costs: bool,
    /// What it costs is part of it: the employer paying the return
    /// journey provides for return, not for recruitment costs.
    #[serde(default)]
    pub own_costs: bool,
    /// Cues by language code.
    pub cues: BTreeMap<String, Cues>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    #[serde(default)]
    pub strong: Vec<String>,
    #[serde(default)]
    pub weak: Vec<String>,
    /// Filled from the rubric's [`Concern`]s, never written in an
    /// element: every adverse cue comes with its explanation.
    #[serde(default, skip_deserializing)]
    pub adverse: Vec<String>,
}

/// A rubric file that cannot be used, and why.
#[derive(Debug, thiserror::Error)]
pub enum RubricError {
    #[error("the rubric is not valid TOML: {0}")]
    Syntax(#[from] toml::de::Error),
    #[error("rubric element `{element}`: {message}")]
    Element { element: String, message: String },
    #[error("rubric: {0}")]
    Rubric(String),
}

impl Rubric {
    pub fn parse(text: &str) -> Result<Rubric, RubricError> {
        let mut rubric: Rubric = toml::from_str(text)?;
        rubric.check()?;
        rubric.place_concerns()?;
        Ok(rubric)
    }

    /// The built-in rubric.
    pub fn builtin() -> Rubric {
        Rubric::parse(BLMA_2022).expect("the built-in rubric is checked by the tests")
    }

    pub fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }

    pub fn concern(&self, id: &str) -> Option<&Concern> {
        self.concerns.iter().find(|c| c.id == id)
    }

    /// The concern whose `lang` cue `cue` works against element `element`.
    pub fn concern_of(&self, element: &str, lang: &str, cue: &str) -> Option<usize> {
        self.concerns.iter().position(|c| {
            c.elements.iter().any(|e| e == element)
                && c.cues
                    .get(lang)
                    .is_some_and(|cs| cs.iter().any(|x| x == cue))
        })
    }

    /// Makes each concern's cues adverse cues of the elements it names.
    fn place_concerns(&mut self) -> Result<(), RubricError> {
        let mut ids = HashSet::new();
        for c in &self.concerns {
            let fail =
                |message: String| RubricError::Rubric(format!("concern `{}`: {message}", c.id));
            if !ids.insert(c.id.as_str()) {
                return Err(fail("appears twice".into()));
            }
            if c.elements.is_empty() {
                return Err(fail("names no element".into()));
            }
            for lang in Language::RUBRIC {
                let code = lang.code();
                if c.why.get(code).is_none_or(|t| t.trim().is_empty()) {
                    return Err(fail(format!("no {code} explanation")));
                }
                let frame = [&c.cues, &c.topic, &c.stance];
                for cue in frame.iter().filter_map(|m| m.get(code)).flatten() {
                    crate::matcher::Pattern::parse(cue)
                        .map_err(|m| fail(format!("{code} cue `{cue}`: {m}")))?;
                }
                if c.topic.get(code).is_some_and(|t| !t.is_empty())
                    != c.stance.get(code).is_some_and(|t| !t.is_empty())
                {
                    return Err(fail(format!("a {code} frame needs both topic and stance")));
                }
            }
        }
        for c in &self.concerns {
            for id in &c.elements {
                let element = self
                    .elements
                    .iter_mut()
                    .find(|e| &e.id == id)
                    .ok_or_else(|| {
                        RubricError::Rubric(format!("concern `{}`: unknown element `{id}`", c.id))
                    })?;
                for (code, cues) in &c.cues {
                    let adverse = &mut element.cues.entry(code.clone()).or_default().adverse;
                    for cue in cues {
                        if !adverse.contains(cue) {
                            adverse.push(cue.clone());
                        }
                    }
                }
            }
        }
        Ok(())
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }

    /// The sector notes `ids`, or the first the rubric does not have.
    pub fn sectors_named<S: AsRef<str>>(
        &self,
        ids: &[S],
    ) -> Result<Vec<&Sector>, crate::UnknownSector> {
        ids.iter()
            .map(|id| {
                self.sector(id.as_ref())
                    .ok_or_else(|| crate::UnknownSector {
                        id: id.as_ref().to_string(),
                        known: self
                            .sectors
                            .iter()
                            .map(|s| s.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    })
            })
            .collect()
    }

    fn check(&self) -> Result<(), RubricError> {
        let areas: HashSet<&str> = self.areas.iter().map(|a| a.id.as_str()).collect();
        let mut ids = HashSet::new();
        for e in &self.elements {
            let fail = |message: String| RubricError::Element {
                element: e.id.clone(),
                message,
            };
            if !ids.insert(e.id.as_str()) {
                return Err(fail("appears twice".into()));
            }
            if !areas.contains(e.area.as_str()) {
                return Err(fail(format!("unknown area `{}`", e.area)));
            }
            for lang in Language::RUBRIC {
                let code = lang.code();
                if !e.title.contains_key(code) {
                    return Err(fail(format!("no {code} title")));
                }
                let cues = e
                    .cues
                    .get(code)
                    .ok_or_else(|| fail(format!("no {code} cues")))?;
                if cues.strong.is_empty() && cues.weak.is_empty() {
                    return Err(fail(format!("no strong or weak {code} cues")));
                }
                for cue in cues.strong.iter().chain(&cues.weak) {
                    crate::matcher::Pattern::parse(cue)
                        .map_err(|m| fail(format!("{code} cue `{cue}`: {m}")))?;
                }
            }
        }
        if self.elements.is_empty() {
            return Err(RubricError::Rubric("no elements".into()));
        }
        for (what, lists) in [
            ("listings", &self.listings),
            ("intents", &self.intents),
            ("hedges", &self.hedges),
            ("definitions", &self.definitions),
        ] {
            for (code, cues) in lists {
                for cue in cues {
                    crate::matcher::Pattern::parse(cue)
                        .map_err(|m| RubricError::Rubric(format!("{what} {code} `{cue}`: {m}")))?;
                }
            }
        }
        let mut sectors = HashSet::new();
        for s in &self.sectors {
            let fail =
                |message: String| RubricError::Rubric(format!("sector `{}`: {message}", s.id));
            if !sectors.insert(s.id.as_str()) {
                return Err(fail("appears twice".into()));
            }
            if s.expects.is_empty() {
                return Err(fail("expects nothing".into()));
            }
            let mut expected = HashSet::new();
            for x in &s.expects {
                if !ids.contains(x.element.as_str()) {
                    return Err(fail(format!("unknown element `{}`", x.element)));
                }
                if !expected.insert(x.element.as_str()) {
                    return Err(fail(format!("expects `{}` twice", x.element)));
                }
            }
            for lang in Language::RUBRIC {
                let code = lang.code();
                let texts = [("title", &s.title), ("note", &s.note)]
                    .into_iter()
                    .chain(s.expects.iter().map(|x| ("why", &x.why)));
                for (what, titles) in texts {
                    if titles.get(code).is_none_or(|t| t.trim().is_empty()) {
                        return Err(fail(format!("no {code} {what}")));
                    }
                }
            }
        }
        Ok(())
    }
}
