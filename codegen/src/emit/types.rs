//! Named types: structs, enums and array aliases, with serde attributes for the wire names.

use super::Ctx;
use super::docs::{self, Doc};
use super::names::{ident, unraw};
use super::scope::Scope;
use super::typeref::{self, Place};
use crate::diag::Diagnostic;
use crate::ir::{EnumValue, Field, Protocol, TypeDef, TypeKind, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// The name of the map that holds a struct's further keys.
const REST_FIELD: &str = "entries";

/// One type definition (with its impls) at `place`.
pub(super) fn type_def(ctx: &Ctx, def: &TypeDef, place: Place) -> Result<TokenStream, Diagnostic> {
    let name = ident(&def.name.rust, &def.source)?;
    let wire = &def.name.wire;
    match &def.kind {
        TypeKind::Struct { fields, rest } => {
            let doc =
                Doc::from_docs(&def.docs, format!("The {} record.", docs::code(wire))).outer();
            let mut scope = Scope::new(format!("struct `{}`", def.name.rust));
            let mut members = Vec::with_capacity(fields.len() + 1);
            for field in fields {
                scope.declare(&field.name.rust, &field.source)?;
                members.push(field_tokens(ctx, field, place)?);
            }
            if let Some(ty) = rest {
                scope.declare(REST_FIELD, &def.source)?;
                members.push(rest_tokens(ctx, ty, place, def)?);
            }
            Ok(quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
                #[serde(rename = #wire)]
                pub struct #name {
                    #(#members)*
                }
            })
        }
        TypeKind::Array { item, .. } => {
            let mut doc = Doc::from_docs(&def.docs, format!("The {} list.", docs::code(wire)));
            doc.markdown(format!("Wire type: {}.", docs::code(wire)));
            let doc = doc.outer();
            let item = ctx.rust_type(item, place, &def.source)?;
            Ok(quote! {
                #doc
                pub type #name = Vec<#item>;
            })
        }
        TypeKind::Enum { values } => enum_tokens(ctx, def, values),
    }
}

fn field_tokens(ctx: &Ctx, field: &Field, place: Place) -> Result<TokenStream, Diagnostic> {
    let name = ident(&field.name.rust, &field.source)?;
    let wire = &field.name.wire;
    let mut doc = Doc::from_docs(&field.docs, format!("Wire name: {}.", docs::code(wire)));
    if let Some(note) = typeref::note(&field.ty) {
        doc.markdown(note);
    }
    let doc = doc.outer();
    let ty = ctx.rust_type(&field.ty, place, &field.source)?;
    let mut serde = Vec::new();
    if unraw(&field.name.rust) != wire {
        serde.push(quote!(rename = #wire));
    }
    if field.repeated {
        serde.push(quote!(with = "crate::runtime::soap::repeated"));
    }
    let ty = if let TypeRef::List(_) = field.ty {
        // A repeated element the server may leave out, or send nil items of: no occurrence is
        // an empty list, so an `Option` around it would only add a second way to say "none".
        if !field.required || field.nillable {
            serde.push(quote!(default, skip_serializing_if = "Vec::is_empty"));
        }
        ty
    } else if field.required && !field.nillable {
        ty
    } else {
        serde.push(quote!(default, skip_serializing_if = "Option::is_none"));
        quote!(Option<#ty>)
    };
    let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
    Ok(quote! {
        #doc
        #serde
        pub #name: #ty,
    })
}

/// The field for a struct's further keys. Not `#[serde(flatten)]`: serde would buffer those
/// keys and decode them strictly; the runtime's JSON decoder hands the field named
/// `runtime::http::REST_KEY` every key the struct does not name, decoded leniently.
fn rest_tokens(
    ctx: &Ctx,
    ty: &TypeRef,
    place: Place,
    def: &TypeDef,
) -> Result<TokenStream, Diagnostic> {
    let name = ident(REST_FIELD, &def.source)?;
    let ty = ctx.rust_type(ty, place, &def.source)?;
    Ok(quote! {
        /// Every further key the server sends (such as numbered entries), by key.
        #[serde(rename = "$rest", default)]
        pub #name: std::collections::BTreeMap<String, #ty>,
    })
}

fn enum_tokens(ctx: &Ctx, def: &TypeDef, values: &[EnumValue]) -> Result<TokenStream, Diagnostic> {
    let name = ident(&def.name.rust, &def.source)?;
    let wire = &def.name.wire;
    let doc = Doc::from_docs(&def.docs, format!("The {} values.", docs::code(wire))).outer();
    let mut scope = Scope::new(format!("enum `{}`", def.name.rust));
    let mut variants = Vec::with_capacity(values.len());
    let mut arms = Vec::with_capacity(values.len());
    for value in values {
        scope.declare(&value.name.rust, &def.source)?;
        let variant = ident(&value.name.rust, &def.source)?;
        let wire = &value.name.wire;
        let doc = Doc::from_docs(&value.docs, format!("Wire value: {}.", docs::code(wire))).outer();
        variants.push(quote! {
            #doc
            #[serde(rename = #wire)]
            #variant,
        });
        arms.push(quote!(Self::#variant => #wire,));
    }
    let form_value = (ctx.service.protocol == Protocol::Http).then(|| {
        quote! {
            impl crate::runtime::http::FormValue for #name {
                fn form_value(&self) -> std::borrow::Cow<'_, str> {
                    std::borrow::Cow::Borrowed(self.as_str())
                }
            }
        }
    });
    Ok(quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename = #wire)]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The value as it goes on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #(#arms)*
                }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #form_value
    })
}
