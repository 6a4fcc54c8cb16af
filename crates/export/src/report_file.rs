//! A station's imported data and context → its report file.
//!
//! Invariant: nothing taken from a person's row leaves but codes, dates, hours, stations,
//! party membership and unit type (tested by scanning every file the suite makes).
//! Invariant: the town's scoring of report files equals the scoring of the raw files
//! (crates/domain/tests/domain/town.rs): each record carries the code of the volunteer it matched here, or of
//! its own strongest key when it matched nobody (the town then matches it across stations).

use chrono::{Datelike, NaiveDate};
use scorecard_model::context::Context;
use scorecard_model::finding::{Finding, FindingKind, Severity};
use scorecard_model::model::{Field, Role, ServiceRecord, Tables, Volunteer};
use scorecard_model::report_file::format::{
    CodedVolunteer, Kdf, MonthHours, ReportActivity, ReportFile, ReportTraining, SCHEMA, SCHEMA_VERSION,
};
use scorecard_model::report_file::passkey::Passkey;
use scorecard_score::prepare::Matches;
use scorecard_score::snapshot::is_party_member;
use std::collections::BTreeMap;

/// The columns that name a person: never listed in a report file.
const PERSONAL: [Field; 4] = [Field::Name, Field::IdNumber, Field::Phone, Field::Gender];

/// The code of a roster row: its ID number, else its 志愿者编号, else its name with its
/// phone (what tells namesakes apart); `None` when it has none of them.
pub fn volunteer_code(tables: &Tables, v: &Volunteer, key: &Passkey) -> Option<String> {
    key_code(tables, v.id_number, v.number, v.name, v.phone, key)
}

fn record_code(tables: &Tables, r: &ServiceRecord, key: &Passkey) -> Option<String> {
    key_code(tables, r.id_number, r.volunteer_no, r.name, r.phone, key)
}

fn key_code(
    tables: &Tables,
    id: Option<scorecard_model::Sym>,
    number: Option<scorecard_model::Sym>,
    name: Option<scorecard_model::Sym>,
    phone: Option<scorecard_model::Sym>,
    key: &Passkey,
) -> Option<String> {
    if let Some(id) = id {
        return Some(key.code("id", &tables.s(id).to_uppercase()));
    }
    if let Some(n) = number {
        return Some(key.code("no", tables.s(n)));
    }
    let name = name?;
    Some(key.code("name", &format!("{}\u{1}{}", tables.s(name), tables.so(phone))))
}

/// The report file of `tables` under `ctx` (its year, as-of date, profile and station name),
/// with the codes of `key`; findings say what was left out and why.
pub fn pack(tables: &Tables, ctx: &Context, key: &Passkey, today: NaiveDate) -> (ReportFile, Vec<Finding>) {
    let year = ctx.year;
    let as_of = ctx.as_of(today);
    let mut findings = Vec::new();
    let opt = |s: Option<scorecard_model::Sym>| s.map(|s| tables.s(s).to_string());

    let codes: Vec<Option<String>> = tables.volunteers.iter().map(|v| volunteer_code(tables, v, key)).collect();
    let has_political = tables.has_field(Role::Volunteers, Field::Political);
    let volunteers: Vec<CodedVolunteer> = tables
        .volunteers
        .iter()
        .zip(&codes)
        .filter_map(|(v, code)| {
            Some(CodedVolunteer {
                code: code.clone()?,
                registered_on: v.registered_on,
                station: opt(v.station),
                party: (has_political && v.political.is_some()).then(|| is_party_member(tables.so(v.political))),
                unit_type: opt(v.unit_type),
                annual_hours: v.annual_hours,
                cumulative_hours: v.cumulative_hours,
            })
        })
        .collect();
    let keyless = codes.iter().filter(|c| c.is_none()).count();
    if keyless > 0 {
        findings.push(Finding::file(
            "",
            FindingKind::TownReport,
            Severity::Warning,
            format!("名册中有 {keyless} 行没有证件号码、志愿者编号或姓名，无法编码，未写入报送文件（本站评分中同样未计入）。"),
            format!("{keyless} roster rows have no ID number, volunteer number or name and cannot be coded; left out of the report file (they are not counted here either)."),
        ));
    }

    // Hours that count: in the year, on or before the as-of date, hours in range; by the
    // code of the volunteer matched here, else of the record's own key.
    let matches = Matches::new(tables, year);
    let mut sums: BTreeMap<(String, u32, Option<String>), (usize, f64)> = BTreeMap::new();
    for (ri, r) in tables.records.iter().enumerate() {
        let Some(of) = matches.volunteer_of(ri) else { continue };
        if r.date > as_of {
            continue;
        }
        let code = match of {
            Some(vi) => codes.get(vi).cloned().flatten(),
            None => record_code(tables, r, key),
        };
        let k = (code.unwrap_or_default(), r.date.month(), opt(r.station));
        let next = sums.len();
        let e = sums.entry(k).or_insert((next, 0.0));
        e.1 += r.hours;
    }
    // in the order first met, as the records were
    let mut hours: Vec<(usize, MonthHours)> = sums
        .into_iter()
        .map(|((code, month, station), (order, hours))| (order, MonthHours { code, month, hours, station }))
        .collect();
    hours.sort_by_key(|(order, _)| *order);

    let activities = tables
        .activities
        .iter()
        .map(|a| ReportActivity {
            name: opt(a.name),
            date: a.date,
            station: opt(a.station),
            theme: opt(a.theme),
            team: opt(a.team),
            holiday: opt(a.holiday),
            participants: a.participants,
            materials: a.materials,
        })
        .collect();
    let trainings = tables
        .trainings
        .iter()
        .map(|t| ReportTraining {
            date: t.date,
            topic: opt(t.topic),
            stations: t.stations.iter().map(|s| tables.s(*s).to_string()).collect(),
            kind: opt(t.kind),
            participants: t.participants,
        })
        .collect();
    let mut roles: Vec<Role> = tables.sources.iter().map(|s| s.role).collect();
    roles.sort();
    roles.dedup();
    let present = tables
        .present
        .iter()
        .copied()
        .filter(|(role, f)| *role == Role::Activities || *role == Role::Trainings || !PERSONAL.contains(f))
        .collect();
    let station = match ctx.organisation.trim() {
        "" => station_names(tables).join("、"),
        s => s.to_string(),
    };
    let file = ReportFile {
        schema: SCHEMA.into(),
        schema_version: SCHEMA_VERSION,
        made_by: scorecard_model::made_by(),
        station,
        profile: ctx.profile.clone(),
        year,
        as_of,
        kdf: Kdf::default(),
        check: key.check(),
        context: Context { as_of: Some(as_of), ..ctx.clone() },
        roles,
        present,
        volunteers,
        hours: hours.into_iter().map(|(_, h)| h).collect(),
        activities,
        trainings,
        seal: String::new(),
    };
    (file, findings)
}

/// The stations named in the data (roster first), in order of first appearance.
fn station_names(tables: &Tables) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = tables
        .volunteers
        .iter()
        .map(|v| v.station)
        .chain(tables.activities.iter().map(|a| a.station))
        .chain(tables.records.iter().map(|r| r.station))
        .flatten();
    for s in all {
        let s = tables.s(s);
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// The file name a report file is saved under: `报送_<station>_<year>年截至<m>月<d>日.json`.
pub fn file_name(file: &ReportFile) -> String {
    let station: String = file
        .station
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .take(40)
        .collect();
    format!("报送_{station}_{}年截至{}月{}日.json", file.year, file.as_of.month(), file.as_of.day())
}
