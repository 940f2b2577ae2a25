//! spyne, point 4. spyne's `Item` lives in its second schema (urn:stacks:spyne:types,
//! qualified), so its fields must be in that namespace although `item` itself is in
//! urn:stacks:spyne (point 1, proven for `Numbers` and `Times` by spyne_types.rs); `sku` is a
//! required attribute and `price` is simpleContent (a decimal, the generated `value`) with a
//! required `currency` attribute. spyne's lxml validator rejects any other shape
//! (`Client.SchemaValidationError`: "Element '{urn:stacks:spyne:types}price': The attribute
//! 'currency' is required but missing."); the handler checks the values and echoes the item,
//! so the answer proves that attributes and simpleContent text are read back.

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::runtime::{Decimal, Lenient};
use stack_clients::spyne::{Client, Item, Money};

fn item(currency: &str) -> Item {
    Item {
        sku: Lenient::Value("SKU-1".to_owned()),
        name: Lenient::Value("Widget".to_owned()),
        price: Lenient::Value(Money {
            currency: Lenient::Value(currency.to_owned()),
            value: Lenient::Value("12.50".parse::<Decimal>().expect("decimal")),
            undeclared: Vec::new(),
        }),
        labels: vec!["x".to_owned(), "y".to_owned()],
        undeclared: Vec::new(),
    }
}

#[tokio::test]
async fn a_record_of_the_second_schema_with_attributes() {
    let client = Client::new(url("STACK_SPYNE_URL")).expect("client");
    let item = item("EUR");
    let echoed = answer("echo_item", client.echo_item(Some(&item)).await);
    let Lenient::Value(got) = echoed.echo_item_result else {
        panic!("no item: {echoed:?}");
    };
    assert_eq!(got.sku, Lenient::Value("SKU-1".to_owned()));
    assert_eq!(got.name, Lenient::Value("Widget (seen)".to_owned()));
    assert_eq!(got.price, item.price);
    assert_eq!(got.labels, ["x", "y"]);
    assert!(got.undeclared.is_empty(), "{:?}", got.undeclared);
}

#[tokio::test]
async fn the_server_checks_the_attribute() {
    let client = Client::new(url("STACK_SPYNE_URL")).expect("client");
    assert_check_failed(
        client.echo_item(Some(&item("USD"))).await,
        "echo_item.price",
    );
}
