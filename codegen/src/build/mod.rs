//! One service's files into one [`Service`].
//!
//! - [`soap`]: the WSDL's operations, documented by the doc pages that name them.
//! - [`http`]: one operation per doc page, addressed by its example URLs ([`url`]).
//! - [`types`]: what a page's type words mean, shared by both.
//! - [`lint`]: what the pages get wrong besides (sample code, copied labels), as warnings.
//!
//! Then, for both protocols: [`money`] makes amounts exact, the manifest's `[types]`
//! ([`overrides`]) corrects what the vendor mistyped, and [`idempotent`] decides which
//! operations are safe to retry.
//!
//! This stage sets only wire names; [`crate::naming`] chooses the Rust ones afterwards.

mod http;
mod idempotent;
mod lint;
mod money;
mod overrides;
mod soap;
mod types;
mod url;

use crate::diag::{Diagnostic, Kind};
use crate::ir::{
    BaseUrl, Credential, Docs, Group, InBandError, Name, Operation, ParamRole, Protocol, Scalar,
    Service, Session, Source, TypeDef, TypeKind, TypeRef,
};
use crate::read::manifest::{Located, Manifest, ProtocolName};
use crate::read::{Read, page::Page, wsdl::Wsdl};

/// Builds the service a manifest declares from its WSDL (SOAP) or its pages alone (HTTP).
/// The value is `None` exactly when a diagnostic is an error.
pub fn service(
    manifest: &Manifest,
    manifest_file: &str,
    wsdl: Option<(String, Wsdl)>,
    pages: Vec<Page>,
) -> Read<Service> {
    let mut diags = Vec::new();
    let (protocol, mut types, mut operations, regions) = match (manifest.protocol, wsdl) {
        (ProtocolName::Soap, Some((wsdl_file, wsdl))) => {
            let (types, operations) = soap::merge(&wsdl_file, wsdl, &pages, &mut diags);
            (Protocol::Soap, types, operations, Vec::new())
        }
        (ProtocolName::Soap, None) => {
            diags.push(
                Diagnostic::error(
                    manifest_file,
                    0,
                    "protocol = \"soap\" needs a WSDL, and none was read",
                )
                .with_hint("add `wsdl = \"<file>.wsdl\"`"),
            );
            return Read {
                value: None,
                diagnostics: diags,
            };
        }
        (ProtocolName::Http, wsdl) => {
            if let Some((wsdl_file, _)) = wsdl {
                diags.push(Diagnostic::warning(
                    manifest_file,
                    0,
                    format!("protocol = \"http\" takes no WSDL; {wsdl_file} is ignored"),
                ));
            }
            let built = http::build(&pages, &mut diags);
            (Protocol::Http, built.types, built.operations, built.regions)
        }
    };
    lint::pages(&pages, &operations, &mut diags);
    let credentials = credentials(manifest, manifest_file, &mut operations, &mut diags);
    let session = session(manifest, manifest_file, &mut operations, &mut diags);
    for param in operations.iter_mut().flat_map(|op| op.params.iter_mut()) {
        param.secret = manifest.is_secret(&param.name.wire);
    }
    secret_fields(manifest, manifest_file, &operations, &mut types, &mut diags);
    money::apply(&mut types, &mut operations);
    overrides::apply(
        &manifest.types,
        manifest_file,
        &mut types,
        &mut operations,
        &mut diags,
    );
    idempotent::apply(
        &manifest.idempotent,
        session.as_ref().map(|s| s.login_operation.as_str()),
        manifest_file,
        &mut operations,
        &mut diags,
    );
    let groups = operations
        .iter()
        .filter_map(|op| op.group.clone())
        .chain(types.iter().filter_map(|t| t.group.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|group| Group {
            name: Name::wire(group),
        })
        .collect();
    types.sort_by(|a, b| (&a.group, &a.name.wire).cmp(&(&b.group, &b.name.wire)));
    operations.sort_by(|a, b| (&a.group, &a.name.wire).cmp(&(&b.group, &b.name.wire)));
    let service = Service {
        name: Name::wire(&manifest.module),
        docs: Docs {
            summary: manifest.title.clone(),
            details: manifest.description.iter().cloned().collect(),
        },
        source: Source {
            file: manifest_file.to_owned(),
            line: 1,
        },
        protocol,
        base_urls: manifest
            .base_urls
            .iter()
            .map(|(name, url)| BaseUrl {
                name: Name::wire(name),
                url: url.clone(),
            })
            .collect(),
        credentials,
        session,
        in_band_error: manifest.in_band_error.as_ref().map(|spec| InBandError {
            status_field: spec.status_field.clone(),
            error_values: spec.error_values.clone(),
            message_fields: spec.message_fields.clone(),
        }),
        groups,
        types,
        operations,
        regions,
        username_token: manifest
            .ws_security
            .as_ref()
            .map(|spec| spec.username_token.value),
    };
    let ok = !diags.iter().any(Diagnostic::is_error);
    Read {
        value: ok.then_some(service),
        diagnostics: diags,
    }
}

/// Marks every parameter the manifest lists under `credentials` as supplied by the client, and
/// types each credential after the first operation (in page or WSDL order) that takes it.
fn credentials(
    manifest: &Manifest,
    manifest_file: &str,
    operations: &mut [Operation],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Credential> {
    let mut credentials = Vec::new();
    for name in &manifest.credentials {
        let mut first: Option<(TypeRef, Source)> = None;
        for param in operations
            .iter_mut()
            .flat_map(|op| op.params.iter_mut())
            .filter(|p| p.name.wire == *name)
        {
            param.role = ParamRole::Credential;
            match &first {
                None => first = Some((param.ty.clone(), param.source.clone())),
                Some((ty, source)) if *ty != param.ty => diags.push(
                    Diagnostic::warning(
                        &param.source.file,
                        param.source.line,
                        format!(
                            "credential `{name}` is `{}` here but `{}` at {source}; \
                             the first is used",
                            types::show(&param.ty),
                            types::show(ty)
                        ),
                    )
                    .with_kind(Kind::Mismatch),
                ),
                Some(_) => {}
            }
        }
        match first {
            Some((ty, _)) => credentials.push(Credential {
                name: Name::wire(name),
                ty,
                secret: manifest.is_secret(name),
            }),
            None => diags.push(Diagnostic::warning(
                manifest_file,
                0,
                format!("credential `{name}` is a parameter of no operation"),
            )),
        }
    }
    credentials
}

/// Marks the record fields the manifest's `secrets` name as `<type>.<field>` (a header's
/// token: `Auth.token`), and warns about every entry that names no parameter, credential or
/// text field.
fn secret_fields(
    manifest: &Manifest,
    manifest_file: &str,
    operations: &[Operation],
    types: &mut [TypeDef],
    diags: &mut Vec<Diagnostic>,
) {
    for Located {
        value: entry, line, ..
    } in &manifest.secrets
    {
        let matched = match entry.split_once('.') {
            Some((ty, field)) => {
                let fields = types
                    .iter_mut()
                    .filter(|def| def.name.wire == ty)
                    .filter_map(|def| match &mut def.kind {
                        TypeKind::Struct { fields, .. } => Some(fields),
                        TypeKind::Array { .. } | TypeKind::Enum { .. } => None,
                    })
                    .flat_map(|fields| fields.iter_mut())
                    .filter(|f| f.name.wire == field);
                let mut matched = false;
                for found in fields {
                    if found.ty == TypeRef::Scalar(Scalar::String) {
                        found.secret = true;
                        matched = true;
                    } else {
                        diags.push(Diagnostic::warning(
                            &found.source.file,
                            found.source.line,
                            format!(
                                "secret `{entry}` is `{}`, not text; it is not kept secret",
                                types::show(&found.ty)
                            ),
                        ));
                    }
                }
                matched
            }
            None => operations
                .iter()
                .flat_map(|op| &op.params)
                .any(|p| p.name.wire == *entry),
        };
        if !matched {
            diags.push(Diagnostic::warning(
                manifest_file,
                *line,
                format!("secret `{entry}` names no parameter, nor a text field (`<type>.<field>`)"),
            ));
        }
    }
}

/// The manifest's session: its login operation must exist; every parameter carrying the token
/// is marked as supplied from the session.
fn session(
    manifest: &Manifest,
    manifest_file: &str,
    operations: &mut [Operation],
    diags: &mut Vec<Diagnostic>,
) -> Option<Session> {
    let spec = manifest.session.as_ref()?;
    if !operations.iter().any(|op| op.name.wire == spec.login) {
        diags.push(
            Diagnostic::error(
                manifest_file,
                0,
                format!(
                    "[session] login = \"{}\" is not an operation of this service",
                    spec.login
                ),
            )
            .with_hint("name the operation that returns the session token"),
        );
    }
    let mut taken = false;
    for param in operations
        .iter_mut()
        .flat_map(|op| op.params.iter_mut())
        .filter(|p| p.name.wire == spec.parameter)
    {
        param.role = ParamRole::Session;
        taken = true;
    }
    if !taken {
        diags.push(Diagnostic::warning(
            manifest_file,
            0,
            format!(
                "[session] parameter = \"{}\" is a parameter of no operation",
                spec.parameter
            ),
        ));
    }
    Some(Session {
        login_operation: spec.login.clone(),
        parameter: spec.parameter.clone(),
    })
}

#[cfg(test)]
mod tests;
