//! Reports as Markdown and as a standalone, printable HTML page, in the
//! language asked for (Arabic right to left).

use crate::rubric::{Rubric, Titles};
use crate::{Language, Report, Status};

struct Words {
    heading: &'static str,
    coverage: &'static str,
    covered: &'static str,
    partial: &'static str,
    absent: &'static str,
    missing: &'static str,
    concerns: &'static str,
    cue: &'static str,
    sector: &'static str,
}

fn words(lang: Language) -> Words {
    match lang {
        Language::Fr => Words {
            heading: "Évaluation au regard des orientations sur les accords bilatéraux de migration de main-d'œuvre",
            coverage: "Couverture",
            covered: "couvert",
            partial: "partiel",
            absent: "absent",
            missing: "Éléments absents",
            concerns: "Points d'attention",
            cue: "indice",
            sector: "Attentes propres au secteur :",
        },
        Language::Es => Words {
            heading: "Evaluación según la Orientación sobre acuerdos bilaterales de migración laboral",
            coverage: "Cobertura",
            covered: "cubierto",
            partial: "parcial",
            absent: "ausente",
            missing: "Elementos ausentes",
            concerns: "Puntos de atención",
            cue: "indicio",
            sector: "Expectativas propias del sector:",
        },
        Language::Ar => Words {
            heading: "تقييم وفق التوجيهات بشأن الاتفاقات الثنائية لهجرة اليد العاملة",
            coverage: "نسبة التغطية",
            covered: "مشمول",
            partial: "جزئي",
            absent: "غائب",
            missing: "العناصر الغائبة",
            concerns: "نقاط تستدعي الانتباه",
            cue: "مؤشر",
            sector: "ما يُنتظر في هذا القطاع:",
        },
        _ => Words {
            heading: "Assessment against the Guidance on Bilateral Labour Migration Agreements",
            coverage: "Coverage",
            covered: "covered",
            partial: "partial",
            absent: "absent",
            missing: "Missing elements",
            concerns: "Concerns",
            cue: "cue",
            sector: "Sector expectations:",
        },
    }
}

fn pick(titles: &Titles, lang: Language) -> &str {
    titles
        .get(lang.code())
        .or_else(|| titles.get("en"))
        .map(String::as_str)
        .unwrap_or("")
}

fn status_word(w: &Words, s: Status) -> &'static str {
    match s {
        Status::Covered => w.covered,
        Status::Partial => w.partial,
        Status::Absent => w.absent,
    }
}

/// A Markdown report, in `lang` (English for other languages).
pub fn markdown(report: &Report, rubric: &Rubric, lang: Language) -> String {
    let w = words(lang);
    let mut out = format!(
        "# {}\n\n{}: {:.0} %\n\n",
        w.heading,
        w.coverage,
        report.coverage * 100.0
    );
    for f in &report.elements {
        let Some(element) = rubric.element(&f.id) else {
            continue;
        };
        out.push_str(&format!(
            "## {} — {}\n\n",
            pick(&element.title, lang),
            status_word(&w, f.status)
        ));
        for e in &f.evidence {
            let label = clause_label(report, e.clause());
            out.push_str(&format!(
                "- {label}: «{}» ({} `{}`)\n",
                e.text().trim(),
                w.cue,
                e.cue()
            ));
        }
        for e in &f.concerns {
            out.push_str(&format!(
                "- ⚠ {}: «{}» ({} `{}`)\n",
                w.concerns,
                e.text().trim(),
                w.cue,
                e.cue()
            ));
        }
        out.push('\n');
    }
    let missing: Vec<&str> = report
        .elements
        .iter()
        .filter(|f| f.status == Status::Absent)
        .filter_map(|f| rubric.element(&f.id).map(|e| pick(&e.title, lang)))
        .collect();
    if !missing.is_empty() {
        out.push_str(&format!("## {}\n\n", w.missing));
        for m in missing {
            out.push_str(&format!("- {m}\n"));
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
                status_word(&w, status.status),
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
    let mut out = format!(
        "<!doctype html><html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\
         .covered{{color:#0a6b2d}}.partial{{color:#8a5a00}}.absent{{color:#a11}}\
         blockquote{{margin:.25rem 0;padding-inline-start:.75rem;border-inline-start:3px solid #ccc}}\
         mark{{background:#fff3a3}}@media print{{body{{margin:0}}}}</style></head><body>\
         <h1>{}</h1><p>{}: <strong>{:.0}&nbsp;%</strong></p>",
        escape(w.heading),
        escape(w.heading),
        escape(w.coverage),
        report.coverage * 100.0
    );
    for f in &report.elements {
        let Some(element) = rubric.element(&f.id) else {
            continue;
        };
        let status = f.status.as_str();
        out.push_str(&format!(
            "<section><h2><bdi>{}</bdi> — <span class=\"{status}\">{}</span></h2><p>{}</p>",
            escape(pick(&element.title, lang)),
            escape(status_word(&w, f.status)),
            escape(pick(&element.definition, lang))
        ));
        for e in &f.evidence {
            let label = clause_label(report, e.clause());
            out.push_str(&format!(
                "<blockquote><bdi>{}</bdi>: <mark><bdi>{}</bdi></mark> <small>({} <code>{}</code>)</small></blockquote>",
                escape(label),
                escape(e.text().trim()),
                escape(w.cue),
                escape(e.cue())
            ));
        }
        for e in &f.concerns {
            out.push_str(&format!(
                "<blockquote>⚠ {}: <mark><bdi>{}</bdi></mark></blockquote>",
                escape(w.concerns),
                escape(e.text().trim())
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
                "<li><bdi>{}</bdi> — <span class=\"{class}\">{}</span>: {}</li>",
                escape(title),
                escape(status_word(&w, status.status)),
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
