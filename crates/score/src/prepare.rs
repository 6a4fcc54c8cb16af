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

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use scorecard_model::finding::{Finding, FindingKind, Severity};
use scorecard_model::model::{other_row, RowRef, ServiceRecord, Tables};
use scorecard_model::text::Sym;
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
///
/// 12 bytes (`u32` indices, not `usize` and `Option<usize>`: 16 in wasm, 32 natively):
/// a score holds one per counted record, a million at district scale. Tables of more
/// than `u32::MAX` rows cannot be imported (`Tables` would need hundreds of GB).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountedRecord {
    /// Index into `tables.records`.
    record: u32,
    /// Index into `tables.volunteers` (the first occurrence of that volunteer);
    /// [`CountedRecord::NO_VOLUNTEER`] only when no roster was imported.
    volunteer: u32,
    /// The station the hours count for: the volunteer's roster station, else the record's own.
    pub station: Option<Sym>,
}

impl CountedRecord {
    const NO_VOLUNTEER: u32 = u32::MAX;

    pub fn new(record: usize, volunteer: Option<usize>, station: Option<Sym>) -> CountedRecord {
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX - 1);
        CountedRecord { record: index(record), volunteer: volunteer.map_or(Self::NO_VOLUNTEER, index), station }
    }

    /// Index into `tables.records`.
    pub fn record(&self) -> usize {
        self.record as usize
    }

    /// Index into `tables.volunteers`; `None` only when no roster was imported.
    pub fn volunteer(&self) -> Option<usize> {
        (self.volunteer != Self::NO_VOLUNTEER).then_some(self.volunteer as usize)
    }
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
    /// Hours per volunteer index (`tables.volunteers`), over the counted records; 0 for
    /// volunteers without any.
    pub fn hours_per_volunteer(&self) -> Vec<f64> {
        let mut v = vec![0.0; self.tables.volunteers.len()];
        for r in &self.records {
            if let (Some(slot), Some(rec)) =
                (r.volunteer().and_then(|i| v.get_mut(i)), self.tables.records.get(r.record()))
            {
                *slot += rec.hours;
            }
        }
        v
    }

    /// Hours per registered volunteer index, over the counted records.
    pub fn hours_by_volunteer(&self) -> HashMap<usize, f64> {
        let mut m = HashMap::new();
        for r in &self.records {
            if let Some(v) = r.volunteer() {
                *m.entry(v).or_insert(0.0) += self.tables.records[r.record()].hours;
            }
        }
        m
    }

    /// Total hours over the counted records.
    pub fn total_hours(&self) -> f64 {
        self.records.iter().map(|r| self.tables.records[r.record()].hours).sum()
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

/// Row indices by symbol, in a vector as long as the interner (symbols are dense), so a
/// million records are matched without hashing.
struct BySym(Vec<u32>);

impl BySym {
    const NONE: u32 = u32::MAX;

    fn new(tables: &Tables) -> BySym {
        BySym(vec![Self::NONE; tables.strings.len()])
    }

    fn get(&self, sym: Option<Sym>) -> Option<usize> {
        let i = *self.0.get(sym?.index())?;
        (i != Self::NONE).then_some(i as usize)
    }

    /// Keeps the first row given for `sym`.
    fn first(&mut self, sym: Option<Sym>, row: usize) {
        let (Some(sym), Ok(row)) = (sym, u32::try_from(row)) else { return };
        if let Some(slot) = self.0.get_mut(sym.index()) {
            if *slot == Self::NONE {
                *slot = row;
            }
        }
    }
}

/// Which key of a record matched nobody.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Number,
    Id,
}

/// What the roster says of a record's volunteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    Volunteer(usize),
    /// Its number or ID matches nobody; `namesake` is a volunteer of its name, if any.
    Unknown {
        key: Key,
        namesake: Option<usize>,
    },
    /// It has only a name, and every volunteer of that name has a number or an ID.
    NameOnly {
        namesake: usize,
    },
    Nobody,
}

/// The distinct volunteers of the roster and how to find them (as-of independent).
struct Roster {
    /// Whether any volunteer has a 志愿者编号 / a 证件号码: a record's number or ID is
    /// compared only when the roster has that kind of key.
    has_numbers: bool,
    has_ids: bool,
    distinct: Vec<usize>,
    by_number: BySym,
    by_id: BySym,
    /// First volunteer by name; `more_names` lists every volunteer of a name held by several.
    by_name: BySym,
    more_names: FxHashMap<Sym, Vec<usize>>,
    /// Every volunteer's 所属站点, packed (4 bytes each): a million records look up their
    /// volunteer's station here instead of in the 80-byte rows (cache misses).
    station: Vec<Option<Sym>>,
}

impl Roster {
    /// Step 1 of §2: distinct volunteers, first occurrence wins; later ones are reported
    /// (into `sink` when given).
    fn build(tables: &Tables, mut sink: Option<&mut Sink>) -> Roster {
        let mut by_number = BySym::new(tables);
        let mut by_id = BySym::new(tables);
        // The first volunteer whose key is their ID (no number), and by name + phone.
        let mut by_id_key = BySym::new(tables);
        let mut by_name_phone: FxHashMap<(Sym, Option<Sym>), usize> = FxHashMap::default();
        let mut by_name = BySym::new(tables);
        let mut more_names: FxHashMap<Sym, Vec<usize>> = FxHashMap::default();
        let mut distinct = Vec::new();
        for (i, v) in tables.volunteers.iter().enumerate() {
            let key = volunteer_key(tables, i);
            // A duplicate by its own key, or by any strong key (number or ID), is the same person.
            let dup_of = match key {
                Some(VolunteerKey::Number(n)) => by_number.get(Some(n)),
                Some(VolunteerKey::Id(id)) => by_id_key.get(Some(id)),
                Some(VolunteerKey::NamePhone(n, p)) => by_name_phone.get(&(n, p)).copied(),
                None => None,
            }
            .or_else(|| by_number.get(v.number))
            .or_else(|| by_id.get(v.id_number));
            if let Some(first) = dup_of {
                if let Some(sink) = sink.as_deref_mut() {
                    if let Some(here) = scorecard_model::model::report_of(tables, v.at) {
                        // a report file's row: told per station, never by code or row; a
                        // volunteer also in another station's file is told per pair of
                        // stations by the import (`town::merge::town_findings`)
                        match scorecard_model::model::report_of(tables, tables.volunteers[first].at) {
                            Some(there) if there.first_source != here.first_source => {}
                            Some(_) => sink.note(here.first_source, TownNote::Duplicate),
                            None => sink.note(here.first_source, TownNote::DuplicateElsewhere),
                        }
                    } else if sink.room(v.at, FindingKind::DuplicateVolunteer, Severity::Warning) {
                        let (first_zh, first_en) = other_row(tables, v.at, tables.volunteers[first].at);
                        let who = tables.so(v.name.or(v.number));
                        sink.list.push(finding_at(
                            tables,
                            v.at,
                            FindingKind::DuplicateVolunteer,
                            Severity::Warning,
                            format!("志愿者「{who}」与{first_zh}重复，只计一次。请删除重复的一行。"),
                            format!("Volunteer \"{who}\" repeats {first_en}; counted once. Delete the duplicate row."),
                        ));
                    }
                }
                continue;
            }
            let Some(key) = key else {
                if let Some(sink) = sink.as_deref_mut() {
                    if !sink.town(tables, v.at, TownNote::NoKey)
                        && sink.room(v.at, FindingKind::MissingRequired, Severity::Error)
                    {
                        sink.list.push(finding_at(
                            tables,
                            v.at,
                            FindingKind::MissingRequired,
                            Severity::Error,
                            "这一行没有志愿者编号、证件号码或姓名，无法识别是谁，未计入。请补填其中一项。".into(),
                            "This row has no volunteer number, ID number or name, so nobody can be identified; \
                             not counted. Fill in one of them."
                                .into(),
                        ));
                    }
                }
                continue;
            };
            match key {
                VolunteerKey::Number(_) => {}
                VolunteerKey::Id(id) => by_id_key.first(Some(id), i),
                VolunteerKey::NamePhone(n, p) => {
                    by_name_phone.entry((n, p)).or_insert(i);
                }
            }
            by_number.first(v.number, i);
            by_id.first(v.id_number, i);
            if let Some(n) = v.name {
                match by_name.get(Some(n)) {
                    None => by_name.first(Some(n), i),
                    Some(first) => more_names.entry(n).or_insert_with(|| vec![first]).push(i),
                }
            }
            distinct.push(i);
        }
        let station = tables.volunteers.iter().map(|v| v.station).collect();
        let has_numbers = tables.volunteers.iter().any(|v| v.number.is_some());
        let has_ids = tables.volunteers.iter().any(|v| v.id_number.is_some());
        Roster { has_numbers, has_ids, distinct, by_number, by_id, by_name, more_names, station }
    }

    /// The volunteer a record is of, by the strongest key it carries that the roster has
    /// (§2): its 志愿者编号, else its 证件号码 — a number that matches nobody is no match,
    /// whatever the name says (namesakes are common) — else its name, among volunteers
    /// with neither a number nor an ID (one of them, or the one the phone tells apart).
    fn find(&self, tables: &Tables, r: &ServiceRecord) -> Found {
        if r.volunteer_no.is_some() && self.has_numbers {
            return self.by_number.get(r.volunteer_no).map_or_else(|| self.namesake(r, Key::Number), Found::Volunteer);
        }
        if r.id_number.is_some() && self.has_ids {
            return self.by_id.get(r.id_number).map_or_else(|| self.namesake(r, Key::Id), Found::Volunteer);
        }
        let Some(name) = r.name else { return Found::Nobody };
        let plain = |&i: &usize| tables.volunteers.get(i).is_some_and(|v| v.number.is_none() && v.id_number.is_none());
        let all: Vec<usize> = match self.more_names.get(&name) {
            Some(many) => many.clone(),
            None => self.by_name.get(Some(name)).into_iter().collect(),
        };
        let plain_ones: Vec<usize> = all.iter().copied().filter(plain).collect();
        let found = match plain_ones.as_slice() {
            [one] => Some(*one),
            [] => None,
            many => r.phone.and_then(|phone| {
                let mut by_phone =
                    many.iter().copied().filter(|&i| tables.volunteers.get(i).is_some_and(|v| v.phone == Some(phone)));
                match (by_phone.next(), by_phone.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            }),
        };
        match (found, all.first()) {
            (Some(i), _) => Found::Volunteer(i),
            (None, Some(&i)) if plain_ones.is_empty() => Found::NameOnly { namesake: i },
            _ => Found::Nobody,
        }
    }

    /// A record whose number or ID matches nobody, noting a volunteer of its name.
    fn namesake(&self, r: &ServiceRecord, key: Key) -> Found {
        Found::Unknown { key, namesake: self.by_name.get(r.name) }
    }

    /// [`Roster::find`]'s volunteer, if any.
    fn find_index(&self, tables: &Tables, r: &ServiceRecord) -> Option<usize> {
        match self.find(tables, r) {
            Found::Volunteer(i) => Some(i),
            _ => None,
        }
    }

    /// Volunteer index → registered on or before `as_of`.
    fn registered_by(&self, tables: &Tables, as_of: NaiveDate) -> (Vec<usize>, Vec<bool>) {
        let mut is_registered = vec![false; tables.volunteers.len()];
        let registered: Vec<usize> = self
            .distinct
            .iter()
            .copied()
            .filter(|&i| tables.volunteers[i].registered_on.is_none_or(|d| d <= as_of))
            .collect();
        for &i in &registered {
            is_registered[i] = true;
        }
        (registered, is_registered)
    }
}

/// Applies the keys and checks of §2 for year `year` up to `as_of`.
pub fn prepare(tables: &Tables, year: i32, as_of: NaiveDate) -> (Prepared<'_>, Vec<Finding>) {
    let mut sink = Sink { year, as_of, ..Sink::default() };
    let prepared = prepare_into(tables, year, as_of, Some(&mut sink));
    (prepared, sink.finish(tables))
}

/// [`prepare`] without building findings, for views that show none (charts, what-if,
/// star levels): the same rows count.
pub fn prepare_quiet(tables: &Tables, year: i32, as_of: NaiveDate) -> Prepared<'_> {
    prepare_into(tables, year, as_of, None)
}

fn prepare_into<'t>(tables: &'t Tables, year: i32, as_of: NaiveDate, mut sink: Option<&mut Sink>) -> Prepared<'t> {
    let roster = Roster::build(tables, sink.as_deref_mut());
    let (registered, is_registered) = roster.registered_by(tables, as_of);

    // 2. Records: in period, then matched.
    let has_roster = !tables.volunteers.is_empty();
    // Sized once by a counting pass (exact without a roster, an upper bound with one): grown
    // by doubling, the last growth would hold the old and the new list at once (+50 % of it
    // at the peak, in wasm memory that never shrinks).
    let counted = |r: &ServiceRecord| r.date.year() == year && r.date <= as_of && hours_in_range(r.hours);
    let mut records = Vec::with_capacity(tables.records.iter().filter(|r| counted(r)).count());
    for (ri, r) in tables.records.iter().enumerate() {
        if r.date.year() != year || r.date > as_of {
            // Built only while there is room: most rows of a big sheet may be out of period.
            if let Some(sink) = sink.as_deref_mut() {
                let note = if r.date.year() != year { TownNote::OutOfYear } else { TownNote::AfterAsOf };
                if !sink.town(tables, r.at, note) && sink.room(r.at, FindingKind::DateOutOfPeriod, Severity::Info) {
                    sink.list.push(out_of_period(tables, r, year, as_of));
                }
            }
            continue;
        }
        // §2: a record lasting over 24 hours, or 0 hours or less, is reported and left out.
        if !hours_in_range(r.hours) {
            if let Some(sink) = sink.as_deref_mut() {
                if !sink.town(tables, r.at, TownNote::HoursOutOfRange)
                    && sink.room(r.at, FindingKind::HoursOutOfRange, Severity::Error)
                {
                    sink.list.push(hours_out_of_range(tables, r));
                }
            }
            continue;
        }
        if !has_roster {
            records.push(CountedRecord::new(ri, None, r.station));
            continue;
        }
        match roster.find(tables, r) {
            Found::Volunteer(vi) if is_registered[vi] => {
                let station = roster.station[vi].or(r.station);
                records.push(CountedRecord::new(ri, Some(vi), station));
            }
            Found::Volunteer(vi) => {
                if let Some(sink) = sink.as_deref_mut() {
                    if !sink.town(tables, r.at, TownNote::RegisteredLater)
                        && sink.room(r.at, FindingKind::UnmatchedRecord, Severity::Warning)
                    {
                        let reg = tables.volunteers[vi].registered_on.map(|d| d.to_string()).unwrap_or_default();
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
            }
            other => {
                if let Some(sink) = sink.as_deref_mut() {
                    if !sink.town(tables, r.at, TownNote::NotOnRoster)
                        && sink.room(r.at, FindingKind::UnmatchedRecord, Severity::Warning)
                    {
                        sink.list.push(not_on_roster(tables, r, other));
                    }
                }
            }
        }
    }
    Prepared { tables, year, as_of, registered, records, has_roster }
}

/// §2's hours check: over 0 and at most 24.
fn hours_in_range(h: f64) -> bool {
    h > 0.0 && h <= 24.0
}

fn out_of_period(tables: &Tables, r: &ServiceRecord, year: i32, as_of: NaiveDate) -> Finding {
    let (why_zh, why_en) = if r.date.year() != year {
        (format!("不在考核年度 {year} 年内"), format!("is not in the assessment year {year}"))
    } else {
        (format!("晚于截止日期 {}", as_of.format("%Y年%-m月%-d日")), format!("is after the as-of date {as_of}"))
    };
    finding_at(
        tables,
        r.at,
        FindingKind::DateOutOfPeriod,
        Severity::Info,
        format!("服务日期 {} {why_zh}，这条记录不计入。", r.date.format("%Y年%-m月%-d日")),
        format!("Service date {} {why_en}; this record is not counted.", r.date),
    )
}

fn hours_out_of_range(tables: &Tables, r: &ServiceRecord) -> Finding {
    let hours = r.hours; // by value: `format!` borrows, and the record is packed
    finding_at(
        tables,
        r.at,
        FindingKind::HoursOutOfRange,
        Severity::Error,
        format!("服务时长 {} 小时不在 0–24 小时之间，这条记录不计入。请核对时长（一条记录是一次服务）。", hours),
        format!(
            "Hours {} are not between 0 and 24; this record is not counted. \
         Check the hours (one record is one service).",
            hours
        ),
    )
}

fn not_on_roster(tables: &Tables, r: &ServiceRecord, found: Found) -> Finding {
    let masked = |s: Option<Sym>| scorecard_model::mask::mask_if_sensitive(tables.so(s));
    // the roster's row as seen from the record's (another sheet, often another file)
    let here = r.at; // by value: the record is packed
    let row_of = |i: usize| match tables.volunteers.get(i) {
        Some(v) => other_row(tables, here, v.at),
        None => (String::new(), String::new()),
    };
    let name = tables.so(r.name).to_string();
    let (zh, en) = match found {
        Found::Unknown { key, namesake } => {
            let (what_zh, what_en, value) = match key {
                Key::Number => ("志愿者编号", "volunteer number", masked(r.volunteer_no)),
                Key::Id => ("证件号码", "ID number", masked(r.id_number)),
            };
            let (tail_zh, tail_en) = match namesake {
                Some(i) => {
                    let (at_zh, at_en) = row_of(i);
                    (
                        format!("名册（{at_zh}）有同名的志愿者「{name}」，但编号不同，不按姓名计入（同名的人很多）。请核对这条记录的{what_zh}是否写错。"),
                        format!("The roster ({at_en}) has a volunteer named \"{name}\", but the numbers differ, so the record is not credited by name (namesakes are common). Check this record's {what_en}."),
                    )
                }
                None => (
                    format!("请核对{what_zh}，或把此人补进名册。"),
                    format!("Check the {what_en}, or add the person to the roster."),
                ),
            };
            (
                format!("服务记录中的{what_zh}「{value}」在志愿者名册中找不到，这条记录不计入。{tail_zh}"),
                format!("The {what_en} \"{value}\" on this record is not in the roster; not counted. {tail_en}"),
            )
        }
        Found::NameOnly { namesake } => {
            let (at_zh, at_en) = row_of(namesake);
            (
                format!(
                    "这条记录只有姓名「{name}」，而名册中的「{name}」（{at_zh}）有志愿者编号或证件号码：只凭姓名不能确认是同一人（同名的人很多），这条记录不计入。请在记录中填上志愿者编号或证件号码。"
                ),
                format!(
                    "This record has only the name \"{name}\", while \"{name}\" in the roster ({at_en}) has a volunteer number or ID: a name alone cannot tell it is the same person (namesakes are common), so the record is not counted. Add the volunteer number or ID to the record."
                ),
            )
        }
        _ => {
            let who = [r.volunteer_no, r.id_number, r.name].into_iter().flatten().next();
            let who = masked(who);
            (
                format!("服务记录中的志愿者「{who}」在志愿者名册中找不到，这条记录不计入。请核对编号/证件号码，或把此人补进名册。"),
                format!("Volunteer \"{who}\" on this record is not in the roster; not counted. Check the number or ID, or add the person to the roster."),
            )
        }
    };
    finding_at(tables, r.at, FindingKind::UnmatchedRecord, Severity::Warning, zh, en)
}

/// §2's keys for many as-of dates (the monthly replay): which volunteer each record of the
/// year is of, found once. [`Matches::at`] then gives, for any `D` in the year, the rows
/// [`prepare`] would count, without matching again.
pub struct Matches<'t> {
    tables: &'t Tables,
    year: i32,
    roster: Roster,
    /// Per record: the volunteer it is of, [`BySym::NONE`] if none; for records outside
    /// the year or with hours out of range, [`Matches::LEFT_OUT`].
    of: Vec<u32>,
}

impl<'t> Matches<'t> {
    const LEFT_OUT: u32 = u32::MAX - 1;

    pub fn new(tables: &'t Tables, year: i32) -> Matches<'t> {
        let roster = Roster::build(tables, None);
        let of = tables
            .records
            .iter()
            .map(|r| {
                if r.date.year() != year || !hours_in_range(r.hours) {
                    Self::LEFT_OUT
                } else {
                    roster.find_index(tables, r).and_then(|v| u32::try_from(v).ok()).unwrap_or(BySym::NONE)
                }
            })
            .collect();
        Matches { tables, year, roster, of }
    }

    /// Whom record `ri` is of: `None` when it never counts in the year (another year, hours
    /// out of range), `Some(None)` when it matches no volunteer of the roster.
    pub fn volunteer_of(&self, ri: usize) -> Option<Option<usize>> {
        match *self.of.get(ri)? {
            Self::LEFT_OUT => None,
            BySym::NONE => Some(None),
            v => Some(Some(v as usize)),
        }
    }

    /// What `prepare(tables, year, as_of).0` is, for any `as_of`.
    pub fn at(&self, as_of: NaiveDate) -> Prepared<'t> {
        let tables = self.tables;
        let (registered, is_registered) = self.roster.registered_by(tables, as_of);
        let has_roster = !tables.volunteers.is_empty();
        let counted = self.of.iter().zip(&tables.records).filter(|(&of, r)| of != Self::LEFT_OUT && r.date <= as_of);
        let mut records = Vec::with_capacity(counted.count());
        for ((ri, r), &of) in tables.records.iter().enumerate().zip(&self.of) {
            if of == Self::LEFT_OUT || r.date > as_of {
                continue;
            }
            if !has_roster {
                records.push(CountedRecord::new(ri, None, r.station));
                continue;
            }
            let vi = of as usize;
            if of != BySym::NONE && is_registered.get(vi).copied().unwrap_or(false) {
                let station = self.roster.station.get(vi).copied().flatten().or(r.station);
                records.push(CountedRecord::new(ri, Some(vi), station));
            }
        }
        Prepared { tables, year: self.year, as_of, registered, records, has_roster }
    }
}

/// Findings with a ceiling: at most [`scorecard_model::finding::FINDINGS_PER_KIND`] of one kind per
/// sheet are built and listed (a million last-year records must not become a million
/// messages, 12 times over in the monthly replay); one more finding per sheet and kind
/// says how many were not listed.
#[derive(Default)]
struct Sink {
    list: Vec<Finding>,
    counts: HashMap<(u32, FindingKind), (u64, Severity, RowRef)>,
    /// 汇总报送: problems on report files' rows, per file (its first source) and kind.
    town: std::collections::BTreeMap<(u32, TownNote), u64>,
    year: i32,
    as_of: NaiveDate,
}

/// A problem on a report file's rows (汇总报送), told once per file in the town's terms:
/// which station's file, how many, what the town can do. A report file's row number means
/// nothing to a clerk and its volunteers are codes, so neither is ever shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum TownNote {
    /// A volunteer twice on the station's own roster.
    Duplicate,
    /// A volunteer also on a roster of the town's own sheets.
    DuplicateElsewhere,
    NoKey,
    OutOfYear,
    AfterAsOf,
    HoursOutOfRange,
    RegisteredLater,
    NotOnRoster,
}

impl TownNote {
    fn kind(self) -> (FindingKind, Severity) {
        match self {
            TownNote::Duplicate | TownNote::DuplicateElsewhere => (FindingKind::DuplicateVolunteer, Severity::Warning),
            TownNote::NoKey => (FindingKind::MissingRequired, Severity::Error),
            TownNote::OutOfYear | TownNote::AfterAsOf => (FindingKind::DateOutOfPeriod, Severity::Info),
            TownNote::HoursOutOfRange => (FindingKind::HoursOutOfRange, Severity::Error),
            TownNote::RegisteredLater | TownNote::NotOnRoster => (FindingKind::UnmatchedRecord, Severity::Warning),
        }
    }

    /// The message about `n` rows of the report file of `s`, in Chinese and English.
    fn message(self, s: &str, n: u64, year: i32, as_of: NaiveDate) -> (String, String) {
        let d = as_of.format("%Y年%-m月%-d日");
        match self {
            TownNote::Duplicate => (
                format!("「{s}」的报送文件中有 {n} 名志愿者在该站点的名册中登记了不止一次，每人只计一次。如需更正，请「{s}」删除名册中重复的行后重新生成报送文件。"),
                format!("The report file of \"{s}\" has {n} volunteers listed more than once on the station's roster; each counted once. To correct it, ask \"{s}\" to remove the repeated rows from its roster and make its report file again."),
            ),
            TownNote::DuplicateElsewhere => (
                format!("「{s}」的报送文件中有 {n} 名志愿者也在本镇导入的其他名册中，每人只计一次。"),
                format!("The report file of \"{s}\" has {n} volunteers who are also on another roster the town imported; each counted once."),
            ),
            TownNote::NoKey => (
                format!("「{s}」的报送文件中有 {n} 名志愿者没有编码，无法识别，未计入。请让「{s}」重新生成并发送报送文件。"),
                format!("The report file of \"{s}\" has {n} volunteers without a code, who cannot be identified; not counted. Ask \"{s}\" to make and send its report file again."),
            ),
            TownNote::OutOfYear => (
                format!("「{s}」的报送文件中有 {n} 条服务时长（按人按月汇总）不在考核年度 {year} 年内，不计入。请让「{s}」按 {year} 年重新生成报送文件。"),
                format!("The report file of \"{s}\" has {n} entries of hours (per person and month) outside the assessment year {year}; not counted. Ask \"{s}\" for a {year} report file."),
            ),
            TownNote::AfterAsOf => (
                format!("「{s}」的报送文件中有 {n} 条服务时长（按人按月汇总）晚于本镇的截止日期 {d}，不计入。请核对本镇的截止日期，或让「{s}」按本镇的截止日期重新生成报送文件。"),
                format!("The report file of \"{s}\" has {n} entries of hours (per person and month) after the town's as-of date {as_of}; not counted. Check the town's as-of date, or ask \"{s}\" for a report as of it."),
            ),
            TownNote::HoursOutOfRange => (
                format!("「{s}」的报送文件中有 {n} 条服务时长不在 0–24 小时之间，不计入。请让「{s}」核对服务记录后重新生成报送文件。"),
                format!("The report file of \"{s}\" has {n} entries of hours not between 0 and 24; not counted. Ask \"{s}\" to check its service records and make its report file again."),
            ),
            TownNote::RegisteredLater => (
                format!("「{s}」的报送文件中有 {n} 条服务时长的志愿者在本镇截止日期 {d} 之后才注册，不计入。"),
                format!("The report file of \"{s}\" has {n} entries of hours of volunteers registered after the town's as-of date {as_of}; not counted."),
            ),
            TownNote::NotOnRoster => (
                format!("「{s}」的报送文件中有 {n} 条服务时长（按人按月汇总）的志愿者不在任何站点的名册中，不计入。请让「{s}」核对这些服务记录的志愿者编号或证件号码是否与名册一致，或把这些志愿者补进名册，然后重新生成报送文件。"),
                format!("The report file of \"{s}\" has {n} entries of hours (per person and month) of volunteers on no station's roster; not counted. Ask \"{s}\" to check that those service records' volunteer numbers or ID numbers match its roster, or to add those volunteers to it, then make its report file again."),
            ),
        }
    }
}

impl Sink {
    /// Counts a problem of the report file whose sheets start at source `first_source`.
    fn note(&mut self, first_source: u32, note: TownNote) {
        *self.town.entry((first_source, note)).or_insert(0) += 1;
    }

    /// When `at` is a report file's row: counts `note` for its file and returns true (no
    /// row finding is built); else false.
    fn town(&mut self, tables: &Tables, at: RowRef, note: TownNote) -> bool {
        match scorecard_model::model::report_of(tables, at) {
            Some(r) => {
                self.note(r.first_source, note);
                true
            }
            None => false,
        }
    }

    /// Counts a finding; true when it is still to be built and listed.
    fn room(&mut self, at: RowRef, kind: FindingKind, severity: Severity) -> bool {
        let e = self.counts.entry((at.source, kind)).or_insert((0, severity, at));
        e.0 += 1;
        e.0 <= scorecard_model::finding::FINDINGS_PER_KIND
    }

    fn finish(mut self, tables: &Tables) -> Vec<Finding> {
        let cap = scorecard_model::finding::FINDINGS_PER_KIND;
        type Count<'a> = (&'a (u32, FindingKind), &'a (u64, Severity, RowRef));
        let mut over: Vec<Count> = self.counts.iter().filter(|(_, (n, _, _))| *n > cap).collect();
        scorecard_model::sort::sort_by_key(&mut over, |((source, kind), _)| (*source, *kind));
        for ((_, kind), (n, severity, first)) in over {
            let more = n - cap;
            let (zh, en) = scorecard_model::finding::more_not_listed(*kind, more, *n);
            let mut f = finding_at(tables, *first, *kind, *severity, zh, en);
            f.row = None;
            self.list.push(f.standing_for(more));
        }
        let counted = tables.town.as_ref().map(|t| t.counted.as_slice()).unwrap_or_default();
        for ((first_source, note), n) in std::mem::take(&mut self.town) {
            let Some(r) = counted.iter().find(|r| r.first_source == first_source) else { continue };
            let (kind, severity) = note.kind();
            let (zh, en) = note.message(&r.station, n, self.year, self.as_of);
            self.list.push(Finding::file(&r.file, kind, severity, zh, en));
        }
        self.list
    }
}
