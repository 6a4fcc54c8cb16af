//! The time worked written in one cell, when a sheet has no hours column: `9:00-11:30`,
//! `9:00至11:30`, `上午9点到11点半`, `下午2点-4点`, `2019-05-01 09:00-11:30`,
//! `2019/5/1 9:00 ~ 2019/5/1 11:30`, `9:00-12:00，14:00-17:00` (two spans, summed).
//!
//! Decisions: a span's end before its start without a date is read as the afternoon when
//! that gives a span of at most 12 hours (`9点-5点` is 9:00–17:00), else as past midnight;
//! 下午/晚上/傍晚 before a time add 12 hours and carry to the span's end when the end has no
//! word of its own (`下午2点到4点` is 14:00–16:00). Anything else — a lone time, three
//! times, text between a time and the next that is not a range word — is not a span.

use crate::cell_parsers::fold::fold_width;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A span read from a cell: the date written with it (if any) and the hours it covers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub date: Option<NaiveDate>,
    pub hours: f64,
}

/// Words that join the two ends of a span.
const RANGE_WORDS: &[&str] = &["至", "到", "~", "-", "—", "–", "－", "～", "－", "至于"];
/// Words that separate two spans.
const LIST_WORDS: &[&str] = &[",", "，", "、", ";", "；", "和", "及", "/"];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Half {
    Morning,
    Noon,
    Afternoon,
}

#[derive(Clone, Copy, Debug)]
struct Point {
    date: Option<NaiveDate>,
    /// Minutes after midnight, as written (before any half-day word).
    minutes: u32,
    half: Option<Half>,
    /// Written as a clock (`9:00`), not in words (`9点`).
    clock: bool,
}

#[derive(Debug, PartialEq)]
enum Tok {
    Date(NaiveDate),
    /// Minutes after midnight, the half-day word before it, written as a clock.
    Time(u32, Option<Half>, bool),
    Range,
    List,
}

/// Reads a span; `None` when the text is not one (or not only one).
pub fn parse_span(raw: &str) -> Option<Span> {
    let s = fold_width(raw);
    let toks = tokens(s.trim())?;
    // Dates apply to the times after them; times pair up as (start, end), joined by a range
    // word, pairs separated by a list word.
    let mut points: Vec<Point> = Vec::new();
    let mut date = None;
    let mut first_date = None;
    let mut expect_end = false;
    let mut spans: Vec<(Point, Point)> = Vec::new();
    let mut pending: Option<Point> = None;
    for t in toks {
        match t {
            Tok::Date(d) => {
                date = Some(d);
                first_date = first_date.or(Some(d));
            }
            Tok::Time(minutes, half, clock) => {
                let p = Point { date, minutes, half, clock };
                match pending.take() {
                    None => pending = Some(p),
                    Some(start) if expect_end => {
                        spans.push((start, p));
                        expect_end = false;
                    }
                    Some(_) => return None, // two times with no range word between them
                }
                points.push(p);
            }
            Tok::Range => {
                if pending.is_none() || expect_end {
                    return None;
                }
                expect_end = true;
            }
            Tok::List => {
                if pending.is_some() {
                    return None;
                }
            }
        }
    }
    if pending.is_some() || spans.is_empty() {
        return None;
    }
    let mut hours = 0.0;
    for (a, b) in spans {
        hours += span_hours(a, b)?;
    }
    Some(Span { date: first_date, hours })
}

/// A moment as a start or end cell holds it: a date, a time of day, or both
/// (`2019-05-01 09:00:00`, `09:00`, `下午2点`, an Excel date-time or time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moment {
    pub date: Option<NaiveDate>,
    /// Minutes after midnight.
    pub minutes: Option<u32>,
}

/// Reads a start or end cell; `None` when it is no moment (or empty).
pub fn read_moment(cell: &crate::input::cell::Cell, dates: crate::input::cell::DateSystem) -> Option<Moment> {
    use crate::input::cell::{date_from_serial, Cell};
    match cell {
        Cell::DateTime { serial, duration: false } if serial.is_finite() && *serial >= 0.0 => {
            let day = serial.floor();
            let minutes = ((serial - day) * 1440.0).round() as u32;
            let date = if day >= 1.0 { date_from_serial(day, dates) } else { None };
            Some(Moment { date, minutes: (minutes < 1440).then_some(minutes).or(Some(0)) })
        }
        Cell::Text(t) => {
            let s = fold_width(t);
            let toks = tokens(s.trim())?;
            match toks.as_slice() {
                [Tok::Date(d)] => Some(Moment { date: Some(*d), minutes: None }),
                [Tok::Time(m, h, _)] => Some(Moment { date: None, minutes: Some(with_half(*m, *h)) }),
                [Tok::Date(d), Tok::Time(m, h, _)] => Some(Moment { date: Some(*d), minutes: Some(with_half(*m, *h)) }),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Hours from a start to an end: by their dates and times when both have dates, else by
/// the times alone. An end equal to its start is 0 hours (reported as such by the row); an
/// end before its start is past midnight only from an evening (18:00 on) into an early
/// morning (6:00 at most), else it is no span (`None`, a typo the row reports). `None`
/// without both times.
pub fn hours_between(start: Moment, end: Moment) -> Option<f64> {
    let (a, b) = (start.minutes?, end.minutes?);
    if let (Some(da), Some(db)) = (start.date, end.date) {
        return dated_hours(da, a, db, b);
    }
    clock_hours(a, b)
}

/// Hours between two dated moments; `None` for an end before the start.
fn dated_hours(da: NaiveDate, a: u32, db: NaiveDate, b: u32) -> Option<f64> {
    let ta = NaiveDateTime::new(da, NaiveTime::from_num_seconds_from_midnight_opt(a.min(1439) * 60, 0)?);
    let tb = NaiveDateTime::new(db, NaiveTime::from_num_seconds_from_midnight_opt(b.min(1439) * 60, 0)?);
    let secs = (tb - ta).num_seconds();
    (secs >= 0).then(|| secs as f64 / 3600.0)
}

/// Hours between two clock times of one service (see [`hours_between`]).
fn clock_hours(a: u32, b: u32) -> Option<f64> {
    let b = if b >= a {
        b
    } else if a >= 18 * 60 && b <= 6 * 60 {
        b + 24 * 60
    } else {
        return None;
    };
    Some(f64::from(b - a) / 60.0)
}

fn with_half(minutes: u32, half: Option<Half>) -> u32 {
    let h = minutes / 60;
    match half {
        Some(Half::Afternoon) if h < 12 => minutes + 12 * 60,
        Some(Half::Noon) if h < 11 => minutes + 12 * 60,
        Some(Half::Morning) if h == 12 => minutes - 12 * 60,
        _ => minutes,
    }
}

fn span_hours(a: Point, b: Point) -> Option<f64> {
    let start = with_half(a.minutes, a.half);
    // the end takes the start's half-day word when it has none of its own
    let b_half = b.half.or(match a.half {
        Some(Half::Afternoon) => Some(Half::Afternoon),
        _ => None,
    });
    let end = with_half(b.minutes, b_half);
    if let (Some(da), Some(db)) = (a.date, b.date) {
        return dated_hours(da, start, db, end);
    }
    // `9点-5点`: an end in words before its start is the afternoon's
    if end < start && !b.clock && b.half.is_none() && end < 12 * 60 && end + 12 * 60 > start {
        return Some(f64::from(end + 12 * 60 - start) / 60.0);
    }
    clock_hours(start, end)
}

/// The text as tokens; `None` at anything that is not a date, a time, a half-day word, a
/// range or list word, or a space.
fn tokens(s: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut half: Option<Half> = None;
    while !rest.is_empty() {
        let c = rest.chars().next()?;
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if let Some((d, n)) = date_prefix(rest) {
            out.push(Tok::Date(d));
            rest = &rest[n..];
            continue;
        }
        if let Some((h, n)) = half_prefix(rest) {
            half = Some(h);
            rest = &rest[n..];
            continue;
        }
        if let Some((m, n, clock)) = time_prefix(rest) {
            out.push(Tok::Time(m, half.take(), clock));
            rest = &rest[n..];
            continue;
        }
        if half.is_none() {
            if let Some(w) = RANGE_WORDS.iter().find(|w| rest.starts_with(**w)) {
                out.push(Tok::Range);
                rest = &rest[w.len()..];
                continue;
            }
            if let Some(w) = LIST_WORDS.iter().find(|w| rest.starts_with(**w)) {
                out.push(Tok::List);
                rest = &rest[w.len()..];
                continue;
            }
        }
        return None;
    }
    Some(out)
}

fn half_prefix(s: &str) -> Option<(Half, usize)> {
    const WORDS: &[(&str, Half)] = &[
        ("上午", Half::Morning),
        ("早上", Half::Morning),
        ("早晨", Half::Morning),
        ("凌晨", Half::Morning),
        ("am", Half::Morning),
        ("AM", Half::Morning),
        ("中午", Half::Noon),
        ("下午", Half::Afternoon),
        ("晚上", Half::Afternoon),
        ("傍晚", Half::Afternoon),
        ("晚", Half::Afternoon),
        ("pm", Half::Afternoon),
        ("PM", Half::Afternoon),
    ];
    WORDS.iter().find(|(w, _)| s.starts_with(*w)).map(|&(w, h)| (h, w.len()))
}

fn ascii_digits(s: &str, max: usize) -> (u32, usize) {
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    (s[..n].parse().unwrap_or(0), n)
}

/// `2019-05-01`, `2019/5/1`, `2019.5.1`, `2019年5月1日` at the start of `s`.
fn date_prefix(s: &str) -> Option<(NaiveDate, usize)> {
    let (y, n) = ascii_digits(s, 4);
    if n != 4 {
        return None;
    }
    let mut i = n;
    let sep = s[i..].chars().next().filter(|c| matches!(c, '-' | '/' | '.' | '年'))?;
    i += sep.len_utf8();
    let (m, n) = ascii_digits(&s[i..], 2);
    if n == 0 {
        return None;
    }
    i += n;
    let sep2 = if sep == '年' { '月' } else { sep };
    if !s[i..].starts_with(sep2) {
        return None;
    }
    i += sep2.len_utf8();
    let (d, n) = ascii_digits(&s[i..], 2);
    if n == 0 {
        return None;
    }
    i += n;
    if sep == '年' {
        if let Some(c) = s[i..].chars().next().filter(|c| matches!(c, '日' | '号')) {
            i += c.len_utf8();
        }
    }
    Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, i))
}

/// Chinese numerals up to 24 (`九`, `十一`, `二十`): `(value, bytes)`.
fn chinese_hour(s: &str) -> Option<(u32, usize)> {
    let digit =
        |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or((c == '两').then_some(2));
    let mut chars = s.char_indices().peekable();
    let (_, c0) = *chars.peek()?;
    let mut value;
    let mut end;
    if c0 == '十' {
        chars.next();
        value = 10;
        end = c0.len_utf8();
    } else {
        value = digit(c0)?;
        chars.next();
        end = c0.len_utf8();
        if let Some(&(i, '十')) = chars.peek() {
            chars.next();
            value *= 10;
            end = i + '十'.len_utf8();
        } else {
            return Some((value, end));
        }
    }
    if let Some(&(i, c)) = chars.peek() {
        if let Some(d) = digit(c).filter(|&d| d > 0) {
            value += d;
            end = i + c.len_utf8();
        }
    }
    Some((value, end))
}

/// `9:00`, `09:00:00`, `9点`, `9点半`, `9点30(分)`, `9时30分`, `九点半` at the start of `s`:
/// minutes after midnight, bytes read, and whether it was written as a clock (`9:00`).
fn time_prefix(s: &str) -> Option<(u32, usize, bool)> {
    let (h, n) = match ascii_digits(s, 2) {
        (_, 0) => chinese_hour(s)?,
        got => got,
    };
    let rest = &s[n..];
    let (minutes, used) = if let Some(r) = rest.strip_prefix(':') {
        let (m, k) = ascii_digits(r, 2);
        if k != 2 {
            return None;
        }
        let mut used = 1 + k;
        let r2 = &r[k..];
        if let Some(r3) = r2.strip_prefix(':') {
            let (_, k2) = ascii_digits(r3, 2);
            if k2 != 2 {
                return None;
            }
            used += 1 + k2;
        }
        (m, used)
    } else if let Some(word) = ["点", "时"].into_iter().find(|w| rest.starts_with(*w)) {
        let r = &rest[word.len()..];
        let mut used = word.len();
        let m = if let Some(r2) = r.strip_prefix('半') {
            let _ = r2;
            used += '半'.len_utf8();
            30
        } else {
            let (m, k) = ascii_digits(r, 2);
            let (m, k) = if k == 0 { chinese_minutes(r).unwrap_or((0, 0)) } else { (m, k) };
            used += k;
            if k > 0 && r[k..].starts_with('分') {
                used += '分'.len_utf8();
            }
            m
        };
        (m, used)
    } else {
        return None;
    };
    let clock = rest.starts_with(':');
    (h <= 24 && minutes < 60 && !(h == 24 && minutes > 0)).then_some((h * 60 + minutes, n + used, clock))
}

/// `三十`, `十五`, `四十五` after 点 (minutes in Chinese numerals).
fn chinese_minutes(s: &str) -> Option<(u32, usize)> {
    let (v, n) = chinese_hour(s)?;
    (v < 60).then_some((v, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn spans() {
        type Want = Option<(Option<NaiveDate>, f64)>;
        let cases: &[(&str, Want)] = &[
            ("9:00-11:30", Some((None, 2.5))),
            ("09:00~11:30", Some((None, 2.5))),
            ("9:00至11:30", Some((None, 2.5))),
            ("９：００－１１：３０", Some((None, 2.5))),
            ("9:00 — 11:30", Some((None, 2.5))),
            ("14:00-17:00", Some((None, 3.0))),
            ("上午9点到11点半", Some((None, 2.5))),
            ("下午2点-4点", Some((None, 2.0))),
            ("下午2点到下午4点半", Some((None, 2.5))),
            ("上午9点到下午1点", Some((None, 4.0))),
            ("中午12点到1点", Some((None, 1.0))),
            ("9点-5点", Some((None, 8.0))),
            ("九点到十一点半", Some((None, 2.5))),
            ("9时30分至11时", Some((None, 1.5))),
            ("9点30分到11点", Some((None, 1.5))),
            ("晚上7点到9点", Some((None, 2.0))),
            ("22:00-02:00", Some((None, 4.0))),
            ("14:00-14:00", Some((None, 0.0))),
            ("9:00-9:00", Some((None, 0.0))),
            ("09:00-08:30", None),
            ("13:00-1:00", None),
            ("2019-05-01 09:00 至 2019-05-01 08:00", None),
            ("9:00-12:00，14:00-17:00", Some((None, 6.0))),
            ("9:00-12:00、14:00-17:00", Some((None, 6.0))),
            ("2019-05-01 09:00-11:30", Some((d(2019, 5, 1), 2.5))),
            ("2019/5/1 9:00 ~ 2019/5/1 11:30", Some((d(2019, 5, 1), 2.5))),
            ("2019年5月1日 上午9点至11点", Some((d(2019, 5, 1), 2.0))),
            ("2019-05-01 09:00:00 至 2019-05-01 11:30:00", Some((d(2019, 5, 1), 2.5))),
            ("2019-05-01 20:00 至 2019-05-02 01:00", Some((d(2019, 5, 1), 5.0))),
            ("9:00", None),
            ("9:00-", None),
            ("9:00 11:30", None),
            ("9:00-11:30-12:00", None),
            ("2.5", None),
            ("2019-05-01", None),
            ("上午", None),
            ("活动 9:00-11:30", None),
            ("25:00-26:00", None),
            ("9:60-10:00", None),
            ("", None),
        ];
        for &(text, want) in cases {
            let got = parse_span(text).map(|s| (s.date, s.hours));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn moments_and_hours_between_them() {
        use crate::input::cell::{Cell, DateSystem};
        let m = |c: Cell| read_moment(&c, DateSystem::V1900);
        let t = |s: &'static str| Cell::Text(s.into());
        // 2019-05-01 is serial 43586
        assert_eq!(
            m(Cell::DateTime { serial: 43586.375, duration: false }),
            Some(Moment { date: d(2019, 5, 1), minutes: Some(540) })
        );
        assert_eq!(m(Cell::DateTime { serial: 0.5, duration: false }), Some(Moment { date: None, minutes: Some(720) }));
        assert_eq!(m(t("2019-05-01 09:00:00")), Some(Moment { date: d(2019, 5, 1), minutes: Some(540) }));
        assert_eq!(m(t("下午2点")), Some(Moment { date: None, minutes: Some(840) }));
        assert_eq!(m(t("2019/5/1")), Some(Moment { date: d(2019, 5, 1), minutes: None }));
        assert_eq!(m(t("签到")), None);
        assert_eq!(m(Cell::Int(3)), None);
        let at = |date, minutes| Moment { date, minutes: Some(minutes) };
        assert_eq!(hours_between(at(d(2019, 5, 1), 540), at(d(2019, 5, 1), 690)), Some(2.5));
        assert_eq!(
            hours_between(at(d(2019, 5, 1), 540), at(None, 690)),
            Some(2.5),
            "an end without a date is that day's"
        );
        assert_eq!(hours_between(at(None, 1320), at(None, 120)), Some(4.0), "past midnight");
        assert_eq!(hours_between(at(d(2019, 5, 1), 600), at(d(2019, 5, 1), 540)), None, "an end before its start");
        assert_eq!(hours_between(at(None, 540), at(None, 540)), Some(0.0), "0 hours, reported by the row");
        assert_eq!(hours_between(at(None, 540), at(None, 510)), None, "09:00 to 08:30 is a typo, not 23.5 hours");
        assert_eq!(hours_between(Moment { date: d(2019, 5, 1), minutes: None }, at(None, 600)), None);
    }
}
