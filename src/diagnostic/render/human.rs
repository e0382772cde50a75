//! Human output: the message, then the source line with a caret under the
//! span, then help.

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

use super::{Summary, path_text};
use crate::diagnostic::{Diagnostic, Label, Level};
use crate::source::Sources;

/// Labels more than this many lines apart get snippets of their own.
const MAX_GAP_LINES: usize = 6;

pub fn render(diagnostics: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&render_one(d, sources, &renderer));
        out.push_str("\n\n");
    }
    out
}

/// The closing line, e.g. `playbooks: 2 errors, 1 warning`.
pub fn summary_line(name: &str, diagnostics: &[Diagnostic]) -> String {
    format!("{name}: {}", Summary::of(diagnostics))
}

fn render_one(d: &Diagnostic, sources: &Sources, renderer: &Renderer) -> String {
    let level = match d.level {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(d.message.as_str()).id(d.code.as_str()));
    let mut labels: Vec<(&Label, bool)> = Vec::new();
    if let Some(primary) = &d.primary {
        labels.push((primary, true));
    }
    labels.extend(d.related.iter().map(|l| (l, false)));
    for chunk in chunks(&labels, sources) {
        group = group.element(snippet(&chunk, sources));
    }
    let mut report: Vec<Group> = vec![group];
    if let Some(help) = &d.help {
        report.push(Group::with_title(
            SnippetLevel::HELP.secondary_title(help.as_str()),
        ));
    }
    renderer.render(&report).to_string()
}

/// Groups labels into runs that share a file and lie close together.
fn chunks<'a>(labels: &[(&'a Label, bool)], sources: &Sources) -> Vec<Vec<(&'a Label, bool)>> {
    let mut out: Vec<Vec<(&Label, bool)>> = Vec::new();
    for &(label, primary) in labels {
        let line = sources.get(label.file).line_col(label.span.start).0;
        let near = out.iter_mut().find(|c| {
            c.iter().all(|(l, _)| {
                l.file == label.file
                    && sources.get(l.file).line_col(l.span.start).0.abs_diff(line) <= MAX_GAP_LINES
            })
        });
        match near {
            Some(chunk) => chunk.push((label, primary)),
            None => out.push(vec![(label, primary)]),
        }
    }
    out
}

/// A snippet holding just the lines the labels cover, so a large file costs
/// no more to render than a small one.
fn snippet<'a>(
    chunk: &[(&'a Label, bool)],
    sources: &'a Sources,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let file = sources.get(chunk[0].0.file);
    let text = file.text.as_str();
    let lo = chunk
        .iter()
        .map(|(l, _)| l.span.start)
        .min()
        .unwrap_or(0)
        .min(text.len());
    let hi = chunk
        .iter()
        .map(|(l, _)| l.span.end)
        .max()
        .unwrap_or(0)
        .min(text.len());
    let start = text[..lo].rfind('\n').map_or(0, |i| i + 1);
    let end = text[hi..].find('\n').map_or(text.len(), |i| hi + i);
    let (line, _) = file.line_col(start);
    // CRLF files: show the line, not a carriage-return glyph. A space has
    // the same byte length, so every span stays where it was.
    let region = &text[start..end];
    let shown: std::borrow::Cow<'a, str> = if region.contains('\r') {
        region.replace('\r', " ").into()
    } else {
        region.into()
    };
    let mut snippet = Snippet::source(shown)
        .line_start(line)
        .path(path_text(&file.path));
    for &(label, primary) in chunk {
        let kind = if primary {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let s = label.span.start.clamp(start, end) - start;
        let e = label.span.end.clamp(start, end) - start;
        // An empty span (end of file, a missing value) still gets a caret.
        let e = if e == s {
            next_char(&text[start..end], s)
        } else {
            e
        };
        let mut annotation = kind.span(s..e);
        if let Some(m) = &label.message {
            annotation = annotation.label(m.as_str());
        }
        snippet = snippet.annotation(annotation);
    }
    snippet
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}
