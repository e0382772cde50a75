//! The what-if calculator behind `carebook staffing erlang`: one queue and
//! one interval, described by their figures rather than by a playbook,
//! and every result Erlang C gives for them.

use serde::Serialize;

use super::erlang::{ErlangError, Load, Target, with_shrinkage};
use super::format_percent;
use crate::model::Duration;

/// One queue and interval, as the question is put.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Question {
    /// Messages arriving in the interval.
    pub volume: f64,
    pub interval: Duration,
    /// Average handling time of one message.
    pub aht: Duration,
    /// Share to answer within a time.
    pub target: (f64, Duration),
    /// Share of rostered time agents are unavailable.
    pub shrinkage: f64,
    /// Highest share of their time agents may spend handling messages.
    pub max_occupancy: f64,
    /// Conversations one agent handles at once.
    pub concurrency: u32,
}

/// The inputs and every result, at full precision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub volume: f64,
    pub interval_seconds: u64,
    pub aht_seconds: u64,
    pub concurrency: u32,
    pub target: TargetOut,
    pub max_occupancy: f64,
    pub shrinkage: f64,
    pub traffic_erlangs: f64,
    pub agents: u32,
    pub agents_with_shrinkage: u32,
    pub service_level: f64,
    pub occupancy: f64,
    pub waiting_probability: f64,
    pub average_speed_of_answer_seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetOut {
    pub service_level: f64,
    pub within_seconds: u64,
}

/// The output formats of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

impl Question {
    /// Agents needed and what they achieve; an error for figures Erlang C
    /// cannot work with (no time, negative volume, a share above 1).
    pub fn answer(&self) -> Result<Answer, ErlangError> {
        let (level, within) = self.target;
        let load = Load::new(
            self.volume,
            self.interval.seconds as f64,
            self.aht.seconds as f64,
        )?
        .with_concurrency(self.concurrency)?;
        let target = Target::new(level, within.seconds as f64, self.max_occupancy)?;
        let agents = load.required_agents(&target);
        let agents_with_shrinkage = with_shrinkage(agents, self.shrinkage)?;
        let m = load.metrics(agents, target.within_seconds);
        Ok(Answer {
            volume: self.volume,
            interval_seconds: self.interval.seconds,
            aht_seconds: self.aht.seconds,
            concurrency: self.concurrency,
            target: TargetOut {
                service_level: level,
                within_seconds: within.seconds,
            },
            max_occupancy: self.max_occupancy,
            shrinkage: self.shrinkage,
            traffic_erlangs: load.traffic,
            agents,
            agents_with_shrinkage,
            service_level: m.service_level,
            occupancy: m.occupancy,
            waiting_probability: m.waiting_probability,
            average_speed_of_answer_seconds: m.average_speed_of_answer,
        })
    }
}

/// `answer` to `question` in `format`. The question is needed because
/// people read durations as they wrote them (`1bd`, not `1d`).
pub fn render(format: Format, answer: &Answer, question: &Question) -> String {
    match format {
        Format::Json => crate::json::pretty(answer),
        Format::Human => human(answer, question),
    }
}

/// `10`, `6.33`: at most two decimals, for people.
fn two_decimals(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn human(a: &Answer, q: &Question) -> String {
    let within = q.target.1;
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
                q.interval,
                q.aht
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of callcentrehelper.com: 100 calls in half an
    /// hour, 3 minutes each, 80% within 20 seconds.
    fn textbook() -> Question {
        Question {
            volume: 100.0,
            interval: Duration::from_secs(1800),
            aht: Duration::from_secs(180),
            target: (0.8, Duration::from_secs(20)),
            shrinkage: 0.3,
            max_occupancy: 1.0,
            concurrency: 1,
        }
    }

    #[test]
    fn the_textbook_answer_for_people() {
        let q = textbook();
        let a = q.answer().expect("valid figures");
        assert_eq!((a.agents, a.agents_with_shrinkage), (14, 20));
        assert_eq!(
            render(Format::Human, &a, &q),
            "traffic                  10 Erlangs: 100 messages in 30m, 3m each\n\
             agents                   14 to answer 80% within 20s\n\
             with 30% shrinkage       20 rostered\n\
             service level            88.8% answered within 20s\n\
             occupancy                71.4%\n\
             waiting probability      17.4%\n\
             average speed of answer  7.84s\n"
        );
    }

    #[test]
    fn impossible_figures_are_an_error_not_a_number() {
        let q = Question {
            shrinkage: 1.0,
            ..textbook()
        };
        assert_eq!(q.answer(), Err(ErlangError::Shrinkage(1.0)));
        let q = Question {
            interval: Duration::from_secs(0),
            ..textbook()
        };
        assert_eq!(q.answer(), Err(ErlangError::Interval));
    }

    #[test]
    fn durations_are_shown_as_written() {
        let q = Question {
            interval: Duration::parse("1bd").expect("a duration"),
            ..textbook()
        };
        let a = q.answer().expect("valid figures");
        assert!(render(Format::Human, &a, &q).contains(" messages in 1bd, 3m each\n"));
    }
}
