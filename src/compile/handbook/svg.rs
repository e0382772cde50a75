//! The routing diagram of the HTML handbook: a fixed three-column inline
//! SVG, tags on the left, queues in the middle, escalation chains with
//! their rungs on the right, arrows between them.
//!
//! Drawn here rather than in a template because the layout is arithmetic.
//! It is self-contained (no scripts, links, fonts or `url()` references,
//! arrowheads are plain polygons), every playbook string is XML-escaped,
//! and long names are shortened with the full text in a `<title>`, which
//! browsers show on hover. The same flow always gives the same bytes.

use std::fmt::Write;

use super::flow::{Flow, FlowNode};
use crate::xml::escape;

const WIDTH: i32 = 1000;
const TOP: i32 = 44;
const TAG_X: i32 = 10;
const TAG_W: i32 = 262;
const TAG_H: i32 = 22;
const QUEUE_X: i32 = 372;
const QUEUE_W: i32 = 270;
const QUEUE_H: i32 = 36;
const CHAIN_X: i32 = 718;
const CHAIN_W: i32 = 272;
const CHAIN_HEAD: i32 = 20;
const RUNG_H: i32 = 15;
const GAP: i32 = 6;

/// A box placed in its column: top, height, centre line.
struct Placed {
    y: i32,
    h: i32,
}

impl Placed {
    fn middle(&self) -> i32 {
        self.y + self.h / 2
    }
}

/// Places boxes of the given heights down a column of height `total`,
/// spread evenly so short columns line up with long ones.
fn place(heights: &[i32], total: i32) -> Vec<Placed> {
    let used: i32 = heights.iter().sum();
    let n = heights.len() as i32;
    let spare = (total - used).max(0);
    let gap = if n > 0 { spare / n } else { 0 };
    let mut y = TOP + gap / 2;
    heights
        .iter()
        .map(|&h| {
            let p = Placed { y, h };
            y += h + gap;
            p
        })
        .collect()
}

fn chain_height(node: &FlowNode) -> i32 {
    CHAIN_HEAD + RUNG_H * node.lines.len() as i32 + 8
}

/// Rough advance widths in pixels of a Latin character in the diagram's
/// fonts: bold 12px, regular 12px, regular 11px. Wider scripts (CJK,
/// Thai) count 1.7 times as much. Generous, so text stays inside its box
/// in the common sans-serif fonts.
const BOLD_12: f64 = 7.6;
const REGULAR_12: f64 = 6.9;
const REGULAR_11: f64 = 6.3;

fn char_width(c: char, latin: f64) -> f64 {
    if c.is_ascii() { latin } else { latin * 1.7 }
}

/// The estimated width of `text` in pixels.
fn width(text: &str, latin: f64) -> f64 {
    text.chars().map(|c| char_width(c, latin)).sum()
}

/// Shortens `text` to fit in `room` pixels, ending in `…` when cut.
fn fit(text: &str, room: f64, latin: f64) -> String {
    if text.is_empty() || width(text, latin) <= room {
        return text.to_string();
    }
    let room = room - latin;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_width(c, latin);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The diagram as an `<svg>` element for inline use in HTML.
pub fn render(flow: &Flow) -> String {
    let tag_heights: Vec<i32> = flow.tags.iter().map(|_| TAG_H).collect();
    let queue_heights: Vec<i32> = flow.queues.iter().map(|_| QUEUE_H).collect();
    let chain_heights: Vec<i32> = flow.chains.iter().map(chain_height).collect();
    let column = |heights: &[i32]| heights.iter().map(|h| h + GAP).sum::<i32>();
    let total = column(&tag_heights)
        .max(column(&queue_heights))
        .max(column(&chain_heights));
    let height = TOP + total + 10;
    let tags = place(&tag_heights, total);
    let queues = place(&queue_heights, total);
    let chains = place(&chain_heights, total);

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="flow" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="flow-title" font-family="system-ui, sans-serif" font-size="12">"#
    );
    let _ = writeln!(
        s,
        r#"<title id="flow-title">Where each tag's messages go: tag, queue, escalation rungs</title>"#
    );
    for (x, text) in [
        (TAG_X, "Tag"),
        (QUEUE_X, "Queue"),
        (CHAIN_X, "Escalation rungs (time since arrival)"),
    ] {
        let _ = writeln!(
            s,
            r##"<text x="{x}" y="20" font-weight="bold" font-size="13" fill="#1f2933">{text}</text>"##
        );
    }

    // Arrows first, so boxes sit on top of their ends.
    let position = |key: &str| -> Option<(i32, i32, i32)> {
        // (left x, right x, centre y) of a box by its key.
        if let Some(i) = flow.tags.iter().position(|n| n.key == key) {
            return Some((TAG_X, TAG_X + TAG_W, tags[i].middle()));
        }
        if let Some(i) = flow.queues.iter().position(|n| n.key == key) {
            return Some((QUEUE_X, QUEUE_X + QUEUE_W, queues[i].middle()));
        }
        let i = flow.chains.iter().position(|n| n.key == key)?;
        Some((CHAIN_X, CHAIN_X + CHAIN_W, chains[i].y + CHAIN_HEAD / 2))
    };
    let _ = writeln!(
        s,
        r##"<g fill="none" stroke="#7a869a" stroke-width="1.2" stroke-opacity="0.75">"##
    );
    let mut heads = String::new();
    for e in &flow.edges {
        let (Some((_, x1, y1)), Some((x2, _, y2))) = (position(&e.from), position(&e.to)) else {
            continue;
        };
        let x2 = x2 - 6;
        let bend = (x2 - x1) / 2;
        let _ = writeln!(
            s,
            r#"<path d="M{x1} {y1} C{} {y1} {} {y2} {x2} {y2}"/>"#,
            x1 + bend,
            x2 - bend
        );
        let _ = writeln!(
            heads,
            r#"<polygon points="{x2} {} {} {y2} {x2} {}"/>"#,
            y2 - 4,
            x2 + 6,
            y2 + 4
        );
    }
    let _ = writeln!(s, "</g>");
    let _ = writeln!(s, r##"<g fill="#7a869a">"##);
    s.push_str(&heads);
    let _ = writeln!(s, "</g>");

    let room = f64::from(TAG_W - 12);
    for (node, p) in flow.tags.iter().zip(&tags) {
        let id = fit(&node.id, room * 0.75, BOLD_12);
        let _ = writeln!(
            s,
            r##"<g><title>{}: {}</title><rect x="{TAG_X}" y="{}" width="{TAG_W}" height="{}" rx="4" fill="#eef3fb" stroke="#9db3d6"/><text x="{}" y="{}" fill="#1f2933"><tspan font-weight="bold">{}</tspan><tspan fill="#52606d"> {}</tspan></text></g>"##,
            escape(&node.id),
            escape(&node.label),
            p.y,
            p.h,
            TAG_X + 6,
            p.y + 15,
            escape(&id),
            escape(&fit(
                &node.label,
                room - width(&id, BOLD_12) - REGULAR_12,
                REGULAR_12
            )),
        );
    }
    for (node, p) in flow.queues.iter().zip(&queues) {
        let _ = writeln!(
            s,
            r##"<g><title>{}: {}</title><rect x="{QUEUE_X}" y="{}" width="{QUEUE_W}" height="{}" rx="4" fill="#fff4e5" stroke="#e0b36a"/><text x="{}" y="{}" font-weight="bold" fill="#1f2933">{}</text><text x="{}" y="{}" font-size="11" fill="#52606d">{}</text></g>"##,
            escape(&node.id),
            escape(&node.label),
            p.y,
            p.h,
            QUEUE_X + 6,
            p.y + 15,
            escape(&fit(&node.id, f64::from(QUEUE_W - 12), BOLD_12)),
            QUEUE_X + 6,
            p.y + 29,
            escape(&fit(&node.label, f64::from(QUEUE_W - 12), REGULAR_11)),
        );
    }
    for (node, p) in flow.chains.iter().zip(&chains) {
        let _ = write!(
            s,
            r##"<g><title>{}</title><rect x="{CHAIN_X}" y="{}" width="{CHAIN_W}" height="{}" rx="4" fill="#eef8ee" stroke="#8cc08c"/><text x="{}" y="{}" font-weight="bold" fill="#1f2933">{}</text>"##,
            escape(&node.id),
            p.y,
            p.h,
            CHAIN_X + 6,
            p.y + 15,
            escape(&fit(&node.id, f64::from(CHAIN_W - 12), BOLD_12)),
        );
        for (i, line) in node.lines.iter().enumerate() {
            let _ = write!(
                s,
                r##"<text x="{}" y="{}" font-size="11" fill="#1f2933">{}. {}</text>"##,
                CHAIN_X + 10,
                p.y + CHAIN_HEAD + 10 + RUNG_H * i as i32,
                i + 1,
                escape(&fit(line, f64::from(CHAIN_W - 30), REGULAR_11)),
            );
        }
        let _ = writeln!(s, "</g>");
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::handbook::flow::FlowEdge;

    fn node(key: &str, id: &str, label: &str, lines: &[&str]) -> FlowNode {
        FlowNode {
            key: key.into(),
            id: id.into(),
            label: label.into(),
            lines: lines.iter().map(|l| l.to_string()).collect(),
        }
    }

    #[test]
    fn escapes_playbook_text_and_links_nothing() {
        let flow = Flow {
            tags: vec![node("t0", "outage", "<script>alert(1)</script>", &[])],
            queues: vec![node("q0", "care", "Care & \"friends\"", &[])],
            chains: vec![node("c0", "main", "", &["2m automated step", "10m Agent"])],
            edges: vec![
                FlowEdge {
                    from: "t0".into(),
                    to: "q0".into(),
                },
                FlowEdge {
                    from: "q0".into(),
                    to: "c0".into(),
                },
            ],
        };
        let svg = render(&flow);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("Care &amp; &quot;friends&quot;"));
        assert!(!svg.contains("href") && !svg.contains("url("));
        assert_eq!(svg.matches("<path ").count(), 2);
        assert_eq!(render(&flow), svg, "deterministic");
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        assert_eq!(fit("short", 100.0, 10.0), "short");
        assert_eq!(fit("a longer queue name", 90.0, 10.0), "a longer…");
        assert_eq!(fit("日本語のキュー", 80.0, 10.0), "日本語の…");
        assert_eq!(fit("", -5.0, 10.0), "");
    }
}
