//! Namespace URIs this reader knows. Names are always compared by these URIs, never by the
//! prefixes a document happens to use.

/// WSDL 1.1 (also the namespace of the `wsdl:arrayType` attribute).
pub const WSDL: &str = "http://schemas.xmlsoap.org/wsdl/";
/// The WSDL 1.1 SOAP 1.1 binding.
pub const SOAP11: &str = "http://schemas.xmlsoap.org/wsdl/soap/";
/// The WSDL 1.1 SOAP 1.2 binding.
pub const SOAP12: &str = "http://schemas.xmlsoap.org/wsdl/soap12/";
/// SOAP 1.1 encoding (`SOAP-ENC:Array`, `SOAP-ENC:arrayType`).
pub const SOAP_ENC: &str = "http://schemas.xmlsoap.org/soap/encoding/";
/// Apache SOAP's extra types (`Map`).
pub const APACHE_SOAP: &str = "http://xml.apache.org/xml-soap";
/// The XML namespace (`xml:lang`), bound to the prefix `xml` without any declaration.
pub const XML: &str = "http://www.w3.org/XML/1998/namespace";
/// XML Schema 1.0.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema";
/// Draft XML Schema namespaces older toolkits still write; read like [`XSD`].
const XSD_DRAFTS: [&str; 2] = [
    "http://www.w3.org/1999/XMLSchema",
    "http://www.w3.org/2000/10/XMLSchema",
];

/// Whether `ns` is XML Schema, final or draft.
pub fn is_xsd(ns: &str) -> bool {
    ns == XSD || XSD_DRAFTS.contains(&ns)
}

/// Namespaces whose definitions this reader knows without a schema: importing them needs
/// no location.
pub fn is_well_known(ns: &str) -> bool {
    is_xsd(ns) || [WSDL, SOAP11, SOAP12, SOAP_ENC, APACHE_SOAP, XML].contains(&ns)
}
