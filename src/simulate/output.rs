//! Decisions out: a fixed-width table row or a JSON line per message, each
//! optionally followed by the decision trace.
//!
//! Rows are rendered into a byte buffer rather than a writer, so workers
//! can render their batch in parallel and the writer only copies bytes.

use std::io::Write;

use crate::router::explain::{explain, mode, priority};
use crate::router::{Coverage, Decision, Message};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
}

/// The table's column headings; JSON lines have none.
pub fn header(out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<22} {:<34} {:<9} {:<8} {:<18} {:<14} {:<22} {:<21} REPLY",
        "ID", "TAGS", "SEVERITY", "PRIORITY", "QUEUE", "TEAM", "COVERED BY", "FIRST RESPONSE DUE",
    )
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
