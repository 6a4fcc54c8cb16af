//! The integration tests of scorecard-domain, one test binary (one link instead of one per
//! file): a module per area, `support` shared by all. Run one area with its module path,
//! e.g. `cargo test -p scorecard-domain --test domain hostile::`.

// A test binary: a failed unwrap is a failed test, with its line (the workspace lints warn on
// unwrap), and its `pub` items are shared between its modules, never an API.
#![allow(clippy::unwrap_used, unreachable_pub)]

mod support;

mod calendar;
mod calendar_fixture;
mod charts;
mod corpus;
mod header_shapes;
mod hostile;
mod hostile_fuzz_regressions;
mod import_blank_and_wide;
mod import_dates_order;
mod import_files;
mod import_matrix_shared;
mod import_on_demand;
mod import_other_tables;
mod import_records;
mod import_roster;
mod import_shared_strings;
mod layers;
mod prepare;
mod profile;
mod report;
mod samples_demo;
mod samples_synth;
mod samples_templates;
mod score;
mod score_extras;
mod scoring_shared;
mod spec_citations;
mod station_self_and_consistency;
mod tags;
mod town;
mod xlsx_scan;
