//! Starter files for `trycksak init` and `trycksak new`: complete, commented, and buildable as
//! they are, in the interface's language (`en/`, `sv/` beside this file: files, not code).

use crate::messages::{Lang, lang};

/// The starter file `name` of the interface language.
fn starter(name: &str) -> &'static str {
    match (lang(), name) {
        (Lang::Sv, "programme") => include_str!("sv/programme.md"),
        (Lang::Sv, "region") => include_str!("sv/region.yaml"),
        (Lang::Sv, _) => include_str!("sv/TRYCKSAK.md"),
        (Lang::En, "programme") => include_str!("en/programme.md"),
        (Lang::En, "region") => include_str!("en/region.yaml"),
        (Lang::En, _) => include_str!("en/TRYCKSAK.md"),
    }
}

/// A starter programme for `region`, explaining every front-matter key.
pub fn programme(region: &str, title: &str) -> String {
    starter("programme")
        .replace("{region}", region)
        .replace("{title}", title)
}

/// A starter `layout.yaml` for a new region: every key explained; it builds as it is (the
/// values are those of the base layout, to be changed).
pub fn region(display_name: &str) -> String {
    starter("region").replace("{display_name}", display_name)
}

/// The note `trycksak init` leaves in a new project: what goes where.
pub fn project_note() -> String {
    starter("note").to_string()
}
