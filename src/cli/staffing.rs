//! `carebook staffing`: Erlang C as a what-if calculator (`erlang`) and
//! the week's requirements against the shifts (`plan`).

mod erlang;
mod plan;

use clap::{Args, Subcommand};

use crate::model::Duration;

#[derive(Debug, Args)]
pub struct StaffingArgs {
    #[command(subcommand)]
    pub command: StaffingCommand,
}

#[derive(Debug, Subcommand)]
pub enum StaffingCommand {
    /// Agents needed for one queue and interval, from volume, handling
    /// time and a service-level target.
    Erlang(erlang::ErlangArgs),
    /// Required against scheduled agents for every queue and hour of a week.
    Plan(plan::PlanArgs),
}

pub fn run(args: StaffingArgs) -> Result<super::Outcome, super::CommandError> {
    match args.command {
        StaffingCommand::Erlang(args) => erlang::run(args),
        StaffingCommand::Plan(args) => plan::run(args),
    }
}

/// `30m`, `20s`, `1h30m`.
fn parse_duration(text: &str) -> Result<Duration, String> {
    Duration::parse(text)
        .ok_or_else(|| format!("`{text}` is not a duration; write e.g. `20s`, `30m` or `1h`"))
}

/// `80%` or `0.8`. A bare number above 1 is refused rather than guessed at.
fn parse_share(text: &str) -> Result<f64, String> {
    let bad = || format!("`{text}` is not a share; write e.g. `80%` or `0.8`");
    let share = match text.strip_suffix('%') {
        Some(p) => p.trim().parse::<f64>().map_err(|_| bad())? / 100.0,
        None => {
            let v = text.trim().parse::<f64>().map_err(|_| bad())?;
            if v > 1.0 {
                return Err(format!(
                    "`{text}` is not a share; write `{text}%` or a fraction such as `0.8`"
                ));
            }
            v
        }
    };
    if share.is_finite() {
        Ok(share)
    } else {
        Err(bad())
    }
}

/// `80%/20s`: a service level and the time it is measured against.
fn parse_target(text: &str) -> Result<(f64, Duration), String> {
    let (share, within) = text.split_once('/').ok_or_else(|| {
        format!("`{text}` is not a target; write SERVICE-LEVEL/TIME, e.g. `80%/20s`")
    })?;
    Ok((parse_share(share)?, parse_duration(within)?))
}

/// A finite number.
fn parse_number(text: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("`{text}` is not a number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_targets() {
        assert_eq!(parse_share("80%"), Ok(0.8));
        assert_eq!(parse_share("0.8"), Ok(0.8));
        assert_eq!(parse_share("100%"), Ok(1.0));
        assert!(parse_share("80").is_err());
        assert!(parse_share("x%").is_err());
        assert!(parse_share("NaN").is_err());
        assert_eq!(parse_target("80%/20s"), Ok((0.8, Duration::from_secs(20))));
        assert!(parse_target("80%").is_err());
        assert!(parse_target("80%/20").is_err());
        assert!(parse_number("inf").is_err());
        assert_eq!(parse_number("-3"), Ok(-3.0));
    }
}
