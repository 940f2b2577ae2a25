//! The one error type of every generated client.
//!
//! Follows the usual rules for library errors: no third-party type in a variant, `Display`
//! says what happened in our own words and never repeats the source's text (walk
//! [`std::error::Error::source`] for that), and nothing printed here ever contains a request's
//! URL, body or credentials.

use crate::runtime::redact::Redactor;
use crate::runtime::transport::{SizeCapExceeded, TransportError, TransportErrorKind};
use std::any::Any;
use std::fmt;

/// Whether a failed call may have taken effect on the server: the one fact a caller must know
/// before trying again, because these vendors offer no idempotency key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// The call did not take effect: the request was never sent, or the vendor refused it
    /// explicitly (a business error, a SOAP fault, HTTP 401/403, a failed login).
    NotPerformed,
    /// The request may have reached the server, but the operation is idempotent (it reads,
    /// logs in, or the manifest says so): trying again is safe.
    SafeToRetry,
    /// The request may have reached the server and the operation is not idempotent: an order
    /// may have been placed or changed. Check its state before trying again.
    Unknown,
}

/// Everything a call can fail with. No third-party type appears in a variant; causes are
/// reachable through [`std::error::Error::source`]. [`Error::outcome`] says whether the call
/// may have taken effect.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be built (bad base URL, a value that cannot be encoded).
    InvalidRequest { message: String },
    /// The request never reached the server (DNS, connect refused, TLS): nothing happened.
    Connect {
        message: String,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// A call that may place or change an order failed after its request may have reached
    /// the server, and the vendor did not refuse it explicitly: a timeout, a dropped
    /// connection, an HTTP 5xx or 3xx without a vendor error body, an answer that is empty,
    /// cut short, HTML or otherwise unreadable, or one past the size cap. The order may exist.
    /// `cause` is what went wrong (its raw answer, if one came, is kept there: see
    /// [`Error::body`]). Never retried.
    OutcomeUnknown {
        operation: &'static str,
        cause: Box<Error>,
    },
    /// The request was sent, but no complete answer came back (timeout, dropped connection).
    /// On its own only for idempotent calls; otherwise the cause of an
    /// [`Error::OutcomeUnknown`].
    Transport {
        message: String,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// HTTP 401 or 403: the credentials are wrong, the caller's IP is not whitelisted, or
    /// access is denied.
    AccessDenied { status: u16, body: String },
    /// Any other HTTP status that is not success, without a recognisable vendor error body
    /// (a proxy's 502 page, a PHP 500 without a SOAP fault, a redirect).
    Http { status: u16, body: String },
    /// A SOAP fault.
    /// Boxed: a fault is rare and large, and every `Result` carries this enum.
    Fault(Box<Fault>),
    /// The vendor reported a business error inside a well-formed response.
    Business(BusinessError),
    /// Login failed (InterServer's `api_login` returned an empty session id).
    Authentication { message: String },
    /// The answer could not be decoded into the expected type: it is not the protocol's
    /// format, it is cut short, it carries none of the documented fields, or it nests deeper
    /// than the decoders allow. `body` is the raw body.
    Decode { message: String, body: String },
    /// The response exceeded the size cap; it was not read further.
    ResponseTooLarge { limit: usize },
    /// The HTTP client itself could not be set up (e.g. the TLS backend failed to start).
    Setup {
        message: String,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

/// A SOAP fault (1.1 or 1.2), with whatever the server filled in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fault {
    pub code: String,
    pub string: String,
    pub actor: Option<String>,
    pub detail: Option<String>,
    pub http_status: u16,
    pub body: String,
}

/// A business error: `status` is `error` (SOAP) or `ERROR`/`Failed` (HTTP), with the reason.
#[derive(Debug)]
pub struct BusinessError {
    pub status: String,
    pub message: String,
    /// The raw response body.
    pub body: String,
    /// The decoded response, when it could be decoded into the operation's output type.
    pub decoded: Option<Box<dyn Any + Send + Sync>>,
}

impl BusinessError {
    /// The decoded response as the operation's output type `T`.
    pub fn decoded<T: 'static>(&self) -> Option<&T> {
        self.decoded.as_ref()?.downcast_ref()
    }
}

impl Error {
    /// A transport failure: not sent → [`Error::Connect`]; an answer past the size cap →
    /// [`Error::ResponseTooLarge`]; anything else after sending → [`Error::Transport`].
    /// [`Error::after_sending`] then decides whether the outcome is unknown.
    pub(crate) fn from_transport(operation: &'static str, error: TransportError) -> Self {
        let TransportError {
            kind,
            sent,
            message,
            source,
        } = error;
        if !sent {
            return Self::Connect {
                message: format!("{operation}: {message}"),
                source,
            };
        }
        let cap = source
            .as_deref()
            .and_then(|cause| cause.downcast_ref::<SizeCapExceeded>());
        match (kind, cap) {
            (TransportErrorKind::TooLarge, Some(cap)) => {
                Self::ResponseTooLarge { limit: cap.limit }
            }
            _ => Self::Transport {
                message: format!("{operation}: {message}"),
                source,
            },
        }
    }

    /// The error a call of `operation` reports: for an operation that is not idempotent,
    /// every failure that may have happened after the server read the request, and is not the
    /// vendor's explicit refusal, becomes [`Error::OutcomeUnknown`]. Shared by the SOAP and
    /// HTTP wire code, so that no path can forget it.
    pub(crate) fn after_sending(self, operation: &'static str, idempotent: bool) -> Self {
        if idempotent || self.outcome() != Outcome::SafeToRetry {
            return self;
        }
        Self::OutcomeUnknown {
            operation,
            cause: Box::new(self),
        }
    }

    /// Whether the call may have taken effect. Calls classify their errors by the operation's
    /// idempotency, so [`Outcome::SafeToRetry`] comes only from idempotent operations.
    pub fn outcome(&self) -> Outcome {
        match self {
            Self::OutcomeUnknown { .. } => Outcome::Unknown,
            Self::InvalidRequest { .. }
            | Self::Connect { .. }
            | Self::Setup { .. }
            | Self::AccessDenied { .. }
            | Self::Fault(_)
            | Self::Business(_)
            | Self::Authentication { .. } => Outcome::NotPerformed,
            Self::Transport { .. }
            | Self::Http { .. }
            | Self::Decode { .. }
            | Self::ResponseTooLarge { .. } => Outcome::SafeToRetry,
        }
    }

    /// True when a call that may have placed an order was sent but its outcome is unknown:
    /// check the order's state before trying again.
    pub fn is_outcome_unknown(&self) -> bool {
        self.outcome() == Outcome::Unknown
    }

    /// The vendor's error code: a SOAP fault code, or the status of a business error
    /// (`ERROR`, `Failed`, `error`).
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Fault(fault) => Some(&fault.code),
            Self::Business(business) => Some(&business.status),
            _ => None,
        }
    }

    /// What the vendor said went wrong: a fault string or a business error's message.
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Fault(fault) => Some(&fault.string),
            Self::Business(business) => Some(&business.message),
            Self::Authentication { message } => Some(message),
            _ => None,
        }
    }

    /// The HTTP status of the answer, when one arrived.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::AccessDenied { status, .. } | Self::Http { status, .. } => Some(*status),
            Self::Fault(fault) => Some(fault.http_status),
            Self::OutcomeUnknown { cause, .. } => cause.http_status(),
            _ => None,
        }
    }

    /// The raw body of the answer, when one arrived and was kept (the client's own secrets
    /// replaced by `<redacted>`).
    pub fn body(&self) -> Option<&str> {
        match self {
            Self::AccessDenied { body, .. }
            | Self::Http { body, .. }
            | Self::Decode { body, .. } => Some(body),
            Self::Fault(fault) => Some(&fault.body),
            Self::Business(business) => Some(&business.body),
            Self::OutcomeUnknown { cause, .. } => cause.body(),
            _ => None,
        }
    }

    /// Replaces every occurrence of the call's secrets in what this error keeps and prints:
    /// servers and proxies echo requests in their error pages and faults.
    pub(crate) fn redact(&mut self, redactor: &Redactor) {
        if redactor.is_empty() {
            return;
        }
        match self {
            Self::InvalidRequest { message }
            | Self::Connect { message, .. }
            | Self::Transport { message, .. }
            | Self::Authentication { message }
            | Self::Setup { message, .. } => redactor.apply(message),
            Self::OutcomeUnknown { cause, .. } => cause.redact(redactor),
            Self::AccessDenied { body, .. } | Self::Http { body, .. } => redactor.apply(body),
            Self::Decode { message, body } => {
                redactor.apply(message);
                redactor.apply(body);
            }
            Self::Fault(fault) => {
                let Fault {
                    code,
                    string,
                    actor,
                    detail,
                    body,
                    ..
                } = fault.as_mut();
                for text in [code, string, body].into_iter().chain(actor).chain(detail) {
                    redactor.apply(text);
                }
            }
            Self::Business(business) => {
                redactor.apply(&mut business.status);
                redactor.apply(&mut business.message);
                redactor.apply(&mut business.body);
            }
            Self::ResponseTooLarge { .. } => {}
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidRequest { message } => write!(f, "invalid request: {message}"),
            Self::Connect { message, .. } => {
                write!(
                    f,
                    "{message}; the request was not sent, so nothing happened on the server"
                )
            }
            Self::OutcomeUnknown { operation, cause } => write!(
                f,
                "{operation}: the order may have been placed: check its state before trying \
                 again (the call was not retried). What happened: {cause}"
            ),
            Self::Transport { message, .. } => {
                write!(f, "{message}")
            }
            Self::AccessDenied { status, .. } => write!(
                f,
                "access denied (HTTP {status}): the credentials are wrong, the caller's IP \
                 address is not whitelisted for API access, or these credentials may not use \
                 this operation"
            ),
            Self::Http { status, .. } => write!(f, "unexpected HTTP status {status}"),
            Self::Fault(fault) => write!(f, "SOAP fault {}: {}", fault.code, fault.string),
            Self::Business(business) if business.message.is_empty() => {
                write!(f, "the API reported an error (status {})", business.status)
            }
            Self::Business(business) => {
                write!(
                    f,
                    "the API reported an error (status {}): {}",
                    business.status, business.message
                )
            }
            Self::Authentication { message } => write!(f, "authentication failed: {message}"),
            Self::Decode { message, .. } => write!(f, "could not decode the answer: {message}"),
            Self::ResponseTooLarge { limit } => {
                write!(
                    f,
                    "the answer exceeded the cap of {limit} bytes and was not read"
                )
            }
            Self::Setup { message, .. } => write!(f, "could not set up the HTTP client: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // The cause's own words are in this error's `Display`; its source comes next.
            Self::OutcomeUnknown { cause, .. } => cause.source(),
            Self::Connect { source, .. }
            | Self::Transport { source, .. }
            | Self::Setup { source, .. } => source
                .as_deref()
                .map(|cause| cause as &(dyn std::error::Error + 'static)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    fn transport_error(kind: TransportErrorKind, sent: bool) -> TransportError {
        let cause = std::io::Error::other("socket detail");
        TransportError {
            kind,
            sent,
            message: "timed out".to_owned(),
            source: Some(Box::new(cause)),
        }
    }

    /// One error of every kind a call can end with after its request went out.
    fn after_sending() -> Vec<Error> {
        let body = || "<html>".to_owned();
        vec![
            Error::from_transport(
                "x/renew",
                transport_error(TransportErrorKind::Timeout, true),
            ),
            Error::from_transport("x/renew", TransportError::too_large(9)),
            Error::Http {
                status: 502,
                body: body(),
            },
            Error::Http {
                status: 302,
                body: body(),
            },
            Error::Decode {
                message: "cut short".to_owned(),
                body: body(),
            },
        ]
    }

    /// One explicit refusal of each kind.
    fn refusals() -> Vec<Error> {
        vec![
            Error::AccessDenied {
                status: 401,
                body: String::new(),
            },
            Error::Fault(Box::default()),
            Error::Business(BusinessError {
                status: "ERROR".to_owned(),
                message: "no".to_owned(),
                body: String::new(),
                decoded: None,
            }),
            Error::Authentication {
                message: "empty session id".to_owned(),
            },
        ]
    }

    #[test]
    fn unsent_requests_are_connect_errors_and_not_performed() {
        for idempotent in [false, true] {
            let error = Error::from_transport(
                "x/renew",
                transport_error(TransportErrorKind::Connect, false),
            )
            .after_sending("x/renew", idempotent);
            assert!(matches!(error, Error::Connect { .. }), "{error:?}");
            assert_eq!(error.outcome(), Outcome::NotPerformed);
            assert_eq!(
                error.to_string(),
                "x/renew: timed out; the request was not sent, so nothing happened on the server"
            );
        }
    }

    #[test]
    fn failures_after_sending_a_non_idempotent_call_have_an_unknown_outcome() {
        for cause in after_sending() {
            let shown_cause = cause.to_string();
            let body = cause.body().map(str::to_owned);
            let error = cause.after_sending("x/renew", false);
            assert_eq!(error.outcome(), Outcome::Unknown, "{error:?}");
            assert!(error.is_outcome_unknown());
            let shown = error.to_string();
            assert!(
                shown.starts_with("x/renew: the order may have been placed: check its state"),
                "{shown}"
            );
            assert!(shown.ends_with(&shown_cause), "{shown}");
            assert_eq!(error.body().map(str::to_owned), body);
        }
    }

    #[test]
    fn failures_after_sending_an_idempotent_call_are_safe_to_retry() {
        for cause in after_sending() {
            let error = cause.after_sending("x/get", true);
            assert_eq!(error.outcome(), Outcome::SafeToRetry, "{error:?}");
            assert!(!matches!(error, Error::OutcomeUnknown { .. }));
        }
        let too_large = Error::from_transport("x/get", TransportError::too_large(9));
        assert!(
            matches!(too_large, Error::ResponseTooLarge { limit: 9 }),
            "{too_large:?}"
        );
        // A custom transport's TooLarge without the cap as its cause still reads sensibly.
        let custom = TransportError {
            source: None,
            ..transport_error(TransportErrorKind::TooLarge, true)
        };
        assert!(matches!(
            Error::from_transport("x/get", custom),
            Error::Transport { .. }
        ));
    }

    #[test]
    fn explicit_refusals_are_not_performed_whatever_the_operation() {
        for idempotent in [false, true] {
            for refusal in refusals() {
                let error = refusal.after_sending("x/renew", idempotent);
                assert_eq!(error.outcome(), Outcome::NotPerformed, "{error:?}");
            }
        }
    }

    #[test]
    fn display_leaves_the_cause_to_source() {
        let error = Error::from_transport("x/renew", transport_error(TransportErrorKind::Io, true))
            .after_sending("x/renew", false);
        assert!(!error.to_string().contains("socket detail"));
        assert_eq!(
            error.source().map(ToString::to_string).as_deref(),
            Some("socket detail")
        );
        let denied = Error::AccessDenied {
            status: 403,
            body: String::new(),
        };
        assert!(denied.source().is_none());
    }

    #[test]
    fn redaction_reaches_every_text_an_error_keeps() {
        let mut redactor = Redactor::default();
        redactor.add("hunter2");
        let mut fault = Error::Fault(Box::new(Fault {
            code: "hunter2".to_owned(),
            string: "bad password hunter2".to_owned(),
            actor: Some("hunter2".to_owned()),
            detail: Some("<p>hunter2</p>".to_owned()),
            http_status: 500,
            body: "<pass>hunter2</pass>".to_owned(),
        }));
        fault.redact(&redactor);
        let mut unknown = Error::Decode {
            message: "invalid value hunter2".to_owned(),
            body: "echo: hunter2".to_owned(),
        }
        .after_sending("x/renew", false);
        unknown.redact(&redactor);
        for error in [fault, unknown] {
            let shown = format!("{error} {error:?} {:?}", error.body());
            assert!(!shown.contains("hunter2"), "{shown}");
            assert!(shown.contains("<redacted>"), "{shown}");
        }
    }

    #[test]
    fn accessors_reach_the_vendors_words() {
        let fault = Error::Fault(Box::new(Fault {
            code: "SOAP-ENV:Server".to_owned(),
            string: "boom".to_owned(),
            http_status: 500,
            body: "<x/>".to_owned(),
            ..Fault::default()
        }));
        assert_eq!(fault.code(), Some("SOAP-ENV:Server"));
        assert_eq!(fault.message(), Some("boom"));
        assert_eq!(fault.http_status(), Some(500));
        assert_eq!(fault.body(), Some("<x/>"));
        assert_eq!(fault.to_string(), "SOAP fault SOAP-ENV:Server: boom");
        let login = Error::Authentication {
            message: "empty session id".to_owned(),
        };
        assert_eq!(login.message(), Some("empty session id"));
        assert_eq!(login.code(), None);
        let cap = Error::ResponseTooLarge { limit: 10 };
        assert_eq!(
            cap.to_string(),
            "the answer exceeded the cap of 10 bytes and was not read"
        );
        assert_eq!(cap.body(), None);
        let proxy = Error::Http {
            status: 502,
            body: "bad gateway".to_owned(),
        }
        .after_sending("x/renew", false);
        assert_eq!(proxy.http_status(), Some(502));
        assert_eq!(proxy.body(), Some("bad gateway"));
    }
}
