//! `carebook simulate`: route messages from a file or stdin and print each
//! decision as a table row or a JSON line.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use clap::Args;

use super::{EXIT_OK, EXIT_PROBLEMS, PlaybookDir, router_for, usage_error};
use crate::router::explain::{explain, mode, priority};
use crate::router::{Coverage, DecideOptions, Decision, Message};
use crate::simulate::input::{InputFormat, Messages};
use crate::simulate::summary::Summary;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
}

pub fn run(args: SimulateArgs) -> i32 {
    let (_, router) = match router_for(&args.playbook.resolved()) {
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

    let mut status = EXIT_OK;
    let mut malformed = 0;
    let mut unknown = 0;
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let stop = AtomicBool::new(false);
    // Batches handed out but not yet written. Bounded, so one slow batch
    // cannot make the writer hold an unbounded backlog behind it.
    let in_flight = (Mutex::new(0usize), std::sync::Condvar::new());
    let router = &router;
    // Batches of messages go to workers that route and render them; a
    // writer puts the results back in input order.
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Message>)>(workers * 2);
    let job_rx = Mutex::new(job_rx);
    let (summary, write_error) = std::thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Vec<u8>, Summary)>(workers * 2);
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            let args = &args;
            scope.spawn(move || {
                let mut hits = Vec::new();
                loop {
                    let job = job_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((seq, batch)) = job else { break };
                    let mut buf = Vec::with_capacity(batch.len() * 256);
                    let mut summary = Summary::default();
                    for message in &batch {
                        let decision = router.decide_with(message, &options, &mut hits);
                        match args.format {
                            OutputFormat::Jsonl => {
                                jsonl(&mut buf, &decision, message, args.explain)
                            }
                            OutputFormat::Table => {
                                table_row(&mut buf, &decision, message, args.explain)
                            }
                        }
                        if !args.quiet {
                            summary.add(&decision, router);
                        }
                    }
                    if done_tx.send((seq, buf, summary)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let stop = &stop;
        let table = args.format == OutputFormat::Table;
        let in_flight_ref = &in_flight;
        let writer = scope.spawn(move || {
            let stdout = std::io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            let mut total = Summary::default();
            let mut pending: BTreeMap<u64, (Vec<u8>, Summary)> = BTreeMap::new();
            let mut next = 0u64;
            let mut result: std::io::Result<()> = if table {
                write_header(&mut out)
            } else {
                Ok(())
            };
            for (seq, buf, part) in done_rx {
                pending.insert(seq, (buf, part));
                while let Some((buf, part)) = pending.remove(&next) {
                    if result.is_ok() {
                        result = out.write_all(&buf);
                    }
                    total.merge(part);
                    next += 1;
                    let (count, written) = in_flight_ref;
                    if let Ok(mut n) = count.lock() {
                        *n = n.saturating_sub(1);
                        written.notify_one();
                    }
                }
                if result.is_err() {
                    // Keep draining so workers finish, but stop the reader.
                    stop.store(true, Ordering::Relaxed);
                }
            }
            if result.is_ok() {
                result = out.flush();
            }
            (total, result.err())
        });

        let mut batch = Vec::with_capacity(BATCH);
        let mut seq = 0u64;
        let mut bytes_seen = 0u64;
        let mut records = Messages::new(reader, format);
        while let Some(record) = records.next() {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            match record {
                Ok(m) => {
                    if let Some(problem) = unknown_values(router, &m) {
                        unknown += 1;
                        let level = if args.strict { "error" } else { "warning" };
                        eprintln!("{}:{}: {level}: {problem}", args.messages, records.line());
                        if args.strict {
                            status = EXIT_PROBLEMS;
                            break;
                        }
                    }
                    bytes_seen += m.text.len() as u64 + 120;
                    batch.push(m);
                }
                Err(e) => {
                    malformed += 1;
                    eprintln!("{}:{}: {}", args.messages, e.line, e.message);
                    status = EXIT_PROBLEMS;
                    if args.strict {
                        break;
                    }
                }
            }
            if batch.len() == BATCH {
                let (count, written) = &in_flight;
                if let Ok(n) = count.lock() {
                    // Waits while the writer is this many batches behind; the
                    // timeout re-checks `stop` when the pipe has closed.
                    let waited =
                        written.wait_timeout_while(n, std::time::Duration::from_secs(3600), |n| {
                            *n >= MAX_IN_FLIGHT && !stop.load(Ordering::Relaxed)
                        });
                    if let Ok((mut n, _)) = waited {
                        *n += 1;
                    }
                }
                if job_tx.send((seq, std::mem::take(&mut batch))).is_err() {
                    break;
                }
                seq += 1;
                if let Some(bar) = &progress {
                    // Record readers do not expose their byte offset; the
                    // text plus a typical envelope is close enough here.
                    bar.set_position(bytes_seen.min(bar.length().unwrap_or(u64::MAX)));
                }
            }
        }
        if !batch.is_empty() {
            let _ = job_tx.send((seq, batch));
        }
        drop(job_tx);
        writer.join().expect("the writer does not panic")
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(e) = write_error
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        // `simulate ... | head` closes the pipe early: not an error.
        return usage_error(format!("cannot write: {e}"));
    }
    if !args.quiet {
        let mut summary = summary;
        summary.malformed = malformed;
        summary.unknown = unknown;
        eprint!("{}", summary.render());
    }
    status
}

/// What a message names that the playbook does not have: it is routed
/// all the same (as the catch-all would), but the playbook's rules for
/// that channel or language cannot have applied.
fn unknown_values(router: &crate::router::Router, m: &Message) -> Option<String> {
    let ir = router.ir();
    if !ir.channels.iter().any(|c| c.id == m.channel) {
        let hint = super::closest_or_all(
            "channel",
            &m.channel,
            ir.channels.iter().map(|c| c.id.as_str()),
        );
        return Some(format!(
            "message `{}` is on channel `{}`, which the playbook does not have; {hint}",
            m.id, m.channel
        ));
    }
    if let Some(lang) = &m.lang
        && !ir.languages.iter().any(|l| l == lang)
    {
        let hint = super::closest_or_all("language", lang, ir.languages.iter().map(String::as_str));
        return Some(format!(
            "message `{}` is in language `{lang}`, which the playbook does not have; {hint}",
            m.id
        ));
    }
    None
}

/// Messages per batch handed to a worker.
const BATCH: usize = 2048;

/// Batches read ahead of the writer at most.
const MAX_IN_FLIGHT: usize = 16;

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
