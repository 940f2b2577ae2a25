//! How an IR [`TypeRef`] is spelled in Rust, from wherever the generated code stands.

use super::{Ctx, names};
use crate::diag::Diagnostic;
use crate::ir::{Scalar, Source, TypeDef, TypeKind, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// The generated module a piece of code is in, for paths to named types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place<'a> {
    /// The service's `mod.rs`, which re-exports `types`.
    Root,
    /// The service's `types.rs`: types outside any group.
    Types,
    /// A group's module, by the group's wire name.
    Group(&'a str),
    /// A submodule of the service's `mod.rs` (the mock server's `mock.rs`).
    Child,
}

/// What a type reference is, once a named type is looked up.
#[derive(Debug, Clone, Copy)]
pub(super) enum Shape<'a> {
    Scalar(Scalar),
    Struct,
    Enum,
    /// An inline list or a named array type, by item type.
    List(&'a TypeRef),
    /// An `xsd:list`: one text holding the items.
    TextList,
    Map(&'a TypeRef, &'a TypeRef),
    Dynamic,
}

impl<'a> Ctx<'a> {
    /// The owned Rust type of a value (a field, a response).
    pub(super) fn rust_type(
        &self,
        ty: &TypeRef,
        place: Place,
        at: &Source,
    ) -> Result<TokenStream, Diagnostic> {
        Ok(match ty {
            TypeRef::Scalar(scalar) => scalar_type(*scalar),
            TypeRef::Named { group, name } => {
                let def = self.type_def(group.as_deref(), name, at)?;
                match self.any_name(def) {
                    // Where the base is expected, a derived type may come (`derived.rs`).
                    Some(any) => self.path_to(def, &any, place, at)?,
                    None => self.type_path(def, place, at)?,
                }
            }
            TypeRef::List(item) => {
                let item = self.rust_type(item, place, at)?;
                quote!(Vec<#item>)
            }
            TypeRef::TextList(item) => {
                let item = self.rust_type(item, place, at)?;
                quote!(crate::runtime::XsdList<#item>)
            }
            TypeRef::Map(key, value) => {
                let key = self.rust_type(key, place, at)?;
                let value = self.rust_type(value, place, at)?;
                quote!(Vec<(#key, #value)>)
            }
            TypeRef::Dynamic => quote!(crate::runtime::Value),
        })
    }

    /// The path to a named type from `place`.
    pub(super) fn type_path(
        &self,
        def: &TypeDef,
        place: Place,
        at: &Source,
    ) -> Result<TokenStream, Diagnostic> {
        self.path_to(def, &def.name.rust, place, at)
    }

    /// The path to the item `name` defined beside `def`, from `place`.
    fn path_to(
        &self,
        def: &TypeDef,
        name: &str,
        place: Place,
        at: &Source,
    ) -> Result<TokenStream, Diagnostic> {
        let name = names::ident(name, &def.source)?;
        Ok(match (def.group.as_deref(), place) {
            (None, Place::Types) => quote!(#name),
            (None, Place::Root) => quote!(types::#name),
            (None, Place::Group(_) | Place::Child) => quote!(super::types::#name),
            (Some(group), Place::Group(here)) if group == here => quote!(#name),
            (Some(group), Place::Root) => {
                let module = self.group_module(group, at)?;
                quote!(#module::#name)
            }
            (Some(group), Place::Types | Place::Group(_) | Place::Child) => {
                let module = self.group_module(group, at)?;
                quote!(super::#module::#name)
            }
        })
    }

    /// What `ty` is, named types looked up.
    pub(super) fn shape(&self, ty: &'a TypeRef, at: &Source) -> Result<Shape<'a>, Diagnostic> {
        Ok(match ty {
            TypeRef::Scalar(scalar) => Shape::Scalar(*scalar),
            TypeRef::Named { group, name } => {
                let def = self.type_def(group.as_deref(), name, at)?;
                match &def.kind {
                    TypeKind::Struct { .. } => Shape::Struct,
                    TypeKind::Enum { .. } => Shape::Enum,
                    TypeKind::Array { item, .. } => Shape::List(item),
                }
            }
            TypeRef::List(item) => Shape::List(item),
            TypeRef::TextList(_) => Shape::TextList,
            TypeRef::Map(key, value) => Shape::Map(key, value),
            TypeRef::Dynamic => Shape::Dynamic,
        })
    }
}

/// The Rust type of a scalar.
pub(super) fn scalar_type(scalar: Scalar) -> TokenStream {
    match scalar {
        Scalar::String => quote!(String),
        Scalar::Boolean => quote!(bool),
        Scalar::Int => quote!(i32),
        Scalar::Long => quote!(i64),
        Scalar::UnsignedByte => quote!(u8),
        Scalar::UnsignedShort => quote!(u16),
        Scalar::UnsignedInt => quote!(u32),
        Scalar::UnsignedLong => quote!(u64),
        Scalar::DateTime => quote!(crate::runtime::DateTime),
        Scalar::Date => quote!(crate::runtime::Date),
        Scalar::Time => quote!(crate::runtime::Time),
        Scalar::Duration => quote!(crate::runtime::Duration),
        Scalar::Base64 => quote!(crate::runtime::Base64),
        Scalar::HexBinary => quote!(crate::runtime::HexBinary),
        Scalar::Float | Scalar::Double => quote!(f64),
        Scalar::Decimal => quote!(crate::runtime::Decimal),
        Scalar::UnixTime => quote!(crate::runtime::UnixTime),
        Scalar::Xml => quote!(crate::runtime::soap::Xml),
    }
}

/// What a reader of the docs must know about how a value is kept beyond its Rust type.
pub(super) fn note(ty: &TypeRef) -> Option<&'static str> {
    match ty {
        TypeRef::Scalar(Scalar::DateTime) => Some(
            "Without a zone on the wire, it has no `timestamp()`: XSD leaves that moment open.",
        ),
        TypeRef::Scalar(Scalar::Xml) => {
            Some("The request element's whole content, as XML markup; `None` sends it empty.")
        }
        TypeRef::List(item) | TypeRef::TextList(item) => note(item),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::fixtures;

    fn spell(ctx: &Ctx, ty: &TypeRef, place: Place) -> String {
        ctx.rust_type(ty, place, &Source::default())
            .map(|t| t.to_string().replace(' ', ""))
            .unwrap_or_else(|e| e.message)
    }

    #[test]
    fn spells_scalars_and_containers() {
        let service = fixtures::soap_service();
        let ctx = Ctx::new(&service, &super::super::Package::default());
        let cases = [
            (TypeRef::Scalar(Scalar::String), "String"),
            (TypeRef::Scalar(Scalar::Boolean), "bool"),
            (TypeRef::Scalar(Scalar::Int), "i32"),
            (TypeRef::Scalar(Scalar::Long), "i64"),
            (TypeRef::Scalar(Scalar::Float), "f64"),
            (TypeRef::Scalar(Scalar::Double), "f64"),
            (TypeRef::Scalar(Scalar::Decimal), "crate::runtime::Decimal"),
            (TypeRef::Scalar(Scalar::UnsignedLong), "u64"),
            (TypeRef::Scalar(Scalar::UnsignedByte), "u8"),
            (
                TypeRef::Scalar(Scalar::DateTime),
                "crate::runtime::DateTime",
            ),
            (TypeRef::Scalar(Scalar::Date), "crate::runtime::Date"),
            (TypeRef::Scalar(Scalar::Base64), "crate::runtime::Base64"),
            (
                TypeRef::Scalar(Scalar::HexBinary),
                "crate::runtime::HexBinary",
            ),
            (
                TypeRef::Scalar(Scalar::UnixTime),
                "crate::runtime::UnixTime",
            ),
            (TypeRef::Dynamic, "crate::runtime::Value"),
            (
                TypeRef::List(Box::new(TypeRef::Scalar(Scalar::Int))),
                "Vec<i32>",
            ),
            (
                TypeRef::Map(
                    Box::new(TypeRef::Scalar(Scalar::String)),
                    Box::new(TypeRef::Dynamic),
                ),
                "Vec<(String,crate::runtime::Value)>",
            ),
        ];
        for (ty, expected) in cases {
            assert_eq!(spell(&ctx, &ty, Place::Types), expected);
        }
    }

    #[test]
    fn paths_to_named_types_depend_on_place() {
        let service = fixtures::http_service();
        let ctx = Ctx::new(&service, &super::super::Package::default());
        let grouped = TypeRef::Named {
            group: Some("enterpriseemail".into()),
            name: "renew_response".into(),
        };
        assert_eq!(
            spell(&ctx, &grouped, Place::Group("enterpriseemail")),
            "RenewResponse"
        );
        assert_eq!(
            spell(&ctx, &grouped, Place::Group("other")),
            "super::enterpriseemail::RenewResponse"
        );
        assert_eq!(
            spell(&ctx, &grouped, Place::Types),
            "super::enterpriseemail::RenewResponse"
        );
        assert_eq!(
            spell(&ctx, &grouped, Place::Root),
            "enterpriseemail::RenewResponse"
        );
        let shared = TypeRef::Named {
            group: None,
            name: "invoice_option".into(),
        };
        assert_eq!(
            spell(&ctx, &shared, Place::Group("enterpriseemail")),
            "super::types::InvoiceOption"
        );
        assert_eq!(spell(&ctx, &shared, Place::Root), "types::InvoiceOption");
        assert_eq!(spell(&ctx, &shared, Place::Types), "InvoiceOption");
    }

    #[test]
    fn an_undefined_type_is_an_error_at_the_reference() {
        let service = fixtures::soap_service();
        let ctx = Ctx::new(&service, &super::super::Package::default());
        let at = Source {
            file: "myapi.wsdl".into(),
            line: 42,
        };
        let ty = TypeRef::List(Box::new(TypeRef::Named {
            group: None,
            name: "nope".into(),
        }));
        let err = ctx.rust_type(&ty, Place::Root, &at).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("myapi.wsdl", 42));
        assert!(
            err.message
                .contains("type `nope` is referenced but not defined"),
            "{}",
            err.message
        );
    }

    #[test]
    fn notes_what_the_type_does_not_say() {
        assert!(note(&TypeRef::List(Box::new(TypeRef::Scalar(Scalar::DateTime)))).is_some());
        assert!(note(&TypeRef::Scalar(Scalar::String)).is_none());
    }
}
