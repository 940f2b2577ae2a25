//! The intermediate representation: the contract between readers and the emitter.
//!
//! Plain data only. Readers fill it from WSDLs, doc pages and manifests and know nothing of
//! Rust; [`crate::naming`] then fills every [`Name::rust`]; the emitter reads it and knows
//! nothing of XML or markdown. Every collection is ordered deterministically (by wire name, or
//! by the order the vendor defines, such as SOAP part order), so the output never depends on
//! hashing.

use serde::Serialize;

/// Everything the generator knows, one entry per service folder under `specs/`, sorted by name.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Ir {
    pub services: Vec<Service>,
}

/// One vendor API: one folder under `specs/`, one module in the generated crate.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Service {
    /// Module name from the manifest (`interserver`); `rust` is the module identifier.
    pub name: Name,
    /// Title and description, from the manifest.
    pub docs: Docs,
    /// The manifest this service was declared in.
    pub source: Source,
    pub protocol: Protocol,
    /// Base URLs by environment, in manifest order (`live`, `test`, ...).
    pub base_urls: Vec<BaseUrl>,
    /// Parameters that the client holds and sends on every call instead of the caller.
    pub credentials: Vec<Credential>,
    /// How a session is obtained and passed, if the service has one.
    pub session: Option<Session>,
    /// How the service reports business errors inside a successful response.
    pub in_band_error: Option<InBandError>,
    /// Named types, sorted by `(group, name.wire)`.
    pub types: Vec<TypeDef>,
    /// Operations, sorted by `(group, name.wire)`.
    pub operations: Vec<Operation>,
    /// Regions an HTTP service's paths can be addressed at, sorted by segment.
    pub regions: Vec<Region>,
    /// The groups named by [`TypeDef::group`] and [`Operation::group`], sorted by wire name.
    pub groups: Vec<Group>,
    /// SOAP: a WS-Security UsernameToken goes in every request's header; the client is built
    /// with a username and a password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username_token: Option<PasswordType>,
}

/// How a WS-Security UsernameToken carries the password (OASIS UsernameToken Profile 1.1).
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PasswordType {
    /// `#PasswordText`: the password itself (for servers reached over TLS only).
    Text,
    /// `#PasswordDigest`: Base64(SHA-1(nonce + created + password)), fresh per request.
    Digest,
}

/// An operation group (an HTTP product such as `enterpriseemail`): one submodule of the
/// service, and one accessor on its client.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    /// The group as [`TypeDef::group`] and [`Operation::group`] spell it; `rust` is the module
    /// and accessor name.
    pub name: Name,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum Protocol {
    Soap,
    Http,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BaseUrl {
    /// `live`, `test`, ... as named in the manifest.
    pub name: Name,
    pub url: String,
}

/// A parameter the client supplies on every call (ResellerClub's `auth-userid`, `api-key`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Credential {
    pub name: Name,
    pub ty: TypeRef,
    /// Secrets are redacted from Debug output, errors and logs.
    pub secret: bool,
}

/// A login operation yields a token that other operations take as a parameter.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Session {
    /// Wire name of the login operation (`api_login`).
    pub login_operation: String,
    /// Wire name of the parameter that carries the token (`sid`).
    pub parameter: String,
}

/// A business error reported with a success status: `status == "error"`, reason in `status_text`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InBandError {
    /// Wire name of the field holding the status.
    pub status_field: String,
    /// Status values that mean failure (compared case-insensitively).
    pub error_values: Vec<String>,
    /// Wire names of fields that may hold the reason, first present wins.
    pub message_fields: Vec<String>,
}

/// A region segment of an HTTP path (`us` in `/api/enterpriseemail/us/renew.json`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Region {
    /// The path segment; `rust` is the enum variant.
    pub name: Name,
    /// The label the page gives it (`US Server`).
    pub label: String,
}

/// A name as the vendor spells it on the wire, and the Rust identifier chosen for it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name {
    pub wire: String,
    /// Empty until [`crate::naming`] runs.
    pub rust: String,
}

impl Name {
    /// A name as a reader sees it; the Rust side is chosen later by the naming pass.
    pub fn wire(wire: impl Into<String>) -> Self {
        Self {
            wire: wire.into(),
            rust: String::new(),
        }
    }
}

/// Where an item came from: a file (relative to the specs folder) and a 1-based line.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Source {
    pub file: String,
    pub line: u32,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Documentation text, as plain paragraphs (markdown-safe, no HTML).
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Docs {
    pub summary: Option<String>,
    /// Further paragraphs: notes, conditions, links to other operations.
    pub details: Vec<String>,
}

/// A named type.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TypeDef {
    /// The operation group the type belongs to (HTTP product such as `enterpriseemail`);
    /// `None` for service-wide types such as every WSDL type.
    pub group: Option<String>,
    /// Wire name: the XSD type name (`sql_row_vps`), made unique among the service's types
    /// (see [`TypeDef::renamed_from`]), or one a reader made up for an HTTP request or
    /// response (`renew_request`). Types refer to each other by it.
    pub name: Name,
    /// XML namespace of a WSDL type (`urn:myapi`); `None` for types from doc pages.
    pub namespace: Option<String>,
    /// The XSD name of a type the reader renamed because another type (of another namespace)
    /// holds its name already: the second `Foo` is `Foo_2` in `name`, but still `Foo` on the
    /// wire (`xsi:type`). See [`TypeDef::xml_name`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    pub docs: Docs,
    pub source: Source,
    pub kind: TypeKind,
    /// The struct this one extends (XSD `complexContent/extension`), by wire name: where the
    /// base is expected, an answer may carry this type instead, named by `xsi:type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

impl TypeDef {
    /// The type's name on the wire, as `xsi:type` names it: its XSD name.
    pub fn xml_name(&self) -> &str {
        self.renamed_from.as_deref().unwrap_or(&self.name.wire)
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub enum TypeKind {
    /// A record. `rest` types any further keys not listed (numbered entries of a search page).
    Struct {
        fields: Vec<Field>,
        rest: Option<TypeRef>,
    },
    /// A named list type (SOAP-ENC array such as `array_sql_row_vps`). `item_element` names
    /// the items of a literal list (`int` in .NET's `ArrayOfInt`); SOAP-ENC items are `<item>`.
    Array {
        item: TypeRef,
        #[serde(skip_serializing_if = "Option::is_none")]
        item_element: Option<String>,
        /// The namespace of `item_element` (see [`Field::namespace`]).
        #[serde(skip_serializing_if = "Option::is_none")]
        item_namespace: Option<String>,
    },
    /// A closed set of string values.
    Enum { values: Vec<EnumValue> },
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EnumValue {
    /// The value on the wire (`NoInvoice`); `rust` is the variant.
    pub name: Name,
    pub docs: Docs,
}

/// A struct field or a response key.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Field {
    pub name: Name,
    pub ty: TypeRef,
    /// `false` when the server may leave the field out (minOccurs=0, a conditional key).
    pub required: bool,
    /// The server may send an explicit nil.
    pub nillable: bool,
    /// A list element that repeats (XSD `maxOccurs` > 1): one sibling element per item on the
    /// wire, not one element holding the items.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub repeated: bool,
    /// Where the value is on the wire: a child element, an attribute, or the element's text.
    #[serde(skip_serializing_if = "Placement::is_element")]
    pub placement: Placement,
    /// The XML namespace of the field's element or attribute, as XSD decides it: the target
    /// namespace of the schema declaring it when qualified (the schema's `elementFormDefault`
    /// or `attributeFormDefault`, the declaration's own `form`; a `ref` takes the referenced
    /// global declaration's, `xml:lang` the XML namespace), `None` when unqualified, text, or
    /// not XML at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// A password or token in a header record: never printed (the manifest's `secrets`,
    /// as `<type>.<field>`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
    /// The scalar the WSDL declares for the value (for a list, its items') when a build rule
    /// typed it otherwise (the money rule, a `[types]` override): `ty` is what the client
    /// holds, this is what an encoded request names in `xsi:type`. `None` when `ty` is as
    /// declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<Scalar>,
    pub docs: Docs,
    pub source: Source,
}

/// Where a struct field travels in XML. A struct's fields are ordered text first, then
/// attributes, then elements (the runtime reads a struct's attributes only when its first
/// field says it has any, so that other structs pay nothing).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Placement {
    /// The text of an XSD `simpleContent` type, beside its attributes; for a parameter, the
    /// whole content of the request element (open content, sent as markup).
    Text,
    /// An XSD attribute (`xsd:attribute`, directly or through an `attributeGroup`).
    Attribute,
    /// A child element (and every key of a JSON object).
    #[default]
    Element,
}

impl Placement {
    pub fn is_element(&self) -> bool {
        *self == Self::Element
    }
}

/// A reference to a type.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    Scalar(Scalar),
    /// A [`TypeDef`] by group and wire name.
    Named {
        group: Option<String>,
        name: String,
    },
    /// A list (SOAP-ENC array inline, `Array of Strings`, a repeated key).
    List(Box<TypeRef>),
    /// An XSD `xsd:list`: the items in ONE element or attribute, as text separated by
    /// whitespace, each spelled as its item type says.
    TextList(Box<TypeRef>),
    /// Key/value pairs (Apache `Map`, numbered `attr-name1`/`attr-value1` pairs).
    Map(Box<TypeRef>, Box<TypeRef>),
    /// Anything: an undefined or `anyType` type, a response the page does not describe.
    /// Decoded leniently into a dynamic value.
    Dynamic,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scalar {
    String,
    Boolean,
    /// 32-bit signed integer (`xsd:int`).
    Int,
    /// 64-bit signed integer (`xsd:long`, `xsd:integer`, a page's `Integer`).
    Long,
    /// `xsd:unsignedByte`: `u8`.
    UnsignedByte,
    /// `xsd:unsignedShort`: `u16`.
    UnsignedShort,
    /// `xsd:unsignedInt`: `u32`.
    UnsignedInt,
    /// `xsd:unsignedLong`, and the unbounded `nonNegativeInteger`/`positiveInteger` (at most
    /// `u64` on any real wire): `u64`.
    UnsignedLong,
    /// `xsd:float`: single precision on the wire schema, decoded as f64 to keep the digits
    /// the server actually sent.
    Float,
    Double,
    /// An exact amount: `xsd:decimal`, and every number the money rule names
    /// (`build::money`).
    Decimal,
    /// `xsd:dateTime`: civil date and time, with the offset when one is given.
    DateTime,
    Date,
    Time,
    /// `xsd:duration`: a span in years, months, days and clock units.
    Duration,
    /// `xsd:base64Binary` (and SOAP-ENC `base64`): bytes, base64 on the wire.
    Base64,
    /// `xsd:hexBinary`: bytes, hexadecimal on the wire.
    HexBinary,
    /// Seconds since the Unix epoch, however the server spells them (number or string).
    UnixTime,
    /// XML markup, kept verbatim: the open content (`xsd:any`, `anyType`) of a document
    /// operation's request element.
    Xml,
}

/// One callable operation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Operation {
    /// HTTP product group (`enterpriseemail`); `None` for SOAP operations.
    pub group: Option<String>,
    /// Wire name: SOAP operation name (`api_api_buy_mail`) or HTTP action (`renew`).
    pub name: Name,
    pub docs: Docs,
    /// Every file that described this operation: the WSDL, the doc page.
    pub sources: Vec<Source>,
    /// Parameters in wire order (SOAP part order matters: NuSOAP takes them by position).
    /// Credential and session parameters are included, marked by `role`.
    pub params: Vec<Param>,
    pub output: Output,
    pub binding: Binding,
    /// Safe to retry: the session login, an HTTP GET, an operation whose name's first verb
    /// reads, or one the manifest's `[idempotent]` says is; anything that may place an order
    /// is not (rules: `build::idempotent`).
    pub idempotent: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Param {
    pub name: Name,
    pub ty: TypeRef,
    pub required: bool,
    pub role: ParamRole,
    /// A password, API key or session id: never printed (the manifest's `secrets`).
    pub secret: bool,
    /// For a map parameter, the key names of its numbered pairs on the wire
    /// (`attr-name1=…&attr-value1=…`).
    pub pair_names: Option<PairNames>,
    /// A repeated element (see [`Field::repeated`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub repeated: bool,
    /// [`Placement::Attribute`]: an attribute of a document operation's wrapper element
    /// rather than an element inside it; [`Placement::Element`] for every other parameter.
    #[serde(skip_serializing_if = "Placement::is_element")]
    pub placement: Placement,
    /// The namespace of the part's element or attribute (see [`Field::namespace`]); an rpc
    /// part declared with `element=` is in that element's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The scalar the WSDL declares for the value (for a list, its items') when a build rule
    /// typed it otherwise (the money rule, a `[types]` override): `ty` is what the client
    /// holds, this is what an encoded request names in `xsi:type`. `None` when `ty` is as
    /// declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<Scalar>,
    pub docs: Docs,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PairNames {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum ParamRole {
    /// Supplied by the caller.
    Input,
    /// Supplied by the client from its credentials.
    Credential,
    /// Supplied by the client from its session.
    Session,
}

/// What an operation returns.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub enum Output {
    /// Nothing (a one-way SOAP operation).
    None,
    /// One value: the SOAP `return` part, or an HTTP response body.
    Value { name: Name, ty: TypeRef, docs: Docs },
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub enum Binding {
    Soap(SoapBinding),
    Http(HttpBinding),
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SoapBinding {
    pub version: SoapVersion,
    pub style: SoapStyle,
    pub body_use: BodyUse,
    /// The `soap:body namespace` (rpc) or the body element's namespace (document).
    pub namespace: String,
    pub soap_action: String,
    /// `soap:address location`.
    pub endpoint: String,
    /// Element names of the request and response body for document style; for rpc the
    /// request wrapper is the operation name and the response wrapper `<name>Response`.
    pub request_element: String,
    pub response_element: String,
    /// Document style with a body element that is not a record (a simple or enumerated type):
    /// the one parameter is the body element's content, sent with no wrapper around it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bare: bool,
    /// rpc style: the output is the response wrapper with one field per part (several output
    /// parts), not its one part.
    pub all_parts: bool,
    /// The `soap:header` parts of the input and output.
    #[serde(default, skip_serializing_if = "SoapHeaders::is_empty")]
    pub headers: SoapHeaders,
}

/// The typed SOAP headers of an operation: inputs are optional parameters of its method, the
/// outputs come back beside the answer.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct SoapHeaders {
    pub input: Vec<SoapHeader>,
    pub output: Vec<SoapHeader>,
}

impl SoapHeaders {
    pub fn is_empty(&self) -> bool {
        self.input.is_empty() && self.output.is_empty()
    }
}

/// One `soap:header` part: an element in the Header.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SoapHeader {
    /// The message part's name; `rust` is the parameter name.
    pub name: Name,
    /// The element's local name and namespace: the part's global element, or for a part
    /// declared with `type=` the part's name in the `soap:header`'s `namespace=` (none
    /// without it).
    pub element: String,
    pub namespace: String,
    pub ty: TypeRef,
    /// `use="encoded"`: the element carries the `xsi:type` of `ty`, like an encoded part.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub encoded: bool,
    pub docs: Docs,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum SoapVersion {
    V11,
    V12,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum SoapStyle {
    Rpc,
    Document,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum BodyUse {
    Encoded,
    Literal,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct HttpBinding {
    pub method: HttpMethod,
    /// Path with a `{region}` placeholder where the region segment goes:
    /// `/api/enterpriseemail/{region}/renew.json`.
    pub path: String,
    /// Region segments this operation is documented at (wire names, sorted).
    pub regions: Vec<String>,
    pub encoding: ParamEncoding,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
}

/// How parameters travel: `Query` puts them in the URL, `Form` in an
/// `application/x-www-form-urlencoded` body. Both encode booleans as `true`/`false`, lists as
/// repeated keys and maps as numbered `name1`/`value1` pairs (see [`Param`] types).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum ParamEncoding {
    Query,
    Form,
}
