//! `carebook init`: the starter playbook validates clean, its samples
//! pass, and a second run changes nothing.

use crate::common::run_in;

fn snapshot(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_file())
        .map(|e| {
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
    // Each `$schema` line names a file beside it, which is the schema
    // `carebook schema` prints for that kind: an editor finds it offline.
    let mut files = 0;
    for (name, text) in snapshot(&dir) {
        let first = text.lines().next().unwrap();
        let target = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{name}: {first}"));
        let schema = std::fs::read_to_string(dir.join(target))
            .unwrap_or_else(|e| panic!("{name}: {target}: {e}"));
        let kind = target
            .trim_start_matches("schemas/")
            .trim_end_matches(".schema.json");
        let printed = crate::common::run(&["schema", "--kind", kind]);
        assert_eq!(printed.stdout, schema, "{name}");
        files += 1;
    }
    assert_eq!(files, 7);
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
