//! `carebook compile`: the outputs, their determinism, the routing config's
//! round trip, `--check`, and writes that leave the directory as it was
//! when they fail.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::common::{root, run, tree};
use carebook::ir::Ir;
use carebook::router::{DecideOptions, Router};

fn compile_into(out: &Path) -> crate::common::Output {
    run(&[
        "compile",
        "-p",
        root().join("playbooks").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn outputs_are_byte_identical_across_runs() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(compile_into(a.path()).status, 0);
    // The second run in another zone, locale and working directory.
    let other = std::process::Command::new(env!("CARGO_BIN_EXE_carebook"))
        .args(["compile", "-p"])
        .arg(root().join("playbooks"))
        .arg("--out")
        .arg(b.path())
        .current_dir(std::env::temp_dir())
        .env("TZ", "Pacific/Chatham")
        .env("LC_ALL", "th_TH.UTF-8")
        .env("LANG", "ja_JP.UTF-8")
        .status()
        .unwrap();
    assert!(other.success());
    let (ta, tb) = (tree(a.path()), tree(b.path()));
    assert!(ta.iter().any(|(p, _)| p == "routing.json"));
    assert_eq!(ta, tb);
}

#[test]
fn routing_json_snapshot() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(compile_into(out.path()).status, 0);
    let text = fs::read_to_string(out.path().join("routing.json")).unwrap();
    insta::assert_snapshot!("routing_json", text);
}

#[test]
fn routing_json_matches_its_published_schema() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(compile_into(out.path()).status, 0);
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("schemas/routing.schema.json")).unwrap(),
    )
    .unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("routing.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the schema is not a rubber stamp: a wrong type fails it.
    let mut broken = doc.clone();
    broken["routes"][0]["queue"] = serde_json::json!(7);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn router_from_routing_json_decides_every_sample_as_the_yaml_router() {
    let pb = crate::common::bundled_playbook();
    let from_yaml = Router::new(&carebook::ir::lower(&pb)).unwrap();
    let out = tempfile::tempdir().unwrap();
    assert_eq!(compile_into(out.path()).status, 0);
    let text = fs::read_to_string(out.path().join("routing.json")).unwrap();
    let from_json = Router::new(&Ir::from_json(&text).unwrap()).unwrap();

    let mut across_dst = 0;
    for sample in &pb.samples {
        let message = carebook::sampletest::message_of(&sample.value);
        let received = message.received_at.to_string();
        if received.starts_with("2026-03-29") || received.starts_with("2026-10-25") {
            across_dst += 1;
        }
        let incidents =
            std::iter::once(None).chain(pb.incidents.iter().map(|i| Some(i.value.id.0.as_str())));
        for incident in incidents {
            let options = DecideOptions { incident, at: None };
            let a = serde_json::to_string(&from_yaml.decide(&message, &options)).unwrap();
            let b = serde_json::to_string(&from_json.decide(&message, &options)).unwrap();
            assert_eq!(
                a, b,
                "sample `{}` (incident {incident:?})",
                sample.value.id.0
            );
        }
    }
    assert!(across_dst >= 2, "the samples cover the DST change");
}

#[test]
fn reading_a_newer_or_broken_routing_json_is_an_error_not_a_panic() {
    let pb = crate::common::bundled_playbook();
    let mut doc: serde_json::Value =
        serde_json::from_str(&carebook::ir::lower(&pb).to_json()).unwrap();
    doc["schema_version"] = serde_json::json!(99);
    let err = Ir::from_json(&doc.to_string()).unwrap_err().to_string();
    assert!(
        err.contains("unsupported routing schema version 99"),
        "{err}"
    );

    let current = carebook::ir::SCHEMA_VERSION;
    let err = Ir::from_json(&format!(
        "{{\n  \"schema_version\": {current},\n  \"bogus\": true\n}}"
    ))
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("line "), "{err}");
    assert!(Ir::from_json("{").is_err());
}

#[test]
fn check_passes_when_current_and_lists_stale_files() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(compile_into(out.path()).status, 0);
    let check = |dir: &Path| {
        run(&[
            "compile",
            "-p",
            root().join("playbooks").to_str().unwrap(),
            "--out",
            dir.to_str().unwrap(),
            "--check",
        ])
    };
    let current = check(out.path());
    assert_eq!(current.status, 0, "{}", current.transcript());

    fs::write(out.path().join("routing.json"), "{}\n").unwrap();
    fs::write(out.path().join(".carebook-outputs"), {
        let mut m = fs::read_to_string(out.path().join(".carebook-outputs")).unwrap();
        m.push_str("old/gone.json\n");
        m
    })
    .unwrap();
    fs::create_dir(out.path().join("old")).unwrap();
    fs::write(out.path().join("old/gone.json"), "{}").unwrap();
    let stale = check(out.path());
    assert_eq!(stale.status, 1, "{}", stale.transcript());
    // Its FIDELITY.md files may be stale too: not pointed to.
    assert!(
        !stale.stderr.contains("FIDELITY.md lists"),
        "{}",
        stale.stderr
    );
    assert!(
        stale.stderr.contains("run with --verbose to list them"),
        "{}",
        stale.stderr
    );
    assert!(
        stale.stderr.contains("routing.json (out of date)"),
        "{}",
        stale.stderr
    );
    assert!(
        stale.stderr.contains("old/gone.json (no longer produced)"),
        "{}",
        stale.stderr
    );
    // --check writes nothing.
    assert_eq!(
        fs::read_to_string(out.path().join("routing.json")).unwrap(),
        "{}\n"
    );

    // A compile brings it back and removes what carebook wrote before.
    assert_eq!(compile_into(out.path()).status, 0);
    assert!(!out.path().join("old").exists());
    assert_eq!(check(out.path()).status, 0);
}

#[test]
fn a_directory_where_a_file_goes_leaves_previous_outputs_intact() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(compile_into(out.path()).status, 0);
    let before = tree(out.path());
    // Make one output stale so the compile has something to write, and
    // put a directory where the routing config goes.
    let target = out.path().join("routing.json");
    fs::remove_file(&target).unwrap();
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep.txt"), "mine").unwrap();
    let snapshot = tree(out.path());
    let failed = compile_into(out.path());
    assert_eq!(failed.status, 2, "{}", failed.transcript());
    assert!(
        failed.stderr.contains("is a directory"),
        "{}",
        failed.stderr
    );
    assert_eq!(tree(out.path()), snapshot, "nothing changed");
    assert_ne!(snapshot, before);
}

#[test]
fn a_file_carebook_did_not_write_is_never_overwritten() {
    let out = tempfile::tempdir().unwrap();
    fs::write(out.path().join("routing.json"), "my own notes\n").unwrap();
    let failed = compile_into(out.path());
    assert_eq!(failed.status, 2, "{}", failed.transcript());
    assert!(
        failed.stderr.contains("carebook did not write it"),
        "{}",
        failed.stderr
    );
    assert_eq!(
        fs::read_to_string(out.path().join("routing.json")).unwrap(),
        "my own notes\n"
    );
    assert!(!out.path().join(".carebook-outputs").exists());
}

#[test]
fn a_file_where_the_output_directory_goes_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("compiled");
    fs::write(&out, "not a directory").unwrap();
    let failed = compile_into(&out);
    assert_eq!(failed.status, 2, "{}", failed.transcript());
    assert_eq!(fs::read_to_string(&out).unwrap(), "not a directory");
    let expected = format!(
        "error: `{}` is not a directory; --out names the directory the outputs go in\n",
        out.display()
    );
    assert_eq!(
        failed.stderr, expected,
        "nothing about files it did not write"
    );
    let check = run(&[
        "compile",
        "-p",
        root().join("playbooks").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--check",
    ]);
    assert_eq!(check.status, 2, "{}", check.transcript());
    assert_eq!(check.stderr, expected);
    let missing = dir.path().join("nowhere");
    let check = run(&[
        "compile",
        "-p",
        root().join("playbooks").to_str().unwrap(),
        "--out",
        missing.to_str().unwrap(),
        "--check",
    ]);
    assert_eq!(check.status, 2, "{}", check.transcript());
    assert!(check.stderr.contains("does not exist"), "{}", check.stderr);
    assert!(!missing.exists());
}

#[test]
fn committed_outputs_are_current() {
    let out = crate::common::run_in(&root(), &["compile", "--out", "compiled", "--check"], None);
    assert_eq!(
        out.status,
        0,
        "compiled/ is stale: run `cargo run -- compile --out compiled`\n{}",
        out.transcript()
    );
}

#[test]
fn out_may_be_nested_or_a_symlink_to_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/compiled");
    assert_eq!(compile_into(&nested).status, 0);
    assert!(nested.join("routing.json").is_file());

    let real = dir.path().join("real");
    fs::create_dir(&real).unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = compile_into(&link);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(real.join("routing.json").is_file());
}

#[test]
fn stale_files_are_never_removed_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("compiled");
    assert_eq!(compile_into(&out).status, 0);
    // The manifest says carebook once wrote notes/old.md, but `notes` is
    // now a link to somebody's own directory.
    let theirs = dir.path().join("theirs");
    fs::create_dir(&theirs).unwrap();
    fs::write(theirs.join("old.md"), "keep me").unwrap();
    std::os::unix::fs::symlink(&theirs, out.join("notes")).unwrap();
    let mut manifest = fs::read_to_string(out.join(".carebook-outputs")).unwrap();
    manifest.push_str("notes/old.md\n");
    fs::write(out.join(".carebook-outputs"), manifest).unwrap();
    assert_eq!(compile_into(&out).status, 0);
    assert_eq!(
        fs::read_to_string(theirs.join("old.md")).unwrap(),
        "keep me"
    );
}

/// Every leaf of the bundled routing.json, changed one at a time into
/// something wrong (an unknown id, a huge number, an empty list): reading
/// and routing either refuse it with an error or work, and never panic.
#[test]
fn a_hand_edited_routing_json_is_an_error_never_a_panic() {
    let pb = crate::common::bundled_playbook();
    let messages: Vec<_> = pb
        .samples
        .iter()
        .map(|s| carebook::sampletest::message_of(&s.value))
        .collect();
    let doc: serde_json::Value = serde_json::from_str(&carebook::ir::lower(&pb).to_json()).unwrap();
    let mut pointers = Vec::new();
    leaves(&doc, String::new(), &mut pointers);
    // One field of every item of a list at once (`/tags/*/severity`): the
    // same code reads each item, and some items are never read by the
    // samples.
    let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for pointer in pointers {
        let pattern: Vec<&str> = pointer
            .split('/')
            .map(|part| {
                if part.parse::<usize>().is_ok() {
                    "*"
                } else {
                    part
                }
            })
            .collect();
        fields.entry(pattern.join("/")).or_default().push(pointer);
    }
    let mut mutants = 0;
    for (field, pointers) in &fields {
        let wrongs = match doc.pointer(&pointers[0]) {
            Some(serde_json::Value::String(_)) => vec![serde_json::json!("zz-unknown")],
            Some(serde_json::Value::Array(_)) => vec![serde_json::json!([])],
            _ => vec![serde_json::json!(4294967295u64), serde_json::json!(99)],
        };
        for wrong in wrongs {
            let mut mutant = doc.clone();
            for pointer in pointers {
                *mutant.pointer_mut(pointer).unwrap() = wrong.clone();
            }
            mutants += 1;
            let outcome = std::panic::catch_unwind(|| {
                let Ok(ir) = Ir::from_json(&mutant.to_string()) else {
                    return;
                };
                let Ok(router) = Router::new(&ir) else {
                    return;
                };
                for m in &messages {
                    let _ = router.decide(m, &DecideOptions::default());
                }
            });
            assert!(outcome.is_ok(), "panic with {field} = {wrong}");
        }
    }
    assert!(mutants > 100, "{mutants}");
}

fn leaves(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                leaves(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        serde_json::Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

#[test]
fn check_requires_the_manifest_too() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(compile_into(out.path()).status, 0);
    fs::remove_file(out.path().join(".carebook-outputs")).unwrap();
    let check = run(&[
        "compile",
        "-p",
        root().join("playbooks").to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--check",
    ]);
    assert_eq!(check.status, 1, "{}", check.transcript());
    assert!(
        check.stderr.contains(".carebook-outputs (missing)"),
        "{}",
        check.stderr
    );
}
