//! Every real vendor page in `../shared/corpus/` (when present; a user's clone has none) goes
//! through the whole generator, and the method it yields takes the page's parameters and
//! returns the page's response keys.

use codegen::ir::{Binding, Ir, Operation, Output, ParamRole, TypeDef, TypeKind, TypeRef};
use codegen::read::{self, page::Page};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn corpus() -> Option<PathBuf> {
    let dir = workspace().join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {} is absent; corpus checks skipped", dir.display());
        None
    }
}

/// A spec folder in a temp dir: the project's manifests (and WSDL) with the corpus pages.
fn spec_set(corpus: &Path) -> tempdir::TempDir {
    let out = tempdir::TempDir::new();
    for (vendor, keep) in [
        ("interserver", &["service.toml", "myapi.wsdl"][..]),
        ("resellerclub", &["service.toml"][..]),
    ] {
        let dir = out.path().join(vendor);
        std::fs::create_dir_all(&dir).unwrap();
        for file in keep {
            std::fs::copy(
                workspace().join("specs").join(vendor).join(file),
                dir.join(file),
            )
            .unwrap();
        }
        for page in pages(&corpus.join(vendor)) {
            std::fs::copy(&page, dir.join(page.file_name().unwrap())).unwrap();
        }
    }
    out
}

fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    pages.sort();
    pages
}

fn type_def<'a>(ir: &'a Ir, ty: &TypeRef) -> Option<&'a TypeDef> {
    let TypeRef::Named { group, name } = ty else {
        return None;
    };
    ir.services
        .iter()
        .flat_map(|s| &s.types)
        .find(|t| &t.group == group && &t.name.wire == name)
}

/// Every key the output can carry: a struct's fields, an array's item fields, entry fields.
fn output_keys(ir: &Ir, op: &Operation) -> Vec<String> {
    let Output::Value { ty, .. } = &op.output else {
        return Vec::new();
    };
    let mut keys = Vec::new();
    let mut todo = vec![ty.clone()];
    while let Some(ty) = todo.pop() {
        match type_def(ir, &ty).map(|t| &t.kind) {
            Some(TypeKind::Struct { fields, rest }) => {
                keys.extend(fields.iter().map(|f| f.name.wire.clone()));
                todo.extend(rest.clone());
            }
            Some(TypeKind::Array { item, .. }) => todo.push(item.clone()),
            _ => {}
        }
    }
    keys
}

#[test]
fn every_corpus_page_becomes_a_method_with_its_parameters_and_keys() {
    let Some(corpus) = corpus() else { return };
    let specs = spec_set(&corpus);
    let output = codegen::generate(specs.path()).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let code: String = output.files.values().cloned().collect();
    let mut checked = 0;
    for vendor in ["interserver", "resellerclub"] {
        for path in pages(&corpus.join(vendor)) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let file = format!("{vendor}/{name}");
            let text = std::fs::read_to_string(&path).unwrap();
            let page: Page = match vendor {
                "interserver" => read::interserver_md::read(&file, &text),
                _ => read::resellerclub_text::read(&file, &text),
            }
            .value
            .unwrap_or_else(|| panic!("{file} does not read"));
            let op = output
                .ir
                .services
                .iter()
                .flat_map(|s| &s.operations)
                .find(|op| op.sources.iter().any(|s| s.file == file))
                .unwrap_or_else(|| panic!("{file}: no operation documented by it"));
            assert!(
                code.contains(&format!("pub async fn {}(", op.name.rust)),
                "{file}: no method `{}`",
                op.name.rust
            );

            // Parameters: the page's table, with a map's two rows as one parameter.
            let mut params: Vec<String> = Vec::new();
            for p in &op.params {
                match &p.pair_names {
                    Some(pair) => params.extend([pair.key.clone(), pair.value.clone()]),
                    None => params.push(p.name.wire.clone()),
                }
            }
            let wanted: Vec<String> = page
                .params
                .iter()
                .map(|p| p.name.to_ascii_lowercase())
                .collect();
            let got: Vec<String> = params.iter().map(|p| p.to_ascii_lowercase()).collect();
            assert_eq!(got, wanted, "{file}: parameters");
            if matches!(op.binding, Binding::Http(_)) {
                for p in op.params.iter().filter(|p| p.role == ParamRole::Input) {
                    assert!(
                        code.contains(&format!("pub {}: ", p.name.rust)),
                        "{file}: request field `{}`",
                        p.name.rust
                    );
                }
            }

            // Response: every key the page lists is a field of what the method returns.
            let keys = output_keys(&output.ir, op);
            for field in page
                .response
                .fields
                .iter()
                .filter(|f| f.name != "return" && page.response.fields.len() > 1)
            {
                assert!(
                    keys.contains(&field.name),
                    "{file}: response key `{}` not in {keys:?}",
                    field.name
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 29, "19 InterServer and 10 ResellerClub pages");
}

/// A temporary directory removed on drop (no extra crate for one helper).
mod tempdir {
    use std::path::{Path, PathBuf};

    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new() -> Self {
            let unique = format!(
                "codegen-corpus-{}-{:?}",
                std::process::id(),
                std::thread::current().id()
            );
            let path = std::env::temp_dir().join(unique.replace(['(', ')'], ""));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            Self(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
