//! `carebook compile`: render every output, then write them as one change
//! or, with `--check`, list the committed ones that are stale.

use std::path::PathBuf;

use clap::Args;

use std::collections::BTreeMap;

use super::{CommandError, Outcome, PlaybookDir, checked_playbook, print};
use crate::compile::{self, CompileOptions, Compiled, output};

#[derive(Debug, Args)]
pub struct CompileArgs {
    #[command(flatten)]
    pub playbook: PlaybookDir,
    /// The directory to write into; created if missing.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Write nothing; exit 1 listing the files in OUT that differ from what
    /// the playbook produces now.
    #[arg(long)]
    pub check: bool,
    /// Print every difference between the playbook and what a target tool
    /// can express, not only how many there are.
    #[arg(short, long)]
    pub verbose: bool,
    /// Handbook templates replacing the embedded ones, by file name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

pub fn run(args: CompileArgs) -> Result<Outcome, CommandError> {
    if args.check && !args.out.exists() {
        return Err(CommandError::Usage(format!(
            "`{}` does not exist, so nothing is committed to check; compile into it first",
            args.out.display()
        )));
    }
    if args.out.exists() && !args.out.is_dir() {
        return Err(CommandError::Usage(format!(
            "`{}` is not a directory; --out names the directory the outputs go in",
            args.out.display()
        )));
    }
    let checked = checked_playbook(&args.playbook.resolved())?;
    let ir = crate::ir::lower(&checked.playbook);
    let options = CompileOptions {
        templates: args.templates.clone(),
    };
    let compiled = compile::compile(&checked.playbook, &ir, &options).map_err(|source| {
        CommandError::NotCompiled {
            source,
            out: args.out.clone(),
        }
    })?;
    if args.check {
        check(&args, &compiled)
    } else {
        write(&args, &compiled)
    }
}

/// `--check`: the committed outputs against the compiled ones.
fn check(args: &CompileArgs, compiled: &Compiled) -> Result<Outcome, CommandError> {
    let stale = output::check(&args.out, &compiled.files).map_err(CommandError::usage)?;
    report_fidelity(&compiled.fidelity, args, stale.is_empty());
    if !stale.is_empty() {
        let templates = args
            .templates
            .as_ref()
            .map(|t| format!(" --templates {}", t.display()))
            .unwrap_or_default();
        let rerun = format!(
            "carebook compile {} --out {}{templates}",
            args.playbook.resolved().playbook.display(),
            args.out.display()
        );
        return Err(CommandError::Stale {
            out: args.out.clone(),
            files: stale,
            rerun,
        });
    }
    let n = compiled.files.len();
    let s = if n == 1 { "" } else { "s" };
    println!(
        "`{}` is up to date ({n} file{s} and the manifest)",
        args.out.display()
    );
    Ok(Outcome::Clean)
}

/// Writes the compiled outputs as one change, then says what changed.
fn write(args: &CompileArgs, compiled: &Compiled) -> Result<Outcome, CommandError> {
    let report =
        output::write(&args.out, &compiled.files).map_err(|source| CommandError::NotWritten {
            source,
            out: args.out.clone(),
        })?;
    let out = args.out.display();
    if report.rolled_back {
        eprintln!(
            "note: a compile into `{out}` had been stopped while writing; \
             what it changed was put back before this one wrote"
        );
    }
    report_fidelity(&compiled.fidelity, args, true);
    print(&summary(&report));
    println!(
        "compiled into `{out}`: {} written, {} unchanged, {} removed",
        report.written.len(),
        report.unchanged.len(),
        report.removed.len()
    );
    for path in &report.leftovers {
        eprintln!(
            "warning: cannot delete the backup `{}`; it is safe to delete",
            path.display()
        );
    }
    Ok(Outcome::Clean)
}

/// One line per top-level output (a file, or a directory of many), so the
/// log of a compile stays short however many objects a target has.
fn summary(report: &output::WriteReport) -> String {
    // Top-level entry -> (written, unchanged, removed).
    let mut groups: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let lists = [&report.written, &report.unchanged, &report.removed];
    for (i, list) in lists.into_iter().enumerate() {
        for path in list {
            let top = match path.split_once('/') {
                Some((dir, _)) => format!("{dir}/"),
                None => path.clone(),
            };
            groups.entry(top).or_default()[i] += 1;
        }
    }
    let mut text = String::new();
    for (top, counts) in groups {
        let parts: Vec<String> = ["written", "unchanged", "removed"]
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| {
                if top.ends_with('/') {
                    format!("{n} {what}")
                } else {
                    what.to_string()
                }
            })
            .collect();
        text.push_str(&format!("  {top:<24} {}\n", parts.join(", ")));
    }
    text
}

/// The fidelity warnings: one line per target with where the full list is,
/// or every warning under `--verbose`. A bundled playbook has over a
/// hundred, which would bury anything else a compile says. `current`:
/// whether the output directory's FIDELITY.md files say the same.
fn report_fidelity(fidelity: &[compile::Fidelity], args: &CompileArgs, current: bool) {
    if args.verbose {
        for f in fidelity {
            eprintln!("warning: {} {}: {}", f.target, f.object, f.message);
        }
        return;
    }
    let mut by_target: BTreeMap<&str, usize> = BTreeMap::new();
    for f in fidelity {
        *by_target.entry(f.target).or_default() += 1;
    }
    for (target, n) in by_target {
        let s = if n == 1 { "" } else { "s" };
        let listed = if current {
            format!(
                "{}/{target}/FIDELITY.md lists them (or run with --verbose)",
                args.out.display()
            )
        } else {
            "run with --verbose to list them".to_string()
        };
        eprintln!(
            "warning: the {target} export differs from the playbook in {n} place{s}; {listed}"
        );
    }
}
