//! Errors as RFC 9457 problem details (`application/problem+json`), each
//! with a stable `code` that clients and the UI translate.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::{FieldError, Invalid};
use passerelle_store::StoreError;
use serde::Serialize;

/// Every problem's stable code. The problem responses, the OpenAPI
/// document and the pages' messages (`error-CODE` in each language) all
/// read this one list; a test fails when a language lacks a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    ValidationFailed,
    InvalidQuery,
    MalformedJson,
    NotFound,
    Conflict,
    Referenced,
    Unauthorized,
    Forbidden,
    Csrf,
    TextNotPublic,
    UnsupportedMediaType,
    PayloadTooLarge,
    UnreadableFile,
    TooSlow,
    Busy,
    TooManyProposals,
    FetchFailed,
    MethodNotAllowed,
    DatabaseUnavailable,
    Internal,
}

impl Code {
    pub const ALL: [Code; 20] = [
        Code::ValidationFailed,
        Code::InvalidQuery,
        Code::MalformedJson,
        Code::NotFound,
        Code::Conflict,
        Code::Referenced,
        Code::Unauthorized,
        Code::Forbidden,
        Code::Csrf,
        Code::TextNotPublic,
        Code::UnsupportedMediaType,
        Code::PayloadTooLarge,
        Code::UnreadableFile,
        Code::TooSlow,
        Code::Busy,
        Code::TooManyProposals,
        Code::FetchFailed,
        Code::MethodNotAllowed,
        Code::DatabaseUnavailable,
        Code::Internal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::ValidationFailed => "validation_failed",
            Code::InvalidQuery => "invalid_query",
            Code::MalformedJson => "malformed_json",
            Code::NotFound => "not_found",
            Code::Conflict => "conflict",
            Code::Referenced => "referenced",
            Code::Unauthorized => "unauthorized",
            Code::Forbidden => "forbidden",
            Code::Csrf => "csrf",
            Code::TextNotPublic => "text_not_public",
            Code::UnsupportedMediaType => "unsupported_media_type",
            Code::PayloadTooLarge => "payload_too_large",
            Code::UnreadableFile => "unreadable_file",
            Code::TooSlow => "too_slow",
            Code::Busy => "busy",
            Code::TooManyProposals => "too_many_proposals",
            Code::FetchFailed => "fetch_failed",
            Code::MethodNotAllowed => "method_not_allowed",
            Code::DatabaseUnavailable => "database_unavailable",
            Code::Internal => "internal",
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    /// Stable machine-readable code, e.g. `validation_failed`.
    pub code: Code,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: Code,
    pub title: &'static str,
    pub detail: Option<String>,
    pub errors: Vec<FieldError>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: Code,
        title: &'static str,
        detail: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            code,
            title,
            detail: Some(detail.into()),
            errors: Vec::new(),
        }
    }

    pub fn invalid(invalid: Invalid) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: Code::ValidationFailed,
            title: "The request has invalid fields",
            detail: Some(invalid.to_string()),
            errors: invalid.0,
        }
    }

    pub fn bad_query(invalid: Invalid) -> ApiError {
        ApiError {
            code: Code::InvalidQuery,
            title: "The query string is invalid",
            ..ApiError::invalid(invalid)
        }
    }

    pub fn not_found(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, Code::NotFound, "Not found", detail)
    }

    /// The agreement is public but its text is not (`text_public: false`).
    pub fn text_not_public(key: &str) -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            Code::TextNotPublic,
            "The text is not public",
            format!(
                "the text of agreement `{key}` is not public; its files, text and evidence need a token"
            ),
        )
    }

    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            Code::Unauthorized,
            "Authentication required",
            "writing needs an `Authorization: Bearer TOKEN` header with a valid token",
        )
    }

    pub fn malformed_json(e: serde_json::Error) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            Code::MalformedJson,
            "The body is not valid JSON",
            format!("{e} (line {}, column {})", e.line(), e.column()),
        )
    }
}

impl From<Invalid> for ApiError {
    fn from(i: Invalid) -> ApiError {
        ApiError::invalid(i)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::Invalid(i) => ApiError::invalid(i),
            StoreError::NotFound { .. } | StoreError::DocumentNotFound(_) => {
                ApiError::not_found(e.to_string())
            }
            StoreError::Conflict(_) => ApiError::new(
                StatusCode::CONFLICT,
                Code::Conflict,
                "Conflict",
                e.to_string(),
            ),
            StoreError::Referenced { .. } => ApiError::new(
                StatusCode::CONFLICT,
                Code::Referenced,
                "Still referenced",
                e.to_string(),
            ),
            StoreError::Unavailable(_) => {
                tracing::warn!(error = %e, "database unavailable");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    Code::DatabaseUnavailable,
                    "The database does not answer",
                    "the database is unavailable (restarting or overloaded); nothing was changed, try again in a few seconds",
                )
            }
            other => {
                // Details of internal failures go to the log, not to users.
                tracing::error!(error = %other, "store failure");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Code::Internal,
                    "Internal error",
                    "the server could not complete the request; the error has been logged",
                )
            }
        }
    }
}

impl From<passerelle_hub::HubError> for ApiError {
    fn from(e: passerelle_hub::HubError) -> ApiError {
        use passerelle_extract::{ExtractError, Refusal};
        use passerelle_hub::HubError;
        let detail = e.to_string();
        match e {
            HubError::Store(e) => e.into(),
            HubError::Invalid(i) => ApiError::invalid(i),
            HubError::NotFound(_) => ApiError::not_found(detail),
            HubError::Unauthenticated => ApiError::unauthorized(),
            HubError::Forbidden { role, needs } => crate::auth::forbidden(role, needs),
            HubError::UnsupportedMediaType(_) => ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Code::UnsupportedMediaType,
                "Unsupported media type",
                detail,
            ),
            HubError::TooSlow(_) | HubError::Unreadable(ExtractError::TimedOut(_)) => {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Code::TooSlow,
                    "The file takes too long to read",
                    detail,
                )
            }
            HubError::Unreadable(e) => {
                let (status, code) = match e.refusal() {
                    Refusal::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, Code::PayloadTooLarge),
                    Refusal::Unsupported => (
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        Code::UnsupportedMediaType,
                    ),
                    Refusal::Unreadable | Refusal::Scan => {
                        (StatusCode::UNPROCESSABLE_ENTITY, Code::UnreadableFile)
                    }
                };
                ApiError::new(status, code, "The file cannot be read", detail)
            }
            HubError::Busy(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                Code::Busy,
                "The server is busy reading other files",
                detail,
            ),
            // The pages show these in the form's own words (`key`); this
            // is the answer anywhere else.
            HubError::Account(r) => {
                use passerelle_hub::AccountRefusal::*;
                let (status, code) = match r {
                    SignInThrottled => (StatusCode::TOO_MANY_REQUESTS, Code::Unauthorized),
                    SignInFailed => (StatusCode::UNAUTHORIZED, Code::Unauthorized),
                    UserExists => (StatusCode::CONFLICT, Code::Conflict),
                    PasswordTooShort | PasswordWrong | NotSelf | NotSelfRole => {
                        (StatusCode::UNPROCESSABLE_ENTITY, Code::ValidationFailed)
                    }
                };
                ApiError::new(status, code, "Refused", detail)
            }
            HubError::Fetch(f) => {
                use passerelle_hub::fetch::FetchError::*;
                match f {
                    BadAddress(_) | NotPublic { .. } | Unresolved(_) => {
                        ApiError::invalid(Invalid::one("url", detail))
                    }
                    TooLarge(_) => ApiError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        Code::PayloadTooLarge,
                        "The file is too large",
                        detail,
                    ),
                    Unsupported(_) => ApiError::new(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        Code::UnsupportedMediaType,
                        "Unsupported media type",
                        detail,
                    ),
                    TimedOut(_) | TooManyRedirects | Status(_) | Network(_) => ApiError::new(
                        StatusCode::BAD_GATEWAY,
                        Code::FetchFailed,
                        "The address could not be fetched",
                        detail,
                    ),
                }
            }
            HubError::TooManyProposals(_) => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                Code::TooManyProposals,
                "Too many proposals",
                detail,
            ),
            other @ HubError::Engine(_) => {
                tracing::error!(error = %other, "use case failure");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Code::Internal,
                    "Internal error",
                    "the server could not complete the request; the error has been logged",
                )
            }
        }
    }
}

impl From<passerelle_search::SearchError> for ApiError {
    fn from(e: passerelle_search::SearchError) -> ApiError {
        match e {
            passerelle_search::SearchError::Query(message) => {
                ApiError::bad_query(Invalid(vec![FieldError::new("q", message)]))
            }
            passerelle_search::SearchError::Store(s) => s.into(),
            other => {
                tracing::error!(error = %other, "search failure");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Code::Internal,
                    "Internal error",
                    "the server could not complete the request; the error has been logged",
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = Problem {
            // No per-problem documentation page yet: RFC 9457 says to use
            // about:blank then; `code` carries the precise meaning.
            problem_type: "about:blank".to_string(),
            title: self.title.to_string(),
            status: self.status.as_u16(),
            code: self.code,
            detail: self.detail,
            errors: self.errors,
        };
        let body = serde_json::to_vec(&problem).expect("problems serialize");
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response();
        // A busy server, or one whose database is away, says when to
        // come back.
        let retry = match self.code {
            Code::Busy => Some("30"),
            Code::DatabaseUnavailable => Some("5"),
            _ => None,
        };
        if let Some(after) = retry {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static(after));
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Refuses an address whose path or query holds a control character
/// (`/api/v1/agreements/%00`, `?record_id=%00`): no id, slug or filter
/// holds one, and a database would fail on it. The answer is a 400
/// problem naming where; pages turn it into their error page.
pub async fn refuse_control_characters(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let uri = req.uri();
    // The first control character of `s` once its %XX escapes are read.
    let decoded = |s: &str| -> Option<u8> {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let escaped = (bytes[i] == b'%')
                .then(|| bytes.get(i + 1..i + 3))
                .flatten()
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            let b = match escaped {
                Some(b) => {
                    i += 3;
                    b
                }
                None => {
                    i += 1;
                    bytes[i - 1]
                }
            };
            if b < 0x20 || b == 0x7f {
                return Some(b);
            }
        }
        None
    };
    let place = decoded(uri.path())
        .map(|b| ("path", b))
        .or_else(|| uri.query().and_then(decoded).map(|b| ("query", b)));
    if let Some((place, b)) = place {
        return ApiError::new(
            StatusCode::BAD_REQUEST,
            Code::InvalidQuery,
            "The address is invalid",
            format!("the {place} holds the control character U+{b:04X}, which no id, slug or filter may hold"),
        )
        .into_response();
    }
    next.run(req).await
}

/// Makes every error a problem: the answers axum and its layers make
/// themselves (a body over the limit, a method a route does not have, an
/// address that is not UTF-8) come as plain text or empty; they leave as
/// `application/problem+json` with a stable code, their words as detail.
pub async fn problem_bodies(res: Response) -> Response {
    let status = res.status();
    let kind = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !(status.is_client_error() || status.is_server_error())
        || kind.starts_with("application/problem+json")
        || kind.starts_with("text/html")
    {
        return res;
    }
    let (code, title) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => (Code::PayloadTooLarge, "The body is too large"),
        StatusCode::METHOD_NOT_ALLOWED => (Code::MethodNotAllowed, "Method not allowed"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            (Code::UnsupportedMediaType, "Unsupported media type")
        }
        StatusCode::NOT_FOUND => (Code::NotFound, "Not found"),
        StatusCode::UNPROCESSABLE_ENTITY => (Code::ValidationFailed, "The request is invalid"),
        StatusCode::UNAUTHORIZED => (Code::Unauthorized, "Authentication required"),
        StatusCode::FORBIDDEN => (Code::Forbidden, "Not allowed"),
        s if s.is_server_error() => (Code::Internal, "Internal error"),
        _ => (Code::InvalidQuery, "The request is invalid"),
    };
    let (parts, body) = res.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let detail = std::str::from_utf8(&text)
        .ok()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("{status}"));
    let mut out = ApiError::new(status, code, title, detail).into_response();
    // Keep what the answer said besides its body (Allow on a 405).
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut()
                .entry(name.clone())
                .or_insert(value.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_server_says_when_to_come_back() {
        let busy = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            Code::Busy,
            "The server is busy reading other files",
            "every reader was busy",
        )
        .into_response();
        assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(busy.headers()[header::RETRY_AFTER], "30");
        // A database that does not answer: 503, its own code, soon.
        let away: ApiError = StoreError::Unavailable("pool timed out".into()).into();
        assert_eq!(away.code, Code::DatabaseUnavailable);
        let away = away.into_response();
        assert_eq!(away.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(away.headers()[header::RETRY_AFTER], "5");
        let other = ApiError::not_found("x").into_response();
        assert!(other.headers().get(header::RETRY_AFTER).is_none());
    }
}
