//! `carebook lint-reply`: checks a draft reply against the playbook's
//! voice guide and the channel's length rule, with the same rules (and
//! codes) `validate` applies to macros.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use crate::router::matcher::Scan;

use super::{ColorChoice, CommandError, Outcome, PlaybookArgs, one_of, print, router_for, unknown};
use crate::diagnostic::render::plural;
use crate::diagnostic::{Diagnostic, Label};
use crate::model::{Id, MessageKind};
use crate::source::{SourceFile, Sources, Span};
use crate::voice::{Reply, Report, default_voice, length, lint};

#[derive(Debug, Args)]
pub struct LintReplyArgs {
    #[command(flatten)]
    pub playbook: PlaybookArgs,
    /// The channel the reply goes out on (an id from the manifest).
    #[arg(long, value_name = "CH")]
    pub channel: String,
    /// A public reply or a private message.
    #[arg(long, value_enum, default_value = "public")]
    pub kind: KindArg,
    /// The reply's language. Default: the channel's language, else the one
    /// detected among the playbook's languages, else the playbook default.
    #[arg(long, value_name = "L")]
    pub lang: Option<String>,
    /// A tag of the conversation, for the emoji policy's `never_on_tags`;
    /// repeat for several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Read the reply from FILE (one trailing newline is dropped).
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub file: Option<PathBuf>,
    /// The reply; several words are joined with spaces. `-` reads stdin.
    #[arg(value_name = "TEXT", required_unless_present = "file")]
    pub text: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// When to colour human output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Public,
    Private,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn run(args: LintReplyArgs) -> Result<Outcome, CommandError> {
    let (text, origin) = read_reply(&args)?;
    let (checked, router) = router_for(&args.playbook, Scan::Samples)?;
    let pb = &checked.playbook;
    let channel = pb
        .channels
        .iter()
        .find(|c| c.id.as_str() == args.channel)
        .ok_or_else(|| {
            let channels: Vec<&str> = pb.channels.iter().map(|c| c.id.as_str()).collect();
            unknown("channel", &args.channel, &channels)
        })?;
    if let Some(lang) = &args.lang {
        let langs: Vec<&str> = pb.languages.iter().map(|l| l.code.as_str()).collect();
        one_of("language", lang, &langs)?;
    }
    let tag_ids: Vec<&str> = pb.tags.iter().map(|t| t.id.as_str()).collect();
    for tag in &args.tags {
        one_of("tag", tag, &tag_ids)?;
    }
    let kind = match args.kind {
        KindArg::Public => MessageKind::Public,
        KindArg::Private => MessageKind::Private,
    };
    // The router's own language choice: the reply is read as a message
    // on the same channel would be.
    let lang = match &args.lang {
        Some(l) => l.clone(),
        None => {
            let message = crate::router::Message {
                id: "reply".into(),
                channel: args.channel.clone(),
                kind,
                text: text.clone(),
                received_at: jiff::Timestamp::UNIX_EPOCH,
                lang: None,
                author: None,
            };
            router.decide(&message, &Default::default()).language
        }
    };
    let tags: Vec<Id> = args.tags.iter().map(|t| Id(t.clone())).collect();
    let fallback = default_voice();
    let voice = pb.voice.first().map_or(&fallback, |v| &v.value);
    let reply = Reply {
        text: &text,
        lang: &lang,
        channel,
        kind,
        tags: &tags,
        placeholders: None,
    };
    let report = lint(voice, &reply);
    let out = match args.format {
        Format::Json => json_report(&reply, &report),
        Format::Human => human_report(&reply, &report, origin, args.color.enabled()),
    };
    print(&out);
    Ok(Outcome::findings_if(
        report.errors() > 0 || (args.deny_warnings && report.warnings() > 0),
    ))
}

/// The longest reply `lint-reply` reads: far beyond any channel's limit
/// (the longest is a few thousand characters), so a reply this long is a
/// wrong file, refused before it is read whole.
pub const MAX_REPLY_BYTES: u64 = 1024 * 1024;

/// The reply text and the name to show for it.
fn read_reply(args: &LintReplyArgs) -> Result<(String, String), CommandError> {
    let too_long = |what: &str| {
        CommandError::Usage(format!(
            "{what} is longer than {} MiB, the limit for one reply",
            MAX_REPLY_BYTES / (1024 * 1024)
        ))
    };
    let read = |source: &mut dyn Read, origin: &str| -> Result<String, CommandError> {
        let mut t = String::new();
        source
            .take(MAX_REPLY_BYTES + 1)
            .read_to_string(&mut t)
            .map_err(|e| {
                CommandError::Usage(format!("cannot read the reply from {origin}: {e}"))
            })?;
        if t.len() as u64 > MAX_REPLY_BYTES {
            return Err(too_long(&format!("the reply in {origin}")));
        }
        Ok(t)
    };
    let (mut text, origin) = if let Some(path) = &args.file {
        let shown = path.display().to_string();
        let mut f = std::fs::File::open(path).map_err(CommandError::io("read", path))?;
        (read(&mut f, &format!("`{shown}`"))?, shown)
    } else if args.text.len() == 1 && args.text[0] == "-" {
        (read(&mut std::io::stdin(), "stdin")?, "<stdin>".to_string())
    } else {
        let text = args.text.join(" ");
        if text.len() as u64 > MAX_REPLY_BYTES {
            return Err(too_long("the reply"));
        }
        (text, "<reply>".to_string())
    };
    // A byte order mark some editors write first is not part of it either.
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        text = rest.to_string();
    }
    // Files and pipes end with a newline that is not part of the reply.
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok((text, origin))
}

/// Character offset of a byte offset: what editors and other languages'
/// string indices use.
fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

fn json_report(reply: &Reply, report: &Report) -> String {
    let findings: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut v = json!({
                "code": f.code.as_str(),
                "name": f.code.info().name,
                "severity": f.level.as_str(),
                "message": f.message,
                "start": char_offset(reply.text, f.start),
                "end": char_offset(reply.text, f.end),
            });
            if let Some(s) = &f.suggestion {
                v["suggestion"] = json!(s);
            }
            v
        })
        .collect();
    let value = json!({
        "channel": reply.channel.id.as_str(),
        "kind": reply.kind.as_str(),
        "lang": reply.lang,
        "length": {
            "unit": length::unit_name(report.length.unit),
            "value": report.length.value,
            "limit": report.length.limit,
        },
        "findings": findings,
    });
    crate::json::pretty(&value)
}

/// The findings rendered like validate's diagnostics, pointing into the
/// reply, then a summary line with the length.
fn human_report(reply: &Reply, report: &Report, origin: String, color: bool) -> String {
    let mut sources = Sources::default();
    let file = sources.add(SourceFile::new(
        PathBuf::from(origin),
        reply.text.to_string(),
    ));
    let diagnostics: Vec<Diagnostic> = report
        .findings
        .iter()
        .map(|f| {
            Diagnostic::new(f.code, f.message.clone())
                .at(Label::new(file, Span::new(f.start, f.end)).with_message(f.code.info().name))
                .help_opt(f.suggestion.clone())
        })
        .collect();
    let mut out = crate::diagnostic::render::human::render(&diagnostics, &sources, color);
    let length = &report.length;
    let limit = length
        .limit
        .map_or("no limit".to_string(), |l| format!("limit {l}"));
    out.push_str(&format!(
        "{} {} reply ({}): {} {}, {limit}; {}, {}\n",
        reply.channel.id,
        reply.kind.as_str(),
        reply.lang,
        length.value,
        length::unit_name(length.unit),
        plural(report.errors(), "error"),
        plural(report.warnings(), "warning"),
    ));
    out
}
