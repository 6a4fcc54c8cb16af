//! The corpus of real header shapes (issue 18): each case's files are imported with no hand
//! mapping and every sheet's role and column mapping is compared with what a clerk would
//! choose. `mapped_as_a_clerk_would` prints the share of fields mapped that way (kept at
//! 100 %); the other tests check the values read from the harder shapes against the files
//! read another way (calamine directly, or the cells as generated).

use crate::support::corpus::*;
use crate::support::import_all;
use calamine::{Data, Reader, Xlsx};
use scorecard_domain::import::choices::MatrixSheetChoice;
use scorecard_domain::import::columns::meaning::WhyKind;
use scorecard_domain::import::sheets::matrix::default_choice;
use scorecard_domain::import::{import, FileInput, Import, ImportOptions, SheetOverride};
use scorecard_domain::model::{Field, Role};
use scorecard_domain::{FindingKind, Severity};
use std::io::Cursor;

/// One case: (fields a clerk maps, of those mapped the same, wrong mappings as text).
fn check(case: &Case) -> (usize, usize, Vec<String>) {
    let imp = import_all(&case.files, &ImportOptions::default());
    let (mut want, mut same) = (0, 0);
    let mut wrong = Vec::new();
    for e in &case.expect {
        let Some(sheet) =
            imp.files.iter().find(|f| f.name == e.file).and_then(|f| f.sheets.iter().find(|s| s.name == e.sheet))
        else {
            wrong.push(format!("{}: {}/{} not found", case.name, e.file, e.sheet));
            continue;
        };
        if sheet.role != e.role {
            wrong.push(format!("{}: {}/{} role {:?}, want {:?}", case.name, e.file, e.sheet, sheet.role, e.role));
        }
        let kept = sheet.counts.kept;
        if kept != e.kept {
            wrong.push(format!("{}: {}/{} kept {kept}, want {}", case.name, e.file, e.sheet, e.kept));
        }
        let got: Vec<(&str, Option<Field>)> = sheet.columns.iter().map(|c| (c.header.as_str(), c.field)).collect();
        for (i, (header, field)) in e.columns.iter().enumerate() {
            let g = got.get(i).copied();
            if field.is_some() {
                want += 1;
            }
            match g {
                Some((h, f)) if h == header && f == *field => same += usize::from(field.is_some()),
                other => wrong.push(format!(
                    "{}: {}/{} column {i} {other:?}, want ({header}, {field:?})",
                    case.name, e.file, e.sheet
                )),
            }
        }
        if got.len() > e.columns.len() {
            wrong.push(format!(
                "{}: {}/{} has {} columns, want {}",
                case.name,
                e.file,
                e.sheet,
                got.len(),
                e.columns.len()
            ));
        }
        // every automatic mapping says why
        for c in sheet.columns.iter().filter(|c| c.field.is_some()) {
            if c.why.is_none() {
                wrong
                    .push(format!("{}: {}/{} column {} mapped without a reason", case.name, e.file, e.sheet, c.header));
            }
        }
    }
    (want, same, wrong)
}

#[test]
fn mapped_as_a_clerk_would() {
    let (mut want, mut same) = (0, 0);
    let mut wrong = Vec::new();
    let cases = all();
    for case in &cases {
        let (w, s, mut bad) = check(case);
        println!("corpus {:<24} {s:>3} / {w:>3} fields mapped as a clerk would", case.name);
        want += w;
        same += s;
        wrong.append(&mut bad);
    }
    let sheets: usize = cases.iter().map(|c| c.expect.len()).sum();
    println!(
        "corpus: {same} / {want} fields ({:.1} %) in {sheets} sheets of {} cases mapped as a clerk would",
        100.0 * same as f64 / want as f64,
        cases.len()
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(same, want);
}

/// A sheet of one case's import.
fn sheet<'i>(imp: &'i Import, file: &str, sheet: &str) -> &'i scorecard_domain::import::SheetOutcome {
    imp.files.iter().find(|f| f.name == file).and_then(|f| f.sheets.iter().find(|s| s.name == sheet)).unwrap()
}

fn calamine_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| if let Data::Empty = c { String::new() } else { c.to_string() }).collect())
        .collect()
}

fn case(name: &str) -> Case {
    all().into_iter().find(|c| c.name == name).unwrap()
}

#[test]
fn the_hours_systems_roster_reads_its_text_dates_and_hours() {
    let c = case("hours_system_roster");
    let imp = import_all(&c.files, &ImportOptions::default());
    let rows = calamine_rows(&c.files[0].1, "Sheet1");
    let data: Vec<&Vec<String>> = rows[1..].iter().filter(|r| !r[0].trim().is_empty()).collect();
    let t = &imp.tables;
    assert_eq!(t.volunteers.len(), data.len());
    let hours: f64 = data.iter().map(|r| r[8].parse::<f64>().unwrap()).sum();
    let got: f64 = t.volunteers.iter().filter_map(|v| v.cumulative_hours).sum();
    assert!((hours - got).abs() < 1e-6, "{hours} vs {got}");
    for (v, r) in t.volunteers.iter().zip(&data).take(50) {
        assert_eq!(t.so(v.name), r[0]);
        assert_eq!(t.so(v.station), r[3]);
        assert_eq!(v.registered_on.map(|d| d.format("%Y").to_string()), Some("2018".to_string()), "{}", r[6]);
    }
    // no problem of any row: the text dates and hours all read
    let s = sheet(&imp, &c.files[0].0, "Sheet1");
    assert!(s.findings.iter().all(|f| f.row.is_none()), "{:#?}", s.findings.iter().take(3).collect::<Vec<_>>());
    // the reasons: 用户姓名 by its head word, 证件号码 as a synonym
    let why = |h: &str| s.columns.iter().find(|c| c.header == h).and_then(|c| c.why.clone()).unwrap();
    assert_eq!(
        (why("用户姓名").kind, why("用户姓名").word.as_str(), why("用户姓名").qualifier.as_str()),
        (WhyKind::HeadWord, "姓名", "用户")
    );
    assert_eq!(why("证件号码").kind, WhyKind::Synonym);
    assert_eq!((why("建立时间").kind, why("建立时间").word.as_str()), (WhyKind::HeadWord, "时间"));
}

/// Spans as written in the GBK attendance sheet, with their hours worked out by hand.
const SPAN_HOURS: [(&str, f64); 5] =
    [("9:00-11:30", 2.5), ("上午9点到11点半", 2.5), ("14:00～16:30", 2.5), ("下午2点-4点", 2.0), ("9:00至12:00", 3.0)];

#[test]
fn time_spans_and_start_and_end_times_give_the_hours() {
    let c = case("attendance_spans");
    let imp = import_all(&c.files, &ImportOptions::default());
    let (text, _, _) = encoding_rs::GBK.decode(&c.files[0].1);
    let want: f64 = text
        .lines()
        .skip(2)
        .map(|l| l.split(',').nth(3).unwrap())
        .map(|span| SPAN_HOURS.iter().find(|(s, _)| *s == span).unwrap().1)
        .sum();
    let t = &imp.tables;
    let source = |file: &str| t.sources.iter().position(|s| s.file == file).unwrap() as u32;
    let got: f64 = t.records.iter().filter(|r| r.at.source == source("考勤表.csv")).map(|r| r.hours).sum();
    assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    // the span with its date in one cell: date and 2.5 hours each
    let in_one: Vec<_> = t.records.iter().filter(|r| r.at.source == source("服务登记.csv")).collect();
    assert_eq!(in_one.len(), 30);
    assert!(in_one.iter().all(|r| r.hours == 2.5));
    let first_line = String::from_utf8(c.files[1].1.clone()).unwrap();
    let first = first_line.lines().nth(1).unwrap().split(',').nth(2).unwrap().to_string();
    assert_eq!(in_one[0].date.format("%Y-%m-%d").to_string(), first[..10]);
    let s = sheet(&imp, "服务登记.csv", "");
    let why = s.columns.iter().find(|c| c.header == "时间").and_then(|c| c.why.clone()).unwrap();
    assert_eq!(why.kind, WhyKind::Content, "a bare 时间 is read by its cells");

    // start and end times, no hours column
    let c = case("schedule_start_end");
    let imp = import_all(&c.files, &ImportOptions::default());
    let rows = calamine_rows(&c.files[0].1, "排班");
    let minutes = |s: &str| {
        let (h, m) = s.split_once(':').unwrap();
        h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap()
    };
    let want: f64 = rows[1..].iter().map(|r| f64::from(minutes(&r[5]) - minutes(&r[4])) / 60.0).sum();
    let got: f64 = imp.tables.records.iter().map(|r| r.hours).sum();
    assert_eq!(imp.tables.records.len(), 50);
    assert!((got - want).abs() < 1e-9, "{got} vs {want}");
}

#[test]
fn the_ngo_log_counts_the_total_groups_people_never_a_part() {
    let c = case("ngo_activity_log");
    let imp = import_all(&c.files, &ImportOptions::default());
    let rows = calamine_rows(&c.files[0].1, "活动统计");
    let total_col = 9 + 10; // 合计/人数
    let want: Vec<u32> = rows[4..].iter().map(|r| r[total_col].parse().unwrap()).collect();
    let got: Vec<u32> = imp.tables.activities.iter().map(|a| a.participants.unwrap()).collect();
    assert_eq!(got, want);
    // 服务中心 is the station; three theme columns joined
    let t = &imp.tables;
    let a = &t.activities[0];
    assert_eq!(t.so(a.station), rows[4][3]);
    assert_eq!(t.so(a.theme), format!("{}、{}、{}", rows[4][4], rows[4][5], rows[4][8]));
    let s = sheet(&imp, &c.files[0].0, "活动统计");
    let why = s.columns.iter().find(|c| c.field == Some(Field::Participants)).and_then(|c| c.why.clone()).unwrap();
    assert_eq!(why.kind, WhyKind::Total);
}

/// The same log saved as .xls by LibreOffice (`tests/fixtures/make_fixtures.sh`): merges
/// read from the BIFF records, the same mapping and participants.
#[test]
fn the_ngo_log_as_xls() {
    let bytes = std::fs::read(format!("{}/tests/fixtures/ngo_activity_log.xls", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let imp = import(&[FileInput { name: "2019活动统计.xls", bytes: &bytes }], &ImportOptions::default());
    let c = case("ngo_activity_log");
    let e = &c.expect[0];
    let s = &imp.files[0].sheets[0];
    assert_eq!(s.role, Some(Role::Activities));
    let got: Vec<(String, Option<Field>)> = s.columns.iter().map(|c| (c.header.clone(), c.field)).collect();
    assert_eq!(got, e.columns);
    let xlsx = import_all(&c.files, &ImportOptions::default());
    let p = |i: &Import| i.tables.activities.iter().map(|a| a.participants).collect::<Vec<_>>();
    assert_eq!(p(&imp), p(&xlsx));
}

/// Regenerates the xlsx source of the .xls fixture (`make_fixtures.sh` converts it).
#[test]
#[ignore]
fn write_corpus_sources() {
    let dir = format!("{}/tests/fixtures/src", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    let c = case("ngo_activity_log");
    std::fs::write(format!("{dir}/ngo_activity_log.xlsx"), &c.files[0].1).unwrap();
}

/// Writes every corpus file into `$CORPUS_OUT` (the browser test imports some of them).
#[test]
#[ignore]
fn write_corpus_files() {
    let dir = std::env::var("CORPUS_OUT").expect("CORPUS_OUT");
    std::fs::create_dir_all(&dir).unwrap();
    for case in all() {
        for (name, bytes) in &case.files {
            std::fs::write(format!("{dir}/{name}"), bytes).unwrap();
        }
    }
}

#[test]
fn the_participation_matrix_becomes_records_once_confirmed() {
    let files = matrix_files();
    let file = files[0].0.clone();
    let imp = import_all(&files, &ImportOptions::default());
    let s = sheet(&imp, &file, "参与统计");
    let wide = s.wide.clone().expect("recognised as a matrix");
    assert!(!wide.confirmed);
    assert_eq!(wide.activities.len(), MATRIX_ACTIVITIES);
    // counts and hours from the second table, before anything is confirmed
    for (i, a) in wide.activities.iter().enumerate() {
        let (name, hours) = matrix_activity(i);
        let people = (0..MATRIX_ROWS).filter(|&r| matrix_count(r, i) > 0).count() as u32;
        let times: u32 = (0..MATRIX_ROWS).map(|r| matrix_count(r, i)).sum();
        assert_eq!((a.name.as_str(), a.people, a.times, a.hours), (name.as_str(), people, times, Some(hours)));
        assert!(a.hours_from.as_deref().is_some_and(|f| f.contains("活动时长")), "{:?}", a.hours_from);
    }
    assert!(imp.tables.records.is_empty(), "nothing is counted before the clerk confirms");
    assert_eq!(imp.tables.volunteers.len(), MATRIX_ROWS);
    // holidays named give the date in the scored year; the clerk types the others once
    let mut choice: MatrixSheetChoice = default_choice(&wide, 2019);
    assert_eq!(choice.activities[2].date, chrono::NaiveDate::from_ymd_opt(2019, 3, 12), "植树节");
    assert_eq!(choice.activities[1].date, chrono::NaiveDate::from_ymd_opt(2019, 12, 5), "国际志愿者日");
    assert_eq!(choice.activities[0].date, None, "流浪狗之家 names no day");
    for a in &mut choice.activities {
        a.date = a.date.or(chrono::NaiveDate::from_ymd_opt(2019, 10, 1));
    }
    let hand =
        SheetOverride { file: file.clone(), sheet: "参与统计".into(), wide: Some(choice), ..Default::default() };
    let imp = import_all(&files, &ImportOptions { overrides: vec![hand], ..Default::default() });
    let t = &imp.tables;
    let times: u32 = (0..MATRIX_ROWS).flat_map(|r| (0..MATRIX_ACTIVITIES).map(move |a| matrix_count(r, a))).sum();
    let hours: f64 = (0..MATRIX_ROWS)
        .flat_map(|r| (0..MATRIX_ACTIVITIES).map(move |a| f64::from(matrix_count(r, a)) * matrix_activity(a).1))
        .sum();
    assert_eq!(t.records.len() as u32, times);
    assert!((t.records.iter().map(|r| r.hours).sum::<f64>() - hours).abs() < 1e-6);
    assert_eq!(t.activities.len(), MATRIX_ACTIVITIES, "one activity per column, for theme coverage");
    let arbor = t.activities.iter().find(|a| t.so(a.name) == "植树节活动").unwrap();
    assert_eq!(arbor.date, chrono::NaiveDate::from_ymd_opt(2019, 3, 12));
    assert_eq!(arbor.participants, Some((0..MATRIX_ROWS).filter(|&r| matrix_count(r, 2) > 0).count() as u32));
    // the records are the volunteers' (matched by 学号 when scored)
    let first = t.records.iter().find(|r| r.at.row == 2).unwrap();
    assert_eq!(t.so(first.volunteer_no), "20190001");
    let s = sheet(&imp, &file, "参与统计");
    assert_eq!(s.wide.as_ref().map(|w| (w.confirmed, w.records)), Some((true, u64::from(times))));
    let (prepared, _) =
        scorecard_domain::score::prepare::prepare(t, 2019, chrono::NaiveDate::from_ymd_opt(2019, 12, 31).unwrap());
    assert_eq!(prepared.records.len() as u32, times, "every record matches its volunteer");
}

/// What can go wrong around a matrix is said: an unreadable hours row in the table of
/// hours, a row of counts without a person, a confirmed column that moved.
#[test]
fn a_matrixs_problems_are_findings() {
    use crate::support::corpus::write::{row, xlsx, Sheet};
    let sheet = |acts: &[&str]| {
        let mut head = row(&["姓名", "学号"]);
        head.extend(acts.iter().map(|a| a.to_string()));
        let mut rows = vec![head];
        rows.push(row(&["张三", "2019001", "1", "2", "1"]));
        rows.push(row(&["", "", "1", "", ""]));
        rows.push(row(&["李四", "2019002", "", "1", "3"]));
        rows
    };
    let hours = vec![row(&["活动名称", "单次时长"]), row(&["流浪狗之家", "两小时"]), row(&["敬老院探访", "2"])];
    let acts = ["流浪狗之家", "敬老院探访", "植树节活动"];
    let bytes = xlsx(&[Sheet::new("参与", sheet(&acts)), Sheet::new("时长", hours.clone())]);
    let imp = import(&[FileInput { name: "m.xlsx", bytes: &bytes }], &ImportOptions::default());
    let s = sheet_of(&imp, "参与");
    assert!(s.wide.is_some());
    let row3 = s.findings.iter().find(|f| f.row == Some(3)).expect("the row of counts without a person");
    assert_eq!((row3.kind, row3.severity), (FindingKind::MissingRequired, Severity::Error));
    assert_eq!(s.counts.left_out, 1);
    let t = sheet_of(&imp, "时长");
    let bad = t.findings.iter().find(|f| f.row == Some(2)).expect("the unreadable hours");
    assert_eq!(bad.kind, FindingKind::UnreadableHours);
    assert!(bad.message.contains("两小时"), "{}", bad.message);
    assert_eq!(t.catalogue.len(), 1);
    // confirmed, then a column is added at the front: the choice does not follow the wrong header
    let mut choice = default_choice(s.wide.as_ref().unwrap(), 2019);
    for a in &mut choice.activities {
        a.hours = Some(2.0);
        a.date = chrono::NaiveDate::from_ymd_opt(2019, 5, 1);
    }
    let moved = ["新活动", "流浪狗之家", "敬老院探访", "植树节活动"];
    let bytes = xlsx(&[Sheet::new("参与", sheet(&moved)), Sheet::new("时长", hours)]);
    let hand =
        SheetOverride { file: "m.xlsx".into(), sheet: "参与".into(), wide: Some(choice), ..Default::default() };
    let imp = import(
        &[FileInput { name: "m.xlsx", bytes: &bytes }],
        &ImportOptions { overrides: vec![hand], ..Default::default() },
    );
    let s = sheet_of(&imp, "参与");
    assert!(
        s.findings.iter().any(|f| f.severity == Severity::Warning && f.message.contains("列有变动")),
        "{:#?}",
        s.findings
    );
    let converted: Vec<&str> = s
        .wide
        .as_ref()
        .unwrap()
        .activities
        .iter()
        .filter(|a| a.chosen_hours.is_some())
        .map(|a| a.name.as_str())
        .collect();
    assert!(converted.is_empty(), "{converted:?}: every confirmed column moved");
}

fn sheet_of<'i>(imp: &'i Import, name: &str) -> &'i scorecard_domain::import::SheetOutcome {
    imp.files[0].sheets.iter().find(|s| s.name == name).unwrap()
}

#[test]
fn a_file_of_no_table_gets_one_explanation() {
    let imp = import_all(&unusable_files(), &ImportOptions::default());
    assert!(imp.tables.volunteers.is_empty());
    let f = &imp.files[0];
    let warnings: Vec<_> = imp.findings.iter().filter(|f| f.severity != Severity::Info).collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_eq!(warnings[0].kind, FindingKind::UnknownSheet);
    assert!(
        f.findings[0].message.contains("字段说明") && f.findings[0].message.contains("月度汇总"),
        "{}",
        f.findings[0].message
    );
    // each sheet still says what it found
    assert!(f.sheets.iter().all(|s| s.findings.iter().any(|x| x.kind == FindingKind::UnknownSheet)));
}
