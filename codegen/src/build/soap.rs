//! A SOAP service: the WSDL decides operations, part order and wire types; each doc page adds
//! documentation to the operation it names. Where a page and the WSDL disagree the WSDL wins and
//! a warning names both places.

use super::types::{self, PageType};
use crate::diag::{Diagnostic, Item, Kind};
use crate::ir::{Docs, Operation, Output, Source, TypeDef, TypeKind, TypeRef};
use crate::read::page::{Page, PageField, ResponseShape};
use crate::read::wsdl::Wsdl;
use std::collections::BTreeMap;

/// The WSDL's types and operations, with every page's documentation merged in.
pub fn merge(
    wsdl_file: &str,
    wsdl: Wsdl,
    pages: &[Page],
    diags: &mut Vec<Diagnostic>,
) -> (Vec<TypeDef>, Vec<Operation>) {
    let Wsdl {
        mut types,
        mut operations,
        ..
    } = wsdl;
    let mut documented: BTreeMap<usize, &Source> = BTreeMap::new();
    for page in pages {
        let Some(index) = find_operation(wsdl_file, &operations, page, diags) else {
            continue;
        };
        let Some(op) = operations.get_mut(index) else {
            continue;
        };
        if let Some(earlier) = documented.get(&index) {
            diags.push(
                Diagnostic::error(
                    &page.source.file,
                    page.source.line,
                    format!(
                        "`{}` is documented by two pages: {earlier} and {}",
                        op.name.wire, page.source
                    ),
                )
                .with_hint("keep one page per operation")
                .skipping(Item::Page, &page.source.file),
            );
            continue;
        }
        documented.insert(index, &page.source);
        merge_page(op, &mut types, page, diags);
    }
    (types, operations)
}

/// The WSDL operation a page names: exactly, else ignoring case when that is unambiguous.
fn find_operation(
    wsdl_file: &str,
    operations: &[Operation],
    page: &Page,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let warn = |message: String| {
        Diagnostic::warning(&page.source.file, page.source.line, message)
            .skipping(Item::Page, &page.source.file)
    };
    let Some(name) = page.operation.as_deref().map(str::trim) else {
        diags.push(warn("the page names no API function; not used".to_owned()));
        return None;
    };
    if let Some(index) = operations.iter().position(|op| op.name.wire == name) {
        return Some(index);
    }
    let loose: Vec<usize> = operations
        .iter()
        .enumerate()
        .filter(|(_, op)| op.name.wire.eq_ignore_ascii_case(name))
        .map(|(index, _)| index)
        .collect();
    match loose.as_slice() {
        [index] => Some(*index),
        [] => {
            diags.push(warn(format!(
                "`{name}` is not an operation of {wsdl_file}; the page is not used"
            )));
            None
        }
        _ => {
            diags.push(warn(format!(
                "`{name}` matches several operations of {wsdl_file} when case is ignored; \
                 the page is not used"
            )));
            None
        }
    }
}

fn merge_page(op: &mut Operation, types: &mut [TypeDef], page: &Page, diags: &mut Vec<Diagnostic>) {
    op.docs = merged_docs(&op.docs, &page.docs);
    let wsdl_source = op.sources.first().cloned().unwrap_or_default();
    merge_params(op, types, page, &wsdl_source, diags);
    merge_response(op, types, page, &wsdl_source, diags);
    op.sources.push(page.source.clone());
}

/// The page's documentation first; what the WSDL says besides follows it.
fn merged_docs(wsdl: &Docs, page: &Docs) -> Docs {
    let mut docs = page.clone();
    if docs.summary.is_none() {
        docs.summary.clone_from(&wsdl.summary);
    } else if let Some(summary) = &wsdl.summary {
        if docs.summary.as_ref() != Some(summary) && !docs.details.contains(summary) {
            docs.details.push(summary.clone());
        }
    }
    for detail in &wsdl.details {
        if !docs.details.contains(detail) {
            docs.details.push(detail.clone());
        }
    }
    docs
}

fn merge_params(
    op: &mut Operation,
    types: &[TypeDef],
    page: &Page,
    wsdl_source: &Source,
    diags: &mut Vec<Diagnostic>,
) {
    let file = page.source.file.as_str();
    let op_name = op.name.wire.clone();
    for row in &page.params {
        let name = row.name.trim();
        let Some(index) = position(op.params.iter().map(|p| p.name.wire.as_str()), name) else {
            diags.push(mismatch(
                file,
                row.line,
                format!(
                    "parameter `{name}` is not a part of `{op_name}` in the WSDL \
                     ({wsdl_source}); ignored"
                ),
            ));
            continue;
        };
        let Some(param) = op.params.get_mut(index) else {
            continue;
        };
        let what = format!("parameter `{name}`");
        if let Some(message) = type_mismatch(&what, &row.type_text, &param.ty, &param.source, types)
        {
            diags.push(mismatch(file, row.line, message));
        }
        param.docs = merged_docs(&param.docs, &row.docs);
    }
    for param in &op.params {
        let rows = page.params.iter().map(|row| row.name.trim());
        if position(rows, &param.name.wire).is_none() {
            diags.push(mismatch(
                file,
                page.source.line,
                format!(
                    "WSDL part `{}` of `{op_name}` ({}) is missing from the page",
                    param.name.wire, param.source
                ),
            ));
        }
    }
}

fn merge_response(
    op: &mut Operation,
    types: &mut [TypeDef],
    page: &Page,
    wsdl_source: &Source,
    diags: &mut Vec<Diagnostic>,
) {
    let file = page.source.file.as_str();
    let response = &page.response;
    let line = if response.line > 0 {
        response.line
    } else {
        page.source.line
    };
    let Output::Value { ty, docs, .. } = &mut op.output else {
        if !response.fields.is_empty() {
            diags.push(mismatch(
                file,
                line,
                format!(
                    "the page describes a response, but `{}` returns nothing in the WSDL \
                     ({wsdl_source})",
                    op.name.wire
                ),
            ));
        }
        return;
    };
    match response.shape {
        ResponseShape::Unknown => {}
        ResponseShape::Prose => *docs = merged_docs(docs, &response.docs),
        ResponseShape::Scalar | ResponseShape::Fields => {
            let record = record_of(ty, types, 0);
            match response.fields.as_slice() {
                [] => *docs = merged_docs(docs, &response.docs),
                // One row standing for the whole answer: a `return` row, or a row typed as the
                // whole answer (`0|tns:license_type[]`).
                [row]
                    if response.shape == ResponseShape::Scalar
                        || row.name.trim() == "return"
                        || record.is_none()
                        || types::agrees(&types::parse(&row.type_text), ty, types) =>
                {
                    if let Some(message) =
                        type_mismatch("the response", &row.type_text, ty, wsdl_source, types)
                    {
                        diags.push(mismatch(file, row.line, message));
                    }
                    // Only the row speaks of the value: the intro sentence above a lone
                    // `return` row still says "associative array".
                    *docs = merged_docs(docs, &row.docs);
                }
                rows => match record {
                    Some(index) => {
                        *docs = merged_docs(docs, &response.docs);
                        merge_fields(file, line, index, types, rows, diags);
                    }
                    None => diags.push(mismatch(
                        file,
                        line,
                        format!(
                            "the page lists {} response fields, but `{}` returns `{}` in the WSDL \
                             ({wsdl_source})",
                            rows.len(),
                            op.name.wire,
                            types::show(ty)
                        ),
                    )),
                },
            }
        }
    }
}

/// The struct type whose fields a page's rows describe: the answer itself, or the item of an
/// array answer (a page lists a row's fields, whether one row or many come back).
fn record_of(ty: &TypeRef, types: &[TypeDef], depth: u8) -> Option<usize> {
    // An array of arrays is as deep as a page's field table can mean; this also ends a WSDL
    // whose array type names itself.
    if depth > 2 {
        return None;
    }
    match ty {
        TypeRef::Named { name, .. } => {
            let index = types.iter().position(|t| t.name.wire == *name)?;
            match &types.get(index)?.kind {
                TypeKind::Struct { .. } => Some(index),
                TypeKind::Array { item, .. } => record_of(item, types, depth + 1),
                TypeKind::Enum { .. } => None,
            }
        }
        TypeRef::List(item) => record_of(item, types, depth + 1),
        _ => None,
    }
}

/// Documents a WSDL struct's fields from the page's rows and reports what does not match.
/// WSDL types are shared between operations: the first page (in file order) to document a field
/// sets its docs.
fn merge_fields(
    file: &str,
    line: u32,
    index: usize,
    types: &mut [TypeDef],
    rows: &[PageField],
    diags: &mut Vec<Diagnostic>,
) {
    let Some(record) = types.get(index) else {
        return;
    };
    let (record_name, record_source) = (record.name.wire.clone(), record.source.clone());
    let TypeKind::Struct { fields, .. } = &record.kind else {
        return;
    };
    let mut docs_for: Vec<(usize, Docs)> = Vec::new();
    for row in rows {
        let name = row.name.trim();
        let Some(at) = position(fields.iter().map(|f| f.name.wire.as_str()), name) else {
            diags.push(mismatch(
                file,
                row.line,
                format!(
                    "response field `{name}` is not in WSDL type `{record_name}` ({record_source})"
                ),
            ));
            continue;
        };
        let what = format!("response field `{name}`");
        let differs = fields
            .get(at)
            .and_then(|f| type_mismatch(&what, &row.type_text, &f.ty, &f.source, types));
        if let Some(message) = differs {
            diags.push(mismatch(file, row.line, message));
        }
        if row.docs != Docs::default() {
            docs_for.push((at, row.docs.clone()));
        }
    }
    for field in fields {
        if position(rows.iter().map(|r| r.name.trim()), &field.name.wire).is_none() {
            diags.push(mismatch(
                file,
                line,
                format!(
                    "field `{}` of WSDL type `{record_name}` ({}) is missing from the page",
                    field.name.wire, field.source
                ),
            ));
        }
    }
    if let Some(TypeDef {
        base: None,
        kind: TypeKind::Struct { fields, .. },
        ..
    }) = types.get_mut(index)
    {
        for (at, docs) in docs_for {
            if let Some(field) = fields.get_mut(at).filter(|f| f.docs == Docs::default()) {
                field.docs = docs;
            }
        }
    }
}

/// A warning that the page and the WSDL disagree.
fn mismatch(file: &str, line: u32, message: String) -> Diagnostic {
    Diagnostic::warning(file, line, message).with_kind(Kind::Mismatch)
}

/// The warning due when the page's type text says something else than the WSDL's type. An
/// empty text says nothing and is not compared.
fn type_mismatch(
    what: &str,
    page_text: &str,
    wsdl: &TypeRef,
    wsdl_source: &Source,
    types: &[TypeDef],
) -> Option<String> {
    let text = page_text.trim();
    let parsed = types::parse(text);
    if text.is_empty() || types::agrees(&parsed, wsdl, types) {
        return None;
    }
    let unknown = if parsed == PageType::Unknown {
        " (a type the generator does not know)"
    } else {
        ""
    };
    Some(format!(
        "{what}: the page says `{text}`{unknown}, the WSDL says `{}` ({wsdl_source}); \
         the WSDL type is used",
        types::show(wsdl)
    ))
}

/// Index of `name` among `names`: exact match first, else the only case-insensitive one.
fn position<'a>(names: impl Iterator<Item = &'a str> + Clone, name: &str) -> Option<usize> {
    names.clone().position(|n| n == name).or_else(|| {
        let mut loose = names
            .enumerate()
            .filter(|(_, n)| n.eq_ignore_ascii_case(name));
        match (loose.next(), loose.next()) {
            (Some((index, _)), None) => Some(index),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests;
