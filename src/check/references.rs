//! Unknown references (CB201): every id that names another item must name
//! one that exists.

use super::Context;
use crate::load::Loc;
use crate::model::*;

pub fn check(cx: &mut Context) {
    let pb = cx.pb;
    let ids = std::mem::take(&mut cx.ids);
    let lang = |cx: &mut Context, code: &Lang, loc: Loc| {
        cx.reference("language", &ids.languages, code.as_str(), loc)
    };
    // Keys of per-language maps are references too; point at the key.
    let lang_keys = |cx: &mut Context, keys: Vec<&Lang>, loc: &Loc| {
        for code in keys {
            if !ids.languages.contains_key(code.as_str()) {
                let at = loc.child(code);
                let label = cx.key_label(&at);
                let before = cx.out.len();
                cx.reference("language", &ids.languages, code.as_str(), at);
                if let Some(d) = cx.out.get_mut(before) {
                    d.primary = Some(label.with_message(format!("no language `{code}`")));
                }
            }
        }
    };

    let m = &pb.manifest;
    lang(cx, &m.default_language, m.loc.child("default_language"));
    for c in &pb.channels {
        if let Some(l) = &c.language {
            lang(cx, l, c.loc.child("language"));
        }
    }

    for v in &pb.voice {
        for (i, p) in v.phrases.iter().enumerate() {
            lang(cx, &p.lang, v.loc.child(format!("phrases/{i}/lang")));
        }
        for (i, r) in v.required.iter().enumerate() {
            let at = v.loc.child(format!("required/{i}"));
            lang_keys(cx, r.forms.keys().collect(), &at.child("forms"));
            for (j, ch) in r.channels.iter().enumerate() {
                cx.reference(
                    "channel",
                    &ids.channels,
                    ch.as_str(),
                    at.child(format!("channels/{j}")),
                );
            }
        }
        for (i, t) in v.emoji.never_on_tags.iter().enumerate() {
            cx.reference(
                "tag",
                &ids.tags,
                t.as_str(),
                v.loc.child(format!("emoji/never_on_tags/{i}")),
            );
        }
        if let Some(mac) = &v.go_private.invite_macro {
            cx.reference(
                "macro",
                &ids.macros,
                mac.as_str(),
                v.loc.child("go_private/invite_macro"),
            );
        }
        for (i, e) in v.examples.iter().enumerate() {
            let at = v.loc.child(format!("examples/{i}"));
            cx.reference(
                "channel",
                &ids.channels,
                e.channel.as_str(),
                at.child("channel"),
            );
            lang(cx, &e.lang, at.child("lang"));
        }
    }

    for mac in &pb.macros {
        list(cx, "tag", &ids.tags, &mac.tags, &mac.loc.child("tags"));
        list(
            cx,
            "channel",
            &ids.channels,
            &mac.channels,
            &mac.loc.child("channels"),
        );
        list(cx, "role", &ids.roles, &mac.roles, &mac.loc.child("roles"));
        lang_keys(cx, mac.text.keys().collect(), &mac.loc.child("text"));
    }

    for tag in &pb.tags {
        if let Some(p) = &tag.parent {
            cx.reference("tag", &ids.tags, p.as_str(), tag.loc.child("parent"));
        }
        if let Some(s) = &tag.severity {
            cx.reference(
                "severity",
                &ids.severities,
                s.as_str(),
                tag.loc.child("severity"),
            );
        }
        if let Some(t) = &tag.team {
            cx.reference("team", &ids.teams, t.as_str(), tag.loc.child("team"));
        }
        lang_keys(cx, tag.label.keys().collect(), &tag.loc.child("label"));
        let d = &tag.detect;
        for (list, field) in [
            (&d.keywords, "detect/keywords"),
            (&d.exclude, "detect/exclude"),
            (&d.context, "detect/context"),
        ] {
            lang_keys(cx, list.keys().collect(), &tag.loc.child(field));
        }
        list(
            cx,
            "channel",
            &ids.channels,
            &tag.detect.channels,
            &tag.loc.child("detect/channels"),
        );
    }

    for s in &pb.severities {
        if let Some(c) = &s.calendar {
            cx.reference(
                "calendar",
                &ids.calendars,
                c.as_str(),
                s.loc.child("calendar"),
            );
        }
        if let Some(c) = &s.escalation {
            cx.reference(
                "escalation chain",
                &ids.chains,
                c.as_str(),
                s.loc.child("escalation"),
            );
        }
    }
    for q in &pb.queues {
        cx.reference("team", &ids.teams, q.team.as_str(), q.loc.child("team"));
        if let Some(c) = &q.calendar {
            cx.reference(
                "calendar",
                &ids.calendars,
                c.as_str(),
                q.loc.child("calendar"),
            );
        }
    }
    for r in &pb.routes {
        let at = r.loc.child("when");
        list(cx, "tag", &ids.tags, &r.when.tags, &at.child("tags"));
        list(
            cx,
            "severity",
            &ids.severities,
            &r.when.severities,
            &at.child("severities"),
        );
        for (i, l) in r.when.languages.iter().enumerate() {
            lang(cx, l, at.child(format!("languages/{i}")));
        }
        cx.reference("queue", &ids.queues, r.queue.as_str(), r.loc.child("queue"));
        if let Some(c) = &r.escalation {
            cx.reference(
                "escalation chain",
                &ids.chains,
                c.as_str(),
                r.loc.child("escalation"),
            );
        }
    }
    for b in &pb.boosts {
        if let Some(e) = &b.emergency {
            lang_keys(
                cx,
                e.keywords.keys().collect(),
                &b.loc.child("emergency/keywords"),
            );
        }
    }
    for c in &pb.chains {
        for (i, rung) in c.rungs.iter().enumerate() {
            let at = c.loc.child(format!("rungs/{i}"));
            if let Some(r) = &rung.role {
                cx.reference("role", &ids.roles, r.as_str(), at.child("role"));
            }
            if let Some(t) = &rung.team {
                cx.reference("team", &ids.teams, t.as_str(), at.child("team"));
            }
        }
        if let Some(t) = &c.then {
            cx.reference(
                "escalation chain",
                &ids.chains,
                t.as_str(),
                c.loc.child("then"),
            );
        }
    }
    for h in &pb.handovers {
        cx.reference("team", &ids.teams, h.team.as_str(), h.loc.child("team"));
        for (i, to) in h.to.iter().enumerate() {
            cx.reference(
                "team",
                &ids.teams,
                to.as_str(),
                super::handover_target(h, i),
            );
        }
    }
    for inc in &pb.incidents {
        lang_keys(
            cx,
            inc.triggers.keys().collect(),
            &inc.loc.child("triggers"),
        );
        lang_keys(
            cx,
            inc.holding_statements.keys().collect(),
            &inc.loc.child("holding_statements"),
        );
        cx.reference("tag", &ids.tags, inc.tag.as_str(), inc.loc.child("tag"));
        cx.reference(
            "queue",
            &ids.queues,
            inc.queue.as_str(),
            inc.loc.child("queue"),
        );
        for (i, o) in inc.sla_overrides.iter().enumerate() {
            cx.reference(
                "severity",
                &ids.severities,
                o.severity.as_str(),
                inc.loc.child(format!("sla_overrides/{i}/severity")),
            );
        }
    }
    for role in &pb.roles {
        for (i, a) in role.approvals.iter().enumerate() {
            cx.reference(
                "role",
                &ids.roles,
                a.from.as_str(),
                role.loc.child(format!("approvals/{i}/from")),
            );
        }
        if let Some(r) = &role.escalates_to {
            cx.reference(
                "role",
                &ids.roles,
                r.as_str(),
                role.loc.child("escalates_to"),
            );
        }
    }
    for team in &pb.teams {
        if let Some(c) = &team.calendar {
            cx.reference(
                "calendar",
                &ids.calendars,
                c.as_str(),
                team.loc.child("calendar"),
            );
        }
        for (i, m) in team.members.iter().enumerate() {
            let at = team.loc.child(format!("members/{i}"));
            cx.reference("role", &ids.roles, m.role.as_str(), at.child("role"));
            for (j, l) in m.languages.iter().enumerate() {
                lang(cx, l, at.child(format!("languages/{j}")));
            }
            list(cx, "shift", &ids.shifts, &m.shifts, &at.child("shifts"));
        }
    }
    for f in &pb.forecast {
        cx.reference(
            "channel",
            &ids.channels,
            f.channel.as_str(),
            f.loc.child("channel"),
        );
        lang(cx, &f.lang, f.loc.child("lang"));
    }
    for s in &pb.samples {
        cx.reference(
            "channel",
            &ids.channels,
            s.channel.as_str(),
            s.loc.child("channel"),
        );
        if let Some(l) = &s.lang {
            lang(cx, l, s.loc.child("lang"));
        }
        if let Some(i) = &s.incident {
            cx.reference(
                "incident mode",
                &ids.incidents,
                i.as_str(),
                s.loc.child("incident"),
            );
        }
        let e = &s.expect;
        let at = s.loc.child("expect");
        if let Some(tags) = &e.tags {
            list(cx, "tag", &ids.tags, tags, &at.child("tags"));
        }
        list(
            cx,
            "tag",
            &ids.tags,
            &e.tags_include,
            &at.child("tags_include"),
        );
        list(
            cx,
            "tag",
            &ids.tags,
            &e.tags_exclude,
            &at.child("tags_exclude"),
        );
        if let Some(v) = &e.severity {
            cx.reference(
                "severity",
                &ids.severities,
                v.as_str(),
                at.child("severity"),
            );
        }
        if let Some(v) = &e.queue {
            cx.reference("queue", &ids.queues, v.as_str(), at.child("queue"));
        }
        if let Some(v) = &e.team {
            cx.reference("team", &ids.teams, v.as_str(), at.child("team"));
        }
    }
    cx.ids = ids;
}

fn list<T>(
    cx: &mut Context,
    what: &str,
    table: &std::collections::BTreeMap<&str, T>,
    items: &[Id],
    at: &Loc,
) {
    for (i, id) in items.iter().enumerate() {
        cx.reference(what, table, id.as_str(), at.child(i));
    }
}
