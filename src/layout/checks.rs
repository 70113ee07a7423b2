//! What a resolved layout is checked for: contrast (WCAG AA) and ink (what a press can print).

use super::file::Parsed;
use super::{Given, INK_LIMIT, LAYOUT_FILE, Layout};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::project::LAYOUTS_DIR;

/// WCAG 2.1 AA: the layout's colours used for text must stand out from their background
/// (4.5:1; 3:1 for the pledge markers, which are graphics, not text). The advice names one
/// colour to change — one the region's own file sets where it can, never the paper — and the
/// direction that raises the contrast, at that colour's line.
pub(super) fn check_contrast(
    layout: &Layout,
    own: &Parsed,
    base: &Parsed,
    problems: &mut Vec<Diagnostic>,
) {
    /// Foreground, background, the ratio needed, and what the pair is used for (a message id's
    /// `$use`).
    const PAIRS: &[(&str, &str, f64, &str)] = &[
        ("text", "paper", 4.5, "body"),
        ("text", "tint", 4.5, "pledges"),
        ("primary", "paper", 4.5, "headings"),
        ("on-primary", "primary", 4.5, "on-primary"),
        ("accent", "tint", 3.0, "markers"),
    ];
    let rgb = |name: &str| match name {
        "paper" => "#ffffff".to_string(),
        _ => layout.colours[name].screen_hex(),
    };
    for (fore, back, needed, used_for) in PAIRS {
        let ratio = contrast_ratio(&rgb(fore), &rgb(back));
        if ratio + 1e-9 >= *needed {
            continue;
        }
        // The paper is white and cannot change; of the two others, the one the region sets.
        let change = if *back == "paper" {
            *fore
        } else if own.defines_colour(back) && !own.defines_colour(fore) {
            *back
        } else {
            *fore
        };
        let other = if change == *fore { *back } else { *fore };
        let lighter_than_other = luminance(&rgb(change)) > luminance(&rgb(other));
        let direction = if lighter_than_other {
            "lighter"
        } else {
            "darker"
        };
        let (file, span) = Parsed::locate(own, base, change).unwrap_or_else(|| {
            (
                SourceFile::new(
                    format!("{LAYOUTS_DIR}/{}/{LAYOUT_FILE}", layout.region),
                    String::new(),
                ),
                None,
            )
        });
        let on = if *back == "paper" { "paper" } else { *back };
        problems.push(
            Diagnostic::error(
                &file,
                span,
                t!(
                    "low-contrast",
                    fore = *fore,
                    back = on,
                    ratio = crate::messages::decimal(ratio, 1),
                    needed = crate::messages::decimal(*needed, 1),
                    use = *used_for
                ),
            )
            .with_help(t!(
                "low-contrast.help",
                colour = change,
                direction = direction
            )),
        );
    }
}

/// Print: a colour with more ink than the press can dry smudges; black text built from four
/// inks (rich black) blurs when the plates are slightly off. Warnings: the PDF is still valid.
pub(super) fn check_ink(
    layout: &Layout,
    own: &Parsed,
    base: &Parsed,
    problems: &mut Vec<Diagnostic>,
) {
    let locate = |name: &str| {
        Parsed::locate(own, base, name).unwrap_or_else(|| {
            let display = format!("{LAYOUTS_DIR}/{}/{LAYOUT_FILE}", layout.region);
            (SourceFile::new(display, String::new()), None)
        })
    };
    for (name, colour) in &layout.colours {
        if colour.given == Given::Screen && own.defines_colour(name) {
            let (file, span) = locate(name);
            problems.push(
                Diagnostic::warning(
                    &file,
                    span,
                    t!(
                        "inks-from-screen-colour",
                        name = name.as_str(),
                        hex = colour.screen_hex(),
                        inks = format!("{:?}", colour.ink.map(|v| v.round() as i64))
                    ),
                )
                .with_help(t!("inks-from-screen-colour.help", name = name.as_str())),
            );
        }
        let total: f64 = colour.ink.iter().sum();
        if total > INK_LIMIT + 1e-9 {
            let (file, span) = locate(name);
            problems.push(
                Diagnostic::warning(
                    &file,
                    span,
                    t!(
                        "too-much-ink",
                        name = name.as_str(),
                        total = total.round(),
                        limit = INK_LIMIT
                    ),
                )
                .with_help(t!("too-much-ink.help", limit = INK_LIMIT)),
            );
        }
    }
    let [c, m, y, k] = layout.colours["text"].ink;
    if k >= 80.0 && c + m + y > 0.0 {
        let (file, span) = locate("text");
        problems.push(
            Diagnostic::warning(
                &file,
                span,
                t!(
                    "rich-black-text",
                    inks = format!("{c:.0}/{m:.0}/{y:.0}/{k:.0}")
                ),
            )
            .with_help(t!("rich-black-text.help")),
        );
    }
}

/// WCAG's relative luminance of a `#rrggbb` colour.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let v = u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0) as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

/// The WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios_match_wcag() {
        assert!((contrast_ratio("#000000", "#ffffff") - 21.0).abs() < 0.01);
        assert!((contrast_ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
    }
}
