//! The brand-voice style guide and the canned replies (macros).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Currency, Id, Lang, MessageKind, PerLang, RefTarget};

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoiceFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Voice>,
    #[serde(default)]
    pub macros: Vec<Macro>,
}

/// How the brand sounds, on every channel.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// Words that describe the voice ("warm", "plain-spoken").
    pub tone: Vec<String>,
    /// One paragraph on how the voice sounds.
    pub summary: String,
    /// Phrases to avoid, per language, with what to say instead.
    #[serde(default)]
    pub phrases: Vec<PhraseRule>,
    /// Greetings and sign-offs, and where they are required.
    #[serde(default)]
    pub required: Vec<RequiredElement>,
    #[serde(default)]
    pub emoji: EmojiPolicy,
    #[serde(default)]
    pub casing: CasingPolicy,
    /// When a conversation moves to private messages.
    #[serde(default)]
    pub go_private: GoPrivate,
    /// How easy replies must be to read, where the guide sets a target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readability: Option<Readability>,
    /// Example replies per channel, for the handbook.
    #[serde(default)]
    pub examples: Vec<VoiceExample>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhraseRule {
    pub phrase: String,
    pub lang: Lang,
    pub level: PhraseLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PhraseLevel {
    /// Never in a reply: an error.
    Banned,
    /// Better avoided: a warning.
    Discouraged,
}

/// An element a reply must contain, such as a greeting or a sign-off.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequiredElement {
    pub element: ElementKind,
    /// Accepted forms per language; one must appear.
    pub forms: PerLang<Vec<String>>,
    /// Channels where it is required; empty means all.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Channel))]
    pub channels: Vec<Id>,
    /// Message kinds where it is required; empty means both.
    #[serde(default)]
    pub kinds: Vec<MessageKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ElementKind {
    Greeting,
    SignOff,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmojiPolicy {
    pub allowed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_reply: Option<u32>,
    /// Never in replies to messages with these tags (e.g. incidents).
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub never_on_tags: Vec<Id>,
}

impl Default for EmojiPolicy {
    fn default() -> Self {
        EmojiPolicy {
            allowed: true,
            max_per_reply: None,
            never_on_tags: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CasingPolicy {
    /// Share of upper-case letters above which a reply reads as shouting.
    #[serde(default = "default_caps")]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub max_caps_share: f64,
    /// Exclamation marks allowed per reply.
    #[serde(default = "default_exclamations")]
    pub max_exclamations: u32,
}

fn default_caps() -> f64 {
    0.5
}
fn default_exclamations() -> u32 {
    1
}

impl Default for CasingPolicy {
    fn default() -> Self {
        CasingPolicy {
            max_caps_share: default_caps(),
            max_exclamations: default_exclamations(),
        }
    }
}

/// A readability target for replies.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Readability {
    /// Lowest Flesch reading ease an English reply may score (higher is
    /// easier; 60-70 is plain English). Only English replies are scored:
    /// the formula is calibrated on English words and syllables.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub min_flesch_reading_ease: f64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoPrivate {
    /// Personal data that must never be asked for or shared in public.
    #[serde(default)]
    pub personal_data: Vec<PersonalData>,
    /// The macro that invites the customer to a private message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Macro))]
    pub invite_macro: Option<Id>,
    /// Words, per language, that `lint-reply` and `validate` read as a
    /// request for personal data beyond the built-in ones: the names the
    /// brand gives its own numbers, and its market's ways of asking or of
    /// moving to private messages.
    #[serde(default, skip_serializing_if = "PerLang::is_empty")]
    pub request_words: PerLang<RequestWords>,
    /// The brand's own kinds of personal data (a loyalty number), found
    /// by a pattern and an optional checksum, and treated like the
    /// built-in kinds everywhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own_kinds: Vec<OwnDataKind>,
    /// The brand's own mail domains (`nordlink.ee`): an address at one of
    /// them or below ("info@nordlink.ee", "kontakt@care.nordlink.pl") is
    /// the company's, quoted by the customer, never personal data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = crate::model::MAIL_DOMAIN_PATTERN)))]
    pub brand_domains: Vec<String>,
}

/// A kind of personal data a playbook declares itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnDataKind {
    /// The kind's id, as findings report it (`loyalty-number`).
    pub id: Id,
    /// What it is, in a sentence: "a Nordlink Club number".
    pub name: String,
    /// A regular expression (Rust `regex` syntax) for the number itself.
    pub pattern: String,
    /// A check the digits must pass, where the number has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<Checksum>,
}

/// Checksums of a documented kind, over the digits (and, for `mod97`,
/// letters as numbers A=10 ... Z=35) of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Checksum {
    /// Luhn (ISO/IEC 7812), as on payment cards.
    Luhn,
    /// ISO 7064 MOD 97-10, as on IBANs: the number modulo 97 is 1.
    Mod97,
}

/// A playbook's own words for requests for personal data, in one language.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestWords {
    /// Names of personal data, by kind (`Treuekartennummer` is an account
    /// number).
    #[serde(default)]
    pub nouns: Vec<RequestNouns>,
    /// Words that ask the customer for something (`her damit`).
    #[serde(default)]
    pub asking: Vec<String>,
    /// Words that move the conversation to private messages (`per PN`).
    #[serde(default)]
    pub private: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestNouns {
    pub kind: PersonalData,
    pub words: Vec<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum PersonalData {
    AccountNumber,
    OrderNumber,
    PhoneNumber,
    Email,
    CardNumber,
    Iban,
    NationalId,
    Password,
    SecurityAnswer,
    HealthData,
}

impl PersonalData {
    /// What it is, in a sentence: "a phone number".
    pub fn description(self) -> &'static str {
        match self {
            PersonalData::AccountNumber => "an account number",
            PersonalData::OrderNumber => "a booking or order reference",
            PersonalData::PhoneNumber => "a phone number",
            PersonalData::Email => "an e-mail address",
            PersonalData::CardNumber => "a card number",
            PersonalData::Iban => "an IBAN",
            PersonalData::NationalId => "a national id number",
            PersonalData::Password => "a password",
            PersonalData::SecurityAnswer => "a security answer",
            PersonalData::HealthData => "health data",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoiceExample {
    #[schemars(extend("x-carebook-ref" = RefTarget::Channel))]
    pub channel: Id,
    pub lang: Lang,
    pub situation: String,
    pub reply: String,
}

/// A canned reply agents adapt and send.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Macro {
    pub id: Id,
    pub title: String,
    /// Tags this macro is suggested for.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tags: Vec<Id>,
    /// Channels it may be sent on; empty means all.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Channel))]
    pub channels: Vec<Id>,
    /// Message kinds it may be sent as; empty means both.
    #[serde(default)]
    pub kinds: Vec<MessageKind>,
    /// Roles allowed to send it; empty means every role.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Role))]
    pub roles: Vec<Id>,
    /// The reply text per language, with `{{placeholder}}` slots.
    pub text: PerLang<String>,
    /// Placeholders the text may use.
    #[serde(default)]
    pub placeholders: BTreeMap<String, Placeholder>,
    /// Compensation the macro offers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compensation: Option<Money>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Placeholder {
    pub description: String,
    /// Longest value the agent may fill in; counts toward length limits.
    #[schemars(range(min = 1))]
    pub max_length: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    #[schemars(range(min = 0.0))]
    pub amount: f64,
    pub currency: Currency,
}
