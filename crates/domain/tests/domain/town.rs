//! 汇总报送: the town's scorecard from its stations' report files equals the scorecard of
//! their raw files imported together, for every built-in town profile; report files hold
//! nothing personal; every file the town cannot count says why.

use crate::support::import_all;
use chrono::{Datelike, NaiveDate};
use scorecard_domain::export::pack;
use scorecard_domain::import::{ImportError, ImportOptions};
use scorecard_domain::profile::builtin;
use scorecard_domain::report_file::{Passkey, ReportFile, ReportProblem, TownOptions};
use scorecard_domain::samples::{data_workbook, demo_context, demo_spec, synth_rows, Style, SynthData};
use scorecard_domain::score::{score, Scorecard};
use scorecard_domain::{Context, Level};
use serde_json::Value;
use std::sync::OnceLock;

const YEAR: i32 = 2017;
const PASSPHRASE: &str = "示例镇-2017-报送口令";
const TOWN_PROFILES: [&str; 5] = ["xindu2017-town", "town2021", "civilised-city", "guangan2015", "meilie2017"];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR + 1, 1, 15).unwrap()
}

fn key() -> &'static Passkey {
    static KEY: OnceLock<Passkey> = OnceLock::new();
    KEY.get_or_init(|| Passkey::derive(PASSPHRASE))
}

fn demo() -> &'static SynthData {
    static DATA: OnceLock<SynthData> = OnceLock::new();
    DATA.get_or_init(|| synth_rows(demo_spec(YEAR)))
}

/// Each station's raw workbook, as a station clerk has it (title rows, merged headers).
fn station_files(data: &SynthData) -> Vec<(String, Vec<u8>)> {
    data.stations
        .iter()
        .map(|s| (format!("{s}志愿服务台账.xlsx"), data_workbook(&data.station(s), Style::Messy).unwrap()))
        .collect()
}

fn station_ctx(station: &str, profile: &str, as_of: NaiveDate) -> Context {
    Context {
        organisation: station.into(),
        level: Level::Station,
        profile: profile.into(),
        year: YEAR,
        as_of: Some(as_of),
        ..Context::default()
    }
}

/// A station's report file from its raw files.
fn pack_files(files: &[(String, Vec<u8>)], station: &str, profile: &str, as_of: NaiveDate, key: &Passkey) -> String {
    let imported = import_all(files, &ImportOptions::default());
    let (file, _findings) = pack(&imported.tables, &station_ctx(station, profile, as_of), key, today());
    file.write(key)
}

fn town_ctx(profile: &str, as_of: NaiveDate) -> Context {
    Context { profile: profile.into(), as_of: Some(as_of), ..demo_context(YEAR) }
}

fn town_opts(ctx: &Context, passphrase: &str) -> ImportOptions {
    ImportOptions {
        town: Some(TownOptions {
            passphrase: Some(passphrase.into()),
            profile: ctx.profile.clone(),
            year: ctx.year,
            as_of: ctx.as_of,
            stations: ctx.stations.clone(),
        }),
        ..ImportOptions::default()
    }
}

/// What must be equal of a result: everything but the rows behind it and the people
/// named (codes at the town, names at the station), whose count is compared instead.
fn essentials(card: &Scorecard) -> Vec<(String, Value)> {
    fn strip(v: &mut Value) {
        if let Value::Object(m) = v {
            m.remove("rows");
            m.remove("at"); // a row reference: the report file's row, not the workbook's
                            // people listed by name at the station are codes at the town: keep what follows
            for k in ["missing", "missing_en"] {
                if let Some(Value::Array(items)) = m.get_mut(k) {
                    for it in items.iter_mut() {
                        if let Some(t) = it.as_str() {
                            let cut = t.find(['（', '(']).unwrap_or(0);
                            *it = Value::String(format!("…{}", &t[cut..]));
                        }
                    }
                }
            }
            if let Some(Value::Array(short)) = m.remove("short") {
                m.insert("short_count".into(), short.len().into());
            }
            for (_, x) in m.iter_mut() {
                strip(x);
            }
        } else if let Value::Array(a) = v {
            a.iter_mut().for_each(strip);
        }
    }
    card.indicators
        .iter()
        .map(|i| {
            let mut v = serde_json::to_value(i).unwrap();
            strip(&mut v);
            (i.id.clone(), v)
        })
        .collect()
}

/// Where two JSON values first differ, with both sides.
fn first_difference(a: &Value, b: &Value, path: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| {
                first_difference(
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    format!("{path}.{k}"),
                )
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (p, q))| first_difference(p, q, format!("{path}[{i}]")))
        }
        _ if a == b => None,
        _ => Some(format!("{path}: {} vs {}", short(a), short(b))),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 300 {
        s.chars().take(300).collect::<String>() + "…"
    } else {
        s
    }
}

fn assert_same(profile: &str, raw: &Scorecard, town: &Scorecard) {
    let (a, b) = (essentials(raw), essentials(town));
    assert_eq!(a.len(), b.len(), "{profile}: indicator count");
    for ((id, x), (_, y)) in a.iter().zip(&b) {
        if let Some(path) = first_difference(x, y, String::new()) {
            panic!("{profile} {id}: raw files vs report files differ at {path}");
        }
    }
    assert_eq!(raw.stations, town.stations, "{profile}: stations");
    assert_eq!(raw.hours_source, town.hours_source, "{profile}: hours source");
}

/// Each station's tables, imported once from its raw workbook.
fn station_tables() -> &'static Vec<(String, scorecard_domain::Tables)> {
    static T: OnceLock<Vec<(String, scorecard_domain::Tables)>> = OnceLock::new();
    T.get_or_init(|| {
        station_files(demo())
            .into_iter()
            .zip(&demo().stations)
            .map(|(f, s)| (s.clone(), import_all(&[f], &ImportOptions::default()).tables))
            .collect()
    })
}

/// The six stations' report files, each checked for personal data of the demo town.
fn report_files(profile: &str, as_of: NaiveDate) -> Vec<(String, Vec<u8>)> {
    station_tables()
        .iter()
        .map(|(s, tables)| {
            let (file, _) = pack(tables, &station_ctx(s, profile, as_of), key(), today());
            let text = file.write(key());
            assert_no_personal_data(&text, demo());
            (format!("报送_{s}.json"), text.into_bytes())
        })
        .collect()
}

/// Fails if a report file holds any ID number, phone number or name of the people in
/// `data`, in any of its texts (keys, values, numbers written as text).
fn assert_no_personal_data(text: &str, data: &SynthData) {
    fn texts(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::String(s) => {
                out.insert(s.clone());
            }
            Value::Number(n) => {
                out.insert(n.to_string());
            }
            Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
            Value::Object(m) => m.iter().for_each(|(k, x)| {
                out.insert(k.clone());
                texts(x, out)
            }),
            _ => {}
        }
    }
    let mut all = std::collections::BTreeSet::new();
    texts(&serde_json::from_str(text).unwrap(), &mut all);
    let personal: Vec<(&str, &str)> = data
        .volunteers
        .iter()
        .flat_map(|v| [("ID", v.id_number.as_str()), ("phone", v.phone.as_str()), ("name", v.name.as_str())])
        .chain(data.records.iter().flat_map(|r| [("ID", r.id_number.as_str()), ("name", r.name.as_str())]))
        .filter(|(_, v)| !v.is_empty())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for t in &all {
        for (what, value) in &personal {
            assert!(!t.contains(value), "a report file holds the {what} {value} (in \"{t}\")");
        }
    }
}

#[test]
fn six_stations_report_files_score_as_their_raw_files_under_every_town_profile() {
    let data = demo();
    assert_eq!(data.stations.len(), 6);
    let raw_files = station_files(data);
    let raw = import_all(&raw_files, &ImportOptions::default());
    for as_of in [NaiveDate::from_ymd_opt(YEAR, 12, 31).unwrap(), NaiveDate::from_ymd_opt(YEAR, 9, 20).unwrap()] {
        for profile_id in TOWN_PROFILES {
            let profile = builtin(profile_id).unwrap();
            let ctx = town_ctx(profile_id, as_of);
            let reports = report_files(profile_id, as_of);
            let town = import_all(&reports, &town_opts(&ctx, PASSPHRASE));
            assert!(town.all_read(), "{profile_id}: {:?}", town.files.iter().map(|f| &f.error).collect::<Vec<_>>());
            assert!(town.files.iter().all(|f| f.town_report.as_ref().is_some_and(|s| s.counted)));
            let raw_card = score(&profile, &ctx, &raw.tables, today());
            let town_card = score(&profile, &ctx, &town.tables, today());
            // the scorecard is not empty: it has met and unmet indicators with values
            assert!(raw_card.indicators.iter().any(|i| i.detail.value.is_some()), "{profile_id}");
            assert_same(&format!("{profile_id} as of {as_of}"), &raw_card, &town_card);
        }
    }
}

fn pack_data(data: &SynthData, profile: &str, as_of: NaiveDate, key: &Passkey) -> Vec<(String, Vec<u8>)> {
    station_files(data)
        .iter()
        .zip(&data.stations)
        .map(|(f, s)| {
            let text = pack_files(std::slice::from_ref(f), s, profile, as_of, key);
            assert_no_personal_data(&text, data);
            (format!("报送_{s}.json"), text.into_bytes())
        })
        .collect()
}

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, 12, 31).unwrap()
}

#[test]
fn volunteers_at_two_stations_count_once_reported_by_station_pair_and_raw_and_report_files_mix() {
    let mut data = demo().clone();
    let (a, b) = (data.stations[0].clone(), data.stations[1].clone());
    let of_a: Vec<_> = data
        .volunteers
        .iter()
        .filter(|v| v.station == a && data.records.iter().any(|r| r.id_number == v.id_number))
        .cloned()
        .collect();
    // five of A's volunteers are on B's roster too; a record each of theirs is kept at B
    for v in &of_a[..5] {
        data.volunteers.push(scorecard_domain::samples::VolunteerRow { station: b.clone(), ..v.clone() });
    }
    // three others of A served at B, whose roster does not have them: matched at the town
    let mut moved = std::collections::BTreeSet::new();
    for r in data.records.iter_mut() {
        if let Some(i) = of_a[..8].iter().position(|v| v.id_number == r.id_number) {
            if moved.insert(i) {
                r.station = b.clone();
            }
        }
    }
    assert_eq!(moved.len(), 8, "every chosen volunteer has a record to move");
    let profile_id = "xindu2017-town";
    let profile = builtin(profile_id).unwrap();
    let ctx = town_ctx(profile_id, end());
    let raw_files = station_files(&data);
    let raw = import_all(&raw_files, &ImportOptions::default());
    let reports = pack_data(&data, profile_id, end(), key());
    let town = import_all(&reports, &town_opts(&ctx, PASSPHRASE));
    let (raw_card, town_card) =
        (score(&profile, &ctx, &raw.tables, today()), score(&profile, &ctx, &town.tables, today()));
    assert_same("two stations", &raw_card, &town_card);
    // counted once: the demo's 600 volunteers, not 605
    let x1 = town_card.indicators.iter().find(|i| i.id == "X1").unwrap();
    assert_eq!(x1.detail.numerator, Some(600.0));
    // told per pair of stations, by count, never by person
    let pair: Vec<_> = town.findings.iter().filter(|f| f.kind == scorecard_domain::FindingKind::TownReport).collect();
    assert_eq!(pair.len(), 1, "{pair:?}");
    assert!(pair[0].message.contains(&format!("「{a}」和「{b}」的名册中有 5 名相同的志愿者")), "{}", pair[0].message);
    for v in &of_a[..5] {
        assert!(!pair[0].message.contains(&v.name));
    }

    // mixed: the town's own raw files for three stations, report files for the other three
    let mixed: Vec<(String, Vec<u8>)> = raw_files[..3].iter().cloned().chain(reports[3..].iter().cloned()).collect();
    let town = import_all(&mixed, &town_opts(&ctx, PASSPHRASE));
    assert!(town.all_read());
    assert_same("three raw + three report files", &raw_card, &score(&profile, &ctx, &town.tables, today()));
}

#[test]
fn every_file_the_town_cannot_count_says_why_and_the_others_still_count() {
    let profile_id = "xindu2017-town";
    let ctx = town_ctx(profile_id, end());
    let good = report_files(profile_id, end());
    let other_key = Passkey::derive("另一个镇的口令2017");
    let (s0, t0) = &station_tables()[0];
    let wrong_pass = pack(t0, &station_ctx(s0, profile_id, end()), &other_key, today()).0.write(&other_key);
    let other_profile = pack(t0, &station_ctx(s0, "guangan2015", end()), key(), today()).0.write(key());
    assert_no_personal_data(&wrong_pass, demo());
    assert_no_personal_data(&other_profile, demo());
    let text = String::from_utf8(good[0].1.clone()).unwrap();
    let tampered = text.replacen("\"hours\":2.0", "\"hours\":20.0", 1);
    assert_ne!(tampered, text, "the file has an hours entry to change");
    let newer = text.replacen("\"schema_version\":1", "\"schema_version\":2", 1);
    let broken = text.replacen("\"volunteers\"", "\"volunteerz\"", 1);
    let cases: Vec<(&str, String, ReportProblem, &str)> = vec![
        ("口令不对.json", wrong_pass, ReportProblem::WrongPassphrase, "这个报送文件使用了不同的口令"),
        ("方案不同.json", other_profile, ReportProblem::OtherProfile, "另一套考核方案"),
        ("改过的.json", tampered, ReportProblem::Tampered, "生成后被改动过"),
        ("新版本的.json", newer, ReportProblem::NewerSchema, "更新版本的自评台"),
        ("坏的.json", broken, ReportProblem::NotAReport, "不是本系统生成的报送文件"),
    ];
    for (name, text, problem, words) in cases {
        let mut files = good.clone();
        files.push((name.to_string(), text.into_bytes()));
        let town = import_all(&files, &town_opts(&ctx, PASSPHRASE));
        let bad = town.files.iter().find(|f| f.name == name).unwrap();
        match &bad.error {
            Some(ImportError::Report { problem: p, .. }) => assert_eq!(*p, problem, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
        assert!(
            bad.findings[0].message.contains(words) && bad.findings[0].message.contains(name),
            "{}",
            bad.findings[0].message
        );
        assert!(!bad.findings[0].message_en.is_empty());
        // nothing lost: the six good files still count, the town's figures unchanged
        assert_eq!(
            town.files.iter().filter(|f| f.town_report.as_ref().is_some_and(|s| s.counted)).count(),
            6,
            "{name}"
        );
        assert_eq!(town.tables.volunteers.len(), 600, "{name}");
    }
    // no passphrase given: each file says what to do
    let town = import_all(&good, &ImportOptions::default());
    assert!(town
        .files
        .iter()
        .all(|f| matches!(f.error, Some(ImportError::Report { problem: ReportProblem::NeedPassphrase, .. }))));
    assert!(town.findings[0].message.contains("输入口令"), "{}", town.findings[0].message);
}

#[test]
fn a_station_sends_one_file_a_month_and_the_town_keeps_the_latest() {
    let profile_id = "town2021";
    let profile = builtin(profile_id).unwrap();
    let sept = NaiveDate::from_ymd_opt(YEAR, 9, 30).unwrap();
    let ctx = town_ctx(profile_id, end());
    let (mut files, dec) = (report_files(profile_id, sept), report_files(profile_id, end()));
    // September's from every station, then December's from all but the last
    files.extend(dec[..5].iter().map(|(n, b)| (n.replace(".json", "_12月.json"), b.clone())));
    let town = import_all(&files, &town_opts(&ctx, PASSPHRASE));
    let counted: Vec<_> = town
        .files
        .iter()
        .filter_map(|f| f.town_report.as_ref().filter(|s| s.counted).map(|s| (f.name.clone(), s.as_of)))
        .collect();
    assert_eq!(counted.len(), 6);
    assert_eq!(counted.iter().filter(|(_, d)| *d == end()).count(), 5);
    let late = &demo().stations[5];
    assert!(counted.contains(&(format!("报送_{late}.json"), sept)));
    // the superseded files say so; the late station is named with its date
    let said: Vec<&str> = town.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(said.iter().filter(|m| m.contains("以最新的一份为准")).count(), 5, "{said:?}");
    assert!(
        said.iter().any(|m| m.contains(&format!("「{late}」的报送截至 2017年9月30日，本镇截至 2017年12月31日"))),
        "{said:?}"
    );

    // the monthly replay of the latest files equals the raw files' replay, month by month
    let all_dec = import_all(&dec, &town_opts(&ctx, PASSPHRASE));
    let raw = import_all(&station_files(demo()), &ImportOptions::default());
    let replay = |t: &scorecard_domain::Tables| {
        serde_json::to_value(scorecard_domain::score::insights::replay::monthly_replay(&profile, &ctx, t, today()))
            .unwrap()
    };
    let (r, t) = (replay(&raw.tables), replay(&all_dec.tables));
    assert_eq!(r["months"].as_array().unwrap().len(), 12);
    assert_eq!(first_difference(&r, &t, String::new()), None);
}

#[test]
fn a_report_file_lists_codes_hours_and_activities_and_reads_back_equal() {
    let (s0, t0) = &station_tables()[0];
    let (file, findings) = pack(t0, &station_ctx(s0, "xindu2017-town", end()), key(), today());
    assert!(findings.is_empty(), "{findings:?}");
    let text = file.clone().write(key());
    assert!(text.starts_with("{\"schema\":\"volunteer-scorecard.report\""), "{}", &text[..60]);
    let back = scorecard_domain::report_file::Keys::new(Some(PASSPHRASE)).read(text.as_bytes()).unwrap();
    assert_eq!(ReportFile { seal: String::new(), ..back.clone() }, file);
    // the station's roster and its hours, by hand from the demo's rows
    let data = demo().station(s0);
    assert_eq!(back.volunteers.len(), data.volunteers.len());
    let hours: f64 = data.records.iter().filter(|r| r.date.year() == YEAR).map(|r| r.hours).sum();
    assert_eq!(back.hours.iter().map(|h| h.hours).sum::<f64>(), hours);
    assert_eq!(back.activities.len(), data.activities.len());
    assert!(back.volunteers.iter().all(|v| v.code.len() == 16 && v.code.chars().all(|c| c.is_ascii_hexdigit())));
    // the code is the keyed hash of the ID number: the same ID at another station, the same code
    let v0 = &data.volunteers[0];
    assert!(back.volunteers.iter().any(|v| v.code == key().code("id", &v0.id_number.to_uppercase())));
}

#[test]
fn stations_missing_or_of_another_year_are_named() {
    let profile_id = "xindu2017-town";
    let mut ctx = town_ctx(profile_id, end());
    ctx.stations = demo().stations.clone();
    let mut files = report_files(profile_id, end());
    let (absent, _) = files.pop().unwrap();
    // one station packed its data under 2016 (a year the town does not assess)
    let (s0, t0) = &station_tables()[0];
    let last_year = Context {
        year: YEAR - 1,
        as_of: NaiveDate::from_ymd_opt(YEAR - 1, 12, 31),
        ..station_ctx(s0, profile_id, end())
    };
    let old = pack(t0, &last_year, key(), today()).0.write(key());
    assert_no_personal_data(&old, demo());
    files[0] = (files[0].0.clone(), old.into_bytes());
    let town = import_all(&files, &town_opts(&ctx, PASSPHRASE));
    let said: Vec<&str> = town
        .findings
        .iter()
        .filter(|f| f.kind == scorecard_domain::FindingKind::TownReport)
        .map(|f| f.message.as_str())
        .collect();
    let missing = &demo().stations[5];
    assert!(absent.contains(missing.as_str()));
    assert!(said.iter().any(|m| m.starts_with(&format!("还没有收到这些站点的报送：{missing}。"))), "{said:?}");
    assert!(said.iter().any(|m| m.contains(&format!("「{s0}」的报送是 2016 年的，本镇考核的是 2017 年"))), "{said:?}");
    // and in English too
    assert!(town.findings.iter().any(|f| f.message_en.starts_with(&format!("No report file yet from: {missing}."))));
}

#[test]
fn a_stations_answers_about_itself_travel_with_its_report_and_its_answers_about_the_whole_do_not() {
    let profile_id = "xindu2017-town";
    let (s0, t0) = &station_tables()[0];
    let mut ctx = station_ctx(s0, profile_id, end());
    ctx.checklist.insert(format!("X10|{s0}|有队伍"), true);
    ctx.checklist.insert(format!("X10|{s0}|有阵地"), false);
    ctx.checklist.insert("X11|激励回馈".into(), true);
    let text = pack(t0, &ctx, key(), today()).0.write(key());
    let town =
        import_all(&[("报送.json".into(), text.into_bytes())], &town_opts(&town_ctx(profile_id, end()), PASSPHRASE));
    let summary = town.files[0].town_report.as_ref().unwrap();
    let want: std::collections::BTreeMap<String, bool> =
        [(format!("X10|{s0}|有队伍"), true), (format!("X10|{s0}|有阵地"), false)].into_iter().collect();
    assert_eq!(summary.checklist, want);
}

/// The per-station indicators of a scorecard (X4, X5, X6 … of the town profiles).
fn per_station(card: &Scorecard) -> Vec<&scorecard_domain::score::IndicatorResult> {
    card.indicators.iter().filter(|i| i.scope == scorecard_domain::profile::Scope::PerStation).collect()
}

#[test]
fn a_refused_file_names_its_station_at_the_top_and_in_every_per_station_indicator() {
    use scorecard_domain::score::Status;
    let profile_id = "xindu2017-town";
    let profile = builtin(profile_id).unwrap();
    let ctx = town_ctx(profile_id, end()); // no station list: the stations are the data's
    let stations = &demo().stations;
    let refused = &stations[5];
    let mut files = report_files(profile_id, end());
    let all = score(&profile, &ctx, &import_all(&files, &town_opts(&ctx, PASSPHRASE)).tables, today());
    assert!(all.missing_stations.is_empty(), "{:?}", all.missing_stations);
    let x4_all = all.indicators.iter().find(|i| i.id == "X4").unwrap();
    assert_eq!(x4_all.stations.len(), 6);

    // the last station's file made with another passphrase
    let other_key = Passkey::derive("另一个镇的口令2017");
    let (s5, t5) = &station_tables()[5];
    assert_eq!(s5, refused);
    let wrong = pack(t5, &station_ctx(s5, profile_id, end()), &other_key, today()).0.write(&other_key);
    files[5].1 = wrong.into_bytes();
    let town = import_all(&files, &town_opts(&ctx, PASSPHRASE));
    let card = score(&profile, &ctx, &town.tables, today());

    // named at the top, with why
    assert_eq!(card.missing_stations.len(), 1, "{:?}", card.missing_stations);
    let m = &card.missing_stations[0];
    assert_eq!(&m.station, refused);
    assert_eq!(m.reason, "报送文件被拒绝（口令不同）");
    assert_eq!(m.file.as_deref(), Some(files[5].0.as_str()));
    assert!(!m.reason_en.is_empty());
    // and so does the xlsx report's summary sheet
    {
        use calamine::Reader;
        let bytes = scorecard_domain::export::scorecard_xlsx(&card, &ctx, &profile, &town.tables, &[], None).unwrap();
        let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("汇总").unwrap();
        let cells: Vec<String> = sheet.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
        let at = cells.iter().position(|c| c == "未纳入评估的站点").expect("the summary names stations without data");
        assert!(cells[at..].iter().any(|c| c == refused), "{refused} named");
        assert!(cells[at..].iter().any(|c| c.starts_with("报送文件被拒绝（口令不同）。")));
    }

    // X4 does not say 5/5 met: it names the station and is not met
    let x4 = card.indicators.iter().find(|i| i.id == "X4").unwrap();
    assert_ne!(x4.detail.status, Status::Met);
    assert_eq!(x4.detail.target, Some(6.0), "six stations expected, not five");
    let gap = x4.detail.gap.as_deref().unwrap_or_default();
    assert!(gap.contains("未能评估：缺少 1 个站点的数据"), "{gap}");
    assert!(gap.contains(&format!("{refused}：报送文件被拒绝（口令不同）")), "{gap}");
    assert!(x4.detail.gap_en.as_deref().unwrap_or_default().contains(refused.as_str()));
    // every per-station indicator: the station is there, needing its file, and nothing is 达标
    let ps = per_station(&card);
    assert!(ps.len() >= 3, "{}", ps.len());
    for ind in ps {
        assert_ne!(ind.detail.status, Status::Met, "{}", ind.id);
        assert!(ind.detail.gap.as_deref().unwrap_or_default().contains(refused.as_str()), "{}", ind.id);
        let row = ind.stations.iter().find(|s| &s.station == refused).unwrap_or_else(|| panic!("{}", ind.id));
        assert_eq!(row.detail.status, Status::NeedsInput, "{}", ind.id);
        assert!(row.detail.gap.as_deref().unwrap_or_default().starts_with("未能评估"), "{}", ind.id);
        // the other stations' results are those of the full import
        let full = all.indicators.iter().find(|i| i.id == ind.id).unwrap();
        for s in stations.iter().take(5) {
            let a = full.stations.iter().find(|x| &x.station == s).unwrap();
            let b = ind.stations.iter().find(|x| &x.station == s).unwrap();
            assert_eq!(a.detail.status, b.detail.status, "{} {s}", ind.id);
        }
    }

    // a file whose station cannot be read at all is named by its file name
    let mut broken = files.clone();
    broken[5] =
        ("站点六的报送.json".into(), b"{\"schema\":\"volunteer-scorecard.report\",\"schema_version\":1,".to_vec());
    let card = score(&profile, &ctx, &import_all(&broken, &town_opts(&ctx, PASSPHRASE)).tables, today());
    assert_eq!(card.missing_stations.len(), 1, "{:?}", card.missing_stations);
    assert_eq!(card.missing_stations[0].station, "站点六的报送.json");
    assert!(card.missing_stations[0].reason.starts_with("报送文件被拒绝（"), "{}", card.missing_stations[0].reason);
}

#[test]
fn a_station_of_the_list_that_sent_nothing_is_not_assessed_as_failing_but_named() {
    use scorecard_domain::score::Status;
    let profile_id = "xindu2017-town";
    let profile = builtin(profile_id).unwrap();
    let mut ctx = town_ctx(profile_id, end());
    ctx.stations = demo().stations.clone();
    let mut files = report_files(profile_id, end());
    files.pop();
    let absent = &demo().stations[5];
    // and one sent with no passphrase typed in: every file refused, every station named
    let town = import_all(&files, &town_opts(&ctx, PASSPHRASE));
    let card = score(&profile, &ctx, &town.tables, today());
    assert_eq!(card.missing_stations.len(), 1, "{:?}", card.missing_stations);
    assert_eq!(&card.missing_stations[0].station, absent);
    assert_eq!(card.missing_stations[0].reason, "未收到报送文件");
    assert_eq!(card.missing_stations[0].file, None);
    assert!(per_station(&card).len() >= 3, "X4, X5, X6 … are per station");
    for ind in per_station(&card) {
        let row = ind.stations.iter().find(|s| &s.station == absent).unwrap();
        assert_eq!(row.detail.status, Status::NeedsInput, "{}: not 未达标, not assessed", ind.id);
        assert!(row.detail.gap.as_deref().unwrap_or_default().contains("未收到报送文件"), "{}", ind.id);
        assert_ne!(ind.detail.status, Status::Met, "{}", ind.id);
        assert!(
            ind.detail.gap.as_deref().unwrap_or_default().contains(&format!("{absent}：未收到报送文件")),
            "{}",
            ind.id
        );
    }

    let mut no_pass = town_opts(&ctx, PASSPHRASE);
    no_pass.town.as_mut().unwrap().passphrase = None;
    let card = score(&profile, &ctx, &import_all(&files, &no_pass).tables, today());
    let named: Vec<(&str, &str)> =
        card.missing_stations.iter().map(|m| (m.station.as_str(), m.reason.as_str())).collect();
    let mut want: Vec<(&str, &str)> =
        demo().stations[..5].iter().map(|s| (s.as_str(), "报送文件被拒绝（未输入口令）")).collect();
    want.push((absent.as_str(), "未收到报送文件"));
    assert_eq!(named, want);
}

/// True when `text` says "第 N 行" / "row N" of some number.
fn names_a_row(text: &str) -> bool {
    let re_zh = text.match_indices("第 ").any(|(i, _)| {
        let rest = &text[i + "第 ".len()..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        !digits.is_empty() && rest[digits.len()..].starts_with(" 行")
    });
    re_zh
        || text
            .to_lowercase()
            .match_indices("row ")
            .any(|(i, _)| text[i + 4..].starts_with(|c: char| c.is_ascii_digit()))
}

/// True when `text` holds a 16-hex-digit run (a volunteer's code in a report file).
fn shows_a_code(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= 16 {
            return true;
        }
    }
    false
}

#[test]
fn findings_on_report_file_rows_speak_of_the_station_never_of_rows_or_codes() {
    let mut data = demo().clone();
    let (a, b) = (data.stations[0].clone(), data.stations[1].clone());
    let of_a: Vec<_> = data.volunteers.iter().filter(|v| v.station == a).cloned().collect();
    // A's roster lists two of its volunteers twice; three of A's are on B's roster too
    data.volunteers.push(of_a[0].clone());
    data.volunteers.push(of_a[1].clone());
    for v in &of_a[2..5] {
        data.volunteers.push(scorecard_domain::samples::VolunteerRow { station: b.clone(), ..v.clone() });
    }
    // A has records of four people on nobody's roster (made-up numbers and IDs)
    let r0 = data.records.iter().find(|r| r.station == a).unwrap().clone();
    for k in 0..4u32 {
        data.records.push(scorecard_domain::samples::RecordRow {
            volunteer_no: format!("99999900000000{k}"),
            name: format!("测试甲{k}"),
            id_number: format!("11010119900101{:03}X", 900 + k),
            phone: String::new(),
            ..r0.clone()
        });
    }
    let profile_id = "xindu2017-town";
    let profile = builtin(profile_id).unwrap();
    let ctx = town_ctx(profile_id, end());
    let reports = pack_data(&data, profile_id, end(), key());
    let names: Vec<&str> = reports.iter().map(|(n, _)| n.as_str()).collect();
    let town = import_all(&reports, &town_opts(&ctx, PASSPHRASE));
    let card = score(&profile, &ctx, &town.tables, today());
    let on_reports: Vec<&scorecard_domain::Finding> =
        town.findings.iter().chain(&card.findings).filter(|f| names.contains(&f.file.as_str())).collect();
    for f in &on_reports {
        for text in [&f.message, &f.message_en] {
            assert!(!names_a_row(text), "a row number: {text}");
            assert!(!shows_a_code(text), "a code: {text}");
            assert!(!text.contains("请删除重复的一行"), "{text}");
        }
        assert_eq!(f.row, None, "{f:?}");
        assert!(!f.location_zh().contains(" 行"), "{}", f.location_zh());
    }
    // what A's file holds is said in the town's words, naming A and what to do
    let dup: Vec<_> =
        on_reports.iter().filter(|f| f.kind == scorecard_domain::FindingKind::DuplicateVolunteer).collect();
    assert_eq!(dup.len(), 1, "one finding for A's repeated rows: {dup:?}");
    assert!(dup[0].message.contains(&format!("「{a}」的报送文件中有 2 名志愿者")), "{}", dup[0].message);
    assert!(dup[0].message.contains("重新"), "{}", dup[0].message);
    let unmatched: Vec<_> =
        on_reports.iter().filter(|f| f.kind == scorecard_domain::FindingKind::UnmatchedRecord).collect();
    assert_eq!(unmatched.len(), 1, "{unmatched:?}");
    assert!(unmatched[0].message.contains(&format!("「{a}」的报送文件中有 4 条")), "{}", unmatched[0].message);
    // the two stations' shared volunteers: told once, per pair (not per person by prepare)
    let pairs: Vec<_> = on_reports.iter().filter(|f| f.message.contains("名相同的志愿者")).collect();
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert!(pairs[0].message.contains(&format!("「{a}」和「{b}」的名册中有 3 名相同的志愿者")), "{}", pairs[0].message);
}
