//! The generator end to end (`codegen::generate`: read, build, name, emit, format) on the
//! workspace's `specs/` and on synthetic spec sets 10× and 100× larger, to show that time
//! grows linearly with the number of operations.
//!
//! The larger sets are built in a temporary folder at start: N copies of every vendor folder
//! of `specs/`, each copy with its own module name (`interserver_7`, ...). Criterion's
//! throughput is the number of operations, so time per operation is directly comparable.
//!
//! `cargo bench -p codegen --bench generate`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::fs;
use std::path::{Path, PathBuf};

/// How many copies of `specs/` each synthetic set holds.
const SCALES: [usize; 3] = [1, 10, 100];

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

/// A spec set of `copies` copies of `specs/` under a fresh temporary folder; `specs/` itself
/// for one copy. The folder is removed when the returned guard drops.
struct SpecSet {
    dir: PathBuf,
    temporary: bool,
}

impl SpecSet {
    fn new(copies: usize) -> SpecSet {
        if copies == 1 {
            return SpecSet {
                dir: specs_dir(),
                temporary: false,
            };
        }
        let dir = std::env::temp_dir().join(format!(
            "codegen-bench-specs-{copies}x-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        let mut vendors: Vec<PathBuf> = fs::read_dir(specs_dir())
            .expect("read specs/")
            .map(|entry| entry.expect("read specs/ entry").path())
            .filter(|path| path.is_dir())
            .collect();
        vendors.sort();
        for copy in 1..=copies {
            for vendor in &vendors {
                let name = vendor.file_name().expect("a vendor folder has a name");
                let target = dir.join(format!("{}_{copy}", name.to_string_lossy()));
                copy_vendor(vendor, &target, copy);
            }
        }
        SpecSet {
            dir,
            temporary: true,
        }
    }
}

impl Drop for SpecSet {
    fn drop(&mut self) {
        if self.temporary {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Copies one vendor folder, renaming its module `<module>_<copy>` in `service.toml`.
fn copy_vendor(from: &Path, to: &Path, copy: usize) {
    fs::create_dir_all(to).expect("create the copy's folder");
    for entry in fs::read_dir(from).expect("read a vendor folder") {
        let path = entry.expect("read a vendor file").path();
        let target = to.join(path.file_name().expect("a file has a name"));
        if path.file_name().is_some_and(|n| n == "service.toml") {
            let manifest = fs::read_to_string(&path).expect("read service.toml");
            let renamed = rename_module(&manifest, copy);
            assert_ne!(renamed, manifest, "{}: no `module = ` line", path.display());
            fs::write(&target, renamed).expect("write service.toml");
        } else {
            fs::copy(&path, &target).expect("copy a spec file");
        }
    }
}

/// `module = "x"` becomes `module = "x_<copy>"`.
fn rename_module(manifest: &str, copy: usize) -> String {
    manifest
        .lines()
        .map(|line| match line.strip_prefix("module = \"") {
            Some(rest) => match rest.strip_suffix('"') {
                Some(module) => format!("module = \"{module}_{copy}\""),
                None => line.to_owned(),
            },
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn generate(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    // One 100× run takes seconds: ten samples are enough to see the trend.
    group.sample_size(10);
    for copies in SCALES {
        let set = SpecSet::new(copies);
        let output = codegen::generate(&set.dir)
            .unwrap_or_else(|errors| panic!("{} does not generate: {errors:?}", set.dir.display()));
        let operations: usize = output.ir.services.iter().map(|s| s.operations.len()).sum();
        let bytes: usize = output.files.values().map(String::len).sum();
        eprintln!(
            "specs ×{copies}: {} services, {operations} operations, {} files, {bytes} bytes of output",
            output.ir.services.len(),
            output.files.len()
        );
        group.throughput(Throughput::Elements(operations as u64));
        group.bench_with_input(
            BenchmarkId::new("specs", format!("x{copies}")),
            &set.dir,
            |b, dir| b.iter(|| codegen::generate(dir).map(|output| output.files.len())),
        );
    }
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
