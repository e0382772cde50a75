//! Value types shared by every playbook part: ids, durations, dates and
//! wall-clock times, each with the JSON Schema an editor checks against.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The pattern every id follows: valid as a help-desk tag and as a
/// Terraform resource name.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9_-]*$";

/// A mail domain as an address ends in: lowercase labels and dots,
/// `nordlink.ee`, no `@`.
pub const MAIL_DOMAIN_PATTERN: &str = "^[a-z0-9-]+(\\.[a-z0-9-]+)+$";

macro_rules! string_newtype {
    ($(#[$doc:meta])* $name:ident, $schema_name:literal, $schema:tt) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                $schema_name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

string_newtype!(
    /// An identifier: lowercase letters, digits, `-` and `_`, starting with
    /// a letter or digit.
    Id,
    "Id",
    {
        "type": "string",
        "pattern": "^[a-z0-9][a-z0-9_-]*$",
        "description": "Lowercase letters, digits, '-' and '_'; starts with a letter or digit."
    }
);

string_newtype!(
    /// A language as a BCP 47 primary subtag (`en`, `ja`, `th`, `pl`, `et`),
    /// optionally with a region (`pt-BR`).
    Lang,
    "Lang",
    {
        "type": "string",
        "pattern": "^[a-z]{2,3}(-[A-Z]{2})?$",
        "description": "BCP 47 language: 'en', 'ja', 'th', 'pl', 'et', optionally with a region ('pt-BR').",
        // Every language a playbook writes names one its manifest serves.
        "x-carebook-ref": super::RefTarget::Language
    }
);

string_newtype!(
    /// An IANA time zone name such as `Europe/Dublin` or `Asia/Manila`.
    TimeZoneName,
    "TimeZoneName",
    {
        "type": "string",
        "minLength": 1,
        "description": "IANA time zone name, e.g. 'Europe/Dublin', 'Asia/Manila', 'Asia/Tokyo'."
    }
);

string_newtype!(
    /// An ISO 4217 currency code.
    Currency,
    "Currency",
    {
        "type": "string",
        "pattern": "^[A-Z]{3}$",
        "description": "ISO 4217 currency code, e.g. 'EUR', 'JPY', 'PLN'."
    }
);

/// A length of time written as `90s`, `15m`, `4h`, `2d` or combined
/// (`1h30m`), in seconds of the clock it counts on: on a business-hours
/// target `1d` is 24 business hours. Or a number of business days,
/// `1bd`: the same time of day on the next business day; such a
/// duration's `seconds` is its nominal length (a day each), for ordering.
#[derive(Debug, Clone, Copy)]
pub struct Duration {
    pub seconds: u64,
    /// Business days (`1bd`), when written so; 0 otherwise.
    pub business_days: u32,
    /// Whether the text used the `d` unit (`2d`, not `48h`): on a
    /// business-hours target that reads as days and is not (CB212).
    pub written_in_days: bool,
}

impl Duration {
    fn key(&self) -> (u64, u32) {
        (self.seconds, self.business_days)
    }
}

impl PartialEq for Duration {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Duration {}

impl std::hash::Hash for Duration {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for Duration {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Duration {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

pub const DURATION_PATTERN: &str = "^([0-9]+bd|([0-9]+[dhms])+)$";

/// The longest duration a playbook may state: ten years. Longer targets
/// mean nothing to a care team, and the bound keeps every deadline a
/// representable instant.
pub const MAX_DURATION_SECONDS: u64 = 10 * 366 * 86_400;

impl Duration {
    pub fn from_secs(seconds: u64) -> Self {
        Duration {
            seconds,
            business_days: 0,
            written_in_days: false,
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        if let Some(days) = text.strip_suffix("bd") {
            if days.is_empty() || !days.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let days: u32 = days.parse().ok()?;
            // A year of business days; the router looks three years ahead.
            if days > 365 {
                return None;
            }
            let seconds = u64::from(days).checked_mul(86_400)?;
            if seconds > MAX_DURATION_SECONDS {
                return None;
            }
            return Some(Duration {
                seconds,
                business_days: days,
                written_in_days: false,
            });
        }
        let mut total: u64 = 0;
        let mut number: Option<u64> = None;
        for c in text.chars() {
            if let Some(d) = c.to_digit(10) {
                number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(d.into())?);
                continue;
            }
            let unit = match c {
                'd' => 86_400,
                'h' => 3_600,
                'm' => 60,
                's' => 1,
                _ => return None,
            };
            total = total.checked_add(number.take()?.checked_mul(unit)?)?;
        }
        if number.is_some() || text.is_empty() || total > MAX_DURATION_SECONDS {
            return None;
        }
        Some(Duration {
            written_in_days: text.contains('d'),
            ..Duration::from_secs(total)
        })
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.business_days > 0 {
            return write!(f, "{}bd", self.business_days);
        }
        let mut rest = self.seconds;
        if rest == 0 {
            return f.write_str("0m");
        }
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
            if rest >= size {
                write!(f, "{}{unit}", rest / size)?;
                rest %= size;
            }
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Duration::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(if text.ends_with("bd") {
                format!("`{text}` is not a number of business days from 0 to 365, such as `1bd`")
            } else {
                format!(
                    "`{text}` is not a duration of at most ten years; write e.g. `30m`, `4h`, `1h30m`, `2d` or `1bd`"
                )
            })
        })
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DURATION_PATTERN,
            "description": "A duration: '90s', '15m', '4h', '2d' or combined ('1h30m'), counted on the target's clock (on a business-hours target '1d' is 24 business hours); or business days, '1bd': the same time of day on the next business day (business-hours targets only)."
        })
    }
}

/// A calendar date (`2026-01-05`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Date(pub jiff::civil::Date);

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

/// An instant with its UTC offset (RFC 3339), e.g. `2026-03-29T01:30:00+01:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Instant(pub jiff::Timestamp);

impl JsonSchema for Instant {
    fn schema_name() -> Cow<'static, str> {
        "Instant".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "An RFC 3339 instant with offset, e.g. '2026-03-29T01:30:00+01:00'."
        })
    }
}

/// A wall-clock time of day, `HH:MM`; `24:00` is allowed as an end.
/// Stored as minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    pub minutes: u16,
}

pub const TIME_PATTERN: &str = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";

impl TimeOfDay {
    pub fn parse(text: &str) -> Option<Self> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        if m >= 60 || h > 24 || (h == 24 && m != 0) {
            return None;
        }
        Some(TimeOfDay {
            minutes: h * 60 + m,
        })
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        TimeOfDay::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a time of day; write HH:MM"))
        })
    }
}

impl JsonSchema for TimeOfDay {
    fn schema_name() -> Cow<'static, str> {
        "TimeOfDay".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": TIME_PATTERN,
            "description": "Wall-clock time HH:MM in the zone of its shift or calendar; '24:00' ends a day."
        })
    }
}

/// A day of the week.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub fn to_jiff(self) -> jiff::civil::Weekday {
        use jiff::civil::Weekday as W;
        match self {
            Weekday::Mon => W::Monday,
            Weekday::Tue => W::Tuesday,
            Weekday::Wed => W::Wednesday,
            Weekday::Thu => W::Thursday,
            Weekday::Fri => W::Friday,
            Weekday::Sat => W::Saturday,
            Weekday::Sun => W::Sunday,
        }
    }
}

/// Whether a message (or reply) is visible to everyone or a private message.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum MessageKind {
    Public,
    Private,
}

/// A help-desk priority.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

impl MessageKind {
    /// The name as written in a playbook.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Public => "public",
            MessageKind::Private => "private",
        }
    }
}

impl Priority {
    /// The name as written in a playbook and in help desks.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    /// Every priority, least urgent first.
    pub const ALL: [Priority; 4] = [
        Priority::Low,
        Priority::Normal,
        Priority::High,
        Priority::Urgent,
    ];

    /// The priority `steps` levels up, stopping at urgent: what a boost
    /// (VIP, influencer, emergency) does in the router and in every export.
    pub fn raised(self, steps: u8) -> Priority {
        let i = self as usize;
        Priority::ALL[(i + usize::from(steps)).min(Priority::ALL.len() - 1)]
    }
}

/// Text per language, e.g. `{en: "Billing", ja: "請求"}`.
pub type PerLang<T> = std::collections::BTreeMap<Lang, T>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_and_print() {
        assert_eq!(Duration::parse("1h30m").unwrap().seconds, 5400);
        assert_eq!(Duration::parse("2d").unwrap().to_string(), "2d");
        assert_eq!(Duration::parse("90m").unwrap().to_string(), "1h30m");
        assert!(Duration::parse("").is_none());
        assert!(Duration::parse("15").is_none());
        assert!(Duration::parse("5x").is_none());
        assert!(Duration::parse("99999999999999999999d").is_none());
        // Past ten years: refused, so every deadline stays an instant.
        assert!(Duration::parse("18446744073709551615s").is_none());
        assert!(Duration::parse("3660d").is_some());
        assert!(Duration::parse("3661d").is_none());
    }

    #[test]
    fn times_of_day() {
        assert_eq!(TimeOfDay::parse("24:00").unwrap().minutes, 1440);
        assert_eq!(TimeOfDay::parse("07:30").unwrap().to_string(), "07:30");
        assert!(TimeOfDay::parse("24:30").is_none());
        assert!(TimeOfDay::parse("7:30").is_none());
    }
}
