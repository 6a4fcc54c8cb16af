//! Hand-checked calendar values: published holiday dates, leap-month years, the edges of
//! months and quarters (indicators.md §3–§5).

use crate::support::d;
use chrono::{Datelike, NaiveDate};
use scorecard_domain::calendar::{
    days_left_in_year, holiday_by_id, holidays, lunar_to_solar, months, qingming, quarters, Period, PeriodState,
};
use scorecard_domain::context::elapsed_days;

/// One expected holiday date.
fn check(id: &str, year: i32, want: NaiveDate) {
    let got = holiday_by_id(id, year).map(|h| h.date);
    assert_eq!(got, Some(want), "{id} {year}");
}

#[test]
fn published_dates_of_the_moving_holidays() {
    // (id, year, date) from the State Council holiday notices and the printed 农历.
    let table = [
        ("spring_festival", 2017, d(2017, 1, 28)),
        ("dragon_boat", 2017, d(2017, 5, 30)),
        ("mid_autumn", 2017, d(2017, 10, 4)),
        ("double_ninth", 2017, d(2017, 10, 28)),
        ("qingming", 2017, d(2017, 4, 4)),
        ("helping_disabled_day", 2017, d(2017, 5, 21)),
        ("spring_festival", 2025, d(2025, 1, 29)),
        ("dragon_boat", 2025, d(2025, 5, 31)),
        ("mid_autumn", 2025, d(2025, 10, 6)), // after the leap 6th month of 2025
        ("double_ninth", 2025, d(2025, 10, 29)),
        ("qingming", 2025, d(2025, 4, 4)),
        ("helping_disabled_day", 2025, d(2025, 5, 18)),
        ("spring_festival", 2024, d(2024, 2, 10)),
        ("dragon_boat", 2024, d(2024, 6, 10)),
        ("mid_autumn", 2024, d(2024, 9, 17)),
        ("double_ninth", 2024, d(2024, 10, 11)),
        ("qingming", 2024, d(2024, 4, 4)),
        ("helping_disabled_day", 2024, d(2024, 5, 19)),
        // 2023 has a leap 2nd month (闰二月 22 Mar – 19 Apr): later months shift by one.
        ("spring_festival", 2023, d(2023, 1, 22)),
        ("dragon_boat", 2023, d(2023, 6, 22)),
        ("mid_autumn", 2023, d(2023, 9, 29)),
        ("double_ninth", 2023, d(2023, 10, 23)),
        ("qingming", 2023, d(2023, 4, 5)),
        // 2020 has a leap 4th month: 端午 is in the ordinary 5th month, after it.
        ("dragon_boat", 2020, d(2020, 6, 25)),
        ("mid_autumn", 2020, d(2020, 10, 1)),
        ("qingming", 2020, d(2020, 4, 4)),
        ("qingming", 2015, d(2015, 4, 5)),
        ("qingming", 2019, d(2019, 4, 5)),
        ("qingming", 2022, d(2022, 4, 5)),
        ("spring_festival", 2000, d(2000, 2, 5)),
        ("qingming", 2000, d(2000, 4, 4)),
        // A year whose May starts on a Sunday: the third Sunday is the 15th.
        ("helping_disabled_day", 2022, d(2022, 5, 15)),
        // Fixed days, including the first and the last of the year.
        ("new_year", 2100, d(2100, 1, 1)),
        ("memorial_day", 2100, d(2100, 12, 13)),
        ("lei_feng_day", 2017, d(2017, 3, 5)),
        ("volunteer_day", 2017, d(2017, 12, 5)),
        // The corrected months (see calendar::lunar::CORRECTIONS).
        ("double_ninth", 2057, d(2057, 10, 6)),
        ("mid_autumn", 2089, d(2089, 9, 18)),
    ];
    for (id, year, want) in table {
        check(id, year, want);
    }
}

#[test]
fn leap_months_are_never_taken_for_the_ordinary_month() {
    // 2023: 二月 starts 20 Feb, 闰二月 22 Mar, 三月 20 Apr.
    assert_eq!(lunar_to_solar(2023, 2, 1), Some(d(2023, 2, 20)));
    assert_eq!(lunar_to_solar(2023, 3, 1), Some(d(2023, 4, 20)));
    // 2017: 六月 starts 24 Jun, 闰六月 23 Jul, 七月 22 Aug.
    assert_eq!(lunar_to_solar(2017, 6, 1), Some(d(2017, 6, 24)));
    assert_eq!(lunar_to_solar(2017, 7, 1), Some(d(2017, 8, 22)));
    // A 29-day month has no 30th: 2017 正月 has 29 days (28 Jan – 25 Feb).
    assert_eq!(lunar_to_solar(2017, 1, 29), Some(d(2017, 2, 25)));
    assert_eq!(lunar_to_solar(2017, 1, 30), None);
}

#[test]
fn qingming_is_4_or_5_april_in_every_supported_year() {
    for y in 2000..=2100 {
        let q = qingming(y).unwrap();
        assert!(q == d(y, 4, 4) || q == d(y, 4, 5), "{y}: {q}");
    }
    assert_eq!(qingming(1999), None);
    assert_eq!(qingming(2101), None);
}

#[test]
fn a_year_lists_25_holidays_in_date_order_ties_in_table_order() {
    let list = holidays(2020);
    assert_eq!(list.len(), 25);
    let names: Vec<&str> = list.iter().map(|h| h.name).collect();
    assert_eq!(names.first(), Some(&"元旦"));
    assert_eq!(names.last(), Some(&"国家公祭日"));
    // 2020: 中秋 and 国庆 are both 1 October.
    let i = names.iter().position(|n| *n == "中秋节").unwrap();
    assert_eq!(names[i + 1], "国庆节");
    assert_eq!(list[i].date, list[i + 1].date);
    assert!(list.iter().all(|h| h.date.year() == 2020));
}

/// One period: its first and last day and its three labels.
fn check_period(p: Period, first: NaiveDate, last: NaiveDate, labels: [&str; 3]) {
    assert_eq!(p.first_day(), first, "{p:?}");
    assert_eq!(p.last_day(), last, "{p:?}");
    assert_eq!([p.label(), p.label_zh(), p.label_en()], labels.map(String::from), "{p:?}");
    assert_eq!(Period::parse(&p.label()), Some(p));
    assert!(p.contains(first) && p.contains(last));
    assert!(!p.contains(first.pred_opt().unwrap()) && !p.contains(last.succ_opt().unwrap()));
}

#[test]
fn months_and_quarters_have_the_right_edges_and_labels() {
    let m = |y, mo| Period::month(y, mo).unwrap();
    let q = |y, qu| Period::quarter(y, qu).unwrap();
    check_period(m(2017, 8), d(2017, 8, 1), d(2017, 8, 31), ["2017-08", "2017年8月", "Aug 2017"]);
    check_period(m(2024, 2), d(2024, 2, 1), d(2024, 2, 29), ["2024-02", "2024年2月", "Feb 2024"]);
    check_period(m(2023, 2), d(2023, 2, 1), d(2023, 2, 28), ["2023-02", "2023年2月", "Feb 2023"]);
    check_period(m(2100, 2), d(2100, 2, 1), d(2100, 2, 28), ["2100-02", "2100年2月", "Feb 2100"]);
    check_period(m(2000, 2), d(2000, 2, 1), d(2000, 2, 29), ["2000-02", "2000年2月", "Feb 2000"]);
    check_period(m(2017, 12), d(2017, 12, 1), d(2017, 12, 31), ["2017-12", "2017年12月", "Dec 2017"]);
    check_period(q(2017, 1), d(2017, 1, 1), d(2017, 3, 31), ["2017-Q1", "2017年第一季度", "Q1 2017"]);
    check_period(q(2017, 2), d(2017, 4, 1), d(2017, 6, 30), ["2017-Q2", "2017年第二季度", "Q2 2017"]);
    check_period(q(2017, 3), d(2017, 7, 1), d(2017, 9, 30), ["2017-Q3", "2017年第三季度", "Q3 2017"]);
    check_period(q(2017, 4), d(2017, 10, 1), d(2017, 12, 31), ["2017-Q4", "2017年第四季度", "Q4 2017"]);
    assert_eq!(months(2017).len(), 12);
    assert_eq!(quarters(2017).len(), 4);
    // the months tile the year, and so do the quarters
    for list in [months(2024), quarters(2024)] {
        assert_eq!(list.first().unwrap().first_day(), d(2024, 1, 1));
        assert_eq!(list.last().unwrap().last_day(), d(2024, 12, 31));
        for w in list.windows(2) {
            assert_eq!(w[0].last_day().succ_opt(), Some(w[1].first_day()));
        }
    }
    assert_eq!(Period::month_of(d(2017, 8, 31)), m(2017, 8));
    assert_eq!(Period::quarter_of(d(2017, 9, 30)), q(2017, 3));
    assert_eq!(Period::quarter_of(d(2017, 10, 1)), q(2017, 4));
}

#[test]
fn a_period_has_ended_when_its_last_day_is_on_or_before_d() {
    use PeriodState::*;
    let aug = Period::month(2017, 8).unwrap();
    let sep = Period::month(2017, 9).unwrap();
    let q3 = Period::quarter(2017, 3).unwrap();
    // (period, D, state)
    let table = [
        (aug, d(2017, 8, 31), Ended), // D on the last day: that month has ended
        (aug, d(2017, 8, 30), Current),
        (aug, d(2017, 8, 1), Current),
        (aug, d(2017, 7, 31), Future),
        (sep, d(2017, 8, 31), Future),
        (q3, d(2017, 8, 31), Current),
        (q3, d(2017, 9, 30), Ended),
        (q3, d(2017, 6, 30), Future),
        (Period::month(2024, 2).unwrap(), d(2024, 2, 28), Current), // leap year: 29 days
        (Period::month(2024, 2).unwrap(), d(2024, 2, 29), Ended),
        (Period::month(2023, 2).unwrap(), d(2023, 2, 28), Ended),
    ];
    for (p, as_of, want) in table {
        assert_eq!(p.state(as_of), want, "{} at {as_of}", p.label());
    }
}

#[test]
fn bad_period_fields_are_refused_or_clamped_never_a_panic() {
    assert_eq!(Period::month(2017, 0), None);
    assert_eq!(Period::month(2017, 13), None);
    assert_eq!(Period::quarter(2017, 0), None);
    assert_eq!(Period::quarter(2017, 5), None);
    assert_eq!(Period::parse("2017"), None);
    assert_eq!(Period::parse("2017-Q5"), None);
    assert_eq!(Period::parse("2017-13"), None);
    assert_eq!(Period::parse(" 2017-8 "), Period::month(2017, 8));
    assert_eq!(Period::parse("2017-q3"), Period::quarter(2017, 3));
    // built by hand with a field out of range: clamped
    let m13 = Period::Month { year: 2017, month: 13 };
    assert_eq!((m13.first_day(), m13.last_day()), (d(2017, 12, 1), d(2017, 12, 31)));
    let q0 = Period::Quarter { year: 2017, quarter: 0 };
    assert_eq!(q0.last_day(), d(2017, 3, 31));
    for p in [Period::Month { year: i32::MAX, month: 12 }, Period::Quarter { year: i32::MIN, quarter: 1 }] {
        let _ = (p.first_day(), p.last_day(), p.label(), p.label_zh(), p.label_en(), p.state(d(2017, 1, 1)));
    }
}

#[test]
fn days_left_plus_days_elapsed_is_the_year() {
    for (as_of, left) in
        [(d(2017, 12, 31), 0), (d(2017, 12, 30), 1), (d(2017, 1, 1), 364), (d(2024, 1, 1), 365), (d(2017, 8, 31), 122)]
    {
        assert_eq!(days_left_in_year(as_of), left, "{as_of}");
    }
    for y in [2023, 2024, 2100] {
        let len = if y == 2024 { 366 } else { 365 };
        let mut day = d(y, 1, 1);
        while day.year() == y {
            assert_eq!(elapsed_days(day) + days_left_in_year(day), len, "{day}");
            day = day.succ_opt().unwrap();
        }
    }
}
