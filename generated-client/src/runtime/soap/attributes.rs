//! XSD attributes and simple content with attributes.
//!
//! A generated struct names an attribute field `@name`, or `@{namespace}name` when its schema
//! qualifies it (a global attribute, `form="qualified"`, `attributeFormDefault`), and the
//! text of a `simpleContent` type `$value` (serde renames), and puts them before its element
//! fields. The namespace is in the name so that the decoder needs no table, and two
//! attributes of one local name in different namespaces stay two fields. Both ways this
//! costs nothing for other structs: the decoder looks at a struct's attributes only when its
//! first field is one of these ([`wanted`]), and the serializer writes the attribute fields
//! into the start tag it has not closed yet.
//!
//! An unprefixed attribute is matched by local name against the unqualified fields; a
//! prefixed one by namespace URI (the prefix resolved where the element is) and local name
//! against the qualified fields, so `xsi:type` or a namespace declaration is never taken for
//! a field. The serializer writes a qualified attribute with a prefix it declares on the same
//! element (`xml:` needs none), never one it merely hopes is in scope.

use super::de::TextDe;
use super::ser::{SerError, escape};
use super::xml::{DecodeError, Kind, Namespaces, Ns, RawAttributes, XML, XmlReader};
use crate::runtime::secret::SECRET_NEWTYPE;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{DeserializeSeed, IntoDeserializer, MapAccess};
use serde::ser::{self, Serialize};
use std::borrow::Cow;
use std::cell::RefCell;

/// The serde name of the field holding a `simpleContent` element's text.
pub const TEXT_KEY: &str = "$value";

/// Whether a struct with these serde field names has attribute or text fields (first).
pub(super) fn wanted(fields: &[&str]) -> bool {
    fields
        .first()
        .is_some_and(|first| first.starts_with('@') || *first == TEXT_KEY)
}

/// The attribute `key` (`@name`, `@{namespace}name`) names, as (namespace URI, local name),
/// if it is an attribute field; the namespace is empty for an unqualified attribute.
pub(super) fn attribute_name(key: &str) -> Option<(&str, &str)> {
    let name = key.strip_prefix('@')?;
    Some(split_expanded(name))
}

/// Splits an expanded name `{namespace}local` (or a plain `local`, in no namespace).
pub(super) fn split_expanded(name: &str) -> (&str, &str) {
    name.strip_prefix('{')
        .and_then(|rest| rest.split_once('}'))
        .unwrap_or(("", name))
}

/// The attributes of the raw attribute list `raw` that a field of `fields` names, as (field,
/// unescaped value), prefixes resolved on the element (`scope`, with the element's own
/// declarations in `raw`); namespace declarations never match.
pub(super) fn matched<'a>(
    raw: &'a str,
    fields: &'static [&'static str],
    scope: &Namespaces,
) -> Result<Vec<(&'static str, Cow<'a, str>)>, DecodeError> {
    let mut out = Vec::new();
    for attribute in RawAttributes(raw) {
        let (name, value) = attribute.map_err(DecodeError::Malformed)?;
        let (prefix, local) = name.split_once(':').unwrap_or(("", name));
        if prefix == "xmlns" || name == "xmlns" {
            continue;
        }
        let mut candidates = fields
            .iter()
            .filter_map(|field| Some((*field, attribute_name(field)?)))
            .filter(|(_, (namespace, field_local))| {
                *field_local == local && namespace.is_empty() == prefix.is_empty()
            })
            .peekable();
        if candidates.peek().is_none() {
            continue;
        }
        // Only a prefixed attribute some field might be needs its namespace looked up.
        let uri = if prefix.is_empty() {
            Cow::Borrowed("")
        } else {
            match scope.uri_on(raw, prefix) {
                Some(uri) => uri,
                None => continue,
            }
        };
        let Some((field, _)) = candidates.find(|(_, (namespace, _))| *namespace == uri) else {
            continue;
        };
        out.push((field, unescape(value)?));
    }
    Ok(out)
}

/// An attribute as a map entry: its key (a field name) and its unescaped value.
type Entry<'a> = (Cow<'a, str>, Cow<'a, str>);

/// The attributes of a dynamic value's element that carry data, keyed as attribute fields
/// are (`@name`, `@{namespace}name`; `@prefix:name` for an undeclared prefix), so that a
/// [`Value`](crate::runtime::Value) answer loses none of them. Markup is left out: namespace
/// declarations, the attributes of XML Schema instances, SOAP envelopes and SOAP encoding
/// (`xsi:type`, `SOAP-ENC:arrayType`, `encodingStyle`), an `href`, and, in an answer that
/// uses references, the `id` of an element one names (SOAP 1.1 multiRefs). `reader` has the
/// element open or just closed.
pub(super) fn data<'a>(
    raw: &'a str,
    reader: &XmlReader<'_>,
) -> Result<Vec<Entry<'a>>, DecodeError> {
    let scope = reader.namespaces();
    let mut out = Vec::new();
    for attribute in RawAttributes(raw) {
        let (name, value) = attribute.map_err(DecodeError::Malformed)?;
        let key = match name.split_once(':') {
            _ if name == "xmlns" || name == "href" => continue,
            _ if name == "id" && reader.is_reference_target(value) => continue,
            Some(("xmlns", _)) => continue,
            Some((prefix, local)) => match scope.uri_on(raw, prefix) {
                Some(uri) if Ns::classify(&uri).is_markup() => continue,
                Some(uri) => format!("@{{{uri}}}{local}"),
                None => format!("@{name}"),
            },
            None => format!("@{name}"),
        };
        out.push((Cow::Owned(key), unescape(value)?));
    }
    Ok(out)
}

fn unescape(value: &str) -> Result<Cow<'_, str>, DecodeError> {
    if value.contains('&') {
        quick_xml::escape::unescape(value).map_err(|e| DecodeError::Malformed(e.to_string()))
    } else {
        Ok(Cow::Borrowed(value))
    }
}

/// A struct's entries: its attributes, then its text, then what `rest` gives (the child
/// elements).
pub(super) struct AttrMap<'a, M> {
    attributes: std::vec::IntoIter<Entry<'a>>,
    text: Option<(Cow<'a, str>, Kind)>,
    /// The value of the attribute or text whose key was given out last.
    value: Option<(Cow<'a, str>, Kind)>,
    rest: Option<M>,
}

impl<'a, M> AttrMap<'a, M> {
    /// `attributes`: the start tag's attributes the fields name ([`matched`]). `text` is
    /// used when the struct has a text field.
    pub(super) fn new(
        attributes: Vec<(&'static str, Cow<'a, str>)>,
        fields: &'static [&'static str],
        text: Option<(Cow<'a, str>, Kind)>,
        rest: Option<M>,
    ) -> Self {
        let takes_text = fields.first() == Some(&TEXT_KEY);
        let attributes = attributes.into_iter().map(|(k, v)| (Cow::Borrowed(k), v));
        Self::dynamic(attributes.collect(), text.filter(|_| takes_text), rest)
    }

    /// The entries of a dynamic value: its [`data`] attributes, its text if any (as
    /// `$value`), then what `rest` gives.
    pub(super) fn dynamic(
        attributes: Vec<Entry<'a>>,
        text: Option<(Cow<'a, str>, Kind)>,
        rest: Option<M>,
    ) -> Self {
        Self {
            attributes: attributes.into_iter(),
            text,
            value: None,
            rest,
        }
    }
}

impl<'a, M: MapAccess<'a, Error = DecodeError>> MapAccess<'a> for AttrMap<'a, M> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        if let Some((key, value)) = self.attributes.next() {
            self.value = Some((value, Kind::Untyped));
            return seed.deserialize(key.into_deserializer()).map(Some);
        }
        if let Some(text) = self.text.take() {
            self.value = Some(text);
            return seed
                .deserialize(BorrowedStrDeserializer::new(TEXT_KEY))
                .map(Some);
        }
        match &mut self.rest {
            Some(rest) => rest.next_key_seed(seed),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        if let Some((value, kind)) = self.value.take() {
            return seed.deserialize(TextDe::new(value, kind));
        }
        match &mut self.rest {
            Some(rest) => rest.next_value_seed(seed),
            None => Err(DecodeError::invalid("a value was requested before its key")),
        }
    }
}

/// The namespaces a start tag being written has declared for its qualified attributes,
/// in order: the n-th is bound to the prefix `at{n}` (a prefix the serializer uses nowhere
/// else, so declaring it shadows nothing the element's content needs).
#[derive(Debug, Default)]
pub(super) struct Declared(Vec<&'static str>);

/// Appends ` name="value"` for the attribute field `key` (`@name`, `@{namespace}name`), with
/// the declaration of its prefix when qualified and not yet declared on this start tag;
/// nothing when the value is absent.
pub(super) fn write<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    key: &'static str,
    value: &T,
    declared: &mut Declared,
    secrets: &RefCell<Vec<String>>,
) -> Result<(), SerError> {
    let Some((namespace, local)) = attribute_name(key) else {
        return Err(SerError(format!("{key:?} is not an attribute field")));
    };
    let text_ser = TextSer {
        secrets: Some(secrets),
    };
    let Some(text) = value.serialize(text_ser)? else {
        return Ok(());
    };
    out.push(b' ');
    if namespace == XML {
        out.extend_from_slice(b"xml:");
    } else if !namespace.is_empty() {
        let index = match declared.0.iter().position(|d| *d == namespace) {
            Some(index) => index,
            None => {
                declared.0.push(namespace);
                let index = declared.0.len() - 1;
                out.extend_from_slice(format!("xmlns:at{}=\"", index + 1).as_bytes());
                escape(out, namespace, true)?;
                out.extend_from_slice(b"\" ");
                index
            }
        };
        out.extend_from_slice(format!("at{}:", index + 1).as_bytes());
    }
    out.extend_from_slice(local.as_bytes());
    out.extend_from_slice(b"=\"");
    escape(out, &text, true)?;
    out.push(b'"');
    Ok(())
}

/// Appends the text of a `$value` field.
pub(super) fn write_text<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    secrets: &RefCell<Vec<String>>,
) -> Result<(), SerError> {
    let text_ser = TextSer {
        secrets: Some(secrets),
    };
    if let Some(text) = value.serialize(text_ser)? {
        escape(out, &text, false)?;
    }
    Ok(())
}

/// A scalar as text; `None` for an absent value. Anything with structure is refused: an
/// attribute holds one simple value. A [`Secret`](crate::runtime::Secret)'s text also goes
/// to `secrets` when given, so that the call's errors never show it.
#[derive(Clone, Copy, Default)]
pub(super) struct TextSer<'s> {
    pub secrets: Option<&'s RefCell<Vec<String>>>,
}

fn refused(what: &str) -> SerError {
    SerError(format!("{what} cannot be an attribute or text value"))
}

macro_rules! to_text {
    ($($method:ident: $ty:ty;)*) => {$(
        fn $method(self, v: $ty) -> Result<Option<String>, SerError> {
            Ok(Some(v.to_string()))
        }
    )*};
}

impl ser::Serializer for TextSer<'_> {
    type Ok = Option<String>;
    type Error = SerError;
    type SerializeSeq = ser::Impossible<Option<String>, SerError>;
    type SerializeTuple = ser::Impossible<Option<String>, SerError>;
    type SerializeTupleStruct = ser::Impossible<Option<String>, SerError>;
    type SerializeTupleVariant = ser::Impossible<Option<String>, SerError>;
    type SerializeMap = ser::Impossible<Option<String>, SerError>;
    type SerializeStruct = ser::Impossible<Option<String>, SerError>;
    type SerializeStructVariant = ser::Impossible<Option<String>, SerError>;

    to_text! {
        serialize_bool: bool; serialize_i8: i8; serialize_i16: i16; serialize_i32: i32;
        serialize_i64: i64; serialize_u8: u8; serialize_u16: u16; serialize_u32: u32;
        serialize_u64: u64; serialize_char: char; serialize_str: &str;
    }

    fn serialize_f32(self, v: f32) -> Result<Option<String>, SerError> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Result<Option<String>, SerError> {
        Ok(Some(super::ser::format_double(v)))
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<Option<String>, SerError> {
        Err(refused("bytes"))
    }

    fn serialize_none(self) -> Result<Option<String>, SerError> {
        Ok(None)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Option<String>, SerError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Option<String>, SerError> {
        Ok(None)
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Option<String>, SerError> {
        Ok(None)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Option<String>, SerError> {
        Ok(Some(variant.to_owned()))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Option<String>, SerError> {
        let text = value.serialize(self)?;
        if name == SECRET_NEWTYPE
            && let (Some(secrets), Some(text)) = (self.secrets, &text)
        {
            secrets.borrow_mut().push(text.clone());
        }
        Ok(text)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _value: &T,
    ) -> Result<Option<String>, SerError> {
        Err(refused(variant))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, SerError> {
        Err(refused("a list"))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, SerError> {
        Err(refused("a tuple"))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, SerError> {
        Err(refused(name))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, SerError> {
        Err(refused(variant))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, SerError> {
        Err(refused("a map"))
    }

    fn serialize_struct(
        self,
        name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, SerError> {
        Err(refused(name))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, SerError> {
        Err(refused(variant))
    }
}
