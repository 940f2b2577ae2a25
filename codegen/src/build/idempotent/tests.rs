use super::{glob, reads_only};
use crate::build::service;
use crate::build::tests::{WSDL, http_manifest, messages, renew_page, soap_manifest, wsdl};
use crate::ir::{Operation, Service};
use crate::read::manifest::{IdempotentSpec, Located};

const MANIFEST: &str = "interserver/service.toml";

fn soap(spec: IdempotentSpec) -> (Service, Vec<String>) {
    let mut manifest = soap_manifest();
    manifest.idempotent = spec;
    let read = service(
        &manifest,
        MANIFEST,
        Some((WSDL.to_owned(), wsdl())),
        Vec::new(),
    );
    (read.value.expect("built"), messages(&read.diagnostics))
}

fn idempotent<'a>(service: &'a Service, name: &str) -> bool {
    let op: Option<&'a Operation> = service.operations.iter().find(|op| op.name.wire == name);
    op.expect(name).idempotent
}

fn list(entries: &[(&str, u32)]) -> Vec<Located<String>> {
    entries
        .iter()
        .map(|&(name, line)| Located::at(name.to_owned(), line))
        .collect()
}

#[test]
fn the_first_verb_decides() {
    for name in [
        "api_get_license_types",
        "get_modules",
        "api_getTicketList",
        "api_viewTicket",
        "api_api_validate_buy_vps",
        "api_vps_get_services",
        "api_mail_get_client_unpaid_invoices",
        "api_list_x",
        "search",
        "details",
        "api_search_domains",
        "lookupDomain",
        "get-x",
    ] {
        assert!(reads_only(name), "{name}");
    }
    for name in [
        "api_api_buy_mail",
        "api_login",
        "api_renew_x",
        "api_getaway",
        "api_gettickets",
        "api_",
        "",
        "listen",
        "api_cancel_get_x",
        "api_update_status",
        "api_vps_backup_delete",
        "api_ticketPost",
        "api_vps_screenshot",
        "strPixels",
        "add-email-account",
    ] {
        assert!(!reads_only(name), "{name}");
    }
}

#[test]
fn globs_match_whole_names() {
    assert!(glob("api_*_get_*", "api_vps_get_services"));
    assert!(glob("*", ""));
    assert!(glob("a*b*c", "aXbYbZc"));
    assert!(glob("strPixels", "strPixels"));
    assert!(!glob("strPixels", "strPixelsX"));
    assert!(!glob("api_*_get_*", "api_get_x"));
    assert!(!glob("", "x"));
}

#[test]
fn login_and_read_verbs_are_idempotent_by_default() {
    let (service, diags) = soap(IdempotentSpec::default());
    assert!(idempotent(&service, "api_login"), "the session login");
    assert!(idempotent(&service, "api_vps_get_services"));
    assert!(idempotent(&service, "api_getTicketList"));
    assert!(idempotent(&service, "get_modules"));
    assert!(!idempotent(&service, "api_api_buy_mail"));
    assert!(!idempotent(&service, "api_send_mail"));
    assert!(
        diags.iter().all(|d| !d.contains("[idempotent]")),
        "{diags:?}"
    );
}

#[test]
fn manifest_lists_win_and_no_wins_over_yes() {
    let (service, diags) = soap(IdempotentSpec {
        yes: list(&[("api_api_*", 20), ("api_send_mail", 21), ("nothing_*", 22)]),
        no: list(&[("api_vps_get_services", 24), ("api_api_buy_mail", 25)]),
    });
    assert!(idempotent(&service, "api_send_mail"));
    assert!(!idempotent(&service, "api_vps_get_services"));
    assert!(!idempotent(&service, "api_api_buy_mail"), "`no` wins");
    let unmatched: Vec<&String> = diags
        .iter()
        .filter(|d| d.contains("[idempotent]"))
        .collect();
    assert_eq!(unmatched.len(), 1, "{diags:?}");
    assert!(
        unmatched[0].starts_with("interserver/service.toml:22"),
        "{}",
        unmatched[0]
    );
    assert!(
        unmatched[0].contains("`nothing_*` matches no operation"),
        "{}",
        unmatched[0]
    );
}

#[test]
fn http_get_and_read_actions_are_idempotent_and_group_paths_match() {
    let file = "resellerclub/enterpriseemail-renew.txt";
    let build = |spec: IdempotentSpec, page| {
        let mut manifest = http_manifest();
        manifest.idempotent = spec;
        service(&manifest, "resellerclub/service.toml", None, vec![page])
            .value
            .expect("built")
    };
    assert!(!idempotent(
        &build(IdempotentSpec::default(), renew_page(file)),
        "renew"
    ));
    // A POST whose action reads.
    let mut details = renew_page(file);
    for example in &mut details.examples {
        example.url = example.url.replace("renew.json", "details.json");
    }
    assert!(idempotent(
        &build(IdempotentSpec::default(), details),
        "details"
    ));
    let mut get = renew_page(file);
    if let Some(method) = &mut get.http_method {
        method.value = "GET".to_owned();
    }
    assert!(idempotent(&build(IdempotentSpec::default(), get), "renew"));
    let yes = IdempotentSpec {
        yes: list(&[("enterpriseemail/renew", 3)]),
        no: Vec::new(),
    };
    assert!(idempotent(&build(yes, renew_page(file)), "renew"));
}
