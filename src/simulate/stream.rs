//! Routing a stream of messages of any length: the calling thread reads
//! them, a pool of workers routes and renders them in batches, and one
//! writer thread puts the batches back in input order.
//!
//! Memory stays bounded however long the input is. The reader waits while
//! the writer is [`MAX_IN_FLIGHT`] batches behind (back-pressure), so one
//! slow batch cannot make the writer hold an unbounded backlog behind it.
//! The run prints nothing itself: what goes wrong with a record, and how
//! far the input has got, reach the caller as [`Event`]s while it runs.

use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use super::input::{Messages, RecordError};
use super::output::{self, OutputFormat};
use super::reorder::Reorder;
use super::summary::Summary;
use crate::diagnostic::closest_or_all;
use crate::router::{DecideOptions, Message, Router};

/// Messages per batch handed to a worker.
pub const BATCH: usize = 2048;

/// One routing thread per core, up to 8.
pub fn default_workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
}

/// Batches read ahead of the writer at most.
pub const MAX_IN_FLIGHT: usize = 16;

/// How a run routes and what it writes.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Incident mode and decision time, the same for every message.
    pub decide: DecideOptions<'a>,
    pub format: OutputFormat,
    /// Follow each decision with its trace.
    pub explain: bool,
    /// Stop at the first malformed record or unknown channel or language,
    /// instead of skipping or routing it and going on.
    pub strict: bool,
    /// Count the decisions for the [`Summary`]; a run that will not show
    /// one can skip the work. Problem counts are kept either way.
    pub summarize: bool,
    /// Threads routing batches (at least one).
    pub workers: usize,
    /// Messages per batch (at least one).
    pub batch: usize,
}

impl Options<'_> {
    /// Lenient, summarized, without trace, one worker per core up to 8.
    pub fn new(format: OutputFormat) -> Self {
        Options {
            decide: DecideOptions::default(),
            format,
            explain: false,
            strict: false,
            summarize: true,
            workers: default_workers(),
            batch: BATCH,
        }
    }
}

/// What the run tells its caller while it goes, on the calling thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A record that is not a message: skipped, or under `strict` the
    /// end of the run.
    Malformed(RecordError),
    /// A message naming a channel or language the playbook does not have.
    /// It is routed all the same (as the catch-all would), but the
    /// playbook's rules for that channel or language cannot have applied.
    /// Under `strict` the run stops before it.
    Unknown {
        /// 1-based line (JSONL, CSV) or item (YAML) of the message.
        line: u64,
        message: String,
    },
    /// Roughly how many bytes of input have gone to the workers. Record
    /// readers do not expose their byte offset; the text plus a typical
    /// envelope is close enough for a progress bar.
    Progress { bytes: u64 },
}

/// The output failed part way; `summary` holds what was routed until then.
#[derive(Debug, thiserror::Error)]
#[error("cannot write: {source}")]
pub struct WriteError {
    pub source: std::io::Error,
    /// Boxed, so a successful run's result stays small.
    pub summary: Box<Summary>,
}

/// Routes every message of `records` and writes each decision to `out`
/// in input order, in `options.format`. `out` is written in batches and
/// flushed at the end. Returns the run's summary, whose `malformed` and
/// `unknown` counts say whether the input had problems.
pub fn run<R: BufRead, W: Write + Send>(
    router: &Router,
    mut records: Messages<R>,
    out: W,
    options: &Options,
    mut on_event: impl FnMut(Event),
) -> Result<Summary, WriteError> {
    let workers = options.workers.max(1);
    let batch_size = options.batch.max(1);
    let mut malformed = 0;
    let mut unknown = 0;
    let stop = AtomicBool::new(false);
    let in_flight = InFlight::default();
    // Batches of messages go to workers that route and render them; a
    // writer puts the results back in input order.
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Message>)>(workers * 2);
    let job_rx = Mutex::new(job_rx);
    // Written buffers go back to the workers: a batch's output is a
    // megabyte or two, and an allocator hands such blocks back to the
    // system when freed, so each new one would cost fresh zeroed pages.
    let (spare_tx, spare_rx) = mpsc::channel::<Vec<u8>>();
    let spare_rx = Mutex::new(spare_rx);
    // And routed batches, emptied, go back to the reader.
    let (empty_tx, empty_rx) = mpsc::channel::<Vec<Message>>();
    let (mut summary, write_error) = std::thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Vec<u8>, Summary)>(workers * 2);
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            let spare_rx = &spare_rx;
            let empty_tx = empty_tx.clone();
            scope.spawn(move || {
                let mut hits = Vec::new();
                loop {
                    let job = job_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((seq, mut batch)) = job else { break };
                    let spare = spare_rx.lock().ok().and_then(|rx| rx.try_recv().ok());
                    let mut buf = spare.unwrap_or_else(|| Vec::with_capacity(batch.len() * 256));
                    let mut summary = Summary::default();
                    for message in &batch {
                        let decision = router.decide_with(message, &options.decide, &mut hits);
                        output::render(
                            &mut buf,
                            options.format,
                            &decision,
                            message,
                            options.explain,
                        );
                        if options.summarize {
                            summary.add(&decision, router);
                        }
                    }
                    batch.clear();
                    // The reader may have finished: then it is dropped.
                    let _ = empty_tx.send(batch);
                    if done_tx.send((seq, buf, summary)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let stop = &stop;
        let in_flight = &in_flight;
        let writer = scope.spawn(move || {
            let mut out = out;
            let mut total = Summary::default();
            let mut reorder = Reorder::default();
            let mut result: std::io::Result<()> = if options.format == OutputFormat::Table {
                output::header(&mut out, output::Columns::of(router.ir()))
            } else {
                Ok(())
            };
            for (seq, buf, part) in done_rx {
                reorder.insert(seq, (buf, part));
                while let Some((mut buf, part)) = reorder.pop() {
                    if result.is_ok() {
                        result = out.write_all(&buf);
                    }
                    buf.clear();
                    // The workers may all have finished: then it is dropped.
                    let _ = spare_tx.send(buf);
                    total.merge(part);
                    in_flight.release();
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

        let mut batch = Vec::with_capacity(batch_size);
        let mut seq = 0u64;
        let mut bytes_seen = 0u64;
        while let Some(record) = records.next() {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            match record {
                Ok(m) => {
                    if let Some(message) = unknown_values(router, &m) {
                        unknown += 1;
                        on_event(Event::Unknown {
                            line: records.line(),
                            message,
                        });
                        if options.strict {
                            break;
                        }
                    }
                    bytes_seen += m.text.len() as u64 + 120;
                    batch.push(m);
                }
                Err(e) => {
                    malformed += 1;
                    on_event(Event::Malformed(e));
                    if options.strict {
                        break;
                    }
                }
            }
            if batch.len() == batch_size {
                in_flight.acquire(stop);
                let next = empty_rx
                    .try_recv()
                    .unwrap_or_else(|_| Vec::with_capacity(batch_size));
                if job_tx
                    .send((seq, std::mem::replace(&mut batch, next)))
                    .is_err()
                {
                    break;
                }
                seq += 1;
                on_event(Event::Progress { bytes: bytes_seen });
            }
        }
        if !batch.is_empty() {
            let _ = job_tx.send((seq, batch));
        }
        drop(job_tx);
        writer.join().expect("the writer does not panic")
    });
    summary.malformed = malformed;
    summary.unknown = unknown;
    match write_error {
        Some(source) => Err(WriteError {
            source,
            summary: Box::new(summary),
        }),
        None => Ok(summary),
    }
}

/// Batches handed out but not yet written.
#[derive(Default)]
struct InFlight {
    count: Mutex<usize>,
    written: Condvar,
}

impl InFlight {
    /// Counts one more batch, first waiting while the writer is
    /// [`MAX_IN_FLIGHT`] batches behind. The timeout re-checks `stop`
    /// when the output has closed.
    fn acquire(&self, stop: &AtomicBool) {
        if let Ok(n) = self.count.lock() {
            let waited =
                self.written
                    .wait_timeout_while(n, std::time::Duration::from_secs(3600), |n| {
                        *n >= MAX_IN_FLIGHT && !stop.load(Ordering::Relaxed)
                    });
            if let Ok((mut n, _)) = waited {
                *n += 1;
            }
        }
    }

    /// One batch written: wakes the reader if it waits.
    fn release(&self) {
        if let Ok(mut n) = self.count.lock() {
            *n = n.saturating_sub(1);
            self.written.notify_one();
        }
    }
}

/// What a message names that the playbook does not have, as a sentence.
fn unknown_values(router: &Router, m: &Message) -> Option<String> {
    let ir = router.ir();
    if !ir.channels.iter().any(|c| c.id == m.channel) {
        let hint = closest_or_all(
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
        let hint = closest_or_all("language", lang, ir.languages.iter().map(String::as_str));
        return Some(format!(
            "message `{}` is in language `{lang}`, which the playbook does not have; {hint}",
            m.id
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate::input::InputFormat;

    fn bundled_router() -> Router {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks");
        let validated = crate::validate(&dir, &Default::default()).expect("bundled playbook");
        let playbook = validated.valid().expect("the bundled playbook is valid");
        Router::new(&crate::ir::lower(playbook)).expect("router")
    }

    /// `n` messages with ids m0, m1, ..., every third on a channel the
    /// playbook does not have.
    fn messages(n: usize) -> String {
        (0..n)
            .map(|i| {
                let channel = if i % 3 == 2 { "fax" } else { "x" };
                format!(
                    r#"{{"id":"m{i}","channel":"{channel}","kind":"public","text":"My flight was delayed, booking {i}","received_at":"2026-02-10T12:00:00Z","lang":"en"}}"#
                ) + "\n"
            })
            .collect()
    }

    fn simulate(
        router: &Router,
        input: &str,
        options: &Options,
    ) -> (Result<Summary, WriteError>, Vec<u8>, Vec<Event>) {
        let mut out = Vec::new();
        let mut events = Vec::new();
        let records = Messages::new(input.as_bytes(), InputFormat::Jsonl);
        let result = run(router, records, &mut out, options, |e| events.push(e));
        (result, out, events)
    }

    #[test]
    fn several_workers_keep_the_input_order() {
        let router = bundled_router();
        let input = messages(200);
        let options = Options {
            workers: 4,
            batch: 3,
            ..Options::new(OutputFormat::Jsonl)
        };
        let (result, out, _) = simulate(&router, &input, &options);
        let summary = result.expect("written");
        assert_eq!(summary.messages, 200);
        let text = String::from_utf8(out).expect("UTF-8");
        let ids: Vec<String> = text
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
                v["id"].as_str().expect("an id").to_string()
            })
            .collect();
        let expected: Vec<String> = (0..200).map(|i| format!("m{i}")).collect();
        assert_eq!(ids, expected);

        let one = Options {
            workers: 1,
            ..Options::new(OutputFormat::Jsonl)
        };
        let (_, alone, _) = simulate(&router, &input, &one);
        assert_eq!(
            text.as_bytes(),
            alone,
            "the pool changes nothing in the output"
        );
    }

    #[test]
    fn problems_are_reported_as_they_come_and_strict_stops_at_the_first() {
        let router = bundled_router();
        let input = format!("{}{{broken\n", messages(4));
        let lenient = Options::new(OutputFormat::Table);
        let (result, out, events) = simulate(&router, &input, &lenient);
        let summary = result.expect("written");
        assert_eq!(
            (summary.messages, summary.unknown, summary.malformed),
            (4, 1, 1)
        );
        // The header and a row per message, the unknown channel's included.
        assert_eq!(String::from_utf8_lossy(&out).lines().count(), 5);
        assert!(matches!(
            &events[..],
            [Event::Unknown { line: 3, message }, Event::Malformed(RecordError { line: 5, .. })]
                if message.contains("channel `fax`")
        ));

        let strict = Options {
            strict: true,
            ..lenient
        };
        let (result, out, events) = simulate(&router, &input, &strict);
        let summary = result.expect("written");
        assert_eq!(
            (summary.messages, summary.unknown, summary.malformed),
            (2, 1, 0)
        );
        assert_eq!(String::from_utf8_lossy(&out).lines().count(), 3);
        assert_eq!(events.len(), 1);
    }

    #[test]
    fn a_failed_write_is_an_error_with_what_was_routed() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let router = bundled_router();
        let input = messages(10);
        let records = Messages::new(input.as_bytes(), InputFormat::Jsonl);
        let options = Options {
            batch: 2,
            ..Options::new(OutputFormat::Jsonl)
        };
        let error = run(&router, records, Closed, &options, |_| {}).expect_err("closed output");
        assert_eq!(error.source.kind(), std::io::ErrorKind::BrokenPipe);
        assert!(error.summary.messages <= 10);
    }
}
