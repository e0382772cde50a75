//! Writing compiled outputs as one change: everything is rendered before
//! anything is touched, every problem that can be foreseen is found before
//! the first write, and the change itself (new files, replaced files,
//! removed files, the manifest) is a list of renames that a failure undoes
//! in reverse. A manifest records what carebook wrote, so a file the
//! playbook no longer produces is removed only if carebook made it, and a
//! file somebody else put in the directory is never overwritten or removed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The manifest's name inside the output directory.
pub const MANIFEST: &str = ".carebook-outputs";

const MANIFEST_HEADER: &str = "# Files written by `carebook compile`. The next compile replaces them,\n\
# and removes those the playbook no longer produces. Do not edit.\n";

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("`{0}` is a directory, where carebook writes a file")]
    Directory(PathBuf),
    #[error("`{0}` is not a directory, where carebook writes into one")]
    NotDirectory(PathBuf),
    #[error(
        "`{0}` exists and carebook did not write it (it is not listed in {MANIFEST}); \
         move it away or compile into another directory"
    )]
    Foreign(PathBuf),
    #[error("cannot {action} `{path}`: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// The write failed, and so did part of putting things back.
    #[error("{cause}; putting the directory back failed too: {}", problems.join("; "))]
    Incomplete {
        cause: Box<OutputError>,
        problems: Vec<String>,
    },
}

impl OutputError {
    /// Whether the output directory is exactly as it was before the write.
    pub fn left_as_it_was(&self) -> bool {
        !matches!(self, OutputError::Incomplete { .. })
    }
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError {
    let path = path.to_path_buf();
    move |source| OutputError::Io {
        action,
        path,
        source,
    }
}

/// What a write changed, by relative path.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: Vec<String>,
    pub unchanged: Vec<String>,
    pub removed: Vec<String>,
    /// Backups that could not be deleted after a successful write: harmless
    /// hidden files, named so the user can remove them.
    pub leftovers: Vec<PathBuf>,
}

/// How a committed output differs from what the playbook produces now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Staleness {
    /// Not in the directory.
    Missing,
    /// In the directory with other content.
    Differs,
    /// In the directory, written by carebook, no longer produced.
    Removed,
}

impl Staleness {
    pub fn as_str(self) -> &'static str {
        match self {
            Staleness::Missing => "missing",
            Staleness::Differs => "out of date",
            Staleness::Removed => "no longer produced",
        }
    }
}

/// The files carebook wrote into `out` last time.
fn previous(out: &Path) -> Result<BTreeSet<String>, OutputError> {
    let path = out.join(MANIFEST);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            // A hand-edited manifest must not let a compile remove files
            // outside its directory.
            .filter(|l| is_plain_relative(l))
            .map(str::to_string)
            .collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(e) => Err(io_error("read", &path)(e)),
    }
}

fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != ".." && !c.contains('\\'))
}

fn manifest_text<'a>(paths: impl Iterator<Item = &'a String>) -> String {
    let mut text = MANIFEST_HEADER.to_string();
    for path in paths {
        text.push_str(path);
        text.push('\n');
    }
    text
}

/// What is at `path` now, without following a symlink: `None` if nothing.
fn existing(path: &Path) -> Result<Option<fs::Metadata>, OutputError> {
    match fs::symlink_metadata(path) {
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("inspect", path)(e)),
    }
}

/// The directories between `out` and the file `rel`, outermost first.
fn parents_within(out: &Path, rel: &str) -> Vec<PathBuf> {
    let mut dir = out.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    parts[..parts.len().saturating_sub(1)]
        .iter()
        .map(|part| {
            dir.push(part);
            dir.clone()
        })
        .collect()
}

/// Whether `path` holds a regular file with exactly `bytes`. Only regular
/// files are read, so a FIFO in the way cannot hang a compile.
fn holds(path: &Path, meta: &fs::Metadata, bytes: &[u8]) -> Result<bool, OutputError> {
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return Ok(false);
    }
    Ok(fs::read(path).map_err(io_error("read", path))? == bytes)
}

/// Compares `files` (and the manifest they make) with the directory: the
/// stale paths, sorted.
pub fn check(
    out: &Path,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<Vec<(String, Staleness)>, OutputError> {
    let manifest = manifest_text(files.keys()).into_bytes();
    let mut stale = Vec::new();
    let expected = files
        .iter()
        .map(|(rel, bytes)| (rel.as_str(), bytes.as_slice()))
        .chain([(MANIFEST, manifest.as_slice())]);
    for (rel, bytes) in expected {
        let path = out.join(rel);
        match existing(&path)? {
            None => stale.push((rel.to_string(), Staleness::Missing)),
            Some(m) if m.is_dir() => return Err(OutputError::Directory(path)),
            Some(m) => {
                if !holds(&path, &m, bytes)? {
                    stale.push((rel.to_string(), Staleness::Differs));
                }
            }
        }
    }
    for rel in previous(out)? {
        if !files.contains_key(&rel) && existing(&out.join(&rel))?.is_some() {
            stale.push((rel, Staleness::Removed));
        }
    }
    stale.sort();
    Ok(stale)
}

/// One step of the change, undone in reverse on failure.
enum Step {
    /// A directory that did not exist.
    CreatedDir(PathBuf),
    /// `staged` is to be renamed over `target`; `backup` holds the file
    /// that was there, if any.
    Replace {
        target: PathBuf,
        staged: PathBuf,
        backup: Option<PathBuf>,
        /// Renamed into place.
        committed: bool,
    },
    /// `target` is to be moved aside to `backup`, which is its removal.
    Remove { target: PathBuf, backup: PathBuf },
}

/// A hidden name beside `target`, unique to this process, so two
/// compiles into one directory never touch each other's files.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.carebook-{what}-{}", std::process::id()))
}

/// `fs::rename`, with a way for tests to make the n-th call fail.
fn rename(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(test)]
    if tests::fail_this_rename() {
        return Err(io::Error::other("injected failure"));
    }
    fs::rename(from, to)
}

/// A copy of `target` at `backup` that a rename can put back: a hard link,
/// or a real copy where the file system has none.
fn back_up(target: &Path, backup: &Path) -> io::Result<()> {
    match fs::hard_link(target, backup) {
        Ok(()) => Ok(()),
        Err(_) => fs::copy(target, backup).map(|_| ()),
    }
}

/// Writes `files` into `out` as one change; see the module documentation.
pub fn write(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<WriteReport, OutputError> {
    // OUT itself may be a symlink to a directory; inside it, only real
    // directories are written through, so nothing lands outside it.
    match fs::metadata(out) {
        Ok(m) if !m.is_dir() => return Err(OutputError::NotDirectory(out.to_path_buf())),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error("inspect", out)(e)),
    }
    let ours = previous(out)?;
    let mut report = WriteReport::default();

    // Look before touching anything: every foreseeable failure is found
    // here, while the directory is still as it was.
    let mut dirs_needed = BTreeSet::new();
    let mut writes: Vec<(PathBuf, &[u8], bool)> = Vec::new();
    for (rel, bytes) in files {
        debug_assert!(is_plain_relative(rel), "generated path {rel}");
        for dir in parents_within(out, rel) {
            match existing(&dir)? {
                Some(m) if !m.is_dir() => return Err(OutputError::NotDirectory(dir)),
                Some(_) => {}
                None => {
                    dirs_needed.insert(dir);
                }
            }
        }
        let target = out.join(rel);
        match existing(&target)? {
            Some(m) if m.is_dir() => return Err(OutputError::Directory(target)),
            // Even a file that holds exactly what carebook would write is
            // somebody else's until the manifest says otherwise.
            Some(_) if !ours.contains(rel) => return Err(OutputError::Foreign(target)),
            Some(m) if holds(&target, &m, bytes)? => report.unchanged.push(rel.clone()),
            Some(_) => {
                report.written.push(rel.clone());
                writes.push((target, bytes, true));
            }
            None => {
                report.written.push(rel.clone());
                writes.push((target, bytes, false));
            }
        }
    }
    // What carebook wrote before and the playbook no longer produces;
    // never through a symlinked directory, which could lead outside OUT.
    let mut removals = Vec::new();
    for rel in ours.iter().filter(|rel| !files.contains_key(*rel)) {
        let mut real_dirs = true;
        for dir in parents_within(out, rel) {
            real_dirs &= existing(&dir)?.is_some_and(|m| m.is_dir());
        }
        let target = out.join(rel);
        if real_dirs && existing(&target)?.is_some_and(|m| !m.is_dir()) {
            report.removed.push(rel.clone());
            removals.push(target);
        }
    }
    let manifest_path = out.join(MANIFEST);
    let manifest = manifest_text(files.keys()).into_bytes();
    match existing(&manifest_path)? {
        Some(m) if m.is_dir() => return Err(OutputError::Directory(manifest_path)),
        Some(m) if holds(&manifest_path, &m, &manifest)? => {}
        found => {
            report.written.push(MANIFEST.to_string());
            writes.push((manifest_path, &manifest, found.is_some()));
        }
    }

    let mut steps = Vec::new();
    let done = apply(out, &dirs_needed, &writes, &removals, &mut steps);
    if let Err(cause) = done {
        let problems = roll_back(steps);
        return Err(if problems.is_empty() {
            cause
        } else {
            OutputError::Incomplete {
                cause: Box::new(cause),
                problems,
            }
        });
    }

    // Committed: the backups are no longer needed, nor the directories
    // the removals emptied.
    for step in &steps {
        let backup = match step {
            Step::Replace {
                backup: Some(b), ..
            }
            | Step::Remove { backup: b, .. } => b,
            _ => continue,
        };
        if fs::remove_file(backup).is_err() {
            report.leftovers.push(backup.clone());
        }
    }
    for target in &removals {
        let mut dir = target.parent();
        while let Some(d) = dir.filter(|d| *d != out) {
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    report.written.sort();
    Ok(report)
}

/// The change itself, step by step; each step is recorded before it can
/// have any effect, so [`roll_back`] undoes exactly what happened.
fn apply(
    out: &Path,
    dirs_needed: &BTreeSet<PathBuf>,
    writes: &[(PathBuf, &[u8], bool)],
    removals: &[PathBuf],
    steps: &mut Vec<Step>,
) -> Result<(), OutputError> {
    // OUT and any missing parents of it, outermost first, then the
    // directories inside it (parents sort before their children).
    let mut missing = Vec::new();
    let mut dir = Some(out);
    while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
        if fs::metadata(d).is_ok() {
            break;
        }
        missing.push(d.to_path_buf());
        dir = d.parent();
    }
    missing.reverse();
    for dir in missing.iter().chain(dirs_needed) {
        fs::create_dir(dir).map_err(io_error("create directory", dir))?;
        steps.push(Step::CreatedDir(dir.clone()));
    }

    // Stage every new file beside its target, and back up what it replaces.
    let mut staged_steps = Vec::new();
    for (target, bytes, exists) in writes {
        let staged = sibling(target, "new");
        let _ = fs::remove_file(&staged);
        // `create_new` never follows a symlink someone left at that name.
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&staged)
            .map_err(io_error("write", &staged))?;
        let backup = exists.then(|| sibling(target, "old"));
        steps.push(Step::Replace {
            target: target.clone(),
            staged: staged.clone(),
            backup: None,
            committed: false,
        });
        file.write_all(bytes)
            .and_then(|_| file.sync_all())
            .map_err(io_error("write", &staged))?;
        if let Some(backup) = backup {
            let _ = fs::remove_file(&backup);
            if let Err(e) = back_up(target, &backup) {
                // A copy may have got halfway.
                let _ = fs::remove_file(&backup);
                return Err(io_error("back up", target)(e));
            }
            if let Some(Step::Replace { backup: b, .. }) = steps.last_mut() {
                *b = Some(backup);
            }
        }
        staged_steps.push(steps.len() - 1);
    }

    // Commit: renames only, each undoable.
    for &i in &staged_steps {
        if let Step::Replace { target, staged, .. } = &steps[i] {
            rename(staged, target).map_err(io_error("replace", target))?;
            if let Step::Replace { committed, .. } = &mut steps[i] {
                *committed = true;
            }
        }
    }
    for target in removals {
        let backup = sibling(target, "old");
        let _ = fs::remove_file(&backup);
        rename(target, &backup).map_err(io_error("remove", target))?;
        steps.push(Step::Remove {
            target: target.clone(),
            backup,
        });
    }
    Ok(())
}

/// Undoes `steps` in reverse; returns what could not be undone.
fn roll_back(steps: Vec<Step>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut note = |what: &str, path: &Path, e: io::Error| {
        problems.push(format!("cannot {what} `{}`: {e}", path.display()));
    };
    for step in steps.into_iter().rev() {
        match step {
            Step::Remove { target, backup } => {
                if let Err(e) = fs::rename(&backup, &target) {
                    note("restore", &target, e);
                }
            }
            // Not yet renamed into place: drop the staged copy and backup.
            Step::Replace {
                staged,
                backup,
                committed: false,
                ..
            } => {
                if let Err(e) = fs::remove_file(&staged)
                    && e.kind() != io::ErrorKind::NotFound
                {
                    note("remove", &staged, e);
                }
                if let Some(backup) = backup
                    && let Err(e) = fs::remove_file(&backup)
                {
                    note("remove", &backup, e);
                }
            }
            // Renamed into place: put the old file back, or remove the new one.
            Step::Replace {
                target,
                backup,
                committed: true,
                ..
            } => {
                let undone = match &backup {
                    Some(backup) => fs::rename(backup, &target),
                    None => fs::remove_file(&target),
                };
                if let Err(e) = undone {
                    note("restore", &target, e);
                }
            }
            Step::CreatedDir(dir) => {
                if let Err(e) = fs::remove_dir(&dir) {
                    note("remove directory", &dir, e);
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Renames left before the injected failure; `None`: never fail.
        static FAIL_AFTER: Cell<Option<usize>> = const { Cell::new(None) };
    }

    pub(super) fn fail_this_rename() -> bool {
        FAIL_AFTER.with(|left| match left.get() {
            Some(0) => true,
            Some(n) => {
                left.set(Some(n - 1));
                false
            }
            None => false,
        })
    }

    /// Every file, directory and symlink under `dir`, hidden ones too,
    /// with file contents.
    fn tree(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                let meta = fs::symlink_metadata(&path).unwrap();
                if meta.is_dir() {
                    out.push((format!("{rel}/"), None));
                    stack.push(path);
                } else {
                    out.push((rel, Some(fs::read(&path).unwrap_or_default())));
                }
            }
        }
        out.sort();
        out
    }

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        list.iter()
            .map(|(p, c)| (p.to_string(), c.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn a_failure_at_any_rename_leaves_the_directory_as_it_was() {
        let before = files(&[
            ("routing.json", "old routing"),
            ("same.txt", "same"),
            ("gone/old.md", "no longer produced"),
            ("deep/a/b.txt", "old b"),
        ]);
        let after = files(&[
            ("routing.json", "new routing"),
            ("same.txt", "same"),
            ("deep/a/b.txt", "new b"),
            ("new/dir/c.txt", "brand new"),
        ]);
        let mut k = 0;
        loop {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("out");
            write(&out, &before).unwrap();
            fs::write(out.join("theirs.txt"), "somebody's own file").unwrap();
            let snapshot = tree(&out);
            FAIL_AFTER.with(|f| f.set(Some(k)));
            let result = write(&out, &after);
            FAIL_AFTER.with(|f| f.set(None));
            match result {
                Err(e) => {
                    assert!(e.left_as_it_was(), "{e}");
                    assert_eq!(tree(&out), snapshot, "failure at rename {k}");
                    k += 1;
                }
                Ok(report) => {
                    // Past the last rename: the write went through whole.
                    assert!(k > 3, "every rename was tried ({k})");
                    assert_eq!(report.removed, vec!["gone/old.md".to_string()]);
                    assert!(report.leftovers.is_empty());
                    let now = tree(&out);
                    assert!(now.contains(&("routing.json".into(), Some(b"new routing".to_vec()))));
                    assert!(
                        now.contains(&("theirs.txt".into(), Some(b"somebody's own file".to_vec())))
                    );
                    assert!(!now.iter().any(|(p, _)| p.starts_with("gone")));
                    let hidden =
                        |p: &str| p.contains(".carebook-new") || p.contains(".carebook-old");
                    assert!(!now.iter().any(|(p, _)| hidden(p)), "{now:?}");
                    break;
                }
            }
        }
    }

    #[test]
    fn a_failure_in_a_new_directory_leaves_no_directory_behind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a/b/out");
        FAIL_AFTER.with(|f| f.set(Some(0)));
        let result = write(&out, &files(&[("x/y.txt", "y")]));
        FAIL_AFTER.with(|f| f.set(None));
        assert!(result.is_err());
        assert!(tree(dir.path()).is_empty(), "{:?}", tree(dir.path()));
    }

    #[test]
    fn a_fifo_in_the_way_is_replaced_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        write(out, &files(&[("pipe", "data")])).unwrap();
        fs::remove_file(out.join("pipe")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(out.join("pipe"))
            .status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        let stale = check(out, &files(&[("pipe", "data")])).unwrap();
        assert_eq!(stale, vec![("pipe".to_string(), Staleness::Differs)]);
        write(out, &files(&[("pipe", "data")])).unwrap();
        assert_eq!(fs::read(out.join("pipe")).unwrap(), b"data");
    }
}
