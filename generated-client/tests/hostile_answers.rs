//! Answers built to hurt the client: one far larger than the size cap, streamed without a
//! length, and ones nested far deeper than any real answer. Each must end in its typed error,
//! without holding the whole answer in memory or running out of stack.

mod decode_check;

use decode_check::answer;
use generated_client::Error;
use generated_client::runtime::http::{self, Encoding, Method, Operation};
use generated_client::runtime::transport::{ReqwestTransport, Timeouts};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

static DETAILS: Operation = Operation {
    name: "enterpriseemail/details",
    method: Method::Get,
    path: "/api/enterpriseemail/us/details.json",
    encoding: Encoding::Query,
    idempotent: true,
};

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
        connect: Duration::from_secs(10),
        total: Duration::from_secs(60),
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

#[test]
fn answers_nested_10000_deep_are_decode_errors() {
    for body in [
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
        "[".repeat(10_000),
    ] {
        let error = answer::<serde::de::IgnoredAny>(200, body.as_bytes()).unwrap_err();
        let Error::Decode {
            message,
            body: kept,
        } = &error
        else {
            panic!("{error}")
        };
        assert!(message.contains("recursion limit"), "{message}");
        assert_eq!(kept, &body);
    }
}
