//! The CI output formats of `validate` and `test`: SARIF against the
//! published 2.1.0 schema, JUnit, and paths relative to the git root.

use crate::common::{fixtures, playbook_from, run_in, shared_data};

/// The published SARIF 2.1.0 schema, or `None` (and a line saying the
/// schema checks were skipped) where the reference data is not beside us.
fn sarif_validator() -> Option<jsonschema::Validator> {
    // Read in place: the schema is not ours to vendor.
    let path = shared_data("schemas/sarif-2.1.0.json")?;
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    let mut schema: serde_json::Value = schema;
    fix_language_pattern(&mut schema);
    // This copy keeps the log's own shape under `definitions/Root` and
    // nothing at the top level refers to it, so as read it accepts any
    // JSON. Point the root at it (in memory) so the check means something.
    assert!(schema.pointer("/definitions/Root/required").is_some());
    if schema.get("properties").is_none() && schema.get("$ref").is_none() {
        schema["allOf"] = serde_json::json!([{"$ref": "#/definitions/Root"}]);
    }
    // The draft (07) comes from `$schema`.
    Some(jsonschema::validator_for(&schema).expect("SARIF schema compiles"))
}

/// The published 2.1.0 schema's `language` patterns have a stray `]` (an
/// erratum fixed upstream later) that meta-validation rejects as a regex;
/// the intended pattern is put into the in-memory copy only.
fn fix_language_pattern(value: &mut serde_json::Value) {
    const ERRATUM: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "pattern" && v == ERRATUM {
                    *v = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
                } else {
                    fix_language_pattern(v);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(fix_language_pattern),
        _ => {}
    }
}

fn assert_valid_sarif(text: &str) -> serde_json::Value {
    let log: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    // Without the schema the callers' own assertions on the log still run.
    let Some(validator) = sarif_validator() else {
        return log;
    };
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    log
}

#[test]
fn validate_sarif_matches_the_schema() {
    let overlay = fixtures().join("checks/CB201-unknown-references");
    let tmp = playbook_from(Some(&overlay));
    let args = ["validate", "-p", "pb", "--format", "sarif"];
    let out = run_in(tmp.path(), &args, None);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert_eq!(out.stdout, run_in(tmp.path(), &args, None).stdout);
    let log = assert_valid_sarif(&out.stdout);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), carebook::diagnostic::CODES.len());
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert_eq!(r["ruleId"], "CB201");
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("pb/")
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn validate_sarif_has_related_locations() {
    let overlay = fixtures().join("checks/CB202-duplicate-tag-id");
    let tmp = playbook_from(Some(&overlay));
    let out = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--format", "sarif"],
        None,
    );
    let log = assert_valid_sarif(&out.stdout);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.iter().any(|r| r["relatedLocations"].is_array()),
        "{}",
        out.stdout
    );
}

#[test]
fn clean_playbook_sarif_has_no_results() {
    let tmp = playbook_from(None);
    let out = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--format", "sarif"],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    let log = assert_valid_sarif(&out.stdout);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn the_schema_check_rejects_broken_sarif() {
    // Guards against a validator that accepts everything.
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]});
    if let Some(validator) = sarif_validator() {
        assert!(!validator.is_valid(&broken));
    }
}

#[test]
fn validate_junit_has_a_suite_per_file() {
    let overlay = fixtures().join("checks/CB202-duplicate-tag-id");
    let tmp = playbook_from(Some(&overlay));
    let out = run_in(
        tmp.path(),
        &["validate", "-p", "pb", "--format", "junit"],
        None,
    );
    assert_eq!(out.status, 1, "{}", out.transcript());
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn validate_junit_warnings_pass_unless_denied() {
    let overlay = fixtures().join("checks/CB311-tag-undetectable");
    let tmp = playbook_from(Some(&overlay));
    let args = ["validate", "-p", "pb", "--format", "junit"];
    let out = run_in(tmp.path(), &args, None);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(out.stdout.contains("failures=\"0\">"), "{}", out.stdout);
    assert!(
        out.stdout.contains("<system-out>warning: "),
        "{}",
        out.stdout
    );
    let mut denied = args.to_vec();
    denied.push("--deny-warnings");
    let out = run_in(tmp.path(), &denied, None);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stdout.contains("<failure message=\"warning: "),
        "{}",
        out.stdout
    );
}

#[test]
fn ci_formats_give_paths_from_the_git_root() {
    // The repository root is above the directory carebook runs in, as when
    // playbooks live in a subdirectory of a monorepo.
    let overlay = fixtures().join("checks/CB102-unknown-field");
    let tmp = playbook_from(Some(&overlay));
    let sub = tmp.path().join("care");
    std::fs::create_dir(&sub).unwrap();
    std::fs::rename(tmp.path().join("pb"), sub.join("pb")).unwrap();
    std::fs::create_dir(tmp.path().join(".git")).unwrap();
    let run = |format: &str| run_in(&sub, &["validate", "-p", "pb", "--format", format], None);

    let github = run("github");
    assert!(
        github.stdout.contains("file=care/pb/tags.yaml,"),
        "{}",
        github.stdout
    );
    let sarif = assert_valid_sarif(&run("sarif").stdout);
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "care/pb/tags.yaml"
    );
    let junit = run("junit");
    assert!(
        junit
            .stdout
            .contains("<testsuite name=\"care/pb/tags.yaml\""),
        "{}",
        junit.stdout
    );
    // People and programs reading `human` and `json` get paths as given.
    assert!(run("human").stdout.contains(" pb/tags.yaml:"));
    assert!(run("json").stdout.contains("\"file\": \"pb/tags.yaml\""));
}

#[test]
fn test_sarif_and_github_point_at_failing_samples() {
    let tmp = playbook_from(Some(&fixtures().join("samples-failing")));
    let out = run_in(tmp.path(), &["test", "-p", "pb", "--format", "sarif"], None);
    assert_eq!(out.status, 1, "{}", out.transcript());
    let log = assert_valid_sarif(&out.stdout);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "pb/samples.yaml");
        assert!(loc["region"]["startLine"].as_u64().unwrap() > 1);
    }
    let out = run_in(
        tmp.path(),
        &["test", "-p", "pb", "--format", "github"],
        None,
    );
    assert_eq!(out.status, 1, "{}", out.transcript());
    insta::assert_snapshot!(out.stdout);
    // Passing samples annotate nothing.
    let clean = playbook_from(None);
    let out = run_in(
        clean.path(),
        &["test", "-p", "pb", "--format", "github"],
        None,
    );
    assert_eq!((out.status, out.stdout.as_str()), (0, ""));
}
