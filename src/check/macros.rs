//! Macro placeholders: every `{{name}}` in a text is declared (CB308), and
//! every declared placeholder is used (CB309).

use std::collections::BTreeSet;

use super::Context;
use crate::diagnostic::{Code, Diagnostic, Label, did_you_mean};
use crate::source::Span;
// The slots as the reply linter reads them: one pattern for both.
use crate::voice::PLACEHOLDER;

pub fn check(cx: &mut Context) {
    for mac in &cx.pb.macros {
        let mut used: BTreeSet<&str> = BTreeSet::new();
        for (lang, text) in &mac.text {
            let at = mac.loc.child(format!("text/{lang}"));
            for m in PLACEHOLDER.captures_iter(text) {
                let name = m.get(1).map_or("", |g| g.as_str());
                used.insert(name);
                if mac.placeholders.contains_key(name) {
                    continue;
                }
                let whole = m.get(0).expect("match");
                let label = locate_in_scalar(cx, cx.label(&at), whole.as_str())
                    .with_message("not declared under `placeholders`");
                cx.out.push(
                    Diagnostic::new(
                        Code::UndeclaredPlaceholder,
                        format!("macro `{}` ({lang}) uses undeclared placeholder `{name}`", mac.id),
                    )
                    .at(label)
                    .help_opt(
                        did_you_mean(name, mac.placeholders.keys().map(String::as_str)).or_else(|| {
                            Some(format!(
                                "declare it: `placeholders: {{{name}: {{description: ..., max_length: ...}}}}`"
                            ))
                        }),
                    ),
                );
            }
        }
        for name in mac.placeholders.keys() {
            if !used.contains(name.as_str()) {
                let label = cx.key_label(&mac.loc.child(format!("placeholders/{name}")));
                cx.out.push(
                    Diagnostic::new(
                        Code::UnusedPlaceholder,
                        format!(
                            "macro `{}` declares placeholder `{name}` but no text uses it",
                            mac.id
                        ),
                    )
                    .at(label)
                    .help(format!(
                        "use `{{{{{name}}}}}` in the text, or remove the declaration"
                    )),
                );
            }
        }
    }
}

/// Narrows a label on a whole scalar to the first occurrence of `needle`
/// when the scalar is written plainly enough to find it in the source.
fn locate_in_scalar(cx: &Context, label: Label, needle: &str) -> Label {
    let text = &cx.sources.get(label.file).text;
    let region = &text[label.span.start.min(text.len())..label.span.end.min(text.len())];
    match region.find(needle) {
        Some(i) => Label::new(
            label.file,
            Span::new(label.span.start + i, label.span.start + i + needle.len()),
        ),
        None => label,
    }
}
