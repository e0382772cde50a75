//! A compile killed at any point, inside the rename window included,
//! leaves the output directory holding the whole old set of files or the
//! whole new set once it is recovered, and the next compile recovers by
//! itself. The compile is the real binary, killed with SIGKILL before each
//! of its write steps in turn (`CAREBOOK_PAUSE_BEFORE_WRITE_STEP` stops it
//! there), and at random moments after it starts writing.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::{copy_dir, fixtures, tree};
use carebook::compile::output;

type Tree = Vec<(String, Option<Vec<u8>>)>;

/// Two playbooks whose outputs differ in every way a compile can change
/// a directory: the base fixture (8 files) and the base with the Zendesk
/// export on (50 files, in new directories), so one way adds files and
/// directories and replaces files, and the other way removes them.
struct Sets {
    _dir: tempfile::TempDir,
    small: PathBuf,
    large: PathBuf,
}

impl Sets {
    fn new() -> Sets {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small");
        let large = dir.path().join("large");
        copy_dir(&fixtures().join("base"), &small);
        copy_dir(&fixtures().join("base"), &large);
        copy_dir(&fixtures().join("zendesk-keys"), &large);
        Sets {
            _dir: dir,
            small,
            large,
        }
    }
}

fn compile(playbook: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_carebook"));
    cmd.arg("compile").arg(playbook).arg("--out").arg(out);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Starts a compile of `playbook` into `out` that pauses before write
/// step `step`: the child and whether it paused (`false`: it finished).
fn paused_at(playbook: &Path, out: &Path, step: usize) -> (std::process::Child, bool) {
    let mut child = compile(playbook, out)
        .env("CAREBOOK_PAUSE_BEFORE_WRITE_STEP", step.to_string())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let paused = stderr
        .lines()
        .map_while(Result::ok)
        .any(|line| line.starts_with("paused before write step"));
    (child, paused)
}

/// The directory a whole compile of `playbook` writes.
fn written_by(playbook: &Path) -> (tempfile::TempDir, Tree) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let done = compile(playbook, &out)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let t = tree(&out);
    (dir, t)
}

/// Starts a compile of `playbook` into `out` paused before write step
/// `step` and kills it there. `false`: it finished before that step.
fn kill_at_step(playbook: &Path, out: &Path, step: usize) -> bool {
    let (mut child, paused) = paused_at(playbook, out, step);
    if paused {
        child.kill().unwrap();
    }
    let status = child.wait().unwrap();
    assert!(paused || status.success(), "the compile failed: {status}");
    paused
}

/// Checks the promise after a kill: `compile --check` (if asked) names the
/// stopped compile's journal, and once recovered the directory is the old set or
/// the new one, exactly. Returns whether it is the new one.
fn check_after_kill(
    new_playbook: &Path,
    out: &Path,
    (old, new): (&Tree, &Tree),
    ask_check: bool,
    what: &str,
) -> bool {
    if ask_check && out.join(output::JOURNAL).exists() {
        let check = compile(new_playbook, out)
            .arg("--check")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&check.stderr);
        assert!(
            !check.status.success(),
            "{what}: --check passed with a journal"
        );
        assert!(said.contains("stopped while writing"), "{what}: {said}");
    }
    output::recover(out).unwrap();
    let now = tree(out);
    assert!(
        now == *old || now == *new,
        "{what}: the directory is neither the old set nor the new one:\n{:#?}",
        now.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    now == *new
}

/// Kills a compile from `from` to `to` before each of its write steps in
/// turn, until one runs to the end; returns how many kills that took.
fn every_step(from: &Path, to: &Path) -> usize {
    let (old_dir, old) = written_by(from);
    let (_new_dir, new) = written_by(to);
    let mut went_through = false;
    let mut step = 0;
    loop {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        copy_dir(&old_dir.path().join("out"), &out);
        let what = format!("killed before write step {step}");
        if !kill_at_step(to, &out, step) {
            assert_eq!(tree(&out), new, "a compile that was not killed");
            break;
        }
        let is_new = check_after_kill(to, &out, (&old, &new), step % 4 == 0, &what);
        // Old until the journal comes off, new from then on.
        assert!(is_new || !went_through, "{what}: old again after new");
        went_through |= is_new;
        // The next compile recovers by itself.
        if step % 8 == 0 {
            let again = compile(to, &out).stdin(Stdio::null()).output().unwrap();
            assert!(again.status.success(), "{what}: the next compile failed");
            assert_eq!(tree(&out), new, "{what}: the next compile");
        }
        step += 1;
    }
    assert!(went_through, "no kill came after the commit");
    assert!(step > 50, "only {step} write steps: the sets hardly differ");
    step
}

#[test]
fn a_compile_killed_before_any_write_step_leaves_old_or_new() {
    let sets = Sets::new();
    // Both ways at once, one per core.
    let grow = std::thread::scope(|s| {
        let grow = s.spawn(|| every_step(&sets.small, &sets.large));
        let shrink = every_step(&sets.large, &sets.small);
        grow.join().unwrap() + shrink
    });
    assert!(grow >= 150, "{grow} kills");
}

#[test]
fn a_compile_killed_at_random_moments_while_writing_leaves_old_or_new() {
    let sets = Sets::new();
    let (old_dir, old) = written_by(&sets.small);
    let (_new_dir, new) = written_by(&sets.large);
    // A fixed sequence of delays, so a failure can be run again.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut kills = 0;
    for i in 0..48 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Writing these 50 files takes a few milliseconds here.
        let delay = Duration::from_micros(seed % 6_000);
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        copy_dir(&old_dir.path().join("out"), &out);
        // Held just before the journal goes down, then let go.
        let (mut child, paused) = paused_at(&sets.large, &out, 0);
        assert!(paused);
        child.stdin.take().unwrap().write_all(b"\n").unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().unwrap();
        kills += usize::from(!status.success());
        let what = format!("kill {i}, {delay:?} into the write");
        check_after_kill(&sets.large, &out, (&old, &new), i % 4 == 0, &what);
    }
    // Most of them land inside the write, not after it.
    assert!(
        kills >= 24,
        "only {kills} of 48 compiles were still running"
    );
}
