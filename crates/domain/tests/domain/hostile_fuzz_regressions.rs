//! Replays every input the fuzzers found crashing (`fixtures/fuzz/<target>/`, copied there by
//! `fuzz/run.sh`) and the fuzzers' seeds (`fuzz/seeds/<target>/`) through the same bodies the
//! fuzz targets run (`support/hostile/harness.rs`): no panic, and every unreadable file or
//! sheet has its finding. A panic that the importer catches (calamine runs under
//! `catch_unwind`) still counts: the browser build aborts on panic, so the worker would die.

use crate::support::hostile::harness;
use crate::support::{count_panics, panics_on_this_thread};
use std::path::Path;

const TARGETS: &[&str] = &["import_xlsx", "import_xls", "import_ods", "import_csv", "header_detection", "cell_parsers"];

fn replay(dir: &Path, target: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir.join(target)) else { return 0 };
    let mut n = 0;
    for entry in entries.flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        eprintln!("{target}: {}", entry.path().display());
        harness::run(target, &bytes);
        n += 1;
    }
    n
}

#[test]
fn crashes_found_by_fuzzing_stay_fixed() {
    // Arithmetic overflow inside calamine is left out: the test profile checks overflow, the
    // release build (fuzzed, and shipped) wraps there and calamine then reports an error.
    count_panics();
    let before = panics_on_this_thread();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut crashes = 0;
    let mut seeds = 0;
    for t in TARGETS {
        crashes += replay(&root.join("tests/fixtures/fuzz"), t);
        seeds += replay(&root.join("../../fuzz/seeds"), t);
    }
    eprintln!("replayed {crashes} crash inputs and {seeds} seeds");
    assert!(seeds >= TARGETS.len(), "every target has seeds");
    assert_eq!(panics_on_this_thread() - before, 0, "a panic (caught or not) while replaying");
}
