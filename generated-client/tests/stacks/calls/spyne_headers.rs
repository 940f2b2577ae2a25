//! spyne, point 4. `whoami` takes a `RequestHeader` soap:header (checked by the handler:
//! `api_key`, `trace`) and answers a `ResponseHeader`: the generated method takes
//! `Option<&RequestHeader>` after the body's parts and returns `(answer,
//! Lenient<ResponseHeader>)`. spyne's WSDL names the header messages `s0:RequestHeader` (the
//! types namespace) although the messages are defined in urn:stacks:spyne; the reader looks
//! them up again in the target namespace (with a warning).

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::runtime::Lenient;
use stack_clients::spyne::{Client, RequestHeader};

fn header(api_key: &str) -> RequestHeader {
    RequestHeader {
        api_key: Some(api_key.to_owned()),
        trace: Some("trace-7".to_owned()),
    }
}

#[tokio::test]
async fn typed_headers_in_and_out() {
    let client = Client::new(url("STACK_SPYNE_URL")).expect("client");
    let (answered, response_header) = answer(
        "whoami",
        client
            .whoami(Some("ada"), Some(&header("spyne-key-0123")))
            .await,
    );
    assert_eq!(
        answered.whoami_result,
        Lenient::Value("hello ada".to_owned())
    );
    let Lenient::Value(response_header) = response_header else {
        panic!("no ResponseHeader: {response_header:?}");
    };
    assert_eq!(
        response_header.request_id,
        Lenient::Value("req-ada".to_owned())
    );
    assert!(
        response_header.undeclared.is_empty(),
        "{:?}",
        response_header.undeclared
    );
}

#[tokio::test]
async fn the_server_checks_the_header() {
    let client = Client::new(url("STACK_SPYNE_URL")).expect("client");
    assert_check_failed(
        client.whoami(Some("ada"), Some(&header("wrong"))).await,
        "whoami.api_key",
    );
    assert_check_failed(client.whoami(Some("ada"), None).await, "whoami.header");
}
