//! Any bytes as a PDF for `check --print`: a print shop's file from anywhere must get a verdict,
//! never a panic or a hang. Exercises lopdf's parser, the content-stream lexer
//! (`src/pdf_content.rs`), the painter and the ink map. Seed it with real PDFs (the print twins
//! under `out/`) and single content streams.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let report = trycksak::preflight::inspect(bytes);
    let _ = report.render("fuzz.pdf");
    // A content stream on its own, as the lexer meets it.
    for op in trycksak::pdf_content::operations(bytes) {
        assert!(op.start <= op.end && op.end <= bytes.len());
    }
});
