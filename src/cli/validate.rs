//! `carebook validate`: every check, rendered in the chosen format.

use std::path::PathBuf;

use clap::Args;

use super::{ColorChoice, CommandError, Outcome, PlaybookArgs, print};
use crate::diagnostic::Level;
use crate::diagnostic::render::{self, Format, human};
use crate::load::LoadOptions;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The playbook directory; the same as -p.
    #[arg(value_name = "DIR", conflicts_with = "playbook")]
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub playbook: PlaybookArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print the time each phase took to stderr.
    #[arg(long)]
    pub timings: bool,
    /// When to colour human output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

pub fn run(args: ValidateArgs) -> Result<Outcome, CommandError> {
    let dir = args.dir.clone().unwrap_or(args.playbook.playbook.clone());
    let options = LoadOptions {
        max_file_size: args.playbook.max_file_size,
    };
    let validated = crate::validate(&dir, &options)?;
    let (diagnostics, sources) = (&validated.diagnostics, &validated.sources);
    let started = std::time::Instant::now();
    let mut text = match args.format {
        // Under --deny-warnings a warning fails the run, so it fails its
        // testcase too: the report agrees with the exit status.
        Format::Junit => render::junit::render(diagnostics, sources, args.deny_warnings),
        format => render::render(format, diagnostics, sources, args.color.enabled()),
    };
    if args.format == Format::Human {
        text.push_str(&human::summary_line(&dir.to_string_lossy(), diagnostics));
        text.push('\n');
    }
    print(&text);
    if args.timings {
        eprintln!(
            "timings: read {:?}, parse {:?}, schema {:?}, model {:?}, load total {:?}, checks {:?}, render {:?}",
            validated.load_timings.read,
            validated.load_timings.parse,
            validated.load_timings.schema,
            validated.load_timings.model,
            validated.load_time,
            validated.check_time,
            started.elapsed()
        );
    }
    let failing = diagnostics
        .iter()
        .any(|d| d.level == Level::Error || (args.deny_warnings && d.level == Level::Warning));
    // The process exits next, and the system takes its memory back at
    // once; freeing the parsed files and the model value by value took
    // about 3% of a large playbook's run.
    std::mem::forget(validated);
    Ok(Outcome::findings_if(failing))
}
