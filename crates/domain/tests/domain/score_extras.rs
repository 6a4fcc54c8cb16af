//! §6 beyond the documents: star levels, what-if for X1–X3, the monthly replay.

use crate::support::{d, today};
use chrono::NaiveDate;
use scorecard_domain::builder::{ActivitySpec, RecordSpec, TablesBuilder, TrainingSpec, VolunteerSpec};
use scorecard_domain::profile::builtin;
use scorecard_domain::score::insights::{monthly_replay, scheme, schemes, star_levels, what_if};
use scorecard_domain::score::{score, InputField, Status};
use scorecard_domain::Context;

fn ctx(as_of: NaiveDate) -> Context {
    Context { year: 2017, as_of: Some(as_of), ..Context::default() }
}

#[test]
fn star_levels_on_both_scales() {
    let mut b = TablesBuilder::new();
    let hours = [0.0, 99.9, 100.0, 299.0, 300.0, 600.0, 1000.0, 1500.0, 2000.0];
    for (i, h) in hours.iter().enumerate() {
        let no = format!("V{i}");
        b.volunteer(VolunteerSpec {
            number: &no,
            name: &no,
            station: "新桥社区",
            cumulative_hours: Some(*h),
            ..Default::default()
        });
    }
    b.volunteer(VolunteerSpec { number: "V9", name: "V9", station: "新桥社区", ..Default::default() });
    let tables = b.finish();
    let c = ctx(d(2017, 6, 30));

    // national 100/300/600/1000/1500: 0★ {0, 99.9}, 1★ {100, 299}, 2★ {300}, 3★ {600},
    // 4★ {1000}, 5★ {1500, 2000}; V9 has no cumulative hours.
    let national = star_levels(&tables, &c, &scheme("national").unwrap(), today());
    assert_eq!(national.distribution, vec![2, 2, 1, 1, 1, 2]);
    assert_eq!(national.without_hours, 1);
    assert_eq!(national.needs_input, None);
    let v299 = national.volunteers.iter().find(|v| v.name == "V3").unwrap();
    assert_eq!((v299.stars, v299.to_next), (1, Some(1.0)));
    assert_eq!(national.volunteers[0].name, "V8", "most stars, then most hours first");
    assert_eq!(national.volunteers[0].to_next, None);
    // Sized once for the 10 registered (9 listed), not grown to 16 by doubling.
    assert_eq!(national.volunteers.capacity(), 10);

    // Beijing 100/200/500/800/1000: 0★ {0, 99.9}, 1★ {100}, 2★ {299, 300}, 3★ {600},
    // 4★ none, 5★ {1000, 1500, 2000}.
    let beijing = star_levels(&tables, &c, &scheme("beijing").unwrap(), today());
    assert_eq!(beijing.distribution, vec![2, 1, 2, 1, 0, 3]);
    assert_eq!(schemes().len(), 2);
}

#[test]
fn star_levels_need_the_cumulative_column() {
    let mut b = TablesBuilder::new();
    b.volunteer(VolunteerSpec { number: "V1", name: "V1", annual_hours: Some(30.0), ..Default::default() });
    let r = star_levels(&b.finish(), &ctx(d(2017, 6, 30)), &scheme("national").unwrap(), today());
    assert_eq!(r.needs_input, Some(InputField::CumulativeHours));
    assert_eq!(r.distribution.iter().sum::<u64>(), 0);
}

#[test]
fn what_if_closes_x1_to_x3_by_year_end() {
    // 100 registered, 50 with records of 20 h = 1000 h; 1000 residents; D = 2017-06-30.
    let mut b = TablesBuilder::new();
    for i in 1..=100 {
        let no = format!("A{i}");
        b.volunteer(VolunteerSpec { number: &no, name: &no, station: "新桥社区", ..Default::default() });
        if i <= 50 {
            b.record(RecordSpec { volunteer_no: &no, date: d(2017, 3, 1), hours: 20.0, ..Default::default() });
        }
    }
    let mut c = ctx(d(2017, 6, 30));
    c.population = Some(1000);
    let tables = b.finish();
    let w = what_if(&builtin("xindu2017-town").unwrap(), &c, &tables, today());
    assert_eq!((w.registered, w.active, w.hours), (100, 50, 1000.0));
    // X1: ⌈0.13 × 1000⌉ − 100 = 30.
    assert_eq!(w.registrations_needed, Some(30));
    // X2: ⌈0.7 × 100⌉ − 50 = 20; with 130 registered ⌈91⌉ − 50 = 41.
    assert_eq!(w.active_needed, Some(20));
    assert_eq!(w.active_needed_after_registrations, Some(41));
    // X3: 25 × 100 − 1000 = 1500 h; 25 × 130 − 1000 = 2250 h.
    assert_eq!(w.hours_needed, Some(1500.0));
    assert_eq!(w.hours_needed_after_registrations, Some(2250.0));
    // 184 days left of 365 → 184 × 12 / 365 = 6.0493 months.
    let months = 184.0 * 12.0 / 365.0;
    assert!((w.months_left - months).abs() < 1e-9);
    assert!((w.hours_per_month.unwrap() - 1500.0 / months).abs() < 1e-9);
    assert!((w.hours_per_month_after_registrations.unwrap() - 2250.0 / months).abs() < 1e-9);
    assert_eq!(w.plan.len(), 4);
    assert!(w.plan[0].0.contains("新增注册志愿者 30 人"));
    assert_eq!(w.days_left, 184);
    // X2 is 50 % < 70 % now; the 41 are counted with X1's 130 registered, and the step says so.
    assert_eq!(
        w.plan[1].0,
        "注册人数增至 130 人后，有记录率要达到 70%，需再让 41 名志愿者参加服务（目前 50 人有服务记录）"
    );
    assert_eq!(w.plan[1].1, "Once registrations reach 130, get 41 more volunteers to serve to reach a 70% record share (50 have records now)");
    // X3's own gap first, the hours its card says (issue 28): 1500 / 6.0493 = 247.96… → 248
    assert_eq!(w.plan[2].0, "按目前注册 100 人、人均 25 小时计，到年底还需 1,500 小时，约每月 248 小时");
    assert_eq!(w.plan[2].1, "1,500 more hours by year end (100 registered now × 25 h), about 248 h a month");
    // then with X1's registrations, saying why it is more: 2250 / 6.0493 = 371.94… → 372
    assert_eq!(
        w.plan[3].0,
        "新增注册的 30 人也计入人均后（共 130 人、人均 25 小时），到年底共需 2,250 小时，约每月 372 小时"
    );
    assert_eq!(
        w.plan[3].1,
        "2,250 hours by year end once the 30 new registrations count too (130 registered × 25 h), about 372 h a month"
    );

    // X1 met (130 of 1000): the X2 and X3 steps are at today's registrations, said plainly.
    c.population = Some(700);
    let w = what_if(&builtin("xindu2017-town").unwrap(), &c, &tables, today());
    assert_eq!(w.registrations_needed, Some(0));
    assert_eq!(
        w.plan.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
        [
            "让 20 名尚无记录的志愿者参加服务，有记录率达到 70%",
            "按目前注册 100 人、人均 25 小时计，到年底还需 1,500 小时，约每月 248 小时",
        ]
    );
}

/// Under a month left, the pace is per week, under two weeks per day: with 25 days left
/// 6,380.5 hours are ~1,787 h a week (6,380.5 × 7 ÷ 25 = 1,786.5), not "7,763 h a month".
#[test]
fn the_pace_is_per_week_or_day_near_the_year_end() {
    use scorecard_domain::score::insights::whatif::rate;
    let (per, _, r) = rate(6_380.5, 25, 365).unwrap();
    assert_eq!((per, (r * 10.0).round() / 10.0), ("每周", 1_786.5));
    let (per, en, r) = rate(100.0, 10, 365).unwrap();
    assert_eq!((per, en, r), ("每天", "a day", 10.0));
    let (per, _, r) = rate(300.0, 61, 365).unwrap();
    assert_eq!(per, "每月");
    assert!((r - 300.0 * 365.0 / (12.0 * 61.0)).abs() < 1e-9);
    assert_eq!(rate(5.0, 0, 365), None);
    // in the plan: 20 volunteers short of 25 h each on 12-06 (25 days left)
    let mut b = TablesBuilder::new();
    for i in 1..=20 {
        let no = format!("A{i}");
        b.volunteer(VolunteerSpec { number: &no, name: &no, ..Default::default() });
        b.record(RecordSpec { volunteer_no: &no, date: d(2017, 3, 1), hours: 1.0, ..Default::default() });
    }
    let c = Context { population: Some(100), ..ctx(d(2017, 12, 6)) };
    let w = what_if(&builtin("xindu2017-town").unwrap(), &c, &b.finish(), today());
    // 20 × 25 − 20 = 480 h; × 7 ÷ 25 = 134.4 h a week
    assert!(w.plan.iter().any(|p| p.0.ends_with("到年底还需 480 小时，约每周 134.4 小时")), "{:?}", w.plan);
}

#[test]
fn what_if_says_what_it_needs() {
    let mut b = TablesBuilder::new();
    b.volunteer(VolunteerSpec { number: "A1", name: "A1", ..Default::default() });
    let w = what_if(&builtin("xindu2017-town").unwrap(), &ctx(d(2017, 6, 30)), &b.finish(), today());
    assert_eq!(w.needs_input, vec![InputField::Population, InputField::ServiceHours]);
    assert_eq!(w.registrations_needed, None);
}

/// 新桥 holds 2 activities every month; 大丰 2 in January, 1 in February, 2 in March.
fn replay_world() -> (scorecard_domain::Tables, Context) {
    replay_world_with(|_| {})
}

fn replay_world_with(more: impl FnOnce(&mut TablesBuilder)) -> (scorecard_domain::Tables, Context) {
    let mut b = TablesBuilder::new();
    b.volunteer(VolunteerSpec { number: "A1", name: "A1", station: "新桥社区", ..Default::default() });
    b.volunteer(VolunteerSpec { number: "B1", name: "B1", station: "大丰社区", ..Default::default() });
    let mut act = |station: &str, m: u32, day: u32| {
        b.activity(ActivitySpec { name: "例行活动", date: Some(d(2017, m, day)), station, ..Default::default() });
    };
    for m in 1..=4 {
        act("新桥社区", m, 3);
        act("新桥社区", m, 13);
    }
    for (m, day) in [(1, 3), (1, 13), (2, 3), (3, 3), (3, 13)] {
        act("大丰社区", m, day);
    }
    more(&mut b);
    (b.finish(), ctx(d(2017, 4, 15)))
}

#[test]
fn monthly_replay_finds_the_month_a_station_first_fell_short() {
    let (tables, c) = replay_world();
    let profile = builtin("xindu2017-town").unwrap();
    let r = monthly_replay(&profile, &c, &tables, today());
    let months: Vec<&str> = r.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(months, ["2017-01", "2017-02", "2017-03"], "April has not ended on 04-15");
    let short: Vec<(&str, Option<&str>, &str)> =
        r.first_short.iter().map(|f| (f.indicator.as_str(), f.station.as_deref(), f.month.as_str())).collect();
    assert_eq!(short, [("X5", None, "2017-02"), ("X5", Some("大丰社区"), "2017-02")]);
    let x5 = |i: usize| r.months[i].indicators.iter().find(|s| s.id == "X5").unwrap().status;
    assert_eq!([x5(0), x5(1), x5(2)], [Status::Met, Status::NotMet, Status::NotMet]);
}

/// A quarter still short at the end of its second month is at risk then (§4): the replay
/// shows it in May for Q2, before June, not once the quarter is lost.
#[test]
fn the_replay_shows_when_an_indicator_became_at_risk() {
    let (tables, _) = replay_world_with(|b| {
        b.training(TrainingSpec {
            date: Some(d(2017, 2, 1)),
            topic: "骨干培训",
            stations: &["新桥社区", "大丰社区"],
            kind: "骨干",
            ..Default::default()
        });
    });
    let c = ctx(d(2017, 6, 30));
    let r = monthly_replay(&builtin("xindu2017-town").unwrap(), &c, &tables, today());
    let x4 = |m: &str| {
        r.months
            .iter()
            .find(|x| x.month == m)
            .and_then(|x| x.indicators.iter().find(|s| s.id == "X4"))
            .map(|s| s.status)
    };
    assert_eq!(
        [x4("2017-03"), x4("2017-04"), x4("2017-05"), x4("2017-06")],
        [Some(Status::Met), Some(Status::Met), Some(Status::Behind), Some(Status::NotMet)]
    );
    assert!(
        r.first_short.iter().any(|f| f.indicator == "X4" && f.station.is_none() && f.month == "2017-05"),
        "{:?}",
        r.first_short
    );
}

#[test]
fn monthly_replay_agrees_with_scoring_at_each_month_end() {
    let (tables, c) = replay_world();
    let profile = builtin("xindu2017-town").unwrap();
    let r = monthly_replay(&profile, &c, &tables, today());
    for m in &r.months {
        let card = score(&profile, &Context { as_of: Some(m.as_of), ..c.clone() }, &tables, today());
        assert_eq!(card.summary, m.summary, "{}", m.month);
        let statuses: Vec<(String, Status)> = card.indicators.iter().map(|i| (i.id.clone(), i.detail.status)).collect();
        let replayed: Vec<(String, Status)> = m.indicators.iter().map(|i| (i.id.clone(), i.status)).collect();
        assert_eq!(statuses, replayed, "{}", m.month);
    }
}

#[test]
fn scoring_never_panics_on_odd_contexts_and_round_trips_as_json() {
    use scorecard_domain::profile::builtins;
    use scorecard_domain::score::Scorecard;
    let (tables, _) = replay_world();
    let odd = [
        Context { year: i32::MAX, ..Context::default() },
        Context { year: i32::MIN, as_of: Some(d(2017, 5, 5)), ..Context::default() },
        Context {
            year: 1999,
            population: Some(u64::MAX),
            staff: Some(u64::MAX),
            party_members: Some(u64::MAX),
            ..Context::default()
        },
        Context {
            year: 2017, as_of: Some(d(2017, 1, 1)), stations: vec!["不存在的站".into()], ..Context::default()
        },
        Context { year: 2017, as_of: Some(NaiveDate::MAX), ..Context::default() },
    ];
    for p in builtins() {
        for c in &odd {
            let card = score(&p, c, &tables, today());
            let json = serde_json::to_string(&card).unwrap();
            let back: Scorecard = serde_json::from_str(&json).unwrap();
            assert_eq!(back, card, "{} {}", p.id, c.year);
            let _ = monthly_replay(&p, c, &tables, today());
            let _ = what_if(&p, c, &tables, today());
        }
    }
}

#[test]
fn summary_names_the_stations_that_fall_short_and_unknown_words_are_reported() {
    let (tables, c) = replay_world();
    let card = score(&builtin("xindu2017-town").unwrap(), &c, &tables, today());
    let short: Vec<(&str, Vec<&str>)> = card
        .summary
        .stations_short
        .iter()
        .map(|s| (s.station.as_str(), s.indicators.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(short, [("大丰社区", vec!["X5"])]);
    assert_eq!(card.stations, ["新桥社区", "大丰社区"]);

    // A theme cell naming no theme of any profile: one suggestion per word, not per row.
    let mut b = TablesBuilder::new();
    for day in 1..=3 {
        b.activity(ActivitySpec {
            name: "活动",
            date: Some(d(2017, 3, day)),
            station: "新桥社区",
            theme: "读书分享、关爱残疾人",
            ..Default::default()
        });
    }
    let card = score(&builtin("xindu2017-town").unwrap(), &ctx(d(2017, 6, 30)), &b.finish(), today());
    let words: Vec<&scorecard_domain::Finding> =
        card.findings.iter().filter(|f| f.column.as_deref() == Some("活动主题")).collect();
    assert_eq!(words.len(), 1, "{words:?}");
    assert!(
        words[0].message.contains("「读书分享」") && words[0].message.contains("共 3 项活动"),
        "{}",
        words[0].message
    );
    assert_eq!(words[0].row, Some(2));
}
