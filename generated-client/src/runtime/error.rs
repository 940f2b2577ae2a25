//! The one error type of every generated client.
//!
//! CONTRACT (stub): Display/Error impls, constructors to be completed.

use std::any::Any;

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
    Fault(Fault),
    /// The vendor reported a business error inside a well-formed response.
    Business(BusinessError),
    /// Login failed (InterServer's `api_login` returned an empty session id).
    Authentication { message: String },
    /// The response could not be decoded into the expected type. `body` is the raw body.
    Decode { message: String, body: String },
    /// The response exceeded the size or nesting-depth cap.
    ResponseTooLarge { limit: usize },
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
    /// not idempotent → [`Error::OutcomeUnknown`]; sent and idempotent → [`Error::Transport`].
    /// Shared by the SOAP and HTTP wire code.
    pub(crate) fn from_transport(
        operation: &'static str,
        idempotent: bool,
        error: crate::runtime::transport::TransportError,
    ) -> Self {
        let _ = (operation, idempotent, error);
        todo!()
    }
}
