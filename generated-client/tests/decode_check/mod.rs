//! One answer body, decoded the way generated code decodes it, into a few representative
//! output types; and what must hold whatever the body: no panic, and either a value or one of
//! the typed errors an answer can cause, keeping the raw body.
//!
//! Shared by the randomised test (`tests/decode_mutations.rs`) and the `json_decode` fuzz
//! target (`fuzz/`), which include this file by path.

// Each includer uses only part of it.
#![allow(dead_code)]

use generated_client::Error;
use generated_client::runtime::http::{self, Encoding, Method, Operation};
use generated_client::runtime::transport::{
    BoxFuture, Request, Response, Transport, TransportError,
};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

/// HTTP statuses an answer is tried with: success, the vendors' error statuses, 403.
pub const STATUSES: [u16; 5] = [200, 201, 403, 404, 500];

static DETAILS: Operation = Operation {
    name: "enterpriseemail/details",
    method: Method::Get,
    path: "/api/enterpriseemail/us/details.json",
    encoding: Encoding::Query,
    idempotent: true,
};

/// A ResellerClub order answer, as generated code would declare it.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // decoded to be checked, never read
struct Order {
    #[serde(rename = "entityid")]
    entity_id: i64,
    description: Option<String>,
    #[serde(rename = "sellingamount")]
    selling_amount: Option<f64>,
    #[serde(rename = "autorenew")]
    auto_renew: Option<bool>,
    #[serde(rename = "eaqid")]
    action_id: Option<u32>,
    #[serde(rename = "currentstatus")]
    status: Option<Status>,
    #[serde(default)]
    domains: Vec<String>,
}

#[derive(Debug, Deserialize)]
enum Status {
    Active,
    Suspended,
    Deleted,
}

/// Answers with one fixed response, at once.
struct Canned(Response);

impl Transport for Canned {
    fn send(&self, _request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        let response = self.0.clone();
        Box::pin(async move { Ok(response) })
    }
}

/// Decodes `body`, answered with `status`, into every representative type; says what broke.
pub fn check_answer(status: u16, body: &[u8]) -> Result<(), String> {
    let expected_body = String::from_utf8_lossy(body);
    let check = |result: Result<(), Error>| match result {
        Ok(()) => Ok(()),
        Err(
            error @ (Error::Decode { .. }
            | Error::Business(_)
            | Error::Http { .. }
            | Error::AccessDenied { .. }),
        ) if error.body() == Some(&expected_body) => Ok(()),
        Err(error) => Err(format!("status {status}: unexpected error {error:?}")),
    };
    check(answer::<Order>(status, body).map(drop))?;
    check(answer::<Vec<Order>>(status, body).map(drop))?;
    check(answer::<BTreeMap<String, Order>>(status, body).map(drop))?;
    check(answer::<BTreeMap<u32, String>>(status, body).map(drop))?;
    check(answer::<Vec<String>>(status, body).map(drop))?;
    check(answer::<Option<i64>>(status, body).map(drop))?;
    check(answer::<String>(status, body).map(drop))?;
    check(answer::<bool>(status, body).map(drop))?;
    check(answer::<Status>(status, body).map(drop))?;
    check(answer::<serde::de::IgnoredAny>(status, body).map(drop))?;
    Ok(())
}

/// What an HTTP call returns when the server answers `body` with `status`.
#[allow(clippy::result_large_err)] // the runtime's own error type, as every call returns it
pub fn answer<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, Error> {
    let response = Response {
        status,
        headers: vec![("content-type".to_owned(), "application/json".to_owned())],
        body: body.to_vec(),
    };
    let client = http::Client::new(
        "https://api.example.com",
        Vec::new(),
        Arc::new(Canned(response)),
    );
    now(client.call(&DETAILS, None).send::<T>())
}

/// Runs a future that never waits: the canned transport answers at once.
fn now<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}
