//! A SOAP service: `mod.rs` with the endpoint, the client, the session and one method per
//! operation, and `types.rs` with every WSDL type.
//!
//! With a session, the login operation returns a `Session`, and every operation that takes
//! the session parameter is a method of `Session`, which fills that parameter itself. Each
//! method adds its parts in WSDL order (NuSOAP takes them by position) with their `xsi:type`.
//! A literal operation's static names each part's element and namespace, and `TYPE_ELEMENTS`
//! every record field's, so that the runtime writes each element where its schema puts it.

use super::docs::{self, Doc};
use super::names::{self, ident};
use super::request;
use super::scope::Scope;
use super::typeref::{self, Place, Shape};
use super::{Ctx, Errors, File};
use crate::diag::Diagnostic;
use crate::ir::{
    Binding, BodyUse, Operation, Output, Param, ParamRole, PasswordType, Placement, Scalar,
    SoapBinding, SoapHeader, SoapStyle, SoapVersion, Source, TypeKind, TypeRef,
};
use proc_macro2::TokenStream;
use quote::quote;

const SOAP_ENCODING_11: &str = "http://schemas.xmlsoap.org/soap/encoding/";
const SOAP_ENCODING_12: &str = "http://www.w3.org/2003/05/soap-encoding";
/// Apache SOAP's namespace, home of the `Map` type that key/value pairs travel as.
const APACHE_SOAP: &str = "http://xml.apache.org/xml-soap";

/// Operations with more input parameters than this take a `<Op>Request` built by name
/// (see `request.rs`) instead of positional arguments: past four, arguments of one type are
/// easy to swap unnoticed, while up to four read well at the call site.
const MAX_POSITIONAL_PARAMS: usize = 4;

/// Which generated type a method belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Receiver {
    Client,
    Session,
}

/// The files of one SOAP service.
pub(super) fn files(ctx: &Ctx, errors: &mut Errors) -> Vec<File> {
    let service = ctx.service;
    let mut root = Scope::module(format!("module `{}`", service.name.rust));
    root.reserve(&[
        "types",
        "mock",
        "ENDPOINT",
        "Client",
        "Session",
        "IN_BAND_ERROR",
        "TYPE_ELEMENTS",
        "TYPE_XSI",
    ]);
    unsupported(ctx, errors);
    let defs: Vec<_> = service.types.iter().collect();
    let types = super::types_file(ctx, &defs, &mut root, errors);

    let login = login_operation(ctx, errors);

    let mut client_scope = Scope::new("`impl Client`");
    client_scope.reserve(&["new", "builder", "endpoint", "session"]);
    let mut session_scope = Scope::new("`impl Session`");
    session_scope.reserve(&["client", "sid"]);
    let mut client_methods = Vec::new();
    let mut session_methods = Vec::new();
    let mut requests = Vec::new();
    let mut statics = Vec::new();
    let mut uses_in_band = false;
    // Once per service: every operation's static compares its port's address with it.
    let main = main_address(service);
    let type_xsi = errors.take(type_xsi_static(ctx)).flatten();
    let encoded_types = type_xsi.is_some();
    for op in &service.operations {
        let at = super::op_source(ctx, op);
        let is_login = login.is_some_and(|l| std::ptr::eq(l, op));
        let receiver = if !is_login && op.params.iter().any(|p| p.role == ParamRole::Session) {
            Receiver::Session
        } else {
            Receiver::Client
        };
        let scope = match receiver {
            Receiver::Client => &mut client_scope,
            Receiver::Session => &mut session_scope,
        };
        if errors.take(scope.declare(&op.name.rust, at)).is_none() {
            continue;
        }
        let Some(method) = errors.take(method(ctx, op, receiver, is_login, &mut root)) else {
            continue;
        };
        requests.extend(method.request);
        let Some(operation) = errors.take(operation_static(
            ctx,
            op,
            (main, encoded_types),
            &mut root,
            at,
        )) else {
            continue;
        };
        uses_in_band |= method.checked;
        statics.push(operation);
        match receiver {
            Receiver::Client => client_methods.push(method.tokens),
            Receiver::Session => session_methods.push(method.tokens),
        }
    }
    let in_band = uses_in_band.then(|| in_band_static(ctx)).flatten();
    let type_elements = if service.operations.iter().any(is_literal) {
        errors.take(type_elements_static(ctx))
    } else {
        None
    };
    let session = login.map(|_| session_tokens(ctx, &session_methods));
    if login.is_none() && !session_methods.is_empty() {
        errors.report(
            Diagnostic::error(
                &service.source.file,
                service.source.line,
                "operations take a session parameter, but the service declares no session",
            )
            .with_hint("add a [session] table to the manifest"),
        );
    }
    let consts = errors.take(constants(ctx, &mut root)).unwrap_or_default();
    let client = client_tokens(ctx, login.is_some(), &client_methods);

    let doc = super::module_doc(ctx, "SOAP", "").inner();
    let types_mod = types.is_some().then(|| {
        quote! {
            mod types;
            pub use types::*;
        }
    });
    let mock_mod = super::mock::declaration();
    let module = quote! {
        #doc
        #mock_mod
        #types_mod
        #consts
        #client
        #session
        #(#requests)*
        #in_band
        #type_elements
        #type_xsi
        #(#statics)*
    };
    let mut out = vec![File::in_service(ctx, "mod.rs", module)];
    out.extend(types);
    out.push(super::mock::file(ctx, errors));
    out
}

/// Reports what a SOAP service cannot have.
fn unsupported(ctx: &Ctx, errors: &mut Errors) {
    let service = ctx.service;
    for item in &service.credentials {
        errors.report(
            Diagnostic::error(
                &service.source.file,
                service.source.line,
                format!(
                    "credential `{}`: a SOAP service cannot hold credentials",
                    item.name.wire
                ),
            )
            .with_hint("pass it as an operation parameter, or use a session"),
        );
    }
    let grouped = service.operations.iter().find(|op| op.group.is_some());
    if let Some(op) = grouped {
        let at = super::op_source(ctx, op);
        errors.report(Diagnostic::error(
            &at.file,
            at.line,
            format!(
                "operation `{}`: SOAP operations have no group",
                op.name.wire
            ),
        ));
    }
    if let Some(group) = service.groups.first() {
        errors.report(Diagnostic::error(
            &service.source.file,
            service.source.line,
            format!(
                "group `{}`: SOAP services have no operation groups",
                group.name.wire
            ),
        ));
    }
}

/// The operation that opens a session, if the service has one.
fn login_operation<'a>(ctx: &Ctx<'a>, errors: &mut Errors) -> Option<&'a Operation> {
    let service = ctx.service;
    service.session.as_ref().and_then(|session| {
        let found = service
            .operations
            .iter()
            .find(|op| op.name.wire == session.login_operation);
        if found.is_none() {
            errors.report(Diagnostic::error(
                &service.source.file,
                service.source.line,
                format!(
                    "the session's login operation `{}` is not an operation of the service",
                    session.login_operation
                ),
            ));
        }
        found
    })
}

/// `ENDPOINT` and one constant per base URL.
fn constants(ctx: &Ctx, root: &mut Scope) -> Result<TokenStream, Diagnostic> {
    let endpoint = main_address(ctx.service).map(|url| {
        let doc = Doc::of(format!("The address the WSDL gives: {}.", docs::code(url))).outer();
        quote! {
            #doc
            pub const ENDPOINT: &str = #url;
        }
    });
    let urls = super::base_url_constants(ctx, root)?;
    Ok(quote! { #endpoint #urls })
}

/// The address of the service's main port: the one most operations are bound at (the first
/// in operation order on a tie). Operations of other ports carry their own address.
fn main_address(service: &crate::ir::Service) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for op in &service.operations {
        if let Binding::Soap(binding) = &op.binding {
            match counts.iter_mut().find(|(url, _)| *url == binding.endpoint) {
                Some((_, count)) => *count += 1,
                None => counts.push((&binding.endpoint, 1)),
            }
        }
    }
    let most = counts.iter().map(|(_, count)| *count).max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == most)
        .map(|(url, _)| url)
}

/// `static <OP>: soap::Operation`; `main` is the service's [`main_address`], `encoded_types`
/// whether the service has a `TYPE_XSI` table.
fn operation_static(
    ctx: &Ctx,
    op: &Operation,
    (main, encoded_types): (Option<&str>, bool),
    root: &mut Scope,
    at: &Source,
) -> Result<TokenStream, Diagnostic> {
    let binding = soap_binding(op, at)?;
    let name = names::constant(&op.name.rust);
    root.declare(&name, at)?;
    let name = ident(&name, at)?;
    let wire = &op.name.wire;
    let version = match binding.version {
        SoapVersion::V11 => quote!(V11),
        SoapVersion::V12 => quote!(V12),
    };
    let style = match binding.style {
        SoapStyle::Rpc => quote!(Rpc),
        SoapStyle::Document => quote!(Document),
    };
    let body_use = match binding.body_use {
        BodyUse::Encoded => quote!(Encoded),
        BodyUse::Literal => quote!(Literal),
    };
    let SoapBinding {
        namespace,
        soap_action,
        request_element,
        response_element,
        bare,
        all_parts,
        ..
    } = binding;
    let idempotent = op.idempotent;
    let address = match main {
        Some(main) if main == binding.endpoint => "",
        _ => binding.endpoint.as_str(),
    };
    // Encoded use writes every accessor unqualified and needs no element tables, but names
    // each record field's declared type.
    let xsi_types = if encoded_types && !is_literal(op) {
        quote!(TYPE_XSI)
    } else {
        quote!(&[])
    };
    let (parts, types) = if is_literal(op) {
        // The element tables are looked up by name when an element is sent: an attribute of
        // the wrapper element is none, and may share an element's name.
        let parts = op
            .params
            .iter()
            .filter(|p| p.placement.is_element())
            .map(|p| {
                let value = match (&p.ty, p.repeated) {
                    (TypeRef::List(item), true) => item,
                    (ty, _) => ty,
                };
                element_tokens(ctx, &p.name.wire, p.namespace.as_deref(), value, &p.source)
            })
            .collect::<Result<Vec<_>, _>>()?;
        (parts, quote!(TYPE_ELEMENTS))
    } else {
        (Vec::new(), quote!(&[]))
    };
    Ok(quote! {
        static #name: crate::runtime::soap::Operation = crate::runtime::soap::Operation {
            name: #wire,
            version: crate::runtime::soap::Version::#version,
            style: crate::runtime::soap::Style::#style,
            body_use: crate::runtime::soap::Use::#body_use,
            namespace: #namespace,
            soap_action: #soap_action,
            request_element: #request_element,
            response_element: #response_element,
            bare: #bare,
            parts: &[#(#parts),*],
            types: #types,
            xsi_types: #xsi_types,
            all_parts: #all_parts,
            idempotent: #idempotent,
            address: #address,
        };
    })
}

fn is_literal(op: &Operation) -> bool {
    matches!(&op.binding, Binding::Soap(b) if b.body_use == BodyUse::Literal)
}

/// `static TYPE_ELEMENTS`: every record's element fields as `soap::ElementSpec`s, sorted by the record's
/// wire name (its serde name), for the serializer to write each field in its namespace.
fn type_elements_static(ctx: &Ctx) -> Result<TokenStream, Diagnostic> {
    let mut records: Vec<_> = ctx
        .service
        .types
        .iter()
        .filter_map(|def| match &def.kind {
            TypeKind::Struct { fields, .. } => Some((def.name.wire.as_str(), fields)),
            TypeKind::Array { .. } | TypeKind::Enum { .. } => None,
        })
        .collect();
    records.sort_by_key(|(name, _)| *name);
    let mut entries = Vec::with_capacity(records.len());
    for (name, fields) in records {
        // Attributes and text are written in their element's start tag and content, never as
        // elements of their own.
        let fields = fields
            .iter()
            .filter(|f| f.placement.is_element())
            .map(|f| {
                let value = match (&f.ty, f.repeated) {
                    (TypeRef::List(item), true) => item,
                    (ty, _) => ty,
                };
                element_tokens(ctx, &f.name.wire, f.namespace.as_deref(), value, &f.source)
            })
            .collect::<Result<Vec<_>, _>>()?;
        entries.push(quote!((#name, &[#(#fields),*])));
    }
    Ok(quote! {
        static TYPE_ELEMENTS: &crate::runtime::soap::TypeElements = &[#(#entries),*];
    })
}

/// The records an encoded request can carry: those its inputs and encoded headers hold,
/// directly or through other records, lists and maps, and the records extending them (sent
/// as derived values), sorted by wire name.
fn sent_records<'c>(ctx: &Ctx<'c>) -> std::collections::BTreeSet<&'c str> {
    let mut pending: Vec<&TypeRef> = Vec::new();
    for op in &ctx.service.operations {
        let Binding::Soap(binding) = &op.binding else {
            continue;
        };
        if binding.body_use == BodyUse::Encoded {
            pending.extend(op.params.iter().map(|p| &p.ty));
        }
        let headers = binding.headers.input.iter().filter(|h| h.encoded);
        pending.extend(headers.map(|h| &h.ty));
    }
    let mut records = std::collections::BTreeSet::new();
    loop {
        while let Some(ty) = pending.pop() {
            match ty {
                TypeRef::Named { group, name } => {
                    let Some(def) = ctx.types.get(&(group.as_deref(), name.as_str())) else {
                        continue;
                    };
                    match &def.kind {
                        TypeKind::Struct { fields, rest } => {
                            if records.insert(def.name.wire.as_str()) {
                                pending.extend(fields.iter().map(|f| &f.ty));
                                pending.extend(rest);
                            }
                        }
                        TypeKind::Array { item, .. } => pending.push(item),
                        TypeKind::Enum { .. } => {}
                    }
                }
                TypeRef::List(item) | TypeRef::TextList(item) => pending.push(item),
                TypeRef::Map(key, value) => pending.extend([&**key, &**value]),
                TypeRef::Scalar(_) | TypeRef::Dynamic => {}
            }
        }
        // A record extending one that is sent may be sent in its place.
        for def in &ctx.service.types {
            if let TypeKind::Struct { fields, rest } = &def.kind
                && def.base.as_deref().is_some_and(|b| records.contains(b))
                && records.insert(def.name.wire.as_str())
            {
                pending.extend(fields.iter().map(|f| &f.ty));
                pending.extend(rest);
            }
        }
        if pending.is_empty() {
            return records;
        }
    }
}

/// `static TYPE_XSI`: the declared `xsi:type` of every element field of every record an
/// encoded request can carry ([`sent_records`]), for the serializer to name it whatever Rust
/// type holds the value; `None` when there is none.
fn type_xsi_static(ctx: &Ctx) -> Result<Option<TokenStream>, Diagnostic> {
    let records = sent_records(ctx);
    if records.is_empty() {
        return Ok(None);
    }
    let version = ctx
        .service
        .operations
        .iter()
        .find_map(|op| match &op.binding {
            Binding::Soap(b) if b.body_use == BodyUse::Encoded => Some(b.version),
            _ => None,
        })
        .unwrap_or(SoapVersion::V11);
    let mut entries = Vec::with_capacity(records.len());
    for def in &ctx.service.types {
        let TypeKind::Struct { fields, .. } = &def.kind else {
            continue;
        };
        if !records.contains(def.name.wire.as_str()) {
            continue;
        }
        let fields = fields
            .iter()
            .filter(|f| f.placement.is_element())
            .map(|f| {
                let field = (&f.ty, f.declared, f.repeated);
                let (xsi_type, items) = declared_xsi(ctx, field, version, &f.source)?;
                let (name, items) = (&f.name.wire, option(items));
                Ok(quote!((#name, crate::runtime::soap::XsiSpec { xsi_type: #xsi_type, items: #items })))
            })
            .collect::<Result<Vec<_>, Diagnostic>>()?;
        let name = &def.name.wire;
        entries.push((name, quote!((#name, &[#(#fields),*]))));
    }
    entries.sort_by_key(|(name, _)| *name);
    let entries = entries.into_iter().map(|(_, tokens)| tokens);
    Ok(Some(quote! {
        static TYPE_XSI: &crate::runtime::soap::TypeXsi = &[#(#entries),*];
    }))
}

/// The type the WSDL declares for an element holding `ty` (`declared` when a build rule
/// retyped its scalar; the item's, for a `repeated` element) as a `soap::XsiType`, and for a
/// list its items' (see [`xsi_items`]).
fn declared_xsi(
    ctx: &Ctx,
    (ty, declared, repeated): (&TypeRef, Option<Scalar>, bool),
    version: SoapVersion,
    at: &Source,
) -> Result<(TokenStream, Option<TokenStream>), Diagnostic> {
    let ty = as_declared(ty, declared);
    let value = match (&ty, repeated) {
        (TypeRef::List(item), true) => item,
        (ty, _) => ty,
    };
    let xsi_type = xsi_type(ctx, value, version, at)?;
    Ok((xsi_type, xsi_items(ctx, value, version, at, 0)?))
}

fn option(tokens: Option<TokenStream>) -> TokenStream {
    tokens.map_or_else(|| quote!(None), |tokens| quote!(Some(#tokens)))
}

/// `ty` with its scalar (a list's items') as the WSDL declares it.
fn as_declared(ty: &TypeRef, declared: Option<Scalar>) -> TypeRef {
    match (ty, declared) {
        (_, None) => ty.clone(),
        (TypeRef::List(item), _) => TypeRef::List(Box::new(as_declared(item, declared))),
        (TypeRef::TextList(item), _) => TypeRef::TextList(Box::new(as_declared(item, declared))),
        (_, Some(scalar)) => TypeRef::Scalar(scalar),
    }
}

/// The declared items of a list value (an inline list or a named array type), as
/// `&soap::XsiSpec { … }`. The type is spelled as a struct literal, which a `&` promotes to
/// `'static` even in a function body.
fn xsi_items(
    ctx: &Ctx,
    ty: &TypeRef,
    version: SoapVersion,
    at: &Source,
    depth: usize,
) -> Result<Option<TokenStream>, Diagnostic> {
    let item = match ty {
        TypeRef::List(item) => item,
        TypeRef::Named { group, name } => match &ctx.type_def(group.as_deref(), name, at)?.kind {
            TypeKind::Array { item, .. } => item,
            TypeKind::Struct { .. } | TypeKind::Enum { .. } => return Ok(None),
        },
        _ => return Ok(None),
    };
    if depth >= MAX_LIST_DEPTH {
        return Ok(None);
    }
    let (namespace, name) = xsi_name(ctx, item, version, at)?;
    let namespace = namespace.map_or_else(
        || quote!(crate::runtime::soap::XsiType::XSD),
        |namespace| quote!(#namespace),
    );
    let items = option(xsi_items(ctx, item, version, at, depth + 1)?);
    Ok(Some(quote! {
        &crate::runtime::soap::XsiSpec {
            xsi_type: crate::runtime::soap::XsiType { namespace: #namespace, name: #name },
            items: #items,
        }
    }))
}

/// How deep lists of lists are described; a list type whose items are (through other list
/// types) lists of itself would have no end.
const MAX_LIST_DEPTH: usize = 8;

/// A `soap::ElementSpec` for an element named `name` in `namespace` holding a `value`; a wrapper
/// list value (`ArrayOfInt`) names its items' element, and so on for lists of lists.
fn element_tokens(
    ctx: &Ctx,
    name: &str,
    namespace: Option<&str>,
    value: &TypeRef,
    at: &Source,
) -> Result<TokenStream, Diagnostic> {
    nested_element_tokens(ctx, (name, namespace), value, at, 0)
}

fn nested_element_tokens(
    ctx: &Ctx,
    (name, namespace): (&str, Option<&str>),
    value: &TypeRef,
    at: &Source,
    depth: usize,
) -> Result<TokenStream, Diagnostic> {
    let namespace = namespace.unwrap_or_default();
    let items = match list_items(ctx, value, at)? {
        Some((item, item_ns, item_value)) if depth < MAX_LIST_DEPTH => {
            let items = nested_element_tokens(ctx, (item, item_ns), item_value, at, depth + 1)?;
            quote!(Some(&#items))
        }
        _ => quote!(None),
    };
    Ok(quote! {
        crate::runtime::soap::ElementSpec { name: #name, namespace: #namespace, items: #items }
    })
}

/// The item element of a literal list type: its name, its namespace and its value type.
type ListItems<'c> = (&'c str, Option<&'c str>, &'c TypeRef);

/// The item element of a literal list type (`ArrayOfInt`'s `int`). SOAP-ENC arrays have
/// none: their items are `<item>`s.
fn list_items<'c>(
    ctx: &'c Ctx,
    ty: &TypeRef,
    at: &Source,
) -> Result<Option<ListItems<'c>>, Diagnostic> {
    let TypeRef::Named { group, name } = ty else {
        return Ok(None);
    };
    Ok(match &ctx.type_def(group.as_deref(), name, at)?.kind {
        TypeKind::Array {
            item,
            item_element: Some(element),
            item_namespace,
        } => Some((element, item_namespace.as_deref(), item)),
        TypeKind::Array { .. } | TypeKind::Struct { .. } | TypeKind::Enum { .. } => None,
    })
}

fn soap_binding<'a>(op: &'a Operation, at: &Source) -> Result<&'a SoapBinding, Diagnostic> {
    match &op.binding {
        Binding::Soap(binding) => Ok(binding),
        Binding::Http(_) => Err(Diagnostic::error(
            &at.file,
            at.line,
            format!(
                "operation `{}` has an HTTP binding in a SOAP service",
                op.name.wire
            ),
        )),
    }
}

/// `static IN_BAND_ERROR: soap::InBandError`, when the service reports errors in band.
fn in_band_static(ctx: &Ctx) -> Option<TokenStream> {
    let spec = ctx.service.in_band_error.as_ref()?;
    let status_field = &spec.status_field;
    let error_values = &spec.error_values;
    let message_fields = &spec.message_fields;
    Some(quote! {
        static IN_BAND_ERROR: crate::runtime::soap::InBandError = crate::runtime::soap::InBandError {
            status_field: #status_field,
            error_values: &[#(#error_values),*],
            message_fields: &[#(#message_fields),*],
        };
    })
}

/// A generated method, whether it checks for in-band errors, and its request struct.
struct Method {
    tokens: TokenStream,
    checked: bool,
    request: Option<TokenStream>,
}

fn method(
    ctx: &Ctx,
    op: &Operation,
    receiver: Receiver,
    is_login: bool,
    root: &mut Scope,
) -> Result<Method, Diagnostic> {
    let at = super::op_source(ctx, op);
    let binding = soap_binding(op, at)?;
    let name = ident(&op.name.rust, at)?;
    let operation = ident(&names::constant(&op.name.rust), at)?;
    let inputs: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.role == ParamRole::Input)
        .collect();
    let taken: Vec<&str> = inputs
        .iter()
        .map(|p| p.name.rust.as_str())
        .chain(binding.headers.input.iter().map(|h| h.name.rust.as_str()))
        .collect();
    let call = ident(&names::local("call", &taken), at)?;
    // The request struct's argument, when there is one: its fields are no locals.
    let request = ident(&names::local("request", &taken), at)?;

    let mut scope = Scope::new(format!("the parameters of `{}`", op.name.rust));
    // Past the threshold the parameters are the fields of a request struct.
    let request_name = if inputs.len() > MAX_POSITIONAL_PARAMS {
        let name = names::type_case(&op.name.rust, "Request");
        root.declare(&name, at)?;
        Some(ident(&name, at)?)
    } else {
        None
    };
    let mut fields = Vec::new();
    let mut args = Vec::new();
    let mut parts = Vec::new();
    let item = ident(&names::local("item", &taken), at)?;
    for param in &op.params {
        let wire = &param.name.wire;
        let xsi = part_xsi(ctx, param, binding)?;
        match param.role {
            ParamRole::Input => {
                scope.declare(&param.name.rust, &param.source)?;
                let param_name = ident(&param.name.rust, &param.source)?;
                let (ty, by_value) = param_type(ctx, &param.ty, &param.source)?;
                let value = if request_name.is_some() {
                    fields.push(request_field(ctx, param, binding)?);
                    quote!(&#request.#param_name)
                } else if by_value {
                    quote!(&#param_name)
                } else {
                    quote!(#param_name)
                };
                if let (true, TypeRef::List(_)) = (param.repeated, &param.ty) {
                    // One element per item; no item is how a repeated element is left out.
                    args.push(quote!(#param_name: #ty));
                    parts.push(quote! {
                        for #item in #value {
                            #call.arg(#wire, #xsi, #item)?;
                        }
                    });
                    continue;
                }
                let secret = param.secret && param.ty == TypeRef::Scalar(Scalar::String);
                // An attribute of the wrapper element goes on its start tag, by its serde key
                // (`@name`, `@{namespace}name`: `runtime/soap/attributes.rs`).
                let key = super::types::attribute_key(wire, param.namespace.as_deref());
                if param.placement == Placement::Text {
                    // The request element's whole content (open content): one optional
                    // piece of markup, never secret, never encoded.
                    args.push(quote!(#param_name: Option<#ty>));
                    parts.push(quote! {
                        if let Some(#param_name) = #param_name {
                            #call.content(#param_name);
                        }
                    });
                    continue;
                }
                let (plain, hidden, target) = match param.placement {
                    Placement::Attribute => {
                        (quote!(attribute), quote!(attribute_secret), quote!(#key))
                    }
                    _ => (quote!(arg), quote!(arg_secret), quote!(#wire, #xsi)),
                };
                let send = match (secret, &request_name) {
                    (true, Some(_)) => {
                        quote!(#call.#hidden(#target, #request.#param_name.expose())?;)
                    }
                    (true, None) => quote!(#call.#hidden(#target, #value)?;),
                    (false, _) => quote!(#call.#plain(#target, #value)?;),
                };
                // Literal use says "not given" by leaving the element out. Encoded parts are
                // always sent: servers such as NuSOAP take them by position.
                if param.required || binding.body_use == BodyUse::Encoded {
                    args.push(quote!(#param_name: #ty));
                    parts.push(send);
                } else if request_name.is_some() {
                    parts.push(quote! {
                        if let Some(#param_name) = &#request.#param_name {
                            #call.#plain(#target, #param_name)?;
                        }
                    });
                } else {
                    args.push(quote!(#param_name: Option<#ty>));
                    parts.push(quote! {
                        if let Some(#param_name) = #param_name {
                            #send
                        }
                    });
                }
            }
            ParamRole::Session if receiver == Receiver::Session && !is_login => {
                parts.push(quote!(#call.arg_secret(#wire, #xsi, self.sid.expose())?;));
            }
            ParamRole::Session | ParamRole::Credential => {
                return Err(Diagnostic::error(
                    &param.source.file,
                    param.source.line,
                    format!("parameter `{wire}` of `{}`: the client cannot supply it here", op.name.wire),
                )
                .with_hint("a SOAP service supplies only its session parameter, and not to its login operation"));
            }
        }
    }

    // Header parameters follow the parts (or the request struct), never in it.
    let mut header_args = Vec::new();
    let mut header_docs = Vec::new();
    for header in &binding.headers.input {
        let (arg, part, doc) = input_header(ctx, binding, header, &call, &mut scope)?;
        header_args.push(arg);
        parts.push(part);
        header_docs.push(doc);
    }

    let soap = match receiver {
        Receiver::Client => quote!(self.soap),
        Receiver::Session => quote!(self.client.soap),
    };
    let mut checked = false;
    let (output, tail, returns) = if is_login {
        // `answer` may shadow a parameter: they have all been sent by now.
        let tail = quote! {
            let answer = #call.send::<String>().await?;
            Ok(self.session(crate::runtime::soap::session_from_login(answer)?))
        };
        (
            quote!(Session),
            tail,
            Some("A `Session` holding the session id the server returned.".to_owned()),
        )
    } else {
        match &op.output {
            Output::None => {
                let tail = quote! {
                    #call.send::<crate::runtime::Value>().await?;
                    Ok(())
                };
                (quote!(()), tail, None)
            }
            Output::Value {
                ty,
                docs: output_docs,
                ..
            } => {
                let rust = ctx.rust_type(ty, Place::Root, at)?;
                checked = checks_in_band(ctx, ty);
                let tail = if checked {
                    quote!(#call.send_checked::<#rust>(&IN_BAND_ERROR).await)
                } else {
                    quote!(#call.send::<#rust>().await)
                };
                let mut returns = [
                    docs::returns(output_docs, &rust.to_string().replace(' ', "")),
                    typeref::note(ty).map(str::to_owned),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<String>>();
                let (rust, tail) = if binding.headers.output.is_empty() {
                    (rust, tail)
                } else {
                    returns.push(output_headers_doc(binding));
                    output_headers(ctx, binding, rust, &call, checked)?
                };
                (rust, tail, (!returns.is_empty()).then(|| returns.join(" ")))
            }
        }
    };

    let mut arguments: Vec<String> = match &request_name {
        Some(request_type) => {
            args = vec![quote!(#request: &#request_type)];
            vec![format!(
                "`{}`: the parameters, see [`{request_type}`].",
                names::unraw(&request.to_string())
            )]
        }
        None => inputs.iter().map(|p| argument(p)).collect(),
    };
    args.extend(header_args);
    arguments.extend(header_docs);
    let mut doc = super::method_doc(op, &arguments);
    if let Some(returns) = returns {
        doc.markdown("# Returns");
        doc.markdown(returns);
    }
    if is_login {
        doc.markdown("# Errors");
        doc.markdown("`Error::Authentication` when the server answers with an empty session id.");
    } else if checked {
        let spec = ctx.service.in_band_error.as_ref();
        let field = spec.map_or_else(String::new, |s| docs::code(&s.status_field));
        doc.markdown("# Errors");
        doc.markdown(format!(
            "`Error::Business` when the answer's {field} reports an error."
        ));
    }
    let doc = doc.outer();
    let allow = super::allow_many_arguments(args.len() + 1);
    let binding_kw = if parts.is_empty() {
        quote!(let)
    } else {
        quote!(let mut)
    };
    let tokens = quote! {
        #doc
        #allow
        pub async fn #name(&self, #(#args),*) -> Result<#output, crate::runtime::Error> {
            #binding_kw #call = #soap.call(&#operation);
            #(#parts)*
            #tail
        }
    };
    let request = request_name
        .as_ref()
        .map(|name| request::tokens(op, name, false, fields.into_iter()));
    Ok(Method {
        tokens,
        checked,
        request,
    })
}

/// A parameter as a field of a request struct: owned, a secret as a `Secret`, and a literal
/// part that may be left out as an `Option`.
fn request_field(
    ctx: &Ctx,
    param: &Param,
    binding: &SoapBinding,
) -> Result<TokenStream, Diagnostic> {
    let at = &param.source;
    let field = ident(&param.name.rust, at)?;
    let secret = param.secret && param.ty == TypeRef::Scalar(Scalar::String);
    let ty = if secret {
        quote!(crate::runtime::Secret)
    } else {
        ctx.rust_type(&param.ty, Place::Root, at)?
    };
    let optional = !param.required && binding.body_use != BodyUse::Encoded && !param.repeated;
    let ty = if optional { quote!(Option<#ty>) } else { ty };
    let into = secret
        || matches!(
            ctx.shape(&param.ty, at)?,
            Shape::Scalar(Scalar::String | Scalar::DateTime | Scalar::Date | Scalar::Base64)
        );
    let mut doc = Doc::with_wire(&param.docs, "name", &param.name.wire);
    if let Some(note) = typeref::note(&param.ty) {
        doc.markdown(note);
    }
    let wire = &param.name.wire;
    let serde = (names::unraw(&param.name.rust) != wire).then(|| quote!(#[serde(rename = #wire)]));
    Ok(request::field(&doc, serde, &field, &ty, into))
}

/// An input `soap:header`: an optional parameter (`None` sends no such header), the code that
/// adds it to the call, and its line in the `# Arguments` list.
fn input_header(
    ctx: &Ctx,
    binding: &SoapBinding,
    header: &SoapHeader,
    call: &proc_macro2::Ident,
    scope: &mut Scope,
) -> Result<(TokenStream, TokenStream, String), Diagnostic> {
    scope.declare(&header.name.rust, &header.source)?;
    let name = ident(&header.name.rust, &header.source)?;
    let (ty, by_value) = param_type(ctx, &header.ty, &header.source)?;
    let value = if by_value {
        quote!(&#name)
    } else {
        quote!(#name)
    };
    let (element, namespace) = (&header.element, &header.namespace);
    let send = if header.encoded {
        let xsi = xsi_type(ctx, &header.ty, binding.version, &header.source)?;
        quote!(#call.header_encoded(#element, #namespace, #xsi, #value)?;)
    } else {
        quote!(#call.header(#element, #namespace, #value)?;)
    };
    let part = quote! {
        if let Some(#name) = #name {
            #send
        }
    };
    let text = docs::inline(&header.docs)
        .unwrap_or_else(|| format!("the {} SOAP header.", docs::code(&header.element)));
    let doc = format!(
        "{}: {text} `None` sends no such header.",
        docs::code(names::unraw(&header.name.rust))
    );
    Ok((quote!(#name: Option<#ty>), part, doc))
}

/// The return type and the call's tail of an operation whose answer carries `soap:header`s:
/// the answer, then each header as a `Lenient` (absent when the server leaves it out).
fn output_headers(
    ctx: &Ctx,
    binding: &SoapBinding,
    answer: TokenStream,
    call: &proc_macro2::Ident,
    checked: bool,
) -> Result<(TokenStream, TokenStream), Diagnostic> {
    let types = binding
        .headers
        .output
        .iter()
        .map(|h| ctx.rust_type(&h.ty, Place::Root, &h.source))
        .collect::<Result<Vec<_>, _>>()?;
    let elements = binding.headers.output.iter().map(|h| &h.element);
    let in_band = if checked {
        quote!(Some(&IN_BAND_ERROR))
    } else {
        quote!(None)
    };
    let output = quote!((#answer, #(crate::runtime::Lenient<#types>),*));
    // `answer` and `headers` may shadow parameters: they have all been sent by now.
    let tail = quote! {
        let (answer, headers) = #call.send_with_headers::<#answer>(#in_band).await?;
        Ok((answer, #(headers.get::<#types>(#elements)),*))
    };
    Ok((output, tail))
}

fn output_headers_doc(binding: &SoapBinding) -> String {
    let names: Vec<String> = binding
        .headers
        .output
        .iter()
        .map(|h| docs::code(&h.element))
        .collect();
    format!(
        "Beside the answer: its {} SOAP header{}, each a `Lenient` (absent when the server \
         sends none).",
        names.join(", "),
        if names.len() == 1 { "" } else { "s" }
    )
}

/// A parameter in the `# Arguments` list.
fn argument(param: &Param) -> String {
    let mut text = docs::inline(&param.docs)
        .unwrap_or_else(|| format!("the {} part.", docs::code(&param.name.wire)));
    if let Some(note) = typeref::note(&param.ty) {
        text = format!("{text} {note}");
    }
    format!("{}: {text}", docs::code(names::unraw(&param.name.rust)))
}

/// How a parameter is taken: its type, and whether it is passed by value (so `arg` needs a
/// reference to it).
fn param_type(ctx: &Ctx, ty: &TypeRef, at: &Source) -> Result<(TokenStream, bool), Diagnostic> {
    Ok(match ctx.shape(ty, at)? {
        Shape::Scalar(Scalar::String) => (quote!(&str), false),
        Shape::Scalar(
            scalar @ (Scalar::Decimal
            | Scalar::Base64
            | Scalar::HexBinary
            | Scalar::Duration
            | Scalar::Xml),
        ) => {
            let ty = typeref::scalar_type(scalar);
            (quote!(&#ty), false)
        }
        Shape::Scalar(scalar) => (typeref::scalar_type(scalar), true),
        Shape::Enum => (ctx.rust_type(ty, Place::Root, at)?, true),
        Shape::Struct => {
            let rust = ctx.rust_type(ty, Place::Root, at)?;
            (quote!(&#rust), false)
        }
        Shape::List(item) => {
            let item = ctx.rust_type(item, Place::Root, at)?;
            (quote!(&[#item]), false)
        }
        Shape::Map(key, value) => {
            let key = ctx.rust_type(key, Place::Root, at)?;
            let value = ctx.rust_type(value, Place::Root, at)?;
            (quote!(&[(#key, #value)]), false)
        }
        Shape::TextList => {
            let rust = ctx.rust_type(ty, Place::Root, at)?;
            (quote!(&#rust), false)
        }
        Shape::Dynamic => (quote!(&crate::runtime::Value), false),
    })
}

/// The `xsi:type` a part is sent with: the type its WSDL declares (see [`declared_xsi`]),
/// with its items' for an encoded list.
fn part_xsi(ctx: &Ctx, param: &Param, binding: &SoapBinding) -> Result<TokenStream, Diagnostic> {
    let part = (&param.ty, param.declared, param.repeated);
    let (xsi_type, items) = declared_xsi(ctx, part, binding.version, &param.source)?;
    Ok(match items {
        Some(items) if binding.body_use == BodyUse::Encoded => {
            quote!(crate::runtime::soap::XsiSpec { xsi_type: #xsi_type, items: Some(#items) })
        }
        _ => xsi_type,
    })
}

/// The `xsi:type` a value of `ty` is sent with.
pub(super) fn xsi_type(
    ctx: &Ctx,
    ty: &TypeRef,
    version: SoapVersion,
    at: &Source,
) -> Result<TokenStream, Diagnostic> {
    Ok(match xsi_name(ctx, ty, version, at)? {
        (None, name) => quote!(crate::runtime::soap::XsiType::xsd(#name)),
        (Some(namespace), name) => {
            quote!(crate::runtime::soap::XsiType { namespace: #namespace, name: #name })
        }
    })
}

/// The namespace (`None` for XML Schema's) and local name of the `xsi:type` a value of `ty`
/// is sent with.
fn xsi_name<'c>(
    ctx: &Ctx<'c>,
    ty: &TypeRef,
    version: SoapVersion,
    at: &Source,
) -> Result<(Option<&'c str>, &'c str), Diagnostic> {
    let (namespace, name) = match ty {
        TypeRef::Scalar(scalar) => return Ok((None, xsd_name(*scalar))),
        TypeRef::Dynamic => return Ok((None, "anyType")),
        TypeRef::Named { group, name } => {
            let def = ctx.type_def(group.as_deref(), name, at)?;
            let namespace = def.namespace.as_deref().ok_or_else(|| {
                Diagnostic::error(
                    &at.file,
                    at.line,
                    format!("type `{name}` has no XML namespace to send it with"),
                )
            })?;
            (namespace, def.xml_name())
        }
        TypeRef::List(_) => match version {
            SoapVersion::V11 => (SOAP_ENCODING_11, "Array"),
            SoapVersion::V12 => (SOAP_ENCODING_12, "Array"),
        },
        TypeRef::Map(..) => (APACHE_SOAP, "Map"),
        // The IR keeps the item type of an `xsd:list`, not the list type's own name; its
        // values are strings of XML Schema (items separated by spaces).
        TypeRef::TextList(_) => return Ok((None, "string")),
    };
    Ok((Some(namespace), name))
}

/// The XML Schema type of a scalar.
fn xsd_name(scalar: Scalar) -> &'static str {
    match scalar {
        Scalar::String => "string",
        Scalar::Boolean => "boolean",
        Scalar::Int => "int",
        Scalar::Long | Scalar::UnixTime => "long",
        Scalar::UnsignedByte => "unsignedByte",
        Scalar::UnsignedShort => "unsignedShort",
        Scalar::UnsignedInt => "unsignedInt",
        Scalar::UnsignedLong => "unsignedLong",
        Scalar::Float => "float",
        Scalar::Double => "double",
        Scalar::Decimal => "decimal",
        Scalar::DateTime => "dateTime",
        Scalar::Date => "date",
        Scalar::Time => "time",
        Scalar::Duration => "duration",
        Scalar::Base64 => "base64Binary",
        Scalar::HexBinary => "hexBinary",
        Scalar::Xml => "anyType",
    }
}

/// Whether the output is a struct carrying the in-band status field.
pub(super) fn checks_in_band(ctx: &Ctx, ty: &TypeRef) -> bool {
    let Some(spec) = &ctx.service.in_band_error else {
        return false;
    };
    let TypeRef::Named { group, name } = ty else {
        return false;
    };
    ctx.types
        .get(&(group.as_deref(), name.as_str()))
        .is_some_and(|def| match &def.kind {
            TypeKind::Struct { fields, .. } => {
                fields.iter().any(|f| f.name.wire == spec.status_field)
            }
            _ => false,
        })
}

fn client_tokens(ctx: &Ctx, has_session: bool, methods: &[TokenStream]) -> TokenStream {
    let service = ctx.service;
    let title = service
        .docs
        .summary
        .as_deref()
        .map_or_else(|| docs::code(&service.name.wire), docs::escape);
    let TokenArgs {
        params: credentials,
        names: credential_names,
        args_type,
        args,
        pattern,
        configured,
        doc: token_doc,
    } = username_token(ctx);
    let mut doc = Doc::of(format!("A client for the {title}. Cheap to clone."));
    if let Some(token_doc) = token_doc {
        doc.markdown(token_doc);
    }
    let doc = doc.outer();
    let builder_call = std::iter::once("endpoint".to_owned())
        .chain(credential_names.iter().map(ToString::to_string))
        .collect::<Vec<_>>()
        .join(", ");
    let new_doc = Doc::of(format!(
        "A client for `endpoint` with every setting at its default:\n`Client::builder({builder_call}).build()`."
    ))
    .outer();
    // Without an operation there is no `ENDPOINT`, and no other port to find either.
    let main = match main_address(service) {
        Some(_) => quote!(ENDPOINT),
        None => quote!(""),
    };
    let session = has_session.then(|| {
        quote! {
            /// Resumes a session from a session id a login returned earlier.
            pub fn session(&self, sid: crate::runtime::Secret) -> Session {
                Session { client: self.clone(), sid }
            }
        }
    });
    quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct Client {
            soap: crate::runtime::soap::Client,
        }

        impl Client {
            /// A builder for a client posting to `endpoint` (usually `ENDPOINT` or a `*_URL`
            /// constant): timeouts, proxy, user agent, extra headers or a custom transport,
            /// each with a documented default (see `ClientBuilder`).
            pub fn builder(
                endpoint: impl Into<String>,
                #(#credentials),*
            ) -> crate::runtime::ClientBuilder<Self> {
                crate::runtime::ClientBuilder::new(endpoint, #args)
            }

            #new_doc
            pub fn new(
                endpoint: impl Into<String>,
                #(#credentials),*
            ) -> Result<Self, crate::runtime::Error> {
                Self::builder(endpoint, #(#credential_names),*).build()
            }

            /// The URL requests are posted to.
            pub fn endpoint(&self) -> &str {
                self.soap.endpoint()
            }

            #session
            #(#methods)*
        }

        impl crate::runtime::Configure for Client {
            type Args = #args_type;

            fn configure(connection: crate::runtime::Connection, #pattern) -> Self {
                Self {
                    soap: crate::runtime::soap::Client::from_connection(connection, #main)
                        #configured,
                }
            }
        }
    }
}

/// What a WS-Security UsernameToken (the manifest's `[ws-security]`) adds to the client's
/// constructors: `Client::builder(endpoint, username, password)`, the token being the
/// builder's `Configure::Args` (as an HTTP service's credentials are).
struct TokenArgs {
    /// The parameters (`username`, `password`).
    params: Vec<TokenStream>,
    /// The same, passed on.
    names: Vec<TokenStream>,
    /// The `Configure::Args` type.
    args_type: TokenStream,
    /// The `Configure::Args` value, made from the parameters.
    args: TokenStream,
    /// `configure`'s parameter for the `Configure::Args`.
    pattern: TokenStream,
    /// What configures the runtime client with it (`.with_username_token(token)`).
    configured: TokenStream,
    /// A sentence for the client's docs.
    doc: Option<&'static str>,
}

fn username_token(ctx: &Ctx) -> TokenArgs {
    let Some(password_type) = ctx.service.username_token else {
        return TokenArgs {
            params: Vec::new(),
            names: Vec::new(),
            args_type: quote!(()),
            args: quote!(()),
            pattern: quote!((): ()),
            configured: TokenStream::new(),
            doc: None,
        };
    };
    let (variant, doc) = match password_type {
        PasswordType::Text => (
            quote!(Text),
            "Every request carries a WS-Security UsernameToken with the username and the \
             password given here (`#PasswordText`).",
        ),
        PasswordType::Digest => (
            quote!(Digest),
            "Every request carries a WS-Security UsernameToken with the username given here and \
             a digest of the password, fresh nonce and time (`#PasswordDigest`).",
        ),
    };
    TokenArgs {
        params: vec![
            quote!(username: impl Into<String>),
            quote!(password: impl Into<crate::runtime::Secret>),
        ],
        names: vec![quote!(username), quote!(password)],
        args_type: quote!(crate::runtime::soap::UsernameToken),
        args: quote! {
            crate::runtime::soap::UsernameToken::new(
                username,
                password.into(),
                crate::runtime::soap::PasswordType::#variant,
            )
        },
        pattern: quote!(token: Self::Args),
        configured: quote!(.with_username_token(token)),
        doc: Some(doc),
    }
}

fn session_tokens(ctx: &Ctx, methods: &[TokenStream]) -> TokenStream {
    let parameter = ctx
        .service
        .session
        .as_ref()
        .map_or_else(String::new, |s| docs::code(&s.parameter));
    let doc = Doc::of(format!(
        "A logged-in session: the client and the session id that operations take as {parameter}. \
             The session id never appears in `Debug` output."
    ))
    .outer();
    quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct Session {
            client: Client,
            sid: crate::runtime::Secret,
        }

        impl Session {
            /// The client this session calls through.
            pub fn client(&self) -> &Client {
                &self.client
            }

            /// The session id, to resume the session later with `Client::session`.
            pub fn sid(&self) -> &crate::runtime::Secret {
                &self.sid
            }

            #(#methods)*
        }
    }
}
