//! Who runs this hub: the hosting organisation's name, logo, presentation
//! and contact points, in the four languages, from the configuration, so
//! that an IOM country office, a ministry or a regional body can run its
//! own hub under its own name.

use std::collections::BTreeMap;

use passerelle_domain::{Lang, Localized};
use serde::{Deserialize, Serialize};

/// The `[site]` section of the configuration.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The hub's name (default "Passerelle").
    #[serde(default)]
    pub name: Localized,
    /// The hosting organisation.
    #[serde(default)]
    pub organisation: Localized,
    /// Who we are, what we do: plain paragraphs, separated by blank lines.
    #[serde(default)]
    pub about: Localized,
    /// Contact points by purpose (`general`, `press`, `partners`, ...).
    #[serde(default)]
    pub contacts: BTreeMap<String, Contact>,
    /// Logo bytes and media type, read from the configured file at start.
    #[serde(skip)]
    pub logo: Option<(Vec<u8>, &'static str)>,
    /// Path of the logo file (PNG, SVG or JPEG).
    #[serde(default)]
    pub logo_file: Option<std::path::PathBuf>,
    /// The address the public reaches the hub at (`https://hub.example.org`):
    /// absolute links (feeds) are made from it, never from the `Host` a
    /// request names, which anyone can set.
    #[serde(default)]
    pub public_url: Option<String>,
    /// The licence the data is published under, as its address (the
    /// catalogue and data packages name it); Creative Commons Attribution
    /// 4.0 unless configured.
    #[serde(default)]
    pub data_licence: Option<String>,
    /// The hosting organisation's own text for the pages "who we are",
    /// "our work" and "take action" (keys `who-we-are`, `our-work`,
    /// `take-action`), paragraphs separated by blank lines; without one a
    /// page shows the hub's own text.
    #[serde(default)]
    pub pages: BTreeMap<String, Localized>,
}

/// The data licence when none is configured.
pub const DEFAULT_DATA_LICENCE: &str = "https://creativecommons.org/licenses/by/4.0/";

/// The pages a hosting organisation may write, by address.
pub const PAGES: [&str; 3] = ["who-we-are", "our-work", "take-action"];

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub label: Localized,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

/// What the templates see of the site, in one language.
#[derive(Serialize)]
pub struct SiteView {
    /// The configured public address, for links that must be absolute.
    pub public_url: Option<String>,
    pub name: String,
    pub organisation: Option<String>,
    pub about: Vec<String>,
    pub contacts: Vec<ContactView>,
    pub logo: bool,
}

#[derive(Serialize)]
pub struct ContactView {
    pub purpose: String,
    pub label: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

impl Site {
    /// The data licence's address.
    pub fn data_licence(&self) -> &str {
        self.data_licence.as_deref().unwrap_or(DEFAULT_DATA_LICENCE)
    }

    pub fn view(&self, lang: Lang) -> SiteView {
        SiteView {
            public_url: self.public_url.clone(),
            name: self.name.best(lang).unwrap_or("Passerelle").to_string(),
            organisation: self.organisation.best(lang).map(str::to_string),
            about: self
                .about
                .best(lang)
                .unwrap_or("")
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            contacts: self
                .contacts
                .iter()
                .map(|(purpose, c)| ContactView {
                    purpose: purpose.clone(),
                    label: c.label.best(lang).map(str::to_string),
                    email: c.email.clone(),
                    phone: c.phone.clone(),
                    address: c.address.clone(),
                })
                .collect(),
            logo: self.logo.is_some(),
        }
    }

    /// Checks that `pages` names only the pages there are.
    pub fn check_pages(&self) -> Result<(), String> {
        match self.pages.keys().find(|k| !PAGES.contains(&k.as_str())) {
            Some(k) => Err(format!(
                "pages.{k}: there is no such page; the pages are {}",
                PAGES.join(", ")
            )),
            None => Ok(()),
        }
    }

    /// The host's paragraphs for `page` in `lang` (else English, else any).
    pub fn page(&self, page: &str, lang: Lang) -> Option<Vec<String>> {
        let text = self.pages.get(page)?.best(lang)?;
        Some(
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
        )
    }

    /// Checks `public_url` (an http or https address with a host, no path,
    /// query or fragment) and drops a closing slash.
    pub fn check_public_url(&mut self) -> Result<(), String> {
        let Some(url) = &self.public_url else {
            return Ok(());
        };
        let url = url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| format!("public_url `{url}` must start with https:// or http://"))?;
        let host_ok = !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
        if !host_ok {
            return Err(format!(
                "public_url `{url}` must be a scheme and a host only, e.g. https://hub.example.org"
            ));
        }
        self.public_url = Some(url.to_string());
        Ok(())
    }

    /// Reads the logo file named by `logo_file`.
    pub fn load_logo(&mut self) -> std::io::Result<()> {
        let Some(path) = &self.logo_file else {
            return Ok(());
        };
        let bytes = std::fs::read(path)?;
        let mime = match path.extension().and_then(|e| e.to_str()) {
            Some("svg") => "image/svg+xml",
            Some("jpg" | "jpeg") => "image/jpeg",
            Some("png") => "image/png",
            _ => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("{}: the logo must be .svg, .png or .jpg", path.display()),
                ));
            }
        };
        self.logo = Some((bytes, mime));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_writes_only_the_pages_there_are_and_reads_them_by_language() {
        let site: Site = serde_json::from_value(serde_json::json!({"pages": {
            "who-we-are": {"fr": "Nous.\n\nDeuxième paragraphe."},
            "take-action": {"en": "Write to us."}
        }}))
        .unwrap();
        assert!(site.check_pages().is_ok());
        assert_eq!(
            site.page("who-we-are", Lang::Fr).unwrap(),
            ["Nous.", "Deuxième paragraphe."]
        );
        assert_eq!(
            site.page("take-action", Lang::Ar).unwrap(),
            ["Write to us."]
        );
        assert!(
            site.page("our-work", Lang::Fr).is_none(),
            "the hub's own text"
        );
        let wrong: Site =
            serde_json::from_value(serde_json::json!({"pages": {"who_we_are": {"fr": "x"}}}))
                .unwrap();
        assert!(wrong.check_pages().unwrap_err().contains("who-we-are"));
    }
}
