//! A decision as one JSON line, written field by field.
//!
//! The decision's shape is fixed, so a writer for it does in one pass what
//! serde does through its generic machinery; at a million decisions a
//! second that generic layer was a tenth of the routing time. The bytes
//! are exactly serde_json's (the tests compare the two on every kind of
//! field), so the `jsonl` output format is unchanged.

use crate::model::{Audience, ExclusionScope, FollowUpAction, MessageKind, Priority};
use crate::router::{
    Boost, BotAction, BotDecision, BotReason, Clock, Coverage, Decision, Doubted, FollowUpCause,
    FollowUpDue, LanguageSource, ResponseReason, Rule, RungDue, TagHit,
};

/// Appends `d` as a JSON object, with `"explain"` last when given, and a
/// newline.
pub fn write(buf: &mut Vec<u8>, d: &Decision, explain: Option<&[String]>) {
    let mut day = LastDay::default();
    buf.extend_from_slice(b"{\"id\":");
    string(buf, &d.id);
    buf.extend_from_slice(b",\"tags\":");
    tag_hits(buf, &d.tags);
    if !d.exclusions.is_empty() {
        buf.extend_from_slice(b",\"exclusions\":[");
        for (i, e) in d.exclusions.iter().enumerate() {
            comma(buf, i);
            buf.extend_from_slice(b"{\"tag\":");
            string(buf, e.tag);
            buf.extend_from_slice(b",\"keyword\":");
            string(buf, e.keyword);
            buf.extend_from_slice(b",\"lang\":");
            string(buf, e.lang);
            buf.extend_from_slice(b",\"scope\":");
            string(buf, scope(e.scope));
            span(buf, e.start, e.end);
            buf.push(b'}');
        }
        buf.push(b']');
    }
    if !d.without_context.is_empty() {
        buf.extend_from_slice(b",\"without_context\":");
        tag_hits(buf, &d.without_context);
    }
    if !d.doubted.is_empty() {
        buf.extend_from_slice(b",\"doubted\":");
        doubted(buf, &d.doubted);
    }
    buf.extend_from_slice(if d.needs_reply {
        b",\"needs_reply\":true,\"severity\":"
    } else {
        b",\"needs_reply\":false,\"severity\":"
    });
    string(buf, d.severity);
    buf.extend_from_slice(b",\"deciding_tag\":");
    optional(buf, d.deciding_tag);
    buf.extend_from_slice(b",\"priority\":");
    string(buf, priority(d.priority));
    if !d.boosts.is_empty() {
        buf.extend_from_slice(b",\"boosts\":[");
        for (i, b) in d.boosts.iter().enumerate() {
            comma(buf, i);
            string(buf, boost(*b));
        }
        buf.push(b']');
    }
    buf.extend_from_slice(b",\"language\":");
    string(buf, &d.language);
    buf.extend_from_slice(b",\"language_source\":");
    string(buf, language_source(d.language_source));
    if let Some(by) = d.detected_by {
        buf.extend_from_slice(b",\"detected_by\":");
        string(buf, identified(by));
    }
    buf.extend_from_slice(b",\"audience\":");
    string(buf, audience(d.audience));
    buf.extend_from_slice(b",\"route\":");
    optional(buf, d.route);
    buf.extend_from_slice(b",\"queue\":");
    optional(buf, d.queue);
    buf.extend_from_slice(b",\"team\":");
    optional(buf, d.team);
    buf.extend_from_slice(b",\"coverage\":");
    coverage(buf, &d.coverage);
    buf.extend_from_slice(b",\"first_response_due\":");
    instant(buf, d.first_response_due, &mut day);
    buf.extend_from_slice(b",\"resolution_due\":");
    instant(buf, d.resolution_due, &mut day);
    buf.extend_from_slice(b",\"clock\":");
    match d.clock {
        Clock::Always => buf.extend_from_slice(b"{\"hours\":\"24/7\"}"),
        Clock::Business { calendar } => {
            buf.extend_from_slice(b"{\"hours\":\"business\",\"calendar\":");
            string(buf, calendar);
            buf.push(b'}');
        }
    }
    buf.extend_from_slice(b",\"escalation\":[");
    for (i, rung) in d.escalation.iter().enumerate() {
        comma(buf, i);
        rung_due(buf, rung, &mut day);
    }
    buf.extend_from_slice(b"],\"response_mode\":");
    string(buf, message_kind(d.response_mode));
    buf.extend_from_slice(b",\"response_reason\":");
    response_reason(buf, &d.response_reason);
    if !d.personal_data.is_empty() {
        buf.extend_from_slice(b",\"personal_data\":[");
        for (i, f) in d.personal_data.iter().enumerate() {
            comma(buf, i);
            buf.extend_from_slice(b"{\"kind\":");
            // Rare, and its name comes from the playbook or the model's
            // own renaming: serde writes it.
            let _ = serde_json::to_writer(&mut *buf, &f.kind);
            span(buf, f.start, f.end);
            buf.push(b'}');
        }
        buf.push(b']');
    }
    buf.extend_from_slice(b",\"macros\":[");
    for (i, m) in d.macros.iter().enumerate() {
        comma(buf, i);
        buf.extend_from_slice(b"{\"id\":");
        string(buf, m.id);
        buf.extend_from_slice(b",\"lang\":");
        string(buf, m.lang);
        buf.push(b'}');
    }
    buf.push(b']');
    if let Some(incident) = d.incident {
        buf.extend_from_slice(b",\"incident\":");
        string(buf, incident);
    }
    if let Some(b) = &d.bot {
        buf.extend_from_slice(b",\"bot\":");
        bot(buf, b);
    }
    if !d.follow_ups.is_empty() {
        buf.extend_from_slice(b",\"follow_ups\":[");
        for (i, f) in d.follow_ups.iter().enumerate() {
            comma(buf, i);
            follow_up(buf, f, &mut day);
        }
        buf.push(b']');
    }
    if let Some(lines) = explain {
        buf.extend_from_slice(b",\"explain\":[");
        for (i, line) in lines.iter().enumerate() {
            comma(buf, i);
            string(buf, line);
        }
        buf.push(b']');
    }
    buf.extend_from_slice(b"}\n");
}

fn comma(buf: &mut Vec<u8>, index: usize) {
    if index > 0 {
        buf.push(b',');
    }
}

fn tag_hits(buf: &mut Vec<u8>, hits: &[TagHit]) {
    buf.push(b'[');
    for (i, h) in hits.iter().enumerate() {
        comma(buf, i);
        tag_hit(buf, h);
        buf.push(b'}');
    }
    buf.push(b']');
}

fn doubted(buf: &mut Vec<u8>, doubted: &[Doubted]) {
    buf.push(b'[');
    for (i, d) in doubted.iter().enumerate() {
        comma(buf, i);
        tag_hit(buf, &d.hit);
        buf.extend_from_slice(b",\"probability\":");
        fraction(buf, d.probability);
        buf.push(b'}');
    }
    buf.push(b']');
}

/// A tag hit's fields, after its opening brace is written and before
/// its closing one.
fn tag_hit(buf: &mut Vec<u8>, h: &TagHit) {
    buf.extend_from_slice(b"{\"tag\":");
    string(buf, h.tag);
    buf.extend_from_slice(b",\"rule\":");
    match h.rule {
        Rule::Keyword { keyword, lang } => {
            buf.extend_from_slice(b"{\"kind\":\"keyword\",\"keyword\":");
            string(buf, keyword);
            buf.extend_from_slice(b",\"lang\":");
            string(buf, lang);
        }
        Rule::Pattern { pattern } => {
            buf.extend_from_slice(b"{\"kind\":\"pattern\",\"pattern\":");
            string(buf, pattern);
        }
        Rule::Incident { incident, keyword } => {
            buf.extend_from_slice(b"{\"kind\":\"incident\",\"incident\":");
            string(buf, incident);
            buf.extend_from_slice(b",\"keyword\":");
            string(buf, keyword);
        }
        Rule::Learned { probability } => {
            buf.extend_from_slice(b"{\"kind\":\"learned\",\"probability\":");
            fraction(buf, probability);
        }
    }
    buf.push(b'}');
    span(buf, h.start, h.end);
}

/// A probability as serde writes an `f64`: the shortest form that reads
/// back the same, with `.0` on whole numbers.
fn fraction(buf: &mut Vec<u8>, p: f64) {
    use std::io::Write;
    let at = buf.len();
    let _ = write!(buf, "{p}");
    if !buf[at..].contains(&b'.') {
        buf.extend_from_slice(b".0");
    }
}

fn span(buf: &mut Vec<u8>, start: usize, end: usize) {
    buf.extend_from_slice(b",\"start\":");
    number(buf, start as u64);
    buf.extend_from_slice(b",\"end\":");
    number(buf, end as u64);
}

fn coverage(buf: &mut Vec<u8>, c: &Coverage) {
    match c {
        Coverage::OnShift { team, shift } => {
            buf.extend_from_slice(b"{\"status\":\"on_shift\",\"team\":");
            string(buf, team);
            buf.extend_from_slice(b",\"shift\":");
            string(buf, shift);
        }
        Coverage::Handover { team, shift, from } => {
            buf.extend_from_slice(b"{\"status\":\"handover\",\"team\":");
            string(buf, team);
            buf.extend_from_slice(b",\"shift\":");
            string(buf, shift);
            buf.extend_from_slice(b",\"from\":");
            string(buf, from);
        }
        Coverage::Uncovered => buf.extend_from_slice(b"{\"status\":\"uncovered\""),
        Coverage::NoQueue => buf.extend_from_slice(b"{\"status\":\"no_queue\""),
    }
    buf.push(b'}');
}

fn rung_due(buf: &mut Vec<u8>, r: &RungDue, day: &mut LastDay) {
    buf.extend_from_slice(b"{\"chain\":");
    string(buf, r.chain);
    buf.extend_from_slice(b",\"due\":");
    instant(buf, r.due, day);
    buf.extend_from_slice(if r.automated {
        b",\"automated\":true"
    } else {
        b",\"automated\":false"
    });
    if let Some(role) = r.role {
        buf.extend_from_slice(b",\"role\":");
        string(buf, role);
    }
    if let Some(team) = r.team {
        buf.extend_from_slice(b",\"team\":");
        string(buf, team);
    }
    buf.push(b'}');
}

fn bot(buf: &mut Vec<u8>, b: &BotDecision) {
    buf.extend_from_slice(b"{\"action\":");
    string(buf, bot_action(b.action));
    if !b.reasons.is_empty() {
        buf.extend_from_slice(b",\"reasons\":[");
        for (i, r) in b.reasons.iter().enumerate() {
            comma(buf, i);
            bot_reason(buf, r);
        }
        buf.push(b']');
    }
    if let Some(queue) = b.queue {
        buf.extend_from_slice(b",\"queue\":");
        string(buf, queue);
    }
    if b.unstaffed {
        buf.extend_from_slice(b",\"unstaffed\":true");
    }
    buf.push(b'}');
}

fn bot_reason(buf: &mut Vec<u8>, r: &BotReason) {
    buf.extend_from_slice(b"{\"reason\":");
    match r {
        BotReason::Severity { severity } => {
            buf.extend_from_slice(b"\"severity\",\"severity\":");
            string(buf, severity);
        }
        BotReason::Tag { tag } => {
            buf.extend_from_slice(b"\"tag\",\"tag\":");
            string(buf, tag);
        }
        BotReason::PersonalData => buf.extend_from_slice(b"\"personal_data\""),
        BotReason::Audience { audience: a } => {
            buf.extend_from_slice(b"\"audience\",\"audience\":");
            string(buf, audience(*a));
        }
        BotReason::AsksForPerson {
            keyword,
            lang,
            start,
            end,
        } => {
            buf.extend_from_slice(b"\"asks_for_person\",\"keyword\":");
            string(buf, keyword);
            buf.extend_from_slice(b",\"lang\":");
            string(buf, lang);
            span(buf, *start, *end);
        }
        BotReason::NotAnIntent { tag } => {
            buf.extend_from_slice(b"\"not_an_intent\",\"tag\":");
            string(buf, tag);
        }
        BotReason::Untagged => buf.extend_from_slice(b"\"untagged\""),
        BotReason::Language => buf.extend_from_slice(b"\"language\""),
    }
    buf.push(b'}');
}

fn follow_up(buf: &mut Vec<u8>, f: &FollowUpDue, day: &mut LastDay) {
    buf.extend_from_slice(b"{\"id\":");
    string(buf, f.id);
    buf.extend_from_slice(b",\"because\":");
    match f.because {
        FollowUpCause::Tag(tag) => {
            buf.extend_from_slice(b"{\"tag\":");
            string(buf, tag);
        }
        FollowUpCause::Macro(id) => {
            buf.extend_from_slice(b"{\"macro\":");
            string(buf, id);
        }
    }
    buf.extend_from_slice(b"},\"action\":");
    string(buf, follow_up_action(f.action));
    buf.extend_from_slice(b",\"due\":");
    instant(buf, f.due, day);
    buf.push(b'}');
}

fn response_reason(buf: &mut Vec<u8>, r: &ResponseReason) {
    match r {
        ResponseReason::PrivateMessage => {
            buf.extend_from_slice(b"{\"reason\":\"private_message\"}");
        }
        ResponseReason::ContainsPersonalData => {
            buf.extend_from_slice(b"{\"reason\":\"contains_personal_data\"}");
        }
        ResponseReason::TagNeedsPersonalData { tag } => {
            buf.extend_from_slice(b"{\"reason\":\"tag_needs_personal_data\",\"tag\":");
            string(buf, tag);
            buf.push(b'}');
        }
        ResponseReason::General => buf.extend_from_slice(b"{\"reason\":\"general\"}"),
    }
}

fn scope(s: ExclusionScope) -> &'static str {
    match s {
        ExclusionScope::Message => "message",
        ExclusionScope::Keyword => "keyword",
    }
}

fn priority(p: Priority) -> &'static str {
    match p {
        Priority::Low => "low",
        Priority::Normal => "normal",
        Priority::High => "high",
        Priority::Urgent => "urgent",
    }
}

fn boost(b: Boost) -> &'static str {
    match b {
        Boost::Vip => "vip",
        Boost::Influencer => "influencer",
        Boost::Emergency => "emergency",
    }
}

fn language_source(s: LanguageSource) -> &'static str {
    match s {
        LanguageSource::Message => "message",
        LanguageSource::Channel => "channel",
        LanguageSource::Detected => "detected",
        LanguageSource::Default => "default",
    }
}

fn identified(i: crate::detect::language::Identified) -> &'static str {
    use crate::detect::language::Identified;
    match i {
        Identified::Script => "script",
        Identified::Evidence => "evidence",
        Identified::Statistics => "statistics",
    }
}

fn audience(a: Audience) -> &'static str {
    match a {
        Audience::Vip => "vip",
        Audience::Influencer => "influencer",
        Audience::Regular => "regular",
    }
}

fn bot_action(a: BotAction) -> &'static str {
    match a {
        BotAction::Answers => "answers",
        BotAction::HandsOff => "hands_off",
        BotAction::Holds => "holds",
        BotAction::Passes => "passes",
    }
}

fn follow_up_action(a: FollowUpAction) -> &'static str {
    match a {
        FollowUpAction::Reopen => "reopen",
        FollowUpAction::Remind => "remind",
        FollowUpAction::Close => "close",
    }
}

fn message_kind(k: MessageKind) -> &'static str {
    match k {
        MessageKind::Public => "public",
        MessageKind::Private => "private",
    }
}

fn optional(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

fn number(buf: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

/// The date last written, as `YYYY-MM-DD`: a decision's deadlines mostly
/// fall on one or two days.
#[derive(Default)]
struct LastDay {
    day: Option<i64>,
    text: [u8; 10],
}

/// An instant as jiff prints it (RFC 3339 in UTC, `Z`), or `null`. Whole
/// seconds in years 1 to 9999, which is every deadline in practice, are
/// written here; anything else goes through jiff.
fn instant(buf: &mut Vec<u8>, t: Option<jiff::Timestamp>, last: &mut LastDay) {
    let Some(t) = t else {
        buf.extend_from_slice(b"null");
        return;
    };
    let seconds = t.as_second();
    // 0001-01-01 and 10000-01-01 in seconds from the epoch.
    if t.subsec_nanosecond() != 0 || !(-62_135_596_800..253_402_300_800).contains(&seconds) {
        use std::io::Write;
        let _ = write!(buf, "\"{t}\"");
        return;
    }
    let days = seconds.div_euclid(86_400);
    if last.day != Some(days) {
        let (year, month, day) = crate::tz::table::civil_from_days(days);
        let mut text = *b"0000-00-00";
        digits(&mut text[0..4], year);
        digits(&mut text[5..7], month);
        digits(&mut text[8..10], day);
        *last = LastDay {
            day: Some(days),
            text,
        };
    }
    let of_day = seconds.rem_euclid(86_400);
    let mut time = *b"T00:00:00Z\"";
    digits(&mut time[1..3], of_day / 3600);
    digits(&mut time[4..6], of_day / 60 % 60);
    digits(&mut time[7..9], of_day % 60);
    buf.push(b'"');
    buf.extend_from_slice(&last.text);
    buf.extend_from_slice(&time);
}

/// `value` in decimal, zero-padded to fill `out`.
fn digits(out: &mut [u8], mut value: i64) {
    for slot in out.iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

/// A JSON string with serde_json's escapes: the two-character forms for
/// `"`, `\`, backspace, form feed, newline, carriage return and tab, and
/// `\u00XX` (lower-case hex) for the other control characters. Everything
/// else, non-ASCII included, is copied.
fn string(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none needs an escape, as in most
        // ids and names; the last few padded with a plain letter, so a
        // short id is one check, not one per byte.
        let word = match bytes.get(i..i + 8) {
            Some(word) => u64::from_le_bytes(word.try_into().unwrap_or([0; 8])),
            None => {
                let mut last = [b'a'; 8];
                last[..bytes.len() - i].copy_from_slice(&bytes[i..]);
                u64::from_le_bytes(last)
            }
        };
        if !needs_escape(word) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        buf.extend_from_slice(&bytes[from..i - 1]);
        match b {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            0x08 => buf.extend_from_slice(b"\\b"),
            0x0c => buf.extend_from_slice(b"\\f"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[usize::from(b >> 4)]);
                buf.push(HEX[usize::from(b & 0xf)]);
            }
        }
        from = i;
    }
    buf.extend_from_slice(&bytes[from..]);
    buf.push(b'"');
}

/// Whether any byte of `word` is a control character, `"` or `\`: the
/// bit tricks for "has a byte less than n" and "has a zero byte", exact
/// for whether any byte matches.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let less_than_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    less_than_space | zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\')))
        != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_string(s: &str) -> Vec<u8> {
        serde_json::to_vec(s).expect("a string")
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        for s in [
            "",
            "plain",
            "quote \" and \\ backslash",
            "ünïcödé ✈ 航空 ขอบคุณ 👍🏽",
            "\u{7f} delete and / slash",
            &every_control,
        ] {
            let mut mine = Vec::new();
            string(&mut mine, s);
            assert_eq!(mine, serde_string(s), "{s:?}");
        }
    }

    #[test]
    fn any_string_is_escaped_as_serde_escapes_it() {
        use proptest::prelude::*;
        let texts = "[a-z\"\\\\\u{0}-\u{1f}\u{7f}é✈👍]{0,40}|.{0,40}";
        proptest!(ProptestConfig::with_cases(5000), |(s in texts)| {
            let mut mine = Vec::new();
            string(&mut mine, &s);
            prop_assert_eq!(mine, serde_string(&s));
        });
    }

    #[test]
    fn instants_are_written_as_jiff_prints_them() {
        let cases = [
            "1970-01-01T00:00:00Z",
            "2026-02-28T23:59:59Z",
            "2028-02-29T12:00:00Z",
            "2000-03-01T00:00:00Z",
            "1900-03-01T00:00:00Z",
            "0001-01-01T00:00:00Z",
            "9999-12-30T21:59:59Z",
            "2026-06-01T10:00:00.5Z",
            "-000001-06-01T10:00:00Z",
        ];
        for case in cases {
            let t: jiff::Timestamp = case.parse().expect("an instant");
            let mut mine = Vec::new();
            instant(&mut mine, Some(t), &mut LastDay::default());
            assert_eq!(mine, serde_json::to_vec(&t).expect("json"), "{case}");
        }
        // Every day over four centuries, at a time of day that moves, and
        // a second time later that day (the date written is reused).
        let mut last = LastDay::default();
        for day in -146_097i64..146_097 {
            let second = (day * 7_919).rem_euclid(86_000);
            for second in [second, second + 399] {
                let t = jiff::Timestamp::from_second(day * 86_400 + second).expect("in range");
                let mut mine = Vec::new();
                instant(&mut mine, Some(t), &mut last);
                assert_eq!(mine, serde_json::to_vec(&t).expect("json"), "{t}");
            }
        }
    }

    #[test]
    fn numbers_and_names_match_serde() {
        for n in [0u64, 7, 10, 99, 12_345, u64::MAX] {
            let mut mine = Vec::new();
            number(&mut mine, n);
            assert_eq!(mine, serde_json::to_vec(&n).expect("json"));
        }
        let same = |name: &str, value: serde_json::Value| assert_eq!(value, name);
        for p in [
            Priority::Low,
            Priority::Normal,
            Priority::High,
            Priority::Urgent,
        ] {
            same(priority(p), serde_json::json!(p));
        }
        for b in [Boost::Vip, Boost::Influencer, Boost::Emergency] {
            same(boost(b), serde_json::json!(b));
        }
        for s in [
            LanguageSource::Message,
            LanguageSource::Channel,
            LanguageSource::Detected,
            LanguageSource::Default,
        ] {
            same(language_source(s), serde_json::json!(s));
        }
        use crate::detect::language::Identified;
        for i in [
            Identified::Script,
            Identified::Evidence,
            Identified::Statistics,
        ] {
            same(identified(i), serde_json::json!(i));
        }
        for a in Audience::ALL {
            same(audience(a), serde_json::json!(a));
        }
        for k in [MessageKind::Public, MessageKind::Private] {
            same(message_kind(k), serde_json::json!(k));
        }
        for s in [ExclusionScope::Message, ExclusionScope::Keyword] {
            same(scope(s), serde_json::json!(s));
        }
        for a in [
            BotAction::Answers,
            BotAction::HandsOff,
            BotAction::Holds,
            BotAction::Passes,
        ] {
            same(bot_action(a), serde_json::json!(a));
        }
        for a in [
            FollowUpAction::Reopen,
            FollowUpAction::Remind,
            FollowUpAction::Close,
        ] {
            same(follow_up_action(a), serde_json::json!(a));
        }
    }

    /// Every reason and field of the bot's part and of a follow-up, as
    /// serde writes them: the bundled samples do not reach them all.
    #[test]
    fn bot_and_follow_ups_match_serde() {
        let reasons = vec![
            BotReason::Severity {
                severity: "critical",
            },
            BotReason::Tag { tag: "complaint" },
            BotReason::PersonalData,
            BotReason::Audience {
                audience: Audience::ALL[0],
            },
            BotReason::AsksForPerson {
                keyword: "\"human\"",
                lang: "en",
                start: 3,
                end: 12,
            },
            BotReason::NotAnIntent { tag: "praise" },
            BotReason::Untagged,
            BotReason::Language,
        ];
        for (unstaffed, queue) in [(false, None), (true, Some("care"))] {
            for action in [BotAction::Answers, BotAction::HandsOff] {
                for reasons in [Vec::new(), reasons.clone()] {
                    let b = BotDecision {
                        action,
                        reasons,
                        queue,
                        unstaffed,
                    };
                    let mut mine = Vec::new();
                    bot(&mut mine, &b);
                    assert_eq!(
                        String::from_utf8_lossy(&mine),
                        serde_json::to_string(&b).expect("json")
                    );
                }
            }
        }
        let due: jiff::Timestamp = "2026-03-02T14:00:00Z".parse().expect("an instant");
        for (because, action, due) in [
            (
                FollowUpCause::Tag("refund"),
                FollowUpAction::Reopen,
                Some(due),
            ),
            (
                FollowUpCause::Macro("close-ok"),
                FollowUpAction::Close,
                None,
            ),
        ] {
            let f = FollowUpDue {
                id: "nudge",
                because,
                action,
                due,
            };
            let mut mine = Vec::new();
            follow_up(&mut mine, &f, &mut LastDay::default());
            assert_eq!(
                String::from_utf8_lossy(&mine),
                serde_json::to_string(&f).expect("json")
            );
        }
    }

    /// The writer's line with the trace is serde's, byte for byte.
    fn same_as_serde_with_explain(d: &crate::router::Decision, message: &crate::router::Message) {
        let explain = crate::router::explain::explain(d, message);
        let mut mine = Vec::new();
        write(&mut mine, d, Some(&explain));
        let mut value = serde_json::to_value(d).expect("json");
        value["explain"] = serde_json::Value::from(explain);
        let mut theirs = serde_json::to_vec(&value).expect("json");
        theirs.push(b'\n');
        assert_eq!(
            String::from_utf8_lossy(&mine),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn whole_decisions_match_serde() {
        use crate::router::{DecideOptions, Message, Router};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks");
        let validated = crate::validate(&dir, &Default::default()).expect("bundled playbook");
        let playbook = validated.valid().expect("valid");
        let router = Router::new(&crate::ir::lower(playbook)).expect("router");
        let mut checked = 0;
        for sample in &playbook.samples {
            let message: Message = crate::sampletest::message_of(sample);
            for incident in [None, Some("winter-storm")] {
                let options = DecideOptions { incident, at: None };
                let d = router.decide(&message, &options);
                same_as_serde_with_explain(&d, &message);
                let mut mine = Vec::new();
                write(&mut mine, &d, None);
                let mut theirs = serde_json::to_vec(&d).expect("json");
                theirs.push(b'\n');
                assert_eq!(
                    String::from_utf8_lossy(&mine),
                    String::from_utf8_lossy(&theirs)
                );
                checked += 1;
            }
        }
        assert!(checked > 50, "{checked}");
    }

    /// The Nordlink playbook learns from its examples: its decisions hold
    /// learned tags and doubted keyword tags, which the bundled playbook's
    /// never do.
    #[test]
    fn learned_and_doubted_tags_match_serde() {
        use crate::router::{DecideOptions, Message, Router, Rule};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("accuracy/telecom");
        let validated = crate::validate(&dir, &Default::default()).expect("Nordlink");
        let playbook = validated.valid().expect("valid");
        let router = Router::new(&crate::ir::lower(playbook)).expect("router");
        let (mut learned, mut doubted) = (0, 0);
        for (i, e) in playbook.examples.iter().enumerate() {
            let message = Message {
                id: format!("e{i}"),
                channel: "x".into(),
                kind: crate::model::MessageKind::Public,
                text: e.text.clone(),
                received_at: jiff::Timestamp::UNIX_EPOCH,
                lang: None,
                author: None,
            };
            let d = router.decide(&message, &DecideOptions::default());
            learned += d
                .tags
                .iter()
                .filter(|t| matches!(t.rule, Rule::Learned { .. }))
                .count();
            doubted += d.doubted.len();
            same_as_serde_with_explain(&d, &message);
        }
        assert!(
            learned > 10 && doubted > 0,
            "{learned} learned, {doubted} doubted"
        );
    }
}
