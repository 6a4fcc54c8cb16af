//! Service records: every written form of dates and hours, the (0, 24] range, required
//! cells, totals rows; typed Excel cells (date serials, durations, times), the 1900 leap-year
//! bug and the 1904 date system.

use crate::support::d;
use crate::support::import::*;
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
    assert_eq!(
        sheet.findings[2].location_zh(),
        format!("文件「{name}」，第 10 行，「服务日期」列"),
        "a CSV names no sheet"
    );
    let t = &imp.tables;
    let got: Vec<_> = t
        .records
        .iter()
        .map(|r| {
            (
                t.so(r.volunteer_no),
                t.so(r.name),
                t.so(r.id_number),
                t.so(r.activity),
                r.date,
                r.hours,
                t.so(r.station),
                r.at.row,
            )
        })
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
    assert_eq!(
        brief(sheet),
        [b(5, "服务日期", K::UnreadableDate, S::Error), b(7, "服务时长", K::HoursOutOfRange, S::Error)]
    );
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

/// Writes a 1M-row service-record workbook (shared strings, date-formatted serials) for the
/// memory check in the report: `/usr/bin/time -v scorecard inspect /tmp/records_1m.xlsx`.
/// Not a pass/fail test; the XML is written by hand so the writer itself stays small.
#[test]
#[ignore]
fn write_million_row_workbook() {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let file = std::fs::File::create("/tmp/records_1m.xlsx").unwrap();
    let mut z = zip::ZipWriter::new(file);
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &str); 5] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="服务记录" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
        (
            "xl/styles.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#,
        ),
    ];
    for (name, text) in parts {
        z.start_file(name, o).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    // shared strings: 0–5 headers, 6–9 activities, 10–13 stations, then V#####/志愿者# pairs
    let headers = ["志愿者编号", "姓名", "活动名称", "服务日期", "服务时长", "所属站点"];
    let acts = ["敬老院探访", "交通劝导", "环境清洁", "义诊"];
    let stations = ["新桥社区", "大丰社区", "三河社区", "四河社区"];
    let people = 20_000u32;
    z.start_file("xl/sharedStrings.xml", o).unwrap();
    let mut ss = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    for t in headers.iter().chain(&acts).chain(&stations) {
        ss.push_str(&format!("<si><t>{t}</t></si>"));
    }
    for v in 0..people {
        ss.push_str(&format!("<si><t>V{v:05}</t></si><si><t>志愿者{v}</t></si>"));
    }
    ss.push_str("</sst>");
    z.write_all(ss.as_bytes()).unwrap();
    z.start_file("xl/worksheets/sheet1.xml", o).unwrap();
    let rows = 1_000_000u32;
    write!(z, r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F{}"/><sheetData>"#, rows + 1).unwrap();
    let mut line = String::from(r#"<row r="1">"#);
    for (c, col) in ["A", "B", "C", "D", "E", "F"].iter().enumerate() {
        line.push_str(&format!(r#"<c r="{col}1" t="s"><v>{c}</v></c>"#));
    }
    line.push_str("</row>");
    z.write_all(line.as_bytes()).unwrap();
    for r in 2..=rows + 1 {
        let v = r % people;
        let (no, name) = (14 + 2 * v, 15 + 2 * v);
        let act = 6 + r % 4;
        let st = 10 + v % 4;
        let date = 42736 + r % 365;
        let hours = 1.0 + f64::from(r % 8) / 2.0;
        write!(z, r#"<row r="{r}"><c r="A{r}" t="s"><v>{no}</v></c><c r="B{r}" t="s"><v>{name}</v></c><c r="C{r}" t="s"><v>{act}</v></c><c r="D{r}" s="1"><v>{date}</v></c><c r="E{r}"><v>{hours}</v></c><c r="F{r}" t="s"><v>{st}</v></c></row>"#).unwrap();
    }
    z.write_all(b"</sheetData></worksheet>").unwrap();
    z.finish().unwrap();
}

#[test]
fn a_header_repeated_on_every_printed_page_is_skipped() {
    let csv = "姓名,服务日期,服务时长\n张三,2017-06-12,2\n姓名,服务日期,服务时长\n李四,2017-06-13,3\n";
    let imp = one("r.csv", csv.as_bytes());
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(brief(sheet), [b(3, "", K::SkippedRow, S::Info)]);
    assert!(sheet.findings[0].message.contains("重复了表头"));
    let c = sheet.counts;
    assert_eq!((c.read, c.skipped, c.kept), (3, 1, 2));
}

/// 300 records under a header on Excel row 1.
fn three_hundred_records() -> Vec<u8> {
    let mut list = vec![vec![S("志愿者编号"), S("姓名"), S("活动名称"), S("服务日期"), S("服务时长")]];
    for _ in 0..300 {
        list.push(vec![S("V001"), S("张三"), S("巡逻"), Date(42_900.0), N(2.0)]);
    }
    xlsx(&[sheet("服务记录", rows(list))])
}

#[test]
fn the_records_table_is_reserved_from_the_declared_dimension() {
    // rust_xlsxwriter declares <dimension ref="A1:E301">: room for exactly the 300 data rows
    // is made once (growing by doubling would end at a capacity of 512).
    let bytes = three_hundred_records();
    let imp = one("a.xlsx", &bytes);
    assert_eq!(imp.tables.records.len(), 300);
    assert_eq!(imp.tables.records.capacity(), 300);
    // The same rows as CSV declare nothing: the table grows as it goes.
    let csv: String = std::iter::once("志愿者编号,姓名,活动名称,服务日期,服务时长\n".to_string())
        .chain((0..300).map(|_| "V001,张三,巡逻,2017-06-12,2\n".to_string()))
        .collect();
    let imp = one("a.csv", csv.as_bytes());
    assert_eq!(imp.tables.records.len(), 300);
    assert_ne!(imp.tables.records.capacity(), 300);
}

#[test]
fn a_dimension_claiming_every_row_reserves_no_more_than_the_part_can_hold() {
    let part = "xl/worksheets/sheet1.xml";
    let bytes = edit_part(&three_hundred_records(), part, |s| s.replacen("A1:E301", "A1:E1048576", 1));
    let part_len = {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let mut s = String::new();
        z.by_name(part).unwrap().read_to_string(&mut s).unwrap();
        assert!(s.contains(r#"<dimension ref="A1:E1048576"/>"#), "the edit took");
        s.len()
    };
    let imp = one("a.xlsx", &bytes);
    assert_eq!(imp.tables.records.len(), 300);
    // Not 1,048,575 rows (48 MB): at most one row per 25 bytes of sheet XML.
    let cap = imp.tables.records.capacity();
    assert!((300..=part_len / 25).contains(&cap), "capacity {cap}, part {part_len} bytes");
}
