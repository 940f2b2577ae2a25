//! The exact request a literal call writes, for each shape a schema can give it, compared as
//! a validating server sees it: element names and namespace URIs, never prefixes.
//!
//! The source of truth is XML Schema 1.0 (§3.3.2): a global element, and so every `ref` to
//! one, is in its schema's target namespace; a local element is in its schema's target
//! namespace when its `form` says `qualified`, or without `form` when its schema's
//! `elementFormDefault` does, and otherwise in no namespace. The schema that decides is the
//! one declaring the element, not the one using its type. This is what .NET's
//! `XmlSerializer` and JAX-WS write. The statics mirror what the generator emits for
//! `codegen/tests/fixtures/specs/soap_wire` (a .NET-style qualified schema `urn:example:orders`
//! using a JAX-WS-style unqualified one, `urn:example:common`).

use super::{canned_client, ok_xml, sent};
use crate::runtime::Value;
use crate::runtime::soap::de::decode_element;
use crate::runtime::soap::response::body_first_child;
use crate::runtime::soap::xml::XmlReader;
use crate::runtime::soap::{
    ElementSpec, Operation, Style, TypeElements, Use, Version, Xml, XsiType,
};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use serde::Serialize;

const ORDERS: &str = "urn:example:orders";
const COMMON: &str = "urn:example:common";

/// The elements inside the SOAP Body, one line each: two spaces per level, `{namespace}local`,
/// and ` = text` for text content; each attribute (but namespace declarations and `xsi:`
/// ones) on a line of its own under its element, `@{namespace}local = value`.
pub(super) fn body_elements(body: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(body).expect("UTF-8");
    let mut reader = quick_xml::reader::NsReader::from_str(text);
    let mut depth = 0usize;
    let mut lines = Vec::new();
    loop {
        let (ns, event) = reader.read_resolved_event().expect("well-formed XML");
        let ns = match ns {
            ResolveResult::Bound(ns) => ns.as_ref().to_owned(),
            ResolveResult::Unbound => String::new(),
            ResolveResult::Unknown(prefix) => panic!("undeclared prefix {prefix}"),
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                // Envelope and Body are levels 0 and 1.
                if depth >= 2 {
                    let local = start.local_name().as_ref().to_owned();
                    lines.push(format!("{}{{{ns}}}{local}", "  ".repeat(depth - 2)));
                    for attribute in start.attributes() {
                        let attribute = attribute.expect("well-formed attribute");
                        let (ns, local) = reader.resolver().resolve_attribute(attribute.key);
                        let ns = match ns {
                            ResolveResult::Bound(ns) => ns.as_ref().to_owned(),
                            ResolveResult::Unbound => String::new(),
                            ResolveResult::Unknown(prefix) => {
                                panic!("undeclared prefix {prefix:?}")
                            }
                        };
                        let xmlns = attribute.key.as_namespace_binding().is_some();
                        if xmlns || ns == "http://www.w3.org/2001/XMLSchema-instance" {
                            continue;
                        }
                        let local = local.as_ref() as &str;
                        let value = attribute
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .expect("escaped value");
                        let indent = "  ".repeat(depth - 1);
                        lines.push(format!("{indent}@{{{ns}}}{local} = {value}"));
                    }
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::Text(text) if depth > 2 => {
                if let Some(last) = lines.last_mut() {
                    last.push_str(&format!(" = {}", text.as_ref() as &str));
                }
            }
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    lines
}

/// A document/literal operation of the fixture (SOAP 1.1).
const fn document(request_element: &'static str, parts: &'static [ElementSpec]) -> Operation {
    Operation {
        name: request_element,
        version: Version::V11,
        style: Style::Document,
        body_use: Use::Literal,
        namespace: ORDERS,
        soap_action: "",
        request_element,
        response_element: "",
        bare: false,
        parts,
        types: TYPE_ELEMENTS,
        xsi_types: &[],
        all_parts: false,
        idempotent: false,
        address: "",
    }
}

const fn element(name: &'static str, namespace: &'static str) -> ElementSpec {
    ElementSpec {
        name,
        namespace,
        items: None,
    }
}

/// `common.xsd`'s records: no `elementFormDefault`, one `form="qualified"`, one `ref`, one
/// wrapper list (`LineList`) inside a record.
static TYPE_ELEMENTS: &TypeElements = &[
    (
        "Address",
        &[
            element("street", ""),
            element("city", ""),
            element("tag", COMMON),
        ],
    ),
    ("Line", &[element("sku", ""), element("count", "")]),
    (
        "Order",
        &[
            element("shipTo", ""),
            ElementSpec {
                name: "lines",
                namespace: "",
                items: Some(&element("line", "")),
            },
            element("code", ""),
            element("Note", COMMON),
            element("priority", ""),
        ],
    ),
];

#[derive(Serialize)]
#[serde(rename = "Address")]
struct Address {
    street: String,
    city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tag: Option<String>,
}

#[derive(Serialize)]
#[serde(rename = "Line")]
struct Line {
    sku: String,
    count: u16,
}

#[derive(Serialize)]
#[serde(rename = "Order")]
struct Order {
    #[serde(rename = "shipTo")]
    ship_to: Address,
    lines: Vec<Line>,
    #[serde(with = "crate::runtime::soap::repeated")]
    code: Vec<String>,
    #[serde(rename = "Note")]
    note: Option<String>,
    priority: u8,
}

async fn request(op: &'static Operation, parts: impl FnOnce(&mut super::Call<'_>)) -> Vec<String> {
    let (client, transport) = canned_client(ok_xml(
        "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><R/></S:Body></S:Envelope>",
    ));
    let mut call = client.call(op);
    parts(&mut call);
    let _ = call.send::<Value>().await;
    body_elements(&sent(&transport).body)
}

/// Children of a type from another schema are in their own schema's namespace (here none),
/// a `ref` in the referenced element's, a `form="qualified"` element in its schema's, and a
/// wrapper list nested in a record has the item elements its schema names.
#[tokio::test]
async fn each_element_is_in_its_own_schemas_namespace() {
    static PLACE_ORDER: Operation = document(
        "PlaceOrder",
        &[
            element("order", ORDERS),
            element("Note", COMMON),
            element("quantity", ORDERS),
        ],
    );
    let order = Order {
        ship_to: Address {
            street: "Main".into(),
            city: "Town".into(),
            tag: Some("home".into()),
        },
        lines: vec![Line {
            sku: "A".into(),
            count: 2,
        }],
        code: vec!["x".into(), "y".into()],
        note: Some("fragile".into()),
        priority: 1,
    };
    let sent = request(&PLACE_ORDER, |call| {
        call.arg("order", XsiType::xsd("anyType"), &order).unwrap();
        call.arg("Note", XsiType::xsd("string"), "leave at door")
            .unwrap();
        call.arg("quantity", XsiType::xsd("unsignedInt"), &3u32)
            .unwrap();
    })
    .await;
    assert_eq!(
        sent,
        [
            "{urn:example:orders}PlaceOrder",
            "  {urn:example:orders}order",
            "    {}shipTo",
            "      {}street = Main",
            "      {}city = Town",
            "      {urn:example:common}tag = home",
            "    {}lines",
            "      {}line",
            "        {}sku = A",
            "        {}count = 2",
            "    {}code = x",
            "    {}code = y",
            "    {urn:example:common}Note = fragile",
            "    {}priority = 1",
            "  {urn:example:common}Note = leave at door",
            "  {urn:example:orders}quantity = 3",
        ]
    );
}

/// An empty (`<complexType/>`) or untyped body element is sent empty: no part name leaks in.
#[tokio::test]
async fn an_empty_body_element_is_sent_empty() {
    static PING: Operation = document("Ping", &[]);
    assert_eq!(request(&PING, |_| {}).await, ["{urn:example:orders}Ping"]);
}

/// An open-content body element (`xsd:any`, `anyType`) holds the caller's markup as given,
/// its own namespace declarations in force; a mock server reads the same markup back, text
/// content escaped again, and an empty element as empty markup.
#[tokio::test]
async fn open_content_is_the_markup_given() {
    static SUBMIT: Operation = document("Submit", &[]);
    let markup = "<doc xmlns=\"urn:x\" id=\"7\"><p:n xmlns:p=\"urn:p\">a &amp; b</p:n></doc>tail";
    let given = Xml::new(markup).unwrap();
    let (client, transport) = canned_client(ok_xml(
        "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><R/></S:Body></S:Envelope>",
    ));
    let mut call = client.call(&SUBMIT);
    call.content(&given);
    let _ = call.send::<Value>().await;
    let body = sent(&transport).body;
    let text = std::str::from_utf8(&body).unwrap();
    assert!(text.contains(&format!(">{markup}</")), "{text}");
    assert_eq!(
        body_elements(&body)[..3],
        [
            "{urn:example:orders}Submit",
            "  {urn:x}doc",
            "    @{}id = 7"
        ]
    );

    #[derive(serde::Deserialize)]
    struct Received {
        #[serde(rename = "$markup")]
        content: Xml,
    }
    let read = |body: &str| -> Xml {
        let mut reader = XmlReader::new(body);
        let start = body_first_child(&mut reader).unwrap();
        decode_element::<Received>(&mut reader, start, None)
            .unwrap()
            .content
    };
    assert_eq!(read(text), given);
    let envelope = |inner: &str| {
        format!(
            "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>\
             <Submit xmlns=\"urn:example:orders\">{inner}</Submit></S:Body></S:Envelope>"
        )
    };
    assert_eq!(read(&envelope("1 &lt; 2")).as_str(), "1 &lt; 2");
    assert_eq!(read(&envelope("")), Xml::default());
    let empty = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>\
                 <Submit xmlns=\"urn:example:orders\"/></S:Body></S:Envelope>";
    assert_eq!(read(empty), Xml::default());
}

/// A body element of a simple type is the part itself, its value as text.
#[tokio::test]
async fn a_simple_body_element_holds_the_text() {
    static ECHO: Operation = Operation {
        bare: true,
        ..document("Echo", &[element("Echo", ORDERS)])
    };
    let sent = request(&ECHO, |call| {
        call.arg("Echo", XsiType::xsd("string"), "hi").unwrap();
    })
    .await;
    assert_eq!(sent, ["{urn:example:orders}Echo = hi"]);
}

/// A body element whose type is a wrapper list holds the items directly.
#[tokio::test]
async fn a_single_repeated_child_goes_directly_under_the_body_element() {
    static ADD: Operation = document("AddAddresses", &[element("address", ORDERS)]);
    let addresses = [
        Address {
            street: "A".into(),
            city: "B".into(),
            tag: None,
        },
        Address {
            street: "C".into(),
            city: "D".into(),
            tag: None,
        },
    ];
    let sent = request(&ADD, |call| {
        for address in &addresses {
            call.arg("address", XsiType::xsd("anyType"), address)
                .unwrap();
        }
    })
    .await;
    assert_eq!(
        sent,
        [
            "{urn:example:orders}AddAddresses",
            "  {urn:example:orders}address",
            "    {}street = A",
            "    {}city = B",
            "  {urn:example:orders}address",
            "    {}street = C",
            "    {}city = D",
        ]
    );
}

/// rpc/literal: the wrapper is in the `soap:body` namespace, a `type=` part in none, an
/// `element=` part is that element, in its namespace (WSDL 1.1 §3.5).
#[tokio::test]
async fn rpc_literal_element_parts_are_qualified() {
    static LOOKUP: Operation = Operation {
        style: Style::Rpc,
        ..document("Lookup", &[element("Key", ORDERS), element("limit", "")])
    };
    let sent = request(&LOOKUP, |call| {
        call.arg("Key", XsiType::xsd("string"), "k").unwrap();
        call.arg("limit", XsiType::xsd("int"), &5).unwrap();
    })
    .await;
    assert_eq!(
        sent,
        [
            "{urn:example:orders}Lookup",
            "  {urn:example:orders}Key = k",
            "  {}limit = 5",
        ]
    );
}

#[derive(Serialize)]
#[serde(rename = "Label")]
struct Label {
    #[serde(rename = "@{http://www.w3.org/XML/1998/namespace}lang")]
    lang: &'static str,
    #[serde(rename = "@{urn:example:orders}code")]
    orders_code: &'static str,
    #[serde(rename = "@{urn:example:common}code")]
    common_code: &'static str,
    #[serde(rename = "@{urn:example:common}unit")]
    unit: Option<&'static str>,
    #[serde(rename = "@plain")]
    plain: &'static str,
    text: &'static str,
}

/// XSD 1.0 §3.2.2: a global attribute (and every `ref` to one) is in its schema's target
/// namespace, a local one in no namespace unless its `form` or its schema's
/// `attributeFormDefault` qualifies it; `xml:lang` is in the XML namespace. Each qualified
/// attribute is written with a prefix declared where it is used (two attributes of one local
/// name in two namespaces included), and the wrapper element carries the input element's own
/// attributes.
#[tokio::test]
async fn qualified_attributes_are_in_their_namespaces() {
    static LABEL: Operation = document("Label", &[element("label", ORDERS)]);
    let label = Label {
        lang: "de",
        orders_code: "o",
        common_code: "c",
        unit: None,
        plain: "p",
        text: "t",
    };
    let sent = request(&LABEL, |call| {
        call.attribute("@{urn:example:common}version", &2u8)
            .unwrap();
        call.attribute("@{urn:example:orders}channel", "web")
            .unwrap();
        call.attribute("@{urn:example:common}unit", &None::<&str>)
            .unwrap();
        call.attribute("@count", &1u8).unwrap();
        call.arg("label", XsiType::xsd("anyType"), &label).unwrap();
    })
    .await;
    assert_eq!(
        sent,
        [
            "{urn:example:orders}Label",
            "  @{urn:example:common}version = 2",
            "  @{urn:example:orders}channel = web",
            "  @{}count = 1",
            "  {urn:example:orders}label",
            "    @{http://www.w3.org/XML/1998/namespace}lang = de",
            "    @{urn:example:orders}code = o",
            "    @{urn:example:common}code = c",
            "    @{}plain = p",
            "    {urn:example:orders}text = t",
        ]
    );
}

/// `xsd:list` values (`XsdList`): ONE element or attribute whose text is the items separated
/// by one space, each spelled as its item type says; never SOAP-ENC `<item>`s. As a top-level
/// part, a field, an attribute, and the items of a repeated element.
#[tokio::test]
async fn xsd_lists_are_one_text_of_items() {
    use crate::runtime::{Date, Decimal, XsdList};
    #[derive(Serialize)]
    #[serde(rename = "Sized")]
    struct Sized {
        #[serde(rename = "@sizes")]
        sizes: XsdList<String>,
        amounts: XsdList<Decimal>,
        #[serde(with = "crate::runtime::soap::repeated")]
        days: Vec<XsdList<Date>>,
    }
    static LISTS: Operation = document("Lists", &[]);
    let (client, transport) = canned_client(ok_xml(
        "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><R/></S:Body></S:Envelope>",
    ));
    let mut call = client.call(&LISTS);
    call.arg("ids", XsiType::xsd("string"), &XsdList(vec![1, -2, 3]))
        .unwrap();
    let sized = Sized {
        sizes: XsdList(vec!["S".to_owned(), "XL".to_owned()]),
        amounts: XsdList(vec!["10.50".parse().unwrap(), "0.01".parse().unwrap()]),
        days: vec![
            XsdList(vec!["2024-02-29".parse().unwrap()]),
            XsdList(vec![
                "2025-01-01".parse().unwrap(),
                "2025-12-31".parse().unwrap(),
            ]),
        ],
    };
    call.arg("sized", XsiType::xsd("anyType"), &sized).unwrap();
    let _ = call.send::<Value>().await;
    let body = sent(&transport).body;
    assert_eq!(
        body_elements(&body),
        [
            format!("{{{ORDERS}}}Lists"),
            format!("  {{{ORDERS}}}ids = 1 -2 3"),
            format!("  {{{ORDERS}}}sized"),
            "    @{}sizes = S XL".to_owned(),
            format!("    {{{ORDERS}}}amounts = 10.50 0.01"),
            format!("    {{{ORDERS}}}days = 2024-02-29"),
            format!("    {{{ORDERS}}}days = 2025-01-01 2025-12-31"),
        ]
    );
    let text = String::from_utf8(body).unwrap();
    assert!(text.contains("<sized sizes=\"S XL\">"), "{text}");
    let (client, _) = canned_client(ok_xml("<x/>"));
    let mut call = client.call(&LISTS);
    let error = call
        .arg("ids", XsiType::xsd("string"), &XsdList(vec!["a b"]))
        .unwrap_err();
    assert!(error.to_string().contains("list item 0"), "{error}");
}

/// Reading: any run of XML whitespace separates items, in an element or an attribute; an
/// unreadable item makes the whole field `Unreadable` with the text as sent, never a shorter
/// list.
#[test]
fn xsd_lists_are_read_from_one_text_and_leniently() {
    use crate::runtime::{Decimal, Lenient, XsdList};
    #[derive(Debug, serde::Deserialize)]
    struct Answer {
        #[serde(rename = "@sizes", default)]
        sizes: Lenient<XsdList<String>>,
        #[serde(default)]
        ids: Lenient<XsdList<i32>>,
        #[serde(default)]
        amounts: Lenient<XsdList<Decimal>>,
        #[serde(default)]
        none: Lenient<XsdList<i32>>,
    }
    impl crate::runtime::Answer for Answer {}
    static LISTS: Operation = document("Lists", &[]);
    let response = ok_xml(
        "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>\
         <R sizes=\" S\tM \"><ids>\n 1\t2  3\r\n</ids><amounts>10.50 x 2</amounts></R></S:Body></S:Envelope>",
    );
    let answer: Answer = super::decode(&LISTS, &response).unwrap();
    assert_eq!(
        answer.sizes,
        Lenient::Value(XsdList(vec!["S".into(), "M".into()]))
    );
    assert_eq!(answer.ids, Lenient::Value(XsdList(vec![1, 2, 3])));
    assert_eq!(answer.amounts.unreadable(), Some("10.50 x 2"));
    assert!(answer.none.is_absent());
}
