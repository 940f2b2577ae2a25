//! Named types: structs, enums and array aliases, with serde attributes for the wire names.

use super::Ctx;
use super::docs::{self, Doc};
use super::names::{ident, unraw};
use super::scope::Scope;
use super::typeref::{self, Place};
use crate::diag::Diagnostic;
use crate::ir::{EnumValue, Field, Placement, Protocol, TypeDef, TypeKind, TypeRef};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// The name of the map that holds a struct's further keys.
const REST_FIELD: &str = "entries";

/// Names for the field of undeclared child elements, first free one wins.
const UNDECLARED_FIELDS: [&str; 2] = ["undeclared", "undeclared_elements"];

/// The variant of an open enum that keeps a value the docs do not list.
const UNKNOWN_VARIANT: &str = "Unknown";

/// One type definition (with its impls) at `place`.
pub(super) fn type_def(ctx: &Ctx, def: &TypeDef, place: Place) -> Result<TokenStream, Diagnostic> {
    let name = ident(&def.name.rust, &def.source)?;
    let wire = &def.name.wire;
    match &def.kind {
        TypeKind::Struct { fields, rest } => {
            // A renamed type (`Circle_2`) is named as the schema names it, and where.
            let summary = match (&def.renamed_from, &def.namespace) {
                (Some(xml), Some(namespace)) => format!(
                    "The {} record of {}.",
                    docs::code(xml),
                    docs::code(namespace)
                ),
                _ => format!("The {} record.", docs::code(wire)),
            };
            let doc = Doc::from_docs(&def.docs, summary).outer();
            let answer = ctx.in_answers(def);
            let mut scope = Scope::new(format!("struct `{}`", def.name.rust));
            let mut members = Vec::with_capacity(fields.len() + 1);
            let mut blank = Vec::with_capacity(fields.len() + 1);
            for field in fields {
                scope.declare(&field.name.rust, &field.source)?;
                let member = ident(&field.name.rust, &field.source)?;
                let boxed = ctx.is_boxed(def, field);
                members.push(if answer {
                    blank.push(if field.repeated {
                        quote!(self.#member.is_empty())
                    } else {
                        quote!(self.#member.is_absent())
                    });
                    answer_field_tokens(ctx, field, place, boxed)?
                } else {
                    field_tokens(ctx, field, place, boxed)?
                });
            }
            if let Some(ty) = rest {
                scope.declare(REST_FIELD, &def.source)?;
                members.push(rest_tokens(ctx, ty, place, def)?);
                let member = ident(REST_FIELD, &def.source)?;
                blank.push(quote!(self.#member.is_empty()));
            }
            // Last: the runtime recognises the field by its place (`soap/undeclared.rs`).
            if answer && ctx.service.protocol == Protocol::Soap {
                members.push(undeclared_tokens(fields, &mut scope, def)?);
            }
            let answer_impl = answer.then(|| {
                let check = (!blank.is_empty()).then(|| {
                    quote! {
                        fn is_blank(&self) -> bool {
                            #(#blank)&&*
                        }
                    }
                });
                quote! {
                    impl crate::runtime::Answer for #name {
                        #check
                    }
                }
            });
            Ok(quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
                #[serde(rename = #wire)]
                pub struct #name {
                    #(#members)*
                }

                #answer_impl
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

/// The Rust type of a field's value: a `Secret` for a secret text (the build pass marks only
/// text fields), boxed when the field closes a cycle of structs.
fn value_type(
    ctx: &Ctx,
    field: &Field,
    place: Place,
    boxed: bool,
) -> Result<TokenStream, Diagnostic> {
    let ty = if field.secret {
        quote!(crate::runtime::Secret)
    } else {
        ctx.rust_type(&field.ty, place, &field.source)?
    };
    Ok(if boxed { quote!(Box<#ty>) } else { ty })
}

/// A field of a type only requests carry: required fields as their type, the others as
/// `Option`s (lists as possibly empty `Vec`s).
fn field_tokens(
    ctx: &Ctx,
    field: &Field,
    place: Place,
    boxed: bool,
) -> Result<TokenStream, Diagnostic> {
    let (name, doc, mut serde) = field_head(field)?;
    let ty = value_type(ctx, field, place, boxed)?;
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

/// A field of a type an answer can carry: a `runtime::Lenient` value, whatever the docs
/// say, so that a missing, empty or unreadable value never fails the call; a repeated
/// element stays a `Vec` (no occurrence: empty).
fn answer_field_tokens(
    ctx: &Ctx,
    field: &Field,
    place: Place,
    boxed: bool,
) -> Result<TokenStream, Diagnostic> {
    let (name, doc, mut serde) = field_head(field)?;
    let ty = value_type(ctx, field, place, boxed)?;
    let ty = if field.repeated {
        serde.push(quote!(default, skip_serializing_if = "Vec::is_empty"));
        ty
    } else {
        serde.push(quote!(
            default,
            skip_serializing_if = "crate::runtime::Lenient::is_absent"
        ));
        quote!(crate::runtime::Lenient<#ty>)
    };
    Ok(quote! {
        #doc
        #[serde(#(#serde),*)]
        pub #name: #ty,
    })
}

/// The serde key of an attribute named `wire` (`runtime/soap/attributes.rs`): `@name` when
/// unqualified, `@{namespace}name` when in `namespace`.
pub(super) fn attribute_key(wire: &str, namespace: Option<&str>) -> String {
    match namespace {
        Some(namespace) => format!("@{{{namespace}}}{wire}"),
        None => format!("@{wire}"),
    }
}

/// A field's identifier, its docs, and the serde attributes for its wire name and shape.
fn field_head(field: &Field) -> Result<(Ident, TokenStream, Vec<TokenStream>), Diagnostic> {
    let name = ident(&field.name.rust, &field.source)?;
    let wire = &field.name.wire;
    let mut doc = match field.placement {
        Placement::Element => Doc::with_wire(&field.docs, "name", wire),
        Placement::Attribute => Doc::with_wire(&field.docs, "attribute", wire),
        Placement::Text => Doc::from_docs(&field.docs, "The element's text."),
    };
    if let Some(note) = typeref::note(&field.ty) {
        doc.markdown(note);
    }
    let mut serde = Vec::new();
    // The SOAP runtime's convention (`runtime/soap/attributes.rs`): `@name` is an attribute,
    // `$value` the element's text.
    match field.placement {
        Placement::Attribute => {
            let key = attribute_key(wire, field.namespace.as_deref());
            serde.push(quote!(rename = #key));
        }
        Placement::Text => serde.push(quote!(rename = "$value")),
        Placement::Element if unraw(&field.name.rust) != wire => {
            serde.push(quote!(rename = #wire));
        }
        Placement::Element => {}
    }
    if field.repeated {
        serde.push(quote!(with = "crate::runtime::soap::repeated"));
    }
    Ok((name, doc.outer(), serde))
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

/// The field that keeps the child elements the schema does not declare, so that an answer
/// never loses what the server said. Not part of `runtime::Answer::is_blank`: an
/// answer with none of the documented fields is still an error (its body holds the rest).
/// Never serialized: it is no element of the type.
fn undeclared_tokens(
    fields: &[Field],
    scope: &mut Scope,
    def: &TypeDef,
) -> Result<TokenStream, Diagnostic> {
    let name = UNDECLARED_FIELDS
        .into_iter()
        .find(|name| fields.iter().all(|f| unraw(&f.name.rust) != *name))
        .unwrap_or(UNDECLARED_FIELDS[UNDECLARED_FIELDS.len() - 1]);
    scope.declare(name, &def.source)?;
    let member = ident(name, &def.source)?;
    Ok(quote! {
        /// Child elements the WSDL does not declare, as the server sent them: nothing it says
        /// is dropped. Never sent.
        #[serde(rename = "$undeclared", default, skip_serializing)]
        pub #member: Vec<crate::runtime::soap::Element>,
    })
}

fn enum_tokens(ctx: &Ctx, def: &TypeDef, values: &[EnumValue]) -> Result<TokenStream, Diagnostic> {
    let name = ident(&def.name.rust, &def.source)?;
    let wire = &def.name.wire;
    let open = ctx.in_answers(def);
    // A documented value may itself be called `Unknown`.
    let unknown = [UNKNOWN_VARIANT, "Unlisted"]
        .into_iter()
        .find(|name| values.iter().all(|v| v.name.rust != *name))
        .unwrap_or("UnlistedValue");
    let mut doc = Doc::from_docs(&def.docs, format!("The {} values.", docs::code(wire)));
    if open {
        doc.markdown(format!(
            "Open: a value the docs do not list is kept as `{unknown}`."
        ));
    }
    let doc = doc.outer();
    let mut scope = Scope::new(format!("enum `{}`", def.name.rust));
    let mut variants = Vec::with_capacity(values.len() + 1);
    let mut arms = Vec::with_capacity(values.len() + 1);
    let mut from_wire = Vec::with_capacity(values.len());
    for value in values {
        scope.declare(&value.name.rust, &def.source)?;
        let variant = ident(&value.name.rust, &def.source)?;
        let wire = &value.name.wire;
        let doc = Doc::with_wire(&value.docs, "value", wire).outer();
        let rename = (!open).then(|| quote!(#[serde(rename = #wire)]));
        variants.push(quote! {
            #doc
            #rename
            #variant,
        });
        arms.push(quote!(Self::#variant => #wire,));
        from_wire.push(quote!(#wire => Self::#variant,));
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
    if !open {
        return Ok(quote! {
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
        });
    }
    scope.declare(unknown, &def.source)?;
    let unknown = ident(unknown, &def.source)?;
    Ok(quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants)*
            /// A value the docs do not list, as the server sent it.
            #unknown(String),
        }

        impl #name {
            /// The value as it goes on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#arms)*
                    Self::#unknown(wire) => wire,
                }
            }

            /// The value a wire text stands for; one the docs do not list is kept as it is.
            pub fn from_wire(wire: &str) -> Self {
                match wire {
                    #(#from_wire)*
                    other => Self::#unknown(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let wire = String::deserialize(deserializer)?;
                Ok(Self::from_wire(&wire))
            }
        }

        impl crate::runtime::Answer for #name {}

        #form_value
    })
}
