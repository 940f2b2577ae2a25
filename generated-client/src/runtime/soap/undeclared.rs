//! Child elements an answer struct does not declare: kept, never silently dropped.
//!
//! A generated answer struct ends with a field renamed [`UNDECLARED_KEY`] (`Vec<Element>`).
//! The decoder asks for it only when serde's derived visitor has already decided to ignore a
//! child (its name is no field's): that child is read into an [`Element`] instead of being
//! skipped, and the list is handed over as the struct's last entry. Children the struct
//! names cost nothing extra, and structs without the field skip unknown children as before.

use super::xml::{DecodeError, XmlReader};
use serde::de::value::{MapDeserializer, SeqDeserializer};

/// The wire name of the field that collects undeclared children (`$` is no XML name, so no
/// declared element can take it). It must be the struct's last field.
pub const UNDECLARED_KEY: &str = "$undeclared";

/// A child element the schema does not declare, as the server sent it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Element {
    /// Local name (prefix stripped).
    pub name: String,
    /// The element's text, or its markup verbatim when it has child elements. Attributes are
    /// not kept.
    pub content: String,
}

/// Reads the element whose start tag named `name` was just read, through its end tag.
pub(super) fn read(r: &mut XmlReader<'_>, name: &str) -> Result<Element, DecodeError> {
    Ok(Element {
        name: name.to_owned(),
        content: r.read_inner()?.into_owned(),
    })
}

/// Whether a struct with these serde field names collects its undeclared children.
pub(super) fn wanted(fields: &[&str]) -> bool {
    fields.last() == Some(&UNDECLARED_KEY)
}

/// The collected elements, as serde's value deserializers present them to `Vec<Element>`.
pub(super) fn into_deserializer<'de>(
    elements: Vec<Element>,
) -> impl serde::Deserializer<'de, Error = DecodeError> {
    SeqDeserializer::new(elements.into_iter().map(|element| {
        MapDeserializer::new([("name", element.name), ("content", element.content)].into_iter())
    }))
}
