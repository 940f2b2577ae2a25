//! A generated crate that builds on its own, outside the workspace: what `cargo xtask gen
//! --out <dir>` writes, and what tests compile generated code in.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// The hand-written parts of the generated crate, relative to its root: copied as they are.
pub const HAND_WRITTEN: [&str; 2] = ["src/lib.rs", "src/runtime"];

/// The generated files plus the hand-written ones read from `client_dir` (the workspace's
/// `generated-client/`), with an empty `[workspace]` table appended to `Cargo.toml` so cargo
/// does not look for an enclosing workspace, and without the workspace's bench targets (their
/// files stay behind).
pub fn complete(
    generated: &BTreeMap<String, String>,
    client_dir: &Path,
) -> io::Result<BTreeMap<String, String>> {
    let mut files = generated.clone();
    for part in HAND_WRITTEN {
        collect(client_dir, Path::new(part), &mut files)?;
    }
    if let Some(manifest) = files.get_mut("Cargo.toml") {
        *manifest = manifest.replace(crate::emit::BENCH_TARGETS, "") + "\n[workspace]\n";
    }
    Ok(files)
}

/// Adds the file at `root/rel`, or every file under it, keyed by its `/`-separated path.
fn collect(root: &Path, rel: &Path, files: &mut BTreeMap<String, String>) -> io::Result<()> {
    let path = root.join(rel);
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(&path)?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for name in entries {
            collect(root, &rel.join(name), files)?;
        }
    } else {
        let key = rel
            .iter()
            .map(|part| part.to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.insert(key, std::fs::read_to_string(&path)?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_the_hand_written_runtime_and_a_workspace_table() {
        let client = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated-client");
        let generated = BTreeMap::from([("Cargo.toml".to_owned(), "[package]\n".to_owned())]);
        let files = complete(&generated, &client).expect("the runtime is readable");
        assert_eq!(files["Cargo.toml"], "[package]\n\n[workspace]\n");
        assert!(files.contains_key("src/lib.rs"));
        assert!(
            files.contains_key("src/runtime/mod.rs")
                && files.contains_key("src/runtime/soap/mod.rs")
        );
        assert!(
            files
                .keys()
                .all(|k| k == "Cargo.toml" || k == "src/lib.rs" || k.starts_with("src/runtime/"))
        );
    }

    #[test]
    fn the_bench_targets_stay_in_the_workspace() {
        let client = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated-client");
        let manifest = crate::emit::crate_files(&crate::ir::Ir::default(), &Default::default())
            .expect("an empty IR emits")
            .remove("Cargo.toml")
            .expect("a manifest");
        assert!(manifest.contains("[[bench]]"), "{manifest}");
        let generated = BTreeMap::from([("Cargo.toml".to_owned(), manifest)]);
        let files = complete(&generated, &client).expect("the runtime is readable");
        let standalone = &files["Cargo.toml"];
        assert!(
            !standalone.contains("[[bench]]") && !standalone.contains("criterion"),
            "{standalone}"
        );
        assert!(standalone.ends_with("\n[workspace]\n"));
    }

    #[test]
    fn a_missing_client_folder_is_an_error() {
        assert!(complete(&BTreeMap::new(), Path::new("/nonexistent/client")).is_err());
    }
}
