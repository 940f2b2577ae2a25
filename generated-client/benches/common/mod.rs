//! What the benchmarks share: answers captured from the real test peers (`tests/support/`),
//! the operations that decode them, and the raw quick-xml tokenize every decode is compared
//! with.
//!
//! The bench root declares `#[path = "../tests/support/mod.rs"] mod support;` before
//! `mod common;`.

// Each bench binary uses its own part of this module.
#![allow(dead_code)]

use crate::support::php::{PEER_SID, PhpPeer, PhpServer, rows_sid};
use crate::support::{reseller, soap};
use generated_client::Error;
use generated_client::interserver::{ArraySqlRowVps, BuyVpsResultStatus};
use generated_client::resellerclub::enterpriseemail::RenewResponse;
use generated_client::runtime::Response;
use generated_client::runtime::soap::{Operation, Style, Use, Version};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::time::Instant;

/// The row counts the decode benchmarks use.
pub const ROW_COUNTS: [usize; 3] = [10, 1_000, 10_000];

/// `api_vps_get_services`, as the generated client describes it (the generated statics are
/// private to their module; these mirror them field for field).
pub static VPS_GET_SERVICES: Operation = Operation {
    name: "api_vps_get_services",
    version: Version::V11,
    style: Style::Rpc,
    body_use: Use::Encoded,
    namespace: "urn:myapi",
    soap_action: "https://my.interserver.net/api.php/api_vps_get_services",
    request_element: "api_vps_get_services",
    response_element: "api_vps_get_servicesResponse",
    bare: false,
    parts: &[],
    types: &[],
    xsi_types: &[],
    all_parts: false,
    idempotent: false,
    address: "",
};

/// `api_api_buy_mail`, as the generated client describes it.
pub static BUY_MAIL: Operation = Operation {
    name: "api_api_buy_mail",
    version: Version::V11,
    style: Style::Rpc,
    body_use: Use::Encoded,
    namespace: "urn:myapi",
    soap_action: "https://my.interserver.net/api.php/api_api_buy_mail",
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

/// A short name for a peer, for benchmark ids.
pub fn server_name(server: PhpServer) -> &'static str {
    match server {
        PhpServer::ExtSoap => "ext-soap",
        PhpServer::Nusoap => "nusoap",
        PhpServer::NusoapUtf8 => "nusoap-utf8",
    }
}

/// A single-threaded runtime for the peers' async helpers.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(future)
}

/// One SOAP call to a running peer, answered as the transport would hand it over.
pub fn soap_answer(peer: &PhpPeer, operation: &str, parts: &[(&str, &str)]) -> Response {
    let raw = block_on(soap::call(peer, operation, parts));
    Response {
        status: raw.status,
        headers: raw.headers,
        body: raw.body,
    }
}

/// `api_vps_get_services` with `rows` rows from `peer`, checked to decode to those rows.
pub fn services_answer(peer: &PhpPeer, rows: usize) -> Response {
    let started = Instant::now();
    let answer = soap_answer(peer, "api_vps_get_services", &[("sid", &rows_sid(rows))]);
    let decoded = decode_services(&answer)
        .unwrap_or_else(|e| panic!("{:?}: {rows} rows do not decode: {e}", peer.kind()));
    assert_eq!(decoded.len(), rows, "{:?}", peer.kind());
    assert_eq!(
        decoded.first().and_then(|row| row.vps_id.value().copied()),
        (rows > 0).then_some(1001)
    );
    eprintln!(
        "{}: {rows} rows, {} bytes, fetched in {:.1} s",
        server_name(peer.kind()),
        answer.body.len(),
        started.elapsed().as_secs_f64()
    );
    answer
}

/// A successful `api_api_buy_mail` answer from `peer`, checked to decode.
pub fn buy_mail_answer(peer: &PhpPeer) -> Response {
    let answer = soap_answer(
        peer,
        "api_api_buy_mail",
        &[("sid", PEER_SID), ("coupon", "ok-bench")],
    );
    let decoded = decode_buy_mail(&answer)
        .unwrap_or_else(|e| panic!("{:?}: buy_mail does not decode: {e}", peer.kind()));
    assert_eq!(
        decoded.status.value().map(String::as_str),
        Some("ok"),
        "{:?}",
        peer.kind()
    );
    answer
}

/// Our decoder into the generated type.
pub fn decode_services(answer: &Response) -> Result<ArraySqlRowVps, Error> {
    generated_client::runtime::soap::decode_response(&VPS_GET_SERVICES, answer)
}

/// Our decoder into the generated type.
pub fn decode_buy_mail(answer: &Response) -> Result<BuyVpsResultStatus, Error> {
    generated_client::runtime::soap::decode_response(&BUY_MAIL, answer)
}

/// The bytes the tokenize baseline reads: the body itself when it is UTF-8, its UTF-8
/// transcoding when it is ISO-8859-1 (NuSOAP's default; quick-xml reads UTF-8 only). Our
/// decoder transcodes inside its timing, the baseline outside.
pub fn tokenize_input(answer: &Response) -> Vec<u8> {
    let latin1 = answer.headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("content-type")
            && value.to_ascii_lowercase().contains("charset=iso-8859-1")
    });
    if latin1 {
        let text: String = answer.body.iter().map(|&b| char::from(b)).collect();
        text.into_bytes()
    } else {
        answer.body.clone()
    }
}

/// The baseline: quick-xml's borrowing `Reader` over the bytes, every event read and
/// dropped (no namespaces, no unescaping, no UTF-8 check of text). Returns the event count.
pub fn tokenize(xml: &[u8]) -> usize {
    let mut reader = Reader::from_reader(xml);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return events,
            Ok(_) => events += 1,
            Err(e) => panic!("the answer is not well-formed XML: {e}"),
        }
    }
}

/// ResellerClub's renew answer (with invoice details) from the ResellerClub peer.
pub fn renew_answer() -> Response {
    let peer = reseller::ResellerPeer::start();
    let form = reseller::form_encode(&[
        ("auth-userid", reseller::AUTH_USERID),
        ("api-key", reseller::API_KEY),
        ("order-id", "4242"),
        ("months", "12"),
        ("auto-renew", "false"),
        ("invoice-option", "PayInvoice"),
    ]);
    let raw = block_on(crate::support::http::post(
        peer.addr(),
        reseller::RENEW_PATH,
        "application/x-www-form-urlencoded",
        &[],
        form.as_bytes(),
    ));
    let answer = Response {
        status: raw.status,
        headers: raw.headers,
        body: raw.body,
    };
    let renewal: RenewResponse = generated_client::runtime::http::decode_response(answer.clone())
        .unwrap_or_else(|e| panic!("the renew answer does not decode: {e}"));
    assert_eq!(renewal.entityid.value(), Some(&4242));
    answer
}

/// A ResellerClub search page of `orders` orders, shaped as the vendor documents it
/// (`{"1": {"orders.orderid": "…", …}, …, "recsonpage": "…", "recsindb": "…"}`, every value
/// a string).
pub fn search_page(orders: usize) -> Response {
    let mut page = serde_json::Map::new();
    for i in 1..=orders {
        let id = (500_000 + i).to_string();
        let status = if i % 7 == 0 { "InActive" } else { "Active" };
        page.insert(
            i.to_string(),
            serde_json::json!({
                "orders.orderid": id,
                "entity.entityid": id,
                "entity.description": format!("mail{i}.example.com"),
                "entity.currentstatus": status,
                "entity.customerid": (10_000 + i % 97).to_string(),
                "entitytype.entitytypekey": "enterpriseemailus",
                "orders.creationtime": (1_700_000_000 + i).to_string(),
                "orders.endtime": (1_731_536_000 + i).to_string(),
            }),
        );
    }
    page.insert("recsonpage".to_owned(), orders.to_string().into());
    page.insert("recsindb".to_owned(), (orders * 3).to_string().into());
    Response {
        status: 200,
        headers: vec![(
            "Content-Type".to_owned(),
            "application/json;charset=UTF-8".to_owned(),
        )],
        body: serde_json::to_vec(&serde_json::Value::Object(page)).expect("JSON serializes"),
    }
}
