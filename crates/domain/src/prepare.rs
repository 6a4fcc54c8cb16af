//! From imported tables to the rows that count, for one year `Y` and as-of date `D`.
//!
//! indicators.md §2 "Keys and checks": a volunteer is identified by 志愿者编号, else
//! 证件号码, else 姓名+手机; the same volunteer twice is counted once and reported; a record
//! whose key matches no volunteer, whose date is outside `Y` or after `D`, or whose hours
//! are over 24 or 0 or less, is reported and left out of every count; a volunteer is
//! registered when listed with a registration date on or before `D` (or none); their
//! station is the roster's 所属站点.
//!
//! Invariant: this never fails. It returns what counts plus a finding for everything left out.

use crate::finding::{Finding, FindingKind, Severity};
use crate::model::{RowRef, Tables};
use crate::text::Sym;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// How a volunteer is known, in the order of preference of §2.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum VolunteerKey {
    Number(Sym),
    Id(Sym),
    NamePhone(Sym, Option<Sym>),
}

/// A record that counts: in year `Y`, on or before `D`, and (when there is a roster)
/// matched to a registered volunteer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountedRecord {
    /// Index into `tables.records`.
    pub record: usize,
    /// Index into `tables.volunteers` (the first occurrence of that volunteer);
    /// `None` only when no roster was imported.
    pub volunteer: Option<usize>,
    /// The station the hours count for: the volunteer's roster station, else the record's own.
    pub station: Option<Sym>,
}

/// The rows that count for `Y` up to `D`.
#[derive(Clone, Debug)]
pub struct Prepared<'t> {
    pub tables: &'t Tables,
    pub year: i32,
    pub as_of: NaiveDate,
    /// Indices into `tables.volunteers` of distinct volunteers registered on or before `D`.
    pub registered: Vec<usize>,
    /// Records that count, in table order.
    pub records: Vec<CountedRecord>,
    /// True when a roster was imported (so records were matched against it).
    pub has_roster: bool,
}

impl<'t> Prepared<'t> {
    /// Hours per registered volunteer index, over the counted records.
    pub fn hours_by_volunteer(&self) -> HashMap<usize, f64> {
        let mut m = HashMap::new();
        for r in &self.records {
            if let Some(v) = r.volunteer {
                *m.entry(v).or_insert(0.0) += self.tables.records[r.record].hours;
            }
        }
        m
    }

    /// Total hours over the counted records.
    pub fn total_hours(&self) -> f64 {
        self.records.iter().map(|r| self.tables.records[r.record].hours).sum()
    }
}

/// The key of the volunteer in roster row `i`, if it has any usable identity.
pub fn volunteer_key(tables: &Tables, i: usize) -> Option<VolunteerKey> {
    let v = &tables.volunteers[i];
    if let Some(n) = v.number {
        return Some(VolunteerKey::Number(n));
    }
    if let Some(id) = v.id_number {
        return Some(VolunteerKey::Id(id));
    }
    v.name.map(|n| VolunteerKey::NamePhone(n, v.phone))
}

fn finding_at(tables: &Tables, at: RowRef, kind: FindingKind, severity: Severity, zh: String, en: String) -> Finding {
    // A CSV's only "sheet" has an empty name: no sheet then (location 文件「x.csv」，第 5 行).
    let (file, sheet) = match tables.source_of(at) {
        Some(s) => (s.file.as_str(), Some(s.sheet.as_str()).filter(|n| !n.is_empty())),
        None => ("", None),
    };
    let mut f = Finding::file(file, kind, severity, zh, en).at_row(at.row);
    if let Some(sh) = sheet {
        f = f.in_sheet(sh);
    }
    f
}

/// Applies the keys and checks of §2 for year `year` up to `as_of`.
pub fn prepare(tables: &Tables, year: i32, as_of: NaiveDate) -> (Prepared<'_>, Vec<Finding>) {
    let mut sink = Sink::default();

    // 1. Distinct volunteers, first occurrence wins; later ones are reported.
    let mut by_number: HashMap<Sym, usize> = HashMap::new();
    let mut by_id: HashMap<Sym, usize> = HashMap::new();
    let mut by_name: HashMap<Sym, Vec<usize>> = HashMap::new();
    let mut first_of: HashMap<VolunteerKey, usize> = HashMap::new();
    let mut distinct = Vec::new();
    for i in 0..tables.volunteers.len() {
        let v = &tables.volunteers[i];
        let key = volunteer_key(tables, i);
        // A duplicate by any strong key (number or ID) is the same person.
        let dup_of = key
            .as_ref()
            .and_then(|k| first_of.get(k).copied())
            .or_else(|| v.number.and_then(|n| by_number.get(&n).copied()))
            .or_else(|| v.id_number.and_then(|id| by_id.get(&id).copied()));
        if let Some(first) = dup_of {
            let first_row = tables.volunteers[first].at.row;
            let who = tables.so(v.name.or(v.number));
            if sink.room(v.at, FindingKind::DuplicateVolunteer, Severity::Warning) {
                sink.list.push(finding_at(
                    tables,
                    v.at,
                    FindingKind::DuplicateVolunteer,
                    Severity::Warning,
                    format!("志愿者「{who}」与第 {first_row} 行重复，只计一次。请删除重复的一行。"),
                    format!("Volunteer \"{who}\" repeats row {first_row}; counted once. Delete the duplicate row."),
                ));
            }
            continue;
        }
        let Some(key) = key else {
            if sink.room(v.at, FindingKind::MissingRequired, Severity::Error) {
                sink.list.push(finding_at(
                tables,
                v.at,
                FindingKind::MissingRequired,
                Severity::Error,
                "这一行没有志愿者编号、证件号码或姓名，无法识别是谁，未计入。请补填其中一项。".into(),
                "This row has no volunteer number, ID number or name, so nobody can be identified; not counted. Fill in one of them.".into(),
            ));
            }
            continue;
        };
        first_of.insert(key, i);
        if let Some(n) = v.number {
            by_number.entry(n).or_insert(i);
        }
        if let Some(id) = v.id_number {
            by_id.entry(id).or_insert(i);
        }
        if let Some(n) = v.name {
            by_name.entry(n).or_default().push(i);
        }
        distinct.push(i);
    }
    let registered: Vec<usize> =
        distinct.iter().copied().filter(|&i| tables.volunteers[i].registered_on.is_none_or(|d| d <= as_of)).collect();
    let is_registered: std::collections::HashSet<usize> = registered.iter().copied().collect();

    // 2. Records: in period, then matched.
    let has_roster = !tables.volunteers.is_empty();
    let mut records = Vec::new();
    for (ri, r) in tables.records.iter().enumerate() {
        if r.date.year() != year || r.date > as_of {
            // Built only while there is room: most rows of a big sheet may be out of period.
            if sink.room(r.at, FindingKind::DateOutOfPeriod, Severity::Info) {
                let (why_zh, why_en) = if r.date.year() != year {
                    (format!("不在考核年度 {year} 年内"), format!("is not in the assessment year {year}"))
                } else {
                    (
                        format!("晚于截止日期 {}", as_of.format("%Y年%-m月%-d日")),
                        format!("is after the as-of date {as_of}"),
                    )
                };
                sink.list.push(finding_at(
                    tables,
                    r.at,
                    FindingKind::DateOutOfPeriod,
                    Severity::Info,
                    format!("服务日期 {} {why_zh}，这条记录不计入。", r.date.format("%Y年%-m月%-d日")),
                    format!("Service date {} {why_en}; this record is not counted.", r.date),
                ));
            }
            continue;
        }
        // §2: a record lasting over 24 hours, or 0 hours or less, is reported and left out.
        if !(r.hours > 0.0 && r.hours <= 24.0) {
            if sink.room(r.at, FindingKind::HoursOutOfRange, Severity::Error) {
                sink.list.push(finding_at(
                    tables,
                    r.at,
                    FindingKind::HoursOutOfRange,
                    Severity::Error,
                    format!(
                        "服务时长 {} 小时不在 0–24 小时之间，这条记录不计入。请核对时长（一条记录是一次服务）。",
                        r.hours
                    ),
                    format!(
                        "Hours {} are not between 0 and 24; this record is not counted. \
                     Check the hours (one record is one service).",
                        r.hours
                    ),
                ));
            }
            continue;
        }
        if !has_roster {
            records.push(CountedRecord { record: ri, volunteer: None, station: r.station });
            continue;
        }
        let matched = r
            .volunteer_no
            .and_then(|n| by_number.get(&n).copied())
            .or_else(|| r.id_number.and_then(|id| by_id.get(&id).copied()))
            .or_else(|| {
                // Name only when it is unambiguous, or the phone tells them apart.
                let cands = by_name.get(&r.name?)?;
                match cands.as_slice() {
                    [one] => Some(*one),
                    many => {
                        let by_phone: Vec<usize> = many
                            .iter()
                            .copied()
                            .filter(|&i| r.phone.is_some() && tables.volunteers[i].phone == r.phone)
                            .collect();
                        (by_phone.len() == 1).then(|| by_phone[0])
                    }
                }
            });
        match matched {
            Some(vi) if is_registered.contains(&vi) => {
                let station = tables.volunteers[vi].station.or(r.station);
                records.push(CountedRecord { record: ri, volunteer: Some(vi), station });
            }
            Some(vi) => {
                let reg = tables.volunteers[vi].registered_on.map(|d| d.to_string()).unwrap_or_default();
                if sink.room(r.at, FindingKind::UnmatchedRecord, Severity::Warning) {
                    sink.list.push(finding_at(
                        tables,
                        r.at,
                        FindingKind::UnmatchedRecord,
                        Severity::Warning,
                        format!("这条记录的志愿者在截止日期后才注册（注册日期 {reg}），不计入。"),
                        format!("This record's volunteer registered after the as-of date ({reg}); not counted."),
                    ));
                }
            }
            None => {
                let who = [r.volunteer_no, r.id_number, r.name]
                    .into_iter()
                    .flatten()
                    .next()
                    .map(|s| tables.s(s).to_string())
                    .unwrap_or_default();
                let who = crate::mask::mask_if_sensitive(&who);
                if sink.room(r.at, FindingKind::UnmatchedRecord, Severity::Warning) {
                    sink.list.push(finding_at(
                    tables,
                    r.at,
                    FindingKind::UnmatchedRecord,
                    Severity::Warning,
                    format!("服务记录中的志愿者「{who}」在志愿者名册中找不到，这条记录不计入。请核对编号/证件号码，或把此人补进名册。"),
                    format!("Volunteer \"{who}\" on this record is not in the roster; not counted. Check the number or ID, or add the person to the roster."),
                ));
                }
            }
        }
    }

    (Prepared { tables, year, as_of, registered, records, has_roster }, sink.finish(tables))
}

/// Findings with a ceiling: at most [`crate::import::FINDINGS_PER_KIND`] of one kind per
/// sheet are built and listed (a million last-year records must not become a million
/// messages, 12 times over in the monthly replay); one more finding per sheet and kind
/// says how many were not listed.
#[derive(Default)]
struct Sink {
    list: Vec<Finding>,
    counts: HashMap<(u32, FindingKind), (u64, Severity, RowRef)>,
}

impl Sink {
    /// Counts a finding; true when it is still to be built and listed.
    fn room(&mut self, at: RowRef, kind: FindingKind, severity: Severity) -> bool {
        let e = self.counts.entry((at.source, kind)).or_insert((0, severity, at));
        e.0 += 1;
        e.0 <= crate::import::FINDINGS_PER_KIND
    }

    fn finish(mut self, tables: &Tables) -> Vec<Finding> {
        let cap = crate::import::FINDINGS_PER_KIND;
        type Count<'a> = (&'a (u32, FindingKind), &'a (u64, Severity, RowRef));
        let mut over: Vec<Count> = self.counts.iter().filter(|(_, (n, _, _))| *n > cap).collect();
        over.sort_by_key(|((source, kind), _)| (*source, *kind));
        for ((_, kind), (n, severity, first)) in over {
            let more = n - cap;
            let mut f = finding_at(
                tables,
                *first,
                *kind,
                *severity,
                format!("另有 {more} 条「{}」未逐条列出（共 {n} 条）。", kind.label_zh()),
                format!("{more} more \"{}\" findings not listed ({n} in all).", kind.label_en()),
            );
            f.row = None;
            self.list.push(f);
        }
        self.list
    }
}
