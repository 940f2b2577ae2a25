//! XML Schema: every schema's named components into [`TypeDef`]s, and type references into
//! [`TypeRef`]s.
//!
//! Which components become a [`TypeDef`]: complex types (structs, SOAP-ENC and literal arrays),
//! simple types with an enumeration (enums), and anonymous complex or enumerated types of
//! elements (named after the element), and complex types with simple content and attributes
//! (a struct: the text, then the attributes), and the inline enumeration of a named `xsd:list`
//! (named `<List>Item`). Other simple types, and complex types with simple content alone, are
//! read as the scalar they restrict or the list they are. A reference to a type defined nowhere is
//! warned about and read as [`TypeRef::Dynamic`], so one gap in a vendor's WSDL never stops
//! generation.

mod content;

use super::builtin;
use super::documents::Schema;
use super::node::{Node, QName};
use super::ns;
use crate::diag::Diagnostic;
use crate::ir::{Field, Scalar, TypeDef, TypeKind, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Simple types alias each other in chains; past this depth the chain is taken as circular.
const MAX_ALIAS_DEPTH: u32 = 32;

/// XSD keeps type names and element names in separate symbol spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Space {
    Type,
    Element,
    /// `xsd:attributeGroup`: attributes that types take in by reference.
    AttributeGroup,
    /// A global `xsd:attribute`: always qualified, by its schema's target namespace.
    Attribute,
}

/// A top-level schema component and the namespace it is defined in.
#[derive(Debug, Clone)]
struct Global<'a> {
    node: &'a Node,
    target_ns: String,
    /// The schema's `elementFormDefault="qualified"`.
    qualified: bool,
    /// The schema's `attributeFormDefault="qualified"`.
    attributes_qualified: bool,
}

/// A global element as a WSDL part's `element=` sees it.
pub struct Element {
    pub name: QName,
    pub ty: TypeRef,
}

/// The types of every schema, built once and then queried by the WSDL reader.
pub struct Types<'a> {
    globals: BTreeMap<(Space, QName), Global<'a>>,
    /// Wire names of the components that become [`TypeDef`]s.
    names: BTreeMap<(Space, QName), String>,
    /// Every wire name handed out, so that no two types share one.
    taken: BTreeSet<String>,
    defs: BTreeMap<String, TypeDef>,
    /// Types whose definition is being built, against circular extensions.
    building: BTreeSet<String>,
    elements: BTreeMap<QName, TypeRef>,
    /// The item enum of each named list type with an inline enumeration, once built.
    list_items: BTreeMap<QName, String>,
}

impl<'a> Types<'a> {
    /// Indexes and builds every component of `schemas`.
    pub fn build(schemas: &[Schema<'a>], diags: &mut Vec<Diagnostic>) -> Self {
        let mut types = Self {
            globals: BTreeMap::new(),
            names: BTreeMap::new(),
            taken: BTreeSet::new(),
            defs: BTreeMap::new(),
            building: BTreeSet::new(),
            elements: BTreeMap::new(),
            list_items: BTreeMap::new(),
        };
        let order = types.index(schemas, diags);
        // Named types claim their names before elements do, so a type keeps its own name.
        for space in [Space::Type, Space::Element] {
            for key in order.iter().filter(|k| k.0 == space) {
                let Some(global) = types.globals.get(key) else {
                    continue;
                };
                let node = global.node;
                let defines = match space {
                    Space::Type => content::defines_type(node),
                    Space::Element => anonymous_type(node).is_some_and(content::defines_type),
                    Space::AttributeGroup | Space::Attribute => false,
                };
                if defines {
                    let name = types.claim(&key.1.local, node, diags);
                    types.names.insert(key.clone(), name);
                }
            }
        }
        for key in &order {
            match key.0 {
                Space::Type => {
                    types.ensure_def(key, diags);
                }
                Space::Element => {
                    types.global_element(&key.1, diags);
                }
                // Read where a type refers to it.
                Space::AttributeGroup | Space::Attribute => {}
            }
        }
        types
    }

    /// Records every top-level type and element; returns their keys in document order.
    fn index(
        &mut self,
        schemas: &[Schema<'a>],
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<(Space, QName)> {
        let mut order = Vec::new();
        for schema in schemas {
            for node in schema.node.elements().filter(|e| ns::is_xsd(&e.ns)) {
                let space = match node.name.as_str() {
                    "complexType" | "simpleType" => Space::Type,
                    "element" => Space::Element,
                    "attributeGroup" => Space::AttributeGroup,
                    "attribute" => Space::Attribute,
                    _ => continue,
                };
                let Some(name) = node.attr("name") else {
                    diags.push(node.warning(format!(
                        "top-level xsd:{} without a name is ignored",
                        node.name
                    )));
                    continue;
                };
                let key = (space, QName::new(&schema.target_ns, name));
                let form = |attr: &str| schema.node.attr(attr).map(str::trim) == Some("qualified");
                if let Some(first) = self.globals.get(&key) {
                    diags.push(node.warning(format!(
                        "`{name}` is defined again (first at {}); the first definition is used",
                        first.node.source()
                    )));
                    continue;
                }
                self.globals.insert(
                    key.clone(),
                    Global {
                        node,
                        target_ns: schema.target_ns.clone(),
                        qualified: form("elementFormDefault"),
                        attributes_qualified: form("attributeFormDefault"),
                    },
                );
                order.push(key);
            }
        }
        order
    }

    /// A wire name for a new type: `wanted`, or `wanted_2`, `wanted_3`... when taken.
    fn claim(&mut self, wanted: &str, at: &Node, diags: &mut Vec<Diagnostic>) -> String {
        if self.taken.insert(wanted.to_owned()) {
            return wanted.to_owned();
        }
        let name = (2..)
            .map(|n| format!("{wanted}_{n}"))
            .find(|candidate| !self.taken.contains(candidate))
            .unwrap_or_else(|| wanted.to_owned());
        self.taken.insert(name.clone());
        diags.push(at.warning(format!(
            "another type is already named `{wanted}`; this one is named `{name}`"
        )));
        name
    }

    /// Builds the [`TypeDef`] of a global component that defines one, once; returns its name.
    fn ensure_def(&mut self, key: &(Space, QName), diags: &mut Vec<Diagnostic>) -> Option<String> {
        let name = self.names.get(key)?.clone();
        if self.defs.contains_key(&name) || self.building.contains(&name) {
            return Some(name);
        }
        let global = self.globals.get(key)?.clone();
        let definition = match key.0 {
            Space::Type => global.node,
            Space::Element => anonymous_type(global.node)?,
            Space::AttributeGroup | Space::Attribute => return None,
        };
        self.building.insert(name.clone());
        let literal_arrays = key.0 == Space::Type;
        let mut def = self.type_def(
            &name,
            (definition, global.node),
            (
                &global.target_ns,
                global.qualified,
                global.attributes_qualified,
            ),
            literal_arrays,
            diags,
        );
        self.building.remove(&name);
        // `xsi:type` names a type by its XSD name, whatever [`Types::claim`] made of it.
        if key.0 == Space::Type && key.1.local != name {
            def.renamed_from = Some(key.1.local.clone());
        }
        self.defs.insert(name.clone(), def);
        Some(name)
    }

    /// The type of a global element, resolved once.
    fn global_element(&mut self, name: &QName, diags: &mut Vec<Diagnostic>) -> TypeRef {
        if let Some(ty) = self.elements.get(name) {
            return ty.clone();
        }
        let key = (Space::Element, name.clone());
        let Some(global) = self.globals.get(&key).cloned() else {
            return TypeRef::Dynamic;
        };
        let ty = if let Some(def) = self.ensure_def(&key, diags) {
            TypeRef::Named {
                group: None,
                name: def,
            }
        } else if let Some(value) = global.node.attr("type") {
            self.type_ref(
                global.node,
                &format!("element `{}`", name.local),
                value,
                diags,
            )
        } else if let Some(simple) = anonymous_type(global.node) {
            self.alias(simple, 0, diags)
        } else {
            TypeRef::Dynamic
        };
        self.elements.insert(name.clone(), ty.clone());
        ty
    }

    /// Resolves a QName value naming a type (`tns:Foo`, `xsd:string`) in scope at `at`;
    /// `what` names the referrer in warnings (`part `sid` of message `loginRequest``).
    pub fn type_ref(
        &mut self,
        at: &Node,
        what: &str,
        value: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        self.type_ref_at_depth(at, what, value, 0, diags)
    }

    fn type_ref_at_depth(
        &mut self,
        at: &Node,
        what: &str,
        value: &str,
        depth: u32,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        match at.qname(value) {
            Ok(name) => self.resolve(at, what, value, &name, depth, diags),
            Err(why) => {
                diags.push(at.warning(format!("{what}: type {why}; read as a dynamic value")));
                TypeRef::Dynamic
            }
        }
    }

    fn resolve(
        &mut self,
        at: &Node,
        what: &str,
        shown: &str,
        name: &QName,
        depth: u32,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        let known = if ns::is_xsd(&name.ns) {
            builtin::xsd(&name.local)
        } else if name.ns == ns::SOAP_ENC {
            builtin::soap_encoding(&name.local)
        } else if name.ns == ns::APACHE_SOAP {
            builtin::apache_soap(&name.local)
        } else {
            self.schema_type(name, depth, diags)
        };
        if let Some(known) = known {
            return known;
        }
        let fallback = at.unprefixed_fallback(shown).and_then(|fallback| {
            let found = self.schema_type(&fallback, depth, diags)?;
            Some((fallback, found))
        });
        if let Some((fallback, found)) = fallback {
            diags.push(at.warning(format!(
                "{what}: type `{shown}` has no prefix and {name} is not a type; {fallback} (the \
                 target namespace) is used, as other SOAP stacks do"
            )));
            return found;
        }
        if ns::is_xsd(&name.ns) {
            diags.push(at.warning(format!(
                "{what}: XML Schema type `{shown}` is not supported; read as a string"
            )));
            return TypeRef::Scalar(Scalar::String);
        }
        diags.push(
            at.warning(format!(
                "{what} has type `{shown}` ({name}), which is defined nowhere"
            ))
            .with_hint(
                "its values are read as dynamic values; define the type to get a typed field",
            ),
        );
        TypeRef::Dynamic
    }

    /// A type some schema here defines, by expanded name.
    fn schema_type(
        &mut self,
        name: &QName,
        depth: u32,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<TypeRef> {
        let key = (Space::Type, name.clone());
        if let Some(def) = self.names.get(&key) {
            return Some(TypeRef::Named {
                group: None,
                name: def.clone(),
            });
        }
        let global = self.globals.get(&key).cloned()?;
        if let Some(item) = self.list_item_enum(name, &global, diags) {
            return Some(TypeRef::TextList(Box::new(item)));
        }
        Some(self.alias(global.node, depth + 1, diags))
    }

    /// The item enum of the named list type `name` when its items are an inline enumeration
    /// ([`content::enumerated_list_item`]); built once, named `<List>Item`.
    fn list_item_enum(
        &mut self,
        name: &QName,
        global: &Global<'a>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<TypeRef> {
        let inner = content::enumerated_list_item(global.node)?;
        let item = match self.list_items.get(name) {
            Some(item) => item.clone(),
            None => {
                let item = self.claim(&format!("{}Item", name.local), inner, diags);
                let schema = (
                    global.target_ns.as_str(),
                    global.qualified,
                    global.attributes_qualified,
                );
                let def = self.type_def(&item, (inner, global.node), schema, false, diags);
                self.defs.insert(item.clone(), def);
                self.list_items.insert(name.clone(), item.clone());
                item
            }
        };
        Some(TypeRef::Named {
            group: None,
            name: item,
        })
    }

    /// The global element `value` (a QName in scope at `at`); `None`, with a warning naming
    /// the referrer `what`, when it is defined nowhere.
    pub fn element(
        &mut self,
        at: &Node,
        what: &str,
        value: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Element> {
        let mut name = match at.qname(value) {
            Ok(name) => name,
            Err(why) => {
                diags.push(at.warning(format!("{what}: element {why}")));
                return None;
            }
        };
        let defined = |name: &QName| self.globals.contains_key(&(Space::Element, name.clone()));
        if !defined(&name)
            && let Some(fallback) = at.unprefixed_fallback(value).filter(|f| defined(f))
        {
            diags.push(at.warning(format!(
                "{what}: element `{value}` has no prefix and {name} is defined nowhere; \
                 {fallback} (the target namespace) is used, as other SOAP stacks do"
            )));
            name = fallback;
        }
        if !defined(&name) {
            diags.push(at.warning(format!(
                "{what} refers to element `{value}` ({name}), which is defined nowhere"
            )));
            return None;
        }
        let ty = self.global_element(&name, diags);
        Some(Element { name, ty })
    }

    /// Adds a struct no schema defines but the WSDL implies (the parts of an rpc answer),
    /// named `wanted` unless a type has that name already.
    pub fn implied_struct(
        &mut self,
        wanted: &str,
        at: &Node,
        target_ns: &str,
        fields: Vec<Field>,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        let name = self.claim(wanted, at, diags);
        self.defs.insert(
            name.clone(),
            TypeDef {
                renamed_from: None,
                base: None,
                group: None,
                name: crate::ir::Name::wire(&name),
                namespace: Some(target_ns.to_owned()),
                docs: crate::ir::Docs::default(),
                source: at.source(),
                kind: TypeKind::Struct { fields, rest: None },
            },
        );
        TypeRef::Named { group: None, name }
    }

    /// What a named type is, for the body element of a document operation.
    pub fn kind(&self, ty: &TypeRef) -> Option<&TypeKind> {
        let TypeRef::Named { name, .. } = ty else {
            return None;
        };
        self.defs.get(name).map(|d| &d.kind)
    }

    /// Whether global element `name` is declared with neither a type nor content
    /// (`<element name="Reset"/>`): formally `anyType`, in practice an empty element.
    pub fn is_untyped(&self, name: &QName) -> bool {
        self.globals
            .get(&(Space::Element, name.clone()))
            .is_some_and(|g| g.node.attr("type").is_none() && anonymous_type(g.node).is_none())
    }

    /// Every [`TypeDef`], sorted by name.
    pub fn into_defs(self) -> Vec<TypeDef> {
        self.defs.into_values().collect()
    }
}

/// The anonymous `complexType` or `simpleType` of an element.
fn anonymous_type(element: &Node) -> Option<&Node> {
    element
        .elements()
        .find(|e| ns::is_xsd(&e.ns) && (e.name == "complexType" || e.name == "simpleType"))
}
