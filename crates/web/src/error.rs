//! Errors as RFC 9457 problem details (`application/problem+json`), each
//! with a stable `code` that clients and the UI translate.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use passerelle_domain::{FieldError, Invalid};
use passerelle_store::StoreError;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    /// Stable machine-readable code, e.g. `validation_failed`.
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub title: &'static str,
    pub detail: Option<String>,
    pub errors: Vec<FieldError>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: &'static str,
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
            code: "validation_failed",
            title: "The request has invalid fields",
            detail: Some(invalid.to_string()),
            errors: invalid.0,
        }
    }

    pub fn bad_query(invalid: Invalid) -> ApiError {
        ApiError {
            code: "invalid_query",
            title: "The query string is invalid",
            ..ApiError::invalid(invalid)
        }
    }

    pub fn not_found(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", "Not found", detail)
    }

    /// The agreement is public but its text is not (`text_public: false`).
    pub fn text_not_public(key: &str) -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "text_not_public",
            "The text is not public",
            format!(
                "the text of agreement `{key}` is not public; its files, text and evidence need a token"
            ),
        )
    }

    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
            "writing needs an `Authorization: Bearer TOKEN` header with a valid token",
        )
    }

    pub fn malformed_json(e: serde_json::Error) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
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
            StoreError::Conflict(_) => {
                ApiError::new(StatusCode::CONFLICT, "conflict", "Conflict", e.to_string())
            }
            StoreError::Referenced { .. } => ApiError::new(
                StatusCode::CONFLICT,
                "referenced",
                "Still referenced",
                e.to_string(),
            ),
            other => {
                // Details of internal failures go to the log, not to users.
                tracing::error!(error = %other, "store failure");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
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
                    "internal",
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
        (
            self.status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
