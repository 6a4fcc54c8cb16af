//! Everything the app exports and shows row by row: drill-down tables, the xlsx report,
//! CSV files and the context JSON. Pure: the web app calls it from its Web Worker, the CLI
//! can too. No temp files (the xlsx is built in memory, so it works on wasm32).
//!
//! Code map:
//! - `rows.rs`: [`resolve_rows`] / [`indicator_rows`], row references → [`RowTable`]s.
//! - `columns.rs`: the columns of each role's table, as data (which ones are masked).
//! - `cell.rs`: [`Cell`], a typed table cell.
//! - `xlsx/`: [`report_xlsx`], one file per sheet kind, `writer.rs` the one door to a cell.
//! - `csv.rs`: [`report_csv`], [`rows_csv`].
//! - `values.rs`: status, unit and number wording shared by the xlsx and the CSV.
//! - `sheet_name.rs`: legal, unique sheet names.
//! - `draft.rs`: [`context_json`] / [`read_context_json`], the context file of `--context`.
//! - `neutralise.rs`: the formula-injection guard.
//!
//! Invariant: every ID and phone number is masked in everything this module produces (the
//! failed-rows file of `import` is the one place they are shown in full).
//! Invariant: every text cell of the xlsx and every text field of the CSV goes through the
//! formula guard (`=`, `+`, `-`, `@`, tab, CR → prefixed `'`); numbers stay numbers.

mod cell;
mod columns;
mod csv;
mod draft;
mod neutralise;
mod rows;
mod sheet_name;
mod values;
mod xlsx;

pub use cell::Cell;
pub use csv::{drill_csv, report_csv, rows_csv};
pub use draft::{context_json, read_context_json};
pub use rows::{cut_en, cut_zh, drill, indicator_rows, indicator_rows_cut, resolve_rows, Masking, RowTable, RowsCut};
pub use sheet_name::{sheet_name, SHEET_NAME_MAX};
pub use xlsx::report_xlsx;

use crate::extras::{Replay, StarReport, WhatIf};
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
pub struct ReportExtras {
    /// 月度通报
    pub replay: Option<Replay>,
    /// 星级志愿者
    pub stars: Option<StarReport>,
    /// 测算
    pub what_if: Option<WhatIf>,
}

/// Why the report could not be made. Reported to the user, never a panic.
/// Written tagged (`{"kind":"xlsx","detail":…}`), read through [`ReportErrorWire`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "ReportErrorWire")]
pub enum ReportError {
    /// The xlsx writer refused the workbook (a limit of the file format was reached).
    /// `detail` is the writer's own (English) message.
    Xlsx { detail: String },
}

/// The flat form [`ReportError`] is read through (why: `crate::wire`).
#[derive(Deserialize)]
#[serde(rename = "ReportError")]
struct ReportErrorWire {
    kind: String,
    detail: Option<String>,
}

impl TryFrom<ReportErrorWire> for ReportError {
    type Error = String;

    fn try_from(w: ReportErrorWire) -> Result<ReportError, String> {
        match w.kind.as_str() {
            "xlsx" => Ok(ReportError::Xlsx { detail: crate::wire::need(w.detail, "detail")? }),
            other => Err(crate::wire::unknown(other, &["xlsx"])),
        }
    }
}

impl ReportError {
    pub fn message_zh(&self) -> String {
        match self {
            ReportError::Xlsx { detail } => {
                format!("无法生成 Excel 报告（{detail}）。请减少导入的数据后重试，或改为导出 CSV。")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ReportError::Xlsx { detail } => {
                format!("Could not write the Excel report ({detail}). Import less data and retry, or export CSV.")
            }
        }
    }
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message_zh(), self.message_en())
    }
}

impl std::error::Error for ReportError {}

impl From<rust_xlsxwriter::XlsxError> for ReportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ReportError::Xlsx { detail: e.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::ReportError;

    #[test]
    fn report_errors_read_back_what_they_write() {
        let e = ReportError::Xlsx { detail: "too many rows".into() };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"kind":"xlsx","detail":"too many rows"}"#);
        assert_eq!(serde_json::from_str::<ReportError>(&json).unwrap(), e);
        let read = serde_json::from_str::<ReportError>(r#"{"detail":"x","kind":"xlsx"}"#).unwrap();
        assert_eq!(
            read.message_en(),
            "Could not write the Excel report (x). Import less data and retry, or export CSV."
        );
        let err = serde_json::from_str::<ReportError>(r#"{"kind":"pdf"}"#).unwrap_err().to_string();
        assert!(err.contains("unknown variant `pdf`, expected `xlsx`"), "{err}");
    }
}
