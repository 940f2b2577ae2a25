//! The transport behind every call: a trait, and its default implementation on reqwest with
//! rustls.
//!
//! CONTRACT (stub): bodies to be implemented.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// One HTTP request as the wire code builds it.
#[derive(Clone)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Whether the operation may be retried automatically. Transports must never retry a
    /// request with `idempotent == false`.
    pub idempotent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// One HTTP response, body read to the end (bounded by the transport's size cap).
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// What can go wrong below HTTP. `sent` tells whether the request may have reached the
/// server: for a non-idempotent call that makes the outcome unknown.
#[derive(Debug)]
pub struct TransportError {
    pub kind: TransportErrorKind,
    pub sent: bool,
    pub message: String,
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    Connect,
    Timeout,
    Io,
    TooLarge,
    Other,
}

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends requests. Implement it to plug in another HTTP stack, a recorder or a mock.
pub trait Transport: Send + Sync {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>>;
}

/// Connect and total timeouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(120),
        }
    }
}

/// The default transport: reqwest with rustls.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    pub fn new(timeouts: Timeouts) -> Result<Self, crate::runtime::Error> {
        todo!("{timeouts:?}")
    }

    /// Use a reqwest client the caller configured (proxies, extra roots, ...).
    pub fn from_client(client: reqwest::Client) -> Self {
        Self { client }
    }
}

impl Transport for ReqwestTransport {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        let _ = (&self.client, request);
        todo!()
    }
}
