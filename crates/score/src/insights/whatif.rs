//! What-if for X1–X3: how many new registrations, volunteers with a record and hours per
//! month close each gap by year end, with the profile's own thresholds.
//!
//! Decision: new registrations raise X2's and X3's denominators, so besides the gaps at
//! today's registrations we give them "after closing X1" (the registrations needed by X1
//! also need records and hours).

use crate::result::InputField;
use crate::scope::{in_view, station_names, Placer};
use crate::snapshot::{HoursSource, Snapshot};
use chrono::NaiveDate;
use scorecard_model::context::Context;
use scorecard_model::model::Tables;
use scorecard_model::phrasing::fmt_count as count;
use scorecard_model::phrasing::sentences::hours_up;
use scorecard_model::profile::{Denominator, Profile, Rule, Share};
use serde::{Deserialize, Serialize};

/// The answers; `None` where the profile has no such rule or an input is missing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    pub registered: u64,
    pub active: u64,
    pub hours: f64,
    /// Months left in the year after the as-of date (fractional: days left × 12 ÷ days in year).
    pub months_left: f64,
    /// Days left in the year after the as-of date (what the page shows: "1.2 months" is
    /// nobody's unit).
    #[serde(default)]
    pub days_left: u32,
    /// X1: new registrations needed.
    pub registrations_needed: Option<u64>,
    /// X2: more registered volunteers with a record, at today's registrations …
    pub active_needed: Option<u64>,
    /// … and once X1's new registrations are in.
    pub active_needed_after_registrations: Option<u64>,
    /// X3: hours still needed by year end, at today's registrations …
    pub hours_needed: Option<f64>,
    /// … and once X1's new registrations are in.
    pub hours_needed_after_registrations: Option<f64>,
    /// Hours per month from now to year end (at today's / after X1's registrations).
    pub hours_per_month: Option<f64>,
    pub hours_per_month_after_registrations: Option<f64>,
    /// The plan in sentences (Chinese, English).
    pub plan: Vec<(String, String)>,
    pub needs_input: Vec<InputField>,
}

fn rules(profile: &Profile) -> impl Iterator<Item = &Rule> {
    profile.indicators.iter().flat_map(|i| match &i.rule {
        Rule::AllOf { parts } => parts.iter().map(|p| &p.rule).collect::<Vec<_>>(),
        r => vec![r],
    })
}

/// Hours still needed, as a pace the clerk can plan by: per month while a month or more is
/// left, per week under a month, per day under two weeks (a monthly figure above the whole
/// remainder, as "7,763 h a month" with 25 days left, would mislead). `None` when no day
/// is left.
pub fn rate(hours: f64, days_left: u32, days_in_year: u32) -> Option<(&'static str, &'static str, f64)> {
    let d = f64::from(days_left);
    match days_left {
        0 => None,
        1..=13 => Some(("每天", "a day", hours / d)),
        14..=30 => Some(("每周", "a week", hours * 7.0 / d)),
        _ => Some(("每月", "a month", hours * f64::from(days_in_year) / (12.0 * d))),
    }
}

pub fn what_if(profile: &Profile, ctx: &Context, tables: &Tables, today: NaiveDate) -> WhatIf {
    let placer = Placer::new(ctx, tables, &station_names(ctx, tables));
    let snap = Snapshot::build_quiet(tables, &placer, ctx.year, ctx.as_of(today));
    what_if_from(profile, ctx, &snap)
}

/// [`what_if`] from a snapshot built by the caller (its findings are not used).
pub fn what_if_from(profile: &Profile, ctx: &Context, snap: &Snapshot) -> WhatIf {
    let people: Vec<_> = snap.registered.iter().filter(|p| in_view(p.place, None)).collect();
    let days_in_year = snap.days_in_year;
    let mut w = WhatIf {
        registered: people.len() as u64,
        active: people.iter().filter(|p| p.active()).count() as u64,
        hours: people.iter().map(|p| p.hours).sum(),
        months_left: f64::from(snap.days_left) * 12.0 / f64::from(snap.days_in_year),
        days_left: snap.days_left,
        ..WhatIf::default()
    };
    if !snap.has_roster {
        w.needs_input.push(InputField::Roster);
        return w;
    }
    let x1 = rules(profile).find_map(|r| match r {
        Rule::RegisteredShare { of: Denominator::Population, min } => Some(*min),
        _ => None,
    });
    let x2 = rules(profile).find_map(|r| match r {
        Rule::RecordShare { min } => Some(*min),
        _ => None,
    });
    let x3 = rules(profile).find_map(|r| match r {
        Rule::HoursPerHead { hours } => Some(*hours),
        _ => None,
    });
    // Registrations after closing X1 (today's when X1 is absent or cannot be computed).
    let mut after = w.registered;
    if let Some(min) = x1 {
        match ctx.population.filter(|&p| p > 0) {
            Some(pop) => {
                let need = min.shortfall(w.registered, pop);
                w.registrations_needed = Some(need);
                after = w.registered + need;
                if need > 0 {
                    w.plan.push((
                        format!("新增注册志愿者 {} 人，注册率达到 {}", count(need), min.percent_text()),
                        format!("Register {} more volunteers to reach {}", count(need), min.percent_text()),
                    ));
                }
            }
            None => w.needs_input.push(InputField::Population),
        }
    }
    if snap.source == HoursSource::Missing && (x2.is_some() || x3.is_some()) {
        w.needs_input.push(InputField::ServiceHours);
        return w;
    }
    if let Some(min) = x2 {
        let share = |reg: u64, min: Share| min.shortfall(w.active, reg);
        w.active_needed = Some(share(w.registered, min));
        let a = share(after, min);
        w.active_needed_after_registrations = Some(a);
        // Once X1's registrations are in, the share is of more people: say so, or a met X2
        // would seem to need more records for no reason.
        if a > 0 && after > w.registered {
            w.plan.push((
                format!(
                    "注册人数增至 {} 人后，有记录率要达到 {}，需再让 {} 名志愿者参加服务（目前 {} 人有服务记录）",
                    count(after),
                    min.percent_text(),
                    count(a),
                    count(w.active)
                ),
                format!(
                    "Once registrations reach {}, get {} more volunteers to serve to reach a {} record share ({} have records now)",
                    count(after),
                    count(a),
                    min.percent_text(),
                    count(w.active)
                ),
            ));
        } else if a > 0 {
            w.plan.push((
                format!("让 {} 名尚无记录的志愿者参加服务，有记录率达到 {}", count(a), min.percent_text()),
                format!("Get {} more volunteers to serve to reach a {} record share", count(a), min.percent_text()),
            ));
        }
    }
    if let Some(t) = x3 {
        let need = |reg: u64| (t * reg as f64 - w.hours).max(0.0);
        let per_month = |h: f64| (w.months_left > 0.0).then(|| h / w.months_left);
        let (now, later) = (need(w.registered), need(after));
        w.hours_needed = Some(now);
        w.hours_needed_after_registrations = Some(later);
        w.hours_per_month = per_month(now);
        w.hours_per_month_after_registrations = per_month(later);
        // First X3's own gap, the same hours as its card (the volunteers registered by the
        // as-of date, their counted hours in the year up to it); then, when X1 adds
        // registrations, the larger total they bring, saying why it is larger (issue 28).
        let pace = |h: f64| rate(h, w.days_left, days_in_year);
        if now > 0.0 {
            let (of_zh, of_en) = (
                format!("按目前注册 {} 人、人均 {} 小时计，", count(w.registered), hours_up(t)),
                format!(" ({} registered now × {} h)", count(w.registered), hours_up(t)),
            );
            w.plan.push(match pace(now) {
                Some((per_zh, per_en, r)) => (
                    format!("{of_zh}到年底还需 {} 小时，约{per_zh} {} 小时", hours_up(now), hours_up(r)),
                    format!("{} more hours by year end{of_en}, about {} h {per_en}", hours_up(now), hours_up(r)),
                ),
                None => (
                    format!("年度已结束；{of_zh}全年还差 {} 小时", hours_up(now)),
                    format!("The year is over: {} hours short{of_en}", hours_up(now)),
                ),
            });
        }
        if later > now && after > w.registered {
            let added = after - w.registered;
            let (of_zh, of_en) = (
                format!(
                    "新增注册的 {} 人也计入人均后（共 {} 人、人均 {} 小时），",
                    count(added),
                    count(after),
                    hours_up(t)
                ),
                format!(
                    " once the {} new registrations count too ({} registered × {} h)",
                    count(added),
                    count(after),
                    hours_up(t)
                ),
            );
            w.plan.push(match pace(later) {
                Some((per_zh, per_en, r)) => (
                    format!("{of_zh}到年底共需 {} 小时，约{per_zh} {} 小时", hours_up(later), hours_up(r)),
                    format!("{} hours by year end{of_en}, about {} h {per_en}", hours_up(later), hours_up(r)),
                ),
                None => (
                    format!("年度已结束；{of_zh}全年共差 {} 小时", hours_up(later)),
                    format!("The year is over: {} hours short{of_en}", hours_up(later)),
                ),
            });
        }
    }
    w
}
