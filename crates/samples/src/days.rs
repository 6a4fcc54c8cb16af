//! The days of one year with weights, for drawing realistic dates: volunteers serve more
//! at weekends and around holidays.

use crate::rng::Rng;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use scorecard_model::calendar::Holiday;

/// Relative weight of a weekday, a Saturday or Sunday, and a day within one day of a
/// holiday (added on top).
const WEEKDAY: u64 = 2;
const WEEKEND: u64 = 5;
const NEAR_HOLIDAY: u64 = 6;

/// Every day of a year, in order, with cumulative weights for sampling.
#[derive(Clone, Debug)]
pub struct DayTable {
    days: Vec<NaiveDate>,
    /// `cum[i]` = sum of the weights of days `0..=i`.
    cum: Vec<u64>,
}

impl DayTable {
    /// The days of `year`; empty for a year chrono cannot date.
    pub fn new(year: i32, holidays: &[Holiday]) -> DayTable {
        let mut days = Vec::new();
        let mut d = NaiveDate::from_ymd_opt(year, 1, 1);
        while let Some(day) = d.filter(|x| x.year() == year) {
            days.push(day);
            d = day.checked_add_days(Days::new(1));
        }
        let mut cum = Vec::with_capacity(days.len());
        let mut total = 0u64;
        for day in &days {
            let base = if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) { WEEKEND } else { WEEKDAY };
            let near = holidays.iter().any(|h| (h.date - *day).num_days().abs() <= 1);
            total += base + if near { NEAR_HOLIDAY } else { 0 };
            cum.push(total);
        }
        DayTable { days, cum }
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    pub fn first(&self) -> Option<NaiveDate> {
        self.days.first().copied()
    }

    pub fn last(&self) -> Option<NaiveDate> {
        self.days.last().copied()
    }

    /// Index of `d` in the table, clamped to the first or last day.
    pub fn index_of(&self, d: NaiveDate) -> usize {
        match self.days.binary_search(&d) {
            Ok(i) => i,
            Err(i) => i.min(self.days.len().saturating_sub(1)),
        }
    }

    /// A weighted day between `from` and `to` (both included, clamped into the year).
    pub fn pick_between(&self, rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
        let (lo, hi) = (self.index_of(from), self.index_of(to));
        if self.days.is_empty() || hi < lo {
            return None;
        }
        let below = if lo == 0 { 0 } else { self.cum.get(lo - 1).copied().unwrap_or(0) };
        let top = self.cum.get(hi).copied().unwrap_or(below);
        let x = below + ((u128::from(rng.next_u64()) * u128::from(top - below)) >> 64) as u64;
        // first day whose cumulative weight exceeds x
        let i = self.cum.partition_point(|&c| c <= x);
        self.days.get(i.clamp(lo, hi)).copied()
    }

    /// A weighted day of the whole year.
    pub fn pick(&self, rng: &mut Rng) -> Option<NaiveDate> {
        self.pick_between(rng, self.first()?, self.last()?)
    }

    /// A weighted day of a month (1–12) of the year.
    pub fn pick_in_month(&self, rng: &mut Rng, month: u32) -> Option<NaiveDate> {
        let year = self.first()?.year();
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let to = from.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
        self.pick_between(rng, from, to)
    }

    /// A weighted day of a quarter (1–4) of the year.
    pub fn pick_in_quarter(&self, rng: &mut Rng, quarter: u32) -> Option<NaiveDate> {
        let year = self.first()?.year();
        let from = NaiveDate::from_ymd_opt(year, quarter.checked_sub(1)? * 3 + 1, 1)?;
        let to = from.checked_add_months(chrono::Months::new(3))?.pred_opt()?;
        self.pick_between(rng, from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scorecard_model::calendar::holidays;

    #[test]
    fn weekends_and_holidays_are_drawn_more_often_and_every_day_is_in_range() {
        let year = 2017;
        let hs = holidays(year);
        let t = DayTable::new(year, &hs);
        assert_eq!(t.days.len(), 365);
        let mut r = Rng::new(3);
        let (mut weekend, mut n) = (0usize, 0usize);
        for _ in 0..20_000 {
            let d = t.pick(&mut r).unwrap();
            assert_eq!(d.year(), year);
            n += 1;
            if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                weekend += 1;
            }
        }
        // 2 of 7 days are weekend days but carry 5/2 the weight: well over 2/7 of draws
        assert!(weekend * 100 / n > 40, "{weekend} of {n}");
        for m in 1..=12 {
            let d = t.pick_in_month(&mut r, m).unwrap();
            assert_eq!(d.month(), m);
        }
        for q in 1..=4 {
            let d = t.pick_in_quarter(&mut r, q).unwrap();
            assert_eq!(d.month0() / 3 + 1, q);
        }
        assert_eq!(t.pick_in_quarter(&mut r, 0), None);
        let jun = NaiveDate::from_ymd_opt(2017, 6, 12).unwrap();
        assert_eq!(t.pick_between(&mut r, jun, jun), Some(jun));
        assert!(DayTable::new(i32::MAX, &[]).is_empty());
        assert_eq!(DayTable::new(i32::MAX, &[]).pick(&mut r), None);
    }
}
