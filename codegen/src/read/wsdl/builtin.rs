//! Types every WSDL may use without defining them: XML Schema's built-ins, SOAP encoding's
//! copies of them plus `Array`/`Struct`, and Apache SOAP's `Map`.

use crate::ir::{Scalar, TypeRef};

/// An XML Schema built-in type by local name; `None` for one this reader does not map (the
/// caller warns and reads it as a string).
pub fn xsd(local: &str) -> Option<TypeRef> {
    let scalar = match local {
        "anyType" => return Some(TypeRef::Dynamic),
        // Text by definition: names, tokens and references are strings on the wire.
        "string" | "normalizedString" | "token" | "anyURI" | "language" | "Name" | "NCName"
        | "NMTOKEN" | "ID" | "IDREF" | "ENTITY" | "QName" | "anySimpleType" => Scalar::String,
        "boolean" => Scalar::Boolean,
        "int" | "short" | "byte" => Scalar::Int,
        "long" | "integer" | "nonPositiveInteger" | "negativeInteger" => Scalar::Long,
        "unsignedByte" => Scalar::UnsignedByte,
        "unsignedShort" => Scalar::UnsignedShort,
        "unsignedInt" => Scalar::UnsignedInt,
        "unsignedLong" | "nonNegativeInteger" | "positiveInteger" => Scalar::UnsignedLong,
        "float" => Scalar::Float,
        "double" => Scalar::Double,
        "decimal" => Scalar::Decimal,
        "dateTime" => Scalar::DateTime,
        "date" => Scalar::Date,
        "time" => Scalar::Time,
        "duration" => Scalar::Duration,
        "base64Binary" => Scalar::Base64,
        "hexBinary" => Scalar::HexBinary,
        _ => return None,
    };
    Some(TypeRef::Scalar(scalar))
}

/// A SOAP 1.1 encoding type: the schema built-ins under SOAP-ENC, `base64`, and the untyped
/// compound values `Array` and `Struct`.
pub fn soap_encoding(local: &str) -> Option<TypeRef> {
    match local {
        "Array" => Some(TypeRef::List(Box::new(TypeRef::Dynamic))),
        "Struct" => Some(TypeRef::Dynamic),
        "base64" => Some(TypeRef::Scalar(Scalar::Base64)),
        other => xsd(other),
    }
}

/// An Apache SOAP type (`http://xml.apache.org/xml-soap`).
pub fn apache_soap(local: &str) -> Option<TypeRef> {
    match local {
        "Map" => Some(TypeRef::Map(
            Box::new(TypeRef::Dynamic),
            Box::new(TypeRef::Dynamic),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_map_as_documented() {
        let s = |t| xsd(t).unwrap();
        assert_eq!(s("token"), TypeRef::Scalar(Scalar::String));
        assert_eq!(s("unsignedShort"), TypeRef::Scalar(Scalar::UnsignedShort));
        assert_eq!(s("unsignedInt"), TypeRef::Scalar(Scalar::UnsignedInt));
        assert_eq!(s("unsignedLong"), TypeRef::Scalar(Scalar::UnsignedLong));
        assert_eq!(s("hexBinary"), TypeRef::Scalar(Scalar::HexBinary));
        assert_eq!(s("duration"), TypeRef::Scalar(Scalar::Duration));
        assert_eq!(s("float"), TypeRef::Scalar(Scalar::Float));
        assert_eq!(s("base64Binary"), TypeRef::Scalar(Scalar::Base64));
        assert_eq!(s("anyType"), TypeRef::Dynamic);
        assert_eq!(xsd("gYearMonth"), None);
        assert_eq!(soap_encoding("int"), Some(TypeRef::Scalar(Scalar::Int)));
        assert_eq!(
            soap_encoding("Array"),
            Some(TypeRef::List(Box::new(TypeRef::Dynamic)))
        );
        assert_eq!(
            apache_soap("Map"),
            Some(TypeRef::Map(
                Box::new(TypeRef::Dynamic),
                Box::new(TypeRef::Dynamic)
            ))
        );
        assert_eq!(apache_soap("Vector"), None);
    }
}
