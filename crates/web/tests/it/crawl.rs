//! A visitor's walk: every link reachable from the home page in each
//! language (bounded), over the demo data, without a browser. It fails on
//! any error status, on a message key or an English interface sentence
//! left on a French, Spanish or Arabic page, and on a count that is not
//! the count the API gives for the same selection: the total of a list
//! page, the rows of a corridor page, the facet counts of a list, and
//! every link that announces how many records it leads to (`data-count`:
//! the partners of a country page, the lines of a map).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::TestApp;

const LANGS: [&str; 4] = ["fr", "en", "es", "ar"];

/// Pages fetched and read per language: the demo has fewer, so a walk
/// that reaches the bound has found a link that multiplies pages.
const PAGES_PER_LANG: usize = 900;

/// The kinds whose list pages show a total the API must agree with.
const LISTS: [&str; 5] = [
    "agreements",
    "practices",
    "events",
    "commitments",
    "resources",
];

#[tokio::test]
async fn every_page_reachable_from_home_works_speaks_its_language_and_counts_as_the_api() {
    let t = crate::browser::hub().await;
    let messages = Messages::load();
    let mut failures: Vec<String> = Vec::new();
    // Links outside a language's pages (the API, feeds, assets, the other
    // languages) are fetched once, for their status only.
    let mut outside: BTreeMap<String, String> = BTreeMap::new();
    let mut api_totals: BTreeMap<String, Option<u64>> = BTreeMap::new();
    for lang in LANGS {
        let home = format!("/{lang}");
        let mut seen: BTreeSet<String> = BTreeSet::from([home.clone()]);
        let mut queue: VecDeque<(String, String)> = VecDeque::from([(home.clone(), "-".into())]);
        let mut fetched = 0;
        while let Some((url, from)) = queue.pop_front() {
            if fetched == PAGES_PER_LANG {
                failures.push(format!(
                    "{lang}: more than {PAGES_PER_LANG} pages; a link multiplies pages (last: {url})"
                ));
                break;
            }
            fetched += 1;
            let r = t.get(&url).await;
            if r.status.as_u16() >= 400 {
                failures.push(format!("{url} (linked from {from}): {}", r.status));
                continue;
            }
            if !r.content_type.starts_with("text/html") {
                continue;
            }
            let html = r.text();
            for link in links(&html) {
                let own = link == home || link.starts_with(&format!("{home}/"));
                if own {
                    if seen.insert(link.clone()) {
                        queue.push_back((link, url.clone()));
                    }
                } else {
                    outside.entry(link).or_insert_with(|| url.clone());
                }
            }
            failures.extend(messages.check(lang, &url, &html));
            failures.extend(counts(&t, &mut api_totals, lang, &url, &html).await);
        }
        eprintln!("crawl {lang}: {fetched} pages");
    }
    for (link, from) in &outside {
        let r = t.get(link).await;
        if r.status.as_u16() >= 400 {
            failures.push(format!("{link} (linked from {from}): {}", r.status));
        }
    }
    eprintln!("crawl: {} links outside the pages", outside.len());
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Same-site links of a page (`href` and `src`), entities decoded and
/// fragments dropped; links to other sites, `mailto:` and the like are
/// not followed.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let Some(end) = rest.find('"') else { continue };
            let raw = decode(&rest[..end]);
            let link = raw.split('#').next().unwrap_or_default();
            if link.starts_with('/') && !link.starts_with("//") {
                out.push(link.to_string());
            }
        }
    }
    out
}

/// The characters behind the entities the templates write.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|e| *e < 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") || e.starts_with("#X") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a reader sees of a page: the text outside tags, scripts and
/// styles, and the attributes read aloud or shown on hover.
fn visible(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push(' ');
        rest = &rest[i..];
        for hidden in ["<script", "<style"] {
            if rest.starts_with(hidden) {
                let close = format!("</{}>", &hidden[1..]);
                rest = rest.find(&close).map_or("", |e| &rest[e..]);
            }
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        for attr in ["title=\"", "aria-label=\"", "placeholder=\"", "alt=\""] {
            if let Some(a) = tag.find(attr) {
                let v = &tag[a + attr.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push(' ');
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    decode(&out)
}

/// The interface messages of the four languages, from the Fluent files.
struct Messages {
    /// The first part of every key with a hyphen (`facet`, `country`):
    /// a lower-case hyphenated word starting with one is a message key,
    /// found or missing, never a word a reader should see.
    prefixes: BTreeSet<String>,
    /// `(key, English text)` of single-line messages of three words or
    /// more without placeables, with each language's own text.
    english: Vec<(String, String)>,
    by_lang: BTreeMap<&'static str, BTreeMap<String, String>>,
}

impl Messages {
    fn load() -> Messages {
        let files = [
            ("fr", include_str!("../../locales/fr.ftl")),
            ("en", include_str!("../../locales/en.ftl")),
            ("es", include_str!("../../locales/es.ftl")),
            ("ar", include_str!("../../locales/ar.ftl")),
        ];
        let mut by_lang = BTreeMap::new();
        for (lang, text) in files {
            let mut map = BTreeMap::new();
            for line in text.lines() {
                let Some((key, value)) = line.split_once(" = ") else {
                    continue;
                };
                if key.starts_with(char::is_alphabetic)
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                {
                    map.insert(key.to_string(), value.trim().to_string());
                }
            }
            by_lang.insert(lang, map);
        }
        let prefixes = by_lang["en"]
            .keys()
            .filter_map(|k| k.split_once('-').map(|(p, _)| p.to_string()))
            .collect();
        let english = by_lang["en"]
            .iter()
            .filter(|(_, v)| !v.contains('{') && v.split_whitespace().count() >= 3)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Messages {
            prefixes,
            english,
            by_lang,
        }
    }

    fn check(&self, lang: &str, url: &str, html: &str) -> Vec<String> {
        let text = visible(html);
        let mut out = Vec::new();
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            let key_like = word.split('-').all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
            if key_like
                && let Some((first, _)) = word.split_once('-')
                && self.prefixes.contains(first)
            {
                out.push(format!("{url}: message key `{word}` on the page"));
            }
        }
        if lang != "en" {
            let own = &self.by_lang[lang];
            for (key, english) in &self.english {
                if own.get(key).is_some_and(|v| v == english) {
                    // The same words in both languages (a name).
                    continue;
                }
                if text.contains(english.as_str()) {
                    out.push(format!("{url}: English interface text `{english}` ({key})"));
                }
            }
        }
        out
    }
}

/// The first number written in `s`, in Western or Arabic-Indic digits,
/// thousands separators skipped.
fn number(s: &str) -> Option<u64> {
    let mut digits = String::new();
    for c in s.chars() {
        let d = match c {
            '0'..='9' => Some(c),
            '\u{660}'..='\u{669}' => char::from_digit(c as u32 - 0x660, 10),
            _ => None,
        };
        match d {
            Some(d) => digits.push(d),
            // Separators inside a number: spaces, dots, commas.
            None if !digits.is_empty()
                && matches!(c, '\u{202f}' | '\u{a0}' | ' ' | '.' | ',' | '\u{66c}') => {}
            None if !digits.is_empty() => break,
            None => {}
        }
    }
    digits.parse().ok()
}

/// A count as a results line writes it: in figures, or in Arabic in
/// words for none, one and two ("لا توجد نتائج", "نتيجة واحدة", "نتيجتان").
fn in_words(s: &str) -> Option<u64> {
    number(s).or_else(|| {
        [("لا توجد", 0), ("واحد", 1), ("تان", 2)]
            .into_iter()
            .find(|(w, _)| s.contains(w))
            .map(|(_, n)| n)
    })
}

/// The total the API gives for a list of `kind` with a page's query.
async fn api_total(
    t: &TestApp,
    cache: &mut BTreeMap<String, Option<u64>>,
    kind: &str,
    query: &str,
) -> Option<u64> {
    let uri = format!("/api/v1/{kind}?{query}");
    if let Some(n) = cache.get(&uri) {
        return *n;
    }
    let r = t.get(&uri).await;
    let n = r
        .status
        .is_success()
        .then(|| r.json()["total"].as_u64())
        .flatten();
    cache.insert(uri, n);
    n
}

/// The query of a page's address without what only the page reads.
fn list_query(query: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(
            form_urlencoded::parse(query.as_bytes())
                .filter(|(k, _)| !matches!(k.as_ref(), "page" | "per_page" | "sort")),
        )
        .finish()
}

/// The counts a page shows, each against the API for the same selection.
async fn counts(
    t: &TestApp,
    cache: &mut BTreeMap<String, Option<u64>>,
    lang: &str,
    url: &str,
    html: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let kind = path.strip_prefix(&format!("/{lang}/")).unwrap_or_default();
    // A list page's total.
    if LISTS.contains(&kind) {
        let shown = html
            .split_once("<p class=\"summary\"><strong>")
            .and_then(|(_, rest)| in_words(&rest[..rest.find("</strong>").unwrap_or(0)]));
        let api = api_total(t, cache, kind, &list_query(query)).await;
        if shown != api {
            out.push(format!("{url}: the page counts {shown:?}, the API {api:?}"));
        }
        // Each facet value's count, on the unfiltered lists.
        if lang == "fr" && query.is_empty() {
            for (dim, code, count) in facet_values(html) {
                let api = api_total(t, cache, kind, &format!("{dim}={code}")).await;
                if api != Some(count) {
                    out.push(format!(
                        "{url}: facet {dim}={code} counts {count}, the API {api:?}"
                    ));
                }
            }
        }
    }
    // A corridor page lists what `corridor=A-B` lists.
    if let Some(pair) = kind.strip_prefix("corridors/") {
        let rows = html
            .matches(&format!("<td><a href=\"/{lang}/agreements/"))
            .count() as u64;
        let api = api_total(t, cache, "agreements", &format!("corridor={pair}")).await;
        if Some(rows) != api {
            out.push(format!("{url}: {rows} agreements listed, the API {api:?}"));
        }
    }
    // Links that say how many records they lead to.
    for (i, _) in html.match_indices(" data-count=\"") {
        let tag_start = html[..i].rfind('<').unwrap_or(0);
        let tag = &html[tag_start..tag_start + html[tag_start..].find('>').unwrap_or(0)];
        let count = tag
            .split_once("data-count=\"")
            .and_then(|(_, r)| r[..r.find('"')?].parse::<u64>().ok());
        let href = tag
            .split_once("href=\"")
            .map(|(_, r)| decode(&r[..r.find('"').unwrap_or(0)]));
        let target = href.as_deref().and_then(|h| {
            let (p, q) = h.split_once('?').unwrap_or((h, ""));
            let k = p.strip_prefix(&format!("/{lang}/"))?;
            LISTS.contains(&k).then(|| (k.to_string(), list_query(q)))
        });
        match (count, target) {
            (Some(n), Some((k, q))) => {
                let api = api_total(t, cache, &k, &q).await;
                if api != Some(n) {
                    out.push(format!(
                        "{url}: a link says {n} for {}, the API {api:?}",
                        href.unwrap_or_default()
                    ));
                }
            }
            _ => out.push(format!("{url}: a data-count without a list link: {tag}")),
        }
    }
    out
}

/// `(dimension, code, count)` of each checkbox of a page's filter form.
fn facet_values(html: &str) -> Vec<(String, String, u64)> {
    let Some(form) = html
        .split_once("<form class=\"facets\"")
        .map(|(_, r)| &r[..r.find("</form>").unwrap_or(r.len())])
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in form.split("<li><label><input type=\"checkbox\" ").skip(1) {
        let attr = |name: &str| {
            item.split_once(&format!("{name}=\""))
                .map(|(_, r)| decode(&r[..r.find('"').unwrap_or(0)]))
        };
        let count = item
            .split_once("<span class=\"count\">")
            .and_then(|(_, r)| number(&r[..r.find('<').unwrap_or(0)]));
        if let (Some(dim), Some(code), Some(count)) = (attr("name"), attr("value"), count) {
            out.push((dim, code, count));
        }
    }
    out
}

#[test]
fn the_crawls_readers_read_what_they_should() {
    assert_eq!(decode("a&amp;b&#x2f;c&#39;d&x"), "a&b/c'd&x");
    assert_eq!(
        links("<a href=\"/fr/a?x=1&amp;y=2#top\">x</a><a href=\"https://x.org\">"),
        vec!["/fr/a?x=1&y=2"]
    );
    assert_eq!(
        visible("<p title=\"Hi there\">A<script>var x = '<b>';</script> B</p>")
            .split_whitespace()
            .collect::<Vec<_>>(),
        vec!["Hi", "there", "A", "B"]
    );
    assert_eq!(number("\u{2068}1\u{202f}234\u{2069} résultats"), Some(1234));
    assert_eq!(number("٣٢ نتيجة"), Some(32));
    assert_eq!(in_words("نتيجتان"), Some(2));
    assert_eq!(in_words("نتيجة واحدة"), Some(1));
    assert_eq!(list_query("country=MA&page=2&sort=title"), "country=MA");
}
