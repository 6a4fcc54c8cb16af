//! `scorecard score` and `scorecard profiles` end to end: the built binary run on a
//! workbook generated here (title rows above the headers, as real exports have them).

use crate::support::{bin, scratch};
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One sheet: a title row, then the header row, then the rows.
fn sheet(wb: &mut Workbook, name: &str, title: &str, header: &[&str], rows: &[Vec<String>]) {
    let ws = wb.add_worksheet();
    ws.set_name(name).unwrap();
    ws.write_string(0, 0, title).unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 2, c as u16, v.as_str()).unwrap();
        }
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// 13 volunteers at two stations, 10 with records; a few activities and trainings.
fn workbook() -> PathBuf {
    static PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PATH.get_or_init(write_workbook).clone()
}

fn write_workbook() -> PathBuf {
    let path = scratch("score").join("新桥镇2017.xlsx");
    let mut wb = Workbook::new();
    let roster: Vec<Vec<String>> = (1..=13)
        .map(|i| {
            let station = if i <= 7 { "新桥社区" } else { "大丰社区" };
            let pol = if i <= 2 { "中共党员" } else { "群众" };
            strings(&[&format!("V{i:03}"), &format!("志愿者{i}"), station, "2016-05-01", pol])
        })
        .collect();
    sheet(
        &mut wb,
        "名册",
        "新桥镇注册志愿者名册",
        &["志愿者编号", "姓名", "所属站点", "注册日期", "政治面貌"],
        &roster,
    );
    let records: Vec<Vec<String>> = (1..=10)
        .map(|i| strings(&[&format!("V{i:03}"), "学雷锋志愿服务", "2017-03-05", "4"]))
        .chain(std::iter::once(strings(&["V999", "学雷锋志愿服务", "2017-03-05", "2"])))
        .collect();
    sheet(&mut wb, "服务记录", "服务时长记录", &["志愿者编号", "活动名称", "服务日期", "服务时长"], &records);
    let acts = [
        ["学雷锋日志愿服务", "2017-03-05", "新桥社区", "", "", ""],
        ["关爱空巢老人", "2017-03-20", "新桥社区", "关爱空巢老人", "医疗卫生", ""],
        ["端午包粽子", "2017-05-30", "大丰社区", "关爱困难职工", "", "端午节"],
        ["青年志愿者进社区", "2017-05-06", "大丰社区", "", "教育", ""],
    ];
    let acts: Vec<Vec<String>> = acts.iter().map(|a| strings(a)).collect();
    sheet(&mut wb, "活动", "活动记录", &["活动名称", "活动日期", "所属站点", "活动主题", "服务队", "节庆日"], &acts);
    let trains =
        [["2017-03-10", "骨干培训", "新桥社区、大丰社区", "骨干"], ["2017-05-10", "骨干培训", "新桥社区", "骨干"]];
    let trains: Vec<Vec<String>> = trains.iter().map(|t| strings(t)).collect();
    sheet(&mut wb, "培训", "培训记录", &["培训日期", "培训主题", "所属站点", "培训类型"], &trains);
    wb.save(&path).unwrap();
    path
}

fn run_json(args: &[&str], file: &Path) -> (i32, Value, String) {
    let out = bin().arg("score").args(args).args(["--format", "json"]).arg(file).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"));
    (out.status.code().unwrap_or(-1), json, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn is_num_or_null(v: &Value) -> bool {
    v.is_number() || v.is_null()
}

fn indicator<'a>(j: &'a Value, id: &str) -> &'a Value {
    j["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap_or_else(|| panic!("no {id}"))
}

const STATUSES: [&str; 6] = ["met", "not_met", "on_track", "behind", "in_progress", "needs_input"];

#[test]
fn score_json_has_the_documented_shape_and_values() {
    let file = workbook();
    let (code, j, _) = run_json(
        &["--profile", "xindu2017-town", "--year", "2017", "--as-of", "2017-08-31", "--population", "100"],
        &file,
    );
    assert_eq!(code, 0);
    assert_eq!(j["profile"], "xindu2017-town");
    assert_eq!(j["year"], 2017);
    assert_eq!(j["as_of"], "2017-08-31");
    for k in STATUSES {
        assert!(j["summary"][k].is_u64(), "summary.{k}");
    }
    for ind in j["indicators"].as_array().unwrap() {
        let id = ind["id"].as_str().unwrap();
        assert!(ind["label"].is_string(), "{id}");
        assert!(STATUSES.contains(&ind["status"].as_str().unwrap()), "{id}");
        assert!(ind["bonus"].is_boolean(), "{id}");
        for k in ["value", "target", "prorated_target", "numerator", "denominator"] {
            assert!(is_num_or_null(&ind[k]), "{id}.{k} = {}", ind[k]);
        }
        assert!(ind["gap"].is_string() || ind["gap"].is_null(), "{id}.gap");
        assert!(ind["missing"].is_array(), "{id}.missing");
        for st in ind["stations"].as_array().unwrap() {
            assert!(st["station"].is_string() && STATUSES.contains(&st["status"].as_str().unwrap()));
            assert!(is_num_or_null(&st["value"]) && is_num_or_null(&st["target"]) && st["missing"].is_array());
        }
    }
    // X1: 13 of 100 residents — a fraction, not a percentage.
    let x1 = indicator(&j, "X1");
    assert_eq!(
        (x1["status"].as_str(), x1["value"].as_f64(), x1["target"].as_f64()),
        (Some("met"), Some(0.13), Some(0.13))
    );
    assert_eq!((x1["numerator"].as_u64(), x1["denominator"].as_u64()), (Some(13), Some(100)));
    // X2: 10 of 13 with records (V999 matches nobody) = 0.769… ≥ 0.7.
    let x2 = indicator(&j, "X2");
    assert_eq!(x2["status"], "met");
    assert!((x2["value"].as_f64().unwrap() - 10.0 / 13.0).abs() < 1e-12);
    // X3: 40 h over 13 volunteers, pro-rated 25 × 243 / 365 as of 08-31.
    let x3 = indicator(&j, "X3");
    assert_eq!(x3["status"], "behind");
    assert!((x3["value"].as_f64().unwrap() - 40.0 / 13.0).abs() < 1e-12);
    assert!((x3["prorated_target"].as_f64().unwrap() - 25.0 * 243.0 / 365.0).abs() < 1e-12);
    assert_eq!(x3["target"], 25);
    // X4: the joint training counts for both stations in Q1; 大丰 misses Q2 — quarters as 2017-Q2.
    let x4 = indicator(&j, "X4");
    let dafeng = x4["stations"].as_array().unwrap().iter().find(|s| s["station"] == "大丰社区").unwrap();
    assert_eq!(dafeng["missing"], serde_json::json!(["2017-Q2"]));
    // X5: months as 2017-03.
    let x5 = indicator(&j, "X5");
    let xinqiao = x5["stations"].as_array().unwrap().iter().find(|s| s["station"] == "新桥社区").unwrap();
    assert_eq!(xinqiao["missing"][0], "2017-01");
    // X8: the 05-06 activity near 青年节 is a suggestion, also as a finding.
    assert_eq!(indicator(&j, "X8")["suggestions"].as_array().map(Vec::len), Some(1));
    // findings: the unmatched record, with its location.
    let findings = j["findings"].as_array().unwrap();
    for f in findings {
        for k in ["file", "kind", "severity", "message"] {
            assert!(f[k].is_string(), "finding.{k}: {f}");
        }
        assert!(f["sheet"].is_string() || f["sheet"].is_null());
        assert!(f["row"].is_u64() || f["row"].is_null());
        assert!(f["column"].is_string() || f["column"].is_null());
    }
    let unmatched = findings.iter().find(|f| f["kind"] == "unmatched_record").expect("unmatched record finding");
    assert_eq!((unmatched["sheet"].as_str(), unmatched["row"].as_u64()), (Some("服务记录"), Some(13)));
    assert!(findings.iter().any(|f| f["kind"] == "suggestion"));
    // the checklist items this context needs
    assert_eq!(j["checklist"].as_array().map(Vec::len), Some(9));
}

#[test]
fn t1_missing_is_an_object_of_team_months() {
    let (code, j, _) = run_json(&["--profile", "town2021", "--year", "2017", "--as-of", "2017-03-31"], &workbook());
    assert_eq!(code, 0);
    let t1 = indicator(&j, "T1");
    let m = t1["missing"].as_object().expect("T1 missing is an object");
    assert_eq!(m.len(), 7);
    assert_eq!(m["红色党员先锋服务队"], serde_json::json!(["2017-01", "2017-02", "2017-03"]));
}

#[test]
fn context_file_is_read_and_flags_override_it() {
    let ctx = scratch("score").join("context.json");
    let text = r#"{"profile":"xindu2017-town","year":2017,"as_of":"2017-08-31","population":1000,
                   "checklist":{"X11|激励回馈":true},"unknown_field":1}"#;
    std::fs::write(&ctx, text).unwrap();
    let file = workbook();
    let (code, j, _) = run_json(&["--context", ctx.to_str().unwrap()], &file);
    assert_eq!(code, 0);
    assert_eq!(indicator(&j, "X1")["denominator"], 1000);
    assert_eq!(indicator(&j, "X11")["status"], "met");
    let (_, j, _) = run_json(&["--context", ctx.to_str().unwrap(), "--population", "100"], &file);
    assert_eq!(indicator(&j, "X1")["denominator"], 100);
}

#[test]
fn exit_codes() {
    let file = workbook();
    let status = |args: &[&str]| bin().args(args).output().unwrap();
    // usage errors: 2, nothing on stdout
    for args in [
        vec!["score", "--profile", "nope", "--year", "2017"],
        vec!["score", "--year", "2017", "--as-of", "2017-13-01"],
        vec!["score", "--year", "2017", "--unit-type", "火星单位"],
    ] {
        let out = status(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty() && !out.stderr.is_empty(), "{args:?}");
    }
    // a file that cannot be read: 1, message on stderr, the rest still scored
    let missing = scratch("score").join("no-such-file.xlsx");
    let out = bin().args(["score", "--year", "2017", "--format", "json"]).arg(&file).arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stderr.is_empty());
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(indicator(&j, "X2")["numerator"], 10);
    let garbage = scratch("score").join("broken.xlsx");
    std::fs::write(&garbage, b"PK\x03\x04 not really a zip").unwrap();
    let out = bin().args(["score", "--year", "2017"]).arg(&garbage).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    // text format
    let out = bin().args(["score", "--year", "2017", "--as-of", "2017-06-30"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("注册率"));
}

#[test]
fn profiles_lists_the_six_built_ins() {
    let out = bin().args(["profiles", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = j.as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["xindu2017-town", "xindu2017-dept", "civilised-city", "town2021", "guangan2015", "meilie2017"]);
    let out = bin().args(["profiles"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("X11") && text.contains("加分项") && text.contains("新都2017 附件2"));
}

#[test]
fn a_custom_profile_file_can_be_used() {
    let out = bin().args(["profiles", "--format", "json"]).output().unwrap();
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut p = all[0].clone();
    p["id"] = "strict-town".into();
    p["based_on"] = "xindu2017-town".into();
    p["indicators"][0]["rule"]["min"] = 0.2.into();
    let path = scratch("score").join("strict.json");
    std::fs::write(&path, serde_json::to_string(&p).unwrap()).unwrap();
    let (code, j, _) = run_json(
        &["--profile", path.to_str().unwrap(), "--year", "2017", "--as-of", "2017-08-31", "--population", "100"],
        &workbook(),
    );
    assert_eq!(code, 0);
    assert_eq!(j["profile"], "strict-town");
    // 13 of 100 against 20 %: 7 more.
    assert_eq!(indicator(&j, "X1")["status"], "not_met");
    assert!(indicator(&j, "X1")["gap"].as_str().unwrap().contains("还需新增注册志愿者 7 人"));
}

/// `--staff` and `--unit-type` (C2: 13 registered of a staff of 20 = 65 %, against 60 % for a
/// party or government body and 70 % for a civilised unit), and `--stations` (the stations
/// assessed, in the order given, one with no data at all).
#[test]
fn staff_unit_type_and_stations_from_the_command_line() {
    let file = workbook();
    let base = ["--profile", "civilised-city", "--year", "2017", "--as-of", "2017-08-31", "--staff", "20"];
    for (unit, status, target) in [("party_government", "met", 0.60), ("文明单位", "not_met", 0.70)] {
        let args: Vec<&str> = base.iter().copied().chain(["--unit-type", unit]).collect();
        let (code, j, err) = run_json(&args, &file);
        assert_eq!(code, 0, "{err}");
        let c2 = indicator(&j, "C2");
        assert_eq!((c2["numerator"].as_u64(), c2["denominator"].as_u64()), (Some(13), Some(20)), "{unit}");
        assert_eq!(c2["value"].as_f64(), Some(0.65), "{unit}");
        assert_eq!((c2["status"].as_str(), c2["target"].as_f64()), (Some(status), Some(target)), "{unit}");
    }
    // Without a unit type C2 asks for it.
    let (_, j, _) = run_json(&base, &file);
    assert_eq!(indicator(&j, "C2")["status"], "needs_input");

    let (code, j, err) = run_json(
        &[
            "--profile",
            "xindu2017-town",
            "--year",
            "2017",
            "--as-of",
            "2017-08-31",
            "--population",
            "100",
            "--stations",
            "大丰社区,东湖社区",
        ],
        &file,
    );
    assert_eq!(code, 0, "{err}");
    let x5 = indicator(&j, "X5");
    let names: Vec<&str> = x5["stations"].as_array().unwrap().iter().map(|s| s["station"].as_str().unwrap()).collect();
    assert_eq!(names, ["大丰社区", "东湖社区"]);
    // 东湖社区 ran nothing: not met. (大丰社区 ran one activity in May only: not met either.)
    assert!(x5["stations"].as_array().unwrap().iter().all(|s| s["status"] == "not_met"));
}
