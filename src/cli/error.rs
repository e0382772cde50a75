//! What a command comes to: an [`Outcome`] when it ran to the end, a
//! [`CommandError`] when it stopped. Commands return one of them with `?`;
//! [`super::exit_status`] alone prints the error and picks the exit status,
//! so a message and its status cannot drift apart.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};
use crate::compile::CompileError;
use crate::compile::output::{OutputError, Staleness};
use crate::diagnostic::Diagnostic;
use crate::load::LoadError;
use crate::source::Sources;
use crate::staffing::plan::PlanError;

/// How a command that ran to the end came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing wrong: exit 0.
    Clean,
    /// The command's own output already lists what is wrong (a validate
    /// error, a failing sample, a reply's error, a changed meaning under
    /// `--exit-code`): exit 1 with nothing more said.
    Findings,
}

impl Outcome {
    /// [`Outcome::Findings`] when something was found, else clean.
    pub fn findings_if(found: bool) -> Outcome {
        if found {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }

    pub fn status(self) -> i32 {
        match self {
            Outcome::Clean => EXIT_OK,
            Outcome::Findings => EXIT_PROBLEMS,
        }
    }
}

/// Why a command stopped. Each variant knows its exit status and how it
/// is told on stderr (stdout stays the command's own output).
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// The arguments do not parse. clap also returns `--help` and
    /// `--version` this way: printed on stdout, exit 0.
    #[error(transparent)]
    Arguments(#[from] clap::Error),
    /// The playbook directory cannot be read at all; told with its code,
    /// as diagnostics are.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A flag value that cannot be used, a name the playbook lacks (with
    /// the suggestion), or a failure outside the playbook (git, an output
    /// that cannot be written), as a sentence.
    #[error("{0}")]
    Usage(String),
    /// A file the command was pointed at that cannot be read or written.
    #[error("cannot {verb} `{}`: {source}", path.display())]
    Io {
        verb: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// A command that needs a valid playbook was given one with errors:
    /// they are rendered first, then this line.
    #[error("the playbook in `{}` has problems; `carebook validate` lists them", dir.display())]
    Problems {
        dir: PathBuf,
        errors: Vec<Diagnostic>,
        sources: Sources,
    },
    /// The staffing files validate but cannot make the week's plan.
    #[error("{0}")]
    Plan(PlanError),
    /// Rendering the outputs failed before anything was written.
    #[error("{source}")]
    NotCompiled { source: CompileError, out: PathBuf },
    /// Writing the outputs failed; whether the directory is as it was
    /// decides the note.
    #[error("{source}")]
    NotWritten { source: OutputError, out: PathBuf },
    /// `compile --check`: committed outputs that differ from what the
    /// playbook produces now, and the command that brings them up to date.
    #[error(
        "{} compiled file{} stale in `{}`:",
        files.len(),
        if files.len() == 1 { " is" } else { "s are" },
        out.display()
    )]
    Stale {
        out: PathBuf,
        files: Vec<(String, Staleness)>,
        rerun: String,
    },
    /// `test --min-coverage`: the samples exercise too little.
    #[error("sample coverage {coverage:.1}% is below the required {required:.1}%")]
    CoverageBelow { coverage: f64, required: f64 },
}

impl CommandError {
    /// A usage error from any message (a library error, a sentence).
    pub fn usage(message: impl std::fmt::Display) -> CommandError {
        CommandError::Usage(message.to_string())
    }

    /// For `map_err`: an I/O error on `path` while trying to `verb` it.
    pub fn io(
        verb: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> CommandError {
        let path = path.into();
        move |source| CommandError::Io { verb, path, source }
    }

    /// 1 for what is wrong in the playbook or its outputs, 2 for what is
    /// wrong with how the command was called or with its surroundings.
    pub fn status(&self) -> i32 {
        match self {
            CommandError::Arguments(e) if !e.use_stderr() => EXIT_OK,
            CommandError::Problems { .. }
            | CommandError::Plan(_)
            | CommandError::Stale { .. }
            | CommandError::CoverageBelow { .. } => EXIT_PROBLEMS,
            CommandError::Arguments(_)
            | CommandError::Load(_)
            | CommandError::Usage(_)
            | CommandError::Io { .. }
            | CommandError::NotCompiled { .. }
            | CommandError::NotWritten { .. } => EXIT_USAGE,
        }
    }

    /// Tells the error on stderr: the `error` line, with what comes before
    /// or after it. (clap prints `--help` and `--version` on stdout.)
    pub fn report(&self) {
        match self {
            CommandError::Arguments(e) => {
                let _ = e.print();
            }
            // Codes go right after `error`, as in diagnostics: `error[CB001] ...`.
            CommandError::Load(e) => eprintln!("error[{}] {e}", e.code()),
            CommandError::Problems {
                errors, sources, ..
            } => {
                let color =
                    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal();
                eprint!(
                    "{}",
                    crate::diagnostic::render::human::render(errors, sources, color)
                );
                eprintln!("error: {self}");
            }
            CommandError::NotCompiled { out, .. } => {
                eprintln!("error: {self}");
                eprintln!("note: nothing was written to `{}`", out.display());
            }
            CommandError::NotWritten { source, out } => {
                eprintln!("error: {self}");
                let out = out.display();
                if source.left_as_it_was() {
                    eprintln!("note: `{out}` is as it was before this compile");
                } else {
                    eprintln!(
                        "note: `{out}` may be half written: compile again once the cause is fixed"
                    );
                }
            }
            CommandError::Stale { files, rerun, .. } => {
                eprintln!("error: {self}");
                for (path, why) in files {
                    eprintln!("  {path} ({})", why.as_str());
                }
                eprintln!("help: run `{rerun}` and commit the result");
            }
            CommandError::Usage(_)
            | CommandError::Io { .. }
            | CommandError::Plan(_)
            | CommandError::CoverageBelow { .. } => eprintln!("error: {self}"),
        }
    }
}
