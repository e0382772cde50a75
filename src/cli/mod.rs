//! The command line: flags as data, one module per command. Each command
//! returns an [`Outcome`] or a [`CommandError`], and [`exit_status`] turns
//! that into the exit status: 0 clean, 1 problems in the playbook, 2 usage
//! or I/O errors.

mod compile;
mod diff;
mod error;
mod explain;
mod handbook;
mod init;
mod lint_reply;
mod schema;
mod simulate;
mod staffing;
mod test;
mod validate;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::load::DEFAULT_MAX_FILE_SIZE;

pub use error::{CommandError, Outcome};

/// Exit status: everything is fine.
pub const EXIT_OK: i32 = 0;
/// Exit status: the playbook has problems (or warnings under --deny-warnings).
pub const EXIT_PROBLEMS: i32 = 1;
/// Exit status: usage error, or a path that does not exist or cannot be read.
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "carebook",
    version,
    about = "Validate, test, simulate, compile and diff social customer-care playbooks",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the playbook: YAML, schema, references, routing, coverage.
    Validate(validate::ValidateArgs),
    /// Run the sample messages' expectations.
    Test(test::TestArgs),
    /// Route messages (JSONL, CSV or YAML) and print each decision.
    Simulate(simulate::SimulateArgs),
    /// Check a draft reply against the voice guide and the channel's limits.
    LintReply(lint_reply::LintReplyArgs),
    /// Write the routing config, help-desk exports and handbooks.
    Compile(compile::CompileArgs),
    /// Print the onboarding handbook of the team or of one role.
    Handbook(handbook::HandbookArgs),
    /// What a change to the playbook means, between two git revisions.
    Diff(diff::DiffArgs),
    /// Erlang C staffing: a what-if calculator and the week's plan.
    Staffing(staffing::StaffingArgs),
    /// Print the documentation of a diagnostic code.
    Explain(explain::ExplainArgs),
    /// Write the JSON Schemas of the playbook files.
    Schema(schema::SchemaArgs),
    /// Write a small starter playbook that validates clean.
    Init(init::InitArgs),
}

/// Where the playbook is and how to read it; shared by every command that
/// reads one.
#[derive(Debug, Clone, Args)]
pub struct PlaybookArgs {
    /// The playbook directory (holding carebook.yaml).
    #[arg(
        short = 'p',
        long = "playbook",
        value_name = "DIR",
        default_value = "playbooks"
    )]
    pub playbook: PathBuf,
    /// Refuse playbook files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// The playbook as a positional `DIR` or as `-p DIR`, for commands with
/// no other positional argument.
#[derive(Debug, Clone, Args)]
pub struct PlaybookDir {
    /// The playbook directory (holding carebook.yaml); the same as -p.
    #[arg(value_name = "DIR", conflicts_with = "playbook")]
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub args: PlaybookArgs,
}

impl PlaybookDir {
    /// Where to read the playbook, however it was given.
    pub fn resolved(&self) -> PlaybookArgs {
        let mut args = self.args.clone();
        if let Some(dir) = &self.dir {
            args.playbook = dir.clone();
        }
        args
    }
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Runs the command line and returns the exit status.
pub fn main() -> i32 {
    exit_status(Cli::try_parse().map_err(CommandError::from).and_then(run))
}

/// Runs the command the arguments name.
fn run(cli: Cli) -> Result<Outcome, CommandError> {
    match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Compile(args) => compile::run(args),
        Command::Handbook(args) => handbook::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Simulate(args) => simulate::run(args),
        Command::Test(args) => test::run(args),
        Command::Staffing(args) => staffing::run(args),
        Command::LintReply(args) => lint_reply::run(args),
        Command::Init(args) => init::run(args),
    }
}

/// The one place a command's result becomes an exit status: an error is
/// told on stderr first.
pub fn exit_status(result: Result<Outcome, CommandError>) -> i32 {
    match result {
        Ok(outcome) => outcome.status(),
        Err(e) => {
            e.report();
            e.status()
        }
    }
}

/// Loads and checks a playbook for a command that needs a valid one; its
/// errors, if any, come back to be told on stderr (so stdout stays the
/// command's own output).
pub fn checked_playbook(args: &PlaybookArgs) -> Result<Checked, CommandError> {
    let options = crate::load::LoadOptions {
        max_file_size: args.max_file_size,
    };
    let validated = crate::validate(&args.playbook, &options)?;
    let valid = validated.valid().is_some();
    match validated.playbook {
        Some(playbook) if valid => Ok(Checked {
            playbook,
            sources: validated.sources,
        }),
        _ => Err(CommandError::Problems {
            dir: args.playbook.clone(),
            errors: validated
                .diagnostics
                .into_iter()
                .filter(|d| d.level == crate::diagnostic::Level::Error)
                .collect(),
            sources: validated.sources,
        }),
    }
}

/// A playbook free of errors, with its sources for pointing into it.
pub struct Checked {
    pub playbook: crate::load::Playbook,
    pub sources: crate::source::Sources,
}

/// [`checked_playbook`] and the router built from it, for a stream of
/// messages or for the playbook's samples.
pub fn router_for(
    args: &PlaybookArgs,
    scan: crate::router::matcher::Scan,
) -> Result<(Checked, crate::router::Router), CommandError> {
    let checked = checked_playbook(args)?;
    let ir = crate::ir::lower(&checked.playbook);
    let router = crate::router::Router::with_scan(&ir, scan).map_err(CommandError::usage)?;
    Ok((checked, router))
}

/// Writes to stdout; a closed pipe (`carebook ... | head`) is not an error.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

/// `given` must be one of `known` (a playbook's channels, languages,
/// tags): otherwise a usage error that suggests the closest, or lists them.
pub fn one_of(what: &str, given: &str, known: &[&str]) -> Result<(), CommandError> {
    if known.contains(&given) {
        Ok(())
    } else {
        Err(unknown(what, given, known))
    }
}

/// The usage error for a name the playbook does not have.
pub fn unknown(what: &str, given: &str, known: &[&str]) -> CommandError {
    let hint = crate::diagnostic::closest_or_all(what, given, known.iter().copied());
    CommandError::Usage(format!("the playbook has no {what} `{given}`; {hint}"))
}
