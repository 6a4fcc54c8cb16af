//! One sheet per indicator: what it measures and where it comes from, value / target /
//! gap, what is missing, its periods, counts, suggestions, short volunteers, stations and
//! parts, then the rows behind it (masked), one table per role.

use crate::drill_down::{cut_of, cut_zh, refs_of, resolve_rows, Masking, RowsCut};
use crate::error::ExportError;
use crate::xlsx::writer::{Res, Sheet};
use scorecard_model::model::Tables;
use scorecard_model::profile::Profile;
use scorecard_score::{Detail, IndicatorResult, Missing, SlotState, Unit};

/// The last column long texts (source, gap, what is missing) are merged across.
const WIDE: u16 = 7;

/// `rows_of` is the same result with its row references (every row for the report), `r`
/// the one the screens showed.
pub(super) fn write(
    s: &mut Sheet,
    r: &IndicatorResult,
    rows_of: &IndicatorResult,
    profile: &Profile,
    tables: &Tables,
) -> Res {
    let f = s.f;
    let bonus = if r.bonus { "（加分项）" } else { "" };
    s.text(0, 0, &format!("{} {}{bonus}", r.id, r.label), Some(&f.title))?;
    s.ws.set_row_height(0, 24)?;
    let mut row = 1;
    s.bold(row, 0, "依据")?;
    s.wrap_across(row, 1, WIDE, &r.source)?;
    row += 1;
    if let Some(quote) = profile.indicator(&r.id).map(|i| i.source.quote.trim()).filter(|q| !q.is_empty()) {
        s.bold(row, 0, "原文")?;
        s.wrap_across(row, 1, WIDE, quote)?;
        row += 1;
    }
    row = detail(s, row + 1, &r.detail)?;

    if !r.stations.is_empty() {
        row = heading(s, row, "各站点")?;
        s.header(row, 0, &["站点", "状态", "当前值", "目标", "差距说明"])?;
        row += 1;
        for st in &r.stations {
            let d = &st.detail;
            s.text(row, 0, &st.station, None)?;
            s.status(row, 1, d.status)?;
            s.value(row, 2, d.unit, d.value)?;
            s.value(row, 3, d.unit, d.target)?;
            s.wrap_across(row, 4, WIDE, d.gap.as_deref().unwrap_or(""))?;
            row += 1;
        }
    }
    for p in &r.parts {
        row = heading(s, row, &format!("{} {}", p.id, p.label))?;
        row = detail(s, row, &p.detail)?;
    }

    let mut refs = refs_of(rows_of);
    // an Excel sheet holds 1,048,576 rows: what is left after the lines above
    let room = usize::try_from(crate::xlsx::writer::ROW_MAX.saturating_sub(row + 8)).unwrap_or(usize::MAX);
    refs.truncate(room);
    let title = match cut_of(rows_of, refs.len()) {
        None => format!("相关记录（共 {} 条）", refs.len()),
        Some(RowsCut { shown, total }) => format!("相关记录（{}）", cut_zh(total, shown, "条")),
    };
    row = heading(s, row, &title)?;
    if refs.is_empty() {
        s.text(row, 0, "没有相关记录。", Some(&f.note))?;
    }
    for table in resolve_rows(tables, &refs, Masking::Masked) {
        // an Excel sheet ends at row 1,048,576, whatever the tables above took
        if row + 2 >= crate::xlsx::writer::ROW_MAX {
            break;
        }
        s.bold(row, 0, table.role.label_zh())?;
        row += 1;
        let headers: Vec<&str> = table.headers.iter().map(|(zh, _)| zh.as_str()).collect();
        s.header(row, 0, &headers)?;
        row += 1;
        for cells in &table.rows {
            if row >= crate::xlsx::writer::ROW_MAX {
                break;
            }
            for (c, cell) in (0u16..).zip(cells) {
                s.cell(row, c, cell)?;
            }
            row += 1;
        }
        row += 1;
    }
    Ok(())
}

/// A bold heading after a blank row; returns the row below it.
fn heading(s: &mut Sheet, row: u32, title: &str) -> Result<u32, ExportError> {
    let f = s.f;
    s.text(row + 1, 0, title, Some(&f.subtitle))?;
    Ok(row + 2)
}

/// Status, value, target, gap and the lists of one result; returns the next free row.
fn detail(s: &mut Sheet, mut row: u32, d: &Detail) -> Result<u32, ExportError> {
    let f = s.f;
    s.bold(row, 0, "状态")?;
    s.status(row, 1, d.status)?;
    row += 1;
    let numbers = [
        ("当前值", d.value),
        ("目标", d.target),
        ("按时间进度应达到", d.prorated_target),
        ("分子", d.numerator),
        ("分母", d.denominator),
    ];
    for (i, (label, x)) in numbers.into_iter().enumerate() {
        // value and target always (— when unknown); the others only when they apply
        if i < 2 || x.is_some() {
            s.bold(row, 0, label)?;
            // numerator and denominator are plain counts (or hours for hours rules)
            if i < 2 {
                s.value(row, 1, d.unit, x)?;
            } else if i == 2 {
                // the pro-rated target is hours, also where the value is a share (C3, D2)
                s.value(row, 1, Unit::Hours, x)?;
            } else {
                s.num(row, 1, x.unwrap_or(f64::NAN), Some(&f.decimal))?;
            }
            row += 1;
        }
    }
    if let Some(days) = d.days_left {
        s.bold(row, 0, "剩余天数")?;
        s.count(row, 1, u64::from(days))?;
        row += 1;
    }
    if let Some(gap) = &d.gap {
        s.bold(row, 0, "差距说明")?;
        s.wrap_across(row, 1, WIDE, gap)?;
        row += 1;
    }
    if let Some(field) = d.needs_input {
        s.bold(row, 0, "需补充")?;
        s.text(row, 1, field.label_zh(), None)?;
        row += 1;
    }
    row = missing(s, row, d)?;

    if !d.periods.is_empty() {
        row = heading(s, row, "各期情况")?;
        s.header(row, 0, &["期间", "进度", "次数", "目标", "是否达标", "缺少"])?;
        row += 1;
        for p in &d.periods {
            let (state, met) = match p.state {
                SlotState::Ended => ("已结束", if p.met { "达标" } else { "未达标" }),
                SlotState::Current => ("进行中", if p.met { "达标" } else { "尚未达到" }),
                SlotState::Future => ("未开始", if p.met { "达标" } else { "—" }),
            };
            s.text(row, 0, &scorecard_model::calendar::missing_item_text(&p.label, true), None)?;
            s.text(row, 1, state, None)?;
            s.count(row, 2, u64::from(p.count))?;
            s.count(row, 3, u64::from(p.target))?;
            s.text(row, 4, met, None)?;
            s.text(row, 5, &p.lacking.join("、"), None)?;
            row += 1;
        }
    }
    if !d.counts.is_empty() {
        row = heading(s, row, "分项次数")?;
        s.header(row, 0, &["名称", "次数", "目标"])?;
        row += 1;
        for c in &d.counts {
            s.text(row, 0, &c.name, None)?;
            s.count(row, 1, u64::from(c.count))?;
            s.count(row, 2, u64::from(c.target))?;
            row += 1;
        }
    }
    if !d.suggestions.is_empty() {
        row = heading(s, row, "待确认的节庆日活动")?;
        s.header(row, 0, &["活动名称", "站点", "日期", "临近节庆日", "节庆日日期"])?;
        row += 1;
        for g in &d.suggestions {
            s.text(row, 0, &g.activity, None)?;
            s.text(row, 1, &g.station, None)?;
            s.date(row, 2, g.date)?;
            s.text(row, 3, &g.holiday, None)?;
            s.date(row, 4, g.holiday_date)?;
            row += 1;
        }
    }
    if !d.short.is_empty() {
        row = heading(s, row, "服务时长不足的志愿者")?;
        s.header(row, 0, &["姓名", "站点", "已有时长", "全年还需", "落后于时间进度"])?;
        row += 1;
        for v in &d.short {
            s.text(row, 0, &v.name, None)?;
            s.text(row, 1, &v.station, None)?;
            s.value(row, 2, Unit::Hours, Some(v.hours))?;
            s.value(row, 3, Unit::Hours, Some(v.needed))?;
            s.text(row, 4, if v.behind { "是" } else { "否" }, None)?;
            row += 1;
        }
    }
    Ok(row)
}

/// What is missing: one line for a list, one line per name for T1's map.
fn missing(s: &mut Sheet, mut row: u32, d: &Detail) -> Result<u32, ExportError> {
    let shown = d.missing.items() as u64;
    let more = if d.missing_total > shown {
        format!("（{}）", cut_zh(Some(d.missing_total), shown, "项"))
    } else {
        String::new()
    };
    match &d.missing {
        Missing::List(v) if !v.is_empty() => {
            s.bold(row, 0, "未完成")?;
            s.wrap_across(row, 1, WIDE, &format!("{}{more}", readable(v).join("、")))?;
            row += 1;
        }
        Missing::ByName(v) if !v.is_empty() => {
            s.bold(row, 0, &format!("未完成{more}"))?;
            row += 1;
            for (name, items) in v {
                s.text(row, 0, name, None)?;
                s.wrap_across(row, 1, WIDE, &readable(items).join("、"))?;
                row += 1;
            }
        }
        _ => {}
    }
    Ok(row)
}

/// Missing items as the report's reader writes them (`2017-Q2` → `第二季度`).
fn readable(items: &[String]) -> Vec<String> {
    items.iter().map(|i| scorecard_model::calendar::missing_item_text(i, true)).collect()
}
