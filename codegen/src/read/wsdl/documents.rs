//! The WSDL and every local document it pulls in through `wsdl:import`, `xsd:import` and
//! `xsd:include`. Only local files are read, through the caller's `import` callback; a remote
//! location is never fetched (a warning says so), and imports of namespaces this reader knows
//! built in (SOAP encoding, WSDL, XML Schema, Apache SOAP) are skipped without a word.

use super::node::{self, Node};
use super::{decode, ns};
use crate::diag::{Diagnostic, Item};
use std::collections::BTreeSet;

/// A parsed document: a `wsdl:definitions` or an `xsd:schema`.
#[derive(Debug)]
pub struct Document {
    pub root: Node,
    /// The namespace an included schema without `targetNamespace` takes from its includer.
    chameleon_ns: Option<String>,
}

/// A schema and the namespace it defines its components in.
pub struct Schema<'a> {
    pub node: &'a Node,
    pub target_ns: String,
}

/// Something a document asks to read.
struct Request {
    location: String,
    /// The namespace it is expected to define, for `xsd:import`.
    namespace: Option<String>,
    /// For `xsd:include`: the includer's target namespace.
    include_into: Option<String>,
    file: String,
    line: u32,
}

/// Reads every local document reachable from `root` (the WSDL named `file`). The main document
/// comes first. `import` gets locations relative to the WSDL's folder.
pub fn load(
    file: &str,
    root: Node,
    import: &dyn Fn(&str) -> Option<Vec<u8>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    let main_location = file
        .rsplit_once('/')
        .map_or(file, |(_, name)| name)
        .to_owned();
    let mut locations = vec![main_location.clone()];
    let mut seen = BTreeSet::from([main_location]);
    let mut docs = vec![Document {
        root,
        chameleon_ns: None,
    }];
    let mut unlocated: Vec<(String, String, u32)> = Vec::new();
    let mut index = 0;
    while let Some(doc) = docs.get(index) {
        let from_dir = parent(locations.get(index).map_or("", String::as_str)).to_owned();
        for request in requests(doc, &mut unlocated, diags) {
            let Some(location) = local_location(&from_dir, &request, diags) else {
                continue;
            };
            if !seen.insert(location.clone()) {
                continue;
            }
            if let Some(doc) = read_one(file, &location, &request, import, diags) {
                docs.push(doc);
                locations.push(location);
            }
        }
        index += 1;
    }
    let defined: BTreeSet<String> = schemas(&docs).into_iter().map(|s| s.target_ns).collect();
    for (namespace, file, line) in unlocated {
        if !defined.contains(&namespace) {
            diags.push(
                Diagnostic::warning(&file, line, format!("namespace `{namespace}` is imported without a schemaLocation and defined nowhere here"))
                    .with_hint("its types will be unknown; add a local schemaLocation")
                    .skipping(Item::Import, &namespace),
            );
        }
    }
    docs
}

/// Every schema of every document, in document order.
pub fn schemas(docs: &[Document]) -> Vec<Schema<'_>> {
    let mut out = Vec::new();
    for doc in docs {
        let root = &doc.root;
        if root.is(ns::WSDL, "definitions") {
            for types in root.children(ns::WSDL, "types") {
                for schema in types.elements().filter(|e| is_schema(e)) {
                    out.push(Schema {
                        node: schema,
                        target_ns: schema
                            .attr("targetNamespace")
                            .unwrap_or_default()
                            .to_owned(),
                    });
                }
            }
        } else if is_schema(root) {
            let declared = root.attr("targetNamespace").map(str::to_owned);
            let target_ns = declared
                .or_else(|| doc.chameleon_ns.clone())
                .unwrap_or_default();
            out.push(Schema {
                node: root,
                target_ns,
            });
        }
    }
    out
}

/// Every `wsdl:definitions` root, the main WSDL first.
pub fn definitions(docs: &[Document]) -> impl Iterator<Item = &Node> {
    docs.iter()
        .map(|d| &d.root)
        .filter(|r| r.is(ns::WSDL, "definitions"))
}

fn is_schema(node: &Node) -> bool {
    ns::is_xsd(&node.ns) && node.name == "schema"
}

/// What `doc` imports or includes. Imports of a well-known namespace are dropped; imports
/// without a location are noted in `unlocated` as (namespace, file, line).
fn requests(
    doc: &Document,
    unlocated: &mut Vec<(String, String, u32)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Request> {
    let mut out = Vec::new();
    let at = |node: &Node,
              location: &str,
              namespace: Option<&str>,
              include_into: Option<String>| Request {
        location: location.to_owned(),
        namespace: namespace.map(str::to_owned),
        include_into,
        file: node.file.to_string(),
        line: node.line,
    };
    for import in doc.root.children(ns::WSDL, "import") {
        let namespace = import.attr("namespace");
        match import.attr("location") {
            _ if namespace.is_some_and(ns::is_well_known) => {}
            Some(location) => out.push(at(import, location, namespace, None)),
            None => diags.push(import.warning("wsdl:import without a location is ignored")),
        }
    }
    for schema in schemas(std::slice::from_ref(doc)) {
        for child in schema.node.elements().filter(|e| ns::is_xsd(&e.ns)) {
            let namespace = child.attr("namespace");
            let location = child.attr("schemaLocation");
            match (child.name.as_str(), location) {
                ("import", _) if namespace.is_some_and(ns::is_well_known) => {}
                ("import", Some(location)) => out.push(at(child, location, namespace, None)),
                ("import", None) => unlocated.push((
                    namespace.unwrap_or_default().to_owned(),
                    child.file.to_string(),
                    child.line,
                )),
                ("include", Some(location)) => {
                    out.push(at(child, location, None, Some(schema.target_ns.clone())))
                }
                ("include" | "redefine", _) => {
                    diags.push(
                        child
                            .warning(format!(
                                "xsd:{} without a usable schemaLocation is ignored",
                                child.name
                            ))
                            .skipping(Item::Import, ""),
                    );
                }
                _ => {}
            }
        }
    }
    out
}

/// The location relative to the WSDL's folder, or `None` (with a warning) when it is not a
/// relative path: remote documents are never fetched.
fn local_location(
    from_dir: &str,
    request: &Request,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let location = request.location.trim();
    let lower = location.to_ascii_lowercase();
    let warning = |message: String| {
        Diagnostic::warning(&request.file, request.line, message).skipping(Item::Import, location)
    };
    if lower.starts_with("http://") || lower.starts_with("https://") {
        diags.push(
            warning(format!("remote document `{location}` is not fetched"))
                .with_hint("save it beside the WSDL and point the location at the local copy; meanwhile its types are unknown"),
        );
        return None;
    }
    if location.is_empty() || location.contains(':') || location.starts_with(['/', '\\']) {
        diags.push(warning(format!(
            "location `{location}` is not a relative path; it is not read"
        )));
        return None;
    }
    Some(join(from_dir, location))
}

/// Reads, decodes and parses one imported document.
fn read_one(
    wsdl_file: &str,
    location: &str,
    request: &Request,
    import: &dyn Fn(&str) -> Option<Vec<u8>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let file = join(parent(wsdl_file), location);
    let Some(bytes) = import(location) else {
        diags.push(
            Diagnostic::warning(
                &request.file,
                request.line,
                format!("imported file `{location}` cannot be read"),
            )
            .with_hint("its types will be unknown; only files inside the WSDL's folder are read")
            .skipping(Item::Import, location),
        );
        return None;
    };
    let text = decode::decode(&file, &bytes)
        .map_err(|d| diags.push(d))
        .ok()?;
    let root = node::parse(&file, &text, diags)?;
    if !(root.is(ns::WSDL, "definitions") || is_schema(&root)) {
        diags.push(
            root.warning(
                "an imported document must be a wsdl:definitions or an xsd:schema; ignored",
            )
            .skipping(Item::Import, location),
        );
        return None;
    }
    let declared = root.attr("targetNamespace");
    let expected = request
        .namespace
        .as_deref()
        .or(request.include_into.as_deref());
    if let (Some(declared), Some(expected)) = (declared, expected)
        && declared != expected
    {
        diags.push(root.warning(format!(
            "targetNamespace `{declared}` differs from the expected `{expected}`"
        )));
    }
    Some(Document {
        root,
        chameleon_ns: request.include_into.clone(),
    })
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// `dir/relative`, with `.` and `..` folded away where possible.
fn join(dir: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = dir
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for part in relative.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_paths() {
        assert_eq!(join("", "a.xsd"), "a.xsd");
        assert_eq!(join("x/y", "../z/./a.xsd"), "x/z/a.xsd");
        assert_eq!(join("", "../a.xsd"), "../a.xsd");
        assert_eq!(join("x", "sub\\a.xsd"), "x/sub/a.xsd");
    }
}
