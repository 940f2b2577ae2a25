//! SOAP answers, decoded as a generated InterServer method decodes them: rpc/encoded like
//! NuSOAP, and document/literal, each plainly and with the in-band business error rule.

use super::{Canned, now, typed};
use generated_client::Error;
use generated_client::interserver::{BuyVpsResultStatus, SqlRowVps};
use generated_client::runtime::Answer as Output;
use generated_client::runtime::soap::{Client, InBandError, Operation, Style, Use, Version};
use generated_client::runtime::transport::Response;
use generated_client::runtime::{Decimal, UnixTime, Value};
use serde::de::IgnoredAny;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A NuSOAP-style rpc/encoded operation.
pub static RPC: Operation = Operation {
    name: "api_api_buy_mail",
    version: Version::V11,
    style: Style::Rpc,
    body_use: Use::Encoded,
    namespace: "urn:myapi",
    soap_action: "urn:myapi#api_api_buy_mail",
    request_element: "api_api_buy_mail",
    response_element: "api_api_buy_mailResponse",
    bare: false,
    parts: &[],
    types: &[],
    xsi_types: &[],
    all_parts: false,
    idempotent: false,
    address: "",
};

static DOCUMENT: Operation = Operation {
    name: "getOrder",
    version: Version::V12,
    style: Style::Document,
    body_use: Use::Literal,
    namespace: "urn:orders",
    soap_action: "",
    request_element: "getOrder",
    response_element: "getOrderResponse",
    bare: false,
    parts: &[],
    types: &[],
    xsi_types: &[],
    all_parts: false,
    idempotent: true,
    address: "",
};

/// A document/literal answer with a repeated element, as generated for `maxOccurs` > 1.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // decoded to be checked, never read
struct Listing {
    status: Option<String>,
    #[serde(default, with = "generated_client::runtime::soap::repeated")]
    item: Vec<Option<i64>>,
}

impl Output for Listing {}

/// Scalars read in order, as a tuple.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // decoded to be checked, never read
struct Scalars(i64, bool, f64);

impl Output for Scalars {}

/// An amount and a time, as a tuple.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // decoded to be checked, never read
struct Stamped(Decimal, UnixTime);

impl Output for Stamped {}

/// InterServer's rule, as generated.
static IN_BAND: InBandError = InBandError {
    status_field: "status",
    error_values: &["error"],
    message_fields: &["status_text"],
};

/// The `Content-Type` of a plain SOAP answer.
pub const XML: &str = "text/xml";

/// The `Content-Type` of an MTOM answer of `tests/fixtures/mtom/`: boundary `MIME_b`, the
/// envelope in the part `<root>`.
pub const MTOM: &str = "multipart/related; type=\"application/xop+xml\"; boundary=\"MIME_b\"; \
                        start=\"<root>\"; start-info=\"text/xml\"";

/// Decodes `body`, answered with `status`, through both operations into every representative
/// type, plainly and checked for in-band errors; says what broke.
pub fn check_answer(status: u16, body: &[u8]) -> Result<(), String> {
    check_answer_as(XML, status, body)
}

/// [`check_answer`] for a body sent as [`MTOM`].
pub fn check_mtom_answer(status: u16, body: &[u8]) -> Result<(), String> {
    check_answer_as(MTOM, status, body)
}

fn check_answer_as(content_type: &'static str, status: u16, body: &[u8]) -> Result<(), String> {
    // The body is kept as text in the charset it declares, so only its presence is checked.
    for operation in [&RPC, &DOCUMENT] {
        let check = |result: Result<(), Error>| {
            typed(status, operation.idempotent, result, |error| {
                error.body().is_some()
            })
        };
        for checked in [false, true] {
            let answer = Answer {
                operation,
                content_type,
                status,
                body,
                checked,
            };
            check(answer.decode::<BuyVpsResultStatus>().map(drop))?;
            check(answer.decode::<Vec<SqlRowVps>>().map(drop))?;
            check(answer.decode::<Listing>().map(drop))?;
            check(answer.decode::<Value>().map(drop))?;
            check(answer.decode::<BTreeMap<String, Value>>().map(drop))?;
            check(answer.decode::<Vec<Option<String>>>().map(drop))?;
            check(answer.decode::<Scalars>().map(drop))?;
            check(answer.decode::<Stamped>().map(drop))?;
            check(answer.decode::<String>().map(drop))?;
            check(answer.decode::<IgnoredAny>().map(drop))?;
        }
    }
    Ok(())
}

/// One way of receiving an answer.
pub struct Answer<'b> {
    pub operation: &'static Operation,
    /// [`XML`], or [`MTOM`] for a multipart body.
    pub content_type: &'static str,
    pub status: u16,
    pub body: &'b [u8],
    /// Through the in-band error rule (`send_checked`), else plainly (`send`).
    pub checked: bool,
}

impl Answer<'_> {
    /// What the call returns.
    #[allow(clippy::result_large_err)] // the runtime's own error type, as every call returns it
    pub fn decode<T: Output + Send + Sync + 'static>(&self) -> Result<T, Error> {
        let response = Response {
            status: self.status,
            headers: vec![("content-type".to_owned(), self.content_type.to_owned())],
            body: self.body.to_vec(),
        };
        let client = Client::new(
            "https://my.interserver.net/api.php",
            Arc::new(Canned(response)),
        );
        let call = client.call(self.operation);
        if self.checked {
            now(call.send_checked(&IN_BAND))
        } else {
            now(call.send())
        }
    }
}
