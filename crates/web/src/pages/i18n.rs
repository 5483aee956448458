//! Interface strings in the four languages, from the Fluent files in
//! `locales/`, and the choice of language from a request.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use passerelle_domain::Lang;

/// The Fluent source of each language, embedded at build time.
const SOURCES: [(Lang, &str); 4] = [
    (Lang::Fr, include_str!("../../locales/fr.ftl")),
    (Lang::En, include_str!("../../locales/en.ftl")),
    (Lang::Es, include_str!("../../locales/es.ftl")),
    (Lang::Ar, include_str!("../../locales/ar.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static HashMap<Lang, Bundle> {
    static BUNDLES: OnceLock<HashMap<Lang, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(lang, source)| {
                // The files are part of the build and checked by a test, so
                // a syntax error is a defect of the build, not of a request.
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, e)| panic!("locales/{}.ftl: {e:?}", lang.code()));
                let id = lang.code().parse().expect("language codes are valid tags");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|e| panic!("locales/{}.ftl: {e:?}", lang.code()));
                (*lang, bundle)
            })
            .collect()
    })
}

/// The message `key` in `lang` (English where the language lacks it, the
/// key itself where every language does).
/// The message `key` in `lang` (or English) when some language has it.
pub fn try_tr(lang: Lang, key: &str) -> Option<String> {
    [lang, Lang::En]
        .iter()
        .any(|l| bundles()[l].has_message(key))
        .then(|| tr(lang, key, &[]))
}

pub fn tr(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        a
    });
    for l in [lang, Lang::En] {
        let bundle = &bundles()[&l];
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args.as_ref(), &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// Message ids of a language, for the test that every language has them all.
#[cfg(test)]
pub fn keys(lang: Lang) -> Vec<String> {
    let source = SOURCES.iter().find(|(l, _)| *l == lang).expect("four").1;
    let resource = FluentResource::try_new(source.to_string()).expect("parses");
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Writing direction of a language.
pub fn dir(lang: Lang) -> &'static str {
    if lang == Lang::Ar { "rtl" } else { "ltr" }
}

/// The best of the four languages for an `Accept-Language` header
/// (RFC 9110 §12.5.4): highest quality first, earlier first among equals,
/// a region subtag ignored (`fr-CA` is French); English when none fits.
pub fn negotiate(accept_language: Option<&str>) -> Lang {
    let mut best: Option<(f32, Lang)> = None;
    for item in accept_language.unwrap_or("").split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(lang) = Lang::parse(primary)
            && q > 0.0
            && best.is_none_or(|(bq, _)| q > bq)
        {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l).unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_quality_then_order() {
        assert_eq!(negotiate(Some("ar-MA,fr;q=0.8,en;q=0.5")), Lang::Ar);
        assert_eq!(negotiate(Some("de-DE,es;q=0.3,fr;q=0.9")), Lang::Fr);
        assert_eq!(negotiate(Some("de, it")), Lang::En);
        assert_eq!(negotiate(Some("fr;q=0, es")), Lang::Es);
        assert_eq!(negotiate(None), Lang::En);
    }

    #[test]
    fn every_language_has_every_message() {
        let english = keys(Lang::En);
        for lang in Lang::ALL {
            let have = keys(lang);
            let missing: Vec<_> = english.iter().filter(|k| !have.contains(k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            let extra: Vec<_> = have.iter().filter(|k| !english.contains(k)).collect();
            assert!(extra.is_empty(), "{} has unknown {extra:?}", lang.code());
        }
    }

    /// Every problem code has its message on the error page, in each
    /// language: the list of codes is the one the API and the OpenAPI
    /// document use.
    #[test]
    fn every_error_code_has_a_message() {
        for lang in Lang::ALL {
            let have = keys(lang);
            for code in crate::error::Code::ALL {
                let key = format!("error-{code}");
                assert!(have.contains(&key), "{} lacks {key}", lang.code());
            }
        }
    }

    /// French sets a no-break space before ":" and a narrow one before
    /// ";", "?" and "!", everywhere alike: a plain space could break the
    /// line before the sign, and two styles on one page look careless.
    #[test]
    fn french_punctuation_is_spaced_one_way() {
        let source = SOURCES.iter().find(|(l, _)| *l == Lang::Fr).expect("fr").1;
        for (n, line) in source.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            for sign in [':', ';', '?', '!'] {
                assert!(
                    !line.contains(&format!(" {sign}")),
                    "fr.ftl line {}: a plain space before {sign:?}: {line}",
                    n + 1
                );
            }
        }
    }

    #[test]
    fn arguments_and_fallback() {
        assert_eq!(tr(Lang::En, "no-such-message", &[]), "no-such-message");
        let n = tr(Lang::En, "results-count", &[("count", 3.into())]);
        assert!(n.contains('3'), "{n}");
    }
}
