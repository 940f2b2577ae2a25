//! The service manifest (`service.toml`) reader on any bytes, decoded as `codegen::load`
//! decodes a file.

#![no_main]

#[path = "../../tests/support/checks.rs"]
mod checks;

use codegen::read::manifest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(broken) = checks::check_text_reader("vendor/service.toml", bytes, manifest::read) {
        panic!("{broken}");
    }
});
