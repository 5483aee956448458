//! Spreadsheets people open: a list's selection as XLSX, or as CSV for
//! spreadsheet programs (UTF-8 with a byte order mark, the list separator
//! of the reader's locale), with headers and values in the reader's
//! language: countries, types, statuses, sectors and objectives by name,
//! one readable sources column, the record's page. The machine CSV and
//! JSON, which `passerelle import` reads back, are `records::export`.
//!
//! The words are the pages' own: facet labels (`filters::label`), field
//! labels of the record pages, and `column-*` messages for the rest.

use passerelle_domain::{Kind, Lang};
use serde_json::Value;

use crate::pages::{filters, i18n, view};

/// The spreadsheet formats of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sheet {
    Xlsx,
    /// CSV for spreadsheet programs.
    CsvExcel,
}

impl Sheet {
    pub(super) fn parse(format: &str) -> Option<Sheet> {
        match format {
            "xlsx" => Some(Sheet::Xlsx),
            "csv-excel" => Some(Sheet::CsvExcel),
            _ => None,
        }
    }
}

/// How a column's cell is written.
#[derive(Clone, Copy)]
enum Cell {
    /// The field as it is (a name, a date, a number).
    Text,
    /// The record's title in the reader's language, else its own.
    Title,
    /// A text given per language (`summary`): the reader's, else another.
    Localized,
    /// A code named as its list's facet names it (`type`, `status`,
    /// `country`, `sector`...).
    Facet(&'static str),
    /// Codes named by the messages `PREFIX` + code.
    Coded(&'static str),
    /// A list of plain names.
    Names,
    /// Languages by name.
    Languages,
    /// Countries with their role in the agreement.
    Parties,
    /// Sources: each title and address, one a line.
    Sources,
    /// A unit by name.
    Unit,
    /// The record's page, in the reader's language.
    Page,
}

use Cell::*;

/// A column: the field it shows, the message that heads it, how.
struct Column(&'static str, &'static str, Cell);

fn columns(kind: Kind) -> &'static [Column] {
    match kind {
        Kind::Agreements => &[
            Column("id", "column-id", Text),
            Column("title", "column-title", Title),
            Column("type", "facet-type", Facet("type")),
            Column("status", "facet-status", Facet("status")),
            Column("parties", "agreement-parties", Parties),
            Column("signed_on", "agreement-signed-on", Text),
            Column("in_force_on", "agreement-in-force-on", Text),
            Column("expires_on", "agreement-expires-on", Text),
            Column("place_signed", "agreement-place", Text),
            Column("languages", "agreement-languages", Languages),
            Column("sectors", "agreement-sectors", Facet("sector")),
            Column("occupations", "agreement-occupations", Facet("occupation")),
            Column("implementing_agencies", "agreement-agencies", Names),
            Column("objectives", "facet-objective", Facet("objective")),
            Column("summary", "column-summary", Localized),
            Column("sources", "column-sources", Sources),
            Column("page", "column-page", Page),
        ],
        Kind::Practices => &[
            Column("id", "column-id", Text),
            Column("title", "column-title", Title),
            Column("type", "practice-type", Facet("type")),
            Column("countries", "column-countries", Facet("country")),
            Column("implementing_entities", "practice-entities", Names),
            Column("start_on", "column-start", Text),
            Column("end_on", "column-end", Text),
            Column("objectives", "facet-objective", Facet("objective")),
            Column("summary", "column-summary", Localized),
            Column("sources", "column-sources", Sources),
            Column("page", "column-page", Page),
        ],
        Kind::Events => &[
            Column("id", "column-id", Text),
            Column("title", "column-title", Title),
            Column("kind", "facet-kind", Coded("event-kind-")),
            Column("start_on", "column-start", Text),
            Column("end_on", "column-end", Text),
            Column("place", "event-where", Text),
            Column("format", "event-format", Coded("event-format-")),
            Column("countries", "column-countries", Facet("country")),
            Column("organisations", "event-organisers", Names),
            Column("objectives", "facet-objective", Facet("objective")),
            Column("summary", "column-summary", Localized),
            Column("sources", "column-sources", Sources),
            Column("page", "column-page", Page),
        ],
        Kind::Commitments => &[
            Column("id", "column-id", Text),
            Column("title", "column-title", Title),
            Column("kind", "commitment-kind", Coded("commitment-kind-")),
            Column("modality", "commitment-modality", Text),
            Column("countries", "column-countries", Facet("country")),
            Column("organisations", "event-organisers", Names),
            Column("target_on", "commitment-target", Text),
            Column("status", "facet-status", Coded("commitment-status-")),
            Column("objectives", "facet-objective", Facet("objective")),
            Column("summary", "column-summary", Localized),
            Column("sources", "column-sources", Sources),
            Column("page", "column-page", Page),
        ],
        Kind::Resources => &[
            Column("id", "column-id", Text),
            Column("title", "column-title", Title),
            Column("type", "facet-type", Facet("type")),
            Column("publisher", "resource-publisher", Text),
            Column("published_on", "resource-published", Text),
            Column("languages", "facet-language", Languages),
            Column("countries", "column-countries", Facet("country")),
            Column("objectives", "facet-objective", Facet("objective")),
            Column("url", "column-link", Text),
            Column("summary", "column-summary", Localized),
            Column("sources", "column-sources", Sources),
            Column("page", "column-page", Page),
        ],
        Kind::Indicators => &[
            Column("id", "column-id", Text),
            Column("indicator", "column-indicator", Coded("indicator-")),
            Column("country", "facet-country", Facet("country")),
            Column("origin", "facet-origin", Facet("country")),
            Column("destination", "facet-destination", Facet("country")),
            Column("year", "facet-year", Text),
            Column("value", "column-value", Text),
            Column("unit", "column-unit", Unit),
            Column("source", "column-sources", Sources),
            Column("note", "column-note", Text),
        ],
    }
}

/// Plain text: no marks isolating a value's direction (a spreadsheet cell
/// is laid out by the program).
fn plain(s: String) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

/// A message in `lang` as plain text.
pub(super) fn words(lang: Lang, key: &str) -> String {
    plain(i18n::tr(lang, key, &[]))
}

/// The message naming `kind`'s list (a sheet's name, a dataset's title).
pub(super) fn list_title_key(kind: Kind) -> String {
    match kind {
        Kind::Indicators => "nav-data".into(),
        _ => format!("nav-{kind}"),
    }
}

/// The header row of `kind`'s sheet in `lang`.
pub(super) fn header(kind: Kind, lang: Lang) -> Vec<String> {
    columns(kind)
        .iter()
        .map(|Column(_, key, _)| words(lang, key))
        .collect()
}

/// One record's row. `base` starts the page addresses.
pub(super) fn row(kind: Kind, record: &Value, lang: Lang, base: &str) -> Vec<String> {
    columns(kind)
        .iter()
        .map(|&Column(field, _, cell)| plain(cell_text(kind, record, field, cell, lang, base)))
        .collect()
}

fn codes(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(codes).collect(),
        Value::String(s) if !s.is_empty() => vec![s.clone()],
        Value::Number(n) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn cell_text(
    kind: Kind,
    record: &Value,
    field: &str,
    cell: Cell,
    lang: Lang,
    base: &str,
) -> String {
    let value = &record[field];
    let join = |names: Vec<String>| names.join("; ");
    match cell {
        Text => match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => String::new(),
        },
        Title => view::title_of(lang, record),
        Localized => {
            let order = std::iter::once(lang.code()).chain(Lang::ALL.iter().map(|l| l.code()));
            order
                .filter_map(|code| value[code].as_str())
                .find(|s| !s.trim().is_empty())
                .unwrap_or_default()
                .to_string()
        }
        Facet(dim) => join(
            codes(value)
                .iter()
                .map(|c| filters::label(dim, c, kind, lang))
                .collect(),
        ),
        Coded(prefix) => join(
            codes(value)
                .iter()
                .map(|c| {
                    i18n::try_tr(lang, &format!("{prefix}{c}"))
                        .unwrap_or_else(|| c.replace('_', " "))
                })
                .collect(),
        ),
        Names => join(codes(value)),
        Languages => join(
            codes(value)
                .iter()
                .map(|c| {
                    i18n::try_tr(lang, &format!("language-name-{c}")).unwrap_or_else(|| c.clone())
                })
                .collect(),
        ),
        Parties => join(
            value
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    let country =
                        filters::label("country", p["country"].as_str().unwrap_or(""), kind, lang);
                    match p["role"].as_str() {
                        Some(role) => format!(
                            "{country} ({})",
                            i18n::tr(lang, &format!("role-{role}"), &[])
                        ),
                        None => country,
                    }
                })
                .collect(),
        ),
        Sources => {
            let one = |s: &Value| {
                let url = s["url"].as_str().unwrap_or_default();
                match s["title"].as_str().filter(|t| !t.is_empty()) {
                    Some(title) if !url.is_empty() => format!("{title} — {url}"),
                    Some(title) => title.to_string(),
                    None => url.to_string(),
                }
            };
            match value {
                Value::Array(items) => items.iter().map(one).collect::<Vec<_>>().join("\n"),
                Value::Object(_) => one(value),
                _ => String::new(),
            }
        }
        Unit => value
            .as_str()
            .map(|u| view::unit_label(lang, u))
            .unwrap_or_default(),
        Page => {
            let key = record["slug"]
                .as_str()
                .or(record["id"].as_str())
                .unwrap_or_default();
            format!("{base}/{}/{}/{key}", lang.code(), kind.as_str())
        }
    }
}

/// The list separator spreadsheet programs expect in `lang`'s locales:
/// where the decimal mark is a comma (French, Spanish, Arabic locales), a
/// semicolon.
pub(super) fn separator(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        _ => ';',
    }
}

/// One CSV line with `sep`, each field quoted when it holds the
/// separator, a quote or a line break.
pub(super) fn csv_line(fields: &[String], sep: char) -> String {
    let mut line = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(sep);
        }
        if f.contains([sep, '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&f.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(f);
        }
    }
    line.push_str("\r\n");
    line
}

/// A workbook with one sheet of `rows` under `header`, the header bold
/// and frozen, columns sized to their content (up to a width), long texts
/// wrapped. Written row by row in constant memory.
pub(super) fn xlsx(
    title: &str,
    header: &[String],
    rows: impl Iterator<Item = Vec<String>>,
    rtl: bool,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let sheet = workbook.add_worksheet_with_constant_memory();
    // Sheet names are at most 31 characters, without []:*?/\.
    let name: String = title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    sheet.set_name(name)?;
    if rtl {
        sheet.set_right_to_left(true);
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in rows.enumerate() {
        for (c, value) in row.iter().enumerate() {
            let longest = value.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            widths[c] = widths[c].max(longest);
            if value.contains('\n') || value.chars().count() > 60 {
                sheet.write_string_with_format(r as u32 + 1, c as u16, value, &wrap)?;
            } else {
                sheet.write_string(r as u32 + 1, c as u16, value)?;
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).clamp(8, 60) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every column of every kind is headed by words in every language,
    /// never by a message key.
    #[test]
    fn every_header_has_words_in_every_language() {
        for kind in Kind::ALL {
            for lang in Lang::ALL {
                for Column(field, key, _) in columns(kind) {
                    assert!(
                        i18n::try_tr(lang, key).is_some(),
                        "{kind} {field}: no `{key}` in {lang:?}"
                    );
                }
                assert_eq!(header(kind, lang).len(), columns(kind).len());
            }
        }
    }

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        let fields = ["a".to_string(), "b;c".into(), "d\"e".into(), "f\ng".into()];
        assert_eq!(csv_line(&fields, ';'), "a;\"b;c\";\"d\"\"e\";\"f\ng\"\r\n");
        assert_eq!(csv_line(&fields, ','), "a,b;c,\"d\"\"e\",\"f\ng\"\r\n");
    }
}
