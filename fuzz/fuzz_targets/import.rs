//! Bytes → `trycksak import`'s reading of a Word or OpenDocument package → the source it writes →
//! that source loaded as a programme: any bytes give a draft or one error, never a panic, and a
//! draft's source is always one the loader can read (its front matter parses; only a missing
//! image file or a picture without description may be an error there).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trycksak::import::{ImportOptions, read_document, write_source};

fuzz_target!(|data: &[u8]| {
    let Ok(draft) = read_document(data.to_vec(), &ImportOptions::default()) else {
        return;
    };
    let written = write_source(&draft, "demo", "fuzz");
    let fuzz = &*common::PROJECT;
    let loaded = trycksak::source::load_bytes(&fuzz.project, &fuzz.source, written.source.as_bytes());
    for diagnostic in loaded.diagnostics.iter().filter(|d| d.is_error()) {
        let message = &diagnostic.message;
        assert!(
            message.contains("fuzz-") && (message.contains("does not exist") || message.contains("alt text")),
            "the written source does not load: {message}\n{}",
            written.source
        );
    }
});
