//! SOAP 1.1/1.2 wire code: envelopes for rpc/encoded and document/literal, and a streaming
//! decoder (quick-xml) behind serde.
//!
//! CONTRACT (stub): generated code calls exactly this surface.

use crate::runtime::{Error, transport::Transport};
use std::sync::Arc;

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
    pub idempotent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V11,
    V12,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Rpc,
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    Encoded,
    Literal,
}

/// The `xsi:type` of a part: a namespace URI and a local name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XsiType {
    pub namespace: &'static str,
    pub name: &'static str,
}

impl XsiType {
    pub const XSD: &'static str = "http://www.w3.org/2001/XMLSchema";

    pub const fn xsd(name: &'static str) -> Self {
        Self {
            namespace: Self::XSD,
            name,
        }
    }
}

/// How a service reports business errors in band (`status == "error"`, reason in
/// `status_text`).
#[derive(Debug)]
pub struct InBandError {
    pub status_field: &'static str,
    pub error_values: &'static [&'static str],
    pub message_fields: &'static [&'static str],
}

/// Endpoint plus transport; cheap to clone.
#[derive(Clone)]
pub struct Client {
    endpoint: String,
    transport: Arc<dyn Transport>,
}

impl Client {
    pub fn new(endpoint: impl Into<String>, transport: Arc<dyn Transport>) -> Self {
        Self {
            endpoint: endpoint.into(),
            transport,
        }
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Starts a call; add parts in WSDL order, then send.
    pub fn call(&self, operation: &'static Operation) -> Call<'_> {
        Call {
            client: self,
            operation,
            body: Vec::new(),
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

/// One request being built.
pub struct Call<'a> {
    client: &'a Client,
    operation: &'static Operation,
    body: Vec<u8>,
}

impl Call<'_> {
    /// Appends a part. `xsi_type` is written for encoded use and ignored for literal.
    pub fn arg<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        xsi_type: XsiType,
        value: &T,
    ) -> Result<(), Error> {
        let _ = (name, xsi_type, value, &self.body);
        todo!()
    }

    /// Sends the request and decodes the response part (rpc) or body element (document).
    pub async fn send<T: serde::de::DeserializeOwned>(self) -> Result<T, Error> {
        let _ = (self.client, self.operation);
        todo!()
    }

    /// Like [`Call::send`], and reports an in-band business error as [`Error::Business`]
    /// (even when the error response lacks fields the output type requires).
    pub async fn send_checked<T: serde::de::DeserializeOwned + Send + Sync + 'static>(
        self,
        in_band: &'static InBandError,
    ) -> Result<T, Error> {
        let _ = in_band;
        todo!()
    }
}

/// Turns the answer of a login operation into a session id: an empty answer is
/// [`Error::Authentication`].
pub fn session_from_login(answer: String) -> Result<crate::runtime::Secret, Error> {
    let _ = answer;
    todo!()
}
