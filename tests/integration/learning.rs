//! Tags learned from a playbook's labelled examples: the Nordlink
//! playbook doubts a keyword the examples contradict and adds a tag no
//! keyword reaches; an examples file that names an unknown tag is an
//! error with its place.

use crate::common::{playbook_from, run_in};

const MESSAGES: &str = concat!(
    r#"{"id":"bill","channel":"x","kind":"public","text":"my phone bill doubled this month and nobody can tell me why","received_at":"2026-03-02T10:00:00Z"}"#,
    "\n",
    r#"{"id":"calls","channel":"x","kind":"public","text":"my calls keep cutting out in the kitchen, every single day","received_at":"2026-03-02T10:00:00Z"}"#,
    "\n",
);

fn simulate(extra: &[&str]) -> String {
    let mut args = vec!["simulate", "-p", "accuracy/telecom", "-m", "-", "-q"];
    args.extend_from_slice(extra);
    let out = run_in(&crate::common::root(), &args, Some(MESSAGES));
    assert_eq!(out.status, 0, "{}", out.transcript());
    out.stdout
}

#[test]
fn the_summary_counts_what_the_examples_changed() {
    let out = run_in(
        &crate::common::root(),
        &["simulate", "-p", "accuracy/telecom", "-m", "-"],
        Some(MESSAGES),
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(
        out.stderr.contains(
            "from the labelled examples: 1 tag(s) added where no keyword matched, 1 keyword tag(s) dropped as unlikely"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_doubted_keyword_and_a_learned_tag_in_the_trace() {
    let out = simulate(&["--explain"]);
    insta::assert_snapshot!(out);
}

#[test]
fn decisions_carry_doubted_tags_and_learned_rules() {
    let out = simulate(&["--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    // "nobody can" is an outage keyword; the examples say a bill
    // complaint is no outage.
    let bill = &lines[0];
    assert_eq!(bill["doubted"][0]["tag"], "network-outage");
    assert_eq!(bill["doubted"][0]["rule"]["keyword"], "nobody can");
    assert!(bill["doubted"][0]["probability"].as_f64().unwrap() < 0.1);
    let tags: Vec<&str> = bill["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tag"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["billing"]);
    assert_eq!(bill["severity"], "normal");
    // No keyword for dropped calls in these words.
    let slow = &lines[1];
    assert_eq!(slow["tags"][0]["tag"], "network-quality");
    assert_eq!(slow["tags"][0]["rule"]["kind"], "learned");
    assert!(slow["tags"][0]["rule"]["probability"].as_f64().unwrap() >= 0.25);
    assert!(slow.get("doubted").is_none());
}

#[test]
fn the_playbook_without_examples_decides_on_keywords_alone() {
    // The bundled playbook has no examples: nothing is doubted or learned.
    let out = run_in(
        &crate::common::root(),
        &["simulate", "-m", "-", "-q", "--format", "jsonl"],
        Some(MESSAGES),
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(!out.stdout.contains("doubted"), "{}", out.stdout);
    assert!(!out.stdout.contains("\"learned\""), "{}", out.stdout);
}

#[test]
fn an_example_with_an_unknown_tag_is_an_error_with_its_place() {
    let tmp = playbook_from(Some(
        &crate::common::fixtures().join("clean/learning-from-examples"),
    ));
    let examples = tmp.path().join("pb/examples.yaml");
    let text = std::fs::read_to_string(&examples).unwrap();
    std::fs::write(
        &examples,
        text.replace("tags: [delay], lang: pl", "tags: [dealy], lang: pl"),
    )
    .unwrap();
    let out = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--color", "never"],
        None,
    );
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(out.stdout.contains("[CB201]"), "{}", out.stdout);
    assert!(
        out.stdout.contains("pb/examples.yaml:11:"),
        "{}",
        out.stdout
    );
}

#[test]
fn compile_carries_the_examples_and_says_what_zendesk_cannot_learn() {
    let tmp = tempfile::tempdir().unwrap();
    let pb = tmp.path().join("pb");
    crate::common::copy_dir(&crate::common::root().join("playbooks"), &pb);
    let manifest = std::fs::read_to_string(pb.join("carebook.yaml")).unwrap();
    std::fs::write(
        pb.join("carebook.yaml"),
        manifest.replace(
            "  samples: [samples.yaml]\n",
            "  samples: [samples.yaml]\n  examples: [examples.yaml]\n",
        ),
    )
    .unwrap();
    let mut examples = String::from("examples:\n");
    for (tag, texts) in [
        (
            "lost-baggage",
            [
                "my bag never arrived",
                "suitcase missing after landing",
                "where is my luggage",
                "bag lost on the Dublin flight",
                "no bag on the belt",
            ],
        ),
        (
            "flight-delay",
            [
                "flight late again",
                "we have been waiting 3 hours at the gate",
                "delayed departure, no info",
                "why is EI123 so late",
                "stuck at the gate, no plane",
            ],
        ),
    ] {
        for t in texts {
            examples.push_str(&format!("  - {{text: \"{t}\", tags: [{tag}]}}\n"));
        }
    }
    std::fs::write(pb.join("examples.yaml"), examples).unwrap();
    let out = run_in(tmp.path(), &["compile", "-p", "pb", "--out", "out"], None);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let fidelity = std::fs::read_to_string(tmp.path().join("out/zendesk/FIDELITY.md")).unwrap();
    assert!(fidelity.contains("from 10 labelled examples"), "{fidelity}");
    let routing: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("out/routing.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        routing["learning"]["examples"].as_array().unwrap().len(),
        10
    );
    assert_eq!(routing["learning"]["keep_at"], 0.1);
}

#[test]
fn diff_shows_a_change_to_the_examples_and_its_thresholds() {
    let tmp = playbook_from(Some(
        &crate::common::fixtures().join("clean/learning-from-examples"),
    ));
    let dir = tmp.path();
    crate::common::git(dir, &["init", "-q"]);
    crate::common::git(dir, &["add", "."]);
    crate::common::git(dir, &["commit", "-q", "-m", "base"]);
    let examples = dir.join("pb/examples.yaml");
    let mut text = std::fs::read_to_string(&examples).unwrap();
    text.push_str("  - {text: \"still waiting for my order\", tags: [delay], lang: en}\n");
    std::fs::write(&examples, text).unwrap();
    let manifest = dir.join("pb/carebook.yaml");
    let m = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, m.replace("add_at: 0.3", "add_at: 0.4")).unwrap();
    crate::common::git(dir, &["commit", "-q", "-am", "head"]);
    let out = run_in(
        dir,
        &["diff", "HEAD~1", "HEAD", "-p", "pb", "--exit-code"],
        None,
    );
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(out.stdout.contains("labelled examples:"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("add_at: 0.3 → 0.4; examples: 12 → 13; labelled delay: 5 → 6"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_handbook_says_which_tags_are_learned() {
    let out = run_in(
        &crate::common::root(),
        &["handbook", "-p", "accuracy/telecom"],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    let refunds = out
        .stdout
        .split("\n### ")
        .find(|s| s.starts_with("`refund`"))
        .expect("the refund tag's entry");
    assert!(
        refunds.contains("- Also learned from ")
            && refunds.contains(" labelled messages: the router adds it"),
        "{refunds}"
    );
}
