//! Messages in: JSON Lines (one message per line), CSV (a header row, then
//! one message per row) or YAML (a list of messages). JSONL and CSV are
//! streamed, so input of any length runs in constant memory; a malformed
//! record is an error for that record alone.

/// The longest record (a JSONL line, a CSV record) a message may take: a
/// social post or private message is a few kilobytes; a longer record is
/// a broken file, and is reported instead of being held in memory.
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;

/// The largest YAML message file: YAML is read whole, so its size is
/// bounded; JSONL and CSV are streamed and have no total limit.
pub const MAX_YAML_BYTES: u64 = 64 * 1024 * 1024;

use std::io::{BufRead, Read};

use crate::model::{Author, MessageKind};
use crate::router::Message;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Jsonl,
    Csv,
    Yaml,
}

impl InputFormat {
    /// Guesses from a file name; JSONL otherwise.
    pub fn from_path(path: &str) -> InputFormat {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            InputFormat::Csv
        } else if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            InputFormat::Yaml
        } else {
            InputFormat::Jsonl
        }
    }
}

/// A record that could not be read as a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line (JSONL, CSV) or item (YAML) number.
    pub line: u64,
    pub message: String,
}

/// Reads messages one at a time.
pub struct Messages<R: BufRead> {
    inner: Inner<R>,
    line: u64,
}

enum Inner<R: BufRead> {
    Jsonl {
        reader: R,
        line: u64,
        buf: String,
    },
    Csv {
        records: csv::StringRecordsIntoIter<R>,
        headers: Vec<String>,
    },
    Yaml {
        items: std::vec::IntoIter<(u64, Result<Message, String>)>,
    },
    Failed(Option<RecordError>),
}

impl<R: BufRead> Messages<R> {
    /// The line (or, for YAML, the list item) of the last record read.
    pub fn line(&self) -> u64 {
        self.line
    }

    pub fn new(reader: R, format: InputFormat) -> Self {
        let inner = match format {
            InputFormat::Jsonl => Inner::Jsonl {
                reader,
                line: 0,
                buf: String::new(),
            },
            InputFormat::Csv => {
                let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
                match csv.headers() {
                    Ok(h) => {
                        let headers = h
                            .iter()
                            .map(|s| s.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
                            .collect();
                        Inner::Csv {
                            records: csv.into_records(),
                            headers,
                        }
                    }
                    Err(e) => Inner::Failed(Some(RecordError {
                        line: 1,
                        message: format!("cannot read the CSV header: {e}"),
                    })),
                }
            }
            InputFormat::Yaml => yaml(reader),
        };
        Messages { inner, line: 0 }
    }
}

impl<R: BufRead> Iterator for Messages<R> {
    type Item = Result<Message, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.read();
        if let Some(Err(e)) = &item {
            self.line = e.line;
        }
        item
    }
}

impl<R: BufRead> Messages<R> {
    fn read(&mut self) -> Option<Result<Message, RecordError>> {
        match &mut self.inner {
            Inner::Jsonl { reader, line, buf } => loop {
                buf.clear();
                *line += 1;
                match read_bounded_line(reader, buf) {
                    Ok(None) => return None,
                    Ok(Some(false)) => {
                        self.line = *line;
                        return Some(Err(RecordError {
                            line: *line,
                            message: format!(
                                "the line is longer than {} MiB, the limit for one message; it is skipped",
                                MAX_RECORD_BYTES / (1024 * 1024)
                            ),
                        }));
                    }
                    Ok(Some(true)) => {
                        // A byte order mark some editors put first.
                        let text = buf.trim().trim_start_matches('\u{feff}');
                        if text.is_empty() {
                            continue;
                        }
                        self.line = *line;
                        return Some(message_from_json(text).map_err(|message| RecordError {
                            line: *line,
                            message,
                        }));
                    }
                    Err(e) => {
                        return Some(Err(RecordError {
                            line: *line,
                            message: format!("cannot read: {e}"),
                        }));
                    }
                }
            },
            Inner::Csv { records, headers } => {
                let record = records.next()?;
                let line = match &record {
                    Ok(r) => r.position().map_or(0, |p| p.line()),
                    Err(e) => e.position().map_or(0, |p| p.line()),
                };
                self.line = line;
                Some(match record {
                    Ok(r) if r.as_slice().len() > MAX_RECORD_BYTES => Err(RecordError {
                        line,
                        message: format!(
                            "the record is longer than {} MiB, the limit for one message; it is skipped",
                            MAX_RECORD_BYTES / (1024 * 1024)
                        ),
                    }),
                    Ok(r) => from_csv(headers, &r).map_err(|message| RecordError { line, message }),
                    Err(e) => Err(RecordError {
                        line,
                        message: e.to_string(),
                    }),
                })
            }
            Inner::Yaml { items } => {
                let (line, item) = items.next()?;
                self.line = line;
                Some(item.map_err(|message| RecordError { line, message }))
            }
            Inner::Failed(e) => e.take().map(Err),
        }
    }
}

/// Reads one line into `buf`, at most [`MAX_RECORD_BYTES`] of it: `None`
/// at the end of the input, `Some(false)` when the line was longer (the
/// rest of it is read and dropped, so the next record starts clean).
fn read_bounded_line<R: BufRead>(
    reader: &mut R,
    buf: &mut String,
) -> std::io::Result<Option<bool>> {
    let limit = MAX_RECORD_BYTES as u64 + 1;
    let n = std::io::Read::take(&mut *reader, limit).read_line(buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.len() <= MAX_RECORD_BYTES || buf.ends_with('\n') {
        return Ok(Some(buf.len() <= MAX_RECORD_BYTES + 1));
    }
    // Skip to the end of the overlong line without keeping it.
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                break;
            }
            None => {
                let len = chunk.len();
                reader.consume(len);
            }
        }
    }
    buf.clear();
    Ok(Some(false))
}

/// One JSON record, with an error that names the field it is about.
fn message_from_json(text: &str) -> Result<Message, String> {
    if let Some(message) = super::flat_json::message(text) {
        return Ok(message);
    }
    // Tracking the path costs a tenth of the parse; only a record that
    // fails needs it, for the error, so it is read a second time.
    if let Ok(message) = serde_json::from_str(text) {
        return Ok(message);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        if e.path().iter().next().is_none() {
            json_error(e.inner())
        } else {
            field_error(&e)
        }
    })
}

/// `` `received_at`: ... `` with what the field holds said plainly.
fn field_error<E: std::fmt::Display>(e: &serde_path_to_error::Error<E>) -> String {
    let field = e.path().to_string();
    let inner = e.inner().to_string();
    let inner = inner.split(" at line ").next().unwrap_or(&inner);
    match field.as_str() {
        "received_at" => format!(
            "`received_at` must be a time with its offset, such as `2026-02-10T12:00:00Z` ({inner})"
        ),
        "text" | "id" | "channel" | "lang" => format!("`{field}` must be a string ({inner})"),
        _ => format!("`{field}`: {inner}"),
    }
}

/// serde_json's message without its "at line 1 column N": the record's
/// own line number is what the user needs.
fn json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text).to_string();
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("not valid JSON at column {}: {text}", e.column())
        }
        _ => text,
    }
}

fn from_csv(headers: &[String], r: &csv::StringRecord) -> Result<Message, String> {
    let get = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| r.get(i))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let need = |name: &str| get(name).ok_or_else(|| format!("missing `{name}`"));
    let kind = match need("kind")? {
        "public" => MessageKind::Public,
        "private" => MessageKind::Private,
        other => return Err(format!("`kind` must be public or private, not `{other}`")),
    };
    let received_at = need("received_at")?
        .parse::<jiff::Timestamp>()
        .map_err(|e| {
            format!(
                "`received_at` must be a time with its offset, such as `2026-02-10T12:00:00Z` ({e})"
            )
        })?;
    let followers = match get("author_followers") {
        Some(f) => f
            .parse::<u64>()
            .map_err(|_| format!("`author_followers` is not a number: `{f}`"))?,
        None => 0,
    };
    let vip = match get("author_vip") {
        Some("true" | "yes" | "1") => true,
        Some("false" | "no" | "0") | None => false,
        Some(other) => return Err(format!("`author_vip` must be true or false, not `{other}`")),
    };
    let handle = get("author_handle").map(String::from);
    let author = (handle.is_some() || followers > 0 || vip).then_some(Author {
        handle,
        followers,
        vip,
    });
    Ok(Message {
        id: need("id")?.to_string(),
        channel: need("channel")?.to_string(),
        kind,
        text: r
            .get(
                headers
                    .iter()
                    .position(|h| h == "text")
                    .ok_or("missing `text`")?,
            )
            .unwrap_or("")
            .to_string(),
        received_at,
        lang: get("lang").map(String::from),
        author,
    })
}

/// YAML input is one document (a list, or `messages:` with a list); each
/// item is checked on its own so one bad item does not hide the rest.
fn yaml<R: BufRead>(reader: R) -> Inner<R> {
    let mut text = String::new();
    let mut limited = reader.take(MAX_YAML_BYTES + 1);
    if let Err(e) = limited.read_to_string(&mut text) {
        return Inner::Failed(Some(RecordError {
            line: 1,
            message: format!("cannot read: {e}"),
        }));
    }
    if text.len() as u64 > MAX_YAML_BYTES {
        return Inner::Failed(Some(RecordError {
            line: 1,
            message: format!(
                "a YAML message file may be at most {} MiB; use JSONL or CSV, which are streamed, for more",
                MAX_YAML_BYTES / (1024 * 1024)
            ),
        }));
    }
    let value = match crate::load::yaml::parse(text.trim_start_matches('\u{feff}')) {
        Ok(v) => v,
        Err(e) => {
            return Inner::Failed(Some(RecordError {
                line: 1,
                message: e.message,
            }));
        }
    };
    let list = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut map) => match map.remove("messages") {
            Some(serde_json::Value::Array(items)) => items,
            _ => {
                return Inner::Failed(Some(RecordError {
                    line: 1,
                    message: "expected a list of messages, or `messages:` with one".into(),
                }));
            }
        },
        _ => {
            return Inner::Failed(Some(RecordError {
                line: 1,
                message: "expected a list of messages".into(),
            }));
        }
    };
    let items: Vec<(u64, Result<Message, String>)> = list
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            (
                (i + 1) as u64,
                serde_path_to_error::deserialize(v).map_err(|e| field_error(&e)),
            )
        })
        .collect();
    Inner::Yaml {
        items: items.into_iter(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_format_and_reports_bad_records() {
        let jsonl = "{\"id\":\"a\",\"channel\":\"x\",\"kind\":\"public\",\"text\":\"hi\",\"received_at\":\"2026-01-05T10:00:00Z\"}\nnot json\n\n";
        let got: Vec<_> = Messages::new(jsonl.as_bytes(), InputFormat::Jsonl).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        assert_eq!(got[1].as_ref().unwrap_err().line, 2);

        let csv = "id,channel,kind,text,received_at,lang,author_followers\nb,x,public,\"late, again\",2026-01-05T10:00:00Z,en,60000\nc,x,loud,hi,2026-01-05T10:00:00Z,,\n";
        let got: Vec<_> = Messages::new(csv.as_bytes(), InputFormat::Csv).collect();
        let b = got[0].as_ref().unwrap();
        assert_eq!(
            (b.text.as_str(), b.author.as_ref().unwrap().followers),
            ("late, again", 60000)
        );
        let bad = got[1].as_ref().unwrap_err();
        assert!(bad.message.contains("kind"));
        // The header is line 1, so the second record is on line 3.
        assert_eq!(bad.line, 3);

        let yaml = "- {id: d, channel: x, kind: private, text: hey, received_at: '2026-01-05T10:00:00Z'}\n";
        let got: Vec<_> = Messages::new(yaml.as_bytes(), InputFormat::Yaml).collect();
        assert_eq!(got[0].as_ref().unwrap().kind, MessageKind::Private);
    }
}
