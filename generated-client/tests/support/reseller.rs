//! A ResellerClub HTTP API peer that checks every request it receives.
//!
//! Hand-rolled HTTP/1.1 on tokio (one request per connection, answered with
//! `Connection: close`), on its own runtime so it works from any test, sync or async. It serves
//! - `POST /api/enterpriseemail/us/renew.json` (form body), and
//! - `GET /api/enterpriseemail/us/search.json` (query, repeated keys for list parameters).
//!
//! Every request is checked: method, path, where the parameters are (form body for POST, query
//! for GET), `Content-Type`, percent-encoding, credentials, no unknown or duplicated parameter,
//! required ones present, each value's type (integers, `true`/`false`, decimals, enums). A
//! failed check is answered `400` with `{"status":"PEER-CHECK-FAILED","check":…,"detail":…}`
//! so the failing test shows why. Every request is recorded for assertions.
//!
//! Renew answers the documented success map, values as JSON strings, without `invoiceid`,
//! `sellingcurrencysymbol`, `sellingamount`, `customerid` for `invoice-option=NoInvoice`;
//! `entityid` echoes `order-id`, `discount-amount` echoes the sent value (`0.00` when absent).
//! Magic order-ids in [`order`] select the vendor's error shapes. Search echoes `domain-name`
//! byte for byte into each order's `entity.description`.

use serde_json::{Map, Value, json};
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The reseller id the peer accepts.
pub const AUTH_USERID: &str = "123456";
/// The API key the peer accepts.
pub const API_KEY: &str = "peer-api-key-0123456789abcdef";
pub const RENEW_PATH: &str = "/api/enterpriseemail/us/renew.json";
pub const SEARCH_PATH: &str = "/api/enterpriseemail/us/search.json";
/// `description` of a renewal of [`order::ADVERSARIAL`]: every character a JSON or XML
/// decoder could get wrong.
pub const ADVERSARIAL_DESCRIPTION: &str = "<&>'\"]]> é€ \\ / \u{1F600} \t\n\r\u{1} \u{7f}";
/// The `status` value of the peer's own check-failure answers.
pub const CHECK_FAILED: &str = "PEER-CHECK-FAILED";

/// Magic `order-id` values for renew that select an answer other than success.
pub mod order {
    /// HTTP 200 `{"status":"ERROR","message":…}`.
    pub const ERROR_200: i64 = 900_001;
    /// HTTP 500 `{"status":"ERROR","message":…}`.
    pub const ERROR_500: i64 = 900_002;
    /// HTTP 200 `{"status":"error","error":…}`.
    pub const LOWERCASE_ERROR: i64 = 900_003;
    /// HTTP 200 `{"status":"Failed","actionstatusdesc":…}`.
    pub const FAILED: i64 = 900_004;
    /// HTTP 403 with an HTML body.
    pub const FORBIDDEN: i64 = 900_005;
    /// Success whose `description` is [`super::ADVERSARIAL_DESCRIPTION`].
    pub const ADVERSARIAL: i64 = 900_006;
}

/// The `message` of [`order::ERROR_200`] and [`order::ERROR_500`].
pub const ERROR_MESSAGE: &str = "The Order is currently locked; renewal is not allowed";
/// The `error` of [`order::LOWERCASE_ERROR`].
pub const LOWERCASE_ERROR_MESSAGE: &str = "Invalid Order Id";
/// The `actionstatusdesc` of [`order::FAILED`].
pub const FAILED_MESSAGE: &str = "Renewal failed: insufficient funds in the Reseller account";

/// The body of the [`order::FORBIDDEN`] answer: what a web server in front of the API sends.
pub const FORBIDDEN_HTML: &str = concat!(
    "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n",
    "<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n",
    "<p>You don't have permission to access this resource.</p>\n</body></html>\n"
);

/// A decoded parameter: name and value.
type Pair = (String, String);

const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 1024 * 1024;
const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// One request as the peer received it.
#[derive(Clone, PartialEq, Eq)]
pub struct Recorded {
    pub method: String,
    /// Path without the query (empty, like `method`, when the request was not readable HTTP).
    pub path: String,
    /// The raw query (after `?`), empty when none.
    pub query: String,
    pub content_type: Option<String>,
    /// Decoded parameters in received order (from the body for POST, the query for GET);
    /// empty when they could not be decoded.
    pub params: Vec<Pair>,
    /// The check that failed (`"check: detail"`), `None` when the request passed every check.
    pub failed_check: Option<String>,
}

impl Recorded {
    /// Values of parameter `name`, in order.
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.params
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The only value of parameter `name`; panics unless it was sent exactly once.
    pub fn value(&self, name: &str) -> &str {
        match self.values(name).as_slice() {
            [one] => one,
            other => panic!("parameter {name} sent {} times in {self:?}", other.len()),
        }
    }
}

// Hand-written so the api-key never reaches test output.
impl fmt::Debug for Recorded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params: Vec<(&str, &str)> = self
            .params
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str(),
                    if n == "api-key" {
                        "<redacted>"
                    } else {
                        v.as_str()
                    },
                )
            })
            .collect();
        f.debug_struct("Recorded")
            .field("method", &self.method)
            .field("path", &self.path)
            .field(
                "query",
                &if self.query.contains("api-key") {
                    "<redacted>"
                } else {
                    self.query.as_str()
                },
            )
            .field("content_type", &self.content_type)
            .field("params", &params)
            .field("failed_check", &self.failed_check)
            .finish()
    }
}

/// The running peer; dropping it stops it.
pub struct ResellerPeer {
    addr: SocketAddr,
    recorded: Arc<Mutex<Vec<Recorded>>>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl ResellerPeer {
    /// Binds a free port of 127.0.0.1 and serves on a runtime of its own.
    pub fn start() -> ResellerPeer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("reseller-peer")
            .enable_all()
            .build()
            .expect("peer runtime");
        let recorded = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&recorded);
        runtime.spawn(async move {
            let listener = TcpListener::from_std(listener).expect("tokio listener");
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => drop(tokio::spawn(serve(stream, Arc::clone(&log)))),
                    // Out of file descriptors or similar: wait instead of spinning.
                    Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                }
            }
        });
        ResellerPeer {
            addr,
            recorded,
            runtime: Some(runtime),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port>`: the base URL to give a client.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.recorded
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The failed checks so far (empty when every request was well-formed).
    pub fn check_failures(&self) -> Vec<String> {
        self.requests()
            .into_iter()
            .filter_map(|r| r.failed_check)
            .collect()
    }
}

impl Drop for ResellerPeer {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            // Allowed inside an async test, unlike dropping the runtime.
            runtime.shutdown_background();
        }
    }
}

/// An answer: status, content type, body.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: String,
}

impl Reply {
    fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            content_type: "application/json;charset=UTF-8",
            body: body.to_string(),
        }
    }
}

/// A failed check: which one and why.
struct Failed {
    check: &'static str,
    detail: String,
}

fn fail<T>(check: &'static str, detail: impl Into<String>) -> Result<T, Failed> {
    Err(Failed {
        check,
        detail: detail.into(),
    })
}

async fn serve(mut stream: TcpStream, log: Arc<Mutex<Vec<Recorded>>>) {
    let read = tokio::time::timeout(READ_TIMEOUT, read_request(&mut stream)).await;
    let read = read.unwrap_or_else(|_| fail("http", "request not complete in time"));
    let (reply, recorded) = match read {
        Ok(request) => handle(request),
        // Unreadable as HTTP: recorded with what little is known.
        Err(failed) => (
            failure_reply(&failed),
            Recorded {
                method: String::new(),
                path: String::new(),
                query: String::new(),
                content_type: None,
                params: Vec::new(),
                failed_check: Some(format!("{}: {}", failed.check, failed.detail)),
            },
        ),
    };
    log.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(recorded);
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type,
        reply.body.len()
    );
    // The client may already be gone; nothing to do about it here.
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(reply.body.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        500 => "Internal Server Error",
        _ => "Unknown",
    }
}

fn failure_reply(failed: &Failed) -> Reply {
    Reply::json(
        400,
        json!({"status": CHECK_FAILED, "check": failed.check, "detail": failed.detail}),
    )
}

/// A request as read off the socket.
struct HttpRequest {
    method: String,
    target: String,
    headers: Vec<Pair>,
    body: Vec<u8>,
}

impl HttpRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

async fn read_request(stream: &mut TcpStream) -> Result<HttpRequest, Failed> {
    let mut buf = Vec::new();
    let head_end = loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break end;
        }
        if buf.len() > MAX_HEAD {
            return fail("http", "request head larger than 64 KiB");
        }
        let mut chunk = [0u8; 8192];
        match stream.read(&mut chunk).await {
            Ok(0) => {
                return fail(
                    "http",
                    "connection closed before the end of the request head",
                );
            }
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) => return fail("http", format!("read: {e}")),
        }
    };
    let Ok(head) = std::str::from_utf8(&buf[..head_end]) else {
        return fail("http", "request head is not UTF-8");
    };
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some("HTTP/1.1" | "HTTP/1.0"), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return fail("http", format!("bad request line {request_line:?}"));
    };
    let mut headers = Vec::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            return fail("http", format!("bad header line {line:?}"));
        };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let mut request = HttpRequest {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body: Vec::new(),
    };
    if request.header("transfer-encoding").is_some() {
        return fail(
            "http",
            "Transfer-Encoding on a request; send Content-Length",
        );
    }
    let length = match request.header("content-length") {
        None => 0,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if n <= MAX_BODY => n,
            _ => {
                return fail(
                    "http",
                    format!("Content-Length {text:?} not a size up to 1 MiB"),
                );
            }
        },
    };
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let mut chunk = [0u8; 8192];
        match stream.read(&mut chunk).await {
            Ok(0) => {
                return fail(
                    "http",
                    format!("body ended after {} of {length} bytes", body.len()),
                );
            }
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) => return fail("http", format!("read body: {e}")),
        }
    }
    if body.len() != length {
        return fail(
            "http",
            format!("{} body bytes but Content-Length {length}", body.len()),
        );
    }
    request.body = body;
    Ok(request)
}

/// Checks the request and builds the answer; returns it with the record of the request.
fn handle(request: HttpRequest) -> (Reply, Recorded) {
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((&request.target, ""));
    let mut recorded = Recorded {
        method: request.method.clone(),
        path: path.to_owned(),
        query: query.to_owned(),
        content_type: request.header("content-type").map(str::to_owned),
        params: Vec::new(),
        failed_check: None,
    };
    let outcome = decode_params(&request, path, query).and_then(|(operation, params)| {
        recorded.params = params.clone();
        check_credentials(&params)?;
        check_params(operation, &params)?;
        (operation.answer)(&params)
    });
    match outcome {
        Ok(reply) => (reply, recorded),
        Err(failed) => {
            recorded.failed_check = Some(format!("{}: {}", failed.check, failed.detail));
            (failure_reply(&failed), recorded)
        }
    }
}

/// Finds the operation and decodes its parameters from where its method puts them.
fn decode_params(
    request: &HttpRequest,
    path: &str,
    query: &str,
) -> Result<(&'static Operation, Vec<Pair>), Failed> {
    let Some(operation) = OPERATIONS.iter().find(|op| op.path == path) else {
        return fail("path", format!("no operation at {path:?}"));
    };
    if request.method != operation.method {
        return fail(
            "method",
            format!(
                "{} expects {}, got {}",
                path, operation.method, request.method
            ),
        );
    }
    let params = if operation.method == "POST" {
        if !query.is_empty() {
            return fail(
                "query",
                "POST must carry its parameters in the body, not the URL",
            );
        }
        let content_type = request.header("content-type").unwrap_or_default();
        let mut pieces = content_type.split(';').map(str::trim);
        let media_type = pieces.next().unwrap_or_default();
        let params_ok = pieces.all(|p| p.eq_ignore_ascii_case("charset=utf-8"));
        if !media_type.eq_ignore_ascii_case("application/x-www-form-urlencoded") || !params_ok {
            return fail(
                "content-type",
                format!("expected application/x-www-form-urlencoded, got {content_type:?}"),
            );
        }
        let Ok(body) = std::str::from_utf8(&request.body) else {
            return fail("encoding", "form body is not ASCII");
        };
        form_decode(body)?
    } else {
        if !request.body.is_empty() {
            return fail("body", "GET must not have a body");
        }
        form_decode(query)?
    };
    Ok((operation, params))
}

/// Encodes pairs as `application/x-www-form-urlencoded` (for tests that talk to the peer
/// directly): unreserved bytes as is, space as `+`, everything else percent-encoded.
pub fn form_encode(pairs: &[(&str, &str)]) -> String {
    let encode = |text: &str| {
        text.bytes()
            .map(|b| match b {
                b' ' => "+".to_owned(),
                b if b.is_ascii_alphanumeric() || b"-._*".contains(&b) => char::from(b).to_string(),
                b => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    pairs
        .iter()
        .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes `application/x-www-form-urlencoded` strictly: every byte outside the unreserved
/// set must be percent-encoded, `+` is a space, values must be UTF-8.
fn form_decode(encoded: &str) -> Result<Vec<Pair>, Failed> {
    if encoded.is_empty() {
        return Ok(Vec::new());
    }
    encoded
        .split('&')
        .map(|pair| {
            let Some((name, value)) = pair.split_once('=') else {
                return fail("encoding", format!("pair {pair:?} has no '='"));
            };
            Ok((percent_decode(name)?, percent_decode(value)?))
        })
        .collect()
}

fn percent_decode(text: &str) -> Result<String, Failed> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) else {
                    return fail("encoding", format!("bad percent escape in {text:?}"));
                };
                out.push(byte);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b if b.is_ascii_alphanumeric() || b"-._~*".contains(&b) => {
                out.push(b);
                i += 1;
            }
            b => {
                return fail(
                    "encoding",
                    format!("unencoded byte {:?} in {text:?}", char::from(b)),
                );
            }
        }
    }
    String::from_utf8(out)
        .or_else(|_| fail("encoding", format!("{text:?} does not decode to UTF-8")))
}

fn check_credentials(params: &[Pair]) -> Result<(), Failed> {
    for (name, expected) in [("auth-userid", AUTH_USERID), ("api-key", API_KEY)] {
        let values: Vec<&str> = params
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        match values.as_slice() {
            [] => return fail("credentials", format!("{name} missing")),
            [value] if *value == expected => {}
            [_] => return fail("credentials", format!("{name} has the wrong value")),
            _ => return fail("credentials", format!("{name} sent {} times", values.len())),
        }
    }
    Ok(())
}

/// The type of a parameter on the wire.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Integer,
    Text,
    /// `true` or `false`, lower case.
    Boolean,
    /// A plain decimal: digits with an optional fraction, no exponent.
    Decimal,
    OneOf(&'static [&'static str]),
}

struct Param {
    name: &'static str,
    kind: Kind,
    required: bool,
    /// A list parameter: sent as the same key repeated.
    repeated: bool,
}

const fn param(name: &'static str, kind: Kind, required: bool) -> Param {
    Param {
        name,
        kind,
        required,
        repeated: false,
    }
}

const fn list(name: &'static str, kind: Kind) -> Param {
    Param {
        name,
        kind,
        required: false,
        repeated: true,
    }
}

struct Operation {
    method: &'static str,
    path: &'static str,
    /// Parameters besides the credentials.
    params: &'static [Param],
    answer: fn(&[Pair]) -> Result<Reply, Failed>,
}

const INVOICE_OPTIONS: &[&str] = &["NoInvoice", "PayInvoice", "KeepInvoice", "OnlyAdd"];

static OPERATIONS: &[Operation] = &[
    Operation {
        method: "POST",
        path: RENEW_PATH,
        params: &[
            param("order-id", Kind::Integer, true),
            param("months", Kind::Integer, true),
            param("no-of-accounts", Kind::Integer, false),
            param("no-of-storage5-blocks", Kind::Integer, false),
            param("auto-renew", Kind::Boolean, true),
            param("invoice-option", Kind::OneOf(INVOICE_OPTIONS), true),
            param("discount-amount", Kind::Decimal, false),
        ],
        answer: renew,
    },
    Operation {
        method: "GET",
        path: SEARCH_PATH,
        params: &[
            param("no-of-records", Kind::Integer, true),
            param("page-no", Kind::Integer, true),
            list("order-id", Kind::Integer),
            list("reseller-id", Kind::Integer),
            list("customer-id", Kind::Integer),
            param("show-child-orders", Kind::Boolean, false),
            list("status", Kind::Text),
            param("domain-name", Kind::Text, false),
            param("creation-date-start", Kind::Text, false),
            param("creation-date-end", Kind::Text, false),
            param("expiry-date-start", Kind::Text, false),
            param("expiry-date-end", Kind::Text, false),
            list("order-by", Kind::Text),
        ],
        answer: search,
    },
];

fn check_params(operation: &Operation, params: &[Pair]) -> Result<(), Failed> {
    for (name, value) in params {
        if name == "auth-userid" || name == "api-key" {
            continue;
        }
        let Some(spec) = operation.params.iter().find(|p| p.name == name) else {
            return fail(
                "unknown-param",
                format!("{name} is not a parameter of {}", operation.path),
            );
        };
        check_value(spec, value)?;
    }
    for spec in operation.params {
        let count = params.iter().filter(|(n, _)| n == spec.name).count();
        if spec.required && count == 0 {
            return fail("required-param", format!("{} missing", spec.name));
        }
        if !spec.repeated && count > 1 {
            return fail(
                "duplicate-param",
                format!("{} sent {count} times", spec.name),
            );
        }
    }
    Ok(())
}

fn check_value(spec: &Param, value: &str) -> Result<(), Failed> {
    let ok = match spec.kind {
        Kind::Text => true,
        Kind::Integer => {
            let digits = value.strip_prefix('-').unwrap_or(value);
            !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && value.parse::<i64>().is_ok()
        }
        Kind::Boolean => value == "true" || value == "false",
        Kind::Decimal => {
            let unsigned = value.strip_prefix('-').unwrap_or(value);
            let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
            let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            all_digits(whole) && all_digits(fraction)
        }
        Kind::OneOf(values) => values.contains(&value),
    };
    if ok {
        Ok(())
    } else {
        fail(
            "param-value",
            format!("{} = {value:?} is not a valid {:?}", spec.name, spec.kind),
        )
    }
}

/// The only value of `name`; present because [`check_params`] ran first.
fn single<'a>(params: &'a [Pair], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn renew(params: &[Pair]) -> Result<Reply, Failed> {
    let Some(order_id) = single(params, "order-id") else {
        return fail("required-param", "order-id missing");
    };
    let months = single(params, "months").unwrap_or_default();
    let order_number: i64 = order_id.parse().unwrap_or_default();
    let error = json!({"status": "ERROR", "message": ERROR_MESSAGE});
    match order_number {
        order::ERROR_200 => return Ok(Reply::json(200, error)),
        order::ERROR_500 => return Ok(Reply::json(500, error)),
        order::LOWERCASE_ERROR => {
            return Ok(Reply::json(
                200,
                json!({"status": "error", "error": LOWERCASE_ERROR_MESSAGE}),
            ));
        }
        order::FAILED => {
            return Ok(Reply::json(
                200,
                json!({"status": "Failed", "actionstatusdesc": FAILED_MESSAGE}),
            ));
        }
        order::FORBIDDEN => {
            return Ok(Reply {
                status: 403,
                content_type: "text/html; charset=iso-8859-1",
                body: FORBIDDEN_HTML.to_owned(),
            });
        }
        _ => {}
    }
    let description = if order_number == order::ADVERSARIAL {
        ADVERSARIAL_DESCRIPTION
    } else {
        "example.com"
    };
    let mut answer = Map::new();
    let mut put =
        |key: &str, value: &str| answer.insert(key.to_owned(), Value::String(value.to_owned()));
    put("description", description);
    put("entityid", order_id);
    put("actiontype", "Renew");
    put(
        "actiontypedesc",
        &format!("Renewal of Enterprise Email for {description} for {months} month(s)"),
    );
    put("eaqid", "456");
    put("actionstatus", "Success");
    put("actionstatusdesc", "Order renewed successfully.");
    put(
        "discount-amount",
        single(params, "discount-amount").unwrap_or("0.00"),
    );
    if single(params, "invoice-option") != Some("NoInvoice") {
        put("invoiceid", "789");
        put("sellingcurrencysymbol", "USD");
        put("sellingamount", "10.50");
        put("customerid", "42");
    }
    Ok(Reply::json(200, Value::Object(answer)))
}

/// Two orders (or the requested `order-id`s), paged by `no-of-records` / `page-no`.
fn search(params: &[Pair]) -> Result<Reply, Failed> {
    let number = |name: &str| {
        single(params, name)
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0)
    };
    let (per_page, page) = (number("no-of-records"), number("page-no"));
    if per_page == 0 || page == 0 {
        return fail(
            "param-value",
            "no-of-records and page-no must be at least 1",
        );
    }
    let requested: Vec<&str> = params
        .iter()
        .filter(|(n, _)| n == "order-id")
        .map(|(_, v)| v.as_str())
        .collect();
    let order_ids: Vec<String> = if requested.is_empty() {
        vec!["5001".to_owned(), "5002".to_owned()]
    } else {
        requested.iter().map(|id| (*id).to_owned()).collect()
    };
    let statuses: Vec<&str> = params
        .iter()
        .filter(|(n, _)| n == "status")
        .map(|(_, v)| v.as_str())
        .collect();
    let mut answer = Map::new();
    let on_page: Vec<&String> = order_ids
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .collect();
    for (i, id) in on_page.iter().enumerate() {
        let status = if statuses.is_empty() {
            "Active"
        } else {
            statuses[i % statuses.len()]
        };
        let description = single(params, "domain-name")
            .map_or_else(|| format!("mail{id}.example.com"), str::to_owned);
        answer.insert(
            (i + 1).to_string(),
            json!({
                "orders.orderid": id,
                "entity.entityid": id,
                "entity.description": description,
                "entity.currentstatus": status,
                "entity.customerid": "42",
                "entitytype.entitytypekey": "enterpriseemailus",
                "orders.creationtime": "1700000000",
                "orders.endtime": "1731536000",
            }),
        );
    }
    answer.insert(
        "recsonpage".to_owned(),
        Value::String(on_page.len().to_string()),
    );
    answer.insert(
        "recsindb".to_owned(),
        Value::String(order_ids.len().to_string()),
    );
    Ok(Reply::json(200, Value::Object(answer)))
}
