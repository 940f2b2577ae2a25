//! Decoding speed: answers as the real peers produce them, decoded into the generated types.
//!
//! - SOAP: `api_vps_get_services` with 10, 1,000 and 10,000 rows and a successful
//!   `api_api_buy_mail`, fetched at start from the PHP ext/soap `SoapServer` and NuSOAP peers
//!   (`tests/support/`; NuSOAP needs a few seconds for 10,000 rows). Each is decoded by
//!   `runtime::soap::decode_response` into `interserver::ArraySqlRowVps` /
//!   `interserver::BuyVpsResultStatus`, and tokenized by quick-xml's raw `Reader` as the
//!   baseline of the same run (NuSOAP's ISO-8859-1 answers are transcoded to UTF-8 for the
//!   tokenize first, outside its timing: quick-xml reads UTF-8 only).
//! - JSON: ResellerClub's renew answer (from the ResellerClub peer) into
//!   `resellerclub::enterpriseemail::RenewResponse`, and a 10,000-order search page made here
//!   into a typed page and into `Value`, all through `runtime::http::decode_response` (the
//!   lenient path); `serde_json::Value` is the baseline.
//!
//! `cargo bench -p generated-client --bench decode` (needs the peers' packages, see
//! `tests/peers/README.md`). Throughput is in answer bytes.

#[path = "../tests/support/mod.rs"]
mod support;

mod common;

use common::{ROW_COUNTS, server_name};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use generated_client::Value;
use generated_client::resellerclub::enterpriseemail::RenewResponse;
use generated_client::runtime::Response;
use generated_client::runtime::http::decode_response;
use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use std::fmt;
use std::hint::black_box;
use std::time::Duration;
use support::php::{PhpPeer, PhpServer};

/// Orders on the ResellerClub search page.
const SEARCH_ORDERS: usize = 10_000;

fn soap(c: &mut Criterion) {
    for server in [PhpServer::ExtSoap, PhpServer::Nusoap] {
        let peer = PhpPeer::start(server);
        let name = server_name(server);
        let mut group = c.benchmark_group(format!("soap/{name}"));
        for rows in ROW_COUNTS {
            let answer = common::services_answer(&peer, rows);
            // A 10,000-row decode takes tens of milliseconds: fewer samples keep the run short.
            group.sample_size(if rows >= 10_000 { 10 } else { 50 });
            group.throughput(Throughput::Bytes(answer.body.len() as u64));
            group.bench_with_input(
                BenchmarkId::new("vps_get_services/ours", rows),
                &answer,
                |b, answer| b.iter_with_large_drop(|| common::decode_services(black_box(answer))),
            );
            group.bench_with_input(
                BenchmarkId::new("vps_get_services/tokenize", rows),
                &common::tokenize_input(&answer),
                |b, body| b.iter(|| common::tokenize(black_box(body))),
            );
        }
        let answer = common::buy_mail_answer(&peer);
        group.sample_size(100);
        group.throughput(Throughput::Bytes(answer.body.len() as u64));
        group.bench_with_input("buy_mail/ours", &answer, |b, answer| {
            b.iter_with_large_drop(|| common::decode_buy_mail(black_box(answer)))
        });
        group.bench_with_input(
            "buy_mail/tokenize",
            &common::tokenize_input(&answer),
            |b, body| b.iter(|| common::tokenize(black_box(body))),
        );
        group.finish();
    }
}

fn json(c: &mut Criterion) {
    let mut group = c.benchmark_group("json");
    let renew = common::renew_answer();
    group.throughput(Throughput::Bytes(renew.body.len() as u64));
    group.bench_function("renew/ours", |b| {
        b.iter_batched(
            || renew.clone(),
            decode_response::<RenewResponse>,
            criterion::BatchSize::SmallInput,
        )
    });

    let search = common::search_page(SEARCH_ORDERS);
    let page: SearchPage = decode_response(search.clone()).expect("the search page decodes");
    assert_eq!(
        (page.orders.len(), page.on_page, page.in_db),
        (
            SEARCH_ORDERS,
            SEARCH_ORDERS as u32,
            3 * SEARCH_ORDERS as u64
        )
    );
    group.throughput(Throughput::Bytes(search.body.len() as u64));
    group.sample_size(10);
    let id = |what| BenchmarkId::new(what, SEARCH_ORDERS);
    group.bench_with_input(id("search/ours-typed"), &search, |b, search| {
        b.iter_batched(
            || search.clone(),
            decode_response::<SearchPage>,
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_with_input(id("search/ours-value"), &search, |b, search| {
        b.iter_batched(
            || search.clone(),
            decode_response::<Value>,
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_with_input(
        id("search/serde_json-value"),
        &search,
        |b, search: &Response| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&search.body)))
        },
    );
    group.finish();
}

/// One order of a search page, typed as a generated client types a documented answer.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // Decoded to be measured, never read.
struct Order {
    #[serde(rename = "orders.orderid")]
    order_id: i64,
    #[serde(rename = "entity.entityid")]
    entity_id: i64,
    #[serde(rename = "entity.description")]
    description: String,
    #[serde(rename = "entity.currentstatus")]
    current_status: String,
    #[serde(rename = "entity.customerid")]
    customer_id: i64,
    #[serde(rename = "entitytype.entitytypekey")]
    entity_type_key: String,
    #[serde(rename = "orders.creationtime")]
    creation_time: i64,
    #[serde(rename = "orders.endtime")]
    end_time: i64,
}

/// A search page: the orders under their numbered keys, and the two counts beside them.
#[derive(Debug)]
struct SearchPage {
    orders: Vec<Order>,
    on_page: u32,
    in_db: u64,
}

impl generated_client::runtime::Answer for SearchPage {}

impl<'de> Deserialize<'de> for SearchPage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PageVisitor;
        impl<'de> Visitor<'de> for PageVisitor {
            type Value = SearchPage;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a search page")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SearchPage, A::Error> {
                let mut page = SearchPage {
                    orders: Vec::with_capacity(map.size_hint().unwrap_or(0)),
                    on_page: 0,
                    in_db: 0,
                };
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "recsonpage" => page.on_page = map.next_value()?,
                        "recsindb" => page.in_db = map.next_value()?,
                        _ => page.orders.push(map.next_value()?),
                    }
                }
                Ok(page)
            }
        }
        deserializer.deserialize_map(PageVisitor)
    }
}

fn config() -> Criterion {
    // Two shared cores: shorter runs, repeated, beat long ones for stable figures.
    Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(4))
}

criterion_group! {
    name = benches;
    config = config();
    targets = soap, json
}
criterion_main!(benches);
