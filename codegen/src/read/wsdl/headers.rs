//! `soap:header` in a binding operation's input and output: each names a message part that
//! goes in the SOAP Header as one element.
//!
//! A part declared with `element=` is that global element. A part declared with `type=` is
//! an element named after the part, in the `soap:header`'s `namespace=` attribute, and in no
//! namespace without one: the rule WSDL 1.1 gives an rpc part's accessor (§3.5, `namespace`
//! is for encoded use), and what PHP ext/soap's SoapClient and SoapServer do (they name the
//! header after the part and qualify it only by `namespace=`, also matching a received header
//! by that name alone). `use="encoded"` headers carry the `xsi:type` of their type, like
//! encoded parts.

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
    let what = format!("header part `{part_name}` of `{name}`");
    let (element, namespace, ty) = match (part.attr("element"), part.attr("type")) {
        (Some(element), _) => {
            let element = types.element(part, &what, element, diags)?;
            (element.name.local, element.name.ns, element.ty)
        }
        (None, Some(ty)) => {
            let namespace = header.attr("namespace").map(str::trim).unwrap_or_default();
            let ty = types.type_ref(part, &what, ty, diags);
            (part_name.to_owned(), namespace.to_owned(), ty)
        }
        (None, None) => {
            skip(
                diags,
                format!("part `{part_name}` has neither element= nor type="),
            );
            return None;
        }
    };
    let mut docs = docs::wsdl(part);
    if docs.summary.is_none() {
        docs = docs::wsdl(header);
    }
    Some(SoapHeader {
        name: Name::wire(part_name),
        element,
        namespace,
        ty,
        encoded: header.attr("use").map(str::trim) == Some("encoded"),
        docs,
        source: header.source(),
    })
}
