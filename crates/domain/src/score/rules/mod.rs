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

use super::facts::Facts;
use super::result::{Detail, IndicatorResult, InputField, Missing, StationResult, Status, Unit, MISSING_CAP};
use super::snapshot::Snapshot;
use crate::context::Context;
use crate::model::Tables;
use crate::profile::{Indicator, PeriodKind, Profile, Rule, Scope};
use chrono::{Datelike, NaiveDate};

/// What every rule can look at.
pub(crate) struct Cx<'a> {
    pub tables: &'a Tables,
    pub ctx: &'a Context,
    pub profile: &'a Profile,
    pub facts: &'a Facts,
    pub snap: &'a Snapshot,
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

/// Per-station indicators: each station scored on its own rows; the indicator is met when
/// every station meets it, and its status is the worst station's.
fn per_station(ind: &Indicator, cx: &Cx) -> (Detail, Vec<StationResult>) {
    if cx.facts.stations.is_empty() {
        return (needs(InputField::Stations, Unit::Stations), Vec::new());
    }
    let stations: Vec<StationResult> = cx
        .facts
        .stations
        .iter()
        .enumerate()
        .map(|(i, name)| StationResult {
            station: name.clone(),
            detail: eval_rule(&ind.id, ind.period, &ind.rule, cx, Some(i)),
        })
        .collect();
    // The same missing input at every station (no training sheet at all …): say it once.
    let first_need = stations.first().and_then(|r| r.detail.needs_input);
    if first_need.is_some()
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
    let (gap, gap_en) = if short.is_empty() {
        (None, None)
    } else {
        let lines_zh: Vec<String> = stations
            .iter()
            .filter(|r| r.detail.status != Status::Met)
            .map(|r| {
                format!("{}：{}", r.station, r.detail.gap.clone().unwrap_or_else(|| r.detail.status.label_zh().into()))
            })
            .collect();
        let lines_en: Vec<String> = stations
            .iter()
            .filter(|r| r.detail.status != Status::Met)
            .map(|r| {
                format!(
                    "{}: {}",
                    r.station,
                    r.detail.gap_en.clone().unwrap_or_else(|| r.detail.status.label_en().into())
                )
            })
            .collect();
        (
            Some(format!("{} 个站点未达标。{}", short.len(), lines_zh.join("；"))),
            Some(format!("{} of {} stations fall short. {}", short.len(), stations.len(), lines_en.join("; "))),
        )
    };
    let mut rows = super::result::Rows::default();
    for r in &stations {
        for at in &r.detail.rows.refs {
            rows.push(*at);
        }
    }
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
