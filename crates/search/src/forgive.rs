//! What a searcher means beyond the letters typed: the other forms of a
//! word that a stemmer does not bring together (number, gender, British
//! and American spelling, Arabic proclitics) and the hub's own vocabulary
//! of acronyms and names, each with its equivalents in the four
//! languages. Every form is only an alternative: a query term that no
//! document holds is dropped before the search runs, so a variant can add
//! what a person meant and never takes anything away.

use passerelle_domain::text::fold;

/// Names the hub's readers use for the same thing, in any language: an
/// acronym, its expansion in each language, and common variants. A query
/// word or run of words equal (after folding) to one of them also finds
/// the others.
///
/// ABMT is read as a French acronym for a BLMA ("accord bilatéral de
/// migration de travail"); add a group, or a name to one, here.
pub const VOCABULARY: &[(&str, &[&str])] = &[
    (
        "gcm",
        &[
            "gcm",
            "pmm",
            "global compact for migration",
            "global compact for safe orderly and regular migration",
            "pacte mondial pour des migrations",
            "pacte mondial sur les migrations",
            "pacto mundial para la migracion",
            "الاتفاق العالمي من اجل الهجرة",
            "الميثاق العالمي من اجل الهجرة",
        ],
    ),
    (
        "imrf",
        &[
            "imrf",
            "femi",
            "international migration review forum",
            "forum d examen des migrations internationales",
            "foro de examen de la migracion internacional",
            "منتدى استعراض الهجرة الدولية",
        ],
    ),
    (
        "blma",
        &[
            "blma",
            "blmas",
            "abmt",
            "bla",
            "bilateral labour migration agreement",
            "bilateral labor migration agreement",
            "bilateral labour agreement",
            "bilateral labor agreement",
            "accord bilateral sur la migration de main d oeuvre",
            "accords bilateraux sur la migration de main d oeuvre",
            "acuerdo bilateral de migracion laboral",
            "acuerdos bilaterales de migracion laboral",
        ],
    ),
    (
        "smp",
        &[
            "smp",
            "smps",
            "skills mobility partnership",
            "skill mobility partnership",
            "partenariat pour la mobilite des competences",
            "asociacion para la movilidad de competencias",
            "شراكة تنقل المهارات",
        ],
    ),
    (
        "thamm",
        &[
            "thamm",
            "towards a holistic approach to labour migration governance",
            "holistic approach to labour migration",
        ],
    ),
    (
        "palim",
        &[
            "palim",
            "pilot project addressing labour shortages through innovative labour migration models",
        ],
    ),
    (
        "champions",
        &[
            "pays champions",
            "pays champion",
            "champion countries",
            "champion country",
            "gcm champions",
            "paises campeones",
            "pais campeon",
            "البلدان الرائدة",
            "بلد رائد",
        ],
    ),
    (
        "iom",
        &[
            "iom",
            "oim",
            "international organization for migration",
            "organisation internationale pour les migrations",
            "organizacion internacional para las migraciones",
            "المنظمة الدولية للهجرة",
        ],
    ),
    (
        "ilo",
        &[
            "ilo",
            "oit",
            "international labour organization",
            "international labor organization",
            "organisation internationale du travail",
            "organizacion internacional del trabajo",
            "منظمة العمل الدولية",
        ],
    ),
];

/// The longest expression of the vocabulary, in words.
fn longest() -> usize {
    VOCABULARY
        .iter()
        .flat_map(|(_, g)| g.iter())
        .map(|e| e.split(' ').count())
        .max()
        .unwrap_or(1)
}

/// A run of a query's words that names something of the vocabulary.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// The first word of the run and how many words it spans.
    pub first: usize,
    pub count: usize,
    /// The vocabulary group's key (`"imrf"`, `"champions"`).
    pub key: &'static str,
    /// The group's other expressions.
    pub others: Vec<&'static str>,
}

/// For the words of a query in order, the runs that name something of the
/// vocabulary, longest runs first and not overlapping.
pub fn vocabulary_runs(words: &[String]) -> Vec<Named> {
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let mut found = None;
        for n in (1..=longest().min(folded.len() - i)).rev() {
            let run = folded[i..i + n].join(" ");
            if let Some((key, group)) = VOCABULARY
                .iter()
                .find(|(_, g)| g.iter().any(|e| fold(e) == run))
            {
                let others = group.iter().copied().filter(|e| fold(e) != run).collect();
                found = Some(Named {
                    first: i,
                    count: n,
                    key,
                    others,
                });
                break;
            }
        }
        match found {
            Some(named) => {
                i += named.count;
                out.push(named);
            }
            None => i += 1,
        }
    }
    out
}

/// The keys of the vocabulary groups a query's text names (`"pays
/// champions"` names `champions`), for pages that lead to a hub page.
pub fn named(q: &str) -> Vec<&'static str> {
    let words: Vec<String> = q
        .split(|c: char| c.is_whitespace() || c == '"')
        .filter(|w| !w.is_empty() && !w.starts_with('-'))
        .map(str::to_string)
        .collect();
    vocabulary_runs(&words).into_iter().map(|n| n.key).collect()
}

/// The other forms of one word in the analyzer slot's language (0 fr,
/// 1 en, 2 es, 3 ar): number for the Latin languages, gender for French
/// and Spanish, British and American spelling for English, proclitics for
/// Arabic. Forms, not stems: the caller stems them with the same analyzer.
pub fn variants(slot: usize, word: &str) -> Vec<String> {
    let w = word.trim().to_lowercase();
    if w.contains(char::is_whitespace) || w.chars().count() < 3 {
        return Vec::new();
    }
    if slot == 3 {
        return arabic(&w);
    }
    let other = |f: &str| match slot {
        0 => gender_fr(f),
        1 => spelling_en(f),
        2 => gender_es(f),
        _ => Vec::new(),
    };
    // Number, then gender or spelling of each form, then the number of
    // those: "organisations" reaches "organization" through
    // "organisation".
    let mut out: Vec<String> = std::iter::once(w.clone()).chain(number(&w)).collect();
    let first = out.clone();
    for f in &first {
        for o in other(f) {
            out.extend(number(&o));
            out.push(o);
        }
    }
    out.retain(|v| *v != w);
    out.sort();
    out.dedup();
    out
}

/// Replaces the ending `from` of `w` by each of `to`.
fn swap(w: &str, from: &str, to: &[&str]) -> Vec<String> {
    match w.strip_suffix(from) {
        Some(stem) if !stem.is_empty() => to.iter().map(|t| format!("{stem}{t}")).collect(),
        _ => Vec::new(),
    }
}

/// Singular and plural forms of French, English and Spanish nouns, as far
/// as a suffix tells (Snowball does not always bring them together:
/// "libertad" and "libertades", "loisir" and "loisirs").
fn number(w: &str) -> Vec<String> {
    let mut out = vec![format!("{w}s"), format!("{w}es")];
    if let Some(stem) = w.strip_suffix("es") {
        out.push(stem.to_string());
    }
    if let Some(stem) = w.strip_suffix('s').or_else(|| w.strip_suffix('x')) {
        out.push(stem.to_string());
    }
    out.extend(swap(w, "al", &["aux"]));
    out.extend(swap(w, "aux", &["al"]));
    out
}

/// Masculine and feminine forms of a French word: the stemmer, which
/// sees the word without accents, leaves "employé" and "employée",
/// "travailleur" and "travailleuse", "saisonnier" and "saisonnière" apart.
fn gender_fr(w: &str) -> Vec<String> {
    let w = w.strip_suffix('s').unwrap_or(w);
    let pairs: &[(&str, &[&str])] = &[
        ("euse", &["eur"]),
        ("eur", &["euse", "rice"]),
        ("trice", &["teur"]),
        ("ière", &["ier"]),
        ("iere", &["ier"]),
        ("ier", &["ière"]),
        ("ée", &["é"]),
        ("ee", &["e"]),
        ("é", &["ée"]),
        ("ive", &["if"]),
        ("if", &["ive"]),
        ("enne", &["en"]),
        ("elle", &["el"]),
        ("ante", &["ant"]),
        ("ant", &["ante"]),
    ];
    for (from, to) in pairs {
        let v = swap(w, from, to);
        if !v.is_empty() {
            return v;
        }
    }
    Vec::new()
}

/// Masculine and feminine forms of a Spanish word ("director" and
/// "directora"; "-o" and "-a" already meet under the stemmer, mostly).
fn gender_es(w: &str) -> Vec<String> {
    let w = w
        .strip_suffix("es")
        .filter(|s| s.ends_with("or"))
        .unwrap_or(w);
    let w = w.strip_suffix('s').unwrap_or(w);
    let mut out = Vec::new();
    out.extend(swap(w, "ora", &["or"]));
    if out.is_empty() {
        out.extend(swap(w, "or", &["ora"]));
    }
    if out.is_empty() {
        out.extend(swap(w, "o", &["a"]));
        out.extend(swap(w, "a", &["o"]));
    }
    out
}

/// British and American spellings of an English word: labour and labor,
/// organisation and organization, centre and center, programme and
/// program, licence and license.
fn spelling_en(w: &str) -> Vec<String> {
    let pairs: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("ization", "isation"),
        ("ising", "izing"),
        ("izing", "ising"),
        ("ised", "ized"),
        ("ized", "ised"),
        ("ise", "ize"),
        ("ize", "ise"),
        ("yse", "yze"),
        ("yze", "yse"),
        ("our", "or"),
        ("ours", "ors"),
        ("or", "our"),
        ("ors", "ours"),
        ("tre", "ter"),
        ("ter", "tre"),
        ("ence", "ense"),
        ("ense", "ence"),
    ];
    let mut out = Vec::new();
    for (from, to) in pairs {
        out.extend(swap(w, from, &[to]));
    }
    // Whole words and prefixes: "programme(s)", "programming".
    if w.contains("programme") {
        out.push(w.replacen("programme", "program", 1));
    } else if w.contains("program") {
        out.push(w.replacen("program", "programme", 1));
    }
    // Inside a word: "labourers", "favourable".
    if let Some(i) = w.find("our")
        && i > 0
        && i + 3 < w.len()
    {
        out.push(format!("{}or{}", &w[..i], &w[i + 3..]));
    }
    out
}

/// The word behind the one-letter proclitics (ب, ل, ك, ف, with و before
/// them) that a light stemmer leaves alone, because stripping them from
/// every word would also cut words that merely begin with those letters.
/// Asked at query time, the forms that occur are found ("حماية" finds
/// "بحماية", "أسرة" finds "ولأسرته").
fn arabic(w: &str) -> Vec<String> {
    let base = w
        .strip_prefix("ال")
        .or_else(|| w.strip_prefix("أل"))
        .unwrap_or(w);
    ["ب", "ل", "ك", "ف", "وب", "ول", "فب", "فل"]
        .into_iter()
        .map(|p| format!("{p}{base}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::{analyzer, terms};
    use passerelle_domain::Lang;

    /// Whether some form of `a` and some form of `b` meet on one stem.
    fn meet(slot: usize, lang: Lang, a: &str, b: &str) -> bool {
        let mut an = analyzer(Some(lang));
        let stem = |w: &str, an: &mut tantivy::tokenizer::TextAnalyzer| {
            terms(an, w).first().map(|t| t.text.clone())
        };
        let target = stem(b, &mut an);
        std::iter::once(a.to_string())
            .chain(variants(slot, a))
            .any(|v| stem(&v, &mut an) == target)
    }

    #[test]
    fn a_word_finds_its_other_gender_number_and_spelling() {
        for (a, b) in [
            ("employé", "employées"),
            ("employées", "employé"),
            ("travailleur", "travailleuses"),
            ("travailleuse", "travailleurs"),
            ("saisonnière", "saisonniers"),
            ("saisonniers", "saisonnière"),
            ("agricultrice", "agriculteur"),
        ] {
            assert!(meet(0, Lang::Fr, a, b), "fr {a} / {b}");
        }
        for (a, b) in [
            ("labour", "labor"),
            ("labor", "labour"),
            ("organisation", "organization"),
            ("organization", "organisations"),
            ("centre", "center"),
            ("programme", "program"),
            ("licence", "license"),
            ("recognised", "recognized"),
            ("labourers", "laborers"),
        ] {
            assert!(meet(1, Lang::En, a, b), "en {a} / {b}");
        }
        for (a, b) in [
            ("empleado", "empleadas"),
            ("trabajador", "trabajadoras"),
            ("directora", "director"),
        ] {
            assert!(meet(2, Lang::Es, a, b), "es {a} / {b}");
        }
        // Short words and phrases have no variants.
        assert!(variants(0, "de").is_empty());
        assert!(variants(1, "labour law").is_empty());
    }

    #[test]
    fn the_vocabulary_names_each_thing_once() {
        let mut seen = std::collections::BTreeSet::new();
        for (_, group) in VOCABULARY {
            for e in *group {
                assert!(seen.insert(fold(e)), "{e} twice");
            }
        }
    }

    #[test]
    fn runs_of_query_words_find_their_equivalents() {
        let words: Vec<String> = ["les", "pays", "champions", "et", "l'OIM"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let runs = vocabulary_runs(&words);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(
            (runs[0].first, runs[0].count, runs[0].key),
            (1, 2, "champions")
        );
        assert!(runs[0].others.contains(&"champion countries"));
        let runs = vocabulary_runs(&["IMRF".to_string()]);
        assert!(
            runs[0]
                .others
                .contains(&"international migration review forum")
        );
        assert_eq!(named("les \"pays champions\" du GCM"), ["champions", "gcm"]);
    }
}
