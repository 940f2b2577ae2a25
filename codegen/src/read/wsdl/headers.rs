//! `soap:header` in a binding operation's input and output: each names a message part whose
//! global element goes in the SOAP Header. Headers are always literal elements (SOAP-encoded
//! headers are rare and are read the same way); a part with `type=` instead of `element=` has
//! no element name to send and is skipped with a warning.

use super::components::Components;
use super::docs;
use super::node::Node;
use super::ns;
use super::xsd::Types;
use crate::diag::{Diagnostic, Item};
use crate::ir::{Name, SoapHeader, SoapHeaders};

/// The headers of the binding operation `concrete` (operation `name`).
pub(super) fn read(
    components: &Components<'_>,
    concrete: &Node,
    soap_ns: &str,
    name: &str,
    types: &mut Types<'_>,
    diags: &mut Vec<Diagnostic>,
) -> SoapHeaders {
    let mut of = |io: &str| -> Vec<SoapHeader> {
        let Some(io) = concrete.child(ns::WSDL, io) else {
            return Vec::new();
        };
        io.elements()
            .filter(|e| e.is(soap_ns, "header"))
            .filter_map(|header| one(components, header, name, types, diags))
            .collect()
    };
    SoapHeaders {
        input: of("input"),
        output: of("output"),
    }
}

fn one(
    components: &Components<'_>,
    header: &Node,
    name: &str,
    types: &mut Types<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<SoapHeader> {
    let skip = |diags: &mut Vec<Diagnostic>, why: String| {
        diags.push(
            header
                .warning(format!("soap:header of `{name}` is skipped: {why}"))
                .skipping(Item::Header, name),
        );
    };
    let (Some(message), Some(part_name)) = (header.attr("message"), header.attr("part")) else {
        skip(diags, "it needs message= and part=".to_owned());
        return None;
    };
    let message = components.message(header, message, diags)?;
    let Some(part) = message
        .elements()
        .find(|p| p.is(ns::WSDL, "part") && p.attr("name") == Some(part_name))
    else {
        skip(diags, format!("its message has no part `{part_name}`"));
        return None;
    };
    let Some(element) = part.attr("element") else {
        skip(diags, format!("part `{part_name}` has no element="));
        return None;
    };
    let what = format!("header part `{part_name}` of `{name}`");
    let element = types.element(part, &what, element, diags)?;
    let mut docs = docs::wsdl(part);
    if docs.summary.is_none() {
        docs = docs::wsdl(header);
    }
    Some(SoapHeader {
        name: Name::wire(part_name),
        element: element.name.local,
        namespace: element.name.ns,
        ty: element.ty,
        docs,
        source: header.source(),
    })
}
