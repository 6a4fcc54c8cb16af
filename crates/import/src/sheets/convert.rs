//! One data row → one typed row (volunteer, record, activity, training) + its problems.
//!
//! Required cells (decisions): a service record needs a volunteer key (志愿者编号, 证件号码 or
//! 姓名), a readable date and hours in (0, 24]; without them it is left out. Activities and
//! trainings need a date, but are kept without one (`date: None`): they still count where no
//! date is needed (materials, stations). Roster rows are always kept; whether a volunteer can
//! be identified is `prepare`'s check (it reports rows with no number, ID or name).
//!
//! Decision — an unreadable 注册日期 is reported (warning) and read as blank, so the volunteer
//! counts as registered (§2: "listed with a registration date on or before D, or none"):
//! dropping the person would also orphan all their service records. The model cannot mark a
//! date as "unreadable" apart from "absent"; see the hand-off notes.

use crate::cell_parsers::count::read_count;
use crate::cell_parsers::date::{day_month, read_date_in, year_first, DateOrder};
use crate::cell_parsers::flag::read_flag;
use crate::cell_parsers::hours::read_hours;
use crate::cell_parsers::id_number::{read_id, IdRead};
use crate::cell_parsers::list::split_list;
use crate::cell_parsers::phone::{read_phone, PhoneRead};
use crate::cell_parsers::Read;
use crate::formats::NO_KEY;
use crate::input::cell::{Cell, DateSystem};
use crate::messages as msg;
use chrono::NaiveDate;
use scorecard_model::finding::{FindingKind, Severity};
use scorecard_model::model::*;
use scorecard_model::text::Sym;

/// A mapped column, as the converter needs it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlanCol {
    pub index: usize,
    pub header: String,
    /// The normalised lowest header text, to recognise a header row repeated in the data.
    pub leaf: String,
    pub minutes: bool,
    /// The order the column's day-or-month-first dates are read in ([`DateOrder::Ymd`]:
    /// not read), and the cell that proved it ("" when the clerk chose it).
    pub order: DateOrder,
    pub order_example: String,
}

/// What each field of the role reads from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Plan {
    pub role: Role,
    /// Indexed by `Field as usize`.
    cols: Vec<Option<PlanCol>>,
    /// More columns of a field several columns may feed ([`Field::many_columns`]).
    more: Vec<(Field, PlanCol)>,
}

impl Plan {
    pub(crate) fn new(role: Role) -> Self {
        Plan { role, cols: vec![None; Field::ALL.len()], more: Vec::new() }
    }

    /// Maps `field` to a column; the first mapping of a field wins, except for a field
    /// several columns may feed, which keeps them all.
    pub(crate) fn set(&mut self, field: Field, col: PlanCol) {
        if let Some(slot) = self.cols.get_mut(field as usize) {
            if slot.is_none() {
                *slot = Some(col);
            } else if field.many_columns() {
                self.more.push((field, col));
            }
        }
    }

    pub(crate) fn col(&self, field: Field) -> Option<&PlanCol> {
        self.cols.get(field as usize).and_then(Option::as_ref)
    }

    pub(crate) fn has(&self, field: Field) -> bool {
        self.col(field).is_some()
    }

    /// True when the row repeats the header (printed exports repeat it on every page): at
    /// least two mapped cells, and most of the non-blank ones, read as their column's header.
    pub(crate) fn is_repeated_header(&self, cells: &[Cell], known: Known) -> bool {
        let mut same = 0;
        let mut filled = 0;
        for col in self.cols.iter().flatten() {
            if known.plain(col.index) {
                filled += 1;
                continue;
            }
            let Some(cell) = cells.get(col.index).filter(|c| !c.is_blank()) else { continue };
            filled += 1;
            if cell.as_text().is_some_and(|t| crate::columns::synonyms::normalizes_to(t, &col.leaf)) {
                same += 1;
            }
        }
        same >= 2 && same * 2 > filled
    }

    /// Indices of every mapped column.
    pub(crate) fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.cols.iter().flatten().chain(self.more.iter().map(|(_, c)| c)).map(|c| c.index)
    }

    /// Plain data in any column of this plan: not blank, no placeholder (`skip::is_filler`),
    /// no marker word (`skip_kind`), no mapped column's header (`is_repeated_header`). What
    /// [`Known::plain`] stands for.
    pub(crate) fn is_plain_text(&self, t: &str) -> bool {
        !crate::sheets::skip::is_placeholder(t)
            && !crate::sheets::skip::may_be_marker(t)
            && !self.cols.iter().flatten().any(|c| crate::columns::synonyms::normalizes_to(t, &c.leaf))
    }

    /// Marks the shared strings of this row's mapped cells that are plain text, so later
    /// rows holding them skip the row checks without reading them.
    pub(crate) fn learn_plain(&self, cells: &[Cell], keys: &[u32], recent: &mut Recent) {
        for i in self.indices() {
            let Some(&k) = keys.get(i).filter(|&&k| k != NO_KEY) else { continue };
            if !recent.is_plain(k) && cells.get(i).and_then(Cell::as_text).is_some_and(|t| self.is_plain_text(t)) {
                recent.set_plain(k);
            }
        }
    }
}

/// What the sheet's earlier rows showed about a row's cells: a cell whose shared string is
/// known plain (see [`Plan::is_plain_text`]) answers the row checks without its text
/// being read (at a million rows, reading each cell's text was most of what was left).
#[derive(Clone, Copy)]
pub(crate) struct Known<'a> {
    keys: &'a [u32],
    recent: &'a Recent,
}

impl<'a> Known<'a> {
    pub(crate) fn new(keys: &'a [u32], recent: &'a Recent) -> Self {
        Known { keys, recent }
    }

    /// True when cell `i` holds a shared string known to be plain text.
    pub(crate) fn plain(&self, i: usize) -> bool {
        self.keys.get(i).is_some_and(|&k| k != NO_KEY && self.recent.is_plain(k))
    }

    /// `Cell::is_blank` of cell `i` (blank past the row's end).
    pub(crate) fn is_blank(&self, cells: &[Cell], i: usize) -> bool {
        !self.plain(i) && cells.get(i).is_none_or(Cell::is_blank)
    }

    /// [`crate::sheets::skip::is_filler`] of cell `i` (filler past the row's end): a cell known
    /// plain is data, its text unread.
    pub(crate) fn is_filler(&self, cells: &[Cell], i: usize) -> bool {
        !self.plain(i) && cells.get(i).is_none_or(crate::sheets::skip::is_filler)
    }

    /// Cell `i`'s text for the marker check, `None` when it is known plain or not text.
    pub(crate) fn marker_candidate<'c>(&self, cells: &'c [Cell], i: usize) -> Option<&'c str> {
        if self.plain(i) {
            return None;
        }
        cells.get(i).and_then(Cell::as_text)
    }
}

/// A problem found in a row; becomes a finding.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Problem {
    /// 0-based column index; `None` for the whole row.
    pub column: Option<u32>,
    pub header: Option<String>,
    pub kind: FindingKind,
    pub severity: Severity,
    pub zh: String,
    pub en: String,
}

/// The state one row is converted in.
pub(crate) struct RowCtx<'t> {
    pub tables: &'t mut Tables,
    pub at: RowRef,
    pub dates: DateSystem,
    pub problems: Vec<Problem>,
    /// The cells' shared-string keys (see `formats::RowFn`); may be shorter than the row.
    pub keys: &'t [u32],
    /// What earlier rows of the sheet read (see [`Recent`]).
    pub recent: &'t mut Recent,
}

/// What earlier rows of the sheet read, so that the same text is not read again. A full
/// interning costs four cache misses (control bytes, slot, offsets, text) on the table of
/// a million-row import's few hundred thousand strings, and reading a shared string's
/// text two more; together the largest single cost of an import.
///
/// - by key: the symbol each shared string gave (by how it was read) and whether it is
///   plain text (see [`Known`]), so a cell holding a shared string seen before costs one
///   look-up, its text untouched;
/// - for text without a key (CSV, xls, ods, inline strings): the same field's symbol in the
///   row before, checked against the text: exports are sorted by activity, station or
///   date, so a field often repeats its row-before's text (in cache), and the hash-table
///   probe is skipped.
#[derive(Default)]
pub(crate) struct Recent {
    /// Per key: `symbol index × 8 + PLAIN + How`, 0 when nothing is known.
    by_key: Vec<u32>,
    /// How many keys the workbook has: `by_key` is made that long at its first use, once,
    /// rather than grown by doubling (wasm memory keeps the discarded buffers).
    keys: usize,
    before: [Option<Sym>; Field::ALL.len()],
}

/// How a text was read: a shared string gives a different symbol as an ID or a phone
/// number (normalised) than as plain text (trimmed).
#[derive(Clone, Copy)]
enum How {
    Text = 1,
    Id = 2,
    Phone = 3,
}

const HOW: u32 = 3;
/// The shared string is plain text ([`Plan::is_plain_text`]).
const PLAIN: u32 = 4;

impl Recent {
    /// The symbol the shared string `key` gave when read as `how` before.
    fn known(&self, key: Option<u32>, how: How) -> Option<Sym> {
        let v = *self.by_key.get(usize::try_from(key?).ok()?)?;
        (v & HOW == how as u32).then(|| Sym::from_index((v >> 3) as usize)).flatten()
    }

    fn remember(&mut self, key: Option<u32>, how: How, sym: Sym) {
        let (Some(k), Some(v)) = (key, u32::try_from(sym.index()).ok().and_then(|i| i.checked_mul(8))) else {
            return;
        };
        let slot = self.slot(k);
        *slot = v | (*slot & PLAIN) | how as u32;
    }

    /// For a sheet of a workbook with `keys` shared strings.
    pub(crate) fn for_keys(keys: usize) -> Self {
        Recent { keys, ..Recent::default() }
    }

    fn slot(&mut self, key: u32) -> &mut u32 {
        let k = key as usize;
        if k >= self.by_key.len() {
            self.by_key.resize(self.keys.max(k + 1), 0);
        }
        &mut self.by_key[k]
    }

    /// Whether the shared string `key` is known to be plain text (see [`Known`]).
    pub(crate) fn is_plain(&self, key: u32) -> bool {
        self.by_key.get(key as usize).is_some_and(|v| v & PLAIN != 0)
    }

    fn set_plain(&mut self, key: u32) {
        *self.slot(key) |= PLAIN;
    }

    /// The symbol of `t` (not empty), from the row before when it is the same text.
    fn intern(&mut self, tables: &mut Tables, field: Field, t: &str) -> Sym {
        let Some(slot) = self.before.get_mut(field as usize) else { return tables.strings.intern(t) };
        if let Some(sym) = *slot {
            if tables.strings.get(sym) == t {
                return sym;
            }
        }
        let sym = tables.strings.intern(t);
        *slot = Some(sym);
        sym
    }
}

static EMPTY: Cell<'static> = Cell::Empty;

impl RowCtx<'_> {
    /// The shared-string key of `col`'s cell in this row, if it holds one.
    fn key(&self, col: &PlanCol) -> Option<u32> {
        self.keys.get(col.index).copied().filter(|&k| k != NO_KEY)
    }

    fn problem(&mut self, col: Option<&PlanCol>, kind: FindingKind, severity: Severity, (zh, en): msg::Msg) {
        self.problems.push(Problem {
            column: col.and_then(|c| u32::try_from(c.index).ok()),
            header: col.map(|c| c.header.clone()),
            kind,
            severity,
            zh,
            en,
        });
    }
}

/// The cell of `field` in this row (`Empty` past the row's end), if the field is mapped.
fn get<'c, 'p>(plan: &'p Plan, cells: &'c [Cell<'c>], field: Field) -> Option<(&'p PlanCol, &'c Cell<'c>)> {
    let col = plan.col(field)?;
    Some((col, cells.get(col.index).unwrap_or(&EMPTY)))
}

fn text(plan: &Plan, cells: &[Cell], field: Field, cx: &mut RowCtx) -> Option<Sym> {
    let (col, cell) = get(plan, cells, field)?;
    let key = cx.key(col);
    if let Some(sym) = cx.recent.known(key, How::Text) {
        return Some(sym);
    }
    let s = cell.display_cow(cx.dates);
    let t = crate::input::cell::trim(&s);
    if t.is_empty() {
        return None;
    }
    let sym = cx.recent.intern(cx.tables, field, t);
    cx.recent.remember(key, How::Text, sym);
    Some(sym)
}

/// The texts of a field several columns feed, joined by 、 (one column: its text).
fn joined(plan: &Plan, cells: &[Cell], field: Field, cx: &mut RowCtx) -> Option<Sym> {
    let first = text(plan, cells, field, cx);
    let more: Vec<&PlanCol> = plan.more.iter().filter(|(f, _)| *f == field).map(|(_, c)| c).collect();
    if more.is_empty() {
        return first;
    }
    let mut parts: Vec<String> = first.map(|s| cx.tables.s(s).to_string()).into_iter().collect();
    for col in more {
        let s = cells.get(col.index).map(|c| c.display_cow(cx.dates)).unwrap_or_default();
        let t = crate::input::cell::trim(&s);
        if !t.is_empty() && !parts.iter().any(|p| p == t) {
            parts.push(t.to_string());
        }
    }
    (!parts.is_empty()).then(|| cx.tables.strings.intern(&parts.join("、")))
}

fn date(plan: &Plan, cells: &[Cell], field: Field, cx: &mut RowCtx, severity: Severity) -> Read<NaiveDate> {
    let Some((col, cell)) = get(plan, cells, field) else { return Read::Empty };
    let got = read_date_in(cell, cx.dates, col.order);
    if got == Read::Unreadable {
        cx.problem(Some(col), FindingKind::UnreadableDate, severity, unreadable_date(col, cell, cx, plan.role, field));
    }
    got
}

/// What to say of an unreadable date: a day-or-month-first date in a column whose order is
/// not known asks for the order; one that is no date in the column's order names it.
fn unreadable_date(col: &PlanCol, cell: &Cell, cx: &RowCtx, role: Role, field: Field) -> msg::Msg {
    let shown = cell.display(cx.dates);
    match (cell.as_text().and_then(day_month), col.order) {
        (Some(_), DateOrder::Ymd) => msg::date_order_unknown(&col.header, &shown, role, field),
        (Some(_), order) => msg::date_order_contradicted(&col.header, &shown, order, &col.order_example, role, field),
        (None, _) => msg::unreadable_date(&col.header, &shown, role, field),
    }
}

fn count(plan: &Plan, cells: &[Cell], field: Field, cx: &mut RowCtx) -> Option<u32> {
    let (col, cell) = get(plan, cells, field)?;
    match read_count(cell) {
        Read::Value(n) => Some(n),
        Read::Empty => None,
        Read::Unreadable => {
            let m = msg::unreadable_number(&col.header, &cell.display(cx.dates));
            cx.problem(Some(col), FindingKind::UnreadableNumber, Severity::Error, m);
            None
        }
    }
}

fn id(plan: &Plan, cells: &[Cell], cx: &mut RowCtx) -> Option<Sym> {
    let (col, cell) = get(plan, cells, Field::IdNumber)?;
    let key = cx.key(col);
    if let Some(sym) = cx.recent.known(key, How::Id) {
        return Some(sym);
    }
    match read_id(cell) {
        IdRead::Empty => None,
        IdRead::Ok(s) => {
            let sym = cx.recent.intern(cx.tables, Field::IdNumber, &s);
            cx.recent.remember(key, How::Id, sym);
            Some(sym)
        }
        IdRead::BadChecksum { id, expected } => {
            cx.problem(
                Some(col),
                FindingKind::BadIdChecksum,
                Severity::Warning,
                msg::id_bad_checksum(&col.header, &id, expected),
            );
            Some(cx.tables.strings.intern(&id))
        }
        IdRead::BadLength(s) => {
            cx.problem(Some(col), FindingKind::BadIdFormat, Severity::Warning, msg::id_bad_length(&col.header, &s));
            Some(cx.tables.strings.intern(&s))
        }
        IdRead::LostToNumber(s) => {
            cx.problem(Some(col), FindingKind::BadIdFormat, Severity::Error, msg::id_lost_to_number(&col.header, &s));
            None
        }
    }
}

fn phone(plan: &Plan, cells: &[Cell], cx: &mut RowCtx) -> Option<Sym> {
    let (col, cell) = get(plan, cells, Field::Phone)?;
    let key = cx.key(col);
    if let Some(sym) = cx.recent.known(key, How::Phone) {
        return Some(sym);
    }
    match read_phone(cell) {
        PhoneRead::Empty => None,
        PhoneRead::Ok(s) => {
            let sym = cx.recent.intern(cx.tables, Field::Phone, &s);
            cx.recent.remember(key, How::Phone, sym);
            Some(sym)
        }
        PhoneRead::Bad(s) => {
            cx.problem(Some(col), FindingKind::BadPhone, Severity::Warning, msg::bad_phone(&col.header, &s));
            Some(cx.tables.strings.intern(&s))
        }
    }
}

fn roster_hours(plan: &Plan, cells: &[Cell], field: Field, cx: &mut RowCtx) -> Option<f64> {
    let (col, cell) = get(plan, cells, field)?;
    match read_hours(cell, col.minutes) {
        Read::Value(h) if h >= 0.0 => Some(h),
        Read::Value(_) => {
            let m = msg::negative_roster_hours(&col.header, &cell.display(cx.dates));
            cx.problem(Some(col), FindingKind::HoursOutOfRange, Severity::Error, m);
            None
        }
        Read::Empty => None,
        Read::Unreadable => {
            let m = msg::unreadable_hours(&col.header, &cell.display(cx.dates), plan.role, field);
            cx.problem(Some(col), FindingKind::UnreadableHours, Severity::Error, m);
            None
        }
    }
}

fn material(plan: &Plan, cells: &[Cell], field: Field, cx: &mut RowCtx) -> Option<bool> {
    let (col, cell) = get(plan, cells, field)?;
    Some(match read_flag(cell, true) {
        Read::Value(b) => b,
        Read::Empty => false,
        Read::Unreadable => {
            let m = msg::unreadable_flag(&col.header, &cell.display(cx.dates));
            cx.problem(Some(col), FindingKind::UnreadableFlag, Severity::Error, m);
            false
        }
    })
}

fn is_blank(plan: &Plan, cells: &[Cell], field: Field, cx: &RowCtx) -> bool {
    plan.col(field).is_none_or(|col| Known::new(cx.keys, cx.recent).is_blank(cells, col.index))
}

/// A date that activities and trainings need but keep the row without.
fn needed_date(plan: &Plan, cells: &[Cell], cx: &mut RowCtx) -> Option<NaiveDate> {
    match date(plan, cells, Field::Date, cx, Severity::Error) {
        Read::Value(d) => Some(d),
        Read::Empty if plan.has(Field::Date) => {
            let col = plan.col(Field::Date).cloned();
            let m = msg::missing_required(plan.role, "日期", "date");
            cx.problem(col.as_ref(), FindingKind::MissingRequired, Severity::Error, m);
            None
        }
        _ => None,
    }
}

/// A service record's start, end and span, read once for its date and hours.
struct When {
    start: Option<crate::cell_parsers::time_span::Moment>,
    end: Option<crate::cell_parsers::time_span::Moment>,
    span: Option<crate::cell_parsers::time_span::Span>,
    /// A span written in the date column itself (`2019-05-01 09:00-11:30`).
    span_in_date: Option<crate::cell_parsers::time_span::Span>,
}

impl When {
    /// Reads the cells; an unreadable start, end or span is listed in `bad` (reported only
    /// when the record needs it for its date or hours).
    fn read(plan: &Plan, cells: &[Cell], cx: &RowCtx, bad: &mut Vec<Field>) -> When {
        use crate::cell_parsers::time_span::{parse_span, read_moment};
        let mut moment = |field: Field| {
            let (col, cell) = get(plan, cells, field)?;
            if cell.is_blank() {
                return None;
            }
            let m = match cell.as_text() {
                Some(t) if col.order != DateOrder::Ymd => {
                    read_moment(&Cell::Text(year_first(t, col.order).into_owned().into()), cx.dates)
                }
                _ => read_moment(cell, cx.dates),
            };
            if m.is_none() {
                bad.push(field);
            }
            m
        };
        let start = moment(Field::Start);
        let end = moment(Field::End);
        let span = match get(plan, cells, Field::TimeSpan) {
            Some((col, cell)) if !cell.is_blank() => {
                let got = parse_span(&year_first(&cell.display_cow(cx.dates), col.order));
                if got.is_none() {
                    bad.push(Field::TimeSpan);
                }
                got
            }
            _ => None,
        };
        let span_in_date = get(plan, cells, Field::Date)
            .and_then(|(col, c)| c.as_text().filter(|t| t.len() > 10).map(|t| year_first(t, col.order)))
            .and_then(|t| parse_span(&t));
        When { start, end, span, span_in_date }
    }

    /// A start and an end that make no span (an end before its start, not overnight).
    fn reversed(&self) -> bool {
        match (self.start, self.end) {
            (Some(a), Some(b)) => {
                a.minutes.is_some()
                    && b.minutes.is_some()
                    && crate::cell_parsers::time_span::hours_between(a, b).is_none()
            }
            _ => false,
        }
    }

    /// Reports the unreadable cells in `bad`.
    fn report(plan: &Plan, cells: &[Cell], cx: &mut RowCtx, bad: &[Field]) {
        for &field in bad {
            let Some((col, cell)) = get(plan, cells, field) else { continue };
            let value = cell.display(cx.dates);
            // a time is named as the time it is (开始时间, 结束时间, 服务时段), never as a date;
            // without a date column the start must carry its day
            let m = match field {
                Field::TimeSpan => msg::unreadable_span(&col.header, &value),
                _ => msg::unreadable_time(&col.header, &value, field, field == Field::Start && !plan.has(Field::Date)),
            };
            let col = col.clone();
            cx.problem(Some(&col), FindingKind::UnreadableTime, Severity::Error, m);
        }
    }

    fn date(&self) -> Option<NaiveDate> {
        self.start.and_then(|m| m.date).or(self.span.and_then(|s| s.date)).or(self.end.and_then(|m| m.date))
    }

    fn hours(&self) -> Option<f64> {
        let between = match (self.start, self.end) {
            (Some(a), Some(b)) => crate::cell_parsers::time_span::hours_between(a, b),
            _ => None,
        };
        between.or(self.span.map(|s| s.hours)).or(self.span_in_date.map(|s| s.hours))
    }
}

/// Converts one data row and appends it to its table. Returns true when the row was kept.
pub(crate) fn convert(plan: &Plan, cells: &[Cell], cx: &mut RowCtx) -> bool {
    match plan.role {
        Role::Volunteers => {
            let v = Volunteer {
                number: text(plan, cells, Field::VolunteerNo, cx),
                name: text(plan, cells, Field::Name, cx),
                gender: text(plan, cells, Field::Gender, cx),
                id_number: id(plan, cells, cx),
                phone: phone(plan, cells, cx),
                political: text(plan, cells, Field::Political, cx),
                registered_on: match date(plan, cells, Field::RegisteredOn, cx, Severity::Warning) {
                    Read::Value(d) => Some(d),
                    _ => None,
                },
                station: text(plan, cells, Field::Station, cx),
                unit_type: text(plan, cells, Field::UnitType, cx),
                annual_hours: roster_hours(plan, cells, Field::AnnualHours, cx),
                cumulative_hours: roster_hours(plan, cells, Field::CumulativeHours, cx),
                at: cx.at,
            };
            cx.tables.volunteers.push(v);
            true
        }
        Role::Records => convert_record(plan, cells, cx),
        Role::Activities => {
            let a = Activity {
                name: text(plan, cells, Field::ActivityName, cx),
                date: needed_date(plan, cells, cx),
                station: text(plan, cells, Field::Station, cx),
                theme: joined(plan, cells, Field::Theme, cx),
                team: text(plan, cells, Field::Team, cx),
                holiday: text(plan, cells, Field::Holiday, cx),
                participants: count(plan, cells, Field::Participants, cx),
                materials: Materials {
                    plan: material(plan, cells, Field::Plan, cx),
                    record: material(plan, cells, Field::Record, cx),
                    brief: material(plan, cells, Field::Brief, cx),
                    photo: material(plan, cells, Field::Photo, cx),
                },
                at: cx.at,
            };
            cx.tables.activities.push(a);
            true
        }
        Role::Trainings => {
            let stations = match get(plan, cells, Field::Station) {
                Some((_, cell)) => {
                    let s = cell.display_cow(cx.dates);
                    split_list(&s).into_iter().map(|p| cx.tables.strings.intern(p)).collect()
                }
                None => Vec::new(),
            };
            let t = Training {
                date: needed_date(plan, cells, cx),
                topic: text(plan, cells, Field::Topic, cx),
                stations,
                kind: text(plan, cells, Field::TrainingKind, cx),
                participants: count(plan, cells, Field::Participants, cx),
                at: cx.at,
            };
            cx.tables.trainings.push(t);
            true
        }
    }
}

fn convert_record(plan: &Plan, cells: &[Cell], cx: &mut RowCtx) -> bool {
    let volunteer_no = text(plan, cells, Field::VolunteerNo, cx);
    let id_number = id(plan, cells, cx);
    let name = text(plan, cells, Field::Name, cx);
    let phone = phone(plan, cells, cx);
    let activity = text(plan, cells, Field::ActivityName, cx);
    let station = text(plan, cells, Field::Station, cx);
    let has_key_column = [Field::VolunteerNo, Field::IdNumber, Field::Name].iter().any(|&f| plan.has(f));
    let key_cells_blank =
        [Field::VolunteerNo, Field::IdNumber, Field::Name].iter().all(|&f| is_blank(plan, cells, f, cx));
    if has_key_column && key_cells_blank {
        let col = [Field::VolunteerNo, Field::IdNumber, Field::Name].iter().find_map(|&f| plan.col(f)).cloned();
        let m = msg::missing_required(
            Role::Records,
            "志愿者（编号、证件号码或姓名都没填）",
            "volunteer (no number, ID or name)",
        );
        cx.problem(col.as_ref(), FindingKind::MissingRequired, Severity::Error, m);
    }
    let mut bad = Vec::new();
    let when = When::read(plan, cells, cx, &mut bad);
    // a start or span that was written but cannot be read is reported as such (`When::report`),
    // not as a missing date or missing hours as well
    let day_unread = !plan.has(Field::Date) && bad.iter().any(|f| matches!(f, Field::Start | Field::TimeSpan));
    let date = match date(plan, cells, Field::Date, cx, Severity::Error) {
        Read::Value(d) => Some(d),
        Read::Empty if when.date().is_some() => when.date(),
        // a date column holding `2019-05-01 09:00-11:30`: the span's date
        Read::Unreadable if when.span_in_date.is_some_and(|s| s.date.is_some()) => {
            cx.problems.retain(|p| p.kind != FindingKind::UnreadableDate);
            when.span_in_date.and_then(|s| s.date)
        }
        Read::Empty
            if !day_unread && (plan.has(Field::Date) || plan.has(Field::Start) || plan.has(Field::TimeSpan)) =>
        {
            let col = plan.col(Field::Date).or(plan.col(Field::Start)).or(plan.col(Field::TimeSpan)).cloned();
            let m = msg::missing_required(Role::Records, "服务日期", "service date");
            cx.problem(col.as_ref(), FindingKind::MissingRequired, Severity::Error, m);
            None
        }
        Read::Empty | Read::Unreadable => None,
    };
    let hours = match get(plan, cells, Field::Hours) {
        // no hours written: from the start and end, or the span
        None => when.hours().or_else(|| {
            if when.reversed() {
                let (a, b) = (plan.col(Field::Start).cloned(), plan.col(Field::End).cloned());
                let text = |c: &Option<PlanCol>| {
                    c.as_ref().and_then(|c| cells.get(c.index)).map(|x| x.display(cx.dates)).unwrap_or_default()
                };
                let m = msg::end_before_start(&text(&a), &text(&b));
                cx.problem(b.as_ref(), FindingKind::HoursOutOfRange, Severity::Error, m);
            } else if bad.is_empty() && (plan.has(Field::Start) || plan.has(Field::TimeSpan)) {
                let col = plan.col(Field::TimeSpan).or(plan.col(Field::End)).or(plan.col(Field::Start)).cloned();
                let m = msg::missing_required(
                    Role::Records,
                    "服务时长（或开始和结束时间）",
                    "service hours (or start and end times)",
                );
                cx.problem(col.as_ref(), FindingKind::MissingRequired, Severity::Error, m);
            }
            None
        }),
        Some((col, cell)) => match read_hours(cell, col.minutes) {
            Read::Value(h) if h > 0.0 && h <= 24.0 => Some(h),
            Read::Value(h) => {
                let m = msg::hours_out_of_range(&col.header, &cell.display(cx.dates), h);
                let col = col.clone();
                cx.problem(Some(&col), FindingKind::HoursOutOfRange, Severity::Error, m);
                None
            }
            Read::Empty if when.hours().is_some() => when.hours(),
            Read::Empty => {
                let col = col.clone();
                let m = msg::missing_required(Role::Records, "服务时长", "service hours");
                cx.problem(Some(&col), FindingKind::MissingRequired, Severity::Error, m);
                None
            }
            Read::Unreadable => {
                let m = msg::unreadable_hours(&col.header, &cell.display(cx.dates), Role::Records, Field::Hours);
                let col = col.clone();
                cx.problem(Some(&col), FindingKind::UnreadableHours, Severity::Error, m);
                None
            }
        },
    };
    let hours = hours.filter(|&h| {
        if h > 24.0 {
            let col = plan.col(Field::End).or(plan.col(Field::TimeSpan)).cloned();
            let m = msg::hours_out_of_range(col.as_ref().map_or("", |c| c.header.as_str()), &format!("{h:.2}"), h);
            cx.problem(col.as_ref(), FindingKind::HoursOutOfRange, Severity::Error, m);
            return false;
        }
        true
    });
    if (date.is_none() || hours.is_none()) && !bad.is_empty() {
        When::report(plan, cells, cx, &bad);
    }
    let has_key = volunteer_no.is_some() || id_number.is_some() || name.is_some();
    match (date, hours) {
        (Some(date), Some(hours)) if has_key => {
            cx.tables.records.push(ServiceRecord {
                volunteer_no,
                id_number,
                name,
                phone,
                activity,
                date,
                hours,
                station,
                at: cx.at,
            });
            true
        }
        _ => false,
    }
}
