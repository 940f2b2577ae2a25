//! Recursive types: a struct that holds itself (`Node { left: Option<Node> }`), directly or
//! through other structs, has no size in Rust. Each field on such a cycle is boxed. Lists
//! (`Vec`) and array aliases hold their items on the heap already and break no cycle.

use super::TypeKey;
use crate::ir::{Service, TypeKind, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// A struct field by its type's key and its wire name.
pub(super) type FieldKey<'a> = (TypeKey<'a>, &'a str);

/// The fields to box: those whose struct type leads back, through fields held inline, to the
/// struct that holds them.
pub(super) fn boxed_fields(service: &Service) -> BTreeSet<FieldKey<'_>> {
    let mut inline: BTreeMap<TypeKey<'_>, Vec<(&str, TypeKey<'_>)>> = BTreeMap::new();
    let structs: BTreeSet<TypeKey<'_>> = service
        .types
        .iter()
        .filter(|t| matches!(t.kind, TypeKind::Struct { .. }))
        .map(|t| (t.group.as_deref(), t.name.wire.as_str()))
        .collect();
    for def in &service.types {
        let TypeKind::Struct { fields, .. } = &def.kind else {
            continue;
        };
        let key = (def.group.as_deref(), def.name.wire.as_str());
        for field in fields {
            if let TypeRef::Named { group, name } = &field.ty {
                let target = (group.as_deref(), name.as_str());
                if structs.contains(&target) {
                    inline
                        .entry(key)
                        .or_default()
                        .push((field.name.wire.as_str(), target));
                }
            }
        }
    }
    let mut boxed = BTreeSet::new();
    for (&owner, edges) in &inline {
        for &(field, target) in edges {
            if reaches(&inline, target, owner) {
                boxed.insert((owner, field));
            }
        }
    }
    boxed
}

/// Whether `to` is reachable from `from` through inline fields (or is `from`).
fn reaches<'a>(
    inline: &BTreeMap<TypeKey<'a>, Vec<(&'a str, TypeKey<'a>)>>,
    from: TypeKey<'a>,
    to: TypeKey<'a>,
) -> bool {
    let mut seen = BTreeSet::from([from]);
    let mut stack = vec![from];
    while let Some(at) = stack.pop() {
        if at == to {
            return true;
        }
        for &(_, next) in inline.get(&at).into_iter().flatten() {
            if seen.insert(next) {
                stack.push(next);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::fixtures;
    use crate::ir::{Field, Name, TypeDef};

    fn field(name: &str, ty: TypeRef) -> Field {
        let mut field = fixtures::soap_service()
            .types
            .iter()
            .find_map(|t| match &t.kind {
                TypeKind::Struct { fields, .. } => fields.first().cloned(),
                _ => None,
            })
            .expect("the fixture has a struct with a field");
        field.name = Name::wire(name);
        field.ty = ty;
        field
    }

    fn named(name: &str) -> TypeRef {
        TypeRef::Named {
            group: None,
            name: name.into(),
        }
    }

    fn structure(template: &TypeDef, name: &str, fields: Vec<Field>) -> TypeDef {
        TypeDef {
            renamed_from: None,
            name: Name::wire(name),
            kind: TypeKind::Struct { fields, rest: None },
            ..template.clone()
        }
    }

    #[test]
    fn boxes_the_fields_of_cycles_only() {
        let mut service = fixtures::soap_service();
        let template = service.types[0].clone();
        service.types = vec![
            structure(
                &template,
                "Node",
                vec![
                    field("left", named("Node")),
                    field("children", TypeRef::List(Box::new(named("Node")))),
                    field("meta", named("Meta")),
                ],
            ),
            structure(&template, "Meta", vec![field("owner", named("Owner"))]),
            structure(&template, "Owner", vec![field("meta", named("Meta"))]),
        ];
        let boxed: Vec<_> = boxed_fields(&service)
            .into_iter()
            .map(|((_, ty), field)| format!("{ty}.{field}"))
            .collect();
        assert_eq!(boxed, ["Meta.owner", "Node.left", "Owner.meta"]);
    }
}
