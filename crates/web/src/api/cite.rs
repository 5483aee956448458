//! "Cite this": a record as CSL-JSON, RIS or BibTeX for reference
//! managers (`GET /api/v1/{kind}/{id}/cite?format=csl|ris|bibtex`), with
//! its stable address and its version (the date it last changed).

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::{Invalid, Kind, Lang};
use serde_json::{Value, json};

use super::kind;
use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// What a citation says of a record.
struct Citation {
    key: String,
    title: String,
    /// Countries party to an agreement, organisations behind a record.
    authors: Vec<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    issued: Option<String>,
    publisher: Option<String>,
    url: String,
    /// The date the record last changed: the version cited.
    version: String,
    kind: Kind,
}

fn citation(kind: Kind, record: &Value, base: &str) -> Citation {
    let text = |v: &Value| v.as_str().filter(|s| !s.is_empty()).map(str::to_string);
    let country =
        |code: &str| crate::search::label("country", code, Lang::En).unwrap_or_else(|| code.into());
    let authors: Vec<String> = match kind {
        Kind::Agreements => record["parties"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["country"].as_str().map(country))
            .collect(),
        Kind::Practices => strings(&record["implementing_entities"]),
        Kind::Events | Kind::Commitments => {
            let orgs = strings(&record["organisations"]);
            if orgs.is_empty() {
                strings(&record["countries"])
                    .iter()
                    .map(|c| country(c))
                    .collect()
            } else {
                orgs
            }
        }
        Kind::Resources => text(&record["publisher"]).into_iter().collect(),
        Kind::Indicators => Vec::new(),
    };
    let issued = ["signed_on", "in_force_on", "start_on", "published_on"]
        .iter()
        .find_map(|f| text(&record[*f]))
        .or_else(|| record["year"].as_i64().map(|y| y.to_string()));
    let id = text(&record["id"]).unwrap_or_default();
    let slug = text(&record["slug"]).unwrap_or_else(|| id.clone());
    Citation {
        key: id.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
        title: text(&record["title"]).unwrap_or_else(|| id.clone()),
        authors,
        issued,
        publisher: (kind == Kind::Resources)
            .then(|| text(&record["publisher"]))
            .flatten(),
        url: format!("{base}/en/{kind}/{slug}"),
        version: text(&record["updated_at"])
            .or_else(|| text(&record["created_at"]))
            .map(|d| d.chars().take(10).collect())
            .unwrap_or_default(),
        kind,
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

/// The date's parts as numbers (`[1963, 5, 21]`).
fn parts(date: &str) -> Vec<u32> {
    date.split('-').filter_map(|p| p.parse().ok()).collect()
}

fn csl(c: &Citation) -> Value {
    let kind = match c.kind {
        Kind::Agreements => "treaty",
        Kind::Events => "event",
        Kind::Resources => "report",
        _ => "webpage",
    };
    let mut item = json!({
        "id": c.key,
        "type": kind,
        "title": c.title,
        "author": c.authors.iter().map(|a| json!({"literal": a})).collect::<Vec<_>>(),
        "URL": c.url,
        "version": c.version,
        "accessed": {"date-parts": [parts(&c.version)]},
        "container-title": "Passerelle",
    });
    if let Some(d) = &c.issued {
        item["issued"] = json!({"date-parts": [parts(d)]});
    }
    if let Some(p) = &c.publisher {
        item["publisher"] = json!(p);
    }
    json!([item])
}

fn ris(c: &Citation) -> String {
    let kind = match c.kind {
        Kind::Agreements => "GOVDOC",
        Kind::Events => "CONF",
        Kind::Resources => "RPRT",
        _ => "ELEC",
    };
    // One line a field: a line break inside a value would end it.
    let one = |s: &str| s.replace(['\r', '\n'], " ");
    let mut out = format!("TY  - {kind}\r\nTI  - {}\r\n", one(&c.title));
    for a in &c.authors {
        out.push_str(&format!("AU  - {}\r\n", one(a)));
    }
    if let Some(d) = &c.issued {
        let p = parts(d);
        out.push_str(&format!("PY  - {}\r\n", p[0]));
        out.push_str(&format!(
            "DA  - {}\r\n",
            p.iter()
                .map(|x| format!("{x:02}"))
                .collect::<Vec<_>>()
                .join("/")
        ));
    }
    if let Some(p) = &c.publisher {
        out.push_str(&format!("PB  - {}\r\n", one(p)));
    }
    out.push_str(&format!(
        "UR  - {}\r\nDB  - Passerelle\r\nN1  - Passerelle record, version of {}\r\nER  - \r\n",
        c.url, c.version
    ));
    out
}

/// BibTeX's special characters, escaped.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn bibtex(c: &Citation) -> String {
    let mut fields = vec![("title".to_string(), format!("{{{}}}", tex(&c.title)))];
    if !c.authors.is_empty() {
        // Institutions in double braces: no first and last names.
        let names: Vec<String> = c
            .authors
            .iter()
            .map(|a| format!("{{{}}}", tex(a)))
            .collect();
        fields.push(("author".into(), names.join(" and ")));
    }
    if let Some(d) = &c.issued {
        fields.push(("year".into(), parts(d)[0].to_string()));
        fields.push(("date".into(), d.clone()));
    }
    if let Some(p) = &c.publisher {
        fields.push(("publisher".into(), tex(p)));
    }
    fields.push(("url".into(), c.url.clone()));
    fields.push(("urldate".into(), c.version.clone()));
    fields.push((
        "note".into(),
        format!("Passerelle record, version of {}", c.version),
    ));
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  {k} = {{{v}}}"))
        .collect();
    format!("@misc{{{},\n{}\n}}\n", c.key, body.join(",\n"))
}

pub(super) async fn cite(
    State(state): State<AppState>,
    Path((kind_name, key)): Path<(String, String)>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> ApiResult<Response> {
    let kind = kind(&kind_name)?;
    let format = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "format")
        .map_or_else(|| "csl".to_string(), |(_, v)| v.to_string());
    let privileged = crate::auth::privileged(&state, &headers).await;
    let record = state
        .store
        .get_json(kind, &key, privileged)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(format!("no {} with id or slug `{key}`", kind.noun()))
        })?;
    let base = crate::pages::sitemap::public_base(&state, &headers);
    let c = citation(kind, &record, &base);
    let (content_type, body, ext) = match format.as_str() {
        "csl" => (
            "application/vnd.citationstyles.csl+json",
            serde_json::to_string_pretty(&csl(&c)).expect("JSON values serialize"),
            "json",
        ),
        "ris" => ("application/x-research-info-systems", ris(&c), "ris"),
        "bibtex" => ("application/x-bibtex; charset=utf-8", bibtex(&c), "bib"),
        other => {
            return Err(ApiError::bad_query(Invalid::one(
                "format",
                format!("`{other}` is not a citation format: use csl, ris or bibtex"),
            )));
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}.{ext}\"", c.key),
            ),
        ],
        body,
    )
        .into_response())
}
