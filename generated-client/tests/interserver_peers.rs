//! The generated InterServer client over the real wire, against the PHP peers: ext/soap,
//! NuSOAP as the vendor runs it (ISO-8859-1) and NuSOAP in UTF-8 mode
//! (`tests/peers/README.md` says what each sends). Everything goes through the generated
//! client: login and sessions, typed results, in-band errors, faults, arrays, untyped returns,
//! text that XML or a charset could damage, the order of parts; and a call that may place an
//! order against a server that never answers. No error or `Debug` output ever shows the
//! password or the session id.

mod support;

use generated_client::interserver::{
    BuyVpsResultStatus, Client, OpenTicketRequest, OpenTicketReturn, SqlRowVps,
};
use generated_client::runtime::{Decimal, Lenient, Timeouts};
use generated_client::{Error, Secret, Value};
use std::fmt::{Debug, Display};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;
use support::example;
use support::php::{
    PEER_PASSWORD, PEER_SID, PEER_SID_ROWS, PEER_USER, PhpPeer, PhpServer, rows_sid,
};
use support::scripted::{Behaviour, Server};

/// The peer of `kind`, shared by the tests that run at the same time: the first one starts
/// it, and it is killed when the last one lets go, so no PHP process outlives the tests.
fn peer(kind: PhpServer) -> Arc<PhpPeer> {
    static RUNNING: Mutex<Vec<Weak<PhpPeer>>> = Mutex::new(Vec::new());
    let mut running = RUNNING.lock().unwrap_or_else(PoisonError::into_inner);
    running.retain(|peer| peer.strong_count() > 0);
    if let Some(peer) = running
        .iter()
        .filter_map(Weak::upgrade)
        .find(|peer| peer.kind() == kind)
    {
        return peer;
    }
    let peer = Arc::new(PhpPeer::start(kind));
    running.push(Arc::downgrade(&peer));
    peer
}

/// A generated client for the peer, with the default transport.
fn client(peer: &PhpPeer) -> Client {
    let client = Client::new(peer.endpoint()).expect("default transport");
    assert_no_secret("client", &format!("{client:?}"));
    client
}

/// A session resumed from the peer's session id, without logging in.
fn session(client: &Client) -> generated_client::interserver::Session {
    let session = client.session(Secret::new(PEER_SID));
    assert_no_secret("session", &format!("{session:?}"));
    session
}

/// Panics when `text` shows the password (as is or XML-escaped, as it went on the wire) or
/// the session id.
fn assert_no_secret(what: &str, text: &str) {
    for secret in [PEER_PASSWORD, "p@ss w&amp;rd&lt;1&gt;", PEER_SID] {
        assert!(
            !text.contains(secret),
            "{what} shows a secret ({secret:?}): {text}"
        );
    }
}

/// The error of `result`, after checking that neither its `Debug` nor its `Display` shows a
/// secret.
fn error_of<T: Debug>(what: &str, result: Result<T, Error>) -> Error {
    let error = result.expect_err(what);
    assert_no_secret(what, &format!("{error:?}"));
    assert_no_secret(what, &error.to_string());
    error
}

/// The fault inside `error`, or a panic naming what came instead.
fn fault(error: &Error) -> &generated_client::runtime::Fault {
    match error {
        Error::Fault(fault) => fault,
        other => panic!("expected a SOAP fault, got {other:?}"),
    }
}

/// The business error inside `error`, or a panic naming what came instead.
fn business(error: &Error) -> &generated_client::runtime::BusinessError {
    match error {
        Error::Business(business) => business,
        other => panic!("expected a business error, got {other:?}"),
    }
}

/// A `buy_mail` answer; `None` where the peers send their `null` (`xsi:nil`).
fn buy_result(
    status: &str,
    status_text: &str,
    invoices: Option<&str>,
    cost: Option<&str>,
) -> BuyVpsResultStatus {
    BuyVpsResultStatus {
        status: status.to_owned().into(),
        status_text: status_text.to_owned().into(),
        invoices: invoices.map_or(Lenient::Absent, |text| text.to_owned().into()),
        cost: cost.map_or(Lenient::Absent, |text| {
            text.parse::<Decimal>().expect("an amount").into()
        }),
        // The peers send only what the WSDL declares.
        undeclared: Vec::new(),
    }
}

/// Panics unless `error`'s `Display` contains `part`.
fn display_contains(error: &impl Display, part: &str) {
    let shown = error.to_string();
    assert!(shown.contains(part), "{shown:?} should contain {part:?}");
}

/// Runs each scenario (an `async fn(PhpServer)`) once against every peer, as a test named
/// `<peer>::<scenario>`. The harness runs tests in name order, so the tests of one peer run
/// close together and mostly share its process (see [`peer`]).
macro_rules! for_every_peer {
    ($($scenario:ident),+ $(,)?) => {
        for_every_peer!(@peer ext_soap ExtSoap $($scenario),+);
        for_every_peer!(@peer nusoap Nusoap $($scenario),+);
        for_every_peer!(@peer nusoap_utf8 NusoapUtf8 $($scenario),+);
    };
    (@peer $module:ident $kind:ident $($scenario:ident),+) => {
        mod $module {
            $(
                #[tokio::test]
                async fn $scenario() {
                    super::$scenario(super::PhpServer::$kind).await;
                }
            )+
        }
    };
}

for_every_peer!(
    login_gives_a_session_or_an_authentication_error,
    buy_mail_success_is_typed_as_sent,
    text_stored_as_utf8_arrives_intact,
    buy_mail_in_band_error_is_a_business_error_with_the_decoded_answer,
    buy_mail_error_without_the_other_fields_depends_on_the_library,
    buy_mail_fault_keeps_code_string_actor_and_detail,
    an_invalid_session_is_a_business_error_or_a_fault,
    vps_get_services_keeps_every_row_and_value,
    untyped_array_returns_are_a_map_and_a_list_or_a_fault,
    adversarial_coupons_come_back_in_status_text,
    open_ticket_parts_arrive_in_wsdl_order,
);

async fn login_gives_a_session_or_an_authentication_error(kind: PhpServer) {
    let peer = peer(kind);
    let client = client(&peer);
    let session = client
        .login(PEER_USER, PEER_PASSWORD)
        .await
        .unwrap_or_else(|e| panic!("{kind:?}: login: {e:?}"));
    assert_eq!(session.sid().expose(), PEER_SID, "{kind:?}");
    assert_no_secret("session", &format!("{session:?}"));
    // The session works: the peer checks the sid on every call.
    let order = session.buy_mail("ok-login").await;
    assert_eq!(
        order.unwrap_or_else(|e| panic!("{kind:?}: {e:?}")),
        buy_result("ok", "Order placed", Some("1001,1002"), Some("5.5"))
    );

    for (user, password) in [(PEER_USER, "wrong"), ("someone@example.com", PEER_PASSWORD)] {
        let error = error_of("bad login", client.login(user, password).await);
        let Error::Authentication { message } = &error else {
            panic!("{kind:?}: expected Error::Authentication, got {error:?}");
        };
        assert!(message.contains("empty session id"), "{kind:?}: {message}");
        display_contains(&error, "authentication failed");
    }
}

async fn buy_mail_success_is_typed_as_sent(kind: PhpServer) {
    let peer = peer(kind);
    let order = session(&client(&peer)).buy_mail("ok-123").await;
    assert_eq!(
        order.unwrap_or_else(|e| panic!("{kind:?}: {e:?}")),
        buy_result("ok", "Order placed", Some("1001,1002"), Some("5.5")),
        "{kind:?}"
    );
}

/// NuSOAP labels this answer ISO-8859-1 although its bytes are UTF-8; read as labelled it would
/// come back as `Commande passÃ©e â€” 5 â‚¬`.
async fn text_stored_as_utf8_arrives_intact(kind: PhpServer) {
    let peer = peer(kind);
    let order = session(&client(&peer)).buy_mail("stored-utf8").await;
    assert_eq!(
        order.unwrap_or_else(|e| panic!("{kind:?}: {e:?}")),
        buy_result(
            "ok",
            "Commande passée — 5 €",
            Some("1001,1002"),
            Some("5.5")
        ),
        "{kind:?}"
    );
}

async fn buy_mail_in_band_error_is_a_business_error_with_the_decoded_answer(kind: PhpServer) {
    let peer = peer(kind);
    let error = error_of(
        "error coupon",
        session(&client(&peer)).buy_mail("error-1").await,
    );
    let business = business(&error);
    assert_eq!(business.status, "error", "{kind:?}");
    assert_eq!(business.message, "Invalid coupon", "{kind:?}");
    assert_eq!(error.code(), Some("error"));
    assert_eq!(error.message(), Some("Invalid coupon"));
    display_contains(&error, "Invalid coupon");
    // Both libraries send the nulls (typed by NuSOAP, untyped by ext/soap), which decode as
    // the fields' defaults: the whole answer is there for the caller.
    let nil_invoices = match kind {
        PhpServer::ExtSoap => r#"<invoices xsi:nil="true"/>"#,
        PhpServer::Nusoap | PhpServer::NusoapUtf8 => {
            r#"<invoices xsi:nil="true" xsi:type="xsd:string"/>"#
        }
    };
    assert!(
        business.body.contains(nil_invoices) && business.body.contains("Invalid coupon"),
        "{kind:?}: the raw body is kept: {}",
        business.body
    );
    assert_eq!(
        business.decoded::<BuyVpsResultStatus>(),
        Some(&buy_result("error", "Invalid coupon", None, None)),
        "{kind:?}"
    );
}

async fn buy_mail_error_without_the_other_fields_depends_on_the_library(kind: PhpServer) {
    let peer = peer(kind);
    let error = error_of(
        "error-absent coupon",
        session(&client(&peer)).buy_mail("error-absent").await,
    );
    match kind {
        // ext/soap cannot encode a struct that lacks an element and faults instead.
        PhpServer::ExtSoap => {
            let fault = fault(&error);
            assert_eq!(fault.code, "SOAP-ENV:Server");
            assert_eq!(
                fault.string,
                "SOAP-ERROR: Encoding: object has no 'invoices' property"
            );
            assert_eq!(fault.http_status, 500);
        }
        // NuSOAP sends only status and status_text: a business error, whose decoded answer
        // has the other fields absent.
        PhpServer::Nusoap | PhpServer::NusoapUtf8 => {
            let business = business(&error);
            assert_eq!(
                (business.status.as_str(), business.message.as_str()),
                ("error", "Invalid coupon")
            );
            assert!(!business.body.contains("<invoices"), "{}", business.body);
            assert_eq!(
                business.decoded::<BuyVpsResultStatus>(),
                Some(&buy_result("error", "Invalid coupon", None, None)),
                "{kind:?}"
            );
        }
    }
}

async fn buy_mail_fault_keeps_code_string_actor_and_detail(kind: PhpServer) {
    let peer = peer(kind);
    let error = error_of(
        "fault coupon",
        session(&client(&peer)).buy_mail("fault-7").await,
    );
    let fault = fault(&error);
    assert_eq!(fault.code, "SOAP-ENV:Client", "{kind:?}");
    assert_eq!(fault.string, "Coupon service unavailable", "{kind:?}");
    assert_eq!(
        fault.actor.as_deref(),
        Some("urn:myapi:api_api_buy_mail"),
        "{kind:?}"
    );
    assert_eq!(fault.detail.as_deref(), Some("coupon=fault-7"), "{kind:?}");
    assert_eq!(fault.http_status, 500, "{kind:?}");
    assert!(fault.body.contains("Fault>"), "{kind:?}: {}", fault.body);
    assert_eq!(
        error.to_string(),
        "SOAP fault SOAP-ENV:Client: Coupon service unavailable"
    );
    assert!(!error.is_outcome_unknown(), "an answer arrived");
}

async fn an_invalid_session_is_a_business_error_or_a_fault(kind: PhpServer) {
    let peer = peer(kind);
    let stale = client(&peer).session(Secret::new("expired-session"));
    assert!(!format!("{stale:?}").contains("expired-session"));
    // buy_mail reports it in band, vps_get_services as a fault.
    let error = error_of("stale buy_mail", stale.buy_mail("ok-1").await);
    assert_eq!(business(&error).message, "Invalid Session ID", "{kind:?}");
    let error = error_of("stale vps_get_services", stale.vps_get_services().await);
    let fault = fault(&error);
    assert_eq!(
        (fault.code.as_str(), fault.string.as_str()),
        ("SOAP-ENV:Client", "Invalid Session ID"),
        "{kind:?}"
    );
}

/// Row `i` (1-based) as `peer_vps_row` in `tests/peers/behaviour.php` builds it.
fn expected_row(i: i32) -> SqlRowVps {
    let comments = [
        "Kunde Müller & Söhne <prod>",
        "",
        "café \"quoted\" 'single'",
    ];
    let statuses = ["active", "pending", "canceled"];
    let cycle = usize::try_from(i % 3).expect("i is positive");
    SqlRowVps {
        vps_id: (1000 + i).into(),
        vps_custid: 42.into(),
        vps_server: (7 + i % 3).into(),
        vps_ip: format!("203.0.113.{}", i % 254 + 1).into(),
        // The peer's SQL NULL: nil on the wire, so absent.
        vps_ipv6: if i % 4 == 0 {
            Lenient::Absent
        } else {
            format!("2001:db8::{i:x}").into()
        },
        vps_vzid: format!("vps{}", 1000 + i).into(),
        vps_currency: "USD".to_owned().into(),
        vps_type: 31.into(),
        vps_order_date: "2024-01-15 10:20:30".to_owned().into(),
        vps_status: statuses[cycle].to_owned().into(),
        vps_invoice: (5000 + i).into(),
        vps_coupon: 0.into(),
        vps_extra: r#"a:1:{s:2:"os";s:6:"ubuntu";}"#.to_owned().into(),
        vps_hostname: Lenient::from(if i % 3 == 2 {
            format!("bücher-vps{i}.example")
        } else {
            format!("vps{i}.example.com")
        }),
        vps_server_status: "running".to_owned().into(),
        vps_comment: comments[cycle].to_owned().into(),
        vps_slices: (1 + i % 4).into(),
        vps_vnc: "203.0.113.250".to_owned().into(),
        vps_vnc_port: (5900 + i % 1000).into(),
        vps_rootpass: String::new().into(),
        vps_mac: (format!(
            "52:54:00:{:02x}:{:02x}:{:02x}",
            (i >> 16) & 255,
            (i >> 8) & 255,
            i & 255
        ))
        .into(),
        vps_os: "ubuntu".to_owned().into(),
        vps_version: "22.04".to_owned().into(),
        vps_location: 1.into(),
        vps_platform: "kvm".to_owned().into(),
        vps_diskused: (10240 + i).into(),
        vps_diskmax: 51200.into(),
        undeclared: Vec::new(),
    }
}

async fn vps_get_services_keeps_every_row_and_value(kind: PhpServer) {
    let peer = peer(kind);
    let client = client(&peer);
    let rows_of = async |sid: String| {
        client
            .session(Secret::new(sid))
            .vps_get_services()
            .await
            .unwrap_or_else(|e| panic!("{kind:?}: {e:?}"))
    };
    assert_eq!(rows_of(rows_sid(0)).await, Vec::new(), "{kind:?}");
    // One element stays a one-element list.
    assert_eq!(
        rows_of(rows_sid(1)).await,
        vec![expected_row(1)],
        "{kind:?}"
    );
    let three = rows_of(PEER_SID.to_owned()).await;
    assert_eq!(three.len(), PEER_SID_ROWS);
    assert_eq!(
        three,
        (1..=3).map(expected_row).collect::<Vec<_>>(),
        "{kind:?}"
    );
    // Spelled out, not only mirrored: non-ASCII, quotes and `&<>` arrive intact.
    let text = |field: &Lenient<String>| field.value().cloned().unwrap_or_default();
    let hostnames: Vec<String> = three.iter().map(|r| text(&r.vps_hostname)).collect();
    assert_eq!(
        hostnames,
        [
            "vps1.example.com",
            "bücher-vps2.example",
            "vps3.example.com"
        ]
    );
    let comments: Vec<String> = three.iter().map(|r| text(&r.vps_comment)).collect();
    assert_eq!(
        comments,
        [
            "",
            "café \"quoted\" 'single'",
            "Kunde Müller & Söhne <prod>"
        ]
    );
    // Row 4 has the NULL.
    let four = rows_of(rows_sid(4)).await;
    assert_eq!(
        four,
        (1..=4).map(expected_row).collect::<Vec<_>>(),
        "{kind:?}"
    );
    assert_eq!(four[3].vps_ipv6, Lenient::Absent);
}

async fn untyped_array_returns_are_a_map_and_a_list_or_a_fault(kind: PhpServer) {
    let peer = peer(kind);
    let client = client(&peer);
    let text = |s: &str| Value::String(s.to_owned());
    match kind {
        PhpServer::ExtSoap => {
            // An Apache Map, in the order sent.
            assert_eq!(
                client.get_locked_ips().await.expect("get_locked_ips"),
                Value::Map(vec![
                    (text("192.0.2.10"), text("brute force")),
                    (text("198.51.100.7"), text("spam & <abuse> é")),
                ])
            );
            assert_eq!(
                client.get_modules().await.expect("get_modules"),
                Value::List(
                    ["domains", "vps", "backups", "mail", "licenses", "ssl"]
                        .map(text)
                        .to_vec()
                )
            );
        }
        // NuSOAP cannot serialize the WSDL's undefined `tns:array`.
        PhpServer::Nusoap | PhpServer::NusoapUtf8 => {
            for error in [
                error_of("get_locked_ips", client.get_locked_ips().await),
                error_of("get_modules", client.get_modules().await),
            ] {
                let fault = fault(&error);
                assert_eq!(
                    (fault.code.as_str(), fault.string.as_str()),
                    ("SOAP-ENV:Server", "unable to serialize result"),
                    "{kind:?}"
                );
            }
        }
    }
}

/// A coupon and its echo in `status_text` from each peer.
struct Echo {
    sent: &'static str,
    ext_soap: &'static str,
    nusoap: &'static str,
    nusoap_utf8: &'static str,
}

const ECHOES: [Echo; 6] = [
    // ext/soap and NuSOAP's UTF-8 mode give everything back. NuSOAP's default decodes what
    // arrives to ISO-8859-1 (`utf8_decode`): `é` survives, `€` is not in Latin-1 and becomes
    // `?` on the server, before anything is sent back.
    Echo {
        sent: "<&>'\"]]> é€",
        ext_soap: "<&>'\"]]> é€",
        nusoap: "<&>'\"]]> é?",
        nusoap_utf8: "<&>'\"]]> é€",
    },
    Echo {
        sent: "\u{1F600} beyond the BMP",
        ext_soap: "\u{1F600} beyond the BMP",
        nusoap: "? beyond the BMP",
        nusoap_utf8: "\u{1F600} beyond the BMP",
    },
    Echo {
        sent: "a&amp;b &lt; &#65; stay text",
        ext_soap: "a&amp;b &lt; &#65; stay text",
        nusoap: "a&amp;b &lt; &#65; stay text",
        nusoap_utf8: "a&amp;b &lt; &#65; stay text",
    },
    Echo {
        sent: "  two  spaces,\ta tab, trailing  ",
        ext_soap: "  two  spaces,\ta tab, trailing  ",
        nusoap: "  two  spaces,\ta tab, trailing  ",
        nusoap_utf8: "  two  spaces,\ta tab, trailing  ",
    },
    // The client sends `\r` as `&#13;` and both servers receive it. ext/soap answers
    // `&#13;` too; NuSOAP writes a literal CR, which XML 1.0 (2.11, end-of-line handling)
    // makes every conforming parser read as a line feed: a CR LF comes back as LF.
    Echo {
        sent: "line\r\nbreaks\nend",
        ext_soap: "line\r\nbreaks\nend",
        nusoap: "line\nbreaks\nend",
        nusoap_utf8: "line\nbreaks\nend",
    },
    Echo {
        sent: "Ünïcödé ÆØÅ ß",
        ext_soap: "Ünïcödé ÆØÅ ß",
        nusoap: "Ünïcödé ÆØÅ ß",
        nusoap_utf8: "Ünïcödé ÆØÅ ß",
    },
];

async fn adversarial_coupons_come_back_in_status_text(kind: PhpServer) {
    let peer = peer(kind);
    let session = session(&client(&peer));
    for echo in ECHOES {
        let expected = match kind {
            PhpServer::ExtSoap => echo.ext_soap,
            PhpServer::Nusoap => echo.nusoap,
            PhpServer::NusoapUtf8 => echo.nusoap_utf8,
        };
        let order = session
            .buy_mail(echo.sent)
            .await
            .unwrap_or_else(|e| panic!("{kind:?} {:?}: {e:?}", echo.sent));
        assert_eq!(
            order,
            buy_result("ok", expected, Some("1001,1002"), Some("5.5")),
            "{kind:?}: coupon {:?}",
            echo.sent
        );
    }
}

async fn open_ticket_parts_arrive_in_wsdl_order(kind: PhpServer) {
    let peer = peer(kind);
    // NuSOAP binds parts by position: a part out of order would land in another parameter.
    // Six text parts: set by name, so two cannot be swapped unnoticed.
    let request = OpenTicketRequest::builder()
        .user_email("user@example.com")
        .user_ip("192.0.2.55")
        .subject("Subject <&> 1")
        .product("vps")
        .body("Body text")
        .box_auth_value("box-7")
        .build();
    let ticket = session(&client(&peer))
        .open_ticket(&request)
        .await
        .unwrap_or_else(|e| panic!("{kind:?}: {e:?}"));
    assert_eq!(
        ticket,
        OpenTicketReturn {
            status: "ok".to_owned().into(),
            status_text: "user_email=user@example.com | user_ip=192.0.2.55 | \
                          subject=Subject <&> 1 | product=vps | body=Body text | \
                          box_auth_value=box-7"
                .to_owned()
                .into(),
            ticket_reference_id: 4242.into(),
            undeclared: Vec::new(),
        },
        "{kind:?}"
    );
}

#[tokio::test]
async fn buy_mail_without_an_answer_is_outcome_unknown_and_sent_once() {
    let server = Server::start(Behaviour::Stall).await;
    let timeouts = Timeouts {
        total: Duration::from_secs(1),
        ..Timeouts::default()
    };
    let client = Client::builder(format!("{}/api.php", server.url))
        .timeouts(timeouts)
        .build()
        .expect("client");
    let error = error_of(
        "stalled buy_mail",
        session(&client).buy_mail("ok-once").await,
    );
    assert!(error.is_outcome_unknown(), "{error:?}");
    let Error::OutcomeUnknown { operation, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(*operation, "api_api_buy_mail");
    display_contains(&error, "api_api_buy_mail: the order may have been placed");
    // The server reads the request even if the client gave up first; a retry would come
    // before the error was returned.
    let requests = server.requests_after_the_first().await;
    assert_eq!(requests.len(), 1, "sent once, never retried");
    assert!(
        requests[0].starts_with("POST /api.php ") && requests[0].contains("ok-once"),
        "the one request is the buy_mail POST (not shown: it carries the session id)"
    );
}

#[test]
fn the_buy_mail_example_prints_the_order_or_the_error() {
    let peer = peer(PhpServer::ExtSoap);
    let endpoint = peer.endpoint();
    let buy = |user: &str, password: &str, coupon: &str| {
        let output = example::run("buy_mail", &[&endpoint, user, password, coupon]);
        let (stdout, stderr) = (example::text(&output.stdout), example::text(&output.stderr));
        assert_no_secret("buy_mail's stdout", &stdout);
        assert_no_secret("buy_mail's stderr", &stderr);
        (output.status, stdout, stderr)
    };

    let (status, stdout, stderr) = buy(PEER_USER, PEER_PASSWORD, "ok-cli");
    assert!(status.success(), "{status}: {stderr}");
    let order = buy_result("ok", "Order placed", Some("1001,1002"), Some("5.5"));
    assert_eq!(stdout, format!("{order:#?}\n"));
    assert_eq!(stderr, "");

    // Exit code 2: the order certainly was not placed.
    let (status, stdout, stderr) = buy(PEER_USER, PEER_PASSWORD, "error-cli");
    assert_eq!(status.code(), Some(2), "{status}");
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: the API reported an error (status error): Invalid coupon\n\
         the order was not placed\n"
    );

    let (status, stdout, stderr) = buy(PEER_USER, "wrong password", "ok-cli");
    assert_eq!(status.code(), Some(2), "{status}");
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("error: authentication failed: ")
            && stderr.ends_with("\nthe order was not placed\n"),
        "{stderr}"
    );

    let usage = example::run("buy_mail", &[&endpoint]);
    assert_eq!(usage.status.code(), Some(1));
    assert!(example::text(&usage.stderr).starts_with("usage: buy_mail <endpoint-url>"));
}
