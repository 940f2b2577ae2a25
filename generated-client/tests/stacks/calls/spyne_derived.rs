//! spyne, point 2. `get_shape` is declared to return a `Shape`; spyne answers a `Circle` or
//! `Square` (both extend `Shape`) marked with `xsi:type="s0:Circle"`, whose extra fields the
//! client keeps: the answer field is `Lenient<AnyShape>`, an enum over the base type and its
//! derived types selected by xsi:type (no xsi:type: the base type).

mod common;

use common::{answer, url};
use stack_clients::runtime::Lenient;
use stack_clients::spyne::{AnyShape, Client};

#[tokio::test]
async fn xsi_type_selects_the_derived_type() {
    let client = Client::new(url("STACK_SPYNE_URL")).expect("client");
    let circle = answer("get_shape circle", client.get_shape(Some("circle")).await);
    match circle.get_shape_result {
        Lenient::Value(AnyShape::Circle(c)) => {
            assert_eq!(c.name, Lenient::Value("c".to_owned()));
            assert_eq!(c.radius, Lenient::Value(1.5));
            assert!(c.undeclared.is_empty(), "{:?}", c.undeclared);
        }
        other => panic!("expected a Circle, got {other:?}"),
    }
    let square = answer("get_shape square", client.get_shape(Some("square")).await);
    match square.get_shape_result {
        Lenient::Value(AnyShape::Square(s)) => {
            assert_eq!(s.name, Lenient::Value("s".to_owned()));
            assert_eq!(s.side, Lenient::Value(2.0));
        }
        other => panic!("expected a Square, got {other:?}"),
    }
    let plain = answer("get_shape plain", client.get_shape(Some("plain")).await);
    match plain.get_shape_result {
        Lenient::Value(AnyShape::Shape(s)) => {
            assert_eq!(s.name, Lenient::Value("plain".to_owned()));
        }
        other => panic!("expected a plain Shape, got {other:?}"),
    }
}
