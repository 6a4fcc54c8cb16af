//! Months and quarters, the periods of the per-period rules (indicators.md §4–§5).
//!
//! Invariant: a period has ENDED when its last day is on or before the as-of date `D`
//! (so on 31 August, August has ended); it is CURRENT when it contains `D` otherwise,
//! FUTURE when it starts after `D`.
//! Invariant: no method panics; a field out of range (month 13, quarter 0, a year chrono
//! cannot hold) is clamped into range for the date methods. Build periods with
//! [`Period::month`] / [`Period::quarter`] to get `None` instead.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A calendar month or quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
}

/// Where a period stands at the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    /// Its last day is on or before `D`: it is met or not.
    Ended,
    /// It contains `D` and has not ended: in progress.
    Current,
    /// It starts after `D`.
    Future,
}

impl Period {
    /// A month, if `month` is 1–12 and the year is one chrono can date.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Period::Month { year, month })
    }

    /// A quarter, if `quarter` is 1–4 and the year is one chrono can date.
    pub fn quarter(year: i32, quarter: u32) -> Option<Period> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, quarter * 3, 1)?;
        Some(Period::Quarter { year, quarter })
    }

    /// The month containing `d`.
    pub fn month_of(d: NaiveDate) -> Period {
        Period::Month { year: d.year(), month: d.month() }
    }

    /// The quarter containing `d`.
    pub fn quarter_of(d: NaiveDate) -> Period {
        Period::Quarter { year: d.year(), quarter: d.month0() / 3 + 1 }
    }

    pub fn year(self) -> i32 {
        match self {
            Period::Month { year, .. } | Period::Quarter { year, .. } => year,
        }
    }

    /// First and last month (1–12) covered, clamped into range.
    fn month_span(self) -> (u32, u32) {
        match self {
            Period::Month { month, .. } => {
                let m = month.clamp(1, 12);
                (m, m)
            }
            Period::Quarter { quarter, .. } => {
                let q = quarter.clamp(1, 4);
                (q * 3 - 2, q * 3)
            }
        }
    }

    pub fn first_day(self) -> NaiveDate {
        let (first, _) = self.month_span();
        NaiveDate::from_ymd_opt(self.year(), first, 1).unwrap_or(if self.year() < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
    }

    pub fn last_day(self) -> NaiveDate {
        let (_, last) = self.month_span();
        let next = if last == 12 {
            self.year().checked_add(1).and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        } else {
            NaiveDate::from_ymd_opt(self.year(), last + 1, 1)
        };
        match next.and_then(|n| n.pred_opt()) {
            Some(d) => d,
            None if self.year() < 0 => NaiveDate::MIN,
            None => NaiveDate::MAX,
        }
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        self.first_day() <= d && d <= self.last_day()
    }

    /// Ended when the last day is on or before `as_of` (indicators.md §5).
    pub fn state(self, as_of: NaiveDate) -> PeriodState {
        if self.last_day() <= as_of {
            PeriodState::Ended
        } else if self.first_day() <= as_of {
            PeriodState::Current
        } else {
            PeriodState::Future
        }
    }

    /// The machine label of the CLI JSON and the draft: `2017-08`, `2017-Q3`.
    pub fn label(self) -> String {
        match self {
            Period::Month { year, .. } => format!("{year:04}-{:02}", self.month_span().0),
            Period::Quarter { year, .. } => format!("{year:04}-Q{}", self.month_span().1 / 3),
        }
    }

    /// `2017年8月`, `2017年第三季度` (written by [`crate::calendar::period_text()`], like every period label).
    pub fn label_zh(self) -> String {
        crate::calendar::period_text(&self.label(), true, true)
    }

    /// `Aug 2017`, `Q3 2017`.
    pub fn label_en(self) -> String {
        crate::calendar::period_text(&self.label(), false, true)
    }

    /// Reads a [`Period::label`] back (`2017-08`, `2017-8`, `2017-Q3`, `2017-q3`).
    pub fn parse(s: &str) -> Option<Period> {
        let (y, rest) = s.trim().split_once('-')?;
        let year: i32 = y.parse().ok()?;
        match rest.strip_prefix(['Q', 'q']) {
            Some(q) => Period::quarter(year, q.parse().ok()?),
            None => Period::month(year, rest.parse().ok()?),
        }
    }
}

/// The 12 months of `year`, in order.
pub fn months(year: i32) -> Vec<Period> {
    (1..=12).map(|month| Period::Month { year, month }).collect()
}

/// The 4 quarters of `year`, in order.
pub fn quarters(year: i32) -> Vec<Period> {
    (1..=4).map(|quarter| Period::Quarter { year, quarter }).collect()
}

/// Days of `as_of`'s year still to come after `as_of` (0 on 31 December). `as_of` itself
/// counts as elapsed, as in [`crate::context::elapsed_days`]: elapsed + left = days in year.
pub fn days_left_in_year(as_of: NaiveDate) -> u32 {
    let days_in_year = if NaiveDate::from_ymd_opt(as_of.year(), 2, 29).is_some() { 366 } else { 365 };
    days_in_year - as_of.ordinal().min(days_in_year)
}
