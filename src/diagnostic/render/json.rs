//! JSON output: one document with every diagnostic and a summary.

use serde::Serialize;

use super::{Position, Summary, position};
use crate::diagnostic::{Diagnostic, Level};
use crate::source::Sources;

#[derive(Serialize)]
struct Report<'a> {
    diagnostics: Vec<Entry<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Entry<'a> {
    code: &'static str,
    name: &'static str,
    severity: Level,
    message: &'a str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    position: Option<Position>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<Related<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Related<'a> {
    #[serde(flatten)]
    position: Position,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let report = Report {
        diagnostics: diagnostics
            .iter()
            .map(|d| Entry {
                code: d.code.as_str(),
                name: d.code.info().name,
                severity: d.level,
                message: &d.message,
                position: d.primary.as_ref().map(|l| position(l, sources)),
                related: d
                    .related
                    .iter()
                    .map(|l| Related {
                        position: position(l, sources),
                        message: l.message.as_deref(),
                    })
                    .collect(),
                help: d.help.as_deref(),
            })
            .collect(),
        summary: Summary::of(diagnostics),
    };
    crate::json::pretty(&report)
}
