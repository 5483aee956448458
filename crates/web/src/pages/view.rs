//! The templates and what they may call: `t` for interface strings, and
//! filters that show reference codes and records in the page's language.

use minijinja::value::{Kwargs, Rest};
use minijinja::{Environment, Error, State, Value};
use passerelle_domain::{Lang, reference};

use super::i18n;

pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("error.html", include_str!("../../templates/error.html")),
    (
        "scorecard.html",
        include_str!("../../templates/scorecard.html"),
    ),
    ("home.html", include_str!("../../templates/home.html")),
    (
        "agreements.html",
        include_str!("../../templates/agreements.html"),
    ),
    (
        "agreement.html",
        include_str!("../../templates/agreement.html"),
    ),
    ("compare.html", include_str!("../../templates/compare.html")),
    ("draft.html", include_str!("../../templates/draft.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("records.html", include_str!("../../templates/records.html")),
    ("record.html", include_str!("../../templates/record.html")),
    ("text.html", include_str!("../../templates/text.html")),
    (
        "countries.html",
        include_str!("../../templates/countries.html"),
    ),
    ("country.html", include_str!("../../templates/country.html")),
    ("gcm.html", include_str!("../../templates/gcm.html")),
    ("sdgs.html", include_str!("../../templates/sdgs.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("about.html", include_str!("../../templates/about.html")),
    ("sign_in.html", include_str!("../../templates/sign_in.html")),
    ("account.html", include_str!("../../templates/account.html")),
    ("users.html", include_str!("../../templates/users.html")),
    ("audit.html", include_str!("../../templates/audit.html")),
    ("review.html", include_str!("../../templates/review.html")),
    (
        "contribute.html",
        include_str!("../../templates/contribute.html"),
    ),
    (
        "correction.html",
        include_str!("../../templates/correction.html"),
    ),
    (
        "corrections.html",
        include_str!("../../templates/corrections.html"),
    ),
    (
        "history_table.html",
        include_str!("../../templates/history_table.html"),
    ),
];

/// The page's language, from the `lang` variable every page has.
fn lang(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or(Lang::En)
}

/// `t("key", count=3)`: the interface string in the page's language.
fn t(state: &State, key: &str, kwargs: Kwargs) -> Result<String, Error> {
    let mut args: Vec<(String, fluent_bundle::FluentValue)> = Vec::new();
    for name in kwargs.args() {
        let v: Value = kwargs.get(name)?;
        let fv = match (v.as_i64(), v.as_str()) {
            (Some(n), _) => fluent_bundle::FluentValue::from(n),
            (None, Some(s)) => fluent_bundle::FluentValue::from(s.to_string()),
            _ => fluent_bundle::FluentValue::from(v.to_string()),
        };
        args.push((name.to_string(), fv));
    }
    let args: Vec<(&str, fluent_bundle::FluentValue)> =
        args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    Ok(i18n::tr(lang(state), key, &args))
}

/// A field's problem in `lang`: its translation when it has a known code,
/// else the English message.
pub fn field_error_text(lang: Lang, e: &passerelle_domain::FieldError) -> String {
    let Some(code) = &e.code else {
        return e.message.clone();
    };
    let key = format!("invalid-{code}");
    let args: Vec<(&str, fluent_bundle::FluentValue)> = e
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), fluent_bundle::FluentValue::from(v.as_str())))
        .collect();
    let text = i18n::tr(lang, &key, &args);
    if text == key { e.message.clone() } else { text }
}

/// `field_error(e)` for an error of a problem's `errors`.
fn field_error(state: &State, e: Value) -> String {
    let parsed: Option<passerelle_domain::FieldError> = serde_json::to_value(&e)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok());
    match parsed {
        Some(fe) => field_error_text(lang(state), &fe),
        None => e
            .get_attr("message")
            .map(|m| m.to_string())
            .unwrap_or_default(),
    }
}

/// A country's name from its alpha-2 code (the code if unknown).
fn country(state: &State, code: &str) -> String {
    reference::country(code)
        .map(|c| c.names.get(lang(state)).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn region(state: &State, code: &str) -> String {
    reference::region(code)
        .map(|r| r.names.get(lang(state)).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// A GCM objective's short label.
fn objective(state: &State, number: Value) -> String {
    let n = number
        .as_i64()
        .or_else(|| number.as_str().and_then(|s| s.parse().ok()));
    n.and_then(|n| u8::try_from(n).ok())
        .and_then(reference::objective)
        .map(|o| o.label.get(lang(state)).to_string())
        .unwrap_or_else(|| number.to_string())
}

fn principle(state: &State, id: &str) -> String {
    reference::principles()
        .iter()
        .find(|p| p.id.id() == id)
        .map(|p| p.label.get(lang(state)).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// Text of a `{"fr": …, "en": …}` map in the page's language, else
/// English, else any.
fn loc(state: &State, map: Value) -> Option<String> {
    let l = lang(state);
    let get = |code: &str| {
        map.get_attr(code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .filter(|s| !s.trim().is_empty())
    };
    get(l.code())
        .or_else(|| get("en"))
        .or_else(|| Lang::ALL.iter().find_map(|o| get(o.code())))
        .map(|s| isolate_latin(l, &s))
}

/// On Arabic pages, each run of Latin script (a name, an acronym, a title
/// left in its language) is wrapped in Unicode isolates (FSI … PDI), so the
/// bidirectional algorithm keeps it in order with the punctuation and
/// digits around it ("ANAPEC ;selección" otherwise). Other pages, and text
/// with no Latin letter, are left as they are.
pub fn isolate_latin(lang: Lang, text: &str) -> String {
    const FSI: char = '\u{2068}';
    const PDI: char = '\u{2069}';
    if lang != Lang::Ar || !text.chars().any(is_latin) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == FSI {
            // Already isolated: copied as it is, up to its PDI.
            let close = chars[i..]
                .iter()
                .position(|&c| c == PDI)
                .map_or(chars.len(), |p| i + p + 1);
            out.extend(&chars[i..close]);
            i = close;
            continue;
        }
        if !is_latin(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run goes on through Latin letters, digits and neutral
        // characters up to the last Latin letter or digit before the next
        // Arabic letter (or the end).
        let mut end = i + 1;
        let mut j = i + 1;
        while j < chars.len() && !is_arabic(chars[j]) && chars[j] != PDI {
            if is_latin(chars[j]) || chars[j].is_ascii_digit() {
                end = j + 1;
            }
            j += 1;
        }
        out.push(FSI);
        out.extend(&chars[i..end]);
        out.push(PDI);
        i = end;
    }
    out
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c) && c != '\u{00D7}' && c != '\u{00F7}'
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
        || ('\u{0750}'..='\u{077F}').contains(&c)
        || ('\u{08A0}'..='\u{08FF}').contains(&c)
        || ('\u{FB50}'..='\u{FDFF}').contains(&c)
        || ('\u{FE70}'..='\u{FEFF}').contains(&c)
}

/// A record's title in the page's language: its translation, or the
/// original when written in that language; else English; else the
/// original.
fn title(state: &State, record: Value) -> String {
    let l = lang(state);
    isolate_latin(l, &title_and_lang(l, &record).0)
}

/// The language a record's title is shown in, for the `lang` attribute.
fn title_lang(state: &State, record: Value) -> String {
    title_and_lang(lang(state), &record).1
}

/// A record's title in `l`, else in English, else its own (for the
/// spreadsheets, outside templates).
pub fn title_of(l: Lang, record: &serde_json::Value) -> String {
    title_and_lang(l, &val(record)).0
}

fn title_and_lang(l: Lang, record: &Value) -> (String, String) {
    let text = |v: Result<Value, Error>| {
        v.ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .filter(|s| !s.trim().is_empty())
    };
    let translated = |code: &str| text(record.get_attr("titles").and_then(|m| m.get_attr(code)));
    let original = text(record.get_attr("title")).unwrap_or_default();
    let original_lang = text(record.get_attr("title_language"));
    if let Some(t) = translated(l.code()) {
        return (t, l.code().into());
    }
    if original_lang.as_deref() == Some(l.code()) {
        return (original, l.code().into());
    }
    if let Some(t) = translated("en") {
        return (t, "en".into());
    }
    (original, original_lang.unwrap_or_default())
}

/// `"in_force" | label("status")`: the translated label of a code.
fn label(state: &State, code: Value, prefix: &str) -> String {
    let code = code
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| code.to_string());
    i18n::tr(lang(state), &format!("{prefix}-{code}"), &[])
}

/// Text with byte ranges marked: `text | marked(ranges)` gives safe HTML
/// with each range in `<mark>`, everything else escaped.
fn marked(text: &str, ranges: Value) -> Result<Value, Error> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    if let Ok(iter) = ranges.try_iter() {
        for r in iter {
            let (Some(a), Some(b)) = (
                r.get_item_by_index(0).ok().and_then(|v| v.as_usize()),
                r.get_item_by_index(1).ok().and_then(|v| v.as_usize()),
            ) else {
                continue;
            };
            spans.push((a, b));
        }
    }
    Ok(Value::from_safe_string(mark(text, 0, text.len(), &spans)))
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `text[from..to]` escaped, with the parts of `spans` (byte ranges of
/// `text`) inside it in `<mark>`; offsets inside a character are moved
/// back to its start.
pub fn mark(text: &str, from: usize, to: usize, spans: &[(usize, usize)]) -> String {
    let spans: Vec<(usize, usize, Option<&str>)> =
        spans.iter().map(|&(a, b)| (a, b, None)).collect();
    mark_classed(text, from, to, &spans)
}

/// [`mark`] with a class on some spans (`<mark class="against">`); where
/// spans overlap, the first one (in text order) wins.
pub fn mark_classed(
    text: &str,
    from: usize,
    to: usize,
    spans: &[(usize, usize, Option<&str>)],
) -> String {
    let (from, to) = (floor_boundary(text, from), floor_boundary(text, to));
    let mut spans = spans.to_vec();
    spans.sort();
    let mut out = String::with_capacity(to.saturating_sub(from) + 32);
    let mut at = from;
    for (a, b, class) in spans {
        let (a, b) = (
            floor_boundary(text, a.max(at)),
            floor_boundary(text, b.min(to)),
        );
        if a >= b {
            continue;
        }
        out.push_str(&escape(&text[at..a]));
        match class {
            Some(c) => {
                out.push_str("<mark class=\"");
                out.push_str(c);
                out.push_str("\">");
            }
            None => out.push_str("<mark>"),
        }
        out.push_str(&escape(&text[a..b]));
        out.push_str("</mark>");
        at = b;
    }
    out.push_str(&escape(&text[at..to.max(at)]));
    out
}

/// A query string with one parameter set (or removed when `value` is
/// none), the others kept: for pagination, sorting and facet links.
fn with_param(query: &str, key: &str, value: Option<Value>, rest: Rest<Value>) -> String {
    let mut pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .into_owned()
            .filter(|(k, _)| k != key && k != "page")
            .collect();
    if let Some(v) = value.filter(|v| !v.is_none() && !v.is_undefined()) {
        pairs.push((
            key.to_string(),
            v.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string()),
        ));
    }
    // Extra pairs: key, value, key, value…
    for pair in rest.0.chunks(2) {
        if let [k, v] = pair
            && let Some(k) = k.as_str()
        {
            pairs.retain(|(pk, _)| pk != k);
            if !v.is_none() && !v.is_undefined() {
                pairs.push((
                    k.to_string(),
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string()),
                ));
            }
        }
    }
    let q = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    if q.is_empty() {
        String::new()
    } else {
        format!("?{q}")
    }
}

/// Whether a query string has `key=value` (as one of comma-separated
/// values).
fn has_param(query: &str, key: &str, value: Value) -> bool {
    let value = value
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| value.to_string());
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .any(|(k, v)| k == key && v.split(',').any(|x| x.trim() == value))
}

/// At most `n` characters, cut at a word, with "…" when cut.
fn truncate(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_string();
    }
    let cut: String = text.chars().take(n).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end())
}

/// An indicator's name: translated when the interface knows it, else its
/// code in words (`workers_admitted` → "workers admitted").
pub fn indicator_label(lang: Lang, code: &str) -> String {
    let key = format!("indicator-{code}");
    let label = i18n::tr(lang, &key, &[]);
    if label == key {
        code.replace('_', " ")
    } else {
        label
    }
}

fn indicator(state: &State, code: &str) -> String {
    indicator_label(lang(state), code)
}

/// A figure as the page's language writes it: thousands grouped (a narrow
/// no-break space in French and Arabic, a point in Spanish, a comma in
/// English), a decimal comma but in English, at most two decimals and no
/// needless ".0".
fn num(state: &State, x: f64) -> String {
    format_number(lang(state), x)
}

pub fn format_number(lang: Lang, x: f64) -> String {
    let (group, decimal) = match lang {
        Lang::Fr | Lang::Ar => ('\u{202f}', ','),
        Lang::Es => ('.', ','),
        Lang::En => (',', '.'),
    };
    let rounded = (x * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let whole = rounded.abs().trunc() as u64;
    let cents = ((rounded.abs() - rounded.abs().trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        // Spanish leaves four-digit numbers whole (2023, 1500).
        let grouped = !(lang == Lang::Es && digits.len() <= 4);
        if i > 0 && (digits.len() - i).is_multiple_of(3) && grouped {
            out.push(group);
        }
        out.push(d);
    }
    if cents > 0 {
        out.push(decimal);
        let c = format!("{cents:02}");
        out.push_str(c.trim_end_matches('0'));
    }
    out
}

/// A large number in words, as a reader says it: "11,8 milliards",
/// "11.8 billion", "11,8 mil millones", "11,8 مليار"; `None` under a
/// million, where the digits read well enough.
pub fn number_words(lang: Lang, x: f64) -> Option<String> {
    let (scale, big) = if x.abs() >= 1e9 {
        (1e9, true)
    } else if x.abs() >= 1e6 {
        (1e6, false)
    } else {
        return None;
    };
    let n = (x / scale * 10.0).round() / 10.0;
    let figure = format_number(lang, n);
    let plural = n.abs() >= 2.0;
    let word = match (lang, big) {
        (Lang::Fr, true) => {
            if plural {
                "milliards"
            } else {
                "milliard"
            }
        }
        (Lang::Fr, false) => {
            if plural {
                "millions"
            } else {
                "million"
            }
        }
        (Lang::En, true) => "billion",
        (Lang::En, false) => "million",
        (Lang::Es, true) => "mil millones",
        (Lang::Es, false) => {
            if n == 1.0 {
                "millón"
            } else {
                "millones"
            }
        }
        (Lang::Ar, true) => "مليار",
        (Lang::Ar, false) => "مليون",
    };
    Some(format!("{figure} {word}"))
}

/// `{{ x | words }}`: [`number_words`] in the page's language, or nothing.
fn words(state: &State, x: f64) -> String {
    number_words(lang(state), x).unwrap_or_default()
}

/// A date (`2001-07-25`, `2001-07` or `2001`) as the page's language
/// writes it: "25 juillet 2001", "25 July 2001", "25 de julio de 2001",
/// "25 يوليو 2001" (the month names of UN Arabic documents). Anything else
/// is shown as it is.
fn date(state: &State, value: &str) -> String {
    format_date(lang(state), value)
}

pub fn format_date(lang: Lang, value: &str) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    // The names of UN Arabic documents, which the registry's own Arabic
    // texts use too (Maghreb names such as "غشت" would mix two sets).
    const AR: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    let parts: Vec<&str> = value
        .get(..10.min(value.len()))
        .unwrap_or("")
        .split('-')
        .collect();
    let number = |s: &str| s.parse::<u32>().ok();
    let (year, month, day) = match parts[..] {
        [y, m, d] if y.len() == 4 => (y, number(m), number(d)),
        [y, m] if y.len() == 4 => (y, number(m), None),
        [y] if y.len() == 4 && number(y).is_some() => (y, None, None),
        _ => return value.to_string(),
    };
    let Some(m) = month.filter(|m| (1..=12).contains(m)) else {
        return if month.is_none() && day.is_none() {
            year.to_string()
        } else {
            value.to_string()
        };
    };
    let name = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
        Lang::Es => ES,
        Lang::Ar => AR,
    }[m as usize - 1];
    match (day, lang) {
        (Some(1), Lang::Fr) => format!("1er {name} {year}"),
        (Some(d), Lang::Es) => format!("{d} de {name} de {year}"),
        (Some(d), _) => format!("{d} {name} {year}"),
        (None, Lang::Es) => format!("{name} de {year}"),
        (None, _) => format!("{name} {year}"),
    }
}

fn percent(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn register(env: &mut Environment<'static>) {
    env.add_function("t", t);
    env.add_function("field_error", field_error);
    env.add_function("with_param", with_param);
    env.add_function("has_param", has_param);
    env.add_filter("country", country);
    env.add_filter("region", region);
    env.add_filter("objective", objective);
    env.add_filter("principle", principle);
    env.add_filter("loc", loc);
    env.add_filter("title", title);
    env.add_filter("title_lang", title_lang);
    env.add_filter("label", label);
    env.add_filter("marked", marked);
    env.add_filter("percent", percent);
    env.add_filter("truncate", truncate);
    env.add_filter("indicator", indicator);
    env.add_filter("num", num);
    env.add_filter("date", date);
    env.add_test("overdue", overdue);
    env.add_filter("txt", txt);
    env.add_filter("bidi", bidi);
    env.add_filter("sector", sector);
    env.add_filter("language", language);
    env.add_filter("unit", unit);
    env.add_filter("words", words);
    env.add_filter("plain", plain);
}

/// A [`LocalText`](passerelle_domain::LocalText) (a name written once or
/// per language) in the page's language.
fn local_text(lang: Lang, v: &Value) -> (String, Option<Lang>) {
    match serde_json::to_value(v)
        .ok()
        .and_then(|j| serde_json::from_value::<passerelle_domain::LocalText>(j).ok())
    {
        Some(t) => {
            let (s, other) = t.best(lang);
            (s.to_string(), other)
        }
        None => (v.to_string(), None),
    }
}

/// `{{ x | txt }}`: the text isolated for bidirectional display, and when
/// it is in another language than the page's, marked with that language
/// (the stylesheet shows it, screen readers read it in that language).
fn txt(state: &State, v: Value) -> Value {
    let l = lang(state);
    let (text, other) = local_text(l, &v);
    isolated(&isolate_latin(l, &text), other)
}

/// Text in a `<bdi>`, marked with its language when it is not the page's.
fn isolated(text: &str, other: Option<Lang>) -> Value {
    Value::from_safe_string(match other {
        Some(l) => format!(
            "<bdi class=\"fallback\" lang=\"{0}\" data-lang=\"{0}\">{1}</bdi>",
            l.code(),
            escape(text)
        ),
        None => format!("<bdi>{}</bdi>", escape(text)),
    })
}

/// `{{ f.unit | unit }}`: a figure's unit in the page's language when it
/// is one the hub names (`persons`, `usd`…), else as written.
fn unit(state: &State, code: &str) -> String {
    unit_label(lang(state), code)
}

pub fn unit_label(lang: Lang, code: &str) -> String {
    i18n::try_tr(lang, &format!("unit-{code}")).unwrap_or_else(|| code.to_string())
}

/// `{{ text | bidi }}`: Latin runs isolated on Arabic pages.
fn bidi(state: &State, text: &str) -> String {
    isolate_latin(lang(state), text)
}

/// `{{ code | sector }}`: the ISIC section's title in the page's language,
/// or in English marked as such where the reference data has none.
fn sector(state: &State, code: &str) -> Value {
    let l = lang(state);
    let Some(s) = passerelle_domain::reference::sector(code) else {
        return Value::from(code);
    };
    match s.title.0.get(&l) {
        Some(name) => isolated(name, None),
        None => isolated(s.title.get(Lang::En), Some(Lang::En)),
    }
}

/// `{{ code | language }}`: an ISO 639-1 language code as the language's
/// name in the page's language (`fr` → "français" on a French page); a
/// code without a name in the messages stays a code.
fn language(state: &State, code: &str) -> String {
    i18n::try_tr(lang(state), &format!("language-name-{code}")).unwrap_or_else(|| code.to_string())
}

/// `{{ x | plain }}`: the same text without markup, for form fields.
fn plain(state: &State, v: Value) -> String {
    local_text(lang(state), &v).0
}

/// `{% if r is overdue %}`: a commitment past its target date and not
/// completed or withdrawn, by the domain's one rule.
fn overdue(r: &Value) -> bool {
    use passerelle_domain::CommitmentStatus;
    let target = r
        .get_attr("target_on")
        .ok()
        .and_then(|v| v.as_str().and_then(|s| s.parse().ok()));
    let status = r
        .get_attr("status")
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .and_then(|s| serde_json::from_value::<CommitmentStatus>(serde_json::Value::String(s)).ok())
        .unwrap_or_default();
    passerelle_domain::commitment::is_overdue(target, status, passerelle_domain::Date::today())
}

/// Any serializable value as a template value.
pub fn val<T: serde::Serialize>(x: T) -> Value {
    Value::from(minijinja::value::Serde(x))
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn latin_runs_in_arabic_are_isolated_and_other_pages_untouched() {
        assert_eq!(
            isolate_latin(Lang::Ar, "الوكالة ANAPEC؛ الانتقاء"),
            "الوكالة \u{2068}ANAPEC\u{2069}؛ الانتقاء"
        );
        assert_eq!(
            isolate_latin(Lang::Ar, "برنامج THAMM Plus (2024–2026) في"),
            "برنامج \u{2068}THAMM Plus (2024–2026\u{2069}) في",
            "digits inside a Latin run stay with it"
        );
        assert_eq!(
            isolate_latin(Lang::Ar, "selección; ANAPEC"),
            "\u{2068}selección; ANAPEC\u{2069}"
        );
        assert_eq!(isolate_latin(Lang::Ar, "نص عربي 2024"), "نص عربي 2024");
        assert_eq!(
            isolate_latin(Lang::Fr, "ANAPEC ; sélection"),
            "ANAPEC ; sélection"
        );
        let twice = isolate_latin(Lang::Ar, &isolate_latin(Lang::Ar, "مع GIZ و ILO"));
        assert_eq!(twice.matches('\u{2068}').count(), 2, "{twice:?}");
    }

    #[test]
    fn large_numbers_in_words() {
        assert_eq!(
            number_words(Lang::Fr, 11_800_000_000.0).unwrap(),
            "11,8 milliards"
        );
        assert_eq!(
            number_words(Lang::En, 11_800_000_000.0).unwrap(),
            "11.8 billion"
        );
        assert_eq!(
            number_words(Lang::Es, 11_800_000_000.0).unwrap(),
            "11,8 mil millones"
        );
        assert_eq!(number_words(Lang::Ar, 1_500_000.0).unwrap(), "1,5 مليون");
        assert_eq!(number_words(Lang::Fr, 1_500_000.0).unwrap(), "1,5 million");
        assert_eq!(number_words(Lang::Es, 1_000_000.0).unwrap(), "1 millón");
        assert_eq!(number_words(Lang::Fr, 528_182.0), None);
    }

    #[test]
    fn numbers_and_dates_as_each_language_writes_them() {
        assert_eq!(
            format_number(Lang::Fr, 11_800_000_000.0),
            "11\u{202f}800\u{202f}000\u{202f}000"
        );
        assert_eq!(format_number(Lang::En, 11_800_000_000.0), "11,800,000,000");
        assert_eq!(format_number(Lang::Es, 1234567.5), "1.234.567,5");
        assert_eq!(format_number(Lang::Es, 2023.0), "2023");
        assert_eq!(format_number(Lang::Fr, 7.25), "7,25");
        assert_eq!(format_number(Lang::En, -0.5), "-0.5");
        assert_eq!(format_date(Lang::Fr, "2001-07-25"), "25 juillet 2001");
        assert_eq!(format_date(Lang::Fr, "2023-07-01"), "1er juillet 2023");
        assert_eq!(format_date(Lang::Es, "2001-07-25"), "25 de julio de 2001");
        assert_eq!(format_date(Lang::Ar, "2023-08-05"), "5 أغسطس 2023");
        assert_eq!(format_date(Lang::En, "2019-03"), "March 2019");
        assert_eq!(format_date(Lang::En, "1963"), "1963");
        assert_eq!(format_date(Lang::Fr, "not a date"), "not a date");
        assert_eq!(format_date(Lang::Fr, "2001-13-01"), "2001-13-01");
    }
}
