use super::merge;
use crate::build::tests::{WSDL, buy_mail_page, docs, key, messages, row, src, wsdl};
use crate::diag::Diagnostic;
use crate::ir::{Docs, Operation, Output, TypeDef, TypeKind};
use crate::read::page::{Page, PageResponse, ResponseShape};

fn merged(pages: &[Page]) -> (Vec<TypeDef>, Vec<Operation>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (types, ops) = merge(WSDL, wsdl(), pages, &mut diags);
    (types, ops, diags)
}

fn op<'a>(ops: &'a [Operation], name: &str) -> &'a Operation {
    ops.iter()
        .find(|op| op.name.wire == name)
        .expect("operation")
}

fn output_docs(op: &Operation) -> &Docs {
    match &op.output {
        Output::Value { docs, .. } => docs,
        Output::None => panic!("no output"),
    }
}

fn field_docs<'a>(types: &'a [TypeDef], ty: &str, field: &str) -> &'a Docs {
    let def = types.iter().find(|t| t.name.wire == ty).expect("type");
    let TypeKind::Struct { fields, .. } = &def.kind else {
        panic!("not a struct")
    };
    &fields
        .iter()
        .find(|f| f.name.wire == field)
        .expect("field")
        .docs
}

/// A page for `operation` with only the given params and response.
fn page(
    file: &str,
    operation: &str,
    params: Vec<crate::read::page::PageParam>,
    response: PageResponse,
) -> Page {
    Page {
        source: src(file, 1),
        operation: Some(operation.to_owned()),
        docs: docs(&format!("About {operation}")),
        params,
        response,
        ..Page::default()
    }
}

fn scalar_response(type_text: &str, description: &str) -> PageResponse {
    let mut field = key("return", type_text, None, 40);
    if !description.is_empty() {
        field.docs = docs(description);
    }
    PageResponse {
        shape: ResponseShape::Scalar,
        fields: vec![field],
        docs: docs("This function returns an associative array with the following fields"),
        line: 38,
    }
}

#[test]
fn page_docs_go_onto_operation_params_and_struct_fields() {
    let (types, ops, diags) = merged(&[buy_mail_page("interserver/buy_mail.md")]);
    assert!(diags.is_empty(), "{:?}", messages(&diags));
    let buy = op(&ops, "api_api_buy_mail");
    assert_eq!(buy.docs.summary.as_deref(), Some("Places an email order"));
    assert_eq!(
        buy.sources,
        [src(WSDL, 1179), src("interserver/buy_mail.md", 1)]
    );
    assert_eq!(
        buy.params[0].docs.summary.as_deref(),
        Some("the Session ID you get from the login call")
    );
    assert_eq!(buy.params[1].docs.summary.as_deref(), Some("coupon name"));
    assert_eq!(
        field_docs(&types, "buy_vps_result_status", "status")
            .summary
            .as_deref(),
        Some("Location Status")
    );
    let invoices = field_docs(&types, "buy_vps_result_status", "invoices");
    assert_eq!(
        invoices.details,
        ["invoices_id ID of the Invoice used for referencing"]
    );
    assert_eq!(
        output_docs(buy).summary.as_deref(),
        Some("This function returns an associative array with the following fields")
    );
    // Operations no page names stay as the WSDL has them.
    assert_eq!(op(&ops, "api_login").sources, [src(WSDL, 893)]);
}

#[test]
fn every_disagreement_warns_naming_both_sources() {
    let mut page = buy_mail_page("interserver/buy_mail.md");
    page.params[0].type_text = "int".to_owned(); // sid: type differs
    page.params.remove(1); // coupon: WSDL part missing from the page
    page.params
        .push(row("voucher", "string", None, "not in the WSDL", 121));
    page.response.fields.retain(|f| f.name != "cost"); // struct field missing from the page
    page.response.fields[0].type_text = "int".to_owned(); // status: type differs
    page.response.fields.push(key("bogus", "string", None, 146)); // field not in the WSDL struct
    let (_, _, diags) = merged(&[page]);
    let found = messages(&diags);
    let expect = [
        ("buy_mail.md:119:", "`sid`", "myapi.wsdl:1180"),
        ("buy_mail.md:121:", "`voucher`", "myapi.wsdl:1179"),
        ("buy_mail.md:1:", "`coupon`", "myapi.wsdl:1180"),
        ("buy_mail.md:129:", "`status`", "myapi.wsdl:31"),
        ("buy_mail.md:146:", "`bogus`", "myapi.wsdl:30"),
        ("buy_mail.md:123:", "`cost`", "myapi.wsdl:34"),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for (at, what, wsdl_at) in expect {
        assert!(
            found.iter().any(|m| m.contains(at)
                && m.contains(what)
                && m.contains(wsdl_at)
                && m.contains(": warning: ")),
            "no warning at {at} about {what} naming {wsdl_at}: {found:#?}"
        );
    }
}

#[test]
fn a_return_row_documents_the_output_and_is_type_checked() {
    let params = vec![
        row("username", "string", None, "the username", 10),
        row("password", "string", None, "the password", 11),
    ];
    let login = page(
        "interserver/login.md",
        "api_login",
        params,
        scalar_response("string", "the session id"),
    );
    let (_, ops, diags) = merged(&[login]);
    assert!(diags.is_empty(), "{:?}", messages(&diags));
    assert_eq!(
        output_docs(op(&ops, "api_login")).summary.as_deref(),
        Some("the session id")
    );

    let params = vec![
        row("username", "string", None, "", 10),
        row("password", "string", None, "", 11),
    ];
    let login = page(
        "interserver/login.md",
        "api_login",
        params,
        scalar_response("int", ""),
    );
    let (_, ops, diags) = merged(&[login]);
    // The intro sentence says "associative array"; it is not the scalar's documentation.
    assert_eq!(output_docs(op(&ops, "api_login")).summary, None);
    let found = messages(&diags);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("login.md:40:")
            && found[0].contains("`int`")
            && found[0].contains("myapi.wsdl:893")
    );
}

#[test]
fn one_row_typed_as_the_whole_array_answer_documents_the_output() {
    let mut field = key("0", "tns:license_type[]", None, 20);
    field.docs = docs("every license type");
    let response = PageResponse {
        shape: ResponseShape::Fields,
        fields: vec![field],
        docs: Docs::default(),
        line: 18,
    };
    let (_, ops, diags) = merged(&[page(
        "interserver/license_types.md",
        "api_get_license_types",
        Vec::new(),
        response,
    )]);
    assert!(diags.is_empty(), "{:?}", messages(&diags));
    assert_eq!(
        output_docs(op(&ops, "api_get_license_types"))
            .summary
            .as_deref(),
        Some("every license type")
    );
}

#[test]
fn rows_of_an_array_answer_document_its_item_struct() {
    let mut id = key("vps_id", "int", None, 21);
    id.docs = docs("VPS Service ID");
    let response = PageResponse {
        shape: ResponseShape::Fields,
        fields: vec![id, key("vps_hostname", "string", None, 22)],
        docs: Docs::default(),
        line: 19,
    };
    let params = vec![row("sid", "string", None, "", 10)];
    let (types, _, diags) = merged(&[page(
        "interserver/vps.md",
        "api_vps_get_services",
        params,
        response,
    )]);
    assert!(diags.is_empty(), "{:?}", messages(&diags));
    assert_eq!(
        field_docs(&types, "sql_row_vps", "vps_id")
            .summary
            .as_deref(),
        Some("VPS Service ID")
    );
}

#[test]
fn array_agrees_with_an_undefined_wsdl_type() {
    let (_, _, diags) = merged(&[page(
        "interserver/modules.md",
        "get_modules",
        Vec::new(),
        scalar_response("array", ""),
    )]);
    assert!(diags.is_empty(), "{:?}", messages(&diags));
}

#[test]
fn fields_for_a_scalar_or_missing_answer_warn() {
    let fields = PageResponse {
        shape: ResponseShape::Fields,
        fields: vec![
            key("status", "string", None, 30),
            key("status_text", "string", None, 31),
        ],
        docs: Docs::default(),
        line: 29,
    };
    let params = vec![
        row("sid", "string", None, "", 10),
        row("page", "int", None, "", 11),
    ];
    let tickets = page(
        "interserver/tickets.md",
        "api_getTicketList",
        params,
        fields.clone(),
    );
    let mail = page(
        "interserver/send.md",
        "api_send_mail",
        vec![row("sid", "string", None, "", 10)],
        fields,
    );
    let (_, _, diags) = merged(&[tickets, mail]);
    let found = messages(&diags);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].contains("tickets.md:29:")
            && found[0].contains("`string`")
            && found[0].contains("myapi.wsdl:665")
    );
    assert!(
        found[1].contains("send.md:29:")
            && found[1].contains("returns nothing")
            && found[1].contains("myapi.wsdl:1170")
    );
}

#[test]
fn a_page_for_no_wsdl_operation_warns_and_is_not_used() {
    let mut stray = buy_mail_page("interserver/stray.md");
    stray.operation = Some("api_buy_spaceship".to_owned());
    let mut unnamed = buy_mail_page("interserver/unnamed.md");
    unnamed.operation = None;
    let (_, ops, diags) = merged(&[stray, unnamed]);
    let found = messages(&diags);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("interserver/stray.md:1: warning:") && found[0].contains(WSDL));
    assert!(found[1].starts_with("interserver/unnamed.md:1: warning:"));
    assert_eq!(op(&ops, "api_api_buy_mail").sources.len(), 1);
}

#[test]
fn names_match_ignoring_case_when_exact_fails() {
    let mut page = buy_mail_page("interserver/buy_mail.md");
    page.operation = Some("API_API_BUY_MAIL".to_owned());
    let (_, ops, diags) = merged(&[page]);
    assert!(diags.is_empty(), "{:?}", messages(&diags));
    assert_eq!(op(&ops, "api_api_buy_mail").sources.len(), 2);
}

#[test]
fn two_pages_for_one_operation_is_an_error_naming_both() {
    let (_, ops, diags) = merged(&[
        buy_mail_page("interserver/a.md"),
        buy_mail_page("interserver/b.md"),
    ]);
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("interserver/a.md:1") && errors[0].contains("interserver/b.md:1"));
    assert_eq!(
        op(&ops, "api_api_buy_mail").sources,
        [src(WSDL, 1179), src("interserver/a.md", 1)]
    );
}

#[test]
fn shared_struct_docs_come_from_the_first_page() {
    let mut second = buy_mail_page("interserver/z.md");
    second.response.fields[0].docs = docs("Other words");
    let first = buy_mail_page("interserver/a.md");
    let mut diags = Vec::new();
    let mut wsdl = wsdl();
    // A second operation answering with the same struct.
    let mut vps = wsdl.operations[0].clone();
    vps.name.wire = "api_api_buy_vps".to_owned();
    wsdl.operations.push(vps);
    second.operation = Some("api_api_buy_vps".to_owned());
    let (types, _) = merge(WSDL, wsdl, &[first, second], &mut diags);
    assert_eq!(
        field_docs(&types, "buy_vps_result_status", "status")
            .summary
            .as_deref(),
        Some("Location Status")
    );
}
