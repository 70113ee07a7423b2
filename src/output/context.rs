//! What every output kind is rendered with besides the programme: the typesetter (for the
//! kinds that lay out pages), the source (to locate problems in it), and what the documents of
//! one programme share. The outputs a kind lists (the HTML version's downloads) are handed to
//! it explicitly ([`Made`]), never found here.

use std::sync::{Arc, OnceLock};

use super::{OutputKind, hyphenate, twins};
use crate::diagnostics::SourceFile;
use crate::typeset::Typesetter;

/// The context of one programme's rendering.
pub struct RenderContext<'a> {
    pub typesetter: &'a Typesetter,
    /// The programme's source, for locating problems in it.
    pub source: &'a Arc<SourceFile>,
    /// Whether to render a PNG per page.
    pub preview: bool,
    /// What the screen and print twin of a document share, found by whichever is made first.
    pub twins: twins::Shared,
    /// The programme's texts with their break points, found once for all its documents.
    pub hyphenated: hyphenate::Cache,
    /// The programme as the templates get it, without and with hyphenation points: prepared
    /// once for all its documents and all the compiles of their fitting (see
    /// `RenderContext::compile`), with the address of the programme it was made of.
    pub prepared: [OnceLock<(usize, serde_json::Value)>; 2],
}

impl<'a> RenderContext<'a> {
    pub fn new(typesetter: &'a Typesetter, source: &'a Arc<SourceFile>, preview: bool) -> Self {
        RenderContext {
            typesetter,
            source,
            preview,
            twins: twins::Shared::default(),
            hyphenated: Default::default(),
            prepared: Default::default(),
        }
    }
}

/// An output of the programme, made: what a list of downloads says of it.
#[derive(Debug, Clone)]
pub struct Made {
    /// The output's kind.
    pub kind: OutputKind,
    /// Its file name, in the programme's folder.
    pub file: String,
    pub bytes: usize,
    pub pages: Option<u32>,
}
