//! Client set-up shared by every generated client: `Client::builder(…)` returns a
//! [`ClientBuilder`], so every service is configured the same way and the generated code only
//! says which arguments its client needs (the URL, and an HTTP service's credentials).

use crate::runtime::{Error, ReqwestTransport, Timeouts, Transport};
use reqwest::header::{HeaderName, HeaderValue};
use std::fmt;
use std::sync::Arc;

/// The user agent the default transport sends when [`ClientBuilder::user_agent`] is not set.
pub const DEFAULT_USER_AGENT: &str = concat!("generated-client/", env!("CARGO_PKG_VERSION"));

/// Configures a service's `Client`: get one from `Client::builder(…)`, chain the settings you
/// need, then [`build`](ClientBuilder::build).
///
/// | setting | default |
/// |---|---|
/// | the URL (`Client::builder`'s first argument) | none: pass a service's `LIVE_URL`, `TEST_URL` or `ENDPOINT` constant, or your own |
/// | [`timeouts`](Self::timeouts) | [`Timeouts::default`]: connect 10 s, read 30 s, total 120 s |
/// | [`proxy`](Self::proxy) | the `HTTPS_PROXY`, `HTTP_PROXY` and `ALL_PROXY` environment variables (`NO_PROXY` honoured), as reqwest reads them |
/// | [`user_agent`](Self::user_agent) | [`DEFAULT_USER_AGENT`] (`generated-client/<version>`) |
/// | [`header`](Self::header) | no extra header |
/// | [`max_response_bytes`](Self::max_response_bytes) | [`ReqwestTransport::DEFAULT_MAX_RESPONSE_BYTES`] (64 MiB) |
/// | [`transport`](Self::transport) | a [`ReqwestTransport`] (rustls, no retries, no redirects) built from the settings above |
///
/// The user agent and the extra headers are sent on every request by the client itself, so
/// they apply to a custom transport too. Timeouts, the proxy and the size cap configure the
/// default transport: setting them together with [`transport`](Self::transport) is an
/// [`Error::Setup`] rather than a setting silently ignored.
#[must_use = "a builder does nothing until `build` is called"]
pub struct ClientBuilder<C: Configure> {
    url: String,
    timeouts: Option<Timeouts>,
    proxy: Option<String>,
    user_agent: Option<String>,
    headers: Vec<(String, String)>,
    max_response_bytes: Option<usize>,
    transport: Option<Arc<dyn Transport>>,
    args: C::Args,
}

/// What a generated client is made from; implemented by generated code only.
#[doc(hidden)]
pub trait Configure: Sized {
    /// What `Client::builder` takes besides the URL (an HTTP service's credentials).
    type Args;

    /// The client, from the settings `build` checked.
    fn configure(connection: Connection, args: Self::Args) -> Self;
}

/// The settings a built client keeps: where to send, through what, with which extra headers.
#[doc(hidden)]
pub struct Connection {
    pub url: String,
    pub transport: Arc<dyn Transport>,
    /// Sent on every request after the call's own headers (the user agent among them).
    pub headers: Vec<(String, String)>,
}

impl<C: Configure> ClientBuilder<C> {
    /// A builder with every setting at its default; generated `Client::builder`s call it.
    #[doc(hidden)]
    pub fn new(url: impl Into<String>, args: C::Args) -> Self {
        Self {
            url: url.into(),
            timeouts: None,
            proxy: None,
            user_agent: None,
            headers: Vec::new(),
            max_response_bytes: None,
            transport: None,
            args,
        }
    }

    /// How long a call may wait; see [`Timeouts`] for what each bound catches.
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = Some(timeouts);
        self
    }

    /// Sends every request through this proxy (`http://host:3128`, `socks5://…` needs
    /// reqwest's `socks` feature), instead of the one the environment names.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }

    /// The `User-Agent` header sent on every request.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// A header sent on every request; call it once per header. Values are not printed by
    /// `Debug` output (they may be tokens).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The cap on an answer's size; a larger answer fails with `Error::ResponseTooLarge`
    /// without being held in memory.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// Sends every request through `transport` (another HTTP stack, a recorder, a mock)
    /// instead of the default [`ReqwestTransport`].
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// The client.
    ///
    /// # Errors
    ///
    /// [`Error::Setup`] when a header name or value, the user agent or the proxy URL is not
    /// valid, when timeouts, a proxy or a size cap are set together with a custom transport,
    /// or when the default transport cannot be built.
    pub fn build(self) -> Result<C, Error> {
        let mut headers = Vec::with_capacity(self.headers.len() + 1);
        if let Some(user_agent) = self.user_agent {
            headers.push(("User-Agent".to_owned(), user_agent));
        }
        headers.extend(self.headers);
        for (name, value) in &headers {
            check_header(name, value)?;
        }
        let transport = match self.transport {
            Some(transport) => {
                let configured = [
                    self.timeouts.is_some().then_some("timeouts"),
                    self.proxy.is_some().then_some("a proxy"),
                    self.max_response_bytes.is_some().then_some("a size cap"),
                ];
                if let Some(setting) = configured.into_iter().flatten().next() {
                    return Err(setup(format!(
                        "{setting} cannot be applied to a custom transport: configure the \
                         transport itself"
                    )));
                }
                transport
            }
            None => default_transport(
                self.timeouts.unwrap_or_default(),
                self.proxy.as_deref(),
                self.max_response_bytes,
            )?,
        };
        let connection = Connection {
            url: self.url,
            transport,
            headers,
        };
        Ok(C::configure(connection, self.args))
    }
}

/// The reqwest transport the settings describe.
fn default_transport(
    timeouts: Timeouts,
    proxy: Option<&str>,
    max_response_bytes: Option<usize>,
) -> Result<Arc<dyn Transport>, Error> {
    let mut builder = reqwest::Client::builder().user_agent(DEFAULT_USER_AGENT);
    if let Some(url) = proxy {
        // The URL is not quoted: it may carry a user name and password.
        let proxy = reqwest::Proxy::all(url).map_err(|error| Error::Setup {
            message: "the proxy URL is not valid".to_owned(),
            source: Some(Box::new(error.without_url())),
        })?;
        builder = builder.proxy(proxy);
    }
    let mut transport = ReqwestTransport::from_builder(builder, timeouts)?;
    if let Some(limit) = max_response_bytes {
        transport = transport.with_max_response_bytes(limit);
    }
    Ok(Arc::new(transport))
}

/// A header the client could not send is a set-up error, found before any call.
fn check_header(name: &str, value: &str) -> Result<(), Error> {
    if HeaderName::from_bytes(name.as_bytes()).is_err() {
        return Err(setup(format!("`{name}` is not a valid header name")));
    }
    // The value is not quoted: it may be a token.
    if HeaderValue::from_str(value).is_err() {
        return Err(setup(format!("the value of header `{name}` is not valid")));
    }
    Ok(())
}

fn setup(message: String) -> Error {
    Error::Setup {
        message,
        source: None,
    }
}

impl<C: Configure> fmt::Debug for ClientBuilder<C> {
    /// The URL, timeouts, user agent and header names: proxy URLs and header values may hold
    /// credentials, and the client's arguments are not shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header_names: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("ClientBuilder")
            .field("url", &self.url)
            .field("timeouts", &self.timeouts)
            .field(
                "proxy",
                &self.proxy.as_ref().map(|_| crate::runtime::REDACTED),
            )
            .field("user_agent", &self.user_agent)
            .field("headers", &header_names)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("transport", &self.transport.as_ref().map(|_| "custom"))
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::transport::{BoxFuture, Request, Response, TransportError};

    /// Stands for a generated client: keeps what it was configured with.
    struct Built(Connection);

    impl Configure for Built {
        type Args = ();
        fn configure(connection: Connection, (): ()) -> Self {
            Self(connection)
        }
    }

    struct Silent;

    impl Transport for Silent {
        fn send(&self, _: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
            Box::pin(async {
                Ok(Response {
                    status: 200,
                    headers: Vec::new(),
                    body: Vec::new(),
                })
            })
        }
    }

    fn builder() -> ClientBuilder<Built> {
        ClientBuilder::new("https://api.example", ())
    }

    #[test]
    fn user_agent_and_headers_are_kept_in_order() {
        let Built(connection) = builder()
            .header("X-Trace", "t1")
            .user_agent("app/1.0")
            .build()
            .unwrap();
        assert_eq!(connection.url, "https://api.example");
        assert_eq!(
            connection.headers,
            [
                ("User-Agent".to_owned(), "app/1.0".to_owned()),
                ("X-Trace".to_owned(), "t1".to_owned())
            ]
        );
    }

    #[test]
    fn invalid_headers_and_proxies_are_setup_errors() {
        let bad_name = builder().header("X Trace", "t").build();
        assert!(matches!(bad_name, Err(Error::Setup { .. })));
        let bad_value = builder().header("X-Token", "line\nbreak").build();
        let Err(Error::Setup { message, .. }) = bad_value else {
            panic!("expected a set-up error");
        };
        assert!(!message.contains("line"), "{message}");
        let bad_proxy = builder().proxy("http://user:pw@[::1").build();
        let Err(error) = bad_proxy else {
            panic!("expected a set-up error")
        };
        assert!(!format!("{error:?}").contains("pw"), "{error:?}");
    }

    #[test]
    fn default_transport_settings_do_not_apply_to_a_custom_transport() {
        let custom = || builder().transport(Arc::new(Silent));
        assert!(custom().header("X-Trace", "t").build().is_ok());
        assert!(custom().timeouts(Timeouts::default()).build().is_err());
        assert!(custom().proxy("http://proxy:3128").build().is_err());
        assert!(custom().max_response_bytes(10).build().is_err());
    }

    #[test]
    fn debug_hides_proxy_and_header_values() {
        let shown = format!(
            "{:?}",
            builder()
                .proxy("http://user:s3cret@proxy:3128")
                .header("Authorization", "Bearer t0ken")
        );
        assert!(
            !shown.contains("s3cret") && !shown.contains("t0ken"),
            "{shown}"
        );
        assert!(shown.contains("Authorization"), "{shown}");
    }
}
