//! Sample code against the operation: each sample must call the page's operation with as many
//! arguments as it takes, and must not feed one input to two differently named parameters.

use super::scan::{self, Arg, Call, Lang, Scan};
use crate::diag::{Diagnostic, Kind};
use crate::ir::Operation;
use crate::read::page::{Page, Sample};
use std::collections::BTreeMap;

/// Hops followed from a variable to the value assigned to it; ends cycles such as `a = b; b = a`.
const MAX_HOPS: usize = 8;

/// Checks every sample of `page`, whose operation is `op`, in a language [`Lang`] knows;
/// `operations` are the service's, to name the parameters of the other calls a sample makes.
pub fn check(page: &Page, op: &Operation, operations: &[Operation], diags: &mut Vec<Diagnostic>) {
    for sample in &page.samples {
        if let Some(lang) = Lang::of(&sample.language) {
            SampleLint {
                file: &page.source.file,
                sample,
                lang,
                op,
                operations,
                diags: &mut *diags,
            }
            .run();
        }
    }
}

struct SampleLint<'a> {
    file: &'a str,
    sample: &'a Sample,
    lang: Lang,
    op: &'a Operation,
    operations: &'a [Operation],
    diags: &'a mut Vec<Diagnostic>,
}

/// Where one input went: passed as parameter `param` to the call of `op` at `line`.
struct Binding<'a> {
    param: &'a str,
    op: &'a str,
    line: u32,
}

/// Two calls, each as (line, operation), that an input reached under different names.
type CallPair<'a> = ((u32, &'a str), (u32, &'a str));

/// An input, and the parameter it fills in the first and in the later call of a [`CallPair`].
struct Clash<'a> {
    source: &'a str,
    first: &'a str,
    later: &'a str,
}

impl<'a> SampleLint<'a> {
    fn run(&mut self) {
        let found = scan::scan(&self.sample.code, self.lang, &|name| {
            self.operation(name).is_some()
        });
        let own: Vec<&Call> = found
            .calls
            .iter()
            .filter(|call| {
                self.operation(&call.name)
                    .is_some_and(|op| std::ptr::eq(op, self.op))
            })
            .collect();
        // A sample that names the operation only in a way the scanner cannot read (a string
        // passed to `__soapCall`, savon options before `message`) is left alone.
        if own.is_empty() && !self.sample.code.contains(self.op.name.wire.as_str()) {
            self.warn(
                self.sample.line,
                format!(
                    "the {} sample never calls `{}`",
                    self.lang.name(),
                    self.op.name.wire
                ),
                "the sample was likely copied from another operation's page",
            );
        }
        for call in own {
            self.count(call);
        }
        self.bindings(&found);
    }

    /// The service's operation a sample's name calls: exact spelling first, else the only one
    /// equal ignoring case; the page's own operation wins a tie (HTTP actions repeat across
    /// groups).
    fn operation(&self, name: &str) -> Option<&'a Operation> {
        if self.op.name.wire == name {
            return Some(self.op);
        }
        if let Some(op) = self.operations.iter().find(|op| op.name.wire == name) {
            return Some(op);
        }
        if self.op.name.wire.eq_ignore_ascii_case(name) {
            return Some(self.op);
        }
        let mut loose = self
            .operations
            .iter()
            .filter(|op| op.name.wire.eq_ignore_ascii_case(name));
        match (loose.next(), loose.next()) {
            (Some(op), None) => Some(op),
            _ => None,
        }
    }

    fn line(&self, call_line: u32) -> u32 {
        // The sample's line is its opening fence; the code starts on the next line.
        self.sample.line.saturating_add(1).saturating_add(call_line)
    }

    fn warn(&mut self, line: u32, message: String, hint: &str) {
        self.diags.push(
            Diagnostic::warning(self.file, line, message)
                .with_hint(hint)
                .with_kind(Kind::DocLint),
        );
    }

    fn count(&mut self, call: &Call) {
        let (given, takes) = (call.args.len(), self.op.params.len());
        if given == takes {
            return;
        }
        let names: Vec<&str> = self
            .op
            .params
            .iter()
            .map(|p| p.name.wire.as_str())
            .collect();
        let listed = if names.is_empty() {
            String::new()
        } else {
            format!(" ({})", names.join(", "))
        };
        self.warn(
            self.line(call.line),
            format!(
                "the {} sample calls `{}` with {}, but it takes {}{listed}",
                self.lang.name(),
                call.name,
                plural(given, "argument"),
                plural(takes, "parameter"),
            ),
            "make the sample pass every parameter of the table, in its order",
        );
    }

    /// Each argument bound to the parameter it fills; then any input bound to two differently
    /// named parameters is reported once per pair.
    fn bindings(&mut self, found: &Scan) {
        let mut by_source: BTreeMap<String, Vec<Binding<'a>>> = BTreeMap::new();
        for call in &found.calls {
            let Some(op) = self.operation(&call.name) else {
                continue;
            };
            for (index, arg) in call.args.iter().enumerate() {
                let Some(param) = self.param_of(op, index, arg, call.line) else {
                    continue;
                };
                self.named_after_another(op, param, arg, call.line);
                let Some(source) = input(found, &arg.value) else {
                    continue;
                };
                by_source.entry(source).or_default().push(Binding {
                    param,
                    op: &op.name.wire,
                    line: call.line,
                });
            }
        }
        // One warning per pair of calls, naming every input they share under different names:
        // an argument list shifted by one shows as several inputs at once.
        let mut clashes: BTreeMap<CallPair, Vec<Clash>> = BTreeMap::new();
        for (source, bindings) in &by_source {
            let Some(first) = bindings.first() else {
                continue;
            };
            let mut seen: Vec<&str> = vec![first.param];
            for later in bindings.iter().skip(1) {
                if !seen.contains(&later.param) {
                    seen.push(later.param);
                    clashes
                        .entry(((first.line, first.op), (later.line, later.op)))
                        .or_default()
                        .push(Clash {
                            source,
                            first: first.param,
                            later: later.param,
                        });
                }
            }
        }
        for (((first_line, first_op), (later_line, later_op)), inputs) in clashes {
            self.warn(
                self.line(later_line),
                format!(
                    "the {} sample passes {} to `{first_op}` (line {}), but {} to `{later_op}`",
                    self.lang.name(),
                    passed_as(inputs.iter().map(|c| (c.source, c.first))),
                    self.line(first_line),
                    passed_as(inputs.iter().map(|c| (c.source, c.later))),
                ),
                "one of them is likely the wrong variable; each parameter needs its own value",
            );
        }
    }

    /// The parameter an argument fills: its key, or the parameter at its position. A key the
    /// operation does not take is reported.
    fn param_of(
        &mut self,
        op: &'a Operation,
        index: usize,
        arg: &Arg,
        line: u32,
    ) -> Option<&'a str> {
        let Some(key) = &arg.name else {
            return op.params.get(index).map(|p| p.name.wire.as_str());
        };
        let param = op.params.iter().find(|p| p.name.wire == *key).or_else(|| {
            op.params
                .iter()
                .find(|p| p.name.wire.eq_ignore_ascii_case(key))
        });
        if param.is_none() {
            let names: Vec<&str> = op.params.iter().map(|p| p.name.wire.as_str()).collect();
            self.warn(
                self.line(line),
                format!(
                    "the {} sample passes `{key}` to `{}`, which takes no such parameter",
                    self.lang.name(),
                    op.name.wire
                ),
                &format!("its parameters are: {}", names.join(", ")),
            );
        }
        param.map(|p| p.name.wire.as_str())
    }

    /// A variable named after one parameter but passed as another (`op($coupon, $sid)`).
    fn named_after_another(&mut self, op: &Operation, param: &str, arg: &Arg, line: u32) {
        let Some(variable) = variable_name(&arg.value) else {
            return;
        };
        if variable.eq_ignore_ascii_case(param) {
            return;
        }
        if let Some(other) = op
            .params
            .iter()
            .find(|p| p.name.wire.eq_ignore_ascii_case(variable))
        {
            self.warn(
                self.line(line),
                format!(
                    "the {} sample passes `{}` as `{param}` to `{}`, but `{}` is another of its \
                     parameters",
                    self.lang.name(),
                    arg.value,
                    op.name.wire,
                    other.name.wire
                ),
                "the arguments look swapped or misplaced",
            );
        }
    }
}

/// The caller's input an argument carries, followed through simple assignments
/// (`$coupon = $ARGV[2]` makes `$coupon` mean `$ARGV[2]`), white space removed. `None` for a
/// literal, and for a value derived from a call's result: a session id from the login call, or
/// an id another call returned, may rightly go to parameters of different names.
fn input(found: &Scan, value: &str) -> Option<String> {
    let mut value = value.to_owned();
    for _ in 0..MAX_HOPS {
        if from_call(found, &value, MAX_HOPS) {
            return None;
        }
        let next = variable_name(&value)
            .and_then(|name| found.assignments.get(name))
            .and_then(|rhs| match rhs.as_slice() {
                [only] => Some(only.clone()),
                _ => None,
            });
        match next {
            Some(rhs) => value = rhs,
            None => break,
        }
    }
    let source: String = value.split_whitespace().collect();
    (!is_literal(&source)).then_some(source)
}

/// Whether an expression calls something or reads a variable assigned from a call.
fn from_call(found: &Scan, expr: &str, hops: usize) -> bool {
    if expr.contains('(') {
        return true;
    }
    hops > 0
        && identifiers(expr).any(|name| {
            found.assignments.get(name).is_some_and(|rhs| {
                rhs.iter()
                    .any(|r| r.contains('(') || from_call(found, r, hops - 1))
            })
        })
}

fn identifiers(expr: &str) -> impl Iterator<Item = &str> {
    expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
}

/// `$name` or `name`: a plain variable, named without its sigil.
fn variable_name(value: &str) -> Option<&str> {
    let name = value.trim().strip_prefix('$').unwrap_or(value.trim());
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    plain.then_some(name)
}

/// Numbers, strings, booleans, nothing, and empty collections.
fn is_literal(expr: &str) -> bool {
    let lower = expr.to_ascii_lowercase();
    let unsigned = lower.strip_prefix('-').unwrap_or(&lower);
    unsigned.starts_with(|c: char| c.is_ascii_digit())
        || lower.starts_with(['\'', '"'])
        || matches!(
            lower.as_str(),
            "true" | "false" | "nil" | "none" | "null" | "undef" | "[]" | "{}" | "array()"
        )
}

/// "`ARGV[0]` as `username` and `ARGV[1]` as `password`".
fn passed_as<'s>(inputs: impl Iterator<Item = (&'s str, &'s str)>) -> String {
    inputs
        .map(|(source, param)| format!("`{source}` as `{param}`"))
        .collect::<Vec<_>>()
        .join(" and ")
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
