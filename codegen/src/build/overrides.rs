//! The manifest's `[types]` table: corrections to the types the vendor's files give a field,
//! parameter or answer. They apply after every rule, the money rule included, so the manifest
//! has the last word.
//!
//! A path is `<owner>.<name>`, where the owner is a type (its fields) or an operation (its
//! parameters, and its answer by the answer's name: `return`, `response`), or a bare `<name>`
//! meaning every field and parameter so named. Wire names may hold dots themselves
//! (`orders.creationtime`), so a path is tried both ways. Names compare by their words as the
//! naming rules split them (`renew_response` is `renew-response`).

use super::types;
use crate::diag::Diagnostic;
use crate::ir::{Operation, Output, Scalar, TypeDef, TypeKind, TypeRef};
use crate::naming;
use crate::read::manifest::{FieldType, Located};
use std::collections::BTreeMap;

/// Applies every override; one that addresses nothing, or that cannot apply where it points,
/// is a warning at its manifest line.
pub fn apply(
    overrides: &BTreeMap<String, Located<FieldType>>,
    manifest_file: &str,
    types: &mut [TypeDef],
    operations: &mut [Operation],
    diags: &mut Vec<Diagnostic>,
) {
    for (path, entry) in overrides {
        let warn = |message: String| {
            Diagnostic::warning(
                manifest_file,
                entry.line,
                format!("[types] \"{path}\": {message}"),
            )
        };
        let mut targets = targets(path, types, operations);
        if targets.is_empty() {
            diags.push(
                warn("matches no field, parameter or answer".to_owned())
                    .with_hint("write `<type or operation>.<wire name>` or a bare wire name"),
            );
        }
        for target in &mut targets {
            if let Err(message) = target.set(entry.value) {
                diags.push(warn(message));
            }
        }
    }
}

/// Something an override can change.
enum Target<'a> {
    /// A struct field or a parameter: its type, whether it is required, and the scalar its
    /// WSDL declares when a rule retyped it ([`Field::declared`](crate::ir::Field)).
    Value(&'a mut TypeRef, &'a mut bool, &'a mut Option<Scalar>),
    /// An operation's answer, which is always there.
    Answer(&'a mut TypeRef),
}

impl Target<'_> {
    fn set(&mut self, to: FieldType) -> Result<(), String> {
        match (self, to) {
            (Self::Value(_, required, _), FieldType::Optional) => {
                **required = false;
                Ok(())
            }
            (Self::Answer(_), FieldType::Optional) => {
                Err("an operation's answer cannot be optional".to_owned())
            }
            (Self::Value(ty, _, declared), FieldType::Decimal) => {
                retype(ty, Scalar::Decimal, declared)
            }
            (Self::Value(ty, _, declared), FieldType::String) => {
                retype(ty, Scalar::String, declared)
            }
            // An answer is never sent: what its WSDL declares does not matter.
            (Self::Answer(ty), FieldType::Decimal) => retype(ty, Scalar::Decimal, &mut None),
            (Self::Answer(ty), FieldType::String) => retype(ty, Scalar::String, &mut None),
        }
    }
}

/// A scalar, or the items of a list of scalars, becomes `to`; anything else is refused. The
/// scalar replaced is kept in `declared` unless an earlier rule kept the WSDL's there.
fn retype(ty: &mut TypeRef, to: Scalar, declared: &mut Option<Scalar>) -> Result<(), String> {
    match ty {
        TypeRef::Scalar(scalar) => {
            if *scalar != to {
                declared.get_or_insert(*scalar);
            }
            *scalar = to;
            Ok(())
        }
        TypeRef::List(item) | TypeRef::TextList(item) => retype(item, to, declared),
        other => Err(format!(
            "`{}` is not a scalar value; left as it is",
            types::show(other)
        )),
    }
}

/// Every field, parameter and answer `path` addresses.
fn targets<'a>(
    path: &str,
    types: &'a mut [TypeDef],
    operations: &'a mut [Operation],
) -> Vec<Target<'a>> {
    let qualified = |owner: &str, name: &str| {
        path.split_once('.')
            .is_some_and(|(o, n)| same(o, owner) && same(n, name))
    };
    let addresses = |owner: &str, name: &str| same(path, name) || qualified(owner, name);
    let mut out = Vec::new();
    for ty in types {
        if let TypeKind::Struct { fields, .. } = &mut ty.kind {
            let owner = &ty.name.wire;
            out.extend(
                fields
                    .iter_mut()
                    .filter(|f| addresses(owner, &f.name.wire))
                    .map(|f| Target::Value(&mut f.ty, &mut f.required, &mut f.declared)),
            );
        }
    }
    for op in operations {
        let owner = &op.name.wire;
        out.extend(
            op.params
                .iter_mut()
                .filter(|p| addresses(owner, &p.name.wire))
                .map(|p| Target::Value(&mut p.ty, &mut p.required, &mut p.declared)),
        );
        if let Output::Value { name, ty, .. } = &mut op.output {
            // A bare `return` would address every answer: only `<operation>.return` does.
            if qualified(owner, &name.wire) {
                out.push(Target::Answer(ty));
            }
        }
    }
    out
}

/// Two names are one when spelled alike or split into the same words.
fn same(a: &str, b: &str) -> bool {
    a == b || {
        let words = naming::words(a);
        !words.is_empty() && words == naming::words(b)
    }
}

#[cfg(test)]
mod tests;
