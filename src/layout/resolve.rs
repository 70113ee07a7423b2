//! A region's layout from its layers: the built-in base, the project's `layouts/base/layout.yaml`
//! and the region's own file, merged as values (maps key by key, the later layer wins), then
//! read once. The built-in base defines every key: it is the one place defaults live, so a
//! project's partial base file changes only what it says.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use serde_yaml::Value;

use super::file::{LayoutFile, Parsed};
use super::{
    BrailleSettings, COLOUR_NAMES, Fonts, LAYOUT_FILE, LEAFLET_FLOOR, Layout, LeafletSettings,
    PaperSizes, PrintSettings,
};
use crate::diagnostics::{Diagnostic, SourceFile, closest};
use crate::project::Project;

/// One layer of a region's layout: a file as parsed, and the folder it is in (a logo it names
/// is relative to that folder).
pub(super) struct Layer<'a> {
    pub parsed: &'a Parsed,
    pub dir: PathBuf,
}

/// `over` merged into `base`: maps key by key, anything else replaced.
pub(crate) fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Mapping(base), Value::Mapping(over)) => {
            for (key, value) in over {
                match base.get_mut(key) {
                    // A colour is replaced whole: a region's `{screen: "#…"}` over base's
                    // `{print: …, screen: …}` must not keep base's inks.
                    Some(Value::Mapping(colours)) if key.as_str() == Some("colours") => {
                        if let Value::Mapping(over_colours) = value {
                            for (name, colour) in over_colours {
                                colours.insert(name.clone(), colour.clone());
                            }
                        }
                    }
                    Some(existing) => merge(existing, value),
                    None => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (base, over) => *base = over.clone(),
    }
}

/// The layout of `region` from its `layers` (built-in base first). Problems that need the
/// merged values (a font family no font has) go to `problems`.
pub(super) fn resolve(
    region: &str,
    layers: &[Layer],
    families: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
    project: &Project,
) -> Option<Layout> {
    let mut merged = Value::Mapping(Default::default());
    for layer in layers {
        if let Some(value) = &layer.parsed.value {
            merge(&mut merged, value);
        }
    }
    let own = layers.last().and_then(|layer| layer.parsed.file.clone());
    let file = own.unwrap_or_else(|| {
        SourceFile::new(format!("layouts/{region}/{LAYOUT_FILE}"), String::new())
    });
    let values: LayoutFile = match serde_yaml::from_value(merged) {
        Ok(values) => values,
        Err(err) => {
            problems.push(Diagnostic::error(
                &file,
                None,
                t!("layout-not-valid", message = err.to_string()),
            ));
            return None;
        }
    };
    // Every key is in the built-in base; a missing one is a bug of ours, said as an error.
    let mut missing = Vec::new();
    macro_rules! need {
        ($value:expr, $key:literal) => {
            match $value {
                Some(value) => value,
                None => {
                    missing.push($key);
                    Default::default()
                }
            }
        };
    }
    let fonts = values.fonts.unwrap_or_default();
    let paper = values.paper.unwrap_or_default();
    let summary = values.summary.unwrap_or_default();
    let leaflet = values.leaflet.unwrap_or_default();
    let print = values.print.unwrap_or_default();
    let braille = values.braille.unwrap_or_default();
    let mut colours = values.colours.unwrap_or_default();
    colours.retain(|name, _| COLOUR_NAMES.contains(&name.as_str()));
    for name in COLOUR_NAMES {
        if !colours.contains_key(*name) {
            missing.push("colours");
        }
    }
    let min_size = need!(leaflet.min_size, "leaflet: min_size").max(LEAFLET_FLOOR);
    let layout = Layout {
        region: region.to_string(),
        name: values.name.filter(|name| !name.trim().is_empty()),
        colours,
        fonts: Fonts {
            body: need!(fonts.body, "fonts: body"),
            heading: need!(fonts.heading, "fonts: heading"),
        },
        logo: logo(layers, project),
        paper: PaperSizes {
            leaflet: need!(paper.leaflet, "paper: leaflet"),
            summary: need!(paper.summary, "paper: summary"),
        },
        cover: need!(values.cover, "cover"),
        summary_min_size: need!(summary.min_size, "summary: min_size"),
        summary_max_size: need!(summary.max_size, "summary: max_size"),
        summary_overflow: need!(summary.overflow, "summary: overflow"),
        leaflet: LeafletSettings {
            min_size,
            max_size: need!(leaflet.max_size, "leaflet: max_size").max(min_size),
            size: leaflet.size,
            pages: leaflet.pages,
            margins: need!(leaflet.margins, "leaflet: margins"),
        },
        large_print: need!(values.large_print, "large_print"),
        braille: BrailleSettings {
            build: need!(braille.build, "braille: build"),
            cols: need!(braille.cols, "braille: cols"),
            rows: need!(braille.rows, "braille: rows"),
            duplex: need!(braille.duplex, "braille: duplex"),
            volume_sheets: need!(braille.volume_sheets, "braille: volume_sheets"),
        },
        lix_target: values.lix_target,
        translations_out_of_date: need!(
            values.translations_out_of_date,
            "translations_out_of_date"
        ),
        languages: Default::default(),
        print: PrintSettings {
            bleed_mm: need!(print.bleed, "print: bleed"),
            safe_mm: need!(print.safe, "print: safe"),
            max_ink: need!(print.max_ink, "print: max_ink"),
        },
    };
    if !missing.is_empty() {
        missing.dedup();
        problems.push(
            Diagnostic::error(
                &file,
                None,
                t!("layout-incomplete", keys = missing.join(", ")),
            )
            .with_help(t!("layout-incomplete.help")),
        );
        return None;
    }
    check_fonts(&layout, layers, families, &file, problems);
    Some(layout)
}

/// The logo, as a path relative to the project: from the last layer that names one, relative
/// to that layer's folder (its file checked it).
fn logo(layers: &[Layer], project: &Project) -> Option<String> {
    let layer = layers.iter().rev().find(|layer| {
        layer
            .parsed
            .value
            .as_ref()
            .is_some_and(|value| value.get("logo").is_some())
    })?;
    let logo = layer.parsed.layout.logo.as_ref()?;
    let path = project
        .resolve_inside(&layer.dir.join(LAYOUT_FILE), logo)
        .ok()?;
    Some(project.relative(&path).to_string_lossy().replace('\\', "/"))
}

/// Every font family the layout names must be in the font library; a problem is located where
/// the family is written (the region's file, else a base file).
fn check_fonts(
    layout: &Layout,
    layers: &[Layer],
    families: &BTreeSet<String>,
    fallback: &Arc<SourceFile>,
    problems: &mut Vec<Diagnostic>,
) {
    for family in layout.fonts.body.iter().chain(&layout.fonts.heading) {
        if families.contains(&family.to_lowercase()) {
            continue;
        }
        let file = layers
            .iter()
            .rev()
            .filter_map(|layer| layer.parsed.file.as_ref())
            .find(|file| file.text.contains(family.as_str()))
            .unwrap_or(fallback);
        let span = file
            .text
            .find(family.as_str())
            .map(|start| start..start + family.len());
        let known: Vec<&str> = families.iter().map(String::as_str).collect();
        let help = match closest(&family.to_lowercase(), &known) {
            Some(close) => t!("no-such-font.help-close", close = close),
            None => t!("no-such-font.help", families = known.join(", ")),
        };
        problems.push(
            Diagnostic::error(file, span, t!("no-such-font", family = family.as_str()))
                .with_help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_layers_win_key_by_key() {
        let mut base: Value = serde_yaml::from_str(
            "colours: {primary: [1, 2, 3, 4], text: [0, 0, 0, 100]}\ncover: full\n",
        )
        .unwrap();
        let region: Value = serde_yaml::from_str("colours: {primary: [9, 9, 9, 9]}\n").unwrap();
        merge(&mut base, &region);
        let expected: Value = serde_yaml::from_str(
            "colours: {primary: [9, 9, 9, 9], text: [0, 0, 0, 100]}\ncover: full\n",
        )
        .unwrap();
        assert_eq!(base, expected);
    }
}
