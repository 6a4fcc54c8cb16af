//! Spreadsheet formula injection guard for everything the report writes: one definition,
//! in [`scorecard_model::safety`], shared with every other export.
pub(crate) use scorecard_model::safety::neutralise_formula as neutralise;
