//! Tests of the SOAP wire code through the public surface, with canned responses
//! (`tests/fixtures/soap/`) and an in-memory transport.

use super::*;
use crate::runtime::transport::{BoxFuture, TransportError};
use crate::runtime::{Answer, BusinessError, Decimal, Fault, Lenient, UnixTime, Value};
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

mod wire;

use wire::body_elements;

/// Answers every request with one canned response and keeps the requests.
struct Canned {
    response: Response,
    requests: Mutex<Vec<Request>>,
}

impl Transport for Canned {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        if let Ok(mut requests) = self.requests.lock() {
            requests.push(request);
        }
        let response = self.response.clone();
        Box::pin(async move { Ok(response) })
    }
}

fn response(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
    Response {
        status,
        headers: vec![("content-type".to_owned(), content_type.to_owned())],
        body: body.into(),
    }
}

fn canned_client(response: Response) -> (Client, Arc<Canned>) {
    let transport = Arc::new(Canned {
        response,
        requests: Mutex::new(Vec::new()),
    });
    (
        Client::new("https://my.interserver.net/api.php", transport.clone()),
        transport,
    )
}

fn sent(transport: &Canned) -> Request {
    transport
        .requests
        .lock()
        .unwrap()
        .pop()
        .expect("a request was sent")
}

fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/soap")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn ok_xml(body: impl Into<Vec<u8>>) -> Response {
    response(200, "text/xml; charset=utf-8", body)
}

/// An rpc/encoded response wrapping `part` (markup) in the usual NuSOAP envelope.
fn rpc_response(part: &str) -> Response {
    ok_xml(format!(
        "<?xml version=\"1.0\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" \
         xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:tns=\"urn:myapi\"><SOAP-ENV:Body>\
         <ns1:opResponse xmlns:ns1=\"urn:myapi\">{part}</ns1:opResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>"
    ))
}

static BUY_MAIL: Operation = Operation {
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

static GET_SERVICES: Operation = Operation {
    name: "api_vps_get_services",
    request_element: "api_vps_get_services",
    response_element: "api_vps_get_servicesResponse",
    idempotent: true,
    ..BUY_MAIL
};

static IN_BAND_ERROR: InBandError = InBandError {
    status_field: "status",
    error_values: &["error", "failed"],
    message_fields: &["message", "status_text"],
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "buy_vps_result_status")]
struct BuyVpsResultStatus {
    status: String,
    status_text: String,
    invoices: String,
    cost: f64,
}

impl Answer for BuyVpsResultStatus {}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct VpsService {
    vps_id: i32,
    vps_hostname: String,
    vps_status: String,
}

impl Answer for VpsService {}

/// Through the public entry point, which is what `Call::send` does after the transport; an
/// unknown outcome (most operations here place orders) is unwrapped to what went wrong.
fn decode<T: Answer>(op: &Operation, response: &Response) -> Result<T, Error> {
    super::decode_response(op, response).map_err(|error| match error {
        Error::OutcomeUnknown { cause, .. } => *cause,
        other => other,
    })
}

// ---- requests ----

#[tokio::test]
async fn rpc_encoded_request_is_exact() {
    let (client, transport) = canned_client(response(200, "text/xml", fixture("buy_mail_php.xml")));
    let sid = Secret::new("s3ss10n");
    let mut call = client.call(&BUY_MAIL);
    call.arg("sid", XsiType::xsd("string"), sid.expose())
        .unwrap();
    call.arg("coupon", XsiType::xsd("string"), "A&B <10%>")
        .unwrap();
    let answer = call
        .send_checked::<BuyVpsResultStatus>(&IN_BAND_ERROR)
        .await
        .unwrap();
    assert_eq!(answer.status_text, "Order placed");

    let request = sent(&transport);
    assert_eq!(
        String::from_utf8(request.body.clone()).unwrap(),
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" ",
            "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
            "xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:ns1=\"urn:myapi\">",
            "<SOAP-ENV:Body><ns1:api_api_buy_mail SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">",
            "<sid xsi:type=\"xsd:string\">s3ss10n</sid><coupon xsi:type=\"xsd:string\">A&amp;B &lt;10%&gt;</coupon>",
            "</ns1:api_api_buy_mail></SOAP-ENV:Body></SOAP-ENV:Envelope>"
        )
    );
    assert_eq!(request.url, "https://my.interserver.net/api.php");
    assert_eq!(request.method, Method::Post);
    assert!(!request.idempotent);
    assert_eq!(
        header(&request, "Content-Type"),
        Some("text/xml; charset=utf-8")
    );
    assert_eq!(
        header(&request, "SOAPAction"),
        Some("\"https://my.interserver.net/api.php/api_api_buy_mail\"")
    );
}

static RENEW_DOC: Operation = Operation {
    name: "Renew",
    version: Version::V11,
    style: Style::Document,
    body_use: Use::Literal,
    namespace: "http://example.com/hosting",
    soap_action: "http://example.com/hosting/Renew",
    request_element: "RenewRequest",
    response_element: "RenewResponse",
    bare: false,
    parts: &[],
    types: &[],
    xsi_types: &[],
    all_parts: false,
    idempotent: false,
    address: "",
};

/// A JAX-WS style schema without `elementFormDefault`: the parts are in no namespace.
#[tokio::test]
async fn document_literal_unqualified_parts_are_in_no_namespace() {
    static ADD: Operation = Operation {
        name: "add",
        request_element: "add",
        response_element: "addResponse",
        parts: &[ElementSpec {
            name: "a",
            namespace: "",
            items: None,
        }],
        ..RENEW_DOC
    };
    let answer = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>\
        <ns2:addResponse xmlns:ns2=\"http://example.com/hosting\"><return>3</return>\
        </ns2:addResponse></S:Body></S:Envelope>";
    let (client, transport) = canned_client(ok_xml(answer));
    let mut call = client.call(&ADD);
    call.arg("a", XsiType::xsd("int"), &1i32).unwrap();
    #[derive(Debug, PartialEq, Deserialize)]
    struct AddResponse {
        r#return: i32,
    }

    impl Answer for AddResponse {}
    let sum: AddResponse = call.send().await.unwrap();
    assert_eq!(sum, AddResponse { r#return: 3 });
    assert_eq!(
        body_elements(&sent(&transport).body),
        ["{http://example.com/hosting}add", "  {}a = 1"]
    );
}

#[derive(Debug, PartialEq, Deserialize)]
struct RenewResponse {
    #[serde(rename = "orderId")]
    order_id: i64,
    expires: UnixTime,
    price: Decimal,
}

impl Answer for RenewResponse {}

#[tokio::test]
async fn document_literal_request_and_response() {
    let answer = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>\
        <RenewResponse xmlns=\"http://example.com/hosting\"><orderId>77</orderId>\
        <expires>1700000000</expires><price>10.10</price></RenewResponse></soap:Body></soap:Envelope>";
    let (client, transport) = canned_client(ok_xml(answer));
    let mut call = client.call(&RENEW_DOC);
    call.arg("orderId", XsiType::xsd("long"), &77i64).unwrap();
    call.arg("years", XsiType::xsd("int"), &2i32).unwrap();
    call.arg("note", XsiType::xsd("string"), &None::<String>)
        .unwrap();
    let renewed: RenewResponse = call.send().await.unwrap();
    assert_eq!(
        renewed,
        RenewResponse {
            order_id: 77,
            expires: UnixTime::from_second(1700000000).unwrap(),
            price: "10.10".parse::<Decimal>().unwrap()
        }
    );

    let request = sent(&transport);
    assert_eq!(
        String::from_utf8(request.body.clone()).unwrap(),
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" ",
            "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
            "xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:ns1=\"http://example.com/hosting\">",
            "<SOAP-ENV:Body><RenewRequest xmlns=\"http://example.com/hosting\">",
            "<orderId>77</orderId><years>2</years><note xsi:nil=\"true\"/>",
            "</RenewRequest></SOAP-ENV:Body></SOAP-ENV:Envelope>"
        )
    );
    assert_eq!(
        header(&request, "SOAPAction"),
        Some("\"http://example.com/hosting/Renew\"")
    );
}

static STATUS_12: Operation = Operation {
    name: "getStatus",
    version: Version::V12,
    style: Style::Rpc,
    body_use: Use::Encoded,
    namespace: "urn:status",
    soap_action: "urn:status#getStatus",
    request_element: "getStatus",
    response_element: "getStatusResponse",
    bare: false,
    parts: &[],
    types: &[],
    xsi_types: &[],
    all_parts: false,
    idempotent: true,
    address: "",
};

#[tokio::test]
async fn soap12_request_and_response() {
    let answer = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" \
        xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\
        <env:Body><m:getStatusResponse xmlns:m=\"urn:status\"><m:result xsi:type=\"xs:boolean\">1</m:result>\
        </m:getStatusResponse></env:Body></env:Envelope>";
    let (client, transport) = canned_client(response(200, "application/soap+xml", answer));
    let mut call = client.call(&STATUS_12);
    call.arg(
        "ids",
        XsiType {
            namespace: "urn:status",
            name: "IdList",
        },
        &vec![3i32, 4],
    )
    .unwrap();
    assert!(call.send::<bool>().await.unwrap());

    let request = sent(&transport);
    assert_eq!(
        String::from_utf8(request.body.clone()).unwrap(),
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\" ",
            "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
            "xmlns:SOAP-ENC=\"http://www.w3.org/2003/05/soap-encoding\" xmlns:ns1=\"urn:status\">",
            "<SOAP-ENV:Body><ns1:getStatus SOAP-ENV:encodingStyle=\"http://www.w3.org/2003/05/soap-encoding\">",
            "<ids xsi:type=\"ns1:IdList\" SOAP-ENC:itemType=\"xsd:int\" SOAP-ENC:arraySize=\"2\">",
            "<item xsi:type=\"xsd:int\">3</item><item xsi:type=\"xsd:int\">4</item></ids>",
            "</ns1:getStatus></SOAP-ENV:Body></SOAP-ENV:Envelope>"
        )
    );
    assert!(request.idempotent);
    assert_eq!(
        header(&request, "Content-Type"),
        Some("application/soap+xml; charset=utf-8; action=\"urn:status#getStatus\"")
    );
    assert_eq!(header(&request, "SOAPAction"), None);
}

#[tokio::test]
async fn rpc_literal_parts_carry_no_types() {
    static OP: Operation = Operation {
        body_use: Use::Literal,
        ..BUY_MAIL
    };
    let (client, transport) = canned_client(rpc_response("<return>ok</return>"));
    let mut call = client.call(&OP);
    call.arg("sid", XsiType::xsd("string"), "x").unwrap();
    assert_eq!(call.send::<String>().await.unwrap(), "ok");
    let body = String::from_utf8(sent(&transport).body).unwrap();
    assert!(
        body.contains("<SOAP-ENV:Body><ns1:api_api_buy_mail><sid>x</sid></ns1:api_api_buy_mail>"),
        "{body}"
    );
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "note")]
struct Note {
    title: String,
    tags: Vec<String>,
    score: Option<f64>,
}

impl Answer for Note {}

#[tokio::test]
async fn escaping_and_non_ascii_round_trip() {
    let note = Note {
        title: "<b>é ü 日本 & 'q' \"dq\" ]]> tab\there\r\nline</b> 🦀".to_owned(),
        tags: vec!["a&b".to_owned(), "]]>".to_owned(), String::new()],
        score: None,
    };
    let (client, transport) = canned_client(ok_xml("irrelevant"));
    let mut call = client.call(&BUY_MAIL);
    call.arg(
        "note",
        XsiType {
            namespace: "urn:myapi",
            name: "note",
        },
        &note,
    )
    .unwrap();
    let _ = call.send::<String>().await;
    // The request, read back as if it were the answer, gives the same value.
    let request = sent(&transport);
    assert!(!String::from_utf8_lossy(&request.body).contains("]]>"));
    let echoed: Note = decode(&BUY_MAIL, &ok_xml(request.body)).unwrap();
    assert_eq!(echoed, note);
}

#[test]
fn arg_refuses_unencodable_values_without_echoing_them() {
    let (client, _) = canned_client(ok_xml(""));
    let mut call = client.call(&BUY_MAIL);
    call.arg("sid", XsiType::xsd("string"), "ok").unwrap();
    let Err(Error::InvalidRequest { message }) =
        call.arg("password", XsiType::xsd("string"), "hunter2\u{0}")
    else {
        panic!("expected InvalidRequest");
    };
    assert!(
        message.contains("password") && message.contains("U+0000"),
        "{message}"
    );
    assert!(!message.contains("hunter2"), "{message}");
    // The failed part left nothing behind.
    assert_eq!(call.body, b"<sid xsi:type=\"xsd:string\">ok</sid>");
}

#[test]
fn calls_can_be_sent_from_any_thread() {
    fn assert_send<T: Send>(_: &T) {}
    let (client, _) = canned_client(ok_xml(""));
    assert_send(&client.call(&BUY_MAIL).send::<String>());
    assert_send(
        &client
            .call(&BUY_MAIL)
            .send_checked::<BuyVpsResultStatus>(&IN_BAND_ERROR),
    );
}

// ---- decoding ----

#[test]
fn php_soapserver_struct_with_prefixed_children() {
    let answer: BuyVpsResultStatus = decode(
        &BUY_MAIL,
        &response(200, "text/xml", fixture("buy_mail_php.xml")),
    )
    .unwrap();
    assert_eq!(
        answer,
        BuyVpsResultStatus {
            status: "ok".into(),
            status_text: "Order placed".into(),
            invoices: "99".into(),
            cost: 12.0
        }
    );
}

#[test]
fn nusoap_struct_in_iso_8859_1() {
    let body = fixture("buy_mail_nusoap_latin1.xml");
    let expected = BuyVpsResultStatus {
        status: "ok".into(),
        status_text: "Commande passée & facturée".into(),
        invoices: "1234,1235".into(),
        cost: 5.5,
    };
    // Charset from the XML declaration, and from the header.
    assert_eq!(
        decode::<BuyVpsResultStatus>(&BUY_MAIL, &response(200, "text/xml", body.clone())).unwrap(),
        expected
    );
    let header = response(200, "text/xml; charset=ISO-8859-1", body);
    assert_eq!(
        decode::<BuyVpsResultStatus>(&BUY_MAIL, &header).unwrap(),
        expected
    );
}

#[test]
fn soap_enc_arrays_of_three_one_and_none() {
    let three: Vec<VpsService> = decode(&GET_SERVICES, &ok_xml(fixture("services_3.xml"))).unwrap();
    assert_eq!(three.len(), 3);
    assert_eq!(
        three[2],
        VpsService {
            vps_id: 3,
            vps_hostname: "vps3.example.com".into(),
            vps_status: "active".into()
        }
    );
    let one: Vec<VpsService> = decode(&GET_SERVICES, &ok_xml(fixture("services_1.xml"))).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].vps_id, 1);
    let none: Vec<VpsService> = decode(&GET_SERVICES, &ok_xml(fixture("services_0.xml"))).unwrap();
    assert!(none.is_empty());
    let value: Value = decode(&GET_SERVICES, &ok_xml(fixture("services_1.xml"))).unwrap();
    assert_eq!(
        value,
        Value::List(vec![Value::Map(vec![
            (Value::String("vps_id".into()), Value::Int(1)),
            (
                Value::String("vps_hostname".into()),
                Value::String("vps1.example.com".into())
            ),
            (
                Value::String("vps_status".into()),
                Value::String("active".into())
            ),
        ])])
    );
}

#[test]
fn apache_map_into_pairs_and_value() {
    let body = fixture("apache_map.xml");
    let pairs: Vec<(String, Value)> = decode(&GET_SERVICES, &ok_xml(body.clone())).unwrap();
    let expected = vec![
        ("vps".to_owned(), Value::Int(3)),
        ("enabled".to_owned(), Value::Bool(true)),
        ("price".to_owned(), Value::Float(9.95)),
        ("none".to_owned(), Value::Null),
        (
            "tags".to_owned(),
            Value::List(vec![Value::String("a".into()), Value::String("b".into())]),
        ),
    ];
    assert_eq!(pairs, expected);
    let value: Value = decode(&GET_SERVICES, &ok_xml(body)).unwrap();
    let Value::Map(entries) = value else {
        panic!("{value:?}")
    };
    let as_pairs: Vec<(String, Value)> = entries
        .into_iter()
        .map(|(k, v)| match k {
            Value::String(k) => (k, v),
            other => panic!("key {other:?}"),
        })
        .collect();
    assert_eq!(as_pairs, expected);
}

#[test]
fn pairs_from_plain_children_and_untyped_map_items() {
    let plain = rpc_response("<return><a>1</a><b>two</b></return>");
    let pairs: Vec<(String, String)> = decode(&BUY_MAIL, &plain).unwrap();
    assert_eq!(
        pairs,
        [
            ("a".to_owned(), "1".to_owned()),
            ("b".to_owned(), "two".to_owned())
        ]
    );
    let items = rpc_response("<return><item><key>k</key><value>v</value></item></return>");
    let pairs: Vec<(String, String)> = decode(&BUY_MAIL, &items).unwrap();
    assert_eq!(pairs, [("k".to_owned(), "v".to_owned())]);
}

#[derive(Debug, PartialEq, Deserialize)]
struct Inner {
    a: i32,
    b: String,
}

impl Answer for Inner {}

#[derive(Debug, PartialEq, Deserialize)]
struct NilRules {
    text: String,
    list: Vec<String>,
    maybe: Option<i32>,
    maybe_text: Option<String>,
    #[serde(default)]
    int: Lenient<i32>,
    #[serde(default)]
    flag: Lenient<bool>,
    #[serde(default)]
    real: Lenient<f64>,
    #[serde(default)]
    money: Lenient<Decimal>,
    #[serde(default)]
    when: Lenient<UnixTime>,
    #[serde(default)]
    blank_int: Lenient<i64>,
    #[serde(default)]
    blank_bool: Lenient<bool>,
    #[serde(default)]
    blank_text: Lenient<String>,
    #[serde(default)]
    inner: Lenient<LenientInner>,
    #[serde(default)]
    missing: Lenient<Decimal>,
    #[serde(default)]
    bad_money: Lenient<Decimal>,
    #[serde(default)]
    bad_inner: Lenient<Inner>,
    after: String,
}

#[derive(Debug, PartialEq, Deserialize)]
struct LenientInner {
    #[serde(default)]
    a: Lenient<i32>,
}

impl Answer for NilRules {}

#[test]
fn nil_and_blank_are_absent_never_a_made_up_value() {
    let part = "<return xsi:type=\"tns:nil_rules\">\
        <text xsi:nil=\"true\"/><int xsi:nil=\"true\" xsi:type=\"xsd:int\"/><flag xsi:nil=\"1\"/>\
        <real xsi:nil=\"true\"/><list xsi:nil=\"true\"/><maybe xsi:nil=\"true\"/>\
        <maybe_text>x</maybe_text><inner xsi:nil=\"true\"/><money xsi:nil=\"true\"/>\
        <when xsi:nil=\"true\"/><blank_int xsi:type=\"xsd:int\"> </blank_int><blank_bool/>\
        <blank_text/><bad_money xsi:type=\"xsd:float\">1,234.50</bad_money>\
        <bad_inner><a>x<deep>y</deep></a><b>z</b></bad_inner><after>kept</after></return>";
    let decoded: NilRules = decode(&BUY_MAIL, &rpc_response(part)).unwrap();
    assert_eq!(
        decoded,
        NilRules {
            text: String::new(),
            list: Vec::new(),
            maybe: None,
            maybe_text: Some("x".into()),
            int: Lenient::Absent,
            flag: Lenient::Absent,
            real: Lenient::Absent,
            money: Lenient::Absent,
            when: Lenient::Absent,
            blank_int: Lenient::Absent,
            blank_bool: Lenient::Absent,
            blank_text: Lenient::Value(String::new()),
            inner: Lenient::Absent,
            missing: Lenient::Absent,
            bad_money: Lenient::Unreadable("1,234.50".into()),
            bad_inner: Lenient::Unreadable("<a>x<deep>y</deep></a><b>z</b>".into()),
            after: "kept".into(),
        }
    );
    let value: Value = decode(&BUY_MAIL, &rpc_response("<return xsi:nil=\"true\"/>")).unwrap();
    assert_eq!(value, Value::Null);
}

#[test]
fn strict_numbers_refuse_nil_and_blank() {
    for part in [
        "<return xsi:nil=\"true\" xsi:type=\"xsd:int\"/>",
        "<return xsi:type=\"xsd:int\"> </return>",
    ] {
        let error = decode::<i32>(&BUY_MAIL, &rpc_response(part)).unwrap_err();
        assert!(matches!(error, Error::Decode { .. }), "{part}: {error:?}");
    }
    let error = decode::<bool>(&BUY_MAIL, &rpc_response("<return/>")).unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
}

#[test]
fn exact_amounts_keep_every_digit() {
    for (text, expected) in [
        ("10.50", "10.50"),
        ("12345678901234567.89", "12345678901234567.89"),
        ("0.1", "0.1"),
        ("5", "5"),
    ] {
        let part = format!("<return xsi:type=\"xsd:float\">{text}</return>");
        let amount: Decimal = decode(&BUY_MAIL, &rpc_response(&part)).unwrap();
        assert_eq!(amount.to_string(), expected);
    }
}

#[test]
fn missing_fields_and_bad_numbers_are_named() {
    let Err(Error::Decode { message, body }) =
        decode::<Inner>(&BUY_MAIL, &rpc_response("<return><b>x</b></return>"))
    else {
        panic!("expected a decode error");
    };
    assert_eq!(message, "return: missing field `a`");
    assert!(body.contains("<b>x</b>"));
    let Err(Error::Decode { message, .. }) = decode::<Vec<Inner>>(
        &BUY_MAIL,
        &rpc_response("<return><item><a>1</a><b/></item><item><a>x1</a><b/></item></return>"),
    ) else {
        panic!("expected a decode error");
    };
    assert_eq!(message, "return/item[1]/a: invalid integer \"x1\"");
    let Err(Error::Decode { message, .. }) =
        decode::<String>(&BUY_MAIL, &rpc_response("<return><a>1</a></return>"))
    else {
        panic!("expected a decode error");
    };
    assert_eq!(message, "return: expected text, found element <a>");
}

#[test]
fn lenient_scalars() {
    let part = "<return><a> 12 </a><b>TRUE</b><c>0</c><d>-1.5e2</d><e> 10.10 </e></return>";
    #[derive(Debug, PartialEq, Deserialize)]
    struct Scalars {
        a: i64,
        b: bool,
        c: bool,
        d: f64,
        e: Decimal,
    }

    impl Answer for Scalars {}
    let decoded: Scalars = decode(&BUY_MAIL, &rpc_response(part)).unwrap();
    assert_eq!(
        decoded,
        Scalars {
            a: 12,
            b: true,
            c: false,
            d: -150.0,
            e: "10.10".parse::<Decimal>().unwrap()
        }
    );
    let Err(Error::Decode { message, .. }) =
        decode::<bool>(&BUY_MAIL, &rpc_response("<return>yes</return>"))
    else {
        panic!("expected a decode error");
    };
    assert_eq!(message, "return: invalid boolean \"yes\"");
}

/// XSD's time, binary and unsigned types read as typed values; text that is not one is kept
/// as `Unreadable`, never turned into a made-up value.
#[test]
fn xsd_times_binary_and_unsigned_read_leniently() {
    use crate::runtime::{Base64, Date, DateTime, Duration, HexBinary, Time};
    #[derive(Debug, Deserialize)]
    struct Typed {
        at: Lenient<DateTime>,
        day: Lenient<Date>,
        clock: Lenient<Time>,
        span: Lenient<Duration>,
        blob: Lenient<Base64>,
        sum: Lenient<HexBinary>,
        big: Lenient<u64>,
        bad_day: Lenient<Date>,
        empty_blob: Lenient<Base64>,
        negative: Lenient<u32>,
    }
    impl Answer for Typed {}
    let part = "<return><at>2024-05-01T10:30:00Z</at><day>2024-05-01</day><clock>13:20:00</clock>\
        <span>P1DT2H</span><blob>aGk=</blob><sum>0fA0</sum><big>18446744073709551615</big>\
        <bad_day>01/05/2024</bad_day><empty_blob/><negative>-1</negative></return>";
    let typed: Typed = decode(&BUY_MAIL, &rpc_response(part)).unwrap();
    assert_eq!(
        typed.at.value().and_then(DateTime::timestamp),
        Some("2024-05-01T10:30:00Z".parse().unwrap())
    );
    assert_eq!(
        typed.day.value().map(ToString::to_string).as_deref(),
        Some("2024-05-01")
    );
    assert_eq!(
        typed.clock.value().map(ToString::to_string).as_deref(),
        Some("13:20:00")
    );
    assert_eq!(
        typed.span.value().map(ToString::to_string).as_deref(),
        Some("P1DT2H")
    );
    assert_eq!(typed.blob.value().map(|b| b.to_vec()), Some(b"hi".to_vec()));
    assert_eq!(
        typed.sum.value().map(|b| b.to_vec()),
        Some(vec![0x0f, 0xa0])
    );
    assert_eq!(typed.big, Lenient::Value(u64::MAX));
    assert_eq!(typed.bad_day.unreadable(), Some("01/05/2024"));
    // Empty base64 text is a valid value in XSD: zero bytes, as an empty string is "".
    assert_eq!(typed.empty_blob, Lenient::Value(Base64(Vec::new())));
    assert_eq!(typed.negative.unreadable(), Some("-1"));
}

#[test]
fn value_types_text_by_xsi_type() {
    let part = "<return xsi:type=\"tns:array\"><i xsi:type=\"xsd:long\">-4</i><b xsi:type=\"xsd:boolean\">false</b>\
        <f xsi:type=\"xsd:decimal\">1.25</f><s xsi:type=\"xsd:string\">007</s><u>plain</u>\
        <bad xsi:type=\"xsd:int\">n/a</bad><empty xsi:type=\"tns:thing\"/><same>1</same><same>2</same></return>";
    let value: Value = decode(&BUY_MAIL, &rpc_response(part)).unwrap();
    let key = |k: &str| Value::String(k.to_owned());
    assert_eq!(
        value,
        Value::Map(vec![
            (key("i"), Value::Int(-4)),
            (key("b"), Value::Bool(false)),
            (key("f"), Value::Float(1.25)),
            (key("s"), Value::String("007".into())),
            (key("u"), Value::String("plain".into())),
            (key("bad"), Value::String("n/a".into())),
            (key("empty"), Value::Map(Vec::new())),
            (key("same"), Value::String("1".into())),
            (key("same"), Value::String("2".into())),
        ])
    );
}

#[derive(Debug, PartialEq, Deserialize)]
struct Line {
    sku: String,
    qty: i32,
}

impl Answer for Line {}

#[derive(Debug, PartialEq, Deserialize)]
struct Order {
    id: i64,
    lines: Vec<Line>,
    owner: Line,
}

impl Answer for Order {}

#[test]
fn axis_multirefs_are_followed() {
    static GET_ORDER: Operation = Operation {
        namespace: "urn:orders",
        ..BUY_MAIL
    };
    let order: Order = decode(&GET_ORDER, &ok_xml(fixture("axis_multiref.xml"))).unwrap();
    assert_eq!(
        order,
        Order {
            id: 42,
            lines: vec![
                Line {
                    sku: "A-1".into(),
                    qty: 2
                },
                Line {
                    sku: "B-2".into(),
                    qty: 1
                }
            ],
            owner: Line {
                sku: "A-1".into(),
                qty: 2
            },
        }
    );
}

#[test]
fn dangling_href_is_an_error() {
    let Err(Error::Decode { message, .. }) =
        decode::<Inner>(&BUY_MAIL, &rpc_response("<return href=\"#nope\"/>"))
    else {
        panic!("expected a decode error");
    };
    assert_eq!(message, "return: href #nope has no element with that id");
}

#[test]
fn rpc_wrapper_without_a_part() {
    let empty = rpc_response("");
    decode::<()>(&BUY_MAIL, &empty).unwrap();
    assert_eq!(decode::<Option<String>>(&BUY_MAIL, &empty).unwrap(), None);
    let Err(Error::Decode { message, .. }) = decode::<String>(&BUY_MAIL, &empty) else {
        panic!("expected a decode error");
    };
    assert_eq!(message, "the response <opResponse> has no return part");
}

// ---- faults and statuses ----

fn fault_of(result: Result<String, Error>) -> Fault {
    match result {
        Err(Error::Fault(fault)) => *fault,
        other => panic!("expected a fault, got {other:?}"),
    }
}

#[test]
fn nusoap_fault_with_typed_children() {
    let body = fixture("fault_nusoap.xml");
    let fault = fault_of(decode(
        &BUY_MAIL,
        &response(500, "text/xml; charset=ISO-8859-1", body),
    ));
    assert_eq!(fault.code, "SOAP-ENV:Client");
    assert_eq!(
        fault.string,
        "Operation 'api_nope' is not defined in the WSDL for this service"
    );
    assert_eq!((fault.actor, fault.detail), (None, None));
    assert_eq!(fault.http_status, 500);
    assert!(fault.body.contains("SOAP-ENV:Fault"));
}

#[test]
fn php_fault_untyped_with_detail_markup() {
    // A fault is a fault whatever the status.
    let fault = fault_of(decode(
        &BUY_MAIL,
        &response(200, "text/xml", fixture("fault_php.xml")),
    ));
    assert_eq!(
        fault,
        Fault {
            code: "SOAP-ENV:Server".into(),
            string: "Invalid session".into(),
            actor: Some("https://my.interserver.net/api.php".into()),
            detail: Some("<reason>expired</reason><since>2024-01-01</since>".into()),
            http_status: 200,
            body: String::from_utf8(fixture("fault_php.xml")).unwrap(),
        }
    );
}

#[test]
fn soap12_fault() {
    let fault = fault_of(decode(
        &STATUS_12,
        &response(500, "application/soap+xml", fixture("fault_12.xml")),
    ));
    assert_eq!(fault.code, "env:Sender");
    assert_eq!(fault.string, "Sender Timeout");
    assert_eq!(fault.actor.as_deref(), Some("http://example.org/role"));
    assert_eq!(fault.detail.as_deref(), Some("<m:MaxTime>P5M</m:MaxTime>"));
}

#[test]
fn http_500_without_a_fault_is_an_http_error_and_an_unknown_outcome() {
    let page = "<br />\n<b>Fatal error</b>:  Allowed memory size exhausted in <b>api.php</b>";
    let success = String::from_utf8(fixture("buy_mail_php.xml")).unwrap();
    for body in ["", page, success.as_str()] {
        let answer = response(500, "text/html; charset=UTF-8", body);
        let error = decode::<String>(&BUY_MAIL, &answer).unwrap_err();
        assert!(
            matches!(&error, Error::Http { status: 500, body: kept } if kept == body),
            "{error:?}"
        );
        let error = super::decode_response::<String>(&BUY_MAIL, &answer).unwrap_err();
        assert!(error.is_outcome_unknown(), "{error:?}");
        assert_eq!(error.body(), Some(body));
    }
}

#[test]
fn other_statuses() {
    let denied = decode::<String>(
        &BUY_MAIL,
        &response(403, "text/html", b"Forbidden: IP \xff not allowed".to_vec()),
    );
    assert!(
        matches!(denied, Err(Error::AccessDenied { status: 403, ref body }) if body.contains("not allowed")),
        "{denied:?}"
    );
    let missing = decode::<String>(&BUY_MAIL, &response(404, "text/html", "<h1>Not Found</h1>"));
    assert!(
        matches!(missing, Err(Error::Http { status: 404, ref body }) if body == "<h1>Not Found</h1>")
    );
    let gateway = decode::<String>(&BUY_MAIL, &response(502, "text/html", ""));
    assert!(matches!(gateway, Err(Error::Http { status: 502, .. })));
}

#[test]
fn garbage_and_hostile_bodies() {
    let garbage = decode::<String>(
        &BUY_MAIL,
        &response(200, "text/plain", b"\x00\x01\xc3garbage".to_vec()),
    );
    let Err(Error::Decode { message, body }) = garbage else {
        panic!("{garbage:?}")
    };
    assert_eq!(message, "the body is not valid UTF-8 (byte 2)");
    assert_eq!(body, "\u{0}\u{1}\u{FFFD}garbage");
    let text = decode::<String>(&BUY_MAIL, &ok_xml("Fatal error: oops"));
    assert!(
        matches!(text, Err(Error::Decode { ref message, .. }) if message == "the body is not XML"),
        "{text:?}"
    );
    let html = decode::<String>(&BUY_MAIL, &ok_xml("<html><body>hi</body></html>"));
    assert!(
        matches!(html, Err(Error::Decode { ref message, .. }) if message == "the document is <html>, not a SOAP Envelope")
    );
    let truncated = decode::<String>(&BUY_MAIL, &ok_xml(&fixture("buy_mail_php.xml")[..300]));
    assert!(
        matches!(truncated, Err(Error::Decode { ref message, .. }) if message.starts_with("malformed XML")),
        "{truncated:?}"
    );

    let laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\
        <SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>\
        <r><return>&lol2;</return></r></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    let Err(Error::Decode { message, .. }) = decode::<String>(&BUY_MAIL, &ok_xml(laughs)) else {
        panic!("DOCTYPE accepted");
    };
    assert!(message.contains("DOCTYPE"), "{message}");

    let deep = format!(
        "<return>{}{}</return>",
        "<a>".repeat(300),
        "</a>".repeat(300)
    );
    let too_deep = decode::<Value>(&BUY_MAIL, &rpc_response(&deep));
    let Err(Error::Decode { message, .. }) = too_deep else {
        panic!("{too_deep:?}");
    };
    assert!(message.contains("deeper than 256"), "{message}");
}

#[test]
fn nesting_up_to_the_cap_decodes() {
    // Envelope, Body and the wrapper take three levels.
    let levels = 250;
    let deep = format!(
        "<return>{}x{}</return>",
        "<a>".repeat(levels),
        "</a>".repeat(levels)
    );
    let mut value: Value = decode(&BUY_MAIL, &rpc_response(&deep)).unwrap();
    let mut depth = 0;
    while let Value::Map(mut entries) = value {
        value = entries.pop().unwrap().1;
        depth += 1;
    }
    assert_eq!((depth, value), (levels, Value::String("x".into())));
}

// ---- in-band business errors ----

fn business<T: std::fmt::Debug>(result: Result<T, Error>) -> BusinessError {
    match result {
        Err(Error::Business(error)) => error,
        other => panic!("expected a business error, got {other:?}"),
    }
}

#[tokio::test]
async fn business_error_without_the_fields_the_type_requires() {
    let (client, _) = canned_client(ok_xml(fixture("business_error_partial.xml")));
    let mut call = client.call(&BUY_MAIL);
    call.arg("sid", XsiType::xsd("string"), "s").unwrap();
    let error = business(
        call.send_checked::<BuyVpsResultStatus>(&IN_BAND_ERROR)
            .await,
    );
    assert_eq!(
        (error.status.as_str(), error.message.as_str()),
        ("error", "Invalid coupon")
    );
    assert!(error.decoded::<BuyVpsResultStatus>().is_none());
    assert!(error.body.contains("Invalid coupon"));
    // Without the check it is a decode error, and the outcome of the order unknown.
    let (unchecked, _) = canned_client(ok_xml(fixture("business_error_partial.xml")));
    let plain = unchecked.call(&BUY_MAIL).send::<BuyVpsResultStatus>().await;
    let Err(Error::OutcomeUnknown { cause, .. }) = plain else {
        panic!("{plain:?}")
    };
    assert!(
        matches!(*cause, Error::Decode { ref message, .. } if message == "return: missing field `invoices`")
    );
}

#[test]
fn business_error_with_a_complete_answer_keeps_it() {
    let answer = ok_xml(fixture("business_error_complete.xml"));
    let error = business(super::response::decode_checked::<BuyVpsResultStatus>(
        &BUY_MAIL,
        &answer,
        &IN_BAND_ERROR,
    ));
    assert_eq!(
        (error.status.as_str(), error.message.as_str()),
        ("ERROR", "Not enough credit")
    );
    assert_eq!(
        error.decoded::<BuyVpsResultStatus>(),
        Some(&BuyVpsResultStatus {
            status: "ERROR".into(),
            status_text: "Not enough credit".into(),
            invoices: String::new(),
            cost: 0.0
        })
    );
}

#[test]
fn business_error_found_by_a_second_look() {
    // The output type is a string, so the decoder fails before any status field.
    let answer = rpc_response(
        "<return><status>failed</status><message></message><status_text>Out of stock</status_text></return>",
    );
    let error = business(super::response::decode_checked::<String>(
        &BUY_MAIL,
        &answer,
        &IN_BAND_ERROR,
    ));
    assert_eq!(
        (error.status.as_str(), error.message.as_str()),
        ("failed", "Out of stock")
    );
    assert!(error.decoded::<String>().is_none());
}

#[test]
fn success_passes_the_check() {
    let answer = response(
        200,
        "text/xml; charset=ISO-8859-1",
        fixture("buy_mail_nusoap_latin1.xml"),
    );
    let ok =
        super::response::decode_checked::<BuyVpsResultStatus>(&BUY_MAIL, &answer, &IN_BAND_ERROR);
    assert_eq!(ok.unwrap().status, "ok");
    let list = ok_xml(fixture("services_3.xml"));
    let services =
        super::response::decode_checked::<Vec<VpsService>>(&GET_SERVICES, &list, &IN_BAND_ERROR);
    assert_eq!(services.unwrap().len(), 3);
}

// ---- login ----

#[test]
fn session_from_login_refuses_empty_answers() {
    for answer in ["", "  \n"] {
        let Err(Error::Authentication { message }) = session_from_login(answer.to_owned()) else {
            panic!("accepted {answer:?}");
        };
        assert!(message.contains("empty session id"));
    }
    let session = session_from_login("abc123\n".to_owned()).unwrap();
    assert_eq!(session.expose(), "abc123");
    assert_eq!(format!("{session:?}"), "<redacted>");
}

/// NuSOAP's answer to a PHP function returning several values: every part of the wrapper.
#[test]
fn rpc_answer_with_several_parts_decodes_as_one_struct() {
    static STATEMENT: Operation = Operation {
        name: "statement",
        request_element: "statement",
        response_element: "statementResponse",
        all_parts: true,
        ..BUY_MAIL
    };
    #[derive(Debug, PartialEq, Deserialize)]
    struct Statement {
        status: String,
        balance: f64,
        msg: String,
    }

    impl Answer for Statement {}
    let answer = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" \
        xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><SOAP-ENV:Body>\
        <ns1:statementResponse xmlns:ns1=\"urn:acct\"><status xsi:type=\"xsd:string\">ok</status>\
        <balance xsi:type=\"xsd:double\">12.5</balance><msg xsi:type=\"xsd:string\"/>\
        </ns1:statementResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    let statement: Statement = decode_response(&STATEMENT, &ok_xml(answer)).unwrap();
    assert_eq!(
        statement,
        Statement {
            status: "ok".into(),
            balance: 12.5,
            msg: String::new()
        }
    );
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Reading {
    at: String,
    #[serde(with = "crate::runtime::soap::repeated", default)]
    flags: Vec<String>,
}

impl Answer for Reading {}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Readings {
    #[serde(with = "crate::runtime::soap::repeated", default)]
    values: Vec<i32>,
    label: String,
    #[serde(with = "crate::runtime::soap::repeated", default)]
    readings: Vec<Reading>,
}

impl Answer for Readings {}

/// JAX-WS and .NET write lists as repeated elements: the items are siblings, between other
/// fields or last in their parent, and a missing one is an empty list.
#[test]
fn repeated_elements_decode_as_lists() {
    let answer = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>\
        <ns2:readings xmlns:ns2=\"http://example.com/hosting\">\
        <values>1</values>\n<values>2</values><values>3</values><label>x</label>\
        <readings><at>a</at><flags>f1</flags><flags/></readings>\
        <readings><at>b</at></readings>\
        </ns2:readings></S:Body></S:Envelope>";
    let decoded: Readings = decode_response(&RENEW_DOC, &ok_xml(answer)).unwrap();
    assert_eq!(
        decoded,
        Readings {
            values: vec![1, 2, 3],
            label: "x".into(),
            readings: vec![
                Reading {
                    at: "a".into(),
                    flags: vec!["f1".into(), String::new()]
                },
                Reading {
                    at: "b".into(),
                    flags: Vec::new()
                },
            ],
        }
    );
}

#[tokio::test]
async fn repeated_elements_and_literal_lists_are_sent_by_item_name() {
    static VALUES: ElementSpec = ElementSpec {
        name: "values",
        namespace: "http://example.com/hosting",
        items: Some(&ElementSpec {
            name: "int",
            namespace: "http://example.com/hosting",
            items: None,
        }),
    };
    static LISTS: Operation = Operation {
        parts: std::slice::from_ref(&VALUES),
        ..RENEW_DOC
    };
    let (client, transport) = canned_client(ok_xml(
        "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>\
         <RenewResponse/></S:Body></S:Envelope>",
    ));
    let mut call = client.call(&LISTS);
    let reading = Reading {
        at: "a".into(),
        flags: vec!["f1".into(), "f2".into()],
    };
    call.arg("reading", XsiType::xsd("anyType"), &reading)
        .unwrap();
    // A slice, as a generated method passes it (an array would be a tuple to serde).
    let values: &[i32] = &[1, 2];
    call.arg("values", XsiType::xsd("anyType"), values).unwrap();
    let _ = call.send::<Value>().await;
    let body = String::from_utf8(sent(&transport).body).unwrap();
    assert!(
        body.contains(
            "<reading><at>a</at><flags>f1</flags><flags>f2</flags></reading>\
             <values><int>1</int><int>2</int></values>"
        ),
        "{body}"
    );
}

#[test]
fn operations_of_another_port_go_to_its_address_relative_to_the_endpoint_in_use() {
    static RPC_PORT: Operation = Operation {
        address: "https://vendor.example/service/rpc",
        ..BUY_MAIL
    };
    static OTHER_HOST: Operation = Operation {
        address: "https://elsewhere.example/api",
        ..BUY_MAIL
    };
    let transport: Arc<dyn Transport> = Arc::new(Canned {
        response: response(200, "text/xml", ""),
        requests: Mutex::new(Vec::new()),
    });
    let connection = |url: &str| crate::runtime::Connection {
        url: url.to_owned(),
        transport: Arc::clone(&transport),
        headers: Vec::new(),
    };
    let main = "https://vendor.example/service";
    for (endpoint, rpc) in [
        (main, "https://vendor.example/service/rpc"),
        (
            "http://127.0.0.1:8080/service",
            "http://127.0.0.1:8080/service/rpc",
        ),
    ] {
        let client = Client::from_connection(connection(endpoint), main);
        assert_eq!(client.url_for(&BUY_MAIL), endpoint);
        assert_eq!(client.url_for(&RPC_PORT), rpc);
        assert_eq!(client.url_for(&OTHER_HOST), "https://elsewhere.example/api");
    }
    // Without the WSDL's address every operation goes to the endpoint.
    let plain = Client::new("http://127.0.0.1:8080/x", Arc::clone(&transport));
    assert_eq!(plain.url_for(&RPC_PORT), "http://127.0.0.1:8080/x");
}
