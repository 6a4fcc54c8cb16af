//! What the clerk decided about a sheet, as saved in the web app's draft and the CLI's
//! context file: its role, header rows, column fields, date orders and participation-matrix
//! confirmations ([`SheetOverride`]), and mappings remembered by header signature
//! ([`SavedMapping`]). Serde, keyed by what a clerk can see (file and sheet names, Excel
//! row numbers, column indices, header texts). Below both column recognition and the sheet
//! pipeline, which read it.

use crate::cell_parsers::date::DateOrder;
use chrono::NaiveDate;
use scorecard_model::model::{Field, Role};
use serde::{Deserialize, Serialize};

/// The header rows, in Excel numbering (1-based, inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderRows {
    pub first: u32,
    pub last: u32,
}

/// The clerk's corrections for one sheet of one file (a CSV has sheet "").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SheetOverride {
    pub file: String,
    pub sheet: String,
    /// Use this role; `None` keeps the detected one.
    pub role: Option<Role>,
    /// Do not import this sheet at all.
    pub ignore: bool,
    /// The header rows (Excel numbering); `None` keeps the detected ones.
    pub header_rows: Option<HeaderRows>,
    /// Per column (0 = A): the field, or `None` to leave the column unused.
    pub columns: Vec<ColumnOverride>,
    /// For a participation matrix: the activity columns to turn into service records.
    pub wide: Option<MatrixSheetChoice>,
    /// Per column: the order its day-or-month-first dates (`03/04/2024`) are written in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub date_orders: Vec<ColumnDateOrder>,
    /// Hours and dates typed once for every participation matrix of the import (any one
    /// sheet's override may carry it; see [`MatrixChoice`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matrix: Option<MatrixChoice>,
}

/// The clerk's date order for one column (0 = A).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnDateOrder {
    pub column: u32,
    pub order: DateOrder,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnOverride {
    pub column: u32,
    pub field: Option<Field>,
}

/// A hand mapping remembered by the sheet's header signature, applied again to any sheet
/// with the same headers (next month's export, another station's copy of the template).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedMapping {
    /// The `signature` of the header texts (`columns::header::signature`).
    pub signature: String,
    pub role: Option<Role>,
    /// By normalised header text: the field, or `None` for "leave unused".
    pub columns: Vec<SavedColumn>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedColumn {
    pub header: String,
    pub field: Option<Field>,
    /// The order the clerk chose for the column's day-or-month-first dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
}

/// The clerk's confirmation of a matrix: the activity columns to turn into service records.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatrixSheetChoice {
    pub activities: Vec<MatrixColumnChoice>,
}

/// One activity column to convert, with the hours of one participation and its date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixColumnChoice {
    pub column: u32,
    /// The column's header when confirmed: a choice applies only while the column still
    /// holds that activity (a column added to next month's file shifts the others).
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub hours: Option<f64>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Hours and dates typed once for every participation matrix of an import (a workbook of a
/// sheet per department, the same activities as columns). Any one sheet's override carries
/// it ([`crate::SheetOverride::matrix`]); every matrix sheet of the import without its own
/// [`MatrixSheetChoice`] is then confirmed with all its activity columns (but those skipped here).
/// An activity's hours and date are, on each sheet: the sheet's own choice for the column,
/// else this list's entry of the same name (normalised), else another sheet's choice for a
/// column of the same name; hours without any of these are `default_hours`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatrixChoice {
    /// Hours of one participation for every activity that has none of its own.
    pub default_hours: Option<f64>,
    pub activities: Vec<SharedActivity>,
}

/// One activity's hours and date for every matrix sheet that has it (by name).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SharedActivity {
    pub name: String,
    pub hours: Option<f64>,
    pub date: Option<NaiveDate>,
    /// Leave the activity out on the sheets this choice confirms.
    pub skip: bool,
}

impl MatrixSheetChoice {
    pub fn get(&self, column: u32) -> Option<&MatrixColumnChoice> {
        self.activities.iter().find(|a| a.column == column)
    }
}
