//! xlsx / xlsm, streamed cell by cell (`XlsxCellReader`): a million-row sheet never becomes
//! a `Range`. Shared strings are borrowed, not copied.

use super::{guarded, xlsx_merges, Region, RowFn, SheetSource};
use crate::import::cell::{Cell, DateSystem};
use crate::import::error::{Limit, ReadError};
use crate::import::limits::{MAX_COLUMNS, MAX_MERGES, MAX_ROWS};
use calamine::{DataRef, Reader, SheetType, Xlsx, XlsxError};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Cursor;

/// Merged regions are read only from files up to this size: finding them means inflating the
/// whole sheet part a second time (`xlsx_merges`), a few % of the import up to here but
/// ~1 s on a million-row export (whose headers are combined by forward-filling group cells).
const MERGES_UP_TO_BYTES: usize = 8 << 20;
/// Merged regions are read only when the package inflates to at most this: calamine keeps
/// one region per `<mergeCell>` of the whole sheet.
const MERGES_UP_TO_INFLATED: u64 = 128 << 20;

pub struct XlsxSource<'a> {
    book: Xlsx<Cursor<&'a [u8]>>,
    bytes: &'a [u8],
    small: bool,
    /// Sheet name → part path, read once when merges are first asked for.
    parts: Option<Option<HashMap<String, String>>>,
}

impl<'a> XlsxSource<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, ReadError> {
        guarded(|| {
            let book = Xlsx::new(Cursor::new(bytes)).map_err(map_err)?;
            let small = bytes.len() <= MERGES_UP_TO_BYTES && inflated_size(bytes) <= MERGES_UP_TO_INFLATED;
            Ok(XlsxSource { book, bytes, small, parts: None })
        })
    }
}

/// The declared inflated size of all parts (checked against the limits when detected).
fn inflated_size(bytes: &[u8]) -> u64 {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map(|z| (0..z.len()).filter_map(|i| z.by_index_data(i).ok()).map(|p| p.size()).sum())
        .unwrap_or(u64::MAX)
}

pub fn map_err(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::Encrypted,
        other => ReadError::Corrupt { detail: other.to_string() },
    }
}

impl SheetSource for XlsxSource<'_> {
    fn sheet_names(&self) -> Vec<String> {
        self.book.sheets_metadata().iter().filter(|s| s.typ == SheetType::WorkSheet).map(|s| s.name.clone()).collect()
    }

    fn date_system(&self) -> DateSystem {
        if self.book.has_1904_epoch() {
            DateSystem::V1904
        } else {
            DateSystem::V1900
        }
    }

    fn merged_regions(&mut self, sheet: &str) -> Option<Vec<Region>> {
        if !self.small {
            return None;
        }
        let bytes = self.bytes;
        let parts = self.parts.get_or_insert_with(|| guarded(|| Ok(xlsx_merges::sheet_parts(bytes))).ok().flatten());
        if let Some(part) = parts.as_ref().and_then(|p| p.get(sheet)) {
            if let Ok(Some(regions)) = guarded(|| Ok(xlsx_merges::merged_regions(bytes, part))) {
                return Some(regions);
            }
        }
        // calamine's way: a second parse of the whole sheet (same answer, slower).
        let dims = guarded(|| self.book.merge_cells_by_sheet_name(sheet).map_err(map_err)).ok()?;
        Some(
            dims.iter()
                .take(MAX_MERGES)
                .map(|d| Region { first_row: d.start.0, first_col: d.start.1, last_row: d.end.0, last_col: d.end.1 })
                .collect(),
        )
    }

    fn rows(&mut self, sheet: &str, f: &mut RowFn<'_>) -> Result<(), ReadError> {
        guarded(|| {
            let mut reader = self.book.worksheet_cells_reader(sheet).map_err(map_err)?;
            let mut row: Vec<Cell<'_>> = Vec::new();
            let mut current: Option<u32> = None;
            // the row being gathered is handed on before any error, so the rows read so far count
            let failed = loop {
                let cell = match reader.next_cell() {
                    Ok(Some(cell)) => cell,
                    Ok(None) => break None,
                    Err(e) => break Some(map_err(e)),
                };
                let (r, c) = cell.get_position();
                if current != Some(r) {
                    if let Some(prev) = current {
                        if f(prev, &row).is_break() {
                            return Ok(());
                        }
                    }
                    row.clear();
                    current = None;
                }
                // past Excel's last row or column: corrupt or hostile, and not a reason to allocate
                if r >= MAX_ROWS {
                    break Some(ReadError::TooLarge { what: Limit::Rows, limit: u64::from(MAX_ROWS) });
                }
                if c >= MAX_COLUMNS {
                    break Some(ReadError::TooLarge { what: Limit::Columns, limit: u64::from(MAX_COLUMNS) });
                }
                current = Some(r);
                let c = c as usize;
                if row.len() <= c {
                    row.resize(c + 1, Cell::Empty);
                }
                if let Some(slot) = row.get_mut(c) {
                    *slot = ref_cell(cell.get_value());
                }
            };
            if let Some(prev) = current {
                if f(prev, &row).is_break() {
                    return Ok(());
                }
            }
            failed.map_or(Ok(()), Err)
        })
    }
}

fn ref_cell<'a>(d: &DataRef<'a>) -> Cell<'a> {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::SharedString(s) => Cell::Text(Cow::Borrowed(s)),
        DataRef::String(s) => Cell::Text(Cow::Owned(s.clone())),
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Float(f) => Cell::Float(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => Cell::DateTime { serial: dt.as_f64(), duration: dt.is_duration() },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(Cow::Owned(s.clone())),
        DataRef::Error(e) => Cell::Error(Cow::Owned(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{Format, Workbook};

    /// The fast scan and calamine agree, on sheets with merges, without and with odd names.
    #[test]
    fn merged_regions_equal_calamines() {
        let mut wb = Workbook::new();
        let f = Format::new();
        let names = ["服务记录", "A & B <2017>", "空表"];
        for (i, name) in names.iter().enumerate() {
            let ws = wb.add_worksheet();
            ws.set_name(*name).unwrap();
            if i < 2 {
                ws.merge_range(0, 0, 0, 7, "新繁镇志愿服务记录", &f).unwrap();
                ws.merge_range(1, 2, 2, 3, "服务", &f).unwrap();
                ws.merge_range(10 + i as u32, 5, 20, 30, "x", &f).unwrap();
            }
            for r in 3..2000u32 {
                ws.write(r, 0, format!("张{r}")).unwrap();
                ws.write(r, 1, r).unwrap();
            }
        }
        let bytes = wb.save_to_buffer().unwrap();
        let mut source = XlsxSource::open(&bytes).unwrap();
        let parts = xlsx_merges::sheet_parts(&bytes).unwrap();
        assert_eq!(parts.len(), 3);
        for name in names {
            let fast = xlsx_merges::merged_regions(&bytes, &parts[name]).unwrap();
            let slow: Vec<Region> = source
                .book
                .merge_cells_by_sheet_name(name)
                .unwrap()
                .iter()
                .map(|d| Region { first_row: d.start.0, first_col: d.start.1, last_row: d.end.0, last_col: d.end.1 })
                .collect();
            assert_eq!(fast, slow, "{name}");
            assert_eq!(source.merged_regions(name), Some(slow), "{name}");
        }
        assert_eq!(xlsx_merges::merged_regions(&bytes, &parts["服务记录"]).unwrap().len(), 3);
        assert!(xlsx_merges::merged_regions(&bytes, &parts["空表"]).unwrap().is_empty());
    }
}
