//! The content of one type definition: structs from particles, SOAP-ENC and literal arrays,
//! enums, and simple types read as the type they restrict.

use super::{MAX_ALIAS_DEPTH, Space, Types, anonymous_type};
use crate::diag::{Diagnostic, Item};
use crate::ir::{Docs, EnumValue, Field, Name, Placement, Scalar, TypeDef, TypeKind, TypeRef};
use crate::read::wsdl::docs;
use crate::read::wsdl::node::{Node, QName};
use crate::read::wsdl::ns;

/// Whether a `complexType`/`simpleType` becomes a [`TypeDef`] (rather than an alias of the
/// scalar it restricts).
pub(super) fn defines_type(node: &Node) -> bool {
    match node.name.as_str() {
        "complexType" => {
            let simple_content = xsd_child(node, "simpleContent");
            simple_content.is_none_or(has_attributes) && !open_content(node)
        }
        "simpleType" => enumeration(node).is_some(),
        _ => false,
    }
}

/// Whether a complex type holds nothing but open content: a sequence of `xsd:any` (with
/// the inline `xsd:schema` of a .NET DataSet). Its values are read as dynamic values, which
/// keep what an empty struct would drop.
fn open_content(complex: &Node) -> bool {
    let mut content = complex
        .elements()
        .filter(|e| !(ns::is_xsd(&e.ns) && e.name == "annotation"));
    let Some(sequence) = content
        .next()
        .filter(|e| ns::is_xsd(&e.ns) && e.name == "sequence")
    else {
        return false;
    };
    if content.next().is_some() {
        return false;
    }
    let particles: Vec<&Node> = sequence
        .elements()
        .filter(|e| !(ns::is_xsd(&e.ns) && e.name == "annotation"))
        .collect();
    let inline_schema = |e: &Node| {
        e.name == "element"
            && e.attr("ref")
                .and_then(|r| e.qname(r).ok())
                .is_some_and(|q| ns::is_xsd(&q.ns) && q.local == "schema")
    };
    particles.iter().any(|e| e.name == "any")
        && particles
            .iter()
            .all(|e| ns::is_xsd(&e.ns) && (e.name == "any" || inline_schema(e)))
}

/// Whether a `simpleContent` declares attributes (itself or through a group), so that its
/// type is a struct rather than the scalar it extends. Attributes inherited from a base with
/// simple content alone are not looked for.
fn has_attributes(simple_content: &Node) -> bool {
    simple_derivation(simple_content).is_some_and(|derivation| {
        derivation
            .elements()
            .any(|e| ns::is_xsd(&e.ns) && matches!(e.name.as_str(), "attribute" | "attributeGroup"))
    })
}

/// The `extension` or `restriction` of a `simpleContent`.
fn simple_derivation(simple_content: &Node) -> Option<&Node> {
    simple_content
        .elements()
        .find(|e| ns::is_xsd(&e.ns) && (e.name == "extension" || e.name == "restriction"))
}

/// A struct from fields in document order: text first, then attributes, then elements (see
/// [`Placement`]).
fn struct_kind(mut fields: Vec<Field>) -> TypeKind {
    fields.sort_by_key(|f| f.placement);
    TypeKind::Struct { fields, rest: None }
}

fn xsd_child<'n>(node: &'n Node, local: &str) -> Option<&'n Node> {
    node.elements()
        .find(|e| ns::is_xsd(&e.ns) && e.name == local)
}

fn xsd_children<'n>(node: &'n Node, local: &'n str) -> impl Iterator<Item = &'n Node> + 'n {
    node.elements()
        .filter(move |e| ns::is_xsd(&e.ns) && e.name == local)
}

/// The enumeration facets of a simple type's restriction, when it has any.
fn enumeration(simple: &Node) -> Option<Vec<&Node>> {
    let values: Vec<&Node> =
        xsd_children(xsd_child(simple, "restriction")?, "enumeration").collect();
    (!values.is_empty()).then_some(values)
}

fn is_true(value: Option<&str>) -> bool {
    matches!(value.map(str::trim), Some("true" | "1"))
}

/// `minOccurs` and `maxOccurs`; `None` for an unbounded maximum.
fn occurs(node: &Node, diags: &mut Vec<Diagnostic>) -> (u64, Option<u64>) {
    let mut number = |attr: &str, value: &str| {
        value.parse::<u64>().unwrap_or_else(|_| {
            diags.push(node.warning(format!("{attr}=\"{value}\" is not a number; 1 is assumed")));
            1
        })
    };
    let min = node
        .attr("minOccurs")
        .map_or(1, |v| number("minOccurs", v.trim()));
    let max = match node.attr("maxOccurs").map(str::trim) {
        None => Some(1),
        Some("unbounded") => None,
        Some(v) => Some(number("maxOccurs", v)),
    };
    (min, max)
}

/// The single `element` of a `sequence`, if that is all the sequence holds.
fn single_element(sequence: &Node) -> Option<&Node> {
    let mut particles = sequence
        .elements()
        .filter(|e| !(ns::is_xsd(&e.ns) && e.name == "annotation"));
    let only = particles
        .next()
        .filter(|e| ns::is_xsd(&e.ns) && e.name == "element")?;
    particles.next().is_none().then_some(only)
}

/// The item element of a literal array: a complex type whose only content is a sequence of
/// one element that may repeat.
fn literal_array_item<'n>(complex: &'n Node, diags: &mut Vec<Diagnostic>) -> Option<&'n Node> {
    let mut content = complex.elements().filter(|e| {
        !(ns::is_xsd(&e.ns) && matches!(e.name.as_str(), "annotation" | "anyAttribute"))
    });
    let sequence = content
        .next()
        .filter(|e| ns::is_xsd(&e.ns) && e.name == "sequence")?;
    if content.next().is_some() || occurs(sequence, diags) != (1, Some(1)) {
        return None;
    }
    let item = single_element(sequence)?;
    occurs(item, diags)
        .1
        .is_none_or(|max| max > 1)
        .then_some(item)
}

/// The attributes XML itself defines in its namespace (XML 1.0 §2.10, §2.12, xml:base,
/// xml:id): known without the namespace's schema, their values read as strings.
const XML_ATTRIBUTES: [&str; 4] = ["lang", "space", "base", "id"];

/// A list's item type: `List(T)` becomes `T`.
fn item_of(ty: TypeRef) -> TypeRef {
    match ty {
        TypeRef::List(item) => *item,
        other => other,
    }
}

/// The type being built: it names nested anonymous types, and they share its namespace.
#[derive(Clone, Copy)]
struct Owner<'x> {
    name: &'x str,
    target_ns: &'x str,
    /// Its schema's `elementFormDefault="qualified"`: its local elements are in `target_ns`.
    qualified: bool,
    /// Its schema's `attributeFormDefault="qualified"`: its local attributes are in
    /// `target_ns`.
    attributes_qualified: bool,
    /// Whether a sequence of one repeated element makes this type an array.
    literal_arrays: bool,
}

impl<'a> Types<'a> {
    /// The [`TypeDef`] of `definition` (a `complexType`, or a `simpleType` with an
    /// enumeration) named `name`; docs and source come from `declared_at` (the element of an
    /// anonymous type, else the definition itself). `literal_arrays` is false for the anonymous
    /// type of a global element: such an element is an operation's wrapper, whose one repeated
    /// child is a parameter, not an array.
    pub(super) fn type_def(
        &mut self,
        name: &str,
        (definition, declared_at): (&Node, &Node),
        (target_ns, qualified, attributes_qualified): (&str, bool, bool),
        literal_arrays: bool,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeDef {
        let owner = Owner {
            name,
            target_ns,
            qualified,
            attributes_qualified,
            literal_arrays,
        };
        let kind = if definition.name == "simpleType" {
            enum_kind(definition, diags)
        } else {
            self.complex_kind(owner, definition, diags)
        };
        let mut docs = docs::xsd(declared_at);
        if docs == Docs::default() {
            docs = docs::xsd(definition);
        }
        let base = match kind {
            TypeKind::Struct { .. } => self.extended_struct(definition),
            TypeKind::Array { .. } | TypeKind::Enum { .. } => None,
        };
        TypeDef {
            renamed_from: None,
            base,
            group: None,
            name: Name::wire(name),
            namespace: Some(target_ns.to_owned()),
            docs,
            source: declared_at.source(),
            kind,
        }
    }

    fn complex_kind(
        &mut self,
        owner: Owner<'_>,
        complex: &Node,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeKind {
        if is_true(complex.attr("mixed")) {
            diags.push(
                complex
                    .warning(format!(
                        "mixed content of `{}`: text between its elements is ignored",
                        owner.name
                    ))
                    .skipping(Item::SchemaContent, owner.name),
            );
        }
        if owner.literal_arrays
            && let Some(item) = literal_array_item(complex, diags)
            && let Some(field) = self.field(owner, item, false, diags)
        {
            return TypeKind::Array {
                item_element: Some(field.name.wire),
                item_namespace: field.namespace,
                item: item_of(field.ty),
            };
        }
        let mut fields = Vec::new();
        for child in complex.elements().filter(|e| ns::is_xsd(&e.ns)) {
            match child.name.as_str() {
                "complexContent" => return self.complex_content(owner, child, diags),
                "simpleContent" => return self.simple_content(owner, child, diags),
                _ => self.content(owner, child, false, &mut fields, diags),
            }
        }
        struct_kind(fields)
    }

    /// The struct type a `complexContent/extension` extends, by wire name.
    fn extended_struct(&self, complex: &Node) -> Option<String> {
        let extension = xsd_child(xsd_child(complex, "complexContent")?, "extension")?;
        let base = extension.qname(extension.attr("base")?).ok()?;
        self.names.get(&(Space::Type, base)).cloned()
    }

    /// `simpleContent` with attributes: a text field of the base type (or the base's fields,
    /// when the base is such a struct itself), then the attributes.
    fn simple_content(
        &mut self,
        owner: Owner<'_>,
        content: &Node,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeKind {
        let Some(derivation) = simple_derivation(content) else {
            return struct_kind(Vec::new());
        };
        let what = format!("the text of `{}`", owner.name);
        let base = derivation.attr("base");
        let struct_base = base
            .and_then(|b| derivation.qname(b).ok())
            .filter(|b| self.names.contains_key(&(Space::Type, b.clone())));
        let mut fields = match (struct_base, base) {
            (Some(base), _) => self.base_fields(derivation, &base, diags),
            (None, base) => {
                let ty = base.map_or(TypeRef::Scalar(Scalar::String), |base| {
                    self.type_ref(derivation, &what, base, diags)
                });
                vec![Field {
                    declared: None,
                    name: Name::wire("value"),
                    ty,
                    required: false,
                    nillable: false,
                    secret: false,
                    repeated: false,
                    placement: Placement::Text,
                    namespace: None,
                    docs: Docs::default(),
                    source: content.source(),
                }]
            }
        };
        // A restriction's facets constrain the text; only the attributes add fields.
        for child in derivation.elements().filter(|e| ns::is_xsd(&e.ns)) {
            if matches!(child.name.as_str(), "attribute" | "attributeGroup") {
                self.content(owner, child, false, &mut fields, diags);
            }
        }
        struct_kind(fields)
    }

    /// An `xsd:attribute` as a field; `None` for a prohibited one, or a reference to a global
    /// attribute defined nowhere (a warning). `schema` is the target namespace and
    /// `attributeFormDefault` of the schema declaring it (an attribute group's may differ from
    /// the owner's).
    fn attribute(
        &mut self,
        owner: Owner<'_>,
        attribute: &Node,
        schema: (&str, bool),
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Field> {
        if attribute.attr("use") == Some("prohibited") {
            return None;
        }
        // A global attribute is always in its schema's target namespace; a local one by its
        // `form`, else its schema's `attributeFormDefault` (XSD 1.0 §3.2.2).
        let (name, declaration, namespace) = match attribute.attr("name") {
            Some(name) => {
                let qualified = match attribute.attr("form").map(str::trim) {
                    Some("qualified") => true,
                    Some("unqualified") => false,
                    _ => schema.1,
                };
                let namespace = (qualified && !schema.0.is_empty()).then(|| schema.0.to_owned());
                (name.to_owned(), Some(attribute), namespace)
            }
            None => {
                let (name, declaration) = self.attribute_ref(owner, attribute, diags)?;
                (
                    name.local,
                    declaration,
                    Some(name.ns).filter(|ns| !ns.is_empty()),
                )
            }
        };
        let what = format!("attribute `{name}` of `{}`", owner.name);
        // Without a declaration (a built-in `xml:` attribute) the value is a string.
        let declaration_type = declaration.map(|d| (d, d.attr("type"), xsd_child(d, "simpleType")));
        let ty = match declaration_type {
            Some((at, Some(value), _)) => self.type_ref(at, &what, value, diags),
            Some((at, None, Some(simple))) => {
                self.anonymous_simple(owner, simple, &name, at, diags)
            }
            _ => TypeRef::Scalar(Scalar::String),
        };
        // An `xsd:list` is text and fits an attribute; an array (a SOAP-ENC one) does not.
        let ty = if let TypeRef::List(_) = ty {
            diags.push(attribute.warning(format!("{what}: an array is read as one string")));
            TypeRef::Scalar(Scalar::String)
        } else {
            ty
        };
        let mut docs = docs::xsd(attribute);
        if let Some(declaration) = declaration.filter(|_| docs == Docs::default()) {
            docs = docs::xsd(declaration);
        }
        Some(Field {
            declared: None,
            name: Name::wire(name),
            ty,
            required: attribute.attr("use") == Some("required"),
            nillable: false,
            secret: false,
            repeated: false,
            placement: Placement::Attribute,
            namespace,
            docs,
            source: attribute.source(),
        })
    }

    /// The global attribute `<xsd:attribute ref="…"/>` names and its declaration; `None`
    /// for the attributes of the XML namespace (`xml:lang`), which every processor knows
    /// without a schema. Warns and gives nothing when the reference resolves nowhere.
    fn attribute_ref(
        &self,
        owner: Owner<'_>,
        attribute: &Node,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(QName, Option<&'a Node>)> {
        let reference = attribute.attr("ref").unwrap_or_default();
        // The `xml` prefix is bound by XML itself, declared or not.
        let name = match (attribute.qname(reference), reference.trim().split_once(':')) {
            (Ok(name), _) => Ok(name),
            (Err(_), Some(("xml", local))) => Ok(QName::new(ns::XML, local)),
            (Err(why), _) => Err(why),
        };
        let found = name.as_ref().ok().and_then(|name| {
            if let Some(global) = self.globals.get(&(Space::Attribute, name.clone())) {
                return Some((name.clone(), Some(global.node)));
            }
            (name.ns == ns::XML && XML_ATTRIBUTES.contains(&name.local.as_str()))
                .then(|| (name.clone(), None))
        });
        if found.is_none() {
            let why = match name {
                Ok(name) if reference.is_empty() => format!("{name} has neither name nor ref"),
                Ok(name) => format!("`{reference}` ({name}) is defined nowhere"),
                Err(why) => why,
            };
            diags.push(
                attribute
                    .warning(format!(
                        "attribute reference in `{}`: {why}; the attribute is left out",
                        owner.name
                    ))
                    .skipping(Item::SchemaContent, owner.name),
            );
        }
        found
    }

    /// The attributes of the group `reference` names (`<xsd:attributeGroup ref="…"/>`), its
    /// nested groups included.
    fn attribute_group(
        &mut self,
        owner: Owner<'_>,
        reference: &Node,
        depth: u32,
        fields: &mut Vec<Field>,
        diags: &mut Vec<Diagnostic>,
    ) {
        let warn = |message: String| {
            reference
                .warning(message)
                .skipping(Item::SchemaContent, owner.name)
        };
        let Some(value) = reference.attr("ref") else {
            diags.push(warn(format!(
                "xsd:attributeGroup without ref in `{}` is ignored",
                owner.name
            )));
            return;
        };
        let name = match reference.qname(value) {
            Ok(name) => name,
            Err(why) => {
                diags.push(warn(format!("attribute group {why}")));
                return;
            }
        };
        let Some((group, schema)) = self
            .globals
            .get(&(Space::AttributeGroup, name.clone()))
            .map(|g| (g.node, (g.target_ns.clone(), g.attributes_qualified)))
        else {
            diags.push(warn(format!(
                "attribute group `{value}` ({name}) of `{}` is defined nowhere",
                owner.name
            )));
            return;
        };
        if depth > MAX_ALIAS_DEPTH {
            diags.push(warn(format!("attribute group `{value}` contains itself")));
            return;
        }
        for child in group.elements().filter(|e| ns::is_xsd(&e.ns)) {
            match child.name.as_str() {
                "attribute" => {
                    let schema = (schema.0.as_str(), schema.1);
                    if let Some(field) = self.attribute(owner, child, schema, diags) {
                        push_field(owner, child, field, fields, diags);
                    }
                }
                "attributeGroup" => self.attribute_group(owner, child, depth + 1, fields, diags),
                "annotation" | "anyAttribute" => {}
                other => diags.push(
                    child
                        .warning(format!(
                            "unexpected xsd:{other} in an attribute group is ignored"
                        ))
                        .skipping(Item::SchemaContent, owner.name),
                ),
            }
        }
    }

    /// `complexContent`: a SOAP-ENC array (restriction of `SOAP-ENC:Array`), an extension
    /// (the base's fields, then its own) or a restriction (which restates the content).
    fn complex_content(
        &mut self,
        owner: Owner<'_>,
        content: &Node,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeKind {
        let derivation = content
            .elements()
            .find(|e| ns::is_xsd(&e.ns) && (e.name == "restriction" || e.name == "extension"));
        let Some(derivation) = derivation else {
            diags.push(content.warning(format!(
                "complexContent of `{}` has no restriction or extension",
                owner.name
            )));
            return TypeKind::Struct {
                fields: Vec::new(),
                rest: None,
            };
        };
        let base = match derivation.attr("base").map(|b| derivation.qname(b)) {
            Some(Ok(base)) => Some(base),
            Some(Err(why)) => {
                diags.push(derivation.warning(format!("base type {why}")));
                None
            }
            None => {
                diags.push(derivation.warning(format!("xsd:{} without a base", derivation.name)));
                None
            }
        };
        let soap_array = QName::new(ns::SOAP_ENC, "Array");
        if derivation.name == "restriction" && base.as_ref() == Some(&soap_array) {
            return self.soap_array(owner, derivation, diags);
        }
        let mut fields = match (&base, derivation.name.as_str()) {
            (Some(base), "extension") => self.base_fields(derivation, base, diags),
            _ => Vec::new(),
        };
        for child in derivation.elements().filter(|e| ns::is_xsd(&e.ns)) {
            self.content(owner, child, false, &mut fields, diags);
        }
        struct_kind(fields)
    }

    /// The fields an extension inherits from its base.
    fn base_fields(&mut self, at: &Node, base: &QName, diags: &mut Vec<Diagnostic>) -> Vec<Field> {
        let untyped = (ns::is_xsd(&base.ns) && base.local == "anyType")
            || *base == QName::new(ns::SOAP_ENC, "Struct");
        if untyped {
            return Vec::new();
        }
        let Some(name) = self.ensure_def(&(Space::Type, base.clone()), diags) else {
            diags.push(at.warning(format!(
                "base type {base} is defined nowhere or is not a complex type; only the extension's own fields are read"
            )));
            return Vec::new();
        };
        match self.defs.get(&name).map(|d| &d.kind) {
            Some(TypeKind::Struct { fields, .. }) => fields.clone(),
            Some(TypeKind::Array { .. } | TypeKind::Enum { .. }) => {
                diags.push(at.warning(format!(
                    "`{name}` is not a struct; extending it inherits nothing"
                )));
                Vec::new()
            }
            None => {
                diags.push(at.warning(format!(
                    "`{name}` extends itself; the circular part is left out"
                )));
                Vec::new()
            }
        }
    }

    /// A restriction of `SOAP-ENC:Array`: the item type comes from `wsdl:arrayType` on the
    /// `SOAP-ENC:arrayType` attribute, or from a sequence of one element.
    fn soap_array(
        &mut self,
        owner: Owner<'_>,
        restriction: &Node,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeKind {
        let array_type = QName::new(ns::SOAP_ENC, "arrayType");
        for attribute in xsd_children(restriction, "attribute") {
            let refers = attribute.attr("ref").and_then(|r| attribute.qname(r).ok());
            if refers.as_ref() != Some(&array_type) {
                continue;
            }
            let Some((attr_ns, value)) = attribute.attr_any("arrayType") else {
                continue;
            };
            if attr_ns != ns::WSDL {
                diags.push(attribute.warning(format!(
                    "`arrayType` of `{}` is not in the WSDL namespace (expected wsdl:arrayType); read anyway",
                    owner.name
                )));
            }
            return TypeKind::Array {
                item: self.array_item(owner, attribute, value, diags),
                item_element: None,
                item_namespace: None,
            };
        }
        let item = xsd_child(restriction, "sequence").and_then(single_element);
        if let Some(field) = item.and_then(|item| self.field(owner, item, false, diags)) {
            return TypeKind::Array {
                item: item_of(field.ty),
                item_element: None,
                item_namespace: None,
            };
        }
        diags.push(restriction.warning(format!(
            "SOAP-ENC array `{}` declares no item type (no wsdl:arrayType); its items are read as dynamic values",
            owner.name
        )));
        TypeKind::Array {
            item: TypeRef::Dynamic,
            item_element: None,
            item_namespace: None,
        }
    }

    /// The item type of a `wsdl:arrayType` value: `tns:X[]` is `X`, `xsd:string[][]` a list
    /// of string lists.
    fn array_item(
        &mut self,
        owner: Owner<'_>,
        at: &Node,
        value: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        let mut base = value.trim();
        let mut depth = 0;
        while let Some(inner) = base.strip_suffix(']') {
            let Some(open) = inner.rfind('[') else { break };
            if inner.get(open + 1..).is_some_and(|dims| dims.contains(',')) {
                diags.push(at.warning(format!(
                    "multi-dimensional array `{value}` is read as a flat list"
                )));
            }
            base = inner.get(..open).unwrap_or_default();
            depth += 1;
        }
        if depth == 0 {
            diags.push(at.warning(format!(
                "wsdl:arrayType `{value}` has no `[]`; read as a list of `{value}`"
            )));
        }
        let mut ty = self.type_ref(at, &format!("array `{}`", owner.name), base, diags);
        for _ in 1..depth {
            ty = TypeRef::List(Box::new(ty));
        }
        ty
    }

    /// One child of a complex type's content: a particle adds fields, the rest is warned about.
    fn content(
        &mut self,
        owner: Owner<'_>,
        child: &Node,
        optional: bool,
        fields: &mut Vec<Field>,
        diags: &mut Vec<Diagnostic>,
    ) {
        match child.name.as_str() {
            "sequence" | "all" | "choice" => {
                let (min, max) = occurs(child, diags);
                if max != Some(1) {
                    diags.push(child.warning(format!(
                        "a repeated xsd:{} is read as a single occurrence",
                        child.name
                    )));
                }
                if child.name == "choice" {
                    diags.push(child.warning(format!(
                        "xsd:choice in `{}`: every alternative is read as an optional field",
                        owner.name
                    )));
                }
                let optional = optional || min == 0 || child.name == "choice";
                for particle in child.elements().filter(|e| ns::is_xsd(&e.ns)) {
                    self.content(owner, particle, optional, fields, diags);
                }
            }
            "element" => {
                if let Some(field) = self.field(owner, child, optional, diags) {
                    push_field(owner, child, field, fields, diags);
                }
            }
            "attribute" => {
                let schema = (owner.target_ns, owner.attributes_qualified);
                if let Some(field) = self.attribute(owner, child, schema, diags) {
                    push_field(owner, child, field, fields, diags);
                }
            }
            "attributeGroup" => self.attribute_group(owner, child, 0, fields, diags),
            "group" => diags.push(
                child
                    .warning(format!(
                        "xsd:{} references are not supported; that content of `{}` is missing",
                        child.name, owner.name
                    ))
                    .skipping(Item::SchemaContent, owner.name),
            ),
            "any" => diags.push(
                child
                    .warning(format!(
                        "xsd:any in `{}` (open content) is ignored",
                        owner.name
                    ))
                    .skipping(Item::SchemaContent, owner.name),
            ),
            "annotation" | "anyAttribute" => {}
            other => diags.push(
                child
                    .warning(format!(
                        "unexpected xsd:{other} in `{}` is ignored",
                        owner.name
                    ))
                    .skipping(Item::SchemaContent, owner.name),
            ),
        }
    }

    /// A field from an `element` particle; `None` for one that may not occur or has no name.
    fn field(
        &mut self,
        owner: Owner<'_>,
        element: &Node,
        optional: bool,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Field> {
        let (min, max) = occurs(element, diags);
        if max == Some(0) {
            return None;
        }
        // A global element is always in its schema's target namespace; a local one by its
        // `form`, else its schema's `elementFormDefault` (XSD 1.0 §3.3.2).
        let (name, ty, declaration, namespace) = if let Some(reference) = element.attr("ref") {
            match self.element(element, &format!("`{}`", owner.name), reference, diags) {
                Some(global) => {
                    let declaration = self
                        .globals
                        .get(&(Space::Element, global.name.clone()))
                        .map(|g| g.node);
                    let namespace = Some(global.name.ns).filter(|ns| !ns.is_empty());
                    let declaration = declaration.unwrap_or(element);
                    (global.name.local, global.ty, declaration, namespace)
                }
                None => {
                    let local = reference.rsplit_once(':').map_or(reference, |(_, l)| l);
                    let namespace = element.qname(reference).ok().map(|q| q.ns);
                    (local.to_owned(), TypeRef::Dynamic, element, namespace)
                }
            }
        } else {
            let Some(name) = element.attr("name") else {
                diags.push(
                    element
                        .warning(format!(
                            "element without a name or ref in `{}` is ignored",
                            owner.name
                        ))
                        .skipping(Item::SchemaContent, owner.name),
                );
                return None;
            };
            let qualified = match element.attr("form").map(str::trim) {
                Some("qualified") => true,
                Some("unqualified") => false,
                _ => owner.qualified,
            };
            let namespace =
                (qualified && !owner.target_ns.is_empty()).then(|| owner.target_ns.to_owned());
            (
                name.to_owned(),
                self.element_type(owner, element, name, diags),
                element,
                namespace,
            )
        };
        let repeated = max.is_none_or(|max| max > 1);
        let ty = if repeated {
            TypeRef::List(Box::new(ty))
        } else {
            ty
        };
        let mut docs = docs::xsd(element);
        if docs == Docs::default() {
            docs = docs::xsd(declaration);
        }
        Some(Field {
            declared: None,
            name: Name::wire(name),
            ty,
            required: min > 0 && !optional,
            nillable: is_true(element.attr("nillable")) || is_true(declaration.attr("nillable")),
            secret: false,
            repeated,
            placement: Placement::Element,
            namespace,
            docs,
            source: element.source(),
        })
    }

    /// The type of a local element: its `type`, or its anonymous type (a nested [`TypeDef`]
    /// named after the element), or `anyType` when it has neither.
    fn element_type(
        &mut self,
        owner: Owner<'_>,
        element: &Node,
        name: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        if let Some(value) = element.attr("type") {
            return self.type_ref(
                element,
                &format!("field `{name}` of `{}`", owner.name),
                value,
                diags,
            );
        }
        match anonymous_type(element) {
            Some(definition) if defines_type(definition) => {
                let nested = self.nested_name(owner, name, element, diags);
                let schema = (owner.target_ns, owner.qualified, owner.attributes_qualified);
                let def = self.type_def(&nested, (definition, element), schema, true, diags);
                self.defs.insert(nested.clone(), def);
                TypeRef::Named {
                    group: None,
                    name: nested,
                }
            }
            Some(simple) => self.anonymous_simple(owner, simple, name, element, diags),
            None => TypeRef::Dynamic,
        }
    }

    /// The type of the anonymous simple type of element or attribute `name` in `owner`
    /// (declared at `at`): an enumeration is an enum of its own, and so is the inline
    /// enumeration of a list (`<name>Item`); anything else is the type it restricts or lists.
    fn anonymous_simple(
        &mut self,
        owner: Owner<'_>,
        simple: &Node,
        name: &str,
        at: &Node,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        let (definition, item_name, list) = match enumerated_list_item(simple) {
            Some(item) => (item, format!("{name}Item"), true),
            None if defines_type(simple) => (simple, name.to_owned(), false),
            None => return self.alias(simple, 0, diags),
        };
        let nested = self.nested_name(owner, &item_name, at, diags);
        let schema = (owner.target_ns, owner.qualified, owner.attributes_qualified);
        let def = self.type_def(&nested, (definition, at), schema, true, diags);
        self.defs.insert(nested.clone(), def);
        let named = TypeRef::Named {
            group: None,
            name: nested,
        };
        if list {
            TypeRef::TextList(Box::new(named))
        } else {
            named
        }
    }

    /// A name for the anonymous type of element `name` inside `owner`: the element's name,
    /// else `<owner>_<element>`, else that with a number.
    fn nested_name(
        &mut self,
        owner: Owner<'_>,
        name: &str,
        at: &Node,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        let qualified = format!("{}_{name}", owner.name);
        for candidate in [name, qualified.as_str()] {
            if self.taken.insert(candidate.to_owned()) {
                return candidate.to_owned();
            }
        }
        self.claim(&qualified, at, diags)
    }

    /// The type a simple type (without enumeration) or a complex type with simple content
    /// stands for: the type it restricts, extends or lists.
    pub(super) fn alias(
        &mut self,
        definition: &Node,
        depth: u32,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        if depth > MAX_ALIAS_DEPTH {
            diags.push(definition.warning("circular simple type; read as a string"));
            return TypeRef::Scalar(Scalar::String);
        }
        let what = match definition.attr("name") {
            Some(name) => format!("type `{name}`"),
            None => "an anonymous type".to_owned(),
        };
        if definition.name == "complexType" {
            if open_content(definition) {
                return TypeRef::Dynamic;
            }
            let derivation = xsd_child(definition, "simpleContent").and_then(simple_derivation);
            let Some(derivation) = derivation else {
                diags.push(
                    definition.warning(
                        "simpleContent without extension or restriction; read as a string",
                    ),
                );
                return TypeRef::Scalar(Scalar::String);
            };
            return match derivation.attr("base") {
                Some(base) => self.type_ref_at_depth(derivation, &what, base, depth + 1, diags),
                None => TypeRef::Scalar(Scalar::String),
            };
        }
        if let Some(restriction) = xsd_child(definition, "restriction") {
            if let Some(base) = restriction.attr("base") {
                return self.type_ref_at_depth(restriction, &what, base, depth + 1, diags);
            }
            return match xsd_child(restriction, "simpleType") {
                Some(inner) => self.alias(inner, depth + 1, diags),
                None => TypeRef::Scalar(Scalar::String),
            };
        }
        if let Some(list) = xsd_child(definition, "list") {
            let item = match (list.attr("itemType"), xsd_child(list, "simpleType")) {
                (Some(item), _) => self.type_ref_at_depth(list, &what, item, depth + 1, diags),
                (None, Some(inner)) => self.alias(inner, depth + 1, diags),
                (None, None) => TypeRef::Scalar(Scalar::String),
            };
            return TypeRef::TextList(Box::new(item));
        }
        let what = if xsd_child(definition, "union").is_some() {
            "xsd:union"
        } else {
            "a simple type without restriction or list"
        };
        diags.push(definition.warning(format!("{what} is read as a string")));
        TypeRef::Scalar(Scalar::String)
    }
}

/// Adds `field`, warning when its wire name is taken already (an element and an attribute may
/// share a name, and so may attributes of different namespaces: they are told apart on the
/// wire).
fn push_field(
    owner: Owner<'_>,
    at: &Node,
    field: Field,
    fields: &mut Vec<Field>,
    diags: &mut Vec<Diagnostic>,
) {
    if fields.iter().any(|f| {
        f.name.wire == field.name.wire
            && f.placement == field.placement
            && (f.placement != Placement::Attribute || f.namespace == field.namespace)
    }) {
        diags.push(at.warning(format!(
            "`{}` appears twice in `{}`",
            field.name.wire, owner.name
        )));
    }
    fields.push(field);
}

/// The inline enumeration a list type's items are (.NET writes every `[Flags]` enum so:
/// `<xs:list><xs:simpleType><xs:restriction>` of `xs:enumeration`s, sent as `Read Write`).
pub(super) fn enumerated_list_item(simple: &Node) -> Option<&Node> {
    xsd_child(simple, "list")
        .filter(|list| list.attr("itemType").is_none())
        .and_then(|list| xsd_child(list, "simpleType"))
        .filter(|item| defines_type(item))
}

/// A simple type's enumeration as an enum; duplicate values are dropped with a warning.
fn enum_kind(simple: &Node, diags: &mut Vec<Diagnostic>) -> TypeKind {
    let mut values: Vec<EnumValue> = Vec::new();
    for facet in enumeration(simple).unwrap_or_default() {
        let Some(value) = facet.attr("value") else {
            diags.push(facet.warning("xsd:enumeration without a value is ignored"));
            continue;
        };
        if values.iter().any(|v| v.name.wire == value) {
            diags.push(facet.warning(format!("enumeration value `{value}` appears twice")));
            continue;
        }
        values.push(EnumValue {
            name: Name::wire(value),
            docs: docs::xsd(facet),
        });
    }
    TypeKind::Enum { values }
}
