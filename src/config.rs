//! Settings from, in order of precedence: command-line options, environment
//! variables (`PASSERELLE_*`), the config file, defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use passerelle_store::Store;
use serde::Deserialize;

use crate::GlobalArgs;

/// The config file (`passerelle.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    bind: Option<SocketAddr>,
    /// Token that may write through the API (else one is generated).
    admin_token: Option<String>,
    /// Where this node keeps its search index (a cache; default: `search`
    /// in the data folder).
    search_dir: Option<PathBuf>,
    /// The hosting organisation, shown on the pages.
    site: Option<passerelle_web::Site>,
    /// `false` only to serve sign-in over plain HTTP beyond localhost.
    secure_cookies: Option<bool>,
    /// Reverse proxies (addresses or networks) whose `X-Forwarded-For`
    /// names the client.
    trusted_proxies: Option<Vec<String>>,
    /// `false` to compute every page for every visitor (benchmarks).
    page_cache: Option<bool>,
}

#[derive(Debug)]
pub struct Settings {
    pub database_url: String,
    pub search_dir: PathBuf,
    pub bind: Option<SocketAddr>,
    pub admin_token: Option<String>,
    pub site: passerelle_web::Site,
    pub secure_cookies: bool,
    pub trusted_proxies: Vec<passerelle_web::proxies::Network>,
    pub page_cache: bool,
}

pub const DEFAULT_DATA_DIR: &str = "passerelle-data";

impl Settings {
    pub fn load(args: &GlobalArgs) -> Result<Settings> {
        let default_dir = args
            .data_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
        let (path, required) = match &args.config {
            Some(p) => (p.clone(), true),
            None => (default_dir.join("passerelle.toml"), false),
        };
        let file = read_config(&path, required)?;
        let data_dir = args
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
        let database_url = match args.database_url.clone().or(file.database_url) {
            Some(url) => url,
            None => format!("sqlite://{}", data_dir.join("passerelle.db").display()),
        };
        let admin_token = std::env::var("PASSERELLE_ADMIN_TOKEN")
            .ok()
            .or(file.admin_token);
        let search_dir = file
            .search_dir
            .clone()
            .unwrap_or_else(|| data_dir.join("search"));
        let mut site = file.site.unwrap_or_default();
        if let Some(logo) = &site.logo_file
            && logo.is_relative()
        {
            // A relative logo path is read from beside the config file.
            site.logo_file = Some(path.parent().unwrap_or(Path::new(".")).join(logo));
        }
        site.load_logo()
            .with_context(|| format!("{}: cannot read the site logo", path.display()))?;
        site.check_public_url()
            .map_err(|e| anyhow::anyhow!("{}: [site] {e}", path.display()))?;
        site.check_pages()
            .map_err(|e| anyhow::anyhow!("{}: [site] {e}", path.display()))?;
        let mut trusted_proxies = Vec::new();
        for (i, p) in file.trusted_proxies.iter().flatten().enumerate() {
            trusted_proxies.push(
                p.parse().map_err(|e| {
                    anyhow::anyhow!("{}: trusted_proxies[{i}]: {e}", path.display())
                })?,
            );
        }
        Ok(Settings {
            database_url,
            search_dir,
            bind: file.bind,
            admin_token,
            site,
            secure_cookies: file.secure_cookies.unwrap_or(true),
            trusted_proxies,
            page_cache: file.page_cache.unwrap_or(true),
        })
    }

    /// Opens the database, creating and migrating it when new.
    pub async fn open_store(&self) -> Result<Store> {
        Store::open(&self.database_url)
            .await
            .with_context(|| format!("cannot open the database {}", redact(&self.database_url)))
    }
}

fn read_config(path: &Path, required: bool) -> Result<FileConfig> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(FileConfig::default());
        }
        Err(e) => bail!("cannot read the config file {}: {e}", path.display()),
    };
    toml::from_str(&text).with_context(|| format!("invalid config file {}", path.display()))
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}
