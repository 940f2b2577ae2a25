//! PHP `SoapServer`, point 4: attributes and a soap:header part.
//! `SaveOrder`'s `order` is in urn:stacks:php but its fields are in urn:stacks:php:types
//! (their own schema's elementFormDefault), `lines` is a wrapper list inside the record
//! (items `Line`, not SOAP-ENC `<item>`s), `currency` and `gift` are attributes, `Auth` is a
//! soap:header part, `quantity` reaches u32::MAX, `placedAt` is a dateTime and the answer's
//! `orderId` is an unsignedLong. The server checks all of it in the raw request
//! (tests/stacks/php/orders.php, `SaveOrder`).
//!
//! What php_quote.rs does not prove already (`QuoteOrder`, the same record without
//! attributes, no header): the `currency` and `gift` attributes (unqualified) and the `Auth`
//! header (`Option<&Auth>` after the request), whose `token` is a `Secret` (service.toml:
//! `secrets = ["Auth.token"]`).

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::php_soapserver::{Auth, Client, Line, Order};
use stack_clients::runtime::Lenient;

#[tokio::test]
async fn an_order_from_the_types_schema_behind_a_header() {
    let client = Client::new(url("STACK_PHP_ORDERS_URL")).expect("client");
    let auth = Auth {
        user: "clerk".to_owned(),
        token: "t0k3n&<>".into(),
    };
    let order = order();
    let saved = answer("SaveOrder", client.save_order(&order, Some(&auth)).await);
    // The server answers "18446744073709551615", which PHP's SoapServer writes through a PHP
    // int: i64::MAX at most (tests/stacks/README.md).
    assert_eq!(saved.order_id, Lenient::Value(i64::MAX as u64));
    assert_eq!(saved.line_count, Lenient::Value(2));
    assert_eq!(
        saved.summary,
        Lenient::Value("saved for ACME & Söhne".to_owned())
    );
}

fn order() -> Order {
    Order {
        currency: "EUR".to_owned(),
        customer: "ACME & Söhne".to_owned(),
        lines: vec![
            Line {
                gift: Some(true),
                sku: "A-1".to_owned(),
                quantity: 1,
            },
            Line {
                gift: None,
                sku: "B-2".to_owned(),
                quantity: u32::MAX,
            },
        ],
        placed_at: "2024-02-29T23:59:58Z".parse().expect("timestamp"),
    }
}

#[tokio::test]
async fn the_server_checks_the_header_and_the_attributes() {
    let client = Client::new(url("STACK_PHP_ORDERS_URL")).expect("client");
    assert_check_failed(
        client.save_order(&order(), None).await,
        "SaveOrder.header.user",
    );
    let auth = Auth {
        user: "clerk".to_owned(),
        token: "t0k3n&<>".into(),
    };
    let mut other = order();
    other.currency = "USD".to_owned();
    assert_check_failed(
        client.save_order(&other, Some(&auth)).await,
        "SaveOrder.order.currency",
    );
}
