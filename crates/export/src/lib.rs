//! Everything the app exports and shows row by row: drill-down tables, the scorecard as
//! xlsx and CSV, the failed-rows workbook, the context file and a station's 报送文件. The top
//! layer below the facade: uses model, import and score. Pure: the web app calls it from its
//! Web Worker, the CLI too. No temp files (the xlsx is built in memory, so it works on wasm32).
//!
//! Code map:
//! - `drill_down.rs`: [`resolve_rows`] / [`indicator_rows`] / [`drill`], row references →
//!   [`RowTable`]s; `columns.rs`: each role's columns, as data (which ones are masked);
//!   `table_cell.rs`: [`Cell`], a typed table cell.
//! - `xlsx/`: [`scorecard_xlsx`], one file per sheet kind, `writer.rs` the one door to a cell.
//! - `csv.rs`: [`scorecard_csv`], [`rows_csv`], [`drill_csv`].
//! - `values.rs`: status, unit and number wording shared by the xlsx and the CSV;
//!   `sheet_name.rs`: legal, unique sheet names; `neutralise.rs`: the formula-injection guard.
//! - [`failed_rows`]: [`failed_rows_xlsx`], the import's problem rows with a 问题说明 column.
//! - `context_file.rs`: [`context_json`] / [`read_context_json`], the context file of `--context`.
//! - [`report_file`]: a station's tables and context → its 报送文件 ([`pack`]).
//!
//! Invariant: every ID and phone number is masked in everything this crate produces, but
//! the failed-rows workbook, where the clerk needs them to fix the source sheet; a 报送文件
//! holds none at all (volunteers are keyed codes).
//! Invariant: every text cell of the xlsx and every text field of the CSV goes through the
//! formula guard (`=`, `+`, `-`, `@`, tab, CR → prefixed `'`); numbers stay numbers.

mod columns;
mod context_file;
mod csv;
mod drill_down;
mod error;
pub mod failed_rows;
mod lang;
mod neutralise;
pub mod report_file;
mod sheet_name;
mod table_cell;
mod values;
mod xlsx;

pub use failed_rows::failed_rows_xlsx;
pub use report_file::{file_name, pack, volunteer_code};

pub use context_file::{context_json, read_context_json};
pub use csv::{drill_csv, rows_csv, scorecard_csv};
pub use drill_down::{
    cut_en, cut_zh, drill, indicator_rows, indicator_rows_cut, resolve_rows, Masking, RowTable, RowsCut,
};
pub use error::ExportError;
pub use lang::Lang;
pub use sheet_name::{sheet_name, SHEET_NAME_MAX};
pub use table_cell::Cell;
pub use xlsx::{scorecard_xlsx, ScorecardInsights};
