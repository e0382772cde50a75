//! The test run as one JSON document: each sample with its mismatches and
//! full decision, the pass and fail counts, and the coverage when asked.

use crate::sampletest::{Coverage, Outcome};

pub fn render(outcomes: &[Outcome], coverage: Option<&Coverage>) -> String {
    let results: Vec<serde_json::Value> = outcomes
        .iter()
        .map(|o| {
            serde_json::json!({
                "id": o.sample.id.as_str(),
                "passed": o.passed(),
                "mismatches": o.mismatches,
                "decision": o.decision,
            })
        })
        .collect();
    let failed = super::failed(outcomes);
    let report = serde_json::json!({
        "samples": results,
        "summary": {"passed": outcomes.len() - failed, "failed": failed},
        "coverage": coverage,
    });
    crate::json::pretty(&report)
}
