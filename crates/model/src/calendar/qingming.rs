//! The Qingming solar term: the day (Beijing time, UTC+8) the Sun reaches apparent
//! ecliptic longitude 15°.
//!
//! Method: the mean-term formula. The term recurs every tropical year (365.2422 days);
//! in 2000 it fell 0.81 day after 4 April 00:00 Beijing time, so year `y` falls
//! `0.81 + 365.2422 × (y − 2000)` days after 2000-04-04 00:00. This is the widely used
//! 节气 formula `[Y × 0.2422 + 4.81] − [Y / 4]` for the 21st century, written in days so
//! that it also crosses 2100 (not a leap year). The true instant wanders about ±15
//! minutes around the mean (planetary perturbations); whether that ever moves the day is
//! settled by `crates/domain/tests/domain/calendar_fixture.rs`, which compares every supported year with sxtwl
//! and ephem (closest call: 2071-04-05 00:09:53). Outside [`supported_years`] we do not
//! answer: the formula was only checked there.
//!
//! Why not a table or an ephemeris: a table would have to come from the same programs the
//! fixture comes from (a circular test); an ephemeris (VSOP87) is kilobytes of terms in the
//! browser for one date a year.

use crate::calendar::table::supported_years;
use chrono::{Days, NaiveDate};

/// Ten-thousandths of a day from 2000-04-04 00:00 (UTC+8) to the mean Qingming of 2000.
const OFFSET_2000: i64 = 8_100;
/// The tropical year in ten-thousandths of a day.
const TROPICAL_YEAR: i64 = 3_652_422;

/// The Qingming day of `year`: 4 or 5 April in every supported year. `None` outside
/// [`supported_years`].
pub fn qingming(year: i32) -> Option<NaiveDate> {
    if !supported_years().contains(&year) {
        return None;
    }
    let n = i64::from(year) - 2000;
    let days = (OFFSET_2000 + TROPICAL_YEAR * n).div_euclid(10_000);
    let base = NaiveDate::from_ymd_opt(2000, 4, 4)?;
    base.checked_add_days(Days::new(u64::try_from(days).ok()?))
}
