//! The ResellerClub page reader on the committed seed (snapshot) and, when the shared corpus is
//! present, on every corpus page against what the page shows.

use codegen::read::page::{Page, ResponseShape};
use codegen::read::resellerclub_text::read;
use std::path::Path;

const SEED: &str = "../specs/resellerclub/enterpriseemail-renew.txt";
const CORPUS: &str = "../../shared/corpus/resellerclub";

/// Reads the page at `path`, naming it `file` (as the generator does: relative to the specs
/// folder) so that snapshots do not depend on where the test runs.
fn read_page(path: &Path, file: &str) -> (Page, Vec<codegen::diag::Diagnostic>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let read = read(file, &text);
    let page = read
        .value
        .unwrap_or_else(|| panic!("{file}: no page: {:?}", read.diagnostics));
    (page, read.diagnostics)
}

fn corpus_page(dir: &Path, file: &str) -> Page {
    read_page(&dir.join(file), file).0
}

#[test]
fn seed_page_snapshot() {
    let (page, diagnostics) = read_page(Path::new(SEED), "resellerclub/enterpriseemail-renew.txt");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    insta::assert_json_snapshot!("enterpriseemail_renew", page);
}

/// Windows line ends, tabs and no-break spaces around the text change nothing.
#[test]
fn line_ends_and_odd_whitespace_read_the_same() {
    let text = std::fs::read_to_string(SEED).expect("seed");
    let odd: String = text
        .lines()
        .map(|l| format!("\u{a0}{l}\t\r\n"))
        .collect::<Vec<_>>()
        .concat();
    let plain = read("p.txt", &text);
    let damaged = read("p.txt", &odd);
    assert!(damaged.diagnostics.is_empty(), "{:?}", damaged.diagnostics);
    assert_eq!(plain.value, damaged.value);
}

/// Any prefix of the seed, and the seed without any one of its lines, reads without panicking.
#[test]
fn damaged_seed_never_panics() {
    let text = std::fs::read_to_string(SEED).expect("seed");
    for (end, _) in text.char_indices() {
        let _ = read("seed.txt", &text[..end]);
    }
    let lines: Vec<&str> = text.lines().collect();
    for skip in 0..lines.len() {
        let damaged: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, l)| *l)
            .collect();
        let _ = read("seed.txt", &damaged.join("\n"));
    }
}

/// What one page shows, written down by reading the page.
struct Expected {
    file: &'static str,
    title: Option<&'static str>,
    method: &'static str,
    /// Name and Required (true) / Optional (false), in table order.
    params: &'static [(&'static str, bool)],
    /// `invoice-option`'s values, when the page has that parameter.
    invoice_values: &'static [&'static str],
    /// Label and URL start of each example, in page order.
    examples: &'static [(Option<&'static str>, &'static str)],
    shape: ResponseShape,
    /// Response keys in page order.
    keys: &'static [&'static str],
    conditional: &'static [&'static str],
    per_entry: &'static [&'static str],
    error_note: bool,
    /// Warnings the page deserves.
    warnings: usize,
}

const INVOICE_OPTIONS: &[&str] = &["NoInvoice", "PayInvoice", "KeepInvoice", "OnlyAdd"];
const ACTION_KEYS: [&str; 7] = [
    "description",
    "entityid",
    "actiontype",
    "actiontypedesc",
    "eaqid",
    "actionstatus",
    "actionstatusdesc",
];
const INVOICE_KEYS: &[&str] = &[
    "invoiceid",
    "sellingcurrencysymbol",
    "sellingamount",
    "customerid",
];

const ADD_KEYS: &[&str] = &[
    ACTION_KEYS[0],
    ACTION_KEYS[1],
    ACTION_KEYS[2],
    ACTION_KEYS[3],
    ACTION_KEYS[4],
    ACTION_KEYS[5],
    ACTION_KEYS[6],
    "invoiceid",
    "sellingcurrencysymbol",
    "sellingamount",
    "customerid",
    "discount-amount",
];

fn corpus() -> Vec<Expected> {
    vec![
        Expected {
            file: "customers-signup.txt",
            title: None,
            method: "POST",
            params: &[
                ("auth-userid", true),
                ("api-key", true),
                ("username", true),
                ("passwd", true),
                ("name", true),
                ("company", true),
                ("address-line-1", true),
                ("city", true),
                ("state", true),
                ("other-state", false),
                ("country", true),
                ("zipcode", true),
                ("phone-cc", true),
                ("phone", true),
                ("lang-pref", true),
                ("address-line-2", false),
                ("address-line-3", false),
                ("alt-phone-cc", false),
                ("alt-phone", false),
                ("fax-cc", false),
                ("fax", false),
                ("mobile-cc", false),
                ("mobile", false),
                ("sms-consent", false),
                ("vat-id", false),
                ("accept-policy", false),
                ("marketing-email-consent", false),
            ],
            invoice_values: &[],
            examples: &[(None, "https://test.httpapi.com/api/customers/signup.json?")],
            shape: ResponseShape::Prose,
            keys: &[],
            conditional: &[],
            per_entry: &[],
            error_note: true,
            warnings: 0,
        },
        Expected {
            file: "domains-register.txt",
            title: None,
            method: "POST",
            params: &[
                ("auth-userid", true),
                ("api-key", true),
                ("domain-name", true),
                ("years", true),
                ("ns", true),
                ("customer-id", true),
                ("reg-contact-id", true),
                ("admin-contact-id", true),
                ("tech-contact-id", true),
                ("billing-contact-id", true),
                ("invoice-option", true),
                ("purchase-privacy", false),
                ("protect-privacy", false),
                ("auto-renew", false),
                ("attr-name", false),
                ("attr-value", false),
                ("discount-amount", false),
            ],
            invoice_values: INVOICE_OPTIONS,
            examples: &[(None, "https://test.httpapi.com/api/domains/register.json?")],
            shape: ResponseShape::Fields,
            keys: &[
                ACTION_KEYS[0],
                ACTION_KEYS[1],
                ACTION_KEYS[2],
                ACTION_KEYS[3],
                ACTION_KEYS[4],
                ACTION_KEYS[5],
                ACTION_KEYS[6],
                "invoiceid",
                "sellingcurrencysymbol",
                "sellingamount",
                "unutilisedsellingamount",
                "customerid",
            ],
            conditional: &[
                "invoiceid",
                "sellingcurrencysymbol",
                "sellingamount",
                "unutilisedsellingamount",
                "customerid",
            ],
            per_entry: &[],
            error_note: true,
            warnings: 0,
        },
        Expected {
            file: "eelite-renew.txt",
            title: None,
            method: "POST",
            params: &[
                ("auth-userid", true),
                ("api-key", true),
                ("order-id", true),
                ("months", true),
                ("no-of-accounts", false),
                ("no-of-storage5-blocks", false),
                ("auto-renew", true),
                ("invoice-option", true),
                ("discount-amount", false),
            ],
            invoice_values: INVOICE_OPTIONS,
            examples: &[(
                Some("US Server"),
                "https://test.httpapi.com/api/eelite/us/renew.json?",
            )],
            shape: ResponseShape::Unknown,
            keys: &[],
            conditional: &[],
            per_entry: &[],
            error_note: false,
            // The response is one vague sentence: worth a warning.
            warnings: 1,
        },
        Expected {
            file: "enterpriseemail-add-email-account.txt",
            title: None,
            method: "POST",
            params: &[
                ("auth-userid", true),
                ("api-key", true),
                ("order-id", true),
                ("no-of-accounts", true),
                ("invoice-option", true),
                ("discount-amount", false),
            ],
            invoice_values: INVOICE_OPTIONS,
            examples: &[(
                Some("US Server"),
                "https://test.httpapi.com/api/enterpriseemail/us/add-email-account.json?",
            )],
            shape: ResponseShape::Fields,
            keys: ADD_KEYS,
            conditional: INVOICE_KEYS,
            per_entry: &[],
            error_note: true,
            warnings: 0,
        },
        Expected {
            file: "enterpriseemail-add.txt",
            title: None,
            method: "POST",
            params: &[
                ("auth-userid", true),
                ("api-key", true),
                ("domain-name", true),
                ("customer-id", true),
                ("months", true),
                ("no-of-accounts", true),
                ("auto-renew", true),
                ("invoice-option", true),
                ("discount-amount", false),
            ],
            invoice_values: INVOICE_OPTIONS,
            examples: &[
                (
                    Some("US Server"),
                    "https://test.httpapi.com/api/enterpriseemail/us/add.json?",
                ),
                (
                    Some("India Server"),
                    "https://test.httpapi.com/api/enterpriseemail/in/add.json?",
                ),
            ],
            shape: ResponseShape::Fields,
            keys: ADD_KEYS,
            conditional: INVOICE_KEYS,
            per_entry: &[],
            error_note: true,
            warnings: 0,
        },
        Expected {
            file: "enterpriseemail-delete-email-account.txt",
            title: None,
            method: "POST",
            params: &[
                ("auth-userid", true),
                ("api-key", true),
                ("order-id", true),
                ("no-of-accounts", true),
            ],
            invoice_values: &[],
            examples: &[(
                Some("US Server"),
                "https://test.httpapi.com/api/enterpriseemail/us/delete-email-account.json?",
            )],
            shape: ResponseShape::Fields,
            keys: &ACTION_KEYS,
            conditional: &[],
            per_entry: &[],
            error_note: true,
            warnings: 0,
        },
        Expected {
            file: "enterpriseemail-delete.txt",
            title: None,
            method: "POST",
            params: &[("auth-userid", true), ("api-key", true), ("order-id", true)],
            invoice_values: &[],
            examples: &[(
                Some("US Server"),
                "https://test.httpapi.com/api/enterpriseemail/us/delete.json?",
            )],
            shape: ResponseShape::Fields,
            keys: &[
                "description",
                "entityid",
                "eaqid",
                "actiontype",
                "actiontypedesc",
                "actionstatus",
                "actionstatusdesc",
            ],
            conditional: &[],
            per_entry: &[],
            error_note: true,
            warnings: 0,
        },
        Expected {
            file: "enterpriseemail-details.txt",
            title: Some("Get Details"),
            method: "GET",
            params: &[("auth-userid", true), ("api-key", true), ("order-id", true)],
            invoice_values: &[],
            examples: &[(
                Some("US Server"),
                "https://test.httpapi.com/api/enterpriseemail/us/details.json?",
            )],
            shape: ResponseShape::Fields,
            keys: &[
                "entityid",
                "description",
                "domainname",
                "currentstatus",
                "productcategory",
                "productkey",
                "creationtime",
                "endtime",
                "isImmediateReseller",
                "parentkey",
                "customerid",
                "emailaccounts",
                "isOrderSuspendedUponExpiry",
                "orderSuspendedByParent",
                "allowdeletion",
                "recurring",
            ],
            conditional: &[],
            per_entry: &[],
            error_note: false,
            warnings: 0,
        },
        Expected {
            file: "enterpriseemail-search.txt",
            title: Some("Search Orders"),
            method: "GET",
            params: &[
                ("auth-userid", true),
                ("api-key", true),
                ("no-of-records", true),
                ("page-no", true),
                ("order-id", false),
                ("reseller-id", false),
                ("customer-id", false),
                ("show-child-orders", false),
                ("status", false),
                ("domain-name", false),
                ("creation-date-start", false),
                ("creation-date-end", false),
                ("expiry-date-start", false),
                ("expiry-date-end", false),
                ("order-by", false),
            ],
            invoice_values: &[],
            examples: &[(
                Some("US Server"),
                "https://test.httpapi.com/api/enterpriseemail/us/search.json?",
            )],
            shape: ResponseShape::Fields,
            keys: &[
                "orders.orderid",
                "entity.entityid",
                "entity.description",
                "entity.currentstatus",
                "entity.customerid",
                "entitytype.entitytypekey",
                "orders.creationtime",
                "orders.endtime",
                "recsonpage",
                "recsindb",
            ],
            conditional: &[],
            per_entry: &[
                "orders.orderid",
                "entity.entityid",
                "entity.description",
                "entity.currentstatus",
                "entity.customerid",
                "entitytype.entitytypekey",
                "orders.creationtime",
                "orders.endtime",
            ],
            error_note: true,
            warnings: 0,
        },
        Expected {
            file: "gapps-add.txt",
            title: Some("Add"),
            method: "POST",
            params: &[
                ("auth-userid", true),
                ("api-key", true),
                ("domain-name", true),
                ("months", true),
                ("no-of-accounts", true),
                ("customer-id", true),
                ("auto-renew", false),
                ("invoice-option", true),
                ("discount-amount", false),
                ("plan-id", false),
                ("Is-transfer-in", false),
            ],
            invoice_values: INVOICE_OPTIONS,
            examples: &[
                (
                    Some("India"),
                    "https://test.httpapi.com/api/gapps/in/add.json?",
                ),
                (
                    Some("South East Asia & Egypt"),
                    "https://test.httpapi.com/api/gapps/se/add.json?",
                ),
                (
                    Some("Rest of the World"),
                    "hhttps://test.httpapi.com/api/gapps/gbl/add.json?",
                ),
            ],
            shape: ResponseShape::Fields,
            keys: &[
                ACTION_KEYS[0],
                ACTION_KEYS[1],
                ACTION_KEYS[2],
                ACTION_KEYS[3],
                ACTION_KEYS[4],
                ACTION_KEYS[5],
                ACTION_KEYS[6],
                "invoiceid",
                "sellingcurrencysymbol",
                "sellingamount",
                "customerid",
            ],
            conditional: INVOICE_KEYS,
            per_entry: &[],
            error_note: true,
            warnings: 0,
        },
    ]
}

#[test]
fn corpus_pages_read_as_they_show() {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        eprintln!("note: {CORPUS} is absent; corpus test skipped");
        return;
    }
    for expected in corpus() {
        let path = dir.join(expected.file);
        let file = expected.file;
        let (page, diagnostics) = read_page(&path, file);
        assert!(
            diagnostics.iter().all(|d| !d.is_error()),
            "{file}: {diagnostics:?}"
        );
        assert_eq!(
            diagnostics.len(),
            expected.warnings,
            "{file}: {diagnostics:?}"
        );
        assert_eq!(page.title.as_deref(), expected.title, "{file}");
        assert!(page.docs.summary.is_some(), "{file}: description");
        assert_eq!(
            page.http_method.as_ref().map(|m| m.value.as_str()),
            Some(expected.method),
            "{file}"
        );

        let params: Vec<_> = page
            .params
            .iter()
            .map(|p| (p.name.as_str(), p.required))
            .collect();
        let want: Vec<_> = expected
            .params
            .iter()
            .map(|(n, r)| (*n, Some(*r)))
            .collect();
        assert_eq!(params, want, "{file}: parameters");
        assert!(
            page.params
                .iter()
                .all(|p| p.line > 0 && !p.type_text.is_empty()),
            "{file}"
        );
        let invoice = page.params.iter().find(|p| p.name == "invoice-option");
        let values: Vec<_> = invoice
            .map(|p| p.values.iter().map(|v| v.value.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            values, expected.invoice_values,
            "{file}: invoice-option values"
        );
        let others_have_values = page.params.iter().any(|p| {
            p.name != "invoice-option" && p.name != "Is-transfer-in" && !p.values.is_empty()
        });
        assert!(
            !others_have_values,
            "{file}: values found where the page lists none"
        );

        assert_eq!(
            page.examples.len(),
            expected.examples.len(),
            "{file}: {:?}",
            page.examples
        );
        for (example, (label, start)) in page.examples.iter().zip(expected.examples) {
            assert_eq!(example.label.as_deref(), *label, "{file}");
            assert!(example.url.starts_with(start), "{file}: {}", example.url);
            assert!(!example.url.ends_with(char::is_whitespace), "{file}");
        }

        assert_eq!(page.response.shape, expected.shape, "{file}");
        let keys: Vec<_> = page
            .response
            .fields
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(keys, expected.keys, "{file}: response keys");
        let conditional: Vec<_> = page
            .response
            .fields
            .iter()
            .filter(|f| f.conditional)
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(
            conditional, expected.conditional,
            "{file}: conditional keys"
        );
        let per_entry: Vec<_> = page
            .response
            .fields
            .iter()
            .filter(|f| f.per_entry)
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(per_entry, expected.per_entry, "{file}: per-entry keys");
        assert!(
            page.response
                .fields
                .iter()
                .all(|f| f.label.is_some() && f.line > 0),
            "{file}"
        );
        assert_eq!(
            page.error_note.is_some(),
            expected.error_note,
            "{file}: error note"
        );
    }
}

/// Details the table above does not cover: types, value meanings, labels and docs as written.
#[test]
fn corpus_details() {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        eprintln!("note: {CORPUS} is absent; corpus test skipped");
        return;
    }
    let register = corpus_page(dir, "domains-register.txt");
    let type_of = |page: &Page, name: &str| {
        page.params
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.type_text.clone())
    };
    assert_eq!(
        type_of(&register, "ns").as_deref(),
        Some("Array of Strings")
    );
    assert_eq!(
        type_of(&register, "attr-name").as_deref(),
        Some("Map[name]")
    );
    assert_eq!(
        type_of(&register, "attr-value").as_deref(),
        Some("Map[value]")
    );
    let invoice = register
        .params
        .iter()
        .find(|p| p.name == "invoice-option")
        .expect("invoice-option");
    assert_eq!(
        invoice.values.first().and_then(|v| v.docs.as_deref()),
        Some("no invoice is raised and the domain name is registered.")
    );
    assert_eq!(
        register.docs.details,
        [
            "Before going further, read the TLD-specific rules and the Contact requirements of the TLD you want to register:"
        ]
    );

    let search = corpus_page(dir, "enterpriseemail-search.txt");
    assert_eq!(
        type_of(&search, "order-id").as_deref(),
        Some("Array of Integers")
    );
    assert_eq!(
        type_of(&search, "status").as_deref(),
        Some("Array of Strings")
    );

    let gapps = corpus_page(dir, "gapps-add.txt");
    let transfer = gapps
        .params
        .iter()
        .find(|p| p.name == "Is-transfer-in")
        .expect("Is-transfer-in");
    assert_eq!(
        transfer
            .values
            .iter()
            .map(|v| v.value.as_str())
            .collect::<Vec<_>>(),
        ["True", "False"]
    );

    let details = corpus_page(dir, "enterpriseemail-details.txt");
    let status = details
        .response
        .fields
        .iter()
        .find(|f| f.name == "currentstatus")
        .expect("currentstatus");
    assert_eq!(
        status.label.as_deref(),
        Some("Status of the Order in the system")
    );
    assert_eq!(
        status.docs.summary.as_deref(),
        Some(
            "value is one of InActive, Active, Suspended, Pending Delete Restorable, Deleted or Archived"
        )
    );

    let delete = corpus_page(dir, "enterpriseemail-delete.txt");
    let eaqid = delete
        .response
        .fields
        .iter()
        .find(|f| f.name == "eaqid")
        .expect("eaqid");
    assert_eq!(
        eaqid.label.as_deref(),
        Some("Id of the Order Suspension action")
    );
}
