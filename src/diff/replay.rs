//! Replaying a message history through the routers of two revisions, to
//! say what a change does to real traffic: how many messages are decided
//! differently, which queues, severities, priorities, coverage and tags
//! they move between, and how far their deadlines move.
//!
//! Each message is parsed once and routed by both routers in the same
//! worker; the two decisions are compared field by field in memory. Every
//! worker keeps one partial [`Tally`] of the batches it routed, and the
//! partials are merged at the end. Counts add up in any order, and each
//! example keeps its input index, so the merged report is the same
//! whatever the number of workers, the batch size or the scheduling.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::{Mutex, mpsc};

use serde::Serialize;

use crate::diagnostic::closest_or_all;
use crate::router::{Coverage, DecideOptions, Decision, Message, Router};
use crate::simulate::input::{Messages, RecordError};

/// Messages per batch handed to a worker, as `simulate` batches them.
pub use crate::simulate::stream::BATCH;

/// Example message ids kept per change: the first ones in input order.
pub const EXAMPLES: usize = 3;

/// How a replay routes.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Incident mode and decision time, the same for both revisions.
    pub decide: DecideOptions<'a>,
    /// Stop at the first malformed record, or the first message on a
    /// channel or in a language neither revision has.
    pub strict: bool,
    /// Threads routing batches (at least one).
    pub workers: usize,
    /// Messages per batch (at least one).
    pub batch: usize,
}

impl Default for Options<'_> {
    /// Lenient, one worker per core up to 8.
    fn default() -> Self {
        Options {
            decide: DecideOptions::default(),
            strict: false,
            workers: crate::simulate::stream::default_workers(),
            batch: BATCH,
        }
    }
}

/// What the replay tells its caller while it reads, on the calling thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A record that is not a message: skipped, or under `strict` the end
    /// of the replay.
    Malformed(RecordError),
    /// A message on a channel or in a language neither revision has. It
    /// is replayed all the same; under `strict` the replay stops before it.
    Unknown { line: u64, message: String },
}

/// A decision that changes from one value to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Queue,
    Team,
    Route,
    Severity,
    Priority,
    ResponseMode,
    Coverage,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Queue => "queue",
            Field::Team => "team",
            Field::Route => "route",
            Field::Severity => "severity",
            Field::Priority => "priority",
            Field::ResponseMode => "response mode",
            Field::Coverage => "coverage",
        }
    }
}

/// Whether a message gained or lost a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TagChange {
    Gained,
    Lost,
}

/// The deadlines whose moves are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    FirstResponse,
    Resolution,
}

impl Deadline {
    pub fn label(self) -> &'static str {
        match self {
            Deadline::FirstResponse => "first response due",
            Deadline::Resolution => "resolution due",
        }
    }
}

/// How far a deadline moved, earliest first; the bounds are one hour and
/// one day either way.
pub const BUCKETS: [&str; 6] = [
    "earlier by more than 1d",
    "earlier by 1h to 1d",
    "earlier by less than 1h",
    "later by less than 1h",
    "later by 1h to 1d",
    "later by more than 1d",
];

/// How many messages a change applies to, and the first few of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Group {
    pub count: u64,
    /// Ids of the first [`EXAMPLES`] messages in input order.
    pub examples: Vec<String>,
}

/// The whole replay, as reported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Traffic {
    /// Messages replayed through both revisions.
    pub messages: u64,
    /// Messages with at least one decision changed.
    pub changed: u64,
    /// Records skipped because they are not messages.
    pub malformed: u64,
    /// Messages on a channel or in a language neither revision has.
    pub unknown: u64,
    /// By field in [`Field`] order, then most messages first, then names.
    pub transitions: Vec<Transition>,
    /// Gained before lost, then most messages first, then the tag.
    pub tags: Vec<TagMove>,
    /// First response, then resolution.
    pub deadlines: Vec<DeadlineMoves>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    pub field: Field,
    pub from: String,
    pub to: String,
    #[serde(flatten)]
    pub messages: Group,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagMove {
    pub tag: String,
    pub change: TagChange,
    #[serde(flatten)]
    pub messages: Group,
}

/// How one deadline moved over the messages that have it in both
/// revisions, and who gained or lost it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineMoves {
    pub deadline: Deadline,
    /// Messages whose deadline is at another time.
    pub moved: u64,
    /// Head minus base, in seconds; the median to the minute.
    pub min_seconds: Option<i64>,
    pub median_seconds: Option<i64>,
    pub max_seconds: Option<i64>,
    /// The non-empty buckets of [`BUCKETS`], in that order.
    pub buckets: Vec<Bucket>,
    /// Messages with this deadline in head only, and in base only.
    pub gained: Group,
    pub lost: Group,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bucket {
    pub bucket: &'static str,
    #[serde(flatten)]
    pub messages: Group,
}

impl Traffic {
    pub fn changed(&self) -> bool {
        self.changed > 0
    }
}

/// Replays every message of `records` through `base` and `head`.
pub fn run<R: BufRead>(
    base: &Router,
    head: &Router,
    mut records: Messages<R>,
    options: &Options,
    mut on_event: impl FnMut(Event),
) -> Traffic {
    let workers = options.workers.max(1);
    let batch_size = options.batch.max(1);
    let (mut malformed, mut unknown) = (0, 0);
    // The bounded channel holds the reader back when the workers fall
    // behind, so memory stays bounded whatever the input's length.
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Message>)>(workers * 2);
    let job_rx = Mutex::new(job_rx);
    let tally = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let job_rx = &job_rx;
                scope.spawn(move || {
                    let mut tally = Tally::default();
                    let (mut hits_base, mut hits_head) = (Vec::new(), Vec::new());
                    loop {
                        let job = job_rx
                            .lock()
                            .map_err(|_| ())
                            .and_then(|rx| rx.recv().map_err(|_| ()));
                        let Ok((first, batch)) = job else { break };
                        for (index, message) in (first..).zip(&batch) {
                            let a = base.decide_with(message, &options.decide, &mut hits_base);
                            let b = head.decide_with(message, &options.decide, &mut hits_head);
                            tally.add(index, &message.id, &a, &b);
                        }
                    }
                    tally
                })
            })
            .collect();

        let mut batch = Vec::with_capacity(batch_size);
        let mut next_index = 0u64;
        while let Some(record) = records.next() {
            match record {
                Ok(m) => {
                    if let Some(message) = unknown_values(base, head, &m) {
                        unknown += 1;
                        on_event(Event::Unknown {
                            line: records.line(),
                            message,
                        });
                        if options.strict {
                            break;
                        }
                    }
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
                let first = next_index;
                next_index += batch.len() as u64;
                if job_tx.send((first, std::mem::take(&mut batch))).is_err() {
                    break;
                }
            }
        }
        if !batch.is_empty() {
            let _ = job_tx.send((next_index, batch));
        }
        drop(job_tx);
        let mut total = Tally::default();
        for handle in handles {
            match handle.join() {
                Ok(part) => total.merge(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        total
    });
    let mut traffic = tally.report();
    traffic.malformed = malformed;
    traffic.unknown = unknown;
    traffic
}

/// What a message names that neither revision has, as a sentence. A
/// channel only one of them has is a change of the playbook, not a
/// problem of the input.
fn unknown_values(base: &Router, head: &Router, m: &Message) -> Option<String> {
    let (a, b) = (base.ir(), head.ir());
    let has_channel = |ir: &crate::ir::Ir| ir.channels.iter().any(|c| c.id == m.channel);
    if !has_channel(a) && !has_channel(b) {
        let mut known: Vec<&str> = a
            .channels
            .iter()
            .chain(&b.channels)
            .map(|c| c.id.as_str())
            .collect();
        known.sort_unstable();
        known.dedup();
        let hint = closest_or_all("channel", &m.channel, known.iter().copied());
        return Some(format!(
            "message `{}` is on channel `{}`, which neither revision has; {hint}",
            m.id, m.channel
        ));
    }
    if let Some(lang) = &m.lang {
        let has_language = |ir: &crate::ir::Ir| ir.languages.iter().any(|l| l == lang);
        if !has_language(a) && !has_language(b) {
            let mut known: Vec<&str> = a
                .languages
                .iter()
                .chain(&b.languages)
                .map(String::as_str)
                .collect();
            known.sort_unstable();
            known.dedup();
            let hint = closest_or_all("language", lang, known.iter().copied());
            return Some(format!(
                "message `{}` is in language `{lang}`, which neither revision has; {hint}",
                m.id
            ));
        }
    }
    None
}

/// A count and the first examples by input index, kept sorted.
#[derive(Debug, Clone, Default)]
struct Examples {
    count: u64,
    first: Vec<(u64, String)>,
}

impl Examples {
    fn add(&mut self, index: u64, id: &str) {
        self.count += 1;
        // A worker sees its messages in input order, so after the first
        // few this is one comparison.
        if self.first.len() == EXAMPLES && self.first.last().is_some_and(|(i, _)| *i < index) {
            return;
        }
        self.first.push((index, id.to_string()));
        self.first.sort_unstable_by_key(|(i, _)| *i);
        self.first.truncate(EXAMPLES);
    }

    fn merge(&mut self, other: Examples) {
        self.count += other.count;
        self.first.extend(other.first);
        self.first.sort_unstable_by_key(|(i, _)| *i);
        self.first.truncate(EXAMPLES);
    }

    fn group(self) -> Group {
        Group {
            count: self.count,
            examples: self.first.into_iter().map(|(_, id)| id).collect(),
        }
    }
}

/// One deadline's moves while counting.
#[derive(Debug, Default)]
struct DeadlineTally {
    buckets: [Examples; 6],
    /// Moves rounded to the minute, for the median: bounded by the range
    /// of the moves, not by the number of messages.
    minutes: BTreeMap<i64, u64>,
    min: Option<i64>,
    max: Option<i64>,
    gained: Examples,
    lost: Examples,
}

impl DeadlineTally {
    /// Counts the deadline of message `index`; true when it changed.
    fn add(
        &mut self,
        index: u64,
        id: &str,
        base: Option<jiff::Timestamp>,
        head: Option<jiff::Timestamp>,
    ) -> bool {
        match (base, head) {
            (Some(a), Some(b)) if a != b => {
                let nanos = b.as_nanosecond() - a.as_nanosecond();
                let seconds = (nanos / 1_000_000_000) as i64;
                let size = match seconds.unsigned_abs() {
                    s if s < 3_600 => 0,
                    s if s <= 86_400 => 1,
                    _ => 2,
                };
                let bucket = if nanos > 0 { 3 + size } else { 2 - size };
                self.buckets[bucket].add(index, id);
                let minutes = if seconds >= 0 {
                    (seconds + 30) / 60
                } else {
                    -((30 - seconds) / 60)
                };
                *self.minutes.entry(minutes).or_default() += 1;
                self.min = Some(self.min.map_or(seconds, |m| m.min(seconds)));
                self.max = Some(self.max.map_or(seconds, |m| m.max(seconds)));
                true
            }
            (None, Some(_)) => {
                self.gained.add(index, id);
                true
            }
            (Some(_), None) => {
                self.lost.add(index, id);
                true
            }
            _ => false,
        }
    }

    fn merge(&mut self, other: DeadlineTally) {
        for (mine, theirs) in self.buckets.iter_mut().zip(other.buckets) {
            mine.merge(theirs);
        }
        for (minutes, n) in other.minutes {
            *self.minutes.entry(minutes).or_default() += n;
        }
        self.min = match (self.min, other.min) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.max = match (self.max, other.max) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self.gained.merge(other.gained);
        self.lost.merge(other.lost);
    }

    fn report(self, deadline: Deadline) -> DeadlineMoves {
        let moved: u64 = self.minutes.values().sum();
        // The lower median: the middle move, or the earlier of the two.
        let mut rank = moved.saturating_sub(1) / 2;
        let mut median = None;
        for (minutes, n) in &self.minutes {
            if rank < *n {
                median = Some(minutes * 60);
                break;
            }
            rank -= n;
        }
        DeadlineMoves {
            deadline,
            moved,
            min_seconds: self.min,
            median_seconds: median,
            max_seconds: self.max,
            buckets: BUCKETS
                .iter()
                .zip(self.buckets)
                .filter(|(_, e)| e.count > 0)
                .map(|(bucket, e)| Bucket {
                    bucket,
                    messages: e.group(),
                })
                .collect(),
            gained: self.gained.group(),
            lost: self.lost.group(),
        }
    }
}

/// A worker's partial summary. Names borrow from the routers, so a
/// change costs no allocation beyond its first examples.
#[derive(Debug, Default)]
struct Tally<'r> {
    messages: u64,
    changed: u64,
    transitions: BTreeMap<(Field, &'r str, &'r str), Examples>,
    tags: BTreeMap<(TagChange, &'r str), Examples>,
    first_response: DeadlineTally,
    resolution: DeadlineTally,
    /// Sorted, deduplicated tags of the two decisions, reused.
    scratch: (Vec<&'r str>, Vec<&'r str>),
}

const NONE: &str = "(none)";

fn coverage(c: &Coverage) -> &'static str {
    match c {
        Coverage::OnShift { .. } => "on_shift",
        Coverage::Handover { .. } => "handover",
        Coverage::Uncovered => "uncovered",
        Coverage::NoQueue => "no_queue",
    }
}

impl<'r> Tally<'r> {
    fn add(&mut self, index: u64, id: &str, a: &Decision<'r>, b: &Decision<'r>) {
        self.messages += 1;
        let mut changed = false;
        let fields = [
            (
                Field::Queue,
                a.queue.unwrap_or(NONE),
                b.queue.unwrap_or(NONE),
            ),
            (Field::Team, a.team.unwrap_or(NONE), b.team.unwrap_or(NONE)),
            (
                Field::Route,
                a.route.unwrap_or(NONE),
                b.route.unwrap_or(NONE),
            ),
            (Field::Severity, a.severity, b.severity),
            (Field::Priority, a.priority.as_str(), b.priority.as_str()),
            (
                Field::ResponseMode,
                a.response_mode.as_str(),
                b.response_mode.as_str(),
            ),
            (
                Field::Coverage,
                coverage(&a.coverage),
                coverage(&b.coverage),
            ),
        ];
        for (field, before, after) in fields {
            if before != after {
                changed = true;
                self.transitions
                    .entry((field, before, after))
                    .or_default()
                    .add(index, id);
            }
        }

        let (before, after) = &mut self.scratch;
        before.clear();
        after.clear();
        before.extend(a.tags.iter().map(|t| t.tag));
        after.extend(b.tags.iter().map(|t| t.tag));
        if before != after {
            before.sort_unstable();
            before.dedup();
            after.sort_unstable();
            after.dedup();
            for tag in before.iter().filter(|t| after.binary_search(t).is_err()) {
                changed = true;
                self.tags
                    .entry((TagChange::Lost, tag))
                    .or_default()
                    .add(index, id);
            }
            for tag in after.iter().filter(|t| before.binary_search(t).is_err()) {
                changed = true;
                self.tags
                    .entry((TagChange::Gained, tag))
                    .or_default()
                    .add(index, id);
            }
        }

        changed |= self
            .first_response
            .add(index, id, a.first_response_due, b.first_response_due);
        changed |= self
            .resolution
            .add(index, id, a.resolution_due, b.resolution_due);
        if changed {
            self.changed += 1;
        }
    }

    fn merge(&mut self, other: Tally<'r>) {
        self.messages += other.messages;
        self.changed += other.changed;
        for (key, e) in other.transitions {
            self.transitions.entry(key).or_default().merge(e);
        }
        for (key, e) in other.tags {
            self.tags.entry(key).or_default().merge(e);
        }
        self.first_response.merge(other.first_response);
        self.resolution.merge(other.resolution);
    }

    fn report(self) -> Traffic {
        let mut transitions: Vec<Transition> = self
            .transitions
            .into_iter()
            .map(|((field, from, to), e)| Transition {
                field,
                from: from.to_string(),
                to: to.to_string(),
                messages: e.group(),
            })
            .collect();
        transitions.sort_by(|x, y| {
            (x.field, std::cmp::Reverse(x.messages.count), &x.from, &x.to).cmp(&(
                y.field,
                std::cmp::Reverse(y.messages.count),
                &y.from,
                &y.to,
            ))
        });
        let mut tags: Vec<TagMove> = self
            .tags
            .into_iter()
            .map(|((change, tag), e)| TagMove {
                tag: tag.to_string(),
                change,
                messages: e.group(),
            })
            .collect();
        tags.sort_by(|x, y| {
            (x.change, std::cmp::Reverse(x.messages.count), &x.tag).cmp(&(
                y.change,
                std::cmp::Reverse(y.messages.count),
                &y.tag,
            ))
        });
        Traffic {
            messages: self.messages,
            changed: self.changed,
            malformed: 0,
            unknown: 0,
            transitions,
            tags,
            deadlines: vec![
                self.first_response.report(Deadline::FirstResponse),
                self.resolution.report(Deadline::Resolution),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate::input::InputFormat;

    /// The base fixture, and the same with the urgent first-response
    /// target cut from 30m to 20m and `late` no longer a delay keyword.
    fn routers() -> (Router, Router) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let validated = crate::validate(&dir, &Default::default()).expect("the fixture loads");
        let ir = crate::ir::lower(validated.valid().expect("the fixture is valid"));
        let mut changed = ir.clone();
        let urgent = changed
            .severities
            .iter_mut()
            .find(|s| s.id == "urgent")
            .expect("an urgent severity");
        urgent.first_response_seconds = 20 * 60;
        for tag in &mut changed.tags {
            tag.keywords.retain(|k| k.text != "late");
        }
        (
            Router::new(&ir).expect("base router"),
            Router::new(&changed).expect("head router"),
        )
    }

    fn messages(n: usize) -> String {
        let texts = [
            "The app is down again",
            "My parcel is late",
            "Thanks for the help",
            "Order 123456 is delayed",
        ];
        (0..n)
            .map(|i| {
                let channel = if i % 97 == 5 { "fax" } else { "x" };
                format!(
                    r#"{{"id":"m{i}","channel":"{channel}","kind":"public","text":"{}","received_at":"2026-02-{:02}T{:02}:{:02}:00Z"}}"#,
                    texts[i % texts.len()],
                    1 + i % 28,
                    i % 24,
                    (i * 7) % 60,
                ) + "\n"
            })
            .collect()
    }

    fn replay(base: &Router, head: &Router, input: &str, options: &Options) -> Traffic {
        let records = Messages::new(input.as_bytes(), InputFormat::Jsonl);
        run(base, head, records, options, |_| {})
    }

    #[test]
    fn the_report_is_the_same_whatever_the_workers_and_batches() {
        let (base, head) = routers();
        let input = messages(1000);
        let one = replay(
            &base,
            &head,
            &input,
            &Options {
                workers: 1,
                batch: BATCH,
                ..Options::default()
            },
        );
        assert_eq!(one.messages, 1000);
        assert!(one.changed > 0, "{one:?}");
        assert_eq!(one.tags[0].messages.examples.len(), EXAMPLES);
        for (workers, batch) in [(2, 1), (3, 7), (4, 64), (8, 999)] {
            let many = replay(
                &base,
                &head,
                &input,
                &Options {
                    workers,
                    batch,
                    ..Options::default()
                },
            );
            assert_eq!(many, one, "{workers} workers, batches of {batch}");
        }
    }

    #[test]
    fn examples_are_the_first_in_input_order_and_deadlines_are_measured() {
        let (base, head) = routers();
        let traffic = replay(&base, &head, &messages(40), &Options::default());
        // Messages 1, 5, 9... said `late`: tagged delay in base only. m5
        // is on a channel neither revision has, and is replayed anyway.
        let lost = &traffic.tags[0];
        assert_eq!((lost.tag.as_str(), lost.change), ("delay", TagChange::Lost));
        assert_eq!(lost.messages.count, 10);
        assert_eq!(lost.messages.examples, ["m1", "m5", "m9"]);
        assert_eq!(traffic.unknown, 1);
        let first = &traffic.deadlines[0];
        assert_eq!(first.deadline, Deadline::FirstResponse);
        assert_eq!(first.moved, 10);
        assert_eq!(
            (first.min_seconds, first.median_seconds, first.max_seconds),
            (Some(-600), Some(-600), Some(-600))
        );
        assert_eq!(first.buckets[0].bucket, "earlier by less than 1h");
        assert_eq!(first.buckets[0].messages.examples, ["m0", "m4", "m8"]);
    }

    #[test]
    fn the_median_is_the_middle_move_to_the_minute() {
        let mut tally = DeadlineTally::default();
        let t = |s: i64| Some(jiff::Timestamp::from_second(1_800_000_000 + s).expect("a time"));
        for (i, delta) in [-7_200, 90, 200_000].into_iter().enumerate() {
            assert!(tally.add(i as u64, "m", t(0), t(delta)));
        }
        assert!(tally.add(3, "g", None, t(0)));
        assert!(!tally.add(4, "same", t(5), t(5)));
        let moves = tally.report(Deadline::Resolution);
        assert_eq!(moves.moved, 3);
        assert_eq!(
            (moves.min_seconds, moves.median_seconds, moves.max_seconds),
            (Some(-7_200), Some(120), Some(200_000))
        );
        let buckets: Vec<&str> = moves.buckets.iter().map(|b| b.bucket).collect();
        assert_eq!(
            buckets,
            [
                "earlier by 1h to 1d",
                "later by less than 1h",
                "later by more than 1d"
            ]
        );
        assert_eq!(moves.gained.examples, ["g"]);
    }
}
