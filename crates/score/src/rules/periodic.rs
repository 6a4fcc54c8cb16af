//! Per-period rules (X4, X5, D3, M3, T1, T2, G1, M2). Each period that has ended by the
//! as-of date (its last day on or before it) is met or not; the current one is in
//! progress; the indicator is met when every ended period is (indicators.md §4).
//!
//! Decisions:
//! - No period ended yet: met if the current one is already met, else in progress.
//! - Only activities dated on or before the as-of date count, also in the current period.
//! - T2 (the 5th of every month): each month's period is that one day, so a 5th without
//!   an activity fails as soon as it has passed, not only at the end of the month.
//! - G1: months 1–2 are one theme period (暖冬行, 附件 lists them as one row "1－2"), ended
//!   at the end of February; May needs both of its themes (文明旅游 and 助残).
//! - M2 (3-5 and 12-5): each key day is a one-day period; a passed day without an
//!   activity is not met at once (it cannot be made up); the indicator is met only when
//!   every key day has had its activity, else in progress.

use crate::calendar_and_tags as bridge;
use crate::calendar_and_tags::Slot;
use crate::facts::Act;
use crate::result::{Detail, InputField, Missing, PeriodDetail, RowSet, Rows, SlotState, Status, Unit};
use crate::rules::{needs, Cx, View};
use crate::scope::in_view;
use chrono::NaiveDate;
use scorecard_model::calendar::{day_text, missing_item_text, period_text};
use scorecard_model::phrasing::sentences::{list_en, list_zh, ordinal, plural};
use scorecard_model::profile::{KeyDay, PeriodKind, ThemeSlot};

/// One period's count against its target.
struct SlotEval {
    slot: Slot,
    state: SlotState,
    count: u32,
    target: u32,
    met: bool,
    lacking: Vec<String>,
}

fn state_of(slot: &Slot, d: NaiveDate) -> SlotState {
    if slot.last <= d {
        SlotState::Ended
    } else if slot.first <= d {
        SlotState::Current
    } else {
        SlotState::Future
    }
}

/// See the module doc. `final_only`: met only when every period (also future ones) is met.
/// A current period longer than a month (a quarter, G1's Jan–Feb) still short in its last
/// month is at risk (§4: 落后), whatever the ended ones say.
fn periodic_status(evals: &[&SlotEval], final_only: bool, d: NaiveDate) -> Status {
    if evals.iter().any(|e| e.state == SlotState::Ended && !e.met) {
        return Status::NotMet;
    }
    if final_only {
        return if evals.iter().all(|e| e.met) { Status::Met } else { Status::InProgress };
    }
    let any_ended = evals.iter().any(|e| e.state == SlotState::Ended);
    let current: Vec<&&SlotEval> = evals.iter().filter(|e| e.state == SlotState::Current).collect();
    let long = |e: &SlotEval| (e.slot.last - e.slot.first).num_days() > 31;
    if current.iter().any(|e| !e.met && long(e) && crate::rules::in_last_month(Some(e.slot.last), d)) {
        return Status::Behind;
    }
    if any_ended {
        // Every ended period is met; the current one shows as in progress in `periods`.
        Status::Met
    } else if current.is_empty() {
        // Nothing has started yet (e.g. the first 5th of the month is still ahead).
        Status::InProgress
    } else if current.iter().all(|e| e.met) {
        Status::Met
    } else {
        Status::InProgress
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Nouns for gap sentences: 次活动 / activity, activities.
struct Noun {
    zh: &'static str,
    one: &'static str,
    many: &'static str,
}

const ACTIVITY: Noun = Noun { zh: "次活动", one: "activity", many: "activities" };
const TRAINING: Noun = Noun { zh: "次培训", one: "training", many: "trainings" };

/// The usual detail of a single-series per-period rule.
fn detail(cx: &Cx, evals: &[SlotEval], rows: Rows, noun: &Noun, final_only: bool) -> Detail {
    // "每月 2 次" reads better than "每期 2 次": name the period when all slots are months or quarters.
    // One-day periods labelled by their month are T2's "the 5th of every month".
    let day_of_month = evals
        .first()
        .filter(|e| e.slot.first == e.slot.last && e.slot.label.len() == 7)
        .map(|e| chrono::Datelike::day(&e.slot.first));
    let (per_zh, per_en) = match (day_of_month, evals.first().map(|e| e.slot.label.contains('Q'))) {
        (Some(k), _) => (format!("当月{k}号"), format!("on the {}", ordinal(k))),
        (None, Some(true)) => ("每季度".to_string(), "a quarter".to_string()),
        _ if evals.iter().all(|e| e.slot.label.len() == 7) => ("每月".to_string(), "a month".to_string()),
        _ => ("每期".to_string(), "a period".to_string()),
    };
    let refs: Vec<&SlotEval> = evals.iter().collect();
    let status = periodic_status(&refs, final_only, cx.snap.d);
    let ended: Vec<&SlotEval> = evals.iter().filter(|e| e.state == SlotState::Ended).collect();
    // `missing` keeps the machine labels (the JSON's); sentences write them out
    let failed_labels: Vec<String> = ended
        .iter()
        .filter(|e| !e.met)
        .map(|e| {
            if e.lacking.is_empty() {
                e.slot.label.clone()
            } else {
                format!("{} {}", e.slot.label, e.lacking.join("、"))
            }
        })
        .collect();
    let failed_in = |zh: bool| -> Vec<String> { failed_labels.iter().map(|l| missing_item_text(l, zh)).collect() };
    let (failed, failed_en) = (failed_in(true), failed_in(false));
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !failed.is_empty() {
        let target = ended.iter().find(|e| !e.met).map(|e| e.target).unwrap_or(0);
        if ended.iter().any(|e| !e.lacking.is_empty()) {
            zh.push(format!("{} 未开展对应主题的活动", list_zh(&failed, 6)));
            en.push(format!("no activity on the theme in {}", list_en(&failed_en, 6)));
        } else {
            zh.push(format!("{} 未达到{per_zh} {target} {}", list_zh(&failed, 6), noun.zh));
            en.push(format!(
                "{} had fewer than {} ({per_en})",
                list_en(&failed_en, 6),
                plural(u64::from(target), noun.one, noun.many)
            ));
        }
    }
    // The period still open: the current one; a one-day period (a key day, the 5th) also
    // when it is still ahead, since that is the next date to act on.
    let next_open = evals.iter().find(|e| {
        !e.met && (e.state == SlotState::Current || (e.state == SlotState::Future && e.slot.first == e.slot.last))
    });
    if let Some(e) = next_open.filter(|_| status != Status::Met) {
        let left = (e.slot.last - cx.snap.d).num_days().max(0);
        let more = e.target.saturating_sub(e.count);
        let (when_zh, when_en) = (missing_item_text(&e.slot.label, true), missing_item_text(&e.slot.label, false));
        if e.slot.first == e.slot.last && e.state == SlotState::Future {
            zh.push(format!("{} 需开展 {more} {}（还有 {left} 天）", day_text(e.slot.first, true), noun.zh));
            en.push(format!(
                "{}: {} needed ({left} days away)",
                day_text(e.slot.first, false),
                plural(u64::from(more), noun.one, noun.many)
            ));
        } else if e.lacking.is_empty() {
            zh.push(format!("{when_zh} 已有 {} {}，还需 {more} {}（剩 {left} 天）", e.count, noun.zh, noun.zh));
            en.push(format!(
                "{when_en}: {} so far, {} more needed ({left} days left)",
                e.count,
                plural(u64::from(more), noun.one, noun.many)
            ));
        } else {
            zh.push(format!("{when_zh} 还需开展：{}（剩 {left} 天）", e.lacking.join("、")));
            en.push(format!("{when_en} still needs: {} ({left} days left)", e.lacking.join(", ")));
        }
    }
    let met = ended.iter().filter(|e| e.met).count();
    let (gap, gap_en) = if zh.is_empty() { (None, None) } else { (Some(zh.join("；")), Some(en.join("; "))) };
    Detail {
        status,
        unit: Unit::Periods,
        value: Some(met as f64),
        target: Some(ended.len() as f64),
        gap,
        gap_en,
        days_left: (!cx.snap.year_ended).then_some(cx.snap.days_left),
        missing_total: failed_labels.len() as u64,
        missing: Missing::List(failed_labels),
        periods: evals.iter().map(period_detail).collect(),
        rows,
        ..Detail::default()
    }
}

fn period_detail(e: &SlotEval) -> PeriodDetail {
    PeriodDetail {
        label: e.slot.label.clone(),
        state: e.state,
        count: e.count,
        target: e.target,
        met: e.met,
        lacking: e.lacking.clone(),
    }
}

/// Activities in the view dated within the slot and on or before the as-of date.
fn acts_in<'a>(cx: &'a Cx, view: View, slot: &Slot) -> impl Iterator<Item = &'a Act> + 'a {
    let (d, first, last) = (cx.snap.d, slot.first, slot.last);
    cx.facts.acts.iter().filter(move |a| a.date >= first && a.date <= last && a.date <= d && in_view(a.place, view))
}

fn plain(cx: &Cx, slot: Slot, count: usize, min: u32) -> SlotEval {
    let count = to_u32(count);
    SlotEval { state: state_of(&slot, cx.snap.d), slot, count, target: min, met: count >= min, lacking: Vec::new() }
}

/// ≥ `min` trainings per period whose type/topic contains a filter word (X4, D3, M3).
/// A joint training counts once for each station it names.
pub(super) fn trainings(cx: &Cx, view: View, period: PeriodKind, min: u32, filter: &[String]) -> Detail {
    if !cx.facts.has_trainings {
        return needs(InputField::Trainings, Unit::Periods);
    }
    let d = cx.snap.d;
    let matches = |text: &str| filter.is_empty() || filter.iter().any(|w| text.contains(w.as_str()));
    let mut rows = RowSet::default();
    let evals: Vec<SlotEval> = bridge::slots(cx.facts.year, period)
        .into_iter()
        .map(|slot| {
            let hits: Vec<_> = cx
                .facts
                .trains
                .iter()
                .filter(|t| t.date >= slot.first && t.date <= slot.last && t.date <= d)
                .filter(|t| t.places.iter().any(|p| in_view(*p, view)) && matches(&t.text))
                .collect();
            for t in &hits {
                t.rows.iter().for_each(|at| rows.push(*at));
            }
            plain(cx, slot, hits.len(), min)
        })
        .collect();
    detail(cx, &evals, rows.into_rows(), &TRAINING, false)
}

/// The periods of an activities rule: months/quarters, or with `day_of_month` that day of
/// every month (labelled by its month).
fn activity_slots(year: i32, period: PeriodKind, day_of_month: Option<u32>) -> Vec<Slot> {
    let slots = bridge::slots(year, period);
    match day_of_month {
        None => slots,
        Some(day) => slots
            .into_iter()
            .filter_map(|s| {
                let date = NaiveDate::from_ymd_opt(year, chrono::Datelike::month(&s.first), day)?;
                Some(Slot { label: s.label, first: date, last: date })
            })
            .collect(),
    }
}

/// ≥ `min` activities per period (X5), or on a fixed day of every month (T2).
pub(super) fn activities(cx: &Cx, view: View, period: PeriodKind, min: u32, day_of_month: Option<u32>) -> Detail {
    if !cx.facts.has_activities {
        return needs(InputField::Activities, Unit::Periods);
    }
    let mut rows = RowSet::default();
    let evals: Vec<SlotEval> = activity_slots(cx.facts.year, period, day_of_month)
        .into_iter()
        .map(|slot| {
            let hits: Vec<&Act> = acts_in(cx, view, &slot).collect();
            hits.iter().for_each(|a| rows.push(a.at));
            plain(cx, slot, hits.len(), min)
        })
        .collect();
    detail(cx, &evals, rows.into_rows(), &ACTIVITY, false)
}

/// Each team ≥ `min` activities per period (T1). `missing` maps every team to its ended
/// periods without enough activities; `counts` gives each team its ended periods'
/// activities, each period's counted up to `min`, against `min` × ended periods.
pub(super) fn teams(cx: &Cx, view: View, period: PeriodKind, min: u32, teams: &[String]) -> Detail {
    if !cx.facts.has_activities {
        return needs(InputField::Activities, Unit::Periods);
    }
    let slots = bridge::slots(cx.facts.year, period);
    let mut rows = RowSet::default();
    let mut per_team: Vec<(String, Vec<SlotEval>)> = Vec::new();
    for name in teams {
        let idx = cx.profile.team_index(name);
        let evals: Vec<SlotEval> = slots
            .iter()
            .map(|slot| {
                let hits: Vec<&Act> =
                    acts_in(cx, view, slot).filter(|a| idx.is_some_and(|i| a.tags.teams.contains(&i))).collect();
                hits.iter().for_each(|a| rows.push(a.at));
                plain(cx, slot.clone(), hits.len(), min)
            })
            .collect();
        per_team.push((name.clone(), evals));
    }
    let all: Vec<&SlotEval> = per_team.iter().flat_map(|(_, e)| e.iter()).collect();
    let status = periodic_status(&all, false, cx.snap.d);
    let ended: Vec<&&SlotEval> = all.iter().filter(|e| e.state == SlotState::Ended).collect();
    let met = ended.iter().filter(|e| e.met).count();
    // the teams with a month missing (a team with none has nothing to list)
    let missing: Vec<(String, Vec<String>)> = per_team
        .iter()
        .map(|(name, evals)| {
            let months: Vec<String> =
                evals.iter().filter(|e| e.state == SlotState::Ended && !e.met).map(|e| e.slot.label.clone()).collect();
            (name.clone(), months)
        })
        .filter(|(_, months)| !months.is_empty())
        .collect();
    let months_text = |m: &[String], zh: bool| -> Vec<String> { m.iter().map(|l| period_text(l, zh, false)).collect() };
    let short: Vec<String> =
        missing.iter().map(|(t, m)| format!("{t}（{}）", list_zh(&months_text(m, true), 4))).collect();
    let team_en = |t: &str| -> String {
        cx.profile.team_index(t).and_then(|i| cx.profile.teams.get(i)).map_or(t.to_string(), |d| d.en().to_string())
    };
    let short_en: Vec<String> =
        missing.iter().map(|(t, m)| format!("{} ({})", team_en(t), list_en(&months_text(m, false), 4))).collect();
    let current_idle: Vec<String> = per_team
        .iter()
        .filter(|(_, e)| e.iter().any(|s| s.state == SlotState::Current && !s.met))
        .map(|(t, _)| t.clone())
        .collect();
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !short.is_empty() {
        zh.push(format!("{} 支队伍有月份未开展活动：{}", short.len(), short.join("、")));
        en.push(format!("{} teams missed periods: {}", short.len(), short_en.join("; ")));
    }
    if status != Status::Met && !current_idle.is_empty() {
        zh.push(format!("本期还有 {} 支队伍未开展活动：{}", current_idle.len(), list_zh(&current_idle, 7)));
        en.push(format!(
            "{} teams have no activity yet this period: {}",
            current_idle.len(),
            list_en(&current_idle.iter().map(|t| team_en(t)).collect::<Vec<_>>(), 7)
        ));
    }
    let counts = per_team
        .iter()
        .map(|(t, e)| crate::result::NamedCount {
            name: t.clone(),
            name_en: cx
                .profile
                .team_index(t)
                .and_then(|i| cx.profile.teams.get(i))
                .map(|d| d.en().to_string())
                .unwrap_or_default(),
            // what the status is decided on (issue 28: a team with two activities in one month
            // and none in the next read ✔ under a 未达标 card): each ended period's activities
            // up to the target, so the line is short exactly when a period is
            count: e.iter().filter(|s| s.state == SlotState::Ended).map(|s| s.count.min(min)).sum(),
            target: min.saturating_mul(to_u32(e.iter().filter(|s| s.state == SlotState::Ended).count())),
        })
        .collect();
    let (gap, gap_en) = if zh.is_empty() { (None, None) } else { (Some(zh.join("；")), Some(en.join("; "))) };
    Detail {
        status,
        unit: Unit::Periods,
        value: Some(met as f64),
        target: Some(ended.len() as f64),
        gap,
        gap_en,
        days_left: (!cx.snap.year_ended).then_some(cx.snap.days_left),
        missing_total: missing.iter().map(|(_, m)| m.len() as u64).sum(),
        missing: Missing::ByName(missing),
        counts,
        rows: rows.into_rows(),
        ..Detail::default()
    }
}

/// G1: every theme period has ≥ 1 activity on each of its themes.
pub(super) fn theme_calendar(cx: &Cx, view: View, slots: &[ThemeSlot]) -> Detail {
    if !cx.facts.has_activities {
        return needs(InputField::Activities, Unit::Periods);
    }
    let year = cx.facts.year;
    let mut rows = RowSet::default();
    let mut evals = Vec::new();
    for ts in slots {
        let (Some(&m0), Some(&m1)) = (ts.months.iter().min(), ts.months.iter().max()) else { continue };
        let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(year, m0, 1), bridge::month_end(year, m1)) else {
            continue;
        };
        let label =
            if m0 == m1 { bridge::month_label(year, m0) } else { format!("{}~{m1:02}", bridge::month_label(year, m0)) };
        let slot = Slot { label, first, last };
        let mut lacking = Vec::new();
        let mut covered = 0u32;
        for theme in &ts.themes {
            let idx = cx.profile.theme_index(theme);
            let hits: Vec<&Act> =
                acts_in(cx, view, &slot).filter(|a| idx.is_some_and(|i| a.tags.themes.contains(&i))).collect();
            hits.iter().for_each(|a| rows.push(a.at));
            if hits.is_empty() {
                lacking.push(theme.clone());
            } else {
                covered += 1;
            }
        }
        let target = to_u32(ts.themes.len());
        evals.push(SlotEval {
            state: state_of(&slot, cx.snap.d),
            slot,
            count: covered,
            target,
            met: lacking.is_empty(),
            lacking,
        });
    }
    detail(cx, &evals, rows.into_rows(), &ACTIVITY, false)
}

/// M2: ≥ `min` activities on each key day.
pub(super) fn key_days(cx: &Cx, view: View, min: u32, days: &[KeyDay]) -> Detail {
    if !cx.facts.has_activities {
        return needs(InputField::Activities, Unit::Periods);
    }
    let mut rows = RowSet::default();
    let evals: Vec<SlotEval> = days
        .iter()
        .filter_map(|k| {
            let date = NaiveDate::from_ymd_opt(cx.facts.year, k.month, k.day)?;
            let slot = Slot { label: format!("{date} {}", k.name_zh), first: date, last: date };
            let hits: Vec<&Act> = acts_in(cx, view, &slot).collect();
            hits.iter().for_each(|a| rows.push(a.at));
            Some(plain(cx, slot, hits.len(), min))
        })
        .collect();
    detail(cx, &evals, rows.into_rows(), &ACTIVITY, true)
}
