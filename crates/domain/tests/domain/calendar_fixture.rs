//! Every holiday of every supported year, and every ordinary lunar month of those lunar
//! years, against an independent implementation.
//!
//! `fixtures/holidays_2000_2100.json` was written by `fixtures/gen_holidays.py` from
//! sxtwl (寿星天文历, astronomical new moons and solar terms), cross-checked there with
//! lunardate (a table-driven converter) and ephem (apparent solar longitude, new moons).
//! Our code uses neither: lunar dates come from the `chinese-lunisolar-calendar` tables,
//! Qingming from the mean-term formula. Agreement on all 101 × 25 dates is the proof.

use chrono::NaiveDate;
use scorecard_domain::calendar::{holiday_by_id, holidays, lunar_to_solar, qingming, supported_years, HOLIDAYS};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Fixture {
    first_year: i32,
    last_year: i32,
    years: BTreeMap<String, BTreeMap<String, NaiveDate>>,
    /// Per lunar year: `[first day, days]` of months 1–12 (never the leap month).
    lunar_months: BTreeMap<String, Vec<(NaiveDate, u32)>>,
}

fn fixture() -> Fixture {
    let text = include_str!("../fixtures/holidays_2000_2100.json");
    serde_json::from_str(text).expect("fixture parses")
}

#[test]
fn fixture_covers_exactly_the_supported_years_and_the_table() {
    let f = fixture();
    assert_eq!(f.first_year..=f.last_year, supported_years());
    assert_eq!(f.years.len(), 101);
    assert_eq!(f.lunar_months.len(), 101);
    for (year, days) in &f.years {
        let ids: Vec<&str> = days.keys().map(String::as_str).collect();
        let mut want: Vec<&str> = HOLIDAYS.iter().map(|h| h.id).collect();
        want.sort_unstable();
        assert_eq!(ids, want, "{year}: fixture ids differ from the table");
    }
}

#[test]
fn every_holiday_of_every_year_matches_the_independent_fixture() {
    let f = fixture();
    let mut mismatches = Vec::new();
    for y in supported_years() {
        let want = &f.years[&y.to_string()];
        let got = holidays(y);
        assert_eq!(got.len(), 25, "{y}");
        assert!(got.windows(2).all(|w| w[0].date <= w[1].date), "{y}: not sorted by date");
        for h in &got {
            if want.get(h.id) != Some(&h.date) {
                mismatches.push(format!("{y} {} ({}): ours {}, fixture {:?}", h.id, h.name, h.date, want.get(h.id)));
            }
            assert_eq!(holiday_by_id(h.id, y), Some(*h));
        }
    }
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn the_public_helpers_agree_with_the_fixture() {
    let f = fixture();
    for y in supported_years() {
        let want = &f.years[&y.to_string()];
        assert_eq!(qingming(y).as_ref(), want.get("qingming"), "{y}");
        assert_eq!(lunar_to_solar(y, 1, 1).as_ref(), want.get("spring_festival"), "{y}");
        assert_eq!(lunar_to_solar(y, 5, 5).as_ref(), want.get("dragon_boat"), "{y}");
        assert_eq!(lunar_to_solar(y, 8, 15).as_ref(), want.get("mid_autumn"), "{y}");
        assert_eq!(lunar_to_solar(y, 9, 9).as_ref(), want.get("double_ninth"), "{y}");
    }
}

#[test]
fn every_ordinary_lunar_month_starts_and_ends_as_in_the_fixture() {
    let f = fixture();
    for y in supported_years() {
        let months = &f.lunar_months[&y.to_string()];
        assert_eq!(months.len(), 12, "{y}");
        for (m, &(first, days)) in (1u32..).zip(months) {
            assert_eq!(lunar_to_solar(y, m, 1), Some(first), "{y}-{m} first day");
            let last = first + chrono::Days::new(u64::from(days - 1));
            assert_eq!(lunar_to_solar(y, m, days), Some(last), "{y}-{m} last day");
            assert_eq!(lunar_to_solar(y, m, days + 1), None, "{y}-{m} has {days} days");
        }
    }
}
