//! The optional sheets: 月度通报 (monthly replay), 星级志愿者 (star levels), 测算 (what-if).

use crate::drill_down::{find_result, Locator};
use crate::xlsx::writer::{Res, Sheet, ROW_MAX};
use scorecard_model::calendar::period_text;
use scorecard_model::mask::mask_id;
use scorecard_model::model::Tables;
use scorecard_score::insights::{Replay, StarList, WhatIf};
use scorecard_score::{Scorecard, Status, Unit};

/// 月度通报: counts at each month end, each indicator's status month by month, and the
/// month each indicator (or station) first fell short.
pub(super) fn replay(s: &mut Sheet, card: &Scorecard, r: &Replay) -> Res {
    let f = s.f;
    s.text(0, 0, &format!("{}年月度通报（各月月末的考核结果）", card.year), Some(&f.title))?;
    if r.months.is_empty() {
        s.text(2, 0, "考核年度内还没有已结束的月份。", Some(&f.note))?;
        return Ok(());
    }
    let mut row = 2;
    s.header(row, 0, &["月份", "截至", "达标", "未达标", "按进度", "落后", "进行中", "需补充", "未达标站点数"])?;
    row += 1;
    for m in &r.months {
        let sm = &m.summary;
        s.text(row, 0, &period_text(&m.month, true, true), None)?;
        s.date(row, 1, m.as_of)?;
        let counts = [sm.met, sm.not_met, sm.on_track, sm.behind, sm.in_progress, sm.needs_input];
        for (c, n) in (2u16..).zip(counts) {
            s.count(row, c, u64::from(n))?;
        }
        s.count(row, 8, sm.stations_short.len() as u64)?;
        row += 1;
    }

    row += 1;
    s.text(row, 0, "各指标逐月状态", Some(&f.subtitle))?;
    row += 1;
    let mut headers = vec!["指标".to_string(), "名称".to_string()];
    headers.extend(r.months.iter().map(|m| m.month.clone()));
    s.header(row, 0, &headers)?;
    row += 1;
    let ids: Vec<&str> =
        r.months.first().map(|m| m.indicators.iter().map(|i| i.id.as_str()).collect()).unwrap_or_default();
    for id in ids {
        s.text(row, 0, id, None)?;
        s.text(row, 1, find_result(&card.indicators, id).map_or("", |x| x.label.as_str()), None)?;
        for (c, m) in (2u16..).zip(&r.months) {
            match m.indicators.iter().find(|i| i.id == id) {
                Some(i) => s.status(row, c, i.status)?,
                None => s.text(row, c, "—", None)?,
            }
        }
        row += 1;
    }

    row += 1;
    s.text(row, 0, "首次未达标的月份", Some(&f.subtitle))?;
    row += 1;
    if r.first_short.is_empty() {
        s.text(row, 0, "各月月末均没有未达标或落后的指标。", Some(&f.note))?;
        return Ok(());
    }
    s.header(row, 0, &["指标", "名称", "站点", "月份", "状态"])?;
    row += 1;
    for x in &r.first_short {
        s.text(row, 0, &x.indicator, None)?;
        s.text(row, 1, find_result(&card.indicators, &x.indicator).map_or("", |i| i.label.as_str()), None)?;
        s.text(row, 2, x.station.as_deref().unwrap_or("全部"), None)?;
        s.text(row, 3, &period_text(&x.month, true, true), None)?;
        s.status(row, 4, x.status)?;
        row += 1;
    }
    Ok(())
}

/// 星级志愿者: the scale, the distribution and the list (names, masked ID numbers).
pub(super) fn stars(s: &mut Sheet, r: &StarList, tables: &Tables) -> Res {
    let f = s.f;
    s.text(0, 0, "星级志愿者", Some(&f.title))?;
    s.text(1, 0, &format!("{}（{}）", r.scheme.name_zh, r.scheme.source), None)?;
    if let Some(field) = r.needs_input {
        s.bold(3, 0, "需补充")?;
        s.text(3, 1, field.label_zh(), None)?;
        return Ok(());
    }
    let mut row = 3;
    s.header(row, 0, &["星级", "所需累计时长", "人数"])?;
    row += 1;
    for (k, n) in r.distribution.iter().enumerate() {
        let level = if k == 0 { "未达星级".to_string() } else { "★".repeat(k) };
        s.text(row, 0, &level, None)?;
        match k.checked_sub(1).and_then(|i| r.scheme.thresholds.get(i)) {
            Some(t) => s.value(row, 1, Unit::Hours, Some(*t))?,
            None => s.text(row, 1, "—", None)?,
        }
        s.count(row, 2, *n)?;
        row += 1;
    }
    s.text(row, 0, "未填累计时长", None)?;
    s.count(row, 2, r.without_hours)?;
    row += 2;

    s.header(row, 0, &["姓名", "证件号码", "站点", "累计服务时长", "星级", "距下一星级"])?;
    s.repeat_header(row);
    row += 1;
    let mut find = Locator::new(&tables.volunteers);
    for v in r.volunteers.iter().take(usize::try_from(ROW_MAX.saturating_sub(row)).unwrap_or(0)) {
        s.text(row, 0, &v.name, None)?;
        let id = find.get(v.at).and_then(|x| x.id_number).map(|sym| mask_id(tables.s(sym)));
        s.text(row, 1, id.as_deref().unwrap_or(""), None)?;
        s.text(row, 2, &v.station, None)?;
        s.value(row, 3, Unit::Hours, Some(v.hours))?;
        s.text(row, 4, &if v.stars == 0 { "—".to_string() } else { "★".repeat(v.stars) }, None)?;
        match v.to_next {
            Some(h) => s.value(row, 5, Unit::Hours, Some(h))?,
            None => s.text(row, 5, "已达最高星级", None)?,
        }
        row += 1;
    }
    Ok(())
}

/// 测算: what closes X1–X3 by year end, at today's registrations and after X1's.
pub(super) fn what_if(s: &mut Sheet, w: &WhatIf) -> Res {
    let f = s.f;
    s.text(0, 0, "测算：到年底补齐差距需要什么", Some(&f.title))?;
    let mut row = 2;
    for (label, n) in [("已注册志愿者（人）", w.registered), ("有服务记录（人）", w.active)] {
        s.bold(row, 0, label)?;
        s.count(row, 1, n)?;
        row += 1;
    }
    s.bold(row, 0, "服务总时长")?;
    s.value(row, 1, Unit::Hours, Some(w.hours))?;
    row += 1;
    s.bold(row, 0, "距年底天数")?;
    s.count(row, 1, u64::from(w.days_left))?;
    row += 2;

    s.header(row, 0, &["需要", "按现有注册人数", "完成注册目标（X1）后"])?;
    row += 1;
    s.text(row, 0, "新增注册志愿者（人）", None)?;
    opt_count(s, row, 1, w.registrations_needed)?;
    opt_count(s, row, 2, w.registrations_needed)?;
    row += 1;
    s.text(row, 0, "新增有服务记录的志愿者（人）", None)?;
    opt_count(s, row, 1, w.active_needed)?;
    opt_count(s, row, 2, w.active_needed_after_registrations)?;
    row += 1;
    s.text(row, 0, "到年底还需服务时长", None)?;
    s.value(row, 1, Unit::Hours, w.hours_needed)?;
    s.value(row, 2, Unit::Hours, w.hours_needed_after_registrations)?;
    row += 1;
    s.text(row, 0, "平均每月需服务时长", None)?;
    s.value(row, 1, Unit::Hours, w.hours_per_month)?;
    s.value(row, 2, Unit::Hours, w.hours_per_month_after_registrations)?;
    row += 2;

    if !w.plan.is_empty() {
        s.text(row, 0, "行动计划", Some(&f.subtitle))?;
        row += 1;
        for (i, (zh, _)) in w.plan.iter().enumerate() {
            s.text(row, 0, &format!("{}. {zh}", i + 1), None)?;
            row += 1;
        }
        row += 1;
    }
    if !w.needs_input.is_empty() {
        s.bold(row, 0, "需补充")?;
        let fields: Vec<&str> = w.needs_input.iter().map(|f| f.label_zh()).collect();
        s.text(row, 1, &fields.join("、"), None)?;
        s.status(row, 2, Status::NeedsInput)?;
    }
    Ok(())
}

fn opt_count(s: &mut Sheet, row: u32, col: u16, n: Option<u64>) -> Res {
    match n {
        Some(n) => s.count(row, col, n),
        None => s.text(row, col, "—", None),
    }
}
