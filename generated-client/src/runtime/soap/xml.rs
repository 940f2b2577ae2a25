//! A namespace-aware token stream over quick-xml's borrowing [`Reader`].
//!
//! quick-xml's `NsReader` resolves every name against a general resolver; the decoder only
//! ever asks about a handful of namespaces (envelope, encoding, XML Schema, Apache SOAP), so
//! declarations are classified once into [`Ns`] and kept on a small stack, and names and
//! attribute values are borrowed from the input. This layer also enforces the limits on
//! hostile input: DTDs are refused, nesting is capped at [`MAX_DEPTH`], skipping a subtree is a
//! loop, and `href` references are followed through a lazily built index with an expansion
//! budget.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// Deepest element nesting accepted in a response.
pub(super) const MAX_DEPTH: usize = 256;

pub(super) const ENVELOPE_11: &str = "http://schemas.xmlsoap.org/soap/envelope/";
pub(super) const ENVELOPE_12: &str = "http://www.w3.org/2003/05/soap-envelope";
pub(super) const ENCODING_11: &str = "http://schemas.xmlsoap.org/soap/encoding/";
pub(super) const ENCODING_12: &str = "http://www.w3.org/2003/05/soap-encoding";
pub(super) const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
pub(super) const XSD: &str = "http://www.w3.org/2001/XMLSchema";
pub(super) const APACHE_SOAP: &str = "http://xml.apache.org/xml-soap";
/// The namespace XML itself binds to the prefix `xml` (`xml:lang`), declared or not.
pub(super) const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// The namespaces the decoder tells apart; everything else is [`Ns::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// No namespace (an unprefixed name without a default namespace).
    None,
    Envelope11,
    Envelope12,
    Encoding11,
    Encoding12,
    Xsi,
    Xsd,
    ApacheSoap,
    Other,
}

impl Ns {
    pub(super) fn classify(uri: &str) -> Self {
        match uri {
            ENVELOPE_11 => Self::Envelope11,
            ENVELOPE_12 => Self::Envelope12,
            ENCODING_11 => Self::Encoding11,
            ENCODING_12 => Self::Encoding12,
            // Older toolkits (SOAP::Lite, Apache SOAP) still send the 1999 and 2000 drafts.
            XSI
            | "http://www.w3.org/1999/XMLSchema-instance"
            | "http://www.w3.org/2000/10/XMLSchema-instance" => Self::Xsi,
            XSD | "http://www.w3.org/1999/XMLSchema" | "http://www.w3.org/2000/10/XMLSchema" => {
                Self::Xsd
            }
            APACHE_SOAP => Self::ApacheSoap,
            "" => Self::None,
            _ => Self::Other,
        }
    }

    pub(super) fn is_envelope(self) -> bool {
        matches!(self, Self::Envelope11 | Self::Envelope12)
    }

    /// A namespace whose attributes are SOAP or XML Schema markup, never data.
    pub(super) fn is_markup(self) -> bool {
        matches!(
            self,
            Self::Envelope11 | Self::Envelope12 | Self::Encoding11 | Self::Encoding12 | Self::Xsi
        )
    }
}

/// What an element's `xsi:type` (or SOAP-ENC array attributes) says about its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// No type information.
    Untyped,
    /// An XML Schema integer type.
    Int,
    Bool,
    /// `float`, `double` or `decimal`.
    Float,
    /// Any other simple type (`string`, `dateTime`, ...).
    Text,
    /// A SOAP-ENC array (`SOAP-ENC:Array`, an `arrayType`/`itemType` attribute, Apache
    /// `Vector`).
    Array,
    /// An Apache `Map`: `<item><key/><value/></item>` entries.
    Map,
    /// A named type from another namespace: a struct.
    Named,
}

impl Kind {
    fn of_type(ns: Ns, local: &str) -> Self {
        match ns {
            Ns::Xsd | Ns::Encoding11 | Ns::Encoding12 => match local {
                "Array" if ns != Ns::Xsd => Self::Array,
                "int" | "integer" | "long" | "short" | "byte" | "unsignedInt" | "unsignedLong"
                | "unsignedShort" | "unsignedByte" | "nonNegativeInteger" | "positiveInteger"
                | "negativeInteger" | "nonPositiveInteger" => Self::Int,
                "boolean" => Self::Bool,
                "float" | "double" | "decimal" => Self::Float,
                "anyType" => Self::Untyped,
                _ => Self::Text,
            },
            Ns::ApacheSoap => match local {
                "Map" => Self::Map,
                "Vector" => Self::Array,
                _ => Self::Named,
            },
            _ => Self::Named,
        }
    }
}

/// A start tag, resolved.
#[derive(Debug)]
pub(super) struct Start<'a> {
    /// Local name (prefix stripped).
    pub local: &'a str,
    /// Namespace of the element name.
    pub ns: Ns,
    /// `xsi:nil="true"`.
    pub nil: bool,
    pub kind: Kind,
    /// Declared item count of a SOAP-ENC array, used only as a capacity hint.
    pub array_len: Option<u32>,
    /// The reference this element stands for (`href="#id"`, SOAP 1.2 `enc:ref="id"` as
    /// `#id`). Rare, so owned: the common start tag stays small.
    pub href: Option<Box<str>>,
    /// The attribute list as written, read further (`attributes.rs`) only for a struct with
    /// attribute fields.
    pub attributes: &'a str,
}

/// One token of the stream. Comments, processing instructions and the XML declaration are
/// dropped; character data arrives in one or more `Text` pieces.
#[derive(Debug)]
pub(super) enum Token<'a> {
    Start(Start<'a>),
    End,
    Text(Cow<'a, str>),
    Eof,
}

/// The content of an element, as far as [`XmlReader::read_content`] looked.
pub(super) enum Content<'a> {
    /// Only character data; the end tag has been consumed.
    Text(Cow<'a, str>),
    /// Child elements; the first child's start tag is pushed back.
    Children,
}

/// Everything that can go wrong while decoding a response body.
#[derive(Debug)]
pub(super) enum DecodeError {
    /// Not well-formed XML.
    Malformed(String),
    /// A `<!DOCTYPE`: refused, entities are never expanded.
    Doctype,
    /// Elements nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Well-formed, but not what the expected type needs.
    Invalid(Box<Invalid>),
}

/// See [`DecodeError::Invalid`]; boxed so that results stay small on the hot path.
#[derive(Debug)]
pub(super) struct Invalid {
    message: String,
    /// The elements the error is in, innermost first.
    path: Vec<String>,
}

impl DecodeError {
    pub(super) fn invalid(message: impl Into<String>) -> Self {
        Self::Invalid(Box::new(Invalid {
            message: message.into(),
            path: Vec::new(),
        }))
    }

    /// Records that the error happened inside element `segment`.
    pub(super) fn within(mut self, segment: impl fmt::Display) -> Self {
        if let Self::Invalid(invalid) = &mut self {
            invalid.path.push(segment.to_string());
        }
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(message) => write!(f, "malformed XML: {message}"),
            Self::Doctype => f.write_str(
                "the response contains a <!DOCTYPE> (DTD); refused, entity declarations are never \
                 expanded",
            ),
            Self::TooDeep => write!(f, "elements nested deeper than {MAX_DEPTH} levels"),
            Self::Invalid(invalid) => {
                let mut segments = invalid.path.iter().rev();
                if let Some(outermost) = segments.next() {
                    f.write_str(outermost)?;
                    for segment in segments {
                        write!(f, "/{segment}")?;
                    }
                    f.write_str(": ")?;
                }
                f.write_str(&invalid.message)
            }
        }
    }
}

impl std::error::Error for DecodeError {}

impl serde::de::Error for DecodeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self::invalid(message.to_string())
    }
}

/// Prefix bindings in scope, innermost last. Prefixes and their URIs live in one string so
/// that declaring one does not allocate once the buffers have grown; the URI is kept for the
/// rare questions the [`Ns`] classes cannot answer (a qualified attribute, an `xsi:type` of a
/// derived type).
#[derive(Debug, Default)]
pub(super) struct Namespaces {
    prefixes: String,
    bindings: Vec<Binding>,
    /// Bindings below this index are invisible: they belong to the context an `href` jumped
    /// away from.
    floor: usize,
    /// Changes whenever the visible bindings do, invalidating resolutions cached before.
    generation: u64,
}

#[derive(Debug, Clone, Copy)]
struct Binding {
    /// The prefix packed into an integer when it is short (they nearly all are), so that
    /// resolving compares integers.
    key: Option<u64>,
    start: usize,
    /// The prefix is `start..end`, its URI `end..uri_end` of [`Namespaces::prefixes`].
    end: usize,
    uri_end: usize,
    ns: Ns,
}

/// A prefix of up to 8 bytes as an integer; names contain no NUL, so the padding is unique.
fn pack(prefix: &str) -> Option<u64> {
    let bytes = prefix.as_bytes();
    let mut word = [0u8; 8];
    word.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u64::from_le_bytes(word))
}

impl Namespaces {
    fn declare(&mut self, prefix: &str, uri: &str) {
        let start = self.prefixes.len();
        self.prefixes.push_str(prefix);
        let end = self.prefixes.len();
        self.prefixes.push_str(uri);
        self.bindings.push(Binding {
            key: pack(prefix),
            start,
            end,
            uri_end: self.prefixes.len(),
            ns: Ns::classify(uri),
        });
        self.generation += 1;
    }

    fn set_floor(&mut self, floor: usize) {
        self.floor = floor;
        self.generation += 1;
    }

    fn len(&self) -> usize {
        self.bindings.len()
    }

    fn truncate(&mut self, len: usize) {
        if let Some(first_dropped) = self.bindings.get(len) {
            self.prefixes.truncate(first_dropped.start);
            self.bindings.truncate(len);
            self.generation += 1;
        }
    }

    /// The innermost visible binding of a prefix (`""` for the default namespace).
    fn binding(&self, prefix: &str) -> Option<&Binding> {
        let visible = self.bindings.get(self.floor..).unwrap_or_default();
        let key = pack(prefix);
        visible
            .iter()
            .rev()
            .find(|binding| match (key, binding.key) {
                (Some(key), Some(bound)) => key == bound,
                (None, None) => self.prefixes.get(binding.start..binding.end) == Some(prefix),
                _ => false,
            })
    }

    /// Resolves a prefix (`""` for the default namespace).
    fn resolve(&self, prefix: &str) -> Ns {
        match self.binding(prefix) {
            Some(binding) => binding.ns,
            // An undeclared prefix cannot name a namespace we know.
            None if prefix.is_empty() => Ns::None,
            None => Ns::Other,
        }
    }

    /// The namespace URI of a prefix (`""` for the default namespace: empty when there is
    /// none); `None` for an undeclared prefix. `xml` is bound by XML itself.
    pub(super) fn uri(&self, prefix: &str) -> Option<&str> {
        match self.binding(prefix) {
            Some(binding) => self.prefixes.get(binding.end..binding.uri_end),
            None if prefix.is_empty() => Some(""),
            None if prefix == "xml" => Some(XML),
            None => None,
        }
    }

    /// The namespace URI of `prefix` on an element whose attribute list is `raw`: its own
    /// declaration there, else the binding in scope. For an element already closed, whose
    /// own declarations have left the scope.
    pub(super) fn uri_on<'s>(&'s self, raw: &'s str, prefix: &str) -> Option<Cow<'s, str>> {
        let declared = RawAttributes(raw).map_while(Result::ok).find(|(key, _)| {
            key.strip_prefix("xmlns:") == Some(prefix) || (prefix.is_empty() && *key == "xmlns")
        });
        match declared {
            Some((_, value)) => quick_xml::escape::unescape(value).ok(),
            None => self.uri(prefix).map(Cow::Borrowed),
        }
    }

    /// The visible bindings as (prefix, URI), outermost first.
    fn snapshot(&self, upto: usize) -> Vec<(Box<str>, Box<str>)> {
        let visible = self.bindings.get(self.floor..upto).unwrap_or_default();
        let text = |range: std::ops::Range<usize>| self.prefixes.get(range).unwrap_or_default();
        visible
            .iter()
            .map(|b| (text(b.start..b.end).into(), text(b.end..b.uri_end).into()))
            .collect()
    }
}

/// Splits `prefix:local`.
fn split_qname(name: &str) -> (&str, &str) {
    match name.bytes().position(|b| b == b':') {
        // `:` is ASCII, so both sides are on character boundaries.
        Some(colon) => (&name[..colon], &name[colon + 1..]),
        None => ("", name),
    }
}

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_space(text: &str) -> &str {
    let spaces = text.bytes().take_while(|b| is_xml_space(*b)).count();
    // Spaces are ASCII, so this is a character boundary.
    &text[spaces..]
}

/// The attributes of a start tag as `(name, raw value)`, in order, borrowed from the input.
/// quick-xml's own iterator is tied to the event's lifetime and checks for duplicates,
/// which the decoder does not need.
pub(super) struct RawAttributes<'a>(pub &'a str);

impl<'a> Iterator for RawAttributes<'a> {
    type Item = Result<(&'a str, &'a str), String>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = skip_space(self.0);
        if rest.is_empty() || rest == "/" {
            return None;
        }
        // Any error ends the iteration.
        self.0 = "";
        let name_end = rest
            .bytes()
            .position(|b| b == b'=' || is_xml_space(b))
            .unwrap_or(rest.len());
        let (name, after) = rest.split_at(name_end);
        let Some(after) = skip_space(after).strip_prefix('=') else {
            return Some(Err(format!("attribute {name:?} has no value")));
        };
        let after = skip_space(after);
        let quote = match after.bytes().next() {
            Some(quote @ (b'"' | b'\'')) => quote,
            _ => return Some(Err(format!("attribute {name:?} has an unquoted value"))),
        };
        let body = &after[1..];
        let Some(end) = body.bytes().position(|b| b == quote) else {
            return Some(Err(format!("attribute {name:?} is not closed")));
        };
        self.0 = &body[end + 1..];
        Some(Ok((name, &body[..end])))
    }
}

/// Re-borrows `part`, a slice of `input`, with `input`'s lifetime. quick-xml hands out tag
/// names tied to the event, although for a slice reader they point into the input; this
/// recovers the longer lifetime without unsafe code (live allocations never overlap, so a
/// range inside `input` is `input`).
fn reborrow<'a>(input: &'a str, part: &str) -> Option<&'a str> {
    let start = (part.as_ptr() as usize).checked_sub(input.as_ptr() as usize)?;
    let slice = input.get(start..start.checked_add(part.len())?)?;
    (slice.as_ptr() == part.as_ptr()).then_some(slice)
}

fn new_reader(input: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(input);
    let config = reader.config_mut();
    config.expand_empty_elements = false;
    config.check_end_names = true;
    config.trim_text(false);
    reader
}

/// One input being read: the document, or an element an `href` jumped to.
struct Frame<'a> {
    reader: Reader<&'a [u8]>,
    /// Offset of the reader's input within the document.
    base: usize,
    /// Depth of the frame's root element; its end tag ends the frame.
    root_depth: usize,
    /// Namespace state to restore when the frame ends.
    ns_len: usize,
    ns_floor: usize,
}

/// Where each `id` attribute is, with the prefix bindings in scope around it.
struct RefIndex {
    targets: BTreeMap<String, Target>,
    scopes: Vec<Vec<(Box<str>, Box<str>)>>,
    /// Element count of the whole document, which sizes the expansion budget.
    elements: usize,
}

struct Target {
    offset: usize,
    scope: usize,
}

/// How many elements following `href`s may decode beyond the document's own elements: a
/// shared object may be referenced many times, but a reference bomb must not run unbounded.
fn expansion_budget(document_elements: usize) -> usize {
    document_elements.saturating_mul(4).saturating_add(65_536)
}

/// The token stream.
pub(super) struct XmlReader<'a> {
    input: &'a str,
    /// The input being read now.
    frame: Frame<'a>,
    /// The inputs an `href` jumped away from, to return to.
    suspended: Vec<Frame<'a>>,
    /// The document has carriage returns, so text needs line-end normalisation.
    has_cr: bool,
    ns: Namespaces,
    /// For each open element, the binding count before its declarations.
    scopes: Vec<usize>,
    pending: Option<Token<'a>>,
    /// An empty-element tag was just returned as `Start`; its `End` comes next.
    close_next: bool,
    refs: Option<RefIndex>,
    /// Elements read through `href` jumps so far.
    expanded: usize,
    /// While building the [`RefIndex`]: ids found so far.
    collect: Option<RefIndex>,
    /// What recent attribute lists meant. Encoded responses repeat a few lists
    /// (`xsi:type="xsd:string"`, `xsi:type="xsd:int"`) on nearly every element.
    seen: Vec<SeenAttributes<'a>>,
}

/// The meaning of one attribute list without namespace declarations or references.
struct SeenAttributes<'a> {
    raw: &'a str,
    generation: u64,
    nil: bool,
    kind: Kind,
    array_len: Option<u32>,
}

/// How many attribute lists [`XmlReader`] remembers.
const SEEN_ATTRIBUTES: usize = 8;

impl<'a> XmlReader<'a> {
    pub(super) fn new(input: &'a str) -> Self {
        Self {
            input,
            frame: Frame {
                reader: new_reader(input),
                base: 0,
                root_depth: 0,
                ns_len: 0,
                ns_floor: 0,
            },
            suspended: Vec::new(),
            has_cr: input.contains('\r'),
            ns: Namespaces::default(),
            scopes: Vec::new(),
            pending: None,
            close_next: false,
            refs: None,
            expanded: 0,
            collect: None,
            seen: Vec::with_capacity(SEEN_ATTRIBUTES),
        }
    }

    /// Byte offset of the next unread input in the document.
    fn position(&self) -> usize {
        self.frame
            .base
            .saturating_add(self.frame.reader.buffer_position() as usize)
    }

    fn malformed(&self, error: impl fmt::Display) -> DecodeError {
        DecodeError::Malformed(format!("{error} (near byte {})", self.position()))
    }

    /// Puts a token back; the next [`XmlReader::next`] returns it.
    pub(super) fn push_back(&mut self, token: Token<'a>) {
        self.pending = Some(token);
    }

    /// Whether the pushed-back token is the start of a child named `local`.
    pub(super) fn pending_child_is(&self, local: &str) -> bool {
        matches!(&self.pending, Some(Token::Start(child)) if child.local == local)
    }

    /// The next token.
    pub(super) fn next(&mut self) -> Result<Token<'a>, DecodeError> {
        if let Some(token) = self.pending.take() {
            return Ok(token);
        }
        if self.close_next {
            self.close_next = false;
            return Ok(self.close());
        }
        loop {
            // Only the id index needs to know where a tag starts.
            let position = if self.collect.is_some() {
                self.position()
            } else {
                0
            };
            let event = match self.frame.reader.read_event() {
                Ok(event) => event,
                Err(error) => return Err(self.malformed(error)),
            };
            match event {
                Event::Start(tag) => return self.open(&tag, position),
                Event::Empty(tag) => {
                    let token = self.open(&tag, position)?;
                    self.close_next = true;
                    return Ok(token);
                }
                Event::End(_) => return Ok(self.close()),
                Event::Text(text) => {
                    let text = if self.has_cr {
                        text.xml10_content()
                    } else {
                        text.into_inner()
                    };
                    if !text.is_empty() {
                        return Ok(Token::Text(text));
                    }
                }
                Event::CData(data) => {
                    let text = if self.has_cr {
                        data.xml10_content()
                    } else {
                        data.into_inner()
                    };
                    if !text.is_empty() {
                        return Ok(Token::Text(text));
                    }
                }
                Event::GeneralRef(reference) => {
                    if let Some(text) = quick_xml::escape::resolve_predefined_entity(&reference) {
                        return Ok(Token::Text(Cow::Borrowed(text)));
                    }
                    return match reference.resolve_char_ref() {
                        Ok(Some(c)) => Ok(Token::Text(Cow::Owned(c.to_string()))),
                        Ok(None) => {
                            Err(self.malformed(format_args!("undefined entity &{};", &*reference)))
                        }
                        Err(error) => Err(self.malformed(error)),
                    };
                }
                Event::DocType(_) => return Err(DecodeError::Doctype),
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof => {
                    return match self.scopes.len() {
                        0 => Ok(Token::Eof),
                        _ => Err(self.malformed("the document ends inside an element")),
                    };
                }
            }
        }
    }

    fn open(&mut self, tag: &BytesStart<'_>, position: usize) -> Result<Token<'a>, DecodeError> {
        if self.scopes.len() >= MAX_DEPTH {
            return Err(DecodeError::TooDeep);
        }
        if !self.suspended.is_empty() {
            self.expanded += 1;
            let budget = self
                .refs
                .as_ref()
                .map_or(0, |r| expansion_budget(r.elements));
            if self.expanded > budget {
                return Err(DecodeError::invalid(format!(
                    "following href references expands to more than {budget} elements"
                )));
            }
        }
        let scope = self.ns.len();
        self.scopes.push(scope);
        let (Some(name), Some(attributes)) = (
            reborrow(self.input, tag.name().0),
            reborrow(self.input, tag.attributes_raw()),
        ) else {
            return Err(self.malformed("start tag outside the input"));
        };
        let (prefix, local) = split_qname(name);
        if attributes.trim_ascii().is_empty() {
            return Ok(self.plain_start(prefix, local, attributes));
        }
        let generation = self.ns.generation;
        if let Some(seen) = self
            .seen
            .iter()
            .find(|s| s.generation == generation && s.raw == attributes)
        {
            let (nil, kind, array_len) = (seen.nil, seen.kind, seen.array_len);
            let mut start = self.plain_start(prefix, local, attributes);
            if let Token::Start(start) = &mut start {
                (start.nil, start.kind, start.array_len) = (nil, kind, array_len);
            }
            return Ok(start);
        }
        // Declarations apply to the whole tag, so they go first.
        let declares = attributes.contains("xmlns");
        if declares {
            for attribute in RawAttributes(attributes) {
                let (key, value) = attribute.map_err(|e| self.malformed(e))?;
                let prefix = match key.strip_prefix("xmlns") {
                    Some("") => "",
                    Some(rest) => match rest.strip_prefix(':') {
                        Some(prefix) => prefix,
                        None => continue,
                    },
                    None => continue,
                };
                let uri = self.unescape(value)?;
                self.ns.declare(prefix, &uri);
            }
        }
        let mut start = Start {
            local,
            ns: self.ns.resolve(prefix),
            nil: false,
            kind: Kind::Untyped,
            array_len: None,
            href: None,
            attributes,
        };
        self.read_attributes(attributes, &mut start, position, scope)?;
        if let Some(index) = &mut self.collect {
            index.elements += 1;
        } else if !declares && start.href.is_none() {
            let seen = SeenAttributes {
                raw: attributes,
                generation,
                nil: start.nil,
                kind: start.kind,
                array_len: start.array_len,
            };
            if self.seen.len() < SEEN_ATTRIBUTES {
                self.seen.push(seen);
            } else {
                // Round robin by depth keeps the lists of nested levels apart.
                let slot = self.scopes.len() % SEEN_ATTRIBUTES;
                if let Some(old) = self.seen.get_mut(slot) {
                    *old = seen;
                }
            }
        }
        Ok(Token::Start(start))
    }

    /// A start tag without attributes that matter.
    fn plain_start(&mut self, prefix: &str, local: &'a str, attributes: &'a str) -> Token<'a> {
        if let Some(index) = &mut self.collect {
            index.elements += 1;
        }
        Token::Start(Start {
            local,
            ns: self.ns.resolve(prefix),
            nil: false,
            kind: Kind::Untyped,
            array_len: None,
            href: None,
            attributes,
        })
    }

    /// Applies the attributes the decoder cares about to `start`.
    fn read_attributes(
        &mut self,
        attributes: &'a str,
        start: &mut Start<'a>,
        position: usize,
        scope: usize,
    ) -> Result<(), DecodeError> {
        let mut array_type = false;
        let mut type_kind = None;
        for attribute in RawAttributes(attributes) {
            let (key, value) = attribute.map_err(|e| self.malformed(e))?;
            let (prefix, local) = split_qname(key);
            if prefix == "xmlns" || (prefix.is_empty() && local == "xmlns") {
                continue;
            }
            let ns = if prefix.is_empty() {
                Ns::None
            } else {
                self.ns.resolve(prefix)
            };
            match (ns, local) {
                (Ns::Xsi, "type") => {
                    let value = self.unescape(value)?;
                    let (type_prefix, type_local) = split_qname(value.trim());
                    type_kind = Some(Kind::of_type(self.ns.resolve(type_prefix), type_local));
                }
                (Ns::Xsi, "nil") => {
                    start.nil = matches!(self.unescape(value)?.trim(), "true" | "1");
                }
                (Ns::Encoding11, "arrayType") => {
                    array_type = true;
                    // `tns:item[3]`: the last bracket holds the outer dimension.
                    start.array_len = self
                        .unescape(value)?
                        .rsplit_once('[')
                        .and_then(|(_, size)| size.strip_suffix(']'))
                        .and_then(|size| size.trim().parse().ok());
                }
                (Ns::Encoding12, "itemType") => array_type = true,
                (Ns::Encoding12, "arraySize") => {
                    array_type = true;
                    let value = self.unescape(value)?;
                    start.array_len = value.split_whitespace().next().and_then(|n| n.parse().ok());
                }
                (Ns::None, "href") => start.href = Some(self.unescape(value)?.trim().into()),
                (Ns::Encoding12, "ref") => {
                    start.href = Some(format!("#{}", self.unescape(value)?.trim()).into());
                }
                (Ns::None | Ns::Encoding12, "id") if self.collect.is_some() => {
                    let id = self.unescape(value)?.trim().to_owned();
                    let snapshot = self.ns.snapshot(scope);
                    if let Some(index) = &mut self.collect {
                        let reuse = index.scopes.last().is_some_and(|last| *last == snapshot);
                        if !reuse {
                            index.scopes.push(snapshot);
                        }
                        let scope = index.scopes.len().saturating_sub(1);
                        // The first element with an id wins, as in a DOM lookup.
                        index.targets.entry(id).or_insert(Target {
                            offset: position,
                            scope,
                        });
                    }
                }
                _ => {}
            }
        }
        start.kind = if array_type {
            Kind::Array
        } else {
            type_kind.unwrap_or(Kind::Untyped)
        };
        Ok(())
    }

    /// An attribute value with references resolved, borrowed when it has none.
    fn unescape(&self, value: &'a str) -> Result<Cow<'a, str>, DecodeError> {
        if !value.contains('&') {
            return Ok(Cow::Borrowed(value));
        }
        quick_xml::escape::unescape(value).map_err(|e| self.malformed(e))
    }

    fn close(&mut self) -> Token<'a> {
        let depth = self.scopes.len();
        if let Some(scope) = self.scopes.pop() {
            self.ns.truncate(scope);
        }
        if depth == self.frame.root_depth {
            if let Some(parent) = self.suspended.pop() {
                let done = std::mem::replace(&mut self.frame, parent);
                self.ns.truncate(done.ns_len);
                self.ns.set_floor(done.ns_floor);
            }
        }
        Token::End
    }

    /// Reads the content of the element whose start tag was just read: its text, or, when it
    /// has child elements, pushes the first child back and says so. Text mixed with child
    /// elements is an error unless it is whitespace.
    pub(super) fn read_content(&mut self) -> Result<Content<'a>, DecodeError> {
        let mut text: Option<Cow<'a, str>> = None;
        loop {
            match self.next()? {
                Token::Text(piece) => {
                    text = Some(match text {
                        None => piece,
                        Some(prev) => Cow::Owned(prev.into_owned() + &piece),
                    });
                }
                Token::End => return Ok(Content::Text(text.unwrap_or(Cow::Borrowed("")))),
                Token::Start(child) => {
                    if let Some(text) = text.filter(|t| !is_blank(t)) {
                        return Err(DecodeError::invalid(format!(
                            "text {:?} mixed with element <{}>",
                            clip(&text),
                            child.local
                        )));
                    }
                    self.push_back(Token::Start(child));
                    return Ok(Content::Children);
                }
                Token::Eof => return Err(self.malformed("unexpected end of document")),
            }
        }
    }

    /// Reads the text content of the element whose start tag was just read, through its end
    /// tag.
    pub(super) fn read_text(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        match self.read_content()? {
            Content::Text(text) => Ok(text),
            Content::Children => {
                let child = match &self.pending {
                    Some(Token::Start(child)) => child.local,
                    _ => "?",
                };
                Err(DecodeError::invalid(format!(
                    "expected text, found element <{child}>"
                )))
            }
        }
    }

    /// The next child element of the current element, or `None` after consuming its end tag.
    /// Whitespace between elements is skipped; other text is an error.
    pub(super) fn next_child(&mut self) -> Result<Option<Start<'a>>, DecodeError> {
        loop {
            match self.next()? {
                Token::Start(child) => return Ok(Some(child)),
                Token::End => return Ok(None),
                Token::Text(text) if is_blank(&text) => {}
                Token::Text(text) => {
                    return Err(DecodeError::invalid(format!(
                        "unexpected text {:?} between elements",
                        clip(&text)
                    )));
                }
                Token::Eof => return Err(self.malformed("unexpected end of document")),
            }
        }
    }

    /// Consumes the rest of the current element through its end tag, without looking at it.
    pub(super) fn skip_to_end(&mut self) -> Result<(), DecodeError> {
        let mut level = 1usize;
        // Tokens already produced went through the bookkeeping; drain them first.
        while self.pending.is_some() || self.close_next {
            match self.next()? {
                Token::Start(_) => level += 1,
                Token::End => level -= 1,
                Token::Text(_) | Token::Eof => {}
            }
            if level == 0 {
                return Ok(());
            }
        }
        // The subtree's own tags balance, so they need no namespace bookkeeping (only the
        // final end tag does); the depth cap holds in skipped parts too.
        loop {
            match self.frame.reader.read_event() {
                Ok(Event::Start(_)) => {
                    level += 1;
                    if self.scopes.len() + level - 1 > MAX_DEPTH {
                        return Err(DecodeError::TooDeep);
                    }
                }
                Ok(Event::End(_)) => {
                    level -= 1;
                    if level == 0 {
                        self.close();
                        return Ok(());
                    }
                }
                Ok(Event::DocType(_)) => return Err(DecodeError::Doctype),
                Ok(Event::Eof) => return Err(self.malformed("unexpected end of document")),
                Ok(_) => {}
                Err(error) => return Err(self.malformed(error)),
            }
        }
    }

    /// Consumes the remaining children of the current element and its end tag.
    pub(super) fn skip_rest(&mut self) -> Result<(), DecodeError> {
        while self.next_child()?.is_some() {
            self.skip_to_end()?;
        }
        Ok(())
    }

    /// How many elements are open.
    pub(super) fn depth(&self) -> usize {
        self.scopes.len()
    }

    /// The `xsi:type` of `start`, whose scope is open, as (namespace URI, local name); `None`
    /// without one, or when its prefix is not declared.
    pub(super) fn xsi_type(&self, start: &Start<'a>) -> Option<(&str, &'a str)> {
        let (_, value) =
            RawAttributes(start.attributes)
                .map_while(Result::ok)
                .find(|(key, _)| {
                    let (prefix, local) = split_qname(key);
                    local == "type" && !prefix.is_empty() && self.ns.resolve(prefix) == Ns::Xsi
                })?;
        let (prefix, local) = split_qname(value.trim());
        Some((self.ns.uri(prefix)?, local))
    }

    /// The prefix bindings in scope.
    pub(super) fn namespaces(&self) -> &Namespaces {
        &self.ns
    }

    /// The input offset of what comes next, when no token was put back (which has none).
    pub(super) fn markup_start(&self) -> Option<usize> {
        (self.pending.is_none() && !self.close_next).then(|| self.position())
    }

    /// After reading inside the element that was open at `depth` stopped short: consumes the
    /// rest of it through its end tag, and returns its content's markup from `begin` (see
    /// [`XmlReader::markup_start`]; empty when unknown).
    pub(super) fn markup_since(
        &mut self,
        begin: Option<usize>,
        depth: usize,
    ) -> Result<String, DecodeError> {
        while self.scopes.len() >= depth {
            if let Token::Eof = self.next()? {
                return Err(self.malformed("unexpected end of document"));
            }
        }
        let end = self.position();
        Ok(begin
            .and_then(|begin| self.input.get(begin..end))
            .and_then(|inner| {
                inner
                    .rfind('<')
                    .map(|close| inner[..close].trim().to_owned())
            })
            .unwrap_or_default())
    }

    /// The content of the element whose start tag was just read, through its end tag: its
    /// text, or its markup verbatim when it has child elements (a fault's `detail`).
    pub(super) fn read_inner(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        // The markup is located by input offsets, which tokens put back do not have.
        let begin = (self.pending.is_none() && !self.close_next).then(|| self.position());
        match self.read_content()? {
            Content::Text(text) => Ok(text),
            Content::Children => {
                self.skip_rest()?;
                let end = self.position();
                begin
                    .and_then(|begin| self.input.get(begin..end))
                    .and_then(|inner| {
                        inner
                            .rfind('<')
                            .map(|close| Cow::Borrowed(inner[..close].trim()))
                    })
                    .ok_or_else(|| DecodeError::invalid("element content could not be located"))
            }
        }
    }

    /// The content of the element whose start tag was just read, through its end tag, as
    /// the markup it is written with: text (escaped as sent), elements, comments, CDATA, in
    /// any mix.
    pub(super) fn read_markup(&mut self) -> Result<&'a str, DecodeError> {
        if self.close_next && self.pending.is_none() {
            // `<element/>`: no content.
            self.skip_to_end()?;
            return Ok("");
        }
        let begin = self
            .markup_start()
            .ok_or_else(|| DecodeError::invalid("element content could not be located"))?;
        self.skip_to_end()?;
        let end = self.position();
        let input = self.input;
        input
            .get(begin..end)
            .and_then(|inner| inner.rfind('<').map(|close| &inner[..close]))
            .ok_or_else(|| DecodeError::invalid("element content could not be located"))
    }

    /// Replaces `start`, an element carrying an `href`, by the element it refers to: skips
    /// the referring element and continues inside the target, whose end tag returns to the
    /// current position. Chains of references are followed.
    #[inline]
    /// Whether an `href` of this answer could name the element whose `id` is `id`: the
    /// answer uses references (SOAP encoding), and that `id` is theirs, not data.
    pub(super) fn is_reference_target(&self, id: &str) -> bool {
        self.refs
            .as_ref()
            .is_some_and(|refs| refs.targets.contains_key(id))
    }

    pub(super) fn resolve(&mut self, mut start: Start<'a>) -> Result<Start<'a>, DecodeError> {
        while let Some(href) = start.href.take() {
            self.skip_to_end()?;
            start = self.follow(&href)?;
        }
        Ok(start)
    }

    fn follow(&mut self, href: &str) -> Result<Start<'a>, DecodeError> {
        let Some(id) = href.strip_prefix('#') else {
            return Err(DecodeError::invalid(format!(
                "href {:?} points outside the message; only local references (#id) are supported",
                clip(href)
            )));
        };
        if self.refs.is_none() {
            self.refs = Some(RefIndex::build(self.input)?);
        }
        let Some(refs) = self.refs.as_ref() else {
            return Err(DecodeError::invalid("href index unavailable"));
        };
        let Some(target) = refs.targets.get(id) else {
            return Err(DecodeError::invalid(format!(
                "href #{} has no element with that id",
                clip(id)
            )));
        };
        let Some(rest) = self.input.get(target.offset..) else {
            return Err(DecodeError::invalid("href target outside the document"));
        };
        let frame = Frame {
            reader: new_reader(rest),
            base: target.offset,
            root_depth: self.scopes.len() + 1,
            ns_len: self.ns.len(),
            ns_floor: self.ns.floor,
        };
        self.ns.set_floor(self.ns.len());
        for (prefix, uri) in refs
            .scopes
            .get(target.scope)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            self.ns.declare(prefix, uri);
        }
        let parent = std::mem::replace(&mut self.frame, frame);
        self.suspended.push(parent);
        match self.next()? {
            Token::Start(start) => Ok(start),
            _ => Err(DecodeError::invalid(format!(
                "href #{} is not an element",
                clip(id)
            ))),
        }
    }
}

impl RefIndex {
    /// Scans the whole document once for `id` attributes.
    fn build(input: &str) -> Result<Self, DecodeError> {
        let mut reader = XmlReader::new(input);
        reader.collect = Some(RefIndex {
            targets: BTreeMap::new(),
            scopes: Vec::new(),
            elements: 0,
        });
        while !matches!(reader.next()?, Token::Eof) {}
        reader
            .collect
            .take()
            .ok_or_else(|| DecodeError::invalid("href index unavailable"))
    }
}

pub(super) fn is_blank(text: &str) -> bool {
    text.trim_ascii().is_empty()
}

/// A value shortened for an error message.
pub(super) fn clip(text: &str) -> &str {
    match text.char_indices().nth(60) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(input: &str) -> Result<Vec<String>, DecodeError> {
        let mut reader = XmlReader::new(input);
        let mut out = Vec::new();
        loop {
            match reader.next()? {
                Token::Start(s) => out.push(format!("<{}:{:?}:{:?}>", s.local, s.ns, s.kind)),
                Token::End => out.push("</>".into()),
                Token::Text(t) => out.push(t.into_owned()),
                Token::Eof => return Ok(out),
            }
        }
    }

    #[test]
    fn namespaces_are_resolved_by_uri_and_scoped() {
        let xml = r#"<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><x xmlns:e="urn:other"><e:Body/></x><e:Body xmlns:t="http://www.w3.org/2001/XMLSchema" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><v i:type="t:int">1</v></e:Body></e:Envelope>"#;
        assert_eq!(
            tokens(xml).unwrap(),
            [
                "<Envelope:Envelope11:Untyped>",
                "<x:None:Untyped>",
                "<Body:Other:Untyped>",
                "</>",
                "</>",
                "<Body:Envelope11:Untyped>",
                "<v:None:Int>",
                "1",
                "</>",
                "</>",
                "</>"
            ]
        );
    }

    #[test]
    fn text_pieces_and_entities() {
        let mut reader = XmlReader::new("<a>x &amp; y &#233;<![CDATA[<z>]]></a>");
        assert!(matches!(reader.next().unwrap(), Token::Start(_)));
        assert_eq!(reader.read_text().unwrap(), "x & y é<z>");
        assert!(matches!(reader.next().unwrap(), Token::Eof));
    }

    #[test]
    fn undefined_entity_and_doctype_are_refused() {
        assert!(matches!(
            tokens("<a>&foo;</a>"),
            Err(DecodeError::Malformed(_))
        ));
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>"#;
        assert!(matches!(tokens(bomb), Err(DecodeError::Doctype)));
    }

    #[test]
    fn depth_is_capped() {
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert!(matches!(tokens(&deep), Err(DecodeError::TooDeep)));
        let ok = "<a>".repeat(MAX_DEPTH) + &"</a>".repeat(MAX_DEPTH);
        assert!(tokens(&ok).is_ok());
    }

    /// `<r><a>` then `levels` nested `<x>`, then `<b>1</b>`; `a` is skipped.
    fn skip_nested(levels: usize) -> Result<(), DecodeError> {
        let xml = format!(
            "<r><a>{}</a><b>1</b></r>",
            "<x>".repeat(levels) + &"</x>".repeat(levels)
        );
        let mut reader = XmlReader::new(&xml);
        assert!(matches!(reader.next()?, Token::Start(_)));
        let a = reader.next_child()?.expect("a");
        assert_eq!(a.local, "a");
        reader.skip_to_end()?;
        let b = reader.next_child()?.expect("b");
        assert_eq!(b.local, "b");
        assert_eq!(reader.read_text()?, "1");
        assert!(reader.next_child()?.is_none());
        Ok(())
    }

    #[test]
    fn skipping_keeps_the_depth_cap_without_recursing() {
        // `r` and `a` take two levels.
        skip_nested(MAX_DEPTH - 2).unwrap();
        assert!(matches!(
            skip_nested(MAX_DEPTH - 1),
            Err(DecodeError::TooDeep)
        ));
        assert!(matches!(skip_nested(100_000), Err(DecodeError::TooDeep)));
    }

    #[test]
    fn mismatched_and_truncated_documents_are_malformed() {
        assert!(matches!(
            tokens("<a><b></a>"),
            Err(DecodeError::Malformed(_))
        ));
        assert!(matches!(tokens("<a><b>"), Err(DecodeError::Malformed(_))));
    }

    #[test]
    fn href_jumps_to_the_target_with_its_namespaces_and_back() {
        let xml = r##"<r xmlns:x="http://www.w3.org/2001/XMLSchema-instance" xmlns:d="http://www.w3.org/2001/XMLSchema"><p xmlns:x="urn:shadow"><a href="#t"/><b>2</b></p><m id="t" x:type="d:int">7</m></r>"##;
        let mut reader = XmlReader::new(xml);
        assert!(matches!(reader.next().unwrap(), Token::Start(_)));
        let p = reader.next_child().unwrap().unwrap();
        assert_eq!(p.local, "p");
        let a = reader.next_child().unwrap().unwrap();
        let target = reader.resolve(a).unwrap();
        // `x` is the XSI prefix at the target, not the shadowing one at the reference.
        assert_eq!((target.local, target.kind), ("m", Kind::Int));
        assert_eq!(reader.read_text().unwrap(), "7");
        let b = reader.next_child().unwrap().unwrap();
        assert_eq!(b.local, "b");
        assert_eq!(reader.read_text().unwrap(), "2");
        assert!(reader.next_child().unwrap().is_none());
    }

    #[test]
    fn href_cycles_run_out_of_budget() {
        let xml = r##"<r><a href="#x"/><m id="x"><n href="#x"/></m></r>"##;
        let mut reader = XmlReader::new(xml);
        assert!(matches!(reader.next().unwrap(), Token::Start(_)));
        let mut start = reader.next_child().unwrap().unwrap();
        let error = loop {
            match reader.resolve(start) {
                Ok(_) => match reader.next_child() {
                    Ok(Some(child)) => start = child,
                    Ok(None) => panic!("cycle ended"),
                    Err(e) => break e,
                },
                Err(e) => break e,
            }
        };
        assert!(
            matches!(error, DecodeError::TooDeep | DecodeError::Invalid(_)),
            "{error}"
        );
    }

    #[test]
    fn reborrow_only_accepts_slices_of_the_input() {
        let input = String::from("abcdef");
        assert_eq!(reborrow(&input, &input[2..4]), Some("cd"));
        let other = String::from("cd");
        assert_eq!(reborrow(&input, &other), None);
    }
}
