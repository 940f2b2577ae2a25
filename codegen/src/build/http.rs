//! An HTTP service's operations: each doc page becomes one operation, addressed by its example
//! URLs, typed by its parameter table and described by its response bullets.

use super::money;
use super::types::{self, MapHalf, PageType};
use super::url::{self, Example};
use crate::diag::{Diagnostic, Item, Kind};
use crate::ir::{
    Binding, Docs, EnumValue, Field, HttpBinding, HttpMethod, Name, Operation, Output, PairNames,
    Param, ParamEncoding, ParamRole, Placement, Region, Scalar, Source, TypeDef, TypeKind, TypeRef,
};
use crate::read::page::{Page, PageField, PageParam, ResponseShape};
use std::collections::BTreeMap;

const NO_EXAMPLE: &str = "no usable example URL: the operation cannot be addressed";
const KNOWN_TYPES: &str = "known types: Integer, String, Boolean, Float, Double, \
     Array of Strings, Array of Integers, Map[name], Map[value]";

/// What the pages of an HTTP service define.
#[derive(Debug, Default)]
pub struct Built {
    /// In page order; the caller sorts.
    pub operations: Vec<Operation>,
    /// Enums and response structs, in the order they were made.
    pub types: Vec<TypeDef>,
    /// Every region segment any operation is documented at, sorted by segment.
    pub regions: Vec<Region>,
}

/// Builds one operation per page. Pages that cannot become an operation (no usable example URL,
/// no HTTP method, a second page for the same operation) are errors and are left out.
pub fn build(pages: &[Page], diags: &mut Vec<Diagnostic>) -> Built {
    let mut builder = Builder {
        diags,
        types: Vec::new(),
        enums: BTreeMap::new(),
        addressed: BTreeMap::new(),
        regions: BTreeMap::new(),
    };
    let mut operations = Vec::new();
    for page in pages {
        if let Some(op) = builder.operation(page) {
            operations.push(op);
        }
    }
    let regions = builder
        .regions
        .into_iter()
        .map(|(segment, label)| Region {
            label: label.unwrap_or_else(|| segment.clone()),
            name: Name::wire(segment),
        })
        .collect();
    let mut types = builder.types;
    list_users(&mut types, &operations);
    Built {
        operations,
        types,
        regions,
    }
}

/// Ends each enum's docs with the operations whose parameters take it, since one enum serves
/// several products' pages.
fn list_users(types: &mut [TypeDef], operations: &[Operation]) {
    for def in types.iter_mut() {
        if !matches!(def.kind, TypeKind::Enum { .. }) {
            continue;
        }
        let mut users: Vec<String> = operations
            .iter()
            .filter(|op| {
                op.params.iter().any(|p| {
                    matches!(&p.ty, TypeRef::Named { group: None, name } if *name == def.name.wire)
                })
            })
            .map(|op| match &op.group {
                Some(group) => format!("`{group}/{}`", op.name.wire),
                None => format!("`{}`", op.name.wire),
            })
            .collect();
        users.sort();
        if !users.is_empty() {
            def.docs
                .details
                .push(format!("Used by {}.", users.join(", ")));
        }
    }
}

struct Builder<'a> {
    diags: &'a mut Vec<Diagnostic>,
    types: Vec<TypeDef>,
    /// Enum wire name → the parameter it was made for and its sorted values, to share enums
    /// with the same values across the service's groups.
    enums: BTreeMap<String, (String, Vec<String>)>,
    /// The page that defined each (group, action).
    addressed: BTreeMap<(String, String), Source>,
    /// Region segment → the first label a page gives it.
    regions: BTreeMap<String, Option<String>>,
}

impl Builder<'_> {
    fn operation(&mut self, page: &Page) -> Option<Operation> {
        let file = page.source.file.as_str();
        let examples: Vec<Example> = page
            .examples
            .iter()
            .filter_map(|e| url::parse(file, e, self.diags))
            .collect();
        let Some(first) = examples.first() else {
            self.diags.push(
                Diagnostic::error(file, page.source.line, NO_EXAMPLE)
                    .with_hint(
                        "the page needs an example request URL such as \
                         https://host/api/<group>/<action>.json",
                    )
                    .skipping(Item::Page, file),
            );
            return None;
        };
        for other in examples.iter().skip(1) {
            if (&other.group, &other.action, &other.path)
                != (&first.group, &first.action, &first.path)
            {
                self.diags.push(
                    Diagnostic::warning(
                        file,
                        other.line,
                        format!(
                            "example URL addresses `{}`, but the first example (line {}) \
                             addresses `{}`; the first is used",
                            other.path, first.line, first.path
                        ),
                    )
                    .with_kind(Kind::DocLint),
                );
            }
        }
        let method = method(page, self.diags)?;
        let (group, action) = (first.group.clone(), first.action.clone());
        let key = (group.clone(), action.clone());
        if let Some(earlier) = self.addressed.get(&key) {
            self.diags.push(
                Diagnostic::error(
                    file,
                    page.source.line,
                    format!(
                        "operation `{group}/{action}` is already described by {earlier}; \
                         this page is not used"
                    ),
                )
                .skipping(Item::Page, file),
            );
            return None;
        }
        self.addressed.insert(key, page.source.clone());

        let mut regions: Vec<String> = examples.iter().filter_map(|e| e.region.clone()).collect();
        regions.sort();
        regions.dedup();
        for example in &examples {
            if let Some(segment) = &example.region {
                let label = self.regions.entry(segment.clone()).or_default();
                if label.is_none() {
                    label.clone_from(&example.label);
                }
            }
        }

        let params = self.params(page, &examples, &group, &action);
        let output = self.output(page, &group, &action);
        let mut docs = page.docs.clone();
        if docs.summary.is_none() {
            docs.summary.clone_from(&page.title);
        }
        if let Some(note) = &page.error_note {
            docs.details.push(note.value.clone());
        }
        Some(Operation {
            group: Some(group),
            name: Name::wire(action),
            docs,
            sources: vec![page.source.clone()],
            params,
            output,
            binding: Binding::Http(HttpBinding {
                method,
                path: first.path.clone(),
                regions,
                encoding: match method {
                    HttpMethod::Get => ParamEncoding::Query,
                    HttpMethod::Post => ParamEncoding::Form,
                },
            }),
            // Decided for both protocols at once, by `build::idempotent`.
            idempotent: false,
        })
    }

    /// The parameter table in order, `Map[name]`/`Map[value]` rows folded into one map parameter.
    fn params(
        &mut self,
        page: &Page,
        examples: &[Example],
        group: &str,
        action: &str,
    ) -> Vec<Param> {
        let file = page.source.file.as_str();
        let sent: Vec<(&str, u32)> = examples
            .iter()
            .flat_map(|e| e.query_keys.iter().map(|k| (k.as_str(), e.line)))
            .collect();
        let halves: Vec<PageType> = page
            .params
            .iter()
            .map(|row| types::parse(&row.type_text))
            .collect();
        let pairs = pair_maps(page, &halves, self.diags);
        let mut params = Vec::new();
        for (index, (row, parsed)) in page.params.iter().zip(&halves).enumerate() {
            match parsed {
                PageType::MapHalf(MapHalf::Key) => {
                    if let Some(value) = pairs.get(&index).and_then(|&v| page.params.get(v)) {
                        params.push(self.map_param(file, row, value));
                    }
                }
                // Folded into its key row above, or reported as unpaired.
                PageType::MapHalf(MapHalf::Value) => {}
                parsed => params.push(self.plain_param(file, row, parsed, &sent, group, action)),
            }
        }
        lint_examples(file, &params, &sent, self.diags);
        params
    }

    fn plain_param(
        &mut self,
        file: &str,
        row: &PageParam,
        parsed: &PageType,
        sent: &[(&str, u32)],
        group: &str,
        action: &str,
    ) -> Param {
        let name = row.name.trim();
        // The URL shows what the server was sent; the table's capitalisation is prose.
        let exact = sent.iter().any(|(key, _)| *key == name);
        let respelled = sent
            .iter()
            .find(|(key, _)| !exact && key.eq_ignore_ascii_case(name));
        let wire = match respelled {
            Some((spelled, line)) => {
                self.diags.push(
                    Diagnostic::warning(
                        file,
                        row.line,
                        format!(
                            "parameter `{name}` is spelled `{spelled}` in the example URL \
                             (line {line}); the URL's spelling is used"
                        ),
                    )
                    .with_kind(Kind::DocLint),
                );
                (*spelled).to_owned()
            }
            None => name.to_owned(),
        };
        let warn = |message: String| Diagnostic::warning(file, row.line, message);
        let ty = match parsed {
            PageType::Known(TypeRef::Scalar(Scalar::String)) if row.values.len() >= 2 => {
                self.enum_type(file, row, &wire, group, action)
            }
            PageType::Known(ty) if !names_a_type(ty) => ty.clone(),
            PageType::AnyList => {
                self.diags.push(warn(format!(
                    "parameter `{name}`: `{}` does not say what the items are; \
                     read as a list of strings",
                    row.type_text
                )));
                TypeRef::List(Box::new(TypeRef::Scalar(Scalar::String)))
            }
            _ => {
                self.diags.push(
                    warn(format!(
                        "parameter `{name}` has unknown type `{}`; read as a string",
                        row.type_text
                    ))
                    .with_hint(KNOWN_TYPES),
                );
                TypeRef::Scalar(Scalar::String)
            }
        };
        Param {
            declared: None,
            name: Name::wire(wire),
            ty,
            required: required(file, row, self.diags),
            role: ParamRole::Input,
            secret: false,
            pair_names: None,
            repeated: false,
            placement: Placement::Element,
            namespace: None,
            docs: row.docs.clone(),
            source: Source {
                file: file.to_owned(),
                line: row.line,
            },
        }
    }

    /// One map parameter from a `Map[name]` row and its `Map[value]` row, named by their common
    /// stem (`attr-name` + `attr-value` → `attr`).
    fn map_param(&mut self, file: &str, key: &PageParam, value: &PageParam) -> Param {
        let (key_name, value_name) = (key.name.trim(), value.name.trim());
        let common = key_name
            .chars()
            .zip(value_name.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let stem: String = key_name.chars().take(common).collect();
        let stem = stem.trim_end_matches(['-', '_', ' ']);
        let mut docs = key.docs.clone();
        docs.details.extend(
            value
                .docs
                .summary
                .iter()
                .chain(&value.docs.details)
                .cloned(),
        );
        let string = || Box::new(TypeRef::Scalar(Scalar::String));
        Param {
            declared: None,
            name: Name::wire(if stem.is_empty() { key_name } else { stem }),
            ty: TypeRef::Map(string(), string()),
            required: required(file, key, self.diags),
            role: ParamRole::Input,
            secret: false,
            pair_names: Some(PairNames {
                key: key_name.to_owned(),
                value: value_name.to_owned(),
            }),
            repeated: false,
            placement: Placement::Element,
            namespace: None,
            docs,
            source: Source {
                file: file.to_owned(),
                line: key.line,
            },
        }
    }

    /// The enum a string parameter with listed values becomes. Enums belong to the service, not
    /// to a group: a parameter with the same name and the same set of values in any operation
    /// is the same vendor concept (`invoice-option` on every product's renew), so it is one
    /// type that converts nowhere because it needs no converting. A same-named parameter with
    /// other values becomes `<action>-<param>`, then `<group>-<action>-<param>`, and later
    /// parameters with those values share it.
    fn enum_type(
        &mut self,
        file: &str,
        row: &PageParam,
        wire: &str,
        group: &str,
        action: &str,
    ) -> TypeRef {
        let mut values: Vec<EnumValue> = Vec::new();
        for value in &row.values {
            let name = value.value.trim();
            if name.is_empty() {
                continue;
            }
            if values.iter().any(|v| v.name.wire == name) {
                self.diags.push(Diagnostic::warning(
                    file,
                    row.line,
                    format!("value `{name}` of `{wire}` is listed twice"),
                ));
                continue;
            }
            values.push(EnumValue {
                name: Name::wire(name),
                docs: Docs {
                    summary: value.docs.clone(),
                    details: Vec::new(),
                },
            });
        }
        let mut wires: Vec<String> = values.iter().map(|v| v.name.wire.clone()).collect();
        wires.sort();
        let named = |name: &str| TypeRef::Named {
            group: None,
            name: name.to_owned(),
        };
        let shared = self
            .enums
            .iter()
            .find(|(_, (param, existing))| param == wire && *existing == wires);
        if let Some((name, _)) = shared {
            return named(name);
        }
        let names = [
            wire.to_owned(),
            format!("{action}-{wire}"),
            format!("{group}-{action}-{wire}"),
        ];
        for name in names {
            match self.enums.get(&name) {
                Some(_) => continue,
                None => {
                    self.enums.insert(name.clone(), (wire.to_owned(), wires));
                    self.types.push(TypeDef {
                        renamed_from: None,
                        base: None,
                        group: None,
                        name: Name::wire(name.clone()),
                        namespace: None,
                        docs: row.docs.clone(),
                        source: Source {
                            file: file.to_owned(),
                            line: row.line,
                        },
                        kind: TypeKind::Enum { values },
                    });
                    return named(&name);
                }
            }
        }
        self.diags.push(Diagnostic::error(
            file,
            row.line,
            format!(
                "the values of `{wire}` differ from the enums `{wire}`, `{action}-{wire}` and \
                 `{group}-{action}-{wire}` already in the service"
            ),
        ));
        TypeRef::Scalar(Scalar::String)
    }

    fn output(&mut self, page: &Page, group: &str, action: &str) -> Output {
        let file = page.source.file.as_str();
        let response = &page.response;
        let mut docs = response.docs.clone();
        let ty = match response.shape {
            ResponseShape::Fields => self.response_struct(page, group, action),
            ResponseShape::Scalar => match response.fields.first() {
                Some(field) => {
                    docs.details.extend(
                        field
                            .docs
                            .summary
                            .iter()
                            .chain(&field.docs.details)
                            .cloned(),
                    );
                    TypeRef::Scalar(field_type(field))
                }
                None => TypeRef::Dynamic,
            },
            ResponseShape::Prose => {
                let prose = response.docs.summary.iter().chain(&response.docs.details);
                let says_number = prose
                    .map(|p| p.to_ascii_lowercase())
                    .any(|p| p.contains("integer") || p.contains("number"));
                TypeRef::Scalar(if says_number {
                    Scalar::Long
                } else {
                    Scalar::String
                })
            }
            ResponseShape::Unknown => {
                self.diags.push(Diagnostic::warning(
                    file,
                    if response.line > 0 {
                        response.line
                    } else {
                        page.source.line
                    },
                    "the page does not describe the response; it is decoded as a dynamic value",
                ));
                TypeRef::Dynamic
            }
        };
        Output::Value {
            name: Name::wire("response"),
            ty,
            docs,
        }
    }

    /// `<action>-response`, one field per top-level key; keys under numbered entries make
    /// `<action>-entry`, the type of the response's further keys.
    fn response_struct(&mut self, page: &Page, group: &str, action: &str) -> TypeRef {
        let file = page.source.file.as_str();
        let mut top: Vec<Field> = Vec::new();
        let mut entry: Vec<Field> = Vec::new();
        for key in &page.response.fields {
            let list = if key.per_entry { &mut entry } else { &mut top };
            let name = key.name.trim();
            if list.iter().any(|f| f.name.wire == name) {
                self.diags.push(Diagnostic::warning(
                    file,
                    key.line,
                    format!("response key `{name}` is listed twice; the first is used"),
                ));
                continue;
            }
            list.push(Field {
                declared: None,
                name: Name::wire(name),
                ty: TypeRef::Scalar(field_type(key)),
                required: !key.conditional,
                nillable: false,
                repeated: false,
                placement: crate::ir::Placement::Element,
                namespace: None,
                secret: false,
                docs: field_docs(key),
                source: Source {
                    file: file.to_owned(),
                    line: key.line,
                },
            });
        }
        if top.is_empty() && entry.is_empty() {
            self.diags.push(Diagnostic::warning(
                file,
                page.response.line,
                "the response lists no keys; it is decoded as a dynamic value",
            ));
            return TypeRef::Dynamic;
        }
        let named = |name: &str| TypeRef::Named {
            group: Some(group.to_owned()),
            name: name.to_owned(),
        };
        let source = Source {
            file: file.to_owned(),
            line: page.response.line,
        };
        let mut push = |name: String, docs: Docs, fields: Vec<Field>, rest: Option<TypeRef>| {
            self.types.push(TypeDef {
                renamed_from: None,
                base: None,
                group: Some(group.to_owned()),
                name: Name::wire(name),
                namespace: None,
                docs,
                source: source.clone(),
                kind: TypeKind::Struct { fields, rest },
            });
        };
        let rest = (!entry.is_empty()).then(|| {
            let name = format!("{action}-entry");
            push(name.clone(), Docs::default(), entry, None);
            named(&name)
        });
        let name = format!("{action}-response");
        push(name.clone(), page.response.docs.clone(), top, rest);
        named(&name)
    }
}

fn method(page: &Page, diags: &mut Vec<Diagnostic>) -> Option<HttpMethod> {
    let file = page.source.file.as_str();
    let Some(method) = &page.http_method else {
        diags.push(
            Diagnostic::error(file, page.source.line, "the page gives no HTTP method")
                .with_hint("add an `HTTP Method` section saying GET or POST")
                .skipping(Item::Page, file),
        );
        return None;
    };
    match method.value.trim().to_ascii_uppercase().as_str() {
        "GET" => Some(HttpMethod::Get),
        "POST" => Some(HttpMethod::Post),
        other => {
            diags.push(
                Diagnostic::error(
                    file,
                    method.line,
                    format!("unknown HTTP method `{other}`; expected GET or POST"),
                )
                .skipping(Item::Page, file),
            );
            None
        }
    }
}

/// Pairs each `Map[name]` row with a `Map[value]` row, in table order: key row index → value row
/// index. A row left without a partner is reported and left out.
fn pair_maps(
    page: &Page,
    parsed: &[PageType],
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<usize, usize> {
    let rows_of = |half: MapHalf| -> Vec<usize> {
        parsed
            .iter()
            .enumerate()
            .filter(|(_, p)| **p == PageType::MapHalf(half))
            .map(|(i, _)| i)
            .collect()
    };
    let (keys, values) = (rows_of(MapHalf::Key), rows_of(MapHalf::Value));
    let pairs: BTreeMap<usize, usize> = keys.iter().copied().zip(values.iter().copied()).collect();
    let paired = pairs.len();
    for &index in keys.iter().skip(paired).chain(values.iter().skip(paired)) {
        if let Some(row) = page.params.get(index) {
            diags.push(
                Diagnostic::warning(
                    &page.source.file,
                    row.line,
                    format!(
                        "map parameter row `{}` ({}) has no partner row; left out",
                        row.name.trim(),
                        row.type_text.trim()
                    ),
                )
                .with_hint("a map needs one Map[name] row and one Map[value] row")
                .skipping(Item::Row, row.name.trim()),
            );
        }
    }
    pairs
}

/// `required` as the page states it; unstated is a warning and optional.
fn required(file: &str, row: &PageParam, diags: &mut Vec<Diagnostic>) -> bool {
    row.required.unwrap_or_else(|| {
        diags.push(Diagnostic::warning(
            file,
            row.line,
            format!(
                "parameter `{}` is not marked Required or Optional; taken as optional",
                row.name.trim()
            ),
        ));
        false
    })
}

/// Checks the table against the example URLs: a required parameter no example sends, and a key
/// an example sends that the table does not list, are both likely page mistakes.
fn lint_examples(file: &str, params: &[Param], sent: &[(&str, u32)], diags: &mut Vec<Diagnostic>) {
    let carries = |param: &Param, key: &str| match &param.pair_names {
        Some(pair) => [&pair.key, &pair.value]
            .iter()
            .any(|name| numbered(key, name)),
        None => key == param.name.wire,
    };
    for param in params.iter().filter(|p| p.required) {
        if !sent.iter().any(|(key, _)| carries(param, key)) {
            diags.push(
                Diagnostic::warning(
                    file,
                    param.source.line,
                    format!(
                        "required parameter `{}` is sent by no example URL",
                        param.name.wire
                    ),
                )
                .with_kind(Kind::DocLint),
            );
        }
    }
    let mut reported: Vec<&str> = Vec::new();
    for &(key, line) in sent {
        if !reported.contains(&key) && !params.iter().any(|p| carries(p, key)) {
            reported.push(key);
            diags.push(
                Diagnostic::warning(
                    file,
                    line,
                    format!(
                        "the example URL sends `{key}`, which the parameter table does not list"
                    ),
                )
                .with_kind(Kind::DocLint),
            );
        }
    }
}

/// `attr-name1` is a numbered instance of `attr-name`.
fn numbered(key: &str, name: &str) -> bool {
    key.strip_prefix(name)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Pages define no named types for HTTP services, so a `tns:` type cannot be honoured.
fn names_a_type(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named { .. } => true,
        TypeRef::List(item) | TypeRef::TextList(item) => names_a_type(item),
        TypeRef::Map(k, v) => names_a_type(k) || names_a_type(v),
        TypeRef::Scalar(_) | TypeRef::Dynamic => false,
    }
}

/// A response key's type: the page's, when it gives a scalar one (a decimal when its name or
/// label says money); else by the key heuristics.
fn field_type(key: &PageField) -> Scalar {
    let name = key.name.trim();
    let label = key
        .label
        .as_deref()
        .or(key.docs.summary.as_deref())
        .unwrap_or_default();
    match types::parse(&key.type_text) {
        PageType::Known(TypeRef::Scalar(scalar)) => money::exact(scalar, name, Some(label)),
        _ => types::response_key_type(name, label),
    }
}

/// The label is the summary; the key's own description follows it.
fn field_docs(key: &PageField) -> Docs {
    match &key.label {
        Some(label) => Docs {
            summary: Some(label.clone()),
            details: key
                .docs
                .summary
                .iter()
                .chain(&key.docs.details)
                .cloned()
                .collect(),
        },
        None => key.docs.clone(),
    }
}

#[cfg(test)]
mod tests;
