//! Runs the crate's compiled examples (`examples/*.rs`) as a user would, with their exact
//! command lines. `cargo test` builds the examples next to the test binaries:
//! `target/<profile>/deps/<test>` runs, `target/<profile>/examples/<name>` is the example.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs example `name` with `args` and returns what it printed and its exit status. Panics
/// when the binary is missing or older than its source: `cargo test --tests` or
/// `cargo test --test <file>` do not build examples, plain `cargo test` does.
pub fn run(name: &str, args: &[&str]) -> Output {
    let binary = binary(name);
    Command::new(&binary)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary.display()))
}

fn binary(name: &str) -> PathBuf {
    let test = std::env::current_exe().expect("the test binary's path");
    let profile = test
        .parent()
        .and_then(Path::parent)
        .expect("the test binary lives in target/<profile>/deps");
    let binary = profile
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let run_cargo_test = "run `cargo test -p generated-client`, which builds the examples \
                          (`--tests` and `--test <file>` do not)";
    let built = std::fs::metadata(&binary)
        .and_then(|meta| meta.modified())
        .unwrap_or_else(|_| {
            panic!(
                "example binary {} is missing: {run_cargo_test}",
                binary.display()
            )
        });
    // The example and the module every example includes.
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for source in [
        examples.join(format!("{name}.rs")),
        examples.join("common/mod.rs"),
    ] {
        let edited = std::fs::metadata(&source)
            .and_then(|meta| meta.modified())
            .unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        assert!(
            edited <= built,
            "example binary {} is older than {}: {run_cargo_test}",
            binary.display(),
            source.display()
        );
    }
    binary
}

/// The text of one output stream.
pub fn text(stream: &[u8]) -> String {
    String::from_utf8(stream.to_vec()).expect("the example prints UTF-8")
}
