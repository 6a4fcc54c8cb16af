//! Writing the corpus' files: xlsx sheets of text cells (exports store most cells as text),
//! with banners and merged header groups, and CSV / tab-separated text.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// Marks a cell string written as a number (`number_cell`).
const NUMBER: &str = "\u{1}n:";
/// Marks a cell string written as a date cell (`date_cell`).
const DATE: &str = "\u{1}d:";

/// A cell written as a number, not as text.
pub fn number_cell(n: f64) -> String {
    format!("{NUMBER}{n}")
}

/// A cell written as a real Excel date.
pub fn date_cell(y: i32, m: u32, d: u32) -> String {
    format!("{DATE}{y:04}-{m:02}-{d:02}")
}

/// One sheet: rows of text cells from row 0 (an empty string leaves the cell blank), and
/// merged ranges (first row, first col, last row, last col) whose text is the top-left cell's.
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
    pub merges: Vec<(u32, u16, u32, u16)>,
}

impl Sheet {
    pub fn new(name: &str, rows: Vec<Vec<String>>) -> Sheet {
        Sheet { name: name.to_string(), rows, merges: Vec::new() }
    }
}

/// Text cells from string slices.
pub fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name).unwrap();
        for &(r1, c1, r2, c2) in &s.merges {
            let text = s.rows.get(r1 as usize).and_then(|r| r.get(c1 as usize)).cloned().unwrap_or_default();
            ws.merge_range(r1, c1, r2, c2, &text, &plain).unwrap();
        }
        for (r, cells) in s.rows.iter().enumerate() {
            for (c, v) in cells.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let merged = s.merges.iter().any(|&(r1, c1, r2, c2)| (r1..=r2).contains(&r) && (c1..=c2).contains(&c));
                if v.is_empty() || merged {
                    continue;
                }
                if let Some(n) = v.strip_prefix(NUMBER) {
                    ws.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
                } else if let Some(d) = v.strip_prefix(DATE) {
                    let dt = ExcelDateTime::parse_from_str(d).unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date_format).unwrap();
                } else {
                    ws.write_string(r, c, v).unwrap();
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Delimited text, cells quoted when they hold the delimiter or a quote.
pub fn delimited(rows: &[Vec<String>], delim: char) -> String {
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| {
                if c.contains(delim) || c.contains('"') {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(&delim.to_string()));
        out.push_str("\r\n");
    }
    out
}

pub fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}
