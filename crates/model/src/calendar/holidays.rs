//! The 25 holidays of one year, dated.

use crate::calendar::lunar::lunar_to_solar;
use crate::calendar::qingming::qingming;
use crate::calendar::table::{supported_years, HolidayDef, HolidayRule, HOLIDAYS};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

/// A holiday with its date in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Holiday {
    /// Stable ascii id, e.g. `spring_festival`.
    pub id: &'static str,
    /// 春节
    pub name: &'static str,
    pub name_en: &'static str,
    pub aliases: &'static [&'static str],
    pub date: NaiveDate,
}

/// The 25 holidays of `year`, sorted by date (ties keep the table order). Empty for a year
/// outside [`supported_years`].
pub fn holidays(year: i32) -> Vec<Holiday> {
    if !supported_years().contains(&year) {
        return Vec::new();
    }
    let mut out: Vec<Holiday> = HOLIDAYS.iter().filter_map(|h| dated(h, year)).collect();
    crate::sort::sort_by_key(&mut out, |h| h.date); // stable: equal dates keep table order
    out
}

/// One holiday of `year` by its id; `None` for an unknown id or unsupported year.
pub fn holiday_by_id(id: &str, year: i32) -> Option<Holiday> {
    HOLIDAYS.iter().find(|h| h.id == id).and_then(|h| dated(h, year))
}

fn dated(h: &HolidayDef, year: i32) -> Option<Holiday> {
    if !supported_years().contains(&year) {
        return None;
    }
    let date = match h.rule {
        HolidayRule::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        HolidayRule::Lunar(m, d) => lunar_to_solar(year, m, d),
        HolidayRule::Qingming => qingming(year),
        HolidayRule::NthWeekday { month, weekday, n } => nth_weekday(year, month, weekday, n),
    }?;
    Some(Holiday { id: h.id, name: h.name, name_en: h.name_en, aliases: h.aliases, date })
}

/// The `n`-th (from 1) `weekday` of `month`, if that month has one.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let to_first = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let day = first.checked_add_days(Days::new(u64::from(to_first) + 7 * u64::from(n.checked_sub(1)?)))?;
    (day.month() == month).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn nth_weekday_counts_from_the_first_of_the_month() {
        // May 2017 starts on a Monday: Sundays 7, 14, 21, 28.
        assert_eq!(nth_weekday(2017, 5, Weekday::Sun, 3), Some(d(2017, 5, 21)));
        // May 2022 starts on a Sunday: the first Sunday is the 1st.
        assert_eq!(nth_weekday(2022, 5, Weekday::Sun, 1), Some(d(2022, 5, 1)));
        assert_eq!(nth_weekday(2022, 5, Weekday::Sun, 3), Some(d(2022, 5, 15)));
        assert_eq!(nth_weekday(2017, 5, Weekday::Sun, 5), None, "May 2017 has four Sundays");
        assert_eq!(nth_weekday(2017, 5, Weekday::Sun, 0), None);
        assert_eq!(nth_weekday(2017, 13, Weekday::Sun, 1), None);
    }

    #[test]
    fn unsupported_years_give_nothing() {
        for y in [i32::MIN, -1, 0, 1999, 2101, i32::MAX] {
            assert!(holidays(y).is_empty(), "{y}");
            assert_eq!(holiday_by_id("new_year", y), None, "{y}");
        }
        assert_eq!(holiday_by_id("no_such_day", 2017), None);
    }
}
