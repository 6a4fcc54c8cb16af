//! Stations' report files among a town's import: recognised by their first bytes, read
//! and checked with the town's passphrase, the latest per station added to the tables
//! after the raw files (see [`scorecard_model::report_file`]).

pub mod merge;

use crate::error::ImportError;
use crate::input::bytes::Data;
use crate::input::FileData;
use crate::outcome::{FileOutcome, OutcomeSummary};
use scorecard_model::finding::{Finding, FindingKind, Severity};
use scorecard_model::model::Tables;
use scorecard_model::report_file as town;
use scorecard_model::report_file::{
    Keys, ReceivedReport, RefusedReport, ReportFile, ReportProblem, TownOptions, TownReceipt,
};

pub(super) struct TownReports<'a> {
    town: Option<&'a TownOptions>,
    keys: Keys<'a>,
    /// (file index, name, file) of every file read and accepted, in import order.
    accepted: Vec<(usize, String, ReportFile)>,
    /// Every file refused, with its station where the file names one.
    refused: Vec<RefusedReport>,
}

impl<'a> TownReports<'a> {
    pub(crate) fn new(town: Option<&'a TownOptions>) -> TownReports<'a> {
        let passphrase = town.and_then(|t| t.passphrase.as_deref());
        TownReports { town, keys: Keys::new(passphrase), accepted: Vec::new(), refused: Vec::new() }
    }

    /// The outcome of file `i` if it is a report file (read here, rows added in `finish`).
    pub(crate) fn take(&mut self, i: usize, file: &FileData) -> Option<FileOutcome> {
        let head = file.data.head(256).ok()?;
        if !town::looks_like_report(&head) {
            return None;
        }
        let mut report = FileOutcome::new(file.name, file.data.size());
        let bytes = whole(file.data);
        // the station a refused file names (its passphrase or seal may be wrong, or it
        // may be broken past the station): the scorecard names it
        let mut station = None;
        let read = bytes.as_ref().map_err(Clone::clone).and_then(|b| self.keys.read(b));
        let read = read.and_then(|f| match self.town {
            Some(t) if !t.profile.is_empty() && t.profile != f.profile => {
                station = Some(f.station.clone());
                Err((ReportProblem::OtherProfile, format!("{} ≠ {}", f.profile, t.profile)))
            }
            _ => Ok(f),
        });
        match read {
            Ok(f) => {
                report.town_report = Some(OutcomeSummary {
                    station: f.station.clone(),
                    year: f.year,
                    as_of: f.as_of,
                    made_by: f.made_by.clone(),
                    volunteers: f.volunteers.len(),
                    activities: f.activities.len(),
                    trainings: f.trainings.len(),
                    counted: true,
                    checklist: station_answers(&f),
                });
                self.accepted.push((i, file.name.to_string(), f));
            }
            Err((problem, detail)) => {
                let station = station.or_else(|| bytes.as_deref().ok().and_then(town::station_of));
                self.refused.push(RefusedReport { file: file.name.to_string(), station, problem });
                let e = ImportError::Report { problem, detail };
                report.findings.push(crate::error::unreadable(file.name, &e));
                report.error = Some(e);
            }
        }
        Some(report)
    }

    /// Adds the counted files' rows to `tables` and the town's findings to `reports`.
    pub(crate) fn finish(self, tables: &mut Tables, reports: &mut [FileOutcome]) {
        if self.accepted.is_empty() && self.refused.is_empty() {
            return;
        }
        let mut receipt = TownReceipt { counted: Vec::new(), refused: self.refused.clone() };
        let all: Vec<(&str, &ReportFile)> = self.accepted.iter().map(|(_, n, f)| (n.as_str(), f)).collect();
        let superseded = merge::superseded(&all);
        let mut counted: Vec<(usize, &str, &ReportFile)> = Vec::new();
        for (k, (i, name, f)) in self.accepted.iter().enumerate() {
            let Some(report) = reports.get_mut(*i) else { continue };
            match superseded[k] {
                Some(newer) => {
                    let (newer_name, newer) = all[newer];
                    if let Some(s) = report.town_report.as_mut() {
                        s.counted = false;
                    }
                    report.findings.push(Finding::file(
                        name,
                        FindingKind::TownReport,
                        Severity::Info,
                        format!("「{}」另有截至 {} 的报送「{newer_name}」，以最新的一份为准，这份（截至 {}）未计入。", f.station, newer.as_of.format("%Y年%-m月%-d日"), f.as_of.format("%Y年%-m月%-d日")),
                        format!("\"{}\" also sent \"{newer_name}\" as of {}; the latest counts, this one (as of {}) does not.", f.station, newer.as_of, f.as_of),
                    ));
                }
                None => {
                    let first_source = tables.sources.len() as u32;
                    merge::add_report(tables, name, f);
                    let end_source = tables.sources.len() as u32;
                    let station = f.station.clone();
                    receipt.counted.push(ReceivedReport { file: name.clone(), station, first_source, end_source });
                    counted.push((*i, name, f));
                }
            }
        }
        tables.town = Some(receipt);
        let Some(t) = self.town else { return };
        if counted.is_empty() {
            return;
        }
        let files: Vec<(&str, &ReportFile)> = counted.iter().map(|(_, n, f)| (*n, *f)).collect();
        let as_of = t.as_of.unwrap_or_else(|| files.iter().map(|(_, f)| f.as_of).max().unwrap_or_default());
        for finding in merge::town_findings(&files, t.year, as_of, &t.stations) {
            let at = counted.iter().find(|(_, n, _)| *n == finding.file).or(counted.first()).map(|(i, _, _)| *i);
            if let Some(r) = at.and_then(|i| reports.get_mut(i)) {
                r.findings.push(finding);
            }
        }
    }
}

/// The station's answers to items about one of its own stations (`X10|升庵社区|有队伍`):
/// answers about the whole (`X11|激励回馈`) are the station's, not the town's.
fn station_answers(f: &ReportFile) -> std::collections::BTreeMap<String, bool> {
    let names: Vec<String> = std::iter::once(f.station.as_str())
        .chain(f.volunteers.iter().filter_map(|v| v.station.as_deref()))
        .chain(f.activities.iter().filter_map(|a| a.station.as_deref()))
        .map(|s| s.trim().replace('|', "｜"))
        .collect();
    f.context
        .checklist
        .iter()
        .filter(|(k, _)| k.split('|').nth(1).is_some_and(|s| names.iter().any(|n| n == s)))
        .map(|(k, v)| (k.clone(), *v))
        .collect()
}

fn whole(data: Data) -> Result<Vec<u8>, (ReportProblem, String)> {
    data.whole().map(|b| b.to_vec()).map_err(|e| (ReportProblem::NotAReport, e.to_string()))
}
