//! node-soap, document/literal with `elementFormDefault="unqualified"`, proven with today's
//! generator: the body element in urn:stacks:node, its children in no namespace, a repeated
//! element both ways. The server checks the raw request (tests/stacks/node/server.js).

mod common;

use common::{NODE_PASSWORD, NODE_USER, answer, assert_check_failed, url};
use stack_clients::node_soap::Client;
use stack_clients::runtime::Lenient;

fn client() -> Client {
    Client::new(url("STACK_NODE_URL"), NODE_USER, NODE_PASSWORD).expect("client")
}

#[tokio::test]
async fn lookup_sends_unqualified_children_and_reads_repeated_records() {
    let filters = ["red".to_owned(), "blue green".to_owned()];
    let found = answer(
        "Lookup",
        client().lookup("kéy <&> \"x\"", 2, &filters).await,
    );
    assert_eq!(found.key, Lenient::Value("kéy <&> \"x\"".to_owned()));
    let hits: Vec<_> = found
        .hit
        .iter()
        .map(|hit| (hit.id.clone(), hit.title.clone()))
        .collect();
    assert_eq!(
        hits,
        [
            (Lenient::Value(1), Lenient::Value("first: red".to_owned())),
            (
                Lenient::Value(2),
                Lenient::Value("second: blue green".to_owned())
            ),
        ]
    );
}

#[tokio::test]
async fn the_server_checks_what_it_received() {
    assert_check_failed(
        client().lookup("kéy <&> \"x\"", 2, &[]).await,
        "Lookup.children",
    );
}
