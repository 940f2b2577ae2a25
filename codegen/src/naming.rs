//! The one naming authority: a Rust identifier for every wire name in the IR.
//!
//! Rules (documented in README.md, "Naming rules"):
//! - Words are split at `-`, `_`, `.`, spaces and other punctuation, at lower→upper case
//!   changes (`getTicketList` → get, ticket, list) and at the end of an acronym
//!   (`HTTPServer` → http, server); a version suffix stays with its acronym (`IPv4Address` →
//!   ipv4, address). Only ASCII letters and digits survive.
//! - Modules, methods, fields, parameters: snake_case. Types and enum variants: UpperCamelCase.
//! - SOAP operations drop leading `api_` prefixes first (`api_api_buy_mail` → `buy_mail`).
//! - Rust keywords become raw identifiers (`type` → `r#type`); those that cannot be raw
//!   (`self`, `Self`, `super`, `crate`) get a trailing `_`. A leading digit gets a prefix:
//!   `_` for snake_case (`0` → `_0`, `2fa-type` → `_2fa_type`), `V` for UpperCamelCase.
//!   A name with no letters or digits at all becomes `value` / `Value`.
//! - Two different wire names that map to the same identifier in one scope (they differ only
//!   by case or punctuation) are told apart by a numeric suffix in wire-name order
//!   (`status`, `Status` → `status`, `status_2`; types `Foo`, `FOO` → `Foo`, `Foo2`). Two items with the *same* wire name in one
//!   scope cannot be told apart: that is an error naming both sources.
//! - Names the generated code itself uses in a scope are reserved and get the same suffix
//!   treatment (`Client`, `Session`, `Region`, `new`, `request`, `<Operation>Request`, ...).

use crate::diag::Diagnostic;
use crate::ir::{
    Binding, Ir, Name, Output, Placement, Protocol, Service, Source, TypeDef, TypeKind,
};
use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::{BTreeMap, BTreeSet};

/// Strict and reserved keywords of Rust 2024, which identifiers must not be spelled as.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// Keywords that cannot be written as raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Items every generated service module defines or uses unqualified.
const RESERVED_TYPES: &[&str] = &[
    "Client", "Session", "Region", "Error", "Secret", "Value", "String", "Vec", "Option", "Result",
    "Box", "Into", "Some", "None", "Ok", "Err",
];
/// Methods of the generated `Client`/`Session` that operations must not shadow.
const RESERVED_METHODS: &[&str] = &["new", "builder", "session", "client", "sid"];
/// Locals and arguments of generated method bodies. A SOAP method names its request struct's
/// argument around its parameters' names, so that a part named `request` (as Axis2 names
/// many) keeps its name.
const RESERVED_PARAMS: &[&str] = &["self", "call", "region", "request"];
const RESERVED_SOAP_PARAMS: &[&str] = &["self", "call", "region"];
/// Modules next to the generated ones.
const RESERVED_MODULES: &[&str] = &["runtime", "types"];

/// The Rust type name of an HTTP operation's request struct, reserved by [`assign`].
pub fn request_type(operation_rust: &str) -> String {
    let plain = operation_rust.trim_start_matches("r#");
    camel(&format!("{plain}_request"))
}

/// `snake_case` identifier for a wire name.
pub fn snake(wire: &str) -> String {
    let joined = words(wire).join("_").to_snake_case();
    finish(
        if joined.is_empty() {
            "value".to_owned()
        } else {
            joined
        },
        "_",
    )
}

/// `UpperCamelCase` identifier for a wire name.
pub fn camel(wire: &str) -> String {
    let joined = words(wire).join("_").to_upper_camel_case();
    finish(
        if joined.is_empty() {
            "Value".to_owned()
        } else {
            joined
        },
        "V",
    )
}

/// A SOAP operation's method name: leading `api_` prefixes dropped, then snake_case.
pub fn soap_method(wire: &str) -> String {
    let mut rest = wire;
    while let Some(stripped) = rest.strip_prefix("api_") {
        if stripped.is_empty() {
            break;
        }
        rest = stripped;
    }
    snake(rest)
}

/// Splits a wire name into lower-case ASCII words, by the rules above. The build stage reads
/// operation and field names with it too (read verbs, money words), so that a name means the
/// same everywhere.
pub fn words(wire: &str) -> Vec<String> {
    let mut out = Vec::new();
    for run in wire
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|r| !r.is_empty())
    {
        let chars: Vec<char> = run.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                Some(p) if c.is_ascii_uppercase() => {
                    // fooBar, foo2Bar | end of an acronym: HTTPServer → HTTP + Server.
                    p.is_ascii_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_ascii_uppercase()
                            && next.is_some_and(|n| n.is_ascii_lowercase())
                            && !is_version(&chars, i + 1))
                }
                _ => false,
            };
            if boundary && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            word.push(c.to_ascii_lowercase());
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

/// `v4` in `IPv4`: one lower-case letter followed by digits stays with the acronym before it.
fn is_version(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(|c| c.is_ascii_lowercase())
        && chars.get(at + 1).is_some_and(char::is_ascii_digit)
}

/// Keyword and leading-digit handling.
fn finish(ident: String, digit_prefix: &str) -> String {
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("{digit_prefix}{ident}");
    }
    if NOT_RAW.contains(&ident.as_str()) {
        return format!("{ident}_");
    }
    if KEYWORDS.contains(&ident.as_str()) {
        return format!("r#{ident}");
    }
    ident
}

/// One namespace of identifiers (a module's types, a struct's fields, ...).
struct Scope {
    /// Identifier → (wire name, source) of the item that holds it; no wire name for names
    /// reserved by the generated code.
    taken: BTreeMap<String, (Option<String>, Option<Source>)>,
}

impl Scope {
    fn new(reserved: &[&str]) -> Self {
        let taken = reserved
            .iter()
            .map(|r| ((*r).to_owned(), (None, None)))
            .collect();
        Self { taken }
    }

    /// Claims `ident` for `wire`, adding a numeric suffix when another wire name holds it.
    /// The same wire name twice is an error naming both sources.
    fn claim(
        &mut self,
        ident: String,
        wire: &str,
        source: Option<&Source>,
        what: &str,
    ) -> Result<String, Diagnostic> {
        let mut candidate = ident.clone();
        let mut n = 2;
        while let Some((held_by, held_at)) = self.taken.get(&candidate) {
            if held_by.as_deref() == Some(wire) {
                let here = source.map_or_else(String::new, ToString::to_string);
                let there = held_at
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string);
                let at = source.cloned().unwrap_or_default();
                return Err(Diagnostic::error(
                    &at.file,
                    at.line,
                    format!("{what} `{wire}` is defined twice in one scope ({here} and {there})"),
                )
                .with_hint("rename or remove one of them"));
            }
            // UpperCamelCase names take the number directly (`Status2`), others after `_`.
            let plain = ident.trim_start_matches("r#");
            let separator = if plain.starts_with(|c: char| c.is_ascii_uppercase()) {
                ""
            } else {
                "_"
            };
            candidate = format!("{plain}{separator}{n}");
            n += 1;
        }
        self.taken
            .insert(candidate.clone(), (Some(wire.to_owned()), source.cloned()));
        Ok(candidate)
    }
}

/// Fills every `Name::rust` in the IR; returns the collisions that cannot be resolved.
pub fn assign(ir: &mut Ir) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut modules = Scope::new(RESERVED_MODULES);
    for service in &mut ir.services {
        let wire = service.name.wire.clone();
        let source = service.source.clone();
        set(
            &mut service.name,
            modules.claim(snake(&wire), &wire, Some(&source), "service"),
            &mut diags,
        );
        assign_service(service, &mut diags);
    }
    diags
}

fn set(name: &mut Name, result: Result<String, Diagnostic>, diags: &mut Vec<Diagnostic>) {
    match result {
        Ok(ident) => name.rust = ident,
        Err(d) => diags.push(d),
    }
}

fn assign_service(service: &mut Service, diags: &mut Vec<Diagnostic>) {
    let source = service.source.clone();

    let mut urls = Scope::new(&[]);
    for url in &mut service.base_urls {
        let wire = url.name.wire.clone();
        set(
            &mut url.name,
            urls.claim(snake(&wire), &wire, Some(&source), "base URL"),
            diags,
        );
    }
    let mut regions = Scope::new(&[]);
    for region in &mut service.regions {
        let wire = region.name.wire.clone();
        set(
            &mut region.name,
            regions.claim(camel(&wire), &wire, Some(&source), "region"),
            diags,
        );
    }
    // Group modules sit beside `types`; their accessors beside the client's own methods.
    let mut group_names = Scope::new(&[RESERVED_MODULES, RESERVED_METHODS].concat());
    for group in &mut service.groups {
        let wire = group.name.wire.clone();
        set(
            &mut group.name,
            group_names.claim(snake(&wire), &wire, Some(&source), "group"),
            diags,
        );
    }
    let mut credentials = Scope::new(RESERVED_PARAMS);
    for credential in &mut service.credentials {
        let wire = credential.name.wire.clone();
        set(
            &mut credential.name,
            credentials.claim(snake(&wire), &wire, Some(&source), "credential"),
            diags,
        );
    }

    // Operations and types live in one module per group; each group is its own scope.
    let groups: BTreeSet<Option<String>> = service
        .operations
        .iter()
        .map(|o| o.group.clone())
        .chain(service.types.iter().map(|t| t.group.clone()))
        .collect();
    for group in groups {
        let mut types = Scope::new(RESERVED_TYPES);
        let mut methods = Scope::new(RESERVED_METHODS);
        for op in service.operations.iter_mut().filter(|o| o.group == group) {
            let wire = op.name.wire.clone();
            let ident = match op.binding {
                Binding::Soap(_) => soap_method(&wire),
                Binding::Http(_) => snake(&wire),
            };
            let at = op.sources.first().cloned();
            set(
                &mut op.name,
                methods.claim(ident, &wire, at.as_ref(), "operation"),
                diags,
            );
            if service.protocol == Protocol::Http && !op.name.rust.is_empty() {
                let request = request_type(&op.name.rust);
                // Reserve the request struct's name so no response type takes it.
                if let Err(d) = types.claim(
                    request.clone(),
                    &format!("{wire} request"),
                    at.as_ref(),
                    "request type",
                ) {
                    diags.push(d);
                }
            }
            assign_operation_parts(op, diags);
        }
        for ty in service.types.iter_mut().filter(|t| t.group == group) {
            let wire = ty.name.wire.clone();
            let at = ty.source.clone();
            set(
                &mut ty.name,
                types.claim(camel(&wire), &wire, Some(&at), "type"),
                diags,
            );
            assign_type_parts(ty, diags);
        }
    }
}

fn assign_operation_parts(op: &mut crate::ir::Operation, diags: &mut Vec<Diagnostic>) {
    let reserved = match op.binding {
        crate::ir::Binding::Soap(_) => RESERVED_SOAP_PARAMS,
        _ => RESERVED_PARAMS,
    };
    let mut params = Scope::new(reserved);
    for param in &mut op.params {
        let wire = param.name.wire.clone();
        let at = param.source.clone();
        let identity = identity(&wire, param.placement, param.namespace.as_deref());
        set(
            &mut param.name,
            params.claim(snake(&wire), &identity, Some(&at), "parameter"),
            diags,
        );
    }
    if let crate::ir::Binding::Soap(binding) = &mut op.binding {
        // Input headers are parameters beside the others.
        for header in &mut binding.headers.input {
            let wire = header.name.wire.clone();
            let at = header.source.clone();
            set(
                &mut header.name,
                params.claim(snake(&wire), &wire, Some(&at), "header parameter"),
                diags,
            );
        }
        for header in &mut binding.headers.output {
            header.name.rust = snake(&header.name.wire);
        }
    }
    if let Output::Value { name, .. } = &mut op.output {
        name.rust = snake(&name.wire);
    }
}

/// What tells a field or parameter apart on the wire, for [`Scope::claim`]: an element, an
/// attribute and attributes of other namespaces may share a local name, so each gets an
/// identifier of its own; two elements of one name cannot be told apart.
fn identity(wire: &str, placement: Placement, namespace: Option<&str>) -> String {
    match placement {
        Placement::Element => wire.to_owned(),
        placement => format!("{wire} ({placement:?} {namespace:?})"),
    }
}

fn assign_type_parts(ty: &mut TypeDef, diags: &mut Vec<Diagnostic>) {
    match &mut ty.kind {
        TypeKind::Struct { fields, rest } => {
            // `entries` holds the flattened rest of a struct.
            let reserved: &[&str] = if rest.is_some() { &["entries"] } else { &[] };
            let mut scope = Scope::new(reserved);
            for field in fields {
                let wire = field.name.wire.clone();
                let at = field.source.clone();
                let identity = identity(&wire, field.placement, field.namespace.as_deref());
                set(
                    &mut field.name,
                    scope.claim(snake(&wire), &identity, Some(&at), "field"),
                    diags,
                );
            }
        }
        TypeKind::Enum { values } => {
            let mut scope = Scope::new(&[]);
            for value in values {
                let wire = value.name.wire.clone();
                let at = ty.source.clone();
                set(
                    &mut value.name,
                    scope.claim(camel(&wire), &wire, Some(&at), "enum value"),
                    diags,
                );
            }
        }
        TypeKind::Array { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_rules() {
        let cases = [
            ("getTicketList", "get_ticket_list"),
            ("auto-renew", "auto_renew"),
            ("no-of-storage5-blocks", "no_of_storage5_blocks"),
            ("IPv4Address", "ipv4_address"),
            ("HTTPServer", "http_server"),
            ("vps_ipv6", "vps_ipv6"),
            ("ticketID", "ticket_id"),
            ("orders.orderid", "orders_orderid"),
            (
                "isOrderSuspendedUponExpiry",
                "is_order_suspended_upon_expiry",
            ),
            ("type", "r#type"),
            ("return", "r#return"),
            ("self", "self_"),
            ("0", "_0"),
            ("2fa-type", "_2fa_type"),
            ("$", "value"),
            ("Is-transfer-in", "is_transfer_in"),
        ];
        for (wire, want) in cases {
            assert_eq!(snake(wire), want, "{wire}");
        }
    }

    #[test]
    fn camel_case_rules() {
        let cases = [
            ("sql_row_vps", "SqlRowVps"),
            ("getTicketList_tickets", "GetTicketListTickets"),
            ("renew-response", "RenewResponse"),
            ("NoInvoice", "NoInvoice"),
            ("Pending Delete Restorable", "PendingDeleteRestorable"),
            ("IPv4Address", "Ipv4Address"),
            ("1", "V1"),
            ("Self", "Self_"),
            ("gbl", "Gbl"),
        ];
        for (wire, want) in cases {
            assert_eq!(camel(wire), want, "{wire}");
        }
    }

    #[test]
    fn soap_methods_drop_api_prefixes() {
        assert_eq!(soap_method("api_api_buy_mail"), "buy_mail");
        assert_eq!(soap_method("api_getTicketList"), "get_ticket_list");
        assert_eq!(soap_method("api_login"), "login");
        assert_eq!(soap_method("strPixels"), "str_pixels");
        assert_eq!(soap_method("api_"), "api");
    }

    #[test]
    fn case_collisions_get_suffixes_and_duplicates_are_errors() {
        let mut scope = Scope::new(RESERVED_METHODS);
        let at = Source {
            file: "a.wsdl".into(),
            line: 3,
        };
        assert_eq!(
            scope
                .claim(snake("status"), "status", Some(&at), "field")
                .unwrap(),
            "status"
        );
        assert_eq!(
            scope
                .claim(snake("Status"), "Status", Some(&at), "field")
                .unwrap(),
            "status_2"
        );
        assert_eq!(
            scope
                .claim(snake("new"), "new", Some(&at), "operation")
                .unwrap(),
            "new_2"
        );
        let other = Source {
            file: "b.md".into(),
            line: 9,
        };
        let err = scope
            .claim(snake("status"), "status", Some(&other), "field")
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("b.md:9") && text.contains("a.wsdl:3"),
            "{text}"
        );
    }

    /// Generated code writes these standard names unqualified (`Box<Node>` for a recursive
    /// field, `Result<…>` for every method), so a vendor type never takes them.
    #[test]
    fn types_named_like_std_items_the_code_uses_get_suffixes() {
        let mut scope = Scope::new(RESERVED_TYPES);
        for name in ["Box", "Result", "Option", "Vec", "String"] {
            let claimed = scope.claim(camel(name), name, None, "type").unwrap();
            assert_eq!(claimed, format!("{name}2"));
        }
    }

    #[test]
    fn raw_keywords_get_plain_suffixes() {
        let mut scope = Scope::new(&[]);
        assert_eq!(
            scope.claim(snake("type"), "type", None, "field").unwrap(),
            "r#type"
        );
        assert_eq!(
            scope.claim(snake("Type"), "Type", None, "field").unwrap(),
            "type_2"
        );
    }
}
