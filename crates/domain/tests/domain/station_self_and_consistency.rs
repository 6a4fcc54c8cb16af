//! Issue 28: a station scoring itself (its own ledgers carry no 所属站点 column), and
//! numbers on one screen that contradicted each other (C3's pro-rated text, a card's row
//! count against its drill-down, the what-if's hours against X3's, a red T1 over ✔ lines,
//! X6 "in progress" over "未达标"). Every expected value is counted by hand in the comments.

use crate::support::d;
use chrono::{Datelike, NaiveDate};
use scorecard_domain::builder::{ActivitySpec, RecordSpec, TablesBuilder, TrainingSpec, VolunteerSpec};
use scorecard_domain::context::Level;
use scorecard_domain::export::drill;
use scorecard_domain::import::sheets::matrix::default_choice;
use scorecard_domain::import::{import, FileInput, ImportOptions, SheetOverride};
use scorecard_domain::profile::builtin;
use scorecard_domain::score::checklist_items::checklist_items;
use scorecard_domain::score::insights::dashboard;
use scorecard_domain::score::result::{InputField, Status, Unit};
use scorecard_domain::score::{score, IndicatorResult, Scorecard};
use scorecard_domain::{Context, Tables};

fn today() -> NaiveDate {
    d(2100, 1, 1)
}

fn ind<'a>(card: &'a Scorecard, id: &str) -> &'a IndicatorResult {
    card.indicators.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id} scored"))
}

/// The eight X6 themes, as many times as X6 asks (5 × 2 + 3 × 1 = 13), then plain ones.
const THEMES: [&str; 13] = [
    "关爱空巢老人",
    "关爱空巢老人",
    "关爱留守儿童",
    "关爱留守儿童",
    "关爱困难职工",
    "关爱困难职工",
    "关爱残疾人",
    "关爱残疾人",
    "党员志愿服务",
    "党员志愿服务",
    "文明旅游",
    "文明交通",
    "文明上网",
];

/// A station's own ledgers for 2017: two activities on the 10th and 20th of every month,
/// one training a quarter, five volunteers with a record each — no row names a station.
fn own_ledgers() -> Tables {
    let mut b = TablesBuilder::new();
    let mut k = 0;
    for m in 1..=12 {
        for day in [10, 20] {
            let name = format!("站点活动{m}-{day}");
            let theme = THEMES.get(k).copied().unwrap_or("");
            k += 1;
            b.activity(ActivitySpec {
                name: &name,
                date: Some(d(2017, m, day)),
                theme,
                participants: Some(12),
                ..Default::default()
            });
        }
    }
    for q in 0..4 {
        b.training(TrainingSpec {
            date: Some(d(2017, q * 3 + 2, 15)),
            topic: "骨干培训",
            kind: "骨干",
            ..Default::default()
        });
    }
    for i in 1..=5 {
        let no = format!("Z{i:03}");
        let name = format!("志愿者{i}");
        b.volunteer(VolunteerSpec { number: &no, name: &name, ..Default::default() });
        b.record(RecordSpec { volunteer_no: &no, date: d(2017, 5, i), hours: 3.0, ..Default::default() });
    }
    b.finish()
}

/// Ticks every checklist item the context asks for (X10 per station, X11).
fn ticked(mut ctx: Context, tables: &Tables) -> Context {
    let p = builtin(&ctx.profile).unwrap();
    for item in checklist_items(&p, &ctx, tables, today()) {
        ctx.checklist.insert(item.key, true);
    }
    ctx
}

/// A station scoring itself: as a station (named in the context or not), or a town whose
/// context names exactly one station. Each per-station indicator is computed over that
/// one station from its station-less rows: X5 met in 12 of 12 months (2 a month), X4 in 4
/// of 4 quarters, X6 every theme reached (the 13 themed activities), X10 ticked.
#[test]
fn a_station_scores_its_own_ledgers() {
    let tables = own_ledgers();
    let cases: [(&str, Level, &str, Vec<String>); 3] = [
        ("station, no station list", Level::Station, "甲社区", vec![]),
        ("station, itself listed", Level::Station, "甲社区", vec!["甲社区".into()]),
        ("town, one station listed", Level::Town, "乙镇", vec!["甲社区".into()]),
    ];
    for (what, level, org, stations) in cases {
        let ctx = Context {
            organisation: org.into(),
            level,
            stations,
            year: 2017,
            as_of: Some(d(2017, 12, 31)),
            ..Context::default()
        };
        let ctx = ticked(ctx, &tables);
        let card = score(&builtin("xindu2017-town").unwrap(), &ctx, &tables, today());
        assert_eq!(card.stations, vec!["甲社区".to_string()], "{what}");
        for (id, unit, value, target) in [
            ("X4", Unit::Periods, 4.0, 4.0),
            ("X5", Unit::Periods, 12.0, 12.0),
            ("X6", Unit::Count, 8.0, 8.0),
            ("X10", Unit::Items, 4.0, 4.0),
        ] {
            let r = ind(&card, id);
            assert_eq!(r.detail.status, Status::Met, "{what} {id}: {:?}", r.detail.gap);
            assert_eq!(r.stations.len(), 1, "{what} {id}");
            let st = &r.stations[0].detail;
            assert_eq!(
                (st.status, st.unit, st.value, st.target),
                (Status::Met, unit, Some(value), Some(target)),
                "{what} {id}"
            );
        }
        // X5's station counts exactly its 24 activities, 2 in every month
        let x5 = &ind(&card, "X5").stations[0].detail;
        assert!(x5.periods.iter().all(|p| p.count == 2), "{what}: {:?}", x5.periods);
        assert_eq!(x5.rows.total, 24, "{what}");
        assert!(card.summary.stations_short.is_empty(), "{what}");
    }
}

/// A town with no station list and no station in its rows cannot score per station: the
/// per-station indicators ask for the list (unchanged), and the summary never says all
/// stations are fine over them.
#[test]
fn per_station_indicators_without_stations_are_not_reported_as_all_fine() {
    let tables = own_ledgers();
    let ctx = Context { organisation: "乙镇".into(), year: 2017, as_of: Some(d(2017, 12, 31)), ..Context::default() };
    let card = score(&builtin("xindu2017-town").unwrap(), &ctx, &tables, today());
    for id in ["X4", "X5", "X6", "X10"] {
        let r = ind(&card, id);
        assert_eq!((r.detail.status, r.detail.needs_input), (Status::NeedsInput, Some(InputField::Stations)), "{id}");
    }
    let (zh, en) = card.summary.stations_note().expect("a line about the stations");
    assert!(!zh.contains("所有站点") && !zh.contains("未出现未达标"), "{zh}");
    for id in ["X4", "X5", "X6", "X10"] {
        assert!(zh.contains(id) && en.contains(id), "{zh} / {en}");
    }
    assert!(zh.contains("站点名单") && en.contains("list of stations"), "{zh} / {en}");
    assert_eq!(card.summary.stations_unscored.len(), 4);

    // once computed and fine, the reassuring line is right
    let ctx = ticked(Context { level: Level::Station, organisation: "甲社区".into(), ..ctx }, &tables);
    let card = score(&builtin("xindu2017-town").unwrap(), &ctx, &tables, today());
    let (zh, _) = card.summary.stations_note().expect("a line about the stations");
    assert_eq!(zh, "所有站点的分站点指标都未出现未达标。");
    // a profile without per-station indicators says nothing about stations
    let ctx = Context { profile: "town2021".into(), ..ctx };
    let card = score(&builtin("town2021").unwrap(), &ctx, &tables, today());
    assert_eq!(card.summary.stations_note(), None);
}

/// Two stations, neither with a themed activity. On 30 June X6 is in progress (half a
/// year left to catch up): its text says 尚未达到, never 未达标. On 31 December they are
/// 未达标, and the text says so.
#[test]
fn x6_words_follow_its_status() {
    let mut b = TablesBuilder::new();
    for st in ["甲社区", "乙社区"] {
        for m in 1..=6 {
            let name = format!("{st}例会{m}");
            b.activity(ActivitySpec { name: &name, date: Some(d(2017, m, 8)), station: st, ..Default::default() });
        }
    }
    let tables = b.finish();
    for (as_of, status, says, never) in [
        (d(2017, 6, 30), Status::InProgress, "2 个站点尚未达到", "未达标"),
        (d(2017, 12, 31), Status::NotMet, "2 个站点未达标", "尚未达到"),
    ] {
        let ctx = Context { year: 2017, as_of: Some(as_of), ..Context::default() };
        let card = score(&builtin("xindu2017-town").unwrap(), &ctx, &tables, today());
        let x6 = ind(&card, "X6");
        let gap = x6.detail.gap.clone().unwrap_or_default();
        assert_eq!(x6.detail.status, status, "{as_of}: {gap}");
        assert!(x6.stations.iter().all(|s| s.detail.status == status), "{as_of}");
        assert!(gap.starts_with(says), "{as_of}: {gap}");
        assert!(!gap.contains(never), "{as_of}: {gap}");
        let en = x6.detail.gap_en.clone().unwrap_or_default();
        let en_says = if status == Status::NotMet {
            "2 of 2 stations fall short"
        } else {
            "2 of 2 stations have not yet reached"
        };
        assert!(en.starts_with(en_says), "{as_of}: {en}");
    }
}

/// T1 on 15 March 2017: January and February have ended. 红色 held two activities in
/// January and none in February; every other team one in each. The card's lines must
/// show 红色 short (1 month of 2 met), the others ✔ (2 of 2), and the status (未达标)
/// follows from the lines: not met exactly when some line is short.
#[test]
fn t1_status_follows_its_lines() {
    let teams = ["红色", "绿色", "蓝色", "黄色", "橙色", "金色", "紫色"];
    let mut b = TablesBuilder::new();
    for (i, t) in teams.iter().enumerate() {
        let team = format!("{t}服务队");
        let dates = if i == 0 { vec![d(2017, 1, 9), d(2017, 1, 23)] } else { vec![d(2017, 1, 9), d(2017, 2, 9)] };
        for (k, date) in dates.into_iter().enumerate() {
            let name = format!("{t}队活动{k}");
            b.activity(ActivitySpec { name: &name, date: Some(date), team: &team, ..Default::default() });
        }
    }
    let tables = b.finish();
    let ctx = Context { profile: "town2021".into(), year: 2017, as_of: Some(d(2017, 3, 15)), ..Context::default() };
    let card = score(&builtin("town2021").unwrap(), &ctx, &tables, today());
    let t1 = ind(&card, "T1");
    assert_eq!(t1.detail.status, Status::NotMet);
    // 7 teams × 2 ended months = 14; 13 met (红色 missed February)
    assert_eq!((t1.detail.value, t1.detail.target), (Some(13.0), Some(14.0)));
    let lines: Vec<(&str, u32, u32)> = t1.detail.counts.iter().map(|c| (c.name.as_str(), c.count, c.target)).collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0], ("红色党员先锋服务队", 1, 2), "{lines:?}");
    for l in &lines[1..] {
        assert_eq!((l.1, l.2), (2, 2), "{lines:?}");
    }
    let some_line_short = t1.detail.counts.iter().any(|c| c.count < c.target);
    assert_eq!(t1.detail.status.is_failing(), some_line_short);
}

/// The same check on the demo town (town2021, as of 7 December 2026): a status failing
/// only when a line is short.
#[test]
fn t1_on_the_demo_town_shows_its_short_teams() {
    let tables = demo_tables();
    let ctx = demo_ctx("town2021");
    let card = score(&builtin("town2021").unwrap(), &ctx, &tables, today());
    let t1 = ind(&card, "T1");
    let short_lines: Vec<&str> =
        t1.detail.counts.iter().filter(|c| c.count < c.target).map(|c| c.name.as_str()).collect();
    let short_teams: Vec<&str> = match &t1.detail.missing {
        scorecard_domain::score::Missing::ByName(v) => v.iter().map(|(t, _)| t.as_str()).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(short_lines, short_teams);
    assert_eq!(t1.detail.status.is_failing(), !short_lines.is_empty());
}

const DEMO_DAY: (i32, u32, u32) = (2026, 12, 7);

fn demo_tables() -> Tables {
    let (y, m, dd) = DEMO_DAY;
    let bytes = scorecard_domain::samples::demo_workbook_until(y, d(y, m, dd)).unwrap();
    import(&[FileInput { name: "示例.xlsx", bytes: &bytes }], &ImportOptions::default()).tables
}

fn demo_ctx(profile: &str) -> Context {
    let (y, m, dd) = DEMO_DAY;
    Context { profile: profile.into(), as_of: Some(d(y, m, dd)), ..scorecard_domain::samples::demo_context(y) }
}

/// The rows a drill-down opens for an indicator (or one station of it).
fn drill_len(card: &Scorecard, tables: &Tables, id: &str, station: Option<&str>) -> u64 {
    let (tabs, _) = drill(card, tables, id, station).expect("a drill-down");
    tabs.iter().map(|t| t.rows.len() as u64).sum()
}

/// Every card's "查看明细（N 行）" opens N rows, for the indicator and each station.
fn assert_counts_match_drills(what: &str, card: &Scorecard, tables: &Tables) {
    for r in &card.indicators {
        let rows = &r.detail.rows;
        let n = drill_len(card, tables, &r.id, None);
        if rows.truncated {
            assert!(rows.total >= n && n > 0, "{what} {}: {} rows said, {n} opened", r.id, rows.total);
        } else {
            assert_eq!(rows.total, n, "{what} {}: the card says {} rows, the drill opens {n}", r.id, rows.total);
        }
        for s in &r.stations {
            let n = drill_len(card, tables, &r.id, Some(&s.station));
            if !s.detail.rows.truncated {
                assert_eq!(s.detail.rows.total, n, "{what} {} {}", r.id, s.station);
            }
        }
    }
}

/// X6 counts one activity for two themes, X4 one joint training for two stations, D4's
/// rows are its parts': each card's count is the number of rows its drill-down opens.
#[test]
fn card_row_counts_are_the_drill_downs_rows() {
    let mut b = TablesBuilder::new();
    for st in ["甲社区", "乙社区"] {
        b.activity(ActivitySpec {
            name: "敬老助残",
            date: Some(d(2017, 3, 8)),
            station: st,
            theme: "关爱空巢老人、关爱残疾人",
            ..Default::default()
        });
        for i in 1..=3 {
            let no = format!("{st}{i}");
            b.volunteer(VolunteerSpec {
                number: &no,
                name: &no,
                station: st,
                political: "中共党员",
                ..Default::default()
            });
            b.record(RecordSpec { volunteer_no: &no, date: d(2017, 3, i), hours: 2.0, ..Default::default() });
        }
    }
    b.training(TrainingSpec {
        date: Some(d(2017, 2, 1)),
        topic: "联合培训",
        stations: &["甲社区", "乙社区"],
        kind: "专业",
        ..Default::default()
    });
    let tables = b.finish();
    let ctx = Context {
        year: 2017,
        as_of: Some(d(2017, 6, 30)),
        population: Some(100),
        staff: Some(10),
        ..Context::default()
    };
    for profile in ["xindu2017-town", "xindu2017-dept"] {
        let ctx = Context { profile: profile.into(), ..ctx.clone() };
        let card = score(&builtin(profile).unwrap(), &ctx, &tables, today());
        assert_counts_match_drills(profile, &card, &tables);
    }
    // by hand: X6 rows are the two activities (one per station), X4's the one training
    let card = score(&builtin("xindu2017-town").unwrap(), &ctx, &tables, today());
    assert_eq!(ind(&card, "X6").detail.rows.total, 2);
    assert_eq!(ind(&card, "X4").detail.rows.total, 1);
    // D4 = X2 and X3: the 6 volunteers' 6 records and the 6 roster rows
    let card = score(
        &builtin("xindu2017-dept").unwrap(),
        &Context { profile: "xindu2017-dept".into(), ..ctx },
        &tables,
        today(),
    );
    assert_eq!(ind(&card, "D4").detail.rows.total, 12);
}

/// The demo town under every built-in profile: the same.
#[test]
fn card_row_counts_are_the_drill_downs_rows_on_the_demo() {
    let tables = demo_tables();
    for p in scorecard_domain::profile::builtins() {
        let card = score(&p, &demo_ctx(&p.id), &tables, today());
        assert_counts_match_drills(&p.id, &card, &tables);
    }
}

/// X7 over a participation matrix: its three activities (义诊, 普法, 垃圾分类) stand on
/// one sheet row, the matrix's header. The card said 3 rows and the drill opened one; now
/// both count the rows the drill-down shows.
#[test]
fn x7_over_a_matrix_counts_the_rows_it_opens() {
    use crate::support::corpus::write::{row, xlsx, Sheet};
    let rows = vec![
        row(&["姓名", "学号", "社区义诊", "普法讲座", "垃圾分类宣传"]),
        row(&["学生甲", "2017001", "1", "1", "1"]),
        row(&["学生乙", "2017002", "1", "", "2"]),
    ];
    let bytes = xlsx(&[Sheet::new("参与", rows)]);
    let files = [FileInput { name: "m.xlsx", bytes: &bytes }];
    let first = import(&files, &ImportOptions::default());
    let wide = first.files[0].sheets.iter().find_map(|s| s.wide.clone()).expect("a matrix");
    let mut choice = default_choice(&wide, 2017);
    for a in &mut choice.activities {
        a.date = Some(d(2017, 5, 10));
        a.hours = Some(2.0);
    }
    let hand =
        SheetOverride { file: "m.xlsx".into(), sheet: "参与".into(), wide: Some(choice), ..Default::default() };
    let tables = import(&files, &ImportOptions { overrides: vec![hand], ..Default::default() }).tables;
    assert_eq!(tables.activities.len(), 3);
    let ctx = Context { year: 2017, as_of: Some(d(2017, 12, 31)), population: Some(100), ..Context::default() };
    let card = score(&builtin("xindu2017-town").unwrap(), &ctx, &tables, today());
    let x7 = ind(&card, "X7");
    assert_eq!(x7.detail.value, Some(3.0), "three team kinds");
    assert_eq!(x7.detail.rows.total, drill_len(&card, &tables, "X7", None));
    assert_counts_match_drills("matrix", &card, &tables);
}

/// What-if and X3 count the same hours: 100 registered, 50 with 20 h = 1,000 h; X3 (25 h a
/// head) still needs 25 × 100 − 1,000 = 1,500 h, and the what-if says 1,500 h too. The
/// 2,250 h once X1's 30 registrations are in (25 × 130 − 1,000) is said as such.
#[test]
fn what_if_hours_are_x3s_hours() {
    let mut b = TablesBuilder::new();
    for i in 1..=100 {
        let no = format!("A{i}");
        b.volunteer(VolunteerSpec { number: &no, name: &no, station: "甲社区", ..Default::default() });
        if i <= 50 {
            b.record(RecordSpec { volunteer_no: &no, date: d(2017, 3, 1), hours: 20.0, ..Default::default() });
        }
    }
    // a record after the as-of date and one of last year count for neither
    b.record(RecordSpec { volunteer_no: "A1", date: d(2017, 9, 1), hours: 8.0, ..Default::default() });
    b.record(RecordSpec { volunteer_no: "A2", date: d(2016, 9, 1), hours: 8.0, ..Default::default() });
    let tables = b.finish();
    let ctx = Context { year: 2017, as_of: Some(d(2017, 6, 30)), population: Some(1000), ..Context::default() };
    let p = builtin("xindu2017-town").unwrap();
    let dash = dashboard(&p, &ctx, &tables, today());
    let x3 = ind(&dash.card, "X3");
    assert_eq!(x3.detail.numerator, Some(1000.0));
    assert_eq!(dash.what_if.hours, 1000.0);
    assert!(x3.detail.gap.as_deref().unwrap_or("").contains("全年还需 1,500 小时"), "{:?}", x3.detail.gap);
    let plan: Vec<&str> = dash.what_if.plan.iter().map(|p| p.0.as_str()).collect();
    assert!(plan.iter().any(|s| s.contains("还需 1,500 小时")), "{plan:#?}");
    let larger: Vec<&&str> = plan.iter().filter(|s| s.contains("2,250")).collect();
    assert_eq!(larger.len(), 1, "the larger figure is said once, with why: {plan:#?}");
    assert!(larger[0].contains("新增") && larger[0].contains("30 人") && larger[0].contains("130 人"), "{}", larger[0]);
    let en: Vec<&str> = dash.what_if.plan.iter().map(|p| p.1.as_str()).collect();
    assert!(en.iter().any(|s| s.contains("1,500 more hours")), "{en:#?}");
}

/// The demo town: the what-if's hours still needed at today's registrations is X3's gap.
#[test]
fn what_if_on_the_demo_says_x3s_gap() {
    let tables = demo_tables();
    let p = builtin("xindu2017-town").unwrap();
    let dash = dashboard(&p, &demo_ctx("xindu2017-town"), &tables, today());
    let x3 = ind(&dash.card, "X3");
    let (t, n, total) = (25.0, x3.detail.denominator.unwrap(), x3.detail.numerator.unwrap());
    assert_eq!(dash.what_if.hours, total);
    assert_eq!(dash.what_if.registered as f64, n);
    let gap = (t * n - total).ceil() as u64;
    let words = scorecard_domain::phrasing::fmt_count(gap);
    assert!(x3.detail.gap.as_deref().unwrap_or("").contains(&format!("全年还需 {words} 小时")), "{:?}", x3.detail.gap);
    assert!(dash.what_if.plan.iter().any(|p| p.0.contains(&format!("还需 {words} 小时"))), "{:#?}", dash.what_if.plan);
}

/// C3 (civilised-city) as of 7 December 2017: day 341 of 365, so each volunteer should
/// have 20 × 341 ÷ 365 = 18.68… ≈ 18.7 h by now, 93.4 % of the year's 20 h. The card's
/// pro-rated line says hours and that share, never "1,868.5%".
#[test]
fn c3_pro_rated_text_is_in_hours_and_the_share_of_the_year() {
    let mut b = TablesBuilder::new();
    for i in 1..=4 {
        let no = format!("C{i}");
        b.volunteer(VolunteerSpec { number: &no, name: &no, ..Default::default() });
        b.record(RecordSpec {
            volunteer_no: &no,
            date: d(2017, 4, 1),
            hours: 5.0 * f64::from(i),
            ..Default::default()
        });
    }
    let tables = b.finish();
    let as_of = d(2017, 12, 7);
    assert_eq!(as_of.ordinal(), 341);
    let ctx = Context { profile: "civilised-city".into(), year: 2017, as_of: Some(as_of), ..Context::default() };
    let card = score(&builtin("civilised-city").unwrap(), &ctx, &tables, today());
    let c3 = ind(&card, "C3");
    let pro = c3.detail.prorated_target.unwrap();
    assert!((pro - 20.0 * 341.0 / 365.0).abs() < 1e-9);
    let zh = c3.detail.prorated_text.clone().expect("a pro-rated line");
    let en = c3.detail.prorated_text_en.clone().expect("a pro-rated line");
    assert!(zh.contains("18.7 小时") && zh.contains("93.4%"), "{zh}");
    assert!(en.contains("18.7 h") && en.contains("93.4%"), "{en}");
    assert!(!zh.contains("1,868") && !en.contains("1,868"));
    // X3 the same way: 25 × 341 ÷ 365 = 23.36 → 23.4 h per head
    let ctx = Context { profile: "xindu2017-town".into(), ..ctx };
    let card = score(&builtin("xindu2017-town").unwrap(), &ctx, &tables, today());
    let zh = ind(&card, "X3").detail.prorated_text.clone().expect("a pro-rated line");
    assert!(zh.contains("23.4 小时") && zh.contains("93.4%"), "{zh}");
}
