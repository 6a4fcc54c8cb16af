//! 汇总报送: a town scores its stations from their report files, never their rosters.
//!
//! The format lives here, below import and export, which both speak it: `format` (the
//! file, read strictly: [`ReportFile::read`], [`ReportProblem`]), `passkey` (the passphrase
//! stretched once; keyed codes, the check value, the seal), `receipt` (what a town's import
//! learned about its report files: [`TownReceipt`], kept on the tables).
//!
//! A station packs its imported data into a report file (the export crate's `report_file::pack`):
//! volunteers as keyed codes of a passphrase the town gives ([`Passkey`]), hours per month,
//! activities and trainings, its context. The town imports report files like any other file
//! (the import crate's `station_reports` recognises them by their first bytes): each is read
//! strictly and checked, the latest per station kept, and its rows added to the town's tables
//! (`station_reports::merge::add_report`) for the same scoring as raw files. The format, field
//! by field: docs/report-file.md.

pub mod format;
pub mod passkey;
pub mod receipt;

pub use format::{looks_like_report, station_of, ReportFile, ReportProblem, SCHEMA, SCHEMA_VERSION};
pub use passkey::Passkey;
pub use receipt::{ReceivedReport, RefusedReport, TownReceipt};

use chrono::NaiveDate;
use std::cell::RefCell;

/// What a town's import needs to read report files: its passphrase, and what the files
/// must agree with. Never saved (the passphrase stays in memory unless the clerk asks).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TownOptions {
    pub passphrase: Option<String>,
    /// The town's profile id; a file of another is refused.
    pub profile: String,
    pub year: i32,
    pub as_of: Option<NaiveDate>,
    /// The stations the town expects files from (its context's list; empty: no check).
    pub stations: Vec<String>,
}

/// Derives keys once per round count for one import (a derivation takes a noticeable
/// fraction of a second, and six stations' files share one).
pub struct Keys<'a> {
    passphrase: Option<&'a str>,
    cache: RefCell<Vec<(u32, Passkey)>>,
}

impl<'a> Keys<'a> {
    pub fn new(passphrase: Option<&'a str>) -> Keys<'a> {
        Keys { passphrase: passphrase.filter(|p| !p.trim().is_empty()), cache: RefCell::new(Vec::new()) }
    }

    /// Reads `bytes` as a report file with this passphrase.
    pub fn read(&self, bytes: &[u8]) -> Result<ReportFile, (ReportProblem, String)> {
        let derive = |kdf: &format::Kdf| {
            if let Some((_, k)) = self.cache.borrow().iter().find(|(n, _)| *n == kdf.iterations) {
                return k.clone();
            }
            let k = Passkey::derive_with(self.passphrase.unwrap_or_default(), kdf.iterations);
            self.cache.borrow_mut().push((kdf.iterations, k.clone()));
            k
        };
        match self.passphrase {
            Some(_) => ReportFile::read(bytes, Some(&derive)),
            None => ReportFile::read(bytes, None),
        }
    }
}
