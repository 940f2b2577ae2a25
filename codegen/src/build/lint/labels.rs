//! Response labels that look copied from another page: a label naming another product of the
//! service, or an action label ("Status of the Order deletion action") whose action differs
//! from the one the page's other labels and its operation speak of.

use crate::diag::{Diagnostic, Kind};
use crate::ir::Operation;
use crate::read::page::{Page, PageField};
use std::collections::BTreeMap;

/// Words that end the qualifier read backwards from `action` ("Id of the | Order deletion").
const STOP_WORDS: [&str; 17] = [
    "the",
    "a",
    "an",
    "of",
    "this",
    "that",
    "for",
    "to",
    "in",
    "on",
    "by",
    "with",
    "from",
    "its",
    "each",
    "and",
    "describing",
];
/// Most words a qualifier before `action` is read to.
const MAX_ACTION_WORDS: usize = 3;
/// Most words a product name spans ("Enterprise Email").
const MAX_PRODUCT_WORDS: usize = 4;
/// Letters a qualifier must share with the operation's name to be about it (`delet`ion,
/// `renew`al); a shorter action name (`add`) must be shared whole.
const STEM_LETTERS: usize = 4;

/// A product: an operation group by its normalised name (`enterpriseemail`).
pub type Products<'a> = BTreeMap<String, &'a str>;

/// The products of `operations`.
pub fn products(operations: &[Operation]) -> Products<'_> {
    operations
        .iter()
        .filter_map(|op| op.group.as_deref())
        .map(|group| (normalise(group), group))
        .collect()
}

/// Checks the labels of `page`'s response fields; `op` is the page's operation.
pub fn check(page: &Page, op: &Operation, products: &Products, diags: &mut Vec<Diagnostic>) {
    let labelled: Vec<(&PageField, Vec<Word>)> = page
        .response
        .fields
        .iter()
        .filter_map(|field| Some((field, words(field.label.as_deref()?))))
        .collect();
    if let Some(group) = op.group.as_deref() {
        for (field, words) in &labelled {
            other_product(&page.source.file, field, words, group, products, diags);
        }
    }
    odd_actions(&page.source.file, op, &labelled, diags);
}

/// A word of a label: as written (punctuation trimmed, possessive dropped) and normalised.
struct Word<'a> {
    text: &'a str,
    norm: String,
}

fn words(label: &str) -> Vec<Word<'_>> {
    label
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|token| {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            let text = token
                .strip_suffix("'s")
                .or_else(|| token.strip_suffix("\u{2019}s"))
                .unwrap_or(token);
            Word {
                text,
                norm: normalise(text),
            }
        })
        .filter(|word| !word.norm.is_empty())
        .collect()
}

/// Lower case, letters and digits only: "Enterprise Email" and `enterprise-email` meet as
/// `enterpriseemail`.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A run of a label's words spelling another group's name. A one-word name (`domains`,
/// `customers`) is an ordinary word too, so it counts only as "`<Product> Order`".
fn other_product(
    file: &str,
    field: &PageField,
    words: &[Word],
    own: &str,
    products: &Products,
    diags: &mut Vec<Diagnostic>,
) {
    let own = normalise(own);
    for start in 0..words.len() {
        for len in 1..=MAX_PRODUCT_WORDS {
            let Some(run) = words.get(start..start + len) else {
                break;
            };
            let name: String = run.iter().map(|w| w.norm.as_str()).collect();
            let Some(group) = products.get(&name).filter(|_| name != own) else {
                continue;
            };
            let ordered = words
                .get(start + len)
                .is_some_and(|w| w.norm == "order" || w.norm == "orders");
            if len == 1 && !ordered {
                continue;
            }
            let written: Vec<&str> = run.iter().map(|w| w.text).collect();
            diags.push(
                Diagnostic::warning(
                    file,
                    field.line,
                    format!(
                        "response label `{}` names `{}`, the product of group `{group}`, but \
                         this page documents group `{own}`",
                        label_of(field),
                        written.join(" ")
                    ),
                )
                .with_hint("the label was likely copied from another product's page")
                .with_kind(Kind::DocLint),
            );
            return;
        }
    }
}

/// Among the labels qualifying an action ("… Order deletion action"), one whose qualifier
/// differs from the one most labels share and is not about the operation either.
fn odd_actions(
    file: &str,
    op: &Operation,
    labelled: &[(&PageField, Vec<Word>)],
    diags: &mut Vec<Diagnostic>,
) {
    let qualified: Vec<(&PageField, &[Word])> = labelled
        .iter()
        .filter_map(|(field, words)| Some((*field, qualifier(words)?)))
        .collect();
    let mut counts: BTreeMap<Vec<&str>, usize> = BTreeMap::new();
    for (_, qualifier) in &qualified {
        *counts.entry(norms(qualifier)).or_default() += 1;
    }
    let Some((shared, _)) = counts
        .iter()
        .find(|&(_, &count)| count >= 2 && count * 2 > qualified.len())
    else {
        return;
    };
    let Some(expected) = qualified
        .iter()
        .map(|(_, q)| *q)
        .find(|q| norms(q) == *shared)
    else {
        return;
    };
    let action: Vec<String> = op
        .name
        .wire
        .split(['-', '_'])
        .map(normalise)
        .filter(|w| !w.is_empty())
        .collect();
    for (field, qualifier) in &qualified {
        if norms(qualifier) == *shared {
            continue;
        }
        let (odd, meant) = difference(qualifier, expected);
        let about_op = odd
            .iter()
            .any(|w| action.iter().any(|a| same_stem(&w.norm, a)));
        if odd.is_empty() || about_op {
            continue;
        }
        diags.push(
            Diagnostic::warning(
                file,
                field.line,
                format!(
                    "response label `{}` speaks of a `{}` action where the page's other labels \
                     say `{}` and the operation is `{}`",
                    label_of(field),
                    texts(odd),
                    texts(meant),
                    op.name.wire
                ),
            )
            .with_hint("the label was likely copied from another operation's page")
            .with_kind(Kind::DocLint),
        );
    }
}

/// The words qualifying the first `action` of a label, read backwards to a stop word.
fn qualifier<'w, 'a>(words: &'w [Word<'a>]) -> Option<&'w [Word<'a>]> {
    let at = words.iter().position(|w| w.norm == "action")?;
    let start = (0..at)
        .rev()
        .take(MAX_ACTION_WORDS)
        .take_while(|&i| {
            words
                .get(i)
                .is_some_and(|w| !STOP_WORDS.contains(&w.norm.as_str()))
        })
        .last()?;
    words.get(start..at)
}

/// Both qualifiers with the words they share at either end removed.
fn difference<'w, 'a>(
    odd: &'w [Word<'a>],
    shared: &'w [Word<'a>],
) -> (&'w [Word<'a>], &'w [Word<'a>]) {
    let same = |a: &Word, b: &Word| a.norm == b.norm;
    let front = odd
        .iter()
        .zip(shared)
        .take_while(|(a, b)| same(a, b))
        .count();
    let (odd, shared) = (
        odd.get(front..).unwrap_or_default(),
        shared.get(front..).unwrap_or_default(),
    );
    let back = odd
        .iter()
        .rev()
        .zip(shared.iter().rev())
        .take_while(|(a, b)| same(a, b))
        .count();
    (
        odd.get(..odd.len() - back).unwrap_or_default(),
        shared.get(..shared.len() - back).unwrap_or_default(),
    )
}

/// Whether a word is about an action name: `deletion` of `delete`, `addition` of `add`.
fn same_stem(word: &str, action: &str) -> bool {
    let common = word
        .chars()
        .zip(action.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common >= action.chars().count().min(STEM_LETTERS)
}

fn norms<'w>(words: &'w [Word]) -> Vec<&'w str> {
    words.iter().map(|w| w.norm.as_str()).collect()
}

fn texts(words: &[Word]) -> String {
    words.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

fn label_of(field: &PageField) -> &str {
    field.label.as_deref().unwrap_or_default().trim()
}
