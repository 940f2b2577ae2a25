//! Randomised robustness of every reader: the real inputs in the repository (`specs/`,
//! `tests/fixtures/`) and thousands of mutations of them (see `support/mutate.rs`: fixed
//! seed, so every run tries the same inputs). No input may panic, every diagnostic names a
//! file that was read and a line inside it, and no reader fails without an error.
//!
//! A failing input is written to the test's scratch folder (the path is in the failure
//! message) so it can be turned into a regression fixture.

mod support;

use codegen::read::{interserver_md, manifest, resellerclub_text, wsdl};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use support::checks::{check_read, check_text_reader};
use support::mutate::{self, Nesting, Recipe};

/// Mutations per reader; each reader's test stays within a few seconds in a debug build.
const CASES: usize = 1_000;

/// Fixed, so a failure reproduces.
const SEED: u64 = 0x5EED_F022;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every file under `specs/` and `codegen/tests/fixtures/` whose name ends with one of
/// `suffixes`, by path relative to the repository root, sorted.
fn real_inputs(suffixes: &[&str]) -> Vec<(String, Vec<u8>)> {
    let root = repo_root();
    let mut found = Vec::new();
    for dir in ["specs", "codegen/tests/fixtures"] {
        collect(&root, &root.join(dir), suffixes, &mut found);
    }
    found.sort();
    assert!(!found.is_empty(), "no {suffixes:?} inputs found");
    found
}

fn collect(root: &Path, dir: &Path, suffixes: &[&str], found: &mut Vec<(String, Vec<u8>)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for path in entries.map(|entry| entry.expect("readable folder").path()) {
        let name = path.to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            collect(root, &path, suffixes, found);
        } else if suffixes.iter().any(|suffix| name.ends_with(suffix)) {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let relative = relative.to_string_lossy().replace('\\', "/");
            found.push((relative, std::fs::read(&path).expect("readable file")));
        }
    }
}

/// Runs `read` on every real input as it is, then on `CASES` mutations of them; `read`
/// returns what it broke.
fn hammer(
    reader: &str,
    inputs: &[(String, Vec<u8>)],
    nestings: &[Nesting],
    tokens: &[&[u8]],
    read: impl Fn(&str, &[u8]) -> Result<(), String>,
) {
    let recipe = Recipe { nestings, tokens };
    mutate::hammer(reader, SEED, CASES, inputs, &recipe, read);
}

#[test]
fn wsdl_reader_survives_mutated_wsdls() {
    let inputs = real_inputs(&[".wsdl", ".xsd"]);
    let nestings: [Nesting; 3] = [
        (b"<a>", b"</a>"),
        (
            b"<xsd:complexType><xsd:sequence><xsd:element name=\"e\">",
            b"</xsd:element></xsd:sequence></xsd:complexType>",
        ),
        (b"<documentation>", b"</documentation>"),
    ];
    let tokens: [&[u8]; 16] = [
        b"<!DOCTYPE d [<!ENTITY e \"x\">]>",
        b"&e;",
        b"&#0;",
        b"&#x110000;",
        b"<![CDATA[",
        b"]]>",
        b"<!--",
        b"xmlns:tns=\"urn:other\"",
        b" type=\"tns:missing\"",
        b"<xsd:import namespace=\"urn:i\" schemaLocation=\"local_import_types.xsd\"/>",
        b"<wsdl:import location=\"wsdl_import_abstract.wsdl\"/>",
        b" soapenc:arrayType=\"xsd:string[]\" wsdl:arrayType=\"tns:x[][]\"",
        b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
        b"\r",
        b"\xEF\xBB\xBF",
        b"</definitions>",
    ];
    // Imports resolve to the fixtures beside the WSDLs, as `codegen::load` would find them.
    let fixtures = repo_root().join("codegen/tests/fixtures/wsdl");
    hammer("wsdl", &inputs, &nestings, &tokens, |name, bytes| {
        let imported = RefCell::new(Vec::new());
        let import = |location: &str| {
            let simple = !location.contains(['/', '\\']) && !location.starts_with('.');
            let found = std::fs::read(fixtures.join(location))
                .ok()
                .filter(|_| simple)?;
            let file = match name.rsplit_once('/') {
                Some((dir, _)) => format!("{dir}/{location}"),
                None => location.to_owned(),
            };
            imported.borrow_mut().push((file, found.clone()));
            Some(found)
        };
        let read = wsdl::read(name, bytes, &import);
        let mut files = vec![(name.to_owned(), bytes.to_vec())];
        files.extend(imported.into_inner());
        check_read(&read, &files)
    });
}

#[test]
fn interserver_page_reader_survives_mutated_pages() {
    let nestings: [Nesting; 5] = [
        (b"> ", b""),
        (b"- ", b""),
        (b"**", b"**"),
        (b"[", b"]"),
        (b"<div>", b"</div>"),
    ];
    let tokens: [&[u8]; 14] = [
        b"|",
        b"\n| a | b |\n|---|---|\n",
        b"**API Function Name: api_x**",
        b"\n### Request\n",
        b"\n### Response\n",
        b"\n```php\n",
        b"`",
        b"*",
        b"\\",
        b"&nbsp;",
        b"[a](b)",
        b"\r\n",
        b"\t",
        b"\xC3\xA9\xE2\x80\x8B",
    ];
    hammer(
        "interserver_md",
        &real_inputs(&[".md"]),
        &nestings,
        &tokens,
        |name, bytes| check_text_reader(name, bytes, interserver_md::read),
    );
}

#[test]
fn resellerclub_page_reader_survives_mutated_pages() {
    let nestings: [Nesting; 3] = [(b"(", b")"), (b"|", b""), (b"-\n", b"")];
    let tokens: [&[u8]; 15] = [
        b"\nDescription\n",
        b"\nParameters\n",
        b"\nHTTP Method\n",
        b"\nExample Test URL Request\n",
        b"\nResponse\n",
        b" | ",
        b"\n---|---|\n",
        b"\n-\n",
        b"\xE2\x80\xA2 ",
        b" Required ",
        b" Optional ",
        b"Values can be: A, B",
        b"https://test.httpapi.com/api/x/{region}/y.json?a=1&b=2",
        b"(x.y.z)",
        b"\t",
    ];
    hammer(
        "resellerclub_text",
        &real_inputs(&[".txt"]),
        &nestings,
        &tokens,
        |name, bytes| check_text_reader(name, bytes, resellerclub_text::read),
    );
}

#[test]
fn manifest_reader_survives_mutated_manifests() {
    let nestings: [Nesting; 3] = [(b"[", b"]"), (b"{a=", b"}"), (b"x = [", b"]")];
    let tokens: [&[u8]; 12] = [
        b"\n[session]\n",
        b"\n[base-urls]\n",
        b"\n[in-band-error]\n",
        b" = ",
        b"\"",
        b"'''",
        b"\\u0000",
        b"\nprotocol = \"http\"\n",
        b"\nwsdl = \"../../outside.wsdl\"\n",
        b"\nsecrets = []\n",
        b"#",
        b"\n[[x]]\n",
    ];
    hammer(
        "manifest",
        &real_inputs(&[manifest::FILE_NAME]),
        &nestings,
        &tokens,
        |name, bytes| check_text_reader(name, bytes, manifest::read),
    );
}
