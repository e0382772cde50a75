//! `carebook test`: every sample message's expectations, with expected
//! against actual and the decision trace for each failure.

use std::fmt::Write as _;

use clap::Args;

use super::{EXIT_OK, EXIT_PROBLEMS, PlaybookDir, print, router_for};
use crate::router::explain::explain;
use crate::sampletest::{self, Outcome};

#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub playbook: PlaybookDir,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: TestFormat,
    /// Also list passing samples.
    #[arg(short, long)]
    pub verbose: bool,
    /// Report tags, routes and escalation rungs that no sample exercises.
    #[arg(long)]
    pub coverage: bool,
    /// Fail when less than this share (percent) of tags, routes and rungs is exercised.
    #[arg(long, value_name = "PERCENT", requires = "coverage", value_parser = percent)]
    pub min_coverage: Option<f64>,
}

/// A share from 0 to 100.
fn percent(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not a share from 0 to 100"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TestFormat {
    Human,
    Json,
    Junit,
    /// SARIF 2.1.0: a result per failing sample, for code scanning.
    Sarif,
    /// GitHub Actions annotations on each failing sample.
    Github,
}

pub fn run(args: TestArgs) -> i32 {
    let (checked, router) = match router_for(&args.playbook.resolved()) {
        Ok(x) => x,
        Err(status) => return status,
    };
    let outcomes = sampletest::run(&checked.playbook, &router);
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    let coverage = args
        .coverage
        .then(|| sampletest::coverage(&router, &outcomes));
    let text = match args.format {
        TestFormat::Human => human(&outcomes, &checked.sources, args.verbose, coverage.as_ref()),
        TestFormat::Json => json(&outcomes, coverage.as_ref()),
        TestFormat::Junit => junit(&outcomes),
        TestFormat::Sarif => super::test_ci::sarif(&outcomes, &checked.sources),
        TestFormat::Github => super::test_ci::github(&outcomes, &checked.sources),
    };
    print(&text);
    let below = match (&coverage, args.min_coverage) {
        (Some(c), Some(min)) => c.percent() < min,
        _ => false,
    };
    if below {
        eprintln!(
            "error: sample coverage {:.1}% is below the required {:.1}%",
            coverage.as_ref().map_or(0.0, |c| c.percent()),
            args.min_coverage.unwrap_or(0.0)
        );
    }
    if failed > 0 || below {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

fn human(
    outcomes: &[Outcome],
    sources: &crate::source::Sources,
    verbose: bool,
    coverage: Option<&sampletest::Coverage>,
) -> String {
    let mut out = String::new();
    for o in outcomes {
        if o.passed() {
            if verbose {
                let _ = writeln!(out, "PASS {}", o.sample.id);
            }
            continue;
        }
        let at = crate::diagnostic::render::position(&o.sample.loc.label(sources), sources);
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
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    let _ = writeln!(
        out,
        "{}: {} passed, {} failed",
        crate::diagnostic::render::plural(outcomes.len(), "sample"),
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

fn json(outcomes: &[Outcome], coverage: Option<&sampletest::Coverage>) -> String {
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
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    let report = serde_json::json!({
        "samples": results,
        "summary": {"passed": outcomes.len() - failed, "failed": failed},
        "coverage": coverage,
    });
    crate::json::pretty(&report)
}

fn junit(outcomes: &[Outcome]) -> String {
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
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
            crate::xml::escape(o.sample.id.as_str())
        );
        if o.passed() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let summary: Vec<String> = o
            .mismatches
            .iter()
            .map(|m| format!("{}: expected {}, got {}", m.field, m.expected, m.actual))
            .collect();
        let _ = writeln!(
            out,
            "      <failure message=\"{}\">",
            crate::xml::escape(&summary.join("; "))
        );
        for line in explain(&o.decision, &o.message) {
            let _ = writeln!(out, "{}", crate::xml::escape(&line));
        }
        out.push_str("      </failure>\n    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
