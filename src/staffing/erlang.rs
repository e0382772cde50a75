//! Erlang C: how many agents a queue needs to answer a share of its
//! messages within a target time.
//!
//! Erlang C models one queue with `N` agents, messages arriving at random
//! (Poisson) and handling times spread exponentially around their average
//! (AHT). The offered traffic `A` (in Erlangs) is the number of agents the
//! messages would keep busy on average: arrivals per second × AHT.
//!
//! The waiting probability comes from the Erlang B recursion
//! `B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1))` and
//! `C = N·B / (N − A·(1 − B))`. Every step stays between 0 and 1, so it is
//! exact for thousands of Erlangs, where the textbook formula's `A^N / N!`
//! overflows. From `C`:
//!
//! - service level (share answered within `t`) = `1 − C·e^(−(N − A)·t / AHT)`
//! - average speed of answer = `C·AHT / (N − A)`
//! - occupancy = `A / N`
//!
//! With `N ≤ A` the queue grows without end: the waiting probability is 1,
//! the service level 0, the speed of answer infinite and occupancy 100%.
//!
//! ```
//! use carebook::staffing::erlang::{Load, Target};
//! // 100 messages in 30 minutes, 3 minutes each: 10 Erlangs.
//! let load = Load::new(100.0, 1800.0, 180.0).unwrap();
//! let target = Target::new(0.8, 20.0, 1.0).unwrap();
//! assert_eq!(load.required_agents(&target), 14);
//! ```

use std::fmt;

/// The most traffic the calculator accepts. Beyond it the search for `N`
/// would take long enough to look like a hang, and no single queue of
/// social care is that large.
pub const MAX_TRAFFIC: f64 = 1_000_000.0;

/// Input that Erlang C cannot work with.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ErlangError {
    #[error("volume must be a number of messages, 0 or more (got {0})")]
    Volume(f64),
    #[error("the interval must be longer than 0s")]
    Interval,
    #[error("the average handling time must be longer than 0s")]
    HandlingTime,
    #[error("the reply share must be between 0% and 100% (got {})", Percent(*.0))]
    ReplyShare(f64),
    #[error("concurrency must be at least 1")]
    Concurrency,
    #[error(
        "the service-level target must be at least 0% and below 100% (got {}): no number of agents answers every message in time",
        Percent(*.0)
    )]
    ServiceLevel(f64),
    #[error("the target time must be 0s or more (got {0}s)")]
    TargetTime(f64),
    #[error("maximum occupancy must be between 1% and 100% (got {})", Percent(*.0))]
    Occupancy(f64),
    #[error(
        "shrinkage must be at least 0% and below 100% (got {}): at 100% nobody rostered is ever available",
        Percent(*.0)
    )]
    Shrinkage(f64),
    #[error("{0} Erlangs of traffic is more than this calculator handles (at most 1000000)")]
    TooMuchTraffic(f64),
}

/// A share printed as a percentage, for messages.
struct Percent(f64);

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.0 * 100.0;
        if p.is_finite() && (p - p.round()).abs() < 1e-9 {
            write!(f, "{}%", p.round())
        } else {
            write!(f, "{p}%")
        }
    }
}

/// The average handling time of a mix of messages: those that need a
/// reply and those that need only an action such as tagging.
pub fn blended_aht(reply_share: f64, reply_aht: f64, action_aht: f64) -> Result<f64, ErlangError> {
    if !(0.0..=1.0).contains(&reply_share) {
        return Err(ErlangError::ReplyShare(reply_share));
    }
    Ok(reply_share * reply_aht + (1.0 - reply_share) * action_aht)
}

/// What a queue must achieve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// Share of messages answered within `within_seconds`, below 1.
    pub service_level: f64,
    pub within_seconds: f64,
    /// Highest acceptable share of agents' time spent handling messages.
    pub max_occupancy: f64,
}

impl Target {
    pub fn new(
        service_level: f64,
        within_seconds: f64,
        max_occupancy: f64,
    ) -> Result<Target, ErlangError> {
        // 100% is refused: the waiting probability is never 0, so no
        // finite number of agents reaches it.
        if !(0.0..1.0).contains(&service_level) {
            return Err(ErlangError::ServiceLevel(service_level));
        }
        if !within_seconds.is_finite() || within_seconds < 0.0 {
            return Err(ErlangError::TargetTime(within_seconds));
        }
        // Below 1% the search for N would run for hundreds of millions of
        // agents; no care team plans that way.
        if !(0.01..=1.0).contains(&max_occupancy) {
            return Err(ErlangError::Occupancy(max_occupancy));
        }
        Ok(Target {
            service_level,
            within_seconds,
            max_occupancy,
        })
    }
}

/// The load offered to one queue in one interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Load {
    /// Offered traffic in Erlangs.
    pub traffic: f64,
    /// Seconds of one agent's time per message.
    pub aht: f64,
}

/// How a queue performs with a given number of agents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    pub waiting_probability: f64,
    pub service_level: f64,
    /// Seconds; infinite when the queue is unstable.
    pub average_speed_of_answer: f64,
    pub occupancy: f64,
}

impl Load {
    /// `volume` messages arriving in `interval_seconds`, each taking
    /// `aht_seconds` of an agent's time.
    pub fn new(volume: f64, interval_seconds: f64, aht_seconds: f64) -> Result<Load, ErlangError> {
        if !volume.is_finite() || volume < 0.0 {
            return Err(ErlangError::Volume(volume));
        }
        if !(interval_seconds.is_finite() && interval_seconds > 0.0) {
            return Err(ErlangError::Interval);
        }
        if !(aht_seconds.is_finite() && aht_seconds > 0.0) {
            return Err(ErlangError::HandlingTime);
        }
        let traffic = volume * aht_seconds / interval_seconds;
        if traffic > MAX_TRAFFIC {
            return Err(ErlangError::TooMuchTraffic(traffic));
        }
        Ok(Load {
            traffic,
            aht: aht_seconds,
        })
    }

    /// The load when one agent handles `concurrency` conversations at once.
    ///
    /// The agent is modelled as one server that works `concurrency` times
    /// as fast: traffic and handling time are both divided by it. Modelling
    /// `concurrency` separate servers instead would assume every slot is
    /// as good as a free agent, and that an agent with three open chats
    /// answers a fourth as quickly as an idle one: too optimistic.
    pub fn with_concurrency(self, concurrency: u32) -> Result<Load, ErlangError> {
        if concurrency == 0 {
            return Err(ErlangError::Concurrency);
        }
        let c = f64::from(concurrency);
        Ok(Load {
            traffic: self.traffic / c,
            aht: self.aht / c,
        })
    }

    fn idle(&self) -> bool {
        self.traffic <= 0.0
    }

    fn stable(&self, agents: u32) -> bool {
        f64::from(agents) > self.traffic
    }

    /// Probability that a message waits at all (Erlang C).
    pub fn waiting_probability(&self, agents: u32) -> f64 {
        if self.idle() {
            return 0.0;
        }
        erlang_c(self.traffic, agents, erlang_b(self.traffic, agents))
    }

    /// Share of messages answered within `within_seconds`.
    pub fn service_level(&self, agents: u32, within_seconds: f64) -> f64 {
        self.metrics(agents, within_seconds).service_level
    }

    /// Average wait before an agent picks a message up, in seconds.
    pub fn average_speed_of_answer(&self, agents: u32) -> f64 {
        self.metrics(agents, 0.0).average_speed_of_answer
    }

    /// Share of the agents' time spent handling messages.
    pub fn occupancy(&self, agents: u32) -> f64 {
        self.metrics(agents, 0.0).occupancy
    }

    /// Every measure at once, from one pass of the recursion.
    pub fn metrics(&self, agents: u32, within_seconds: f64) -> Metrics {
        if self.idle() {
            return Metrics {
                waiting_probability: 0.0,
                service_level: 1.0,
                average_speed_of_answer: 0.0,
                occupancy: 0.0,
            };
        }
        if !self.stable(agents) {
            return Metrics {
                waiting_probability: 1.0,
                service_level: 0.0,
                average_speed_of_answer: f64::INFINITY,
                occupancy: 1.0,
            };
        }
        let c = erlang_c(self.traffic, agents, erlang_b(self.traffic, agents));
        self.metrics_from(agents, c, within_seconds)
    }

    fn metrics_from(&self, agents: u32, c: f64, within_seconds: f64) -> Metrics {
        let n = f64::from(agents);
        let spare = n - self.traffic;
        Metrics {
            waiting_probability: c,
            service_level: (1.0 - c * (-spare * within_seconds / self.aht).exp()).clamp(0.0, 1.0),
            average_speed_of_answer: c * self.aht / spare,
            occupancy: self.traffic / n,
        }
    }

    /// The smallest number of agents that meets the service level without
    /// going over the occupancy cap; 0 when there is no traffic (whether an
    /// empty queue still needs someone on shift is coverage's question,
    /// not Erlang C's).
    pub fn required_agents(&self, target: &Target) -> u32 {
        if self.idle() {
            return 0;
        }
        let a = self.traffic;
        // No fewer than the traffic itself (an unstable queue) or than the
        // occupancy cap allows: start there instead of at 1, so the search
        // takes a handful of steps even for thousands of Erlangs. The slack
        // keeps 8.5 / 10 within a cap of 0.85 despite rounding.
        let mut n = (a.floor() as u32).saturating_add(1);
        let by_occupancy = (a / target.max_occupancy * (1.0 - 1e-12)).ceil() as u32;
        n = n.max(by_occupancy);
        let mut b = erlang_b(a, n);
        loop {
            let c = erlang_c(a, n, b);
            let m = self.metrics_from(n, c, target.within_seconds);
            if m.service_level >= target.service_level || n == u32::MAX {
                return n;
            }
            n += 1;
            b = erlang_b_step(a, b, n);
        }
    }
}

/// Agents to roster so that `agents` are available after shrinkage
/// (breaks, training, absence): `agents / (1 − shrinkage)`, rounded up.
pub fn with_shrinkage(agents: u32, shrinkage: f64) -> Result<u32, ErlangError> {
    if !(0.0..1.0).contains(&shrinkage) {
        return Err(ErlangError::Shrinkage(shrinkage));
    }
    let exact = f64::from(agents) / (1.0 - shrinkage);
    // 14 / (1 − 0.3) is 20.000000000000004 in binary: a whole number that
    // rounding noise pushed over must not become 21.
    let nearest = exact.round();
    let rostered = if (exact - nearest).abs() <= 1e-9 * nearest.max(1.0) {
        nearest
    } else {
        exact.ceil()
    };
    Ok(rostered.min(f64::from(u32::MAX)) as u32)
}

/// Erlang B for `n` servers, by the recursion from `B(0) = 1`.
fn erlang_b(a: f64, n: u32) -> f64 {
    (1..=n).fold(1.0, |b, k| erlang_b_step(a, b, k))
}

/// `B(n)` from `B(n − 1)`.
fn erlang_b_step(a: f64, b: f64, n: u32) -> f64 {
    let ab = a * b;
    ab / (f64::from(n) + ab)
}

/// Erlang C from Erlang B; 1 for an unstable queue.
fn erlang_c(a: f64, n: u32, b: f64) -> f64 {
    let n = f64::from(n);
    if n <= a {
        return 1.0;
    }
    (n * b / (n - a * (1.0 - b))).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    //! Expected figures come from published examples; every one was
    //! recomputed with `tests/erlang_reference.py`, an independent
    //! implementation (the textbook `A^N / N!` sum in exact rationals, and
    //! in 60-digit arithmetic for large traffic).

    use super::*;

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "{actual} is not within {tolerance} of {expected}"
        );
    }

    fn target(sl: f64, within: f64) -> Target {
        Target::new(sl, within, 1.0).unwrap()
    }

    /// Call Centre Helper, "Erlang C Formula – Made Simple With an Easy
    /// Worked Example": 100 calls in 30 minutes, AHT 180 s, 80% answered
    /// in 20 s. Published: 10 Erlangs; 14 agents; waiting probability
    /// 17.4%; service level 88.8%; occupancy 71.4%; 20 agents with 30%
    /// shrinkage. The reference script gives the full figures below.
    #[test]
    fn call_centre_helper_example() {
        let load = Load::new(100.0, 1800.0, 180.0).unwrap();
        assert_eq!(load.traffic, 10.0);
        let n = load.required_agents(&target(0.8, 20.0));
        assert_eq!(n, 14);
        let m = load.metrics(14, 20.0);
        close(m.waiting_probability, 0.17413193359504983, 1e-12);
        close(m.service_level, 0.8883500191794669, 1e-12);
        close(m.average_speed_of_answer, 7.835937011777243, 1e-10);
        close(m.occupancy, 0.7142857142857143, 1e-15);
        // One agent fewer misses the target.
        close(load.service_level(13, 20.0), 0.7955947884177831, 1e-12);
        close(load.waiting_probability(13), 0.28527045303649295, 1e-12);
        assert_eq!(with_shrinkage(n, 0.3), Ok(20));
    }

    /// Westbay Engineers, "The Erlang-C formula": 360 calls per half hour,
    /// 4-minute calls, 55 agents, 15-second target: 48 Erlangs, occupancy
    /// 87.3%. Waiting probability, service level and speed of answer are
    /// the reference script's.
    #[test]
    fn westbay_example() {
        let load = Load::new(360.0, 1800.0, 240.0).unwrap();
        close(load.traffic, 48.0, 1e-12);
        let m = load.metrics(55, 15.0);
        close(m.waiting_probability, 0.2387009363780092, 1e-12);
        close(m.service_level, 0.8458830921705803, 1e-12);
        close(m.average_speed_of_answer, 8.184032104388887, 1e-10);
        close(m.occupancy, 0.8727272727272727, 1e-15);
    }

    /// Thousands of Erlangs: no overflow, and the same smallest N as the
    /// reference script's 60-digit sum (80% in 20 s, AHT 180 s).
    #[test]
    fn large_traffic_is_exact() {
        for (a, n, sl_n, sl_below) in [
            (1000.0, 1011, 0.8137965483924636, 0.7825610706131405),
            (2500.0, 2512, 0.8069984569549131, 0.7784229290217874),
            (5000.0, 5013, 0.8138746202723594, 0.7880635191289972),
        ] {
            let load = Load {
                traffic: a,
                aht: 180.0,
            };
            assert_eq!(load.required_agents(&target(0.8, 20.0)), n, "A = {a}");
            close(load.service_level(n, 20.0), sl_n, 1e-9);
            close(load.service_level(n - 1, 20.0), sl_below, 1e-9);
        }
    }

    #[test]
    fn occupancy_cap_can_decide() {
        // A loose target that 11 agents would meet: the 85% cap needs 12
        // (10 / 11 = 91%, 10 / 12 = 83%).
        let load = Load::new(100.0, 1800.0, 180.0).unwrap();
        let loose = Target::new(0.5, 600.0, 0.85).unwrap();
        assert_eq!(load.required_agents(&loose), 12);
        // Exactly on the cap is allowed: 8.5 Erlangs, 10 agents, 85%.
        let load = Load {
            traffic: 8.5,
            aht: 60.0,
        };
        assert_eq!(load.required_agents(&loose), 10);
    }

    #[test]
    fn zero_volume_needs_nobody() {
        let load = Load::new(0.0, 3600.0, 300.0).unwrap();
        assert_eq!(load.required_agents(&target(0.95, 0.0)), 0);
        let m = load.metrics(0, 20.0);
        assert_eq!(
            (m.waiting_probability, m.service_level, m.occupancy),
            (0.0, 1.0, 0.0)
        );
        assert_eq!(m.average_speed_of_answer, 0.0);
        assert_eq!(with_shrinkage(0, 0.3), Ok(0));
    }

    #[test]
    fn traffic_at_or_above_agents_is_unstable_never_nan() {
        let load = Load {
            traffic: 10.0,
            aht: 180.0,
        };
        for n in [0, 1, 9, 10] {
            let m = load.metrics(n, 20.0);
            assert_eq!(m.waiting_probability, 1.0, "N = {n}");
            assert_eq!(m.service_level, 0.0, "N = {n}");
            assert_eq!(m.occupancy, 1.0, "N = {n}");
            assert!(m.average_speed_of_answer.is_infinite(), "N = {n}");
        }
        let m = load.metrics(11, 20.0);
        assert!(m.waiting_probability < 1.0 && m.service_level > 0.0);
        for v in [
            m.waiting_probability,
            m.service_level,
            m.average_speed_of_answer,
            m.occupancy,
        ] {
            assert!(v.is_finite());
        }
    }

    #[test]
    fn concurrency_divides_traffic_and_handling_time() {
        let load = Load::new(100.0, 1800.0, 180.0)
            .unwrap()
            .with_concurrency(2)
            .unwrap();
        assert_eq!(load.traffic, 5.0);
        assert_eq!(load.aht, 90.0);
        assert_eq!(
            Load::new(1.0, 1.0, 1.0).unwrap().with_concurrency(0),
            Err(ErlangError::Concurrency)
        );
    }

    #[test]
    fn shrinkage_grosses_up_and_refuses_100_percent() {
        assert_eq!(with_shrinkage(14, 0.0), Ok(14));
        assert_eq!(with_shrinkage(1, 0.3), Ok(2));
        assert_eq!(with_shrinkage(7, 0.3), Ok(10));
        assert_eq!(with_shrinkage(10, 0.35), Ok(16));
        assert_eq!(with_shrinkage(14, 1.0), Err(ErlangError::Shrinkage(1.0)));
        assert!(with_shrinkage(14, -0.1).is_err());
        assert!(with_shrinkage(14, f64::NAN).is_err());
        let message = with_shrinkage(14, 1.0).unwrap_err().to_string();
        assert!(message.contains("got 100%"), "{message}");
    }

    #[test]
    fn bad_input_is_refused() {
        assert_eq!(Load::new(-1.0, 60.0, 60.0), Err(ErlangError::Volume(-1.0)));
        assert!(Load::new(f64::NAN, 60.0, 60.0).is_err());
        assert_eq!(Load::new(1.0, 0.0, 60.0), Err(ErlangError::Interval));
        assert_eq!(Load::new(1.0, 60.0, 0.0), Err(ErlangError::HandlingTime));
        assert!(matches!(
            Load::new(1e12, 1.0, 60.0),
            Err(ErlangError::TooMuchTraffic(_))
        ));
        assert!(Target::new(1.0, 20.0, 1.0).is_err());
        assert!(Target::new(0.8, -1.0, 1.0).is_err());
        assert!(Target::new(0.8, 20.0, 0.0).is_err());
        assert!(Target::new(0.8, 20.0, 0.001).is_err());
        assert!(Target::new(0.8, 20.0, 1.01).is_err());
        assert!(blended_aht(1.5, 60.0, 10.0).is_err());
        assert_eq!(blended_aht(0.25, 400.0, 40.0), Ok(130.0));
    }

    #[test]
    fn the_search_is_fast_for_large_traffic() {
        let load = Load {
            traffic: 20_000.0,
            aht: 240.0,
        };
        let started = std::time::Instant::now();
        let n = load.required_agents(&target(0.9, 10.0));
        assert!(n > 20_000 && n < 20_200, "{n}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
