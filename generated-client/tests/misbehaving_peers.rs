//! Misbehaving peers: a scripted server on 127.0.0.1 (`tests/support/scripted.rs`) performs
//! every order it receives and then answers the way real servers, proxies and PHP stacks do
//! when something is off: odd fields, HTML, bodies cut short, stalls, drips, absurd lengths,
//! redirects, echoed credentials, and the explicit refusals. Each case runs through the
//! generated client (outcome class and decoded fields) and through the compiled example
//! (exit code and what it prints), for ResellerClub's renew and InterServer's buy_mail. Every
//! run must send the order exactly once and show no secret in any spelling.
//!
//! Stalls and drips use short timeouts at client level. The examples use the default ones
//! (30 s read), so their variant of those cases is a stall or drip that the peer ends by
//! closing the connection after half a second; a true timeout is covered at client level only.

mod support;

use generated_client::interserver::BuyVpsResultStatus;
use generated_client::resellerclub::InvoiceOption;
use generated_client::resellerclub::Region;
use generated_client::resellerclub::enterpriseemail::{RenewRequest, RenewResponse};
use generated_client::runtime::{Decimal, Lenient, Outcome, Timeouts};
use generated_client::{Error, interserver, resellerclub};
use std::fmt::Debug;
use std::time::{Duration, Instant};
use support::example;
use support::scripted::{Behaviour, Body, HTML, JSON, Reply, Server, XML, refused_url};

/// What a case must end with.
enum Expect<T> {
    /// Success: the full answer, edited from the documented one.
    Ok(fn(&mut T)),
    /// An explicit refusal; the error's raw body contains this text, when given.
    NotPerformed(Option<&'static str>),
    /// The order may exist; the error's raw body contains this text, when given (`""`: a
    /// body is kept, whatever it is).
    Unknown(Option<&'static str>),
    /// A login that is safe to repeat failed, so the order was never sent.
    SafeToRetry,
}

struct Case<T> {
    name: &'static str,
    /// How the peer answers the order.
    order: Behaviour,
    /// How it answers the login (InterServer only; `None`: a good session id).
    login: Option<Behaviour>,
    /// How it answers the order when the example runs.
    example: Behaviour,
    expect: Expect<T>,
}

impl<T> Case<T> {
    fn new(name: &'static str, order: Behaviour, expect: Expect<T>) -> Self {
        Self {
            name,
            order,
            login: None,
            example: order,
            expect,
        }
    }

    /// For stalls: the example's default 30 s timeouts would make the case take minutes.
    fn example_with(mut self, order: Behaviour) -> Self {
        self.example = order;
        self
    }

    fn at_login(mut self, login: Behaviour) -> Self {
        self.login = Some(login);
        self
    }
}

use Expect::{NotPerformed, SafeToRetry, Unknown};

/// For answers that come: generous, so that a busy machine cannot turn one into a timeout.
const PATIENT: Timeouts = Timeouts {
    connect: Duration::from_secs(10),
    read: Duration::from_secs(30),
    total: Duration::from_secs(30),
};

/// For stalls and drips.
const IMPATIENT: Timeouts = Timeouts {
    connect: Duration::from_secs(10),
    read: Duration::from_millis(300),
    total: Duration::from_millis(1500),
};

fn timeouts_for(behaviour: Behaviour) -> Timeouts {
    match behaviour {
        Behaviour::Stall | Behaviour::Drip { .. } => IMPATIENT,
        _ => PATIENT,
    }
}

/// A stall or drip the peer ends itself, for the examples.
const SHORT_STALL: Behaviour = Behaviour::StallFor(Duration::from_millis(500));
const SHORT_DRIP: Behaviour = Behaviour::Drip {
    every: Duration::from_millis(100),
    for_at_most: Duration::from_millis(500),
};
/// Slower than the read timeout allows.
const SLOW_DRIP: Behaviour = Behaviour::Drip {
    every: Duration::from_secs(1),
    for_at_most: Duration::from_secs(10),
};
/// Fast enough for the read timeout, but never done before the total one.
const ENDLESS_DRIP: Behaviour = Behaviour::Drip {
    every: Duration::from_millis(50),
    for_at_most: Duration::from_secs(10),
};

/// A length no answer has: the client must refuse it before reading.
const HUGE_LENGTH: u64 = 1 << 40;

/// The end of every secret the tests send. No escaping (XML once or twice, form, JSON)
/// changes it, so it shows whatever spelling of a secret leaked, while a redacted secret
/// leaves no trace of it.
const LEAK: &str = "-DO-NOT-LEAK";

/// Panics when `text` shows a secret, without printing it.
fn assert_no_secret(what: &str, text: &str) {
    assert!(!text.contains(LEAK), "{what} shows a secret");
}

/// PHP's `htmlspecialchars` (quotes included), as PHP pages escape what they quote.
fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#039;")
}

/// How many requests other than a login the peer received: the order, and any retry or
/// followed redirect of it (a 302 turns a POST into a GET without the body). When one is
/// expected, waits for it first: a client that gave up may return before the peer has read
/// the request.
async fn orders_received(server: &Server, expected: usize) -> usize {
    let count = || {
        server
            .requests()
            .iter()
            .filter(|r| !r.contains("api_login"))
            .count()
    };
    for _ in 0..100 {
        if expected == 0 || count() > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // A retry or a followed redirect would have come before the call returned.
    count()
}

/// Panics unless a call returned well before its peer gave up (30 s stall, 10 s drips): the
/// client's own timeouts ended it.
fn assert_ended_by_timeouts(name: &str, started: Instant) {
    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_secs(2) + IMPATIENT.total,
        "{name}: {elapsed:?}"
    );
}

/// Checks what the generated client returned.
fn check_client<T: Debug + PartialEq + Clone>(
    case: &Case<T>,
    result: Result<T, Error>,
    documented: &T,
    operation: &str,
) {
    let name = case.name;
    let error = match (result, &case.expect) {
        (Ok(answer), Expect::Ok(edit)) => {
            let mut expected = documented.clone();
            edit(&mut expected);
            assert_eq!(answer, expected, "{name}");
            assert_no_secret(name, &format!("{answer:?}"));
            return;
        }
        (Ok(answer), _) => panic!("{name}: expected an error, got {answer:?}"),
        (Err(error), Expect::Ok(_)) => panic!("{name}: expected success, got {error:?}"),
        (Err(error), _) => error,
    };
    let shown = format!("{error}\n{error:?}\n{:?}", error.body());
    assert_no_secret(name, &shown);
    let (outcome, marker) = match &case.expect {
        NotPerformed(marker) => (Outcome::NotPerformed, marker),
        Unknown(marker) => (Outcome::Unknown, marker),
        SafeToRetry => (Outcome::SafeToRetry, &None),
        Expect::Ok(_) => unreachable!(),
    };
    assert_eq!(error.outcome(), outcome, "{name}: {error:?}");
    if outcome == Outcome::Unknown {
        let Error::OutcomeUnknown { operation: op, .. } = &error else {
            panic!("{name}: {error:?}");
        };
        assert_eq!(*op, operation, "{name}");
    }
    if let Some(marker) = marker {
        let body = error.body().unwrap_or_else(|| panic!("{name}: no body"));
        assert!(body.contains(marker), "{name}: {body:?} lacks {marker:?}");
    }
}

/// Checks what the compiled example printed and its exit code.
fn check_example<T: Debug + Clone>(case: &Case<T>, output: &std::process::Output, documented: &T) {
    let name = case.name;
    let (stdout, stderr) = (example::text(&output.stdout), example::text(&output.stderr));
    assert_no_secret(name, &stdout);
    assert_no_secret(name, &stderr);
    let code = output.status.code();
    match &case.expect {
        Expect::Ok(edit) => {
            let mut expected = documented.clone();
            edit(&mut expected);
            assert_eq!(code, Some(0), "{name}: {stderr}");
            assert_eq!(stdout, format!("{expected:#?}\n"), "{name}");
            assert_eq!(stderr, "", "{name}");
        }
        NotPerformed(_) | SafeToRetry => {
            assert_eq!(code, Some(2), "{name}: {stderr}");
            assert_eq!(stdout, "", "{name}");
            assert!(
                stderr.starts_with("error: ") && stderr.ends_with("\nthe order was not placed\n"),
                "{name}: {stderr}"
            );
        }
        Unknown(marker) => {
            assert_eq!(code, Some(3), "{name}: {stderr}");
            assert_eq!(stdout, "", "{name}");
            let advice = "the order may have been placed: check its state before trying \
                          again\nerror: ";
            assert!(stderr.starts_with(advice), "{name}: {stderr}");
            if let Some(marker) = marker {
                let answer = "\nthe answer received (secrets removed):\n";
                let body = stderr.split_once(answer).map(|(_, body)| body);
                let body = body.unwrap_or_else(|| panic!("{name}: no answer in {stderr}"));
                assert!(body.contains(marker), "{name}: {stderr}");
            }
        }
    }
}

/// Runs an example on a blocking thread, so that the peer keeps serving meanwhile.
async fn run_example(name: &'static str, args: Vec<String>) -> std::process::Output {
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        example::run(name, &args)
    })
    .await
    .unwrap()
}

// ResellerClub renew.

const AUTH_USERID: i64 = 424_242;
/// Every character a form, XML or JSON encoding changes.
const API_KEY: &str = "K3Y+/&<k>\"'é %x-DO-NOT-LEAK";

/// The documented success for `order-id=4711`, invoice option NoInvoice, values as strings.
const RENEWED: &str = r#"{"description":"example.com","entityid":"4711","actiontype":"Renew",
"actiontypedesc":"Renewal of Enterprise Email for example.com for 12 month(s)","eaqid":"456",
"actionstatus":"Success","actionstatusdesc":"Order renewed successfully.",
"discount-amount":"0.00"}"#;

fn renewed() -> RenewResponse {
    RenewResponse {
        description: "example.com".to_owned().into(),
        entityid: 4711.into(),
        actiontype: "Renew".to_owned().into(),
        actiontypedesc: "Renewal of Enterprise Email for example.com for 12 month(s)"
            .to_owned()
            .into(),
        eaqid: 456.into(),
        actionstatus: "Success".to_owned().into(),
        actionstatusdesc: "Order renewed successfully.".to_owned().into(),
        invoiceid: Lenient::Absent,
        sellingcurrencysymbol: Lenient::Absent,
        sellingamount: Lenient::Absent,
        customerid: Lenient::Absent,
        discount_amount: "0.00".parse::<Decimal>().unwrap().into(),
    }
}

/// A body a test made up, for a `Reply`: leaked, since the peer needs it for as long as the
/// test runs.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The documented renewal with `from` replaced by `to`.
fn renewed_with(from: &str, to: &str) -> Behaviour {
    assert!(RENEWED.contains(from), "{from}");
    Behaviour::Reply(Reply::new(200, JSON, leak(RENEWED.replace(from, to))))
}

const AMOUNT: &str = r#""discount-amount":"0.00""#;
const ENTITY_ID: &str = r#""entityid":"4711""#;

/// A PHP/Apache page that quotes the request it received, escaped.
fn echo_html(request: &str) -> String {
    format!(
        "<html><body><h1>Internal Server Error</h1><pre>{}</pre></body></html>",
        xml_escape(request)
    )
}

/// A vendor error whose message quotes the request, JSON-escaped.
fn echo_json_error(request: &str) -> String {
    let message = serde_json::to_string(&format!("Invalid request: {request}")).unwrap();
    format!(r#"{{"status":"ERROR","message":{message}}}"#)
}

/// A denial page quoting the request as is.
fn echo_raw(request: &str) -> String {
    format!("Access denied for: {request}")
}

const GZIPPED_RENEWAL: &[u8] = &[
    // `printf '%s' '{"entityid":"4711","actionstatus":"Success"}' | gzip -n9`
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xab, 0x56, 0x4a, 0xcd, 0x2b, 0xc9,
    0x2c, 0xa9, 0xcc, 0x4c, 0x51, 0xb2, 0x52, 0x32, 0x31, 0x37, 0x34, 0x54, 0xd2, 0x51, 0x4a, 0x4c,
    0x2e, 0xc9, 0xcc, 0xcf, 0x2b, 0x2e, 0x49, 0x2c, 0x29, 0x2d, 0x06, 0x8a, 0x06, 0x97, 0x26, 0x27,
    0xa7, 0x16, 0x17, 0x2b, 0xd5, 0x02, 0x00, 0x7c, 0x1a, 0xec, 0xc1, 0x2c, 0x00, 0x00, 0x00,
];

const BAD_GATEWAY: &str = "<html><head><title>502 Bad Gateway</title></head>\
                           <body><center><h1>502 Bad Gateway</h1></center><hr>\
                           <center>nginx</center></body></html>";

/// A complete answer.
fn reply(status: u16, headers: &'static str, body: &'static str) -> Behaviour {
    Behaviour::Reply(Reply::new(status, headers, body))
}

/// An answer made from the request as received: a server that echoes it.
fn echo(status: u16, headers: &'static str, make: fn(&str) -> String) -> Behaviour {
    Behaviour::Reply(Reply {
        status,
        headers,
        body: Body::Echo(make),
        announce: None,
    })
}

/// What goes wrong below the protocol, the same for both vendors: the request was sent and no
/// usable answer comes back, so an order's outcome is unknown. `path` is where the order was
/// posted (redirected to itself, with `location` as the head line), `answer` the documented
/// success (announced far longer than it is).
fn transport_cases<T>(path: &'static str, location: &'static str, answer: Reply) -> Vec<Case<T>> {
    vec![
        Case::new("stall", Behaviour::Stall, Unknown(None)).example_with(SHORT_STALL),
        Case::new(
            "drip slower than the read timeout",
            SLOW_DRIP,
            Unknown(None),
        )
        .example_with(SHORT_DRIP),
        Case::new("body that never ends", ENDLESS_DRIP, Unknown(None)).example_with(SHORT_DRIP),
        Case::new(
            "huge Content-Length",
            Behaviour::Reply(Reply {
                announce: Some(HUGE_LENGTH),
                ..answer
            }),
            Unknown(None),
        ),
        Case::new(
            "302 to the same URL",
            Behaviour::Redirect(path),
            Unknown(Some("")),
        ),
        Case::new(
            "307 to the same URL",
            reply(307, location, ""),
            Unknown(Some("")),
        ),
    ]
}

fn renew_cases() -> Vec<Case<RenewResponse>> {
    let mut cases: Vec<Case<RenewResponse>> = vec![
        Case::new("documented", reply(200, JSON, RENEWED), Expect::Ok(|_| {})),
        Case::new(
            "discount-amount missing",
            renewed_with(&format!(",\n{AMOUNT}"), ""),
            Expect::Ok(|a| a.discount_amount = Lenient::Absent),
        ),
        Case::new(
            "eaqid missing",
            renewed_with(r#""eaqid":"456","#, ""),
            Expect::Ok(|a| a.eaqid = Lenient::Absent),
        ),
        Case::new(
            "null amount",
            renewed_with(AMOUNT, r#""discount-amount":null"#),
            Expect::Ok(|a| a.discount_amount = Lenient::Absent),
        ),
        Case::new(
            "empty amount",
            renewed_with(AMOUNT, r#""discount-amount":"""#),
            Expect::Ok(|a| a.discount_amount = Lenient::Absent),
        ),
        Case::new(
            "amount with a thousands separator",
            renewed_with(AMOUNT, r#""discount-amount":"1,234.50""#),
            Expect::Ok(|a| a.discount_amount = Lenient::Unreadable("1,234.50".to_owned())),
        ),
        Case::new(
            "amount with a currency sign",
            renewed_with(AMOUNT, r#""discount-amount":"$10.50""#),
            Expect::Ok(|a| a.discount_amount = Lenient::Unreadable("$10.50".to_owned())),
        ),
        Case::new(
            "id written with a zero fraction: the same integer",
            renewed_with(ENTITY_ID, r#""entityid":"12345.0""#),
            Expect::Ok(|a| a.entityid = Lenient::Value(12345)),
        ),
        Case::new(
            "id with a fraction",
            renewed_with(ENTITY_ID, r#""entityid":"12345.5""#),
            Expect::Ok(|a| a.entityid = Lenient::Unreadable("12345.5".to_owned())),
        ),
        Case::new(
            "id beyond i64, as text",
            renewed_with(ENTITY_ID, r#""entityid":"99999999999999999999""#),
            Expect::Ok(|a| a.entityid = Lenient::Unreadable("99999999999999999999".to_owned())),
        ),
        Case::new(
            "id beyond i64, as a number",
            // One past `i64::MAX`. Past `u64::MAX` a bare number is parsed as a float, so it
            // stays unreadable but its raw text is the float's.
            renewed_with(ENTITY_ID, r#""entityid":9223372036854775808"#),
            Expect::Ok(|a| a.entityid = Lenient::Unreadable("9223372036854775808".to_owned())),
        ),
        Case::new(
            // No answer enum in renew: the status is text, and any value reads.
            "status the docs do not list",
            renewed_with(r#""Success""#, r#""PendingVerification""#),
            Expect::Ok(|a| a.actionstatus = "PendingVerification".to_owned().into()),
        ),
        Case::new("empty 200", reply(200, JSON, ""), Unknown(Some(""))),
        Case::new(
            "HTML 200",
            reply(200, HTML, "<html><body>Welcome</body></html>"),
            Unknown(Some("Welcome")),
        ),
        Case::new(
            "200 cut short",
            Behaviour::Reply(Reply {
                announce: Some(RENEWED.len() as u64),
                ..Reply::new(200, JSON, r#"{"description":"example.com","entityid":"47"#)
            }),
            Unknown(None),
        ),
        Case::new("empty list", reply(200, JSON, "[]"), Unknown(Some("[]"))),
        Case::new("empty object", reply(200, JSON, "{}"), Unknown(Some("{}"))),
        Case::new(
            // The client asks for no encoding, so a compressed body is unreadable.
            "gzip body",
            Behaviour::Reply(Reply {
                status: 200,
                headers: "Content-Type: application/json\r\nContent-Encoding: gzip\r\n",
                body: Body::Bytes(GZIPPED_RENEWAL),
                announce: None,
            }),
            Unknown(Some("")),
        ),
        Case::new(
            "proxy 502",
            reply(502, HTML, BAD_GATEWAY),
            Unknown(Some("502 Bad Gateway")),
        ),
        Case::new(
            "proxy 500",
            reply(500, HTML, "<h1>500 Internal Server Error</h1>"),
            Unknown(Some("500 Internal Server Error")),
        ),
        Case::new(
            "500 page echoing the request",
            echo(500, HTML, echo_html),
            Unknown(Some("<redacted>")),
        ),
        Case::new(
            "business error echoing the request",
            echo(200, JSON, echo_json_error),
            NotPerformed(Some("<redacted>")),
        ),
        Case::new(
            "403 echoing the request",
            echo(403, HTML, echo_raw),
            NotPerformed(Some("<redacted>")),
        ),
        Case::new(
            "business error",
            reply(
                200,
                JSON,
                r#"{"status":"ERROR","message":"Order is locked"}"#,
            ),
            NotPerformed(Some("Order is locked")),
        ),
        Case::new(
            "business error with 500",
            reply(
                500,
                JSON,
                r#"{"status":"Failed","actionstatusdesc":"No funds"}"#,
            ),
            NotPerformed(Some("No funds")),
        ),
        Case::new("401", reply(401, HTML, "Unauthorized"), NotPerformed(None)),
        Case::new("403", reply(403, HTML, "Forbidden"), NotPerformed(None)),
    ];
    cases.extend(transport_cases(
        "/api/enterpriseemail/us/renew.json",
        "Location: /api/enterpriseemail/us/renew.json\r\n",
        Reply::new(200, JSON, RENEWED),
    ));
    cases
}

/// Runs every case through the generated client and, where it has an example variant, the
/// example; then a refused connection and a usage error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renew_tells_the_outcome_of_every_answer() {
    let documented = renewed();
    let request = RenewRequest::builder()
        .order_id(4711)
        .months(12)
        .auto_renew(false)
        .invoice_option(InvoiceOption::NoInvoice)
        .build();
    assert!(API_KEY.ends_with(LEAK));
    let args = |url: &str| {
        let args = [url, &AUTH_USERID.to_string(), API_KEY, "4711", "12"];
        args.map(str::to_owned).to_vec()
    };
    for case in renew_cases() {
        let name = case.name;
        let server = Server::start(case.order).await;
        let client = resellerclub::Client::builder(&server.url, AUTH_USERID, API_KEY)
            .timeouts(timeouts_for(case.order))
            .build()
            .unwrap();
        let started = Instant::now();
        let result = client.enterpriseemail().renew(Region::Us, &request).await;
        assert_ended_by_timeouts(name, started);
        check_client(&case, result, &documented, "enterpriseemail/renew");
        assert_eq!(orders_received(&server, 1).await, 1, "{name}");

        let server = Server::start(case.example).await;
        let output = run_example("renew", args(&server.url)).await;
        check_example(&case, &output, &documented);
        assert_eq!(orders_received(&server, 1).await, 1, "{name}");
    }

    let refused = Case::new("connection refused", Behaviour::Stall, NotPerformed(None));
    let url = refused_url().await;
    let client = resellerclub::Client::new(&url, AUTH_USERID, API_KEY).unwrap();
    let result = client.enterpriseemail().renew(Region::Us, &request).await;
    check_client(&refused, result, &documented, "enterpriseemail/renew");
    let output = run_example("renew", args(&url)).await;
    check_example(&refused, &output, &documented);

    let usage = run_example("renew", args(&url)[..4].to_vec()).await;
    assert_eq!(usage.status.code(), Some(1));
    assert!(example::text(&usage.stderr).starts_with("usage: renew <base-url>"));
    let mut not_a_number = args(&url);
    not_a_number[3] = "x".to_owned();
    let usage = run_example("renew", not_a_number).await;
    assert_eq!(usage.status.code(), Some(1));
    assert!(example::text(&usage.stderr).contains("must be integers"));
}

// InterServer buy_mail.

const USERNAME: &str = "reseller@example.com";
const PASSWORD: &str = "PW&<pw>\"'é %-DO-NOT-LEAK";
/// The session id the peer's login returns: with characters XML escapes, so that the
/// spellings an echo gives it differ.
const SID: &str = "sid&<5f3a>-DO-NOT-LEAK";
const COUPON: &str = "SPRING";
const BUY_MAIL: &str = "api_api_buy_mail";

/// An ext/soap answer envelope around `body`.
fn envelope(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:myapi" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>
"#
    )
}

const BOUGHT: &str = r#"<ns1:api_api_buy_mailResponse><return xsi:type="ns1:buy_vps_result_status"><status xsi:type="xsd:string">ok</status><status_text xsi:type="xsd:string">Order placed</status_text><invoices xsi:type="xsd:string">1001,1002</invoices><cost xsi:type="xsd:float">5.5</cost></return></ns1:api_api_buy_mailResponse>"#;
const COST: &str = r#"<cost xsi:type="xsd:float">5.5</cost>"#;

fn bought() -> BuyVpsResultStatus {
    BuyVpsResultStatus {
        status: "ok".to_owned().into(),
        status_text: "Order placed".to_owned().into(),
        invoices: "1001,1002".to_owned().into(),
        cost: "5.5".parse::<Decimal>().unwrap().into(),
        undeclared: Vec::new(),
    }
}

/// The documented answer with `from` replaced by `to`.
fn bought_with(from: &str, to: &str) -> Behaviour {
    assert!(BOUGHT.contains(from), "{from}");
    soap_reply(200, &BOUGHT.replace(from, to))
}

fn soap_reply(status: u16, body: &str) -> Behaviour {
    Behaviour::Reply(Reply::new(status, XML, leak(envelope(body))))
}

fn fault(message: &str) -> String {
    envelope(&format!(
        "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>{message}\
         </faultstring></SOAP-ENV:Fault>"
    ))
}

/// A fault quoting the request, escaped, as `new SoapFault("Server", $request)` sends it.
fn echo_fault(request: &str) -> String {
    fault(&xml_escape(&format!("Could not process: {request}")))
}

/// An in-band error quoting the request in `status_text`.
fn echo_business(request: &str) -> String {
    envelope(&BOUGHT.replace(">ok<", ">error<").replace(
        "Order placed",
        &xml_escape(&format!("Invalid request: {request}")),
    ))
}

/// The login answer: the session id.
fn logged_in() -> Behaviour {
    let body = format!(
        r#"<ns1:api_loginResponse><return xsi:type="xsd:string">{}</return></ns1:api_loginResponse>"#,
        xml_escape(SID)
    );
    soap_reply(200, &body)
}

const PHP_FATAL: &str = "<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function \
                         mail_order() in /home/my/public_html/api.php:42\n";

fn buy_mail_cases() -> Vec<Case<BuyVpsResultStatus>> {
    let documented = leak(envelope(BOUGHT));
    let mut cases: Vec<Case<BuyVpsResultStatus>> = vec![
        Case::new("documented", soap_reply(200, BOUGHT), Expect::Ok(|_| {})),
        Case::new(
            "cost missing",
            bought_with(COST, ""),
            Expect::Ok(|a| a.cost = Lenient::Absent),
        ),
        Case::new(
            "invoices missing",
            bought_with(r#"<invoices xsi:type="xsd:string">1001,1002</invoices>"#, ""),
            Expect::Ok(|a| a.invoices = Lenient::Absent),
        ),
        Case::new(
            "cost with a thousands separator",
            bought_with(">5.5<", ">1,234.50<"),
            Expect::Ok(|a| a.cost = Lenient::Unreadable("1,234.50".to_owned())),
        ),
        Case::new(
            "nil cost",
            bought_with(COST, r#"<cost xsi:nil="true"/>"#),
            Expect::Ok(|a| a.cost = Lenient::Absent),
        ),
        Case::new(
            "empty cost",
            bought_with(COST, r#"<cost xsi:type="xsd:float"></cost>"#),
            Expect::Ok(|a| a.cost = Lenient::Absent),
        ),
        Case::new(
            "dangling href on cost",
            bought_with(COST, r##"<cost href="#id9"/>"##),
            Unknown(Some("#id9")),
        ),
        Case::new(
            "dangling href on the answer",
            soap_reply(
                200,
                r##"<ns1:api_api_buy_mailResponse><return href="#id9"/></ns1:api_api_buy_mailResponse>"##,
            ),
            Unknown(Some("#id9")),
        ),
        Case::new(
            "nil answer",
            soap_reply(
                200,
                r#"<ns1:api_api_buy_mailResponse><return xsi:nil="true"/></ns1:api_api_buy_mailResponse>"#,
            ),
            Unknown(Some("xsi:nil")),
        ),
        Case::new("empty 200", reply(200, XML, ""), Unknown(Some(""))),
        Case::new(
            "HTML 200 from a PHP fatal error",
            reply(200, HTML, PHP_FATAL),
            Unknown(Some("Fatal error")),
        ),
        Case::new(
            "truncated envelope",
            reply(200, XML, &documented[..documented.len() / 2]),
            Unknown(Some("Envelope")),
        ),
        Case::new(
            "200 cut short",
            Behaviour::Reply(Reply {
                announce: Some(documented.len() as u64),
                ..Reply::new(200, XML, &documented[..documented.len() / 2])
            }),
            Unknown(None),
        ),
        Case::new(
            "PHP 500 page echoing the request",
            echo(500, HTML, echo_html),
            Unknown(Some("<redacted>")),
        ),
        Case::new(
            "proxy 502",
            reply(502, HTML, BAD_GATEWAY),
            Unknown(Some("502 Bad Gateway")),
        ),
        Case::new(
            "fault echoing the request",
            echo(500, XML, echo_fault),
            NotPerformed(Some("<redacted>")),
        ),
        Case::new(
            "in-band error echoing the request",
            echo(200, XML, echo_business),
            NotPerformed(Some("<redacted>")),
        ),
        Case::new(
            "fault",
            reply(500, XML, leak(fault("Invalid coupon"))),
            NotPerformed(Some("Invalid coupon")),
        ),
        Case::new(
            "in-band error",
            bought_with(">ok<", ">error<"),
            NotPerformed(Some("Order placed")),
        ),
        Case::new("401", reply(401, HTML, "Unauthorized"), NotPerformed(None)),
        Case::new("403", reply(403, HTML, "Forbidden"), NotPerformed(None)),
        Case::new(
            "login refused",
            soap_reply(200, BOUGHT),
            NotPerformed(None),
        )
        .at_login(soap_reply(
            200,
            r#"<ns1:api_loginResponse><return xsi:type="xsd:string"></return></ns1:api_loginResponse>"#,
        )),
        Case::new(
            "login fault echoing the request",
            soap_reply(200, BOUGHT),
            NotPerformed(Some("<redacted>")),
        )
        .at_login(echo(500, XML, echo_fault)),
        Case::new("login answered by a PHP fatal error", soap_reply(200, BOUGHT), SafeToRetry)
            .at_login(reply(200, HTML, PHP_FATAL)),
    ];
    cases.extend(transport_cases(
        "/api.php",
        "Location: /api.php\r\n",
        Reply::new(200, XML, documented),
    ));
    cases
}

/// A peer that answers the login as `login` says (default: with [`SID`]) and the order as
/// `order` says.
async fn interserver_peer(login: Option<Behaviour>, order: Behaviour) -> Server {
    let login = login.unwrap_or_else(logged_in);
    Server::scripted(move |request| {
        if request.contains("api_login") {
            login
        } else {
            order
        }
    })
    .await
}

/// As [`renew_tells_the_outcome_of_every_answer`], through a login first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buy_mail_tells_the_outcome_of_every_answer() {
    let documented = bought();
    assert!(PASSWORD.ends_with(LEAK) && SID.ends_with(LEAK));
    let args = |url: &str| {
        let endpoint = format!("{url}/api.php");
        [endpoint.as_str(), USERNAME, PASSWORD, COUPON]
            .map(str::to_owned)
            .to_vec()
    };
    for case in buy_mail_cases() {
        let name = case.name;
        // A failed login sends no order.
        let orders = usize::from(case.login.is_none());
        let server = interserver_peer(case.login, case.order).await;
        let client = interserver::Client::builder(format!("{}/api.php", server.url))
            .timeouts(timeouts_for(case.order))
            .build()
            .unwrap();
        let started = Instant::now();
        let result = match client.login(USERNAME, PASSWORD).await {
            Ok(session) => session.buy_mail(COUPON).await,
            Err(error) => Err(error),
        };
        assert_ended_by_timeouts(name, started);
        check_client(&case, result, &documented, BUY_MAIL);
        assert_eq!(orders_received(&server, orders).await, orders, "{name}");

        let server = interserver_peer(case.login, case.example).await;
        let output = run_example("buy_mail", args(&server.url)).await;
        check_example(&case, &output, &documented);
        assert_eq!(orders_received(&server, orders).await, orders, "{name}");
    }

    let refused = Case::new("connection refused", Behaviour::Stall, NotPerformed(None));
    let url = refused_url().await;
    let client = interserver::Client::new(format!("{url}/api.php")).unwrap();
    check_client(
        &refused,
        client.login(USERNAME, PASSWORD).await.map(|_| bought()),
        &documented,
        BUY_MAIL,
    );
    let output = run_example("buy_mail", args(&url)).await;
    check_example(&refused, &output, &documented);

    let usage = run_example("buy_mail", args(&url)[..3].to_vec()).await;
    assert_eq!(usage.status.code(), Some(1));
    assert!(example::text(&usage.stderr).starts_with("usage: buy_mail <endpoint-url>"));
}
