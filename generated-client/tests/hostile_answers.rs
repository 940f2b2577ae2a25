//! Answers built to hurt the client: one far larger than the size cap, streamed without a
//! length, and ones nested far deeper than any real answer. Each must end in its typed error,
//! without holding the whole answer in memory or running out of stack.

mod decode_check;

use decode_check::json::{DETAILS, answer};
use decode_check::soap;
use generated_client::runtime::http;
use generated_client::runtime::transport::{ReqwestTransport, Timeouts};
use generated_client::{Error, Value};
use serde::de::IgnoredAny;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Nesting far past any real answer and past what a recursive decoder could survive.
const DEEP: usize = 10_000;

const MIB: usize = 1024 * 1024;

/// What the flooding server offers: 100 MB.
const FLOOD: usize = 100 * MIB;

/// A server that answers every request with `FLOOD` bytes of an endless JSON array, streamed
/// without a length (so only the client's cap can stop it), and counts what it managed to send.
async fn flooding_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&sent);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let counter = Arc::clone(&counter);
            tokio::spawn(async move {
                // The request head is small; one read is enough to know it came.
                let mut request = [0_u8; 4096];
                let _ = socket.read(&mut request).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[";
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = "1,".repeat(32 * 1024);
                while counter.load(Ordering::Relaxed) < FLOOD {
                    // Fails once the client has given up and closed the connection.
                    if socket.write_all(chunk.as_bytes()).await.is_err() {
                        return;
                    }
                    counter.fetch_add(chunk.len(), Ordering::Relaxed);
                }
            });
        }
    });
    (url, sent)
}

#[tokio::test]
async fn a_100_mb_answer_fails_at_the_cap_without_being_read_whole() {
    let (url, sent) = flooding_server().await;
    let timeouts = Timeouts {
        total: Duration::from_secs(60),
        ..Timeouts::default()
    };
    let transport = ReqwestTransport::new(timeouts)
        .unwrap()
        .with_max_response_bytes(MIB);
    let client = http::Client::new(url, Vec::new(), Arc::new(transport));
    let error = client
        .call(&DETAILS, None)
        .send::<Vec<u32>>()
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::ResponseTooLarge { limit } if limit == MIB),
        // Not `{error:?}`: a decode error would hold the whole body.
        "{error}"
    );
    // The server stops once the client has hung up; give it a moment to notice.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let sent = sent.load(Ordering::Relaxed);
    // Socket buffers hold a few megabytes at most; the rest was never sent, so never read.
    assert!(
        sent < FLOOD / 4,
        "the server sent {sent} bytes: the client kept reading past its cap"
    );
}

/// A decode error that kept `body`, with a message containing `says` (the cause of an unknown
/// outcome, for an operation that places orders).
fn decode_error(error: Error, body: &str, says: &str) {
    let error = match error {
        Error::OutcomeUnknown { cause, .. } => *cause,
        other => other,
    };
    let Error::Decode {
        message,
        body: kept,
    } = &error
    else {
        panic!("{error}")
    };
    assert!(message.contains(says), "{message}");
    assert_eq!(kept, body);
}

#[test]
fn json_answers_nested_10000_deep_are_decode_errors() {
    for body in [
        format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP)),
        format!("{}1{}", "{\"a\":".repeat(DEEP), "}".repeat(DEEP)),
        "[".repeat(DEEP),
    ] {
        let error = answer::<IgnoredAny>(200, body.as_bytes()).unwrap_err();
        decode_error(error, &body, "recursion limit");
    }
}

#[test]
fn soap_answers_nested_10000_deep_are_decode_errors() {
    let deep = format!("{}{}", "<a>".repeat(DEEP), "</a>".repeat(DEEP));
    let envelope = |header: &str, part: &str| {
        format!(
            "<?xml version=\"1.0\"?><e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\">\
             <e:Header>{header}</e:Header><e:Body><r>{part}</r></e:Body></e:Envelope>"
        )
    };
    // In the decoded part, and in parts nothing decodes: a skipped header, an ignored field.
    for body in [
        envelope("", &format!("<return>{deep}</return>")),
        envelope(&deep, "<return>1</return>"),
        envelope("", &format!("<return><status>ok</status>{deep}</return>")),
        envelope("", &"<a>".repeat(DEEP)),
    ] {
        for checked in [false, true] {
            let answer = soap::Answer {
                operation: &soap::RPC,
                content_type: soap::XML,
                status: 200,
                body: body.as_bytes(),
                checked,
            };
            decode_error(
                answer.decode::<Value>().unwrap_err(),
                &body,
                "nested deeper",
            );
            decode_error(
                answer.decode::<IgnoredAny>().unwrap_err(),
                &body,
                "nested deeper",
            );
            let fields = answer.decode::<BTreeMap<String, IgnoredAny>>().unwrap_err();
            decode_error(fields, &body, "nested deeper");
        }
    }
}
