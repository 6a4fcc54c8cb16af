//! How [`ReadError`] and [`ImportError`] are read from JSON (the page reads them from the
//! worker): one flat struct each, checked per kind (why: `scorecard_model::wire`). The JSON is the
//! one they write.

use crate::error::{ImportError, Limit, NotSpreadsheet, ReadError};
use scorecard_model::wire::{need, unknown};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename = "ReadError")]
pub struct ReadErrorWire {
    kind: String,
    found: Option<NotSpreadsheet>,
    detail: Option<String>,
    format: Option<String>,
    what: Option<Limit>,
    limit: Option<u64>,
}

impl TryFrom<ReadErrorWire> for ReadError {
    type Error = String;

    fn try_from(w: ReadErrorWire) -> Result<ReadError, String> {
        Ok(match w.kind.as_str() {
            "empty" => ReadError::Empty,
            "not_a_spreadsheet" => ReadError::NotASpreadsheet { found: need(w.found, "found")? },
            "encrypted" => ReadError::Encrypted,
            "corrupt" => ReadError::Corrupt { detail: need(w.detail, "detail")? },
            "unsupported" => ReadError::Unsupported { format: need(w.format, "format")? },
            "no_sheets" => ReadError::NoSheets,
            "too_large" => ReadError::TooLarge { what: need(w.what, "what")?, limit: need(w.limit, "limit")? },
            other => return Err(unknown(other, &ReadError::KINDS)),
        })
    }
}

#[derive(Deserialize)]
#[serde(rename = "ImportError")]
pub struct ImportErrorWire {
    kind: String,
    error: Option<ReadError>,
    problem: Option<scorecard_model::report_file::ReportProblem>,
    detail: Option<String>,
}

impl TryFrom<ImportErrorWire> for ImportError {
    type Error = String;

    fn try_from(w: ImportErrorWire) -> Result<ImportError, String> {
        Ok(match w.kind.as_str() {
            "read" => ImportError::Read { error: need(w.error, "error")? },
            "cancelled" => ImportError::Cancelled,
            "report" => ImportError::Report { problem: need(w.problem, "problem")?, detail: need(w.detail, "detail")? },
            other => return Err(unknown(other, &["read", "cancelled", "report"])),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// One of each kind: written, read back equal, with `kind` first as serde writes it.
    fn every_read_error() -> Vec<ReadError> {
        vec![
            ReadError::Empty,
            ReadError::NotASpreadsheet { found: NotSpreadsheet::ExcelLockFile },
            ReadError::Encrypted,
            ReadError::Corrupt { detail: "invalid zip header".into() },
            ReadError::Unsupported { format: "xlsb".into() },
            ReadError::NoSheets,
            ReadError::TooLarge { what: Limit::SharedStrings, limit: 268_435_456 },
        ]
    }

    #[test]
    fn every_kind_round_trips_and_the_kind_list_is_serdes() {
        let mut kinds = BTreeSet::new();
        for e in every_read_error() {
            let json = serde_json::to_string(&e).unwrap();
            let kind = serde_json::from_str::<serde_json::Value>(&json).unwrap()["kind"].as_str().unwrap().to_string();
            assert!(json.starts_with(&format!("{{\"kind\":\"{kind}\"")), "{json}");
            assert_eq!(serde_json::from_str::<ReadError>(&json).unwrap(), e, "{json}");
            let wrapped = ImportError::Read { error: e };
            let json = serde_json::to_string(&wrapped).unwrap();
            assert_eq!(serde_json::from_str::<ImportError>(&json).unwrap(), wrapped, "{json}");
            kinds.insert(kind);
        }
        assert_eq!(kinds, ReadError::KINDS.iter().map(|k| k.to_string()).collect());
        assert_eq!(serde_json::from_str::<ImportError>(r#"{"kind":"cancelled"}"#).unwrap(), ImportError::Cancelled);
        for problem in scorecard_model::report_file::ReportProblem::ALL {
            let e = ImportError::Report { problem, detail: "格式版本 2 > 1".into() };
            let json = serde_json::to_string(&e).unwrap();
            assert!(json.starts_with(r#"{"kind":"report""#), "{json}");
            assert_eq!(serde_json::from_str::<ImportError>(&json).unwrap(), e, "{json}");
        }
    }

    #[test]
    fn keys_in_any_order_and_serdes_messages() {
        let e: ImportError =
            serde_json::from_str(r#"{"error":{"limit":5,"what":"rows","kind":"too_large"},"kind":"read"}"#).unwrap();
        assert_eq!(e, ImportError::Read { error: ReadError::TooLarge { what: Limit::Rows, limit: 5 } });
        for (json, words) in [
            (r#"{"kind":"corrupt"}"#, "missing field `detail`"),
            (r#"{"kind":"too_large","what":"rows"}"#, "missing field `limit`"),
            (r#"{"kind":"broken"}"#, "unknown variant `broken`, expected one of `empty`"),
            (r#"{"kind":"not_a_spreadsheet","found":"movie"}"#, "unknown variant `movie`"),
        ] {
            let err = serde_json::from_str::<ReadError>(json).unwrap_err().to_string();
            assert!(err.contains(words), "{json}: {err}");
        }
        let err = serde_json::from_str::<ImportError>(r#"{"kind":"read"}"#).unwrap_err().to_string();
        assert!(err.contains("missing field `error`"), "{err}");
    }
}
