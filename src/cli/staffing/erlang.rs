//! `carebook staffing erlang`: flags in, one queue's figures out.

use clap::Args;
use serde::Serialize;

use super::{parse_duration, parse_number, parse_share, parse_target};
use crate::cli::{EXIT_OK, print, usage_error};
use crate::model::Duration;
use crate::staffing::erlang::{ErlangError, Load, Target, with_shrinkage};
use crate::staffing::format_percent;

#[derive(Debug, Args)]
pub struct ErlangArgs {
    /// Messages arriving in one interval.
    #[arg(long, value_name = "V", allow_negative_numbers = true, value_parser = parse_number)]
    pub volume: f64,
    /// Length of the interval, e.g. `30m` or `1h`.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub interval: Duration,
    /// Average handling time of one message, e.g. `3m` or `90s`.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub aht: Duration,
    /// Share to answer within a time, e.g. `80%/20s` or `0.8/20s`.
    #[arg(long, value_name = "SL/TIME", value_parser = parse_target)]
    pub target: (f64, Duration),
    /// Share of rostered time agents are unavailable (breaks, training,
    /// absence).
    #[arg(long, value_name = "SHARE", default_value = "0%", value_parser = parse_share)]
    pub shrinkage: f64,
    /// Highest share of their time agents may spend handling messages.
    #[arg(long, value_name = "SHARE", default_value = "100%", value_parser = parse_share)]
    pub max_occupancy: f64,
    /// Conversations one agent handles at once (private messages).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub concurrency: u32,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: ErlangFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ErlangFormat {
    Human,
    Json,
}

/// The inputs and every result, at full precision.
#[derive(Debug, Serialize)]
struct Answer {
    volume: f64,
    interval_seconds: u64,
    aht_seconds: u64,
    concurrency: u32,
    target: TargetOut,
    max_occupancy: f64,
    shrinkage: f64,
    traffic_erlangs: f64,
    agents: u32,
    agents_with_shrinkage: u32,
    service_level: f64,
    occupancy: f64,
    waiting_probability: f64,
    average_speed_of_answer_seconds: f64,
}

#[derive(Debug, Serialize)]
struct TargetOut {
    service_level: f64,
    within_seconds: u64,
}

fn answer(args: &ErlangArgs) -> Result<Answer, ErlangError> {
    let (level, within) = args.target;
    let load = Load::new(
        args.volume,
        args.interval.seconds as f64,
        args.aht.seconds as f64,
    )?
    .with_concurrency(args.concurrency)?;
    let target = Target::new(level, within.seconds as f64, args.max_occupancy)?;
    let agents = load.required_agents(&target);
    let agents_with_shrinkage = with_shrinkage(agents, args.shrinkage)?;
    let m = load.metrics(agents, target.within_seconds);
    Ok(Answer {
        volume: args.volume,
        interval_seconds: args.interval.seconds,
        aht_seconds: args.aht.seconds,
        concurrency: args.concurrency,
        target: TargetOut {
            service_level: level,
            within_seconds: within.seconds,
        },
        max_occupancy: args.max_occupancy,
        shrinkage: args.shrinkage,
        traffic_erlangs: load.traffic,
        agents,
        agents_with_shrinkage,
        service_level: m.service_level,
        occupancy: m.occupancy,
        waiting_probability: m.waiting_probability,
        average_speed_of_answer_seconds: m.average_speed_of_answer,
    })
}

pub fn run(args: ErlangArgs) -> i32 {
    let a = match answer(&args) {
        Ok(a) => a,
        Err(e) => return usage_error(e),
    };
    match args.format {
        ErlangFormat::Json => print(&crate::json::pretty(&a)),
        ErlangFormat::Human => print(&human(&a, &args)),
    }
    EXIT_OK
}

/// `10`, `6.33`: at most two decimals, for people.
fn two_decimals(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn human(a: &Answer, args: &ErlangArgs) -> String {
    let within = args.target.1;
    let at_once = if a.concurrency > 1 {
        format!(", {} at a time", a.concurrency)
    } else {
        String::new()
    };
    let cap = if a.max_occupancy < 1.0 {
        format!(", occupancy at most {}", format_percent(a.max_occupancy))
    } else {
        String::new()
    };
    let rows = [
        (
            "traffic".to_string(),
            format!(
                "{} Erlangs: {} messages in {}, {} each{at_once}",
                two_decimals(a.traffic_erlangs),
                two_decimals(a.volume),
                args.interval,
                args.aht
            ),
        ),
        (
            "agents".to_string(),
            format!(
                "{} to answer {} within {within}{cap}",
                a.agents,
                format_percent(a.target.service_level)
            ),
        ),
        (
            format!("with {} shrinkage", format_percent(a.shrinkage)),
            format!("{} rostered", a.agents_with_shrinkage),
        ),
        (
            "service level".to_string(),
            format!(
                "{} answered within {within}",
                format_percent(a.service_level)
            ),
        ),
        ("occupancy".to_string(), format_percent(a.occupancy)),
        (
            "waiting probability".to_string(),
            format_percent(a.waiting_probability),
        ),
        (
            "average speed of answer".to_string(),
            format!("{}s", two_decimals(a.average_speed_of_answer_seconds)),
        ),
    ];
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(k, v)| format!("{k:<width$}  {v}\n"))
        .collect()
}
