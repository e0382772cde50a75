//! Source files of a playbook and byte spans within them.

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NodeSpans {
    pub key: Option<Span>,
    pub value: Span,
}

/// The spans of one YAML node and of its children, in the order of the
/// items or entries of the matching JSON value.
#[derive(Debug, Clone, Default)]
pub struct SpanTree {
    pub spans: NodeSpans,
    pub children: Vec<SpanTree>,
}

/// Follows `pointer` through a value and its span tree together, as far
/// as it goes; true when it went all the way.
fn walk(value: &serde_json::Value, tree: &SpanTree, pointer: &str) -> (NodeSpans, bool) {
    let mut value = value;
    let mut tree = tree;
    if pointer.is_empty() {
        return (tree.spans, true);
    }
    for raw in pointer.split('/').skip(1) {
        let token = unescape(raw);
        let position = match value {
            serde_json::Value::Object(map) => map.keys().position(|k| *k == token),
            serde_json::Value::Array(items) => {
                token.parse::<usize>().ok().filter(|&i| i < items.len())
            }
            _ => None,
        };
        let (Some(i), Some(child)) = (position, position.and_then(|i| tree.children.get(i))) else {
            return (tree.spans, false);
        };
        value = match value {
            serde_json::Value::Object(map) => map.values().nth(i).expect("position is in range"),
            serde_json::Value::Array(items) => &items[i],
            _ => unreachable!("only containers have positions"),
        };
        tree = child;
    }
    (tree.spans, true)
}

fn unescape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains('~') {
        token.replace("~1", "/").replace("~0", "~").into()
    } else {
        token.into()
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
    /// The parsed document, once the file has parsed.
    pub value: serde_json::Value,
    /// Spans of the YAML nodes, mirroring `value`; computed on first use,
    /// since only files with something to report need them.
    tree: std::sync::OnceLock<SpanTree>,
    /// How the text's span tree is read: the loader's YAML reader for a
    /// playbook file, none for plain text such as a reply.
    read_spans: fn(&str) -> SpanTree,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Plain text, whose only spans are the byte ranges diagnostics give.
    pub fn new(path: PathBuf, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            value: serde_json::Value::Null,
            tree: std::sync::OnceLock::new(),
            read_spans: |_| SpanTree::default(),
            line_starts,
        }
    }

    /// A structured document whose nodes `read_spans` finds, on first use.
    pub fn with_spans(mut self, read_spans: fn(&str) -> SpanTree) -> Self {
        self.read_spans = read_spans;
        self
    }

    fn tree(&self) -> &SpanTree {
        self.tree.get_or_init(|| (self.read_spans)(&self.text))
    }

    /// The spans of the node at `pointer` (RFC 6901).
    pub fn get(&self, pointer: &str) -> Option<NodeSpans> {
        let (spans, complete) = walk(&self.value, self.tree(), pointer);
        complete.then_some(spans)
    }

    /// The node at `pointer`, or its nearest ancestor that exists.
    pub fn nearest(&self, pointer: &str) -> Option<NodeSpans> {
        Some(walk(&self.value, self.tree(), pointer).0)
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
