//! Paths relative to the git repository a file is in. CI tools (Actions
//! annotations, code scanning, test reports) resolve paths from the
//! repository root, while carebook shows paths as the user gave them, so
//! a run in a subdirectory would otherwise point at files that do not
//! exist. Found by looking for `.git` (a directory, or the file a worktree
//! or submodule has) rather than running git, which CI images may lack.

use std::path::{Path, PathBuf};

use super::path_text;

/// `path` relative to its repository root with `/` separators, or as
/// given when it is in no repository (or cannot be resolved).
pub fn relative(path: &Path) -> String {
    let Ok(absolute) = std::fs::canonicalize(path) else {
        return path_text(path);
    };
    let Some(root) = absolute.parent().and_then(git_root) else {
        return path_text(path);
    };
    match absolute.strip_prefix(&root) {
        Ok(inside) => path_text(inside),
        Err(_) => path_text(path),
    }
}

/// The nearest directory at or above `dir` that holds `.git`.
pub fn git_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn relative_to_the_nearest_git_directory() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("care/pb/tags.yaml");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "tags: []\n").unwrap();
        // No repository: the path stays as given.
        assert_eq!(relative(&file), super::path_text(&file));
        std::fs::create_dir(tmp.path().join(".git")).unwrap();
        assert_eq!(relative(&file), "care/pb/tags.yaml");
        // A worktree's `.git` is a file; nearer roots win.
        std::fs::write(tmp.path().join("care/.git"), "gitdir: elsewhere\n").unwrap();
        assert_eq!(relative(&file), "pb/tags.yaml");
    }
}
