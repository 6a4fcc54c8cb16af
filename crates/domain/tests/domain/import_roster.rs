//! A roster with a title row, a blank row, header groups merged over two rows, a float ID,
//! a bad check digit, unreadable cells, a blank separator and a totals row — read from xlsx
//! (merged regions known), CSV (group cells forward-filled), xls and ods (LibreOffice-made).

use crate::support::d;
use crate::support::fixture;
use crate::support::import::*;
use scorecard_domain::import::{HeaderRows, RowStatus, Source};
use scorecard_domain::model::{Field, Role};
use scorecard_domain::{FindingKind as K, Severity as S};
use V::*;

/// 5.10114199001012E+17 as Excel keeps it: the ID 510114199001011234 typed into a number cell.
const FLOAT_ID: f64 = 510114199001011234.0;

pub fn roster_xlsx() -> Vec<u8> {
    let mut s = sheet(
        "名册",
        vec![
            (3, vec![E, S("姓名"), S("性别"), S("证件号码"), S("注册日期"), S("服务时长")]),
            (4, vec![N(1.0), S("张三"), S("男"), S("11010519491231002X"), Date(42898.0), N(30.0), S("新桥社区")]),
            (5, vec![N(2.0), S("李四"), S("女"), N(FLOAT_ID), S("2017/6/12"), S("12.5小时"), S("新桥社区")]),
            (7, vec![N(3.0), S("王五"), S("男"), S("510104199001011234"), S("2017.6.32"), S("abc"), S("大丰社区")]),
            (8, vec![S("合计"), E, E, E, E, N(42.5)]),
        ],
    );
    s.merges = vec![
        (0, 0, 0, 6, "新桥社区注册志愿者名册"),
        (2, 0, 3, 0, "序号"),
        (2, 1, 2, 3, "基本信息"),
        (2, 4, 2, 5, "服务情况"),
        (2, 6, 3, 6, "所属站点"),
    ];
    xlsx(&[s])
}

const ROSTER_CSV: &str = "新桥社区注册志愿者名册,,,,,,\n\
,,,,,,\n\
序号,基本信息,,,服务情况,,所属站点\n\
,姓名,性别,证件号码,注册日期,服务时长,\n\
1,张三,男,11010519491231002X,2017-06-12,30,新桥社区\n\
2,李四,女,5.10114E+17,2017/6/12,12.5小时,新桥社区\n\
,,,,,,\n\
3,王五,男,510104199001011234,2017.6.32,abc,大丰社区\n\
合计,,,,,42.5,\n";

/// The same expectations whatever the format.
fn check_roster(name: &str, bytes: &[u8]) {
    let imp = one(name, bytes);
    assert!(imp.all_read(), "{name}: {:?}", imp.files[0].error);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(sheet.header_rows, Some(HeaderRows { first: 3, last: 4 }), "{name}");
    assert_eq!((sheet.role, sheet.role_source), (Some(Role::Volunteers), Source::Auto), "{name}");
    let mapping: Vec<(&str, Option<Field>)> = sheet.columns.iter().map(|c| (c.header.as_str(), c.field)).collect();
    assert_eq!(
        mapping,
        [
            ("序号", None),
            ("基本信息/姓名", Some(Field::Name)),
            ("基本信息/性别", Some(Field::Gender)),
            ("基本信息/证件号码", Some(Field::IdNumber)),
            ("服务情况/注册日期", Some(Field::RegisteredOn)),
            ("服务情况/服务时长", Some(Field::CumulativeHours)),
            ("所属站点", Some(Field::Station)),
        ],
        "{name}"
    );
    let c = sheet.counts;
    assert_eq!((c.read, c.blank, c.skipped, c.kept, c.left_out), (5, 1, 1, 3, 0), "{name}");
    assert_eq!(
        brief(sheet),
        [
            b(6, "基本信息/证件号码", K::BadIdFormat, S::Error),
            b(8, "基本信息/证件号码", K::BadIdChecksum, S::Warning),
            b(8, "服务情况/注册日期", K::UnreadableDate, S::Warning),
            b(8, "服务情况/服务时长", K::UnreadableHours, S::Error),
            b(9, "", K::SkippedRow, S::Info),
        ],
        "{name}"
    );
    let f = &sheet.findings[0];
    assert!(f.message.contains("文本") && f.message.contains("无法恢复"), "{}", f.message);
    assert!(sheet.findings[1].message.contains("应为「0」"), "{}", sheet.findings[1].message);
    assert!(sheet.findings[1].message.contains("5101**********1234"), "IDs are masked in findings");
    assert!(sheet.findings[2].message.contains("2017.6.32"));

    let t = &imp.tables;
    let got: Vec<_> = t
        .volunteers
        .iter()
        .map(|v| {
            (
                t.so(v.name),
                t.so(v.gender),
                t.so(v.id_number),
                v.registered_on,
                v.cumulative_hours,
                v.annual_hours,
                t.so(v.station),
                v.at.row,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("张三", "男", "11010519491231002X", Some(d(2017, 6, 12)), Some(30.0), None, "新桥社区", 5),
            ("李四", "女", "", Some(d(2017, 6, 12)), Some(12.5), None, "新桥社区", 6),
            ("王五", "男", "510104199001011234", None, None, None, "大丰社区", 8),
        ],
        "{name}"
    );
    assert_eq!(t.sources.len(), 1);
    assert_eq!((t.sources[0].file.as_str(), t.sources[0].role), (name, Role::Volunteers));
    assert!(t.has_field(Role::Volunteers, Field::CumulativeHours));
    assert!(!t.has_field(Role::Volunteers, Field::AnnualHours));

    let statuses: Vec<(u32, RowStatus)> = sheet.preview.iter().map(|p| (p.row, p.status)).collect();
    assert_eq!(statuses, [(5, RowStatus::Kept), (6, RowStatus::Kept), (8, RowStatus::Kept), (9, RowStatus::Skipped)]);
    let row8 = &sheet.preview[2];
    assert_eq!(row8.cells[3], "510104199001011234", "the preview shows IDs in full");
    let marks: Vec<(Option<u32>, K)> = row8.marks.iter().map(|m| (m.column, m.kind)).collect();
    assert_eq!(marks, [(Some(3), K::BadIdChecksum), (Some(4), K::UnreadableDate), (Some(5), K::UnreadableHours)]);
    let failed: Vec<u32> = sheet.failed_rows.iter().map(|r| r.row).collect();
    assert_eq!(failed, [6, 8]);
}

#[test]
fn xlsx_with_merged_group_headers() {
    let bytes = roster_xlsx();
    check_roster("名册.xlsx", &bytes);
    let imp = one("名册.xlsx", &bytes);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!((sheet.used_rows, sheet.used_columns), (9, 7));
    assert_eq!(
        sheet.signature,
        "序号|基本信息姓名|基本信息性别|基本信息证件号码|服务情况注册日期|服务情况服务时长|所属站点"
    );
}

#[test]
fn csv_with_group_cells_forward_filled() {
    check_roster("名册.csv", ROSTER_CSV.as_bytes());
}

#[test]
fn csv_in_gbk_and_with_bom_reads_the_same() {
    check_roster("名册.csv", &gbk(ROSTER_CSV));
    check_roster("名册.csv", &utf8_bom(ROSTER_CSV));
    let imp = one("名册.csv", &gbk(ROSTER_CSV));
    assert_eq!(imp.files[0].encoding, Some(scorecard_domain::import::TextEncoding::Gb18030));
    assert_eq!(imp.files[0].delimiter, Some(','));
    let tabbed = ROSTER_CSV.replace(',', "\t");
    check_roster("名册.txt", tabbed.as_bytes());
}

#[test]
fn xls_made_by_libreoffice() {
    check_roster("roster_title_rows.xls", &fixture("roster_title_rows.xls"));
}

#[test]
fn ods_made_by_libreoffice() {
    check_roster("roster_title_rows.ods", &fixture("roster_title_rows.ods"));
}

/// Writes the xlsx the committed .xls/.ods fixtures are converted from
/// (see tests/fixtures/make_fixtures.sh).
#[test]
#[ignore]
fn write_fixture_sources() {
    let dir = format!("{}/tests/fixtures/src", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(format!("{dir}/roster_title_rows.xlsx"), roster_xlsx()).unwrap();
}
