//! One service's files into one [`Service`].
//!
//! STUB: to be implemented.

use crate::ir::Service;
use crate::read::{Read, manifest::Manifest, page::Page, wsdl::Wsdl};

pub fn service(
    manifest: &Manifest,
    manifest_file: &str,
    wsdl: Option<(String, Wsdl)>,
    pages: Vec<Page>,
) -> Read<Service> {
    let _ = (manifest, manifest_file, wsdl, pages);
    todo!()
}
