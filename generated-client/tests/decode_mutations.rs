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
use mutate::{Mutator, Nesting};
use std::panic::{AssertUnwindSafe, catch_unwind};
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

/// Checks every answer as it is and `CASES` mutations of them with every status; panics with
/// every failure found (and where its input was saved).
fn hammer(
    decoder: &str,
    inputs: &[(String, Vec<u8>)],
    nestings: &[Nesting],
    tokens: &[&[u8]],
    check: fn(u16, &[u8]) -> Result<(), String>,
) {
    let contents: Vec<Vec<u8>> = inputs.iter().map(|(_, bytes)| bytes.clone()).collect();
    let mut mutator = Mutator::new(SEED, &contents, nestings, tokens);
    let originals = inputs.iter().map(|(name, bytes)| (name, bytes.clone()));
    let mutations = (0..CASES).map(|case| {
        let (name, bytes) = &inputs[case % inputs.len()];
        (name, mutator.mutate(bytes))
    });
    let mut failures = Vec::new();
    for (case, (name, body)) in originals.chain(mutations).enumerate() {
        for status in STATUSES {
            let outcome = catch_unwind(AssertUnwindSafe(|| check(status, &body)))
                .unwrap_or_else(|_| Err("panicked".to_owned()));
            if let Err(broken) = outcome {
                let saved =
                    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{decoder}-{case}"));
                let _ = std::fs::write(&saved, &body);
                failures.push(format!(
                    "{name} case {case} ({}): {broken}",
                    saved.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
    hammer(
        "soap",
        &answers("soap", "xml"),
        &nestings,
        &tokens,
        soap::check_answer,
    );
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
    hammer(
        "json",
        &answers("answers", "json"),
        &nestings,
        &tokens,
        json::check_answer,
    );
}
