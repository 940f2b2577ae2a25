//! Deterministic mutations of real inputs, for the randomised no-panic tests of the readers
//! (`codegen/tests/mutations.rs`) and of the runtime's decoders (`generated-client/tests/`,
//! which include this file by path).
//!
//! A tiny xorshift64* generator with a fixed seed, so every run tries exactly the same inputs
//! and a failure reproduces; no property-testing crate is needed for that. The edits are the
//! ones fuzzers find bugs with: byte flips, truncations, line deletions and duplications,
//! splices between inputs, deep nesting, huge numbers, invalid UTF-8 and stray syntax.
//! [`hammer`] runs a check on the inputs and their mutations and reports every failure.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// xorshift64* (Vigna): fast, good enough to spread edits, and reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        // The state must never be zero.
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        match u64::try_from(n) {
            Ok(0) | Err(_) => 0,
            Ok(n) => usize::try_from(self.next_u64() % n).unwrap_or(0),
        }
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high.saturating_sub(low) + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What a format nests with: an opener and its closer (`<a>`/`</a>`, `[`/`]`, `> `/``).
pub type Nesting = (&'static [u8], &'static [u8]);

/// How deep the nesting edit goes: far past any real document, and past any recursion a
/// parser could afford on a small stack.
pub const DEEP: usize = 10_000;

/// Past this size (bytes) an input gets no further edit: one deep nesting is hostile enough,
/// and duplicating it again only makes the test slower.
const GROWN: usize = 256 * 1024;

/// Numbers no field can hold.
const HUGE_NUMBERS: [&[u8]; 7] = [
    b"99999999999999999999999999999999999999",
    b"18446744073709551616",
    b"-9223372036854775809",
    b"1e999999",
    b"-0.000000000000000000000000000000000000000000001",
    b"4294967296",
    b"NaN",
];

/// Bytes that are not UTF-8 on their own, or that end a sequence early.
const BAD_UTF8: [&[u8]; 5] = [
    b"\xFF",
    b"\xC3",
    b"\xE2\x82",
    b"\xED\xA0\x80",
    b"\xF4\x90\x80\x80",
];

/// Mutates the real inputs of one format.
pub struct Mutator<'a> {
    rng: Rng,
    /// Every input of the format, for splices.
    inputs: &'a [Vec<u8>],
    /// How the format nests, for the deep-nesting edit.
    nestings: &'a [Nesting],
    /// Fragments of the format's syntax, inserted anywhere.
    tokens: &'a [&'a [u8]],
}

impl<'a> Mutator<'a> {
    pub fn new(
        seed: u64,
        inputs: &'a [Vec<u8>],
        nestings: &'a [Nesting],
        tokens: &'a [&'a [u8]],
    ) -> Self {
        Self {
            rng: Rng::new(seed),
            inputs,
            nestings,
            tokens,
        }
    }

    /// `input` with one to four edits; no edit is added once it has grown past [`GROWN`].
    pub fn mutate(&mut self, input: &[u8]) -> Vec<u8> {
        let mut data = input.to_vec();
        for _ in 0..self.rng.between(1, 4) {
            if data.len() > GROWN {
                break;
            }
            self.edit(&mut data);
        }
        data
    }

    fn edit(&mut self, data: &mut Vec<u8>) {
        let at = self.rng.below(data.len() + 1);
        match self.rng.below(10) {
            0 if at < data.len() => data[at] ^= 1 << self.rng.below(8),
            1 => {
                let bad = *self.rng.pick(&BAD_UTF8);
                data.splice(at..at, bad.iter().copied());
            }
            2 => data.truncate(at),
            3 => {
                let line = line_around(data, at);
                data.drain(line);
            }
            4 => {
                let line = line_around(data, at);
                let copy = data[line.clone()].repeat(self.rng.between(1, 3));
                data.splice(line.end..line.end, copy);
            }
            5 => {
                let other = self.rng.pick(self.inputs);
                let from = self.rng.below(other.len() + 1);
                data.truncate(at);
                data.extend_from_slice(&other[from..]);
            }
            6 if !self.nestings.is_empty() => {
                let (open, close) = *self.rng.pick(self.nestings);
                let depth = *self.rng.pick(&[DEEP / 100, DEEP / 10, DEEP]);
                let mut nested = open.repeat(depth);
                // Half the time closed again, so well-formed deep documents are tried too.
                if self.rng.below(2) == 0 {
                    nested.extend(close.repeat(depth));
                }
                data.splice(at..at, nested);
            }
            7 => {
                let digits = digits_around(data, at);
                let huge = *self.rng.pick(&HUGE_NUMBERS);
                data.splice(digits, huge.iter().copied());
            }
            _ if !self.tokens.is_empty() => {
                let token = *self.rng.pick(self.tokens);
                data.splice(at..at, token.iter().copied());
            }
            _ => {}
        }
    }
}

/// The line holding byte `at`, with its line end.
fn line_around(data: &[u8], at: usize) -> std::ops::Range<usize> {
    let at = at.min(data.len());
    let start = data[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let end = data[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(data.len(), |i| at + i + 1);
    start..end
}

/// The run of digits at or after byte `at` (empty at `at` when there is none).
fn digits_around(data: &[u8], at: usize) -> std::ops::Range<usize> {
    let at = at.min(data.len());
    let Some(start) = data[at..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|i| at + i)
    else {
        return at..at;
    };
    let end = data[start..]
        .iter()
        .position(|b| !b.is_ascii_digit())
        .map_or(data.len(), |i| start + i);
    start..end
}

/// What a format's mutations are made of.
pub struct Recipe<'a> {
    /// How the format nests, for the deep-nesting edit.
    pub nestings: &'a [Nesting],
    /// Fragments of the format's syntax, inserted anywhere.
    pub tokens: &'a [&'a [u8]],
}

/// Runs `check` on every input (name, content) as it is, then on `cases` mutations of them
/// made from `seed`; `check` returns what broke, and a panic counts as broken. Panics with
/// every failure found, each input saved in the test's scratch folder as `<what>-<case>` so it
/// can become a regression test.
pub fn hammer(
    what: &str,
    seed: u64,
    cases: usize,
    inputs: &[(String, Vec<u8>)],
    recipe: &Recipe<'_>,
    check: impl Fn(&str, &[u8]) -> Result<(), String>,
) {
    let contents: Vec<Vec<u8>> = inputs.iter().map(|(_, bytes)| bytes.clone()).collect();
    let mut mutator = Mutator::new(seed, &contents, recipe.nestings, recipe.tokens);
    let originals = inputs.iter().map(|(name, bytes)| (name, bytes.clone()));
    let mutations = schedule(inputs).take(cases).map(|input| {
        let (name, bytes) = &inputs[input];
        (name, mutator.mutate(bytes))
    });
    let mut failures = Vec::new();
    for (case, (name, bytes)) in originals.chain(mutations).enumerate() {
        let outcome = catch_unwind(AssertUnwindSafe(|| check(name, &bytes)))
            .unwrap_or_else(|panic| Err(format!("panicked: {}", panic_text(&*panic))));
        if let Err(broken) = outcome {
            let saved = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{what}-{case}"));
            let _ = std::fs::write(&saved, &bytes);
            failures.push(format!(
                "{name} case {case} ({}): {broken}",
                saved.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs broke the {what} check:\n{}",
        failures.len(),
        inputs.len() + cases,
        failures.join("\n")
    );
}

/// Input indexes, round-robin, except that a big input (InterServer's 130 KB WSDL) takes its
/// turn only every so many rounds: each turn costs as much as several small ones.
fn schedule(inputs: &[(String, Vec<u8>)]) -> impl Iterator<Item = usize> {
    let every: Vec<usize> = inputs.iter().map(|(_, b)| b.len() / BIG + 1).collect();
    (0..).flat_map(move |round| {
        let every = every.clone();
        (0..every.len()).filter(move |&i| round % every[i] == 0)
    })
}

/// What counts as big, in bytes.
const BIG: usize = 16 * 1024;

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_mutations() {
        let inputs = vec![b"<a>\n12\n</a>\n".to_vec(), b"x | y\n".to_vec()];
        let run = || {
            let mut m = Mutator::new(7, &inputs, &[(b"<b>", b"</b>")], &[b"&"]);
            (0..50).map(|_| m.mutate(&inputs[0])).collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
        assert!(run().iter().any(|m| m != &inputs[0]));
    }

    #[test]
    fn lines_and_digits_are_found() {
        assert_eq!(line_around(b"ab\ncd\nef", 4), 3..6);
        assert_eq!(line_around(b"ab", 2), 0..2);
        assert_eq!(digits_around(b"a 123 b", 0), 2..5);
        assert_eq!(digits_around(b"abc", 1), 1..1);
    }
}
