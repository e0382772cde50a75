//! `carebook staffing erlang`: flags in, one queue's figures out. The
//! arithmetic and the output are [`crate::staffing::whatif`].

use clap::Args;

use super::{parse_duration, parse_number, parse_share, parse_target};
use crate::cli::{CommandError, Outcome, print};
use crate::model::Duration;
use crate::staffing::whatif::{self, Question};

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
    pub format: whatif::Format,
}

impl ErlangArgs {
    fn question(&self) -> Question {
        Question {
            volume: self.volume,
            interval: self.interval,
            aht: self.aht,
            target: self.target,
            shrinkage: self.shrinkage,
            max_occupancy: self.max_occupancy,
            concurrency: self.concurrency,
        }
    }
}

pub fn run(args: ErlangArgs) -> Result<Outcome, CommandError> {
    let question = args.question();
    // Figures Erlang C refuses came in as flags: a usage error.
    let answer = question.answer().map_err(CommandError::usage)?;
    print(&whatif::render(args.format, &answer, &question));
    Ok(Outcome::Clean)
}
