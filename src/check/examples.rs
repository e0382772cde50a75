//! Labelled examples: every tag the examples label is labelled often
//! enough for the router to learn it (CB319), no sample message is one
//! of them (CB320), and thresholds are set only for tags it learns
//! (CB322).

use std::collections::BTreeMap;

use super::Context;
use crate::detect::classifier::FEWEST_EXAMPLES;
use crate::detect::fold::fold;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Loc;

pub fn check(cx: &mut Context) {
    too_few(cx);
    samples_learned(cx);
    thresholds_learned(cx);
}

/// How many examples label each tag.
fn labelled(cx: &Context) -> BTreeMap<String, usize> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for e in &cx.pb.examples {
        for tag in &e.tags {
            *count.entry(tag.as_str().to_string()).or_default() += 1;
        }
    }
    count
}

/// A tag's own thresholds apply to the label the router learns for it; a
/// tag it does not learn (a child judged by its parent's examples, or
/// one labelled too rarely) is decided as if they were not there.
fn thresholds_learned(cx: &mut Context) {
    let Some(learning) = &cx.pb.manifest.learning else {
        return;
    };
    let count = labelled(cx);
    let mut found = Vec::new();
    for tag in learning.tags.keys() {
        // An unknown tag is CB201's to report.
        if !cx.pb.tags.iter().any(|t| t.id.as_str() == tag.as_str()) {
            continue;
        }
        let n = count.get(tag.as_str()).copied().unwrap_or(0);
        if n < FEWEST_EXAMPLES {
            found.push((tag.as_str().to_string(), n));
        }
    }
    for (tag, n) in found {
        let label = cx
            .label(&cx.pb.manifest.loc.child(format!("learning/tags/{tag}")))
            .with_message(format!("`{tag}` is labelled in {n} example(s)"));
        cx.push(
            Diagnostic::new(
                Code::ThresholdNotLearned,
                format!(
                    "tag `{tag}` has learning thresholds of its own, but the router learns only tags labelled in {FEWEST_EXAMPLES} examples or more, so they change nothing"
                ),
            )
            .at(label)
            .help(format!(
                "label at least {FEWEST_EXAMPLES} real messages with `{tag}`, or set the thresholds on the learned tag above it, whose examples judge it"
            )),
        );
    }
}

fn too_few(cx: &mut Context) {
    // Each label's count and its first example, in tag order of first use.
    let mut seen: BTreeMap<&str, (usize, &Loc, usize)> = BTreeMap::new();
    for e in &cx.pb.examples {
        for (i, tag) in e.tags.iter().enumerate() {
            let entry = seen.entry(tag.as_str()).or_insert((0, &e.loc, i));
            entry.0 += 1;
        }
    }
    for (tag, (count, loc, i)) in seen {
        if count >= FEWEST_EXAMPLES {
            continue;
        }
        let label = cx
            .label(&loc.child(format!("tags/{i}")))
            .with_message(format!("`{tag}` in {count} example(s) in all"));
        cx.push(
            Diagnostic::new(
                Code::TooFewExamples,
                format!(
                    "tag `{tag}` is labelled in {count} example(s); the router learns a tag from {FEWEST_EXAMPLES} or more, so it neither doubts nor adds `{tag}`"
                ),
            )
            .at(label)
            .help(format!(
                "label at least {FEWEST_EXAMPLES} real messages with `{tag}`, or remove it from these examples"
            )),
        );
    }
}

/// A sample whose text, folded as keywords are, is an example's: the
/// router learned its answer, so the sample no longer tests the rules.
fn samples_learned(cx: &mut Context) {
    if cx.pb.examples.is_empty() {
        return;
    }
    let key = |text: &str| {
        fold(text, true)
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let examples: BTreeMap<String, &Loc> = cx
        .pb
        .examples
        .iter()
        .map(|e| (key(&e.text), &e.loc))
        .collect();
    for sample in &cx.pb.samples {
        let Some(example) = examples.get(&key(&sample.text)) else {
            continue;
        };
        let label = cx
            .label(&sample.loc.child("text"))
            .with_message("also a labelled example");
        let also = cx.label(&example.child("text")).with_message("the example");
        cx.push(
            Diagnostic::new(
                Code::SampleIsExample,
                format!(
                    "sample `{}` is also a labelled example: the router learns its tags from it, so the sample passes whatever the keywords say",
                    sample.id
                ),
            )
            .at(label)
            .related(also)
            .help("keep samples and examples apart: remove it from the examples, or write the sample another way"),
        );
    }
}
