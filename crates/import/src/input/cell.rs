//! One cell as any input format delivers it, before it means anything.
//!
//! Invariant: a `Cell` borrows from the workbook when it can (shared strings), so a
//! million-row sheet streams without a `String` per cell.

use chrono::{Duration, NaiveDate};
use std::borrow::Cow;

/// Which epoch a workbook's date serials count from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateSystem {
    /// Day 1 = 1900-01-01, with Lotus' fake 1900-02-29 as serial 60 (Excel, WPS default).
    #[default]
    V1900,
    /// Day 0 = 1904-01-01 (old Mac Excel; a workbook setting).
    V1904,
}

/// A cell's raw value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A number formatted as a date, time or duration: the serial in the workbook's
    /// [`DateSystem`]. `duration` is true for `[h]:mm`-style formats.
    DateTime {
        serial: f64,
        duration: bool,
    },
    /// `#N/A`, `#DIV/0!` …
    Error(Cow<'a, str>),
}

impl Cell<'_> {
    /// True for an empty cell or text that is only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            // a lone dash or slash is how exports write "nothing here" (签到时间 of a no-show)
            Cell::Text(t) => matches!(trim(t), "" | "-" | "--" | "—" | "——" | "－" | "/" | "／"),
            _ => false,
        }
    }

    /// The text of a text cell.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Cell::Text(t) => Some(t),
            _ => None,
        }
    }

    /// A copy that owns its text (for the rows buffered while the header is searched).
    pub fn to_owned_cell(&self) -> Cell<'static> {
        match self {
            Cell::Empty => Cell::Empty,
            Cell::Text(t) => Cell::Text(Cow::Owned(t.to_string())),
            Cell::Int(i) => Cell::Int(*i),
            Cell::Float(f) => Cell::Float(*f),
            Cell::Bool(b) => Cell::Bool(*b),
            Cell::DateTime { serial, duration } => Cell::DateTime { serial: *serial, duration: *duration },
            Cell::Error(e) => Cell::Error(Cow::Owned(e.to_string())),
        }
    }

    /// Like [`Cell::display`], borrowing text cells instead of copying them (the hot path).
    pub fn display_cow(&self, dates: DateSystem) -> Cow<'_, str> {
        match self {
            Cell::Text(t) => Cow::Borrowed(t),
            other => Cow::Owned(other.display(dates)),
        }
    }

    /// What a person sees in the cell, roughly as Excel shows it: integers without ".0",
    /// dates as `2017-06-12`, durations as `1:30`.
    pub fn display(&self, dates: DateSystem) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => number_text(*f),
            Cell::Bool(true) => "TRUE".into(),
            Cell::Bool(false) => "FALSE".into(),
            Cell::DateTime { serial, duration } => datetime_text(*serial, *duration, dates),
            Cell::Error(e) => e.to_string(),
        }
    }
}

/// Whitespace including the ideographic space U+3000 and no-break space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// Trims ASCII, ideographic and no-break spaces.
pub fn trim(s: &str) -> &str {
    // the usual cell: no space at either end, decided on the two end bytes (a UTF-8 byte
    // below 0x80 is a whole character; the spaces above ASCII start with 0xC2, 0xE1–0xE3)
    let b = s.as_bytes();
    let plain = |x: u8| (x > b' ' && x < 0x80) || (0xE4..=0xEF).contains(&x);
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if plain(f) && (l > b' ' && l < 0x80 || l >= 0x80 && ends_plain(b)) => s,
        _ => s.trim_matches(is_space),
    }
}

/// Whether the last character of `b` (ending in a UTF-8 continuation byte) starts with a
/// byte no Unicode space starts with.
fn ends_plain(b: &[u8]) -> bool {
    let start = b.iter().rposition(|&x| x & 0xC0 != 0x80);
    start.is_some_and(|i| (0xE4..=0xEF).contains(&b[i]))
}

/// `42.0` → "42", `2.5` → "2.5", `5.10114e17` → "510114000000000000".
pub fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// The date of an Excel serial, or `None` for serials that name no real day
/// (below 1, the fake 1900-02-29, or past 9999-12-31).
pub fn date_from_serial(serial: f64, dates: DateSystem) -> Option<NaiveDate> {
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64; // in range: checked above
    match dates {
        DateSystem::V1904 => NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_signed(Duration::days(days)),
        DateSystem::V1900 => match days {
            0 => None,
            // Excel counts a 1900-02-29 that never was: serials 1–59 are one day later
            // than a plain count from 1899-12-30, and 60 is the fake day itself.
            1..=59 => NaiveDate::from_ymd_opt(1899, 12, 31)?.checked_add_signed(Duration::days(days)),
            60 => None,
            _ => NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(days)),
        },
    }
}

fn datetime_text(serial: f64, duration: bool, dates: DateSystem) -> String {
    if !serial.is_finite() {
        return String::new();
    }
    let minutes = ((serial.fract().abs()) * 1440.0).round() as i64 % 1440;
    if duration || (0.0..1.0).contains(&serial) {
        let total = (serial * 1440.0).round();
        if total.abs() > 1e12 {
            return number_text(serial);
        }
        let total = total as i64;
        return format!("{}:{:02}", total / 60, (total % 60).abs());
    }
    match date_from_serial(serial, dates) {
        Some(d) if minutes == 0 => d.format("%Y-%m-%d").to_string(),
        Some(d) => format!("{} {}:{:02}", d.format("%Y-%m-%d"), minutes / 60, minutes % 60),
        None => number_text(serial),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn serials_mind_the_1900_leap_year_bug_and_1904() {
        let cases: &[(f64, DateSystem, Option<NaiveDate>)] = &[
            (1.0, DateSystem::V1900, d(1900, 1, 1)),
            (59.0, DateSystem::V1900, d(1900, 2, 28)),
            (60.0, DateSystem::V1900, None), // the fake 1900-02-29
            (61.0, DateSystem::V1900, d(1900, 3, 1)),
            (42898.0, DateSystem::V1900, d(2017, 6, 12)),
            (42898.75, DateSystem::V1900, d(2017, 6, 12)),
            (0.0, DateSystem::V1900, None),
            (-3.0, DateSystem::V1900, None),
            (f64::NAN, DateSystem::V1900, None),
            (1e300, DateSystem::V1900, None),
            (0.0, DateSystem::V1904, d(1904, 1, 1)),
            (41436.0, DateSystem::V1904, d(2017, 6, 12)), // 42898 − 1462
        ];
        for &(s, sys, want) in cases {
            assert_eq!(date_from_serial(s, sys), want, "serial {s} in {sys:?}");
        }
    }

    /// The fast path of `trim` decides exactly as the general one, for every Unicode space
    /// at either end and the characters around the byte ranges it tests.
    #[test]
    fn trim_fast_path_equals_the_general_path() {
        let spaces: Vec<char> = (0..=0x3000u32).filter_map(char::from_u32).filter(|&c| is_space(c)).collect();
        let others = [
            'a',
            '1',
            '~',
            '\u{7f}',
            'é',
            'ÿ',
            'Ā',
            'ः',
            '\u{e000}',
            '一',
            '张',
            '鿿',
            '，',
            'Ａ',
            '😀',
            '\u{ffff}',
            '\u{10000}',
        ];
        let mut cases: Vec<String> = vec![String::new()];
        for &o in &others {
            cases.push(o.to_string());
            cases.push(format!("{o}志愿{o}"));
            for &sp in &spaces {
                cases.push(format!("{sp}{o}"));
                cases.push(format!("{o}{sp}"));
                cases.push(format!("{o}x{sp}"));
                cases.push(format!("{sp}"));
            }
        }
        for s in &cases {
            assert_eq!(trim(s), s.trim_matches(is_space), "{s:?}");
        }
    }

    #[test]
    fn display_is_what_a_clerk_sees() {
        let v = DateSystem::V1900;
        assert_eq!(Cell::Float(42.0).display(v), "42");
        assert_eq!(Cell::Float(2.5).display(v), "2.5");
        assert_eq!(Cell::Float(5.10114e17).display(v), "510114000000000000");
        assert_eq!(Cell::DateTime { serial: 42898.0, duration: false }.display(v), "2017-06-12");
        assert_eq!(Cell::DateTime { serial: 42898.395833333336, duration: false }.display(v), "2017-06-12 9:30");
        assert_eq!(Cell::DateTime { serial: 0.0625, duration: true }.display(v), "1:30");
        assert_eq!(Cell::DateTime { serial: 1.5, duration: true }.display(v), "36:00");
        assert!(Cell::Text("\u{3000} ".into()).is_blank());
        assert!(!Cell::Text("0".into()).is_blank());
    }
}
