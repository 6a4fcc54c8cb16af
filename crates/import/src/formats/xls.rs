//! xls (BIFF8, as Excel and WPS save it), through calamine's `Range`. xls files are small
//! (65 536 rows at most), so the whole sheet in memory is fine.

use crate::error::{NotSpreadsheet, ReadError};
use crate::formats::range::stream_range;
use crate::formats::{guarded, Region, RowFn, SheetSource};
use crate::input::cell::DateSystem;
use crate::input::detect::{cfb_has_stream, extension};
use calamine::{Reader, SheetType, Xls, XlsError};
use std::io::{Read, Seek, SeekFrom};

pub(super) struct XlsSource {
    /// Reads the container `xls_scan` rebuilt, not the file itself.
    book: Xls<Padded>,
}

/// The file's bytes followed by zeros that only reads see: its length (what calamine's
/// compound-file reader sizes itself by) stays the real one. calamine 0.38 slices out of
/// bounds when a damaged file points at the last, short sector; with the zeros every sector
/// it may ask for is whole, and the damage is reported as an error instead of a panic.
pub(super) struct Padded {
    bytes: Vec<u8>,
    pos: u64,
}

/// Two of the largest (4096-byte) sectors.
const PAD: u64 = 8192;

impl Read for Padded {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let len = self.bytes.len() as u64;
        if self.pos >= len + PAD || buf.is_empty() {
            return Ok(0);
        }
        let n = if self.pos < len {
            let start = self.pos as usize;
            let rest = self.bytes.get(start..).unwrap_or(&[]);
            let n = rest.len().min(buf.len());
            buf[..n].copy_from_slice(&rest[..n]);
            n
        } else {
            let n = ((len + PAD - self.pos) as usize).min(buf.len());
            buf[..n].fill(0);
            n
        };
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Padded {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let len = self.bytes.len() as i128;
        let target = match to {
            SeekFrom::Start(n) => i128::from(n),
            SeekFrom::End(d) => len + i128::from(d),
            SeekFrom::Current(d) => i128::from(self.pos) + i128::from(d),
        };
        self.pos = u64::try_from(target).map_err(|_| std::io::Error::other("seek before start"))?;
        Ok(self.pos)
    }
}

impl XlsSource {
    /// Opens an OLE compound file. When it is no xls, says what it is instead: an
    /// encrypted xlsx (`EncryptedPackage`), a Word file, a WPS .et, or a damaged file.
    pub(super) fn open(name: &str, bytes: &[u8]) -> Result<Self, ReadError> {
        // calamine builds every sheet while opening: it gets the checked, neutralised copy
        let opened = crate::formats::xls_scan::sanitized(bytes)
            .and_then(|clean| guarded(|| Xls::new(Padded { bytes: clean, pos: 0 }).map_err(map_err)));
        match opened {
            Ok(book) => Ok(XlsSource { book }),
            Err(e @ (ReadError::Encrypted | ReadError::TooLarge { .. })) => Err(e),
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

impl SheetSource for XlsSource {
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
        let dims = self.book.merge_cells_by_sheet_name(sheet).ok()?;
        Some(
            dims.iter()
                .take(crate::input::limits::MAX_MERGES)
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
