//! The week's plan as an SVG heatmap: days down, local hours across, each
//! cell coloured by the gap of the tightest queue in that hour. Red shades
//! are agents short, green shades are slack.
//!
//! The document is self-contained (no scripts, fonts, styles or links from
//! elsewhere) and the same plan always gives the same bytes, so a handbook
//! can embed it and a diff shows only real changes. Every cell carries a
//! `<title>`, which browsers show as a tooltip.

use std::fmt::Write;

use super::plan::{GridCell, Plan};
use super::week::weekday_name;
use super::{format_agents, format_percent, shortfall};
use crate::model::Duration;

const LEFT: i32 = 140;
const TOP: i32 = 110;
const CELL_W: i32 = 30;
const CELL_H: i32 = 26;
const WIDTH: i32 = LEFT + 24 * CELL_W + 24;
const GRID_BOTTOM: i32 = TOP + 7 * CELL_H;
const HEIGHT: i32 = GRID_BOTTOM + 80;

/// Fill colours, from most short to most slack, with their legend text.
const SCALE: [(&str, &str); 8] = [
    ("#a50f15", "5+ short"),
    ("#de2d26", "3 to 4 short"),
    ("#fb6a4a", "2 short"),
    ("#fcbba1", "1 short"),
    ("#c7e9c0", "under 1 spare"),
    ("#74c476", "1 to 3 spare"),
    ("#238b45", "3+ spare"),
    ("#eeeeee", "no such hour"),
];

fn fill(gap: f64) -> &'static str {
    if gap < 0.0 {
        match shortfall(gap) {
            0..=1 => SCALE[3].0,
            2 => SCALE[2].0,
            3..=4 => SCALE[1].0,
            _ => SCALE[0].0,
        }
    } else if gap < 1.0 {
        SCALE[4].0
    } else if gap < 3.0 {
        SCALE[5].0
    } else {
        SCALE[6].0
    }
}

/// The heatmap of `plan`, as a complete SVG document.
pub fn render(plan: &Plan) -> String {
    let week = &plan.week;
    let title = format!(
        "Staffing gap, week of {} ({})",
        week.monday,
        crate::xml::escape(&week.zone)
    );
    let subtitle = "Each hour shows its tightest queue: agents on shift minus agents required.";
    let target = format!(
        "Target: {} answered within {}, occupancy at most {}, shrinkage {}",
        format_percent(plan.target.service_level),
        Duration::from_secs(plan.target.within_seconds as u64),
        format_percent(plan.target.max_occupancy),
        format_percent(plan.shrinkage)
    );
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="title" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<title id="title">{title}</title>"#);
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="26" font-size="16" font-weight="bold">{title}</text>"#
    );
    for (y, line) in [(46, subtitle), (62, target.as_str())] {
        let _ = writeln!(
            s,
            r##"<text x="{LEFT}" y="{y}" font-size="11" fill="#444444">{}</text>"##,
            crate::xml::escape(line)
        );
    }

    // Axis labels and hour ticks.
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle">Hour of day (local time, {})</text>"#,
        LEFT + 12 * CELL_W,
        TOP - 28,
        crate::xml::escape(&week.zone)
    );
    for h in 0..24 {
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle">{h:02}</text>"#,
            LEFT + h * CELL_W + CELL_W / 2,
            TOP - 8
        );
    }
    let _ = writeln!(
        s,
        r#"<text x="20" y="{}" text-anchor="middle" transform="rotate(-90 20 {})">Day</text>"#,
        TOP + 7 * CELL_H / 2,
        TOP + 7 * CELL_H / 2
    );

    let grid = plan.grid();
    for (day, row) in grid.iter().enumerate() {
        let y = TOP + day as i32 * CELL_H;
        let date = week.date(day);
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end">{} {}</text>"#,
            LEFT - 8,
            y + CELL_H / 2 + 4,
            weekday_name(day),
            date
        );
        for (hour, cell) in row.iter().enumerate() {
            let x = LEFT + hour as i32 * CELL_W;
            cell_svg(&mut s, plan, cell.as_ref(), x, y, day, hour);
        }
    }
    let _ = writeln!(
        s,
        r##"<rect x="{LEFT}" y="{TOP}" width="{}" height="{}" fill="none" stroke="#888888"/>"##,
        24 * CELL_W,
        7 * CELL_H
    );

    legend(&mut s);
    s.push_str("</svg>\n");
    s
}

fn cell_svg(
    s: &mut String,
    plan: &Plan,
    cell: Option<&GridCell>,
    x: i32,
    y: i32,
    day: usize,
    hour: usize,
) {
    let Some(c) = cell else {
        let _ = writeln!(
            s,
            r##"<rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" fill="{}" stroke="#ffffff"><title>{} {} {hour:02}:00 does not exist: the clocks go forward</title></rect>"##,
            SCALE[7].0,
            weekday_name(day),
            plan.week.date(day)
        );
        return;
    };
    let queue = &plan.queues[c.queue];
    let detail = &queue.cells[c.slot];
    let mut tip = format!(
        "{}: tightest queue {}, {} on shift, {} required (gap {})",
        plan.week.slots[c.slot].long_label(),
        queue.name(),
        format_agents(detail.scheduled()),
        detail.need.rostered,
        format_agents(c.gap)
    );
    if c.slots > 1 {
        tip.push_str("; the clocks go back, so this hour happens twice: the worse is shown");
    }
    let _ = writeln!(
        s,
        r##"<rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" fill="{}" stroke="#ffffff"><title>{}</title></rect>"##,
        fill(c.gap),
        crate::xml::escape(&tip)
    );
    if c.gap < 0.0 {
        let colour = if shortfall(c.gap) >= 2 {
            "#ffffff"
        } else {
            "#000000"
        };
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle" fill="{colour}">-{}</text>"#,
            x + CELL_W / 2,
            y + CELL_H / 2 + 4,
            shortfall(c.gap)
        );
    }
}

fn legend(s: &mut String) {
    let y = GRID_BOTTOM + 36;
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="{}">Gap in the tightest queue (numbers in cells: agents short, rounded up)</text>"#,
        y - 10
    );
    let step = 24 * CELL_W / SCALE.len() as i32;
    for (i, (colour, label)) in SCALE.iter().enumerate() {
        let x = LEFT + i as i32 * step;
        let _ = writeln!(
            s,
            r##"<rect x="{x}" y="{y}" width="{}" height="14" fill="{colour}" stroke="#888888"/>"##,
            step - 6
        );
        let _ = writeln!(
            s,
            r#"<text x="{x}" y="{}" font-size="11">{label}</text>"#,
            y + 28
        );
    }
}
