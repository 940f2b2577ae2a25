//! The operations of the chosen SOAP binding: port type operation (docs, messages) plus
//! binding operation (style, use, namespace, soapAction), into IR operations.
//!
//! rpc: the body wrapper is the operation name (`<name>Response` back), parameters are the
//! input parts in message order (a part declared with `element=` is that element, in its
//! namespace), the output is the first output part.
//! document (literal wrapped): the wrappers are the elements of the single input and output
//! parts; the output is the output element's type. The parameters are what the input
//! element's type holds: a record's fields (its attributes too, sent on the body element); a wrapper list's (`ArrayOfX`) item element,
//! repeated directly under the body element; nothing for an element declared with neither
//! type nor content; for open content (`xsd:any`, `anyType`) one optional piece of markup,
//! the element's whole content; and for a simple or enumerated type the body element itself,
//! sent bare.

use super::components::{Components, Port};
use super::node::{Node, QName};
use super::xsd::{Element, Types};
use super::{docs, ns};
use crate::diag::{Diagnostic, Item};
use crate::ir::{
    Binding, BodyUse, Docs, Field, Name, Operation, Output, Param, ParamRole, Placement, Scalar,
    SoapBinding, SoapStyle, TypeKind, TypeRef,
};
use std::collections::{BTreeMap, BTreeSet};

/// The operation-independent facts every operation needs.
struct Context<'c, 'a> {
    components: &'c Components<'a>,
    port: &'c Port<'a>,
    /// The binding's default style.
    style: Option<&'a str>,
    target_ns: &'c str,
}

/// What one binding gives: its operations, and the port type operations it binds and leaves
/// unbound (reported by the caller when no binding binds them).
pub struct Bound<'a> {
    pub operations: Vec<Operation>,
    pub bound: Vec<&'a Node>,
    pub unbound: Vec<&'a Node>,
}

/// Every operation of `port`'s binding that its port type defines, in binding order.
///
/// Overloads (port type operations sharing a name) are told apart as WSDL 1.1 §2.4.5 says: a
/// binding operation names its input (`<input name="…">`) when the name alone is ambiguous;
/// without one, overloads pair up in document order. The first overload keeps the name; each
/// other is named after its input, as .NET's `MessageName` is, else `<name>_<n>` for the
/// n-th overload.
pub fn read<'a>(
    components: &Components<'a>,
    port: &Port<'a>,
    types: &mut Types<'_>,
    target_ns: &str,
    diags: &mut Vec<Diagnostic>,
) -> Bound<'a> {
    let mut out = Bound {
        operations: Vec::new(),
        bound: Vec::new(),
        unbound: Vec::new(),
    };
    let binding = port.binding;
    let soap_binding = binding.child(port.soap_ns, "binding");
    if let Some(transport) = soap_binding.and_then(|b| b.attr("transport"))
        && !transport.trim().ends_with("/soap/http")
    {
        diags.push(binding.warning(format!(
            "transport `{transport}` is not HTTP; calls are sent over HTTP anyway"
        )));
    }
    let Some(port_type) = binding
        .attr("type")
        .and_then(|t| components.port_type(binding, t, diags))
    else {
        diags.push(binding.error("the SOAP binding has no port type: no operation can be read"));
        return out;
    };
    let abstract_ops = by_name(port_type, diags);
    let ctx = Context {
        components,
        port,
        style: soap_binding.and_then(|b| b.attr("style")),
        target_ns,
    };
    let mut taken: BTreeSet<String> = abstract_ops.keys().map(|k| (*k).to_owned()).collect();
    for concrete in binding.children(ns::WSDL, "operation") {
        let Some(name) = concrete.attr("name") else {
            diags.push(
                concrete
                    .warning("binding operation without a name is skipped")
                    .skipping(Item::Operation, ""),
            );
            continue;
        };
        let Some(overloads) = abstract_ops.get(name) else {
            diags.push(
                concrete
                    .warning(format!(
                        "binding operation `{name}` is not in the port type; skipped"
                    ))
                    .skipping(Item::Operation, name),
            );
            continue;
        };
        let input = concrete
            .child(ns::WSDL, "input")
            .and_then(|i| i.attr("name"));
        let free = |op: &&&Node| !out.bound.iter().any(|b| std::ptr::eq(*b, **op));
        let found = overloads
            .iter()
            .enumerate()
            .find(|(_, op)| free(op) && input.is_none_or(|input| input_name(op) == Some(input)));
        let Some((index, &abstract_op)) = found else {
            diags.push(
                concrete
                    .warning(format!(
                        "binding operation `{name}` matches no port type operation left (bound twice, or no input named `{}`); skipped",
                        input.unwrap_or_default()
                    ))
                    .skipping(Item::Operation, name),
            );
            continue;
        };
        out.bound.push(abstract_op);
        let Some(mut operation) = operation(&ctx, name, abstract_op, concrete, types, diags) else {
            continue;
        };
        if index > 0 {
            let wire = overload_name(name, input_name(abstract_op), index, &taken);
            taken.insert(wire.clone());
            operation.docs.details.push(format!(
                "Overload {} of the WSDL operation `{name}`.",
                index + 1
            ));
            operation.name = Name::wire(wire);
        }
        out.operations.push(operation);
    }
    for abstract_op in abstract_ops.values().flatten() {
        if !out.bound.iter().any(|b| std::ptr::eq(*b, *abstract_op)) {
            out.unbound.push(abstract_op);
        }
    }
    out
}

/// The name of overload `index` (from 0) of `name`: its input's name when that is free, else
/// `<name>_<index + 1>`.
fn overload_name(
    name: &str,
    input: Option<&str>,
    index: usize,
    taken: &BTreeSet<String>,
) -> String {
    match input.map(str::trim) {
        Some(input) if !input.is_empty() && !taken.contains(input) => input.to_owned(),
        _ => (index + 1..)
            .map(|n| format!("{name}_{n}"))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_else(|| name.to_owned()),
    }
}

/// The `name` of a port type operation's input.
fn input_name(op: &Node) -> Option<&str> {
    op.child(ns::WSDL, "input").and_then(|i| i.attr("name"))
}

/// The port type's operations by name, overloads in document order.
fn by_name<'a>(
    port_type: &'a Node,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<&'a str, Vec<&'a Node>> {
    let mut out: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    for op in port_type.children(ns::WSDL, "operation") {
        let Some(name) = op.attr("name") else {
            diags.push(
                op.warning("port type operation without a name is skipped")
                    .skipping(Item::Operation, ""),
            );
            continue;
        };
        out.entry(name).or_default().push(op);
    }
    out
}

fn operation(
    ctx: &Context<'_, '_>,
    name: &str,
    abstract_op: &Node,
    concrete: &Node,
    types: &mut Types<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Operation> {
    let (input_message, output_message) = messages(ctx, name, abstract_op, diags)?;
    let soap_ns = ctx.port.soap_ns;
    let soap_op = concrete.child(soap_ns, "operation");
    let style = style(
        name,
        soap_op.and_then(|o| o.attr("style")).or(ctx.style),
        concrete,
        diags,
    );
    let body = |io: &str| {
        concrete
            .child(ns::WSDL, io)
            .and_then(|b| b.child(soap_ns, "body"))
    };
    let headers = super::headers::read(ctx.components, concrete, soap_ns, name, types, diags);
    let body_use = body_use(name, body("input"), body("output"), concrete, diags);
    let input_parts = parts(input_message, body("input"));
    let output_parts = output_message.map(|m| parts(m, body("output")));
    let mut all_parts = input_parts
        .list
        .iter()
        .chain(output_parts.iter().flat_map(|p| &p.list));
    if let Some(part) = all_parts.find(|p| p.attr("name").is_none()) {
        diags.push(
            part.warning(format!(
                "a message part of `{name}` has no name; the operation is skipped"
            ))
            .skipping(Item::Operation, name),
        );
        return None;
    }

    let shape = match style {
        SoapStyle::Rpc => rpc(
            name,
            &input_parts,
            output_parts.as_ref(),
            ctx.target_ns,
            types,
            diags,
        ),
        SoapStyle::Document => document(name, &input_parts, output_parts.as_ref(), types, diags)?,
    };
    let namespace = match (style, body("input").and_then(|b| b.attr("namespace"))) {
        (SoapStyle::Rpc, Some(namespace)) => namespace.trim().to_owned(),
        (SoapStyle::Rpc, None) => {
            diags.push(concrete.warning(format!(
                "rpc operation `{name}` has no soap:body namespace; the target namespace is used"
            )));
            ctx.target_ns.to_owned()
        }
        (SoapStyle::Document, _) => shape
            .namespace
            .clone()
            .unwrap_or_else(|| ctx.target_ns.to_owned()),
    };
    let mut docs = docs::wsdl(abstract_op);
    if docs.summary.is_none() {
        docs = docs::wsdl(concrete);
    }
    let soap_action = soap_op
        .and_then(|o| o.attr("soapAction"))
        .unwrap_or_default()
        .trim()
        .to_owned();
    Some(Operation {
        group: None,
        name: Name::wire(name),
        docs,
        sources: vec![abstract_op.source()],
        params: shape.params,
        output: shape.output,
        binding: Binding::Soap(SoapBinding {
            version: ctx.port.version,
            style,
            body_use,
            namespace,
            soap_action,
            endpoint: ctx.port.endpoint.clone(),
            request_element: shape.request_element,
            response_element: shape.response_element,
            bare: shape.bare,
            all_parts: shape.all_parts,
            headers,
        }),
        idempotent: false,
    })
}

/// The input message and, unless the operation is one-way, the output message. `None`
/// (warned) for notifications, solicit-responses and messages defined nowhere.
fn messages<'a>(
    ctx: &Context<'_, 'a>,
    name: &str,
    abstract_op: &Node,
    diags: &mut Vec<Diagnostic>,
) -> Option<(&'a Node, Option<&'a Node>)> {
    let first = abstract_op
        .elements()
        .find(|e| e.ns == ns::WSDL && (e.name == "input" || e.name == "output"));
    let Some(input) = first.filter(|io| io.name == "input") else {
        diags.push(abstract_op.warning(format!(
            "operation `{name}` does not start with an input (notification or solicit-response); skipped"
        )).skipping(Item::Operation, name));
        return None;
    };
    let mut message = |io: &Node| {
        let found = io
            .attr("message")
            .and_then(|m| ctx.components.message(io, m, diags));
        if found.is_none() {
            diags.push(
                io.warning(format!(
                    "operation `{name}` has no usable {} message; skipped",
                    io.name
                ))
                .skipping(Item::Operation, name),
            );
        }
        found
    };
    let input_message = message(input)?;
    let output_message = match abstract_op.child(ns::WSDL, "output") {
        Some(output) => Some(message(output)?),
        None => None,
    };
    Some((input_message, output_message))
}

/// rpc or document (the default) from the operation's or else the binding's `style`.
fn style(name: &str, declared: Option<&str>, at: &Node, diags: &mut Vec<Diagnostic>) -> SoapStyle {
    match declared.map(str::trim) {
        Some("rpc") => SoapStyle::Rpc,
        None | Some("document") => SoapStyle::Document,
        Some(other) => {
            diags.push(at.warning(format!(
                "style `{other}` of `{name}` is unknown; document is assumed"
            )));
            SoapStyle::Document
        }
    }
}

/// `encoded` or `literal` (the default), from the input body; a different output use is
/// warned about.
fn body_use(
    name: &str,
    input: Option<&Node>,
    output: Option<&Node>,
    at: &Node,
    diags: &mut Vec<Diagnostic>,
) -> BodyUse {
    let parse = |body: Option<&Node>, diags: &mut Vec<Diagnostic>| match body
        .and_then(|b| b.attr("use"))
        .map(str::trim)
    {
        Some("encoded") => BodyUse::Encoded,
        None | Some("literal") => BodyUse::Literal,
        Some(other) => {
            diags.push(at.warning(format!(
                "soap:body use `{other}` of `{name}` is unknown; literal is assumed"
            )));
            BodyUse::Literal
        }
    };
    let input_use = parse(input, diags);
    if output.is_some() && parse(output, diags) != input_use {
        diags.push(at.warning(format!(
            "`{name}` uses different encodings for input and output; the input's is used"
        )));
    }
    input_use
}

/// The body parts of a message.
struct Parts<'a> {
    message: &'a str,
    list: Vec<&'a Node>,
}

impl Parts<'_> {
    /// A part as warnings name it.
    fn what(&self, part: &Node) -> String {
        format!(
            "part `{}` of message `{}`",
            part.attr("name").unwrap_or_default(),
            self.message
        )
    }
}

/// A message's parts in order, limited to those `soap:body parts="..."` names when present.
fn parts<'a>(message: &'a Node, body: Option<&Node>) -> Parts<'a> {
    let selected: Option<Vec<&str>> = body
        .and_then(|b| b.attr("parts"))
        .map(|p| p.split_whitespace().collect());
    let list = message
        .children(ns::WSDL, "part")
        .filter(|part| match (&selected, part.attr("name")) {
            (Some(selected), Some(name)) => selected.contains(&name),
            _ => true,
        })
        .collect();
    Parts {
        message: message.attr("name").unwrap_or_default(),
        list,
    }
}

/// What differs between rpc and document operations.
struct Shape {
    params: Vec<Param>,
    output: Output,
    request_element: String,
    response_element: String,
    /// The body elements' namespace (document style).
    namespace: Option<String>,
    /// The one parameter is the body element itself (document style, not a record).
    bare: bool,
    /// The output is the rpc wrapper with all its parts, not its one part.
    all_parts: bool,
}

fn rpc(
    name: &str,
    inputs: &Parts<'_>,
    outputs: Option<&Parts<'_>>,
    target_ns: &str,
    types: &mut Types<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Shape {
    let params = inputs
        .list
        .iter()
        .map(|part| {
            let (element, ty) = part_type(part, &inputs.what(part), types, diags);
            // An `element=` part is that element, named and qualified as it is declared
            // (WSDL 1.1 §3.5); a `type=` part is an accessor in no namespace.
            let (name, namespace) = match element {
                Some(element) => (element.local, Some(element.ns).filter(|n| !n.is_empty())),
                None => (part.attr("name").unwrap_or_default().to_owned(), None),
            };
            part_param(part, &name, namespace, ty)
        })
        .collect();
    let response_element = format!("{name}Response");
    let mut all_parts = false;
    let output = match outputs.map(|o| (o, o.list.as_slice())) {
        None | Some((_, [])) => Output::None,
        Some((outputs, [part])) => Output::Value {
            name: Name::wire(part.attr("name").unwrap_or_default()),
            ty: part_type(part, &outputs.what(part), types, diags).1,
            docs: docs::wsdl(part),
        },
        // Several parts (PHP functions returning several values): the answer is the
        // wrapper, one field per part.
        Some((outputs, list @ [first, ..])) => {
            let fields = list
                .iter()
                .map(|part| Field {
                    declared: None,
                    name: Name::wire(part.attr("name").unwrap_or_default()),
                    ty: part_type(part, &outputs.what(part), types, diags).1,
                    required: true,
                    nillable: false,
                    repeated: false,
                    placement: crate::ir::Placement::Element,
                    namespace: None,
                    secret: false,
                    docs: docs::wsdl(part),
                    source: part.source(),
                })
                .collect();
            all_parts = true;
            Output::Value {
                name: Name::wire(&response_element),
                ty: types.implied_struct(&response_element, first, target_ns, fields, diags),
                docs: Docs::default(),
            }
        }
    };
    Shape {
        params,
        output,
        request_element: name.to_owned(),
        response_element,
        namespace: None,
        bare: false,
        all_parts,
    }
}

/// The type of an rpc part: its `type`, or the type of its `element` with that element's
/// name.
fn part_type(
    part: &Node,
    what: &str,
    types: &mut Types<'_>,
    diags: &mut Vec<Diagnostic>,
) -> (Option<QName>, TypeRef) {
    if let Some(value) = part.attr("type") {
        return (None, types.type_ref(part, what, value, diags));
    }
    if let Some(value) = part.attr("element") {
        return match types.element(part, what, value, diags) {
            Some(element) => (Some(element.name), element.ty),
            None => (None, TypeRef::Dynamic),
        };
    }
    diags.push(part.warning(format!(
        "{what} has no type or element; read as a dynamic value"
    )));
    (None, TypeRef::Dynamic)
}

/// Document style: at most one body part each way, naming an element. `None` (warned) for
/// an operation that cannot be called that way.
fn document(
    name: &str,
    inputs: &Parts<'_>,
    outputs: Option<&Parts<'_>>,
    types: &mut Types<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Shape> {
    let mut shape = Shape {
        params: Vec::new(),
        output: Output::None,
        request_element: String::new(),
        response_element: String::new(),
        namespace: None,
        bare: false,
        all_parts: false,
    };
    match inputs.list.as_slice() {
        [] => {}
        [part] => {
            let Element { name: element, ty } =
                body_element(name, part, &inputs.what(part), types, diags)?;
            (shape.params, shape.bare) = body_params(name, part, &element, ty, types, diags);
            shape.namespace = Some(element.ns);
            shape.request_element = element.local;
        }
        [first, ..] => {
            diags.push(
                first
                    .warning(format!(
                        "document-style `{name}` has {} input parts (not wrapped style); skipped",
                        inputs.list.len()
                    ))
                    .skipping(Item::Operation, name),
            );
            return None;
        }
    }
    if let Some((outputs, [first, rest @ ..])) = outputs.map(|o| (o, o.list.as_slice())) {
        if !rest.is_empty() {
            diags.push(first.warning(format!(
                "`{name}` returns {} parts; only the first is read",
                rest.len() + 1
            )));
        }
        let Element {
            name: element, ty, ..
        } = body_element(name, first, &outputs.what(first), types, diags)?;
        shape.output = Output::Value {
            name: Name::wire(first.attr("name").unwrap_or_default()),
            ty,
            docs: docs::wsdl(first),
        };
        shape.namespace.get_or_insert(element.ns);
        shape.response_element = element.local;
    }
    Some(shape)
}

/// The element of a document-style part and its type; `None` (warned) when the part has no
/// element defined anywhere.
fn body_element(
    name: &str,
    part: &Node,
    what: &str,
    types: &mut Types<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Element> {
    let Some(value) = part.attr("element") else {
        diags.push(part.warning(format!(
            "document-style `{name}` has a part without element= (type= parts need rpc style); skipped"
        )).skipping(Item::Operation, name));
        return None;
    };
    let Some(element) = types.element(part, what, value, diags) else {
        diags.push(
            part.warning(format!("`{name}` is skipped: its body element is unknown"))
                .skipping(Item::Operation, name),
        );
        return None;
    };
    Some(element)
}

/// The parameters of a document operation whose body element is `element` of type `ty`,
/// and whether the one parameter is the body element itself (bare): exactly what the schema
/// puts inside the element, never an extra element named after the WSDL part.
fn body_params(
    operation: &str,
    part: &Node,
    element: &QName,
    ty: TypeRef,
    types: &Types<'_>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Param>, bool) {
    match (types.kind(&ty), &ty) {
        (Some(TypeKind::Struct { fields, .. }), _) => {
            // Parameters are the wrapper's attributes and child elements; the text of a
            // wrapper with simple content has no place in the request the runtime writes.
            for field in fields.iter().filter(|f| f.placement == Placement::Text) {
                diags.push(part.warning(format!(
                    "text `{}` of the input element of `{operation}` is not sent",
                    field.name.wire
                )));
            }
            let params = fields
                .iter()
                .filter(|f| f.placement != Placement::Text)
                .map(param_of_field)
                .collect();
            (params, false)
        }
        // A wrapper list type (`ArrayOfX`): its items go directly under the body element.
        (
            Some(TypeKind::Array {
                item,
                item_element: Some(item_element),
                item_namespace,
            }),
            _,
        ) => {
            let param = Param {
                name: Name::wire(item_element),
                ty: TypeRef::List(Box::new(item.clone())),
                required: false,
                repeated: true,
                namespace: item_namespace.clone(),
                ..body_param(part, element, ty.clone())
            };
            (vec![param], false)
        }
        // An element declared with neither type nor content: sent empty, as it is declared.
        (None, TypeRef::Dynamic) if types.is_untyped(element) => (Vec::new(), false),
        // Open content (`xsd:any`, `anyType`): the element's content is markup the caller
        // gives, or nothing.
        (None, TypeRef::Dynamic) => {
            let param = Param {
                required: false,
                placement: Placement::Text,
                namespace: None,
                ..body_param(part, element, TypeRef::Scalar(Scalar::Xml))
            };
            (vec![param], false)
        }
        // Text content (a simple type, an enum, a SOAP-ENC array): the element itself.
        _ => (vec![body_param(part, element, ty)], true),
    }
}

/// The body element itself as the one parameter of a bare operation.
fn body_param(part: &Node, element: &QName, ty: TypeRef) -> Param {
    let namespace = Some(element.ns.clone()).filter(|ns| !ns.is_empty());
    part_param(part, &element.local, namespace, ty)
}

/// A required input element `name` in `namespace`, documented by the message `part`.
fn part_param(part: &Node, name: &str, namespace: Option<String>, ty: TypeRef) -> Param {
    Param {
        declared: None,
        name: Name::wire(name),
        ty,
        required: true,
        role: ParamRole::Input,
        secret: false,
        pair_names: None,
        repeated: false,
        placement: Placement::Element,
        namespace,
        docs: docs::wsdl(part),
        source: part.source(),
    }
}

/// A wrapped operation's parameter: a field of its input element.
fn param_of_field(field: &Field) -> Param {
    Param {
        declared: None,
        name: field.name.clone(),
        ty: field.ty.clone(),
        required: field.required,
        role: ParamRole::Input,
        secret: false,
        pair_names: None,
        repeated: field.repeated,
        placement: field.placement,
        namespace: field.namespace.clone(),
        docs: field.docs.clone(),
        source: field.source.clone(),
    }
}
