//! Failing samples for people: expected against actual for each field,
//! then the decision trace that explains the actual.

use std::fmt::Write as _;

use crate::diagnostic::render::{plural, position};
use crate::router::explain::explain;
use crate::sampletest::{Coverage, Outcome};
use crate::source::Sources;

pub fn render(
    outcomes: &[Outcome],
    sources: &Sources,
    verbose: bool,
    coverage: Option<&Coverage>,
) -> String {
    let mut out = String::new();
    for o in outcomes {
        if o.passed() {
            if verbose {
                let _ = writeln!(out, "PASS {}", o.sample.id);
            }
            continue;
        }
        let at = position(&o.sample.loc.label(sources), sources);
        let _ = writeln!(out, "FAIL {} ({}:{})", o.sample.id, at.file, at.line);
        for m in &o.mismatches {
            let _ = writeln!(
                out,
                "  {}:\n    expected: {}\n    actual:   {}",
                m.field, m.expected, m.actual
            );
        }
        let _ = writeln!(out, "  trace:");
        for line in explain(&o.decision, &o.message) {
            let _ = writeln!(out, "    {line}");
        }
    }
    let failed = super::failed(outcomes);
    let _ = writeln!(
        out,
        "{}: {} passed, {} failed",
        plural(outcomes.len(), "sample"),
        outcomes.len() - failed,
        failed
    );
    if let Some(c) = coverage {
        let _ = writeln!(
            out,
            "coverage: {:.1}% ({} of {} tags, routes and escalation rungs exercised)",
            c.percent(),
            c.exercised,
            c.total
        );
        for (what, items) in [
            ("tags", &c.tags),
            ("routes", &c.routes),
            ("escalation rungs", &c.rungs),
        ] {
            if !items.is_empty() {
                let _ = writeln!(out, "  untested {what}: {}", items.join(", "));
            }
        }
    }
    out
}
