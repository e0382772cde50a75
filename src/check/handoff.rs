//! The bot's hand-off queue is covered when a hand-off lands in it
//! (CB317): someone who speaks the customer's language is on shift in
//! the queue's team or a team it hands over to. Who is on shift comes
//! from the same roster as the routes' coverage (CB310).

use std::collections::BTreeMap;

use super::Context;
use super::bot::languages;
use super::coverage::{Roster, plural_hours};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Hours, Unstaffed};

pub fn check<'a: 'r, 'r>(cx: &mut Context<'a>, roster: &mut Roster<'r>) {
    let pb = cx.pb;
    let Some(bot) = pb.bots.first() else {
        return;
    };
    let Some(queue) = cx.ids.queues.get(bot.handoff.queue.as_str()) else {
        return;
    };
    // The hours a hand-off can land in the queue, with the severities
    // that make it so: every hour, or a business severity's open hours
    // (counted in the queue's own calendar, as its deadlines are).
    let mut clocks: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
    match bot.handoff.unstaffed {
        Unstaffed::HandOff => {
            clocks.entry(None).or_default();
        }
        Unstaffed::Hold => {
            for id in &bot.handoff.severities {
                let Some(sev) = cx.ids.severities.get(id.as_str()) else {
                    continue;
                };
                let calendar = match sev.hours {
                    Hours::Always => None,
                    // A business severity without a calendar is CB207's.
                    Hours::Business => match &sev.calendar {
                        Some(c) => Some(queue.calendar.as_ref().unwrap_or(c).as_str()),
                        None => continue,
                    },
                };
                clocks.entry(calendar).or_default().push(sev.id.as_str());
            }
        }
    }
    let teams = roster.teams(queue.team.as_str());
    let who = teams
        .iter()
        .map(|t| format!("`{t}`"))
        .collect::<Vec<_>>()
        .join(" or ");
    let at = bot.loc.child("handoff/queue");
    let mut found = Vec::new();
    for lang in languages(cx, bot) {
        let mut reported = false;
        for (calendar, severities) in &clocks {
            let gaps = roster.gaps(cx, &teams, lang, *calendar);
            let Some(&(first_start, first_end)) = gaps.first() else {
                continue;
            };
            let hours: i64 = gaps.iter().map(|(s, e)| e - s).sum::<i64>() / 3600;
            let hands = if severities.is_empty() {
                format!("`{lang}` conversations to queue `{}` at any hour", queue.id)
            } else {
                let names: Vec<String> = severities.iter().map(|s| format!("`{s}`")).collect();
                format!(
                    "{} messages in `{lang}` to queue `{}` at once",
                    names.join(", "),
                    queue.id
                )
            };
            let hours_of = match calendar {
                None => String::new(),
                Some(c) => format!(" of `{c}`'s business hours"),
            };
            let (count, first) = (gaps.len(), roster.local(first_start));
            let last = roster.local(first_end);
            found.push(
                Diagnostic::new(
                    Code::HandoffUncovered,
                    format!(
                        "the bot hands {hands}, but nobody who speaks `{lang}` is on shift for {}{hours_of} in the 53 weeks from {}; first gap {first} to {last} ({})",
                        plural_hours(hours, count),
                        roster.first_day,
                        pb.manifest.default_timezone
                    ),
                )
                .at(cx.label(&at).with_message(format!("nobody speaking `{lang}` on shift in {who}")))
                .help(format!(
                    "hand off to a queue covered around the clock, or add `{lang}` speakers to `{}` or a team it hands over to{}",
                    queue.team,
                    if bot.handoff.unstaffed == Unstaffed::HandOff {
                        "; or set `unstaffed: hold` so that only the urgent hand-offs need them"
                    } else {
                        ""
                    }
                )),
            );
            reported = true;
        }
        if reported || bot.handoff.unstaffed != Unstaffed::Hold {
            continue;
        }
        // Held conversations wait for a speaker: one must come some time.
        let gaps = roster.gaps(cx, &teams, lang, None).to_vec();
        if roster.never(&gaps) {
            found.push(
                Diagnostic::new(
                    Code::HandoffUncovered,
                    format!(
                        "the bot holds `{lang}` conversations until someone who speaks `{lang}` is on shift for queue `{}`, but nobody in {who} ever is",
                        queue.id
                    ),
                )
                .at(cx.label(&at).with_message(format!("nobody speaking `{lang}` in {who}")))
                .help(format!(
                    "add `{lang}` speakers to `{}` or a team it hands over to, or take `{lang}` out of `bot.languages`",
                    queue.team
                )),
            );
        }
    }
    cx.out.extend(found);
}
