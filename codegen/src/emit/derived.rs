//! Derived types (`complexContent/extension`): where a struct that others extend is expected,
//! the server may send any of them, naming it by `xsi:type`. Such a base `B` is spelled
//! `AnyB` wherever it is referred to: an enum of `B` and every struct derived from it, the
//! base first. The SOAP runtime recognises it by its serde name (`DERIVED_ENUM` in
//! `runtime/soap/derived.rs`) and picks the variant the element's `xsi:type` names, by
//! namespace URI and local name (each variant is renamed `{namespace}name`), falling back to
//! the base for no or another `xsi:type` (the fields the base does not know then land in its
//! `undeclared` field); a derived variant is sent with its `xsi:type`.

use super::docs::{self, Doc};
use super::names::ident;
use super::scope::Scope;
use super::typeref::Place;
use super::{Ctx, TypeKey};
use crate::diag::Diagnostic;
use crate::ir::{TypeDef, TypeKind};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// Base chains longer than this are taken as circular.
const MAX_BASE_DEPTH: usize = 32;

/// The structs deriving from each struct, directly or through others, in type order.
pub(super) fn index<'a>(
    types: &BTreeMap<TypeKey<'a>, &'a TypeDef>,
) -> BTreeMap<TypeKey<'a>, Vec<&'a TypeDef>> {
    let mut derived: BTreeMap<TypeKey<'a>, Vec<&'a TypeDef>> = BTreeMap::new();
    for def in types.values() {
        let mut base = def.base.as_deref();
        for _ in 0..MAX_BASE_DEPTH {
            let Some(name) = base else { break };
            let key = (def.group.as_deref(), name);
            let Some(base_def) = types.get(&key) else {
                break;
            };
            let is_struct = matches!(base_def.kind, TypeKind::Struct { .. });
            let list = derived.entry(key).or_default();
            if !is_struct
                || std::ptr::eq(*base_def, *def)
                || list.iter().any(|d| std::ptr::eq(*d, *def))
            {
                break;
            }
            list.push(def);
            base = base_def.base.as_deref();
        }
    }
    derived.retain(|_, list| !list.is_empty());
    derived
}

impl Ctx<'_> {
    /// The name of the enum that stands for `def` where it is expected, when structs derive
    /// from it.
    pub(super) fn any_name(&self, def: &TypeDef) -> Option<String> {
        let key = (def.group.as_deref(), def.name.wire.as_str());
        self.derived
            .contains_key(&key)
            .then(|| format!("Any{}", def.name.rust))
    }
}

/// The `Any<Base>` enum of `def`, when structs derive from it (else nothing).
pub(super) fn any_enum(
    ctx: &Ctx,
    def: &TypeDef,
    root: &mut Scope,
) -> Result<TokenStream, Diagnostic> {
    let Some(any) = ctx.any_name(def) else {
        return Ok(TokenStream::new());
    };
    root.declare(&any, &def.source)?;
    let key = (def.group.as_deref(), def.name.wire.as_str());
    let derived = ctx.derived.get(&key).map(Vec::as_slice).unwrap_or_default();
    let mut variants = Vec::with_capacity(derived.len() + 1);
    for variant in std::iter::once(def).chain(derived.iter().copied()) {
        let name = ident(&variant.name.rust, &variant.source)?;
        let path = ctx.type_path(variant, Place::Types, &variant.source)?;
        let wire = variant.xml_name();
        let doc = Doc::of(format!("`xsi:type` {}.", docs::code(wire))).outer();
        let expanded = match &variant.namespace {
            Some(namespace) => format!("{{{namespace}}}{wire}"),
            None => wire.to_owned(),
        };
        variants.push(quote! {
            #doc
            #[serde(rename = #expanded)]
            #name(#path),
        });
    }
    let name = ident(&any, &def.source)?;
    let doc = Doc::of(format!(
        "A {} or a type derived from it: the one the element's `xsi:type` names (the base \
         when it names none or another; the fields the base does not declare are then in its \
         `undeclared` field). A derived value is sent with its `xsi:type`.",
        docs::code(&def.name.wire)
    ))
    .outer();
    let answer = ctx.in_answers(def).then(|| {
        quote! {
            impl crate::runtime::Answer for #name {}
        }
    });
    Ok(quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(rename = "$derived")]
        pub enum #name {
            #(#variants)*
        }

        #answer
    })
}
