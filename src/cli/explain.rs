//! `carebook explain CODE`: the documentation of a diagnostic code.

use clap::Args;

use super::{CommandError, Outcome, print};
use crate::diagnostic::{CODES, Code};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A code (`CB201`) or its name (`unknown-reference`).
    #[arg(value_name = "CODE", required_unless_present = "all")]
    pub code: Option<String>,
    /// List every code.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

pub fn run(args: ExplainArgs) -> Result<Outcome, CommandError> {
    let infos: Vec<_> = if args.all {
        CODES.iter().collect()
    } else {
        let text = args.code.as_deref().unwrap_or_default();
        let code = Code::parse(text).ok_or_else(|| no_such_code(text))?;
        vec![code.info()]
    };
    match args.format {
        ExplainFormat::Json => {
            print(&if args.all {
                crate::json::pretty(&infos)
            } else {
                crate::json::pretty(infos[0])
            });
        }
        ExplainFormat::Text if args.all => {
            let mut out = String::new();
            for info in &infos {
                out.push_str(&format!(
                    "{}  {:<30} {:<8} {}\n",
                    info.code,
                    info.name,
                    info.level.as_str(),
                    info.summary
                ));
            }
            print(&out);
        }
        ExplainFormat::Text => print(infos[0].doc),
    }
    Ok(Outcome::Clean)
}

/// The usage error for a code that does not exist, with the closest one.
fn no_such_code(text: &str) -> CommandError {
    let hint = crate::diagnostic::did_you_mean(text, CODES.iter().flat_map(|c| [c.code, c.name]))
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    CommandError::Usage(format!(
        "no diagnostic code `{text}`{hint} (`carebook explain --all` lists them)"
    ))
}
