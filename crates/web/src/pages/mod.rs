//! Server-rendered pages in French, English, Spanish and Arabic, under
//! `/{lang}/…`, from the templates in `templates/` and the strings in
//! `locales/`; and the embedded assets. Everything the browser loads comes
//! from this binary: no CDN, works offline.
//!
//! Handlers return [`ApiResult`]; a problem response from a page is turned
//! into an HTML error page in the page's language by [`html_errors`].

mod account;
mod agreements;
mod assets;
mod charts;
mod contribute;
mod corrections;
mod draft;
mod feeds;
pub(crate) mod filters;
mod history;
mod hub;
pub mod i18n;
mod jsonld;
mod profiles;
mod reference;
mod scorecard;
pub mod site;
pub(crate) mod sitemap;
mod text;
pub(crate) mod view;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Extension, Request, State};
use axum::handler::Handler;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use minijinja::{Environment, Value, context};
use passerelle_domain::Lang;
use passerelle_domain::document::MAX_DOCUMENT_BYTES;

use crate::AppState;
use crate::assessment::MAX_ASSESS_BYTES;
use crate::error::{ApiError, ApiResult, Code};

pub use site::Site;

pub fn routes(state: &AppState) -> Router<AppState> {
    let mut router = Router::new()
        .route("/", get(root))
        .route("/api", get(assets::api_reference))
        .route("/healthz", get(healthz))
        .route("/assets/{*path}", get(assets::asset))
        .route("/feeds/{feed}", get(feeds::feed))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/sitemap/{file}", get(sitemap::sitemap_part))
        .route("/robots.txt", get(sitemap::robots));
    for lang in Lang::ALL {
        let code = lang.code();
        router = router
            .route(
                &format!("/{code}/"),
                get(move || async move { Redirect::permanent(&format!("/{code}")) }),
            )
            .nest(&format!("/{code}"), localized(state, lang));
    }
    router
}

/// The pages of one language.
fn localized(state: &AppState, lang: Lang) -> Router<AppState> {
    Router::new()
        .route("/", get(hub::home))
        .route("/agreements", get(agreements::list))
        .route("/agreements/{key}", get(agreements::show))
        .route("/agreements/{key}/text", get(text::show))
        .route(
            "/agreements/{key}/texts",
            axum::routing::post(agreements::attach_text)
                .layer(DefaultBodyLimit::max(FORM_MARGIN + MAX_DOCUMENT_BYTES)),
        )
        .route(
            "/agreements/{key}/texts/fetch",
            axum::routing::post(agreements::fetch_text),
        )
        .route(
            "/compare",
            get(agreements::compare).post(
                agreements::compare_draft
                    .layer(DefaultBodyLimit::max(FORM_MARGIN + MAX_ASSESS_BYTES)),
            ),
        )
        .route(
            "/assess",
            get(draft::form)
                .post(draft::assess.layer(DefaultBodyLimit::max(FORM_MARGIN + MAX_ASSESS_BYTES))),
        )
        .route("/search", get(hub::search))
        .route("/practices", get(hub::practices))
        .route("/practices/{key}", get(hub::practice))
        .route("/events", get(hub::events))
        .route("/events/{key}", get(hub::event))
        .route("/commitments", get(hub::commitments))
        .route("/commitments/{key}", get(hub::commitment))
        .route("/resources", get(hub::resources))
        .route("/resources/{key}", get(hub::resource))
        .route("/data", get(hub::data))
        .route("/countries", get(profiles::countries))
        .route("/countries/{code}", get(profiles::country))
        .route("/corridors/{pair}", get(profiles::corridor))
        .route("/gcm", get(reference::gcm))
        .route("/sdgs", get(reference::sdgs))
        .route("/about", get(reference::about))
        .route("/about/{page}", get(reference::page))
        .route(
            "/sign-in",
            get(account::sign_in_form).post(account::sign_in),
        )
        .route("/sign-out", axum::routing::post(account::sign_out))
        .route("/account", get(account::account))
        .route(
            "/account/profile",
            axum::routing::post(account::change_profile),
        )
        .route(
            "/account/password",
            axum::routing::post(account::change_password),
        )
        .route(
            "/account/tokens",
            axum::routing::post(account::create_token),
        )
        .route(
            "/account/tokens/{id}/revoke",
            axum::routing::post(account::revoke_token),
        )
        .route("/users", get(account::users).post(account::add_user))
        .route("/audit", get(history::audit))
        .route("/review", get(account::review_queue))
        .route("/contribute", get(contribute::new).post(contribute::create))
        .route(
            "/contribute/{id}",
            get(contribute::edit).post(contribute::update),
        )
        .route(
            "/contribute/{id}/withdraw",
            axum::routing::post(contribute::withdraw),
        )
        .route("/corrections", get(corrections::list))
        .route(
            "/corrections/new",
            get(corrections::new).post(corrections::submit),
        )
        .route(
            "/corrections/{id}",
            axum::routing::post(corrections::decide),
        )
        .route("/review/{id}", axum::routing::post(account::review_decide))
        .route(
            "/users/{id}/{action}",
            axum::routing::post(account::set_user_state),
        )
        .fallback(|uri: Uri| async move {
            ApiError::not_found(format!("no page at {}", uri.path())).into_response()
        })
        .layer(axum::middleware::from_fn(
            crate::error::refuse_control_characters,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::load::admit,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            html_errors,
        ))
        .layer(Extension(lang))
}

/// `/` sends the browser to the pages in its language.
/// `/`: the signed-in user's own language if they chose one, else the
/// browser's.
async fn root(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let chosen = match crate::auth::cookie(&headers, crate::auth::SESSION_COOKIE) {
        Some(_) => crate::auth::principal(&state, &headers)
            .await
            .ok()
            .flatten()
            .and_then(|p| p.user.preferred_lang)
            .and_then(|l| Lang::parse(&l)),
        None => None,
    };
    let lang = chosen.unwrap_or_else(|| {
        i18n::negotiate(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        )
    });
    let mut res = Redirect::to(&format!("/{}", lang.code())).into_response();
    res.headers_mut().insert(
        header::VARY,
        header::HeaderValue::from_static("accept-language, cookie"),
    );
    res
}

/// Room for a form's other fields and multipart framing beside a file of
/// the largest size a page accepts (axum's default of 2 MB would refuse a
/// 3 MB text the page says it takes).
const FORM_MARGIN: usize = 1024 * 1024;

fn environment() -> &'static Environment<'static> {
    static ENV: std::sync::OnceLock<Environment<'static>> = std::sync::OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        // In debug builds (the tests, a developer's hub) printing,
        // iterating or reading a field of a value that is not there fails
        // the page, so a renamed field cannot render blank unnoticed; a
        // value may still be tested for truth (`{% if x.notes %}`). A
        // release build stays lenient: a visitor gets a page with a gap
        // rather than an error.
        if cfg!(debug_assertions) {
            env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
        }
        for (name, source) in view::TEMPLATES {
            // Templates are part of the build and rendered by the tests, so
            // a syntax error is a build defect.
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("template {name}: {e:#}"));
        }
        view::register(&mut env);
        env
    })
}

/// Renders template `name` with the frame's variables (`lang`, `dir`,
/// `path`, `site`) and the page's own.
pub fn render(
    state: &AppState,
    lang: Lang,
    uri: &Uri,
    name: &str,
    page: Value,
) -> ApiResult<Html<String>> {
    // Inside the language's router the path comes without the language
    // (`/agreements`), which is what the language switcher needs.
    let rest = match uri.path() {
        "/" => String::new(),
        p => p.to_string(),
    };
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    // Escaped here, once, so that the template does not escape the
    // slashes of the address as well.
    let (rest, query) = (
        Value::from_safe_string(view::escape(&rest)),
        Value::from_safe_string(view::escape(&query)),
    );
    let ctx = context! {
        lang => lang.code(),
        dir => i18n::dir(lang),
        path => rest,
        query => query,
        site => view::val(state.site.view(lang)),
        ..page
    };
    environment()
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .map(Html)
        .map_err(|e| {
            tracing::error!("template {name}: {e:#}");
            // A debug build says which value was missing, so that a test
            // failing on it names the template line.
            let detail = if cfg!(debug_assertions) {
                format!("template {name} failed: {e:#}")
            } else {
                "a template failed".into()
            };
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                Code::Internal,
                "The page could not be made",
                detail,
            )
        })
}

/// The node's health, answered at once and never cached or shed: `ok`
/// when its search index has applied every change in the store,
/// `catching_up` (with how far behind) while it follows, and a 503
/// problem when the store does not answer. Pages and the
/// API work while catching up; searches may miss the newest changes.
async fn healthz(State(state): State<AppState>) -> Response {
    // Answered at once: a database that does not answer within a second is
    // reported as such, however long the pool would wait.
    let head =
        tokio::time::timeout(std::time::Duration::from_secs(1), state.store.outbox_head()).await;
    match head {
        Ok(Ok(head)) => {
            let applied = state.search.applied();
            let status = if applied >= head { "ok" } else { "catching_up" };
            axum::Json(serde_json::json!({
                "status": status,
                "index_applied": applied,
                "store_head": head,
                "behind": (head - applied).max(0),
            }))
            .into_response()
        }
        _ => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            Code::DatabaseUnavailable,
            "The database does not answer",
            "this node cannot reach its database",
        )
        .into_response(),
    }
}

/// The code of a problem, as the error page has words for it: every
/// [`Code`] has its message in each language (a test checks it); anything
/// else is "internal".
fn known(code: &str) -> &'static str {
    Code::ALL
        .iter()
        .find(|c| c.as_str() == code)
        .map_or("internal", |c| c.as_str())
}

/// Turns a problem response of a page into an HTML page that says what
/// went wrong in the page's language, with the same status.
async fn html_errors(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    req: Request,
    next: Next,
) -> Response {
    let res = next.run(req).await;
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !is_problem {
        return res;
    }
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let problem: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let ctx = context! {
        lang => lang.code(),
        dir => i18n::dir(lang),
        path => "",
        query => "",
        status => status.as_u16(),
        code => known(problem["code"].as_str().unwrap_or("")),
        detail => problem["detail"].as_str(),
        errors => view::val(&problem["errors"]),
        site => view::val(state.site.view(lang)),
    };
    let html = environment()
        .get_template("error.html")
        .and_then(|t| t.render(ctx))
        .unwrap_or_else(|e| {
            tracing::error!("template error.html: {e:#}");
            "<!doctype html><title>Error</title><p>Error</p>".into()
        });
    (status, Html(html)).into_response()
}

#[cfg(test)]
mod tests {
    /// The tests render with the strict environment: a field a template
    /// prints but the page does not give fails the page (a renamed field
    /// cannot render blank unnoticed), while a test for truth still
    /// passes.
    #[test]
    fn templates_refuse_to_print_what_is_not_there() {
        let env = super::environment();
        let record = minijinja::context! { record => minijinja::context! { title => "Accord" } };
        let printed = env.render_str("{{ record.title }}", record.clone());
        assert_eq!(printed.unwrap(), "Accord");
        let err = env
            .render_str("{{ record.titel }}", record.clone())
            .unwrap_err();
        assert_eq!(err.kind(), minijinja::ErrorKind::UndefinedError);
        let tested = env.render_str("{% if record.notes %}x{% endif %}", record);
        assert_eq!(tested.unwrap(), "");
    }
}
