//! PENDING (tests/third_party_stacks.rs, CALLS): points 1 and 5. Records of spyne's second
//! schema holding `unsignedInt`/`unsignedLong` at their maximum (beyond i32/i64), every byte
//! value as `base64Binary`, and `dateTime`/`date`/`time`/`duration`. spyne validates the
//! lexical forms; the handlers compare the values exactly.
//!
//! Written before the feature landed, against the API it is expected to generate (u32/u64,
//! `Vec<u8>`, jiff `Timestamp`/`civil::Date`/`civil::Time`/`SignedDuration`): adjust when
//! switching it on.

mod common;

use common::{answer, url};
use stack_clients::runtime::Lenient;
use stack_clients::spyne::{Client, Numbers, Times};

fn client() -> Client {
    Client::new(url("STACK_SPYNE_URL")).expect("client")
}

#[tokio::test]
async fn unsigned_integers_beyond_the_signed_ranges() {
    let numbers = Numbers {
        small: Lenient::Value(u32::MAX),
        big: Lenient::Value(u64::MAX),
    };
    let echoed = answer(
        "echo_unsigned",
        client().echo_unsigned(Some(&numbers)).await,
    );
    assert_eq!(echoed.echo_unsigned_result, Lenient::Value(numbers));
}

#[tokio::test]
async fn every_byte_value_as_base64() {
    let bytes: Vec<u8> = (0..=255).collect();
    let echoed = answer("echo_bytes", client().echo_bytes(Some(&bytes)).await);
    let reversed: Vec<u8> = bytes.iter().rev().copied().collect();
    assert_eq!(echoed.echo_bytes_result, Lenient::Value(reversed));
}

#[tokio::test]
async fn dates_times_and_durations() {
    let times = Times {
        at: Lenient::Value("2024-02-29T23:59:58.123Z".parse().expect("timestamp")),
        day: Lenient::Value(jiff::civil::date(2024, 2, 29)),
        clock: Lenient::Value(jiff::civil::time(7, 8, 9, 0)),
        span: Lenient::Value(jiff::SignedDuration::from_secs(93_784)),
    };
    let echoed = answer("echo_times", client().echo_times(Some(&times)).await);
    assert_eq!(echoed.echo_times_result, Lenient::Value(times));
}
