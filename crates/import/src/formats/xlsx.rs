//! xlsx / xlsm, streamed: a million-row sheet never becomes a `Range`.
//!
//! Two readers behind one source. The package's small parts are read by `xlsx_book` and the
//! sheet data by `xlsx_scan`, a purpose-built scanner (about 3× calamine's speed); whatever
//! either does not read — a part it cannot parse, a cell in a form it does not know — is
//! read by calamine (`XlsxCellReader`), from the cell the scanner stopped at on. Shared
//! strings are borrowed, not copied, on both paths.
//!
//! Invariant: the cells handed on are calamine's, cell for cell (tested in
//! `crates/domain/tests/domain/xlsx_scan.rs` on generated workbooks and hand-written sheet XML).

use crate::formats::xlsx_book;

use crate::error::{Limit, ReadError};
use crate::formats::xlsx_book::{Book, PartNames};
use crate::formats::xlsx_scan;
use crate::formats::xlsx_scan::Scan;
use crate::formats::{guarded, xlsx_merges, Region, RowFn, SheetSource, NO_KEY};
use crate::input::bytes::{ByteReader, Data};
use crate::input::cell::{Cell, DateSystem};
use crate::input::limits::{MAX_COLUMNS, MAX_MERGES, MAX_ROWS};
use calamine::{DataRef, Reader, SheetType, Xlsx, XlsxError};
use std::borrow::Cow;
use std::ops::ControlFlow;

/// Merged regions are read only from files up to this size: finding them means inflating the
/// whole sheet part a second time (`xlsx_merges`), a few % of the import up to here but
/// ~1 s on a million-row export (whose headers are combined by forward-filling group cells).
const MERGES_UP_TO_BYTES: u64 = 8 << 20;
/// Merged regions are read only when the package inflates to at most this: calamine keeps
/// one region per `<mergeCell>` of the whole sheet.
const MERGES_UP_TO_INFLATED: u64 = 128 << 20;

pub(super) struct XlsxSource<'a> {
    data: Data<'a>,
    /// The package as `xlsx_book` read it, when it could.
    fast: Option<Book>,
    /// calamine's reader: opened at once when `fast` is `None`, else only when needed.
    book: Option<Xlsx<ByteReader<'a>>>,
    /// Read sheet data with calamine only (for tests comparing the two paths).
    calamine_only: bool,
    small: bool,
    /// Sheets the scanner read to their end (for tests).
    scanned: usize,
}

impl<'a> XlsxSource<'a> {
    pub(super) fn open(data: Data<'a>) -> Result<Self, ReadError> {
        guarded(|| {
            let fast = guarded(|| Ok(xlsx_book::read(data))).ok().flatten();
            let book = match fast {
                Some(_) => None,
                None => Some(Xlsx::new(ByteReader::new(data)).map_err(map_err)?),
            };
            let small = data.size() <= MERGES_UP_TO_BYTES && inflated_size(data) <= MERGES_UP_TO_INFLATED;
            Ok(XlsxSource { data, fast, book, calamine_only: false, small, scanned: 0 })
        })
    }

    /// The same file read by calamine alone (the reference the scanner is tested against).
    pub(super) fn open_with_calamine(data: Data<'a>) -> Result<Self, ReadError> {
        guarded(|| {
            let book = Some(Xlsx::new(ByteReader::new(data)).map_err(map_err)?);
            Ok(XlsxSource {
                data,
                fast: None,
                book,
                calamine_only: true,
                small: data.size() <= MERGES_UP_TO_BYTES,
                scanned: 0,
            })
        })
    }

    /// Sheets the scanner read to their end without calamine.
    pub(super) fn scanned(&self) -> usize {
        self.scanned
    }

    /// `sheet`'s part (see [`sheet_part`]); `None` when `xlsx_book` could not read the package.
    fn sheet_part(&self, sheet: &str) -> Option<(zip::ZipArchive<ByteReader<'a>>, String)> {
        sheet_part(self.data, self.fast.as_ref()?, sheet)
    }

    fn calamine(&mut self) -> Result<&mut Xlsx<ByteReader<'a>>, ReadError> {
        let data = self.data;
        if self.book.is_none() {
            self.book = Some(guarded(|| Xlsx::new(ByteReader::new(data)).map_err(map_err))?);
        }
        self.book.as_mut().ok_or_else(|| ReadError::Corrupt { detail: "xlsx".into() })
    }
}

/// The declared inflated size of all parts (checked against the limits when detected).
fn inflated_size(data: Data<'_>) -> u64 {
    zip::ZipArchive::new(ByteReader::new(data))
        .map(|z| (0..z.len()).filter_map(|i| z.by_index_data(i).ok()).map(|p| p.size()).sum())
        .unwrap_or(u64::MAX)
}

pub(super) fn map_err(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::Encrypted,
        other => ReadError::Corrupt { detail: other.to_string() },
    }
}

impl SheetSource for XlsxSource<'_> {
    fn sheet_names(&self) -> Vec<String> {
        match (&self.fast, &self.book) {
            (Some(fast), _) => fast.sheets.iter().filter(|s| s.worksheet).map(|s| s.name.clone()).collect(),
            (None, Some(book)) => book
                .sheets_metadata()
                .iter()
                .filter(|s| s.typ == SheetType::WorkSheet)
                .map(|s| s.name.clone())
                .collect(),
            (None, None) => Vec::new(),
        }
    }

    fn date_system(&self) -> DateSystem {
        let is_1904 = match (&self.fast, &self.book) {
            (Some(fast), _) => fast.is_1904,
            (None, Some(book)) => book.has_1904_epoch(),
            (None, None) => false,
        };
        if is_1904 {
            DateSystem::V1904
        } else {
            DateSystem::V1900
        }
    }

    fn merged_regions(&mut self, sheet: &str) -> Option<Vec<Region>> {
        if !self.small {
            return None;
        }
        let found = guarded(|| {
            Ok(self.sheet_part(sheet).and_then(|(mut zip, name)| xlsx_merges::merged_regions(zip.by_name(&name).ok()?)))
        });
        if let Ok(Some(regions)) = found {
            return Some(regions);
        }
        // calamine's way: a second parse of the whole sheet (same answer, slower).
        let book = self.calamine().ok()?;
        let dims = guarded(|| book.merge_cells_by_sheet_name(sheet).map_err(map_err)).ok()?;
        Some(
            dims.iter()
                .take(MAX_MERGES)
                .map(|d| Region { first_row: d.start.0, first_col: d.start.1, last_row: d.end.0, last_col: d.end.1 })
                .collect(),
        )
    }

    fn shared_strings(&self) -> usize {
        self.fast.as_ref().map_or(0, |book| book.strings.len())
    }

    fn last_row_hint(&mut self, sheet: &str) -> Option<u32> {
        guarded(|| Ok(self.sheet_part(sheet).and_then(|(mut zip, name)| declared_last_row(zip.by_name(&name).ok()?))))
            .ok()
            .flatten()
    }

    fn rows(&mut self, sheet: &str, f: &mut RowFn<'_>) -> Result<(), ReadError> {
        let data = self.data;
        if self.book.is_none() && self.calamine_only {
            self.calamine()?;
        }
        let XlsxSource { fast, book, calamine_only, scanned, .. } = self;
        guarded(|| {
            let mut rows = Rows { row: Vec::new(), keys: Vec::new(), current: None, delivered: 0 };
            let mut skip = 0u64;
            if let (Some(fast), false) = (fast.as_ref(), *calamine_only) {
                if let Some(done) = scan_sheet(data, fast, sheet, &mut rows, f) {
                    *scanned += 1;
                    return done;
                }
                skip = rows.delivered;
            }
            // calamine reads the sheet (from the cell the scanner stopped at, if it began)
            if book.is_none() {
                *book = Some(Xlsx::new(ByteReader::new(data)).map_err(map_err)?);
            }
            let Some(book) = book.as_mut() else { return Ok(()) };
            let mut reader = book.worksheet_cells_reader(sheet).map_err(map_err)?;
            let failed = loop {
                let cell = match reader.next_cell() {
                    Ok(Some(cell)) => cell,
                    Ok(None) => break None,
                    Err(e) => break Some(map_err(e)),
                };
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let (r, c) = cell.get_position();
                match rows.cell(r, c, ref_cell(cell.get_value()), NO_KEY, f) {
                    Step::Go => {}
                    Step::Stop => return Ok(()),
                    Step::Fail(e) => break Some(e),
                }
            };
            // the row being gathered is handed on before any error, so the rows read so far count
            if rows.finish(f) {
                return Ok(());
            }
            failed.map_or(Ok(()), Err)
        })
    }
}

/// The package opened, and the stored name of `sheet`'s part as `xlsx_book` found it
/// (matched case-insensitively, as calamine matches it).
fn sheet_part<'a>(data: Data<'a>, fast: &Book, sheet: &str) -> Option<(zip::ZipArchive<ByteReader<'a>>, String)> {
    let part = &fast.sheets.iter().find(|s| s.name == sheet && s.worksheet)?.part;
    let zip = zip::ZipArchive::new(ByteReader::new(data)).ok()?;
    let name = PartNames::of(&zip).find(part).to_string();
    Some((zip, name))
}

/// The last row the sheet part declares, bounded by what its inflated size can hold (a row
/// with a value is at least `<row><c><v>0</v></c></row>`, 25 bytes).
fn declared_last_row(entry: zip::read::ZipFile<'_, ByteReader<'_>>) -> Option<u32> {
    use std::io::Read;
    let most = u32::try_from(entry.size() / 25).unwrap_or(u32::MAX);
    let mut head = Vec::with_capacity(4096);
    entry.take(4096).read_to_end(&mut head).ok()?;
    Some(xlsx_scan::declared_last_row(&head)?.min(most))
}

/// The sheet read by `xlsx_scan`: `Some` when it read to the end (or stopped, or failed on a
/// limit), `None` when calamine must go on from `rows.delivered` cells.
fn scan_sheet<'s>(
    data: Data<'_>,
    fast: &'s Book,
    sheet: &str,
    rows: &mut Rows<'s>,
    f: &mut RowFn<'_>,
) -> Option<Result<(), ReadError>> {
    let (mut zip, name) = sheet_part(data, fast, sheet)?;
    let entry = zip.by_name(&name).ok()?;
    let ctx = xlsx_scan::Context { strings: &fast.strings, formats: &fast.formats };
    let mut failed = None;
    let mut stopped = false;
    let scan = xlsx_scan::scan(entry, &ctx, &mut |r, c, cell, key| match rows.cell(r, c, cell, key, f) {
        Step::Go => ControlFlow::Continue(()),
        Step::Stop => {
            stopped = true;
            ControlFlow::Break(())
        }
        Step::Fail(e) => {
            failed = Some(e);
            ControlFlow::Break(())
        }
    });
    match scan {
        Scan::Unsupported { .. } => None,
        Scan::Stopped if stopped => Some(Ok(())),
        Scan::Stopped | Scan::Done => {
            if rows.finish(f) {
                return Some(Ok(()));
            }
            Some(failed.map_or(Ok(()), Err))
        }
    }
}

/// Cells gathered into rows (cells arrive in sheet order; a row is handed on when the next
/// cell is in another row).
struct Rows<'c> {
    row: Vec<Cell<'c>>,
    /// The cells' keys (see [`RowFn`]), as long as `row`.
    keys: Vec<u32>,
    current: Option<u32>,
    /// Cells taken so far (where calamine resumes after the scanner).
    delivered: u64,
}

enum Step {
    Go,
    Stop,
    Fail(ReadError),
}

impl<'c> Rows<'c> {
    fn cell(&mut self, r: u32, c: u32, value: Cell<'c>, key: u32, f: &mut RowFn<'_>) -> Step {
        self.delivered += 1;
        if self.current != Some(r) {
            if let Some(prev) = self.current {
                if f(prev, &self.row, &self.keys).is_break() {
                    return Step::Stop;
                }
            }
            self.row.clear();
            self.keys.clear();
            self.current = None;
        }
        // past Excel's last row or column: corrupt or hostile, and not a reason to allocate
        if r >= MAX_ROWS {
            return Step::Fail(ReadError::TooLarge { what: Limit::Rows, limit: u64::from(MAX_ROWS) });
        }
        if c >= MAX_COLUMNS {
            return Step::Fail(ReadError::TooLarge { what: Limit::Columns, limit: u64::from(MAX_COLUMNS) });
        }
        self.current = Some(r);
        let c = c as usize;
        // an empty cell past the row's last value (a format applied to whole rows, to column
        // XEU) adds nothing: the row is not widened to it, so 16,384 empty cells per row are
        // no work downstream
        if self.row.len() <= c && matches!(value, Cell::Empty) {
            return Step::Go;
        }
        if self.row.len() <= c {
            self.row.resize(c + 1, Cell::Empty);
            self.keys.resize(c + 1, NO_KEY);
        }
        if let (Some(slot), Some(k)) = (self.row.get_mut(c), self.keys.get_mut(c)) {
            *slot = value;
            *k = key;
        }
        Step::Go
    }

    /// Hands on the last row; `true` when the callback stopped there.
    fn finish(&mut self, f: &mut RowFn<'_>) -> bool {
        match self.current.take() {
            Some(prev) => f(prev, &self.row, &self.keys).is_break(),
            None => false,
        }
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
        let mut source = XlsxSource::open(Data::Memory(&bytes)).unwrap();
        // the scan's own answer, so a scan that always gave up (leaving it to calamine) fails
        let fast = |source: &XlsxSource<'_>, name: &str| {
            let (mut zip, part) = source.sheet_part(name).unwrap();
            xlsx_merges::merged_regions(zip.by_name(&part).unwrap()).unwrap()
        };
        for name in names {
            let fast = fast(&source, name);
            let slow: Vec<Region> = source
                .calamine()
                .unwrap()
                .merge_cells_by_sheet_name(name)
                .unwrap()
                .iter()
                .map(|d| Region { first_row: d.start.0, first_col: d.start.1, last_row: d.end.0, last_col: d.end.1 })
                .collect();
            assert_eq!(fast, slow, "{name}");
            assert_eq!(source.merged_regions(name), Some(slow), "{name}");
        }
        assert_eq!(fast(&source, "服务记录").len(), 3);
        assert!(fast(&source, "空表").is_empty());
    }
}
