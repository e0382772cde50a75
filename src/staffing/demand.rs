//! What a forecast entry asks of its queue, hour by hour: the volume from
//! `daily_volume` and `hourly_profile`, and the agents Erlang C requires
//! for it.
//!
//! The profile's 24 weights are hours of the day in the plan's time zone
//! (the manifest's default). On the day the clocks go back the repeated
//! hour gets its weight twice; on the day they go forward the skipped
//! hour's volume is not there: customers write by the clock.

use std::collections::HashMap;

use super::erlang::{self, ErlangError, Load, Target};
use super::week::{HOUR, Slot, Week};
use crate::model::Forecast;

/// A forecast entry that cannot be planned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DemandError {
    #[error("daily volume {0} is not 0 or more")]
    Volume(f64),
    #[error("the hourly profile needs 24 weights, each 0 or more, not all 0")]
    Profile,
    #[error(transparent)]
    Erlang(#[from] ErlangError),
}

/// What one forecast entry asks of its queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Demand {
    pub daily_volume: f64,
    /// Share of the day's volume in each local hour; sums to 1.
    pub hourly_share: [f64; 24],
    /// Seconds of an agent's time per message, replies and actions blended,
    /// before concurrency.
    pub aht: f64,
    /// Conversations one agent handles at once on the channel.
    pub concurrency: u32,
}

impl Demand {
    pub fn from_forecast(f: &Forecast, concurrency: u32) -> Result<Demand, DemandError> {
        if !f.daily_volume.is_finite() || f.daily_volume < 0.0 {
            return Err(DemandError::Volume(f.daily_volume));
        }
        let aht = erlang::blended_aht(
            f.reply_share,
            f.reply_aht.seconds as f64,
            f.action_aht.seconds as f64,
        )?;
        let hourly_share = match &f.hourly_profile {
            None => [1.0 / 24.0; 24],
            Some(weights) => shares(weights).ok_or(DemandError::Profile)?,
        };
        Ok(Demand {
            daily_volume: f.daily_volume,
            hourly_share,
            aht,
            concurrency: concurrency.max(1),
        })
    }

    /// Forecast messages in a slot.
    pub fn volume(&self, slot: &Slot) -> f64 {
        self.daily_volume * self.hourly_share[slot.hour()] * slot.seconds() as f64 / HOUR as f64
    }

    /// The requirement of every slot of the week.
    pub fn requirements(
        &self,
        week: &Week,
        target: &Target,
        shrinkage: f64,
    ) -> Result<Vec<Requirement>, ErlangError> {
        // A slot's volume depends only on its local hour and length, so a
        // week has at most 25 distinct loads per queue: solve each once.
        let mut solved: HashMap<(usize, i64), Requirement> = HashMap::new();
        week.slots
            .iter()
            .map(|slot| {
                let key = (slot.hour(), slot.seconds());
                if let Some(r) = solved.get(&key) {
                    return Ok(*r);
                }
                let r = self.requirement(self.volume(slot), slot.seconds(), target, shrinkage)?;
                solved.insert(key, r);
                Ok(r)
            })
            .collect()
    }

    /// The requirement of `volume` messages in `seconds`.
    pub fn requirement(
        &self,
        volume: f64,
        seconds: i64,
        target: &Target,
        shrinkage: f64,
    ) -> Result<Requirement, ErlangError> {
        if volume == 0.0 || self.aht == 0.0 {
            return Ok(Requirement {
                volume,
                ..Requirement::default()
            });
        }
        let load =
            Load::new(volume, seconds as f64, self.aht)?.with_concurrency(self.concurrency)?;
        let agents = load.required_agents(target);
        Ok(Requirement {
            volume,
            traffic: load.traffic,
            agents,
            rostered: erlang::with_shrinkage(agents, shrinkage)?,
        })
    }
}

fn shares(weights: &[f64]) -> Option<[f64; 24]> {
    if weights.len() != 24 || weights.iter().any(|w| !w.is_finite() || *w < 0.0) {
        return None;
    }
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let mut out = [0.0; 24];
    for (o, w) in out.iter_mut().zip(weights) {
        *o = w / total;
    }
    Some(out)
}

/// What a queue needs in one interval.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Requirement {
    /// Forecast messages.
    pub volume: f64,
    /// Offered traffic in Erlangs, after concurrency.
    pub traffic: f64,
    /// Agents working the queue that Erlang C requires.
    pub agents: u32,
    /// Agents to have on shift so that `agents` are available after
    /// shrinkage.
    pub rostered: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_and_profiled_volume() {
        let week = Week::containing("2026-01-05".parse().unwrap(), "UTC").unwrap();
        let mut d = Demand {
            daily_volume: 240.0,
            hourly_share: [1.0 / 24.0; 24],
            aht: 60.0,
            concurrency: 1,
        };
        assert!((d.volume(&week.slots[5]) - 10.0).abs() < 1e-12);
        let mut weights = vec![0.0; 24];
        weights[9] = 3.0;
        weights[10] = 1.0;
        d.hourly_share = shares(&weights).unwrap();
        assert_eq!(d.volume(&week.slots[9]), 180.0);
        assert_eq!(d.volume(&week.slots[11]), 0.0);
        assert!(shares(&[1.0; 23]).is_none());
        assert!(shares(&[0.0; 24]).is_none());
    }
}
