//! `scorecard inspect`: what the import made of each sheet, in words and as JSON — a sheet it
//! could not place says what it looks like (the guess the import screen offers as one click).

use crate::support::{run, scratch};

#[test]
fn a_sheet_without_a_role_says_what_it_looks_like() {
    let dir = scratch("inspect");
    let csv = dir.join("三月.csv");
    // dated themes and stations, no people: activities or trainings, three rows
    std::fs::write(
        &csv,
        "日期,主题,所属站点\n2017-03-02,敬老,新桥社区\n2017-03-09,助残,大丰社区\n2017-04-01,环保,新桥社区\n",
    )
    .unwrap();
    let out = run(&["inspect", csv.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("待确认，未导入（看起来是活动记录，3 行）"), "{text}");
    let out = run(&["inspect", "--format", "json", csv.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let guess = &json["files"][0]["sheets"][0]["guess"];
    assert_eq!((guess["role"].as_str(), guess["rows"].as_u64()), (Some("activities"), Some(3)), "{json}");
    assert_eq!(guess["headers"], serde_json::json!(["日期", "主题", "所属站点"]));
}
