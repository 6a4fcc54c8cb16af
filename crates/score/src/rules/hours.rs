//! Annual hours (X3, C3, D2): met at the full target; on track when at least the target
//! pro-rated to the as-of date, `T × elapsed_days(D) ÷ days_in_year(Y)`; otherwise behind;
//! not met once the year is over (as-of = 31 December).

use crate::result::{Detail, InputField, Rows, ShortVolunteer, Status, Unit, MISSING_CAP};
use crate::rules::{capped, days_left_text, needs, Cx, View};
use crate::scope::in_view;
use crate::snapshot::{HoursSource, Person};
use scorecard_model::phrasing::fmt_pct;
use scorecard_model::phrasing::sentences::{hours as fmt_hours, hours_up, hours_up_value};
use scorecard_model::profile::{Group, Share};

/// Float sums of hours (2.5 + 0.1 …) carry noise; a total within this of the target has reached it.
const EPS: f64 = 1e-6;

fn prorated(cx: &Cx, t: f64) -> f64 {
    t * f64::from(cx.snap.elapsed) / f64::from(cx.snap.days_in_year)
}

/// [`Detail::prorated_text`]: the pro-rated hours `pro` of the annual `t`, per head
/// (`each`: false, X3) or for each person (C3, D2), and the share of the year elapsed.
fn prorated_words(cx: &Cx, t: f64, pro: f64, each: bool) -> (String, String) {
    let share = fmt_pct(f64::from(cx.snap.elapsed) / f64::from(cx.snap.days_in_year));
    let (who_zh, who_en) = if each { ("每人", "each") } else { ("人均", "per head") };
    (
        format!("{who_zh} {} 小时（全年 {} 小时的 {share}）", fmt_hours(pro), fmt_hours(t)),
        format!("{} h {who_en} ({share} of the year's {} h)", fmt_hours(pro), fmt_hours(t)),
    )
}

fn hours_status(full: bool, on_pace: bool, year_ended: bool) -> Status {
    if full {
        Status::Met
    } else if year_ended {
        Status::NotMet
    } else if on_pace {
        Status::OnTrack
    } else {
        Status::Behind
    }
}

/// Total hours ÷ registered ≥ `t` (X3).
pub(super) fn hours_per_head(cx: &Cx, view: View, t: f64) -> Detail {
    if !cx.snap.has_roster {
        return needs(InputField::Roster, Unit::Hours);
    }
    if cx.snap.source == HoursSource::Missing {
        return needs(InputField::ServiceHours, Unit::Hours);
    }
    let people: Vec<&Person> = cx.snap.registered.iter().filter(|p| in_view(p.place, view)).collect();
    if people.is_empty() {
        return needs(InputField::Roster, Unit::Hours);
    }
    let n = people.len() as f64;
    let total: f64 = people.iter().map(|p| p.hours).sum();
    let pro = prorated(cx, t);
    let full_gap = t * n - total;
    let pro_gap = pro * n - total;
    let status = hours_status(full_gap <= EPS, pro_gap <= EPS, cx.snap.year_ended);
    let (left_zh, left_en) = days_left_text(cx.snap);
    let (gap, gap_en) = match status {
        Status::Met => (None, None),
        Status::OnTrack => (
            Some(format!("全年还需 {} 小时{left_zh}，目前符合时间进度", hours_up(full_gap))),
            Some(format!("{} more hours needed this year{left_en}; on pace so far", hours_up(full_gap))),
        ),
        Status::Behind => (
            Some(format!("按时间进度还差 {} 小时；全年还需 {} 小时{left_zh}", hours_up(pro_gap), hours_up(full_gap))),
            Some(format!(
                "{} hours behind the pro-rated target; {} more hours needed this year{left_en}",
                hours_up(pro_gap),
                hours_up(full_gap)
            )),
        ),
        _ => (
            Some(format!("还需 {} 小时（全年人均 {} 小时）", hours_up(full_gap), fmt_hours(t))),
            Some(format!("{} more hours were needed ({} h per head)", hours_up(full_gap), fmt_hours(t))),
        ),
    };
    let (pro_zh, pro_en) = prorated_words(cx, t, pro, false);
    let rows = match cx.snap.source {
        HoursSource::Records => cx.snap.records.rows(view),
        _ => Rows::from_iter(people.iter().filter(|p| p.active()).map(|p| p.at)),
    };
    Detail {
        status,
        unit: Unit::Hours,
        value: Some(total / n),
        target: Some(t),
        prorated_target: Some(pro),
        prorated_text: Some(pro_zh),
        prorated_text_en: Some(pro_en),
        numerator: Some(total),
        denominator: Some(n),
        gap,
        gap_en,
        days_left: (!cx.snap.year_ended).then_some(cx.snap.days_left),
        rows,
        ..Detail::default()
    }
}

/// Share of a group with ≥ `t` hours each ≥ `min` (C3: every volunteer 20 h; D2: every
/// party member 25 h). Lists those short: the ones below the pro-rated hours first.
pub(super) fn heads_reaching_hours(cx: &Cx, view: View, t: f64, min: Share, group: Group) -> Detail {
    if !cx.snap.has_roster {
        return needs(InputField::Roster, Unit::Ratio);
    }
    if cx.snap.source == HoursSource::Missing {
        return needs(InputField::ServiceHours, Unit::Ratio);
    }
    let people: Vec<&Person> = cx
        .snap
        .registered
        .iter()
        .filter(|p| in_view(p.place, view) && (group == Group::Registered || p.party))
        .collect();
    if people.is_empty() {
        return match group {
            Group::Registered => needs(InputField::Roster, Unit::Ratio),
            Group::PartyMembers => needs(InputField::PartyMembers, Unit::Ratio),
        };
    }
    let n = people.len() as u64;
    let pro = prorated(cx, t);
    let full = people.iter().filter(|p| p.hours + EPS >= t).count() as u64;
    let on_pace = people.iter().filter(|p| p.hours + EPS >= pro).count() as u64;
    let status = hours_status(min.reached(full, n), min.reached(on_pace, n), cx.snap.year_ended);
    let mut short: Vec<ShortVolunteer> = people
        .iter()
        .filter(|p| p.hours + EPS < t)
        .map(|p| {
            let v = cx.tables.volunteers.get(p.vol);
            ShortVolunteer {
                name: v.map(|v| cx.tables.so(v.name.or(v.number)).to_string()).unwrap_or_default(),
                station: v.map(|v| cx.tables.so(v.station).to_string()).unwrap_or_default(),
                hours: p.hours,
                needed: hours_up_value(t - p.hours),
                behind: p.hours + EPS < pro,
                at: p.at,
            }
        })
        .collect();
    scorecard_model::sort::sort_by(&mut short, |a, b| b.behind.cmp(&a.behind).then(a.hours.total_cmp(&b.hours)));
    let behind_n = short.iter().filter(|s| s.behind).count();
    let names: Vec<String> = short
        .iter()
        .map(|s| {
            format!(
                "{}（{}，{} 小时）",
                s.name,
                if s.station.is_empty() { "—" } else { &s.station },
                fmt_hours(s.hours)
            )
        })
        .collect();
    let short_n = short.len();
    short.truncate(MISSING_CAP);
    let (missing, missing_total) = capped(names);
    let who_zh = match group {
        Group::Registered => "名志愿者",
        Group::PartyMembers => "名党员",
    };
    let who_en = match group {
        Group::Registered => "volunteers",
        Group::PartyMembers => "party members",
    };
    let (left_zh, left_en) = days_left_text(cx.snap);
    let (gap, gap_en) = if status == Status::Met {
        (None, None)
    } else if cx.snap.year_ended {
        (
            Some(format!("有 {short_n} {who_zh}全年不足 {} 小时", fmt_hours(t))),
            Some(format!("{short_n} {who_en} ended the year below {} h", fmt_hours(t))),
        )
    } else {
        (
            Some(format!(
                "有 {short_n} {who_zh}尚未达到 {} 小时，其中 {behind_n} 人低于时间进度（{} 小时）{left_zh}",
                fmt_hours(t),
                fmt_hours(pro)
            )),
            Some(format!(
                "{short_n} {who_en} below {} h, {behind_n} of them below the pro-rated {} h{left_en}",
                fmt_hours(t),
                fmt_hours(pro)
            )),
        )
    };
    let (pro_zh, pro_en) = prorated_words(cx, t, pro, true);
    Detail {
        status,
        unit: Unit::Ratio,
        value: Some(full as f64 / n as f64),
        target: Some(min.fraction()),
        prorated_target: Some(pro),
        prorated_text: Some(pro_zh),
        prorated_text_en: Some(pro_en),
        numerator: Some(full as f64),
        denominator: Some(n as f64),
        gap,
        gap_en,
        days_left: (!cx.snap.year_ended).then_some(cx.snap.days_left),
        missing,
        missing_total,
        short,
        rows: Rows::from_iter(people.iter().map(|p| p.at)),
        ..Detail::default()
    }
}
