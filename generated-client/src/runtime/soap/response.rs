//! From an HTTP response to the operation's output, or to the error it amounts to.

use super::de::{Capture, NoPart, decode_element};
use super::xml::{DecodeError, Start, Token, XmlReader, is_blank};
use super::{InBandError, Operation, Style, fault};
use crate::runtime::Answer;
use crate::runtime::transport::Response;
use crate::runtime::{BusinessError, Error, Fault, Value};
use std::any::Any;
use std::borrow::Cow;

/// The output of `op` from `response`.
pub(super) fn decode<T: Answer>(op: &Operation, response: &Response) -> Result<T, Error> {
    let text = body_text(response)?;
    let mut r = XmlReader::new(&text);
    let part = locate(op, response, &text, &mut r)?;
    let value: T = decode_part(&mut r, part, None).map_err(|e| decode_failure(e, &text))?;
    not_blank(value, &text)
}

/// `value`, unless the answer carried none of its documented fields.
fn not_blank<T: Answer>(value: T, body: &str) -> Result<T, Error> {
    if value.is_blank() {
        return Err(decode_failure(
            DecodeError::invalid("the answer has none of the documented fields"),
            body,
        ));
    }
    Ok(value)
}

/// Like [`decode`], reporting an in-band business error as [`Error::Business`] whether or
/// not the response also decodes as `T`.
pub(super) fn decode_checked<T: Answer + Send + Sync + 'static>(
    op: &Operation,
    response: &Response,
    rule: &InBandError,
) -> Result<T, Error> {
    let text = body_text(response)?;
    let mut r = XmlReader::new(&text);
    let part = locate(op, response, &text, &mut r)?;
    let fields = std::iter::once(rule.status_field).chain(rule.message_fields.iter().copied());
    let mut capture = Capture::new(fields);
    let result: Result<T, _> = decode_part(&mut r, part, Some(&mut capture));
    let verdict = match (capture.get(rule.status_field), &result) {
        (Some(status), _) => verdict(rule, status, |field| capture.get(field).map(str::to_owned)),
        // Decoding stopped before the status field went by: look again, loosely.
        (None, Err(_)) => rescan(op, &text, rule),
        (None, Ok(_)) => None,
    };
    match (verdict, result) {
        (Some((status, message)), result) => Err(Error::Business(BusinessError {
            status,
            message,
            body: text.into_owned(),
            decoded: result
                .ok()
                .map(|value| Box::new(value) as Box<dyn Any + Send + Sync>),
        })),
        (None, Ok(value)) => not_blank(value, &text),
        (None, Err(error)) => Err(decode_failure(error, &text)),
    }
}

/// Where the output is.
enum Part<'a> {
    Element(Start<'a>),
    /// An rpc wrapper without children.
    Missing {
        wrapper: &'a str,
    },
}

fn decode_part<'a, T: serde::Deserialize<'a>>(
    r: &mut XmlReader<'a>,
    part: Part<'a>,
    capture: Option<&mut Capture>,
) -> Result<T, DecodeError> {
    match part {
        Part::Element(start) => decode_element(r, start, capture),
        Part::Missing { wrapper } => T::deserialize(NoPart { wrapper }),
    }
}

fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

fn header<'r>(response: &'r Response, name: &str) -> Option<&'r str> {
    response
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The body as UTF-8 text (an MTOM answer's envelope, its parts resolved); a 401 or 403
/// needs no decoding.
pub(super) fn body_text(response: &Response) -> Result<Cow<'_, str>, Error> {
    let lossy = || String::from_utf8_lossy(&response.body).into_owned();
    if matches!(response.status, 401 | 403) {
        return Err(Error::AccessDenied {
            status: response.status,
            body: lossy(),
        });
    }
    let content_type = header(response, "content-type");
    let text = match content_type {
        Some(content_type) if super::mtom::is_multipart(content_type) => {
            super::mtom::envelope(&response.body, content_type).map(Cow::Owned)
        }
        _ => super::charset::decode(&response.body, content_type),
    };
    text.map_err(|reason| not_soap(response, lossy(), DecodeError::invalid(reason)))
}

/// Positions `r` on the output element, or turns a fault or an unusable body into its error.
fn locate<'a>(
    op: &Operation,
    response: &Response,
    text: &'a str,
    r: &mut XmlReader<'a>,
) -> Result<Part<'a>, Error> {
    let first = body_first_child(r).map_err(|e| not_soap(response, text.to_owned(), e))?;
    if first.ns.is_envelope() && first.local == "Fault" {
        return Err(match fault::read(r) {
            Ok(parts) => Error::Fault(Box::new(Fault {
                code: parts.code,
                string: parts.string,
                actor: parts.actor,
                detail: parts.detail,
                http_status: response.status,
                body: text.to_owned(),
            })),
            Err(error) => not_soap(response, text.to_owned(), error),
        });
    }
    if !is_success(response.status) {
        let reason = DecodeError::invalid("a SOAP answer without a Fault");
        return Err(not_soap(response, text.to_owned(), reason));
    }
    match op.style {
        Style::Document => Ok(Part::Element(first)),
        Style::Rpc if op.all_parts => Ok(Part::Element(first)),
        Style::Rpc => match r.next_child() {
            Ok(Some(part)) => Ok(Part::Element(part)),
            Ok(None) => Ok(Part::Missing {
                wrapper: first.local,
            }),
            Err(error) => Err(decode_failure(error, text)),
        },
    }
}

/// Reads up to the first child of `Body`.
pub(super) fn body_first_child<'a>(r: &mut XmlReader<'a>) -> Result<Start<'a>, DecodeError> {
    let root = loop {
        match r.next()? {
            Token::Start(root) => break root,
            Token::Text(text) if is_blank(&text) => {}
            Token::Text(_) | Token::End => return Err(DecodeError::invalid("the body is not XML")),
            Token::Eof => return Err(DecodeError::invalid("the body is empty")),
        }
    };
    if !(root.ns.is_envelope() && root.local == "Envelope") {
        return Err(DecodeError::invalid(format!(
            "the document is <{}>, not a SOAP Envelope",
            root.local
        )));
    }
    loop {
        match r.next_child()? {
            Some(child) if child.ns == root.ns && child.local == "Body" => break,
            Some(_) => r.skip_to_end()?,
            None => return Err(DecodeError::invalid("the Envelope has no Body")),
        }
    }
    r.next_child()?
        .ok_or_else(|| DecodeError::invalid("the Body is empty"))
}

/// A 2xx body that does not decode.
fn decode_failure(error: DecodeError, body: &str) -> Error {
    Error::Decode {
        message: error.to_string(),
        body: body.to_owned(),
    }
}

/// A body that is no SOAP answer (or, for a non-2xx status, no fault): a decode error for
/// 2xx, else an HTTP error (PHP's HTML error page, a proxy's 502).
fn not_soap(response: &Response, body: String, reason: DecodeError) -> Error {
    let status = response.status;
    if is_success(status) {
        return decode_failure(reason, &body);
    }
    Error::Http { status, body }
}

/// `(status, message)` when `status` is one of the rule's error values.
fn verdict(
    rule: &InBandError,
    status: &str,
    field: impl Fn(&str) -> Option<String>,
) -> Option<(String, String)> {
    let status = status.trim();
    if !rule
        .error_values
        .iter()
        .any(|value| value.eq_ignore_ascii_case(status))
    {
        return None;
    }
    let message = rule
        .message_fields
        .iter()
        .filter_map(|name| field(name))
        .find(|message| !message.trim().is_empty())
        .unwrap_or_default();
    Some((status.to_owned(), message))
}

/// The in-band verdict from a loose reading of the output element as a [`Value`].
fn rescan(op: &Operation, text: &str, rule: &InBandError) -> Option<(String, String)> {
    let mut r = XmlReader::new(text);
    let first = body_first_child(&mut r).ok()?;
    let part = match op.style {
        Style::Document => first,
        Style::Rpc => r.next_child().ok()??,
    };
    let Value::Map(entries) = decode_element::<Value>(&mut r, part, None).ok()? else {
        return None;
    };
    let field = |name: &str| {
        entries
            .iter()
            .find(|(key, _)| matches!(key, Value::String(k) if k == name))
            .map(|(_, value)| match value {
                Value::String(text) => text.clone(),
                Value::Int(n) => n.to_string(),
                Value::Float(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Null | Value::List(_) | Value::Map(_) => String::new(),
            })
    };
    verdict(rule, &field(rule.status_field)?, field)
}
