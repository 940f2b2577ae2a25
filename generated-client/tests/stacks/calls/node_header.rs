//! node-soap, point 4. `Traced` takes a `Trace` soap:header part (element in
//! urn:stacks:node, its `traceId` unqualified), the generated `Option<&Trace>` after the
//! body's parts; node-soap's handler checks the raw header and echoes the trace id.

mod common;

use common::{NODE_PASSWORD, NODE_USER, answer, assert_check_failed, url};
use stack_clients::node_soap::{Client, Trace};
use stack_clients::runtime::Lenient;

fn client() -> Client {
    Client::new(url("STACK_NODE_URL"), NODE_USER, NODE_PASSWORD).expect("client")
}

#[tokio::test]
async fn a_typed_header_part() {
    let trace = Trace {
        trace_id: "trace-42".to_owned(),
    };
    let traced = answer("Traced", client().traced("n", Some(&trace)).await);
    assert_eq!(traced.trace_id, Lenient::Value("trace-42".to_owned()));
    assert_eq!(traced.note, Lenient::Value("n".to_owned()));
}

#[tokio::test]
async fn the_server_checks_the_header() {
    assert_check_failed(client().traced("n", None).await, "Traced.header");
    let other = Trace {
        trace_id: "trace-43".to_owned(),
    };
    assert_check_failed(client().traced("n", Some(&other)).await, "Traced.traceId");
}
