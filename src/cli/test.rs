//! `carebook test`: every sample message's expectations, with expected
//! against actual and the decision trace for each failure. Running the
//! samples and the report formats are [`crate::sampletest`]; this module
//! applies the coverage threshold and chooses the exit status.

use clap::Args;

use crate::router::matcher::Scan;

use super::{CommandError, Outcome, PlaybookDir, print, router_for};
use crate::sampletest::{self, render};

#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub playbook: PlaybookDir,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: render::Format,
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

pub fn run(args: TestArgs) -> Result<Outcome, CommandError> {
    let (checked, router) = router_for(&args.playbook.resolved(), Scan::Samples)?;
    let outcomes = sampletest::run(&checked.playbook, &router);
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    let coverage = args
        .coverage
        .then(|| sampletest::coverage(&router, &outcomes));
    let text = render::render(
        args.format,
        &outcomes,
        &checked.sources,
        args.verbose,
        coverage.as_ref(),
    );
    print(&text);
    if let (Some(c), Some(required)) = (&coverage, args.min_coverage)
        && c.percent() < required
    {
        return Err(CommandError::CoverageBelow {
            coverage: c.percent(),
            required,
        });
    }
    Ok(Outcome::findings_if(failed > 0))
}
