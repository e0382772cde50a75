//! The brand voice: tone, do and don't, required elements, channels,
//! examples by channel, and the canned replies (macros).

use serde::Serialize;

use super::{LangText, LangWords, Names, kind_names, money};
use crate::load::Playbook;
use crate::model::{Channel, ElementKind, Macro, PhraseLevel};

#[derive(Debug, Clone, Serialize)]
pub struct ChannelRow {
    pub id: String,
    pub name: String,
    /// The one language of a market-specific account.
    pub language: Option<String>,
    /// `280 twitter-weighted`; `None` when the playbook sets no limit.
    pub public_limit: Option<String>,
    pub private_limit: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VoiceGuide {
    pub tone: Vec<String>,
    pub summary: String,
    /// Banned phrases first, then discouraged ones; by language within each.
    pub phrases: Vec<PhraseRow>,
    pub required: Vec<RequiredRow>,
    pub emoji_allowed: bool,
    pub emoji_max_per_reply: Option<u32>,
    pub emoji_never_on_tags: Vec<String>,
    /// `30%`.
    pub max_caps: String,
    pub max_exclamations: u32,
    /// What must never be asked for or shared in public, worded.
    pub personal_data: Vec<String>,
    pub invite_macro: Option<String>,
    pub min_reading_ease: Option<String>,
    pub examples_by_channel: Vec<ChannelExamples>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhraseRow {
    pub lang: String,
    /// `banned` or `discouraged`.
    pub level: &'static str,
    pub phrase: String,
    pub replacement: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequiredRow {
    /// `greeting` or `sign-off`.
    pub element: &'static str,
    pub forms: Vec<LangWords>,
    /// Channel names; empty means every channel.
    pub channels: Vec<String>,
    /// `public`, `private`; empty means both.
    pub kinds: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChannelExamples {
    pub channel: String,
    pub channel_name: String,
    pub examples: Vec<VoiceExampleRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VoiceExampleRow {
    pub lang: String,
    pub situation: String,
    pub reply: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MacroEntry {
    pub id: String,
    pub title: String,
    pub tags: Vec<String>,
    /// Channel ids; empty means every channel.
    pub channels: Vec<String>,
    /// Empty means both.
    pub kinds: Vec<&'static str>,
    /// Role names; empty means every role.
    pub roles: Vec<String>,
    /// `EUR 50`.
    pub compensation: Option<String>,
    pub placeholders: Vec<PlaceholderRow>,
    /// The text in the playbook's default language, else its first.
    pub text: String,
    pub text_lang: String,
    /// Every language the macro has.
    pub languages: Vec<String>,
    pub texts: Vec<LangText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlaceholderRow {
    pub name: String,
    pub description: String,
    pub max_length: u32,
}

pub(super) fn channel_row(c: &Channel) -> ChannelRow {
    ChannelRow {
        id: c.id.to_string(),
        name: c.name.clone(),
        language: c.language.as_ref().map(|l| l.to_string()),
        public_limit: c.length.public.as_ref().map(limit),
        private_limit: c.length.private.as_ref().map(limit),
    }
}

fn limit(rule: &crate::model::LengthRule) -> String {
    let unit = match rule.unit {
        crate::model::LengthUnit::Chars => "characters",
        crate::model::LengthUnit::Graphemes => "characters (graphemes)",
        crate::model::LengthUnit::Utf16 => "UTF-16 units",
        crate::model::LengthUnit::TwitterWeighted => "X-weighted characters",
    };
    format!("{} {unit}", rule.limit)
}

pub(super) fn macro_entry(m: &Macro, names: &Names) -> MacroEntry {
    // The default language's text, else the first in the manifest's order.
    let texts = names.lang_texts(&m.text);
    let default_lang = names.pb.manifest.default_language.as_str();
    let shown = texts
        .iter()
        .find(|t| t.lang == default_lang)
        .or_else(|| texts.first());
    let (text_lang, text) = shown.map_or((String::new(), String::new()), |t| {
        (t.lang.clone(), t.text.clone())
    });
    MacroEntry {
        id: m.id.to_string(),
        title: m.title.clone(),
        tags: m.tags.iter().map(|t| t.to_string()).collect(),
        channels: m.channels.iter().map(|c| c.to_string()).collect(),
        kinds: kind_names(&m.kinds),
        roles: m.roles.iter().map(|r| names.role(r.as_str())).collect(),
        compensation: m
            .compensation
            .as_ref()
            .map(|c| money(c.amount, c.currency.as_str())),
        placeholders: m
            .placeholders
            .iter()
            .map(|(name, p)| PlaceholderRow {
                name: name.clone(),
                description: p.description.clone(),
                max_length: p.max_length,
            })
            .collect(),
        text,
        text_lang,
        languages: texts.iter().map(|t| t.lang.clone()).collect(),
        texts,
    }
}

pub(super) fn voice_guide(pb: &Playbook, v: &crate::model::Voice, names: &Names) -> VoiceGuide {
    let mut phrases: Vec<PhraseRow> = v
        .phrases
        .iter()
        .map(|p| PhraseRow {
            lang: p.lang.to_string(),
            level: match p.level {
                PhraseLevel::Banned => "banned",
                PhraseLevel::Discouraged => "discouraged",
            },
            phrase: p.phrase.clone(),
            replacement: p.replacement.clone(),
            reason: p.reason.clone(),
        })
        .collect();
    // Banned before discouraged, languages in the manifest's order; the
    // guide's own order within each.
    phrases.sort_by_key(|p| (p.level != "banned", names.language_rank(&p.lang)));
    let examples_by_channel = pb
        .channels
        .iter()
        .filter_map(|c| {
            let examples: Vec<VoiceExampleRow> = v
                .examples
                .iter()
                .filter(|e| e.channel == c.id)
                .map(|e| VoiceExampleRow {
                    lang: e.lang.to_string(),
                    situation: e.situation.clone(),
                    reply: e.reply.clone(),
                })
                .collect();
            (!examples.is_empty()).then(|| ChannelExamples {
                channel: c.id.to_string(),
                channel_name: c.name.clone(),
                examples,
            })
        })
        .collect();
    VoiceGuide {
        tone: v.tone.clone(),
        summary: v.summary.clone(),
        phrases,
        required: v
            .required
            .iter()
            .map(|r| RequiredRow {
                element: match r.element {
                    ElementKind::Greeting => "greeting",
                    ElementKind::SignOff => "sign-off",
                },
                forms: names.lang_words(&r.forms),
                channels: r
                    .channels
                    .iter()
                    .map(|c| names.channel(c.as_str()))
                    .collect(),
                kinds: kind_names(&r.kinds),
            })
            .collect(),
        emoji_allowed: v.emoji.allowed,
        emoji_max_per_reply: v.emoji.max_per_reply,
        emoji_never_on_tags: v
            .emoji
            .never_on_tags
            .iter()
            .map(|t| t.to_string())
            .collect(),
        max_caps: format!("{:.0}%", v.casing.max_caps_share * 100.0),
        max_exclamations: v.casing.max_exclamations,
        personal_data: v
            .go_private
            .personal_data
            .iter()
            .map(|d| d.description().to_string())
            .chain(v.go_private.own_kinds.iter().map(|k| k.name.clone()))
            .collect(),
        invite_macro: v.go_private.invite_macro.as_ref().map(|m| m.to_string()),
        min_reading_ease: v
            .readability
            .as_ref()
            .map(|r| format!("{}", r.min_flesch_reading_ease)),
        examples_by_channel,
    }
}
