//! Streaming a whole calamine `Range` (xls, ods) row by row through the same callback.

use crate::formats::RowFn;
use crate::input::cell::Cell;
use calamine::{Data, Range};
use std::borrow::Cow;

pub(super) fn stream_range(range: &Range<Data>, f: &mut RowFn<'_>) {
    let Some((r0, c0)) = range.start() else { return };
    let lead = c0 as usize;
    let mut cells: Vec<Cell<'_>> = Vec::new();
    for (i, row) in range.rows().enumerate() {
        cells.clear();
        cells.extend(std::iter::repeat_n(Cell::Empty, lead));
        // up to the row's last value: a range is as wide as its widest row (or its styled
        // empty cells), and empty cells past a row's end are no work to hand on
        let end = row.iter().rposition(|d| !matches!(d, Data::Empty)).map_or(0, |i| i + 1);
        cells.extend(row[..end].iter().map(data_cell));
        let idx = r0.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        if f(idx, &cells, &[]).is_break() {
            return;
        }
    }
}

pub(super) fn data_cell(d: &Data) -> Cell<'_> {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(Cow::Borrowed(s)),
        Data::Int(i) => Cell::Int(*i),
        Data::Float(f) => Cell::Float(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::DateTime { serial: dt.as_f64(), duration: dt.is_duration() },
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(Cow::Borrowed(s)),
        Data::Error(e) => Cell::Error(Cow::Owned(e.to_string())),
    }
}
