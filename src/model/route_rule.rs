//! Which route takes a message: the one rule that both the router decides
//! with and the routing checks (CB305, CB306, CB307, and the classes that
//! coverage and the first-human check walk) paint their table with, so a
//! check can never say one route and `simulate` take another.
//!
//! Routes are tried in order and the first whose conditions all hold takes
//! the message. A condition tests only the message's class: its deciding
//! tag, that tag's severity, its author's audience and its language. Which
//! audiences an author can be in is decided here too, so the checks look
//! only at classes some message can have.

use super::{Audience, Id, RouteCondition};

/// What a route's conditions can test about a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageClass<'a> {
    /// The deciding tag, by index in file order; `None` when the message
    /// matched no tag.
    pub tag: Option<usize>,
    /// The deciding tag's severity (its own or inherited), by id; `None`
    /// for a message without a tag and for a tag without a severity.
    pub severity: Option<&'a str>,
    pub audience: Audience,
    pub language: &'a str,
}

/// A route's conditions, with its tags resolved to indices: what a
/// route's `when` in the playbook and a compiled route both become.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteRule {
    /// Deciding tags taken (descendants included), sorted; `None` takes
    /// every tag.
    tags: Option<Vec<usize>>,
    /// Whether messages that match no tag are taken.
    untagged: bool,
    severities: Vec<String>,
    audience: Vec<Audience>,
    languages: Vec<String>,
}

impl RouteCondition {
    /// Whether a route with this `when` takes messages that match no tag:
    /// only one without tag and severity conditions, since such a message
    /// has neither.
    pub fn takes_untagged(&self) -> bool {
        self.tags.is_empty() && self.severities.is_empty()
    }
}

impl Audience {
    /// Whether an author with `followers` counts as an influencer: only
    /// when the playbook's influencer boost sets `min_followers`.
    pub fn is_influencer(followers: u64, min_followers: Option<u64>) -> bool {
        min_followers.is_some_and(|min| followers >= min)
    }

    /// The audience of a message's author: a VIP, else an influencer, else
    /// a regular author.
    pub fn of_author(vip: bool, followers: u64, min_followers: Option<u64>) -> Audience {
        if vip {
            Audience::Vip
        } else if Audience::is_influencer(followers, min_followers) {
            Audience::Influencer
        } else {
            Audience::Regular
        }
    }

    /// Whether some author is of `self`: without an influencer boost no
    /// author is an influencer, and with `min_followers: 0` every author
    /// who is not a VIP is one. Asked of a VIP, and of authors with the
    /// fewest and the most followers there can be.
    pub fn possible(self, min_followers: Option<u64>) -> bool {
        [(true, 0), (false, 0), (false, u64::MAX)]
            .into_iter()
            .any(|(vip, followers)| Audience::of_author(vip, followers, min_followers) == self)
    }
}

impl RouteRule {
    /// `tags`: the deciding tags taken, by index, `None` for any tag;
    /// `untagged`: whether messages that match no tag are taken; empty
    /// `severities`, `audience` or `languages` hold for every message.
    pub fn new(
        tags: Option<Vec<usize>>,
        untagged: bool,
        severities: Vec<String>,
        audience: Vec<Audience>,
        languages: Vec<String>,
    ) -> Self {
        let tags = tags.map(|mut v| {
            v.sort_unstable();
            v.dedup();
            v
        });
        RouteRule {
            tags,
            untagged,
            severities,
            audience,
            languages,
        }
    }

    /// A route's `when` as written in a playbook; `expand` gives the tags
    /// (by index, with their descendants) that a list of tag ids names.
    pub fn from_condition(when: &RouteCondition, expand: impl FnOnce(&[Id]) -> Vec<usize>) -> Self {
        RouteRule::new(
            (!when.tags.is_empty()).then(|| expand(&when.tags)),
            when.takes_untagged(),
            when.severities.iter().map(|s| s.0.clone()).collect(),
            when.audience.clone(),
            when.languages.iter().map(|l| l.0.clone()).collect(),
        )
    }

    /// Whether the tag and severity conditions hold for a message whose
    /// deciding tag is `tag` (`None`: no tag matched) with `severity`.
    pub fn takes_tag(&self, tag: Option<usize>, severity: Option<&str>) -> bool {
        let tag_ok = match tag {
            Some(t) => self
                .tags
                .as_ref()
                .is_none_or(|v| v.binary_search(&t).is_ok()),
            None => self.untagged,
        };
        tag_ok
            && (self.severities.is_empty()
                || severity.is_some_and(|s| self.severities.iter().any(|x| x == s)))
    }

    /// Whether the audience condition holds for an author of `audience`.
    pub fn takes_audience(&self, audience: Audience) -> bool {
        self.audience.is_empty() || self.audience.contains(&audience)
    }

    /// Whether the language condition holds for a message in `language`.
    pub fn takes_language(&self, language: &str) -> bool {
        self.languages.is_empty() || self.languages.iter().any(|l| l == language)
    }

    /// Whether every condition holds for a message of `class`: each tests
    /// one part of the class, so the classes a route takes are the product
    /// of the tags, audiences and languages it takes.
    pub fn takes(&self, class: &MessageClass) -> bool {
        self.takes_tag(class.tag, class.severity)
            && self.takes_audience(class.audience)
            && self.takes_language(class.language)
    }

    /// The deciding tags worth asking [`takes_tag`](Self::takes_tag) about,
    /// out of `tags` tags: the route's own when it names some, else every
    /// tag, then `None` (no tag) when it takes untagged messages. Only
    /// narrows the search; `takes_tag` decides.
    pub fn candidate_tags(&self, tags: usize) -> impl Iterator<Item = Option<usize>> + '_ {
        let every = if self.tags.is_none() { 0..tags } else { 0..0 };
        let own = self.tags.as_deref().unwrap_or_default().iter().copied();
        own.chain(every)
            .map(Some)
            .chain(self.untagged.then_some(None))
    }
}

/// The route that takes a message of `class`: the first whose conditions
/// all hold, `None` when none does.
pub fn first_route(rules: &[RouteRule], class: &MessageClass) -> Option<usize> {
    rules.iter().position(|r| r.takes(class))
}
