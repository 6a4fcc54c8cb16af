//! The xlsx scanner (`formats/xlsx_book.rs` + `formats/xlsx_scan.rs`) against calamine, the
//! independent reference: every workbook here is read both ways and must give the same sheet
//! names, date system, rows, cells and errors. Each case also says whether the scanner must
//! read every sheet itself (`Scanned::All`) or hand some to calamine (`Scanned::Some(n)`), so a
//! scanner that always gave up would fail.

use crate::support::hostile::{zip, Part};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use scorecard_domain::import::formats::xlsx_rows;
use scorecard_domain::import::input::cell::{Cell, DateSystem};

#[derive(Debug, Clone, Copy)]
enum Scanned {
    /// Every sheet read by the scanner to its end.
    All,
    /// This many sheets read by it to their end (the rest resumed by calamine).
    Some(usize),
}

/// Reads `bytes` both ways; they must agree; the scanner must have read what `scanned` says.
fn check(name: &str, bytes: &[u8], scanned: Scanned) -> scorecard_domain::import::formats::XlsxRows {
    let reference = xlsx_rows(bytes, true);
    let ours = xlsx_rows(bytes, false);
    let (reference, ours) = match (reference, ours) {
        (Ok(r), Ok(o)) => (r, o),
        (Err(r), Err(o)) => {
            assert_eq!(r, o, "{name}: both refuse the file, with the same error");
            panic!("{name}: unreadable: {r:?}");
        }
        (r, o) => panic!("{name}: calamine {r:?}\nscanner {o:?}"),
    };
    assert_eq!(ours.dates, reference.dates, "{name}: date system");
    let names =
        |x: &scorecard_domain::import::formats::XlsxRows| x.sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&ours), names(&reference), "{name}: sheets");
    for (o, r) in ours.sheets.iter().zip(&reference.sheets) {
        assert_eq!(o.rows.len(), r.rows.len(), "{name}/{}: row count", r.name);
        for (a, b) in o.rows.iter().zip(&r.rows) {
            assert_eq!(a, b, "{name}/{}: row {}", r.name, b.0 + 1);
        }
        assert_eq!(o.error, r.error, "{name}/{}: error", r.name);
    }
    let want = match scanned {
        Scanned::All => ours.sheets.len(),
        Scanned::Some(n) => n,
    };
    assert_eq!(ours.scanned, want, "{name}: sheets the scanner read to the end");
    assert_eq!(reference.scanned, 0);
    ours
}

/// A workbook of every kind of cell rust_xlsxwriter writes (as Excel and WPS do): shared
/// strings with spaces, entities, Excel escapes and rich runs; numbers; dates, times and
/// durations in built-in and custom formats; booleans; formulas with cached results.
fn every_kind_of_cell() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ymd = Format::new().set_num_format("yyyy-mm-dd");
    let cn = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let hm = Format::new().set_num_format("h:mm");
    let dur = Format::new().set_num_format("[h]:mm");
    let money = Format::new().set_num_format("#,##0.00");
    let builtin = Format::new().set_num_format_index(14);
    let red = Format::new().set_font_color("#FF0000");
    let ws = wb.add_worksheet();
    ws.set_name("服务记录").unwrap();
    let texts = [
        "张三",
        "  前后有空格  ",
        "A & B <志愿> \"引号\" '单引号'",
        "第一行\n第二行",
        "Windows\r\n换行",
        "字面量 _x000D_ 不是转义",
        "\u{3000}全角空格\u{3000}",
        "😀 表情",
        "",
    ];
    for (i, t) in texts.iter().enumerate() {
        ws.write_string(i as u32, 0, *t).unwrap();
    }
    let numbers = [0.0, 1.0, -7.0, 2.5, 1e-5, 123456789012345.0, 5.10114e17, 42898.395833333336, -0.0];
    for (i, n) in numbers.iter().enumerate() {
        ws.write_number(i as u32, 1, *n).unwrap();
        ws.write_number_with_format(i as u32, 2, *n, &money).unwrap();
    }
    let day = ExcelDateTime::from_ymd(2017, 6, 12).unwrap();
    ws.write_datetime_with_format(0, 3, &day, &ymd).unwrap();
    ws.write_datetime_with_format(1, 3, &day, &cn).unwrap();
    ws.write_number_with_format(2, 3, 0.0625, &hm).unwrap();
    ws.write_number_with_format(3, 3, 1.5, &dur).unwrap();
    ws.write_number_with_format(4, 3, 42898.0, &builtin).unwrap();
    ws.write_boolean(0, 4, true).unwrap();
    ws.write_boolean(1, 4, false).unwrap();
    ws.write_formula(0, 5, Formula::new("=B2+B3").set_result("-6")).unwrap();
    ws.write_formula(1, 5, Formula::new("=A1&\"!\"").set_result("张三!")).unwrap();
    ws.write_formula(2, 5, Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
    ws.write_formula(3, 5, Formula::new("=TRUE()").set_result("TRUE")).unwrap();
    ws.write_rich_string(5, 5, &[(&Format::default(), "红色"), (&red, "党员"), (&Format::default(), "先锋")]).unwrap();
    ws.write_blank(6, 5, &money).unwrap();
    ws.merge_range(10, 0, 10, 3, "合并的标题", &Format::new()).unwrap();
    ws.write_string(1_000, 200, "far away").unwrap();
    let other = wb.add_worksheet();
    other.set_name("A & B <2017>").unwrap();
    other.write_string(0, 0, "另一张表").unwrap();
    wb.add_worksheet().set_name("空表").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn every_kind_of_cell_reads_as_calamine_reads_it() {
    let bytes = every_kind_of_cell();
    let read = check("every kind", &bytes, Scanned::All);
    // and the values are the ones written (so "equal" is not "both empty")
    let sheet = &read.sheets[0];
    let cell = |r: u32, c: usize| {
        sheet.rows.iter().find(|x| x.0 == r).and_then(|x| x.1.get(c)).cloned().unwrap_or(Cell::Empty)
    };
    assert_eq!(cell(0, 0), Cell::Text("张三".into()));
    assert_eq!(cell(2, 0), Cell::Text("A & B <志愿> \"引号\" '单引号'".into()));
    assert_eq!(cell(5, 0), Cell::Text("字面量 _x000D_ 不是转义".into()));
    assert_eq!(cell(3, 1), Cell::Float(2.5));
    assert_eq!(cell(0, 3), Cell::DateTime { serial: 42898.0, duration: false });
    assert_eq!(cell(3, 3), Cell::DateTime { serial: 1.5, duration: true });
    assert_eq!(cell(0, 4), Cell::Bool(true));
    assert_eq!(cell(0, 5), Cell::Float(-6.0));
    assert_eq!(cell(1, 5), Cell::Text("张三!".into()));
    assert_eq!(cell(2, 5), Cell::Error("#DIV/0!".into()));
    assert_eq!(cell(5, 5), Cell::Text("红色党员先锋".into()));
    assert_eq!(cell(1_000, 200), Cell::Text("far away".into()));
    assert_eq!(read.sheets[1].name, "A & B <2017>");
    assert_eq!(read.dates, DateSystem::V1900);
}

#[test]
fn the_demo_town_reads_as_calamine_reads_it() {
    let bytes = scorecard_domain::samples::demo_workbook(2017).unwrap();
    let read = check("demo 2017", &bytes, Scanned::All);
    let rows: usize = read.sheets.iter().map(|s| s.rows.len()).sum();
    assert!(rows > 1_000, "{rows} rows");
}

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;

/// A package around hand-written sheet XML, shared strings and styles (for what no writer
/// library produces: inline strings, cells without references, odd spacing, prefixes …).
fn package(sheet_data: &str, shared: &[&str], styles_xfs: &str, date1904: bool) -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let pr = if date1904 { r#"<workbookPr date1904="1"/>"# } else { "<workbookPr/>" };
    let book = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{pr}<sheets><sheet name="记录" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let book_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let sst: String = shared.iter().map(|s| format!("<si>{s}</si>")).collect();
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{n}" uniqueCount="{n}">{sst}</sst>"#,
        n = shared.len()
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts><cellXfs>{styles_xfs}</cellXfs></styleSheet>"#
    );
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><dimension ref="A1:D9"/><sheetData>{sheet_data}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#
    );
    zip(&[
        Part::stored("[Content_Types].xml", types.as_bytes()),
        Part::stored("_rels/.rels", rels.as_bytes()),
        Part::stored("xl/workbook.xml", book.as_bytes()),
        Part::stored("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
        Part::stored("xl/sharedStrings.xml", sst.as_bytes()),
        Part::stored("xl/styles.xml", styles.as_bytes()),
        Part::stored("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

const XFS: &str =
    r#"<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="46"/><xf/>"#;
const SHARED: &[&str] = &[
    "<t>姓名</t>",
    "<t xml:space=\"preserve\"> 张三 </t>",
    "<t>  李四\n</t>",
    "<r><t>红色</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 党员</t></r>",
    "<t>王五</t><rPh sb=\"0\" eb=\"1\"><t>ワン</t></rPh>",
    "<t>A &amp; B &#20013;</t>",
    "<t>_x000D_回车_x005F_x000D_</t>",
    "<t/>",
    "",
];

#[test]
fn hand_written_sheets_read_as_calamine_reads_them() {
    // (name, sheet data, must the scanner read it all)
    let cases: &[(&str, &str, bool)] = &[
        ("shared strings", r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c><c r="E2" t="s"><v>8</v></c></row>"#, true),
        ("numbers and styles", r#"<row r="1"><c r="A1"><v>42</v></c><c r="B1" s="1"><v>42898</v></c><c r="C1" s="2"><v>42898.5</v></c><c r="D1" s="3"><v>1.25</v></c><c r="E1" s="4"><v>0.5</v></c><c r="F1" s="5"><v>-3.5E-2</v></c><c r="G1" s="99"><v>7</v></c><c r="H1" t="n"><v>1e3</v></c></row>"#, true),
        ("inline strings", r#"<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> 空格 </t></is></c><c r="C1" t="inlineStr"><is><t> 裁掉 </t></is></c><c r="D1" t="inlineStr"><is><t>A &amp; B &lt;C&gt;</t></is></c><c r="E1" t="inlineStr"><is/></c><c r="F1" t="inlineStr"><is><t/></is></c><c r="G1" t="inlineStr"><v>9</v><is><t>x</t></is></c></row>"#, true),
        ("no references", r#"<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c><c/><c><v>3</v></c></row><row><c><v>4</v></c></row><row r="7"><c><v>7</v></c><c r="D7"><v>8</v></c><c><v>9</v></c></row><row/><row><c><v>10</v></c></row>"#, true),
        ("formulas and odd children", r#"<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><v>2</v><f>1+1</f></c><c r="C1"><f/></c><c r="D1"><v/></c><c r="E1" t="s"><v></v></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>2x</v></c><c r="G1" t="b"><v>1</v></c><c r="H1" t="b"><v>0</v></c><c r="I1" t="e"><v>#N/A</v></c><c r="J1" t="d"><v>2017-06-12T00:00:00</v></c></row>"#, true),
        ("spacing", "\n  <row r=\"1\" spans=\"1:2\" ht=\"20\" customHeight='1'>\n    <c r=\"A1\" s=\"1\" t=\"n\"  >\n <v>42898</v>\n </c>\t<c r='B1' t='s'><v>0</v></c>\n  </row>\n", true),
        ("empty sheet data", "", true),
        ("rows out of order", r#"<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>4</v></c></row>"#, true),
        // what the scanner leaves to calamine, from the cell it stopped at
        ("a prefix", r#"<row r="1"><c r="A1"><v>1</v></c></row><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row>"#, false),
        ("rich inline text", r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>红</t></r><r><t>色</t></r></is></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c></row>"#, false),
        ("an Excel escape in inline text", r#"<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>"#, false),
        ("a character reference", r#"<row r="1"><c r="A1" t="inlineStr"><is><t>&#20013;</t></is></c></row>"#, false),
        ("a comment", r#"<row r="1"><c r="A1"><v>1</v></c></row><!-- note --><row r="2"><c r="A2"><v>2</v></c></row>"#, false),
        ("a spaced number", r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v> 12 </v></c><c r="C1"><v>abc</v></c></row>"#, false),
        ("a bad shared index", r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99</v></c></row>"#, false),
        ("an unknown type", r#"<row r="1"><c r="A1" t="q"><v>1</v></c></row>"#, false),
        ("an unknown error", r#"<row r="1"><c r="A1" t="e"><v>#SPILL!</v></c></row>"#, false),
        ("a dollar reference", r#"<row r="1"><c r="$A$1"><v>1</v></c></row>"#, false),
        ("past the last column", r#"<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>1</v></c></row>"#, true),
        ("past the last row", r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>1</v></c></row>"#, true),
        ("not closed", r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>"#, false),
    ];
    for &(name, data, all) in cases {
        for date1904 in [false, true] {
            let bytes = package(data, SHARED, XFS, date1904);
            check(name, &bytes, if all { Scanned::All } else { Scanned::Some(0) });
        }
    }
}

/// The scanner's chunking: rows across chunk boundaries, a row longer than a chunk, a
/// fallback deep into a big sheet (calamine resumes after 200,000 cells).
#[test]
fn big_sheets_across_chunks() {
    let mut rows = String::new();
    for r in 1..=20_000u32 {
        rows.push_str(&format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>{}</v></c><c r="B{r}" s="1"><v>{}</v></c><c r="C{r}"><v>{}.25</v></c><c r="D{r}" t="inlineStr"><is><t>第{r}行</t></is></c><c r="E{r}" t="s"><v>3</v></c><c r="F{r}"><v>{r}</v></c><c r="G{r}"><v>1</v></c><c r="H{r}"><v>2</v></c><c r="I{r}"><v>3</v></c><c r="J{r}"><v>4</v></c></row>"#, r % 7, 42_000 + r, r));
    }
    let long: String = (0..16_000).map(|c| format!(r#"<c t="inlineStr"><is><t>长行{c}</t></is></c>"#)).collect();
    let with_long = format!(r#"{rows}<row r="20001">{long}</row>"#);
    check("20,000 rows", &package(&rows, SHARED, XFS, false), Scanned::All);
    check("a 600 KB row", &package(&with_long, SHARED, XFS, false), Scanned::All);
    let broken = format!(r#"{rows}<row r="20001"><c r="A20001" t="q"><v>1</v></c></row>"#);
    check("fallback after 200,000 cells", &package(&broken, SHARED, XFS, false), Scanned::Some(0));
}

/// Small deterministic mutations of a sheet (bytes dropped, repeated or replaced by XML
/// punctuation): whatever each becomes, both readers give the same rows and errors.
#[test]
fn mutated_sheets_read_as_calamine_reads_them() {
    let base = r#"<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>42898</v></c><c r="C1" t="inlineStr"><is><t>李 &amp; 四</t></is></c><c r="D1"><f>1+1</f><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="str"><v>x</v></c></row>"#;
    let tokens: &[&str] = &[
        "<", ">", "/", "\"", "'", "=", " ", "&", ";", "_x", "r", "c", "v", "t", "1", "9", ".", "-", "e", "\r", "</c>",
        "<c>", "</row>", "<row>",
    ];
    let mut seed = 0x2017_u64;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let (mut same_rows, mut cases) = (0, 0);
    for _ in 0..1000 {
        let mut s = base.as_bytes().to_vec();
        for _ in 0..1 + next(3) {
            let at = next(s.len());
            match next(3) {
                0 => {
                    s.remove(at);
                }
                1 => {
                    let t = tokens[next(tokens.len())].as_bytes();
                    s.splice(at..at, t.iter().copied());
                }
                _ => {
                    let t = tokens[next(tokens.len())].as_bytes();
                    let end = (at + t.len()).min(s.len());
                    s.splice(at..end, t.iter().copied());
                }
            }
        }
        let Ok(data) = String::from_utf8(s) else { continue };
        let bytes = package(&data, SHARED, XFS, false);
        let (Ok(r), Ok(o)) = (xlsx_rows(&bytes, true), xlsx_rows(&bytes, false)) else { continue };
        cases += 1;
        assert_eq!(o.sheets, r.sheets, "mutated sheet data: {data}");
        same_rows += usize::from(o.scanned == 1);
    }
    // most mutations leave something the scanner reads itself, and it must agree there too
    assert!(cases > 900 && same_rows > 60, "{cases} cases, {same_rows} read by the scanner to the end");
}
