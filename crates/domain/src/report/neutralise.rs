//! Spreadsheet formula injection guard for everything the report writes: one definition,
//! in [`crate::safety`], shared with every other export.
pub(crate) use crate::safety::neutralise_formula as neutralise;
