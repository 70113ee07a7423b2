//! Reading the objects of a finished PDF: what the PDF/X-4 finishing (`output/print/pdfx.rs`)
//! and the preflight (`preflight.rs`) share, so that both see a page the same way.

use lopdf::{Dictionary, Document, ObjectId};

/// A page's resources as a reader sees them: its own, then those it inherits from its parents
/// (a key of the page's own wins).
pub fn page_resources(doc: &Document, page_id: ObjectId) -> Dictionary {
    let mut merged = Dictionary::new();
    if let Ok((direct, ids)) = doc.get_page_resources(page_id) {
        for dict in direct
            .into_iter()
            .chain(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()))
        {
            for (key, value) in dict.iter() {
                if !merged.has(key) {
                    merged.set(key.clone(), value.clone());
                }
            }
        }
    }
    merged
}
