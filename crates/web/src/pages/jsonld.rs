//! What a record's page is, for machines: schema.org JSON-LD (an
//! agreement as `Legislation`, with its parties, dates and legal force;
//! an event as `Event`; other records as `CreativeWork`) and the
//! `citation_*` meta tags reference managers read.

use passerelle_domain::{Kind, Lang, reference};
use serde_json::{Map, Value, json};

/// A short text in `lang`: a plain string is the same in every language;
/// an object gives each (English, then any, when `lang` is missing).
fn local(v: &Value, lang: Lang) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m
            .get(lang.code())
            .or_else(|| m.get("en"))
            .or_else(|| m.values().next())
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    }
}

/// The record's title in `lang` (its own title when not translated).
fn title(r: &Value, lang: Lang) -> String {
    r["titles"][lang.code()]
        .as_str()
        .or(r["title"].as_str())
        .unwrap_or_default()
        .to_string()
}

fn country(code: &str, lang: Lang) -> Value {
    let name = reference::country(code).map(|c| c.names.get(lang).to_string());
    json!({"@type": "Country", "identifier": code, "name": name.unwrap_or_else(|| code.to_string())})
}

/// The JSON-LD of record `r` of `kind`, whose page is `url`, as text safe
/// inside a `<script>` element.
pub fn describe(kind: Kind, r: &Value, url: &str, lang: Lang) -> String {
    let mut d = Map::new();
    d.insert("@context".into(), json!("https://schema.org"));
    d.insert("@id".into(), json!(url));
    d.insert("url".into(), json!(url));
    d.insert("name".into(), json!(title(r, lang)));
    if let Some(original) = r["title"].as_str().filter(|t| *t != title(r, lang)) {
        d.insert("alternateName".into(), json!(original));
    }
    if let Some(s) = local(&r["summary"], lang) {
        d.insert("description".into(), json!(s));
    }
    if let Some(m) = r["updated_at"].as_str() {
        d.insert("dateModified".into(), json!(m));
    }
    let sources: Vec<&str> = r["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["url"].as_str())
        .collect();
    if !sources.is_empty() {
        d.insert("sameAs".into(), json!(sources));
    }
    match kind {
        Kind::Agreements => {
            d.insert("@type".into(), json!("Legislation"));
            d.insert(
                "legislationType".into(),
                json!(super::i18n::tr(
                    lang,
                    &format!("type-{}", r["type"].as_str().unwrap_or("")),
                    &[]
                )),
            );
            let parties: Vec<Value> = r["parties"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p["country"].as_str())
                .map(|c| country(c, lang))
                .collect();
            d.insert("legislationPassedBy".into(), json!(parties));
            d.insert("legislationJurisdiction".into(), json!(parties));
            for (field, property) in [
                ("signed_on", "legislationDate"),
                ("in_force_on", "legislationDateOfApplicability"),
                ("expires_on", "expires"),
            ] {
                if let Some(date) = r[field].as_str() {
                    d.insert(property.into(), json!(date));
                }
            }
            // schema.org's statuses; a signature not yet in force, or one
            // whose status is unknown, says nothing rather than guess.
            let force = match r["status"].as_str() {
                Some("in_force") => Some("InForce"),
                Some("expired" | "terminated" | "suspended") => Some("NotInForce"),
                _ => None,
            };
            if let Some(f) = force {
                d.insert(
                    "legislationLegalForce".into(),
                    json!(format!("https://schema.org/{f}")),
                );
            }
            if let Some(langs) = r["languages"].as_array().filter(|l| !l.is_empty()) {
                d.insert("inLanguage".into(), json!(langs));
            }
        }
        Kind::Events => {
            d.insert("@type".into(), json!("Event"));
            if let Some(s) = r["start_on"].as_str() {
                d.insert("startDate".into(), json!(s));
            }
            if let Some(e) = r["end_on"].as_str() {
                d.insert("endDate".into(), json!(e));
            }
            if let Some(place) = local(&r["place"], lang) {
                d.insert("location".into(), json!({"@type": "Place", "name": place}));
            }
            let organisers: Vec<Value> = r["organisations"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|o| local(o, lang))
                .map(|name| json!({"@type": "Organization", "name": name}))
                .collect();
            if !organisers.is_empty() {
                d.insert("organizer".into(), json!(organisers));
            }
        }
        _ => {
            d.insert("@type".into(), json!("CreativeWork"));
        }
    }
    // Inside a script element `</script` would end it and `<!--` change how
    // it is read: no `<`, `>` or `&` appear raw (JSON reads the escapes as
    // the same characters).
    Value::Object(d)
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The `citation_*` meta tags of record `r` (name, value).
pub fn citation(r: &Value, lang: Lang) -> Vec<(&'static str, String)> {
    let mut tags = vec![("citation_title", title(r, lang))];
    let date = ["signed_on", "start_on", "published_on", "updated_at"]
        .iter()
        .find_map(|f| r[*f].as_str());
    if let Some(d) = date {
        tags.push((
            "citation_publication_date",
            d.chars().take(10).collect::<String>().replace('-', "/"),
        ));
    }
    for l in r["languages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        tags.push(("citation_language", l.to_string()));
    }
    tags
}
