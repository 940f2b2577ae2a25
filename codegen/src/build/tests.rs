//! Whole-service tests, and the hand-built pages and WSDL the build tests share.

use super::service;
use crate::diag::Diagnostic;
use crate::ir::*;
use crate::read::manifest::{
    self, IdempotentSpec, InBandErrorSpec, Manifest, PageFormat, ProtocolName, SessionSpec,
};
use crate::read::page::*;
use crate::read::wsdl::Wsdl;
use std::collections::BTreeMap;

pub(super) const WSDL: &str = "interserver/myapi.wsdl";

pub(super) fn docs(summary: &str) -> Docs {
    Docs {
        summary: Some(summary.to_owned()),
        details: Vec::new(),
    }
}

pub(super) fn src(file: &str, line: u32) -> Source {
    Source {
        file: file.to_owned(),
        line,
    }
}

pub(super) fn scalar(s: Scalar) -> TypeRef {
    TypeRef::Scalar(s)
}

pub(super) fn named(group: Option<&str>, name: &str) -> TypeRef {
    TypeRef::Named {
        group: group.map(str::to_owned),
        name: name.to_owned(),
    }
}

/// A parameter table row.
pub(super) fn row(
    name: &str,
    type_text: &str,
    required: Option<bool>,
    description: &str,
    line: u32,
) -> PageParam {
    PageParam {
        name: name.to_owned(),
        type_text: type_text.to_owned(),
        required,
        docs: if description.is_empty() {
            Docs::default()
        } else {
            docs(description)
        },
        values: Vec::new(),
        line,
    }
}

/// A response row or bullet.
pub(super) fn key(name: &str, type_text: &str, label: Option<&str>, line: u32) -> PageField {
    PageField {
        name: name.to_owned(),
        type_text: type_text.to_owned(),
        docs: Docs::default(),
        label: label.map(str::to_owned),
        conditional: false,
        per_entry: false,
        line,
    }
}

pub(super) fn values(names: &[&str]) -> Vec<PageValue> {
    names
        .iter()
        .map(|v| PageValue {
            value: (*v).to_owned(),
            docs: None,
        })
        .collect()
}

pub(super) fn example(label: Option<&str>, url: &str, line: u32) -> ExampleUrl {
    ExampleUrl {
        label: label.map(str::to_owned),
        url: url.to_owned(),
        line,
    }
}

/// ResellerClub's renew page (the seed), as its reader would give it.
pub(super) fn renew_page(file: &str) -> Page {
    let mut auto_renew = row(
        "auto-renew",
        "Boolean",
        Some(true),
        "Enables / Disables the Auto Renewal setting for the Order.",
        12,
    );
    auto_renew.docs.details.push("Note".to_owned());
    let mut invoice_option = row(
        "invoice-option",
        "String",
        Some(true),
        "This parameter will decide how the Customer Invoices will be handled.",
        15,
    );
    invoice_option.values = values(&["NoInvoice", "PayInvoice", "KeepInvoice", "OnlyAdd"]);
    let mut invoice_id = key(
        "invoiceid",
        "",
        Some("Invoice Id of the Enterprise Email Order Renewal Invoice"),
        37,
    );
    invoice_id.conditional = true;
    let mut amount = key("sellingamount", "", Some("Selling Curreny Amount"), 41);
    amount.conditional = true;
    Page {
        source: src(file, 1),
        operation: None,
        title: None,
        docs: docs("Renews an existing Enterprise Email Order."),
        params: vec![
            row(
                "auth-userid",
                "Integer",
                Some(true),
                "Authentication Parameter",
                6,
            ),
            row(
                "api-key",
                "String",
                Some(true),
                "Authentication Parameter",
                7,
            ),
            row(
                "order-id",
                "Integer",
                Some(true),
                "The Order Id which is to be renewed.",
                8,
            ),
            row(
                "months",
                "Integer",
                Some(true),
                "The number of months for which the Order is to be renewed.",
                9,
            ),
            auto_renew,
            invoice_option,
            row(
                "discount-amount",
                "Float",
                Some(false),
                "Discount amount for the order value.",
                16,
            ),
        ],
        response: PageResponse {
            shape: ResponseShape::Fields,
            fields: vec![
                key("description", "", Some("Domain Name"), 23),
                key(
                    "entityid",
                    "",
                    Some("Order Id of the Enterprise Email Order"),
                    25,
                ),
                key("actiontype", "", Some("Action Type"), 27),
                invoice_id,
                amount,
                key("discount-amount", "", Some("Discount Amount"), 45),
            ],
            docs: docs("Returns a hash map containing the below details:"),
            line: 21,
        },
        http_method: Some(Located {
            value: "POST".to_owned(),
            line: 18,
        }),
        examples: vec![example(
            Some("US Server"),
            "https://test.httpapi.com/api/enterpriseemail/us/renew.json?auth-userid=0&api-key=key&\
             order-id=0&months=0&invoice-option=NoInvoice&discount-amount=0.00",
            20,
        )],
        samples: Vec::new(),
        error_note: Some(Located {
            value: "In case of any errors, a status key with value as ERROR alongwith an error \
                    message will be returned."
                .to_owned(),
            line: 47,
        }),
    }
}

fn struct_type(name: &str, line: u32, fields: &[(&str, TypeRef)]) -> TypeDef {
    TypeDef {
        renamed_from: None,
        base: None,
        group: None,
        name: Name::wire(name),
        namespace: Some("urn:myapi".to_owned()),
        docs: Docs::default(),
        source: src(WSDL, line),
        kind: TypeKind::Struct {
            fields: fields
                .iter()
                .zip(1..)
                .map(|((field, ty), n)| Field {
                    declared: None,
                    name: Name::wire(*field),
                    ty: ty.clone(),
                    required: true,
                    nillable: false,
                    repeated: false,
                    placement: crate::ir::Placement::Element,
                    namespace: None,
                    secret: false,
                    docs: Docs::default(),
                    source: src(WSDL, line + n),
                })
                .collect(),
            rest: None,
        },
    }
}

fn array_type(name: &str, line: u32, item: &str) -> TypeDef {
    TypeDef {
        renamed_from: None,
        base: None,
        group: None,
        name: Name::wire(name),
        namespace: Some("urn:myapi".to_owned()),
        docs: Docs::default(),
        source: src(WSDL, line),
        kind: TypeKind::Array {
            item: named(None, item),
            item_element: None,
            item_namespace: None,
        },
    }
}

fn soap_op(name: &str, line: u32, parts: &[(&str, TypeRef)], output: Option<TypeRef>) -> Operation {
    Operation {
        group: None,
        name: Name::wire(name),
        docs: Docs::default(),
        sources: vec![src(WSDL, line)],
        params: parts
            .iter()
            .map(|(part, ty)| Param {
                declared: None,
                name: Name::wire(*part),
                ty: ty.clone(),
                required: true,
                role: ParamRole::Input,
                secret: false,
                pair_names: None,
                repeated: false,
                placement: crate::ir::Placement::Element,
                namespace: None,
                docs: Docs::default(),
                source: src(WSDL, line + 1),
            })
            .collect(),
        output: match output {
            Some(ty) => Output::Value {
                name: Name::wire("return"),
                ty,
                docs: Docs::default(),
            },
            None => Output::None,
        },
        binding: Binding::Soap(SoapBinding {
            version: SoapVersion::V11,
            style: SoapStyle::Rpc,
            body_use: BodyUse::Encoded,
            namespace: "urn:myapi".to_owned(),
            soap_action: format!("https://my.interserver.net/api.php/{name}"),
            endpoint: "https://my.interserver.net/api.php".to_owned(),
            request_element: name.to_owned(),
            response_element: format!("{name}Response"),
            bare: false,
            all_parts: false,
            headers: Default::default(),
        }),
        idempotent: false,
    }
}

/// A small InterServer-like WSDL: login, a purchase returning a shared struct, array answers.
pub(super) fn wsdl() -> Wsdl {
    let string = || scalar(Scalar::String);
    Wsdl {
        name: "myapi".to_owned(),
        target_namespace: "urn:myapi".to_owned(),
        docs: Docs::default(),
        types: vec![
            struct_type(
                "buy_vps_result_status",
                30,
                &[
                    ("status", string()),
                    ("status_text", string()),
                    ("invoices", string()),
                    ("cost", scalar(Scalar::Float)),
                ],
            ),
            struct_type(
                "license_type",
                100,
                &[
                    ("services_id", scalar(Scalar::Int)),
                    ("services_name", string()),
                ],
            ),
            array_type("license_types", 15, "license_type"),
            struct_type(
                "sql_row_vps",
                396,
                &[("vps_id", scalar(Scalar::Int)), ("vps_hostname", string())],
            ),
            array_type("array_sql_row_vps", 581, "sql_row_vps"),
        ],
        operations: vec![
            soap_op(
                "api_api_buy_mail",
                1179,
                &[("sid", string()), ("coupon", string())],
                Some(named(None, "buy_vps_result_status")),
            ),
            soap_op(
                "api_get_license_types",
                693,
                &[],
                Some(named(None, "license_types")),
            ),
            soap_op(
                "api_getTicketList",
                665,
                &[("sid", string()), ("page", scalar(Scalar::Int))],
                Some(string()),
            ),
            soap_op(
                "api_login",
                893,
                &[("username", string()), ("password", string())],
                Some(string()),
            ),
            soap_op(
                "api_vps_get_services",
                970,
                &[("sid", string())],
                Some(named(None, "array_sql_row_vps")),
            ),
            soap_op("get_modules", 913, &[], Some(TypeRef::Dynamic)),
            soap_op("api_send_mail", 1170, &[("sid", string())], None),
        ],
    }
}

/// InterServer's buy-mail page, as its reader would give it.
pub(super) fn buy_mail_page(file: &str) -> Page {
    let mut invoices = key("invoices", "string", None, 131);
    invoices.docs = Docs {
        summary: Some("*Field* *Description*".to_owned()),
        details: vec!["invoices_id ID of the Invoice used for referencing".to_owned()],
    };
    let mut status = key("status", "string", None, 129);
    status.docs = docs("Location Status");
    Page {
        source: src(file, 1),
        operation: Some("api_api_buy_mail".to_owned()),
        title: Some("Buy Mail".to_owned()),
        docs: docs("Places an email order"),
        params: vec![
            row(
                "sid",
                "string",
                None,
                "the Session ID you get from the login call",
                119,
            ),
            row("coupon", "string", None, "coupon name", 120),
        ],
        response: PageResponse {
            shape: ResponseShape::Fields,
            fields: vec![
                status,
                key("status_text", "string", None, 130),
                invoices,
                key("cost", "float", None, 145),
            ],
            docs: docs("This function returns an associative array with the following fields"),
            line: 123,
        },
        ..Page::default()
    }
}

pub(super) fn soap_manifest() -> Manifest {
    Manifest {
        module: "interserver".to_owned(),
        title: Some("InterServer SOAP API".to_owned()),
        description: Some("NuSOAP, rpc/encoded.".to_owned()),
        protocol: ProtocolName::Soap,
        wsdl: Some("myapi.wsdl".to_owned()),
        page_format: PageFormat::InterserverMarkdown,
        base_urls: [(
            "live".to_owned(),
            "https://my.interserver.net/api.php".to_owned(),
        )]
        .into(),
        credentials: Vec::new(),
        secrets: vec![
            manifest::Located::at("password".to_owned(), 7),
            manifest::Located::at("sid".to_owned(), 7),
        ],
        session: Some(SessionSpec {
            login: "api_login".to_owned(),
            parameter: "sid".to_owned(),
        }),
        in_band_error: Some(InBandErrorSpec {
            status_field: "status".to_owned(),
            error_values: vec!["error".to_owned()],
            message_fields: vec!["status_text".to_owned()],
        }),
        idempotent: IdempotentSpec::default(),
        types: BTreeMap::new(),
        ws_security: None,
    }
}

pub(super) fn http_manifest() -> Manifest {
    Manifest {
        module: "resellerclub".to_owned(),
        title: Some("ResellerClub HTTP API".to_owned()),
        description: None,
        protocol: ProtocolName::Http,
        wsdl: None,
        page_format: PageFormat::ResellerclubText,
        base_urls: [
            ("test".to_owned(), "https://test.httpapi.com".to_owned()),
            ("live".to_owned(), "https://httpapi.com".to_owned()),
        ]
        .into(),
        credentials: vec!["auth-userid".to_owned(), "api-key".to_owned()],
        secrets: vec![
            manifest::Located::at("api-key".to_owned(), 8),
            manifest::Located::at("passwd".to_owned(), 8),
        ],
        session: None,
        in_band_error: None,
        idempotent: IdempotentSpec::default(),
        types: BTreeMap::new(),
        ws_security: None,
    }
}

pub(super) fn messages(diags: &[Diagnostic]) -> Vec<String> {
    diags.iter().map(ToString::to_string).collect()
}

#[test]
fn soap_service_takes_shell_from_manifest_and_marks_session_params() {
    let read = service(
        &soap_manifest(),
        "interserver/service.toml",
        Some((WSDL.to_owned(), wsdl())),
        vec![buy_mail_page("interserver/buy_mail.md")],
    );
    let service = read.value.expect("built");
    assert_eq!(service.name.wire, "interserver");
    assert_eq!(service.name.rust, "");
    assert_eq!(service.protocol, Protocol::Soap);
    assert_eq!(service.source, src("interserver/service.toml", 1));
    assert_eq!(
        service.docs.summary.as_deref(),
        Some("InterServer SOAP API")
    );
    assert_eq!(service.docs.details, ["NuSOAP, rpc/encoded."]);
    assert_eq!(
        service.session,
        Some(Session {
            login_operation: "api_login".to_owned(),
            parameter: "sid".to_owned()
        })
    );
    assert_eq!(
        service
            .in_band_error
            .as_ref()
            .map(|e| e.status_field.as_str()),
        Some("status")
    );
    assert!(service.credentials.is_empty());
    let sid_roles: Vec<ParamRole> = service
        .operations
        .iter()
        .flat_map(|op| &op.params)
        .filter(|p| p.name.wire == "sid")
        .map(|p| p.role)
        .collect();
    assert_eq!(sid_roles.len(), 4);
    assert!(sid_roles.iter().all(|r| *r == ParamRole::Session));
    let other_roles = service
        .operations
        .iter()
        .flat_map(|op| &op.params)
        .filter(|p| p.name.wire != "sid");
    assert!(other_roles.map(|p| p.role).all(|r| r == ParamRole::Input));
    let names: Vec<&str> = service
        .operations
        .iter()
        .map(|op| op.name.wire.as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
}

#[test]
fn soap_login_missing_from_wsdl_is_an_error_at_the_manifest() {
    let mut manifest = soap_manifest();
    manifest.session = Some(SessionSpec {
        login: "api_signin".to_owned(),
        parameter: "sid".to_owned(),
    });
    let read = service(
        &manifest,
        "interserver/service.toml",
        Some((WSDL.to_owned(), wsdl())),
        Vec::new(),
    );
    assert!(read.value.is_none());
    let errors: Vec<&Diagnostic> = read.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{:?}", messages(&read.diagnostics));
    assert_eq!(errors[0].file, "interserver/service.toml");
    assert!(
        errors[0].message.contains("`api_signin`") || errors[0].message.contains("\"api_signin\"")
    );
}

#[test]
fn soap_without_wsdl_is_an_error() {
    let read = service(
        &soap_manifest(),
        "interserver/service.toml",
        None,
        Vec::new(),
    );
    assert!(read.value.is_none());
    assert!(
        read.diagnostics
            .iter()
            .any(|d| d.is_error() && d.file == "interserver/service.toml")
    );
}

#[test]
fn http_service_marks_credentials_from_the_first_page() {
    let mut second = renew_page("resellerclub/b-renew.txt");
    second.examples[0].url = second.examples[0].url.replace("enterpriseemail", "eelite");
    let pages = vec![renew_page("resellerclub/a-renew.txt"), second];
    let read = service(&http_manifest(), "resellerclub/service.toml", None, pages);
    let service = read.value.expect("built");
    assert_eq!(
        service.credentials,
        [
            Credential {
                name: Name::wire("auth-userid"),
                ty: scalar(Scalar::Long),
                secret: false
            },
            Credential {
                name: Name::wire("api-key"),
                ty: scalar(Scalar::String),
                secret: true
            },
        ]
    );
    for op in &service.operations {
        let roles: Vec<(&str, ParamRole)> = op
            .params
            .iter()
            .map(|p| (p.name.wire.as_str(), p.role))
            .collect();
        assert_eq!(roles[0], ("auth-userid", ParamRole::Credential));
        assert_eq!(roles[1], ("api-key", ParamRole::Credential));
        assert!(roles[2..].iter().all(|(_, r)| *r == ParamRole::Input));
    }
    assert_eq!(
        service
            .base_urls
            .iter()
            .map(|b| b.name.wire.as_str())
            .collect::<Vec<_>>(),
        ["live", "test"]
    );
    let groups: Vec<(Option<&str>, &str)> = service
        .operations
        .iter()
        .map(|op| (op.group.as_deref(), op.name.wire.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            (Some("eelite"), "renew"),
            (Some("enterpriseemail"), "renew")
        ]
    );
    let types: Vec<(Option<&str>, &str)> = service
        .types
        .iter()
        .map(|t| (t.group.as_deref(), t.name.wire.as_str()))
        .collect();
    assert_eq!(
        types,
        [
            (None, "invoice-option"),
            (Some("eelite"), "renew-response"),
            (Some("enterpriseemail"), "renew-response"),
        ]
    );
    assert_eq!(
        service.regions,
        [Region {
            name: Name::wire("us"),
            label: "US Server".to_owned()
        }]
    );
}

#[test]
fn a_credential_no_page_takes_is_a_warning() {
    let mut manifest = http_manifest();
    manifest.credentials.push("reseller-token".to_owned());
    let read = service(
        &manifest,
        "resellerclub/service.toml",
        None,
        vec![renew_page("resellerclub/renew.txt")],
    );
    assert!(read.value.is_some());
    assert!(read.diagnostics.iter().any(|d| !d.is_error()
        && d.file == "resellerclub/service.toml"
        && d.message.contains("`reseller-token`")));
}

#[test]
fn an_error_on_one_page_withholds_the_service() {
    let mut page = renew_page("resellerclub/renew.txt");
    page.http_method = None;
    let read = service(
        &http_manifest(),
        "resellerclub/service.toml",
        None,
        vec![page],
    );
    assert!(read.value.is_none());
}

#[test]
fn snapshot_http_seed_service() {
    let read = service(
        &http_manifest(),
        "resellerclub/service.toml",
        None,
        vec![renew_page("resellerclub/enterpriseemail-renew.txt")],
    );
    insta::assert_json_snapshot!("resellerclub_seed_diagnostics", messages(&read.diagnostics));
    insta::assert_json_snapshot!("resellerclub_seed_service", read.value.expect("built"));
}

#[test]
fn snapshot_soap_seed_service() {
    let read = service(
        &soap_manifest(),
        "interserver/service.toml",
        Some((WSDL.to_owned(), wsdl())),
        vec![buy_mail_page("interserver/api_api_buy_mail.md")],
    );
    insta::assert_json_snapshot!("interserver_seed_diagnostics", messages(&read.diagnostics));
    insta::assert_json_snapshot!("interserver_seed_service", read.value.expect("built"));
}

/// `secrets` entries `<type>.<field>` make that text field a secret; one naming a field that
/// is not text, or nothing at all, is a warning, like a bare name that is no parameter.
#[test]
fn secrets_name_record_fields_and_unmatched_ones_are_warned_about() {
    let mut manifest = soap_manifest();
    manifest.secrets.extend(
        [
            "buy_vps_result_status.status_text",
            "buy_vps_result_status.cost",
            "license_type.nope",
            "nothing",
        ]
        .map(|entry| manifest::Located::at(entry.to_owned(), 9)),
    );
    let read = service(
        &manifest,
        "interserver/service.toml",
        Some((WSDL.to_owned(), wsdl())),
        Vec::new(),
    );
    let built = read.value.expect("built");
    let status = built
        .types
        .iter()
        .find(|t| t.name.wire == "buy_vps_result_status")
        .expect("type");
    let TypeKind::Struct { fields, .. } = &status.kind else {
        panic!("not a struct")
    };
    let secret: Vec<&str> = fields
        .iter()
        .filter(|f| f.secret)
        .map(|f| f.name.wire.as_str())
        .collect();
    assert_eq!(secret, ["status_text"]);
    let messages = messages(&read.diagnostics);
    let warned = |needle: &str| messages.iter().any(|m| m.contains(needle));
    assert!(
        warned("myapi.wsdl:34: warning: secret `buy_vps_result_status.cost` is `float`, not text"),
        "{messages:#?}"
    );
    for entry in ["license_type.nope", "nothing"] {
        assert!(
            warned(&format!(
                "interserver/service.toml:9: warning: secret `{entry}` names no parameter"
            )),
            "{messages:#?}"
        );
    }
    assert!(
        !warned("secret `password`") && !warned("secret `sid`"),
        "{messages:#?}"
    );
}
