//! What a doc page's type words mean. One interpretation for every page format: an HTTP page's
//! types become parameter types, an InterServer page's types are checked against the WSDL.
//! Response keys that a page leaves untyped get a type from [`response_key_type`].

use super::money;
use crate::ir::{Scalar, TypeDef, TypeKind, TypeRef};

/// A page's type text, interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageType {
    /// A type the page names fully (`Integer`, `Array of Strings`, `tns:license_type[]`).
    Known(TypeRef),
    /// `array`: a list whose items the page does not name.
    AnyList,
    /// One half of a key/value map parameter (`Map[name]`, `Map[value]`).
    MapHalf(MapHalf),
    /// A type text the generator does not know.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapHalf {
    Key,
    Value,
}

/// Interprets a type as a page writes it, ignoring case: `string`, `int`/`integer`/`long`,
/// `float`/`double`, `bool`/`boolean`, `array`, `Array of <scalar>s`, `Map[name]`/`Map[value]`,
/// `tns:X`, `tns:X[]` (an optional `xsd:` prefix is allowed on scalars).
pub fn parse(text: &str) -> PageType {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    if let Some(inner) = lower
        .strip_prefix("map[")
        .and_then(|rest| rest.strip_suffix(']'))
    {
        return match inner.trim() {
            "name" | "key" => PageType::MapHalf(MapHalf::Key),
            "value" => PageType::MapHalf(MapHalf::Value),
            _ => PageType::Unknown,
        };
    }
    if let Some(items) = lower.strip_prefix("array of ") {
        let singular = items.trim().strip_suffix('s').unwrap_or(items.trim());
        return match scalar(singular) {
            Some(item) => PageType::Known(TypeRef::List(Box::new(TypeRef::Scalar(item)))),
            None => PageType::Unknown,
        };
    }
    if lower.starts_with("tns:") {
        // Keep the name's case: it must match the WSDL's type name exactly.
        let name = text.get(4..).unwrap_or_default();
        let (name, list) = match name.strip_suffix("[]") {
            Some(item) => (item, true),
            None => (name, false),
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return PageType::Unknown;
        }
        let named = TypeRef::Named {
            group: None,
            name: name.to_owned(),
        };
        return PageType::Known(if list {
            TypeRef::List(Box::new(named))
        } else {
            named
        });
    }
    let word = lower
        .strip_prefix("xsd:")
        .or_else(|| lower.strip_prefix("xs:"))
        .unwrap_or(&lower);
    if word == "array" {
        return PageType::AnyList;
    }
    scalar(word).map_or(PageType::Unknown, |s| PageType::Known(TypeRef::Scalar(s)))
}

fn scalar(word: &str) -> Option<Scalar> {
    Some(match word {
        "string" => Scalar::String,
        "int" | "integer" | "long" => Scalar::Long,
        "float" | "double" => Scalar::Double,
        "bool" | "boolean" => Scalar::Boolean,
        _ => return None,
    })
}

/// Whether a page's type says the same as the WSDL's, by meaning rather than spelling:
/// integers of any width agree, as do floating types; `tns:X[]` agrees with a named array type of
/// `X`; `array` agrees with any list, array type or dynamic value; a `tns:X` the WSDL never
/// defines agrees with the dynamic value the WSDL reader made of it. `types` are the WSDL's.
pub fn agrees(page: &PageType, wsdl: &TypeRef, types: &[TypeDef]) -> bool {
    match page {
        PageType::Known(page) => same(page, wsdl, types),
        PageType::AnyList => match wsdl {
            TypeRef::List(_) | TypeRef::TextList(_) | TypeRef::Dynamic => true,
            TypeRef::Named { name, .. } => {
                matches!(kind_of(name, types), None | Some(TypeKind::Array { .. }))
            }
            _ => false,
        },
        PageType::MapHalf(_) | PageType::Unknown => false,
    }
}

fn same(page: &TypeRef, wsdl: &TypeRef, types: &[TypeDef]) -> bool {
    match (page, wsdl) {
        (TypeRef::Scalar(a), TypeRef::Scalar(b)) => family(*a) == family(*b),
        (TypeRef::Named { name: a, .. }, TypeRef::Named { name: b, .. }) => a == b,
        (TypeRef::Named { name, .. }, TypeRef::Dynamic) => kind_of(name, types).is_none(),
        (TypeRef::List(a), TypeRef::List(b) | TypeRef::TextList(b)) => same(a, b, types),
        (TypeRef::List(a), TypeRef::Named { name, .. }) => match kind_of(name, types) {
            Some(TypeKind::Array { item, .. }) => same(a, item, types),
            _ => false,
        },
        (TypeRef::Map(ak, av), TypeRef::Map(bk, bv)) => same(ak, bk, types) && same(av, bv, types),
        (TypeRef::Dynamic, TypeRef::Dynamic) => true,
        _ => false,
    }
}

fn kind_of<'a>(name: &str, types: &'a [TypeDef]) -> Option<&'a TypeKind> {
    types.iter().find(|t| t.name.wire == name).map(|t| &t.kind)
}

/// Scalars a page cannot tell apart: it says `int` for any integer and `float` for any real.
fn family(s: Scalar) -> Scalar {
    match s {
        Scalar::Int | Scalar::Long => Scalar::Long,
        Scalar::Float | Scalar::Double | Scalar::Decimal => Scalar::Double,
        other => other,
    }
}

/// A type as messages show it, in the WSDL's spelling (`string`, `tns:license_type[]`).
pub fn show(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Scalar(s) => format!("{s:?}").to_ascii_lowercase(),
        TypeRef::Named { name, .. } => format!("tns:{name}"),
        TypeRef::List(item) => format!("{}[]", show(item)),
        TypeRef::TextList(item) => format!("list of {}", show(item)),
        TypeRef::Map(k, v) => format!("map of {} to {}", show(k), show(v)),
        TypeRef::Dynamic => "any value".to_owned(),
    }
}

/// The type of an HTTP response key, which the pages never state, from its key and label.
/// Comparisons ignore case; the first rule that matches wins:
/// 1. the label contains `UNIX timestamp`, or the key ends with `time` → [`Scalar::UnixTime`];
/// 2. the key ends with `id` → [`Scalar::Long`];
/// 3. the key or label names money ([`money::is_money`]) → [`Scalar::Decimal`];
/// 4. the label starts with `Whether` → [`Scalar::Boolean`];
/// 5. the label starts with `Number of` or `Total number of` → [`Scalar::Long`];
/// 6. otherwise [`Scalar::String`].
pub fn response_key_type(wire: &str, label_text: &str) -> Scalar {
    let key = wire.to_ascii_lowercase();
    let label = label_text.to_ascii_lowercase();
    if label.contains("unix timestamp") || key.ends_with("time") {
        Scalar::UnixTime
    } else if key.ends_with("id") {
        Scalar::Long
    } else if money::is_money(wire, Some(label_text)) {
        Scalar::Decimal
    } else if label.starts_with("whether") {
        Scalar::Boolean
    } else if label.starts_with("number of") || label.starts_with("total number of") {
        Scalar::Long
    } else {
        Scalar::String
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Docs, Name, Source};

    fn list(t: TypeRef) -> TypeRef {
        TypeRef::List(Box::new(t))
    }

    fn named(name: &str) -> TypeRef {
        TypeRef::Named {
            group: None,
            name: name.to_owned(),
        }
    }

    fn array_type(name: &str, item: TypeRef) -> TypeDef {
        TypeDef {
            renamed_from: None,
            base: None,
            group: None,
            name: Name::wire(name),
            namespace: Some("urn:myapi".to_owned()),
            docs: Docs::default(),
            source: Source::default(),
            kind: TypeKind::Array {
                item,
                item_element: None,
                item_namespace: None,
            },
        }
    }

    #[test]
    fn parses_every_spelling_the_pages_use() {
        use PageType::*;
        let s = |x| Known(TypeRef::Scalar(x));
        assert_eq!(parse("Integer"), s(Scalar::Long));
        assert_eq!(parse("int"), s(Scalar::Long));
        assert_eq!(parse(" String "), s(Scalar::String));
        assert_eq!(parse("xsd:string"), s(Scalar::String));
        assert_eq!(parse("Float"), s(Scalar::Double));
        assert_eq!(parse("double"), s(Scalar::Double));
        assert_eq!(parse("bool"), s(Scalar::Boolean));
        assert_eq!(parse("Boolean"), s(Scalar::Boolean));
        assert_eq!(parse("array"), AnyList);
        assert_eq!(
            parse("Array of Strings"),
            Known(list(TypeRef::Scalar(Scalar::String)))
        );
        assert_eq!(
            parse("Array of Integers"),
            Known(list(TypeRef::Scalar(Scalar::Long)))
        );
        assert_eq!(parse("Map[name]"), MapHalf(super::MapHalf::Key));
        assert_eq!(parse("Map[value]"), MapHalf(super::MapHalf::Value));
        assert_eq!(
            parse("tns:getTicketList_tickets"),
            Known(named("getTicketList_tickets"))
        );
        assert_eq!(
            parse("tns:license_type[]"),
            Known(list(named("license_type")))
        );
        assert_eq!(parse("Array of Widgets"), Unknown);
        assert_eq!(parse("Map[other]"), Unknown);
        assert_eq!(parse("tns:"), Unknown);
        assert_eq!(parse(""), Unknown);
        assert_eq!(parse("Object"), Unknown);
    }

    #[test]
    fn agreement_is_by_meaning() {
        let types = vec![
            array_type("license_types", named("license_type")),
            array_type("strings", TypeRef::Scalar(Scalar::String)),
        ];
        let int = TypeRef::Scalar(Scalar::Int);
        assert!(agrees(&parse("int"), &int, &types));
        assert!(agrees(
            &parse("integer"),
            &TypeRef::Scalar(Scalar::Long),
            &types
        ));
        assert!(agrees(
            &parse("float"),
            &TypeRef::Scalar(Scalar::Float),
            &types
        ));
        assert!(!agrees(&parse("string"), &int, &types));
        assert!(!agrees(&parse("float"), &int, &types));
        assert!(agrees(
            &parse("tns:license_type[]"),
            &named("license_types"),
            &types
        ));
        assert!(agrees(
            &parse("tns:license_type[]"),
            &list(named("license_type")),
            &types
        ));
        assert!(!agrees(
            &parse("tns:license_type[]"),
            &named("strings"),
            &types
        ));
        assert!(agrees(
            &parse("tns:license_types"),
            &named("license_types"),
            &types
        ));
        assert!(!agrees(
            &parse("tns:license_type"),
            &named("license_types"),
            &types
        ));
        // `array`: any list, array type, or what the WSDL reader made of its undefined `tns:array`.
        assert!(agrees(&parse("array"), &named("strings"), &types));
        assert!(agrees(&parse("array"), &list(int.clone()), &types));
        assert!(agrees(&parse("array"), &TypeRef::Dynamic, &types));
        assert!(agrees(&parse("array"), &named("array"), &types));
        assert!(!agrees(&parse("array"), &int, &types));
        assert!(agrees(&parse("tns:array"), &TypeRef::Dynamic, &types));
        assert!(!agrees(
            &parse("tns:license_types"),
            &TypeRef::Dynamic,
            &types
        ));
        assert!(!agrees(&parse("widget"), &int, &types));
    }

    #[test]
    fn shows_types_in_wsdl_spelling() {
        assert_eq!(show(&TypeRef::Scalar(Scalar::String)), "string");
        assert_eq!(show(&list(named("license_type"))), "tns:license_type[]");
        assert_eq!(show(&TypeRef::Dynamic), "any value");
    }

    #[test]
    fn response_key_rules_apply_in_order() {
        use Scalar::*;
        let cases = [
            (
                "orders.creationtime",
                "Creation time of the Order, as a UNIX timestamp",
                UnixTime,
            ),
            ("endtime", "Time the Order expires", UnixTime),
            ("created", "Created at, a unix timestamp", UnixTime),
            ("entity.entityid", "Entity Id of the Order", Long),
            ("eaqid", "Action Id", Long),
            ("customerId", "", Long),
            ("sellingamount", "Selling Curreny Amount", Decimal),
            ("discount-amount", "Discount", Decimal),
            ("total", "Amount charged", Decimal),
            ("customercost", "", Decimal),
            ("loadbalancer_id", "Load balancer", Long),
            ("total_count", "", String),
            (
                "isImmediateReseller",
                "Whether the Customer sits under the Reseller",
                Boolean,
            ),
            ("recsonpage", "Number of Orders on this page", Long),
            ("recsindb", "Total number of Orders that match", Long),
            (
                "sellingcurrencysymbol",
                "Selling Currency of the Reseller",
                String,
            ),
            ("description", "Domain Name", String),
        ];
        for (key, label, want) in cases {
            assert_eq!(response_key_type(key, label), want, "{key} / {label}");
        }
    }
}
