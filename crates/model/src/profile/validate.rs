//! Checking a profile a user edited by hand: every problem becomes a [`ProfileProblem`]
//! (never a panic), so the UI can list them next to the imported file.

use crate::finding::Severity;
use crate::profile::builtin::BUILTIN_IDS;
use crate::profile::indicator::*;
use crate::profile::share::BP_PER_ONE;
use crate::profile::{Profile, TagEntry};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One thing wrong with a profile. `Error` problems stop the import; `Warning`s do not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileProblem {
    pub severity: Severity,
    /// The indicator id the problem is in, when it is in one.
    pub indicator: Option<String>,
    pub message: String,
    pub message_en: String,
}

fn err(ind: Option<&str>, zh: String, en: String) -> ProfileProblem {
    ProfileProblem { severity: Severity::Error, indicator: ind.map(str::to_string), message: zh, message_en: en }
}

fn warn(ind: Option<&str>, zh: String, en: String) -> ProfileProblem {
    ProfileProblem { severity: Severity::Warning, ..err(ind, zh, en) }
}

/// Reads a profile exported as JSON and checks it. `Ok` carries the profile and any
/// warnings; `Err` lists every problem that stops it from being used.
///
/// A custom profile must not reuse a built-in id (it would shadow the built-in one):
/// give it a new id and keep the original in `based_on`.
pub fn import_json(text: &str) -> Result<(Profile, Vec<ProfileProblem>), Vec<ProfileProblem>> {
    let profile: Profile = match serde_json::from_str(text) {
        Ok(p) => p,
        Err(e) => {
            return Err(vec![err(
                None,
                format!(
                    "方案文件无法读取（第 {} 行第 {} 列）：{e}。请使用本程序导出的方案文件。",
                    e.line(),
                    e.column()
                ),
                format!(
                    "The profile file cannot be read (line {}, column {}): {e}. Use a profile exported by this app.",
                    e.line(),
                    e.column()
                ),
            )]);
        }
    };
    let mut problems = validate(&profile);
    if BUILTIN_IDS.contains(&profile.id.trim()) {
        problems.push(err(
            None,
            format!(
                "方案编号「{}」与内置方案相同。自定义方案请改用新的编号，并在 based_on 中保留原方案编号。",
                profile.id
            ),
            format!(
                "Profile id \"{}\" is a built-in id. Give a custom profile a new id and keep the original in based_on.",
                profile.id
            ),
        ));
    } else if profile.based_on.is_none() {
        problems.push(warn(
            None,
            "自定义方案没有注明 based_on（基于哪个内置方案）。".into(),
            "The custom profile does not say which built-in profile it is based_on.".into(),
        ));
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Err(problems)
    } else {
        Ok((profile, problems))
    }
}

/// Every problem of a profile's data: ids, thresholds, periods, scopes, dictionary references.
/// The built-in profiles have none (tested).
pub fn validate(p: &Profile) -> Vec<ProfileProblem> {
    let mut out = Vec::new();
    if p.id.trim().is_empty() {
        out.push(err(None, "方案编号为空。".into(), "The profile id is empty.".into()));
    }
    if p.name_zh.trim().is_empty() {
        out.push(err(None, "方案名称为空。".into(), "The profile name is empty.".into()));
    }
    if p.indicators.is_empty() {
        out.push(err(None, "方案没有任何指标。".into(), "The profile has no indicators.".into()));
    }
    check_dict(&p.themes, "主题", "theme", &mut out);
    check_dict(&p.teams, "服务队", "team", &mut out);
    let mut ids = BTreeSet::new();
    for ind in &p.indicators {
        let id = ind.id.trim();
        if id.is_empty() {
            out.push(err(
                None,
                format!("指标「{}」没有编号。", ind.label_zh),
                format!("Indicator \"{}\" has no id.", ind.label_en),
            ));
        } else if !ids.insert(id.to_string()) {
            out.push(err(Some(id), format!("指标编号 {id} 重复。"), format!("Indicator id {id} is used twice.")));
        }
        if ind.label_zh.trim().is_empty() {
            out.push(err(Some(id), format!("指标 {id} 没有名称。"), format!("Indicator {id} has no label.")));
        }
        check_rule(p, id, ind.period, ind.scope, &ind.rule, &mut out);
    }
    out
}

fn check_dict(dict: &[TagEntry], zh: &str, en: &str, out: &mut Vec<ProfileProblem>) {
    let mut names = BTreeSet::new();
    for t in dict {
        let n = t.name.trim();
        if n.is_empty() {
            out.push(err(None, format!("{zh}词典中有一项没有名称。"), format!("A {en} entry has no name.")));
        } else if !names.insert(n) {
            out.push(err(None, format!("{zh}「{n}」在词典中出现两次。"), format!("The {en} \"{n}\" is listed twice.")));
        }
        if t.aliases.iter().any(|a| a.trim().is_empty()) {
            out.push(err(None, format!("{zh}「{n}」有空白的别名。"), format!("The {en} \"{n}\" has an empty alias.")));
        }
    }
}

fn share_ok(id: &str, bp: u32, out: &mut Vec<ProfileProblem>) {
    if bp > BP_PER_ONE || bp == 0 {
        out.push(err(
            Some(id),
            format!("指标 {id} 的比例应在 0 到 1 之间（如 0.13 表示 13%）。"),
            format!("Indicator {id}: a share must be between 0 and 1 (0.13 means 13%)."),
        ));
    }
}

fn hours_ok(id: &str, h: f64, out: &mut Vec<ProfileProblem>) {
    if !(h.is_finite() && h > 0.0 && h <= 8784.0) {
        out.push(err(
            Some(id),
            format!("指标 {id} 的小时数应为正数。"),
            format!("Indicator {id}: hours must be a positive number."),
        ));
    }
}

fn min_ok(id: &str, min: u32, out: &mut Vec<ProfileProblem>) {
    if min == 0 {
        out.push(err(
            Some(id),
            format!("指标 {id} 的次数至少为 1。"),
            format!("Indicator {id}: the count must be at least 1."),
        ));
    }
}

fn periodic(id: &str, period: PeriodKind, out: &mut Vec<ProfileProblem>) {
    if !matches!(period, PeriodKind::Month | PeriodKind::Quarter) {
        out.push(err(
            Some(id),
            format!("指标 {id} 按期统计，周期应为 month（每月）或 quarter（每季度）。"),
            format!("Indicator {id} counts per period; its period must be month or quarter."),
        ));
    }
}

fn theme_ref(p: &Profile, id: &str, name: &str, out: &mut Vec<ProfileProblem>) {
    if p.theme_index(name).is_none() {
        out.push(err(
            Some(id),
            format!("指标 {id} 用到主题「{name}」，但主题词典里没有它。"),
            format!("Indicator {id} uses the theme \"{name}\", which is not in the theme dictionary."),
        ));
    }
}

fn check_rule(p: &Profile, id: &str, period: PeriodKind, scope: Scope, rule: &Rule, out: &mut Vec<ProfileProblem>) {
    let context_ratio =
        matches!(rule, Rule::RegisteredShare { .. } | Rule::UnitRegisteredShare { .. } | Rule::ParticipantShare { .. });
    if context_ratio && scope == Scope::PerStation {
        out.push(err(
            Some(id),
            format!("指标 {id} 除以手工填写的人数（常住人口/职工总数），只能整体计算，不能按站点计算。"),
            format!(
                "Indicator {id} divides by a number entered by hand (population/staff); it cannot be scored \
                per station."
            ),
        ));
    }
    match rule {
        Rule::RegisteredShare { min, .. }
        | Rule::RecordShare { min }
        | Rule::PartyRecordShare { min }
        | Rule::ParticipantShare { min, .. } => share_ok(id, min.bp(), out),
        Rule::UnitRegisteredShare { targets } => {
            let mut seen = BTreeSet::new();
            for t in targets {
                share_ok(id, t.min.bp(), out);
                if !seen.insert(t.unit_type.code()) {
                    out.push(err(
                        Some(id),
                        format!("指标 {id} 中单位类型「{}」出现两次。", t.unit_type.label_zh()),
                        format!("Indicator {id} lists the unit type \"{}\" twice.", t.unit_type.label_en()),
                    ));
                }
            }
        }
        Rule::HoursPerHead { hours } => hours_ok(id, *hours, out),
        Rule::HeadsReachingHours { hours, min, .. } => {
            hours_ok(id, *hours, out);
            share_ok(id, min.bp(), out);
        }
        Rule::TrainingsPerPeriod { min, filter } => {
            min_ok(id, *min, out);
            periodic(id, period, out);
            if filter.iter().any(|f| f.trim().is_empty()) {
                out.push(err(
                    Some(id),
                    format!("指标 {id} 的培训类型中有空白词。"),
                    format!("Indicator {id} has an empty training word."),
                ));
            }
        }
        Rule::ActivitiesPerPeriod { min, day_of_month } => {
            min_ok(id, *min, out);
            periodic(id, period, out);
            if let Some(d) = day_of_month {
                if !(1..=28).contains(d) || period != PeriodKind::Month {
                    out.push(err(
                        Some(id),
                        format!("指标 {id} 的固定日期应为每月 1–28 日中的一天，且周期为每月。"),
                        format!("Indicator {id}: the day of month must be 1–28 and the period month."),
                    ));
                }
            }
        }
        Rule::TeamsPerPeriod { min, teams } => {
            min_ok(id, *min, out);
            periodic(id, period, out);
            if teams.is_empty() {
                out.push(err(
                    Some(id),
                    format!("指标 {id} 没有列出服务队。"),
                    format!("Indicator {id} lists no teams."),
                ));
            }
            for t in teams {
                if p.team_index(t).is_none() {
                    out.push(err(
                        Some(id),
                        format!("指标 {id} 用到服务队「{t}」，但服务队词典里没有它。"),
                        format!("Indicator {id} uses the team \"{t}\", which is not in the team dictionary."),
                    ));
                }
            }
        }
        Rule::ThemeCalendar { slots } => {
            let mut months = BTreeSet::new();
            for s in slots {
                if s.months.is_empty() || s.themes.is_empty() {
                    out.push(err(
                        Some(id),
                        format!("指标 {id} 有一个空的月份主题。"),
                        format!("Indicator {id} has an empty month slot."),
                    ));
                }
                for m in &s.months {
                    if !(1..=12).contains(m) || !months.insert(*m) {
                        out.push(err(
                            Some(id),
                            format!("指标 {id} 的月份 {m} 无效或重复。"),
                            format!("Indicator {id}: month {m} is invalid or listed twice."),
                        ));
                    }
                }
                for t in &s.themes {
                    theme_ref(p, id, t, out);
                }
            }
        }
        Rule::KeyDays { min, days } => {
            min_ok(id, *min, out);
            for d in days {
                // 2000 is a leap year, so 2-29 is accepted here (and skipped in other years).
                if NaiveDate::from_ymd_opt(2000, d.month, d.day).is_none() {
                    out.push(err(
                        Some(id),
                        format!("指标 {id} 的日期 {}-{} 无效。", d.month, d.day),
                        format!("Indicator {id}: the date {}-{} is invalid.", d.month, d.day),
                    ));
                }
            }
        }
        Rule::ThemeCoverage { themes } => {
            for t in themes {
                min_ok(id, t.min, out);
                theme_ref(p, id, &t.theme, out);
            }
        }
        Rule::DistinctTeams { min } => {
            min_ok(id, *min, out);
            if usize::try_from(*min).unwrap_or(usize::MAX) > p.teams.len() {
                out.push(err(
                    Some(id),
                    format!("指标 {id} 要求 {min} 类服务队，但服务队词典只有 {} 类。", p.teams.len()),
                    format!("Indicator {id} needs {min} team kinds but the team dictionary has {}.", p.teams.len()),
                ));
            }
        }
        Rule::HolidayActivities { min } => min_ok(id, *min, out),
        Rule::Materials => {}
        Rule::Checklist { items } => {
            let mut seen = BTreeSet::new();
            for it in items {
                if it.item.trim().is_empty() || !seen.insert(it.item.trim()) {
                    out.push(err(
                        Some(id),
                        format!("指标 {id} 的核对项为空或重复。"),
                        format!("Indicator {id} has an empty or repeated checklist item."),
                    ));
                }
            }
            if period == PeriodKind::Year {
                out.push(err(
                    Some(id),
                    format!("核对指标 {id} 的周期只能是 none、month 或 quarter。"),
                    format!("Checklist indicator {id}: the period must be none, month or quarter."),
                ));
            }
        }
        Rule::AllOf { parts } => {
            if parts.is_empty() {
                out.push(err(
                    Some(id),
                    format!("组合指标 {id} 没有组成部分。"),
                    format!("Composite indicator {id} has no parts."),
                ));
            }
            let mut seen = BTreeSet::new();
            for part in parts {
                if !seen.insert(part.id.as_str()) {
                    out.push(err(
                        Some(id),
                        format!("组合指标 {id} 的部分编号重复。"),
                        format!("Composite {id} repeats a part id."),
                    ));
                }
                if matches!(part.rule, Rule::AllOf { .. }) {
                    out.push(err(
                        Some(id),
                        format!("组合指标 {id} 不能再嵌套组合。"),
                        format!("Composite {id} cannot nest a composite."),
                    ));
                    continue;
                }
                check_rule(p, &part.id, part.period, scope, &part.rule, out);
            }
        }
    }
}
