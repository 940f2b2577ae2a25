//! The generator: spec files → IR → Rust source.
//!
//! The pipeline, one module per stage:
//! 1. [`read`]: each file into plain data (manifest, WSDL, doc pages), with diagnostics.
//! 2. [`build`]: one service's files into one [`ir::Service`]; doc pages are matched to WSDL
//!    operations, or become the operations of an HTTP service.
//! 3. [`naming`]: a Rust name for every wire name, collisions reported.
//! 4. [`emit`]: the IR into formatted source files.
//!
//! [`standalone`] completes the emitted files into a crate that builds outside the workspace;
//! [`report`] sums up a run: what was generated, what was left out, what the pages get wrong.

pub mod build;
pub mod diag;
pub mod emit;
pub mod ir;
pub mod naming;
pub mod read;
pub mod report;
pub mod standalone;

// The README's Rust snippets, compiled by `cargo test --doc` against the generated crate (a
// dev-dependency) so that they cannot drift from its API. Here rather than in
// `generated-client`, whose `src/lib.rs` is copied into standalone crates that have no README.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

use diag::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::Path;

/// What a successful run produces.
#[derive(Debug)]
pub struct Output {
    pub ir: ir::Ir,
    /// File contents by path relative to the generated crate's root.
    pub files: BTreeMap<String, String>,
    /// Warnings, sorted.
    pub warnings: Vec<Diagnostic>,
}

/// Reads every service folder under `specs_dir` and builds the named IR.
///
/// Returns the IR when there was no error, and every diagnostic either way.
pub fn load(specs_dir: &Path) -> (Option<ir::Ir>, Vec<Diagnostic>) {
    let mut diags = Diagnostics::default();
    let mut services = Vec::new();
    match sorted_entries(specs_dir) {
        Ok(dirs) => {
            for dir in dirs.into_iter().filter(|p| p.is_dir()) {
                if let Some(service) = load_service(specs_dir, &dir, &mut diags) {
                    services.push(service);
                }
            }
        }
        Err(e) => diags.push(Diagnostic::error(&specs_dir.display().to_string(), 0, e)),
    }
    if services.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error(
                &specs_dir.display().to_string(),
                0,
                "no service folders found",
            )
            .with_hint(format!(
                "add a folder with a `{}`",
                read::manifest::FILE_NAME
            )),
        );
    }
    services.sort_by(|a, b| a.name.wire.cmp(&b.name.wire));
    let mut ir = ir::Ir { services };
    for d in naming::assign(&mut ir) {
        diags.push(d);
    }
    let ok = !diags.has_errors();
    (ok.then_some(ir), diags.sorted())
}

/// Reads `specs_dir` and emits the files of the crate `generated-client`.
pub fn generate(specs_dir: &Path) -> Result<Output, Vec<Diagnostic>> {
    generate_package(specs_dir, &emit::Package::default())
}

/// Reads `specs_dir` and emits the files of the crate named `package`.
pub fn generate_package(
    specs_dir: &Path,
    package: &emit::Package,
) -> Result<Output, Vec<Diagnostic>> {
    let (ir, diagnostics) = load(specs_dir);
    let Some(ir) = ir else {
        return Err(diagnostics);
    };
    match emit::crate_files(&ir, package) {
        Ok(files) => Ok(Output {
            ir,
            files,
            warnings: diagnostics,
        }),
        Err(errors) => {
            let mut all = diagnostics;
            all.extend(errors);
            all.sort();
            Err(all)
        }
    }
}

/// Reads one vendor folder: its manifest, its WSDL if any (with the local files it imports), and
/// every other file as a page.
fn load_service(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Option<ir::Service> {
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .display()
            .to_string()
            .replace('\\', "/")
    };
    let manifest_path = dir.join(read::manifest::FILE_NAME);
    let manifest_file = rel(&manifest_path);
    let text = read_text(&manifest_path, &manifest_file)
        .map_err(|d| diags.push(d))
        .ok()?;
    let manifest = take(read::manifest::read(&manifest_file, &text), diags)?;

    // Schemas and WSDLs the WSDL imports are part of it, not doc pages.
    let imported = std::cell::RefCell::new(std::collections::BTreeSet::new());
    let wsdl = match &manifest.wsdl {
        Some(name) => {
            let path = dir.join(name);
            let file = rel(&path);
            let bytes = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        &manifest_file,
                        0,
                        format!("cannot read {file}: {e}"),
                    ));
                    return None;
                }
            };
            // Imports resolve relative to the WSDL's own folder (the manifest may name one in
            // a subfolder), only to local files inside the service folder: never the network.
            let inside = dir.canonicalize().ok();
            let wsdl_dir = path.parent().unwrap_or(dir);
            let import = |location: &str| -> Option<Vec<u8>> {
                let candidate = wsdl_dir.join(location).canonicalize().ok()?;
                if !candidate.starts_with(inside.as_ref()?) {
                    return None;
                }
                let bytes = std::fs::read(&candidate).ok()?;
                imported.borrow_mut().insert(candidate);
                Some(bytes)
            };
            Some((
                file.clone(),
                take(read::wsdl::read(&file, &bytes, &import), diags)?,
            ))
        }
        None => None,
    };

    let mut pages = Vec::new();
    for path in sorted_entries(dir).unwrap_or_default() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let part_of_wsdl = manifest.wsdl.as_deref() == Some(name)
            || path
                .canonicalize()
                .is_ok_and(|p| imported.borrow().contains(&p));
        if !path.is_file()
            || name == read::manifest::FILE_NAME
            || part_of_wsdl
            || name.starts_with('.')
        {
            continue;
        }
        let file = rel(&path);
        let schema_like = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("xsd") || e.eq_ignore_ascii_case("wsdl"));
        if manifest.wsdl.is_some() && schema_like {
            // Saved beside the WSDL for an import that still names a remote location.
            diags.push(
                Diagnostic::warning(
                    &file,
                    0,
                    "no import of the WSDL names this file, so its types are not read — point \
                     the import's location at it",
                )
                .skipping(diag::Item::Page, &file),
            );
            continue;
        }
        let text = match read_text(&path, &file) {
            Ok(text) => text,
            Err(d) => {
                diags.push(d.skipping(diag::Item::Page, &file));
                continue;
            }
        };
        let mut page = match manifest.page_format {
            read::manifest::PageFormat::InterserverMarkdown => {
                read::interserver_md::read(&file, &text)
            }
            read::manifest::PageFormat::ResellerclubText => {
                read::resellerclub_text::read(&file, &text)
            }
        };
        if page.value.is_none() {
            // The reader's errors are why the page is left out.
            for d in &mut page.diagnostics {
                if d.is_error() && d.kind == diag::Kind::Other {
                    d.kind = diag::Kind::Skipped(diag::Skipped {
                        item: diag::Item::Page,
                        name: file.clone(),
                    });
                }
            }
        }
        if let Some(page) = take(page, diags) {
            pages.push(page);
        }
    }
    take(
        build::service(&manifest, &manifest_file, wsdl, pages),
        diags,
    )
}

fn take<T>(read: read::Read<T>, diags: &mut Diagnostics) -> Option<T> {
    for d in read.diagnostics {
        diags.push(d);
    }
    read.value
}

/// Reads a text file; pages are UTF-8, with Latin-1 as the fallback real vendors need.
fn read_text(path: &Path, file: &str) -> Result<String, Diagnostic> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
        }),
        Err(e) => Err(Diagnostic::error(file, 0, format!("cannot read: {e}"))),
    }
}

/// Directory entries sorted by name, so output never depends on the file system's order.
fn sorted_entries(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read folder: {e}"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    Ok(paths)
}
