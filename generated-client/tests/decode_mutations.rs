//! Randomised robustness of the answer decoders: the JSON answers in `tests/fixtures/answers/`
//! and thousands of mutations of them (byte flips, cuts, splices, deep nesting, huge numbers,
//! invalid UTF-8; fixed seed, see `codegen/tests/support/mutate.rs`), each answered with
//! several HTTP statuses and decoded into several output types. Every one must give a value
//! or a typed error that keeps the raw body; none may panic.

mod decode_check;
#[path = "../../codegen/tests/support/mutate.rs"]
mod mutate;

use decode_check::{STATUSES, check_answer};
use mutate::{Mutator, Nesting};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// Mutations; each is decoded with every status into every type (a few seconds in debug).
const CASES: usize = 1_000;

/// Fixed, so a failure reproduces.
const SEED: u64 = 0x5EED_150D;

fn answers() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .expect("the answers folder")
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
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

#[test]
fn json_answers_decode_or_fail_with_a_typed_error() {
    let inputs = answers();
    let contents: Vec<Vec<u8>> = inputs.iter().map(|(_, bytes)| bytes.clone()).collect();
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
    let mut mutator = Mutator::new(SEED, &contents, &nestings, &tokens);
    let originals = inputs.iter().map(|(name, bytes)| (name, bytes.clone()));
    let mutations = (0..CASES).map(|case| {
        let (name, bytes) = &inputs[case % inputs.len()];
        (name, mutator.mutate(bytes))
    });
    let mut failures = Vec::new();
    for (case, (name, body)) in originals.chain(mutations).enumerate() {
        for status in STATUSES {
            let outcome = catch_unwind(AssertUnwindSafe(|| check_answer(status, &body)))
                .unwrap_or_else(|_| Err("panicked".to_owned()));
            if let Err(broken) = outcome {
                let saved = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("json-{case}"));
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
