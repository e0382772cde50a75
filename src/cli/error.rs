//! What a command comes to: an [`Outcome`] when it ran to the end, a
//! [`CommandError`] when it stopped. Commands return one of them with `?`;
//! [`super::exit_status`] alone prints the error and picks the exit status,
//! so a message and its status cannot drift apart.

use std::path::PathBuf;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};
use crate::load::LoadError;

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

    pub fn status(&self) -> i32 {
        match self {
            CommandError::Load(_) | CommandError::Usage(_) | CommandError::Io { .. } => EXIT_USAGE,
        }
    }

    /// Tells the error on stderr.
    pub fn report(&self) {
        match self {
            // Codes go right after `error`, as in diagnostics: `error[CB001] ...`.
            CommandError::Load(e) => eprintln!("error[{}] {e}", e.code()),
            CommandError::Usage(_) | CommandError::Io { .. } => eprintln!("error: {self}"),
        }
    }
}
