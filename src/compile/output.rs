//! Writing compiled outputs as one change: everything is rendered before
//! anything is touched, every problem that can be foreseen is found before
//! the first write, files are replaced by rename, and a failure puts back
//! what was there. A manifest records what carebook wrote, so a file the
//! playbook no longer produces is removed only if carebook made it, and a
//! file somebody else put in the directory is never overwritten.

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

fn manifest_text(files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut text = MANIFEST_HEADER.to_string();
    for path in files.keys() {
        text.push_str(path);
        text.push('\n');
    }
    text
}

/// What is at `path` now: `None` if nothing.
fn existing(path: &Path) -> Result<Option<fs::Metadata>, OutputError> {
    match fs::symlink_metadata(path) {
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("inspect", path)(e)),
    }
}

/// Compares `files` with the directory: the stale paths, sorted.
pub fn check(
    out: &Path,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<Vec<(String, Staleness)>, OutputError> {
    let mut stale = Vec::new();
    for (rel, bytes) in files {
        let path = out.join(rel);
        match existing(&path)? {
            None => stale.push((rel.clone(), Staleness::Missing)),
            Some(m) if m.is_dir() => return Err(OutputError::Directory(path)),
            Some(_) => {
                let on_disk = fs::read(&path).map_err(io_error("read", &path))?;
                if on_disk != *bytes {
                    stale.push((rel.clone(), Staleness::Differs));
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

/// One file to replace: where, the staged copy, and the backup of what was
/// there.
struct Change {
    target: PathBuf,
    staged: PathBuf,
    backup: Option<PathBuf>,
}

/// Everything a failed write must undo.
#[derive(Default)]
struct Undo {
    created_dirs: Vec<PathBuf>,
    changes: Vec<Change>,
    /// How many of `changes` have been renamed into place.
    committed: usize,
}

impl Undo {
    fn roll_back(self) {
        for change in self.changes.iter().take(self.committed) {
            match &change.backup {
                Some(backup) => {
                    let _ = fs::rename(backup, &change.target);
                }
                None => {
                    let _ = fs::remove_file(&change.target);
                }
            }
        }
        for change in self.changes.iter().skip(self.committed) {
            let _ = fs::remove_file(&change.staged);
            if let Some(backup) = &change.backup {
                let _ = fs::remove_file(backup);
            }
        }
        for dir in self.created_dirs.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{suffix}"))
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
    let mut to_write = Vec::new();
    let mut dirs_needed = BTreeSet::new();
    for (rel, bytes) in files {
        debug_assert!(is_plain_relative(rel), "generated path {rel}");
        let target = out.join(rel);
        let mut dir = target.parent();
        while let Some(d) = dir.filter(|d| *d != out) {
            if let Some(m) = existing(d)?
                && !m.is_dir()
            {
                return Err(OutputError::NotDirectory(d.to_path_buf()));
            }
            dirs_needed.insert(d.to_path_buf());
            dir = d.parent();
        }
        match existing(&target)? {
            Some(m) if m.is_dir() => return Err(OutputError::Directory(target)),
            Some(m) => {
                let same = m.is_file() && fs::read(&target).ok().as_deref() == Some(bytes);
                if same {
                    report.unchanged.push(rel.clone());
                    continue;
                }
                if !ours.contains(rel) {
                    return Err(OutputError::Foreign(target));
                }
                to_write.push((rel, target, bytes, true));
            }
            None => to_write.push((rel, target, bytes, false)),
        }
    }

    let mut undo = Undo::default();
    let result = stage_and_commit(out, &dirs_needed, &to_write, files, &mut undo);
    if let Err(e) = result {
        undo.roll_back();
        return Err(e);
    }
    for change in &undo.changes {
        if let Some(backup) = &change.backup {
            let _ = fs::remove_file(backup);
        }
    }
    report.written = to_write.iter().map(|(rel, ..)| (*rel).clone()).collect();

    // Only now, with the new set in place, remove what carebook wrote
    // before and the playbook no longer produces.
    for rel in ours.iter().filter(|rel| !files.contains_key(*rel)) {
        let path = out.join(rel);
        if within_real_dirs(out, rel)? && existing(&path)?.is_some_and(|m| !m.is_dir()) {
            fs::remove_file(&path).map_err(io_error("remove", &path))?;
            report.removed.push(rel.clone());
            // Directories it leaves empty go too; a non-empty one stays.
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != out) {
                if fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
    }
    Ok(report)
}

/// Whether every directory between `out` and `rel` is a real directory,
/// not a symlink: removing through a symlink could delete a file outside
/// the output directory.
fn within_real_dirs(out: &Path, rel: &str) -> Result<bool, OutputError> {
    let mut dir = out.to_path_buf();
    let parents: Vec<&str> = rel.split('/').collect();
    for part in &parents[..parents.len().saturating_sub(1)] {
        dir.push(part);
        if !existing(&dir)?.is_some_and(|m| m.is_dir()) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn stage_and_commit(
    out: &Path,
    dirs_needed: &BTreeSet<PathBuf>,
    to_write: &[(&String, PathBuf, &Vec<u8>, bool)],
    files: &BTreeMap<String, Vec<u8>>,
    undo: &mut Undo,
) -> Result<(), OutputError> {
    // Parents sort before their children, so each is created in turn.
    // OUT and any missing parents of it, outermost first, then the
    // directories inside it.
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
    for dir in missing.iter().chain(dirs_needed.iter()) {
        if existing(dir)?.is_none() {
            fs::create_dir(dir).map_err(io_error("create directory", dir))?;
            undo.created_dirs.push(dir.clone());
        }
    }
    let manifest = out.join(MANIFEST);
    let manifest_bytes = manifest_text(files).into_bytes();
    let manifest_change = (fs::read(&manifest).ok().as_ref() != Some(&manifest_bytes)).then_some((
        &manifest,
        &manifest_bytes,
        existing(&manifest)?.is_some(),
    ));
    let all = to_write
        .iter()
        .map(|(_, target, bytes, exists)| (target, *bytes, *exists))
        .chain(manifest_change);
    for (target, bytes, exists) in all {
        let staged = sibling(target, "carebook-new");
        let mut file = fs::File::create(&staged).map_err(io_error("write", &staged))?;
        undo.changes.push(Change {
            target: target.clone(),
            staged: staged.clone(),
            backup: None,
        });
        file.write_all(bytes)
            .and_then(|_| file.sync_all())
            .map_err(io_error("write", &staged))?;
        if exists {
            let backup = sibling(target, "carebook-old");
            let _ = fs::remove_file(&backup);
            fs::hard_link(target, &backup).map_err(io_error("back up", target))?;
            undo.changes.last_mut().expect("just pushed").backup = Some(backup);
        }
    }
    for change in &undo.changes {
        fs::rename(&change.staged, &change.target).map_err(io_error("replace", &change.target))?;
        undo.committed += 1;
    }
    Ok(())
}
