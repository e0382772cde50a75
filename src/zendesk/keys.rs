//! Object keys: the file stem of a REST body and the name of its
//! Terraform resource. Two objects of one resource type must never share a
//! key: Terraform keeps one resource per name and would drop the other
//! without a word, so keys are unique by construction, not by luck.
//!
//! A key is a kind word (letters only), then `-` and the object's id, then
//! each variant after a `_`: `route-care-ja`, `tag-ugc_on-x`,
//! `incident-winter-storm_queue`, `decide_untagged`. Ids match
//! `[a-z0-9][a-z0-9_-]*` (see [`crate::model::ID_PATTERN`]): any separator
//! made of `-` could be part of an id, so an id's own `_` are doubled and a
//! single `_` only ever stands between parts. Read from the left, the
//! kind ends at its first `-` or `_`, and an id at the first `_` that is
//! not doubled (ids never start with `_`, so in `a___x` the id is `a_`).
//! Resource types that hold one kind of object (groups, schedules,
//! macros) have no kind word.

/// An id as part of a key: its `_` doubled.
pub fn id(id: &str) -> String {
    id.replace('_', "__")
}

/// `kind-id`, such as `route-care-ja`.
pub fn of(kind: &str, object: &str) -> String {
    format!("{kind}-{}", id(object))
}

/// `key_variant`, such as `incident-winter-storm_queue` beside
/// `incident-winter-storm`. The variant is a word, a language code or
/// another [`of`]: never a bare id, whose `_` would read as a separator.
pub fn variant(key: &str, variant: &str) -> String {
    debug_assert!(
        !variant.replace("__", "").contains('_'),
        "variant `{variant}` holds a single `_`"
    );
    format!("{key}_{variant}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts a key is made of, read from the left as the module
    /// describes: the inverse of [`of`] and [`variant`].
    fn parts(key: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut part = String::new();
        let mut chars = key.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '_' if chars.next_if_eq(&'_').is_some() => part.push('_'),
                '_' => out.push(std::mem::take(&mut part)),
                c => part.push(c),
            }
        }
        out.push(part);
        out
    }

    #[test]
    fn ids_that_look_like_other_keys_give_other_keys() {
        // Each pair was one key before: a tag named like the variant of
        // another, an incident named like another's queue trigger, a
        // route named like another's language split.
        let pairs = [
            (of("decide", "untagged"), variant("decide", "untagged")),
            (
                of("tag", "ugc-on-x"),
                variant(&of("tag", "ugc"), &of("on", "x")),
            ),
            (
                of("incident", "storm-queue"),
                variant(&of("incident", "storm"), "queue"),
            ),
            (of("route", "vip-en"), variant(&of("route", "vip"), "en")),
            (of("route", "vip_en"), variant(&of("route", "vip"), "en")),
            (
                variant(&of("tag", "a_on-x"), &of("on", "y")),
                variant(&of("tag", "a"), &of("on", "x_on-y")),
            ),
            (variant(&id("a-pt"), "pt-BR"), variant(&id("a"), "pt-BR")),
        ];
        for (a, b) in pairs {
            assert_ne!(a, b);
        }
        assert_eq!(
            parts(&variant(&of("tag", "a_"), &of("on", "x__y"))),
            ["tag-a_", "on-x__y"]
        );
        assert_eq!(
            parts(&variant(&of("incident", "storm"), "queue")),
            ["incident-storm", "queue"]
        );
        assert_eq!(of("route", "care-ja"), "route-care-ja");
    }
}
