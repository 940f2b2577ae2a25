//! node-soap, points 1 and 3: the WSDL's second port, `NodeRpc` (rpc/literal, at /node/rpc).
//! Its operations are methods of the same `Client` (their names do not clash with the
//! document/literal port's), built at the main port's address like every other call: the
//! client posts them to their own port's address, taken relative to the main port's (node-soap
//! picks the binding by the request path, so a wrong address is refused). `Add` has `type=` parts
//! (unqualified `<a>`, `<b>`); `Greet` has an `element=` part (the `tns:Person` element
//! itself, qualified, its children unqualified as the schema says). node-soap answers the
//! parts qualified (`tns:sum`), which the client accepts. The server checks the raw request
//! (tests/stacks/node/server.js, `NodeRpc`).

mod common;

use common::{NODE_PASSWORD, NODE_USER, answer, url};
use stack_clients::node_soap::{Client, Person};

/// The one client of the service, at the main (document/literal) port's address.
fn rpc_client() -> Client {
    Client::new(url("STACK_NODE_URL"), NODE_USER, NODE_PASSWORD).expect("client")
}

#[tokio::test]
async fn type_parts_on_the_rpc_literal_port() {
    let sum = answer("Add", rpc_client().add(2, 40).await);
    assert_eq!(sum, 42);
    let sum = answer("Add", rpc_client().add(-7, i32::MAX).await);
    assert_eq!(sum, i32::MAX - 7);
}

#[tokio::test]
async fn an_element_part_on_the_rpc_literal_port() {
    let person = Person {
        first: "Ada".to_owned(),
        last: "Lovelace <&>".to_owned(),
    };
    let greeting = answer("Greet", rpc_client().greet(&person).await);
    assert_eq!(greeting, "Hello, Ada Lovelace <&>");
}
