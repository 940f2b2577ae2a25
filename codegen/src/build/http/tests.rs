use super::{Built, build};
use crate::build::tests::{
    docs, example, key, messages, named, renew_page, row, scalar, src, values,
};
use crate::diag::Diagnostic;
use crate::ir::*;
use crate::read::page::{Located, Page, PageResponse, PageValue, ResponseShape};

const RENEW: &str = "rc/enterpriseemail-renew.txt";

fn built(pages: &[Page]) -> (Built, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    (build(pages, &mut diags), diags)
}

fn only_op(built: &Built) -> &Operation {
    assert_eq!(built.operations.len(), 1);
    &built.operations[0]
}

fn param<'a>(op: &'a Operation, name: &str) -> &'a Param {
    op.params
        .iter()
        .find(|p| p.name.wire == name)
        .expect("param")
}

fn http(op: &Operation) -> &HttpBinding {
    match &op.binding {
        Binding::Http(b) => b,
        Binding::Soap(_) => panic!("soap binding"),
    }
}

fn output_ty(op: &Operation) -> &TypeRef {
    match &op.output {
        Output::Value { ty, .. } => ty,
        Output::None => panic!("no output"),
    }
}

fn type_def<'a>(built: &'a Built, group: &str, name: &str) -> &'a TypeDef {
    built
        .types
        .iter()
        .find(|t| t.group.as_deref() == Some(group) && t.name.wire == name)
        .unwrap_or_else(|| panic!("no type {group}/{name}"))
}

/// A service-level type (enums belong to the service, not to a group).
fn enum_def<'a>(built: &'a Built, name: &str) -> &'a TypeDef {
    built
        .types
        .iter()
        .find(|t| t.group.is_none() && t.name.wire == name)
        .unwrap_or_else(|| panic!("no enum {name}"))
}

fn struct_fields(def: &TypeDef) -> (&[Field], &Option<TypeRef>) {
    match &def.kind {
        TypeKind::Struct { fields, rest } => (fields, rest),
        other => panic!("not a struct: {other:?}"),
    }
}

fn enum_values(def: &TypeDef) -> Vec<&str> {
    match &def.kind {
        TypeKind::Enum { values } => values.iter().map(|v| v.name.wire.as_str()).collect(),
        other => panic!("not an enum: {other:?}"),
    }
}

/// A minimal page at `url` with the given params, POST, no response description.
fn page_at(file: &str, url: &str, params: Vec<crate::read::page::PageParam>) -> Page {
    Page {
        source: src(file, 1),
        docs: docs("Does something."),
        params,
        http_method: Some(Located {
            value: "POST".to_owned(),
            line: 3,
        }),
        examples: vec![example(None, url, 4)],
        response: PageResponse {
            shape: ResponseShape::Prose,
            fields: Vec::new(),
            docs: docs("Returns a status text."),
            line: 5,
        },
        ..Page::default()
    }
}

#[test]
fn the_seed_page_becomes_one_operation() {
    let (built, diags) = built(&[renew_page(RENEW)]);
    let op = only_op(&built);
    assert_eq!(op.group.as_deref(), Some("enterpriseemail"));
    assert_eq!(op.name, Name::wire("renew"));
    assert_eq!(op.sources, [src(RENEW, 1)]);
    assert_eq!(
        *http(op),
        HttpBinding {
            method: HttpMethod::Post,
            path: "/api/enterpriseemail/{region}/renew.json".to_owned(),
            regions: vec!["us".to_owned()],
            encoding: ParamEncoding::Form,
        }
    );
    assert_eq!(
        op.docs.summary.as_deref(),
        Some("Renews an existing Enterprise Email Order.")
    );
    assert!(
        op.docs
            .details
            .last()
            .is_some_and(|d| d.contains("status key with value as ERROR"))
    );
    let names: Vec<&str> = op.params.iter().map(|p| p.name.wire.as_str()).collect();
    assert_eq!(
        names,
        [
            "auth-userid",
            "api-key",
            "order-id",
            "months",
            "auto-renew",
            "invoice-option",
            "discount-amount"
        ]
    );
    assert_eq!(param(op, "order-id").ty, scalar(Scalar::Long));
    assert_eq!(param(op, "auto-renew").ty, scalar(Scalar::Boolean));
    assert_eq!(param(op, "discount-amount").ty, scalar(Scalar::Double));
    assert!(!param(op, "discount-amount").required);
    assert_eq!(
        param(op, "invoice-option").ty,
        named(None, "invoice-option")
    );
    assert_eq!(param(op, "order-id").source, src(RENEW, 8));
    assert_eq!(
        built.regions,
        [Region {
            name: Name::wire("us"),
            label: "US Server".to_owned()
        }]
    );
    // The one warning: auto-renew is Required, but the example URL does not send it.
    let found = messages(&diags);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(&format!("{RENEW}:12: warning:")) && found[0].contains("`auto-renew`")
    );
}

#[test]
fn fields_become_a_response_struct_with_conditional_keys_optional() {
    let (built, _) = built(&[renew_page(RENEW)]);
    let op = only_op(&built);
    assert_eq!(
        *output_ty(op),
        named(Some("enterpriseemail"), "renew-response")
    );
    let Output::Value { name, docs, .. } = &op.output else {
        panic!()
    };
    assert_eq!(name.wire, "response");
    assert_eq!(
        docs.summary.as_deref(),
        Some("Returns a hash map containing the below details:")
    );
    let (fields, rest) = struct_fields(type_def(&built, "enterpriseemail", "renew-response"));
    assert_eq!(*rest, None);
    let got: Vec<(&str, &TypeRef, bool)> = fields
        .iter()
        .map(|f| (f.name.wire.as_str(), &f.ty, f.required))
        .collect();
    let want = [
        ("description", &scalar(Scalar::String), true),
        ("entityid", &scalar(Scalar::Long), true),
        ("actiontype", &scalar(Scalar::String), true),
        ("invoiceid", &scalar(Scalar::Long), false),
        ("sellingamount", &scalar(Scalar::Decimal), false),
        ("discount-amount", &scalar(Scalar::Decimal), true),
    ];
    assert_eq!(got, want);
    assert_eq!(fields[0].docs.summary.as_deref(), Some("Domain Name"));
    assert_eq!(fields[0].source, src(RENEW, 23));
}

#[test]
fn per_entry_keys_make_an_entry_struct_for_the_rest() {
    let mut page = page_at(
        "rc/search.txt",
        "https://h/api/enterpriseemail/us/search.json?x=1",
        vec![row("x", "Integer", Some(true), "", 8)],
    );
    page.http_method = Some(Located {
        value: "get".to_owned(),
        line: 3,
    });
    let mut order_id = key("orders.orderid", "", Some("Order Id"), 20);
    order_id.per_entry = true;
    let mut created = key(
        "orders.creationtime",
        "",
        Some("Creation time of the Order, as a UNIX timestamp"),
        21,
    );
    created.per_entry = true;
    page.response = PageResponse {
        shape: ResponseShape::Fields,
        fields: vec![
            order_id,
            created,
            key("recsonpage", "", Some("Number of Orders on this page"), 25),
        ],
        docs: docs("Returns a hash map of the matching Orders."),
        line: 18,
    };
    let (built, diags) = built(&[page]);
    assert!(diags.is_empty(), "{:?}", messages(&diags));
    let op = only_op(&built);
    assert_eq!(http(op).method, HttpMethod::Get);
    assert_eq!(http(op).encoding, ParamEncoding::Query);
    let (fields, rest) = struct_fields(type_def(&built, "enterpriseemail", "search-response"));
    assert_eq!(fields.len(), 1);
    assert_eq!(
        (fields[0].name.wire.as_str(), &fields[0].ty),
        ("recsonpage", &scalar(Scalar::Long))
    );
    assert_eq!(*rest, Some(named(Some("enterpriseemail"), "search-entry")));
    let (entry, entry_rest) = struct_fields(type_def(&built, "enterpriseemail", "search-entry"));
    assert_eq!(*entry_rest, None);
    let got: Vec<(&str, &TypeRef)> = entry
        .iter()
        .map(|f| (f.name.wire.as_str(), &f.ty))
        .collect();
    assert_eq!(
        got,
        [
            ("orders.orderid", &scalar(Scalar::Long)),
            ("orders.creationtime", &scalar(Scalar::UnixTime))
        ]
    );
}

#[test]
fn prose_and_vague_responses() {
    let mut signup = page_at(
        "rc/signup.txt",
        "https://h/api/customers/signup.json?x=1",
        vec![row("x", "String", Some(true), "", 8)],
    );
    signup.response.docs =
        docs("The response body is the Customer Id of the new account, as a bare integer.");
    let mut text = page_at(
        "rc/text.txt",
        "https://h/api/customers/text.json?x=1",
        vec![row("x", "String", Some(true), "", 8)],
    );
    text.response.docs = docs("Returns the text of the agreement.");
    let mut vague = page_at(
        "rc/vague.txt",
        "https://h/api/eelite/us/renew.json?x=1",
        vec![row("x", "String", Some(true), "", 8)],
    );
    vague.response = PageResponse {
        shape: ResponseShape::Unknown,
        fields: Vec::new(),
        docs: docs("Returns a map."),
        line: 30,
    };
    let (built, diags) = built(&[signup, text, vague]);
    let ty = |name: &str| {
        output_ty(
            built
                .operations
                .iter()
                .find(|o| o.name.wire == name)
                .expect("op"),
        )
        .clone()
    };
    assert_eq!(ty("signup"), scalar(Scalar::Long));
    assert_eq!(ty("text"), scalar(Scalar::String));
    assert_eq!(ty("renew"), TypeRef::Dynamic);
    let found = messages(&diags);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("rc/vague.txt:30: warning:"));
}

#[test]
fn regions_come_from_every_example_and_a_scheme_typo_is_repaired() {
    let mut page = page_at(
        "rc/gapps-add.txt",
        "https://h/api/gapps/in/add.json?x=1",
        vec![row("x", "Integer", Some(true), "", 8)],
    );
    page.examples = vec![
        example(
            Some("India"),
            "https://test.httpapi.com/api/gapps/in/add.json?x=1",
            30,
        ),
        example(
            Some("South East Asia & Egypt"),
            "https://test.httpapi.com/api/gapps/se/add.json?x=1",
            34,
        ),
        example(
            Some("Rest of the World"),
            "hhttps://test.httpapi.com/api/gapps/gbl/add.json?x=1",
            38,
        ),
    ];
    let mut other = page_at(
        "rc/ee-add.txt",
        "https://h/api/enterpriseemail/us/add.json?x=1",
        vec![row("x", "Integer", Some(true), "", 8)],
    );
    other.examples.push(example(
        None,
        "https://h/api/enterpriseemail/in/add.json?x=1",
        5,
    ));
    let (built, diags) = built(&[page, other]);
    let gapps = built
        .operations
        .iter()
        .find(|o| o.group.as_deref() == Some("gapps"))
        .expect("gapps");
    assert_eq!(http(gapps).regions, ["gbl", "in", "se"]);
    assert_eq!(http(gapps).path, "/api/gapps/{region}/add.json");
    let regions: Vec<(&str, &str)> = built
        .regions
        .iter()
        .map(|r| (r.name.wire.as_str(), r.label.as_str()))
        .collect();
    assert_eq!(
        regions,
        [
            ("gbl", "Rest of the World"),
            ("in", "India"),
            ("se", "South East Asia & Egypt"),
            ("us", "us")
        ]
    );
    let found = messages(&diags);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("rc/gapps-add.txt:38: warning:") && found[0].contains("hhttps"));
}

#[test]
fn examples_that_disagree_beyond_the_region_warn() {
    let mut page = page_at(
        "rc/add.txt",
        "https://h/api/gapps/in/add.json?x=1",
        vec![row("x", "Integer", Some(true), "", 8)],
    );
    page.examples
        .push(example(None, "https://h/api/gapps/in/added.json?x=1", 9));
    let (built, diags) = built(&[page]);
    assert_eq!(only_op(&built).name.wire, "add");
    let found = messages(&diags);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("rc/add.txt:9: warning:") && found[0].contains("line 4"));
}

#[test]
fn identical_enums_are_shared_and_conflicting_ones_renamed() {
    let renew = renew_page("rc/ee-renew.txt");
    let mut add = renew_page("rc/ee-add.txt");
    add.examples[0].url = add.examples[0].url.replace("/renew.json", "/add.json");
    let mut delete = renew_page("rc/ee-delete.txt");
    delete.examples[0].url = delete.examples[0]
        .url
        .replace("/renew.json", "/delete.json");
    delete.params[5].values = values(&["NoInvoice", "PayInvoice"]);
    let mut other_group = renew_page("rc/gapps-renew.txt");
    other_group.examples[0].url = other_group.examples[0]
        .url
        .replace("enterpriseemail", "gapps");
    other_group.params[5].values = values(&["NoInvoice", "PayInvoice"]);
    let (built, diags) = built(&[renew, add, delete, other_group]);
    assert!(
        diags.iter().all(|d| !d.is_error()),
        "{:?}",
        messages(&diags)
    );
    let enums: Vec<(Option<&str>, &str)> = built
        .types
        .iter()
        .filter(|t| matches!(t.kind, TypeKind::Enum { .. }))
        .map(|t| (t.group.as_deref(), t.name.wire.as_str()))
        .collect();
    // One service-level enum per set of values, whatever the group; the second set of
    // values is named after the first operation that used it, and every user is listed.
    assert_eq!(
        enums,
        [(None, "invoice-option"), (None, "delete-invoice-option")]
    );
    let option_of = |action: &str, group: &str| {
        let op = built
            .operations
            .iter()
            .find(|o| o.name.wire == action && o.group.as_deref() == Some(group))
            .expect("op");
        param(op, "invoice-option").ty.clone()
    };
    assert_eq!(
        option_of("add", "enterpriseemail"),
        named(None, "invoice-option")
    );
    assert_eq!(
        option_of("delete", "enterpriseemail"),
        named(None, "delete-invoice-option")
    );
    assert_eq!(
        option_of("renew", "gapps"),
        named(None, "delete-invoice-option")
    );
    let delete = enum_def(&built, "delete-invoice-option");
    assert_eq!(enum_values(delete), ["NoInvoice", "PayInvoice"]);
    assert_eq!(
        delete.docs.details.last().map(String::as_str),
        Some("Used by `enterpriseemail/delete`, `gapps/renew`.")
    );
    assert_eq!(
        enum_values(enum_def(&built, "invoice-option")),
        ["NoInvoice", "PayInvoice", "KeepInvoice", "OnlyAdd"]
    );
}

#[test]
fn enum_values_keep_their_docs_and_booleans_stay_boolean() {
    let mut option = row(
        "invoice-option",
        "String",
        Some(true),
        "Use one of these Invoice Options:",
        8,
    );
    option.values = vec![
        PageValue {
            value: "NoInvoice".to_owned(),
            docs: Some("no invoice is raised".to_owned()),
        },
        PageValue {
            value: "PayInvoice".to_owned(),
            docs: None,
        },
    ];
    let mut transfer = row(
        "is-transfer-in",
        "Boolean",
        Some(false),
        "Treated as False when left out.",
        9,
    );
    transfer.values = values(&["True", "False"]);
    let mut single = row("mode", "String", Some(false), "", 10);
    single.values = values(&["Only"]);
    let url = "https://h/api/domains/register.json?invoice-option=NoInvoice";
    let (built, diags) = built(&[page_at(
        "rc/register.txt",
        url,
        vec![option, transfer, single],
    )]);
    assert!(diags.is_empty(), "{:?}", messages(&diags));
    let op = only_op(&built);
    assert_eq!(param(op, "is-transfer-in").ty, scalar(Scalar::Boolean));
    assert_eq!(param(op, "mode").ty, scalar(Scalar::String));
    let def = enum_def(&built, "invoice-option");
    assert_eq!(def.source, src("rc/register.txt", 8));
    let TypeKind::Enum { values } = &def.kind else {
        panic!()
    };
    assert_eq!(
        values[0].docs.summary.as_deref(),
        Some("no invoice is raised")
    );
    assert_eq!(values[1].docs, Docs::default());
    assert_eq!(http(op).regions, Vec::<String>::new());
    assert_eq!(http(op).path, "/api/domains/register.json");
}

#[test]
fn map_rows_become_one_pair_parameter() {
    let params = vec![
        row("ns", "Array of Strings", Some(true), "Name Servers", 8),
        row("attr-name", "Map[name]", Some(false), "Name half", 9),
        row("attr-value", "Map[value]", Some(false), "Value half", 10),
        row("lonely-name", "Map[name]", Some(false), "", 11),
        row("ids", "Array of Integers", Some(false), "", 12),
    ];
    let url =
        "https://h/api/domains/register.json?ns=a&ns=b&attr-name1=cedcontactid&attr-value1=default";
    let (built, diags) = built(&[page_at("rc/register.txt", url, params)]);
    let op = only_op(&built);
    let names: Vec<&str> = op.params.iter().map(|p| p.name.wire.as_str()).collect();
    assert_eq!(names, ["ns", "attr", "ids"]);
    assert_eq!(
        param(op, "ns").ty,
        TypeRef::List(Box::new(scalar(Scalar::String)))
    );
    assert_eq!(
        param(op, "ids").ty,
        TypeRef::List(Box::new(scalar(Scalar::Long)))
    );
    let attr = param(op, "attr");
    assert_eq!(
        attr.ty,
        TypeRef::Map(
            Box::new(scalar(Scalar::String)),
            Box::new(scalar(Scalar::String))
        )
    );
    assert_eq!(
        attr.pair_names,
        Some(PairNames {
            key: "attr-name".to_owned(),
            value: "attr-value".to_owned()
        })
    );
    assert_eq!(attr.docs.summary.as_deref(), Some("Name half"));
    assert_eq!(attr.docs.details, ["Value half"]);
    assert_eq!(attr.source, src("rc/register.txt", 9));
    // The numbered attr-name1/attr-value1 keys belong to the map; only the lonely row warns.
    let found = messages(&diags);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("rc/register.txt:11: warning:") && found[0].contains("`lonely-name`")
    );
}

#[test]
fn the_example_url_decides_a_parameter_spelling() {
    let transfer = || vec![row("Is-transfer-in", "Boolean", Some(false), "", 8)];
    let url = "https://h/api/gapps/in/add.json?is-transfer-in=False";
    let (respelled, diags) = built(&[page_at("rc/add.txt", url, transfer())]);
    assert_eq!(only_op(&respelled).params[0].name.wire, "is-transfer-in");
    let found = messages(&diags);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("rc/add.txt:8: warning:") && found[0].contains("`is-transfer-in`")
    );

    // An example spelling it as the table does settles it; the other spelling is then unknown.
    let mut page = page_at("rc/add.txt", url, transfer());
    let exact = "https://h/api/gapps/se/add.json?Is-transfer-in=False";
    page.examples.push(example(None, exact, 9));
    let (kept, diags) = built(&[page]);
    assert_eq!(only_op(&kept).params[0].name.wire, "Is-transfer-in");
    let found = messages(&diags);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("rc/add.txt:4: warning:") && found[0].contains("does not list"));
}

#[test]
fn table_and_example_urls_are_linted_against_each_other() {
    let params = vec![
        row("order-id", "Integer", Some(true), "", 8),
        row("months", "Integer", Some(true), "", 9),
    ];
    let url = "https://h/api/ee/us/renew.json?order-id=1&extra=2&extra=3";
    let (_, diags) = built(&[page_at("rc/renew.txt", url, params)]);
    let found = messages(&diags);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("rc/renew.txt:9: warning:") && found[0].contains("`months`"));
    assert!(found[1].starts_with("rc/renew.txt:4: warning:") && found[1].contains("`extra`"));
}

#[test]
fn unstated_requirement_and_unknown_types_warn() {
    let params = vec![
        row("a", "Integer", None, "", 8),
        row("b", "Object", Some(false), "", 9),
        row("c", "array", Some(false), "", 10),
        row("d", "tns:thing", Some(false), "", 11),
    ];
    let (built, diags) = built(&[page_at("rc/x.txt", "https://h/api/g/x.json?a=1", params)]);
    let op = only_op(&built);
    assert!(!param(op, "a").required);
    assert_eq!(param(op, "b").ty, scalar(Scalar::String));
    assert_eq!(
        param(op, "c").ty,
        TypeRef::List(Box::new(scalar(Scalar::String)))
    );
    assert_eq!(param(op, "d").ty, scalar(Scalar::String));
    let lines: Vec<u32> = diags.iter().map(|d| d.line).collect();
    assert_eq!(lines, [8, 9, 10, 11], "{:?}", messages(&diags));
    assert!(diags.iter().all(|d| !d.is_error()));
}

#[test]
fn a_second_page_for_one_operation_is_an_error_naming_both() {
    let (built, diags) = built(&[renew_page("rc/a.txt"), renew_page("rc/b.txt")]);
    assert_eq!(built.operations.len(), 1);
    assert_eq!(built.types.len(), 2, "the second page adds no types");
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].starts_with("rc/b.txt:1: error:") && errors[0].contains("rc/a.txt:1"));
}

#[test]
fn a_missing_or_unknown_method_is_an_error() {
    let mut missing = renew_page("rc/a.txt");
    missing.http_method = None;
    let mut unknown = renew_page("rc/b.txt");
    unknown.http_method = Some(Located {
        value: "PUT".to_owned(),
        line: 18,
    });
    let (built, diags) = built(&[missing, unknown]);
    assert!(built.operations.is_empty());
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].starts_with("rc/a.txt:1: error:"));
    assert!(errors[1].starts_with("rc/b.txt:18: error:") && errors[1].contains("PUT"));
}

#[test]
fn a_page_without_a_usable_example_url_is_an_error() {
    let mut none = renew_page("rc/a.txt");
    none.examples.clear();
    let mut broken = renew_page("rc/b.txt");
    broken.examples[0].url = "see the docs".to_owned();
    let (built, diags) = built(&[none, broken]);
    assert!(built.operations.is_empty());
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 2);
    assert_eq!(
        (errors[0].file.as_str(), errors[1].file.as_str()),
        ("rc/a.txt", "rc/b.txt")
    );
}
