//! A mock server for tests of code that uses a generated client (cargo feature `mock`).
//!
//! Each service's generated `mock::Mock` is a typed layer over [`Server`]: it lists the
//! service's operations as [`Route`]s, and its `on_<operation>`, `answer_<operation>` and
//! `requests_<operation>` methods call [`Server::on`], [`Server::answer`] and
//! [`Server::requests`] with the operation's request and answer types.
//!
//! The server listens on `127.0.0.1` at a free port, on a tokio runtime of its own (so it
//! works from sync and async tests alike), and speaks just enough HTTP/1.1 for the generated
//! clients. For each request it:
//!
//! 1. finds the operation: SOAP by the Body's first element (the rpc wrapper or the document
//!    element, with `SOAPAction` to choose between operations sharing one), HTTP by method
//!    and path (any region segment);
//! 2. decodes the request into the operation's typed request with the runtime's own
//!    decoders (SOAP: the wrapper's parts; HTTP: the query or form pairs, read as leniently
//!    as answers are) and records it;
//! 3. answers what the test scripted for the operation ([`Reply`]), on the wire exactly as
//!    the vendors do: SOAP rpc/encoded with `xsi:type`s as NuSOAP writes them (UTF-8), or
//!    document/literal; ResellerClub-style JSON with every value a string. An operation
//!    nothing was scripted for answers a SOAP fault (`Server`, "no answer scripted") or HTTP
//!    501. A request that does not decode is answered a `Client` fault or HTTP 400 saying why,
//!    and is not recorded.
//!
//! Recorded requests keep secrets (passwords, session ids, API keys) as
//! [`Secret`](crate::runtime::Secret)s, which never print. Credentials an HTTP client sends on
//! every call are not checked or recorded.

mod http1;

use crate::runtime::{Error, http, soap};
use http1::Incoming;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::any::Any;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};

/// What the mock answers to one call of an operation whose answer type is `T`.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply<T> {
    /// A successful answer, serialized as the vendor does.
    Answer(T),
    /// A business error in the service's own shape, with this message: SOAP, the answer's
    /// in-band status field set to the first error value and the first message field to the
    /// message (InterServer: `status` `error`, `status_text`), which the client reports as
    /// `Error::Business`; an operation without that shape answers a fault explaining so.
    /// HTTP: `{"status":"ERROR","message":…}` with status 200, as ResellerClub does.
    Business(String),
    /// SOAP: a fault with this code (`SOAP-ENV:Client`, `SOAP-ENV:Server`) and string, HTTP
    /// status 500, as PHP's `SoapServer` sends it. HTTP: status 500 with the message as
    /// `text/plain`, as a failing backend behind the API does.
    Fault { code: String, message: String },
    /// This HTTP status and body (`text/plain`): a proxy's 502, a 403 for an IP that is not
    /// whitelisted.
    Status { status: u16, body: String },
    /// No answer: the connection is held open until the client gives up (its read timeout)
    /// or the mock is dropped. The request is recorded first, as a server that took the
    /// order and then stalled would have it.
    Stall,
}

impl<T> Reply<T> {
    /// [`Reply::Fault`].
    pub fn fault(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Fault {
            code: code.into(),
            message: message.into(),
        }
    }
}

/// A SOAP operation's output part: its name and `xsi:type`.
#[derive(Debug, Clone, Copy)]
pub struct Part {
    pub name: &'static str,
    pub xsi_type: soap::XsiType,
}

/// One of an HTTP operation's parameters, as the client sends it.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The wire name, which is also the request field's serde name.
    pub name: &'static str,
    pub shape: ParamShape,
}

/// How a parameter's values travel.
#[derive(Debug, Clone, Copy)]
pub enum ParamShape {
    /// `name=value`.
    One,
    /// `name=a&name=b`: a list.
    List,
    /// `key1=k&value1=v&key2=…`: a list of pairs.
    Pairs {
        key: &'static str,
        value: &'static str,
    },
}

/// How one operation travels, as the generated `Mock` registers it.
pub struct Route {
    name: &'static str,
    wire: Wire,
    decode: Decode,
}

/// Decodes a request into the operation's request type, boxed for the record.
type Decode = fn(&Wire, &Incoming) -> Result<Box<dyn Any + Send>, String>;

impl Route {
    /// A SOAP operation whose request decodes into `Q` (a struct of its parts); `answer` is
    /// its output part, `None` for an operation without output; `in_band` its business error
    /// shape.
    pub fn soap<Q: DeserializeOwned + Send + 'static>(
        operation: &'static soap::Operation,
        answer: Option<Part>,
        in_band: Option<&'static soap::InBandError>,
    ) -> Self {
        Self {
            name: operation.name,
            wire: Wire::Soap {
                operation,
                answer,
                in_band,
            },
            decode: decode::<Q>,
        }
    }

    /// An HTTP operation whose parameters (`params`, the caller's, credentials left out)
    /// decode into `Q`.
    pub fn http<Q: DeserializeOwned + Send + 'static>(
        operation: &'static http::Operation,
        params: &'static [Param],
    ) -> Self {
        Self {
            name: operation.name,
            wire: Wire::Http { operation, params },
            decode: decode::<Q>,
        }
    }
}

fn decode<Q: DeserializeOwned + Send + 'static>(
    wire: &Wire,
    incoming: &Incoming,
) -> Result<Box<dyn Any + Send>, String> {
    let request: Q = match *wire {
        Wire::Soap { .. } => {
            soap::mock::read_request(&incoming.body, incoming.header("content-type"))?
        }
        Wire::Http { operation, params } => {
            let form = match operation.encoding {
                http::Encoding::Query => incoming.query.as_bytes(),
                http::Encoding::Form => &incoming.body,
            };
            http::mock::read_request(params, form)?
        }
    };
    Ok(Box::new(request))
}

/// An operation's wire description.
#[derive(Clone, Copy)]
enum Wire {
    Soap {
        operation: &'static soap::Operation,
        answer: Option<Part>,
        in_band: Option<&'static soap::InBandError>,
    },
    Http {
        operation: &'static http::Operation,
        params: &'static [Param],
    },
}

/// An answer ready to write, or none.
enum Outgoing {
    Send {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    Stall,
}

impl Outgoing {
    fn text(status: u16, body: impl Into<String>) -> Self {
        Self::Send {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.into().into_bytes(),
        }
    }
}

impl Wire {
    /// `reply` on the wire.
    fn reply<T: Serialize>(&self, reply: Reply<T>) -> Outgoing {
        let encoded = match (*self, reply) {
            (_, Reply::Stall) => return Outgoing::Stall,
            (_, Reply::Status { status, body }) => return Outgoing::text(status, body),
            (Wire::Http { .. }, Reply::Fault { message, .. }) => {
                return Outgoing::text(500, message);
            }
            (Wire::Http { .. }, Reply::Answer(answer)) => http::mock::answer(&answer),
            (Wire::Http { .. }, Reply::Business(message)) => Ok(http::mock::business(&message)),
            (Wire::Soap { operation, .. }, Reply::Fault { code, message }) => {
                return soap_fault(operation.version, &code, &message);
            }
            (
                Wire::Soap {
                    operation, answer, ..
                },
                Reply::Answer(value),
            ) => soap::mock::answer(operation, answer, &value),
            (
                Wire::Soap {
                    operation,
                    answer,
                    in_band: Some(in_band),
                },
                Reply::Business(message),
            ) => soap::mock::business(operation, answer, in_band, &message),
            (Wire::Soap { operation, .. }, Reply::Business(_)) => {
                return self.fail(
                    "Server",
                    &format!(
                        "mock: {} has no in-band error shape; script a fault instead",
                        operation.name
                    ),
                );
            }
        };
        match encoded {
            Ok(body) => self.ok(body),
            Err(reason) => self.fail("Server", &format!("mock: cannot send the answer: {reason}")),
        }
    }

    /// A 200 answer with the protocol's content type.
    fn ok(&self, body: Vec<u8>) -> Outgoing {
        let content_type = match *self {
            Wire::Soap { operation, .. } => soap::mock::content_type(operation.version),
            Wire::Http { .. } => http::mock::CONTENT_TYPE,
        };
        Outgoing::Send {
            status: 200,
            content_type,
            body,
        }
    }

    /// The mock's own failure: a SOAP fault whose code is `kind` (`Client` or `Server`) in the
    /// envelope's namespace, or for HTTP a 400 (`Client`) or 501.
    fn fail(&self, kind: &str, message: &str) -> Outgoing {
        match *self {
            Wire::Soap { operation, .. } => {
                soap_fault(operation.version, &format!("SOAP-ENV:{kind}"), message)
            }
            Wire::Http { .. } => Outgoing::text(if kind == "Client" { 400 } else { 501 }, message),
        }
    }

    /// Whether `incoming` calls this operation; `element` is the SOAP Body's first element.
    fn serves(&self, incoming: &Incoming, element: Option<&str>) -> bool {
        match *self {
            Wire::Soap { operation, .. } => element == Some(operation.request_element),
            Wire::Http { operation, .. } => {
                let method = match operation.method {
                    http::Method::Get => "GET",
                    http::Method::Post => "POST",
                };
                incoming.method == method
                    && http::mock::path_matches(operation.path, &incoming.path)
            }
        }
    }

    /// Whether a SOAP request's action names this operation.
    fn has_action(&self, incoming: &Incoming) -> bool {
        let Wire::Soap { operation, .. } = *self else {
            return false;
        };
        let action = incoming.header("soapaction").map(|a| a.trim_matches('"'));
        action == Some(operation.soap_action)
            || incoming
                .header("content-type")
                .is_some_and(|t| t.contains(&format!("action=\"{}\"", operation.soap_action)))
    }
}

/// A SOAP fault (HTTP status 500, as PHP's `SoapServer` sends it).
fn soap_fault(version: soap::Version, code: &str, message: &str) -> Outgoing {
    match soap::mock::fault(version, code, message) {
        Ok(body) => Outgoing::Send {
            status: 500,
            content_type: soap::mock::content_type(version),
            body,
        },
        Err(reason) => Outgoing::text(500, format!("mock: cannot send the fault: {reason}")),
    }
}

/// A script: the typed request in, the answer on the wire out.
type Script = Arc<dyn Fn(&(dyn Any + Send)) -> Outgoing + Send + Sync>;

/// What the server knows of one operation.
#[derive(Default)]
struct Entry {
    script: Option<Script>,
    /// The typed requests received, in order.
    requests: Vec<Box<dyn Any + Send>>,
}

/// The routes and, per operation, its script and record.
struct Shared {
    routes: Vec<Route>,
    entries: Mutex<BTreeMap<&'static str, Entry>>,
}

impl Shared {
    fn entries(&self) -> std::sync::MutexGuard<'_, BTreeMap<&'static str, Entry>> {
        // A script that panicked poisons nothing the map's invariants depend on.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn route(&self, incoming: &Incoming) -> Option<&Route> {
        let element = soap::mock::body_element(&incoming.body, incoming.header("content-type"));
        let element = element.as_deref();
        let mut matching = self
            .routes
            .iter()
            .filter(|r| r.wire.serves(incoming, element));
        let first = matching.next()?;
        Some(
            std::iter::once(first)
                .chain(matching)
                .find(|r| r.wire.has_action(incoming))
                .unwrap_or(first),
        )
    }

    fn handle(&self, incoming: &Incoming) -> Outgoing {
        let Some(route) = self.route(incoming) else {
            return Outgoing::text(
                404,
                format!(
                    "mock: no operation at {} {}",
                    incoming.method, incoming.path
                ),
            );
        };
        let request = match (route.decode)(&route.wire, incoming) {
            Ok(request) => request,
            Err(reason) => {
                let message = format!("mock: cannot read the {} request: {reason}", route.name);
                return route.wire.fail("Client", &message);
            }
        };
        let script = self
            .entries()
            .get(route.name)
            .and_then(|e| e.script.clone());
        let outgoing = match script {
            Some(script) => script(&*request),
            None => route.wire.fail(
                "Server",
                &format!("mock: no answer scripted for {}", route.name),
            ),
        };
        self.entries()
            .entry(route.name)
            .or_default()
            .requests
            .push(request);
        outgoing
    }
}

/// The running mock server; dropping it stops it (stalled calls see their connection close).
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Server {
    /// Listens on a free port of `127.0.0.1` and serves `routes`.
    pub fn start(routes: Vec<Route>) -> Result<Self, Error> {
        let setup = |what: &str, e: std::io::Error| Error::Setup {
            message: format!("mock server: {what}: {e}"),
            source: Some(Box::new(e)),
        };
        let listener =
            std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| setup("bind 127.0.0.1", e))?;
        let addr = listener
            .local_addr()
            .map_err(|e| setup("local address", e))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| setup("non-blocking listener", e))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("mock-server")
            .enable_all()
            .build()
            .map_err(|e| setup("runtime", e))?;
        let listener = {
            let _entered = runtime.enter();
            TcpListener::from_std(listener).map_err(|e| setup("listener", e))?
        };
        let shared = Arc::new(Shared {
            routes,
            entries: Mutex::new(BTreeMap::new()),
        });
        let serving = Arc::clone(&shared);
        runtime.spawn(async move {
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => drop(tokio::spawn(serve(stream, Arc::clone(&serving)))),
                    // Out of file descriptors or similar: wait instead of spinning.
                    Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                }
            }
        });
        Ok(Self {
            addr,
            shared,
            runtime: Some(runtime),
        })
    }

    /// `http://127.0.0.1:<port>`: the endpoint (SOAP) or base URL (HTTP) to give a client.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// From now on, `operation` answers what `script` returns for each request.
    pub fn on<Q: 'static, A: Serialize + 'static>(
        &self,
        operation: &'static str,
        script: impl Fn(&Q) -> Reply<A> + Send + Sync + 'static,
    ) {
        let Some(route) = self.shared.routes.iter().find(|r| r.name == operation) else {
            return;
        };
        let wire = route.wire;
        let script: Script = Arc::new(move |request: &(dyn Any + Send)| {
            match (request as &dyn Any).downcast_ref::<Q>() {
                Some(request) => wire.reply(script(request)),
                None => wire.fail("Server", "mock: the script takes another request type"),
            }
        });
        self.shared.entries().entry(operation).or_default().script = Some(script);
    }

    /// From now on, `operation` answers `answer` to every request.
    pub fn answer<Q: 'static, A: Serialize + Clone + Send + Sync + 'static>(
        &self,
        operation: &'static str,
        answer: A,
    ) {
        self.on(operation, move |_: &Q| Reply::Answer(answer.clone()));
    }

    /// The requests `operation` received so far, in order.
    pub fn requests<Q: Clone + 'static>(&self, operation: &'static str) -> Vec<Q> {
        self.shared
            .entries()
            .get(operation)
            .map(|entry| {
                entry
                    .requests
                    .iter()
                    .filter_map(|r| (&**r as &dyn Any).downcast_ref::<Q>().cloned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            // Allowed inside an async test, unlike dropping the runtime.
            runtime.shutdown_background();
        }
    }
}

async fn serve(mut stream: TcpStream, shared: Arc<Shared>) {
    let outgoing = match http1::read(&mut stream).await {
        Ok(incoming) => shared.handle(&incoming),
        Err(reason) => Outgoing::text(400, format!("mock: {reason}")),
    };
    match outgoing {
        Outgoing::Send {
            status,
            content_type,
            body,
        } => http1::write(&mut stream, status, content_type, &body).await,
        Outgoing::Stall => http1::hold(&mut stream).await,
    }
}
