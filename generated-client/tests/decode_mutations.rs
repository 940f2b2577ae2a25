//! Randomised robustness of the answer decoders: the SOAP answers in `tests/fixtures/soap/`,
//! the JSON answers in `tests/fixtures/answers/`, and thousands of mutations of each (byte
//! flips, cuts, splices, deep nesting, huge numbers, invalid UTF-8, DOCTYPEs; fixed seed, see
//! `codegen/tests/support/mutate.rs`), each answered with several HTTP statuses and decoded
//! into several output types. Every one must give a value or a typed error that keeps the raw
//! body; none may panic.

mod decode_check;
#[path = "../../codegen/tests/support/mutate.rs"]
mod mutate;

use decode_check::{STATUSES, json, soap};
use mutate::{Nesting, Recipe};
use std::path::Path;

/// Mutations per decoder; each is decoded with every status into every type (a few seconds
/// in debug).
const CASES: usize = 1_000;

/// Fixed, so a failure reproduces.
const SEED: u64 = 0x5EED_150D;

/// The files in `tests/fixtures/<folder>` ending in `.<extension>`, by name, sorted.
fn answers(folder: &str, extension: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .expect("the answers folder")
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("readable answer"))
        })
        .collect();
    found.sort();
    assert!(found.len() >= 5, "answers missing: {found:?}");
    found
}

/// Checks every answer as it is and `CASES` mutations of them, each with every status.
fn hammer(
    decoder: &str,
    inputs: &[(String, Vec<u8>)],
    recipe: &Recipe<'_>,
    check: fn(u16, &[u8]) -> Result<(), String>,
) {
    mutate::hammer(decoder, SEED, CASES, inputs, recipe, |_, body| {
        STATUSES.iter().try_for_each(|&status| check(status, body))
    });
}

#[test]
fn soap_answers_decode_or_fail_with_a_typed_error() {
    let nestings: [Nesting; 3] = [
        (b"<a>", b"</a>"),
        (b"<item xsi:type=\"SOAP-ENC:Array\">", b"</item>"),
        (b"<x href=\"#r\"><m id=\"r\">", b"</m></x>"),
    ];
    let tokens: [&[u8]; 14] = [
        b"<status xsi:type=\"xsd:string\">error</status>",
        b"<status_text>",
        b"xsi:nil=\"true\"",
        b"SOAP-ENC:arrayType=\"xsd:string[99999999]\"",
        b"href=\"#id0\"",
        b"id=\"id0\"",
        b"<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        b"&e;",
        b"&#0;",
        b"<![CDATA[",
        b"xmlns:SOAP-ENV=\"urn:other\"",
        b"encoding=\"UTF-16\"",
        b"1e400",
        b"\xEF\xBB\xBF",
    ];
    let recipe = Recipe {
        nestings: &nestings,
        tokens: &tokens,
    };
    hammer("soap", &answers("soap", "xml"), &recipe, soap::check_answer);
}

#[test]
fn json_answers_decode_or_fail_with_a_typed_error() {
    let nestings: [Nesting; 3] = [(b"[", b"]"), (b"{\"a\":", b"}"), (b"[{\"1\":", b"}]")];
    let tokens: [&[u8]; 12] = [
        b"\"status\":\"ERROR\",",
        b"\"message\":",
        b"null",
        b"\"\\ud800\"",
        b"\"\\u0000\"",
        b"1e400",
        b"-0",
        b"\"true\"",
        b"{}",
        b"[]",
        b",",
        b"\xEF\xBB\xBF",
    ];
    let recipe = Recipe {
        nestings: &nestings,
        tokens: &tokens,
    };
    hammer(
        "json",
        &answers("answers", "json"),
        &recipe,
        json::check_answer,
    );
}
