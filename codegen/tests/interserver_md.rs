//! The InterServer page reader on the vendor's real pages: the committed seed page (snapshot)
//! and, when present, the corpus of 19 pages beside the repository.

use codegen::read::interserver_md;
use codegen::read::page::{Page, ResponseShape};
use std::path::Path;

fn read_page(path: &Path, file: &str) -> (Option<Page>, Vec<codegen::diag::Diagnostic>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let read = interserver_md::read(file, &text);
    (read.value, read.diagnostics)
}

#[test]
fn seed_page_snapshot() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/interserver/api_api_buy_mail.md");
    let (page, diagnostics) = read_page(&path, "interserver/api_api_buy_mail.md");
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    insta::assert_json_snapshot!(page.expect("a page"));
}

#[test]
fn corpus_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/interserver");
    if !dir.is_dir() {
        println!("note: {} absent; corpus test skipped", dir.display());
        return;
    }
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|ext| ext == "md")
                && p.file_name() != Some("README.md".as_ref())
        })
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 19, "{paths:?}");

    let mut pages = std::collections::BTreeMap::new();
    for path in &paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 name");
        let (page, diagnostics) = read_page(path, name);
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let page = page.expect("a page without errors");
        let expected = name.trim_start_matches('_').trim_end_matches(".md");
        assert_eq!(page.operation.as_deref(), Some(expected), "{name}");
        pages.insert(expected.to_owned(), page);
    }

    let buy_mail = &pages["api_api_buy_mail"];
    let names: Vec<_> = buy_mail
        .response
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["status", "status_text", "invoices", "cost"]);
    let invoices = &buy_mail.response.fields[2];
    assert_eq!(
        (invoices.docs.summary.as_ref(), invoices.docs.details.len()),
        (None, 13)
    );
    assert_eq!(
        invoices.docs.details[0],
        "`invoices_id`: ID of the Invoice used for referencing"
    );

    let modules = &pages["get_modules"];
    assert!(modules.params.is_empty());
    assert_eq!(modules.response.shape, ResponseShape::Scalar);
    let [ret] = modules.response.fields.as_slice() else {
        panic!("one return row")
    };
    assert_eq!(
        (ret.name.as_str(), ret.type_text.as_str()),
        ("return", "array")
    );

    let view = &pages["api_viewTicket"];
    let result = view
        .response
        .fields
        .iter()
        .find(|f| f.name == "result")
        .expect("result field");
    assert_eq!(result.type_text, "tns:view_ticketdetail_array");

    let licenses = &pages["api_get_license_types"];
    let [zero] = licenses.response.fields.as_slice() else {
        panic!("one field")
    };
    assert_eq!(
        (zero.name.as_str(), zero.type_text.as_str()),
        ("0", "tns:license_type[]")
    );
    assert_eq!(licenses.response.shape, ResponseShape::Fields);

    let login = &pages["api_login"];
    assert_eq!(
        login.docs.summary.as_deref(),
        Some(
            "This function creates a session in our system which you will need to pass to most functions for authentication."
        )
    );
    assert_eq!(login.response.shape, ResponseShape::Scalar);
    assert_eq!(pages["api_api_validate_buy_vps"].response.fields.len(), 22);
    assert!(
        pages
            .values()
            .all(|p| p.samples.len() == 4 && p.title.is_some())
    );
}
