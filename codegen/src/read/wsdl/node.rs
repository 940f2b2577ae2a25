//! The parsed document: xmltree's elements, each with its line, its file, the namespace of
//! every attribute, and a way to resolve QName values (`tns:Foo`) by namespace URI.

use super::scan::{self, Tag};
use crate::diag::Diagnostic;
use crate::ir::Source;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;
use xmltree::{Element, ParseError, ParserConfig, XMLNode};

/// An expanded name: namespace URI (empty for none) and local name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QName {
    pub ns: String,
    pub local: String,
}

impl QName {
    /// `{ns}local`; an empty `ns` is no namespace.
    pub fn new(ns: &str, local: &str) -> Self {
        Self {
            ns: ns.to_owned(),
            local: local.to_owned(),
        }
    }
}

impl fmt::Display for QName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{{}}}{}", self.ns, self.local)
    }
}

/// An attribute with its namespace URI (empty for an unprefixed attribute).
#[derive(Debug, Clone)]
struct Attribute {
    ns: String,
    local: String,
    value: String,
}

#[derive(Debug, Clone)]
enum Content {
    Element(Node),
    Text(String),
}

/// One element.
#[derive(Debug, Clone)]
pub struct Node {
    /// Namespace URI of the element, empty for none.
    pub ns: String,
    pub name: String,
    pub file: Rc<str>,
    /// 1-based; 0 when the pre-scan could not be matched to the tree.
    pub line: u32,
    attributes: Vec<Attribute>,
    /// Every namespace in scope: prefix (empty for the default namespace) to URI.
    scope: BTreeMap<String, String>,
    /// The `targetNamespace` of the nearest enclosing (or this) element that declares one:
    /// the `definitions` or `schema` this element belongs to.
    target_ns: Rc<str>,
    content: Vec<Content>,
}

impl Node {
    /// Whether this element is `{ns}local`.
    pub fn is(&self, ns: &str, local: &str) -> bool {
        self.ns == ns && self.name == local
    }

    /// Child elements, in document order.
    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.content.iter().filter_map(|c| match c {
            Content::Element(e) => Some(e),
            Content::Text(_) => None,
        })
    }

    /// Child elements named `{ns}local`.
    pub fn children<'a>(
        &'a self,
        ns: &'a str,
        local: &'a str,
    ) -> impl Iterator<Item = &'a Node> + 'a {
        self.elements().filter(move |e| e.is(ns, local))
    }

    /// The first child element named `{ns}local`.
    pub fn child(&self, ns: &str, local: &str) -> Option<&Node> {
        self.elements().find(|e| e.is(ns, local))
    }

    /// An unprefixed attribute.
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attr_in("", local)
    }

    /// An attribute in namespace `ns`.
    pub fn attr_in(&self, ns: &str, local: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.ns == ns && a.local == local)
            .map(|a| a.value.as_str())
    }

    /// An attribute by local name in whatever namespace, with that namespace.
    pub fn attr_any(&self, local: &str) -> Option<(&str, &str)> {
        self.attributes
            .iter()
            .find(|a| a.local == local)
            .map(|a| (a.ns.as_str(), a.value.as_str()))
    }

    /// All the text inside this element and its descendants, in document order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for c in &self.content {
            match c {
                Content::Text(t) => out.push_str(t),
                Content::Element(e) => {
                    out.push(' ');
                    e.push_text(out);
                    out.push(' ');
                }
            }
        }
    }

    /// Resolves a QName value (`tns:Foo`, or `Foo` in the default namespace) by the namespaces
    /// in scope at this element; the error says which prefix is undeclared.
    pub fn qname(&self, value: &str) -> Result<QName, String> {
        let value = value.trim();
        let (prefix, local) = value.split_once(':').unwrap_or(("", value));
        if local.is_empty() || local.contains(':') {
            return Err(format!("`{value}` is not a qualified name"));
        }
        match self.scope.get(prefix) {
            Some(ns) => Ok(QName::new(ns, local)),
            None if prefix.is_empty() => Ok(QName::new("", local)),
            None => Err(format!("prefix `{prefix}` of `{value}` is not declared")),
        }
    }

    /// The fallback other stacks (.NET, Axis, PHP) apply to an unprefixed QName that does not
    /// resolve where the default namespace puts it (a WSDL whose default namespace is the WSDL
    /// namespace writing `message="GetFoo"`): the same local name in the enclosing target
    /// namespace. `None` for a prefixed value, or when that is where it resolved already.
    pub fn unprefixed_fallback(&self, value: &str) -> Option<QName> {
        let value = value.trim();
        if value.is_empty() || value.contains(':') {
            return None;
        }
        let fallback = QName::new(&self.target_ns, value);
        (self.qname(value).ok()? != fallback).then_some(fallback)
    }

    /// The same local name in this document's target namespace, when `value` is prefixed
    /// and names another namespace: where a component is looked up again when the prefix
    /// names none (spyne writes `message="s0:RequestHeader"` for a header message of its
    /// target namespace, `s0` being its types namespace).
    pub fn prefixed_fallback(&self, value: &str) -> Option<QName> {
        let value = value.trim();
        if !value.contains(':') {
            return None;
        }
        let name = self.qname(value).ok()?;
        let fallback = QName::new(&self.target_ns, &name.local);
        (name != fallback).then_some(fallback)
    }

    /// Where this element is: its file and line.
    pub fn source(&self) -> Source {
        Source {
            file: self.file.to_string(),
            line: self.line,
        }
    }

    /// A warning at this element.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.file, self.line, message)
    }

    /// An error at this element.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.file, self.line, message)
    }
}

/// Parses a decoded document into its root element. Refuses DTDs; malformed XML is an error
/// with the parser's line and column.
pub fn parse(file: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let tags = match scan::start_tags(text) {
        Ok(tags) => tags,
        Err(refused) => {
            let error = match refused.reason {
                scan::Reason::Declaration => Diagnostic::error(
                    file,
                    refused.line,
                    "DTDs and entity declarations are not accepted",
                )
                .with_hint("remove the <!DOCTYPE ...> declaration: a WSDL needs none"),
                scan::Reason::TooDeep => Diagnostic::error(
                    file,
                    refused.line,
                    format!("elements are nested more than {} deep", scan::MAX_DEPTH),
                ),
            };
            diags.push(error.at_col(refused.col));
            return None;
        }
    };
    // The text is UTF-8 whatever its declaration says: `decode` transcoded it.
    let config = ParserConfig::new()
        .content_type("application/xml; charset=utf-8")
        .ignore_invalid_encoding_declarations(true)
        .allow_multiple_root_elements(false)
        .cdata_to_characters(true);
    let nodes = match Element::parse_all_with_config(text.as_bytes(), config) {
        Ok(nodes) => nodes,
        Err(e) => {
            diags.push(malformed(file, &e));
            return None;
        }
    };
    let Some(root) = nodes.iter().find_map(XMLNode::as_element) else {
        diags.push(Diagnostic::error(
            file,
            0,
            "the document has no root element",
        ));
        return None;
    };
    let file: Rc<str> = Rc::from(file);
    let mut tags = tags.into_iter();
    let mut node = build(root, &file, &Rc::from(""), &mut tags, diags);
    if !all_matched(&node) || tags.next().is_some() {
        diags.push(Diagnostic::warning(
            &file,
            0,
            "could not match start tags to lines; positions are missing",
        ));
        clear_lines(&mut node);
    }
    Some(node)
}

/// The parser's message, with its `line:col` prefix turned into the diagnostic's position.
fn malformed(file: &str, error: &ParseError) -> Diagnostic {
    let ParseError::MalformedXml(e) = error else {
        return Diagnostic::error(
            file,
            0,
            "malformed XML: the element tree could not be built",
        );
    };
    // xml-rs displays errors as `<row>:<col> <message>`, both 1-based.
    let text = e.to_string();
    let position = text.split_once(' ').and_then(|(pos, message)| {
        let (line, col) = pos.split_once(':')?;
        Some((
            line.parse::<u32>().ok()?,
            col.parse::<u32>().ok()?,
            message.to_owned(),
        ))
    });
    match position {
        Some((line, col, message)) => {
            Diagnostic::error(file, line, format!("malformed XML: {message}")).at_col(col)
        }
        None => Diagnostic::error(file, 0, format!("malformed XML: {text}")),
    }
}

/// Builds the node of `element`, taking its tag (and its descendants' tags) from `tags`.
/// A tag whose local name differs from the element's marks the node with line `u32::MAX`, so
/// that the caller can tell the scan and the tree apart.
fn build(
    element: &Element,
    file: &Rc<str>,
    target_ns: &Rc<str>,
    tags: &mut impl Iterator<Item = Tag>,
    diags: &mut Vec<Diagnostic>,
) -> Node {
    let scope: BTreeMap<String, String> = element
        .namespaces
        .as_ref()
        .map(|ns| ns.0.clone())
        .unwrap_or_default();
    let tag = tags.next().filter(|t| local_part(&t.name) == element.name);
    let line = tag.as_ref().map_or(u32::MAX, |t| t.line);
    let attributes = attributes(element, tag.as_ref(), &scope, file, line, diags);
    let target_ns = match attributes
        .iter()
        .find(|a| a.ns.is_empty() && a.local == "targetNamespace")
    {
        Some(declared) => Rc::from(declared.value.trim()),
        None => Rc::clone(target_ns),
    };
    let mut content = Vec::new();
    for child in &element.children {
        match child {
            XMLNode::Element(e) => {
                content.push(Content::Element(build(e, file, &target_ns, tags, diags)));
            }
            XMLNode::Text(t) | XMLNode::CData(t) => content.push(Content::Text(t.clone())),
            XMLNode::Comment(_) | XMLNode::ProcessingInstruction(..) => {}
        }
    }
    Node {
        ns: element.namespace.clone().unwrap_or_default(),
        name: element.name.clone(),
        file: Rc::clone(file),
        line,
        attributes,
        scope,
        target_ns,
        content,
    }
}

/// Pairs xmltree's values (keyed by local name) with the prefixed names the scan saw.
fn attributes(
    element: &Element,
    tag: Option<&Tag>,
    scope: &BTreeMap<String, String>,
    file: &str,
    line: u32,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Attribute> {
    let value = |local: &str| element.attributes.get(local).cloned().unwrap_or_default();
    let same_names = |t: &&Tag| {
        let scanned: Vec<&str> = t.attributes.iter().map(|a| local_part(a)).collect();
        scanned.iter().all(|l| element.attributes.contains_key(*l))
            && element
                .attributes
                .keys()
                .all(|k| scanned.contains(&k.as_str()))
    };
    let Some(tag) = tag.filter(same_names) else {
        // Without the scan, namespaces are unknown: every attribute counts as unprefixed.
        let mut names: Vec<&String> = element.attributes.keys().collect();
        names.sort();
        return names
            .into_iter()
            .map(|n| Attribute {
                ns: String::new(),
                local: n.clone(),
                value: value(n),
            })
            .collect();
    };
    let mut out: Vec<Attribute> = Vec::new();
    for qualified in &tag.attributes {
        let (prefix, local) = qualified.split_once(':').unwrap_or(("", qualified));
        // Unprefixed attributes are in no namespace, whatever the default namespace is.
        let ns = if prefix.is_empty() {
            String::new()
        } else {
            scope.get(prefix).cloned().unwrap_or_default()
        };
        if out.iter().any(|a| a.local == local) {
            diags.push(Diagnostic::warning(
                file,
                line,
                format!("two attributes are named `{local}` in different namespaces; only one value can be read"),
            ));
        }
        out.push(Attribute {
            ns,
            local: local.to_owned(),
            value: value(local),
        });
    }
    out
}

fn local_part(qualified: &str) -> &str {
    qualified
        .rsplit_once(':')
        .map_or(qualified, |(_, local)| local)
}

/// Whether every node found its tag.
fn all_matched(node: &Node) -> bool {
    node.line != u32::MAX && node.elements().all(all_matched)
}

fn clear_lines(node: &mut Node) {
    node.line = 0;
    for c in &mut node.content {
        if let Content::Element(e) = c {
            clear_lines(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> (Node, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let node = parse("t.xml", text, &mut diags).expect("parses");
        (node, diags)
    }

    #[test]
    fn lines_and_attribute_namespaces() {
        let (root, diags) = parse_ok(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r xmlns=\"urn:d\" xmlns:w=\"urn:w\">\n\
             <c a=\"1\"\n w:a2=\"2\"/>\n<w:d>t&amp;x<![CDATA[<y>]]></w:d></r>",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            (root.ns.as_str(), root.name.as_str(), root.line),
            ("urn:d", "r", 2)
        );
        let c = root.child("urn:d", "c").unwrap();
        assert_eq!(c.line, 3);
        assert_eq!(c.attr("a"), Some("1"));
        assert_eq!(c.attr("a2"), None);
        assert_eq!(c.attr_in("urn:w", "a2"), Some("2"));
        let d = root.child("urn:w", "d").unwrap();
        assert_eq!((d.line, d.text().as_str()), (5, "t&x<y>"));
    }

    #[test]
    fn qnames_resolve_by_scope() {
        let (root, _) =
            parse_ok("<r xmlns:p=\"urn:p\" xmlns=\"urn:d\"><c xmlns:p=\"urn:inner\"/></r>");
        let c = root.elements().next().unwrap();
        assert_eq!(root.qname("p:T"), Ok(QName::new("urn:p", "T")));
        assert_eq!(c.qname("p:T"), Ok(QName::new("urn:inner", "T")));
        assert_eq!(c.qname("T"), Ok(QName::new("urn:d", "T")));
        assert!(c.qname("q:T").unwrap_err().contains("`q`"));
        let (plain, _) = parse_ok("<r/>");
        assert_eq!(plain.qname("T"), Ok(QName::new("", "T")));
    }

    #[test]
    fn unprefixed_names_fall_back_to_the_enclosing_target_namespace() {
        let (root, _) = parse_ok(
            "<r xmlns=\"urn:wsdl\" xmlns:t=\"urn:t\" targetNamespace=\"urn:t\"><c/>\
             <s targetNamespace=\"urn:s\"><d/></s></r>",
        );
        let c = root.elements().next().unwrap();
        assert_eq!(c.unprefixed_fallback("T"), Some(QName::new("urn:t", "T")));
        assert_eq!(c.unprefixed_fallback("t:T"), None);
        let d = root.elements().nth(1).unwrap().elements().next().unwrap();
        assert_eq!(d.unprefixed_fallback("T"), Some(QName::new("urn:s", "T")));
        let (same, _) = parse_ok("<r xmlns=\"urn:t\" targetNamespace=\"urn:t\"/>");
        assert_eq!(same.unprefixed_fallback("T"), None);
    }

    #[test]
    fn malformed_xml_has_a_position() {
        let mut diags = Vec::new();
        assert!(parse("t.xml", "<r>\n  <a></b>\n</r>", &mut diags).is_none());
        assert_eq!(diags.len(), 1);
        assert!(diags[0].is_error());
        assert_eq!(diags[0].line, 2, "{}", diags[0]);
        assert!(diags[0].col > 0, "{}", diags[0]);
    }

    #[test]
    fn doctype_is_refused_before_parsing() {
        let mut diags = Vec::new();
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>";
        assert!(parse("t.xml", text, &mut diags).is_none());
        assert_eq!((diags[0].line, diags[0].col), (2, 1));
        assert!(diags[0].message.contains("DTD"));
    }

    #[test]
    fn empty_and_rootless_input_is_an_error() {
        for text in ["", "   ", "<?xml version=\"1.0\"?>", "<!-- c -->"] {
            let mut diags = Vec::new();
            assert!(parse("t.xml", text, &mut diags).is_none(), "{text:?}");
            assert!(diags.iter().any(Diagnostic::is_error), "{text:?}");
        }
    }
}
