//! The generated ResellerClub client over the real wire, against the checking HTTP peer
//! (`tests/support/reseller.rs`): renewals decoded into typed fields, every error shape the
//! vendor uses, access denied, what exactly reaches the server, text that a form or URL
//! encoding could damage, and an order against a server that never answers. No error or
//! `Debug` output ever shows the api-key.

mod support;

use generated_client::Error;
use generated_client::resellerclub::enterpriseemail::{RenewRequest, RenewResponse};
use generated_client::resellerclub::{Client, InvoiceOption, Region};
use generated_client::runtime::http::{self, CredentialValue, Encoding, Method, Operation};
use generated_client::runtime::{Decimal, Lenient, ReqwestTransport, Secret, Timeouts};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;
use support::example;
use support::reseller::{
    self, ADVERSARIAL_DESCRIPTION, API_KEY, AUTH_USERID, RENEW_PATH, Recorded, ResellerPeer,
    SEARCH_PATH, order,
};
use support::scripted::{Behaviour, Server};

/// The reseller id as the generated client takes it.
fn auth_userid() -> i64 {
    AUTH_USERID
        .parse()
        .expect("the peer's reseller id is a number")
}

/// Panics when `text` shows the api-key.
fn assert_no_api_key(what: &str, text: &str) {
    // Not `assert!(.., "{text}")`: a failure would print the key.
    assert!(!text.contains(API_KEY), "{what} shows the api-key");
}

/// A generated client for `base_url` with the default transport.
fn client(base_url: &str) -> Client {
    let client = Client::new(base_url, auth_userid(), API_KEY).expect("default transport");
    assert_no_api_key("client", &format!("{client:?}"));
    assert_no_api_key("group", &format!("{:?}", client.enterpriseemail()));
    client
}

/// Renews through a fresh generated client for the peer.
async fn renew(peer: &ResellerPeer, request: &RenewRequest) -> Result<RenewResponse, Error> {
    client(&peer.base_url())
        .enterpriseemail()
        .renew(Region::Us, request)
        .await
}

/// The error of `result`, after checking that neither its `Debug` nor its `Display` shows the
/// api-key.
fn error_of<T: Debug>(what: &str, result: Result<T, Error>) -> Error {
    let error = result.expect_err(what);
    assert_no_api_key(what, &format!("{error:?}"));
    assert_no_api_key(what, &error.to_string());
    error
}

/// The one request the peer received, after checking it passed every check.
fn only_request(peer: &ResellerPeer) -> Recorded {
    assert_eq!(peer.check_failures(), Vec::<String>::new());
    let mut requests = peer.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    requests.remove(0)
}

/// The parameter names of `request`, in the order received.
fn names(request: &Recorded) -> Vec<&str> {
    request
        .params
        .iter()
        .map(|(name, _)| name.as_str())
        .collect()
}

/// Panics unless the credentials came first, each once, with the right values.
fn assert_credentials(request: &Recorded) {
    assert_eq!(names(request)[..2], ["auth-userid", "api-key"]);
    assert_eq!(request.value("auth-userid"), AUTH_USERID);
    assert!(request.value("api-key") == API_KEY, "api-key not as given");
}

/// An amount as the peer writes it.
fn decimal(text: &str) -> Decimal {
    text.parse().expect("an amount")
}

/// The success answer the peer gives for `order_id`; the invoice keys only when `invoiced`
/// (any invoice option but `NoInvoice`).
fn renewed(order_id: i64, months: i64, invoiced: bool, discount: &str) -> RenewResponse {
    let invoice = |value: Lenient<_>| if invoiced { value } else { Lenient::Absent };
    RenewResponse {
        description: "example.com".to_owned().into(),
        entityid: order_id.into(),
        actiontype: "Renew".to_owned().into(),
        actiontypedesc: format!(
            "Renewal of Enterprise Email for example.com for {months} month(s)"
        )
        .into(),
        eaqid: 456.into(),
        actionstatus: "Success".to_owned().into(),
        actionstatusdesc: "Order renewed successfully.".to_owned().into(),
        invoiceid: invoice(789.into()),
        sellingcurrencysymbol: if invoiced {
            "USD".to_owned().into()
        } else {
            Lenient::Absent
        },
        sellingamount: if invoiced {
            decimal("10.50").into()
        } else {
            Lenient::Absent
        },
        customerid: invoice(42.into()),
        discount_amount: decimal(discount).into(),
    }
}

#[tokio::test]
async fn pay_and_keep_invoice_renewals_decode_every_key() {
    for option in [InvoiceOption::PayInvoice, InvoiceOption::KeepInvoice] {
        let peer = ResellerPeer::start();
        let request = RenewRequest::builder()
            .order_id(4711)
            .months(12)
            .auto_renew(true)
            .invoice_option(option)
            .build();
        let renewal = renew(&peer, &request)
            .await
            .unwrap_or_else(|e| panic!("{option}: {e:?}"));
        // Every value came as a JSON string: `"4711"`, `"10.50"`, `"0.00"`.
        assert_eq!(renewal, renewed(4711, 12, true, "0.00"), "{option}");

        let sent = only_request(&peer);
        assert_eq!(sent.method, "POST");
        assert_eq!(sent.path, RENEW_PATH);
        assert_eq!(sent.query, "", "parameters go in the body");
        assert_eq!(
            sent.content_type.as_deref(),
            Some("application/x-www-form-urlencoded")
        );
        assert_credentials(&sent);
        assert_eq!(
            names(&sent)[2..],
            ["order-id", "months", "auto-renew", "invoice-option"]
        );
        assert_eq!(sent.value("order-id"), "4711");
        assert_eq!(sent.value("months"), "12");
        assert_eq!(sent.value("auto-renew"), "true");
        assert_eq!(sent.value("invoice-option"), option.as_str());
    }
}

#[tokio::test]
async fn no_invoice_renewal_leaves_the_conditional_keys_out() {
    let peer = ResellerPeer::start();
    let request = RenewRequest::builder()
        .order_id(4712)
        .months(3)
        .auto_renew(false)
        .invoice_option(InvoiceOption::NoInvoice)
        .no_of_accounts(5)
        .no_of_storage5_blocks(2)
        .discount_amount(decimal("2.5"))
        .build();
    let renewal = renew(&peer, &request).await.expect("renew");
    assert_eq!(renewal, renewed(4712, 3, false, "2.5"));
    assert!(renewal.invoiceid.is_absent());
    assert!(renewal.sellingcurrencysymbol.is_absent());
    assert!(renewal.sellingamount.is_absent());
    assert!(renewal.customerid.is_absent());

    let sent = only_request(&peer);
    assert_credentials(&sent);
    assert_eq!(
        names(&sent)[2..],
        [
            "order-id",
            "months",
            "no-of-accounts",
            "no-of-storage5-blocks",
            "auto-renew",
            "invoice-option",
            "discount-amount"
        ]
    );
    assert_eq!(sent.value("auto-renew"), "false");
    assert_eq!(sent.value("invoice-option"), "NoInvoice");
    assert_eq!(sent.value("no-of-accounts"), "5");
    assert_eq!(sent.value("no-of-storage5-blocks"), "2");
    assert_eq!(sent.value("discount-amount"), "2.5");
}

#[tokio::test]
async fn every_error_shape_is_a_business_error_with_the_message() {
    let shapes = [
        (order::ERROR_200, "ERROR", reseller::ERROR_MESSAGE),
        (order::ERROR_500, "ERROR", reseller::ERROR_MESSAGE),
        (
            order::LOWERCASE_ERROR,
            "error",
            reseller::LOWERCASE_ERROR_MESSAGE,
        ),
        (order::FAILED, "Failed", reseller::FAILED_MESSAGE),
    ];
    let peer = ResellerPeer::start();
    for (order_id, status, message) in shapes {
        let request = RenewRequest::builder()
            .order_id(order_id)
            .months(1)
            .auto_renew(false)
            .invoice_option(InvoiceOption::PayInvoice)
            .build();
        let error = error_of("error shape", renew(&peer, &request).await);
        let Error::Business(business) = &error else {
            panic!("order {order_id}: expected a business error, got {error:?}");
        };
        assert_eq!(business.status, status, "order {order_id}");
        assert_eq!(business.message, message, "order {order_id}");
        assert!(business.body.contains(message), "{}", business.body);
        assert!(business.decoded.is_none());
        assert_eq!(
            error.to_string(),
            format!("the API reported an error (status {status}): {message}")
        );
        assert!(!error.is_outcome_unknown(), "an answer arrived");
    }
    assert_eq!(peer.check_failures(), Vec::<String>::new());
    assert_eq!(peer.requests().len(), shapes.len(), "each sent once");
}

#[tokio::test]
async fn forbidden_is_access_denied() {
    let peer = ResellerPeer::start();
    let request = RenewRequest::builder()
        .order_id(order::FORBIDDEN)
        .months(1)
        .auto_renew(false)
        .invoice_option(InvoiceOption::NoInvoice)
        .build();
    let error = error_of("forbidden", renew(&peer, &request).await);
    let Error::AccessDenied { status, body } = &error else {
        panic!("expected access denied, got {error:?}");
    };
    assert_eq!(*status, 403);
    assert_eq!(body, reseller::FORBIDDEN_HTML);
    let shown = error.to_string();
    assert!(
        shown.starts_with("access denied (HTTP 403)") && shown.contains("not whitelisted"),
        "{shown}"
    );
    only_request(&peer);
}

#[tokio::test]
async fn adversarial_text_in_an_answer_arrives_byte_exact() {
    let peer = ResellerPeer::start();
    let request = RenewRequest::builder()
        .order_id(order::ADVERSARIAL)
        .months(1)
        .auto_renew(false)
        .invoice_option(InvoiceOption::KeepInvoice)
        .build();
    let renewal = renew(&peer, &request).await.expect("renew");
    assert_eq!(
        renewal.description.value().map(String::as_str),
        Some(ADVERSARIAL_DESCRIPTION)
    );
    assert_eq!(
        renewal.actiontypedesc,
        format!("Renewal of Enterprise Email for {ADVERSARIAL_DESCRIPTION} for 1 month(s)").into()
    );
    only_request(&peer);
}

/// The peer's search: the generated renew takes no text, so text parameters are sent through
/// the runtime's HTTP client the way generated code would.
static SEARCH: Operation = Operation {
    name: "enterpriseemail/search",
    method: Method::Get,
    path: "/api/enterpriseemail/{region}/search.json",
    encoding: Encoding::Query,
    idempotent: true,
};

/// One page of search results; the numbered keys are the orders.
#[derive(Debug, Deserialize)]
struct SearchPage {
    recsonpage: i64,
    recsindb: i64,
    #[serde(rename = "$rest", default)]
    orders: BTreeMap<String, SearchedOrder>,
}

impl generated_client::runtime::Answer for SearchPage {}

/// The keys of a found order the test looks at.
#[derive(Debug, Deserialize, PartialEq)]
struct SearchedOrder {
    #[serde(rename = "orders.orderid")]
    order_id: i64,
    #[serde(rename = "entity.description")]
    description: String,
    #[serde(rename = "entity.currentstatus")]
    status: String,
}

#[tokio::test]
async fn query_parameters_arrive_byte_exact_and_lists_as_repeated_keys() {
    let peer = ResellerPeer::start();
    let credentials = vec![
        (
            "auth-userid",
            CredentialValue::Plain(AUTH_USERID.to_owned()),
        ),
        ("api-key", CredentialValue::Secret(Secret::new(API_KEY))),
    ];
    let transport = ReqwestTransport::new(Timeouts::default()).expect("transport");
    let client = http::Client::new(peer.base_url(), credentials, Arc::new(transport));
    assert_no_api_key("http client", &format!("{client:?}"));
    let domain_names = [
        "a&b",
        "a=b",
        "a+b",
        "a b",
        "100%",
        "%41%zz",
        "<&>'\"",
        "é€ \u{1F600}",
        "?#/;,:@!$*()[]~",
        "  &=+%<>'\" é€ ",
    ];
    for name in domain_names {
        let mut call = client.call(&SEARCH, Some(Region::Us.segment()));
        call.param("no-of-records", &10_i64);
        call.param("page-no", &1_i64);
        call.param_list("order-id", &[5003_i64, 5001]);
        call.param_list("status", &["Active", "In Active"]);
        call.param("domain-name", name);
        let page: SearchPage = call
            .send()
            .await
            .unwrap_or_else(|e| panic!("{name:?}: {e:?}"));
        assert_eq!((page.recsonpage, page.recsindb), (2, 2));
        let order = |order_id, status: &str| SearchedOrder {
            order_id,
            description: name.to_owned(),
            status: status.to_owned(),
        };
        assert_eq!(
            page.orders,
            BTreeMap::from([
                ("1".to_owned(), order(5003, "Active")),
                ("2".to_owned(), order(5001, "In Active")),
            ]),
            "{name:?}"
        );
    }

    assert_eq!(peer.check_failures(), Vec::<String>::new());
    let requests = peer.requests();
    assert_eq!(requests.len(), domain_names.len());
    for (sent, name) in requests.iter().zip(domain_names) {
        assert_eq!(sent.method, "GET");
        assert_eq!(sent.path, SEARCH_PATH);
        assert_eq!(sent.content_type, None, "a GET has no body");
        assert_credentials(sent);
        assert_eq!(
            names(sent)[2..],
            [
                "no-of-records",
                "page-no",
                "order-id",
                "order-id",
                "status",
                "status",
                "domain-name"
            ]
        );
        assert_eq!(sent.values("order-id"), ["5003", "5001"]);
        assert_eq!(sent.values("status"), ["Active", "In Active"]);
        assert_eq!(sent.value("domain-name"), name);
    }
}

#[tokio::test]
async fn renew_without_an_answer_is_outcome_unknown_and_sent_once() {
    let server = Server::start(Behaviour::Stall).await;
    let timeouts = Timeouts {
        total: Duration::from_secs(1),
        ..Timeouts::default()
    };
    let client = Client::builder(&server.url, auth_userid(), API_KEY)
        .timeouts(timeouts)
        .build()
        .expect("client");
    assert_no_api_key("client", &format!("{client:?}"));
    let request = RenewRequest::builder()
        .order_id(4713)
        .months(12)
        .auto_renew(false)
        .invoice_option(InvoiceOption::PayInvoice)
        .build();
    let error = error_of(
        "stalled renew",
        client.enterpriseemail().renew(Region::Us, &request).await,
    );
    assert!(error.is_outcome_unknown(), "{error:?}");
    let Error::OutcomeUnknown { operation, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(*operation, "enterpriseemail/renew");
    let shown = error.to_string();
    assert!(
        shown.starts_with("enterpriseemail/renew: the order may have been placed")
            && shown.contains("not retried"),
        "{shown}"
    );
    let requests = server.requests_after_the_first().await;
    assert_eq!(requests.len(), 1, "sent once, never retried");
    assert!(
        requests[0].starts_with("POST /api/enterpriseemail/us/renew.json ")
            && requests[0].contains("order-id=4713"),
        "the one request is the renew POST (not shown: it carries the api-key)"
    );
}

#[test]
fn the_renew_example_prints_the_renewal_or_the_error() {
    let peer = ResellerPeer::start();
    let base_url = peer.base_url();
    let renew = |order_id: &str, months: &str| {
        let args = [base_url.as_str(), AUTH_USERID, API_KEY, order_id, months];
        let output = example::run("renew", &args);
        let (stdout, stderr) = (example::text(&output.stdout), example::text(&output.stderr));
        assert_no_api_key("renew's stdout", &stdout);
        assert_no_api_key("renew's stderr", &stderr);
        (output.status, stdout, stderr)
    };

    let (status, stdout, stderr) = renew("4715", "24");
    assert!(status.success(), "{status}: {stderr}");
    // The example renews with auto-renew off and NoInvoice.
    assert_eq!(stdout, format!("{:#?}\n", renewed(4715, 24, false, "0.00")));
    assert_eq!(stderr, "");
    let sent = only_request(&peer);
    assert_credentials(&sent);
    assert_eq!(
        (
            sent.value("order-id"),
            sent.value("months"),
            sent.value("auto-renew"),
            sent.value("invoice-option")
        ),
        ("4715", "24", "false", "NoInvoice")
    );

    // Exit code 2: the renewal certainly was not placed.
    let (status, stdout, stderr) = renew(&order::ERROR_200.to_string(), "1");
    assert_eq!(status.code(), Some(2), "{status}");
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "error: the API reported an error (status ERROR): {}\nthe order was not placed\n",
            reseller::ERROR_MESSAGE
        )
    );

    let (status, stdout, stderr) = renew(&order::FORBIDDEN.to_string(), "1");
    assert_eq!(status.code(), Some(2), "{status}");
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("error: access denied (HTTP 403)"),
        "{stderr}"
    );

    let (status, _, stderr) = renew("not-a-number", "1");
    assert_eq!(status.code(), Some(1));
    assert!(stderr.contains("must be integers"), "{stderr}");
    assert_eq!(peer.check_failures(), Vec::<String>::new());
}
