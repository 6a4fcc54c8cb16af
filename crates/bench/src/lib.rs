//! Benchmark inputs: big, deterministic workbooks of service records and a roster whose
//! 志愿者编号 match the records' keys, written row by row in rust_xlsxwriter's "low memory"
//! mode (one row in memory, shared strings like the national system's exports).
//!
//! Invariant: the same seed and year give the same files; `records_10k` is the first
//! 10,000 rows of `records_100k`, which is the first 100,000 of `records_1m` (the record
//! stream of `samples::Synth` is a prefix stream).

use rust_xlsxwriter::{Workbook, XlsxError};
use scorecard_domain::samples::{write_clean, Formats, Synth, SynthSpec};
use std::path::Path;

pub mod measure;
pub mod probe;

/// Volunteers on the benchmark roster.
pub const ROSTER_SIZE: usize = 100_000;
/// Stations of the benchmark district (about 1,700 volunteers each).
pub const STATIONS: usize = 60;
/// The roster's 年度服务时长 is the sum of the first this many records, whatever sizes
/// are asked for, so `roster_100k.xlsx` never depends on `--sizes`.
pub const ROSTER_HOURS_FROM: usize = 1_000_000;
/// Data rows per sheet: Excel holds 1,048,576 rows; bigger files continue on 服务记录(2) …
pub const ROWS_PER_SHEET: usize = 1_000_000;

/// The spec of the benchmark district with `records` records.
pub fn bench_spec(year: i32, seed: u64, records: usize) -> SynthSpec {
    SynthSpec {
        year,
        seed,
        stations: STATIONS,
        volunteers: ROSTER_SIZE,
        records,
        activities: STATIONS * 24,
        trainings: STATIONS * 4,
    }
}

/// `10k`, `100k`, `1m`, `3m` or plain digits → a row count.
pub fn parse_size(s: &str) -> Option<usize> {
    let t = s.trim().to_ascii_lowercase();
    let (digits, factor) = match t.strip_suffix('k') {
        Some(d) => (d, 1_000),
        None => match t.strip_suffix('m') {
            Some(d) => (d, 1_000_000),
            None => (t.as_str(), 1),
        },
    };
    digits.parse::<usize>().ok().and_then(|n| n.checked_mul(factor)).filter(|&n| n > 0)
}

/// The file-name label of a size: 10k, 100k, 1m, 3m, 2500.
pub fn size_label(n: usize) -> String {
    match (n / 1_000_000, n % 1_000_000, n / 1_000, n % 1_000) {
        (m, 0, _, _) => format!("{m}m"),
        (_, _, k, 0) => format!("{k}k"),
        _ => n.to_string(),
    }
}

/// What was written, for the report and the manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub rows: usize,
    pub sheets: usize,
    /// Sum of 服务时长 (records) or 年度服务时长 (roster).
    pub total_hours: f64,
}

/// The first `n` records of `synth` as one workbook (more sheets past [`ROWS_PER_SHEET`]).
pub fn write_records(synth: &Synth, n: usize, path: &Path) -> Result<Written, XlsxError> {
    write_records_in_sheets(synth, n, ROWS_PER_SHEET, path)
}

/// [`write_records`] with `per_sheet` data rows per sheet (at least 1).
pub fn write_records_in_sheets(synth: &Synth, n: usize, per_sheet: usize, path: &Path) -> Result<Written, XlsxError> {
    let per_sheet = per_sheet.max(1);
    let mut wb = Workbook::new();
    wb.set_properties(&scorecard_domain::samples::xlsx::fixed_properties());
    let f = Formats::new();
    let mut total_hours = 0.0;
    let mut stream = synth.records().take(n).inspect(|r| total_hours += r.hours);
    let (mut rows, mut sheets) = (0usize, 0usize);
    while rows < n || sheets == 0 {
        let ws = wb.add_worksheet_with_low_memory()?;
        sheets += 1;
        ws.set_name(if sheets == 1 { "服务记录".to_string() } else { format!("服务记录({sheets})") })?;
        let chunk = (n - rows).min(per_sheet);
        let written = write_clean(ws, stream.by_ref().take(chunk), &f)?;
        rows += written as usize;
        if written == 0 {
            break;
        }
    }
    drop(stream);
    wb.save(path)?;
    Ok(Written { rows, sheets, total_hours })
}

/// The roster of `synth` (its hours from `synth`'s own records) as 志愿者名册.
pub fn write_roster(synth: &Synth, path: &Path) -> Result<Written, XlsxError> {
    let roster = synth.roster();
    let mut wb = Workbook::new();
    wb.set_properties(&scorecard_domain::samples::xlsx::fixed_properties());
    let ws = wb.add_worksheet_with_low_memory()?;
    ws.set_name("志愿者名册")?;
    let rows = write_clean(ws, roster.iter(), &Formats::new())? as usize;
    wb.save(path)?;
    Ok(Written { rows, sheets: 1, total_hours: roster.iter().map(|v| v.annual_hours).sum() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_label_both_ways() {
        let table = [("10k", Some(10_000)), ("100K", Some(100_000)), ("1m", Some(1_000_000)), ("3m", Some(3_000_000))];
        for (s, want) in table {
            assert_eq!(parse_size(s), want, "{s}");
            assert_eq!(size_label(want.unwrap()), s.to_ascii_lowercase());
        }
        for bad in ["", "k", "0", "-1k", "1.5m", "ten"] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
        assert_eq!(parse_size("2500"), Some(2500));
        assert_eq!(size_label(2500), "2500");
    }
}
