//! Any bytes as a SOAP answer (`decode_check::check_input`: a status byte, then the body),
//! decoded as generated code decodes it into several output types.

#![no_main]

#[path = "../../tests/decode_check/mod.rs"]
mod decode_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    if let Err(broken) = decode_check::check_input(input, decode_check::soap::check_answer) {
        panic!("{broken}");
    }
});
