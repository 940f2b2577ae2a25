//! One field of an answer, read leniently: vendors leave documented keys out, send `null`,
//! `xsi:nil`, empty text or `"1,234.50"` where the docs promise a number. None of that may
//! turn an answer that reports a performed order into an error, and none of it may become a
//! made-up value (no `0.0`, no 1970): the field says what came instead.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// The newtype name [`Lenient`] asks a deserializer for. The runtime's decoders (SOAP and
/// JSON) answer it as [`Attempt`] describes; any other deserializer reads
/// the value strictly, `null` as [`Lenient::Absent`].
pub(crate) const LENIENT_NEWTYPE: &str = "$generated_client::Lenient";

/// A field of an answer: its value, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Lenient<T> {
    /// The value, read as its documented type.
    Value(T),
    /// The server sent no value: the key or element was missing, `null`, `xsi:nil`, or (for
    /// anything but text) empty.
    #[default]
    Absent,
    /// The server sent something that does not read as the documented type (`"1,234.50"`
    /// for an amount): the raw text, as sent.
    Unreadable(String),
}

impl<T> Lenient<T> {
    /// The value, if it was readable.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Unreadable(_) => None,
        }
    }

    /// The value, if it was readable.
    pub fn into_value(self) -> Option<T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Unreadable(_) => None,
        }
    }

    /// Whether the server sent no value.
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// The raw text the server sent, when it did not read as the documented type.
    pub fn unreadable(&self) -> Option<&str> {
        match self {
            Self::Unreadable(raw) => Some(raw),
            Self::Value(_) | Self::Absent => None,
        }
    }
}

impl<T> From<T> for Lenient<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_newtype_struct(LENIENT_NEWTYPE, LenientVisitor(PhantomData))
    }
}

/// Sends the value as it came: a value as itself, the raw text of an unreadable one as text,
/// an absent one as nothing (`skip_serializing_if = "Lenient::is_absent"` leaves it out).
impl<T: Serialize> Serialize for Lenient<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(value) => value.serialize(serializer),
            Self::Absent => serializer.serialize_none(),
            Self::Unreadable(raw) => serializer.serialize_str(raw),
        }
    }
}

struct LenientVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for LenientVisitor<T> {
    type Value = Lenient<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value, or nothing")
    }

    fn visit_none<E>(self) -> Result<Lenient<T>, E> {
        Ok(Lenient::Absent)
    }

    fn visit_unit<E>(self) -> Result<Lenient<T>, E> {
        Ok(Lenient::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Lenient<T>, D::Error> {
        T::deserialize(deserializer).map(Lenient::Value)
    }

    /// A deserializer that does not know the protocol: strict, `null` is absent.
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Lenient<T>, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.map_or(Lenient::Absent, Lenient::Value))
    }

    /// The runtime's decoders: see [`Attempt`].
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lenient<T>, A::Error> {
        match seq.next_element::<T>() {
            Ok(Some(value)) => Ok(Lenient::Value(value)),
            Ok(None) => Ok(Lenient::Absent),
            Err(_) => Ok(match seq.next_element::<String>()? {
                Some(raw) => Lenient::Unreadable(raw),
                None => Lenient::Absent,
            }),
        }
    }
}

/// How a decoder answers [`LENIENT_NEWTYPE`]: with a sequence whose first element is the
/// value read as its type. When that fails and the decoder could step over what it was
/// reading, a second element is the raw text (none when the text was blank: absent). When it
/// could not (the document itself is broken), the second request fails with that error.
pub(crate) enum Attempt<E> {
    /// The value was not asked for yet.
    Pending,
    /// It failed on a value that is merely unreadable; its raw text (blank: absent).
    Unreadable(String),
    /// It failed because the document is broken: the error to pass on.
    Broken(E),
    Done,
}

impl<E: de::Error> Attempt<E> {
    /// The answer to the second request, after the first failed.
    pub(crate) fn second<'de, S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, E> {
        match std::mem::replace(self, Self::Done) {
            Self::Unreadable(raw) if raw.trim().is_empty() => Ok(None),
            Self::Unreadable(raw) => seed
                .deserialize(de::value::StringDeserializer::<E>::new(raw))
                .map(Some),
            Self::Broken(error) => Err(error),
            Self::Pending | Self::Done => Ok(None),
        }
    }

    /// The error the first request returns once the failure was recorded here: the visitor
    /// only learns that it failed.
    pub(crate) fn failed() -> E {
        E::custom("the value did not read as its type")
    }
}

/// What a call decodes an answer into. A generated record whose every documented field
/// came back absent is blank: such an answer reports nothing (an empty body, `[]`, a nil
/// return), so the call fails with [`Error::Decode`](crate::runtime::Error::Decode) and never
/// passes for a success. Anything else is never blank.
pub trait Answer: serde::de::DeserializeOwned {
    /// Whether the answer carried none of the documented fields.
    fn is_blank(&self) -> bool {
        false
    }
}

macro_rules! never_blank {
    ($($t:ty),*) => {$( impl Answer for $t {} )*};
}

never_blank!(
    (),
    String,
    bool,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    f64,
    rust_decimal::Decimal,
    crate::runtime::UnixTime,
    crate::runtime::DateTime,
    crate::runtime::Date,
    crate::runtime::Time,
    crate::runtime::Duration,
    crate::runtime::Base64,
    crate::runtime::HexBinary,
    crate::runtime::Value,
    serde::de::IgnoredAny
);

impl<T: serde::de::DeserializeOwned> Answer for Vec<T> {}

impl<T: serde::de::DeserializeOwned> Answer for Option<T> {}

impl<K: serde::de::DeserializeOwned + Ord, V: serde::de::DeserializeOwned> Answer
    for std::collections::BTreeMap<K, V>
{
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_deserializers_read_strictly_with_null_as_absent() {
        let fields: Vec<Lenient<i64>> = serde_json::from_str("[1, null]").unwrap();
        assert_eq!(fields, [Lenient::Value(1), Lenient::Absent]);
        assert!(serde_json::from_str::<Lenient<i64>>(r#""x""#).is_err());
    }

    #[test]
    fn serializes_as_sent() {
        let fields = [
            Lenient::Value(5),
            Lenient::Absent,
            Lenient::Unreadable("5,0".to_owned()),
        ];
        assert_eq!(serde_json::to_string(&fields).unwrap(), r#"[5,null,"5,0"]"#);
    }

    #[test]
    fn accessors() {
        let unreadable: Lenient<i64> = Lenient::Unreadable("x".to_owned());
        assert_eq!(unreadable.value(), None);
        assert_eq!(unreadable.unreadable(), Some("x"));
        assert!(!unreadable.is_absent());
        assert!(Lenient::<i64>::default().is_absent());
        assert_eq!(Lenient::from(3).into_value(), Some(3));
    }
}
