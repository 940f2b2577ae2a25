//! A serde `Deserializer` over the [`XmlReader`] token stream: one element at a time, no
//! tree. The decoding rules are listed in the [module documentation](super).

use super::attributes::{self, AttrMap};
use super::derived::{self, DERIVED_ENUM};
use super::markup::MARKUP_KEY;
use super::repeated::REPEATED_NEWTYPE;
use super::undeclared::{self, Element, UNDECLARED_KEY};
use super::xml::Token;
use super::xml::{Content, DecodeError, Kind, Namespaces, Start, XmlReader, clip, is_blank};
use crate::runtime::lenient::{Attempt, LENIENT_NEWTYPE};
use crate::runtime::value::DYNAMIC_NEWTYPE;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::str::FromStr;

/// How deep a nil struct's fields may nest when they default to nil themselves; only a type
/// that contains itself without `Option` or `Vec` gets there.
const MAX_NIL_DEPTH: u8 = 32;

/// Decodes `start` (just read) and its content into `T`. `capture` records the text of some
/// of the element's direct children (the in-band status fields) as they go by.
pub(super) fn decode_element<'a, T: de::Deserialize<'a>>(
    r: &mut XmlReader<'a>,
    start: Start<'a>,
    capture: Option<&mut Capture>,
) -> Result<T, DecodeError> {
    let name = start.local;
    ElementDe::new(r, start, capture)
        .and_then(T::deserialize)
        .map_err(|e| e.within(name))
}

/// Text of selected child elements, recorded while the element is decoded.
#[derive(Debug, Default)]
pub(super) struct Capture {
    fields: Vec<(&'static str, Option<String>)>,
}

impl Capture {
    pub(super) fn new(names: impl IntoIterator<Item = &'static str>) -> Self {
        Self {
            fields: names.into_iter().map(|name| (name, None)).collect(),
        }
    }

    /// The text of child `name`, if it was seen (nil reads as empty).
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.as_deref())
    }

    fn wants(&self, name: &str) -> bool {
        self.fields.iter().any(|(n, _)| *n == name)
    }

    fn record(&mut self, name: &str, text: &str) {
        for (n, value) in &mut self.fields {
            if *n == name && value.is_none() {
                *value = Some(text.to_owned());
            }
        }
    }
}

/// An element whose start tag has been read. Every method consumes the element through its
/// end tag.
pub(super) struct ElementDe<'d, 'a> {
    r: &'d mut XmlReader<'a>,
    start: Start<'a>,
    capture: Option<&'d mut Capture>,
    /// Where the element goes if the struct it is a child of ignores it (see `undeclared.rs`).
    undeclared: Option<&'d mut Vec<Element>>,
}

impl<'d, 'a> ElementDe<'d, 'a> {
    /// Follows `href` references first, so every method sees the element with the content.
    pub(super) fn new(
        r: &'d mut XmlReader<'a>,
        start: Start<'a>,
        capture: Option<&'d mut Capture>,
    ) -> Result<Self, DecodeError> {
        let start = if start.href.is_some() {
            r.resolve(start)?
        } else {
            start
        };
        Ok(Self {
            r,
            start,
            capture,
            undeclared: None,
        })
    }

    fn text(self) -> Result<TextDe<'a, 'a>, DecodeError> {
        let kind = self.start.kind;
        Ok(TextDe::new(self.r.read_text()?, kind))
    }

    /// `keep_undeclared`: the visitor is a struct with an [`UNDECLARED_KEY`] field.
    fn visit_children<V: Visitor<'a>>(
        self,
        visitor: V,
        keep_undeclared: bool,
    ) -> Result<V::Value, DecodeError> {
        let mut access = ChildMap {
            r: self.r,
            child: None,
            done: false,
            capture: self.capture,
            undeclared: keep_undeclared.then(Vec::new),
        };
        let value = visitor.visit_map(&mut access)?;
        access.finish()?;
        Ok(value)
    }

    /// A dynamic value ([`DYNAMIC_NEWTYPE`]): as `deserialize_any` reads it, plus the
    /// element's [`attributes::data`] as `@name` entries, so that no attribute is lost. Out of
    /// line: typed fields, nearly all, never come here and keep the newtype dispatch small.
    #[inline(never)]
    fn deserialize_dynamic<V: Visitor<'a>>(mut self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.start.nil || matches!(self.start.kind, Kind::Array | Kind::Map) {
            return de::Deserializer::deserialize_any(self, visitor);
        }
        match self.content()? {
            Content::Text(text) => {
                TextDe::of_element(text, &self.start, self.r).deserialize_dynamic(visitor)
            }
            Content::Children => {
                let found = attributes::data(self.start.attributes, self.r)?;
                if found.is_empty() {
                    return self.visit_children(visitor, false);
                }
                let mut children = ChildMap {
                    r: self.r,
                    child: None,
                    done: false,
                    capture: self.capture,
                    undeclared: None,
                };
                let value =
                    visitor.visit_map(AttrMap::dynamic(found, None, Some(&mut children)))?;
                children.finish()?;
                Ok(value)
            }
        }
    }

    fn visit_items<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let len = self.start.array_len.map(|n| n as usize);
        let mut access = ChildSeq {
            r: self.r,
            done: false,
            index: 0,
            len,
        };
        let value = visitor.visit_seq(&mut access)?;
        if !access.done {
            access.r.skip_rest()?;
        }
        Ok(value)
    }

    fn visit_apache_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let mut access = ApacheMap {
            r: self.r,
            done: false,
            in_item: false,
        };
        let value = visitor.visit_map(&mut access)?;
        if access.in_item {
            access.r.skip_rest()?;
        }
        if !access.done {
            access.r.skip_rest()?;
        }
        Ok(value)
    }

    /// Whether the element holds child elements (the first one pushed back), or else its
    /// text (end tag consumed).
    fn content(&mut self) -> Result<Content<'a>, DecodeError> {
        self.r.read_content()
    }
}

/// Scalars: nil gives the type's default, anything else is parsed from the text.
macro_rules! element_scalars {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            if self.start.nil {
                self.r.skip_to_end()?;
                return Nil::TOP.$method(visitor);
            }
            self.text()?.$method(visitor)
        }
    )*};
}

impl<'a> de::Deserializer<'a> for ElementDe<'_, 'a> {
    type Error = DecodeError;

    element_scalars! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf deserialize_identifier
    }

    fn deserialize_any<V: Visitor<'a>>(mut self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.start.nil {
            self.r.skip_to_end()?;
            return visitor.visit_unit();
        }
        match self.start.kind {
            Kind::Array => self.visit_items(visitor),
            Kind::Map => self.visit_apache_map(visitor),
            kind => match self.content()? {
                Content::Text(text) => TextDe::new(text, kind).deserialize_any(visitor),
                Content::Children => self.visit_children(visitor, false),
            },
        }
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.start.nil {
            self.r.skip_to_end()?;
            return visitor.visit_none();
        }
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.r.skip_to_end()?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if name == LENIENT_NEWTYPE {
            if self.start.nil {
                self.r.skip_to_end()?;
                return visitor.visit_none();
            }
            return visitor.visit_seq(LenientElement {
                element: Some(self),
                attempt: Attempt::Pending,
            });
        }
        if name == REPEATED_NEWTYPE {
            let name = self.start.local;
            return visitor.visit_seq(Repeated {
                r: self.r,
                first: Some(self.start),
                name,
                index: 0,
                done: false,
            });
        }
        if name == DYNAMIC_NEWTYPE {
            return self.deserialize_dynamic(visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'a>>(mut self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.start.nil {
            self.r.skip_to_end()?;
            return Nil::TOP.deserialize_seq(visitor);
        }
        let kind = self.start.kind;
        match self.content()? {
            Content::Text(text) => TextDe::new(text, kind).deserialize_seq(visitor),
            Content::Children => self.visit_items(visitor),
        }
    }

    /// A pair `(K, V)` (an item of a `Vec<(K, V)>` map) comes from an Apache Map item
    /// (`<key>` then `<value>`), or else from the element itself: its name and its content.
    /// Other tuples take the children in order.
    fn deserialize_tuple<V: Visitor<'a>>(
        mut self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if self.start.nil {
            self.r.skip_to_end()?;
            return Nil::TOP.deserialize_tuple(len, visitor);
        }
        let kind = self.start.kind;
        let name = self.start.local;
        match self.content()? {
            Content::Text(text) if len == 2 => {
                let mut pair = PairSeq {
                    key: Some(name),
                    value: Some(PairValue::Text(TextDe::new(text, kind))),
                };
                let value = visitor.visit_seq(&mut pair)?;
                pair.finish()?;
                Ok(value)
            }
            Content::Text(text) => TextDe::new(text, kind).deserialize_tuple(len, visitor),
            Content::Children if len == 2 && !self.r.pending_child_is("key") => {
                let mut pair = PairSeq {
                    key: Some(name),
                    value: Some(PairValue::Element(self)),
                };
                let value = visitor.visit_seq(&mut pair)?;
                pair.finish()?;
                Ok(value)
            }
            Content::Children => self.visit_items(visitor),
        }
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(mut self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.start.nil {
            self.r.skip_to_end()?;
            return Nil::TOP.deserialize_map(visitor);
        }
        if self.start.kind == Kind::Map {
            return self.visit_apache_map(visitor);
        }
        let kind = self.start.kind;
        match self.content()? {
            Content::Text(text) => TextDe::new(text, kind).deserialize_map(visitor),
            Content::Children => self.visit_children(visitor, false),
        }
    }

    fn deserialize_struct<V: Visitor<'a>>(
        mut self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if self.start.nil {
            self.r.skip_to_end()?;
            return Nil::TOP.deserialize_struct(name, fields, visitor);
        }
        if self.start.kind == Kind::Map {
            return self.visit_apache_map(visitor);
        }
        if fields == [MARKUP_KEY] {
            let markup = self.r.read_markup()?;
            let entry = std::iter::once((MARKUP_KEY, markup));
            return visitor.visit_map(de::value::MapDeserializer::new(entry));
        }
        match self.content()? {
            Content::Text(text) => TextDe::of_element(text, &self.start, self.r)
                .deserialize_struct(name, fields, visitor),
            Content::Children if attributes::wanted(fields) => {
                let found =
                    attributes::matched(self.start.attributes, fields, self.r.namespaces())?;
                let mut children = ChildMap {
                    r: self.r,
                    child: None,
                    done: false,
                    capture: self.capture,
                    undeclared: undeclared::wanted(fields).then(Vec::new),
                };
                let entries = AttrMap::new(found, fields, None, Some(&mut children));
                let value = visitor.visit_map(entries)?;
                children.finish()?;
                Ok(value)
            }
            Content::Children => self.visit_children(visitor, undeclared::wanted(fields)),
        }
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if self.start.nil {
            self.r.skip_to_end()?;
            return Nil::TOP.deserialize_enum(name, variants, visitor);
        }
        if name == DERIVED_ENUM {
            let variant = derived::variant(self.r.xsi_type(&self.start), variants);
            return visitor.visit_enum(derived::Selected {
                variant,
                element: self,
            });
        }
        self.text()?.deserialize_enum(name, variants, visitor)
    }

    /// Skipped, unless it is a child its struct does not name and keeps (`undeclared.rs`).
    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.undeclared {
            Some(kept) => kept.push(undeclared::read(self.r, self.start.local)?),
            None => self.r.skip_to_end()?,
        }
        visitor.visit_unit()
    }
}

/// A struct or map from child elements, keyed by local name.
struct ChildMap<'d, 'a> {
    r: &'d mut XmlReader<'a>,
    /// The child whose key was given out and whose value was not yet asked for.
    child: Option<Start<'a>>,
    done: bool,
    capture: Option<&'d mut Capture>,
    /// The children the struct ignored, when it keeps them; handed over as its
    /// [`UNDECLARED_KEY`] entry after the last child.
    undeclared: Option<Vec<Element>>,
}

impl ChildMap<'_, '_> {
    fn finish(&mut self) -> Result<(), DecodeError> {
        if self.child.take().is_some() {
            self.r.skip_to_end()?;
        }
        if !self.done {
            self.r.skip_rest()?;
        }
        Ok(())
    }
}

impl<'a> MapAccess<'a> for ChildMap<'_, 'a> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        if self.child.take().is_some() {
            self.r.skip_to_end()?;
        }
        if self.done {
            return Ok(None);
        }
        match self.r.next_child()? {
            None => {
                self.done = true;
                if self
                    .undeclared
                    .as_ref()
                    .is_some_and(|kept| !kept.is_empty())
                {
                    let key = BorrowedStrDeserializer::new(UNDECLARED_KEY);
                    return seed.deserialize(key).map(Some);
                }
                Ok(None)
            }
            Some(child) => {
                let key = seed.deserialize(BorrowedStrDeserializer::new(child.local))?;
                self.child = Some(child);
                Ok(Some(key))
            }
        }
    }

    fn next_value_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        let Some(child) = self.child.take() else {
            // After the last child: the undeclared ones, if that was the key given out.
            return match self.undeclared.take() {
                Some(kept) if self.done => seed.deserialize(undeclared::into_deserializer(kept)),
                _ => Err(DecodeError::invalid("a value was requested before its key")),
            };
        };
        let name = child.local;
        let result = (|| {
            let mut de = ElementDe::new(self.r, child, None)?;
            de.undeclared = self.undeclared.as_mut();
            match self.capture.as_deref_mut() {
                Some(capture) if capture.wants(name) => {
                    if de.start.nil {
                        de.r.skip_to_end()?;
                        capture.record(name, "");
                        return seed.deserialize(Nil::TOP);
                    }
                    let text = de.text()?;
                    capture.record(name, &text.text);
                    seed.deserialize(text)
                }
                _ => seed.deserialize(de),
            }
        })();
        result.map_err(|e| e.within(name))
    }
}

/// A repeated element's items: the element itself, then its following siblings of the same
/// name. The first other sibling, or the parent's end tag, is put back for the parent.
struct Repeated<'d, 'a> {
    r: &'d mut XmlReader<'a>,
    /// The element whose start tag was read; `None` once it was handed out.
    first: Option<Start<'a>>,
    name: &'a str,
    index: usize,
    /// A sibling of another name (or the parent's end) was put back.
    done: bool,
}

impl<'a> SeqAccess<'a> for Repeated<'_, 'a> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        let start = match self.first.take() {
            Some(start) => start,
            None if self.done => return Ok(None),
            None => match self.r.next_child()? {
                Some(next) if next.local == self.name => next,
                other => {
                    self.r.push_back(other.map_or(Token::End, Token::Start));
                    self.done = true;
                    return Ok(None);
                }
            },
        };
        let index = self.index;
        self.index += 1;
        ElementDe::new(self.r, start, None)
            .and_then(|de| seed.deserialize(de))
            .map(Some)
            .map_err(|e| e.within(format_args!("[{index}]")))
    }
}

/// A list from child elements, whatever their names.
struct ChildSeq<'d, 'a> {
    r: &'d mut XmlReader<'a>,
    done: bool,
    index: usize,
    /// The declared `arrayType` size, as a capacity hint.
    len: Option<usize>,
}

impl<'a> SeqAccess<'a> for ChildSeq<'_, 'a> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        if self.done {
            return Ok(None);
        }
        let Some(child) = self.r.next_child()? else {
            self.done = true;
            return Ok(None);
        };
        let (name, index) = (child.local, self.index);
        self.index += 1;
        ElementDe::new(self.r, child, None)
            .and_then(|de| seed.deserialize(de))
            .map(Some)
            .map_err(|e| e.within(format_args!("{name}[{index}]")))
    }

    fn size_hint(&self) -> Option<usize> {
        self.len.map(|len| len.saturating_sub(self.index))
    }
}

/// An Apache `Map`: `<item><key>…</key><value>…</value></item>` entries.
struct ApacheMap<'d, 'a> {
    r: &'d mut XmlReader<'a>,
    done: bool,
    /// Inside an item whose key was read.
    in_item: bool,
}

impl<'a> MapAccess<'a> for ApacheMap<'_, 'a> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        if self.in_item {
            self.r.skip_rest()?;
            self.in_item = false;
        }
        if self.done {
            return Ok(None);
        }
        let Some(item) = self.r.next_child()? else {
            self.done = true;
            return Ok(None);
        };
        let item = self.r.resolve(item)?;
        match self.r.next_child()? {
            Some(key) if key.local == "key" => {
                self.in_item = true;
                let key = ElementDe::new(self.r, key, None)
                    .and_then(|de| seed.deserialize(de))
                    .map_err(|e| e.within("key"))?;
                Ok(Some(key))
            }
            Some(other) => Err(DecodeError::invalid(format!(
                "Map entry <{}> starts with <{}> instead of <key>",
                item.local, other.local
            ))),
            None => Err(DecodeError::invalid(format!(
                "Map entry <{}> has no <key>",
                item.local
            ))),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        if !self.in_item {
            return Err(DecodeError::invalid("a value was requested before its key"));
        }
        match self.r.next_child()? {
            Some(value) if value.local == "value" => {
                let value = ElementDe::new(self.r, value, None)
                    .and_then(|de| seed.deserialize(de))
                    .map_err(|e| e.within("value"))?;
                self.r.skip_rest()?;
                self.in_item = false;
                Ok(value)
            }
            Some(other) => Err(DecodeError::invalid(format!(
                "Map entry has <{}> where <value> belongs",
                other.local
            ))),
            // An entry without a value: the key maps to nothing.
            None => {
                self.in_item = false;
                seed.deserialize(Nil::TOP)
            }
        }
    }
}

/// `(name, content)` of an element, for a pair that is not an Apache Map item.
struct PairSeq<'d, 'a> {
    key: Option<&'a str>,
    value: Option<PairValue<'d, 'a>>,
}

enum PairValue<'d, 'a> {
    Text(TextDe<'a, 'a>),
    Element(ElementDe<'d, 'a>),
}

impl PairSeq<'_, '_> {
    fn finish(&mut self) -> Result<(), DecodeError> {
        match self.value.take() {
            Some(PairValue::Element(element)) => element.r.skip_to_end(),
            _ => Ok(()),
        }
    }
}

impl<'a> SeqAccess<'a> for PairSeq<'_, 'a> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        if let Some(key) = self.key.take() {
            return seed
                .deserialize(BorrowedStrDeserializer::new(key))
                .map(Some);
        }
        match self.value.take() {
            Some(PairValue::Text(text)) => seed.deserialize(text).map(Some),
            Some(PairValue::Element(element)) => seed.deserialize(element).map(Some),
            None => Ok(None),
        }
    }
}

/// The text content of an element, typed by its `xsi:type` for `deserialize_any`.
pub(super) struct TextDe<'s, 'a> {
    text: Cow<'a, str>,
    kind: Kind,
    /// The element's raw attribute list, for a struct with attribute fields; empty for an
    /// attribute value itself.
    attributes: &'a str,
    /// The reader just past the (closed) element: the prefixes in scope around it, for its
    /// qualified attributes.
    reader: Option<&'s XmlReader<'a>>,
}

impl<'s, 'a> TextDe<'s, 'a> {
    pub(super) fn new(text: Cow<'a, str>, kind: Kind) -> Self {
        Self {
            text,
            kind,
            attributes: "",
            reader: None,
        }
    }

    /// The text of an element whose start tag carried `attributes`, read with the prefixes
    /// `scope` binds around it.
    fn of_element(text: Cow<'a, str>, start: &Start<'a>, reader: &'s XmlReader<'a>) -> Self {
        Self {
            text,
            kind: start.kind,
            attributes: start.attributes,
            reader: Some(reader),
        }
    }

    /// A dynamic value ([`DYNAMIC_NEWTYPE`]): the text as `deserialize_any` reads it, or,
    /// when the element carries [`attributes::data`], those as `@name` entries and the text
    /// (if any) as `$value`.
    #[inline(never)]
    fn deserialize_dynamic<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let Some(reader) = self.reader else {
            return de::Deserializer::deserialize_any(self, visitor);
        };
        let found = attributes::data(self.attributes, reader)?;
        if found.is_empty() {
            return de::Deserializer::deserialize_any(self, visitor);
        }
        let text = Some((self.text, self.kind)).filter(|(text, _)| !is_blank(text));
        visitor.visit_map(AttrMap::dynamic(found, text, None::<Empty>))
    }

    fn trimmed(&self) -> &str {
        self.text.trim()
    }

    fn visit_text<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.text {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    /// A number: the text must parse; blank text is no number (never a made-up 0).
    fn number<T: FromStr>(&self, what: &str) -> Result<T, DecodeError> {
        let text = self.trimmed();
        text.parse()
            .map_err(|_| DecodeError::invalid(format!("invalid {what} {:?}", clip(text))))
    }

    fn boolean(&self) -> Result<bool, DecodeError> {
        let text = self.trimmed();
        parse_bool(text)
            .ok_or_else(|| DecodeError::invalid(format!("invalid boolean {:?}", clip(text))))
    }

    fn expect_blank(&self, expected: &str) -> Result<(), DecodeError> {
        match is_blank(&self.text) {
            true => Ok(()),
            false => Err(DecodeError::invalid(format!(
                "expected {expected}, found text {:?}",
                clip(&self.text)
            ))),
        }
    }
}

/// XML Schema booleans, leniently: any case. Blank is no boolean.
fn parse_bool(text: &str) -> Option<bool> {
    if text == "0" || text.eq_ignore_ascii_case("false") {
        Some(false)
    } else if text == "1" || text.eq_ignore_ascii_case("true") {
        Some(true)
    } else {
        None
    }
}

macro_rules! text_numbers {
    ($($method:ident $visit:ident $ty:ty, $what:literal;)*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            visitor.$visit(self.number::<$ty>($what)?)
        }
    )*};
}

impl<'a> de::Deserializer<'a> for TextDe<'_, 'a> {
    type Error = DecodeError;

    text_numbers! {
        deserialize_i8 visit_i8 i8, "integer";
        deserialize_i16 visit_i16 i16, "integer";
        deserialize_i32 visit_i32 i32, "integer";
        deserialize_i64 visit_i64 i64, "integer";
        deserialize_u8 visit_u8 u8, "unsigned integer";
        deserialize_u16 visit_u16 u16, "unsigned integer";
        deserialize_u32 visit_u32 u32, "unsigned integer";
        deserialize_u64 visit_u64 u64, "unsigned integer";
        deserialize_f32 visit_f32 f32, "number";
        deserialize_f64 visit_f64 f64, "number";
    }

    /// Typed by `xsi:type`; text that does not parse as its type, or that a float would not
    /// give back as written, stays a string, so nothing is lost. A number is handed over
    /// without the whitespace around it.
    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let text = self.trimmed();
        match self.kind {
            Kind::Int => {
                if let Ok(n) = text.parse::<i64>() {
                    return visitor.visit_i64(n);
                }
                if let Ok(n) = text.parse::<u64>() {
                    return visitor.visit_u64(n);
                }
            }
            Kind::Bool => {
                if let Some(b) = parse_bool(text) {
                    return visitor.visit_bool(b);
                }
            }
            // Only when the float gives the text back: `10.50` or 17 digits stay text, which
            // an exact decimal then reads as written.
            Kind::Float => {
                if let Ok(n) = text.parse::<f64>()
                    && n.to_string() == text
                {
                    return visitor.visit_f64(n);
                }
            }

            Kind::Array if text.is_empty() => return visitor.visit_seq(Empty),
            Kind::Map | Kind::Named if text.is_empty() => return visitor.visit_map(Empty),
            _ => {}
        }
        let number = matches!(self.kind, Kind::Untyped | Kind::Int | Kind::Float)
            && text.parse::<f64>().is_ok();
        if number {
            return visitor.visit_str(text);
        }
        self.visit_text(visitor)
    }

    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_bool(self.boolean()?)
    }

    fn deserialize_char<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let mut chars = self.text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => visitor.visit_char(c),
            _ => Err(DecodeError::invalid(format!(
                "expected one character, found {:?}",
                clip(&self.text)
            ))),
        }
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.visit_text(visitor)
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.visit_text(visitor)
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.visit_text(visitor)
    }

    fn deserialize_bytes<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.text {
            Cow::Borrowed(text) => visitor.visit_borrowed_bytes(text.as_bytes()),
            Cow::Owned(text) => visitor.visit_byte_buf(text.into_bytes()),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if name == DYNAMIC_NEWTYPE {
            return self.deserialize_dynamic(visitor);
        }
        if name != LENIENT_NEWTYPE {
            return visitor.visit_newtype_struct(self);
        }
        visitor.visit_seq(LenientText {
            text: Some(self),
            attempt: Attempt::Pending,
        })
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.expect_blank("a list")?;
        visitor.visit_seq(Empty)
    }

    fn deserialize_tuple<V: Visitor<'a>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.expect_blank("child elements")?;
        visitor.visit_map(Empty)
    }

    /// A struct from an element without children: its attributes and text, when it has
    /// such fields (`simpleContent`), else nothing (the text must be blank).
    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if attributes::wanted(fields) {
            let empty = Namespaces::default();
            let scope = self.reader.map_or(&empty, XmlReader::namespaces);
            let found = attributes::matched(self.attributes, fields, scope)?;
            let text = Some((self.text, self.kind));
            return visitor.visit_map(AttrMap::new(found, fields, text, None::<Empty>));
        }
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let variant: de::value::StrDeserializer<'_, DecodeError> =
            self.trimmed().into_deserializer();
        visitor.visit_enum(variant)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
}

/// An `xsi:nil` value: `None` for an `Option`, absent for a [`crate::runtime::Lenient`], an
/// empty string, list or record (PHP nulls arrive this way, even where the WSDL does not say
/// nillable); an error where a number or a boolean is required.
#[derive(Clone, Copy)]
struct Nil {
    depth: u8,
}

impl Nil {
    const TOP: Self = Self { depth: 0 };
}

/// A nil number or boolean has no value to give: an error, never a made-up 0 or false.
macro_rules! nil_refused {
    ($($method:ident $what:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, DecodeError> {
            Err(DecodeError::invalid(concat!("nil where a ", $what, " is required")))
        }
    )*};
}

macro_rules! nil_defaults {
    ($($method:ident $visit:ident $value:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            visitor.$visit($value)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Nil {
    type Error = DecodeError;

    nil_refused! {
        deserialize_bool "boolean";
        deserialize_i8 "number";
        deserialize_i16 "number";
        deserialize_i32 "number";
        deserialize_i64 "number";
        deserialize_u8 "number";
        deserialize_u16 "number";
        deserialize_u32 "number";
        deserialize_u64 "number";
        deserialize_f32 "number";
        deserialize_f64 "number";
    }

    nil_defaults! {
        deserialize_str visit_str "";
        deserialize_string visit_str "";
        deserialize_identifier visit_str "";
        deserialize_bytes visit_bytes &[];
        deserialize_byte_buf visit_bytes &[];
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, DecodeError> {
        Err(DecodeError::invalid("nil where a character is required"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_none()
    }

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
        match name {
            LENIENT_NEWTYPE => visitor.visit_none(),
            _ => visitor.visit_newtype_struct(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_seq(Empty)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_seq(Empty)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_seq(Empty)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_map(Empty)
    }

    /// Every field of a nil struct is nil in turn.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if self.depth >= MAX_NIL_DEPTH {
            return Err(DecodeError::invalid(format!(
                "nil {name}: its fields nest deeper than {MAX_NIL_DEPTH} levels"
            )));
        }
        visitor.visit_map(NilFields {
            fields,
            next: 0,
            depth: self.depth + 1,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, DecodeError> {
        Err(DecodeError::invalid(format!(
            "nil where a {name} value is required"
        )))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
}

/// The fields of a nil struct, each nil.
struct NilFields {
    fields: &'static [&'static str],
    next: usize,
    depth: u8,
}

impl<'de> MapAccess<'de> for NilFields {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        let Some(field) = self.fields.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        seed.deserialize(BorrowedStrDeserializer::new(field))
            .map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        seed.deserialize(Nil { depth: self.depth })
    }
}

/// A [`crate::runtime::Lenient`] field's element, answering [`LENIENT_NEWTYPE`] as
/// [`Attempt`] describes: when the value does not read as its type, the rest of the element is
/// stepped over and its text (or markup) is the raw value.
struct LenientElement<'d, 'a> {
    element: Option<ElementDe<'d, 'a>>,
    attempt: Attempt<DecodeError>,
}

impl<'a> SeqAccess<'a> for LenientElement<'_, 'a> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        let Some(ElementDe { r, start, .. }) = self.element.take() else {
            return self.attempt.second(seed);
        };
        // Where the content starts: the raw value of a field that fails is cut from the
        // input, so that fields that read (nearly all) copy nothing.
        let begin = r.markup_start();
        match r.read_content()? {
            Content::Text(text) => {
                match seed.deserialize(TextDe::of_element(text, &start, r)) {
                    Ok(value) => Ok(Some(value)),
                    Err(_) => {
                        // The element is closed: nothing is left to step over.
                        let markup = r.markup_since(begin, r.depth() + 1)?;
                        let raw = quick_xml::escape::unescape(&markup)
                            .map_or(markup.clone(), Cow::into_owned);
                        self.attempt = Attempt::Unreadable(raw);
                        Err(Attempt::failed())
                    }
                }
            }
            Content::Children => {
                // The first child is put back, and open: the field's own level is one up.
                let depth = r.depth() - 1;
                let element = ElementDe {
                    r: &mut *r,
                    start,
                    capture: None,
                    undeclared: None,
                };
                match seed.deserialize(element) {
                    Ok(value) => Ok(Some(value)),
                    Err(DecodeError::Invalid(_)) => {
                        let raw = r.markup_since(begin, depth)?;
                        self.attempt = Attempt::Unreadable(raw);
                        Err(Attempt::failed())
                    }
                    Err(broken) => {
                        self.attempt = Attempt::Broken(broken);
                        Err(Attempt::failed())
                    }
                }
            }
        }
    }
}

/// A [`crate::runtime::Lenient`] field read from text alone (a captured status field).
struct LenientText<'s, 'a> {
    text: Option<TextDe<'s, 'a>>,
    attempt: Attempt<DecodeError>,
}

impl<'a> SeqAccess<'a> for LenientText<'_, 'a> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        let Some(text) = self.text.take() else {
            return self.attempt.second(seed);
        };
        let raw = text.text.clone();
        seed.deserialize(text).map(Some).map_err(|_| {
            self.attempt = Attempt::Unreadable(raw.into_owned());
            Attempt::failed()
        })
    }
}

/// No entries.
struct Empty;

impl<'de> SeqAccess<'de> for Empty {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        _seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        Ok(None)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(0)
    }
}

impl<'de> MapAccess<'de> for Empty {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        _seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        Ok(None)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        _seed: S,
    ) -> Result<S::Value, DecodeError> {
        Err(DecodeError::invalid(
            "a value was requested from an empty map",
        ))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(0)
    }
}

/// The return part of an rpc response whose wrapper has no child: fine for `()`, `Option`
/// and `Value` (null), an error for anything else.
pub(super) struct NoPart<'a> {
    pub wrapper: &'a str,
}

impl NoPart<'_> {
    fn missing(&self) -> DecodeError {
        DecodeError::invalid(format!(
            "the response <{}> has no return part",
            self.wrapper
        ))
    }
}

macro_rules! refuse {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* _visitor: V) -> Result<V::Value, DecodeError> {
            let _ = ($($arg,)*);
            Err(self.missing())
        }
    )*};
}

impl<'de> de::Deserializer<'de> for NoPart<'_> {
    type Error = DecodeError;

    refuse! {
        deserialize_bool(); deserialize_i8(); deserialize_i16(); deserialize_i32();
        deserialize_i64(); deserialize_u8(); deserialize_u16(); deserialize_u32();
        deserialize_u64(); deserialize_f32(); deserialize_f64(); deserialize_char();
        deserialize_str(); deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_identifier(); deserialize_seq(); deserialize_map();
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_none()
    }

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

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
}
