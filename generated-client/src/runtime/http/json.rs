//! JSON as the HTTP APIs really send it, and a lenient serde `Deserializer` over it.
//!
//! The body is parsed once into [`Json`], a tree that keeps object keys in the order the
//! server sent them. Deserializing from that tree forgives the vendors' habits: numbers and
//! booleans sent as strings (`"12"`, `"10.50"`, `"true"`, `"1"`), numbers where text is
//! expected, PHP's `[]` for an empty object and `{"1": …, "2": …}` for a list. Errors name
//! the path of the value that failed (`orders[2].amount`).
//!
//! Serde buffers the input of `#[serde(flatten)]` fields and untagged enums in its own
//! strict format, so the leniency does not reach inside those. Generated structs that keep
//! "every further key" (numbered entries of a search page) therefore name that field
//! [`REST_KEY`] instead of flattening it: this deserializer hands it the keys the struct does
//! not name.

use crate::runtime::lenient::{Attempt, LENIENT_NEWTYPE};
use serde::de::{self, Expected, Unexpected, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The serde name of a struct field that receives every key the struct does not name.
pub const REST_KEY: &str = "$rest";

/// A parsed JSON value; objects keep their keys in the server's order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// A JSON number as serde_json reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Json {
    /// Parses a whole body. An empty (or blank) body is `null`; a UTF-8 byte-order mark,
    /// which some PHP servers emit, is skipped.
    pub(crate) fn parse(body: &[u8]) -> Result<Self, serde_json::Error> {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self::Null);
        }
        serde_json::from_slice(body)
    }

    /// The value under `key`, when this is an object that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Self::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a scalar, or of a list of scalars joined with `; `.
    pub(crate) fn text(&self) -> Option<String> {
        match self {
            Self::String(text) => Some(text.clone()),
            Self::Number(number) => Some(number.text()),
            Self::Bool(flag) => Some(flag.to_string()),
            Self::Array(items) => {
                let texts: Option<Vec<String>> = items.iter().map(Self::text).collect();
                texts
                    .filter(|texts| !texts.is_empty())
                    .map(|texts| texts.join("; "))
            }
            Self::Null | Self::Object(_) => None,
        }
    }

    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Self::Null => Unexpected::Unit,
            Self::Bool(flag) => Unexpected::Bool(*flag),
            Self::Number(Number::Unsigned(n)) => Unexpected::Unsigned(*n),
            Self::Number(Number::Signed(n)) => Unexpected::Signed(*n),
            Self::Number(Number::Float(n)) => Unexpected::Float(*n),
            Self::String(text) => Unexpected::Str(text),
            Self::Array(_) => Unexpected::Seq,
            Self::Object(_) => Unexpected::Map,
        }
    }

    fn invalid_type(&self, expected: &dyn Expected) -> DecodeError {
        de::Error::invalid_type(self.unexpected(), expected)
    }
}

/// Back to JSON text: what an unreadable list or object keeps as its raw value.
impl Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Self::Null => serializer.serialize_unit(),
            Self::Bool(flag) => serializer.serialize_bool(*flag),
            Self::Number(Number::Unsigned(n)) => serializer.serialize_u64(*n),
            Self::Number(Number::Signed(n)) => serializer.serialize_i64(*n),
            Self::Number(Number::Float(n)) => serializer.serialize_f64(*n),
            Self::String(text) => serializer.serialize_str(text),
            Self::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Self::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl Number {
    /// Plain decimal text; floats in their shortest round-trip form.
    fn text(self) -> String {
        match self {
            Self::Unsigned(n) => n.to_string(),
            Self::Signed(n) => n.to_string(),
            Self::Float(n) => n.to_string(),
        }
    }

    fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self {
            Self::Unsigned(n) => visitor.visit_u64(n),
            Self::Signed(n) => visitor.visit_i64(n),
            Self::Float(n) => visitor.visit_f64(n),
        }
    }

    /// The integer a float stands for, when it has no fraction and fits.
    fn integral(value: f64) -> Option<Self> {
        const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
        if !value.is_finite() || value.fract() != 0.0 {
            None
        } else if (0.0..2.0 * TWO_POW_63).contains(&value) {
            Some(Self::Unsigned(value as u64))
        } else if (-TWO_POW_63..0.0).contains(&value) {
            Some(Self::Signed(value as i64))
        } else {
            None
        }
    }

    /// An integer written as text: `12`, `-3`, ` 7 `, `12345.0`.
    fn parse_integer(text: &str) -> Option<Self> {
        let text = text.trim();
        let text = match text.split_once('.') {
            Some((whole, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => whole,
            _ => text,
        };
        text.parse()
            .map(Self::Unsigned)
            .or_else(|_| text.parse().map(Self::Signed))
            .ok()
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Number(Number::Unsigned(value)))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Number(Number::Signed(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json, E> {
        Ok(Json::Number(Number::Float(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Json, E> {
        Ok(Json::String(value))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, Json>()? {
            entries.push(entry);
        }
        Ok(Json::Object(entries))
    }
}

/// Why a value could not be decoded, and where.
#[derive(Debug)]
pub(crate) struct DecodeError {
    message: String,
    /// From the failing value outwards.
    path: Vec<PathSegment>,
    /// The text of the scalar that did not read as its type, for a
    /// [`Lenient`](crate::runtime::Lenient) field to keep. Recorded only when a value fails,
    /// so that answers that follow the docs copy nothing.
    raw: Option<String>,
}

#[derive(Debug)]
enum PathSegment {
    Key(String),
    Index(usize),
}

impl DecodeError {
    fn within(mut self, segment: PathSegment) -> Self {
        self.path.push(segment);
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            return f.write_str(&self.message);
        }
        f.write_str("at `")?;
        for (position, segment) in self.path.iter().rev().enumerate() {
            match segment {
                PathSegment::Key(key) if position == 0 => f.write_str(key)?,
                PathSegment::Key(key) => write!(f, ".{key}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        write!(f, "`: {}", self.message)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self {
            message: message.to_string(),
            path: Vec::new(),
            raw: None,
        }
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Self {
            raw: scalar_text(&unexpected),
            ..Self::custom(format_args!(
                "invalid type: {unexpected}, expected {expected}"
            ))
        }
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Self {
            raw: scalar_text(&unexpected),
            ..Self::custom(format_args!(
                "invalid value: {unexpected}, expected {expected}"
            ))
        }
    }
}

/// The text of a scalar that a visitor refused.
fn scalar_text(unexpected: &Unexpected<'_>) -> Option<String> {
    Some(match unexpected {
        Unexpected::Str(text) => (*text).to_owned(),
        Unexpected::Signed(n) => n.to_string(),
        Unexpected::Unsigned(n) => n.to_string(),
        Unexpected::Float(n) => n.to_string(),
        Unexpected::Bool(b) => b.to_string(),
        _ => return None,
    })
}

/// A [`Lenient`](crate::runtime::Lenient) field's value, answering
/// [`LENIENT_NEWTYPE`] as [`Attempt`] describes. A scalar that fails keeps its text through
/// the error; a list or object is kept whole (as JSON text) for the same purpose.
struct LenientJson {
    value: Option<Json>,
    attempt: Attempt<DecodeError>,
}

impl<'de> de::SeqAccess<'de> for LenientJson {
    type Error = DecodeError;

    fn next_element_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        let Some(value) = self.value.take() else {
            return self.attempt.second(seed);
        };
        let whole = matches!(value, Json::Array(_) | Json::Object(_))
            .then(|| serde_json::to_string(&value).unwrap_or_default());
        seed.deserialize(value).map(Some).map_err(|error| {
            let raw = whole.or(error.raw).unwrap_or(error.message);
            self.attempt = Attempt::Unreadable(raw);
            Attempt::failed()
        })
    }
}

impl Json {
    fn deserialize_integer<'de, V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let number = match &self {
            Self::Number(Number::Float(value)) => Number::integral(*value),
            Self::Number(number) => Some(*number),
            Self::String(text) => Number::parse_integer(text),
            _ => None,
        };
        match number {
            Some(number) => number.visit(visitor),
            None => Err(self.invalid_type(&visitor)),
        }
    }

    fn visit_array<'de, V: Visitor<'de>>(
        items: Vec<Json>,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let mut access = Items {
            items: items.into_iter(),
            index: 0,
        };
        let value = visitor.visit_seq(&mut access)?;
        match access.items.len() {
            0 => Ok(value),
            left => Err(de::Error::invalid_length(
                access.index + left,
                &"fewer elements",
            )),
        }
    }

    fn visit_object<'de, V: Visitor<'de>>(
        entries: Vec<(String, Json)>,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_map(Entries {
            entries: entries.into_iter(),
            pending: None,
        })
    }

    /// PHP's `{"1": …, "2": …}` for a list: every key a number, taken in numeric order.
    fn numbered_items(entries: &[(String, Json)]) -> Option<Vec<Json>> {
        let mut numbered = entries
            .iter()
            .map(|(key, value)| Some((key.trim().parse::<u64>().ok()?, value.clone())))
            .collect::<Option<Vec<_>>>()?;
        numbered.sort_by_key(|(number, _)| *number);
        Some(numbered.into_iter().map(|(_, value)| value).collect())
    }
}

impl<'de> de::Deserializer<'de> for Json {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self {
            Self::Null => visitor.visit_unit(),
            Self::Bool(flag) => visitor.visit_bool(flag),
            Self::Number(number) => number.visit(visitor),
            Self::String(text) => visitor.visit_string(text),
            Self::Array(items) => Self::visit_array(items, visitor),
            Self::Object(entries) => Self::visit_object(entries, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let flag = match &self {
            Self::Bool(flag) => Some(*flag),
            Self::Number(Number::Unsigned(0)) => Some(false),
            Self::Number(Number::Unsigned(1)) => Some(true),
            Self::String(text) => match text.trim() {
                "1" => Some(true),
                "0" => Some(false),
                word if word.eq_ignore_ascii_case("true") => Some(true),
                word if word.eq_ignore_ascii_case("false") => Some(false),
                _ => None,
            },
            _ => None,
        };
        match flag {
            Some(flag) => visitor.visit_bool(flag),
            None => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_integer(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_integer(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_integer(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_integer(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_integer(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_integer(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_integer(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_integer(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self {
            Self::Number(number) => number.visit(visitor),
            Self::String(ref text) => match text.trim().parse::<f64>() {
                Ok(value) if value.is_finite() => visitor.visit_f64(value),
                _ => Err(self.invalid_type(&visitor)),
            },
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self {
            Self::String(text) => visitor.visit_string(text),
            Self::Number(number) => visitor.visit_string(number.text()),
            Self::Bool(flag) => visitor.visit_string(flag.to_string()),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self {
            Self::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    /// Whatever the server sent where nothing was expected is dropped: the answer of an
    /// operation documented without fields carries no information the caller asked for.
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match (name, self) {
            (LENIENT_NEWTYPE, Self::Null) => visitor.visit_none(),
            (LENIENT_NEWTYPE, value) => visitor.visit_seq(LenientJson {
                value: Some(value),
                attempt: Attempt::Pending,
            }),
            (_, value) => visitor.visit_newtype_struct(value),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self {
            Self::Array(items) => Self::visit_array(items, visitor),
            Self::Object(ref entries) => match Self::numbered_items(entries) {
                Some(items) => Self::visit_array(items, visitor),
                None => Err(self.invalid_type(&visitor)),
            },
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self {
            Self::Object(entries) => Self::visit_object(entries, visitor),
            // PHP encodes an empty associative array as `[]`.
            Self::Array(items) if items.is_empty() => Self::visit_object(Vec::new(), visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self {
            // Keys the struct does not name go to its `REST_KEY` field, still decoded leniently
            // (serde's own `flatten` would buffer them and decode strictly).
            Self::Object(entries) if fields.contains(&REST_KEY) => {
                let (mut known, rest): (Vec<_>, Vec<_>) = entries
                    .into_iter()
                    .partition(|(key, _)| fields.contains(&key.as_str()));
                known.push((REST_KEY.to_owned(), Self::Object(rest)));
                Self::visit_object(known, visitor)
            }
            other => other.deserialize_map(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self {
            Self::Object(entries) => {
                let mut entries = entries.into_iter();
                match (entries.next(), entries.next()) {
                    (Some((name, value)), None) => visitor.visit_enum(Variant {
                        name,
                        value: Some(value),
                    }),
                    _ => Err(de::Error::invalid_type(Unexpected::Map, &visitor)),
                }
            }
            Self::String(name) => visitor.visit_enum(Variant { name, value: None }),
            Self::Number(number) => visitor.visit_enum(Variant {
                name: number.text(),
                value: None,
            }),
            Self::Bool(flag) => visitor.visit_enum(Variant {
                name: flag.to_string(),
                value: None,
            }),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
}

/// The items of an array, numbered for error paths.
struct Items {
    items: std::vec::IntoIter<Json>,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = DecodeError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(item)
            .map(Some)
            .map_err(|error| error.within(PathSegment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of an object; keys go through the lenient deserializer too, so a map keyed
/// by numbers reads `"12"` as 12.
struct Entries {
    entries: std::vec::IntoIter<(String, Json)>,
    pending: Option<(String, Json)>,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = DecodeError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let decoded = seed
            .deserialize(Json::String(key.clone()))
            .map_err(|error| error.within(PathSegment::Key(key.clone())))?;
        self.pending = Some((key, value));
        Ok(Some(decoded))
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        match self.pending.take() {
            Some((key, value)) => seed
                .deserialize(value)
                .map_err(|error| error.within(PathSegment::Key(key))),
            None => Err(de::Error::custom(
                "a map value was asked for before its key",
            )),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An enum variant: a bare name (`"Active"`, or a number's text), or `{"Name": value}`.
struct Variant {
    name: String,
    value: Option<Json>,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = DecodeError;
    type Variant = VariantValue;

    fn variant_seed<V: de::DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, VariantValue), DecodeError> {
        let variant = seed.deserialize(Json::String(self.name))?;
        Ok((variant, VariantValue(self.value)))
    }
}

/// What follows a variant's name.
struct VariantValue(Option<Json>);

impl VariantValue {
    fn content(self, expected: &dyn Expected) -> Result<Json, DecodeError> {
        self.0
            .ok_or_else(|| de::Error::invalid_type(Unexpected::UnitVariant, expected))
    }
}

impl<'de> de::VariantAccess<'de> for VariantValue {
    type Error = DecodeError;

    fn unit_variant(self) -> Result<(), DecodeError> {
        match self.0 {
            None | Some(Json::Null) => Ok(()),
            Some(other) => Err(other.invalid_type(&"a unit variant")),
        }
    }

    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, DecodeError> {
        seed.deserialize(self.content(&"a newtype variant")?)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        de::Deserializer::deserialize_seq(self.content(&"a tuple variant")?, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        de::Deserializer::deserialize_map(self.content(&"a struct variant")?, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    fn decode<T: de::DeserializeOwned>(body: &str) -> Result<T, String> {
        let json = Json::parse(body.as_bytes()).map_err(|e| e.to_string())?;
        T::deserialize(json).map_err(|e| e.to_string())
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Order {
        #[serde(rename = "orderid")]
        order_id: i64,
        amount: f64,
        months: u32,
        #[serde(rename = "autorenew")]
        auto_renew: bool,
        description: String,
        #[serde(rename = "no-of-accounts")]
        accounts: Option<u32>,
        note: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Page {
        recsonpage: i64,
        #[serde(rename = "$rest", default)]
        entries: BTreeMap<String, Entry>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Entry {
        #[serde(rename = "orders.orderid")]
        order_id: i64,
    }

    #[test]
    fn keys_a_struct_does_not_name_reach_its_rest_field_leniently() {
        let page: Page =
            decode(r#"{"1":{"orders.orderid":"7"},"recsonpage":"2","2":{"orders.orderid":8}}"#)
                .unwrap();
        assert_eq!(page.recsonpage, 2);
        let ids: Vec<(&str, i64)> = page
            .entries
            .iter()
            .map(|(k, e)| (k.as_str(), e.order_id))
            .collect();
        assert_eq!(ids, [("1", 7), ("2", 8)]);
        let empty: Page = decode(r#"{"recsonpage":"0"}"#).unwrap();
        assert!(empty.entries.is_empty());
    }

    #[test]
    fn numbers_and_booleans_sent_as_strings_decode() {
        let order: Order = decode(
            r#"{"orderid":"12","amount":"10.50","months":" 3 ","autorenew":"true",
                "description":12345,"no-of-accounts":"5"}"#,
        )
        .unwrap();
        assert_eq!(
            order,
            Order {
                order_id: 12,
                amount: 10.5,
                months: 3,
                auto_renew: true,
                description: "12345".to_owned(),
                accounts: Some(5),
                note: None,
            }
        );
    }

    #[test]
    fn booleans_take_every_spelling_the_vendors_use() {
        for (text, expected) in [
            ("true", true),
            ("false", false),
            (r#""true""#, true),
            (r#""False""#, false),
            (r#""TRUE""#, true),
            (r#""1""#, true),
            (r#""0""#, false),
            ("1", true),
            ("0", false),
        ] {
            assert_eq!(decode::<bool>(text), Ok(expected), "{text}");
        }
        for bad in [r#""yes""#, "2", r#""""#, "null", "[]"] {
            assert!(decode::<bool>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn integers_are_range_checked_and_never_truncated() {
        assert_eq!(decode::<i64>(r#""-3""#), Ok(-3));
        assert_eq!(decode::<i64>("12.0"), Ok(12));
        assert_eq!(decode::<u64>(r#""18446744073709551615""#), Ok(u64::MAX));
        assert!(decode::<u8>(r#""300""#).unwrap_err().contains("300"));
        assert!(decode::<u32>("-1").is_err());
        assert!(decode::<i64>("12.5").is_err());
        assert!(decode::<i64>(r#""12.5""#).is_err());
        assert!(decode::<i64>(r#""""#).is_err());
        assert!(decode::<i64>("1e300").is_err());
        assert!(decode::<i64>("true").is_err());
    }

    #[test]
    fn floats_accept_numbers_and_numeric_strings_only() {
        assert_eq!(decode::<f64>("7"), Ok(7.0));
        assert_eq!(decode::<f64>("-7"), Ok(-7.0));
        assert_eq!(decode::<f64>(r#"" 0.25 ""#), Ok(0.25));
        assert!(decode::<f64>(r#""NaN""#).is_err());
        assert!(decode::<f64>(r#""inf""#).is_err());
        assert!(decode::<f64>(r#""ten""#).is_err());
    }

    #[test]
    fn text_accepts_numbers_and_booleans_as_their_text() {
        assert_eq!(decode::<String>("12345"), Ok("12345".to_owned()));
        assert_eq!(decode::<String>("-4"), Ok("-4".to_owned()));
        assert_eq!(decode::<String>("10.50"), Ok("10.5".to_owned()));
        assert_eq!(decode::<String>("false"), Ok("false".to_owned()));
        assert!(decode::<String>("null").is_err());
        assert!(decode::<String>("{}").is_err());
    }

    #[test]
    fn bare_bodies_decode_into_scalars() {
        assert_eq!(decode::<i64>("12345678"), Ok(12_345_678));
        assert_eq!(decode::<i64>("\"12345678\"\n"), Ok(12_345_678));
        assert_eq!(decode::<String>(r#""abc""#), Ok("abc".to_owned()));
    }

    #[test]
    fn null_and_absent_are_none() {
        #[derive(Debug, Deserialize, PartialEq)]
        struct Partial {
            a: Option<i64>,
            b: Option<String>,
        }
        assert_eq!(
            decode::<Partial>(r#"{"a":null}"#),
            Ok(Partial { a: None, b: None })
        );
        assert_eq!(decode::<Option<i64>>("null"), Ok(None));
        assert_eq!(decode::<Option<i64>>("   "), Ok(None));
        assert_eq!(decode::<Option<i64>>(r#""4""#), Ok(Some(4)));
        assert!(
            decode::<Partial>(r#"{"a":"x"}"#)
                .unwrap_err()
                .contains("at `a`")
        );
    }

    #[test]
    fn php_array_quirks_are_understood() {
        #[derive(Debug, Deserialize, PartialEq)]
        struct Empty {
            a: Option<i64>,
        }
        assert_eq!(decode::<Empty>("[]"), Ok(Empty { a: None }));
        assert_eq!(decode::<BTreeMap<String, i64>>("[]"), Ok(BTreeMap::new()));
        assert_eq!(
            decode::<Vec<String>>(r#"{"2":"b","10":"c","1":"a"}"#),
            Ok(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()])
        );
        assert_eq!(decode::<Vec<String>>("{}"), Ok(Vec::new()));
        assert!(decode::<Vec<String>>(r#"{"1":"a","x":"b"}"#).is_err());
        assert!(decode::<Empty>("[1]").is_err());
    }

    #[test]
    fn map_keys_are_lenient_and_keep_the_servers_order() {
        let keyed: BTreeMap<u32, String> = decode(r#"{"10":"a","9":"b"}"#).unwrap();
        assert_eq!(keyed.keys().copied().collect::<Vec<_>>(), [9, 10]);
        let tree: Json = decode(r#"{"b":1,"a":[true,null,-2,0.5]}"#).unwrap();
        assert_eq!(
            tree,
            Json::Object(vec![
                ("b".to_owned(), Json::Number(Number::Unsigned(1))),
                (
                    "a".to_owned(),
                    Json::Array(vec![
                        Json::Bool(true),
                        Json::Null,
                        Json::Number(Number::Signed(-2)),
                        Json::Number(Number::Float(0.5)),
                    ])
                ),
            ])
        );
    }

    #[test]
    fn enums_take_names_numbers_and_tagged_objects() {
        #[derive(Debug, Deserialize, PartialEq)]
        enum Status {
            Active,
            #[serde(rename = "1")]
            One,
            Tagged(i64),
            Pair(u8, u8),
            Shape {
                side: u32,
            },
        }
        assert_eq!(decode::<Status>(r#""Active""#), Ok(Status::Active));
        assert_eq!(decode::<Status>("1"), Ok(Status::One));
        assert_eq!(decode::<Status>(r#"{"Tagged":"7"}"#), Ok(Status::Tagged(7)));
        assert_eq!(
            decode::<Status>(r#"{"Pair":["1",2]}"#),
            Ok(Status::Pair(1, 2))
        );
        assert_eq!(
            decode::<Status>(r#"{"Shape":{"side":"3"}}"#),
            Ok(Status::Shape { side: 3 })
        );
        assert!(decode::<Status>(r#""Gone""#).is_err());
        assert!(decode::<Status>(r#"{"Active":1}"#).is_err());
        assert!(decode::<Status>(r#"{"Tagged":1,"Active":null}"#).is_err());
        assert!(decode::<Status>(r#""Tagged""#).is_err());
    }

    #[test]
    fn errors_name_the_path_of_the_failing_value() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Line {
            amount: f64,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Page {
            orders: Vec<Line>,
        }
        let message = decode::<Page>(r#"{"orders":[{"amount":1},{"amount":"ten"}]}"#).unwrap_err();
        assert_eq!(
            message,
            r#"at `orders[1].amount`: invalid type: string "ten", expected f64"#
        );
        let missing = decode::<Page>(r#"{"orders":[{}]}"#).unwrap_err();
        assert_eq!(missing, "at `orders[0]`: missing field `amount`");
        let extra = decode::<(u8, u8)>("[1,2,3]").unwrap_err();
        assert!(extra.contains("invalid length 3"), "{extra}");
    }

    #[test]
    fn parse_skips_a_byte_order_mark_and_reads_blank_as_null() {
        assert_eq!(
            Json::parse(b"\xEF\xBB\xBF{}").unwrap(),
            Json::Object(Vec::new())
        );
        assert_eq!(Json::parse(b" \r\n").unwrap(), Json::Null);
        assert!(Json::parse(b"<html>").is_err());
        assert!(Json::parse(b"{} x").is_err());
    }

    #[test]
    fn unit_ignores_whatever_was_sent() {
        assert_eq!(decode::<()>(r#"{"status":"Success"}"#), Ok(()));
        assert_eq!(decode::<()>("true"), Ok(()));
    }

    #[test]
    fn text_of_scalars_and_lists() {
        let json = Json::parse(br#"{"a":["x",1,true],"b":{},"c":[]}"#).unwrap();
        assert_eq!(
            json.get("a").and_then(Json::text),
            Some("x; 1; true".to_owned())
        );
        assert_eq!(json.get("b").and_then(Json::text), None);
        assert_eq!(json.get("c").and_then(Json::text), None);
        assert_eq!(json.get("d"), None);
    }
}
