//! `carebook test` in the CI formats: failing samples as SARIF results and
//! as GitHub annotations, each pointing at the sample in its file.

use serde_json::json;

use crate::diagnostic::render::{repo_position, sarif};
use crate::sampletest::Outcome;
use crate::source::Sources;

const RULE_ID: &str = "sample-failed";

/// One line per mismatch: what the sample expected and what happened.
fn summary(o: &Outcome) -> String {
    let lines: Vec<String> = o
        .mismatches
        .iter()
        .map(|m| format!("{}: expected {}, got {}", m.field, m.expected, m.actual))
        .collect();
    format!("sample `{}` failed\n{}", o.sample.id, lines.join("\n"))
}

pub fn sarif(outcomes: &[Outcome], sources: &Sources) -> String {
    let rule = json!({
        "id": RULE_ID,
        "name": RULE_ID,
        "shortDescription": {"text": "A sample message is not routed as it expects"},
        "fullDescription": {"text": "The sample's expected tags, route, team or escalation differ from what the router decided."},
        "help": {
            "text": "Run `carebook test` for expected against actual and the decision trace.",
            "markdown": "Run `carebook test` for expected against actual and the decision trace."
        },
        "defaultConfiguration": {"level": "error"},
    });
    let results = outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(|o| {
            let label = o.sample.loc.label(sources);
            json!({
                "ruleId": RULE_ID,
                "ruleIndex": 0,
                "level": "error",
                "message": {"text": summary(o)},
                "locations": [sarif::location(&label, sources)],
            })
        })
        .collect();
    sarif::document(vec![rule], results)
}

pub fn github(outcomes: &[Outcome], sources: &Sources) -> String {
    let mut out = String::new();
    for o in outcomes.iter().filter(|o| !o.passed()) {
        let p = repo_position(&o.sample.loc.label(sources), sources);
        out.push_str(&crate::diagnostic::render::github::command(
            "error",
            &[
                ("file", p.file.as_str()),
                ("line", &p.line.to_string()),
                ("col", &p.column.to_string()),
                ("title", &format!("sample {} failed", o.sample.id)),
            ],
            &summary(o),
        ));
    }
    out
}
