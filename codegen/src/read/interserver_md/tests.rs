//! Reader tests on small pages written for them; the vendor's own pages are read by
//! `tests/interserver_md.rs`.

use super::*;
use crate::diag::Severity;

const FILE: &str = "interserver/example.md";

/// A page in the vendor's layout around the given Request and Response section bodies.
fn page_with(request: &str, response: &str) -> String {
    format!(
        "\n## Example Call\n\n### About\n\n**API Function Name: api_example**\n\nDoes the example thing\n\n\
         ### Request\n\n{request}\n\n### Response\n\n{response}\n"
    )
}

fn read_ok(text: &str) -> Page {
    let result = read(FILE, text);
    assert!(
        result.diagnostics.is_empty(),
        "unexpected diagnostics: {:#?}",
        result.diagnostics
    );
    result.value.expect("a page")
}

fn fields_table(rows: &str) -> String {
    format!(
        "This function returns an associative array with the following fields\n\nField|Type|Description\n-----|----|-----------\n{rows}"
    )
}

const TWO_PARAMS: &str = "Parameter|Type|Description\n---------|----|-----------\n\
    sid|string|the *Session ID* you get from the [login](#login) call\ncoupon|string|coupon name";

/// The line of the first line of `text` that starts with `prefix`.
fn line_starting(text: &str, prefix: &str) -> u32 {
    let index = text
        .lines()
        .position(|l| l.starts_with(prefix))
        .expect("line present");
    u32::try_from(index + 1).expect("small")
}

#[test]
fn reads_title_function_description_params_and_fields() {
    let text = page_with(
        TWO_PARAMS,
        &fields_table("status|string|Location Status\nstatus_text|string|\ncost|float|"),
    );
    let page = read_ok(&text);
    assert_eq!(page.title.as_deref(), Some("Example Call"));
    assert_eq!(
        page.source,
        Source {
            file: FILE.into(),
            line: 2
        }
    );
    assert_eq!(page.operation.as_deref(), Some("api_example"));
    assert_eq!(
        page.docs,
        Docs {
            summary: Some("Does the example thing".into()),
            details: vec![]
        }
    );

    let params: Vec<_> = page
        .params
        .iter()
        .map(|p| (p.name.as_str(), p.type_text.as_str(), p.line))
        .collect();
    assert_eq!(
        params,
        [
            ("sid", "string", line_starting(&text, "sid|")),
            ("coupon", "string", line_starting(&text, "coupon|"))
        ]
    );
    let sid = &page.params[0];
    assert_eq!(
        sid.docs.summary.as_deref(),
        Some("the Session ID you get from the login call")
    );
    assert_eq!((sid.required, sid.values.is_empty()), (None, true));

    assert_eq!(page.response.shape, ResponseShape::Fields);
    assert_eq!(page.response.line, line_starting(&text, "### Response"));
    assert_eq!(
        page.response.docs.summary.as_deref(),
        Some("This function returns an associative array with the following fields")
    );
    let fields: Vec<_> = page
        .response
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.type_text.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("status", "string"),
            ("status_text", "string"),
            ("cost", "float")
        ]
    );
    assert_eq!(
        page.response.fields[0].docs.summary.as_deref(),
        Some("Location Status")
    );
    assert_eq!(page.response.fields[1].docs, Docs::default());
    assert_eq!(page.response.fields[2].line, line_starting(&text, "cost|"));
}

#[test]
fn continuation_rows_document_the_field_above() {
    let rows = "status|string|Location Status\n\
        invoices|string|*Field* *Description*\n \
        | |*invoices_id* ID of the Invoice used for referencing\n \
        | |*invoices_module* Module the Invoice was for.  You can use [get_modules](#get-modules) to list them.\n\
        cost|float|";
    let page = read_ok(&page_with(TWO_PARAMS, &fields_table(rows)));
    let names: Vec<_> = page
        .response
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["status", "invoices", "cost"]);
    let invoices = &page.response.fields[1];
    assert_eq!(
        invoices.docs.summary, None,
        "the sub-table header is not documentation"
    );
    assert_eq!(
        invoices.docs.details,
        [
            "`invoices_id`: ID of the Invoice used for referencing",
            "`invoices_module`: Module the Invoice was for. You can use get_modules to list them.",
        ]
    );
    assert_eq!(page.response.fields[2].docs, Docs::default());
}

#[test]
fn continuation_row_without_a_row_above_is_a_warning() {
    let text = page_with(
        TWO_PARAMS,
        &fields_table(" | |*orphan* text\nstatus|string|"),
    );
    let result = read(FILE, &text);
    let [warning] = result.diagnostics.as_slice() else {
        panic!("{:#?}", result.diagnostics)
    };
    assert_eq!(
        (warning.severity, warning.line),
        (Severity::Warning, line_starting(&text, " | |*orphan*"))
    );
    let page = result.value.expect("a page");
    assert_eq!(page.response.fields.len(), 1);
}

#[test]
fn lone_return_row_is_a_scalar() {
    let page = read_ok(&page_with(
        TWO_PARAMS,
        &fields_table("return|int|the prepay id"),
    ));
    assert_eq!(page.response.shape, ResponseShape::Scalar);
    let [field] = page.response.fields.as_slice() else {
        panic!("one field")
    };
    assert_eq!(
        (field.name.as_str(), field.type_text.as_str()),
        ("return", "int")
    );
    assert_eq!(field.docs.summary.as_deref(), Some("the prepay id"));

    let page = read_ok(&page_with(
        TWO_PARAMS,
        &fields_table("return|int|\nstatus|string|"),
    ));
    assert_eq!(
        page.response.shape,
        ResponseShape::Fields,
        "`return` among other fields is a field"
    );
}

#[test]
fn takes_no_parameters() {
    let page = read_ok(&page_with(
        "This function takes no parameters",
        &fields_table("return|array|"),
    ));
    assert!(page.params.is_empty());
    assert_eq!(page.response.fields[0].type_text, "array");
}

#[test]
fn request_without_table_or_sentence_is_a_warning() {
    let text = page_with("Some words about the call.", &fields_table("return|array|"));
    let result = read(FILE, &text);
    let [warning] = result.diagnostics.as_slice() else {
        panic!("{:#?}", result.diagnostics)
    };
    assert_eq!(
        (warning.severity, warning.line),
        (Severity::Warning, line_starting(&text, "### Request"))
    );
    assert!(result.value.expect("a page").params.is_empty());
}

#[test]
fn raw_wsdl_types_and_field_zero_stay_verbatim() {
    let rows = "0|tns:license_type[]|\ntickets|tns:getTicketList_tickets|";
    let page = read_ok(&page_with(TWO_PARAMS, &fields_table(rows)));
    let fields: Vec<_> = page
        .response
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.type_text.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("0", "tns:license_type[]"),
            ("tickets", "tns:getTicketList_tickets")
        ]
    );
    assert_eq!(page.response.shape, ResponseShape::Fields);
}

#[test]
fn links_keep_their_text_in_either_anchor_style() {
    let request = "Parameter|Type|Description\n---|---|---\n\
        module|string|use [get_modules](#get_modules) to get a list\n\
        other|string|or [get_modules](#get-modules), **really**";
    let page = read_ok(&page_with(request, &fields_table("return|int|")));
    let docs: Vec<_> = page
        .params
        .iter()
        .map(|p| p.docs.summary.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(
        docs,
        ["use get_modules to get a list", "or get_modules, really"]
    );
}

#[test]
fn text_keeps_dollar_words_and_collapses_whitespace() {
    let page = read_ok(&page_with(
        TWO_PARAMS,
        &fields_table("return|int|$resp   Response of Action. Default: Serialize"),
    ));
    assert_eq!(
        page.response.fields[0].docs.summary.as_deref(),
        Some("$resp Response of Action. Default: Serialize")
    );
}

#[test]
fn doc_comment_lines_join_the_description() {
    let text = "## Login\n\n### About\n\n**API Function Name: api_login**\n\n\
        This function creates a session which you will need to pass to\n\
        * most functions for authentication.   Sessions\n\
        * expire.\n\
        *\n\
        * A second paragraph.\n\n\
        ### Request\n\nThis function takes no parameters\n\n### Response\n\n";
    let result = read(FILE, text);
    let page = result.value.expect("a page");
    assert_eq!(
        page.docs.summary.as_deref(),
        Some(
            "This function creates a session which you will need to pass to most functions for authentication. Sessions expire."
        )
    );
    assert_eq!(page.docs.details, ["A second paragraph."]);
}

#[test]
fn samples_are_the_fenced_blocks_of_sample_code() {
    let text = "## X\n\n### About\n\n**API Function Name: x**\n\n### Sample Code\n\n\
        ```perl\nprint 1;\n```\n\n```\nbare\n```\n\n    indented\n\n\
        ### Request\n\nThis function takes no parameters\n\n### Response\n\n```json\n{}\n```\n\n\
        Field|Type|Description\n-|-|-\nreturn|int|\n";
    let page = read_ok(text);
    let samples: Vec<_> = page
        .samples
        .iter()
        .map(|s| (s.language.as_str(), s.code.as_str(), s.line))
        .collect();
    assert_eq!(samples, [("perl", "print 1;\n", 9), ("", "bare\n", 13)]);
}

#[test]
fn example_response_html_is_ignored() {
    let text = page_with(TWO_PARAMS, &fields_table("return|string|"))
        + "\n### Example Response\n\n<table>\n\t<tr>\n\t\t<td>String</td>\n\t</tr>\n</table>\n";
    let page = read_ok(&text);
    assert_eq!(page.response.fields.len(), 1);
}

#[test]
fn missing_function_name_is_an_error_with_line_and_hint() {
    let text = "\n## Example\n\n### About\n\nDoes things.\n\n### Request\n\nThis function takes no parameters\n";
    let result = read(FILE, text);
    assert!(result.value.is_none());
    let errors: Vec<_> = result.diagnostics.iter().filter(|d| d.is_error()).collect();
    let [error] = errors.as_slice() else {
        panic!("{:#?}", result.diagnostics)
    };
    assert_eq!((error.file.as_str(), error.line), (FILE, 4));
    assert!(error.hint.contains("API Function Name:"), "{error}");
}

#[test]
fn function_name_must_be_an_identifier_stated_once() {
    let bad = "## X\n\n### About\n\n**API Function Name: two words**\n";
    let result = read(FILE, bad);
    assert!(result.value.is_none());
    assert!(
        result
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.line == 5),
        "{:#?}",
        result.diagnostics
    );

    let twice = "## X\n\n### About\n\n**API Function Name: a**\n\n**API Function Name: b**\n";
    let result = read(FILE, twice);
    assert!(result.value.is_none());
    assert!(
        result
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.line == 7),
        "{:#?}",
        result.diagnostics
    );
}

#[test]
fn malformed_rows_are_warnings_with_lines() {
    let request = "Parameter|Type|Description\n---|---|---\n\
        sid|string|the session\n\
        extra|string|a|b\n\
        |string|no name\n\
        short";
    let text = page_with(request, &fields_table("return|int|"));
    let result = read(FILE, &text);
    let warnings: Vec<_> = result
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.line))
        .collect();
    assert_eq!(
        warnings,
        [
            (Severity::Warning, line_starting(&text, "extra|")),
            (Severity::Warning, line_starting(&text, "|string|no name")),
            (Severity::Warning, line_starting(&text, "short")),
            (Severity::Warning, line_starting(&text, "short")),
        ],
        "{:#?}",
        result.diagnostics
    );
    let page = result.value.expect("warnings keep the page");
    let names: Vec<_> = page.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["sid", "extra", "short"]);
}

#[test]
fn table_with_other_columns_is_a_warning() {
    let text = page_with(
        "Name|Kind\n---|---\nsid|string",
        &fields_table("return|int|"),
    );
    let result = read(FILE, &text);
    let [warning] = result.diagnostics.as_slice() else {
        panic!("{:#?}", result.diagnostics)
    };
    assert_eq!(warning.line, line_starting(&text, "Name|Kind"));
    assert!(warning.hint.contains("Parameter|Type|Description"));
}

#[test]
fn missing_sections_and_empty_response_are_warnings() {
    let text = "## X\n\n### About\n\n**API Function Name: x**\n";
    let result = read(FILE, text);
    assert_eq!(result.diagnostics.len(), 2, "{:#?}", result.diagnostics);
    assert!(
        result
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    assert_eq!(
        result.value.expect("a page").response.shape,
        ResponseShape::Unknown
    );

    let result = read(FILE, &page_with(TWO_PARAMS, "Returns something."));
    let [warning] = result.diagnostics.as_slice() else {
        panic!("{:#?}", result.diagnostics)
    };
    assert!(warning.message.contains("no field table"));
}

#[test]
fn never_panics_on_any_prefix_of_a_page() {
    let text = page_with(
        TWO_PARAMS,
        &fields_table("invoices|string|*Field* *Description*\n | |*a* b\nx|y|z|w"),
    ) + "\n```perl\nunclosed";
    for (end, _) in text.char_indices() {
        let _ = read(FILE, &text[..end]);
    }
    for odd in [
        "",
        "|",
        "**API Function Name:**",
        "## \n### Request\n| |\n|-|\n| |",
        "* \n*\n* *x*",
    ] {
        let _ = read(FILE, odd);
    }
}
