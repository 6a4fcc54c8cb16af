//! Probes of the importer's hot spots (`bench-native --probe FILE`): each costs a step the
//! importer takes today against the cheaper way proposed for it, on the same cells, so a
//! proposal comes with its measured gain before anyone edits `import/`.
//!
//! - merges: calamine's `merge_cells_by_sheet_name` (a second XML pass over the sheet, what
//!   `XlsxSource::merged_regions` does for files up to 8 MB) against inflating the sheet's
//!   zip entry and searching its bytes for `<mergeCell`.
//! - repeated header: `normalize_header(cell) == leaf` for every mapped text cell of every
//!   row (`Plan::is_repeated_header`) against [`normalizes_to`], which compares as it
//!   normalises and stops at the first difference, allocating nothing.
//! - totals/notes: `skip_kind` on the first three cells of every row against the same call
//!   behind [`may_be_marker`], an exact pre-filter.
//! - interning: every text cell interned as the importer does (trimmed) against interning
//!   through a cache keyed by the address of calamine's shared string.

use crate::measure::{timed, InputFile};
use calamine::{DataRef, Reader, Xlsx};
use scorecard_domain::import::columns::synonyms::normalize_header;
use scorecard_domain::import::input::cell::trim;
use scorecard_domain::import::sheets::skip::{skip_kind, MARKER_COLUMNS};
use scorecard_domain::Interner;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::time::Duration;

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// Every row of every worksheet as owned texts (`None` for a non-text cell).
fn text_rows(f: &InputFile) -> Result<Vec<Vec<Option<String>>>, String> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(f.bytes.as_slice())).map_err(|e| e.to_string())?;
    let mut rows: Vec<Vec<Option<String>>> = Vec::new();
    for name in wb.sheet_names() {
        let mut r = wb.worksheet_cells_reader(&name).map_err(|e| e.to_string())?;
        let mut current = None;
        while let Some(cell) = r.next_cell().map_err(|e| e.to_string())? {
            let (row, col) = cell.get_position();
            if current != Some(row) {
                rows.push(Vec::new());
                current = Some(row);
            }
            let Some(last) = rows.last_mut() else { continue };
            let col = col as usize;
            if last.len() <= col {
                last.resize(col + 1, None);
            }
            last[col] = match cell.get_value() {
                DataRef::SharedString(s) => Some(s.to_string()),
                DataRef::String(s) => Some(s.clone()),
                _ => None,
            };
        }
    }
    Ok(rows)
}

pub use scorecard_domain::import::columns::synonyms::normalizes_to;
/// The allocation-free checks the importer now uses, probed against the allocating ones.
pub use scorecard_domain::import::sheets::skip::may_be_marker;

/// The probes on one xlsx file, each the best of `runs`.
pub fn probe(f: &InputFile, runs: usize) -> Result<Value, String> {
    let best = |v: Vec<Duration>| v.into_iter().min().map_or(0.0, ms);
    let runs = runs.max(1);

    // merges
    let (mut cal, mut scan) = (Vec::new(), Vec::new());
    let mut found = (0usize, 0usize);
    for _ in 0..runs {
        let (n, d) = timed(|| -> Result<usize, String> {
            let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(f.bytes.as_slice())).map_err(|e| e.to_string())?;
            let mut n = 0;
            for name in wb.sheet_names() {
                n += wb.merge_cells_by_sheet_name(&name).map_err(|e| e.to_string())?.len();
            }
            Ok(n)
        });
        found.0 = n?;
        cal.push(d);
        let (n, d) = timed(|| -> Result<usize, String> {
            let mut zip = zip::ZipArchive::new(Cursor::new(f.bytes.as_slice())).map_err(|e| e.to_string())?;
            let mut n = 0;
            let names: Vec<String> = zip
                .file_names()
                .filter_map(|p| p.ok().map(|p| p.into_owned()))
                .filter(|p| p.starts_with("xl/worksheets/") && p.ends_with(".xml"))
                .collect();
            let mut buf = vec![0u8; 1 << 16];
            let finder = memchr::memmem::Finder::new(b"<mergeCell ");
            for p in names {
                let mut e = zip.by_name(&p).map_err(|e| e.to_string())?;
                let mut tail: Vec<u8> = Vec::new();
                loop {
                    let k = e.read(&mut buf).map_err(|e| e.to_string())?;
                    if k == 0 {
                        break;
                    }
                    // keep the last bytes of the previous chunk so a split tag is still found
                    let keep = tail.len().min(16);
                    let mut window = tail.split_off(tail.len() - keep);
                    window.extend_from_slice(&buf[..k]);
                    n += finder.find_iter(&window).count();
                    tail = window;
                }
            }
            Ok(n)
        });
        found.1 = n?;
        scan.push(d);
    }

    // cells, owned, for the per-row probes
    let rows = text_rows(f)?;
    let leaves: Vec<String> = rows
        .first()
        .map(|h| h.iter().map(|c| c.as_deref().map(normalize_header).unwrap_or_default()).collect())
        .unwrap_or_default();
    let data = rows.get(1..).unwrap_or(&[]);
    let (mut norm, mut stream) = (Vec::new(), Vec::new());
    let (mut same_a, mut same_b) = (0usize, 0usize);
    for _ in 0..runs {
        let (n, d) = timed(|| {
            let mut same = 0;
            for r in data {
                for (cell, leaf) in r.iter().zip(&leaves) {
                    if let Some(t) = cell.as_deref().filter(|t| !trim(t).is_empty()) {
                        same += usize::from(normalize_header(t) == *leaf);
                    }
                }
            }
            same
        });
        same_a = n;
        norm.push(d);
        let (n, d) = timed(|| {
            let mut same = 0;
            for r in data {
                for (cell, leaf) in r.iter().zip(&leaves) {
                    if let Some(t) = cell.as_deref().filter(|t| !trim(t).is_empty()) {
                        same += usize::from(normalizes_to(t, leaf));
                    }
                }
            }
            same
        });
        same_b = n;
        stream.push(d);
    }
    if same_a != same_b {
        return Err(format!("normalizes_to disagrees with normalize_header: {same_a} vs {same_b}"));
    }

    let (mut skip, mut pre) = (Vec::new(), Vec::new());
    let (mut kinds_a, mut kinds_b) = (0usize, 0usize);
    for _ in 0..runs {
        let (n, d) = timed(|| {
            data.iter().filter(|r| skip_kind(r.iter().take(MARKER_COLUMNS).map(|c| c.as_deref())).is_some()).count()
        });
        kinds_a = n;
        skip.push(d);
        let (n, d) = timed(|| {
            data.iter()
                .filter(|r| {
                    r.iter().take(MARKER_COLUMNS).flatten().any(|t| may_be_marker(t))
                        && skip_kind(r.iter().take(MARKER_COLUMNS).map(|c| c.as_deref())).is_some()
                })
                .count()
        });
        kinds_b = n;
        pre.push(d);
    }
    if kinds_a != kinds_b {
        return Err(format!("may_be_marker drops markers: {kinds_a} vs {kinds_b}"));
    }
    let (data_rows, cells_checked) = (data.len(), data.iter().map(|r| r.iter().flatten().count()).sum::<usize>());
    drop(rows);

    // interning while streaming (borrowed shared strings, as the importer sees them)
    let stream_only = |intern: &mut dyn FnMut(&str)| -> Result<(), String> {
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(f.bytes.as_slice())).map_err(|e| e.to_string())?;
        for name in wb.sheet_names() {
            let mut r = wb.worksheet_cells_reader(&name).map_err(|e| e.to_string())?;
            while let Some(cell) = r.next_cell().map_err(|e| e.to_string())? {
                if let DataRef::SharedString(s) = cell.get_value() {
                    intern(s);
                }
            }
        }
        Ok(())
    };
    let (mut plain, mut interned, mut cached) = (Vec::new(), Vec::new(), Vec::new());
    let mut strings = (0, 0);
    for _ in 0..runs {
        let (r, d) = timed(|| {
            stream_only(&mut |s| {
                std::hint::black_box(s);
            })
        });
        r?;
        plain.push(d);
        let mut i = Interner::new();
        let (r, d) = timed(|| {
            stream_only(&mut |s| {
                let t = trim(s);
                if !t.is_empty() {
                    std::hint::black_box(i.intern(t));
                }
            })
        });
        r?;
        strings.0 = i.len();
        interned.push(d);
        let mut i = Interner::new();
        let mut by_addr: HashMap<(usize, usize), Option<scorecard_domain::Sym>, rustc_hash::FxBuildHasher> =
            HashMap::default();
        let (r, d) = timed(|| {
            stream_only(&mut |s| {
                let sym = *by_addr.entry((s.as_ptr() as usize, s.len())).or_insert_with(|| {
                    let t = trim(s);
                    (!t.is_empty()).then(|| i.intern(t))
                });
                std::hint::black_box(sym);
            })
        });
        r?;
        strings.1 = i.len();
        cached.push(d);
    }
    if strings.0 != strings.1 {
        return Err(format!("the address cache interned {} strings, not {}", strings.1, strings.0));
    }
    let stream_ms = best(plain);
    Ok(json!({
        "file": f.name,
        "merges": { "found": found.0, "calamine_ms": best(cal), "byte_scan_found": found.1, "byte_scan_ms": best(scan) },
        "repeated_header": { "cells_checked": cells_checked,
            "normalize_ms": best(norm), "normalizes_to_ms": best(stream) },
        "markers": { "rows": data_rows, "skip_kind_ms": best(skip), "prefiltered_ms": best(pre) },
        "interning": { "strings": strings.0, "stream_ms": stream_ms,
            "intern_ms": best(interned) - stream_ms, "address_cache_ms": best(cached) - stream_ms },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaming_compare_agrees_with_normalize_header() {
        let leaves = ["志愿者编号", "服务时长", "id", "姓名"];
        let cells = [
            "志愿者编号",
            " 志愿者编号 ",
            "志愿者编号：",
            "志愿者编号::",
            "志愿者编号（必填）",
            "*志愿者编号",
            "志愿者 编号",
            "志愿者编号x",
            "志愿者",
            "",
            "服务时长(小时)",
            "服务时长【h】",
            "ＩＤ",
            "Id",
            "I D",
            "id:x",
            "姓名:",
            "姓名:姓名",
            "V000123",
            "110105194912310021",
            "(姓名)",
            "姓(x)名",
        ];
        for leaf in leaves {
            for cell in cells {
                assert_eq!(normalizes_to(cell, leaf), normalize_header(cell) == leaf, "{cell:?} vs {leaf:?}");
            }
        }
    }

    #[test]
    fn the_marker_prefilter_never_hides_a_marker() {
        for cell in [
            "合计",
            "本页小计",
            "总计（小时）",
            "汇总",
            "填表人：王五",
            "注：时长以小时计",
            "　备注：",
            "说明:",
            "制表日期",
        ] {
            assert!(may_be_marker(cell), "{cell}");
            assert!(skip_kind([Some(cell)]).is_some(), "{cell}");
        }
        for cell in ["张三", "V000123", "新桥社区", "2017-03-05"] {
            assert!(!may_be_marker(cell), "{cell}");
        }
    }
}
