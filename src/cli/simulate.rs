//! `carebook simulate`: route messages from a file or stdin and print each
//! decision as a table row or a JSON line.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};

use clap::Args;

use super::{EXIT_OK, EXIT_PROBLEMS, PlaybookArgs, router_for, usage_error};
use crate::router::explain::{explain, mode, priority};
use crate::router::{Coverage, DecideOptions, Decision, Message};
use crate::simulate::input::{InputFormat, Messages};
use crate::simulate::summary::Summary;

#[derive(Debug, Args)]
pub struct SimulateArgs {
    #[command(flatten)]
    pub playbook: PlaybookArgs,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
}

pub fn run(args: SimulateArgs) -> i32 {
    let (_, router) = match router_for(&args.playbook) {
        Ok(x) => x,
        Err(status) => return status,
    };
    if let Some(name) = &args.incident
        && !router.ir().incidents.iter().any(|i| &i.id == name)
    {
        let ids: Vec<&str> = router
            .ir()
            .incidents
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        let hint = crate::diagnostic::did_you_mean(name, ids.iter().copied())
            .unwrap_or_else(|| format!("known: {}", ids.join(", ")));
        return usage_error(format!("no incident mode `{name}`; {hint}"));
    }
    let (reader, size): (Box<dyn BufRead>, Option<u64>) = if args.messages == "-" {
        (Box::new(BufReader::new(std::io::stdin().lock())), None)
    } else {
        match File::open(&args.messages) {
            Ok(f) => {
                let size = f.metadata().ok().map(|m| m.len());
                (Box::new(BufReader::with_capacity(1 << 16, f)), size)
            }
            Err(e) => return usage_error(format!("cannot read `{}`: {e}", args.messages)),
        }
    };
    let format = args.input_format.unwrap_or_else(|| {
        if args.messages == "-" {
            InputFormat::Jsonl
        } else {
            InputFormat::from_path(&args.messages)
        }
    });
    let options = DecideOptions {
        incident: args.incident.as_deref(),
        at: args.at,
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

    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut summary = Summary::default();
    let mut hits = Vec::new();
    let mut line_buf = Vec::with_capacity(512);
    let mut bytes_seen: u64 = 0;
    let mut status = EXIT_OK;
    if args.format == OutputFormat::Table && write_header(&mut out).is_err() {
        return EXIT_OK;
    }
    for (n, record) in Messages::new(reader, format).enumerate() {
        let message = match record {
            Ok(m) => m,
            Err(e) => {
                summary.malformed += 1;
                eprintln!("{}:{}: {}", args.messages, e.line, e.message);
                status = EXIT_PROBLEMS;
                if args.strict {
                    break;
                }
                continue;
            }
        };
        let decision = router.decide_with(&message, &options, &mut hits);
        line_buf.clear();
        match args.format {
            OutputFormat::Jsonl => jsonl(&mut line_buf, &decision, &message, args.explain),
            OutputFormat::Table => table_row(&mut line_buf, &decision, &message, args.explain),
        }
        if let Err(e) = out.write_all(&line_buf) {
            // `simulate ... | head` closes the pipe early: not an error.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return status;
            }
            return usage_error(format!("cannot write: {e}"));
        }
        if !args.quiet {
            summary.add(&decision, &router);
        }
        if let Some(bar) = &progress {
            // The input's own bytes are not visible through the record
            // reader; the message's text plus its envelope is close enough
            // for a progress bar.
            bytes_seen += message.text.len() as u64 + 120;
            if n % 1024 == 0 {
                bar.set_position(bytes_seen.min(bar.length().unwrap_or(u64::MAX)));
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Err(e) = out.flush()
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return usage_error(format!("cannot write: {e}"));
    }
    if !args.quiet {
        eprint!("{}", summary.render());
    }
    status
}

fn write_header(out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<22} {:<34} {:<9} {:<8} {:<18} {:<14} {:<22} {:<21} REPLY",
        "ID", "TAGS", "SEVERITY", "PRIORITY", "QUEUE", "TEAM", "COVERED BY", "FIRST RESPONSE DUE",
    )
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn table_row(buf: &mut Vec<u8>, d: &Decision, m: &Message, with_trace: bool) {
    let tags: Vec<&str> = d.tags.iter().map(|t| t.tag).collect();
    let covered = match &d.coverage {
        Coverage::OnShift { team, .. } => team.to_string(),
        Coverage::Handover { team, .. } => format!("{team} (hand-over)"),
        Coverage::Uncovered => "UNCOVERED".to_string(),
        Coverage::NoQueue => "-".to_string(),
    };
    let due = d.first_response_due.map_or("-".to_string(), |t| {
        t.strftime("%Y-%m-%dT%H:%MZ").to_string()
    });
    let _ = writeln!(
        buf,
        "{:<22} {:<34} {:<9} {:<8} {:<18} {:<14} {:<22} {:<21} {}",
        clip(&d.id, 22),
        clip(
            &if tags.is_empty() {
                "-".to_string()
            } else {
                tags.join(",")
            },
            34
        ),
        clip(d.severity, 9),
        priority(d),
        clip(d.queue.unwrap_or("-"), 18),
        clip(d.team.unwrap_or("-"), 14),
        clip(&covered, 22),
        due,
        mode(d)
    );
    if with_trace {
        for line in explain(d, m) {
            let _ = writeln!(buf, "    {line}");
        }
    }
}

fn jsonl(buf: &mut Vec<u8>, d: &Decision, m: &Message, with_trace: bool) {
    if with_trace {
        let mut value = serde_json::to_value(d).expect("decisions serialize");
        value["explain"] = serde_json::Value::from(explain(d, m));
        let _ = serde_json::to_writer(&mut *buf, &value);
    } else {
        let _ = serde_json::to_writer(&mut *buf, d);
    }
    buf.push(b'\n');
}
