//! Reading playbook files safely: nothing outside the playbook root, nothing
//! larger than the size limit, only UTF-8 text.

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Code;

/// Why a file was not read.
#[derive(Debug)]
pub struct Refusal {
    pub code: Code,
    pub message: String,
    /// For text that stops being UTF-8: the valid prefix and the offset of
    /// the first bad byte, so the diagnostic can point at it.
    pub partial: Option<(String, usize)>,
}

impl Refusal {
    fn new(code: Code, message: String) -> Self {
        Refusal {
            code,
            message,
            partial: None,
        }
    }
}

/// Reads `relative` below `root` (already canonical) as text.
pub fn read_text(root: &Path, relative: &str, max_size: u64) -> Result<String, Refusal> {
    let rel = Path::new(relative);
    let escapes = rel.is_absolute()
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes || relative.is_empty() {
        let why = if rel.is_absolute() {
            "is an absolute path"
        } else if relative.is_empty() {
            "is empty"
        } else {
            "leaves the playbook directory"
        };
        return Err(Refusal::new(
            Code::PathOutsideRoot,
            format!("`{relative}` {why}; playbook files must lie inside the playbook directory"),
        ));
    }
    let full = root.join(rel);
    let real = full.canonicalize().map_err(|e| {
        Refusal::new(
            Code::FileUnreadable,
            format!("cannot read `{relative}`: {}", io_reason(&e)),
        )
    })?;
    if !real.starts_with(root) {
        return Err(Refusal::new(
            Code::PathOutsideRoot,
            format!(
                "`{relative}` resolves to `{}`, outside the playbook directory",
                real.display()
            ),
        ));
    }
    let meta = std::fs::metadata(&real).map_err(|e| {
        Refusal::new(
            Code::FileUnreadable,
            format!("cannot read `{relative}`: {}", io_reason(&e)),
        )
    })?;
    if !meta.is_file() {
        return Err(Refusal::new(
            Code::FileUnreadable,
            format!("`{relative}` is not a regular file"),
        ));
    }
    if meta.len() > max_size {
        return Err(Refusal::new(
            Code::FileTooLarge,
            format!(
                "`{relative}` is {} bytes, over the {max_size}-byte limit (--max-file-size)",
                meta.len()
            ),
        ));
    }
    // Read at most one byte past the limit: the file may grow between the
    // size check and the read.
    let mut bytes = Vec::new();
    let read = std::fs::File::open(&real).and_then(|f| {
        std::io::Read::read_to_end(&mut std::io::Read::take(f, max_size + 1), &mut bytes)
    });
    if bytes.len() as u64 > max_size {
        return Err(Refusal::new(
            Code::FileTooLarge,
            format!(
                "`{relative}` grew past the {max_size}-byte limit (--max-file-size) while being read"
            ),
        ));
    }
    read.map_err(|e| {
        Refusal::new(
            Code::FileUnreadable,
            format!("cannot read `{relative}`: {}", io_reason(&e)),
        )
    })?;
    decode(relative, bytes)
}

/// UTF-8 with or without a byte-order mark; a NUL byte marks a binary file
/// even where the bytes happen to be valid UTF-8.
fn decode(relative: &str, mut bytes: Vec<u8>) -> Result<String, Refusal> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let bad = match std::str::from_utf8(&bytes) {
        Ok(text) => text.find('\0'),
        Err(e) => Some(e.valid_up_to()),
    };
    match bad {
        None => Ok(String::from_utf8(bytes).expect("checked above")),
        Some(at) => {
            let prefix = String::from_utf8_lossy(&bytes[..at]).into_owned();
            Err(Refusal {
                code: Code::NotText,
                message: format!(
                    "`{relative}` is not UTF-8 text (byte 0x{:02X} at offset {at})",
                    bytes[at]
                ),
                partial: Some((prefix, at)),
            })
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The path shown to users: the directory as they gave it, joined with the
/// file name from the manifest.
pub fn display_path(dir: &Path, relative: &str) -> PathBuf {
    if dir == Path::new(".") {
        PathBuf::from(relative)
    } else {
        dir.join(relative)
    }
}
