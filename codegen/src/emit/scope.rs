//! Clash detection: the naming pass keeps wire-derived names unique, but generated code adds
//! items of its own (`Client`, `Session`, `new`, an operation's static, a request struct) that
//! could meet a vendor's name in the same scope.

use super::names::unraw;
use crate::diag::Diagnostic;
use crate::ir::Source;
use std::collections::BTreeMap;

/// Standard-library names generated code uses unqualified: a vendor type of the same name in
/// the module would take their place.
pub(super) const PRELUDE: [&str; 10] = [
    "String", "Vec", "Option", "Result", "Box", "Into", "Some", "None", "Ok", "Err",
];

/// The names declared so far in one Rust scope: a module's items, a type's methods, a
/// function's parameters.
#[derive(Debug)]
pub(super) struct Scope {
    what: String,
    names: BTreeMap<String, Source>,
}

impl Scope {
    /// `what` names the scope in errors (``module `interserver` ``).
    pub(super) fn new(what: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            names: BTreeMap::new(),
        }
    }

    /// Declares `name` (a Rust name; raw or not), failing when the scope already holds it.
    pub(super) fn declare(&mut self, name: &str, at: &Source) -> Result<(), Diagnostic> {
        let key = unraw(name).to_owned();
        if let Some(first) = self.names.get(&key) {
            let first = if first.file.is_empty() {
                "by the generator".to_owned()
            } else {
                format!("at {first}")
            };
            return Err(Diagnostic::error(
                &at.file,
                at.line,
                format!(
                    "`{key}` would be declared twice in {} (first {first})",
                    self.what
                ),
            )
            .with_hint("rename one of them in the manifest or the naming pass"));
        }
        self.names.insert(key, at.clone());
        Ok(())
    }

    /// A module's scope: the prelude names the generated code relies on are taken.
    pub(super) fn module(what: impl Into<String>) -> Self {
        let mut scope = Self::new(what);
        scope.reserve(&PRELUDE);
        scope
    }

    /// Declares names the generated code itself uses in this scope.
    pub(super) fn reserve(&mut self, names: &[&str]) {
        for name in names {
            self.names.entry((*name).to_owned()).or_default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_a_second_declaration() {
        let mut scope = Scope::new("module `x`");
        let at = |line| Source {
            file: "x.wsdl".into(),
            line,
        };
        assert!(scope.declare("renew", &at(1)).is_ok());
        let err = scope.declare("r#renew", &at(9)).unwrap_err();
        assert_eq!(err.line, 9);
        assert!(
            err.message
                .contains("`renew` would be declared twice in module `x` (first at x.wsdl:1)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn reserved_names_clash_with_vendor_names() {
        let mut scope = Scope::new("`impl Client`");
        scope.reserve(&["new", "builder"]);
        let err = scope
            .declare(
                "new",
                &Source {
                    file: "a.md".into(),
                    line: 2,
                },
            )
            .unwrap_err();
        assert!(
            err.message.contains("(first by the generator)"),
            "{}",
            err.message
        );
    }
}
