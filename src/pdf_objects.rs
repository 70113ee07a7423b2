//! Reading the objects of a finished PDF: what the PDF/X-4 finishing (`output/print/pdfx.rs`)
//! and the preflight (`preflight.rs`) share, so that both see a page the same way.

use std::cell::RefCell;
use std::io::Write as _;

use flate2::Compression;
use flate2::write::ZlibEncoder;

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
/// mind a few kilobytes), it was most of a print twin's finishing time. One encoder a thread,
/// reset for each stream: a new one allocates and clears zlib's window and tables (about a
/// quarter of a megabyte) for every stream of every print twin.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    thread_local! {
        static ENCODER: RefCell<ZlibEncoder<Vec<u8>>> =
            RefCell::new(ZlibEncoder::new(Vec::new(), Compression::fast()));
    }
    ENCODER.with_borrow_mut(|encoder| {
        encoder
            .write_all(bytes)
            // Finishes the stream and hands it back; the encoder starts the next one afresh.
            .and_then(|()| encoder.reset(Vec::new()))
            .expect("compressing into memory cannot fail")
    })
}

/// Sets a stream's content to `plain`, Flate-compressed.
pub fn set_compressed(stream: &mut Stream, plain: &[u8]) {
    stream.dict.remove(b"DecodeParms");
    stream
        .dict
        .set("Filter", Object::Name(b"FlateDecode".to_vec()));
    stream.set_content(deflate(plain));
}

/// Takes the ASCIIHex layer off every stream that has one: Typst writes it over each binary
/// stream when asked for uncompressed content streams (`pretty`), and the print twins want
/// their fonts and images binary, as Typst otherwise writes them.
pub fn strip_ascii_hex(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let mut filters = match stream.dict.get(b"Filter") {
            Ok(Object::Name(name)) => vec![Object::Name(name.clone())],
            Ok(Object::Array(items)) => items.clone(),
            _ => continue,
        };
        if filters.first().and_then(|f| f.as_name().ok()) != Some(b"ASCIIHexDecode") {
            continue;
        }
        let Some(binary) = from_hex(&stream.content) else {
            continue;
        };
        filters.remove(0);
        if let Ok(Object::Array(parms)) = stream.dict.get_mut(b"DecodeParms")
            && !parms.is_empty()
        {
            parms.remove(0);
        }
        match filters.len() {
            0 => {
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"DecodeParms");
            }
            1 => {
                stream.dict.set("Filter", filters.remove(0));
                if let Ok(Object::Array(parms)) = stream.dict.get(b"DecodeParms") {
                    match parms.first().cloned() {
                        Some(parm) => stream.dict.set("DecodeParms", parm),
                        None => {
                            stream.dict.remove(b"DecodeParms");
                        }
                    }
                }
            }
            _ => stream.dict.set("Filter", Object::Array(filters)),
        }
        stream.set_content(binary);
    }
}

/// ASCIIHex-decoded bytes (whitespace between digits, `>` at the end), or `None` if `hex` is
/// not ASCIIHex.
fn from_hex(hex: &[u8]) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(hex.len() / 2);
    let mut high: Option<u8> = None;
    for &c in hex {
        let digit = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            b'>' => break,
            c if c.is_ascii_whitespace() || c == 0 => continue,
            _ => return None,
        };
        match high.take() {
            Some(h) => bytes.push(h << 4 | digit),
            None => high = Some(digit),
        }
    }
    // An odd last digit is followed by an implied 0.
    bytes.extend(high.map(|h| h << 4));
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hex_layer_comes_off_and_the_filters_under_it_stay() {
        let mut doc = Document::with_version("1.7");
        let mut dict = Dictionary::new();
        dict.set(
            "Filter",
            Object::Array(vec![
                Object::Name(b"ASCIIHexDecode".to_vec()),
                Object::Name(b"FlateDecode".to_vec()),
            ]),
        );
        let flate = deflate(b"font data");
        let hex: String = flate.iter().map(|b| format!("{b:02X}")).collect();
        // A line break within, as Typst writes them.
        let hex = format!("{}\n{}>", &hex[..10], &hex[10..]);
        let id = doc.add_object(Object::Stream(Stream::new(dict, hex.into_bytes())));
        let plain = doc.add_object(Object::Stream(Stream::new(
            Dictionary::new(),
            b"q Q".to_vec(),
        )));
        strip_ascii_hex(&mut doc);
        let stream = doc.get_object(id).unwrap().as_stream().unwrap();
        assert_eq!(stream.filters().unwrap(), vec![&b"FlateDecode"[..]]);
        assert_eq!(stream.decompressed_content().unwrap(), b"font data");
        let untouched = doc.get_object(plain).unwrap().as_stream().unwrap();
        assert_eq!(untouched.content, b"q Q");
        assert_eq!(from_hex(b"4A5>"), Some(vec![0x4a, 0x50]));
        assert_eq!(from_hex(b"4G"), None);
    }
}
