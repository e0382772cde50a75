//! The intent journal: before a compile touches anything, it records every
//! directory it will create, every file it will stage, back up, put in
//! place or remove, under their exact names. The record goes down in one
//! rename, so it is whole or absent, and it comes off only once the last
//! rename is done. A compile stopped anywhere in between (killed, or
//! failing on a full disk) leaves the record, and the next one undoes exactly
//! that, putting back the whole old set before it writes. Each entry's
//! undo looks at what is on disk (never through a symlink), so undoing twice, or undoing a step that
//! never happened, changes nothing.
//!
//! Once every rename is done, the record is rewritten as committed (the
//! commit point); what is left then (removing the backups, and the
//! directories the removals emptied) is finished by whoever finds it:
//! this compile, or the next.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{
    BACKUP, MANIFEST, OutputError, Placement, STAGED, existing, io_error, is_own_bookkeeping,
    is_plain_relative, sibling,
};

/// The journal's name inside the output directory.
pub const JOURNAL: &str = ".carebook-journal";

/// Paths are relative to the output directory, with `/` between parts.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    /// Every rename is done: finish, never undo.
    pub committed: bool,
    /// Directories created inside OUT, parents first.
    pub dirs: Vec<String>,
    /// Files put in place, in the order they are committed, except that
    /// the removals go between the others and the manifest, which is last.
    pub place: Vec<Placed>,
    pub remove: Vec<Removed>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placed {
    pub target: String,
    pub staged: String,
    /// Where the file it replaces is kept until the change is done; `None`
    /// if nothing was there.
    pub backup: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Removed {
    pub target: String,
    /// Where the removed file is kept until the change is done.
    pub backup: String,
}

fn relative(out: &Path, path: &Path) -> String {
    path.strip_prefix(out)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

impl Journal {
    pub(super) fn plan(
        out: &Path,
        dirs: &BTreeSet<PathBuf>,
        placements: &[Placement],
        removals: &[PathBuf],
    ) -> Journal {
        Journal {
            committed: false,
            dirs: dirs.iter().map(|d| relative(out, d)).collect(),
            place: placements
                .iter()
                .map(|p| Placed {
                    target: relative(out, &p.target),
                    staged: relative(out, &sibling(&p.target, STAGED)),
                    backup: p
                        .replaces
                        .then(|| relative(out, &sibling(&p.target, BACKUP))),
                })
                .collect(),
            remove: removals
                .iter()
                .map(|t| Removed {
                    target: relative(out, t),
                    backup: relative(out, &sibling(t, BACKUP)),
                })
                .collect(),
        }
    }

    /// Every backup the change makes, relative to OUT.
    pub fn backups(&self) -> impl Iterator<Item = &str> {
        let placed = self.place.iter().filter_map(|p| p.backup.as_deref());
        placed.chain(self.remove.iter().map(|r| r.backup.as_str()))
    }

    /// Whether every path stays inside OUT and names what this journal may
    /// touch, so a hand-made journal cannot make a compile remove or
    /// overwrite anything else.
    fn well_formed(&self) -> bool {
        let target = |t: &str| is_plain_relative(t) && (t == MANIFEST || !is_own_bookkeeping(t));
        let named = |p: &str, what: &str| {
            is_plain_relative(p) && p.rsplit('/').next().is_some_and(|n| n.contains(what))
        };
        self.dirs.iter().all(|d| target(d))
            && self.place.iter().all(|p| {
                target(&p.target)
                    && named(&p.staged, STAGED)
                    && p.backup.as_deref().is_none_or(|b| named(b, BACKUP))
            })
            && self
                .remove
                .iter()
                .all(|r| target(&r.target) && named(&r.backup, BACKUP))
    }
}

/// Writes the journal whole: to a staged name, synced, then renamed.
pub fn record(out: &Path, journal: &Journal) -> Result<(), OutputError> {
    let path = out.join(JOURNAL);
    let staged = sibling(&path, STAGED);
    let text = serde_json::to_vec(journal).expect("a journal is plain data");
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&staged)
        .map_err(io_error("write", &staged))?;
    let written = file
        .write_all(&text)
        .and_then(|_| file.sync_all())
        .map_err(io_error("write", &staged))
        .and_then(|_| fs::rename(&staged, &path).map_err(io_error("write", &path)));
    if written.is_err() {
        let _ = fs::remove_file(&staged);
    }
    written?;
    sync_dir(out);
    Ok(())
}

/// Takes the journal off: the change it records is done, or undone.
pub fn forget(out: &Path) -> Result<(), OutputError> {
    let path = out.join(JOURNAL);
    match fs::remove_file(&path) {
        Ok(()) => {
            sync_dir(out);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error("remove", &path)(e)),
    }
}

/// Makes a rename in `dir` durable; a kill alone needs no sync, a power
/// cut does. Where directories cannot be opened, there is nothing to do.
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Whether a stopped compile left a journal in `out`.
pub fn pending(out: &Path) -> Result<bool, OutputError> {
    Ok(existing(&out.join(JOURNAL))?.is_some())
}

/// Completes the change a stopped compile recorded, if any: undoes it
/// if it had not committed, finishes it if it had, and takes its journal
/// off. `Ok(true)`: there was one.
pub fn recover(out: &Path) -> Result<bool, OutputError> {
    let path = out.join(JOURNAL);
    match existing(&path)? {
        None => return Ok(false),
        Some(m) if !m.is_file() => {
            return Err(OutputError::BadJournal(path, "not a regular file".into()));
        }
        Some(_) => {}
    }
    let text = fs::read(&path).map_err(io_error("read", &path))?;
    let journal: Journal = serde_json::from_slice(&text)
        .map_err(|e| OutputError::BadJournal(path.clone(), e.to_string()))?;
    if !journal.well_formed() {
        return Err(OutputError::BadJournal(
            path,
            "it names files outside the output directory".into(),
        ));
    }
    let problems = if journal.committed {
        let stuck = finish(out, &journal);
        stuck
            .iter()
            .map(|p| format!("cannot remove `{}`", p.display()))
            .collect()
    } else {
        undo(out, &journal)
    };
    if !problems.is_empty() {
        return Err(OutputError::Unrecovered(path, problems));
    }
    forget(out)?;
    Ok(true)
}

/// After the commit point: removes the backups, the staged links of new
/// files, and the directories the removals emptied; returns what could
/// not be removed.
pub fn finish(out: &Path, journal: &Journal) -> Vec<PathBuf> {
    let mut stuck = Vec::new();
    let staged = journal.place.iter().map(|p| p.staged.as_str());
    for rel in journal.backups().chain(staged) {
        let path = out.join(rel);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => stuck.push(path),
            _ => {}
        }
    }
    for entry in &journal.remove {
        super::remove_emptied(out, &out.join(&entry.target));
    }
    stuck
}

/// Puts back what `journal` changed, whatever part of it happened; returns
/// what could not be put back.
pub fn undo(out: &Path, journal: &Journal) -> Vec<String> {
    let mut problems = Vec::new();
    let mut note = |what: &str, path: &Path, e: io::Error| {
        problems.push(format!("cannot {what} `{}`: {e}", path.display()));
    };
    let gone = |r: io::Result<()>| match r {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    };
    for entry in journal.remove.iter().rev() {
        let (target, backup) = (out.join(&entry.target), out.join(&entry.backup));
        if there(&backup)
            && let Err(e) = fs::rename(&backup, &target)
        {
            note("restore", &target, e);
        }
    }
    for entry in journal.place.iter().rev() {
        let (target, staged) = (out.join(&entry.target), out.join(&entry.staged));
        let staged_there = there(&staged);
        match &entry.backup {
            // The staged copy is still there: the target was not replaced.
            Some(backup) if staged_there => {
                if let Err(e) = gone(fs::remove_file(out.join(backup))) {
                    note("remove", &out.join(backup), e);
                }
            }
            // Replaced: the backup was made first, so it is whole.
            Some(backup) => {
                let backup = out.join(backup);
                if there(&backup)
                    && let Err(e) = fs::rename(&backup, &target)
                {
                    note("restore", &target, e);
                }
            }
            // New: placed as a second link to the staged copy, which stays
            // until the change is finished, so only a target that is that
            // same file is this compile's; a staged copy that is gone was
            // never staged.
            None => {
                if staged_there
                    && same_file(&staged, &target)
                    && let Err(e) = gone(fs::remove_file(&target))
                {
                    note("remove", &target, e);
                }
            }
        }
        if staged_there && let Err(e) = gone(fs::remove_file(&staged)) {
            note("remove", &staged, e);
        }
    }
    for dir in journal.dirs.iter().rev() {
        let dir = out.join(dir);
        if let Err(e) = gone(fs::remove_dir(&dir)) {
            note("remove directory", &dir, e);
        }
    }
    problems
}

/// Whether anything is at `path`, without following a symlink.
fn there(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Whether `b` is the file staged at `a`: the same file (a hard link), or
/// where the file system has no hard links, a copy with the same bytes.
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::symlink_metadata(a), fs::symlink_metadata(b)) else {
        return false;
    };
    if super::same_inode(&ma, &mb) {
        return true;
    }
    ma.is_file()
        && mb.is_file()
        && ma.len() == mb.len()
        && matches!((fs::read(a), fs::read(b)), (Ok(x), Ok(y)) if x == y)
}
