//! Point-in-time ratios (X1, X2, C1, C2, D1, T3, T4): met / not met at the as-of date,
//! decided and the gap counted exactly in integers (see `profile::share`).

use crate::result::{Detail, InputField, Rows, Status, Unit};
use crate::rules::{needs, Cx, View};
use crate::scope::in_view;
use crate::snapshot::{HoursSource, Person};
use scorecard_model::context::UnitType;
use scorecard_model::phrasing::fmt_count;
use scorecard_model::phrasing::sentences::pct_short;
use scorecard_model::profile::{Denominator, Share, UnitTarget};

/// The context number a ratio divides by; `None` when missing or zero.
fn context_number(cx: &Cx, of: Denominator) -> Result<u64, InputField> {
    let (v, field) = match of {
        Denominator::Population => (cx.ctx.population, InputField::Population),
        Denominator::Staff => (cx.ctx.staff, InputField::Staff),
    };
    match v {
        Some(n) if n > 0 => Ok(n),
        _ => Err(field),
    }
}

fn registered<'a>(cx: &'a Cx, view: View) -> impl Iterator<Item = &'a Person> + 'a {
    cx.snap.registered.iter().filter(move |p| in_view(p.place, view))
}

/// The two figures of a ratio, for the sentence saying they cannot both be true.
#[derive(Clone, Copy)]
struct Figures {
    part_zh: &'static str,
    part_en: &'static str,
    whole_zh: &'static str,
    whole_en: &'static str,
    /// The field to check first.
    field: InputField,
    causes_zh: &'static str,
    causes_en: &'static str,
}

const ROSTER_CAUSES: (&str, &str) = (
    "可能是人数填错了、名册中混入了其他单位（镇、街道）的人员，或示例数据没有删除",
    "the figure may be typed wrong, the roster may hold another unit's people, or demo rows may be left in",
);

fn figures(of: Denominator, part_zh: &'static str, part_en: &'static str) -> Figures {
    let (whole_zh, whole_en, field) = match of {
        Denominator::Population => ("常住人口", "the resident population", InputField::Population),
        Denominator::Staff => ("职工总数", "the staff count", InputField::Staff),
    };
    Figures { part_zh, part_en, whole_zh, whole_en, field, causes_zh: ROSTER_CAUSES.0, causes_en: ROSTER_CAUSES.1 }
}

/// A share above 100 % (§4): the figures cannot both be true, so the indicator needs them
/// checked (需核对) and is never met.
fn impossible(part: u64, whole: u64, f: Figures, rows: Rows) -> Detail {
    let (p, w) = (fmt_count(part), fmt_count(whole));
    Detail {
        status: Status::NeedsInput,
        unit: Unit::Ratio,
        value: Some(part as f64 / whole as f64),
        numerator: Some(part as f64),
        denominator: Some(whole as f64),
        needs_input: Some(f.field),
        impossible: true,
        gap: Some(format!(
            "{}（{p}）多于{}（{w}），两个数不可能同时成立，请核对：{}。",
            f.part_zh, f.whole_zh, f.causes_zh
        )),
        gap_en: Some(format!(
            "{} ({p}) exceed {} ({w}); both cannot be true. Please check: {}.",
            f.part_en, f.whole_en, f.causes_en
        )),
        rows,
        ..Detail::default()
    }
}

/// A met / not-met ratio `part ÷ whole` against `min`, with the gap sentence for "how many
/// more `part`s"; a share above 100 % is [`impossible`].
fn ratio_detail(part: u64, whole: u64, min: Share, rows: Rows, zh: &str, en: (&str, &str), f: Figures) -> Detail {
    if part > whole {
        return impossible(part, whole, f, rows);
    }
    let value = part as f64 / whole as f64;
    let met = min.reached(part, whole);
    let n = min.shortfall(part, whole);
    let short = fmt_count(n);
    let en = if n == 1 { en.0 } else { en.1 };
    let (gap, gap_en) = if met {
        (None, None)
    } else {
        (
            Some(format!("{zh} {short} 人（目前 {}，目标 {}）", pct_short(value, min.fraction()), min.percent_text())),
            Some(format!("{short} {en} (now {}, target {})", pct_short(value, min.fraction()), min.percent_text())),
        )
    };
    Detail {
        status: if met { Status::Met } else { Status::NotMet },
        unit: Unit::Ratio,
        value: Some(value),
        target: Some(min.fraction()),
        numerator: Some(part as f64),
        denominator: Some(whole as f64),
        gap,
        gap_en,
        rows,
        ..Detail::default()
    }
}

/// Registered volunteers ÷ 常住人口 / 职工总数 (X1, C1, D1).
pub(super) fn registered_share(cx: &Cx, view: View, of: Denominator, min: Share) -> Detail {
    let whole = match context_number(cx, of) {
        Ok(n) => n,
        Err(field) => return needs(field, Unit::Ratio),
    };
    if !cx.snap.has_roster {
        return needs(InputField::Roster, Unit::Ratio);
    }
    let rows = Rows::from_iter(registered(cx, view).map(|p| p.at));
    let part = rows.total;
    ratio_detail(
        part,
        whole,
        min,
        rows,
        "还需新增注册志愿者",
        ("more registered volunteer needed", "more registered volunteers needed"),
        figures(of, "注册志愿者人数", "Registered volunteers"),
    )
}

/// The unit type: the context's, else the one every registered volunteer's 单位类型 cell
/// names (a unit's own roster), else unknown.
fn unit_type(cx: &Cx) -> Option<UnitType> {
    if let Some(t) = cx.ctx.unit_type {
        return Some(t);
    }
    let mut found: Option<UnitType> = None;
    for p in &cx.snap.registered {
        let v = cx.tables.volunteers.get(p.vol)?;
        let t = UnitType::parse(cx.tables.so(v.unit_type))?;
        match found {
            None => found = Some(t),
            Some(f) if f == t => {}
            Some(_) => return None,
        }
    }
    found
}

/// Registered ÷ headcount against the target of the unit's type (C2). A type the profile
/// has no target for needs the unit type corrected.
pub(super) fn unit_registered_share(cx: &Cx, view: View, targets: &[UnitTarget]) -> Detail {
    let Some(t) = unit_type(cx) else { return needs(InputField::UnitType, Unit::Ratio) };
    let Some(target) = targets.iter().find(|x| x.unit_type == t) else {
        let mut d = needs(InputField::UnitType, Unit::Ratio);
        d.gap = Some(format!("本方案没有「{}」的注册率目标，请核对单位类型。", t.label_zh()));
        d.gap_en = Some(format!("This profile has no target for \"{}\"; check the unit type.", t.label_en()));
        return d;
    };
    let mut d = registered_share(cx, view, target.of, target.min);
    if let (Some(g), Some(e)) = (&d.gap, &d.gap_en) {
        d.gap = Some(format!("{g}（{}目标）", t.label_zh()));
        d.gap_en = Some(format!("{e} ({} target)", t.label_en()));
    }
    d
}

/// Hours-based ratios need a roster and some source of hours.
fn need_roster_and_hours(cx: &Cx) -> Option<Detail> {
    if !cx.snap.has_roster {
        return Some(needs(InputField::Roster, Unit::Ratio));
    }
    if cx.snap.source == HoursSource::Missing {
        return Some(needs(InputField::ServiceHours, Unit::Ratio));
    }
    None
}

/// Registered volunteers with ≥ 1 record (hours > 0) ÷ registered (X2).
pub(super) fn record_share(cx: &Cx, view: View, min: Share) -> Detail {
    if let Some(d) = need_roster_and_hours(cx) {
        return d;
    }
    let whole = registered(cx, view).count() as u64;
    if whole == 0 {
        return needs(InputField::Roster, Unit::Ratio);
    }
    let rows = Rows::from_iter(registered(cx, view).filter(|p| p.active()).map(|p| p.at));
    let part = rows.total;
    ratio_detail(
        part,
        whole,
        min,
        rows,
        "还需有服务记录的注册志愿者",
        ("more registered volunteer needs a service record", "more registered volunteers need a service record"),
        figures(Denominator::Population, "有服务记录的志愿者", "Volunteers with records"),
    )
}

/// Party members with ≥ 1 record ÷ party members (T3).
///
/// Decision: the denominator is the context's 党员人数 when entered, because the document
/// counts all 在职党员, registered or not; otherwise the roster's party members (by 政治面貌).
/// The numerator is always the roster's party members with a record.
pub(super) fn party_record_share(cx: &Cx, view: View, min: Share) -> Detail {
    if let Some(d) = need_roster_and_hours(cx) {
        return d;
    }
    let members: Vec<&Person> = registered(cx, view).filter(|p| p.party).collect();
    let whole = match cx.ctx.party_members {
        Some(n) if n > 0 && view.is_none() => n,
        _ if cx.snap.has_political && !members.is_empty() => members.len() as u64,
        _ => return needs(InputField::PartyMembers, Unit::Ratio),
    };
    let rows = Rows::from_iter(members.iter().filter(|p| p.active()).map(|p| p.at));
    let part = rows.total;
    ratio_detail(
        part,
        whole,
        min,
        rows,
        "还需参加志愿服务的党员",
        ("more party member needs to take part", "more party members need to take part"),
        Figures {
            part_zh: "有服务记录的党员人数",
            part_en: "Party members with records",
            whole_zh: "党员人数",
            whole_en: "the number of party members",
            field: InputField::PartyMembers,
            causes_zh: "可能是党员人数填错了，或名册的政治面貌有误",
            causes_en: "the number of party members may be typed wrong, or the roster's political status may be wrong",
        },
    )
}

/// Distinct volunteers with ≥ 1 record ÷ 常住人口 (T4).
pub(super) fn participant_share(cx: &Cx, view: View, of: Denominator, min: Share) -> Detail {
    let whole = match context_number(cx, of) {
        Ok(n) => n,
        Err(field) => return needs(field, Unit::Ratio),
    };
    if cx.snap.source == HoursSource::Missing {
        return needs(InputField::ServiceHours, Unit::Ratio);
    }
    let rows = Rows::from_iter(cx.snap.participants.iter().filter(|(pl, _)| in_view(*pl, view)).map(|(_, at)| *at));
    let part = rows.total;
    ratio_detail(
        part,
        whole,
        min,
        rows,
        "还需参与志愿服务的群众",
        ("more resident needs to take part", "more residents need to take part"),
        figures(of, "参与志愿服务的人数", "People taking part"),
    )
}
