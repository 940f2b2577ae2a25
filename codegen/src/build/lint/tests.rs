//! The lint rules on hand-built pages and on the project's seed page.

use super::{labels, samples};
use crate::build::service;
use crate::build::tests::{
    WSDL, buy_mail_page, docs, http_manifest, key, messages, renew_page, soap_manifest, src, wsdl,
};
use crate::diag::Diagnostic;
use crate::ir::*;
use crate::read::page::*;

const SEED_FILE: &str = "interserver/api_api_buy_mail.md";
const SEED: &str = include_str!("../../../../specs/interserver/api_api_buy_mail.md");

/// The project's InterServer seed page, as its reader gives it.
pub(super) fn seed_page() -> Page {
    crate::read::interserver_md::read(SEED_FILE, SEED)
        .value
        .expect("the seed page reads")
}

/// The seed page's sample in `language`.
pub(super) fn seed_code(language: &str) -> String {
    seed_page()
        .samples
        .into_iter()
        .find(|s| s.language == language)
        .map(|s| s.code)
        .expect("the seed has this sample")
}

fn sample(language: &str, code: &str, line: u32) -> Sample {
    Sample {
        language: language.to_owned(),
        code: code.to_owned(),
        line,
    }
}

/// What the sample rule says of `samples` on the buy-mail page.
fn sample_warnings(samples: Vec<Sample>, operations: &[Operation]) -> Vec<String> {
    let mut page = buy_mail_page(SEED_FILE);
    page.samples = samples;
    let op = operations
        .iter()
        .find(|op| op.name.wire == "api_api_buy_mail")
        .expect("buy mail");
    let mut diags = Vec::new();
    samples::check(&page, op, operations, &mut diags);
    assert!(diags.iter().all(|d| !d.is_error()));
    messages(&diags)
}

fn ruby_fixed() -> String {
    seed_code("ruby").replace(
        "sid: ARGV[0],\t\tcoupon: ARGV[1],",
        "sid: sid,\t\tcoupon: ARGV[2],",
    )
}

fn python_fixed() -> String {
    seed_code("python").replace("api_api_buy_mail()", "api_api_buy_mail(sid, argv[3])")
}

const PYTHON_COUNT: &str = "interserver/api_api_buy_mail.md:45: warning: the python sample calls \
    `api_api_buy_mail` with 0 arguments, but it takes 2 parameters (sid, coupon) — make the \
    sample pass every parameter of the table, in its order";
const RUBY_ARGV: &str = "interserver/api_api_buy_mail.md:65: warning: the ruby sample passes \
    `ARGV[0]` as `username` and `ARGV[1]` as `password` to `api_login` (line 56), but `ARGV[0]` \
    as `sid` and `ARGV[1]` as `coupon` to `api_api_buy_mail` — one of them is likely the wrong \
    variable; each parameter needs its own value";

#[test]
fn seed_samples_warn_of_the_python_count_and_the_ruby_variable_only() {
    assert_eq!(
        sample_warnings(seed_page().samples, &wsdl().operations),
        [PYTHON_COUNT, RUBY_ARGV]
    );
}

#[test]
fn the_build_stage_reports_sample_warnings() {
    let read = service(
        &soap_manifest(),
        "interserver/service.toml",
        Some((WSDL.to_owned(), wsdl())),
        vec![seed_page()],
    );
    assert!(read.value.is_some());
    let sample_messages: Vec<String> = messages(&read.diagnostics)
        .into_iter()
        .filter(|m| m.contains(" sample "))
        .collect();
    assert_eq!(sample_messages, [PYTHON_COUNT, RUBY_ARGV]);
}

#[test]
fn samples_that_agree_with_the_table_give_none() {
    let samples = vec![
        sample("perl", &seed_code("perl"), 13),
        sample("python", &python_fixed(), 36),
        sample("ruby", &ruby_fixed(), 50),
        sample("php", &seed_code("php"), 71),
    ];
    assert_eq!(
        sample_warnings(samples, &wsdl().operations),
        [] as [String; 0]
    );
}

#[test]
fn session_ids_and_literals_may_go_to_differently_named_parameters() {
    let mut operations = wsdl().operations;
    for op in &mut operations {
        if op.name.wire == "api_vps_get_services" {
            op.params[0].name = Name::wire("session_id");
        }
    }
    let php = "<?php\n$sid = $client->api_login('', '');\n$client->api_vps_get_services($sid);\n\
               $res = $client->api_api_buy_mail($sid, $_SERVER['argv'][1]);\n\
               $client->api_getTicketList($sid, 0);\n";
    let ruby = "response = client.call(:api_login, message: { username: ARGV[0], password: ARGV[1] })\n\
                sid = response.body[:api_login_response][:return]\n\
                client.call(:api_vps_get_services, message: { session_id: sid })\n\
                client.call(:api_api_buy_mail, message: { sid: sid, coupon: ARGV[2] })\n";
    let samples = vec![sample("php", php, 10), sample("ruby", ruby, 20)];
    assert_eq!(sample_warnings(samples, &operations), [] as [String; 0]);
}

#[test]
fn one_input_for_two_parameters_is_found_through_variables() {
    let perl = seed_code("perl").replace("$coupon = $ARGV[2]", "$coupon = $ARGV[0]");
    assert_eq!(
        sample_warnings(vec![sample("perl", &perl, 13)], &wsdl().operations),
        [
            "interserver/api_api_buy_mail.md:30: warning: the perl sample passes `$ARGV[0]` as \
          `username` to `api_login` (line 24), but `$ARGV[0]` as `coupon` to `api_api_buy_mail` \
          — one of them is likely the wrong variable; each parameter needs its own value"
        ]
    );
}

#[test]
fn swapped_arguments_are_named() {
    let php = seed_code("php").replace(
        "api_api_buy_mail($sid, $coupon)",
        "api_api_buy_mail($coupon, $sid)",
    );
    let hint = " — the arguments look swapped or misplaced";
    assert_eq!(
        sample_warnings(vec![sample("php", &php, 71)], &wsdl().operations),
        [
            format!(
                "interserver/api_api_buy_mail.md:82: warning: the php sample passes `$coupon` as \
                 `sid` to `api_api_buy_mail`, but `coupon` is another of its parameters{hint}"
            ),
            format!(
                "interserver/api_api_buy_mail.md:82: warning: the php sample passes `$sid` as \
                 `coupon` to `api_api_buy_mail`, but `sid` is another of its parameters{hint}"
            ),
        ]
    );
}

#[test]
fn a_key_the_operation_does_not_take_is_named() {
    let ruby = ruby_fixed().replace("coupon: ARGV[2]", "coupon_code: ARGV[2]");
    assert_eq!(
        sample_warnings(vec![sample("ruby", &ruby, 50)], &wsdl().operations),
        [
            "interserver/api_api_buy_mail.md:65: warning: the ruby sample passes `coupon_code` to \
          `api_api_buy_mail`, which takes no such parameter — its parameters are: sid, coupon"
        ]
    );
}

#[test]
fn a_sample_that_never_calls_the_operation_is_reported() {
    let php = "<?php\n$sid = $client->api_login($u, $p);\n";
    let soap_call = "<?php\n$client->__soapCall('api_api_buy_mail', array($sid));\n";
    assert_eq!(
        sample_warnings(
            vec![sample("php", php, 7), sample("php", soap_call, 20)],
            &wsdl().operations
        ),
        [
            "interserver/api_api_buy_mail.md:7: warning: the php sample never calls \
          `api_api_buy_mail` — the sample was likely copied from another operation's page"
        ]
    );
}

#[test]
fn other_languages_and_unreadable_calls_are_left_alone() {
    let samples = vec![
        sample("bash", "curl api_api_buy_mail", 3),
        sample("", "api_api_buy_mail()", 5),
        sample("perl", "$c -> api_api_buy_mail($sid, (", 7),
        sample(
            "ruby",
            "client.call(:api_api_buy_mail, soap_action: 'x')",
            9,
        ),
    ];
    assert_eq!(
        sample_warnings(samples, &wsdl().operations),
        [] as [String; 0]
    );
}

fn http_op(group: &str, action: &str, file: &str) -> Operation {
    Operation {
        group: Some(group.to_owned()),
        name: Name::wire(action),
        docs: Docs::default(),
        sources: vec![src(file, 1)],
        params: Vec::new(),
        output: Output::None,
        binding: Binding::Http(HttpBinding {
            method: HttpMethod::Post,
            path: format!("/api/{group}/{{region}}/{action}.json"),
            regions: vec!["us".to_owned()],
            encoding: ParamEncoding::Form,
        }),
        idempotent: false,
    }
}

const DELETE_FILE: &str = "resellerclub/enterpriseemail-delete.txt";

/// ResellerClub's delete page: its `eaqid` label was copied from the suspend page.
fn delete_page() -> Page {
    Page {
        source: src(DELETE_FILE, 1),
        response: PageResponse {
            shape: ResponseShape::Fields,
            fields: vec![
                key("description", "", Some("Domain name of the Order"), 29),
                key("entityid", "", Some("Id of the Enterprise Email Order"), 31),
                key("eaqid", "", Some("Id of the Order Suspension action"), 33),
                key("actiontype", "", Some("Type of the action"), 35),
                key(
                    "actiontypedesc",
                    "",
                    Some("Text describing the Order deletion action"),
                    37,
                ),
                key(
                    "actionstatus",
                    "",
                    Some("Status of the Order deletion action"),
                    39,
                ),
                key(
                    "actionstatusdesc",
                    "",
                    Some("Text describing the status of the Order deletion action"),
                    41,
                ),
            ],
            docs: docs("Returns a hash map with the following details:"),
            line: 27,
        },
        ..Page::default()
    }
}

/// What the label rule says of `page`, documenting `op`, in a service of `operations`.
fn label_warnings(page: &Page, op: &Operation, operations: &[Operation]) -> Vec<String> {
    let mut diags: Vec<Diagnostic> = Vec::new();
    labels::check(page, op, &labels::products(operations), &mut diags);
    messages(&diags)
}

fn service_ops(file: &str, group: &str, action: &str) -> Vec<Operation> {
    vec![
        http_op(group, action, file),
        http_op("enterpriseemail", "add", "resellerclub/a.txt"),
        http_op("eelite", "renew", "resellerclub/b.txt"),
        http_op("gapps", "add", "resellerclub/c.txt"),
        http_op("domains", "register", "resellerclub/d.txt"),
        http_op("customers", "signup", "resellerclub/e.txt"),
    ]
}

#[test]
fn an_action_label_unlike_the_others_and_the_operation_is_reported() {
    let ops = service_ops(DELETE_FILE, "enterpriseemail", "delete");
    assert_eq!(
        label_warnings(&delete_page(), &ops[0], &ops),
        [
            "resellerclub/enterpriseemail-delete.txt:33: warning: response label `Id of the Order \
          Suspension action` speaks of a `Suspension` action where the page's other labels say \
          `deletion` and the operation is `delete` — the label was likely copied from another \
          operation's page"
        ]
    );
}

#[test]
fn action_labels_that_agree_or_name_the_operation_give_none() {
    let ops = service_ops(DELETE_FILE, "enterpriseemail", "delete");
    let relabel = |from: &str, to: &str| {
        let mut page = delete_page();
        for field in &mut page.response.fields {
            field.label = field.label.as_ref().map(|l| l.replace(from, to));
        }
        page
    };
    let fixed = relabel("Suspension", "deletion");
    assert_eq!(label_warnings(&fixed, &ops[0], &ops), [] as [String; 0]);
    // The majority copied, the odd one out names the operation: nothing proves which is right.
    let mut copied = relabel("deletion", "suspension");
    if let Some(field) = copied.response.fields.get_mut(2) {
        field.label = Some("Id of the Order deletion action".to_owned());
    }
    assert_eq!(label_warnings(&copied, &ops[0], &ops), [] as [String; 0]);
    // One against one is no majority.
    let mut pair = delete_page();
    pair.response.fields.truncate(5);
    assert_eq!(label_warnings(&pair, &ops[0], &ops), [] as [String; 0]);
}

#[test]
fn a_label_naming_another_product_is_reported() {
    let file = "resellerclub/eelite-renew.txt";
    let ops = service_ops(file, "eelite", "renew");
    let hint = " — the label was likely copied from another product's page";
    assert_eq!(
        label_warnings(&renew_page(file), &ops[0], &ops),
        [
            format!(
                "{file}:25: warning: response label `Order Id of the Enterprise Email Order` \
                 names `Enterprise Email`, the product of group `enterpriseemail`, but this page \
                 documents group `eelite`{hint}"
            ),
            format!(
                "{file}:37: warning: response label `Invoice Id of the Enterprise Email Order \
                 Renewal Invoice` names `Enterprise Email`, the product of group \
                 `enterpriseemail`, but this page documents group `eelite`{hint}"
            ),
        ]
    );
    let mut page = delete_page();
    page.response.fields = vec![
        key("a", "", Some("Id of the Gapps Order"), 3),
        key("b", "", Some("Domains of the Customer"), 4),
        key("c", "", Some("Id of the Customer's Order"), 5),
        key("d", "", Some("Enterprise-Email Order"), 6),
    ];
    let ops = service_ops(DELETE_FILE, "enterpriseemail", "delete");
    let lines: Vec<String> = label_warnings(&page, &ops[0], &ops)
        .into_iter()
        .map(|m| m.split(": warning").next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(lines, [format!("{DELETE_FILE}:3")]);
}

#[test]
fn a_clean_page_gives_no_label_warnings() {
    let file = "resellerclub/enterpriseemail-renew.txt";
    let ops = service_ops(file, "enterpriseemail", "renew");
    assert_eq!(
        label_warnings(&renew_page(file), &ops[0], &ops),
        [] as [String; 0]
    );
    // SOAP operations have no group: no product to compare with.
    let soap = wsdl().operations;
    let page = renew_page(file);
    assert_eq!(label_warnings(&page, &soap[0], &ops), [] as [String; 0]);
}

#[test]
fn the_build_stage_reports_label_warnings_for_the_page_they_belong_to() {
    let mut eelite = renew_page("resellerclub/eelite-renew.txt");
    eelite.examples[0].url = eelite.examples[0].url.replace("enterpriseemail", "eelite");
    let pages = vec![eelite, renew_page("resellerclub/enterpriseemail-renew.txt")];
    let read = service(&http_manifest(), "resellerclub/service.toml", None, pages);
    assert!(read.value.is_some());
    let label_lines: Vec<(&str, u32)> = read
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("response label"))
        .map(|d| (d.file.as_str(), d.line))
        .collect();
    assert_eq!(
        label_lines,
        [
            ("resellerclub/eelite-renew.txt", 25),
            ("resellerclub/eelite-renew.txt", 37)
        ]
    );
}
