//! Files read on demand (`Data::OnDemand`, how the browser's worker reads a picked `File`)
//! import exactly as the same bytes held in memory; a file that cannot be read to its end
//! becomes a finding, not a panic.

use crate::support::fixture;
use crate::support::import::*;
use scorecard_domain::import::{import_data, Bytes, Data, FileData, Import, ImportOptions};
use scorecard_domain::samples::demo::demo_workbook;
use scorecard_domain::FindingKind;
use std::cell::Cell;
use std::io;
use std::ops::ControlFlow;
use V::*;

/// The bytes handed out at most `step` at a time; counts reads, and fails past `fail_from`.
struct OnDemand<'a> {
    bytes: &'a [u8],
    step: usize,
    fail_from: u64,
    reads: Cell<usize>,
}

impl<'a> OnDemand<'a> {
    fn new(bytes: &'a [u8], step: usize) -> Self {
        OnDemand { bytes, step, fail_from: u64::MAX, reads: Cell::new(0) }
    }
}

impl Bytes for OnDemand<'_> {
    fn size(&self) -> u64 {
        self.bytes.len() as u64
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        self.reads.set(self.reads.get() + 1);
        if offset + buf.len() as u64 > self.fail_from {
            return Err(io::Error::other("文件在读取时发生了变化"));
        }
        let start = (offset as usize).min(self.bytes.len());
        let n = buf.len().min(self.step).min(self.bytes.len() - start);
        buf[..n].copy_from_slice(&self.bytes[start..start + n]);
        Ok(n)
    }
}

fn import_one(name: &str, data: Data<'_>) -> Import {
    import_data(&[FileData { name, data }], &ImportOptions::default(), &mut |_| ControlFlow::Continue(()))
}

/// Both ways of reading give the same import, to the last finding and cell of the report.
fn check(name: &str, bytes: &[u8], step: usize) -> Import {
    let memory = import_one(name, Data::Memory(bytes));
    let source = OnDemand::new(bytes, step);
    let on_demand = import_one(name, Data::OnDemand(&source));
    assert!(source.reads.get() > 0, "{name}: never read on demand");
    let json = |i: &Import| serde_json::to_string(i).unwrap();
    assert_eq!(json(&memory), json(&on_demand), "{name}, {step} bytes a read");
    memory
}

#[test]
fn every_format_imports_the_same_read_on_demand() {
    let demo = demo_workbook(2017).unwrap();
    let merged = {
        let mut s = sheet(
            "服务记录",
            vec![
                (0, vec![S("志愿者"), E, S("服务日期"), S("服务时长")]),
                (1, vec![S("编号"), S("姓名"), E, E]),
                (2, vec![S("V001"), S("张三"), Date(42_900.0), N(2.0)]),
            ],
        );
        s.merges = vec![(0, 0, 0, 1, "志愿者"), (0, 2, 1, 2, "服务日期"), (0, 3, 1, 3, "服务时长")];
        xlsx(&[s])
    };
    let csv = gbk("志愿者编号,姓名,活动名称,服务日期,服务时长\nV001,张三,巡逻,2017-06-12,2\n");
    let cases: &[(&str, &[u8])] = &[
        ("demo.xlsx", &demo),
        ("merged.xlsx", &merged),
        ("records.csv", &csv),
        ("roster_title_rows.xls", &fixture("roster_title_rows.xls")),
        ("roster_title_rows.ods", &fixture("roster_title_rows.ods")),
    ];
    for &(name, bytes) in cases {
        // 7 bytes a read only for the small files: the demo town would take 40,000 reads
        let steps: &[usize] = if bytes.len() > 100_000 { &[1 << 20, 4096] } else { &[1 << 20, 4096, 7] };
        for &step in steps {
            let imp = check(name, bytes, step);
            assert!(imp.all_read(), "{name}: {:?}", imp.findings.first());
        }
    }
    // the demo town really has its rows, and the merged header was combined
    let imp = check("demo.xlsx", &demo, 4096);
    assert!(imp.tables.records.len() > 1000, "{}", imp.tables.records.len());
    let imp = check("merged.xlsx", &merged, 4096);
    assert_eq!(imp.tables.records.len(), 1);
}

#[test]
fn a_file_that_stops_being_readable_is_a_finding() {
    let demo = demo_workbook(2017).unwrap();
    // Every byte offset class: the zip's directory at the end, the first part, the middle.
    for fail_from in [0, 100, demo.len() as u64 / 2, demo.len() as u64 - 30] {
        let source = OnDemand { fail_from, ..OnDemand::new(&demo, 1 << 20) };
        let imp = import_one("demo.xlsx", Data::OnDemand(&source));
        assert!(!imp.all_read(), "failing from {fail_from}");
        assert!(
            imp.findings.iter().any(|f| f.kind == FindingKind::UnreadableFile),
            "failing from {fail_from}: {:?}",
            imp.findings
        );
    }
}
