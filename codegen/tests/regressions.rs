//! Inputs that once broke a reader, found by the mutation tests (`tests/mutations.rs`) or the
//! fuzz targets (`fuzz/`). Each test says what went wrong.

use codegen::read::interserver_md;

/// A page whose Request table comes after 20,000 list lines. Every markdown event's line used
/// to be counted from the top of the page, which made big pages quadratic: a 33 KB mutation of
/// the seed page took 17 s in a debug build, and this one minutes. Lines deep in a page must
/// still come out right.
#[test]
fn lines_deep_in_a_long_page_are_right() {
    let filler = "- item\n".repeat(20_000);
    let text = format!(
        "## Long\n\n### About\n\n**API Function Name: api_long**\n\n{filler}\n\
         ### Request\n\nParameter|Type|Description\n---------|----|-----------\n\
         sid|string|the session\n\n### Response\n\nThis function returns a string\n"
    );
    let read = interserver_md::read("long.md", &text);
    let page = read.value.expect("the page reads");
    let row_at = text.find("sid|").expect("the row");
    let table_row = text[..row_at].matches('\n').count() + 1;
    assert_eq!(page.params.len(), 1, "{:#?}", read.diagnostics);
    assert_eq!(usize::try_from(page.params[0].line), Ok(table_row));
}
