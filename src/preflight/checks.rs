//! Each fact of a [`Report`] judged by GWG 2022 (SheetCMYK_CMYK, sheetfed offset on coated
//! paper) and by the house rules of `print_rules`: the lines of `check --print`, in order.

use std::collections::BTreeSet;

use super::verdict::{Check, Verdict, pages};
use super::{PageFacts, Report};
use crate::print_rules::{
    AREA_INK_LIMIT, FINE_TEXT_PT, HAIRLINE_PT, INK_LIMIT, MIN_PPI, SMALL_LINE_PT, SMALL_TEXT_PT,
    THIN_LINE_PT, WARN_PPI,
};

fn ok(item: &'static str, value: impl Into<String>) -> Check {
    Check {
        item,
        verdict: Verdict::Ok,
        value: value.into(),
        problem: None,
    }
}

/// `ok` unless `problem` says what is wrong, at `verdict`.
fn judged(
    item: &'static str,
    value: impl Into<String>,
    problem: Option<(Verdict, String)>,
) -> Check {
    let (verdict, problem) = match problem {
        Some((verdict, problem)) => (verdict, Some(problem)),
        None => (Verdict::Ok, None),
    };
    Check {
        item,
        verdict,
        value: value.into(),
        problem,
    }
}

/// `item` judged on the pages in `found`: ok, saying `none`, when there are none; else what
/// `seen` makes of them (written "page 3" or "pages 2, 5"): the value, the verdict, the problem.
fn on_pages(
    item: &'static str,
    found: &BTreeSet<usize>,
    none: impl Into<String>,
    seen: impl FnOnce(&str) -> (String, Verdict, String),
) -> Check {
    if found.is_empty() {
        return ok(item, none);
    }
    let (value, verdict, problem) = seen(&pages(found));
    judged(item, value, Some((verdict, problem)))
}

impl Report {
    /// Every check, in the order of the printed report.
    pub fn checks(&self) -> Vec<Check> {
        use Verdict::{Error, Warning};
        if let Some(why) = &self.unreadable {
            return vec![judged(
                "file",
                "unreadable",
                Some((Error, format!("the file cannot be read as a PDF: {why}"))),
            )];
        }
        let mut out = Vec::new();
        let count = self.pages.len();
        out.push(judged(
            "pages",
            match count {
                0 => "none".to_string(),
                1 | 2 => format!("{count} (a single sheet)"),
                _ if count.is_multiple_of(4) => {
                    format!("{count} (a multiple of 4: folds as a booklet)")
                }
                _ => format!("{count} (not a multiple of 4)"),
            },
            match count {
                0 => Some((Error, "the file has no pages".into())),
                1 | 2 => None,
                _ if count.is_multiple_of(4) => None,
                _ => Some((
                    Warning,
                    format!(
                        "{count} pages: a folded booklet needs a multiple of 4, the printer adds \
                         blank pages"
                    ),
                )),
            },
        ));
        if let Some(first) = self.pages.first() {
            out.push(ok(
                "trim",
                format!("{:.1} × {:.1} mm", first.trim_mm[0], first.trim_mm[1]),
            ));
            out.push(ok("bleed", format!("{:.1} mm", first.bleed_mm)));
            out.push(ok(
                "media",
                format!("{:.1} × {:.1} mm", first.media_mm[0], first.media_mm[1]),
            ));
        }
        out.extend(self.box_checks());
        if self.encrypted {
            out.push(judged(
                "encryption",
                "encrypted",
                Some((Error, "the file is encrypted".into())),
            ));
        }
        out.extend(self.font_checks());
        out.extend(self.colour_checks());
        out.extend(self.image_checks());
        out.extend(self.ink_checks());
        out.extend(self.overprint_checks());
        out.push(self.line_check());
        out.extend(self.standard_checks());
        if let Some(trapped) = &self.trapped {
            out.push(ok("trapped", trapped.clone()));
        }
        out
    }

    fn box_checks(&self) -> Vec<Check> {
        use Verdict::Error;
        let mut out = Vec::new();
        let mut problems = Vec::new();
        if self.pages.iter().any(|p| !p.has_trim) {
            problems.push("pages without a TrimBox: the finished size is not stated".to_string());
        }
        if self.pages.iter().any(|p| !p.has_bleed || p.bleed_mm < 2.99) {
            problems.push("pages without 3 mm bleed (BleedBox)".into());
        }
        if self.pages.iter().any(|p| !p.nested) {
            problems
                .push("page boxes are not nested (TrimBox inside BleedBox inside MediaBox)".into());
        }
        if let Some(first) = self.pages.first()
            && self.pages.iter().any(|p| p.trim_mm != first.trim_mm)
        {
            problems.push("pages have different finished sizes".into());
        }
        if problems.is_empty() {
            out.push(ok(
                "boxes",
                "TrimBox and BleedBox on every page, nested in the MediaBox",
            ));
        }
        for problem in problems {
            out.push(judged(
                "boxes",
                "missing or inconsistent",
                Some((Error, problem)),
            ));
        }
        let having = |has: &dyn Fn(&PageFacts) -> bool| -> BTreeSet<usize> {
            (1..=self.pages.len())
                .filter(|&n| has(&self.pages[n - 1]))
                .collect()
        };
        out.push(on_pages(
            "crop box",
            &having(&|page| !page.crop_is_media),
            "CropBox = MediaBox on every page",
            |on| {
                (
                    format!("differs on {on}"),
                    Error,
                    format!("the CropBox is not the MediaBox on {on}"),
                )
            },
        ));
        out.push(on_pages(
            "rotation",
            &having(&|page| page.rotate % 360 != 0),
            "none",
            |on| {
                (
                    format!("on {on}"),
                    Error,
                    format!("pages are rotated (/Rotate) on {on}"),
                )
            },
        ));
        out.push(on_pages(
            "user unit",
            &having(&|page| page.user_unit.is_some_and(|u| u != 1.0)),
            "none (1 unit = 1 pt)",
            |on| (format!("on {on}"), Error, format!("a UserUnit scales {on}")),
        ));
        out
    }

    fn font_checks(&self) -> Vec<Check> {
        let embedded = self.fonts.iter().filter(|f| f.embedded).count();
        let not_embedded: Vec<&str> = self
            .fonts
            .iter()
            .filter(|f| !f.embedded)
            .map(|f| f.name.as_str())
            .collect();
        let mut out = vec![judged(
            "fonts",
            format!("{embedded} of {} embedded", self.fonts.len()),
            (!not_embedded.is_empty()).then(|| {
                (
                    Verdict::Error,
                    format!("fonts not embedded: {}", not_embedded.join(", ")),
                )
            }),
        )];
        for font in &self.fonts {
            out.push(ok(
                "font",
                format!(
                    "{} ({}), {}{}",
                    font.name,
                    font.kind,
                    if font.embedded {
                        "embedded"
                    } else {
                        "not embedded"
                    },
                    if font.subset { ", subset" } else { "" }
                ),
            ));
        }
        out
    }

    fn colour_checks(&self) -> Vec<Check> {
        use Verdict::Error;
        let spaces: Vec<&String> = self.colour_spaces.iter().collect();
        let list = |items: &[&String]| {
            items
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let process = |s: &&String| {
            matches!(
                s.as_str(),
                "DeviceCMYK" | "DeviceGray" | "Pattern" | "Separation All"
            )
        };
        let others: Vec<&String> = spaces.iter().copied().filter(|s| !process(s)).collect();
        let mut out = vec![judged(
            "colour",
            list(&spaces),
            if self.colour_spaces.contains("DeviceRGB") {
                Some((
                    Error,
                    "RGB colour without a profile (DeviceRGB): it prints unpredictably".into(),
                ))
            } else if !others.is_empty() {
                Some((
                    Error,
                    format!(
                        "colour outside DeviceCMYK and DeviceGray: {}",
                        list(&others)
                    ),
                ))
            } else {
                None
            },
        )];
        let icc: Vec<&String> = spaces
            .iter()
            .copied()
            .filter(|s| s.starts_with("ICCBased"))
            .collect();
        out.push(judged(
            "ICC colour",
            if icc.is_empty() {
                "none".to_string()
            } else {
                list(&icc)
            },
            (!icc.is_empty()).then(|| {
                (
                    Error,
                    format!(
                        "ICC-based colour ({}): convert it to DeviceCMYK for the press",
                        list(&icc)
                    ),
                )
            }),
        ));
        let spot: Vec<&String> = spaces
            .iter()
            .copied()
            .filter(|s| s.starts_with("Separation") || s.starts_with("DeviceN"))
            .collect();
        let registration_only = spot.iter().all(|s| s.as_str() == "Separation All");
        out.push(judged(
            "spot colours",
            if spot.is_empty() {
                "none".to_string()
            } else if registration_only && self.registration_in_trim.is_empty() {
                "the registration colour All, in the printer's marks outside the trim only".to_string()
            } else {
                list(&spot)
            },
            if spot.is_empty() {
                None
            } else if registration_only && !self.registration_in_trim.is_empty() {
                Some((
                    Error,
                    format!(
                        "the registration colour All inside the trim on page(s) {}: it prints in all four inks",
                        pages(&self.registration_in_trim)
                    ),
                ))
            } else if registration_only {
                // GWG 2022 reserves All for printer's marks outside the trim box: as it should be.
                None
            } else {
                Some((
                    Error,
                    format!("spot colours on a CMYK job: {}", list(&spot)),
                ))
            },
        ));
        out.push(ok(
            "transparency",
            if self.transparency.is_empty() {
                "none".to_string()
            } else {
                format!(
                    "{} (PDF/X-4 keeps it live)",
                    self.transparency
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
        ));
        out
    }

    fn image_checks(&self) -> Vec<Check> {
        if self.images.is_empty() {
            return vec![ok("images", "none (raster)")];
        }
        self.images
            .iter()
            .map(|image| {
                let value = format!(
                    "page {}: {} × {} px at {:.0} × {:.0} mm = {:.0} ppi, {}",
                    image.page,
                    image.pixels.0,
                    image.pixels.1,
                    image.placed_mm.0,
                    image.placed_mm.1,
                    image.ppi,
                    image.colour_space
                );
                let problem = match crate::print_rules::judge_resolution(image.ppi) {
                    crate::print_rules::Resolution::TooLow => Some((
                        Verdict::Error,
                        format!(
                            "images below {MIN_PPI:.0} ppi: {:.0} ppi on page {}",
                            image.ppi, image.page
                        ),
                    )),
                    crate::print_rules::Resolution::Low => Some((
                        Verdict::Warning,
                        format!(
                            "image on page {} prints at {:.0} ppi ({WARN_PPI:.0} asked for)",
                            image.page, image.ppi
                        ),
                    )),
                    crate::print_rules::Resolution::Good => None,
                };
                judged("image", value, problem)
            })
            .collect()
    }

    fn ink_checks(&self) -> Vec<Check> {
        let worst = self
            .ink_over_limit
            .iter()
            .map(|(_, total)| *total)
            .fold(0.0, f64::max);
        let over_pages: BTreeSet<usize> = self.ink_over_limit.iter().map(|(p, _)| *p).collect();
        let mut out = vec![judged(
            "ink",
            if over_pages.is_empty() {
                format!("no colour above {INK_LIMIT:.0} %")
            } else {
                format!("up to {worst:.0} % (limit {INK_LIMIT:.0} %)")
            },
            (!over_pages.is_empty()).then(|| {
                (
                    Verdict::Error,
                    format!(
                        "colours with more than {INK_LIMIT:.0} % ink on {} page(s)",
                        over_pages.len()
                    ),
                )
            }),
        )];
        let (page, most) = self
            .area_ink
            .iter()
            .enumerate()
            .fold(
                (0, 0.0f64),
                |best, (i, &v)| if v > best.1 { (i + 1, v) } else { best },
            );
        let over: BTreeSet<usize> = self
            .area_ink
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > AREA_INK_LIMIT + 0.5)
            .map(|(i, _)| i + 1)
            .collect();
        out.push(judged(
            "ink over 15 mm",
            if page == 0 {
                "no ink".to_string()
            } else {
                format!("at most {most:.0} % (page {page}; limit {AREA_INK_LIMIT:.0} %)")
            },
            (!over.is_empty()).then(|| {
                (
                    Verdict::Warning,
                    format!(
                        "more than {AREA_INK_LIMIT:.0} % total ink over 15 mm on {}: it may not \
                         dry and sets off",
                        pages(&over)
                    ),
                )
            }),
        ));
        out.push(on_pages(
            "fine text",
            &self.fine_text,
            format!("no text under {FINE_TEXT_PT:.0} pt in white or in several inks"),
            |on| {
                (
                    format!("text under {FINE_TEXT_PT:.0} pt in white or several inks on {on}"),
                    Verdict::Warning,
                    format!(
                        "text under {FINE_TEXT_PT:.0} pt in white or in several inks on {on}: the \
                         least misregistration blurs it"
                    ),
                )
            },
        ));
        out.push(on_pages(
            "rich black",
            &self.rich_black_text,
            "no black text in four inks",
            |on| {
                (
                    format!("text in four-ink black on {on}"),
                    Verdict::Error,
                    "black text in four inks (rich black) blurs on press".into(),
                )
            },
        ));
        out
    }

    fn overprint_checks(&self) -> Vec<Check> {
        use Verdict::Error;
        let (overprinting, knocking_out) = &self.small_black_text;
        let mut out = vec![on_pages(
            "overprint",
            knocking_out,
            format!("{overprinting} black text runs under {SMALL_TEXT_PT:.0} pt, all overprint"),
            |on| {
                (
                    format!(
                        "{overprinting} black text runs under {SMALL_TEXT_PT:.0} pt overprint, \
                         others knock out on {on}"
                    ),
                    Error,
                    format!(
                        "black text under {SMALL_TEXT_PT:.0} pt knocks out (does not overprint) \
                         on {on}: misregistration shows white edges"
                    ),
                )
            },
        )];
        let (overprinting, knocking_out) = &self.thin_black_lines;
        out.push(on_pages(
            "overprint lines",
            knocking_out,
            format!("{overprinting} black lines under {SMALL_LINE_PT:.0} pt, all overprint"),
            |on| {
                (
                    format!(
                        "{overprinting} black lines under {SMALL_LINE_PT:.0} pt overprint, others \
                         knock out on {on}"
                    ),
                    Error,
                    format!("black lines under {SMALL_LINE_PT:.0} pt knock out on {on}"),
                )
            },
        ));
        out.push(on_pages(
            "white",
            &self.white_overprints,
            "white never overprints",
            |on| {
                (
                    format!("overprints on {on}"),
                    Error,
                    format!("white text or lines set to overprint on {on}: they vanish on press"),
                )
            },
        ));
        out
    }

    fn line_check(&self) -> Check {
        let Some((width, page)) = self.thinnest_line else {
            return ok("thinnest line", "no strokes");
        };
        judged(
            "thinnest line",
            format!("{width:.3} pt (page {page})"),
            if !self.hairlines.is_empty() {
                Some((
                    Verdict::Error,
                    format!(
                        "lines under {HAIRLINE_PT} pt on {}: they may not print at all",
                        pages(&self.hairlines)
                    ),
                ))
            } else if !self.thin_lines.is_empty() {
                Some((
                    Verdict::Warning,
                    format!(
                        "lines under {THIN_LINE_PT} pt on {}: they print unevenly",
                        pages(&self.thin_lines)
                    ),
                ))
            } else {
                None
            },
        )
    }

    fn standard_checks(&self) -> Vec<Check> {
        let standard = judged(
            "standard",
            self.pdfx
                .clone()
                .unwrap_or_else(|| "no PDF/X identification".to_string()),
            (self.pdfx.as_deref() != Some("PDF/X-4")).then(|| {
                (
                    Verdict::Error,
                    "not identified as PDF/X-4 (XMP GTS_PDFXVersion)".to_string(),
                )
            }),
        );
        let intent = match &self.output_intent {
            None => judged(
                "output intent",
                "none",
                Some((
                    Verdict::Error,
                    "no PDF/X output intent (print condition)".into(),
                )),
            ),
            Some((condition, false)) => judged(
                "output intent",
                condition.clone(),
                Some((
                    Verdict::Error,
                    "the output intent embeds no ICC profile".into(),
                )),
            ),
            Some((condition, true)) => ok(
                "output intent",
                format!("{condition}, with its ICC profile embedded"),
            ),
        };
        vec![standard, intent]
    }
}
