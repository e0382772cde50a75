//! Benchmark: Erlang C requirements for 100 queues × every hourly interval
//! of a week (168), as `carebook staffing plan` computes them.
//!
//! The queues range from a few hundred messages a day to 1.3 million, so
//! the busiest hours carry about 5,000 Erlangs. Two figures:
//!
//! - the plan's path (`Demand::requirements`), which solves each distinct
//!   hourly load of a queue once;
//! - every one of the 16,800 intervals solved on its own, the worst case
//!   of a forecast whose volume differs in every hour.
//!
//! ```sh
//! cargo bench --bench staffing
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use carebook::staffing::demand::Demand;
use carebook::staffing::erlang::Target;
use carebook::staffing::week::Week;

const QUEUES: usize = 100;
const RUNS: usize = 5;

/// A weekday profile: quiet nights, a morning rise, an evening peak.
const PROFILE: [f64; 24] = [
    1.5, 1.0, 0.8, 0.6, 0.6, 1.0, 2.5, 4.5, 6.0, 6.5, 6.0, 5.5, 5.5, 5.5, 5.0, 5.0, 5.5, 6.0, 6.5,
    6.0, 5.0, 4.0, 3.0, 2.0,
];

fn queues() -> Vec<Demand> {
    let total: f64 = PROFILE.iter().sum();
    let share = PROFILE.map(|w| w / total);
    (0..QUEUES)
        .map(|i| {
            // Geometric from 500 to 1.3 million messages a day.
            let daily_volume =
                500.0 * (1_300_000.0f64 / 500.0).powf(i as f64 / (QUEUES - 1) as f64);
            Demand {
                daily_volume,
                hourly_share: share,
                aht: 150.0 + (i % 7) as f64 * 20.0,
                concurrency: 1 + (i % 3) as u32,
            }
        })
        .collect()
}

fn best_of(runs: usize, mut f: impl FnMut() -> u64) -> (Duration, u64) {
    let mut best = Duration::MAX;
    let mut check = 0;
    for _ in 0..runs {
        let started = Instant::now();
        check = black_box(f());
        best = best.min(started.elapsed());
    }
    (best, check)
}

fn main() {
    let week =
        Week::containing("2026-01-05".parse().expect("a date"), "Europe/Dublin").expect("a week");
    let target = Target::new(0.8, 60.0, 0.85).expect("a target");
    let shrinkage = 0.3;
    let queues = queues();
    let intervals = queues.len() * week.slots.len();

    let (planned, agents) = best_of(RUNS, || {
        queues
            .iter()
            .flat_map(|q| q.requirements(&week, &target, shrinkage).expect("valid"))
            .map(|r| u64::from(r.rostered))
            .sum()
    });
    let (each, agents_each) = best_of(RUNS, || {
        let mut sum = 0;
        for q in &queues {
            for slot in &week.slots {
                let r = q
                    .requirement(q.volume(slot), slot.seconds(), &target, shrinkage)
                    .expect("valid");
                sum += u64::from(r.rostered);
            }
        }
        sum
    });
    assert_eq!(agents, agents_each, "both paths give the same requirements");

    let peak = queues
        .iter()
        .flat_map(|q| q.requirements(&week, &target, shrinkage).expect("valid"))
        .fold(0.0f64, |m, r| m.max(r.traffic));
    println!(
        "{} queues × {} intervals = {intervals} requirements, peak traffic {peak:.0} Erlangs",
        queues.len(),
        week.slots.len()
    );
    println!("plan path (each distinct hourly load once): {planned:.2?}  (best of {RUNS})");
    println!("every interval solved on its own:           {each:.2?}  (best of {RUNS})");
    println!("agent-hours required (check): {agents}");
}
