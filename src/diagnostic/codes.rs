//! The registry of diagnostic codes. A code names one kind of problem and
//! is never reused; its documentation (What / Why / Example / How to fix)
//! lives in `codes/CODE.md` and is what `carebook explain CODE` prints.

use serde::Serialize;

use super::Level;

/// Everything known about one code.
#[derive(Debug, Serialize)]
pub struct CodeInfo {
    pub code: &'static str,
    /// A short kebab-case name, e.g. `unknown-reference`.
    pub name: &'static str,
    pub level: Level,
    /// One line: what the problem is.
    pub summary: &'static str,
    /// The full documentation in Markdown.
    pub doc: &'static str,
}

macro_rules! codes {
    ($( $variant:ident => $code:literal, $name:literal, $level:ident, $summary:literal; )*) => {
        /// A diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $variant, )*
        }

        /// Every code, in code order.
        pub static CODES: &[CodeInfo] = &[
            $( CodeInfo {
                code: $code,
                name: $name,
                level: Level::$level,
                summary: $summary,
                doc: include_str!(concat!("codes/", $code, ".md")),
            }, )*
        ];

        impl Code {
            pub const ALL: &[Code] = &[ $( Code::$variant, )* ];

            pub fn info(self) -> &'static CodeInfo {
                &CODES[self as usize]
            }
        }
    };
}

codes! {
    // Reading the playbook directory and its files.
    PlaybookNotFound => "CB001", "playbook-not-found", Error, "The playbook directory or its manifest does not exist";
    FileUnreadable => "CB002", "file-unreadable", Error, "A playbook file could not be read";
    PathOutsideRoot => "CB003", "path-outside-root", Error, "A file path leaves the playbook directory";
    FileTooLarge => "CB004", "file-too-large", Error, "A playbook file is larger than --max-file-size";
    NotText => "CB005", "not-text", Error, "A playbook file is not UTF-8 text";
    YamlSyntax => "CB010", "yaml-syntax", Error, "The file is not valid YAML";
    DuplicateKey => "CB011", "duplicate-key", Error, "A mapping has the same key twice";
    YamlBudget => "CB012", "yaml-budget", Error, "The YAML exceeds a safety limit (alias expansion, nesting, size)";
    // The shape of each file.
    SchemaViolation => "CB101", "schema-violation", Error, "A value has the wrong type or form";
    UnknownField => "CB102", "unknown-field", Error, "A field that the file kind does not have";
    MissingField => "CB103", "missing-field", Error, "A required field is missing";
    // References and identity.
    UnknownReference => "CB201", "unknown-reference", Error, "A reference to a tag, team, role or other id that does not exist";
    DuplicateId => "CB202", "duplicate-id", Error, "Two definitions share one id";
    TagCycle => "CB203", "tag-cycle", Error, "Tag parents form a cycle";
    ChainCycle => "CB204", "chain-cycle", Error, "Escalation chains continue into each other in a cycle";
    InvalidPattern => "CB205", "invalid-pattern", Error, "A detection pattern is not a valid regular expression";
    UnknownTimeZone => "CB206", "unknown-time-zone", Error, "A time zone name is not in the IANA database";
    InvalidSchedule => "CB207", "invalid-schedule", Error, "Hours, holidays or a calendar setting that cannot be right";
    RoleCycle => "CB208", "role-escalation-cycle", Error, "Roles escalate to each other in a cycle";
    KeywordSettingUnsupported => "CB209", "keyword-setting-unsupported", Error, "A keyword asks for stem matching in a language without a stemmer, or a scope only exclusions have";
    ValueOutOfRange => "CB210", "value-out-of-range", Error, "A value parses but cannot be meant: a zero target, a year-long holiday, an empty keyword, a team handing over to itself";
    HandoverOrder => "CB211", "handover-order-unstated", Warning, "A team hands over in separate entries, so the file's order decides who takes over first";
    DayInBusinessHours => "CB212", "day-in-business-hours", Warning, "A business-hours target written in days, which count 24 business hours each, not business days";
    // Meaning.
    SlaNotTightening => "CB301", "sla-not-tightening", Error, "A more severe level has a looser SLA target than a less severe one";
    FirstResponseBeforeHuman => "CB302", "first-response-before-human", Error, "The first-response target passes before any person is reached";
    EscalationToLessAuthority => "CB303", "escalation-to-less-authority", Error, "An escalation goes to a role with less authority";
    CompensationOverLimit => "CB304", "compensation-over-limit", Error, "A macro offers more compensation than a role that may send it is allowed to give";
    ReplyTagUnrouted => "CB305", "reply-tag-unrouted", Error, "A tag that needs a reply has no route and no owning team";
    RouteShadowed => "CB306", "route-shadowed", Error, "A route can never fire because earlier routes catch all its messages";
    RouteUnreachable => "CB307", "route-unreachable", Warning, "A route's conditions match no tag at all";
    UndeclaredPlaceholder => "CB308", "undeclared-placeholder", Error, "A macro uses a placeholder it does not declare";
    UnusedPlaceholder => "CB309", "unused-placeholder", Warning, "A macro declares a placeholder its text never uses";
    CoverageGap => "CB310", "coverage-gap", Error, "A 24/7 route has hours with nobody on shift who speaks its language";
    TagUndetectable => "CB311", "tag-undetectable", Warning, "A tag has no keywords, patterns, children or incident that could ever set it";
    Understaffed => "CB312", "understaffed", Warning, "A queue has hours with fewer agents on shift than Erlang C requires for the service level";
    KeywordPartTooShort => "CB313", "keyword-part-too-short", Warning, "A prefix, word end or word part keyword is so short that it matches unrelated words";
    ContextFiltersNothing => "CB314", "context-filters-nothing", Warning, "Context words that cannot filter: the tag has no keywords or patterns, or a context word matches wherever a keyword does";
    FollowUpPastResolution => "CB315", "follow-up-past-resolution", Error, "A follow-up waits longer than the resolution target of the messages it follows, without a reason";
    BotAnswersUnsafeTag => "CB316", "bot-answers-unsafe-tag", Error, "The bot may answer a tag that is critical, needs personal data or is a hand-off tag";
    HandoffUncovered => "CB317", "handoff-uncovered", Error, "The bot hands off to a queue with hours when nobody who speaks the language is on shift";
    TextMissingLanguage => "CB318", "text-missing-language", Error, "A proactive post or the bot's holding reply or hand-off words lack a language they must speak";
    TooFewExamples => "CB319", "too-few-examples", Warning, "A tag has too few labelled examples for the router to learn it";
    SampleIsExample => "CB320", "sample-is-example", Warning, "A sample message is also a labelled example, so its test proves only that the router learned it";
    KeywordFoldsShort => "CB321", "keyword-folds-short", Warning, "A whole-word keyword of three letters or fewer, its diacritics ignored, matches another word: Swedish rök (smoke) is Polish rok (a year)";
    ThresholdNotLearned => "CB322", "threshold-not-learned", Warning, "A tag has learning thresholds of its own but is not learned from the examples, so they change nothing";
    // Brand voice: macros in validate, drafts in lint-reply.
    BannedPhrase => "CB401", "banned-phrase", Error, "A reply uses a phrase the voice guide bans";
    DiscouragedPhrase => "CB402", "discouraged-phrase", Warning, "A reply uses a phrase the voice guide discourages";
    MissingElement => "CB403", "missing-required-element", Error, "A reply lacks a greeting or sign-off the channel requires";
    PersonalDataInPublic => "CB404", "personal-data-in-public", Error, "A public reply contains or asks for personal data";
    OverLength => "CB405", "over-length", Error, "A reply is longer than the channel allows for its message kind";
    EmojiPolicy => "CB406", "emoji-policy", Warning, "A reply has more emoji than the voice guide allows, or any where it allows none";
    Shouting => "CB407", "shouting", Warning, "A reply has a larger share of capital letters than the voice guide allows";
    Exclamations => "CB408", "too-many-exclamations", Warning, "A reply has more exclamation marks than the voice guide allows";
    UnresolvedPlaceholder => "CB409", "unresolved-placeholder", Error, "A reply still holds a template slot such as {{name}}";
    HardToRead => "CB410", "hard-to-read", Warning, "An English reply scores below the guide's Flesch reading ease target";
    // Export targets.
    ZendeskTimeZone => "CB501", "zendesk-time-zone", Error, "A business-hours calendar is in a time zone Zendesk has no name for";
    ZendeskIdMissing => "CB502", "zendesk-id-missing", Warning, "The Zendesk id mapping lacks an id the exported request bodies refer to";
}

impl Code {
    pub fn as_str(self) -> &'static str {
        self.info().code
    }

    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim();
        Code::ALL.iter().copied().find(|c| {
            let info = c.info();
            info.code.eq_ignore_ascii_case(text) || info.name == text
        })
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
