//! An HTTP service: `mod.rs` with the base URLs, the `Region` enum and the client (holding the
//! credentials, with one accessor per group), and one module per group with the group's types,
//! one request struct per operation and the operations as methods of the group's accessor.
//!
//! Vendor error bodies (`{"status":"ERROR",...}`) are recognised by the runtime's HTTP code for
//! every call, so the service's in-band error spec needs no code here.

use super::docs::{self, Doc};
use super::names::{self, ident};
use super::request;
use super::scope::Scope;
use super::typeref::{self, Place, Shape};
use super::{Ctx, Errors, File};
use crate::diag::Diagnostic;
use crate::ir::{
    Binding, Credential, Group, HttpBinding, HttpMethod, Operation, Output, PairNames, Param,
    ParamEncoding, ParamRole, Region, Scalar, Source, TypeDef, TypeRef,
};
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// The placeholder of a path's region segment.
const REGION_PLACEHOLDER: &str = "{region}";

/// The files of one HTTP service.
pub(super) fn files(ctx: &Ctx, errors: &mut Errors) -> Vec<File> {
    let service = ctx.service;
    if service.session.is_some() {
        errors.report(
            Diagnostic::error(
                &service.source.file,
                service.source.line,
                "an HTTP service with a session is not supported",
            )
            .with_hint("list the token as a credential instead"),
        );
    }
    let mut root = Scope::module(format!("module `{}`", service.name.rust));
    root.reserve(&["types", "mock", "Client", "Region"]);
    let mut client_scope = Scope::new("`impl Client`");
    client_scope.reserve(&["new", "builder"]);

    let ungrouped: Vec<&TypeDef> = service.types.iter().filter(|t| t.group.is_none()).collect();
    let types = super::types_file(ctx, &ungrouped, &mut root, errors);
    let mut out = Vec::new();
    let mut group_mods = Vec::new();
    let mut accessors = Vec::new();
    for group in &service.groups {
        if let Some(parts) = group_module(ctx, group, &mut root, &mut client_scope, errors) {
            out.push(parts.file);
            group_mods.push(parts.declaration);
            accessors.extend(parts.accessor);
        }
    }

    // Operations outside any group are methods of the client itself.
    let mut root_requests = Vec::new();
    let mut root_statics = Vec::new();
    let mut client_methods = Vec::new();
    for op in service.operations.iter() {
        let at = super::op_source(ctx, op);
        match &op.group {
            Some(group) => {
                errors.take(ctx.group(group, at));
            }
            None => {
                if errors
                    .take(client_scope.declare(&op.name.rust, at))
                    .is_none()
                {
                    continue;
                }
                if let Some(generated) = errors.take(operation(ctx, op, Place::Root, &mut root)) {
                    root_requests.push(generated.request);
                    root_statics.push(generated.operation);
                    client_methods.push(generated.method);
                }
            }
        }
    }
    for def in service.types.iter() {
        if let Some(group) = &def.group {
            errors.take(ctx.group(group, &def.source));
        }
    }

    let consts = errors.take(super::base_url_constants(ctx, &mut root));
    let region = errors.take(region_enums(ctx, &mut root));
    let client = errors.take(client_tokens(ctx, &accessors, &client_methods));
    let doc = super::module_doc(ctx, "HTTP", " and its doc pages").inner();
    let types_mod = types.is_some().then(|| {
        quote! {
            mod types;
            pub use types::*;
        }
    });
    let mock_mod = super::mock::declaration();
    let module = quote! {
        #doc
        #(#group_mods)*
        #mock_mod
        #types_mod
        #consts
        #region
        #client
        #(#root_requests)*
        #(#root_statics)*
    };
    out.insert(0, File::in_service(ctx, "mod.rs", module));
    out.extend(types);
    out.push(super::mock::file(ctx, errors));
    out
}

/// What a group adds: its file, its `pub mod` line, and its accessor on the client.
struct GroupParts {
    file: File,
    declaration: TokenStream,
    accessor: Option<TokenStream>,
}

/// A group's module: the accessor struct and its methods, the request structs, the group's
/// types and the operations' statics.
fn group_module(
    ctx: &Ctx,
    group: &Group,
    root: &mut Scope,
    client_scope: &mut Scope,
    errors: &mut Errors,
) -> Option<GroupParts> {
    let service = ctx.service;
    let at = &service.source;
    let wire = group.name.wire.as_str();
    errors.take(root.declare(&group.name.rust, at))?;
    let module = errors.take(ident(&group.name.rust, at))?;
    let mut scope = Scope::module(format!(
        "module `{}::{}`",
        service.name.rust, group.name.rust
    ));
    let mut types = Vec::new();
    for def in service
        .types
        .iter()
        .filter(|t| t.group.as_deref() == Some(wire))
    {
        if errors
            .take(scope.declare(&def.name.rust, &def.source))
            .is_some()
        {
            types.extend(errors.take(super::types::type_def(ctx, def, Place::Group(wire))));
        }
    }

    let ops: Vec<&Operation> = service
        .operations
        .iter()
        .filter(|op| op.group.as_deref() == Some(wire))
        .collect();
    let name = names::type_case(&group.name.rust, "");
    let mut method_scope = Scope::new(format!("`impl {name}`"));
    let mut methods = Vec::new();
    let mut requests = Vec::new();
    let mut statics = Vec::new();
    for op in &ops {
        let at = super::op_source(ctx, op);
        if errors
            .take(method_scope.declare(&op.name.rust, at))
            .is_none()
        {
            continue;
        }
        if let Some(generated) = errors.take(operation(ctx, op, Place::Group(wire), &mut scope)) {
            requests.push(generated.request);
            statics.push(generated.operation);
            methods.push(generated.method);
        }
    }

    // A group of types only needs no accessor.
    let group_doc = format!("The operations of the {} group", docs::code(wire));
    let mut items = Vec::new();
    let mut accessor = None;
    if !ops.is_empty() {
        errors.take(scope.declare(&name, at))?;
        errors.take(client_scope.declare(&group.name.rust, at))?;
        let name = errors.take(ident(&name, at))?;
        let doc = Doc::of(format!(
            "{group_doc}; get one from `Client::{}`.",
            names::unraw(&group.name.rust)
        ));
        let doc = doc.outer();
        items.push(quote! {
            #doc
            #[derive(Clone, Copy, Debug)]
            pub struct #name<'a> {
                pub(super) client: &'a super::Client,
            }

            impl #name<'_> {
                #(#methods)*
            }
        });
        let doc = Doc::of(format!("{group_doc}.")).outer();
        accessor = Some(quote! {
            #doc
            pub fn #module(&self) -> #module::#name<'_> {
                #module::#name { client: self }
            }
        });
    }
    items.extend(requests.into_iter().chain(types).chain(statics));
    let inner = Doc::of(format!(
        "The operations and types of the {} group.",
        docs::code(wire)
    ))
    .inner();
    let outer = Doc::of(format!("The {} group.", docs::code(wire))).outer();
    let file_name = format!("{}.rs", names::unraw(&group.name.rust));
    Some(GroupParts {
        file: File::in_service(ctx, &file_name, quote! { #inner #(#items)* }),
        declaration: quote! {
            #outer
            pub mod #module;
        },
        accessor,
    })
}

/// The region enums: one per set of regions that operations document, so an operation only
/// takes the regions its page addresses it at. The set of all the service's regions is
/// `Region`; a smaller set is named after its variants (`RegionUs`, `RegionInUs`) and shared
/// by every operation documenting exactly that set.
fn region_enums(ctx: &Ctx, root: &mut Scope) -> Result<TokenStream, Diagnostic> {
    let mut sets: BTreeMap<String, (Vec<&Region>, Vec<String>)> = BTreeMap::new();
    for op in &ctx.service.operations {
        let Binding::Http(binding) = &op.binding else {
            continue;
        };
        if !binding.path.contains(REGION_PLACEHOLDER) {
            continue;
        }
        let regions = op_regions(ctx, binding);
        let entry = sets
            .entry(region_type(ctx, &regions))
            .or_insert_with(|| (regions, Vec::new()));
        entry.1.push(operation_wire(op));
    }
    let mut out = TokenStream::new();
    for (name, (regions, ops)) in sets {
        if name != "Region" {
            root.declare(&name, &ctx.service.source)?;
        }
        out.extend(region_enum(ctx, &name, &regions, &ops)?);
    }
    Ok(out)
}

/// The regions an operation can be called at: those its page documents, else (a page with
/// no region-labelled example) all of the service's.
fn op_regions<'c>(ctx: &Ctx<'c>, binding: &HttpBinding) -> Vec<&'c Region> {
    let all = &ctx.service.regions;
    let documented: Vec<&Region> = all
        .iter()
        .filter(|r| binding.regions.contains(&r.name.wire))
        .collect();
    if documented.is_empty() {
        all.iter().collect()
    } else {
        documented
    }
}

/// The name of the enum of a set of regions.
fn region_type(ctx: &Ctx, regions: &[&Region]) -> String {
    if regions.len() == ctx.service.regions.len() {
        return "Region".to_owned();
    }
    let variants: String = regions.iter().map(|r| names::unraw(&r.name.rust)).collect();
    format!("Region{variants}")
}

/// `group/action`, as pages and errors name an operation.
fn operation_wire(op: &Operation) -> String {
    match &op.group {
        Some(group) => format!("{group}/{}", op.name.wire),
        None => op.name.wire.clone(),
    }
}

/// One region enum and its `segment()`.
fn region_enum(
    ctx: &Ctx,
    name: &str,
    regions: &[&Region],
    ops: &[String],
) -> Result<TokenStream, Diagnostic> {
    let name = ident(name, &ctx.service.source)?;
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    for region in regions {
        let variant = ident(&region.name.rust, &ctx.service.source)?;
        let segment = &region.name.wire;
        let mut doc = Doc::default();
        doc.text(&region.label);
        doc.markdown(format!("Path segment: {}.", docs::code(segment)));
        let doc = doc.outer();
        variants.push(quote! { #doc #variant, });
        arms.push(quote! { Self::#variant => #segment, });
    }
    let used_by: Vec<String> = ops.iter().map(|op| docs::code(op)).collect();
    let doc = Doc::of(format!(
        "Where an operation runs: the region segment of its path. Only the regions the pages \
         document for {} are listed, so an undocumented region does not compile.",
        used_by.join(", ")
    ))
    .outer();
    Ok(quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The path segment (`us` in `/api/enterpriseemail/us/renew.json`).
            pub const fn segment(self) -> &'static str {
                match self {
                    #(#arms)*
                }
            }
        }
    })
}

/// `Client`: base URL, credentials, transport; one accessor per group.
fn client_tokens(
    ctx: &Ctx,
    accessors: &[TokenStream],
    methods: &[TokenStream],
) -> Result<TokenStream, Diagnostic> {
    let service = ctx.service;
    let mut scope = Scope::new("the parameters of `Client::new`");
    scope.reserve(&["base_url", "credentials"]);
    let mut params = Vec::new();
    let mut names = Vec::new();
    let mut values = Vec::new();
    let mut arguments = vec![format!(
        "{}: the server, such as one of the `*_URL` constants.",
        docs::code("base_url")
    )];
    for credential in &service.credentials {
        scope.declare(&credential.name.rust, &service.source)?;
        let name = ident(&credential.name.rust, &service.source)?;
        let (ty, value) = credential_param(credential, &name, &service.source)?;
        let wire = &credential.name.wire;
        params.push(quote!(#name: #ty));
        names.push(name);
        values.push(quote!((#wire, #value)));
        arguments.push(format!(
            "{}: sent as {} on every call.",
            docs::code(names::unraw(&credential.name.rust)),
            docs::code(wire)
        ));
    }
    let title = service
        .docs
        .summary
        .as_deref()
        .map_or_else(|| docs::code(&service.name.wire), docs::escape);
    let doc = Doc::of(format!(
        "A client for the {title}: the server and the credentials. Cheap to clone."
    ))
    .outer();
    let mut builder_doc = Doc::of(
        "A builder for a client of this server with these credentials: timeouts, proxy, user \
         agent, extra headers or a custom transport, each with a documented default (see \
         `ClientBuilder`).",
    );
    builder_doc.section("Arguments", &arguments);
    let builder_doc = builder_doc.outer();
    let new_doc = Doc::of(
        "A client with every setting at its default: `Client::builder(…).build()`; arguments \
         as for `builder`.",
    )
    .outer();
    let allow = super::allow_many_arguments(params.len() + 1);
    Ok(quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct Client {
            http: crate::runtime::http::Client,
        }

        impl Client {
            #builder_doc
            #allow
            pub fn builder(
                base_url: impl Into<String>,
                #(#params),*
            ) -> crate::runtime::ClientBuilder<Self> {
                let credentials = Vec::from([#(#values),*]);
                crate::runtime::ClientBuilder::new(base_url, credentials)
            }

            #new_doc
            #allow
            pub fn new(base_url: impl Into<String>, #(#params),*) -> Result<Self, crate::runtime::Error> {
                Self::builder(base_url, #(#names),*).build()
            }

            #(#accessors)*
            #(#methods)*
        }

        impl crate::runtime::Configure for Client {
            type Args = Vec<(&'static str, crate::runtime::http::CredentialValue)>;

            fn configure(connection: crate::runtime::Connection, credentials: Self::Args) -> Self {
                Self { http: crate::runtime::http::Client::from_connection(connection, credentials) }
            }
        }
    })
}

/// A credential's parameter type, and its `CredentialValue`.
pub(super) fn credential_param(
    credential: &Credential,
    name: &Ident,
    at: &Source,
) -> Result<(TokenStream, TokenStream), Diagnostic> {
    let value = quote!(crate::runtime::http::CredentialValue);
    Ok(match &credential.ty {
        _ if credential.secret => (
            quote!(impl Into<crate::runtime::Secret>),
            quote!(#value::Secret(#name.into())),
        ),
        TypeRef::Scalar(Scalar::String) => (
            quote!(impl Into<String>),
            quote!(#value::Plain(#name.into())),
        ),
        TypeRef::Scalar(scalar) => (
            typeref::scalar_type(*scalar),
            quote!(#value::Plain(crate::runtime::http::FormValue::form_value(&#name).into_owned())),
        ),
        _ => {
            return Err(Diagnostic::error(
                &at.file,
                at.line,
                format!(
                    "credential `{}` must be a single value",
                    credential.name.wire
                ),
            ));
        }
    })
}

/// What one operation adds to its module.
struct Generated {
    /// The request struct (empty when the operation takes no input).
    request: TokenStream,
    /// The static describing the operation.
    operation: TokenStream,
    /// The method on the group's accessor (or the client).
    method: TokenStream,
}

/// How a request field is sent.
#[derive(Debug, Clone, Copy)]
pub(super) enum Send<'a> {
    /// `name=value`.
    One,
    /// `name=a&name=b`.
    List,
    /// `key1=k&value1=v`.
    Pairs(&'a PairNames),
}

/// An input parameter as a request field.
pub(super) struct Input<'a> {
    pub(super) param: &'a Param,
    field: Ident,
    /// The field's type, `Option` left out.
    ty: TokenStream,
    pub(super) send: Send<'a>,
    /// How the constructor takes a required field: `impl Into<..>` for text.
    into: Option<TokenStream>,
}

fn operation(
    ctx: &Ctx,
    op: &Operation,
    place: Place,
    module: &mut Scope,
) -> Result<Generated, Diagnostic> {
    let at = super::op_source(ctx, op);
    let Binding::Http(binding) = &op.binding else {
        return Err(Diagnostic::error(
            &at.file,
            at.line,
            format!(
                "operation `{}` has a SOAP binding in an HTTP service",
                op.name.wire
            ),
        ));
    };
    let regional = binding.path.contains(REGION_PLACEHOLDER);
    if regional && ctx.service.regions.is_empty() {
        return Err(Diagnostic::error(
            &at.file,
            at.line,
            format!(
                "the path of `{}` has a region segment, but the service lists no regions",
                op.name.wire
            ),
        ));
    }
    let mut fields = Scope::new(format!("the parameters of `{}`", op.name.wire));
    let mut inputs = Vec::new();
    for param in &op.params {
        match param.role {
            ParamRole::Input => {
                fields.declare(&param.name.rust, &param.source)?;
                inputs.push(input(ctx, param, place)?);
            }
            ParamRole::Credential => {}
            ParamRole::Session => {
                return Err(Diagnostic::error(
                    &param.source.file,
                    param.source.line,
                    format!(
                        "parameter `{}`: an HTTP service has no session to fill it from",
                        param.name.wire
                    ),
                ));
            }
        }
    }
    let static_name = names::constant(&op.name.rust);
    module.declare(&static_name, at)?;
    let static_name = ident(&static_name, at)?;
    let request_name = if inputs.is_empty() {
        None
    } else {
        let name = names::type_case(&op.name.rust, "Request");
        module.declare(&name, at)?;
        Some(ident(&name, at)?)
    };
    Ok(Generated {
        request: request_name
            .as_ref()
            .map(|name| request_struct(op, name, &inputs))
            .unwrap_or_default(),
        operation: operation_static(op, binding, &static_name, place),
        method: method(
            ctx,
            op,
            place,
            binding,
            &static_name,
            request_name.as_ref(),
            &inputs,
        )?,
    })
}

pub(super) fn input<'a>(
    ctx: &Ctx<'a>,
    param: &'a Param,
    place: Place,
) -> Result<Input<'a>, Diagnostic> {
    let at = &param.source;
    let field = ident(&param.name.rust, at)?;
    let unsupported = |what: &str| {
        Diagnostic::error(
            &at.file,
            at.line,
            format!(
                "parameter `{}`: {what} cannot be sent as a parameter",
                param.name.wire
            ),
        )
    };
    let shape = ctx.shape(&param.ty, at)?;
    if param.secret {
        return match shape {
            Shape::Scalar(_) => Ok(Input {
                param,
                field,
                ty: quote!(crate::runtime::Secret),
                send: Send::One,
                into: Some(quote!(impl Into<crate::runtime::Secret>)),
            }),
            _ => Err(unsupported("a secret that is not a single value")),
        };
    }
    let single = |shape: Shape| matches!(shape, Shape::Scalar(_) | Shape::Enum);
    let send = match shape {
        _ if single(shape) => Send::One,
        Shape::List(item) if single(ctx.shape(item, at)?) => Send::List,
        Shape::Map(key, value) if single(ctx.shape(key, at)?) && single(ctx.shape(value, at)?) => {
            Send::Pairs(param.pair_names.as_ref().ok_or_else(|| {
                unsupported("a map without the key names of its numbered pairs")
                    .with_hint("the build pass must set `pair_names` for a map parameter")
            })?)
        }
        Shape::Struct => return Err(unsupported("a record")),
        Shape::Dynamic => return Err(unsupported("a value of unknown type")),
        _ => return Err(unsupported("a nested list or map")),
    };
    let into = matches!(shape, Shape::Scalar(Scalar::String)).then(|| quote!(impl Into<String>));
    Ok(Input {
        param,
        field,
        ty: ctx.rust_type(&param.ty, place, at)?,
        send,
        into,
    })
}

/// `<Action>Request`: the caller's parameters, built by name (see [`request`]).
fn request_struct(op: &Operation, name: &Ident, inputs: &[Input]) -> TokenStream {
    let fields = inputs.iter().map(|input| {
        let param = input.param;
        let mut doc = Doc::with_wire(&param.docs, "name", &param.name.wire);
        if let Some(note) = typeref::note(&param.ty) {
            doc.markdown(note);
        }
        let Input {
            field,
            ty,
            into,
            send,
            ..
        } = input;
        let ty = if param.required {
            quote!(#ty)
        } else {
            quote!(Option<#ty>)
        };
        // Read back by the mock server (`runtime::mock`) from the wire names; a list sent
        // with no item is no parameter at all.
        let mut serde = Vec::new();
        if names::unraw(&param.name.rust) != param.name.wire {
            let wire = &param.name.wire;
            serde.push(quote!(rename = #wire));
        }
        if param.required && !matches!(send, Send::One) {
            serde.push(quote!(default));
        }
        let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
        request::field(&doc, serde, field, &ty, into.is_some())
    });
    let all_optional = inputs.iter().all(|i| !i.param.required);
    request::tokens(op, name, all_optional, fields)
}

/// `static <OP>: http::Operation`; in a group's module visible to the service's module, for
/// its mock server.
fn operation_static(
    op: &Operation,
    binding: &HttpBinding,
    name: &Ident,
    place: Place,
) -> TokenStream {
    let wire = operation_wire(op);
    let method = match binding.method {
        HttpMethod::Get => quote!(Get),
        HttpMethod::Post => quote!(Post),
    };
    let encoding = match binding.encoding {
        ParamEncoding::Query => quote!(Query),
        ParamEncoding::Form => quote!(Form),
    };
    let path = &binding.path;
    let idempotent = op.idempotent;
    let visibility = matches!(place, Place::Group(_)).then(|| quote!(pub(super)));
    quote! {
        #visibility static #name: crate::runtime::http::Operation = crate::runtime::http::Operation {
            name: #wire,
            method: crate::runtime::http::Method::#method,
            path: #path,
            encoding: crate::runtime::http::Encoding::#encoding,
            idempotent: #idempotent,
        };
    }
}

fn method(
    ctx: &Ctx,
    op: &Operation,
    place: Place,
    binding: &HttpBinding,
    operation: &Ident,
    request: Option<&Ident>,
    inputs: &[Input],
) -> Result<TokenStream, Diagnostic> {
    let at = super::op_source(ctx, op);
    let name = ident(&op.name.rust, at)?;
    let regional = binding.path.contains(REGION_PLACEHOLDER);
    let mut args = Vec::new();
    let mut arguments = Vec::new();
    let region = if regional {
        let regions = op_regions(ctx, binding);
        let region_type = ident(&region_type(ctx, &regions), at)?;
        let region_type = match place {
            Place::Root => quote!(#region_type),
            Place::Types | Place::Group(_) | Place::Child => quote!(super::#region_type),
        };
        args.push(quote!(region: #region_type));
        let documented: Vec<String> = regions.iter().map(|r| docs::code(&r.name.wire)).collect();
        arguments.push(format!(
            "`region`: where the operation runs: {}.",
            documented.join(", ")
        ));
        quote!(Some(region.segment()))
    } else {
        quote!(None)
    };
    if let Some(request) = request {
        args.push(quote!(request: &#request));
        arguments.push(format!("`request`: the parameters, see [`{request}`]."));
    }
    let sends = inputs.iter().map(
        |Input {
             param, field, send, ..
         }| {
            let wire = &param.name.wire;
            let value = if param.required {
                quote!(&request.#field)
            } else {
                quote!(values)
            };
            let send = match send {
                Send::One if param.required => quote!(call.param(#wire, #value);),
                Send::One => return quote!(call.param_opt(#wire, request.#field.as_ref());),
                Send::List => quote!(call.param_list(#wire, #value);),
                Send::Pairs(PairNames {
                    key,
                    value: value_name,
                }) => quote!(call.param_pairs(#key, #value_name, #value);),
            };
            if param.required {
                send
            } else {
                quote!(if let Some(values) = &request.#field { #send })
            }
        },
    );
    let (output, tail, returns) = match &op.output {
        Output::None => (
            quote!(()),
            quote!(call.send::<crate::runtime::Value>().await?; Ok(())),
            None,
        ),
        Output::Value {
            ty,
            docs: output_docs,
            ..
        } => {
            let rust = ctx.rust_type(ty, place, at)?;
            (
                rust.clone(),
                quote!(call.send::<#rust>().await),
                docs::returns(output_docs, &rust.to_string().replace(' ', "")),
            )
        }
    };
    let mut doc = super::method_doc(op, &arguments);
    if let Some(returns) = returns {
        doc.markdown("# Returns");
        doc.markdown(returns);
    }
    let doc = doc.outer();
    let http = match place {
        Place::Root => quote!(self.http),
        Place::Types | Place::Group(_) | Place::Child => quote!(self.client.http),
    };
    let binding_kw = if inputs.is_empty() {
        quote!(let)
    } else {
        quote!(let mut)
    };
    Ok(quote! {
        #doc
        pub async fn #name(&self, #(#args),*) -> Result<#output, crate::runtime::Error> {
            #binding_kw call = #http.call(&#operation, #region);
            #(#sends)*
            #tail
        }
    })
}
