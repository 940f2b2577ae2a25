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

/// The binding operations are generated from, and where it is served.
pub struct Port<'a> {
    pub binding: &'a Node,
    pub version: SoapVersion,
    /// The namespace of the binding's extension elements (`soap:` or `soap12:`).
    pub soap_ns: &'static str,
    /// `soap:address location`; empty when no service port names one.
    pub endpoint: String,
    pub service: Option<&'a Node>,
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

    /// The first service port whose binding is SOAP 1.1, else the first SOAP 1.2 one; without
    /// any such port, the first SOAP binding (with no endpoint). `None` (an error reported)
    /// when there is no SOAP binding at all.
    pub fn choose_port(&self, file: &str, diags: &mut Vec<Diagnostic>) -> Option<Port<'a>> {
        let mut ports = Vec::new();
        for &service in &self.services {
            for port in service.children(ns::WSDL, "port") {
                let Some(value) = port.attr("binding") else {
                    diags.push(port.warning("wsdl:port without a binding is ignored"));
                    continue;
                };
                let Some(binding) = lookup(&self.bindings, "binding", port, value, diags) else {
                    continue;
                };
                if let Some((version, soap_ns)) = soap_version(binding) {
                    ports.push((version, soap_ns, binding, port, service));
                }
            }
        }
        let chosen = [SoapVersion::V11, SoapVersion::V12]
            .iter()
            .find_map(|v| ports.iter().find(|p| p.0 == *v));
        if let Some(&(version, soap_ns, binding, port, service)) = chosen {
            let location = port
                .child(soap_ns, "address")
                .and_then(|a| a.attr("location"));
            if location.is_none() {
                diags.push(
                    port.warning("the port has no soap:address location; the endpoint is unknown"),
                );
            }
            let endpoint = location.unwrap_or_default().trim().to_owned();
            return Some(Port {
                binding,
                version,
                soap_ns,
                endpoint,
                service: Some(service),
            });
        }
        let bindings: Vec<_> = self
            .binding_order
            .iter()
            .filter_map(|&b| soap_version(b).map(|(v, soap_ns)| (v, soap_ns, b)))
            .collect();
        let binding = [SoapVersion::V11, SoapVersion::V12]
            .iter()
            .find_map(|v| bindings.iter().find(|b| b.0 == *v));
        match binding {
            Some(&(version, soap_ns, binding)) => {
                diags.push(
                    binding.warning("no service port uses a SOAP binding; the endpoint is unknown"),
                );
                Some(Port {
                    binding,
                    version,
                    soap_ns,
                    endpoint: String::new(),
                    service: None,
                })
            }
            None => {
                diags.push(
                    Diagnostic::error(file, 0, "the WSDL has no SOAP 1.1 or SOAP 1.2 binding")
                        .with_hint(
                            "only SOAP bindings (soap:binding or soap12:binding) can be generated",
                        ),
                );
                None
            }
        }
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
    match fallback {
        Some((fallback, found)) => {
            diags.push(at.warning(format!(
                "{what} `{value}` has no prefix and {name} is defined nowhere; {fallback} (the \
                 target namespace) is used, as other SOAP stacks do"
            )));
            Some(found)
        }
        None => {
            diags.push(at.warning(format!("{what} `{value}` ({name}) is defined nowhere")));
            None
        }
    }
}
