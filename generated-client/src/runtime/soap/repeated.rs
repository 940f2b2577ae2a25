//! Repeated elements (XSD `maxOccurs` > 1, as document/literal services write lists): one
//! sibling element per item, `<tag>1</tag><tag>2</tag>`, rather than one element holding the
//! items. Generated struct fields say so with `#[serde(with = "crate::runtime::soap::repeated")]`;
//! the SOAP serializer and decoder recognise the marker newtype this module wraps the list in.

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// The newtype name that marks a repeated element to the SOAP serializer and decoder.
pub(super) const REPEATED_NEWTYPE: &str = "$generated_client::soap::Repeated";

/// Writes `items` as one element per item, each named like the field.
pub fn serialize<V: Serialize + ?Sized, S: Serializer>(items: &V, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_newtype_struct(REPEATED_NEWTYPE, items)
}

/// Reads the field's element and its following siblings of the same name as the items.
pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_newtype_struct(REPEATED_NEWTYPE, Items(PhantomData))
}

/// A literal list parameter (.NET's `ArrayOfInt`): one element holding an element per item,
/// named as the schema says (`item: "int"`) rather than SOAP-ENC's `<item>`.
pub struct ListOf<'a, T> {
    pub item: &'static str,
    pub items: &'a [T],
}

impl<T: Serialize> Serialize for ListOf<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut list = s.serialize_struct("ListOf", 1)?;
        list.serialize_field(self.item, &Siblings(self.items))?;
        list.end()
    }
}

/// The items as repeated elements.
struct Siblings<'a, T>(&'a [T]);

impl<T: Serialize> Serialize for Siblings<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize(self.0, s)
    }
}

struct Items<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Items<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("repeated elements")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(items)
    }

    /// Other formats see a plain list.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        Vec::deserialize(d)
    }
}
