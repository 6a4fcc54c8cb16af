//! What a town's import learned about its report files ([`TownReceipt`], kept with the
//! tables): scoring names from it the stations whose data is not in the scorecard (a
//! refused file, or none received from a station the context lists).

use crate::report_file::format::ReportProblem;
use serde::{Deserialize, Serialize};

/// The report files of an import: those counted (their rows are in the tables) and
/// those refused. Set only when the import had report files.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TownReceipt {
    pub counted: Vec<ReceivedReport>,
    pub refused: Vec<RefusedReport>,
}

/// A report file whose rows were added to the tables.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReceivedReport {
    pub file: String,
    /// The station that made it (its organisation).
    pub station: String,
    /// Its sheets among the tables' sources: `first..end`.
    pub first_source: u32,
    pub end_source: u32,
}

/// A report file the import refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RefusedReport {
    pub file: String,
    /// The station the file names, when that part could be read.
    pub station: Option<String>,
    pub problem: ReportProblem,
}
