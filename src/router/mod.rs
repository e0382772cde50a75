//! The router: built from the IR (`Router::new(&ir)`), it decides for each
//! message its tags, severity, priority, queue and team, who covers it at
//! the time it arrived, its deadlines, escalation and response mode.

mod bot;
pub mod clock;
mod decision;
pub mod explain;
mod follow_ups;
mod gate;
mod index;
mod learned;
pub mod matcher;
mod message;

pub use decision::*;
pub use message::Message;

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};

use crate::detect::language::{Identified, LanguageId};
use crate::detect::personal_data;
use crate::ir::{ExclusionScope, Ir, IrRoute};
use crate::model::{
    Audience, Disposition, MessageClass, MessageKind, Priority, RouteRule, first_route,
};
use index::Index;
use matcher::{Hit, Matcher, Owner, Scan};

/// An IR the router cannot use: only a hand-edited or stale routing file
/// gets here, since `lower` makes consistent IR from a checked playbook.
#[derive(Debug, thiserror::Error)]
pub enum RouterError {
    #[error("unknown time zone `{0}`")]
    TimeZone(String),
    #[error("invalid date {0}")]
    Date(String),
    #[error("pattern `{pattern}` of tag `{tag}` is invalid: {reason}")]
    Pattern {
        tag: String,
        pattern: String,
        reason: String,
    },
    #[error("pattern of personal data kind `{kind}` is invalid: {reason}")]
    OwnKindPattern { kind: String, reason: String },
    #[error("cannot build the keyword automaton: {0}")]
    Automaton(String),
    #[error("{what} `{id}` is referenced but not defined")]
    Missing { what: &'static str, id: String },
    #[error("unsupported routing schema version {0} (this carebook reads version {1})")]
    Version(u32, u32),
}

/// Options for one decision.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecideOptions<'a> {
    /// Incident mode switched on.
    pub incident: Option<&'a str>,
    /// Decide as if the message arrived at this instant.
    pub at: Option<Timestamp>,
}

pub struct Router {
    ir: Ir,
    matcher: Matcher,
    /// References resolved to positions.
    index: Index,
    /// Each route's conditions as the rule the routing checks share.
    route_rules: Vec<RouteRule>,
    tag_index: BTreeMap<String, usize>,
    channel_language: BTreeMap<String, Option<String>>,
    /// Language identification limited to the playbook's languages:
    /// faster, and never a language nobody on the team speaks.
    languages: LanguageId,
    /// The playbook's own kinds of personal data.
    own_kinds: personal_data::OwnKinds,
    bot: Option<bot::BotRules>,
    follow_ups: follow_ups::FollowUpRules,
    /// What the examples taught, when the playbook has any.
    learned: Option<learned::Learned>,
}

impl std::fmt::Debug for Router {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Router")
            .field("playbook", &self.ir.playbook)
            .finish_non_exhaustive()
    }
}

/// Every reference in the IR leads somewhere. `lower` guarantees it for a
/// checked playbook; a `routing.json` from elsewhere gets an error here
/// instead of a panic while deciding.
fn check_references(ir: &Ir) -> Result<(), RouterError> {
    use std::collections::BTreeSet;
    fn ids<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> BTreeSet<&'a str> {
        items.iter().map(id).collect()
    }
    let tags = ids(&ir.tags, |t| &t.id);
    let severities = ids(&ir.severities, |s| &s.id);
    let queues = ids(&ir.queues, |q| &q.id);
    let chains = ids(&ir.chains, |c| &c.id);
    let teams = ids(&ir.teams, |t| &t.id);
    let shifts = ids(&ir.shifts, |s| &s.id);
    let calendars = ids(&ir.calendars, |c| &c.id);
    let require = |what: &'static str, known: &BTreeSet<&str>, id: &str| {
        if known.contains(id) {
            Ok(())
        } else {
            Err(RouterError::Missing {
                what,
                id: id.to_string(),
            })
        }
    };
    if ir.severities.is_empty() {
        return Err(RouterError::Missing {
            what: "severity",
            id: "(any)".into(),
        });
    }
    for t in &ir.tags {
        if let Some(s) = t.severity
            && s >= ir.severities.len()
        {
            return Err(RouterError::Missing {
                what: "severity number",
                id: s.to_string(),
            });
        }
        if let Some(p) = &t.parent {
            require("tag", &tags, p)?;
        }
    }
    for s in &ir.severities {
        if let Some(c) = &s.escalation {
            require("escalation chain", &chains, c)?;
        }
        if let Some(c) = &s.calendar {
            require("calendar", &calendars, c)?;
        }
    }
    for q in &ir.queues {
        if let Some(c) = &q.calendar {
            require("calendar", &calendars, c)?;
        }
    }
    for r in &ir.routes {
        r.tags.iter().try_for_each(|t| require("tag", &tags, t))?;
        r.severities
            .iter()
            .try_for_each(|s| require("severity", &severities, s))?;
        require("queue", &queues, &r.queue)?;
        if let Some(c) = &r.escalation {
            require("escalation chain", &chains, c)?;
        }
    }
    for c in &ir.chains {
        if let Some(then) = &c.then {
            require("escalation chain", &chains, then)?;
        }
        for rung in &c.rungs {
            if let Some(team) = &rung.team {
                require("team", &teams, team)?;
            }
        }
    }
    for t in &ir.teams {
        t.rota
            .iter()
            .try_for_each(|r| require("shift", &shifts, &r.shift))?;
        t.handover_to
            .iter()
            .try_for_each(|h| require("team", &teams, h))?;
    }
    for i in &ir.incidents {
        require("tag", &tags, &i.tag)?;
        require("queue", &queues, &i.queue)?;
        i.sla_overrides
            .keys()
            .try_for_each(|s| require("severity", &severities, s))?;
    }
    Ok(())
}

impl Router {
    /// A router for a stream of messages.
    pub fn new(ir: &Ir) -> Result<Router, RouterError> {
        Router::with_scan(ir, Scan::Stream)
    }

    /// A router for a playbook's own samples: the same decisions, built
    /// in less time and slower per message.
    pub fn for_samples(ir: &Ir) -> Result<Router, RouterError> {
        Router::with_scan(ir, Scan::Samples)
    }

    /// A router for what `scan` says it will route.
    pub fn with_scan(ir: &Ir, scan: Scan) -> Result<Router, RouterError> {
        if ir.schema_version != crate::ir::SCHEMA_VERSION {
            return Err(RouterError::Version(
                ir.schema_version,
                crate::ir::SCHEMA_VERSION,
            ));
        }
        check_references(ir)?;
        let ir = ir.clone();
        let tag_index: BTreeMap<String, usize> = ir
            .tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        let route_rules = ir
            .routes
            .iter()
            .map(|r| route_rule(r, &tag_index))
            .collect();
        let ancestors: Vec<Vec<usize>> = (0..ir.tags.len())
            .map(|i| {
                let mut chain = vec![i];
                let mut at = i;
                while let Some(p) = ir.tags[at].parent.as_ref().and_then(|p| tag_index.get(p)) {
                    if chain.contains(p) {
                        break;
                    }
                    chain.push(*p);
                    at = *p;
                }
                chain
            })
            .collect();
        let index = Index::new(&ir, &ancestors)?;
        let learned = ir
            .learning
            .as_ref()
            .map(|l| learned::Learned::new(l, &tag_index, &ancestors))
            .transpose()?;
        let own_kinds = personal_data::OwnKinds::new(&ir.own_personal_data)
            .map_err(|(kind, reason)| RouterError::OwnKindPattern { kind, reason })?
            .with_brand_domains(&ir.brand_domains);
        Ok(Router {
            bot: bot::BotRules::new(&ir, &index.queue_team),
            follow_ups: follow_ups::FollowUpRules::new(&ir),
            learned,
            own_kinds,
            languages: languages(&ir),
            matcher: Matcher::new(&ir, scan)?,
            index,
            route_rules,
            tag_index,
            channel_language: ir
                .channels
                .iter()
                .map(|c| (c.id.clone(), c.language.clone()))
                .collect(),
            ir,
        })
    }

    pub fn ir(&self) -> &Ir {
        &self.ir
    }

    /// The route of a message whose deciding tag is `deciding` (an index
    /// into the IR's tags; `None` when no tag matched), from an author of
    /// `audience`, in `lang`: the first route whose conditions all hold,
    /// by the rule the routing checks paint their table with
    /// ([`first_route`]). Public so that outputs describing the routing (the handbook's
    /// diagram) show exactly the routes messages take.
    pub fn route_index(
        &self,
        deciding: Option<usize>,
        audience: Audience,
        lang: &str,
    ) -> Option<usize> {
        let ir = &self.ir;
        let class = MessageClass {
            tag: deciding,
            severity: deciding
                .and_then(|t| ir.tags[t].severity)
                .map(|s| ir.severities[s].id.as_str()),
            audience,
            language: lang,
        };
        first_route(&self.route_rules, &class)
    }

    /// The escalation chain of a message with deciding tag `deciding` on
    /// route `route`: the route's own chain, else its severity's (the least
    /// severe level's when no tag with a severity decided).
    pub fn escalation_chain(&self, deciding: Option<usize>, route: Option<usize>) -> Option<&str> {
        let ir = &self.ir;
        let severity_index = deciding
            .and_then(|t| ir.tags[t].severity)
            .unwrap_or(ir.severities.len().saturating_sub(1));
        self.chain_of(severity_index, route)
            .map(|c| self.ir.chains[c].id.as_str())
    }

    /// The chain of a message whose targets are severity `severity`'s:
    /// the route's own, else that severity's. A boosted message takes the
    /// targets of its new priority's severity, and its chain with them,
    /// so the first person is never due after the first response.
    fn chain_of(&self, severity: usize, route: Option<usize>) -> Option<usize> {
        let index = &self.index;
        route
            .and_then(|r| index.route_chain[r])
            .or_else(|| index.severity_chain.get(severity).copied().flatten())
    }

    /// The folded text of a keyword hit, for explanations.
    fn keyword(&self, hit: &Hit) -> &str {
        self.matcher.keyword_text(hit)
    }

    pub fn decide(&self, message: &Message, options: &DecideOptions) -> Decision<'_> {
        let mut hits = Vec::new();
        self.decide_with(message, options, &mut hits)
    }

    /// [`decide`](Self::decide) reusing a buffer across messages. The
    /// phases in order: tags (with exclusions, context and the incident's
    /// trigger), severity, priority, route (queue, team, coverage),
    /// deadlines, response mode, macros, the bot, follow-ups.
    pub fn decide_with(
        &self,
        message: &Message,
        options: &DecideOptions,
        hits: &mut Vec<Hit>,
    ) -> Decision<'_> {
        let ir = &self.ir;
        let at = options.at.unwrap_or(message.received_at);
        self.matcher.find(&message.text, hits);
        // Earliest hit first, so the trace shows the first occurrence.
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.keyword));
        let incident = options
            .incident
            .and_then(|id| ir.incidents.iter().position(|i| i.id == id));

        let tagging = self.tagging(message, incident, hits);
        let incident = tagging.incident;
        let (deciding, severity_index, needs_reply) = self.severity(&tagging.tag_ids);
        let (language, language_source, detected_by) = self.language(message, &tagging.evidence);
        let author = Author::of(message, ir);
        let base = ir
            .severities
            .get(severity_index)
            .map_or(Priority::Normal, |s| s.priority);
        let (priority, boosts) = self.priority(base, &author, tagging.emergency);
        let lang_str = language.as_str();
        let placed = self.place(deciding, author.audience, lang_str, incident, at);
        let due = self.deadlines(severity_index, base, priority, incident, &placed, at);
        let (personal, response_mode, response_reason) =
            self.response_mode(message, &tagging.tag_ids);
        let macros = self.macros(&tagging.tag_ids, &message.channel, response_mode, lang_str);
        let bot = self.bot_decision(
            &tagging.tag_ids,
            severity_index,
            &author,
            lang_str,
            &response_reason,
            hits,
            at,
        );
        let follow_ups =
            self.follow_ups
                .due(ir, &self.index.calendars, &tagging.tag_ids, &macros, at);

        Decision {
            id: message.id.clone(),
            tags: tagging.tags,
            exclusions: tagging.exclusions,
            without_context: tagging.without_context,
            doubted: tagging.doubted,
            needs_reply,
            severity: ir
                .severities
                .get(severity_index)
                .map_or("", |s| s.id.as_str()),
            deciding_tag: deciding.map(|t| ir.tags[t].id.as_str()),
            priority,
            boosts,
            language,
            language_source,
            detected_by,
            audience: author.audience,
            route: placed.route.map(|(_, r)| r.id.as_str()),
            queue: placed.queue.map(|q| ir.queues[q].id.as_str()),
            team: placed.team,
            coverage: placed.coverage,
            first_response_due: due.first_response,
            resolution_due: due.resolution,
            clock: due.clock,
            escalation: due.escalation,
            response_mode,
            response_reason,
            personal_data: personal,
            macros,
            incident: incident.map(|i| ir.incidents[i].id.as_str()),
            bot,
            follow_ups,
        }
    }

    /// The tags the message gets: keyword and pattern hits on its channel
    /// and kind, less those an exclusion cancels or that lack their
    /// context, plus the incident's tag when its trigger is in the text.
    fn tagging(&self, message: &Message, incident: Option<usize>, hits: &[Hit]) -> Tagging<'_> {
        let ir = &self.ir;
        // Tags a message-wide exclusion cancelled: rare, so a list.
        let mut excluded: Vec<usize> = Vec::new();
        // Exclusions first: a keyword-scoped one cancels only the keyword
        // matches it overlaps, so those must be known before tags are.
        let mut overlapping: BTreeMap<usize, Spans> = BTreeMap::new();
        let mut exclusions: Vec<Hit> = Vec::new();
        for hit in hits.iter() {
            if let Owner::Exclude(t) = hit.owner {
                match hit.scope {
                    ExclusionScope::Message => excluded.push(t),
                    ExclusionScope::Keyword => {
                        overlapping.entry(t).or_default().push(hit.start, hit.end)
                    }
                }
                exclusions.push(*hit);
            }
        }
        // Each tag's first hit; a message has few tags.
        let mut first_hit: Vec<(usize, Hit)> = Vec::new();
        let mut in_context: Vec<usize> = Vec::new();
        let mut emergency = false;
        let mut incident_hit: Option<Hit> = None;
        let mut evidence: Vec<usize> = Vec::new();
        for hit in hits.iter() {
            match hit.owner {
                Owner::Tag(t) => {
                    let tag = &ir.tags[t];
                    let cancelled = overlapping
                        .get(&t)
                        .is_some_and(|x| x.overlaps(hit.start, hit.end));
                    if !cancelled
                        && applies(tag, message)
                        && !first_hit.iter().any(|(x, _)| *x == t)
                    {
                        first_hit.push((t, *hit));
                    }
                }
                Owner::Exclude(_) | Owner::AsksForPerson => {}
                Owner::Context(t) => in_context.push(t),
                Owner::Emergency => emergency = true,
                Owner::Incident(i) => {
                    if Some(i) == incident && incident_hit.is_none() {
                        incident_hit = Some(*hit);
                    }
                }
            }
            if !hit.pattern && matches!(hit.owner, Owner::Tag(_) | Owner::Incident(_)) {
                evidence.push(hit.lang);
            }
        }
        let mut tags: Vec<TagHit> = Vec::new();
        let mut tag_ids: Vec<usize> = Vec::new();
        let mut without_context = Vec::new();
        // In the order of the tags in the playbook.
        first_hit.sort_unstable_by_key(|(t, _)| *t);
        for (t, hit) in &first_hit {
            let t = *t;
            if excluded.contains(&t) {
                continue;
            }
            if !ir.tags[t].context.is_empty() && !in_context.contains(&t) {
                without_context.push(self.tag_hit(t, hit));
                continue;
            }
            tag_ids.push(t);
            tags.push(self.tag_hit(t, hit));
        }
        let doubted = match &self.learned {
            Some(learned) => {
                self.second_opinion(learned, message, &excluded, &mut tag_ids, &mut tags)
            }
            None => Vec::new(),
        };
        let exclusions = self.exclusions_that_cancelled(&exclusions, hits);
        // The incident's tag keeps its own exclusions: "planned maintenance"
        // is no outage, in incident mode or out of it.
        if let Some(i) = incident
            && self
                .tag_index
                .get(&ir.incidents[i].tag)
                .is_some_and(|t| excluded.contains(t))
        {
            incident_hit = None;
        }
        if let (Some(i), Some(hit)) = (incident, incident_hit) {
            let inc = &ir.incidents[i];
            if let Some(&t) = self.tag_index.get(&inc.tag)
                && !tag_ids.contains(&t)
            {
                // An incident's own trigger words need no context: the
                // mode was switched on by a person who knows the context.
                let id = ir.tags[t].id.as_str();
                without_context.retain(|x| x.tag != id);
                tag_ids.push(t);
                tags.push(TagHit {
                    tag: &ir.tags[t].id,
                    rule: Rule::Incident {
                        incident: &inc.id,
                        keyword: self.keyword(&hit),
                    },
                    start: hit.start,
                    end: hit.end,
                });
            }
        }
        Tagging {
            tags,
            tag_ids,
            without_context,
            doubted,
            exclusions,
            emergency,
            evidence,
            incident: incident.filter(|_| incident_hit.is_some()),
        }
    }

    /// The examples' word on the keyword tags: those they make unlikely
    /// are dropped (and returned), and tags they make likely enough are
    /// added where no keyword found the tag or one below it. A tag an
    /// exclusion cancelled, or that does not apply on the message's
    /// channel or kind, is never added: those are the author's rules.
    fn second_opinion<'a>(
        &'a self,
        learned: &learned::Learned,
        message: &Message,
        excluded: &[usize],
        tag_ids: &mut Vec<usize>,
        tags: &mut Vec<TagHit<'a>>,
    ) -> Vec<Doubted<'a>> {
        let ir = &self.ir;
        let p = learned.probabilities(&message.text);
        let mut doubted = Vec::new();
        let mut i = 0;
        while i < tag_ids.len() {
            match learned.judged_by[tag_ids[i]] {
                Some(l) if p[l] < learned.keep_at[l] => {
                    tag_ids.remove(i);
                    doubted.push(Doubted {
                        hit: tags.remove(i),
                        probability: p[l],
                    });
                }
                _ => i += 1,
            }
        }
        for (l, &t) in learned.label_tags.iter().enumerate() {
            let tag = &ir.tags[t];
            let found = tag_ids.iter().any(|&x| learned.ancestors[x].contains(&t));
            if p[l] >= learned.add_at[l]
                && !found
                && !excluded.contains(&t)
                && applies(tag, message)
            {
                tag_ids.push(t);
                tags.push(TagHit {
                    tag: &tag.id,
                    rule: Rule::Learned { probability: p[l] },
                    start: 0,
                    end: message.text.len(),
                });
            }
        }
        doubted
    }

    /// The exclusions that cancelled something, for the trace: a tag with
    /// a keyword in the message, or a keyword match they overlap. Most
    /// messages have none, and skip the pass over the hits.
    fn exclusions_that_cancelled(&self, exclusions: &[Hit], hits: &[Hit]) -> Vec<ExclusionHit<'_>> {
        if exclusions.is_empty() {
            return Vec::new();
        }
        let ir = &self.ir;
        let mut keyword_spans: BTreeMap<usize, Spans> = BTreeMap::new();
        for h in hits.iter() {
            if let Owner::Tag(t) = h.owner {
                keyword_spans.entry(t).or_default().push(h.start, h.end);
            }
        }
        exclusions
            .iter()
            .filter_map(|x| {
                let Owner::Exclude(t) = x.owner else {
                    return None;
                };
                let met = keyword_spans.get(&t).is_some_and(|k| match x.scope {
                    ExclusionScope::Message => true,
                    ExclusionScope::Keyword => k.overlaps(x.start, x.end),
                });
                met.then(|| ExclusionHit {
                    tag: &ir.tags[t].id,
                    keyword: self.keyword(x),
                    lang: self.matcher.language(x.lang),
                    scope: x.scope,
                    start: x.start,
                    end: x.end,
                })
            })
            .collect()
    }

    /// The deciding tag, the severity it gives (the least severe level
    /// without one), and whether the message needs a reply.
    fn severity(&self, tag_ids: &[usize]) -> (Option<usize>, usize, bool) {
        let ir = &self.ir;
        // The most severe tag decides; ties go to the earlier tag in the file.
        // (Tags without a severity come after all those with one; the
        // routing checks model the same rule.)
        let deciding = tag_ids
            .iter()
            .copied()
            .min_by_key(|&t| (ir.tags[t].severity.unwrap_or(usize::MAX), t));
        let severity_index = deciding
            .and_then(|t| ir.tags[t].severity)
            .unwrap_or(ir.severities.len().saturating_sub(1));
        let needs_reply = tag_ids.is_empty()
            || tag_ids
                .iter()
                .any(|&t| ir.tags[t].disposition == Disposition::Reply);
        (deciding, severity_index, needs_reply)
    }

    /// The severity's priority raised by each boost that applies.
    fn priority(&self, base: Priority, author: &Author, emergency: bool) -> (Priority, Vec<Boost>) {
        let b = &self.ir.boosts;
        let mut steps = 0u8;
        let mut boosts = Vec::new();
        for (on, raise, kind) in [
            (author.vip, b.vip, Boost::Vip),
            (author.influencer, b.influencer, Boost::Influencer),
            (emergency, b.emergency, Boost::Emergency),
        ] {
            if on && raise > 0 {
                steps = steps.saturating_add(raise);
                boosts.push(kind);
            }
        }
        (base.raised(steps), boosts)
    }

    /// The route, and the queue (the incident's, in incident mode), its
    /// team and whether someone who speaks the language is on shift.
    fn place(
        &self,
        deciding: Option<usize>,
        audience: Audience,
        lang: &str,
        incident: Option<usize>,
        at: Timestamp,
    ) -> Placement<'_> {
        let ir = &self.ir;
        let route = self
            .route_index(deciding, audience, lang)
            .map(|r| (r, &ir.routes[r]));
        let mut queue = route.map(|(r, _)| self.index.route_queue[r]);
        if let Some(i) = incident {
            queue = Some(self.index.incident_queue[i]);
        }
        let team_index = queue.map(|q| self.index.queue_team[q]);
        let coverage = match team_index {
            Some(t) => self.coverage(t, lang, at),
            None => Coverage::NoQueue,
        };
        Placement {
            route,
            queue,
            team: team_index.map(|t| ir.teams[t].id.as_str()),
            coverage,
        }
    }

    /// Deadlines from the final priority's targets: a boosted message
    /// takes the targets of the first severity with its new priority,
    /// otherwise its own severity's; an incident's overrides replace them.
    fn deadlines(
        &self,
        severity_index: usize,
        base: Priority,
        priority: Priority,
        incident: Option<usize>,
        placed: &Placement,
        at: Timestamp,
    ) -> Deadlines<'_> {
        let ir = &self.ir;
        let target_index = if priority == base {
            severity_index
        } else {
            ir.severities
                .iter()
                .position(|s| s.priority == priority)
                .unwrap_or(severity_index)
        };
        let Some(target) = ir.severities.get(target_index) else {
            return Deadlines {
                first_response: None,
                resolution: None,
                clock: Clock::Always,
                escalation: Vec::new(),
            };
        };
        let (mut fr, mut res) = (target.first_response_seconds, target.resolution_seconds);
        let mut business_days = [
            target.first_response_business_days,
            target.resolution_business_days,
        ];
        if let Some(i) = incident
            && let Some(&(f, r)) = ir.incidents[i].sla_overrides.get(&target.id)
        {
            (fr, res) = (f, r);
            business_days = [0, 0];
        }
        // Business hours are the queue's market's, when it names them;
        // otherwise the severity's.
        let calendar = self.index.severity_calendar[target_index]
            .map(|c| {
                placed
                    .queue
                    .and_then(|q| self.index.queue_calendar[q])
                    .unwrap_or(c)
            })
            .map(|c| (ir.calendars[c].id.as_str(), &self.index.calendars[c]));
        let clock = match calendar {
            Some((id, _)) => Clock::Business { calendar: id },
            None => Clock::Always,
        };
        let chain = self.chain_of(target_index, placed.route.map(|(r, _)| r));
        let mut escalation = self.escalation(chain);
        // Every deadline of the message in one walk of the calendar:
        // first response, resolution, then each rung, walked in order of
        // their offsets.
        let count = 2 + escalation.len();
        let offset = |i: usize| match i {
            0 => fr,
            1 => res,
            _ => escalation[i - 2].1,
        };
        let mut sorted: Vec<(u64, usize)> = (0..count).map(|i| (offset(i), i)).collect();
        sorted.sort_unstable();
        let mut by_index = vec![None; count];
        match calendar {
            Some((_, cal)) => {
                let offsets: Vec<u64> = sorted.iter().map(|&(o, _)| o).collect();
                let mut due = vec![None; count];
                cal.add_each(at, &offsets, &mut due);
                for (&(_, i), d) in sorted.iter().zip(due) {
                    by_index[i] = d;
                }
            }
            None => {
                for &(secs, i) in &sorted {
                    by_index[i] = at.checked_add(SignedDuration::from_secs(secs as i64)).ok();
                }
            }
        }
        // Business days are counted as days, not as hours.
        if let Some((_, cal)) = calendar {
            for (i, days) in business_days.into_iter().enumerate() {
                if days > 0 {
                    by_index[i] = cal.add_business_days(at, days);
                }
            }
        }
        for (rung, due) in escalation.iter_mut().zip(&by_index[2..]) {
            rung.0.due = *due;
        }
        Deadlines {
            first_response: by_index[0],
            resolution: by_index[1],
            clock,
            escalation: escalation.into_iter().map(|(r, _)| r).collect(),
        }
    }

    /// Every kind of personal data in `text`, as this playbook reads it
    /// (its own kinds, its brand's mail domains), whether or not the
    /// playbook moves that kind to private messages.
    pub fn personal_data(&self, text: &str) -> Vec<personal_data::Finding> {
        personal_data::find_with(text, &self.own_kinds)
    }

    /// Private when the message is, when it holds personal data the
    /// playbook moves to private, or when a tag asks for personal data.
    fn response_mode(
        &self,
        message: &Message,
        tag_ids: &[usize],
    ) -> (Vec<personal_data::Finding>, MessageKind, ResponseReason<'_>) {
        let ir = &self.ir;
        let personal: Vec<personal_data::Finding> = self
            .personal_data(&message.text)
            .into_iter()
            // The playbook's own kinds always count.
            .filter(|f| {
                ir.go_private.is_empty()
                    || f.kind.known().is_none_or(|k| ir.go_private.contains(&k))
            })
            .collect();
        let private_tag = tag_ids.iter().find(|&&t| ir.tags[t].reply_privately);
        let (mode, reason) = if message.kind == MessageKind::Private {
            (MessageKind::Private, ResponseReason::PrivateMessage)
        } else if !personal.is_empty() {
            (MessageKind::Private, ResponseReason::ContainsPersonalData)
        } else if let Some(&t) = private_tag {
            (
                MessageKind::Private,
                ResponseReason::TagNeedsPersonalData {
                    tag: &ir.tags[t].id,
                },
            )
        } else {
            (MessageKind::Public, ResponseReason::General)
        };
        (personal, mode, reason)
    }

    fn tag_hit(&self, t: usize, hit: &Hit) -> TagHit<'_> {
        let rule = if hit.pattern {
            Rule::Pattern {
                pattern: self.keyword(hit),
            }
        } else {
            Rule::Keyword {
                keyword: self.keyword(hit),
                lang: self.matcher.language(hit.lang),
            }
        };
        TagHit {
            tag: &self.ir.tags[t].id,
            rule,
            start: hit.start,
            end: hit.end,
        }
    }

    /// The message's language: its own field, else its channel's, else
    /// identified among the playbook's languages (with the languages of
    /// the keywords that matched as evidence), else the default.
    fn language(
        &self,
        message: &Message,
        keyword_langs: &[usize],
    ) -> (String, LanguageSource, Option<Identified>) {
        if let Some(l) = &message.lang {
            return (l.clone(), LanguageSource::Message, None);
        }
        if let Some(Some(l)) = self.channel_language.get(&message.channel) {
            return (l.clone(), LanguageSource::Channel, None);
        }
        if let Some((i, how)) = self.languages.identify(&message.text, keyword_langs)
            && let Some(code) = self.ir.languages.get(i)
        {
            return (code.clone(), LanguageSource::Detected, Some(how));
        }
        (
            self.ir.default_language.clone(),
            LanguageSource::Default,
            None,
        )
    }

    /// Whether someone who speaks `lang` is on shift at `at` in `team` or a
    /// team it hands over to.
    pub fn staffed(&self, team: &str, lang: &str, at: Timestamp) -> bool {
        match self.ir.teams.iter().position(|t| t.id == team) {
            Some(t) => !matches!(self.coverage(t, lang, at), Coverage::Uncovered),
            None => false,
        }
    }

    /// Who covers team `t`'s queue at `at` for language `lang`.
    fn coverage(&self, t: usize, lang: &str, at: Timestamp) -> Coverage<'_> {
        let ir = &self.ir;
        let Some(lang) = self.index.language(lang) else {
            return Coverage::Uncovered;
        };
        let home = &self.index.teams[t];
        for (team, cover) in std::iter::once((t, home))
            .chain(home.handover.iter().map(|&h| (h, &self.index.teams[h])))
        {
            for (rota, shift, langs) in &cover.rota {
                if !langs.contains(&lang) {
                    continue;
                }
                if shift.is_some_and(|s| self.index.shifts[s].covers(at, &cover.holidays)) {
                    let shift = ir.teams[team].rota[*rota].shift.as_str();
                    return if team == t {
                        Coverage::OnShift {
                            team: &ir.teams[team].id,
                            shift,
                        }
                    } else {
                        Coverage::Handover {
                            team: &ir.teams[team].id,
                            shift,
                            from: &ir.teams[t].id,
                        }
                    };
                }
            }
        }
        Coverage::Uncovered
    }

    /// The rungs of a chain (following `then`), each with its time from
    /// arrival; deadlines are filled in by the caller.
    fn escalation(&self, chain: Option<usize>) -> Vec<(RungDue<'_>, u64)> {
        let Some(chain) = chain else {
            return Vec::new();
        };
        self.index.chain_rungs[chain]
            .iter()
            .map(|r| {
                let chain = &self.ir.chains[r.chain];
                let rung = &chain.rungs[r.rung];
                (
                    RungDue {
                        chain: &chain.id,
                        due: None,
                        automated: rung.automated,
                        role: rung.role.as_deref(),
                        team: rung.team.as_deref(),
                    },
                    r.after,
                )
            })
            .collect()
    }

    fn macros(
        &self,
        tags: &[usize],
        channel: &str,
        mode: MessageKind,
        lang: &str,
    ) -> Vec<MacroSuggestion<'_>> {
        let ir = &self.ir;
        let mut wanted: Vec<usize> = tags
            .iter()
            .flat_map(|&t| self.index.tag_macros[t].iter().copied())
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        wanted
            .into_iter()
            .map(|i| &ir.macros[i])
            .filter(|m| m.channels.is_empty() || m.channels.iter().any(|c| c == channel))
            .filter(|m| m.kinds.is_empty() || m.kinds.contains(&mode))
            .map(|m| MacroSuggestion {
                id: &m.id,
                lang: m
                    .languages
                    .iter()
                    .find(|l| *l == lang)
                    .or_else(|| m.languages.iter().find(|l| **l == ir.default_language))
                    .or(m.languages.first())
                    .map_or("", String::as_str),
            })
            .collect()
    }
}

/// The language identifier, knowing the words of each language that the
/// playbook's examples use.
fn languages(ir: &Ir) -> LanguageId {
    let mut id = LanguageId::new(&ir.languages);
    if let Some(learning) = &ir.learning {
        id.learn(
            learning
                .examples
                .iter()
                .filter_map(|e| Some((e.text.as_str(), e.lang.as_deref()?))),
        );
    }
    id
}

/// Whether a tag applies on the message's channel and kind (an empty list
/// allows every one).
fn applies(tag: &crate::ir::IrTag, message: &Message) -> bool {
    (tag.channels.is_empty() || tag.channels.contains(&message.channel))
        && (tag.kinds.is_empty() || tag.kinds.contains(&message.kind))
}

/// A compiled route's conditions as the rule the routing checks share:
/// an empty tag list takes every tag; unknown tag ids (which
/// `check_references` rejects) take nothing.
fn route_rule(route: &IrRoute, tag_index: &BTreeMap<String, usize>) -> RouteRule {
    let tags = (!route.tags.is_empty()).then(|| {
        route
            .tags
            .iter()
            .filter_map(|t| tag_index.get(t).copied())
            .collect()
    });
    RouteRule::new(
        tags,
        route.untagged,
        route.severities.clone(),
        route.audience.clone(),
        route.languages.clone(),
    )
}

/// Byte spans in order of their start, asked whether any overlaps a range
/// in logarithmic time: each span's end is kept as the furthest end so far.
#[derive(Debug, Default)]
struct Spans {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Spans {
    /// Adds a span; spans must come in order of their start.
    fn push(&mut self, start: usize, end: usize) {
        let reach = self.reach.last().map_or(end, |&r| r.max(end));
        self.starts.push(start);
        self.reach.push(reach);
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.starts.partition_point(|&s| s < end);
        before > 0 && self.reach[before - 1] > start
    }
}

/// What the tag phase found, for the phases after it.
struct Tagging<'a> {
    tags: Vec<TagHit<'a>>,
    /// The tags' indices, in the order of `tags`.
    tag_ids: Vec<usize>,
    without_context: Vec<TagHit<'a>>,
    doubted: Vec<Doubted<'a>>,
    exclusions: Vec<ExclusionHit<'a>>,
    /// An emergency boost keyword is in the text.
    emergency: bool,
    /// The languages of the keywords that matched, for identification.
    evidence: Vec<usize>,
    /// The incident mode, when its trigger is in the text.
    incident: Option<usize>,
}

/// Who wrote the message, as the boosts and routes see it.
struct Author {
    vip: bool,
    influencer: bool,
    audience: Audience,
}

impl Author {
    fn of(message: &Message, ir: &Ir) -> Author {
        let followers = message.author.as_ref().map_or(0, |a| a.followers);
        let vip = message.author.as_ref().is_some_and(|a| a.vip);
        let min_followers = ir.boosts.influencer_min_followers;
        Author {
            vip,
            influencer: Audience::is_influencer(followers, min_followers),
            audience: Audience::of_author(vip, followers, min_followers),
        }
    }
}

/// Where the message goes.
struct Placement<'a> {
    /// The route's index and the route.
    route: Option<(usize, &'a IrRoute)>,
    /// The queue's index.
    queue: Option<usize>,
    team: Option<&'a str>,
    coverage: Coverage<'a>,
}

/// When it is due, on which clock, and who it escalates to.
struct Deadlines<'a> {
    first_response: Option<Timestamp>,
    resolution: Option<Timestamp>,
    clock: Clock<'a>,
    escalation: Vec<RungDue<'a>>,
}
