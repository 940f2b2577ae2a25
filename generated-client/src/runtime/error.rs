//! The one error type of every generated client.
//!
//! Follows the usual rules for library errors: no third-party type in a variant, `Display`
//! says what happened in our own words and never repeats the source's text (walk
//! [`std::error::Error::source`] for that), and nothing printed here ever contains a request's
//! URL, body or credentials.

use crate::runtime::transport::{SizeCapExceeded, TransportError, TransportErrorKind};
use std::any::Any;
use std::fmt;

/// Everything a call can fail with. No third-party type appears in a variant; causes are
/// reachable through [`std::error::Error::source`].
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
    /// A non-idempotent call (one that may place an order) was sent, but no complete answer
    /// came back: timeout or dropped connection. The order may or may not exist. Never retried.
    OutcomeUnknown {
        operation: &'static str,
        message: String,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// An idempotent call timed out or lost its connection.
    Transport {
        message: String,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// HTTP 403: the caller's IP is not whitelisted, or access is denied.
    AccessDenied { status: u16, body: String },
    /// Any other unexpected HTTP status without a recognisable error body.
    Http { status: u16, body: String },
    /// A SOAP fault.
    /// Boxed: a fault is rare and large, and every `Result` carries this enum.
    Fault(Box<Fault>),
    /// The vendor reported a business error inside a well-formed response.
    Business(BusinessError),
    /// Login failed (InterServer's `api_login` returned an empty session id).
    Authentication { message: String },
    /// The response could not be decoded into the expected type (or nested deeper than the
    /// decoders allow). `body` is the raw body.
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
    /// Classifies a transport failure of `operation`: not sent → [`Error::Connect`]; sent and
    /// not idempotent → [`Error::OutcomeUnknown`]; sent and idempotent → [`Error::Transport`]
    /// (or [`Error::ResponseTooLarge`] when the answer broke the size cap).
    /// Shared by the SOAP and HTTP wire code.
    pub(crate) fn from_transport(
        operation: &'static str,
        idempotent: bool,
        error: TransportError,
    ) -> Self {
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
        if !idempotent {
            // Whatever went wrong after sending, the server may have acted on the request:
            // that is the one fact the caller must learn, so it wins over the kind.
            return Self::OutcomeUnknown {
                operation,
                message,
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

    /// True when a call that may have placed an order was sent but its outcome is unknown:
    /// check the order's state before trying again.
    pub fn is_outcome_unknown(&self) -> bool {
        matches!(self, Self::OutcomeUnknown { .. })
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
            _ => None,
        }
    }

    /// The raw body of the answer, when one arrived and was kept.
    pub fn body(&self) -> Option<&str> {
        match self {
            Self::AccessDenied { body, .. }
            | Self::Http { body, .. }
            | Self::Decode { body, .. } => Some(body),
            Self::Fault(fault) => Some(&fault.body),
            Self::Business(business) => Some(&business.body),
            _ => None,
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
            Self::OutcomeUnknown {
                operation, message, ..
            } => write!(
                f,
                "{operation}: the request was sent but no complete answer came back ({message}); \
                 the order may or may not have been placed. The call was not retried: check the \
                 order's state before trying again"
            ),
            Self::Transport { message, .. } => {
                write!(
                    f,
                    "{message}; the operation is idempotent, so trying again is safe"
                )
            }
            Self::AccessDenied { status, .. } => write!(
                f,
                "access denied (HTTP {status}): the caller's IP address is probably not \
                 whitelisted for API access, or these credentials may not use this operation"
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
            Self::Connect { source, .. }
            | Self::OutcomeUnknown { source, .. }
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

    #[test]
    fn unsent_requests_are_connect_errors_whatever_the_operation() {
        for idempotent in [false, true] {
            let error = Error::from_transport(
                "x/renew",
                idempotent,
                transport_error(TransportErrorKind::Connect, false),
            );
            assert!(matches!(error, Error::Connect { .. }), "{error:?}");
            assert!(!error.is_outcome_unknown());
            assert_eq!(
                error.to_string(),
                "x/renew: timed out; the request was not sent, so nothing happened on the server"
            );
        }
    }

    #[test]
    fn sent_non_idempotent_requests_have_an_unknown_outcome() {
        for kind in [
            TransportErrorKind::Timeout,
            TransportErrorKind::Io,
            TransportErrorKind::Other,
        ] {
            let error = Error::from_transport("x/renew", false, transport_error(kind, true));
            assert!(error.is_outcome_unknown(), "{error:?}");
            let shown = error.to_string();
            assert!(
                shown.starts_with("x/renew: the request was sent"),
                "{shown}"
            );
            assert!(
                shown.contains("the order may or may not have been placed"),
                "{shown}"
            );
            assert!(shown.contains("not retried"), "{shown}");
        }
        let too_large = Error::from_transport("x/renew", false, TransportError::too_large(9));
        assert!(too_large.is_outcome_unknown(), "{too_large:?}");
    }

    #[test]
    fn sent_idempotent_requests_are_transport_errors() {
        let error =
            Error::from_transport("x/get", true, transport_error(TransportErrorKind::Io, true));
        assert!(matches!(error, Error::Transport { .. }), "{error:?}");
        assert_eq!(
            error.to_string(),
            "x/get: timed out; the operation is idempotent, so trying again is safe"
        );
        let too_large = Error::from_transport("x/get", true, TransportError::too_large(9));
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
            Error::from_transport("x/get", true, custom),
            Error::Transport { .. }
        ));
    }

    #[test]
    fn display_leaves_the_cause_to_source() {
        let error = Error::from_transport(
            "x/renew",
            false,
            transport_error(TransportErrorKind::Io, true),
        );
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
    }
}
