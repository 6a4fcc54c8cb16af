//! Helpers shared by the import tests: a tiny xlsx builder over rust_xlsxwriter, CSV
//! encoders, and short views of reports and findings for exact assertions.

use rust_xlsxwriter::{Format, Workbook};
use scorecard_domain::import::{import, FileInput, Import, ImportOptions, SheetOutcome};
use scorecard_domain::{FindingKind, Severity};
use std::io::{Cursor, Read, Write};

/// A cell to write.
#[derive(Clone, Debug)]
pub enum V {
    S(&'static str),
    N(f64),
    /// A date serial with a `yyyy-mm-dd` format.
    Date(f64),
    /// A date-time serial with a `yyyy-mm-dd hh:mm` format.
    DateTime(f64),
    /// A duration (fraction of a day) with a `[h]:mm` format.
    Dur(f64),
    /// A time of day with an `h:mm` format.
    Time(f64),
    E,
}

pub struct SheetSpec {
    pub name: &'static str,
    /// (0-based row, cells from column A)
    pub rows: Vec<(u32, Vec<V>)>,
    /// (first row, first col, last row, last col, text)
    pub merges: Vec<(u32, u16, u32, u16, &'static str)>,
}

pub fn sheet(name: &'static str, rows: Vec<(u32, Vec<V>)>) -> SheetSpec {
    SheetSpec { name, rows, merges: vec![] }
}

/// Rows 0, 1, 2 … from a plain list.
pub fn rows(list: Vec<Vec<V>>) -> Vec<(u32, Vec<V>)> {
    list.into_iter().enumerate().map(|(i, r)| (i as u32, r)).collect()
}

pub fn xlsx(sheets: &[SheetSpec]) -> Vec<u8> {
    write_xlsx(sheets, false)
}

/// The same sheets with every text written inline (`t="inlineStr"`, rust_xlsxwriter's
/// constant-memory mode) instead of as shared strings. Rows must be in order; no merges.
pub fn xlsx_inline(sheets: &[SheetSpec]) -> Vec<u8> {
    write_xlsx(sheets, true)
}

fn write_xlsx(sheets: &[SheetSpec], inline: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let dur = Format::new().set_num_format("[h]:mm");
    let time = Format::new().set_num_format("h:mm");
    let plain = Format::new();
    for spec in sheets {
        let ws = if inline { wb.add_worksheet_with_constant_memory().unwrap() } else { wb.add_worksheet() };
        ws.set_name(spec.name).unwrap();
        assert!(!inline || spec.merges.is_empty(), "inline strings are written without merges");
        for &(r1, c1, r2, c2, text) in &spec.merges {
            ws.merge_range(r1, c1, r2, c2, text, &plain).unwrap();
        }
        for (r, cells) in &spec.rows {
            for (c, v) in cells.iter().enumerate() {
                let c = c as u16;
                match v {
                    V::S(s) => ws.write_string(*r, c, *s).map(|_| ()),
                    V::N(n) => ws.write_number(*r, c, *n).map(|_| ()),
                    V::Date(n) => ws.write_number_with_format(*r, c, *n, &date).map(|_| ()),
                    V::DateTime(n) => ws.write_number_with_format(*r, c, *n, &datetime).map(|_| ()),
                    V::Dur(n) => ws.write_number_with_format(*r, c, *n, &dur).map(|_| ()),
                    V::Time(n) => ws.write_number_with_format(*r, c, *n, &time).map(|_| ()),
                    V::E => Ok(()),
                }
                .unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// The text of one part of a package.
pub fn part_text(bytes: &[u8], part: &str) -> Option<String> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut f = zin.by_name(part).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).ok()?;
    Some(s)
}

/// The same package with the 1904 date system switched on (rust_xlsxwriter cannot).
pub fn with_1904(bytes: &[u8]) -> Vec<u8> {
    edit_part(bytes, "xl/workbook.xml", |s| s.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1))
}

/// The same package with the text of one part changed by `edit` (parts stored, not deflated).
pub fn edit_part(bytes: &[u8], part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == part {
            data = edit(String::from_utf8(data).unwrap()).into_bytes();
        }
        let opts: zip::write::SimpleFileOptions =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        out.start_file(name, opts).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

pub fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

pub fn utf8_bom(s: &str) -> Vec<u8> {
    [0xEF, 0xBB, 0xBF].iter().copied().chain(s.bytes()).collect()
}

pub fn one(name: &str, bytes: &[u8]) -> Import {
    import(&[FileInput { name, bytes }], &ImportOptions::default())
}

/// (Excel row, column header, kind, severity) of every finding of a sheet.
pub type Brief = (Option<u32>, Option<String>, FindingKind, Severity);

pub fn brief(s: &SheetOutcome) -> Vec<Brief> {
    s.findings.iter().map(|f| (f.row, f.column.clone(), f.kind, f.severity)).collect()
}

pub fn b(row: u32, col: &str, kind: FindingKind, sev: Severity) -> Brief {
    (Some(row), if col.is_empty() { None } else { Some(col.to_string()) }, kind, sev)
}
