//! Which operations are safe to retry ([`Operation::idempotent`]): a failure after sending one
//! is a plain transport error, while any other may have placed an order and says so.
//!
//! The default rule, first match wins:
//! 1. the manifest's session login operation → idempotent;
//! 2. an HTTP `GET` → idempotent;
//! 3. the first word of the name (the HTTP action) that is a verb of [`READ_VERBS`] or
//!    [`WRITE_VERBS`] decides: `api_vps_get_services` (vps, get, …) and
//!    `api_api_validate_buy_vps` (validate before buy) read; `api_buy_license_prepay` and
//!    `api_update_status` do not;
//! 4. anything else (no verb known) → not idempotent: an unknown operation may place an order.
//!
//! The manifest's `[idempotent]` lists win over that rule, `no` over `yes`.

use crate::diag::Diagnostic;
use crate::ir::{Binding, HttpMethod, Operation};
use crate::naming;
use crate::read::manifest::{IdempotentSpec, Located};

/// Words that name an operation which only reads. `status` and `info` are left out: they are
/// as often what a write changes (`status_change`) as what a read returns.
const READ_VERBS: &[&str] = &[
    "get", "list", "search", "details", "check", "validate", "view", "show", "find", "lookup",
    "query", "read", "fetch", "count", "describe",
];

/// Words that name an operation which changes something; one before any read verb makes the
/// operation unsafe to retry even if a read verb follows (`update_status_get`).
const WRITE_VERBS: &[&str] = &[
    "activate",
    "add",
    "apply",
    "assign",
    "backup",
    "buy",
    "cancel",
    "change",
    "charge",
    "create",
    "delete",
    "disable",
    "edit",
    "enable",
    "install",
    "lock",
    "make",
    "modify",
    "move",
    "open",
    "order",
    "pay",
    "post",
    "purchase",
    "queue",
    "refund",
    "register",
    "reinstall",
    "remove",
    "renew",
    "reset",
    "restart",
    "restore",
    "save",
    "send",
    "set",
    "signup",
    "start",
    "stop",
    "submit",
    "suspend",
    "transfer",
    "unlock",
    "unsuspend",
    "update",
    "upgrade",
    "downgrade",
];

/// Sets [`Operation::idempotent`] on every operation: the default rule, then the manifest's
/// lists. Entries that match no operation are warnings at their manifest line.
pub fn apply(
    spec: &IdempotentSpec,
    login: Option<&str>,
    manifest_file: &str,
    operations: &mut [Operation],
    diags: &mut Vec<Diagnostic>,
) {
    for op in operations.iter_mut() {
        op.idempotent = by_default(op, login);
    }
    // `no` last, so that it wins when both lists match.
    for (entries, value) in [(&spec.yes, true), (&spec.no, false)] {
        for entry in entries {
            let mut matched = false;
            for op in operations.iter_mut().filter(|op| names(&entry.value, op)) {
                op.idempotent = value;
                matched = true;
            }
            if !matched {
                diags.push(unmatched(manifest_file, entry, value));
            }
        }
    }
}

fn unmatched(manifest_file: &str, entry: &Located<String>, value: bool) -> Diagnostic {
    let list = if value { "yes" } else { "no" };
    Diagnostic::warning(
        manifest_file,
        entry.line,
        format!(
            "[idempotent] {list}: `{}` matches no operation of this service",
            entry.value
        ),
    )
    .with_hint(
        "write an operation's wire name (HTTP: `action` or `group/action`); \
         `*` matches any characters",
    )
}

/// Whether a manifest pattern names an operation: its wire name, or for an HTTP operation
/// `group/action` too.
fn names(pattern: &str, op: &Operation) -> bool {
    glob(pattern, &op.name.wire)
        || op
            .group
            .as_ref()
            .is_some_and(|group| glob(pattern, &format!("{group}/{}", op.name.wire)))
}

/// The default rule (module docs).
fn by_default(op: &Operation, login: Option<&str>) -> bool {
    let get = matches!(&op.binding, Binding::Http(http) if http.method == HttpMethod::Get);
    login == Some(op.name.wire.as_str()) || get || reads_only(&op.name.wire)
}

/// Rule 3: the first verb in the name is a read verb.
pub fn reads_only(name: &str) -> bool {
    naming::words(name)
        .iter()
        .find_map(|word| {
            let word = word.as_str();
            if READ_VERBS.contains(&word) {
                Some(true)
            } else {
                WRITE_VERBS.contains(&word).then_some(false)
            }
        })
        .unwrap_or(false)
}

/// `*` matches any run of characters (none included); every other character itself.
fn glob(pattern: &str, name: &str) -> bool {
    let (pattern, name): (Vec<char>, Vec<char>) =
        (pattern.chars().collect(), name.chars().collect());
    // Greedy match with backtracking to the last `*`: linear in practice, never recursive.
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    p = sp + 1;
                    n = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests;
