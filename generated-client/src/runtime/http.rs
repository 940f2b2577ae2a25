//! HTTP API wire code: parameters in the query or a form body, credentials on every call,
//! lenient JSON decoding, the vendors' error bodies.
//!
//! CONTRACT (stub): generated code calls exactly this surface.

use crate::runtime::{Error, Secret, transport::Transport};
use std::borrow::Cow;
use std::sync::Arc;

/// Static description of one operation, emitted by the generator.
#[derive(Debug)]
pub struct Operation {
    /// `enterpriseemail/renew`, for errors and logs.
    pub name: &'static str,
    pub method: Method,
    /// Path with an optional `{region}` placeholder.
    pub path: &'static str,
    pub encoding: Encoding,
    pub idempotent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Parameters in the URL query.
    Query,
    /// Parameters in an `application/x-www-form-urlencoded` body.
    Form,
}

/// A credential the client sends on every call.
#[derive(Clone, Debug)]
pub enum CredentialValue {
    Plain(String),
    Secret(Secret),
}

/// Base URL, credentials and transport; cheap to clone.
#[derive(Clone)]
pub struct Client {
    base_url: String,
    credentials: Vec<(&'static str, CredentialValue)>,
    transport: Arc<dyn Transport>,
}

impl Client {
    pub fn new(
        base_url: impl Into<String>,
        credentials: Vec<(&'static str, CredentialValue)>,
        transport: Arc<dyn Transport>,
    ) -> Self {
        Self {
            base_url: base_url.into(),
            credentials,
            transport,
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Starts a call; `region` fills the path's `{region}` placeholder.
    pub fn call(&self, operation: &'static Operation, region: Option<&str>) -> Call<'_> {
        Call {
            client: self,
            operation,
            region: region.map(str::to_owned),
            params: Vec::new(),
        }
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

/// A value as the API expects it in a parameter: booleans `true`/`false`, numbers in plain
/// decimal. Lists are sent as repeated keys by [`Call::param`].
pub trait FormValue {
    fn form_value(&self) -> Cow<'_, str>;
}

/// One request being built.
pub struct Call<'a> {
    client: &'a Client,
    operation: &'static Operation,
    region: Option<String>,
    params: Vec<(Cow<'static, str>, String)>,
}

impl Call<'_> {
    /// A scalar parameter.
    pub fn param<T: FormValue + ?Sized>(&mut self, name: &'static str, value: &T) {
        let _ = (name, value, &self.params);
        todo!()
    }

    /// An optional parameter: left out when `None`.
    pub fn param_opt<T: FormValue>(&mut self, name: &'static str, value: Option<&T>) {
        let _ = (name, value);
        todo!()
    }

    /// A list parameter: one `name=value` per item.
    pub fn param_list<T: FormValue>(&mut self, name: &'static str, values: &[T]) {
        let _ = (name, values);
        todo!()
    }

    /// A map parameter: `key1=k&value1=v`, numbered from 1.
    pub fn param_pairs<K: FormValue, V: FormValue>(
        &mut self,
        key_name: &'static str,
        value_name: &'static str,
        pairs: &[(K, V)],
    ) {
        let _ = (key_name, value_name, pairs);
        todo!()
    }

    /// Sends the request (credentials first) and decodes the JSON answer leniently; the
    /// vendors' error bodies become typed errors whatever the HTTP status.
    pub async fn send<T: serde::de::DeserializeOwned>(self) -> Result<T, Error> {
        let _ = (self.client, self.operation, self.region);
        todo!()
    }
}
