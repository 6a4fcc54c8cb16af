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
