//! The print shop's numbers, shared by what makes the print twins (`output/print/`) and what
//! reads finished PDFs back (`preflight`), so that both hold a file to the same rules.

/// 1 mm in PDF points.
pub const MM: f64 = 72.0 / 25.4;

/// Room outside the bleed for the crop marks (2 mm gap, 6 mm marks) and the slug line.
pub const MARKS_MM: f64 = 10.0;

/// The one rule for an image's resolution at its printed size, used by `build` (the print twins
/// are not made below [`MIN_PPI`]), `check` (which renders what `build` does) and the preflight
/// of finished PDFs (`check --print`): GWG 2022's for continuous tone, an error below 149 ppi
/// and a warning below 224. [`GOOD_PPI`] is what the advice aims at.
pub const MIN_PPI: f64 = 150.0;
/// Below this an image looks soft in print: a warning.
pub const WARN_PPI: f64 = 224.0;
/// What print shops ask for, and what "use a larger original" computes pixels for.
pub const GOOD_PPI: f64 = 300.0;

/// How an image of `ppi` at its printed size is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Good,
    /// Soft in print: a warning.
    Low,
    /// Pixelated: an error.
    TooLow,
}

pub fn judge_resolution(ppi: f64) -> Resolution {
    if ppi < MIN_PPI {
        Resolution::TooLow
    } else if ppi < WARN_PPI {
        Resolution::Low
    } else {
        Resolution::Good
    }
}

/// The largest ink total (C+M+Y+K, in percent) Swedish printers accept on coated paper.
pub const INK_LIMIT: f64 = 300.0;

/// The most total ink (percent) averaged over any 15 mm square (GWG 2022, sheetfed coated);
/// a layout may set its own (`print: max_ink`).
pub const AREA_INK_LIMIT: f64 = 320.0;
/// The side of that square, in millimetres.
pub const INK_AREA_MM: usize = 15;

/// Black text under this size (in points, as printed) overprints, as GWG 2022 asks: a hair of
/// misregistration would otherwise show white edges round the letters.
pub const SMALL_TEXT_PT: f64 = 12.0;

/// Black lines under this width (points, as printed) overprint, for the same reason.
pub const SMALL_LINE_PT: f64 = 2.0;

/// Lines thinner than this (points) may not print at all: an error (Acrobat's hairline check).
pub const HAIRLINE_PT: f64 = 0.125;
/// Lines thinner than this print unevenly: a warning (GWG 2022).
pub const THIN_LINE_PT: f64 = 0.25;

/// White text, or text in more than one ink, under this size (points) blurs with the least
/// misregistration: a warning (GWG 2022).
pub const FINE_TEXT_PT: f64 = 8.0;
