//! Diagnostics as plain data. Checks produce them; renderers in `render/`
//! turn them into text, JSON or CI annotations, resolving byte spans to
//! line and column only at that point.

mod codes;
mod reference;
pub mod render;

pub use codes::{CODES, Code, CodeInfo};
pub use reference::{CHECKS_PAGE, checks_page, heading_anchor};

use serde::Serialize;

use crate::source::{FileId, Span};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// A place in a playbook file, with an optional note about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: Option<String>,
}

impl Label {
    pub fn new(file: FileId, span: Span) -> Self {
        Label {
            file,
            span,
            message: None,
        }
    }
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }
}

/// One problem found in a playbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub level: Level,
    pub message: String,
    /// Where the problem is. Only problems with the playbook directory as a
    /// whole have none.
    pub primary: Option<Label>,
    /// Other places that explain it (the earlier duplicate, the shadowing route).
    pub related: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at the code's default level.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            level: code.info().level,
            message: message.into(),
            primary: None,
            related: Vec::new(),
            help: None,
        }
    }
    pub fn at(mut self, label: Label) -> Self {
        self.primary = Some(label);
        self
    }
    pub fn related(mut self, label: Label) -> Self {
        self.related.push(label);
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

/// Sorts diagnostics into a stable order: by file, position, then code,
/// so output never depends on the order checks ran in.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.primary
                    .as_ref()
                    .map(|l| (l.file, l.span.start, l.span.end)),
                d.code,
                d.message.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    // Two checks can reach the same conclusion by different roads; the
    // repeat adds noise, not information.
    diagnostics.dedup();
}

/// "did you mean `x`?" from the closest candidate, when one is close.
pub fn did_you_mean<'a, I>(wrong: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(wrong, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// "did you mean `x`?" when one of `known` is close to `given`, else the
/// list of them all: what follows a name the playbook does not have.
pub fn closest_or_all<'a>(
    what: &str,
    given: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> String {
    did_you_mean(given, known.clone())
        .unwrap_or_else(|| format!("{what}s: {}", known.collect::<Vec<_>>().join(", ")))
}

/// The candidate closest to `wrong` by Jaro-Winkler similarity, when it is
/// close enough to be a likely typo.
pub fn closest<'a, I>(wrong: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wrong, c);
        if score > 0.8 && best.is_none_or(|(s, b)| score > s || (score == s && c < b)) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}
