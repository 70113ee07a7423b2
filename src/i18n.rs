//! The few words our outputs add around a programme's own text, in the programme's language.
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
}

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
};

/// The labels for a BCP 47 tag, chosen by its primary language subtag.
pub fn labels(lang: &str) -> &'static Labels {
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "sv" => &SWEDISH,
        "fi" | "fit" => &FINNISH,
        "no" | "nb" | "nn" => &NORWEGIAN,
        _ => &ENGLISH,
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
}
