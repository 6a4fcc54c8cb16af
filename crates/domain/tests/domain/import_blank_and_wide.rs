//! Issue 28: sheets that look empty where they are.
//!
//! - rows whose only content is formula zeros, empty strings or a placeholder (`-`, `/`,
//!   `无` …) are blank rows, in every format (xlsx, xls, ods, csv);
//! - a sheet whose used range (or empty styled cells) reaches column XEU while its data
//!   stops at AL is reported over its 38 columns, and read without per-column work past them;
//! - an unreadable start, end or span is reported as a time, not as a date;
//! - a count that is no whole number is a finding, not a count.

use crate::support::fixture;
use crate::support::import::*;
use rust_xlsxwriter::{Format, Formula, Workbook};
use scorecard_domain::import::input::cell::Cell;
use scorecard_domain::import::sheets::skip::{is_filler, is_filler_row};
use scorecard_domain::import::{import, FileInput, Import, ImportOptions, SheetOutcome};
use scorecard_domain::model::{Field, Role};
use scorecard_domain::{FindingKind as K, Severity as S};
use std::io::{Cursor, Write};

fn sheet0(imp: &Import) -> &SheetOutcome {
    &imp.files[0].sheets[0]
}

/// Findings of a sheet at or below `row` (Excel numbering).
fn findings_from(s: &SheetOutcome, row: u32) -> Vec<Brief> {
    brief(s).into_iter().filter(|b| b.0.is_some_and(|r| r >= row)).collect()
}

// ---------------------------------------------------------------------------------------
// 1. Rows that only look filled
// ---------------------------------------------------------------------------------------

/// The rule, cell by cell and row by row (`skip::is_filler`, `skip::is_filler_row`).
#[test]
fn the_filler_rule_cell_by_cell() {
    let filler: Vec<Cell> = vec![
        Cell::Empty,
        Cell::Text("".into()),
        Cell::Text(" \u{3000}".into()),
        Cell::Int(0),
        Cell::Float(0.0),
        Cell::Float(-0.0),
        Cell::DateTime { serial: 0.0, duration: false }, // a zero formatted as a date: 1900-01-00
        Cell::DateTime { serial: 0.0, duration: true },  // …or as a duration: 0:00
        Cell::Bool(false),
        Cell::Error("#N/A".into()),
        Cell::Error("#VALUE!".into()),
        Cell::Text("0".into()),
        Cell::Text(" 0 ".into()),
        Cell::Text("０".into()),
        Cell::Text("0.0".into()),
        Cell::Text("-".into()),
        Cell::Text("--".into()),
        Cell::Text("－".into()),
        Cell::Text("—".into()),
        Cell::Text("——".into()),
        Cell::Text("/".into()),
        Cell::Text("／".into()),
        Cell::Text("\\".into()),
        Cell::Text("无".into()),
        Cell::Text("暂无".into()),
        Cell::Text("空".into()),
        Cell::Text("N/A".into()),
        Cell::Text("n/a".into()),
        Cell::Text("#N/A".into()),
        Cell::Text("null".into()),
    ];
    for c in &filler {
        assert!(is_filler(c), "{c:?} holds no data");
    }
    let data: Vec<Cell> = vec![
        Cell::Int(1),
        Cell::Float(0.5),
        Cell::Float(-3.0),
        Cell::DateTime { serial: 45000.0, duration: false },
        Cell::DateTime { serial: 0.375, duration: false }, // 9:00
        Cell::Bool(true),
        Cell::Text("张三".into()),
        Cell::Text("无锡".into()),
        Cell::Text("空巢老人关爱".into()),
        Cell::Text("00".into()),
        Cell::Text("0.5".into()),
        Cell::Text("-1".into()),
        Cell::Text("2024-03-01".into()),
        Cell::Text("510101199001011234".into()),
        Cell::Text("否".into()),
        Cell::Text("x".into()),
    ];
    for c in &data {
        assert!(!is_filler(c), "{c:?} is data");
    }
    // a row is filler when every cell is
    assert!(is_filler_row(&[]));
    assert!(is_filler_row(&[Cell::Int(0), Cell::Text("-".into()), Cell::Empty, Cell::Error("#N/A".into())]));
    assert!(is_filler_row(&[Cell::Text("/".into()), Cell::Text("无".into()), Cell::Float(0.0)]));
    assert!(!is_filler_row(&[Cell::Int(0), Cell::Text("张三".into()), Cell::Int(0)]));
    assert!(!is_filler_row(&[Cell::Text("-".into()), Cell::DateTime { serial: 45000.0, duration: false }]));
}

const HEAD: [&str; 5] = ["活动名称", "活动日期", "所属站点", "参与人数", "备注"];

/// An activities workbook: 19 real rows (Excel rows 2–20), a row with only a real name among
/// zeros (21), a row with only a real date among zeros (22), then `fillers` rows of formula
/// results and placeholders, five kinds in turn.
fn activities_with_fillers(fillers: u32) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name("活动").unwrap();
    for (c, h) in HEAD.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=19u32 {
        ws.write_string(r, 0, format!("社区活动{r:02}")).unwrap();
        ws.write_number_with_format(r, 1, 45300.0 + f64::from(r) * 7.0, &date).unwrap();
        ws.write_string(r, 2, ["站点A", "站点B", "站点C"][r as usize % 3]).unwrap();
        ws.write_number(r, 3, 10.0 + f64::from(r)).unwrap();
    }
    // data among zeros: a name, or a date, is enough
    ws.write_string(20, 0, "敬老院探访").unwrap();
    ws.write_formula(20, 3, Formula::new("=SUM(F21:G21)")).unwrap();
    ws.write_string(20, 4, "-").unwrap();
    ws.write_number_with_format(21, 1, 45400.0, &date).unwrap();
    ws.write_formula(21, 3, Formula::new("=SUM(F22:G22)")).unwrap();
    ws.write_string(21, 4, "0").unwrap();
    for k in 0..fillers {
        let r = 22 + k;
        match k % 5 {
            // formulas showing 0 (a date-formatted one shows 1900-01-00) and ""
            0 => {
                ws.write_formula(r, 0, Formula::new(format!("=IF(F{0}=\"\",\"\",F{0})", r + 1)).set_result(""))
                    .unwrap();
                ws.write_formula_with_format(r, 1, Formula::new(format!("=F{}*0", r + 1)), &date).unwrap();
                ws.write_formula(r, 2, Formula::new("=\"\"").set_result("")).unwrap();
                ws.write_formula(r, 3, Formula::new(format!("=SUM(F{0}:G{0})", r + 1))).unwrap();
                ws.write_formula(r, 4, Formula::new("=0*1")).unwrap();
            }
            // the same placeholder in every column
            1 => {
                for c in 0..5 {
                    ws.write_string(r, c, "-").unwrap();
                }
            }
            // placeholders and a zero count
            2 => {
                ws.write_string(r, 0, "/").unwrap();
                ws.write_string(r, 2, "/").unwrap();
                ws.write_number(r, 3, 0.0).unwrap();
            }
            // 无 in the name and the note
            3 => {
                ws.write_string(r, 0, "无").unwrap();
                ws.write_string(r, 4, "无").unwrap();
            }
            // spaces and a text zero
            _ => {
                ws.write_string(r, 0, "  ").unwrap();
                ws.write_string(r, 3, "0").unwrap();
                ws.write_string(r, 4, "\u{3000}").unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn formula_zeros_and_placeholders_in_xlsx_are_blank_rows() {
    let fillers = 40;
    let imp = one("活动.xlsx", &activities_with_fillers(fillers));
    let s = sheet0(&imp);
    assert_eq!(s.role, Some(Role::Activities));
    let t = &imp.tables;
    // 19 real rows, the name among zeros and the date among zeros
    assert_eq!(t.activities.len(), 21, "{:?}", s.counts);
    let c = s.counts;
    assert_eq!((c.read, c.blank, c.kept, c.left_out, c.skipped), (21 + u64::from(fillers), 40, 21, 0, 0));
    let named: Vec<&str> = t.activities.iter().map(|a| t.so(a.name)).collect();
    assert_eq!(named[19], "敬老院探访");
    assert_eq!(named[20], "");
    assert_eq!(t.activities[20].date, chrono::NaiveDate::from_ymd_opt(2024, 4, 18));
    assert_eq!(t.activities[20].participants, Some(0));
    // the name among zeros has no date: said once, for its row; nothing about the fillers
    assert_eq!(findings_from(s, 21), [b(21, "活动日期", K::MissingRequired, S::Error)]);
    assert!(s.preview.iter().all(|p| p.row <= 22), "fillers are not previewed");
}

/// The same in an xls saved with cached formula results (19 real rows, then 324 rows of
/// formulas showing 0: the issue's 343 activities).
#[test]
fn formula_zeros_in_xls_are_blank_rows() {
    let bytes = fixture("formula_zeros.xls");
    let imp = one("活动.xls", &bytes);
    let s = sheet0(&imp);
    assert_eq!(s.role, Some(Role::Activities));
    // the fixture does hold formula zeros (a date-formatted one and plain ones)
    assert_eq!(s.used_rows, 344);
    assert_eq!(imp.tables.activities.len(), 19, "{:?}", s.counts);
    let c = s.counts;
    assert_eq!((c.read, c.blank, c.kept, c.left_out), (343, 324, 19, 0));
    assert_eq!(findings_from(s, 2), []);
}

/// A stored zip of (name, bytes).
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts: zip::write::SimpleFileOptions =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        out.start_file(*name, opts).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// An ods of `rows` of table cells (already XML).
fn ods(rows: &[String]) -> Vec<u8> {
    let body: String = rows.iter().map(|r| format!("<table:table-row>{r}</table:table-row>")).collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="活动">{body}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

fn ods_text(t: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#)
}

fn ods_number(n: u32) -> String {
    format!(r#"<table:table-cell office:value-type="float" office:value="{n}"/>"#)
}

fn ods_date(d: &str) -> String {
    format!(r#"<table:table-cell office:value-type="date" office:date-value="{d}"/>"#)
}

/// A formula cell showing 0.
fn ods_zero_formula() -> String {
    r#"<table:table-cell table:formula="of:=SUM([.F2:.G2])" office:value-type="float" office:value="0"/>"#.into()
}

#[test]
fn formula_zeros_and_placeholders_in_ods_are_blank_rows() {
    let mut rows = vec![HEAD.iter().map(|h| ods_text(h)).collect::<String>()];
    for i in 1..=5u32 {
        rows.push(
            [
                ods_text(&format!("社区活动{i}")),
                ods_date(&format!("2024-03-0{i}")),
                ods_text("站点A"),
                ods_number(10 + i),
            ]
            .concat(),
        );
    }
    for k in 0..12 {
        rows.push(match k % 3 {
            0 => [ods_text(""), ods_zero_formula(), ods_zero_formula(), ods_zero_formula()].concat(),
            1 => [ods_text("-"), ods_text("-"), ods_text("-"), ods_text("-"), ods_text("-")].concat(),
            _ => [ods_text("无"), "<table:table-cell/>".into(), ods_text("/"), ods_number(0)].concat(),
        });
    }
    let imp = one("活动.ods", &ods(&rows));
    let s = sheet0(&imp);
    assert!(imp.files[0].error.is_none(), "{:?}", imp.files[0].error);
    assert_eq!(s.role, Some(Role::Activities));
    assert_eq!(imp.tables.activities.len(), 5, "{:?}", s.counts);
    let c = s.counts;
    assert_eq!((c.read, c.blank, c.kept, c.left_out), (17, 12, 5, 0));
    assert_eq!(findings_from(s, 2), []);
}

#[test]
fn placeholder_rows_in_csv_are_blank_and_real_rows_stay() {
    let csv = "姓名,服务日期,服务时长,活动名称\n\
        张三,2024-03-01,2,敬老\n\
        0,0,0,0\n\
        -,-,-,-\n\
        /,,,/\n\
        无,,0,无\n\
        ,  ,０,\n\
        #N/A,#N/A,0,\n\
        李四,0,0,-\n\
        -,2024-03-02,0,-\n\
        无锡,,,\n";
    let imp = one("记录.csv", csv.as_bytes());
    let s = sheet0(&imp);
    assert_eq!(s.role, Some(Role::Records));
    let c = s.counts;
    // six filler rows; 李四, the dated row and 无锡 (a name, not a placeholder) are data
    assert_eq!((c.read, c.blank, c.kept, c.left_out), (10, 6, 1, 3), "{c:?}");
    let rows: Vec<u32> = s.failed_rows.iter().map(|f| f.row).collect();
    assert_eq!(rows, [9, 10, 11]);
}

/// A participation matrix's zero counts do not make a nameless row a problem.
#[test]
fn a_formula_zero_in_a_count_does_not_keep_a_row() {
    let csv = "活动名称,活动日期,参与人数\n敬老,2024-03-01,12\n,,0\n,-,0\n";
    let imp = one("活动.csv", csv.as_bytes());
    let s = sheet0(&imp);
    assert_eq!(imp.tables.activities.len(), 1);
    assert_eq!((s.counts.blank, s.counts.left_out), (2, 0));
}

// ---------------------------------------------------------------------------------------
// 2. Used range and styled empty cells to XEU
// ---------------------------------------------------------------------------------------

const WIDE_COLS: usize = 38; // A..AL

fn roster_38(rows: u32) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("名册").unwrap();
    let mut head: Vec<String> =
        ["姓名", "性别", "手机号码", "所属站点", "注册日期"].iter().map(|s| s.to_string()).collect();
    head.extend((head.len()..WIDE_COLS).map(|i| format!("自定义{i}")));
    for (c, h) in head.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for r in 1..=rows {
        // generated names: a surname and one or two given characters
        let given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳"];
        let name = format!(
            "{}{}{}",
            ["张", "王", "李", "赵", "刘", "陈", "杨"][r as usize % 7],
            given[r as usize / 7 % 10],
            if r % 3 == 0 { given[r as usize % 10] } else { "" }
        );
        ws.write_string(r, 0, name).unwrap();
        ws.write_string(r, 1, if r % 2 == 0 { "女" } else { "男" }).unwrap();
        ws.write_string(r, 2, format!("139{:08}", r * 7919)).unwrap();
        ws.write_string(r, 3, "站点A").unwrap();
        ws.write_string(r, 4, format!("2023-{:02}-{:02}", 1 + r % 12, 1 + r % 28)).unwrap();
        for c in 5..WIDE_COLS {
            ws.write_string(r, c as u16, format!("值{r}-{c}")).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// The same workbook with the used range declared to XEU and, on every row, empty styled
/// cells at AM, AN, XET and XEU (a format applied to whole rows), plus 30 rows below the
/// data holding only such cells.
fn with_styled_cells_to_xeu(bytes: &[u8], rows: u32) -> Vec<u8> {
    edit_part(bytes, "xl/worksheets/sheet1.xml", |xml| {
        let xml = xml.replacen(&format!("<dimension ref=\"A1:AL{}\"/>", rows + 1), "<dimension ref=\"A1:XEU400\"/>", 1);
        assert!(xml.contains("A1:XEU400"), "the dimension was rewritten");
        let mut out = String::with_capacity(xml.len() * 2);
        let mut rest = xml.as_str();
        let mut n = 0u32;
        while let Some(at) = rest.find("</row>") {
            let head = &rest[..at];
            let r = head.rfind("<row r=\"").map(|i| &head[i + 8..]).and_then(|s| s.split('"').next()).unwrap();
            out.push_str(head);
            for col in ["AM", "AN", "XET", "XEU"] {
                out.push_str(&format!("<c r=\"{col}{r}\" s=\"0\"/>"));
            }
            out.push_str("</row>");
            rest = &rest[at + 6..];
            n += 1;
        }
        assert_eq!(n, rows + 1);
        let (tail_at, _) = rest.match_indices("</sheetData>").next().unwrap();
        out.push_str(&rest[..tail_at]);
        for r in rows + 2..rows + 32 {
            out.push_str(&format!("<row r=\"{r}\"><c r=\"A{r}\" s=\"0\"/><c r=\"XEU{r}\" s=\"0\"/></row>"));
        }
        out.push_str(&rest[tail_at..]);
        out
    })
}

#[test]
fn styled_empty_cells_to_xeu_are_not_columns() {
    let rows = 398; // Excel rows 2..=399: 400 rows with the header and the blank row below
    let plain = roster_38(rows);
    let styled = with_styled_cells_to_xeu(&plain, rows);
    let opts = ImportOptions::default();
    let started = std::time::Instant::now();
    let imp = import(&[FileInput { name: "名册.xlsx", bytes: &styled }], &opts);
    let took = started.elapsed();
    let started = std::time::Instant::now();
    let base = import(&[FileInput { name: "名册.xlsx", bytes: &plain }], &opts);
    let took_plain = started.elapsed();
    // Timing (not asserted; debug build, 2 shared cores): before this change 4.9–6.8 s, with
    // 16,375 columns in the report; after, 0.77 s against 0.69 s for the same file without
    // the styled cells (a release build was not measured).
    eprintln!("400 rows with styled cells to XEU: {took:?}; without them: {took_plain:?}");
    let (s, b) = (sheet0(&imp), sheet0(&base));
    assert_eq!(s.role, Some(Role::Volunteers));
    assert_eq!(s.columns.len(), WIDE_COLS);
    assert_eq!(s.columns.last().map(|c| c.letter.as_str()), Some("AL"));
    assert_eq!(s.used_columns, WIDE_COLS as u32);
    assert_eq!(s.used_rows, rows + 1);
    assert!(!s.preview.is_empty());
    assert!(s.preview.iter().all(|p| p.cells.len() == WIDE_COLS), "preview rows have 38 cells");
    assert_eq!(s.columns, b.columns);
    assert_eq!(s.preview, b.preview);
    assert_eq!(s.findings, b.findings);
    assert_eq!((s.counts.kept, s.counts.left_out), (u64::from(rows), 0));
    assert_eq!(b.counts.kept, u64::from(rows));
    assert_eq!(
        serde_json::to_value(&imp.tables).unwrap(),
        serde_json::to_value(&base.tables).unwrap(),
        "the same tables as without the styled cells"
    );
    assert!(imp.tables.has_field(Role::Volunteers, Field::Phone));
}

/// A CSV line padded with thousands of empty fields reports only the columns with data.
#[test]
fn trailing_empty_fields_are_not_columns() {
    let pad = ",".repeat(5000);
    let csv = format!("姓名,性别,所属站点{pad}\n张三,男,站点A{pad}\n李四,女,站点B{pad}\n");
    let imp = one("名册.csv", csv.as_bytes());
    let s = sheet0(&imp);
    assert_eq!(s.columns.len(), 3);
    assert_eq!(s.used_columns, 3);
    assert!(s.preview.iter().all(|p| p.cells.len() == 3));
    assert_eq!(imp.tables.volunteers.len(), 2);
}

// ---------------------------------------------------------------------------------------
// 3. Unreadable times
// ---------------------------------------------------------------------------------------

fn finding_at(s: &SheetOutcome, row: u32, column: &str) -> scorecard_domain::Finding {
    s.findings
        .iter()
        .find(|f| f.row == Some(row) && f.column.as_deref() == Some(column))
        .cloned()
        .unwrap_or_else(|| panic!("no finding at row {row}, column {column}: {:#?}", s.findings))
}

#[test]
fn an_unreadable_start_or_end_is_a_time_not_a_date() {
    let csv = "姓名,服务日期,开始时间,结束时间\n\
        张三,2024-03-01,九点左右,11:30\n\
        李四,2024-03-01,9:00,下班\n\
        王五,2024-03-01,9:00,11:30\n";
    let imp = one("记录.csv", csv.as_bytes());
    let s = sheet0(&imp);
    assert_eq!(s.role, Some(Role::Records));
    assert_eq!(imp.tables.records.len(), 1);
    let hours = { imp.tables.records[0].hours };
    assert_eq!(hours, 2.5);
    for (row, column, value) in [(2, "开始时间", "九点左右"), (3, "结束时间", "下班")] {
        let f = finding_at(s, row, column);
        assert_eq!((f.kind, f.severity), (K::UnreadableTime, S::Error), "{f:?}");
        assert!(f.message.contains(&format!("「{value}」")), "{}", f.message);
        assert!(f.message.contains(&format!("不是能识别的{column}")), "names the time: {}", f.message);
        assert!(f.message.contains("9:00"), "says what to write: {}", f.message);
        assert!(!f.message.contains("日期"), "not a date: {}", f.message);
        assert!(f.message_en.contains("time") && !f.message_en.contains("date"), "{}", f.message_en);
        assert!(!s.findings.iter().any(|f| f.kind == K::UnreadableDate), "{:#?}", s.findings);
    }
    // one finding per row: the unreadable time, not "hours missing" besides
    assert_eq!(
        findings_from(s, 2),
        [b(2, "开始时间", K::UnreadableTime, S::Error), b(3, "结束时间", K::UnreadableTime, S::Error)]
    );
}

/// Without a date column the start carries the date: the message says so.
#[test]
fn an_unreadable_start_without_a_date_column_asks_for_date_and_time() {
    let csv = "志愿者编号,姓名,活动名称,签到时间,签退时间\n\
        V001,张三,敬老,上午,2024-03-01 11:30\n\
        V002,李四,敬老,2024-03-01 9:00,2024-03-01 11:30\n";
    let imp = one("记录.csv", csv.as_bytes());
    let s = sheet0(&imp);
    assert_eq!(s.role, Some(Role::Records));
    assert_eq!(imp.tables.records.len(), 1);
    let f = finding_at(s, 2, "签到时间");
    assert_eq!(f.kind, K::UnreadableTime);
    // the one finding of the row: not a missing date or missing hours besides
    assert_eq!(findings_from(s, 2), [b(2, "签到时间", K::UnreadableTime, S::Error)]);
    assert!(f.message.contains("不是能识别的开始时间"), "{}", f.message);
    assert!(f.message.contains("2017-06-12 9:00"), "{}", f.message);
}

#[test]
fn an_unreadable_span_is_a_time() {
    let csv = "姓名,服务日期,服务时段\n张三,2024-03-01,上午\n李四,2024-03-01,9:00-11:30\n";
    let imp = one("记录.csv", csv.as_bytes());
    let s = sheet0(&imp);
    assert_eq!(imp.tables.records.len(), 1);
    let f = finding_at(s, 2, "服务时段");
    assert_eq!((f.kind, f.severity), (K::UnreadableTime, S::Error));
    assert!(f.message.contains("「上午」") && f.message.contains("9:00-11:30"), "{}", f.message);
    assert!(!f.message.contains("日期"), "{}", f.message);
}

// ---------------------------------------------------------------------------------------
// 4. Counts that are no whole number
// ---------------------------------------------------------------------------------------

#[test]
fn a_count_that_is_no_whole_number_is_a_finding() {
    use V::{N, S as T};
    let bytes = xlsx(&[sheet(
        "培训",
        rows(vec![
            vec![T("培训日期"), T("培训主题"), T("参训人数")],
            vec![T("2024-03-01"), T("骨干培训1"), N(12.5)],
            vec![T("2024-03-02"), T("骨干培训2"), T("约20")],
            vec![T("2024-03-03"), T("骨干培训3"), T("12.5人")],
            vec![T("2024-03-04"), T("骨干培训4"), N(30.0)],
            vec![T("2024-03-05"), T("骨干培训5"), T("18人")],
        ]),
    )]);
    let imp = one("培训.xlsx", &bytes);
    let s = sheet0(&imp);
    assert_eq!(s.role, Some(Role::Trainings));
    let got: Vec<Option<u32>> = imp.tables.trainings.iter().map(|t| t.participants).collect();
    assert_eq!(got, [None, None, None, Some(30), Some(18)]);
    assert_eq!(
        brief(s),
        [
            b(2, "参训人数", K::UnreadableNumber, S::Error),
            b(3, "参训人数", K::UnreadableNumber, S::Error),
            b(4, "参训人数", K::UnreadableNumber, S::Error),
        ]
    );
    for (f, v) in s.findings.iter().zip(["12.5", "约20", "12.5人"]) {
        assert!(f.message.contains(&format!("「{v}」")) && f.message.contains("整数"), "{}", f.message);
        assert!(f.message_en.contains("whole number"), "{}", f.message_en);
    }
}
