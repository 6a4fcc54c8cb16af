//! The ods pre-scan: calamine builds every table of an ods whole when it opens the file, and
//! expands `number-columns-repeated` / `number-rows-repeated` into real cells (a 2 KB
//! `content.xml` can ask for a hundred million). This streams `content.xml` once, tag by tag,
//! and counts the cells calamine would make (an upper bound: a cell with any value, formula
//! or content counts as filled), refusing more than [`MAX_WHOLE_CELLS`].
//!
//! The part's inflated size is already bounded by `limits::check_package`.

use crate::error::{Limit, ReadError};
use crate::input::bytes::{ByteReader, Data};
use crate::input::limits::{MAX_COLUMNS, MAX_ROWS, MAX_WHOLE_CELLS};
use std::io::{BufRead, BufReader, Read};

/// A start tag longer than this is skipped, not buffered.
const MAX_TAG: u64 = 1 << 20;

/// Counts the cells of one table as calamine's `read_table` and `get_range` make them.
#[derive(Debug, Default)]
struct Table {
    /// Rows so far, repeats included (calamine caps them at Excel's last row).
    rows: u64,
    /// Cells pushed while reading rows (up to each row's last filled cell).
    pushed: u64,
    /// First and end row (repeats included) of rows with a filled cell; widest such row.
    filled: Option<(u64, u64)>,
    width: u64,
    /// The current row: its repeat count, columns so far, end of its last filled cell.
    row_repeat: u64,
    col: u64,
    filled_to: u64,
}

impl Table {
    fn start_row(&mut self, repeat: u64) {
        self.row_repeat = repeat.min(u64::from(MAX_ROWS).saturating_sub(self.rows));
        self.col = 0;
        self.filled_to = 0;
    }

    fn cell(&mut self, repeat: u64, filled: bool) {
        self.col = self.col.saturating_add(repeat).min(u64::from(MAX_COLUMNS));
        if filled {
            self.filled_to = self.col;
        }
    }

    fn end_row(&mut self) {
        self.pushed = self.pushed.saturating_add(self.filled_to);
        if self.filled_to > 0 {
            let end = self.rows + self.row_repeat;
            self.filled = Some(self.filled.map_or((self.rows, end), |(first, _)| (first, end)));
            self.width = self.width.max(self.filled_to);
        }
        self.rows += self.row_repeat;
        self.filled_to = 0;
    }

    /// Pushed cells plus the dense range over the filled rows.
    fn cells(&self) -> u64 {
        let spanned = self.filled.map_or(0, |(first, end)| (end - first).saturating_mul(self.width));
        self.pushed.saturating_add(spanned)
    }
}

/// Checks `content.xml` of an ods package (`bytes` is the whole file).
pub(super) fn check(bytes: &[u8]) -> Result<(), ReadError> {
    let Ok(mut zip) = zip::ZipArchive::new(ByteReader::new(Data::Memory(bytes))) else { return Ok(()) };
    let Ok(part) = zip.by_name("content.xml") else { return Ok(()) };
    // A damaged part is calamine's to report; the count so far still applies.
    if count_cells(BufReader::with_capacity(64 << 10, part)) > MAX_WHOLE_CELLS {
        return Err(ReadError::TooLarge { what: Limit::Cells, limit: MAX_WHOLE_CELLS });
    }
    Ok(())
}

/// The cells calamine would make of every table; stops counting once past the limit.
fn count_cells(mut xml: impl BufRead) -> u64 {
    let mut total = 0u64;
    let mut table = Table::default();
    let mut tag = Vec::new();
    loop {
        if xml.skip_until(b'<').unwrap_or(0) == 0 {
            break;
        }
        tag.clear();
        let Ok(n) = (&mut xml).take(MAX_TAG).read_until(b'>', &mut tag) else { break };
        if n == 0 {
            break;
        }
        // the name runs to a space, `/>` or `>` (a closing tag's own `/` comes first)
        let name_end = tag
            .iter()
            .skip(1)
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .map_or(tag.len(), |i| i + 1);
        let name = tag.get(..name_end).unwrap_or(&[]);
        let closed = tag.ends_with(b"/>");
        match name {
            b"table:table-row" => {
                table.start_row(attr_number(&tag, b"table:number-rows-repeated"));
                if closed {
                    table.end_row();
                }
            }
            b"/table:table-row" => table.end_row(),
            b"table:table-cell" | b"table:covered-table-cell" => {
                let filled = !closed
                    || [
                        &b"office:value"[..],
                        b"office:string-value",
                        b"office:date-value",
                        b"office:time-value",
                        b"office:boolean-value",
                        b"table:formula",
                    ]
                    .iter()
                    .any(|a| has_attr(&tag, a));
                table.cell(attr_number(&tag, b"table:number-columns-repeated"), filled);
            }
            b"/table:table" => {
                total = total.saturating_add(table.cells());
                table = Table::default();
            }
            _ => {}
        }
        if total.saturating_add(table.cells()) > MAX_WHOLE_CELLS {
            break;
        }
    }
    total.saturating_add(table.cells())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// True when the tag has the attribute `name=` (preceded by a space).
fn has_attr(tag: &[u8], name: &[u8]) -> bool {
    let mut key = Vec::with_capacity(name.len() + 2);
    key.push(b' ');
    key.extend_from_slice(name);
    key.push(b'=');
    find(tag, &key).is_some()
}

/// The number in `name="…"`, saturating; 1 when absent or not a number (as calamine errs
/// on a bad number, 1 only under-counts a file it then refuses).
fn attr_number(tag: &[u8], name: &[u8]) -> u64 {
    let mut key = Vec::with_capacity(name.len() + 3);
    key.push(b' ');
    key.extend_from_slice(name);
    key.extend_from_slice(b"=");
    let Some(at) = find(tag, &key) else { return 1 };
    let digits = tag.iter().skip(at + key.len() + 1).take_while(|b| b.is_ascii_digit());
    let n = digits.fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
    n.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(xml: &str) -> u64 {
        count_cells(xml.as_bytes())
    }

    const ROW: &str = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>y</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row>"#;

    #[test]
    fn counts_cells_as_calamine_expands_them() {
        // one row: x, two empty, y (4 pushed), trailing empties not pushed; range 1 × 4
        assert_eq!(cells(&format!("<table:table>{ROW}</table:table>")), 4 + 4);
        // LibreOffice's trailing empty rows are not expanded
        let tail = r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
        assert_eq!(cells(&format!("<table:table>{ROW}{tail}</table:table>")), 8);
        // a filled row repeated: pushed once, expanded 1000 times
        let many = ROW.replace("<table:table-row>", r#"<table:table-row table:number-rows-repeated="1000">"#);
        assert_eq!(cells(&format!("<table:table>{many}</table:table>")), 4 + 4 * 1000);
        // empty rows between filled ones are expanded
        let gap = r#"<table:table-row table:number-rows-repeated="10"/>"#;
        assert_eq!(cells(&format!("<table:table>{ROW}{gap}{ROW}</table:table>")), 8 + 12 * 4);
    }

    #[test]
    fn a_small_bomb_is_refused_and_a_normal_table_passes() {
        let bomb = r#"<table:table><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
        assert!(cells(bomb) > MAX_WHOLE_CELLS);
        let normal = format!("<office:body><table:table>{}</table:table></office:body>", ROW.repeat(1000));
        assert_eq!(cells(&normal), 8 * 1000);
        let unclosed = r#"<table:table-row><table:table-cell table:number-columns-repeated="99999999999999999999" office:value="1">"#;
        assert_eq!(cells(unclosed), 0, "a row never closed pushes nothing");
    }

    #[test]
    fn attributes() {
        let tag = br#"table:table-cell table:number-columns-repeated="16384" office:value="1"/"#;
        assert_eq!(attr_number(tag, b"table:number-columns-repeated"), 16384);
        assert_eq!(attr_number(tag, b"table:number-rows-repeated"), 1);
        assert!(has_attr(tag, b"office:value"));
        assert!(!has_attr(tag, b"office:string-value"));
    }
}
