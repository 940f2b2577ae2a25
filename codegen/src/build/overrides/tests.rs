use crate::build::service;
use crate::build::tests::{WSDL, messages, soap_manifest, wsdl};
use crate::ir::{Field, Operation, Output, Param, Scalar, Service, TypeKind, TypeRef};
use crate::read::manifest::{FieldType, Located};

fn built(overrides: &[(&str, FieldType, u32)]) -> (Service, Vec<String>) {
    let mut manifest = soap_manifest();
    manifest.types = overrides
        .iter()
        .map(|&(path, to, line)| (path.to_owned(), Located::at(to, line)))
        .collect();
    let read = service(
        &manifest,
        "interserver/service.toml",
        Some((WSDL.to_owned(), wsdl())),
        Vec::new(),
    );
    (read.value.expect("built"), messages(&read.diagnostics))
}

fn field<'a>(service: &'a Service, ty: &str, name: &str) -> &'a Field {
    service
        .types
        .iter()
        .filter(|t| t.name.wire == ty)
        .find_map(|t| match &t.kind {
            TypeKind::Struct { fields, .. } => fields.iter().find(|f| f.name.wire == name),
            _ => None,
        })
        .expect(name)
}

fn op<'a>(service: &'a Service, name: &str) -> &'a Operation {
    service
        .operations
        .iter()
        .find(|op| op.name.wire == name)
        .expect(name)
}

fn param<'a>(service: &'a Service, op_name: &str, name: &str) -> &'a Param {
    op(service, op_name)
        .params
        .iter()
        .find(|p| p.name.wire == name)
        .expect(name)
}

fn answer(service: &Service, op_name: &str) -> TypeRef {
    match &op(service, op_name).output {
        Output::Value { ty, .. } => ty.clone(),
        Output::None => panic!("{op_name} answers nothing"),
    }
}

fn scalar(s: Scalar) -> TypeRef {
    TypeRef::Scalar(s)
}

#[test]
fn the_money_rule_applies_without_overrides() {
    let (service, _) = built(&[]);
    assert_eq!(
        field(&service, "buy_vps_result_status", "cost").ty,
        scalar(Scalar::Decimal)
    );
    assert_eq!(
        field(&service, "license_type", "services_id").ty,
        scalar(Scalar::Int)
    );
}

#[test]
fn overrides_retype_fields_parameters_and_answers() {
    let (service, diags) = built(&[
        ("buy_vps_result_status.cost", FieldType::String, 3),
        ("BuyVpsResultStatus.status", FieldType::Optional, 4),
        ("status_text", FieldType::Optional, 5),
        ("api_getTicketList.page", FieldType::Decimal, 6),
        ("api_getTicketList.return", FieldType::Decimal, 7),
    ]);
    assert!(diags.iter().all(|d| !d.contains("[types]")), "{diags:?}");
    assert_eq!(
        field(&service, "buy_vps_result_status", "cost").ty,
        scalar(Scalar::String)
    );
    assert!(!field(&service, "buy_vps_result_status", "status").required);
    assert!(!field(&service, "buy_vps_result_status", "status_text").required);
    assert!(field(&service, "buy_vps_result_status", "invoices").required);
    assert_eq!(
        param(&service, "api_getTicketList", "page").ty,
        scalar(Scalar::Decimal)
    );
    // What the WSDL declares stays for encoded requests' `xsi:type`: the money rule's
    // decimal `cost` was a float before the override made it a string.
    let cost = field(&service, "buy_vps_result_status", "cost");
    assert_eq!(cost.declared, Some(Scalar::Float));
    let page = param(&service, "api_getTicketList", "page");
    assert_eq!(page.declared, Some(Scalar::Int));
    assert_eq!(
        field(&service, "buy_vps_result_status", "status").declared,
        None
    );
    assert_eq!(
        answer(&service, "api_getTicketList"),
        scalar(Scalar::Decimal)
    );
    assert_eq!(
        answer(&service, "api_login"),
        scalar(Scalar::String),
        "only the named answer"
    );
}

#[test]
fn overrides_that_cannot_apply_are_warnings_at_their_line() {
    let (service, diags) = built(&[
        ("nothing.here", FieldType::Decimal, 9),
        ("api_vps_get_services.return", FieldType::Decimal, 10),
        ("api_login.return", FieldType::Optional, 11),
        ("return", FieldType::Decimal, 12),
    ]);
    let warnings: Vec<&String> = diags.iter().filter(|d| d.contains("[types]")).collect();
    assert_eq!(warnings.len(), 4, "{diags:?}");
    let at = |line: u32, text: &str| {
        let prefix = format!("interserver/service.toml:{line}");
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with(&prefix) && w.contains(text)),
            "{line} {text}: {warnings:?}"
        );
    };
    at(9, "matches no field, parameter or answer");
    at(10, "`tns:array_sql_row_vps` is not a scalar value");
    at(11, "an operation's answer cannot be optional");
    at(12, "matches no field");
    assert_eq!(answer(&service, "api_login"), scalar(Scalar::String));
}
