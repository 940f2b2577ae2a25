//! What a doc page says, whatever the vendor's format: the common output of the page readers.
//!
//! Types stay as the page spells them (`Integer`, `tns:license_type[]`, `Array of Strings`);
//! [`crate::build`] interprets them, so every page format shares one interpretation.

use crate::ir::{Docs, Source};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Page {
    /// The page itself (line of its title or first line).
    pub source: Source,
    /// The operation the page documents: the SOAP function name (`api_api_buy_mail`) when the
    /// page names one; `None` for HTTP pages, which are identified by their example URLs.
    pub operation: Option<String>,
    /// Page title (`Buy Mail`), if any.
    pub title: Option<String>,
    /// The description (About / Description section).
    pub docs: Docs,
    /// Request parameters in table order. Empty when the page says it takes none.
    pub params: Vec<PageParam>,
    pub response: PageResponse,
    /// HTTP method (`POST`), as the page writes it.
    pub http_method: Option<Located<String>>,
    /// Example request URLs with the label the page gives each (`US Server`).
    pub examples: Vec<ExampleUrl>,
    /// Code samples (language, text); used for lint only, never as a signature source.
    pub samples: Vec<Sample>,
    /// The error convention sentence (`In case of any errors, a status key with value ...`).
    pub error_note: Option<Located<String>>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PageParam {
    /// As written (`auto-renew`, `Is-transfer-in`, `type`).
    pub name: String,
    /// As written (`Integer`, `Array of Strings`, `Map[name]`, `int`, `tns:array`).
    pub type_text: String,
    /// `Some(true)` for Required, `Some(false)` for Optional (any case), `None` if unstated.
    pub required: Option<bool>,
    /// Description, cell text joined across lines, markup removed.
    pub docs: Docs,
    /// Allowed values found in the description (`Values can be: A, B, C or D`,
    /// one `Value: meaning` line per value, `Values: True / False`), in page order.
    pub values: Vec<PageValue>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PageValue {
    pub value: String,
    /// The meaning the page gives it, when it gives one.
    pub docs: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct PageResponse {
    pub shape: ResponseShape,
    /// Fields or keys in page order.
    pub fields: Vec<PageField>,
    /// Prose about the response (the sentence introducing the list, a condition note).
    pub docs: Docs,
    pub line: u32,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Default)]
pub enum ResponseShape {
    /// The page says nothing usable about the response.
    #[default]
    Unknown,
    /// A single `return` row: a scalar (or the type the row names).
    Scalar,
    /// A table or list of named fields / keys.
    Fields,
    /// Prose describing a bare value (`a bare integer`).
    Prose,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PageField {
    /// The key (`status_text`, `entityid`, `orders.orderid`, `return`, `0`).
    pub name: String,
    /// As written; empty when the page gives none (ResellerClub bullets).
    pub type_text: String,
    /// Description; InterServer continuation rows land in `docs.details`.
    pub docs: Docs,
    /// Human label (`Selling Currency of the Reseller`) for bullet-list responses.
    pub label: Option<String>,
    /// The page says the key may be absent (the NoInvoice note names it).
    pub conditional: bool,
    /// The key sits under each numbered entry (`"1"`, `"2"`, ...) rather than at top level.
    pub per_entry: bool,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExampleUrl {
    /// Region label (`US Server`, `India`, `Rest of the World`); `None` when unlabelled.
    pub label: Option<String>,
    /// The URL as written (typos included: `hhttps://`).
    pub url: String,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Sample {
    /// The fence's info string (`perl`, `python`, `ruby`, `php`).
    pub language: String,
    pub code: String,
    pub line: u32,
}
