//! Chinese date and number formats shared by the UI, reports and messages.
//!
//! Decisions:
//! - Integers are grouped by thousands with a comma (`12,345`). GB/T 15835-2011 allows the
//!   thousands comma (千分撇) besides the thin space, and statistics bulletins and finance
//!   tables use it; a thin space does not survive Excel/WPS copy-paste. These strings are
//!   for display only: never write them into a CSV number column.
//! - Hours and percentages show at most one decimal, rounded half away from zero, and drop
//!   a trailing `.0`: `2.5`, `2`, `13.3%`, `13%` (a target reads `≥ 13%`, not `≥ 13.0%`).
//!   The integer part is grouped like integers (`1,234.5`).
//! - A value that is not a number (NaN, infinite) shows as `—`, never panics.

use chrono::{Datelike, NaiveDate};

/// `2017年6月12日` (no leading zeros, as written in official documents).
pub fn fmt_date_zh(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// `12345` → `12,345`; `-1234567` → `-1,234,567`.
pub fn fmt_int_zh(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    // a comma goes before digit i when a multiple of 3 digits follow: i ≡ len (mod 3)
    let lead = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && i % 3 == lead {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count (people, rows, bytes): [`fmt_int_zh`] for the unsigned numbers most callers hold.
pub fn fmt_count(n: u64) -> String {
    fmt_int_zh(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Hours: `2.5` → `2.5`, `2.0` → `2`, `2.25` → `2.3`, `12345.5` → `12,345.5`.
pub fn fmt_hours(h: f64) -> String {
    one_decimal(h)
}

/// A ratio as a percentage: `0.1333` → `13.3%`, `0.13` → `13%`, `1.0` → `100%`.
pub fn fmt_pct(ratio: f64) -> String {
    if !ratio.is_finite() {
        return "—".to_string();
    }
    format!("{}%", one_decimal(ratio * 100.0))
}

/// At most one decimal, half away from zero, no trailing `.0`, grouped integer part.
fn one_decimal(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    // Tenths as an integer; beyond i64 (≈9.2e17 tenths) a display value is meaningless.
    let tenths = (x * 10.0).round();
    if tenths.abs() >= 9.0e17 {
        return "—".to_string();
    }
    let tenths = tenths as i64; // in range: checked just above
    let sign = if tenths < 0 { "-" } else { "" };
    let whole = fmt_int_zh(i64::try_from(tenths.unsigned_abs() / 10).unwrap_or(i64::MAX));
    match tenths.unsigned_abs() % 10 {
        0 => format!("{sign}{whole}"),
        frac => format!("{sign}{whole}.{frac}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_have_no_leading_zeros() {
        let d = NaiveDate::from_ymd_opt(2017, 6, 2).unwrap();
        assert_eq!(fmt_date_zh(d), "2017年6月2日");
    }

    #[test]
    fn integers_group_by_thousands() {
        for (n, want) in [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (12345, "12,345"),
            (123456, "123,456"),
            (1234567, "1,234,567"),
            (-1234, "-1,234"),
            (-999, "-999"),
            (i64::MIN, "-9,223,372,036,854,775,808"),
        ] {
            assert_eq!(fmt_int_zh(n), want, "{n}");
        }
    }

    #[test]
    fn hours_and_percentages_keep_one_decimal_at_most() {
        for (h, want) in [
            (2.5, "2.5"),
            (2.0, "2"),
            (0.0, "0"),
            (2.25, "2.3"),
            (2.04, "2"),
            (0.05, "0.1"),
            (-1.25, "-1.3"),
            (-0.04, "0"),
            (12345.5, "12,345.5"),
            (f64::NAN, "—"),
            (f64::INFINITY, "—"),
            (1e30, "—"),
        ] {
            assert_eq!(fmt_hours(h), want, "{h}");
        }
        for (r, want) in [
            (0.1333, "13.3%"),
            (0.13, "13%"),
            (0.7, "70%"),
            (1.0, "100%"),
            (0.12996, "13%"),
            (0.0, "0%"),
            (2.5, "250%"),
            (f64::NAN, "—"),
        ] {
            assert_eq!(fmt_pct(r), want, "{r}");
        }
    }
}
