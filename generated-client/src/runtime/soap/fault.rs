//! The contents of a SOAP `Fault`, 1.1 or 1.2.
//!
//! SOAP 1.1 has `faultcode`, `faultstring`, `faultactor` and `detail` (NuSOAP types them
//! with `xsi:type`, PHP's SoapServer does not); SOAP 1.2 has `Code/Value`, `Reason/Text`,
//! `Role` and `Detail`. Children are matched by local name whatever their prefix, and the
//! names of both versions are accepted in either: servers mix them up.

use super::xml::{DecodeError, XmlReader};

/// What a fault said. The code is kept as written (`SOAP-ENV:Server`).
#[derive(Debug, Default, PartialEq)]
pub(super) struct FaultParts {
    pub code: String,
    pub string: String,
    pub actor: Option<String>,
    /// The detail's text, or its markup when it holds elements.
    pub detail: Option<String>,
}

/// Reads the fault whose start tag was just read, through its end tag.
pub(super) fn read(r: &mut XmlReader<'_>) -> Result<FaultParts, DecodeError> {
    let mut fault = FaultParts::default();
    while let Some(child) = r.next_child()? {
        match child.local {
            "faultcode" => fault.code = r.read_inner()?.trim().to_owned(),
            "faultstring" => fault.string = r.read_inner()?.trim().to_owned(),
            "faultactor" | "Role" => fault.actor = non_blank(&r.read_inner()?),
            "detail" | "Detail" => fault.detail = non_blank(&r.read_inner()?),
            "Code" => fault.code = first_child_text(r, "Value")?.unwrap_or_default(),
            "Reason" => fault.string = first_child_text(r, "Text")?.unwrap_or_default(),
            _ => r.skip_to_end()?,
        }
    }
    Ok(fault)
}

fn non_blank(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The text of the first child named `local` of the current element, which is consumed.
fn first_child_text(r: &mut XmlReader<'_>, local: &str) -> Result<Option<String>, DecodeError> {
    let mut found = None;
    while let Some(child) = r.next_child()? {
        if found.is_none() && child.local == local {
            found = Some(r.read_inner()?.trim().to_owned());
        } else {
            r.skip_to_end()?;
        }
    }
    Ok(found)
}
