//! JSON answers, decoded as a generated ResellerClub method decodes them.

use super::{Canned, now, typed};
use generated_client::Error;
use generated_client::runtime::Answer;
use generated_client::runtime::http::{self, Encoding, Method, Operation};
use generated_client::runtime::transport::Response;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A read-only ResellerClub call.
pub static DETAILS: Operation = Operation {
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

impl Answer for Order {}

#[derive(Debug, Deserialize)]
enum Status {
    Active,
    Suspended,
    Deleted,
}

impl Answer for Status {}

/// Decodes `body`, answered with `status`, into every representative type; says what broke.
pub fn check_answer(status: u16, body: &[u8]) -> Result<(), String> {
    let expected_body = String::from_utf8_lossy(body);
    // A JSON answer is never a SOAP fault, and keeps its body as it came.
    let keeps =
        |error: &Error| !matches!(error, Error::Fault(_)) && error.body() == Some(&expected_body);
    let check = |result: Result<(), Error>| typed(status, DETAILS.idempotent, result, keeps);
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
pub fn answer<T: Answer>(status: u16, body: &[u8]) -> Result<T, Error> {
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
