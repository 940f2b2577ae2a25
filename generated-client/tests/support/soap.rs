//! Hand-written SOAP 1.1 rpc/encoded requests for the PHP peers, and an XML element finder
//! for asserting on their raw answers.

use super::http::{self, RawResponse};
use super::php::PhpPeer;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// An rpc/encoded request envelope for `operation` of `urn:myapi`, each part an `xsd:string`,
/// in the order given.
pub fn rpc_envelope(operation: &str, parts: &[(&str, &str)]) -> String {
    let mut body = String::new();
    for (name, value) in parts {
        body.push_str(&format!(
            r#"<{name} xsi:type="xsd:string">{}</{name}>"#,
            escape(value)
        ));
    }
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            r#"<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/""#,
            r#" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/""#,
            r#" xmlns:xsd="http://www.w3.org/2001/XMLSchema""#,
            r#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#,
            r#" xmlns:ns1="urn:myapi""#,
            r#" SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">"#,
            r#"<SOAP-ENV:Body><ns1:{op}>{body}</ns1:{op}></SOAP-ENV:Body></SOAP-ENV:Envelope>"#
        ),
        op = operation,
        body = body
    )
}

/// Escapes text for element content: `&`, `<`, `>` (also `]]>`), and quotes for symmetry.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// POSTs [`rpc_envelope`] to the peer as UTF-8, with the vendor's `SOAPAction`.
pub async fn call(peer: &PhpPeer, operation: &str, parts: &[(&str, &str)]) -> RawResponse {
    let action = format!("\"https://my.interserver.net/api.php/{operation}\"");
    http::post(
        peer.addr(),
        "/api.php",
        "text/xml; charset=utf-8",
        &[("SOAPAction", &action)],
        rpc_envelope(operation, parts).as_bytes(),
    )
    .await
}

/// One element found by [`elements`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The qualified name as written (`ns1:api_loginResponse`, `return`).
    pub name: String,
    /// Attributes as written: qualified name and unescaped value.
    pub attrs: Vec<(String, String)>,
    /// All text inside, references resolved (like DOM `textContent`).
    pub text: String,
    /// Whether it was written as an empty-element tag (`<cost xsi:nil="true"/>`).
    pub self_closing: bool,
}

impl Element {
    /// The value of attribute `qname` as written (`xsi:type`).
    pub fn attr(&self, qname: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == qname)
            .map(|(_, v)| v.as_str())
    }
}

/// Every element whose local name is `local`, in document order. Panics on malformed XML.
pub fn elements(xml: &str, local: &str) -> Vec<Element> {
    let mut reader = Reader::from_str(xml);
    // Finished elements with their start order (an element finishes after its children).
    let mut done: Vec<(usize, Element)> = Vec::new();
    // Elements being collected: element, start order, depth of its start tag.
    let mut open: Vec<(Element, usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut started = 0usize;
    loop {
        let event = reader.read_event().unwrap_or_else(|e| {
            panic!("malformed XML at {}: {e}\n{xml}", reader.buffer_position())
        });
        match event {
            Event::Start(start) => {
                depth += 1;
                if start.local_name().as_ref() == local {
                    open.push((element_of(&start, false), started, depth));
                    started += 1;
                }
            }
            Event::Empty(start) if start.local_name().as_ref() == local => {
                done.push((started, element_of(&start, true)));
                started += 1;
            }
            Event::End(_) => {
                if open.last().is_some_and(|(_, _, d)| *d == depth) {
                    if let Some((element, order, _)) = open.pop() {
                        // Hand the text to the enclosing collected element (see `push_text`).
                        if let Some((parent, _, _)) = open.last_mut() {
                            parent.text.push_str(&element.text);
                        }
                        done.push((order, element));
                    }
                }
                depth -= 1;
            }
            Event::Text(text) => push_text(&mut open, &text.xml10_content()),
            Event::CData(cdata) => push_text(&mut open, &cdata),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => resolve_predefined_entity(&reference)
                        .unwrap_or_else(|| panic!("unknown entity &{};", &*reference))
                        .to_owned(),
                    Err(e) => panic!("bad character reference &{};: {e}", &*reference),
                };
                push_text(&mut open, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    done.sort_by_key(|(order, _)| *order);
    done.into_iter().map(|(_, element)| element).collect()
}

/// The text of the only element named `local`; panics unless there is exactly one.
pub fn text_of(xml: &str, local: &str) -> String {
    let mut found = elements(xml, local);
    assert_eq!(found.len(), 1, "expected one <{local}> in:\n{xml}");
    found.remove(0).text
}

fn push_text(open: &mut [(Element, usize, usize)], text: &str) {
    // Only the innermost collected element takes text directly; it is handed to enclosing
    // collected elements when it ends, so nothing is counted twice.
    if let Some((innermost, _, _)) = open.last_mut() {
        innermost.text.push_str(text);
    }
}

fn element_of(start: &quick_xml::events::BytesStart<'_>, self_closing: bool) -> Element {
    let attrs = start
        .attributes()
        .map(|a| {
            let a = a.unwrap_or_else(|e| panic!("bad attribute: {e}"));
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .unwrap_or_else(|e| panic!("bad attribute value: {e}"));
            (a.key.as_ref().to_owned(), value.into_owned())
        })
        .collect();
    Element {
        name: start.name().as_ref().to_owned(),
        attrs,
        text: String::new(),
        self_closing,
    }
}
