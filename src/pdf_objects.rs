//! Reading the objects of a finished PDF: what the PDF/X-4 finishing (`output/print/pdfx.rs`)
//! and the preflight (`preflight.rs`) share, so that both see a page the same way.

use std::io::Write as _;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

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

/// zlib at its fastest level. lopdf's own `compress` uses level 9, which costs several times
/// as much for a fifth less: on every rewritten content stream (and a print shop does not
/// mind a few kilobytes), it was most of a print twin's finishing time.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("compressing into memory cannot fail")
}

/// Sets a stream's content to `plain`, Flate-compressed.
pub fn set_compressed(stream: &mut Stream, plain: &[u8]) {
    stream.dict.remove(b"DecodeParms");
    stream
        .dict
        .set("Filter", Object::Name(b"FlateDecode".to_vec()));
    stream.set_content(deflate(plain));
}
