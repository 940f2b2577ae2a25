//! The manifest (`service.toml`): what no vendor page says, written by hand.
//!
//! ```toml
//! module = "interserver"              # module name in the generated crate
//! title = "InterServer SOAP API"
//! protocol = "soap"                   # "soap" (needs `wsdl`) or "http"
//! wsdl = "myapi.wsdl"
//! page-format = "interserver-markdown" # or "resellerclub-text"
//! secrets = ["password", "sid"]       # parameters never printed
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

use super::Read;
use crate::diag::Diagnostic;
use serde::{Deserialize, Serialize};
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
    pub secrets: Vec<String>,
    #[serde(default)]
    pub session: Option<SessionSpec>,
    #[serde(default)]
    pub in_band_error: Option<InBandErrorSpec>,
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
        Ok(manifest) => {
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

fn check(file: &str, m: &Manifest) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if m.protocol == ProtocolName::Soap && m.wsdl.is_none() {
        out.push(
            Diagnostic::error(file, 0, "protocol = \"soap\" needs a `wsdl` file")
                .with_hint("add `wsdl = \"<file>.wsdl\"`"),
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
