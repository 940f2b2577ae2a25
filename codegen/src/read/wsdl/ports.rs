//! The operations of every SOAP port, as one list: a WSDL with several bindings (SOAP 1.1 and
//! 1.2, or one per audience) describes each operation once per binding.
//!
//! Ports come SOAP 1.1 first ([`Components::ports`]). An operation another port already
//! gave, bound the same way (same parts, wrappers, style and use; version, action and address
//! aside), is left out and reported. One bound differently is kept under a distinct name,
//! `<operation>_<port>`. A port type operation no binding binds is reported once.

use super::components::{Components, Port};
use super::node::Node;
use super::operations;
use super::xsd::Types;
use crate::diag::{Diagnostic, Item};
use crate::ir::{Binding, Name, Operation, Source};
use std::collections::BTreeSet;

/// Every operation of every port in `ports`, in port order then binding order.
pub fn read(
    components: &Components<'_>,
    ports: &[Port<'_>],
    types: &mut Types<'_>,
    target_ns: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Operation> {
    let mut operations: Vec<(Operation, usize)> = Vec::new();
    let mut bound: BTreeSet<Source> = BTreeSet::new();
    let mut unbound: Vec<&Node> = Vec::new();
    for (index, port) in ports.iter().enumerate() {
        let read = operations::read(components, port, types, target_ns, diags);
        bound.extend(read.bound.iter().map(|op| op.source()));
        unbound.extend(read.unbound);
        for operation in read.operations {
            if let Some(operation) = distinct(operation, port, ports, &operations, diags) {
                operations.push((operation, index));
            }
        }
    }
    let mut reported = BTreeSet::new();
    for op in unbound {
        let at = op.source();
        if !bound.contains(&at) && reported.insert(at) {
            let name = op.attr("name").unwrap_or_default();
            diags.push(
                op.warning(format!("operation `{name}` has no SOAP binding; skipped"))
                    .skipping(Item::Operation, name),
            );
        }
    }
    operations.into_iter().map(|(op, _)| op).collect()
}

/// `operation` of `port`, unless an earlier port gave the same operation: then `None`
/// (reported), or the operation renamed when it is bound differently.
fn distinct(
    mut operation: Operation,
    port: &Port<'_>,
    ports: &[Port<'_>],
    earlier: &[(Operation, usize)],
    diags: &mut Vec<Diagnostic>,
) -> Option<Operation> {
    let name = operation.name.wire.clone();
    let Some((first, first_port)) = earlier.iter().find(|(op, _)| op.name.wire == name) else {
        return Some(operation);
    };
    let first_port = ports.get(*first_port).map_or("", |p| p.name.as_str());
    if same_call(first, &operation) {
        diags.push(
            port.at
                .warning(format!(
                    "operation `{name}` of port `{}` is bound as port `{first_port}` binds it; \
                     that one is generated",
                    port.name
                ))
                .skipping(Item::Operation, &name),
        );
        return None;
    }
    let suffixed = format!("{name}_{}", port.name);
    let renamed = if earlier.iter().any(|(op, _)| op.name.wire == suffixed) {
        (2..)
            .map(|n| format!("{suffixed}_{n}"))
            .find(|candidate| earlier.iter().all(|(op, _)| op.name.wire != *candidate))
            .unwrap_or(suffixed)
    } else {
        suffixed
    };
    diags.push(port.at.warning(format!(
        "operation `{name}` of port `{}` is bound differently from port `{first_port}`'s; it \
         is generated as `{renamed}`",
        port.name
    )));
    operation
        .docs
        .details
        .push(format!("`{name}` as port `{}` binds it.", port.name));
    operation.name = Name::wire(renamed);
    Some(operation)
}

/// Whether two operations make the same call, whatever SOAP version, action and address
/// carry it.
fn same_call(a: &Operation, b: &Operation) -> bool {
    let (Binding::Soap(x), Binding::Soap(y)) = (&a.binding, &b.binding) else {
        return false;
    };
    a.params == b.params
        && a.output == b.output
        && (x.style, x.body_use, x.bare, x.all_parts) == (y.style, y.body_use, y.bare, y.all_parts)
        && (&x.namespace, &x.request_element, &x.response_element)
            == (&y.namespace, &y.request_element, &y.response_element)
}
