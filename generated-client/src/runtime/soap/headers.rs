//! Typed `soap:header` parts: written into the request's Header, read from the answer's.
//!
//! A request header is a literal element in its schema's namespace, declared as the default
//! namespace on the element itself, so its children are in it too (`elementFormDefault=
//! "qualified"`, as .NET services such as SQL Server Reporting Services write their headers).
//! An answer's headers are looked up by local name when asked for ([`Headers::get`]), each a
//! [`Lenient`] value: a header the server leaves out is absent, one that does not decode is
//! kept raw, and neither fails the call.

use super::de::decode_element;
use super::ser::{self, Context, SerError};
use super::xml::{DecodeError, Start, Token, XmlReader, is_blank};
use super::{Operation, XsiType};
use crate::runtime::Lenient;
use crate::runtime::redact::Redactor;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// One request header element.
pub(super) struct Header {
    pub element: &'static str,
    /// Empty: in no namespace (a `type=` part without `namespace=`).
    pub namespace: &'static str,
    /// `use="encoded"`: the element's `xsi:type`.
    pub encoded: Option<XsiType>,
}

/// Appends `header` holding `value` to `out`; the fields of a literal record are qualified as
/// `op`'s record tables say (an unqualified schema's are in no namespace). The secrets the
/// value holds are added to `secrets`.
pub(super) fn write<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    op: &Operation,
    header: Header,
    value: &T,
    secrets: &mut Redactor,
) -> Result<(), SerError> {
    let Header {
        element,
        namespace,
        encoded,
    } = header;
    let context = Context::header(op, namespace, encoded.is_some());
    let before = out.len();
    let xsi_type = encoded.unwrap_or(XsiType::xsd("anyType"));
    ser::write_part(out, &context, element, xsi_type.into(), value)?;
    context.take_secrets(secrets);
    // The start tag is `<element` followed by its attributes: declare the namespace there.
    let name_end = before + 1 + element.len();
    if !namespace.is_empty()
        && out
            .get(before..name_end)
            .is_some_and(|tag| tag.ends_with(element.as_bytes()))
    {
        let mut declaration = b" xmlns=\"".to_vec();
        ser::escape(&mut declaration, namespace, true)?;
        declaration.push(b'"');
        out.splice(name_end..name_end, declaration);
    }
    Ok(())
}

/// The headers of an answer: its envelope, searched when a header is asked for.
#[derive(Debug, Clone)]
pub struct Headers {
    envelope: String,
}

impl Headers {
    pub(super) fn new(envelope: String) -> Self {
        Self { envelope }
    }

    /// The header element named `element` (local name), decoded as `H`.
    pub fn get<H: DeserializeOwned>(&self, element: &str) -> Lenient<H> {
        let mut r = XmlReader::new(&self.envelope);
        let Ok(Some(start)) = find(&mut r, element) else {
            return Lenient::Absent;
        };
        if start.nil {
            return Lenient::Absent;
        }
        match decode_element::<H>(&mut r, start, None) {
            Ok(value) => Lenient::Value(value),
            Err(_) => Lenient::Unreadable(self.raw(element).unwrap_or_default()),
        }
    }

    /// The content of header `element` as sent.
    fn raw(&self, element: &str) -> Option<String> {
        let mut r = XmlReader::new(&self.envelope);
        find(&mut r, element).ok()??;
        r.read_inner().ok().map(|inner| inner.into_owned())
    }
}

/// Positions `r` inside the first child of the envelope's Header named `element`.
fn find<'a>(r: &mut XmlReader<'a>, element: &str) -> Result<Option<Start<'a>>, DecodeError> {
    let root = loop {
        match r.next()? {
            Token::Start(root) => break root,
            Token::Text(text) if is_blank(&text) => {}
            _ => return Ok(None),
        }
    };
    if !root.ns.is_envelope() {
        return Ok(None);
    }
    loop {
        match r.next_child()? {
            Some(child) if child.ns == root.ns && child.local == "Header" => break,
            Some(_) => r.skip_to_end()?,
            None => return Ok(None),
        }
    }
    while let Some(child) = r.next_child()? {
        if child.local == element {
            return Ok(Some(child));
        }
        r.skip_to_end()?;
    }
    Ok(None)
}
