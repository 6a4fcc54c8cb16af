//! `scorecard pack` and `scorecard score` over report files (汇总报送), end to end: six
//! stations of the demo town each pack their own workbook; the town scores the six report
//! files as the six workbooks score together; a wrong passphrase is told apart.

use crate::support::{bin, run, scratch};
use scorecard_domain::samples::{data_workbook, demo_context, demo_spec, synth_rows, Style};
use serde_json::Value;
use std::path::PathBuf;

fn s(p: &std::path::Path) -> String {
    p.to_string_lossy().into_owned()
}

/// What must agree of each indicator: status, value, numerator, denominator, per station.
fn figures(json: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(json).unwrap();
    let pick = |d: &Value| serde_json::json!([d["status"], d["value"], d["numerator"], d["denominator"]]);
    v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let stations: Vec<Value> = i["stations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|st| serde_json::json!([st["station"], pick(st)]))
                .collect();
            serde_json::json!([i["id"], pick(i), stations])
        })
        .collect()
}

#[test]
fn six_stations_pack_and_the_town_scores_their_report_files_from_the_command_line() {
    let d = scratch("pack");
    let data = synth_rows(demo_spec(2017));
    let pass = d.join("口令.txt");
    std::fs::write(&pass, "示例镇-2017-报送口令\n").unwrap();
    let mut raw = Vec::new();
    let mut reports = Vec::new();
    for st in &data.stations {
        let xlsx = d.join(format!("{st}.xlsx"));
        std::fs::write(&xlsx, data_workbook(&data.station(st), Style::Messy).unwrap()).unwrap();
        let out = d.join(format!("报送_{st}.json"));
        let r = run(&[
            "pack",
            "--profile",
            "town2021",
            "--year",
            "2017",
            "--as-of",
            "2017-12-31",
            "--station",
            st,
            "--passphrase-file",
            &s(&pass),
            "--output",
            &s(&out),
            &s(&xlsx),
        ]);
        assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stderr));
        assert!(String::from_utf8_lossy(&r.stderr).contains("已生成报送文件"));
        let text = std::fs::read_to_string(&out).unwrap();
        for v in data.volunteers.iter().filter(|v| &v.station == st) {
            assert!(
                !text.contains(&v.id_number) && !text.contains(&v.phone) && !text.contains(&v.name),
                "personal data in {st}'s file"
            );
        }
        raw.push(s(&xlsx));
        reports.push(s(&out));
    }
    let ctx = d.join("town.json");
    let mut c = demo_context(2017);
    c.profile = "town2021".into();
    c.as_of = chrono::NaiveDate::from_ymd_opt(2017, 12, 31);
    std::fs::write(&ctx, c.to_json()).unwrap();
    let score = |files: &[String], pass: Option<&PathBuf>| {
        let mut args = vec!["score".to_string(), "--context".into(), s(&ctx), "--format".into(), "json".into()];
        if let Some(p) = pass {
            args.extend(["--passphrase-file".into(), s(p)]);
        }
        args.extend(files.iter().cloned());
        let r = bin().args(&args).output().unwrap();
        (r.status.code(), String::from_utf8(r.stdout).unwrap(), String::from_utf8(r.stderr).unwrap())
    };
    let (code, from_raw, _) = score(&raw, None);
    assert_eq!(code, Some(0));
    let (code, from_reports, err) = score(&reports, Some(&pass));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(figures(&from_raw), figures(&from_reports));
    let f = figures(&from_raw);
    assert!(f.len() >= 3 && f.iter().any(|i| !i[1][1].is_null()), "{f:?}");

    // another passphrase: exit 1, the file named, what to do
    let wrong = d.join("错的口令.txt");
    std::fs::write(&wrong, "另一个镇的口令2017").unwrap();
    let (code, _, err) = score(&reports[..1], Some(&wrong));
    assert_eq!(code, Some(1));
    assert!(err.contains("这个报送文件使用了不同的口令") && err.contains("报送_"), "{err}");
    // none: exit 1, asks for it
    let (code, _, err) = score(&reports[..1], None);
    assert_eq!(code, Some(1));
    assert!(err.contains("口令"), "{err}");
    // too short a passphrase: a usage error before anything is read
    std::fs::write(&wrong, "123").unwrap();
    let r = run(&["pack", "--passphrase-file", &s(&wrong), "--output", &s(&d.join("x.json")), &raw[0]]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("至少 8 个字符"));
}

/// Issue 30: a 2024 ledger packed without `--year` (in a later year) made a report file of
/// the current year, with none of its hours, and said nothing. The records: V001 4 h on
/// 2024-03-05, V002 2 h on 2024-05-06, V003 1.5 h on 2023-12-30: 2 of the 3 dated rows are
/// in 2024, so 2024 is the data's year. Packed for this year: no hours, and a warning that
/// names 2024 and `--year 2024`; packed with `--year 2024`: 4 + 2 = 6 h in two months, and
/// no warning.
#[test]
fn pack_warns_when_the_data_is_of_another_year_and_names_the_flag() {
    let d = scratch("pack-year");
    let pass = d.join("口令.txt");
    std::fs::write(&pass, "新桥社区-报送口令\n").unwrap();
    let ledger = d.join("新桥社区2024台账.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let table = |wb: &mut rust_xlsxwriter::Workbook, name: &str, rows: &[&[&str]]| {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    };
    table(
        &mut wb,
        "名册",
        &[
            &["志愿者编号", "姓名", "所属站点", "注册日期"],
            &["V001", "甲一", "新桥社区", "2023-05-01"],
            &["V002", "甲二", "新桥社区", "2023-05-01"],
            &["V003", "甲三", "新桥社区", "2023-05-01"],
        ],
    );
    table(
        &mut wb,
        "服务记录",
        &[
            &["志愿者编号", "活动名称", "服务日期", "服务时长"],
            &["V001", "学雷锋志愿服务", "2024-03-05", "4"],
            &["V002", "环境整治", "2024-05-06", "2"],
            &["V003", "敬老助残", "2023-12-30", "1.5"],
        ],
    );
    wb.save(&ledger).unwrap();
    let pack = |out: &std::path::Path, year: Option<&str>| {
        let mut args = vec!["pack".to_string(), "--station".into(), "新桥社区".into()];
        if let Some(y) = year {
            args.extend(["--year".into(), y.into()]);
        }
        args.extend(["--passphrase-file".into(), s(&pass), "--output".into(), s(out), s(&ledger)]);
        let r = bin().args(&args).output().unwrap();
        let file: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
        (r.status.code(), String::from_utf8(r.stderr).unwrap(), file)
    };

    let this_year = chrono::Datelike::year(&chrono::Local::now().date_naive());
    assert_ne!(this_year, 2024, "the test packs a ledger of another year than this one");
    let (code, err, file) = pack(&d.join("报送_今年.json"), None);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(file["year"], this_year);
    assert_eq!(file["hours"].as_array().unwrap().len(), 0, "no record of 2024 counts in {this_year}");
    let warning = format!(
        "注意：数据中有 2 条（共 3 条有日期）在 2024 年，而报送文件的考核年度是 {this_year} 年：这些记录都不会计入。\
         要报送 2024 年，请加上 --year 2024 重新生成。 / note: 2 of the 3 dated rows are in 2024, but the report \
         file is for {this_year}: they will not count. To report 2024, run it again with --year 2024."
    );
    assert!(err.contains(&warning), "{err}");

    let (code, err, file) = pack(&d.join("报送_2024.json"), Some("2024"));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(file["year"], 2024);
    let hours: Vec<(u64, f64)> = file["hours"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["month"].as_u64().unwrap(), h["hours"].as_f64().unwrap()))
        .collect();
    assert_eq!(hours, vec![(3, 4.0), (5, 2.0)]);
    assert!(!err.contains("注意") && !err.contains("--year"), "{err}");
}
