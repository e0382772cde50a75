//! Incident modes' proactive posts: each in every language of the
//! channels it is posted on (CB318), and each text through the voice
//! checks `lint-reply` applies to a public reply on those channels
//! (CB401-CB410, within the channel's length rule).

use std::collections::BTreeSet;

use super::Context;
use super::voice::{Sent, lint};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Channel, MessageKind};
use crate::voice::{Linter, default_voice};

pub fn check(cx: &mut Context) {
    let pb = cx.pb;
    let fallback = default_voice();
    let voice = pb.voice.first().map_or(&fallback, |v| &v.value);
    let linter = Linter::new(voice);
    let mut out = Vec::new();
    for inc in &pb.incidents {
        for (i, post) in inc.proactive_posts.iter().enumerate() {
            let at = inc.loc.child(format!("proactive_posts/{i}"));
            // Unknown channel ids are CB201's; check the ones that exist.
            let channels: Vec<&Channel> = pb
                .channels
                .iter()
                .map(|c| &c.value)
                .filter(|c| post.channels.is_empty() || post.channels.contains(&c.id))
                .collect();
            let missing = missing_languages(cx, &channels, |l| post.text.contains_key(l));
            if !missing.is_empty() {
                let label = cx
                    .key_label(&at.child("text"))
                    .with_message(format!("no text in {}", missing.join(", ")));
                out.push(
                    Diagnostic::new(
                        Code::TextMissingLanguage,
                        format!(
                            "proactive post {} of incident mode `{}` has no text in {}, which its channels carry",
                            i + 1,
                            inc.id,
                            missing.join(", ")
                        ),
                    )
                    .at(label)
                    .help("add the post in those languages, or post it only on channels that carry the languages it has"),
                );
            }
            for (lang, text) in &post.text {
                let sent = Sent {
                    what: format!("proactive post {} of incident mode `{}`", i + 1, inc.id),
                    at: at.child(format!("text/{lang}")),
                    lang: lang.as_str(),
                    text,
                    tags: std::slice::from_ref(&inc.tag),
                    placeholders: None,
                };
                out.extend(lint(cx, &linter, &sent, &channels, &[MessageKind::Public]));
            }
        }
    }
    cx.out.extend(out);
}

/// The languages `channels` carry (a market channel its own, any other
/// every language of the playbook) that `has` lacks, as `` `xx` `` in
/// the manifest's order.
pub fn missing_languages(
    cx: &Context,
    channels: &[&Channel],
    has: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut carried = BTreeSet::new();
    for channel in channels {
        match &channel.language {
            Some(lang) => {
                carried.insert(lang.as_str());
            }
            None => carried.extend(cx.pb.languages.iter().map(|l| l.code.as_str())),
        }
    }
    cx.pb
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .filter(|l| carried.contains(l) && !has(l))
        .map(|l| format!("`{l}`"))
        .collect()
}
