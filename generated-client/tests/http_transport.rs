//! The HTTP wire code over the real reqwest transport, against a local server: what reaches
//! the server, and how every kind of failure is classified. Nothing is ever sent twice.

mod support;

use generated_client::runtime::http::{self, CredentialValue, Encoding, Method, Operation};
use generated_client::runtime::transport::{ReqwestTransport, Timeouts};
use generated_client::{Error, Secret};
use serde::Deserialize;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::scripted::{Behaviour, Server, refused_url};

static RENEW: Operation = Operation {
    name: "enterpriseemail/renew",
    method: Method::Post,
    path: "/api/enterpriseemail/{region}/renew.json",
    encoding: Encoding::Form,
    idempotent: false,
};

static DETAILS: Operation = Operation {
    name: "enterpriseemail/details",
    method: Method::Get,
    path: "/api/enterpriseemail/us/details.json",
    encoding: Encoding::Query,
    idempotent: true,
};

#[derive(Debug, Deserialize, PartialEq)]
struct Renewed {
    #[serde(rename = "entityid")]
    entity_id: i64,
}

impl generated_client::runtime::Answer for Renewed {}

/// For servers that answer: generous, so a busy machine cannot turn an answer into a timeout.
const PATIENT: Timeouts = Timeouts {
    connect: Duration::from_secs(10),
    read: Duration::from_secs(30),
    total: Duration::from_secs(30),
};

/// For servers that never answer.
const IMPATIENT: Timeouts = Timeouts {
    connect: Duration::from_millis(300),
    read: Duration::from_millis(300),
    total: Duration::from_millis(300),
};

/// For servers that stop sending: only the wait for the next bytes is short.
const IDLE: Timeouts = Timeouts {
    connect: Duration::from_secs(10),
    read: Duration::from_millis(300),
    total: Duration::from_secs(10),
};

fn client_with(base_url: &str, transport: ReqwestTransport) -> http::Client {
    let credentials = vec![
        ("auth-userid", CredentialValue::Plain("4242".to_owned())),
        ("api-key", CredentialValue::Secret(Secret::new("k3y"))),
    ];
    http::Client::new(base_url, credentials, Arc::new(transport))
}

fn client(base_url: &str) -> http::Client {
    client_with(base_url, ReqwestTransport::new(PATIENT).unwrap())
}

fn impatient_client(base_url: &str) -> http::Client {
    client_with(base_url, ReqwestTransport::new(IMPATIENT).unwrap())
}

fn idle_client(base_url: &str) -> http::Client {
    client_with(base_url, ReqwestTransport::new(IDLE).unwrap())
}

/// Whether reqwest, the error's cause, says it timed out.
fn is_timeout(error: &Error) -> bool {
    std::error::Error::source(error)
        .and_then(|cause| cause.downcast_ref::<reqwest::Error>())
        .is_some_and(reqwest::Error::is_timeout)
}

async fn renew(client: &http::Client) -> Result<Renewed, Error> {
    let mut call = client.call(&RENEW, Some("us"));
    call.param("order-id", &12_i64);
    call.param("note", "a&b c+d");
    call.send().await
}

async fn details(client: &http::Client) -> Result<Renewed, Error> {
    let mut call = client.call(&DETAILS, None);
    call.param("order-id", &12_i64);
    call.send().await
}

#[tokio::test]
async fn a_form_post_reaches_the_server_as_encoded_and_its_answer_decodes() {
    let server = Server::start(Behaviour::Answer(200, r#"{"entityid":"77"}"#)).await;
    assert_eq!(
        renew(&client(&server.url)).await.unwrap(),
        Renewed { entity_id: 77 }
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert!(
        request.starts_with("POST /api/enterpriseemail/us/renew.json HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(
        request
            .to_ascii_lowercase()
            .contains("content-type: application/x-www-form-urlencoded")
    );
    assert!(
        request.ends_with("\r\n\r\nauth-userid=4242&api-key=k3y&order-id=12&note=a%26b%20c%2Bd")
    );
}

#[tokio::test]
async fn a_query_get_carries_everything_in_the_url() {
    let server = Server::start(Behaviour::Answer(200, r#"{"entityid":5}"#)).await;
    assert_eq!(
        details(&client(&format!("{}/", server.url))).await.unwrap(),
        Renewed { entity_id: 5 }
    );
    let requests = server.requests();
    assert!(
        requests[0].starts_with(
            "GET /api/enterpriseemail/us/details.json?auth-userid=4242&api-key=k3y&order-id=12 HTTP/1.1\r\n"
        ),
        "{}",
        requests[0]
    );
}

#[tokio::test]
async fn error_bodies_and_statuses_come_through_the_real_transport() {
    let server = Server::start(Behaviour::Answer(
        500,
        r#"{"status":"ERROR","message":"No"}"#,
    ))
    .await;
    let error = renew(&client(&server.url)).await.unwrap_err();
    assert_eq!((error.code(), error.message()), (Some("ERROR"), Some("No")));
    let server = Server::start(Behaviour::Answer(403, "denied")).await;
    let error = details(&client(&server.url)).await.unwrap_err();
    assert!(
        matches!(error, Error::AccessDenied { status: 403, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn refused_connections_are_connect_errors_even_for_orders() {
    let error = renew(&client(&refused_url().await)).await.unwrap_err();
    assert!(matches!(error, Error::Connect { .. }), "{error:?}");
    assert!(!error.is_outcome_unknown());
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn a_stalled_order_is_outcome_unknown_and_sent_once() {
    let server = Server::start(Behaviour::Stall).await;
    let error = renew(&impatient_client(&server.url)).await.unwrap_err();
    assert!(error.is_outcome_unknown(), "{error:?}");
    let Error::OutcomeUnknown { operation, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*operation, "enterpriseemail/renew");
    let shown = error.to_string();
    assert!(
        shown.starts_with("enterpriseemail/renew: the order may have been placed")
            && shown.contains("not retried"),
        "{shown}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_stalled_idempotent_call_is_a_transport_error_and_sent_once() {
    let server = Server::start(Behaviour::Stall).await;
    let error = details(&impatient_client(&server.url)).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_stalled_answer_trips_the_read_timeout_before_the_total_one() {
    for behaviour in [Behaviour::Stall, Behaviour::StallMidBody] {
        let server = Server::start(behaviour).await;
        let started = Instant::now();
        let error = details(&idle_client(&server.url)).await.unwrap_err();
        assert!(
            matches!(error, Error::Transport { .. }),
            "{behaviour:?}: {error:?}"
        );
        assert!(is_timeout(&error), "{behaviour:?}: {error:?}");
        // The total timeout would have ended the call at 10 s; only the read one fits before.
        assert!(started.elapsed() < IDLE.total, "{behaviour:?}");
        let server = Server::start(behaviour).await;
        let error = renew(&idle_client(&server.url)).await.unwrap_err();
        assert!(error.is_outcome_unknown(), "{behaviour:?}: {error:?}");
        assert_eq!(server.requests().len(), 1, "{behaviour:?}");
    }
}

#[tokio::test]
async fn redirects_are_not_followed_even_when_the_callers_builder_allows_them() {
    let following = reqwest::Client::builder().redirect(reqwest::redirect::Policy::limited(10));
    let transport = ReqwestTransport::from_builder(following, PATIENT).unwrap();
    let server = Server::start(Behaviour::Redirect("/elsewhere")).await;
    let error = renew(&client_with(&server.url, transport))
        .await
        .unwrap_err();
    // A redirect is no answer to an order: its outcome is unknown.
    let Error::OutcomeUnknown { cause, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(
        matches!(**cause, Error::Http { status: 302, .. }),
        "{error:?}"
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert!(requests[0].starts_with("POST /api/enterpriseemail/us/renew.json "));
}

#[tokio::test]
async fn dropped_connections_after_sending_make_an_order_outcome_unknown() {
    for behaviour in [Behaviour::CloseMidBody, Behaviour::CloseWithoutAnswer] {
        let server = Server::start(behaviour).await;
        let error = renew(&client(&server.url)).await.unwrap_err();
        assert!(error.is_outcome_unknown(), "{behaviour:?}: {error:?}");
        assert_eq!(server.requests().len(), 1, "{behaviour:?}");
        let server = Server::start(behaviour).await;
        let error = details(&client(&server.url)).await.unwrap_err();
        assert!(
            matches!(error, Error::Transport { .. }),
            "{behaviour:?}: {error:?}"
        );
        assert_eq!(server.requests().len(), 1, "{behaviour:?}");
    }
}

#[tokio::test]
async fn answers_over_the_size_cap_are_refused() {
    let capped = || {
        ReqwestTransport::new(PATIENT)
            .unwrap()
            .with_max_response_bytes(64 * 1024)
    };
    assert_eq!(capped().max_response_bytes(), 64 * 1024);
    for behaviour in [
        Behaviour::Announce(64 * 1024 + 1),
        Behaviour::Stream(1024 * 1024),
    ] {
        let server = Server::start(behaviour).await;
        let error = details(&client_with(&server.url, capped()))
            .await
            .unwrap_err();
        assert!(
            matches!(error, Error::ResponseTooLarge { limit: 65_536 }),
            "{behaviour:?}: {error:?}"
        );
        let server = Server::start(behaviour).await;
        let error = renew(&client_with(&server.url, capped()))
            .await
            .unwrap_err();
        assert!(error.is_outcome_unknown(), "{behaviour:?}: {error:?}");
    }
    // Exactly at the cap is fine (and is not JSON, which shows it was read).
    let server = Server::start(Behaviour::Announce(64 * 1024)).await;
    let error = details(&client_with(&server.url, capped()))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
}

#[test]
fn the_default_cap_is_64_mib_for_every_client() {
    let default = ReqwestTransport::new(Timeouts::default()).unwrap();
    let custom = ReqwestTransport::from_builder(reqwest::Client::builder(), PATIENT).unwrap();
    for transport in [default, custom] {
        assert_eq!(transport.max_response_bytes(), 64 * 1024 * 1024);
    }
}
