//! The whole front half of the pipeline (read → build → naming) on every spec fixture and on
//! the real `specs/`: the IR and every diagnostic, as reviewed snapshots.

use std::path::Path;

/// The IR (or nothing, on errors) and every diagnostic as the user sees it.
fn load(specs: &str) -> serde_json::Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(specs);
    let (ir, diagnostics) = codegen::load(&dir);
    let diagnostics: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    serde_json::json!({ "diagnostics": diagnostics, "ir": ir })
}

#[test]
fn http_kb_fixture() {
    insta::assert_json_snapshot!(load("tests/fixtures/specs/http_kb"));
}

#[test]
fn soap_rpc_fixture() {
    insta::assert_json_snapshot!(load("tests/fixtures/specs/soap_rpc"));
}

#[test]
fn soap_doc_literal_fixture() {
    insta::assert_json_snapshot!(load("tests/fixtures/specs/soap_doc_literal"));
}

#[test]
fn real_specs() {
    insta::assert_json_snapshot!(load("../specs"));
}
