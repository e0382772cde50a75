//! Authority: escalations go to roles at least as empowered (CB303), and
//! compensation macros stay within the limits of the roles that send them
//! (CB304). Limits compare per currency, without exchange rates.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::{At, Loc};
use crate::model::Role;

/// The first currency where `to` has less authority than `from`: a lower
/// limit, or none at all.
fn shortfall(from: &Role, to: &Role) -> Option<(String, f64, Option<f64>)> {
    from.limits.iter().find_map(|(currency, &limit)| {
        let theirs = to.limits.get(currency).copied();
        match theirs {
            Some(t) if t >= limit => None,
            _ => Some((currency.0.clone(), limit, theirs)),
        }
    })
}

fn describe(currency: &str, limit: f64, theirs: Option<f64>) -> String {
    match theirs {
        Some(t) => format!(
            "{currency} {} against {currency} {}",
            amount(t),
            amount(limit)
        ),
        None => format!("no {currency} limit against {currency} {}", amount(limit)),
    }
}

pub fn amount(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

/// `what` names who escalates: a chain, or `None` for the role itself.
fn report(
    cx: &mut Context,
    from: &At<Role>,
    to: &At<Role>,
    at: Loc,
    earlier: Option<Loc>,
    what: Option<&str>,
) {
    let Some((currency, limit, theirs)) = shortfall(from, to) else {
        return;
    };
    let mut d = Diagnostic::new(
        Code::EscalationToLessAuthority,
        match what {
            Some(chain) => format!(
                "{chain} escalates from `{}` to `{}`, who has less authority: {}",
                from.id,
                to.id,
                describe(&currency, limit, theirs)
            ),
            None => format!(
                "role `{}` escalates to `{}`, who has less authority: {}",
                from.id,
                to.id,
                describe(&currency, limit, theirs)
            ),
        },
    )
    .at(cx
        .label(&at)
        .with_message(format!("`{}` cannot approve what `{}` can", to.id, from.id)));
    if let Some(e) = earlier {
        d = d.related(
            cx.label(&e)
                .with_message(format!("escalating from `{}`", from.id)),
        );
    }
    cx.push(d.help("escalate to a role whose limits cover the previous one's in every currency"));
}

pub fn check(cx: &mut Context) {
    let pb = cx.pb;
    for chain in &pb.chains {
        let mut previous: Option<(&At<Role>, Loc)> = None;
        for (i, rung) in chain.rungs.iter().enumerate() {
            let Some(role) = rung
                .role
                .as_ref()
                .and_then(|r| cx.ids.roles.get(r.as_str()).copied())
            else {
                continue;
            };
            let at = chain.loc.child(format!("rungs/{i}/role"));
            if let Some((from, earlier)) = &previous {
                report(
                    cx,
                    from,
                    role,
                    at.clone(),
                    Some(earlier.clone()),
                    Some(&format!("chain `{}`", chain.id)),
                );
            }
            previous = Some((role, at));
        }
    }
    for role in &pb.roles {
        if let Some(to) = role
            .escalates_to
            .as_ref()
            .and_then(|r| cx.ids.roles.get(r.as_str()).copied())
        {
            report(cx, role, to, role.loc.child("escalates_to"), None, None);
        }
    }

    for mac in &pb.macros {
        let Some(money) = &mac.compensation else {
            continue;
        };
        let offered: Vec<(&At<Role>, Loc)> = if mac.roles.is_empty() {
            pb.roles
                .iter()
                .map(|r| (r, mac.loc.child("compensation")))
                .collect()
        } else {
            mac.roles
                .iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    cx.ids
                        .roles
                        .get(r.as_str())
                        .map(|role| (*role, mac.loc.child(format!("roles/{i}"))))
                })
                .collect()
        };
        for (role, at) in offered {
            let limit = role.limits.get(&money.currency).copied();
            if limit.is_some_and(|l| l >= money.amount) {
                continue;
            }
            let limit_text = match limit {
                Some(l) => format!("a limit of {} {}", money.currency, amount(l)),
                None => format!("no {} limit", money.currency),
            };
            let comp = cx
                .label(&mac.loc.child("compensation/amount"))
                .with_message(format!(
                    "offers {} {}",
                    money.currency,
                    amount(money.amount)
                ));
            cx.push(
                Diagnostic::new(
                    Code::CompensationOverLimit,
                    format!(
                        "macro `{}` offers {} {} but role `{}` may send it with {limit_text}",
                        mac.id,
                        money.currency,
                        amount(money.amount),
                        role.id
                    ),
                )
                .at(cx.label(&at).with_message(format!("`{}` cannot give this much", role.id)))
                .related(comp)
                .help("list only roles whose limit covers the amount under `roles`, or lower the amount"),
            );
        }
    }
}
