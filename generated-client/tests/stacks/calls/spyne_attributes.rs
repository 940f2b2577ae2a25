//! PENDING (tests/third_party_stacks.rs, CALLS): point 4. spyne's `Item` lives in its second
//! schema (urn:stacks:spyne:types, qualified), so its fields must be in that namespace
//! although `item` itself is in urn:stacks:spyne (point 1, merged, proven for `Numbers` and
//! `Times` by spyne_types.rs); `sku` is a required attribute and `price` is simpleContent (a
//! decimal) with a required `currency` attribute. spyne's lxml validator rejects any other
//! shape; the handler checks the values. No part of it runs without attributes: today's
//! client sends `Item` without them (`price` a plain `Decimal`), and spyne answers
//! `Client.SchemaValidationError`: "Element '{urn:stacks:spyne:types}price': The attribute
//! 'currency' is required but missing."
//!
//! Written against the API attributes are expected to generate (attributes as plain fields,
//! simpleContent's text as `value`): adjust the names when switching it on.

mod common;

use common::{answer, url};
use stack_clients::runtime::{Decimal, Lenient};
use stack_clients::spyne::{Client, Item, Money};

#[tokio::test]
async fn a_record_of_the_second_schema_with_attributes() {
    let client = Client::new(url("STACK_SPYNE_URL")).expect("client");
    let item = Item {
        sku: Lenient::Value("SKU-1".to_owned()),
        name: Lenient::Value("Widget".to_owned()),
        price: Lenient::Value(Money {
            currency: Lenient::Value("EUR".to_owned()),
            value: Lenient::Value("12.50".parse::<Decimal>().expect("decimal")),
        }),
        labels: vec!["x".to_owned(), "y".to_owned()],
    };
    let echoed = answer("echo_item", client.echo_item(Some(&item)).await);
    let Lenient::Value(got) = echoed.echo_item_result else {
        panic!("no item");
    };
    assert_eq!(got.sku, Lenient::Value("SKU-1".to_owned()));
    assert_eq!(got.name, Lenient::Value("Widget (seen)".to_owned()));
    assert_eq!(got.price, item.price);
    assert_eq!(got.labels, ["x", "y"]);
}
