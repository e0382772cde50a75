//! The replayed traffic of `carebook diff --messages`, as text and as
//! Markdown: what moved where, on how many messages, the first of them.

use std::fmt::Write as _;

use crate::diff::replay::{DeadlineMoves, Group, TagChange, Traffic};
use crate::model::Duration;

/// One clause for the report's summary line.
pub(super) fn summary(t: &Traffic) -> String {
    let mut text = if t.changed() {
        format!(
            "{} of {} replayed messages decided differently",
            t.changed, t.messages
        )
    } else {
        format!("nothing changed on {} replayed messages", t.messages)
    };
    if t.malformed > 0 {
        let _ = write!(
            text,
            " ({} malformed record{} skipped)",
            t.malformed,
            plural(t.malformed)
        );
    }
    text
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A deadline's move, head minus base: `-10m`, `+1d2h`.
fn signed(seconds: i64) -> String {
    let size = Duration::from_secs(seconds.unsigned_abs()).to_string();
    match seconds {
        0 => size,
        s if s < 0 => format!("-{size}"),
        _ => format!("+{size}"),
    }
}

/// `N moved (min .., median .., max ..)`, or `N moved` alone.
fn spread(d: &DeadlineMoves) -> String {
    match (d.min_seconds, d.median_seconds, d.max_seconds) {
        (Some(min), Some(median), Some(max)) => format!(
            "{} moved (min {}, median {}, max {})",
            d.moved,
            signed(min),
            signed(median),
            signed(max)
        ),
        _ => format!("{} moved", d.moved),
    }
}

/// One titled block of rows: a label, a count and the first messages.
struct Block<'a> {
    title: String,
    /// For a deadline: how far it moved.
    note: Option<String>,
    rows: Vec<(String, &'a Group)>,
}

/// The changes grouped as the report shows them: each decision's
/// transitions, the tags, then each deadline's moves.
fn blocks(t: &Traffic) -> Vec<Block<'_>> {
    let mut out: Vec<Block> = Vec::new();
    for tr in &t.transitions {
        let title = tr.field.label().to_string();
        if out.last().is_none_or(|b| b.title != title) {
            out.push(Block {
                title,
                note: None,
                rows: Vec::new(),
            });
        }
        if let Some(block) = out.last_mut() {
            block
                .rows
                .push((format!("{} → {}", tr.from, tr.to), &tr.messages));
        }
    }
    if !t.tags.is_empty() {
        out.push(Block {
            title: "tags".to_string(),
            note: None,
            rows: t
                .tags
                .iter()
                .map(|m| {
                    let sign = match m.change {
                        TagChange::Gained => "+",
                        TagChange::Lost => "-",
                    };
                    (format!("{sign} {}", m.tag), &m.messages)
                })
                .collect(),
        });
    }
    for d in &t.deadlines {
        let mut rows: Vec<(String, &Group)> = d
            .buckets
            .iter()
            .map(|b| (b.bucket.to_string(), &b.messages))
            .collect();
        for (label, group) in [("gained", &d.gained), ("lost", &d.lost)] {
            if group.count > 0 {
                rows.push((format!("{label} a deadline"), group));
            }
        }
        if !rows.is_empty() {
            out.push(Block {
                title: d.deadline.label().to_string(),
                note: (d.moved > 0).then(|| spread(d)),
                rows,
            });
        }
    }
    out
}

/// The changes under the report's other sections; the summary line has
/// already said when there are none.
pub(super) fn human(out: &mut String, t: &Traffic) {
    if !t.changed() {
        return;
    }
    let _ = writeln!(out, "\nreplayed messages decided differently:");
    for block in blocks(t) {
        let _ = match &block.note {
            Some(note) => writeln!(out, "  {}: {note}", block.title),
            None => writeln!(out, "  {}:", block.title),
        };
        let width = block
            .rows
            .iter()
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0);
        let digits = block
            .rows
            .iter()
            .map(|(_, g)| g.count.to_string().len())
            .max()
            .unwrap_or(0);
        for (label, group) in &block.rows {
            let pad = width - label.chars().count();
            let _ = writeln!(
                out,
                "    {label}{:pad$}  {:>digits$}  {}",
                "",
                group.count,
                group.examples.join(", ")
            );
        }
    }
}

pub(super) fn markdown(out: &mut String, t: &Traffic) {
    if !t.changed() {
        return;
    }
    let _ = writeln!(
        out,
        "\n<details open><summary>Replayed messages decided differently ({} of {})</summary>\n",
        t.changed, t.messages
    );
    let _ = writeln!(out, "| change | messages | first messages |\n|---|--:|---|");
    let blocks = blocks(t);
    for block in &blocks {
        for (label, group) in &block.rows {
            let examples: Vec<String> = group.examples.iter().map(|id| code(id)).collect();
            let _ = writeln!(
                out,
                "| {}: {} | {} | {} |",
                cell(&block.title),
                cell(label),
                group.count,
                examples.join(", ")
            );
        }
    }
    let notes: Vec<String> = blocks
        .iter()
        .filter_map(|b| Some(format!("- {}: {}", b.title, b.note.as_ref()?)))
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "\n{}", notes.join("\n"));
    }
    let _ = writeln!(out, "\n</details>");
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// A message id as inline code; ids come from the input, so a backtick
/// or bar in one must not break the table.
fn code(id: &str) -> String {
    format!("`{}`", id.replace('`', "'").replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_read_with_their_sign() {
        assert_eq!(signed(-600), "-10m");
        assert_eq!(signed(93_600), "+1d2h");
        assert_eq!(signed(0), "0m");
    }
}
