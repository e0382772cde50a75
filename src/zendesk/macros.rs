//! Macros from the canned replies: one per macro and language, since a
//! Zendesk macro holds one text. The reply goes into the comment, public
//! or private as the macro's message kinds allow.

use super::fidelity::Notes;
use super::{Action, Macro, keys};
use crate::load::Playbook;

/// carebook placeholders Zendesk fills in itself.
const ZENDESK_PLACEHOLDERS: &[(&str, &str)] = &[
    ("first_name", "{{ticket.requester.first_name}}"),
    ("name", "{{ticket.requester.name}}"),
];

/// `starts_follow_up`: the macros whose sending starts a follow-up; they
/// tag the ticket, so the follow-up's automation can see it.
pub fn plan(pb: &Playbook, starts_follow_up: &[&str], notes: &mut Notes) -> Vec<Macro> {
    let mut out = Vec::new();
    for m in &pb.macros {
        let object = format!("macro `{}`", m.id);
        if !m.channels.is_empty() {
            notes.add(
                &object,
                format!(
                    "only for {}: Zendesk offers every macro on every channel",
                    m.channels
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        if !m.roles.is_empty() {
            notes.add(
                &object,
                "the roles that may send it are not exported: Zendesk restricts macros by group or agent, not by carebook role",
            );
        }
        let mut slots: Vec<&str> = m
            .placeholders
            .keys()
            .map(String::as_str)
            .filter(|p| !ZENDESK_PLACEHOLDERS.iter().any(|(name, _)| name == p))
            .collect();
        slots.sort_unstable();
        if !slots.is_empty() {
            notes.add(
                &object,
                format!(
                    "placeholders {} are written `[name]` for the agent to fill in: Zendesk would print an unknown {{{{placeholder}}}} as nothing",
                    slots.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
                ),
            );
        }
        let mut description = format!("carebook macro `{}`.", m.id);
        if !m.tags.is_empty() {
            description.push_str(&format!(
                " Suggested for tags: {}.",
                m.tags
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if let Some(c) = &m.compensation {
            description.push_str(&format!(
                " Offers {} {}; never change the amount.",
                c.amount, c.currency
            ));
        }
        for (lang, text) in &m.text {
            // Every macro is a reply the customer reads. A private reply
            // is a public comment too: on a ticket from a private message
            // Zendesk sends it back as a private message, while a
            // non-public comment is an internal note nobody outside sees.
            let mut actions = vec![
                Action::new("comment_value", fill(text, &slots)),
                Action::new("comment_mode_is_public", "true"),
            ];
            if starts_follow_up.contains(&m.id.as_str()) {
                actions.push(Action::add_tags(&[super::follow_ups::sent_marker(
                    m.id.as_str(),
                )]));
            }
            out.push(Macro {
                key: keys::variant(&keys::id(m.id.as_str()), lang.as_str()),
                title: format!("{} [{lang}]", m.title),
                description: description.clone(),
                actions,
            });
        }
    }
    out
}

/// The reply with Zendesk's own placeholders where it has one, and the
/// agent's slots as `[name]`.
fn fill(text: &str, slots: &[&str]) -> String {
    let mut out = text.to_string();
    for (name, zendesk) in ZENDESK_PLACEHOLDERS {
        out = out.replace(&format!("{{{{{name}}}}}"), zendesk);
    }
    for slot in slots {
        out = out.replace(&format!("{{{{{slot}}}}}"), &format!("[{slot}]"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn zendesk_fills_the_name_and_the_agent_the_rest() {
        assert_eq!(
            fill(
                "Hi {{first_name}}, by {{update_time}}. ^{{agent_initials}}",
                &["agent_initials", "update_time"]
            ),
            "Hi {{ticket.requester.first_name}}, by [update_time]. ^[agent_initials]"
        );
    }
}
