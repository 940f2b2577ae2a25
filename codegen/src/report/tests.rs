use super::*;
use crate::diag::Item;
use std::path::{Path, PathBuf};

/// The report `cargo xtask gen` makes of a specs folder (relative to this crate).
fn report_of(specs: &Path) -> Report {
    match crate::generate(specs) {
        Ok(output) => Report::new(Some(&output.ir), &output.warnings),
        Err(diagnostics) => Report::new(None, &diagnostics),
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/specs")
        .join(name)
}

#[test]
fn soap_rpc_fixture() {
    insta::assert_json_snapshot!(report_of(&fixture("soap_rpc")));
}

#[test]
fn soap_doc_literal_fixture() {
    insta::assert_json_snapshot!(report_of(&fixture("soap_doc_literal")));
}

#[test]
fn http_kb_fixture() {
    insta::assert_json_snapshot!(report_of(&fixture("http_kb")));
}

#[test]
fn real_specs() {
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    insta::assert_json_snapshot!(report_of(&specs));
}

#[test]
fn skipped_items_are_data_not_text() {
    let report = report_of(&fixture("soap_rpc"));
    let [shop] = report.services.as_slice() else {
        panic!("one service: {report:#?}");
    };
    let skipped: Vec<(Item, &str)> = shop
        .findings
        .skipped
        .iter()
        .map(|s| (s.item, s.name.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (Item::Page, "shop/retired.md"),
            (Item::Operation, "api_get_legacy_items")
        ]
    );
    assert_eq!((shop.operations, shop.types), (4, 3));
    let kinds: Vec<&Kind> = shop
        .findings
        .pages
        .values()
        .flatten()
        .map(|f| &f.kind)
        .collect();
    assert!(kinds.contains(&&Kind::DocLint) && kinds.contains(&&Kind::Mismatch));
}

fn at(file: &str, kind: Kind) -> Diagnostic {
    Diagnostic::warning(file, 3, "something").with_kind(kind)
}

/// An empty service declared in `<folder>/service.toml`.
fn service(folder: &str) -> Service {
    Service {
        name: crate::ir::Name::wire(folder),
        docs: crate::ir::Docs::default(),
        source: crate::ir::Source {
            file: format!("{folder}/service.toml"),
            line: 1,
        },
        protocol: Protocol::Http,
        base_urls: Vec::new(),
        credentials: Vec::new(),
        session: None,
        in_band_error: None,
        types: Vec::new(),
        operations: Vec::new(),
        regions: Vec::new(),
        groups: Vec::new(),
        username_token: None,
    }
}

#[test]
fn a_diagnostic_belongs_to_the_folder_holding_its_file() {
    let ir = Ir {
        services: vec![service("shop2"), service("shop")],
    };
    let diagnostics = [
        at("shop2/a.md", Kind::DocLint),
        at("shop/a.md", Kind::Mismatch),
        at("shop/a.md", Kind::Mismatch),
        at("shopping/a.md", Kind::Other),
        at("/abs/specs", Kind::Other),
    ];
    let report = Report::new(Some(&ir), &diagnostics);
    let names: Vec<&str> = report.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["shop", "shop2"], "sorted by name");
    let pages = |i: usize| -> Vec<(String, usize)> {
        report.services[i]
            .findings
            .pages
            .iter()
            .map(|(file, found)| (file.clone(), found.len()))
            .collect()
    };
    assert_eq!(pages(0), [("shop/a.md".to_owned(), 1)], "duplicates once");
    assert_eq!(pages(1), [("shop2/a.md".to_owned(), 1)]);
    let elsewhere: Vec<&str> = report
        .elsewhere
        .other
        .iter()
        .map(|n| n.file.as_str())
        .collect();
    assert_eq!(elsewhere, ["/abs/specs", "shopping/a.md"]);
}

#[test]
fn a_failed_run_reports_its_skipped_pages_elsewhere() {
    let specs = std::env::temp_dir().join(format!("report-failed-{}", std::process::id()));
    let folder = specs.join("registrar");
    let _ = std::fs::remove_dir_all(&specs);
    std::fs::create_dir_all(&folder).unwrap();
    let source = fixture("http_kb").join("registrar");
    for name in ["service.toml", "mailbox-renew.txt"] {
        std::fs::copy(source.join(name), folder.join(name)).unwrap();
    }
    // A page the reader cannot make sense of, and a second page for the same operation: both
    // are errors, and both pages are left out.
    std::fs::write(folder.join("notes.txt"), "Remember to renew.\n").unwrap();
    std::fs::copy(
        source.join("mailbox-renew.txt"),
        folder.join("renew-copy.txt"),
    )
    .unwrap();
    let report = report_of(&specs);
    std::fs::remove_dir_all(&specs).unwrap();

    assert!(
        !report.generated && report.services.is_empty(),
        "{report:#?}"
    );
    let [notes, copy] = report.elsewhere.skipped.as_slice() else {
        panic!("two skipped pages: {report:#?}");
    };
    assert_eq!(
        (notes.item, notes.name.as_str(), notes.severity),
        (Item::Page, "registrar/notes.txt", Severity::Error)
    );
    assert!(
        notes.reason.contains("not a ResellerClub API page"),
        "{}",
        notes.reason
    );
    assert_eq!(
        (copy.item, copy.name.as_str(), copy.severity),
        (Item::Page, "registrar/renew-copy.txt", Severity::Error)
    );
    assert!(
        copy.reason.contains("this page is not used"),
        "{}",
        copy.reason
    );
}
