//! X8: holiday-themed activities in the year up to the as-of date.
//!
//! An activity counts when its 节庆日 cell or its name names one of the 25 holidays (by
//! name or alias), or when the user confirmed it. An activity within 3 days of a holiday
//! that names none is only suggested: listed in `suggestions` (and as a `suggestion`
//! finding) with the key to confirm it by, never counted until confirmed.
//!
//! `missing` lists the holidays already passed that had no counted activity; the gap names
//! the next holidays still ahead.

use crate::facts::HolidayMark;
use crate::result::{Detail, HolidaySuggestion, InputField, NamedCount, RowSet, Unit};
use crate::rules::{annual_status, capped, days_left_text, needs, Cx, View};
use crate::scope::in_view;
use scorecard_model::calendar::day_text;
use scorecard_model::phrasing::sentences::{list_en, list_zh};

pub(super) fn holiday_activities(cx: &Cx, view: View, min: u32) -> Detail {
    if !cx.facts.has_activities {
        return needs(InputField::Activities, Unit::Count);
    }
    let d = cx.snap.d;
    let hols = &cx.facts.holidays;
    let mut per_holiday = vec![0u32; hols.len()];
    let mut rows = RowSet::default();
    // activities counted (one per activity; a matrix's activities share a sheet row)
    let mut counted = 0u64;
    let mut suggestions = Vec::new();
    for a in cx.facts.acts.iter().filter(|a| a.date <= d && in_view(a.place, view)) {
        match a.holiday {
            HolidayMark::Named => {
                counted += 1;
                rows.push(a.at);
                for &h in &a.tags.holidays {
                    if let Some(c) = per_holiday.get_mut(h) {
                        *c = c.saturating_add(1);
                    }
                }
            }
            HolidayMark::Confirmed(h) => {
                counted += 1;
                rows.push(a.at);
                if let Some(c) = per_holiday.get_mut(h) {
                    *c = c.saturating_add(1);
                }
            }
            HolidayMark::Suggested(h) => {
                let Some(hol) = hols.get(h) else { continue };
                let row = cx.tables.activities.get(a.row);
                suggestions.push(HolidaySuggestion {
                    key: a.key.clone(),
                    station: row.map(|r| cx.tables.so(r.station).to_string()).unwrap_or_default(),
                    date: a.date,
                    activity: row.map(|r| cx.tables.so(r.name).to_string()).unwrap_or_default(),
                    holiday: hol.name.to_string(),
                    holiday_date: hol.date,
                    at: a.at,
                });
            }
            HolidayMark::None => {}
        }
    }
    let count = u32::try_from(counted).unwrap_or(u32::MAX);
    let status = annual_status(count >= min, cx.snap);
    let passed: Vec<&crate::calendar_and_tags::Holiday> =
        hols.iter().zip(&per_holiday).filter(|(h, &c)| h.date <= d && c == 0).map(|(h, _)| h).collect();
    let passed_without: Vec<String> = passed.iter().map(|h| h.name.to_string()).collect();
    let passed_without_en: Vec<String> = passed.iter().map(|h| h.name_en.to_string()).collect();
    let mut upcoming: Vec<&crate::calendar_and_tags::Holiday> = hols.iter().filter(|h| h.date > d).collect();
    scorecard_model::sort::sort_by_key(&mut upcoming, |h| h.date);
    let next_zh: Vec<String> =
        upcoming.iter().take(3).map(|h| format!("{} {}", h.name, day_text(h.date, true))).collect();
    let next_en: Vec<String> =
        upcoming.iter().take(3).map(|h| format!("{} {}", h.name_en, day_text(h.date, false))).collect();
    let (left_zh, left_en) = days_left_text(cx.snap);
    let (gap, gap_en) = if count >= min {
        (None, None)
    } else {
        let more = min - count;
        let mut zh = format!("还差 {more} 次节庆日主题活动{left_zh}");
        let mut en = format!("{more} more holiday-themed activities needed{left_en}");
        if !next_zh.is_empty() && !cx.snap.year_ended {
            zh.push_str(&format!("；接下来的节日：{}", list_zh(&next_zh, 3)));
            en.push_str(&format!("; next holidays: {}", list_en(&next_en, 3)));
        }
        if !suggestions.is_empty() {
            zh.push_str(&format!("；另有 {} 项活动临近节日，确认后可计入", suggestions.len()));
            en.push_str(&format!("; {} activities near a holiday count once confirmed", suggestions.len()));
        }
        (Some(zh), Some(en))
    };
    let counts = hols
        .iter()
        .zip(&per_holiday)
        .filter(|(_, &c)| c > 0)
        .map(|(h, &c)| NamedCount { name: h.name.to_string(), name_en: h.name_en.to_string(), count: c, target: 0 })
        .collect();
    let (missing, missing_total) = capped(passed_without);
    let missing_en = capped(passed_without_en).0;
    Detail {
        status,
        unit: Unit::Count,
        value: Some(f64::from(count)),
        target: Some(f64::from(min)),
        gap,
        gap_en,
        days_left: (!cx.snap.year_ended).then_some(cx.snap.days_left),
        missing,
        missing_total,
        missing_en,
        counts,
        suggestions,
        rows: rows.into_rows(),
        ..Detail::default()
    }
}
