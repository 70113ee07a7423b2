//! What a resolved layout is checked for: contrast (WCAG AA) and ink (what a press can print).

use super::file::Parsed;
use super::{INK_LIMIT, LAYOUT_FILE, Layout};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::project::LAYOUTS_DIR;

/// WCAG 2.1 AA: the layout's colours used for text must stand out from their background
/// (4.5:1; 3:1 for the pledge markers, which are graphics, not text).
pub(super) fn check_contrast(
    layout: &Layout,
    own: &Parsed,
    base: &Parsed,
    problems: &mut Vec<Diagnostic>,
) {
    const PAIRS: &[(&str, &str, f64, &str)] = &[
        ("text", "paper", 4.5, "body text on the page"),
        ("text", "tint", 4.5, "pledges on their tinted box"),
        (
            "primary",
            "paper",
            4.5,
            "headings, links and cover text on the page",
        ),
        (
            "on-primary",
            "primary",
            4.5,
            "text on the primary colour (cover, summary header)",
        ),
        ("accent", "tint", 3.0, "pledge markers on their tinted box"),
    ];
    let rgb = |name: &str| match name {
        "paper" => "#ffffff".to_string(),
        _ => layout.colours[name].to_rgb_hex(),
    };
    for (fore, back, needed, used_for) in PAIRS {
        let ratio = contrast_ratio(&rgb(fore), &rgb(back));
        if ratio + 1e-9 < *needed {
            let (file, span) = Parsed::locate(own, base, fore).unwrap_or_else(|| {
                (
                    SourceFile::new(
                        format!("{LAYOUTS_DIR}/{}/{LAYOUT_FILE}", layout.region),
                        String::new(),
                    ),
                    None,
                )
            });
            problems.push(
                Diagnostic::error(
                    &file,
                    span,
                    format!("`{fore}` on `{back}` has a contrast of {ratio:.1}:1, below the {needed}:1 that WCAG AA asks for {used_for}"),
                )
                .with_help(format!("make `{fore}` darker or `{back}` lighter (more black ink darkens a colour)")),
            );
        }
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
    for (name, cmyk) in &layout.colours {
        let total: f64 = cmyk.0.iter().sum();
        if total > INK_LIMIT + 1e-9 {
            let (file, span) = locate(name);
            problems.push(
                Diagnostic::warning(
                    &file,
                    span,
                    format!("`{name}` has {total:.0} % ink in all, more than the {INK_LIMIT:.0} % a press can print cleanly on coated paper"),
                )
                .with_help("lower cyan, magenta or yellow until the four add up to 300 or less"),
            );
        }
    }
    let [c, m, y, k] = layout.colours["text"].0;
    if k >= 80.0 && c + m + y > 0.0 {
        let (file, span) = locate("text");
        problems.push(
            Diagnostic::warning(
                &file,
                span,
                format!("`text` is a rich black ({c:.0}/{m:.0}/{y:.0}/{k:.0}): small type in four inks blurs when the plates are slightly off"),
            )
            .with_help("print body text in black ink only: `text: [0, 0, 0, 100]`"),
        );
    }
}

/// The WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let channel = |i: usize| {
            let v = u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0) as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    };
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
