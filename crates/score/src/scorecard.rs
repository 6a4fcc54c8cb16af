//! The last stage: the rules' results gathered into a [`Scorecard`] (its summary, the
//! stations, what was left out and why), and the one entry point [`score`].

use crate::facts::{finding_at, Facts, HolidayMark};
use crate::result::{IndicatorResult, InputField, MissingStation, Status};
use crate::snapshot::HoursSource;
use crate::snapshot::Snapshot;
use crate::{rules, scope};
use chrono::NaiveDate;
use scorecard_model::context::Context;
use scorecard_model::finding::{Finding, FindingKind, Severity};
use scorecard_model::model::Tables;
use scorecard_model::profile::{Profile, Rule};
use serde::{Deserialize, Serialize};

/// Counts of indicator statuses, bonus items left out (they never fail the profile).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub met: u32,
    pub not_met: u32,
    pub on_track: u32,
    pub behind: u32,
    pub in_progress: u32,
    pub needs_input: u32,
    /// Non-bonus indicators falling short now (not met or behind).
    pub failing: u32,
    pub bonus_total: u32,
    pub bonus_met: u32,
    /// Stations failing at least one non-bonus per-station indicator, with those ids.
    pub stations_short: Vec<StationShort>,
    /// Non-bonus per-station indicators computed station by station (not needing input).
    #[serde(default)]
    pub stations_scored: u32,
    /// Non-bonus per-station indicators that could not be computed (needs input): nothing
    /// can be said about their stations yet (issue 28). See [`Summary::stations_note`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stations_unscored: Vec<Unscored>,
}

/// A per-station indicator not computed yet, and the field it needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unscored {
    pub id: String,
    pub needs: Option<InputField>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StationShort {
    pub station: String,
    pub indicators: Vec<String>,
}

impl Summary {
    pub fn of(results: &[IndicatorResult]) -> Summary {
        let mut s = Summary::default();
        for r in results {
            if r.bonus {
                s.bonus_total += 1;
                if r.detail.status == Status::Met {
                    s.bonus_met += 1;
                }
                continue;
            }
            match r.detail.status {
                Status::Met => s.met += 1,
                Status::NotMet => s.not_met += 1,
                Status::OnTrack => s.on_track += 1,
                Status::Behind => s.behind += 1,
                Status::InProgress => s.in_progress += 1,
                Status::NeedsInput => s.needs_input += 1,
            }
            if r.detail.status.is_failing() {
                s.failing += 1;
            }
            if r.scope == scorecard_model::profile::Scope::PerStation {
                if r.detail.status == Status::NeedsInput {
                    s.stations_unscored.push(Unscored { id: r.id.clone(), needs: r.detail.needs_input });
                } else {
                    s.stations_scored += 1;
                }
            }
            for st in r.stations.iter().filter(|st| st.detail.status.is_failing()) {
                match s.stations_short.iter_mut().find(|x| x.station == st.station) {
                    Some(x) => x.indicators.push(r.id.clone()),
                    None => s
                        .stations_short
                        .push(StationShort { station: st.station.clone(), indicators: vec![r.id.clone()] }),
                }
            }
        }
        s
    }

    /// The line about the stations under the summary (Chinese, English), one wording for
    /// the page and the report: which per-station indicators still need data, when some
    /// do (never "all stations are fine" over indicators that could not be computed);
    /// else, when no station falls short, that none does; else `None` (the stations
    /// falling short are listed from `stations_short`), also when the profile has no
    /// per-station indicator.
    pub fn stations_note(&self) -> Option<(String, String)> {
        if !self.stations_unscored.is_empty() {
            let mut groups: Vec<(Option<InputField>, Vec<&str>)> = Vec::new();
            for u in &self.stations_unscored {
                match groups.iter_mut().find(|g| g.0 == u.needs) {
                    Some(g) => g.1.push(&u.id),
                    None => groups.push((u.needs, vec![&u.id])),
                }
            }
            let zh: Vec<String> = groups
                .iter()
                .map(|(f, ids)| match f {
                    Some(f) => format!("{} 需补充{}", ids.join("、"), f.label_zh()),
                    None => format!("{} 尚无法计算", ids.join("、")),
                })
                .collect();
            let en: Vec<String> = groups
                .iter()
                .map(|(f, ids)| match f {
                    Some(f) => format!("{} need the {}", ids.join(", "), f.label_en()),
                    None => format!("{} cannot be computed yet", ids.join(", ")),
                })
                .collect();
            return Some((
                format!("分站点指标 {}，尚不能判断各站点是否达标。", zh.join("；")),
                format!(
                    "Per-station indicators: {}. Whether every station meets them is not known yet.",
                    en.join("; ")
                ),
            ));
        }
        (self.stations_short.is_empty() && self.stations_scored > 0).then(|| {
            (
                "所有站点的分站点指标都未出现未达标。".to_string(),
                "No station falls short on a per-station indicator.".to_string(),
            )
        })
    }
}

/// An indicator of the profile that is not shown for this data, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Omitted {
    pub id: String,
    pub reason: String,
    pub reason_en: String,
}

/// The scored profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Profile id.
    pub profile: String,
    pub profile_name: String,
    pub profile_name_en: String,
    pub year: i32,
    pub as_of: NaiveDate,
    pub days_left: u32,
    pub summary: Summary,
    pub indicators: Vec<IndicatorResult>,
    pub findings: Vec<Finding>,
    /// The stations assessed (the context's, else every station in the data).
    pub stations: Vec<String>,
    pub hours_source: HoursSource,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
    /// 汇总报送: the stations whose data is not in it (report file refused, or none
    /// received), to be named at the top; empty for an import without report files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_stations: Vec<MissingStation>,
}

/// Scores `profile` over `tables` for the context's year as of `ctx.as_of(today)`.
pub fn score(profile: &Profile, ctx: &Context, tables: &Tables, today: NaiveDate) -> Scorecard {
    let facts = Facts::build(profile, ctx, tables);
    let snap = Snapshot::build(tables, &facts.placer, ctx.year, ctx.as_of(today));
    score_from(profile, ctx, tables, &facts, &snap)
}

/// [`score`] from facts and a snapshot (with its findings) built by the caller, who may
/// reuse them for the other views of the same data (see [`insights::dashboard()`]).
pub fn score_from(profile: &Profile, ctx: &Context, tables: &Tables, facts: &Facts, snap: &Snapshot) -> Scorecard {
    let mut card = evaluate(profile, ctx, tables, facts, snap);
    let mut findings = impossible_findings(&card.indicators);
    findings.extend(snap.findings.iter().cloned());
    findings.extend(facts.findings.iter().cloned());
    findings.extend(suggestion_findings(profile, tables, facts, snap.d));
    card.findings = cap_findings(findings);
    card
}

/// One finding per pair of figures that cannot both be true (§4): the indicator says it
/// on its card, the list of findings says it once (X1 and T4 may both divide by 常住人口).
fn impossible_findings(indicators: &[IndicatorResult]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for r in indicators.iter().filter(|r| r.detail.impossible) {
        let (Some(zh), Some(en)) = (&r.detail.gap, &r.detail.gap_en) else { continue };
        if out.iter().any(|f| f.message.ends_with(zh.as_str())) {
            continue;
        }
        out.push(Finding::file(
            "",
            FindingKind::ImpossibleValue,
            Severity::Warning,
            format!("{}：{zh}", r.id),
            format!("{}: {en}", r.id),
        ));
    }
    out
}

/// Keeps at most [`scorecard_model::finding::FINDINGS_PER_KIND`] findings of one kind per sheet (a
/// million records from last year must not become a million lines) and says how many
/// more there were, in one finding at the end of each capped group.
pub fn cap_findings(findings: Vec<Finding>) -> Vec<Finding> {
    use std::collections::HashMap;
    let cap = scorecard_model::finding::FINDINGS_PER_KIND;
    type Key = (String, Option<String>, FindingKind);
    // per group: findings listed, and how many the group stands for in all (an earlier
    // "N more" finding counts as its N)
    let mut listed: HashMap<Key, u64> = HashMap::new();
    let mut total: HashMap<Key, u64> = HashMap::new();
    let mut order: Vec<(Key, scorecard_model::finding::Severity)> = Vec::new();
    let mut out = Vec::new();
    for f in findings {
        let key = (f.file.clone(), f.sheet.clone(), f.kind);
        if !total.contains_key(&key) {
            order.push((key.clone(), f.severity));
        }
        *total.entry(key.clone()).or_insert(0) += if f.stands_for > 0 { f.stands_for } else { 1 };
        if f.stands_for > 0 {
            continue;
        }
        let n = listed.entry(key).or_insert(0);
        if *n < cap {
            *n += 1;
            out.push(f);
        }
    }
    for ((file, sheet, kind), severity) in order {
        let key = (file.clone(), sheet.clone(), kind);
        let (all, shown) = (total.get(&key).copied().unwrap_or(0), listed.get(&key).copied().unwrap_or(0));
        if all > shown {
            let more = all - shown;
            let (zh, en) = scorecard_model::finding::more_not_listed(kind, more, all);
            let mut f = Finding::file(&file, kind, severity, zh, en);
            f.sheet = sheet;
            out.push(f.standing_for(more));
        }
    }
    out
}

/// Scores against prepared facts and a snapshot, without collecting findings (the monthly
/// replay calls this once per month end over one `Facts`).
pub(crate) fn evaluate(profile: &Profile, ctx: &Context, tables: &Tables, facts: &Facts, snap: &Snapshot) -> Scorecard {
    let missing = crate::missing::missing_stations(ctx, tables);
    let cx = rules::Cx { tables, ctx, profile, facts, snap, missing: &missing };
    let mut omitted = Vec::new();
    let mut indicators = Vec::new();
    for ind in &profile.indicators {
        if matches!(ind.rule, Rule::Materials) && !facts.material_columns.iter().any(|&c| c) {
            omitted.push(Omitted {
                id: ind.id.clone(),
                reason: "活动记录中没有方案、记录、简报、图片列，此项不显示。如需核对，请在活动记录中加上这些列（填 是/否）。".into(),
                reason_en: "The activity sheet has no plan/record/brief/photo columns, so this indicator is not \
                    shown. Add them (yes/no) to check it.".into(),
            });
            continue;
        }
        indicators.push(rules::evaluate(ind, &cx));
    }
    Scorecard {
        profile: profile.id.clone(),
        profile_name: profile.name_zh.clone(),
        profile_name_en: profile.name_en.clone(),
        year: ctx.year,
        as_of: snap.d,
        days_left: snap.days_left,
        summary: Summary::of(&indicators),
        indicators,
        findings: Vec::new(),
        stations: facts.stations.clone(),
        hours_source: snap.source,
        omitted,
        missing_stations: missing,
    }
}

/// A `suggestion` finding for each activity up to `D` near a holiday that names none and
/// is not confirmed — only when the profile counts holiday activities.
fn suggestion_findings(profile: &Profile, tables: &Tables, facts: &Facts, d: NaiveDate) -> Vec<Finding> {
    if !profile.indicators.iter().any(|i| matches!(i.rule, Rule::HolidayActivities { .. })) {
        return Vec::new();
    }
    facts
        .acts
        .iter()
        .filter(|a| a.date <= d && a.place != scope::Place::Outside)
        .filter_map(|a| {
            let HolidayMark::Suggested(h) = a.holiday else { return None };
            let hol = facts.holidays.get(h)?;
            let name = tables.activities.get(a.row).map(|r| tables.so(r.name)).unwrap_or("");
            Some(
                finding_at(
                    tables,
                    a.at,
                    FindingKind::Suggestion,
                    Severity::Info,
                    format!(
                        "活动「{name}」（{}）在{}（{}）前后 3 天内，但没有注明节庆日。如果是节庆日主题活动，请确认后计入节庆日活动。",
                        a.date,
                        hol.name,
                        hol.date
                    ),
                    format!(
                        "Activity \"{name}\" ({}) is within 3 days of {} ({}) but names no holiday. Confirm it \
                            if it was holiday-themed, then it counts.",
                        a.date, hol.name_en, hol.date
                    ),
                )
                .in_column("节庆日"),
            )
        })
        .collect()
}
