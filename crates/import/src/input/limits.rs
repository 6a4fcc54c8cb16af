//! Guards against hostile files: what a real roster never reaches, checked before a reader
//! can spend the memory or time.
//!
//! - zip packages (xlsx, ods): every part's *declared* inflated size, their sum, the packing
//!   ratio and the number of parts, from the central directory, before anything is inflated.
//!   A part that lies about its size cannot inflate past it: the `zip` crate stops a part at
//!   its declared size (an error, tested in `crates/domain/tests/domain/hostile.rs`).
//! - shared strings (xlsx): calamine reads the part whole and reserves its declared
//!   `uniqueCount` up front, so both are bounded.
//! - rows and cells as they stream: rows past Excel's last row, columns past XFD, text past
//!   Excel's 32,767 characters stop the sheet.
//! - xls and ods are read whole by calamine; `xls_scan` and `ods_scan` bound their cells.
//!
//! Invariant: a legitimate 1,048,576-row export (≈ 45 MB xlsx, ≈ 400 MB of sheet XML) passes
//! every limit; they are about what Excel itself cannot hold, or packing no sheet reaches.

use crate::error::{Limit, ReadError};
use crate::input::cell::Cell;
use std::io::{Read, Seek};
use zip::ZipArchive;

/// The most one part of a package may inflate to.
pub const MAX_PART_BYTES: u64 = 1 << 30;
/// The most all parts together may inflate to: a million-row export is 200–400 MB of XML,
/// and every byte of unique text may end up in the tables.
pub const MAX_TOTAL_BYTES: u64 = 1 << 30;
/// Parts bigger than this must not be packed tighter than [`MAX_RATIO`]: real sheet XML and
/// shared strings pack 3–15 times (a generated 1M-row export: 8 and 11.5); deflate's
/// ceiling, reached only by repeating the same bytes, is ~1030.
pub const RATIO_FROM_BYTES: u64 = 32 << 20;
pub const MAX_RATIO: u64 = 100;
/// A workbook has a few parts per sheet; more than this is no workbook.
pub const MAX_PARTS: usize = 10_000;
/// The shared-strings part is held whole in memory: 255 MB of one-letter strings measured
/// 870 MB peak, so this keeps the worst case near 220 MB. Real exports hold a few MB (a
/// million service records by 20,000 volunteers: 1 MB); 64 MB is two million unique names
/// and ID numbers.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 64 << 20;
/// calamine reserves this many strings (24 bytes each) before reading one.
pub const MAX_SHARED_STRINGS: u64 = 4 << 20;
/// Excel's last row and column (XFD), and the most characters one cell holds.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLUMNS: u32 = 16_384;
pub const MAX_CELL_CHARS: usize = 32_767;
/// Rows of all sheets of one file: four full Excel sheets (each row becomes a typed row of
/// about 100 bytes in the tables).
pub const MAX_FILE_ROWS: u64 = 4 << 20;
/// xls and ods sheets are built whole, values and formulas: an ods of 4 million text cells
/// measured 562 MB peak (≈ 130 bytes a cell). At most this many cells over all sheets
/// (65,536 rows × 64 columns; a bigger workbook saved as .xlsx streams instead).
pub const MAX_WHOLE_CELLS: u64 = 1 << 22;
/// Merged regions kept for the header search (a real sheet has dozens).
pub const MAX_MERGES: usize = 65_536;

fn too_large(what: Limit, limit: u64) -> ReadError {
    ReadError::TooLarge { what, limit }
}

/// Checks a package's central directory: nothing is inflated.
pub fn check_package<R: Read + Seek>(zip: &ZipArchive<R>) -> Result<(), ReadError> {
    if zip.len() > MAX_PARTS {
        return Err(too_large(Limit::Parts, MAX_PARTS as u64));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_data(i) else { continue };
        let (size, packed) = (part.size(), part.compressed_size());
        // the shared strings first: they have the lower limit and their own advice
        if is_shared_strings(part.name_raw()) && size > MAX_SHARED_STRINGS_BYTES {
            return Err(too_large(Limit::SharedStrings, MAX_SHARED_STRINGS_BYTES));
        }
        if size > MAX_PART_BYTES {
            return Err(too_large(Limit::PartSize, MAX_PART_BYTES));
        }
        if size > RATIO_FROM_BYTES && size / packed.max(1) > MAX_RATIO {
            return Err(too_large(Limit::Ratio, MAX_RATIO));
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(too_large(Limit::TotalSize, MAX_TOTAL_BYTES));
        }
    }
    Ok(())
}

fn is_shared_strings(name: &[u8]) -> bool {
    let tail = name.len().checked_sub(17).and_then(|at| name.get(at..));
    tail.is_some_and(|t| t.eq_ignore_ascii_case(b"sharedstrings.xml"))
}

/// The `uniqueCount` of the shared strings must be one the part can hold (each `<si/>` takes
/// at least 5 bytes) and at most [`MAX_SHARED_STRINGS`]: calamine reserves it before reading.
/// Inflates only the first 64 KiB of every part named like the shared strings (a decoy part
/// must not hide the one calamine reads).
pub fn check_shared_strings<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Result<(), ReadError> {
    let parts: Vec<usize> =
        (0..zip.len()).filter(|&i| zip.by_index_data(i).is_ok_and(|p| is_shared_strings(p.name_raw()))).collect();
    for i in parts {
        let Ok(part) = zip.by_index(i) else { continue };
        let size = part.size();
        let mut head = Vec::new();
        // A broken part is the reader's to report; this only looks for the declared count.
        let _ = part.take(64 << 10).read_to_end(&mut head);
        let Some(count) = unique_count(&head) else { continue };
        if count > MAX_SHARED_STRINGS || count > size / 5 {
            return Err(too_large(Limit::SharedStrings, MAX_SHARED_STRINGS_BYTES));
        }
    }
    Ok(())
}

/// The number in `uniqueCount="…"` of the `<sst …>` start tag (saturating).
fn unique_count(head: &[u8]) -> Option<u64> {
    const KEY: &[u8] = b"uniqueCount=";
    let at = head.windows(KEY.len()).position(|w| w == KEY)?;
    let rest = head.get(at + KEY.len() + 1..)?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit());
    Some(digits.fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0'))))
}

/// Checks one streamed row: its row number, its width and the length of its texts.
/// `cells` starts at column A.
pub fn check_row(row: u32, cells: &[Cell<'_>], rows_limited: bool) -> Result<(), ReadError> {
    if rows_limited && row >= MAX_ROWS {
        return Err(too_large(Limit::Rows, u64::from(MAX_ROWS)));
    }
    if cells.len() > MAX_COLUMNS as usize {
        return Err(too_large(Limit::Columns, u64::from(MAX_COLUMNS)));
    }
    for c in cells {
        if let Cell::Text(t) = c {
            // a char is at most 4 bytes: only long texts are counted
            if t.len() > MAX_CELL_CHARS && t.chars().count() > MAX_CELL_CHARS {
                return Err(too_large(Limit::CellText, MAX_CELL_CHARS as u64));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn unique_count_is_read_saturating() {
        assert_eq!(unique_count(br#"<sst xmlns="x" count="3" uniqueCount="2">"#), Some(2));
        assert_eq!(unique_count(b"<sst uniqueCount='99999999999999999999999999'>"), Some(u64::MAX));
        assert_eq!(unique_count(b"<sst count=\"3\">"), None);
        assert_eq!(unique_count(b"uniqueCount="), None);
    }

    #[test]
    fn rows_columns_and_text_at_excels_limits() {
        let long = |n: usize| Cell::Text(Cow::Owned("志".repeat(n)));
        let cases: Vec<(u32, Vec<Cell>, bool, Option<Limit>)> = vec![
            (MAX_ROWS - 1, vec![Cell::Int(1)], true, None),
            (MAX_ROWS, vec![Cell::Int(1)], true, Some(Limit::Rows)),
            (MAX_ROWS, vec![Cell::Int(1)], false, None),
            (u32::MAX, vec![], true, Some(Limit::Rows)),
            (0, vec![Cell::Empty; MAX_COLUMNS as usize], true, None),
            (0, vec![Cell::Empty; MAX_COLUMNS as usize + 1], true, Some(Limit::Columns)),
            (0, vec![long(MAX_CELL_CHARS)], true, None),
            (0, vec![long(MAX_CELL_CHARS + 1)], true, Some(Limit::CellText)),
            (0, vec![Cell::Text(Cow::Owned("a".repeat(MAX_CELL_CHARS + 1)))], true, Some(Limit::CellText)),
        ];
        for (row, cells, limited, want) in cases {
            let got = check_row(row, &cells, limited).err();
            let want = want.map(|what| match what {
                Limit::Rows => too_large(what, u64::from(MAX_ROWS)),
                Limit::Columns => too_large(what, u64::from(MAX_COLUMNS)),
                _ => too_large(what, MAX_CELL_CHARS as u64),
            });
            assert_eq!(got, want, "row {row}, {} cells", cells.len());
        }
    }

    #[test]
    fn shared_strings_names() {
        assert!(is_shared_strings(b"xl/sharedStrings.xml"));
        assert!(is_shared_strings(b"xl/SharedStrings.XML"));
        assert!(!is_shared_strings(b"xl/styles.xml"));
        assert!(!is_shared_strings(b""));
    }
}
