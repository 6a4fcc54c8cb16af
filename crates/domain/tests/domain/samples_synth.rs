//! Synthetic sample data: determinism, validity of every row, facts that agree with each
//! other, and read-back of the written workbooks (clean and messy) and CSVs through
//! calamine and encoding_rs with parsers written here (independent of the generator).

use crate::support::d;
use calamine::{open_workbook_from_rs, Data, DataType, Range, Reader, Xlsx};
use chrono::{Datelike, NaiveDate, Weekday};
use scorecard_domain::model::{Field, Role};
use scorecard_domain::samples::vocab::CORPS;
use scorecard_domain::samples::{
    data_workbook, header_label, synth_csv, synth_rows, synth_workbook, Encoding, SampleRow, Style, Synth, SynthData,
    SynthSpec, VolunteerRow,
};
use scorecard_domain::tags::{default_teams, default_themes, split_cell};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Cursor;

const YEAR: i32 = 2017;

fn spec() -> SynthSpec {
    SynthSpec::demo(YEAR, 42)
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// GB 11643 written out again here, so the test does not trust the generator's own.
fn id_ok(id: &str) -> bool {
    let b = id.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = b[..17].iter().zip(w).map(|(c, w)| u32::from(c - b'0') * w).sum();
    b[17] == b"10X98765432"[(sum % 11) as usize]
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let s = SynthSpec { volunteers: 200, records: 1000, ..spec() };
    assert_eq!(synth_rows(s), synth_rows(s));
    for style in [Style::Clean, Style::Messy] {
        let a = synth_workbook(s, style).unwrap();
        let b = synth_workbook(s, style).unwrap();
        assert_eq!(hash(&a), hash(&b), "{style:?}");
        let c = synth_workbook(SynthSpec { seed: 43, ..s }, style).unwrap();
        assert_ne!(hash(&a), hash(&c), "{style:?}");
    }
    let data = synth_rows(s);
    assert_eq!(hash(&synth_csv(&data.records, Encoding::Gbk)), hash(&synth_csv(&data.records, Encoding::Gbk)));
}

#[test]
fn tables_do_not_disturb_each_other_and_records_stream_as_a_prefix() {
    let long = Synth::new(SynthSpec { records: 1000, ..spec() });
    let short = Synth::new(SynthSpec { records: 100, ..spec() });
    assert_eq!(long.volunteers(), short.volunteers());
    assert_eq!(long.activities(), short.activities());
    assert_eq!(long.trainings(), short.trainings());
    let a: Vec<_> = long.records().take(100).collect();
    let b: Vec<_> = short.records().collect();
    assert_eq!(a, b);
    assert_eq!(long.records().count(), 1000);
}

#[test]
fn every_row_is_valid() {
    let data = synth_rows(spec());
    assert_eq!(data.stations.len(), 6);
    assert_eq!(data.volunteers.len(), 600);
    assert_eq!(data.records.len(), 6000);
    assert_eq!(data.activities.len(), 144);
    assert_eq!(data.trainings.len(), 24);
    let stations: BTreeSet<&str> = data.stations.iter().map(String::as_str).collect();
    assert_eq!(stations.len(), 6);

    let (first, last) = (d(YEAR, 1, 1), d(YEAR, 12, 31));
    let mut ids = BTreeSet::new();
    let mut numbers = BTreeSet::new();
    for v in &data.volunteers {
        assert!(id_ok(&v.id_number), "bad ID {}", v.id_number);
        assert!(ids.insert(v.id_number.clone()), "ID twice: {}", v.id_number);
        assert!(numbers.insert(v.number.clone()), "number twice: {}", v.number);
        assert!(v.number.len() == 15 && v.number.bytes().all(|b| b.is_ascii_digit()));
        let gender_digit = v.id_number.as_bytes()[16] - b'0';
        assert_eq!(v.gender, if gender_digit % 2 == 1 { "男" } else { "女" }, "{}", v.id_number);
        let birth = NaiveDate::parse_from_str(&v.id_number[6..14], "%Y%m%d").unwrap();
        assert!(birth >= d(1950, 1, 1) && birth <= d(YEAR - 16, 12, 31), "{birth}");
        assert!(v.phone.len() == 11 && ["13", "15", "18"].contains(&&v.phone[..2]), "{}", v.phone);
        assert!(v.phone.bytes().all(|b| b.is_ascii_digit()));
        assert!(v.registered_on >= d(2010, 1, 1) && v.registered_on <= last);
        assert!(v.registered_on >= birth, "{}", v.id_number);
        assert!(stations.contains(v.station.as_str()));
        let n = v.name.chars().count();
        assert!((2..=3).contains(&n), "{}", v.name);
        assert!(v.cumulative_hours >= v.annual_hours && v.annual_hours >= 0.0);
    }
    let by_no: HashMap<&str, &VolunteerRow> = data.volunteers.iter().map(|v| (v.number.as_str(), v)).collect();
    let mut weekend = 0;
    for r in &data.records {
        assert!(r.date >= first && r.date <= last, "{}", r.date);
        assert!(r.hours > 0.0 && r.hours <= 24.0);
        assert!(r.hours >= 0.5 && r.hours <= 8.0 && (r.hours * 2.0).fract() == 0.0, "{}", r.hours);
        let v = by_no[r.volunteer_no.as_str()];
        assert!(r.date >= v.registered_on, "served before registering");
        assert_eq!(
            (r.name.as_str(), r.id_number.as_str(), r.phone.as_str(), r.station.as_str()),
            (v.name.as_str(), v.id_number.as_str(), v.phone.as_str(), v.station.as_str())
        );
        assert!(!r.activity.is_empty());
        if matches!(r.date.weekday(), Weekday::Sat | Weekday::Sun) {
            weekend += 1;
        }
    }
    // 2 of 7 days are weekend days; weighted dates put far more than 2/7 of service there
    assert!(weekend * 100 / data.records.len() > 40, "{weekend}");

    let theme_names: BTreeSet<String> = default_themes().tags.into_iter().map(|t| t.name).collect();
    let team_names: BTreeSet<String> = default_teams().tags.into_iter().map(|t| t.name).collect();
    for a in &data.activities {
        assert!(a.date >= first && a.date <= last);
        assert!(stations.contains(a.station.as_str()));
        assert!(split_cell(&a.theme).iter().all(|t| theme_names.contains(*t)), "{}", a.theme);
        // a team kind of X7 and/or one of 乡镇2021's seven colour teams
        assert!(split_cell(&a.team).iter().all(|t| team_names.contains(*t) || CORPS.contains(t)), "{}", a.team);
        assert!(a.team.is_empty() || CORPS.iter().any(|c| a.team.ends_with(c)), "{}", a.team);
        assert!((5..=60).contains(&a.participants));
    }
    // distinct: a station never has two activities of the same name on one day
    let keys: BTreeSet<(&str, NaiveDate, &str)> =
        data.activities.iter().map(|a| (a.station.as_str(), a.date, a.name.as_str())).collect();
    assert_eq!(keys.len(), data.activities.len());
    for t in &data.trainings {
        assert!(t.date >= first && t.date <= last);
        assert!((1..=3).contains(&t.stations.len()));
        let distinct: BTreeSet<&String> = t.stations.iter().collect();
        assert_eq!(distinct.len(), t.stations.len());
        assert!(t.stations.iter().all(|s| stations.contains(s.as_str())));
        assert!(["骨干", "专业", "网络文明传播", "通用"].contains(&t.kind.as_str()));
    }
    // about 30 % party members; most but not all volunteers serve
    let party = data.party_members() * 100 / data.volunteers.len();
    assert!((24..=36).contains(&party), "{party} %");
    let serving = data.volunteers_with_records() * 100 / data.volunteers.len();
    assert!((65..=85).contains(&serving), "{serving} %");
}

#[test]
fn demo_town_meets_the_per_period_rules_by_construction() {
    let data = synth_rows(spec());
    // two activities a month and at least one training a quarter at every station
    let mut per_month: BTreeMap<(&str, u32), usize> = BTreeMap::new();
    for a in &data.activities {
        *per_month.entry((a.station.as_str(), a.date.month())).or_default() += 1;
    }
    assert_eq!(per_month.len(), 6 * 12);
    assert!(per_month.values().all(|&n| n == 2), "{per_month:?}");
    let mut per_quarter: BTreeSet<(&str, u32)> = BTreeSet::new();
    for t in &data.trainings {
        for s in &t.stations {
            per_quarter.insert((s.as_str(), t.date.month0() / 3));
        }
    }
    assert_eq!(per_quarter.len(), 6 * 4);
    assert!(data.trainings.iter().any(|t| t.stations.len() > 1), "some joint training");
    assert!(data.activities.iter().any(|a| !a.holiday.is_empty()), "some holiday activity");
    assert!(data.activities.iter().any(|a| a.theme.is_empty()), "some blank theme cell");
}

#[test]
fn facts_agree_with_each_other() {
    let data = synth_rows(spec());
    let by_station = data.hours_by_station();
    let total: f64 = by_station.values().sum();
    assert_eq!(total, data.total_hours());
    assert!(total > 0.0);
    // the roster's 年度服务时长 is the sum of the records (another path to the same hours)
    let mut roster_by_station: BTreeMap<String, f64> = BTreeMap::new();
    for v in &data.volunteers {
        *roster_by_station.entry(v.station.clone()).or_default() += v.annual_hours;
    }
    roster_by_station.retain(|_, h| *h > 0.0);
    assert_eq!(roster_by_station, by_station);
    let by_volunteer = data.hours_by_volunteer();
    for v in &data.volunteers {
        assert_eq!(by_volunteer.get(&v.number).copied().unwrap_or(0.0), v.annual_hours, "{}", v.number);
    }
    assert_eq!(data.volunteers_by_station().values().sum::<usize>(), 600);
    assert_eq!(data.records_by_station().values().sum::<usize>(), 6000);
    assert_eq!(data.activities_by_station().values().sum::<usize>(), 144);
    let joint: usize = data.trainings.iter().map(|t| t.stations.len()).sum();
    assert_eq!(data.trainings_by_station().values().sum::<usize>(), joint);
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("opens with calamine")
}

/// Column index of each header text in row `row` (absolute, 0-based) of a range.
fn columns(range: &Range<Data>, row: u32) -> HashMap<String, usize> {
    let (_, w) = range.get_size();
    (0..w).filter_map(|c| range.get_value((row, c as u32)).map(|v| (v.to_string(), c))).collect()
}

fn cell(range: &Range<Data>, row: u32, col: usize) -> &Data {
    range.get_value((row, col as u32)).unwrap_or(&Data::Empty)
}

/// A date cell in any form the samples write: an Excel date or date-time, or text as
/// 2017-06-12, 2017/6/12, 2017年6月12日, 2017.6.12, 2017-06-12 09:30.
fn read_date(c: &Data) -> NaiveDate {
    match c {
        Data::DateTime(x) => x.as_datetime().unwrap().date(),
        Data::String(s) => {
            let day = s.split(' ').next().unwrap().replace(['年', '月', '/', '.'], "-").replace('日', "");
            let p: Vec<u32> = day.split('-').map(|x| x.parse().unwrap()).collect();
            d(p[0] as i32, p[1], p[2])
        }
        other => panic!("not a date: {other:?}"),
    }
}

/// Hours in any form the samples write: a number, 2.5小时, 150分钟, 2小时30分.
fn read_hours(c: &Data) -> f64 {
    match c {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        Data::String(s) => {
            if let Some(m) = s.strip_suffix("分钟") {
                m.parse::<f64>().unwrap() / 60.0
            } else {
                let (h, rest) = s.split_once("小时").unwrap();
                let m = rest.strip_suffix('分').map(|m| m.parse::<f64>().unwrap()).unwrap_or(0.0);
                h.parse::<f64>().unwrap() + m / 60.0
            }
        }
        other => panic!("not hours: {other:?}"),
    }
}

#[test]
fn clean_workbook_reads_back_with_the_same_rows_and_totals() {
    let data = synth_rows(spec());
    let mut wb = open(synth_workbook(spec(), Style::Clean).unwrap());
    assert_eq!(wb.sheet_names(), ["志愿者名册", "服务记录", "活动记录", "培训记录"]);

    let roster = wb.worksheet_range("志愿者名册").unwrap();
    let header: Vec<String> = (0..10).map(|c| cell(&roster, 0, c).to_string()).collect();
    let want: Vec<&str> = VolunteerRow::COLUMNS.iter().map(|f| header_label(VolunteerRow::ROLE, *f)).collect();
    assert_eq!(header, want);
    assert_eq!(roster.height(), 1 + 600);
    let col = columns(&roster, 0);
    let mut station_of = HashMap::new();
    let mut per_station: BTreeMap<String, usize> = BTreeMap::new();
    for (i, v) in data.volunteers.iter().enumerate() {
        let r = 1 + i as u32;
        // IDs and numbers come back as the same text, never as numbers
        assert_eq!(cell(&roster, r, col["证件号码"]), &Data::String(v.id_number.clone()));
        assert_eq!(cell(&roster, r, col["志愿者编号"]), &Data::String(v.number.clone()));
        assert_eq!(cell(&roster, r, col["手机号码"]), &Data::String(v.phone.clone()));
        assert_eq!(read_date(cell(&roster, r, col["注册日期"])), v.registered_on);
        assert!(matches!(cell(&roster, r, col["注册日期"]), Data::DateTime(_)), "real Excel dates");
        let station = cell(&roster, r, col["所属站点"]).to_string();
        *per_station.entry(station.clone()).or_default() += 1;
        station_of.insert(cell(&roster, r, col["志愿者编号"]).to_string(), station);
    }
    assert_eq!(per_station, data.volunteers_by_station());

    // hours per station: records read back, joined to the roster read back by 志愿者编号
    let records = wb.worksheet_range("服务记录").unwrap();
    assert_eq!(records.height(), 1 + 6000);
    // the clean records sheet has exactly the template's columns, in its order
    let header: Vec<String> = (0..8).map(|c| cell(&records, 0, c).to_string()).collect();
    let template: Vec<&str> = Role::Records.template_fields().iter().map(|f| header_label(Role::Records, *f)).collect();
    assert_eq!(header, template);
    let col = columns(&records, 0);
    let mut hours: BTreeMap<String, f64> = BTreeMap::new();
    for (i, rec) in data.records.iter().enumerate() {
        let r = 1 + i as u32;
        assert!(matches!(cell(&records, r, col["服务日期"]), Data::DateTime(_)));
        assert_eq!(read_date(cell(&records, r, col["服务日期"])), rec.date);
        let h = cell(&records, r, col["服务时长"]).get_float().unwrap();
        *hours.entry(station_of[&cell(&records, r, col["志愿者编号"]).to_string()].clone()).or_default() += h;
    }
    assert_eq!(hours, data.hours_by_station());

    let activities = wb.worksheet_range("活动记录").unwrap();
    assert_eq!(activities.height(), 1 + 144);
    let col = columns(&activities, 0);
    for (i, a) in data.activities.iter().enumerate() {
        let r = 1 + i as u32;
        assert_eq!(cell(&activities, r, col["活动名称"]).to_string(), a.name);
        assert_eq!(cell(&activities, r, col["方案"]).to_string(), if a.plan { "是" } else { "否" });
        assert_eq!(cell(&activities, r, col["活动主题"]).to_string(), a.theme);
    }
    let trainings = wb.worksheet_range("培训记录").unwrap();
    assert_eq!(trainings.height(), 1 + 24);
    let col = columns(&trainings, 0);
    let mut per_station: BTreeMap<String, usize> = BTreeMap::new();
    for r in 1..=24 {
        for s in cell(&trainings, r, col["所属站点"]).to_string().split('、') {
            *per_station.entry(s.to_string()).or_default() += 1;
        }
    }
    assert_eq!(per_station, data.trainings_by_station());
}

#[test]
fn messy_workbook_looks_like_an_export_and_still_holds_the_same_facts() {
    let data = synth_rows(spec());
    let mut wb = open(synth_workbook(spec(), Style::Messy).unwrap());
    assert_eq!(wb.sheet_names(), ["注册志愿者", "服务时长明细", "活动台账", "Sheet4"]);

    // roster: title merged across, blank row, two header rows with 基本信息 over 姓名…证件号码
    let roster = wb.worksheet_range("注册志愿者").unwrap();
    assert_eq!(cell(&roster, 0, 0).to_string(), format!("{}注册志愿者名册", data.town));
    assert!((0..11).all(|c| cell(&roster, 1, c).is_empty()), "row 2 is blank");
    assert_eq!(cell(&roster, 2, 2).to_string(), "基本信息");
    assert_eq!(cell(&roster, 2, 9).to_string(), "服务情况");
    let sub: Vec<String> = (2..5).map(|c| cell(&roster, 3, c).to_string()).collect();
    assert_eq!(sub, ["姓名", "性别", "身份证号码"]);
    assert_eq!(cell(&roster, 2, 1).to_string(), "志愿者编号");
    let merged = wb.merge_cells_by_sheet_name("注册志愿者").unwrap();
    let spans: BTreeSet<((u32, u32), (u32, u32))> = merged.iter().map(|m| (m.start, m.end)).collect();
    assert!(spans.contains(&((0, 0), (0, 10))), "title merged across: {spans:?}");
    assert!(spans.contains(&((2, 2), (2, 4))), "基本信息 over three columns");
    assert!(spans.contains(&((2, 1), (3, 1))), "志愿者编号 over both header rows");
    // data rows 5…604, then 合计 with the hours of the year
    assert_eq!(cell(&roster, 4 + 600, 0).to_string(), "合计");
    let annual: f64 = (4..4 + 600).map(|r| read_hours(cell(&roster, r, 9))).sum();
    assert_eq!(annual, data.total_hours());
    assert_eq!(cell(&roster, 604, 9).get_float(), Some(data.total_hours()));

    // records: every date and hour, whatever its spelling, reads back to the row's value
    let records = wb.worksheet_range("服务时长明细").unwrap();
    assert_eq!(cell(&records, 2, 1).to_string(), "志愿者信息");
    let col = columns(&records, 3);
    let (date_col, hours_col) = (col["服务时间"], col["服务时长"]);
    let mut forms = BTreeSet::new();
    let mut total = 0.0;
    for (i, rec) in data.records.iter().enumerate() {
        let r = 4 + i as u32;
        assert_eq!(cell(&records, r, 0).get_float(), Some((i + 1) as f64), "序号");
        let c = cell(&records, r, date_col);
        assert_eq!(read_date(c), rec.date, "row {r}: {c:?}");
        forms.insert(match c {
            Data::DateTime(_) => "excel",
            Data::String(s) if s.contains('年') => "年月日",
            Data::String(s) if s.contains('/') => "slash",
            Data::String(s) if s.contains(' ') => "with time",
            Data::String(s) if s.contains('.') => "dot",
            _ => "iso",
        });
        let h = read_hours(cell(&records, r, hours_col));
        assert!((h - rec.hours).abs() < 1e-9, "row {r}");
        total += h;
    }
    assert_eq!(forms.len(), 6, "{forms:?}");
    assert!((total - data.total_hours()).abs() < 1e-6);
    assert_eq!(cell(&records, 4 + 6000, 0).to_string(), "合计");
    assert_eq!(cell(&records, 4 + 6000, hours_col).get_float(), Some(data.total_hours()));

    // activities: yes/no in every spelling; trainings: one header row under the title
    let acts = wb.worksheet_range("活动台账").unwrap();
    let col = columns(&acts, 3);
    for (i, a) in data.activities.iter().enumerate() {
        let v = cell(&acts, 4 + i as u32, col["方案"]).to_string();
        assert_eq!(["是", "有", "Y", "✓", "1"].contains(&v.as_str()), a.plan, "{v}");
    }
    let trainings = wb.worksheet_range("Sheet4").unwrap();
    let col = columns(&trainings, 2);
    assert!(col.contains_key("培训日期") && col.contains_key("参训人数"));
    let mut per_station: BTreeMap<String, usize> = BTreeMap::new();
    for r in 3..3 + 24 {
        let text = cell(&trainings, r, col["所属站点"]).to_string();
        for s in split_cell(&text) {
            *per_station.entry(s.to_string()).or_default() += 1;
        }
    }
    assert_eq!(per_station, data.trainings_by_station());
}

#[test]
fn csv_in_every_encoding_holds_the_same_text() {
    let data = synth_rows(spec());
    let utf8 = synth_csv(&data.records, Encoding::Utf8);
    let bom = synth_csv(&data.records, Encoding::Utf8Bom);
    let gbk = synth_csv(&data.records, Encoding::Gbk);
    assert_eq!(&bom[..3], b"\xEF\xBB\xBF");
    assert_eq!(&bom[3..], &utf8[..]);
    let (text, _, had_errors) = encoding_rs::GBK.decode(&gbk);
    assert!(!had_errors);
    let utf8 = String::from_utf8(utf8).unwrap();
    assert_eq!(text, utf8);
    assert_ne!(gbk, utf8.as_bytes());
    let lines: Vec<&str> = utf8.split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 6000 + 1, "header, rows, and the empty piece after the last CRLF");
    assert_eq!(lines[0], "志愿者编号,证件号码,姓名,手机号码,活动名称,服务日期,服务时长,所属站点");
    let total: f64 = lines[1..=6000].iter().map(|l| l.split(',').nth(6).unwrap().parse::<f64>().unwrap()).sum();
    assert_eq!(total, data.total_hours());
    let dates_ok =
        lines[1..=6000].iter().zip(&data.records).all(|(l, r)| l.split(',').nth(5).unwrap() == r.date.to_string());
    assert!(dates_ok);

    // the other tables, in GBK (· and all names survive)
    for bytes in [
        synth_csv(&data.volunteers, Encoding::Gbk),
        synth_csv(&data.activities, Encoding::Gbk),
        synth_csv(&data.trainings, Encoding::Gbk),
    ] {
        let (_, _, had_errors) = encoding_rs::GBK.decode(&bytes);
        assert!(!had_errors);
    }
    let trainings = String::from_utf8(synth_csv(&data.trainings, Encoding::Utf8)).unwrap();
    assert!(trainings.starts_with("培训日期,培训主题,所属站点,培训类型,参训人数\r\n"));
    assert!(trainings.contains('、'), "a joint training names several stations");
}

#[test]
fn edited_rows_are_written_as_edited() {
    // tests of import plant bad cells this way
    let mut data: SynthData = synth_rows(SynthSpec { volunteers: 5, records: 5, ..spec() });
    data.records[0].hours = 30.0;
    let mut wb = open(data_workbook(&data, Style::Clean).unwrap());
    let records = wb.worksheet_range("服务记录").unwrap();
    let col = columns(&records, 0);
    assert_eq!(cell(&records, 1, col[header_label(Role::Records, Field::Hours)]).get_float(), Some(30.0));
}

#[test]
fn odd_specs_give_fewer_rows_never_a_panic() {
    let empty = synth_rows(SynthSpec { year: i32::MAX, ..spec() });
    assert!(empty.volunteers.is_empty() && empty.records.is_empty() && empty.activities.is_empty());
    let old = synth_rows(SynthSpec { year: 1800, ..spec() });
    assert_eq!(old.volunteers.len(), 600);
    assert!(old.records.iter().all(|r| r.date.year() == 1800));
    assert!(old.volunteers.iter().all(|v| v.registered_on.year() <= 1800 && id_ok(&v.id_number)));
    let nobody = synth_rows(SynthSpec { volunteers: 0, ..spec() });
    assert!(nobody.records.is_empty());
    assert_eq!(nobody.activities.len(), 144);
    let no_station = synth_rows(SynthSpec { stations: 0, ..spec() });
    assert_eq!(no_station.stations.len(), 1);
    let many = synth_rows(SynthSpec { stations: 40, volunteers: 100, records: 10, ..spec() });
    assert_eq!(many.stations.len(), 40);
    assert!(many.stations.contains(&"第40社区".to_string()));
    let distinct: BTreeSet<&String> = many.stations.iter().collect();
    assert_eq!(distinct.len(), 40);
    assert!(synth_workbook(SynthSpec { year: i32::MAX, ..spec() }, Style::Messy).is_ok());
}
