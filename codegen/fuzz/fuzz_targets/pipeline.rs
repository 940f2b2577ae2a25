//! The whole generator (`codegen::generate`) on one real service folder with one of its files
//! replaced by the input: the first byte picks the folder, the second the file, the rest is
//! the file's new content (`seed.sh` makes the unchanged folders the seeds). Every other file
//! stays real, so the input reaches the builder, the naming and the emitter, not only a
//! reader.
//!
//! Whatever the input: no panic; diagnostics name a file and a line inside it; a failure has
//! an error; a success emits Rust that parses and a manifest that is TOML.

#![no_main]

#[path = "../../tests/support/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A service folder: its name and its files (name, content), sorted.
type Folder = (String, Vec<(String, Vec<u8>)>);

/// The real service folders: `specs/*` and `codegen/tests/fixtures/specs/*/*`.
fn folders() -> &'static [Folder] {
    static FOLDERS: OnceLock<Vec<Folder>> = OnceLock::new();
    FOLDERS.get_or_init(|| {
        let codegen = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut parents = vec![codegen.join("../specs")];
        parents.extend(subfolders(&codegen.join("tests/fixtures/specs")));
        let mut found: Vec<Folder> = parents
            .iter()
            .flat_map(|parent| subfolders(parent))
            .map(|dir| (name_of(&dir), files(&dir)))
            .collect();
        found.sort();
        assert!(found.len() >= 5, "service folders missing: {found:?}");
        found
    })
}

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.is_dir())
        .collect();
    found.sort();
    found
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.is_file())
        .map(|path| (name_of(&path), std::fs::read(&path).expect("readable file")))
        .collect();
    found.sort();
    found
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// A specs folder of this process's own, emptied for every input.
fn scratch() -> &'static Path {
    static SCRATCH: OnceLock<PathBuf> = OnceLock::new();
    SCRATCH
        .get_or_init(|| std::env::temp_dir().join(format!("codegen-fuzz-{}", std::process::id())))
}

fuzz_target!(|input: &[u8]| {
    let [folder, file, content @ ..] = input else {
        return;
    };
    let (service, real) = &folders()[usize::from(*folder) % folders().len()];
    let replaced = usize::from(*file) % real.len();
    let given: Vec<(String, Vec<u8>)> = real
        .iter()
        .enumerate()
        .map(|(at, (name, bytes))| {
            let bytes = if at == replaced { content } else { bytes };
            (format!("{service}/{name}"), bytes.to_vec())
        })
        .collect();

    let specs = scratch();
    let _ = std::fs::remove_dir_all(specs);
    std::fs::create_dir_all(specs.join(service)).expect("scratch folder");
    for (name, bytes) in &given {
        std::fs::write(specs.join(name), bytes).expect("scratch file");
    }

    let outcome = match codegen::generate(specs) {
        Ok(output) => checks::check_diagnostics(&output.warnings, &given)
            .and_then(|()| emitted_files_parse(&output.files)),
        Err(diagnostics) => checks::check_diagnostics(&diagnostics, &given).and_then(|()| {
            match diagnostics.iter().any(codegen::diag::Diagnostic::is_error) {
                true => Ok(()),
                false => Err("failed without an error".to_owned()),
            }
        }),
    };
    if let Err(broken) = outcome {
        panic!("{broken}");
    }
});

fn emitted_files_parse(files: &std::collections::BTreeMap<String, String>) -> Result<(), String> {
    for (path, text) in files {
        if path.ends_with(".rs") {
            syn::parse_file(text).map_err(|e| format!("{path} is not Rust: {e}"))?;
        } else if path.ends_with(".toml") {
            toml::from_str::<toml::Table>(text).map_err(|e| format!("{path} is not TOML: {e}"))?;
        }
    }
    Ok(())
}
