//! `carebook diff` over a temporary git repository with two commits of a
//! playbook: the meaning-level report, the routing impact, exit statuses.

use std::path::Path;

use crate::common::{copy_dir, fixtures, git, run_in};

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A repository whose first commit is the base fixture and whose second
/// tightens the urgent SLA, adds a keyword and moves a route.
fn repository() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    git(repo, &["init", "-q", "-b", "main"]);
    copy_dir(&fixtures().join("base"), &repo.join("care/playbook"));
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "base"]);
    let pb = repo.join("care/playbook");
    edit(
        &pb.join("escalation.yaml"),
        "first_response: 30m",
        "first_response: 20m",
    );
    edit(
        &pb.join("tags.yaml"),
        "en: [late, delayed]",
        "en: [late, delayed, \"where is my order\"]",
    );
    edit(
        &pb.join("empowerment.yaml"),
        "limits: {EUR: 50}",
        "limits: {EUR: 75}",
    );
    git(repo, &["commit", "-q", "-am", "tighten"]);
    tmp
}

#[test]
fn markdown_report_of_two_commits() {
    let tmp = repository();
    let dir = tmp.path().join("care");
    let out = run_in(
        &dir,
        &[
            "diff", "HEAD~1", "HEAD", "-p", "playbook", "--format", "markdown",
        ],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn exit_code_says_whether_the_meaning_changed() {
    let tmp = repository();
    let dir = tmp.path().join("care");
    let changed = run_in(
        &dir,
        &["diff", "HEAD~1", "HEAD", "-p", "playbook", "--exit-code"],
        None,
    );
    assert_eq!(changed.status, 1, "{}", changed.transcript());
    // The working tree is HEAD: nothing changed.
    let same = run_in(
        &dir,
        &["diff", "HEAD", "-p", "playbook", "--exit-code"],
        None,
    );
    assert_eq!(same.status, 0, "{}", same.transcript());
    assert!(
        same.stdout.starts_with("no change in meaning"),
        "{}",
        same.stdout
    );
    // A comment-only edit changes no meaning.
    let tags = dir.join("playbook/tags.yaml");
    let text = std::fs::read_to_string(&tags).unwrap();
    std::fs::write(&tags, format!("{text}# a note for reviewers\n")).unwrap();
    let comment = run_in(
        &dir,
        &["diff", "HEAD", "-p", "playbook", "--exit-code"],
        None,
    );
    assert_eq!(comment.status, 0, "{}", comment.transcript());
}

#[test]
fn json_lists_changes_and_rerouted_samples() {
    let tmp = repository();
    let dir = tmp.path().join("care");
    let out = run_in(
        &dir,
        &[
            "diff", "HEAD~1", "HEAD", "-p", "playbook", "--format", "json",
        ],
        None,
    );
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let parts: Vec<&str> = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["changes"].as_array().unwrap().is_empty())
        .map(|s| s["part"].as_str().unwrap())
        .collect();
    assert_eq!(parts, ["tags", "severities and SLA targets", "empowerment"]);
    assert_eq!(report["rerouted"][0]["sample"], "outage-en");
    assert_eq!(
        report["rerouted"][0]["changes"][0]["field"],
        "first response due"
    );
}

#[test]
fn bad_revisions_and_broken_playbooks_exit_2() {
    let tmp = repository();
    let dir = tmp.path().join("care");
    let out = run_in(&dir, &["diff", "no-such-branch", "-p", "playbook"], None);
    assert_eq!(out.status, 2, "{}", out.transcript());
    assert!(
        out.stderr
            .contains("`no-such-branch` is not a revision of this repository; git says: fatal:"),
        "{}",
        out.stderr
    );
    // A playbook written but never committed.
    copy_dir(&fixtures().join("base"), &dir.join("new"));
    let out = run_in(&dir, &["diff", "HEAD", "-p", "new"], None);
    assert_eq!(out.status, 2, "{}", out.transcript());
    assert!(
        out.stderr
            .contains("the playbook `care/new` is not in `HEAD`; commit it first"),
        "{}",
        out.stderr
    );
    edit(&dir.join("playbook/tags.yaml"), "team: care", "team: car");
    let out = run_in(&dir, &["diff", "HEAD", "-p", "playbook"], None);
    assert_eq!(out.status, 2, "{}", out.transcript());
    assert!(out.stderr.contains("does not validate"), "{}", out.stderr);
    let outside = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("base"), &outside.path().join("pb"));
    let out = run_in(outside.path(), &["diff", "HEAD", "-p", "pb"], None);
    assert_eq!(out.status, 2, "{}", out.transcript());
}

/// A repository whose first commit is the base fixture and whose second
/// is that fixture after `change`.
fn repository_with(change: impl FnOnce(&Path)) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    git(repo, &["init", "-q", "-b", "main"]);
    copy_dir(&fixtures().join("base"), &repo.join("care/playbook"));
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "base"]);
    change(&repo.join("care/playbook"));
    git(repo, &["commit", "-q", "-am", "change"]);
    tmp
}

/// Urgent messages go to a queue of their own.
fn urgent_queue(pb: &Path) {
    edit(
        &pb.join("escalation.yaml"),
        "queues:\n",
        "queues:\n  - id: urgent-queue\n    name: Urgent\n    team: care\n",
    );
    edit(
        &pb.join("escalation.yaml"),
        "when: {severities: [urgent]}\n    queue: care-queue",
        "when: {severities: [urgent]}\n    queue: urgent-queue",
    );
}

/// Urgent first responses 10 minutes sooner; normal messages resolved in
/// 8 business hours instead of 48.
fn tighter_targets(pb: &Path) {
    edit(
        &pb.join("escalation.yaml"),
        "first_response: 30m",
        "first_response: 20m",
    );
    edit(
        &pb.join("escalation.yaml"),
        "resolution: 48h",
        "resolution: 8h",
    );
}

/// A week of traffic: outages, delays and thanks, one line that is not
/// JSON and one message on a channel the playbook does not have.
const TRAFFIC: &str = r#"{"id":"m1","channel":"x","kind":"public","text":"The app is down","received_at":"2026-02-03T10:00:00Z"}
{"id":"m2","channel":"x","kind":"private","text":"My order is late","received_at":"2026-02-03T16:30:00Z"}
not json
{"id":"m3","channel":"x","kind":"public","text":"Total outage here","received_at":"2026-02-04T08:00:00Z"}
{"id":"m4","channel":"x","kind":"public","text":"awaria","received_at":"2026-02-05T12:00:00Z","lang":"pl"}
{"id":"m5","channel":"x","kind":"private","text":"Parcel delayed again","received_at":"2026-02-06T16:50:00Z"}
{"id":"m6","channel":"x","kind":"public","text":"It is down for me too","received_at":"2026-02-07T11:00:00Z"}
{"id":"m7","channel":"x","kind":"public","text":"Thanks for the help","received_at":"2026-02-03T12:00:00Z"}
{"id":"m8","channel":"fax","kind":"public","text":"outage","received_at":"2026-02-03T12:00:00Z"}
"#;

/// TRAFFIC's messages as CSV, without the bad line.
const TRAFFIC_CSV: &str = "id,channel,kind,text,received_at,lang
m1,x,public,The app is down,2026-02-03T10:00:00Z,
m2,x,private,My order is late,2026-02-03T16:30:00Z,
m3,x,public,Total outage here,2026-02-04T08:00:00Z,
m4,x,public,awaria,2026-02-05T12:00:00Z,pl
m5,x,private,Parcel delayed again,2026-02-06T16:50:00Z,
m6,x,public,It is down for me too,2026-02-07T11:00:00Z,
m7,x,public,Thanks for the help,2026-02-03T12:00:00Z,
m8,fax,public,outage,2026-02-03T12:00:00Z,
";

fn replay(
    tmp: &tempfile::TempDir,
    file: &str,
    text: &str,
    extra: &[&str],
) -> crate::common::Output {
    let dir = tmp.path().join("care");
    std::fs::write(dir.join(file), text).unwrap();
    let mut args = vec![
        "diff",
        "HEAD~1",
        "HEAD",
        "-p",
        "playbook",
        "--messages",
        file,
    ];
    args.extend_from_slice(extra);
    run_in(&dir, &args, None)
}

fn traffic_json(out: &crate::common::Output) -> serde_json::Value {
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    report["traffic"].clone()
}

#[test]
fn replayed_traffic_moves_between_queues() {
    let tmp = repository_with(urgent_queue);
    let out = replay(&tmp, "traffic.jsonl", TRAFFIC, &[]);
    // The line that is not JSON is a problem of the input: exit 1.
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert_eq!(
        out.stderr,
        "traffic.jsonl:3: not valid JSON at column 2: expected ident\n\
         traffic.jsonl:9: warning: message `m8` is on channel `fax`, which neither revision has; channels: x\n"
    );
    insta::assert_snapshot!(out.stdout);

    let json = replay(&tmp, "traffic.jsonl", TRAFFIC, &["--format", "json"]);
    let traffic = traffic_json(&json);
    assert_eq!(traffic["messages"], 8);
    assert_eq!(traffic["changed"], 5);
    assert_eq!(traffic["malformed"], 1);
    assert_eq!(traffic["unknown"], 1);
    let queue = &traffic["transitions"][0];
    assert_eq!(queue["field"], "queue");
    assert_eq!(
        (queue["from"].as_str(), queue["to"].as_str()),
        (Some("care-queue"), Some("urgent-queue"))
    );
    assert_eq!(queue["count"], 5);
    assert_eq!(queue["examples"], serde_json::json!(["m1", "m3", "m4"]));
    // The existing keys are all still there.
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    for key in ["sections", "rerouted", "samples"] {
        assert!(report.get(key).is_some(), "{key}");
    }
}

#[test]
fn replayed_traffic_shows_how_far_deadlines_move() {
    let tmp = repository_with(tighter_targets);
    let out = replay(&tmp, "traffic.jsonl", TRAFFIC, &["--format", "markdown"]);
    assert_eq!(out.status, 1, "{}", out.transcript());
    insta::assert_snapshot!(out.stdout);

    let json = replay(&tmp, "traffic.jsonl", TRAFFIC, &["--format", "json"]);
    let traffic = traffic_json(&json);
    let first = &traffic["deadlines"][0];
    assert_eq!(first["deadline"], "first_response");
    assert_eq!(first["moved"], 5);
    assert_eq!(
        (&first["min_seconds"], &first["max_seconds"]),
        (&serde_json::json!(-600), &serde_json::json!(-600))
    );
    let resolution = &traffic["deadlines"][1];
    assert_eq!(resolution["deadline"], "resolution");
    assert_eq!(resolution["moved"], 3);
}

#[test]
fn replayed_traffic_without_a_change_says_so() {
    let tmp = repository_with(urgent_queue);
    let dir = tmp.path().join("care");
    std::fs::write(dir.join("traffic.csv"), TRAFFIC_CSV).unwrap();
    // The working tree is HEAD.
    let out = run_in(
        &dir,
        &[
            "diff",
            "HEAD",
            "-p",
            "playbook",
            "--messages",
            "traffic.csv",
            "--exit-code",
        ],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert_eq!(
        out.stdout,
        "no change in meaning between HEAD and working tree; nothing changed on 8 replayed messages\n"
    );
}

#[test]
fn csv_traffic_replays_as_jsonl_does() {
    let tmp = repository_with(urgent_queue);
    let jsonl = traffic_json(&replay(
        &tmp,
        "traffic.jsonl",
        TRAFFIC,
        &["--format", "json"],
    ));
    let csv = replay(&tmp, "traffic.csv", TRAFFIC_CSV, &["--format", "json"]);
    // No malformed record in the CSV; its unknown channel is on line 9.
    assert_eq!(csv.status, 0, "{}", csv.transcript());
    assert!(
        csv.stderr.starts_with("traffic.csv:9: warning"),
        "{}",
        csv.stderr
    );
    let mut csv = traffic_json(&csv);
    assert_eq!(csv["malformed"], 0);
    csv["malformed"] = jsonl["malformed"].clone();
    assert_eq!(csv, jsonl);
    // The same from stdin, with the format named.
    let stdin = run_in(
        &tmp.path().join("care"),
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "-p",
            "playbook",
            "--messages",
            "-",
            "--input-format",
            "csv",
            "--format",
            "json",
        ],
        Some(TRAFFIC_CSV),
    );
    assert!(stdin.stderr.starts_with("-:9: warning"), "{}", stdin.stderr);
    let mut stdin = traffic_json(&stdin);
    stdin["malformed"] = jsonl["malformed"].clone();
    assert_eq!(stdin, jsonl);
}

#[test]
fn replayed_decisions_that_change_exit_1_with_exit_code() {
    let tmp = repository_with(urgent_queue);
    let clean: String = TRAFFIC
        .lines()
        .filter(|l| *l != "not json")
        .map(|l| format!("{l}\n"))
        .collect();
    let plain = replay(&tmp, "clean.jsonl", &clean, &[]);
    assert_eq!(plain.status, 0, "{}", plain.transcript());
    let out = replay(&tmp, "clean.jsonl", &clean, &["--exit-code"]);
    assert_eq!(out.status, 1, "{}", out.transcript());
    // Under --strict the unknown channel is an error and ends the replay.
    let strict = replay(
        &tmp,
        "clean.jsonl",
        &clean,
        &["--strict", "--format", "json"],
    );
    assert_eq!(strict.status, 1, "{}", strict.transcript());
    assert!(
        strict.stderr.contains("clean.jsonl:8: error: message `m8`"),
        "{}",
        strict.stderr
    );
    assert_eq!(traffic_json(&strict)["messages"], 7);
    // At one instant for every message, the same messages move.
    let at = replay(
        &tmp,
        "clean.jsonl",
        &clean,
        &["--at", "2026-02-09T09:30:00Z", "--format", "json"],
    );
    assert_eq!(at.status, 0, "{}", at.transcript());
    assert_eq!(traffic_json(&at)["transitions"][0]["count"], 5);
    // Incident modes must exist in one of the revisions.
    let bad = replay(&tmp, "clean.jsonl", &clean, &["--incident", "nope"]);
    assert_eq!(bad.status, 2, "{}", bad.transcript());
}
