//! gSOAP, point 2: an MTOM/XOP answer (`multipart/related`, an `application/xop+xml` root
//! part, each binary field a part of its own named by an `xop:Include`) decoded with every
//! part put back where its include was. gSOAP writes a `Document` record of its own schema
//! (urn:stacks:gsoap, nested in the answer element) whose text and number fields surround two
//! parts (the 256 byte values; `size` bytes of a pattern), an empty binary (which gSOAP
//! writes inline, as an empty element) and a short one inline as base64 text
//! (tests/stacks/gsoap/server.c). `third_party_stacks.rs`'s `gsoap_answers_in_mtom` checks
//! that the raw answer is MTOM indeed.

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::gsoap::{Client, Document};
use stack_clients::runtime::{Base64, Lenient};

/// The name the server expects (`EXPECTED_NAME` in server.c): XML's special characters and
/// UTF-8.
const NAME: &str = "report <1> & été.bin";

fn client() -> Client {
    Client::new(url("STACK_GSOAP_URL")).expect("client")
}

async fn document(size: i32) -> Document {
    let got = answer(
        "GetDocument",
        client().get_document(Some(NAME), size).await,
    );
    match got.document {
        Lenient::Value(document) => document,
        other => panic!("no document: {other:?}"),
    }
}

/// `size` bytes of the server's pattern: `i % 251`.
fn pattern(size: i32) -> Vec<u8> {
    (0..size).map(|i| (i % 251) as u8).collect()
}

#[tokio::test]
async fn an_mtom_answer_has_its_parts_put_back_in_place() {
    let size = 200_000;
    let document = document(size).await;
    assert_eq!(document.title, Lenient::Value(NAME.to_owned()));
    assert_eq!(document.size, Lenient::Value(size));
    assert_eq!(
        document.every_byte,
        Lenient::Value(Base64((0..=255).collect()))
    );
    let Lenient::Value(body) = &document.body else {
        panic!("no body: {:?}", document.body);
    };
    // Not assert_eq!: a mismatch would print 200 000 bytes twice.
    assert_eq!(body.len(), pattern(size).len(), "body length");
    assert!(body.0 == pattern(size), "the body differs from the pattern");
    assert_eq!(document.empty, Lenient::Value(Base64(Vec::new())));
    assert_eq!(document.inlined, Lenient::Value(Base64(vec![0xFB, 0xFF, 0x00])));
    assert_eq!(document.note, Lenient::Value("after the parts".to_owned()));
}

#[tokio::test]
async fn a_short_body_is_a_part_too() {
    let document = document(1).await;
    assert_eq!(document.body, Lenient::Value(Base64(pattern(1))));
    assert_eq!(document.size, Lenient::Value(1));
}

#[tokio::test]
async fn the_server_checks_the_request() {
    assert_check_failed(
        client().get_document(Some(NAME), -1).await,
        "GetDocument.size",
    );
    assert_check_failed(
        client().get_document(Some("report <1> & ete.bin"), 10).await,
        "GetDocument.name",
    );
    assert_check_failed(client().get_document(None, 10).await, "GetDocument.name");
}
