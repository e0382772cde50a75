//! Every object of the Zendesk and Terraform exports against the tables
//! the API client and the Terraform provider validate with, transcribed
//! in `tests/data/zendesk-api-tables.json` (sources and commits named at
//! its top): which fields a trigger, automation, macro or SLA policy may
//! use, with which operators and values, which metric names and keys a
//! body may hold, and which attributes each Terraform resource has. A
//! body outside the tables fails here, before a real account refuses it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::root;
use regex::bytes::{Regex, RegexBuilder};
use serde_json::{Value, json};

fn tables() -> Value {
    let text = fs::read_to_string(root().join("tests/data/zendesk-api-tables.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The bundled playbook compiled into a temporary directory.
fn compiled() -> tempfile::TempDir {
    crate::common::compile_bundled().0
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

/// go-zendesk's patterns are Go regular expressions, whose `\d` and `\s`
/// are ASCII; matched as Go does, anywhere in the text.
fn go_regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern).unicode(false).build().unwrap()
}

/// The REST tables: field rules for conditions and actions, and the keys
/// each object may hold.
struct Rest<'t> {
    t: &'t Value,
}

impl<'t> Rest<'t> {
    /// The rule for a field: its own, or its prefix's (`custom_fields_`).
    fn rule(&self, kind: &str, field: &str) -> Result<(&'t Value, Option<String>), String> {
        let table = &self.t["rest"][kind];
        if let Some(rule) = table.get(field) {
            return Ok((rule, None));
        }
        table
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, r)| r["prefix"] == json!(true))
            .find_map(|(prefix, r)| {
                field
                    .strip_prefix(prefix.as_str())
                    .map(|rest| (r, Some(rest.to_string())))
            })
            .ok_or_else(|| format!("`{field}` is no {kind} field"))
    }

    fn value_matches(rule: &Value, value: &Value, suffix: Option<&str>) -> Result<(), String> {
        let Some(pattern) = rule["value_regex"].as_str() else {
            return Ok(());
        };
        let re = go_regex(pattern);
        let subject = if rule["regex_applies_to"] == json!("field_suffix") {
            suffix.unwrap_or("").to_string()
        } else {
            match value {
                Value::String(s) => s.clone(),
                other => return Err(format!("value {other} is not a string")),
            }
        };
        if re.is_match(subject.as_bytes()) {
            Ok(())
        } else {
            Err(format!("`{subject}` does not match {pattern}"))
        }
    }

    fn condition(&self, resource: &str, c: &Value) -> Result<(), String> {
        self.keys("condition_keys", c)?;
        let field = c["field"].as_str().ok_or("no field")?;
        let (rule, suffix) = self.rule("conditions", field)?;
        if !strings(&rule["resources"]).contains(&resource) {
            return Err(format!("`{field}` is not allowed in a {resource}"));
        }
        let operator = c["operator"].as_str().unwrap_or("");
        let operators = strings(&rule["operators"]);
        if !operators.is_empty() && !operators.contains(&operator) {
            return Err(format!("`{field}` takes no operator `{operator}`"));
        }
        Self::value_matches(rule, &c["value"], suffix.as_deref())
            .map_err(|e| format!("`{field}`: {e}"))
    }

    fn conditions(&self, resource: &str, c: &Value) -> Result<(), String> {
        self.keys("conditions_keys", c)?;
        for list in ["all", "any"] {
            for item in c[list].as_array().into_iter().flatten() {
                self.condition(resource, item)
                    .map_err(|e| format!("{list}: {e}"))?;
            }
        }
        Ok(())
    }

    fn action(&self, resource: &str, a: &Value) -> Result<(), String> {
        self.keys("action_keys", a)?;
        let field = a["field"].as_str().ok_or("no field")?;
        let (rule, suffix) = self.rule("actions", field)?;
        if !strings(&rule["resources"]).contains(&resource) {
            return Err(format!("action `{field}` is not allowed in a {resource}"));
        }
        Self::value_matches(rule, &a["value"], suffix.as_deref())
            .map_err(|e| format!("action `{field}`: {e}"))
    }

    fn actions(&self, resource: &str, list: &Value) -> Result<(), String> {
        for a in list.as_array().ok_or("actions are not a list")? {
            self.action(resource, a)?;
        }
        Ok(())
    }

    /// Zendesk's rules for an automation: a time-based condition in
    /// `all`, and a condition that its own actions make false, so that
    /// it does not act on the same ticket every hour.
    fn runs_once(&self, a: &Value) -> Result<(), String> {
        let timed = strings(&self.t["rest"]["time_based_conditions"]);
        let all = a["conditions"]["all"]
            .as_array()
            .ok_or("no `all` conditions")?;
        if !all
            .iter()
            .any(|c| timed.contains(&c["field"].as_str().unwrap_or("")))
        {
            return Err("no time-based condition".into());
        }
        let added: Vec<&str> = a["actions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|x| x["field"] == "current_tags")
            .flat_map(|x| x["value"].as_str().unwrap_or("").split(' '))
            .collect();
        let nullified = all.iter().any(|c| {
            c["field"] == "current_tags"
                && c["operator"] == "not_includes"
                && c["value"]
                    .as_str()
                    .unwrap_or("")
                    .split(' ')
                    .any(|t| added.contains(&t))
        });
        // Or it waits on a status that its actions change (a follow-up on
        // a pending ticket re-opens it).
        let set_status: Vec<&str> = a["actions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|x| x["field"] == "status")
            .filter_map(|x| x["value"].as_str())
            .collect();
        let leaves_status = all.iter().any(|c| {
            c["field"] == "status"
                && c["operator"] == "is"
                && set_status.iter().any(|s| Some(*s) != c["value"].as_str())
        });
        if nullified || leaves_status {
            Ok(())
        } else {
            Err("no condition that its actions make false".into())
        }
    }

    fn keys(&self, table: &str, object: &Value) -> Result<(), String> {
        let allowed = strings(&self.t["rest"][table]);
        for key in object.as_object().ok_or("not an object")?.keys() {
            if !allowed.contains(&key.as_str()) {
                return Err(format!("key `{key}` is not in {table}"));
            }
        }
        Ok(())
    }

    fn sla_policy(&self, p: &Value) -> Result<(), String> {
        let sla = &self.t["rest"]["sla_policy"];
        let keys = strings(&sla["policy_keys"]);
        for key in p.as_object().ok_or("not an object")?.keys() {
            if !keys.contains(&key.as_str()) {
                return Err(format!("SLA policy key `{key}`"));
            }
        }
        self.conditions("sla", &p["filter"])?;
        let metrics: Vec<&str> = strings(&sla["metrics"])
            .into_iter()
            .chain(
                sla["metrics_beyond_go_zendesk"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str),
            )
            .collect();
        let priorities = strings(&sla["priorities"]);
        for m in p["policy_metrics"].as_array().ok_or("no policy_metrics")? {
            let keys = strings(&sla["policy_metric_keys"]);
            for key in m.as_object().unwrap().keys() {
                if !keys.contains(&key.as_str()) {
                    return Err(format!("policy metric key `{key}`"));
                }
            }
            let metric = m["metric"].as_str().unwrap_or("");
            if !metrics.contains(&metric) {
                return Err(format!("no SLA metric `{metric}`"));
            }
            let priority = m["priority"].as_str().unwrap_or("");
            if !priorities.contains(&priority) {
                return Err(format!("no priority `{priority}`"));
            }
            if !m["target"].is_u64() || !m["business_hours"].is_boolean() {
                return Err(format!("target or business_hours of the wrong type in {m}"));
            }
        }
        Ok(())
    }

    /// One REST file by its directory under `zendesk/`.
    fn file(&self, kind: &str, body: &Value) -> Result<(), String> {
        match kind {
            "triggers" => {
                let t = &body["trigger"];
                self.keys("trigger_keys", t)?;
                self.conditions("trigger", &t["conditions"])?;
                self.actions("trigger", &t["actions"])
            }
            "automations" => {
                let a = &body["automation"];
                self.keys("automation_keys", a)?;
                self.conditions("automation", &a["conditions"])?;
                self.actions("automation", &a["actions"])?;
                self.runs_once(a)
            }
            "macros" => {
                let m = &body["macro"];
                self.keys("macro_keys", m)?;
                self.actions("macro", &m["actions"])
            }
            "sla_policies" => self.sla_policy(&body["sla_policy"]),
            "groups" => self.keys("group_keys", &body["group"]),
            "trigger_categories" => self.keys("trigger_category_keys", &body["trigger_category"]),
            "schedules" => {
                if let Some(s) = body.get("schedule") {
                    self.keys("schedule_keys", s)
                } else if let Some(w) = body.get("workweek") {
                    self.keys("workweek_keys", w)?;
                    for i in w["intervals"].as_array().ok_or("no intervals")? {
                        self.keys("schedule_interval_keys", i)?;
                    }
                    Ok(())
                } else if body.get("holiday").is_some() {
                    // go-zendesk has no holidays; their shape is checked
                    // against the API reference's schema in tests/integration/zendesk.rs.
                    Ok(())
                } else {
                    Err("neither schedule, workweek nor holiday".into())
                }
            }
            other => Err(format!("no table for `{other}`")),
        }
    }
}

#[test]
fn every_rest_body_is_inside_the_clients_tables() {
    let t = tables();
    let rest = Rest { t: &t };
    let dir = compiled();
    let zendesk = dir.path().join("zendesk");
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for path in files(&zendesk) {
        let rel = path.strip_prefix(&zendesk).unwrap();
        let kind = rel.iter().next().unwrap().to_string_lossy().to_string();
        if let Err(e) = rest.file(&kind, &read(&path)) {
            panic!("zendesk/{}: {e}", rel.display());
        }
        *counts.entry(kind).or_default() += 1;
    }
    for kind in [
        "triggers",
        "macros",
        "sla_policies",
        "groups",
        "schedules",
        "trigger_categories",
        "automations",
    ] {
        assert!(counts.get(kind).is_some_and(|&n| n > 0), "{counts:?}");
    }
}

/// The check itself refuses what the API refuses: a priority in an SLA
/// filter, a made-up operator or field, a metric Zendesk does not have,
/// an action a macro cannot take, a key the body cannot hold.
#[test]
fn the_tables_refuse_bodies_the_api_refuses() {
    let t = tables();
    let rest = Rest { t: &t };
    let tag = json!({"field": "current_tags", "operator": "includes", "value": "vip"});
    let policy = |filter: Value, metric: &str| {
        json!({"sla_policy": {"title": "t", "position": 1, "filter": {"all": [filter], "any": []},
            "policy_metrics": [{"priority": "urgent", "metric": metric, "target": 15, "business_hours": false}]}})
    };
    assert_eq!(
        rest.file("sla_policies", &policy(tag.clone(), "first_reply_time")),
        Ok(())
    );
    let refused = [
        (
            "sla_policies",
            policy(
                json!({"field": "priority", "operator": "is", "value": "urgent"}),
                "first_reply_time",
            ),
        ),
        ("sla_policies", policy(tag.clone(), "first_response_time")),
        (
            "triggers",
            json!({"trigger": {"title": "t", "conditions": {"all": [
                {"field": "current_tags", "operator": "is", "value": "vip"}]}, "actions": []}}),
        ),
        (
            "triggers",
            json!({"trigger": {"title": "t", "conditions": {"all": [
                {"field": "priority", "operator": "is", "value": "critical"}]}, "actions": []}}),
        ),
        (
            "triggers",
            json!({"trigger": {"title": "t", "conditions": {"all": [
                {"field": "custom_fields_${var.x}", "operator": "is", "value": "x"}]}, "actions": []}}),
        ),
        (
            "triggers",
            json!({"trigger": {"title": "t", "conditions": {"all": [tag]},
                "actions": [{"field": "comment_value", "value": "hi"}]}}),
        ),
        (
            "macros",
            json!({"macro": {"title": "t", "actions": [{"field": "notification_group", "value": "1"}]}}),
        ),
        ("groups", json!({"group": {"name": "g", "colour": "blue"}})),
        (
            "automations",
            json!({"automation": {"title": "a", "conditions": {"all": [
                {"field": "update_type", "operator": "is", "value": "Create"}]}, "actions": []}}),
        ),
        // Would act on the ticket every hour.
        (
            "automations",
            json!({"automation": {"title": "a", "conditions": {"all": [
                {"field": "NEW", "operator": "greater_than", "value": "2"}]},
                "actions": [{"field": "priority", "value": "high"}]}}),
        ),
        // Sets the status it waits on: acts every hour as well.
        (
            "automations",
            json!({"automation": {"title": "a", "conditions": {"all": [
                {"field": "status", "operator": "is", "value": "pending"},
                {"field": "PENDING", "operator": "greater_than", "value": "23"}]},
                "actions": [{"field": "status", "value": "pending"}]}}),
        ),
        // Has no clock.
        (
            "automations",
            json!({"automation": {"title": "a", "conditions": {"all": [
                {"field": "current_tags", "operator": "not_includes", "value": "done"}]},
                "actions": [{"field": "current_tags", "value": "done"}]}}),
        ),
    ];
    for (kind, body) in refused {
        assert!(rest.file(kind, &body).is_err(), "accepted {body}");
    }
}

/// The Terraform provider's schema: which attributes each resource and
/// each nested object may have, which are required, and the fields its
/// condition and action validators accept.
struct Provider<'t> {
    t: &'t Value,
}

impl Provider<'_> {
    fn attributes(&self, schema: &Value, object: &Value, at: &str) -> Result<(), String> {
        let declared = schema.as_object().ok_or(format!("no schema for {at}"))?;
        let given = object.as_object().ok_or(format!("{at} is not an object"))?;
        for key in given.keys() {
            if !declared.contains_key(key) {
                return Err(format!("{at}: no attribute `{key}`"));
            }
            if declared[key]["computed"] == json!(true) && declared[key]["optional"] != json!(true)
            {
                return Err(format!("{at}: `{key}` is read-only"));
            }
            // A Terraform reference stands for a value of any type.
            let value = &given[key];
            let reference = value
                .as_str()
                .is_some_and(|v| v.starts_with("${") && v.ends_with('}'));
            let fits = match declared[key]["type"].as_str().unwrap_or("") {
                "string" => value.is_string(),
                "number" => value.is_number() || reference,
                "bool" => value.is_boolean(),
                "list" | "set" => value.is_array(),
                "object" | "map" => value.is_object(),
                _ => true,
            };
            if !fits {
                return Err(format!(
                    "{at}: `{key}` should be a {}, is {value}",
                    declared[key]["type"]
                ));
            }
        }
        for (key, a) in declared {
            if a["required"] == json!(true) && !given.contains_key(key) {
                return Err(format!("{at}: required `{key}` is missing"));
            }
        }
        Ok(())
    }

    /// A condition or action's field, after the provider turns
    /// `custom_field` + `custom_field_id` into the API's name.
    fn field(&self, list: &str, item: &Value, at: &str) -> Result<(), String> {
        let field = item["field"].as_str().unwrap_or("");
        let aliases = &self.t["terraform"][format!("{list}_field_aliases")];
        if aliases.get(field).is_some() {
            return match item.get("custom_field_id") {
                Some(Value::String(id)) if id.starts_with("${") || id.parse::<u64>().is_ok() => {
                    Ok(())
                }
                Some(Value::Number(_)) => Ok(()),
                other => Err(format!(
                    "{at}: `{field}` needs custom_field_id, has {other:?}"
                )),
            };
        }
        if field.ends_with('_') || field.contains("${") {
            return Err(format!(
                "{at}: `{field}` is not how the provider writes a custom field"
            ));
        }
        if strings(&self.t["terraform"][format!("{list}_fields")]).contains(&field) {
            Ok(())
        } else {
            Err(format!("{at}: no {list} field `{field}`"))
        }
    }

    fn resource(&self, kind: &str, name: &str, body: &Value) -> Result<(), String> {
        let schema = &self.t["terraform"][kind];
        let at = format!("{kind}.{name}");
        self.attributes(&schema["attributes"], body, &at)?;
        let nested = &schema["nested"];
        for (attribute, lists) in [("conditions", true), ("filter", true), ("actions", false)] {
            let Some(value) = body.get(attribute) else {
                continue;
            };
            if lists {
                self.attributes(&nested[attribute], value, &format!("{at}.{attribute}"))?;
                for list in ["all", "any"] {
                    let path = format!("{attribute}.{list}");
                    for c in value[list].as_array().into_iter().flatten() {
                        self.attributes(&nested[&path], c, &format!("{at}.{path}"))?;
                        self.field("condition", c, &at)?;
                    }
                }
            } else {
                for a in value.as_array().ok_or(format!("{at}: actions"))? {
                    self.attributes(&nested[attribute], a, &format!("{at}.actions"))?;
                    self.field("action", a, &at)?;
                }
            }
        }
        if let Some(metrics) = body.get("policy_metrics") {
            for m in metrics.as_array().unwrap() {
                self.attributes(
                    &nested["policy_metrics"],
                    m,
                    &format!("{at}.policy_metrics"),
                )?;
            }
        }
        if let Some(intervals) = body.get("intervals") {
            self.attributes(&nested["intervals"], intervals, &format!("{at}.intervals"))?;
            for (day, hours) in intervals.as_object().unwrap() {
                let path = format!("intervals.{day}");
                self.attributes(&nested[&path], hours, &format!("{at}.{path}"))?;
            }
        }
        Ok(())
    }
}

#[test]
fn every_terraform_resource_is_inside_the_providers_schema() {
    let t = tables();
    let provider = Provider { t: &t };
    let dir = compiled();
    let tf = read(&dir.path().join("terraform/zendesk.tf.json"));
    let mut kinds = Vec::new();
    for (kind, resources) in tf["resource"].as_object().unwrap() {
        assert!(
            t["terraform"].get(kind).is_some(),
            "no provider schema transcribed for {kind}"
        );
        for (name, body) in resources.as_object().unwrap() {
            if let Err(e) = provider.resource(kind, name, body) {
                panic!("{e}");
            }
        }
        kinds.push(kind.as_str());
    }
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "zendesk_automation",
            "zendesk_group",
            "zendesk_macro",
            "zendesk_schedule",
            "zendesk_sla_policy",
            "zendesk_trigger",
            "zendesk_trigger_category"
        ]
    );
}

#[test]
fn the_provider_schema_refuses_what_terraform_would() {
    let t = tables();
    let provider = Provider { t: &t };
    let trigger = |condition: Value| {
        json!({"title": "t", "category_id": "${zendesk_trigger_category.c.id}",
            "conditions": {"all": [condition]}, "actions": [{"field": "priority", "value": "high"}]})
    };
    let good = trigger(
        json!({"field": "custom_field", "custom_field_id": "${var.f}",
        "operator": "is", "value": "x"}),
    );
    assert_eq!(provider.resource("zendesk_trigger", "ok", &good), Ok(()));
    for bad in [
        // The REST name, which the provider reads back differently.
        trigger(json!({"field": "custom_fields_${var.f}", "operator": "is", "value": "x"})),
        trigger(json!({"field": "custom_field", "operator": "is", "value": "x"})),
        trigger(json!({"field": "colour", "operator": "is", "value": "x"})),
        trigger(json!({"field": "priority", "operator": "is", "value": "x", "note": "n"})),
        json!({"title": "t", "conditions": {"all": []}, "actions": []}),
    ] {
        assert!(
            provider.resource("zendesk_trigger", "bad", &bad).is_err(),
            "accepted {bad}"
        );
    }
}
