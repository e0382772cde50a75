//! `carebook init`: the starter playbook validates clean, its samples
//! pass, and a second run changes nothing.

mod common;

use common::run_in;

fn snapshot(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn init_writes_a_clean_playbook_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["init"], None);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let out = run_in(tmp.path(), &["validate", "--deny-warnings"], None);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let out = run_in(tmp.path(), &["test"], None);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(out.stdout.contains("0 failed"), "{}", out.stdout);

    let dir = tmp.path().join("playbooks");
    let manifest = std::fs::read_to_string(dir.join("carebook.yaml")).unwrap();
    assert!(manifest.starts_with(
        "# yaml-language-server: $schema=https://carebook.dev/schemas/manifest.schema.json\n"
    ));
    let before = snapshot(&dir);
    let out = run_in(tmp.path(), &["init"], None);
    assert_eq!(out.status, 2, "{}", out.transcript());
    assert_eq!(snapshot(&dir), before);
    // Nothing is left beside it either: the staging directory is gone.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn init_into_a_named_or_empty_directory() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let out = run_in(tmp.path(), &["init", "empty"], None);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let out = run_in(tmp.path(), &["init", "care/pb"], None);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let out = run_in(
        tmp.path(),
        &["validate", "care/pb", "--deny-warnings"],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
}
