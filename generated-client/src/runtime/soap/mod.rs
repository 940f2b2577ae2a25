//! SOAP 1.1/1.2 wire code: envelopes for rpc/encoded, rpc/literal and document/literal, and a
//! streaming decoder (quick-xml) behind serde.
//!
//! # Requests
//!
//! [`Call::arg`] serializes each part, in call order (NuSOAP takes parameters by position),
//! into the operation's wrapper (rpc) or body element (document); see `ser.rs` for how values
//! map to elements (literal use: each in the namespace its schema gives it, from the
//! operation's [`ElementSpec`] tables) and `envelope.rs` for the envelope. SOAP 1.1 sends
//! `SOAPAction` and `text/xml`; SOAP 1.2 sends `application/soap+xml` with the action
//! parameter. [`Call::content`] writes a document operation's open content (`xsd:any`) as
//! the markup given ([`Xml`], checked when made). A client made [`Client::with_username_token`] puts a WS-Security
//! UsernameToken, fresh for each request, in the envelope's header (`wsse.rs`), before the
//! operation's own `soap:header` elements ([`Call::header`]); [`Call::send_with_headers`]
//! returns the answer's headers beside it.
//!
//! # Responses
//!
//! The body is transcoded to UTF-8 (UTF-8 or the declared charset, ISO-8859-1 for NuSOAP;
//! a body labelled ISO-8859-1 or windows-1252 whose bytes are valid UTF-8 is read as UTF-8,
//! because NuSOAP sends UTF-8 data under that label, see `charset.rs`) and read as a stream of
//! tokens, without a tree. An MTOM/XOP answer (`multipart/related`) is its root part, each
//! `xop:Include` replaced by the base64 text of the part it names (`mtom.rs`). Envelope, Body,
//! Fault and the `xsi`/`SOAP-ENC` attributes are recognised by namespace URI, never by prefix.
//! Then:
//!
//! - rpc: the Body's first child is the response wrapper and its first child element is the
//!   return part, whatever its name; document: the Body's first child is the output.
//! - Structs take child elements by local name; a missing required field is an error naming
//!   it. Unknown children are kept, name and content, in a generated answer struct's last
//!   field ([`UNDECLARED_KEY`], `undeclared.rs`), and skipped by any other struct.
//! - A derived-types enum ([`DERIVED_ENUM`], `derived.rs`) takes the variant the element's
//!   `xsi:type` names (namespace URI and local name), else its base.
//! - XSD attributes are struct fields renamed `@name` (`@{namespace}name` when qualified),
//!   and the text of a `simpleContent` type a field renamed [`TEXT_KEY`]; both come first
//!   in the struct, are written in the start tag and read from it, a qualified attribute by
//!   namespace URI and local name (`attributes.rs`).
//! - Numbers and booleans are parsed from the trimmed text; booleans accept `true`/`false`/
//!   `1`/`0` in any case.
//! - **[`Lenient`](crate::runtime::Lenient) fields** (every field of a generated answer
//!   type): `xsi:nil` or blank text (for anything but a string) is `Absent`; text or content
//!   that does not read as the field's type is `Unreadable` with its text (or markup), and
//!   the rest of the answer decodes on. Only a broken document stops the decoding.
//! - **Nil and blank values elsewhere.** `xsi:nil="true"` is `None` for an `Option`, an empty
//!   string, list or struct (whose fields are all nil in turn) — PHP sends its nulls this way
//!   while WSDLs rarely say `nillable` — and an error for a number or a boolean, as blank text
//!   is: no value is ever made up.
//! - A number in `deserialize_any` (what [`Value`](crate::runtime::Value) and
//!   `rust_decimal::Decimal` ask for) is handed over as text whenever a float would not give
//!   it back as written (`10.50`, 17 digits), so an exact decimal keeps every digit.
//! - Lists come from SOAP-ENC arrays (`<item>` or any child name): one item is a one-item
//!   list, no item an empty one. A field marked [`repeated`] is a repeated element instead:
//!   the element and its same-named siblings are the items. `Vec<(K, V)>` and
//!   [`Value::Map`](crate::runtime::Value) come from Apache `Map`s (`<item><key/><value/></item>`); a pair also comes from any element
//!   as (its name, its content).
//! - [`Value`](crate::runtime::Value): nil is `Null`, a SOAP-ENC array a `List`, an Apache Map
//!   or an element with children a `Map` (keyed by child name), text is typed by `xsi:type`
//!   (integer types `Int`, `boolean` `Bool`, `float`/`double`/`decimal` `Float`, anything
//!   else, or text that does not parse, `String`).
//! - `href="#id"` (Axis multiRefs) and SOAP 1.2 `enc:ref` are followed to the element with
//!   that `id` in the same message, found by one scan made the first time a reference occurs.
//! - Hostile input: a `<!DOCTYPE` is refused (nothing is ever expanded), nesting deeper than
//!   256 elements, even in parts the output type ignores, is [`Error::Decode`], references
//!   expand a bounded number of elements, and nothing recurses beyond the depth cap.
//!
//! A Fault (any HTTP status) is [`Error::Fault`]; 401 and 403 are [`Error::AccessDenied`];
//! any other non-2xx status without a Fault (PHP's HTML error page, a proxy's 502) is
//! [`Error::Http`], and a 2xx body that does not decode, or carries none of the documented
//! fields, is [`Error::Decode`] with the body. A call then makes every failure of an
//! operation that is not idempotent, other than a fault, a business error or 401/403,
//! [`Error::OutcomeUnknown`] ([`Error::outcome`]).

mod attributes;
mod charset;
mod de;
mod derived;
mod envelope;
mod fault;
mod headers;
mod list;
mod markup;
mod media_type;
#[cfg(feature = "mock")]
pub(crate) mod mock;
mod mtom;
#[doc(hidden)]
pub mod repeated;
mod response;
mod ser;
mod undeclared;
mod wsse;
mod xml;

#[cfg(test)]
mod feature_tests;
#[cfg(test)]
mod tests;

use crate::runtime::transport::{Method, Request, Response, Transport};
use crate::runtime::{Answer, Connection, Error, Redactor, Secret};
use std::sync::Arc;
use tracing::Instrument;

pub use attributes::TEXT_KEY;
pub use derived::DERIVED_ENUM;
pub use headers::Headers;
pub use list::XsdList;
pub use markup::{MARKUP_KEY, Xml};
pub use undeclared::{Element, UNDECLARED_KEY};
pub use wsse::{PasswordType, UsernameToken};

#[doc(hidden)]
/// Static description of one operation, emitted by the generator.
#[derive(Debug)]
pub struct Operation {
    /// Wire name (`api_api_buy_mail`).
    pub name: &'static str,
    pub version: Version,
    pub style: Style,
    pub body_use: Use,
    /// `soap:body namespace` (rpc) or the body element's namespace (document).
    pub namespace: &'static str,
    pub soap_action: &'static str,
    /// Body element names: the rpc wrapper or the document element.
    pub request_element: &'static str,
    pub response_element: &'static str,
    /// Document style with a body element that is not a record (text, an enum value): its
    /// one part is the body element itself, named `request_element`, with no wrapper.
    pub bare: bool,
    /// Literal use: each part's element, by part name, for its namespace.
    pub parts: &'static [ElementSpec],
    /// Literal use: the fields of every record type, for their namespaces.
    pub types: &'static TypeElements,
    /// Encoded use: the `xsi:type` of every element field of the records a request can
    /// carry, as the WSDL declares it.
    pub xsi_types: &'static TypeXsi,
    /// rpc style: the output is the response wrapper, decoded as a struct with one field per
    /// part (several output parts); otherwise the wrapper's one part.
    pub all_parts: bool,
    pub idempotent: bool,
    /// The `soap:address` of the operation's port, as the WSDL gives it; empty for the
    /// client's endpoint. See [`Client::url_for`].
    pub address: &'static str,
}

/// An element of a literal request as its schema declares it: the namespace it is in (`""`
/// for none: a local element of a schema without `elementFormDefault="qualified"`), and for
/// a wrapper list (`ArrayOfInt`) the element of its items. The serializer writes each element
/// in its own namespace; answers are read by local name and need none of this. (An element an
/// answer carried but its WSDL does not declare is an [`Element`].)
#[doc(hidden)]
#[derive(Debug)]
pub struct ElementSpec {
    pub name: &'static str,
    pub namespace: &'static str,
    pub items: Option<&'static ElementSpec>,
}

/// Record types by their serde name (the XSD type name), sorted, each with its fields'
/// elements.
pub type TypeElements = [(&'static str, &'static [ElementSpec])];

/// The type an encoded request names in an element's `xsi:type`: the one its WSDL declares,
/// which servers such as Apache Axis pick the deserializer by, whatever Rust type holds the
/// value (a `Decimal` for an `xsd:float` amount, a `String` for an `xsd:dateTime`, an enum
/// for a named restriction), and for a list its items'.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XsiSpec {
    pub xsi_type: XsiType,
    pub items: Option<&'static XsiSpec>,
}

impl From<XsiType> for XsiSpec {
    fn from(xsi_type: XsiType) -> Self {
        Self {
            xsi_type,
            items: None,
        }
    }
}

/// Record types by their serde name, sorted, each with its element fields' declared types by
/// field name (in declaration order).
pub type TypeXsi = [(&'static str, &'static [(&'static str, XsiSpec)])];

/// SOAP version: 1.1 (`text/xml`, `SOAPAction`) or 1.2 (`application/soap+xml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V11,
    V12,
}

#[doc(hidden)]
/// WSDL binding style: parts wrapped in an operation element (rpc) or the body element
/// itself (document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Rpc,
    Document,
}

#[doc(hidden)]
/// `soap:body use`: SOAP encoding with `xsi:type` on every value, or plain literal XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    Encoded,
    Literal,
}

#[doc(hidden)]
/// The `xsi:type` of a part: a namespace URI and a local name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XsiType {
    pub namespace: &'static str,
    pub name: &'static str,
}

impl XsiType {
    /// The XML Schema namespace.
    pub const XSD: &'static str = "http://www.w3.org/2001/XMLSchema";

    /// A built-in XML Schema type (`xsd:string`).
    pub const fn xsd(name: &'static str) -> Self {
        Self {
            namespace: Self::XSD,
            name,
        }
    }
}

#[doc(hidden)]
/// How a service reports business errors in band (`status == "error"`, reason in
/// `status_text`).
#[derive(Debug)]
pub struct InBandError {
    pub status_field: &'static str,
    pub error_values: &'static [&'static str],
    pub message_fields: &'static [&'static str],
}

/// Endpoint, transport and extra headers, and the WS-Security credentials if the service
/// wants them; cheap to clone.
#[doc(hidden)]
#[derive(Clone)]
pub struct Client {
    endpoint: String,
    /// The WSDL's address for `endpoint` (the generated `ENDPOINT`): what the addresses of the
    /// other ports are relative to. Empty: every operation goes to `endpoint`.
    wsdl_endpoint: &'static str,
    transport: Arc<dyn Transport>,
    /// Sent on every request after the SOAP headers, whatever the transport.
    headers: Arc<[(String, String)]>,
    username_token: Option<Arc<UsernameToken>>,
}

impl Client {
    /// A client posting every operation to `endpoint` through `transport`.
    pub fn new(endpoint: impl Into<String>, transport: Arc<dyn Transport>) -> Self {
        Self {
            endpoint: endpoint.into(),
            wsdl_endpoint: "",
            transport,
            headers: Arc::from([]),
            username_token: None,
        }
    }

    /// A client from what `ClientBuilder::build` checked, for a WSDL whose main port is at
    /// `wsdl_endpoint`.
    pub fn from_connection(connection: Connection, wsdl_endpoint: &'static str) -> Self {
        Self {
            headers: connection.headers.into(),
            wsdl_endpoint,
            ..Self::new(connection.url, connection.transport)
        }
    }

    /// Sends a WS-Security UsernameToken in the header of every request (`wsse.rs`).
    pub fn with_username_token(mut self, token: UsernameToken) -> Self {
        self.username_token = Some(Arc::new(token));
        self
    }

    /// The URL requests are posted to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Where `op` is posted. An operation of another port than the main one goes to its
    /// port's address, taken relative to the main port's and applied to the endpoint in use:
    /// a WSDL with `…/service` and `…/service/rpc` ports, used at a test server's
    /// `http://127.0.0.1:8080/service`, posts the rpc port's operations to
    /// `http://127.0.0.1:8080/service/rpc`. A port on another host keeps its own address.
    fn url_for(&self, op: &Operation) -> String {
        if op.address.is_empty()
            || op.address == self.wsdl_endpoint
            || self.wsdl_endpoint.is_empty()
        {
            return self.endpoint.clone();
        }
        let parse = |url: &str| reqwest::Url::parse(url).ok();
        let rebased = || {
            let relative = parse(self.wsdl_endpoint)?.make_relative(&parse(op.address)?)?;
            Some(parse(&self.endpoint)?.join(&relative).ok()?.to_string())
        };
        rebased().unwrap_or_else(|| op.address.to_owned())
    }

    /// Starts a call; add parts in WSDL order, then send.
    pub fn call(&self, operation: &'static Operation) -> Call<'_> {
        Call {
            client: self,
            operation,
            body: Vec::new(),
            attributes: Vec::new(),
            declared: attributes::Declared::default(),
            headers: Vec::new(),
            secrets: Redactor::default(),
        }
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

#[doc(hidden)]
/// One request being built.
pub struct Call<'a> {
    client: &'a Client,
    operation: &'static Operation,
    body: Vec<u8>,
    /// The attributes of the wrapper element, as written in its start tag.
    attributes: Vec<u8>,
    /// The namespaces `attributes` declared.
    declared: attributes::Declared,
    /// The `soap:header` elements added, in order.
    headers: Vec<u8>,
    /// The secret parts sent, to keep them out of errors even when a server echoes them.
    secrets: Redactor,
}

impl Call<'_> {
    /// Appends a part. `xsi_type` (with, for a list, its items') is written for encoded use
    /// and ignored for literal.
    pub fn arg<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        xsi_type: impl Into<XsiSpec>,
        value: &T,
    ) -> Result<(), Error> {
        let xsi_type = xsi_type.into();
        let op = self.operation;
        let context = ser::Context::of(op);
        let before = self.body.len();
        ser::write_part(&mut self.body, &context, name, xsi_type, value).map_err(|e| {
            self.body.truncate(before);
            Error::InvalidRequest {
                message: format!("{}: part `{name}`: {e}", op.name),
            }
        })?;
        context.take_secrets(&mut self.secrets);
        Ok(())
    }

    /// Writes `markup` into the body element after the parts added before: the content of
    /// a document operation's open (`xsd:any`) body element.
    pub fn content(&mut self, markup: &Xml) {
        self.body.extend_from_slice(markup.as_str().as_bytes());
    }

    /// Appends a secret part (a password, a session id): sent like any other, and replaced
    /// by `<redacted>` wherever an error would show it.
    pub fn arg_secret(
        &mut self,
        name: &'static str,
        xsi_type: impl Into<XsiSpec>,
        value: &str,
    ) -> Result<(), Error> {
        self.secrets.add(value);
        self.arg(name, xsi_type, value)
    }

    /// Adds an attribute of the wrapper element (a document operation's input element),
    /// named by its serde key (`@name`, `@{namespace}name`: `attributes.rs`); `None` adds
    /// nothing.
    pub fn attribute<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let before = self.attributes.len();
        let secrets = std::cell::RefCell::default();
        attributes::write(
            &mut self.attributes,
            key,
            value,
            &mut self.declared,
            &secrets,
        )
        .map_err(|e| {
            self.attributes.truncate(before);
            Error::InvalidRequest {
                message: format!("{}: attribute `{key}`: {e}", self.operation.name),
            }
        })?;
        for secret in secrets.take() {
            self.secrets.add(&secret);
        }
        Ok(())
    }

    /// [`Call::attribute`] for a secret, replaced by `<redacted>` wherever an error would
    /// show it.
    pub fn attribute_secret(&mut self, key: &'static str, value: &str) -> Result<(), Error> {
        self.secrets.add(value);
        self.attribute(key, value)
    }

    /// Adds a literal `soap:header` element `element` in `namespace` to the request
    /// (`headers.rs`). Its [`Secret`](crate::runtime::Secret) fields are kept out of errors
    /// like secret parts.
    pub fn header<T: serde::Serialize + ?Sized>(
        &mut self,
        element: &'static str,
        namespace: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.add_header(element, namespace, None, value)
    }

    /// Like [`Call::header`], for a `use="encoded"` header: the element carries `xsi_type`.
    pub fn header_encoded<T: serde::Serialize + ?Sized>(
        &mut self,
        element: &'static str,
        namespace: &'static str,
        xsi_type: XsiType,
        value: &T,
    ) -> Result<(), Error> {
        self.add_header(element, namespace, Some(xsi_type), value)
    }

    fn add_header<T: serde::Serialize + ?Sized>(
        &mut self,
        element: &'static str,
        namespace: &'static str,
        encoded: Option<XsiType>,
        value: &T,
    ) -> Result<(), Error> {
        let op = self.operation;
        let before = self.headers.len();
        let header = headers::Header {
            element,
            namespace,
            encoded,
        };
        headers::write(&mut self.headers, op, header, value, &mut self.secrets).map_err(|e| {
            self.headers.truncate(before);
            Error::InvalidRequest {
                message: format!("{}: header `{element}`: {e}", op.name),
            }
        })
    }

    /// Like [`Call::send`] (or [`Call::send_checked`] with `in_band`), and keeps the answer's
    /// SOAP headers for [`Headers::get`].
    pub async fn send_with_headers<T: Answer + Send + Sync + 'static>(
        self,
        in_band: Option<&'static InBandError>,
    ) -> Result<(T, Headers), Error> {
        self.exchange(|op, response| {
            let answer = match in_band {
                Some(rule) => response::decode_checked(op, response, rule)?,
                None => response::decode(op, response)?,
            };
            let envelope = response::body_text(response)?.into_owned();
            Ok((answer, Headers::new(envelope)))
        })
        .await
    }

    /// Sends the request and decodes the response part (rpc) or body element (document).
    ///
    /// An error says whether the call may have taken effect ([`Error::outcome`]) and holds
    /// none of the call's secrets, even where the server echoed them.
    pub async fn send<T: Answer>(self) -> Result<T, Error> {
        self.exchange(|op, response| response::decode(op, response))
            .await
    }

    /// Like [`Call::send`], and reports an in-band business error as [`Error::Business`]
    /// (even when the error response lacks fields the output type requires).
    pub async fn send_checked<T: Answer + Send + Sync + 'static>(
        self,
        in_band: &'static InBandError,
    ) -> Result<T, Error> {
        self.exchange(|op, response| response::decode_checked(op, response, in_band))
            .await
    }

    /// One HTTP round trip, never retried, and the answer decoded by `decode`; errors are
    /// classified by the operation's idempotency and cleared of the call's secrets.
    async fn exchange<T>(
        mut self,
        decode: impl FnOnce(&Operation, &Response) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let op = self.operation;
        let span = tracing::info_span!("soap_call", operation = op.name);
        async move {
            let result = self.round_trip().await;
            result
                .and_then(|response| decode(op, &response))
                .map_err(|error| {
                    let mut error = error.after_sending(op.name, op.idempotent);
                    error.redact(&self.secrets);
                    tracing::debug!(%error, "call failed");
                    error
                })
        }
        .instrument(span)
        .await
    }

    async fn round_trip(&mut self) -> Result<Response, Error> {
        let op = self.operation;
        let mut header = match &self.client.username_token {
            Some(token) => token.header(&mut self.secrets)?,
            None => Vec::new(),
        };
        header.extend_from_slice(&self.headers);
        let body =
            envelope::request_body(op, &header, (&self.attributes, &self.body)).map_err(|e| {
                Error::InvalidRequest {
                    message: format!("{}: {e}", op.name),
                }
            })?;
        let request = Request {
            method: Method::Post,
            url: self.client.url_for(op),
            headers: envelope::request_headers(op)
                .into_iter()
                .chain(self.client.headers.iter().cloned())
                .collect(),
            body,
            idempotent: op.idempotent,
        };
        let response = self
            .client
            .transport
            .send(request)
            .await
            .map_err(|e| Error::from_transport(op.name, e))?;
        tracing::debug!(
            status = response.status,
            bytes = response.body.len(),
            "soap response"
        );
        Ok(response)
    }
}

/// Decodes a response exactly as [`Call::send`] does once the transport has returned it: a
/// fault or an unusable body becomes its [`Error`], otherwise the response part (rpc) or body
/// element (document) of `operation` decodes into `T`. For answers obtained elsewhere
/// (stored, replayed, measured) without a round trip.
pub fn decode_response<T: Answer>(operation: &Operation, response: &Response) -> Result<T, Error> {
    response::decode(operation, response)
        .map_err(|error| error.after_sending(operation.name, operation.idempotent))
}

#[doc(hidden)]
/// Turns the answer of a login operation into a session id: an empty answer is
/// [`Error::Authentication`]. Surrounding whitespace is not part of the id.
pub fn session_from_login(answer: String) -> Result<Secret, Error> {
    let session = answer.trim();
    if session.is_empty() {
        return Err(Error::Authentication {
            message: "login refused: the server returned an empty session id (wrong username or \
                      password?)"
                .to_owned(),
        });
    }
    Ok(Secret::new(session))
}
