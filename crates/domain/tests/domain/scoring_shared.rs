//! The fast paths give what the plain ones give: `Matches::at(D)` (records matched once for
//! many as-of dates) equals `prepare(D)` at every month end and in between; `dashboard()`
//! (one `prepare()` for every view) equals the views computed one by one; the monthly
//! replay equals scoring at each month end, station by station, on data with records.

use crate::support::d;
use chrono::NaiveDate;
use scorecard_domain::builder::{RecordSpec, TablesBuilder, VolunteerSpec};
use scorecard_domain::import::{import, FileInput, ImportOptions};
use scorecard_domain::profile::{builtin, builtins};
use scorecard_domain::samples::{data_workbook, synth_rows, Style, SynthSpec};
use scorecard_domain::score::checklist_items::checklist_items;
use scorecard_domain::score::insights::{charts, dashboard, monthly_replay, scheme, star_levels, what_if};
use scorecard_domain::score::prepare::{prepare, prepare_quiet, CountedRecord, Matches, Prepared};
use scorecard_domain::score::score;
use scorecard_domain::{Context, Tables};

/// A roster with every kind of key and duplicate, registrations through the year, and
/// records of every matching case, spread over 2016–2018.
fn tricky() -> Tables {
    let mut b = TablesBuilder::new();
    let v = |number, id_number, name, phone, station, registered_on| VolunteerSpec {
        number,
        id_number,
        name,
        phone,
        station,
        registered_on,
        ..Default::default()
    };
    b.volunteer(v("V1", "", "张三", "", "新桥社区", None)); // 0
    b.volunteer(v("V1", "", "张三", "", "大丰社区", None)); // 1: same number
    b.volunteer(v("", "11010519491231002X", "李四", "", "大丰社区", Some(d(2017, 3, 10)))); // 2: ID key
    b.volunteer(v("V3", "11010519491231002X", "李四", "", "新桥社区", None)); // 3: same ID, has a number
    b.volunteer(v("", "", "王五", "13800000001", "新桥社区", Some(d(2017, 5, 31)))); // 4: name + phone
    b.volunteer(v("", "", "王五", "13800000002", "大丰社区", Some(d(2017, 6, 1)))); // 5: same name, other phone
    b.volunteer(v("", "", "王五", "13800000001", "大丰社区", None)); // 6: same name + phone
    b.volunteer(v("", "", "", "", "大丰社区", None)); // 7: nobody
    b.volunteer(v("V8", "", "赵六", "", "", Some(d(2017, 12, 31)))); // 8: no station
    b.volunteer(v("V9", "", "孙七", "", " 新桥社区 ", Some(d(2016, 1, 1)))); // 9: spaced station
    let recs: &[(&str, &str, &str, &str, NaiveDate, f64)] = &[
        ("V1", "", "", "", d(2017, 1, 5), 2.0),
        ("", "11010519491231002X", "", "", d(2017, 2, 5), 3.0), // ID → 2, registered 03-10
        ("", "11010519491231002X", "", "", d(2017, 4, 5), 1.0),
        ("", "", "李四", "", d(2017, 4, 6), 1.5), // a name only; 李四 has an ID → nobody (§2)
        ("", "", "王五", "13800000002", d(2017, 6, 2), 2.5), // ambiguous name, phone decides → 5
        ("", "", "王五", "13800000001", d(2017, 6, 3), 2.5), // phone matches 4 only (6 is a dup)
        ("", "", "王五", "", d(2017, 6, 4), 2.5), // ambiguous, no phone → nobody
        ("V404", "", "", "", d(2017, 7, 1), 1.0), // unknown
        ("V1", "", "", "", d(2016, 12, 31), 4.0), // last year
        ("V1", "", "", "", d(2018, 1, 1), 4.0),   // next year
        ("V1", "", "", "", d(2017, 8, 1), 0.0),   // no hours
        ("V1", "", "", "", d(2017, 8, 2), 24.5),  // too many
        ("V8", "", "", "", d(2017, 12, 30), 6.0), // registers on 12-31
        ("V9", "", "", "", d(2017, 9, 9), 3.0),
        ("V3", "", "", "", d(2017, 10, 10), 2.0),
    ];
    for &(volunteer_no, id_number, name, phone, date, hours) in recs {
        b.record(RecordSpec {
            volunteer_no,
            id_number,
            name,
            phone,
            date,
            hours,
            station: "记录站",
            ..Default::default()
        });
    }
    b.finish()
}

fn rows(p: &Prepared) -> (Vec<usize>, Vec<CountedRecord>, bool) {
    (p.registered.clone(), p.records.clone(), p.has_roster)
}

fn as_of_dates() -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = (1..=12).map(|m| d(2017, m, 1)).collect();
    out.extend((2..=12).map(|m| d(2017, m, 1).pred_opt().unwrap()));
    out.extend([d(2017, 12, 31), d(2017, 3, 10), d(2017, 3, 9), d(2017, 6, 1)]);
    out
}

#[test]
fn matching_once_gives_what_prepare_gives_at_any_date() {
    let with_roster = tricky();
    let mut no_roster = tricky();
    no_roster.volunteers.clear();
    for tables in [&with_roster, &no_roster] {
        let m = Matches::new(tables, 2017);
        for at in as_of_dates() {
            let (p, _) = prepare(tables, 2017, at);
            assert_eq!(rows(&m.at(at)), rows(&p), "as of {at}");
            assert_eq!(rows(&prepare_quiet(tables, 2017, at)), rows(&p), "quiet, as of {at}");
        }
    }
    // The hand-checked counts at year end: V1 (row 0) once; ID → 2; 李四 by name alone is no
    // match (the roster's 李四 has an ID); 王五 by phone → 5 and 4; V8, V9, V3 (3 is a
    // duplicate of 2 by ID).
    let (p, _) = prepare(&with_roster, 2017, d(2017, 12, 31));
    let counted: Vec<(usize, Option<usize>)> = p.records.iter().map(|r| (r.record(), r.volunteer())).collect();
    assert_eq!(
        counted,
        [(0, Some(0)), (1, Some(2)), (2, Some(2)), (4, Some(5)), (5, Some(4)), (12, Some(8)), (13, Some(9))]
    );
    assert_eq!(p.registered, [0, 2, 4, 5, 8, 9]);
}

/// The demo town, as a messy workbook read back through the importer.
fn demo() -> Tables {
    let bytes = data_workbook(&synth_rows(SynthSpec::demo(2017, 11)), Style::Messy).unwrap();
    let imp = import(&[FileInput { name: "演示.xlsx", bytes: &bytes }], &ImportOptions::default());
    assert!(imp.tables.records.len() > 1000 && imp.tables.volunteers.len() > 100);
    imp.tables
}

#[test]
fn the_dashboard_equals_every_view_computed_alone() {
    let tables = demo();
    let profile = builtin("xindu2017-town").unwrap();
    for at in [d(2017, 3, 31), d(2017, 9, 15), d(2017, 12, 31)] {
        let ctx = Context { year: 2017, as_of: Some(at), population: Some(20_000), ..Context::default() };
        let today = d(2030, 1, 1);
        let all = dashboard(&profile, &ctx, &tables, today);
        assert_eq!(all.card, score(&profile, &ctx, &tables, today), "{at}");
        assert_eq!(all.checklist, checklist_items(&profile, &ctx, &tables, today));
        assert_eq!(all.charts, charts(&profile, &ctx, &tables, today));
        assert_eq!(all.what_if, what_if(&profile, &ctx, &tables, today));
        let stars = scheme("national").map(|s| star_levels(&tables, &ctx, &s, today));
        assert_eq!(all.stars, stars);
        assert!(all.card.indicators.iter().any(|i| i.detail.numerator.is_some_and(|n| n > 0.0)));
    }
}

#[test]
fn the_replay_equals_scoring_at_each_month_end_station_by_station() {
    let tables = demo();
    for profile in builtins() {
        let id = profile.id.clone();
        let ctx = Context { year: 2017, as_of: Some(d(2017, 11, 20)), population: Some(20_000), ..Context::default() };
        let r = monthly_replay(&profile, &ctx, &tables, d(2030, 1, 1));
        assert_eq!(r.months.len(), 10, "January to October have ended");
        for m in &r.months {
            let card = score(&profile, &Context { as_of: Some(m.as_of), ..ctx.clone() }, &tables, d(2030, 1, 1));
            assert_eq!(card.summary, m.summary, "{id} {}", m.month);
            for (i, s) in card.indicators.iter().zip(&m.indicators) {
                assert_eq!((&i.id, i.detail.status), (&s.id, s.status), "{id} {}", m.month);
                let stations: Vec<(String, _)> =
                    i.stations.iter().map(|st| (st.station.clone(), st.detail.status)).collect();
                assert_eq!(stations, s.stations, "{id} {} {}", m.month, i.id);
            }
        }
    }
}
