//! One sheet, streamed: the first rows are buffered until the header is found, then every
//! row is converted as it arrives and dropped (only counts, findings, the preview and the
//! raw cells of rows with problems are kept, each bounded).

use crate::cell_parsers::date::DateOrder;
use crate::choices::{MatrixSheetChoice, SavedMapping, SheetOverride};
use crate::columns::content;
use crate::columns::content::Sample;
use crate::columns::header::{Band, Grid, SCAN_ROWS};
use crate::columns::mapping;
use crate::columns::mapping::{Mapped, Source};
use crate::columns::meaning::{Why, WhyKind};
use crate::columns::role::score_roles;
use crate::columns::synonyms::header_says_minutes;
use crate::formats::Region;
use crate::input::cell::{Cell, DateSystem};
use crate::messages as msg;
use crate::outcome::FAILED_ROWS_CAP;
use crate::outcome::*;
use crate::outcome::{MatrixColumn, MatrixSheet};
use crate::sheets::classify::shape;
use crate::sheets::convert::{convert, Known, Plan, PlanCol, Problem, Recent, RowCtx};
use crate::sheets::skip::{is_filler, is_filler_row, skip_kind, SkipKind, MARKER_COLUMNS};
use chrono::NaiveDate;
use scorecard_model::finding::FINDINGS_PER_KIND;
use scorecard_model::finding::{Finding, FindingKind, Severity};
use scorecard_model::model::{Activity, Field, Materials, Role, RowRef, ServiceRecord, SourceSheet, Tables};
use scorecard_model::text::Sym;
use std::collections::HashMap;

/// What to do with one sheet.
pub(crate) struct SheetJob<'a> {
    pub file: &'a str,
    pub sheet: &'a str,
    pub dates: DateSystem,
    pub merges: Option<Vec<Region>>,
    pub hand: Option<&'a SheetOverride>,
    pub saved: &'a [SavedMapping],
    pub preview_rows: usize,
    /// The sheet's last row as the file declares it (xlsx `<dimension>`), to reserve the
    /// table once instead of growing it by doubling; never trusted for anything else.
    pub last_row_hint: Option<u32>,
    /// How many shared strings the workbook has (cells' keys are below it; 0 for none).
    pub shared_strings: usize,
    /// What the import's matrices share (hours and dates typed once, see `matrix::Shared`).
    pub matrix: &'a crate::sheets::matrix::Shared,
}

/// At most this many rows are reserved from a hint (the browser refuses more rows anyway).
const MAX_RESERVE: u32 = 2_000_000;

/// Room for the data rows a sheet declares, in the table of its role. Growing a 1M-row
/// table by doubling holds the old and the new buffer at once (23 + 46 MB for records),
/// and wasm memory never shrinks.
fn reserve(tables: &mut Tables, role: Role, last_row_hint: Option<u32>, header_last: u32) {
    let Some(n) = last_row_hint.map(|last| last.saturating_sub(header_last).min(MAX_RESERVE) as usize) else { return };
    match role {
        Role::Volunteers => tables.volunteers.reserve(n),
        Role::Records => tables.records.reserve(n),
        Role::Activities => tables.activities.reserve(n),
        Role::Trainings => tables.trainings.reserve(n),
    }
}

enum Phase {
    Buffering(Vec<(u32, Vec<Cell<'static>>)>),
    Streaming { plan: Option<Plan>, source: u32, last: u32 },
}

pub(crate) struct SheetRun<'a> {
    job: SheetJob<'a>,
    phase: Phase,
    pub report: SheetOutcome,
    per_kind: HashMap<FindingKind, u64>,
    /// Text bytes kept in `report.failed_rows` (bounded by [`FAILED_ROWS_BYTES`]).
    failed_bytes: usize,
    /// Each text field's symbol in the row before.
    recent: Recent,
    /// A participation matrix's activity columns, as they are read.
    wide: Option<WideRun>,
    /// A table of activities' hours: (name column, hours column, hours in minutes).
    catalogue: Option<(usize, usize, bool)>,
    /// Per column: the sampled cells' day-or-month-first dates (the column's date order).
    day_months: Vec<content::DayMonths>,
}

/// One activity column of a participation matrix, as the rows are read.
struct WideCol {
    index: usize,
    name: String,
    people: u32,
    times: u32,
    /// The clerk's choice: convert this column, with these hours and this date.
    convert: bool,
    hours: Option<f64>,
    date: Option<NaiveDate>,
    sym: Option<Sym>,
    /// Participants per station, for the activity's station (the most frequent).
    stations: HashMap<Sym, u32>,
}

/// A participation matrix as it is read: counts per column and, once confirmed, the
/// service records made from them.
struct WideRun {
    cols: Vec<WideCol>,
    confirmed: bool,
    records_source: u32,
    activities_source: u32,
    /// Excel row of the header's last row (the activities' row reference).
    header_row: u32,
    records: u64,
}

/// At most this many participations are read from one cell (a larger count is a typo).
const MAX_TIMES: u32 = 366;
/// At most this many service records are made from one matrix (a district's worth); the
/// rest are reported, not made (memory stays bounded whatever the counts say).
const MAX_WIDE_RECORDS: u64 = 2_000_000;

/// Rows kept (as owned cells) while the header is looked for, at most.
const MAX_BUFFERED: usize = 10_000;

/// Rows with problems are kept for the failed-rows workbook up to this much text per sheet:
/// 5,000 rows of long hostile cells would otherwise hold gigabytes.
const FAILED_ROWS_BYTES: usize = 32 << 20;

impl<'a> SheetRun<'a> {
    pub(crate) fn new(job: SheetJob<'a>) -> Self {
        let keys = job.shared_strings;
        let report = SheetOutcome {
            name: job.sheet.to_string(),
            used_rows: 0,
            used_columns: 0,
            role: None,
            role_source: Source::Auto,
            role_scores: Vec::new(),
            header_rows: None,
            columns: Vec::new(),
            signature: String::new(),
            counts: RowCounts::default(),
            preview: Vec::new(),
            findings: Vec::new(),
            failed_rows: Vec::new(),
            failed_rows_capped: false,
            error: None,
            wide: None,
            catalogue: Vec::new(),
            guess: None,
        };
        SheetRun {
            job,
            phase: Phase::Buffering(Vec::new()),
            report,
            per_kind: HashMap::new(),
            failed_bytes: 0,
            recent: Recent::for_keys(keys),
            wide: None,
            catalogue: None,
            day_months: Vec::new(),
        }
    }

    fn finding(&self, kind: FindingKind, severity: Severity, (zh, en): msg::Msg) -> Finding {
        let f = Finding::file(self.job.file, kind, severity, zh, en);
        if self.job.sheet.is_empty() {
            f
        } else {
            f.in_sheet(self.job.sheet)
        }
    }

    /// Adds a finding, keeping at most [`FINDINGS_PER_KIND`] of each kind per sheet.
    fn push_finding(&mut self, f: Finding) {
        let n = self.per_kind.entry(f.kind).or_insert(0);
        *n += 1;
        if *n <= FINDINGS_PER_KIND {
            self.report.findings.push(f);
        }
    }

    /// One row from the source, with its cells' keys (see `formats::RowFn`). `tables`
    /// receives the typed rows.
    pub(crate) fn push(&mut self, row: u32, cells: &[Cell<'_>], keys: &[u32], tables: &mut Tables) {
        let known = Known::new(keys, &self.recent);
        let last_used = (0..cells.len()).rposition(|i| !known.is_blank(cells, i));
        if let Some(c) = last_used {
            self.report.used_rows = self.report.used_rows.max(row.saturating_add(1));
            self.report.used_columns = self.report.used_columns.max(c as u32 + 1);
        }
        // the row ends at its last cell with anything in it: empty cells a format reaches
        // (styled to column XEU) are no columns of the header, the preview or the report
        let width = last_used.map_or(0, |c| c + 1);
        let (cells, keys) = (cells.get(..width).unwrap_or(cells), keys.get(..width).unwrap_or(keys));
        match &mut self.phase {
            Phase::Buffering(rows) => {
                if last_used.is_none() {
                    return;
                }
                rows.push((row, cells.iter().map(Cell::to_owned_cell).collect()));
                let wanted_row = self.job.hand.and_then(|h| h.header_rows).map_or(0, |h| h.last);
                // a hand-picked header row far down (or a stale one past the sheet's end) buffers
                // at most MAX_BUFFERED rows, not the whole sheet
                if rows.len() >= SCAN_ROWS && row >= wanted_row || rows.len() >= MAX_BUFFERED {
                    self.decide(tables);
                }
            }
            Phase::Streaming { .. } => self.data_row(row, cells, keys, tables),
        }
    }

    /// End of the sheet (or of what could be read of it).
    pub(crate) fn finish(mut self, tables: &mut Tables) -> SheetOutcome {
        if matches!(self.phase, Phase::Buffering(_)) {
            self.decide(tables);
        }
        self.finish_wide(tables);
        let rows = self.report.counts.read.saturating_sub(self.report.counts.blank);
        if let Some(mut g) = self.report.guess.take() {
            g.rows = rows;
            let m = msg::role_guess(g.role, g.rows, &g.headers);
            let f = self.finding(FindingKind::UnknownSheet, Severity::Warning, m);
            self.report.findings.push(f);
            self.report.guess = Some(g);
        }
        let mut kinds: Vec<(FindingKind, u64)> =
            self.per_kind.iter().filter(|(_, &n)| n > FINDINGS_PER_KIND).map(|(&k, &n)| (k, n)).collect();
        scorecard_model::sort::sort(&mut kinds);
        for (kind, n) in kinds {
            let m = msg::more_of_kind(n - FINDINGS_PER_KIND, kind.label_zh(), kind.label_en());
            let severity =
                self.report.findings.iter().find(|f| f.kind == kind).map_or(Severity::Warning, |f| f.severity);
            self.report.findings.push(self.finding(kind, severity, m).standing_for(n - FINDINGS_PER_KIND));
        }
        if self.report.failed_rows_capped {
            let m = msg::failed_rows_capped(FAILED_ROWS_CAP);
            self.report.findings.push(self.finding(FindingKind::SkippedRow, Severity::Info, m));
        }
        self.report
    }

    /// Header, role and mapping from the buffered rows; then the buffered data rows.
    fn decide(&mut self, tables: &mut Tables) {
        let Phase::Buffering(rows) =
            std::mem::replace(&mut self.phase, Phase::Streaming { plan: None, source: 0, last: 0 })
        else {
            return;
        };
        let texts: Vec<(u32, Vec<String>)> =
            rows.iter().map(|(r, cells)| (*r, cells.iter().map(|c| c.display(self.job.dates)).collect())).collect();
        let grid = Grid { rows: &texts, merges: self.job.merges.as_deref() };
        let hand = self.job.hand;
        if hand.is_some_and(|h| h.ignore) {
            self.report.role_source = Source::Hand;
            self.phase = Phase::Streaming { plan: None, source: 0, last: u32::MAX };
            return;
        }
        let band = match hand.and_then(|h| h.header_rows) {
            Some(h) if h.first >= 1 && h.first <= h.last && h.last - h.first < 3 => {
                Some(grid.band(h.first - 1, h.last - 1))
            }
            _ => {
                let remembered: Vec<&str> = self.job.saved.iter().map(|s| s.signature.as_str()).collect();
                grid.find_signature(&remembered)
                    .or_else(|| grid.find())
                    // The clerk said what the sheet is, but no header text is known: take the
                    // widest of the first rows, so its columns can be mapped by hand.
                    .or_else(|| hand.and_then(|h| h.role).and_then(|_| grid.widest()))
            }
        };
        let Some(band) = band else {
            let f = if rows.is_empty() {
                self.finding(FindingKind::UnknownSheet, Severity::Info, msg::empty_sheet())
            } else {
                self.finding(FindingKind::UnknownSheet, Severity::Warning, msg::no_header(SCAN_ROWS))
            };
            self.report.findings.push(f);
            // the sheet as it is, so the clerk can see what it holds and which rows head it
            for (r, cells) in rows.iter().filter(|(_, c)| !is_filler_row(c)).take(self.job.preview_rows) {
                self.preview(r.saturating_add(1), cells, RowStatus::NotImported, vec![]);
            }
            self.phase = Phase::Streaming { plan: None, source: 0, last: u32::MAX };
            return;
        };
        // rows that only look filled (formula zeros down a template) say nothing of the columns
        let data: Vec<&[Cell]> =
            rows.iter().filter(|(r, c)| *r > band.last && !is_filler_row(c)).map(|(_, c)| c.as_slice()).collect();
        let samples: Vec<Sample> = (0..band.columns.len()).map(|i| content::sample(&data, i, self.job.dates)).collect();
        self.day_months = (0..band.columns.len()).map(|i| content::day_months(&data, i)).collect();
        let mut band = band;
        let notes = content::refine(&mut band.columns, &samples);
        self.report.header_rows = Some(band.excel_rows());
        self.report.signature = crate::columns::header::signature(&band.columns);
        self.report.role_scores = score_roles(&band.columns);
        let found = shape(&band.columns, &samples, &self.report.role_scores);
        let saved = self.job.saved.iter().find(|s| s.signature == self.report.signature);
        let (role, source) = match (hand.and_then(|h| h.role), saved.and_then(|s| s.role)) {
            (Some(r), _) => (Some(r), Source::Hand),
            (None, Some(r)) => (Some(r), Source::Saved),
            _ => (found.role, Source::Auto),
        };
        self.report.role = role;
        self.report.role_source = source;
        // a confirmed matrix keeps its columns while their headers are the same, even when
        // this file's sampled rows no longer show it as one
        let confirmed_cols: Vec<usize> = hand
            .and_then(|h| h.wide.as_ref())
            .map(|w| {
                w.activities
                    .iter()
                    .map(|a| a.column as usize)
                    .filter(|&i| band.columns.get(i).is_some_and(|c| !c.is_blank()))
                    .collect()
            })
            .unwrap_or_default();
        let wide_cols: Vec<usize> = if found.wide.is_empty() { confirmed_cols } else { found.wide.clone() };
        let wide: &[usize] = if role == Some(Role::Volunteers) { &wide_cols } else { &[] };
        let plan = role.map(|role| self.map_columns(&band, role, saved, tables, &notes, wide));
        if role.is_none() {
            self.report.columns = column_reports(&band, &[], &notes, &[]);
            if let Some((name, hours)) = found.catalogue {
                let minutes = band.columns.get(hours).is_some_and(|c| header_says_minutes(&c.display));
                self.catalogue = Some((name, hours, minutes));
                let f = self.finding(FindingKind::UnknownSheet, Severity::Info, msg::catalogue_sheet());
                self.report.findings.push(f);
            } else {
                let found_headers: Vec<String> =
                    band.columns.iter().filter(|c| !c.is_blank()).map(|c| c.display.clone()).collect();
                if let Some(g) = found.guess {
                    // the headers it rests on: the columns read in that role, else the first
                    let mut headers: Vec<String> =
                        band.columns.iter().filter(|c| c.reading(g).is_some()).map(|c| c.display.clone()).collect();
                    for h in &found_headers {
                        if !headers.contains(h) {
                            headers.push(h.clone());
                        }
                    }
                    headers.truncate(3);
                    self.report.guess = Some(RoleGuess { role: g, rows: 0, headers });
                    if let Some(m) = found.note.clone() {
                        let f = self.finding(FindingKind::UnknownSheet, Severity::Warning, m);
                        self.report.findings.push(f);
                    }
                } else {
                    // headers we read, none of them a person's or a dated activity's: say it is
                    // not such a table; headers we cannot read at all: say which we expect
                    let m = found.note.clone().unwrap_or_else(|| {
                        if band.columns.iter().any(|c| c.is_known()) {
                            msg::not_about_people(&found_headers)
                        } else {
                            msg::unknown_role(&found_headers)
                        }
                    });
                    let f = self.finding(FindingKind::UnknownSheet, Severity::Warning, m);
                    self.report.findings.push(f);
                }
            }
        }
        let source = match role {
            Some(role) => {
                reserve(tables, role, self.job.last_row_hint, band.last);
                tables.sources.push(SourceSheet {
                    file: self.job.file.to_string(),
                    sheet: self.job.sheet.to_string(),
                    role,
                });
                u32::try_from(tables.sources.len() - 1).unwrap_or(u32::MAX)
            }
            None => 0,
        };
        if !wide.is_empty() {
            self.start_wide(&band, wide, plan.as_ref(), tables);
        }
        self.phase = Phase::Streaming { plan, source, last: band.last };
        for (r, cells) in rows.iter().filter(|(r, _)| *r > band.last) {
            self.data_row(*r, cells, &[], tables);
        }
    }

    /// A participation matrix found on this roster: its activity columns, and, when the
    /// clerk has confirmed it, the sources its records and activities go to.
    fn start_wide(&mut self, band: &Band, wide: &[usize], plan: Option<&Plan>, tables: &mut Tables) {
        let choice: Option<&MatrixSheetChoice> = self.job.hand.and_then(|h| h.wide.as_ref());
        let shared = self.job.matrix;
        // a sheet without its own choice is confirmed by the import's matrix choice
        let all = choice.is_none() && shared.confirm_all;
        let mut moved = Vec::new();
        let cols: Vec<WideCol> = wide
            .iter()
            .filter_map(|&i| band.columns.get(i))
            .map(|c| {
                // a choice made for another header (the columns moved) does not apply
                let chosen = choice.and_then(|ch| ch.get(c.index)).filter(|a| {
                    let same = a.name.is_empty() || a.name == c.display;
                    if !same {
                        moved.push((a.name.clone(), c.display.clone()));
                    }
                    same
                });
                // the sheet's own value, else the one given for the same activity elsewhere
                let pool = shared.get(&c.display);
                let convert = chosen.is_some() || all && !pool.is_some_and(|p| p.skip);
                let hours = crate::sheets::matrix::usable_hours(chosen.and_then(|a| a.hours))
                    .or(pool.and_then(|p| p.hours))
                    .or(shared.default_hours);
                let date = chosen.and_then(|a| a.date).or(pool.and_then(|p| p.date));
                WideCol {
                    index: c.index as usize,
                    name: c.display.clone(),
                    people: 0,
                    times: 0,
                    convert,
                    hours: hours.filter(|_| convert),
                    date: date.filter(|_| convert),
                    sym: convert.then(|| tables.strings.intern(&c.display)),
                    stations: HashMap::new(),
                }
            })
            .collect();
        for (was, now) in moved {
            let f = self.finding(FindingKind::UnknownColumn, Severity::Warning, msg::wide_moved(&was, &now));
            self.report.findings.push(f);
        }
        let mut run = WideRun {
            cols,
            confirmed: choice.is_some() || all,
            records_source: 0,
            activities_source: 0,
            header_row: band.last.saturating_add(1),
            records: 0,
        };
        // records come only from activities with hours and a date
        if run.confirmed && run.cols.iter().any(|c| c.convert && c.hours.is_some() && c.date.is_some()) {
            let mut source = |role| {
                tables.sources.push(SourceSheet {
                    file: self.job.file.to_string(),
                    sheet: self.job.sheet.to_string(),
                    role,
                });
                u32::try_from(tables.sources.len() - 1).unwrap_or(u32::MAX)
            };
            run.records_source = source(Role::Records);
            run.activities_source = source(Role::Activities);
            let mut present = vec![
                (Role::Records, Field::Date),
                (Role::Records, Field::Hours),
                (Role::Records, Field::ActivityName),
                (Role::Activities, Field::ActivityName),
                (Role::Activities, Field::Date),
                (Role::Activities, Field::Participants),
            ];
            for f in [Field::VolunteerNo, Field::IdNumber, Field::Name, Field::Phone, Field::Station] {
                if plan.is_some_and(|p| p.has(f)) {
                    present.push((Role::Records, f));
                }
            }
            if plan.is_some_and(|p| p.has(Field::Station)) {
                present.push((Role::Activities, Field::Station));
            }
            for p in present {
                if !tables.present.contains(&p) {
                    tables.present.push(p);
                }
            }
        }
        let names: Vec<String> = run.cols.iter().map(|c| c.name.clone()).collect();
        let m = if run.confirmed { msg::wide_confirmed(&names) } else { msg::wide_found(&names) };
        let f = self.finding(FindingKind::UnknownColumn, Severity::Info, m);
        self.report.findings.push(f);
        self.wide = Some(run);
    }

    /// One roster row of a matrix: its counts, and its service records once confirmed.
    fn wide_row(&mut self, excel_row: u32, cells: &[Cell<'_>], tables: &mut Tables) {
        let Some(mut run) = self.wide.take() else { return };
        let v = tables.volunteers.last().cloned();
        for col in &mut run.cols {
            // a placeholder (-, /, 无, #N/A) says "did not take part", as a blank does
            let Some(cell) = cells.get(col.index).filter(|c| !crate::sheets::skip::is_filler(c)) else { continue };
            let n = match content::whole_number(cell) {
                Some(n) if (0..=i64::from(MAX_TIMES)).contains(&n) => n as u32,
                _ if content::is_tick(&cell.display(self.job.dates)) => 1,
                _ => {
                    let m = msg::unreadable_times(&col.name, &cell.display(self.job.dates));
                    let f = self
                        .finding(FindingKind::UnreadableNumber, Severity::Error, m)
                        .at_row(excel_row)
                        .in_column(&col.name);
                    self.push_finding(f);
                    continue;
                }
            };
            if n == 0 {
                continue;
            }
            col.people += 1;
            col.times += n;
            let Some(v) = &v else { continue };
            if let Some(st) = v.station {
                *col.stations.entry(st).or_insert(0) += 1;
            }
            if let (true, Some(hours), Some(date)) = (col.convert, col.hours, col.date) {
                if run.records + u64::from(n) > MAX_WIDE_RECORDS {
                    if run.records <= MAX_WIDE_RECORDS {
                        run.records = MAX_WIDE_RECORDS + 1;
                        let m = msg::wide_too_many(MAX_WIDE_RECORDS);
                        let f = self.finding(FindingKind::UnreadableNumber, Severity::Error, m).at_row(excel_row);
                        self.push_finding(f);
                    }
                    continue;
                }
                for _ in 0..n {
                    tables.records.push(ServiceRecord {
                        volunteer_no: v.number,
                        id_number: v.id_number,
                        name: v.name,
                        phone: v.phone,
                        activity: col.sym,
                        date,
                        hours,
                        station: v.station,
                        at: RowRef { source: run.records_source, row: excel_row },
                    });
                }
                run.records += u64::from(n);
            }
        }
        self.wide = Some(run);
    }

    /// The matrix's activities (once confirmed) and its outcome.
    fn finish_wide(&mut self, tables: &mut Tables) {
        let Some(run) = self.wide.take() else { return };
        for col in run.cols.iter().filter(|c| c.convert) {
            match (col.hours, col.date) {
                (Some(_), Some(date)) => {
                    let station =
                        col.stations.iter().max_by_key(|(s, n)| (**n, std::cmp::Reverse(s.index()))).map(|(s, _)| *s);
                    tables.activities.push(Activity {
                        name: col.sym,
                        date: Some(date),
                        station,
                        theme: None,
                        team: None,
                        holiday: None,
                        participants: Some(col.people),
                        materials: Materials::default(),
                        at: RowRef { source: run.activities_source, row: run.header_row },
                    });
                }
                (hours, _) if col.times > 0 => {
                    let m = msg::wide_activity_incomplete(&col.name, col.times, hours.is_none());
                    let f = self.finding(FindingKind::MissingRequired, Severity::Warning, m).in_column(&col.name);
                    self.report.findings.push(f);
                }
                _ => {}
            }
        }
        self.report.wide = Some(MatrixSheet {
            activities: run
                .cols
                .iter()
                .map(|c| MatrixColumn {
                    column: c.index as u32,
                    letter: column_letter(c.index as u32),
                    name: c.name.clone(),
                    people: c.people,
                    times: c.times,
                    hours: None,
                    hours_from: None,
                    date: crate::sheets::matrix::date_in(&c.name),
                    month_day: crate::sheets::matrix::month_day_in(&c.name),
                    holiday: crate::sheets::matrix::holiday_in(&c.name).map(String::from),
                    chosen_hours: c.convert.then_some(c.hours).flatten(),
                    chosen_date: c.convert.then_some(c.date).flatten(),
                })
                .collect(),
            confirmed: run.confirmed,
            records: run.records.min(MAX_WIDE_RECORDS),
        });
    }

    /// The mapping for `role`: auto, then saved, then hand; column findings; sheet-level
    /// checks for missing required columns.
    fn map_columns(
        &mut self,
        band: &Band,
        role: Role,
        saved: Option<&SavedMapping>,
        tables: &mut Tables,
        notes: &[Option<Why>],
        wide: &[usize],
    ) -> Plan {
        let mut mapped = mapping::auto_map(&band.columns, role);
        if let Some(s) = saved {
            mapping::apply_saved(&band.columns, &mut mapped, s);
        }
        if let Some(h) = self.job.hand {
            mapping::apply_hand(&mut mapped, &h.columns);
        }
        // a field that is not of this role (stale saved or hand mapping) is dropped
        for m in &mut mapped {
            if m.field.is_some_and(|f| !role.fields().contains(&f)) {
                m.field = None;
            }
        }
        self.report.columns = column_reports(band, &mapped, notes, wide);
        let dates: Vec<Option<ColumnDates>> = self.report.columns.iter().map(|c| self.column_dates(c, saved)).collect();
        for (c, d) in self.report.columns.iter_mut().zip(dates) {
            c.dates = d;
        }
        let mut plan = Plan::new(role);
        let columns = self.report.columns.clone();
        for (c, m) in columns.iter().zip(&mapped) {
            if let Some(field) = c.field {
                let leaf = band
                    .columns
                    .get(c.index as usize)
                    .and_then(|h| h.pieces.last())
                    .map_or(String::new(), |l| crate::columns::synonyms::normalize_header(l));
                let (order, order_example) = match &c.dates {
                    Some(d) => (d.order.unwrap_or_default(), d.example.clone()),
                    None => (DateOrder::Ymd, String::new()),
                };
                plan.set(
                    field,
                    PlanCol {
                        index: c.index as usize,
                        header: display_header(c),
                        leaf,
                        minutes: c.minutes,
                        order,
                        order_example,
                    },
                );
                if !tables.present.contains(&(role, field)) {
                    tables.present.push((role, field));
                }
            } else if c.header.is_empty() {
                continue;
            } else if let Some(other) = m.duplicate_of {
                let other_header = columns.get(other as usize).map_or(String::new(), |o| o.header.clone());
                let field = band
                    .columns
                    .get(c.index as usize)
                    .and_then(|h| crate::columns::role::field_of(h, role))
                    .map_or(Field::Name, |r| r.field);
                let f = self
                    .finding(
                        FindingKind::UnknownColumn,
                        Severity::Info,
                        msg::duplicate_column(&c.header, &c.letter, &other_header, field),
                    )
                    .in_column(&c.header);
                self.report.findings.push(f);
            } else if m.sub_group {
                let f = self
                    .finding(FindingKind::UnknownColumn, Severity::Info, msg::sub_group_column(&c.header, &c.letter))
                    .in_column(&c.header);
                self.report.findings.push(f);
            } else if m.source == Source::Auto
                && !wide.contains(&(c.index as usize))
                && !band.columns.get(c.index as usize).is_some_and(mapping::is_ignored_header)
                && notes.get(c.index as usize).is_none_or(Option::is_none)
            {
                // a column that means something on another kind of table is known, not unknown
                let elsewhere = band.columns.get(c.index as usize).and_then(|h| h.readings.first()).map(|r| r.field);
                let m = match elsewhere {
                    Some(field) => msg::unused_here(&c.header, &c.letter, role, field),
                    None => msg::unknown_column(&c.header, &c.letter),
                };
                let f = self.finding(FindingKind::UnknownColumn, Severity::Info, m).in_column(&c.header);
                self.report.findings.push(f);
            }
        }
        let missing: &[(&[Field], &str, &str)] = match role {
            Role::Records => &[
                (&[Field::Date, Field::Start, Field::TimeSpan], "服务日期", "service date"),
                (&[Field::Hours, Field::End, Field::TimeSpan], "服务时长", "service hours"),
                (
                    &[Field::VolunteerNo, Field::IdNumber, Field::Name],
                    "志愿者编号、证件号码或姓名",
                    "volunteer number, ID or name",
                ),
            ],
            Role::Activities => &[(&[Field::Date], "活动日期", "activity date")],
            Role::Trainings => &[(&[Field::Date], "培训日期", "training date")],
            Role::Volunteers => &[],
        };
        for &(fields, zh, en) in missing {
            if !fields.iter().any(|&f| plan.has(f)) {
                let f = self.finding(FindingKind::MissingRequired, Severity::Error, msg::missing_column(role, zh, en));
                self.report.findings.push(f);
            }
        }
        if role == Role::Records && plan.has(Field::End) && !plan.has(Field::Hours) && !plan.has(Field::Start) {
            let m = msg::missing_column(
                role,
                "开始时间（有结束时间时用来算时长）",
                "start time (to compute hours from the end time)",
            );
            let f = self.finding(FindingKind::MissingRequired, Severity::Error, m);
            self.report.findings.push(f);
        }
        plan
    }

    /// How a column's day-or-month-first dates are read: in the clerk's order for it (this
    /// sheet's, else a remembered mapping's), else in the order its sampled cells prove;
    /// said for a date column holding such dates (open when they prove none).
    fn column_dates(&self, c: &ColumnOutcome, saved: Option<&SavedMapping>) -> Option<ColumnDates> {
        let hand = self.job.hand.and_then(|h| h.date_orders.iter().find(|o| o.column == c.index)).map(|o| o.order);
        let remembered = || {
            saved
                .and_then(|s| s.columns.iter().find(|s| !c.key.is_empty() && s.header == c.key))
                .and_then(|s| s.date_order)
        };
        let dm = self.day_months.get(c.index as usize).cloned().unwrap_or_default();
        let (order, how, example) = if let Some(order) = hand {
            (Some(order), DateOrderHow::Hand, String::new())
        } else if let Some(order) = remembered() {
            (Some(order), DateOrderHow::Saved, String::new())
        } else {
            let dated = matches!(
                c.field,
                Some(Field::Date | Field::Start | Field::End | Field::TimeSpan | Field::RegisteredOn)
            );
            if !dated || dm.day_first + dm.month_first + dm.either == 0 {
                return None;
            }
            // a sheet headed in English may prove month first (an American export); a Chinese
            // one only day first (issue 28)
            let headers = || self.report.columns.iter().filter(|c| !c.header.is_empty());
            let english = headers().any(|c| crate::columns::english::is_english(&c.header))
                && headers().all(|c| {
                    crate::columns::english::is_english(&c.header) || !c.header.chars().any(|ch| ch.is_alphabetic())
                });
            match dm.proved_in(english) {
                Some(order) => {
                    let example = if order == DateOrder::Mdy { &dm.first_month_first } else { &dm.first_day_first };
                    (Some(order), DateOrderHow::Cells, example.clone().unwrap_or_default())
                }
                None => {
                    let open = dm.first_month_first.clone().or(dm.first_either.clone()).or(dm.first_day_first.clone());
                    (None, DateOrderHow::Ambiguous, open.unwrap_or_default())
                }
            }
        };
        let (zh, en) = msg::column_date_order(how, order, &example, dm.month_first > 0);
        Some(ColumnDates {
            order,
            how,
            example,
            day_first: dm.day_first,
            month_first: dm.month_first,
            either: dm.either,
            zh,
            en,
        })
    }

    fn data_row(&mut self, row: u32, cells: &[Cell<'_>], keys: &[u32], tables: &mut Tables) {
        let (plan, source) = match &mut self.phase {
            Phase::Streaming { plan, source, last } => {
                if row <= *last {
                    return;
                }
                // rows the source skipped (xlsx leaves out empty rows) were blank
                let gap = u64::from(row - *last - 1);
                *last = row;
                self.report.counts.read += gap + 1;
                self.report.counts.blank += gap;
                (plan.take(), *source)
            }
            Phase::Buffering(_) => return,
        };
        self.convert_row(row.saturating_add(1), cells, keys, tables, plan.as_ref(), source);
        if let Phase::Streaming { plan: slot, .. } = &mut self.phase {
            *slot = plan;
        }
    }

    fn convert_row(
        &mut self,
        excel_row: u32,
        cells: &[Cell<'_>],
        keys: &[u32],
        tables: &mut Tables,
        plan: Option<&Plan>,
        source: u32,
    ) {
        let counts = &mut self.report.counts;
        let Some(plan) = plan else {
            if let Some(cat) = self.catalogue {
                self.catalogue_row(excel_row, cells, cat);
                return;
            }
            if is_filler_row(cells) {
                counts.blank += 1;
            } else if self.report.preview.len() < self.job.preview_rows && self.report.header_rows.is_some() {
                let shown = displays(cells, self.job.dates);
                self.report.preview.push(PreviewRow {
                    row: excel_row,
                    cells: shown,
                    status: RowStatus::NotImported,
                    marks: vec![],
                });
            }
            return;
        };
        let known = Known::new(keys, &self.recent);
        // no column mapped yet (a role chosen by hand over unknown headers): a row with data
        // is not blank, it is not imported; the sheet's missing-column errors say why
        if plan.indices().next().is_none() {
            if is_filler_row(cells) {
                counts.blank += 1;
            } else {
                counts.left_out += 1;
                self.preview(excel_row, cells, RowStatus::NotImported, vec![]);
            }
            return;
        }
        // nothing but blanks, formula zeros and placeholders in the mapped columns: a blank
        // row (`skip::is_filler`), however many a template's formulas reach down
        if plan.indices().all(|i| known.is_filler(cells, i)) {
            // a matrix row with counts but nobody named: its participations cannot be anyone's
            let counts_here = self
                .wide
                .as_ref()
                .is_some_and(|w| w.cols.iter().any(|c| cells.get(c.index).is_some_and(|x| !is_filler(x))));
            if counts_here {
                self.report.counts.left_out += 1;
                let f =
                    self.finding(FindingKind::MissingRequired, Severity::Error, msg::wide_nobody()).at_row(excel_row);
                self.push_finding(f);
                self.preview(
                    excel_row,
                    cells,
                    RowStatus::LeftOut,
                    vec![CellMark { column: None, kind: FindingKind::MissingRequired }],
                );
            } else {
                self.report.counts.blank += 1;
            }
            return;
        }
        if plan.is_repeated_header(cells, known) {
            self.report.counts.skipped += 1;
            let f = self.finding(FindingKind::SkippedRow, Severity::Info, msg::repeated_header()).at_row(excel_row);
            self.push_finding(f);
            self.preview(
                excel_row,
                cells,
                RowStatus::Skipped,
                vec![CellMark { column: None, kind: FindingKind::SkippedRow }],
            );
            return;
        }
        if let Some((kind, text)) =
            skip_kind((0..cells.len().min(MARKER_COLUMNS)).map(|i| known.marker_candidate(cells, i)))
        {
            self.report.counts.skipped += 1;
            let m = match kind {
                SkipKind::Totals => msg::totals_row(&text),
                SkipKind::Note => msg::note_row(&text),
            };
            let f = self.finding(FindingKind::SkippedRow, Severity::Info, m).at_row(excel_row);
            self.push_finding(f);
            self.preview(
                excel_row,
                cells,
                RowStatus::Skipped,
                vec![CellMark { column: None, kind: FindingKind::SkippedRow }],
            );
            return;
        }
        let mut cx = RowCtx {
            tables,
            at: RowRef { source, row: excel_row },
            dates: self.job.dates,
            problems: Vec::new(),
            keys,
            recent: &mut self.recent,
        };
        let kept = convert(plan, cells, &mut cx);
        let problems = std::mem::take(&mut cx.problems);
        if kept && self.wide.is_some() {
            self.wide_row(excel_row, cells, tables);
        }
        plan.learn_plain(cells, keys, &mut self.recent);
        if kept {
            self.report.counts.kept += 1;
        } else {
            self.report.counts.left_out += 1;
        }
        let marks: Vec<CellMark> = problems.iter().map(|p| CellMark { column: p.column, kind: p.kind }).collect();
        if problems.iter().any(|p| p.severity != Severity::Info) {
            self.keep_failed(excel_row, cells, &problems);
        }
        for p in problems {
            let mut f = self.finding(p.kind, p.severity, (p.zh, p.en)).at_row(excel_row);
            if let Some(h) = p.header {
                f = f.in_column(&h);
            }
            self.push_finding(f);
        }
        let status = if kept { RowStatus::Kept } else { RowStatus::LeftOut };
        self.preview(excel_row, cells, status, marks);
    }

    /// A row of a table of activities' hours: its name and hours, kept for the matrices.
    fn catalogue_row(&mut self, excel_row: u32, cells: &[Cell<'_>], (name, hours, minutes): (usize, usize, bool)) {
        const MAX_ENTRIES: usize = 2_000;
        if is_filler_row(cells) {
            self.report.counts.blank += 1;
            return;
        }
        let n = cells.get(name).map(|c| c.display(self.job.dates)).unwrap_or_default();
        let h = cells.get(hours).map(|c| crate::cell_parsers::hours::read_hours(c, minutes));
        match (crate::input::cell::trim(&n), h) {
            (n, Some(crate::cell_parsers::Read::Value(h))) if !n.is_empty() && h > 0.0 && h <= 24.0 => {
                self.report.counts.kept += 1;
                if self.report.catalogue.len() < MAX_ENTRIES {
                    self.report.catalogue.push(crate::outcome::CatalogueEntry {
                        name: n.to_string(),
                        hours: h,
                        row: excel_row,
                    });
                }
                self.preview(excel_row, cells, RowStatus::Kept, vec![]);
            }
            (n, h) => {
                self.report.counts.left_out += 1;
                let hours_text = cells.get(hours).map(|c| c.display(self.job.dates)).unwrap_or_default();
                let m = msg::catalogue_row(n, &hours_text, matches!(h, Some(crate::cell_parsers::Read::Value(_))));
                let f = self.finding(FindingKind::UnreadableHours, Severity::Error, m).at_row(excel_row);
                self.push_finding(f);
                self.preview(
                    excel_row,
                    cells,
                    RowStatus::LeftOut,
                    vec![CellMark { column: Some(hours as u32), kind: FindingKind::UnreadableHours }],
                );
            }
        }
        if self.report.catalogue.len() == MAX_ENTRIES && self.report.counts.kept == MAX_ENTRIES as u64 + 1 {
            let f = self.finding(FindingKind::SkippedRow, Severity::Info, msg::catalogue_full(MAX_ENTRIES));
            self.report.findings.push(f);
        }
    }

    fn preview(&mut self, row: u32, cells: &[Cell<'_>], status: RowStatus, marks: Vec<CellMark>) {
        if self.report.preview.len() < self.job.preview_rows {
            let shown = displays(cells, self.job.dates);
            self.report.preview.push(PreviewRow { row, cells: shown, status, marks });
        }
    }

    fn keep_failed(&mut self, row: u32, cells: &[Cell<'_>], problems: &[Problem]) {
        if self.report.failed_rows.len() >= FAILED_ROWS_CAP || self.failed_bytes > FAILED_ROWS_BYTES {
            self.report.failed_rows_capped = true;
            return;
        }
        let problems = problems
            .iter()
            .filter(|p| p.severity != Severity::Info)
            .map(|p| match &p.header {
                Some(h) => format!("「{h}」：{}", p.zh),
                None => p.zh.clone(),
            })
            .collect();
        let cells = displays(cells, self.job.dates);
        self.failed_bytes += cells.iter().map(String::len).sum::<usize>();
        self.report.failed_rows.push(FailedRow { row, cells, problems });
    }
}

fn displays(cells: &[Cell<'_>], dates: DateSystem) -> Vec<String> {
    let n = cells.iter().rposition(|c| !c.is_blank()).map_or(0, |i| i + 1);
    cells.iter().take(n).map(|c| c.display(dates)).collect()
}

/// The header a finding names: the display text, else the column letter.
fn display_header(c: &ColumnOutcome) -> String {
    if c.header.is_empty() {
        format!("{}列", c.letter)
    } else {
        c.header.clone()
    }
}

fn column_reports(band: &Band, mapped: &[Mapped], notes: &[Option<Why>], wide: &[usize]) -> Vec<ColumnOutcome> {
    let n = band.columns.len().max(mapped.len());
    (0..n)
        .map(|i| {
            let header = band.columns.get(i).map_or(String::new(), |c| c.display.clone());
            let key = band
                .columns
                .get(i)
                .map_or(String::new(), |c| crate::columns::synonyms::normalize_header(&c.pieces.concat()));
            let m = mapped.get(i);
            let field = m.and_then(|m| m.field);
            let hours_field = matches!(field, Some(Field::Hours | Field::AnnualHours | Field::CumulativeHours));
            let why = match m {
                Some(m) if m.source == Source::Auto && m.field.is_some() => m.why.clone(),
                Some(m) if m.source != Source::Auto => None,
                _ if wide.contains(&i) => {
                    Some(Why { kind: WhyKind::Content, word: "参加次数".into(), qualifier: String::new() })
                }
                _ => notes.get(i).cloned().flatten(),
            };
            ColumnOutcome {
                index: i as u32,
                letter: column_letter(i as u32),
                minutes: hours_field && header_says_minutes(&header),
                header,
                key,
                field,
                source: m.map_or(Source::Auto, |m| m.source),
                why,
                dates: None,
            }
        })
        .collect()
}
