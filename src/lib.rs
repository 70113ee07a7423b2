//! trycksak turns political programme sources (Markdown + YAML front matter) into everything a
//! campaign hands out. The pipeline, one module per step:
//!
//! 1. [`project`] finds the sources and regions of a project folder;
//! 2. [`source`] loads a source into the one [`model`], with located [`diagnostics`];
//! 3. [`output`] renders each kind of output from the model (one module per kind);
//! 4. [`build`] runs the steps for every programme and writes files and the [`manifest`];
//! 5. [`preflight`] reads finished PDFs back as a print shop's checker does.

// First, so that the `t!` macro of the catalogues is in scope in every module after it.
#[macro_use]
pub mod messages;

pub mod build;
pub mod check;
pub mod diagnostics;
pub mod fsutil;
pub mod i18n;
pub mod images;
pub mod import;
pub mod language;
pub mod layout;
pub mod manifest;
pub mod model;
pub mod output;
pub mod pdf_content;
pub mod pdf_objects;
pub mod preflight;
pub mod print_rules;
pub mod project;
pub mod readability;
pub mod sandbox;
pub mod scaffold;
pub mod serve;
pub mod source;
pub mod translation;
pub mod typeset;
pub mod watch;
