//! `<module>/mock.rs` (cargo feature `mock`): a typed mock server for the service, a thin
//! layer over the runtime's generic one (`runtime::mock::Server`).
//!
//! It depends only on each operation's wire description (the static the client uses), its
//! request type's `Deserialize` and its answer type's `Serialize`: SOAP requests are
//! `<Operation>Request` structs of the parts, defined here; HTTP requests are the client's
//! own `<Action>Request` structs (`()` for an operation without parameters). Per operation
//! `<op>`, `Mock` has `on_<op>` (a script from request to `Reply`), `answer_<op>` (one answer
//! for every call) and `requests_<op>` (what was received); an HTTP operation whose name
//! several groups share is `<group>_<op>` there.

use super::docs::{self, Doc};
use super::names::{self, ident};
use super::scope::Scope;
use super::typeref::Place;
use super::{Ctx, Errors, File, http, soap};
use crate::diag::Diagnostic;
use crate::ir::{
    Binding, BodyUse, Operation, Output, ParamRole, Placement, Protocol, Scalar, TypeRef,
};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// The module declaration for the service's `mod.rs`.
pub(super) fn declaration() -> TokenStream {
    quote! {
        /// A mock server for tests of code that uses this client (cargo feature `mock`).
        #[cfg(feature = "mock")]
        pub mod mock;
    }
}

/// The service's `mock.rs`.
pub(super) fn file(ctx: &Ctx, errors: &mut Errors) -> File {
    let service = ctx.service;
    let mut types = Scope::module(format!("module `{}::mock`", service.name.rust));
    types.reserve(&["Mock"]);
    let mut methods = Scope::new("`impl Mock`");
    methods.reserve(&["start", "url", "client"]);
    let mut count = BTreeMap::new();
    for op in &service.operations {
        *count.entry(op.name.rust.as_str()).or_insert(0) += 1;
    }
    let mut routes = Vec::new();
    let mut accessors = Vec::new();
    let mut requests = Vec::new();
    for op in &service.operations {
        let suffix = match &op.group {
            Some(group) if count[op.name.rust.as_str()] > 1 => {
                format!("{}_{}", names::unraw(group), op.name.rust)
            }
            _ => names::unraw(&op.name.rust).to_owned(),
        };
        let generated = match &op.binding {
            Binding::Soap(_) => soap_operation(ctx, op, &mut types),
            Binding::Http(_) => http_operation(ctx, op),
        };
        let Some(generated) = errors.take(generated) else {
            continue;
        };
        let at = super::op_source(ctx, op);
        let declared = ["on", "answer", "requests"].iter().all(|verb| {
            errors
                .take(methods.declare(&format!("{verb}_{suffix}"), at))
                .is_some()
        });
        if !declared {
            continue;
        }
        let Some(methods) = errors.take(accessor_methods(op, &suffix, &generated)) else {
            continue;
        };
        routes.push(generated.route);
        accessors.push(methods);
        requests.extend(generated.request_struct);
    }
    let client = client_method(ctx);
    let module = names::unraw(&service.name.rust);
    let lib = &ctx.lib;
    let mut doc = Doc::of(format!(
        "A mock server for the {} service, for tests of code that uses its client: it serves \
         every operation on `127.0.0.1`, answers what a test scripts per operation and records \
         the typed requests it receives. How it reads requests and writes answers: \
         [`crate::runtime::mock`].",
        docs::code(&service.name.wire)
    ));
    let client_call = if service.protocol == Protocol::Http {
        let args: Vec<String> = service
            .credentials
            .iter()
            .map(|c| names::unraw(&c.name.rust).to_owned())
            .collect();
        format!("mock.client({})?", args.join(", "))
    } else if service.username_token.is_some() {
        "mock.client(\"user\", \"secret\")?".to_owned()
    } else {
        "mock.client()?".to_owned()
    };
    let has_headers = service.operations.iter().any(|op| match &op.binding {
        Binding::Soap(binding) => {
            !binding.headers.input.is_empty() || !binding.headers.output.is_empty()
        }
        Binding::Http(_) => false,
    });
    if has_headers || service.username_token.is_some() {
        doc.markdown(
            "SOAP headers are not mocked: the mock reads only a request's Body (input headers \
             and a WS-Security UsernameToken are neither checked nor recorded) and answers \
             without a `Header`, so a method returning output headers gets each of them \
             `Lenient::Absent`.",
        );
    }
    let setup: Vec<String> = service
        .credentials
        .iter()
        .map(|c| {
            let value = match c.ty {
                TypeRef::Scalar(Scalar::String) => "\"x\"",
                _ if c.secret => "\"x\"",
                _ => "Default::default()",
            };
            format!("# let {} = {value};", names::unraw(&c.name.rust))
        })
        .collect();
    doc.markdown(format!(
        "```no_run\n# fn main() -> Result<(), {lib}::Error> {{\nuse {lib}::{module}::mock::Mock;\n\n\
         {}let mock = Mock::start()?;\nlet client = {client_call}; // talks to the mock\n# drop(client);\n\
         # Ok(())\n# }}\n```",
        setup.iter().map(|l| format!("{l}\n")).collect::<String>()
    ));
    let doc = doc.inner();
    let tokens = quote! {
        #doc

        /// The mock server. Dropping it stops it.
        #[derive(Debug)]
        pub struct Mock {
            server: crate::runtime::mock::Server,
        }

        impl Mock {
            /// Starts the server on a free port of `127.0.0.1`, with no answer scripted.
            pub fn start() -> Result<Self, crate::runtime::Error> {
                let routes = Vec::from([#(#routes),*]);
                Ok(Self { server: crate::runtime::mock::Server::start(routes)? })
            }

            /// `http://127.0.0.1:<port>`: the address to give a client.
            pub fn url(&self) -> String {
                self.server.url()
            }

            #client
            #(#accessors)*
        }

        #(#requests)*
    };
    File::in_service(ctx, "mock.rs", tokens)
}

/// What one operation adds.
struct Generated {
    route: TokenStream,
    /// The recorded request's type, as spelled in `mock.rs`.
    request: TokenStream,
    answer: TokenStream,
    /// The SOAP request struct, defined in `mock.rs`.
    request_struct: Option<TokenStream>,
    /// The static describing the operation, from `mock.rs`.
    operation: TokenStream,
}

fn static_path(op: &Operation, ctx: &Ctx) -> Result<TokenStream, Diagnostic> {
    let at = super::op_source(ctx, op);
    let name = ident(&names::constant(&op.name.rust), at)?;
    Ok(match &op.group {
        Some(group) => {
            let module = ctx.group_module(group, at)?;
            quote!(super::#module::#name)
        }
        None => quote!(super::#name),
    })
}

fn answer_type(ctx: &Ctx, op: &Operation) -> Result<TokenStream, Diagnostic> {
    match &op.output {
        Output::None => Ok(quote!(())),
        Output::Value { ty, .. } => ctx.rust_type(ty, Place::Child, super::op_source(ctx, op)),
    }
}

fn soap_operation(ctx: &Ctx, op: &Operation, types: &mut Scope) -> Result<Generated, Diagnostic> {
    let at = super::op_source(ctx, op);
    let Binding::Soap(binding) = &op.binding else {
        return Err(Diagnostic::error(&at.file, at.line, "not a SOAP operation"));
    };
    let name = names::type_case(&op.name.rust, "Request");
    types.declare(&name, at)?;
    let name = ident(&name, at)?;
    let mut fields = Vec::new();
    for param in op.params.iter().filter(|p| p.role != ParamRole::Credential) {
        let field = ident(&param.name.rust, &param.source)?;
        let wire = &param.name.wire;
        let mut doc = Doc::from_docs(&param.docs, format!("The {} part.", docs::code(wire)));
        if param.role == ParamRole::Session {
            doc.markdown("The session id the client sent.");
        }
        let doc = doc.outer();
        let mut serde = Vec::new();
        if param.placement == Placement::Attribute {
            let key = super::types::attribute_key(wire, param.namespace.as_deref());
            serde.push(quote!(rename = #key));
        } else if param.placement == Placement::Text {
            // The request element's whole content, as markup: empty when none was sent.
            serde.push(quote!(rename = "$markup"));
        } else if names::unraw(&param.name.rust) != wire {
            serde.push(quote!(rename = #wire));
        }
        let ty = if param.secret && param.ty == TypeRef::Scalar(Scalar::String) {
            quote!(crate::runtime::Secret)
        } else {
            ctx.rust_type(&param.ty, Place::Child, &param.source)?
        };
        let ty = if param.repeated {
            serde.push(quote!(with = "crate::runtime::soap::repeated", default));
            ty
        } else if param.required
            || binding.body_use == BodyUse::Encoded
            || param.placement == Placement::Text
        {
            ty
        } else {
            quote!(Option<#ty>)
        };
        let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
        fields.push((param.placement, quote! { #doc #serde pub #field: #ty, }));
    }
    // The runtime reads a struct's attributes only when they come first (`attributes.rs`).
    fields.sort_by_key(|(placement, _)| *placement);
    let fields = fields.into_iter().map(|(_, field)| field);
    let doc = Doc::of(format!(
        "The parts of a {} request, as the mock server received them.",
        docs::code(&op.name.wire)
    ))
    .outer();
    let operation = static_path(op, ctx)?;
    let part = match &op.output {
        Output::None => quote!(None),
        Output::Value { name, ty, .. } => {
            let xsi = soap::xsi_type(ctx, ty, binding.version, at)?;
            let part = &name.wire;
            quote!(Some(crate::runtime::mock::Part { name: #part, xsi_type: #xsi }))
        }
    };
    let in_band = match &op.output {
        Output::Value { ty, .. } if soap::checks_in_band(ctx, ty) => {
            quote!(Some(&super::IN_BAND_ERROR))
        }
        _ => quote!(None),
    };
    Ok(Generated {
        route: quote!(crate::runtime::mock::Route::soap::<#name>(&#operation, #part, #in_band)),
        request: quote!(#name),
        answer: answer_type(ctx, op)?,
        request_struct: Some(quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
            pub struct #name {
                #(#fields)*
            }
        }),
        operation,
    })
}

fn http_operation(ctx: &Ctx, op: &Operation) -> Result<Generated, Diagnostic> {
    let at = super::op_source(ctx, op);
    let place = match &op.group {
        Some(group) => Place::Group(group),
        None => Place::Root,
    };
    let mut params = Vec::new();
    for param in op.params.iter().filter(|p| p.role == ParamRole::Input) {
        let input = http::input(ctx, param, place)?;
        let wire = &param.name.wire;
        let shape = match input.send {
            http::Send::One => quote!(One),
            http::Send::List => quote!(List),
            http::Send::Pairs(pairs) => {
                let (key, value) = (&pairs.key, &pairs.value);
                quote!(Pairs { key: #key, value: #value })
            }
        };
        params.push(quote! {
            crate::runtime::mock::Param { name: #wire, shape: crate::runtime::mock::ParamShape::#shape }
        });
    }
    let request = if params.is_empty() {
        quote!(())
    } else {
        let name = ident(&names::type_case(&op.name.rust, "Request"), at)?;
        match &op.group {
            Some(group) => {
                let module = ctx.group_module(group, at)?;
                quote!(super::#module::#name)
            }
            None => quote!(super::#name),
        }
    };
    let operation = static_path(op, ctx)?;
    Ok(Generated {
        route: quote!(crate::runtime::mock::Route::http::<#request>(&#operation, &[#(#params),*])),
        request,
        answer: answer_type(ctx, op)?,
        request_struct: None,
        operation,
    })
}

/// `on_<op>`, `answer_<op>`, `requests_<op>`.
fn accessor_methods(
    op: &Operation,
    suffix: &str,
    g: &Generated,
) -> Result<TokenStream, Diagnostic> {
    let at = op.sources.first().cloned().unwrap_or_default();
    let on = ident(&format!("on_{suffix}"), &at)?;
    let answer = ident(&format!("answer_{suffix}"), &at)?;
    let requests = ident(&format!("requests_{suffix}"), &at)?;
    let Generated {
        request: q,
        answer: a,
        operation,
        ..
    } = g;
    let wire = docs::code(&op.name.wire);
    let on_doc = Doc::of(format!(
        "From now on, {wire} answers what `script` returns for each request."
    ))
    .outer();
    let answer_doc = Doc::of(format!(
        "From now on, {wire} answers `answer` to every request."
    ))
    .outer();
    let requests_doc = Doc::of(format!("The requests {wire} received so far, in order.")).outer();
    Ok(quote! {
        #on_doc
        pub fn #on(&self, script: impl Fn(&#q) -> crate::runtime::mock::Reply<#a> + Send + Sync + 'static) {
            self.server.on(#operation.name, script);
        }

        #answer_doc
        pub fn #answer(&self, answer: #a) {
            self.server.answer::<#q, #a>(#operation.name, answer);
        }

        #requests_doc
        pub fn #requests(&self) -> Vec<#q> {
            self.server.requests(#operation.name)
        }
    })
}

/// `client`: a client of the service that talks to the mock.
fn client_method(ctx: &Ctx) -> TokenStream {
    let service = ctx.service;
    if service.protocol == Protocol::Soap {
        if service.username_token.is_some() {
            return quote! {
                /// A client with the default transport whose endpoint is the mock; its
                /// WS-Security UsernameToken is sent but not checked.
                pub fn client(
                    &self,
                    username: impl Into<String>,
                    password: impl Into<crate::runtime::Secret>,
                ) -> Result<super::Client, crate::runtime::Error> {
                    super::Client::new(self.url(), username, password)
                }
            };
        }
        return quote! {
            /// A client with the default transport whose endpoint is the mock.
            pub fn client(&self) -> Result<super::Client, crate::runtime::Error> {
                super::Client::new(self.url())
            }
        };
    }
    let mut params = Vec::new();
    let mut names_ = Vec::new();
    for credential in &service.credentials {
        // The client reports a credential it cannot take; the mock leaves it to that error.
        let Ok(name) = ident(&credential.name.rust, &service.source) else {
            continue;
        };
        let Ok((ty, _)) = http::credential_param(credential, &name, &service.source) else {
            continue;
        };
        params.push(quote!(#name: #ty));
        names_.push(name);
    }
    let allow = super::allow_many_arguments(params.len() + 1);
    quote! {
        /// A client with the default transport whose base URL is the mock; the credentials
        /// are sent but not checked.
        #allow
        pub fn client(&self, #(#params),*) -> Result<super::Client, crate::runtime::Error> {
            super::Client::new(self.url(), #(#names_),*)
        }
    }
}
