//! `cargo xtask gen`: generates `generated-client/` from `specs/`.
//!
//! - `cargo xtask gen` writes every generated file whose content changed and deletes files
//!   under `src/generated/` that are no longer generated;
//! - `--check` writes nothing and fails when the committed files are not current;
//! - `--specs <dir> --out <dir>` writes a complete crate (the hand-written `src/lib.rs` and
//!   `src/runtime/` included) that builds on its own, for trying out other specs;
//!   `--name <crate>` names its package (and, `-` as `_`, its library), so that two
//!   generated crates can be used side by side;
//! - `--report <file>` writes the coverage report ([`codegen::report`]) as JSON, also when the
//!   specs have errors, so that the file never describes an earlier run.
//!
//! After the warnings, every successful run prints the coverage report: per service, what was
//! generated, what was skipped and why, and the findings on each doc page.
//!
//! `cargo xtask bench-compare` decodes the same 10,000-row SOAP answer with PHP's SoapClient
//! and with the generated client (see `bench_compare.rs`).
//!
//! The workspace is the checkout holding the current folder (see [`workspace_root`]), so a
//! binary shared by checkouts through one `CARGO_TARGET_DIR` acts on the right one.
//! `--help` (`-h`, `help`) prints the usage.
//!
//! Exit codes: 0 done, current or help printed, 1 spec errors, stale code or a failed comparison, 2 bad
//! arguments.

mod args;
mod bench_compare;
mod report;
mod sync;

use args::{Args, Command};
use codegen::diag::Diagnostic;
use codegen::report::Report;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match args::parse(&argv) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let root = || {
        std::env::current_dir()
            .map_err(|e| format!("error: cannot read the current folder: {e}"))
            .and_then(|here| workspace_root(&here))
    };
    let result = match args {
        Command::Help => Ok(args::USAGE.to_owned()),
        Command::Gen(args) => root().and_then(|root| run(&root, &args, codegen::generate_package)),
        Command::BenchCompare => root().and_then(|root| bench_compare::run(&root)),
    };
    match result {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::FAILURE
        }
    }
}

/// The checkout `start` is in: the nearest folder at or above it whose `Cargo.toml` has a
/// `[workspace]` table and which holds `xtask/Cargo.toml`.
///
/// Found from the current folder, never from where this binary was built: checkouts that
/// share a `CARGO_TARGET_DIR` share the binary too. The `xtask/` condition skips the
/// standalone crates `gen --out` writes (they have a `[workspace]` table of their own) when
/// they lie inside a checkout.
fn workspace_root(start: &Path) -> Result<PathBuf, String> {
    start
        .ancestors()
        .find(|dir| {
            let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
            manifest.lines().any(|line| line.trim() == "[workspace]")
                && dir.join("xtask/Cargo.toml").is_file()
        })
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            format!(
                "error: {} is not inside the generator's workspace (no Cargo.toml with \
                 [workspace] beside an xtask/ folder above it)",
                start.display()
            )
        })
}

/// Where to read and write, resolved from the arguments.
struct Plan {
    specs: PathBuf,
    out: PathBuf,
    /// The workspace's own `generated-client/`, where the hand-written files live.
    client: PathBuf,
    /// Whether `out` is a scratch folder that needs the hand-written files too.
    standalone: bool,
}

impl Plan {
    fn new(root: &Path, args: &Args) -> Self {
        let client = root.join("generated-client");
        let out = args.out.clone().unwrap_or_else(|| client.clone());
        let standalone = !same_folder(&out, &client);
        Self {
            specs: args.specs.clone().unwrap_or_else(|| root.join("specs")),
            out,
            client,
            standalone,
        }
    }

    /// The folders (relative to `out`) whose every file the generator owns.
    fn owned(&self) -> Vec<&'static str> {
        let mut owned = vec![codegen::emit::GENERATED_DIR];
        if self.standalone {
            owned.extend(codegen::standalone::HAND_WRITTEN);
        }
        owned
    }
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// How the specs become files of the named crate: [`codegen::generate_package`], or a
/// stand-in in tests.
type Generate = fn(&Path, &codegen::emit::Package) -> Result<codegen::Output, Vec<Diagnostic>>;

/// Generates and writes (or checks); the one-line summary, or everything that went wrong.
fn run(root: &Path, args: &Args, generate: Generate) -> Result<String, String> {
    let plan = Plan::new(root, args);
    if !plan.standalone && args.name.as_ref().is_some_and(|p| *p != Default::default()) {
        return Err(format!(
            "error: `--name` names a crate written elsewhere; {} stays `{}`",
            plan.out.display(),
            codegen::emit::DEFAULT_PACKAGE
        ));
    }
    let generated = generate(&plan.specs, &args.name.clone().unwrap_or_default());
    let coverage = match &generated {
        Ok(output) => Report::new(Some(&output.ir), &output.warnings),
        Err(errors) => Report::new(None, errors),
    };
    let written = match &args.report {
        Some(path) => report::write_json(path, &coverage),
        None => Ok(()),
    };
    let output = generated.map_err(|errors| {
        let count = errors.iter().filter(|d| d.is_error()).count();
        let mut failure = format!(
            "{}\nerror: generation failed with {count} error(s)",
            render(&errors)
        );
        if let Err(unwritten) = &written {
            failure = format!("{failure}\n{unwritten}");
        }
        failure
    })?;
    written?;
    if !output.warnings.is_empty() {
        eprintln!("{}", render(&output.warnings));
    }
    println!("{}", report::render(&coverage));
    let files = if plan.standalone {
        codegen::standalone::complete(&output.files, &plan.client).map_err(|e| {
            format!(
                "error: cannot read the runtime in {}: {e}",
                plan.client.display()
            )
        })?
    } else {
        output.files
    };
    let diff = sync::diff(&plan.out, &files, &plan.owned())
        .map_err(|e| format!("error: cannot compare with {}: {e}", plan.out.display()))?;
    if args.check {
        if diff.is_empty() {
            return Ok(format!(
                "generated code is up to date ({} files)",
                diff.unchanged
            ));
        }
        let mut lines = diff.lines();
        lines.push(format!(
            "generated code is stale: run `{}`",
            args.gen_command()
        ));
        return Err(lines.join("\n"));
    }
    sync::apply(&plan.out, &files, &diff)
        .map_err(|e| format!("error: cannot write {}: {e}", plan.out.display()))?;
    let services = output.ir.services.len();
    let operations: usize = output.ir.services.iter().map(|s| s.operations.len()).sum();
    let types: usize = output.ir.services.iter().map(|s| s.types.len()).sum();
    let written = diff.missing.len() + diff.stale.len();
    Ok(format!(
        "generated {services} services, {operations} operations, {types} types into {}: \
         {written} files written, {} deleted, {} unchanged",
        plan.out.display(),
        diff.extra.len(),
        diff.unchanged
    ))
}

/// Diagnostics, one per line, sorted, each once.
fn render(diagnostics: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort();
    sorted.dedup();
    sorted
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// This checkout: tests run in `xtask/`.
    fn here() -> PathBuf {
        workspace_root(&std::env::current_dir().unwrap()).unwrap()
    }

    #[test]
    fn the_workspace_is_found_from_the_current_folder_not_the_build() {
        let root = here();
        assert!(root.join("xtask/Cargo.toml").is_file() && root.join("specs").is_dir());
        assert_eq!(
            workspace_root(&root.join("generated-client/src")),
            Ok(root.clone())
        );

        // A second checkout (a bare copy of the markers) is found as itself, and a standalone
        // crate inside it, with a `[workspace]` of its own, is skipped.
        let other = std::env::temp_dir().join(format!("xtask-root-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&other);
        let scratch = other.join("target/try-client/src");
        std::fs::create_dir_all(&scratch).unwrap();
        std::fs::create_dir_all(other.join("xtask")).unwrap();
        std::fs::write(other.join("Cargo.toml"), "[workspace]\nmembers = []\n").unwrap();
        std::fs::write(other.join("xtask/Cargo.toml"), "[package]\n").unwrap();
        std::fs::write(other.join("target/try-client/Cargo.toml"), "[workspace]\n").unwrap();
        assert_eq!(workspace_root(&scratch), Ok(other.clone()));
        std::fs::remove_dir_all(&other).unwrap();

        let outside = workspace_root(Path::new("/")).unwrap_err();
        assert!(
            outside.contains("not inside the generator's workspace"),
            "{outside}"
        );
    }

    /// `cargo test` alone catches a committed crate that does not match the specs.
    #[test]
    fn committed_crate_is_current() {
        let check = Args {
            check: true,
            specs: None,
            out: None,
            report: None,
            name: None,
        };
        if let Err(stale) = run(&here(), &check, codegen::generate_package) {
            panic!("{stale}");
        }
    }

    #[test]
    fn the_workspace_crate_is_not_standalone_and_a_scratch_folder_is() {
        let root = here();
        let plan = Plan::new(
            &root,
            &Args {
                check: false,
                specs: None,
                out: None,
                report: None,
                name: None,
            },
        );
        assert!(!plan.standalone);
        assert_eq!(plan.owned(), ["src/generated"]);
        assert_eq!(plan.specs, root.join("specs"));
        let explicit = Args {
            check: false,
            specs: None,
            out: Some(root.join("generated-client/../generated-client")),
            report: None,
            name: None,
        };
        assert!(!Plan::new(&root, &explicit).standalone);
        let scratch = Plan::new(
            &root,
            &Args {
                check: false,
                specs: None,
                out: Some(std::env::temp_dir().join("x")),
                report: None,
                name: None,
            },
        );
        assert!(scratch.standalone);
        assert_eq!(
            scratch.owned(),
            ["src/generated", "src/lib.rs", "src/runtime"]
        );
    }

    #[test]
    fn spec_errors_are_listed_and_fail() {
        let empty = std::env::temp_dir().join(format!("xtask-empty-specs-{}", std::process::id()));
        std::fs::create_dir_all(&empty).unwrap();
        let args = Args {
            check: false,
            specs: Some(empty.clone()),
            out: Some(empty.join("out")),
            report: None,
            name: None,
        };
        let failure = run(&here(), &args, codegen::generate_package).unwrap_err();
        assert!(
            failure.contains("error: no service folders found"),
            "{failure}"
        );
        assert!(
            failure.ends_with("error: generation failed with 1 error(s)"),
            "{failure}"
        );
        assert!(!empty.join("out").exists(), "nothing written");
        std::fs::remove_dir_all(&empty).unwrap();
    }

    #[test]
    fn the_report_is_written_as_json_on_success_and_on_failure() {
        let dir = std::env::temp_dir().join(format!("xtask-report-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let root = here();
        let read = |path: &Path| -> serde_json::Value {
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        };

        let report = dir.join("ok.json");
        let args = Args {
            check: false,
            specs: Some(root.join("codegen/tests/fixtures/specs/soap_rpc")),
            out: Some(dir.join("out")),
            report: Some(report.clone()),
            name: None,
        };
        run(&root, &args, codegen::generate_package).unwrap();
        let json = read(&report);
        assert_eq!(json["generated"], true);
        let shop = &json["services"][0];
        assert_eq!(
            (&shop["name"], &shop["operations"]),
            (&"shop".into(), &4.into())
        );
        let skipped = shop["skipped"].as_array().unwrap();
        assert!(
            skipped.iter().any(|s| s["item"] == "operation"
                && s["name"] == "api_get_legacy_items"
                && s["file"] == "shop/shop.wsdl"),
            "{json:#}"
        );
        assert_eq!(shop["pages"]["shop/place_order.md"][0]["kind"], "doc_lint");

        // --check writes the report too, and the run's outcome does not change it.
        let checked = dir.join("check.json");
        let check = Args {
            check: true,
            report: Some(checked.clone()),
            ..args
        };
        run(&root, &check, codegen::generate_package).unwrap();
        assert_eq!(read(&checked), json);

        let failed = dir.join("failed.json");
        let empty = dir.join("empty-specs");
        std::fs::create_dir_all(&empty).unwrap();
        let args = Args {
            check: false,
            specs: Some(empty),
            out: Some(dir.join("out2")),
            report: Some(failed.clone()),
            name: None,
        };
        run(&root, &args, codegen::generate_package).unwrap_err();
        let json = read(&failed);
        assert_eq!(json["generated"], false);
        assert_eq!(json["services"], serde_json::json!([]));
        let other = &json["elsewhere"]["other"][0];
        assert_eq!(
            (&other["severity"], &other["message"]),
            (&"error".into(), &"no service folders found".into())
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn diagnostics_are_sorted_and_shown_once() {
        let a = Diagnostic::warning("b.md", 2, "second");
        let b = Diagnostic::warning("a.md", 1, "first");
        assert_eq!(
            render(&[a.clone(), b, a]),
            "a.md:1: warning: first\nb.md:2: warning: second"
        );
    }

    /// Two generated files, whatever the specs.
    fn fake_generate(
        _: &Path,
        _: &codegen::emit::Package,
    ) -> Result<codegen::Output, Vec<Diagnostic>> {
        let files = [
            ("Cargo.toml", "# generated\n[package]\nname = \"x\"\n"),
            ("src/generated/mod.rs", "// generated\n"),
        ];
        Ok(codegen::Output {
            ir: codegen::ir::Ir::default(),
            files: files
                .iter()
                .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
                .collect(),
            warnings: vec![Diagnostic::warning("x/service.toml", 1, "a warning")],
        })
    }

    #[test]
    fn scratch_crate_is_written_checked_and_repaired() {
        let out = std::env::temp_dir().join(format!("xtask-scratch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let root = here();
        let gen_args = Args {
            check: false,
            specs: None,
            out: Some(out.clone()),
            report: None,
            name: None,
        };
        let check_args = Args {
            check: true,
            ..gen_args.clone()
        };

        let summary = run(&root, &gen_args, fake_generate).unwrap();
        assert!(
            summary.contains("files written, 0 deleted, 0 unchanged"),
            "{summary}"
        );
        let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
        assert!(
            manifest.ends_with("name = \"x\"\n\n[workspace]\n"),
            "{manifest}"
        );
        let in_place = Args {
            out: Some(root.join("generated-client")),
            name: Some(codegen::emit::Package::new("shop-client").unwrap()),
            ..check_args.clone()
        };
        assert!(
            run(&root, &in_place, fake_generate)
                .unwrap_err()
                .contains("stays")
        );
        assert!(out.join("src/lib.rs").is_file() && out.join("src/runtime/mod.rs").is_file());
        assert!(
            run(&root, &check_args, fake_generate)
                .unwrap()
                .starts_with("generated code is up to date")
        );

        std::fs::write(out.join("src/generated/mod.rs"), "// edited\n").unwrap();
        std::fs::write(out.join("src/generated/old.rs"), "// gone\n").unwrap();
        let stale = run(&root, &check_args, fake_generate).unwrap_err();
        assert_eq!(
            stale,
            format!(
                "stale: src/generated/mod.rs\nextra: src/generated/old.rs\n\
                 generated code is stale: run `cargo xtask gen --out {}`",
                out.display()
            )
        );
        let summary = run(&root, &gen_args, fake_generate).unwrap();
        assert!(
            summary.contains(": 1 files written, 1 deleted,"),
            "{summary}"
        );
        assert!(!out.join("src/generated/old.rs").exists());
        assert!(run(&root, &check_args, fake_generate).is_ok());
        std::fs::remove_dir_all(&out).unwrap();
    }
}
