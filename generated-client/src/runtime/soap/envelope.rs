//! The request envelope around the parts, and the HTTP headers that go with it.
//!
//! The envelope declares `SOAP-ENV`, `xsd`, `xsi`, `SOAP-ENC` and, for the operation's
//! namespace, `ns1`. rpc style wraps the parts in `<ns1:{request_element}>` (with
//! `SOAP-ENV:encodingStyle` for encoded use), which leaves no default namespace for them;
//! document style puts them in `<{request_element} xmlns="{namespace}">`, and a part in
//! another namespace (or none) declares its own (see `ser.rs`). The wrapper's start tag
//! also carries the attributes of a document operation's input element (`attributes.rs`).
//! A bare document operation
//! (a body element that is not a record) has no wrapper: its one part is the body element.
//! Header blocks (a WS-Security UsernameToken, `wsse.rs`, and the operation's `soap:header`
//! elements) go in a `SOAP-ENV:Header` before the body; without any, no `Header` is written.

use super::ser::{OPERATION_PREFIX, SerError, escape, is_xml_name};
use super::xml::{ENCODING_11, ENCODING_12, ENVELOPE_11, ENVELOPE_12, XSD, XSI};
use super::{Operation, Style, Use, Version};

pub(super) fn envelope_namespace(version: Version) -> &'static str {
    match version {
        Version::V11 => ENVELOPE_11,
        Version::V12 => ENVELOPE_12,
    }
}

pub(super) fn encoding_namespace(version: Version) -> &'static str {
    match version {
        Version::V11 => ENCODING_11,
        Version::V12 => ENCODING_12,
    }
}

/// The complete request body: declaration, envelope, `header` blocks (in a `Header` unless
/// there are none), body, wrapper with `attributes` (written, with their leading spaces),
/// `parts`.
pub(super) fn request_body(
    op: &Operation,
    header: &[u8],
    (attributes, parts): (&[u8], &[u8]),
) -> Result<Vec<u8>, SerError> {
    message_body(op, op.request_element, header, (attributes, parts), op.bare)
}

/// A complete message of `op` whose Body element is `element` (the request element, or the
/// response element the mock server answers with) with `attributes` holding `parts`, after
/// the `header` blocks; a `bare` message has no wrapper, its one part being the Body element.
pub(super) fn message_body(
    op: &Operation,
    element: &str,
    header: &[u8],
    (attributes, parts): (&[u8], &[u8]),
    bare: bool,
) -> Result<Vec<u8>, SerError> {
    if !bare && !is_xml_name(element) {
        return Err(SerError(format!(
            "body element {element:?} is not an XML element name"
        )));
    }
    let mut out = Vec::with_capacity(header.len() + parts.len() + 512);
    out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope");
    declare(&mut out, "xmlns:SOAP-ENV", envelope_namespace(op.version))?;
    declare(&mut out, "xmlns:xsd", XSD)?;
    declare(&mut out, "xmlns:xsi", XSI)?;
    declare(&mut out, "xmlns:SOAP-ENC", encoding_namespace(op.version))?;
    if !op.namespace.is_empty() {
        declare(&mut out, &format!("xmlns:{OPERATION_PREFIX}"), op.namespace)?;
    }
    out.push(b'>');
    if !header.is_empty() {
        out.extend_from_slice(b"<SOAP-ENV:Header>");
        out.extend_from_slice(header);
        out.extend_from_slice(b"</SOAP-ENV:Header>");
    }
    out.extend_from_slice(b"<SOAP-ENV:Body>");
    if bare {
        out.extend_from_slice(parts);
        out.extend_from_slice(b"</SOAP-ENV:Body></SOAP-ENV:Envelope>");
        return Ok(out);
    }
    let wrapper = if op.namespace.is_empty() || op.style == Style::Document {
        element.to_owned()
    } else {
        format!("{OPERATION_PREFIX}:{element}")
    };
    out.push(b'<');
    out.extend_from_slice(wrapper.as_bytes());
    match op.style {
        Style::Rpc if op.body_use == Use::Encoded => {
            declare(
                &mut out,
                "SOAP-ENV:encodingStyle",
                encoding_namespace(op.version),
            )?;
        }
        Style::Document if !op.namespace.is_empty() => {
            declare(&mut out, "xmlns", op.namespace)?;
        }
        _ => {}
    }
    out.extend_from_slice(attributes);
    out.push(b'>');
    out.extend_from_slice(parts);
    out.extend_from_slice(b"</");
    out.extend_from_slice(wrapper.as_bytes());
    out.extend_from_slice(b"></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    Ok(out)
}

/// Appends ` name="value"`.
fn declare(out: &mut Vec<u8>, name: &str, value: &str) -> Result<(), SerError> {
    out.push(b' ');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"=\"");
    escape(out, value, true)?;
    out.push(b'"');
    Ok(())
}

/// `Content-Type` and, for SOAP 1.1, `SOAPAction`; SOAP 1.2 carries the action in the
/// content type.
pub(super) fn request_headers(op: &Operation) -> Vec<(String, String)> {
    match op.version {
        Version::V11 => vec![
            (
                "Content-Type".to_owned(),
                "text/xml; charset=utf-8".to_owned(),
            ),
            ("SOAPAction".to_owned(), format!("\"{}\"", op.soap_action)),
        ],
        Version::V12 => {
            let mut content_type = "application/soap+xml; charset=utf-8".to_owned();
            if !op.soap_action.is_empty() {
                content_type.push_str(&format!("; action=\"{}\"", op.soap_action));
            }
            vec![("Content-Type".to_owned(), content_type)]
        }
    }
}
