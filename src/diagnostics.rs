//! Located diagnostics for errors *in a file* (front matter, Markdown, layouts), and the one
//! reporter that prints them: with source excerpts on a terminal, or one line each for CI logs.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A file's text as the diagnostics see it: decoded, without BOM, with `\n` line ends.
#[derive(Debug)]
pub struct SourceFile {
    /// The path shown to the user (relative to the project root where possible).
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Arc<Self> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Arc::new(SourceFile {
            path: path.into(),
            text,
            line_starts,
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Byte offset of a 1-based line and character column; clamped to the file.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let line_text = self.text[start..].split('\n').next().unwrap_or("");
        let within = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        start + within
    }

    /// The byte range of the character at byte `offset` (empty at the end of the text): a span
    /// that never cuts a character in two, whatever the offset.
    pub fn char_span(&self, offset: usize) -> Range<usize> {
        let mut start = offset.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let len = self.text[start..].chars().next().map_or(0, char::len_utf8);
        start..start + len
    }

    /// The byte range of a whole 1-based line, without its line end.
    pub fn line_span(&self, line: usize) -> Range<usize> {
        let start = self.offset(line, 1);
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        start..end
    }
}

/// One problem found in a file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: Arc<SourceFile>,
    /// Byte range in `file.text`; `None` when the problem concerns the whole file.
    pub span: Option<Range<usize>>,
    pub message: String,
    /// How to fix it, in words a campaign worker understands.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(
        file: &Arc<SourceFile>,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: Arc::clone(file),
            span,
            message: message.into(),
            help: None,
        }
    }

    /// An error about a whole file (or folder) at `path`, with no place in it: a file that
    /// cannot be read, a programme that took too long.
    pub fn about(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic::error(&SourceFile::new(path, String::new()), None, message)
    }

    pub fn warning(
        file: &Arc<SourceFile>,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, span, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// 1-based line and column of the start of the span.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        self.span
            .as_ref()
            .map(|span| self.file.line_col(span.start))
    }

    /// `path:line:col: error: message (help: …)` on one line.
    pub fn short(&self) -> String {
        let mut out = self.file.path.display().to_string();
        if let Some((line, column)) = self.line_col() {
            let _ = write!(out, ":{line}:{column}");
        }
        // The severity word stays English for CI's problem matchers; the words are the user's.
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = write!(out, ": {severity}: {}", self.message);
        if let Some(help) = &self.help {
            let _ = write!(out, " ({}: {help})", t!("help"));
        }
        // One line, whatever the message holds.
        out.replace('\n', " ")
    }
}

/// Whether any of the diagnostics is an error (warnings alone do not fail a build).
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// The known name closest to `word` in spelling, if any is close enough to be a likely typo:
/// the "did you mean" of messages about unknown keys and names.
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|candidate| {
            (
                strsim::normalized_damerau_levenshtein(word, candidate),
                *candidate,
            )
        })
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DiagnosticFormat {
    /// Source excerpts with the problem underlined.
    #[default]
    Human,
    /// One line per problem: `path:line:col: error: message`.
    Short,
}

/// Prints diagnostics to stderr in the chosen format.
pub struct Reporter {
    pub format: DiagnosticFormat,
    pub color: bool,
}

impl Reporter {
    pub fn emit(&self, diagnostics: &[Diagnostic]) -> io::Result<()> {
        let choice = if self.color {
            termcolor::ColorChoice::Auto
        } else {
            termcolor::ColorChoice::Never
        };
        let stream = termcolor::StandardStream::stderr(choice);
        let mut lock = stream.lock();
        for diagnostic in diagnostics {
            match self.format {
                DiagnosticFormat::Short => writeln!(lock, "{}", diagnostic.short())?,
                DiagnosticFormat::Human => {
                    let mut buffer = if self.color {
                        termcolor::Buffer::ansi()
                    } else {
                        termcolor::Buffer::no_color()
                    };
                    emit_rich(&mut buffer, diagnostic)?;
                    lock.write_all(localise_severity(&buffer.into_inner(), diagnostic).as_bytes())?;
                }
            }
        }
        Ok(())
    }
}

fn emit_rich(writer: &mut dyn termcolor::WriteColor, diagnostic: &Diagnostic) -> io::Result<()> {
    let file = SimpleFile::new(
        display_path(&diagnostic.file.path),
        diagnostic.file.text.as_str(),
    );
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let mut rich = cs::Diagnostic::new(severity).with_message(&diagnostic.message);
    match &diagnostic.span {
        Some(span) => rich = rich.with_labels(vec![cs::Label::primary((), span.clone())]),
        None => {
            rich = rich.with_notes(vec![t!(
                "in-file",
                path = display_path(&diagnostic.file.path)
            )]);
        }
    }
    if let Some(help) = &diagnostic.help {
        rich = rich.with_notes(vec![format!("{}: {help}", t!("help"))]);
    }
    let config = term::Config::default();
    term::emit_to_write_style(writer, &config, &file, &rich).map_err(io::Error::other)
}

/// codespan writes the severity of its header in English: the first "error" or "warning" of the
/// rendering (the header comes first, colour codes or not) becomes the interface's word.
fn localise_severity(rendered: &[u8], diagnostic: &Diagnostic) -> String {
    let text = String::from_utf8_lossy(rendered);
    let (english, id) = match diagnostic.severity {
        Severity::Error => ("error", "error"),
        Severity::Warning => ("warning", "warning"),
    };
    text.replacen(english, &crate::messages::text(id, None), 1)
}

fn display_path(path: &Path) -> String {
    path.display().to_string()
}

/// What a caught panic said (its `&str` or `String` payload), for an internal-error message.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("x.md", "åäö\nxåy z\n".to_string());
        let z = file.text.find('z').unwrap();
        assert_eq!(file.line_col(z), (2, 5));
        assert_eq!(file.offset(2, 5), z);
        assert_eq!(file.line_span(2), 7..13);
    }

    #[test]
    fn short_form_is_one_line() {
        let file = SourceFile::new("programmes/a/b.md", "---\ntitel: x\n---\n".to_string());
        let d = Diagnostic::error(&file, Some(4..9), "unknown key `titel`")
            .with_help("did you mean `title`?");
        assert_eq!(
            d.short(),
            "programmes/a/b.md:2:1: error: unknown key `titel` (help: did you mean `title`?)"
        );
    }
}
