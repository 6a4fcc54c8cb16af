//! `scorecard demo`: the demo town and its context, written and then scored by the binary
//! under every built-in profile: nothing needs input, and the checklist gaps the context
//! leaves (each checklist's last item answered no) show as not met.

use crate::support::{bin, scratch};
use serde_json::Value;

#[test]
fn the_demo_scores_under_every_profile_with_nothing_to_fill_in() {
    let (xlsx, ctx) = (scratch("demo").join("demo.xlsx"), scratch("demo").join("demo.json"));
    let out = bin().arg("demo").arg(&xlsx).args(["--year", "2024", "--context"]).arg(&ctx).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&xlsx).unwrap(), scorecard_domain::samples::demo_workbook(2024).unwrap());
    let context: Value = serde_json::from_str(&std::fs::read_to_string(&ctx).unwrap()).unwrap();
    assert_eq!((context["year"].as_i64(), context["as_of"].as_str()), (Some(2024), Some("2024-12-31")));
    for profile in ["xindu2017-town", "xindu2017-dept", "civilised-city", "town2021", "guangan2015", "meilie2017"] {
        let out = bin()
            .arg("score")
            .arg("--context")
            .arg(&ctx)
            .args(["--profile", profile, "--format", "json"])
            .arg(&xlsx)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{profile}: {}", String::from_utf8_lossy(&out.stderr));
        let card: Value = serde_json::from_slice(&out.stdout).unwrap();
        let statuses: Vec<(&str, &str)> = card["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["id"].as_str().unwrap(), i["status"].as_str().unwrap()))
            .collect();
        assert!(!statuses.is_empty());
        assert!(statuses.iter().all(|(_, s)| *s != "needs_input"), "{profile}: {statuses:?}");
        // C4 and C5 (and G2, X10) have one item answered no each
        for id in ["X10", "C4", "C5", "G2", "G3"] {
            if let Some((_, s)) = statuses.iter().find(|(i, _)| *i == id) {
                assert_eq!(*s, "not_met", "{profile} {id}");
            }
        }
    }
}

#[test]
fn an_unsupported_year_is_a_usage_error_and_writes_nothing() {
    let xlsx = scratch("demo").join("never.xlsx");
    let out = bin().arg("demo").arg(&xlsx).args(["--year", "1900"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1900"));
    assert!(!xlsx.exists());
}
