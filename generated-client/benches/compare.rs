//! The release half of `cargo xtask bench-compare`: decodes the 10,000-row
//! `api_vps_get_services` answer of the PHP ext/soap peer with our generated client and
//! tokenizes it with raw quick-xml, and measures the decoder's peak heap.
//!
//! Run by xtask as `cargo bench -p generated-client --bench compare` (a `harness = false`
//! bench target, so it is built with the optimized `bench` profile; `bench = false` keeps it
//! out of a plain `cargo bench`). When `BENCH_COMPARE_ENVELOPE` names a file, the envelope is
//! written there for the PHP SoapClient half. The last line is for xtask:
//! `RESULT ours_ms=<ms> tokenize_ms=<ms> envelope_bytes=<n> peak_bytes=<n> rows=<n> runs=<n>`.
//!
//! Times: one warm-up, then the median of [`RUNS`] runs, each timed alone. Memory: a
//! counting global allocator, switched on for one extra decode only (so the timed runs pay
//! nothing for it), reports the highest live heap above what was allocated before the decode
//! started; the envelope itself is allocated before and not counted in it.

#[path = "../tests/support/mod.rs"]
mod support;

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::Instant;
use support::php::{PhpPeer, PhpServer};

/// Rows in the compared answer.
const ROWS: usize = 10_000;
/// Timed runs after the warm-up; PHP's side uses the same count.
const RUNS: usize = 5;
/// Where to write the envelope for PHP.
const ENVELOPE_VAR: &str = "BENCH_COMPARE_ENVELOPE";

fn main() {
    let peer = PhpPeer::start(PhpServer::ExtSoap);
    let answer = common::services_answer(&peer, ROWS);
    drop(peer);
    if let Some(path) = std::env::var_os(ENVELOPE_VAR) {
        std::fs::write(&path, &answer.body)
            .unwrap_or_else(|e| panic!("write {}: {e}", path.to_string_lossy()));
    }

    let ours = median_ms("ours", || {
        let rows = common::decode_services(black_box(&answer)).expect("decodes");
        assert_eq!(rows.len(), ROWS);
        rows
    });
    let tokenize = median_ms("tokenize", || common::tokenize(black_box(&answer.body)));

    let (rows, peak) = heap_peak(|| common::decode_services(&answer).expect("decodes"));
    let envelope = answer.body.len();
    println!(
        "ours peak heap: {peak} bytes above the envelope ({:.2}× the envelope; {:.2}× with it)",
        peak as f64 / envelope as f64,
        (peak + envelope) as f64 / envelope as f64
    );
    println!(
        "RESULT ours_ms={ours:.3} tokenize_ms={tokenize:.3} envelope_bytes={envelope} \
         peak_bytes={peak} rows={} runs={RUNS}",
        rows.len()
    );
}

/// One warm-up, then the median of [`RUNS`] timed runs, in milliseconds; prints each run.
fn median_ms<T>(what: &str, mut run: impl FnMut() -> T) -> f64 {
    drop(black_box(run()));
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let output = run();
            let elapsed = started.elapsed();
            // Freeing the output is not part of decoding.
            drop(black_box(output));
            elapsed.as_secs_f64() * 1e3
        })
        .collect();
    let shown: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
    println!("{what} runs (ms): {}", shown.join(" "));
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

/// Runs `f` with the allocator counting: its output and the highest live heap, in bytes,
/// above the level at the start.
fn heap_peak<T>(f: impl FnOnce() -> T) -> (T, usize) {
    LIVE.store(0, Ordering::SeqCst);
    PEAK.store(0, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let output = f();
    COUNTING.store(false, Ordering::SeqCst);
    let peak = PEAK.load(Ordering::SeqCst);
    (output, usize::try_from(peak).unwrap_or(0))
}

/// Whether allocations are being counted.
static COUNTING: AtomicBool = AtomicBool::new(false);
/// Bytes allocated minus bytes freed while counting (negative when older blocks are freed).
static LIVE: AtomicIsize = AtomicIsize::new(0);
/// The highest [`LIVE`] seen while counting.
static PEAK: AtomicIsize = AtomicIsize::new(0);

/// The system allocator, counting live bytes while [`COUNTING`] is on.
struct Counting;

impl Counting {
    fn record(delta: isize) {
        if COUNTING.load(Ordering::Relaxed) {
            let live = LIVE.fetch_add(delta, Ordering::Relaxed) + delta;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
    }
}

fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

// SAFETY: every call is forwarded unchanged to the system allocator; counting only reads the
// sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            Self::record(signed(layout.size()));
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc` is passed on as is.
        unsafe { System.dealloc(block, layout) };
        Self::record(-signed(layout.size()));
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract for `realloc` is passed on as is.
        let moved = unsafe { System.realloc(block, layout, new_size) };
        if !moved.is_null() {
            Self::record(signed(new_size) - signed(layout.size()));
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;
