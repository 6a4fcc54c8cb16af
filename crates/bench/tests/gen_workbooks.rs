//! The benchmark writers on a small town: sheets split at the row limit, rows and totals
//! read back with calamine, record keys found on the roster, and the prefix property
//! (a smaller file is the start of a bigger one).

// A test binary: a failed unwrap is a failed test (Cargo.toml [workspace.lints]).
#![allow(clippy::unwrap_used)]

use calamine::{open_workbook, Data, Reader, Xlsx};
use scorecard_bench::{write_records, write_records_in_sheets, write_roster};
use scorecard_domain::samples::{Synth, SynthSpec};
use std::collections::HashSet;
use std::path::PathBuf;

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecard-bench-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// All data rows (header dropped) of every sheet, in sheet order, as text.
fn rows(path: &PathBuf) -> (Vec<String>, Vec<Vec<String>>) {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let names = wb.sheet_names();
    let mut out = Vec::new();
    for name in &names {
        let range = wb.worksheet_range(name).unwrap();
        for row in range.rows().skip(1) {
            out.push(row.iter().map(Data::to_string).collect());
        }
    }
    (names, out)
}

#[test]
fn records_split_into_sheets_read_back_whole_and_match_the_roster() {
    let synth = Synth::new(SynthSpec { records: 100, ..SynthSpec::demo(2017, 9) });
    let path = tmp("records_100.xlsx");
    let w = write_records_in_sheets(&synth, 100, 40, &path).unwrap();
    assert_eq!((w.rows, w.sheets), (100, 3));
    let want_hours: f64 = synth.records().map(|r| r.hours).sum();
    assert_eq!(w.total_hours, want_hours);
    let (names, data) = rows(&path);
    assert_eq!(names, ["服务记录", "服务记录(2)", "服务记录(3)"]);
    assert_eq!(data.len(), 100);
    // 志愿者编号, 证件号码, 姓名, 手机号码, 活动名称, 服务日期, 服务时长, 所属站点
    let read_hours: f64 = data.iter().map(|r| r[6].parse::<f64>().unwrap()).sum();
    assert_eq!(read_hours, want_hours);

    let roster_path = tmp("roster.xlsx");
    let rw = write_roster(&synth, &roster_path).unwrap();
    assert_eq!(rw.rows, 600);
    assert_eq!(rw.total_hours, want_hours, "年度服务时长 sums the same records");
    let (_, roster) = rows(&roster_path);
    let numbers: HashSet<&str> = roster.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers.len(), 600);
    assert!(data.iter().all(|r| numbers.contains(r[0].as_str())), "every record's key is on the roster");

    // a smaller file is the start of a bigger one
    let small = tmp("records_10.xlsx");
    write_records(&synth, 10, &small).unwrap();
    let (names, first) = rows(&small);
    assert_eq!(names, ["服务记录"]);
    assert_eq!(first[..], data[..10]);
    // and the same inputs give the same bytes
    let again = tmp("records_10_again.xlsx");
    write_records(&synth, 10, &again).unwrap();
    assert_eq!(std::fs::read(&small).unwrap(), std::fs::read(&again).unwrap());
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}
