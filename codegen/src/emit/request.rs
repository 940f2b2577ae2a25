//! Request structs: the parameters of one operation, built by name with `bon::Builder`.
//!
//! Why `bon::Builder`: a required parameter left out is a compile error (`build()` only
//! exists once every required setter was called), parameters of one type cannot be swapped by
//! position because each is set by its name, and optional ones are plain chained setters. A
//! hand-written typestate builder would do the same in far more generated code.

use super::docs::{self, Doc};
use super::names;
use crate::ir::Operation;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// One field of a request struct: text (`into`) setters take anything that converts; `serde`
/// holds the attribute that reads the field back from the wire (the mock server does).
pub(super) fn field(
    doc: &Doc,
    serde: Option<TokenStream>,
    field: &Ident,
    ty: &TokenStream,
    into: bool,
) -> TokenStream {
    let doc = doc.outer();
    let into = into.then(|| quote!(#[builder(into)]));
    quote! { #doc #serde #into pub #field: #ty, }
}

/// A request struct with its builder, for an HTTP or a SOAP operation.
pub(super) fn tokens(
    op: &Operation,
    name: &Ident,
    all_optional: bool,
    fields: impl Iterator<Item = TokenStream>,
) -> TokenStream {
    let mut doc = Doc::of(format!(
        "The parameters of {}.",
        docs::code(names::unraw(&op.name.rust))
    ));
    if let Some(summary) = &op.docs.summary {
        doc.text(summary);
    }
    doc.markdown(format!(
        "Build it with `{name}::builder()`, one setter per parameter, then `.build()`: it \
         compiles only once every required parameter is set; optional ones may be left out. \
         `Debug` output never shows a secret."
    ));
    let doc = doc.outer();
    let default = all_optional.then(|| quote!(Default,));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #default bon::Builder, serde::Deserialize)]
        pub struct #name {
            #(#fields)*
        }
    }
}
