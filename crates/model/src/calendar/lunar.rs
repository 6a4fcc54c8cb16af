//! Lunar (农历) month-day → Gregorian date.
//!
//! Backed by `chinese-lunisolar-calendar` (MIT, magiclen): three compact tables (month
//! lengths, leap months, new-year offsets; under 1 KB) for lunar years 1901–2100, no
//! astronomy at run time and no time-zone database — plus [`CORRECTIONS`] below.
//! We answer only for [`supported_years`]: the range the fixture
//! test proves, month by month, against an astronomical implementation (sxtwl).

use crate::calendar::table::supported_years;
use chinese_lunisolar_calendar::LunisolarDate;
use chrono::{Days, NaiveDate};

/// One lunar month whose first day or length differs from the crate's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Correction {
    pub year: i32,
    pub month: u32,
    /// Days to add to the table's first day.
    pub shift: i8,
    /// Days to add to the table's month length.
    pub len: i8,
}

/// Months where the crate's table (older Hong Kong Observatory data) puts a month's first
/// day one day late. In each, the new moon falls seconds or minutes before midnight
/// Beijing time (ephem: 2057-09-28 23:59:49, 2089-09-04 23:57:13, 2097-08-07 23:59:17),
/// so by the rule of GB/T 33661-2017 (the month starts on the day of the new moon, UTC+8)
/// the month starts that day; sxtwl, lunardate and ephem all agree. The month before is a
/// day shorter. Effect on holidays: 重阳 2057 is 10-06 (table: 10-07), 中秋 2089 is 09-18
/// (table: 09-19). These dates hang on the Earth's future rotation (ΔT) and may still be
/// revised by the observatories; see `close_calls` in tests/fixtures/holidays_2000_2100.json.
pub const CORRECTIONS: [Correction; 6] = [
    Correction { year: 2057, month: 8, shift: 0, len: -1 },
    Correction { year: 2057, month: 9, shift: -1, len: 1 },
    Correction { year: 2089, month: 7, shift: 0, len: -1 },
    Correction { year: 2089, month: 8, shift: -1, len: 1 },
    Correction { year: 2097, month: 6, shift: 0, len: -1 },
    Correction { year: 2097, month: 7, shift: -1, len: 1 },
];

/// The Gregorian date of lunar `month`-`day` (the ordinary month, never the leap month of
/// that number) in the lunar year that begins in Gregorian `year`.
///
/// `None` outside [`supported_years`], for a month outside 1–12
/// or a day the month does not have (30 in a 29-day month).
pub fn lunar_to_solar(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let (first, len) = month_start_and_len(year, month)?;
    if !(1..=len).contains(&day) {
        return None;
    }
    first.checked_add_days(Days::new(u64::from(day - 1)))
}

/// First day and length (29 or 30) of an ordinary lunar month, corrected.
fn month_start_and_len(year: i32, month: u32) -> Option<(NaiveDate, u32)> {
    if !supported_years().contains(&year) {
        return None;
    }
    let y = u16::try_from(year).ok()?;
    let m = u8::try_from(month).ok()?;
    let first = LunisolarDate::from_ymd(y, m, false, 1).ok()?.to_naive_date();
    let len = if LunisolarDate::from_ymd(y, m, false, 30).is_ok() { 30 } else { 29 };
    match CORRECTIONS.iter().find(|c| c.year == year && c.month == month) {
        None => Some((first, len)),
        Some(c) => {
            let first = first.checked_add_signed(chrono::TimeDelta::days(i64::from(c.shift)))?;
            let len = len.checked_add_signed(i32::from(c.len))?;
            Some((first, len))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_come_in_pairs_that_keep_the_year_length() {
        // Each corrected month starts a day earlier and is a day longer; the month before
        // it is a day shorter: the lunar year as a whole does not move.
        assert_eq!(CORRECTIONS.len() % 2, 0);
        for pair in CORRECTIONS.chunks(2) {
            let (before, moved) = (pair[0], pair[1]);
            assert_eq!(before.year, moved.year);
            assert_eq!(before.month + 1, moved.month);
            assert_eq!((before.shift, before.len, moved.shift, moved.len), (0, -1, -1, 1));
            assert!(supported_years().contains(&moved.year));
            // the corrected month still follows on from the month before
            let (b_first, b_len) = month_start_and_len(before.year, before.month).unwrap();
            let (m_first, _) = month_start_and_len(moved.year, moved.month).unwrap();
            assert_eq!(b_first + Days::new(u64::from(b_len)), m_first);
        }
    }

    #[test]
    fn out_of_range_input_is_none_not_a_panic() {
        assert_eq!(lunar_to_solar(2017, 0, 1), None);
        assert_eq!(lunar_to_solar(2017, 13, 1), None);
        assert_eq!(lunar_to_solar(2017, 1, 0), None);
        assert_eq!(lunar_to_solar(2017, 1, 31), None);
        assert_eq!(lunar_to_solar(2017, u32::MAX, u32::MAX), None);
        assert_eq!(lunar_to_solar(1999, 1, 1), None);
        assert_eq!(lunar_to_solar(2101, 1, 1), None);
        assert_eq!(lunar_to_solar(i32::MIN, 1, 1), None);
    }
}
