//! The front matter's keys with values of their own shape: `cover` (image and alt text),
//! `lix_target` (a number in a range) and `summary` (text, or lead, pledges and overflow).

use serde_yaml::{Mapping, Value};

use super::{COVER_KEYS, Fields, SUMMARY_KEYS, misspelled, unknown_key};
use crate::diagnostics::Diagnostic;
use crate::model::{Image, Overflow};

impl Fields<'_, '_> {
    pub(super) fn cover(&mut self, mapping: &Mapping) -> Option<Image> {
        let value = mapping.get("cover")?;
        let file = self.cx.file;
        let cover_span = self.key_span("cover");
        let Value::Mapping(cover) = value else {
            if value.is_null() {
                return None;
            }
            self.diagnostics.push(
                Diagnostic::error(file, Some(cover_span), t!("cover-not-a-group"))
                    .with_help(t!("cover-not-a-group.help")),
            );
            return None;
        };
        let indent = self.block_indent("cover");
        let sub_span = |fields: &Self, key: &str| {
            fields
                .nested_key_span(key, indent)
                .unwrap_or_else(|| cover_span.clone())
        };
        for key in cover.keys() {
            let name = key.as_str().unwrap_or("?");
            if !COVER_KEYS.contains(&name) {
                let span = sub_span(self, name);
                self.diagnostics
                    .push(unknown_key(self.cx, span, name, COVER_KEYS, "cover"));
            }
        }
        let text = |key: &str| {
            cover.get(key).and_then(|v| match v {
                Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
                _ => None,
            })
        };
        let (image, alt) = (text("image"), text("alt"));
        if image.is_none() && !misspelled(cover, "image", COVER_KEYS) {
            self.diagnostics.push(
                Diagnostic::error(file, Some(cover_span.clone()), t!("cover-no-image"))
                    .with_help(t!("cover-no-image.help")),
            );
        }
        if alt.is_none() && !misspelled(cover, "alt", COVER_KEYS) {
            self.diagnostics.push(
                Diagnostic::error(file, Some(cover_span.clone()), t!("cover-no-alt"))
                    .with_help(t!("cover-no-alt.help")),
            );
        }
        let image = image?;
        let span = sub_span(self, "image");
        if let Some(alt) = &alt
            && let Some(problem) = crate::source::markdown::alt_problem(alt, &image, "")
        {
            let span = sub_span(self, "alt");
            self.diagnostics.push(
                Diagnostic::error(file, Some(span), problem).with_help(t!("cover-bad-alt.help")),
            );
            return None;
        }
        match self.cx.resolve_image(&image, span.clone()) {
            Ok(path) => Some(Image {
                path,
                alt: alt?,
                at: span,
            }),
            Err(diagnostic) => {
                self.diagnostics.push(*diagnostic);
                None
            }
        }
    }

    pub(super) fn lix_target(&mut self, mapping: &Mapping) -> Option<f64> {
        let value = mapping.get("lix_target")?;
        match value.as_f64() {
            Some(target) if (10.0..=100.0).contains(&target) => Some(target),
            _ => {
                let span = self.value_span("lix_target");
                self.diagnostics.push(
                    Diagnostic::error(self.cx.file, Some(span), t!("lix-target-range"))
                        .with_help(t!("lix-target-range.help")),
                );
                None
            }
        }
    }

    /// `translations_out_of_date: warning|error`.
    pub(super) fn out_of_date(&mut self, mapping: &Mapping) -> Option<crate::model::OutOfDate> {
        let value = self.text(mapping, "translations_out_of_date")?;
        match value.as_str() {
            "warning" | "varning" => Some(crate::model::OutOfDate::Warning),
            "error" | "fel" => Some(crate::model::OutOfDate::Error),
            _ => {
                let span = self.value_span("translations_out_of_date");
                self.diagnostics.push(
                    Diagnostic::error(
                        self.cx.file,
                        Some(span),
                        t!("out-of-date-value", value = value.as_str()),
                    )
                    .with_help(t!("out-of-date-value.help")),
                );
                None
            }
        }
    }

    /// `summary: text`, or `summary:` with `lead: text`, `pledges: N` (the first N pledges of
    /// each section) and `overflow: shorten|error` under it.
    pub(super) fn summary(
        &mut self,
        mapping: &Mapping,
    ) -> (Option<String>, Option<u32>, Option<Overflow>) {
        let Some(Value::Mapping(summary)) = mapping.get("summary") else {
            return (self.text(mapping, "summary"), None, None);
        };
        let file = self.cx.file;
        let indent = self.block_indent("summary");
        let span_of = |fields: &Self, key: &str| {
            fields
                .nested_key_span(key, indent)
                .unwrap_or_else(|| fields.key_span("summary"))
        };
        for key in summary.keys() {
            let name = key.as_str().unwrap_or("?");
            if !SUMMARY_KEYS.contains(&name) {
                let span = span_of(self, name);
                self.diagnostics
                    .push(unknown_key(self.cx, span, name, SUMMARY_KEYS, "summary"));
            }
        }
        let lead = match summary.get("lead") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        };
        let pledges = match summary.get("pledges") {
            None => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|n| (1..=1000).contains(&n)) => {
                n.as_u64().map(|n| n as u32)
            }
            Some(_) => {
                let span = span_of(self, "pledges");
                self.diagnostics.push(
                    Diagnostic::error(file, Some(span), t!("summary-pledges-count"))
                        .with_help(t!("summary-pledges-count.help")),
                );
                None
            }
        };
        let overflow = match summary.get("overflow") {
            None => None,
            Some(Value::String(s)) if s == "shorten" => Some(Overflow::Shorten),
            Some(Value::String(s)) if s == "error" => Some(Overflow::Error),
            Some(_) => {
                let span = span_of(self, "overflow");
                self.diagnostics.push(
                    Diagnostic::error(file, Some(span), t!("summary-overflow-value"))
                        .with_help(t!("summary-overflow-value.help")),
                );
                None
            }
        };
        (lead, pledges, overflow)
    }
}
