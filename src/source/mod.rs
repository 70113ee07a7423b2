//! Loading a programme source: bytes → text → front matter + Markdown body → validated model.
//!
//! Every problem becomes a located [`Diagnostic`]; the loader reports all it can find in a file
//! at once rather than stopping at the first.

mod front_matter;
pub mod lint;
mod markdown;

pub use front_matter::is_language_tag;
pub(crate) use markdown::language_fences;

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, SourceFile, has_errors};
use crate::images::ImageProblem;
use crate::language::Languages;
use crate::model::Programme;
use crate::project::{BASE_REGION, PathError, Project};

/// The result of loading one source: the programme if it is valid, and everything found on the way
/// (warnings may accompany a valid programme).
#[derive(Debug)]
pub struct Loaded {
    pub programme: Option<Programme>,
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded source, for locating later problems (such as a character no font has).
    pub file: Arc<SourceFile>,
}

/// The largest programme source read (the three shipped ones are 10–40 kB).
pub const MAX_SOURCE_BYTES: u64 = 5_000_000;

/// Reads, parses and validates the programme at `path` (absolute, inside the project).
pub fn load_programme(project: &Project, path: &Path) -> Loaded {
    let display = project.relative(path).to_path_buf();
    let failed = |diagnostic: Diagnostic| Loaded {
        programme: None,
        file: Arc::clone(&diagnostic.file),
        diagnostics: vec![diagnostic],
    };
    // A programme is tens of kilobytes; a huge file is a mistake (a PDF or a database dump
    // saved as .md) and would take minutes to typeset.
    if let Ok(metadata) = std::fs::metadata(path)
        && metadata.len() > MAX_SOURCE_BYTES
    {
        return failed(
            Diagnostic::about(
                display,
                t!(
                    "source-too-large",
                    size = crate::messages::decimal(metadata.len() as f64 / 1e6, 1),
                    limit = MAX_SOURCE_BYTES / 1_000_000
                ),
            )
            .with_help(t!("source-too-large.help")),
        );
    }
    match project.read(path) {
        Ok(bytes) => load_bytes(project, path, &bytes),
        Err(err) => {
            let why = match &err {
                PathError::Unreadable(why) => t!("source-unreadable", why = why.as_str()),
                other => t!("source-path", problem = other.describe()),
            };
            failed(Diagnostic::about(display, why).with_help(t!("source-path.help")))
        }
    }
}

/// [`load_programme`] on the file's bytes, as read from `path` (for the fuzzers, which should
/// not need the file system for every input).
pub fn load_bytes(project: &Project, path: &Path, bytes: &[u8]) -> Loaded {
    let display = project.relative(path).to_path_buf();
    let failed = |diagnostic: Diagnostic| Loaded {
        programme: None,
        file: Arc::clone(&diagnostic.file),
        diagnostics: vec![diagnostic],
    };
    let file = match decode(&display, bytes) {
        Ok(file) => file,
        Err(diagnostic) => return failed(*diagnostic),
    };
    let slug_problem = check_slug(&file, path);
    let parts = match split_front_matter(&file) {
        Ok(parts) => parts,
        Err(diagnostic) => return failed(*diagnostic),
    };

    let mut diagnostics: Vec<Diagnostic> = slug_problem.into_iter().collect();
    let context = Context {
        project,
        path,
        file: &file,
    };
    let meta = front_matter::parse(&context, &parts, &mut diagnostics);
    let lang = meta.as_ref().map(|meta| meta.lang.as_str());
    // The region's language files; their problems are the region's, reported with its layout.
    let region = meta
        .as_ref()
        .map_or(BASE_REGION, |meta| meta.region.as_str());
    let languages = Arc::new(Languages::load(project, region).0);
    let translation = meta
        .as_ref()
        .and_then(|meta| translation_of(&context, meta, &mut diagnostics));
    let original_pledge_lists = translation
        .as_ref()
        .and_then(|of| pledge_lists_of(project, &project.root.join(&of.original), &languages));
    let body = markdown::parse(
        &context,
        &parts,
        lang,
        &languages,
        original_pledge_lists.as_deref(),
        &mut diagnostics,
    );

    let slug = match &translation {
        Some(of) => slug_of(Path::new(&of.original)),
        None => slug_of(path),
    };
    let programme = match (meta, has_errors(&diagnostics)) {
        (Some(meta), false) => Some(Programme {
            source: display.to_string_lossy().replace('\\', "/"),
            slug,
            meta,
            intro: body.intro,
            sections: body.sections,
            languages,
            translation,
        }),
        _ => None,
    };
    if let Some(programme) = &programme {
        diagnostics.extend(lint::lint(programme, &file));
    }
    // In file order, so that fixing them top to bottom works.
    diagnostics.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    Loaded {
        programme,
        diagnostics,
        file,
    }
}

/// Which lists of the source at `path` are pledge lists, in order (for its translations).
fn pledge_lists_of(project: &Project, path: &Path, languages: &Languages) -> Option<Vec<bool>> {
    let bytes = project.read(path).ok()?;
    let display = project.relative(path).to_path_buf();
    let file = decode(&display, &bytes).ok()?;
    let parts = split_front_matter(&file).ok()?;
    let lang = crate::translation::front_matter_value(&file.text, "lang");
    let context = Context {
        project,
        path,
        file: &file,
    };
    let body = markdown::parse(
        &context,
        &parts,
        lang.as_deref(),
        languages,
        None,
        &mut Vec::new(),
    );
    Some(body.pledge_lists)
}

/// What a translation translates: the file its `translation_of:` names, or `<slug>.md` beside
/// `<slug>.<lang>.md`. The original must be there, in the same region; the file's name and its
/// `lang:` must agree.
fn translation_of(
    cx: &Context,
    meta: &crate::model::Metadata,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<crate::translation::TranslationOf> {
    let stem = slug_of(cx.path);
    let by_name = crate::translation::split_stem(&stem);
    let line_of = |key: &str| {
        cx.file
            .text
            .lines()
            .position(|line| line.starts_with(&format!("{key}:")))
            .map(|index| cx.file.line_span(index + 1))
    };
    let original = match (&meta.translation_of, by_name) {
        (Some(written), _) => match cx.project.resolve_inside(cx.path, written) {
            Ok(path) => path,
            Err(err) => {
                diagnostics.push(
                    Diagnostic::error(
                        cx.file,
                        line_of("translation_of"),
                        t!(
                            "translation-of-unusable",
                            path = written.as_str(),
                            problem = err.describe()
                        ),
                    )
                    .with_help(t!("translation-of.help")),
                );
                return None;
            }
        },
        (None, Some((slug, _))) => cx.path.with_file_name(format!("{slug}.md")),
        (None, None) => return None,
    };
    let display = cx
        .project
        .relative(&original)
        .to_string_lossy()
        .replace('\\', "/");
    let Ok(text) = cx
        .project
        .read(&original)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
    else {
        diagnostics.push(
            Diagnostic::error(
                cx.file,
                Some(cx.file.line_span(1)),
                t!("translation-without-original", original = display.as_str()),
            )
            .with_help(t!(
                "translation-without-original.help",
                original = display.as_str()
            )),
        );
        return None;
    };
    if let Some((_, lang)) = by_name
        && !lang.eq_ignore_ascii_case(&meta.lang)
    {
        diagnostics.push(
            Diagnostic::error(
                cx.file,
                line_of("lang"),
                t!(
                    "translation-lang-differs",
                    name_lang = lang,
                    lang = meta.lang.as_str()
                ),
            )
            .with_help(t!("translation-lang-differs.help", name_lang = lang)),
        );
    }
    if let Some(region) = crate::translation::front_matter_value(&text, "region")
        && region != meta.region
    {
        diagnostics.push(
            Diagnostic::error(
                cx.file,
                line_of("region"),
                t!(
                    "translation-region-differs",
                    region = meta.region.as_str(),
                    original_region = region.as_str(),
                    original = display.as_str()
                ),
            )
            .with_help(t!(
                "translation-region-differs.help",
                original_region = region.as_str()
            )),
        );
    }
    Some(crate::translation::TranslationOf { original: display })
}

/// What the parsers of one file share.
struct Context<'a> {
    project: &'a Project,
    /// Absolute path of the source.
    path: &'a Path,
    file: &'a Arc<SourceFile>,
}

impl Context<'_> {
    /// Resolves an image reference written in this source to a project-relative path, or says
    /// why it cannot be used.
    fn resolve_image(
        &self,
        reference: &str,
        span: std::ops::Range<usize>,
    ) -> Result<String, Box<Diagnostic>> {
        let problem = |message: String, help: String| {
            Box::new(Diagnostic::error(self.file, Some(span.clone()), message).with_help(help))
        };
        match self.project.resolve_inside(self.path, reference) {
            Ok(resolved) => match self
                .project
                .read(&resolved)
                .map_err(|err| ImageProblem::Unreadable(err.describe().to_string()))
                .and_then(|bytes| crate::images::inspect_bytes(&bytes))
            {
                Ok(_) => Ok(self
                    .project
                    .relative(&resolved)
                    .to_string_lossy()
                    .replace('\\', "/")),
                Err(image_problem) => {
                    let (message, help) = image_problem.explain(reference);
                    Err(problem(message, help))
                }
            },
            Err(PathError::Url) => Err(problem(
                t!("image-is-url", image = reference),
                t!("image-is-url.help"),
            )),
            Err(PathError::Absolute) => Err(problem(
                t!("image-absolute", image = reference),
                t!("image-absolute.help"),
            )),
            Err(PathError::Missing(looked_at)) => Err(problem(
                t!(
                    "image-missing",
                    image = reference,
                    looked_at = self.project.relative(&looked_at).display().to_string()
                ),
                t!("image-missing.help"),
            )),
            Err(PathError::Outside) => Err(problem(
                t!("image-outside", image = reference),
                t!("image-outside.help"),
            )),
            Err(PathError::NotAFile) => Err(problem(
                t!("image-folder", image = reference),
                t!("image-folder.help"),
            )),
            Err(PathError::Unreadable(why)) => Err(problem(
                t!("image-unreadable", image = reference, why = why),
                t!("image-unreadable.help"),
            )),
        }
    }
}

/// The two parts of a source, with where each starts in the file.
struct Parts<'a> {
    yaml: &'a str,
    /// 1-based line of the first YAML line.
    yaml_line: usize,
    body: &'a str,
    /// 1-based line of the first body line.
    body_line: usize,
}

/// Bytes to text: UTF-8 required, BOM dropped, CRLF accepted (made `\n`), NUL and other control
/// characters refused.
fn decode(display: &Path, bytes: &[u8]) -> Result<Arc<SourceFile>, Box<Diagnostic>> {
    let lossy = || SourceFile::new(display, String::from_utf8_lossy(bytes).into_owned());
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let file = lossy();
            let valid = &bytes[..err.valid_up_to()];
            let offset = String::from_utf8_lossy(valid).len();
            return Err(Box::new(
                Diagnostic::error(&file, Some(file.char_span(offset)), t!("not-utf8"))
                    .with_help(t!("not-utf8.help")),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    let file = SourceFile::new(display, text);
    if let Some(offset) = file.text.find('\0') {
        return Err(Box::new(
            Diagnostic::error(&file, Some(offset..offset + 1), t!("nul-byte"))
                .with_help(t!("nul-byte.help")),
        ));
    }
    // Other control characters (pasted from word processors and e-mails) are invisible in an
    // editor, print as nothing and would reach the text version as junk.
    if let Some((offset, c)) = file
        .text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Err(Box::new(
            Diagnostic::error(
                &file,
                Some(offset..offset + c.len_utf8()),
                t!("control-character", code = format!("U+{:04X}", c as u32)),
            )
            .with_help(t!("control-character.help")),
        ));
    }
    if file.text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::error(&file, Some(0..0), t!("empty-file")).with_help(t!("starter.help")),
        ));
    }
    Ok(file)
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

fn split_front_matter(file: &Arc<SourceFile>) -> Result<Parts<'_>, Box<Diagnostic>> {
    let text = file.text.as_str();
    let first_line = text.split('\n').next().unwrap_or("");
    if !is_fence(first_line) {
        return Err(Box::new(
            Diagnostic::error(file, Some(file.line_span(1)), t!("no-front-matter"))
                .with_help(t!("starter.help")),
        ));
    }
    let yaml_start = (first_line.len() + 1).min(text.len());
    let mut offset = yaml_start;
    for (line, candidate) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        if is_fence(candidate.trim_end_matches('\n')) {
            return Ok(Parts {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[offset + candidate.len()..],
                body_line: line + 1,
            });
        }
        offset += candidate.len();
    }
    Err(Box::new(
        Diagnostic::error(file, Some(file.line_span(1)), t!("front-matter-unclosed"))
            .with_help(t!("front-matter-unclosed.help")),
    ))
}

fn slug_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The slug becomes folder and file names in `out/`: keep it to lowercase ASCII letters, digits
/// and hyphens, so it is safe on every file system and web server.
fn check_slug(file: &Arc<SourceFile>, path: &Path) -> Option<Diagnostic> {
    let slug = slug_of(path);
    // A translation, `<slug>.<lang>.md`, is named after its original.
    if is_valid_name(&slug) || crate::translation::split_stem(&slug).is_some() {
        return None;
    }
    Some(
        Diagnostic::error(file, None, t!("bad-file-name", slug = slug.as_str()))
            .with_help(t!("bad-file-name.help", suggestion = suggest_name(&slug))),
    )
}

/// A slug or region name: `a-z`, `0-9` and inner hyphens.
pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('-')
        && !name.ends_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A valid name close to `name`: Swedish and other accented letters folded, the rest hyphens.
pub fn suggest_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let folded = match c {
            'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if folded != '-' || !out.ends_with('-') {
            out.push(folded);
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "programme".to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_folded_to_safe_slugs() {
        assert_eq!(suggest_name("Västernorrland 2022"), "vasternorrland-2022");
        assert_eq!(suggest_name("../../x"), "x");
        assert!(is_valid_name("omstart-2021"));
        assert!(!is_valid_name("Omstart"));
        assert!(!is_valid_name("-x"));
    }
}
