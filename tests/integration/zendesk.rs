//! The Zendesk and Terraform exports of `carebook compile`, driven through
//! the real binary: every request body against a JSON Schema written from
//! the Zendesk API reference (and proof the schemas reject wrong bodies),
//! the SLA policies' deadlines against the router's for every sample, the
//! triggers' guards and order, the Terraform file's references, and
//! snapshots of one object of each kind.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{fixtures, playbook_from, root, run, run_in};
use carebook::model::Author;
use carebook::router::{DecideOptions, Router};
use carebook::tz::zendesk as time_zones;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

/// The bundled playbook compiled into a temporary directory.
struct Compiled {
    dir: tempfile::TempDir,
    stderr: String,
}

impl Compiled {
    fn bundled() -> Compiled {
        let (dir, stderr) = crate::common::compile_bundled();
        Compiled { dir, stderr }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn json(&self, rel: &str) -> Value {
        let text = fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Files below `dir`, relative to the output, sorted.
    fn files(&self, dir: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![self.path(dir)];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).unwrap() {
                let p = entry.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push(
                        p.strip_prefix(self.dir.path())
                            .unwrap()
                            .to_string_lossy()
                            .replace('\\', "/"),
                    );
                }
            }
        }
        out.sort();
        out
    }
}

fn schema(name: &str) -> jsonschema::Validator {
    let path = root().join("tests/schemas/zendesk").join(name);
    let value: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::validator_for(&value).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The schema a REST body is checked against, by where it is written.
fn schema_of(rel: &str) -> &'static str {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["zendesk", "triggers", _] => "trigger.schema.json",
        ["zendesk", "automations", _] => "automation.schema.json",
        ["zendesk", "macros", _] => "macro.schema.json",
        ["zendesk", "sla_policies", _] => "sla_policy.schema.json",
        ["zendesk", "groups", _] => "group.schema.json",
        ["zendesk", "trigger_categories", _] => "trigger_category.schema.json",
        ["zendesk", "schedules", _, "schedule.json"] => "schedule.schema.json",
        ["zendesk", "schedules", _, "workweek.json"] => "workweek.schema.json",
        ["zendesk", "schedules", _, "holidays", _] => "holiday.schema.json",
        _ => panic!("no schema for {rel}"),
    }
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_rest_body_matches_its_schema_from_the_api_reference() {
    let c = Compiled::bundled();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for rel in c.files("zendesk") {
        if rel.ends_with(".md") {
            continue;
        }
        let name = schema_of(&rel);
        let errs = errors(&schema(name), &c.json(&rel));
        assert!(errs.is_empty(), "{rel}: {errs:#?}");
        *counts.entry(name).or_default() += 1;
        let text = fs::read_to_string(c.path(&rel)).unwrap();
        assert!(!text.contains("UNMAPPED"), "{rel} has a placeholder");
    }
    // 9 teams, 6 calendars SLA targets count in (the severities' and the
    // market desks'), 84 triggers, 18 macros in 5 languages less
    // the ones written in fewer, 2 policies (the incident mode with
    // relaxed targets, then every other decided ticket).
    assert_eq!(counts["group.schema.json"], 9);
    assert_eq!(counts["schedule.schema.json"], 6);
    assert_eq!(counts["workweek.schema.json"], 6);
    assert_eq!(counts["holiday.schema.json"], 57);
    assert_eq!(counts["trigger_category.schema.json"], 1);
    assert_eq!(counts["sla_policy.schema.json"], 2);
    assert!(counts["trigger.schema.json"] > 60, "{counts:?}");
    assert!(counts["automation.schema.json"] > 10, "{counts:?}");
    assert!(counts["macro.schema.json"] > 50, "{counts:?}");
}

#[test]
fn the_schemas_refuse_wrong_bodies() {
    let c = Compiled::bundled();
    let trigger = c.json("zendesk/triggers/083-route-care-ja.json");
    let check = |name: &str, doc: &Value, why: &str| {
        assert!(
            !schema(name).is_valid(doc),
            "{name} accepted a body with {why}"
        );
    };
    let mut t = trigger.clone();
    t["trigger"].as_object_mut().unwrap().remove("actions");
    check("trigger.schema.json", &t, "no actions");
    let mut t = trigger.clone();
    t["trigger"]["actions"] = json!([{"field": "priority", "value": "critical"}]);
    check(
        "trigger.schema.json",
        &t,
        "a priority Zendesk does not have",
    );
    let mut t = trigger.clone();
    t["trigger"]["conditions"]["all"][0]["operator"] = json!("equals");
    check("trigger.schema.json", &t, "an unknown operator");
    let mut t = trigger.clone();
    t["trigger"]["conditions"]["all"][3]["field"] = json!("custom_fields_UNMAPPED-fields.language");
    check("trigger.schema.json", &t, "an unmapped field id");
    let mut t = trigger.clone();
    t["trigger"]["actions"][0]["value"] = json!("UNMAPPED-groups.care-tokyo");
    check("trigger.schema.json", &t, "an unmapped group id");
    let mut t = trigger.clone();
    t["trigger"]["position"] = json!("79");
    check("trigger.schema.json", &t, "a position as a string");
    let mut t = trigger;
    t["trigger"]["title "] = json!("typo");
    check("trigger.schema.json", &t, "an unknown property");

    let policy = c.json("zendesk/sla_policies/02-severities.json");
    let mut p = policy.clone();
    p["sla_policy"]["policy_metrics"][0]["target"] = json!("240");
    check("sla_policy.schema.json", &p, "a target as a string");
    let mut p = policy.clone();
    p["sla_policy"]["policy_metrics"][0]["metric"] = json!("first_response_time");
    check("sla_policy.schema.json", &p, "an unknown metric");
    let mut p = policy;
    p["sla_policy"].as_object_mut().unwrap().remove("filter");
    check("sla_policy.schema.json", &p, "no filter");

    let mut w = c.json("zendesk/schedules/dublin-office/workweek.json");
    w["workweek"]["intervals"][0]["start_time"] = json!(-60);
    check("workweek.schema.json", &w, "a negative start");
    let mut s = c.json("zendesk/schedules/dublin-office/schedule.json");
    s["schedule"]["time_zone"] = json!("Europe/Dublin");
    check("schedule.schema.json", &s, "an IANA zone name");
    let mut h = c.json("zendesk/schedules/dublin-office/holidays/2026-12-25.json");
    h["holiday"]["start_date"] = json!("25/12/2026");
    check("holiday.schema.json", &h, "a date Zendesk cannot read");
    let mut m = c.json("zendesk/macros/delay-rebook_en.json");
    m["macro"]["actions"][0]["field"] = json!("comment_text");
    check("macro.schema.json", &m, "an unknown action");
    check("group.schema.json", &json!({"group": {}}), "no name");
}

/// A schedule is exported when a trigger sets it for an SLA target to
/// count in (a priority's, or a queue's own business hours), and only
/// then: any other calendar would be an object nothing in Zendesk uses.
#[test]
fn exactly_the_schedules_that_triggers_set_are_exported() {
    let c = Compiled::bundled();
    let tf = c.json("terraform/zendesk.tf.json");
    let mut exported: Vec<&String> = tf["resource"]["zendesk_schedule"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    exported.sort();
    let mut set: Vec<String> = tf["resource"]["zendesk_trigger"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|t| t["actions"].as_array().unwrap().clone())
        .filter(|a| a["field"] == "set_schedule")
        .map(|a| {
            let v = a["value"].as_str().unwrap();
            v.trim_start_matches("${zendesk_schedule.")
                .trim_end_matches(".id}")
                .to_string()
        })
        .collect();
    set.sort();
    set.dedup();
    assert_eq!(exported, set.iter().collect::<Vec<_>>());
    // The severities' calendar, and the market desks' own.
    assert_eq!(
        set,
        [
            "bangkok-office",
            "dublin-head-office",
            "dublin-office",
            "tallinn-office",
            "tokyo-office",
            "warsaw-office"
        ]
    );
    let rest: BTreeSet<String> = c
        .files("zendesk/schedules")
        .iter()
        .map(|f| f.split('/').nth(2).unwrap().to_string())
        .collect();
    assert_eq!(rest.into_iter().collect::<Vec<_>>(), set);
}

#[test]
fn schedules_use_zendesk_zone_names_and_intervals_within_a_day() {
    let c = Compiled::bundled();
    let routing = c.json("routing.json");
    let exported = c.files("zendesk/schedules");
    let mut checked = 0;
    for cal in routing["calendars"].as_array().unwrap() {
        let id = cal["id"].as_str().unwrap();
        if !exported
            .iter()
            .any(|f| f.starts_with(&format!("zendesk/schedules/{id}/")))
        {
            // Not exported (no SLA target counts in it): its zone still
            // has a Zendesk name, for when one does.
            let tz = cal["timezone"].as_str().unwrap();
            let name = time_zones::zendesk_name(tz).unwrap();
            assert_eq!(time_zones::iana_name(name), Some(tz), "{id}");
            continue;
        }
        checked += 1;
        let s = c.json(&format!("zendesk/schedules/{id}/schedule.json"));
        let zone = s["schedule"]["time_zone"].as_str().unwrap();
        assert_eq!(
            time_zones::iana_name(zone),
            cal["timezone"].as_str(),
            "{id}: {zone}"
        );
        let w = c.json(&format!("zendesk/schedules/{id}/workweek.json"));
        let mut previous = 0;
        for i in w["workweek"]["intervals"].as_array().unwrap() {
            let (a, b) = (
                i["start_time"].as_u64().unwrap(),
                i["end_time"].as_u64().unwrap(),
            );
            assert!(a < b && a >= previous, "{id}: {a}-{b} out of order");
            assert_eq!(a / 1440, (b - 1) / 1440, "{id}: {a}-{b} crosses midnight");
            previous = b;
        }
    }
    assert!(checked > 0);
    // Dublin: Monday to Friday 08:00-20:00, Saturday 10:00-16:00, counted
    // from Sunday 00:00.
    let w = c.json("zendesk/schedules/dublin-office/workweek.json");
    let first = &w["workweek"]["intervals"][0];
    assert_eq!(
        (first["start_time"].as_u64(), first["end_time"].as_u64()),
        (Some(1440 + 480), Some(1440 + 1200))
    );
}

#[test]
fn triggers_fire_on_create_route_once_and_keep_incidents_off() {
    let c = Compiled::bundled();
    let files = c.files("zendesk/triggers");
    let category = c.json("zendesk/trigger_categories/carebook.json");
    assert!(category["trigger_category"]["name"].is_string());
    let mut routes = 0;
    for (i, rel) in files.iter().enumerate() {
        let t = &c.json(rel)["trigger"];
        assert_eq!(
            t["position"],
            json!(i + 1),
            "{rel}: positions follow the files"
        );
        assert_eq!(t["category_id"], json!("10300001"), "{rel}: one category");
        let all = t["conditions"]["all"].as_array().unwrap();
        assert!(
            all.contains(&json!({"field": "update_type", "operator": "is", "value": "Create"})),
            "{rel}: a follow-up must not re-route"
        );
        let name = rel.rsplit('/').next().unwrap();
        if name[4..].starts_with("route-") {
            routes += 1;
            assert!(all.contains(
                &json!({"field": "current_tags", "operator": "not_includes", "value": "carebook_routed"})
            ));
            let adds = t["actions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["field"] == "current_tags")
                .unwrap();
            assert!(adds["value"].as_str().unwrap().contains("carebook_routed"));
            assert!(
                t["actions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["field"] == "group_id"),
                "{rel} assigns a group"
            );
        }
        let incident = name[4..].starts_with("incident-");
        assert_eq!(
            t["active"],
            json!(!incident),
            "{rel}: incident modes start off"
        );
    }
    // One trigger per route of escalation.yaml, in its order.
    assert_eq!(routes, 15);
    let order: Vec<&str> = files
        .iter()
        .filter_map(|f| f.rsplit('/').next())
        .filter(|n| n[4..].starts_with("route-"))
        .collect();
    assert_eq!(order.first(), Some(&"074-route-safety.json"));
    assert_eq!(order.last(), Some(&"088-route-catch-all.json"));
}

/// A ticket as Zendesk sees it after carebook's triggers: its priority
/// and tags.
struct Ticket {
    priority: String,
    tags: Vec<String>,
}

fn holds(c: &Value, t: &Ticket) -> bool {
    let value = c["value"].as_str().unwrap();
    let words: Vec<&str> = value.split(' ').collect();
    match (
        c["field"].as_str().unwrap(),
        c["operator"].as_str().unwrap(),
    ) {
        ("priority", "is") => t.priority == value,
        ("current_tags", "includes") => words.iter().any(|w| t.tags.iter().any(|x| x == w)),
        ("current_tags", "not_includes") => !words.iter().any(|w| t.tags.iter().any(|x| x == w)),
        other => panic!("SLA filters do not use {other:?}"),
    }
}

fn matches(filter: &Value, t: &Ticket) -> bool {
    let all = filter["all"].as_array().unwrap();
    let any = filter["any"].as_array().unwrap();
    all.iter().all(|c| holds(c, t)) && (any.is_empty() || any.iter().any(|c| holds(c, t)))
}

/// An exported schedule, read back as Zendesk would use it.
struct ZendeskSchedule {
    tz: TimeZone,
    /// Minutes from Sunday 00:00.
    intervals: Vec<(i64, i64)>,
    holidays: Vec<(Date, Date)>,
}

impl ZendeskSchedule {
    fn read(c: &Compiled, calendar: &str) -> ZendeskSchedule {
        let dir = format!("zendesk/schedules/{calendar}");
        let zone = c.json(&format!("{dir}/schedule.json"))["schedule"]["time_zone"]
            .as_str()
            .unwrap()
            .to_string();
        let iana = time_zones::iana_name(&zone).unwrap();
        let intervals = c.json(&format!("{dir}/workweek.json"))["workweek"]["intervals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["start_time"].as_i64().unwrap(),
                    i["end_time"].as_i64().unwrap(),
                )
            })
            .collect();
        let holidays = c
            .files(&format!("{dir}/holidays"))
            .iter()
            .map(|rel| {
                let h = &c.json(rel)["holiday"];
                (
                    h["start_date"].as_str().unwrap().parse().unwrap(),
                    h["end_date"].as_str().unwrap().parse().unwrap(),
                )
            })
            .collect();
        ZendeskSchedule {
            tz: jiff::tz::db().get(iana).unwrap(),
            intervals,
            holidays,
        }
    }

    fn at(&self, day: Date, minutes: i64) -> Timestamp {
        let (day, minutes) = if minutes >= 1440 {
            (day.tomorrow().unwrap(), minutes - 1440)
        } else {
            (day, minutes)
        };
        self.tz
            .to_timestamp(day.at((minutes / 60) as i8, (minutes % 60) as i8, 0, 0))
            .unwrap()
    }

    /// `from` plus `seconds` of business time, walking the week as
    /// Zendesk counts it: from Sunday, day by day, skipping holidays.
    fn add(&self, from: Timestamp, seconds: i64) -> Timestamp {
        let mut left = seconds;
        let mut day = from.to_zoned_datetime(self.tz.clone()).date();
        for _ in 0..3 * 366 {
            let holiday = self.holidays.iter().any(|(a, b)| day >= *a && day <= *b);
            let weekday = i64::from(day.weekday().to_sunday_zero_offset());
            for &(s, e) in self.intervals.iter().filter(|(s, _)| s / 1440 == weekday) {
                if holiday {
                    break;
                }
                let (open, close) = (
                    self.at(day, s - weekday * 1440),
                    self.at(day, e - weekday * 1440),
                );
                if close <= from {
                    continue;
                }
                let begin = open.max(from);
                let available = close.as_second() - begin.as_second();
                if left <= available {
                    return begin + SignedDuration::from_secs(left);
                }
                left -= available;
            }
            day = day.tomorrow().unwrap();
        }
        panic!("no business time within three years")
    }
}

#[test]
fn exported_sla_policies_give_the_routers_deadlines_for_every_sample() {
    let c = Compiled::bundled();
    let pb = crate::common::bundled_playbook();
    let router = Router::new(&carebook::ir::lower(&pb)).unwrap();
    let policies: Vec<Value> = c
        .files("zendesk/sla_policies")
        .iter()
        .map(|rel| c.json(rel)["sla_policy"].clone())
        .collect();
    for (i, p) in policies.iter().enumerate() {
        assert_eq!(p["position"], json!(i + 1));
    }
    // Which schedule a ticket of each priority gets: the schedule
    // triggers' `set_schedule`, through the mapping back to the calendar.
    let mapping = fs::read_to_string(root().join("playbooks/zendesk.yaml")).unwrap();
    let calendar_of_id = |id: &str| -> String {
        mapping
            .lines()
            .find(|l| l.trim_end().ends_with(&format!(": {id}")))
            .map(|l| l.trim().split(':').next().unwrap().to_string())
            .unwrap_or_else(|| panic!("schedule id {id} is not in zendesk.yaml"))
    };
    // A schedule trigger sets it by priority; a route (or incident queue)
    // trigger, which runs later, by the queue's own business hours.
    let mut schedule_of: BTreeMap<String, String> = BTreeMap::new();
    let mut queue_schedule: BTreeMap<String, String> = BTreeMap::new();
    for rel in c.files("zendesk/triggers") {
        let t = &c.json(&rel)["trigger"];
        let Some(set) = t["actions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["field"] == "set_schedule")
        else {
            continue;
        };
        let calendar = calendar_of_id(set["value"].as_str().unwrap());
        let key = rel.rsplit('/').next().unwrap()[4..].trim_end_matches(".json");
        if key.starts_with("schedule-") {
            let priority = t["conditions"]["all"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["field"] == "priority")
                .unwrap()["value"]
                .as_str()
                .unwrap()
                .to_string();
            schedule_of.insert(priority, calendar);
        } else {
            queue_schedule.insert(key.to_string(), calendar);
        }
    }
    assert!(
        !queue_schedule.is_empty(),
        "queues with business hours of their own"
    );

    // Every sample as written, then from a VIP and from an influencer, in
    // normal operation and in every incident mode: every priority a
    // ticket can reach, in every policy.
    // In an incident mode, each sample also with one of the incident's
    // keywords added, so that tickets of every severity are in it.
    let ir = carebook::ir::lower(&pb);
    let mut modes: Vec<(Option<&str>, &str)> = vec![(None, "")];
    for i in &ir.incidents {
        modes.push((Some(i.id.as_str()), ""));
        let keyword = i.triggers.iter().find(|k| k.lang == "en").unwrap();
        modes.push((Some(i.id.as_str()), keyword.text.as_str()));
    }
    let authors = [
        None,
        Some(Author {
            handle: None,
            followers: 0,
            vip: true,
        }),
        Some(Author {
            handle: None,
            followers: 10_000_000,
            vip: false,
        }),
    ];
    let mut checked = 0;
    let mut business = 0;
    let mut approximated = 0;
    let fidelity = fs::read_to_string(c.path("zendesk/FIDELITY.md")).unwrap();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for sample in &pb.samples {
        for &(mode, keyword) in &modes {
            for author in &authors {
                let mut message = carebook::sampletest::message_of(&sample.value);
                if author.is_some() {
                    message.author = author.clone();
                }
                if !keyword.is_empty() {
                    message.text = format!("{} {keyword}", message.text);
                }
                let incident = sample.incident.as_ref().map(|i| i.as_str()).or(mode);
                let options = DecideOptions { incident, at: None };
                let d = router.decide(&message, &options);
                let mut tags: Vec<String> = d.tags.iter().map(|t| t.tag.to_string()).collect();
                tags.push("carebook_decided".to_string());
                tags.extend(d.incident.map(|i| format!("carebook_incident_{i}")));
                let ticket = Ticket {
                    priority: d.priority.as_str().to_string(),
                    tags,
                };
                let case = format!(
                    "sample `{}` (+{keyword:?}, {author:?}, mode {incident:?})",
                    sample.id
                );
                let policy = policies
                    .iter()
                    .find(|p| matches(&p["filter"], &ticket))
                    .unwrap_or_else(|| panic!("{case}: no SLA policy"));
                seen.insert((
                    policy["title"].as_str().unwrap().to_string(),
                    ticket.priority.clone(),
                ));
                for (metric, due) in [
                    ("first_reply_time", d.first_response_due),
                    ("total_resolution_time", d.resolution_due),
                ] {
                    let m = policy["policy_metrics"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|m| {
                            m["priority"] == ticket.priority.as_str() && m["metric"] == metric
                        })
                        .unwrap_or_else(|| panic!("{case}: no {metric}"));
                    let seconds = m["target"].as_i64().unwrap() * 60;
                    let expected = if m["business_hours"] == json!(true) {
                        business += 1;
                        let route_key = match (d.incident, d.route) {
                            (Some(i), _) => format!("incident-{i}_queue"),
                            (None, Some(r)) => format!("route-{r}"),
                            (None, None) => String::new(),
                        };
                        let by_language = format!("{route_key}_{}", d.language);
                        let calendar = queue_schedule
                            .get(&route_key)
                            .or_else(|| queue_schedule.get(&by_language))
                            .unwrap_or(&schedule_of[&ticket.priority]);
                        ZendeskSchedule::read(&c, calendar).add(message.received_at, seconds)
                    } else {
                        message.received_at + SignedDuration::from_secs(seconds)
                    };
                    // Zendesk has no business-day target: a `bd` target is
                    // exported as that many of the calendar's usual days,
                    // which FIDELITY.md says; everything else is exact.
                    let target = ir
                        .severities
                        .iter()
                        .find(|x| x.priority == d.priority)
                        .unwrap();
                    let overridden = d.incident.is_some_and(|i| {
                        ir.incidents
                            .iter()
                            .any(|x| x.id == i && x.sla_overrides.contains_key(&target.id))
                    });
                    let days = if metric == "first_reply_time" {
                        target.first_response_business_days
                    } else {
                        target.resolution_business_days
                    };
                    if days > 0 && !overridden {
                        approximated += 1;
                        assert!(
                            fidelity.contains(&format!("{metric} of {days}bd is exported as")),
                            "{case}: {metric}"
                        );
                    } else {
                        assert_eq!(
                            due,
                            Some(expected),
                            "{case}: {metric}, priority {}, policy {}",
                            ticket.priority,
                            policy["title"]
                        );
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 2 * pb.samples.len() * modes.len() * authors.len());
    assert!(
        business >= 10,
        "business-hours deadlines are covered: {business}"
    );
    assert!(
        approximated < checked / 3,
        "most deadlines are exact: {approximated} of {checked} approximated"
    );
    // Every target of the policy for ordinary tickets was reached. (An
    // incident's tickets carry its tag's severity, so in the bundled
    // playbook they are all urgent.)
    for p in policies
        .iter()
        .filter(|p| p["filter"]["all"][0]["value"] == "carebook_decided")
    {
        for m in p["policy_metrics"].as_array().unwrap() {
            let key = (
                p["title"].as_str().unwrap().to_string(),
                m["priority"].as_str().unwrap().to_string(),
            );
            assert!(seen.contains(&key), "no sample reaches {key:?}");
        }
    }
}

#[test]
fn terraform_file_is_terraform_json_whose_references_resolve() {
    let c = Compiled::bundled();
    let tf = c.json("terraform/zendesk.tf.json");
    assert_eq!(
        tf["terraform"]["required_providers"]["zendesk"]["source"],
        json!("devops-wiz/zendesk")
    );
    let resources = tf["resource"].as_object().unwrap();
    let name_ok = |n: &str| {
        n.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    // Arguments the provider requires, from its resource docs.
    let required: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("zendesk_group", &["name"][..]),
        ("zendesk_schedule", &["name", "time_zone"][..]),
        ("zendesk_trigger_category", &["name"][..]),
        (
            "zendesk_trigger",
            &["title", "category_id", "conditions", "actions"][..],
        ),
        ("zendesk_macro", &["title", "actions"][..]),
        (
            "zendesk_automation",
            &["title", "conditions", "actions"][..],
        ),
        (
            "zendesk_sla_policy",
            &["title", "filter", "policy_metrics"][..],
        ),
    ]);
    for (kind, list) in resources {
        let args = required
            .get(kind.as_str())
            .unwrap_or_else(|| panic!("unexpected {kind}"));
        for (name, body) in list.as_object().unwrap() {
            assert!(name_ok(name), "{kind}.{name}");
            for a in *args {
                assert!(body.get(a).is_some(), "{kind}.{name} lacks {a}");
            }
        }
    }
    // Every `${...}` names a resource or variable the file defines.
    let text = fs::read_to_string(c.path("terraform/zendesk.tf.json")).unwrap();
    let variables = tf["variable"].as_object().cloned().unwrap_or_default();
    let mut refs = 0;
    for piece in text.split("${").skip(1) {
        if text.contains("$${") {
            panic!("no literal template in the bundled playbook");
        }
        let inner = piece.split('}').next().unwrap();
        let parts: Vec<&str> = inner.split('.').collect();
        match parts.as_slice() {
            ["var", v] => assert!(variables.contains_key(*v), "{inner}"),
            [kind, name, "id"] => assert!(
                resources.get(*kind).and_then(|r| r.get(*name)).is_some(),
                "{inner} is not defined"
            ),
            _ => panic!("unexpected reference {inner}"),
        }
        refs += 1;
    }
    assert!(refs > 80, "{refs}");
    // A trigger refers to its group and category by resource, not by id.
    let route = &resources["zendesk_trigger"]["route-care-ja"];
    assert_eq!(
        route["category_id"],
        json!("${zendesk_trigger_category.carebook.id}")
    );
    assert!(
        route["actions"]
            .as_array()
            .unwrap()
            .contains(&json!({"field": "group_id", "value": "${zendesk_group.care-tokyo.id}"}))
    );
    assert_eq!(
        variables["zendesk_language_field_id"]["default"],
        json!(360025000002u64)
    );
}

#[test]
fn snapshots_of_one_object_of_each_kind() {
    let c = Compiled::bundled();
    let text = |rel: &str| fs::read_to_string(c.path(rel)).unwrap();
    insta::assert_snapshot!(
        "trigger_route_care_ja",
        text("zendesk/triggers/083-route-care-ja.json")
    );
    insta::assert_snapshot!(
        "trigger_tag_baggage",
        text("zendesk/triggers/010-tag-baggage.json")
    );
    insta::assert_snapshot!(
        "sla_policy_severities",
        text("zendesk/sla_policies/02-severities.json")
    );
    insta::assert_snapshot!(
        "sla_policy_incident",
        text("zendesk/sla_policies/01-incident-winter-storm.json")
    );
    insta::assert_snapshot!(
        "schedule_dublin_office",
        format!(
            "{}{}",
            text("zendesk/schedules/dublin-office/schedule.json"),
            text("zendesk/schedules/dublin-office/workweek.json")
        )
    );
    insta::assert_snapshot!(
        "macro_delay_rebook_ja",
        text("zendesk/macros/delay-rebook_ja.json")
    );
    insta::assert_snapshot!("terraform", text("terraform/zendesk.tf.json"));
    insta::assert_snapshot!("fidelity", text("zendesk/FIDELITY.md"));
    insta::assert_snapshot!("terraform_fidelity", text("terraform/FIDELITY.md"));
}

#[test]
fn every_fidelity_warning_is_printed_and_written_for_reviewers() {
    let c = Compiled::bundled();
    let md = fs::read_to_string(c.path("zendesk/FIDELITY.md")).unwrap();
    let lines: Vec<&str> = c
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: zendesk "))
        .collect();
    assert!(lines.len() > 20);
    for line in lines {
        let (_, message) = line.split_once(": ").unwrap().1.split_once(": ").unwrap();
        assert!(
            md.contains(&format!("- {message}\n")),
            "not in FIDELITY.md: {line}"
        );
    }
    // Regular expressions are named, never dropped in silence.
    assert!(md.contains("## trigger `tag-spam`"));
    assert!(md.contains("regular expressions are not exported"));
    let tf = fs::read_to_string(c.path("terraform/FIDELITY.md")).unwrap();
    assert!(tf.contains("the provider has no holidays"));
    assert!(
        c.stderr
            .contains("warning: terraform zendesk_schedule `dublin-office`")
    );

    // Without --verbose, one line per target says how many and where.
    let dir = tempfile::tempdir().unwrap();
    let quiet = run(&[
        "compile",
        "-p",
        root().join("playbooks").to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    let zendesk_lines = c
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: zendesk "))
        .count();
    let summary =
        format!("warning: the zendesk export differs from the playbook in {zendesk_lines} places;");
    assert!(quiet.stderr.contains(&summary), "{}", quiet.stderr);
    assert_eq!(quiet.stderr.lines().count(), 2, "{}", quiet.stderr);
}

fn compile_fixture(dir: &Path) -> (crate::common::Output, PathBuf) {
    let out_dir = dir.join("out");
    let out = run_in(
        dir,
        &["compile", "-p", "pb", "--out", out_dir.to_str().unwrap()],
        None,
    );
    (out, out_dir)
}

#[test]
fn nothing_for_zendesk_when_the_target_is_off() {
    let tmp = playbook_from(None);
    let (out, dir) = compile_fixture(tmp.path());
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(dir.join("routing.json").exists());
    assert!(!dir.join("zendesk").exists());
    assert!(!dir.join("terraform").exists());
    assert!(!out.stderr.contains("warning:"), "{}", out.stderr);
}

#[test]
fn a_missing_id_is_a_named_placeholder_and_terraform_needs_none() {
    let tmp = playbook_from(Some(&fixtures().join("checks/CB502-zendesk-id-missing")));
    let (out, dir) = compile_fixture(tmp.path());
    assert_eq!(out.status, 0, "{}", out.transcript());
    let mut routed = 0;
    for entry in fs::read_dir(dir.join("zendesk/triggers")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        if text.contains("\"group_id\"") {
            routed += 1;
            assert!(
                text.contains("\"value\": \"UNMAPPED-groups.care\""),
                "{text}"
            );
        }
    }
    assert_eq!(routed, 2);
    let tf = fs::read_to_string(dir.join("terraform/zendesk.tf.json")).unwrap();
    assert!(!tf.contains("UNMAPPED"));
    assert!(tf.contains("${zendesk_group.care.id}"));
}

/// The bundled playbook with a mapping that names no id yet, compiled and
/// validated: CB502 asks for exactly the ids whose placeholders the REST
/// bodies hold, no more and no fewer.
#[test]
fn validate_asks_for_exactly_the_ids_the_bodies_hold() {
    let tmp = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&root().join("playbooks"), &tmp.path().join("pb"));
    fs::write(tmp.path().join("pb/zendesk.yaml"), "subdomain: auroraair\n").unwrap();
    let (out, dir) = compile_fixture(tmp.path());
    assert_eq!(out.status, 0, "{}", out.transcript());
    let mut placeholders = BTreeSet::new();
    for rel in ["triggers", "macros", "sla_policies", "groups"] {
        for entry in fs::read_dir(dir.join("zendesk").join(rel)).unwrap() {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            for piece in text.split("UNMAPPED-").skip(1) {
                let key: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || "._-".contains(*c))
                    .collect();
                placeholders.insert(key);
            }
        }
    }
    let validate = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--color", "never"],
        None,
    );
    let asked: BTreeSet<String> = validate
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("help: add `"))
        .filter_map(|l| l.split_once("` to the mapping"))
        .map(|(key, _)| key.to_string())
        .collect();
    assert!(placeholders.len() > 5, "{placeholders:?}");
    assert_eq!(asked, placeholders, "{}", validate.stdout);
}

/// Ids that look like other objects' keys (a tag `untagged` beside the
/// untagged decision, a tag `ugc-on-x` beside tag `ugc` on channel x, an
/// incident `storm-queue`, a route `vip-en`):
/// every object is one REST body and one Terraform resource, both under
/// its own key.
#[test]
fn ids_like_other_keys_lose_no_object_in_rest_or_terraform() {
    let tmp = playbook_from(Some(&fixtures().join("zendesk-keys")));
    let (out, dir) = compile_fixture(tmp.path());
    assert_eq!(out.status, 0, "{}", out.transcript());
    let tf: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("terraform/zendesk.tf.json")).unwrap())
            .unwrap();
    let resources = &tf["resource"];
    for (rest, resource, positioned) in [
        ("triggers", "zendesk_trigger", true),
        ("sla_policies", "zendesk_sla_policy", true),
        ("macros", "zendesk_macro", false),
        ("groups", "zendesk_group", false),
    ] {
        let mut keys: Vec<String> = fs::read_dir(dir.join("zendesk").join(rest))
            .unwrap()
            .map(|e| {
                let file = e.unwrap().file_name().into_string().unwrap();
                let stem = file.strip_suffix(".json").unwrap().to_string();
                match stem.split_once('-') {
                    Some((_, key)) if positioned => key.to_string(),
                    _ => stem,
                }
            })
            .collect();
        keys.sort();
        let mut names: Vec<String> = resources[resource]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        names.sort();
        assert_eq!(names, keys, "{rest}: REST bodies and {resource} resources");
    }
    // Each pair shared one key, and Terraform one resource, before keys
    // were unique by construction.
    for key in [
        "decide-untagged",
        "decide_untagged",
        "tag-ugc-on-x",
        "tag-ugc_on-x",
        "tag-ugc__on-fb",
        "tag-ugc_on-fb",
        "incident-storm-queue",
        "incident-storm_queue",
        "route-vip-en",
        "route-vip_en",
        "route-vip__en",
    ] {
        assert!(resources["zendesk_trigger"].get(key).is_some(), "{key}");
    }
    for key in ["incident-storm", "severities"] {
        assert!(resources["zendesk_sla_policy"].get(key).is_some(), "{key}");
    }
}

#[test]
fn every_macro_is_a_reply_the_customer_reads() {
    // A non-public comment is an internal note: a private reply must stay
    // a public comment, which Zendesk sends back as a private message.
    let dir = crate::common::root().join("compiled/zendesk/macros");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let body: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let actions = body["macro"]["actions"].as_array().unwrap();
        let public: Vec<&serde_json::Value> = actions
            .iter()
            .filter(|a| a["field"] == "comment_mode_is_public")
            .map(|a| &a["value"])
            .collect();
        assert_eq!(public, ["true"], "{}", path.display());
        seen += 1;
    }
    assert!(seen > 40, "{seen} macros");
}

/// The escalation chain a sample follows in carebook is the one the
/// Zendesk triggers tag its ticket with, and each rung a person takes is
/// an automation that never runs before the rung is due, at most two
/// hours after, on the clock (business hours or not) the router used.
#[test]
fn escalation_rungs_become_automations_that_never_run_early() {
    let c = Compiled::bundled();
    let pb = crate::common::bundled_playbook();
    let router = Router::new(&carebook::ir::lower(&pb)).unwrap();
    let tf = c.json("terraform/zendesk.tf.json");
    let triggers = tf["resource"]["zendesk_trigger"].as_object().unwrap();
    let automations = tf["resource"]["zendesk_automation"].as_object().unwrap();
    let conditions = |a: &Value| -> Vec<Value> {
        ["all", "any"]
            .iter()
            .flat_map(|l| a["conditions"][l].as_array().cloned().unwrap_or_default())
            .collect()
    };
    // Whether an automation is for tickets of this priority.
    let for_priority = |a: &Value, p: &str| -> bool {
        let all = a["conditions"]["all"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let any = a["conditions"]["any"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let is = |c: &Value| c["field"] != "priority" || c["value"] == p;
        all.iter().all(is) && (any.is_empty() || any.iter().any(|c| c["value"] == p))
    };
    let mut checked = 0;
    let mut skipped = 0;
    // Each sample as written, from a VIP (whose route has a chain of its
    // own) and from an influencer (whose boost brings its new priority's
    // chain).
    let vip = Author {
        handle: None,
        followers: 0,
        vip: true,
    };
    let influencer = Author {
        handle: None,
        followers: 10_000_000,
        vip: false,
    };
    let cases = pb
        .samples
        .iter()
        .filter(|s| s.incident.is_none())
        .flat_map(|s| {
            [
                (s, None),
                (s, Some(vip.clone())),
                (s, Some(influencer.clone())),
            ]
        });
    for (sample, author) in cases {
        let mut message = carebook::sampletest::message_of(&sample.value);
        if author.is_some() {
            message.author = author;
        }
        let d = router.decide(&message, &DecideOptions::default());
        let Some(first) = d.escalation.first() else {
            continue;
        };
        let mut tags: BTreeSet<String> = BTreeSet::new();
        let decide = match d.deciding_tag {
            Some(t) => format!("decide-{t}"),
            None => "decide_untagged".to_string(),
        };
        // A tag only a pattern sets has no trigger (see FIDELITY.md).
        if !triggers.contains_key(&decide) {
            skipped += 1;
            continue;
        }
        let route = d.route.map(|r| {
            let whole = format!("route-{r}");
            if triggers.contains_key(&whole) {
                whole
            } else {
                format!("{whole}_{}", d.language)
            }
        });
        // The decide trigger, the boost triggers the router's boosts fire
        // (each from the priority the ticket has by then), then the route's.
        let apply = |key: &str, tags: &mut BTreeSet<String>, priority: &mut String| {
            for a in triggers[key]["actions"].as_array().unwrap() {
                let value = a["value"].as_str().unwrap();
                let words = value.split(' ').map(String::from);
                match a["field"].as_str().unwrap() {
                    "current_tags" => tags.extend(words),
                    "remove_tags" => {
                        for w in words {
                            tags.remove(&w);
                        }
                    }
                    "priority" => *priority = value.to_string(),
                    _ => {}
                }
            }
        };
        let mut priority = String::new();
        apply(&decide, &mut tags, &mut priority);
        for kind in ["vip", "influencer", "emergency"] {
            if d.boosts
                .iter()
                .any(|b| format!("{b:?}").to_lowercase() == kind)
            {
                let key = format!("boost-{kind}-from-{priority}");
                if triggers.contains_key(&key) {
                    apply(&key, &mut tags, &mut priority);
                }
            }
        }
        assert_eq!(priority, d.priority.as_str(), "sample `{}`", sample.id);
        if let Some(key) = route {
            apply(&key, &mut tags, &mut priority);
        }
        let chains: Vec<&String> = tags
            .iter()
            .filter(|t| t.starts_with("carebook_chain_"))
            .collect();
        assert_eq!(
            chains,
            [&format!("carebook_chain_{}", first.chain)],
            "sample `{}`",
            sample.id
        );
        let offsets = chain_offsets(&pb, first.chain);
        for (i, rung) in d.escalation.iter().enumerate() {
            let n = i + 1;
            let done = format!("carebook_escalated_{}_{n}", first.chain);
            let mine: Vec<&Value> = automations
                .values()
                .filter(|a| {
                    conditions(a).contains(&json!({
                        "field": "current_tags", "operator": "not_includes", "value": done
                    })) && for_priority(a, d.priority.as_str())
                })
                .collect();
            if rung.automated {
                assert!(mine.is_empty(), "sample `{}` rung {n}", sample.id);
                continue;
            }
            assert_eq!(mine.len(), 1, "sample `{}` rung {n}", sample.id);
            let a = mine[0];
            let cs = conditions(a);
            // Open tickets of this chain, once: the action adds the tag
            // that the condition requires absent.
            for c in [
                json!({"field": "status", "operator": "less_than", "value": "solved"}),
                json!({"field": "current_tags", "operator": "includes",
                    "value": format!("carebook_chain_{}", first.chain)}),
            ] {
                assert!(cs.contains(&c), "sample `{}` rung {n} lacks {c}", sample.id);
            }
            assert!(
                a["actions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x["field"] == "current_tags"
                        && x["value"].as_str().unwrap().split(' ').any(|w| w == done)),
                "sample `{}` rung {n} never marks itself done",
                sample.id
            );
            let hours = cs.iter().find(|c| c["field"] == "NEW").unwrap();
            let business = hours["operator"] == "greater_than_business_hours";
            assert_eq!(
                business,
                matches!(d.clock, carebook::router::Clock::Business { .. }),
                "sample `{}` rung {n}: the router's clock",
                sample.id
            );
            // Zendesk counts whole hours: `greater_than h` holds from h+1
            // hours on, and the hourly run comes within the next hour.
            let h: u64 = hours["value"].as_str().unwrap().parse().unwrap();
            let due = offsets[i];
            assert!(
                (h + 1) * 3600 >= due,
                "sample `{}` rung {n} runs early",
                sample.id
            );
            assert!(
                (h + 2) * 3600 - due <= 2 * 3600,
                "sample `{}` rung {n} runs over two hours late",
                sample.id
            );
            if let Some(team) = rung.team {
                assert!(
                    a["actions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|x| x["field"] == "group_id"
                            && x["value"] == format!("${{zendesk_group.{team}.id}}")),
                    "sample `{}` rung {n} goes to {team}",
                    sample.id
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
    assert!(skipped < 15, "{skipped}");
}

/// Seconds from the message to each rung of a chain and its `then`s.
fn chain_offsets(pb: &carebook::load::Playbook, chain: &str) -> Vec<u64> {
    let ir = carebook::ir::lower(pb);
    let mut out = Vec::new();
    let mut total = 0;
    let mut current = Some(chain.to_string());
    let mut seen = Vec::new();
    while let Some(id) = current {
        if seen.contains(&id) {
            break;
        }
        let c = ir.chains.iter().find(|c| c.id == id).unwrap();
        for r in &c.rungs {
            total += r.after_seconds;
            out.push(total);
        }
        seen.push(id);
        current = c.then.clone();
    }
    out
}

/// The `outage` triggers of the zendesk-keys fixture with `context` added
/// to its tag, by title.
fn outage_triggers_with_context(context: &str) -> BTreeMap<String, Value> {
    let tmp = playbook_from(Some(&fixtures().join("zendesk-keys")));
    let tags = tmp.path().join("pb/tags.yaml");
    let text = fs::read_to_string(&tags).unwrap().replacen(
        "        pl: [awaria]\n",
        &format!("        pl: [awaria]\n      context:\n{context}"),
        1,
    );
    fs::write(&tags, text).unwrap();
    let (out, dir) = compile_fixture(tmp.path());
    assert_eq!(out.status, 0, "{}", out.transcript());
    let mut found = BTreeMap::new();
    for entry in fs::read_dir(dir.join("zendesk/triggers")).unwrap() {
        let body: Value =
            serde_json::from_str(&fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let t = &body["trigger"];
        let title = t["title"].as_str().unwrap();
        if title.starts_with("carebook: tag outage (") {
            found.insert(title.to_string(), t["conditions"].clone());
        }
    }
    found
}

/// A tag with context words is set in Zendesk by one trigger per context
/// condition (Zendesk cannot put alternatives among the conditions that
/// must all hold), each also needing one of the tag's keywords, when the
/// context has no fewer conditions than the keywords.
#[test]
fn context_words_become_one_trigger_per_context_condition() {
    let found =
        outage_triggers_with_context("        en: [network, whole street]\n        pl: [sieć]\n");
    let titles: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(
        titles,
        [
            "carebook: tag outage (context 1 of 2)",
            "carebook: tag outage (context 2 of 2)"
        ]
    );
    let context = |c: &Value| -> Vec<String> {
        c["all"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["field"] == "comment_includes_word")
            .map(|x| format!("{} {}", x["operator"], x["value"]))
            .collect()
    };
    let all: Vec<Vec<String>> = found.values().map(context).collect();
    assert_eq!(
        all,
        [
            vec![r#""includes" "network sieć""#.to_string()],
            vec![r#""is" "whole street""#.to_string()]
        ]
    );
    for c in found.values() {
        let any = c["any"].to_string();
        assert!(any.contains("outage") && any.contains("awaria"), "{any}");
    }
}

/// With fewer keyword conditions than context conditions, the triggers
/// split on the keywords instead, and the context goes in `any`: as few
/// triggers as the same rule needs.
#[test]
fn context_words_split_on_the_side_with_fewer_conditions() {
    let found = outage_triggers_with_context("        en: [network, whole street, no signal]\n");
    let titles: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(
        titles,
        [
            "carebook: tag outage (keyword 1 of 2)",
            "carebook: tag outage (keyword 2 of 2)"
        ]
    );
    for c in found.values() {
        let any = c["any"].to_string();
        assert!(
            any.contains("network") && any.contains("whole street") && any.contains("no signal"),
            "{any}"
        );
    }
}

/// A follow-up on a macro waits for the tag the exported macro adds, two
/// business days as two of Dublin's usual 12-hour days; the bot's
/// hand-off triggers come after every route, so their group wins.
#[test]
fn follow_ups_wait_for_their_macro_and_handoffs_come_after_the_routes() {
    let c = Compiled::bundled();
    let sent = json!({"field": "current_tags", "value": "carebook_sent_refund-status"});
    for lang in ["en", "ja", "th", "pl", "et"] {
        let m = c.json(&format!("zendesk/macros/refund-status_{lang}.json"));
        let actions = m["macro"]["actions"].as_array().unwrap();
        assert!(actions.contains(&sent), "refund-status_{lang}: {actions:?}");
    }
    let a = &c.json("zendesk/automations/20-followup-refund-check-back.json")["automation"];
    let all = a["conditions"]["all"].as_array().unwrap();
    assert!(all.contains(&json!({"field": "current_tags", "operator": "includes", "value": "carebook_sent_refund-status"})));
    assert!(all.contains(&json!({"field": "assignee_updated_at", "operator": "greater_than_business_hours", "value": "23"})));
    let silent = &c.json("zendesk/automations/21-followup-customer-silent.json")["automation"];
    assert!(
        silent["conditions"]["all"]
            .as_array()
            .unwrap()
            .contains(&json!({"field": "status", "operator": "is", "value": "pending"}))
    );
    assert_eq!(
        silent["actions"],
        json!([{"field": "status", "value": "open"}])
    );

    let names: Vec<String> = c
        .files("zendesk/triggers")
        .iter()
        .filter_map(|f| f.rsplit('/').next().map(str::to_string))
        .collect();
    let last_route = names.iter().rposition(|n| n[4..].starts_with("route-"));
    let handoffs: Vec<&String> = names
        .iter()
        .filter(|n| n[4..].starts_with("handoff-"))
        .collect();
    assert_eq!(
        handoffs,
        [
            "089-handoff-severity.json",
            "090-handoff-tag.json",
            "091-handoff-audience.json"
        ]
    );
    assert!(last_route < names.iter().position(|n| n[4..].starts_with("handoff-")));
    let t = &c.json("zendesk/triggers/089-handoff-severity.json")["trigger"];
    assert!(
        t["actions"]
            .as_array()
            .unwrap()
            .contains(&json!({"field": "group_id", "value": "360011000102"}))
    );
}
