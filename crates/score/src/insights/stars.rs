//! 星级志愿者: star levels from the roster's 累计服务时长 (the only use of that column, §2).
//!
//! Schemes are data: the national scale of 中国注册志愿者管理办法 (★ 100 h, ★★ 300 h,
//! ★★★ 600 h, ★★★★ 1000 h, ★★★★★ 1500 h) and a second, Beijing-style scale (100 / 200 /
//! 500 / 800 / 1000 h) to show the room for local schemes.

use crate::prepare::{prepare_quiet, Prepared};
use crate::result::InputField;
use crate::scope::{in_view, station_names, Placer};
use chrono::NaiveDate;
use scorecard_model::context::Context;
use scorecard_model::model::{Field, Role, RowRef, Tables};
use serde::{Deserialize, Serialize};

/// A star scale: the hours needed for one star, two stars, ….
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StarScheme {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub source: String,
    /// Ascending hour thresholds; star level `k` needs `thresholds[k-1]` hours.
    pub thresholds: Vec<f64>,
}

impl StarScheme {
    /// The number of stars `hours` earns.
    pub fn level(&self, hours: f64) -> usize {
        self.thresholds.iter().take_while(|&&t| hours + 1e-9 >= t).count()
    }
}

/// The built-in schemes, national first.
pub fn schemes() -> Vec<StarScheme> {
    let s = |id: &str, zh: &str, en: &str, source: &str, t: [f64; 5]| StarScheme {
        id: id.into(),
        name_zh: zh.into(),
        name_en: en.into(),
        source: source.into(),
        thresholds: t.to_vec(),
    };
    vec![
        s(
            "national",
            "全国星级志愿者",
            "National star scale",
            "中国注册志愿者管理办法",
            [100.0, 300.0, 600.0, 1000.0, 1500.0],
        ),
        s(
            "beijing",
            "北京星级志愿者",
            "Beijing star scale",
            "北京市志愿者星级认定（示例刻度）",
            [100.0, 200.0, 500.0, 800.0, 1000.0],
        ),
    ]
}

pub fn scheme(id: &str) -> Option<StarScheme> {
    schemes().into_iter().find(|s| s.id == id)
}

/// One volunteer's level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StarVolunteer {
    pub name: String,
    pub station: String,
    pub hours: f64,
    pub stars: usize,
    /// Hours still needed for the next star (`None` at the top level).
    pub to_next: Option<f64>,
    pub at: RowRef,
}

/// Distribution and list of star levels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StarList {
    pub scheme: StarScheme,
    /// `distribution[k]` = volunteers with exactly `k` stars (k = 0 … levels).
    pub distribution: Vec<u64>,
    /// Registered volunteers with a cumulative-hours value, most stars (then hours) first.
    pub volunteers: Vec<StarVolunteer>,
    /// Registered volunteers whose 累计服务时长 cell is empty.
    pub without_hours: u64,
    /// Set when the roster has no 累计服务时长 column (or no roster at all).
    pub needs_input: Option<InputField>,
}

/// Star levels of the volunteers registered as of the context's as-of date, in the
/// assessed stations.
pub fn star_levels(tables: &Tables, ctx: &Context, scheme: &StarScheme, today: NaiveDate) -> StarList {
    if let Some(field) = star_input_missing(tables) {
        return StarList::empty(scheme, Some(field));
    }
    let prepared = prepare_quiet(tables, ctx.year, ctx.as_of(today));
    let placer = Placer::new(ctx, tables, &station_names(ctx, tables));
    star_levels_from(tables, scheme, &prepared, &placer)
}

/// What star levels cannot do without: a roster with a 累计服务时长 column.
fn star_input_missing(tables: &Tables) -> Option<InputField> {
    if tables.volunteers.is_empty() {
        Some(InputField::Roster)
    } else if !tables.has_field(Role::Volunteers, Field::CumulativeHours) {
        Some(InputField::CumulativeHours)
    } else {
        None
    }
}

impl StarList {
    fn empty(scheme: &StarScheme, needs_input: Option<InputField>) -> StarList {
        StarList {
            scheme: scheme.clone(),
            distribution: vec![0; scheme.thresholds.len() + 1],
            volunteers: Vec::new(),
            without_hours: 0,
            needs_input,
        }
    }

    /// A copy listing at most `n` volunteers (the first: most stars, then most hours); the
    /// distribution still counts everyone. For a screen, which cannot show 100,000 rows:
    /// the full list of a district roster is tens of megabytes of JSON.
    pub fn truncated(&self, n: usize) -> StarList {
        StarList {
            scheme: self.scheme.clone(),
            distribution: self.distribution.clone(),
            volunteers: self.volunteers.iter().take(n).cloned().collect(),
            without_hours: self.without_hours,
            needs_input: self.needs_input,
        }
    }
}

/// [`star_levels`] from rows prepared and a placer built by the caller.
pub fn star_levels_from(tables: &Tables, scheme: &StarScheme, prepared: &Prepared, placer: &Placer) -> StarList {
    let mut report = StarList::empty(scheme, star_input_missing(tables));
    if report.needs_input.is_some() {
        return report;
    }
    // At most one entry per registered volunteer (100k in a district): reserved, since a
    // list grown by doubling holds two copies at its last growth.
    report.volunteers.reserve_exact(prepared.registered.len());
    for &i in &prepared.registered {
        let Some(v) = tables.volunteers.get(i) else { continue };
        if !in_view(placer.place(v.station), None) {
            continue;
        }
        let Some(hours) = v.cumulative_hours.filter(|h| h.is_finite() && *h >= 0.0) else {
            report.without_hours += 1;
            continue;
        };
        let stars = scheme.level(hours);
        if let Some(c) = report.distribution.get_mut(stars) {
            *c += 1;
        }
        report.volunteers.push(StarVolunteer {
            name: tables.so(v.name.or(v.number)).to_string(),
            station: tables.so(v.station).to_string(),
            hours,
            stars,
            to_next: scheme.thresholds.get(stars).map(|t| t - hours),
            at: v.at,
        });
    }
    scorecard_model::sort::sort_by(&mut report.volunteers, |a, b| {
        b.stars.cmp(&a.stars).then(b.hours.total_cmp(&a.hours))
    });
    report
}
