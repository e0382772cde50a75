//! Every stated input limit, with an input just over it (and, where it
//! is cheap, one at it): the input limits table in docs/commands.md is what holds.

use crate::common::{playbook_from, root, run, run_in};

const MIB: usize = 1024 * 1024;

/// One JSONL message whose line is exactly `bytes` long, newline included.
fn message_line(id: &str, bytes: usize) -> String {
    let head = format!(
        r#"{{"id":"{id}","channel":"x","kind":"public","received_at":"2026-02-10T12:00:00Z","text":""#
    );
    let tail = "\"}\n";
    let fill = bytes - head.len() - tail.len();
    format!("{head}{}{tail}", "a".repeat(fill))
}

#[test]
fn a_message_line_over_one_mib_is_reported_and_skipped() {
    let at_limit = message_line("fits", MIB + 1);
    let over = message_line("over", MIB + 2);
    let after = message_line("after", 200);
    let input = format!("{at_limit}{over}{after}");
    let out = run_in(
        &root(),
        &["simulate", "-m", "-", "--format", "jsonl"],
        Some(&input),
    );
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "-:2: the line is longer than 1 MiB, the limit for one message; it is skipped"
        ),
        "{}",
        out.stderr
    );
    let ids: Vec<&str> = out
        .stdout
        .lines()
        .map(|l| l.split('"').nth(3).unwrap())
        .collect();
    assert_eq!(ids, ["fits", "after"]);
}

#[test]
fn a_csv_record_over_one_mib_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.csv");
    let big = "a".repeat(MIB + 1);
    std::fs::write(
        &path,
        format!(
            "id,channel,kind,text,received_at\nbig,x,public,{big},2026-02-10T12:00:00Z\nsmall,x,public,hello,2026-02-10T12:00:00Z\n"
        ),
    )
    .unwrap();
    let out = run(&[
        "simulate",
        "-m",
        path.to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains(":2: the record is longer than 1 MiB"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout.lines().count(), 1);
}

#[test]
fn a_yaml_message_file_over_64_mib_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.yaml");
    let mut text = String::from("# padding\n");
    text.push_str(&"#".repeat(64 * MIB));
    text.push_str("\n[]\n");
    std::fs::write(&path, text).unwrap();
    let out = run(&["simulate", "-m", path.to_str().unwrap()]);
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("a YAML message file may be at most 64 MiB"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_reply_over_one_mib_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let over = dir.path().join("over.txt");
    std::fs::write(&over, "a".repeat(MIB + 1)).unwrap();
    let out = run(&[
        "lint-reply",
        "--channel",
        "x",
        "--file",
        over.to_str().unwrap(),
    ]);
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("longer than 1 MiB, the limit for one reply"),
        "{}",
        out.stderr
    );
    // At the limit it is read, and reported as far too long for X.
    let at = dir.path().join("at.txt");
    std::fs::write(&at, "a ".repeat(MIB / 2)).unwrap();
    let out = run(&[
        "lint-reply",
        "--channel",
        "x",
        "--file",
        at.to_str().unwrap(),
    ]);
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert!(out.stdout.contains("CB405"), "{}", out.stdout);
}

#[test]
fn a_playbook_file_over_the_size_limit_is_refused() {
    let tmp = playbook_from(None);
    let tags = tmp.path().join("pb/tags.yaml");
    let size = std::fs::metadata(&tags).unwrap().len();
    let limit = size - 1;
    let out = run_in(
        tmp.path(),
        &["validate", "pb", "--max-file-size", &limit.to_string()],
        None,
    );
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(out.stdout.contains("CB004"), "{}", out.stdout);
    let fits = run_in(
        tmp.path(),
        &[
            "validate",
            "pb",
            "--max-file-size",
            &(size + 2048).to_string(),
        ],
        None,
    );
    assert_eq!(fits.status, 0, "{}", fits.transcript());
}

#[test]
fn a_duration_over_ten_years_is_refused() {
    let tmp = playbook_from(None);
    let esc = tmp.path().join("pb/escalation.yaml");
    let text = std::fs::read_to_string(&esc).unwrap();
    std::fs::write(
        &esc,
        text.replace("    resolution: 4h\n", "    resolution: 3661d\n"),
    )
    .unwrap();
    let out = run_in(tmp.path(), &["validate", "pb", "--color", "never"], None);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(out.stdout.contains("CB101"), "{}", out.stdout);
    assert!(out.stdout.contains("at most ten years"), "{}", out.stdout);
}
