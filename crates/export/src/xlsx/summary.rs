//! 汇总: title, context, counts by status, then one row per indicator (and per part of a
//! composite), with the header row frozen and repeated on every printed page.

use crate::values::hours_source_zh;
use crate::xlsx::writer::{Res, Sheet};
use scorecard_model::context::Context;
use scorecard_score::{IndicatorResult, Scorecard, Status};

/// Columns of the indicator table.
const HEADERS: [&str; 7] = ["编号", "指标", "状态", "当前值", "目标", "差距说明", "依据"];
/// Widths of those columns (the context rows above share them).
const WIDTHS: [f64; 7] = [10.0, 30.0, 12.0, 14.0, 14.0, 60.0, 36.0];
const LAST_COL: u16 = 6;
/// Row of the indicator table's header (0-based): title, profile, 2 context rows, 2 count rows.
pub(super) const HEADER_ROW: u32 = 6;

/// The status counts of the summary, in this order (non-bonus indicators).
const COUNTED: [Status; 6] =
    [Status::Met, Status::NotMet, Status::OnTrack, Status::Behind, Status::InProgress, Status::NeedsInput];

pub(super) fn write(s: &mut Sheet, card: &Scorecard, ctx: &Context, sheet_names: &[String]) -> Res {
    let f = s.f;
    let title = format!("{}{}年志愿服务自评报告", ctx.organisation.trim(), card.year);
    s.merged(0, 0, LAST_COL, &title, &f.title)?;
    s.ws.set_row_height(0, 28)?;
    let profile = format!(
        "考核方案：{}（{}）　服务时长来源：{}　生成：{}",
        card.profile_name,
        card.profile,
        hours_source_zh(card.hours_source),
        scorecard_model::made_by()
    );
    s.merged(1, 0, LAST_COL, &profile, &f.subtitle)?;

    // Context: labels on row 2, values on row 3.
    s.header(2, 0, &["考核年度", "截止日期", "剩余天数", "常住人口", "职工总数", "考核站点", "考核层级"])?;
    s.num(3, 0, f64::from(card.year), Some(&f.centre_int))?;
    s.date_with(3, 1, card.as_of, &f.centre_date)?;
    s.num(3, 2, f64::from(card.days_left), Some(&f.centre_int))?;
    for (col, n) in [(3, ctx.population), (4, ctx.staff)] {
        match n {
            // Populations stay far below 2^53, where f64 is exact.
            Some(n) => s.num(3, col, n as f64, Some(&f.centre_thousands))?,
            None => s.text(3, col, "未填写", Some(&f.centre))?,
        }
    }
    let stations = if ctx.stations.is_empty() {
        format!("数据中的全部站点（{} 个）：{}", card.stations.len(), card.stations.join("、"))
    } else {
        ctx.stations.join("、")
    };
    s.wrap(3, 5, &stations)?;
    let mut level = ctx.level.label_zh().to_string();
    if let Some(u) = ctx.unit_type {
        level.push_str(&format!("，{}", u.label_zh()));
    }
    if let Some(p) = ctx.party_members {
        level.push_str(&format!("，党员 {p} 人"));
    }
    s.text(3, 6, &level, Some(&f.centre))?;

    // Counts by status: the words on their colours, the numbers below.
    let sm = &card.summary;
    let counts = [sm.met, sm.not_met, sm.on_track, sm.behind, sm.in_progress, sm.needs_input];
    for ((col, st), n) in (0u16..).zip(COUNTED).zip(counts) {
        s.status(4, col, st)?;
        s.num(5, col, f64::from(n), Some(&f.centre_int))?;
    }
    s.text(4, 6, &format!("加分项达标（共 {} 项）", sm.bonus_total), Some(&f.header))?;
    s.num(5, 6, f64::from(sm.bonus_met), Some(&f.centre_int))?;

    s.header(HEADER_ROW, 0, &HEADERS)?;
    let mut row = HEADER_ROW + 1;
    for (r, name) in card.indicators.iter().zip(sheet_names) {
        indicator_row(s, row, r, Some(name))?;
        row += 1;
        for p in &r.parts {
            indicator_row(s, row, p, None)?;
            row += 1;
        }
    }

    row += 1;
    // stations without data (a refused or missing report file): named before any station
    // list, as at the top of the page
    if !card.missing_stations.is_empty() {
        s.bold(row, 0, "未纳入评估的站点")?;
        row += 1;
        for m in &card.missing_stations {
            s.text(row, 0, &m.station, None)?;
            s.wrap_across(row, 1, LAST_COL, &format!("{}。{}", m.reason, m.action))?;
            row += 1;
        }
        row += 1;
    }
    if !sm.stations_short.is_empty() {
        s.bold(row, 0, "未达标站点")?;
        row += 1;
        for st in &sm.stations_short {
            s.text(row, 0, &st.station, None)?;
            s.wrap_across(row, 1, LAST_COL, &st.indicators.join("、"))?;
            row += 1;
        }
        row += 1;
    }
    if !card.omitted.is_empty() {
        s.bold(row, 0, "未显示的指标")?;
        row += 1;
        for o in &card.omitted {
            s.text(row, 0, &o.id, None)?;
            s.wrap_across(row, 1, LAST_COL, &o.reason)?;
            row += 1;
        }
    }

    s.ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    s.repeat_header(HEADER_ROW);
    for (c, w) in (0u16..).zip(WIDTHS) {
        s.fix_width(c, w);
    }
    Ok(())
}

/// One indicator: id (a link to its sheet), label, status, value, target, gap, source.
fn indicator_row(s: &mut Sheet, row: u32, r: &IndicatorResult, sheet: Option<&str>) -> Res {
    let d = &r.detail;
    match sheet {
        Some(name) => s.link(row, 0, &r.id, name)?,
        None => s.text(row, 0, &r.id, None)?,
    }
    let label = if r.bonus { format!("{}（加分项）", r.label) } else { r.label.clone() };
    s.wrap(row, 1, &label)?;
    s.status(row, 2, d.status)?;
    s.value(row, 3, d.unit, d.value)?;
    s.value(row, 4, d.unit, d.target)?;
    s.wrap(row, 5, d.gap.as_deref().unwrap_or(""))?;
    s.wrap(row, 6, &r.source)?;
    Ok(())
}
