//! A crate built as a user builds theirs (`tests/consumer/`, a workspace of its own): it
//! depends on this crate and on `registrar-client`, generated here from a spec fixture with
//! `cargo xtask gen --name`, and its test uses both in one binary: each crate's client and
//! request builders, each crate's mock server (feature `mock`), two runtimes and two `Error`
//! types. That proves two generated crates share a dependency graph without colliding.
//!
//! The consumer's `cargo test` runs offline with the workspace's `Cargo.lock`, in this build's
//! target folder, so only the two consumer-side crates are compiled again.

mod support;

use std::time::Instant;
use support::cargo;

#[test]
fn a_user_crate_uses_two_generated_crates_side_by_side() {
    let root = cargo::workspace();
    let consumer = root.join("generated-client/tests/consumer");
    let started = Instant::now();
    // Where the consumer's `Cargo.toml` expects it.
    cargo::generate(
        &root.join("codegen/tests/fixtures/specs/http_kb"),
        &root.join("target/consumer/registrar-client"),
        "registrar-client",
    );
    cargo::lock_like_the_workspace(&consumer);
    let generated = started.elapsed();

    let mut test = cargo::command();
    test.arg("test")
        .arg("--manifest-path")
        .arg(consumer.join("Cargo.toml"))
        .arg("--offline");
    let output = cargo::run("cargo test (consumer)", test, cargo::LIMIT);
    assert!(
        output.contains("Running tests/renewals.rs")
            && output.contains("test result: ok. 2 passed"),
        "the consumer's two tests did not both run:\n{output}"
    );
    eprintln!(
        "consumer crate: generated in {:.1?}, built and tested in {:.1?}",
        generated,
        started.elapsed() - generated
    );
}
