//! PHP `SoapServer`, document/literal, proven with today's generator: a qualified wrapper
//! element with a string (XML-special and non-ASCII), an int and a repeated element (one
//! sibling per item, an empty item kept), and an empty request element. The server checks
//! every child's namespace, name and text in the raw request (tests/stacks/php/orders.php).

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::php_soapserver::Client;
use stack_clients::runtime::Lenient;

fn client() -> Client {
    Client::new(url("STACK_PHP_ORDERS_URL")).expect("client")
}

#[tokio::test]
async fn echo_round_trips_text_int_and_a_repeated_element() {
    let tags = ["a".to_owned(), "b b".to_owned(), String::new()];
    let echoed = answer(
        "Echo",
        client().echo("héllo <&> \"wörld\"", -7, &tags).await,
    );
    assert_eq!(
        echoed.text,
        Lenient::Value("héllo <&> \"wörld\"".to_owned())
    );
    assert_eq!(echoed.count, Lenient::Value(-6));
    assert_eq!(echoed.tag, ["", "b b", "a"]);
}

#[tokio::test]
async fn the_server_checks_what_it_received() {
    let tags = ["a".to_owned()];
    assert_check_failed(client().echo("héllo", -7, &tags).await, "Echo.children");
}

#[tokio::test]
async fn an_empty_request_element() {
    let status = answer("GetStatus", client().get_status().await);
    assert_eq!(status.status, Lenient::Value("ok".to_owned()));
    // Above 2^53: read as an integer, not through a float.
    assert_eq!(status.uptime, Lenient::Value(9_007_199_254_740_993));
}
