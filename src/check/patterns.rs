//! Invalid detection patterns (CB205): every pattern must compile with the
//! same regex engine the router uses, within the same size limit.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};

/// The compiled-size cap for one pattern, so a pathological pattern is a
/// diagnostic rather than a slow or memory-hungry router.
pub const PATTERN_SIZE_LIMIT: usize = 1 << 20;

pub fn check(cx: &mut Context) {
    for tag in &cx.pb.tags {
        for (i, pattern) in tag.detect.patterns.iter().enumerate() {
            let built = regex::RegexBuilder::new(pattern)
                .size_limit(PATTERN_SIZE_LIMIT)
                .build();
            if let Err(e) = built {
                let reason = match &e {
                    regex::Error::Syntax(s) => s.lines().last().unwrap_or(s).trim().to_string(),
                    regex::Error::CompiledTooBig(n) => {
                        format!("the compiled pattern exceeds {n} bytes")
                    }
                    other => other.to_string(),
                };
                let label = cx.label(&tag.loc.child(format!("detect/patterns/{i}")));
                cx.out.push(
                    Diagnostic::new(
                        Code::InvalidPattern,
                        format!("pattern of tag `{}` is not a valid regular expression", tag.id),
                    )
                    .at(label.with_message(reason))
                    .help("patterns use Rust `regex` syntax: no look-around or backreferences"),
                );
            }
        }
    }
}
