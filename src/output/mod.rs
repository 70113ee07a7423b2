//! One module per output kind; each renders from the loaded [`Programme`] model. The kinds are
//! listed once, in [`KINDS`]: build, check, watch, the manifest and the command line's
//! `--format` all read that table, and know nothing of any one kind.
//!
//! Adding a kind is its own module (an [`Output`]) and one line in [`KINDS`].

pub mod braille;
pub mod context;
pub mod fit;
pub mod html;
pub mod hyphenate;
pub mod kind;
pub mod large_print;
pub mod leaflet;
pub mod literal;
pub mod pdf;
pub mod print;
pub mod quotes;
pub mod report;
pub mod summary;
pub mod text;
pub mod twins;

use std::fmt;

pub use kind::{Output, Rendered};

use crate::diagnostics::Diagnostic;
use crate::i18n::Labels;
use crate::layout::Layout;
use crate::model::Programme;
pub use context::{Made, RenderContext};

/// Every kind of output, in the order a build makes them (a print twin after its screen twin,
/// which lays out the document both share).
pub const KINDS: &[OutputKind] = &[
    OutputKind(&text::TEXT),
    OutputKind(&leaflet::SCREEN),
    OutputKind(&summary::SCREEN),
    OutputKind(&leaflet::PRINT),
    OutputKind(&summary::PRINT),
    OutputKind(&report::REPORT),
    OutputKind(&large_print::LARGE_PRINT),
    OutputKind(&braille::BRAILLE),
    // Last: its downloads block lists the outputs made before it.
    OutputKind(&html::HTML),
];

/// A kind of output, as the build and the command line handle it: one of [`KINDS`].
#[derive(Clone, Copy)]
pub struct OutputKind(&'static dyn Output);

impl OutputKind {
    /// Every kind.
    pub const ALL: &'static [OutputKind] = KINDS;
    /// The accessibility reviewer's report (`check --a11y` prints it).
    pub const REPORT: OutputKind = OutputKind(&report::REPORT);
    /// The HTML version (a translation's language switcher links the others').
    pub const HTML: OutputKind = OutputKind(&html::HTML);

    /// The kind called `name`.
    pub fn named(name: &str) -> Option<OutputKind> {
        KINDS.iter().copied().find(|kind| kind.name() == name)
    }

    /// What a build writes when no `--format` is given, for a region with `layout`.
    pub fn defaults(layout: Option<&Layout>) -> Vec<OutputKind> {
        KINDS
            .iter()
            .copied()
            .filter(|kind| kind.0.by_default(layout))
            .collect()
    }

    /// The name used on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The file name of this output of a programme `slug`, with its language's `labels`.
    pub fn file_name(self, slug: &str, labels: &Labels) -> String {
        self.0.file_name(slug, labels)
    }

    /// What a reader calls this output, in the language of `labels`.
    pub fn title(self, labels: &Labels) -> &str {
        self.0.title(labels)
    }

    /// The kind this one is made from, if any (see [`Output::made_from`]).
    pub fn made_from(self) -> Option<OutputKind> {
        self.0.made_from()
    }

    pub fn for_print(self) -> bool {
        self.0.for_print()
    }

    /// Whether the public reads it (see [`Output::for_public`]).
    pub fn for_public(self) -> bool {
        self.0.for_public()
    }

    /// Whether it lists the others (see [`Output::lists_others`]).
    pub fn lists_others(self) -> bool {
        self.0.lists_others()
    }

    /// Renders this output of `programme`; `made` as for [`Output::render`].
    pub fn render(
        self,
        programme: &Programme,
        cx: &RenderContext,
        made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>> {
        self.0.render(programme, cx, made)
    }

    /// Its place in [`KINDS`], for ordering.
    fn index(self) -> usize {
        KINDS
            .iter()
            .position(|kind| kind.name() == self.name())
            .unwrap_or(usize::MAX)
    }
}

impl PartialEq for OutputKind {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
    }
}

impl Eq for OutputKind {}

impl PartialOrd for OutputKind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OutputKind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.index().cmp(&other.index())
    }
}

impl std::hash::Hash for OutputKind {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl fmt::Debug for OutputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for OutputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `--format` takes the kinds' names (the command line's `--help` explains each from the
/// catalogues: `help-kind-<name>`).
impl clap::ValueEnum for OutputKind {
    fn value_variants<'a>() -> &'a [Self] {
        KINDS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}
