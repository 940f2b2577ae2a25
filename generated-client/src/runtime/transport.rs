//! The transport behind every call: a trait, and its default implementation on reqwest with
//! rustls.
//!
//! The reqwest transport never retries anything and never follows redirects, even when built
//! from the caller's `ClientBuilder`: a call that may place an order is sent exactly once, and
//! whether it may have reached the server is reported in [`TransportError::sent`]. Errors
//! carry no URL, because GET URLs carry the credentials.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// One HTTP request as the wire code builds it.
///
/// Its `Debug` output leaves out the query string, the header values (except a few harmless
/// ones) and the body: they carry credentials.
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

/// Header values that never carry a credential, shown by `Request`'s `Debug`.
const HARMLESS_HEADERS: [&str; 4] = ["accept", "content-type", "content-length", "soapaction"];

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Headers<'a>(&'a [(String, String)]);
        impl fmt::Debug for Headers<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let shown = self.0.iter().map(|(name, value)| {
                    let harmless = HARMLESS_HEADERS
                        .iter()
                        .any(|h| h.eq_ignore_ascii_case(name));
                    (
                        name,
                        if harmless {
                            value.as_str()
                        } else {
                            "<redacted>"
                        },
                    )
                });
                f.debug_map().entries(shown).finish()
            }
        }
        let url = match self.url.split_once('?') {
            Some((before, _)) => format!("{before}?<redacted>"),
            None => self.url.clone(),
        };
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &url)
            .field("headers", &Headers(&self.headers))
            .field(
                "body",
                &format_args!("<{} bytes redacted>", self.body.len()),
            )
            .field("idempotent", &self.idempotent)
            .finish()
    }
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
    /// What happened, in words that never contain the URL or the body.
    pub message: String,
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TransportError {
    /// The answer was larger than `limit` bytes. The request was sent and answered, so the
    /// server may have acted on it.
    pub fn too_large(limit: usize) -> Self {
        let cap = SizeCapExceeded { limit };
        Self {
            kind: TransportErrorKind::TooLarge,
            sent: true,
            message: cap.to_string(),
            source: Some(Box::new(cap)),
        }
    }
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

/// The cause of a [`TransportErrorKind::TooLarge`] error: the cap that was exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeCapExceeded {
    pub limit: usize,
}

impl fmt::Display for SizeCapExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the answer is larger than the cap of {} bytes",
            self.limit
        )
    }
}

impl std::error::Error for SizeCapExceeded {}

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends requests. Implement it to plug in another HTTP stack, a recorder or a mock.
pub trait Transport: Send + Sync {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>>;
}

/// How long a call may wait, in three bounds: each catches a different stall, and the first
/// to run out ends the call. A timeout after the request was sent leaves an order's outcome
/// unknown, so the defaults are long enough for a slow but healthy server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Setting up the connection (DNS, TCP, TLS). Default 10 s: a reachable server completes
    /// its handshake in well under a second even from far away, and nothing has been sent yet,
    /// so failing early is always safe.
    pub connect: Duration,
    /// The longest wait for the next bytes of the answer: from the start of the request until
    /// its head arrives (connecting included), then between two pieces of the body. Default
    /// 30 s: as long as PHP lets a script work by default (`max_execution_time`; InterServer's
    /// NuSOAP server is PHP), so a working server is not cut off, while a stalled answer is
    /// reported after half a minute instead of after the total.
    pub read: Duration,
    /// From the start of connecting until the whole answer has been read. Default 120 s: a
    /// bound for an answer that keeps trickling in, far above what a 15 MB answer (10,000
    /// services, the largest the benchmarks decode) takes to arrive.
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            read: Duration::from_secs(30),
            total: Duration::from_secs(120),
        }
    }
}

/// The default transport: reqwest with rustls.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    max_response_bytes: usize,
}

impl ReqwestTransport {
    /// The default cap on an answer's size: far above any real answer, far below what would
    /// hurt to hold in memory.
    pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

    /// A client with these timeouts, no retries, no redirects and the user agent
    /// `generated-client/<version>`.
    pub fn new(timeouts: Timeouts) -> Result<Self, crate::runtime::Error> {
        let builder = reqwest::Client::builder().user_agent(crate::runtime::DEFAULT_USER_AGENT);
        Self::from_builder(builder, timeouts)
    }

    /// A client from a builder the caller configured (proxies, extra roots, user agent,
    /// default headers, ...). Whatever the builder says, the client never retries, never
    /// follows a redirect and uses `timeouts`; the size cap applies as to every client.
    pub fn from_builder(
        builder: reqwest::ClientBuilder,
        timeouts: Timeouts,
    ) -> Result<Self, crate::runtime::Error> {
        let client = builder
            .connect_timeout(timeouts.connect)
            .read_timeout(timeouts.read)
            .timeout(timeouts.total)
            // Never send a request twice: a retried order is a second order.
            .retry(reqwest::retry::never())
            // A redirect would re-send the request (and its credentials) somewhere else.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| crate::runtime::Error::Setup {
                message: "the reqwest client could not be built".to_owned(),
                source: Some(Box::new(error.without_url())),
            })?;
        Ok(Self {
            client,
            max_response_bytes: Self::DEFAULT_MAX_RESPONSE_BYTES,
        })
    }

    /// Sets the cap on an answer's size; a larger answer fails with
    /// [`TransportErrorKind::TooLarge`] without being held in memory.
    pub fn with_max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// The cap on an answer's size, in bytes.
    pub fn max_response_bytes(&self) -> usize {
        self.max_response_bytes
    }

    async fn send_once(&self, request: Request) -> Result<Response, TransportError> {
        let url = reqwest::Url::parse(&request.url).map_err(|error| TransportError {
            kind: TransportErrorKind::Other,
            sent: false,
            message: "the request URL is not valid".to_owned(),
            source: Some(Box::new(error)),
        })?;
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let mut builder = self.client.request(method, url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let answer = builder
            .body(request.body)
            .send()
            .await
            .map_err(request_error)?;
        let status = answer.status().as_u16();
        let headers = answer
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = read_capped(answer, self.max_response_bytes).await?;
        Ok(Response {
            status,
            headers,
            body,
        })
    }
}

impl Transport for ReqwestTransport {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(self.send_once(request))
    }
}

/// Reads the body chunk by chunk, giving up as soon as it passes `limit`.
async fn read_capped(
    mut answer: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, TransportError> {
    let announced = answer.content_length().unwrap_or(0);
    if announced > u64::try_from(limit).unwrap_or(u64::MAX) {
        return Err(TransportError::too_large(limit));
    }
    let mut body = Vec::new();
    while let Some(chunk) = answer.chunk().await.map_err(body_error)? {
        if chunk.len() > limit.saturating_sub(body.len()) {
            return Err(TransportError::too_large(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Classifies a failure before the answer's head arrived. Only a failure to connect proves
/// the request was not sent; anything else might have happened after the server read it.
fn request_error(error: reqwest::Error) -> TransportError {
    let error = error.without_url();
    let (kind, sent, message) = if error.is_builder() {
        (
            TransportErrorKind::Other,
            false,
            "the request could not be built",
        )
    } else if error.is_connect() {
        (
            TransportErrorKind::Connect,
            false,
            "could not connect to the server",
        )
    } else if error.is_timeout() {
        (
            TransportErrorKind::Timeout,
            true,
            "timed out waiting for the answer",
        )
    } else if error.is_request() {
        (
            TransportErrorKind::Io,
            true,
            "the connection failed before an answer arrived",
        )
    } else {
        (
            TransportErrorKind::Other,
            true,
            "the HTTP client failed while sending",
        )
    };
    TransportError {
        kind,
        sent,
        message: message.to_owned(),
        source: Some(Box::new(error)),
    }
}

/// Classifies a failure while reading the body: the request was certainly sent.
fn body_error(error: reqwest::Error) -> TransportError {
    let error = error.without_url();
    let (kind, message) = if error.is_timeout() {
        (
            TransportErrorKind::Timeout,
            "timed out while reading the answer",
        )
    } else {
        (
            TransportErrorKind::Io,
            "the connection dropped before the whole answer arrived",
        )
    };
    TransportError {
        kind,
        sent: true,
        message: message.to_owned(),
        source: Some(Box::new(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_debug_hides_query_body_and_header_values() {
        let request = Request {
            method: Method::Get,
            url: "https://api.example/x.json?api-key=K3Y&id=1".to_owned(),
            headers: vec![
                ("Content-Type".to_owned(), "application/json".to_owned()),
                ("Authorization".to_owned(), "Bearer K3Y".to_owned()),
            ],
            body: b"passwd=K3Y".to_vec(),
            idempotent: true,
        };
        let shown = format!("{request:?}");
        assert!(!shown.contains("K3Y"), "{shown}");
        assert!(
            shown.contains("https://api.example/x.json?<redacted>"),
            "{shown}"
        );
        assert!(shown.contains("application/json"), "{shown}");
        assert!(shown.contains("<10 bytes redacted>"), "{shown}");
    }

    #[test]
    fn too_large_names_the_cap() {
        let error = TransportError::too_large(100);
        assert_eq!(error.kind, TransportErrorKind::TooLarge);
        assert!(error.sent);
        assert_eq!(
            error.message,
            "the answer is larger than the cap of 100 bytes"
        );
    }
}
