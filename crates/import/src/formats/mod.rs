//! One module per input format behind one trait, [`SheetSource`] (as calamine does).
//!
//! Invariant: a source hands out rows in sheet order with *absolute* column indices
//! (column A = 0) and 0-based row indices; it never panics on bad bytes (calamine is run
//! under `catch_unwind` where unwinding is available; the browser build aborts on panic,
//! so `xls_scan` and `ods_scan` first bound and neutralise what calamine would trip on).

mod csv;
mod ods;
mod ods_scan;
mod range;
mod xls;
mod xls_scan;
mod xlsx;
mod xlsx_book;
mod xlsx_merges;
mod xlsx_scan;

pub use csv::{decode_text, TextEncoding};

use crate::error::ReadError;
use crate::input::bytes::Data;
use crate::input::cell::{Cell, DateSystem};
use crate::input::detect::Format;
use std::ops::ControlFlow;

/// A merged region, 0-based inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

/// The row callback: (0-based row index, the row's cells from column A, their keys) → go
/// on or stop.
///
/// A cell's key is the index of the workbook's shared string it holds ([`NO_KEY`] for any
/// other cell; the slice may be shorter than the row, or empty for formats without shared
/// strings). Within one sheet, equal keys mean equal text, so per-text work — trimming,
/// checking an ID, interning — is done once per distinct string (`sheets::convert::Recent`): at a
/// million rows, touching each cell's text and hash-table slot was the largest single cost.
pub type RowFn<'f> = dyn FnMut(u32, &[Cell<'_>], &[u32]) -> ControlFlow<()> + 'f;

/// The key of a cell that is not a shared string.
pub const NO_KEY: u32 = u32::MAX;

/// A workbook (or a CSV as a one-sheet workbook) that can stream its sheets' rows.
pub trait SheetSource {
    /// Worksheet names in workbook order (chart sheets left out).
    fn sheet_names(&self) -> Vec<String>;
    /// The epoch of date serials.
    fn date_system(&self) -> DateSystem {
        DateSystem::V1900
    }
    /// Merged regions of a sheet, or `None` when the format cannot tell cheaply (then header
    /// group cells are forward-filled instead).
    fn merged_regions(&mut self, _sheet: &str) -> Option<Vec<Region>> {
        None
    }
    /// How many shared strings the workbook has: the cells' keys (see [`RowFn`]) are below
    /// it; 0 for formats without them.
    fn shared_strings(&self) -> usize {
        0
    }
    /// The last row (0-based) `sheet` declares, when the format tells cheaply (xlsx's
    /// `<dimension>`); a hint for reserving memory, which may be wrong.
    fn last_row_hint(&mut self, _sheet: &str) -> Option<u32> {
        None
    }
    /// Streams the rows of `sheet`. Blank rows may or may not be delivered.
    fn rows(&mut self, sheet: &str, f: &mut RowFn<'_>) -> Result<(), ReadError>;
}

/// Opens `bytes` (already detected as `format`) as a [`SheetSource`].
pub fn open<'a>(format: Format, name: &str, bytes: &'a [u8]) -> Result<Box<dyn SheetSource + 'a>, ReadError> {
    Ok(match format {
        Format::Xlsx | Format::Xlsm => Box::new(xlsx::XlsxSource::open(Data::Memory(bytes))?),
        Format::Xls => Box::new(xls::XlsSource::open(name, bytes)?),
        Format::Ods => Box::new(ods::OdsSource::open(bytes)?),
        Format::Csv => Box::new(csv::CsvSource::open(bytes)?),
    })
}

/// An xlsx (or xlsm) read part by part from `data`, which need not be in memory.
pub fn open_xlsx(data: Data<'_>) -> Result<Box<dyn SheetSource + '_>, ReadError> {
    Ok(Box::new(xlsx::XlsxSource::open(data)?))
}

/// Every row of every worksheet of an xlsx as the import receives them, read the usual way
/// (`xlsx_book` + `xlsx_scan`, calamine where they stop) or, with `reference`, by calamine
/// alone. For the tests and benchmarks that hold the two readers to the same answer.
pub fn xlsx_rows(bytes: &[u8], reference: bool) -> Result<XlsxRows, ReadError> {
    let mut source = if reference {
        xlsx::XlsxSource::open_with_calamine(Data::Memory(bytes))?
    } else {
        xlsx::XlsxSource::open(Data::Memory(bytes))?
    };
    let mut out = XlsxRows { dates: source.date_system(), ..XlsxRows::default() };
    for name in source.sheet_names() {
        let mut rows = Vec::new();
        let read = source.rows(&name, &mut |r, cells, _| {
            rows.push((r, cells.iter().map(Cell::to_owned_cell).collect()));
            ControlFlow::Continue(())
        });
        out.sheets.push(SheetRows { name, rows, error: read.err() });
    }
    out.scanned = source.scanned();
    Ok(out)
}

/// What [`xlsx_rows`] read.
#[derive(Debug, Default, PartialEq)]
pub struct XlsxRows {
    pub dates: DateSystem,
    pub sheets: Vec<SheetRows>,
    /// Sheets the scanner read to their end without calamine (always 0 for the reference).
    pub scanned: usize,
}

/// One sheet's rows (0-based index, cells from column A) and the error that ended it.
#[derive(Debug, PartialEq)]
pub struct SheetRows {
    pub name: String,
    pub rows: Vec<(u32, Vec<Cell<'static>>)>,
    pub error: Option<ReadError>,
}

/// Details of a CSV's text (for the file's outcome).
pub fn csv_details(bytes: &[u8]) -> (TextEncoding, char) {
    csv::details(bytes)
}

/// Runs calamine code, turning a panic (a bug on hostile bytes) into `Corrupt`.
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(_) => {
            Err(ReadError::Corrupt { detail: "reader crashed on this file / 读取程序无法处理此文件".into() })
        }
    }
}
