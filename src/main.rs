//! `passerelle`: the command line of the Passerelle hub. It serves the web
//! interface and API, imports and exports records, loads demo data and
//! migrates the database. Every command takes the same `--data-dir` and
//! `--database-url` options (also from the environment and a config file).

mod assessment;
mod config;
mod demo;
mod search;
mod transfer;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use passerelle_domain::Kind;

use crate::config::Settings;

#[derive(Parser, Debug)]
#[command(
    name = "passerelle",
    version,
    about = "Registry and knowledge hub for labour migration agreements"
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Debug, Clone)]
pub struct GlobalArgs {
    /// Folder for the embedded database (SQLite) and local files.
    #[arg(long, global = true, env = "PASSERELLE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Use this database instead of the embedded one: postgres://user@host/db or sqlite://PATH.
    #[arg(long, global = true, env = "PASSERELLE_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Configuration file (TOML); default: passerelle.toml in the data folder, if present.
    #[arg(long, global = true, env = "PASSERELLE_CONFIG")]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Add a user; the password is read from PASSERELLE_PASSWORD or
    /// standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, editor, reviewer or contributor.
        #[arg(long, default_value = "contributor", value_parser = parse_role)]
        role: passerelle_domain::account::Role,
        #[arg(long)]
        organisation: Option<String>,
        /// The language of their pages after sign-in: fr, en, es or ar.
        #[arg(long)]
        lang: Option<String>,
    },
    /// List the users.
    List,
    /// Disable a user: their sessions end and their tokens stop at once.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Enable a disabled user.
    Enable {
        #[arg(long)]
        email: String,
    },
    /// Set a user's password (from PASSERELLE_PASSWORD or standard input),
    /// for one who forgot theirs; their sessions end.
    Password {
        #[arg(long)]
        email: String,
    },
}

fn parse_role(s: &str) -> Result<passerelle_domain::account::Role, String> {
    passerelle_domain::account::Role::parse(s)
        .ok_or_else(|| format!("`{s}` is not a role: admin, editor, reviewer or contributor"))
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the web interface and the API.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "PASSERELLE_BIND")]
        bind: Option<SocketAddr>,
        /// Load the demo data before serving (records already there are kept).
        #[arg(long)]
        demo: bool,
    },
    /// Import records from a CSV or JSON file (all of it or, on any error, none).
    Import {
        /// The file; `-` reads standard input.
        file: PathBuf,
        /// Kind of records (detected from the content when absent).
        #[arg(long)]
        kind: Option<Kind>,
        /// File format (detected from the extension or content when absent).
        #[arg(long, value_enum)]
        format: Option<transfer::Format>,
    },
    /// Export every record of a kind as CSV or JSON; re-importing it gives the same data.
    Export {
        #[arg(long)]
        kind: Kind,
        #[arg(long, value_enum, default_value = "json")]
        format: transfer::Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Create or upgrade the database schema, then exit.
    Migrate,
    /// Load the demo data, or generate a synthetic corpus for benchmarks.
    Demo {
        /// Generate this many synthetic agreements (with text bodies) instead.
        #[arg(long)]
        synthetic: Option<u64>,
        /// Seed of the synthetic corpus (the same seed gives the same corpus).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Make an API token and print it (once). Without `--email`, it is the
    /// operator's token, and the operator's earlier tokens stop working.
    Token {
        /// The user whose token it is; it carries their role.
        #[arg(long)]
        email: Option<String>,
        /// What the token is for, as its owner sees it on the account page.
        #[arg(long, default_value = "command line")]
        name: String,
    },
    /// Assess an agreement (PDF, DOCX, HTML or text) against the BLMA Guidance.
    Assess {
        /// The file; `-` reads standard input.
        file: PathBuf,
        /// Language of the text.
        #[arg(long, value_enum, default_value = "auto")]
        lang: assessment::LangArg,
        /// Report format: JSON (the contract for tools), Markdown or HTML.
        #[arg(long, value_enum, default_value = "json")]
        format: assessment::ReportFormat,
        /// Use this rubric file instead of the built-in blma-guidance-2022.
        #[arg(long)]
        rubric: Option<PathBuf>,
        /// Add what the Guidance expects of agreements for a sector:
        /// seasonal_work, health_workers or domestic_workers (repeatable).
        #[arg(long = "sector", value_name = "SECTOR")]
        sectors: Vec<String>,
    },
    /// Search the registry (words, "phrases", -exclusions, OR, country:MA type:mou year:2001..2023).
    Search {
        /// The query.
        query: String,
        /// Print the results (with facet counts) as JSON.
        #[arg(long)]
        json: bool,
        /// Language of titles.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: passerelle_search::Lang,
        /// Number of hits to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Rebuild this node's search index from the database.
    Reindex,
    /// Write a consistent copy of the SQLite database to a new file, while
    /// the hub keeps serving.
    Backup {
        /// The new file (never overwritten).
        file: PathBuf,
    },
    /// Accounts: add the first admin, add, list, disable or enable users.
    #[command(subcommand)]
    User(UserCommand),
    /// Read one file from standard input and write its text to standard
    /// output (the server runs this as a worker process, so that a parser
    /// crash or endless loop cannot take it down).
    #[command(hide = true)]
    ExtractWorker {
        #[arg(long)]
        file_name: Option<String>,
        #[arg(long)]
        max_bytes: usize,
        /// Read a scan by OCR, in these languages (ISO codes, comma
        /// separated; empty: every language the rubric has).
        #[arg(long)]
        ocr: Option<String>,
    },
    /// Precision, recall and F1 of the assessment on the labelled corpus.
    Eval {
        /// The corpus folder.
        #[arg(long, default_value = "crates/assess/corpus")]
        corpus: PathBuf,
        /// List every wrong finding.
        #[arg(long)]
        misses: bool,
        /// Use this rubric file instead of the built-in blma-guidance-2022.
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
}

fn parse_lang(s: &str) -> Result<passerelle_search::Lang, String> {
    passerelle_search::Lang::parse(s).ok_or_else(|| format!("`{s}` is not fr, en, es or ar"))
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PASSERELLE_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(cli))
}

async fn run(cli: Cli) -> Result<()> {
    // The engine commands need no database.
    match &cli.command {
        Command::Assess {
            file,
            lang,
            format,
            rubric,
            sectors,
        } => {
            return assessment::assess(file, *lang, *format, rubric.as_deref(), sectors);
        }
        Command::Eval {
            corpus,
            misses,
            rubric,
        } => return assessment::eval(corpus, *misses, rubric.as_deref()),
        Command::ExtractWorker {
            file_name,
            max_bytes,
            ocr,
        } => {
            let limits = passerelle_extract::Limits {
                max_bytes: *max_bytes,
                ..passerelle_extract::Limits::default()
            };
            passerelle_extract::worker::limit_memory(passerelle_extract::worker::MAX_MEMORY)?;
            let tools = passerelle_extract::ocr::Tools::default();
            let languages: Vec<&str> = ocr
                .as_deref()
                .map(|l| l.split(',').filter(|c| !c.is_empty()).collect())
                .unwrap_or_default();
            passerelle_extract::worker::serve(
                std::io::stdin().lock(),
                std::io::stdout().lock(),
                file_name.as_deref(),
                limits,
                ocr.is_some().then_some((&tools, languages.as_slice())),
            )?;
            return Ok(());
        }
        _ => {}
    }
    let settings = Settings::load(&cli.global)?;
    let store = settings.open_store().await?;
    reproject_if_needed(&store).await?;
    match cli.command {
        Command::Serve { bind, demo } => {
            if demo {
                demo::load(&store).await?;
            }
            let bind = bind
                .or(settings.bind)
                .unwrap_or_else(|| "127.0.0.1:8080".parse().expect("valid address"));
            serve(store, &settings, bind).await
        }
        Command::Import { file, kind, format } => {
            transfer::import(&store, &file, kind, format).await
        }
        Command::Export {
            kind,
            format,
            output,
        } => transfer::export(&store, kind, format, output.as_deref()).await,
        Command::Migrate => {
            println!("database is up to date ({})", store.backend_name());
            Ok(())
        }
        Command::Demo {
            synthetic: Some(n),
            seed,
        } => demo::synthetic(&store, n, seed).await,
        Command::Demo {
            synthetic: None, ..
        } => demo::load(&store).await,
        Command::Search {
            query,
            json,
            lang,
            limit,
        } => search::search(&store, &settings.search_dir, &query, lang, limit, json).await,
        Command::Reindex => search::reindex(&store, &settings.search_dir).await,
        Command::Backup { file } => {
            store.backup_to(&file).await?;
            let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            println!(
                "backed up to {} ({:.1} MB); to restore, stop the hub and put this file in place of the database",
                file.display(),
                size as f64 / 1e6
            );
            Ok(())
        }
        Command::User(action) => users(&store, action).await,
        Command::Assess { .. } | Command::Eval { .. } | Command::ExtractWorker { .. } => {
            unreachable!("handled above")
        }
        Command::Token { email, name } => token(&store, email.as_deref(), &name).await,
    }
}

/// The `token` command.
async fn token(store: &passerelle_store::Store, email: Option<&str>, name: &str) -> Result<()> {
    let user = match email {
        Some(email) => {
            store
                .user_with_hash(email)
                .await?
                .with_context(|| format!("no user with e-mail `{email}`"))?
                .0
        }
        None => {
            let operator = hub(store).operator().await?;
            hub(store).revoke_tokens_of(&cli(), &operator.id).await?;
            operator
        }
    };
    if user.disabled {
        bail!("{} is disabled: enable the user first", user.email);
    }
    let token = hub(store).issue_token(&cli(), &user.id, name).await?;
    println!("{token}");
    eprintln!(
        "An API token of {} ({}); it is not shown again.{}",
        user.email,
        user.role,
        if email.is_none() {
            " The operator's earlier tokens no longer work."
        } else {
            ""
        }
    );
    Ok(())
}

async fn serve(
    store: passerelle_store::Store,
    settings: &Settings,
    bind: SocketAddr,
) -> Result<()> {
    use passerelle_web::OperatorToken;
    match passerelle_web::Hub::new(store.clone())
        .operator_token(settings.admin_token.as_deref())
        .await?
    {
        OperatorToken::Fresh(token) => eprintln!(
            "\nAdmin token for writing through the API (shown once; replace it with `passerelle token`):\n  {token}\n"
        ),
        OperatorToken::ConfiguredRevoked => eprintln!(
            "warning: the configured admin_token was revoked and does not work; configure another or make one with `passerelle token`"
        ),
        OperatorToken::Configured | OperatorToken::Kept => {}
    }
    let operator = passerelle_domain::account::OPERATOR_EMAIL;
    if store.users().await?.iter().all(|u| u.email == operator) {
        eprintln!(
            "No accounts yet. Create the first administrator with:\n  passerelle user add --role admin --email you@example.org --name \"Your Name\"\n"
        );
    }
    let nudge = Arc::new(tokio::sync::Notify::new());
    let index = search::for_server(&store, &settings.search_dir, Arc::clone(&nudge)).await?;
    let mut state = passerelle_web::AppState::new(store, index);
    state.search_nudge = nudge;
    // Uploaded files are read by this same program in a child process.
    let program = std::env::current_exe().context("cannot find this program's path")?;
    state.hub.reader = passerelle_web::FileReader::Worker(Arc::new(program));
    state.site = Arc::new(settings.site.clone());
    state.secure_cookies = settings.secure_cookies;
    state.trusted_proxies = Arc::new(settings.trusted_proxies.clone());
    if !settings.page_cache {
        state.page_cache = Arc::new(passerelle_web::PageCache::disabled());
    }
    let app = passerelle_web::router(state);
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind}"))?;
    let addr = listener.local_addr()?;
    println!("Passerelle is serving at http://{addr}/ (API reference: http://{addr}/api)");
    // Each request carries its peer's address (sign-in throttling), and
    // clients that send too slowly are cut off (see `Timeouts`).
    passerelle_web::serve(listener, app, passerelle_web::Timeouts::default(), async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}

/// Brings the stored columns and facets up to the code's projection when
/// they were computed by an older one (a new facet, say), with a progress
/// bar; nothing to do on most starts. See `Store::reproject`.
async fn reproject_if_needed(store: &passerelle_store::Store) -> Result<()> {
    if !store.projection_outdated().await? {
        return Ok(());
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} records")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message("updating the lists' columns and facets");
    let started = std::time::Instant::now();
    let n = store
        .reproject(|done, total| {
            bar.set_length(total);
            bar.set_position(done);
        })
        .await
        .context("cannot update the stored columns and facets")?;
    bar.finish_and_clear();
    if n > 0 {
        eprintln!(
            "updated the columns and facets of {n} records in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// The `user` commands.
async fn users(store: &passerelle_store::Store, action: UserCommand) -> Result<()> {
    match action {
        UserCommand::Add {
            email,
            name,
            role,
            organisation,
            lang,
        } => {
            let new = passerelle_store::NewUser {
                email: &email,
                display_name: &name,
                organisation: organisation.as_deref(),
                preferred_lang: lang.as_deref(),
                role,
            };
            let user = hub(store).add_user(&cli(), new, read_password()?).await?;
            println!(
                "added {} ({}) as {}",
                user.email, user.display_name, user.role
            );
        }
        UserCommand::List => {
            for u in store.users().await? {
                let state = if u.disabled { "disabled" } else { "active" };
                println!("{}\t{}\t{}\t{state}", u.email, u.role, u.display_name);
            }
        }
        UserCommand::Password { email } => {
            let (user, _) = store
                .user_with_hash(&email)
                .await?
                .with_context(|| format!("no user with e-mail `{email}`"))?;
            hub(store)
                .reset_password(&cli(), &user.id, read_password()?)
                .await?;
            println!("{}: new password set; signed out everywhere", user.email);
        }
        UserCommand::Disable { email } => set_disabled(store, &email, true).await?,
        UserCommand::Enable { email } => set_disabled(store, &email, false).await?,
    }
    Ok(())
}

/// The use cases, for a command.
fn hub(store: &passerelle_store::Store) -> passerelle_hub::Hub {
    passerelle_hub::Hub::new(store.clone())
}

/// Who the audit log names for what a command does.
fn cli() -> passerelle_hub::Caller {
    passerelle_hub::Caller::system("cli")
}

/// A new password from PASSERELLE_PASSWORD, else from standard input.
fn read_password() -> Result<String> {
    let password = match std::env::var("PASSERELLE_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!(
                "password (at least {} characters), then Enter:",
                passerelle_web::MIN_PASSWORD
            );
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .context("cannot read the password")?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    if password.chars().count() < passerelle_web::MIN_PASSWORD {
        bail!(
            "the password is too short: at least {} characters",
            passerelle_web::MIN_PASSWORD
        );
    }
    Ok(password)
}

async fn set_disabled(store: &passerelle_store::Store, email: &str, disabled: bool) -> Result<()> {
    let (user, _) = store
        .user_with_hash(email)
        .await?
        .with_context(|| format!("no user with e-mail `{email}`"))?;
    hub(store).set_disabled(&cli(), &user.id, disabled).await?;
    println!(
        "{} {}",
        user.email,
        if disabled {
            "disabled; signed out everywhere"
        } else {
            "enabled"
        }
    );
    Ok(())
}
