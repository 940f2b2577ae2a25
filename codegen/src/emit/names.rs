//! Identifiers: the names the naming pass chose, checked, and the few names the emitter derives
//! from them.
//!
//! The emitter never invents a name from wire text. Items that exist only in generated code (a
//! constant for a base URL, the static describing an operation, an operation's request struct,
//! a group's accessor struct) get names built here, and only here, from Rust names the naming
//! pass already chose; [`super::scope`] then rejects any clash they cause.

use crate::diag::Diagnostic;
use crate::ir::Source;
use proc_macro2::Ident;

/// The identifier for a Rust name from the IR: plain (`order_id`) or raw (`r#type`).
pub(super) fn ident(rust: &str, at: &Source) -> Result<Ident, Diagnostic> {
    syn::parse_str::<Ident>(rust).map_err(|_| {
        let what = if rust.is_empty() {
            "an empty Rust name".to_owned()
        } else {
            format!("`{rust}`")
        };
        Diagnostic::error(
            &at.file,
            at.line,
            format!("cannot emit {what} as a Rust identifier"),
        )
        .with_hint("the naming pass must give every item a valid identifier")
    })
}

/// A Rust name without its raw-identifier prefix: what serde, the file system and cargo
/// features see (`r#type` → `type`).
pub(super) fn unraw(rust: &str) -> &str {
    rust.strip_prefix("r#").unwrap_or(rust)
}

/// The constant-case form of a snake-case name: `live` → `LIVE`, `api_login` → `API_LOGIN`.
pub(super) fn constant(rust: &str) -> String {
    unraw(rust).to_uppercase()
}

/// The type-case form of a snake-case name plus a suffix: (`renew`, `Request`) →
/// `RenewRequest`, (`enterpriseemail`, ``) → `Enterpriseemail`.
pub(super) fn type_case(rust: &str, suffix: &str) -> String {
    let mut out = String::new();
    for word in unraw(rust).split('_').filter(|w| !w.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out.push_str(suffix);
    out
}

/// A local variable name for generated code that no parameter in `taken` uses: `base`, else
/// `base_`, `base__`, ...
pub(super) fn local(base: &str, taken: &[&str]) -> String {
    let mut name = base.to_owned();
    while taken.iter().any(|t| unraw(t) == name) {
        name.push('_');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Source {
        Source {
            file: "specs/x/service.toml".into(),
            line: 3,
        }
    }

    #[test]
    fn accepts_plain_and_raw_identifiers() {
        assert_eq!(
            ident("order_id", &at()).map(|i| i.to_string()),
            Ok("order_id".to_owned())
        );
        assert_eq!(
            ident("r#type", &at()).map(|i| i.to_string()),
            Ok("r#type".to_owned())
        );
    }

    #[test]
    fn rejects_what_is_not_an_identifier() {
        for bad in ["", "type", "order-id", "2fa", "a b"] {
            let err = ident(bad, &at()).expect_err(bad);
            assert_eq!((err.file.as_str(), err.line), ("specs/x/service.toml", 3));
            assert!(err.is_error());
        }
        assert!(
            ident("", &at())
                .unwrap_err()
                .message
                .contains("empty Rust name")
        );
    }

    #[test]
    fn derives_names_from_snake_case() {
        assert_eq!(constant("api_login"), "API_LOGIN");
        assert_eq!(constant("r#type"), "TYPE");
        assert_eq!(type_case("renew", "Request"), "RenewRequest");
        assert_eq!(
            type_case("add_ipv4_record", "Request"),
            "AddIpv4RecordRequest"
        );
        assert_eq!(type_case("r#type", ""), "Type");
        assert_eq!(type_case("_private", ""), "Private");
    }

    #[test]
    fn local_names_avoid_parameters() {
        assert_eq!(local("call", &["sid", "coupon"]), "call");
        assert_eq!(local("call", &["call", "call_"]), "call__");
        assert_eq!(local("call", &["r#call"]), "call_");
    }
}
