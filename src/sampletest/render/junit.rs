//! The test run as JUnit XML, one testcase per sample, for the test
//! report views of CI systems. A failure's body is the decision trace.

use std::fmt::Write as _;

use crate::router::explain::explain;
use crate::sampletest::Outcome;
use crate::xml::escape;

pub fn render(outcomes: &[Outcome]) -> String {
    let failed = super::failed(outcomes);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"carebook\" tests=\"{}\" failures=\"{failed}\">",
        outcomes.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"samples\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">",
        outcomes.len()
    );
    for o in outcomes {
        let _ = write!(
            out,
            "    <testcase classname=\"samples\" name=\"{}\"",
            escape(o.sample.id.as_str())
        );
        if o.passed() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let summary: Vec<String> = o.mismatches.iter().map(super::mismatch_line).collect();
        let _ = writeln!(
            out,
            "      <failure message=\"{}\">",
            escape(&summary.join("; "))
        );
        for line in explain(&o.decision, &o.message) {
            let _ = writeln!(out, "{}", escape(&line));
        }
        out.push_str("      </failure>\n    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
