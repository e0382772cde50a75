//! Source files of a playbook and byte spans within them.

use std::collections::HashMap;
use std::path::PathBuf;

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Where a value sits in its file: the key that introduced it (for mapping
/// values) and the value itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeSpans {
    pub key: Option<Span>,
    pub value: Span,
}

/// JSON pointer (RFC 6901) → spans of the YAML node at that pointer.
#[derive(Debug, Default, Clone)]
pub struct PositionIndex {
    nodes: HashMap<String, NodeSpans>,
}

impl PositionIndex {
    pub fn insert(&mut self, pointer: String, spans: NodeSpans) {
        self.nodes.insert(pointer, spans);
    }

    pub fn get(&self, pointer: &str) -> Option<&NodeSpans> {
        self.nodes.get(pointer)
    }

    /// The node at `pointer`, or its nearest ancestor that exists.
    pub fn nearest(&self, pointer: &str) -> Option<&NodeSpans> {
        let mut p = pointer;
        loop {
            if let Some(n) = self.nodes.get(p) {
                return Some(n);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return None,
            }
        }
    }
}

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub usize);

/// One file as read from disk: its path relative to the playbook root (as
/// the user wrote it in the manifest) and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as shown to the user: the playbook directory as given,
    /// joined with the name the manifest uses.
    pub path: PathBuf,
    pub text: String,
    /// Positions of the YAML nodes, once the file has parsed.
    pub index: PositionIndex,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            index: PositionIndex::default(),
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self.text[start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count();
        (line + 1, col + 1)
    }
}

/// All files read for one playbook.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() - 1)
    }
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }
    pub fn get_mut(&mut self, id: FileId) -> &mut SourceFile {
        &mut self.files[id.0]
    }
    pub fn len(&self) -> usize {
        self.files.len()
    }
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i), f))
    }
}

/// Byte offset of a 1-based line and character column.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    text[start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i)
}

pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
