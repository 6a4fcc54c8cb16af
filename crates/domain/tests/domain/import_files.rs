//! Whole imports: several files and sheets into one set of tables, hostile files, sheets
//! that are no table, hand overrides and remembered mappings, the failed-rows workbook,
//! progress and cancellation, and the caps that keep a huge bad sheet bounded.

use crate::support::import::*;
use crate::support::{count_panics, fixture, panics_on_this_thread};
use calamine::{Data, Reader, Xlsx};
use scorecard_domain::export::failed_rows_xlsx;
use scorecard_domain::finding::FINDINGS_PER_KIND;
use scorecard_domain::import::*;
use scorecard_domain::model::{Field, Role};
use scorecard_domain::{FindingKind as K, Severity as S};
use std::io::Cursor;
use std::ops::ControlFlow;
use V::*;

fn workbook_with_four_tables() -> Vec<u8> {
    xlsx(&[
        sheet("说明", rows(vec![vec![S("本表由新桥社区填报")], vec![S("请勿修改表头")]])),
        sheet(
            "名册",
            rows(vec![vec![S("志愿者编号"), S("姓名"), S("所属站点")], vec![S("V001"), S("张三"), S("新桥社区")]]),
        ),
        sheet(
            "服务记录",
            rows(vec![
                vec![S("志愿者编号"), S("服务日期"), S("服务时长"), S("所属站点")],
                vec![S("V001"), Date(42898.0), N(2.0), S("新桥社区")],
            ]),
        ),
        sheet(
            "活动",
            rows(vec![
                vec![S("活动名称"), S("活动日期"), S("所属站点")],
                vec![S("敬老"), Date(42898.0), S("新桥社区")],
            ]),
        ),
        sheet(
            "培训",
            rows(vec![
                vec![S("培训日期"), S("培训主题"), S("所属站点")],
                vec![Date(42898.0), S("骨干"), S("新桥社区")],
            ]),
        ),
        sheet("空表", vec![]),
        sheet(
            "未知",
            rows(vec![vec![S("日期"), S("主题"), S("所属站点")], vec![S("2017-06-12"), S("x"), S("新桥社区")]]),
        ),
    ])
}

#[test]
fn several_files_and_sheets_append_into_one_set_of_tables() {
    let book = workbook_with_four_tables();
    let more = "志愿者编号,服务日期,服务时长\nV001,2017-06-13,3\n";
    let files =
        [FileInput { name: "新桥.xlsx", bytes: &book }, FileInput { name: "补充记录.csv", bytes: more.as_bytes() }];
    let imp = import(&files, &ImportOptions::default());
    assert!(imp.all_read());
    let roles: Vec<(&str, Option<Role>)> = imp.files[0].sheets.iter().map(|s| (s.name.as_str(), s.role)).collect();
    assert_eq!(
        roles,
        [
            ("说明", None),
            ("名册", Some(Role::Volunteers)),
            ("服务记录", Some(Role::Records)),
            ("活动", Some(Role::Activities)),
            ("培训", Some(Role::Trainings)),
            ("空表", None),
            ("未知", None),
        ]
    );
    let t = &imp.tables;
    assert_eq!((t.volunteers.len(), t.records.len(), t.activities.len(), t.trainings.len()), (1, 2, 1, 1));
    let sources: Vec<(&str, &str, Role)> =
        t.sources.iter().map(|s| (s.file.as_str(), s.sheet.as_str(), s.role)).collect();
    assert_eq!(
        sources,
        [
            ("新桥.xlsx", "名册", Role::Volunteers),
            ("新桥.xlsx", "服务记录", Role::Records),
            ("新桥.xlsx", "活动", Role::Activities),
            ("新桥.xlsx", "培训", Role::Trainings),
            ("补充记录.csv", "", Role::Records),
        ]
    );
    assert_eq!((t.records[0].at.source, t.records[1].at.source), (1, 4));
    assert_eq!(t.records[0].volunteer_no, t.records[1].volunteer_no, "one interner for all files");
    assert_eq!(t.records[0].station, t.volunteers[0].station);
    // the sheets that are no table say why
    let unknown: Vec<(&str, K, S)> = imp
        .findings
        .iter()
        .filter(|f| f.kind == K::UnknownSheet)
        .map(|f| (f.sheet.as_deref().unwrap_or(""), f.kind, f.severity))
        .collect();
    assert_eq!(
        unknown,
        [
            ("说明", K::UnknownSheet, S::Warning),
            ("空表", K::UnknownSheet, S::Info),
            ("未知", K::UnknownSheet, S::Warning)
        ]
    );
    let no_header = imp.findings.iter().find(|f| f.sheet.as_deref() == Some("说明")).unwrap();
    assert!(
        no_header.message.contains("没有找到表头行") && no_header.message.contains("服务记录："),
        "{}",
        no_header.message
    );
    // dated themes and stations, no people: an activity list or a training list; the import
    // offers the likelier as one click, naming the headers it rests on
    let ambiguous = imp.findings.iter().find(|f| f.sheet.as_deref() == Some("未知")).unwrap();
    assert!(ambiguous.message.contains("活动记录（日期、主题、所属站点）"), "{}", ambiguous.message);
    let guess = imp.files[0].sheets.iter().find(|s| s.name == "未知").and_then(|s| s.guess.clone()).unwrap();
    assert_eq!(guess.role, scorecard_domain::model::Role::Activities);
    let unknown_sheet = &imp.files[0].sheets[6];
    assert_eq!(unknown_sheet.preview.len(), 1, "rows of an unknown sheet are previewed so the clerk can pick its role");
    assert_eq!(unknown_sheet.preview[0].status, RowStatus::NotImported);
}

#[test]
fn hostile_files_give_errors_never_panics_and_the_others_still_load() {
    let good = workbook_with_four_tables();
    let truncated = good[..good.len() / 2].to_vec();
    let cfb_junk: Vec<u8> =
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1].iter().copied().chain([7u8; 600]).collect();
    let files = [
        FileInput { name: "截断.xlsx", bytes: &truncated },
        FileInput { name: "名册.xlsx", bytes: "姓名,性别\n张三,男\n".as_bytes() },
        FileInput { name: "空.csv", bytes: b"" },
        FileInput { name: "旧表.xls", bytes: &cfb_junk },
        FileInput { name: "~$名册.xlsx", bytes: b"\x05user  " },
        FileInput { name: "网页.xls", bytes: b"<html><body><table><tr><td>1</td></tr></table></body></html>" },
        FileInput { name: "好.xlsx", bytes: &good },
    ];
    let imp = import(&files, &ImportOptions::default());
    let errors: Vec<Option<ImportError>> = imp.files.iter().map(|f| f.error.clone()).collect();
    assert!(matches!(&errors[0], Some(ImportError::Read { error: ReadError::Corrupt { .. } })), "{:?}", errors[0]);
    assert_eq!(
        errors[1],
        Some(ImportError::Read { error: ReadError::NotASpreadsheet { found: NotSpreadsheet::Text } })
    );
    assert_eq!(errors[2], Some(ImportError::Read { error: ReadError::Empty }));
    assert!(matches!(&errors[3], Some(ImportError::Read { error: ReadError::Corrupt { .. } })), "{:?}", errors[3]);
    assert_eq!(
        errors[4],
        Some(ImportError::Read { error: ReadError::NotASpreadsheet { found: NotSpreadsheet::ExcelLockFile } })
    );
    assert_eq!(
        errors[5],
        Some(ImportError::Read { error: ReadError::NotASpreadsheet { found: NotSpreadsheet::Html } })
    );
    assert_eq!(errors[6], None);
    assert!(!imp.all_read());
    let unreadable: Vec<&str> =
        imp.findings.iter().filter(|f| f.kind == K::UnreadableFile).map(|f| f.file.as_str()).collect();
    assert_eq!(unreadable, ["截断.xlsx", "名册.xlsx", "空.csv", "旧表.xls", "~$名册.xlsx", "网页.xls"]);
    let renamed = imp.findings.iter().find(|f| f.file == "名册.xlsx").unwrap();
    assert!(renamed.message.contains("名册.xlsx") && renamed.message.contains(".csv"), "{}", renamed.message);
    let html = imp.findings.iter().find(|f| f.file == "网页.xls").unwrap();
    assert!(html.message.contains("另存为 .xlsx"), "{}", html.message);
    assert_eq!(imp.tables.volunteers.len(), 1, "the good file still loads");
}

/// A zip package with these members (for packages no writer here makes).
fn package(members: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in members {
        z.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// An OLE compound file header followed by junk that names these streams (UTF-16LE).
fn compound_naming(streams: &[&str]) -> Vec<u8> {
    let mut v: Vec<u8> = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1].to_vec();
    v.extend([0u8; 600]);
    for s in streams {
        v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    }
    v
}

#[test]
fn what_a_file_is_when_it_is_no_workbook_we_read() {
    let read_error = |name: &str, bytes: &[u8]| match one(name, bytes).files.remove(0).error {
        Some(ImportError::Read { error }) => error,
        other => panic!("{name}: {other:?}"),
    };
    let xlsb = package(&[(
        "[Content_Types].xml",
        "<Types><Override ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\"/></Types>",
    )]);
    assert!(matches!(read_error("a.xlsb", &xlsb), ReadError::Unsupported { format } if format.contains("xlsb")));
    let docx = package(&[("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")]);
    assert_eq!(read_error("a.xlsx", &docx), ReadError::NotASpreadsheet { found: NotSpreadsheet::Word });
    let odt = package(&[("mimetype", "application/vnd.oasis.opendocument.text")]);
    assert_eq!(read_error("a.ods", &odt), ReadError::NotASpreadsheet { found: NotSpreadsheet::Word });
    let plain_zip = package(&[("a.txt", "x")]);
    assert_eq!(read_error("a.xlsx", &plain_zip), ReadError::NotASpreadsheet { found: NotSpreadsheet::Archive });
    assert_eq!(read_error("a.xlsx", &compound_naming(&["EncryptedInfo", "EncryptedPackage"])), ReadError::Encrypted);
    assert_eq!(
        read_error("a.xls", &compound_naming(&["WordDocument"])),
        ReadError::NotASpreadsheet { found: NotSpreadsheet::Word }
    );
    assert!(matches!(
        read_error("a.et", &compound_naming(&["Other"])),
        ReadError::Unsupported { format } if format.contains(".et")
    ));
    assert_eq!(read_error("a.xlsx", b"%PDF-1.7"), ReadError::NotASpreadsheet { found: NotSpreadsheet::Pdf });
    let encrypted = one("名册.xlsx", &compound_naming(&["EncryptedPackage"]));
    assert!(encrypted.findings[0].message.contains("密码"), "{}", encrypted.findings[0].message);

    // A damaged file named as no workbook is what its name says, not "an invalid zip";
    // a photo is not told to be re-saved in WPS; a damaged workbook's technical words
    // come last, after what the clerk can do.
    let broken_zip = b"PK\x03\x04 not really a zip".as_slice();
    assert_eq!(read_error("总结.docx", broken_zip), ReadError::NotASpreadsheet { found: NotSpreadsheet::Word });
    assert_eq!(read_error("名册.jpg", b"\x00\x01binary"), ReadError::NotASpreadsheet { found: NotSpreadsheet::Image });
    assert!(matches!(read_error("名册.xlsx", broken_zip), ReadError::Corrupt { .. }));
    let photo = one("名册照片.jpg", b"\xFF\xD8\xFF\xE0 jpeg");
    let m = &photo.findings[0].message;
    assert!(
        m.starts_with("文件「名册照片.jpg」不是表格文件，而是图片。")
            && m.contains("无法直接读取")
            && !m.contains("另存"),
        "{m}"
    );
    let broken = one("名册.xlsx", broken_zip);
    let m = &broken.findings[0].message;
    assert!(
        m.starts_with("文件「名册.xlsx」已损坏或不完整，无法读取。")
            && m.ends_with("）")
            && m.contains("（技术信息：zip: "),
        "{m}"
    );
}

/// Damaged files must not even panic-and-recover: in the browser a panic aborts the worker.
/// One exception is counted out: calamine's u16 arithmetic on a damaged xls record overflows
/// under the test profile's overflow checks; release builds (the wasm app) wrap there, fail
/// calamine's length check and return an error.
#[test]
fn damaged_workbooks_never_panic() {
    count_panics();
    let before = panics_on_this_thread();
    let mut tried = 0;
    let mut damage = |name: &str, good: &[u8], step_cut: usize, step_flip: usize| {
        for cut in (0..good.len()).step_by(step_cut) {
            let _ = one(name, &good[..cut]);
            tried += 1;
        }
        for at in (0..good.len()).step_by(step_flip) {
            for x in [0x5Au8, 0xFF] {
                let mut bad = good.to_vec();
                bad[at] ^= x;
                let _ = one(name, &bad);
                tried += 1;
            }
        }
    };
    damage("cut.xlsx", &workbook_with_four_tables(), 97, 61);
    damage("cut.xls", &fixture("roster_title_rows.xls"), 29, 17);
    damage("cut.ods", &fixture("roster_title_rows.ods"), 97, 61);
    damage("cut.csv", &gbk("姓名,服务日期,服务时长\n\"张三\",2017-06-12,2\n"), 1, 1);
    assert!(tried > 1000);
    assert_eq!(panics_on_this_thread() - before, 0, "a reader panicked (caught, but fatal in wasm)");
}

/// A sheet whose headers are no known words (甲, 乙, 丙): not imported, but its rows are
/// shown so the clerk sees what it holds; once they say what it is, its rows with data are
/// "not imported" until a column is mapped, never "blank".
#[test]
fn an_unknown_sheet_shows_its_rows_and_is_never_counted_blank() {
    let csv = "甲,乙,丙\n张三,2017-03-05,2\n\n李四,2017-04-06,3\n";
    let imp = one("甲乙丙.csv", csv.as_bytes());
    let sheet = &imp.files[0].sheets[0];
    assert_eq!((sheet.role, sheet.header_rows), (None, None));
    let rows: Vec<(u32, Vec<String>)> = sheet.preview.iter().map(|r| (r.row, r.cells.clone())).collect();
    let text = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        rows,
        vec![
            (1, text(&["甲", "乙", "丙"])),
            (2, text(&["张三", "2017-03-05", "2"])),
            (4, text(&["李四", "2017-04-06", "3"])),
        ]
    );
    assert!(sheet.preview.iter().all(|r| r.status == RowStatus::NotImported));

    let hand = SheetOverride {
        file: "甲乙丙.csv".into(),
        sheet: String::new(),
        role: Some(Role::Records),
        ignore: false,
        header_rows: None,
        columns: vec![],
        wide: None,
        date_orders: vec![],
        matrix: None,
    };
    let opts = ImportOptions { overrides: vec![hand], ..Default::default() };
    let imp = import(&[FileInput { name: "甲乙丙.csv", bytes: csv.as_bytes() }], &opts);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(sheet.header_rows, Some(HeaderRows { first: 1, last: 1 }));
    let c = &sheet.counts;
    assert_eq!((c.read, c.blank, c.kept, c.left_out), (3, 1, 0, 2), "{c:?}");
    assert_eq!(sheet.preview.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 4]);
    assert!(sheet.findings.iter().any(|f| f.kind == K::MissingRequired && f.severity == S::Error));
}

#[test]
fn hand_overrides_and_a_remembered_mapping() {
    let csv = "表一\n名目,时辰,时量,处所\n张三,2017-06-12,2,新桥社区\n";
    let imp = one("六月.csv", csv.as_bytes());
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(sheet.role, None, "nothing here is a known header");
    // The clerk sets the header row, the role and the columns by hand.
    let hand = SheetOverride {
        file: "六月.csv".into(),
        sheet: String::new(),
        role: Some(Role::Records),
        ignore: false,
        header_rows: Some(HeaderRows { first: 2, last: 2 }),
        columns: vec![
            ColumnOverride { column: 0, field: Some(Field::Name) },
            ColumnOverride { column: 1, field: Some(Field::Date) },
            ColumnOverride { column: 2, field: Some(Field::Hours) },
            ColumnOverride { column: 3, field: Some(Field::Station) },
        ],
        wide: None,
        date_orders: vec![],
        matrix: None,
    };
    let opts = ImportOptions { overrides: vec![hand], ..Default::default() };
    let imp = import(&[FileInput { name: "六月.csv", bytes: csv.as_bytes() }], &opts);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(
        (sheet.role, sheet.role_source, sheet.header_rows),
        (Some(Role::Records), Source::Hand, Some(HeaderRows { first: 2, last: 2 }))
    );
    assert!(sheet.columns.iter().all(|c| c.source == Source::Hand));
    assert_eq!(imp.tables.records.len(), 1);
    assert!(sheet.findings.is_empty(), "{:?}", sheet.findings);

    // Remembered by header signature, the mapping applies to next month's file by itself.
    let saved = saved_mapping_for(sheet).unwrap();
    assert_eq!(saved.signature, "名目|时辰|时量|处所");
    let json = serde_json::to_string(&saved).unwrap();
    let saved: SavedMapping = serde_json::from_str(&json).unwrap();
    let july = "名 目,时辰,时量,处所\n李四,2017-07-01,3,大丰社区\n";
    let opts = ImportOptions { saved: vec![saved], ..Default::default() };
    let imp = import(&[FileInput { name: "七月.csv", bytes: july.as_bytes() }], &opts);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!((sheet.role, sheet.role_source), (Some(Role::Records), Source::Saved));
    let t = &imp.tables;
    assert_eq!((t.so(t.records[0].name), t.records[0].hours, t.so(t.records[0].station)), ("李四", 3.0, "大丰社区"));

    // A sheet can be left out by hand.
    let opts = ImportOptions {
        overrides: vec![SheetOverride { file: "六月.csv".into(), ignore: true, ..Default::default() }],
        ..Default::default()
    };
    let imp = import(&[FileInput { name: "六月.csv", bytes: csv.as_bytes() }], &opts);
    assert_eq!((imp.files[0].sheets[0].role, imp.files[0].sheets[0].role_source), (None, Source::Hand));
    assert!(imp.findings.is_empty());

    // Options round-trip through JSON (the draft, the CLI context file).
    let json = serde_json::to_string(&opts).unwrap();
    assert_eq!(serde_json::from_str::<ImportOptions>(&json).unwrap(), opts);
}

#[test]
fn failed_rows_workbook_keeps_the_original_columns_and_writes_text_not_formulas() {
    let csv =
        "姓名,服务日期,服务时长,备注\n张三,2017-06-12,2,=SUM(A1:A9)\n李四,2017-06-13,30,+86 正常\n王五,昨天,2,-5\n\
        赵六,2017-06-14,2,@x\n合计,,6,\n";
    let imp = one("六月记录.csv", csv.as_bytes());
    let bytes = failed_rows_xlsx(&imp).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["六月记录"]);
    let range = book.worksheet_range("六月记录").unwrap();
    let text = |r: usize, c: usize| match range.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(other) => format!("{other:?}"),
        None => String::new(),
    };
    let header: Vec<String> = (0..6).map(|c| text(0, c)).collect();
    assert_eq!(header, ["姓名", "服务日期", "服务时长", "备注", "原行号", "问题说明"]);
    assert_eq!(range.height(), 3, "header + the two rows with problems (the totals row is info only)");
    assert_eq!(
        (text(1, 0), text(1, 2), text(1, 3), text(1, 4)),
        ("李四".into(), "30".into(), "+86 正常".into(), "3".into())
    );
    assert!(text(1, 5).contains("「服务时长」") && text(1, 5).contains("不能超过 24 小时"));
    assert_eq!(
        (text(2, 0), text(2, 1), text(2, 3), text(2, 4)),
        ("王五".into(), "昨天".into(), "-5".into(), "4".into())
    );
    let formulas = book.worksheet_formula("六月记录").unwrap();
    assert!(formulas.used_cells().next().is_none(), "no cell became a formula");

    // The row with "=SUM(…)" had no problem, so it is not there; a problem row holding a
    // formula-looking text is written as text too:
    let csv = "姓名,服务日期,服务时长\n=HYPERLINK(\"x\"),2017-06-12,99\n";
    let imp = one("f.csv", csv.as_bytes());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(failed_rows_xlsx(&imp).unwrap())).unwrap();
    let range = book.worksheet_range("f").unwrap();
    assert_eq!(range.get((1, 0)), Some(&Data::String("=HYPERLINK(\"x\")".into())));
    assert!(book.worksheet_formula("f").unwrap().used_cells().next().is_none());

    // No problems at all: one sheet saying so.
    let clean = one("ok.csv", "姓名,服务日期,服务时长\n张三,2017-06-12,2\n".as_bytes());
    let book: Xlsx<_> = Xlsx::new(Cursor::new(failed_rows_xlsx(&clean).unwrap())).unwrap();
    assert_eq!(book.sheet_names(), ["说明"]);
}

fn many_records(n: usize, hours: &str) -> String {
    let mut s = String::from("志愿者编号,服务日期,服务时长\n");
    for i in 0..n {
        s.push_str(&format!("V{i},2017-06-12,{hours}\n"));
    }
    s
}

#[test]
fn progress_is_reported_and_cancel_stops() {
    let csv = many_records(10_000, "2");
    let mut seen = Vec::new();
    let imp = import_with_progress(
        &[FileInput { name: "big.csv", bytes: csv.as_bytes() }],
        &ImportOptions::default(),
        &mut |p| {
            seen.push((p.file_index, p.rows_done));
            ControlFlow::Continue(())
        },
    );
    assert_eq!(seen, [(0, 0), (0, 4096), (0, 8192)]);
    assert_eq!(imp.tables.records.len(), 10_000);
    assert!(!imp.cancelled);

    // Over several files the rows of the finished ones are carried exactly: the first file
    // is 10,001 rows (header included), which no report of its own reaches.
    let small = many_records(99, "1");
    let files = [
        FileInput { name: "big.csv", bytes: csv.as_bytes() },
        FileInput { name: "small.csv", bytes: small.as_bytes() },
    ];
    let mut seen = Vec::new();
    import_with_progress(&files, &ImportOptions::default(), &mut |p| {
        seen.push((p.file_index, p.rows_before, p.rows_done, p.rows()));
        ControlFlow::Continue(())
    });
    assert_eq!(seen, [(0, 0, 0, 0), (0, 0, 4096, 4096), (0, 0, 8192, 8192), (1, 10_001, 0, 10_001)]);

    let imp = import_with_progress(
        &[FileInput { name: "big.csv", bytes: csv.as_bytes() }],
        &ImportOptions::default(),
        &mut |p| {
            if p.rows_done >= 4096 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    );
    assert!(imp.cancelled);
    assert_eq!(imp.files[0].error, Some(ImportError::Cancelled));
    assert_eq!(imp.tables.records.len(), 4095, "rows 2…4096 of the file (row 1 is the header)");
}

#[test]
fn a_huge_bad_sheet_stays_bounded() {
    let csv = many_records(6_000, "很久");
    let imp = one("bad.csv", csv.as_bytes());
    let sheet = &imp.files[0].sheets[0];
    let listed = sheet.findings.iter().filter(|f| f.kind == K::UnreadableHours && f.row.is_some()).count() as u64;
    assert_eq!(listed, FINDINGS_PER_KIND);
    let summary = sheet.findings.iter().find(|f| f.kind == K::UnreadableHours && f.row.is_none()).unwrap();
    assert!(summary.message.contains("另有 5800 处"), "{}", summary.message);
    assert_eq!(sheet.failed_rows.len(), FAILED_ROWS_CAP);
    assert!(sheet.failed_rows_capped);
    assert!(sheet.findings.iter().any(|f| f.message.contains("只收录了前 5000 行")));
    assert_eq!((sheet.counts.read, sheet.counts.left_out), (6_000, 6_000));
}

#[test]
fn the_report_is_json() {
    let imp = one("新桥.xlsx", &workbook_with_four_tables());
    let json = serde_json::to_value(&imp.files).unwrap();
    assert_eq!(json[0]["format"], "xlsx");
    assert_eq!(json[0]["sheets"][1]["role"], "volunteers");
    assert_eq!(json[0]["sheets"][1]["columns"][1]["field"], "name");
    assert_eq!(json[0]["sheets"][1]["header_rows"]["first"], 1);
    let back: Vec<FileOutcome> = serde_json::from_value(json).unwrap();
    assert_eq!(back, imp.files);
}

/// A sheet whose headers are all unknown: once the clerk says it is a record sheet, the
/// widest of the first rows (not the one-cell title above it) becomes the header to map.
#[test]
fn a_hand_role_on_unknown_headers_takes_the_widest_row_as_header() {
    use scorecard_domain::import::{import, FileInput, HeaderRows, ImportOptions, SheetOverride};
    use scorecard_domain::model::Role;
    let csv = "某镇服务记录导出\n编码,称呼,哪天,几个钟头\nV1,张三,2017-03-05,2\n";
    let plain = import(&[FileInput { name: "r.csv", bytes: csv.as_bytes() }], &ImportOptions::default());
    assert_eq!(plain.files[0].sheets[0].header_rows, None);
    let hand = SheetOverride { file: "r.csv".into(), role: Some(Role::Records), ..Default::default() };
    let opts = ImportOptions { overrides: vec![hand], ..Default::default() };
    let imp = import(&[FileInput { name: "r.csv", bytes: csv.as_bytes() }], &opts);
    let s = &imp.files[0].sheets[0];
    assert_eq!(s.header_rows, Some(HeaderRows { first: 2, last: 2 }));
    let headers: Vec<&str> = s.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["编码", "称呼", "哪天", "几个钟头"]);
    assert_eq!(s.role, Some(Role::Records));
}

/// An xlsm (a macro-enabled workbook: same package, another content type, a VBA part) reads
/// like the xlsx it is, and says it is an xlsm.
#[test]
fn a_macro_enabled_workbook_reads_like_xlsx() {
    use std::io::{Read, Write};
    let book = workbook_with_four_tables();
    let mut src = zip::ZipArchive::new(Cursor::new(book.as_slice())).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..src.len() {
        let mut part = src.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "[Content_Types].xml" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains("spreadsheetml.sheet.main+xml"));
            bytes = text
                .replace("spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml")
                .replace("<Default Extension=\"xml\"", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default Extension=\"xml\"")
                .into_bytes();
        }
        out.start_file(name, opts).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.start_file("xl/vbaProject.bin", opts).unwrap();
    out.write_all(b"\xD0\xCF\x11\xE0 not run, not read").unwrap();
    let xlsm = out.finish().unwrap().into_inner();

    let imp = import(&[FileInput { name: "新桥(宏).xlsm", bytes: &xlsm }], &ImportOptions::default());
    assert!(imp.all_read(), "{:?}", imp.files[0].error);
    assert_eq!(imp.files[0].format, Some(Format::Xlsm));
    let t = &imp.tables;
    assert_eq!((t.volunteers.len(), t.records.len(), t.activities.len(), t.trainings.len()), (1, 1, 1, 1));
    assert_eq!(t.so(t.volunteers[0].name), "张三");
}
