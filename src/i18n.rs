//! The few words our outputs add around a programme's own text, in the programme's language,
//! and how it writes numbers: the `labels:` (and `report:`) of each language file,
//! `layouts/base/i18n/<lang>.yaml`. Languages without a file get English's, with a warning.

fn braille_title() -> String {
    "Braille (PEF)".to_string()
}

/// Labels for one language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Introduces an image's alt text in the plain-text version: "[Bild: …]".
    pub image: String,
    pub party: String,
    pub period: String,
    pub date: String,
    pub publisher: String,
    pub contact: String,
    /// Heads the lined pages that fill a booklet up to a multiple of four pages.
    pub notes: String,
    /// "Page" in the print PDFs' slug line, outside the trimmed page.
    pub page: String,
    /// Alt text prefix of a region's logo.
    pub logo: String,
    /// Heads the pledges made before the first section, in the summary.
    pub intro: String,
    /// Ends a section of the summary that shows only some of its pledges (`{n}` is the number
    /// left out): one, and several.
    pub more_pledge: String,
    pub more_pledges: String,
    /// The first lines of the plain-text version: what the file is, and how it differs from print.
    pub text_notice: String,
    /// The name part of the readability report's file: `<slug>-<report_file>.txt`.
    pub report_file: String,
    /// The name part of the large-print PDF: `<slug>-<large_print_file>.pdf`.
    pub large_print_file: String,
    /// The HTML version: the skip link, the table of contents, the downloads block, and the
    /// word for a PDF's pages there ("8 sidor").
    pub skip: String,
    pub contents: String,
    pub downloads: String,
    pub pages: String,
    pub page_one: String,
    /// What each output is called in the downloads block and the index.
    pub text_title: String,
    pub leaflet_title: String,
    pub summary_title: String,
    pub leaflet_print_title: String,
    pub summary_print_title: String,
    pub report_title: String,
    pub large_print_title: String,
    /// The braille version's name in the downloads; English's for a file without it.
    #[serde(default = "braille_title")]
    pub braille_title: String,
    pub html_title: String,
    /// The index page's title.
    pub index_title: String,
    /// The staff page's title: the print PDFs and the accessibility reports, which the index
    /// does not link.
    pub staff_title: String,
    /// The language named in itself ("Suomeksi"), in the HTML version's language switcher, and
    /// the switcher's name for screen readers.
    pub in_language: String,
    pub other_languages: String,
    /// Whether numbers are written with a decimal comma ("1,2 MB", "LIX 42,5").
    pub decimal_comma: bool,
    /// The accessibility reviewer's report: the language file's `report:` block, else English's.
    #[serde(skip_deserializing)]
    pub report: ReportWords,
}

/// The words of the accessibility reviewer's report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportWords {
    pub title: String,
    pub source: String,
    pub language: String,
    pub calibrated: String,
    pub readability: String,
    pub whole: String,
    pub intro: String,
    /// Units of the counts: words, sentences, long words.
    pub units: [String; 3],
    /// The same for a count of one: "1 mening", "1 långt ord".
    pub units_one: [String; 3],
    pub target: String,
    pub over_target: String,
    pub longest_sentences: String,
    pub longest_words: String,
    pub headings: String,
    pub images: String,
    pub links: String,
    pub none: String,
    pub line: String,
    pub words_unit: String,
    pub bad_link: String,
    pub bare_url: String,
    pub how: String,
    /// The LIX bands' names, from very easy (below 30) to very hard (over 60).
    pub bands: [String; 5],
}

/// The labels for a BCP 47 tag, from its language file (`layouts/base/i18n/<lang>.yaml`);
/// English's for a language without one.
pub fn labels(lang: &str) -> &'static Labels {
    crate::language::of(lang)
        .or_else(|| crate::language::of("en"))
        .map(|language| &language.labels)
        .expect("the built-in English language file")
}

/// `value` with `digits` decimals, as the language writes numbers: "1,2" in Swedish, "1.2" in
/// English.
pub fn decimal(value: f64, digits: usize, lang: &str) -> String {
    let text = format!("{value:.digits$}");
    if labels(lang).decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_primary_subtag() {
        assert_eq!(labels("sv-SE").image, "Bild");
        assert_eq!(labels("fit").image, "Kuva");
        assert_eq!(labels("de").image, "Bild");
        assert_eq!(labels("se").image, "Govva");
        assert_eq!(labels("ar").skip, "انتقل إلى المحتوى");
        // A language without a file: English's words.
        assert_eq!(labels("ka").image, "Image");
    }

    #[test]
    fn numbers_are_written_as_the_language_writes_them() {
        assert_eq!(decimal(42.46, 1, "sv-SE"), "42,5");
        assert_eq!(decimal(42.46, 1, "en"), "42.5");
        assert_eq!(crate::output::html::size(1_260_000, "sv"), "1,3 MB");
        assert_eq!(crate::output::html::size(1_260_000, "en-GB"), "1.3 MB");
    }
}
