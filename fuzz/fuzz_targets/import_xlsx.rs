//! Raw bytes named `fuzz.xlsx` through the whole import: detection, then the xlsx reader,
//! header search, mapping and row conversion. Any panic (even one caught inside) is a crash:
//! the browser build aborts on panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard_domain::import::{import, FileInput, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let imp = import(&[FileInput { name: "fuzz.xlsx", bytes: data }], &ImportOptions::default());
    assert_eq!(imp.files.len(), 1);
    // Unreadable files must say so: an error always comes with a finding.
    if imp.files[0].error.is_some() {
        assert!(!imp.findings.is_empty());
    }
});
