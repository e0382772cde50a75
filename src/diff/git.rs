//! Reading a playbook as it was at a git revision, with the `git` command:
//! it is on every machine that has the repository, and it knows every
//! object format and transport the user's repository uses.

use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Spawn(std::io::Error),
    #[error("`git {args}` failed: {stderr}")]
    Failed { args: String, stderr: String },
    #[error("`{0}` is not inside a git repository")]
    NotARepository(PathBuf),
    #[error("`{revision}` is not a revision of this repository; git says: {reason}")]
    NoRevision { revision: String, reason: String },
    #[error("the playbook `{path}` is not in `{revision}`; commit it first")]
    NotInRevision { path: String, revision: String },
    #[error("cannot write the revision's files: {0}")]
    Io(#[from] std::io::Error),
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(GitError::Spawn)?;
    if !out.status.success() {
        return Err(GitError::Failed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(out.stdout)
}

/// The repository's top directory and the playbook's path inside it.
pub fn locate(playbook: &Path) -> Result<(PathBuf, String), GitError> {
    let top = git(playbook, &["rev-parse", "--show-toplevel"])
        .map_err(|_| GitError::NotARepository(playbook.to_path_buf()))?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let prefix = git(playbook, &["rev-parse", "--show-prefix"])?;
    let prefix = String::from_utf8_lossy(&prefix)
        .trim()
        .trim_end_matches('/')
        .to_string();
    Ok((top, prefix))
}

/// Writes the files below `prefix` at `revision` into `into`, keeping
/// their layout, so the ordinary loader (with all its safety checks) reads
/// them.
pub fn checkout(top: &Path, revision: &str, prefix: &str, into: &Path) -> Result<(), GitError> {
    let commit = format!("{revision}^{{commit}}");
    if let Err(e) = git(top, &["rev-parse", &commit, "--"]) {
        let reason = match e {
            GitError::Failed { stderr, .. } => stderr.lines().next().unwrap_or("").to_string(),
            other => other.to_string(),
        };
        return Err(GitError::NoRevision {
            revision: revision.to_string(),
            reason,
        });
    }
    let spec = if prefix.is_empty() {
        ".".to_string()
    } else {
        prefix.to_string()
    };
    let listing = git(
        top,
        &["ls-tree", "-r", "-z", "--name-only", revision, "--", &spec],
    )?;
    if listing.iter().all(|b| *b == 0) {
        return Err(GitError::NotInRevision {
            path: if prefix.is_empty() {
                ".".into()
            } else {
                prefix.to_string()
            },
            revision: revision.to_string(),
        });
    }
    for name in listing.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let relative = match name.strip_prefix(prefix) {
            Some(rest) if !prefix.is_empty() => rest.trim_start_matches('/').to_string(),
            _ => name.clone(),
        };
        // Paths come from git's own tree, but stay inside `into` whatever
        // they say.
        if relative
            .split('/')
            .any(|part| part == ".." || part.is_empty())
        {
            continue;
        }
        let blob = git(top, &["show", &format!("{revision}:{name}")])?;
        let target = into.join(&relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, blob)?;
    }
    Ok(())
}
