//! Decisions out: a fixed-width table row or a JSON line per message, each
//! optionally followed by the decision trace.
//!
//! Rows are rendered into a byte buffer rather than a writer, so workers
//! can render their batch in parallel and the writer only copies bytes.

use std::io::Write;

use crate::ir::Ir;
use crate::router::explain::{bot_reason, explain, mode, priority};
use crate::router::{BotAction, Coverage, Decision, Message};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
}

/// The columns a playbook's table has beyond the routing ones: the bot's
/// and the follow-ups', only when it has them, so other playbooks' tables
/// keep their shape.
#[derive(Debug, Clone, Copy, Default)]
pub struct Columns {
    pub bot: bool,
    pub follow_ups: bool,
}

impl Columns {
    pub fn of(ir: &Ir) -> Columns {
        Columns {
            bot: ir.bot.is_some(),
            follow_ups: !ir.follow_ups.is_empty(),
        }
    }
}

/// The width of the bot's cell: "hands off: asks for person".
const BOT_WIDTH: usize = 27;

/// The table's column headings; JSON lines have none.
pub fn header(out: &mut impl Write, columns: Columns) -> std::io::Result<()> {
    let mut line = format!(
        "{:<22} {:<34} {:<9} {:<8} {:<18} {:<14} {:<22} {:<21} {:<7}",
        "ID",
        "TAGS",
        "SEVERITY",
        "PRIORITY",
        "QUEUE",
        "TEAM",
        "COVERED BY",
        "FIRST RESPONSE DUE",
        "REPLY",
    );
    if columns.bot {
        line.push_str(&format!(" {:<BOT_WIDTH$}", "BOT"));
    }
    if columns.follow_ups {
        line.push_str(" FOLLOW-UPS");
    }
    writeln!(out, "{}", line.trim_end())
}

/// Appends one message's decision to `buf` in `format`, with the trace
/// when `with_trace`.
pub fn render(
    buf: &mut Vec<u8>,
    format: OutputFormat,
    d: &Decision,
    m: &Message,
    with_trace: bool,
) {
    match format {
        OutputFormat::Table => table_row(buf, d, m, with_trace),
        OutputFormat::Jsonl => jsonl(buf, d, m, with_trace),
    }
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
    let mut line = format!(
        "{:<22} {:<34} {:<9} {:<8} {:<18} {:<14} {:<22} {:<21} {:<7}",
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
    if let Some(bot) = &d.bot {
        line.push_str(&format!(" {:<BOT_WIDTH$}", clip(&bot_cell(bot), BOT_WIDTH)));
    }
    let follow_ups: Vec<String> = d
        .follow_ups
        .iter()
        .map(|f| {
            let due = f.due.map_or("-".to_string(), |t| {
                t.strftime("%Y-%m-%dT%H:%MZ").to_string()
            });
            format!("{} {due}", f.id)
        })
        .collect();
    if !follow_ups.is_empty() {
        line.push(' ');
        line.push_str(&follow_ups.join(", "));
    }
    let _ = writeln!(buf, "{}", line.trim_end());
    if with_trace {
        for line in explain(d, m) {
            let _ = writeln!(buf, "    {line}");
        }
    }
}

/// What the bot does, with the first reason: the trace has them all.
fn bot_cell(bot: &crate::router::BotDecision) -> String {
    let action = match bot.action {
        BotAction::Answers => return "answers".to_string(),
        BotAction::HandsOff => "hands off",
        BotAction::Holds => "holds",
        BotAction::Passes => "passes",
    };
    match bot.reasons.first() {
        Some(reason) => format!("{action}: {}", bot_reason(reason, true)),
        None => action.to_string(),
    }
}

fn jsonl(buf: &mut Vec<u8>, d: &Decision, m: &Message, with_trace: bool) {
    if with_trace {
        super::jsonl::write(buf, d, Some(&explain(d, m)));
    } else {
        super::jsonl::write(buf, d, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_clipped_with_an_ellipsis() {
        assert_eq!(clip("refund", 9), "refund");
        assert_eq!(clip("baggage-damaged", 9), "baggage-…");
        assert_eq!(clip("ご予約の変更について", 5), "ご予約の…");
    }
}
