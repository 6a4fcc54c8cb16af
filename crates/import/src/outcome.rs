//! What the import screen and `scorecard inspect` show: per file, per sheet, per column.
//! All serde, so a Web Worker can hand it to the page as JSON.

use crate::cell_parsers::date::DateOrder;
use crate::choices::HeaderRows;
use crate::columns::mapping::Source;
use crate::columns::meaning::Why;
use crate::columns::role::RoleScore;
use crate::error::{ImportError, ReadError};
use crate::formats::TextEncoding;
use crate::input::detect::Format;
use chrono::NaiveDate;
use scorecard_model::finding::{Finding, FindingKind};
use scorecard_model::model::{Field, Role};
use serde::{Deserialize, Serialize};

/// At most this many rows with problems are kept per sheet for the failed-rows workbook.
pub const FAILED_ROWS_CAP: usize = 5_000;

/// One file as read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileOutcome {
    pub name: String,
    pub size: u64,
    /// `None` when the bytes are no format we read (then `error` says what they are).
    pub format: Option<Format>,
    /// For CSV: the text encoding found and the delimiter used.
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<char>,
    /// Set when the file could not be read at all.
    pub error: Option<ImportError>,
    pub sheets: Vec<SheetOutcome>,
    /// Findings about the whole file (`unreadable_file`).
    pub findings: Vec<Finding>,
    /// For a station's report file (汇总报送): what it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town_report: Option<OutcomeSummary>,
}

impl FileOutcome {
    /// A file's outcome before anything is read of it.
    pub fn new(name: &str, size: u64) -> FileOutcome {
        FileOutcome {
            name: name.to_string(),
            size,
            format: None,
            encoding: None,
            delimiter: None,
            error: None,
            sheets: Vec::new(),
            findings: Vec::new(),
            town_report: None,
        }
    }
}

/// What a station's report file holds, for its card on the import screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeSummary {
    pub station: String,
    pub year: i32,
    pub as_of: chrono::NaiveDate,
    pub made_by: String,
    pub volunteers: usize,
    pub activities: usize,
    pub trainings: usize,
    /// False when a later file of the same station replaced it.
    pub counted: bool,
    /// The station's answers to its own checklist items (keys naming one of its stations):
    /// the town's page takes those it has not answered itself.
    #[serde(default)]
    pub checklist: std::collections::BTreeMap<String, bool>,
}

/// One sheet as read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetOutcome {
    /// The sheet name ("" for a CSV).
    pub name: String,
    /// Rows and columns holding anything (to the last used one).
    pub used_rows: u32,
    pub used_columns: u32,
    pub role: Option<Role>,
    pub role_source: Source,
    /// Every role's score, for the "why this role" hint and the role picker.
    pub role_scores: Vec<RoleScore>,
    /// The header rows in Excel numbering; `None` when no header was found.
    pub header_rows: Option<HeaderRows>,
    pub columns: Vec<ColumnOutcome>,
    /// Key of a [`crate::choices::SavedMapping`] for sheets with these headers.
    pub signature: String,
    pub counts: RowCounts,
    pub preview: Vec<PreviewRow>,
    pub findings: Vec<Finding>,
    /// Rows with problems, raw, for the failed-rows workbook (at most [`crate::FAILED_ROWS_CAP`]).
    pub failed_rows: Vec<FailedRow>,
    /// True when more rows had problems than were kept in `failed_rows`.
    pub failed_rows_capped: bool,
    /// Set when reading the sheet failed part-way (rows before the failure were kept).
    pub error: Option<ReadError>,
    /// Set when the sheet is a participation matrix (a column per activity).
    #[serde(default)]
    pub wide: Option<MatrixSheet>,
    /// Set when the sheet is a table of activities' hours (活动名称, 单次时长): its rows,
    /// which a participation matrix of the same import takes its hours from.
    #[serde(default)]
    pub catalogue: Vec<CatalogueEntry>,
    /// The import's best guess for a sheet it gave no role (offered to the clerk as one
    /// click; accepted, it is the clerk's role, remembered for sheets with these headers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guess: Option<RoleGuess>,
}

/// What a sheet without a role most likely is, in the words the import screen says it in:
/// "looks like a list of 70 people (姓名、学院、班级): import as the volunteer roster?"
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleGuess {
    pub role: Role,
    /// Data rows under the header.
    pub rows: u64,
    /// The headers the guess rests on, as shown (at most three).
    pub headers: Vec<String>,
}

/// One column of the mapping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnOutcome {
    /// 0 = column A.
    pub index: u32,
    /// `A`, `B` … `AA`.
    pub letter: String,
    /// The header as shown (`基本信息/姓名`), "" for a column without a header.
    pub header: String,
    /// The normalised header, as [`crate::choices::SavedMapping`] keys columns.
    pub key: String,
    pub field: Option<Field>,
    pub source: Source,
    /// True when the header's numbers are minutes (`服务时长（分钟）`).
    pub minutes: bool,
    /// Why the column was mapped automatically as it is (or, unmapped, why not: a row
    /// counter, one group's part of a total).
    #[serde(default)]
    pub why: Option<Why>,
    /// For a date column holding day-or-month-first dates (`21/06/2024`, `03/04/2024`), or
    /// one the clerk chose an order for: the order its dates are read in and why; the UI
    /// offers the choice when `how` is [`DateOrderHow::Ambiguous`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<ColumnDates>,
}

/// How a column's day-or-month-first dates are read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnDates {
    /// The order they are read in; `None`: not read (the order is not known).
    pub order: Option<DateOrder>,
    pub how: DateOrderHow,
    /// The sampled cell that decided it (`21/06/2024`), or one that left it open
    /// (`03/04/2024`); "" when the clerk chose.
    pub example: String,
    /// Among the sampled cells: dates only day first, only month first, either way.
    pub day_first: u32,
    pub month_first: u32,
    pub either: u32,
    /// One sentence for the column (日在前：有 21/06/2024 这样的日期 …).
    pub zh: String,
    pub en: String,
}

/// Where a column's date order came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrderHow {
    /// Its cells prove it (a day above 12, no cell only month first).
    Cells,
    /// The clerk chose it for this sheet ([`crate::choices::SheetOverride::date_orders`]).
    Hand,
    /// A remembered mapping of sheets with these headers carries it.
    Saved,
    /// Its cells fit both orders (or prove both): not read until the clerk chooses.
    Ambiguous,
}

/// Row counts of the data part (below the header).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowCounts {
    /// Rows below the header up to the last used row.
    pub read: u64,
    /// Rows with nothing in any mapped column (blank separators, pre-numbered empty rows).
    pub blank: u64,
    /// Totals rows (合计 …) and footer notes (填表人 …), skipped on purpose.
    pub skipped: u64,
    /// Rows that became a volunteer, record, activity or training.
    pub kept: u64,
    /// Rows left out because a cell they need is missing or unreadable.
    pub left_out: u64,
}

/// What happened to a previewed row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    Kept,
    Skipped,
    LeftOut,
    /// The sheet has no role, so nothing was imported.
    NotImported,
}

/// A data row as the clerk typed it, with its problem cells marked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewRow {
    /// Excel row number.
    pub row: u32,
    /// Cell texts from column A, in full (IDs and phones unmasked: the preview is the one place).
    pub cells: Vec<String>,
    pub status: RowStatus,
    pub marks: Vec<CellMark>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellMark {
    /// 0 = column A; `None` for a problem of the whole row.
    pub column: Option<u32>,
    pub kind: FindingKind,
}

/// A row with problems, raw, for the failed-rows workbook.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FailedRow {
    pub row: u32,
    pub cells: Vec<String>,
    /// The problems in Chinese, one per finding.
    pub problems: Vec<String>,
}

/// `0` → `A`, `27` → `AB`.
pub fn column_letter(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// A participation matrix as found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixSheet {
    pub activities: Vec<MatrixColumn>,
    /// True when the clerk's [`MatrixSheetChoice`](crate::choices::MatrixSheetChoice) applied: the counts became service records.
    pub confirmed: bool,
    /// Service records made from the counts (0 until confirmed).
    pub records: u64,
}

/// One activity column of a matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixColumn {
    /// 0 = column A.
    pub column: u32,
    pub letter: String,
    /// The header as shown (the activity's name).
    pub name: String,
    /// Volunteers with a count above 0, and the counts summed.
    pub people: u32,
    pub times: u32,
    /// Hours of one participation from a table of activities' hours in the same import.
    pub hours: Option<f64>,
    /// Where those hours were read (file, sheet, row), for the clerk to check.
    pub hours_from: Option<String>,
    /// A date written in the header itself.
    pub date: Option<NaiveDate>,
    /// A month and day written in the header without a year (`3月5日学雷锋`, `3.5`): the
    /// date in the scored year.
    #[serde(default)]
    pub month_day: Option<(u32, u32)>,
    /// The holiday the name names (its id, see `calendar::HOLIDAYS`): the date in the
    /// scored year is then that holiday's.
    pub holiday: Option<String>,
    /// As chosen by the clerk (after confirmation): hours and date used.
    pub chosen_hours: Option<f64>,
    pub chosen_date: Option<NaiveDate>,
}

/// One row of a table of activities' hours (活动名称, 单次时长 [, 天数]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub name: String,
    pub hours: f64,
    /// Excel row number.
    pub row: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        for (i, want) in [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")] {
            assert_eq!(column_letter(i), want);
        }
    }
}
