//! xls (BIFF8, as Excel and WPS save it), through calamine's `Range`. xls files are small
//! (65 536 rows at most), so the whole sheet in memory is fine.

use super::range::stream_range;
use super::{guarded, Region, RowFn, SheetSource};
use crate::import::cell::DateSystem;
use crate::import::detect::{cfb_has_stream, extension};
use crate::import::error::{NotSpreadsheet, ReadError};
use calamine::{Reader, SheetType, Xls, XlsError};
use std::io::Cursor;

pub struct XlsSource<'a> {
    book: Xls<Cursor<&'a [u8]>>,
}

impl<'a> XlsSource<'a> {
    /// Opens an OLE compound file. When it is no xls, says what it is instead: an
    /// encrypted xlsx (`EncryptedPackage`), a Word file, a WPS .et, or a damaged file.
    pub fn open(name: &str, bytes: &'a [u8]) -> Result<Self, ReadError> {
        let opened = guarded(|| Xls::new(Cursor::new(bytes)).map_err(map_err));
        match opened {
            Ok(book) => Ok(XlsSource { book }),
            Err(ReadError::Encrypted) => Err(ReadError::Encrypted),
            Err(e) => {
                if cfb_has_stream(bytes, "EncryptedPackage") {
                    Err(ReadError::Encrypted)
                } else if cfb_has_stream(bytes, "WordDocument") {
                    Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Word })
                } else if cfb_has_stream(bytes, "PowerPoint Document") {
                    Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::PowerPoint })
                } else if matches!(extension(name).as_str(), "et" | "ett") {
                    Err(ReadError::Unsupported { format: "WPS 表格 .et".into() })
                } else {
                    Err(e)
                }
            }
        }
    }
}

fn map_err(e: XlsError) -> ReadError {
    match e {
        XlsError::Password => ReadError::Encrypted,
        other => ReadError::Corrupt { detail: other.to_string() },
    }
}

impl SheetSource for XlsSource<'_> {
    fn sheet_names(&self) -> Vec<String> {
        self.book
            .sheets_metadata()
            .iter()
            .filter(|s| s.typ == SheetType::WorkSheet)
            .map(|s| s.name.clone())
            .collect()
    }

    fn date_system(&self) -> DateSystem {
        if self.book.has_1904_epoch() {
            DateSystem::V1904
        } else {
            DateSystem::V1900
        }
    }

    fn merged_regions(&mut self, sheet: &str) -> Option<Vec<Region>> {
        let dims = self.book.merge_cells_by_sheet_name(sheet).ok()?;
        Some(
            dims.iter()
                .map(|d| Region { first_row: d.start.0, first_col: d.start.1, last_row: d.end.0, last_col: d.end.1 })
                .collect(),
        )
    }

    fn rows(&mut self, sheet: &str, f: &mut RowFn<'_>) -> Result<(), ReadError> {
        guarded(|| {
            let range = self.book.worksheet_range(sheet).map_err(map_err)?;
            stream_range(&range, f);
            Ok(())
        })
    }
}
