//! Money is exact: an amount is [`Scalar::Decimal`], never a float (`0.1 + 0.2`), and not an
//! integer either, since vendors document `Integer` for amounts that carry cents.
//!
//! A number (any integer or floating type, or a list of them) becomes a decimal when
//! [`is_money`] says its wire name, or its label where the page gives one (ResellerClub's
//! response keys), names an amount. This holds for struct fields, SOAP parts, page parameters
//! and response keys, in requests and answers alike. `xsd:decimal` is a decimal already.
//! A lone SOAP `return` part has no name to judge by: the manifest's `[types]` corrects it.

use crate::ir::{Operation, Output, Scalar, TypeDef, TypeKind, TypeRef};
use crate::naming;

/// Words that name an amount of money. A plural counts (`fees`), and so does a glued word
/// ending in one (`sellingamount`, `totalcost`) in a wire name.
const MONEY: &[&str] = &[
    "amount", "cost", "price", "fee", "total", "balance", "discount", "credit",
];

/// Words that name how many of something there are: such a number is a count.
const COUNTS: &[&str] = &[
    "count", "number", "num", "qty", "quantity", "records", "pages", "rows", "items", "entries",
    "results",
];

/// Whether a value named `name` (a wire name) and labelled `label` is an amount of money.
/// Case is ignored; words are split as the naming rules split them. First match wins:
/// 1. the name's last word is or ends with `id`/`ids` (`loadbalancer_id`, `orderid`; but not
///    `paid`) → an identifier, not money;
/// 2. the label starts with `Whether`, or the name's first word is `is` or `has` → a yes/no
///    flag, not money;
/// 3. a word of the name or label is a count word ([`COUNTS`]: `total_count`,
///    `total_records`, "Total number of Orders") → a count, not money;
/// 4. a word of the name is, or ends with, a money word ([`MONEY`]) or its plural
///    (`discount-amount`, `sellingamount`, `fees`), or a word of the label is one ("Selling
///    Curreny Amount") → money;
/// 5. otherwise not money (`feedback`, `loadbalancer`).
pub fn is_money(name: &str, label: Option<&str>) -> bool {
    let name = naming::words(name);
    let label_text = label.unwrap_or_default().trim().to_ascii_lowercase();
    let label = naming::words(&label_text);
    let identifier = name.last().is_some_and(|last| {
        (last.ends_with("id") || last.ends_with("ids")) && !last.ends_with("paid")
    });
    let flag = label_text.starts_with("whether")
        || name
            .first()
            .is_some_and(|first| first == "is" || first == "has");
    let count = name
        .iter()
        .chain(&label)
        .any(|w| COUNTS.contains(&w.as_str()));
    if identifier || flag || count {
        return false;
    }
    name.iter().any(|word| money_word(word, true))
        || label.iter().any(|word| money_word(word, false))
}

/// `word` is a money word or its plural, or (`glued`) ends with one. Every money word makes
/// its plural with `s`.
fn money_word(word: &str, glued: bool) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    MONEY
        .iter()
        .any(|money| singular == *money || (glued && singular.ends_with(money)))
}

/// `scalar` as the money rule types a value named `name` and labelled `label`: a number that
/// is money becomes [`Scalar::Decimal`]; anything else is kept.
pub fn exact(scalar: Scalar, name: &str, label: Option<&str>) -> Scalar {
    let number = matches!(
        scalar,
        Scalar::Int
            | Scalar::Long
            | Scalar::UnsignedByte
            | Scalar::UnsignedShort
            | Scalar::UnsignedInt
            | Scalar::UnsignedLong
            | Scalar::Float
            | Scalar::Double
    );
    if number && is_money(name, label) {
        Scalar::Decimal
    } else {
        scalar
    }
}

/// Applies the money rule, by wire name, to every struct field, parameter and named answer.
pub fn apply(types: &mut [TypeDef], operations: &mut [Operation]) {
    for ty in types {
        if let TypeKind::Struct { fields, .. } = &mut ty.kind {
            for field in fields {
                if let Some(declared) = retype(&mut field.ty, &field.name.wire) {
                    field.declared.get_or_insert(declared);
                }
            }
        }
    }
    for op in operations {
        for param in &mut op.params {
            if let Some(declared) = retype(&mut param.ty, &param.name.wire) {
                param.declared.get_or_insert(declared);
            }
        }
        if let Output::Value { name, ty, .. } = &mut op.output {
            retype(ty, &name.wire);
        }
    }
}

/// A scalar, or the items of a list of scalars, retyped by [`exact`]; the scalar it replaced,
/// if it changed (encoded requests still name it in `xsi:type`).
fn retype(ty: &mut TypeRef, name: &str) -> Option<Scalar> {
    match ty {
        TypeRef::Scalar(scalar) => {
            let before = *scalar;
            *scalar = exact(before, name, None);
            (*scalar != before).then_some(before)
        }
        TypeRef::List(item) | TypeRef::TextList(item) => retype(item, name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retyping_keeps_the_declared_scalar() {
        let mut ty = TypeRef::List(Box::new(TypeRef::Scalar(Scalar::Float)));
        assert_eq!(retype(&mut ty, "fees"), Some(Scalar::Float));
        assert_eq!(
            ty,
            TypeRef::List(Box::new(TypeRef::Scalar(Scalar::Decimal)))
        );
        // Already exact, or no amount: nothing replaced.
        assert_eq!(retype(&mut ty, "fees"), None);
        let mut id = TypeRef::Scalar(Scalar::Int);
        assert_eq!(retype(&mut id, "order_id"), None);
    }

    #[test]
    fn money_rule_table() {
        let cases: &[(&str, Option<&str>, bool)] = &[
            // Rule 4: money words, split, glued, plural.
            ("amount", None, true),
            ("discount-amount", Some("Discount"), true),
            ("service_cost", None, true),
            ("server_total_cost", None, true),
            ("sellingamount", Some("Selling Curreny Amount"), true),
            ("totalcost", None, true),
            ("fees", None, true),
            ("credits", None, true),
            ("prices", None, true),
            ("invoices_amount", None, true),
            ("total", Some("Amount charged"), true),
            ("subtotal", None, true),
            ("balance", None, true),
            ("x", Some("The price paid"), true),
            // Rule 1: identifiers.
            ("loadbalancer_id", None, false),
            ("credit_id", None, false),
            ("discountid", None, false),
            ("amount_paid", None, true),
            // Rule 2: flags.
            ("has_credit", None, false),
            ("is_discounted", None, false),
            ("discount", Some("Whether a discount applies"), false),
            // Rule 3: counts.
            ("total_count", None, false),
            ("total_records", None, false),
            ("recsindb", Some("Total number of Orders that match"), false),
            ("totalPages", None, false),
            // Rule 5: nothing about money, or money only inside another word.
            ("feedback", None, false),
            ("loadbalancer", None, false),
            ("creditcard", None, false),
            ("months", None, false),
            ("prepay_remaining", None, false),
            ("", None, false),
            ("x", Some("Totally free"), false),
        ];
        for &(name, label, want) in cases {
            assert_eq!(is_money(name, label), want, "{name} / {label:?}");
        }
    }

    #[test]
    fn only_numbers_become_decimal() {
        use Scalar::*;
        assert_eq!(exact(Float, "cost", None), Decimal);
        assert_eq!(exact(Double, "cost", None), Decimal);
        assert_eq!(exact(Int, "amount", None), Decimal);
        assert_eq!(exact(Long, "amount", None), Decimal);
        assert_eq!(exact(String, "amount", None), String);
        assert_eq!(exact(Boolean, "credit", None), Boolean);
        assert_eq!(exact(Float, "server_date", None), Float);
        let mut list = TypeRef::List(Box::new(TypeRef::Scalar(Long)));
        retype(&mut list, "prices");
        assert_eq!(list, TypeRef::List(Box::new(TypeRef::Scalar(Decimal))));
    }
}
