//! The WSDL reader on any bytes. Every import resolves to the same bytes again, so import
//! handling (cycles included) is fuzzed too.

#![no_main]

#[path = "../../tests/support/checks.rs"]
mod checks;

use codegen::read::wsdl;
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;

const FILE: &str = "vendor/service.wsdl";

fuzz_target!(|bytes: &[u8]| {
    let imported = RefCell::new(Vec::new());
    let import = |location: &str| {
        imported
            .borrow_mut()
            .push((format!("vendor/{location}"), bytes.to_vec()));
        Some(bytes.to_vec())
    };
    let read = wsdl::read(FILE, bytes, &import);
    let mut files = vec![(FILE.to_owned(), bytes.to_vec())];
    files.extend(imported.into_inner());
    if let Err(broken) = checks::check_read(&read, &files) {
        panic!("{broken}");
    }
});
