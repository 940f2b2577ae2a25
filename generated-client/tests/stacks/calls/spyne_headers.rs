//! PENDING (tests/third_party_stacks.rs, CALLS): point 4. `whoami` takes a `RequestHeader`
//! soap:header (checked by the handler: `api_key`, `trace`) and answers a `ResponseHeader`.
//! spyne's WSDL names the header messages `s0:RequestHeader` (the types namespace) although
//! the messages are defined in urn:stacks:spyne: the reader must cope with that.
//!
//! Written before the feature landed, against the API it is expected to generate (headers as
//! leading arguments, the answer's headers beside its body): adjust when switching it on.

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::runtime::Lenient;
use stack_clients::spyne::{Client, RequestHeader};

#[tokio::test]
async fn typed_headers_in_and_out() {
    let client = Client::new(url("STACK_SPYNE_URL")).expect("client");
    let header = RequestHeader {
        api_key: Some("spyne-key-0123".to_owned()),
        trace: Some("trace-7".to_owned()),
    };
    let answered = answer("whoami", client.whoami(&header, Some("ada")).await);
    assert_eq!(
        answered.body.whoami_result,
        Lenient::Value("hello ada".to_owned())
    );
    assert_eq!(
        answered.headers.response_header.map(|h| h.request_id),
        Some(Lenient::Value("req-ada".to_owned()))
    );
    let wrong = RequestHeader {
        api_key: Some("wrong".to_owned()),
        trace: Some("trace-7".to_owned()),
    };
    assert_check_failed(client.whoami(&wrong, Some("ada")).await, "whoami.api_key");
}
