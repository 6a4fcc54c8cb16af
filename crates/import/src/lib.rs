//! Import: file bytes → sheets → typed tables ([`Tables`]) + findings + what the import
//! screen shows ([`FileOutcome`]). Uses the model crate only (never scoring).
//!
//! Code map, in pipeline order:
//! - [`input`]: a file's bytes in memory or read on demand (`bytes`, [`Data`]), its format
//!   from its first bytes (`detect`), the guards against hostile files (`limits`), one raw
//!   cell (`cell`).
//! - [`formats`]: one [`formats::SheetSource`] per format (xlsx streamed by its own scanner
//!   with calamine behind it; xls and ods through calamine's ranges after a pre-scan; csv by hand).
//! - [`columns`]: header recognition: the header band (`header`), what a header means
//!   (`synonyms`, `meaning`), what its cells hold (`content`), a sheet's role from its
//!   headers (`role`), the column mapping (`mapping`: automatic, saved, by hand).
//! - [`cell_parsers`]: one parser per kind of value (dates, hours, time spans, IDs, …).
//! - [`sheets`]: the sheet pipeline: what a sheet is (`classify`), layout rows (`skip`),
//!   row → typed row (`convert`), participation matrices (`matrix`), the streaming run (`pipeline`).
//! - [`station_reports`]: stations' 报送文件 among a town's files, read and merged into the tables.
//! - [`choices`]: the clerk's decisions (overrides, saved mappings); [`outcome`]: per file,
//!   sheet and column, what the import did; `messages`, [`error`] (`error::wire`: read back
//!   from JSON): what the clerk is told.
//!
//! Invariant: [`import`] never panics and never fails: an unreadable file is a
//! [`FileOutcome`] with an error and an `unreadable_file` finding; the other files still load.
//! Invariant: no file, however hostile, makes [`import`] use more than ~1 GiB or run unbounded:
//! every size a reader would trust is checked against `limits` first.
//! Invariant: rows of one role from every file and sheet append to one [`Tables`] (one interner).

pub mod cell_parsers;
pub mod choices;
pub mod columns;
pub mod error;
pub mod formats;
pub mod input;
mod messages;
pub mod outcome;
pub mod sheets;
pub mod station_reports;

pub use choices::{ColumnDateOrder, ColumnOverride, HeaderRows, SavedColumn, SavedMapping, SheetOverride};
pub use columns::mapping::Source;
pub use columns::role::RoleScore;
pub use error::{ImportError, Limit, NotSpreadsheet, ReadError};
pub use formats::TextEncoding;
pub use input::detect::Format;
pub use outcome::{
    CellMark, ColumnDates, ColumnOutcome, DateOrderHow, FailedRow, FileOutcome, OutcomeSummary, PreviewRow, RoleGuess,
    RowCounts, RowStatus, SheetOutcome,
};

pub use input::bytes::{Bytes, Data};
pub use input::{FileData, FileInput};
pub use outcome::FAILED_ROWS_CAP;
use scorecard_model::finding::{Finding, FindingKind, Severity};
use scorecard_model::model::Tables;
use serde::{Deserialize, Serialize};
use sheets::pipeline::{SheetJob, SheetRun};
use std::ops::ControlFlow;

/// Rows between two progress reports.
pub const PROGRESS_EVERY: u64 = 4_096;

/// The clerk's corrections and remembered mappings (kept in the draft / the CLI context).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    pub overrides: Vec<SheetOverride>,
    pub saved: Vec<SavedMapping>,
    /// Data rows shown per sheet in the preview.
    pub preview_rows: usize,
    /// A town's passphrase and expectations for stations' report files (never saved).
    #[serde(skip)]
    pub town: Option<scorecard_model::report_file::TownOptions>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions { overrides: Vec::new(), saved: Vec::new(), preview_rows: 20, town: None }
    }
}

/// Everything imported: the tables, an outcome per file, and every finding.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Import {
    pub tables: Tables,
    pub files: Vec<FileOutcome>,
    /// All findings of all files and sheets, in file and sheet order.
    pub findings: Vec<Finding>,
    /// True when the progress callback stopped the import; the tables hold what was read.
    pub cancelled: bool,
}

impl Import {
    /// True when every file (and every sheet of it) could be read.
    pub fn all_read(&self) -> bool {
        self.files.iter().all(|f| f.error.is_none() && f.sheets.iter().all(|s| s.error.is_none()))
    }
}

/// Where an import is, for a progress bar (sent from a Web Worker).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub file_index: usize,
    pub file_count: usize,
    /// Rows read so far in the current file.
    pub rows_done: u64,
    /// Rows read in the files finished before it (counted exactly, not from earlier reports).
    #[serde(default)]
    pub rows_before: u64,
    /// Bytes of the files finished so far, and of all files.
    pub bytes_done: u64,
    pub bytes_total: u64,
}

impl Progress {
    /// Rows read so far across all files.
    pub fn rows(&self) -> u64 {
        self.rows_before + self.rows_done
    }
}

/// Imports every file; rows of the same role from every source go into one [`Tables`].
pub fn import(files: &[FileInput], opts: &ImportOptions) -> Import {
    import_with_progress(files, opts, &mut |_| ControlFlow::Continue(()))
}

/// [`import`] with a progress callback, called at each file and every [`PROGRESS_EVERY`]
/// rows; returning `Break` cancels (the result then holds what was read, `cancelled: true`).
pub fn import_with_progress(
    files: &[FileInput],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Import {
    let files: Vec<FileData> = files.iter().map(|&f| f.into()).collect();
    import_data(&files, opts, progress)
}

/// [`import_with_progress`] of files whose bytes may be read on demand.
pub fn import_data(
    files: &[FileData],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Import {
    let mut tables = Tables::default();
    let mut reports = Vec::with_capacity(files.len());
    let bytes_total: u64 = files.iter().map(|f| f.data.size()).sum();
    let mut bytes_done = 0u64;
    let mut rows_before = 0u64;
    let mut cancelled = false;
    let mut town_reports = station_reports::TownReports::new(opts.town.as_ref());
    let matrix = sheets::matrix::Shared::of(&opts.overrides);
    for (i, file) in files.iter().enumerate() {
        let at = |rows_done| Progress {
            file_index: i,
            file_count: files.len(),
            rows_done,
            rows_before,
            bytes_done,
            bytes_total,
        };
        if progress(at(0)).is_break() {
            cancelled = true;
            break;
        }
        if let Some(report) = town_reports.take(i, file) {
            reports.push(report);
            bytes_done += file.data.size();
            continue;
        }
        let mut tick = |rows: u64| progress(at(rows));
        let mut rows = 0u64;
        let report = import_file(file, opts, &matrix, &mut tables, &mut tick, &mut rows);
        cancelled = matches!(report.error, Some(ImportError::Cancelled));
        reports.push(report);
        bytes_done += file.data.size();
        rows_before += rows;
        if cancelled {
            break;
        }
    }
    town_reports.finish(&mut tables, &mut reports);
    fill_wide_hours(&mut reports);
    for report in &mut reports {
        explain_unusable(report);
    }
    let findings = reports
        .iter()
        .flat_map(|f| f.findings.iter().chain(f.sheets.iter().flat_map(|s| s.findings.iter())))
        .cloned()
        .collect();
    Import { tables, files: reports, findings, cancelled }
}

/// The hours of each matrix activity from the tables of activities' hours found anywhere
/// in the import (another sheet or file), with where they were read.
fn fill_wide_hours(reports: &mut [FileOutcome]) {
    let entries: sheets::matrix::Catalogue = reports
        .iter()
        .flat_map(|f| f.sheets.iter().map(move |s| (f, s)))
        .flat_map(|(f, s)| {
            s.catalogue.iter().map(move |e| {
                let sheet = if s.name.is_empty() { String::new() } else { format!("工作表「{}」", s.name) };
                (
                    columns::synonyms::normalize_header(&e.name),
                    format!("文件「{}」{sheet}第 {} 行", f.name, e.row),
                    e.clone(),
                )
            })
        })
        .collect();
    if entries.is_empty() {
        return;
    }
    for sheet in reports.iter_mut().flat_map(|f| f.sheets.iter_mut()) {
        for a in sheet.wide.iter_mut().flat_map(|w| w.activities.iter_mut()) {
            if let Some((_, from, e)) = sheets::matrix::hours_for(&a.name, &entries) {
                a.hours = Some(e.hours);
                a.hours_from = Some(from.clone());
            }
        }
    }
}

/// A file of several sheets none of which can be imported gets one explanation (what each
/// sheet looks like, what is needed) instead of one warning per sheet; the sheets' own
/// warnings stay, as notes.
fn explain_unusable(report: &mut FileOutcome) {
    let usable = |s: &SheetOutcome| s.role.is_some() || !s.catalogue.is_empty();
    if report.error.is_some() || report.sheets.len() < 2 || report.sheets.iter().any(usable) {
        return;
    }
    let looks: Vec<(String, String)> = report.sheets.iter().map(messages::sheet_looks).collect();
    for s in &mut report.sheets {
        for f in
            s.findings.iter_mut().filter(|f| f.kind == FindingKind::UnknownSheet && f.severity == Severity::Warning)
        {
            f.severity = Severity::Info;
        }
    }
    let (zh, en) = messages::unusable_file(&report.name, &looks);
    report.findings.push(Finding::file(&report.name, FindingKind::UnknownSheet, Severity::Warning, zh, en));
}

fn import_file(
    file: &FileData,
    opts: &ImportOptions,
    matrix: &sheets::matrix::Shared,
    tables: &mut Tables,
    tick: &mut dyn FnMut(u64) -> ControlFlow<()>,
    rows_done: &mut u64,
) -> FileOutcome {
    let mut report = FileOutcome::new(file.name, file.data.size());
    let fail = |mut report: FileOutcome, e: ReadError| {
        let e = ImportError::from(e);
        report.findings.push(error::unreadable(file.name, &e));
        report.error = Some(e);
        report
    };
    let format = match input::detect::detect(file.name, file.data) {
        Ok(f) => f,
        Err(e) => return fail(report, e),
    };
    report.format = Some(format);
    // An xlsx is read part by part where it lies; the other formats are read whole.
    let whole = match format {
        Format::Xlsx | Format::Xlsm => None,
        _ => match file.data.whole() {
            Ok(b) => Some(b),
            Err(e) => return fail(report, ReadError::Corrupt { detail: e.to_string() }),
        },
    };
    if let (Format::Csv, Some(bytes)) = (format, &whole) {
        let (enc, delim) = formats::csv_details(bytes);
        report.encoding = Some(enc);
        report.delimiter = Some(delim);
    }
    let opened = match &whole {
        Some(bytes) => formats::open(format, file.name, bytes),
        None => formats::open_xlsx(file.data),
    };
    let mut source = match opened {
        Ok(s) => s,
        Err(e) => return fail(report, e),
    };
    let names = source.sheet_names();
    if names.is_empty() {
        return fail(report, ReadError::NoSheets);
    }
    let dates = source.date_system();
    for name in &names {
        let job = SheetJob {
            file: file.name,
            sheet: name,
            dates,
            merges: source.merged_regions(name),
            hand: opts.overrides.iter().find(|o| o.file == file.name && o.sheet == *name),
            saved: &opts.saved,
            preview_rows: opts.preview_rows,
            last_row_hint: source.last_row_hint(name),
            shared_strings: source.shared_strings(),
            matrix,
        };
        let mut run = SheetRun::new(job);
        let mut stopped = false;
        let mut refused: Option<ReadError> = None;
        let read = source.rows(name, &mut |r, cells, keys| {
            if let Err(e) = input::limits::check_row(r, cells, format != Format::Csv) {
                refused = Some(e);
                return ControlFlow::Break(());
            }
            if *rows_done >= input::limits::MAX_FILE_ROWS {
                refused = Some(ReadError::TooLarge { what: Limit::FileRows, limit: input::limits::MAX_FILE_ROWS });
                return ControlFlow::Break(());
            }
            run.push(r, cells, keys, tables);
            *rows_done += 1;
            if rows_done.is_multiple_of(PROGRESS_EVERY) && tick(*rows_done).is_break() {
                stopped = true;
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        });
        let mut sheet = run.finish(tables);
        if let Err(e) = refused.map_or(read, Err) {
            let (zh, en) = match &e {
                ReadError::Corrupt { detail } => messages::sheet_failed(detail),
                other => (other.message_zh(file.name), other.message_en(file.name)),
            };
            let mut f = Finding::file(file.name, FindingKind::UnreadableFile, Severity::Error, zh, en);
            if !name.is_empty() {
                f = f.in_sheet(name);
            }
            sheet.findings.insert(0, f);
            sheet.error = Some(e);
        }
        let file_full = matches!(sheet.error, Some(ReadError::TooLarge { what: Limit::FileRows, .. }));
        report.sheets.push(sheet);
        if file_full {
            break; // the other sheets would each say the same
        }
        if stopped {
            let e = ImportError::Cancelled;
            report.findings.push(Finding::file(
                file.name,
                FindingKind::UnreadableFile,
                Severity::Info,
                e.message_zh(file.name),
                e.message_en(file.name),
            ));
            report.error = Some(e);
            break;
        }
    }
    report
}

/// A [`SavedMapping`] that reproduces this sheet's current role and column mapping the next
/// time a sheet with the same headers is imported; `None` when no header was found.
pub fn saved_mapping_for(sheet: &SheetOutcome) -> Option<SavedMapping> {
    sheet.header_rows?;
    Some(SavedMapping {
        signature: sheet.signature.clone(),
        role: sheet.role,
        columns: sheet
            .columns
            .iter()
            .filter(|c| !c.key.is_empty())
            .map(|c| SavedColumn {
                header: c.key.clone(),
                field: c.field,
                // the clerk's order (here or remembered) is remembered; one the cells proved is
                // proved again
                date_order: c
                    .dates
                    .as_ref()
                    .filter(|d| matches!(d.how, DateOrderHow::Hand | DateOrderHow::Saved))
                    .and_then(|d| d.order),
            })
            .collect(),
    })
}
