//! The data as of one date `D`: who is registered, their hours, who took part, which
//! records count. Built by `prepare()` once per as-of date (once for a score, once per
//! month end for the monthly replay).

use crate::prepare::{prepare, prepare_quiet, Prepared};
use crate::result::Rows;
use crate::scope::{Place, Placer};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashSet;
use scorecard_model::finding::Finding;
use scorecard_model::model::{Field, Role, RowRef, Tables};
use serde::{Deserialize, Serialize};

/// Where annual hours come from (indicators.md §2): the service records when a record
/// sheet was imported, else the roster's 年度服务时长 column (累计服务时长 never: it serves
/// star levels only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HoursSource {
    Records,
    RosterAnnual,
    /// Neither: hour-based indicators need input.
    Missing,
}

/// A registered volunteer as of `D`.
#[derive(Clone, Debug)]
pub struct Person {
    /// Index into `tables.volunteers`.
    pub vol: usize,
    pub at: RowRef,
    pub place: Place,
    /// Hours in `Y` up to `D` (or the roster's annual hours).
    pub hours: f64,
    pub party: bool,
}

impl Person {
    /// Has at least one record with hours > 0 (or annual hours > 0).
    pub fn active(&self) -> bool {
        self.hours > 0.0
    }
}

/// Is this 政治面貌 a party member (中共党员, 中共预备党员, 共产党员 …)? Any text naming 党员
/// except 非党员. 共青团员, 群众 and 民主党派 members are not.
pub fn is_party_member(political: &str) -> bool {
    political.contains("党员") && !political.contains("非党员")
}

/// The counted records' row references for each view, built in one pass: a rule lists at
/// most [`crate::result::ROW_REF_CAP`] of them and counts the rest, so a million records
/// need not be kept in a second list.
#[derive(Clone, Debug, Default)]
pub struct RecordRows {
    whole: Rows,
    by_station: Vec<Rows>,
    /// The row pushed last: a participation matrix's records of one person share their
    /// sheet row and come one after another; the row is listed (and counted) once, as the
    /// drill-down opens it.
    last: Option<RowRef>,
}

impl RecordRows {
    fn push(&mut self, at: RowRef, place: Place) {
        if place == Place::Outside || self.last.replace(at) == Some(at) {
            return;
        }
        match place {
            Place::Outside => {}
            Place::Unassigned => self.whole.push(at),
            Place::Station(i) => {
                self.whole.push(at);
                if self.by_station.len() <= i {
                    self.by_station.resize_with(i + 1, Rows::default);
                }
                if let Some(r) = self.by_station.get_mut(i) {
                    r.push(at);
                }
            }
        }
    }

    /// The rows in a view: the whole (`None`, every place but outside) or one station.
    pub fn rows(&self, view: Option<usize>) -> Rows {
        match view {
            None => self.whole.clone(),
            Some(i) => self.by_station.get(i).cloned().unwrap_or_default(),
        }
    }
}

/// See the module doc.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub d: NaiveDate,
    /// Day of the year of `D` (1 January = 1).
    pub elapsed: u32,
    pub days_in_year: u32,
    /// Days after `D` to the end of the year (0 on 31 December).
    pub days_left: u32,
    /// `D` is 31 December: the year is over, annual targets are final.
    pub year_ended: bool,
    pub has_roster: bool,
    pub has_political: bool,
    pub source: HoursSource,
    pub registered: Vec<Person>,
    /// Distinct people with at least one counted record (or annual hours > 0).
    pub participants: Vec<(Place, RowRef)>,
    /// Counted service records, as the rows behind a result (whole and per station).
    pub records: RecordRows,
    pub findings: Vec<Finding>,
}

impl Snapshot {
    /// The snapshot as of `d`, with the findings of every row left out.
    pub fn build(tables: &Tables, placer: &Placer, year: i32, d: NaiveDate) -> Snapshot {
        let (prepared, findings) = prepare(tables, year, d);
        Snapshot::of(tables, placer, &prepared, findings)
    }

    /// [`Snapshot::build`] without findings (views that show none: what-if).
    pub fn build_quiet(tables: &Tables, placer: &Placer, year: i32, d: NaiveDate) -> Snapshot {
        Snapshot::of(tables, placer, &prepare_quiet(tables, year, d), Vec::new())
    }

    /// The snapshot of rows already prepared for `prepared.as_of` (the monthly replay
    /// prepares them from one [`crate::prepare::Matches`]).
    pub fn of(tables: &Tables, placer: &Placer, prepared: &Prepared, findings: Vec<Finding>) -> Snapshot {
        let (year, d) = (prepared.year, prepared.as_of);
        let days_in_year = crate::calendar_and_tags::days_in_year(year);
        let elapsed = d.ordinal();
        let source = if tables.has_role(Role::Records) || !tables.records.is_empty() {
            HoursSource::Records
        } else if tables.has_field(Role::Volunteers, Field::AnnualHours) {
            HoursSource::RosterAnnual
        } else {
            HoursSource::Missing
        };
        let by_vol = match source {
            HoursSource::Records => prepared.hours_per_volunteer(),
            _ => Vec::new(),
        };
        let registered: Vec<Person> = prepared
            .registered
            .iter()
            .filter_map(|&i| {
                let v = tables.volunteers.get(i)?;
                let hours = match source {
                    HoursSource::Records => by_vol.get(i).copied().unwrap_or(0.0),
                    HoursSource::RosterAnnual => v.annual_hours.filter(|h| h.is_finite() && *h > 0.0).unwrap_or(0.0),
                    HoursSource::Missing => 0.0,
                };
                Some(Person {
                    vol: i,
                    at: v.at,
                    place: placer.place(v.station),
                    hours,
                    party: is_party_member(tables.so(v.political)),
                })
            })
            .collect();
        let mut records = RecordRows::default();
        for cr in &prepared.records {
            if let Some(r) = tables.records.get(cr.record()) {
                records.push(r.at, placer.place(cr.station));
            }
        }
        let participants = if prepared.has_roster || source != HoursSource::Records {
            registered.iter().filter(|p| p.active()).map(|p| (p.place, p.at)).collect()
        } else {
            // No roster: people are told apart by the record's own key.
            let mut seen = FxHashSet::default();
            let mut out = Vec::new();
            for cr in &prepared.records {
                let Some(r) = tables.records.get(cr.record()) else { continue };
                let key =
                    (r.volunteer_no, r.id_number, if r.volunteer_no.or(r.id_number).is_none() { r.name } else { None });
                if seen.insert(key) {
                    out.push((placer.place(cr.station), r.at));
                }
            }
            out
        };
        Snapshot {
            d,
            elapsed,
            days_in_year,
            days_left: days_in_year.saturating_sub(elapsed),
            year_ended: elapsed >= days_in_year,
            has_roster: prepared.has_roster,
            has_political: tables.has_field(Role::Volunteers, Field::Political),
            source,
            registered,
            participants,
            records,
            findings,
        }
    }
}
