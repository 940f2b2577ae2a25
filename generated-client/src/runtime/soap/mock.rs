//! The SOAP side of the mock server (`runtime::mock`): requests read back with the client's
//! own decoder, answers written with its own serializer and envelope, so that both sides
//! agree by construction with what the client sends and reads.
//!
//! Answers are what NuSOAP sends in UTF-8 mode: rpc style puts the output part (`return`,
//! with its `xsi:type` for encoded use) in `<ns1:{response_element}>`; document style, and rpc
//! with several output parts, put the output's fields in that element. Faults are PHP
//! `SoapServer`'s: untyped `faultcode` and `faultstring` (SOAP 1.2: `Code/Value`,
//! `Reason/Text`).

use super::de::decode_element;
use super::envelope::{envelope_namespace, message_body};
use super::ser::{Context, escape, write_part};
use super::xml::XmlReader;
use super::{InBandError, Operation, Style, Version, charset, response};
use crate::runtime::mock::Part;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde::ser::SerializeStruct;

/// The local name of a request's Body element, if it is a SOAP request.
pub(crate) fn body_element(body: &[u8], content_type: Option<&str>) -> Option<String> {
    let text = charset::decode(body, content_type).ok()?;
    let mut reader = XmlReader::new(&text);
    let element = response::body_first_child(&mut reader).ok()?;
    Some(element.local.to_owned())
}

/// The request's Body element (the rpc wrapper, or the document element), its parts read as
/// the fields of `Q`.
pub(crate) fn read_request<Q: DeserializeOwned>(
    body: &[u8],
    content_type: Option<&str>,
) -> Result<Q, String> {
    let text = charset::decode(body, content_type)?;
    let mut reader = XmlReader::new(&text);
    let element = response::body_first_child(&mut reader).map_err(|e| e.to_string())?;
    decode_element(&mut reader, element, None).map_err(|e| e.to_string())
}

/// The `Content-Type` of every message of `version`.
pub(crate) fn content_type(version: Version) -> &'static str {
    match version {
        Version::V11 => "text/xml; charset=utf-8",
        Version::V12 => "application/soap+xml; charset=utf-8",
    }
}

/// The answer `value` to `op`; `part` is `None` for an operation without output.
pub(crate) fn answer<T: Serialize + ?Sized>(
    op: &Operation,
    part: Option<Part>,
    value: &T,
) -> Result<Vec<u8>, String> {
    let mut parts = Vec::new();
    if let Some(part) = part {
        let context = Context::new(op.version, op.body_use, op.namespace);
        if op.style == Style::Rpc && !op.all_parts {
            write_part(&mut parts, &context, part.name, part.xsi_type.into(), value)
                .map_err(|e| e.to_string())?;
        } else {
            // The output is the response element itself: its fields are the parts.
            let mut element = Vec::new();
            write_part(
                &mut element,
                &context,
                op.response_element,
                part.xsi_type.into(),
                value,
            )
            .map_err(|e| e.to_string())?;
            parts = content(&element).to_vec();
        }
    }
    message_body(op, op.response_element, &[], (&[], &parts), false).map_err(|e| e.to_string())
}

/// A business error in the service's in-band shape: the status field set to the first error
/// value, the first message field to `message`.
pub(crate) fn business(
    op: &Operation,
    part: Option<Part>,
    rule: &'static InBandError,
    message: &str,
) -> Result<Vec<u8>, String> {
    answer(op, part, &InBand { rule, message })
}

struct InBand<'m> {
    rule: &'static InBandError,
    message: &'m str,
}

impl Serialize for InBand<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let status = self.rule.error_values.first().copied().unwrap_or("error");
        let message_field = self.rule.message_fields.first();
        let mut record = serializer
            .serialize_struct("in_band_error", 1 + usize::from(message_field.is_some()))?;
        record.serialize_field(self.rule.status_field, status)?;
        if let Some(field) = message_field {
            record.serialize_field(field, self.message)?;
        }
        record.end()
    }
}

/// What an element the serializer wrote holds between its tags (nothing when it is empty).
/// The serializer escapes `>` in attribute values, so the first `>` ends the start tag.
fn content(element: &[u8]) -> &[u8] {
    let Some(start_end) = element.iter().position(|&b| b == b'>') else {
        return &[];
    };
    if start_end > 0 && element[start_end - 1] == b'/' {
        return &[];
    }
    let end_start = element
        .windows(2)
        .rposition(|w| w == b"</")
        .unwrap_or(element.len());
    element.get(start_end + 1..end_start).unwrap_or_default()
}

/// A fault envelope with `code` (a qualified name such as `SOAP-ENV:Client`) and `message`.
pub(crate) fn fault(version: Version, code: &str, message: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(512 + message.len());
    out.extend_from_slice(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"",
    );
    out.extend_from_slice(envelope_namespace(version).as_bytes());
    out.extend_from_slice(b"\"><SOAP-ENV:Body><SOAP-ENV:Fault>");
    let (code_open, code_close, text_open, text_close): (&[u8], &[u8], &[u8], &[u8]) = match version
    {
        Version::V11 => (
            b"<faultcode>",
            b"</faultcode>",
            b"<faultstring>",
            b"</faultstring>",
        ),
        Version::V12 => (
            b"<SOAP-ENV:Code><SOAP-ENV:Value>",
            b"</SOAP-ENV:Value></SOAP-ENV:Code>",
            b"<SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">",
            b"</SOAP-ENV:Text></SOAP-ENV:Reason>",
        ),
    };
    for (open, text, close) in [
        (code_open, code, code_close),
        (text_open, message, text_close),
    ] {
        out.extend_from_slice(open);
        escape(&mut out, text, false).map_err(|e| e.to_string())?;
        out.extend_from_slice(close);
    }
    out.extend_from_slice(b"</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_of_an_element() {
        assert_eq!(content(b"<a x=\"1\"><b>2</b><c/></a>"), b"<b>2</b><c/>");
        assert_eq!(content(b"<a x=\"1\"/>"), b"");
        assert_eq!(content(b"<a></a>"), b"");
        assert_eq!(content(b""), b"");
    }
}
