//! XML markup taken and kept verbatim: the content of a request element whose schema leaves
//! it open (`xsd:any`, `anyType`, no type at all), such as the signed XML document a tax
//! authority's service expects inside its one body element.
//!
//! A value is checked once, when it is made ([`Xml::new`]): it is written into the envelope
//! as it is, so it must not be able to break the envelope around it.

use crate::runtime::Error;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// The serde name of a struct's one field that takes its element's whole content as markup
/// (the open content of a request element, in the mock server's request struct).
pub const MARKUP_KEY: &str = "$markup";

/// The serde newtype name [`Xml`] asks for.
const XML_NEWTYPE: &str = "$generated_client::soap::Xml";

/// Element content written as given: elements, text, comments, CDATA, processing
/// instructions, with no XML declaration or DOCTYPE.
///
/// [`Xml::new`] refuses markup that is not well-formed content on its own: unbalanced or
/// mismatched tags, a malformed attribute, an entity other than XML's five (nothing is
/// expanded), a namespace prefix the markup does not declare itself (the envelope's own
/// prefixes are not the caller's to rely on), a declaration or a DOCTYPE.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Xml(String);

impl Xml {
    /// Checks `markup` as described on [`Xml`]; [`Error::InvalidRequest`] names what is wrong.
    pub fn new(markup: impl Into<String>) -> Result<Self, Error> {
        let markup = markup.into();
        check(&markup).map_err(|problem| Error::InvalidRequest {
            message: format!("XML content: {problem}"),
        })?;
        Ok(Self(markup))
    }

    /// Text as element content: escaped, so that it reads back as the same text.
    pub fn text(text: &str) -> Self {
        Self(quick_xml::escape::escape(text).into_owned())
    }

    /// The markup, as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Xml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why `markup` is not content [`Xml`] can carry.
fn check(markup: &str) -> Result<(), String> {
    let mut reader = NsReader::from_str(markup);
    let mut depth = 0usize;
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        if let ResolveResult::Unknown(prefix) = ns {
            return Err(undeclared(&prefix));
        }
        match event {
            Event::Eof if depth == 0 => return Ok(()),
            Event::Eof => return Err("an element is not closed".to_owned()),
            Event::Start(start) => {
                attributes(&reader, &start)?;
                depth += 1;
            }
            Event::Empty(start) => attributes(&reader, &start)?,
            Event::End(_) => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| "an end tag closes nothing".to_owned())?;
            }
            Event::GeneralRef(reference) => {
                let name = reference.xml10_content();
                let known = matches!(&*name, "lt" | "gt" | "amp" | "apos" | "quot");
                if !known
                    && reference
                        .resolve_char_ref()
                        .map_err(|e| e.to_string())?
                        .is_none()
                {
                    return Err(format!("entity `&{name};` is not defined"));
                }
            }
            Event::Decl(_) => return Err("an XML declaration cannot be content".to_owned()),
            Event::DocType(_) => return Err("a DOCTYPE cannot be content".to_owned()),
            Event::Text(_) | Event::CData(_) | Event::Comment(_) | Event::PI(_) => {}
        }
    }
}

/// Why an attribute of `start` is not well-formed, or uses an undeclared prefix.
fn attributes(reader: &NsReader<&[u8]>, start: &BytesStart<'_>) -> Result<(), String> {
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        if let (ResolveResult::Unknown(prefix), _) =
            reader.resolver().resolve_attribute(attribute.key)
        {
            return Err(undeclared(&prefix));
        }
        attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn undeclared(prefix: &str) -> String {
    format!("namespace prefix `{prefix}` is not declared in the markup")
}

impl<'de> de::Deserialize<'de> for Xml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_newtype_struct(XML_NEWTYPE, XmlVisitor)
    }
}

/// Takes the markup the SOAP decoder hands over (already read from a well-formed message),
/// or, from any other format, a string to check.
struct XmlVisitor;

impl<'de> Visitor<'de> for XmlVisitor {
    type Value = Xml;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("XML markup")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Xml, E> {
        self.visit_string(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Xml, E> {
        Xml::new(v).map_err(E::custom)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Xml, D::Error> {
        deserializer.deserialize_string(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_well_formed_content_as_given() {
        for markup in [
            "",
            "plain text",
            "<inutNFe xmlns=\"urn:nfe\" versao=\"4.00\"><a>1 &amp; 2 &#233;</a></inutNFe>",
            "<p:a xmlns:p=\"urn:p\" p:id=\"x\"/><b><![CDATA[<raw>]]></b><!-- note --><?pi data?>",
            "<a xml:lang=\"pt\">text</a> and a tail",
        ] {
            assert_eq!(Xml::new(markup).unwrap().as_str(), markup);
        }
        assert_eq!(Xml::text("a < b & c").as_str(), "a &lt; b &amp; c");
    }

    #[test]
    fn refuses_what_would_break_the_envelope() {
        for (markup, problem) in [
            ("<a>", "not closed"),
            ("<a><b></a>", "expected"),
            ("</a>", "</a>"),
            ("<a></a></b>", "</b>"),
            ("<p:a/>", "prefix `p`"),
            ("<a q:x=\"1\"/>", "prefix `q`"),
            ("<a x=\"1\" x=\"2\"/>", "duplicated"),
            ("<a>&nbsp;</a>", "`&nbsp;`"),
            ("<?xml version=\"1.0\"?><a/>", "declaration"),
            ("<!DOCTYPE a><a/>", "DOCTYPE"),
        ] {
            let Err(Error::InvalidRequest { message }) = Xml::new(markup) else {
                panic!("{markup:?} was taken");
            };
            assert!(message.contains(problem), "{markup:?}: {message}");
        }
    }
}
