//! The routing checks and the router agree on every message class.
//!
//! CB305, CB306 and CB307 (and the classes coverage, CB310, and the
//! first-human check walk) come from the route table the checks build over
//! the playbook; `simulate` routes with the router built over the compiled
//! playbook. Both ask the same rule (`model::RouteRule`). These properties
//! hold them to it on the bundled playbook with generated routing
//! matrices, tag hierarchies, severities, owning teams and influencer
//! boosts:
//!
//! - the table looks at the audiences `decide` gives some author, and for
//!   every class of those (deciding tag or none, audience, language) the
//!   route it paints is the route `Router::route_index` picks; a route it
//!   finds unreachable or shadowed is never picked;
//! - CB306/CB307 name exactly the routes the router never picks for a
//!   message any author can write, and CB305 exactly the tags that need a
//!   reply, have no owning team, and reach no route for such a message;
//! - a message decided in full takes the route the table gives the class
//!   the decision reports.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use carebook::check::{Context, Ids, RouteTable, TagFacts};
use carebook::diagnostic::Code;
use carebook::ir::Ir;
use carebook::load::{At, Playbook};
use carebook::model::{
    Audience, Author, Disposition, Id, InfluencerBoost, Lang, MessageKind, Route, RouteCondition,
};
use carebook::router::{DecideOptions, Message, Router};
use carebook::source::Sources;
use proptest::prelude::*;
use proptest::sample::{Index, subsequence};

const UNTAGGED: usize = RouteTable::UNTAGGED;

/// The bundled playbook, with the sources its diagnostics point into.
fn bundled() -> &'static (Playbook, Sources) {
    static PB: OnceLock<(Playbook, Sources)> = OnceLock::new();
    PB.get_or_init(|| {
        let loaded = carebook::load::load(
            &crate::common::root().join("playbooks"),
            &Default::default(),
        )
        .expect("the bundled playbook loads");
        let pb = loaded.playbook.expect("the bundled playbook parses");
        (pb, loaded.sources)
    })
}

fn base() -> &'static Playbook {
    &bundled().0
}

/// A generated route, by index into the bundled playbook's lists.
#[derive(Debug, Clone)]
struct GenRoute {
    tags: Vec<usize>,
    severities: Vec<usize>,
    audience: Vec<usize>,
    languages: Vec<usize>,
    queue: usize,
}

/// What a case changes in the bundled playbook.
#[derive(Debug, Clone)]
struct Case {
    routes: Vec<GenRoute>,
    /// A new tag hierarchy: tags in this order, each with a parent
    /// earlier in it (so no cycle), or `None` to keep the bundled one.
    hierarchy: Option<(Vec<usize>, Vec<Option<Index>>)>,
    /// Per tag: keep its severity (`None`), drop it (`Some(None)`: the
    /// tag inherits, and a root tag has none), or set one.
    severities: Vec<Option<Option<usize>>>,
    /// Per tag: drop its owning team (it inherits, or has none).
    drop_team: Vec<bool>,
    /// Keep the influencer boost (`None`), drop it (`Some(None)`), or
    /// set its follower threshold.
    influencer: Option<Option<u64>>,
    /// Messages to decide in full: (tag whose keyword is the text, or
    /// none; author: 0 none, 1 VIP, 2 many followers; language).
    messages: Vec<(Option<usize>, usize, usize)>,
}

fn case() -> impl Strategy<Value = Case> {
    let pb = base();
    let (tags, sevs, langs, queues) = (
        pb.tags.len(),
        pb.severities.len(),
        pb.languages.len(),
        pb.queues.len(),
    );
    let route = (
        subsequence((0..tags).collect::<Vec<_>>(), 0..=3),
        subsequence((0..sevs).collect::<Vec<_>>(), 0..=2),
        subsequence((0..Audience::ALL.len()).collect::<Vec<_>>(), 0..=2),
        subsequence((0..langs).collect::<Vec<_>>(), 0..=2),
        0..queues,
    )
        .prop_map(|(tags, severities, audience, languages, queue)| GenRoute {
            tags,
            severities,
            audience,
            languages,
            queue,
        });
    let hierarchy = proptest::option::of((
        Just((0..tags).collect::<Vec<_>>()).prop_shuffle(),
        proptest::collection::vec(proptest::option::weighted(0.6, any::<Index>()), tags),
    ));
    let severity = prop_oneof![
        4 => Just(None),
        1 => Just(Some(None)),
        1 => (0..sevs).prop_map(|s| Some(Some(s))),
    ];
    let influencer = prop_oneof![
        Just(None),
        Just(Some(None)),
        prop_oneof![Just(0u64), Just(1), Just(50_000)].prop_map(|m| Some(Some(m))),
    ];
    let message = (
        proptest::option::weighted(0.9, 0..tags),
        0..3usize,
        0..langs,
    );
    (
        proptest::collection::vec(route, 0..12),
        hierarchy,
        proptest::collection::vec(severity, tags),
        proptest::collection::vec(proptest::bool::weighted(0.3), tags),
        influencer,
        proptest::collection::vec(message, 0..16),
    )
        .prop_map(
            |(routes, hierarchy, severities, drop_team, influencer, messages)| Case {
                routes,
                hierarchy,
                severities,
                drop_team,
                influencer,
                messages,
            },
        )
}

/// The bundled playbook with the case's changes.
fn playbook(case: &Case) -> Playbook {
    let base = base();
    let mut pb = base.clone();
    let loc = base.routes[0].loc.clone();
    pb.routes = case
        .routes
        .iter()
        .enumerate()
        .map(|(i, r)| At {
            value: Route {
                id: Id(format!("r{i}")),
                when: RouteCondition {
                    tags: r.tags.iter().map(|&t| base.tags[t].id.clone()).collect(),
                    severities: r
                        .severities
                        .iter()
                        .map(|&s| base.severities[s].id.clone())
                        .collect(),
                    audience: r.audience.iter().map(|&a| Audience::ALL[a]).collect(),
                    languages: r
                        .languages
                        .iter()
                        .map(|&l| Lang(base.languages[l].code.0.clone()))
                        .collect(),
                },
                queue: base.queues[r.queue].id.clone(),
                escalation: None,
            },
            loc: loc.clone(),
        })
        .collect();
    if let Some((order, parents)) = &case.hierarchy {
        for (k, &t) in order.iter().enumerate() {
            let parent = parents[t].filter(|_| k > 0).map(|p| order[p.index(k)]);
            pb.tags[t].value.parent = parent.map(|p| base.tags[p].id.clone());
        }
    }
    for (t, change) in case.severities.iter().enumerate() {
        if let Some(s) = change {
            pb.tags[t].value.severity = s.map(|s| base.severities[s].id.clone());
        }
    }
    for (t, &drop) in case.drop_team.iter().enumerate() {
        if drop {
            pb.tags[t].value.team = None;
        }
    }
    if let Some(change) = case.influencer {
        let boosts = &mut pb.boosts[0].value;
        boosts.influencer = change.map(|min_followers| InfluencerBoost {
            min_followers,
            raise: 1,
        });
    }
    pb
}

/// The compiled playbook without its keywords: routing by class needs
/// none, and the router builds ten times faster without them.
fn without_keywords(mut ir: Ir) -> Ir {
    for t in &mut ir.tags {
        t.keywords.clear();
        t.patterns.clear();
        t.exclude.clear();
        t.context.clear();
    }
    ir.boosts.emergency_keywords.clear();
    for i in &mut ir.incidents {
        i.triggers.clear();
    }
    ir
}

fn author(kind: usize) -> Option<Author> {
    match kind {
        0 => None,
        1 => Some(Author {
            handle: None,
            followers: 0,
            vip: true,
        }),
        _ => Some(Author {
            handle: None,
            followers: u64::MAX,
            vip: false,
        }),
    }
}

fn message(text: String, lang: &str, author: Option<Author>) -> Message {
    Message {
        id: "m".into(),
        channel: "x".into(),
        kind: MessageKind::Public,
        text,
        received_at: "2026-02-10T10:00:00Z".parse().unwrap(),
        lang: Some(lang.to_string()),
        author,
    }
}

/// The audiences the router gives some author: asked of `decide` for
/// no author, a VIP, and a non-VIP with the most followers there are.
fn audiences(router: &Router, lang: &str) -> BTreeSet<usize> {
    (0..3)
        .map(|kind| {
            let d = router.decide(
                &message("see you soon".into(), lang, author(kind)),
                &DecideOptions::default(),
            );
            Audience::ALL.iter().position(|&a| a == d.audience).unwrap()
        })
        .collect()
}

/// Every class, as (tag or `UNTAGGED`, audience, language) indices.
fn classes(table: &RouteTable) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let tags = (0..table.tags).chain([UNTAGGED]);
    tags.flat_map(move |t| {
        (0..Audience::ALL.len())
            .flat_map(move |a| (0..table.languages.len()).map(move |l| (t, a, l)))
    })
}

/// The router's route for a class, as `decide` asks `route_index`.
fn routed(router: &Router, table: &RouteTable, (t, a, l): (usize, usize, usize)) -> Option<usize> {
    let tag = (t != UNTAGGED).then_some(t);
    router.route_index(tag, Audience::ALL[a], &table.languages[l])
}

/// The id a CB305, CB306 or CB307 message names first.
fn named(message: &str) -> &str {
    message.split('`').nth(1).unwrap_or("")
}

/// The checks and the router on one playbook; the first disagreement.
fn disagreement(pb: &Playbook, sources: &Sources) -> Result<(), String> {
    let facts = TagFacts::new(&pb.tags, &pb.severities);
    let table = RouteTable::for_playbook(pb, &facts);
    let router = Router::new(&without_keywords(carebook::ir::lower(pb)))
        .expect("the router takes the compiled playbook");
    let name = |r: Option<usize>| r.map_or("(none)".to_string(), |r| pb.routes[r].id.0.clone());
    let class = |(t, a, l): (usize, usize, usize)| {
        format!(
            "tag {}, {} author, `{}`",
            if t == UNTAGGED {
                "(none)"
            } else {
                &facts.ids[t]
            },
            Audience::ALL[a].as_str(),
            table.languages[l]
        )
    };

    // The audiences the table paints are those the router gives authors.
    let possible = audiences(&router, &table.languages[0]);
    let painted: BTreeSet<usize> = (0..Audience::ALL.len())
        .filter(|&a| table.audiences[a])
        .collect();
    if painted != possible {
        return Err(format!(
            "the checks look at audiences {painted:?}, the router gives authors {possible:?}"
        ));
    }

    // Every class some message can have: the table's winner is the
    // router's route.
    for c in classes(&table).filter(|(_, a, _)| possible.contains(a)) {
        let (t, a, l) = c;
        let checks = table.winner(t, a, l);
        let router_picks = routed(&router, &table, c);
        if checks != router_picks {
            return Err(format!(
                "{}: the checks say route {}, the router picks {}",
                class(c),
                name(checks),
                name(router_picks)
            ));
        }
        if let Some(r) = router_picks
            && (!table.reachable[r] || table.won_by(r).all(|w| w != c))
        {
            return Err(format!(
                "{}: the router picks {}, which the checks say {}",
                class(c),
                name(router_picks),
                if table.reachable[r] {
                    "does not win it"
                } else {
                    "is unreachable"
                }
            ));
        }
    }

    // What the checks report, against what messages some author can
    // write get from the router.
    let mut picked = vec![false; pb.routes.len()];
    let mut unrouted = vec![false; table.tags];
    for c in classes(&table).filter(|(_, a, _)| possible.contains(a)) {
        match routed(&router, &table, c) {
            Some(r) => picked[r] = true,
            None if c.0 != UNTAGGED => unrouted[c.0] = true,
            None => {}
        }
    }
    let mut cx = Context {
        pb,
        sources,
        ids: Ids::default(),
        out: Vec::new(),
    };
    table.check(&mut cx, &facts);
    let reported = |codes: &[Code]| -> BTreeSet<&str> {
        cx.out
            .iter()
            .filter(|d| codes.contains(&d.code))
            .map(|d| named(&d.message))
            .collect()
    };
    let never_fire = reported(&[Code::RouteShadowed, Code::RouteUnreachable]);
    for (r, route) in pb.routes.iter().enumerate() {
        if never_fire.contains(route.id.as_str()) == picked[r] {
            return Err(format!(
                "route {}: the checks say it {}, the router {} for a message some author can write",
                route.id,
                if picked[r] { "never fires" } else { "can fire" },
                if picked[r] {
                    "picks it"
                } else {
                    "never picks it"
                },
            ));
        }
    }
    let no_queue = reported(&[Code::ReplyTagUnrouted]);
    for (t, &unrouted) in unrouted.iter().enumerate() {
        let owes = facts.disposition[t] == Disposition::Reply && facts.team[t].is_none();
        if no_queue.contains(facts.ids[t].as_str()) != (owes && unrouted) {
            return Err(format!(
                "tag {}: CB305 {}, but it {} a team and the router has {} for a message some author can write",
                facts.ids[t],
                if no_queue.contains(facts.ids[t].as_str()) {
                    "says it reaches no queue"
                } else {
                    "is silent"
                },
                if facts.team[t].is_some() {
                    "has"
                } else {
                    "has no"
                },
                if unrouted { "no route" } else { "a route" },
            ));
        }
    }
    Ok(())
}

/// Messages decided in full take the route the table gives the class
/// each decision reports.
fn decided_agrees(pb: &Playbook, messages: &[(Option<usize>, usize, usize)]) -> Result<(), String> {
    let facts = TagFacts::new(&pb.tags, &pb.severities);
    let table = RouteTable::for_playbook(pb, &facts);
    let router =
        Router::new(&carebook::ir::lower(pb)).expect("the router takes the compiled playbook");
    let ir = router.ir();
    for &(tag, kind, lang) in messages {
        let text = match tag {
            Some(t) => match ir.tags[t].keywords.first() {
                Some(k) => k.text.clone(),
                None => continue,
            },
            None => "see you soon".to_string(),
        };
        let m = message(text, &table.languages[lang], author(kind));
        let d = router.decide(&m, &DecideOptions::default());
        let t = d.deciding_tag.map_or(UNTAGGED, |id| facts.index[id]);
        let a = Audience::ALL.iter().position(|&a| a == d.audience).unwrap();
        let l = table.languages.iter().position(|x| *x == d.language);
        let l = l.expect("a language of the playbook");
        let checks = table.winner(t, a, l).map(|r| pb.routes[r].id.as_str());
        if d.route != checks {
            return Err(format!(
                "{:?} decided as tag {:?}, {:?} author, `{}`: route {:?}, the checks say {:?}",
                m.text, d.deciding_tag, d.audience, d.language, d.route, checks
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn checks_and_router_agree_on_every_class(case in case()) {
        let pb = playbook(&case);
        disagreement(&pb, &bundled().1).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    // The full router (its keyword automaton) is built for each case.
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn decided_messages_take_the_route_of_their_class(case in case()) {
        let pb = playbook(&case);
        decided_agrees(&pb, &case.messages).map_err(TestCaseError::fail)?;
    }
}

/// The bundled playbook's own routing matrix, unchanged.
#[test]
fn bundled_routing_matrix_agrees() {
    disagreement(base(), &bundled().1).unwrap();
    let messages: Vec<_> = (0..base().tags.len())
        .map(Some)
        .chain([None])
        .flat_map(|t| (0..3).map(move |a| (t, a, a % base().languages.len())))
        .collect();
    decided_agrees(base(), &messages).unwrap();
}

/// A fixture of `tests/fixtures` over the base playbook: its diagnostics
/// (code and message) and its router, built from the playbook as it is.
fn fixture(name: &str) -> (Vec<(Code, String)>, Router) {
    let tmp = crate::common::playbook_from(Some(&crate::common::fixtures().join(name)));
    let validated =
        carebook::validate(&tmp.path().join("pb"), &Default::default()).expect("the fixture loads");
    let pb = validated.playbook.as_ref().expect("the fixture parses");
    disagreement(pb, &validated.sources).unwrap();
    let router = Router::new(&carebook::ir::lower(pb)).expect("the router takes the fixture");
    let found = validated
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect();
    (found, router)
}

/// The routes messages get from authors of every kind: none, a VIP, one
/// with a few followers and one with very many, each with a message that
/// matches no tag, an urgent tag and a normal one.
fn routes_taken(router: &Router) -> BTreeSet<String> {
    let authors = [None, author(1), author(2)]
        .into_iter()
        .chain([Some(Author {
            handle: None,
            followers: 12,
            vip: false,
        })]);
    let mut out = BTreeSet::new();
    for a in authors {
        for text in ["see you soon", "the app is down", "my parcel is late"] {
            let d = router.decide(
                &message(text.into(), "en", a.clone()),
                &DecideOptions::default(),
            );
            out.extend(d.route.map(String::from));
        }
    }
    out
}

fn strings(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Without an influencer boost no author is an influencer: a tag routed
/// for VIP and regular authors reaches a queue from every message, and
/// CB305 is silent (it used to ask for a route for influencer authors).
#[test]
fn without_an_influencer_boost_vip_and_regular_is_every_author() {
    let (found, router) = fixture("routes/vip-and-regular-authors");
    assert_eq!(found, vec![]);
    assert_eq!(routes_taken(&router), strings(&["people", "urgent-care"]));
}

/// ... and a catch-all after such a route never fires: CB306 says so (it
/// used to let the catch-all take influencer messages no author writes).
#[test]
fn without_an_influencer_boost_a_catch_all_after_vip_and_regular_is_shadowed() {
    let (found, router) = fixture("routes/catch-all-after-every-author");
    assert_eq!(
        found,
        vec![(
            Code::RouteShadowed,
            "route `everything-else` can never fire: `urgent-care`, `people` catch all its messages first"
                .to_string()
        )]
    );
    assert_eq!(routes_taken(&router), strings(&["people", "urgent-care"]));
}

/// A route only for influencers without an influencer boost takes no
/// message: CB307 (it used to pass as a route that wins classes).
#[test]
fn without_an_influencer_boost_an_influencer_route_matches_no_message() {
    let (found, router) = fixture("checks/CB307-route-for-no-author");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Code::RouteUnreachable);
    assert!(
        found[0]
            .1
            .starts_with("route `influencers` matches no message")
    );
    assert_eq!(
        routes_taken(&router),
        strings(&["everything-else", "urgent-care"])
    );
}

/// With `min_followers: 0` every author who is not a VIP is an
/// influencer: a route only for regular authors takes no message.
#[test]
fn with_min_followers_zero_a_regular_route_matches_no_message() {
    let (found, router) = fixture("routes/every-author-an-influencer");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Code::RouteUnreachable);
    assert!(
        found[0]
            .1
            .starts_with("route `regulars` matches no message")
    );
    assert_eq!(
        routes_taken(&router),
        strings(&["everything-else", "urgent-care"])
    );
}
