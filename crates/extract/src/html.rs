//! The readable body of an HTML page: the text of `<main>` or `<article>`
//! when the page has one, else of `<body>`, without scripts, styles,
//! navigation, headers, footers or forms; block elements become line breaks.

/// Elements whose content is never agreement text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "form",
    "head", "button", "select", "iframe",
];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "hr",
    "td",
    "th",
];

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    raw: &'a str,
}

/// Splits `html` into text and tags.
fn tokens(html: &str) -> Vec<Result<&str, Tag<'_>>> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if lt > 0 {
            out.push(Ok(&rest[..lt]));
        }
        let after = &rest[lt..];
        if after.starts_with("<!--") {
            let end = after.find("-->").map_or(after.len(), |i| i + 3);
            rest = &after[end..];
            continue;
        }
        let Some(gt) = after.find('>') else {
            out.push(Ok(after));
            rest = "";
            break;
        };
        let inner = &after[1..gt];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // `<!doctype>`, `<?xml ?>` or a stray `<`: not text.
            rest = &after[gt + 1..];
            continue;
        }
        out.push(Err(Tag {
            name,
            closing,
            self_closing: inner.ends_with('/'),
            raw: &after[..gt + 1],
        }));
        rest = &after[gt + 1..];
    }
    if !rest.is_empty() {
        out.push(Ok(rest));
    }
    out
}

/// The text of the page's main content.
pub fn text(html: &str) -> String {
    let toks = tokens(html);
    // Prefer the first <main>, else the first <article>, else everything.
    let range = ["main", "article"]
        .iter()
        .find_map(|wanted| {
            let open = toks
                .iter()
                .position(|t| matches!(t, Err(tag) if tag.name == *wanted && !tag.closing))?;
            let mut depth = 0;
            for (i, t) in toks.iter().enumerate().skip(open) {
                if let Err(tag) = t
                    && tag.name == *wanted
                {
                    depth += if tag.closing { -1 } else { 1 };
                    if depth == 0 {
                        return Some(open..i);
                    }
                }
            }
            Some(open..toks.len())
        })
        .unwrap_or(0..toks.len());
    let mut out = String::new();
    let mut skipping: Vec<String> = Vec::new();
    for t in &toks[range] {
        match t {
            Err(tag) if SKIPPED.contains(&tag.name.as_str()) && !tag.self_closing => {
                if tag.closing {
                    if let Some(p) = skipping.iter().rposition(|n| *n == tag.name) {
                        skipping.truncate(p);
                    }
                } else {
                    skipping.push(tag.name.clone());
                }
            }
            _ if !skipping.is_empty() => {}
            Err(tag) => {
                let _ = tag.raw;
                if BLOCKS.contains(&tag.name.as_str()) && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            Ok(text) => {
                let decoded = entities(text);
                for (i, part) in decoded.split_whitespace().enumerate() {
                    if (i > 0 || decoded.starts_with(char::is_whitespace))
                        && !out.ends_with(['\n', ' '])
                        && !out.is_empty()
                    {
                        out.push(' ');
                    }
                    out.push_str(part);
                }
                if decoded.ends_with(char::is_whitespace) && !out.ends_with(['\n', ' ']) {
                    out.push(' ');
                }
            }
        }
    }
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Decodes character references (`&amp;`, `&#233;`, `&#x627;`, common names).
fn entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let end = after.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|i| {
            let name = &after[1..i];
            let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                Some(match name {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    "nbsp" => ' ',
                    "eacute" => 'é',
                    "egrave" => 'è',
                    "agrave" => 'à',
                    "ccedil" => 'ç',
                    "rsquo" => '’',
                    "lsquo" => '‘',
                    "laquo" => '«',
                    "raquo" => '»',
                    "ndash" => '–',
                    "mdash" => '—',
                    "hellip" => '…',
                    _ => return None,
                })
            };
            c.map(|c| (c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
