//! The generated client proven against third-party SOAP stacks, each started from the
//! project's own files (`tests/stacks/`, `tests/support/stacks.rs`): PHP ext/soap's
//! `SoapServer` (document/literal, WSDL mode), Python spyne 2.14 (the WSDL it writes itself),
//! node-soap 1.x's server and a gSOAP 2.8 C server answering in MTOM (built here from its
//! header, the WSDL soapcpp2 writes from it).
//!
//! How: the servers start on free ports of 127.0.0.1; the generator (`cargo xtask gen --specs
//! tests/stacks/specs --out … --name stack-clients`) writes a scratch crate under the target
//! folder; the call tests of `tests/stacks/calls/` are copied into its `tests/`; and `cargo
//! test` runs them there with the servers' URLs in `STACK_*_URL`, sharing this build's target
//! folder (and `Cargo.lock`), so the runtime's dependencies are not built again. Each server
//! checks what it received and answers a fault naming the failed check. Every call file is
//! listed in [`CALLS`] with its stack and runs; one that is not listed fails
//! [`every_call_file_is_listed`].

mod support;

use std::fs;
use std::path::PathBuf;
use std::time::Instant;
use support::cargo;
use support::http;
use support::stacks::{Stack, StackPeer, specs_dir, stacks_dir};

/// One file of `tests/stacks/calls/` and the stack it calls.
struct Call {
    file: &'static str,
    stack: Stack,
}

const CALLS: &[Call] = &[
    Call {
        file: "php_basics.rs",
        stack: Stack::PhpOrders,
    },
    Call {
        file: "php_order.rs",
        stack: Stack::PhpOrders,
    },
    Call {
        file: "php_quote.rs",
        stack: Stack::PhpOrders,
    },
    Call {
        file: "php_lists.rs",
        stack: Stack::PhpLists,
    },
    Call {
        file: "php_attributes.rs",
        stack: Stack::PhpAttributes,
    },
    Call {
        file: "php_ledger.rs",
        stack: Stack::PhpLedger,
    },
    Call {
        file: "spyne_basics.rs",
        stack: Stack::Spyne,
    },
    Call {
        file: "spyne_attributes.rs",
        stack: Stack::Spyne,
    },
    Call {
        file: "spyne_types.rs",
        stack: Stack::Spyne,
    },
    Call {
        file: "spyne_derived.rs",
        stack: Stack::Spyne,
    },
    Call {
        file: "spyne_headers.rs",
        stack: Stack::Spyne,
    },
    Call {
        file: "node_basics.rs",
        stack: Stack::NodeSoap,
    },
    Call {
        file: "node_header.rs",
        stack: Stack::NodeSoap,
    },
    Call {
        file: "node_wsse.rs",
        stack: Stack::NodeSoap,
    },
    Call {
        file: "node_rpc.rs",
        stack: Stack::NodeSoap,
    },
    Call {
        file: "gsoap_mtom.rs",
        stack: Stack::Gsoap,
    },
];

fn calls_dir() -> PathBuf {
    stacks_dir().join("calls")
}

#[test]
fn every_call_file_is_listed() {
    let mut files: Vec<String> = fs::read_dir(calls_dir())
        .expect("tests/stacks/calls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".rs") && name != "common.rs")
        .collect();
    files.sort();
    let mut listed: Vec<String> = CALLS.iter().map(|c| c.file.to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed, "tests/stacks/calls/ and CALLS disagree");
    for call in CALLS {
        assert!(
            call.file.starts_with(&format!(
                "{}_",
                call.stack.module().split('_').next().unwrap()
            )),
            "{} is not named after its stack",
            call.file
        );
    }
    for stack in Stack::ALL {
        assert!(
            CALLS.iter().any(|c| c.stack == stack),
            "{stack:?} has no call"
        );
    }
}

/// The WSDL the spyne client is generated from is the one spyne writes for `server.py`, so
/// it cannot drift from what the server does: compared byte for byte, the port in the
/// address excepted.
#[test]
fn spyne_serves_the_committed_wsdl() {
    assert_serves_the_committed_wsdl(Stack::Spyne);
}

/// The gSOAP client's WSDL is the one soapcpp2 writes from `tests/stacks/gsoap/docs.h`
/// (which the server serves from its build folder).
#[test]
fn gsoap_serves_the_committed_wsdl() {
    assert_serves_the_committed_wsdl(Stack::Gsoap);
}

/// The WSDL `stack` serves is the committed one, byte for byte but for the address.
fn assert_serves_the_committed_wsdl(stack: Stack) {
    let peer = StackPeer::start(stack);
    let served = peer.served_wsdl().expect("served WSDL");
    let committed = fs::read_to_string(stack.wsdl_path()).expect("committed WSDL");
    assert_eq!(
        without_address(&served),
        without_address(&committed),
        "{stack:?}'s WSDL changed: fetch it again (GET {}?wsdl) into {}",
        peer.endpoint(),
        stack.wsdl_path().display()
    );
}

/// `text` with the value of the one `location="…"` attribute blanked.
fn without_address(text: &str) -> String {
    let start = text.find("location=\"").expect("an address") + "location=\"".len();
    let end = start + text[start..].find('"').expect("end of the address");
    format!("{}{}", &text[..start], &text[end..])
}

/// PHP (each of its services) and node-soap serve the hand-written WSDL the client is
/// generated from, unchanged.
#[test]
fn php_and_node_serve_the_committed_wsdl() {
    for stack in [
        Stack::PhpOrders,
        Stack::PhpLists,
        Stack::PhpAttributes,
        Stack::PhpLedger,
        Stack::NodeSoap,
    ] {
        let peer = StackPeer::start(stack);
        let served = peer.served_wsdl().expect("WSDL");
        let committed = fs::read_to_string(stack.wsdl_path()).expect("committed WSDL");
        assert_eq!(served, committed, "{stack:?} serves another WSDL");
    }
}

/// `gsoap_mtom.rs` proves the decoding only if gSOAP really answers in MTOM: the raw answer to
/// the same request is `multipart/related` with an XOP root whose binary fields are
/// `xop:Include`s, and the 256 byte values travel unencoded in a part of their own.
#[tokio::test]
async fn gsoap_answers_in_mtom() {
    let peer = StackPeer::start(Stack::Gsoap);
    let request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
        <SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">\
        <SOAP-ENV:Body><GetDocument xmlns=\"urn:stacks:gsoap\">\
        <name>report &lt;1&gt; &amp; été.bin</name><size>1000</size>\
        </GetDocument></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    let answer = http::post(
        peer.addr(),
        "/gsoap",
        "text/xml; charset=utf-8",
        &[("SOAPAction", "\"urn:stacks:gsoap#GetDocument\"")],
        request.as_bytes(),
    )
    .await;
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let content_type = answer.header("content-type").expect("a Content-Type");
    assert!(
        content_type.starts_with("multipart/related;")
            && content_type.contains("type=\"application/xop+xml\""),
        "not MTOM: {content_type}"
    );
    let body = &answer.body;
    let includes = String::from_utf8_lossy(body)
        .matches("<xop:Include ")
        .count();
    assert_eq!(includes, 2, "everyByte and body as parts");
    let every_byte: Vec<u8> = (0..=255).collect();
    assert!(
        body.windows(every_byte.len()).any(|w| w == every_byte),
        "the 256 byte values are not a binary part"
    );
}

#[test]
fn generated_clients_pass_their_calls_against_the_stacks() {
    let peers: Vec<StackPeer> = Stack::ALL.into_iter().map(StackPeer::start).collect();
    let scratch = cargo::target_tmp().join("stack-clients");

    let started = Instant::now();
    cargo::generate(&specs_dir(), &scratch, "stack-clients");
    cargo::lock_like_the_workspace(&scratch);
    let generated = started.elapsed();

    let tests = scratch.join("tests");
    let _ = fs::remove_dir_all(&tests);
    fs::create_dir_all(tests.join("common")).expect("tests/common");
    fs::copy(calls_dir().join("common.rs"), tests.join("common/mod.rs")).expect("common.rs");
    for call in CALLS {
        fs::copy(calls_dir().join(call.file), tests.join(call.file)).expect("copy call");
    }

    let mut test = cargo::command();
    test.arg("test")
        .arg("--manifest-path")
        .arg(scratch.join("Cargo.toml"))
        // Only the call tests: the runtime's own unit tests run in the workspace already.
        .args(["--offline", "--test", "*"]);
    for peer in &peers {
        test.env(peer.stack().url_variable(), peer.endpoint());
    }
    let output = cargo::run("cargo test (stack clients)", test, cargo::LIMIT);
    for call in CALLS {
        let name = call.file.trim_end_matches(".rs");
        assert!(
            output.contains(&format!("Running tests/{name}.rs")),
            "{name} did not run:\n{output}"
        );
    }
    eprintln!(
        "stack clients: generated in {:.1?}, built and called in {:.1?}",
        generated,
        started.elapsed() - generated
    );
}
