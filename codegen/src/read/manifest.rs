//! The manifest (`service.toml`): what no vendor page says, written by hand.
//!
//! ```toml
//! module = "interserver"              # module name in the generated crate
//! title = "InterServer SOAP API"
//! protocol = "soap"                   # "soap" (needs `wsdl`) or "http"
//! wsdl = "myapi.wsdl"
//! page-format = "interserver-markdown" # or "resellerclub-text"
//! secrets = ["password", "sid"]       # parameters never printed; `Auth.token`: a record field
//!                                     # (a header token); one naming nothing is a warning
//!
//! [base-urls]                         # environment name = URL, in order
//! live = "https://my.interserver.net/api.php"
//!
//! [session]                           # a login operation whose answer other calls take
//! login = "api_login"
//! parameter = "sid"
//!
//! [in-band-error]                     # business errors inside a successful answer
//! status-field = "status"
//! error-values = ["error"]
//! message-fields = ["status_text"]
//! ```
//!
//! HTTP services list `credentials = ["auth-userid", "api-key"]`: parameters the client holds
//! and sends on every call.
//!
//! A SOAP service whose server wants a WS-Security UsernameToken in every request's header
//! says so, with the password form the server checks:
//!
//! ```toml
//! [ws-security]
//! username-token = "digest"           # or "text": the password as sent, for TLS-only servers
//! ```
//!
//! The generated client then takes a username and a password (a `Secret`) when it is built;
//! see `runtime/soap/wsse.rs` for what goes on the wire.
//!
//! Two optional tables correct what the vendor's files get wrong, without editing generated
//! code (the rules they override are in README.md, "The generated API"):
//!
//! ```toml
//! [idempotent]                        # safe to retry, or not, whatever the name says
//! yes = ["api_*_get_*", "strPixels"]  # operation wire names; `*` matches any run of characters
//! no = ["api_api_validate_buy_vps"]   # `no` wins over `yes`; both win over the default rule
//!
//! [types]                             # field and parameter types
//! "renew-response.discount-amount" = "decimal" # field of a type, or response key
//! "api_add_prepay.amount" = "decimal" # parameter of an operation (`<op>.return`: its answer)
//! "prepay_remaining" = "decimal"      # a bare wire name: every field and parameter so named
//! ```
//!
//! HTTP operations are matched by action (`details`) or `group/action`
//! (`enterpriseemail/details`). In `[types]` a path is `<owner>.<name>` (owner: a type or an
//! operation) or a bare `<name>`; names compare by their words as the naming rules split them,
//! so `renew_response` addresses `renew-response`. A value is `decimal` (exact money),
//! `string`, or `optional` (a required field or parameter that may be left out). An entry that
//! matches nothing is a warning naming its line; any other value is an error.

use super::Read;
use crate::diag::Diagnostic;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// The manifest's file name inside each vendor folder.
pub const FILE_NAME: &str = "service.toml";

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Manifest {
    pub module: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub protocol: ProtocolName,
    #[serde(default)]
    pub wsdl: Option<String>,
    pub page_format: PageFormat,
    #[serde(default)]
    pub base_urls: BTreeMap<String, String>,
    #[serde(default)]
    pub credentials: Vec<String>,
    #[serde(default)]
    pub secrets: Vec<Located<String>>,
    #[serde(default)]
    pub session: Option<SessionSpec>,
    #[serde(default)]
    pub in_band_error: Option<InBandErrorSpec>,
    /// Operations forced idempotent or not.
    #[serde(default)]
    pub idempotent: IdempotentSpec,
    /// Type overrides by field path (see the module docs).
    #[serde(default)]
    pub types: BTreeMap<String, Located<FieldType>>,
    /// WS-Security in every request's SOAP header.
    #[serde(default)]
    pub ws_security: Option<WsSecuritySpec>,
}

/// `[ws-security]`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WsSecuritySpec {
    pub username_token: Located<crate::ir::PasswordType>,
}

/// A manifest value and the line it is written on, so that the build stage can point at an
/// entry that matches nothing.
#[derive(Debug, Clone, Eq, Serialize)]
#[serde(transparent)]
pub struct Located<T> {
    pub value: T,
    /// 1-based, set by [`read`] from `offset` (the reader sees only byte offsets).
    #[serde(skip)]
    pub line: u32,
    #[serde(skip)]
    offset: usize,
}

impl<T> Located<T> {
    /// A value written on `line`, for manifests made in code.
    pub fn at(value: T, line: u32) -> Self {
        Self {
            value,
            line,
            offset: 0,
        }
    }
}

/// Equal when the value and its line are: the offset is only the way to the line.
impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Self) -> bool {
        (&self.value, self.line) == (&other.value, other.line)
    }
}

impl<T> Located<T> {
    fn locate(&mut self, text: &str) {
        self.line = super::line_of(text, self.offset);
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::<T>::deserialize(deserializer)?;
        Ok(Self {
            offset: spanned.span().start,
            line: 0,
            value: spanned.into_inner(),
        })
    }
}

/// `[idempotent]`: operation names or `*` globs.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IdempotentSpec {
    #[serde(default)]
    pub yes: Vec<Located<String>>,
    #[serde(default)]
    pub no: Vec<Located<String>>,
}

/// What a `[types]` entry makes of a field or parameter.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    /// An exact amount ([`crate::ir::Scalar::Decimal`]), whatever the vendor's type.
    Decimal,
    /// Required no more: the server may leave it out, the caller may omit it.
    Optional,
    /// Text ([`crate::ir::Scalar::String`]), for a value the vendor mistypes.
    String,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ProtocolName {
    Soap,
    Http,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PageFormat {
    /// InterServer's markdown pages (About, Sample Code, Request and Response tables).
    InterserverMarkdown,
    /// ResellerClub / LogicBoxes knowledge-base pages rendered to text.
    ResellerclubText,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SessionSpec {
    pub login: String,
    pub parameter: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InBandErrorSpec {
    pub status_field: String,
    pub error_values: Vec<String>,
    pub message_fields: Vec<String>,
}

/// Reads a manifest; `file` is the path shown in diagnostics.
pub fn read(file: &str, text: &str) -> Read<Manifest> {
    match toml::from_str::<Manifest>(text) {
        Ok(mut manifest) => {
            manifest.locate(text);
            let diagnostics = check(file, &manifest);
            let ok = diagnostics.iter().all(|d| !d.is_error());
            Read {
                value: ok.then_some(manifest),
                diagnostics,
            }
        }
        Err(e) => {
            let (line, col) = e.span().map_or((0, 0), |span| position(text, span.start));
            let message = e.message().to_owned();
            let d = Diagnostic::error(file, line, format!("invalid manifest: {message}"))
                .at_col(col)
                .with_hint("see the manifest format in README.md");
            Read {
                value: None,
                diagnostics: vec![d],
            }
        }
    }
}

impl Manifest {
    /// Whether `secrets` lists the parameter or credential `name`.
    pub fn is_secret(&self, name: &str) -> bool {
        self.secrets.iter().any(|entry| entry.value == name)
    }

    /// Turns the byte offsets of located entries into lines.
    fn locate(&mut self, text: &str) {
        for entry in self
            .idempotent
            .yes
            .iter_mut()
            .chain(&mut self.idempotent.no)
        {
            entry.locate(text);
        }
        for entry in self.types.values_mut() {
            entry.locate(text);
        }
        for entry in &mut self.secrets {
            entry.locate(text);
        }
        if let Some(ws_security) = &mut self.ws_security {
            ws_security.username_token.locate(text);
        }
    }
}

fn check(file: &str, m: &Manifest) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if m.protocol == ProtocolName::Soap && m.wsdl.is_none() {
        out.push(
            Diagnostic::error(file, 0, "protocol = \"soap\" needs a `wsdl` file")
                .with_hint("add `wsdl = \"<file>.wsdl\"`"),
        );
    }
    if let (ProtocolName::Http, Some(ws_security)) = (m.protocol, &m.ws_security) {
        out.push(
            Diagnostic::error(
                file,
                ws_security.username_token.line,
                "[ws-security] is a SOAP header: an HTTP service cannot have it",
            )
            .with_hint("remove the [ws-security] table"),
        );
    }
    if m.protocol == ProtocolName::Http && m.base_urls.is_empty() {
        out.push(
            Diagnostic::error(file, 0, "an HTTP service needs at least one base URL")
                .with_hint("add a [base-urls] table, e.g. live = \"https://api.example.com\""),
        );
    }
    out
}

/// 1-based line and column of a byte offset.
fn position(text: &str, offset: usize) -> (u32, u32) {
    let line = super::line_of(text, offset);
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let col = text[start..offset.min(text.len())].chars().count() + 1;
    (line, u32::try_from(col).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests;
