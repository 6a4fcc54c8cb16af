//! The numbers behind the app's charts: hours and activities month by month against the
//! target line, and the stations side by side. Computed from the same `prepare()` and
//! `Facts` as the scoring, so a chart never disagrees with a card.

use crate::calendar_and_tags as bridge;
use crate::facts::Facts;
use crate::prepare::{prepare_quiet, Prepared};
use crate::scope::Place;
use chrono::{Datelike, NaiveDate};
use scorecard_model::context::Context;
use scorecard_model::model::Tables;
use scorecard_model::profile::{PeriodKind, Profile, Rule};
use serde::{Deserialize, Serialize};

/// One month of the assessment year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthPoint {
    /// 1–12.
    pub month: u32,
    /// `2017-03`.
    pub label: String,
    /// The month's last day is on or before the as-of date.
    pub ended: bool,
    /// The as-of date falls in this month.
    pub current: bool,
    /// Hours of counted records dated in this month (up to the as-of date).
    pub hours: f64,
    /// Hours from 1 January to the end of this month (or the as-of date).
    pub cumulative_hours: f64,
    /// The hours-per-head target pro-rated to this month's end × registered volunteers
    /// (at the as-of date): where the cumulative line should be.
    pub target_cumulative_hours: Option<f64>,
    /// Distinct activities dated in this month (all stations, up to the as-of date).
    pub activities: u32,
    pub trainings: u32,
}

/// One assessed station.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StationPoint {
    pub station: String,
    /// Registered volunteers (distinct, by the as-of date) whose roster station is this one.
    pub registered: u32,
    /// Of those, how many have at least one counted record (or annual hours > 0).
    pub active: u32,
    pub hours: f64,
    /// `hours ÷ registered`, `None` without volunteers.
    pub hours_per_head: Option<f64>,
    pub activities: u32,
    /// Activities per month (12 entries).
    pub activities_by_month: Vec<u32>,
    /// Trainings naming this station (a joint training counts for each).
    pub trainings: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Charts {
    pub year: i32,
    pub as_of: NaiveDate,
    pub months: Vec<MonthPoint>,
    pub stations: Vec<StationPoint>,
    /// Annual hours per registered volunteer the profile asks for (X3's 25 h), if any.
    pub hours_target_per_head: Option<f64>,
    /// Activities per station per month the profile asks for (X5's 2), if any.
    pub activities_target_per_month: Option<u32>,
    /// Registered volunteers at the as-of date (all stations).
    pub registered: u32,
}

/// The first hours-per-head target and monthly activity target in the profile.
fn targets(profile: &Profile) -> (Option<f64>, Option<u32>) {
    let mut hours = None;
    let mut acts = None;
    for ind in &profile.indicators {
        match &ind.rule {
            Rule::HoursPerHead { hours: h } if hours.is_none() => hours = Some(*h),
            Rule::ActivitiesPerPeriod { min, day_of_month: None }
                if acts.is_none() && ind.period == PeriodKind::Month =>
            {
                acts = Some(*min)
            }
            Rule::AllOf { parts } => {
                for p in parts {
                    if let Rule::HoursPerHead { hours: h } = &p.rule {
                        hours.get_or_insert(*h);
                    }
                }
            }
            _ => {}
        }
    }
    (hours, acts)
}

/// Charts for `profile` over `tables` as of `ctx.as_of(today)`.
pub fn charts(profile: &Profile, ctx: &Context, tables: &Tables, today: NaiveDate) -> Charts {
    let facts = Facts::build(profile, ctx, tables);
    let prepared = prepare_quiet(tables, ctx.year, ctx.as_of(today));
    charts_from(profile, tables, &facts, &prepared)
}

/// [`charts`] from facts and rows prepared (for `prepared.as_of`) by the caller.
pub fn charts_from(profile: &Profile, tables: &Tables, facts: &Facts, prepared: &Prepared) -> Charts {
    let (year, d) = (prepared.year, prepared.as_of);
    let n = facts.stations.len();
    let (hours_target, acts_target) = targets(profile);
    let days = bridge::days_in_year(year).max(1) as f64;

    let mut stations: Vec<StationPoint> = facts
        .stations
        .iter()
        .map(|s| StationPoint {
            station: s.clone(),
            registered: 0,
            active: 0,
            hours: 0.0,
            hours_per_head: None,
            activities: 0,
            activities_by_month: vec![0; 12],
            trainings: 0,
        })
        .collect();
    let station_of = |place: Place| match place {
        Place::Station(i) if i < n => Some(i),
        _ => None,
    };

    // Registered volunteers and their activity, per roster station.
    let hours_by_vol = prepared.hours_per_volunteer();
    for &vi in &prepared.registered {
        let Some(v) = tables.volunteers.get(vi) else { continue };
        let h = if prepared.records.is_empty() && tables.records.is_empty() {
            v.annual_hours.filter(|h| h.is_finite() && *h > 0.0).unwrap_or(0.0)
        } else {
            hours_by_vol.get(vi).copied().unwrap_or(0.0)
        };
        if let Some(i) = station_of(facts.placer.place(v.station)) {
            stations[i].registered += 1;
            if h > 0.0 {
                stations[i].active += 1;
            }
            if tables.records.is_empty() {
                stations[i].hours += h;
            }
        }
    }

    // Hours by month and by station, from the counted records.
    let mut month_hours = [0.0f64; 12];
    for cr in &prepared.records {
        let Some(r) = tables.records.get(cr.record()) else { continue };
        let m = r.date.month0() as usize;
        if m < 12 {
            month_hours[m] += r.hours;
        }
        if let Some(i) = station_of(facts.placer.place(cr.station)) {
            stations[i].hours += r.hours;
        }
    }

    // Activities and trainings by month (dated on or before D), and by station.
    let mut month_acts = [0u32; 12];
    for a in facts.acts.iter().filter(|a| a.date <= d && a.place != Place::Outside) {
        let m = a.date.month0() as usize;
        if m < 12 {
            month_acts[m] += 1;
            if let Some(i) = station_of(a.place) {
                stations[i].activities += 1;
                stations[i].activities_by_month[m] += 1;
            }
        }
    }
    let mut month_trains = [0u32; 12];
    for t in facts.trains.iter().filter(|t| t.date <= d) {
        let m = t.date.month0() as usize;
        if m < 12 && t.places.iter().any(|p| *p != Place::Outside) {
            month_trains[m] += 1;
        }
        for p in &t.places {
            if let Some(i) = station_of(*p) {
                stations[i].trainings += 1;
            }
        }
    }
    for s in &mut stations {
        s.hours_per_head = (s.registered > 0).then(|| s.hours / f64::from(s.registered));
    }

    let registered = prepared.registered.len() as u32;
    let mut cumulative = 0.0;
    let months = (1..=12u32)
        .map(|m| {
            let i = (m - 1) as usize;
            let end = bridge::month_end(year, m).unwrap_or(d);
            cumulative += month_hours[i];
            let upto = end.min(d);
            MonthPoint {
                month: m,
                label: format!("{year}-{m:02}"),
                ended: end <= d,
                current: d.month() == m && end > d,
                hours: month_hours[i],
                cumulative_hours: cumulative,
                target_cumulative_hours: hours_target
                    .map(|t| t * f64::from(registered) * f64::from(upto.ordinal()) / days)
                    .filter(|_| upto.year() == year),
                activities: month_acts[i],
                trainings: month_trains[i],
            }
        })
        .collect();

    Charts {
        year,
        as_of: d,
        months,
        stations,
        hours_target_per_head: hours_target,
        activities_target_per_month: acts_target,
        registered,
    }
}
