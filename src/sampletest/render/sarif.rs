//! Failing samples as SARIF 2.1.0 results, one rule for them all, each
//! located at the sample in its file, for code scanning.

use serde_json::json;

use crate::diagnostic::render::sarif;
use crate::sampletest::Outcome;
use crate::source::Sources;

/// The one rule every failing sample breaks; shared with nothing else, so
/// code scanning can tell sample failures from diagnostics.
pub const RULE_ID: &str = "sample-failed";

pub fn render(outcomes: &[Outcome], sources: &Sources) -> String {
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
                "message": {"text": super::failure_summary(o)},
                "locations": [sarif::location(&label, sources)],
            })
        })
        .collect();
    sarif::document(vec![rule], results)
}
