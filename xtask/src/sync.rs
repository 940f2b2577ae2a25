//! Bringing a folder in line with the files it should hold: what differs, and writing it.

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};

/// How a folder differs from the files it should hold. Paths are relative, `/`-separated and
/// sorted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// Expected files that do not exist.
    pub missing: Vec<String>,
    /// Files whose content differs (line endings aside).
    pub stale: Vec<String>,
    /// Files inside an owned folder that nothing produces any more.
    pub extra: Vec<String>,
    /// How many files are current.
    pub unchanged: usize,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.stale.is_empty() && self.extra.is_empty()
    }

    /// One line per difference: `missing: <path>`, ...
    pub fn lines(&self) -> Vec<String> {
        let kinds = [
            ("missing", &self.missing),
            ("stale", &self.stale),
            ("extra", &self.extra),
        ];
        kinds
            .iter()
            .flat_map(|(kind, paths)| paths.iter().map(move |p| format!("{kind}: {p}")))
            .collect()
    }
}

/// Compares `dir` with `files`. `owned` are folders (relative to `dir`) whose every file must
/// be one of `files`.
pub fn diff(dir: &Path, files: &BTreeMap<String, String>, owned: &[&str]) -> io::Result<Diff> {
    let mut diff = Diff::default();
    for (rel, expected) in files {
        match std::fs::read(local_path(dir, rel)?) {
            Ok(bytes) if normalize(&String::from_utf8_lossy(&bytes)) == normalize(expected) => {
                diff.unchanged += 1
            }
            Ok(_) => diff.stale.push(rel.clone()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => diff.missing.push(rel.clone()),
            Err(e) => return Err(io::Error::new(e.kind(), format!("{rel}: {e}"))),
        }
    }
    for folder in owned {
        let mut found = Vec::new();
        walk(dir, &local_path(dir, folder)?, &mut found)?;
        diff.extra
            .extend(found.into_iter().filter(|rel| !files.contains_key(rel)));
    }
    diff.extra.sort();
    diff.extra.dedup();
    Ok(diff)
}

/// Writes the missing and stale files and deletes the extra ones (and folders left empty).
pub fn apply(dir: &Path, files: &BTreeMap<String, String>, diff: &Diff) -> io::Result<()> {
    for rel in diff.missing.iter().chain(&diff.stale) {
        let path = local_path(dir, rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let text = files
            .get(rel)
            .ok_or_else(|| io::Error::other(format!("{rel}: no content")))?;
        std::fs::write(&path, text).map_err(|e| io::Error::new(e.kind(), format!("{rel}: {e}")))?;
    }
    for rel in &diff.extra {
        let path = local_path(dir, rel)?;
        std::fs::remove_file(&path).map_err(|e| io::Error::new(e.kind(), format!("{rel}: {e}")))?;
        // Remove the folders this left empty, up to (not including) `dir`.
        let mut folder = path.parent();
        while let Some(f) = folder.filter(|f| *f != dir && f.starts_with(dir)) {
            if std::fs::remove_dir(f).is_err() {
                break;
            }
            folder = f.parent();
        }
    }
    Ok(())
}

/// `dir/rel` for a relative `/`-separated path that stays inside `dir`.
fn local_path(dir: &Path, rel: &str) -> io::Result<PathBuf> {
    let rel = Path::new(rel);
    if rel.components().all(|c| matches!(c, Component::Normal(_))) {
        Ok(dir.join(rel))
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} leaves the output folder", rel.display()),
        ))
    }
}

/// Every file under `path`, relative to `root`, `/`-separated.
fn walk(root: &Path, path: &Path, out: &mut Vec<String>) -> io::Result<()> {
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e)
            if e.kind() == io::ErrorKind::NotFound || e.kind() == io::ErrorKind::NotADirectory =>
        {
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(
                rel.iter()
                    .map(|p| p.to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
    Ok(())
}

/// Text with `\r\n` line endings as `\n`, so a checkout with CRLF is not stale.
fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system's temporary folder.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-sync-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
            .collect()
    }

    #[test]
    fn finds_missing_stale_extra_and_ignores_line_endings() {
        let dir = scratch("diff");
        std::fs::create_dir_all(dir.join("src/generated/old")).unwrap();
        std::fs::write(dir.join("Cargo.toml"), "a\r\nb\r\n").unwrap();
        std::fs::write(dir.join("src/generated/mod.rs"), "old").unwrap();
        std::fs::write(dir.join("src/generated/old/mod.rs"), "gone").unwrap();
        std::fs::write(dir.join("src/lib.rs"), "hand-written, not owned").unwrap();
        let want = files(&[
            ("Cargo.toml", "a\nb\n"),
            ("src/generated/mod.rs", "new"),
            ("src/generated/x/mod.rs", "x"),
        ]);
        let diff = diff(&dir, &want, &["src/generated"]).unwrap();
        assert_eq!(
            diff,
            Diff {
                missing: vec!["src/generated/x/mod.rs".into()],
                stale: vec!["src/generated/mod.rs".into()],
                extra: vec!["src/generated/old/mod.rs".into()],
                unchanged: 1,
            }
        );
        assert_eq!(
            diff.lines(),
            [
                "missing: src/generated/x/mod.rs",
                "stale: src/generated/mod.rs",
                "extra: src/generated/old/mod.rs"
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn apply_writes_deletes_and_leaves_the_folder_current() {
        let dir = scratch("apply");
        std::fs::create_dir_all(dir.join("src/generated/old")).unwrap();
        std::fs::write(dir.join("src/generated/old/mod.rs"), "gone").unwrap();
        std::fs::write(dir.join("src/generated/mod.rs"), "old").unwrap();
        let want = files(&[
            ("src/generated/mod.rs", "new"),
            ("src/generated/x/mod.rs", "x"),
        ]);
        let before = diff(&dir, &want, &["src/generated"]).unwrap();
        apply(&dir, &want, &before).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("src/generated/x/mod.rs")).unwrap(),
            "x"
        );
        assert!(
            !dir.join("src/generated/old").exists(),
            "emptied folder removed"
        );
        let after = diff(&dir, &want, &["src/generated"]).unwrap();
        assert!(after.is_empty() && after.unchanged == 2, "{after:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        let dir = scratch("escape");
        let want = files(&[("../evil.rs", "x")]);
        assert!(diff(&dir, &want, &[]).is_err());
        assert!(diff(&dir, &files(&[("/etc/x", "x")]), &[]).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
