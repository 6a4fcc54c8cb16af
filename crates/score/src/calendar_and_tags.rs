//! The one place scoring calls the calendar and tags modules: it adapts their API to what
//! the rules need (periods as [`Slot`]s, a profile's dictionaries as `TagDict`s, holiday
//! tags as indices into the year's dated holidays).

use scorecard_model::calendar;

use chrono::NaiveDate;
use scorecard_model::calendar::{Period, HOLIDAYS};
use scorecard_model::model::{Activity, Tables};
use scorecard_model::profile::{PeriodKind, Profile, TagEntry};
use scorecard_model::tags;
use scorecard_model::tags::{Tag, TagDict};

pub use scorecard_model::calendar::Holiday;

/// A period a per-period rule counts in: a month, a quarter, a day, or several months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// `2017-08`, `2017-Q3`, … (the calendar's [`Period::label`] for months and quarters).
    pub label: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Slot {
    fn of(p: Period) -> Slot {
        Slot { label: p.label(), first: p.first_day(), last: p.last_day() }
    }
}

/// Last day of a month.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    Period::month(year, month).map(Period::last_day)
}

/// `2017-08`.
pub fn month_label(year: i32, month: u32) -> String {
    Period::month(year, month).map(Period::label).unwrap_or_else(|| format!("{year}-{month:02}"))
}

/// The months or quarters of `year` (empty for the other period kinds).
pub fn slots(year: i32, kind: PeriodKind) -> Vec<Slot> {
    let periods = match kind {
        PeriodKind::Month => calendar::months(year),
        PeriodKind::Quarter => calendar::quarters(year),
        PeriodKind::None | PeriodKind::Year => Vec::new(),
    };
    periods.into_iter().map(Slot::of).collect()
}

/// The 25 holidays of `year`, by date (empty outside the calendar's supported years).
pub fn holidays(year: i32) -> Vec<Holiday> {
    calendar::holidays(year)
}

/// The nearest holiday within `days` of `date`, as an index into `holidays`.
pub fn near_holiday(date: NaiveDate, holidays: &[Holiday], days: i64) -> Option<usize> {
    let h = tags::near_holiday(date, holidays, days)?;
    holidays.iter().position(|x| x.id == h.id)
}

/// Days in a year (365 or 366).
pub fn days_in_year(year: i32) -> u32 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

fn dict(entries: &[TagEntry], ignore: &[String]) -> TagDict {
    TagDict {
        tags: entries.iter().map(|e| Tag { name: e.name.clone(), aliases: e.aliases.clone() }).collect(),
        ignore: ignore.to_vec(),
    }
}

/// A profile's dictionaries compiled for matching, plus the holiday dictionary mapped onto
/// one year's dated holidays.
#[derive(Clone, Debug)]
pub struct Dicts {
    pub themes: TagDict,
    pub teams: TagDict,
    holidays: TagDict,
    /// Holiday tag `i` (the calendar's table order) → index into the year's holidays.
    holiday_index: Vec<Option<usize>>,
}

impl Dicts {
    pub fn new(profile: &Profile, year_holidays: &[Holiday]) -> Dicts {
        Dicts {
            themes: dict(&profile.themes, &profile.theme_ignore),
            teams: dict(&profile.teams, &profile.team_ignore),
            holidays: tags::holiday_dict(),
            holiday_index: HOLIDAYS.iter().map(|def| year_holidays.iter().position(|h| h.id == def.id)).collect(),
        }
    }
}

/// An activity's tags: indices into the profile's theme and team dictionaries and into
/// the year's holidays.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tags {
    pub themes: Vec<usize>,
    pub themes_inferred: bool,
    pub teams: Vec<usize>,
    pub teams_inferred: bool,
    /// The 节庆日 cell or the name names a holiday (§3: then it counts for X8).
    pub names_holiday: bool,
    pub holidays: Vec<usize>,
    pub holiday_from_name: bool,
}

/// Tags of one activity (§3, see `tags::activity`).
pub fn tag(tables: &Tables, a: &Activity, dicts: &Dicts) -> Tags {
    let t = tags::tag_activity(tables, a, &dicts.themes, &dicts.teams, &dicts.holidays);
    Tags {
        names_holiday: !t.holidays.is_empty(),
        holidays: t.holidays.iter().filter_map(|&i| dicts.holiday_index.get(i).copied().flatten()).collect(),
        themes: t.themes,
        themes_inferred: t.themes_inferred,
        teams: t.teams,
        teams_inferred: t.teams_inferred,
        holiday_from_name: t.holiday_from_name,
    }
}

/// The key the user confirms a suggested holiday activity by: `station|YYYY-MM-DD|name`.
pub fn activity_key(tables: &Tables, a: &Activity) -> String {
    tags::activity_key(tables, a)
}

/// Pieces of a tag cell that name no entry of `dict` (for a finding).
pub fn unmatched<'a>(dict: &TagDict, cell: &'a str) -> Vec<&'a str> {
    dict.unmatched(cell)
}

/// Pieces of a 活动主题 / 服务队 cell that name nothing in `dict` nor in any built-in
/// profile's dictionary of the same kind: 红色党员先锋服务队 is a team (T1's) whose kind X7
/// does not count, 关爱困难职工 a theme G1 does not count — words the app knows, not words
/// to correct; only those no profile knows get a hint.
pub fn unknown<'a>(profile_dict: &TagDict, cell: &'a str, teams: bool) -> Vec<&'a str> {
    use std::sync::OnceLock;
    static KNOWN: OnceLock<(TagDict, TagDict)> = OnceLock::new();
    let (themes_all, teams_all) = KNOWN.get_or_init(|| {
        let mut themes: Vec<TagEntry> = Vec::new();
        let mut teams_l: Vec<TagEntry> = Vec::new();
        for p in scorecard_model::profile::builtins() {
            themes.extend(p.themes.iter().cloned());
            teams_l.extend(p.teams.iter().cloned());
        }
        (dict(&themes, &[]), dict(&teams_l, &[]))
    });
    let all = if teams { teams_all } else { themes_all };
    profile_dict.unmatched(cell).into_iter().filter(|w| !all.unmatched(w).is_empty()).collect()
}
