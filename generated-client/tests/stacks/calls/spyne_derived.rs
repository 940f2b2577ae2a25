//! PENDING (tests/third_party_stacks.rs, CALLS): point 2. `get_shape` is declared to return a
//! `Shape`; spyne answers a `Circle` or `Square` (both extend `Shape`) marked with
//! `xsi:type="s0:Circle"`, whose extra fields the client must keep.
//!
//! Written before the feature landed, against the API it is expected to generate (an enum
//! over the base type and its derived types): adjust when switching it on.

mod common;

use common::{answer, url};
use stack_clients::runtime::Lenient;
use stack_clients::spyne::{Client, ShapeKind};

#[tokio::test]
async fn xsi_type_selects_the_derived_type() {
    let client = Client::new(url("STACK_SPYNE_URL")).expect("client");
    let circle = answer("get_shape circle", client.get_shape(Some("circle")).await);
    match circle.get_shape_result {
        Lenient::Value(ShapeKind::Circle(c)) => {
            assert_eq!(c.name, Some("c".to_owned()));
            assert_eq!(c.radius, Some(1.5));
        }
        other => panic!("expected a Circle, got {other:?}"),
    }
    let square = answer("get_shape square", client.get_shape(Some("square")).await);
    assert!(
        matches!(&square.get_shape_result, Lenient::Value(ShapeKind::Square(s)) if s.side == Some(2.0)),
        "{square:?}"
    );
    let plain = answer("get_shape plain", client.get_shape(Some("plain")).await);
    assert!(
        matches!(&plain.get_shape_result, Lenient::Value(ShapeKind::Shape(_))),
        "{plain:?}"
    );
}
