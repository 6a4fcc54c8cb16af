//! The stations whose data is not in the scorecard: a refused report file, or none received
//! from a station the context lists (from the import's [`TownReceipt`](scorecard_model::report_file::TownReceipt)).

use crate::result::MissingStation;
use scorecard_model::context::Context;
use scorecard_model::model::Tables;
use scorecard_model::report_file::RefusedReport;
use std::collections::HashSet;

/// The stations whose data is not in the tables: each station of the context's list that
/// no counted report file and no row names (its refused file's reason, else 未收到报送文件),
/// then each refused file whose station is not otherwise present (named by its file name
/// when its station cannot be read). Empty when the import had no report files.
pub fn missing_stations(ctx: &Context, tables: &Tables) -> Vec<MissingStation> {
    let Some(receipt) = &tables.town else { return Vec::new() };
    // stations present: a counted file's, or any roster, record or activity row's
    // (trainings name the other stations of a joint training, so they do not count)
    let mut syms = HashSet::new();
    let rows = tables
        .volunteers
        .iter()
        .map(|v| v.station)
        .chain(tables.records.iter().map(|r| r.station))
        .chain(tables.activities.iter().map(|a| a.station))
        .flatten();
    for s in rows {
        syms.insert(s);
    }
    let mut present: HashSet<&str> = syms.into_iter().map(|s| tables.s(s).trim()).collect();
    present.extend(receipt.counted.iter().map(|r| r.station.trim()));
    let refused_name = |r: &RefusedReport| -> String {
        r.station.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(r.file.as_str()).to_string()
    };
    let mut out: Vec<MissingStation> = Vec::new();
    for s in ctx.stations.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if present.contains(s) || out.iter().any(|m| m.station == s) {
            continue;
        }
        out.push(match receipt.refused.iter().find(|r| refused_name(r) == s) {
            Some(r) => refused(s, r),
            None => not_received(s),
        });
    }
    for r in &receipt.refused {
        let name = refused_name(r);
        if !present.contains(name.as_str()) && !out.iter().any(|m| m.station == name) {
            out.push(refused(&name, r));
        }
    }
    out
}

fn refused(station: &str, r: &RefusedReport) -> MissingStation {
    MissingStation {
        station: station.to_string(),
        file: Some(r.file.clone()),
        problem: Some(r.problem),
        reason: format!("报送文件被拒绝（{}）", r.problem.short_zh()),
        reason_en: format!("report file refused ({})", r.problem.short_en()),
        action: r.problem.action_zh().to_string(),
        action_en: r.problem.action_en().to_string(),
    }
}

fn not_received(station: &str) -> MissingStation {
    MissingStation {
        station: station.to_string(),
        file: None,
        problem: None,
        reason: "未收到报送文件".into(),
        reason_en: "no report file received".into(),
        action: "请让站点在“导出”页生成报送文件并发送给本镇。".into(),
        action_en: "Ask the station to make its report file on the Export screen and send it.".into(),
    }
}
