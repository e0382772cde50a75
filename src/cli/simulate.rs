//! `carebook simulate`: route messages from a file or stdin and print each
//! decision as a table row or a JSON line. The routing itself is
//! [`crate::simulate::stream`]; this module opens the input, reports
//! problems on stderr and says whether there were any.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal};

use clap::Args;

use crate::router::matcher::Scan;

use super::{CommandError, Outcome, PlaybookDir, router_for};
use crate::router::{DecideOptions, Router};
use crate::simulate::input::{InputFormat, Messages};
use crate::simulate::output::OutputFormat;
use crate::simulate::stream::{self, Event, Options};

#[derive(Debug, Args)]
pub struct SimulateArgs {
    #[command(flatten)]
    pub playbook: PlaybookDir,
    /// Messages to route: a file, or `-` for stdin.
    #[arg(short, long, value_name = "FILE")]
    pub messages: String,
    /// Input format; guessed from the file name (.jsonl, .csv, .yaml), JSONL for stdin.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
    /// Print why: rule and keyword per tag, route, shift, hand-over, deadlines.
    #[arg(long)]
    pub explain: bool,
    /// Route every message as if it arrived at this RFC 3339 instant.
    #[arg(long, value_name = "TIME")]
    pub at: Option<jiff::Timestamp>,
    /// Switch an incident mode on.
    #[arg(long, value_name = "NAME")]
    pub incident: Option<String>,
    /// Stop at the first malformed message.
    #[arg(long)]
    pub strict: bool,
    /// Do not print the summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: SimulateArgs) -> Result<Outcome, CommandError> {
    let (_, router) = router_for(&args.playbook.resolved(), Scan::Stream)?;
    if let Some(name) = &args.incident {
        known_incident(&router, name)?;
    }
    let (reader, size): (Box<dyn BufRead>, Option<u64>) = if args.messages == "-" {
        (Box::new(BufReader::new(std::io::stdin().lock())), None)
    } else {
        let f = File::open(&args.messages).map_err(CommandError::io("read", &args.messages))?;
        let size = f.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 16, f)), size)
    };
    let format = args.input_format.unwrap_or_else(|| {
        if args.messages == "-" {
            InputFormat::Jsonl
        } else {
            InputFormat::from_path(&args.messages)
        }
    });
    let options = Options {
        decide: DecideOptions {
            incident: args.incident.as_deref(),
            at: args.at,
        },
        explain: args.explain,
        strict: args.strict,
        summarize: !args.quiet,
        ..Options::new(args.format)
    };
    let progress = size
        .filter(|_| std::io::stderr().is_terminal() && !args.quiet)
        .map(|n| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(n),
                indicatif::ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {bytes}/{total_bytes} {per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });

    let out = BufWriter::with_capacity(1 << 16, std::io::stdout());
    let result = stream::run(
        &router,
        Messages::new(reader, format),
        out,
        &options,
        |event| match event {
            Event::Malformed(e) => eprintln!("{}:{}: {}", args.messages, e.line, e.message),
            Event::Unknown { line, message } => {
                let level = if args.strict { "error" } else { "warning" };
                eprintln!("{}:{line}: {level}: {message}", args.messages);
            }
            Event::Progress { bytes } => {
                if let Some(bar) = &progress {
                    bar.set_position(bytes.min(bar.length().unwrap_or(u64::MAX)));
                }
            }
        },
    );
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let summary = result.or_else(|e| {
        // `simulate ... | head` closes the pipe early: not an error.
        if e.source.kind() == std::io::ErrorKind::BrokenPipe {
            Ok(*e.summary)
        } else {
            Err(CommandError::usage(e))
        }
    })?;
    if !args.quiet {
        eprint!("{}", summary.render());
    }
    Ok(Outcome::findings_if(
        summary.malformed > 0 || (args.strict && summary.unknown > 0),
    ))
}

/// `name` must be one of the playbook's incident modes: otherwise a usage
/// error that suggests the closest, or lists them.
fn known_incident(router: &Router, name: &str) -> Result<(), CommandError> {
    let ids: Vec<&str> = router
        .ir()
        .incidents
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    if ids.contains(&name) {
        return Ok(());
    }
    let hint = crate::diagnostic::did_you_mean(name, ids.iter().copied())
        .unwrap_or_else(|| format!("known: {}", ids.join(", ")));
    Err(CommandError::Usage(format!(
        "no incident mode `{name}`; {hint}"
    )))
}
