//! Monthly inspection replay (月月通报, 新都2017 附件2 工作要求2): the profile evaluated at
//! the end of each ended month, so a station sees the month it first fell short.
//!
//! Efficient by construction: activities are tagged once (one `Facts` for the year),
//! records are matched to volunteers once (one `Matches`), and per month end only the
//! rows up to it are selected (no findings are built: the replay shows none).

use crate::calendar_and_tags as bridge;
use crate::facts::Facts;
use crate::prepare::Matches;
use crate::result::Status;
use crate::scorecard::{evaluate, Summary};
use crate::snapshot::Snapshot;
use chrono::NaiveDate;
use scorecard_model::context::Context;
use scorecard_model::model::Tables;
use scorecard_model::profile::Profile;
use serde::{Deserialize, Serialize};

/// One indicator's status at one month end (with its stations' for per-station ones).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorStatus {
    pub id: String,
    pub status: Status,
    pub stations: Vec<(String, Status)>,
}

/// The profile as of the end of one month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthSnapshot {
    /// `2017-03`.
    pub month: String,
    pub as_of: NaiveDate,
    pub summary: Summary,
    pub indicators: Vec<IndicatorStatus>,
}

/// The first month end at which an indicator (or one station's) was not met or behind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FirstShort {
    pub indicator: String,
    /// `None` for the organisation as a whole.
    pub station: Option<String>,
    pub month: String,
    pub status: Status,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    pub months: Vec<MonthSnapshot>,
    /// Non-bonus indicators only, in indicator order, whole before stations.
    pub first_short: Vec<FirstShort>,
}

/// Evaluates `profile` at the end of every month of the context's year that has ended by
/// its as-of date.
pub fn monthly_replay(profile: &Profile, ctx: &Context, tables: &Tables, today: NaiveDate) -> Replay {
    let d = ctx.as_of(today);
    let facts = Facts::build(profile, ctx, tables);
    let matches = Matches::new(tables, ctx.year);
    let mut replay = Replay::default();
    for m in 1..=12 {
        let Some(end) = bridge::month_end(ctx.year, m) else { continue };
        if end > d {
            break;
        }
        let snap = Snapshot::of(tables, &facts.placer, &matches.at(end), Vec::new());
        let card = evaluate(profile, ctx, tables, &facts, &snap);
        let month = bridge::month_label(ctx.year, m);
        for r in card.indicators.iter().filter(|r| !r.bonus) {
            let mut note = |station: Option<&str>, status: Status| {
                let seen = replay.first_short.iter().any(|f| f.indicator == r.id && f.station.as_deref() == station);
                if status.is_failing() && !seen {
                    replay.first_short.push(FirstShort {
                        indicator: r.id.clone(),
                        station: station.map(str::to_string),
                        month: month.clone(),
                        status,
                    });
                }
            };
            note(None, r.detail.status);
            for s in &r.stations {
                note(Some(&s.station), s.detail.status);
            }
        }
        replay.months.push(MonthSnapshot {
            month,
            as_of: end,
            summary: card.summary,
            indicators: card
                .indicators
                .iter()
                .map(|r| IndicatorStatus {
                    id: r.id.clone(),
                    status: r.detail.status,
                    stations: r.stations.iter().map(|s| (s.station.clone(), s.detail.status)).collect(),
                })
                .collect(),
        });
    }
    let order: Vec<&str> = profile.indicators.iter().map(|i| i.id.as_str()).collect();
    scorecard_model::sort::sort_by_key(&mut replay.first_short, |f| {
        (order.iter().position(|o| *o == f.indicator), f.station.is_some())
    });
    replay
}
