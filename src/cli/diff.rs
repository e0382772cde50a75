//! `carebook diff BASE [HEAD]`: what a change to the playbook means, for a
//! pull-request comment, on the samples and, with `--messages`, on a
//! message history replayed through both revisions.

mod traffic;

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CommandError, Outcome, PlaybookArgs, print};
use crate::diff::replay::{self, Event, Traffic};
use crate::diff::{self, Kind, Report, git};
use crate::load::{LoadOptions, Playbook};
use crate::router::{DecideOptions, Router};
use crate::simulate::input::{InputFormat, Messages};

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The revision to compare from (a commit, branch or tag).
    #[arg(value_name = "BASE")]
    pub base: String,
    /// The revision to compare to; the working tree when omitted.
    #[arg(value_name = "HEAD")]
    pub head: Option<String>,
    #[command(flatten)]
    pub playbook: PlaybookArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiffFormat,
    /// Exit 1 when the meaning changed, like `git diff --exit-code`.
    #[arg(long)]
    pub exit_code: bool,
    /// Replay these messages (a file, or `-` for stdin) through both revisions.
    #[arg(short, long, value_name = "FILE")]
    pub messages: Option<String>,
    /// Input format; guessed from the file name (.jsonl, .csv, .yaml), JSONL for stdin.
    #[arg(long, value_enum, requires = "messages")]
    pub input_format: Option<InputFormat>,
    /// Replay every message as if it arrived at this RFC 3339 instant.
    #[arg(long, value_name = "TIME", requires = "messages")]
    pub at: Option<jiff::Timestamp>,
    /// Switch an incident mode on in both revisions.
    #[arg(long, value_name = "NAME", requires = "messages")]
    pub incident: Option<String>,
    /// Stop at the first malformed message, or one on a channel or in a
    /// language neither revision has.
    #[arg(long, requires = "messages")]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Human,
    Markdown,
    Json,
}

/// GitHub refuses comments longer than 65,536 characters; stay below it
/// with room for the note that says what was cut.
const COMMENT_LIMIT: usize = 65_000;

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(label: &str) -> std::io::Result<Scratch> {
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("carebook-diff-{}-{n}-{label}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Loads and checks the playbook in `dir`; any error makes the revision
/// unusable for a comparison, a usage error like a revision git lacks.
fn checked(dir: &Path, options: &LoadOptions, what: &str) -> Result<Playbook, CommandError> {
    let validated =
        crate::validate(dir, options).map_err(|e| CommandError::Usage(format!("{what}: {e}")))?;
    let errors = validated.errors().count();
    match validated.playbook {
        Some(pb) if errors == 0 => Ok(pb),
        _ => Err(CommandError::Usage(format!(
            "{what} does not validate ({errors} error{}); `carebook validate` lists them",
            if errors == 1 { "" } else { "s" }
        ))),
    }
}

pub fn run(args: DiffArgs) -> Result<Outcome, CommandError> {
    let options = LoadOptions {
        max_file_size: args.playbook.max_file_size,
    };
    let dir = &args.playbook.playbook;
    if !dir.is_dir() {
        return Err(CommandError::Usage(format!(
            "playbook directory `{}` does not exist",
            dir.display()
        )));
    }
    let (top, prefix) = git::locate(dir).map_err(CommandError::usage)?;
    let at_revision = |revision: &str| -> Result<(Scratch, PathBuf), CommandError> {
        let scratch = Scratch::new("rev")
            .map_err(|e| CommandError::Usage(format!("cannot create a scratch directory: {e}")))?;
        git::checkout(&top, revision, &prefix, &scratch.0).map_err(CommandError::usage)?;
        let path = scratch.0.clone();
        Ok((scratch, path))
    };
    let (_base_dir, base_path) = at_revision(&args.base)?;
    let head_checkout = args.head.as_deref().map(at_revision).transpose()?;
    let head_path = head_checkout
        .as_ref()
        .map_or(dir.clone(), |(_, p)| p.clone());
    let head_name = args
        .head
        .clone()
        .unwrap_or_else(|| "working tree".to_string());
    let base = checked(&base_path, &options, &format!("`{}`", args.base))?;
    let head = checked(&head_path, &options, &format!("`{head_name}`"))?;
    let mut report = diff::compare(&base, &head).map_err(CommandError::usage)?;
    if let Some(path) = &args.messages {
        report.traffic = Some(replayed(&args, path, &base, &head)?);
    }
    let text = match args.format {
        DiffFormat::Human => human(&report, &args.base, &head_name),
        DiffFormat::Markdown => markdown(&report, &args.base, &head_name),
        DiffFormat::Json => crate::json::pretty(&report),
    };
    print(&text);
    // Records that are not messages are problems of the input, as in
    // `simulate`, whatever the change means.
    let input_problems = report
        .traffic
        .as_ref()
        .is_some_and(|t| t.malformed > 0 || (args.strict && t.unknown > 0));
    Ok(Outcome::findings_if(
        (args.exit_code && report.changed()) || input_problems,
    ))
}

/// Replays the messages at `path` through both revisions, reporting each
/// record that is not a message on stderr with its line.
fn replayed(
    args: &DiffArgs,
    path: &str,
    base: &Playbook,
    head: &Playbook,
) -> Result<Traffic, CommandError> {
    let router = |pb: &Playbook| Router::new(&crate::ir::lower(pb)).map_err(CommandError::usage);
    let (base, head) = (router(base)?, router(head)?);
    if let Some(name) = &args.incident {
        known_incident(&base, &head, name)?;
    }
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(BufReader::new(std::io::stdin().lock()))
    } else {
        let f = File::open(path).map_err(CommandError::io("read", path))?;
        Box::new(BufReader::with_capacity(1 << 16, f))
    };
    let format = args.input_format.unwrap_or_else(|| {
        if path == "-" {
            InputFormat::Jsonl
        } else {
            InputFormat::from_path(path)
        }
    });
    let options = replay::Options {
        decide: DecideOptions {
            incident: args.incident.as_deref(),
            at: args.at,
        },
        strict: args.strict,
        ..replay::Options::default()
    };
    Ok(replay::run(
        &base,
        &head,
        Messages::new(reader, format),
        &options,
        |event| match event {
            Event::Malformed(e) => eprintln!("{path}:{}: {}", e.line, e.message),
            Event::Unknown { line, message } => {
                let level = if args.strict { "error" } else { "warning" };
                eprintln!("{path}:{line}: {level}: {message}");
            }
        },
    ))
}

/// `name` must be an incident mode of at least one revision: otherwise a
/// usage error that suggests the closest, or lists them.
fn known_incident(base: &Router, head: &Router, name: &str) -> Result<(), CommandError> {
    let mut ids: Vec<&str> = base
        .ir()
        .incidents
        .iter()
        .chain(&head.ir().incidents)
        .map(|i| i.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.contains(&name) {
        return Ok(());
    }
    let hint = crate::diagnostic::did_you_mean(name, ids.iter().copied())
        .unwrap_or_else(|| format!("known: {}", ids.join(", ")));
    Err(CommandError::Usage(format!(
        "no incident mode `{name}` in either revision; {hint}"
    )))
}

fn summary(report: &Report, base: &str, head: &str) -> String {
    let parts: Vec<String> = report
        .sections
        .iter()
        .filter(|s| !s.changes.is_empty())
        .map(|s| format!("{} ({})", s.part, s.changes.len()))
        .collect();
    let replayed = report
        .traffic
        .as_ref()
        .map_or(String::new(), |t| format!("; {}", traffic::summary(t)));
    if !report.changed() {
        return format!("no change in meaning between `{base}` and `{head}`{replayed}");
    }
    let what = if parts.is_empty() {
        "no item changes".to_string()
    } else {
        parts.join(", ")
    };
    format!(
        "`{base}` → `{head}`: {what}; {} of {} sample messages route differently{replayed}",
        report.rerouted.len(),
        report.samples
    )
}

fn change_line(c: &diff::Change) -> String {
    match c.kind {
        Kind::Added => format!("added `{}`", c.id),
        Kind::Removed => format!("removed `{}`", c.id),
        Kind::Changed => format!("changed `{}`: {}", c.id, c.details.join("; ")),
    }
}

fn human(report: &Report, base: &str, head: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", summary(report, base, head).replace('`', ""));
    for s in report.sections.iter().filter(|s| !s.changes.is_empty()) {
        let _ = writeln!(out, "\n{}:", s.part);
        for c in &s.changes {
            let _ = writeln!(out, "  {}", change_line(c).replace('`', ""));
        }
    }
    if !report.rerouted.is_empty() {
        let _ = writeln!(out, "\nsample messages that route differently:");
        for r in &report.rerouted {
            for f in &r.changes {
                let _ = writeln!(
                    out,
                    "  {}: {}: {} → {}",
                    r.sample, f.field, f.before, f.after
                );
            }
        }
    }
    if let Some(t) = &report.traffic {
        traffic::human(&mut out, t);
    }
    out
}

fn markdown(report: &Report, base: &str, head: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "**carebook diff** {}\n", summary(report, base, head));
    for s in report.sections.iter().filter(|s| !s.changes.is_empty()) {
        let _ = writeln!(
            out,
            "<details><summary>{} ({})</summary>\n",
            capitalise(s.part),
            s.changes.len()
        );
        for c in &s.changes {
            let _ = writeln!(out, "- {}", change_line(c).replace('|', "\\|"));
        }
        let _ = writeln!(out, "\n</details>\n");
    }
    if !report.rerouted.is_empty() {
        let _ = writeln!(
            out,
            "<details open><summary>Sample messages that route differently ({})</summary>\n",
            report.rerouted.len()
        );
        let _ = writeln!(out, "| sample | what | before | after |\n|---|---|---|---|");
        for r in &report.rerouted {
            for f in &r.changes {
                let cell = |s: &str| s.replace('|', "\\|");
                let _ = writeln!(
                    out,
                    "| `{}` | {} | {} | {} |",
                    r.sample,
                    f.field,
                    cell(&f.before),
                    cell(&f.after)
                );
            }
        }
        let _ = writeln!(out, "\n</details>");
    }
    if let Some(t) = &report.traffic {
        traffic::markdown(&mut out, t);
    }
    truncate(out)
}

/// Cuts a comment at a line boundary below GitHub's limit, saying so.
fn truncate(text: String) -> String {
    if text.len() <= COMMENT_LIMIT {
        return text;
    }
    let mut cut = text[..crate::source::floor_char_boundary(&text, COMMENT_LIMIT)].to_string();
    if let Some(i) = cut.rfind('\n') {
        cut.truncate(i + 1);
    }
    let dropped = text[cut.len()..].lines().count();
    let _ = writeln!(
        cut,
        "\n</details>\n\n_…{dropped} more lines cut to fit a pull-request comment; run `carebook diff` for the whole report._"
    );
    cut
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_comments_are_cut_below_the_limit_with_a_note() {
        let long: String = (0..10_000)
            .map(|i| format!("| `s{i}` | team | a | b |\n"))
            .collect();
        let cut = truncate(long.clone());
        assert!(cut.len() < 65_536, "{}", cut.len());
        assert!(cut.contains("more lines cut to fit a pull-request comment"));
        assert_eq!(truncate("short\n".to_string()), "short\n");
    }
}
