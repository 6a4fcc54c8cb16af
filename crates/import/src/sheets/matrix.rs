//! Participation matrices (wide sheets): one row per volunteer, one column per activity (流浪狗之家, 国际志愿者日,
//! 植树节活动 …), each cell how often the volunteer took part — a participation matrix, as
//! university associations and some stations keep. Import recognises the shape and says
//! so; once the clerk confirms (a [`MatrixSheetChoice`] in the sheet's override, with the hours of
//! one participation and the date of each activity), every count becomes that many service
//! records and each activity an activity row, so X2/X3 and theme coverage see them.
//!
//! Hours come from a table of the activities' hours in the same import (活动名称, 单次时长:
//! a [`CatalogueEntry`] list) or are typed once per activity; a date is written in the
//! header (`2019.3.5学雷锋`), follows from the holiday the name names (植树节活动 → 3-12 of
//! the scored year) or is typed. An activity without hours or a date makes no records: one
//! finding says so, not one per cell.
//!
//! A workbook of a sheet per department repeats the same activities on every sheet (issue
//! 28: 477 hour boxes and 477 date boxes for one real workbook). An activity's hours and
//! date are therefore typed once for the import: a value given on one sheet applies to
//! every sheet with an activity column of the same normalised header unless that sheet
//! gives its own, and a [`MatrixChoice`] (with a default hours value) confirms every matrix
//! sheet of the import at once ([`Shared`]); [`matrix_activities`] lists the distinct
//! activities, each once, with the sheets that have it.

use crate::choices::{MatrixChoice, MatrixColumnChoice, MatrixSheetChoice, SharedActivity};
use crate::columns::synonyms::normalize_header;
use crate::outcome::{CatalogueEntry, MatrixColumn, MatrixSheet};
use chrono::NaiveDate;
use scorecard_model::calendar::holiday_by_id;
use scorecard_model::calendar::HOLIDAYS;
use serde::{Deserialize, Serialize};

/// What the sheets of one import share for their matrices, from all the overrides
/// (see [`MatrixChoice`]): per normalised activity name the first hours and the first date
/// given, the first default hours, and whether sheets without a choice are confirmed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shared {
    by_name: Vec<(String, SharedActivity)>,
    pub default_hours: Option<f64>,
    /// A [`MatrixChoice`] was given: every matrix sheet is confirmed.
    pub confirm_all: bool,
}

/// Hours of one participation a matrix takes: over 0, at most 24.
pub fn usable_hours(h: Option<f64>) -> Option<f64> {
    h.filter(|h| *h > 0.0 && *h <= 24.0)
}

impl Shared {
    /// From the overrides of an import, in their order: the [`MatrixChoice`]s' entries
    /// first, then the sheets' own choices.
    pub fn of(overrides: &[crate::choices::SheetOverride]) -> Shared {
        let mut out = Shared::default();
        let mut add = |name: &str, hours: Option<f64>, date: Option<NaiveDate>, skip: bool| {
            let key = normalize_header(name);
            if key.is_empty() {
                return;
            }
            match out.by_name.iter_mut().find(|(k, _)| *k == key) {
                Some((_, e)) => {
                    e.hours = e.hours.or(usable_hours(hours));
                    e.date = e.date.or(date);
                }
                None => out
                    .by_name
                    .push((key, SharedActivity { name: name.to_string(), hours: usable_hours(hours), date, skip })),
            }
        };
        for m in overrides.iter().filter_map(|o| o.matrix.as_ref()) {
            for a in &m.activities {
                add(&a.name, a.hours, a.date, a.skip);
            }
        }
        for w in overrides.iter().filter_map(|o| o.wide.as_ref()) {
            for a in &w.activities {
                add(&a.name, a.hours, a.date, false);
            }
        }
        let matrices = || overrides.iter().filter_map(|o| o.matrix.as_ref());
        out.default_hours = matrices().find_map(|m| usable_hours(m.default_hours));
        out.confirm_all = matrices().next().is_some();
        out
    }

    /// The shared hours and date of the activity named `name`.
    pub fn get(&self, name: &str) -> Option<&SharedActivity> {
        let key = normalize_header(name);
        self.by_name.iter().find(|(k, _)| *k == key).map(|(_, a)| a)
    }
}

/// Where a matrix activity is: a sheet's column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixPlace {
    pub file: String,
    pub sheet: String,
    pub column: u32,
    pub letter: String,
}

/// One activity across all the matrix sheets of an import, listed once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixActivity {
    /// The normalised name the sheets' columns are matched by.
    pub key: String,
    /// The name as the first sheet having it writes it.
    pub name: String,
    /// How many matrix sheets have it, and where.
    pub sheets: u32,
    pub places: Vec<MatrixPlace>,
    /// Summed over the sheets: volunteers with a count above 0, and the counts.
    pub people: u32,
    pub times: u32,
    /// Hints, from the first sheet that has one: hours from a table of activities' hours,
    /// where they were read, a date, a month and day, a holiday in the header.
    pub hours: Option<f64>,
    pub hours_from: Option<String>,
    pub date: Option<NaiveDate>,
    pub month_day: Option<(u32, u32)>,
    pub holiday: Option<String>,
    /// The hours and date records were made with, when every sheet that converted it used
    /// the same (`None` when none did, or they differ).
    pub chosen_hours: Option<f64>,
    pub chosen_date: Option<NaiveDate>,
    /// Sheets that converted it.
    pub confirmed_sheets: u32,
}

/// The distinct activities of all the participation matrices of an import, in the order
/// they first appear (file, sheet, column), each with the sheets that have it: what the
/// import screen asks hours and a date for once.
pub fn matrix_activities(files: &[crate::outcome::FileOutcome]) -> Vec<MatrixActivity> {
    let mut out: Vec<MatrixActivity> = Vec::new();
    let mut chosen: Vec<Vec<(Option<f64>, Option<NaiveDate>)>> = Vec::new();
    for f in files {
        for s in &f.sheets {
            let Some(w) = &s.wide else { continue };
            for a in &w.activities {
                let key = normalize_header(&a.name);
                let i = match out.iter().position(|m| m.key == key) {
                    Some(i) => i,
                    None => {
                        out.push(MatrixActivity {
                            key,
                            name: a.name.clone(),
                            sheets: 0,
                            places: Vec::new(),
                            people: 0,
                            times: 0,
                            hours: None,
                            hours_from: None,
                            date: None,
                            month_day: None,
                            holiday: None,
                            chosen_hours: None,
                            chosen_date: None,
                            confirmed_sheets: 0,
                        });
                        chosen.push(Vec::new());
                        out.len() - 1
                    }
                };
                let m = &mut out[i];
                m.sheets += 1;
                m.places.push(MatrixPlace {
                    file: f.name.clone(),
                    sheet: s.name.clone(),
                    column: a.column,
                    letter: a.letter.clone(),
                });
                m.people += a.people;
                m.times += a.times;
                if m.hours.is_none() {
                    m.hours = a.hours;
                    m.hours_from = a.hours_from.clone();
                }
                m.date = m.date.or(a.date);
                m.month_day = m.month_day.or(a.month_day);
                m.holiday = m.holiday.take().or_else(|| a.holiday.clone());
                if w.confirmed && (a.chosen_hours.is_some() || a.chosen_date.is_some()) {
                    chosen[i].push((a.chosen_hours, a.chosen_date));
                }
            }
        }
    }
    for (m, c) in out.iter_mut().zip(chosen) {
        m.confirmed_sheets = c.len() as u32;
        if let Some(&(h, d)) = c.first() {
            if c.iter().all(|x| x.0 == h) {
                m.chosen_hours = h;
            }
            if c.iter().all(|x| x.1 == d) {
                m.chosen_date = d;
            }
        }
    }
    out
}

/// The [`MatrixChoice`] a clerk confirms when taking every hint: each activity with its
/// hours from a table of hours, its date from the header or the holiday it names in `year`.
pub fn default_matrix_choice(activities: &[MatrixActivity], year: i32) -> MatrixChoice {
    MatrixChoice {
        default_hours: None,
        activities: activities
            .iter()
            .map(|a| SharedActivity {
                name: a.name.clone(),
                hours: a.hours,
                date: a
                    .date
                    .or_else(|| a.month_day.and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d)))
                    .or_else(|| a.holiday.as_deref().and_then(|id| holiday_by_id(id, year)).map(|h| h.date)),
                skip: false,
            })
            .collect(),
    }
}

/// The choice a clerk confirms when taking every hint: each activity with its hours from a
/// table of hours, its date from the header or the holiday it names in `year`.
pub fn default_choice(sheet: &MatrixSheet, year: i32) -> MatrixSheetChoice {
    MatrixSheetChoice {
        activities: sheet
            .activities
            .iter()
            .map(|a| MatrixColumnChoice {
                column: a.column,
                name: a.name.clone(),
                hours: a.hours,
                date: a.date.or_else(|| day_in_year(a, year)).or_else(|| holiday_date(a, year)),
            })
            .collect(),
    }
}

/// The month and day an activity's header names, in `year`.
pub fn day_in_year(a: &MatrixColumn, year: i32) -> Option<NaiveDate> {
    a.month_day.and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d))
}

/// A month and day at the start of a header (`3月5日学雷锋`, `3.5植树`, `3/12`).
pub fn month_day_in(name: &str) -> Option<(u32, u32)> {
    let s = crate::cell_parsers::fold::fold_width(name);
    let s = s.trim();
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let n = digits(s);
    if !(1..=2).contains(&n) {
        return None;
    }
    let m: u32 = s[..n].parse().ok()?;
    let rest = &s[n..];
    let sep = rest.chars().next().filter(|c| matches!(c, '月' | '.' | '/' | '-'))?;
    let rest = &rest[sep.len_utf8()..];
    let k = digits(rest);
    if !(1..=2).contains(&k) {
        return None;
    }
    let d: u32 = rest[..k].parse().ok()?;
    let tail = &rest[k..];
    if sep == '月'
        && !tail.is_empty()
        && !tail.starts_with(['日', '号'])
        && tail.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

/// The date of the holiday an activity names, in `year`.
pub fn holiday_date(a: &MatrixColumn, year: i32) -> Option<NaiveDate> {
    a.holiday.as_deref().and_then(|id| holiday_by_id(id, year)).map(|h| h.date)
}

/// The holiday a name names (by name or alias), as its id.
pub fn holiday_in(name: &str) -> Option<&'static str> {
    let dict = scorecard_model::tags::holiday_dict();
    scorecard_model::tags::holiday_named(name, &dict).and_then(|i| HOLIDAYS.get(i)).map(|h| h.id)
}

/// A full date written at the start or end of a header: `2019.3.5学雷锋`, `植树（2019-03-12）`
/// (brackets are kept here: this reads the raw header).
pub fn date_in(name: &str) -> Option<NaiveDate> {
    // a header past 40 characters names no date we read (and a hostile one is not scanned)
    let s: String = crate::cell_parsers::fold::fold_width(name).chars().take(40).collect();
    let bytes = s.as_bytes();
    (0..bytes.len()).filter(|&i| s.is_char_boundary(i) && bytes[i].is_ascii_digit()).find_map(|i| {
        let rest = &s[i..];
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '年' | '月' | '日')))
            .unwrap_or(rest.len());
        crate::cell_parsers::date::parse_date_text(&rest[..len])
    })
}

/// A table of activities' hours ready for look-ups: (normalised name, where it was read, entry).
pub type Catalogue = Vec<(String, String, CatalogueEntry)>;

/// The hours of an activity from catalogue entries: the entry of the same name (after
/// normalising), else the one entry whose name contains it or is contained in it.
pub fn hours_for<'c>(name: &str, entries: &'c Catalogue) -> Option<&'c (String, String, CatalogueEntry)> {
    let key = normalize_header(name);
    if key.is_empty() {
        return None;
    }
    if let Some(e) = entries.iter().find(|(n, _, _)| *n == key) {
        return Some(e);
    }
    let mut near = entries.iter().filter(|(n, _, _)| !n.is_empty() && (n.contains(&key) || key.contains(n.as_str())));
    match (near.next(), near.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// True for a header that names a period rather than an activity (`1月`, `2019年`,
/// `第一季度`, `合计`): such columns never make a matrix.
pub fn is_period_or_total(header: &str) -> bool {
    let h = normalize_header(header);
    if h.is_empty() {
        return true;
    }
    // a day is an activity's date (a sign-in grid of one column per day), not a period
    if date_in(header).is_some() || month_day_in(header).is_some() {
        return false;
    }
    const WORDS: &[&str] = &["合计", "总计", "小计", "总数", "共计", "总和", "累计", "平均"];
    if WORDS.iter().any(|w| h.contains(w)) {
        return true;
    }
    let digits_or_cn = |c: char| c.is_ascii_digit() || "一二三四五六七八九十〇零".contains(c);
    let core = h.trim_start_matches('第');
    for unit in ["月份", "月", "年", "季度", "周", "日", "号"] {
        if let Some(n) = core.strip_suffix(unit) {
            let n = n
                .trim_end_matches(['年', '-', '.', '/'])
                .trim_start_matches(|c: char| c.is_ascii_digit() && n.contains('年'));
            if !n.is_empty() && n.chars().all(|c| digits_or_cn(c) || matches!(c, '年' | '-' | '.' | '/')) {
                return true;
            }
        }
    }
    h.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn hints() {
        assert_eq!(holiday_in("植树节活动"), Some("tree_planting_day"));
        assert_eq!(holiday_in("国际志愿者日"), Some("volunteer_day"));
        assert_eq!(holiday_in("流浪狗之家"), None);
        assert_eq!(date_in("2019.3.5学雷锋"), Some(d(2019, 3, 5)));
        assert_eq!(date_in("植树（2019-03-12）"), Some(d(2019, 3, 12)));
        assert_eq!(date_in("流浪狗之家"), None);
        for h in ["1月", "12月", "一月", "2019年", "2019年3月", "第一季度", "合计", "总计", "2019-03", "3"]
        {
            assert!(is_period_or_total(h), "{h}");
        }
        assert_eq!(month_day_in("3月5日学雷锋"), Some((3, 5)));
        assert_eq!(month_day_in("3.12植树"), Some((3, 12)));
        assert_eq!(month_day_in("12/5"), Some((12, 5)));
        assert_eq!(month_day_in("2月30日"), None);
        assert_eq!(month_day_in("流浪狗之家"), None);
        for h in ["流浪狗之家", "国际志愿者日", "植树节活动", "敬老院探访", "2019-03-05", "3月5日", "3.12"]
        {
            assert!(!is_period_or_total(h), "{h}");
        }
    }

    #[test]
    fn default_choice_takes_the_hints() {
        let a = |column, name: &str, hours, date, holiday: Option<&str>| MatrixColumn {
            column,
            letter: String::new(),
            name: name.into(),
            people: 1,
            times: 1,
            hours,
            hours_from: None,
            date,
            holiday: holiday.map(String::from),
            month_day: None,
            chosen_hours: None,
            chosen_date: None,
        };
        let sheet = MatrixSheet {
            activities: vec![
                a(5, "植树节活动", Some(3.0), None, Some("tree_planting_day")),
                a(6, "2019.3.5学雷锋", None, Some(d(2019, 3, 5)), Some("lei_feng_day")),
                a(7, "流浪狗之家", Some(2.5), None, None),
            ],
            confirmed: false,
            records: 0,
        };
        let c = default_choice(&sheet, 2019);
        let got: Vec<(u32, Option<f64>, Option<NaiveDate>)> =
            c.activities.iter().map(|a| (a.column, a.hours, a.date)).collect();
        assert_eq!(got, [(5, Some(3.0), Some(d(2019, 3, 12))), (6, None, Some(d(2019, 3, 5))), (7, Some(2.5), None)]);
    }

    #[test]
    fn catalogue_matching() {
        let e = |name: &str, hours| {
            (normalize_header(name), String::new(), CatalogueEntry { name: name.into(), hours, row: 2 })
        };
        let entries = vec![e("流浪狗之家", 2.0), e("植树节", 3.0), e("敬老院探访活动", 1.5)];
        assert_eq!(hours_for("流浪狗之家", &entries).map(|x| x.2.hours), Some(2.0));
        assert_eq!(hours_for("植树节活动", &entries).map(|x| x.2.hours), Some(3.0), "contains the entry's name");
        assert_eq!(hours_for("敬老院探访", &entries).map(|x| x.2.hours), Some(1.5), "contained in it");
        assert_eq!(hours_for("国际志愿者日", &entries), None);
    }
}
