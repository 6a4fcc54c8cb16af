//! The rule functions, one file per family. Each takes the scoring context and a view
//! (the whole organisation, or one station) and returns a [`Detail`].
//!
//! Invariant: a rule never panics and never divides by zero: a missing denominator
//! returns `needs_input` naming the field (see [`needs`]).

mod checklist;
mod composite;
mod coverage;
mod holidays;
mod hours;
mod materials;
mod periodic;
mod ratio;

use crate::facts::Facts;
use crate::result::{
    Detail, IndicatorResult, InputField, Missing, MissingStation, StationResult, Status, Unit, MISSING_CAP,
};
use crate::snapshot::Snapshot;
use chrono::{Datelike, NaiveDate};
use scorecard_model::context::Context;
use scorecard_model::model::Tables;
use scorecard_model::profile::{Indicator, PeriodKind, Profile, Rule, Scope};

/// What every rule can look at.
pub(crate) struct Cx<'a> {
    pub tables: &'a Tables,
    pub ctx: &'a Context,
    pub profile: &'a Profile,
    pub facts: &'a Facts,
    pub snap: &'a Snapshot,
    /// 汇总报送: stations whose report file was refused or never came.
    pub missing: &'a [MissingStation],
}

/// The whole organisation (`None`) or one assessed station (its index).
pub(crate) type View = Option<usize>;

/// A result that cannot be computed until `field` is provided.
pub(crate) fn needs(field: InputField, unit: Unit) -> Detail {
    Detail {
        status: Status::NeedsInput,
        unit,
        needs_input: Some(field),
        gap: Some(format!("请先补充{}。", field.label_zh())),
        gap_en: Some(format!("Please provide the {} first.", field.label_en())),
        ..Detail::default()
    }
}

/// Caps a list for `missing`, keeping the full count.
pub(crate) fn capped(list: Vec<String>) -> (Missing, u64) {
    let total = list.len() as u64;
    let mut list = list;
    list.truncate(MISSING_CAP);
    (Missing::List(list), total)
}

/// Annual counts (themes, holidays, team kinds): met when reached; before year end in
/// progress; after year end (as-of = 31 December) not met.
pub(crate) fn annual_status(reached: bool, snap: &Snapshot) -> Status {
    if reached {
        Status::Met
    } else if snap.year_ended {
        Status::NotMet
    } else if in_last_month(NaiveDate::from_ymd_opt(snap.d.year(), 12, 31), snap.d) {
        Status::Behind
    } else {
        Status::InProgress
    }
}

/// §4: a period still short "in its last month" is at risk (落后). From the last day of the
/// month before its last month on: a month-end check (the monthly replay at 11-30) then
/// warns before the last month starts, not in it.
pub(crate) fn in_last_month(period_last: Option<NaiveDate>, d: NaiveDate) -> bool {
    let Some(last) = period_last else { return false };
    let Some(last_month_first) = last.with_day(1) else { return false };
    let from = last_month_first.pred_opt().unwrap_or(last_month_first);
    d >= from && d < last
}

/// " （剩 122 天）" / " (122 days left)" while the year is not over.
pub(crate) fn days_left_text(snap: &Snapshot) -> (String, String) {
    if snap.year_ended {
        (String::new(), String::new())
    } else {
        (format!("（剩 {} 天）", snap.days_left), format!(" ({} days left)", snap.days_left))
    }
}

/// Scores one rule in one view.
pub(crate) fn eval_rule(id: &str, period: PeriodKind, rule: &Rule, cx: &Cx, view: View) -> Detail {
    match rule {
        Rule::RegisteredShare { of, min } => ratio::registered_share(cx, view, *of, *min),
        Rule::UnitRegisteredShare { targets } => ratio::unit_registered_share(cx, view, targets),
        Rule::RecordShare { min } => ratio::record_share(cx, view, *min),
        Rule::PartyRecordShare { min } => ratio::party_record_share(cx, view, *min),
        Rule::ParticipantShare { of, min } => ratio::participant_share(cx, view, *of, *min),
        Rule::HoursPerHead { hours } => hours::hours_per_head(cx, view, *hours),
        Rule::HeadsReachingHours { hours, min, group } => hours::heads_reaching_hours(cx, view, *hours, *min, *group),
        Rule::TrainingsPerPeriod { min, filter } => periodic::trainings(cx, view, period, *min, filter),
        Rule::ActivitiesPerPeriod { min, day_of_month } => periodic::activities(cx, view, period, *min, *day_of_month),
        Rule::TeamsPerPeriod { min, teams } => periodic::teams(cx, view, period, *min, teams),
        Rule::ThemeCalendar { slots } => periodic::theme_calendar(cx, view, slots),
        Rule::KeyDays { min, days } => periodic::key_days(cx, view, *min, days),
        Rule::ThemeCoverage { themes } => coverage::themes(cx, view, themes),
        Rule::DistinctTeams { min } => coverage::distinct_teams(cx, view, *min),
        Rule::HolidayActivities { min } => holidays::holiday_activities(cx, view, *min),
        Rule::Materials => materials::materials(cx, view),
        Rule::Checklist { items } => checklist::checklist(cx, view, id, period, items),
        Rule::AllOf { parts } => composite::all_of(cx, view, parts).0,
    }
}

/// Scores one indicator: once, or per station then combined.
pub(crate) fn evaluate(ind: &Indicator, cx: &Cx) -> IndicatorResult {
    let source = ind.source.cite();
    let (detail, stations, parts) = match ind.scope {
        Scope::Whole => match &ind.rule {
            Rule::AllOf { parts } => {
                let (d, mut ps) = composite::all_of(cx, None, parts);
                for p in &mut ps {
                    p.source = source.clone();
                    p.quote = ind.source.quote.trim().to_string();
                    p.bonus = ind.bonus;
                }
                (d, Vec::new(), ps)
            }
            rule => (eval_rule(&ind.id, ind.period, rule, cx, None), Vec::new(), Vec::new()),
        },
        Scope::PerStation => {
            let (d, st) = per_station(ind, cx);
            (d, st, Vec::new())
        }
    };
    IndicatorResult {
        id: ind.id.clone(),
        label: ind.label_zh.clone(),
        label_en: ind.label_en.clone(),
        source,
        quote: ind.source.quote.trim().to_string(),
        bonus: ind.bonus,
        scope: ind.scope,
        period: ind.period,
        detail,
        stations,
        parts,
    }
}

/// A station whose data is missing (汇总报送): not assessed, needing its report file.
fn not_assessed(m: &MissingStation) -> Detail {
    Detail {
        status: Status::NeedsInput,
        unit: Unit::Stations,
        needs_input: Some(InputField::StationReport),
        gap: Some(format!("未能评估：{}。{}", m.reason, m.action)),
        gap_en: Some(format!("Cannot be assessed: {}. {}", m.reason_en, m.action_en)),
        ..Detail::default()
    }
}

/// The stations not met, counted by status, in words that agree with it (§4; issue 28):
/// 未达标 once it can no longer be reached, 落后 at risk, 尚未达到 while time is left —
/// "2 个站点未达标，1 个站点尚未达到" / "2 of 3 stations fall short, 1 of 3 have not yet
/// reached it".
fn short_words(short: &[&StationResult], of: usize) -> (String, String) {
    let groups: [(&[Status], &str, &str); 4] = [
        (&[Status::NotMet], "未达标", "fall short"),
        (&[Status::Behind], "落后", "are behind"),
        (&[Status::InProgress, Status::OnTrack], "尚未达到", "have not yet reached it"),
        (&[Status::NeedsInput], "需补充数据", "need input"),
    ];
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for (statuses, w_zh, w_en) in groups {
        let n = short.iter().filter(|r| statuses.contains(&r.detail.status)).count();
        if n > 0 {
            zh.push(format!("{n} 个站点{w_zh}"));
            en.push(format!("{n} of {of} stations {w_en}"));
        }
    }
    (zh.join("，"), en.join(", "))
}

/// Per-station indicators: each station scored on its own rows; the indicator is met when
/// every station meets it, and its status is the worst station's. A station whose data is
/// missing (its report file refused or never received, [`Cx::missing`]) is not assessed:
/// it needs its file, and the indicator cannot be met while it does.
fn per_station(ind: &Indicator, cx: &Cx) -> (Detail, Vec<StationResult>) {
    // a missing station outside the context's list counts only when the list is the data's
    let scoped = cx.ctx.stations.iter().any(|s| !s.trim().is_empty());
    let extra: Vec<&MissingStation> =
        cx.missing.iter().filter(|m| !scoped && !cx.facts.stations.contains(&m.station)).collect();
    if cx.facts.stations.is_empty() && extra.is_empty() {
        return (needs(InputField::Stations, Unit::Stations), Vec::new());
    }
    let missing_here = |name: &str| cx.missing.iter().find(|m| m.station == name);
    let mut stations: Vec<StationResult> = cx
        .facts
        .stations
        .iter()
        .enumerate()
        .map(|(i, name)| StationResult {
            station: name.clone(),
            detail: match missing_here(name) {
                Some(m) => not_assessed(m),
                None => eval_rule(&ind.id, ind.period, &ind.rule, cx, Some(i)),
            },
        })
        .collect();
    stations.extend(extra.iter().map(|m| StationResult { station: m.station.clone(), detail: not_assessed(m) }));
    let absent: Vec<&MissingStation> =
        stations.iter().filter_map(|r| cx.missing.iter().find(|m| m.station == r.station)).collect();
    // The same missing input at every station (no training sheet at all …): say it once.
    let first_need = stations.first().and_then(|r| r.detail.needs_input);
    if absent.is_empty()
        && first_need.is_some()
        && stations.iter().all(|r| r.detail.status == Status::NeedsInput && r.detail.needs_input == first_need)
    {
        let mut d = stations.first().map(|r| r.detail.clone()).unwrap_or_default();
        d.unit = Unit::Stations;
        d.value = Some(0.0);
        d.target = Some(stations.len() as f64);
        let (missing, missing_total) = capped(stations.iter().map(|r| r.station.clone()).collect());
        d.missing = missing;
        d.missing_total = missing_total;
        return (d, stations);
    }
    let status = stations.iter().fold(Status::Met, |s, r| s.worst(r.detail.status));
    let met = stations.iter().filter(|r| r.detail.status == Status::Met).count();
    let short: Vec<String> =
        stations.iter().filter(|r| r.detail.status != Status::Met).map(|r| r.station.clone()).collect();
    let needs_input = stations.iter().find_map(|r| r.detail.needs_input).filter(|_| status == Status::NeedsInput);
    let is_absent = |r: &StationResult| absent.iter().any(|m| m.station == r.station);
    let assessed_short = stations.iter().filter(|r| !is_absent(r) && r.detail.status != Status::Met).count();
    let (gap, gap_en) = if short.is_empty() {
        (None, None)
    } else {
        let lines_zh: Vec<String> = stations
            .iter()
            .filter(|r| !is_absent(r) && r.detail.status != Status::Met)
            .map(|r| {
                format!("{}：{}", r.station, r.detail.gap.clone().unwrap_or_else(|| r.detail.status.label_zh().into()))
            })
            .collect();
        let lines_en: Vec<String> = stations
            .iter()
            .filter(|r| !is_absent(r) && r.detail.status != Status::Met)
            .map(|r| {
                format!(
                    "{}: {}",
                    r.station,
                    r.detail.gap_en.clone().unwrap_or_else(|| r.detail.status.label_en().into())
                )
            })
            .collect();
        if absent.is_empty() {
            let not_met: Vec<&StationResult> = stations.iter().filter(|r| r.detail.status != Status::Met).collect();
            let (head_zh, head_en) = short_words(&not_met, stations.len());
            (Some(format!("{head_zh}。{}", lines_zh.join("；"))), Some(format!("{head_en}. {}", lines_en.join("; "))))
        } else {
            // not N/N met: the stations without data are named first, with why
            let who_zh: Vec<String> = absent.iter().map(|m| format!("{}：{}", m.station, m.reason)).collect();
            let who_en: Vec<String> = absent.iter().map(|m| format!("{}: {}", m.station, m.reason_en)).collect();
            let assessed = stations.len() - absent.len();
            let (rest_zh, rest_en) = match (assessed_short, assessed) {
                (_, 0) => (String::new(), String::new()),
                (0, n) => (format!("其余 {n} 个站点均达标。"), format!(" The other {n} stations meet it.")),
                (_, n) => {
                    let not_met: Vec<&StationResult> =
                        stations.iter().filter(|r| !is_absent(r) && r.detail.status != Status::Met).collect();
                    let (head_zh, head_en) = short_words(&not_met, n);
                    (
                        format!("其余 {n} 个站点中，{head_zh}。{}", lines_zh.join("；")),
                        format!(" Of the other stations, {head_en}. {}", lines_en.join("; ")),
                    )
                }
            };
            (
                Some(format!("未能评估：缺少 {} 个站点的数据（{}）。{rest_zh}", absent.len(), who_zh.join("；"))),
                Some(format!(
                    "Cannot be assessed: the data of {} station{} is missing ({}).{rest_en}",
                    absent.len(),
                    if absent.len() == 1 { "" } else { "s" },
                    who_en.join("; ")
                )),
            )
        }
    };
    // each row once (a joint training is in two stations' lists): the rows the drill-down opens
    let mut rows = crate::result::RowSet::default();
    for r in &stations {
        rows.extend(&r.detail.rows);
    }
    let rows = rows.into_rows();
    let (missing, missing_total) = capped(short);
    let detail = Detail {
        status,
        unit: Unit::Stations,
        value: Some(met as f64),
        target: Some(stations.len() as f64),
        gap,
        gap_en,
        days_left: stations.iter().find_map(|r| r.detail.days_left),
        missing,
        missing_total,
        needs_input,
        rows,
        ..Detail::default()
    };
    (detail, stations)
}
