//! Brand voice on macros: every macro text, in every language, obeys the
//! voice guide on each channel and message kind it may be sent on
//! (CB401-CB410). The rules themselves live in [`crate::voice`], shared
//! with `carebook lint-reply`; [`lint`] is how the other texts the team
//! sends (proactive posts, the bot's holding reply) get the same checks.

use std::collections::BTreeMap;

use super::Context;
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::load::Loc;
use crate::model::{Channel, Id, MessageKind, Placeholder};
use crate::source::Span;
use crate::voice::{Linter, Reply, default_voice};

/// A finding without its channel: span, code, message, suggestion.
type FindingKey = (usize, usize, Code, String, Option<String>);

pub fn check(cx: &mut Context) {
    let fallback = default_voice();
    let voice = cx.pb.voice.first().map_or(&fallback, |v| &v.value);
    let linter = Linter::new(voice);
    let mut out = Vec::new();
    for mac in &cx.pb.macros {
        // Unknown channel ids are CB201's; check the ones that exist.
        let channels: Vec<&Channel> = cx
            .pb
            .channels
            .iter()
            .map(|c| &c.value)
            .filter(|c| mac.channels.is_empty() || mac.channels.contains(&c.id))
            .collect();
        let kinds = if mac.kinds.is_empty() {
            vec![MessageKind::Public, MessageKind::Private]
        } else {
            mac.kinds.clone()
        };
        for (lang, text) in &mac.text {
            let sent = Sent {
                what: format!("macro `{}`", mac.id),
                at: mac.loc.child(format!("text/{lang}")),
                lang: lang.as_str(),
                text,
                tags: &mac.tags,
                placeholders: Some(&mac.placeholders),
            };
            out.extend(lint(cx, &linter, &sent, &channels, &kinds));
        }
    }
    cx.out.extend(out);
}

/// A text the team sends, and where the playbook writes it.
pub struct Sent<'a> {
    /// What it is, for the message: "macro `sorry-delay`".
    pub what: String,
    pub at: Loc,
    pub lang: &'a str,
    pub text: &'a str,
    pub tags: &'a [Id],
    pub placeholders: Option<&'a BTreeMap<String, Placeholder>>,
}

/// The voice findings on one text sent on `channels` as `kinds`: one
/// diagnostic per problem, listing every channel and kind where it
/// applies, rather than one per channel.
pub fn lint(
    cx: &Context,
    linter: &Linter,
    sent: &Sent,
    channels: &[&Channel],
    kinds: &[MessageKind],
) -> Vec<Diagnostic> {
    let lang = sent.lang;
    let mut found: BTreeMap<FindingKey, Vec<String>> = BTreeMap::new();
    for channel in channels {
        // A market channel in one language gets only that text.
        if channel
            .language
            .as_ref()
            .is_some_and(|l| l.as_str() != lang)
        {
            continue;
        }
        for &kind in kinds {
            let reply = Reply {
                text: sent.text,
                lang,
                channel,
                kind,
                tags: sent.tags,
                placeholders: sent.placeholders,
            };
            for f in linter.lint(&reply).findings {
                let key = (f.start, f.end, f.code, f.message, f.suggestion);
                let wheres = found.entry(key).or_default();
                if f.per_channel {
                    wheres.push(format!("{} {}", channel.id, kind.as_str()));
                }
            }
        }
    }
    if found.is_empty() {
        // A label looks up the file's span tree, built on first use by a
        // second, spanned parse: a clean text needs none.
        return Vec::new();
    }
    let at = cx.label(&sent.at);
    let mut out = Vec::new();
    for ((start, end, code, message, suggestion), wheres) in found {
        let on = if wheres.is_empty() {
            String::new()
        } else {
            format!(" on {}", wheres.join(", "))
        };
        let label = locate(cx, at.clone(), sent.text, start, end).with_message(code.info().name);
        out.push(
            Diagnostic::new(code, format!("{} ({lang}): {message}{on}", sent.what))
                .at(label)
                .help_opt(suggestion),
        );
    }
    out
}

/// Narrows a label on a whole scalar to the finding's own words, when the
/// scalar is written plainly enough to find them (the same occurrence, if
/// the words repeat); otherwise the whole scalar.
fn locate(cx: &Context, label: Label, text: &str, start: usize, end: usize) -> Label {
    let needle = &text[start..end];
    if needle.is_empty() {
        return label;
    }
    let source = &cx.sources.get(label.file).text;
    let (from, to) = (
        label.span.start.min(source.len()),
        label.span.end.min(source.len()),
    );
    let Some(region) = source.get(from..to) else {
        return label;
    };
    let nth = text[..start].matches(needle).count();
    match region.match_indices(needle).nth(nth) {
        Some((i, _)) => Label::new(label.file, Span::new(from + i, from + i + needle.len())),
        None => label,
    }
}
