//! Composite indicators (D4 "X2 and X3 as above"): one indicator with two parts.
//!
//! Decision: each part is scored by its own rule and listed in `parts`; the indicator's
//! status is the worse of the parts (by `Status::badness`), its gap joins the parts'
//! gaps, and it has no single value/target of its own.

use crate::result::{Detail, IndicatorResult, Missing, RowSet, Rows, Status, Unit};
use crate::rules::{eval_rule, Cx, View};
use scorecard_model::profile::{Part, Scope};

pub(super) fn all_of(cx: &Cx, view: View, parts: &[Part]) -> (Detail, Vec<IndicatorResult>) {
    let results: Vec<IndicatorResult> = parts
        .iter()
        .map(|p| IndicatorResult {
            id: p.id.clone(),
            label: p.label_zh.clone(),
            label_en: p.label_en.clone(),
            source: String::new(),
            quote: String::new(),
            bonus: false,
            scope: Scope::Whole,
            period: p.period,
            detail: eval_rule(&p.id, p.period, &p.rule, cx, view),
            stations: Vec::new(),
            parts: Vec::new(),
        })
        .collect();
    let status = results.iter().fold(Status::Met, |s, r| s.worst(r.detail.status));
    let short: Vec<&IndicatorResult> = results.iter().filter(|r| r.detail.status != Status::Met).collect();
    let zh: Vec<String> =
        short.iter().filter_map(|r| r.detail.gap.as_ref().map(|g| format!("{}：{g}", r.label))).collect();
    let en: Vec<String> =
        short.iter().filter_map(|r| r.detail.gap_en.as_ref().map(|g| format!("{}: {g}", r.label_en))).collect();
    // its rows are its parts', each once: as many as its drill-down opens. It lists none of
    // its own, so the drill-down opens the parts' lists (`report::rows::refs_of`).
    let mut union = RowSet::default();
    for r in &results {
        union.extend(&r.detail.rows);
    }
    let union = union.into_rows();
    let rows = Rows { total: union.total, refs: Vec::new(), truncated: union.truncated };
    let detail = Detail {
        status,
        unit: Unit::Ratio,
        rows,
        gap: (!zh.is_empty()).then(|| zh.join("；")),
        gap_en: (!en.is_empty()).then(|| en.join("; ")),
        days_left: results.iter().find_map(|r| r.detail.days_left),
        missing_total: short.len() as u64,
        missing: Missing::List(short.iter().map(|r| r.id.clone()).collect()),
        needs_input: results
            .iter()
            .filter(|r| r.detail.status == Status::NeedsInput)
            .find_map(|r| r.detail.needs_input)
            .filter(|_| status == Status::NeedsInput),
        ..Detail::default()
    };
    (detail, results)
}
