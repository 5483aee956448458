//! The pages in a real browser (headless Chromium): every page type in the
//! four languages, with its `lang` and `dir`, its content, and no axe-core
//! violations; keyboard use, the htmx filters, the three clicks from the
//! home page to an agreement's evidence; screenshots of the key pages in
//! French and Arabic under `target/tmp/screenshots/`.
//!
//! The browser comes from `PASSERELLE_CHROMIUM` or `/usr/bin/chromium`.
//! Without it the test says so and passes, except under CI (`CI` set),
//! where a missing browser fails the run.

use std::path::PathBuf;

use axum::http::Method;
use passerelle_domain::interchange::{read_csv, read_json};
use passerelle_domain::{AnyRecord, Kind};
use serde_json::json;

use crate::cdp::{Browser, Page};
use crate::{TestApp, agreement, apps};

const LANGS: [&str; 4] = ["fr", "en", "es", "ar"];

fn chromium_available() -> bool {
    let path = std::env::var("PASSERELLE_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    std::path::Path::new(&path).exists()
}

/// The demo data, as `passerelle serve --demo` loads it, and two agreements
/// whose texts (from the assessment corpus) are attached and assessed.
pub(crate) async fn hub() -> TestApp {
    let t = apps()
        .await
        .into_iter()
        .next()
        .expect("SQLite is always there");
    let files: [(Kind, &str); 5] = [
        (
            Kind::Agreements,
            include_str!("../../../../demo/agreements.json"),
        ),
        (
            Kind::Practices,
            include_str!("../../../../demo/practices.json"),
        ),
        (Kind::Events, include_str!("../../../../demo/events.json")),
        (
            Kind::Commitments,
            include_str!("../../../../demo/commitments.json"),
        ),
        (
            Kind::Resources,
            include_str!("../../../../demo/resources.json"),
        ),
    ];
    let mut records: Vec<AnyRecord> = Vec::new();
    for (kind, text) in files {
        records.extend(
            read_json(Some(kind), text)
                .unwrap()
                .into_iter()
                .map(|r| r.record),
        );
    }
    let figures = include_str!("../../../../demo/indicators.csv");
    records.extend(
        read_csv(Some(Kind::Indicators), figures)
            .unwrap()
            .into_iter()
            .map(|r| r.record),
    );
    t.db.store
        .import("test", records, |_| {})
        .await
        .map_err(|(_, e)| e)
        .unwrap();
    for (id, dest, origin, text) in [
        (
            "be-ma-test",
            "BE",
            "MA",
            include_str!(
                "../../../assess/corpus/documents/fr/maroc_belgique_accord_main_oeuvre.txt"
            ),
        ),
        (
            "de-tn-test",
            "DE",
            "TN",
            include_str!(
                "../../../assess/corpus/documents/ar/tunisia_germany_skills_partnership.txt"
            ),
        ),
        ("pl-ma-test", "PL", "MA", FR_DRAFT),
    ] {
        let mut a = agreement(id, dest, origin, 2026);
        a["title_language"] = json!("fr");
        a["titles"]["ar"] = json!(format!("اتفاق العمل {id}"));
        let r = t.write(Method::POST, "/api/v1/agreements", &a).await;
        assert!(r.status.is_success(), "{}", r.text());
        let r = t.upload_text(id, "file_name=text.txt", text).await;
        assert!(r.status.is_success(), "{}", r.text());
    }
    let admin = passerelle_store::NewUser {
        email: "admin@example.org",
        display_name: "Amina Admin",
        organisation: Some("IOM"),
        preferred_lang: None,
        role: passerelle_domain::account::Role::Admin,
    };
    let hash = passerelle_web::hash_password("correct horse battery");
    t.db.store.create_user("test", admin, &hash).await.unwrap();
    t.catch_up().await;
    t
}

fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Opens `url`, checks status, language, direction, a heading and
/// `expect` in the text, and runs axe; returns failures as text.
fn check(page: &Page, url: &str, lang: &str, status: u16, expect: &str) -> Vec<String> {
    let mut failures = Vec::new();
    match page.goto(url) {
        Ok(Some(s)) if s == status => {}
        other => failures.push(format!("{url}: status {other:?}, wanted {status}")),
    }
    let facts = page
        .eval("({lang: document.documentElement.lang, dir: document.documentElement.dir, h1: (document.querySelector('h1')||{}).textContent || '', text: document.body.innerText})")
        .unwrap_or_default();
    let want_dir = if lang == "ar" { "rtl" } else { "ltr" };
    if facts["lang"] != lang || facts["dir"] != want_dir {
        failures.push(format!(
            "{url}: lang {} dir {}",
            facts["lang"], facts["dir"]
        ));
    }
    if facts["h1"].as_str().unwrap_or("").trim().is_empty() {
        failures.push(format!("{url}: no h1"));
    }
    if !facts["text"].as_str().unwrap_or("").contains(expect) {
        failures.push(format!("{url}: `{expect}` not on the page"));
    }
    match page.csp_violations() {
        Ok(v) => failures.extend(v.iter().map(|x| format!("{url}: CSP {x}"))),
        Err(e) => failures.push(format!("{url}: {e}")),
    }
    match page.axe() {
        Ok(v) if v.is_empty() => {}
        Ok(v) => failures.extend(v.iter().map(|x| format!("{url}: axe {x}"))),
        Err(e) => failures.push(format!("{url}: axe failed: {e}")),
    }
    failures
}

/// On an Arabic page, text that mixes Arabic with a Latin run holding
/// punctuation or digits ("ANAPEC ;selección") comes out scrambled unless
/// the run is isolated: by an element (`bdi`, `dir`) or by Unicode isolates.
fn scrambled_latin(page: &Page, url: &str) -> Vec<String> {
    let found = page
        .eval(
            r#"(() => {
  const bad = [];
  const run = /[A-Za-z\u00C0-\u024F][^\u0600-\u06FF\u2068\u2069]*[A-Za-z\u00C0-\u024F0-9]/g;
  const w = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const n = w.currentNode, t = n.textContent;
    if (!/[\u0600-\u06FF]/.test(t)) continue;
    if (n.parentElement.closest('bdi,[dir="ltr"],[dir="auto"],code,textarea,option')) continue;
    const rest = t.replace(/\u2068[^\u2069]*\u2069/g, ' ');
    for (const m of rest.match(run) || []) {
      if (/[^A-Za-z\u00C0-\u024F ]/.test(m)) bad.push(m);
    }
  }
  return bad;
})()"#,
        )
        .unwrap_or_default();
    found
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| format!("{url}: Latin run not isolated in Arabic text: {m}"))
        .collect()
}

/// Serves the hub on a local port and runs `drive` against its address
/// off the async threads; `drive` gives the failures it found.
async fn in_browser(drive: fn(&str) -> Vec<String>) {
    if !chromium_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs Chromium for the browser tests"
        );
        eprintln!(
            "browser tests skipped: no Chromium (install `chromium` or set PASSERELLE_CHROMIUM)"
        );
        return;
    }
    let t = hub().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = t.app.clone();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let failures = tokio::task::spawn_blocking(move || drive(&base))
        .await
        .unwrap();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_type_in_four_languages() {
    in_browser(pages).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_reach_what_they_need() {
    in_browser(journeys).await;
}

/// The draft of the assessment-trust issue: the worker pays the agency a
/// month's wage (Article 4), the employer keeps the passport (Article 5).
const FR_DRAFT: &str = include_str!("../../../assess/tests/drafts/fr-worker-pays.txt");

/// The same two harms in Arabic.
const AR_DRAFT: &str = include_str!("../../../assess/tests/drafts/ar-worker-pays.txt");

/// In the report: the clauses that work against the Guidance come
/// first, each with its article and the reason in the page's language,
/// and no rubric syntax shows (it stays in closed "why" disclosures).
const CONTRARY_FIRST: &str = "(() => { const r = document.querySelector('#report .scorecard, .scorecard'); if (!r) return 'no scorecard'; \
const a = r.querySelector('section.against'), m = r.querySelector('section.missing'); if (!a || !m) return 'no sections'; \
if (!(a.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)) return 'missing before against'; \
if (a.querySelectorAll('li.concern').length < 2) return 'concerns: ' + a.querySelectorAll('li.concern').length; \
if (!a.innerText.includes(LABEL)) return 'no label ' + LABEL; if (!a.innerText.includes(WHY)) return 'no reason'; \
if (/\\s~\\s|\\w\\*/.test(r.innerText)) return 'rubric syntax shows'; if (r.innerText.includes('Preamble')) return 'English label'; \
return true; })()";

/// Every text of every chart and map lies inside its drawing (nothing
/// clipped, as Arabic years once were), and there are some.
const LABELS_INSIDE: &str = "(() => { const out = []; let n = 0; \
for (const svg of document.querySelectorAll('svg.bars, svg.world')) { const r = svg.getBoundingClientRect(); \
for (const t of svg.querySelectorAll('text')) { const b = t.getBoundingClientRect(); if (b.width === 0) continue; n++; \
if (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1) out.push(t.textContent); } } \
return n === 0 ? 'no labels' : (out.length === 0 ? true : 'clipped: ' + out.join(', ')); })()";

/// Appends `what` to `failures` when `r` is an error or false.
fn expect(failures: &mut Vec<String>, what: &str, r: Result<serde_json::Value, String>) {
    match r {
        Ok(serde_json::Value::Bool(true)) => {}
        Ok(v) => failures.push(format!("{what}: got {v}")),
        Err(e) => failures.push(format!("{what}: {e}")),
    }
}

fn journeys(base: &str) -> Vec<String> {
    let browser = Browser::launch().expect("Chromium starts");
    let page = browser.new_page().unwrap();
    page.set_viewport(1280, 900).unwrap();
    let mut f = Vec::new();
    // Three clicks from the home page to the evidence of an element, in
    // English and in Arabic: the agreements menu, the agreement, the
    // element's clause.
    for lang in ["en", "ar"] {
        let r = page
            .goto(&format!("{base}/{lang}"))
            .and_then(|_| page.click("nav.main a[href$='/agreements']"))
            .and_then(|_| page.click("#results a[href*='be-ma-test']"))
            .and_then(|_| page.click("#el-recruitment_costs summary"))
            .and_then(|_| {
                page.eval("!!document.querySelector('#el-recruitment_costs details[open] blockquote mark') && location.pathname.includes('/agreements/')")
            });
        expect(&mut f, &format!("{lang}: three clicks to the evidence"), r);
    }
    // The keyboard: the first Tab reaches the skip link, Enter moves on
    // to the content; the focused element is visibly outlined.
    let r = page
        .goto(&format!("{base}/fr/agreements"))
        .and_then(|_| page.press("Tab"))
        .and_then(|_| page.eval("document.activeElement.classList.contains('skip') && getComputedStyle(document.activeElement).outlineStyle !== 'none'"));
    expect(&mut f, "Tab reaches the skip link, outlined", r);
    let r = page
        .press("Enter")
        .and_then(|_| page.eval("location.hash === '#content'"));
    expect(&mut f, "Enter on the skip link goes to the content", r);
    // Ticking a facet refreshes the results in place (htmx) and keeps the
    // choice in the address, so that it can be shared and reloaded.
    let r = page
        .goto(&format!("{base}/en/agreements"))
        .and_then(|_| page.eval("document.querySelector('#results .summary strong').textContent"))
        .and_then(|before| {
            page.click("form.facets input[name=country][value=MA]")?;
            page.wait_for("location.search.includes('country=MA')")?;
            page.wait_for(&format!(
                "document.querySelector('#results .summary strong').textContent !== {before}"
            ))?;
            page.eval("document.querySelectorAll('#results tbody tr').length > 0 && document.querySelector('form.facets input[value=MA]').checked")
        });
    expect(&mut f, "a facet filters in place", r);
    // A long facet list narrows to what is typed (accents aside), without
    // changing the query; the value found can then be ticked.
    let r = page
        .goto(&format!("{base}/fr/agreements"))
        .and_then(|_| page.eval("(() => { const box = document.querySelector('form.facets input.facet-find'); if (!box || box.hidden) return 'no visible box'; \
box.value = 'tunis'; box.dispatchEvent(new Event('input', {bubbles: true})); box.dispatchEvent(new Event('change', {bubbles: true})); \
const set = box.closest('fieldset'); const shown = [...set.querySelectorAll('li')].filter(li => !li.hidden && li.offsetParent !== null).map(li => li.textContent.trim()); \
return shown.length >= 1 && shown.every(t => t.includes('Tunisie')) && !location.search.includes('tunis') ? true : JSON.stringify(shown); })()"));
    expect(&mut f, "a long facet list narrows to what is typed", r);
    // Assess a draft: paste a text, get the scorecard; nothing stored.
    let draft = "Article 1. Les frais de recrutement sont à la charge de l'employeur et aucun frais n'est facturé au travailleur.";
    let r = page
        .goto(&format!("{base}/fr/assess"))
        .and_then(|_| page.eval(&format!("document.querySelector('#draft-text').value = {}; true", serde_json::json!(draft))))
        .and_then(|_| page.click("form.draft button[value=page]"))
        .and_then(|_| page.eval("!!document.querySelector('#report #el-recruitment_costs .st-covered') && document.documentElement.lang === 'fr'"));
    expect(&mut f, "a pasted draft is assessed", r);
    match page.axe() {
        Ok(v) if v.is_empty() => {}
        Ok(v) => f.extend(v.iter().map(|x| format!("assess report: axe {x}"))),
        Err(e) => f.push(format!("assess report: axe failed: {e}")),
    }
    let shot = screenshots().join("assess-report-fr.png");
    if let Err(e) = page.screenshot(&shot) {
        f.push(format!("screenshot: {e}"));
    }
    // A draft that works against the worker, in French and Arabic: the
    // contrary clauses first, explained in the page's language.
    for (lang, draft, label, why) in [
        ("fr", FR_DRAFT, "Article 4", "travail forcé"),
        ("ar", AR_DRAFT, "المادة الثالثة", "العمل الجبري"),
    ] {
        let check = CONTRARY_FIRST
            .replace("LABEL", &serde_json::json!(label).to_string())
            .replace("WHY", &serde_json::json!(why).to_string());
        let r = page
            .goto(&format!("{base}/{lang}/assess"))
            .and_then(|_| {
                page.eval(&format!(
                    "document.querySelector('#draft-text').value = {}; true",
                    serde_json::json!(draft)
                ))
            })
            .and_then(|_| page.click("form.draft button[value=page]"))
            .and_then(|_| page.eval(&check));
        expect(
            &mut f,
            &format!("{lang}: contrary clauses first in the draft report"),
            r,
        );
        if let Err(e) = page.screenshot(&screenshots().join(format!("assess-contrary-{lang}.png")))
        {
            f.push(format!("screenshot: {e}"));
        }
    }
    // The same on the agreement's scorecard, and Compare reads in the
    // same order: rows whose worst status is contrary first.
    let check = CONTRARY_FIRST
        .replace("LABEL", "\"Article 4\"")
        .replace("WHY", "\"العمل الجبري\"");
    let r = page
        .goto(&format!("{base}/ar/agreements/pl-ma-test"))
        .and_then(|_| page.eval(&check));
    expect(&mut f, "ar: contrary clauses first on the scorecard", r);
    if let Err(e) = page.screenshot(&screenshots().join("scorecard-contrary-ar.png")) {
        f.push(format!("screenshot: {e}"));
    }
    let r = page
        .goto(&format!("{base}/fr/compare?a=be-ma-test&a=pl-ma-test"))
        .and_then(|_| page.eval("(() => { const order = ['contrary', 'absent', 'mentioned', 'partial', 'covered']; \
            const ranks = [...document.querySelectorAll('table.compare tbody tr')].map(tr => Math.min(...[...tr.querySelectorAll('.st')].map(s => order.findIndex(o => s.classList.contains('st-' + o))).filter(i => i >= 0))); \
            return ranks.length === 31 && ranks[0] === 0 && ranks.every((v, i) => i === 0 || ranks[i - 1] <= v); })()"));
    expect(&mut f, "fr: Compare reads contrary rows first", r);
    if let Err(e) = page.screenshot(&screenshots().join("compare-contrary-fr.png")) {
        f.push(format!("screenshot: {e}"));
    }
    // An empty form says what is missing, in the page's language.
    let r = page
        .goto(&format!("{base}/ar/assess"))
        .and_then(|_| page.click("form.draft button[value=page]"))
        .and_then(|_| page.eval("document.querySelector('#draft-error') !== null && document.documentElement.dir === 'rtl'"));
    expect(&mut f, "an empty draft is refused with a message", r);
    // From a phone: nothing wider than the screen, in Arabic as in French.
    page.set_viewport(390, 844).unwrap();
    for (lang, path, name) in [
        ("ar", "/agreements/be-ma-test", "agreement-ar-phone"),
        ("fr", "", "home-fr-phone"),
        ("ar", "/agreements", "agreements-ar-phone"),
    ] {
        let r = page.goto(&format!("{base}/{lang}{path}")).and_then(|_| {
            page.eval("document.documentElement.scrollWidth <= window.innerWidth + 1")
        });
        expect(&mut f, &format!("{name}: fits the screen"), r);
        if let Err(e) = page.screenshot(&screenshots().join(format!("{name}.png"))) {
            f.push(format!("screenshot {name}: {e}"));
        }
    }
    // Chart labels in Arabic, on a phone and on a desktop: every year,
    // value and country name inside its chart, none clipped.
    for width in [390, 1280] {
        page.set_viewport(width, 844).unwrap();
        for path in [
            "/ar/countries/MA",
            "/ar/corridors/MA-ES",
            "/ar/countries/CA",
        ] {
            let r = page
                .goto(&format!("{base}{path}"))
                .and_then(|_| page.eval(LABELS_INSIDE));
            expect(
                &mut f,
                &format!("{path} at {width} px: chart labels inside"),
                r,
            );
        }
    }
    page.set_viewport(390, 844).unwrap();
    // On a phone the first result is on the first screen, the filters
    // one link away.
    let r = page.goto(&format!("{base}/fr/agreements")).and_then(|_| {
        page.eval("(() => { const first = document.querySelector('#results tbody tr, #results li'); const link = document.querySelector('#results a.to-filters'); return !!first && first.getBoundingClientRect().top < window.innerHeight && !!link && link.offsetParent !== null && document.querySelector('#filters').getBoundingClientRect().top > first.getBoundingClientRect().top; })()")
    });
    expect(&mut f, "phone: results before the filters", r);
    page.set_viewport(1280, 900).unwrap();
    // Printed, the agreement is its content: no menus or forms, and the
    // styles for print apply.
    let r = page
        .goto(&format!("{base}/en/agreements/be-ma-test"))
        .and_then(|_| page.call("Emulation.setEmulatedMedia", json!({"media": "print"})))
        .and_then(|_| page.eval("getComputedStyle(document.querySelector('header.site')).display === 'none' && getComputedStyle(document.querySelector('.scorecard')).display !== 'none'"));
    expect(&mut f, "the print style hides the frame", r);
    let _ = page.call("Emulation.setEmulatedMedia", json!({"media": ""}));
    // Signing in, in Arabic: the account and users pages, accessible.
    let r = page
        .goto(&format!("{base}/ar/sign-in"))
        .and_then(|_| page.eval("document.querySelector('#email').value = 'admin@example.org'; document.querySelector('#password').value = 'correct horse battery'; true"))
        .and_then(|_| page.click("form.account-form button[type=submit]"))
        .and_then(|_| page.eval("location.pathname === '/ar/account' && document.body.innerText.includes('admin@example.org')"));
    expect(&mut f, "sign in through the form", r);
    for path in [
        "/ar/account",
        "/fr/users",
        "/en/sign-in",
        "/ar/audit",
        "/es/agreements/be-ma-test",
        "/fr/review",
        "/ar/corrections",
        "/fr/corrections/new?kind=agreements&id=be-ma-test",
        "/ar/contribute",
        "/es/contribute",
    ] {
        match page
            .goto(&format!("{base}{path}"))
            .and_then(|_| page.csp_violations())
        {
            Ok(v) => f.extend(v.iter().map(|x| format!("{path}: CSP {x}"))),
            Err(e) => f.push(format!("{path}: {e}")),
        }
        match page.axe() {
            Ok(v) if v.is_empty() => {}
            Ok(v) => f.extend(v.iter().map(|x| format!("{path}: axe {x}"))),
            Err(e) => f.push(format!("{path}: {e}")),
        }
    }
    if let Err(e) = page
        .goto(&format!("{base}/ar/users"))
        .and_then(|_| page.screenshot(&screenshots().join("users-ar.png")))
    {
        f.push(format!("screenshot users-ar: {e}"));
    }
    // The language switcher keeps the page.
    let r = page
        .goto(&format!("{base}/en/agreements/be-ma-test"))
        .and_then(|_| page.click("nav.langs a[hreflang=ar]"))
        .and_then(|_| page.eval("location.pathname === '/ar/agreements/be-ma-test' && document.documentElement.dir === 'rtl'"));
    expect(&mut f, "the language switcher keeps the page", r);
    f
}

fn pages(base: &str) -> Vec<String> {
    let browser = Browser::launch().expect("Chromium starts");
    let page = browser.new_page().unwrap();
    page.set_viewport(1280, 900).unwrap();
    let shots = screenshots();
    let mut failures = Vec::new();
    // Names that show in every language (country names are translated,
    // so codes and record titles are used where the language varies).
    let country = |lang: &str| match lang {
        "fr" => "Maroc",
        "es" => "Marruecos",
        "ar" => "المغرب",
        _ => "Morocco",
    };
    for lang in LANGS {
        let p = |path: &str| format!("{base}/{lang}{path}");
        let title = if lang == "ar" {
            // Latin runs in Arabic text are isolated (FSI … PDI).
            "اتفاق العمل \u{2068}be-ma-test\u{2069}"
        } else if lang == "fr" {
            "Accord de main-d'œuvre be-ma-test"
        } else {
            "Labour agreement be-ma-test"
        };
        let figure = match lang {
            "fr" | "ar" => "19\u{202f}798",
            "es" => "19.798",
            _ => "19,798",
        };
        let persons = match lang {
            "fr" => "personnes",
            "es" => "personas",
            "ar" => "شخص",
            _ => "persons",
        };
        let note = match lang {
            "fr" => "Première année du programme",
            "es" => "Primer año del programa",
            "ar" => "السنة الأولى للبرنامج",
            _ => "First year of the programme",
        };
        let cases: Vec<(String, u16, &str)> = vec![
            (p(""), 200, "Passerelle"),
            (p("/agreements"), 200, title),
            (
                p("/agreements?country=MA&type=bilateral_agreement"),
                200,
                title,
            ),
            (p("/agreements/be-ma-test"), 200, title),
            // The text, article by article, in its own direction.
            (
                p("/agreements/be-ma-test/text"),
                200,
                "Article 2 – Définitions",
            ),
            (
                p("/agreements/de-tn-test/text"),
                200,
                "المادة الثانية: التعريفات",
            ),
            (p("/agreements/pl-ma-test/text"), 200, "Article 4"),
            (p("/compare?a=be-ma-test&a=de-tn-test"), 200, "de-tn-test"),
            (p("/assess"), 200, "Passerelle"),
            (p("/search?q=travailleurs"), 200, "be-ma-test"),
            (p("/practices"), 200, ""),
            (p("/events"), 200, ""),
            (p("/commitments"), 200, ""),
            (p("/resources"), 200, ""),
            (p("/countries"), 200, country(lang)),
            (p("/countries/MA"), 200, country(lang)),
            (p("/corridors/MA-BE"), 200, title),
            (p("/gcm"), 200, "23"),
            // A figure as the page's language writes it.
            (p("/data"), 200, figure),
            (p("/countries/CA"), 200, figure),
            // The unit in the page's language, and the figure's note too.
            (p("/countries/MX"), 200, persons),
            (p("/countries/MX"), 200, note),
            (p("/about"), 200, "Passerelle"),
            (p("/about/who-we-are"), 200, ""),
            (p("/about/take-action"), 200, ""),
            (p("/sdgs"), 200, "10.7"),
            (p("/countries?champion=1"), 200, country(lang)),
            // A demo agreement coded by hand, and two of them compared.
            (p("/agreements/agr-pt-ma-2022"), 200, "ANAPEC"),
            (p("/compare?a=agr-fr-ma-1963&a=agr-pt-ma-2022"), 200, ""),
            (p("/compare?sample=fr&a=agr-pt-ma-2022"), 200, ""),
            (p("/assess?sample=ar"), 200, ""),
            (p("/events/evt-gcm-talk-rabat-2023"), 200, "Chekkori"),
            (p("/agreements/no-such-agreement"), 404, ""),
        ];
        for (url, status, expect) in &cases {
            failures.extend(check(&page, url, lang, *status, expect));
            if lang == "ar" {
                failures.extend(scrambled_latin(&page, url));
            }
        }
        // One detail page of each hub kind: the first in its list.
        for kind in ["practices", "events", "commitments", "resources"] {
            if page.goto(&p(&format!("/{kind}"))).is_err() {
                failures.push(format!("{kind} list did not load"));
                continue;
            }
            let href = page
                .eval("(document.querySelector('ul.records h2 a')||{}).href || ''")
                .unwrap_or_default();
            match href.as_str().filter(|h| !h.is_empty()) {
                Some(h) => failures.extend(check(&page, h, lang, 200, "")),
                None => failures.push(format!("{lang}/{kind}: the demo list is empty")),
            }
        }
        if lang == "fr" || lang == "ar" {
            for (name, url) in [
                ("home", p("")),
                ("agreements", p("/agreements")),
                ("agreement", p("/agreements/be-ma-test")),
                ("text", p("/agreements/pl-ma-test/text")),
                ("country", p("/countries/MA")),
                ("compare", p("/compare?a=be-ma-test&a=de-tn-test")),
            ] {
                let shot = shots.join(format!("{name}-{lang}.png"));
                if let Err(e) = page.goto(&url).and_then(|_| page.screenshot(&shot)) {
                    failures.push(format!("screenshot {name}-{lang}: {e}"));
                }
            }
        }
    }
    failures
}
