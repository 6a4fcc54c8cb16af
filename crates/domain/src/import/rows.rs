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

use super::cell::{Cell, DateSystem};
use super::cells::count::read_count;
use super::cells::date::read_date;
use super::cells::flag::read_flag;
use super::cells::hours::read_hours;
use super::cells::id_number::{read_id, IdRead};
use super::cells::list::split_list;
use super::cells::phone::{read_phone, PhoneRead};
use super::cells::Read;
use super::messages as msg;
use crate::finding::{FindingKind, Severity};
use crate::model::*;
use crate::text::Sym;
use chrono::NaiveDate;

/// A mapped column, as the converter needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanCol {
    pub index: usize,
    pub header: String,
    /// The normalised lowest header text, to recognise a header row repeated in the data.
    pub leaf: String,
    pub minutes: bool,
}

/// What each field of the role reads from.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub role: Role,
    /// Indexed by `Field as usize`.
    cols: Vec<Option<PlanCol>>,
}

impl Plan {
    pub fn new(role: Role) -> Self {
        Plan { role, cols: vec![None; Field::ALL.len()] }
    }

    /// Maps `field` to a column; the first mapping of a field wins.
    pub fn set(&mut self, field: Field, col: PlanCol) {
        if let Some(slot) = self.cols.get_mut(field as usize) {
            if slot.is_none() {
                *slot = Some(col);
            }
        }
    }

    pub fn col(&self, field: Field) -> Option<&PlanCol> {
        self.cols.get(field as usize).and_then(Option::as_ref)
    }

    pub fn has(&self, field: Field) -> bool {
        self.col(field).is_some()
    }

    /// True when the row repeats the header (printed exports repeat it on every page): at
    /// least two mapped cells, and most of the non-blank ones, read as their column's header.
    pub fn is_repeated_header(&self, cells: &[Cell]) -> bool {
        let mut same = 0;
        let mut filled = 0;
        for col in self.cols.iter().flatten() {
            let Some(cell) = cells.get(col.index).filter(|c| !c.is_blank()) else { continue };
            filled += 1;
            if cell.as_text().is_some_and(|t| super::synonyms::normalizes_to(t, &col.leaf)) {
                same += 1;
            }
        }
        same >= 2 && same * 2 > filled
    }

    /// Indices of every mapped column.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.cols.iter().flatten().map(|c| c.index)
    }
}

/// A problem found in a row; becomes a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 0-based column index; `None` for the whole row.
    pub column: Option<u32>,
    pub header: Option<String>,
    pub kind: FindingKind,
    pub severity: Severity,
    pub zh: String,
    pub en: String,
}

/// The state one row is converted in.
pub struct RowCtx<'t> {
    pub tables: &'t mut Tables,
    pub at: RowRef,
    pub dates: DateSystem,
    pub problems: Vec<Problem>,
    /// Per field, the text symbol of the row before (see [`Recent`]).
    pub recent: &'t mut Recent,
}

/// The symbol each text field had in the previous row of the sheet. Exports are sorted by
/// activity, station or date, so a field often repeats its row-before's text; comparing
/// with that one string (recently touched, in cache) skips the interner's hash-table probe.
#[derive(Default)]
pub struct Recent([Option<Sym>; Field::ALL.len()]);

impl Recent {
    /// The symbol of `t` (not empty), from the row before when it is the same text.
    fn intern(&mut self, tables: &mut Tables, field: Field, t: &str) -> Sym {
        let Some(slot) = self.0.get_mut(field as usize) else { return tables.strings.intern(t) };
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
    let (_, cell) = get(plan, cells, field)?;
    let s = cell.display_cow(cx.dates);
    let t = super::cell::trim(&s);
    (!t.is_empty()).then(|| cx.recent.intern(cx.tables, field, t))
}

fn date(plan: &Plan, cells: &[Cell], field: Field, cx: &mut RowCtx, severity: Severity) -> Read<NaiveDate> {
    let Some((col, cell)) = get(plan, cells, field) else { return Read::Empty };
    let got = read_date(cell, cx.dates);
    if got == Read::Unreadable {
        let m = msg::unreadable_date(&col.header, &cell.display(cx.dates), plan.role, field);
        cx.problem(Some(col), FindingKind::UnreadableDate, severity, m);
    }
    got
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
    match read_id(cell) {
        IdRead::Empty => None,
        IdRead::Ok(s) => Some(cx.recent.intern(cx.tables, Field::IdNumber, &s)),
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
    match read_phone(cell) {
        PhoneRead::Empty => None,
        PhoneRead::Ok(s) => Some(cx.recent.intern(cx.tables, Field::Phone, &s)),
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

fn is_blank(plan: &Plan, cells: &[Cell], field: Field) -> bool {
    get(plan, cells, field).is_none_or(|(_, c)| c.is_blank())
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

/// Converts one data row and appends it to its table. Returns true when the row was kept.
pub fn convert(plan: &Plan, cells: &[Cell], cx: &mut RowCtx) -> bool {
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
                theme: text(plan, cells, Field::Theme, cx),
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
    let key_cells_blank = [Field::VolunteerNo, Field::IdNumber, Field::Name].iter().all(|&f| is_blank(plan, cells, f));
    if has_key_column && key_cells_blank {
        let col = [Field::VolunteerNo, Field::IdNumber, Field::Name].iter().find_map(|&f| plan.col(f)).cloned();
        let m = msg::missing_required(
            Role::Records,
            "志愿者（编号、证件号码或姓名都没填）",
            "volunteer (no number, ID or name)",
        );
        cx.problem(col.as_ref(), FindingKind::MissingRequired, Severity::Error, m);
    }
    let date = match date(plan, cells, Field::Date, cx, Severity::Error) {
        Read::Value(d) => Some(d),
        Read::Empty if plan.has(Field::Date) => {
            let col = plan.col(Field::Date).cloned();
            let m = msg::missing_required(Role::Records, "服务日期", "service date");
            cx.problem(col.as_ref(), FindingKind::MissingRequired, Severity::Error, m);
            None
        }
        _ => None,
    };
    let hours = match get(plan, cells, Field::Hours) {
        None => None,
        Some((col, cell)) => match read_hours(cell, col.minutes) {
            Read::Value(h) if h > 0.0 && h <= 24.0 => Some(h),
            Read::Value(h) => {
                let m = msg::hours_out_of_range(&col.header, &cell.display(cx.dates), h);
                let col = col.clone();
                cx.problem(Some(&col), FindingKind::HoursOutOfRange, Severity::Error, m);
                None
            }
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
