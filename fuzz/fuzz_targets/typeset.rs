//! Model → Typst data → laid-out leaflet and summary, screen and print twins (with the PDF/X-4
//! finishing): any source that loads typesets or fails with errors, never a panic. Inputs are
//! kept small: each one is a full Typst compile.
#![no_main]

mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use trycksak::output::OutputKind;
use trycksak::output::RenderContext;
use trycksak::typeset::Typesetter;

static TYPESETTER: LazyLock<Typesetter> =
    LazyLock::new(|| Typesetter::new(&common::PROJECT.project));

fuzz_target!(|data: &[u8]| {
    if data.len() > 2048 {
        return;
    }
    let fuzz = &*common::PROJECT;
    let loaded = trycksak::source::load_bytes(&fuzz.project, &fuzz.source, data);
    let Some(programme) = loaded.programme else {
        return;
    };
    let cx = RenderContext::new(&TYPESETTER, &loaded.file, false);
    for kind in [
        OutputKind::named("leaflet").unwrap(),
        OutputKind::named("summary").unwrap(),
        OutputKind::named("leaflet-print").unwrap(),
        OutputKind::named("summary-print").unwrap(),
    ] {
        if let Ok(output) = kind.render(&programme, &cx, &[]) {
            assert!(output.bytes.starts_with(b"%PDF-"));
        }
    }
    typst::comemo::evict(10);
});
