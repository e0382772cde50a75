//! Renderers: the same diagnostics as terminal text, JSON or CI
//! annotations. Byte spans become line and column here, and only here.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod repo;
pub mod sarif;

use serde::Serialize;

use super::{Diagnostic, Label, Level};
use crate::source::Sources;

/// The output formats of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source snippets with carets, for people.
    Human,
    /// One JSON document, for programs.
    Json,
    /// GitHub Actions workflow commands, for pull-request annotations.
    Github,
    /// SARIF 2.1.0, for code scanning (`github/codeql-action/upload-sarif`).
    Sarif,
    /// JUnit XML, one testsuite per file, for CI test reports.
    Junit,
}

/// Renders diagnostics in `format`. `color` applies to `human` only.
pub fn render(
    format: Format,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    color: bool,
) -> String {
    match format {
        Format::Human => human::render(diagnostics, sources, color),
        Format::Json => json::render(diagnostics, sources),
        Format::Github => github::render(diagnostics, sources),
        Format::Sarif => sarif::render(diagnostics, sources),
        Format::Junit => junit::render(diagnostics, sources, false),
    }
}

/// A label resolved to a path and 1-based positions.
#[derive(Debug, Clone, Serialize)]
pub struct Position {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

pub fn position(label: &Label, sources: &Sources) -> Position {
    let file = sources.get(label.file);
    let (line, column) = file.line_col(label.span.start);
    let (end_line, end_column) = file.line_col(label.span.end);
    Position {
        file: path_text(&file.path),
        line,
        column,
        end_line,
        end_column,
    }
}

/// [`position`] with the path as CI tools want it: relative to the
/// repository the file is in.
pub fn repo_position(label: &Label, sources: &Sources) -> Position {
    let mut p = position(label, sources);
    p.file = repo::relative(&sources.get(label.file).path);
    p
}

/// Paths always print with `/`, so output is the same on every system.
pub fn path_text(path: &std::path::Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Counts of errors and warnings.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut s = Summary::default();
        for d in diagnostics {
            match d.level {
                Level::Error => s.errors += 1,
                Level::Warning => s.warnings += 1,
            }
        }
        s
    }
}

/// `1 error`, `2 errors`: a count with its noun, for every summary line.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning")
        )
    }
}
