//! Hours as written (indicators.md §2): `2.5`, `2.5小时`, `2小时30分`, `150分钟`, `1:30`,
//! `2.5h`, `1.5 小时`, an Excel duration, an ODS `PT2H30M`. Range checks (0 < h ≤ 24 for one
//! service record) are the row's business: this only reads the amount.

use crate::cell_parsers::fold::fold_width;
use crate::cell_parsers::Read;
use crate::input::cell::{trim, Cell};

/// Unit words, longest first so `分钟` is tried before `分`. `true` = hours, `false` = minutes.
const UNITS: &[(&str, bool)] = &[
    ("个小时", true),
    ("小时", true),
    ("hours", true),
    ("hour", true),
    ("hrs", true),
    ("hr", true),
    ("时", true),
    ("h", true),
    ("分钟", false),
    ("minutes", false),
    ("minute", false),
    ("mins", false),
    ("min", false),
    ("分", false),
    ("m", false),
];

/// Reads an amount of hours. `minutes_column` is true when the header said the column is in
/// minutes (`服务时长（分钟）`): then a bare number counts as minutes.
pub fn read_hours(cell: &Cell, minutes_column: bool) -> Read<f64> {
    let scale = if minutes_column { 1.0 / 60.0 } else { 1.0 };
    let got = match cell {
        Cell::Empty => return Read::Empty,
        Cell::Text(t) if trim(t).is_empty() => return Read::Empty,
        Cell::Text(t) => parse_hours_text(t, minutes_column),
        Cell::Int(i) => Some(*i as f64 * scale),
        Cell::Float(f) => Some(f * scale),
        // `[h]:mm` durations, and `h:mm` times of day used as durations, are fractions of a day.
        Cell::DateTime { serial, duration: true } => Some(serial * 24.0),
        Cell::DateTime { serial, duration: false } if (0.0..1.0).contains(serial) => Some(serial * 24.0),
        Cell::DateTime { .. } | Cell::Bool(_) | Cell::Error(_) => None,
    };
    match got {
        Some(h) if h.is_finite() => Read::Value(h),
        _ => Read::Unreadable,
    }
}

/// Parses written hours; `None` when the text is anything else.
pub fn parse_hours_text(raw: &str, minutes_column: bool) -> Option<f64> {
    let folded = fold_width(raw).to_lowercase();
    let s: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() {
        return None;
    }
    if s == "半小时" {
        return Some(0.5);
    }
    if let Some(h) = iso_duration(&s) {
        return Some(h);
    }
    if let Some(h) = clock(&s) {
        return Some(h);
    }
    // A bare number (possibly negative, so that the range check can report it).
    if let Ok(v) = s.parse::<f64>() {
        if s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
            return Some(if minutes_column { v / 60.0 } else { v });
        }
        return None;
    }
    // Number-unit pairs: hours first, then minutes, each at most once; a trailing bare
    // number after hours is minutes (`2小时30`).
    let mut rest = s.as_str();
    let mut hours: Option<f64> = None;
    let mut minutes: Option<f64> = None;
    while !rest.is_empty() {
        let n_len = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
        if n_len == 0 {
            return None;
        }
        let v: f64 = rest.get(..n_len)?.parse().ok()?;
        rest = rest.get(n_len..)?;
        let unit = UNITS.iter().find(|(u, _)| rest.starts_with(u));
        match unit {
            Some(&(u, true)) if hours.is_none() && minutes.is_none() => {
                hours = Some(v);
                rest = rest.get(u.len()..)?;
            }
            Some(&(u, false)) if minutes.is_none() => {
                minutes = Some(v);
                rest = rest.get(u.len()..)?;
            }
            None if rest.is_empty() && hours.is_some() && minutes.is_none() => minutes = Some(v),
            _ => return None,
        }
    }
    if minutes.is_some_and(|m| hours.is_some() && m >= 60.0) {
        return None;
    }
    Some(hours.unwrap_or(0.0) + minutes.unwrap_or(0.0) / 60.0)
}

/// `1:30` or `1:30:00` (h:mm[:ss]).
fn clock(s: &str) -> Option<f64> {
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let h: f64 = parts.first()?.parse().ok()?;
    let m: f64 = parts.get(1)?.parse().ok()?;
    let sec: f64 = parts.get(2).map_or(Some(0.0), |p| p.parse().ok())?;
    if parts.get(1)?.len() != 2 || m >= 60.0 || sec >= 60.0 {
        return None;
    }
    Some(h + m / 60.0 + sec / 3600.0)
}

/// ODS durations: `pt2h30m0s` (already lower-cased).
fn iso_duration(s: &str) -> Option<f64> {
    let mut rest = s.strip_prefix("pt")?;
    let mut total = 0.0;
    while !rest.is_empty() {
        let n = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
        let v: f64 = rest.get(..n)?.parse().ok()?;
        let unit = rest.get(n..n + 1)?;
        total += match unit {
            "h" => v,
            "m" => v / 60.0,
            "s" => v / 3600.0,
            _ => return None,
        };
        rest = rest.get(n + 1..)?;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cell: Cell, minutes_column: bool, want: Option<f64>) {
        let got = read_hours(&cell, minutes_column);
        match (got, want) {
            (Read::Value(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{cell:?}: {g} ≠ {w}"),
            (Read::Unreadable, None) => {}
            (g, w) => panic!("{cell:?}: got {g:?}, want {w:?}"),
        }
    }

    #[test]
    fn written_hours() {
        let cases: &[(&str, Option<f64>)] = &[
            ("2.5", Some(2.5)),
            ("2", Some(2.0)),
            ("2.5小时", Some(2.5)),
            ("1.5 小时", Some(1.5)),
            ("2个小时", Some(2.0)),
            ("2小时30分", Some(2.5)),
            ("2小时30分钟", Some(2.5)),
            ("2小时30", Some(2.5)),
            ("2时30分", Some(2.5)),
            ("150分钟", Some(2.5)),
            ("90分", Some(1.5)),
            ("1:30", Some(1.5)),
            ("1:30:36", Some(1.51)),
            ("2.5h", Some(2.5)),
            ("2.5H", Some(2.5)),
            ("3 hours", Some(3.0)),
            ("2h30m", Some(2.5)),
            ("45min", Some(0.75)),
            ("半小时", Some(0.5)),
            ("２．５小时", Some(2.5)),
            ("PT2H30M0S", Some(2.5)),
            ("-2", Some(-2.0)),
            ("0", Some(0.0)),
            ("两小时", None),
            ("2.5天", None),
            ("2小时70分", None),
            ("1:3", None),
            ("1:75", None),
            ("2-3", None),
            ("约2小时", None),
            ("30分2小时", None),
            ("2小时2小时", None),
            ("1e3", None),
            ("abc", None),
        ];
        for &(s, want) in cases {
            check(Cell::Text(s.into()), false, want);
        }
    }

    #[test]
    fn minutes_columns_and_typed_cells() {
        check(Cell::Text("150".into()), true, Some(2.5));
        check(Cell::Int(90), true, Some(1.5));
        check(Cell::Text("2小时".into()), true, Some(2.0));
        check(Cell::Float(2.5), false, Some(2.5));
        check(Cell::Int(3), false, Some(3.0));
        check(Cell::DateTime { serial: 0.0625, duration: true }, false, Some(1.5));
        check(Cell::DateTime { serial: 1.25, duration: true }, false, Some(30.0));
        check(Cell::DateTime { serial: 0.0625, duration: false }, false, Some(1.5));
        check(Cell::DateTime { serial: 42898.0, duration: false }, false, None);
        check(Cell::Float(f64::INFINITY), false, None);
        check(Cell::Bool(true), false, None);
        assert_eq!(read_hours(&Cell::Empty, false), Read::Empty);
    }
}
