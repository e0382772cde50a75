//! The tag taxonomy and how each tag is detected.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, MessageKind, PerLang, RefTarget};

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TagsFile {
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: Id,
    /// The parent tag; a tag inherits severity, disposition and team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub parent: Option<Id>,
    /// Display name per language.
    #[serde(default)]
    pub label: PerLang<String>,
    pub description: String,
    /// Severity of messages with this tag (inherited from the parent when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Severity))]
    pub severity: Option<Id>,
    /// Whether messages with this tag need a reply (inherited when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposition: Option<Disposition>,
    /// Replies move to private messages: handling the case needs personal
    /// data (a booking reference, an account), even when the customer has
    /// not posted any. Inherited when unset; `false` on a child turns it off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_privately: Option<bool>,
    /// The team that owns the tag (inherited when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Team))]
    pub team: Option<Id>,
    #[serde(default)]
    pub detect: Detection,
}

/// What the team does with a tagged message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Disposition {
    /// A person answers.
    Reply,
    /// Tagged for reporting; no reply.
    Noise,
    /// Dropped before it reaches anyone.
    Spam,
}

/// When a message gets the tag.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detection {
    /// Keywords per language; any one matches. A keyword is a word or
    /// phrase (`zwrot`), a prefix (`zwrot*`: zwrotu, zwroty), a word end
    /// (`*rechnung`: Handyrechnung), a part of a word (`*störung*`), or a
    /// mapping with `match: stem` or its own `diacritics`.
    #[serde(default)]
    pub keywords: PerLang<Vec<Keyword>>,
    /// Regular expressions (Rust `regex` syntax) over the message text.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Keywords that cancel a match, per language: anywhere in the message,
    /// or with `scope: keyword` only the keyword matches they overlap.
    #[serde(default)]
    pub exclude: PerLang<Vec<Keyword>>,
    /// Words of which one must also be in the message for the tag's
    /// keywords and patterns to count, per language: what a harmless use
    /// of the keyword lacks (`fire` counts beside `charger` or `phone`,
    /// not beside `pizza`). Empty: the keywords count alone.
    #[serde(default)]
    pub context: PerLang<Vec<Keyword>>,
    /// Only on these channels; empty means all.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Channel))]
    pub channels: Vec<Id>,
    /// Only for these message kinds; empty means both.
    #[serde(default)]
    pub kinds: Vec<MessageKind>,
    /// Match keywords with or without diacritics (`obsługa` = `obsluga`).
    #[serde(default)]
    pub ignore_diacritics: bool,
}

/// A keyword as the playbook writes it: a string, where `*` at the start
/// or end marks a word part, or a mapping for the rarer settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Keyword {
    Plain(String),
    Detailed(KeywordSpec),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeywordSpec {
    /// The word or phrase; `*` marks work here as in the short form.
    pub word: String,
    /// How the keyword sits in a word (default: the whole word, or as the
    /// `*` marks of `word` say).
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub form: Option<KeywordForm>,
    /// Whether diacritics must match, overriding the tag's
    /// `ignore_diacritics` for this keyword.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diacritics: Option<Diacritics>,
    /// For an exclusion: what it cancels (default: the whole tag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<ExclusionScope>,
}

/// How a keyword must sit in the words of a message. Scripts written
/// without spaces (Japanese, Thai) have no word boundaries to go by: their
/// keywords match anywhere, whatever the form.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum KeywordForm {
    /// A whole word or phrase.
    #[default]
    Word,
    /// The start of a word: `zwrot*` matches zwrotu, zwroty.
    Prefix,
    /// The end of a word: `*rechnung` matches Handyrechnung.
    Suffix,
    /// Anywhere inside a word: `*störung*` matches Mobilfunkstörungen.
    Part,
    /// Any word with the same stem in the keyword's language (Snowball
    /// stemmer): `cancel` matches cancelled, cancelling.
    Stem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Diacritics {
    /// `sąd` matches only sąd.
    Exact,
    /// `sad` and `sąd` match each other.
    Ignore,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ExclusionScope {
    /// The exclusion cancels the tag wherever it appears in the message.
    #[default]
    Message,
    /// The exclusion cancels only the keyword matches it overlaps
    /// (`esim.`, "e.g." in Finnish, does not cancel an eSIM elsewhere).
    Keyword,
}

/// A keyword with its settings worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeywordRule<'a> {
    pub text: &'a str,
    pub form: KeywordForm,
    pub diacritics: Option<Diacritics>,
    pub scope: ExclusionScope,
}

impl Keyword {
    /// The keyword as written, `*` marks included.
    pub fn written(&self) -> &str {
        match self {
            Keyword::Plain(s) => s,
            Keyword::Detailed(d) => &d.word,
        }
    }

    /// The text to match and how: `*` marks give the form unless `match`
    /// names one.
    pub fn rule(&self) -> KeywordRule<'_> {
        let written = self.written().trim();
        let starts = written.len() > 1 && written.starts_with('*');
        let ends = written.len() > 1 && written.ends_with('*');
        let marked = match (starts, ends) {
            (true, true) => KeywordForm::Part,
            (true, false) => KeywordForm::Suffix,
            (false, true) => KeywordForm::Prefix,
            (false, false) => KeywordForm::Word,
        };
        let text = written
            .strip_prefix('*')
            .filter(|_| starts)
            .unwrap_or(written);
        let text = text.strip_suffix('*').filter(|_| ends).unwrap_or(text);
        let (form, diacritics, scope) = match self {
            Keyword::Plain(_) => (marked, None, ExclusionScope::Message),
            Keyword::Detailed(d) => (
                d.form.unwrap_or(marked),
                d.diacritics,
                d.scope.unwrap_or_default(),
            ),
        };
        KeywordRule {
            text,
            form,
            diacritics,
            scope,
        }
    }

    /// Whether diacritics are ignored, given the tag's setting.
    pub fn ignores_diacritics(&self, tag_default: bool) -> bool {
        match self.rule().diacritics {
            Some(Diacritics::Ignore) => true,
            Some(Diacritics::Exact) => false,
            None => tag_default,
        }
    }
}

impl From<&str> for Keyword {
    fn from(s: &str) -> Self {
        Keyword::Plain(s.to_string())
    }
}

impl std::fmt::Display for Keyword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.written())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_marks_give_the_form() {
        let cases = [
            ("zwrot", KeywordForm::Word, "zwrot"),
            ("zwrot*", KeywordForm::Prefix, "zwrot"),
            ("*rechnung", KeywordForm::Suffix, "rechnung"),
            ("*störung*", KeywordForm::Part, "störung"),
            ("*", KeywordForm::Word, "*"),
        ];
        for (written, form, text) in cases {
            let keyword = Keyword::from(written);
            let rule = keyword.rule();
            assert_eq!((rule.form, rule.text), (form, text), "{written}");
        }
        let stem = Keyword::Detailed(KeywordSpec {
            word: "lasku".into(),
            form: Some(KeywordForm::Stem),
            diacritics: Some(Diacritics::Exact),
            scope: None,
        });
        assert_eq!(stem.rule().form, KeywordForm::Stem);
        assert!(!stem.ignores_diacritics(true));
    }
}
