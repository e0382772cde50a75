//! Labelled examples (CB319): every tag the examples label is labelled
//! often enough for the router to learn it.

use std::collections::BTreeMap;

use super::Context;
use crate::detect::classifier::FEWEST_EXAMPLES;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Loc;

pub fn check(cx: &mut Context) {
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
