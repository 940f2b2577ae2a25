//! The coverage report of one run: per service, how many operations and types were generated,
//! what was left out and why, and what each doc page gets wrong.
//!
//! It is computed from the IR and from each diagnostic's [`Kind`], set where the diagnostic is
//! made; message text is only carried along, never read. A diagnostic belongs to the service
//! whose folder holds its file.

use crate::diag::{Diagnostic, Item, Kind, Severity};
use crate::ir::{Ir, Protocol, Service};
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything one run found, ordered by service, file and line.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// Whether the specs became code: `false` when a diagnostic is an error.
    pub generated: bool,
    /// One entry per generated service, sorted by name; none when generation failed.
    pub services: Vec<ServiceReport>,
    /// Diagnostics about files of no generated service: all of them when generation failed.
    pub elsewhere: Findings,
}

/// One service folder's share of the report.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ServiceReport {
    /// The module name from the manifest (`interserver`).
    pub name: String,
    /// The service's folder under the specs folder.
    pub folder: String,
    pub protocol: Protocol,
    /// Operations generated.
    pub operations: usize,
    /// Named types generated.
    pub types: usize,
    #[serde(flatten)]
    pub findings: Findings,
}

/// The diagnostics of one service (or of no service), sorted by what they mean.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Findings {
    /// Spec items left out of the generated code, by file and line.
    pub skipped: Vec<SkippedItem>,
    /// Doc-lint and mismatch findings, by page (file) and line.
    pub pages: BTreeMap<String, Vec<PageFinding>>,
    /// Every other diagnostic, by file and line.
    pub other: Vec<Note>,
}

/// A spec item left out, and why.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SkippedItem {
    pub item: Item,
    /// The item's name in the spec; empty when it has none.
    pub name: String,
    pub file: String,
    /// 1-based; 0 when the item is the whole file.
    pub line: u32,
    pub severity: Severity,
    /// The diagnostic's message.
    pub reason: String,
    pub hint: String,
}

/// What a doc page gets wrong, at one of its lines.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PageFinding {
    pub line: u32,
    /// [`Kind::DocLint`] or [`Kind::Mismatch`].
    pub kind: Kind,
    pub message: String,
    pub hint: String,
}

/// Any other diagnostic.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Note {
    pub file: String,
    pub line: u32,
    pub severity: Severity,
    pub message: String,
    pub hint: String,
}

impl Report {
    /// The report of a run that produced `ir` (`None` when generation failed) and
    /// `diagnostics`, in any order.
    pub fn new(ir: Option<&Ir>, diagnostics: &[Diagnostic]) -> Self {
        let mut sorted = diagnostics.to_vec();
        sorted.sort();
        sorted.dedup();
        let mut services: Vec<ServiceReport> = ir
            .map(|ir| ir.services.iter().map(ServiceReport::counts).collect())
            .unwrap_or_default();
        services.sort_by(|a, b| a.name.cmp(&b.name));
        let mut elsewhere = Findings::default();
        for d in sorted {
            let owner = services.iter_mut().find(|s| {
                !s.folder.is_empty()
                    && d.file
                        .strip_prefix(s.folder.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            });
            match owner {
                Some(service) => service.findings.add(d),
                None => elsewhere.add(d),
            }
        }
        Self {
            generated: ir.is_some(),
            services,
            elsewhere,
        }
    }
}

impl ServiceReport {
    /// What the IR says of a service; findings come later.
    fn counts(service: &Service) -> Self {
        let folder = service
            .source
            .file
            .rsplit_once('/')
            .map_or("", |(folder, _)| folder);
        Self {
            name: service.name.wire.clone(),
            folder: folder.to_owned(),
            protocol: service.protocol,
            operations: service.operations.len(),
            types: service.types.len(),
            findings: Findings::default(),
        }
    }
}

impl Findings {
    /// Files one diagnostic by its kind; callers add them in sorted order.
    fn add(&mut self, d: Diagnostic) {
        match d.kind {
            Kind::Skipped(skipped) => self.skipped.push(SkippedItem {
                item: skipped.item,
                name: skipped.name,
                file: d.file,
                line: d.line,
                severity: d.severity,
                reason: d.message,
                hint: d.hint,
            }),
            kind @ (Kind::DocLint | Kind::Mismatch) => {
                self.pages.entry(d.file).or_default().push(PageFinding {
                    line: d.line,
                    kind,
                    message: d.message,
                    hint: d.hint,
                })
            }
            Kind::Other => self.other.push(Note {
                file: d.file,
                line: d.line,
                severity: d.severity,
                message: d.message,
                hint: d.hint,
            }),
        }
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.skipped.is_empty() && self.pages.is_empty() && self.other.is_empty()
    }
}

#[cfg(test)]
mod tests;
