//! The coverage report ([`codegen::report`]) on the command line: a summary per service after
//! the warnings, and the whole report as JSON with `--report <file>`.

use codegen::diag::{Item, Kind, Severity};
use codegen::ir::Protocol;
use codegen::report::{Findings, Report, ServiceReport};
use std::collections::BTreeMap;
use std::path::Path;

/// Writes the report as indented JSON ending in a newline, making its folder as `--out` does.
pub fn write_json(path: &Path, report: &Report) -> Result<(), String> {
    let mut json = serde_json::to_string_pretty(report)
        .map_err(|e| format!("error: cannot encode the report: {e}"))?;
    json.push('\n');
    let cannot =
        |e: std::io::Error| format!("error: cannot write the report to {}: {e}", path.display());
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(cannot)?;
    }
    std::fs::write(path, json).map_err(cannot)
}

/// The report for people. Messages are shown without their hints: the warnings above have them.
pub fn render(report: &Report) -> String {
    let mut lines = vec!["coverage:".to_owned()];
    for service in &report.services {
        lines.extend(service_lines(service));
    }
    if !report.elsewhere.is_empty() {
        lines.push("  files of no generated service:".to_owned());
        lines.extend(findings_lines(&report.elsewhere));
    }
    lines.join("\n")
}

fn service_lines(service: &ServiceReport) -> Vec<String> {
    let protocol = match service.protocol {
        Protocol::Soap => "soap",
        Protocol::Http => "http",
    };
    let mut lines = vec![format!(
        "  {} ({protocol}): {}, {} generated",
        service.name,
        count(service.operations, "operation"),
        count(service.types, "type")
    )];
    lines.extend(findings_lines(&service.findings));
    lines
}

fn findings_lines(findings: &Findings) -> Vec<String> {
    let mut lines = Vec::new();
    if findings.skipped.is_empty() {
        lines.push("    skipped: nothing".to_owned());
    } else {
        let mut by_item: BTreeMap<Item, usize> = BTreeMap::new();
        for skipped in &findings.skipped {
            *by_item.entry(skipped.item).or_default() += 1;
        }
        let counts: Vec<String> = by_item
            .iter()
            .map(|(item, n)| count(*n, item.noun()))
            .collect();
        lines.push(format!("    skipped: {}", counts.join(", ")));
        for skipped in &findings.skipped {
            lines.push(format!(
                "      {}: {}{}",
                location(&skipped.file, skipped.line),
                skipped.reason,
                severity_note(skipped.severity)
            ));
        }
    }
    for (page, found) in &findings.pages {
        lines.push(format!("    {page}: {}", count(found.len(), "finding")));
        for finding in found {
            let kind = match finding.kind {
                Kind::Mismatch => "mismatch",
                Kind::DocLint => "doc lint",
                Kind::Skipped(_) | Kind::Other => "other",
            };
            lines.push(format!(
                "      {:>5}  {kind:<8}  {}",
                finding.line, finding.message
            ));
        }
    }
    let errors = findings
        .other
        .iter()
        .filter(|n| n.severity == Severity::Error);
    let errors = errors.count();
    let warnings = findings.other.len() - errors;
    if warnings > 0 {
        lines.push(format!("    {} (above)", count(warnings, "other warning")));
    }
    if errors > 0 {
        lines.push(format!("    {} (above)", count(errors, "other error")));
    }
    lines
}

/// `file:line`, or the file alone when the line is unknown.
fn location(file: &str, line: u32) -> String {
    if line > 0 {
        format!("{file}:{line}")
    } else {
        file.to_owned()
    }
}

fn severity_note(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => " (error)",
        Severity::Warning => "",
    }
}

/// `1 page`, `2 pages`; nouns such as `schema content` have no plural.
fn count(n: usize, noun: &str) -> String {
    if n == 1 || noun.ends_with("content") {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codegen::diag::Diagnostic;
    use codegen::ir::{Docs, Ir, Name, Service, Source};

    /// One empty SOAP service declared in `<folder>/service.toml`.
    fn ir_of(folder: &str) -> Ir {
        Ir {
            services: vec![Service {
                name: Name::wire(folder),
                docs: Docs::default(),
                source: Source {
                    file: format!("{folder}/service.toml"),
                    line: 1,
                },
                protocol: Protocol::Soap,
                base_urls: Vec::new(),
                credentials: Vec::new(),
                session: None,
                in_band_error: None,
                types: Vec::new(),
                operations: Vec::new(),
                regions: Vec::new(),
                groups: Vec::new(),
                username_token: None,
            }],
        }
    }

    #[test]
    fn the_report_folder_is_made() {
        let dir = std::env::temp_dir().join(format!("xtask-report-{}", std::process::id()));
        let path = dir.join("new/folder/report.json");
        let report = Report::new(Some(&ir_of("x")), &[]);
        write_json(&path, &report).unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().ends_with("}\n"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_service_with_skips_findings_and_other_warnings() {
        let diagnostics = [
            Diagnostic::warning("x/a.wsdl", 9, "operation `op` has no SOAP binding; skipped")
                .skipping(Item::Operation, "op"),
            Diagnostic::warning("x/a.wsdl", 3, "attribute `id` of `T` is ignored")
                .skipping(Item::SchemaContent, "T"),
            Diagnostic::warning("x/b.md", 0, "xsd:any in `U` is ignored")
                .skipping(Item::SchemaContent, "U"),
            Diagnostic::warning("x/b.md", 12, "the sample passes 1 argument")
                .with_kind(Kind::DocLint),
            Diagnostic::warning("x/b.md", 4, "the page says `int`").with_kind(Kind::Mismatch),
            Diagnostic::warning("x/a.wsdl", 1, "assumed something"),
            Diagnostic::error("elsewhere.md", 2, "cannot read: denied").skipping(Item::Page, ""),
        ];
        let report = Report::new(Some(&ir_of("x")), &diagnostics);
        assert_eq!(
            render(&report),
            "coverage:\n  \
             x (soap): 0 operations, 0 types generated\n    \
             skipped: 1 operation, 2 schema content\n      \
             x/a.wsdl:3: attribute `id` of `T` is ignored\n      \
             x/a.wsdl:9: operation `op` has no SOAP binding; skipped\n      \
             x/b.md: xsd:any in `U` is ignored\n    \
             x/b.md: 2 findings\n          \
             4  mismatch  the page says `int`\n         \
             12  doc lint  the sample passes 1 argument\n    \
             1 other warning (above)\n  \
             files of no generated service:\n    \
             skipped: 1 page\n      \
             elsewhere.md:2: cannot read: denied (error)"
        );
    }
}
