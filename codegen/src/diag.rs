//! Diagnostics: every problem found in a spec, as `file:line[:col]: severity: what — hint`.
//!
//! Besides its text, a diagnostic carries a [`Kind`]: what it means for the generated code, set
//! where the diagnostic is made, so that reports ([`crate::report`]) never parse messages.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path relative to the specs folder.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based; 0 when unknown.
    pub col: u32,
    pub severity: Severity,
    pub message: String,
    /// What to do about it; empty when there is nothing to add.
    pub hint: String,
    /// What it means for the generated code; not shown in the text.
    pub kind: Kind,
}

/// What a diagnostic means for the generated code.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Anything else: an assumption made, a construct read a simpler way, a spec error.
    #[default]
    Other,
    /// Part of the spec is left out of the generated code.
    Skipped(Skipped),
    /// A doc page contradicts itself: its sample code, its example URLs or a copied label
    /// disagree with what the page documents.
    DocLint,
    /// A doc page disagrees with the WSDL, or two operations with each other; the generator
    /// uses one side, which the message names.
    Mismatch,
}

/// What was left out of the generated code.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    pub item: Item,
    /// The item's name in the spec (an operation's, a page's path); empty when it has none.
    pub name: String,
}

/// The kinds of spec items that can be left out.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// A WSDL operation.
    Operation,
    /// A whole doc page.
    Page,
    /// A section of a doc page.
    Section,
    /// A table of a doc page.
    Table,
    /// A row of a doc page's table.
    Row,
    /// An example URL of a doc page.
    ExampleUrl,
    /// A document or namespace a WSDL imports.
    Import,
    /// A SOAP header of an operation.
    Header,
    /// Schema content that is not read (attributes, `xsd:any`, group references), by the
    /// type it belongs to.
    SchemaContent,
}

impl Item {
    /// The item as a word in a sentence.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Operation => "operation",
            Self::Page => "page",
            Self::Section => "section",
            Self::Table => "table",
            Self::Row => "row",
            Self::ExampleUrl => "example URL",
            Self::Import => "import",
            Self::Header => "header",
            Self::SchemaContent => "schema content",
        }
    }
}

impl Diagnostic {
    pub fn error(file: &str, line: u32, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, line, message)
    }

    pub fn warning(file: &str, line: u32, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, line, message)
    }

    fn new(severity: Severity, file: &str, line: u32, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            col: 0,
            severity,
            message: message.into(),
            hint: String::new(),
            kind: Kind::Other,
        }
    }

    pub fn at_col(mut self, col: u32) -> Self {
        self.col = col;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }

    pub fn with_kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// Marks the diagnostic as saying that `item` (named `name`) is left out.
    pub fn skipping(self, item: Item, name: impl Into<String>) -> Self {
        self.with_kind(Kind::Skipped(Skipped {
            item,
            name: name.into(),
        }))
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}: {}", self.message)?;
        if !self.hint.is_empty() {
            write!(f, " — {}", self.hint)?;
        }
        Ok(())
    }
}

/// Collects diagnostics while a stage runs; stages keep going after errors so that one run
/// reports as much as it can.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Sorted by file, line, column and text, duplicates removed: the order users see never
    /// depends on the order stages ran in.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort();
        items.dedup();
        items
    }
}
