//! The few words our outputs add around a programme's own text, in the programme's language,
//! and how it writes numbers: one table per language (the report's words among them).
//! Languages without a table here get English.

/// Labels for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Labels {
    /// Introduces an image's alt text in the plain-text version: "[Bild: …]".
    pub image: &'static str,
    pub party: &'static str,
    pub period: &'static str,
    pub date: &'static str,
    pub publisher: &'static str,
    pub contact: &'static str,
    /// Heads the lined pages that fill a booklet up to a multiple of four pages.
    pub notes: &'static str,
    /// "Page" in the print PDFs' slug line, outside the trimmed page.
    pub page: &'static str,
    /// Alt text prefix of a region's logo.
    pub logo: &'static str,
    /// Heads the pledges made before the first section, in the summary.
    pub intro: &'static str,
    /// Ends a section of the summary that shows only some of its pledges (`{n}` is the number
    /// left out): one, and several.
    pub more_pledge: &'static str,
    pub more_pledges: &'static str,
    /// The first lines of the plain-text version: what the file is, and how it differs from print.
    pub text_notice: &'static str,
    /// The name part of the readability report's file: `<slug>-<report_file>.txt`.
    pub report_file: &'static str,
    /// The name part of the large-print PDF: `<slug>-<large_print_file>.pdf`.
    pub large_print_file: &'static str,
    /// The HTML version: the skip link, the table of contents, the downloads block, and the
    /// word for a PDF's pages there ("8 sidor").
    pub skip: &'static str,
    pub contents: &'static str,
    pub downloads: &'static str,
    pub pages: &'static str,
    pub page_one: &'static str,
    /// What each output is called in the downloads block and the index.
    pub text_title: &'static str,
    pub leaflet_title: &'static str,
    pub summary_title: &'static str,
    pub leaflet_print_title: &'static str,
    pub summary_print_title: &'static str,
    pub report_title: &'static str,
    pub large_print_title: &'static str,
    pub html_title: &'static str,
    /// The index page's title.
    pub index_title: &'static str,
    /// The staff page's title: the print PDFs and the accessibility reports, which the index
    /// does not link.
    pub staff_title: &'static str,
    /// Whether numbers are written with a decimal comma ("1,2 MB", "LIX 42,5").
    pub decimal_comma: bool,
    /// The accessibility reviewer's report (Swedish for `sv`, else English).
    pub report: ReportWords,
}

/// The words of the accessibility reviewer's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ReportWords {
    pub title: &'static str,
    pub source: &'static str,
    pub language: &'static str,
    pub calibrated: &'static str,
    pub readability: &'static str,
    pub whole: &'static str,
    pub intro: &'static str,
    /// Units of the counts: words, sentences, long words.
    pub units: [&'static str; 3],
    /// The same for a count of one: "1 mening", "1 långt ord".
    pub units_one: [&'static str; 3],
    pub target: &'static str,
    pub over_target: &'static str,
    pub longest_sentences: &'static str,
    pub longest_words: &'static str,
    pub headings: &'static str,
    pub images: &'static str,
    pub links: &'static str,
    pub none: &'static str,
    pub line: &'static str,
    pub words_unit: &'static str,
    pub bad_link: &'static str,
    pub bare_url: &'static str,
    pub how: &'static str,
}

const SWEDISH_REPORT: ReportWords = ReportWords {
    title: "Tillgänglighetsrapport",
    source: "Källa",
    language: "Språk",
    calibrated: "LIX är framtaget för svenska; för andra språk är värdet bara en fingervisning.",
    readability: "Läsbarhet (LIX)",
    whole: "Hela programmet",
    intro: "Inledningen",
    units: ["ord", "meningar", "långa ord"],
    units_one: ["ord", "mening", "långt ord"],
    target: "Mål",
    over_target: "över målet",
    longest_sentences: "Längsta meningar",
    longest_words: "Längsta ord",
    headings: "Rubriker",
    images: "Bilder och alternativtexter",
    links: "Länkar",
    none: "(inga)",
    line: "rad",
    words_unit: "ord",
    bad_link: "länktexten säger inte vart länken leder",
    bare_url: "länktexten är en webbadress",
    how: "Så räknas LIX: ord / meningar + 100 × långa ord / ord. Ett ord är en följd av bokstäver och siffror, ett långt ord har fler än 6. En mening slutar vid . ! eller ? följt av mellanslag, och vid slutet av varje stycke, listpunkt och tabellcell. Rubriker, ett löftes fetstilta inledning och tabellceller som bara är tal räknas inte. Varje menings rad är raden där den börjar. Under 30 mycket lätt, 30–40 lätt, 40–50 medelsvår, 50–60 svår, över 60 mycket svår.",
};

const ENGLISH_REPORT: ReportWords = ReportWords {
    title: "Accessibility report",
    source: "Source",
    language: "Language",
    calibrated: "LIX is calibrated for Swedish; for other languages the value is only indicative.",
    readability: "Readability (LIX)",
    whole: "Whole programme",
    intro: "Introduction",
    units: ["words", "sentences", "long words"],
    units_one: ["word", "sentence", "long word"],
    target: "Target",
    over_target: "over the target",
    longest_sentences: "Longest sentences",
    longest_words: "Longest words",
    headings: "Headings",
    images: "Images and alt texts",
    links: "Links",
    none: "(none)",
    line: "line",
    words_unit: "words",
    bad_link: "the link text does not say where the link goes",
    bare_url: "the link text is a web address",
    how: "How LIX is counted: words / sentences + 100 × long words / words. A word is a run of letters and digits; a long word has more than 6. A sentence ends at . ! or ? followed by a space, and at the end of every paragraph, list item and table cell. Headings, a pledge's bold lead phrase and table cells that are only numbers are not counted. Each sentence's line is the line it starts on. Below 30 very easy, 30–40 easy, 40–50 medium, 50–60 hard, over 60 very hard.",
};

const SWEDISH: Labels = Labels {
    image: "Bild",
    party: "Parti",
    period: "Period",
    date: "Datum",
    publisher: "Ansvarig utgivare",
    contact: "Kontakt",
    notes: "Anteckningar",
    page: "sida",
    logo: "Logotyp",
    intro: "Inledning",
    more_pledge: "… och 1 löfte till i programmet",
    more_pledges: "… och {n} löften till i programmet",
    text_notice: "Det här är textversionen av programmet, för skärmläsare och uppläsning. Den har samma text som den tryckta versionen men inga sidnummer, och bilderna beskrivs inom hakparentes.",
    report_file: "tillganglighet",
    large_print_file: "storstil",
    skip: "Hoppa till innehållet",
    contents: "Innehåll",
    downloads: "Ladda ner",
    pages: "sidor",
    page_one: "sida",
    text_title: "Textversion",
    leaflet_title: "Folder",
    summary_title: "Sammanfattning",
    leaflet_print_title: "Folder för tryckeriet",
    summary_print_title: "Sammanfattning för tryckeriet",
    report_title: "Tillgänglighetsrapport",
    large_print_title: "Storstil",
    html_title: "Webbversion",
    index_title: "Program",
    staff_title: "För kampanjens personal: tryckfiler och tillgänglighetsrapporter",
    decimal_comma: true,
    report: SWEDISH_REPORT,
};

const ENGLISH: Labels = Labels {
    image: "Image",
    party: "Party",
    period: "Period",
    date: "Date",
    publisher: "Publisher",
    contact: "Contact",
    notes: "Notes",
    page: "page",
    logo: "Logo",
    intro: "Introduction",
    more_pledge: "… and 1 more pledge in the programme",
    more_pledges: "… and {n} more pledges in the programme",
    text_notice: "This is the text version of the programme, for screen readers and reading aloud. It has the same text as the printed version, but no page numbers; images are described in square brackets.",
    report_file: "accessibility",
    large_print_file: "large-print",
    skip: "Skip to the content",
    contents: "Contents",
    downloads: "Downloads",
    pages: "pages",
    page_one: "page",
    text_title: "Text version",
    leaflet_title: "Leaflet",
    summary_title: "Summary",
    leaflet_print_title: "Leaflet for the printer",
    summary_print_title: "Summary for the printer",
    report_title: "Accessibility report",
    large_print_title: "Large print",
    html_title: "Web version",
    index_title: "Programmes",
    staff_title: "For the campaign's staff: print PDFs and accessibility reports",
    decimal_comma: false,
    report: ENGLISH_REPORT,
};

const FINNISH: Labels = Labels {
    image: "Kuva",
    party: "Puolue",
    period: "Kausi",
    date: "Päivämäärä",
    publisher: "Julkaisija",
    contact: "Yhteystiedot",
    notes: "Muistiinpanoja",
    page: "sivu",
    logo: "Logo",
    intro: "Johdanto",
    more_pledge: "… ja 1 lupaus lisää ohjelmassa",
    more_pledges: "… ja {n} lupausta lisää ohjelmassa",
    text_notice: "Tämä on ohjelman tekstiversio ruudunlukijoille ja ääneen lukemiseen. Siinä on sama teksti kuin painetussa versiossa, mutta ei sivunumeroita, ja kuvat kuvataan hakasulkeissa.",
    report_file: "saavutettavuus",
    large_print_file: "isoteksti",
    skip: "Siirry sisältöön",
    contents: "Sisältö",
    downloads: "Lataa",
    pages: "sivua",
    page_one: "sivu",
    text_title: "Tekstiversio",
    leaflet_title: "Esite",
    summary_title: "Tiivistelmä",
    leaflet_print_title: "Esite painoon",
    summary_print_title: "Tiivistelmä painoon",
    report_title: "Saavutettavuusraportti",
    large_print_title: "Isoteksti",
    html_title: "Verkkoversio",
    index_title: "Ohjelmat",
    staff_title: "Kampanjan henkilöstölle: painotiedostot ja saavutettavuusraportit",
    decimal_comma: true,
    report: ENGLISH_REPORT,
};

const NORWEGIAN: Labels = Labels {
    image: "Bilde",
    party: "Parti",
    period: "Periode",
    date: "Dato",
    publisher: "Ansvarlig utgiver",
    contact: "Kontakt",
    notes: "Notater",
    page: "side",
    logo: "Logo",
    intro: "Innledning",
    more_pledge: "… og 1 løfte til i programmet",
    more_pledges: "… og {n} løfter til i programmet",
    text_notice: "Dette er tekstversjonen av programmet, for skjermlesere og opplesning. Den har samme tekst som den trykte versjonen, men ingen sidetall, og bildene beskrives i hakeparentes.",
    report_file: "tilgjengelighet",
    large_print_file: "stor-skrift",
    skip: "Hopp til innholdet",
    contents: "Innhold",
    downloads: "Last ned",
    pages: "sider",
    page_one: "side",
    text_title: "Tekstversjon",
    leaflet_title: "Brosjyre",
    summary_title: "Sammendrag",
    leaflet_print_title: "Brosjyre for trykkeriet",
    summary_print_title: "Sammendrag for trykkeriet",
    report_title: "Tilgjengelighetsrapport",
    large_print_title: "Stor skrift",
    html_title: "Nettversjon",
    index_title: "Program",
    staff_title: "For kampanjens ansatte: trykkfiler og tilgjengelighetsrapporter",
    decimal_comma: true,
    report: ENGLISH_REPORT,
};

/// The labels for a BCP 47 tag, chosen by its primary language subtag.
pub fn labels(lang: &str) -> &'static Labels {
    match crate::language::primary(lang).as_str() {
        "sv" => &SWEDISH,
        "fi" | "fit" => &FINNISH,
        "no" | "nb" | "nn" => &NORWEGIAN,
        _ => &ENGLISH,
    }
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
        assert_eq!(labels("de").image, "Image");
    }

    #[test]
    fn numbers_are_written_as_the_language_writes_them() {
        assert_eq!(decimal(42.46, 1, "sv-SE"), "42,5");
        assert_eq!(decimal(42.46, 1, "en"), "42.5");
        assert_eq!(crate::output::html::size(1_260_000, "sv"), "1,3 MB");
        assert_eq!(crate::output::html::size(1_260_000, "en-GB"), "1.3 MB");
    }
}
