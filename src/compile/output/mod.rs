//! Writing compiled outputs as one change: everything is rendered before
//! anything is touched, every problem that can be foreseen is found before
//! the first write, and the change itself (new files, replaced files,
//! removed files, the manifest) is recorded in a [`journal`] before it
//! starts, so a failure, or a kill at any point, is undone to the whole
//! old set: by this compile, or by the next. A manifest records what
//! carebook wrote, so a file the playbook no longer produces is removed
//! only if carebook made it, and a file somebody else put in the directory
//! is never overwritten or removed.

mod journal;

pub use journal::JOURNAL;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The manifest's name inside the output directory.
pub const MANIFEST: &str = ".carebook-outputs";

/// Held while a compile writes, so two compiles never interleave.
const LOCK: &str = ".carebook-outputs.lock";

/// What staged copies and backups are called (`.NAME.carebook-new-…`).
const STAGED: &str = ".carebook-new-";
const BACKUP: &str = ".carebook-old-";

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
    #[error("another compile is writing into `{0}` (it holds the lock on `{0}/{LOCK}`)")]
    Locked(PathBuf),
    #[error("`{0}` is not a regular file, where carebook keeps its manifest")]
    BadManifest(PathBuf),
    #[error("cannot {action} `{path}`: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error(
        "`{0}` records a compile that was stopped, but cannot be read ({1}); \
         if no compile is running, check the directory and remove it"
    )]
    BadJournal(PathBuf, String),
    #[error(
        "a compile into this directory was stopped, and putting back what it \
         changed failed: {}; its record stays in `{}` for the next compile",
        .1.join("; "), .0.display()
    )]
    Unrecovered(PathBuf, Vec<String>),
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
        !matches!(
            self,
            OutputError::Incomplete { .. } | OutputError::Unrecovered(..)
        )
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
    /// A compile had been stopped while writing, and what it changed was
    /// put back before this one wrote.
    pub rolled_back: bool,
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
    /// A staged copy or backup left by a compile that was killed.
    Leftover,
    /// The journal of a compile that was stopped while writing: the
    /// directory may hold part of the old set and part of the new.
    Interrupted,
}

impl Staleness {
    pub fn as_str(self) -> &'static str {
        match self {
            Staleness::Missing => "missing",
            Staleness::Differs => "out of date",
            Staleness::Removed => "no longer produced",
            Staleness::Leftover => {
                "left by a compile that was stopped; the next compile removes it"
            }
            Staleness::Interrupted => {
                "a compile was stopped while writing; the next compile puts back what it changed"
            }
        }
    }
}

/// The files carebook wrote into `out` last time.
fn previous(out: &Path) -> Result<BTreeSet<String>, OutputError> {
    let path = out.join(MANIFEST);
    match existing(&path)? {
        None => return Ok(BTreeSet::new()),
        // Never read through a symlink (it could make carebook remove
        // files it did not write) or from a FIFO (it would hang).
        Some(m) if !m.is_file() => return Err(OutputError::BadManifest(path)),
        Some(_) => {}
    }
    let text = fs::read_to_string(&path).map_err(io_error("read", &path))?;
    Ok(text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        // A hand-edited manifest must not let a compile remove files
        // outside its directory, nor the manifest, its lock, or the
        // staged copies and backups of a compile in progress.
        .filter(|l| is_plain_relative(l) && !is_own_bookkeeping(l))
        .map(str::to_string)
        .collect())
}

fn is_own_bookkeeping(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    rel == MANIFEST
        || rel == LOCK
        || rel == JOURNAL
        || name.contains(STAGED)
        || name.contains(BACKUP)
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
        // A parent that became a file: nothing can be at `path`.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
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
        // As `write` sees it: a symlink or file where a directory goes is
        // an error there, so it is one here.
        for dir in parents_within(out, rel) {
            if existing(&dir)?.is_some_and(|m| !m.is_dir()) {
                return Err(OutputError::NotDirectory(dir));
            }
        }
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
    if existing(out)?.is_some_and(|m| m.is_dir()) {
        if journal::pending(out)? {
            stale.push((JOURNAL.to_string(), Staleness::Interrupted));
        }
        stale.extend(
            leftovers(out)?
                .into_iter()
                .map(|rel| (rel, Staleness::Leftover)),
        );
    }
    stale.sort();
    Ok(stale)
}

/// A hidden name beside `target`, unique to this process and this call,
/// so with the lock held no other compile is using it.
fn sibling(target: &Path, what: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}{what}{}-{n}", std::process::id()))
}

/// `fs::rename`, with a way for tests to make any commit step fail.
fn rename(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(test)]
    if tests::fail_this_step() {
        return Err(io::Error::other("injected failure"));
    }
    fs::rename(from, to)
}

/// Puts a staged file where nothing was, without replacing anything that
/// appeared there since: a hard link fails if the name is taken, where a
/// rename would silently replace it. The staged name stays, a second link
/// to the same file, until the change is finished: so a staged copy that
/// is gone means it was never staged, and an undo never mistakes a file
/// that appeared at the target for one it placed.
fn place_new(staged: &Path, target: &Path) -> io::Result<()> {
    #[cfg(test)]
    if tests::fail_this_step() {
        return Err(io::Error::other("injected failure"));
    }
    match fs::hard_link(staged, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links: a copy, written only where
        // nothing is, which an undo knows by its bytes.
        Err(_) => fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(target)
            .and_then(|mut to| io::copy(&mut fs::File::open(staged)?, &mut to).map(|_| ())),
    }
}

/// A copy of `target` at `backup` that a rename can put back: a hard link,
/// or a real copy where the file system has none.
fn back_up(target: &Path, backup: &Path) -> io::Result<()> {
    match fs::hard_link(target, backup) {
        Ok(()) => Ok(()),
        // Copying follows a symlink, which would not restore the link.
        Err(e)
            if e.kind() == io::ErrorKind::AlreadyExists
                || fs::symlink_metadata(target)?.is_symlink() =>
        {
            Err(e)
        }
        Err(_) => fs::copy(target, backup).map(|_| ()),
    }
}

/// An OS lock on the lock file, held while a compile writes: the OS
/// releases it when the process ends, however it ends, so a killed
/// compile never blocks the next one. The file is removed when dropped.
struct Lock {
    path: PathBuf,
    _file: fs::File,
}

impl Lock {
    fn take(out: &Path) -> Result<Lock, OutputError> {
        let path = out.join(LOCK);
        // A compile that just finished removes the file it locked; one
        // that locked it meanwhile would hold a lock on a file no longer
        // there. Check that the locked file is still the one at `path`.
        for _ in 0..100 {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io_error("lock", &path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(OutputError::Locked(out.to_path_buf()));
                }
                Err(fs::TryLockError::Error(e)) => return Err(io_error("lock", &path)(e)),
            }
            if same_file(&file, &path) {
                return Ok(Lock { path, _file: file });
            }
        }
        Err(OutputError::Locked(out.to_path_buf()))
    }
}

#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => same_inode(&a, &b),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &fs::File, path: &Path) -> bool {
    path.exists()
}

/// Whether two metadata describe one file (always `false` where the
/// platform does not say).
fn same_inode(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked, so no other compile can lock the
        // same file after it is gone.
        let _ = fs::remove_file(&self.path);
    }
}

/// Staged copies and backups a killed compile left, anywhere under `out`
/// (real directories only, never through a symlink), as paths relative
/// to it, sorted.
pub fn leftovers(out: &Path) -> Result<Vec<String>, OutputError> {
    // Another output directory inside this one has its own compiles,
    // whose staged copies are not this one's to remove.
    let nested = |d: &Path| d.join(MANIFEST).exists() || d.join(LOCK).exists();
    let mut found = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io_error("read", &dir)(e)),
        };
        for entry in entries {
            let entry = entry.map_err(io_error("read", &dir))?;
            let kind = entry
                .file_type()
                .map_err(io_error("inspect", &entry.path()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if kind.is_dir() {
                if !nested(&entry.path()) {
                    stack.push(entry.path());
                }
            } else if (name.contains(STAGED) || name.contains(BACKUP))
                && let Ok(rel) = entry.path().strip_prefix(out)
            {
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// One file to put in place: where, what, and whether something carebook
/// wrote is there to replace.
struct Placement<'a> {
    target: PathBuf,
    bytes: std::borrow::Cow<'a, [u8]>,
    replaces: bool,
}

/// Writes `files` into `out` as one change; see the module documentation.
pub fn write(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<WriteReport, OutputError> {
    // OUT itself may be a symlink to a directory; inside it, only real
    // directories are written through, so nothing lands outside it.
    let out_exists = match fs::metadata(out) {
        Ok(m) if !m.is_dir() => return Err(OutputError::NotDirectory(out.to_path_buf())),
        Ok(_) => true,
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(io_error("inspect", out)(e)),
    };
    let mut report = WriteReport::default();
    // A directory that does not exist yet is claimed by creating it,
    // which only one compile can do; the lock is taken right after.
    let mut created = Vec::new();
    let lock = if out_exists {
        let lock = Lock::take(out)?;
        (report.rolled_back, report.leftovers) = clean_up(out)?;
        lock
    } else {
        created = create_out(out)?;
        match Lock::take(out) {
            Ok(lock) => lock,
            Err(e) => return Err(with_undo(e, remove_dirs(&created))),
        }
    };
    let ours = previous(out)?;

    // Look before touching anything: every foreseeable failure is found
    // here, while the directory is still as it was.
    let mut dirs_needed = BTreeSet::new();
    let mut placements = Vec::new();
    for (rel, bytes) in files {
        debug_assert!(
            is_plain_relative(rel) && !is_own_bookkeeping(rel),
            "generated path {rel}"
        );
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
        let replaces = match existing(&target)? {
            Some(m) if m.is_dir() => return Err(OutputError::Directory(target)),
            // Even a file that holds exactly what carebook would write is
            // somebody else's until the manifest says otherwise.
            Some(_) if !ours.contains(rel) => return Err(OutputError::Foreign(target)),
            Some(m) if holds(&target, &m, bytes)? => {
                report.unchanged.push(rel.clone());
                continue;
            }
            found => found.is_some(),
        };
        report.written.push(rel.clone());
        placements.push(Placement {
            target,
            bytes: bytes.as_slice().into(),
            replaces,
        });
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

    // The manifest goes in last, once every file it lists is in place.
    let manifest_path = out.join(MANIFEST);
    let manifest_found = match existing(&manifest_path)? {
        Some(m) if !m.is_file() => return Err(OutputError::BadManifest(manifest_path)),
        found => found,
    };
    let manifest = manifest_text(files.keys()).into_bytes();
    let manifest_current = match &manifest_found {
        Some(m) => holds(&manifest_path, m, &manifest)?,
        None => false,
    };
    if !manifest_current {
        report.written.push(MANIFEST.to_string());
        placements.push(Placement {
            target: manifest_path,
            bytes: manifest.as_slice().into(),
            replaces: manifest_found.is_some(),
        });
    }

    if !placements.is_empty() || !removals.is_empty() {
        let mut plan = journal::Journal::plan(out, &dirs_needed, &placements, &removals);
        if let Err(cause) = apply(out, &mut plan, &placements) {
            // Undone with the lock held, so no other compile can start
            // meanwhile; unlocked before removing OUT if this compile made
            // it, since the lock file is in it.
            let mut problems = journal::undo(out, &plan);
            if problems.is_empty() {
                journal::forget(out).unwrap_or_else(|e| problems.push(e.to_string()));
            }
            drop(lock);
            problems.extend(remove_dirs(&created));
            return Err(with_undo(cause, problems));
        }
        // Committed: the backups and staged links are no longer needed,
        // nor the directories the removals emptied. What cannot be
        // removed is a harmless leftover, and a journal that cannot come
        // off is finished again by the next compile: the new set is in
        // place either way.
        step();
        report.leftovers.extend(journal::finish(out, &plan));
        step();
        if journal::forget(out).is_err() {
            report.leftovers.push(out.join(JOURNAL));
        }
    }
    report.written.sort();
    drop(lock);
    Ok(report)
}

/// Puts `out` back after a compile that was stopped while writing: undoes
/// the change its journal records, so the directory holds the whole old
/// set, and removes the staged copies and backups it left. [`write`] does
/// this before it writes; this is for a caller that wants only that.
/// `Ok(true)`: a stopped compile's change was undone.
pub fn recover(out: &Path) -> Result<bool, OutputError> {
    let _lock = Lock::take(out)?;
    let (rolled_back, stuck) = clean_up(out)?;
    match stuck.first() {
        Some(path) => Err(io_error("remove", path)(io::Error::other(
            "a staged copy or backup could not be removed",
        ))),
        None => Ok(rolled_back),
    }
}

/// With the lock held, no compile is using what a stopped one left: undo
/// its journal, then remove its staged copies and backups. Returns whether
/// there was a journal, and the files that could not be removed.
fn clean_up(out: &Path) -> Result<(bool, Vec<PathBuf>), OutputError> {
    let rolled_back = journal::recover(out)?;
    let mut stuck = Vec::new();
    for rel in leftovers(out)? {
        let path = out.join(&rel);
        if fs::remove_file(&path).is_err() {
            stuck.push(path);
            continue;
        }
        // A directory the backup of a removed file kept alive: a compile
        // stopped after its commit had yet to remove it.
        remove_emptied(out, &path);
    }
    Ok((rolled_back, stuck))
}

/// Removes the directories above `path`, up to OUT, that are now empty.
fn remove_emptied(out: &Path, path: &Path) {
    let mut dir = path.parent();
    while let Some(d) = dir.filter(|d| *d != out) {
        if fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// `cause`, or `cause` with what putting the directory back failed to do.
fn with_undo(cause: OutputError, problems: Vec<String>) -> OutputError {
    if problems.is_empty() {
        cause
    } else {
        OutputError::Incomplete {
            cause: Box::new(cause),
            problems,
        }
    }
}

/// Creates OUT and any missing parents of it, outermost first.
fn create_out(out: &Path) -> Result<Vec<PathBuf>, OutputError> {
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
    let mut created = Vec::new();
    for dir in missing {
        if let Err(e) = fs::create_dir(&dir) {
            let cause = io_error("create directory", &dir)(e);
            return Err(with_undo(cause, remove_dirs(&created)));
        }
        created.push(dir);
    }
    Ok(created)
}

/// Removes directories this compile created, innermost first, and says
/// which could not be removed.
fn remove_dirs(created: &[PathBuf]) -> Vec<String> {
    let mut problems = Vec::new();
    for dir in created.iter().rev() {
        if let Err(e) = fs::remove_dir(dir) {
            problems.push(format!("cannot remove directory `{}`: {e}", dir.display()));
        }
    }
    problems
}

/// The change itself. The journal goes down first and comes off last, so
/// from the first touch to the last rename a stopped compile leaves a
/// record of exactly what to undo; see [`journal`].
fn apply(
    out: &Path,
    plan: &mut journal::Journal,
    placements: &[Placement],
) -> Result<(), OutputError> {
    step();
    journal::record(out, plan)?;
    for dir in &plan.dirs {
        let dir = out.join(dir);
        step();
        fs::create_dir(&dir).map_err(io_error("create directory", &dir))?;
    }
    // Stage every new file beside its target.
    for (entry, p) in plan.place.iter().zip(placements) {
        let staged = out.join(&entry.staged);
        step();
        // `create_new` never follows a symlink nor reuses a name.
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&staged)
            .map_err(io_error("write", &staged))?;
        file.write_all(&p.bytes)
            .and_then(|_| file.sync_all())
            .map_err(io_error("write", &staged))?;
    }
    // Then put them in place: the files, the removals, the manifest.
    let (manifest_last, files) = match plan.place.split_last() {
        Some((last, rest)) if last.target == MANIFEST => (Some(last), rest),
        _ => (None, &plan.place[..]),
    };
    for entry in files {
        commit(out, entry)?;
    }
    for entry in &plan.remove {
        let (target, backup) = (out.join(&entry.target), out.join(&entry.backup));
        step();
        rename(&target, &backup).map_err(io_error("remove", &target))?;
    }
    if let Some(entry) = manifest_last {
        commit(out, entry)?;
    }
    // The commit point.
    step();
    plan.committed = true;
    journal::record(out, plan)
}

/// Puts one staged file in place, backing up what it replaces first.
fn commit(out: &Path, entry: &journal::Placed) -> Result<(), OutputError> {
    let (target, staged) = (out.join(&entry.target), out.join(&entry.staged));
    match &entry.backup {
        Some(backup) => {
            let backup = out.join(backup);
            step();
            back_up(&target, &backup).map_err(io_error("back up", &target))?;
            step();
            rename(&staged, &target).map_err(io_error("replace", &target))
        }
        None => {
            step();
            place_new(&staged, &target).map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => OutputError::Foreign(target.clone()),
                _ => io_error("write", &target)(e),
            })
        }
    }
}

/// Before each change to the directory: where the kill test stops a
/// compile. `CAREBOOK_PAUSE_BEFORE_WRITE_STEP=N` makes the N-th step (from
/// 0) print `paused before write step N` to stderr and wait for a line on
/// stdin (or its end) before it goes on, so a test can kill the compile
/// there, or let it go on and kill it a moment later.
fn step() {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static PAUSE_AT: OnceLock<Option<usize>> = OnceLock::new();
    static TAKEN: AtomicUsize = AtomicUsize::new(0);
    let pause_at = PAUSE_AT.get_or_init(|| {
        std::env::var("CAREBOOK_PAUSE_BEFORE_WRITE_STEP")
            .ok()
            .and_then(|n| n.parse().ok())
    });
    let n = TAKEN.fetch_add(1, Ordering::Relaxed);
    if *pause_at == Some(n) {
        eprintln!("paused before write step {n}");
        let _ = io::stdin().read_line(&mut String::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Commit steps left before the injected failure; `None`: never fail.
        static FAIL_AFTER: Cell<Option<usize>> = const { Cell::new(None) };
    }

    pub(super) fn fail_this_step() -> bool {
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
                } else if meta.is_symlink() {
                    let to = fs::read_link(&path).unwrap();
                    out.push((format!("{rel} -> {}", to.display()), None));
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
    fn a_failure_at_any_commit_step_leaves_the_directory_as_it_was() {
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
                    assert_eq!(tree(&out), snapshot, "failure at step {k}");
                    k += 1;
                }
                Ok(report) => {
                    // Past the last step: the write went through whole. The
                    // steps: two replacements, one new file, one removal,
                    // the manifest.
                    assert_eq!(k, 5, "every commit step was made to fail once");
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

    #[test]
    fn the_manifest_never_lists_itself_its_lock_or_staged_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        write(out, &files(&[("a.txt", "a")])).unwrap();
        let mut manifest = fs::read_to_string(out.join(MANIFEST)).unwrap();
        manifest.push_str(".carebook-outputs\n.carebook-outputs.lock\n.a.txt.carebook-old-1-0\n");
        fs::write(out.join(MANIFEST), manifest).unwrap();
        let report = write(out, &files(&[("b.txt", "b")])).unwrap();
        assert_eq!(report.removed, vec!["a.txt".to_string()]);
        assert!(out.join(MANIFEST).is_file());
        assert_eq!(
            fs::read_to_string(out.join(MANIFEST)).unwrap(),
            format!("{MANIFEST_HEADER}b.txt\n")
        );
    }

    /// What a killed compile leaves (its lock file, unlocked now that the
    /// process is gone, and staged copies and backups) blocks nothing:
    /// `check` reports the leftovers and the next write removes them.
    #[test]
    fn a_killed_compiles_lock_and_leftovers_block_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let wanted = files(&[("a.txt", "a"), ("sub/b.txt", "b")]);
        write(out, &wanted).unwrap();
        fs::write(out.join(LOCK), "").unwrap();
        fs::write(out.join(".a.txt.carebook-new-999-0"), "half").unwrap();
        fs::write(out.join("sub/.b.txt.carebook-old-999-1"), "old").unwrap();
        let stale = check(out, &wanted).unwrap();
        assert_eq!(
            stale,
            vec![
                (".a.txt.carebook-new-999-0".to_string(), Staleness::Leftover),
                (
                    "sub/.b.txt.carebook-old-999-1".to_string(),
                    Staleness::Leftover
                ),
            ]
        );
        write(out, &wanted).unwrap();
        assert!(check(out, &wanted).unwrap().is_empty());
        assert!(!out.join(LOCK).exists());
        assert!(!out.join(".a.txt.carebook-new-999-0").exists());
    }

    /// A journal that is not carebook's, or that names files outside the
    /// directory, is refused before anything is touched, and `check`
    /// reports a stopped compile's journal.
    #[test]
    fn a_journal_is_reported_and_a_strange_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let wanted = files(&[("a.txt", "a")]);
        write(&out, &wanted).unwrap();
        fs::write(dir.path().join("theirs.txt"), "mine").unwrap();
        for journal in [
            "not json",
            r#"{"committed":false,"dirs":[],"place":[{"target":"../theirs.txt","staged":".x.carebook-new-1-0","backup":null}],"remove":[]}"#,
            r#"{"committed":false,"dirs":[],"place":[],"remove":[{"target":"a.txt","backup":"b.txt"}]}"#,
        ] {
            fs::write(out.join(JOURNAL), journal).unwrap();
            let stale = check(&out, &wanted).unwrap();
            assert_eq!(stale, vec![(JOURNAL.to_string(), Staleness::Interrupted)]);
            let snapshot = tree(&out);
            let err = write(&out, &files(&[("a.txt", "changed")])).unwrap_err();
            assert!(matches!(err, OutputError::BadJournal(..)), "{err}");
            assert_eq!(tree(&out), snapshot);
        }
        assert_eq!(
            fs::read_to_string(dir.path().join("theirs.txt")).unwrap(),
            "mine"
        );
        // Undone or finished, a journal comes off and the write goes on.
        fs::write(
            out.join(JOURNAL),
            r#"{"committed":true,"dirs":[],"place":[],"remove":[]}"#,
        )
        .unwrap();
        let report = write(&out, &files(&[("a.txt", "changed")])).unwrap();
        assert!(report.rolled_back);
        assert!(!out.join(JOURNAL).exists());
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "changed");
    }

    /// What an undo must not touch: a file that appeared where a new one
    /// was to go before it was staged is somebody's, and a backup that is
    /// a dangling symlink is still a backup.
    #[test]
    fn an_undo_keeps_what_it_did_not_place_and_restores_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        write(out, &files(&[("a.txt", "a")])).unwrap();
        // Killed after the journal, before staging `new.txt`; then the
        // user put a file there.
        fs::write(out.join("new.txt"), "theirs").unwrap();
        // And `link` was replaced: its backup is the old dangling symlink.
        std::os::unix::fs::symlink("nowhere", out.join(".link.carebook-old-1-1")).unwrap();
        fs::write(out.join("link"), "new content").unwrap();
        fs::write(
            out.join(JOURNAL),
            r#"{"committed":false,"dirs":[],"place":[
                {"target":"new.txt","staged":".new.txt.carebook-new-1-0","backup":null},
                {"target":"link","staged":".link.carebook-new-1-2","backup":".link.carebook-old-1-1"}],"remove":[]}"#,
        )
        .unwrap();
        assert!(recover(out).unwrap());
        assert_eq!(fs::read_to_string(out.join("new.txt")).unwrap(), "theirs");
        assert_eq!(
            fs::read_link(out.join("link")).unwrap(),
            Path::new("nowhere")
        );
        assert!(!out.join(JOURNAL).exists());
    }

    #[test]
    fn a_nested_output_directorys_staged_files_are_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        write(out, &files(&[("a.txt", "a")])).unwrap();
        let inner = out.join("inner");
        write(&inner, &files(&[("b.txt", "b")])).unwrap();
        fs::write(inner.join(".b.txt.carebook-old-7-0"), "its backup").unwrap();
        assert!(leftovers(out).unwrap().is_empty());
        write(out, &files(&[("a.txt", "changed")])).unwrap();
        assert!(inner.join(".b.txt.carebook-old-7-0").exists());
    }

    #[test]
    fn a_second_compile_waits_for_none_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        write(out, &files(&[("a.txt", "a")])).unwrap();
        let lock = Lock::take(out).unwrap();
        let snapshot = tree(out);
        let err = write(out, &files(&[("a.txt", "changed")])).unwrap_err();
        assert!(matches!(err, OutputError::Locked(_)), "{err}");
        assert_eq!(tree(out), snapshot);
        drop(lock);
        write(out, &files(&[("a.txt", "changed")])).unwrap();
        assert!(!out.join(LOCK).exists());
    }

    #[test]
    fn a_manifest_that_is_a_symlink_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write(&out, &files(&[("a.txt", "a")])).unwrap();
        // Somebody's manifest-shaped file, listing somebody's file.
        fs::write(dir.path().join("theirs.txt"), "mine").unwrap();
        fs::write(dir.path().join("list"), "theirs.txt\n").unwrap();
        fs::remove_file(out.join(MANIFEST)).unwrap();
        std::os::unix::fs::symlink(dir.path().join("list"), out.join(MANIFEST)).unwrap();
        let err = write(&out, &files(&[("a.txt", "a")])).unwrap_err();
        assert!(matches!(err, OutputError::BadManifest(_)), "{err}");
        assert!(check(&out, &files(&[("a.txt", "a")])).is_err());
        assert!(dir.path().join("theirs.txt").exists());
    }

    #[test]
    fn a_listed_file_whose_directory_became_a_file_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        write(out, &files(&[("a/b.txt", "b"), ("c.txt", "c")])).unwrap();
        fs::remove_dir_all(out.join("a")).unwrap();
        fs::write(out.join("a"), "now a file of somebody's").unwrap();
        // Only the manifest is stale: `a/b.txt` is gone, not "no longer
        // produced" in the way.
        assert_eq!(
            check(out, &files(&[("c.txt", "c")])).unwrap(),
            vec![(MANIFEST.to_string(), Staleness::Differs)]
        );
        let report = write(out, &files(&[("c.txt", "c")])).unwrap();
        assert!(report.removed.is_empty());
        assert_eq!(
            fs::read_to_string(out.join("a")).unwrap(),
            "now a file of somebody's"
        );
    }
}
