//! Runtime tests of the answer and header features (MTOM, WS-Security, ...) with canned
//! answers built in the test.

use super::*;
use crate::runtime::Answer;
use base64::Engine;
use serde::Deserialize;

static DOCUMENT: Operation = Operation {
    name: "GetFile",
    version: Version::V11,
    style: Style::Document,
    body_use: Use::Literal,
    namespace: "urn:files",
    soap_action: "urn:files/GetFile",
    request_element: "GetFile",
    response_element: "GetFileResponse",
    bare: false,
    parts: &[],
    types: &[],
    xsi_types: &[],
    all_parts: false,
    idempotent: true,
    address: "",
};

fn answer(content_type: &str, body: Vec<u8>) -> Response {
    Response {
        status: 200,
        headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
        body,
    }
}

#[derive(Debug, Deserialize)]
struct GetFileResponse {
    name: String,
    data: String,
}

impl Answer for GetFileResponse {}

/// An MTOM answer as .NET WCF and JAX-WS send it: the envelope first (named by `start`),
/// the bytes in a binary part after it.
#[test]
fn mtom_answer_decodes_with_its_part_inlined() {
    let bytes: Vec<u8> = (0..=255).collect();
    let mut body = b"--uuid:b1\r\nContent-Type: application/xop+xml; charset=utf-8; type=\"text/xml\"\r\n\
        Content-Transfer-Encoding: binary\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n\
        <soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>\
        <GetFileResponse xmlns=\"urn:files\"><name>a.bin</name><data>\
        <xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:data-1%40files\"/>\
        </data></GetFileResponse></soap:Body></soap:Envelope>\r\n--uuid:b1\r\n\
        Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\
        Content-ID: <data-1@files>\r\n\r\n"
        .to_vec();
    body.extend_from_slice(&bytes);
    body.extend_from_slice(b"\r\n--uuid:b1--\r\n");
    let content_type = "multipart/related; type=\"application/xop+xml\"; \
                        boundary=\"uuid:b1\"; start=\"<root.message@cxf.apache.org>\"; \
                        start-info=\"text/xml\"";
    let decoded: GetFileResponse = decode_response(&DOCUMENT, &answer(content_type, body)).unwrap();
    assert_eq!(decoded.name, "a.bin");
    let data = base64::engine::general_purpose::STANDARD
        .decode(decoded.data)
        .unwrap();
    assert_eq!(data, bytes);
}

#[test]
fn broken_mtom_answer_is_a_decode_error_with_the_body() {
    let body = b"--b\r\nContent-ID: <r>\r\n\r\n<soap:Envelope/>".to_vec();
    let error = decode_response::<GetFileResponse>(
        &DOCUMENT,
        &answer("multipart/related; boundary=b", body),
    )
    .unwrap_err();
    assert!(
        matches!(&error, Error::Decode { message, body } if message.contains("closing boundary") && body.contains("Envelope")),
        "{error:?}"
    );
}

/// Keeps the request and answers with a fault that echoes it, as some servers do.
struct Echo(std::sync::Mutex<Vec<Request>>);

impl Transport for Echo {
    fn send(
        &self,
        request: Request,
    ) -> crate::runtime::transport::BoxFuture<
        '_,
        Result<Response, crate::runtime::transport::TransportError>,
    > {
        let sent = String::from_utf8_lossy(&request.body).into_owned();
        if let Ok(mut requests) = self.0.lock() {
            requests.push(request);
        }
        let fault = format!(
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>\
             <soap:Fault><faultcode>soap:Client</faultcode><faultstring>bad token in {}</faultstring>\
             </soap:Fault></soap:Body></soap:Envelope>",
            quick_xml::escape::escape(sent.as_str())
        );
        Box::pin(async move { Ok(answer("text/xml", fault.into_bytes())) })
    }
}

#[tokio::test]
async fn username_token_goes_in_the_header_and_never_into_errors() {
    let transport = Arc::new(Echo(std::sync::Mutex::new(Vec::new())));
    let token = UsernameToken::new("alice", Secret::new("hunter2!"), PasswordType::Digest);
    let client =
        Client::new("https://files.example/soap", transport.clone()).with_username_token(token);
    let error = client
        .call(&DOCUMENT)
        .send::<GetFileResponse>()
        .await
        .unwrap_err();
    let request = transport.0.lock().unwrap().pop().unwrap();
    let body = String::from_utf8(request.body).unwrap();
    let header = body
        .split("<SOAP-ENV:Header>")
        .nth(1)
        .and_then(|rest| rest.split("</SOAP-ENV:Header><SOAP-ENV:Body>").next())
        .expect("a Header before the Body");
    assert!(
        header.contains("<wsse:Username>alice</wsse:Username>"),
        "{header}"
    );
    let digest = header
        .split("#PasswordDigest\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap();
    assert_eq!(digest.len(), 28, "{digest}");
    let Error::Fault(fault) = &error else {
        panic!("{error:?}");
    };
    assert!(fault.string.contains("alice"), "{}", fault.string);
    let shown = format!("{error} {error:?}");
    assert!(
        !shown.contains(digest) && !shown.contains("hunter2"),
        "{shown}"
    );
}

#[tokio::test]
async fn no_header_without_a_token() {
    let transport = Arc::new(Echo(std::sync::Mutex::new(Vec::new())));
    let client = Client::new("https://files.example/soap", transport.clone());
    let _ = client.call(&DOCUMENT).send::<GetFileResponse>().await;
    let request = transport.0.lock().unwrap().pop().unwrap();
    assert!(!String::from_utf8(request.body).unwrap().contains("Header"));
}

fn document_answer(body: &str) -> Response {
    let envelope = format!(
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>\
         <GetFileResponse xmlns=\"urn:files\">{body}</GetFileResponse></soap:Body></soap:Envelope>"
    );
    answer("text/xml; charset=utf-8", envelope.into_bytes())
}

#[derive(Debug, Deserialize)]
struct Kept {
    name: crate::runtime::Lenient<String>,
    #[serde(rename = "$undeclared", default)]
    undeclared: Vec<Element>,
}

impl Answer for Kept {}

#[test]
fn undeclared_children_are_kept_with_their_content() {
    let response = document_answer(
        "<size>12</size><name>a.bin</name><owner><id>7</id><nick>x &amp; y</nick></owner><empty/>",
    );
    let kept: Kept = decode_response(&DOCUMENT, &response).unwrap();
    assert_eq!(kept.name.value().map(String::as_str), Some("a.bin"));
    let kept: Vec<(&str, &str)> = kept
        .undeclared
        .iter()
        .map(|e| (e.name.as_str(), e.content.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("size", "12"),
            ("owner", "<id>7</id><nick>x &amp; y</nick>"),
            ("empty", "")
        ]
    );
}

#[test]
fn no_undeclared_child_leaves_the_list_empty_and_other_structs_skip_them() {
    let kept: Kept = decode_response(&DOCUMENT, &document_answer("<name>a</name>")).unwrap();
    assert!(kept.undeclared.is_empty());
    let plain: GetFileResponse = decode_response(
        &DOCUMENT,
        &document_answer("<name>a</name><x><y/></x><data>AA==</data>"),
    )
    .unwrap();
    assert_eq!(plain.data, "AA==");
}

#[derive(Debug, PartialEq, serde::Serialize, Deserialize)]
#[serde(rename = "Price")]
struct Price {
    #[serde(rename = "$value", default)]
    value: crate::runtime::Lenient<crate::runtime::Decimal>,
    #[serde(
        rename = "@currency",
        default,
        skip_serializing_if = "crate::runtime::Lenient::is_absent"
    )]
    currency: crate::runtime::Lenient<String>,
}

#[derive(Debug, PartialEq, serde::Serialize, Deserialize)]
#[serde(rename = "Shape")]
struct Shape {
    #[serde(rename = "@id", default)]
    id: crate::runtime::Lenient<i32>,
    #[serde(
        rename = "@by",
        default,
        skip_serializing_if = "crate::runtime::Lenient::is_absent"
    )]
    by: crate::runtime::Lenient<String>,
    #[serde(default)]
    name: crate::runtime::Lenient<String>,
    #[serde(default)]
    price: crate::runtime::Lenient<Price>,
}

#[derive(Debug, Deserialize)]
struct Shapes {
    #[serde(default)]
    shape: crate::runtime::Lenient<Shape>,
    #[serde(default)]
    total: crate::runtime::Lenient<Price>,
}

impl Answer for Shapes {}

#[test]
fn attributes_and_simple_content_are_read() {
    let response = document_answer(
        "<shape id=\"7\" by=\"a &amp; b\" xsi:type=\"x\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <name>disc</name><price currency=\"EUR\">1.10</price></shape>\
         <total currency='USD'>12.50</total>",
    );
    let shapes: Shapes = decode_response(&DOCUMENT, &response).unwrap();
    let shape = shapes.shape.value().unwrap();
    assert_eq!(shape.id.value(), Some(&7));
    assert_eq!(shape.by.value().map(String::as_str), Some("a & b"));
    assert_eq!(shape.name.value().map(String::as_str), Some("disc"));
    let price = shape.price.value().unwrap();
    assert_eq!(
        price.value.value().map(ToString::to_string).as_deref(),
        Some("1.10")
    );
    assert_eq!(price.currency.value().map(String::as_str), Some("EUR"));
    let total = shapes.total.value().unwrap();
    assert_eq!(
        total.value.value().map(ToString::to_string).as_deref(),
        Some("12.50")
    );
    assert_eq!(total.currency.value().map(String::as_str), Some("USD"));
}

#[test]
fn an_unreadable_attribute_is_kept_raw_and_absent_ones_are_absent() {
    let response = document_answer("<shape id=\"seven\"><name>x</name></shape><total>3</total>");
    let shapes: Shapes = decode_response(&DOCUMENT, &response).unwrap();
    let shape = shapes.shape.value().unwrap();
    assert_eq!(shape.id.unreadable(), Some("seven"));
    assert!(shape.by.is_absent());
    let total = shapes.total.value().unwrap();
    assert!(total.currency.is_absent());
    assert_eq!(
        total.value.value().map(ToString::to_string).as_deref(),
        Some("3")
    );
}

#[tokio::test]
async fn attributes_are_written_in_the_start_tag() {
    let transport = Arc::new(Echo(std::sync::Mutex::new(Vec::new())));
    let client = Client::new("https://files.example/soap", transport.clone());
    let shape = Shape {
        id: 3.into(),
        by: "<me>".to_owned().into(),
        name: "disc".to_owned().into(),
        price: Price {
            value: "2.5".parse::<crate::runtime::Decimal>().unwrap().into(),
            currency: crate::runtime::Lenient::Absent,
        }
        .into(),
    };
    let mut call = client.call(&DOCUMENT);
    call.arg("filter", XsiType::xsd("anyType"), &shape).unwrap();
    let _ = call.send::<Shapes>().await;
    let request = transport.0.lock().unwrap().pop().unwrap();
    let body = String::from_utf8(request.body).unwrap();
    assert!(
        body.contains(
            "<filter id=\"3\" by=\"&lt;me&gt;\"><name>disc</name><price>2.5</price></filter>"
        ),
        "{body}"
    );
}

/// A simpleContent struct declares its text first and its attributes after it (as generated):
/// the attributes still go in the start tag, the text after it. Before, the text closed the
/// start tag and the attribute was refused ("an attribute field after the element's
/// content"), so spyne's `Money` could not be sent.
#[tokio::test]
async fn simple_content_text_declared_before_its_attributes() {
    let transport = Arc::new(Echo(std::sync::Mutex::new(Vec::new())));
    let client = Client::new("https://files.example/soap", transport.clone());
    let price = Price {
        value: "2.5".parse::<crate::runtime::Decimal>().unwrap().into(),
        currency: "E&R".to_owned().into(),
    };
    let mut call = client.call(&DOCUMENT);
    call.arg("price", XsiType::xsd("anyType"), &price).unwrap();
    let _ = call.send::<Shapes>().await;
    let request = transport.0.lock().unwrap().pop().unwrap();
    let body = String::from_utf8(request.body).unwrap();
    assert!(
        body.contains("<price currency=\"E&amp;R\">2.5</price>"),
        "{body}"
    );
}

/// Keeps the request and answers with one canned response.
struct Canned(std::sync::Mutex<Vec<Request>>, Response);

impl Transport for Canned {
    fn send(
        &self,
        request: Request,
    ) -> crate::runtime::transport::BoxFuture<
        '_,
        Result<Response, crate::runtime::transport::TransportError>,
    > {
        if let Ok(mut requests) = self.0.lock() {
            requests.push(request);
        }
        let response = self.1.clone();
        Box::pin(async move { Ok(response) })
    }
}

#[derive(Debug, serde::Serialize)]
#[serde(rename = "AuthHeader")]
struct AuthHeader {
    tenant: String,
}

#[derive(Debug, Deserialize, PartialEq)]
struct QuotaHeader {
    #[serde(default)]
    remaining: crate::runtime::Lenient<i32>,
}

#[tokio::test]
async fn headers_are_written_after_the_token_and_read_from_the_answer() {
    let answer_body = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:q=\"urn:files\">\
        <s:Header><Other xmlns=\"urn:x\">1</Other><q:QuotaHeader><q:remaining>41</q:remaining></q:QuotaHeader>\
        <q:Broken><q:remaining>many</q:remaining></q:Broken></s:Header>\
        <s:Body><GetFileResponse xmlns=\"urn:files\"><name>a</name><data>AA==</data></GetFileResponse></s:Body></s:Envelope>";
    let transport = Arc::new(Canned(
        std::sync::Mutex::new(Vec::new()),
        answer("text/xml; charset=utf-8", answer_body.as_bytes().to_vec()),
    ));
    let token = UsernameToken::new("alice", Secret::new("pw"), PasswordType::Text);
    let client =
        Client::new("https://files.example/soap", transport.clone()).with_username_token(token);
    let mut call = client.call(&DOCUMENT);
    let auth = AuthHeader {
        tenant: "t&1".to_owned(),
    };
    call.header("AuthHeader", "urn:files", &auth).unwrap();
    let (answer, headers) = call
        .send_with_headers::<GetFileResponse>(None)
        .await
        .unwrap();
    assert_eq!(answer.name, "a");
    assert_eq!(
        headers.get::<QuotaHeader>("QuotaHeader"),
        crate::runtime::Lenient::Value(QuotaHeader {
            remaining: 41.into()
        })
    );
    assert!(headers.get::<QuotaHeader>("Missing").is_absent());
    assert_eq!(
        headers.get::<i32>("Broken").unreadable(),
        Some("<q:remaining>many</q:remaining>")
    );
    let request = transport.0.lock().unwrap().pop().unwrap();
    let body = String::from_utf8(request.body).unwrap();
    let header = body.split("<SOAP-ENV:Header>").nth(1).unwrap();
    let header = header.split("</SOAP-ENV:Header>").next().unwrap();
    assert!(header.starts_with("<wsse:Security"), "{header}");
    assert!(
        header.ends_with(
            "</wsse:Security><AuthHeader xmlns=\"urn:files\"><tenant>t&amp;1</tenant></AuthHeader>"
        ),
        "{header}"
    );
}

/// A header record of an unqualified schema (node-soap's `Trace`): the header element is in
/// its namespace, its fields in none, as the operation's record tables say. Before, the
/// fields inherited the header's default namespace and node-soap refused
/// `<Trace xmlns="urn:stacks:node"><traceId>`.
#[tokio::test]
async fn header_fields_are_qualified_as_their_schema_says() {
    static TRACED: Operation = Operation {
        types: &[(
            "Trace",
            &[ElementSpec {
                name: "traceId",
                namespace: "",
                items: None,
            }],
        )],
        ..DOCUMENT
    };
    let transport = Arc::new(Canned(
        std::sync::Mutex::new(Vec::new()),
        answer(
            "text/xml",
            b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>\
              <GetFileResponse xmlns=\"urn:files\"><name>a</name><data>AA==</data></GetFileResponse>\
              </s:Body></s:Envelope>"
                .to_vec(),
        ),
    ));
    #[derive(serde::Serialize)]
    #[serde(rename = "Trace")]
    struct Trace {
        #[serde(rename = "traceId")]
        trace_id: String,
    }
    let client = Client::new("https://files.example/soap", transport.clone());
    let mut call = client.call(&TRACED);
    let trace = Trace {
        trace_id: "t-1".to_owned(),
    };
    call.header("Trace", "urn:stacks:node", &trace).unwrap();
    call.header(
        "AuthHeader",
        "urn:files",
        &AuthHeader {
            tenant: "x".to_owned(),
        },
    )
    .unwrap();
    let _: GetFileResponse = call.send().await.unwrap();
    let request = transport.0.lock().unwrap().pop().unwrap();
    let body = String::from_utf8(request.body).unwrap();
    assert!(
        body.contains(
            "<SOAP-ENV:Header><Trace xmlns=\"urn:stacks:node\"><traceId xmlns=\"\">t-1</traceId>\
             </Trace><AuthHeader xmlns=\"urn:files\"><tenant>x</tenant></AuthHeader></SOAP-ENV:Header>"
        ),
        "{body}"
    );
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
#[serde(rename = "Figure")]
struct Figure {
    #[serde(default)]
    name: crate::runtime::Lenient<String>,
    #[serde(rename = "$undeclared", default, skip_serializing)]
    undeclared: Vec<Element>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
#[serde(rename = "Circle")]
struct Circle {
    #[serde(default)]
    name: crate::runtime::Lenient<String>,
    #[serde(default)]
    radius: crate::runtime::Lenient<f64>,
    #[serde(rename = "$undeclared", default, skip_serializing)]
    undeclared: Vec<Element>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
#[serde(rename = "$derived")]
enum AnyFigure {
    #[serde(rename = "{urn:files}Figure")]
    Figure(Figure),
    #[serde(rename = "{urn:files}Circle")]
    Circle(Circle),
}

#[derive(Debug, Deserialize)]
struct Figures {
    #[serde(default, with = "crate::runtime::soap::repeated")]
    figure: Vec<AnyFigure>,
    #[serde(default)]
    main: crate::runtime::Lenient<AnyFigure>,
}

impl Answer for Figures {}

#[test]
fn xsi_type_selects_the_derived_type_and_nothing_is_lost() {
    let response = document_answer(
        "<figure xmlns:t=\"urn:files\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" \
         i:type=\"t:Circle\"><name>c</name><radius>2.5</radius></figure>\
         <figure><name>plain</name></figure>\
         <figure xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Hexagon\">\
         <name>h</name><sides>6</sides></figure>\
         <main xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Circle\">\
         <name>m</name><radius>1</radius></main>",
    );
    let figures: Figures = decode_response(&DOCUMENT, &response).unwrap();
    let [circle, plain, hexagon] = figures.figure.as_slice() else {
        panic!("{figures:?}");
    };
    let AnyFigure::Circle(circle) = circle else {
        panic!("{circle:?}");
    };
    assert_eq!(circle.radius.value(), Some(&2.5));
    assert!(matches!(plain, AnyFigure::Figure(f) if f.undeclared.is_empty()));
    let AnyFigure::Figure(hexagon) = hexagon else {
        panic!("{hexagon:?}");
    };
    assert_eq!(hexagon.name.value().map(String::as_str), Some("h"));
    assert_eq!(
        hexagon.undeclared,
        [Element {
            name: "sides".to_owned(),
            content: "6".to_owned()
        }]
    );
    assert!(
        matches!(figures.main.value(), Some(AnyFigure::Circle(c)) if c.radius.value() == Some(&1.0))
    );
}

#[tokio::test]
async fn a_derived_value_is_sent_with_its_xsi_type() {
    let transport = Arc::new(Echo(std::sync::Mutex::new(Vec::new())));
    let client = Client::new("https://files.example/soap", transport.clone());
    let circle = AnyFigure::Circle(Circle {
        name: "c".to_owned().into(),
        radius: 2.0.into(),
        undeclared: Vec::new(),
    });
    let mut call = client.call(&DOCUMENT);
    call.arg("figure", XsiType::xsd("anyType"), &circle)
        .unwrap();
    let base = AnyFigure::Figure(Figure {
        name: "f".to_owned().into(),
        undeclared: Vec::new(),
    });
    call.arg("figure", XsiType::xsd("anyType"), &base).unwrap();
    let _ = call.send::<Figures>().await;
    let request = transport.0.lock().unwrap().pop().unwrap();
    let body = String::from_utf8(request.body).unwrap();
    assert!(
        body.contains(
            "<figure xsi:type=\"ns1:Circle\"><name>c</name><radius>2</radius></figure>\
                       <figure xsi:type=\"ns1:Figure\"><name>f</name></figure>"
        ),
        "{body}"
    );
}

/// Two derived types named `Circle`, one per namespace (what the generator makes of two
/// schemas that both extend `Figure`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
#[serde(rename = "$derived")]
enum AnyShape {
    #[serde(rename = "{urn:files}Figure")]
    Figure(Figure),
    #[serde(rename = "{urn:files}Circle")]
    Circle(Circle),
    #[serde(rename = "{urn:other}Circle")]
    OtherCircle(Circle),
}

#[derive(Debug, Deserialize)]
struct Circles {
    #[serde(default, with = "crate::runtime::soap::repeated")]
    shape: Vec<AnyShape>,
}

impl Answer for Circles {}

#[test]
fn xsi_type_is_matched_by_namespace_and_local_name() {
    // The default namespace is `urn:files` (the answer element's); `o` is bound to
    // `urn:other`, then to `urn:files`; `x` names a namespace no variant is in.
    let xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    let response = document_answer(&format!(
        "<shape {xsi} xmlns:o=\"urn:other\" xsi:type=\"o:Circle\"><name>other</name></shape>\
         <shape {xsi} xsi:type=\"Circle\"><name>files</name></shape>\
         <shape {xsi} xmlns:o=\"urn:files\" xsi:type=\"o:Circle\"><name>rebound</name></shape>\
         <shape {xsi} xmlns:x=\"urn:x\" xsi:type=\"x:Circle\"><name>foreign</name></shape>\
         <shape {xsi} xsi:type=\"undeclared:Circle\"><name>undeclared</name></shape>"
    ));
    let shapes: Circles = decode_response(&DOCUMENT, &response).unwrap();
    let picked: Vec<(&str, &str)> = shapes
        .shape
        .iter()
        .map(|shape| match shape {
            AnyShape::Figure(f) => ("Figure", f.name.value().map_or("", String::as_str)),
            AnyShape::Circle(c) => ("files:Circle", c.name.value().map_or("", String::as_str)),
            AnyShape::OtherCircle(c) => ("other:Circle", c.name.value().map_or("", String::as_str)),
        })
        .collect();
    assert_eq!(
        picked,
        [
            ("other:Circle", "other"),
            ("files:Circle", "files"),
            ("files:Circle", "rebound"),
            ("Figure", "foreign"),
            ("Figure", "undeclared"),
        ]
    );
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Note")]
struct Note {
    #[serde(rename = "$value", default)]
    text: crate::runtime::Lenient<String>,
    #[serde(rename = "@{http://www.w3.org/XML/1998/namespace}lang", default)]
    lang: crate::runtime::Lenient<String>,
    #[serde(rename = "@{urn:a}code", default)]
    a_code: crate::runtime::Lenient<String>,
    #[serde(rename = "@{urn:b}code", default)]
    b_code: crate::runtime::Lenient<String>,
    #[serde(rename = "@code", default)]
    code: crate::runtime::Lenient<String>,
}

#[derive(Debug, Deserialize)]
struct Tagged {
    #[serde(rename = "@{urn:a}code", default)]
    code: crate::runtime::Lenient<String>,
    #[serde(default)]
    name: crate::runtime::Lenient<String>,
}

#[derive(Debug, Deserialize)]
struct Notes {
    #[serde(default, with = "crate::runtime::soap::repeated")]
    note: Vec<Note>,
    #[serde(default)]
    tagged: crate::runtime::Lenient<Tagged>,
}

impl Answer for Notes {}

/// Qualified attributes are matched by namespace URI and local name, the prefix resolved on
/// the element (declared there or above it), whether the element has text or children; an
/// unprefixed attribute never stands in for a qualified one, nor the other way round.
#[test]
fn qualified_attributes_are_read_by_namespace() {
    let response = document_answer(
        "<note xmlns:p=\"urn:a\" xmlns:q=\"urn:b\" xml:lang=\"de\" q:code=\"b\" p:code=\"a\" \
         code=\"plain\">hallo</note>\
         <note xmlns:p=\"urn:b\" p:code=\"rebound\">x</note>\
         <note xmlns:p=\"urn:other\" p:code=\"foreign\" lang=\"unqualified\">y</note>\
         <tagged xmlns:t=\"urn:a\" t:code=\"t\"><name>n</name></tagged>",
    );
    let notes: Notes = decode_response(&DOCUMENT, &response).unwrap();
    let [first, rebound, foreign] = notes.note.as_slice() else {
        panic!("{notes:?}");
    };
    let text = |l: &crate::runtime::Lenient<String>| l.value().cloned();
    assert_eq!(text(&first.text).as_deref(), Some("hallo"));
    assert_eq!(text(&first.lang).as_deref(), Some("de"));
    assert_eq!(text(&first.a_code).as_deref(), Some("a"));
    assert_eq!(text(&first.b_code).as_deref(), Some("b"));
    assert_eq!(text(&first.code).as_deref(), Some("plain"));
    assert_eq!(text(&rebound.b_code).as_deref(), Some("rebound"));
    assert!(rebound.a_code.is_absent() && rebound.code.is_absent());
    assert!(foreign.a_code.is_absent() && foreign.b_code.is_absent());
    assert!(foreign.code.is_absent() && foreign.lang.is_absent());
    let tagged = notes.tagged.value().unwrap();
    assert_eq!(text(&tagged.code).as_deref(), Some("t"));
    assert_eq!(text(&tagged.name).as_deref(), Some("n"));
}

/// A header record with `Secret` fields, an element and an attribute (the manifest's
/// `secrets = ["Ticket.token", "Ticket.pin"]`): both go on the wire, and an error whose fault
/// echoes the request never shows them, as for a secret part.
#[tokio::test]
async fn a_secret_header_field_is_sent_and_kept_out_of_errors() {
    #[derive(Debug, serde::Serialize)]
    #[serde(rename = "Ticket")]
    struct Ticket {
        #[serde(rename = "@pin")]
        pin: Secret,
        user: String,
        token: Secret,
    }
    let transport = Arc::new(Echo(std::sync::Mutex::new(Vec::new())));
    let client = Client::new("https://files.example/soap", transport.clone());
    let ticket = Ticket {
        pin: Secret::new("p1n-4711"),
        user: "clerk".to_owned(),
        token: Secret::new("t0k3n&<>"),
    };
    assert!(!format!("{ticket:?}").contains("t0k3n"));
    let mut call = client.call(&DOCUMENT);
    call.header("ticket", "", &ticket).unwrap();
    let error = call.send::<GetFileResponse>().await.unwrap_err();
    let request = transport.0.lock().unwrap().pop().unwrap();
    let body = String::from_utf8(request.body).unwrap();
    assert!(
        body.contains(
            "<SOAP-ENV:Header><ticket pin=\"p1n-4711\"><user>clerk</user><token>t0k3n&amp;&lt;&gt;</token></ticket>"
        ),
        "{body}"
    );
    let Error::Fault(fault) = &error else {
        panic!("{error:?}");
    };
    assert!(fault.string.contains("clerk"), "{}", fault.string);
    let shown = format!("{error} {error:?}");
    assert!(
        !shown.contains("t0k3n") && !shown.contains("p1n"),
        "{shown}"
    );
    assert!(shown.contains(crate::runtime::REDACTED), "{shown}");
}

/// A `use="encoded"` header carries its `xsi:type`, its fields theirs, as encoded parts do.
#[tokio::test]
async fn an_encoded_header_carries_xsi_types() {
    #[derive(serde::Serialize)]
    #[serde(rename = "Auth")]
    struct Auth {
        id: i32,
    }
    let transport = Arc::new(Echo(std::sync::Mutex::new(Vec::new())));
    let client = Client::new("https://files.example/soap", transport.clone());
    let mut call = client.call(&DOCUMENT);
    let auth_type = XsiType {
        namespace: "urn:files",
        name: "Auth",
    };
    call.header_encoded("auth", "urn:files:h", auth_type, &Auth { id: 7 })
        .unwrap();
    let _ = call.send::<GetFileResponse>().await;
    let request = transport.0.lock().unwrap().pop().unwrap();
    let body = String::from_utf8(request.body).unwrap();
    assert!(
        body.contains(
            "<SOAP-ENV:Header><auth xmlns=\"urn:files:h\" xsi:type=\"ns1:Auth\"><id xsi:type=\"xsd:int\">7</id></auth>"
        ),
        "{body}"
    );
}

#[derive(Debug, Deserialize)]
struct Open {
    #[serde(default)]
    doc: crate::runtime::Lenient<crate::runtime::Value>,
    #[serde(default)]
    note: crate::runtime::Lenient<crate::runtime::Value>,
    #[serde(default)]
    shared: crate::runtime::Lenient<crate::runtime::Value>,
    #[serde(default)]
    plain: crate::runtime::Lenient<crate::runtime::Value>,
}

impl Answer for Open {}

/// An open (`anyType`) answer element keeps its attributes: `@name` entries (`@{namespace}name`
/// when prefixed) before its children, or beside its text as `$value`. SOAP and XML Schema
/// markup is no data (`xsi:type`, namespace declarations, the `id` an `href` led to); an
/// element without attributes reads as before.
#[test]
fn dynamic_values_keep_their_attributes() {
    use crate::runtime::Value;
    let response = document_answer(
        "<doc versao=\"2.00\" xmlns:p=\"urn:p\" p:Id=\"ID&amp;1\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"p:T\">\
         <cStat>102</cStat></doc>\
         <note lang=\"pt\">Inutiliza&#231;&#227;o</note>\
         <shared href=\"#id0\"/>\
         <plain>text</plain>\
         <multiRef id=\"id0\" code=\"7\"><v>1</v></multiRef>",
    );
    let open: Open = decode_response(&DOCUMENT, &response).unwrap();
    let text = |s: &str| Value::String(s.to_owned());
    let map = |entries: &[(&str, Value)]| {
        Value::Map(entries.iter().map(|(k, v)| (text(k), v.clone())).collect())
    };
    assert_eq!(
        open.doc.value(),
        Some(&map(&[
            ("@versao", text("2.00")),
            ("@{urn:p}Id", text("ID&1")),
            ("cStat", text("102")),
        ]))
    );
    assert_eq!(
        open.note.value(),
        Some(&map(&[
            ("@lang", text("pt")),
            ("$value", text("Inutilização"))
        ]))
    );
    assert_eq!(
        open.shared.value(),
        Some(&map(&[("@code", text("7")), ("v", text("1"))]))
    );
    assert_eq!(open.plain.value(), Some(&text("text")));
}
