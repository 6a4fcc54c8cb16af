//! The xls pre-scan: calamine builds every sheet of an xls whole when it opens the file, and
//! trusts numbers and lengths in the records while doing so. A 6 KB file whose DIMENSIONS
//! record claims 4 billion rows makes it reserve 40 TB and abort the process; a FORMULA or
//! NAME record shorter than its token count makes it index out of bounds (found by
//! fuzzing). A browser worker can catch neither. So before calamine sees a file, this reads
//! its `Workbook` stream (with the `cfb` crate), walks the BIFF records the way calamine's
//! record iterator does, and hands calamine a rebuilt container holding only that stream:
//!
//! - bounded: each sheet's DIMENSIONS rows × columns (calamine reserves that many cells) and
//!   the span of cell positions over all sheets (calamine builds dense ranges over them);
//! - neutralised in place, lengths unchanged: formulas' token lists emptied (their cached
//!   values stay: those are what is imported), NAME and EXTERNSHEET records (only formulas
//!   use them) and MERGECELLS records shorter than their count turned into a record type
//!   calamine skips;
//! - refused as damaged: sheet offsets that are not record starts, records shorter than
//!   the fixed fields calamine reads, a container the `cfb` crate cannot read (calamine's
//!   own reader is laxer, and laxness is what a hostile file needs).

use crate::error::{Limit, ReadError};
use crate::input::limits::{MAX_COLUMNS, MAX_ROWS, MAX_WHOLE_CELLS};
use std::io::{Cursor, Read, Write};

/// The most cells calamine may reserve for one sheet from its DIMENSIONS record
/// (a full xls sheet: 65,536 × 256; reserved, not written).
pub(super) const MAX_DIMENSION_CELLS: u64 = 1 << 24;
/// At most this many distinct sheet offsets are followed.
const MAX_SHEETS: usize = 4_096;

const BOUNDSHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const EOF: u16 = 0x000A;
const MULRK: u16 = 0x00BD;
/// Records that carry (row u16, column u16) first and make one cell in calamine.
const CELLS: &[u16] = &[0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];
/// Records calamine reads fixed fields from without a length check, and the length it needs.
const MIN_LENGTHS: &[(u16, usize)] = &[
    (FILEPASS, 2),
    (0x0042, 2), // CodePage
    (0x0022, 2), // DateMode
    (0x00E0, 4), // XF
    (BOUNDSHEET, 6),
    (0x0809, 2), // BOF
];
const FILEPASS: u16 = 0x002F;
const FORMULA: u16 = 0x0006;
const NAME: u16 = 0x0018;
const EXTERNSHEET: u16 = 0x0017;
const MERGECELLS: u16 = 0x00E5;
const SST: u16 = 0x00FC;
const CONTINUE: u16 = 0x003C;
/// A record type calamine matches nowhere: what a neutralised record becomes.
const SKIPPED: u16 = 0xFFFF;

fn corrupt(detail: &str) -> ReadError {
    ReadError::Corrupt { detail: format!("xls: {detail}") }
}

/// The compound file calamine may read instead of `bytes`: the workbook stream checked and
/// neutralised, in a fresh container.
pub(super) fn sanitized(bytes: &[u8]) -> Result<Vec<u8>, ReadError> {
    let (name, mut stream) = workbook_stream(bytes)?;
    let starts = neutralise(&mut stream)?;
    let mut offsets: Vec<usize> = Vec::new();
    for (typ, data) in records(&stream, 0) {
        if typ == EOF {
            break; // calamine reads the globals up to their EOF
        }
        if typ == BOUNDSHEET {
            let pos = u32_at(data, 0).unwrap_or(0) as usize;
            if pos != stream.len() && starts.binary_search(&pos).is_err() {
                return Err(corrupt("sheet offset not at a record"));
            }
            if !offsets.contains(&pos) {
                if offsets.len() >= MAX_SHEETS {
                    return Err(ReadError::TooLarge { what: Limit::Cells, limit: MAX_WHOLE_CELLS });
                }
                offsets.push(pos);
            }
        }
    }
    let mut spanned = 0u64;
    let mut walked = 0u64;
    for pos in offsets {
        let sheet = scan_sheet(&stream, pos)?;
        walked = walked.saturating_add(sheet.bytes);
        spanned = spanned.saturating_add(sheet.span());
        // sheets pointing into each other's records would make this pass quadratic
        if spanned > MAX_WHOLE_CELLS || walked > (stream.len() as u64).saturating_mul(8) {
            return Err(ReadError::TooLarge { what: Limit::Cells, limit: MAX_WHOLE_CELLS });
        }
    }
    rebuild(name, &stream).map_err(|e| corrupt(&e.to_string()))
}

/// Neutralises, in place, the records calamine would read past their end; returns every
/// record's start offset (ascending).
fn neutralise(stream: &mut [u8]) -> Result<Vec<usize>, ReadError> {
    let mut starts = Vec::new();
    let mut at = 0usize;
    while let (Some(typ), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let len = usize::from(len);
        let Some(data) = stream.get_mut(at + 4..at + 4 + len) else { break };
        starts.push(at);
        if let Some(&(_, min)) = MIN_LENGTHS.iter().find(|(t, _)| *t == typ) {
            if len < min {
                return Err(corrupt("record too short"));
            }
        }
        // what follows is encrypted: calamine stops here with "password", and so does this
        if typ == FILEPASS && u16_at(data, 0).is_some_and(|kind| kind != 0) {
            return Err(ReadError::Encrypted);
        }
        let skip = match typ {
            NAME | EXTERNSHEET => true,
            // calamine reports a formula under 20 bytes; from 22 the token count can be zeroed
            FORMULA if len >= 22 => {
                if let Some(count) = data.get_mut(20..22) {
                    count.fill(0);
                }
                false
            }
            FORMULA => len >= 20,
            MERGECELLS => u16_at(data, 0).is_none_or(|n| len < 2 + 8 * usize::from(n)),
            _ => false,
        };
        let sst = typ == SST;
        if let Some(t) = stream.get_mut(at..at + 2).filter(|_| skip) {
            t.copy_from_slice(&SKIPPED.to_le_bytes());
        }
        let data = stream.get(at + 4..at + 4 + len).unwrap_or(&[]);
        if sst && sst_panics(data, &continues(stream, at + 4 + len)) {
            return Err(corrupt("shared string table damaged"));
        }
        at += 4 + len;
    }
    Ok(starts)
}

/// The CONTINUE records calamine appends to the record ending at `at` (none when one of
/// them runs past the stream: calamine then reports the record as damaged).
fn continues(stream: &[u8], mut at: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    while stream.len().saturating_sub(at) > 4 && u16_at(stream, at) == Some(CONTINUE) {
        let len = usize::from(u16_at(stream, at + 2).unwrap_or(0));
        let Some(data) = stream.get(at + 4..at + 4 + len) else { return Vec::new() };
        out.push(data);
        at += 4 + len;
    }
    out
}

/// True when calamine's shared-string reader would index past a string header or an empty
/// CONTINUE record: it is replayed here step by step with checked reads.
fn sst_panics(data: &[u8], continues: &[&[u8]]) -> bool {
    let mut conts = continues.iter().copied();
    let Some(mut d) = data.get(8..) else { return false }; // calamine reports the length
    loop {
        if d.is_empty() {
            match conts.next() {
                Some(next) => d = next,
                None => return false,
            }
            if d.is_empty() {
                continue; // an empty string
            }
        }
        let (Some(cch), Some(&flags)) = (u16_at(d, 0), d.get(2)) else { return false }; // reported
        d = &d[3..];
        let mut runs = 0usize;
        let mut ext = 0usize;
        if flags & 0x8 != 0 {
            let Some(n) = u16_at(d, 0) else { return true };
            runs = usize::from(n) * 4;
            d = &d[2..];
        }
        if flags & 0x4 != 0 {
            let Some(n) = u32_at(d, 0) else { return true };
            ext = n as i32 as usize; // as calamine reads it: negative is huge, then reported
            d = &d[4..];
        }
        // the characters, continuing into CONTINUE records (each restarts with a flags byte)
        let mut left = usize::from(cch);
        let mut wide = flags & 0x1 != 0;
        while left > 0 {
            let n = if wide { (d.len() / 2).min(left) } else { d.len().min(left) };
            d = &d[if wide { 2 * n } else { n }..];
            left -= n;
            if left > 0 {
                let Some(next) = conts.next() else { return false }; // reported
                let Some(&f) = next.first() else { return true };
                wide = f & 0x1 != 0;
                d = &next[1..];
            }
        }
        // formatting runs and phonetic data are skipped, across CONTINUE records
        for mut skip in [runs, ext] {
            while skip > 0 {
                if d.is_empty() {
                    match conts.next() {
                        Some(next) => d = next,
                        None => return false, // reported
                    }
                }
                let n = skip.min(d.len());
                d = &d[n..];
                skip -= n;
            }
        }
    }
}

/// A version-3 compound file holding only the workbook stream (all calamine reads of an xls).
fn rebuild(name: &str, stream: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut cfb = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))?;
    let mut out = cfb.create_stream(name)?;
    out.write_all(stream)?;
    out.flush()?;
    drop(out);
    cfb.flush()?;
    Ok(cfb.into_inner().into_inner())
}

/// The `Workbook` (BIFF8) or `Book` (BIFF5) stream, as calamine picks it, and its name.
fn workbook_stream(bytes: &[u8]) -> Result<(&'static str, Vec<u8>), ReadError> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| ReadError::Corrupt { detail: format!("compound file: {e}") })?;
    let name = ["/Workbook", "/Book"].into_iter().find(|n| cfb.is_stream(n));
    let Some(name) = name else {
        return Err(corrupt("no Workbook stream"));
    };
    let mut out = Vec::new();
    let stream = cfb.open_stream(name).map_err(|e| corrupt(&e.to_string()))?;
    // a stream cannot hold more than the file; the cap only guards a looping sector chain
    stream.take(bytes.len() as u64 + 4096).read_to_end(&mut out).map_err(|e| corrupt(&e.to_string()))?;
    Ok((name, out))
}

/// What one sheet would make calamine allocate.
#[derive(Debug, Default, PartialEq)]
struct SheetScan {
    /// Bytes of records walked.
    bytes: u64,
    rows: Option<(u16, u16)>,
    cols: Option<(u16, u16)>,
}

impl SheetScan {
    fn cell(&mut self, row: u16, col: u16) {
        let widen = |span: Option<(u16, u16)>, x: u16| Some(span.map_or((x, x), |(a, b)| (a.min(x), b.max(x))));
        self.rows = widen(self.rows, row);
        self.cols = widen(self.cols, col);
    }

    /// Cells of the dense range calamine builds over every cell position.
    fn span(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1),
            _ => 0,
        }
    }
}

fn scan_sheet(stream: &[u8], pos: usize) -> Result<SheetScan, ReadError> {
    let mut scan = SheetScan::default();
    for (typ, data) in records(stream, pos) {
        scan.bytes += 4 + data.len() as u64;
        match typ {
            EOF => break,
            DIMENSIONS => dimensions(data)?,
            MULRK => {
                // row, first column, 6 bytes per cell, last column (calamine checks the length)
                if let (Some(row), Some(first), Some(last)) =
                    (u16_at(data, 0), u16_at(data, 2), data.len().checked_sub(2).and_then(|at| u16_at(data, at)))
                {
                    scan.cell(row, first);
                    scan.cell(row, last.max(first));
                }
            }
            t if CELLS.contains(&t) => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    scan.cell(row, col);
                }
            }
            _ => {}
        }
    }
    Ok(scan)
}

/// A DIMENSIONS record read as calamine reads it; refused when calamine would reserve more
/// than [`MAX_DIMENSION_CELLS`] (or wrap around computing the size).
fn dimensions(r: &[u8]) -> Result<(), ReadError> {
    let (rf, rl, cf, cl) = match r.len() {
        10 => (u16_at(r, 0).map(u32::from), u16_at(r, 2).map(u32::from), u16_at(r, 4), u16_at(r, 6)),
        14 | 16 => (u32_at(r, 0), u32_at(r, 4), u16_at(r, 8), u16_at(r, 10)),
        _ => return Ok(()), // calamine reports the length
    };
    let (Some(rf), Some(rl), Some(cf), Some(cl)) = (rf, rl, cf, cl) else { return Ok(()) };
    // calamine: a first column past 0xFF, or after the last, counts from 0
    let cf = if cf > 0xFF || cl < cf { 0 } else { u32::from(cf) };
    let cl = u32::from(cl);
    if rl < 1 || cl < 1 {
        return Ok(()); // calamine reads a one-cell range
    }
    // calamine: rows = (rl − 1) − rf + 1, cols = (cl − 1) − cf + 1, unchecked
    let (Some(rows), Some(cols)) = (rl.checked_sub(rf).filter(|&n| n > 0), cl.checked_sub(cf).filter(|&n| n > 0))
    else {
        return Err(corrupt("DIMENSIONS record out of order"));
    };
    if rows > MAX_ROWS {
        return Err(ReadError::TooLarge { what: Limit::Rows, limit: u64::from(MAX_ROWS) });
    }
    if cols > MAX_COLUMNS {
        return Err(ReadError::TooLarge { what: Limit::Columns, limit: u64::from(MAX_COLUMNS) });
    }
    if u64::from(rows) * u64::from(cols) > MAX_DIMENSION_CELLS {
        return Err(ReadError::TooLarge { what: Limit::Cells, limit: MAX_DIMENSION_CELLS });
    }
    Ok(())
}

/// BIFF records from `pos` as calamine's `RecordIter` splits them: (type, data). Stops at
/// the end or at a record longer than what is left (calamine reports that).
fn records(stream: &[u8], pos: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream.get(pos..).unwrap_or(&[]);
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        let data = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..)?;
        Some((typ, data))
    })
}

fn u16_at(s: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(s.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(s: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(s.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut v = typ.to_le_bytes().to_vec();
        v.extend((data.len() as u16).to_le_bytes());
        v.extend(data);
        v
    }

    fn dims(rf: u32, rl: u32, cf: u16, cl: u16) -> Vec<u8> {
        let mut d = rf.to_le_bytes().to_vec();
        d.extend(rl.to_le_bytes());
        d.extend(cf.to_le_bytes());
        d.extend(cl.to_le_bytes());
        d.extend([0, 0]);
        d
    }

    #[test]
    fn dimensions_as_calamine_reads_them() {
        let too = |what, limit| Err(ReadError::TooLarge { what, limit });
        let cases: Vec<(Vec<u8>, Result<(), ReadError>)> = vec![
            (dims(0, 9, 0, 7), Ok(())),
            (dims(0, 65_536, 0, 256), Ok(())),
            (dims(0, 0, 0, 0), Ok(())),
            (dims(0, u32::MAX, 0, 0xFF), too(Limit::Rows, u64::from(MAX_ROWS))),
            (dims(0, 1_048_576, 0, 256), too(Limit::Cells, MAX_DIMENSION_CELLS)),
            (dims(0, 10, 0, 0xFFFF), too(Limit::Columns, u64::from(MAX_COLUMNS))),
            (dims(5, 1, 0, 3), Err(corrupt("DIMENSIONS record out of order"))),
            (vec![1, 2, 3], Ok(())),
        ];
        for (data, want) in cases {
            assert_eq!(dimensions(&data), want, "{data:?}");
        }
    }

    #[test]
    fn sheet_spans_count_every_cell_position() {
        let mut stream = rec(0x0809, &[0; 16]);
        stream.extend(rec(0x0203, &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        stream.extend(rec(0x0203, &[9, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        stream.extend(rec(MULRK, &[2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0]));
        stream.extend(rec(EOF, &[]));
        stream.extend(rec(0x0203, &[0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        let scan = scan_sheet(&stream, 0).unwrap();
        assert_eq!((scan.rows, scan.cols), (Some((0, 9)), Some((0, 5))), "the cell after EOF is not the sheet's");
        assert_eq!(scan.span(), 10 * 6);
        assert_eq!(records(&stream, stream.len() + 5).count(), 0);
        assert_eq!(records(&rec(1, &[1, 2])[..5], 0).count(), 0, "a record longer than the rest");
    }

    #[test]
    fn records_calamine_would_read_past_their_end_are_neutralised() {
        let mut formula = vec![0u8; 24];
        formula[20] = 9; // 9 tokens promised, 2 present
        let mut stream = rec(FORMULA, &formula);
        stream.extend(rec(FORMULA, &[0; 21]));
        stream.extend(rec(NAME, &[0; 3]));
        stream.extend(rec(MERGECELLS, &[2, 0, 0, 0, 0, 0, 0, 0, 0, 0])); // 2 regions, 1 present
        stream.extend(rec(MERGECELLS, &[1, 0, 0, 0, 1, 0, 0, 0, 1, 0]));
        stream.extend(rec(0x0203, &[0; 14]));
        let starts = neutralise(&mut stream).unwrap();
        assert_eq!(starts, [0, 28, 53, 60, 74, 88]);
        let got: Vec<(u16, Vec<u8>)> = records(&stream, 0).map(|(t, d)| (t, d.to_vec())).collect();
        let types: Vec<u16> = got.iter().map(|(t, _)| *t).collect();
        assert_eq!(types, [FORMULA, SKIPPED, SKIPPED, SKIPPED, MERGECELLS, 0x0203]);
        assert_eq!(got[0].1[20..22], [0, 0], "the token count is zeroed, the cached value kept");
        assert_eq!(neutralise(&mut rec(0x0809, &[6])), Err(corrupt("record too short")));
    }

    #[test]
    fn shared_string_tables_calamine_would_read_past() {
        let head = [0u8; 8]; // total and unique counts
        let sst = |strings: &[u8]| [&head[..], strings].concat();
        // "ab" (8-bit), then "c" as UTF-16: a good table
        assert!(!sst_panics(&sst(&[2, 0, 0, b'a', b'b', 1, 0, 1, b'c', 0]), &[]));
        // rich-text flag with its run count cut off
        assert!(sst_panics(&sst(&[2, 0, 0x8, 7]), &[]));
        // phonetic flag with its size cut off
        assert!(sst_panics(&sst(&[2, 0, 0x4, 1, 2]), &[]));
        // a string continued into an empty CONTINUE record
        assert!(sst_panics(&sst(&[4, 0, 0, b'a', b'b']), &[&[]]));
        // …or into one that starts with its flags byte: fine
        assert!(!sst_panics(&sst(&[4, 0, 0, b'a', b'b']), &[&[0, b'c', b'd']]));
        // a string cut short with nothing to continue it: calamine reports it
        assert!(!sst_panics(&sst(&[4, 0, 0, b'a']), &[]));
        assert!(!sst_panics(&[1, 2, 3], &[]));
        let mut stream = rec(SST, &sst(&[4, 0, 0, b'a', b'b']));
        stream.extend(rec(CONTINUE, &[]));
        stream.extend(rec(EOF, &[]));
        assert_eq!(neutralise(&mut stream), Err(corrupt("shared string table damaged")));
    }

    #[test]
    fn an_encrypted_stream_stops_at_its_filepass() {
        let mut stream = rec(0x0809, &[0, 6, 5, 0]);
        stream.extend(rec(FILEPASS, &[1, 0, 1, 0]));
        stream.extend(rec(SST, &[0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0x8])); // encrypted bytes
        assert_eq!(neutralise(&mut stream), Err(ReadError::Encrypted));
        let mut plain = rec(FILEPASS, &[0, 0]);
        assert_eq!(neutralise(&mut plain), Ok(vec![0]));
    }
}
