//! Time zones (CB206) and schedules that cannot be right (CB207).

use super::Context;
use crate::diagnostic::{Code, Diagnostic, closest};
use crate::load::Loc;
use crate::model::*;

/// Returns whether every time zone is known, so coverage can be computed.
pub fn check(cx: &mut Context) -> bool {
    let pb = cx.pb;
    let mut zones: Vec<(&TimeZoneName, Loc)> = vec![(
        &pb.manifest.default_timezone,
        pb.manifest.loc.child("default_timezone"),
    )];
    zones.extend(
        pb.calendars
            .iter()
            .map(|c| (&c.timezone, c.loc.child("timezone"))),
    );
    zones.extend(
        pb.teams
            .iter()
            .map(|t| (&t.timezone, t.loc.child("timezone"))),
    );
    zones.extend(
        pb.shifts
            .iter()
            .map(|s| (&s.timezone, s.loc.child("timezone"))),
    );
    let mut all_known = true;
    for (name, loc) in zones {
        if crate::tz::db().get(name.as_str()).is_ok() {
            continue;
        }
        all_known = false;
        let names = crate::tz::db().available().collect::<Vec<_>>();
        let help = closest(name.as_str(), names.iter().map(|n| n.as_str()))
            .map(|c| format!("did you mean `{c}`?"))
            .unwrap_or_else(|| "use an IANA name such as `Europe/Dublin` or `Asia/Tokyo`".into());
        let label = cx.label(&loc).with_message("not in the tz database");
        cx.push(
            Diagnostic::new(Code::UnknownTimeZone, format!("unknown time zone `{name}`"))
                .at(label)
                .help(help),
        );
    }

    for s in &pb.severities {
        match (s.hours, &s.calendar) {
            (Hours::Business, None) => {
                let label = cx.label(&s.loc.child("hours"));
                cx.push(
                    Diagnostic::new(
                        Code::InvalidSchedule,
                        format!(
                            "severity `{}` runs in business hours but names no calendar",
                            s.id
                        ),
                    )
                    .at(label)
                    .help("add `calendar: <id>` naming the business-hours calendar"),
                );
            }
            (Hours::Always, Some(_)) => {
                let label = cx.label(&s.loc.child("calendar"));
                cx.push(
                    Diagnostic::new(
                        Code::InvalidSchedule,
                        format!(
                            "severity `{}` runs 24/7, so its calendar is never used",
                            s.id
                        ),
                    )
                    .at(label)
                    .help("remove `calendar`, or set `hours: business`"),
                );
            }
            _ => {}
        }
    }
    for c in &pb.calendars {
        if c.hours.is_empty() || c.hours.iter().all(|h| h.days.is_empty()) {
            bad(
                cx,
                &c.loc.child("hours"),
                format!(
                    "calendar `{}` is never open, so its deadlines never come",
                    c.id
                ),
                "no business hours",
                "add the weekly opening hours, e.g. `{days: [mon, tue, wed, thu, fri], start: \"09:00\", end: \"17:00\"}`",
            );
        }
        for (i, h) in c.hours.iter().enumerate() {
            let at = c.loc.child(format!("hours/{i}"));
            if h.days.is_empty() {
                bad(
                    cx,
                    &at.child("days"),
                    format!("business hours in calendar `{}` name no days", c.id),
                    "no days",
                    "list the weekdays these hours apply to, e.g. `[mon, tue, wed, thu, fri]`",
                );
            }
            if h.end <= h.start {
                bad(
                    cx,
                    &at.child("end"),
                    format!(
                        "business hours in calendar `{}` end ({}) before they start ({})",
                        c.id, h.end, h.start
                    ),
                    "not after `start`",
                    "business hours cannot cross midnight: split them into two entries, one ending at `24:00`",
                );
            }
        }
        for (i, h) in c.holidays.iter().enumerate() {
            if let Some(until) = h.until
                && until < h.date
            {
                bad(
                    cx,
                    &c.loc.child(format!("holidays/{i}/until")),
                    format!(
                        "holiday `{}` ends ({}) before it starts ({})",
                        h.name, until.0, h.date.0
                    ),
                    "before `date`",
                    "`until` is the last day of a holiday that spans several days",
                );
            }
        }
    }
    for s in &pb.shifts {
        if s.days.is_empty() {
            bad(
                cx,
                &s.loc.child("days"),
                format!("shift `{}` names no days", s.id),
                "no days",
                "list the weekdays the shift runs on",
            );
        }
        if s.start == s.end {
            bad(
                cx,
                &s.loc.child("end"),
                format!("shift `{}` starts and ends at {}", s.id, s.start),
                "same as `start`",
                "a shift that ends at or before its start runs past midnight; a whole day is `00:00` to `24:00`",
            );
        }
    }
    for f in &pb.forecast {
        if let Some(p) = &f.hourly_profile
            && p.len() != 24
        {
            bad(
                cx,
                &f.loc.child("hourly_profile"),
                format!(
                    "hourly profile for `{}`/`{}` has {} weights, not 24",
                    f.channel,
                    f.lang,
                    p.len()
                ),
                "needs 24 weights",
                "give one relative weight per hour of the day, midnight first",
            );
        }
    }
    all_known
}

fn bad(cx: &mut Context, loc: &Loc, message: String, note: &str, help: &str) {
    let label = cx.label(loc).with_message(note);
    cx.push(
        Diagnostic::new(Code::InvalidSchedule, message)
            .at(label)
            .help(help),
    );
}
