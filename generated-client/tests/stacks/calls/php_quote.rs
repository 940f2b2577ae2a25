//! PHP `SoapServer`, points 1 and 5: the part of `php_order.rs` that needs neither attributes
//! nor a soap:header. `QuoteOrder`'s `quote` is in urn:stacks:php but its fields are in
//! urn:stacks:php:types (their own schema's elementFormDefault), `lines` is a wrapper list
//! inside the record (items `Line`, qualified), `quantity` reaches u32::MAX, `placedAt` is a
//! dateTime; the answer has an unsignedInt, an unsignedLong above u32::MAX and a dateTime.
//! The server checks all of it in the raw request (tests/stacks/php/orders.php,
//! `QuoteOrder`).

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::php_soapserver::{Client, Line, Quote};
use stack_clients::runtime::{DateTime, Lenient};

fn client() -> Client {
    Client::new(url("STACK_PHP_ORDERS_URL")).expect("client")
}

fn quote(last_quantity: u32) -> Quote {
    Quote {
        customer: "ACME & Söhne".to_owned(),
        lines: vec![
            Line {
                sku: "A-1".to_owned(),
                quantity: 1,
                gift: None,
            },
            Line {
                sku: "B-2".to_owned(),
                quantity: last_quantity,
                gift: None,
            },
        ],
        placed_at: "2024-02-29T23:59:58Z".parse().expect("dateTime"),
    }
}

#[tokio::test]
async fn a_record_of_the_types_schema_with_a_wrapper_list() {
    let quoted = answer("QuoteOrder", client().quote_order(&quote(u32::MAX)).await);
    assert_eq!(quoted.line_count, Lenient::Value(2));
    assert_eq!(
        quoted.total_quantity,
        Lenient::Value(u64::from(u32::MAX) + 1)
    );
    let valid_until: DateTime = "2024-03-07T23:59:58Z".parse().expect("dateTime");
    assert_eq!(quoted.valid_until, Lenient::Value(valid_until));
    assert_eq!(
        quoted.summary,
        Lenient::Value("quoted for ACME & Söhne".to_owned())
    );
}

#[tokio::test]
async fn the_server_checks_what_it_received() {
    assert_check_failed(
        client().quote_order(&quote(u32::MAX - 1)).await,
        "QuoteOrder.quantity",
    );
}
