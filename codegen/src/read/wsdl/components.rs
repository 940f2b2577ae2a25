//! The WSDL components of every `wsdl:definitions` (the main one and any imported), by
//! expanded name, and the choice of the port to generate.

use super::node::{Node, QName};
use super::ns;
use crate::diag::Diagnostic;
use crate::ir::SoapVersion;
use std::collections::BTreeMap;

/// Messages, port types and bindings by name; services in document order.
pub struct Components<'a> {
    messages: BTreeMap<QName, &'a Node>,
    port_types: BTreeMap<QName, &'a Node>,
    bindings: BTreeMap<QName, &'a Node>,
    binding_order: Vec<&'a Node>,
    services: Vec<&'a Node>,
}

/// A SOAP binding operations are generated from, and where it is served.
pub struct Port<'a> {
    /// The `wsdl:port` name, or the binding's when no port serves it; names the operations
    /// of this port that differ from another port's.
    pub name: String,
    pub binding: &'a Node,
    pub version: SoapVersion,
    /// The namespace of the binding's extension elements (`soap:` or `soap12:`).
    pub soap_ns: &'static str,
    /// `soap:address location`; empty when no service port names one.
    pub endpoint: String,
    pub service: Option<&'a Node>,
    /// The port element, or the binding without one: where diagnostics about it point.
    pub at: &'a Node,
}

impl<'a> Components<'a> {
    /// Indexes every `definitions`; a second component of the same name is warned about.
    pub fn new(definitions: impl Iterator<Item = &'a Node>, diags: &mut Vec<Diagnostic>) -> Self {
        let mut components = Self {
            messages: BTreeMap::new(),
            port_types: BTreeMap::new(),
            bindings: BTreeMap::new(),
            binding_order: Vec::new(),
            services: Vec::new(),
        };
        for root in definitions {
            let target_ns = root.attr("targetNamespace").unwrap_or_default();
            for node in root.elements().filter(|e| e.ns == ns::WSDL) {
                let map = match node.name.as_str() {
                    "message" => &mut components.messages,
                    "portType" => &mut components.port_types,
                    "binding" => {
                        components.binding_order.push(node);
                        &mut components.bindings
                    }
                    "service" => {
                        components.services.push(node);
                        continue;
                    }
                    _ => continue,
                };
                let Some(name) = node.attr("name") else {
                    diags.push(
                        node.warning(format!("wsdl:{} without a name is ignored", node.name)),
                    );
                    continue;
                };
                let key = QName::new(target_ns, name);
                if let Some(first) = map.get(&key) {
                    diags.push(node.warning(format!(
                        "wsdl:{} `{name}` is defined again (first at {}); the first is used",
                        node.name,
                        first.source()
                    )));
                    continue;
                }
                map.insert(key, node);
            }
        }
        components
    }

    /// The message named by `value` (a QName in scope at `at`); warned when undefined.
    pub fn message(&self, at: &Node, value: &str, diags: &mut Vec<Diagnostic>) -> Option<&'a Node> {
        lookup(&self.messages, "message", at, value, diags)
    }

    /// The port type named by `value` (a QName in scope at `at`); warned when undefined.
    pub fn port_type(
        &self,
        at: &Node,
        value: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<&'a Node> {
        lookup(&self.port_types, "portType", at, value, diags)
    }

    /// Every service port bound to SOAP, SOAP 1.1 first (a WSDL offering both usually
    /// describes the same operations twice, and 1.1 reaches more servers), else document
    /// order; a binding served by several ports is read once, at its first port. Without any
    /// such port, every SOAP binding (with no endpoint). Empty (an error reported) when there
    /// is no SOAP binding at all.
    pub fn ports(&self, file: &str, diags: &mut Vec<Diagnostic>) -> Vec<Port<'a>> {
        let mut ports: Vec<Port<'a>> = Vec::new();
        for &service in &self.services {
            for port in service.children(ns::WSDL, "port") {
                let Some(value) = port.attr("binding") else {
                    diags.push(port.warning("wsdl:port without a binding is ignored"));
                    continue;
                };
                let Some(binding) = lookup(&self.bindings, "binding", port, value, diags) else {
                    continue;
                };
                // HTTP GET/POST and MIME ports (beside every .NET SOAP port) are not SOAP.
                let Some((version, soap_ns)) = soap_version(binding) else {
                    continue;
                };
                if ports.iter().any(|p| std::ptr::eq(p.binding, binding)) {
                    continue;
                }
                let location = port
                    .child(soap_ns, "address")
                    .and_then(|a| a.attr("location"));
                if location.is_none() {
                    diags.push(
                        port.warning(
                            "the port has no soap:address location; the endpoint is unknown",
                        ),
                    );
                }
                ports.push(Port {
                    name: port.attr("name").unwrap_or_default().trim().to_owned(),
                    binding,
                    version,
                    soap_ns,
                    endpoint: location.unwrap_or_default().trim().to_owned(),
                    service: Some(service),
                    at: port,
                });
            }
        }
        if ports.is_empty() {
            for &binding in &self.binding_order {
                let Some((version, soap_ns)) = soap_version(binding) else {
                    continue;
                };
                diags
                    .push(binding.warning(
                        "no service port uses this SOAP binding; the endpoint is unknown",
                    ));
                ports.push(Port {
                    name: binding.attr("name").unwrap_or_default().trim().to_owned(),
                    binding,
                    version,
                    soap_ns,
                    endpoint: String::new(),
                    service: None,
                    at: binding,
                });
            }
        }
        for &binding in &self.binding_order {
            let served = ports.iter().any(|p| std::ptr::eq(p.binding, binding));
            if !served
                && ports.iter().any(|p| p.service.is_some())
                && soap_version(binding).is_some()
            {
                diags.push(binding.warning(format!(
                    "SOAP binding `{}` is served by no port; its operations are not generated",
                    binding.attr("name").unwrap_or_default()
                )));
            }
        }
        if ports.is_empty() {
            diags.push(
                Diagnostic::error(file, 0, "the WSDL has no SOAP 1.1 or SOAP 1.2 binding")
                    .with_hint(
                        "only SOAP bindings (soap:binding or soap12:binding) can be generated",
                    ),
            );
        }
        // Stable: document order within each version.
        ports.sort_by_key(|p| p.version != SoapVersion::V11);
        ports
    }
}

/// The SOAP version of a binding and the namespace of its extension elements.
fn soap_version(binding: &Node) -> Option<(SoapVersion, &'static str)> {
    [
        (SoapVersion::V11, ns::SOAP11),
        (SoapVersion::V12, ns::SOAP12),
    ]
    .into_iter()
    .find(|(_, soap_ns)| binding.child(soap_ns, "binding").is_some())
}

fn lookup<'a>(
    map: &BTreeMap<QName, &'a Node>,
    what: &str,
    at: &Node,
    value: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'a Node> {
    let name = match at.qname(value) {
        Ok(name) => name,
        Err(why) => {
            diags.push(at.warning(format!("{what} {why}")));
            return None;
        }
    };
    if let Some(found) = map.get(&name) {
        return Some(found);
    }
    let fallback = at
        .unprefixed_fallback(value)
        .and_then(|q| map.get(&q).map(|found| (q, *found)));
    if let Some((fallback, found)) = fallback {
        diags.push(at.warning(format!(
            "{what} `{value}` has no prefix and {name} is defined nowhere; {fallback} (the \
             target namespace) is used, as other SOAP stacks do"
        )));
        return Some(found);
    }
    let prefixed = at
        .prefixed_fallback(value)
        .and_then(|q| map.get(&q).map(|found| (q, *found)));
    match prefixed {
        Some((fallback, found)) => {
            diags.push(at.warning(format!(
                "{what} `{value}` ({name}) is defined nowhere; {fallback} (the target \
                 namespace) is used, as spyne names its header messages"
            )));
            Some(found)
        }
        None => {
            diags.push(at.warning(format!("{what} `{value}` ({name}) is defined nowhere")));
            None
        }
    }
}
