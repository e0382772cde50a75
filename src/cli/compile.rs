//! `carebook compile`: render every output, then write them as one change
//! or, with `--check`, list the committed ones that are stale.

use std::path::PathBuf;

use clap::Args;

use super::{EXIT_OK, EXIT_PROBLEMS, PlaybookArgs, checked_playbook, usage_error};
use crate::compile::{self, CompileOptions, output};

#[derive(Debug, Args)]
pub struct CompileArgs {
    #[command(flatten)]
    pub playbook: PlaybookArgs,
    /// The directory to write into; created if missing.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Write nothing; exit 1 listing the files in OUT that differ from what
    /// the playbook produces now.
    #[arg(long)]
    pub check: bool,
    /// Handbook templates replacing the embedded ones, by file name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

pub fn run(args: CompileArgs) -> i32 {
    let checked = match checked_playbook(&args.playbook) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let ir = crate::ir::lower(&checked.playbook);
    let options = CompileOptions {
        templates: args.templates.clone(),
    };
    let compiled = match compile::compile(&checked.playbook, &ir, &options) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("note: nothing was written to `{}`", args.out.display());
            return super::EXIT_USAGE;
        }
    };
    for f in &compiled.fidelity {
        eprintln!("warning: {} {}: {}", f.target, f.object, f.message);
    }
    let out = args.out.display();
    if args.check {
        return match output::check(&args.out, &compiled.files) {
            Ok(stale) if stale.is_empty() => {
                println!(
                    "{} compiled files in `{out}` are up to date",
                    compiled.files.len()
                );
                EXIT_OK
            }
            Ok(stale) => {
                let s = if stale.len() == 1 { " is" } else { "s are" };
                eprintln!("error: {} compiled file{s} stale in `{out}`:", stale.len());
                for (path, why) in &stale {
                    eprintln!("  {path} ({})", why.as_str());
                }
                eprintln!(
                    "help: run `carebook compile -p {} --out {out}` and commit the result",
                    args.playbook.playbook.display()
                );
                EXIT_PROBLEMS
            }
            Err(e) => usage_error(e),
        };
    }
    match output::write(&args.out, &compiled.files) {
        Ok(report) => {
            for path in &report.written {
                println!("wrote {path}");
            }
            for path in &report.removed {
                println!("removed {path}");
            }
            println!(
                "compiled into `{out}`: {} written, {} unchanged, {} removed",
                report.written.len(),
                report.unchanged.len(),
                report.removed.len()
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("note: `{out}` is as it was before this compile");
            super::EXIT_USAGE
        }
    }
}
