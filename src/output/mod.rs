//! One module per output kind; each renders from the loaded [`Programme`] model.

pub mod text;

use crate::model::Programme;

/// The kinds of output a build can write. The PDF kinds join this list as they are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum OutputKind {
    /// The accessible plain-text version (`<slug>.txt`).
    Text,
}

impl OutputKind {
    pub const ALL: &[OutputKind] = &[OutputKind::Text];

    /// The name used on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Text => "text",
        }
    }

    /// The file name of this output for a programme, inside `out/<region>/<slug>/`.
    pub fn file_name(self, slug: &str) -> String {
        match self {
            OutputKind::Text => format!("{slug}.txt"),
        }
    }

    /// Renders this output of `programme` to bytes.
    pub fn render(self, programme: &Programme) -> Vec<u8> {
        match self {
            OutputKind::Text => text::render(programme).into_bytes(),
        }
    }
}
