//! Helpers shared by the integration tests: run the real binary, build
//! playbooks from fixtures in temporary directories.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    root().join("tests/fixtures")
}

/// What a run of the binary printed and how it exited.
#[derive(Debug)]
pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Exit status, stdout and stderr together, as a snapshot holds them.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

/// Runs `carebook` with `args` in `dir`, feeding `stdin`.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_carebook"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("carebook runs");
    let mut pipe = child.stdin.take().expect("stdin");
    // Written from another thread while this one reads the output: a
    // large input would otherwise fill the output pipes and both sides
    // would wait for each other.
    let text = stdin.unwrap_or_default().to_string();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(text.as_bytes());
    });
    let out = child.wait_with_output().expect("carebook finishes");
    let _ = writer.join();
    Output {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args, None)
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary directory holding `pb/`: the base fixture playbook with
/// the files of `overlay` (if any) replacing or adding to it.
pub fn playbook_from(overlay: Option<&Path>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("base"), &tmp.path().join("pb"));
    if let Some(overlay) = overlay {
        copy_dir(overlay, &tmp.path().join("pb"));
    }
    tmp
}

/// Everything under `dir`, directories too (as `path/`, without content)
/// so a directory left behind is noticed; symlinks are not followed.
pub fn tree(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if std::fs::symlink_metadata(&path).unwrap().is_dir() {
                out.push((format!("{rel}/"), None));
                stack.push(path);
            } else {
                out.push((rel, Some(std::fs::read(&path).unwrap_or_default())));
            }
        }
    }
    out.sort();
    out
}

/// The bundled example playbook, loaded.
pub fn bundled_playbook() -> carebook::load::Playbook {
    let loaded = carebook::load::load(&root().join("playbooks"), &Default::default())
        .expect("the bundled playbook loads");
    loaded.playbook.expect("the bundled playbook parses")
}

/// Public reference data read in place (never copied into the project):
/// `rel` under `$CAREBOOK_SHARED_DATA`, by default `../shared` beside the
/// repository. Without it the caller skips its check and one line on the
/// terminal says so; with `CAREBOOK_REQUIRE_SHARED_DATA` set (as `.ci/run`
/// sets it) a missing file fails the test instead, so CI cannot skip.
pub fn shared_data(rel: &str) -> Option<PathBuf> {
    use std::io::Write;
    let base = std::env::var_os("CAREBOOK_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    let path = base.join(rel);
    if path.exists() {
        return Some(path);
    }
    if std::env::var_os("CAREBOOK_REQUIRE_SHARED_DATA").is_some() {
        panic!(
            "{} is missing and CAREBOOK_REQUIRE_SHARED_DATA is set",
            path.display()
        );
    }
    // Once per file and test binary, and straight to the terminal: the
    // harness captures eprintln! of a passing test, and this must be seen.
    static SAID: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
    if !said.iter().any(|r| r == rel) {
        said.push(rel.to_owned());
        let line = format!(
            "\nskipped: the checks against {rel} (not found at {}; set CAREBOOK_SHARED_DATA to the directory that holds it)\n",
            path.display()
        );
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }
    None
}

/// Runs git in `dir` as a fixed author, failing the test if git fails.
pub fn git(dir: &Path, args: &[&str]) {
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

/// The bundled playbook compiled with `--verbose` into a temporary
/// directory, and what the compile printed on stderr.
pub fn compile_bundled() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "compile",
        "-p",
        root().join("playbooks").to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
        "--verbose",
    ]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    (dir, out.stderr)
}
