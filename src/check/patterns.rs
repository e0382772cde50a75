//! Invalid detection patterns (CB205): every pattern must compile with the
//! same regex engine the router uses, within the same size limit.

use super::Context;
use crate::detect::PATTERN_SIZE_LIMIT;
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::source::Span;

pub fn check(cx: &mut Context) {
    for voice in &cx.pb.voice {
        for (i, kind) in voice.value.go_private.own_kinds.iter().enumerate() {
            let Some((reason, _)) = problem(&kind.pattern) else {
                continue;
            };
            let at = voice.loc.child(format!("go_private/own_kinds/{i}/pattern"));
            let label = cx.label(&at).with_message(reason);
            cx.out.push(
                Diagnostic::new(
                    Code::InvalidPattern,
                    format!(
                        "pattern of personal data kind `{}` is not a valid regular expression",
                        kind.id
                    ),
                )
                .at(label)
                .help("patterns use Rust `regex` syntax (https://docs.rs/regex/#syntax) and must not match the empty string"),
            );
        }
    }
    for tag in &cx.pb.tags {
        for (i, pattern) in tag.detect.patterns.iter().enumerate() {
            let Some((reason, within)) = problem(pattern) else {
                continue;
            };
            let whole = cx.label(&tag.loc.child(format!("detect/patterns/{i}")));
            let label = narrow(cx, whole, pattern, within).with_message(reason.clone());
            let empty = reason.starts_with("matches the empty string");
            let help = if reason.contains("look-around") || reason.contains("backreference") {
                "the router guarantees linear-time matching, so look-around and backreferences are not available; match the wider text and use `exclude` keywords instead"
            } else if empty {
                "make some part of the pattern required"
            } else {
                "patterns use Rust `regex` syntax (https://docs.rs/regex/#syntax)"
            };
            let message = if empty {
                format!("pattern of tag `{}` matches every message", tag.id)
            } else {
                format!(
                    "pattern of tag `{}` is not a valid regular expression",
                    tag.id
                )
            };
            cx.out.push(
                Diagnostic::new(Code::InvalidPattern, message)
                    .at(label)
                    .help(help),
            );
        }
    }
}

/// Why a pattern does not compile, and which part of it is at fault.
pub fn problem(pattern: &str) -> Option<(String, Option<std::ops::Range<usize>>)> {
    if let Err(e) = regex_syntax::Parser::new().parse(pattern) {
        let (kind, span) = match &e {
            regex_syntax::Error::Parse(e) => (e.kind().to_string(), Some(e.span())),
            regex_syntax::Error::Translate(e) => (e.kind().to_string(), Some(e.span())),
            other => (other.to_string(), None),
        };
        return Some((kind, span.map(|s| s.start.offset..s.end.offset)));
    }
    match regex::RegexBuilder::new(pattern)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
    {
        // A pattern that matches nothing at all would set its tag on
        // every message, even an empty one.
        Ok(re) if re.is_match("") => Some((
            "matches the empty string, so it would tag every message".to_string(),
            None,
        )),
        Ok(_) => None,
        Err(regex::Error::CompiledTooBig(n)) => {
            Some((format!("the compiled pattern exceeds {n} bytes"), None))
        }
        Err(e) => Some((e.to_string(), None)),
    }
}

/// Narrows a label on the whole pattern to the faulty part, when the
/// pattern appears verbatim in the source (plain or single-quoted).
fn narrow(
    cx: &Context,
    label: Label,
    pattern: &str,
    within: Option<std::ops::Range<usize>>,
) -> Label {
    let Some(within) = within else {
        return label;
    };
    let text = &cx.sources.get(label.file).text;
    let region = &text[label.span.start.min(text.len())..label.span.end.min(text.len())];
    match region.find(pattern) {
        Some(at) if within.end <= pattern.len() => {
            let start = label.span.start + at + within.start;
            let end = label.span.start + at + within.end.max(within.start);
            Label::new(label.file, Span::new(start, end))
        }
        _ => label,
    }
}
