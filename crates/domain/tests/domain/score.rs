//! Every indicator of the six built-in profiles, table-driven through one `check()`.
//!
//! Each case builds a small world with `TablesBuilder`, scores it and compares the values
//! worked out by hand in the comments. `every_indicator_id_has_a_case` scans the table so
//! no indicator goes untested.

use crate::support::{d, today};
use chrono::NaiveDate;
use scorecard_domain::builder::{ActivitySpec, RecordSpec, TablesBuilder, TrainingSpec, VolunteerSpec};
use scorecard_domain::model::Materials;
use scorecard_domain::profile::{builtin, builtins};
use scorecard_domain::score::{score, IndicatorResult, InputField, Missing, Scorecard, Status};
use scorecard_domain::{Context, FindingKind, Tables, UnitType};

const XQ: &str = "新桥社区";
const DF: &str = "大丰社区";

/// A world under construction: tables plus the assessment context.
struct W {
    b: TablesBuilder,
    ctx: Context,
}

impl W {
    fn new(year: i32, as_of: NaiveDate) -> W {
        W { b: TablesBuilder::new(), ctx: Context { year, as_of: Some(as_of), ..Context::default() } }
    }

    /// `n` volunteers `{prefix}1 … {prefix}n` at `station`.
    fn vols(&mut self, station: &str, prefix: &str, n: usize) -> &mut Self {
        for i in 1..=n {
            let no = format!("{prefix}{i}");
            self.b.volunteer(VolunteerSpec { number: &no, name: &no, station, ..Default::default() });
        }
        self
    }

    fn vol(&mut self, v: VolunteerSpec) -> &mut Self {
        self.b.volunteer(v);
        self
    }

    fn rec(&mut self, no: &str, date: NaiveDate, hours: f64) -> &mut Self {
        self.b.record(RecordSpec { volunteer_no: no, date, hours, activity: "服务", ..Default::default() });
        self
    }

    fn act(&mut self, station: &str, date: NaiveDate, name: &str) -> &mut Self {
        self.b.activity(ActivitySpec { name, date: Some(date), station, ..Default::default() });
        self
    }

    /// An activity with 活动主题, 服务队 and 节庆日 cells.
    fn act_t(
        &mut self,
        station: &str,
        date: NaiveDate,
        name: &str,
        theme: &str,
        team: &str,
        holiday: &str,
    ) -> &mut Self {
        self.b.activity(ActivitySpec { name, date: Some(date), station, theme, team, holiday, ..Default::default() });
        self
    }

    fn act_m(&mut self, station: &str, date: NaiveDate, name: &str, materials: Materials) -> &mut Self {
        self.b.activity(ActivitySpec { name, date: Some(date), station, materials, ..Default::default() });
        self
    }

    fn train(&mut self, date: NaiveDate, topic: &str, stations: &[&str], kind: &str) -> &mut Self {
        self.b.training(TrainingSpec { date: Some(date), topic, stations, kind, ..Default::default() });
        self
    }

    fn tick(&mut self, key: &str, v: bool) -> &mut Self {
        self.ctx.checklist.insert(key.to_string(), v);
        self
    }

    fn done(self) -> (Tables, Context) {
        (self.b.finish(), self.ctx)
    }
}

/// What a case expects. Unset fields are not checked.
#[derive(Clone, Copy)]
struct Expect {
    status: Status,
    value: Option<f64>,
    target: Option<f64>,
    prorated: Option<f64>,
    num_den: Option<(f64, f64)>,
    /// Substrings of the Chinese gap sentence.
    gap: &'static [&'static str],
    /// The exact `missing` list.
    missing: Option<&'static [&'static str]>,
    /// T1: team → missing periods, for the teams listed.
    by_name: &'static [(&'static str, &'static [&'static str])],
    needs: Option<InputField>,
    stations: &'static [(&'static str, Status)],
    /// A station's exact `missing` list.
    station_missing: &'static [(&'static str, &'static [&'static str])],
    suggestions: Option<usize>,
    finding_kinds: &'static [FindingKind],
    /// `summary.failing` (non-bonus indicators not met or behind).
    failing: Option<u32>,
    bonus: Option<bool>,
    /// The indicator is left out of the scorecard (X9 without material columns).
    omitted: bool,
}

const E: Expect = Expect {
    status: Status::Met,
    value: None,
    target: None,
    prorated: None,
    num_den: None,
    gap: &[],
    missing: None,
    by_name: &[],
    needs: None,
    stations: &[],
    station_missing: &[],
    suggestions: None,
    finding_kinds: &[],
    failing: None,
    bonus: None,
    omitted: false,
};

struct Case {
    name: &'static str,
    profile: &'static str,
    /// Indicator id; a part of a composite is found by its own id (D4.2).
    id: &'static str,
    data: fn() -> (Tables, Context),
    expect: Expect,
}

fn find<'a>(card: &'a Scorecard, id: &str) -> Option<&'a IndicatorResult> {
    card.indicators
        .iter()
        .find(|i| i.id == id)
        .or_else(|| card.indicators.iter().flat_map(|i| i.parts.iter()).find(|p| p.id == id))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn check(c: &Case) {
    let (tables, ctx) = (c.data)();
    let profile = builtin(c.profile).unwrap_or_else(|| panic!("{}: no profile {}", c.name, c.profile));
    let card = score(&profile, &ctx, &tables, today());
    let e = &c.expect;
    let name = c.name;
    if e.omitted {
        assert!(card.omitted.iter().any(|o| o.id == c.id), "{name}: {} should be omitted", c.id);
        assert!(find(&card, c.id).is_none(), "{name}: {} should not be shown", c.id);
        return;
    }
    let r = find(&card, c.id).unwrap_or_else(|| panic!("{name}: no result for {}", c.id));
    let det = &r.detail;
    assert_eq!(det.status, e.status, "{name}: status; gap = {:?}", det.gap);
    if let Some(v) = e.value {
        let got = det.value.unwrap_or(f64::NAN);
        assert!(close(got, v), "{name}: value {got} != {v}");
    }
    if let Some(t) = e.target {
        let got = det.target.unwrap_or(f64::NAN);
        assert!(close(got, t), "{name}: target {got} != {t}");
    }
    if let Some(p) = e.prorated {
        let got = det.prorated_target.unwrap_or(f64::NAN);
        assert!(close(got, p), "{name}: prorated {got} != {p}");
    }
    if let Some((n, dd)) = e.num_den {
        assert_eq!((det.numerator, det.denominator), (Some(n), Some(dd)), "{name}: numerator/denominator");
    }
    let gap = det.gap.clone().unwrap_or_default();
    for s in e.gap {
        assert!(gap.contains(s), "{name}: gap {gap:?} lacks {s:?}");
    }
    if e.status == Status::Met && r.parts.is_empty() {
        assert!(det.gap.is_none(), "{name}: a met indicator has no gap, got {gap:?}");
    }
    if !e.gap.is_empty() {
        assert!(det.gap_en.as_deref().is_some_and(|g| !g.is_empty()), "{name}: English gap missing");
    }
    if let Some(m) = e.missing {
        match &det.missing {
            Missing::List(v) => assert_eq!(v, m, "{name}: missing"),
            other => panic!("{name}: missing is {other:?}"),
        }
    }
    for (team, months) in e.by_name {
        let Missing::ByName(v) = &det.missing else { panic!("{name}: missing is not a map") };
        let got: Option<Vec<&str>> =
            v.iter().find(|(t, _)| t == team).map(|(_, m)| m.iter().map(String::as_str).collect());
        // a team with no month missing is not listed at all
        let want = (!months.is_empty()).then_some(*months);
        assert_eq!(got.as_deref(), want, "{name}: missing months of {team}");
    }
    if let Some(field) = e.needs {
        assert_eq!(det.needs_input, Some(field), "{name}: needs_input");
    }
    for (st, status) in e.stations {
        let s = r.stations.iter().find(|s| s.station == *st).unwrap_or_else(|| panic!("{name}: no station {st}"));
        assert_eq!(s.detail.status, *status, "{name}: station {st}; gap = {:?}", s.detail.gap);
    }
    if !e.stations.is_empty() {
        assert_eq!(r.stations.len(), e.stations.len(), "{name}: number of stations listed");
    }
    for (st, m) in e.station_missing {
        let s = r.stations.iter().find(|s| s.station == *st).unwrap_or_else(|| panic!("{name}: no station {st}"));
        assert_eq!(s.detail.missing, Missing::List(m.iter().map(|x| x.to_string()).collect()), "{name}: {st} missing");
    }
    if let Some(n) = e.suggestions {
        assert_eq!(det.suggestions.len(), n, "{name}: suggestions");
        let found =
            card.findings.iter().filter(|f| f.kind == FindingKind::Suggestion && f.column.as_deref() == Some("节庆日"));
        assert_eq!(found.count(), n, "{name}: suggestion findings");
    }
    for k in e.finding_kinds {
        assert!(card.findings.iter().any(|f| f.kind == *k), "{name}: no {k:?} finding");
    }
    if let Some(n) = e.failing {
        assert_eq!(card.summary.failing, n, "{name}: summary.failing");
    }
    if let Some(b) = e.bonus {
        assert_eq!(r.bonus, b, "{name}: bonus flag");
    }
}

fn met(value: f64) -> Expect {
    Expect { status: Status::Met, value: Some(value), ..E }
}

fn cases() -> Vec<Case> {
    use Status::*;
    vec![
        // ---------------------------------------------------------------- X1 注册率
        Case {
            name: "X1 met: 13 of 100 residents = 13 %",
            profile: "xindu2017-town",
            id: "X1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 13);
                w.ctx.population = Some(100);
                w.done()
            },
            expect: Expect { num_den: Some((13.0, 100.0)), target: Some(0.13), ..met(0.13) },
        },
        Case {
            // 12 distinct registered (the repeated A1 counts once, L1 registers after D).
            // ⌈0.13 × 12 345⌉ = ⌈1604.85⌉ = 1605 → 1605 − 12 = 1593 more.
            name: "X1 gap counted exactly; duplicates once; late registration not yet",
            profile: "xindu2017-town",
            id: "X1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 12);
                w.vol(VolunteerSpec { number: "A1", name: "A1", station: XQ, ..Default::default() });
                w.vol(VolunteerSpec {
                    number: "L1",
                    name: "L1",
                    station: XQ,
                    registered_on: Some(d(2017, 7, 1)),
                    ..Default::default()
                });
                w.ctx.population = Some(12_345);
                w.done()
            },
            expect: Expect {
                status: NotMet,
                num_den: Some((12.0, 12_345.0)),
                gap: &["还需新增注册志愿者 1,593 人"],
                finding_kinds: &[FindingKind::DuplicateVolunteer],
                ..E
            },
        },
        Case {
            name: "X1 population 0 → needs input (no division by zero)",
            profile: "xindu2017-town",
            id: "X1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 3);
                w.ctx.population = Some(0);
                w.done()
            },
            expect: Expect { status: NeedsInput, needs: Some(InputField::Population), gap: &["常住人口"], ..E },
        },
        Case {
            name: "X1 population not entered → needs input",
            profile: "xindu2017-town",
            id: "X1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 3);
                w.done()
            },
            expect: Expect { status: NeedsInput, needs: Some(InputField::Population), ..E },
        },
        Case {
            name: "X1 without a roster → needs the roster",
            profile: "xindu2017-town",
            id: "X1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.rec("A1", d(2017, 3, 1), 2.0);
                w.ctx.population = Some(100);
                w.done()
            },
            expect: Expect { status: NeedsInput, needs: Some(InputField::Roster), ..E },
        },
        Case {
            // §4: 130 registered of 100 residents cannot both be true → 需核对, never met,
            // and a finding names the figures and the likely causes.
            name: "X1 above 100 % is impossible: needs the figures checked",
            profile: "xindu2017-town",
            id: "X1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 130);
                w.ctx.population = Some(100);
                w.done()
            },
            expect: Expect {
                status: NeedsInput,
                needs: Some(InputField::Population),
                num_den: Some((130.0, 100.0)),
                gap: &["注册志愿者人数（130）多于常住人口（100）", "示例数据"],
                finding_kinds: &[FindingKind::ImpossibleValue],
                ..E
            },
        },
        // ---------------------------------------------------------------- X2 有记录率
        Case {
            // A1–A6 have records; A7's is in 2016, A8's after D, A9's has 0 h, V99 is
            // nobody: 6 of 10 = 0.6; ⌈0.7 × 10⌉ = 7 → 1 more.
            name: "X2 not met; out-of-year, after-D, zero-hour and unmatched records left out",
            profile: "xindu2017-town",
            id: "X2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 10);
                for i in 1..=6 {
                    w.rec(&format!("A{i}"), d(2017, 3, 1), 2.0);
                }
                w.rec("A7", d(2016, 12, 31), 3.0).rec("A8", d(2017, 7, 5), 1.0).rec("A9", d(2017, 3, 1), 0.0);
                w.rec("V99", d(2017, 3, 1), 2.0);
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(0.6),
                target: Some(0.7),
                num_den: Some((6.0, 10.0)),
                gap: &["还需有服务记录的注册志愿者 1 人"],
                finding_kinds: &[
                    FindingKind::UnmatchedRecord,
                    FindingKind::DateOutOfPeriod,
                    FindingKind::HoursOutOfRange,
                ],
                ..E
            },
        },
        Case {
            name: "X2 met: 7 of 10",
            profile: "xindu2017-town",
            id: "X2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 10);
                for i in 1..=7 {
                    w.rec(&format!("A{i}"), d(2017, 3, 1), 2.0);
                }
                w.done()
            },
            expect: Expect { num_den: Some((7.0, 10.0)), ..met(0.7) },
        },
        // ---------------------------------------------------------------- X3 年人均时长
        Case {
            // D = 2017-06-30 is day 181 of 365: pro-rated 25 × 181 / 365 = 12.39726… h.
            // 4 volunteers, 50 h → 12.5 h each ≥ 12.397 → on track; 100 − 50 = 50 h to go,
            // 365 − 181 = 184 days left.
            name: "X3 on track mid-year",
            profile: "xindu2017-town",
            id: "X3",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 4);
                for i in 1..=4 {
                    for day in 1..=5 {
                        w.rec(&format!("A{i}"), d(2017, 2, day), 2.5);
                    }
                }
                w.done()
            },
            expect: Expect {
                status: OnTrack,
                value: Some(12.5),
                target: Some(25.0),
                prorated: Some(25.0 * 181.0 / 365.0),
                num_den: Some((50.0, 4.0)),
                gap: &["全年还需 50 小时", "剩 184 天"],
                ..E
            },
        },
        Case {
            // 49 h over 4 → 12.25 < 12.397: behind by 4 × 12.39726 − 49 = 0.589 → "0.6";
            // 100 − 49 = 51 h for the year.
            name: "X3 behind mid-year",
            profile: "xindu2017-town",
            id: "X3",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 4);
                for i in 1..=3 {
                    w.rec(&format!("A{i}"), d(2017, 2, 1), 12.5);
                }
                w.rec("A4", d(2017, 2, 1), 11.5);
                w.done()
            },
            expect: Expect {
                status: Behind,
                value: Some(12.25),
                gap: &["按时间进度还差 0.6 小时", "全年还需 51 小时", "剩 184 天"],
                ..E
            },
        },
        Case {
            // 1000 records of 0.1 h = 100 h (float sum 99.9999…) over 4 = 25 h: met on 12-31.
            name: "X3 met at year end despite float noise",
            profile: "xindu2017-town",
            id: "X3",
            data: || {
                let mut w = W::new(2017, d(2017, 12, 31));
                w.vols(XQ, "A", 4);
                for k in 0..1000 {
                    w.rec(&format!("A{}", k % 4 + 1), d(2017, 5, 1), 0.1);
                }
                w.done()
            },
            expect: Expect { status: Met, target: Some(25.0), prorated: Some(25.0), ..E },
        },
        Case {
            // D = 12-31: the year is over; 99 h over 4 → 1 h short → not met (not "behind").
            name: "X3 not met after year end",
            profile: "xindu2017-town",
            id: "X3",
            data: || {
                let mut w = W::new(2017, d(2017, 12, 31));
                w.vols(XQ, "A", 4);
                w.rec("A1", d(2017, 5, 1), 24.0).rec("A2", d(2017, 5, 1), 24.0).rec("A3", d(2017, 5, 1), 24.0);
                w.rec("A4", d(2017, 5, 1), 24.0).rec("A4", d(2017, 6, 1), 3.0);
                w.done()
            },
            expect: Expect { status: NotMet, value: Some(24.75), gap: &["还需 1 小时"], ..E },
        },
        Case {
            // Leap year: 2024-02-29 is day 60 of 366 → 25 × 60 / 366 = 4.0984 h; 4.1 h each → on track.
            name: "X3 leap year pro-rating (2024-02-29)",
            profile: "xindu2017-town",
            id: "X3",
            data: || {
                let mut w = W::new(2024, d(2024, 2, 29));
                w.vols(XQ, "A", 2);
                w.rec("A1", d(2024, 2, 1), 4.1).rec("A2", d(2024, 2, 29), 4.1);
                w.done()
            },
            expect: Expect { status: OnTrack, value: Some(4.1), prorated: Some(25.0 * 60.0 / 366.0), ..E },
        },
        Case {
            // Common year: 2023-03-01 is day 60 of 365 → 4.1096 h; the same 4.1 h is behind.
            name: "X3 common year pro-rating (2023-03-01)",
            profile: "xindu2017-town",
            id: "X3",
            data: || {
                let mut w = W::new(2023, d(2023, 3, 1));
                w.vols(XQ, "A", 2);
                w.rec("A1", d(2023, 2, 1), 4.1).rec("A2", d(2023, 3, 1), 4.1);
                w.done()
            },
            expect: Expect { status: Behind, value: Some(4.1), prorated: Some(25.0 * 60.0 / 365.0), ..E },
        },
        Case {
            // No record sheet: the roster's 年度服务时长 (30 + 20) / 2 = 25 → met.
            name: "X3 from the roster's annual hours when there is no record sheet",
            profile: "xindu2017-town",
            id: "X3",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vol(VolunteerSpec {
                    number: "A1",
                    name: "A1",
                    station: XQ,
                    annual_hours: Some(30.0),
                    ..Default::default()
                });
                w.vol(VolunteerSpec {
                    number: "A2",
                    name: "A2",
                    station: XQ,
                    annual_hours: Some(20.0),
                    ..Default::default()
                });
                w.done()
            },
            expect: met(25.0),
        },
        Case {
            // A record sheet wins over the roster column: 1 h over 2 = 0.5 → behind.
            name: "X3 uses the record sheet when there is one",
            profile: "xindu2017-town",
            id: "X3",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vol(VolunteerSpec {
                    number: "A1",
                    name: "A1",
                    station: XQ,
                    annual_hours: Some(100.0),
                    ..Default::default()
                });
                w.vol(VolunteerSpec {
                    number: "A2",
                    name: "A2",
                    station: XQ,
                    annual_hours: Some(100.0),
                    ..Default::default()
                });
                w.rec("A1", d(2017, 3, 1), 1.0);
                w.done()
            },
            expect: Expect { status: Behind, value: Some(0.5), ..E },
        },
        // ---------------------------------------------------------------- X4 季度培训
        Case {
            // D = 08-15: Q1, Q2 ended. The joint Q1 training (listed twice) counts once for
            // each station; Q2's only for 新桥. 新桥 met (Q3 is current); 大丰 misses Q2.
            name: "X4 joint training counts for each station; duplicate once; Q2 missed",
            profile: "xindu2017-town",
            id: "X4",
            data: || {
                let mut w = W::new(2017, d(2017, 8, 15));
                w.vols(XQ, "A", 1).vols(DF, "B", 1);
                w.train(d(2017, 3, 10), "骨干培训", &[XQ, DF], "骨干");
                w.train(d(2017, 3, 10), "骨干培训", &[XQ, DF], "骨干");
                w.train(d(2017, 5, 20), "骨干培训", &[XQ], "骨干");
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(1.0),
                target: Some(2.0),
                missing: Some(&["大丰社区"]),
                stations: &[(XQ, Met), (DF, NotMet)],
                station_missing: &[(DF, &["2017-Q2"]), (XQ, &[])],
                gap: &["大丰社区", "第二季度"],
                finding_kinds: &[FindingKind::SkippedRow],
                ..E
            },
        },
        Case {
            name: "X4 no training sheet → needs input",
            profile: "xindu2017-town",
            id: "X4",
            data: || {
                let mut w = W::new(2017, d(2017, 8, 15));
                w.vols(XQ, "A", 1);
                w.done()
            },
            expect: Expect { status: NeedsInput, needs: Some(InputField::Trainings), ..E },
        },
        Case {
            // D = 02-10: no quarter has ended and Q1 has no training yet → in progress.
            name: "X4 before the first quarter ends → in progress",
            profile: "xindu2017-town",
            id: "X4",
            data: || {
                let mut w = W::new(2017, d(2017, 2, 10));
                w.vols(XQ, "A", 1);
                w.train(d(2016, 12, 1), "骨干培训", &[XQ], "骨干");
                w.done()
            },
            expect: Expect { status: InProgress, stations: &[(XQ, InProgress)], gap: &["第一季度"], ..E },
        },
        Case {
            // D = 02-28 (2017): Q1's last month starts tomorrow and Q1 has no training →
            // at risk; on 02-27 it is still in progress (the case above, 02-10).
            name: "X4 quarter still short going into its last month → behind",
            profile: "xindu2017-town",
            id: "X4",
            data: || {
                let mut w = W::new(2017, d(2017, 2, 28));
                w.vols(XQ, "A", 1);
                w.train(d(2016, 12, 1), "骨干培训", &[XQ], "骨干");
                w.done()
            },
            expect: Expect { status: Behind, stations: &[(XQ, Behind)], gap: &["第一季度"], ..E },
        },
        Case {
            name: "X4 on 02-27 → in progress",
            profile: "xindu2017-town",
            id: "X4",
            data: || {
                let mut w = W::new(2017, d(2017, 2, 27));
                w.vols(XQ, "A", 1);
                w.train(d(2016, 12, 1), "骨干培训", &[XQ], "骨干");
                w.done()
            },
            expect: Expect { status: InProgress, stations: &[(XQ, InProgress)], ..E },
        },
        // ---------------------------------------------------------------- X5 月度活动
        Case {
            // D = 03-31, Jan–Mar ended. 新桥 2/2/2 → met. 大丰 Jan 2, Feb 1 (its second Feb
            // row repeats the first: same station, date, name), Mar 3 → Feb missed. The
            // 2016 and after-D activities do not count.
            name: "X5 per station: ended months, duplicates once",
            profile: "xindu2017-town",
            id: "X5",
            data: || {
                let mut w = W::new(2017, d(2017, 3, 31));
                w.vols(XQ, "A", 1).vols(DF, "B", 1);
                for (m, day) in [(1, 5), (1, 20), (2, 3), (2, 17), (3, 2), (3, 30)] {
                    w.act(XQ, d(2017, m, day), "例行活动");
                }
                for (m, day) in [(1, 5), (1, 6), (2, 10), (2, 10), (3, 1), (3, 2), (3, 3)] {
                    w.act(DF, d(2017, m, day), "例行活动");
                }
                w.act(DF, d(2017, 4, 2), "例行活动").act(DF, d(2016, 2, 11), "例行活动");
                w.done()
            },
            expect: Expect {
                status: NotMet,
                stations: &[(XQ, Met), (DF, NotMet)],
                station_missing: &[(DF, &["2017-02"])],
                missing: Some(&["大丰社区"]),
                gap: &["2月 未达到每月 2 次活动"],
                finding_kinds: &[FindingKind::SkippedRow, FindingKind::DateOutOfPeriod],
                ..E
            },
        },
        Case {
            // D = 01-20: January is current; 新桥 has 1 so far → in progress; 大丰 has 2 → met.
            name: "X5 current month short → in progress",
            profile: "xindu2017-town",
            id: "X5",
            data: || {
                let mut w = W::new(2017, d(2017, 1, 20));
                w.vols(XQ, "A", 1).vols(DF, "B", 1);
                w.act(XQ, d(2017, 1, 5), "例行活动");
                w.act(DF, d(2017, 1, 5), "例行活动").act(DF, d(2017, 1, 6), "例行活动");
                w.done()
            },
            expect: Expect {
                status: InProgress,
                stations: &[(XQ, InProgress), (DF, Met)],
                gap: &["1月 已有 1 次活动，还需 1 次活动（剩 11 天）"],
                ..E
            },
        },
        Case {
            // The context names only 新桥: 大丰's rows are outside the assessment.
            name: "X5 stations named in the context limit the scope",
            profile: "xindu2017-town",
            id: "X5",
            data: || {
                let mut w = W::new(2017, d(2017, 1, 31));
                w.vols(XQ, "A", 1).vols(DF, "B", 1);
                w.act(XQ, d(2017, 1, 5), "例行活动").act(XQ, d(2017, 1, 6), "例行活动");
                w.act(DF, d(2017, 1, 5), "例行活动");
                w.ctx.stations = vec![XQ.to_string()];
                w.done()
            },
            expect: Expect { status: Met, stations: &[(XQ, Met)], ..E },
        },
        // ---------------------------------------------------------------- X6 主题覆盖
        Case {
            // 新桥: every theme reached (空巢老人 once by cell, once inferred from the name).
            // 大丰: 关爱残疾人 1 of 2, 文明上网 0 of 1.
            name: "X6 theme coverage per station at year end",
            profile: "xindu2017-town",
            id: "X6",
            data: || {
                let mut w = W::new(2017, d(2017, 12, 31));
                w.vols(XQ, "A", 1).vols(DF, "B", 1);
                theme_acts(&mut w, XQ, 2, 1);
                theme_acts(&mut w, DF, 1, 0);
                w.done()
            },
            expect: Expect {
                status: NotMet,
                stations: &[(XQ, Met), (DF, NotMet)],
                station_missing: &[(DF, &["关爱残疾人", "文明上网"])],
                gap: &["还差 1 次关爱残疾人活动、1 次文明上网活动"],
                ..E
            },
        },
        Case {
            // D = 09-01 (day 244): 365 − 244 = 121 days left → in progress, not failed.
            name: "X6 mid-year shortfall → in progress with days left",
            profile: "xindu2017-town",
            id: "X6",
            data: || {
                let mut w = W::new(2017, d(2017, 9, 1));
                w.vols(DF, "B", 1);
                theme_acts(&mut w, DF, 1, 0);
                w.done()
            },
            expect: Expect { status: InProgress, stations: &[(DF, InProgress)], gap: &["剩 121 天"], ..E },
        },
        Case {
            // §4: short in the year's last month → at risk (落后), with the days left
            // (D = 12-10: 21 days left).
            name: "X6 short in December → behind",
            profile: "xindu2017-town",
            id: "X6",
            data: || {
                let mut w = W::new(2017, d(2017, 12, 10));
                w.vols(DF, "B", 1);
                theme_acts(&mut w, DF, 1, 0);
                w.done()
            },
            expect: Expect { status: Behind, stations: &[(DF, Behind)], gap: &["剩 21 天"], ..E },
        },
        Case {
            // A month-end check the day before the last month warns already (the replay's
            // 11-30); the day before that is still in progress.
            name: "X6 short at 11-30 → behind; at 11-29 in progress",
            profile: "xindu2017-town",
            id: "X6",
            data: || {
                let mut w = W::new(2017, d(2017, 11, 30));
                w.vols(DF, "B", 1);
                theme_acts(&mut w, DF, 1, 0);
                w.done()
            },
            expect: Expect { status: Behind, gap: &["剩 31 天"], ..E },
        },
        Case {
            name: "X6 short at 11-29 → in progress",
            profile: "xindu2017-town",
            id: "X6",
            data: || {
                let mut w = W::new(2017, d(2017, 11, 29));
                w.vols(DF, "B", 1);
                theme_acts(&mut w, DF, 1, 0);
                w.done()
            },
            expect: Expect { status: InProgress, gap: &["剩 32 天"], ..E },
        },
        // ---------------------------------------------------------------- X7 专业队伍
        Case {
            // 教育 文体 科技 法律 消防 = 5 kinds; 环境卫生整治 (no team cell) is an ignore word,
            // not 医疗卫生 → 5 < 6 at year end.
            name: "X7 five team kinds at year end → not met",
            profile: "xindu2017-town",
            id: "X7",
            data: || {
                let mut w = W::new(2017, d(2017, 12, 31));
                for (i, team) in ["教育", "文体", "科技", "法律", "消防"].iter().enumerate() {
                    w.act_t(XQ, d(2017, 3, 1 + i as u32), "进社区服务", "", team, "");
                }
                w.act(XQ, d(2017, 4, 1), "环境卫生整治");
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(5.0),
                target: Some(6.0),
                missing: Some(&["医疗卫生", "环保", "社工", "交通", "财务", "慈善捐助"]),
                gap: &["还差 1 类专业队伍"],
                ..E
            },
        },
        Case {
            // + 义诊进社区 (inferred 医疗卫生) = 6 kinds by mid-year → met.
            name: "X7 six kinds (one inferred from the name) → met",
            profile: "xindu2017-town",
            id: "X7",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                for (i, team) in ["教育", "文体", "科技", "法律", "消防"].iter().enumerate() {
                    w.act_t(XQ, d(2017, 3, 1 + i as u32), "进社区服务", "", team, "");
                }
                w.act(XQ, d(2017, 4, 1), "义诊进社区");
                w.done()
            },
            expect: met(6.0),
        },
        // ---------------------------------------------------------------- X8 节庆日活动
        Case {
            // 9 activities name a holiday (cell or name); 05-06 青年志愿者进社区 is 2 days after
            // 青年节 and names none → suggested only. D = 10-31: 365 − 304 = 61 days left.
            name: "X8 suggestion not counted until confirmed → in progress",
            profile: "xindu2017-town",
            id: "X8",
            data: || holiday_world(d(2017, 10, 31), false),
            expect: Expect {
                status: InProgress,
                value: Some(9.0),
                target: Some(10.0),
                gap: &["还差 1 次节庆日主题活动（剩 61 天）", "确认后可计入"],
                suggestions: Some(1),
                ..E
            },
        },
        Case {
            name: "X8 confirmed suggestion counts → met",
            profile: "xindu2017-town",
            id: "X8",
            data: || holiday_world(d(2017, 10, 31), true),
            expect: Expect { suggestions: Some(0), ..met(10.0) },
        },
        Case {
            name: "X8 unconfirmed at year end → not met",
            profile: "xindu2017-town",
            id: "X8",
            data: || holiday_world(d(2017, 12, 31), false),
            expect: Expect { status: NotMet, value: Some(9.0), suggestions: Some(1), ..E },
        },
        // ---------------------------------------------------------------- X9 活动材料
        Case {
            // Two activities up to D; 学雷锋 lacks its 简报; the July one is after D.
            name: "X9 an activity lacking its brief",
            profile: "xindu2017-town",
            id: "X9",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                let all = Materials { plan: Some(true), record: Some(true), brief: Some(true), photo: Some(true) };
                w.act_m(XQ, d(2017, 3, 5), "学雷锋", Materials { brief: Some(false), ..all });
                w.act_m(XQ, d(2017, 4, 1), "例行活动", all);
                w.act_m(DF, d(2017, 7, 10), "例行活动", Materials::default());
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(1.0),
                target: Some(2.0),
                missing: Some(&["新桥社区 2017-03-05 学雷锋：缺简报"]),
                gap: &["1 项活动缺材料"],
                ..E
            },
        },
        Case {
            name: "X9 omitted when no material column exists",
            profile: "xindu2017-town",
            id: "X9",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.act(XQ, d(2017, 3, 5), "例行活动");
                w.done()
            },
            expect: Expect { omitted: true, ..E },
        },
        Case {
            // 方案 and 图片 columns complete, 记录/简报 columns absent → cannot be checked.
            name: "X9 absent material columns → needs input",
            profile: "xindu2017-town",
            id: "X9",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.act_m(
                    XQ,
                    d(2017, 3, 5),
                    "例行活动",
                    Materials { plan: Some(true), photo: Some(true), ..Default::default() },
                );
                w.done()
            },
            expect: Expect {
                status: NeedsInput,
                needs: Some(InputField::MaterialColumns),
                gap: &["记录", "简报"],
                ..E
            },
        },
        // ---------------------------------------------------------------- X10 站点四有
        Case {
            name: "X10 one item unticked at one station",
            profile: "xindu2017-town",
            id: "X10",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 1).vols(DF, "B", 1);
                for item in ["有队伍", "有方案", "有记录", "有宣传"] {
                    w.tick(&format!("X10|新桥社区|{item}"), true);
                    w.tick(&format!("X10|大丰社区|{item}"), item != "有方案");
                }
                w.done()
            },
            expect: Expect {
                status: NotMet,
                stations: &[(XQ, Met), (DF, NotMet)],
                station_missing: &[(DF, &["有方案"])],
                missing: Some(&["大丰社区"]),
                ..E
            },
        },
        Case {
            name: "X10 nothing answered → needs input",
            profile: "xindu2017-town",
            id: "X10",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 1);
                w.done()
            },
            expect: Expect {
                status: NeedsInput,
                needs: Some(InputField::Checklist),
                stations: &[(XQ, NeedsInput)],
                ..E
            },
        },
        // ---------------------------------------------------------------- X11 激励回馈 (bonus)
        Case {
            // Answered "no": not met, but a bonus item never fails the profile: nothing else
            // in this empty world fails (everything else needs input), so failing = 0.
            name: "X11 bonus not met never fails the profile",
            profile: "xindu2017-town",
            id: "X11",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.tick("X11|激励回馈", false);
                w.done()
            },
            expect: Expect {
                status: NotMet, bonus: Some(true), failing: Some(0), missing: Some(&["激励回馈"]), ..E
            },
        },
        Case {
            name: "X11 ticked → met",
            profile: "xindu2017-town",
            id: "X11",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.tick("X11|激励回馈", true);
                w.done()
            },
            expect: Expect { bonus: Some(true), ..met(1.0) },
        },
        // ---------------------------------------------------------------- D1–D4 区级部门
        Case {
            name: "D1 90 of 100 staff registered → met",
            profile: "xindu2017-dept",
            id: "D1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols("区民政局", "S", 90);
                w.ctx.staff = Some(100);
                w.done()
            },
            expect: Expect { target: Some(0.9), ..met(0.9) },
        },
        Case {
            name: "D1 staff count missing → needs input",
            profile: "xindu2017-dept",
            id: "D1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols("区民政局", "S", 90);
                w.done()
            },
            expect: Expect { status: NeedsInput, needs: Some(InputField::Staff), gap: &["职工总数"], ..E },
        },
        Case {
            // Party members: 张一 25 h, 李二 13 h, 王三 5 h (群众/共青团员/非党员 are not).
            // Pro-rated 12.397 h at 06-30: full 1/3, on pace 2/3 → behind. Short list:
            // below pace first (王三 5 h), then 李二 13 h.
            name: "D2 party members' hours: lists those short, behind first",
            profile: "xindu2017-dept",
            id: "D2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                for (no, name, pol, hours) in [
                    ("P1", "张一", "中共党员", 25.0_f64),
                    ("P2", "李二", "中共预备党员", 13.0),
                    ("P3", "王三", "党员", 5.0),
                    ("N1", "赵四", "群众", 30.0),
                    ("N2", "钱五", "共青团员", 0.0),
                    ("N3", "孙六", "非党员", 0.0),
                ] {
                    w.vol(VolunteerSpec { number: no, name, political: pol, station: XQ, ..Default::default() });
                    if hours > 0.0 {
                        w.rec(no, d(2017, 3, 1), hours.min(24.0));
                        if hours > 24.0 {
                            w.rec(no, d(2017, 3, 2), hours - 24.0);
                        }
                    }
                }
                w.done()
            },
            expect: Expect {
                status: Behind,
                num_den: Some((1.0, 3.0)),
                missing: Some(&["王三（新桥社区，5 小时）", "李二（新桥社区，13 小时）"]),
                gap: &["有 2 名党员尚未达到 25 小时，其中 1 人低于时间进度（12.4 小时）"],
                ..E
            },
        },
        Case {
            name: "D2 without a political-status column → needs input",
            profile: "xindu2017-dept",
            id: "D2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 3);
                w.rec("A1", d(2017, 3, 1), 2.0);
                w.done()
            },
            expect: Expect { status: NeedsInput, needs: Some(InputField::PartyMembers), ..E },
        },
        Case {
            // Q1 has a 专业 training; Q2 only a 骨干 one (not professional) → Q2 missed.
            name: "D3 professional training per quarter",
            profile: "xindu2017-dept",
            id: "D3",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.train(d(2017, 2, 10), "消防技能", &[], "专业培训");
                w.train(d(2017, 5, 10), "志愿者骨干培训", &[], "骨干");
                w.done()
            },
            expect: Expect { status: NotMet, value: Some(1.0), target: Some(2.0), missing: Some(&["2017-Q2"]), ..E },
        },
        Case {
            // 7 of 10 with records → X2 part met; 14 h / 10 = 1.4 < 12.397 → X3 part behind;
            // D4 takes the worse: behind.
            name: "D4 = worse of its two parts",
            profile: "xindu2017-dept",
            id: "D4",
            data: d4_world,
            expect: Expect { status: Behind, missing: Some(&["D4.2"]), gap: &["年人均时长"], ..E },
        },
        Case {
            name: "D4.1 part (record share) met",
            profile: "xindu2017-dept",
            id: "D4.1",
            data: d4_world,
            expect: met(0.7),
        },
        Case {
            name: "D4.2 part (hours per head) behind",
            profile: "xindu2017-dept",
            id: "D4.2",
            data: d4_world,
            expect: Expect { status: Behind, value: Some(1.4), ..E },
        },
        // ---------------------------------------------------------------- C1–C5 文明城市
        Case {
            // 99 / 1000 = 9.9 % < 10 %; ⌈100⌉ − 99 = 1.
            name: "C1 one registration short",
            profile: "civilised-city",
            id: "C1",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 99);
                w.ctx.population = Some(1000);
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(0.099),
                target: Some(0.1),
                gap: &["还需新增注册志愿者 1 人"],
                ..E
            },
        },
        Case {
            name: "C2 school: 140 of 200 = 70 % → met",
            profile: "civilised-city",
            id: "C2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols("第一中学", "A", 140);
                w.ctx.staff = Some(200);
                w.ctx.unit_type = Some(UnitType::School);
                w.done()
            },
            expect: Expect { target: Some(0.7), ..met(0.7) },
        },
        Case {
            // 文明村镇: 15 % of its 1000 residents = 150; 140 registered → 10 more.
            name: "C2 civilised village divides by population",
            profile: "civilised-city",
            id: "C2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 140);
                w.ctx.population = Some(1000);
                w.ctx.unit_type = Some(UnitType::CivilisedVillage);
                w.done()
            },
            expect: Expect {
                status: NotMet,
                target: Some(0.15),
                num_den: Some((140.0, 1000.0)),
                gap: &["还需新增注册志愿者 10 人", "文明村镇(社区)目标"],
                ..E
            },
        },
        Case {
            // No unit type in the context, but every roster row says 党政机关 → 60 %.
            name: "C2 unit type taken from the roster when all rows agree",
            profile: "civilised-city",
            id: "C2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                for i in 1..=6 {
                    let no = format!("G{i}");
                    w.vol(VolunteerSpec { number: &no, name: &no, unit_type: "党政机关", ..Default::default() });
                }
                w.ctx.staff = Some(10);
                w.done()
            },
            expect: Expect { target: Some(0.6), ..met(0.6) },
        },
        Case {
            name: "C2 unit type unknown → needs input",
            profile: "civilised-city",
            id: "C2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 6);
                w.ctx.staff = Some(10);
                w.done()
            },
            expect: Expect { status: NeedsInput, needs: Some(InputField::UnitType), ..E },
        },
        Case {
            // 20 h, 25 h, 19.5 h at year end: 2 of 3 reach 20 h; target 100 % → not met.
            name: "C3 every volunteer 20 h: one short at year end",
            profile: "civilised-city",
            id: "C3",
            data: || {
                let mut w = W::new(2017, d(2017, 12, 31));
                w.vols(XQ, "A", 3);
                w.rec("A1", d(2017, 3, 1), 20.0).rec("A2", d(2017, 3, 1), 25.0 - 1.0).rec("A2", d(2017, 4, 1), 1.0);
                w.rec("A3", d(2017, 3, 1), 19.5);
                w.done()
            },
            expect: Expect {
                status: NotMet,
                num_den: Some((2.0, 3.0)),
                target: Some(1.0),
                missing: Some(&["A3（新桥社区，19.5 小时）"]),
                ..E
            },
        },
        Case {
            name: "C4 all six ticked → met",
            profile: "civilised-city",
            id: "C4",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                for item in ["管理制度", "专用场所", "志愿者队伍", "台账", "固定服务项目", "明显标识"]
                {
                    w.tick(&format!("C4|{item}"), true);
                }
                w.done()
            },
            expect: Expect { target: Some(6.0), ..met(6.0) },
        },
        Case {
            name: "C5 one of five unticked",
            profile: "civilised-city",
            id: "C5",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                for item in ["有组织", "有人员", "有服务场所(对象)", "有活动"] {
                    w.tick(&format!("C5|{item}"), true);
                }
                w.tick("C5|有制度", false);
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(4.0),
                missing: Some(&["有制度"]),
                gap: &["未勾选：有制度"],
                ..E
            },
        },
        // ---------------------------------------------------------------- T1–T4 乡镇2021
        Case {
            // D = 03-31. Red every month; green (cell 绿色队, the colour alias) Jan and Mar;
            // the other five none. Met team-months 3 + 2 = 5 of 7 × 3 = 21.
            name: "T1 seven teams monthly: missing months per team",
            profile: "town2021",
            id: "T1",
            data: || {
                let mut w = W::new(2017, d(2017, 3, 31));
                for m in 1..=3 {
                    w.act_t(XQ, d(2017, m, 10), "理论宣讲", "", "红色党员先锋服务队", "");
                }
                w.act_t(XQ, d(2017, 1, 11), "技术培训", "", "绿色队", "");
                w.act_t(XQ, d(2017, 3, 11), "技术培训", "", "绿色队", "");
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(5.0),
                target: Some(21.0),
                by_name: &[
                    ("红色党员先锋服务队", &[]),
                    ("绿色产业技术服务队", &["2017-02"]),
                    ("紫色扶贫帮困服务队", &["2017-01", "2017-02", "2017-03"]),
                ],
                ..E
            },
        },
        Case {
            // The 5th of Jan and Mar have an activity; Feb's is on the 6th → Feb missed.
            name: "T2 service day on the 5th",
            profile: "town2021",
            id: "T2",
            data: || {
                let mut w = W::new(2017, d(2017, 3, 10));
                w.act(XQ, d(2017, 1, 5), "例行活动").act(XQ, d(2017, 2, 6), "例行活动").act(
                    XQ,
                    d(2017, 3, 5),
                    "例行活动",
                );
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(2.0),
                target: Some(3.0),
                missing: Some(&["2017-02"]),
                gap: &["2月 未达到当月5号 1 次活动", "4月5日 需开展 1 次活动（还有 26 天）"],
                ..E
            },
        },
        Case {
            // D = 01-03: the first 5th is still ahead → in progress.
            name: "T2 before the first 5th → in progress",
            profile: "town2021",
            id: "T2",
            data: || {
                let mut w = W::new(2017, d(2017, 1, 3));
                w.act(XQ, d(2017, 1, 2), "例行活动");
                w.done()
            },
            expect: Expect { status: InProgress, ..E },
        },
        Case {
            // 10 party members in the roster, 8 with records: 80 % → met.
            name: "T3 party participation from the roster",
            profile: "town2021",
            id: "T3",
            data: || t3_world(None),
            expect: Expect { num_den: Some((8.0, 10.0)), ..met(0.8) },
        },
        Case {
            // The context's 20 party members win over the roster's 10: 8 / 20 = 40 %;
            // ⌈0.8 × 20⌉ − 8 = 8 more.
            name: "T3 context party-member count is the denominator",
            profile: "town2021",
            id: "T3",
            data: || t3_world(Some(20)),
            expect: Expect { status: NotMet, value: Some(0.4), gap: &["还需参加志愿服务的党员 8 人"], ..E },
        },
        Case {
            // 8 party members with records against 5 entered: impossible (§4).
            name: "T3 more party members with records than party members → needs checking",
            profile: "town2021",
            id: "T3",
            data: || t3_world(Some(5)),
            expect: Expect {
                status: NeedsInput,
                needs: Some(InputField::PartyMembers),
                gap: &["有服务记录的党员人数（8）多于党员人数（5）"],
                finding_kinds: &[FindingKind::ImpossibleValue],
                ..E
            },
        },
        Case {
            // 13 distinct volunteers with records (A1 twice) of 100 residents → 13 %.
            name: "T4 distinct participants ÷ population",
            profile: "town2021",
            id: "T4",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 20);
                for i in 1..=13 {
                    w.rec(&format!("A{i}"), d(2017, 3, 1), 1.0);
                }
                w.rec("A1", d(2017, 4, 1), 1.0);
                w.ctx.population = Some(100);
                w.done()
            },
            expect: Expect { num_den: Some((13.0, 100.0)), ..met(0.13) },
        },
        Case {
            // No roster: people told apart by the record's name; 张1 twice → 12 of 100.
            name: "T4 without a roster counts distinct record keys",
            profile: "town2021",
            id: "T4",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                for i in 1..=12 {
                    let n = format!("张{i}");
                    w.b.record(RecordSpec {
                        name: &n,
                        date: d(2017, 3, 1),
                        hours: 1.0,
                        station: XQ,
                        ..Default::default()
                    });
                }
                w.b.record(RecordSpec {
                    name: "张1",
                    date: d(2017, 4, 1),
                    hours: 1.0,
                    station: XQ,
                    ..Default::default()
                });
                w.ctx.population = Some(100);
                w.done()
            },
            expect: Expect {
                status: NotMet, num_den: Some((12.0, 100.0)), gap: &["还需参与志愿服务的群众 1 人"], ..E
            },
        },
        // ---------------------------------------------------------------- G1–G3 广安2015
        Case {
            // Jan–Feb (暖冬行 in Feb), Mar (学雷锋 inferred from the name), Apr met; May has
            // 文明旅游 but no 助残 → not met.
            name: "G1 monthly theme: May needs both its themes",
            profile: "guangan2015",
            id: "G1",
            data: || {
                let mut w = W::new(2017, d(2017, 5, 31));
                w.act_t(XQ, d(2017, 2, 10), "走访慰问", "暖冬行", "", "");
                w.act(XQ, d(2017, 3, 5), "学雷锋志愿服务");
                w.act_t(XQ, d(2017, 4, 10), "路口劝导", "文明交通", "", "");
                w.act_t(XQ, d(2017, 5, 10), "景区劝导", "文明旅游", "", "");
                w.done()
            },
            expect: Expect {
                status: NotMet,
                value: Some(3.0),
                target: Some(4.0),
                missing: Some(&["2017-05 助残"]),
                ..E
            },
        },
        Case {
            // D = 01-20: the Jan–Feb slot has not ended → in progress.
            name: "G1 months 1–2 share one slot",
            profile: "guangan2015",
            id: "G1",
            data: || {
                let mut w = W::new(2017, d(2017, 1, 20));
                w.act(XQ, d(2017, 1, 10), "例行活动");
                w.done()
            },
            expect: Expect { status: InProgress, gap: &["1～2月 还需开展：暖冬行"], ..E },
        },
        Case {
            // D = 01-31: the slot's last month (February) starts tomorrow, 暖冬行 still
            // missing → at risk (§4), 28 days left.
            name: "G1 the Jan–Feb slot short going into February → behind",
            profile: "guangan2015",
            id: "G1",
            data: || {
                let mut w = W::new(2017, d(2017, 1, 31));
                w.act(XQ, d(2017, 1, 10), "例行活动");
                w.done()
            },
            expect: Expect { status: Behind, gap: &["1～2月 还需开展：暖冬行（剩 28 天）"], ..E },
        },
        Case {
            // D = 03-15: Jan and Feb ended; Feb's report not ticked.
            name: "G2 monthly report for every ended month",
            profile: "guangan2015",
            id: "G2",
            data: || {
                let mut w = W::new(2017, d(2017, 3, 15));
                w.tick("G2|2017-01", true);
                w.done()
            },
            expect: Expect { status: NotMet, value: Some(1.0), target: Some(2.0), missing: Some(&["2017-02"]), ..E },
        },
        Case {
            name: "G3 standard station ticked per station",
            profile: "guangan2015",
            id: "G3",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.vols(XQ, "A", 1).vols(DF, "B", 1);
                w.tick("G3|新桥社区", true).tick("G3|大丰社区", true);
                w.done()
            },
            expect: Expect { stations: &[(XQ, Met), (DF, Met)], ..met(2.0) },
        },
        // ---------------------------------------------------------------- M1–M3 梅列2017
        Case {
            name: "M1 every sub-theme but 保护河流",
            profile: "meilie2017",
            id: "M1",
            data: || {
                let mut w = W::new(2017, d(2017, 12, 31));
                let themes = [
                    "空巢老人",
                    "留守儿童",
                    "困难职工",
                    "残疾人",
                    "公共文化设施",
                    "文明旅游",
                    "专业服务进社区",
                    "大型活动",
                    "便民利民",
                    "网络文明传播",
                    "社会秩序",
                    "植树",
                    "环保知识",
                    "清洁环境",
                ];
                for (i, t) in themes.iter().enumerate() {
                    w.act_t(XQ, d(2017, 6, 1 + i as u32), "主题活动", t, "", "");
                }
                w.done()
            },
            expect: Expect {
                status: NotMet, value: Some(14.0), target: Some(15.0), missing: Some(&["保护河流"]), ..E
            },
        },
        Case {
            name: "M2 3-5 done, 12-5 ahead → in progress",
            profile: "meilie2017",
            id: "M2",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.act(XQ, d(2017, 3, 5), "便民服务");
                w.done()
            },
            expect: Expect { status: InProgress, ..E },
        },
        Case {
            name: "M2 12-5 missed at year end",
            profile: "meilie2017",
            id: "M2",
            data: || {
                let mut w = W::new(2017, d(2017, 12, 31));
                w.act(XQ, d(2017, 3, 5), "便民服务");
                w.done()
            },
            expect: Expect { status: NotMet, missing: Some(&["2017-12-05 国际志愿者日"]), ..E },
        },
        Case {
            // A passed key day cannot be made up: 3-5 without activity fails at once.
            name: "M2 3-5 passed without activity → not met at once",
            profile: "meilie2017",
            id: "M2",
            data: || {
                let mut w = W::new(2017, d(2017, 3, 10));
                w.act(XQ, d(2017, 3, 6), "便民服务");
                w.done()
            },
            expect: Expect { status: NotMet, missing: Some(&["2017-03-05 学雷锋日"]), ..E },
        },
        Case {
            name: "M3 online-civility training in Q1 and Q2",
            profile: "meilie2017",
            id: "M3",
            data: || {
                let mut w = W::new(2017, d(2017, 6, 30));
                w.train(d(2017, 2, 1), "网络文明传播志愿者培训", &[], "");
                w.train(d(2017, 4, 1), "网络文明传播培训班", &[], "");
                w.train(d(2017, 5, 1), "骨干培训", &[], "");
                w.done()
            },
            expect: met(2.0),
        },
    ]
}

/// X6 data: every theme of 新都2017 twice (or once for the 文明 ones), except
/// `disabled` activities for 关爱残疾人 and `online` for 文明上网. One 空巢老人 activity is
/// recognised from its name only (empty theme cell).
fn theme_acts(w: &mut W, station: &str, disabled: u32, online: u32) {
    let mut day = 1;
    let mut next = || {
        day += 1;
        d(2017, 1 + day / 28, 1 + day % 28)
    };
    w.act_t(station, next(), "慰问", "关爱空巢老人", "", "");
    w.act(station, next(), "空巢老人上门探访");
    for theme in ["关爱留守儿童", "关爱困难职工", "党员志愿服务"] {
        w.act_t(station, next(), "主题活动", theme, "", "");
        w.act_t(station, next(), "主题活动二", theme, "", "");
    }
    for i in 0..disabled {
        w.act_t(station, next(), &format!("助残活动{i}"), "关爱残疾人", "", "");
    }
    w.act_t(station, next(), "景区劝导", "文明旅游", "", "");
    w.act_t(station, next(), "路口劝导", "文明交通", "", "");
    for i in 0..online {
        w.act_t(station, next(), &format!("网络宣传{i}"), "文明上网", "", "");
    }
}

/// X8 data (2017): nine activities naming a holiday, one near 青年节 naming none.
fn holiday_world(as_of: NaiveDate, confirm: bool) -> (Tables, Context) {
    let mut w = W::new(2017, as_of);
    w.act_t(XQ, d(2017, 1, 28), "走访慰问", "", "", "春节");
    for (m, day, name) in [
        (3, 5, "学雷锋日志愿服务"),
        (4, 4, "清明祭英烈"),
        (5, 1, "劳动节关爱农民工"),
        (5, 30, "端午包粽子"),
        (6, 1, "六一游园"),
        (7, 1, "七一党员服务"),
        (10, 1, "国庆文明劝导"),
        (10, 28, "重阳节敬老"),
    ] {
        w.act(XQ, d(2017, m, day), name);
    }
    w.act(XQ, d(2017, 5, 6), "青年志愿者进社区");
    if confirm {
        w.ctx.confirmed_holidays.insert("新桥社区|2017-05-06|青年志愿者进社区".to_string());
    }
    w.done()
}

fn d4_world() -> (Tables, Context) {
    let mut w = W::new(2017, d(2017, 6, 30));
    w.vols("区民政局", "S", 10);
    for i in 1..=7 {
        w.rec(&format!("S{i}"), d(2017, 3, 1), 2.0);
    }
    w.done()
}

fn t3_world(party_members: Option<u64>) -> (Tables, Context) {
    let mut w = W::new(2017, d(2017, 6, 30));
    for i in 1..=10 {
        let no = format!("P{i}");
        w.vol(VolunteerSpec { number: &no, name: &no, political: "中共党员", station: XQ, ..Default::default() });
        if i <= 8 {
            w.rec(&no, d(2017, 3, 1), 2.0);
        }
    }
    w.vols(XQ, "Q", 5);
    w.ctx.party_members = party_members;
    w.done()
}

#[test]
fn every_case_scores_as_worked_out_by_hand() {
    for c in cases() {
        check(&c);
    }
}

#[test]
fn every_indicator_id_has_a_case() {
    let cases = cases();
    let mut names = std::collections::BTreeSet::new();
    for c in &cases {
        assert!(names.insert(c.name), "case name repeated: {}", c.name);
    }
    for p in builtins() {
        for ind in &p.indicators {
            assert!(cases.iter().any(|c| c.profile == p.id && c.id == ind.id), "{} {} has no test case", p.id, ind.id);
        }
    }
}

#[test]
fn every_result_cites_its_clause_and_quotes_it() {
    let tables = TablesBuilder::new().finish();
    for p in builtins() {
        let card = score(&p, &Context { profile: p.id.clone(), ..Context::default() }, &tables, today());
        assert!(!card.indicators.is_empty());
        for r in &card.indicators {
            let ind = p.indicators.iter().find(|i| i.id == r.id).expect("an indicator of the profile");
            assert!(
                r.source.starts_with(&ind.source.doc) && r.source.contains(&ind.source.clause),
                "{}: {}",
                r.id,
                r.source
            );
            assert!(!r.quote.is_empty(), "{} {} quotes its source", p.id, r.id);
            assert_eq!(r.quote, ind.source.quote.trim());
            for part in &r.parts {
                assert_eq!((&part.source, &part.quote), (&r.source, &r.quote), "{} part {}", r.id, part.id);
            }
        }
    }
}

/// The page's English view: X8's and X9's lists in English item for item, the holidays'
/// English names taken from the calendar (not from the scoring), X8's counts named too.
#[test]
fn english_lists_match_the_chinese_item_for_item() {
    let mut b = TablesBuilder::new();
    b.volunteer(VolunteerSpec { number: "A1", name: "A1", station: "新桥社区", ..Default::default() });
    let materials = Materials { plan: Some(true), record: Some(false), brief: Some(true), photo: Some(false) };
    b.activity(ActivitySpec {
        name: "元旦游园",
        date: Some(d(2017, 1, 1)),
        station: "新桥社区",
        holiday: "元旦",
        materials,
        ..Default::default()
    });
    let ctx = Context { year: 2017, as_of: Some(d(2017, 4, 10)), ..Context::default() };
    let card = score(&builtin("xindu2017-town").unwrap(), &ctx, &b.finish(), today());
    let get = |id: &str| card.indicators.iter().find(|i| i.id == id).unwrap().detail.clone();

    let x8 = get("X8");
    let en_of: std::collections::BTreeMap<&str, &str> =
        scorecard_domain::calendar::holidays(2017).into_iter().map(|h| (h.name, h.name_en)).collect();
    let (Missing::List(zh), Missing::List(en)) = (&x8.missing, &x8.missing_en) else { panic!("lists") };
    assert!(!zh.is_empty() && !zh.contains(&"元旦".to_string()), "{zh:?}");
    assert_eq!(en, &zh.iter().map(|n| en_of[n.as_str()].to_string()).collect::<Vec<_>>());
    assert_eq!(x8.counts.len(), 1);
    assert_eq!(
        (x8.counts[0].name.as_str(), x8.counts[0].name_en.as_str(), x8.counts[0].count),
        ("元旦", en_of["元旦"], 1)
    );

    // 乡镇2021 T1 (each colour team every month): its English gap names the teams in English
    let town = builtin("town2021").unwrap();
    let mut b = TablesBuilder::new();
    b.volunteer(VolunteerSpec { number: "A1", name: "A1", station: "新桥社区", ..Default::default() });
    b.activity(ActivitySpec {
        name: "宣讲",
        date: Some(d(2017, 1, 9)),
        station: "新桥社区",
        team: "红色党员先锋服务队",
        ..Default::default()
    });
    let card = score(&town, &Context { profile: town.id.clone(), ..ctx.clone() }, &b.finish(), today());
    let t1 = &card.indicators.iter().find(|i| i.id == "T1").unwrap().detail;
    let (zh, en) = (t1.gap.clone().unwrap(), t1.gap_en.clone().unwrap());
    assert!(zh.contains("绿色产业技术服务队（1月、2月、3月）"), "{zh}");
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(!has_cjk(&en) && en.contains("(Jan, Feb, Mar)"), "{en}");

    // X9: the activity lacks its 记录 and 图片
    let x9 = get("X9");
    assert_eq!(x9.missing, Missing::List(vec!["新桥社区 2017-01-01 元旦游园：缺记录、图片".into()]));
    assert_eq!(x9.missing_en, Missing::List(vec!["新桥社区 2017-01-01 元旦游园: no record, photos".into()]));
}

/// Two workbooks imported together, `(name, sheets)`, scored against `profile` for 2017 as
/// of `as_of` at the stations `stations`.
fn score_files(
    files: Vec<(&str, Vec<crate::support::import::SheetSpec>)>,
    profile: &str,
    as_of: NaiveDate,
    stations: &[&str],
) -> Scorecard {
    let files: Vec<(String, Vec<u8>)> =
        files.into_iter().map(|(n, sheets)| (n.to_string(), crate::support::import::xlsx(&sheets))).collect();
    let imp = crate::support::import_all(&files, &scorecard_domain::import::ImportOptions::default());
    assert!(imp.all_read());
    let ctx = Context {
        year: 2017,
        as_of: Some(as_of),
        profile: profile.into(),
        stations: stations.iter().map(|s| s.to_string()).collect(),
        ..Context::default()
    };
    score(&builtin(profile).unwrap(), &ctx, &imp.tables, today())
}

/// A sheet of text cells: the header row, then the rows.
fn text_sheet(name: &'static str, table: &[&[&'static str]]) -> crate::support::import::SheetSpec {
    use crate::support::import::{rows, sheet, V::S};
    sheet(name, rows(table.iter().map(|r| r.iter().map(|c| S(c)).collect()).collect()))
}

/// Issue 30: a repeated activity or training named "row N" of its own sheet when the row it
/// repeats was in another sheet or file. 甲站.xlsx: 活动 row 2 敬老助残 (甲社区, 03-05); 培训
/// row 2 骨干培训 (甲社区, 04-10). 乙站.xlsx: 活动 row 2 植树 (乙社区, 03-12), row 3 甲's
/// 敬老助残 again; 活动补录 row 2 植树 again (row 2 of 活动, same file); 培训 row 2 甲's
/// 骨干培训 again, for 甲社区 (it adds no station: counted once).
#[test]
fn a_repeated_activity_or_training_names_the_file_and_sheet_of_the_row_it_repeats() {
    let acts = ["活动名称", "活动日期", "所属站点"];
    let trains = ["培训日期", "培训主题", "所属站点", "培训类型"];
    let card = score_files(
        vec![
            (
                "甲站.xlsx",
                vec![
                    text_sheet("活动", &[&acts, &["敬老助残", "2017-03-05", "甲社区"]]),
                    text_sheet("培训", &[&trains, &["2017-04-10", "骨干培训", "甲社区", "骨干"]]),
                ],
            ),
            (
                "乙站.xlsx",
                vec![
                    text_sheet(
                        "活动",
                        &[&acts, &["植树", "2017-03-12", "乙社区"], &["敬老助残", "2017-03-05", "甲社区"]],
                    ),
                    text_sheet("活动补录", &[&acts, &["植树", "2017-03-12", "乙社区"]]),
                    text_sheet("培训", &[&trains, &["2017-04-10", "骨干培训", "甲社区", "骨干"]]),
                ],
            ),
        ],
        "xindu2017-town",
        d(2017, 12, 31),
        &["甲社区", "乙社区"],
    );
    let skipped: Vec<(&str, &str, u32, &str, &str)> = card
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::SkippedRow)
        .map(|f| {
            (
                f.file.as_str(),
                f.sheet.as_deref().unwrap_or(""),
                f.row.unwrap_or(0),
                f.message.as_str(),
                f.message_en.as_str(),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        vec![
            (
                "乙站.xlsx",
                "活动",
                3,
                "这项活动与文件「甲站.xlsx」工作表「活动」第 2 行站点、日期、名称都相同，视为同一活动，只计一次。",
                "This activity has the same station, date and name as row 2 of sheet \"活动\" in file \"甲站.xlsx\"; \
                 counted once."
            ),
            (
                "乙站.xlsx",
                "活动补录",
                2,
                "这项活动与工作表「活动」第 2 行站点、日期、名称都相同，视为同一活动，只计一次。",
                "This activity has the same station, date and name as row 2 of sheet \"活动\"; counted once."
            ),
            (
                "乙站.xlsx",
                "培训",
                2,
                "这次培训与文件「甲站.xlsx」工作表「培训」第 2 行日期、主题、类型相同，视为同一次培训，每个站点只计一次。",
                "This training has the same date, topic and type as row 2 of sheet \"培训\" in file \"甲站.xlsx\"; it \
                 counts once per station."
            ),
        ]
    );
}

/// Issue 30: a training held by two stations was reported as a skipped row though it counts.
/// 培训.xlsx/培训: row 2 骨干培训 on 03-10 for "甲社区、乙社区" (one cell, both stations); row 3
/// 骨干培训 on 05-20 for 甲社区, row 4 the same training for 乙社区 (it counts there), row 5
/// row 4 again (乙 already counted: left out, naming row 4). X4 (a training every quarter per
/// station), as of 08-15: Q1 and Q2 ended, each with a training at both stations → both met;
/// without row 4, 乙 would miss Q2.
#[test]
fn a_training_held_by_two_stations_counts_for_both_and_is_no_skipped_row() {
    let trains = ["培训日期", "培训主题", "所属站点", "培训类型"];
    let card = score_files(
        vec![(
            "培训.xlsx",
            vec![text_sheet(
                "培训",
                &[
                    &trains,
                    &["2017-03-10", "骨干培训", "甲社区、乙社区", "骨干"],
                    &["2017-05-20", "骨干培训", "甲社区", "骨干"],
                    &["2017-05-20", "骨干培训", "乙社区", "骨干"],
                    &["2017-05-20", "骨干培训", "乙社区", "骨干"],
                ],
            )],
        )],
        "xindu2017-town",
        d(2017, 8, 15),
        &["甲社区", "乙社区"],
    );
    let x4 = find(&card, "X4").unwrap();
    let stations: Vec<(&str, Status, &Missing)> =
        x4.stations.iter().map(|s| (s.station.as_str(), s.detail.status, &s.detail.missing)).collect();
    let none = Missing::List(vec![]);
    assert_eq!(stations, vec![("甲社区", Status::Met, &none), ("乙社区", Status::Met, &none)]);
    assert_eq!(x4.detail.status, Status::Met);
    let skipped: Vec<(u32, &str, &str)> = card
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::SkippedRow)
        .map(|f| (f.row.unwrap_or(0), f.message.as_str(), f.message_en.as_str()))
        .collect();
    assert_eq!(
        skipped,
        vec![(
            5,
            "这次培训与第 4 行日期、主题、类型相同，视为同一次培训，每个站点只计一次。",
            "This training has the same date, topic and type as row 4; it counts once per station."
        )]
    );
}
