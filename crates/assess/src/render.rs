//! Reports as Markdown and as a standalone, printable HTML page, in the
//! language asked for (Arabic right to left), in the order a ministry
//! reads them: the clauses that work against the Guidance, then what is
//! missing, then what is partial, then what is covered. Rubric cues stay
//! out of the reader's way: the HTML keeps them behind a "why" disclosure
//! for reviewers, the Markdown leaves them to the JSON.

use std::collections::BTreeMap;

use crate::rubric::{Rubric, Titles};
use crate::{ElementFinding, Evidence, Language, Report, Status};

/// The words of a report, in one language.
pub struct Words {
    pub heading: &'static str,
    pub coverage: &'static str,
    /// Section headings, in reading order.
    pub against: &'static str,
    pub against_none: &'static str,
    pub missing: &'static str,
    pub partial_heading: &'static str,
    pub covered_heading: &'static str,
    /// Status names.
    pub covered: &'static str,
    pub partial: &'static str,
    pub mentioned: &'static str,
    pub contrary: &'static str,
    pub absent: &'static str,
    /// "Named in passing only:", before the words that name an element.
    pub in_passing: &'static str,
    /// "Also works against it:", on a partial element with a contrary clause.
    pub also_against: &'static str,
    pub elements: &'static str,
    pub why: &'static str,
    pub cue: &'static str,
    pub sector: &'static str,
    pub preamble: &'static str,
    pub paragraph: &'static str,
    /// Between the items of a list (the Arabic comma in Arabic).
    pub comma: &'static str,
}

pub fn words(lang: Language) -> Words {
    match lang {
        Language::Fr => Words {
            heading: "Évaluation au regard des orientations sur les accords bilatéraux de migration de main-d'œuvre",
            coverage: "Couverture",
            against: "Clauses contraires aux Orientations",
            against_none: "Aucune clause contraire aux Orientations n'a été repérée.",
            missing: "Éléments absents",
            partial_heading: "Éléments partiellement couverts",
            covered_heading: "Éléments couverts",
            covered: "couvert",
            partial: "partiel",
            mentioned: "mentionné seulement",
            contrary: "contraire",
            absent: "absent",
            in_passing: "Seulement mentionné en passant :",
            also_against: "Une autre clause va à l'encontre :",
            elements: "Éléments concernés :",
            why: "Pourquoi ce résultat ?",
            cue: "indice",
            sector: "Attentes propres au secteur :",
            preamble: "Préambule",
            paragraph: "Paragraphe",
            comma: ", ",
        },
        Language::Es => Words {
            heading: "Evaluación según la Orientación sobre acuerdos bilaterales de migración laboral",
            coverage: "Cobertura",
            against: "Cláusulas contrarias a la Orientación",
            against_none: "No se ha detectado ninguna cláusula contraria a la Orientación.",
            missing: "Elementos ausentes",
            partial_heading: "Elementos cubiertos en parte",
            covered_heading: "Elementos cubiertos",
            covered: "cubierto",
            partial: "parcial",
            mentioned: "solo mencionado",
            contrary: "contrario",
            absent: "ausente",
            in_passing: "Solo se menciona de paso:",
            also_against: "Otra cláusula va en contra:",
            elements: "Elementos afectados:",
            why: "¿Por qué este resultado?",
            cue: "indicio",
            sector: "Expectativas propias del sector:",
            preamble: "Preámbulo",
            paragraph: "Párrafo",
            comma: ", ",
        },
        Language::Ar => Words {
            heading: "تقييم وفق التوجيهات بشأن الاتفاقات الثنائية لهجرة اليد العاملة",
            coverage: "نسبة التغطية",
            against: "بنود تتعارض مع التوجيهات",
            against_none: "لم يُرصد أي بند يتعارض مع التوجيهات.",
            missing: "العناصر الغائبة",
            partial_heading: "العناصر المشمولة جزئياً",
            covered_heading: "العناصر المشمولة",
            covered: "مشمول",
            partial: "جزئي",
            mentioned: "مذكور فقط",
            contrary: "مخالف",
            absent: "غائب",
            in_passing: "ورد ذكره عرضاً فقط:",
            also_against: "بند آخر يتعارض معه:",
            elements: "العناصر المعنية:",
            why: "لماذا هذه النتيجة؟",
            cue: "مؤشر",
            sector: "ما يُنتظر في هذا القطاع:",
            preamble: "الديباجة",
            paragraph: "الفقرة",
            comma: "، ",
        },
        _ => Words {
            heading: "Assessment against the Guidance on Bilateral Labour Migration Agreements",
            coverage: "Coverage",
            against: "Clauses that work against the Guidance",
            against_none: "No clause that works against the Guidance was found.",
            missing: "Missing elements",
            partial_heading: "Partly covered elements",
            covered_heading: "Covered elements",
            covered: "covered",
            partial: "partial",
            mentioned: "mentioned only",
            contrary: "contrary",
            absent: "absent",
            in_passing: "Only mentioned in passing:",
            also_against: "Another clause works against it:",
            elements: "Elements concerned:",
            why: "Why this result?",
            cue: "cue",
            sector: "Sector expectations:",
            preamble: "Preamble",
            paragraph: "Paragraph",
            comma: ", ",
        },
    }
}

impl Words {
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Covered => self.covered,
            Status::Partial => self.partial,
            Status::Mentioned => self.mentioned,
            Status::Contrary => self.contrary,
            Status::Absent => self.absent,
        }
    }

    /// A clause's label in the report's language: the engine names the
    /// text before the first heading "Preamble" and unheaded paragraphs
    /// "Paragraph N"; headings are the text's own words.
    pub fn label(&self, label: &str) -> String {
        if label == crate::segment::PREAMBLE {
            return self.preamble.to_string();
        }
        match label.strip_prefix("Paragraph ") {
            Some(n) if n.bytes().all(|b| b.is_ascii_digit()) => format!("{} {n}", self.paragraph),
            _ => label.to_string(),
        }
    }
}

fn pick(titles: &Titles, lang: Language) -> &str {
    titles
        .get(lang.code())
        .or_else(|| titles.get("en"))
        .map(String::as_str)
        .unwrap_or("")
}

/// A clause's words that work against the Guidance, with what they work
/// against and why: one entry per clause and concern, in text order.
pub struct Against<'r> {
    pub clause: &'r str,
    pub label: String,
    pub text: String,
    pub start: usize,
    /// The concern's id, and its explanation in the report's language.
    pub concern: Option<&'r str>,
    pub why: String,
    /// Titles of the elements it works against.
    pub elements: Vec<String>,
    /// The rubric cues (for reviewers).
    pub cues: Vec<String>,
}

/// The concerns of `report`, grouped by clause and concern: a passport
/// clause works against two elements, and is one entry.
pub fn against<'r>(report: &'r Report, rubric: &'r Rubric, lang: Language) -> Vec<Against<'r>> {
    let w = words(lang);
    let mut by: BTreeMap<(usize, &str, Option<&str>), Against<'r>> = BTreeMap::new();
    for f in &report.elements {
        let title = rubric
            .element(&f.id)
            .map_or(f.id.clone(), |e| pick(&e.title, lang).to_string());
        for e in &f.concerns {
            let clause = report
                .clauses
                .iter()
                .find(|c| *c.id == *e.clause())
                .map(|c| c.id.as_ref())
                .unwrap_or("");
            let concern = e
                .concern()
                .and_then(|c| rubric.concern(c).map(|k| k.id.as_str()));
            let entry = by
                .entry((e.start, clause, concern))
                .or_insert_with(|| Against {
                    clause,
                    label: w.label(clause_label(report, e.clause())),
                    text: e.text().trim().to_string(),
                    start: e.start,
                    concern,
                    why: concern
                        .and_then(|c| rubric.concern(c))
                        .map(|k| pick(&k.why, lang).to_string())
                        .unwrap_or_default(),
                    elements: Vec::new(),
                    cues: Vec::new(),
                });
            if !entry.elements.contains(&title) {
                entry.elements.push(title.clone());
            }
            if !entry.cues.iter().any(|c| c == e.cue()) {
                entry.cues.push(e.cue().to_string());
            }
        }
    }
    let mut out: Vec<Against> = by.into_values().collect();
    out.sort_by_key(|a| a.start);
    out
}

/// The elements of `report` with the given statuses, in rubric order.
fn with_status<'r>(
    report: &'r Report,
    statuses: &[Status],
) -> impl Iterator<Item = &'r ElementFinding> {
    report
        .elements
        .iter()
        .filter(move |f| statuses.contains(&f.status))
}

/// Counts per status, in [`Status::ALL`] order.
fn counts(report: &Report) -> Vec<(Status, usize)> {
    Status::ALL
        .iter()
        .map(|&s| (s, report.elements.iter().filter(|f| f.status == s).count()))
        .collect()
}

/// Evidence grouped by clause, in text order: (label, words).
fn quotes<'e>(report: &Report, w: &Words, evidence: &'e [Evidence]) -> Vec<(String, Vec<&'e str>)> {
    let mut out: Vec<(String, Vec<&str>)> = Vec::new();
    let mut last = "";
    for e in evidence {
        if e.clause() != last || out.is_empty() {
            out.push((w.label(clause_label(report, e.clause())), Vec::new()));
            last = e.clause();
        }
        let words = out.last_mut().expect("pushed");
        let text = e.text().trim();
        if !words.1.contains(&text) {
            words.1.push(text);
        }
    }
    out
}

/// A Markdown report, in `lang` (English for other languages).
pub fn markdown(report: &Report, rubric: &Rubric, lang: Language) -> String {
    let w = words(lang);
    let mut out = format!(
        "# {}\n\n{} : {:.0} %\n\n",
        w.heading,
        w.coverage,
        report.coverage * 100.0
    );
    if lang != Language::Fr {
        out = out.replacen(" : ", ": ", 1);
    }
    let tally: Vec<String> = counts(report)
        .into_iter()
        .map(|(s, n)| format!("{} {n}", w.status(s)))
        .collect();
    out.push_str(&format!("{}\n\n", tally.join(" · ")));
    out.push_str(&format!("## {}\n\n", w.against));
    let against = against(report, rubric, lang);
    if against.is_empty() {
        out.push_str(&format!("{}\n\n", w.against_none));
    }
    for a in &against {
        out.push_str(&format!(
            "- **{}** «{}» — {} {}. {}\n",
            a.label,
            a.text,
            w.elements,
            a.elements.join(w.comma),
            a.why
        ));
    }
    let title = |f: &ElementFinding| rubric.element(&f.id).map_or("", |e| pick(&e.title, lang));
    let missing: Vec<&ElementFinding> = with_status(
        report,
        &[Status::Contrary, Status::Absent, Status::Mentioned],
    )
    .collect();
    if !missing.is_empty() {
        out.push_str(&format!("\n## {}\n\n", w.missing));
        for f in missing {
            out.push_str(&format!("- {} — {}", title(f), w.status(f.status)));
            let q = quotes(report, &w, &f.evidence);
            if f.status == Status::Mentioned && !q.is_empty() {
                let said: Vec<String> = q
                    .iter()
                    .map(|(label, words)| format!("{label} «{}»", words.join(" … ")))
                    .collect();
                out.push_str(&format!(" ({} {})", w.in_passing, said.join("; ")));
            }
            out.push('\n');
        }
    }
    for (heading, status) in [
        (w.partial_heading, Status::Partial),
        (w.covered_heading, Status::Covered),
    ] {
        let found: Vec<&ElementFinding> = with_status(report, &[status]).collect();
        if found.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {heading}\n\n"));
        for f in found {
            out.push_str(&format!("### {}\n\n", title(f)));
            for (label, words) in quotes(report, &w, &f.evidence) {
                out.push_str(&format!("- {label}: «{}»\n", words.join(" … ")));
            }
            if f.mixed {
                for (label, words) in quotes(report, &w, &f.concerns) {
                    out.push_str(&format!(
                        "- ⚠ {} {label}: «{}»\n",
                        w.also_against,
                        words.join(" … ")
                    ));
                }
            }
            out.push('\n');
        }
    }
    for (sector, finding) in sectors(report, rubric) {
        out.push_str(&format!(
            "\n## {} {} — {:.0} %\n\n{}\n\n",
            w.sector,
            pick(&sector.title, lang),
            finding.coverage * 100.0,
            pick(&sector.note, lang)
        ));
        for (x, status) in sector.expects.iter().zip(&finding.expectations) {
            let title = rubric
                .element(&x.element)
                .map_or("", |e| pick(&e.title, lang));
            out.push_str(&format!(
                "- {title} — {}: {}\n",
                w.status(status.status),
                pick(&x.why, lang)
            ));
        }
        out.push_str(&format!("\n({})\n", sector.source));
    }
    out
}

/// The report's sector findings with their notes in the rubric.
fn sectors<'a>(
    report: &'a Report,
    rubric: &'a Rubric,
) -> impl Iterator<Item = (&'a crate::rubric::Sector, &'a crate::SectorFinding)> {
    report
        .sectors
        .iter()
        .filter_map(|f| rubric.sector(&f.sector).map(|s| (s, f)))
}

fn clause_label<'a>(report: &'a Report, id: &str) -> &'a str {
    report
        .clauses
        .iter()
        .find(|c| &*c.id == id)
        .map_or("", |c| c.label.as_str())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A standalone HTML page (no scripts, inline print-friendly styles).
pub fn html(report: &Report, rubric: &Rubric, lang: Language) -> String {
    let w = words(lang);
    let code = if lang == Language::Other {
        "en"
    } else {
        lang.code()
    };
    let dir = if lang == Language::Ar { "rtl" } else { "ltr" };
    let colon = if lang == Language::Fr { "&nbsp;:" } else { ":" };
    let mut out = format!(
        "<!doctype html><html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\
         .covered{{color:#0a6b2d}}.partial{{color:#8a5a00}}.absent,.mentioned{{color:#555}}.contrary{{color:#a11}}\
         .against{{border:2px solid #a11;padding:.5rem 1rem;border-radius:4px}}.against h2{{color:#a11}}\
         blockquote{{margin:.25rem 0;padding-inline-start:.75rem;border-inline-start:3px solid #ccc}}\
         .against blockquote{{border-color:#a11}}details{{color:#555;font-size:.9em}}\
         mark{{background:#fff3a3}}@media print{{body{{margin:0}}details{{display:none}}}}</style></head><body>\
         <h1>{}</h1><p>{}{colon} <strong>{:.0}&nbsp;%</strong></p><ul class=\"counts\">",
        escape(w.heading),
        escape(w.heading),
        escape(w.coverage),
        report.coverage * 100.0
    );
    for (s, n) in counts(report) {
        out.push_str(&format!(
            "<li><span class=\"{}\">{}</span>{colon} {n}</li>",
            s.as_str(),
            escape(w.status(s))
        ));
    }
    out.push_str("</ul>");
    out.push_str(&format!(
        "<section class=\"against\"><h2>{}</h2>",
        escape(w.against)
    ));
    let against = against(report, rubric, lang);
    if against.is_empty() {
        out.push_str(&format!("<p>{}</p>", escape(w.against_none)));
    }
    for a in &against {
        out.push_str(&format!(
            "<div class=\"concern\"><h3><bdi>{}</bdi></h3><blockquote><mark><bdi>{}</bdi></mark></blockquote>\
             <p><strong>{}</strong> {}</p><p>{}</p>\
             <details><summary>{}</summary>{} <code>{}</code></details></div>",
            escape(&a.label),
            escape(&a.text),
            escape(w.elements),
            escape(&a.elements.join(w.comma)),
            escape(&a.why),
            escape(w.why),
            escape(w.cue),
            escape(&a.cues.join(" | "))
        ));
    }
    out.push_str("</section>");
    let title = |f: &ElementFinding| rubric.element(&f.id).map_or("", |e| pick(&e.title, lang));
    let missing: Vec<&ElementFinding> = with_status(
        report,
        &[Status::Contrary, Status::Absent, Status::Mentioned],
    )
    .collect();
    if !missing.is_empty() {
        out.push_str(&format!("<section><h2>{}</h2><ul>", escape(w.missing)));
        for f in missing {
            let status = f.status.as_str();
            out.push_str(&format!(
                "<li><bdi>{}</bdi> — <span class=\"{status}\">{}</span>",
                escape(title(f)),
                escape(w.status(f.status))
            ));
            if f.status == Status::Mentioned {
                let said: Vec<String> = quotes(report, &w, &f.evidence)
                    .into_iter()
                    .map(|(label, words)| {
                        format!(
                            "<bdi>{}</bdi> «<bdi>{}</bdi>»",
                            escape(&label),
                            escape(&words.join(" … "))
                        )
                    })
                    .collect();
                if !said.is_empty() {
                    out.push_str(&format!(
                        "<br><small>{} {}</small>",
                        escape(w.in_passing),
                        said.join("; ")
                    ));
                }
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></section>");
    }
    for (heading, status) in [
        (w.partial_heading, Status::Partial),
        (w.covered_heading, Status::Covered),
    ] {
        let found: Vec<&ElementFinding> = with_status(report, &[status]).collect();
        if found.is_empty() {
            continue;
        }
        out.push_str(&format!("<section><h2>{}</h2>", escape(heading)));
        for f in found {
            let Some(element) = rubric.element(&f.id) else {
                continue;
            };
            out.push_str(&format!(
                "<h3><bdi>{}</bdi> — <span class=\"{}\">{}</span></h3><p>{}</p>",
                escape(pick(&element.title, lang)),
                f.status.as_str(),
                escape(w.status(f.status)),
                escape(pick(&element.definition, lang))
            ));
            for (label, words) in quotes(report, &w, &f.evidence) {
                out.push_str(&format!(
                    "<blockquote><bdi>{}</bdi>{colon} <mark><bdi>{}</bdi></mark></blockquote>",
                    escape(&label),
                    escape(&words.join(" … "))
                ));
            }
            if f.mixed {
                for (label, words) in quotes(report, &w, &f.concerns) {
                    out.push_str(&format!(
                        "<blockquote class=\"contrary\">⚠ {} <bdi>{}</bdi>{colon} <mark><bdi>{}</bdi></mark></blockquote>",
                        escape(w.also_against),
                        escape(&label),
                        escape(&words.join(" … "))
                    ));
                }
            }
            let cues: Vec<&str> = f.evidence.iter().map(Evidence::cue).collect();
            out.push_str(&format!(
                "<details><summary>{}</summary>{} <code>{}</code></details>",
                escape(w.why),
                escape(w.cue),
                escape(&cues.join(" | "))
            ));
        }
        out.push_str("</section>");
    }
    for (sector, finding) in sectors(report, rubric) {
        out.push_str(&format!(
            "<section><h2>{} <bdi>{}</bdi> — {:.0}&nbsp;%</h2><p>{}</p><ul>",
            escape(w.sector),
            escape(pick(&sector.title, lang)),
            finding.coverage * 100.0,
            escape(pick(&sector.note, lang))
        ));
        for (x, status) in sector.expects.iter().zip(&finding.expectations) {
            let title = rubric
                .element(&x.element)
                .map_or("", |e| pick(&e.title, lang));
            let class = status.status.as_str();
            out.push_str(&format!(
                "<li><bdi>{}</bdi> — <span class=\"{class}\">{}</span>{colon} {}</li>",
                escape(title),
                escape(w.status(status.status)),
                escape(pick(&x.why, lang))
            ));
        }
        out.push_str(&format!(
            "</ul><p><small>{}</small></p></section>",
            escape(&sector.source)
        ));
    }
    out.push_str("</body></html>\n");
    out
}
