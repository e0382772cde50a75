//! Staffing: how many agents each queue needs, hour by hour, and whether
//! the shifts provide them.
//!
//! - [`erlang`]: Erlang C for one queue and interval (pure arithmetic).
//! - [`week`]: the week's hourly intervals in one time zone, across DST.
//! - [`demand`]: a forecast entry's volume and requirement per interval.
//! - [`plan`]: every queue's requirements against the members on shift.
//! - [`heatmap`]: the plan as an SVG heatmap.
//! - [`shifts`]: the instants each shift covers, which coverage (CB310)
//!   reads too, so both agree on who is on shift.
//! - [`report`]: the plan as a table, JSON or CSV (or the heatmap).
//! - [`whatif`]: Erlang C for one queue described by its figures, and the
//!   answer for people or as JSON.
//!
//! The checks build on this module (understaffing, CB312, reads the plan),
//! never the other way.

pub mod demand;
pub mod erlang;
pub mod heatmap;
pub mod plan;
pub mod report;
pub mod shifts;
pub mod week;
pub mod whatif;

/// Agents as people read them: `3`, `2.5`, `0.3`.
pub fn format_agents(agents: f64) -> String {
    let rounded = (agents * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// A share as a percentage with at most one decimal: `80%`, `88.8%`; just
/// short of all is `>99.9%`, never a rounded-up `100%`.
pub fn format_percent(share: f64) -> String {
    let text = format_agents(share * 100.0);
    if share < 1.0 && text == "100" {
        return ">99.9%".to_string();
    }
    format!("{text}%")
}

/// Whole agents missing for a negative gap (0.5 short is 1 short: nobody
/// can hire half a person for an hour).
pub fn shortfall(gap: f64) -> u32 {
    if gap >= 0.0 { 0 } else { (-gap).ceil() as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_people() {
        assert_eq!(format_agents(3.0), "3");
        assert_eq!(format_agents(2.5), "2.5");
        assert_eq!(format_agents(-0.5), "-0.5");
        assert_eq!(format_agents(1.0 / 3.0), "0.3");
        assert_eq!(format_agents(-0.04), "0");
        assert_eq!(format_percent(0.888350019), "88.8%");
        assert_eq!(format_percent(0.85), "85%");
        assert_eq!(format_percent(0.99996), ">99.9%");
        assert_eq!(format_percent(1.0), "100%");
        assert_eq!(shortfall(-0.5), 1);
        assert_eq!(shortfall(-2.0), 2);
        assert_eq!(shortfall(0.0), 0);
    }
}
