//! ods (LibreOffice, WPS "OpenDocument"), through calamine's `Range`. Dates arrive as ISO
//! text (`2017-06-12`), durations as `PT2H30M0S`; the cell parsers read both.

use crate::error::ReadError;
use crate::formats::range::stream_range;
use crate::formats::{guarded, RowFn, SheetSource};
use crate::input::bytes::{ByteReader, Data};
use calamine::{Ods, OdsError, Reader};

pub(super) struct OdsSource<'a> {
    book: Ods<ByteReader<'a>>,
}

impl<'a> OdsSource<'a> {
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, ReadError> {
        crate::formats::ods_scan::check(bytes)?;
        guarded(|| Ods::new(ByteReader::new(Data::Memory(bytes))).map(|book| OdsSource { book }).map_err(map_err))
    }
}

fn map_err(e: OdsError) -> ReadError {
    match e {
        OdsError::Password => ReadError::Encrypted,
        other => ReadError::Corrupt { detail: other.to_string() },
    }
}

impl SheetSource for OdsSource<'_> {
    fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    fn rows(&mut self, sheet: &str, f: &mut RowFn<'_>) -> Result<(), ReadError> {
        guarded(|| {
            let range = self.book.worksheet_range(sheet).map_err(map_err)?;
            stream_range(&range, f);
            Ok(())
        })
    }
}
