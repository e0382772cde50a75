//! The voice rules, one function each, over one reply.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::{Finding, Length, PLACEHOLDER, Reply, Report, length, readability, twitter};
use crate::detect::fold::{fold, fold_keyword, whole_words};
use crate::detect::{personal_data, requests};
use crate::diagnostic::Code;
use crate::model::{
    ElementKind, LengthUnit, MessageKind, PersonalData, PhraseLevel, Placeholder, Voice,
};
use crate::source::floor_char_boundary;

/// Checks `reply` against `voice` and the channel's length rule. Findings
/// come in span order, then code order; the same input gives the same
/// report.
pub fn lint(voice: &Voice, reply: &Reply) -> Report {
    Linter::new(voice).lint(reply)
}

/// A voice guide ready to check many replies: the playbook's own kinds of
/// personal data and request words compiled once, not once a reply (the
/// voice checks of `validate` lint every macro on every channel and kind).
pub struct Linter<'v> {
    voice: &'v Voice,
    own_kinds: personal_data::OwnKinds,
    request_words: requests::PlaybookWords,
}

impl<'v> Linter<'v> {
    pub fn new(voice: &'v Voice) -> Linter<'v> {
        Linter {
            voice,
            // A pattern that does not compile is validate's to report (CB205).
            own_kinds: personal_data::OwnKinds::new(&voice.go_private.own_kinds)
                .unwrap_or_default()
                .with_brand_domains(&voice.go_private.brand_domains),
            request_words: requests::PlaybookWords::new(&voice.go_private.request_words),
        }
    }

    /// [`lint`] with the compiled rules.
    pub fn lint(&self, reply: &Reply) -> Report {
        let voice = self.voice;
        let holes = holes(reply);
        let mut out = Out {
            text: reply.text,
            findings: Vec::new(),
        };
        phrases(voice, reply, &holes, &mut out);
        required(voice, reply, &mut out);
        if reply.kind == MessageKind::Public {
            personal(self, reply, &holes, &mut out);
        }
        let length = measure(reply, &holes, &mut out);
        emoji(voice, reply, &mut out);
        shouting(voice, reply, &holes, &mut out);
        exclamations(voice, reply, &mut out);
        unresolved(reply, &holes, &mut out);
        readable(voice, reply, &holes, &mut out);
        let mut findings = out.findings;
        findings.sort_by_key(|f| (f.start, f.end, f.code));
        findings.dedup();
        Report { length, findings }
    }
}

struct Out<'a> {
    text: &'a str,
    findings: Vec<Finding>,
}

impl Out<'_> {
    fn push(&mut self, code: Code, span: Range<usize>, message: String) -> &mut Finding {
        // Spans come from matches on this text or its folded copy; clamp
        // anyway so a caller can always slice the reply with them.
        let end = floor_char_boundary(self.text, span.end);
        let start = floor_char_boundary(self.text, span.start.min(end));
        self.findings.push(Finding {
            code,
            level: code.info().level,
            message,
            start,
            end,
            suggestion: None,
            per_channel: false,
        });
        self.findings.last_mut().expect("just pushed")
    }
}

/// A declared placeholder in a macro's text: its span and `max_length`.
struct Hole {
    span: Range<usize>,
    max_length: u32,
}

fn holes(reply: &Reply) -> Vec<Hole> {
    let Some(declared) = reply.placeholders else {
        return Vec::new();
    };
    PLACEHOLDER
        .captures_iter(reply.text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let name = c.get(1)?.as_str();
            let Placeholder { max_length, .. } = declared.get(name)?;
            Some(Hole {
                span: whole.range(),
                max_length: *max_length,
            })
        })
        .collect()
}

fn in_hole(holes: &[Hole], span: &Range<usize>) -> bool {
    holes
        .iter()
        .any(|h| span.start < h.span.end && h.span.start < span.end)
}

/// The text with declared placeholders replaced by `filler`.
fn without_holes(text: &str, holes: &[Hole], filler: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for h in holes {
        out.push_str(&text[at..h.span.start]);
        out.push_str(filler);
        at = h.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Banned and discouraged phrases, in any case and Unicode form. Every
/// language's list applies: a banned phrase is banned whatever language
/// the rest of the reply is in.
fn phrases(voice: &Voice, reply: &Reply, holes: &[Hole], out: &mut Out) {
    if voice.phrases.is_empty() {
        return;
    }
    let folded = fold(reply.text, false);
    for rule in &voice.phrases {
        let Some(key) = fold_keyword(&rule.phrase, false) else {
            continue;
        };
        for at in whole_words(&folded.text, &key) {
            let (s, e) = folded.original_span(at, at + key.len());
            if in_hole(holes, &(s..e)) {
                continue;
            }
            let (code, what) = match rule.level {
                PhraseLevel::Banned => (Code::BannedPhrase, "banned"),
                PhraseLevel::Discouraged => (Code::DiscouragedPhrase, "discouraged"),
            };
            let reason = rule
                .reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default();
            let f = out.push(
                code,
                s..e,
                format!("{what} phrase `{}` ({}){reason}", rule.phrase, rule.lang),
            );
            f.suggestion = rule
                .replacement
                .as_ref()
                .map(|r| format!("write `{r}` instead"));
        }
    }
}

/// Greetings and sign-offs the channel requires for this kind of message.
fn required(voice: &Voice, reply: &Reply, out: &mut Out) {
    for rule in &voice.required {
        let channel_applies = rule.channels.is_empty() || rule.channels.contains(&reply.channel.id);
        let kind_applies = rule.kinds.is_empty() || rule.kinds.contains(&reply.kind);
        let Some(forms) = rule.forms.get(reply.lang) else {
            continue;
        };
        if !channel_applies || !kind_applies || forms.is_empty() {
            continue;
        }
        let folded = fold(reply.text, false);
        // A sign-off such as `^` is no word, so every place it stands is
        // on a boundary already.
        let present = forms.iter().any(|form| {
            fold_keyword(form, false)
                .is_some_and(|key| whole_words(&folded.text, &key).next().is_some())
        });
        if present {
            continue;
        }
        let (what, at, place) = match rule.element {
            ElementKind::Greeting => ("greeting", 0, "start with"),
            ElementKind::SignOff => ("sign-off", reply.text.len(), "end with"),
        };
        let f = out.push(
            Code::MissingElement,
            at..at,
            format!("no {what} in the `{}` text", reply.lang),
        );
        f.per_channel = true;
        let quoted: Vec<String> = forms.iter().map(|f| format!("`{f}`")).collect();
        f.suggestion = Some(format!("{place} {}", quoted.join(" or ")));
    }
}

/// Personal data in a public reply, shared or asked for.
fn personal(linter: &Linter, reply: &Reply, holes: &[Hole], out: &mut Out) {
    let voice = linter.voice;
    // With no list in the guide, every kind of personal data counts.
    let listed = |k: &PersonalData| {
        voice.go_private.personal_data.is_empty() || voice.go_private.personal_data.contains(k)
    };
    let invite = voice
        .go_private
        .invite_macro
        .as_ref()
        .map(|m| format!(" (macro `{m}`)"))
        .unwrap_or_default();
    for f in personal_data::find_with(reply.text, &linter.own_kinds) {
        // The playbook's own kinds always count.
        let counts = f.kind.known().is_none_or(|k| listed(&k));
        if !counts || in_hole(holes, &(f.start..f.end)) {
            continue;
        }
        let found = out.push(
            Code::PersonalDataInPublic,
            f.start..f.end,
            format!("public reply shows {}", f.kind.description()),
        );
        found.per_channel = true;
        found.suggestion = Some(format!(
            "remove it and continue in a private message{invite}"
        ));
    }
    for r in requests::find_requests_with(reply.text, &linter.request_words) {
        if !listed(&r.kind) || in_hole(holes, &(r.start..r.end)) {
            continue;
        }
        let found = out.push(
            Code::PersonalDataInPublic,
            r.start..r.end,
            format!("public reply asks for {}", r.kind.description()),
        );
        found.per_channel = true;
        found.suggestion = Some(format!(
            "ask for it in a private message: invite the customer to DM{invite}"
        ));
    }
}

/// The length in the channel's unit; declared placeholders count at their
/// `max_length`.
fn measure(reply: &Reply, holes: &[Hole], out: &mut Out) -> Length {
    let rule = reply.channel.length.for_kind(reply.kind);
    let unit = rule.map_or(LengthUnit::Chars, |r| r.unit);
    let plain = without_holes(reply.text, holes, "");
    let value = length::measure(&plain, unit).saturating_add(
        holes
            .iter()
            .fold(0u32, |sum, h| sum.saturating_add(h.max_length)),
    );
    let limit = rule.map(|r| r.limit);
    if let Some(limit) = limit.filter(|&l| value > l) {
        let f = out.push(
            Code::OverLength,
            0..reply.text.len(),
            format!(
                "{value} {} long, over the limit of {limit} for {} {} replies",
                length::unit_name(unit),
                reply.channel.id,
                reply.kind.as_str()
            ),
        );
        f.suggestion = Some(format!(
            "cut {} {}{}",
            value - limit,
            length::unit_name(unit),
            if holes.is_empty() {
                ""
            } else {
                " (placeholders count at their max_length)"
            }
        ));
    }
    Length { unit, value, limit }
}

/// Emoji sequences (one per skin-toned, joined or flag sequence).
fn emoji(voice: &Voice, reply: &Reply, out: &mut Out) {
    let found: Vec<Range<usize>> = reply
        .text
        .grapheme_indices(true)
        .filter(|(_, g)| is_emoji(g))
        .map(|(i, g)| i..i + g.len())
        .collect();
    let Some(first) = found.first().cloned() else {
        return;
    };
    let policy = &voice.emoji;
    if !policy.allowed {
        let f = out.push(
            Code::EmojiPolicy,
            first,
            "the voice guide allows no emoji".to_string(),
        );
        f.suggestion = Some("remove the emoji".into());
        return;
    }
    if let Some(tag) = reply.tags.iter().find(|t| policy.never_on_tags.contains(t)) {
        let f = out.push(
            Code::EmojiPolicy,
            first,
            format!("no emoji in replies about `{tag}`"),
        );
        f.suggestion = Some("remove the emoji".into());
        return;
    }
    if let Some(max) = policy.max_per_reply
        && found.len() > max as usize
    {
        let extra = found[max as usize].clone();
        let f = out.push(
            Code::EmojiPolicy,
            extra,
            format!(
                "{} emoji; the voice guide allows {max} per reply",
                found.len()
            ),
        );
        f.suggestion = Some(format!("keep at most {max}"));
    }
}

/// An emoji sequence, but not ©, ® or ™ written as text.
fn is_emoji(cluster: &str) -> bool {
    twitter::is_emoji_sequence(cluster) && cluster != "\u{2122}"
}

/// A high share of capital letters. Short replies, URLs, placeholders and
/// the sign-off initials after `^` do not count: "OK" or "^AM" is no
/// shouting.
fn shouting(voice: &Voice, reply: &Reply, holes: &[Hole], out: &mut Out) {
    const MIN_LETTERS: u32 = 12;
    let urls = twitter::urls(reply.text);
    // URLs are sorted and do not overlap: a cursor walks them with the text.
    let mut url = 0;
    let mut skipped = |i: usize| {
        while url < urls.len() && urls[url].1 <= i {
            url += 1;
        }
        in_hole(holes, &(i..i + 1)) || urls.get(url).is_some_and(|&(s, _)| s <= i)
    };
    let (mut upper, mut cased) = (0u32, 0u32);
    let mut first_upper = None;
    let mut last_upper = 0;
    let mut after_caret = false;
    for (i, c) in reply.text.char_indices() {
        if c == '^' {
            after_caret = true;
        } else if c.is_whitespace() {
            after_caret = false;
        }
        if after_caret || skipped(i) {
            continue;
        }
        if c.is_uppercase() {
            upper += 1;
            cased += 1;
            first_upper.get_or_insert(i);
            last_upper = i + c.len_utf8();
        } else if c.is_lowercase() {
            cased += 1;
        }
    }
    if cased < MIN_LETTERS {
        return;
    }
    let share = f64::from(upper) / f64::from(cased);
    if share > voice.casing.max_caps_share {
        let f = out.push(
            Code::Shouting,
            first_upper.unwrap_or(0)..last_upper,
            format!(
                "{:.0}% of the letters are capitals; the voice guide allows {:.0}%",
                share * 100.0,
                voice.casing.max_caps_share * 100.0
            ),
        );
        f.suggestion = Some("write in sentence case".into());
    }
}

fn exclamations(voice: &Voice, reply: &Reply, out: &mut Out) {
    let marks: Vec<(usize, char)> = reply
        .text
        .char_indices()
        .filter(|&(_, c)| matches!(c, '!' | '！' | '¡'))
        .collect();
    let max = voice.casing.max_exclamations as usize;
    if marks.len() > max {
        let (at, c) = marks[max];
        let f = out.push(
            Code::Exclamations,
            at..at + c.len_utf8(),
            format!(
                "{} exclamation marks; the voice guide allows {max}",
                marks.len()
            ),
        );
        f.suggestion = Some("end the sentence with a full stop".into());
    }
}

/// Template slots left in the text: any `{{...}}` in a final reply; in a
/// macro, slots that are not a declared placeholder's `{{name}}` and that
/// validate's placeholder check cannot see (`{{first name}}`, a lone `{{`).
fn unresolved(reply: &Reply, holes: &[Hole], out: &mut Out) {
    static SLOT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\{\{[^{}]{0,64}\}\}|\{\{|\}\}").expect("valid regex")
    });
    let macro_mode = reply.placeholders.is_some();
    for m in SLOT.find_iter(reply.text) {
        if in_hole(holes, &m.range()) || (macro_mode && PLACEHOLDER.is_match(m.as_str())) {
            continue;
        }
        let f = out.push(
            Code::UnresolvedPlaceholder,
            m.range(),
            format!("unresolved template slot `{}`", m.as_str()),
        );
        f.suggestion = Some(if macro_mode {
            "write it as `{{name}}` with a declared placeholder name".into()
        } else {
            "fill it in before sending".into()
        });
    }
}

/// Flesch reading ease of English replies, where the guide sets a target.
/// Replies under eight words are too short for the score to mean anything.
fn readable(voice: &Voice, reply: &Reply, holes: &[Hole], out: &mut Out) {
    const MIN_WORDS: u32 = 8;
    let Some(target) = &voice.readability else {
        return;
    };
    if reply.lang != "en" && !reply.lang.starts_with("en-") {
        return;
    }
    // A placeholder reads as a name; URLs are not words.
    let mut text = without_holes(reply.text, holes, "Sam");
    for (s, e) in twitter::urls(&text.clone()).into_iter().rev() {
        text.replace_range(s..e, "");
    }
    let Some(score) = readability::flesch(&text) else {
        return;
    };
    if score.words < MIN_WORDS || score.score >= target.min_flesch_reading_ease {
        return;
    }
    let f = out.push(
        Code::HardToRead,
        0..reply.text.len(),
        format!(
            "Flesch reading ease {:.1}, below the guide's target of {}",
            score.score, target.min_flesch_reading_ease
        ),
    );
    f.suggestion = Some("use shorter sentences and shorter, everyday words".into());
}
