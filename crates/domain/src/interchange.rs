//! CSV and JSON interchange: what `passerelle import` reads and `export`
//! writes. Reading reports every bad record with its line number and the
//! field at fault; nothing is half-read.
//!
//! CSV has one column per field. Lists are joined with `|` (a list whose
//! items contain `|` is written as a JSON array instead); localized texts
//! take one column per language (`summary.fr`); lists of objects are JSON in
//! their cell; `parties` may be written `FR:destination|MA:origin`.

use std::fmt;

use serde_json::{Map, Value};

use crate::entity::{AnyRecord, Kind};
use crate::text::Lang;
use crate::validation::Invalid;

/// How one field is laid out in CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Text,
    Int,
    Num,
    Bool,
    List,
    IntList,
    Localized,
    Json,
    Parties,
}

use Col::*;

const META: [(&str, Col); 2] = [("created_at", Text), ("updated_at", Text)];

fn columns(kind: Kind) -> Vec<(&'static str, Col)> {
    let cols: &[(&str, Col)] = match kind {
        Kind::Agreements => &[
            ("id", Text),
            ("slug", Text),
            ("title", Text),
            ("title_language", Text),
            ("titles", Localized),
            ("type", Text),
            ("status", Text),
            ("parties", Parties),
            ("signed_on", Text),
            ("in_force_on", Text),
            ("expires_on", Text),
            ("place_signed", Text),
            ("languages", List),
            ("sectors", List),
            ("occupations", List),
            ("skill_level", Text),
            ("sector_notes", List),
            ("quotas", Json),
            ("implementing_agencies", List),
            ("objectives", IntList),
            ("text_public", Bool),
            ("sources", Json),
            ("summary", Localized),
            ("notes", Text),
            ("coding", Json),
        ],
        Kind::Practices => &[
            ("id", Text),
            ("slug", Text),
            ("title", Text),
            ("titles", Localized),
            ("summary", Localized),
            ("implementing_entities", List),
            ("countries", List),
            ("regions", List),
            ("objectives", IntList),
            ("principles", List),
            ("sdgs", IntList),
            ("start_on", Text),
            ("end_on", Text),
            ("type", Text),
            ("links", Json),
            ("results", Json),
            ("lessons", Json),
            ("sources", Json),
            ("publication_status", Text),
        ],
        Kind::Events => &[
            ("id", Text),
            ("slug", Text),
            ("title", Text),
            ("titles", Localized),
            ("kind", Text),
            ("start_on", Text),
            ("end_on", Text),
            ("place", Text),
            ("format", Text),
            ("interpretation_languages", List),
            ("audience", Text),
            ("countries", List),
            ("organisations", List),
            ("objectives", IntList),
            ("summary", Localized),
            ("outcomes", Localized),
            ("challenges", Json),
            ("people", Json),
            ("press_contacts", Json),
            ("practices", List),
            ("agreements", List),
            ("sources", Json),
        ],
        Kind::Commitments => &[
            ("id", Text),
            ("slug", Text),
            ("title", Text),
            ("titles", Localized),
            ("description", Text),
            ("descriptions", Localized),
            ("summary", Localized),
            ("kind", Text),
            ("modality", Text),
            ("matches", Text),
            ("countries", List),
            ("organisations", List),
            ("objectives", IntList),
            ("principles", List),
            ("event", Text),
            ("target_on", Text),
            ("status", Text),
            ("history", Json),
            ("sources", Json),
        ],
        Kind::Resources => &[
            ("id", Text),
            ("slug", Text),
            ("title", Text),
            ("titles", Localized),
            ("publisher", Text),
            ("published_on", Text),
            ("type", Text),
            ("languages", List),
            ("audience", Text),
            ("scope", Text),
            ("countries", List),
            ("regions", List),
            ("objectives", IntList),
            ("url", Text),
            ("document", Text),
            ("summary", Localized),
            ("sources", Json),
        ],
        Kind::Indicators => &[
            ("id", Text),
            ("slug", Text),
            ("indicator", Text),
            ("country", Text),
            ("origin", Text),
            ("destination", Text),
            ("scheme", Text),
            ("year", Int),
            ("value", Num),
            ("unit", Text),
            ("source", Json),
            ("note", Text),
        ],
    };
    cols.iter().copied().chain(META).collect()
}

/// The CSV header for a kind.
pub fn csv_header(kind: Kind) -> Vec<String> {
    let mut header = Vec::new();
    for (name, col) in columns(kind) {
        if col == Localized {
            header.extend(Lang::ALL.iter().map(|l| format!("{name}.{}", l.code())));
        } else {
            header.push(name.to_string());
        }
    }
    header
}

/// The CSV's columns as a Frictionless Table Schema (`fields` with their
/// types, `primaryKey`): what a data package says of the file. Lists,
/// objects and parties are strings in the layout the module's head
/// describes; a kind's `type` and `status` carry their codes as an
/// `enum` constraint.
pub fn table_schema(kind: Kind) -> Value {
    let description = crate::kinds::describe(kind);
    let mut fields = Vec::new();
    for (name, col) in columns(kind) {
        let (kind_of, format) = match col {
            Text => ("string", None),
            Int => ("integer", None),
            Num => ("number", None),
            Bool => ("boolean", None),
            List | IntList => ("string", Some("values separated by |")),
            Localized => ("string", None),
            Json => ("string", Some("JSON")),
            Parties => ("string", Some("COUNTRY:role separated by |")),
        };
        let names: Vec<String> = if col == Localized {
            Lang::ALL
                .iter()
                .map(|l| format!("{name}.{}", l.code()))
                .collect()
        } else {
            vec![name.to_string()]
        };
        for field in names {
            let mut f = Map::new();
            f.insert("name".into(), Value::from(field.clone()));
            f.insert("type".into(), Value::from(kind_of));
            if let Some(how) = format {
                f.insert("description".into(), Value::from(how));
            }
            let mut constraints = Map::new();
            if name == "id" {
                constraints.insert("required".into(), Value::Bool(true));
                constraints.insert("unique".into(), Value::Bool(true));
            }
            if let Some(codes) = description.codes(name) {
                constraints.insert("enum".into(), Value::from((codes.values)()));
            }
            if !constraints.is_empty() {
                f.insert("constraints".into(), Value::Object(constraints));
            }
            fields.push(Value::Object(f));
        }
    }
    serde_json::json!({"fields": fields, "primaryKey": ["id"], "missingValues": [""]})
}

/// Something wrong in an import file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line in the file where the record starts (0 when unknown).
    pub line: usize,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem found in an import file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ImportErrors(pub Vec<RowError>);

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl ImportErrors {
    fn file(message: impl Into<String>) -> ImportErrors {
        ImportErrors(vec![RowError {
            line: 0,
            field: None,
            message: message.into(),
        }])
    }
}

fn invalid_rows(line: usize, invalid: Invalid) -> impl Iterator<Item = RowError> {
    invalid.0.into_iter().map(move |e| RowError {
        line,
        field: Some(e.field),
        message: e.message,
    })
}

/// A record read from a file, with the line it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub line: usize,
    pub record: AnyRecord,
}

/// Reads and validates a CSV file of one kind (detected from the header
/// when not given).
pub fn read_csv(kind: Option<Kind>, text: &str) -> Result<Vec<Row>, ImportErrors> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| ImportErrors::file(format!("cannot read the CSV header: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let kind = match kind {
        Some(k) => k,
        None => detect_csv_kind(&header)?,
    };
    let cols = columns(kind);
    // Map each header cell to (field, layout, language).
    let mut layout = Vec::with_capacity(header.len());
    let mut errors = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let (base, lang) = match h.split_once('.') {
            Some((b, l)) => (b, Some(l)),
            None => (h.as_str(), None),
        };
        match cols.iter().find(|(n, _)| *n == base) {
            Some((name, Localized)) => match lang.and_then(Lang::parse) {
                Some(l) => layout.push((*name, Localized, Some(l))),
                None => errors.push(RowError {
                    line: 1,
                    field: Some(h.clone()),
                    message: format!("column {} `{h}`: a localized column is written `{name}.fr`, `{name}.en`, `{name}.es` or `{name}.ar`", i + 1),
                }),
            },
            Some((name, col)) if lang.is_none() => layout.push((*name, *col, None)),
            _ => errors.push(RowError {
                line: 1,
                field: Some(h.clone()),
                message: format!("column {} `{h}` is not a field of {}", i + 1, kind),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(ImportErrors(errors));
    }
    let mut rows = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                errors.push(RowError {
                    line,
                    field: None,
                    message: format!("malformed CSV: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let mut obj = Map::new();
        let mut row_ok = true;
        for ((name, col, lang), cell) in layout.iter().zip(record.iter()) {
            if cell.trim().is_empty() {
                continue;
            }
            match cell_value(*col, cell) {
                Ok(v) => {
                    if let Some(l) = lang {
                        let entry = obj
                            .entry(name.to_string())
                            .or_insert_with(|| Value::Object(Map::new()));
                        if let Value::Object(m) = entry {
                            m.insert(l.code().to_string(), v);
                        }
                    } else {
                        obj.insert(name.to_string(), v);
                    }
                }
                Err(message) => {
                    row_ok = false;
                    errors.push(RowError {
                        line,
                        field: Some(name.to_string()),
                        message,
                    });
                }
            }
        }
        if !row_ok {
            continue;
        }
        match AnyRecord::from_value(kind, Value::Object(obj)).and_then(|r| r.validate().map(|_| r))
        {
            Ok(record) => rows.push(Row { line, record }),
            Err(invalid) => errors.extend(invalid_rows(line, invalid)),
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(ImportErrors(errors))
    }
}

fn detect_csv_kind(header: &[String]) -> Result<Kind, ImportErrors> {
    let has = |c: &str| header.iter().any(|h| h == c);
    let kind = if has("parties") {
        Kind::Agreements
    } else if has("publication_status") || has("implementing_entities") {
        Kind::Practices
    } else if has("modality") || has("description") {
        Kind::Commitments
    } else if has("indicator") {
        Kind::Indicators
    } else if has("publisher") || has("url") {
        Kind::Resources
    } else if has("start_on") && has("kind") {
        Kind::Events
    } else {
        return Err(ImportErrors::file(
            "cannot tell what kind of records this CSV holds from its header; give the kind (--kind agreements|practices|events|commitments|resources|indicators)",
        ));
    };
    Ok(kind)
}

fn cell_value(col: Col, cell: &str) -> Result<Value, String> {
    let cell = cell.trim();
    let json = |cell: &str| {
        serde_json::from_str::<Value>(cell).map_err(|e| format!("expected JSON in this cell: {e}"))
    };
    Ok(match col {
        // A text written per language is a JSON object in its cell.
        Text if cell.starts_with('{') => match serde_json::from_str::<Value>(cell) {
            Ok(v @ Value::Object(_)) => v,
            _ => Value::String(cell.to_string()),
        },
        Text | Localized => Value::String(cell.to_string()),
        Int => Value::from(
            cell.parse::<i64>()
                .map_err(|_| format!("`{cell}` is not a whole number"))?,
        ),
        Num => {
            let n: f64 = cell
                .parse()
                .map_err(|_| format!("`{cell}` is not a number"))?;
            serde_json::Number::from_f64(n)
                .map(Value::Number)
                .ok_or_else(|| format!("`{cell}` is not a finite number"))?
        }
        Bool => match cell.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Value::Bool(true),
            "false" | "no" | "0" => Value::Bool(false),
            _ => return Err(format!("`{cell}` is not true or false")),
        },
        Json => json(cell)?,
        List if cell.starts_with('[') => json(cell)?,
        List => Value::Array(split(cell).map(|s| Value::String(s.to_string())).collect()),
        IntList => Value::Array(
            split(cell)
                .map(|s| {
                    s.parse::<i64>()
                        .map(Value::from)
                        .map_err(|_| format!("`{s}` is not a whole number"))
                })
                .collect::<Result<_, _>>()?,
        ),
        Parties if cell.starts_with('[') => json(cell)?,
        Parties => Value::Array(
            split(cell)
                .map(|p| match p.split_once(':') {
                    Some((c, r)) => Ok(serde_json::json!({"country": c.trim(), "role": r.trim()})),
                    None => Err(format!(
                        "party `{p}` should be written COUNTRY:role, e.g. MA:origin"
                    )),
                })
                .collect::<Result<_, _>>()?,
        ),
    })
}

fn split(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Writes records of one kind as CSV.
pub fn write_csv(kind: Kind, records: &[Value]) -> String {
    let mut out = csv_header_line(kind);
    out.push_str(&csv_rows(kind, records));
    out
}

/// The header line of a kind's CSV, with its line end.
pub fn csv_header_line(kind: Kind) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(csv_header(kind)).expect("write to memory");
    String::from_utf8(w.into_inner().expect("flush to memory")).expect("CSV of UTF-8 is UTF-8")
}

/// CSV lines of `records`, without the header: a download is written a
/// page of records at a time.
pub fn csv_rows(kind: Kind, records: &[Value]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in records {
        w.write_record(csv_cells(kind, r)).expect("write to memory");
    }
    String::from_utf8(w.into_inner().expect("flush to memory")).expect("CSV of UTF-8 is UTF-8")
}

fn csv_cells(kind: Kind, record: &Value) -> Vec<String> {
    let mut cells = Vec::new();
    for (name, col) in columns(kind) {
        let v = record.get(name).unwrap_or(&Value::Null);
        if col == Localized {
            for l in Lang::ALL {
                cells.push(
                    v.get(l.code())
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                );
            }
            continue;
        }
        let cell = match (col, v) {
            (_, Value::Null) => String::new(),
            (_, Value::String(s)) => s.clone(),
            (Parties, Value::Array(items)) => items
                .iter()
                .map(|p| {
                    format!(
                        "{}:{}",
                        p["country"].as_str().unwrap_or(""),
                        p["role"].as_str().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join("|"),
            (List | IntList, Value::Array(items)) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| match i {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect();
                let plain = items.iter().all(|i| !i.is_object() && !i.is_array());
                if !plain || parts.iter().any(|p| p.contains('|') || p.starts_with('[')) {
                    v.to_string()
                } else {
                    parts.join("|")
                }
            }
            (Json, v) => v.to_string(),
            (_, v) => v.to_string(),
        };
        cells.push(cell);
    }
    cells
}

/// Reads and validates a JSON file: an array of records of one kind, or an
/// object keyed by kind (`{"agreements": [...], "events": [...]}`).
pub fn read_json(kind: Option<Kind>, text: &str) -> Result<Vec<Row>, ImportErrors> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let located = |e: serde_json::Error| {
        ImportErrors(vec![RowError {
            line: e.line(),
            field: None,
            message: format!("invalid JSON: {e}"),
        }])
    };
    let first = text.trim_start().chars().next();
    let groups: Vec<(Option<Kind>, Vec<&serde_json::value::RawValue>)> = match first {
        Some('[') => vec![(kind, serde_json::from_str(text).map_err(located)?)],
        Some('{') => {
            let map: std::collections::BTreeMap<String, Vec<&serde_json::value::RawValue>> =
                serde_json::from_str(text).map_err(located)?;
            let mut groups = Vec::new();
            for (key, items) in map {
                let k: Kind = key.parse().map_err(ImportErrors::file)?;
                if kind.is_some_and(|want| want != k) {
                    continue;
                }
                groups.push((Some(k), items));
            }
            groups
        }
        _ => {
            return Err(ImportErrors::file(
                "a JSON import is an array of records, or an object whose keys are kinds (agreements, practices, ...)",
            ));
        }
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    // Where each line ends, once: a record's line is then a binary search,
    // not a count from the top of the file for every record (which made
    // large imports quadratic).
    let line_ends: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    for (k, items) in groups {
        for raw in items {
            let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
            let line = line_ends.partition_point(|&end| end < offset) + 1;
            let value: Value = serde_json::from_str(raw.get()).map_err(located)?;
            let k = match k.or_else(|| detect_json_kind(&value)) {
                Some(k) => k,
                None => {
                    errors.push(RowError {
                        line,
                        field: None,
                        message: "cannot tell what kind of record this is; give the kind (--kind)"
                            .into(),
                    });
                    continue;
                }
            };
            match AnyRecord::from_value(k, value).and_then(|r| r.validate().map(|_| r)) {
                Ok(record) => rows.push(Row { line, record }),
                Err(invalid) => errors.extend(invalid_rows(line, invalid)),
            }
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(ImportErrors(errors))
    }
}

fn detect_json_kind(v: &Value) -> Option<Kind> {
    let has = |k: &str| v.get(k).is_some();
    Some(if has("parties") {
        Kind::Agreements
    } else if has("modality") {
        Kind::Commitments
    } else if has("indicator") {
        Kind::Indicators
    } else if has("publication_status") || has("implementing_entities") || has("sdgs") {
        Kind::Practices
    } else if has("start_on") && has("kind") {
        Kind::Events
    } else if has("publisher") || has("url") || has("document") {
        Kind::Resources
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LocalText;

    const AGREEMENTS: &str = "id,title,type,status,parties,signed_on,objectives,summary.fr\n\
        a1,Convention,bilateral_agreement,in_force,FR:destination|MA:origin,1963-06-01,5|6,Texte\n\
        a2,Bad,bilateral_agreement,in_force,FR:destination,1963-06-01,,\n\
        a3,Worse,treaty,in_force,FR:destination|ZZ:origin,1963-06-01,,\n";

    #[test]
    fn csv_errors_name_line_and_field() {
        let err = read_csv(None, AGREEMENTS).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("line 3: parties: an agreement needs at least two parties"),
            "{text}"
        );
        assert!(
            text.contains("line 4: type: unknown variant `treaty`"),
            "{text}"
        );
        assert!(!text.contains("line 2"), "{text}");
    }

    #[test]
    fn csv_round_trips() {
        let good: String = AGREEMENTS
            .lines()
            .take(2)
            .map(|l| format!("{l}\n"))
            .collect();
        let rows = read_csv(None, &good).unwrap();
        assert_eq!(rows.len(), 1);
        let values: Vec<Value> = rows.iter().map(|r| r.record.to_value()).collect();
        let written = write_csv(Kind::Agreements, &values);
        let again = read_csv(None, &written).unwrap();
        assert_eq!(rows[0].record, again[0].record);
    }

    #[test]
    fn lists_with_separators_survive() {
        let v = serde_json::json!({"title": "x", "type": "mou", "status": "signed",
            "parties": [{"country": "FR", "role": "both"}, {"country": "MA", "role": "both"}],
            "implementing_agencies": ["A|B", "C"]});
        let csv = write_csv(Kind::Agreements, &[v]);
        let rows = read_csv(Some(Kind::Agreements), &csv).unwrap();
        match &rows[0].record {
            AnyRecord::Agreement(a) => assert_eq!(
                a.implementing_agencies,
                vec![LocalText::from("A|B"), LocalText::from("C")]
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_and_notes_in_several_languages_survive_csv() {
        let v = serde_json::json!({"title": "x", "type": "mou", "status": "signed",
            "parties": [{"country": "FR", "role": "both"}, {"country": "MA", "role": "both"}],
            "implementing_agencies": ["ANAPEC", {"en": "Joint Committee", "fr": "Comité mixte"}],
            "notes": {"en": "Coded from the gazette.", "ar": "رُمِّز من الجريدة الرسمية."},
            "place_signed": "Rabat"});
        let csv = write_csv(Kind::Agreements, std::slice::from_ref(&v));
        let rows = read_csv(Some(Kind::Agreements), &csv).unwrap();
        let AnyRecord::Agreement(a) = &rows[0].record else {
            panic!("{:?}", rows[0].record)
        };
        assert_eq!(a.implementing_agencies[0], LocalText::from("ANAPEC"));
        assert_eq!(
            a.implementing_agencies[1].best(Lang::Fr),
            ("Comité mixte", None)
        );
        assert_eq!(
            a.notes.as_ref().unwrap().best(Lang::Fr),
            ("Coded from the gazette.", Some(Lang::En)),
            "a missing language falls back to English, marked"
        );
        assert_eq!(a.place_signed, Some(LocalText::from("Rabat")));
    }

    #[test]
    fn json_errors_name_the_line() {
        let text = "[\n {\"title\": \"ok\", \"type\": \"mou\", \"status\": \"signed\", \"parties\": [{\"country\": \"FR\", \"role\": \"both\"}, {\"country\": \"MA\", \"role\": \"both\"}]},\n {\"title\": \"bad\", \"type\": \"mou\", \"status\": \"signed\", \"parties\": [{\"country\": \"FR\", \"role\": \"boss\"}]}\n]";
        let err = read_json(None, text).unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].line, 3);
        assert_eq!(err.0[0].field.as_deref(), Some("parties[0].role"));
    }
}
