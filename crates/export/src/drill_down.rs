//! Drill-down: the row references behind a result turned into display tables, one per
//! role, with the role's columns, the source location and ID/phone numbers masked.
//!
//! Invariant: a reference is resolved against the `Tables` that were scored. A reference
//! whose source sheet is unknown to these tables is skipped; one whose sheet is known but
//! whose row is not found still gets a row (its source columns and a note), never dropped.

use crate::columns::{columns, Guard, SOURCE};
use crate::table_cell::Cell;
use scorecard_model::mask::{mask_id, mask_if_sensitive, mask_phone};
use scorecard_model::model::{Activity, Materials, Role, RowRef, ServiceRecord, Tables, Training, Volunteer};
use scorecard_model::phrasing::fmt_count;
use scorecard_score::{IndicatorResult, Scorecard};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Whether ID and phone numbers are shown in full. Everything on screen and in every
/// export is [`Masking::Masked`]; only the failed-rows file (import) shows them in full.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Masking {
    #[default]
    Masked,
    Full,
}

/// Rows of one role as a table: headers (Chinese, English) and typed cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowTable {
    pub role: Role,
    pub headers: Vec<(String, String)>,
    pub rows: Vec<Vec<Cell>>,
}

/// Text put in the first column of a row that the tables no longer hold.
const NOT_FOUND: &str = "（未找到该行）";

/// One table per role present in `refs`, in [`Role::ALL`] order, rows in `refs` order.
/// Columns empty in every row are left out (the source columns always stay).
pub fn resolve_rows(tables: &Tables, refs: &[RowRef], mask: Masking) -> Vec<RowTable> {
    let mut out = Vec::new();
    for role in Role::ALL {
        let mine: Vec<RowRef> =
            refs.iter().copied().filter(|at| tables.source_of(*at).is_some_and(|s| s.role == role)).collect();
        if mine.is_empty() {
            continue;
        }
        let cols = columns(role);
        let mut rows: Vec<Vec<Cell>> = match role {
            Role::Volunteers => cells_of(&tables.volunteers, &mine, |v| volunteer(tables, v)),
            Role::Records => cells_of(&tables.records, &mine, |r| record(tables, r)),
            Role::Activities => cells_of(&tables.activities, &mine, |a| activity(tables, a)),
            Role::Trainings => cells_of(&tables.trainings, &mine, |t| training(tables, t)),
        };
        for (row, at) in rows.iter_mut().zip(&mine) {
            if row.is_empty() {
                *row = vec![Cell::Empty; cols.len()];
                if let Some(first) = row.first_mut() {
                    *first = Cell::Text(NOT_FOUND.into());
                }
            }
            if mask == Masking::Masked {
                for (cell, col) in row.iter_mut().zip(cols) {
                    guard(cell, col.guard);
                }
            }
            let src = tables.source_of(*at);
            row.push(Cell::text(src.map(|s| s.file.as_str()).unwrap_or("")));
            row.push(Cell::text(src.map(|s| s.sheet.as_str()).unwrap_or("")));
            row.push(Cell::Number(f64::from(at.row)));
        }
        let keep: Vec<bool> = (0..cols.len() + SOURCE.len())
            .map(|c| c >= cols.len() || rows.iter().any(|r| r.get(c).is_some_and(|x| !x.is_empty())))
            .collect();
        let headers = cols
            .iter()
            .chain(SOURCE.iter())
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| (c.zh.to_string(), c.en.to_string()))
            .collect();
        let rows =
            rows.into_iter().map(|r| r.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c).collect()).collect();
        out.push(RowTable { role, headers, rows });
    }
    out
}

/// The rows behind one indicator (or a part of one, `D4.1`), masked. With `station`, the
/// rows of that station's result; `None` when the card has no such indicator or the
/// indicator no result for that station (stations apply to per-station indicators only).
pub fn indicator_rows(
    card: &Scorecard,
    tables: &Tables,
    indicator_id: &str,
    station: Option<&str>,
) -> Option<Vec<RowTable>> {
    drill(card, tables, indicator_id, station).map(|(rows, _)| rows)
}

/// What a drill-down shows: [`indicator_rows`] and [`indicator_rows_cut`] from one lookup.
pub fn drill(
    card: &Scorecard,
    tables: &Tables,
    indicator_id: &str,
    station: Option<&str>,
) -> Option<(Vec<RowTable>, Option<RowsCut>)> {
    let (refs, cut) = drill_refs(card, indicator_id, station)?;
    Some((resolve_rows(tables, &refs, Masking::Masked), cut))
}

/// The row references behind an indicator (or one station of it) and where they stop.
fn drill_refs(card: &Scorecard, indicator_id: &str, station: Option<&str>) -> Option<(Vec<RowRef>, Option<RowsCut>)> {
    let r = find_result(&card.indicators, indicator_id)?;
    Some(match station {
        Some(name) => {
            let rows = &r.stations.iter().find(|s| s.station == name)?.detail.rows;
            let cut = rows.truncated.then_some(RowsCut { shown: rows.refs.len() as u64, total: Some(rows.total) });
            (rows.refs.clone(), cut)
        }
        None => {
            let refs = refs_of(r);
            let cut = cut_of(r, refs.len());
            (refs, cut)
        }
    })
}

/// How a list cut at a cap says so, in Chinese, with its unit (行, 条, 项): "共 600 行，只列出
/// 前 200 行", or without a known total "只列出前 200 行，其余未列出". One wording for the
/// drill-down, its CSV, the report's titles and the lists of what is missing.
pub fn cut_zh(total: Option<u64>, shown: u64, unit: &str) -> String {
    let shown = fmt_count(shown);
    match total.map(fmt_count) {
        Some(t) => format!("共 {t} {unit}，只列出前 {shown} {unit}"),
        None => format!("只列出前 {shown} {unit}，其余未列出"),
    }
}

/// [`cut_zh`] in English, with a plural noun: "600 rows in all; only the first 200 are listed".
pub fn cut_en(total: Option<u64>, shown: u64, noun: &str) -> String {
    let shown = fmt_count(shown);
    match total.map(fmt_count) {
        Some(t) => format!("{t} {noun} in all; only the first {shown} are listed"),
        None => format!("Only the first {shown} {noun} are listed; the rest are not"),
    }
}

/// A drill-down list cut at the cap ([`scorecard_score::result::ROW_REF_CAP`]): how many rows it shows,
/// and the full count when the result knows it — one station, or an indicator without
/// stations or parts (an indicator's own count would count a joint training once per
/// station it names, and a composite's parts overlap, so there only the cut is said).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowsCut {
    pub shown: u64,
    pub total: Option<u64>,
}

impl RowsCut {
    /// The line a drill-down shows (and its CSV ends with), in the user's language.
    pub fn note(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Zh => format!("{}。", cut_zh(self.total, self.shown, "行")),
            crate::lang::Lang::En => format!("{}.", cut_en(self.total, self.shown, "rows")),
        }
    }
}

/// Whether the rows behind an indicator (or one station of it) were cut at the cap;
/// `None` when every row is listed or the indicator / station is unknown.
pub fn indicator_rows_cut(card: &Scorecard, indicator_id: &str, station: Option<&str>) -> Option<RowsCut> {
    drill_refs(card, indicator_id, station)?.1
}

/// [`indicator_rows_cut`] of a whole result whose list (`refs_of`) has `shown` rows.
pub(crate) fn cut_of(r: &IndicatorResult, shown: usize) -> Option<RowsCut> {
    truncated(r).then(|| RowsCut {
        shown: shown as u64,
        total: (r.stations.is_empty() && r.parts.is_empty()).then_some(r.detail.rows.total),
    })
}

/// An indicator or a part of one, by id.
pub(crate) fn find_result<'a>(results: &'a [IndicatorResult], id: &str) -> Option<&'a IndicatorResult> {
    results.iter().find_map(|r| if r.id == id { Some(r) } else { find_result(&r.parts, id) })
}

/// The indicator's own references, each once (a joint training is in two stations'
/// lists); for a composite (D4), its parts'.
pub(crate) fn refs_of(r: &IndicatorResult) -> Vec<RowRef> {
    let mut seen = std::collections::HashSet::new();
    if !r.detail.rows.refs.is_empty() || r.parts.is_empty() {
        return r.detail.rows.refs.iter().copied().filter(|at| seen.insert(*at)).collect();
    }
    r.parts.iter().flat_map(refs_of).filter(|at| seen.insert(*at)).collect()
}

/// Whether some rows behind the indicator were left out of its lists (the cap).
pub(crate) fn truncated(r: &IndicatorResult) -> bool {
    r.detail.rows.truncated || r.stations.iter().any(|s| s.detail.rows.truncated) || r.parts.iter().any(truncated)
}

fn guard(cell: &mut Cell, g: Guard) {
    if let Cell::Text(s) = cell {
        *s = match g {
            Guard::Id => mask_id(s),
            Guard::Phone => mask_phone(s),
            Guard::Plain => mask_if_sensitive(s),
        };
    }
}

pub(crate) trait At {
    fn at(&self) -> RowRef;
}

macro_rules! impl_at {
    ($($t:ty),*) => { $(impl At for $t { fn at(&self) -> RowRef { self.at } })* };
}
impl_at!(Volunteer, ServiceRecord, Activity, Training);

/// Cells of each referenced row; an empty vector for a row not found.
fn cells_of<T: At>(rows: &[T], refs: &[RowRef], cells: impl Fn(&T) -> Vec<Cell>) -> Vec<Vec<Cell>> {
    let mut find = Locator::new(rows);
    refs.iter().map(|at| find.get(*at).map_or_else(Vec::new, &cells)).collect()
}

/// Finds rows by reference. Import appends rows in (source, row) order, so a binary search
/// finds them; should that order not hold, a hash index is built once and used from then on.
pub(crate) struct Locator<'a, T> {
    rows: &'a [T],
    index: Option<HashMap<RowRef, usize>>,
}

impl<'a, T: At> Locator<'a, T> {
    pub(crate) fn new(rows: &'a [T]) -> Self {
        Locator { rows, index: None }
    }

    pub(crate) fn get(&mut self, at: RowRef) -> Option<&'a T> {
        let rows = self.rows;
        if self.index.is_none() {
            let i = rows.partition_point(|r| r.at() < at);
            if let Some(r) = rows.get(i).filter(|r| r.at() == at) {
                return Some(r);
            }
            self.index = Some(rows.iter().enumerate().map(|(i, r)| (r.at(), i)).collect());
        }
        self.index.as_ref().and_then(|m| m.get(&at)).and_then(|&i| rows.get(i))
    }
}

fn volunteer(t: &Tables, v: &Volunteer) -> Vec<Cell> {
    vec![
        Cell::text(t.so(v.number)),
        Cell::text(t.so(v.name)),
        Cell::text(t.so(v.gender)),
        Cell::text(t.so(v.id_number)),
        Cell::text(t.so(v.phone)),
        Cell::text(t.so(v.political)),
        Cell::date(v.registered_on),
        Cell::text(t.so(v.station)),
        Cell::number(v.annual_hours),
        Cell::number(v.cumulative_hours),
    ]
}

fn record(t: &Tables, r: &ServiceRecord) -> Vec<Cell> {
    // The volunteer as the record names them: name, else number, else ID, else phone.
    let who = [r.name, r.volunteer_no, r.id_number, r.phone].into_iter().flatten().next();
    vec![
        Cell::text(t.so(who)),
        Cell::text(t.so(r.activity)),
        Cell::Date(r.date),
        Cell::number(Some(r.hours)),
        Cell::text(t.so(r.station)),
    ]
}

fn activity(t: &Tables, a: &Activity) -> Vec<Cell> {
    vec![
        Cell::text(t.so(a.name)),
        Cell::date(a.date),
        Cell::text(t.so(a.station)),
        Cell::text(t.so(a.theme)),
        Cell::text(t.so(a.team)),
        Cell::text(t.so(a.holiday)),
        Cell::number(a.participants.map(f64::from)),
        Cell::text(&materials(&a.materials)),
    ]
}

fn training(t: &Tables, r: &Training) -> Vec<Cell> {
    let stations: Vec<&str> = r.stations.iter().map(|s| t.s(*s)).collect();
    vec![
        Cell::date(r.date),
        Cell::text(t.so(r.topic)),
        Cell::text(&stations.join("、")),
        Cell::text(t.so(r.kind)),
        Cell::number(r.participants.map(f64::from)),
    ]
}

/// `方案✓ 记录✓ 简报✗ 图片✗`, naming only the columns the sheet has.
fn materials(m: &Materials) -> String {
    [("方案", m.plan), ("记录", m.record), ("简报", m.brief), ("图片", m.photo)]
        .iter()
        .filter_map(|(name, has)| has.map(|h| format!("{name}{}", if h { "✓" } else { "✗" })))
        .collect::<Vec<_>>()
        .join(" ")
}
