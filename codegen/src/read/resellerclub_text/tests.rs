//! Whole pages in small: one test per rendering and wording the reader must handle.

use super::read;
use crate::read::page::{ExampleUrl, Page, PageParam, ResponseShape};

/// Reads `text`, returning the page and every diagnostic as displayed.
fn read_page(text: &str) -> (Page, Vec<String>) {
    let read = read("p.txt", text);
    let diagnostics = read.diagnostics.iter().map(ToString::to_string).collect();
    (read.value.expect("a page"), diagnostics)
}

/// A page whose Parameters section is `table`; everything else minimal and well-formed.
fn with_params(table: &str) -> String {
    format!(
        "Description\nD.\nParameters\n{table}\nHTTP Method\nPOST\nExample Test URL Request\n\
         https://x.test/api/a/b.json\nResponse\nReturns a hash map:\n-\nId (entityid)\n"
    )
}

/// A page whose Response section is `response`.
fn with_response(response: &str) -> String {
    format!(
        "Description\nD.\nParameters\nName | Data Type | Required / Optional | Description |\n\
         ---|---|---|---|\nid | Integer | Required | x |\nHTTP Method\nGET\n\
         Example Test URL Request\nhttps://x.test/a.json\nResponse\n{response}"
    )
}

/// A page whose example section is `examples`.
fn with_examples(examples: &str) -> String {
    with_response("Returns a hash map:\n-\nId (entityid)").replace(
        "Example Test URL Request\nhttps://x.test/a.json\n",
        &format!("Example Test URL Request\n{examples}\n"),
    )
}

fn rows(params: &[PageParam]) -> Vec<(&str, &str, Option<bool>, &str)> {
    params
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.type_text.as_str(),
                p.required,
                p.docs.summary.as_deref().unwrap_or(""),
            )
        })
        .collect()
}

fn values(param: &PageParam) -> Vec<&str> {
    param.values.iter().map(|v| v.value.as_str()).collect()
}

fn keys(page: &Page) -> Vec<&str> {
    page.response
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .collect()
}

fn labelled(examples: &[ExampleUrl]) -> Vec<(Option<&str>, &str, u32)> {
    examples
        .iter()
        .map(|e| (e.label.as_deref(), e.url.as_str(), e.line))
        .collect()
}

const TWO_ROWS: [(&str, &str, Option<bool>, &str); 2] = [
    ("order-id", "Integer", Some(true), "The Order Id."),
    ("months", "Integer", Some(false), "Term in months."),
];

#[test]
fn a_leading_and_trailing_pipes_with_trailing_space() {
    let (page, diags) = read_page(&with_params(
        "| Name | Data Type | Required / Optional | Description | \n|---|---|---|---|\n\
         | order-id | Integer | Required | The Order Id. | \n| months | Integer | Optional | Term in months. | ",
    ));
    assert_eq!(rows(&page.params), TWO_ROWS);
    assert_eq!(
        page.params.iter().map(|p| p.line).collect::<Vec<_>>(),
        [6, 7]
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn b_no_leading_pipe() {
    let (page, diags) = read_page(&with_params(
        "Name | Data Type | Required / Optional | Description |\n---|---|---|---|\n\
         order-id | Integer | Required | The Order Id. |\nmonths | Integer | Optional | Term in months. |",
    ));
    assert_eq!(rows(&page.params), TWO_ROWS);
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn c_flattened_with_multi_word_types_and_continuations() {
    let (page, diags) = read_page(&with_params(
        "\nName Data Type Required / Optional Description\n\
         order-id Integer Required The Order Id.\n\n\
         status Array of Strings Optional Status(es) to match.\n\
         auto-renew Boolean Optional\n\nSwitches renewal on or off\n\nNote\n \n\n\
         months Integer Optional Term in months.\n\nExample:\n\nWith months 12 you get a year.\n",
    ));
    assert_eq!(
        rows(&page.params),
        [
            ("order-id", "Integer", Some(true), "The Order Id."),
            (
                "status",
                "Array of Strings",
                Some(false),
                "Status(es) to match."
            ),
            (
                "auto-renew",
                "Boolean",
                Some(false),
                "Switches renewal on or off"
            ),
            (
                "months",
                "Integer",
                Some(false),
                "Term in months. Example: With months 12 you get a year."
            ),
        ]
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn d_one_cell_per_line() {
    let (page, diags) = read_page(&with_params(
        "Name |\nData Type |\nRequired / Optional |\nDescription |\n---|\n\
         order-id |\nInteger |\nRequired |\nThe Order Id. |\nmonths |\nInteger |\nOptional |\nTerm in months. |",
    ));
    assert_eq!(rows(&page.params), TWO_ROWS);
    assert_eq!(
        page.params.iter().map(|p| p.line).collect::<Vec<_>>(),
        [9, 13]
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn e_six_extra_empty_columns() {
    let (page, diags) = read_page(&with_params(
        "| Name | Data Type | Required / Optional | Description | ||||||\n|---|---|---|---|---|---|---|---|---|---|\n\
         | order-id | Integer | Required | The Order Id. | ||||||\n| months | Integer | Optional | Term in months. | ||||||",
    ));
    assert_eq!(rows(&page.params), TWO_ROWS);
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn f_empty_fourth_header_name() {
    let (page, diags) = read_page(&with_params(
        "| Name | Data Type | Required / Optional | |\n|---|---|---|---|\n\
         | order-id | Integer | Required | The Order Id. | \n| months | Integer | Optional | Term in months. | ",
    ));
    assert_eq!(rows(&page.params), TWO_ROWS);
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn ml_cells_spilling_over_lines_in_every_style() {
    // B: text on the next line, then a lone `|`.
    let (b, diags_b) = read_page(&with_params(
        "Name | Data Type | Required / Optional | Description |\n---|---|---|---|\n\
         auto-renew | Boolean | Required |\nSwitches renewal. Note\n|\nmonths | Integer | Optional | Term in months. |",
    ));
    // A: trailing `Note`, then ` | `.
    let (a, diags_a) = read_page(&with_params(
        "| Name | Data Type | Required / Optional | Description | \n|---|---|---|---|\n\
         | auto-renew | Boolean | Required | Switches renewal. Note\n | \n| months | Integer | Optional | Term in months. | ",
    ));
    // E: indented `Note` lines, trailing tabs, a lost list ending in `:`.
    let (e, diags_e) = read_page(&with_params(
        "| Name | Data Type | Required / Optional | Description | ||||||\n|---|---|---|---|---|---|---|---|---|---|\n\
         | auto-renew | Boolean | Required | Switches renewal. \n Note\n Send -1 for these: \t\t\n | ||||||\n\
         | months | Integer | Optional | Term in months. | ||||||",
    ));
    let expected_b = [
        ("auto-renew", "Boolean", Some(true), "Switches renewal."),
        TWO_ROWS[1],
    ];
    assert_eq!(rows(&b.params), expected_b);
    assert_eq!(rows(&a.params), expected_b);
    // The lost list's announcement and its `Note` are dropped: no doc ends mid-thought.
    let expected_e = [
        ("auto-renew", "Boolean", Some(true), "Switches renewal."),
        TWO_ROWS[1],
    ];
    assert_eq!(rows(&e.params), expected_e);
    assert!(
        diags_a.is_empty() && diags_b.is_empty() && diags_e.is_empty(),
        "{diags_a:?} {diags_b:?} {diags_e:?}"
    );
}

#[test]
fn ml_a_row_missing_its_closing_pipe_does_not_swallow_the_next_row() {
    let (page, diags) = read_page(&with_params(
        "Name | Data Type | Required / Optional | Description |\n---|---|---|---|\n\
         auto-renew | Boolean | Required | Switches renewal. Note\nmonths | Integer | Optional | Term in months. |\n\
         | order-id | Integer | Required | The Order Id. |",
    ));
    assert_eq!(
        rows(&page.params),
        [
            ("auto-renew", "Boolean", Some(true), "Switches renewal."),
            TWO_ROWS[1],
            TWO_ROWS[0]
        ]
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn enum_comma_list() {
    let (page, _) = read_page(&with_params(
        "Name | Data Type | Required / Optional | Description |\n---|---|---|---|\n\
         invoice-option | String | Required | How invoices are handled. Values can be: NoInvoice, PayInvoice, KeepInvoice, OnlyAdd |",
    ));
    assert_eq!(
        values(&page.params[0]),
        ["NoInvoice", "PayInvoice", "KeepInvoice", "OnlyAdd"]
    );
    assert!(page.params[0].values.iter().all(|v| v.docs.is_none()));
}

#[test]
fn enum_or_with_full_stop_and_enum_true_false() {
    let (page, diags) = read_page(&with_params(
        "invoice-option String Required Values can be: NoInvoice, PayInvoice, KeepInvoice or OnlyAdd.\n\
         Is-transfer-in Boolean Optional Treated as False when left out. Values: True / False",
    ));
    assert_eq!(
        values(&page.params[0]),
        ["NoInvoice", "PayInvoice", "KeepInvoice", "OnlyAdd"]
    );
    assert_eq!(page.params[1].name, "Is-transfer-in");
    assert_eq!(values(&page.params[1]), ["True", "False"]);
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn enum_lines_with_meanings() {
    let (page, diags) = read_page(&with_params(
        "| Name | Data Type | Required / Optional | Description | ||||||\n|---|---|---|---|---|---|---|---|---|---|\n\
         | invoice-option | String | Required | Decides the invoice. Use one of these Invoice Options: \n\
         NoInvoice: no invoice is raised.\n PayInvoice: an invoice is raised and paid.\n | ||||||",
    ));
    let found: Vec<_> = page.params[0]
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.docs.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("NoInvoice", Some("no invoice is raised.")),
            ("PayInvoice", Some("an invoice is raised and paid."))
        ]
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn enum_never_invented_from_prose_and_unreadable_lists_reported() {
    let (page, diags) = read_page(&with_params(
        "status Array of Strings Optional Status(es) to match, for example Active, InActive or Deleted.\n\
         state String Required If there is none, send the value Not Applicable.\n\
         mode String Optional Values can be: Fast Mode, Slow Mode",
    ));
    assert!(page.params.iter().all(|p| p.values.is_empty()));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].starts_with("p.txt:6: warning: parameter `mode`: cannot read the values"),
        "{diags:?}"
    );
}

#[test]
fn lc_lower_case_optional_and_required() {
    let (page, diags) = read_page(&with_params(
        "| Name | Data Type | Required / Optional | Description | \n|---|---|---|---|\n\
         | a | Float | optional | x | \n| b | Float | REQUIRED | y | \n| c | Float | maybe | z | ",
    ));
    let flags: Vec<_> = page.params.iter().map(|p| p.required).collect();
    assert_eq!(flags, [Some(false), Some(true), None]);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].contains("cannot tell Required or Optional from `maybe`"),
        "{diags:?}"
    );
}

#[test]
fn arr_and_map_types_as_written() {
    let (page, _) = read_page(&with_params(
        "| Name | Data Type | Required / Optional | Description | \n|---|---|---|---|\n\
         | ns | Array of Strings | Required | Name Servers. | \n| attr-name | Map[name] | Optional | Name half. | \n\
         | attr-value | Map[value] | Optional | Value half. | ",
    ));
    let types: Vec<_> = page
        .params
        .iter()
        .map(|p| (p.name.as_str(), p.type_text.as_str()))
        .collect();
    assert_eq!(
        types,
        [
            ("ns", "Array of Strings"),
            ("attr-name", "Map[name]"),
            ("attr-value", "Map[value]")
        ]
    );
    let (flat, _) = read_page(&with_params(
        "order-id Array of Integers Optional Ids.\nattr-name Map[name] Optional Name half.",
    ));
    let types: Vec<_> = flat.params.iter().map(|p| p.type_text.as_str()).collect();
    assert_eq!(types, ["Array of Integers", "Map[name]"]);
}

#[test]
fn reg_labels_on_the_url_line() {
    let (page, diags) = read_page(&with_examples(
        "US Server  https://x.test/api/e/us/add.json?a=1 \nIndia Server https://x.test/api/e/in/add.json?a=1",
    ));
    assert_eq!(
        labelled(&page.examples),
        [
            (
                Some("US Server"),
                "https://x.test/api/e/us/add.json?a=1",
                10
            ),
            (
                Some("India Server"),
                "https://x.test/api/e/in/add.json?a=1",
                11
            )
        ]
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn reg_labels_on_their_own_line_unlabelled_and_typos_kept() {
    let (page, diags) = read_page(&with_examples(
        "India\n\nhttps://x.test/api/g/in/add.json\n\nSouth East Asia & Egypt\n\nhttps://x.test/api/g/se/add.json\n\
         Rest of the World\nhhttps://x.test/api/g/gbl/add.json\t\nhttps://x.test/api/g/x.json",
    ));
    assert_eq!(
        labelled(&page.examples),
        [
            (Some("India"), "https://x.test/api/g/in/add.json", 12),
            (
                Some("South East Asia & Egypt"),
                "https://x.test/api/g/se/add.json",
                16
            ),
            (
                Some("Rest of the World"),
                "hhttps://x.test/api/g/gbl/add.json",
                18
            ),
            (None, "https://x.test/api/g/x.json", 19),
        ]
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn bul_dash_on_its_own_line_with_trailing_space() {
    let (page, diags) = read_page(&with_response(
        "Returns a hash map with the following details:\n- \nDomain name (description) \n-\nAmount (in the selling currency) charged (sellingamount)",
    ));
    assert_eq!(page.response.shape, ResponseShape::Fields);
    assert_eq!(keys(&page), ["description", "sellingamount"]);
    let labels: Vec<_> = page
        .response
        .fields
        .iter()
        .map(|f| f.label.as_deref())
        .collect();
    assert_eq!(
        labels,
        [
            Some("Domain name"),
            Some("Amount (in the selling currency) charged")
        ]
    );
    assert_eq!(
        page.response
            .fields
            .iter()
            .map(|f| f.line)
            .collect::<Vec<_>>(),
        [14, 16]
    );
    assert_eq!(
        page.response.docs.summary.as_deref(),
        Some("Returns a hash map with the following details:")
    );
    assert!(page.response.fields.iter().all(|f| f.type_text.is_empty()));
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn bul_dot_bullets_with_docs_after_the_key() {
    let (page, diags) = read_page(&with_response(
        "Returns a hash map:\n\n  • Id of the Order (entityid)\n\n  • Status (currentstatus) - value is one of Active or Deleted\n",
    ));
    assert_eq!(keys(&page), ["entityid", "currentstatus"]);
    let status = &page.response.fields[1];
    assert_eq!(status.label.as_deref(), Some("Status"));
    assert_eq!(
        status.docs.summary.as_deref(),
        Some("value is one of Active or Deleted")
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn bul_without_key_is_reported() {
    let (page, diags) = read_page(&with_response(
        "Returns:\n-\nSomething without a key\n-\nId (entityid)",
    ));
    assert_eq!(keys(&page), ["entityid"]);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].starts_with("p.txt:14: warning: response bullet without a key"),
        "{diags:?}"
    );
}

#[test]
fn cond_notes_in_several_wordings_mark_only_the_named_keys() {
    let bullets = "Returns a hash map:\n-\nId (entityid)\n-\nInvoice (invoiceid)\n-\nAmount (sellingamount)\n";
    for note in [
        "invoiceid and sellingamount will not be returned if invoice-option is set to NoInvoice.",
        "invoiceid and sellingamount are left out of the response when invoice-option is NoInvoice.",
        "When invoice-option is NoInvoice, the response does not include invoiceid and sellingamount.",
        "Note\ninvoiceid, sellingamount are not part of the response if invoice-option is NoInvoice.",
        "invoiceid and sellingamount are not returned when entityid is 0.",
    ] {
        let (page, diags) = read_page(&with_response(&format!("{bullets}{note}")));
        let conditional: Vec<_> = page
            .response
            .fields
            .iter()
            .filter(|f| f.conditional)
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(conditional, ["invoiceid", "sellingamount"], "{note}");
        let sentence = note.trim_start_matches("Note\n");
        assert_eq!(page.response.docs.details, [sentence]);
        assert!(diags.is_empty(), "{diags:?}");
    }
}

#[test]
fn cond_note_naming_no_listed_key_is_reported() {
    let (page, diags) = read_page(&with_response(
        "Returns:\n-\nId (entityid)\nfoo is left out when bar is 1.",
    ));
    assert!(page.response.fields.iter().all(|f| !f.conditional));
    assert_eq!(diags.len(), 1, "{diags:?}");
}

#[test]
fn err_sentence_in_two_wordings_is_the_error_note() {
    for sentence in [
        "In case of any errors, a status key with value as ERROR alongwith an error message will be returned.",
        "On failure, a status key set to ERROR is returned along with a message that describes the error.",
    ] {
        let (page, _) = read_page(&with_response(&format!(
            "Returns:\n-\nId (entityid)\n{sentence}"
        )));
        let note = page.error_note.expect("error note");
        assert_eq!((note.value.as_str(), note.line), (sentence, 15));
        assert_eq!(page.response.docs.details, Vec::<String>::new());
    }
}

#[test]
fn prose_response_is_a_bare_value() {
    let (page, diags) = read_page(&with_response(
        "The response body is the Customer Id of the new account, as a bare integer.\n\
         If the request fails, the response holds a status key with the value ERROR together with an error message.",
    ));
    assert_eq!(page.response.shape, ResponseShape::Prose);
    assert!(page.response.fields.is_empty());
    assert_eq!(
        page.response.docs.summary.as_deref(),
        Some("The response body is the Customer Id of the new account, as a bare integer.")
    );
    assert!(page.error_note.is_some());
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn vague_response_is_unknown_and_reported() {
    let (page, diags) = read_page(&with_response(
        "Returns a map that describes how the request was processed.",
    ));
    assert_eq!(page.response.shape, ResponseShape::Unknown);
    assert_eq!(page.response.line, 11);
    assert_eq!(
        page.response.docs.summary.as_deref(),
        Some("Returns a map that describes how the request was processed.")
    );
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].starts_with("p.txt:11: warning: the response section lists no keys"),
        "{diags:?}"
    );
}

#[test]
fn per_entry_keys_then_top_level_keys() {
    let (page, diags) = read_page(&with_response(
        "Returns a hash map. Every Order sits under its own numbered key (\"1\", \"2\", ...) and has these details:\n\
         • Order Id (orders.orderid)\n• Status (entity.currentstatus)\n\
         Next to the numbered Orders, the hash map also holds:\n• Count (recsonpage)\n",
    ));
    let scopes: Vec<_> = page
        .response
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.per_entry))
        .collect();
    assert_eq!(
        scopes,
        [
            ("orders.orderid", true),
            ("entity.currentstatus", true),
            ("recsonpage", false)
        ]
    );
    assert_eq!(
        page.response.docs.details,
        ["Next to the numbered Orders, the hash map also holds:"]
    );
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn title_lead_note_and_section_order() {
    let (page, diags) = read_page(
        "Get Details\n\nBefore going further, read the rules:\n\nHTTP Method\n\nGET\n\n\
         Example Test URL Request\n\nUS Server https://x.test/a.json\n\nDescription\n\nFirst.\n\nSecond.\n\n\
         Parameters\n\nid Integer Required x\n\nResponse\n\n• Id (entityid)",
    );
    assert_eq!(page.title.as_deref(), Some("Get Details"));
    assert_eq!(page.source.line, 1);
    assert_eq!(page.docs.summary.as_deref(), Some("First."));
    assert_eq!(
        page.docs.details,
        ["Before going further, read the rules:", "Second."]
    );
    assert_eq!(keys(&page), ["entityid"]);
    let method = page.http_method.expect("method");
    assert_eq!((method.value.as_str(), method.line), ("GET", 7));
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn missing_parameter_table_and_example_url_are_reported() {
    let (page, diags) = read_page("Description\nD.\nHTTP Method\nPOST\nResponse\n-\nId (entityid)");
    assert!(page.params.is_empty() && page.examples.is_empty());
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(
        diags.iter().any(|d| d.contains("no parameter table")),
        "{diags:?}"
    );
    assert!(
        diags.iter().any(|d| d.contains("no example URL")),
        "{diags:?}"
    );

    let (_, diags) = read_page(&with_examples("see the server list."));
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(
        diags.iter().any(|d| d.contains("no example URL found")),
        "{diags:?}"
    );
}

#[test]
fn unknown_method_and_stray_table_text_are_reported() {
    let (page, diags) = read_page(
        &with_params(
            "Name | Data Type | Required / Optional | Description |\n---|---|---|---|\n\
         id | Integer | Required | x |\nA note below the table.",
        )
        .replace("POST", "FETCH"),
    );
    assert_eq!(page.http_method.map(|m| m.value).as_deref(), Some("FETCH"));
    assert_eq!(
        rows(&page.params),
        [("id", "Integer", Some(true), "x A note below the table.")]
    );
    assert_eq!(diags.len(), 2, "{diags:?}");
}

#[test]
fn not_a_page_is_an_error() {
    let read = read("p.txt", "just some text\nwith no headings");
    assert!(read.value.is_none());
    assert_eq!(read.diagnostics.len(), 1);
    assert!(read.diagnostics[0].is_error());
}

/// Pages made of page-like fragments in random order never panic.
#[test]
fn never_panics_on_scrambled_pages() {
    const PARTS: [&str; 30] = [
        "Description",
        "Parameters",
        "HTTP Method",
        "Example Test URL Request",
        "Response",
        "\n",
        "\n",
        " ",
        "|",
        " | ",
        "---|",
        "-",
        "•",
        "(",
        ")",
        "(key)",
        ":",
        "Values can be:",
        "Required",
        "Optional",
        "Array of Strings",
        "https://x",
        "ERROR status",
        "numbered",
        "also holds",
        "not returned",
        "é",
        "İ",
        "\u{a0}",
        "\t",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let index = usize::try_from(seed % PARTS.len() as u64).unwrap_or(0);
            text.push_str(PARTS[index]);
        }
        let _ = read("fuzz.txt", &text);
    }
}
