//! The preflight's verdict: the checks of a [`Report`] (made in `checks.rs`), each ok, warning
//! or error, printed as a print shop's report or written as JSON.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;

use super::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Warning,
    Error,
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// What is checked, e.g. `pages`, `thinnest line`.
    pub item: &'static str,
    pub verdict: Verdict,
    /// What was found.
    pub value: String,
    /// What is wrong, in the print shop's terms (for warnings and errors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

impl Report {
    /// Whether the PDF says it is a PDF/X file (made for print).
    pub fn is_pdfx(&self) -> bool {
        self.pdfx.as_deref().is_some_and(|v| v.starts_with("PDF/X"))
    }

    /// Why this PDF cannot go to press as it is, in the print shop's terms; empty if it can.
    pub fn failures(&self) -> Vec<String> {
        self.problems(Verdict::Error)
    }

    /// Things that may be fine but a print shop would mention.
    pub fn warnings(&self) -> Vec<String> {
        self.problems(Verdict::Warning)
    }

    fn problems(&self, verdict: Verdict) -> Vec<String> {
        self.checks()
            .into_iter()
            .filter(|c| c.verdict == verdict)
            .filter_map(|c| c.problem)
            .collect()
    }

    /// The report as printed by `trycksak check --print`: every check with its verdict, then
    /// the warnings (!) and errors (✗).
    pub fn render(&self, name: &str) -> String {
        let checks = self.checks();
        let mut out = String::new();
        let failed = checks.iter().any(|c| c.verdict == Verdict::Error);
        let _ = writeln!(out, "{name}: {}", if failed { "FAIL" } else { "PASS" });
        for check in &checks {
            if self.unreadable.is_some() {
                break;
            }
            let mark = match check.verdict {
                Verdict::Ok => "ok",
                Verdict::Warning => "warning",
                Verdict::Error => "error",
            };
            let _ = writeln!(out, "  {:<16}{}  [{mark}]", check.item, check.value);
        }
        for (verdict, mark) in [(Verdict::Warning, "!"), (Verdict::Error, "✗")] {
            for check in checks.iter().filter(|c| c.verdict == verdict) {
                if let Some(problem) = &check.problem {
                    let _ = writeln!(out, "  {mark} {problem}");
                }
            }
        }
        out
    }

    /// The report for machines: the verdict, every check, and the measured facts.
    pub fn to_json(&self, name: &str) -> serde_json::Value {
        let checks = self.checks();
        let failed = checks.iter().any(|c| c.verdict == Verdict::Error);
        serde_json::json!({
            "file": name,
            "verdict": if failed { "FAIL" } else { "PASS" },
            "checks": checks,
            "facts": {
                "pages": self.pages,
                "fonts": self.fonts,
                "images": self.images,
                "colour_spaces": self.colour_spaces,
                "ink_over_15mm_percent": self.area_ink,
                "thinnest_line_pt": self.thinnest_line.map(|(width, _)| width),
                "transparency": self.transparency,
            },
        })
    }
}

/// "page 3" or "pages 1, 2".
pub(super) fn pages(numbers: &BTreeSet<usize>) -> String {
    let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
    match list.len() {
        1 => format!("page {}", list[0]),
        _ => format!("pages {}", list.join(", ")),
    }
}
