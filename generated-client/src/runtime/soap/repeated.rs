//! Repeated elements (XSD `maxOccurs` > 1, as document/literal services write lists): one
//! sibling element per item, `<tag>1</tag><tag>2</tag>`, rather than one element holding the
//! items. Generated struct fields say so with `#[serde(with = "crate::runtime::soap::repeated")]`;
//! the SOAP serializer and decoder recognise the marker newtype this module wraps the list in.

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
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
