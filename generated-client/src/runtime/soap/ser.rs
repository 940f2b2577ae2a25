//! Request parts as XML, through a serde `Serializer` that writes straight into the body.
//!
//! Every value becomes one element named by its part or field. Encoded use adds `xsi:type`:
//! the type the WSDL declares, for a part and for the fields of the records (the operation's
//! [`TypeXsi`] table) and list items below it, whatever Rust type holds the value; where the
//! WSDL says nothing (inside a dynamic value), the value's own (XML Schema types for
//! primitives, the serde container name in the operation's namespace for structs and enums).
//! Lists are SOAP-ENC arrays of `<item>`s, maps and lists of pairs Apache `Map`s, `None` an
//! `xsi:nil` element.
//!
//! Literal use writes the same elements without type attributes, each in the namespace its
//! schema gives it (the operation's [`ElementSpec`] tables: parts by name, record fields by the
//! record's serde name): an element whose namespace differs from the default namespace in
//! scope declares its own (`xmlns="…"`, or `xmlns=""` for none), so no prefix is needed. A
//! wrapper list writes its items under the item element its schema names; an element the
//! tables do not know (inside a dynamic value) stays in its parent's namespace.

use super::attributes::{self, TextSer};
use super::derived::DERIVED_ENUM;
use super::repeated::REPEATED_NEWTYPE;
use super::xml::{APACHE_SOAP, XSD};
use super::{ElementSpec, Operation, Style, TypeElements, TypeXsi, Use, Version, XsiSpec, XsiType};
use crate::runtime::redact::Redactor;
use crate::runtime::secret::SECRET_NEWTYPE;
use serde::ser::{self, Serialize};
use std::cell::RefCell;
use std::fmt;

/// Prefixes the envelope declares (see `envelope.rs`).
pub(super) const OPERATION_PREFIX: &str = "ns1";

/// What the serializer needs to know about the operation.
pub(super) struct Context {
    pub encoded: bool,
    pub version: Version,
    /// The operation's namespace, bound to [`OPERATION_PREFIX`] when not empty.
    pub namespace: &'static str,
    /// Literal use: the parts' and record fields' elements. Empty for encoded use, whose
    /// accessors are all unqualified.
    parts: &'static [ElementSpec],
    types: &'static TypeElements,
    /// Encoded use: the declared `xsi:type`s of the record fields. Empty for literal use.
    xsi_types: &'static TypeXsi,
    /// The default namespace where the parts are written: the document body element's
    /// (declared on it, see `envelope.rs`); none inside an rpc wrapper or directly in the Body.
    body_ns: &'static str,
    /// The texts of the [`Secret`](crate::runtime::Secret)s written, for the call's
    /// redactor.
    secrets: RefCell<Vec<String>>,
}

/// Appends element `name` holding `value` to `out`. `xsi_type` is the part's WSDL type.
pub(super) fn write_part<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    context: &Context,
    name: &'static str,
    xsi_type: XsiSpec,
    value: &T,
) -> Result<(), SerError> {
    let given = context.encoded.then_some(xsi_type);
    value
        .serialize(ElementSer {
            out,
            context,
            name,
            given,
            repeated: false,
            element: context.parts.iter().find(|part| part.name == name),
            scope: context.body_ns,
        })
        .map(|_| ())
}

/// Why a value cannot be sent. Never contains the value itself (it may be a password).
#[derive(Debug)]
pub(super) struct SerError(pub String);

impl fmt::Display for SerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

fn unsupported(what: &str) -> SerError {
    SerError(format!("{what} cannot be encoded in a SOAP request"))
}

/// Characters XML 1.0 cannot carry at all, even as character references.
fn is_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Appends `text` escaped for element content or (with `attribute`) a quoted attribute
/// value. `>` is always escaped, so `]]>` cannot occur; `\r` (and in attributes `\t`, `\n`)
/// become character references so that the parser's normalisation keeps them.
pub(super) fn escape(out: &mut Vec<u8>, text: &str, attribute: bool) -> Result<(), SerError> {
    let mut done = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '<' => "&lt;",
            '>' => "&gt;",
            '&' => "&amp;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\r' => "&#13;",
            '\t' if attribute => "&#9;",
            '\n' if attribute => "&#10;",
            c if is_forbidden(c) => {
                return Err(SerError(format!(
                    "contains U+{:04X}, which XML 1.0 cannot carry",
                    c as u32
                )));
            }
            _ => continue,
        };
        out.extend_from_slice(&text.as_bytes()[done..i]);
        out.extend_from_slice(replacement.as_bytes());
        done = i + c.len_utf8();
    }
    out.extend_from_slice(&text.as_bytes()[done..]);
    Ok(())
}

/// An XML name without a prefix.
pub(super) fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c == '-' || c == '.' || c.is_alphanumeric())
}

/// The `xsi:type` a value is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    None,
    Xsd(&'static str),
    /// A serde container name: a type in the operation's namespace.
    Named(&'static str),
    Array,
    Map,
    Given(XsiType),
}

/// What an element serializer wrote, for the enclosing array's `arrayType`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Written {
    label: Label,
    /// A `(key, value)` pair: the enclosing list is a map.
    pair: bool,
    nil: bool,
}

impl Written {
    fn value(label: Label) -> Self {
        Self {
            label,
            pair: false,
            nil: false,
        }
    }
}

impl Context {
    /// A context without element tables: every element in its parent's namespace.
    pub(super) fn new(version: Version, body_use: Use, namespace: &'static str) -> Self {
        Self {
            encoded: body_use == Use::Encoded,
            version,
            namespace,
            parts: &[],
            types: &[],
            xsi_types: &[],
            body_ns: "",
            secrets: RefCell::default(),
        }
    }

    /// Hands the secrets written so far to `redactor`.
    pub(super) fn take_secrets(&self, redactor: &mut Redactor) {
        for secret in self.secrets.take() {
            redactor.add(&secret);
        }
    }

    /// The context of `op`'s parts.
    pub(super) fn of(op: &Operation) -> Self {
        let mut context = Self::new(op.version, op.body_use, op.namespace);
        if context.encoded {
            context.xsi_types = op.xsi_types;
        } else {
            context.parts = op.parts;
            context.types = op.types;
        }
        if op.style == Style::Document && !op.bare {
            context.body_ns = op.namespace;
        }
        context
    }

    /// The context of a `soap:header` element of `op` in `namespace`, inside an element that
    /// declares `namespace` as the default (`headers.rs`). Literal: with the record tables of
    /// `op` (a header record's fields are qualified as its schema says). Encoded: with
    /// `xsi:type`s, named types in the operation's namespace as in the body.
    pub(super) fn header(op: &Operation, namespace: &'static str, encoded: bool) -> Self {
        let mut context = if encoded {
            let mut encoded = Self::new(op.version, Use::Encoded, op.namespace);
            encoded.xsi_types = op.xsi_types;
            encoded
        } else {
            let mut literal = Self::new(op.version, Use::Literal, namespace);
            literal.types = op.types;
            literal
        };
        context.body_ns = namespace;
        context
    }

    /// The elements of the fields of the record named `name` (its serde name).
    fn fields(&self, name: &str) -> &'static [ElementSpec] {
        record(self.types, name)
    }

    /// The declared `xsi:type`s of the fields of the record named `name` (its serde name).
    fn field_types(&self, name: &str) -> &'static [(&'static str, XsiSpec)] {
        record(self.xsi_types, name)
    }

    fn encoding_namespace(&self) -> &'static str {
        super::envelope::encoding_namespace(self.version)
    }

    /// `prefix:name` for a type whose namespace has a prefix on the envelope.
    fn qualified(&self, t: XsiType) -> Option<String> {
        let prefix = match t.namespace {
            XSD => "xsd",
            ns if ns == self.encoding_namespace() => "SOAP-ENC",
            ns if !ns.is_empty() && ns == self.namespace => OPERATION_PREFIX,
            "" => return Some(t.name.to_owned()),
            _ => return None,
        };
        Some(format!("{prefix}:{}", t.name))
    }

    /// The type name of `label` as an `arrayType`/`itemType` value, when it can be written
    /// with the envelope's prefixes.
    fn type_name(&self, label: Label) -> Option<String> {
        match label {
            Label::Xsd(name) => Some(format!("xsd:{name}")),
            Label::Named(name) => self.qualified(XsiType {
                namespace: self.namespace,
                name,
            }),
            Label::Array => Some("SOAP-ENC:Array".to_owned()),
            Label::Given(t) => self.qualified(t),
            Label::None | Label::Map => None,
        }
    }

    /// Appends the ` xsi:type="…"` attribute (with a local namespace declaration when the
    /// envelope has no prefix for it).
    fn write_type(&self, out: &mut Vec<u8>, label: Label) -> Result<(), SerError> {
        if !self.encoded {
            return Ok(());
        }
        let written = match label {
            Label::None => return Ok(()),
            // SOAP 1.2 arrays are identified by `itemType`/`arraySize` alone.
            Label::Array if self.version == Version::V12 => return Ok(()),
            Label::Map => {
                out.extend_from_slice(b" xmlns:apache=\"");
                escape(out, APACHE_SOAP, true)?;
                out.extend_from_slice(b"\"");
                "apache:Map".to_owned()
            }
            Label::Given(t) => match self.qualified(t) {
                Some(name) => name,
                None => {
                    out.extend_from_slice(b" xmlns:ns2=\"");
                    escape(out, t.namespace, true)?;
                    out.extend_from_slice(b"\"");
                    format!("ns2:{}", t.name)
                }
            },
            other => self
                .type_name(other)
                .unwrap_or_else(|| "xsd:anyType".to_owned()),
        };
        out.extend_from_slice(b" xsi:type=\"");
        escape(out, &written, true)?;
        out.extend_from_slice(b"\"");
        Ok(())
    }
}

/// The fields of the record named `name` in `table` (sorted by record name).
fn record<T>(table: &'static [(&'static str, &'static [T])], name: &str) -> &'static [T] {
    table
        .binary_search_by(|(ty, _)| (*ty).cmp(name))
        .ok()
        .and_then(|i| table.get(i))
        .map_or(&[], |(_, fields)| *fields)
}

/// Writes one element.
struct ElementSer<'o> {
    out: &'o mut Vec<u8>,
    context: &'o Context,
    name: &'static str,
    /// The type the WSDL declares (encoded use), which wins over the value's own label.
    given: Option<XsiSpec>,
    /// A list is written as one element per item (a repeated element), not as an array.
    repeated: bool,
    /// What the schema says of this element (literal use); `None` when the tables do not
    /// know it.
    element: Option<&'static ElementSpec>,
    /// The default namespace in scope at this element's start tag.
    scope: &'static str,
}

impl<'o> ElementSer<'o> {
    fn label(&self, natural: Label) -> Label {
        self.given
            .map_or(natural, |given| Label::Given(given.xsi_type))
    }

    /// The namespace this element is in, and so the default its children see.
    fn namespace(&self) -> &'static str {
        self.element.map_or(self.scope, |e| e.namespace)
    }

    fn open_tag(&mut self) -> Result<(), SerError> {
        if !is_xml_name(self.name) {
            return Err(SerError(format!(
                "{:?} is not an XML element name",
                self.name
            )));
        }
        self.out.push(b'<');
        self.out.extend_from_slice(self.name.as_bytes());
        let namespace = self.namespace();
        if namespace != self.scope {
            self.out.extend_from_slice(b" xmlns=\"");
            escape(self.out, namespace, true)?;
            self.out.push(b'"');
        }
        Ok(())
    }

    /// `<name xsi:type="…">`.
    fn start(&mut self, label: Label) -> Result<(), SerError> {
        self.open_tag()?;
        self.context.write_type(self.out, label)?;
        self.out.push(b'>');
        Ok(())
    }

    fn end(out: &mut Vec<u8>, name: &str) {
        out.extend_from_slice(b"</");
        out.extend_from_slice(name.as_bytes());
        out.push(b'>');
    }

    fn leaf(mut self, natural: Label, text: &str) -> Result<Written, SerError> {
        let label = self.label(natural);
        self.start(label)?;
        escape(self.out, text, false)?;
        Self::end(self.out, self.name);
        Ok(Written::value(label))
    }

    /// A child element; `element` (literal) and `given` (encoded) say what the schema says
    /// of it, if anything.
    fn child(
        &mut self,
        name: &'static str,
        element: Option<&'static ElementSpec>,
        given: Option<XsiSpec>,
    ) -> ElementSer<'_> {
        let scope = self.namespace();
        ElementSer {
            out: self.out,
            context: self.context,
            name,
            given,
            repeated: false,
            element,
            scope,
        }
    }
}

/// XML Schema spelling of a double.
pub(super) fn format_double(v: f64) -> String {
    if v.is_nan() {
        "NaN".to_owned()
    } else if v.is_infinite() {
        if v > 0.0 { "INF" } else { "-INF" }.to_owned()
    } else {
        v.to_string()
    }
}

impl<'o> ser::Serializer for ElementSer<'o> {
    type Ok = Written;
    type Error = SerError;
    type SerializeSeq = ListSer<'o>;
    type SerializeTuple = TupleSer<'o>;
    type SerializeTupleStruct = ser::Impossible<Written, SerError>;
    type SerializeTupleVariant = ser::Impossible<Written, SerError>;
    type SerializeMap = MapSer<'o>;
    type SerializeStruct = StructSer<'o>;
    type SerializeStructVariant = ser::Impossible<Written, SerError>;

    fn serialize_bool(self, v: bool) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("boolean"), if v { "true" } else { "false" })
    }

    fn serialize_i8(self, v: i8) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("byte"), &v.to_string())
    }

    fn serialize_i16(self, v: i16) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("short"), &v.to_string())
    }

    fn serialize_i32(self, v: i32) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("int"), &v.to_string())
    }

    fn serialize_i64(self, v: i64) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("long"), &v.to_string())
    }

    fn serialize_u8(self, v: u8) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("unsignedByte"), &v.to_string())
    }

    fn serialize_u16(self, v: u16) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("unsignedShort"), &v.to_string())
    }

    fn serialize_u32(self, v: u32) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("unsignedInt"), &v.to_string())
    }

    fn serialize_u64(self, v: u64) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("unsignedLong"), &v.to_string())
    }

    fn serialize_f32(self, v: f32) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("float"), &format_double(f64::from(v)))
    }

    fn serialize_f64(self, v: f64) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("double"), &format_double(v))
    }

    fn serialize_char(self, v: char) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("string"), v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<Written, SerError> {
        self.leaf(Label::Xsd("string"), v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<Written, SerError> {
        Err(unsupported("a byte string"))
    }

    fn serialize_none(mut self) -> Result<Written, SerError> {
        self.open_tag()?;
        self.out.extend_from_slice(b" xsi:nil=\"true\"/>");
        Ok(Written {
            label: Label::None,
            pair: false,
            nil: true,
        })
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Written, SerError> {
        value.serialize(self)
    }

    fn serialize_unit(mut self) -> Result<Written, SerError> {
        self.open_tag()?;
        self.out.extend_from_slice(b"/>");
        Ok(Written::value(Label::None))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Written, SerError> {
        self.serialize_unit()
    }

    /// A fieldless enum variant is its wire value.
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Written, SerError> {
        self.leaf(Label::Named(name), variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        mut self,
        name: &'static str,
        value: &T,
    ) -> Result<Written, SerError> {
        self.repeated |= name == REPEATED_NEWTYPE;
        if name == SECRET_NEWTYPE
            && let Some(secret) = value.serialize(TextSer::default())?
        {
            self.context.secrets.borrow_mut().push(secret);
        }
        value.serialize(self)
    }

    /// A derived type (`derived.rs`): the variant's value, with its `xsi:type`.
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Written, SerError> {
        if name != DERIVED_ENUM {
            return Err(unsupported(&format!("enum {name} with data")));
        }
        let (namespace, local) = attributes::split_expanded(variant);
        let xsi_type = XsiType {
            namespace,
            name: local,
        };
        self.given = Some(xsi_type.into());
        if self.context.encoded {
            return value.serialize(self);
        }
        // Literal use writes no types; a derived value needs its own, after the name.
        let (out, context, element) = (&mut *self.out, self.context, self.name);
        let before = out.len();
        let written = value.serialize(ElementSer {
            out: &mut *out,
            context,
            name: element,
            given: None,
            repeated: self.repeated,
            element: self.element,
            scope: self.scope,
        })?;
        let name_end = before + 1 + element.len();
        if out
            .get(before..name_end)
            .is_some_and(|tag| tag.ends_with(element.as_bytes()))
        {
            let encoded = Context::new(context.version, Use::Encoded, context.namespace);
            let mut attribute = Vec::new();
            encoded.write_type(&mut attribute, Label::Given(xsi_type))?;
            out.splice(name_end..name_end, attribute);
        }
        Ok(written)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<ListSer<'o>, SerError> {
        Ok(ListSer {
            parent: self,
            items: Vec::new(),
            count: 0,
            item_label: None,
            mixed: false,
            pairs: true,
        })
    }

    fn serialize_tuple(mut self, len: usize) -> Result<TupleSer<'o>, SerError> {
        self.start(Label::None)?;
        Ok(TupleSer {
            parent: self,
            pair: len == 2,
            index: 0,
        })
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, SerError> {
        Err(unsupported(&format!("tuple struct {name}")))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, SerError> {
        Err(unsupported(&format!("enum {name} with data")))
    }

    fn serialize_map(mut self, _len: Option<usize>) -> Result<MapSer<'o>, SerError> {
        let label = self.label(Label::Map);
        self.start(label)?;
        Ok(MapSer {
            parent: self,
            label,
        })
    }

    fn serialize_struct(
        mut self,
        name: &'static str,
        _len: usize,
    ) -> Result<StructSer<'o>, SerError> {
        let label = self.label(Label::Named(name));
        // Closed by the first field that is no attribute (`attributes.rs`).
        self.open_tag()?;
        self.context.write_type(self.out, label)?;
        let fields = self.context.fields(name);
        let field_types = self.context.field_types(name);
        Ok(StructSer {
            parent: self,
            label,
            open: true,
            fields,
            field_types,
            declared: attributes::Declared::default(),
            text: Vec::new(),
        })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, SerError> {
        Err(unsupported(&format!("enum {name} with data")))
    }
}

/// A list. Items go to a side buffer: the start tag carries their count and common type.
pub(super) struct ListSer<'o> {
    parent: ElementSer<'o>,
    items: Vec<u8>,
    count: usize,
    /// The label shared by every non-nil item so far.
    item_label: Option<Label>,
    mixed: bool,
    /// Every item so far was a `(key, value)` pair.
    pairs: bool,
}

impl ser::SerializeSeq for ListSer<'_> {
    type Ok = Written;
    type Error = SerError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let parent = &self.parent;
        // A repeated element's items are its siblings; a list's items are its children,
        // named as the schema says (`ArrayOfInt`'s `int`) or SOAP-ENC's `item`.
        let (name, element, scope) = if parent.repeated {
            (parent.name, parent.element, parent.scope)
        } else {
            let items = parent.element.and_then(|e| e.items);
            (items.map_or("item", |i| i.name), items, parent.namespace())
        };
        let item = ElementSer {
            out: &mut self.items,
            context: parent.context,
            name,
            // A repeated element's items are parts or fields themselves, declared as such.
            given: if parent.repeated {
                parent.given
            } else {
                parent.given.and_then(|list| list.items).copied()
            },
            repeated: false,
            element,
            scope,
        };
        let written = value.serialize(item)?;
        self.count += 1;
        self.pairs &= written.pair;
        if !written.nil {
            match self.item_label {
                None => self.item_label = Some(written.label),
                Some(label) => self.mixed |= label != written.label,
            }
        }
        Ok(())
    }

    fn end(mut self) -> Result<Written, SerError> {
        let context = self.parent.context;
        if self.parent.repeated {
            // The items are the elements: no wrapper around them.
            self.parent.out.extend_from_slice(&self.items);
            return Ok(Written::value(Label::None));
        }
        if self.count > 0 && self.pairs {
            let label = self.parent.label(Label::Map);
            self.parent.start(label)?;
            self.parent.out.extend_from_slice(&self.items);
            ElementSer::end(self.parent.out, self.parent.name);
            return Ok(Written::value(label));
        }
        let label = self.parent.label(Label::Array);
        self.parent.open_tag()?;
        context.write_type(self.parent.out, label)?;
        if context.encoded {
            let item_type = match (self.item_label, self.mixed) {
                (Some(item), false) => context.type_name(item),
                _ => None,
            };
            let item_type = item_type.unwrap_or_else(|| "xsd:anyType".to_owned());
            let attributes = match context.version {
                Version::V11 => format!(" SOAP-ENC:arrayType=\"{item_type}[{}]\"", self.count),
                Version::V12 => format!(
                    " SOAP-ENC:itemType=\"{item_type}\" SOAP-ENC:arraySize=\"{}\"",
                    self.count
                ),
            };
            self.parent.out.extend_from_slice(attributes.as_bytes());
        }
        self.parent.out.push(b'>');
        self.parent.out.extend_from_slice(&self.items);
        ElementSer::end(self.parent.out, self.parent.name);
        Ok(Written::value(label))
    }
}

/// A tuple: a pair as `<key>`/`<value>` (an Apache Map item), others as `<item>`s.
pub(super) struct TupleSer<'o> {
    parent: ElementSer<'o>,
    pair: bool,
    index: usize,
}

impl ser::SerializeTuple for TupleSer<'_> {
    type Ok = Written;
    type Error = SerError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let name = match (self.pair, self.index) {
            (true, 0) => "key",
            (true, _) => "value",
            (false, _) => "item",
        };
        self.index += 1;
        value
            .serialize(self.parent.child(name, None, None))
            .map(|_| ())
    }

    fn end(self) -> Result<Written, SerError> {
        ElementSer::end(self.parent.out, self.parent.name);
        Ok(Written {
            label: Label::None,
            pair: self.pair,
            nil: false,
        })
    }
}

/// A map as an Apache `Map`.
pub(super) struct MapSer<'o> {
    parent: ElementSer<'o>,
    label: Label,
}

impl ser::SerializeMap for MapSer<'_> {
    type Ok = Written;
    type Error = SerError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        self.parent.out.extend_from_slice(b"<item>");
        key.serialize(self.parent.child("key", None, None))
            .map(|_| ())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        value.serialize(self.parent.child("value", None, None))?;
        self.parent.out.extend_from_slice(b"</item>");
        Ok(())
    }

    fn end(self) -> Result<Written, SerError> {
        ElementSer::end(self.parent.out, self.parent.name);
        Ok(Written::value(self.label))
    }
}

/// A struct: its attribute fields in the start tag, then its text field or one child element
/// per field, in declaration order. The generated structs declare the text field first
/// (`$value`, then the attributes: see `attributes.rs`), so the text is held until the start
/// tag closes.
pub(super) struct StructSer<'o> {
    parent: ElementSer<'o>,
    label: Label,
    /// The start tag still takes attributes.
    open: bool,
    /// The fields' elements, when the tables know the record.
    fields: &'static [ElementSpec],
    /// The fields' declared types (encoded use), when the tables know the record.
    field_types: &'static [(&'static str, XsiSpec)],
    /// The namespaces declared on the start tag for qualified attributes.
    declared: attributes::Declared,
    /// The text field's escaped text, written when the start tag closes.
    text: Vec<u8>,
}

impl StructSer<'_> {
    fn close_start_tag(&mut self) {
        if std::mem::take(&mut self.open) {
            self.parent.out.push(b'>');
            self.parent.out.append(&mut self.text);
        }
    }
}

impl ser::SerializeStruct for StructSer<'_> {
    type Ok = Written;
    type Error = SerError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        let field_error = |e: SerError| SerError(format!("{key}: {e}"));
        if attributes::attribute_name(key).is_some() {
            if !self.open {
                return Err(SerError(format!(
                    "{key}: an attribute field after the element's content"
                )));
            }
            let secrets = &self.parent.context.secrets;
            return attributes::write(self.parent.out, key, value, &mut self.declared, secrets)
                .map_err(field_error);
        }
        if key == attributes::TEXT_KEY {
            let out = if self.open {
                &mut self.text
            } else {
                &mut *self.parent.out
            };
            return attributes::write_text(out, value, &self.parent.context.secrets)
                .map_err(field_error);
        }
        self.close_start_tag();
        let element = self.fields.iter().find(|f| f.name == key);
        let given = self
            .field_types
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, xsi)| *xsi);
        value
            .serialize(self.parent.child(key, element, given))
            .map_err(field_error)?;
        Ok(())
    }

    fn end(mut self) -> Result<Written, SerError> {
        self.close_start_tag();
        ElementSer::end(self.parent.out, self.parent.name);
        Ok(Written::value(self.label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{Decimal, Value};

    const NS: &str = "urn:myapi";

    fn encoded(version: Version) -> Context {
        Context::new(version, Use::Encoded, NS)
    }

    fn part<T: Serialize + ?Sized>(
        context: &Context,
        xsi_type: XsiType,
        value: &T,
    ) -> Result<String, SerError> {
        let mut out = Vec::new();
        write_part(&mut out, context, "p", xsi_type.into(), value)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[derive(serde::Serialize)]
    #[serde(rename = "vps_slice")]
    struct Slice {
        id: i32,
        name: String,
        price: Decimal,
        note: Option<String>,
        on: bool,
    }

    #[test]
    fn escaping_covers_markup_quotes_cdata_end_and_carriage_return() {
        let out = part(
            &encoded(Version::V11),
            XsiType::xsd("string"),
            "a<b>&'\"]]>\r\n\té",
        )
        .unwrap();
        assert_eq!(
            out,
            "<p xsi:type=\"xsd:string\">a&lt;b&gt;&amp;&apos;&quot;]]&gt;&#13;\n\té</p>"
        );
    }

    #[test]
    fn forbidden_characters_are_refused_without_echoing_the_value() {
        let error = part(
            &encoded(Version::V11),
            XsiType::xsd("string"),
            "secret\u{1}",
        )
        .unwrap_err();
        assert_eq!(error.0, "contains U+0001, which XML 1.0 cannot carry");
        assert!(part(&encoded(Version::V11), XsiType::xsd("string"), "\u{FFFF}").is_err());
    }

    #[test]
    fn structs_nest_with_types_from_serde_names() {
        let value = Slice {
            id: 7,
            name: "x".into(),
            price: "1.50".parse::<Decimal>().unwrap(),
            note: None,
            on: true,
        };
        let out = part(
            &encoded(Version::V11),
            XsiType {
                namespace: NS,
                name: "vps_slice",
            },
            &value,
        )
        .unwrap();
        assert_eq!(
            out,
            "<p xsi:type=\"ns1:vps_slice\"><id xsi:type=\"xsd:int\">7</id><name xsi:type=\"xsd:string\">x</name>\
             <price xsi:type=\"xsd:string\">1.50</price><note xsi:nil=\"true\"/>\
             <on xsi:type=\"xsd:boolean\">true</on></p>"
        );
    }

    /// What the WSDL declares: `order`'s fields as XML Schema and schema types, whatever
    /// Rust type holds them (`Decimal` for an `xsd:float` amount, text for an enum).
    static ORDER_XSI: &TypeXsi = &[(
        "order",
        &[
            (
                "price",
                XsiSpec {
                    xsi_type: XsiType::xsd("float"),
                    items: None,
                },
            ),
            (
                "at",
                XsiSpec {
                    xsi_type: XsiType::xsd("dateTime"),
                    items: None,
                },
            ),
            (
                "day",
                XsiSpec {
                    xsi_type: XsiType::xsd("date"),
                    items: None,
                },
            ),
            (
                "span",
                XsiSpec {
                    xsi_type: XsiType::xsd("duration"),
                    items: None,
                },
            ),
            (
                "blob",
                XsiSpec {
                    xsi_type: XsiType::xsd("base64Binary"),
                    items: None,
                },
            ),
            (
                "size",
                XsiSpec {
                    xsi_type: XsiType {
                        namespace: NS,
                        name: "Size",
                    },
                    items: None,
                },
            ),
            (
                "color",
                XsiSpec {
                    xsi_type: XsiType {
                        namespace: "urn:other",
                        name: "Color",
                    },
                    items: None,
                },
            ),
            (
                "ratio",
                XsiSpec {
                    xsi_type: XsiType::xsd("float"),
                    items: None,
                },
            ),
            (
                "fees",
                XsiSpec {
                    xsi_type: XsiType {
                        namespace: SOAP_ENC_11,
                        name: "Array",
                    },
                    items: Some(&XsiSpec {
                        xsi_type: XsiType::xsd("decimal"),
                        items: None,
                    }),
                },
            ),
            (
                "missing",
                XsiSpec {
                    xsi_type: XsiType::xsd("dateTime"),
                    items: None,
                },
            ),
        ],
    )];

    const SOAP_ENC_11: &str = "http://schemas.xmlsoap.org/soap/encoding/";

    #[derive(serde::Serialize)]
    #[serde(rename = "order")]
    struct Order {
        price: Decimal,
        at: crate::runtime::DateTime,
        day: crate::runtime::Date,
        span: crate::runtime::Duration,
        blob: crate::runtime::Base64,
        size: &'static str,
        color: &'static str,
        ratio: f64,
        fees: Vec<Decimal>,
        missing: Option<crate::runtime::DateTime>,
        /// Not in the table (a dynamic value's key): its own type.
        extra: i32,
    }

    fn order() -> Order {
        Order {
            price: "9.99".parse().unwrap(),
            at: "2024-05-01T10:00:00Z".parse().unwrap(),
            day: "2024-05-01".parse().unwrap(),
            span: "P1D".parse().unwrap(),
            blob: crate::runtime::Base64(b"hi".to_vec()),
            size: "M",
            color: "red",
            ratio: 0.5,
            fees: vec!["1.5".parse().unwrap()],
            missing: None,
            extra: 3,
        }
    }

    #[test]
    fn encoded_fields_carry_the_type_their_wsdl_declares() {
        let mut context = encoded(Version::V11);
        context.xsi_types = ORDER_XSI;
        let out = part(
            &context,
            XsiType {
                namespace: NS,
                name: "order",
            },
            &order(),
        )
        .unwrap();
        assert_eq!(
            out,
            "<p xsi:type=\"ns1:order\"><price xsi:type=\"xsd:float\">9.99</price>\
             <at xsi:type=\"xsd:dateTime\">2024-05-01T10:00:00Z</at>\
             <day xsi:type=\"xsd:date\">2024-05-01</day><span xsi:type=\"xsd:duration\">P1D</span>\
             <blob xsi:type=\"xsd:base64Binary\">aGk=</blob><size xsi:type=\"ns1:Size\">M</size>\
             <color xmlns:ns2=\"urn:other\" xsi:type=\"ns2:Color\">red</color>\
             <ratio xsi:type=\"xsd:float\">0.5</ratio>\
             <fees xsi:type=\"SOAP-ENC:Array\" SOAP-ENC:arrayType=\"xsd:decimal[1]\">\
             <item xsi:type=\"xsd:decimal\">1.5</item></fees><missing xsi:nil=\"true\"/>\
             <extra xsi:type=\"xsd:int\">3</extra></p>"
        );
        // Literal use ignores the table: no types.
        let mut literal = Context::new(Version::V11, Use::Literal, NS);
        literal.xsi_types = ORDER_XSI;
        let out = part(&literal, XsiType::xsd("x"), &order()).unwrap();
        assert!(!out.contains("xsi:type"), "{out}");
    }

    #[test]
    fn encoded_parts_and_their_items_carry_the_declared_type() {
        let c = encoded(Version::V11);
        let size = XsiType {
            namespace: NS,
            name: "Size",
        };
        assert_eq!(
            part(&c, size, "M").unwrap(),
            "<p xsi:type=\"ns1:Size\">M</p>"
        );
        let amount: Decimal = "2.50".parse().unwrap();
        assert_eq!(
            part(&c, XsiType::xsd("float"), &amount).unwrap(),
            "<p xsi:type=\"xsd:float\">2.50</p>"
        );
        // As the generator spells it in a method body: the items' type is promoted to `'static`.
        let dates = XsiSpec {
            xsi_type: XsiType {
                namespace: NS,
                name: "ArrayOfDate",
            },
            items: Some(&XsiSpec {
                xsi_type: XsiType {
                    namespace: XsiType::XSD,
                    name: "date",
                },
                items: None,
            }),
        };
        let mut out = Vec::new();
        let days: Vec<crate::runtime::Date> = vec!["2024-05-01".parse().unwrap()];
        write_part(&mut out, &c, "p", dates, &days).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<p xsi:type=\"ns1:ArrayOfDate\" SOAP-ENC:arrayType=\"xsd:date[1]\">\
             <item xsi:type=\"xsd:date\">2024-05-01</item></p>"
        );
    }

    #[test]
    fn lists_are_soap_enc_arrays_with_their_item_type() {
        let out = part(
            &encoded(Version::V11),
            XsiType {
                namespace: NS,
                name: "array_ids",
            },
            &vec![1i64, 2],
        )
        .unwrap();
        assert_eq!(
            out,
            "<p xsi:type=\"ns1:array_ids\" SOAP-ENC:arrayType=\"xsd:long[2]\"><item xsi:type=\"xsd:long\">1</item>\
             <item xsi:type=\"xsd:long\">2</item></p>"
        );
        let empty: Vec<String> = Vec::new();
        let out = part(
            &encoded(Version::V12),
            XsiType {
                namespace: NS,
                name: "a",
            },
            &empty,
        )
        .unwrap();
        assert_eq!(
            out,
            "<p xsi:type=\"ns1:a\" SOAP-ENC:itemType=\"xsd:anyType\" SOAP-ENC:arraySize=\"0\"></p>"
        );
        let mixed = vec![Value::Int(1), Value::String("a".into()), Value::Null];
        let out = part(
            &encoded(Version::V11),
            XsiType {
                namespace: "urn:other",
                name: "list",
            },
            &mixed,
        )
        .unwrap();
        assert_eq!(
            out,
            "<p xmlns:ns2=\"urn:other\" xsi:type=\"ns2:list\" SOAP-ENC:arrayType=\"xsd:anyType[3]\">\
             <item xsi:type=\"xsd:long\">1</item><item xsi:type=\"xsd:string\">a</item><item xsi:nil=\"true\"/></p>"
        );
    }

    #[test]
    fn pairs_and_maps_are_apache_maps() {
        let pairs = vec![("a".to_owned(), 1i32)];
        let map_type = XsiType {
            namespace: APACHE_SOAP,
            name: "Map",
        };
        let out = part(&encoded(Version::V11), map_type, &pairs).unwrap();
        assert_eq!(
            out,
            "<p xmlns:ns2=\"http://xml.apache.org/xml-soap\" xsi:type=\"ns2:Map\"><item><key xsi:type=\"xsd:string\">a</key>\
             <value xsi:type=\"xsd:int\">1</value></item></p>"
        );
        let value = Value::Map(vec![(Value::String("k".into()), Value::Bool(false))]);
        let literal = Context::new(Version::V11, Use::Literal, NS);
        assert_eq!(
            part(&literal, map_type, &value).unwrap(),
            "<p><item><key>k</key><value>false</value></item></p>"
        );
    }

    #[test]
    fn literal_use_has_no_types() {
        let literal = Context::new(Version::V11, Use::Literal, NS);
        let value = Slice {
            id: 1,
            name: "n".into(),
            price: "2".parse::<Decimal>().unwrap(),
            note: Some("z".into()),
            on: false,
        };
        assert_eq!(
            part(&literal, XsiType::xsd("ignored"), &value).unwrap(),
            "<p><id>1</id><name>n</name><price>2</price><note>z</note><on>false</on></p>"
        );
        assert_eq!(
            part(&literal, XsiType::xsd("x"), &vec!["a"]).unwrap(),
            "<p><item>a</item></p>"
        );
    }

    #[test]
    fn floats_use_xml_schema_spelling() {
        let c = encoded(Version::V11);
        assert_eq!(
            part(&c, XsiType::xsd("double"), &f64::NAN).unwrap(),
            "<p xsi:type=\"xsd:double\">NaN</p>"
        );
        assert_eq!(
            part(&c, XsiType::xsd("float"), &f64::NEG_INFINITY).unwrap(),
            "<p xsi:type=\"xsd:float\">-INF</p>"
        );
        assert_eq!(
            part(&c, XsiType::xsd("double"), &0.1f64).unwrap(),
            "<p xsi:type=\"xsd:double\">0.1</p>"
        );
    }

    #[test]
    fn unsupported_values_are_errors() {
        #[derive(serde::Serialize)]
        enum E {
            A(i32),
        }
        assert!(part(&encoded(Version::V11), XsiType::xsd("x"), &E::A(1)).is_err());
        assert!(part(&encoded(Version::V11), XsiType::xsd("x"), &Bytes).is_err());
    }

    struct Bytes;

    impl Serialize for Bytes {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(b"x")
        }
    }
}
