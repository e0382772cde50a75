//! `carebook simulate` driven as a user would: files and stdin, every
//! input and output format, malformed lines, early pipe close.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use crate::common::{root, run, run_in};

const ONE: &str = r#"{"id":"a1","channel":"x","kind":"public","text":"My flight was delayed and I missed my connection","received_at":"2026-02-10T12:00:00Z","lang":"en"}"#;

#[test]
fn table_with_summary_and_malformed_line() {
    let out = run(&["simulate", "--messages", "examples/messages.jsonl"]);
    // Line 6 of the example is not a message: reported, the rest still run.
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains("examples/messages.jsonl:6:"),
        "{}",
        out.stderr
    );
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn one_message_is_counted_in_the_singular() {
    let out = run_in(&root(), &["simulate", "-m", "-"], Some(ONE));
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(
        out.stderr.contains("1 message routed, 0 malformed"),
        "{}",
        out.stderr
    );
}

#[test]
fn jsonl_carries_the_decision_keys() {
    let out = run(&[
        "simulate",
        "-m",
        "examples/messages.jsonl",
        "--format",
        "jsonl",
        "--quiet",
    ]);
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    for key in [
        "tags",
        "needs_reply",
        "severity",
        "priority",
        "queue",
        "team",
        "coverage",
        "first_response_due",
        "resolution_due",
        "escalation",
        "response_mode",
        "macros",
    ] {
        assert!(lines.iter().all(|l| l.get(key).is_some()), "missing {key}");
    }
    assert_eq!(lines[0]["tags"][0]["rule"]["keyword"], "snowstorm");
    let explained = run(&[
        "simulate",
        "-m",
        "examples/messages.jsonl",
        "--format",
        "jsonl",
        "--explain",
        "-q",
    ]);
    let first: serde_json::Value =
        serde_json::from_str(explained.stdout.lines().next().unwrap()).unwrap();
    assert!(first["explain"].as_array().unwrap().len() > 5);
}

#[test]
fn explain_prints_the_trace() {
    let out = run_in(
        &root(),
        &["simulate", "-m", "-", "--explain", "-q"],
        Some(ONE),
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn strict_stops_at_the_first_malformed_line() {
    let input = format!("{ONE}\n{{broken\n{ONE}\n");
    let out = run_in(
        &root(),
        &["simulate", "-m", "-", "--format", "jsonl", "--strict"],
        Some(&input),
    );
    assert_eq!(out.status, 1);
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(out.stderr.contains("-:2:"), "{}", out.stderr);
    let lenient = run_in(
        &root(),
        &["simulate", "-m", "-", "--format", "jsonl"],
        Some(&input),
    );
    assert_eq!(lenient.stdout.lines().count(), 2);
}

#[test]
fn csv_and_yaml_input() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("m.csv");
    std::fs::write(
        &csv,
        "id,channel,kind,text,received_at,lang,author_followers,author_vip\nc1,x,public,\"Delayed again, thanks a lot\",2026-02-10T12:00:00Z,en,,true\n",
    )
    .unwrap();
    let yaml = tmp.path().join("m.yaml");
    std::fs::write(&yaml, "- {id: y1, channel: instagram, kind: private, text: 'Zgubiony bagaż', received_at: '2026-02-10T12:00:00Z', lang: pl}\n").unwrap();
    let pb = root().join("playbooks");
    let pb = pb.to_str().unwrap();
    for (file, id, priority) in [(&csv, "c1", "urgent"), (&yaml, "y1", "high")] {
        let out = run(&[
            "simulate",
            "-p",
            pb,
            "-m",
            file.to_str().unwrap(),
            "--format",
            "jsonl",
            "-q",
        ]);
        assert_eq!(out.status, 0, "{}", out.transcript());
        let d: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
        assert_eq!(
            (d["id"].as_str(), d["priority"].as_str()),
            (Some(id), Some(priority)),
            "{d}"
        );
    }
}

#[test]
fn incident_and_at_options() {
    let text = r#"{"id":"s1","channel":"x","kind":"public","text":"Snow everywhere, is my flight going?","received_at":"2026-01-09T08:00:00Z","lang":"en"}"#;
    let out = run_in(
        &root(),
        &[
            "simulate",
            "-m",
            "-",
            "--format",
            "jsonl",
            "-q",
            "--incident",
            "winter-storm",
            "--at",
            "2026-01-10T08:00:00Z",
        ],
        Some(text),
    );
    let d: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(d["queue"], "incident-desk");
    assert!(
        d["first_response_due"]
            .as_str()
            .unwrap()
            .starts_with("2026-01-10")
    );
    let out = run_in(
        &root(),
        &["simulate", "-m", "-", "--incident", "winter-strom"],
        Some(text),
    );
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("did you mean `winter-storm`"),
        "{}",
        out.stderr
    );
}

#[test]
fn missing_input_file_exits_2() {
    let out = run(&["simulate", "-m", "no-such-file.jsonl"]);
    assert_eq!(out.status, 2);
}

#[test]
fn closing_the_pipe_early_is_quiet() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_carebook"))
        .args(["simulate", "-m", "-", "--format", "jsonl"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for _ in 0..50_000 {
            if writeln!(stdin, "{ONE}").is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // Dropping the reader closes the pipe, as `| head -1` does.
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(first.starts_with("{\"id\":\"a1\""));
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("error") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

/// A byte order mark is no error; a channel or language the playbook
/// lacks is a warning with its line (an error under --strict); a wrong
/// field is named.
#[test]
fn input_problems_are_named_with_their_line() {
    let input = concat!(
        "\u{feff}{\"id\":\"a\",\"channel\":\"x\",\"kind\":\"public\",\"text\":\"My bag is lost\",\"received_at\":\"2026-02-10T12:00:00Z\"}\n",
        "{\"id\":\"b\",\"channel\":\"tiktok\",\"kind\":\"public\",\"text\":\"hi\",\"received_at\":\"2026-02-10T12:00:00Z\"}\n",
        "{\"id\":\"c\",\"channel\":\"x\",\"kind\":\"public\",\"text\":\"hi\",\"received_at\":\"2026-02-10T12:00:00Z\",\"lang\":\"fi\"}\n",
        "{\"id\":\"d\",\"channel\":\"x\",\"kind\":\"public\",\"text\":[1,2,3],\"received_at\":\"2026-02-10T12:00:00Z\"}\n",
        "{\"id\":\"e\",\"channel\":\"x\",\"kind\":\"public\",\"text\":\"x\",\"received_at\":\"2026-13-45T12:00:00Z\"}\n",
    );
    let out = run_in(
        &root(),
        &["simulate", "-m", "-", "--format", "jsonl"],
        Some(input),
    );
    assert_eq!(out.status, 1, "{}", out.transcript());
    for line in [
        "-:2: warning: message `b` is on channel `tiktok`, which the playbook does not have; channels: x, facebook, instagram, line-jp",
        "-:3: warning: message `c` is in language `fi`, which the playbook does not have; languages: en, ja, th, pl, et",
        "-:4: `text` must be a string (invalid type: sequence, expected a string)",
        "-:5: `received_at` must be a time with its offset, such as `2026-02-10T12:00:00Z`",
        "3 messages routed, 2 malformed\n2 with a channel or language the playbook does not have\n",
    ] {
        assert!(out.stderr.contains(line), "{line}\n{}", out.stderr);
    }
    assert!(!out.stderr.contains("-:1:"), "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 3);
    let strict = run_in(&root(), &["simulate", "-m", "-", "--strict"], Some(input));
    assert_eq!(strict.status, 1, "{}", strict.transcript());
    assert!(
        strict.stderr.contains("-:2: error: message `b`"),
        "{}",
        strict.stderr
    );
    assert!(
        strict.stderr.contains("1 message routed"),
        "{}",
        strict.stderr
    );
}
