//! spyne, points 1 and 5: records of spyne's second schema (`Numbers`, `Times` in
//! urn:stacks:spyne:types, their fields in that namespace although the request element is in
//! urn:stacks:spyne) holding `unsignedInt`/`unsignedLong` at their maximum (beyond i32/i64),
//! every byte value as `base64Binary`, and `dateTime`/`date`/`time`/`duration`. spyne's lxml
//! validator checks the shape and the lexical forms; the handlers compare the values exactly
//! (tests/stacks/spyne/server.py).

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::runtime::{Base64, Date, DateTime, Duration, Lenient, Time};
use stack_clients::spyne::{Client, Numbers, Times};

fn client() -> Client {
    Client::new(url("STACK_SPYNE_URL")).expect("client")
}

#[tokio::test]
async fn unsigned_integers_beyond_the_signed_ranges() {
    let numbers = Numbers {
        small: Lenient::Value(u32::MAX),
        big: Lenient::Value(u64::MAX),
        undeclared: Vec::new(),
    };
    let echoed = answer(
        "echo_unsigned",
        client().echo_unsigned(Some(&numbers)).await,
    );
    assert_eq!(echoed.echo_unsigned_result, Lenient::Value(numbers));
}

#[tokio::test]
async fn the_server_checks_the_unsigned_values() {
    let numbers = Numbers {
        small: Lenient::Value(u32::MAX),
        big: Lenient::Value(u64::MAX - 1),
        undeclared: Vec::new(),
    };
    assert_check_failed(
        client().echo_unsigned(Some(&numbers)).await,
        "echo_unsigned.big",
    );
}

#[tokio::test]
async fn every_byte_value_as_base64() {
    let bytes = Base64((0..=255).collect());
    let echoed = answer("echo_bytes", client().echo_bytes(Some(&bytes)).await);
    let reversed: Vec<u8> = bytes.iter().rev().copied().collect();
    assert_eq!(echoed.echo_bytes_result, Lenient::Value(Base64(reversed)));
}

fn times() -> Times {
    Times {
        at: Lenient::Value(
            "2024-02-29T23:59:58.123Z"
                .parse::<DateTime>()
                .expect("dateTime"),
        ),
        day: Lenient::Value(Date(jiff::civil::date(2024, 2, 29))),
        clock: Lenient::Value(Time(jiff::civil::time(7, 8, 9, 0))),
        span: Lenient::Value(Duration(
            jiff::Span::new().days(1).hours(2).minutes(3).seconds(4),
        )),
        undeclared: Vec::new(),
    }
}

#[tokio::test]
async fn dates_times_and_durations() {
    let times = times();
    let echoed = answer("echo_times", client().echo_times(Some(&times)).await);
    let Lenient::Value(got) = echoed.echo_times_result else {
        panic!("no times: {echoed:?}");
    };
    // The same moment, whichever way spyne writes UTC.
    let at = got.at.value().and_then(DateTime::timestamp);
    assert_eq!(
        at,
        Some("2024-02-29T23:59:58.123Z".parse().expect("timestamp"))
    );
    assert_eq!(got.day, times.day);
    assert_eq!(got.clock, times.clock);
    assert_eq!(got.span, times.span);
}

#[tokio::test]
async fn the_server_checks_the_times() {
    let mut times = times();
    times.span = Lenient::Value(Duration(jiff::Span::new().days(1).hours(2)));
    assert_check_failed(client().echo_times(Some(&times)).await, "echo_times.span");
}
