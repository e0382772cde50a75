//! `carebook validate` on the bundled playbook and on broken fixtures, in
//! every output format; the published schemas stay in sync.

use crate::common::{fixtures, playbook_from, root, run, run_in};

#[test]
fn bundled_playbook_is_clean() {
    let out = run(&["validate", "--deny-warnings"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert_eq!(out.stdout, "playbooks: 0 errors, 0 warnings\n");
    // The same playbook given as a positional directory.
    let out = run(&["validate", "playbooks"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
}

#[test]
fn json_output_is_byte_identical_across_runs() {
    let overlay = fixtures().join("checks/CB201-unknown-references");
    let tmp = playbook_from(Some(&overlay));
    let first = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--format", "json"],
        None,
    );
    let second = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--format", "json"],
        None,
    );
    assert_eq!(first.status, 1);
    assert_eq!(first.stdout, second.stdout);
    insta::assert_snapshot!(first.stdout);
    let bundled = run(&["validate", "--format", "json"]);
    assert_eq!(
        bundled.stdout,
        run(&["validate", "--format", "json"]).stdout
    );
}

#[test]
fn github_annotations() {
    let overlay = fixtures().join("checks/CB102-unknown-field");
    let tmp = playbook_from(Some(&overlay));
    let out = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--format", "github"],
        None,
    );
    assert_eq!(out.status, 1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let overlay = fixtures().join("checks/CB311-tag-undetectable");
    let tmp = playbook_from(Some(&overlay));
    let out = run_in(tmp.path(), &["validate", "-p", "pb"], None);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let out = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--deny-warnings"],
        None,
    );
    assert_eq!(out.status, 1, "{}", out.transcript());
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["validate", "--format", "yaml"]);
    assert_eq!(out.status, 2, "{}", out.transcript());
    let out = run(&["validate", "-p", "playbooks", "playbooks"]);
    assert_eq!(out.status, 2, "{}", out.transcript());
    let out = run(&["validate", "-p", "Cargo.toml"]);
    assert_eq!(out.status, 2, "{}", out.transcript());
}

#[test]
fn committed_schemas_are_current() {
    for kind in carebook::model::FileKind::ALL {
        let path = root().join("schemas").join(kind.schema_file());
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == carebook::schema::schema_text(kind),
            "{} is stale: run `cargo run -- schema --out schemas`",
            path.display()
        );
    }
    let path = root().join("schemas/routing.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == carebook::ir::routing_schema_text(),
        "{} is stale: run `cargo run -- schema --out schemas`",
        path.display()
    );
}

#[test]
fn schema_command_prints_draft_2020_12() {
    let out = run(&["schema", "--kind", "tags"]);
    assert_eq!(out.status, 0);
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["$defs"]["Tag"]["properties"]["detect"].is_object());
}

#[test]
fn every_playbook_file_names_its_schema() {
    let manifest = std::fs::read_to_string(root().join("playbooks/carebook.yaml")).unwrap();
    assert!(
        manifest.starts_with("# yaml-language-server: $schema=../schemas/manifest.schema.json\n")
    );
    for kind in [
        "voice",
        "tags",
        "escalation",
        "empowerment",
        "staffing",
        "samples",
    ] {
        let text = std::fs::read_to_string(root().join(format!("playbooks/{kind}.yaml"))).unwrap();
        let line = format!("# yaml-language-server: $schema=../schemas/{kind}.schema.json\n");
        assert!(
            text.starts_with(&line),
            "playbooks/{kind}.yaml must start with {line}"
        );
    }
}

#[test]
fn explain_prints_each_code_and_lists_all() {
    for info in carebook::diagnostic::CODES {
        let out = run(&["explain", info.code]);
        assert_eq!(out.status, 0);
        assert_eq!(out.stdout, info.doc);
        let by_name = run(&["explain", info.name]);
        assert_eq!(by_name.stdout, info.doc);
    }
    let out = run(&["explain", "CB999"]);
    assert_eq!(out.status, 2);
    let out = run(&["explain", "--all", "--format", "json"]);
    let all: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(all.len(), carebook::diagnostic::CODES.len());
    let out = run(&["explain", "--all"]);
    insta::assert_snapshot!(out.stdout);
}

#[path = "../../benches/generate_playbook.rs"]
mod generate_playbook;

#[test]
fn generated_large_playbook_validates_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let size = generate_playbook::Size {
        tags: 200,
        keywords_per_tag: 10,
        teams: 20,
        macros: 50,
        samples: 500,
    };
    generate_playbook::generate(&tmp.path().join("pb"), &size).unwrap();
    let out = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--deny-warnings"],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
}

/// Every command that reads a playbook and has no other positional
/// argument takes the directory as one, the same as `-p`.
#[test]
fn every_command_takes_the_playbook_as_its_positional_argument() {
    let tmp = crate::common::playbook_from(None);
    let out_dir = tmp.path().join("out");
    let out = out_dir.to_str().unwrap();
    let messages = tmp.path().join("m.jsonl");
    std::fs::write(
        &messages,
        r#"{"id":"a","channel":"x","kind":"public","text":"The app is down","received_at":"2026-02-03T10:00:00Z"}"#,
    )
    .unwrap();
    let m = messages.to_str().unwrap();
    for (positional, flag) in [
        (vec!["test", "pb"], vec!["test", "-p", "pb"]),
        (
            vec!["simulate", "pb", "-m", m],
            vec!["simulate", "-p", "pb", "-m", m],
        ),
        // The second writes nothing new: the first wrote the same.
        (
            vec!["compile", "pb", "--out", out],
            vec!["compile", "-p", "pb", "--out", out, "--check"],
        ),
        (vec!["handbook", "pb"], vec!["handbook", "-p", "pb"]),
    ] {
        let a = crate::common::run_in(tmp.path(), &positional, None);
        let b = crate::common::run_in(tmp.path(), &flag, None);
        assert_eq!(a.status, 0, "{positional:?}\n{}", a.transcript());
        assert_eq!(b.status, 0, "{flag:?}\n{}", b.transcript());
        if positional[0] != "compile" {
            assert_eq!(a.stdout, b.stdout, "{positional:?}");
        }
    }
    // The bundled playbook has the staffing targets a plan needs.
    let a = run(&["staffing", "plan", "playbooks"]);
    let b = run(&["staffing", "plan", "-p", "playbooks"]);
    assert_eq!(a.status, 0, "{}", a.transcript());
    assert_eq!(a.stdout, b.stdout);
    let both = crate::common::run_in(tmp.path(), &["test", "pb", "-p", "pb"], None);
    assert_eq!(both.status, 2, "{}", both.transcript());
}

/// Validate a copy of the base fixture with `edits` applied to its files.
fn validate_edited(edits: &[(&str, &str, &str)]) -> crate::common::Output {
    let tmp = playbook_from(None);
    for (file, from, to) in edits {
        let path = tmp.path().join("pb").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    run_in(tmp.path(), &["validate", "pb", "--color", "never"], None)
}

/// `1bd` at a 9-to-5 office is 8 business hours, not 24: a chain whose
/// first person comes after 10 hours misses it (CB302).
#[test]
fn business_days_are_compared_at_the_calendars_day() {
    let out = validate_edited(&[
        (
            "escalation.yaml",
            "    first_response: 4h\n    resolution: 48h\n    hours: business\n    calendar: office\n",
            "    first_response: 1bd\n    resolution: 48h\n    hours: business\n    calendar: office\n    escalation: slow\n",
        ),
        (
            "escalation.yaml",
            "chains:\n",
            "chains:\n  - id: slow\n    rungs:\n      - {after: 10h, role: agent}\n",
        ),
    ]);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stdout.contains("severity `normal` must be answered within 1bd, but chain `slow` reaches its first person only after 10h"),
        "{}",
        out.stdout
    );
}

/// An emergency keyword makes a business-hours message urgent and 24/7:
/// the queue it lands in needs cover around the clock (CB310).
#[test]
fn coverage_counts_the_emergency_boost() {
    let ops = "  - id: ops\n    name: Operations desk\n    function: care\n    timezone: Europe/Dublin\n    members:\n      - name: Sean\n        role: agent\n        languages: [en, pl]\n        shifts: [office-hours]\nshifts:\n";
    let out = validate_edited(&[
        ("staffing.yaml", "shifts:\n", ops),
        (
            "escalation.yaml",
            "  - id: everything-else\n    queue: care-queue\n",
            "  - id: everything-else\n    queue: back-office\n",
        ),
        (
            "escalation.yaml",
            "queues:\n",
            "queues:\n  - id: back-office\n    name: Back office\n    team: ops\n",
        ),
        (
            "escalation.yaml",
            "chains:\n",
            "boosts:\n  emergency:\n    keywords:\n      en: [stranded]\n    raise: 2\nchains:\n",
        ),
    ]);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stdout
            .contains("route `everything-else` takes 24/7 messages (`urgent`) in `en`"),
        "{}",
        out.stdout
    );
}
