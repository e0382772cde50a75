//! Hostile input: each is refused with a stable code, a position where one
//! exists, exit status 1, and never a panic or a hang.

use crate::common::{playbook_from, run_in};

fn validate(tmp: &tempfile::TempDir) -> crate::common::Output {
    run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--format", "json"],
        None,
    )
}

fn assert_refused(out: &crate::common::Output, code: &str) {
    assert_eq!(out.status, 1, "{}", out.transcript());
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("json output");
    let found = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == code);
    assert!(found, "expected {code}:\n{}", out.transcript());
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

fn write(tmp: &tempfile::TempDir, file: &str, text: &[u8]) {
    std::fs::write(tmp.path().join("pb").join(file), text).unwrap();
}

#[test]
fn alias_bomb_is_refused_by_budget() {
    let tmp = playbook_from(None);
    let mut yaml = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut prev = 'a';
    for n in "bcdefghi".chars() {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        yaml.push_str(&format!("{n}: &{n} [{refs}]\n"));
        prev = n;
    }
    yaml.push_str("samples: *i\n");
    write(&tmp, "samples.yaml", yaml.as_bytes());
    let out = validate(&tmp);
    assert_refused(&out, "CB012");
    assert!(
        out.stdout.contains("\"line\""),
        "has a position: {}",
        out.stdout
    );
}

#[test]
fn deep_nesting_is_refused() {
    let tmp = playbook_from(None);
    let yaml = format!("samples: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    write(&tmp, "samples.yaml", yaml.as_bytes());
    assert_refused(&validate(&tmp), "CB012");
    let nested_block: String = (0..10_000).map(|_| "- ").collect::<String>() + "x\n";
    write(
        &tmp,
        "samples.yaml",
        format!("samples:\n{nested_block}").as_bytes(),
    );
    assert_refused(&validate(&tmp), "CB012");
}

#[test]
fn huge_file_is_refused_before_reading() {
    let tmp = playbook_from(None);
    let file = std::fs::File::create(tmp.path().join("pb/samples.yaml")).unwrap();
    // Sparse: 50 MB by its metadata, nothing written.
    file.set_len(50 * 1024 * 1024).unwrap();
    let out = validate(&tmp);
    assert_refused(&out, "CB004");
    // The limit is the user's to raise.
    let out = run_in(
        tmp.path(),
        &[
            "validate",
            "-p",
            "pb",
            "--format",
            "json",
            "--max-file-size",
            "100",
        ],
        None,
    );
    assert_refused(&out, "CB004");
}

#[test]
fn binary_file_is_refused() {
    let tmp = playbook_from(None);
    write(&tmp, "tags.yaml", b"tags:\n  - id: x\x00\xff\xfe\n");
    let out = validate(&tmp);
    assert_refused(&out, "CB005");
    assert!(out.stdout.contains("\"line\": 2"), "{}", out.stdout);
}

#[test]
fn duplicate_keys_are_refused() {
    let tmp = playbook_from(None);
    let text = std::fs::read_to_string(tmp.path().join("pb/empowerment.yaml")).unwrap();
    let text = text.replace(
        "    name: Agent\n",
        "    name: Agent\n    name: Senior agent\n",
    );
    write(&tmp, "empowerment.yaml", text.as_bytes());
    assert_refused(&validate(&tmp), "CB011");
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_root_is_refused() {
    let tmp = playbook_from(None);
    std::fs::write(tmp.path().join("secret.yaml"), "tags: []\n").unwrap();
    std::fs::remove_file(tmp.path().join("pb/tags.yaml")).unwrap();
    std::os::unix::fs::symlink(
        tmp.path().join("secret.yaml"),
        tmp.path().join("pb/tags.yaml"),
    )
    .unwrap();
    assert_refused(&validate(&tmp), "CB003");
}

#[test]
fn parent_and_absolute_paths_are_refused() {
    let tmp = playbook_from(None);
    std::fs::write(tmp.path().join("outside.yaml"), "tags: []\n").unwrap();
    let manifest = std::fs::read_to_string(tmp.path().join("pb/carebook.yaml")).unwrap();
    let bad = manifest.replace(
        "tags: [tags.yaml]",
        "tags: [../outside.yaml, /etc/hostname]",
    );
    write(&tmp, "carebook.yaml", bad.as_bytes());
    let out = validate(&tmp);
    assert_refused(&out, "CB003");
    assert_eq!(out.stdout.matches("CB003").count(), 2, "{}", out.stdout);
}

#[test]
fn missing_directory_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["validate", "-p", "nowhere"], None);
    assert_eq!(out.status, 2, "{}", out.transcript());
    assert!(out.stderr.contains("error[CB001]"), "{}", out.stderr);
    let out = run_in(tmp.path(), &["validate"], None);
    assert_eq!(out.status, 2, "{}", out.transcript());
}

#[test]
fn bom_and_crlf_are_accepted() {
    let tmp = playbook_from(None);
    let text = std::fs::read_to_string(tmp.path().join("pb/tags.yaml")).unwrap();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    write(&tmp, "tags.yaml", &bytes);
    let out = run_in(tmp.path(), &["validate", "-p", "pb"], None);
    assert_eq!(out.status, 0, "{}", out.transcript());
}
