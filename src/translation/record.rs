//! The record beside a translation (`<slug>.<lang>.sync.yaml`): for each unit of the
//! translation, the original's text it was made for and a fingerprint of the translation's text
//! when that was recorded. The tool writes it; a translator never needs to open it.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::units::normalise;

/// A translation's record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The original, relative to the project, with `/` separators.
    pub original: String,
    /// One entry per unit of the translation, in its order.
    pub units: Vec<Entry>,
}

/// What is recorded of one unit of a translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The unit's kind (`h2`, `paragraph`, `item`, …).
    pub kind: String,
    /// The original's text this unit translates, as it was when the translation was made.
    pub original: String,
    /// The fingerprint ([`fingerprint`]) of the translation's text then: another one now means
    /// the translator has worked on the unit since.
    pub translation: String,
}

/// A short fingerprint of a text, white space made single spaces: 16 hex digits of SHA-256.
pub fn fingerprint(text: &str) -> String {
    crate::fsutil::sha256_hex(normalise(text).as_bytes())[..16].to_string()
}

/// The record at `path`: `Ok(None)` when there is none, `Err` with the reason when it cannot
/// be read (then the translation is compared as if it had none).
pub fn read(path: &Path) -> Result<Option<Record>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_yaml::from_str(&text)
            .map(Some)
            .map_err(|err| err.to_string()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err.to_string()),
    }
}

/// What the file says of itself, in both interface languages (the file is the same whoever
/// builds).
const HEADER: &str = "\
# Written by trycksak: which text of the original each part of the translation was made for.
# Do not edit; `trycksak check --translations` shows what is out of date.
# Skrivet av trycksak: vilken text i originalet varje del av översättningen gjordes efter.
# Redigera inte; `trycksak check --translations` visar vad som är inaktuellt.
";

/// The record as its file holds it: a comment that says what it is, then YAML.
pub fn render(record: &Record) -> String {
    let yaml = serde_yaml::to_string(record).expect("a record serialises");
    format!("{HEADER}{yaml}")
}

/// Writes `record` to `path` (atomically: a killed build leaves the old one or the new one).
pub fn write(path: &Path, record: &Record) -> anyhow::Result<()> {
    crate::fsutil::write_atomic(path, render(record).as_bytes())
}
