//! Sample rows as plain values (text, numbers, dates), shared by the xlsx and CSV writers,
//! and the facts a test can expect after importing them.
//!
//! Invariant: every fact is computed from the rows here, never from the generator's
//! internals, so it is an independent path to compare import and scoring against.

use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One 志愿者名册 row.
#[derive(Clone, Debug, PartialEq)]
pub struct VolunteerRow {
    /// 志愿者编号: 15 digits, always written as text.
    pub number: String,
    pub name: String,
    /// 男 / 女, consistent with the ID's 17th digit.
    pub gender: String,
    /// 18 characters with a valid GB 11643 check character.
    pub id_number: String,
    pub phone: String,
    pub political: String,
    pub registered_on: NaiveDate,
    pub station: String,
    /// 年度服务时长: the sum of this volunteer's service records in the year.
    pub annual_hours: f64,
    /// 累计服务时长: earlier years' hours plus `annual_hours`.
    pub cumulative_hours: f64,
}

impl VolunteerRow {
    /// 中共党员 or 中共预备党员 (indicators.md D2).
    pub fn is_party_member(&self) -> bool {
        self.political == "中共党员" || self.political == "中共预备党员"
    }
}

/// One 服务记录 row. Its station is its volunteer's roster station.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordRow {
    pub volunteer_no: String,
    pub name: String,
    pub id_number: String,
    pub phone: String,
    pub activity: String,
    pub date: NaiveDate,
    /// 0.5 to 8 in half hours.
    pub hours: f64,
    pub station: String,
}

/// One 活动记录 row. Tag cells hold dictionary names ("" when the clerk left it blank).
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityRow {
    pub name: String,
    pub date: NaiveDate,
    pub station: String,
    pub theme: String,
    pub team: String,
    pub holiday: String,
    pub participants: u32,
    pub plan: bool,
    pub record: bool,
    pub brief: bool,
    pub photo: bool,
}

/// One 培训记录 row; a joint training names two or three stations.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingRow {
    pub date: NaiveDate,
    pub topic: String,
    pub stations: Vec<String>,
    pub kind: String,
    pub participants: u32,
}

/// All rows of one synthetic town.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthData {
    pub year: i32,
    /// The seed the rows were made from (messy writers draw their cell forms from it).
    pub seed: u64,
    /// The town (镇/街道) the stations belong to, for sheet titles.
    pub town: String,
    pub stations: Vec<String>,
    pub volunteers: Vec<VolunteerRow>,
    pub records: Vec<RecordRow>,
    pub activities: Vec<ActivityRow>,
    pub trainings: Vec<TrainingRow>,
}

impl SynthData {
    /// The rows the town has on `last`: what is dated later (records, activities, trainings,
    /// volunteers registered later) is not there yet, and each volunteer's 年度/累计服务时长
    /// are those of the records that remain. A demo loaded in November has no December.
    /// One station's own rows: its roster, the records of its volunteers, its activities
    /// and the trainings it is named first in (a joint training goes to one station), so
    /// the stations' files together hold the town's rows once (汇总报送's tests).
    pub fn station(&self, name: &str) -> SynthData {
        SynthData {
            year: self.year,
            seed: self.seed,
            town: self.town.clone(),
            stations: vec![name.to_string()],
            volunteers: self.volunteers.iter().filter(|v| v.station == name).cloned().collect(),
            records: self.records.iter().filter(|r| r.station == name).cloned().collect(),
            activities: self.activities.iter().filter(|a| a.station == name).cloned().collect(),
            trainings: self
                .trainings
                .iter()
                .filter(|t| t.stations.first().is_some_and(|s| s == name))
                .cloned()
                .collect(),
        }
    }

    pub fn until(mut self, last: NaiveDate) -> SynthData {
        self.records.retain(|r| r.date <= last);
        self.activities.retain(|a| a.date <= last);
        self.trainings.retain(|t| t.date <= last);
        self.volunteers.retain(|v| v.registered_on <= last);
        let hours = self.hours_by_volunteer();
        for v in &mut self.volunteers {
            let h = hours.get(&v.number).copied().unwrap_or(0.0);
            // half hours are exact in binary, so this is the sum the records give
            v.cumulative_hours = v.cumulative_hours - v.annual_hours + h;
            v.annual_hours = h;
        }
        self
    }

    /// Roster rows per station.
    pub fn volunteers_by_station(&self) -> BTreeMap<String, usize> {
        count(self.volunteers.iter().map(|v| &v.station))
    }

    /// Service-record rows per station.
    pub fn records_by_station(&self) -> BTreeMap<String, usize> {
        count(self.records.iter().map(|r| &r.station))
    }

    /// Service hours per station, grouping each record by its volunteer's ROSTER station
    /// (indicators.md §2: a volunteer's records count for the roster's station).
    pub fn hours_by_station(&self) -> BTreeMap<String, f64> {
        let station_of: BTreeMap<&str, &str> =
            self.volunteers.iter().map(|v| (v.number.as_str(), v.station.as_str())).collect();
        let mut out = BTreeMap::new();
        for r in &self.records {
            let station = station_of.get(r.volunteer_no.as_str()).copied().unwrap_or("");
            *out.entry(station.to_string()).or_insert(0.0) += r.hours;
        }
        out
    }

    /// Service hours per 志愿者编号.
    pub fn hours_by_volunteer(&self) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        for r in &self.records {
            *out.entry(r.volunteer_no.clone()).or_insert(0.0) += r.hours;
        }
        out
    }

    /// Sum of all service records' hours.
    pub fn total_hours(&self) -> f64 {
        self.records.iter().map(|r| r.hours).sum()
    }

    /// Volunteers with at least one record (X2's numerator).
    pub fn volunteers_with_records(&self) -> usize {
        self.hours_by_volunteer().len()
    }

    /// 中共党员 and 中共预备党员 on the roster.
    pub fn party_members(&self) -> usize {
        self.volunteers.iter().filter(|v| v.is_party_member()).count()
    }

    /// Activities per station.
    pub fn activities_by_station(&self) -> BTreeMap<String, usize> {
        count(self.activities.iter().map(|a| &a.station))
    }

    /// Trainings per station; a joint training counts for each station it names (X4).
    pub fn trainings_by_station(&self) -> BTreeMap<String, usize> {
        count(self.trainings.iter().flat_map(|t| t.stations.iter()))
    }
}

fn count<'a>(keys: impl Iterator<Item = &'a String>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for k in keys {
        *out.entry(k.clone()).or_insert(0) += 1;
    }
    out
}
