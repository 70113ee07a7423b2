//! The print shop's numbers, shared by what makes the print twins (`output/print/`) and what
//! reads finished PDFs back (`preflight`), so that both hold a file to the same rules.

/// 1 mm in PDF points.
pub const MM: f64 = 72.0 / 25.4;

/// Room outside the bleed for the crop marks (2 mm gap, 6 mm marks) and the slug line.
pub const MARKS_MM: f64 = 10.0;

/// Images below this resolution at their printed size look soft: a warning.
pub const GOOD_PPI: f64 = 300.0;
/// Below this they look pixelated: the print twin is not made.
pub const MIN_PPI: f64 = 150.0;

/// The largest ink total (C+M+Y+K, in percent) Swedish printers accept on coated paper.
pub const INK_LIMIT: f64 = 300.0;

/// Black text under this size (in points, as printed) overprints, as GWG 2022 asks: a hair of
/// misregistration would otherwise show white edges round the letters.
pub const SMALL_TEXT_PT: f64 = 12.0;
