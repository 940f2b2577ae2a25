//! Derived types: a generated enum (serde name [`DERIVED_ENUM`]) of a base struct and the
//! structs extending it, the base first, each variant named by its type's expanded name
//! (`{namespace}local`, or `local` for a type in no namespace). Decoding picks the variant
//! whose namespace URI and local name the element's `xsi:type` names (its prefix resolved
//! where the element is, so neither a prefix bound to another namespace nor a same-named type
//! of another namespace is taken for it), else the base: an unknown derived type still
//! decodes, its extra children kept as undeclared. Only an element read as such an enum
//! looks at its `xsi:type`. Sending a variant writes its `xsi:type`, in literal use too.

use super::attributes::split_expanded;
use super::xml::DecodeError;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, EnumAccess, VariantAccess, Visitor};

/// The serde name of a generated derived-types enum.
pub const DERIVED_ENUM: &str = "$derived";

/// The variant for `xsi_type` (namespace URI, local name) among `variants`, the base (first)
/// when it names none of them.
pub(super) fn variant(
    xsi_type: Option<(&str, &str)>,
    variants: &'static [&'static str],
) -> &'static str {
    xsi_type
        .and_then(|named| variants.iter().find(|v| split_expanded(v) == named))
        .or(variants.first())
        .copied()
        .unwrap_or_default()
}

/// An element decoded as the variant `variant` of a derived-types enum.
pub(super) struct Selected<D> {
    pub variant: &'static str,
    pub element: D,
}

impl<'a, D: de::Deserializer<'a, Error = DecodeError>> EnumAccess<'a> for Selected<D> {
    type Error = DecodeError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'a>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self), DecodeError> {
        let tag = seed.deserialize(BorrowedStrDeserializer::new(self.variant))?;
        Ok((tag, self))
    }
}

impl<'a, D: de::Deserializer<'a, Error = DecodeError>> VariantAccess<'a> for Selected<D> {
    type Error = DecodeError;

    fn unit_variant(self) -> Result<(), DecodeError> {
        Err(DecodeError::invalid("a derived type without content"))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(
        self,
        seed: T,
    ) -> Result<T::Value, DecodeError> {
        seed.deserialize(self.element)
    }

    fn tuple_variant<V: Visitor<'a>>(
        self,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, DecodeError> {
        Err(DecodeError::invalid("a derived type as a tuple"))
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, DecodeError> {
        Err(DecodeError::invalid("a derived type as an inline struct"))
    }
}
