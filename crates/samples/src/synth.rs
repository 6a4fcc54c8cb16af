//! Deterministic synthetic data of a town's stations: roster, service records, activities
//! and trainings that look like the real thing (names, valid IDs, phone numbers, dates
//! weighted to weekends and holidays, activity names that name their themes).
//!
//! Invariant: the same [`SynthSpec`] gives the same rows on every machine. Each table
//! draws from its own seeded stream, so changing the number of records changes no
//! volunteer, activity or training; and the first `n` records of a longer run are the
//! records of a run with `records: n`.
//! Invariant: every ID passes the GB 11643 check, every date lies in the spec's year, every
//! record lasts 0.5–8 h and falls on or after its volunteer's registration date.

use crate::days::DayTable;
use crate::idcard::make_id;
use crate::rng::Rng;
use crate::rows::{ActivityRow, RecordRow, SynthData, TrainingRow, VolunteerRow};
use crate::vocab;
use crate::vocab::ActivityKind;
use chrono::{Datelike, Days, Months, NaiveDate};
use scorecard_model::calendar::{holidays, Holiday};
use std::collections::HashSet;

/// How big a town to make, for which year, from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SynthSpec {
    pub year: i32,
    pub seed: u64,
    pub stations: usize,
    pub volunteers: usize,
    pub records: usize,
    pub activities: usize,
    pub trainings: usize,
}

impl SynthSpec {
    /// A demo town: 6 stations, 600 volunteers, 6,000 records, two activities a month and
    /// one training a quarter per station.
    pub fn demo(year: i32, seed: u64) -> SynthSpec {
        SynthSpec { year, seed, stations: 6, volunteers: 600, records: 6_000, activities: 6 * 24, trainings: 6 * 4 }
    }
}

/// Stream ids for [`Rng::derived`]: one per table, so tables do not disturb each other.
const STREAM_TOWN: u64 = 1;
const STREAM_VOLUNTEERS: u64 = 2;
const STREAM_RECORDS: u64 = 3;
const STREAM_ACTIVITIES: u64 = 4;
const STREAM_TRAININGS: u64 = 5;

/// Share of volunteers who serve at all in the year, and of those the "core" who serve
/// most (half of all records go to the core).
const ACTIVE_SHARE: f64 = 0.8;
const CORE_SHARE: f64 = 0.2;
/// Share of registrations made before the assessment year.
const REGISTERED_EARLIER: f64 = 0.8;
/// A record near a holiday (±3 days) is for the holiday's activity this often.
const HOLIDAY_RECORD: f64 = 0.3;
/// An activity is a holiday one this often, when its month has a holiday.
const HOLIDAY_ACTIVITY: f64 = 0.4;
/// A clerk fills a tag cell this often (else it is blank and the name tells).
const TAG_CELL_FILLED: f64 = 0.85;
/// A material column says 是 this often.
const MATERIAL_PRESENT: f64 = 0.9;
/// Draws of an activity slot before giving up on finding one unlike the station's others.
const DRAWS_FOR_A_DISTINCT_ACTIVITY: usize = 20;
/// A training is joint (two or three stations) this often.
const JOINT_TRAINING: f64 = 0.25;

/// The generator: stations and the roster are made up front (they are small); records
/// are streamed so a million of them never sit in memory.
#[derive(Clone, Debug)]
pub struct Synth {
    spec: SynthSpec,
    town: String,
    stations: Vec<String>,
    volunteers: Vec<VolunteerRow>,
    /// Indices of volunteers who serve this year; the first `core` of them serve most.
    active: Vec<usize>,
    core: usize,
    days: DayTable,
    holidays: Vec<Holiday>,
}

impl Synth {
    pub fn new(spec: SynthSpec) -> Synth {
        let hs = holidays(spec.year);
        let days = DayTable::new(spec.year, &hs);
        let mut rng = Rng::derived(spec.seed, STREAM_TOWN);
        let town = rng.pick(&vocab::TOWNS).copied().unwrap_or("新都街道").to_string();
        let n_stations = if spec.volunteers > 0 { spec.stations.max(1) } else { spec.stations };
        let offset = rng.below(vocab::STATIONS.len());
        let stations: Vec<String> = (0..n_stations).map(|i| station_name(i, offset)).collect();
        let weights: Vec<(usize, u32)> = (0..stations.len()).map(|i| (i, 50 + rng.below(101) as u32)).collect();

        let mut vrng = Rng::derived(spec.seed, STREAM_VOLUNTEERS);
        let mut volunteers = Vec::with_capacity(spec.volunteers);
        let mut active = Vec::new();
        let mut ids = HashSet::new();
        if !days.is_empty() {
            for i in 0..spec.volunteers {
                let station = vrng.weighted(&weights).and_then(|&s| stations.get(s)).cloned().unwrap_or_default();
                if let Some(v) = volunteer(&mut vrng, i, spec.year, station, &mut ids) {
                    if vrng.chance(ACTIVE_SHARE) {
                        active.push(volunteers.len());
                    }
                    volunteers.push(v);
                }
            }
        }
        let core = ((active.len() as f64 * CORE_SHARE).ceil() as usize).min(active.len());
        Synth { spec, town, stations, volunteers, active, core, days, holidays: hs }
    }

    pub fn spec(&self) -> &SynthSpec {
        &self.spec
    }

    pub fn town(&self) -> &str {
        &self.town
    }

    pub fn stations(&self) -> &[String] {
        &self.stations
    }

    /// The roster without hours (年度服务时长 0, 累计服务时长 earlier years only).
    pub fn volunteers(&self) -> &[VolunteerRow] {
        &self.volunteers
    }

    /// The `spec.records` service records, one at a time.
    pub fn records(&self) -> Records<'_> {
        Records { synth: self, rng: Rng::derived(self.spec.seed, STREAM_RECORDS), left: self.spec.records }
    }

    /// The roster with 年度服务时长 = the sum of each volunteer's records (streamed, not
    /// kept) and 累计服务时长 = earlier years plus that.
    pub fn roster(&self) -> Vec<VolunteerRow> {
        let mut hours = vec![0.0f64; self.volunteers.len()];
        let mut records = self.records();
        while let Some((i, r)) = records.next_with_index() {
            if let Some(h) = hours.get_mut(i) {
                *h += r.hours;
            }
        }
        self.volunteers
            .iter()
            .zip(hours)
            .map(|(v, h)| VolunteerRow { annual_hours: h, cumulative_hours: v.cumulative_hours + h, ..v.clone() })
            .collect()
    }

    /// The activities, each distinct: a station's two activities of a month never share
    /// both day and name (the importer would rightly count them as one).
    pub fn activities(&self) -> Vec<ActivityRow> {
        let mut rng = Rng::derived(self.spec.seed, STREAM_ACTIVITIES);
        let mut seen = HashSet::new();
        let mut turns = [0usize; vocab::CORPS.len()];
        let mut out = Vec::with_capacity(self.spec.activities);
        for j in 0..self.spec.activities {
            for _ in 0..DRAWS_FOR_A_DISTINCT_ACTIVITY {
                let Some(a) = self.activity(&mut rng, j, &mut turns) else { break };
                if seen.insert((a.station.clone(), a.date, a.name.clone())) {
                    out.push(a);
                    break;
                }
            }
        }
        out
    }

    pub fn trainings(&self) -> Vec<TrainingRow> {
        let mut rng = Rng::derived(self.spec.seed, STREAM_TRAININGS);
        (0..self.spec.trainings).filter_map(|k| self.training(&mut rng, k)).collect()
    }

    /// All rows, records in memory.
    pub fn data(&self) -> SynthData {
        SynthData {
            year: self.spec.year,
            seed: self.spec.seed,
            town: self.town.clone(),
            stations: self.stations.clone(),
            volunteers: self.roster(),
            records: self.records().collect(),
            activities: self.activities(),
            trainings: self.trainings(),
        }
    }

    /// One record: a volunteer (half of the time one of the core), a weighted day on or
    /// after their registration, an activity (the nearby holiday's, sometimes), hours.
    fn record(&self, rng: &mut Rng) -> Option<(usize, RecordRow)> {
        let pool = if rng.chance(0.5) && self.core > 0 { &self.active[..self.core] } else { &self.active[..] };
        let i = *rng.pick(pool)?;
        let v = self.volunteers.get(i)?;
        let mut date = self.days.pick(rng)?;
        if date < v.registered_on {
            date = self.days.pick_between(rng, v.registered_on, self.days.last()?)?;
        }
        let near = self.holidays.iter().find(|h| (h.date - date).num_days().abs() <= 3);
        let activity = match near {
            Some(h) if rng.chance(HOLIDAY_RECORD) => holiday_kind(h).name.to_string(),
            _ => rng.pick(&vocab::ACTIVITIES).map(|k| k.name.to_string()).unwrap_or_default(),
        };
        let half_hours = rng.weighted(&vocab::HALF_HOURS).copied().unwrap_or(2);
        let row = RecordRow {
            volunteer_no: v.number.clone(),
            name: v.name.clone(),
            id_number: v.id_number.clone(),
            phone: v.phone.clone(),
            activity,
            date,
            hours: f64::from(half_hours) / 2.0,
            station: v.station.clone(),
        };
        Some((i, row))
    }

    /// Activity `j`: stations take turns, each turn of all stations moves on a month,
    /// so `24 × stations` activities give every station two a month. Like a town that
    /// follows a plan: the `i`-th activity of a month goes to colour team `i + month`
    /// (mod 7), so with seven or more a month every team has its turn (乡镇2021 二), and
    /// one station a month (in turn) holds the 5th-of-the-month service day (三(一)).
    /// Holiday activities (when the month has a holiday) break the plan now and then, as
    /// they do in life. Each team runs its everyday activities in turn (`turns` counts
    /// them per team), so every kind of activity, hence every theme, comes up in a year.
    fn activity(&self, rng: &mut Rng, j: usize, turns: &mut [usize; vocab::CORPS.len()]) -> Option<ActivityRow> {
        let n = self.stations.len().max(1);
        let station = self.stations.get(j % n)?.clone();
        let turn = j / n;
        let month = u32::try_from(turn % 12).ok()? + 1;
        let slot = (turn / 12) * n + j % n;
        let corps = u8::try_from((slot + month as usize) % vocab::CORPS.len()).ok()?;
        let service_day = turn < 12 && j % n == (month as usize - 1) % n;
        let fifth = NaiveDate::from_ymd_opt(self.spec.year, month, 5)?;
        let in_month: Vec<&Holiday> = self.holidays.iter().filter(|h| h.date.month() == month).collect();
        let holiday = match rng.pick(&in_month) {
            Some(h) if rng.chance(HOLIDAY_ACTIVITY) => Some(*h),
            _ => None,
        };
        // the service day keeps its date: only a holiday near the 5th may take its place
        let holiday = holiday.filter(|h| !service_day || (h.date - fifth).num_days().abs() <= 2);
        let (kind, date, holiday) = match holiday {
            Some(h) => {
                let shift = rng.range(-2, 2);
                let date = h.date.checked_add_signed(chrono::TimeDelta::days(shift)).unwrap_or(h.date);
                // stays in its month, so the turn-taking above still gives two a month
                let month_start = NaiveDate::from_ymd_opt(self.spec.year, month, 1)?;
                let month_end = month_start.checked_add_months(Months::new(1))?.pred_opt()?;
                let date = if service_day { fifth } else { date.clamp(month_start, month_end) };
                let cell = if rng.chance(0.8) { h.name } else { "" };
                (holiday_kind(h), date, cell.to_string())
            }
            None => {
                let of_corps: Vec<&ActivityKind> = vocab::ACTIVITIES.iter().filter(|k| k.corps == corps).collect();
                let turn = turns.get_mut(usize::from(corps))?;
                let kind = **of_corps.get(*turn % of_corps.len().max(1))?;
                *turn += 1;
                let date = if service_day { fifth } else { self.days.pick_in_month(rng, month)? };
                (kind, date, String::new())
            }
        };
        let mut theme = if rng.chance(TAG_CELL_FILLED) { kind.theme.to_string() } else { String::new() };
        if !theme.is_empty() && theme != "党员志愿服务" && rng.chance(0.1) {
            theme.push_str("、党员志愿服务");
        }
        let team = if rng.chance(TAG_CELL_FILLED) { kind.team_cell() } else { String::new() };
        Some(ActivityRow {
            name: kind.name.to_string(),
            date,
            station,
            theme,
            team,
            holiday,
            participants: 5 + rng.below(56) as u32,
            plan: rng.chance(MATERIAL_PRESENT),
            record: rng.chance(MATERIAL_PRESENT),
            brief: rng.chance(MATERIAL_PRESENT),
            photo: rng.chance(MATERIAL_PRESENT),
        })
    }

    /// Training `k`: stations take turns, each turn moves on a quarter, so
    /// `4 × stations` trainings give every station one a quarter (more with joint ones).
    fn training(&self, rng: &mut Rng, k: usize) -> Option<TrainingRow> {
        let n = self.stations.len().max(1);
        let first = k % n;
        let quarter = u32::try_from((k / n) % 4).ok()? + 1;
        let date = self.days.pick_in_quarter(rng, quarter)?;
        let weights: Vec<(usize, u32)> = vocab::TRAININGS.iter().enumerate().map(|(i, t)| (i, t.1)).collect();
        let (kind, _, topics) = vocab::TRAININGS.get(*rng.weighted(&weights)?)?;
        let topic = rng.pick(topics).copied().unwrap_or(kind);
        let mut stations = vec![self.stations.get(first)?.clone()];
        if n >= 2 && rng.chance(JOINT_TRAINING) {
            let extra = if n >= 3 && rng.chance(0.5) { 2 } else { 1 };
            while stations.len() < 1 + extra {
                let s = self.stations.get(rng.below(n))?;
                if !stations.contains(s) {
                    stations.push(s.clone());
                }
            }
        }
        let participants = 10 + rng.below(71) as u32;
        Some(TrainingRow { date, topic: topic.to_string(), stations, kind: kind.to_string(), participants })
    }
}

/// The streamed service records of a [`Synth`].
#[derive(Clone, Debug)]
pub struct Records<'a> {
    synth: &'a Synth,
    rng: Rng,
    left: usize,
}

impl Records<'_> {
    /// The next record with the index of its volunteer in [`Synth::volunteers`].
    fn next_with_index(&mut self) -> Option<(usize, RecordRow)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        self.synth.record(&mut self.rng)
    }
}

impl Iterator for Records<'_> {
    type Item = RecordRow;

    fn next(&mut self) -> Option<RecordRow> {
        self.next_with_index().map(|(_, r)| r)
    }
}

/// All rows of the town `spec` describes.
pub fn synth_rows(spec: SynthSpec) -> SynthData {
    Synth::new(spec).data()
}

/// Station `i`: the named ones first (starting at `offset`, so seeds differ), then
/// numbered ones.
fn station_name(i: usize, offset: usize) -> String {
    let n = vocab::STATIONS.len();
    if i < n {
        vocab::STATIONS.get((i + offset) % n).copied().unwrap_or("新桥社区").to_string()
    } else {
        format!("第{}社区", i + 1)
    }
}

/// The activity of a holiday: from the table, else "{name}主题志愿服务".
fn holiday_kind(h: &Holiday) -> ActivityKind {
    vocab::HOLIDAY_ACTIVITIES.iter().find(|(id, _)| *id == h.id).map(|(_, k)| *k).unwrap_or(ActivityKind {
        name: GENERIC_HOLIDAY.iter().find(|(id, _)| *id == h.id).map(|(_, n)| *n).unwrap_or(h.name),
        theme: "",
        team: "",
        corps: vocab::GENERIC_HOLIDAY_CORPS,
    })
}

/// Names of holiday activities for the holidays [`vocab::HOLIDAY_ACTIVITIES`] leaves out.
const GENERIC_HOLIDAY: [(&str, &str); 5] = [
    ("victory_day", "抗战胜利纪念日主题志愿服务"),
    ("civic_morality_day", "公民道德宣传日主题志愿服务"),
    ("poverty_relief_day", "扶贫日主题志愿服务"),
    ("disabled_persons_day", "世界残疾人日主题志愿服务"),
    ("memorial_day", "国家公祭日主题志愿服务"),
];

/// Volunteer `i`, or `None` if the year leaves no birth or registration date. `ids` are
/// the ID numbers given so far: each person gets a new one (the roster has no duplicates).
fn volunteer(rng: &mut Rng, i: usize, year: i32, station: String, ids: &mut HashSet<String>) -> Option<VolunteerRow> {
    let male = rng.chance(0.45);
    let name = person_name(rng, male);
    // born 1950–2005 and at least 16 in the year (earlier years shift the range back)
    let last_birth_year = year.saturating_sub(16).min(2005);
    let first_birth_year = last_birth_year.saturating_sub(50).min(1950);
    let birth_year = i32::try_from(rng.range(i64::from(first_birth_year), i64::from(last_birth_year))).ok()?;
    let mut birth = day_of_year(rng, birth_year)?;
    let area = rng.weighted(&vocab::AREA_CODES).copied().unwrap_or(510114);
    let mut seq = rng.below(1000) as u32;
    let mut id_number = make_id(area, birth, seq, male);
    // on a clash, the next sequence number of the same gender; after all 500, the next day
    let mut tries = 0;
    while !ids.insert(id_number.clone()) {
        tries += 1;
        seq += 2;
        if tries % 500 == 0 {
            birth = birth.succ_opt()?;
        }
        id_number = make_id(area, birth, seq, male);
    }
    let prefix = rng.pick(&vocab::MOBILE_PREFIXES).copied().unwrap_or(138);
    let phone = format!("{prefix}{:08}", rng.below(100_000_000));
    let mut political = rng.weighted(&vocab::POLITICAL).copied().unwrap_or("群众");
    if political == "共青团员" && year.saturating_sub(birth_year) > 28 {
        political = "群众"; // 共青团员 leave the League at 28
    }
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31)?;
    let adult = birth.checked_add_months(Months::new(16 * 12))?;
    // registrations since 2010 (the national system's early years), or 7 years back
    let earliest = adult.max(NaiveDate::from_ymd_opt(year.saturating_sub(7).min(2010), 1, 1)?);
    if earliest > year_end {
        return None;
    }
    let before_year = year_start.pred_opt()?;
    let registered_on = if earliest <= before_year && rng.chance(REGISTERED_EARLIER) {
        between(rng, earliest, before_year)?
    } else {
        between(rng, earliest.max(year_start), year_end)?
    };
    let earlier_hours = if registered_on < year_start { (rng.unit().powi(2) * 600.0).floor() / 2.0 } else { 0.0 };
    Some(VolunteerRow {
        number: format!("51011400{:07}", i + 1),
        name,
        gender: if male { "男" } else { "女" }.to_string(),
        id_number,
        phone,
        political: political.to_string(),
        registered_on,
        station,
        annual_hours: 0.0,
        cumulative_hours: earlier_hours,
    })
}

/// A surname and a one- or two-character given name.
fn person_name(rng: &mut Rng, male: bool) -> String {
    let surname = rng.weighted(&vocab::SURNAMES).copied().unwrap_or("王");
    let gendered: Vec<char> = if male { vocab::GIVEN_MALE } else { vocab::GIVEN_FEMALE }.chars().collect();
    let either: Vec<char> = vocab::GIVEN_EITHER.chars().collect();
    let mut name = surname.to_string();
    if rng.chance(0.7) {
        let pool = if rng.chance(0.5) { &either } else { &gendered };
        name.extend(rng.pick(pool));
    }
    name.extend(rng.pick(&gendered));
    name
}

/// A uniform day of `year`.
fn day_of_year(rng: &mut Rng, year: i32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
    between(rng, first, last)
}

/// A uniform day in `from..=to`.
fn between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
    let span = (to - from).num_days();
    let off = u64::try_from(rng.range(0, span)).ok()?;
    from.checked_add_days(Days::new(off))
}
