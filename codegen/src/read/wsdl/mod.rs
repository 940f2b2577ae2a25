//! WSDL 1.1 reader (xmltree): types, messages, port types, SOAP 1.1/1.2 bindings and the
//! service address, into IR types and operations. Never touches the network.
//!
//! The stages, one module each:
//! - [`decode`]: bytes to UTF-8 text (UTF-8 with or without BOM, ISO-8859-1, US-ASCII);
//! - [`node`] (with [`scan`]): text to an element tree with lines and namespaced attributes;
//!   DTDs are refused, so no entity is ever expanded;
//! - [`documents`]: local `wsdl:import`/`xsd:import`/`xsd:include` through the caller's
//!   callback (remote locations are warned about, never fetched);
//! - [`xsd`]: schemas to [`TypeDef`]s and type references;
//! - [`components`]: messages, port types, bindings and the SOAP ports;
//! - [`operations`]: one binding's operations;
//! - [`ports`]: every port's operations as one list.
//!
//! Every name (`type="tns:Foo"`, `message=`, `binding=`, `wsdl:arrayType`) is resolved by
//! namespace URI with the namespaces in scope where it is written, never by its prefix.
//!
//! Which ports: every service port bound to SOAP, SOAP 1.1 first; an operation a later port
//! binds the same way is reported and left out, one it binds differently is kept under
//! another name (see [`ports`]).

mod builtin;
mod components;
mod decode;
mod docs;
mod documents;
mod headers;
mod node;
mod ns;
mod operations;
mod ports;
mod scan;
mod xsd;

use super::Read;
use crate::diag::Diagnostic;
use crate::ir::{Docs, Operation, TypeDef};

/// What a WSDL defines, ready for [`crate::build`].
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Wsdl {
    /// `definitions/@name`, or the service name.
    pub name: String,
    pub target_namespace: String,
    pub docs: Docs,
    /// Every named type of every schema, sorted by name. SOAP-ENC arrays are `TypeKind::Array`.
    pub types: Vec<TypeDef>,
    /// Every operation of every SOAP port, sorted by name, parts in message order, `role`
    /// always `Input`, `idempotent` false.
    pub operations: Vec<Operation>,
}

/// Reads a WSDL. `import` returns the bytes of a local file named by an `import`/`include`
/// location (relative to this WSDL), or `None` when there is no such local file.
///
/// Diagnostics come sorted and without duplicates. There is no value when the document cannot
/// be decoded or parsed, or is not a WSDL.
pub fn read(file: &str, bytes: &[u8], import: &dyn Fn(&str) -> Option<Vec<u8>>) -> Read<Wsdl> {
    let mut diagnostics = Vec::new();
    let value = read_wsdl(file, bytes, import, &mut diagnostics);
    diagnostics.sort();
    diagnostics.dedup();
    Read { value, diagnostics }
}

fn read_wsdl(
    file: &str,
    bytes: &[u8],
    import: &dyn Fn(&str) -> Option<Vec<u8>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Wsdl> {
    let text = decode::decode(file, bytes)
        .map_err(|d| diags.push(d))
        .ok()?;
    let root = node::parse(file, &text, diags)?;
    if !root.is(ns::WSDL, "definitions") {
        diags.push(
            root.error(format!(
                "the root element is {{{}}}{}, not wsdl:definitions",
                root.ns, root.name
            ))
            .with_hint(format!(
                "a WSDL 1.1 document starts with <definitions xmlns=\"{}\">",
                ns::WSDL
            )),
        );
        return None;
    }
    let documents = documents::load(file, root, import, diags);
    let main = &documents.first()?.root;
    let target_namespace = main
        .attr("targetNamespace")
        .unwrap_or_default()
        .trim()
        .to_owned();
    let mut types = xsd::Types::build(&documents::schemas(&documents), diags);
    let components = components::Components::new(documents::definitions(&documents), diags);
    let ports = components.ports(file, diags);
    let mut operations = ports::read(&components, &ports, &mut types, &target_namespace, diags);
    operations.sort_by(|a, b| a.name.wire.cmp(&b.name.wire));
    let service = ports.iter().find_map(|p| p.service);
    let name = main
        .attr("name")
        .or(service.and_then(|s| s.attr("name")))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let mut docs = docs::wsdl(main);
    if docs.summary.is_none()
        && let Some(service) = service
    {
        docs = docs::wsdl(service);
    }
    Some(Wsdl {
        name,
        target_namespace,
        docs,
        types: types.into_defs(),
        operations,
    })
}
