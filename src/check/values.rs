//! Values that parse but cannot be meant (CB210): a target of zero, a
//! holiday longer than a year, an agent who handles no conversations, a
//! placeholder longer than any reply, a team that hands over to itself.
//! Each would otherwise pass and quietly switch something off: every
//! deadline gone, a check skipped, an hour never covered.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Loc;
use crate::model::Hours;

/// A holiday longer than this is a typo in a year: the router looks this
/// far for business time, so every deadline in the calendar would vanish.
const LONGEST_HOLIDAY_DAYS: i32 = 366;

/// With no channel limit to compare with, a placeholder value longer
/// than this is no value an agent types.
const LONGEST_PLACEHOLDER: u32 = 10_000;

pub fn check(cx: &mut Context) {
    targets(cx);
    waits(cx);
    business_days(cx);
    holidays(cx);
    channels(cx);
    placeholders(cx);
    handovers(cx);
    handover_order(cx);
}

fn out_of_range(cx: &mut Context, at: &Loc, message: String, label: &str, help: &str) {
    let label = cx.label(at).with_message(label);
    cx.push(
        Diagnostic::new(Code::ValueOutOfRange, message)
            .at(label)
            .help(help),
    );
}

fn targets(cx: &mut Context) {
    let mut zero: Vec<(Loc, String)> = Vec::new();
    for s in &cx.pb.severities {
        for (field, value) in [
            ("first_response", s.first_response),
            ("resolution", s.resolution),
        ] {
            if value.seconds == 0 {
                zero.push((
                    s.loc.child(field),
                    format!(
                        "severity `{}` has a {} target of zero",
                        s.id,
                        field.replace('_', " ")
                    ),
                ));
            }
        }
    }
    for inc in &cx.pb.incidents {
        for (i, o) in inc.sla_overrides.iter().enumerate() {
            for (field, value) in [
                ("first_response", o.first_response),
                ("resolution", o.resolution),
            ] {
                if value.seconds == 0 {
                    zero.push((
                        inc.loc.child(format!("sla_overrides/{i}/{field}")),
                        format!(
                            "incident `{}` sets a {} target of zero for severity `{}`",
                            inc.id,
                            field.replace('_', " "),
                            o.severity
                        ),
                    ));
                }
            }
        }
    }
    for (at, message) in zero {
        out_of_range(
            cx,
            &at,
            message,
            "zero",
            "a target of zero is overdue the moment a message arrives: give the time the team promises, e.g. `1h`",
        );
    }
}

/// A follow-up that waits no time is no follow-up, and a post updated
/// every zero minutes is a flood.
fn waits(cx: &mut Context) {
    let mut zero: Vec<(Loc, String, &str)> = Vec::new();
    for f in &cx.pb.follow_ups {
        if f.after.seconds == 0 {
            zero.push((
                f.loc.child("after"),
                format!("follow-up `{}` waits no time at all", f.id),
                "give the time after which the conversation comes back, e.g. `24h` or `2bd`",
            ));
        }
    }
    for inc in &cx.pb.incidents {
        for (i, p) in inc.proactive_posts.iter().enumerate() {
            if p.update_every.seconds == 0 {
                zero.push((
                    inc.loc.child(format!("proactive_posts/{i}/update_every")),
                    format!(
                        "proactive post {} of incident mode `{}` is updated every zero minutes",
                        i + 1,
                        inc.id
                    ),
                    "give how often the post is updated while the mode is on, e.g. `2h`",
                ));
            }
        }
    }
    for (at, message, help) in zero {
        out_of_range(cx, &at, message, "zero", help);
    }
}

fn holidays(cx: &mut Context) {
    let mut long = Vec::new();
    for c in &cx.pb.calendars {
        for (i, h) in c.holidays.iter().enumerate() {
            let Some(until) = h.until else { continue };
            let days = until.0.since(h.date.0).map_or(0, |span| span.get_days());
            if days >= LONGEST_HOLIDAY_DAYS {
                long.push((
                    c.loc.child(format!("holidays/{i}/until")),
                    format!(
                        "holiday `{}` of calendar `{}` lasts {} days, from {} to {}",
                        h.name,
                        c.id,
                        days + 1,
                        h.date.0,
                        until.0
                    ),
                ));
            }
        }
    }
    for (at, message) in long {
        out_of_range(
            cx,
            &at,
            message,
            "more than a year",
            "no deadline counted in this calendar would ever come: check the year of `until`",
        );
    }
}

fn channels(cx: &mut Context) {
    let idle: Vec<(Loc, String)> = cx
        .pb
        .channels
        .iter()
        .filter(|c| c.concurrency == 0)
        .map(|c| {
            (
                c.loc.child("concurrency"),
                format!("channel `{}` has a concurrency of 0", c.id),
            )
        })
        .collect();
    for (at, message) in idle {
        out_of_range(
            cx,
            &at,
            message,
            "no conversations",
            "concurrency is how many private conversations one agent handles at once here: 1 or more",
        );
    }
}

fn placeholders(cx: &mut Context) {
    let longest = cx
        .pb
        .channels
        .iter()
        .flat_map(|c| [c.length.public.as_ref(), c.length.private.as_ref()])
        .flatten()
        .map(|r| r.limit)
        .max();
    let bound = longest.unwrap_or(LONGEST_PLACEHOLDER);
    let mut over = Vec::new();
    for m in &cx.pb.macros {
        for (name, p) in &m.placeholders {
            if p.max_length > bound {
                over.push((
                    m.loc.child(format!("placeholders/{name}/max_length")),
                    format!(
                        "placeholder `{name}` of macro `{}` may be {} characters long",
                        m.id, p.max_length
                    ),
                ));
            }
        }
    }
    let help = match longest {
        Some(l) => format!(
            "no channel takes a reply longer than {l}, so the length check (CB405) could never pass: give the longest value an agent fills in"
        ),
        None => format!("give the longest value an agent fills in (at most {LONGEST_PLACEHOLDER})"),
    };
    for (at, message) in over {
        out_of_range(cx, &at, message, "longer than any reply", &help);
    }
}

fn handovers(cx: &mut Context) {
    let mut to_self = Vec::new();
    for h in &cx.pb.handovers {
        for (i, to) in h.to.iter().enumerate() {
            if *to == h.team {
                to_self.push((
                    super::handover_target(h, i),
                    format!("team `{}` hands over to itself", h.team),
                ));
            }
        }
    }
    for (at, message) in to_self {
        out_of_range(
            cx,
            &at,
            message,
            "the same team",
            "a hand-over names the team that covers while this one is off shift: another team",
        );
    }
}

/// Two entries from one team: the order in which they take over is the
/// file's, which nobody stated (CB211).
pub fn handover_order(cx: &mut Context) {
    let mut teams: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, h) in cx.pb.handovers.iter().enumerate() {
        match teams.iter_mut().find(|(team, _)| *team == h.team.as_str()) {
            Some((_, entries)) => entries.push(i),
            None => teams.push((h.team.as_str(), vec![i])),
        }
    }
    let mut found = Vec::new();
    for (team, entries) in teams.into_iter().filter(|(_, e)| e.len() > 1) {
        let mut order: Vec<&str> = Vec::new();
        for t in entries
            .iter()
            .flat_map(|&i| cx.pb.handovers[i].to.iter().map(|t| t.as_str()))
        {
            // Not to itself (CB210), and each team once.
            if t != team && !order.contains(&t) {
                order.push(t);
            }
        }
        let here = cx
            .label(&cx.pb.handovers[entries[1]].loc.child("team"))
            .with_message("hands over again");
        let there = cx
            .label(&cx.pb.handovers[entries[0]].loc.child("team"))
            .with_message("first hand-over");
        found.push(
            Diagnostic::new(
                Code::HandoverOrder,
                format!(
                    "team `{team}` hands over in {} separate entries; who takes over first is the file's order",
                    entries.len()
                ),
            )
            .at(here)
            .related(there)
            .help(format!(
                "write one entry in the order they take over: `{{team: {team}, to: [{}]}}`",
                order.join(", ")
            )),
        );
    }
    for d in found {
        cx.push(d);
    }
}

/// Business days (`1bd`) count open days of a calendar: only a
/// business-hours severity's own targets have one to count in (CB210).
/// And `d` on a business-hours target is 24 business hours, not "the
/// next business day" a care lead reads in it (CB212).
fn business_days(cx: &mut Context) {
    let mut misused: Vec<(Loc, String)> = Vec::new();
    let mut days_as_hours = Vec::new();
    for s in &cx.pb.severities {
        for (field, value) in [
            ("first_response", s.first_response),
            ("resolution", s.resolution),
        ] {
            let at = s.loc.child(field);
            match (s.hours, value.business_days > 0) {
                (Hours::Always, true) => misused.push((
                    at,
                    format!(
                        "severity `{}` runs 24/7, but its {} target `{value}` counts business days",
                        s.id,
                        field.replace('_', " ")
                    ),
                )),
                (Hours::Business, false) if value.written_in_days => {
                    days_as_hours.push((at, format!("severity `{}`", s.id), field, value))
                }
                _ => {}
            }
        }
    }
    // Rungs and overrides count on the clock of the severity they serve.
    let business: Vec<&str> = cx
        .pb
        .severities
        .iter()
        .filter(|s| s.hours == Hours::Business)
        .map(|s| s.id.as_str())
        .collect();
    for c in &cx.pb.chains {
        let on_business = cx.pb.severities.iter().any(|s| {
            s.hours == Hours::Business && s.escalation.as_ref().is_some_and(|e| *e == c.id)
        });
        for (i, r) in c.rungs.iter().enumerate() {
            if on_business && r.after.written_in_days && r.after.business_days == 0 {
                days_as_hours.push((
                    c.loc.child(format!("rungs/{i}/after")),
                    format!("chain `{}`", c.id),
                    "rung",
                    r.after,
                ));
            }
            if r.after.business_days > 0 {
                misused.push((
                    c.loc.child(format!("rungs/{i}/after")),
                    format!(
                        "rung {} of chain `{}` waits `{}`; escalation counts time, not business days",
                        i + 1,
                        c.id,
                        r.after
                    ),
                ));
            }
        }
    }
    for inc in &cx.pb.incidents {
        for (i, o) in inc.sla_overrides.iter().enumerate() {
            for (field, value) in [
                ("first_response", o.first_response),
                ("resolution", o.resolution),
            ] {
                if business.contains(&o.severity.as_str())
                    && value.written_in_days
                    && value.business_days == 0
                {
                    days_as_hours.push((
                        inc.loc.child(format!("sla_overrides/{i}/{field}")),
                        format!("incident `{}` for `{}`", inc.id, o.severity),
                        field,
                        value,
                    ));
                }
                if value.business_days > 0 {
                    misused.push((
                        inc.loc.child(format!("sla_overrides/{i}/{field}")),
                        format!(
                            "incident `{}` overrides a target with `{value}`; overrides count time, not business days",
                            inc.id
                        ),
                    ));
                }
            }
        }
    }
    // A follow-up counts business time only in its calendar.
    for f in &cx.pb.follow_ups {
        if f.calendar.is_some() && f.after.written_in_days && f.after.business_days == 0 {
            days_as_hours.push((
                f.loc.child("after"),
                format!("follow-up `{}`", f.id),
                "wait",
                f.after,
            ));
        }
    }
    for inc in &cx.pb.incidents {
        for (i, p) in inc.proactive_posts.iter().enumerate() {
            for (field, value) in [("within", p.within), ("update_every", p.update_every)] {
                if value.business_days > 0 {
                    misused.push((
                        inc.loc.child(format!("proactive_posts/{i}/{field}")),
                        format!(
                            "proactive post {} of incident mode `{}` waits `{value}`; an incident counts time, not business days",
                            i + 1,
                            inc.id
                        ),
                    ));
                }
            }
        }
    }
    for (at, message) in misused {
        out_of_range(
            cx,
            &at,
            message,
            "business days",
            "`bd` is for a business-hours severity's own targets: write hours here (`8h`), which count on the severity's clock",
        );
    }
    for (at, whose, field, value) in days_as_hours {
        let days = value.seconds / 86_400;
        let label = cx
            .label(&at)
            .with_message(format!("{} business hours", value.seconds / 3_600));
        cx.push(
            Diagnostic::new(
                Code::DayInBusinessHours,
                format!(
                    "{whose} counts business hours, so its {} `{value}` is {} business hours, not {days} business day{}",
                    match field {
                        "rung" => "rung's wait".to_string(),
                        "wait" => "wait".to_string(),
                        _ => format!("{} target", field.replace('_', " ")),
                    },
                    value.seconds / 3_600,
                    if days == 1 { "" } else { "s" }
                ),
            )
            .at(label)
            .help(if whose.starts_with("severity") || whose.starts_with("follow-up") {
                format!(
                    "write `{days}bd` for the same time on the {} business day, or `{}h` to keep the hours",
                    ordinal(days),
                    value.seconds / 3_600
                )
            } else {
                format!(
                    "write the business hours you mean (`{}h` keeps these; a day of a 12-hour office is `12h`)",
                    value.seconds / 3_600
                )
            }),
        );
    }
}

fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    match n {
        1 => "next".to_string(),
        2 => "second".to_string(),
        3 => "third".to_string(),
        n => format!("{n}{suffix}"),
    }
}
