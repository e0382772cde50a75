//! `carebook diff` over a temporary git repository with two commits of a
//! playbook: the meaning-level report, the routing impact, exit statuses.

use std::path::Path;
use std::process::Command;

use crate::common::{copy_dir, fixtures, run_in};

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=carebook",
            "-c",
            "user.email=carebook@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

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
