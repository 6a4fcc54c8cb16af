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
pub mod failed_rows;
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
pub use sheet_name::{sheet_name, SHEET_NAME_MAX};
pub use table_cell::Cell;
pub use xlsx::scorecard_xlsx;

use scorecard_score::insights::{Replay, StarList, WhatIf};
use serde::{Deserialize, Serialize};

/// The language of a CSV (headers, status words, labels, gap sentences).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// The optional sheets of the xlsx report; each is added when present.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScorecardInsights {
    /// 月度通报
    pub replay: Option<Replay>,
    /// 星级志愿者
    pub stars: Option<StarList>,
    /// 测算
    pub what_if: Option<WhatIf>,
}

/// Why the report could not be made. Reported to the user, never a panic.
/// Written tagged (`{"kind":"xlsx","detail":…}`), read through `ExportErrorWire`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "ExportErrorWire")]
pub enum ExportError {
    /// The xlsx writer refused the workbook (a limit of the file format was reached).
    /// `detail` is the writer's own (English) message.
    Xlsx { detail: String },
}

/// The flat form [`ExportError`] is read through (why: `scorecard_model::wire`).
#[derive(Deserialize)]
#[serde(rename = "ExportError")]
struct ExportErrorWire {
    kind: String,
    detail: Option<String>,
}

impl TryFrom<ExportErrorWire> for ExportError {
    type Error = String;

    fn try_from(w: ExportErrorWire) -> Result<ExportError, String> {
        match w.kind.as_str() {
            "xlsx" => Ok(ExportError::Xlsx { detail: scorecard_model::wire::need(w.detail, "detail")? }),
            other => Err(scorecard_model::wire::unknown(other, &["xlsx"])),
        }
    }
}

impl ExportError {
    pub fn message_zh(&self) -> String {
        match self {
            ExportError::Xlsx { detail } => {
                format!("无法生成 Excel 报告（{detail}）。请减少导入的数据后重试，或改为导出 CSV。")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ExportError::Xlsx { detail } => {
                format!("Could not write the Excel report ({detail}). Import less data and retry, or export CSV.")
            }
        }
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message_zh(), self.message_en())
    }
}

impl std::error::Error for ExportError {}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Xlsx { detail: e.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::ExportError;

    #[test]
    fn report_errors_read_back_what_they_write() {
        let e = ExportError::Xlsx { detail: "too many rows".into() };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"kind":"xlsx","detail":"too many rows"}"#);
        assert_eq!(serde_json::from_str::<ExportError>(&json).unwrap(), e);
        let read = serde_json::from_str::<ExportError>(r#"{"detail":"x","kind":"xlsx"}"#).unwrap();
        assert_eq!(
            read.message_en(),
            "Could not write the Excel report (x). Import less data and retry, or export CSV."
        );
        let err = serde_json::from_str::<ExportError>(r#"{"kind":"pdf"}"#).unwrap_err().to_string();
        assert!(err.contains("unknown variant `pdf`, expected `xlsx`"), "{err}");
    }
}
