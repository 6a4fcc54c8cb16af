//! Raw bytes named `fuzz.xlsx` through the whole import. The body is shared with
//! `crates/domain/tests/domain/hostile_fuzz_regressions.rs`, which replays the crashes found.
#![no_main]

#[path = "../../crates/domain/tests/domain/support/hostile/harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(init: harness::fuzz_panic_hook(), |data: &[u8]| harness::run("import_xlsx", data));
