//! The outcomes of a test run as text for people, JSON for programs,
//! JUnit XML for CI test reports, and SARIF and GitHub annotations that
//! point at each failing sample in its file.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use super::{Coverage, Mismatch, Outcome};
use crate::source::Sources;

/// The output formats of a test run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Junit,
    /// SARIF 2.1.0: a result per failing sample, for code scanning.
    Sarif,
    /// GitHub Actions annotations on each failing sample.
    Github,
}

/// Renders `outcomes` in `format`. `verbose` (passing samples listed too)
/// applies to `human`; `coverage` to `human` and `json`.
pub fn render(
    format: Format,
    outcomes: &[Outcome],
    sources: &Sources,
    verbose: bool,
    coverage: Option<&Coverage>,
) -> String {
    match format {
        Format::Human => human::render(outcomes, sources, verbose, coverage),
        Format::Json => json::render(outcomes, coverage),
        Format::Junit => junit::render(outcomes),
        Format::Sarif => sarif::render(outcomes, sources),
        Format::Github => github::render(outcomes, sources),
    }
}

fn failed(outcomes: &[Outcome]) -> usize {
    outcomes.iter().filter(|o| !o.passed()).count()
}

/// `field: expected X, got Y`: a mismatch on one line, for CI reports.
fn mismatch_line(m: &Mismatch) -> String {
    format!("{}: expected {}, got {}", m.field, m.expected, m.actual)
}

/// A failing sample for annotations: its id, then a line per mismatch.
fn failure_summary(o: &Outcome) -> String {
    let lines: Vec<String> = o.mismatches.iter().map(mismatch_line).collect();
    format!("sample `{}` failed\n{}", o.sample.id, lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every format on the bundled playbook's samples, the first made to
    /// fail on a field whose values need escaping in XML.
    #[test]
    fn each_format_reports_the_failing_sample_alone() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks");
        let validated = crate::validate(&dir, &Default::default()).expect("bundled playbook");
        let pb = validated.valid().expect("the bundled playbook is valid");
        let router = crate::router::Router::new(&crate::ir::lower(pb)).expect("router");
        let mut outcomes = crate::sampletest::run(pb, &router);
        assert!(outcomes.len() >= 2, "the bundled playbook has samples");
        outcomes[0].mismatches.push(Mismatch {
            field: "team",
            expected: "<care & co>".to_string(),
            actual: "\"social\"".to_string(),
        });
        let sources = &validated.sources;
        let report = |format| render(format, &outcomes, sources, false, None);

        let junit = report(Format::Junit);
        assert_eq!(junit.matches("<testcase ").count(), outcomes.len());
        assert_eq!(junit.matches("<failure ").count(), 1);
        assert!(
            junit.contains(
                "<failure message=\"team: expected &lt;care &amp; co&gt;, got &quot;social&quot;\">"
            ),
            "{junit}"
        );

        let github = report(Format::Github);
        assert_eq!(github.lines().count(), 1, "{github}");
        assert!(github.starts_with("::error file="), "{github}");

        let sarif: serde_json::Value = serde_json::from_str(&report(Format::Sarif)).expect("JSON");
        let results = sarif["runs"][0]["results"].as_array().expect("results");
        assert_eq!(results.len(), 1);
        assert_eq!(results[0]["ruleId"], sarif::RULE_ID);

        let human = report(Format::Human);
        assert_eq!(human.lines().filter(|l| l.starts_with("FAIL ")).count(), 1);
        assert!(
            human.contains("  team:\n    expected: <care & co>\n"),
            "{human}"
        );
        assert!(human.ends_with(" passed, 1 failed\n"), "{human}");
    }
}
