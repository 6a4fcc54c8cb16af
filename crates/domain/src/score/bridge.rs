//! The one place scoring calls the calendar and tags modules (owned by another branch).
//!
//! TEMPORARY: until branch `calendar` is merged this file carries minimal stand-ins
//! (fixed-date holidays only, plain substring tagging). After the merge it only adapts
//! their API to what the rules need. Nothing outside this file knows the difference.

use crate::model::{Activity, Tables};
use crate::profile::{PeriodKind, TagEntry};
use chrono::{Datelike, NaiveDate};

/// A period a per-period rule counts in: a month, a quarter, a day, or several months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// `2017-08`, `2017-Q3`, …
    pub label: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Last day of a month.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month >= 12 { (year + 1, 1) } else { (year, month + 1) };
    ymd(ny, nm, 1).and_then(|d| d.pred_opt())
}

/// `2017-08`.
pub fn month_label(year: i32, month: u32) -> String {
    format!("{year}-{month:02}")
}

/// The months or quarters of `year` (empty for the other period kinds).
pub fn slots(year: i32, kind: PeriodKind) -> Vec<Slot> {
    match kind {
        PeriodKind::Month => (1..=12)
            .filter_map(|m| {
                Some(Slot { label: month_label(year, m), first: ymd(year, m, 1)?, last: month_end(year, m)? })
            })
            .collect(),
        PeriodKind::Quarter => (1..=4)
            .filter_map(|q| {
                let m0 = (q - 1) * 3 + 1;
                Some(Slot { label: format!("{year}-Q{q}"), first: ymd(year, m0, 1)?, last: month_end(year, m0 + 2)? })
            })
            .collect(),
        PeriodKind::None | PeriodKind::Year => Vec::new(),
    }
}

/// A holiday of year `Y` with its date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolidayRef {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub aliases: Vec<String>,
    pub date: NaiveDate,
}

/// The holidays of `year`. Stand-in: the fixed-date ones only.
pub fn holidays(year: i32) -> Vec<HolidayRef> {
    let fixed: [(&str, &str, &[&str], u32, u32); 18] = [
        ("元旦", "New Year's Day", &[], 1, 1),
        ("学雷锋纪念日", "Lei Feng Day", &["学雷锋日", "雷锋日"], 3, 5),
        ("植树节", "Tree Planting Day", &[], 3, 12),
        ("世界地球日", "Earth Day", &[], 4, 22),
        ("世界读书日", "World Book Day", &[], 4, 23),
        ("国际劳动节", "Labour Day", &["劳动节", "五一"], 5, 1),
        ("青年节", "Youth Day", &["五四"], 5, 4),
        ("国际儿童节", "Children's Day", &["儿童节", "六一"], 6, 1),
        ("建党纪念日", "Party Founding Day", &["七一"], 7, 1),
        ("抗战胜利纪念日", "Victory Day", &[], 9, 3),
        ("教师节", "Teachers' Day", &[], 9, 10),
        ("公民道德宣传日", "Civic Morality Day", &[], 9, 20),
        ("国庆节", "National Day", &["国庆"], 10, 1),
        ("扶贫日", "Poverty Relief Day", &[], 10, 17),
        ("全国消防宣传日", "Fire Safety Day", &["消防日", "119"], 11, 9),
        ("世界残疾人日", "Day of Persons with Disabilities", &[], 12, 3),
        ("国家宪法日", "Constitution Day", &["宪法日"], 12, 4),
        ("国际志愿者日", "International Volunteer Day", &["志愿者日"], 12, 5),
    ];
    fixed
        .iter()
        .filter_map(|(name, en, aliases, m, d)| {
            Some(HolidayRef {
                id: name.to_string(),
                name: name.to_string(),
                name_en: en.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                date: ymd(year, *m, *d)?,
            })
        })
        .collect()
}

/// The nearest holiday within `days` of `date`, if any.
pub fn near_holiday(date: NaiveDate, holidays: &[HolidayRef], days: i64) -> Option<usize> {
    holidays
        .iter()
        .enumerate()
        .map(|(i, h)| (i, (h.date - date).num_days().abs()))
        .filter(|&(_, gap)| gap <= days)
        .min_by_key(|&(_, gap)| gap)
        .map(|(i, _)| i)
}

/// Compiled dictionaries of a profile, ready for matching.
#[derive(Clone, Debug)]
pub struct Dicts {
    pub themes: Vec<TagEntry>,
    pub teams: Vec<TagEntry>,
    pub holidays: Vec<HolidayRef>,
}

impl Dicts {
    pub fn new(themes: &[TagEntry], teams: &[TagEntry], holidays: &[HolidayRef]) -> Dicts {
        Dicts { themes: themes.to_vec(), teams: teams.to_vec(), holidays: holidays.to_vec() }
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
    pub holidays: Vec<usize>,
    pub holiday_from_name: bool,
}

fn matches_entry(text: &str, name: &str, aliases: &[String]) -> bool {
    !text.is_empty() && (text.contains(name) || aliases.iter().any(|a| !a.is_empty() && text.contains(a.as_str())))
}

fn match_dict(text: &str, dict: &[TagEntry]) -> Vec<usize> {
    dict.iter().enumerate().filter(|(_, t)| matches_entry(text, &t.name, &t.aliases)).map(|(i, _)| i).collect()
}

/// Tags of one activity (§3): from the 活动主题 / 服务队 / 节庆日 cells; from the name only
/// where a cell is empty. Stand-in for `tags::tag_activity`.
pub fn tag(tables: &Tables, a: &Activity, dicts: &Dicts) -> Tags {
    let name = tables.so(a.name);
    let theme_cell = tables.so(a.theme);
    let team_cell = tables.so(a.team);
    let holiday_cell = tables.so(a.holiday);
    let (themes, themes_inferred) =
        if theme_cell.is_empty() { (match_dict(name, &dicts.themes), true) } else { (match_dict(theme_cell, &dicts.themes), false) };
    let (teams, teams_inferred) =
        if team_cell.is_empty() { (match_dict(name, &dicts.teams), true) } else { (match_dict(team_cell, &dicts.teams), false) };
    let hol = |text: &str| -> Vec<usize> {
        dicts
            .holidays
            .iter()
            .enumerate()
            .filter(|(_, h)| matches_entry(text, &h.name, &h.aliases))
            .map(|(i, _)| i)
            .collect()
    };
    let mut holidays = hol(holiday_cell);
    let mut holiday_from_name = false;
    if holidays.is_empty() {
        holidays = hol(name);
        holiday_from_name = !holidays.is_empty();
    }
    Tags { themes, themes_inferred, teams, teams_inferred, holidays, holiday_from_name }
}

/// The key the user confirms a suggested holiday activity by: `station|date|name`.
pub fn activity_key(tables: &Tables, a: &Activity) -> String {
    let date = a.date.map(|d| d.to_string()).unwrap_or_default();
    format!("{}|{}|{}", tables.so(a.station), date, tables.so(a.name))
}

/// Month and day number helpers used by the rules.
pub fn days_in_year(year: i32) -> u32 {
    if ymd(year, 2, 29).is_some() { 366 } else { 365 }
}

/// Year-end of `year`.
pub fn year_end(year: i32) -> Option<NaiveDate> {
    ymd(year, 12, 31)
}

/// The month number of a date (for G1 slots).
pub fn month_of(d: NaiveDate) -> u32 {
    d.month()
}
