//! Next steps for the scenarios a care team meets: incidents with their
//! holding statements, personal data posted in public, and the messages
//! nobody answers (trolls, harassment, spam, noise).

use std::collections::BTreeSet;

use serde::Serialize;

use super::{LangText, LangWords, MacroEntry, Names, SampleCase, TagEntry};
use crate::load::Playbook;
use crate::model::{Audience, MessageKind};
use crate::router::Router;

#[derive(Debug, Clone, Serialize)]
pub struct Scenarios {
    pub incidents: Vec<IncidentScenario>,
    pub personal_data: PersonalDataScenario,
    /// Tags whose messages get no reply (noise and spam): trolls,
    /// harassment, spam, praise that gets a like.
    pub no_reply: Vec<NoReplyScenario>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IncidentScenario {
    pub id: String,
    pub name: String,
    pub tag: String,
    pub tag_label: String,
    pub queue: String,
    pub queue_name: String,
    pub triggers: Vec<LangWords>,
    pub holding_statements: Vec<LangText>,
    pub sla_overrides: Vec<SlaOverrideRow>,
    /// The escalation chain that runs for a message the incident's tag
    /// decides, from a regular customer in the default language.
    pub chain: Option<String>,
    /// Macros suggested for the incident's tag.
    pub macros: Vec<String>,
    /// What goes out on the brand's own accounts when the mode is on.
    pub proactive_posts: Vec<PostRow>,
}

/// One proactive post of an incident mode.
#[derive(Debug, Clone, Serialize)]
pub struct PostRow {
    /// The channels' names; empty: every channel.
    pub channels: Vec<String>,
    pub within: String,
    pub update_every: String,
    pub texts: Vec<LangText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SlaOverrideRow {
    pub severity: String,
    pub first_response: String,
    pub resolution: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonalDataScenario {
    /// What never goes in public, worded.
    pub kinds: Vec<String>,
    pub invite_macro: Option<MacroEntry>,
    /// Tags whose replies always move to private messages.
    pub private_tags: Vec<String>,
    /// Public sample messages in which the router finds personal data:
    /// what the playbook does with them.
    pub examples: Vec<SampleCase>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoReplyScenario {
    pub tag: String,
    pub label: String,
    pub description: String,
    /// `noise` (tagged, no reply) or `spam` (dropped).
    pub disposition: &'static str,
    pub severity: Option<String>,
    pub queues: Vec<String>,
    pub team: Option<String>,
    pub macros: Vec<String>,
    /// Whether the voice guide forbids emoji on these messages.
    pub no_emoji: bool,
    pub examples: Vec<SampleCase>,
}

pub(super) fn scenarios(
    pb: &Playbook,
    router: &Router,
    tags: &[TagEntry],
    macros: &[MacroEntry],
    cases: &[SampleCase],
    names: &Names,
) -> Scenarios {
    let voice = pb.voice.first();
    let tag_entry = |id: &str| tags.iter().find(|t| t.id == id);
    let incidents = pb
        .incidents
        .iter()
        .map(|inc| {
            let tag = tag_entry(inc.tag.as_str());
            // The router's own answer: the route the tag's messages take
            // may name its own chain instead of the severity's.
            let index = router
                .ir()
                .tags
                .iter()
                .position(|t| t.id == inc.tag.as_str());
            let lang = pb.manifest.default_language.as_str();
            let route = router.route_index(index, Audience::Regular, lang);
            let chain = index
                .and_then(|_| router.escalation_chain(index, route))
                .map(str::to_string);
            IncidentScenario {
                id: inc.id.to_string(),
                name: inc.name.clone(),
                tag: inc.tag.to_string(),
                tag_label: tag.map_or_else(|| inc.tag.to_string(), |t| t.label.clone()),
                queue: inc.queue.to_string(),
                queue_name: names.queue(inc.queue.as_str()),
                triggers: names.lang_words(&inc.triggers),
                holding_statements: names.lang_texts(&inc.holding_statements),
                sla_overrides: inc
                    .sla_overrides
                    .iter()
                    .map(|o| SlaOverrideRow {
                        severity: o.severity.to_string(),
                        first_response: o.first_response.to_string(),
                        resolution: o.resolution.to_string(),
                    })
                    .collect(),
                chain,
                macros: tag.map(|t| t.macros.clone()).unwrap_or_default(),
                proactive_posts: inc
                    .proactive_posts
                    .iter()
                    .map(|p| PostRow {
                        channels: p
                            .channels
                            .iter()
                            .map(|c| names.channel(c.as_str()))
                            .collect(),
                        within: p.within.to_string(),
                        update_every: p.update_every.to_string(),
                        texts: names.lang_texts(&p.text),
                    })
                    .collect(),
            }
        })
        .collect();

    let invite = voice.and_then(|v| v.go_private.invite_macro.as_ref());
    let personal_data = PersonalDataScenario {
        kinds: voice
            .map(|v| {
                v.go_private
                    .personal_data
                    .iter()
                    .map(|d| d.description().to_string())
                    .chain(v.go_private.own_kinds.iter().map(|k| k.name.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        invite_macro: invite.and_then(|id| macros.iter().find(|m| m.id == id.as_str()).cloned()),
        private_tags: tags
            .iter()
            .filter(|t| t.reply_privately)
            .map(|t| t.id.clone())
            .collect(),
        examples: cases
            .iter()
            .filter(|c| c.kind == MessageKind::Public.as_str() && !c.personal_data.is_empty())
            .take(2)
            .cloned()
            .collect(),
    };

    let no_emoji: BTreeSet<&str> = voice
        .map(|v| v.emoji.never_on_tags.iter().map(|t| t.as_str()).collect())
        .unwrap_or_default();
    let no_reply = tags
        .iter()
        .filter(|t| t.disposition != "reply")
        .map(|t| NoReplyScenario {
            tag: t.id.clone(),
            label: t.label.clone(),
            description: t.description.clone(),
            disposition: t.disposition,
            severity: t.severity.clone(),
            queues: t.queues.clone(),
            team: t.team.clone(),
            macros: t.macros.clone(),
            no_emoji: no_emoji.contains(t.id.as_str()),
            examples: cases
                .iter()
                .filter(|c| c.tags.contains(&t.id))
                .take(1)
                .cloned()
                .collect(),
        })
        .collect();
    Scenarios {
        incidents,
        personal_data,
        no_reply,
    }
}
