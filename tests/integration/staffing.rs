//! `carebook staffing erlang` and `carebook staffing plan`, driving the
//! real binary: the calculator against published Erlang C figures, its
//! refusals, and the week's plan of the bundled playbook in every format,
//! including weeks when the clocks change.

use crate::common::{fixtures, playbook_from, run, run_in};
use serde_json::Value;

/// Call Centre Helper's worked example (100 calls in 30 minutes, AHT
/// 180 s, 80% in 20 s, 30% shrinkage): 14 agents, 20 with shrinkage.
const CALL_CENTRE_HELPER: &[&str] = &[
    "staffing",
    "erlang",
    "--volume",
    "100",
    "--interval",
    "30m",
    "--aht",
    "3m",
    "--target",
    "80%/20s",
    "--shrinkage",
    "30%",
];

fn with(base: &[&'static str], extra: &[&'static str]) -> Vec<&'static str> {
    base.iter().chain(extra).copied().collect()
}

#[test]
fn erlang_human_output() {
    let out = run(CALL_CENTRE_HELPER);
    assert_eq!(out.status, 0, "{}", out.transcript());
    insta::assert_snapshot!("erlang_human", out.transcript());
}

#[test]
fn erlang_json_has_full_precision() {
    let out = run(&with(CALL_CENTRE_HELPER, &["--format", "json"]));
    assert_eq!(out.status, 0, "{}", out.transcript());
    insta::assert_snapshot!("erlang_json", out.stdout);
    // The figures of tests/erlang_reference.py (exact rationals), which
    // match the published rounded ones: 17.4% wait, 88.8% within 20 s.
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["traffic_erlangs"], 10.0);
    assert_eq!(v["agents"], 14);
    assert_eq!(v["agents_with_shrinkage"], 20);
    let close = |key: &str, expected: f64| {
        let got = v[key].as_f64().unwrap();
        assert!((got - expected).abs() < 1e-12, "{key}: {got} vs {expected}");
    };
    close("waiting_probability", 0.17413193359504983);
    close("service_level", 0.8883500191794669);
    close("occupancy", 0.7142857142857143);
    close("average_speed_of_answer_seconds", 7.835937011777243);
}

#[test]
fn erlang_with_occupancy_cap_and_concurrency() {
    // 120 private messages an hour, 4 minutes each, 2 conversations at a
    // time: 4 Erlangs. The 80% occupancy cap, not the target, decides.
    let out = run(&[
        "staffing",
        "erlang",
        "--volume",
        "120",
        "--interval",
        "1h",
        "--aht",
        "4m",
        "--concurrency",
        "2",
        "--target",
        "0.8/5m",
        "--max-occupancy",
        "80%",
    ]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    insta::assert_snapshot!("erlang_cap_concurrency", out.transcript());
}

#[test]
fn erlang_thousands_of_erlangs() {
    // 100,000 messages an hour at 3 minutes: 5,000 Erlangs. The reference
    // script's 60-digit Erlang C needs 5,013 agents for 80% in 20 s.
    let out = run(&[
        "staffing",
        "erlang",
        "--volume",
        "100000",
        "--interval",
        "1h",
        "--aht",
        "3m",
        "--target",
        "80%/20s",
        "--format",
        "json",
    ]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["traffic_erlangs"], 5000.0);
    assert_eq!(v["agents"], 5013);
    let sl = v["service_level"].as_f64().unwrap();
    assert!((sl - 0.8138746202723594).abs() < 1e-9, "{sl}");
}

#[test]
fn erlang_zero_volume_needs_nobody() {
    let out = run(&[
        "staffing",
        "erlang",
        "--volume",
        "0",
        "--interval",
        "30m",
        "--aht",
        "3m",
        "--target",
        "80%/20s",
        "--format",
        "json",
    ]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["agents"], 0);
    assert_eq!(v["agents_with_shrinkage"], 0);
    assert_eq!(v["service_level"], 1.0);
    assert_eq!(v["waiting_probability"], 0.0);
}

/// `staffing erlang` with the Call Centre Helper inputs, some replaced or
/// added.
fn erlang_args<'a>(changes: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    let mut flags = vec![
        ("--volume", "100"),
        ("--interval", "30m"),
        ("--aht", "3m"),
        ("--target", "80%/20s"),
    ];
    for &(flag, value) in changes {
        match flags.iter_mut().find(|(f, _)| *f == flag) {
            Some(pair) => pair.1 = value,
            None => flags.push((flag, value)),
        }
    }
    let mut args = vec!["staffing", "erlang"];
    for (flag, value) in flags {
        args.extend([flag, value]);
    }
    args
}

#[test]
fn erlang_refuses_bad_input() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "--shrinkage",
            "100%",
            "shrinkage must be at least 0% and below 100% (got 100%)",
        ),
        (
            "--volume",
            "-5",
            "volume must be a number of messages, 0 or more (got -5)",
        ),
        ("--volume", "NaN", "`NaN` is not a number"),
        ("--interval", "0m", "the interval must be longer than 0s"),
        (
            "--aht",
            "0s",
            "the average handling time must be longer than 0s",
        ),
        (
            "--target",
            "80%",
            "`80%` is not a target; write SERVICE-LEVEL/TIME, e.g. `80%/20s`",
        ),
        (
            "--target",
            "80/20s",
            "`80` is not a share; write `80%` or a fraction such as `0.8`",
        ),
        ("--target", "80%/soon", "`soon` is not a duration"),
        (
            "--target",
            "100%/20s",
            "the service-level target must be at least 0% and below 100% (got 100%)",
        ),
        (
            "--max-occupancy",
            "0%",
            "maximum occupancy must be between 1% and 100% (got 0%)",
        ),
        ("--concurrency", "0", "concurrency must be at least 1"),
        ("--volume", "1e12", "more than this calculator handles"),
    ];
    for &(flag, value, expected) in cases {
        let args = erlang_args(&[(flag, value)]);
        let out = run(&args);
        assert_eq!(out.status, 2, "{args:?}\n{}", out.transcript());
        assert!(out.stdout.is_empty(), "{args:?}\n{}", out.transcript());
        assert!(
            out.stderr.contains(expected),
            "{args:?} should say {expected:?}:\n{}",
            out.transcript()
        );
        assert!(!out.stderr.contains("panicked"), "{}", out.transcript());
    }
}

#[test]
fn plan_table_of_the_bundled_playbook() {
    let out = run(&["staffing", "plan"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    insta::assert_snapshot!("plan_table", out.transcript());
}

#[test]
fn plan_table_in_the_week_the_clocks_go_forward() {
    // Europe/Dublin: 01:00 GMT becomes 02:00 IST on Sunday 2026-03-29.
    let out = run(&["staffing", "plan", "--week", "2026-03-23"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(out.stdout.contains("167 hours"), "{}", out.stdout);
    insta::assert_snapshot!("plan_table_dst_forward", out.transcript());
}

#[test]
fn plan_table_in_the_week_the_clocks_go_back() {
    // And 02:00 IST becomes 01:00 GMT on Sunday 2026-10-25; any day of the
    // week names it.
    let out = run(&["staffing", "plan", "--week", "2026-10-22"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(
        out.stdout.contains("week of Mon 2026-10-19") && out.stdout.contains("169 hours"),
        "{}",
        out.stdout
    );
    insta::assert_snapshot!("plan_table_dst_back", out.transcript());
}

#[test]
fn plan_json_has_every_interval() {
    for (week, hours) in [
        ("2026-01-05", 168),
        ("2026-03-23", 167),
        ("2026-10-19", 169),
    ] {
        let out = run(&["staffing", "plan", "--week", week, "--format", "json"]);
        assert_eq!(out.status, 0, "{}", out.transcript());
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["week"]["hours"], hours);
        assert_eq!(v["week"]["timezone"], "Europe/Dublin");
        let queues = v["queues"].as_array().unwrap();
        assert_eq!(queues.len(), 11);
        for q in queues {
            let intervals = q["intervals"].as_array().unwrap();
            assert_eq!(intervals.len(), hours, "{week} {}", q["channel"]);
            for i in intervals {
                let required = i["required_with_shrinkage"].as_f64().unwrap();
                let scheduled = i["scheduled_agents"].as_f64().unwrap();
                assert_eq!(i["gap"].as_f64().unwrap(), scheduled - required);
            }
        }
        // The bundled forecast adds up to its daily volumes: x/en is 1,400
        // a day, 9,800 a week, plus or minus the hour the clocks move (weight
        // 1.0 of 95.5 at 01:00).
        let x_en = &queues[0];
        assert_eq!(
            (&x_en["channel"], &x_en["lang"]),
            (&"x".into(), &"en".into())
        );
        let total: f64 = x_en["intervals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["volume"].as_f64().unwrap())
            .sum();
        let expected = 9800.0 + (hours as f64 - 168.0) * 1400.0 * 1.0 / 95.5;
        assert!(
            (total - expected).abs() < 1e-6,
            "{week}: {total} vs {expected}"
        );
    }
    // Labels carry the local time and its offset across the change.
    let out = run(&[
        "staffing",
        "plan",
        "--week",
        "2026-03-23",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let starts: Vec<&str> = v["queues"][0]["intervals"].as_array().unwrap()[144..147]
        .iter()
        .map(|i| i["start"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        [
            "2026-03-29T00:00:00+00:00",
            "2026-03-29T02:00:00+01:00",
            "2026-03-29T03:00:00+01:00"
        ]
    );
}

#[test]
fn plan_csv_has_a_row_per_queue_and_interval() {
    let out = run(&["staffing", "plan", "--format", "csv"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "channel,lang,start,volume,traffic_erlangs,required_agents,required_with_shrinkage,scheduled_agents,gap"
    );
    assert_eq!(lines.len(), 1 + 11 * 168);
    assert!(
        lines[1].starts_with("x,en,2026-01-05T00:00:00+00:00,"),
        "{}",
        lines[1]
    );
    assert!(lines.iter().all(|l| l.split(',').count() == 9));
    assert_eq!(
        out.stdout,
        run(&["staffing", "plan", "--format", "csv"]).stdout
    );
}

#[test]
fn plan_svg_is_a_self_contained_deterministic_heatmap() {
    let args = [
        "staffing",
        "plan",
        "--week",
        "2026-03-23",
        "--format",
        "svg",
    ];
    let out = run(&args);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let svg = &out.stdout;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>\n"));
    for banned in [
        "<script",
        "href",
        "<image",
        "<foreignObject",
        "@import",
        "url(",
    ] {
        assert!(!svg.contains(banned), "the heatmap contains {banned}");
    }
    // The namespace is the only address in it.
    assert_eq!(svg.matches("http").count(), 1);
    for part in [
        "<title id=\"title\">Staffing gap, week of 2026-03-23 (Europe/Dublin)</title>",
        "Hour of day (local time, Europe/Dublin)",
        ">Day</text>",
        ">Mon 2026-03-23</text>",
        "no such hour",
        "Sun 2026-03-29 01:00 does not exist: the clocks go forward",
    ] {
        assert!(svg.contains(part), "the heatmap lacks {part}");
    }
    // 7 days × 24 hours, one of which does not exist this week.
    assert_eq!(svg.matches("stroke=\"#ffffff\"><title>").count(), 168);
    assert_eq!(svg, &run(&args).stdout);
    insta::assert_snapshot!("plan_svg_dst_forward", svg);
}

#[test]
fn plan_of_an_understaffed_playbook_agrees_with_validate() {
    let overlay = fixtures().join("checks/CB312-understaffed");
    let tmp = playbook_from(Some(&overlay));
    let out = run_in(
        tmp.path(),
        &["staffing", "plan", "-p", "pb", "--format", "json"],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["queues"][0]["understaffed_hours"], 128);
    let validate = run_in(tmp.path(), &["validate", "-p", "pb"], None);
    assert!(
        validate
            .stdout
            .contains("understaffed in 128 of the 168 hours"),
        "{}",
        validate.transcript()
    );
}

#[test]
fn plan_refuses_what_it_cannot_plan() {
    // The base fixture promises no service level and forecasts nothing.
    let tmp = playbook_from(None);
    let out = run_in(tmp.path(), &["staffing", "plan", "-p", "pb"], None);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stderr.contains("no `service_level`"),
        "{}",
        out.transcript()
    );

    // A playbook with errors is not planned.
    let overlay = fixtures().join("checks/CB201-unknown-references");
    let tmp = playbook_from(Some(&overlay));
    let out = run_in(tmp.path(), &["staffing", "plan", "-p", "pb"], None);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stderr
            .contains("has problems; `carebook validate` lists them"),
        "{}",
        out.transcript()
    );
    assert!(out.stdout.is_empty());

    for (args, expected) in [
        (
            &["staffing", "plan", "--week", "2026-02-30"][..],
            "`2026-02-30` is not a date",
        ),
        (
            &["staffing", "plan", "-p", "no/such/dir"][..],
            "does not exist",
        ),
        (
            &["staffing", "plan", "--week", "9999-12-31"][..],
            "the week of 9999-12-31 is outside the supported calendar",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status, 2, "{}", out.transcript());
        assert!(out.stderr.contains(expected), "{}", out.transcript());
    }
}
