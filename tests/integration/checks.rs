//! Every validate check against its broken fixture: the fixture trips the
//! check named in its directory, and the human output is pinned.

use std::collections::BTreeSet;

use crate::common::{fixtures, playbook_from, run_in};

fn fixture_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(fixtures().join("checks"))
        .expect("fixtures/checks exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn base_fixture_is_clean() {
    let tmp = playbook_from(None);
    let out = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--deny-warnings"],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(
        out.stdout.contains("0 errors, 0 warnings"),
        "{}",
        out.stdout
    );
}

/// Each of `fixtures/clean/` on top of the base: the playbook parts that
/// no broken fixture shows passing (follow-ups, the bot, proactive posts)
/// written so that every check holds.
#[test]
fn clean_fixtures_pass_every_check() {
    let mut dirs: Vec<_> = std::fs::read_dir(fixtures().join("clean"))
        .expect("fixtures/clean exists")
        .map(|e| e.expect("entry").path())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    for dir in dirs {
        let tmp = playbook_from(Some(&dir));
        let out = run_in(
            tmp.path(),
            &["validate", "-p", "pb", "--deny-warnings"],
            None,
        );
        assert_eq!(out.status, 0, "{}\n{}", dir.display(), out.transcript());
        assert!(
            out.stdout.contains("0 errors, 0 warnings"),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn each_fixture_trips_its_check() {
    for dir in fixture_dirs() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let code = name.split('-').next().unwrap().to_string();
        let tmp = playbook_from(Some(&dir));
        let out = run_in(
            tmp.path(),
            &["validate", "-p", "pb", "--color", "never"],
            None,
        );
        let level = carebook::diagnostic::Code::parse(&code)
            .unwrap_or_else(|| panic!("{name}: no code {code}"))
            .info()
            .level;
        let expected = if level == carebook::diagnostic::Level::Error {
            1
        } else {
            0
        };
        assert_eq!(out.status, expected, "{name}\n{}", out.transcript());
        assert!(
            out.stdout.contains(&format!("[{code}]")),
            "{name} does not trip {code}:\n{}",
            out.transcript()
        );
        insta::assert_snapshot!(name.clone(), out.transcript());
    }
}

#[test]
fn every_code_has_docs_and_a_fixture() {
    let with_fixture: BTreeSet<String> = fixture_dirs()
        .iter()
        .map(|d| {
            d.file_name()
                .unwrap()
                .to_string_lossy()
                .split('-')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    // Exercised by the hostile-input and CLI tests instead: they need a
    // missing directory, or a file too large to keep in the repository.
    let elsewhere = ["CB001", "CB004"];
    for info in carebook::diagnostic::CODES {
        assert!(
            info.doc.starts_with(&format!(
                "# {} {} ({})",
                info.code,
                info.name,
                info.level.as_str()
            )),
            "{} docs must start with its title line",
            info.code
        );
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## How to fix",
        ] {
            assert!(
                info.doc.contains(section),
                "{} docs lack {section}",
                info.code
            );
        }
        assert!(
            with_fixture.contains(info.code) || elsewhere.contains(&info.code),
            "{} has no fixture under tests/fixtures/checks",
            info.code
        );
    }
}
