//! X9: every activity has 方案, 记录, 简报 and 图片 (新都2017 附件2: 有计划、有记录、有简报、有图片).
//!
//! Decisions: the indicator is shown only when at least one of the four columns exists
//! (otherwise `score()` leaves it out and says why in `Scorecard::omitted`). Activities in
//! the year up to the as-of date are checked. A material column absent from the sheet cannot
//! prove anything: if every present column is complete the status is `needs_input`
//! (naming the absent columns), otherwise `not_met`. An activity row from a sheet without
//! a column that another sheet has counts as lacking it. No activity yet: met (nothing lacks).

use crate::result::{Detail, InputField, RowSet, Status, Unit};
use crate::rules::{capped, needs, Cx, View};
use crate::scope::in_view;

const NAMES: [(&str, &str); 4] = [("方案", "plan"), ("记录", "record"), ("简报", "brief"), ("图片", "photos")];

pub(super) fn materials(cx: &Cx, view: View) -> Detail {
    if !cx.facts.has_activities {
        return needs(InputField::Activities, Unit::Count);
    }
    let present = cx.facts.material_columns;
    let d = cx.snap.d;
    let mut total = 0u64;
    let mut complete = 0u64;
    let mut lacking_by_kind = [0u64; 4];
    let mut missing = Vec::new();
    let mut missing_en = Vec::new();
    let mut rows = RowSet::default();
    for a in cx.facts.acts.iter().filter(|a| a.date <= d && in_view(a.place, view)) {
        let Some(row) = cx.tables.activities.get(a.row) else { continue };
        total += 1;
        let m = row.materials;
        let have = [m.plan, m.record, m.brief, m.photo];
        let lacking: Vec<usize> = (0..4).filter(|&k| present[k] && have[k] != Some(true)).collect();
        lacking.iter().for_each(|&k| lacking_by_kind[k] += 1);
        let lacks: Vec<&str> = lacking.iter().map(|&k| NAMES[k].0).collect();
        let lacks_en: Vec<&str> = lacking.iter().map(|&k| NAMES[k].1).collect();
        if lacks.is_empty() {
            complete += 1;
        } else {
            rows.push(a.at);
            let (station, name) = (cx.tables.so(row.station), cx.tables.so(row.name));
            missing.push(format!("{station} {} {name}：缺{}", a.date, lacks.join("、")));
            missing_en.push(format!("{station} {} {name}: no {}", a.date, lacks_en.join(", ")));
        }
    }
    let absent: Vec<&str> = (0..4).filter(|&k| !present[k]).map(|k| NAMES[k].0).collect();
    let absent_en: Vec<&str> = (0..4).filter(|&k| !present[k]).map(|k| NAMES[k].1).collect();
    let incomplete = total - complete;
    let status = if incomplete > 0 {
        Status::NotMet
    } else if !absent.is_empty() && total > 0 {
        Status::NeedsInput
    } else {
        Status::Met
    };
    let per_kind_zh: Vec<String> =
        (0..4).filter(|&k| lacking_by_kind[k] > 0).map(|k| format!("{} {}", NAMES[k].0, lacking_by_kind[k])).collect();
    let per_kind_en: Vec<String> =
        (0..4).filter(|&k| lacking_by_kind[k] > 0).map(|k| format!("{} {}", NAMES[k].1, lacking_by_kind[k])).collect();
    let (mut gap, mut gap_en) = if incomplete > 0 {
        (
            Some(format!("{incomplete} 项活动缺材料（缺{}），请补齐", per_kind_zh.join("、"))),
            Some(format!("{incomplete} activities lack materials (missing {}); add them", per_kind_en.join(", "))),
        )
    } else {
        (None, None)
    };
    if !absent.is_empty() && total > 0 {
        let zh = format!("活动记录没有「{}」列，无法核对", absent.join("」「"));
        let en = format!("the activity sheet has no {} column, so it cannot be checked", absent_en.join("/"));
        gap = Some(gap.map_or(zh.clone(), |g| format!("{g}；{zh}")));
        gap_en = Some(gap_en.map_or(en.clone(), |g| format!("{g}; {en}")));
    }
    let (missing, missing_total) = capped(missing);
    let missing_en = capped(missing_en).0;
    Detail {
        status,
        unit: Unit::Count,
        value: Some(complete as f64),
        target: Some(total as f64),
        numerator: Some(complete as f64),
        denominator: Some(total as f64),
        gap,
        gap_en,
        missing,
        missing_total,
        missing_en,
        needs_input: (status == Status::NeedsInput).then_some(InputField::MaterialColumns),
        rows: rows.into_rows(),
        ..Detail::default()
    }
}
