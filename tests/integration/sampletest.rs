//! `carebook test`: the bundled playbook's samples pass; a failing sample
//! shows expected against actual and the decision trace.

use crate::common::{fixtures, playbook_from, run, run_in};

#[test]
fn bundled_samples_pass() {
    let out = run(&["test"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(
        out.stdout.ends_with(" passed, 0 failed\n"),
        "{}",
        out.stdout
    );
    let out = run(&["test", "--coverage", "--min-coverage", "90"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(out.stdout.contains("coverage: "), "{}", out.stdout);
}

#[test]
fn failing_sample_shows_expected_actual_and_trace() {
    let tmp = playbook_from(Some(&fixtures().join("samples-failing")));
    let out = run_in(tmp.path(), &["test", "-p", "pb", "--verbose"], None);
    assert_eq!(out.status, 1, "{}", out.transcript());
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn junit_report() {
    let tmp = playbook_from(Some(&fixtures().join("samples-failing")));
    let out = run_in(tmp.path(), &["test", "-p", "pb", "--format", "junit"], None);
    assert_eq!(out.status, 1);
    assert!(out.stdout.starts_with("<?xml"));
    assert_eq!(out.stdout.matches("<testcase ").count(), 2);
    assert_eq!(out.stdout.matches("<failure ").count(), 1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn coverage_threshold_fails_below_it() {
    let tmp = playbook_from(None);
    let out = run_in(
        tmp.path(),
        &["test", "-p", "pb", "--coverage", "--min-coverage", "100"],
        None,
    );
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stdout.contains("untested tags: delay, spam"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("below the required 100.0%"),
        "{}",
        out.stderr
    );
}

/// A parent that only groups children is exercised through them, so full
/// coverage is possible; a share over 100 is a usage error.
#[test]
fn grouping_parents_count_through_their_children() {
    let tmp = playbook_from(None);
    let tags = tmp.path().join("pb/tags.yaml");
    let text = std::fs::read_to_string(&tags).unwrap();
    let grouped = text.replace(
        "  - id: outage\n",
        "  - id: service\n    description: Everything about the service.\n  - id: outage\n    parent: service\n",
    );
    assert_ne!(grouped, text);
    std::fs::write(&tags, grouped).unwrap();
    let out = run_in(tmp.path(), &["test", "-p", "pb", "--coverage"], None);
    assert!(
        out.stdout.contains("untested tags: delay, spam\n"),
        "{}",
        out.transcript()
    );
    let over = run_in(
        tmp.path(),
        &["test", "-p", "pb", "--coverage", "--min-coverage", "150"],
        None,
    );
    assert_eq!(over.status, 2, "{}", over.transcript());
    assert!(
        over.stderr.contains("150 is not a share from 0 to 100"),
        "{}",
        over.stderr
    );
    let alone = run_in(
        tmp.path(),
        &["test", "-p", "pb", "--min-coverage", "50"],
        None,
    );
    assert_eq!(alone.status, 2, "{}", alone.transcript());
}

#[test]
fn a_broken_playbook_is_not_tested() {
    let tmp = playbook_from(Some(&fixtures().join("checks/CB201-unknown-references")));
    let out = run_in(tmp.path(), &["test", "-p", "pb"], None);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("CB201"), "{}", out.stderr);
}
