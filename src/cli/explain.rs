//! `carebook explain CODE`: the documentation of a diagnostic code.

use clap::Args;

use super::{EXIT_OK, print, usage_error};
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

pub fn run(args: ExplainArgs) -> i32 {
    let infos: Vec<_> = if args.all {
        CODES.iter().collect()
    } else {
        let text = args.code.as_deref().unwrap_or_default();
        match Code::parse(text) {
            Some(code) => vec![code.info()],
            None => {
                let hint = crate::diagnostic::did_you_mean(
                    text,
                    CODES.iter().flat_map(|c| [c.code, c.name]),
                )
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
                return usage_error(format!(
                    "no diagnostic code `{text}`{hint} (`carebook explain --all` lists them)"
                ));
            }
        }
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
    EXIT_OK
}
