//! Randomised robustness of the answer decoders: the SOAP answers in `tests/fixtures/soap/`,
//! the MTOM ones in `tests/fixtures/mtom/`, the JSON answers in `tests/fixtures/answers/`, and thousands of mutations of each (byte
//! flips, cuts, splices, deep nesting, huge numbers, invalid UTF-8, DOCTYPEs; fixed seed, see
//! `codegen/tests/support/mutate.rs`), each answered with several HTTP statuses and decoded
//! into several output types. Every one must give a value or a typed error that keeps the raw
//! body; none may panic.

mod decode_check;
#[path = "../../codegen/tests/support/mutate.rs"]
mod mutate;

use decode_check::{STATUSES, json, soap};
use mutate::{Nesting, Recipe};
use std::path::Path;

/// Mutations per decoder; each is decoded with every status into every type (a few seconds
/// in debug).
const CASES: usize = 1_000;

/// Fixed, so a failure reproduces.
const SEED: u64 = 0x5EED_150D;

/// The files in `tests/fixtures/<folder>` ending in `.<extension>`, by name, sorted.
fn answers(folder: &str, extension: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .expect("the answers folder")
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("readable answer"))
        })
        .collect();
    found.sort();
    assert!(found.len() >= 5, "answers missing: {found:?}");
    found
}

/// Checks every answer as it is and `CASES` mutations of them, each with every status.
fn hammer(
    decoder: &str,
    inputs: &[(String, Vec<u8>)],
    recipe: &Recipe<'_>,
    check: fn(u16, &[u8]) -> Result<(), String>,
) {
    mutate::hammer(decoder, SEED, CASES, inputs, recipe, |_, body| {
        STATUSES.iter().try_for_each(|&status| check(status, body))
    });
}

#[test]
fn soap_answers_decode_or_fail_with_a_typed_error() {
    let nestings: [Nesting; 3] = [
        (b"<a>", b"</a>"),
        (b"<item xsi:type=\"SOAP-ENC:Array\">", b"</item>"),
        (b"<x href=\"#r\"><m id=\"r\">", b"</m></x>"),
    ];
    let tokens: [&[u8]; 14] = [
        b"<status xsi:type=\"xsd:string\">error</status>",
        b"<status_text>",
        b"xsi:nil=\"true\"",
        b"SOAP-ENC:arrayType=\"xsd:string[99999999]\"",
        b"href=\"#id0\"",
        b"id=\"id0\"",
        b"<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        b"&e;",
        b"&#0;",
        b"<![CDATA[",
        b"xmlns:SOAP-ENV=\"urn:other\"",
        b"encoding=\"UTF-16\"",
        b"1e400",
        b"\xEF\xBB\xBF",
    ];
    let recipe = Recipe {
        nestings: &nestings,
        tokens: &tokens,
    };
    hammer("soap", &answers("soap", "xml"), &recipe, soap::check_answer);
}

/// MTOM answers (`multipart/related`, XOP includes): cut and spliced boundaries, part headers
/// and includes, an include naming no part or the root, charsets and transfer encodings.
#[test]
fn mtom_answers_decode_or_fail_with_a_typed_error() {
    let nestings: [Nesting; 2] = [
        (b"<xop:Include href=\"cid:a\">", b"</xop:Include>"),
        (b"<a>", b"</a>"),
    ];
    let tokens: [&[u8]; 12] = [
        b"\r\n--MIME_b\r\n",
        b"--MIME_b--",
        b"Content-ID: <a>\r\n",
        b"Content-ID: <root>\r\n",
        b"<xop:Include href=\"cid:a\"/>",
        b"<xop:Include href=\"cid:root\"/>",
        b"<xop:Include href=\"cid:\"/>",
        b"<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\"/>",
        b"Content-Type: application/xop+xml; charset=UTF-16\r\n",
        b"Content-Transfer-Encoding: base64\r\n",
        b"\r\n\r\n",
        b"\xEF\xBB\xBF",
    ];
    let recipe = Recipe {
        nestings: &nestings,
        tokens: &tokens,
    };
    hammer(
        "mtom",
        &answers("mtom", "mime"),
        &recipe,
        soap::check_mtom_answer,
    );
}

/// The MTOM seeds are read through their parts, so the mutations above start from answers
/// that decode: an include becomes its part's base64 text, wherever the root part stands.
#[test]
fn mtom_seeds_decode_through_their_parts() {
    use base64::Engine;
    use generated_client::interserver::BuyVpsResultStatus;
    let body = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mtom/buy_mail_xop.mime"),
    )
    .expect("the MTOM seed");
    let answer = soap::Answer {
        operation: &soap::RPC,
        content_type: soap::MTOM,
        status: 200,
        body: &body,
        checked: false,
    };
    let status: BuyVpsResultStatus = answer.decode().expect("decodes");
    let part = base64::engine::general_purpose::STANDARD.encode("Bestellung ausgeführt");
    assert_eq!(status.status.value().map(String::as_str), Some("ok"));
    assert_eq!(status.status_text.value(), Some(&part));
}

#[test]
fn json_answers_decode_or_fail_with_a_typed_error() {
    let nestings: [Nesting; 3] = [(b"[", b"]"), (b"{\"a\":", b"}"), (b"[{\"1\":", b"}]")];
    let tokens: [&[u8]; 12] = [
        b"\"status\":\"ERROR\",",
        b"\"message\":",
        b"null",
        b"\"\\ud800\"",
        b"\"\\u0000\"",
        b"1e400",
        b"-0",
        b"\"true\"",
        b"{}",
        b"[]",
        b",",
        b"\xEF\xBB\xBF",
    ];
    let recipe = Recipe {
        nestings: &nestings,
        tokens: &tokens,
    };
    hammer(
        "json",
        &answers("answers", "json"),
        &recipe,
        json::check_answer,
    );
}
