//! Proof that credentials never leak: through failing calls of every kind, neither Debug
//! nor Display of the client, the calls and the errors (with their sources), nor the tracing
//! output contain the api-key or a password parameter.

mod support;

use generated_client::runtime::http::{self, CredentialValue, Encoding, Method, Operation};
use generated_client::runtime::transport::{Request, ReqwestTransport, Timeouts};
use generated_client::{Error, Secret};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::scripted::{Behaviour, Server, refused_url};

const API_KEY: &str = "K3Y-7f9c2a-DO-NOT-LEAK";
const PASSWORD: &str = "PW-31d8e0-DO-NOT-LEAK";
const SHORT: Duration = Duration::from_millis(300);
const LONG: Duration = Duration::from_secs(30);

static SIGNUP: Operation = Operation {
    name: "customers/signup",
    method: Method::Post,
    path: "/api/customers/signup.json",
    encoding: Encoding::Form,
    idempotent: false,
};

static DETAILS: Operation = Operation {
    name: "customers/details",
    method: Method::Get,
    path: "/api/customers/details.json",
    encoding: Encoding::Query,
    idempotent: true,
};

/// Collects everything the test subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `total` is short only for the server that never answers.
fn client(base_url: &str, total: Duration) -> http::Client {
    let timeouts = Timeouts {
        total,
        ..Timeouts::default()
    };
    let credentials = vec![
        ("auth-userid", CredentialValue::Plain("4242".to_owned())),
        ("api-key", CredentialValue::Secret(Secret::new(API_KEY))),
    ];
    http::Client::new(
        base_url,
        credentials,
        Arc::new(ReqwestTransport::new(timeouts).unwrap()),
    )
}

/// Every way the error can be printed, its causes included.
fn every_rendering(error: &Error) -> String {
    let mut shown = format!("{error}\n{error:?}\n");
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        shown.push_str(&format!("{inner}\n{inner:?}\n"));
        cause = inner.source();
    }
    shown
}

async fn signup(client: &http::Client) -> Error {
    let mut call = client.call(&SIGNUP, None);
    call.param("username", "someone@example.com");
    call.param("passwd", &Secret::new(PASSWORD));
    let shown = format!("{call:?}");
    assert!(!shown.contains(PASSWORD), "{shown}");
    call.send::<i64>().await.unwrap_err()
}

async fn details(client: &http::Client) -> Error {
    let mut call = client.call(&DETAILS, None);
    call.param("customer-id", &1_i64);
    call.send::<i64>().await.unwrap_err()
}

// A current-thread runtime, so the thread-local subscriber sees every task.
#[tokio::test(flavor = "current_thread")]
async fn no_credential_appears_in_debug_display_errors_or_traces() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let refused = client(&refused_url().await, LONG);
    let forbidden = Server::start(Behaviour::Answer(403, "Access Denied")).await;
    let failing = Server::start(Behaviour::Answer(500, "Internal Server Error")).await;
    let garbled = Server::start(Behaviour::Answer(200, "<html>not json</html>")).await;
    let wrong_type = Server::start(Behaviour::Answer(200, r#"{"x":1}"#)).await;
    let stalled = Server::start(Behaviour::Stall).await;
    let dropped = Server::start(Behaviour::CloseMidBody).await;
    let rejecting = Server::start(Behaviour::Answer(
        200,
        r#"{"status":"ERROR","message":"Duplicate"}"#,
    ))
    .await;

    let mut errors = Vec::new();
    let mut clients = vec![refused.clone()];
    for server in [
        &forbidden,
        &failing,
        &garbled,
        &wrong_type,
        &stalled,
        &dropped,
        &rejecting,
    ] {
        let patience = if std::ptr::eq(server, &stalled) {
            SHORT
        } else {
            LONG
        };
        let client = client(&server.url, patience);
        errors.push(signup(&client).await);
        errors.push(details(&client).await);
        clients.push(client);
    }
    errors.push(signup(&refused).await);
    errors.push(details(&refused).await);
    errors.push(details(&client("ftp://nowhere.example", LONG)).await);

    let expected_kinds = errors.iter().map(kind).collect::<Vec<_>>().join(" ");
    assert_eq!(
        expected_kinds,
        "AccessDenied AccessDenied OutcomeUnknown Http OutcomeUnknown Decode OutcomeUnknown \
         Decode OutcomeUnknown Transport OutcomeUnknown Transport Business Business Connect \
         Connect InvalidRequest"
    );
    // The servers really received the secrets: the test would prove nothing otherwise.
    let received = forbidden.requests().join("\n");
    assert!(received.contains(API_KEY) && received.contains(PASSWORD));

    let request = Request {
        method: generated_client::runtime::transport::Method::Get,
        url: format!("https://x.example/a.json?api-key={API_KEY}"),
        headers: Vec::new(),
        body: format!("passwd={PASSWORD}").into_bytes(),
        idempotent: false,
    };
    let mut shown = format!("{request:?}\n");
    for client in &clients {
        shown.push_str(&format!("{client:?}\n"));
    }
    for error in &errors {
        shown.push_str(&every_rendering(error));
    }
    let traces = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    // The capture works: it holds the spans of the calls, with their operation names.
    assert!(
        traces.contains("http_call") && traces.contains("customers/signup"),
        "{traces}"
    );
    assert!(traces.contains("call failed"), "{traces}");
    for secret in [API_KEY, PASSWORD] {
        assert!(!shown.contains(secret), "{secret} leaked into:\n{shown}");
        assert!(
            !traces.contains(secret),
            "{secret} leaked into the traces:\n{traces}"
        );
    }
}

fn kind(error: &Error) -> &'static str {
    match error {
        Error::AccessDenied { .. } => "AccessDenied",
        Error::Http { .. } => "Http",
        Error::Decode { .. } => "Decode",
        Error::OutcomeUnknown { .. } => "OutcomeUnknown",
        Error::Transport { .. } => "Transport",
        Error::Business(_) => "Business",
        Error::Connect { .. } => "Connect",
        Error::InvalidRequest { .. } => "InvalidRequest",
        _ => "other",
    }
}
