//! Participation matrices of a workbook with a sheet per department, the same activities as
//! columns (issue 28): an activity's hours and date are typed once for the whole import —
//! on one sheet, or in the import's matrix choice — and every sheet having that activity
//! takes them unless it sets its own; a default hours value fills the activities without
//! hours; the distinct activities are listed once, with the sheets that have them.

use crate::support::d;
use crate::support::import::*;
use chrono::NaiveDate;
use scorecard_domain::import::choices::{MatrixChoice, MatrixColumnChoice, MatrixSheetChoice, SharedActivity};
use scorecard_domain::import::sheets::matrix::{default_matrix_choice, matrix_activities};
use scorecard_domain::import::{import, FileInput, Import, ImportOptions, SheetOverride};
use scorecard_domain::model::Tables;
use scorecard_domain::FindingKind as K;
use V::*;

const ACTS: [&str; 4] = ["流浪狗之家", "敬老院探访", "社区清洁", "图书整理"];
/// The activity only the third sheet has.
const ONLY: &str = "交通劝导";
const SHEETS: [&str; 3] = ["一部", "二部", "三部"];

/// Per sheet, per volunteer: name, student number, counts of the four shared activities and
/// of the third sheet's own one (0 = blank).
type Person = (&'static str, &'static str, [u32; 5]);
const PEOPLE: [[Person; 3]; 3] = [
    [("赵甲", "V101", [2, 1, 0, 1, 0]), ("钱乙", "V102", [1, 0, 2, 0, 0]), ("孙丙", "V103", [0, 3, 1, 2, 0])],
    [("李丁", "V201", [1, 2, 0, 0, 0]), ("周戊", "V202", [2, 0, 1, 1, 0]), ("吴己", "V203", [0, 1, 0, 3, 0])],
    [("郑庚", "V301", [3, 0, 1, 0, 2]), ("王辛", "V302", [0, 2, 0, 1, 0]), ("冯壬", "V303", [1, 1, 2, 0, 1])],
];

fn workbook() -> Vec<u8> {
    let specs: Vec<SheetSpec> = SHEETS
        .iter()
        .enumerate()
        .map(|(s, name)| {
            let mut head = vec![S("姓名"), S("学号")];
            head.extend(ACTS.iter().map(|a| S(a)));
            if s == 2 {
                head.push(S(ONLY));
            }
            let mut list = vec![head];
            for (n, no, counts) in PEOPLE[s] {
                let mut row = vec![S(n), S(no)];
                let k = if s == 2 { 5 } else { 4 };
                row.extend(counts[..k].iter().map(|&c| if c == 0 { E } else { N(f64::from(c)) }));
                list.push(row);
            }
            sheet(name, rows(list))
        })
        .collect();
    xlsx(&specs)
}

fn run(overrides: Vec<SheetOverride>) -> Import {
    let book = workbook();
    import(&[FileInput { name: "m.xlsx", bytes: &book }], &ImportOptions { overrides, ..Default::default() })
}

/// (sheet, activity) → (records, hours summed, dates seen).
fn by_sheet_and_activity(t: &Tables, sheet: &str, activity: &str) -> (usize, f64, Vec<NaiveDate>) {
    let rs: Vec<_> = t
        .records
        .iter()
        .filter(|r| t.sources[r.at.source as usize].sheet == sheet && t.so(r.activity) == activity)
        .collect();
    let mut dates: Vec<NaiveDate> = rs.iter().map(|r| r.date).collect();
    dates.dedup();
    (rs.len(), rs.iter().map(|r| r.hours).sum(), dates)
}

fn shared(name: &str, hours: Option<f64>, date: Option<NaiveDate>) -> SharedActivity {
    SharedActivity { name: name.into(), hours, date, skip: false }
}

fn on(sheet: &str) -> SheetOverride {
    SheetOverride { file: "m.xlsx".into(), sheet: sheet.into(), ..Default::default() }
}

/// The hand count, per activity (the four shared, then the third sheet's own), of its
/// participations on all sheets: 一部 2+1, 二部 1+2, 三部 3+1 …
const TIMES: [u32; 5] = [3 + 3 + 4, 4 + 3 + 3, 3 + 1 + 3, 3 + 4 + 1, 3];
/// Per sheet, the participations in the four shared activities: 3+4+3+3, 3+3+1+4, 4+3+3+1.
const SHEET_TIMES: [usize; 3] = [13, 11, 11];

#[test]
fn the_counts_are_as_counted_by_hand() {
    let mut sum = [0u32; 5];
    for sheet in &PEOPLE {
        for (_, _, c) in sheet {
            for (s, n) in sum.iter_mut().zip(c) {
                *s += n;
            }
        }
    }
    assert_eq!(sum, TIMES);
}

#[test]
fn hours_and_dates_typed_once_make_records_on_every_sheet() {
    let matrix = MatrixChoice {
        default_hours: None,
        activities: vec![
            shared(ACTS[0], Some(2.0), Some(d(2024, 3, 1))),
            shared(ACTS[1], Some(1.5), Some(d(2024, 4, 2))),
            shared(ACTS[2], Some(3.0), Some(d(2024, 5, 3))),
            shared(ACTS[3], Some(1.0), Some(d(2024, 6, 4))),
            shared(ONLY, Some(2.5), Some(d(2024, 7, 5))),
        ],
    };
    let imp = run(vec![SheetOverride { matrix: Some(matrix), ..on("一部") }]);
    let t = &imp.tables;
    // 10 + 10 + 7 + 8 + 3 participations; 10×2 + 10×1.5 + 7×3 + 8×1 + 3×2.5 = 71.5 hours
    assert_eq!(t.records.len(), 38);
    assert!((t.records.iter().map(|r| r.hours).sum::<f64>() - 71.5).abs() < 1e-9);
    let per_sheet: Vec<usize> =
        SHEETS.iter().map(|s| (0..4).map(|a| by_sheet_and_activity(t, s, ACTS[a]).0).sum()).collect();
    assert_eq!(per_sheet, SHEET_TIMES);
    // 二部's 敬老院探访: 李丁 2 and 吴己 1, at 1.5 hours, on 2 April
    assert_eq!(by_sheet_and_activity(t, "二部", ACTS[1]), (3, 4.5, vec![d(2024, 4, 2)]));
    assert_eq!(by_sheet_and_activity(t, "三部", ONLY), (3, 7.5, vec![d(2024, 7, 5)]));
    for s in &imp.files[0].sheets {
        let w = s.wide.as_ref().expect("every sheet is a matrix");
        assert!(w.confirmed, "{}", s.name);
    }
    // one activity row per sheet and activity: 4 + 4 + 5
    assert_eq!(t.activities.len(), 13);
}

#[test]
fn values_given_on_one_sheet_apply_to_the_others_unless_they_set_their_own() {
    let choice = |values: &dyn Fn(usize) -> (Option<f64>, Option<NaiveDate>), with_only: bool| MatrixSheetChoice {
        activities: (0..if with_only { 5 } else { 4 })
            .map(|i| {
                let (hours, date) = values(i);
                MatrixColumnChoice {
                    column: 2 + i as u32,
                    name: [ACTS[0], ACTS[1], ACTS[2], ACTS[3], ONLY][i].into(),
                    hours,
                    date,
                }
            })
            .collect(),
    };
    // 一部 types every value; 二部 and 三部 confirm their columns without typing any,
    // except 二部's own hours (4) and date (8 August) for 流浪狗之家
    let first = choice(&|i| (Some([2.0, 1.5, 3.0, 1.0][i]), Some(d(2024, 3, 1 + i as u32))), false);
    let second = choice(&|i| if i == 0 { (Some(4.0), Some(d(2024, 8, 8))) } else { (None, None) }, false);
    let third = choice(&|_| (None, None), true);
    let imp = run(vec![
        SheetOverride { wide: Some(first), ..on("一部") },
        SheetOverride { wide: Some(second), ..on("二部") },
        SheetOverride { wide: Some(third), ..on("三部") },
    ]);
    let t = &imp.tables;
    assert_eq!(by_sheet_and_activity(t, "一部", ACTS[0]), (3, 6.0, vec![d(2024, 3, 1)]));
    assert_eq!(by_sheet_and_activity(t, "二部", ACTS[0]), (3, 12.0, vec![d(2024, 8, 8)]), "二部's own value wins");
    assert_eq!(by_sheet_and_activity(t, "三部", ACTS[0]), (4, 8.0, vec![d(2024, 3, 1)]));
    assert_eq!(by_sheet_and_activity(t, "三部", ACTS[3]), (1, 1.0, vec![d(2024, 3, 4)]));
    // the third sheet's own activity has no value anywhere: no records, one finding
    assert_eq!(by_sheet_and_activity(t, "三部", ONLY).0, 0);
    let third_sheet = &imp.files[0].sheets[2];
    assert!(third_sheet.findings.iter().any(|f| f.kind == K::MissingRequired && f.column.as_deref() == Some(ONLY)));
    // 35 records: every participation but the 3 in 交通劝导
    assert_eq!(t.records.len(), 35);
    // hours: 一部 3×2+4×1.5+3×3+3×1 = 24; 二部 3×4+3×1.5+1×3+4×1 = 23.5; 三部 4×2+3×1.5+3×3+1×1 = 22.5
    assert!((t.records.iter().map(|r| r.hours).sum::<f64>() - 70.0).abs() < 1e-9);
}

#[test]
fn a_default_hours_value_fills_the_activities_without_their_own() {
    let dates = [d(2024, 3, 1), d(2024, 4, 2), d(2024, 5, 3), d(2024, 6, 4), d(2024, 7, 5)];
    let names = [ACTS[0], ACTS[1], ACTS[2], ACTS[3], ONLY];
    let mut activities: Vec<SharedActivity> =
        (0..5).map(|i| shared(names[i], if i == 0 { Some(3.0) } else { None }, Some(dates[i]))).collect();
    // the clerk leaves 图书整理 out
    activities[3].skip = true;
    let matrix = MatrixChoice { default_hours: Some(2.0), activities };
    // 二部 sets its own choice: 流浪狗之家 at 1 hour, and 社区清洁 with nothing typed
    let own = MatrixSheetChoice {
        activities: vec![
            MatrixColumnChoice { column: 2, name: ACTS[0].into(), hours: Some(1.0), date: None },
            MatrixColumnChoice { column: 4, name: ACTS[2].into(), hours: None, date: None },
        ],
    };
    let imp = run(vec![
        SheetOverride { wide: Some(own), ..on("二部") },
        SheetOverride { matrix: Some(matrix), ..on("三部") },
    ]);
    let t = &imp.tables;
    // 一部 and 三部: 流浪狗之家 at 3 hours, the others at the default 2, 图书整理 left out;
    // 二部: only its two chosen columns, 流浪狗之家 at its own 1 hour on the shared date
    assert_eq!(by_sheet_and_activity(t, "一部", ACTS[0]), (3, 9.0, vec![d(2024, 3, 1)]));
    assert_eq!(by_sheet_and_activity(t, "一部", ACTS[1]), (4, 8.0, vec![d(2024, 4, 2)]));
    assert_eq!(by_sheet_and_activity(t, "一部", ACTS[3]).0, 0, "skipped");
    assert_eq!(by_sheet_and_activity(t, "二部", ACTS[0]), (3, 3.0, vec![d(2024, 3, 1)]));
    assert_eq!(by_sheet_and_activity(t, "二部", ACTS[1]).0, 0, "not in 二部's own choice");
    assert_eq!(by_sheet_and_activity(t, "二部", ACTS[2]), (1, 2.0, vec![d(2024, 5, 3)]));
    assert_eq!(by_sheet_and_activity(t, "三部", ONLY), (3, 6.0, vec![d(2024, 7, 5)]));
    // records: 一部 3+4+3 = 10, 二部 3+1 = 4, 三部 4+3+3+3 = 13
    assert_eq!(t.records.len(), 27);
    // hours: 一部 9+8+6 = 23, 二部 3+2 = 5, 三部 12+6+6+6 = 30
    assert!((t.records.iter().map(|r| r.hours).sum::<f64>() - 58.0).abs() < 1e-9);
}

#[test]
fn the_distinct_activities_are_listed_once_with_their_sheets() {
    let imp = run(vec![]);
    let list = matrix_activities(&imp.files);
    let got: Vec<(&str, u32, u32)> = list.iter().map(|a| (a.name.as_str(), a.sheets, a.times)).collect();
    assert_eq!(
        got,
        [
            (ACTS[0], 3, TIMES[0]),
            (ACTS[1], 3, TIMES[1]),
            (ACTS[2], 3, TIMES[2]),
            (ACTS[3], 3, TIMES[3]),
            (ONLY, 1, TIMES[4])
        ]
    );
    let places: Vec<(&str, u32)> = list[4].places.iter().map(|p| (p.sheet.as_str(), p.column)).collect();
    assert_eq!(places, [("三部", 6)]);
    // people with a count: 流浪狗之家 2 + 2 + 2
    assert_eq!(list[0].people, 6);
    assert!(list.iter().all(|a| a.chosen_hours.is_none() && a.confirmed_sheets == 0));
    // the choice taking every hint, typed, confirms them all; the list then says what was used
    let mut choice = default_matrix_choice(&list, 2024);
    assert_eq!(choice.activities.len(), 5);
    choice.default_hours = Some(2.0);
    for a in &mut choice.activities {
        a.date = Some(d(2024, 9, 1));
    }
    let imp = run(vec![SheetOverride { matrix: Some(choice), ..on("一部") }]);
    assert_eq!(imp.tables.records.len() as u32, TIMES.iter().sum::<u32>());
    let list = matrix_activities(&imp.files);
    let used: Vec<(Option<f64>, Option<NaiveDate>, u32)> =
        list.iter().map(|a| (a.chosen_hours, a.chosen_date, a.confirmed_sheets)).collect();
    assert_eq!(
        used,
        [
            (Some(2.0), Some(d(2024, 9, 1)), 3),
            (Some(2.0), Some(d(2024, 9, 1)), 3),
            (Some(2.0), Some(d(2024, 9, 1)), 3),
            (Some(2.0), Some(d(2024, 9, 1)), 3),
            (Some(2.0), Some(d(2024, 9, 1)), 1)
        ]
    );
}

#[test]
fn old_overrides_still_load() {
    let old = r#"{"file":"m.xlsx","sheet":"一部","role":null,"ignore":false,"header_rows":null,"columns":[],
        "wide":{"activities":[{"column":2,"name":"流浪狗之家","hours":2.0,"date":"2024-03-01"}]}}"#;
    let o: SheetOverride = serde_json::from_str(old).unwrap();
    assert_eq!((o.matrix.clone(), o.date_orders.len()), (None, 0));
    // and a sheet override without the new fields writes none of them
    let back = serde_json::to_string(&o).unwrap();
    assert!(!back.contains("matrix") && !back.contains("date_orders"), "{back}");
    let m: MatrixChoice = serde_json::from_str(r#"{"activities":[{"name":"流浪狗之家"}]}"#).unwrap();
    assert_eq!(m.activities[0], shared("流浪狗之家", None, None));
}

/// A count that is no whole number (1.5, 约2) is a finding at its row and column, never a
/// count, and never a reason to leave the activity unread: the matrix's other cells still
/// count, and that cell makes no record; a placeholder (-) is no participation and no finding.
#[test]
fn a_count_that_is_no_whole_number_is_a_finding_not_a_count() {
    let list = vec![
        vec![S("姓名"), S("学号"), S(ACTS[0]), S(ACTS[1]), S(ACTS[2])],
        vec![S("赵甲"), S("V101"), N(2.0), N(1.5), N(1.0)],
        vec![S("钱乙"), S("V102"), S("约2"), N(1.0), N(2.0)],
        // a placeholder says "did not take part", as a blank does: no finding
        vec![S("孙丙"), S("V103"), N(1.0), N(3.0), S("-")],
        vec![S("李丁"), S("V104"), N(1.0), N(1.0), N(1.0)],
        vec![S("周戊"), S("V105"), N(3.0), N(2.0), N(1.0)],
    ];
    let book = xlsx(&[sheet("一部", rows(list))]);
    let matrix = MatrixChoice {
        default_hours: Some(2.0),
        activities: (0..3).map(|a| shared(ACTS[a], None, Some(d(2024, 3 + a as u32, 1)))).collect(),
    };
    let options =
        ImportOptions { overrides: vec![SheetOverride { matrix: Some(matrix), ..on("一部") }], ..Default::default() };
    let imp = import(&[FileInput { name: "m.xlsx", bytes: &book }], &options);
    let t = &imp.tables;
    // counted by hand: 流浪狗之家 2 + 1 + 1 + 3 (钱乙's 约2 is no count); 敬老院探访 1 + 3 + 1 + 2
    // (赵甲's 1.5 is none); 社区清洁 1 + 2 + 1 + 1
    assert_eq!(by_sheet_and_activity(t, "一部", ACTS[0]).0, 7);
    assert_eq!(by_sheet_and_activity(t, "一部", ACTS[1]).0, 7);
    assert_eq!(by_sheet_and_activity(t, "一部", ACTS[2]).0, 5);
    assert!((t.records.iter().map(|r| r.hours).sum::<f64>() - 19.0 * 2.0).abs() < 1e-9);
    let bad: Vec<(Option<u32>, Option<String>)> = imp.files[0].sheets[0]
        .findings
        .iter()
        .filter(|f| f.kind == K::UnreadableNumber)
        .map(|f| (f.row, f.column.clone()))
        .collect();
    assert_eq!(bad, vec![(Some(2), Some(ACTS[1].to_string())), (Some(3), Some(ACTS[0].to_string()))]);
}
