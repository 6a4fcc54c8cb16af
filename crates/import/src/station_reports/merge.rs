//! Report files → rows of the town's [`Tables`], and what the town is told about them.
//!
//! A volunteer's code becomes their 志愿者编号 and a month's hours become service records
//! of that number (dated the month's last day, or the as-of date within its month; split
//! into parts of at most 24 hours, the most one record may hold), so the same `prepare()`
//! and rules score them: registered at two stations, a person is one number, counted
//! once. Drill-downs then show codes, not people.

use chrono::{Datelike, NaiveDate};
use scorecard_model::finding::{Finding, FindingKind, Severity};
use scorecard_model::model::*;
use scorecard_model::report_file::format::ReportFile;
use std::collections::{BTreeMap, HashMap};

/// Appends the rows of `file` (read from `name`) to `tables`.
pub fn add_report(tables: &mut Tables, name: &str, file: &ReportFile) {
    let mut source_of = HashMap::new();
    let mut roles = file.roles.clone();
    for (role, want) in [
        (Role::Volunteers, !file.volunteers.is_empty()),
        (Role::Records, !file.hours.is_empty()),
        (Role::Activities, !file.activities.is_empty()),
        (Role::Trainings, !file.trainings.is_empty()),
    ] {
        if want && !roles.contains(&role) {
            roles.push(role);
        }
    }
    for role in roles {
        source_of.insert(role, tables.sources.len() as u32);
        tables.sources.push(SourceSheet { file: name.to_string(), sheet: role.label_zh().to_string(), role });
    }
    let mut present = file.present.clone();
    present.extend([(Role::Volunteers, Field::VolunteerNo), (Role::Records, Field::VolunteerNo)]);
    for p in present {
        if source_of.contains_key(&p.0) && !tables.present.contains(&p) {
            tables.present.push(p);
        }
    }
    let at = |role: Role, i: usize| RowRef { source: source_of.get(&role).copied().unwrap_or(0), row: i as u32 + 2 };
    let strings = &mut tables.strings;
    let mut opt = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|s| strings.intern(s));
    let mut volunteers = Vec::with_capacity(file.volunteers.len());
    for (i, v) in file.volunteers.iter().enumerate() {
        volunteers.push(Volunteer {
            number: opt(&Some(v.code.clone())),
            name: None,
            gender: None,
            id_number: None,
            phone: None,
            political: v.party.and_then(|p| opt(&Some(if p { "中共党员" } else { "群众" }.to_string()))),
            registered_on: v.registered_on,
            station: opt(&v.station),
            unit_type: opt(&v.unit_type),
            annual_hours: v.annual_hours,
            cumulative_hours: v.cumulative_hours,
            at: at(Role::Volunteers, i),
        });
    }
    let mut records = Vec::new();
    for (i, h) in file.hours.iter().enumerate() {
        // every packed record is on or before the as-of date, so its month's end (or the
        // as-of date, in its own month) keeps it on the same side of any month end
        let Some(date) = month_end(file.year, h.month).map(|d| d.min(file.as_of)) else { continue };
        let code = opt(&Some(h.code.clone()));
        let station = opt(&h.station);
        let mut left = h.hours;
        // parts of at most 24 hours; what a month sums stays the same
        while left > 0.0 {
            let part = left.min(24.0);
            left -= part;
            records.push(ServiceRecord {
                volunteer_no: code,
                id_number: None,
                name: None,
                phone: None,
                activity: None,
                date,
                hours: part,
                station,
                at: at(Role::Records, i),
            });
        }
    }
    let mut activities = Vec::with_capacity(file.activities.len());
    for (i, a) in file.activities.iter().enumerate() {
        activities.push(Activity {
            name: opt(&a.name),
            date: a.date,
            station: opt(&a.station),
            theme: opt(&a.theme),
            team: opt(&a.team),
            holiday: opt(&a.holiday),
            participants: a.participants,
            materials: a.materials,
            at: at(Role::Activities, i),
        });
    }
    let mut trainings = Vec::with_capacity(file.trainings.len());
    for (i, t) in file.trainings.iter().enumerate() {
        trainings.push(Training {
            date: t.date,
            topic: opt(&t.topic),
            stations: t.stations.iter().filter_map(|s| opt(&Some(s.clone()))).collect(),
            kind: opt(&t.kind),
            participants: t.participants,
            at: at(Role::Trainings, i),
        });
    }
    tables.volunteers.extend(volunteers);
    tables.records.extend(records);
    tables.activities.extend(activities);
    tables.trainings.extend(trainings);
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    next?.pred_opt()
}

/// What the town is told about the report files it counts (`files`: name and file, in
/// import order): who was registered at two stations (per pair of stations, never per
/// person), files for another year or as-of date, and stations in `expected` that sent
/// nothing.
pub fn town_findings(files: &[(&str, &ReportFile)], year: i32, as_of: NaiveDate, expected: &[String]) -> Vec<Finding> {
    let mut out = Vec::new();
    let d = |d: NaiveDate| format!("{}年{}月{}日", d.year(), d.month(), d.day());
    for (name, f) in files {
        if f.year != year {
            out.push(Finding::file(
                name,
                FindingKind::TownReport,
                Severity::Warning,
                format!("「{}」的报送是 {} 年的，本镇考核的是 {year} 年：其中 {year} 年以外的记录都不计入。请让站点按 {year} 年重新生成。", f.station, f.year),
                format!("\"{}\" reported on {}, the town assesses {year}: nothing outside {year} counts. Ask the station for a {year} report.", f.station, f.year),
            ));
        } else if f.as_of != as_of {
            let (zh, en) = if f.as_of < as_of {
                ("之后的活动和时长不在其中", "what came after is not in it")
            } else {
                (
                    "晚于本镇截止日期的记录不计入（截止日期所在月的时长整月不计入）",
                    "hours after the town's date do not count (those of its month not at all)",
                )
            };
            out.push(Finding::file(
                name,
                FindingKind::TownReport,
                Severity::Warning,
                format!("「{}」的报送截至 {}，本镇截至 {}：{zh}。请让站点按本镇的截止日期重新生成。", f.station, d(f.as_of), d(as_of)),
                format!("\"{}\" reported as of {}, the town as of {as_of}: {en}. Ask the station for a report as of the town's date.", f.station, f.as_of),
            ));
        }
    }
    // registered at two stations: per pair of stations, counted once (at the first)
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut pairs: BTreeMap<(usize, usize), u64> = BTreeMap::new();
    for (fi, (_, f)) in files.iter().enumerate() {
        let mut seen_here = std::collections::HashSet::new();
        for v in &f.volunteers {
            if !seen_here.insert(v.code.as_str()) {
                continue; // a repeat inside one station is that station's own finding
            }
            match first.get(v.code.as_str()) {
                Some(&other) if other != fi => *pairs.entry((other, fi)).or_default() += 1,
                Some(_) => {}
                None => {
                    first.insert(v.code.as_str(), fi);
                }
            }
        }
    }
    for ((a, b), n) in pairs {
        let (sa, sb) = (&files[a].1.station, &files[b].1.station);
        out.push(Finding::file(
            files[b].0,
            FindingKind::TownReport,
            Severity::Info,
            format!("「{sa}」和「{sb}」的名册中有 {n} 名相同的志愿者（证件号码等一致），全镇只计一次，计入「{sa}」。如需核对是谁，请两个站点互相核对名册。"),
            format!("{n} volunteers are on the rosters of both \"{sa}\" and \"{sb}\" (same ID number or key); counted once for the town, at \"{sa}\". To see who, the two stations compare their rosters."),
        ));
    }
    let sent: Vec<&str> = files
        .iter()
        .flat_map(|(_, f)| {
            std::iter::once(f.station.as_str()).chain(f.volunteers.iter().filter_map(|v| v.station.as_deref()))
        })
        .collect();
    let missing: Vec<&str> = expected.iter().map(String::as_str).filter(|s| !sent.contains(s)).collect();
    if !files.is_empty() && !missing.is_empty() {
        out.push(Finding::file(
            "",
            FindingKind::TownReport,
            Severity::Warning,
            format!("还没有收到这些站点的报送：{}。它们的志愿者、时长和活动都不在汇总里。", missing.join("、")),
            format!(
                "No report file yet from: {}. Their volunteers, hours and activities are not in the totals.",
                missing.join(", ")
            ),
        ));
    }
    out
}

/// Of several files from one station, the latest as-of date counts (the last given when
/// two have the same); returns, per file, the index of the file that supersedes it.
pub fn superseded(files: &[(&str, &ReportFile)]) -> Vec<Option<usize>> {
    let mut best: HashMap<(&str, i32), usize> = HashMap::new();
    for (i, (_, f)) in files.iter().enumerate() {
        let k = (f.station.as_str(), f.year);
        match best.get(&k) {
            Some(&j) if files[j].1.as_of > f.as_of => {}
            _ => {
                best.insert(k, i);
            }
        }
    }
    files
        .iter()
        .enumerate()
        .map(|(i, (_, f))| best.get(&(f.station.as_str(), f.year)).copied().filter(|&j| j != i))
        .collect()
}
