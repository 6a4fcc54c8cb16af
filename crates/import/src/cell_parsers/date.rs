//! Dates as they occur in real sheets (indicators.md §2): Excel serials, `2017-06-12`,
//! `2017/6/12`, `2017.6.12`, `2017年6月12日`, `20170612`, with or without a time.
//! Anything else is unreadable; a day-month order is never guessed: `21/06/2024` and
//! `03/04/2024` are read only in a column whose order is known ([`DateOrder`]: proved by
//! its cells, or chosen by the clerk), every cell of that column in that order.

use crate::cell_parsers::fold::fold_width;
use crate::cell_parsers::Read;
use crate::input::cell::{date_from_serial, trim, Cell, DateSystem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The order a column writes a date's day and month in, before a four-digit year
/// (`21/06/2024`, `06/21/2024`, also with `.` or `-`). Year-first forms (`2024-06-21`,
/// `2024年6月21日`, serials) are read in every order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Year first only: a day-or-month-first date is not read (the order is not known).
    #[default]
    Ymd,
    /// Day, month, year: `21/06/2024`.
    Dmy,
    /// Month, day, year: `06/21/2024`.
    Mdy,
}

impl DateOrder {
    /// How the order is written for a clerk: `日/月/年（如 21/06/2024）`.
    pub fn format_zh(self) -> &'static str {
        match self {
            DateOrder::Ymd => "年/月/日（如 2024/6/21）",
            DateOrder::Dmy => "日/月/年（如 21/06/2024）",
            DateOrder::Mdy => "月/日/年（如 06/21/2024）",
        }
    }

    pub fn format_en(self) -> &'static str {
        match self {
            DateOrder::Ymd => "YYYY/MM/DD (as 2024/6/21)",
            DateOrder::Dmy => "DD/MM/YYYY (as 21/06/2024)",
            DateOrder::Mdy => "MM/DD/YYYY (as 06/21/2024)",
        }
    }
}

/// What a day-or-month-first date says of its column's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayMonth {
    /// A date only day first: `21/06/2024`.
    DayFirst,
    /// A date only month first: `06/21/2024`.
    MonthFirst,
    /// A date either way: `03/04/2024` (and `05/05/2024`, the same date both ways).
    Either,
    /// No date either way: `13/25/2024`, `31/02/2024`.
    Neither,
}

/// The two parts and the year of a date written `a/b/yyyy` (or with `.` or `-`, the same
/// separator twice) at the start of a text, and the byte length of that date; what follows
/// it must not continue it (a digit or a separator).
fn day_month_parts(s: &str) -> Option<(u32, u32, i32, usize)> {
    let mut p = Parser { s, i: 0 };
    let a = p.digits(1, 2)?;
    let sep = p.one_of(&['/', '.', '-'])?;
    let b = p.digits(1, 2)?;
    p.exact(sep)?;
    let y = p.digits(4, 4)?;
    if p.rest().starts_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | '.' | '-')) {
        return None;
    }
    Some((a, b, y as i32, p.i))
}

/// What a text's leading `a/b/yyyy` date says of the order; `None` when it has none.
pub fn day_month(raw: &str) -> Option<DayMonth> {
    let s = fold_width(raw);
    let (a, b, y, _) = day_month_parts(trim(&s))?;
    let dmy = NaiveDate::from_ymd_opt(y, b, a).is_some();
    let mdy = NaiveDate::from_ymd_opt(y, a, b).is_some();
    Some(match (dmy, mdy) {
        (true, false) => DayMonth::DayFirst,
        (false, true) => DayMonth::MonthFirst,
        (true, true) => DayMonth::Either,
        (false, false) => DayMonth::Neither,
    })
}

/// The text with a leading `a/b/yyyy` date rewritten year first (`2024-06-21`) in `order`,
/// the rest (a time, a span's end) kept; unchanged when it has no such date or the order is
/// [`DateOrder::Ymd`]. Every reader of dates (date, start, end, span) reads through it.
pub fn year_first(raw: &str, order: DateOrder) -> Cow<'_, str> {
    if order == DateOrder::Ymd {
        return Cow::Borrowed(raw);
    }
    let folded = fold_width(raw);
    let s = trim(&folded);
    let Some((a, b, y, len)) = day_month_parts(s) else { return Cow::Borrowed(raw) };
    let (d, m) = if order == DateOrder::Dmy { (a, b) } else { (b, a) };
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => Cow::Owned(format!("{}{}", date.format("%Y-%m-%d"), s.get(len..).unwrap_or(""))),
        None => Cow::Borrowed(raw),
    }
}

/// Years a volunteer-service date can plausibly have.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// A plain (not date-formatted) number is taken as a serial only from 1950 on, so that a
/// stray count or hours value in a date column is reported rather than read as 1900-xx-xx.
const PLAIN_SERIAL_MIN: f64 = 18_264.0; // 1950-01-01

pub fn read_date(cell: &Cell, dates: DateSystem) -> Read<NaiveDate> {
    read_date_in(cell, dates, DateOrder::Ymd)
}

/// [`read_date`] in a column whose dates are written in `order`.
pub fn read_date_in(cell: &Cell, dates: DateSystem, order: DateOrder) -> Read<NaiveDate> {
    let got = match cell {
        Cell::Empty => return Read::Empty,
        Cell::Text(t) if trim(t).is_empty() => return Read::Empty,
        Cell::Text(t) => parse_date_text(&year_first(t, order)),
        Cell::DateTime { serial, duration: false } => date_from_serial(*serial, dates),
        Cell::DateTime { duration: true, .. } => None,
        Cell::Int(i) => date_from_number(*i as f64, dates),
        Cell::Float(f) => date_from_number(*f, dates),
        Cell::Bool(_) | Cell::Error(_) => None,
    };
    match got {
        Some(d) if YEARS.contains(&chrono::Datelike::year(&d)) => Read::Value(d),
        _ => Read::Unreadable,
    }
}

/// A number typed into a date column: `20170612`, or a serial whose date format was lost.
fn date_from_number(f: f64, dates: DateSystem) -> Option<NaiveDate> {
    if (19_000_101.0..=21_001_231.0).contains(&f) && f.fract() == 0.0 {
        return ymd8(&format!("{}", f as i64));
    }
    if f >= PLAIN_SERIAL_MIN {
        return date_from_serial(f, dates);
    }
    None
}

fn ymd8(s: &str) -> Option<NaiveDate> {
    let (y, m, d) = (s.get(0..4)?, s.get(4..6)?, s.get(6..8)?);
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Parses the written forms of a date; `None` when the text is anything else.
pub fn parse_date_text(raw: &str) -> Option<NaiveDate> {
    let s = fold_width(raw);
    let s = trim(&s);
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return ymd8(s);
    }
    // the usual form first; the rarer ones (ROC years, English months, a date with its
    // weekday) only when it fails: this runs on every date cell of a sheet
    common(s).or_else(|| roc(s)).or_else(|| english(s)).or_else(|| leading(s))
}

/// `2024-03-05`, `2024/3/5`, `2024.03.05`, `2024年3月5日`, with or without a time.
fn common(s: &str) -> Option<NaiveDate> {
    let mut p = Parser { s, i: 0 };
    let y = p.digits(4, 4)?;
    let sep = p.one_of(&['-', '/', '.', '年'])?;
    let m = p.digits(1, 2)?;
    let sep2 = if sep == '年' { '月' } else { sep };
    p.exact(sep2)?;
    let d = p.digits(1, 2)?;
    if sep == '年' {
        let _ = p.one_of(&['日', '号']);
    }
    p.time_tail()?;
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// A date in English words: `January 5, 2024`, `Jan 5 2024`, `5 January 2024`, `5-Jan-2024`.
fn english(s: &str) -> Option<NaiveDate> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if !s.bytes().any(|b| b.is_ascii_alphabetic()) || s.len() > 24 {
        return None;
    }
    let words: Vec<String> =
        s.split([' ', ',', '-', '.']).filter(|w| !w.is_empty()).map(|w| w.to_ascii_lowercase()).collect();
    if words.len() != 3 {
        return None;
    }
    let month = |w: &str| {
        let full = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        MONTHS
            .iter()
            .position(|m| w == *m || w == "sept" && *m == "sep")
            .or_else(|| full.iter().position(|m| w == *m))
            .map(|i| i as u32 + 1)
    };
    let num = |w: &str| w.parse::<u32>().ok();
    let (m, d, y) = match (month(&words[0]), month(&words[1])) {
        (Some(m), None) => (m, num(&words[1])?, num(&words[2])?),
        (None, Some(m)) => (m, num(&words[0])?, num(&words[2])?),
        _ => return None,
    };
    if !(1900..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// A date written first and followed by its weekday, a time or the rest of a span
/// (`2024.08.01(四) 上午 09:00 ~ 2024.08.01(四) 下午 05:00`): the date.
fn leading(s: &str) -> Option<NaiveDate> {
    let end = s.find(['(', '（', ' ', '~', '～'])?;
    let (head, rest) = s.split_at(end);
    if head.len() < 8 {
        return None;
    }
    let rest = rest.trim_start();
    // a weekday or a span after the date (a bare 上午 after it says nothing sure)
    let follows = rest.starts_with(['(', '（', '~', '～', '至']);
    if !follows {
        return None;
    }
    let mut p = Parser { s: head, i: 0 };
    let (y, m, d) = p.ymd(4)?;
    if !p.rest().is_empty() {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// A date of the Republic of China calendar as Taiwan's systems write it: the year counted
/// from 1912 in three digits, `113/03/05`, `098-09-01` or `1130305` (year 113 is 2024).
/// Years 050–150 only (1961–2061), so a code of seven digits is rarely taken for one.
fn roc(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let (y, m, d) = if b.len() == 7 && b.iter().all(u8::is_ascii_digit) {
        (s.get(..3)?.parse::<u32>().ok()?, s.get(3..5)?.parse().ok()?, s.get(5..)?.parse().ok()?)
    } else {
        let mut p = Parser { s, i: 0 };
        let ymd = p.ymd(3)?;
        p.time_tail()?;
        ymd
    };
    if !(50..=150).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32 + 1911, m, d)
}

struct Parser<'a> {
    s: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        self.s.get(self.i..).unwrap_or("")
    }

    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let n = self.rest().bytes().take_while(|b| b.is_ascii_digit()).count();
        if n < min || n > max {
            return None;
        }
        let v = self.rest().get(..n)?.parse().ok()?;
        self.i += n;
        Some(v)
    }

    fn one_of(&mut self, set: &[char]) -> Option<char> {
        let c = self.rest().chars().next().filter(|c| set.contains(c))?;
        self.i += c.len_utf8();
        Some(c)
    }

    /// `Y-M-D`, `Y/M/D` or `Y.M.D` (one separator, twice), the year in `year` digits.
    fn ymd(&mut self, year: usize) -> Option<(u32, u32, u32)> {
        let y = self.digits(year, year)?;
        let sep = self.one_of(&['-', '/', '.'])?;
        let m = self.digits(1, 2)?;
        self.exact(sep)?;
        let d = self.digits(1, 2)?;
        Some((y, m, d))
    }

    fn exact(&mut self, c: char) -> Option<()> {
        self.one_of(&[c]).map(|_| ())
    }

    /// Nothing, or ` 9:30`, `T09:30:00`, ` 9:30:00.000` — the time is checked, then dropped.
    fn time_tail(&mut self) -> Option<()> {
        if self.rest().is_empty() {
            return Some(());
        }
        let sep_len = self.rest().chars().take_while(|&c| c == ' ' || c == 'T').map(char::len_utf8).sum::<usize>();
        if sep_len == 0 {
            return None;
        }
        self.i += sep_len;
        // a Chinese locale's 上午 / 下午 before the time (2019/3/5 下午 01:30:05)
        let half = ["上午", "下午", "AM", "PM"].iter().find(|w| self.rest().starts_with(*w)).map(|w| w.len());
        if let Some(n) = half {
            self.i += n;
            self.i += self.rest().chars().take_while(|&c| c == ' ').count();
        }
        let h = self.digits(1, 2)?;
        self.exact(':')?;
        let m = self.digits(2, 2)?;
        let mut s = 0;
        if self.exact(':').is_some() {
            s = self.digits(2, 2)?;
            if self.exact('.').is_some() {
                self.digits(1, 9)?;
            }
        }
        (h < 24 && m < 60 && s < 60 && self.rest().is_empty()).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cell: Cell, dates: DateSystem, want: Option<(i32, u32, u32)>) {
        let got = read_date(&cell, dates);
        let want = match want {
            Some((y, m, d)) => Read::Value(NaiveDate::from_ymd_opt(y, m, d).unwrap()),
            None => Read::Unreadable,
        };
        assert_eq!(got, want, "{cell:?}");
    }

    fn t(s: &str) -> Cell<'_> {
        Cell::Text(s.into())
    }

    #[test]
    fn roc_years_english_months_and_leading_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date_text("113/03/05"), d(2024, 3, 5));
        assert_eq!(parse_date_text("098/09/01"), d(2009, 9, 1));
        assert_eq!(parse_date_text("1150101"), d(2026, 1, 1));
        assert_eq!(parse_date_text("1134567"), None, "month 45");
        assert_eq!(parse_date_text("0201231"), None, "year 20 is out of range");
        assert_eq!(parse_date_text("January 5, 2024"), d(2024, 1, 5));
        assert_eq!(parse_date_text("5 Sept 2024"), d(2024, 9, 5));
        assert_eq!(parse_date_text("2024.08.01(四) 上午 09:00 ~ 2024.08.01(四) 下午 05:00"), d(2024, 8, 1));
        assert_eq!(parse_date_text("2024-08-01 备注"), None, "a date and other words is no date");
    }

    #[test]
    fn written_forms() {
        let v = DateSystem::V1900;
        let ok = Some((2017, 6, 12));
        for s in [
            "2017-06-12",
            "2017/6/12",
            "2017.6.12",
            "2017年6月12日",
            "2017年06月12号",
            "2017年6月12",
            "20170612",
            "2017-06-12 09:30",
            "2017/6/12 9:30:00",
            "2017-06-12T09:30:00",
            "2017-06-12 09:30:00.000",
            "２０１７／６／１２",
            " 2017-6-12 ",
        ] {
            check(t(s), v, ok);
        }
        for s in [
            "6/12/2017",
            "12/6/2017",
            "17-6-12",
            "2017-6",
            "2017-13-01",
            "2017-02-30",
            "2017/6-12",
            "2017-06-12 25:00",
            "2017-06-12 上午",
            "2017-06-12至2017-06-13",
            "六月十二日",
            "1899-12-31",
            "2017061",
            "2017.6.12.",
        ] {
            check(t(s), v, None);
        }
    }

    #[test]
    fn day_and_month_first() {
        let v = DateSystem::V1900;
        let read = |s: &str, order| read_date_in(&t(s), v, order);
        let day = |y, m, d| Read::Value(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(read("21/06/2024", DateOrder::Dmy), day(2024, 6, 21));
        assert_eq!(read("3.4.2024", DateOrder::Dmy), day(2024, 4, 3));
        assert_eq!(read("03-04-2024 9:30", DateOrder::Mdy), day(2024, 3, 4));
        assert_eq!(read("２１/０６/２０２４", DateOrder::Dmy), day(2024, 6, 21));
        assert_eq!(read("2024-06-21", DateOrder::Dmy), day(2024, 6, 21), "year first in every order");
        for (s, order) in [
            ("21/06/2024", DateOrder::Ymd),
            ("21/06/2024", DateOrder::Mdy),
            ("13/25/2024", DateOrder::Dmy),
            ("03/04-2024", DateOrder::Dmy),
            ("03/04/24", DateOrder::Dmy),
            ("03/04/20245", DateOrder::Dmy),
            ("03/04/2024 上午", DateOrder::Dmy),
        ] {
            assert_eq!(read(s, order), Read::Unreadable, "{s} {order:?}");
        }
        assert_eq!(day_month("21/06/2024"), Some(DayMonth::DayFirst));
        assert_eq!(day_month("06/21/2024 10:00"), Some(DayMonth::MonthFirst));
        assert_eq!(day_month("03.04.2024"), Some(DayMonth::Either));
        assert_eq!(day_month("31/02/2024"), Some(DayMonth::Neither));
        assert_eq!(day_month("2024/02/03"), None);
        assert_eq!(year_first("21/06/2024 09:00-11:30", DateOrder::Dmy), "2024-06-21 09:00-11:30");
    }

    #[test]
    fn typed_cells() {
        let v = DateSystem::V1900;
        check(Cell::DateTime { serial: 42898.0, duration: false }, v, Some((2017, 6, 12)));
        check(Cell::DateTime { serial: 41436.0, duration: false }, DateSystem::V1904, Some((2017, 6, 12)));
        check(Cell::DateTime { serial: 60.0, duration: false }, v, None);
        check(Cell::DateTime { serial: 0.0625, duration: true }, v, None);
        check(Cell::DateTime { serial: 0.4, duration: false }, v, None); // a time of day, no date
        check(Cell::Float(42898.0), v, Some((2017, 6, 12)));
        check(Cell::Int(20170612), v, Some((2017, 6, 12)));
        check(Cell::Float(2.5), v, None); // hours in the wrong column, not 1900-01-02
        check(Cell::Int(12), v, None);
        check(Cell::Bool(true), v, None);
        check(Cell::Error("#N/A".into()), v, None);
        assert_eq!(read_date(&Cell::Empty, v), Read::Empty);
        assert_eq!(read_date(&t("  "), v), Read::Empty);
    }
}
