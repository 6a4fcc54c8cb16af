//! The chart numbers, worked out by hand on a small town.
use crate::support::d;
use scorecard_domain::builder::{ActivitySpec, RecordSpec, TablesBuilder, TrainingSpec, VolunteerSpec};
use scorecard_domain::profile::builtin;
use scorecard_domain::score::insights::charts;
use scorecard_domain::Context;

#[test]
fn months_and_stations_by_hand() {
    let mut b = TablesBuilder::new();
    for (no, st) in [("V1", "新桥社区"), ("V2", "新桥社区"), ("V3", "大丰社区")] {
        b.volunteer(VolunteerSpec { number: no, name: no, station: st, ..Default::default() });
    }
    let rec = |no, date, hours| RecordSpec { volunteer_no: no, date, hours, ..Default::default() };
    b.record(rec("V1", d(2017, 1, 10), 2.0));
    b.record(rec("V1", d(2017, 2, 10), 3.0));
    b.record(rec("V3", d(2017, 2, 20), 1.5));
    b.record(rec("V3", d(2017, 4, 2), 9.0)); // after D: not counted
    let act = |name, date, station| ActivitySpec { name, date: Some(date), station, ..Default::default() };
    b.activity(act("敬老", d(2017, 1, 5), "新桥社区"));
    b.activity(act("普法", d(2017, 1, 9), "大丰社区"));
    b.activity(act("环保", d(2017, 3, 1), "新桥社区"));
    b.activity(act("未来", d(2017, 5, 1), "新桥社区")); // after D
    b.training(TrainingSpec {
        date: Some(d(2017, 2, 1)),
        topic: "骨干培训",
        stations: &["新桥社区", "大丰社区"],
        ..Default::default()
    });
    let tables = b.finish();
    let ctx = Context { year: 2017, as_of: Some(d(2017, 3, 15)), population: Some(100), ..Context::default() };
    let profile = builtin("xindu2017-town").unwrap();
    let c = charts(&profile, &ctx, &tables, d(2026, 1, 1));

    assert_eq!(c.as_of, d(2017, 3, 15));
    assert_eq!(c.registered, 3);
    assert_eq!(c.hours_target_per_head, Some(25.0));
    assert_eq!(c.activities_target_per_month, Some(2));
    let m = &c.months;
    assert_eq!(m.len(), 12);
    assert_eq!((m[0].hours, m[1].hours, m[2].hours, m[3].hours), (2.0, 4.5, 0.0, 0.0));
    assert_eq!((m[0].cumulative_hours, m[1].cumulative_hours, m[2].cumulative_hours), (2.0, 6.5, 6.5));
    assert_eq!((m[0].activities, m[1].activities, m[2].activities, m[4].activities), (2, 0, 1, 0));
    assert_eq!(m[1].trainings, 1);
    assert!(m[1].ended && !m[2].ended && m[2].current && !m[3].current);
    // 25 h × 3 people × 31/365 at the end of January; × 74/365 at D (15 March) for March.
    let jan = m[0].target_cumulative_hours.unwrap();
    assert!((jan - 25.0 * 3.0 * 31.0 / 365.0).abs() < 1e-9, "{jan}");
    let mar = m[2].target_cumulative_hours.unwrap();
    assert!((mar - 25.0 * 3.0 * 74.0 / 365.0).abs() < 1e-9, "{mar}");

    let s: Vec<(&str, u32, u32, f64, u32, u32)> = c
        .stations
        .iter()
        .map(|s| (s.station.as_str(), s.registered, s.active, s.hours, s.activities, s.trainings))
        .collect();
    assert_eq!(s, vec![("新桥社区", 2, 1, 5.0, 2, 1), ("大丰社区", 1, 1, 1.5, 1, 1)]);
    assert_eq!(c.stations[0].hours_per_head, Some(2.5));
    assert_eq!(c.stations[0].activities_by_month[..3], [1, 0, 1]);
}
