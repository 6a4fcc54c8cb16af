//! Why an export could not be made.

use serde::{Deserialize, Serialize};

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
