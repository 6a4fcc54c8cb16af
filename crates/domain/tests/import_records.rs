//! Service records: every written form of dates and hours, the (0, 24] range, required
//! cells, totals rows; typed Excel cells (date serials, durations, times), the 1900 leap-year
//! bug and the 1904 date system.

mod import_support;

use chrono::NaiveDate;
use import_support::*;
use scorecard_domain::import::Source;
use scorecard_domain::model::{Field, Role};
use scorecard_domain::{FindingKind as K, Severity as S};
use V::*;

const RECORDS_CSV: &str = "服务记录表\n\
志愿者编号,姓名,证件号码,活动名称,服务日期,服务时长,所属站点\n\
V001,张三,11010519491231002X,敬老院探访,2017-06-12,2.5,新桥社区\n\
V002,李四,,交通劝导,2017/6/13 9:30,2小时30分,新桥社区\n\
V003,王五,,环境清洁,2017年6月14日,150分钟,大丰社区\n\
V004,赵六,,植树,20170615,1:30,大丰社区\n\
V005,钱七,,义诊,２０１７．６．１６,1.5 小时,大丰社区\n\
V006,孙八,,巡逻,2017-06-17,25,大丰社区\n\
V007,周九,,巡逻,2017-06-18,0,大丰社区\n\
V008,吴十,,巡逻,6/19/2017,2,大丰社区\n\
V009,郑一,,巡逻,2017-06-20,两小时,大丰社区\n\
,,,巡逻,2017-06-21,2,大丰社区\n\
V010,王二,,巡逻,,2,大丰社区\n\
V011,张三,,巡逻,2017-06-22,,\n\
小计,,,,,17.5,\n";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn check_records(name: &str, bytes: &[u8]) {
    let imp = one(name, bytes);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!((sheet.role, sheet.header_rows.map(|h| (h.first, h.last))), (Some(Role::Records), Some((2, 2))));
    let c = sheet.counts;
    assert_eq!((c.read, c.blank, c.skipped, c.kept, c.left_out), (13, 0, 1, 5, 7), "{name}");
    assert_eq!(
        brief(sheet),
        [
            b(8, "服务时长", K::HoursOutOfRange, S::Error),
            b(9, "服务时长", K::HoursOutOfRange, S::Error),
            b(10, "服务日期", K::UnreadableDate, S::Error),
            b(11, "服务时长", K::UnreadableHours, S::Error),
            b(12, "志愿者编号", K::MissingRequired, S::Error),
            b(13, "服务日期", K::MissingRequired, S::Error),
            b(14, "服务时长", K::MissingRequired, S::Error),
            b(15, "", K::SkippedRow, S::Info),
        ],
        "{name}"
    );
    assert!(sheet.findings[0].message.contains("25 小时") && sheet.findings[0].message.contains("不能超过 24 小时"));
    assert!(sheet.findings[1].message.contains("必须大于 0"));
    assert!(sheet.findings[2].message.contains("6/19/2017"));
    assert_eq!(sheet.findings[2].location_zh(), format!("文件「{name}」，第 10 行，「服务日期」列"), "a CSV names no sheet");
    let t = &imp.tables;
    let got: Vec<_> = t
        .records
        .iter()
        .map(|r| (t.so(r.volunteer_no), t.so(r.name), t.so(r.id_number), t.so(r.activity), r.date, r.hours, t.so(r.station), r.at.row))
        .collect();
    assert_eq!(
        got,
        [
            ("V001", "张三", "11010519491231002X", "敬老院探访", d(2017, 6, 12), 2.5, "新桥社区", 3),
            ("V002", "李四", "", "交通劝导", d(2017, 6, 13), 2.5, "新桥社区", 4),
            ("V003", "王五", "", "环境清洁", d(2017, 6, 14), 2.5, "大丰社区", 5),
            ("V004", "赵六", "", "植树", d(2017, 6, 15), 1.5, "大丰社区", 6),
            ("V005", "钱七", "", "义诊", d(2017, 6, 16), 1.5, "大丰社区", 7),
        ],
        "{name}"
    );
    let failed: Vec<u32> = sheet.failed_rows.iter().map(|r| r.row).collect();
    assert_eq!(failed, [8, 9, 10, 11, 12, 13, 14], "totals rows are info, not failures");
}

#[test]
fn written_dates_and_hours_in_utf8_csv() {
    check_records("服务记录.csv", RECORDS_CSV.as_bytes());
}

#[test]
fn the_same_in_gbk_bom_and_tab_separated() {
    check_records("服务记录.csv", &gbk(RECORDS_CSV));
    check_records("服务记录.csv", &utf8_bom(RECORDS_CSV));
    check_records("服务记录.txt", RECORDS_CSV.replace(',', "\t").as_bytes());
    check_records("服务记录.csv", RECORDS_CSV.replace(',', ";").as_bytes());
}

fn typed_cells_xlsx() -> Vec<u8> {
    xlsx(&[sheet(
        "服务记录",
        rows(vec![
            vec![S("姓名"), S("服务日期"), S("服务时长")],
            vec![S("张三"), Date(42898.0), Dur(0.0625)],
            vec![S("李四"), DateTime(42898.5), Time(0.125)],
            vec![S("王五"), N(42898.0), N(2.0)],
            vec![S("赵六"), Date(60.0), N(2.0)],
            vec![S("钱七"), N(20170612.0), N(3.0)],
            vec![S("孙八"), Date(42898.0), Dur(1.25)],
        ]),
    )])
}

#[test]
fn typed_excel_cells_and_the_1900_leap_year_bug() {
    let imp = one("records.xlsx", &typed_cells_xlsx());
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(sheet.role, Some(Role::Records));
    assert_eq!(brief(sheet), [b(5, "服务日期", K::UnreadableDate, S::Error), b(7, "服务时长", K::HoursOutOfRange, S::Error)]);
    assert!(sheet.findings[0].message.contains("1900-02-29") || sheet.findings[0].message.contains("60"));
    let t = &imp.tables;
    let got: Vec<_> = t.records.iter().map(|r| (t.so(r.name), r.date, r.hours)).collect();
    assert_eq!(
        got,
        [
            ("张三", d(2017, 6, 12), 1.5),
            ("李四", d(2017, 6, 12), 3.0),
            ("王五", d(2017, 6, 12), 2.0),
            ("钱七", d(2017, 6, 12), 3.0),
        ]
    );
}

#[test]
fn the_1904_date_system() {
    let imp = one("mac.xlsx", &with_1904(&typed_cells_xlsx()));
    let t = &imp.tables;
    // serial 42898 counts from 1904-01-01 here: 2021-06-13 (1462 days later than in 1900)
    assert_eq!(t.records[0].date, d(2021, 6, 13));
    // and serial 60 is a real day, 1904-03-01
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(brief(sheet), [b(7, "服务时长", K::HoursOutOfRange, S::Error)]);
    let zhao = t.records.iter().find(|r| t.so(r.name) == "赵六").unwrap();
    assert_eq!(zhao.date, d(1904, 3, 1));
}

#[test]
fn a_minutes_column_and_a_roster_hours_column() {
    let csv = "姓名,服务日期,服务时长（分钟）\n张三,2017-06-12,90\n李四,2017-06-12,2小时\n";
    let imp = one("r.csv", csv.as_bytes());
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(sheet.columns[2].field, Some(Field::Hours));
    assert!(sheet.columns[2].minutes);
    let hours: Vec<f64> = imp.tables.records.iter().map(|r| r.hours).collect();
    assert_eq!(hours, [1.5, 2.0]);
}

#[test]
fn records_sheet_without_an_hours_column_says_so_once() {
    let csv = "姓名,服务日期,时长备注\n张三,2017-06-12,x\n李四,2017-06-13,y\n";
    let imp = one("r.csv", csv.as_bytes());
    let sheet = &imp.files[0].sheets[0];
    // 姓名 + 服务日期 alone: records need hours, so this is no records sheet…
    assert_eq!(sheet.role, None);
    // …unless the clerk says it is: then one sheet-level finding, no flood of row findings.
    let opts = scorecard_domain::import::ImportOptions {
        overrides: vec![scorecard_domain::import::SheetOverride {
            file: "r.csv".into(),
            role: Some(Role::Records),
            ..Default::default()
        }],
        ..Default::default()
    };
    let imp = scorecard_domain::import::import(
        &[scorecard_domain::import::FileInput { name: "r.csv", bytes: csv.as_bytes() }],
        &opts,
    );
    let sheet = &imp.files[0].sheets[0];
    assert_eq!((sheet.role, sheet.role_source), (Some(Role::Records), Source::Hand));
    assert_eq!(
        brief(sheet),
        [(None, Some("时长备注".into()), K::UnknownColumn, S::Info), (None, None, K::MissingRequired, S::Error)]
    );
    assert!(sheet.findings[1].message.contains("缺少「服务时长」列"));
    assert_eq!((sheet.counts.read, sheet.counts.kept, sheet.counts.left_out), (2, 0, 2));
}
