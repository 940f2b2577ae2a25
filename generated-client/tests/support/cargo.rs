//! Nested cargo runs, for the tests that build a crate of their own (`third_party_stacks.rs`,
//! `consumer_crate.rs`): the generator writes a crate (`cargo xtask gen --out`), and `cargo`
//! builds it offline in this build's target folder with the workspace's `Cargo.lock`, so the
//! runtime's dependencies are compiled once for every crate.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The longest one nested cargo run may take (a first build of the runtime's dependencies on
/// 2 busy cores included).
pub const LIMIT: Duration = Duration::from_secs(20 * 60);

/// The checkout these tests run in.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace above generated-client/")
        .to_path_buf()
}

/// `<target>/tmp` (`CARGO_TARGET_TMPDIR`), for scratch crates that no other file names.
pub fn target_tmp() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
}

/// `cargo`, the one running these tests when known, building into this build's target folder.
pub fn command() -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    // What this test binary was given for itself, not for the nested build.
    for variable in ["CARGO_MANIFEST_DIR", "CARGO_PKG_NAME", "CARGO_CRATE_NAME"] {
        command.env_remove(variable);
    }
    command.env(
        "CARGO_TARGET_DIR",
        target_tmp().parent().expect("the target folder"),
    );
    command
}

/// `cargo xtask gen --specs <specs> --out <out> --name <name>`.
///
/// Each crate gets its own `name`, so that two generated crates never overwrite each other's
/// files in the shared target folder.
pub fn generate(specs: &Path, out: &Path, name: &str) {
    let mut generate = command();
    generate
        .arg("run")
        .arg("--manifest-path")
        .arg(workspace().join("Cargo.toml"))
        .args([
            "--offline",
            "--quiet",
            "-p",
            "xtask",
            "--",
            "gen",
            "--specs",
        ])
        .arg(specs)
        .arg("--out")
        .arg(out)
        .args(["--name", name]);
    run(&format!("cargo xtask gen {name}"), generate, LIMIT);
}

/// Copies the workspace's `Cargo.lock` into the crate at `dir`: the same versions, so that
/// `--offline` finds them all and the built dependencies are reused.
pub fn lock_like_the_workspace(dir: &Path) {
    fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
}

/// Runs `command` to completion within `limit`; its stdout and stderr together, or a panic
/// that shows them.
pub fn run(what: &str, mut command: Command, limit: Duration) -> String {
    let log_path = std::env::temp_dir().join(format!(
        "nested-cargo-{}-{}.log",
        std::process::id(),
        what.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    ));
    let log = fs::File::create(&log_path).expect("create log");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("clone log"))
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let output = fs::read_to_string(&log_path).unwrap_or_default();
    let _ = fs::remove_file(&log_path);
    match status {
        Some(status) if status.success() => output,
        Some(status) => panic!("{what} failed ({status}):\n{output}"),
        None => panic!("{what} did not finish within {limit:?}:\n{output}"),
    }
}
